"""Every Word file meldform writes is valid against the ISO/IEC 29500 transitional schemas.

Each example is rendered with ``meldform render --format docx`` and a blank form is made with
``meldform blank --format docx`` for every sector and both soorten, through the command line;
every XML part of each package must validate (after Markup Compatibility processing) against the
vendored ECMA-376 schemas (tests/ooxml_schema.py, tests/ooxml/README.md). The documents must not
carry the metadata of python-docx's own template either (its creator, description, dates, the
"Microsoft Macintosh Word" application, its thumbnail). Self-tests at the end show that the
validator does fail: a ``w:zoom`` without ``w:percent``, an unknown element, markup in a
namespace that is neither understood nor ignorable, an unknown root.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree
from ooxml_schema import validate_docx

from meldform.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".json", ".yaml", ".yml"))
SOORTEN = ("melding", "advies")
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
TEMPLATE = Path(docx.__file__).resolve().parent / "templates" / "default.docx"


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.output


def sectors() -> list[str]:
    """The sector keys ``meldform sectors`` lists (first column)."""
    return [line.split()[0] for line in cli("sectors").splitlines() if line.strip()]


# Every example and every sector × soort in Dutch; English (other w:lang values and texts) for a sample.
DOCUMENTS = [
    *(f"render:nl:{p.name}" for p in EXAMPLES),
    *(f"blank:nl:{s}:{soort}" for s in sectors() for soort in SOORTEN),
    f"render:en:{EXAMPLES[0].name}",
    *(f"blank:en:onderwijs:{soort}" for soort in SOORTEN),
]


def make(document: str, folder: Path) -> bytes:
    """The .docx the command line writes for ``render:<lang>:<example>`` or ``blank:<lang>:<sector>:<soort>``."""
    kind, lang, rest = document.split(":", 2)
    if kind == "render":
        cli("render", str(ROOT / "examples" / rest), "--format", "docx", "--lang", lang, "--output", str(folder))
        (written,) = folder.glob("*.docx")
        return written.read_bytes()
    sector, soort = rest.split(":")
    target = folder / f"blank-{sector}-{soort}.docx"
    cli("blank", "--sector", sector, "--soort", soort, "--format", "docx", "--lang", lang, "--output", str(target))
    return target.read_bytes()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], bytes]:
    """``make`` once per document for the whole module (each document is checked twice)."""
    cache: dict[str, bytes] = {}

    def get(document: str) -> bytes:
        if document not in cache:
            cache[document] = make(document, tmp_path_factory.mktemp("docx"))
        return cache[document]

    return get


def summary(errors: list[str], limit: int = 25) -> str:
    shown = "\n".join(errors[:limit])
    more = f"\n… and {len(errors) - limit} more" if len(errors) > limit else ""
    return f"{len(errors)} schema error(s):\n{shown}{more}"


# -- every generated document --------------------------------------------------------------------
@pytest.mark.parametrize("document", DOCUMENTS)
def test_valid_against_transitional_schemas(document: str, generated: Callable[[str], bytes]) -> None:
    errors = validate_docx(generated(document))
    assert errors == [], summary(errors)


def _template_metadata() -> dict[str, set[str]]:
    """What python-docx's default template (and its default core properties) write, per field."""
    with zipfile.ZipFile(TEMPLATE) as template:
        core = etree.fromstring(template.read("docProps/core.xml"))
        app = etree.fromstring(template.read("docProps/app.xml"))
    found: dict[str, set[str]] = {
        # docx.opc.parts.coreprops.CorePropertiesPart.default, used when a package has no core part
        f"{{{DC}}}title": {"Word Document"},
        f"{{{CP}}}lastModifiedBy": {"python-docx"},
    }
    fields = [(core, f"{{{DC}}}{n}") for n in ("creator", "description", "title", "subject")]
    fields += [(core, f"{{{CP}}}{n}") for n in ("lastModifiedBy", "keywords", "category")]
    fields += [(core, f"{{{DCTERMS}}}{n}") for n in ("created", "modified")]
    fields += [(app, f"{{{EP}}}{n}") for n in ("Template", "Application", "AppVersion", "Company", "Manager")]
    for root, tag in fields:
        element = root.find(tag)
        if element is not None and (element.text or "").strip():
            found.setdefault(tag, set()).add((element.text or "").strip())
    return found


