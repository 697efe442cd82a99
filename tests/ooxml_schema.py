"""Validate the XML parts of a .docx against the ISO/IEC 29500 (ECMA-376) *transitional* schemas.

``validate_docx(data)`` opens the package and, for every part whose content type (from
``[Content_Types].xml``) is XML, picks the schema by the namespace of the part's root element,
applies Markup Compatibility processing (ECMA-376 Part 3) the way a consumer that understands
exactly the vendored transitional vocabularies would, and validates the result with lxml. It
returns readable ``part:line: message`` strings (``(at /xpath)`` added, since most parts are one
long line); an empty list means the package is valid. The schemas are vendored under
``tests/ooxml/xsd`` (see ``tests/ooxml/README.md``); nothing is fetched from the network.

Markup Compatibility processing, as a consumer that understands the namespaces of the vendored
schemas (``UNDERSTOOD``):

* an element or attribute in a namespace that is not understood is removed when an ``mc:Ignorable``
  in scope lists its prefix; an ignorable element named by ``mc:ProcessContent`` is removed but its
  children are kept in its place (and processed); one that is not ignorable is an error;
* ``mc:MustUnderstand`` naming a namespace that is not understood is an error;
* ``mc:AlternateContent`` is replaced by the content of its first ``mc:Choice`` whose ``Requires``
  prefixes are all understood, else of its ``mc:Fallback``, else by nothing;
* the ``mc:Ignorable``, ``mc:ProcessContent``, ``mc:MustUnderstand``, ``mc:PreserveElements`` and
  ``mc:PreserveAttributes`` attributes themselves are removed; any other ``mc:`` markup is an error;
* the content of an application-defined extension element (``a:ext``, ``c:ext``: ``EXTENSION_ELEMENTS``)
  is passed through untouched, as Part 3 clause 8 requires; the schemas validate it laxly.

Besides schema errors it reports: a part without a content type, an XML part that is not
well-formed or has a DOCTYPE (OPC forbids DTDs), and an XML part whose root namespace has no
vendored schema. The one kind of XML part deliberately *not* validated is a Custom XML data part
(``customXml/itemN.xml``) whose root namespace has no vendored schema: its content is arbitrary
user data by definition (ECMA-376 Part 1, 22.5). Non-XML parts (images, ``.bin``) are skipped.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, cast

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent / "ooxml" / "xsd"

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES_PART = "[Content_Types].xml"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

# The schemas a part is validated with, by the namespace of its root element. Every driver also
# imports xml.xsd first (the transitional schemas import the xml namespace without a location).
_WORDPROCESSING = ("wml.xsd", "vml-main.xsd", "vml-officeDrawing.xsd", "vml-wordprocessingDrawing.xsd")
ROOT_SCHEMAS: dict[str, tuple[str, ...]] = {
    W: _WORDPROCESSING,
    # theme, chart and diagram parts: DrawingML is imported by the WordprocessingML set anyway
    "http://schemas.openxmlformats.org/drawingml/2006/main": _WORDPROCESSING,
    "http://schemas.openxmlformats.org/drawingml/2006/chart": _WORDPROCESSING,
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": _WORDPROCESSING,
    CONTENT_TYPES_NS: ("opc-contentTypes.xsd",),
    "http://schemas.openxmlformats.org/package/2006/relationships": ("opc-relationships.xsd",),
    # dc and dcterms first: opc-coreProperties.xsd imports them from dublincore.org
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": ("dc.xsd", "dcterms.xsd", "opc-coreProperties.xsd"),
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": ("shared-documentPropertiesExtended.xsd",),
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": ("shared-documentPropertiesCustom.xsd",),
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": ("shared-customXmlDataProperties.xsd",),
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": ("shared-bibliography.xsd",),
}

_CUSTOM_XML_DATA = re.compile(r"customXml/item\d+\.xml", re.IGNORECASE)
# Application-defined extension elements (ECMA-376 Part 3, 8): MCE processing is suspended inside
# them and their content is passed through; their schema content is a lax wildcard.
EXTENSION_ELEMENTS = {
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "ext"),
    ("http://schemas.openxmlformats.org/drawingml/2006/chart", "ext"),
}
_MC_ATTRIBUTES = {"Ignorable", "ProcessContent", "MustUnderstand", "PreserveElements", "PreserveAttributes"}

# Conventional prefixes, to make libxml2's {uri}local names readable.
PREFIXES = {
    W: "w",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "c",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": "dgm",
    "http://schemas.openxmlformats.org/schemaLibrary/2006/main": "sl",
    "urn:schemas-microsoft-com:vml": "v",
    "urn:schemas-microsoft-com:office:office": "o",
    "urn:schemas-microsoft-com:office:word": "w10",
    CONTENT_TYPES_NS: "ct",
    "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ep",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "cup",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": "vt",
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": "ds",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": "b",
    "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
    "http://schemas.microsoft.com/office/word/2012/wordml": "w15",
    MC: "mc",
    XML_NS: "xml",
    XSI: "xsi",
}


# -- schemas -------------------------------------------------------------------------------------
def _parser() -> etree.XMLParser:
    """No DTDs, no entities, no network: opc-coreProperties.xsd, dc.xsd and dcterms.xsd name schema
    locations on the web, but the drivers import those namespaces from the local copies first, so
    libxml2 skips the remote imports (with a warning) and never asks for them."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@functools.cache
