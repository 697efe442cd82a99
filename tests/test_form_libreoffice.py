"""A Word form filled in and saved by LibreOffice still imports (issue 10, point 4).

LibreOffice (7.4, the Debian version CI installs) drops ``w:tag`` from every content control when
it saves a .docx; it keeps the name of the control's placeholder building block
(``w:placeholder/w:docPart``), which the form sets to the tag, and the form's glossary document.
Here the real thing runs: blank forms are filled the way Word fills them (tests/test_form_docx.py),
saved by ``soffice --convert-to docx`` and imported again; the result must equal the input and be
valid. An untouched blank form saved by LibreOffice imports as the blank form itself, and its
placeholders are still in the grey ``PlaceholderText`` style.

All documents go through LibreOffice in one ``soffice`` run per module (a start costs about 2 s),
with a profile of its own, so the tests also run next to an open LibreOffice. Without LibreOffice
the tests are skipped, except when MELDFORM_REQUIRE_REAL_TOOLS=1 (CI).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree
from ooxml_schema import validate_docx
from test_form_docx import FULL, REPO, TODAY, blank, example, fill, in_option_order, leaves, q, save

from meldform.check.findings import FOUT, is_valid
from meldform.check.validation import validate
from meldform.forms import controls as sdt
from meldform.forms.docx_reader import import_docx
from meldform.model.layout import TEXTAREA, build_layout

pytestmark = pytest.mark.libreoffice

# a melding, an advies, and a melding with other kinds of fields (slots of children, check boxes)
EXAMPLES = ["wijkteam-ex-partner-stalking.yaml", "advies-gezondheidszorg-huisarts-huwelijksdwang.yaml", "kinderopvang-dagopvang-verwaarlozing.json"]
BLANKS = [("melding", "wijkteam"), ("advies", "gezondheidszorg")]
TWICE = EXAMPLES[0]  # also saved by LibreOffice a second time


def soffice() -> str:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        if os.environ.get("MELDFORM_REQUIRE_REAL_TOOLS") == "1":
            pytest.fail("LibreOffice is required (MELDFORM_REQUIRE_REAL_TOOLS=1) but not installed")
        pytest.skip("LibreOffice is not installed")
    return binary


def convert(files: dict[str, bytes], folder: Path, fmt: str = "docx") -> dict[str, bytes]:
    """``files`` (name -> .docx bytes) saved by LibreOffice as ``fmt``, in one ``soffice`` run."""
    source, out = folder / "in", folder / "out"
    source.mkdir(parents=True)
    for name, data in files.items():
        (source / f"{name}.docx").write_bytes(data)
    profile = (folder / "lo-profiel").as_uri()
    subprocess.run(
        [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt, "--outdir", str(out), *(str(source / f"{n}.docx") for n in files)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    return {name: (out / f"{name}.{fmt}").read_bytes() for name in files}


def with_paragraphs(layout: Any, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its first long text (``textarea``) in two paragraphs: line breaks must survive."""
    copy: dict[str, Any] = json.loads(json.dumps(data))
    for parts, node, value in leaves(layout.root, (), copy):
        if node.kind == TEXTAREA:
            target: Any = copy
            for part in parts[:-1]:
                target = target[part]
            target[parts[-1]] = f"{value}\nTweede alinea: nog een regel."
            return copy
    raise AssertionError("no textarea in the example")


