"""The rules new in contract 1.1 (melding-1.1.md, *Rules beyond the structure*), each at its boundary.

Built on the helpers of test_rules.py: the realistic onderwijs example, changed only where the
case needs it, checked on a fixed ``today``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_rules import (
    DATUM,
    FOUT,
    TODAY,
    WAARSCHUWING,
    afweging_zonder_reden,
    assert_fires,
    assert_silent,
    base,
    check,
    contact,
    iso,
    shift_dates,
    with_contacts,
)

from meldform import api
from meldform.cli import main
from meldform.errors import MeldformError


# -- besluit.herbeoordelingsdatum --------------------------------------------------------
def with_herbeoordeling(day: dt.date) -> dict[str, Any]:
    doc = base()
    doc["besluit"]["herbeoordelingsdatum"] = iso(day)
    return doc


@pytest.mark.parametrize("days", [0, -1])
def test_herbeoordeling_on_or_before_datum_fails(days: int) -> None:
    doc = with_herbeoordeling(DATUM + dt.timedelta(days=days))
    assert_fires(doc, "herbeoordeling_datum", FOUT, "/besluit/herbeoordelingsdatum")


def test_herbeoordeling_the_day_after_datum_is_the_first_valid_day() -> None:
    assert_silent(with_herbeoordeling(DATUM + dt.timedelta(days=1)), "herbeoordeling_datum")


def test_herbeoordeling_after_datum_and_after_today_is_not_in_the_future() -> None:
    doc = with_herbeoordeling(TODAY + dt.timedelta(days=90))
    assert_silent(doc, "datum_toekomst")
    assert_silent(doc, "herbeoordeling_datum")


def test_besluit_datum_after_datum_is_in_the_future() -> None:
    doc = base()
    doc["besluit"]["datum"] = iso(DATUM + dt.timedelta(days=1))
    assert_fires(doc, "datum_toekomst", FOUT, "/besluit/datum")
    doc["besluit"]["datum"] = iso(DATUM)
    assert_silent(doc, "datum_toekomst")


# -- afweging.wegingshulp and ernst_zonder_onveiligheid ----------------------------------
def with_ernst(**answers: str) -> dict[str, Any]:
    doc = afweging_zonder_reden(base())
    doc["besluit"]["melden"] = True
    doc["afweging"]["wegingshulp"] = {
        "signalenlijst": [{"naam": "Signalenlijst onderwijs", "datum": iso(DATUM)}],
        "ernst": answers,
        "toelichting": "Gewogen in het zorgoverleg.",
    }
    return doc


PAD = "/afweging/structureleOnveiligheid"


@pytest.mark.parametrize("answers", [{"herhaling": "ja", "dreiging": "ja"}, {"escalatie": "ja"}, {"kindGetuige": "ja"}])
def test_ernst_pointing_to_structural_unsafety_warns(answers: dict[str, str]) -> None:
    assert_fires(with_ernst(**answers), "ernst_zonder_onveiligheid", WAARSCHUWING, PAD)


@pytest.mark.parametrize(
    "answers",
    [
        {"herhaling": "ja", "dreiging": "nee"},
        {"herhaling": "ja", "dreiging": "onbekend"},
        {"dreiging": "ja"},
        {"escalatie": "onbekend", "kindGetuige": "onbekend"},
        {"bagatelliseren": "ja", "kindsignalen": "nee"},
    ],
)
def test_ernst_short_of_the_rule_is_silent(answers: dict[str, str]) -> None:
    assert_silent(with_ernst(**answers), "ernst_zonder_onveiligheid")


@pytest.mark.parametrize("key", ["acuteOnveiligheid", "structureleOnveiligheid", "twijfelOnveiligheid"])
def test_ernst_with_unsafety_or_doubt_judged_is_silent(key: str) -> None:
    doc = with_ernst(escalatie="ja")
    doc["afweging"][key] = True
    assert_silent(doc, "ernst_zonder_onveiligheid")


def test_ernst_message_lists_the_answers_and_never_says_verplicht() -> None:
    doc = with_ernst(herhaling="ja", dreiging="ja", kindGetuige="ja")
    [finding] = [f for f in check(doc) if f.code == "ernst_zonder_onveiligheid"]
    assert "herhaling en dreiging" in finding.melding
    assert "getuige" in finding.melding
    assert "verplicht" not in finding.melding
    [english] = [f for f in check(doc, lang="en") if f.code == "ernst_zonder_onveiligheid"]
    assert "repetition and threat" in english.melding


def test_wegingshulp_is_closed_and_its_answers_are_an_enum() -> None:
    doc = with_ernst(herhaling="misschien")
    assert any(f.ernst == FOUT and f.pad == "/afweging/wegingshulp/ernst/herhaling" for f in check(doc))
    doc = with_ernst(herhaling="ja")
    doc["afweging"]["wegingshulp"]["ernst"]["herhalng"] = "ja"
    assert any(f.code == "onbekend_veld" for f in check(doc))


# -- hermelding settings (--hermelding-dossiers, --hermelding-jaren) ------------------------
def hermelding_doc(datum: str, *contact_dates: str) -> dict[str, Any]:
    doc = shift_dates(base(), dt.date.fromisoformat(datum))
    return with_contacts(doc, *(contact(day, dossiernummer=f"VT-{i}") for i, day in enumerate(contact_dates)))


def hermelding_of(doc: dict[str, Any], dossiers: int = 3, jaren: int = 5) -> list[str]:
    report = api.validate(doc, today=dt.date(2030, 1, 1), hermelding_dossiers=dossiers, hermelding_jaren=jaren)
    return [f.pad for f in report.bevindingen if f.code == "hermelding"]


def test_hermelding_dossiers_setting_at_its_boundary() -> None:
    doc = hermelding_doc("2026-11-20", "2025-01-10", "2024-02-02", "2023-03-03")
    assert hermelding_of(doc, dossiers=4) == ["/eerdereBetrokkenheidVeiligThuis/eerdereContacten"]  # 3 earlier = dossier 4
    assert hermelding_of(doc, dossiers=5) == []
    assert hermelding_of(doc, dossiers=2) != []


def test_hermelding_jaren_window_is_inclusive_on_the_same_day() -> None:
    doc = hermelding_doc("2026-11-20", "2024-11-20")
    assert hermelding_of(doc, dossiers=2, jaren=2) != []
    doc = hermelding_doc("2026-11-20", "2024-11-19")
    assert hermelding_of(doc, dossiers=2, jaren=2) == []
    assert hermelding_of(doc, dossiers=2, jaren=3) != []


def test_hermelding_window_from_29_february_starts_on_28_february() -> None:
    # datum 2028-02-29, one year back: 2027-02-28 is the first day inside the window.
    assert hermelding_of(hermelding_doc("2028-02-29", "2027-02-28"), dossiers=2, jaren=1) != []
    assert hermelding_of(hermelding_doc("2028-02-29", "2027-02-27"), dossiers=2, jaren=1) == []
    # four years back lands on 2024-02-29 itself.
    assert hermelding_of(hermelding_doc("2028-02-29", "2024-02-29"), dossiers=2, jaren=4) != []
    assert hermelding_of(hermelding_doc("2028-02-29", "2024-02-28"), dossiers=2, jaren=4) == []


def test_hermelding_message_names_the_chosen_setting_and_its_origin() -> None:
    doc = hermelding_doc("2026-11-20", "2025-01-10", "2024-02-02", "2023-03-03")
    report = api.validate(doc, today=TODAY, hermelding_dossiers=4, hermelding_jaren=7)
    [text] = [f.melding for f in report.bevindingen if f.code == "hermelding"]
    assert "4 dossiers in 7 jaar" in text and "Gelderland-Midden" in text


@pytest.mark.parametrize(("dossiers", "jaren"), [(1, 5), (3, 0), (3, 16)])
def test_hermelding_settings_out_of_range_are_a_usage_error(dossiers: int, jaren: int) -> None:
    with pytest.raises(MeldformError) as info:
        api.validate(base(), hermelding_dossiers=dossiers, hermelding_jaren=jaren)
    assert info.value.exit_code == 2
    assert "Gelderland-Midden" in str(info.value)


@pytest.mark.parametrize(("dossiers", "jaren"), [(2, 1), (2, 15), (50, 5)])
def test_hermelding_settings_at_the_edges_of_their_range_are_accepted(dossiers: int, jaren: int) -> None:
    assert api.validate(base(), today=TODAY, hermelding_dossiers=dossiers, hermelding_jaren=jaren).geldig


@pytest.mark.parametrize("command", ["validate", "batch"])
@pytest.mark.parametrize(("option", "value"), [("--hermelding-dossiers", "1"), ("--hermelding-jaren", "16"), ("--hermelding-jaren", "0")])
def test_cli_settings_out_of_range_exit_2(tmp_path: Path, command: str, option: str, value: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps(base()), encoding="utf-8")
    args = [command, str(path), option, value] + (["--output", str(tmp_path / "uit")] if command == "batch" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert option in result.output and "Traceback" not in result.output


def test_cli_validate_passes_the_setting_to_the_rule(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps(hermelding_doc("2026-11-20", "2025-01-10")), encoding="utf-8")
    default = CliRunner().invoke(main, ["validate", str(path), "--format", "json"])
    lowered = CliRunner().invoke(main, ["validate", str(path), "--format", "json", "--hermelding-dossiers", "2"])
    assert "hermelding" not in [f["code"] for f in json.loads(default.output)[0]["bevindingen"]]
    assert "hermelding" in [f["code"] for f in json.loads(lowered.output)[0]["bevindingen"]]


def test_batch_workers_use_the_setting(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "m.json").write_text(json.dumps(hermelding_doc("2026-11-20", "2025-01-10")), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["batch", str(source), "--output", str(tmp_path / "uit"), "--format", "html", "--jobs", "1", "--hermelding-dossiers", "2"]
    )
    assert result.exit_code == 0, result.output
    rapport = json.loads((tmp_path / "uit" / "rapport.json").read_text(encoding="utf-8"))
    codes = [f["code"] for item in rapport["bestanden"] for f in item["bevindingen"]]
    assert "hermelding" in codes
