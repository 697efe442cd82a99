"""A filled document as renderers see it: the layout model applied to one melding.

``present(doc, findings, lang)`` walks the layout with the data and returns titled blocks of
label/value rows, in reading order, with every value already formatted (labels instead of enum
keys, Ja/Nee, dates in words, persons by name and role). Empty optional fields are left out.
The HTML and Word renderers only lay these rows out; they know no field names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from meldform.check.findings import WAARSCHUWING, Finding
from meldform.check.rules import Words, melden_vereist
from meldform.documents.formatting import COMPACT, format_bool, format_date, person_names
from meldform.documents.record import compared, marks
from meldform.model.layout import (
    BOOLEAN,
    DATE,
    ENUM,
    ENUM_MULTI,
    HIDDEN,
    PERSON,
    PERSON_ID,
    PERSON_OR_MELDER,
    PERSONS,
    TEXT_LIST,
    TRISTATE,
    Field,
    Group,
    Layout,
    Node,
    Repeat,
    build_layout,
    kader_variant,
)
from meldform.model.persons import MELDER
from meldform.texts import pick
from meldform.texts.documents import CONCLUSIONS, DOCUMENT_WORDS, INZAGE
from meldform.texts.words import WORDS


@dataclass(frozen=True)
class Row:
    label: str
    value: str | tuple[str, ...]
    path: str
    multiline: bool = False

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, tuple)


@dataclass
class Block:
    """A titled part of the document: its own rows first, then its sub-blocks (``items``)."""

    title: str
    level: int
    path: str
    items: list[Row | Block] = field(default_factory=list)
    intro: str | None = None
    conclusion: Row | None = None


@dataclass
class Presentation:
    title: str
    kenmerk: str
    lang: str
    header: list[Row]
    notices: list[str]
    blocks: list[Block]
    footer: str


def present(doc: dict[str, Any], findings: list[Finding] | None = None, lang: str = "nl", layout: Layout | None = None) -> Presentation:
    layout = layout or build_layout(str(doc["soort"]), str(doc["sector"]), lang, kader_variant(doc))
    ctx = _Ctx(lang, person_names(doc, layout, lang), layout, doc)
    header: list[Row] = []
    blocks: list[Block] = []
    for node in layout.sections:
        value = doc.get(node.key)
        if value is None:
            continue
        if isinstance(node, Field):
            if node.header:
                row = _row(ctx, node, value, "/" + node.key)
                if row:
                    header.append(row)
            continue
        if isinstance(node, Group) and node.header:
            summary = _summary(ctx, node, value)
            if summary:
                header.append(Row(node.label, summary, "/" + node.key))
        block = _block(ctx, node, value, "/" + node.key, level=2)
        if block is not None:
            blocks.append(block)
    inzage = layout.inzage
    notices = ([inzage] if inzage else []) + [f.melding for f in findings or [] if f.ernst == WAARSCHUWING]
    for pad, text in marks(layout, doc):
        _mark(header, blocks, pad, text, lang)
    reference = str(doc.get(layout.file_name_key, "")) if layout.file_name_key else ""  # the kenmerk: it names the files too
    addressed = "" if doc.get("soort") == "dossiernotitie" else f" {pick(DOCUMENT_WORDS, 'aan_vt', lang)}"  # a dossiernotitie stays in the file
    title = f"{_option(layout, 'soort', doc.get('soort'))}{addressed} — {reference}"
    footer = pick(DOCUMENT_WORDS, "voettekst", lang, datum=format_date(dt.date.today().isoformat(), lang))
    return Presentation(title, reference, lang, header, notices, blocks, footer)


def _within(pad: str, path: str) -> bool:
    return pad == path or pad.startswith(path + "/")


def _mark(header: list[Row], blocks: list[Block], pad: str, text: str, lang: str) -> None:
    """Show ``text`` at the part ``pad`` points to: after its row, or above its block (the nearest one that holds it)."""
    label = pick(INZAGE, "markering_kop", lang)
    for index, row in enumerate(header):
        if _within(pad, row.path):
            header.insert(index + 1, Row(label, text, row.path + "#niet-ter-inzage"))
            return
    items: list[Row | Block] = list(blocks)
    target: Block | None = None
    while True:
        inner = next((i for i in items if _within(pad, i.path)), None)
        if inner is None:
            break
        if isinstance(inner, Row):
            holder = target.items if target is not None else []
            holder.insert(holder.index(inner) + 1, Row(label, text, inner.path + "#niet-ter-inzage"))
            return
        target = inner
        items = inner.items
    if target is not None:
        target.intro = f"{text}. {target.intro}" if target.intro else text


@dataclass
class _Ctx:
    lang: str
    persons: dict[str, str]
    layout: Layout | None = None
    doc: dict[str, Any] = field(default_factory=dict)


def _option(layout: Layout, key: str, value: Any) -> str:
    node = layout.root.child(key)
    return node.option_label(value) if isinstance(node, Field) else str(value)


def _summary(ctx: _Ctx, group: Group, value: Any) -> str:
    """One line for a header: the compact or short text values of the group, in order."""
    if not isinstance(value, dict):
        return ""
    parts: list[str] = []
    chosen = [c for c in group.children if c.header] or list(group.children)
    for child in chosen:
        sub = value.get(child.key)
        if sub is None or sub == "":
            continue
        if isinstance(child, Group) and child.display in COMPACT:
            parts.append(COMPACT[child.display](sub))
        elif isinstance(child, Field) and child.kind not in (BOOLEAN, TRISTATE, ENUM, HIDDEN) and isinstance(sub, str):
            parts.append(sub)
    return " — ".join(p for p in parts if p)


def _block(ctx: _Ctx, node: Node, value: Any, path: str, level: int) -> Block | None:
    if isinstance(node, Repeat):
        if not isinstance(value, list) or not value:
            return None
        block = Block(node.label, level, path)
        for index, item in enumerate(value):
            sub = _block(ctx, node.item, item, f"{path}/{index}", level + 1)
            if sub is not None:
                sub.title = f"{node.item.label} {index + 1}"
                block.items.append(sub)
        return block
    if isinstance(node, Group):
        if not isinstance(value, dict):
            return None
        block = Block(node.label, level, path, intro=node.intro)
        nested: list[Row | Block] = []  # sub-blocks follow the block's own rows, so no row reads as a sub-block's
        for child in node.children:
            sub_value = value.get(child.key)
            sub_path = f"{path}/{child.key}"
            if isinstance(child, Field) and child.kind == TRISTATE and child.key not in value:
                block.items.append(Row(child.label, format_bool(None, ctx.lang), sub_path))
            elif isinstance(child, Field):
                row = _row(ctx, child, sub_value, sub_path)
                if row is not None:
                    block.items.append(row)
            elif isinstance(child, Group) and child.display in COMPACT:
                text = COMPACT[child.display](sub_value)
                if text:
                    block.items.append(Row(child.label, text, sub_path))
            elif sub_value is not None:
                sub = _block(ctx, child, sub_value, sub_path, level + 1)
                if sub is not None and sub.items:
                    nested.append(sub)
        block.items.extend(nested)
        if node.conclusion == "afwegingskader":
            block.conclusion = Row(pick(DOCUMENT_WORDS, "conclusie", ctx.lang), conclusion_text(value, melden_vereist(value), ctx.lang), f"{path}#conclusie")
        return block
    return None


def conclusion_text(afweging: dict[str, Any], reasons: Words | None, lang: str) -> str:
    """What the afwegingskader concludes from the answers (``reasons``: why melden is required)."""
    if afweging.get("vermoeden") is False:
        return pick(CONCLUSIONS, "geen_vermoeden", lang)
    if reasons is not None:
        unsafe = afweging.get("acuteOnveiligheid") is True or afweging.get("structureleOnveiligheid") is True
        return pick(CONCLUSIONS, "melden_onveilig" if unsafe else "melden", lang, reden=reasons.render(lang))
    if all(afweging.get(k) is True for k in ("hulpMogelijk", "hulpAanvaard", "hulpResultaat")):
        return pick(CONCLUSIONS, "hulp_afronden", lang)
    return pick(CONCLUSIONS, "open", lang)


def _row(ctx: _Ctx, node: Field, value: Any, path: str) -> Row | None:
    if (node.kind == HIDDEN and not node.header) or node.kind == PERSON_ID:
        return None  # internal: a person's id is shown as the person's name where it is used
    if value is None and node.kind != TRISTATE:
        return None  # empty optional fields are left out; an unanswered question 3-5 still shows
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, list) and not value:
        return None
    if node.compare_with and isinstance(value, list) and ctx.layout is not None:
        return Row(node.label, compared(ctx.layout, ctx.doc, node, value), path)
    text = _format(ctx, node, value)
    if isinstance(text, tuple):
        return Row(node.label, tuple(_line_breaks(t) for t in text), path)
    text = _line_breaks(text)
    return Row(node.label, text, path, multiline="\n" in text)


def _line_breaks(text: str) -> str:
    """A vertical tab is Word's manual line break (pasted text carries it): keep it as a line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")


def _format(ctx: _Ctx, node: Field, value: Any) -> str | tuple[str, ...]:
    kind = node.kind
    if kind in (BOOLEAN, TRISTATE):
        return format_bool(value, ctx.lang)
    if kind == DATE:
        return format_date(value, ctx.lang)
    if kind in (ENUM, HIDDEN) and node.options:
        return node.option_label(value)
    if kind == ENUM_MULTI:
        return tuple(node.option_label(v) for v in value)
    if kind in (PERSON, PERSON_OR_MELDER, PERSON_ID):
        return _person(ctx, value)
    if kind == PERSONS:
        return tuple(_person(ctx, v) for v in value)
    if kind == TEXT_LIST:
        return tuple(str(v) for v in value)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return str(value)


def _person(ctx: _Ctx, ref: Any) -> str:
    if ref == MELDER:
        return pick(WORDS, "melder", ctx.lang)
    return ctx.persons.get(str(ref), str(ref))
