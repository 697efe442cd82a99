"""The blank, fillable Word form: one content control per value, laid out by the layout model.

The package, page, styles, fonts, footer and properties are the house's (:mod:`meldform.ooxml`),
the same as a rendered melding's; this module writes ``word/document.xml`` (paragraphs, tables and
the controls of :mod:`meldform.forms.controls`) with lxml, and the form's metadata in
``docProps/custom.xml``. Where each control goes and what it is called is decided in
:mod:`meldform.forms.docx_common`, which the importer reads back with. python-docx is not imported.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from meldform import ooxml
from meldform.check.findings import pointer
from meldform.forms import controls as sdt
from meldform.forms.docx_common import (
    FORM_VERSION,
    MISSING,
    NO_CHOICE,
    PROP,
    Path,
    choices,
    control_tag,
    hidden_fields,
    is_dropdown,
    item_value,
    layout_value,
    slot_count,
    slot_title,
    text,
)
from meldform.model.layout import (
    BOOLEAN,
    DATE,
    ENUM_MULTI,
    HIDDEN,
    INTEGER,
    PERSON,
    PERSON_OR_MELDER,
    PERSONS,
    TEXT_LIST,
    TRISTATE,
    Condition,
    Field,
    Group,
    Layout,
    Node,
    Repeat,
)
from meldform.ooxml import MC_NS, R_NS, W14_NS, W_NS, w
from meldform.texts import pick
from meldform.texts.words import WORDS

NSMAP = {"w": W_NS, "r": R_NS, "w14": W14_NS, "mc": MC_NS}


def blank_docx(layout: Layout, slots: int | None = None) -> bytes:
    """A blank, fillable Word form for ``layout`` (its soort, sector and language); ``slots`` blocks per
    repeat instead of the schema's ``x-slots`` when given."""
    return _FormWriter(layout, slots).build()


