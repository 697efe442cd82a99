"""What a rendered document adds to its rows: who can read it, the parts marked "niet ter inzage",
and an outcome set beside the expectation it answers (melding-1.1.md, *Terugkoppeling*, *Niet ter
inzage*).

Schema-driven: the marks come from a list annotated ``x-markeert`` and the comparison from a
field annotated ``x-vergelijkMet``; no field name is written here.
"""

from __future__ import annotations

from typing import Any

from meldform.model.layout import Field, Layout, Repeat
from meldform.texts import pick
from meldform.texts.documents import COMPARISON, INZAGE


def marks(layout: Layout, doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Each marked part of ``doc``: its JSON Pointer and the mark's text (with the reason's label)."""
    found: list[tuple[str, str]] = []
    for node in layout.sections:
        if not isinstance(node, Repeat) or node.marks is None:
            continue
        pad_key, reason_key = node.marks
        reason_field = node.item.child(reason_key)
        items = doc.get(node.key)
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or not isinstance(item.get(pad_key), str):
                continue
            reason = item.get(reason_key)
            label = reason_field.option_label(reason) if isinstance(reason_field, Field) else str(reason)
            found.append((item[pad_key], pick(INZAGE, "markering", layout.lang, reden=label)))
    return found


def resolve(doc: Any, pointer: str) -> Any:
    """The value at a JSON Pointer (``None`` when it does not resolve)."""
    node = doc
    for raw in pointer.split("/")[1:]:
        step = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(step)
        elif isinstance(node, list) and step.isascii() and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
        else:
            return None
    return node


def compared(layout: Layout, doc: dict[str, Any], field: Field, value: list[Any]) -> tuple[str, ...]:
    """``value`` (an outcome set) beside the list ``field.compare_with`` points to: one line per value.

    Only the values both lists can hold are compared (an expectation the outcome cannot record,
    such as the veiligheidsbeoordeling every melding gets, is not "niet gedaan")."""
    other = resolve(doc, field.compare_with or "")
    comparable = {o.value for o in field.options}
    expected = [v for v in other if isinstance(v, str) and v in comparable] if isinstance(other, list) else []
    lines: list[str] = []
    for item in dict.fromkeys([*expected, *value]):
        label = field.option_label(item)
        key = "beide" if item in expected and item in value else "alleen_verwacht" if item in expected else "alleen_gedaan"
        lines.append(pick(COMPARISON, key, layout.lang, waarde=label))
    return tuple(lines)
