"""The house style of meldform's Word documents: one package, one look, for every .docx it writes.

Both Word writers — the rendered melding (``meldform.documents.render_docx``) and the blank form
(``meldform.forms.docx_writer``) — build on what is here: the namespaces, the escaping of text
(through :func:`meldform.cleaning.clean`, the one cleaning rule), the page (A4, 2.5 cm margins),
the table geometry, the footer (a title left, "page / pages" right, a note below), the core and
app properties, and the package itself: python-docx's template prepared once per language (styles,
theme, settings and relationships adjusted, unused parts dropped) and kept as finished zip bytes.
A writer only adds its ``word/document.xml`` (and its other own parts) to a copy of that zip, so
fonts, heading styles, language settings and footer are the same in both documents by
construction.

A leaf: nothing of meldform but :mod:`meldform.cleaning`; lxml only to prepare the package once,
python-docx never (only its template file is read).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import zipfile
from collections.abc import Mapping
from functools import cache
from io import BytesIO
from pathlib import Path

from meldform.cleaning import clean
from meldform.texts import LANGUAGE_TAGS

# -- namespaces ------------------------------------------------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
RT_OFFICE_DOCUMENT = f"{R_NS}/officeDocument"
RT_CUSTOM = f"{R_NS}/custom-properties"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CT_FOOTER = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
RT_GLOSSARY = f"{R_NS}/glossaryDocument"
RT_STYLES = f"{R_NS}/styles"
CT_GLOSSARY = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id Word gives user-defined properties
FOOTER_RID = "rIdMeldformFooter"
CUSTOM_RID = "rIdMeldformCustom"
GLOSSARY_RID = "rIdMeldformGlossary"

LANGUAGES = LANGUAGE_TAGS


def language_tag(lang: str) -> str:
    """The document language of ``lang`` (``nl-NL``, ``en-GB``); Dutch for anything else."""
    return LANGUAGES.get(lang, LANGUAGES["nl"])


def w(name: str) -> str:
    """The qualified (Clark) name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{name}"


def esc(text: str) -> str:
    """``text`` cleaned (:func:`meldform.cleaning.clean`) and escaped for XML element content."""
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- runs and paragraphs, as text ------------------------------------------------------------------
BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"
ITALIC = "<w:rPr><w:i/><w:iCs/></w:rPr>"


def run(text: str, rpr: str = "") -> str:
    """One run; tabs become ``<w:tab/>``, line breaks ``<w:br/>``."""
    text = esc(text)
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


