"""The blank Word form with content controls, and reading a filled one back into a melding.

Both directions are driven by the layout model (``meldform.model.layout``) alone: a property added to a
schema appears in the form and is imported without a code change.

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
    text, email, tel, id, integer: plain text; textarea and text_list: multi-line plain text
    (text_list: one item per line); date: date picker (display ``d-M-yyyy``, value in
    ``w:fullDate``); enum: drop-down of the labels (value = the enum key); enum_multi: one check
    box per option; boolean: a drop-down Ja/Nee and tristate: Ja/Nee/Niet beantwoord (a single
    check box cannot say "not answered": unticked would read as "Nee", and two boxes Ja/Nee can
    both be ticked; a drop-down is one control with one answer, and its placeholder means "not
    answered"); person, persons, person_or_melder: plain text with the persons' *Kenletters*
    separated by commas (the ids are chosen by the professional in the same form, so no list of
    them exists when the form is made). A control showing its placeholder is empty.
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

import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from meldform.documents.formatting import w as word
from meldform.errors import MeldformError
from meldform.forms import controls as sdt
from meldform.model.layout import (
    BOOLEAN,
    DATE,
    ENUM,
    ENUM_MULTI,
    HIDDEN,
    INTEGER,
    PERSON,
    PERSON_ID,
    PERSON_OR_MELDER,
    PERSONS,
    TEXT_LIST,
    TEXTAREA,
    TRISTATE,
    Condition,
    Field,
    Group,
    Layout,
    Node,
    Option,
    Repeat,
    build_layout,
)
from meldform.texts.messages import pick

FORM_VERSION = "1"
PROP = "meldform:"
DEFAULT_PERSON_SLOTS = 4
DEFAULT_SLOTS = 5
MAX_SLOTS_READ = 200
MAX_BYTES = 50 * 1024 * 1024  # a form is well under 1 MB; refuse anything absurd

Path = tuple[str | int, ...]

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

TEXT_KINDS_MULTILINE = (TEXTAREA, TEXT_LIST)

_TEXT: dict[str, dict[str, str]] = {
    "instructie": {
        "nl": "Vul de grijze invulvelden in; keuzelijsten en datumvelden openen met een klik. Velden met * zijn verplicht. "
        "Lege blokken worden genegeerd. Lees het ingevulde formulier in met: meldform import <bestand>.docx",
        "en": "Fill in the grey fields; drop-down lists and date fields open with a click. Fields marked * are required. "
        "Empty blocks are ignored. Read the filled-in form with: meldform import <file>.docx",
    },
    "overig": {"nl": "Overige gegevens", "en": "Other details"},
    "slots": {
        "nl": "Het formulier heeft {n} blokken; vul er zoveel in als nodig, lege blokken worden genegeerd.",
        "en": "The form has {n} blocks; fill in as many as needed, empty blocks are ignored.",
    },
    "verplicht_als": {"nl": "Verplicht als «{veld}» {waarde} is.", "en": "Required if «{veld}» is {waarde}."},
    "niet": {"nl": "niet {waarde}", "en": "not {waarde}"},
    "of": {"nl": " of ", "en": " or "},
    "hint_datum": {"nl": "Kies of typ een datum (d-m-jjjj).", "en": "Pick or type a date (d-m-yyyy)."},
    "hint_keuze": {"nl": "Kies een antwoord.", "en": "Choose an answer."},
    "geen_keuze_item": {"nl": "(geen keuze)", "en": "(no choice)"},
    "hint_lijst": {"nl": "Eén per regel.", "en": "One per line."},
    "hint_getal": {"nl": "Een geheel getal.", "en": "A whole number."},
    "hint_getal_bereik": {"nl": "Een geheel getal van {min} tot en met {max}.", "en": "A whole number from {min} to {max}."},
    "hint_personen": {
        "nl": "Kenletters van de betrokkenen (zoals ingevuld bij Betrokkenen), gescheiden door komma's, bijvoorbeeld: a, b.",
        "en": "Ids of the persons concerned (as filled in under the persons), separated by commas, for example: a, b.",
    },
    "hint_persoon": {"nl": "De kenletter van een betrokkene (zoals ingevuld bij Betrokkenen).", "en": "The id of a person concerned."},
    "hint_persoon_melder": {
        "nl": "De kenletter van een betrokkene (zoals ingevuld bij Betrokkenen), of melder voor uzelf.",
        "en": "The id of a person concerned, or melder for yourself.",
    },
    "aankruisen": {"nl": "Kruis aan wat van toepassing is.", "en": "Tick all that apply."},
    "voettekst": {
        "nl": "Gemaakt met meldform. Ingevuld bevat dit formulier bijzondere persoonsgegevens.",
        "en": "Made with meldform. Once filled in, this form holds special categories of personal data.",
    },
    "pagina": {"nl": "pagina ", "en": "page "},
    # problems while importing (never quoting the content)
    "geen_getal": {"nl": "is geen geheel getal", "en": "is not a whole number"},
    "geen_datum": {"nl": "is geen geldige datum (gebruik d-m-jjjj)", "en": "is not a valid date (use d-m-yyyy)"},
    "geen_keuze": {"nl": "is geen van de keuzes in de lijst", "en": "is not one of the choices of the list"},
    "dubbel": {
        "nl": "komt meer dan eens voor in het formulier; alleen de eerste is gelezen",
        "en": "occurs more than once in the form; only the first was read",
    },
    "onbekend": {"nl": "onbekend invulveld (tag {tag}); overgeslagen", "en": "unknown field (tag {tag}); skipped"},
    # whole-file errors
    "geen_docx": {"nl": "is geen Word-bestand (.docx)", "en": "is not a Word file (.docx)"},
    "geen_formulier": {
        "nl": "is geen meldform-formulier (maak een leeg formulier met: meldform blank --format docx)",
        "en": "is not a meldform form (make a blank form with: meldform blank --format docx)",
    },
    "geen_invulvelden": {
        "nl": "bevat geen invulvelden van meldform meer; is het opgeslagen met een programma dat inhoudsbesturingselementen niet bewaart?",
        "en": "holds no meldform fields any more; was it saved by a program that does not keep content controls?",
    },
    "onbekende_variant": {"nl": "is een meldform-formulier van een onbekende soort of sector", "en": "is a meldform form of an unknown kind or sector"},
    "nieuwere_versie": {
        "nl": "is gemaakt met een nieuwere versie van meldform (formulierversie {versie})",
        "en": "was made by a newer meldform (form version {versie})",
    },
    "te_groot": {"nl": "is te groot voor een formulier", "en": "is too large for a form"},
}


def text(key: str, lang: str, **params: Any) -> str:
    return pick(_TEXT, key, lang, **params)


# -- the places of the controls ---------------------------------------------------------------
def pointer(parts: Path) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def control_tag(parts: Path, option: str | None = None) -> str:
    """The ``w:tag`` of the control at ``parts`` (and, for a check box, ``option``); at most 64 characters."""
    tag = pointer(parts) + (f"#{option}" if option is not None else "")
    if len(tag) <= sdt.MAX_TAG:
        return tag
    digest = hashlib.sha1(tag.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return tag[: sdt.MAX_TAG - 9] + "~" + digest


def is_person_repeat(repeat: Repeat) -> bool:
    return any(isinstance(c, Field) and c.kind == PERSON_ID for c in repeat.item.children)


def slot_count(repeat: Repeat) -> int:
    """Slots in the blank form: ``x-slots`` (``Repeat.slots``) if the layout has it, else 4 for persons, 5 otherwise."""
    slots = getattr(repeat, "slots", None)
    if not isinstance(slots, int) or isinstance(slots, bool) or slots < 1:
        slots = DEFAULT_PERSON_SLOTS if is_person_repeat(repeat) else DEFAULT_SLOTS
    return max(slots, repeat.min_items)


@dataclass(frozen=True)
class ControlSpec:
    """One control of the blank form: its tag, place, field, option (check boxes) and description."""

    tag: str
    parts: Path
    field: Field
    option: Option | None
    description: str


def _describe(trail: tuple[str, ...], label: str) -> str:
    return " › ".join((*trail, label))


def form_controls(layout: Layout) -> Iterator[ControlSpec]:
    """Every control of the blank form of ``layout``, in document order."""
    yield from _controls(layout.root, (), ())


def _controls(group: Group, parts: Path, trail: tuple[str, ...]) -> Iterator[ControlSpec]:
    for node in group.children:
        path = (*parts, node.key)
        if isinstance(node, Field):
            if node.kind == HIDDEN:
                continue
            description = _describe(trail, node.label)
            if node.kind == ENUM_MULTI:
                for option in node.options:
                    yield ControlSpec(control_tag(path, option.value), path, node, option, f"{description}: {option.label}")
            else:
                yield ControlSpec(control_tag(path), path, node, None, description)
        elif isinstance(node, Group):
            yield from _controls(node, path, (*trail, node.label))
        else:
            for index in range(slot_count(node)):
                yield from _controls(node.item, (*path, index), (*trail, f"{node.item.label} {index + 1}"))


# -- values of choices -------------------------------------------------------------------------
def choices(node: Field, lang: str) -> list[tuple[Any, str]]:
    """(value, label) of a drop-down: the enum's options, Ja/Nee, or Ja/Nee/Niet beantwoord."""
    if node.kind == BOOLEAN:
        return [(True, word("ja", lang)), (False, word("nee", lang))]
    if node.kind == TRISTATE:
        return [(True, word("ja", lang)), (False, word("nee", lang)), (None, word("onbeantwoord", lang))]
    return [(o.value, o.label) for o in node.options]


