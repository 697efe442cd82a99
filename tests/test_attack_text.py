"""Every text survives every output (issue 10, point 2).

Each hostile character (NUL, VT, ESC, DEL, NEL, lone surrogates, U+FFFE/U+FFFF, RLO, LRI, a CR
alone) is put into every free-text field of generated, valid meldingen and adviesvragen — a field
counts as free text when the document stays valid with the character in it. Then:

- the HTML encodes as UTF-8, parses, holds no forbidden character and no bidi control, and still
  shows every text (the character replaced, not the text dropped);
- the Word document opens as a zip whose every XML part parses strictly, holds no forbidden
  character, and shows every text;
- ``meldform batch`` renders every one (none ``mislukt``), and ``rapport.json`` / ``rapport.html``
  parse and are clean — also with the characters in an unknown key (quoted by the finding) and
  in a file name;
- ``meldform validate`` reports those findings (text and JSON) without an internal error.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attack_surface as surface  # tests/ is on sys.path (pytest's rootdir-relative import)
import pytest
from click.testing import CliRunner
from lxml import etree
from lxml import html as lxml_html

# Several shapes of document, so every kind of free text the generator makes is reached:
# melding and advies, every sector, children, unborn children, adults, hulpverleners, contacts.
BASES = (
    (1, "melding", "onderwijs"),
    (2, "melding", "jeugdhulp"),
    (3, "melding", "gezondheidszorg"),
    (4, "advies", "kinderopvang"),
    (5, "melding", "justitie"),
    (6, "advies", "wijkteam"),
    (7, "melding", "maatschappelijke_ondersteuning"),
    (8, "melding", "pleegzorg"),
)
TEXTS_THAT_MUST_BE_FREE = ("/zorgen/signalen/0/omschrijving", "/melder/naam/geslachtsnaam", "/melder/functie", "/afweging/toelichting")


def hostile(char: str) -> Callable[[int, str], str]:
    """The value a field gets: its own text on both sides of the character."""
    return lambda _, old: f"{old}{char}{old}"


def shown(old: str, char: str) -> tuple[str, ...]:
    """How ``old + char + old`` may read once cleaned (whitespace collapsed): a space or nothing between."""
    return (f"{old} {old}", f"{old}{old}")


def squash(text: str) -> str:
    return " ".join(text.split())


def assert_clean(text: str, where: str) -> None:
    bad = surface.FORBIDDEN.search(text) or surface.BIDI.search(text)
    assert bad is None, f"{where}: U+{ord(bad.group()):04X} at {bad.start()}: {text[max(0, bad.start() - 40) : bad.start() + 40]!r}"


def assert_tree_clean(root: Any, where: str) -> None:
    """No forbidden character in any text or attribute (character references are decoded by now)."""
    for element in root.iter():
        for value in (element.text, element.tail, *(element.attrib.values() if hasattr(element, "attrib") else ())):
            if value:
                assert_clean(value, where)


@pytest.fixture(scope="module")
def cases() -> list[tuple[str, dict[str, Any], list[surface.Leaf], list[str]]]:
    """(name, poisoned document, changed fields, their original texts) for every character × base."""
    made = []
    for name, char in surface.HOSTILE_CHARS.items():
        for seed, soort, sector in BASES:
            base = surface.make_valid(seed, soort=soort, sector=sector)
            doc, changed = surface.poison(base, hostile(char))
            doc["kenmerk"] = re.sub(r"[^A-Za-z0-9]", "", f"ATT-{name}") + f"-{seed}"
            assert not [f for f in surface.validate(doc, today=surface.DATUM) if f.ernst == "fout"]
            olds = [_get(base, at) for at in changed]
            made.append((name, doc, changed, olds))
    return made


def _get(doc: Any, at: tuple[str | int, ...]) -> Any:
    for part in at:
        doc = doc[part]
    return doc


def test_the_walk_reaches_every_kind_of_free_text(cases: list[tuple[str, dict[str, Any], list[surface.Leaf], list[str]]]) -> None:
    fields = {surface.pointer(at) for _, _, changed, _ in cases for at in changed}
    generic = {re.sub(r"/\d+", "/*", f) for f in fields}
    for must in TEXTS_THAT_MUST_BE_FREE:
        assert must in fields
    # a name, an address, a list of lines, a toelichting in each part of the melding
    for part in ("/melder/", "/betrokkenen/kinderen/", "/betrokkenen/volwassenen/", "/zorgen/", "/stappen/", "/afweging/", "/eerdereBetrokkenheidVeiligThuis/"):
        assert any(g.startswith(part) for g in generic), part
    assert len(generic) >= 35, sorted(generic)
    # every character reached every free-text field (none of them made a field invalid)
    per_char: dict[str, set[str]] = {}
    for name, _, changed, _ in cases:
        per_char.setdefault(name, set()).update(re.sub(r"/\d+", "/*", surface.pointer(at)) for at in changed)
    assert all(v == generic for v in per_char.values()), {k: generic - v for k, v in per_char.items()}


@pytest.mark.parametrize("name", list(surface.HOSTILE_CHARS))
def test_html_render_is_utf8_well_formed_clean_and_keeps_every_text(name: str, cases: list[Any]) -> None:
    char = surface.HOSTILE_CHARS[name]
    for case_name, doc, changed, olds in cases:
        if case_name != name:
            continue
        findings = surface.validate(doc, today=surface.DATUM)
        data = surface.render_document(doc, findings, "html")  # raises if a text does not encode
        text = data.decode("utf-8")  # strict: a lone surrogate would have failed to encode
        assert_clean(text, f"{doc['kenmerk']}.html")
        assert "&#" not in text.replace("&#39;", "").replace("&#34;", ""), "a character reference could smuggle a forbidden character"
        root: lxml_html.HtmlElement = lxml_html.document_fromstring(data)
        assert_tree_clean(root, f"{doc['kenmerk']}.html")
        body = squash(root.text_content())
        for at, old in zip(changed, olds, strict=True):
            assert any(s in body for s in shown(old, char)), f"{surface.pointer(at)} lost in the HTML"


@pytest.mark.parametrize("name", list(surface.HOSTILE_CHARS))
def test_docx_render_opens_every_part_parses_clean_and_keeps_every_text(name: str, cases: list[Any]) -> None:
    char = surface.HOSTILE_CHARS[name]
    strict = etree.XMLParser(resolve_entities=False, no_network=True)
    for case_name, doc, changed, olds in cases:
        if case_name != name:
            continue
        data = surface.render_document(doc, surface.validate(doc, today=surface.DATUM), "docx")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            parts = [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]
            assert "word/document.xml" in parts
            for part in parts:
                raw = archive.read(part)
                assert_clean(raw.decode("utf-8"), f"{doc['kenmerk']}.docx:{part}")
                root = etree.fromstring(raw, strict)  # a forbidden character, even as &#1;, fails here
                assert_tree_clean(root, f"{doc['kenmerk']}.docx:{part}")
            body = etree.fromstring(archive.read("word/document.xml"), strict)
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{w}t")) for p in body.iter(f"{w}p")]
        shown_text = squash(" ".join(paragraphs))
        for at, old in zip(changed, olds, strict=True):
            assert any(s in shown_text for s in shown(old, char)), f"{surface.pointer(at)} lost in the Word document"


# -- batch and validate: the reports ------------------------------------------------------------------
def hostile_invalid(char: str, n: int) -> dict[str, Any]:
    """An invalid document whose findings quote the character: it is in unknown keys."""
    doc = surface.make_valid(100 + n, soort="melding", sector="onderwijs")
    doc["kenmerk"] = f"ONG-{n}"
    doc[f"extra{char}veld"] = "x"
    doc["melder"][f"{char}"] = 1
    doc.setdefault("sectorSpecifiek", {})[f"route{char}"] = "x"
    return doc


def walk_strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *walk_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in walk_strings(v)]
    return [value] if isinstance(value, str) else []


def test_batch_renders_every_hostile_document_and_its_reports_are_clean(cases: list[Any], tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    valid = 0
    for _, doc, _, _ in cases:
        (inputs / f"{doc['kenmerk']}.json").write_text(json.dumps(doc), encoding="utf-8")  # \ud800 stays a JSON escape
        valid += 1
    invalid = 0
    for n, char in enumerate(surface.HOSTILE_CHARS.values()):
        (inputs / f"ongeldig-{n}.json").write_text(json.dumps(hostile_invalid(char, n)), encoding="utf-8")
        invalid += 1
    # file names are texts in the report too: bidi controls, an escape, a byte that is not UTF-8
    hostile_names = [b"naam\xe2\x80\xaefdp.json", b"esc\x1b[31mrood.json", b"latin1-\xff\xfe.json", b"nel\xc2\x85.json"]
    for raw in hostile_names:
        with open(os.path.join(os.fsencode(inputs), raw), "wb") as handle:
            handle.write(json.dumps(hostile_invalid("\u202e", 99)).encode())
        invalid += 1
    # and a valid document under such a name: its outputs are claimed and owned by that name
    named = surface.make_valid(200, soort="melding", sector="wijkteam")
    named["kenmerk"] = "NAAM-200"
    with open(os.path.join(os.fsencode(inputs), b"geldig-\xff\xe2\x80\xae.json"), "wb") as handle:
        handle.write(json.dumps(named).encode())
    valid += 1
    out = tmp_path / "out"
    result = CliRunner().invoke(surface.main, ["batch", str(inputs), "--output", str(out), "--format", "html,docx", "--jobs", "2"])
    assert result.exit_code == 1, result.output  # invalid inputs, nothing failed
    assert "interne fout" not in result.output and "Traceback" not in result.output

    raw_json = (out / "rapport.json").read_bytes().decode("utf-8")
    assert_clean(raw_json, "rapport.json")
    report = json.loads(raw_json)
    for s in walk_strings(report):
        assert_clean(s, "rapport.json (decoded)")
    status = [entry["status"] for entry in report["bestanden"]]
    assert status.count("gerenderd") == valid, status
    assert status.count("ongeldig") == invalid, status
    assert report["samenvatting"]["status"]["mislukt"] == 0
    unknown = [f for entry in report["bestanden"] for f in entry["bevindingen"] if f["code"] == "onbekend_veld"]
    assert len(unknown) >= 3 * invalid, "each unknown key is a finding"

    raw_html = (out / "rapport.html").read_bytes().decode("utf-8")
    assert_clean(raw_html, "rapport.html")
    root: lxml_html.HtmlElement = lxml_html.document_fromstring(raw_html)
    assert_tree_clean(root, "rapport.html")
    assert "onbekend_veld" in root.text_content()
    assert len(list(out.glob("*.html"))) == valid + 1 and len(list(out.glob("*.docx"))) == valid

    # a rerun knows its own outputs again, the non-UTF-8 name included: nothing redone, no conflict
    again = CliRunner().invoke(surface.main, ["batch", str(inputs), "--output", str(out), "--format", "html,docx", "--jobs", "2"])
    assert again.exit_code == 1, again.output
    rerun = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    status = [entry["status"] for entry in rerun["bestanden"]]
    assert status.count("overgeslagen") == valid and status.count("ongeldig") == invalid, status


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_reports_hostile_keys_and_file_names_cleanly(fmt: str, tmp_path: Path) -> None:
    files = []
    for n, char in enumerate(surface.HOSTILE_CHARS.values()):
        path = tmp_path / f"doc{n}\u202e.json"
        path.write_text(json.dumps(hostile_invalid(char, n)), encoding="utf-8")
        files.append(str(path))
    result = CliRunner().invoke(surface.main, ["validate", "--format", fmt, *files])
    assert result.exit_code == 1, result.output
    assert "interne fout" not in result.output
    assert_clean(result.output, f"validate --format {fmt}")
    lines = result.output.splitlines()
    if fmt == "json":
        report = json.loads(result.output)
        assert len(report) == len(files) and not any(r["geldig"] for r in report)
    else:
        assert sum("[onbekend_veld]" in line for line in lines) >= 3 * len(files)


def test_file_names_that_are_not_utf8_or_hold_controls_are_printed_cleanly(tmp_path: Path) -> None:
    """render and validate name the file on a strict UTF-8 terminal without an internal error."""
    doc = surface.make_valid(300, soort="melding", sector="onderwijs")
    folder = os.fsencode(tmp_path)
    names = [b"latin1-\xff.json", b"rlo-\xe2\x80\xaegnp.json", b"esc-\x1b[2J.json", b"nel-\xc2\x85.json"]
    for name in names:
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(json.dumps(doc).encode())
    files = [os.fsdecode(os.path.join(folder, name)) for name in names]
    env = dict(os.environ, PYTHONIOENCODING="utf-8:strict")  # a terminal that takes UTF-8 only
    cli = [sys.executable, "-c", "from meldform.cli import main; main()"]
    for fmt in ("html", "docx"):
        out = tmp_path / fmt
        done = subprocess.run([*cli, "render", *files, "--format", fmt, "--output", str(out), "--force"], capture_output=True, env=env, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        text = done.stdout.decode("utf-8")
        assert_clean(text, f"render --format {fmt}")
        assert text.count("geschreven naar") == len(names)
    for fmt in ("text", "json"):
        done = subprocess.run([*cli, "validate", "--format", fmt, *files], capture_output=True, env=env, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        assert_clean(done.stdout.decode("utf-8"), f"validate --format {fmt}")
