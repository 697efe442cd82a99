"""The batch in its parts: one concern per module, one atomic writer, one wording, one kenmerk rule."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from meldform.batch import BusyError, OutputError
from meldform.cli import main
from meldform.errors import EXIT_USAGE, MeldformError
from meldform.texts import pick
from meldform.texts.cli import OUTPUT

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "meldform"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_batch import melding, report, run_cli, write  # noqa: E402


def test_batch_errors_are_meldform_errors_with_exit_2(tmp_path: Path) -> None:
    for error in (OutputError(28, tmp_path), BusyError(tmp_path)):
        assert isinstance(error, MeldformError)
        assert error.exit_code == EXIT_USAGE
        assert str(tmp_path) in error.message("nl") and str(tmp_path) in error.message("en")
    assert "is vol" in OutputError(28, tmp_path).message("nl")
    assert "is full" in OutputError(28, tmp_path).message("en")
    assert "andere batch" in BusyError(tmp_path).message("nl")


def test_no_batch_module_is_over_600_lines() -> None:
    for path in sorted((PACKAGE / "batch").glob("*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path.name


ATOMIC_CALLS = {("os", "replace"), ("os", "rename"), ("os", "link"), ("tempfile", "mkstemp"), ("tempfile", "NamedTemporaryFile")}


def test_output_py_is_the_only_atomic_writer() -> None:
    """Temporary files, renames and hard links appear in output.py and nowhere else in meldform."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "output.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and (node.value.id, node.attr) in ATOMIC_CALLS:
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {node.value.id}.{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module in ("os", "tempfile"):
                found += [
                    f"{path.relative_to(REPO)}:{node.lineno}: from {node.module} import {a.name}" for a in node.names if (node.module, a.name) in ATOMIC_CALLS
                ]
    assert found == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_existing_file_is_worded_as_render_words_it(tmp_path: Path, lang: str) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    write(src / "1.json", melding())
    out.mkdir()
    (out / "VO-2026-0142.html").write_text("van iemand anders", encoding="utf-8")
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1", "--lang", lang)
    (entry,) = report(out)["bestanden"]
    (conflict,) = entry["conflicten"]
    assert conflict["reden"] == "bestaat_al"
    assert conflict["melding"] == pick(OUTPUT, "bestaat_al", lang, bestand=entry["bestand"], doel="VO-2026-0142.html")
    assert "ander" not in conflict  # no owner record: nothing to say about who made it


def test_a_file_made_from_another_input_says_which(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    write(src / "1.json", melding())
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    other = melding()
    other["afweging"]["toelichting"] = "Een andere versie."
    (src / "1.json").unlink()
    write(src / "2.json", other)
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    (entry,) = report(out)["bestanden"]
    (conflict,) = entry["conflicten"]
    expected = pick(OUTPUT, "bestaat_al", "nl", bestand=entry["bestand"], doel="VO-2026-0142.html")
    assert conflict["melding"].startswith(expected)
    assert conflict["ander"] == str((src / "1.json").resolve()) and conflict["ander"] in conflict["melding"]


@pytest.mark.parametrize(
    ("kenmerk", "reported"),
    [("VO.2026_01-a", True), ("A" * 64, True), ("A" * 65, False), ("-VO-1", False), ("VO 1", False), ("VO-1\n", False)],
)
def test_the_kenmerk_reported_is_the_one_the_schema_allows(tmp_path: Path, kenmerk: str, reported: bool) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    doc = melding()
    doc["kenmerk"] = kenmerk
    (src).mkdir()
    (src / "a.json").write_text(json.dumps(doc), encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(src), "--output", str(out), "--format", "html", "--jobs", "1"])
    (entry,) = report(out)["bestanden"]
    if reported:
        assert result.exit_code == 0 and entry["kenmerk"] == kenmerk and (out / f"{kenmerk}.html").is_file()
    else:
        assert result.exit_code == 1 and entry["status"] == "ongeldig" and entry["kenmerk"] is None
        assert any(f["pad"] == "/kenmerk" for f in entry["bevindingen"])