NO_CHOICE = ""  # the w:value of the "(geen keuze)" item


def _item_value(value: Any) -> str:
    """The ``w:value`` of a list item: the enum key, or JSON for true/false/null."""
    return value if isinstance(value, str) else json.dumps(value)


def _is_dropdown(node: Field) -> bool:
    return node.kind in (BOOLEAN, TRISTATE) or (node.kind == ENUM and bool(node.options))


# == the blank form ============================================================================
def blank_docx(layout: Layout) -> bytes:
    """A blank, fillable Word form for ``layout`` (its soort, sector and language)."""
    return _FormWriter(layout).build()


class _FormWriter:
    """Writes the form. python-docx supplies the package (template, styles, properties); the body
    (paragraphs, tables, controls) is written as OOXML directly, which is simple and fast."""

    LABEL_WIDTH = 3515  # twips (6.2 cm)
    CONTROL_WIDTH = 6123  # twips (10.8 cm); with 2 cm margins on A4
    SHADE_LABEL = "F2F2F2"
    SHADE_SLOT = "D9E2F3"
    SHADE_SUB = "EAEFF7"
    GREY = "595959"
    RED = "C00000"

    def __init__(self, layout: Layout) -> None:
        from docx import Document

        self.layout = layout
        self.lang = layout.lang
        self.doc = Document()
        self.next_id = 1
        self.body = self.doc.element.body
        self.end = self.body.find(sdt.w("sectPr"))
        self.style_ids: dict[str, str] = {}

    # -- document -----------------------------------------------------------------------------
    def build(self) -> bytes:
        self._setup()
        root = self.layout.root
        self._add(_paragraph([_run(root.label)], style=self.style_ids["Title"]))
        if root.help:
            self._note(root.help, size=19)
        self._note(text("instructie", self.lang), size=19, italic=True)
        self._blocks(root, (), level=1, trail=())
        self._metadata()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def _add(self, element: etree._Element) -> etree._Element:
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.body.append(element)
        return element

    def _setup(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Cm, Pt, RGBColor

        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.8)
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10)
        normal.paragraph_format.space_after = Pt(2)
        styles["Title"].font.size = Pt(20)
        for name, before in (("Heading 1", 16), ("Heading 2", 10)):
            styles[name].paragraph_format.space_before = Pt(before)
            styles[name].paragraph_format.keep_with_next = True
        if "Placeholder Text" not in [s.name for s in styles]:
            placeholder = styles.add_style("Placeholder Text", WD_STYLE_TYPE.CHARACTER)
            placeholder.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
        assert styles["Placeholder Text"].style_id == sdt.PLACEHOLDER_STYLE  # the style id the controls refer to
        for name in ("Title", "Heading 1", "Heading 2", "Table Grid"):
            self.style_ids[name] = styles[name].style_id
        # the document's language (spelling, date picker)
        defaults = styles.element.find(f"{sdt.w('docDefaults')}/{sdt.w('rPrDefault')}/{sdt.w('rPr')}")
        if defaults is not None:
            lang_el = defaults.find(sdt.w("lang"))
            if lang_el is None:
                lang_el = etree.SubElement(defaults, sdt.w("lang"))
            lang_el.set(sdt.w("val"), self._lid())
        # the check boxes are w14 elements: Word 2007 and others must be allowed to ignore them
        root = self.doc.element
        ignorable = root.get(f"{{{sdt.MC_NS}}}Ignorable", "")
        if "w14" not in ignorable.split():
            root.set(f"{{{sdt.MC_NS}}}Ignorable", (ignorable + " w14").strip())
        props = self.doc.core_properties
        props.title = self.layout.root.label
        props.subject = self.layout.sector_label
        props.author = "meldform"
        props.language = self._lid()
        props.keywords = "meldform"
        self._footer()

    def _lid(self) -> str:
        return "nl-NL" if self.lang == "nl" else "en-GB"

    def _footer(self) -> None:
        paragraph = self.doc.sections[0].footer.paragraphs[0]._p
        paragraph.append(_run(text("voettekst", self.lang) + " — " + text("pagina", self.lang), size=16))
        field_el = etree.SubElement(paragraph, sdt.w("fldSimple"))
        field_el.set(sdt.w("instr"), "PAGE")
        field_el.append(_run("1", size=16))

    def _metadata(self) -> None:
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        props: list[tuple[str, str]] = [
            (PROP + "formulier", FORM_VERSION),
            (PROP + "soort", self.layout.soort),
            (PROP + "sector", self.layout.sector),
            (PROP + "taal", self.lang),
        ]
        for parts, node in _hidden_fields(self.layout.root, ()):
            value = _layout_value(node)
            if value is not _MISSING:
                props.append((PROP + pointer(parts), json.dumps(value, ensure_ascii=False)))
        nsmap: Any = {None: CUSTOM_NS, "vt": VT_NS}  # the default namespace, as Word writes it
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap=nsmap)
        for pid, (name, value) in enumerate(props, start=2):
            prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=FMTID, pid=str(pid), name=name)
            etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
        blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        package = self.doc.part.package
        package.relate_to(Part(PackURI("/docProps/custom.xml"), CT_CUSTOM, blob, package), RT_CUSTOM)

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
            self._note(intro, size=19)
        if node.help:
            self._note(node.help, size=19, italic=True)

    def _repeat_block(self, node: Repeat, parts: Path, level: int, trail: tuple[str, ...]) -> None:
        self._heading(node.label, level)
        self._intro(node)
        count = slot_count(node)
        self._note(text("slots", self.lang, n=count), size=17, italic=True)
        for index in range(count):
            title = f"{node.item.label} {index + 1}"
            table = self._table()
            self._header_row(table, title, self.SHADE_SLOT, node.item.help)
            for child in node.item.children:
                self._rows(table, child, (*parts, index, child.key), (*trail, title), node.item)
            self._add(_paragraph([], space_after=0))

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
            for index in range(slot_count(node)):
                title = f"{node.item.label} {index + 1}"
                self._header_row(table, title, self.SHADE_SUB, None)
                for child in node.item.children:
                    self._rows(table, child, (*parts, index, child.key), (*trail, title), node.item)

    # -- tables -------------------------------------------------------------------------------
    def _table(self) -> etree._Element:
        table = etree.Element(sdt.w("tbl"))
        pr = etree.SubElement(table, sdt.w("tblPr"))
        etree.SubElement(pr, sdt.w("tblStyle")).set(sdt.w("val"), self.style_ids["Table Grid"])
        width = etree.SubElement(pr, sdt.w("tblW"))
        width.set(sdt.w("w"), str(self.LABEL_WIDTH + self.CONTROL_WIDTH))
        width.set(sdt.w("type"), "dxa")
        etree.SubElement(pr, sdt.w("tblLayout")).set(sdt.w("type"), "fixed")
        look = etree.SubElement(pr, sdt.w("tblLook"))
        look.set(sdt.w("val"), "04A0")
        grid = etree.SubElement(table, sdt.w("tblGrid"))
        for col in (self.LABEL_WIDTH, self.CONTROL_WIDTH):
            etree.SubElement(grid, sdt.w("gridCol")).set(sdt.w("w"), str(col))
        return self._add(table)

    @staticmethod
    def _row(table: etree._Element) -> etree._Element:
        row = etree.SubElement(table, sdt.w("tr"))
        etree.SubElement(etree.SubElement(row, sdt.w("trPr")), sdt.w("cantSplit"))
        return row

    @staticmethod
    def _cell(row: etree._Element, width: int, shade: str | None, span: int = 1) -> etree._Element:
        cell = etree.SubElement(row, sdt.w("tc"))
        pr = etree.SubElement(cell, sdt.w("tcPr"))
        tc_w = etree.SubElement(pr, sdt.w("tcW"))
        tc_w.set(sdt.w("w"), str(width))
        tc_w.set(sdt.w("type"), "dxa")
        if span > 1:
            etree.SubElement(pr, sdt.w("gridSpan")).set(sdt.w("val"), str(span))
        if shade:
            shd = etree.SubElement(pr, sdt.w("shd"))
            shd.set(sdt.w("val"), "clear")
            shd.set(sdt.w("color"), "auto")
            shd.set(sdt.w("fill"), shade)
        return cell

    def _header_row(self, table: etree._Element, title: str, shade: str, help_text: str | None) -> None:
        cell = self._cell(self._row(table), self.LABEL_WIDTH + self.CONTROL_WIDTH, shade, span=2)
        cell.append(_paragraph([_run(title, bold=True)], keep_next=True))
        if help_text:
            cell.append(_paragraph([_run(help_text, italic=True, size=17, color=self.GREY)], keep_next=True))

    def _field_row(self, table: etree._Element, node: Field, parts: Path, parent: Group) -> None:
        row = self._row(table)
        label_cell = self._cell(row, self.LABEL_WIDTH, self.SHADE_LABEL)
        runs = [_run(node.label)]
        if node.required:
            runs.append(_run(" *", bold=True, color=self.RED))
        label_cell.append(_paragraph(runs))
        for note in self._notes(node, parent):
            label_cell.append(_paragraph([_run(note, size=16, color=self.GREY)]))
        control_cell = self._cell(row, self.CONTROL_WIDTH, None)
        if node.kind == ENUM_MULTI:
            for option in node.options:
                box = sdt.checkbox(control_tag(parts, option.value), f"{node.label}: {option.label}", self._id())
                option_runs = [box, _run(" " + option.label)]
                if option.help:
                    option_runs.append(_run(" — " + option.help, size=16, color=self.GREY))
                control_cell.append(_paragraph(option_runs))
            if not node.options:
                control_cell.append(_paragraph([]))
            return
        control_cell.append(_paragraph([self._control(node, control_tag(parts), node.label)]))

    def _control(self, node: Field, tag: str, alias: str) -> etree._Element:
        placeholder = self._placeholder(node)
        if _is_dropdown(node):
            items = [(label, _item_value(value)) for value, label in choices(node, self.lang)]
            if node.kind != TRISTATE:  # (tristate has "Niet beantwoord") a way back to no answer
                items.insert(0, (text("geen_keuze_item", self.lang), NO_CHOICE))
            return sdt.dropdown(tag, alias, placeholder, self._id(), items)
        if node.kind == DATE:
            return sdt.date_picker(tag, alias, placeholder, self._id(), lid=self._lid())
        return sdt.plain_text(tag, alias, placeholder, self._id(), multiline=node.kind in TEXT_KINDS_MULTILINE)

    def _placeholder(self, node: Field) -> str:
        """The help text (or the label), with a hint on how to fill in this kind of control."""
        base = node.help or node.label
        hint = None
        if node.kind == DATE:
            hint = text("hint_datum", self.lang)
        elif _is_dropdown(node):
            hint = text("hint_keuze", self.lang) if not node.help else None
        elif node.kind == TEXT_LIST:
            hint = text("hint_lijst", self.lang)
        elif node.kind == INTEGER:
            if node.minimum is not None and node.maximum is not None:
                hint = text("hint_getal_bereik", self.lang, min=node.minimum, max=node.maximum)
            else:
                hint = text("hint_getal", self.lang)
        elif node.kind == PERSONS:
            hint = text("hint_personen", self.lang)
        elif node.kind == PERSON:
            hint = text("hint_persoon", self.lang)
        elif node.kind == PERSON_OR_MELDER:
            hint = text("hint_persoon_melder", self.lang)
        if hint is None:
            return base
        if base == node.label:
            return hint
        return f"{base.rstrip()} {hint}"

    def _notes(self, node: Field, parent: Group) -> list[str]:
        notes: list[str] = []
        if node.required_when and not node.required:
            conditions = [self._condition_text(c, parent) for c in node.required_when]
            shown = text("of", self.lang).join(dict.fromkeys(c for c in conditions if c))
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
        labels = dict(choices(sibling, self.lang)) if _is_dropdown(sibling) else {}
        value = labels.get(expected, str(expected))
        if negate:
            value = text("niet", self.lang, waarde=value)
        return text("verplicht_als", self.lang, veld=sibling.label, waarde=value)

    # -- small things -------------------------------------------------------------------------
    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def _heading(self, title: str, level: int) -> None:
        self._add(_paragraph([_run(title)], style=self.style_ids[f"Heading {min(max(level, 1), 2)}"]))

    def _note(self, note: str, *, size: int, italic: bool = False) -> None:
        self._add(_paragraph([_run(note, italic=italic, size=size, color=self.GREY)]))


