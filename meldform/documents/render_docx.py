"""Rendering a presentation to a Word document (.docx).

Like the HTML renderer it knows blocks and rows, never a field name. The document uses Word's own
styles, so the navigation pane and a table of contents work: the title in "Title", sections in
"Heading 1", nested blocks in "Heading 2" and "Heading 3"; label/value rows in two-column tables
("Table Grid", label column bold), list values as "List Bullet" paragraphs inside the cell,
multiline text as one paragraph per line. Validation warnings VT must see come first, in a framed
"Let op" / "Attention" block.

Speed. python-docx's own floor (``Document()`` + ``save``) spends almost all of its time parsing
and re-serialising the default template's parts (styles alone are 350 kB of XML). Here the
package is prepared once per language from python-docx's template (styles, theme, settings and
relationships adjusted, unused parts dropped) and kept as a finished, compressed zip. Per document
only ``word/document.xml``, ``word/footer1.xml`` and ``docProps/core.xml`` are generated — as
text, every piece of content escaped — and appended to a copy of that zip. python-docx itself is
not imported at all; lxml only once, to prepare the package.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import zipfile
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path

from meldform.cleaning import clean
from meldform.documents.presentation import Block, Presentation, Row
from meldform.texts.messages import render_word

# Characters XML 1.0 does not allow even escaped (C0 controls other than tab/newline/CR, lone
# surrogates, U+FFFE/U+FFFF), plus DEL; pasted text sometimes carries them (a vertical tab is
# Word's line break). As in the HTML output they become a space.
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTER_RID = "rIdMeldformFooter"
LANGUAGES = {"nl": "nl-NL", "en": "en-GB"}

# Page: A4 portrait, 2.5 cm margins; text width 11906 - 2 * 1418 = 9070 twips. A table's borders
# sit one cell margin (108) outside the text (Word 2010 layout, the template's compatibility mode),
# so its cell text lines up with the text around it.
TEXT_WIDTH = 9070
CELL_MARGIN = 108
TABLE_WIDTH = TEXT_WIDTH + 2 * CELL_MARGIN
LABEL_WIDTH = 3340  # 36 %
WIDE_LABEL_WIDTH = 4643  # 50 %, for a table whose labels are questions
LONG_LABEL = 60
KEEP_TOGETHER = 8  # rows
TABLE_STYLE = "TableGrid"  # built in ("Table Grid"); borders softened in the table's own properties
LINE_COLOR = "BFBFBF"
LABEL_FILL = "F2F2F2"
HEADING_STYLES = {2: "Heading1", 3: "Heading2"}  # deeper: Heading3

_PARTS_DROPPED = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/", "word/document.xml", "docProps/core.xml")
_EPOCH = (1980, 1, 1, 0, 0, 0)
FAST = 1  # zlib level for the per-document parts: a few kB larger, several times faster than 6


# -- text ------------------------------------------------------------------------------------------
def _esc(text: str) -> str:
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run(text: str, rpr: str = "") -> str:
    """One run; tabs become ``<w:tab/>``, line breaks ``<w:br/>``."""
    text = _esc(text)
    if "\t" not in text and "\n" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'
    parts: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, segment in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if segment:
                parts.append(f'<w:t xml:space="preserve">{segment}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def _p(style: str, runs: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{runs}</w:p>'


_BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"
_ITALIC = "<w:rPr><w:i/><w:iCs/></w:rPr>"
_CELL_LIST = '<w:spacing w:before="20" w:after="20"/>'


# -- body ------------------------------------------------------------------------------------------
_TABLE_PROPS = (
    f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/><w:tblW w:w="{TABLE_WIDTH}" w:type="dxa"/>'
    "<w:tblBorders>"
    + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{LINE_COLOR}"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + '</w:tblBorders><w:tblLayout w:type="fixed"/>'
    '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
)


@cache
def _table_parts(label_width: int) -> tuple[str, str, str]:
    """The opening of a table (properties and grid), and the opening of its label and value cells."""
    value_width = TABLE_WIDTH - label_width
    grid = f'<w:tblGrid><w:gridCol w:w="{label_width}"/><w:gridCol w:w="{value_width}"/></w:tblGrid>'
    label = (
        f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{label_width}" w:type="dxa"/>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{LABEL_FILL}"/></w:tcPr>'
    )
    value = f'<w:tc><w:tcPr><w:tcW w:w="{value_width}" w:type="dxa"/></w:tcPr>'
    return _TABLE_PROPS + grid, label, value


def _value(row: Row, keep: str) -> str:
    value = row.value
    if isinstance(value, tuple):
        if not value:
            return _p("TableText", "", keep)
        return "".join(_p("ListBullet", _run(item), keep + _CELL_LIST) for item in value)
    if "\n" in value or "\r" in value:
        return "".join(_p("TableText", _run(line), keep) for line in clean(value).split("\n"))
    return _p("TableText", _run(value), keep)


@lru_cache(maxsize=4096)
def _label(label: str, keep: str) -> str:
    return _p("TableText", _run(label, _BOLD), keep)  # labels come from the schema: few, and repeated


def _table(rows: list[Row], out: list[str]) -> None:
    if out and out[-1].endswith("</w:tbl>"):
        out.append(_p("Spacer", ""))  # two tables in a row would merge into one
    # Labels are short as a rule; a table of long ones (questions) gets a wider label column.
    wide = max(len(row.label) for row in rows) > LONG_LABEL
    opening, label_cell, value_cell = _table_parts(WIDE_LABEL_WIDTH if wide else LABEL_WIDTH)
    out.append(opening)
    # A short table stays on one page (with its heading): every row but the last keeps with the next.
    together = len(rows) <= KEEP_TOGETHER
    last = len(rows) - 1
    for index, row in enumerate(rows):
        keep = "<w:keepNext/>" if together and index < last else ""
        out.append(f"{label_cell}{_label(row.label, keep)}</w:tc>{value_cell}{_value(row, keep)}</w:tc></w:tr>")
    out.append("</w:tbl>")


def _block(block: Block, lang: str, out: list[str]) -> None:
    """The block's rows, then the conclusion (next to the answers it concludes from), then sub-blocks."""
    out.append(_p(HEADING_STYLES.get(block.level, "Heading1" if block.level < 2 else "Heading3"), _run(block.title)))
    if block.intro:
        out.append(_p("Intro", _run(block.intro, _ITALIC)))
    rows = [item for item in block.items if isinstance(item, Row)]
    if rows:
        _table(rows, out)
    if block.conclusion is not None:
        c = block.conclusion
        out.append(_p("Conclusion", _run(f"{c.label}: ", _BOLD) + _run(c.value if isinstance(c.value, str) else "; ".join(c.value))))
    for item in block.items:
        if isinstance(item, Block):
            _block(item, lang, out)


