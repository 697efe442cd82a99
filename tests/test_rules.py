"""The rules of melding-1.1.md ("Rules beyond the structure"): each one triggered, and the nearest
case that must not trigger it.

Every test starts from the realistic example (examples/onderwijs-vo-partnergeweld.json), loaded
fresh, and changes only what the case needs. ``today`` is fixed so the tests do not age.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from meldform.check.anonymize import anonymize
from meldform.check.findings import Finding
from meldform.check.validation import validate

TODAY = dt.date(2026, 11, 28)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "onderwijs-vo-partnergeweld.json"
_EXAMPLE_DATA = json.loads(EXAMPLE.read_text(encoding="utf-8"))
DATUM = dt.date.fromisoformat(_EXAMPLE_DATA["datum"])  # 2026-11-20
DATE_KEYS = {"datum", "geboortedatum", "uitgerekendeDatum"}
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

FOUT = "fout"
WAARSCHUWING = "waarschuwing"
ARTSEN = ["huisarts", "jeugdarts", "medisch_specialist", "tandarts"]
HULPVRAGEN = ["hulpMogelijk", "hulpAanvaard", "hulpResultaat"]
ABSENT = object()


# -- building documents -------------------------------------------------------------------
def example() -> dict[str, Any]:
    """The example exactly as written (it carries one warning: scores 3 and 7)."""
    return copy.deepcopy(_EXAMPLE_DATA)


def base() -> dict[str, Any]:
    """The example with the safety scores brought within 2 points: a melding without any finding."""
    doc = example()
    for score in doc["afweging"]["veiligheidscijfers"]:
        if score["betrokkene"] == "moeder":
            score["cijfer"] = 5
    return doc


def advies() -> dict[str, Any]:
    """The base stripped of everything that identifies the family: a valid anonymous adviesvraag
    (as ``meldform anonymize`` makes it: ids generic, texts scrubbed)."""
    doc = anonymize(base(), "Is melden nodig, en hoe bespreek ik dit met de moeder?").data
    doc["betrokkenen"]["kinderen"][0]["leeftijd"] = 14
    doc["betrokkenen"]["volwassenen"][0]["leeftijd"] = 42
    # In an advies the document itself is the step "advies vragen bij Veilig Thuis".
    doc["stappen"].pop("adviesVeiligThuis")
    return doc


def iso(day: dt.date) -> str:
    return day.isoformat()


def shift_dates(doc: dict[str, Any], new_datum: dt.date) -> dict[str, Any]:
    """Move every date of the document by the same number of days so that ``datum`` becomes ``new_datum``."""
    delta = new_datum - dt.date.fromisoformat(doc["datum"])

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in DATE_KEYS and isinstance(value, str) and DATE_RE.fullmatch(value):
                    node[key] = iso(dt.date.fromisoformat(value) + delta)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(doc)
    return doc


def _parts(ptr: str) -> list[str | int]:
    out: list[str | int] = []
    for raw in ptr.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        out.append(int(part) if part.isdigit() else part)
    return out


def set_at(doc: Any, ptr: str, value: Any) -> None:
    *head, last = _parts(ptr)
    node = doc
    for part in head:
        node = node[part]
    node[last] = value


def afweging_zonder_reden(doc: dict[str, Any]) -> dict[str, Any]:
    """An afweging that does not require melden: no acute or structural unsafety, questions 3–5 unanswered."""
    afweging = doc["afweging"]
    afweging["acuteOnveiligheid"] = False
    afweging["structureleOnveiligheid"] = False
    for key in HULPVRAGEN:
        afweging.pop(key, None)
    return doc


def unborn(uitgerekend: dt.date, pid: str = "baby") -> dict[str, Any]:
    return {"id": pid, "ongeboren": True, "uitgerekendeDatum": iso(uitgerekend)}


def contact(datum: dt.date | str, soort: str = "melding", dossiernummer: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"datum": datum if isinstance(datum, str) else iso(datum), "soort": soort, "doorWie": "onbekend"}
    if dossiernummer is not None:
        item["dossiernummer"] = dossiernummer
    return item


def with_contacts(doc: dict[str, Any], *contacts: dict[str, Any]) -> dict[str, Any]:
    doc["eerdereBetrokkenheidVeiligThuis"] = {"status": "ja", "bron": "navraag_veilig_thuis", "eerdereContacten": list(contacts)}
    return doc


def with_scores(doc: dict[str, Any], *scores: tuple[str, int] | tuple[str, int, str]) -> dict[str, Any]:
    items = []
    for score in scores:
        item: dict[str, Any] = {"betrokkene": score[0], "cijfer": score[1]}
        if len(score) == 3:
            item["datum"] = score[2]
        items.append(item)
    doc["afweging"]["veiligheidscijfers"] = items
    return doc


def zorg(beroep: str | None, gevraagd: bool | None) -> dict[str, Any]:
    """A melding by a health-care professional; without ``gevraagd`` ``adviesVeiligThuis`` is empty (VT not consulted)."""
    doc = base()
    doc["sector"] = "gezondheidszorg"
    doc["sectorSpecifiek"] = {} if beroep is None else {"beroep": beroep}
    if gevraagd:
        doc["stappen"]["adviesVeiligThuis"] = [{"datum": "2026-11-06", "advies": "Melden."}]
    else:
        doc["stappen"]["adviesVeiligThuis"] = []
    return doc


# -- checking ------------------------------------------------------------------------------------
def check(doc: Any, today: dt.date = TODAY, lang: str = "nl") -> list[Finding]:
    return validate(doc, lang=lang, today=today)


def summary(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.ernst, f.pad) for f in findings)


def of_code(doc: Any, code: str, today: dt.date = TODAY) -> list[tuple[str, str]]:
    return [(f.ernst, f.pad) for f in check(doc, today) if f.code == code]


def assert_fires(doc: Any, code: str, ernst: str, pad: str | set[str], today: dt.date = TODAY) -> None:
    findings = check(doc, today)
    found = [(f.ernst, f.pad) for f in findings if f.code == code]
    assert len(found) == 1, f"expected exactly one {code}, got {summary(findings)}"
    assert found[0][0] == ernst, f"{code}: ernst {found[0][0]!r}, expected {ernst!r}"
    pads = {pad} if isinstance(pad, str) else pad
    assert found[0][1] in pads, f"{code}: pad {found[0][1]!r}, expected one of {sorted(pads)}"


def assert_silent(doc: Any, code: str, today: dt.date = TODAY) -> None:
    findings = check(doc, today)
    assert [f for f in findings if f.code == code] == [], summary(findings)


def assert_clean(doc: Any, today: dt.date = TODAY) -> None:
    findings = check(doc, today)
    assert findings == [], summary(findings)


# -- the starting points ------------------------------------------------------------------------------
def test_base_melding_has_no_findings() -> None:
    assert_clean(base())


def test_base_advies_has_no_findings() -> None:
    assert_clean(advies())


def test_example_as_written_only_warns_about_diverging_scores() -> None:
    findings = check(example())
    assert summary(findings) == [("veiligheidscijfers_uiteenlopend", WAARSCHUWING, "/afweging/veiligheidscijfers")]


# -- elfproef ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("ptr", "bsn"),
    [
        ("/betrokkenen/kinderen/0/burgerservicenummer", "123456781"),
        ("/betrokkenen/kinderen/0/burgerservicenummer", "111222334"),
        ("/betrokkenen/volwassenen/0/burgerservicenummer", "123456781"),
    ],
)
def test_elfproef_fails(ptr: str, bsn: str) -> None:
    doc = base()
    set_at(doc, ptr, bsn)
    assert_fires(doc, "elfproef", FOUT, ptr)


@pytest.mark.parametrize("bsn", ["123456782", "111222333", "012345672"])
@pytest.mark.parametrize("ptr", ["/betrokkenen/kinderen/0/burgerservicenummer", "/betrokkenen/volwassenen/0/burgerservicenummer"])
def test_elfproef_passes(ptr: str, bsn: str) -> None:
    doc = base()
    set_at(doc, ptr, bsn)
    assert_clean(doc)


def test_elfproef_is_not_applied_to_a_malformed_number_twice() -> None:
    """A BSN that is not 9 digits is a form error; one finding for one problem."""
    doc = base()
    doc["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = "12345678"
    findings = check(doc)
    at_bsn = [f for f in findings if f.pad == "/betrokkenen/kinderen/0/burgerservicenummer"]
    assert len(at_bsn) == 1 and at_bsn[0].ernst == FOUT, summary(findings)


# -- datum_toekomst -----------------------------------------------------------------------------------
def test_datum_today_is_fine() -> None:
    assert_clean(shift_dates(base(), TODAY))


def test_datum_tomorrow_is_in_the_future() -> None:
    doc = shift_dates(base(), TODAY + dt.timedelta(days=1))
    findings = check(doc)
    assert summary(findings) == [("datum_toekomst", FOUT, "/datum")]


DATES_AFTER_DATUM = [
    "/zorgen/signalen/0/datum",
    "/stappen/collegialeConsultatie/0/datum",
    "/stappen/adviesVeiligThuis/0/datum",
    "/stappen/gesprekMetClient/datum",
    "/afweging/veiligheidscijfers/0/datum",
    "/afweging/instrumenten/0/datum",
    "/betrokkenheidOuders/datum",
    "/eerdereBetrokkenheidVeiligThuis/eerdereContacten/0/datum",
    "/betrokkenen/kinderen/0/geboortedatum",
    "/betrokkenen/volwassenen/0/geboortedatum",
]


@pytest.mark.parametrize("ptr", DATES_AFTER_DATUM)
def test_other_date_on_datum_is_fine(ptr: str) -> None:
    doc = base()
    set_at(doc, ptr, iso(DATUM))
    assert_clean(doc)


@pytest.mark.parametrize("ptr", DATES_AFTER_DATUM)
def test_other_date_after_datum_fails(ptr: str) -> None:
    doc = base()
    set_at(doc, ptr, iso(DATUM + dt.timedelta(days=1)))
    findings = check(doc)
    assert summary(findings) == [("datum_toekomst", FOUT, ptr)]


def test_signal_after_datum_fails_even_if_before_today() -> None:
    doc = base()
    doc["zorgen"]["signalen"][1]["datum"] = iso(DATUM + dt.timedelta(days=1))
    assert DATUM + dt.timedelta(days=1) <= TODAY
    assert_fires(doc, "datum_toekomst", FOUT, "/zorgen/signalen/1/datum")


@pytest.mark.parametrize("days", [1, 100, 300])
def test_uitgerekende_datum_after_datum_is_not_in_the_future(days: int) -> None:
    doc = base()
    doc["betrokkenen"]["kinderen"].append(unborn(DATUM + dt.timedelta(days=days)))
    assert_clean(doc)


def test_uitgerekende_datum_after_today_is_fine_too() -> None:
    doc = shift_dates(base(), TODAY)
    doc["betrokkenen"]["kinderen"].append(unborn(TODAY + dt.timedelta(days=120)))
    assert_clean(doc)


# -- onbekende_betrokkene -------------------------------------------------------------------------------
REFERENCES = [
    "/betrokkenen/vermoedelijkePlegers/0",
    "/betrokkenen/slachtoffers/0",
    "/zorgen/signalen/0/betreft/0",
    "/stappen/gesprekMetClient/metWie/0",
    "/afweging/veiligheidscijfers/0/betrokkene",
]


@pytest.mark.parametrize("ptr", REFERENCES)
def test_reference_to_unknown_person(ptr: str) -> None:
    doc = base()
    set_at(doc, ptr, "opa")
    assert_fires(doc, "onbekende_betrokkene", FOUT, ptr)


@pytest.mark.parametrize("ptr", REFERENCES)
def test_reference_to_a_person_added_under_that_id_is_fine(ptr: str) -> None:
    doc = base()
    set_at(doc, ptr, "opa")
    doc["betrokkenen"]["volwassenen"].append({"id": "opa", "rol": "grootouder", "naam": {"voornamen": "Kees", "geslachtsnaam": "Bakker"}, "leeftijd": 71})
    assert_clean(doc)


def test_melder_is_not_an_unknown_person_in_a_score() -> None:
    doc = with_scores(base(), ("melder", 3), ("noor", 4))
    assert_clean(doc)


def test_unknown_person_in_advies() -> None:
    doc = advies()
    doc["betrokkenen"]["slachtoffers"] = [doc["betrokkenen"]["kinderen"][0]["id"], "oma"]
    assert_fires(doc, "onbekende_betrokkene", FOUT, "/betrokkenen/slachtoffers/1")


# -- dubbele_betrokkene ------------------------------------------------------------------------------
def test_child_and_adult_share_an_id() -> None:
    doc = base()
    doc["betrokkenen"]["volwassenen"].append({"id": "noor", "rol": "grootouder", "naam": {"voornamen": "Noor", "geslachtsnaam": "Jansen"}, "leeftijd": 70})
    assert_fires(doc, "dubbele_betrokkene", FOUT, {"/betrokkenen/kinderen/0/id", "/betrokkenen/volwassenen/2/id"})


def test_two_children_share_an_id() -> None:
    doc = base()
    doc["betrokkenen"]["kinderen"][1]["id"] = "noor"
    doc["betrokkenen"]["slachtoffers"] = ["moeder", "noor"]
    assert_fires(doc, "dubbele_betrokkene", FOUT, {"/betrokkenen/kinderen/0/id", "/betrokkenen/kinderen/1/id"})


def test_similar_but_different_ids_are_fine() -> None:
    doc = base()
    doc["betrokkenen"]["volwassenen"].append({"id": "noor2", "rol": "grootouder", "naam": {"voornamen": "Noor", "geslachtsnaam": "Jansen"}, "leeftijd": 70})
    assert_clean(doc)


# -- kind_meerderjarig -----------------------------------------------------------------------------------
def test_child_turns_18_on_datum() -> None:
    doc = base()
    doc["betrokkenen"]["kinderen"][0]["geboortedatum"] = iso(DATUM.replace(year=DATUM.year - 18))
    assert_fires(doc, "kind_meerderjarig", FOUT, "/betrokkenen/kinderen/0/geboortedatum")


def test_child_turns_18_the_day_after_datum() -> None:
    doc = base()
    doc["betrokkenen"]["kinderen"][0]["geboortedatum"] = iso(DATUM.replace(year=DATUM.year - 18) + dt.timedelta(days=1))
    assert_clean(doc)


def test_child_long_past_18() -> None:
    doc = base()
    doc["betrokkenen"]["kinderen"][0]["geboortedatum"] = "1990-01-01"
    assert_fires(doc, "kind_meerderjarig", FOUT, "/betrokkenen/kinderen/0/geboortedatum")


def test_adult_of_18_is_no_problem() -> None:
    doc = base()
    doc["betrokkenen"]["volwassenen"][0]["geboortedatum"] = iso(DATUM.replace(year=DATUM.year - 18))
    assert_clean(doc)


@pytest.mark.parametrize(
    ("geboren", "datum", "meerderjarig"),
    [
        # Born on 29 February: 18 full years have passed only once 28 February is over.
        ("2008-02-29", "2026-02-27", False),
        ("2008-02-29", "2026-02-28", False),
        ("2008-02-29", "2026-03-01", True),
        # ... and in a leap year the birthday itself.
        ("2010-02-28", "2028-02-28", True),
        ("2010-03-01", "2028-02-29", False),
        ("2010-02-28", "2028-02-27", False),
        ("2008-02-29", "2026-02-28", False),
    ],
)
def test_child_born_around_29_february(geboren: str, datum: str, meerderjarig: bool) -> None:
    doc = shift_dates(base(), dt.date.fromisoformat(datum))
    doc["betrokkenen"]["kinderen"][0]["geboortedatum"] = geboren
    today = max(TODAY, dt.date.fromisoformat(datum))
    if meerderjarig:
        assert_fires(doc, "kind_meerderjarig", FOUT, "/betrokkenen/kinderen/0/geboortedatum", today=today)
    else:
        assert_clean(doc, today=today)


def test_leap_day_child_on_leap_day_18_years_later() -> None:
    doc = shift_dates(base(), dt.date(2026, 2, 28))
    doc["datum"] = "2026-02-28"
    doc["betrokkenen"]["kinderen"][0]["geboortedatum"] = "2008-02-28"
    assert_fires(doc, "kind_meerderjarig", FOUT, "/betrokkenen/kinderen/0/geboortedatum")


# -- advies_identificerend ------------------------------------------------------------------------------
NAAM = {"voornamen": "Noor", "geslachtsnaam": "Bakker"}
ADRES = {"straat": "Voorbeeldstraat", "huisnummer": 12, "postcode": "7419 KL", "woonplaats": "Zwolle"}
IDENTIFYING = [
    ("/betrokkenen/kinderen/0/naam", NAAM),
    ("/betrokkenen/kinderen/0/geboortedatum", "2012-03-14"),
    ("/betrokkenen/kinderen/0/burgerservicenummer", "123456782"),
    ("/betrokkenen/kinderen/0/adres", ADRES),
    ("/betrokkenen/kinderen/0/schoolOfOpvang", "Stedelijk Lyceum Zwolle, klas 2b"),
    ("/betrokkenen/volwassenen/0/naam", {"voornamen": "Sanne", "geslachtsnaam": "Bakker"}),
    ("/betrokkenen/volwassenen/0/geboortedatum", "1984-07-02"),
    ("/betrokkenen/volwassenen/0/burgerservicenummer", "111222333"),
    ("/betrokkenen/volwassenen/0/adres", ADRES),
    ("/betrokkenen/volwassenen/0/telefoon", "06 12345678"),
    ("/betrokkenen/volwassenen/1/omschrijving", "de nieuwe vriend van moeder"),
    ("/betrokkenen/betrokkenHulpverleners/0/naam", "J. Visser"),
    ("/betrokkenen/betrokkenHulpverleners/0/telefoon", "038 123 4567"),
    ("/eerdereBetrokkenheidVeiligThuis/eerdereContacten/0/dossiernummer", "VT-2023-11873"),
]


@pytest.mark.parametrize(("ptr", "value"), IDENTIFYING, ids=[p for p, _ in IDENTIFYING])
def test_identifying_data_in_advies(ptr: str, value: Any) -> None:
    doc = advies()
    set_at(doc, ptr, copy.deepcopy(value))
    findings = check(doc)
    assert summary(findings) == [("advies_identificerend", FOUT, ptr)]


def test_advies_with_all_allowed_person_fields_is_fine() -> None:
    doc = advies()
    doc["betrokkenen"]["kinderen"][0].update({"geslacht": "vrouw", "leeftijd": 14})
    doc["betrokkenen"]["kinderen"].append(unborn(DATUM + dt.timedelta(days=90)))
    doc["betrokkenen"]["volwassenen"][0].update({"rol": "ouder", "gezag": True, "geslacht": "vrouw", "leeftijd": 42})
    doc["betrokkenen"]["volwassenen"][1].update({"naamOnbekend": True, "leeftijd": 40})
    doc["betrokkenen"]["betrokkenHulpverleners"] = [{"functie": "huisarts", "organisatie": "Huisartsenpraktijk Assendorp"}]
    assert_clean(doc)


def test_same_identifying_data_in_a_melding_is_fine() -> None:
    doc = base()
    doc["betrokkenen"]["betrokkenHulpverleners"][0]["telefoon"] = "038 123 4567"
    assert_silent(doc, "advies_identificerend")
    assert_clean(doc)


# -- melden_verplicht / besluit_niet_melden -----------------------------------------------------------------
REDENEN = [
    ("acuteOnveiligheid", True),
    ("structureleOnveiligheid", True),
    ("hulpMogelijk", False),
    ("hulpAanvaard", False),
    ("hulpResultaat", False),
]


def _niet_melden(doc: dict[str, Any], key: str | None = None, value: Any = ABSENT) -> dict[str, Any]:
    afweging_zonder_reden(doc)
    if key is not None:
        if value is ABSENT:
            doc["afweging"].pop(key, None)
        else:
            doc["afweging"][key] = value
    doc["besluit"]["melden"] = False
    return doc


@pytest.mark.parametrize(("key", "value"), REDENEN)
def test_melden_verplicht_is_an_error_in_a_melding(key: str, value: bool) -> None:
    doc = _niet_melden(base(), key, value)
    assert_fires(doc, "melden_verplicht", FOUT, "/besluit/melden")
    assert_silent(doc, "besluit_niet_melden")


@pytest.mark.parametrize(("key", "value"), REDENEN)
def test_melden_verplicht_is_a_warning_in_an_advies(key: str, value: bool) -> None:
    doc = _niet_melden(advies(), key, value)
    assert_fires(doc, "melden_verplicht", WAARSCHUWING, "/besluit/melden")
    assert_silent(doc, "besluit_niet_melden")


@pytest.mark.parametrize(("key", "value"), REDENEN)
def test_melden_true_satisfies_the_afwegingskader(key: str, value: bool) -> None:
    doc = _niet_melden(base(), key, value)
    doc["besluit"]["melden"] = True
    assert_silent(doc, "melden_verplicht")
    assert_silent(doc, "besluit_niet_melden")


@pytest.mark.parametrize("value", [ABSENT, None, True], ids=["absent", "null", "true"])
@pytest.mark.parametrize("key", HULPVRAGEN)
def test_unanswered_or_yes_does_not_require_melden(key: str, value: Any) -> None:
    """Null or absent is 'not answered': it does not make melden necessary (neither does 'ja')."""
    doc = _niet_melden(base(), key, value)
    assert_silent(doc, "melden_verplicht")
    # A melding without a reason to report: then it is not a melding.
    assert_fires(doc, "besluit_niet_melden", FOUT, "/besluit/melden")


@pytest.mark.parametrize("value", [ABSENT, None, True], ids=["absent", "null", "true"])
@pytest.mark.parametrize("key", HULPVRAGEN)
def test_unanswered_in_advies_gives_no_finding(key: str, value: Any) -> None:
    doc = _niet_melden(advies(), key, value)
    assert_clean(doc)


def test_besluit_niet_melden_in_a_melding() -> None:
    doc = _niet_melden(base())
    findings = check(doc)
    assert summary(findings) == [("besluit_niet_melden", FOUT, "/besluit/melden")]


def test_besluit_niet_melden_not_in_an_advies() -> None:
    assert_clean(_niet_melden(advies()))


def test_melding_without_reason_but_melden_true_is_fine() -> None:
    doc = afweging_zonder_reden(base())
    doc["besluit"]["melden"] = True
    assert_silent(doc, "besluit_niet_melden")
    assert_silent(doc, "melden_verplicht")


_TRI = [ABSENT, None, True, False]


@pytest.mark.parametrize(
    ("acuut", "structureel", "mogelijk", "aanvaard", "resultaat"),
    list(itertools.product([True, False], [True, False], _TRI, [ABSENT, True, False], [ABSENT, False])),
)
def test_melden_false_in_melding_gives_exactly_one_of_the_two(acuut: bool, structureel: bool, mogelijk: Any, aanvaard: Any, resultaat: Any) -> None:
    doc = base()
    afweging = doc["afweging"]
    afweging["acuteOnveiligheid"] = acuut
    afweging["structureleOnveiligheid"] = structureel
    for key, value in zip(HULPVRAGEN, (mogelijk, aanvaard, resultaat), strict=True):
        if value is ABSENT:
            afweging.pop(key, None)
        else:
            afweging[key] = value
    doc["besluit"]["melden"] = False
    codes = [f.code for f in check(doc) if f.code in ("melden_verplicht", "besluit_niet_melden")]
    required = acuut or structureel or False in (mogelijk, aanvaard, resultaat)
    assert codes == (["melden_verplicht"] if required else ["besluit_niet_melden"])


# -- geen_vermoeden ----------------------------------------------------------------------------------
def test_geen_vermoeden_in_a_melding() -> None:
    doc = base()
    doc["afweging"]["vermoeden"] = False
    assert_fires(doc, "geen_vermoeden", WAARSCHUWING, "/afweging/vermoeden")
    assert all(f.ernst == WAARSCHUWING for f in check(doc))


def test_vermoeden_true_is_fine() -> None:
    doc = base()
    doc["afweging"]["vermoeden"] = True
    assert_clean(doc)


def test_geen_vermoeden_not_in_an_advies() -> None:
    doc = advies()
    doc["afweging"]["vermoeden"] = False
    assert_silent(doc, "geen_vermoeden")
    assert_clean(doc)


# -- acuut_telefonisch ---------------------------------------------------------------------------------
def test_acute_unsafety_in_a_melding() -> None:
    doc = base()
    doc["afweging"]["acuteOnveiligheid"] = True
    findings = check(doc)
    assert summary(findings) == [("acuut_telefonisch", WAARSCHUWING, "/afweging/acuteOnveiligheid")]


def test_acute_unsafety_in_an_advies() -> None:
    doc = advies()
    doc["afweging"]["acuteOnveiligheid"] = True
    assert_fires(doc, "acuut_telefonisch", WAARSCHUWING, "/afweging/acuteOnveiligheid")


def test_no_acute_unsafety() -> None:
    doc = base()
    doc["afweging"]["acuteOnveiligheid"] = False
    doc["afweging"]["structureleOnveiligheid"] = True
    assert_silent(doc, "acuut_telefonisch")


# -- hermelding ----------------------------------------------------------------------------------------
HERMELDING = ("hermelding", WAARSCHUWING, "/eerdereBetrokkenheidVeiligThuis/eerdereContacten")


def five_years_before(day: dt.date) -> dt.date:
    return day.replace(year=day.year - 5) if not (day.month == 2 and day.day == 29) else dt.date(day.year - 5, 2, 28)


def test_two_earlier_meldingen_make_a_hermelding() -> None:
    doc = with_contacts(base(), contact("2023-05-10", dossiernummer="VT-2023-11873"), contact("2025-09-01", dossiernummer="VT-2025-00412"))
    assert_fires(doc, *HERMELDING)


def test_only_one_earlier_melding_is_no_hermelding() -> None:
    doc = with_contacts(base(), contact("2025-09-01", dossiernummer="VT-2025-00412"))
    assert_clean(doc)


def test_boundary_five_years_before_counts() -> None:
    boundary = five_years_before(DATUM)
    assert boundary == dt.date(2021, 11, 20)
    doc = with_contacts(base(), contact(boundary), contact("2024-01-15"))
    assert_fires(doc, *HERMELDING)


def test_one_day_before_the_boundary_does_not_count() -> None:
    doc = with_contacts(base(), contact(dt.date(2021, 11, 19)), contact("2024-01-15"))
    assert_clean(doc)


def test_contact_on_datum_itself_counts() -> None:
    doc = with_contacts(base(), contact(DATUM), contact("2024-01-15"))
    assert_fires(doc, *HERMELDING)


def test_leap_day_datum_boundary_is_28_february() -> None:
    leap = dt.date(2028, 2, 29)
    doc = with_contacts(shift_dates(base(), leap), contact("2023-02-28"), contact("2025-06-01"))
    assert_fires(doc, *HERMELDING, today=leap)


def test_leap_day_datum_day_before_boundary_does_not_count() -> None:
    leap = dt.date(2028, 2, 29)
    doc = with_contacts(shift_dates(base(), leap), contact("2023-02-27"), contact("2025-06-01"))
    assert_clean(doc, today=leap)


@pytest.mark.parametrize("variant", ["VT-2023-11873", "vt-2023-11873", "VT 2023 11873", "vt2023-11873", " VT-2023 -11873 ", "Vt 2023-11873"])
def test_same_dossiernummer_counts_once(variant: str) -> None:
    doc = with_contacts(base(), contact("2023-05-10", dossiernummer="VT-2023-11873"), contact("2023-06-01", dossiernummer=variant))
    assert_clean(doc)


def test_same_dossier_once_plus_another_dossier_is_two() -> None:
    doc = with_contacts(
        base(),
        contact("2023-05-10", dossiernummer="VT-2023-11873"),
        contact("2023-06-01", dossiernummer="vt 2023 11873"),
        contact("2025-06-01", dossiernummer="VT-2025-00001"),
    )
    assert_fires(doc, *HERMELDING)


def test_different_dossiernummers_count_each() -> None:
    doc = with_contacts(base(), contact("2023-05-10", dossiernummer="VT-2023-11873"), contact("2023-06-01", dossiernummer="VT-2023-11874"))
    assert_fires(doc, *HERMELDING)


def test_contacts_without_dossiernummer_count_each() -> None:
    doc = with_contacts(base(), contact("2023-05-10"), contact("2023-05-10"))
    assert_fires(doc, *HERMELDING)


def test_contact_without_and_with_dossiernummer_count_each() -> None:
    doc = with_contacts(base(), contact("2023-05-10"), contact("2023-06-01", dossiernummer="VT-2023-11873"))
    assert_fires(doc, *HERMELDING)


def test_contact_after_datum_does_not_count() -> None:
    doc = with_contacts(base(), contact("2023-05-10"), contact(DATUM + dt.timedelta(days=1)))
    findings = check(doc)
    assert summary(findings) == [("datum_toekomst", FOUT, "/eerdereBetrokkenheidVeiligThuis/eerdereContacten/1/datum")]


def test_advies_contacts_do_not_count() -> None:
    doc = with_contacts(base(), contact("2023-05-10"), contact("2024-05-10", soort="advies"), contact("2025-05-10", soort="advies"))
    assert_clean(doc)


def test_no_hermelding_in_an_advies() -> None:
    doc = with_contacts(advies(), contact("2023-05-10"), contact("2024-05-10"), contact("2025-05-10"))
    assert_silent(doc, "hermelding")
    assert_clean(doc)


# -- veiligheidscijfers_uiteenlopend ----------------------------------------------------------------------
UITEEN = ("veiligheidscijfers_uiteenlopend", WAARSCHUWING, "/afweging/veiligheidscijfers")


def test_scores_three_apart() -> None:
    assert_fires(with_scores(base(), ("noor", 4), ("moeder", 7)), *UITEEN)


def test_scores_two_apart() -> None:
    assert_clean(with_scores(base(), ("noor", 5), ("moeder", 7)))


def test_scores_ten_apart_across_three_people() -> None:
    assert_fires(with_scores(base(), ("noor", 0), ("daan", 5), ("moeder", 10)), *UITEEN)


def test_latest_dated_score_counts_not_the_older_diverging_one() -> None:
    # noor's latest score (listed first!) is 6; the older 2 is history.
    doc = with_scores(base(), ("noor", 6, "2026-11-12"), ("noor", 2, "2026-11-01"), ("moeder", 7, "2026-11-12"))
    assert_clean(doc)


def test_latest_dated_score_that_diverges_fires() -> None:
    doc = with_scores(base(), ("noor", 2, "2026-11-12"), ("noor", 6, "2026-11-01"), ("moeder", 7, "2026-11-12"))
    assert_fires(doc, *UITEEN)


def test_undated_last_listed_counts() -> None:
    assert_clean(with_scores(base(), ("noor", 2), ("noor", 6), ("moeder", 7)))


def test_undated_last_listed_diverging_fires() -> None:
    assert_fires(with_scores(base(), ("noor", 6), ("noor", 2), ("moeder", 7)), *UITEEN)


def test_melder_score_is_excluded() -> None:
    assert_clean(with_scores(base(), ("melder", 0), ("noor", 6), ("moeder", 7)))


def test_one_person_only_never_diverges() -> None:
    assert_clean(with_scores(base(), ("noor", 0, "2026-11-01"), ("noor", 10, "2026-11-12")))


def test_diverging_scores_in_an_advies() -> None:
    assert_fires(with_scores(advies(), ("noor", 2), ("moeder", 9)), *UITEEN)


# -- advies_vt_gezondheidszorg -------------------------------------------------------------------------
ADVIES_VT = ("advies_vt_gezondheidszorg", WAARSCHUWING, "/stappen/adviesVeiligThuis")


@pytest.mark.parametrize("beroep", ARTSEN)
def test_doctor_without_advice_from_vt(beroep: str) -> None:
    doc = zorg(beroep, gevraagd=False)
    assert_fires(doc, *ADVIES_VT)
    assert all(f.ernst == WAARSCHUWING for f in check(doc))


@pytest.mark.parametrize("beroep", ARTSEN)
def test_doctor_who_asked_vt(beroep: str) -> None:
    assert_clean(zorg(beroep, gevraagd=True))


@pytest.mark.parametrize("beroep", ["verloskundige", "ggz", "overig", None])
def test_non_doctor_without_advice_from_vt(beroep: str | None) -> None:
    assert_clean(zorg(beroep, gevraagd=False))


@pytest.mark.parametrize("beroep", ARTSEN)
def test_doctor_in_an_advies(beroep: str) -> None:
    doc = advies()
    doc["sector"] = "gezondheidszorg"
    doc["sectorSpecifiek"] = {"beroep": beroep}
    assert_clean(doc)


def test_no_advice_from_vt_outside_gezondheidszorg() -> None:
    """The rule is about sector gezondheidszorg only."""
    doc = base()
    doc["stappen"]["adviesVeiligThuis"] = []
    assert_silent(doc, "advies_vt_gezondheidszorg")


# -- geen_vertrouwensinspecteur ---------------------------------------------------------------------------
INSPECTEUR = ("geen_vertrouwensinspecteur", FOUT, "/sectorSpecifiek/route")


def kinderopvang(route: str) -> dict[str, Any]:
    doc = base()
    doc["sector"] = "kinderopvang"
    doc["sectorSpecifiek"] = {"opvangsoort": "dagopvang", "route": route}
    return doc


def test_onderwijs_route_medewerker() -> None:
    doc = base()
    doc["sectorSpecifiek"]["route"] = "medewerker"
    findings = check(doc)
    assert summary(findings) == [INSPECTEUR]


def test_kinderopvang_route_medewerker() -> None:
    findings = check(kinderopvang("medewerker"))
    assert summary(findings) == [INSPECTEUR]


def test_onderwijs_route_huiselijke_kring() -> None:
    doc = base()
    doc["sectorSpecifiek"]["route"] = "huiselijke_kring"
    assert_clean(doc)


@pytest.mark.parametrize("route", ["huiselijke_kring", "tussen_kinderen"])
def test_kinderopvang_other_routes(route: str) -> None:
    assert_clean(kinderopvang(route))


def test_route_medewerker_in_an_advies() -> None:
    doc = advies()
    doc["sectorSpecifiek"]["route"] = "medewerker"
    assert_fires(doc, *INSPECTEUR)


# -- uitgerekende_datum -------------------------------------------------------------------------------------
@pytest.mark.parametrize("days", [-30, 0, 300])
def test_uitgerekende_datum_within_range(days: int) -> None:
    doc = base()
    doc["betrokkenen"]["kinderen"].append(unborn(DATUM + dt.timedelta(days=days)))
    assert_clean(doc)


@pytest.mark.parametrize("days", [-31, 301, -400, 1000])
def test_uitgerekende_datum_out_of_range(days: int) -> None:
    doc = base()
    doc["betrokkenen"]["kinderen"].append(unborn(DATUM + dt.timedelta(days=days)))
    findings = check(doc)
    assert summary(findings) == [("uitgerekende_datum", FOUT, "/betrokkenen/kinderen/2/uitgerekendeDatum")]


@pytest.mark.parametrize(("days", "fires"), [(-30, False), (-31, True), (300, False), (301, True)])
def test_uitgerekende_datum_in_an_advies(days: int, fires: bool) -> None:
    doc = advies()
    doc["betrokkenen"]["kinderen"].append(unborn(DATUM + dt.timedelta(days=days)))
    if fires:
        assert_fires(doc, "uitgerekende_datum", FOUT, "/betrokkenen/kinderen/2/uitgerekendeDatum")
    else:
        assert_clean(doc)


# -- rule codes and languages ----------------------------------------------------------------------------
def test_every_rule_message_exists_in_both_languages() -> None:
    doc = base()
    doc["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = "123456781"
    doc["afweging"]["acuteOnveiligheid"] = True
    doc["afweging"]["vermoeden"] = False
    with_scores(doc, ("noor", 1), ("moeder", 9))
    with_contacts(doc, contact("2023-05-10"), contact("2024-05-10"))
    for lang in ("nl", "en"):
        findings = check(doc, lang=lang)
        codes = {f.code for f in findings}
        assert {"elfproef", "acuut_telefonisch", "geen_vermoeden", "veiligheidscijfers_uiteenlopend", "hermelding"} <= codes
        for f in findings:
            assert f.melding.strip(), f
            assert "{" not in f.melding and "}" not in f.melding, f.melding
    nl = {f.code: f.melding for f in check(doc, lang="nl")}
    en = {f.code: f.melding for f in check(doc, lang="en")}
    assert all(nl[code] != en[code] for code in nl)


# -- no personal data in messages --------------------------------------------------------------------------
PERSONAL = [
    "123456781",
    "12345678",
    "Noor",
    "Daan",
    "Sanne",
    "Bakker",
    "Marieke",
    "Vries",
    "Visser",
    "Voorbeeldstraat",
    "7419",
    "7419 KL",
    "7419 KLX",
    "06 12345678",
    "nieuwe vriend",
    "Regenboog",
    "VT-2023-11873",
    "m.devries",
]


def personal_document() -> dict[str, Any]:
    doc = base()
    kind = doc["betrokkenen"]["kinderen"][0]
    kind["burgerservicenummer"] = "123456781"  # elfproef
    kind["adres"] = {"straat": "Voorbeeldstraat", "huisnummer": 12, "postcode": "7419 KLX", "woonplaats": "Zwolle"}  # formaat
    # (not the example postcode 8011 AB, which the message itself uses as an illustration)
    doc["betrokkenen"]["volwassenen"][0]["adres"]["postcode"] = "7419 KL"
    kind["geboortedatum"] = "2012-02-30"  # not a date
    doc["betrokkenen"]["volwassenen"][0]["burgerservicenummer"] = "12345678"  # too short
    doc["betrokkenen"]["volwassenen"][0]["naam"]["geslachtsnaam"] = "Bakker" * 50  # too long
    doc["betrokkenen"]["kinderen"][1]["naam"]["voornamen"] = 123  # wrong type
    doc["melder"]["email"] = "m.devries@lyceum"  # not an address
    doc["betrokkenen"]["slachtoffers"].append("Noor")  # not an id
    return doc


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_messages_never_contain_personal_data_melding(lang: str) -> None:
    findings = check(personal_document(), lang=lang)
    assert any(f.code == "elfproef" for f in findings)
    assert len(findings) >= 6
    for f in findings:
        for value in PERSONAL:
            assert value not in f.melding, (value, f)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_messages_never_contain_personal_data_advies(lang: str) -> None:
    doc = advies()
    for ptr, value in IDENTIFYING:
        set_at(doc, ptr, copy.deepcopy(value))
    doc["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = "123456781"
    findings = check(doc, lang=lang)
    assert sum(f.code == "advies_identificerend" for f in findings) == len(IDENTIFYING)
    for f in findings:
        for value in [*PERSONAL, "2012-03-14", "1984-07-02", "111222333", "Lyceum", "038 123 4567"]:
            assert value not in f.melding, (value, f)
