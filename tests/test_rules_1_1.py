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


# -- soort dossiernotitie ------------------------------------------------------------------
def notitie(**besluit: Any) -> dict[str, Any]:
    """The base as "hulp bieden, niet melden": no unsafety, help offered, a reassessment date."""
    doc = afweging_zonder_reden(base())
    doc["soort"] = "dossiernotitie"
    doc.pop("verwachtingVeiligThuis")
    doc["besluit"] = {
        "melden": False,
        "hulpBieden": True,
        "toelichting": "Wij bieden zelf hulp en beoordelen over zes weken opnieuw.",
        "datum": iso(DATUM),
        "herbeoordelingsdatum": iso(TODAY + dt.timedelta(days=30)),
        **besluit,
    }
    return doc


def test_a_dossiernotitie_hulp_bieden_niet_melden_has_no_findings() -> None:
    assert [f.code for f in check(notitie())] == []


def test_a_melding_with_niet_melden_points_to_dossiernotitie() -> None:
    doc = afweging_zonder_reden(base())
    doc["besluit"]["melden"] = False
    [finding] = [f for f in check(doc) if f.code == "besluit_niet_melden"]
    assert finding.ernst == FOUT and "dossiernotitie" in finding.melding


def test_dossiernotitie_melden_is_const_false() -> None:
    doc = notitie(melden=True)
    assert any(f.code == "vaste_waarde" and f.pad == "/besluit/melden" for f in check(doc))


@pytest.mark.parametrize("key", ["verwachtingVeiligThuis", "adviesvraag", "terugkoppeling", "nietTerInzage"])
def test_dossiernotitie_does_not_allow(key: str) -> None:
    doc = notitie()
    doc[key] = base()["verwachtingVeiligThuis"] if key == "verwachtingVeiligThuis" else ({"vraag": "x"} if key == "adviesvraag" else [])
    assert any(f.code == "onbekend_veld" and f.pad == f"/{key}" for f in check(doc))


def test_dossiernotitie_needs_besluit_but_not_betrokkenheid_ouders() -> None:
    doc = notitie()
    doc.pop("betrokkenheidOuders")
    assert [f.code for f in check(doc)] == []
    doc.pop("besluit")
    assert any(f.code == "verplicht" and f.pad == "/besluit" for f in check(doc))


def test_dossiernotitie_allows_identifying_data_but_does_not_require_it() -> None:
    doc = notitie()
    for kind in doc["betrokkenen"]["kinderen"]:
        kind.pop("naam", None)
        kind.pop("geboortedatum", None)
    assert [f.code for f in check(doc)] == []


def test_melden_verplicht_is_a_warning_in_a_dossiernotitie() -> None:
    doc = notitie()
    doc["afweging"]["structureleOnveiligheid"] = True
    assert_fires(doc, "melden_verplicht", WAARSCHUWING, "/besluit/melden")
    [text] = [f.melding for f in check(doc) if f.code == "melden_verplicht"]
    assert "professionele norm" in text and "verplicht" not in text


def test_geen_hulp_geen_melding_fires_when_nobody_acts() -> None:
    doc = notitie(hulpBieden=False)
    assert_fires(doc, "geen_hulp_geen_melding", WAARSCHUWING, "/besluit/hulpBieden")


def test_geen_hulp_geen_melding_is_silent_without_vermoeden_or_when_melden_verplicht_applies() -> None:
    doc = notitie(hulpBieden=False)
    doc["afweging"]["vermoeden"] = False
    assert_silent(doc, "geen_hulp_geen_melding")
    doc = notitie(hulpBieden=False)
    doc["afweging"]["hulpMogelijk"] = False  # melden_verplicht (question 3) says it already
    assert_silent(doc, "geen_hulp_geen_melding")
    assert_fires(doc, "melden_verplicht", WAARSCHUWING, "/besluit/melden")


def test_herbeoordeling_ontbreekt_when_help_is_offered() -> None:
    doc = notitie()
    del doc["besluit"]["herbeoordelingsdatum"]
    assert_fires(doc, "herbeoordeling_ontbreekt", FOUT, "/besluit/herbeoordelingsdatum")
    doc["afweging"]["vermoeden"] = False
    assert_silent(doc, "herbeoordeling_ontbreekt")
    doc = notitie(hulpBieden=False)
    del doc["besluit"]["herbeoordelingsdatum"]
    assert_silent(doc, "herbeoordeling_ontbreekt")


def test_herbeoordeling_ontbreekt_is_only_for_a_dossiernotitie() -> None:
    doc = afweging_zonder_reden(base())
    assert "herbeoordelingsdatum" not in doc["besluit"]
    assert_silent(doc, "herbeoordeling_ontbreekt")


def test_herbeoordeling_verstreken_from_the_day_after() -> None:
    doc = notitie(herbeoordelingsdatum=iso(TODAY))
    assert_silent(doc, "herbeoordeling_verstreken")
    doc = notitie(herbeoordelingsdatum=iso(TODAY - dt.timedelta(days=1)))
    assert_fires(doc, "herbeoordeling_verstreken", WAARSCHUWING, "/besluit/herbeoordelingsdatum")


def test_herbeoordeling_datum_applies_in_a_dossiernotitie() -> None:
    assert_fires(notitie(herbeoordelingsdatum=iso(DATUM)), "herbeoordeling_datum", FOUT, "/besluit/herbeoordelingsdatum")


def with_bagatelliseren(doc: dict[str, Any], kindsignalen: str = "nee") -> dict[str, Any]:
    doc["afweging"]["wegingshulp"] = {"ernst": {"bagatelliseren": "ja", "kindsignalen": kindsignalen}}
    return doc


