"""A kenmerk becomes a file name, and output folders are copied to Windows shares (issue 10.6).

Windows reserves device names (CON, PRN, AUX, NUL, COM0-9, LPT0-9) in any case and with any
extension, and drops a trailing dot: such a kenmerk would name a file that cannot be made, or one
that silently becomes another. Both are rejected with one clear finding, by the schema itself (so
the exported schema, the fast path, the oracle, the batch and the form all agree).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from meldform import api
from meldform.check.loading import load_document
from meldform.check.reference import schema_validator
from meldform.check.validation import fast_validator
from meldform.cli import main
from meldform.model.schemas import load_schemas

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "onderwijs-vo-partnergeweld.json"
DEVICES = ["CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))]

REJECTED = [
    *DEVICES,
    *(d.lower() for d in DEVICES),
    "Con",
    "cOm3",
    "CON.txt",
    "aux.2026",
    "nul.json",
    "LPT1.tar.gz",
    "Prn.",
    "ABC.",
    "VT-2026-001.",
    "A..",
]
ACCEPTED = ["CONSULT-1", "CON-1", "CON_2", "NULL", "AUXI", "COM10", "LPT10", "XCON", "A.CON", "VT-2026.CON", "A", "A.b", "COM", "LPT_1", "x" * 64]


def _doc(kenmerk: str) -> dict[str, Any]:
    doc: dict[str, Any] = copy.deepcopy(load_document(str(EXAMPLE)).data)
    doc["kenmerk"] = kenmerk
    return doc


def _kenmerk_findings(doc: dict[str, Any], lang: str = "nl") -> list[Any]:
    return [f for f in api.validate(doc, lang=lang).bevindingen if f.pad == "/kenmerk"]


@pytest.mark.parametrize("kenmerk", REJECTED)
def test_a_reserved_or_dotted_kenmerk_is_one_clear_error(kenmerk: str) -> None:
    doc = _doc(kenmerk)
    found = _kenmerk_findings(doc)
    assert [f.code for f in found] == ["formaat"]
    assert found[0].ernst == "fout"
    message = found[0].melding
    assert "eindigt niet op een punt" in message and "Windows" in message and "CON" in message
    # the fast path and the reference engine give the same verdict
    assert fast_validator()(doc) is False
    assert schema_validator().is_valid(doc) is False


@pytest.mark.parametrize("kenmerk", ACCEPTED)
def test_names_that_only_look_like_devices_stay_valid(kenmerk: str) -> None:
    doc = _doc(kenmerk)
    assert _kenmerk_findings(doc) == []
    assert fast_validator()(doc) is True
    assert schema_validator().is_valid(doc) is True


def test_the_message_is_english_on_request() -> None:
    (finding,) = _kenmerk_findings(_doc("NUL.txt"), lang="en")
    assert "does not end with a full stop" in finding.melding and "Windows" in finding.melding


def _windows_unsafe(name: str) -> bool:
    stem = name.split(".", 1)[0].upper()
    return name.endswith(".") or stem in DEVICES


@given(st.text(alphabet="AaCcOoNnPpRrUuXxLlMmTt0123456789._-", min_size=1, max_size=8))
def test_the_pattern_is_exactly_the_kenmerk_grammar_minus_windows_unsafe_names(kenmerk: str) -> None:
    pattern = load_schemas().node_at(["kenmerk"])
    assert pattern is not None
    base = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", kenmerk) is not None
    expected = base and not _windows_unsafe(kenmerk)
    doc = _doc(kenmerk)
    assert fast_validator()(doc) is expected
    assert schema_validator().is_valid(doc) is expected


def test_batch_renders_no_file_for_a_reserved_kenmerk_and_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.json").write_text(json.dumps(_doc("con")), encoding="utf-8")
    (inputs / "b.json").write_text(json.dumps(_doc("VT-2026-0042")), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(inputs), "--output", str(out), "--format", "html"])
    assert result.exit_code == 1, result.output
    names = sorted(p.name.lower() for p in out.iterdir())
    assert "vt-2026-0042.html" in names
    assert not any(n.startswith("con.") for n in names)
    report = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    by_file = {Path(r["bestand"]).name: r for r in report["bestanden"]}
    assert by_file["a.json"]["kenmerk"] is None
    assert [b["code"] for b in by_file["a.json"]["bevindingen"] if b["pad"] == "/kenmerk"] == ["formaat"]


def test_render_refuses_a_reserved_kenmerk_with_one_line(tmp_path: Path) -> None:
    source = tmp_path / "melding.json"
    source.write_text(json.dumps(_doc("Aux.2026")), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(source), "--format", "html", "--output", str(tmp_path / "uit")])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "/kenmerk" in line]
    assert len(lines) == 1 and "Windows" in lines[0]
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())


@pytest.mark.browser
def test_the_blank_form_marks_a_reserved_kenmerk_invalid_in_the_browser(browser: Any, tmp_path: Path) -> None:
    """The schema's pattern reaches the form's ``pattern`` attribute: Chromium flags the same names."""
    form = tmp_path / "formulier.html"
    form.write_bytes(api.blank_form("onderwijs"))
    page = browser.new_page()
    try:
        page.goto(form.as_uri())
        verdicts = {}
        for kenmerk in [*REJECTED[:6], "Aux.2026", "ABC.", *ACCEPTED[:6]]:
            page.fill("#f-kenmerk", kenmerk)
            verdicts[kenmerk] = page.eval_on_selector("#f-kenmerk", "e => e.validity.patternMismatch")
    finally:
        page.close()
    assert {k for k, bad in verdicts.items() if bad} == {*REJECTED[:6], "Aux.2026", "ABC."}