class _FormWriter:
    """Writes the form's body as OOXML and puts it in the house's package."""

    LABEL_WIDTH = ooxml.LABEL_WIDTH
    CONTROL_WIDTH = ooxml.TABLE_WIDTH - ooxml.LABEL_WIDTH
    SHADE_SLOT = "D9E2F3"
    SHADE_SUB = "EAEFF7"
    GREY = "595959"
    RED = "C00000"

    def __init__(self, layout: Layout, slots: int | None = None) -> None:
        self.layout = layout
        self.slots = slots
        self.lang = layout.lang
        self.lid = ooxml.language_tag(layout.lang)
        self.next_id = 1
        self.document = etree.Element(w("document"), nsmap=NSMAP)
        # the check boxes are w14 elements: Word 2007 and others must be allowed to ignore them
        self.document.set(f"{{{MC_NS}}}Ignorable", "w14")
        self.body = etree.SubElement(self.document, w("body"))

    # -- document -----------------------------------------------------------------------------
    def build(self) -> bytes:
        root = self.layout.root
        self._add(_paragraph([_run(root.label)], style=ooxml.TITLE))
        if root.help:
            self._add(_paragraph([_run(root.help)], style=ooxml.INTRO))
        self._add(_paragraph([_run(text("instructie", self.lang))], style=ooxml.INTRO))
        if self.layout.inzage:  # the family may read what is written here
            self._add(_paragraph([_run(self.layout.inzage, bold=True)], style=ooxml.INTRO))
        self._blocks(root, (), level=1, trail=())
        if self.body[-1].tag == w("tbl"):
            self._add(_paragraph([], style=ooxml.SPACER))  # Word wants the body to end with a paragraph
        self.body.append(etree.fromstring(ooxml.declared(ooxml.SECT_PR)))
        etree.cleanup_namespaces(self.document, top_nsmap=NSMAP, keep_ns_prefixes=list(NSMAP))
        document = bytes(etree.tostring(self.document, xml_declaration=True, encoding="UTF-8", standalone=True))
        parts: dict[str, str | bytes] = {
            ooxml.DOCUMENT: document,
            ooxml.FOOTER: ooxml.footer_xml(self.layout.sector_label, text("voettekst", self.lang)),
            ooxml.CORE: ooxml.core_xml(root.label, self.lang, subject=self.layout.sector_label, keywords="meldform"),
            ooxml.CUSTOM: self._metadata(),
            ooxml.GLOSSARY: sdt.glossary_xml(self.document.iter(w("sdt"))),
        }
        return ooxml.package(self.lang, parts, custom_properties=True, glossary=True)

    def _add(self, element: etree._Element) -> etree._Element:
        self.body.append(element)
        return element

    def _metadata(self) -> bytes:
        """``docProps/custom.xml``: which layout made the form, and the values of its hidden fields."""
        props: list[tuple[str, str]] = [
            (PROP + "formulier", FORM_VERSION),
            (PROP + "soort", self.layout.soort),
            (PROP + "sector", self.layout.sector),
            (PROP + "taal", self.lang),
        ]
        for parts, node in hidden_fields(self.layout.root, ()):
            value = layout_value(node)
            if value is not MISSING:
                props.append((PROP + pointer(parts), json.dumps(value, ensure_ascii=False)))
        nsmap: Any = {None: ooxml.CUSTOM_NS, "vt": ooxml.VT_NS}  # the default namespace, as Word writes it
        root = etree.Element(f"{{{ooxml.CUSTOM_NS}}}Properties", nsmap=nsmap)
        for pid, (name, value) in enumerate(props, start=2):
            prop = etree.SubElement(root, f"{{{ooxml.CUSTOM_NS}}}property", fmtid=ooxml.FMTID, pid=str(pid), name=name)
            etree.SubElement(prop, f"{{{ooxml.VT_NS}}}lpwstr").text = value
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))

    # -- structure ----------------------------------------------------------------------------
    def _blocks(self, group: Group, parts: Path, level: int, trail: tuple[str, ...]) -> None:
        """Lay out a group's children: runs of fields as a table; sections and repeats under headings.

        At the top (level 1) every group is a section (Heading 1); inside a section, repeats and
        groups without a compact display are blocks (Heading 2); everything deeper is table rows.
        Fields that follow a block get a heading of their own, so they do not seem to belong to it.
        """
        table = None
        after_block = False
        for node in group.children:
            path = (*parts, node.key)
            if isinstance(node, Field) and node.kind == HIDDEN:
                continue
            if isinstance(node, Repeat) and level <= 2:
                table, after_block = None, True
                self._repeat_block(node, path, level, trail)
            elif isinstance(node, Group) and (level == 1 or (level == 2 and node.display is None)) and _has_controls(node):
                table, after_block = None, True
                self._heading(node.label, level)
                self._intro(node)
                self._blocks(node, path, level + 1, (*trail, node.label))
            else:
                if table is None:
                    if after_block:
                        self._heading(text("overig", self.lang), level)
                    table = self._table()
                self._rows(table, node, path, trail, group)

    def _intro(self, node: Group | Repeat) -> None:
        intro = node.intro if isinstance(node, Group) else None
        if intro:
            self._add(_paragraph([_run(intro)], style=ooxml.INTRO))
        if node.help:
            self._note(node.help, size=19, italic=True)

    def _repeat_block(self, node: Repeat, parts: Path, level: int, trail: tuple[str, ...]) -> None:
        self._heading(node.label, level)
        self._intro(node)
        count = slot_count(node, self.slots)
        self._note(text("slots", self.lang, n=count), size=17, italic=True)
        for index in range(count):
            title = slot_title(node, index)
            table = self._table()
            self._header_row(table, title, self.SHADE_SLOT, node.item.help)
            for child in node.item.children:
                self._rows(table, child, (*parts, index, child.key), (*trail, title), node.item)
            self._add(_paragraph([], style=ooxml.SPACER))

    def _rows(self, table: etree._Element, node: Node, parts: Path, trail: tuple[str, ...], parent: Group) -> None:
        if isinstance(node, Field):
            if node.kind != HIDDEN:
                self._field_row(table, node, parts, parent)
        elif isinstance(node, Group):
            if not _has_controls(node):
                return
            self._header_row(table, node.label, self.SHADE_SUB, node.help)
            for child in node.children:
                self._rows(table, child, (*parts, child.key), (*trail, node.label), node)
        else:
            self._header_row(table, node.label, self.SHADE_SLOT, node.help)
            for index in range(slot_count(node, self.slots)):
                title = slot_title(node, index)
                self._header_row(table, title, self.SHADE_SUB, None)
                for child in node.item.children:
                    self._rows(table, child, (*parts, index, child.key), (*trail, title), node.item)

    # -- tables -------------------------------------------------------------------------------
    def _table(self) -> etree._Element:
        if len(self.body) and self.body[-1].tag == w("tbl"):
            self._add(_paragraph([], style=ooxml.SPACER))  # two tables in a row would merge into one
        table = etree.Element(w("tbl"))
        table.append(etree.fromstring(ooxml.declared(ooxml.TABLE_PROPS)))
        grid = etree.SubElement(table, w("tblGrid"))
        for col in (self.LABEL_WIDTH, self.CONTROL_WIDTH):
            etree.SubElement(grid, w("gridCol")).set(w("w"), str(col))
        return self._add(table)

    @staticmethod
    def _row(table: etree._Element) -> etree._Element:
        row = etree.SubElement(table, w("tr"))
        etree.SubElement(etree.SubElement(row, w("trPr")), w("cantSplit"))
        return row

    @staticmethod
    def _cell(row: etree._Element, width: int, shade: str | None, span: int = 1) -> etree._Element:
        cell = etree.SubElement(row, w("tc"))
        pr = etree.SubElement(cell, w("tcPr"))
        tc_w = etree.SubElement(pr, w("tcW"))
        tc_w.set(w("w"), str(width))
        tc_w.set(w("type"), "dxa")
        if span > 1:
            etree.SubElement(pr, w("gridSpan")).set(w("val"), str(span))
        if shade:
            shd = etree.SubElement(pr, w("shd"))
            shd.set(w("val"), "clear")
            shd.set(w("color"), "auto")
            shd.set(w("fill"), shade)
        return cell

    def _header_row(self, table: etree._Element, title: str, shade: str, help_text: str | None) -> None:
        cell = self._cell(self._row(table), self.LABEL_WIDTH + self.CONTROL_WIDTH, shade, span=2)
        cell.append(_paragraph([_run(title, bold=True)], style=ooxml.TABLE_TEXT, keep_next=True))
        if help_text:
            cell.append(_paragraph([_run(help_text, italic=True, size=17, color=self.GREY)], style=ooxml.TABLE_TEXT, keep_next=True))

    def _field_row(self, table: etree._Element, node: Field, parts: Path, parent: Group) -> None:
        row = self._row(table)
        label_cell = self._cell(row, self.LABEL_WIDTH, ooxml.LABEL_FILL)
        runs = [_run(node.label)]
        if node.required:
            runs.append(_run(" *", bold=True, color=self.RED))
        label_cell.append(_paragraph(runs, style=ooxml.TABLE_TEXT))
        for note in self._notes(node, parent):
            label_cell.append(_paragraph([_run(note, size=16, color=self.GREY)], style=ooxml.TABLE_TEXT))
        control_cell = self._cell(row, self.CONTROL_WIDTH, None)
        if node.kind == ENUM_MULTI:
            for option in node.options:
                box = sdt.checkbox(control_tag(parts, option.value), f"{node.label}: {option.label}", self._id())
                option_runs = [box, _run(" " + option.label)]
                if option.help:
                    option_runs.append(_run(" — " + option.help, size=16, color=self.GREY))
                control_cell.append(_paragraph(option_runs, style=ooxml.TABLE_TEXT))
            if not node.options:
                control_cell.append(_paragraph([], style=ooxml.TABLE_TEXT))
            return
        control_cell.append(_paragraph([self._control(node, control_tag(parts), node.label)], style=ooxml.TABLE_TEXT))

    def _control(self, node: Field, tag: str, alias: str) -> etree._Element:
        placeholder = self._placeholder(node)
        if is_dropdown(node):
            items = [(label, item_value(value)) for value, label in choices(node, self.lang)]
            if node.kind != TRISTATE:  # (tristate has "Niet beantwoord") a way back to no answer
                items.insert(0, (text("geen_keuze_item", self.lang), NO_CHOICE))
            return sdt.dropdown(tag, alias, placeholder, self._id(), items)
        if node.kind == DATE:
            return sdt.date_picker(tag, alias, placeholder, self._id(), lid=self.lid)
        return sdt.text_control(tag, alias, placeholder, self._id())

    def _placeholder(self, node: Field) -> str:
        """The help text (or the label), with a hint on how to fill in this kind of control."""
        base = node.help or node.label
        hint = None
        if node.kind == DATE:
            hint = text("hint_datum", self.lang)
        elif is_dropdown(node):
            hint = text("hint_keuze", self.lang) if not node.help else None
        elif node.kind == TEXT_LIST:
            hint = pick(WORDS, "per_regel", self.lang)
        elif node.kind == INTEGER:
            if node.minimum is not None and node.maximum is not None:
                hint = text("hint_getal_bereik", self.lang, min=node.minimum, max=node.maximum)
            else:
                hint = text("hint_getal", self.lang)
        elif node.kind in _PERSON_HINTS:
            hint = text(_PERSON_HINTS[node.kind], self.lang)
        if hint is None:
            return base
        if base == node.label:
            return hint
        return f"{base.rstrip()} {hint}"

    def _notes(self, node: Field, parent: Group) -> list[str]:
        notes: list[str] = []
        if node.required_when and not node.required:
            conditions = [self._condition_text(c, parent) for c in node.required_when]
            shown = f" {pick(WORDS, 'of', self.lang)} ".join(dict.fromkeys(c for c in conditions if c))
            if shown:
                notes.append(shown)
        if node.kind == ENUM_MULTI:
            notes.append(text("aankruisen", self.lang))
        return notes

    def _condition_text(self, condition: Condition, parent: Group) -> str | None:
        sibling = parent.child(condition.key)
        if not isinstance(sibling, Field) or sibling.kind == HIDDEN:
            return None
        expected, negate = condition.value, condition.negate
        if sibling.kind == BOOLEAN and isinstance(expected, bool) and negate:
            expected, negate = not expected, False  # "not Nee" reads better as "Ja"
        labels = dict(choices(sibling, self.lang)) if is_dropdown(sibling) else {}
        value = labels.get(expected, str(expected))
        if negate:
            value = text("niet", self.lang, waarde=value)
        return text("verplicht_als", self.lang, veld=sibling.label, waarde=value)

    # -- small things -------------------------------------------------------------------------
    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def _heading(self, title: str, level: int) -> None:
        self._add(_paragraph([_run(title)], style=ooxml.HEADINGS[min(max(level, 1), 2) - 1]))

    def _note(self, note: str, *, size: int, italic: bool = False) -> None:
        self._add(_paragraph([_run(note, italic=italic, size=size, color=self.GREY)]))