def test_ernst_onderschat_without_child_signals_and_without_vt() -> None:
    doc = with_bagatelliseren(notitie())
    doc["stappen"]["adviesVeiligThuis"] = []
    assert_fires(doc, "ernst_onderschat", WAARSCHUWING, "/afweging/wegingshulp/ernst/bagatelliseren")


@pytest.mark.parametrize("kindsignalen", ["ja", "onbekend"])
def test_ernst_onderschat_needs_kindsignalen_nee(kindsignalen: str) -> None:
    doc = with_bagatelliseren(notitie(), kindsignalen)
    doc["stappen"]["adviesVeiligThuis"] = []
    assert_silent(doc, "ernst_onderschat")


def test_ernst_onderschat_is_silent_once_vt_was_consulted_or_outside_a_dossiernotitie() -> None:
    doc = with_bagatelliseren(notitie())
    assert doc["stappen"]["adviesVeiligThuis"]
    assert_silent(doc, "ernst_onderschat")
    melding = with_bagatelliseren(base())
    melding["stappen"]["adviesVeiligThuis"] = []
    assert_silent(melding, "ernst_onderschat")


def test_twijfel_advies_vt_applies_in_a_dossiernotitie() -> None:
    doc = notitie()
    doc["sector"] = "jeugdhulp"
    doc.pop("sectorSpecifiek", None)
    doc["afweging"]["twijfelOnveiligheid"] = True
    doc["stappen"]["adviesVeiligThuis"] = []
    assert_fires(doc, "twijfel_advies_vt", WAARSCHUWING, "/afweging/twijfelOnveiligheid")


def test_geen_vertrouwensinspecteur_is_not_applied_in_a_dossiernotitie() -> None:
    doc = notitie()
    doc["sectorSpecifiek"] = {"route": "medewerker"}
    assert_silent(doc, "geen_vertrouwensinspecteur")
    melding = base()
    melding["sectorSpecifiek"] = {"route": "medewerker"}
    assert_fires(melding, "geen_vertrouwensinspecteur", FOUT, "/sectorSpecifiek/route")


# -- terugkoppeling --------------------------------------------------------------------------
def with_terugkoppeling(*days: dt.date) -> dict[str, Any]:
    doc = base()
    doc["terugkoppeling"] = [{"datum": iso(day), "uitkomst": ["eigen_onderzoek"], "verwachtingUitgekomen": "deels"} for day in days]
    return doc


def test_terugkoppeling_on_datum_is_allowed_and_after_datum_is_not_in_the_future() -> None:
    doc = with_terugkoppeling(DATUM, TODAY)
    assert [f.code for f in check(doc)] == []


def test_terugkoppeling_before_datum_fails() -> None:
    doc = with_terugkoppeling(DATUM, DATUM - dt.timedelta(days=1))
    assert_fires(doc, "terugkoppeling_datum", FOUT, "/terugkoppeling/1/datum")


def test_terugkoppeling_after_today_is_in_the_future() -> None:
    doc = with_terugkoppeling(TODAY + dt.timedelta(days=1))
    assert_fires(doc, "datum_toekomst", FOUT, "/terugkoppeling/0/datum")
    assert_silent(doc, "terugkoppeling_datum")


def test_terugkoppeling_is_not_allowed_in_an_advies() -> None:
    from test_rules import advies

    doc = advies()
    doc["terugkoppeling"] = with_terugkoppeling(DATUM)["terugkoppeling"]
    assert any(f.code == "onbekend_veld" and f.pad == "/terugkoppeling" for f in check(doc))


def test_terugkoppeling_uitkomst_needs_a_value() -> None:
    doc = with_terugkoppeling(DATUM)
    doc["terugkoppeling"][0]["uitkomst"] = []
    assert any(f.ernst == FOUT and f.pad == "/terugkoppeling/0/uitkomst" for f in check(doc))


# -- nietTerInzage -----------------------------------------------------------------------------
def with_niet_ter_inzage(*pads: str) -> dict[str, Any]:
    doc = base()
    doc["nietTerInzage"] = [{"pad": pad, "reden": "veiligheid_melder"} for pad in pads]
    return doc


@pytest.mark.parametrize("pad", ["/zorgen/signalen/0", "/zorgen/signalen/0/omschrijving", "/melder", "/afweging/toelichting"])
def test_niet_ter_inzage_pad_that_resolves_is_fine(pad: str) -> None:
    assert [f.code for f in check(with_niet_ter_inzage(pad))] == []


@pytest.mark.parametrize(
    "pad", ["/zorgen/signalen/99", "/zorgen/signalen/00", "/bestaatniet", "/zorgen/signalen/-", "/schemaVersie", "/soort", "/sector", "/kenmerk", "/datum"]
)
def test_niet_ter_inzage_pad_that_does_not_resolve_or_is_protected_fails(pad: str) -> None:
    assert_fires(with_niet_ter_inzage("/melder", pad), "niet_ter_inzage_pad", FOUT, "/nietTerInzage/1/pad")


def test_niet_ter_inzage_pad_empty_is_refused() -> None:
    assert_fires(with_niet_ter_inzage(""), "niet_ter_inzage_pad", FOUT, "/nietTerInzage/0/pad")


def test_niet_ter_inzage_pad_that_is_no_pointer_is_a_format_error() -> None:
    assert any(f.ernst == FOUT and f.pad == "/nietTerInzage/0/pad" for f in check(with_niet_ter_inzage("zorgen/signalen")))


def test_niet_ter_inzage_pad_with_escapes_resolves() -> None:
    doc = with_niet_ter_inzage("/sectorSpecifiek/a~1b")
    doc["sectorSpecifiek"] = {}
    assert_fires(doc, "niet_ter_inzage_pad", FOUT, "/nietTerInzage/0/pad")