def target_namespace(filename: str) -> str:
    """The ``targetNamespace`` of a vendored schema file."""
    root = etree.parse(str(XSD_DIR / filename), _parser()).getroot()
    return str(root.get("targetNamespace", ""))


@functools.cache
def understood_namespaces() -> frozenset[str]:
    """The namespaces this consumer understands: those of the vendored schemas, plus xml and xsi."""
    return frozenset({target_namespace(p.name) for p in XSD_DIR.glob("*.xsd")} | {XML_NS, XSI})


@functools.cache
def compiled_schema(files: tuple[str, ...]) -> etree.XMLSchema:
    """One compiled schema importing xml.xsd and ``files`` (compiling wml.xsd takes a while: cached)."""
    imports = "".join(f'<xs:import namespace="{target_namespace(name)}" schemaLocation="{(XSD_DIR / name).as_uri()}"/>' for name in ("xml.xsd", *files))
    driver = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    document = etree.fromstring(driver.encode(), _parser(), base_url=(XSD_DIR / "driver.xsd").as_uri())
    return etree.XMLSchema(document)


# -- messages ------------------------------------------------------------------------------------
def _readable(text: str) -> str:
    """``{uri}local`` as ``prefix:local`` for the namespaces in PREFIXES."""
    return re.sub(r"\{([^}]*)\}", lambda m: f"{PREFIXES[m.group(1)]}:" if m.group(1) in PREFIXES else m.group(0), text)


def _name(tag: str | bytes) -> str:
    return _readable(tag if isinstance(tag, str) else tag.decode())


class _LogEntry(Protocol):
    """The part of lxml's ``_LogEntry`` used here (lxml-stubs do not describe it)."""

    line: int
    message: str
    path: str


