"""The batch report reads like a report, and the console names every file that was not processed.

One batch with a valid file, a file with errors (one nested: a child's BSN), an unreadable file and
a file whose output already exists (not made by this batch), in Dutch and in English.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from meldform.batch.report import format_moment
from meldform.cli import main

EXAMPLES = Path(__file__).parent.parent / "examples"
VALID = "onderwijs-vo-partnergeweld.json"  # kenmerk VO-2026-0142
EXISTING = "kinderopvang-dagopvang-verwaarlozing.json"  # kenmerk KDV-2026-031


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / VALID, folder / VALID)
    shutil.copy(EXAMPLES / EXISTING, folder / EXISTING)
    doc = json.loads((EXAMPLES / VALID).read_text(encoding="utf-8"))
    doc["kenmerk"] = "VO-TEST-0001"
    doc["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = "12345"
    (folder / "bsn-fout.json").write_text(json.dumps(doc), encoding="utf-8")
    (folder / "kapot.json").write_text("{niet af", encoding="utf-8")
    return folder


def _run(inputs: Path, output: Path, *extra: str) -> tuple[int, str]:
    output.mkdir(exist_ok=True)
    (output / "KDV-2026-031.html").write_text("van iemand anders", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(inputs), "-o", str(output), "--format", "html", "--jobs", "1", *extra])
    return result.exit_code, result.stdout


def _text(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_console_names_each_failed_file_with_its_reason_nl(inputs: Path, tmp_path: Path) -> None:
    code, out = _run(inputs, tmp_path / "uit")
    assert code == 1
    lines = out.splitlines()
    reason = "Betrokkenen › Kind 1 › Burgerservicenummer (BSN) heeft niet de juiste vorm (precies 9 cijfers)"
    assert f"{inputs / 'bsn-fout.json'}: niet verwerkt: fouten in het document: {reason}" in lines
    assert any(line.startswith(f"{inputs / 'kapot.json'}: onleesbaar: geen geldige JSON") for line in lines)
    assert any(line.startswith(f"{inputs / EXISTING}: niet verwerkt: uitvoerbestand bestaat al") and "KDV-2026-031.html bestaat al" in line for line in lines)
    assert not any(str(inputs / VALID) in line for line in lines)  # a processed file is not named
    assert "12345" not in out  # the wrong value is never echoed
    assert lines[3].startswith("meldform batch: 4 bestand(en): 1 gerenderd")  # the failures come first, then the counts


def test_console_in_english(inputs: Path, tmp_path: Path) -> None:
    _, out = _run(inputs, tmp_path / "uit", "--lang", "en")
    assert f"{inputs / 'bsn-fout.json'}: not processed: errors in the document: Persons involved › Child 1 › Citizen service number (BSN)" in out
    assert f"{inputs / 'kapot.json'}: unreadable: not valid JSON" in out
    assert "niet verwerkt" not in out


def test_report_html_speaks_dutch(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "uit"
    _run(inputs, output)
    text = _text((output / "rapport.html").read_text(encoding="utf-8"))
    made = json.loads((output / "rapport.json").read_text(encoding="utf-8"))["gemaakt"]
    assert f"Gemaakt {format_moment(dt.datetime.fromisoformat(made), 'nl')}" in text
    assert re.search(r"Gemaakt \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}, \d\d:\d\d", text)
    for status in ("verwerkt 1", "niet verwerkt: fouten in het document 1", "onleesbaar 1", "niet verwerkt: uitvoerbestand bestaat al of kenmerk dubbel 1"):
        assert status in text
    # the finding reads with its labels; the code is a detail, the JSON pointer is gone
    assert "Fout: Betrokkenen › Kind 1 › Burgerservicenummer (BSN) heeft niet de juiste vorm (precies 9 cijfers) (code: formaat)" in text
    assert "/betrokkenen/kinderen/0" not in text
    assert "gerenderd" not in text and "ongeldig" not in text
    assert "12345" not in text


def test_report_html_in_english(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "uit"
    _run(inputs, output, "--lang", "en")
    text = _text((output / "rapport.html").read_text(encoding="utf-8"))
    assert re.search(r"Made \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d\d:\d\d", text)
    assert "not processed: errors in the document 1" in text
    assert "Persons involved › Child 1 › Citizen service number (BSN)" in text
    assert "verwerkt" not in text


def test_rapport_json_keeps_its_fields_and_adds_labels(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "uit"
    _run(inputs, output)
    report = json.loads((output / "rapport.json").read_text(encoding="utf-8"))
    assert {"meldform", "rapport", "gemaakt", "uitvoermap", "formaten", "samenvatting", "samenloop", "bestanden"} <= report.keys()
    assert report["samenvatting"]["status"] == {"gerenderd": 1, "overgeslagen": 0, "ongeldig": 1, "onleesbaar": 1, "conflict": 1, "mislukt": 0}
    assert {b["status"] for b in report["bestanden"]} == {"gerenderd", "ongeldig", "onleesbaar", "conflict"}
    assert report["statusLabels"]["ongeldig"] == "niet verwerkt: fouten in het document"
    assert dt.datetime.fromisoformat(report["gemaakt"]).utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))


def test_local_time_in_words() -> None:
    moment = dt.datetime(2026, 12, 3, 14, 5)
    assert format_moment(moment, "nl") == "3 december 2026, 14:05"
    assert format_moment(moment, "en") == "3 December 2026, 14:05"