def paragraph(style: str, runs: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{runs}</w:p>'


# -- the page and the tables -----------------------------------------------------------------------
# A4 portrait, 2.5 cm margins; text width 11906 - 2 * 1418 = 9070 twips. A table's borders sit one
# cell margin (108) outside the text (Word 2010 layout, the template's compatibility mode), so its
# cell text lines up with the text around it.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 11906, 16838, 1418
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
CELL_MARGIN = 108
TABLE_WIDTH = TEXT_WIDTH + 2 * CELL_MARGIN
LABEL_WIDTH = 3340  # 36 %
TABLE_STYLE = "TableGrid"  # built in ("Table Grid"); borders softened in the table's own properties
LINE_COLOR = "BFBFBF"
LABEL_FILL = "F2F2F2"
# The house's paragraph styles (the template's, tuned in _styles, and those of _EXTRA_STYLES).
TITLE, TABLE_TEXT, SPACER, INTRO = "Title", "TableText", "Spacer", "Intro"
HEADINGS = ("Heading1", "Heading2", "Heading3")

TABLE_PROPS = (
    f'<w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/><w:tblW w:w="{TABLE_WIDTH}" w:type="dxa"/>'
    "<w:tblBorders>"
    + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{LINE_COLOR}"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + '</w:tblBorders><w:tblLayout w:type="fixed"/>'
    f'<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
    f'<w:bottom w:w="28" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
)
SECT_PR = (
    f'<w:sectPr><w:footerReference w:type="default" r:id="{FOOTER_RID}"/><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
    f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="709" w:footer="567" w:gutter="0"/>'
    '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
)
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def declared(fragment: str) -> str:
    """``fragment`` (one element with ``w:``/``r:`` prefixes) with those namespaces declared on it, to parse alone."""
    name_end = re.search(r"[\s/>]", fragment[1:])
    at = 1 + (name_end.start() if name_end else len(fragment) - 1)
    return f'{fragment[:at]} xmlns:w="{W_NS}" xmlns:r="{R_NS}"{fragment[at:]}'


# -- per-document parts: footer and core properties ------------------------------------------------
def footer_xml(left: str, note: str) -> str:
    """The footer: ``left`` and "page / pages" on one line, ``note`` small below it."""
    page = '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    pages = '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    return (
        f'{XML_DECLARATION}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        + paragraph("Footer", run(left) + "<w:r><w:tab/></w:r><w:r><w:tab/></w:r>" + page + '<w:r><w:t xml:space="preserve"> / </w:t></w:r>' + pages)
        + paragraph("FooterNote", run(note))
        + "</w:ftr>"
    )


def core_xml(title: str, lang: str, now: dt.datetime | None = None, *, subject: str = "", keywords: str = "") -> str:
    """Core properties: title, language, dates; no author, never the user's name."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    subject_el = f"<dc:subject>{esc(subject)}</dc:subject>" if subject else "<dc:subject/>"
    keywords_el = f"<cp:keywords>{esc(keywords)}</cp:keywords>" if keywords else "<cp:keywords/>"
    return (
        f"{XML_DECLARATION}"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title>{subject_el}<dc:creator/>{keywords_el}<dc:description/>"
        f"<cp:lastModifiedBy/><cp:revision>1</cp:revision><dc:language>{language_tag(lang)}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


# -- the package -----------------------------------------------------------------------------------
DOCUMENT, FOOTER, CORE, CUSTOM = "word/document.xml", "word/footer1.xml", "docProps/core.xml", "docProps/custom.xml"
GLOSSARY = "word/glossary/document.xml"  # building blocks: a form's placeholder texts (meldform.forms.controls)
_GLOSSARY_STYLES, _GLOSSARY_RELS = "word/glossary/styles.xml", "word/glossary/_rels/document.xml.rels"
_PARTS_DROPPED = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/", DOCUMENT, CORE)
_EPOCH = (1980, 1, 1, 0, 0, 0)
FAST = 1  # zlib level for the per-document parts: a few kB larger, several times faster than 6


def package(lang: str, parts: Mapping[str, str | bytes], *, custom_properties: bool = False, glossary: bool = False) -> bytes:
    """A .docx: the house's prepared package for ``lang`` plus ``parts`` (document, footer, core, ...).

    ``custom_properties``: the package relates and types ``docProps/custom.xml``, which ``parts``
    must then hold. ``glossary``: the package relates and types a glossary document
    (``GLOSSARY``, which ``parts`` must then hold) with a minimal styles part of its own: only the
    placeholder style its building blocks use (a copy of the full styles.xml would add some 30 kB).
    """
    buffer = BytesIO(_base(lang if lang in LANGUAGES else "nl", custom_properties, glossary))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(_info(name), content.encode("utf-8") if isinstance(content, str) else content, compresslevel=FAST)
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
def _base(lang: str, custom_properties: bool, glossary: bool = False) -> bytes:
    """The package without its per-document parts, prepared for ``lang``, as zip bytes."""
    with zipfile.ZipFile(_template_path()) as template:
        parts = {name: template.read(name) for name in template.namelist() if not name.startswith(_PARTS_DROPPED)}
    parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"], custom_properties, glossary)
    parts["_rels/.rels"] = _package_rels(parts["_rels/.rels"], custom_properties)
    parts["word/_rels/document.xml.rels"] = _document_rels(parts["word/_rels/document.xml.rels"], glossary)
    if glossary:
        parts[_GLOSSARY_STYLES] = _GLOSSARY_STYLES_XML.encode("utf-8")
        parts[_GLOSSARY_RELS] = (
            f'{XML_DECLARATION}<Relationships xmlns="{REL_NS}"><Relationship Id="rId1" Type="{RT_STYLES}" Target="styles.xml"/></Relationships>'
        ).encode()
    parts["word/styles.xml"] = _styles(parts["word/styles.xml"], LANGUAGES[lang])
    parts["word/settings.xml"] = _settings(parts["word/settings.xml"], LANGUAGES[lang])
    parts["word/theme/theme1.xml"] = _theme(parts["word/theme/theme1.xml"])
    parts["docProps/app.xml"] = _APP_XML.encode("utf-8")
    first = ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels")
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in (*first, *sorted(n for n in parts if n not in first)):
            archive.writestr(_info(name), parts[name])
    return buffer.getvalue()


_APP_XML = (
    f"{XML_DECLARATION}"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    f'xmlns:vt="{VT_NS}">'
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged><Application>meldform</Application><DocSecurity>0</DocSecurity>"
    "</Properties>"
)


def _tostring(root: object) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))  # type: ignore[call-overload]


def _content_types(xml: bytes, custom_properties: bool, glossary: bool) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    ns = root.nsmap[None]
    for child in list(root):
        part, ext = child.get("PartName", ""), child.get("Extension", "")
        if ext == "jpeg" or part.lstrip("/").startswith(_PARTS_DROPPED[:3]):
            root.remove(child)
    etree.SubElement(root, f"{{{ns}}}Override", PartName="/" + FOOTER, ContentType=CT_FOOTER)
    if custom_properties:
        etree.SubElement(root, f"{{{ns}}}Override", PartName="/" + CUSTOM, ContentType=CT_CUSTOM)
    if glossary:
        etree.SubElement(root, f"{{{ns}}}Override", PartName="/" + GLOSSARY, ContentType=CT_GLOSSARY)
        etree.SubElement(root, f"{{{ns}}}Override", PartName="/" + _GLOSSARY_STYLES, ContentType=CT_STYLES)
    return _tostring(root)


def _drop_relationships(xml: bytes, kinds: tuple[str, ...]) -> object:
    from lxml import etree

    root = etree.fromstring(xml)
    for rel in list(root):
        if rel.get("Type", "").rsplit("/", 1)[-1] in kinds:
            root.remove(rel)
    return root


def _package_rels(xml: bytes, custom_properties: bool) -> bytes:
    from lxml import etree

    root = _drop_relationships(xml, ("thumbnail",))
    if custom_properties:
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=CUSTOM_RID, Type=RT_CUSTOM, Target=CUSTOM)  # type: ignore[arg-type]
    return _tostring(root)


def _document_rels(xml: bytes, glossary: bool) -> bytes:
    from lxml import etree

    root = _drop_relationships(xml, ("stylesWithEffects", "customXml"))
    etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=FOOTER_RID, Type=f"{R_NS}/footer", Target="footer1.xml")  # type: ignore[arg-type]
    if glossary:
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=GLOSSARY_RID, Type=RT_GLOSSARY, Target="glossary/document.xml")  # type: ignore[arg-type]
    return _tostring(root)


# Styles added to the template's: cell text, the "Let op" frame, intro, conclusion, footer note, and
# the placeholder text of a form's content controls.
_NOTICE_FRAME = (
    '<w:pBdr><w:top w:val="single" w:sz="12" w:space="4" w:color="B35C00"/><w:left w:val="single" w:sz="12" w:space="6" w:color="B35C00"/>'
    '<w:bottom w:val="single" w:sz="12" w:space="4" w:color="B35C00"/><w:right w:val="single" w:sz="12" w:space="6" w:color="B35C00"/></w:pBdr>'
    '<w:shd w:val="clear" w:color="auto" w:fill="FFF4D6"/>'
)
PLACEHOLDER_STYLE = "PlaceholderText"  # the style id of Word's built-in "Placeholder Text"
PLACEHOLDER_COLOR = "808080"
_PLACEHOLDER_STYLE_XML = (
    f'<w:style xmlns:w="{W_NS}" w:type="character" w:styleId="{PLACEHOLDER_STYLE}"><w:name w:val="Placeholder Text"/>'
    f'<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="{PLACEHOLDER_COLOR}"/></w:rPr></w:style>'
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
{_PLACEHOLDER_STYLE_XML}
"""
# The glossary document's own styles: what its building blocks (placeholder runs) refer to.
_GLOSSARY_STYLES_XML = (
    f'{XML_DECLARATION}<w:styles xmlns:w="{W_NS}">'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' + _PLACEHOLDER_STYLE_XML.replace(f' xmlns:w="{W_NS}"', "") + "</w:styles>"
)


def _styles(xml: bytes, language: str) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    lang = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    if lang is not None:
        lang.set(w("val"), language)
    # The template's defaults are Letter-sized and loose; tune a few built-in styles for A4.
    spacing = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}/{w('spacing')}")
    if spacing is not None:
        spacing.set(w("after"), "120")
        spacing.set(w("line"), "264")
    for style in root.iter(w("style")):
        sid = style.get(w("styleId"))
        if sid == "Title":
            _set_size(style, 40)
        elif sid == "Heading1":
            _set_spacing(style, before="360", after="120")
            spacing_node = style.find(f"{w('pPr')}/{w('spacing')}")
            if spacing_node is not None:  # a rule under the section title, as in the HTML
                border = f'<w:pBdr xmlns:w="{W_NS}"><w:bottom w:val="single" w:sz="8" w:space="2" w:color="365F91"/></w:pBdr>'
                spacing_node.addprevious(etree.fromstring(border))
        elif sid in ("Heading2", "Heading3"):
            _set_spacing(style, before="240", after="80")
            if sid == "Heading3":
                rpr = style.find(w("rPr"))
                color = rpr.find(w("color")) if rpr is not None else None
                if color is not None:
                    color.set(w("val"), "404040")
                    for attr in ("themeColor", "themeShade"):
                        color.attrib.pop(w(attr), "")
        elif sid == "Footer":
            tabs = style.find(f"{w('pPr')}/{w('tabs')}")
            if tabs is not None:
                for tab, pos in zip(tabs, (TEXT_WIDTH // 2, TEXT_WIDTH), strict=False):
                    tab.set(w("pos"), str(pos))
    for fragment in re.findall(r"<w:style .*?</w:style>", _EXTRA_STYLES, re.S):
        root.append(etree.fromstring(fragment.replace("\n", "")))
    return _tostring(root)


def _set_size(style: object, half_points: int) -> None:
    rpr = style.find(w("rPr"))  # type: ignore[attr-defined]
    if rpr is None:
        return
    for tag in ("sz", "szCs"):
        node = rpr.find(w(tag))
        if node is not None:
            node.set(w("val"), str(half_points))


def _set_spacing(style: object, **values: str) -> None:
    node = style.find(f"{w('pPr')}/{w('spacing')}")  # type: ignore[attr-defined]
    if node is not None:
        for key, value in values.items():
            node.set(w(key), value)


def _settings(xml: bytes, language: str) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    for tag in ("proofState", "savePreviewPicture", "rsids"):
        for node in root.findall(w(tag)):
            root.remove(node)
    zoom = root.find(w("zoom"))
    if zoom is not None and zoom.get(w("percent")) is None:
        zoom.set(w("percent"), "100")  # required by the schema (CT_Zoom); the template's lacks it
    theme_lang = root.find(w("themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(w("val"), language)
    return _tostring(root)


def _theme(xml: bytes) -> bytes:
    # The template's body font is Cambria (a serif); Calibri reads better on screen, as in Word's own default.
    return re.sub(rb'(<a:minorFont>\s*<a:latin typeface=")Cambria"', rb'\1Calibri"', xml, count=1)