# -- Markup Compatibility (ECMA-376 Part 3) ------------------------------------------------------
class _Mce:
    """Markup Compatibility processing of one part, in place, collecting errors."""

    def __init__(self, part: str, understood: frozenset[str]) -> None:
        self.part = part
        self.understood = understood
        self.errors: list[str] = []

    def error(self, element: etree._Element, message: str) -> None:
        self.errors.append(f"{self.part}:{element.sourceline}: markup compatibility: {message}")

    def _namespaces(self, element: etree._Element, value: str, attribute: str) -> set[str]:
        found: set[str] = set()
        for prefix in value.split():
            uri = element.nsmap.get(prefix)
            if uri is None:
                self.error(element, f"{attribute} names prefix '{prefix}', which is not declared")
            else:
                found.add(uri)
        return found

    def _qualified_names(self, element: etree._Element, value: str) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for item in value.split():
            prefix, _, local = item.partition(":")
            uri = element.nsmap.get(prefix)
            if uri is None or not local:
                self.error(element, f"mc:ProcessContent names '{item}', which is not a declared prefix:name")
            else:
                found.add((uri, local))
        return found

    def process(self, element: etree._Element, ignorable: frozenset[str], process_content: frozenset[tuple[str, str]]) -> None:
        """Process ``element``'s own attributes and, recursively, its children."""
        ignorable, process_content = self._scope(element, ignorable, process_content)
        for key in list(element.attrib):
            namespace = etree.QName(key).namespace
            if namespace is None or namespace in self.understood:
                continue
            if namespace == MC:
                if etree.QName(key).localname not in _MC_ATTRIBUTES:
                    self.error(element, f"unknown attribute {_name(key)}")
            elif namespace not in ignorable:
                self.error(element, f"attribute {_name(key)} of {_name(element.tag)} is in namespace {namespace}, which is neither understood nor ignorable")
            del element.attrib[key]
        for child in list(element):
            if not isinstance(child.tag, str):  # comment or processing instruction
                continue
            name = etree.QName(child)
            if name.namespace == MC:
                if name.localname == "AlternateContent":
                    self._alternate_content(element, child, ignorable, process_content)
                else:
                    self.error(child, f"{_name(child.tag)} is not allowed here")
                    _remove(child)
            elif (name.namespace, name.localname) in EXTENSION_ELEMENTS:
                continue  # passed through unchanged
            elif name.namespace in self.understood:
                self.process(child, ignorable, process_content)
            else:
                child_ignorable, child_process_content = self._scope(child, ignorable, process_content)
                if name.namespace not in child_ignorable:
                    self.error(child, f"element {_name(child.tag)} is in namespace {name.namespace}, which is neither understood nor ignorable")
                    _remove(child)
                elif (name.namespace, name.localname) in child_process_content or (name.namespace, "*") in child_process_content:
                    self.process(child, child_ignorable, child_process_content)
                    _unwrap(child)
                else:
                    _remove(child)

    def _scope(
        self, element: etree._Element, ignorable: frozenset[str], process_content: frozenset[tuple[str, str]]
    ) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
        declared = element.get(f"{{{MC}}}Ignorable")
        if declared is not None:
            ignorable = ignorable | self._namespaces(element, declared, "mc:Ignorable")
        content = element.get(f"{{{MC}}}ProcessContent")
        if content is not None:
            process_content = process_content | self._qualified_names(element, content)
        must = element.get(f"{{{MC}}}MustUnderstand")
        if must is not None:
            for uri in sorted(self._namespaces(element, must, "mc:MustUnderstand") - self.understood):
                self.error(element, f"mc:MustUnderstand names namespace {uri}, which is not understood")
        return frozenset(ignorable), frozenset(process_content)

    def _alternate_content(
        self, parent: etree._Element, alternate: etree._Element, ignorable: frozenset[str], process_content: frozenset[tuple[str, str]]
    ) -> None:
        ignorable, process_content = self._scope(alternate, ignorable, process_content)
        chosen: etree._Element | None = None
        for branch in alternate:
            if not isinstance(branch.tag, str):
                continue
            if branch.tag == f"{{{MC}}}Choice":
                requires = branch.get("Requires")
                if requires is None:
                    self.error(branch, "mc:Choice without Requires")
                elif chosen is None and self._namespaces(branch, requires, "Requires") <= self.understood:
                    chosen = branch
            elif branch.tag == f"{{{MC}}}Fallback":
                if chosen is None:
                    chosen = branch
            elif etree.QName(branch).namespace == MC or etree.QName(branch).namespace in self.understood:
                self.error(branch, f"{_name(branch.tag)} is not allowed in mc:AlternateContent")
            elif etree.QName(branch).namespace not in self._scope(branch, ignorable, process_content)[0]:
                self.error(branch, f"element {_name(branch.tag)} in mc:AlternateContent is in a namespace that is neither understood nor ignorable")
        if chosen is not None:
            if "Requires" in chosen.attrib:
                del chosen.attrib["Requires"]
            self.process(chosen, ignorable, process_content)
            index = parent.index(alternate)
            for offset, item in enumerate(list(chosen)):
                parent.insert(index + offset, item)
        _remove(alternate)


