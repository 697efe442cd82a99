"""Word content controls (``w:sdt``): build them and read them back.

python-docx has no API for content controls, so this module writes the OOXML itself. It knows
four controls, all inline (run-level, inside a paragraph):

- text: a rich-text control (no type element; line breaks allowed). Not ``w:text`` (plain text):
  LibreOffice 7.4 turns plain-text controls into Input fields, which lose the placeholder flag,
  its grey style and line breaks;
- date picker (``w:date`` with a display format; the chosen date is kept in ``w:fullDate``),
- drop-down list (``w:dropDownList`` of ``w:listItem`` displayText/value pairs),
- check box (``w14:checkbox``, Word 2010; the document must declare the ``w14`` namespace and
  list it in ``mc:Ignorable``).

Every control carries a ``w:tag`` (where its value belongs), a ``w:alias`` (the title Word shows on
the control) and starts out showing its placeholder text (``w:showingPlcHdr``, the run in the
``PlaceholderText`` style and grey). LibreOffice drops ``w:tag`` (and ``w:alias``, ``w:id``,
``w:lock``) when it saves, but keeps the name of the control's placeholder building block,
``w:placeholder/w:docPart/@w:val``: so that name is the tag too, and :func:`glossary_xml` writes the
glossary document holding one placeholder building block per control under that name.

Reading returns :class:`Control` objects: the key is ``w:tag``, else the docPart name when it is a
pointer (starts with ``/``). A control is empty (``text is None``) when its text is blank or the
same as its building block's placeholder text; only when the document has no such building block
does ``w:showingPlcHdr`` decide (LibreOffice 7.4 leaves that flag set after typing).

Nothing here knows about meldingen; ``meldform.forms.docx_writer`` decides which control goes where
and ``meldform.forms.docx_reader`` what a control's content means.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from lxml import etree

from meldform.cleaning import clean
from meldform.ooxml import MC_NS, PLACEHOLDER_COLOR, PLACEHOLDER_STYLE, W14_NS, W_NS, XML_NS, w

__all__ = ["MC_NS", "PLACEHOLDER_STYLE", "W14_NS", "W_NS", "w"]

NSMAP = {"w": W_NS, "w14": W14_NS}

# Word's own limit for the tag and title of a content control (the properties dialog takes 64).
MAX_TAG = 64
MAX_ALIAS = 64

CHECKED_GLYPH = "\u2612"  # ☒
UNCHECKED_GLYPH = "\u2610"  # ☐
CHECKBOX_FONT = "MS Gothic"
# The namespace of the building blocks' GUIDs (uuid5 of the tag: the same form, the same GUIDs).
GUID_NAMESPACE = uuid.UUID("6f1c1b7e-3d1a-4c55-9d7e-6d656c64666f")

TEXT, DATE, DROPDOWN, CHECKBOX, OTHER = "text", "date", "dropdown", "checkbox", "other"


def w14(name: str) -> str:
    return f"{{{W14_NS}}}{name}"


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        element.set(key, value)
    return element


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def shown(text: str, limit: int) -> str:
    """``text`` as one clean line of at most ``limit`` characters: how a tag or title read from a
    document is quoted to a person (a hostile form can put anything, of any length, in either)."""
    return clip(" ".join(clean(text).split()), limit)


# -- building ------------------------------------------------------------------------------------
def _sdt(
    tag: str, alias: str, sdt_id: int, placeholder: str | None, rpr: Sequence[etree._Element] = ()
) -> tuple[etree._Element, etree._Element, etree._Element]:
    """The skeleton: ``w:sdt`` with its properties and an empty content; returns (sdt, sdtPr, sdtContent)."""
    if len(tag) > MAX_TAG:
        raise ValueError(f"tag longer than {MAX_TAG} characters: {tag!r}")
    sdt = etree.Element(w("sdt"), nsmap=NSMAP)
    pr = _sub(sdt, w("sdtPr"))
    if rpr:
        run_pr = _sub(pr, w("rPr"))
        run_pr.extend(rpr)
    _sub(pr, w("alias"), **{w("val"): clip(clean(alias), MAX_ALIAS)})
    _sub(pr, w("tag"), **{w("val"): tag})
    _sub(pr, w("id"), **{w("val"): str(sdt_id)})
    _sub(pr, w("lock"), **{w("val"): "sdtLocked"})  # the control cannot be deleted; its content can be edited
    # the placeholder's building block, named after the tag: the one key LibreOffice keeps
    _sub(_sub(pr, w("placeholder")), w("docPart"), **{w("val"): tag})
    if placeholder is not None:
        _sub(pr, w("showingPlcHdr"))
    content = _sub(sdt, w("sdtContent"))
    if placeholder is not None:
        run = _sub(content, w("r"))
        run_pr = _sub(run, w("rPr"))
        _sub(run_pr, w("rStyle"), **{w("val"): PLACEHOLDER_STYLE})
        _sub(run_pr, w("color"), **{w("val"): PLACEHOLDER_COLOR})  # also where an editor ignores the style
        add_text(run, placeholder)
    return sdt, pr, content


def add_text(run: etree._Element, text: str) -> None:
    """Text into a run: ``w:t`` pieces with ``w:br`` for new lines and ``w:tab`` for tabs (cleaned first)."""
    lines = clean(text).split("\n")
    for number, line in enumerate(lines):
        if number:
            _sub(run, w("br"))
        for piece_number, piece in enumerate(line.split("\t")):
            if piece_number:
                _sub(run, w("tab"))
            if piece:
                t = _sub(run, w("t"))
                t.text = piece
                if piece != piece.strip():
                    t.set(f"{{{XML_NS}}}space", "preserve")


def text_control(tag: str, alias: str, placeholder: str, sdt_id: int) -> etree._Element:
    """A rich-text control (no type element): one or more lines of text."""
    sdt, _, _ = _sdt(tag, alias, sdt_id, placeholder)
    return sdt


def date_picker(tag: str, alias: str, placeholder: str, sdt_id: int, *, date_format: str = "d-M-yyyy", lid: str = "nl-NL") -> etree._Element:
    sdt, pr, _ = _sdt(tag, alias, sdt_id, placeholder)
    date = _sub(pr, w("date"))
    _sub(date, w("dateFormat"), **{w("val"): date_format})
    _sub(date, w("lid"), **{w("val"): lid})
    _sub(date, w("storeMappedDataAs"), **{w("val"): "dateTime"})
    _sub(date, w("calendar"), **{w("val"): "gregorian"})
    return sdt


def dropdown(tag: str, alias: str, placeholder: str, sdt_id: int, items: Iterable[tuple[str, str]]) -> etree._Element:
    """A drop-down list; ``items`` are (display text, value) pairs."""
    sdt, pr, _ = _sdt(tag, alias, sdt_id, placeholder)
    lst = _sub(pr, w("dropDownList"))
    for display, value in items:
        _sub(lst, w("listItem"), **{w("displayText"): clean(display), w("value"): value})
    return sdt


def checkbox(tag: str, alias: str, sdt_id: int, *, checked: bool = False) -> etree._Element:
    font = etree.Element(w("rFonts"))
    for attr in ("ascii", "eastAsia", "hAnsi"):
        font.set(w(attr), CHECKBOX_FONT)
    font.set(w("hint"), "eastAsia")
    sdt, pr, content = _sdt(tag, alias, sdt_id, None, rpr=[font])
    box = _sub(pr, w14("checkbox"))
    _sub(box, w14("checked"), **{w14("val"): "1" if checked else "0"})
    _sub(box, w14("checkedState"), **{w14("val"): f"{ord(CHECKED_GLYPH):04X}", w14("font"): CHECKBOX_FONT})
    _sub(box, w14("uncheckedState"), **{w14("val"): f"{ord(UNCHECKED_GLYPH):04X}", w14("font"): CHECKBOX_FONT})
    run = _sub(content, w("r"))
    run_pr = _sub(run, w("rPr"))
    run_pr.append(etree.fromstring(etree.tostring(font)))
    t = _sub(run, w("t"))
    t.text = CHECKED_GLYPH if checked else UNCHECKED_GLYPH
    return sdt


def glossary_xml(controls: Iterable[etree._Element]) -> bytes:
    """The glossary document (``word/glossary/document.xml``): per control, its placeholder building
    block (named by its docPart, category General, gallery placeholder) holding its placeholder runs;
    a check box's block is an empty paragraph. Word shows that text again when a control is emptied;
    the importer compares a control's text with it."""
    root = etree.Element(w("glossaryDocument"), nsmap={"w": W_NS})
    parts = _sub(root, w("docParts"))
    for element in controls:
        name = _val(element.find(f"{w('sdtPr')}/{w('placeholder')}/{w('docPart')}"))
        if not name:
            continue
        part = _sub(parts, w("docPart"))
        pr = _sub(part, w("docPartPr"))
        _sub(pr, w("name"), **{w("val"): name})
        category = _sub(pr, w("category"))
        _sub(category, w("name"), **{w("val"): "General"})
        _sub(category, w("gallery"), **{w("val"): "placeholder"})
        _sub(_sub(pr, w("types")), w("type"), **{w("val"): "bbPlcHdr"})
        _sub(_sub(pr, w("behaviors")), w("behavior"), **{w("val"): "content"})
        _sub(pr, w("guid"), **{w("val"): "{" + str(uuid.uuid5(GUID_NAMESPACE, name)).upper() + "}"})
        paragraph = _sub(_sub(part, w("docPartBody")), w("p"))
        content = element.find(w("sdtContent"))
        if _is_on(element.find(f"{w('sdtPr')}/{w('showingPlcHdr')}")) and content is not None:
            paragraph.extend(etree.fromstring(etree.tostring(run)) for run in content.iter(w("r")))
    etree.cleanup_namespaces(root)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def glossary_placeholders(root: etree._Element) -> dict[str, str]:
    """Building block name -> its text, from a glossary document (``w:glossaryDocument``)."""
    found: dict[str, str] = {}
    for part in root.iter(w("docPart")):
        name = _val(part.find(f"{w('docPartPr')}/{w('name')}"))
        body = part.find(w("docPartBody"))
        if name and body is not None:
            found.setdefault(name, content_text(body))
    return found


