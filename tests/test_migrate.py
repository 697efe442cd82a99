"""Migration 1.0 → 1.1 (melding-1.1.md, *Migration*) and ``meldform migrate`` (cli-1.1.md).

The historical 1.0 examples live in docs/contract/examples-1.0/, unchanged, outside the folder
``meldform batch examples`` reads (their kenmerken equal those of the 1.1 examples, which would
make a batch over both report conflicts). Each must pass through migration as a valid 1.1
document with the warnings it had under 1.0 (plus ``geen_adviesvraag`` for an advies, which the
contract adds).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from meldform.check.findings import FOUT, WAARSCHUWING
from meldform.check.loading import load_document
from meldform.check.migrate import migrate
from meldform.check.validation import check_file, validate
from meldform.cli import main

TODAY = dt.date(2026, 11, 28)
ROOT = Path(__file__).resolve().parents[1]
OLD_DIR = ROOT / "docs" / "contract" / "examples-1.0"
OLD = sorted(p for p in OLD_DIR.iterdir() if p.suffix in (".json", ".yaml", ".yml"))

# The warnings each 1.0 example had under contract 1.0 (measured before the change).
WARNINGS_1_0: dict[str, set[str]] = {
    "gezondheidszorg-kinderarts-onverklaarde-fractuur.json": set(),
    "jeugdhulp-stiefgezin-hermelding.json": {"hermelding"},
    "justitie-reclassering-contactverbod-acuut.json": {"acuut_telefonisch"},
    "onderwijs-vo-partnergeweld.json": {"veiligheidscijfers_uiteenlopend"},
    "pleegzorg-ots-bezoekregeling.json": {"veiligheidscijfers_uiteenlopend"},
}
# Added by 1.1 for a 1.0 document: only these (melding-1.1.md, "Consequences for the findings").
NEW_FOR_ADVIES = {"geen_adviesvraag", "advies_tekst_identificerend", "advies_id_herkenbaar"}


def old(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_document(str(OLD_DIR / name)).data
    return data


def test_the_historical_examples_are_kept() -> None:
    assert len(OLD) == 12
    assert all(load_document(str(p)).data["schemaVersie"] == "1.0" for p in OLD)


@pytest.mark.parametrize("path", OLD, ids=lambda p: p.name)
def test_each_1_0_example_is_valid_after_migration_with_its_old_warnings(path: Path) -> None:
    result = check_file(str(path), today=TODAY)
    assert result.gemigreerd_van == "1.0"
    assert result.data["schemaVersie"] == "1.1"
    assert not [f for f in result.bevindingen if f.ernst == FOUT], result.bevindingen
    codes = {f.code for f in result.bevindingen if f.ernst == WAARSCHUWING}
    if path.name in WARNINGS_1_0:
        assert codes == WARNINGS_1_0[path.name]
    elif result.data["soort"] == "advies":
        assert "geen_adviesvraag" in codes and codes <= NEW_FOR_ADVIES
    else:
        assert codes == set()


# -- M1 to M4 ---------------------------------------------------------------------------------------
def doc_1_0(stappen: dict[str, Any]) -> dict[str, Any]:
    return {"schemaVersie": "1.0", "soort": "melding", "stappen": stappen, "afweging": {}}


def test_m1_version_only_and_in_place() -> None:
    m = migrate({"soort": "melding", "schemaVersie": "1.0", "x": 1})
    assert m.data == {"soort": "melding", "schemaVersie": "1.1", "x": 1}
    assert list(m.data) == ["soort", "schemaVersie", "x"]
    assert m.gemigreerd_van == "1.0" and m.weggelaten == []


def test_m2_consultation_object_becomes_a_one_item_list() -> None:
    c = {"datum": "2026-01-02", "metWie": ["intern begeleider"], "uitkomst": "u"}
    m = migrate(doc_1_0({"collegialeConsultatie": c, "gesprekMetClient": {"gevoerd": False}}))
    assert m.data["stappen"] == {"collegialeConsultatie": [c], "gesprekMetClient": {"gevoerd": False}}
    assert list(m.data["stappen"]) == ["collegialeConsultatie", "gesprekMetClient"]


def test_m2_empty_object_becomes_an_empty_list() -> None:
    assert migrate(doc_1_0({"collegialeConsultatie": {}})).data["stappen"] == {"collegialeConsultatie": []}


@pytest.mark.parametrize("advies", [{"gevraagd": True, "datum": "2026-01-02", "advies": "Melden."}, {"datum": "2026-01-02"}])
def test_m3_advice_asked_or_gevraagd_absent(advies: dict[str, Any]) -> None:
    m = migrate(doc_1_0({"adviesVeiligThuis": advies}))
    assert m.data["stappen"]["adviesVeiligThuis"] == [{k: v for k, v in advies.items() if k != "gevraagd"}]
    assert m.weggelaten == []


def test_m4_not_asked_with_reason_and_date() -> None:
    stappen = {"adviesVeiligThuis": {"gevraagd": False, "datum": "2026-01-02", "advies": "Acuut gevaar."}, "gesprekMetClient": {}}
    m = migrate(doc_1_0(stappen))
    assert m.data["stappen"] == {"adviesVeiligThuis": [], "redenGeenAdviesVeiligThuis": "Acuut gevaar.", "gesprekMetClient": {}}
    assert list(m.data["stappen"]) == ["adviesVeiligThuis", "redenGeenAdviesVeiligThuis", "gesprekMetClient"]
    assert [(d.pad, d.reden) for d in m.weggelaten] == [("/stappen/adviesVeiligThuis/datum", "advies_niet_gevraagd")]


def test_m4_not_asked_without_text() -> None:
    for advies in ({"gevraagd": False}, {"gevraagd": False, "advies": ""}):
        m = migrate(doc_1_0({"adviesVeiligThuis": advies}))
        assert m.data["stappen"] == {"adviesVeiligThuis": []}
        assert m.weggelaten == []


def test_unexpected_shapes_are_carried_over() -> None:
    stappen = {"collegialeConsultatie": "x", "adviesVeiligThuis": [1], "gesprekMetClient": None}
    assert migrate(doc_1_0(copy.deepcopy(stappen))).data["stappen"] == stappen
    assert migrate({"schemaVersie": "1.0", "stappen": 3}).data == {"schemaVersie": "1.1", "stappen": 3}


@pytest.mark.parametrize("data", [{"schemaVersie": "1.1", "stappen": {"collegialeConsultatie": {}}}, {"schemaVersie": "2"}, {}, [], "1.0", None])
def test_only_1_0_is_migrated(data: Any) -> None:
    m = migrate(data)
    assert m.data == data and m.gemigreerd_van is None


@pytest.mark.parametrize("path", OLD, ids=lambda p: p.name)
def test_migrating_twice_is_migrating_once_and_the_input_is_not_changed(path: Path) -> None:
    data = load_document(str(path)).data
    before = copy.deepcopy(data)
    once = migrate(data).data
    assert data == before
    assert migrate(once).data == once


def test_findings_point_into_the_migrated_form() -> None:
    data = old("onderwijs-vo-partnergeweld.json")
    data["stappen"]["collegialeConsultatie"]["datum"] = "2099-01-01"
    pads = [f.pad for f in validate(data, today=TODAY) if f.code == "datum_toekomst"]
    assert pads == ["/stappen/collegialeConsultatie/0/datum"]


def test_a_doctor_without_advice_from_vt_is_warned_as_in_1_0() -> None:
    data = old("gezondheidszorg-kinderarts-onverklaarde-fractuur.json")
    data["stappen"]["adviesVeiligThuis"] = {"gevraagd": False}
    assert "advies_vt_gezondheidszorg" in {f.code for f in validate(data, today=TODAY)}


def test_another_version_is_vaste_waarde_naming_1_0() -> None:
    data = json.loads((ROOT / "examples" / "onderwijs-vo-partnergeweld.json").read_text(encoding="utf-8"))
    data["schemaVersie"] = "1.2"
    found = [f for f in validate(data, today=TODAY) if f.pad == "/schemaVersie"]
    assert [f.code for f in found] == ["vaste_waarde"]
    assert "'1.1'" in found[0].melding and "1.0" in found[0].melding
    en = next(f for f in validate(data, today=TODAY, lang="en") if f.pad == "/schemaVersie")
    assert "'1.1'" in en.melding and "1.0" in en.melding


# -- meldform migrate --------------------------------------------------------------------------------
def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=input)


def test_migrate_writes_json_beside_or_into_output(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    result = run("migrate", *map(str, OLD), "--output", str(out))
    assert result.exit_code == 0, result.output
    for path in OLD:
        target = out / (path.stem + ".json")
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
        text = target.read_text(encoding="utf-8")
        assert text.endswith("}\n") and '\n  "soort"' in text
        written = json.loads(text)
        assert written == migrate(load_document(str(path)).data).data
        assert list(written) == list(load_document(str(path)).data)  # key order kept
        assert f"{path}: geschreven naar {target}" in result.output
    assert "Patiënte" in (out / "advies-gezondheidszorg-huisarts-huwelijksdwang.json").read_text(encoding="utf-8")  # non-ASCII kept
    assert "(0 fouten, 1 waarschuwingen; zie meldform validate)" in result.output


def test_migrate_never_overwrites_without_force(tmp_path: Path) -> None:
    source = tmp_path / "a.json"
    source.write_text((OLD_DIR / "onderwijs-vo-partnergeweld.json").read_text(encoding="utf-8"), encoding="utf-8")
    before = source.read_bytes()
    result = run("migrate", str(source))
    assert result.exit_code == 1
    assert "bestaat al" in result.output and source.read_bytes() == before
    result = run("migrate", str(source), "--force")
    assert result.exit_code == 0, result.output
    assert json.loads(source.read_text(encoding="utf-8"))["schemaVersie"] == "1.1"
    again = run("migrate", str(source))
    assert again.exit_code == 0 and f"{source}: al versie 1.1; niets gedaan" in again.output


def test_migrate_yaml_becomes_json_beside_it(tmp_path: Path) -> None:
    source = tmp_path / "w.yaml"
    source.write_text((OLD_DIR / "wijkteam-ex-partner-stalking.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert run("migrate", str(source)).exit_code == 0
    assert json.loads((tmp_path / "w.json").read_text(encoding="utf-8"))["schemaVersie"] == "1.1"


def test_migrate_reports_dropped_values_without_their_value(tmp_path: Path) -> None:
    data = old("onderwijs-vo-partnergeweld.json")
    data["stappen"]["adviesVeiligThuis"] = {"gevraagd": False, "datum": "2026-11-06", "advies": "Geheim-advies-tekst"}
    source = tmp_path / "a.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = run("migrate", str(source), "--output", str(tmp_path / "o"))
    assert f"{source}: weggelaten: /stappen/adviesVeiligThuis/datum (advies niet gevraagd)" in result.output
    assert "2026-11-06" not in result.output and "Geheim" not in result.output


def test_migrate_refuses_other_versions_and_unreadable_files(tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_text(json.dumps({"schemaVersie": "0.9", "soort": "melding"}), encoding="utf-8")
    broken = tmp_path / "c.json"
    broken.write_text("{", encoding="utf-8")
    result = run("migrate", str(bad), str(broken), "--output", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert not (tmp_path / "o" / "b.json").exists() and not (tmp_path / "o" / "c.json").exists()
    assert len([line for line in result.output.splitlines() if "niets geschreven" in line]) == 2


def test_migrate_a_document_with_errors_is_written_and_exits_1(tmp_path: Path) -> None:
    data = old("onderwijs-vo-partnergeweld.json")
    del data["kenmerk"]
    source = tmp_path / "a.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = run("migrate", str(source), "--output", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert (tmp_path / "o" / "a.json").exists()
    assert "(1 fouten, 1 waarschuwingen; zie meldform validate)" in result.output


def test_migrate_stdin_to_stdout() -> None:
    text = (OLD_DIR / "kinderopvang-dagopvang-verwaarlozing.json").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["migrate", "-"], input=text)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["schemaVersie"] == "1.1"
    usage = CliRunner().invoke(main, ["migrate", "-", "--output", "x"], input=text)
    assert usage.exit_code == 2


def test_validate_json_marks_migrated_inputs() -> None:
    result = run("validate", "--format", "json", str(OLD_DIR / "onderwijs-vo-partnergeweld.json"), str(ROOT / "examples" / "onderwijs-vo-partnergeweld.json"))
    report = json.loads(result.stdout)
    assert report[0]["gemigreerdVan"] == "1.0"
    assert "gemigreerdVan" not in report[1]


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_render_and_batch_show_a_1_0_melding_as_the_1_1_it_was_checked_as(tmp_path: Path, fmt: str) -> None:
    """The rendered document of a 1.0 input is the one of its migration: the same rows, the 1.1 labels."""
    import meldform
    from meldform.check.loading import load_document
    from meldform.check.migrate import migrate

    old = next(p for p in OLD if p.suffix == ".json" and "jeugdhulp" in p.name)
    data = load_document(str(old)).data
    assert data["schemaVersie"] == "1.0"
    new = migrate(data).data
    strip = (lambda b: re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"T", b)) if fmt == "html" else (lambda b: b)
    if fmt == "html":
        assert strip(meldform.render(data, fmt)) == strip(meldform.render(new, fmt))
    from click.testing import CliRunner

    from meldform.cli import main

    out = tmp_path / "uit"
    assert CliRunner().invoke(main, ["batch", str(old), "--output", str(out), "--format", fmt, "--jobs", "1"]).exit_code == 0
    report = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    assert report["bestanden"][0]["gemigreerdVan"] == "1.0"
    if fmt == "html":
        assert strip((out / f"{new['kenmerk']}.html").read_bytes()) == strip(meldform.render(new, "html"))