def case(name: str) -> tuple[Any, dict[str, Any]]:
    data = example(REPO / "examples" / name)
    layout = build_layout(data["soort"], data["sector"], "nl")
    return layout, with_paragraphs(layout, data)


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every filled example and every blank form as LibreOffice saves it (and one example twice)."""
    files = {}
    for name in EXAMPLES:
        layout, data = case(name)
        files[name] = save(fill(layout, data, blank(data["soort"], data["sector"], FULL)))
    for soort, sector in BLANKS:
        files[f"blank-{soort}-{sector}"] = blank(soort, sector)
    once = convert(files, tmp_path_factory.mktemp("lo"))
    once[f"twice-{TWICE}"] = convert({TWICE: once[TWICE]}, tmp_path_factory.mktemp("lo"))[TWICE]
    return once


def child(element: etree._Element | None, path: str) -> etree._Element:
    """``element.find(path)``, which the test needs to exist."""
    assert element is not None
    found = element.find(path)
    assert found is not None, path
    return found


def controls_of(data: bytes) -> list[etree._Element]:
    """The content controls of ``data`` that hold a value (not LibreOffice's wrappers around cells)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = child(etree.fromstring(package.read("word/document.xml")), q("body"))
    return [el for el in body.iter(q("sdt")) if next(child(el, q("sdtContent")).iter(q("sdt")), None) is None]


@pytest.mark.parametrize("name", [*EXAMPLES, f"twice-{TWICE}"])
def test_a_form_filled_and_saved_by_libreoffice_imports_as_filled(name: str, saved: dict[str, bytes]) -> None:
    layout, data = case(name.removeprefix("twice-"))
    converted = saved[name]
    # LibreOffice really dropped the tags: only the building block names are left to go by
    assert all(el.find(f"{q('sdtPr')}/{q('tag')}") is None for el in controls_of(converted))
    result = import_docx(converted)
    assert result.problems == []
    assert result.document == in_option_order(layout, data)
    findings = validate(result.document, today=TODAY)
    assert is_valid(findings), [f for f in findings if f.ernst == FOUT]


@pytest.mark.parametrize(("soort", "sector"), BLANKS)
def test_a_blank_form_saved_by_libreoffice_imports_as_the_blank_form(soort: str, sector: str, saved: dict[str, bytes]) -> None:
    converted = saved[f"blank-{soort}-{sector}"]
    result = import_docx(converted)
    assert result.problems == []
    assert result.document == import_docx(blank(soort, sector)).document
    assert len(controls_of(converted)) == len(controls_of(blank(soort, sector)))


def _run_styles(element: etree._Element) -> list[tuple[str | None, str | None]]:
    """(character style, colour) of every run with text in a control."""
    found = []
    for run in child(element, q("sdtContent")).iter(q("r")):
        if run.find(q("t")) is None:
            continue
        style, color = run.find(f"{q('rPr')}/{q('rStyle')}"), run.find(f"{q('rPr')}/{q('color')}")
        found.append((None if style is None else style.get(q("val")), None if color is None else color.get(q("val"))))
    return found


@pytest.mark.parametrize(("soort", "sector"), BLANKS)
def test_placeholders_stay_grey_in_libreoffice(soort: str, sector: str, saved: dict[str, bytes]) -> None:
    converted = saved[f"blank-{soort}-{sector}"]
    placeholders = [el for el in controls_of(converted) if el.find(f"{q('sdtPr')}/{sdt.w14('checkbox')}") is None]
    assert placeholders
    for element in placeholders:
        assert element.find(f"{q('sdtPr')}/{q('showingPlcHdr')}") is not None
        runs = _run_styles(element)
        assert runs and all(run == (sdt.PLACEHOLDER_STYLE, "808080") for run in runs), runs
    with zipfile.ZipFile(io.BytesIO(converted)) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    (style,) = [s for s in styles.iter(q("style")) if s.get(q("styleId")) == sdt.PLACEHOLDER_STYLE]
    assert child(style, f"{q('rPr')}/{q('color')}").get(q("val")) == "808080"


def test_filled_controls_lose_the_placeholder_look(saved: dict[str, bytes]) -> None:
    """What a person typed is not grey; the controls left empty still are."""
    converted = saved[EXAMPLES[0]]
    kinds = {"typed": 0, "left": 0}
    for element in controls_of(converted):
        if element.find(f"{q('sdtPr')}/{sdt.w14('checkbox')}") is not None:
            continue
        runs = _run_styles(element)
        control = sdt.read_control(element, _glossary(converted))
        if control.text is None:
            assert runs and all(style == sdt.PLACEHOLDER_STYLE for style, _ in runs)
            kinds["left"] += 1
        else:
            assert all(style != sdt.PLACEHOLDER_STYLE and color != "808080" for style, color in runs), control.tag
            kinds["typed"] += 1
    assert kinds["typed"] > 20 and kinds["left"] > 20, kinds


def _glossary(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return sdt.glossary_placeholders(etree.fromstring(package.read("word/glossary/document.xml")))


def test_the_form_is_schema_valid_and_opens_in_python_docx() -> None:
    """The form LibreOffice is given: valid against the transitional schemas, glossary included."""
    for soort, sector in BLANKS:
        form = blank(soort, sector)
        assert validate_docx(form) == []
        with zipfile.ZipFile(io.BytesIO(form)) as package:
            assert "word/glossary/document.xml" in package.namelist()
        document = docx.Document(io.BytesIO(form))
        assert len(list(document.element.body.iter(q("sdt")))) == len(controls_of(form))
