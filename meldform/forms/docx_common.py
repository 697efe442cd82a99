"""What the blank Word form and its importer agree on: the places of the controls and their values.

Both directions are driven by the layout model (``meldform.model.layout``) alone: a property added to a
schema appears in the form (``meldform.forms.docx_writer``) and is imported
(``meldform.forms.docx_reader``) without a code change.

Design
------
Tags
    Every control's ``w:tag`` is the JSON pointer of its value, with the slot index inside
    repeats: ``/betrokkenen/kinderen/1/leeftijd``. A check box of a multiple choice
    (``enum_multi``) adds ``#`` and the option's key: ``/zorgen/aardGeweld#partnergeweld``. Word
    takes tags of at most 64 characters; a longer pointer keeps its first 55 characters plus ``~``
    and 8 hex digits of its SHA-1 (``control_tag``). The importer never parses tags: it walks the
    layout, computes the tag of every place and looks it up.
Controls per kind
    text, email, tel, id, integer, textarea and text_list: a text control (rich text, so that
    LibreOffice keeps it a content control; text_list: one item per line); date: date picker (display ``d-M-yyyy``, value in
    ``w:fullDate``); enum: drop-down of the labels (value = the enum key); enum_multi: one check
    box per option; boolean: a drop-down Ja/Nee and tristate: Ja/Nee/Niet beantwoord (a single
    check box cannot say "not answered": unticked would read as "Nee", and two boxes Ja/Nee can
    both be ticked; a drop-down is one control with one answer, and its placeholder means "not
    answered"); person, persons, person_or_melder: plain text with the persons' *Kenletters*
    separated by commas (the ids are chosen by the professional in the same form, so no list of
    them exists when the form is made). A control showing its placeholder text is empty.
LibreOffice
    LibreOffice drops ``w:tag`` when it saves a form, so every control also names its placeholder
    building block after its tag (``w:placeholder/w:docPart``), which LibreOffice keeps; the
    form's glossary document holds those blocks (``meldform.forms.controls``).
Slots
    A repeat gets ``Repeat.slots`` slots when the layout exposes it (the schema annotation
    ``x-slots``), else ``DEFAULT_PERSON_SLOTS`` (4) for a repeat of persons (an item with an ``id``
    field) and ``DEFAULT_SLOTS`` (5) for any other repeat; never fewer than its ``minItems``.
    Empty slots are ignored on import.
Metadata
    Hidden fields are no controls. The form keeps in its custom document properties
    (``docProps/custom.xml``): ``meldform:formulier`` (form format version), ``meldform:soort``,
    ``meldform:sector``, ``meldform:taal`` (which layout made it) and, per hidden field, its value
    as JSON under ``meldform:`` + its pointer (``meldform:/schemaVersie``). A hidden field is
    filled from that property, else from the layout (its ``const``, or its only option).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from meldform.check.findings import pointer
from meldform.forms.controls import MAX_TAG
from meldform.model.layout import BOOLEAN, ENUM, ENUM_MULTI, HIDDEN, TRISTATE, Field, Group, Layout, Option, Repeat
from meldform.texts import pick
from meldform.texts.forms_docx import FORM_DOCX

FORM_VERSION = "1"
PROP = "meldform:"
DEFAULT_PERSON_SLOTS = 4
DEFAULT_SLOTS = 5

Path = tuple[str | int, ...]


def text(key: str, lang: str, **params: Any) -> str:
    return pick(FORM_DOCX, key, lang, **params)


# -- the places of the controls ---------------------------------------------------------------
def control_tag(parts: Path, option: str | None = None) -> str:
    """The ``w:tag`` of the control at ``parts`` (and, for a check box, ``option``); at most 64 characters."""
    tag = pointer(parts) + (f"#{option}" if option is not None else "")
    if len(tag) <= MAX_TAG:
        return tag
    digest = hashlib.sha1(tag.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return tag[: MAX_TAG - 9] + "~" + digest


def slot_count(repeat: Repeat, wanted: int | None = None) -> int:
    """Slots in the blank form: ``wanted`` if asked (``meldform blank --herhalingen N``), else ``x-slots``
    (``Repeat.slots``) if the layout has it, else 4 for persons, 5 otherwise; never fewer than the schema's minItems."""
    slots = wanted if wanted is not None else getattr(repeat, "slots", None)
    if not isinstance(slots, int) or isinstance(slots, bool) or slots < 1:
        slots = DEFAULT_PERSON_SLOTS if repeat.holds_persons else DEFAULT_SLOTS
    return max(slots, repeat.min_items)


@dataclass(frozen=True)
class ControlSpec:
    """One control of the blank form: its tag, place, field, option (check boxes) and description."""

    tag: str
    parts: Path
    field: Field
    option: Option | None
    description: str


def describe(trail: tuple[str, ...], label: str) -> str:
    """How a control is named to a person: ``Betrokkenen › Kind 2 › Leeftijd (jaren)``."""
    return " › ".join((*trail, label))


def slot_title(repeat: Repeat, index: int) -> str:
    return f"{repeat.item.label} {index + 1}"


def form_controls(layout: Layout, slots: int | None = None) -> Iterator[ControlSpec]:
    """Every control of the blank form of ``layout`` (``slots`` as for :func:`slot_count`), in document order."""
    yield from group_controls(layout.root, (), (), slots)


def group_controls(group: Group, parts: Path, trail: tuple[str, ...], slots: int | None = None) -> Iterator[ControlSpec]:
    """Every control of ``group`` at ``parts`` (named under ``trail``), in document order."""
    for node in group.children:
        path = (*parts, node.key)
        if isinstance(node, Field):
            if node.kind == HIDDEN:
                continue
            description = describe(trail, node.label)
            if node.kind == ENUM_MULTI:
                for option in node.options:
                    yield ControlSpec(control_tag(path, option.value), path, node, option, f"{description}: {option.label}")
            else:
                yield ControlSpec(control_tag(path), path, node, None, description)
        elif isinstance(node, Group):
            yield from group_controls(node, path, (*trail, node.label), slots)
        else:
            for index in range(slot_count(node, slots)):
                yield from group_controls(node.item, (*path, index), (*trail, slot_title(node, index)), slots)


# -- values of choices -------------------------------------------------------------------------
NO_CHOICE = ""  # the w:value of the "(geen keuze)" item


def choices(node: Field, lang: str) -> list[tuple[Any, str]]:
    """(value, label) of a drop-down: the layout's answers to the question (``Field.choices``)."""
    return [(c.value, c.label) for c in node.choices(lang)]


def item_value(value: Any) -> str:
    """The ``w:value`` of a list item: the enum key, or JSON for true/false/null."""
    return value if isinstance(value, str) else json.dumps(value)


def is_dropdown(node: Field) -> bool:
    return node.kind in (BOOLEAN, TRISTATE) or (node.kind == ENUM and bool(node.options))


# -- hidden fields ---------------------------------------------------------------------------------
class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()  # "no value here" (``None`` is a value: a tristate's "Niet beantwoord")


def hidden_fields(group: Group, parts: Path) -> Iterator[tuple[Path, Field]]:
    for node in group.children:
        path = (*parts, node.key)
        if isinstance(node, Field) and node.kind == HIDDEN:
            yield path, node
        elif isinstance(node, Group):
            yield from hidden_fields(node, path)


def layout_value(node: Field) -> Any:
    """The value the layout itself gives a hidden field (``Field.fixed_value``), else ``MISSING``."""
    return node.fixed_value if node.has_fixed_value else MISSING