def _run(value: str, *, bold: bool = False, italic: bool = False, size: int | None = None, color: str | None = None) -> etree._Element:
    """A ``w:r`` with ``value``; ``size`` in half points."""
    run = etree.Element(sdt.w("r"))
    if bold or italic or size or color:
        pr = etree.SubElement(run, sdt.w("rPr"))
        if bold:
            etree.SubElement(pr, sdt.w("b"))
        if italic:
            etree.SubElement(pr, sdt.w("i"))
        if color:
            etree.SubElement(pr, sdt.w("color")).set(sdt.w("val"), color)
        if size:
            etree.SubElement(pr, sdt.w("sz")).set(sdt.w("val"), str(size))
    t = etree.SubElement(run, sdt.w("t"))
    t.text = value
    if value != value.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _paragraph(children: list[etree._Element], *, style: str | None = None, keep_next: bool = False, space_after: int | None = None) -> etree._Element:
    paragraph = etree.Element(sdt.w("p"))
    if style or keep_next or space_after is not None:
        pr = etree.SubElement(paragraph, sdt.w("pPr"))
        if style:
            etree.SubElement(pr, sdt.w("pStyle")).set(sdt.w("val"), style)
        if keep_next:
            etree.SubElement(pr, sdt.w("keepNext"))
        if space_after is not None:
            etree.SubElement(pr, sdt.w("spacing")).set(sdt.w("after"), str(space_after))
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


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