TEMPLATE_METADATA = _template_metadata()


@pytest.mark.parametrize("document", DOCUMENTS)
def test_no_python_docx_template_metadata(document: str, generated: Callable[[str], bytes]) -> None:
    data = generated(document)
    leftovers = []
    with zipfile.ZipFile(io.BytesIO(data)) as package, zipfile.ZipFile(TEMPLATE) as template:
        for part in ("docProps/core.xml", "docProps/app.xml"):
            root = etree.fromstring(package.read(part))
            for tag, values in TEMPLATE_METADATA.items():
                for element in root.iter(tag):
                    if (element.text or "").strip() in values:
                        leftovers.append(f"{part}: {etree.QName(tag).localname} = {element.text!r}")
        for name in package.namelist():
            if name.startswith("docProps/") and name in template.namelist() and not name.endswith(".xml") and package.read(name) == template.read(name):
                leftovers.append(f"{name}: the template's own file")
    assert leftovers == [], "python-docx template metadata left in the package:\n" + "\n".join(leftovers)


# -- the validator can fail ----------------------------------------------------------------------
W_DECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:x="urn:example:not-understood"'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
    "</Relationships>"
)
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
GOOD_BODY = "<w:p><w:r><w:t>Hallo</w:t></w:r></w:p>"
# An unknown element inside a run: libxml2 needs about a second to word an error about the
# content of w:body or w:p (it lists what it expected), and a millisecond for one inside w:r.
BOGUS = "<w:p><w:r><w:bogus/></w:r></w:p>"