_PERSON_HINTS = {PERSONS: "hint_personen", PERSON: "hint_persoon", PERSON_OR_MELDER: "hint_persoon_melder"}


def _run(value: str, *, bold: bool = False, italic: bool = False, size: int | None = None, color: str | None = None) -> etree._Element:
    """A ``w:r`` with ``value`` (cleaned; line breaks and tabs kept); ``size`` in half points."""
    run = etree.Element(w("r"))
    if bold or italic or size or color:
        pr = etree.SubElement(run, w("rPr"))
        if bold:
            etree.SubElement(pr, w("b"))
        if italic:
            etree.SubElement(pr, w("i"))
        if color:
            etree.SubElement(pr, w("color")).set(w("val"), color)
        if size:
            etree.SubElement(pr, w("sz")).set(w("val"), str(size))
    sdt.add_text(run, value)
    return run


def _paragraph(children: list[etree._Element], *, style: str | None = None, keep_next: bool = False) -> etree._Element:
    paragraph = etree.Element(w("p"))
    if style or keep_next:
        pr = etree.SubElement(paragraph, w("pPr"))
        if style:
            etree.SubElement(pr, w("pStyle")).set(w("val"), style)
        if keep_next:
            etree.SubElement(pr, w("keepNext"))
    paragraph.extend(children)
    return paragraph


def _has_controls(group: Group) -> bool:
    for node in group.children:
        if isinstance(node, Field) and node.kind != HIDDEN:
            return True
        if isinstance(node, Repeat):
            return True
        if isinstance(node, Group) and _has_controls(node):
            return True
    return False