# -- reading ---------------------------------------------------------------------------------------
@dataclass
class Control:
    """One content control as found in a document.

    ``text`` is what the control shows, or ``None`` while it shows its placeholder (or nothing).
    """

    tag: str
    alias: str
    kind: str
    text: str | None
    full_date: str | None = None
    checked: bool | None = None
    items: list[tuple[str, str]] = field(default_factory=list)
    element: etree._Element | None = field(default=None, repr=False, compare=False)

    @property
    def label(self) -> str:
        """What names this control to a person: its title, else its tag (one clean, short line)."""
        return self.alias or shown(self.tag, MAX_TAG)


_ON = {"1", "true", "on"}


def _val(element: etree._Element | None, attr: str | None = None) -> str | None:
    if element is None:
        return None
    value = element.get(attr or w("val"))
    return value if value is None else str(value)


def _is_on(element: etree._Element | None, attr: str | None = None) -> bool:
    """An OOXML on/off property: present without a value means on."""
    if element is None:
        return False
    value = _val(element, attr)
    return value is None or value.lower() in _ON


def content_text(content: etree._Element) -> str:
    """The visible text of ``w:sdtContent``: runs, tabs and line breaks; paragraphs on new lines.

    Deleted text of tracked changes (``w:delText``) is not visible and is skipped.
    """
    parts: list[str] = []
    paragraphs = 0
    for element in content.iter():
        tag = element.tag
        if tag == w("p"):
            if paragraphs:
                parts.append("\n")
            paragraphs += 1
        elif tag == w("t"):
            parts.append(element.text or "")
        elif tag == w("tab"):
            parts.append("\t")
        elif tag in (w("br"), w("cr")):
            parts.append("\n")
        elif tag == w("noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


_TYPES = {w(name) for name in ("equation", "comboBox", "date", "docPartObj", "docPartList", "dropDownList", "picture", "richText", "text")}
_TYPES |= {w(name) for name in ("citation", "group", "bibliography")}
_TEXT_TYPES = {w("text"), w("richText")}


def control_key(pr: etree._Element) -> str:
    """Where a control's value belongs: its ``w:tag``; else (saved by LibreOffice, which drops tags)
    its placeholder building block's name, when that is a pointer (starts with ``/``)."""
    tag = _val(pr.find(w("tag")))
    if tag:
        return tag
    part = _val(pr.find(f"{w('placeholder')}/{w('docPart')}")) or ""
    return part if part.startswith("/") else ""


def _is_empty(text: str, placeholder: str) -> bool:
    return not text.strip() or " ".join(text.split()) == " ".join(placeholder.split())


def read_control(sdt: etree._Element, placeholders: Mapping[str, str] | None = None) -> Control:
    """The control ``sdt``; ``placeholders`` are the document's building blocks (name -> text)."""
    pr = sdt.find(w("sdtPr"))
    content = sdt.find(w("sdtContent"))
    if pr is None:
        pr = etree.Element(w("sdtPr"))
    tag = control_key(pr)
    alias = shown(_val(pr.find(w("alias"))) or "", MAX_ALIAS)  # only ever shown, never matched
    text: str | None = content_text(content) if content is not None else ""
    placeholder = (placeholders or {}).get(_val(pr.find(f"{w('placeholder')}/{w('docPart')}")) or "")
    if placeholder is not None:
        text = None if _is_empty(text or "", placeholder) else text
    elif _is_on(pr.find(w("showingPlcHdr"))):
        text = None
    box = pr.find(w14("checkbox"))
    if box is not None:
        checked_el = box.find(w14("checked"))
        if checked_el is not None:
            checked = _is_on(checked_el, w14("val"))
        else:
            checked = CHECKED_GLYPH in (text or "")
        return Control(tag, alias, CHECKBOX, text, checked=checked, element=sdt)
    date = pr.find(w("date"))
    if date is not None:
        return Control(tag, alias, DATE, text, full_date=_val(date, w("fullDate")), element=sdt)
    lst = pr.find(w("dropDownList"))
    if lst is None:
        lst = pr.find(w("comboBox"))
    if lst is not None:
        items = [(_val(item, w("displayText")) or _val(item, w("value")) or "", _val(item, w("value")) or "") for item in lst.findall(w("listItem"))]
        return Control(tag, alias, DROPDOWN, text, items=items, element=sdt)
    types = {child.tag for child in pr} & _TYPES
    if types and not types & _TEXT_TYPES:
        return Control(tag, alias, OTHER, text, element=sdt)
    spill = _spilled_lines(sdt)
    if spill:
        text = (text or "") + spill
    return Control(tag, alias, TEXT, text, element=sdt)


def _spilled_lines(sdt: etree._Element) -> str:
    """Lines typed after Enter in LibreOffice: Enter ends an inline control there, so the next lines
    are plain paragraphs after the control's paragraph in its table cell. A text control of the form
    is alone in its cell, so the paragraphs up to the next one with a control belong to it
    (``"\\n"`` + their text, trailing empty lines left out)."""
    paragraph = sdt.getparent()
    if paragraph is None or paragraph.tag != w("p"):
        return ""
    cell = paragraph.getparent()
    if cell is None or cell.tag != w("tc") or sum(1 for _ in paragraph.iter(w("sdt"))) != 1:
        return ""
    lines: list[str] = []
    for sibling in paragraph.itersiblings():
        if sibling.tag != w("p") or next(sibling.iter(w("sdt")), None) is not None:
            break
        lines.append(content_text(sibling))
    while lines and not lines[-1].strip():
        lines.pop()
    return "".join("\n" + line for line in lines)


def iter_controls(root: etree._Element, placeholders: Mapping[str, str] | None = None) -> Iterator[Control]:
    """Every content control under ``root`` in document order (nested ones too), except containers:
    LibreOffice wraps a table cell that starts with a check box in a block-level control copying
    that box's title and building block; a control that holds other controls is no value of its own."""
    for sdt in root.iter(w("sdt")):
        content = sdt.find(w("sdtContent"))
        if content is not None and next(content.iter(w("sdt")), None) is not None:
            continue
        yield read_control(sdt, placeholders)