def _remove(element: etree._Element) -> None:
    """Remove ``element`` but keep its tail text."""
    parent = element.getparent()
    assert parent is not None
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Replace ``element`` by its children (and text)."""
    parent = element.getparent()
    assert parent is not None
    index = parent.index(element)
    if element.text:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.text
        else:
            parent.text = (parent.text or "") + element.text
    for offset, item in enumerate(list(element)):
        parent.insert(index + offset, item)
    _remove(element)


def markup_compatibility(part: str, root: etree._Element, understood: frozenset[str] | None = None) -> list[str]:
    """Apply Markup Compatibility processing to ``root`` in place; return the errors."""
    mce = _Mce(part, understood if understood is not None else understood_namespaces())
    mce.process(root, frozenset(), frozenset())
    return mce.errors


# -- the package ---------------------------------------------------------------------------------
def _content_types(data: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """(defaults by lower-case extension, overrides by lower-case part name without leading '/')."""
    root = etree.fromstring(data, _parser())
    defaults = {e.get("Extension", "").lower(): e.get("ContentType", "") for e in root.iter(f"{{{CONTENT_TYPES_NS}}}Default")}
    overrides = {e.get("PartName", "").lstrip("/").lower(): e.get("ContentType", "") for e in root.iter(f"{{{CONTENT_TYPES_NS}}}Override")}
    return defaults, overrides


def _is_xml(content_type: str) -> bool:
    return content_type.endswith("+xml") or content_type in ("application/xml", "text/xml")


def validate_part(part: str, data: bytes) -> list[str]:
    """Check one XML part: well-formed, no DOCTYPE, a known root namespace, MCE, then the schema."""
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:
        return [f"{part}:{exc.lineno}: not well-formed XML: {exc.msg}"]
    root = tree.getroot()
    errors: list[str] = []
    doctype: str = getattr(tree.docinfo, "doctype", "")  # lxml-stubs lack DocInfo.doctype
    if doctype:
        errors.append(f"{part}:1: a DOCTYPE is not allowed in a package part")
    namespace = etree.QName(root).namespace or ""
    files = ROOT_SCHEMAS.get(namespace)
    if files is None:
        if _CUSTOM_XML_DATA.fullmatch(part):
            return errors  # custom XML data: arbitrary user XML, documented as not validated
        return [*errors, f"{part}:{root.sourceline}: no schema for root element {_name(root.tag)}"]
    errors.extend(markup_compatibility(part, root))
    schema = compiled_schema(files)
    if not schema.validate(tree):
        for entry in cast("Iterable[_LogEntry]", schema.error_log):
            where = f" (at {entry.path})" if entry.path else ""
            errors.append(f"{part}:{entry.line}: {_readable(entry.message)}{where}")
    return errors


def validate_docx(data: bytes) -> list[str]:
    """Every problem in the package ``data`` as ``part:line: message``; ``[]`` when it is valid."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        return [f"(package):0: not a zip file: {exc}"]
    with package:
        names = [n for n in package.namelist() if not n.endswith("/")]
        if CONTENT_TYPES_PART not in names:
            return [f"{CONTENT_TYPES_PART}:0: missing"]
        content_types = package.read(CONTENT_TYPES_PART)
        errors = validate_part(CONTENT_TYPES_PART, content_types)
        try:
            defaults, overrides = _content_types(content_types)
        except etree.XMLSyntaxError:
            return errors
        for name in names:
            if name == CONTENT_TYPES_PART:
                continue
            extension = posixpath.basename(name).rpartition(".")[2].lower() if "." in posixpath.basename(name) else ""
            content_type = overrides.get(name.lower()) or defaults.get(extension)
            if content_type is None:
                errors.append(f"{name}:0: no content type in {CONTENT_TYPES_PART}")
            elif _is_xml(content_type):
                errors.extend(validate_part(name, package.read(name)))
    return errors