def package(
    body: str = GOOD_BODY, zoom: str = '<w:zoom w:percent="100"/>', root_attributes: str = 'mc:Ignorable="w14"', extra: dict[str, str] | None = None
) -> bytes:
    """A minimal WordprocessingML package: document.xml with ``body``, settings.xml with ``zoom``."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/document.xml": f"{XML_DECLARATION}\n<w:document {W_DECL} {root_attributes}>\n<w:body>{body}</w:body>\n</w:document>",
        "word/settings.xml": f"{XML_DECLARATION}\n<w:settings {W_DECL}>\n{zoom}\n</w:settings>",
        **(extra or {}),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return out.getvalue()


def test_minimal_package_is_valid() -> None:
    assert validate_docx(package()) == []


def test_zoom_without_percent_fails() -> None:
    errors = validate_docx(package(zoom='<w:zoom w:val="bestFit"/>'))
    assert len(errors) == 1
    assert errors[0].startswith("word/settings.xml:3: ")
    assert "'w:zoom'" in errors[0] and "'w:percent' is required" in errors[0]


def test_unknown_element_fails() -> None:
    errors = validate_docx(package(body=GOOD_BODY + BOGUS))
    assert errors == ["word/document.xml:3: Element 'w:bogus': This element is not expected. (at /w:document/w:body/w:p[2]/w:r/w:bogus)"]


def test_wrong_order_and_wrong_value_fail() -> None:
    assert validate_docx(package(body="<w:p><w:r><w:t>x</w:t><w:rPr><w:b/></w:rPr></w:r></w:p>"))  # rPr after t
    assert validate_docx(package(body='<w:p><w:pPr><w:jc w:val="midden"/></w:pPr></w:p>'))


def test_not_understood_namespace_must_be_ignorable() -> None:
    # w14 is ignorable (mc:Ignorable="w14"): its elements and attributes are removed
    assert validate_docx(package(body=f'<w:p w14:paraId="1234ABCD"><w14:whatever>{BOGUS}</w14:whatever></w:p>')) == []
    # x is neither understood nor ignorable: an error, for an element and for an attribute
    errors = validate_docx(package(body='<w:p><x:thing/></w:p><w:p x:attr="1"/>'))
    assert len(errors) == 2 and all("neither understood nor ignorable" in e for e in errors)
    # without mc:Ignorable, w14 is not ignorable either
    assert validate_docx(package(body="<w:p><w14:whatever/></w:p>", root_attributes=""))


def test_process_content_keeps_the_children() -> None:
    wrapped = f"<w14:wrapper><w:p/>{BOGUS}</w14:wrapper>"
    assert validate_docx(package(body=wrapped)) == []  # removed with its content
    errors = validate_docx(package(body=wrapped, root_attributes='mc:Ignorable="w14" mc:ProcessContent="w14:wrapper"'))
    assert len(errors) == 1 and "'w:bogus'" in errors[0]


def test_alternate_content_takes_the_first_understood_choice_else_the_fallback() -> None:
    def alternate(*choices: tuple[str, str], fallback: str | None = None) -> bytes:
        branches = "".join(f'<mc:Choice Requires="{requires}">{content}</mc:Choice>' for requires, content in choices)
        if fallback is not None:
            branches += f"<mc:Fallback>{fallback}</mc:Fallback>"
        return package(body=f"<mc:AlternateContent>{branches}</mc:AlternateContent>{GOOD_BODY}")

    assert validate_docx(alternate(("w14", BOGUS), fallback="<w:p/>")) == []  # w14 not understood: the fallback
    assert validate_docx(alternate(("w14", "<w:p/>"), fallback=BOGUS))
    assert validate_docx(alternate(("w", BOGUS), fallback="<w:p/>"))  # w understood: the choice
    assert validate_docx(alternate(("w", "<w:p/>"), fallback=BOGUS)) == []
    assert validate_docx(alternate(("w14", BOGUS), ("w", "<w:p/>"), ("w", BOGUS))) == []  # the first understood choice
    assert validate_docx(alternate(("w14", BOGUS))) == []  # nothing understood, no fallback: nothing


def test_extension_elements_pass_through() -> None:
    """A picture as Word writes it: a14:useLocalDpi inside a:ext is left alone (Part 3, clause 8)."""
    picture = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="Afbeelding 1"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
        '<pic:cNvPr id="0" name="a.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId9"><a:extLst>'
        '<a:ext uri="{28A0092B-C50C-407E-A947-70E740481C1C}">'
        '<a14:useLocalDpi xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main" val="0"/></a:ext>'
        "</a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>SPPR</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
    assert validate_docx(package(body=picture.replace("SPPR", "<pic:spPr/>"))) == []
    errors = validate_docx(package(body=picture.replace("SPPR", "")))  # pic:spPr is required: DrawingML is validated too
    assert len(errors) == 1 and "'pic:pic'" in errors[0]


def test_unknown_root_and_missing_content_type_fail() -> None:
    other = '<?xml version="1.0"?><thing xmlns="urn:example:unknown"/>'
    errors = validate_docx(package(extra={"word/other.xml": other}))
    assert len(errors) == 1 and "no schema for root element" in errors[0]
    assert validate_docx(package(extra={"word/media/image1.png": "not listed"})) == ["word/media/image1.png:0: no content type in [Content_Types].xml"]
    assert validate_docx(package(extra={"customXml/item1.xml": other})) == []  # custom XML data: not validated


def test_the_glossary_of_a_blank_form_is_validated_too(generated: Callable[[str], bytes]) -> None:
    """The form's glossary document (placeholder building blocks) is a WordprocessingML part like the others."""
    form = generated("blank:nl:wijkteam:melding")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(form)) as src, zipfile.ZipFile(out, "w") as dst:
        assert "word/glossary/document.xml" in src.namelist()
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/glossary/document.xml":
                data = data.replace(b'w:val="bbPlcHdr"', b'w:val="plaatshouder"', 1)
            dst.writestr(info, data)
    errors = validate_docx(out.getvalue())
    assert len(errors) == 1 and errors[0].startswith("word/glossary/document.xml:") and "'plaatshouder'" in errors[0], errors