_MISSING: Any = _Missing()


def _hidden_fields(group: Group, parts: Path) -> Iterator[tuple[Path, Field]]:
    for node in group.children:
        path = (*parts, node.key)
        if isinstance(node, Field) and node.kind == HIDDEN:
            yield path, node
        elif isinstance(node, Group):
            yield from _hidden_fields(node, path)


def _layout_value(node: Field) -> Any:
    if node.const is not None:
        return node.const
    if len(node.options) == 1:
        return node.options[0].value
    return _MISSING


# == importing ===================================================================================
class FormError(MeldformError):
    """The file is not a (readable) meldform form; ``message(lang)`` says why, in one line."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "nl") -> str:
        return text(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class ImportProblem:
    """A control whose content could not be read; ``text`` names the control, never its content."""

    tag: str
    description: str
    code: str
    text: str

    def __str__(self) -> str:
        return f"{self.description}: {self.text}"


@dataclass
class ImportResult:
    document: dict[str, Any]
    found: list[ImportProblem] = field(default_factory=list)
    soort: str = ""
    sector: str = ""

    @property
    def problems(self) -> list[str]:
        return [str(p) for p in self.found]


def import_docx(data: bytes, lang: str = "nl") -> ImportResult:
    """Read the content controls of a filled meldform Word form back into a melding.

    Raises :class:`FormError` when ``data`` is not a .docx or not a meldform form.
    """
    document_xml, props = _open_package(data)
    if props.get(PROP + "formulier") is None or PROP + "soort" not in props or PROP + "sector" not in props:
        raise FormError("geen_formulier")
    version = props[PROP + "formulier"]
    if not version.isdigit() or int(version) > int(FORM_VERSION):
        raise FormError("nieuwere_versie", versie=version[:10])
    try:
        layout = build_layout(props[PROP + "soort"], props[PROP + "sector"], props.get(PROP + "taal", "nl"))
    except Exception:
        try:
            layout = build_layout(props[PROP + "soort"], props[PROP + "sector"], "nl")
        except Exception:
            raise FormError("onbekende_variant") from None
    reader = _Reader(layout, props, lang)
    reader.collect(document_xml)
    document = reader.read()
    if not reader.used:
        # A form whose controls all lost their tags (an editor that does not keep content
        # controls) would silently import as an empty melding: say so instead.
        raise FormError("geen_invulvelden")
    return ImportResult(document, reader.problems, layout.soort, layout.sector)


def _parse_xml(blob: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    return etree.fromstring(blob, parser=parser)


def _open_package(data: bytes) -> tuple[etree._Element, dict[str, str]]:
    """The main document's XML and the custom properties of a .docx (``FormError`` if it is none)."""
    if len(data) > MAX_BYTES:
        raise FormError("te_groot")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise FormError("geen_docx") from None
    with archive:
        try:
            rels = _parse_xml(_member(archive, "_rels/.rels"))
            targets: dict[str, str] = {}
            for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
                rel_type = rel.get("Type")
                target = rel.get("Target")
                if rel_type and target:
                    targets.setdefault(rel_type, target.lstrip("/"))
            main = targets.get(RT_OFFICE_DOCUMENT)
            if main is None or not main.endswith(".xml"):
                raise FormError("geen_docx")
            document_xml = _parse_xml(_member(archive, main))
            if document_xml.tag != sdt.w("document"):
                raise FormError("geen_docx")
        except FormError:
            raise
        except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
            raise FormError("geen_docx") from None
        props: dict[str, str] = {}
        custom = targets.get(RT_CUSTOM)
        if custom is not None:
            try:
                root = _parse_xml(_member(archive, custom))
            except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
                raise FormError("geen_formulier") from None
            for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
                name = prop.get("name")
                if name and name.startswith(PROP) and len(prop):
                    props[name] = "".join(str(t) for t in prop[0].itertext())
    return document_xml, props


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_BYTES * 4:
        raise FormError("te_groot")
    return archive.read(info)


