"""PDF (issue 12, point 2): `render --format pdf`, `batch --format pdf` and the parents' letter as PDF.

Each PDF is read back as a person's tools read it: poppler's pdftotext must find the labels and
values, pdfinfo must find a tagged structure (headings, tables with header cells, lists), and the
file itself must have a structure tree, a language and a title (PDF/UA-1). Nothing is loaded from
the network or the disk while a PDF is made: a loopback server counts every request (none may
come) and a local image by file URL must not end up in the PDF.

Without poppler-utils the tests are skipped — except when MELDFORM_REQUIRE_REAL_TOOLS=1 (CI).
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from meldform.cli import main
from meldform.documents import render_pdf
from meldform.documents.brief import make_letter
from meldform.documents.render_brief import render_brief_pdf

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OPEN = EXAMPLES / "onderwijs-vo-partnergeweld.json"
SHIELDED = EXAMPLES / "gezondheidszorg-verloskundige-ongeboren.json"


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is missing (apt-get install poppler-utils)"
        if os.environ.get("MELDFORM_REQUIRE_REAL_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


def pdftotext(path: Path) -> str:
    return subprocess.run([need("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdfinfo(path: Path, *options: str) -> str:
    return subprocess.run([need("pdfinfo"), *options, str(path)], capture_output=True, text=True, check=True).stdout


def pdf_objects(data: bytes) -> bytes:
    """The file's objects as text, object streams unpacked (where WeasyPrint keeps the catalog's entries)."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        start = match.end()
        end = data.find(b"endstream", start)
        try:
            parts.append(zlib.decompress(data[start:end]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def assert_tagged(path: Path, lang: str) -> None:
    objects = pdf_objects(path.read_bytes())
    assert re.search(rb"/Type\s*/Catalog", objects)
    assert re.search(rb"/StructTreeRoot\s+\d+\s+0\s+R", objects)
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true", objects)
    assert re.search(rb"/Lang\s*\(" + lang.encode() + rb"[-)]", objects)
    assert "Tagged:          yes" in pdfinfo(path)
    tags = {line.split()[0] for line in pdfinfo(path, "-struct").splitlines() if line.strip()}
    assert {"Document", "H1", "H2", "P", "L", "LI"} <= tags, tags


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# -- the melding ----------------------------------------------------------------------------------------------
def test_render_pdf_writes_a_tagged_pdf_with_labels_and_values(tmp_path: Path) -> None:
    result = run("render", str(OPEN), "--format", "pdf", "--output", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    target = tmp_path / "VO-2026-0142.pdf"
    assert result.stdout.strip() == f"{OPEN}: geschreven naar {target}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"%PDF-")
    text = pdftotext(target)
    assert "Melding aan Veilig Thuis — VO-2026-0142" in text
    for heading in ("Betrokkenen", "Zorgen", "Afweging (stap 4 en 5): het afwegingskader"):
        assert heading in text
    assert re.search(r"Naam van de melder\s+Marieke de Vries", text)  # a label and its value on one line
    assert "Title:           Melding aan Veilig Thuis — VO-2026-0142" in pdfinfo(target)
    assert_tagged(target, "nl")
    struct = pdfinfo(target, "-struct")
    assert "Table" in struct and "TH" in struct  # the label/value tables keep their header cells
    again = run("render", str(OPEN), "--format", "pdf", "--output", str(tmp_path))
    assert again.exit_code == 1 and "bestaat al" in again.stderr


def test_batch_pdf_writes_kenmerk_pdf_for_every_valid_melding(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for name in ("onderwijs-vo-partnergeweld.json", "advies-onderwijs-po-meisjesbesnijdenis.json"):
        shutil.copy(EXAMPLES / name, source / name)
    out = tmp_path / "uit"
    result = run("batch", str(source), "--output", str(out), "--format", "pdf", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.glob("*.pdf")) == ["PO-ADV-2026-007.pdf", "VO-2026-0142.pdf"]
    report = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    assert report["formaten"] == ["pdf"]
    assert "Adviesvraag (anoniem) aan Veilig Thuis — PO-ADV-2026-007" in pdftotext(out / "PO-ADV-2026-007.pdf")


def test_unknown_format_lists_pdf(tmp_path: Path) -> None:
    result = run("batch", str(OPEN), "--output", str(tmp_path), "--format", "odt")
    assert result.exit_code == 2
    assert "html, docx, pdf" in result.stderr


# -- the letter ---------------------------------------------------------------------------------------------------
def test_brief_pdf_is_the_letter_tagged_in_dutch_and_english(tmp_path: Path) -> None:
    result = run("brief", str(OPEN), "--output", str(tmp_path))  # PDF is the default for a letter
    assert result.exit_code == 0, result.stderr
    target = tmp_path / "VO-2026-0142-brief.pdf"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = pdftotext(target)
    for expected in ("Melding bij Veilig Thuis: wat betekent dat voor u?", "VO-2026-0142", "Wat doet Veilig Thuis nu?", "0800-2000", "Noor en Daan"):
        assert expected in text
    assert_tagged(target, "nl")
    english = run("brief", str(OPEN), "--output", str(tmp_path / "en"), "--lang", "en", "--format", "pdf")
    assert english.exit_code == 0
    text_en = pdftotext(tmp_path / "en" / "VO-2026-0142-brief.pdf")
    assert "What will Veilig Thuis do now?" in text_en and "Call 0800-2000" in text_en
    assert_tagged(tmp_path / "en" / "VO-2026-0142-brief.pdf", "en")


def test_shielded_letter_pdf_has_no_kenmerk_even_in_its_metadata(tmp_path: Path) -> None:
    doc = json.loads(SHIELDED.read_text(encoding="utf-8"))
    target = tmp_path / "brief.pdf"
    target.write_bytes(render_brief_pdf(make_letter(doc, "nl")))
    everything = pdftotext(target) + pdfinfo(target) + pdfinfo(target, "-meta")
    assert "VLK-2026-019" not in everything and "Brouwer" not in everything
    assert "Wat zijn de zorgen?" in everything


# -- nothing from outside -------------------------------------------------------------------------------------------
class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        body = b"body { color: red }"
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Counter.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_html_to_pdf_fetches_nothing(tmp_path: Path, server: str) -> None:
    image = tmp_path / "foto.png"
    image.write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f80f0000010101005c2b1f0a0000000049454e44ae426082"
        )
    )
    html = (
        f'<!DOCTYPE html><html lang="nl"><head><title>t</title><link rel="stylesheet" href="{server}/a.css">'
        f'<style>@import url("{server}/b.css"); body {{ background: url("{server}/c.png") }}</style></head>'
        f'<body><h1>Kop</h1><img src="{server}/d.png" alt="x"><img src="{image.as_uri()}" alt="lokaal"><p>tekst</p></body></html>'
    )
    target = tmp_path / "t.pdf"
    target.write_bytes(render_pdf.html_to_pdf(html))
    assert _Counter.hits == []
    assert "Kop" in pdftotext(target)
    images = subprocess.run([need("pdfimages"), "-list", str(target)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2  # the header lines only: no image embedded


def test_markup_in_a_melding_is_text_in_the_pdf(tmp_path: Path, server: str) -> None:
    doc = json.loads(OPEN.read_text(encoding="utf-8"))
    doc["melder"]["bereikbaarheid"] = f'<img src="{server}/x.png"> <b>vet</b>'
    source = tmp_path / "m.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    result = run("render", str(source), "--format", "pdf", "--output", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert _Counter.hits == []
    assert f'<img src="{server}/x.png"> <b>vet</b>' in pdftotext(tmp_path / "VO-2026-0142.pdf").replace("\n", " ")


# -- without WeasyPrint --------------------------------------------------------------------------------------------------
def test_missing_weasyprint_is_one_clear_line_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    render_pdf._engine.cache_clear()
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now raises ImportError
    try:
        assert not render_pdf.available()
        result = run("render", str(OPEN), "--format", "pdf", "--output", str(tmp_path))
        assert result.exit_code == 2
        assert result.stderr.strip().splitlines() == [
            "meldform: PDF maken lukt niet: WeasyPrint of de Pango-bibliotheken ontbreken "
            "(Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)"
        ]
        assert not list(tmp_path.glob("*.pdf"))
    finally:
        monkeypatch.undo()
        render_pdf._engine.cache_clear()
    assert render_pdf.available()