_DOC_OPEN = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
_SECT_PR = (
    f'<w:sectPr><w:footerReference w:type="default" r:id="{FOOTER_RID}"/><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="567" w:gutter="0"/>'
    '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>'
)


def document_xml(doc: Presentation) -> str:
    out: list[str] = [_DOC_OPEN, _p("Title", _run(doc.title))]
    if doc.header:
        _table(doc.header, out)
    if doc.notices:
        out.append(_p("NoticeHeading", _run(render_word("let_op", doc.lang))))
        out.extend(_p("Notice", _run(notice)) for notice in doc.notices)
    for block in doc.blocks:
        _block(block, doc.lang, out)
    if out[-1].endswith("</w:tbl>"):
        out.append(_p("Spacer", ""))  # Word wants the body to end with a paragraph
    out.append(_SECT_PR)
    return "".join(out)


def footer_xml(doc: Presentation) -> str:
    page = '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    pages = '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        + _p("Footer", _run(doc.kenmerk) + "<w:r><w:tab/></w:r><w:r><w:tab/></w:r>" + page + '<w:r><w:t xml:space="preserve"> / </w:t></w:r>' + pages)
        + _p("FooterNote", _run(doc.footer))
        + "</w:ftr>"
    )


def core_xml(doc: Presentation, now: dt.datetime | None = None) -> str:
    """Core properties: the kenmerk as title, the language, dates; no author, never the user's name."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_esc(doc.kenmerk)}</dc:title><dc:subject/><dc:creator/><cp:keywords/><dc:description/>"
        f"<cp:lastModifiedBy/><cp:revision>1</cp:revision><dc:language>{LANGUAGES.get(doc.lang, 'nl-NL')}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


# -- the package -----------------------------------------------------------------------------------
def render_docx(doc: Presentation) -> bytes:
    base = _base(doc.lang if doc.lang in LANGUAGES else "nl")
    buffer = BytesIO(base)
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as package:
        for name, text in (("word/document.xml", document_xml(doc)), ("word/footer1.xml", footer_xml(doc)), ("docProps/core.xml", core_xml(doc))):
            package.writestr(_info(name), text.encode("utf-8"), compresslevel=FAST)
    return buffer.getvalue()


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _template_path() -> Path:
    spec = importlib.util.find_spec("docx")  # locates python-docx without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("python-docx is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / "default.docx"


@cache
def _base(lang: str) -> bytes:
    """The package without its per-document parts, prepared for ``lang``, as zip bytes."""
    with zipfile.ZipFile(_template_path()) as template:
        parts = {name: template.read(name) for name in template.namelist() if not name.startswith(_PARTS_DROPPED)}
    parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"])
    parts["_rels/.rels"] = _drop_relationships(parts["_rels/.rels"], ("thumbnail",))
    parts["word/_rels/document.xml.rels"] = _document_rels(parts["word/_rels/document.xml.rels"])
    parts["word/styles.xml"] = _styles(parts["word/styles.xml"], LANGUAGES[lang])
    parts["word/settings.xml"] = _settings(parts["word/settings.xml"], LANGUAGES[lang])
    parts["word/theme/theme1.xml"] = _theme(parts["word/theme/theme1.xml"])
    parts["docProps/app.xml"] = _APP_XML.encode("utf-8")
    first = ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels")
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name in (*first, *sorted(n for n in parts if n not in first)):
            package.writestr(_info(name), parts[name])
    return buffer.getvalue()


_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged><Application>meldform</Application><DocSecurity>0</DocSecurity>"
    "</Properties>"
)


def _content_types(xml: bytes) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    ns = root.nsmap[None]
    for child in list(root):
        part, ext = child.get("PartName", ""), child.get("Extension", "")
        if ext == "jpeg" or part.lstrip("/").startswith(_PARTS_DROPPED[:3]):
            root.remove(child)
    etree.SubElement(
        root, f"{{{ns}}}Override", PartName="/word/footer1.xml", ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
    )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _drop_relationships(xml: bytes, kinds: tuple[str, ...]) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    for rel in list(root):
        if rel.get("Type", "").rsplit("/", 1)[-1] in kinds:
            root.remove(rel)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _document_rels(xml: bytes) -> bytes:
    from lxml import etree

    root = etree.fromstring(_drop_relationships(xml, ("stylesWithEffects", "customXml")))
    etree.SubElement(root, f"{{{root.nsmap[None]}}}Relationship", Id=FOOTER_RID, Type=f"{R_NS}/footer", Target="footer1.xml")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# Styles added to the template's: cell text, the "Let op" frame, intro, conclusion, footer note.
_NOTICE_FRAME = (
    '<w:pBdr><w:top w:val="single" w:sz="12" w:space="4" w:color="B35C00"/><w:left w:val="single" w:sz="12" w:space="6" w:color="B35C00"/>'
    '<w:bottom w:val="single" w:sz="12" w:space="4" w:color="B35C00"/><w:right w:val="single" w:sz="12" w:space="6" w:color="B35C00"/></w:pBdr>'
    '<w:shd w:val="clear" w:color="auto" w:fill="FFF4D6"/>'
)
_EXTRA_STYLES = f"""
<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:spacing w:before="20" w:after="20" w:line="252" w:lineRule="auto"/></w:pPr></w:style>
<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="Spacer"><w:name w:val="Table Spacer"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr></w:style>
<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="NoticeHeading"><w:name w:val="Notice Heading"/><w:basedOn w:val="Normal"/>
<w:next w:val="Notice"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>{_NOTICE_FRAME}<w:spacing w:before="240" w:after="60"/>
<w:ind w:left="290" w:right="0" w:hanging="284"/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/><w:b/><w:bCs/><w:color w:val="8A4600"/>
<w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="Notice"><w:name w:val="Notice"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepLines/><w:numPr><w:numId w:val="1"/></w:numPr>{_NOTICE_FRAME}<w:spacing w:before="0" w:after="60"/>
<w:ind w:left="290" w:right="0" w:hanging="284"/></w:pPr></w:style>
<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="Intro"><w:name w:val="Intro"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="60" w:after="120"/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="404040"/></w:rPr></w:style>
<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="Conclusion"><w:name w:val="Conclusion"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepLines/><w:pBdr><w:left w:val="single" w:sz="24" w:space="6" w:color="365F91"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="EEF5FA"/>
<w:spacing w:before="160" w:after="160"/><w:ind w:left="12" w:right="0"/></w:pPr></w:style>
<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="FooterNote"><w:name w:val="Footer Note"/><w:basedOn w:val="Footer"/>
<w:pPr><w:spacing w:before="40"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
"""


def _styles(xml: bytes, language: str) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    lang = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}")
    if lang is not None:
        lang.set(_w("val"), language)
    # The template's defaults are Letter-sized and loose; tune a few built-in styles for A4.
    spacing = root.find(f"{_w('docDefaults')}/{_w('pPrDefault')}/{_w('pPr')}/{_w('spacing')}")
    if spacing is not None:
        spacing.set(_w("after"), "120")
        spacing.set(_w("line"), "264")
    for style in root.iter(_w("style")):
        sid = style.get(_w("styleId"))
        if sid == "Title":
            _set_size(style, 40)
        elif sid == "Heading1":
            _set_spacing(style, before="360", after="120")
            spacing_node = style.find(f"{_w('pPr')}/{_w('spacing')}")
            if spacing_node is not None:  # a rule under the section title, as in the HTML
                border = f'<w:pBdr xmlns:w="{W_NS}"><w:bottom w:val="single" w:sz="8" w:space="2" w:color="365F91"/></w:pBdr>'
                spacing_node.addprevious(etree.fromstring(border))
        elif sid in ("Heading2", "Heading3"):
            _set_spacing(style, before="240", after="80")
            if sid == "Heading3":
                rpr = style.find(_w("rPr"))
                color = rpr.find(_w("color")) if rpr is not None else None
                if color is not None:
                    color.set(_w("val"), "404040")
                    for attr in ("themeColor", "themeShade"):
                        color.attrib.pop(_w(attr), "")
        elif sid == "Footer":
            tabs = style.find(f"{_w('pPr')}/{_w('tabs')}")
            if tabs is not None:
                for tab, pos in zip(tabs, (TEXT_WIDTH // 2, TEXT_WIDTH), strict=False):
                    tab.set(_w("pos"), str(pos))
    for fragment in re.findall(r"<w:style .*?</w:style>", _EXTRA_STYLES, re.S):
        root.append(etree.fromstring(fragment.replace("\n", "")))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _set_size(style: object, half_points: int) -> None:
    rpr = style.find(_w("rPr"))  # type: ignore[attr-defined]
    if rpr is None:
        return
    for tag in ("sz", "szCs"):
        node = rpr.find(_w(tag))
        if node is not None:
            node.set(_w("val"), str(half_points))


def _set_spacing(style: object, **values: str) -> None:
    node = style.find(f"{_w('pPr')}/{_w('spacing')}")  # type: ignore[attr-defined]
    if node is not None:
        for key, value in values.items():
            node.set(_w(key), value)


def _settings(xml: bytes, language: str) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    for tag in ("proofState", "savePreviewPicture", "rsids"):
        for node in root.findall(_w(tag)):
            root.remove(node)
    theme_lang = root.find(_w("themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(_w("val"), language)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _theme(xml: bytes) -> bytes:
    # The template's body font is Cambria (a serif); Calibri reads better on screen, as in Word's own default.
    return re.sub(rb'(<a:minorFont>\s*<a:latin typeface=")Cambria"', rb'\1Calibri"', xml, count=1)