_DATE_TEXT = (
    re.compile(r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
)
_INTEGER = re.compile(r"[+-]?\d+")
_ID_SPLIT = re.compile(r"[,;\s]+")


def _parse_shown_date(raw: str) -> str | None:
    shown = raw.strip()
    for pattern in _DATE_TEXT:
        match = pattern.fullmatch(shown)
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
            except ValueError:
                return None
    return None


def _norm(value: str) -> str:
    return " ".join(value.split()).casefold()


class _Reader:
    def __init__(self, layout: Layout, props: dict[str, str], lang: str) -> None:
        self.layout = layout
        self.props = props
        self.lang = lang
        self.controls: dict[str, sdt.Control] = {}
        self.used: set[str] = set()
        self.problems: list[ImportProblem] = []
        self.order: list[str] = []

    def collect(self, document_xml: etree._Element) -> None:
        body = document_xml.find(sdt.w("body"))
        duplicates: list[sdt.Control] = []
        for control in sdt.iter_controls(body if body is not None else document_xml):
            if not control.tag.startswith("/"):
                continue  # not ours (a control the user added): ignored
            if control.tag in self.controls:
                duplicates.append(control)
                continue
            self.controls[control.tag] = control
            self.order.append(control.tag)
        self._duplicates = duplicates

    # -- the document -------------------------------------------------------------------------
    def read(self) -> dict[str, Any]:
        document = self._group(self.layout.root, (), (), root=True)
        for control in self._duplicates:
            self._problem(control.tag, control.alias or control.tag, "dubbel")
        for tag in self.order:
            if tag not in self.used:
                control = self.controls[tag]
                self.problems.append(ImportProblem(tag, control.alias or tag, "onbekend", text("onbekend", self.lang, tag=tag)))
        return document

    def _group(self, group: Group, parts: Path, trail: tuple[str, ...], root: bool = False) -> dict[str, Any]:
        values: dict[str, Any] = {}
        hidden: list[tuple[str, Path, Field]] = []
        for node in group.children:
            path = (*parts, node.key)
            if isinstance(node, Field):
                if node.kind == HIDDEN:
                    hidden.append((node.key, path, node))
                    continue
                value = self._field(node, path, trail)
            elif isinstance(node, Group):
                sub = self._group(node, path, (*trail, node.label))
                value = sub if sub else _MISSING
            else:
                items = []
                for index in self._slots(node, path):
                    item = self._group(node.item, (*path, index), (*trail, f"{node.item.label} {index + 1}"))
                    if item:
                        items.append(item)
                value = items if items or (node.required and not node.min_items) else _MISSING  # a required empty list means 'none' (1.1: adviesVeiligThuis)
            if value is not _MISSING:
                values[node.key] = value
        if not any(v != [] for v in values.values()) and not root:
            return {}
        for key, path, node in hidden:
            value = self._hidden(node, path)
            if value is not _MISSING:
                values[key] = value
        order = [n.key for n in group.children]
        return {k: values[k] for k in order if k in values}

    def _slots(self, repeat: Repeat, parts: Path) -> Iterator[int]:
        """The slot indices present in the document (normally 0 .. slots-1)."""
        minimum = slot_count(repeat)
        for index in range(MAX_SLOTS_READ):
            present = any(spec.tag in self.controls for spec in _controls(repeat.item, (*parts, index), ()))
            if present:
                yield index
            elif index >= minimum:
                return

    def _hidden(self, node: Field, parts: Path) -> Any:
        stored = self.props.get(PROP + pointer(parts))
        if stored is not None:
            try:
                return json.loads(stored)
            except ValueError:
                return stored
        return _layout_value(node)

    # -- one field ----------------------------------------------------------------------------
    def _field(self, node: Field, parts: Path, trail: tuple[str, ...]) -> Any:
        description = _describe(trail, node.label)
        if node.kind == ENUM_MULTI:
            chosen = []
            for option in node.options:
                tag = control_tag(parts, option.value)
                control = self.controls.get(tag)
                if control is None:
                    continue
                self.used.add(tag)
                if control.checked or (control.checked is None and control.text and control.text.strip()):
                    chosen.append(option.value)
            return chosen if chosen else _MISSING
        tag = control_tag(parts)
        control = self.controls.get(tag)
        if control is None:
            return _MISSING
        self.used.add(tag)
        raw = control.text
        if raw is None or not raw.strip():
            return _MISSING
        kind = node.kind
        if kind == DATE:
            return self._date(control, raw, tag, description)
        if kind == INTEGER:
            if _INTEGER.fullmatch(raw.strip()):
                return int(raw.strip())
            return self._problem(tag, description, "geen_getal")
        if _is_dropdown(node):
            return self._choice(node, control, raw, tag, description)
        if kind == TEXT_LIST:
            lines = [line.strip() for line in raw.split("\n")]
            return [line for line in lines if line] or _MISSING
        if kind == PERSONS:
            ids = [part for part in _ID_SPLIT.split(raw.strip()) if part]
            return ids or _MISSING
        if kind in (PERSON, PERSON_OR_MELDER, PERSON_ID):
            return raw.strip()
        if kind == TEXTAREA:
            return raw.strip()
        return " ".join(raw.split("\n")).strip() if "\n" in raw else raw.strip()

    def _date(self, control: sdt.Control, raw: str, tag: str, description: str) -> Any:
        """The picker's ``w:fullDate``; else the shown text (d-m-jjjj or jjjj-mm-dd).

        Should the shown text be a different date than ``w:fullDate`` (an editor that let the text
        be changed without updating the stored value), the text wins: it is what the person sees.
        """
        shown = _parse_shown_date(raw)
        if control.full_date:
            try:
                stored = dt.date.fromisoformat(control.full_date[:10]).isoformat()
            except ValueError:
                stored = None
            if stored is not None and (shown is None or shown == stored):
                return stored
        if shown is not None:
            return shown
        return self._problem(tag, description, "geen_datum")

    def _choice(self, node: Field, control: sdt.Control, raw: str, tag: str, description: str) -> Any:
        shown = _norm(raw)
        if any(shown == _norm(display) for display, value in control.items if value == NO_CHOICE):
            return _MISSING  # "(geen keuze)" chosen: the question is left unanswered
        options = choices(node, self.lang) + choices(node, self.layout.lang)
        by_item = {_item_value(value): value for value, _ in options}
        for value, label in options:
            if shown == _norm(label):
                return value
        for display, item_value in control.items:
            if shown == _norm(display) and item_value in by_item:
                return by_item[item_value]
        for value, _ in options:
            if shown == _norm(_item_value(value)):
                return value
        return self._problem(tag, description, "geen_keuze")

    def _problem(self, tag: str, description: str, code: str) -> Any:
        self.problems.append(ImportProblem(tag, description, code, text(code, self.lang)))
        return _MISSING
