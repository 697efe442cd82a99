"""Identifying data in free text (melding-1.1.md, *Identifying data in free text*, *Generic ids*):
the four patterns at their boundaries, generic ids, what free text is, and the two advies rules.

The BSNs are obvious test values that pass the elfproef (111222333, 123456782).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from meldform.check import identifying as ident
from meldform.check.findings import WAARSCHUWING
from meldform.check.validation import validate

TODAY = dt.date(2026, 11, 28)
ROOT = Path(__file__).resolve().parents[1]
ADVIES: dict[str, Any] = json.loads((ROOT / "examples" / "advies-onderwijs-po-meisjesbesnijdenis.json").read_text(encoding="utf-8"))


def kinds(text: str, names: list[str] | None = None) -> tuple[str, ...]:
    pattern = ident.phrase_pattern(names or [], ident.NAME_SUFFIX)
    return ident.kinds_in(text, pattern)


# -- bsn ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "BSN 111222333",
        "bsn: 123456782.",
        "111 222 333",
        "111.222.333",
        "111-222-333",
        "1112 22 333",
        "1234-56-782",
        "(123456782)",
        "nummer 111 222-333 genoteerd",
    ],
)
def test_bsn_found(text: str) -> None:
    assert kinds(text) == (ident.BSN,)


@pytest.mark.parametrize(
    "text",
    [
        "bel 0612345678",  # a phone number: 10 digits
        "0381234567",
        "038 456 7890",
        "06-12345678",
        "1111222333",  # a digit directly before
        "1112223334",  # and after
        "111 222 333 4",  # part of a longer grouped number
        "9 111 222 333",
        "1-111-222-333",
        "111 222 333-4",
        "111111111",  # all digits equal
        "999 999 999",
        "123456789",  # fails the elfproef
        "111 222 334",
        "12-03-2015",  # a date
        "2015-03-12",
        "11 22 33 44 5",
        "12345678",  # 8 digits
    ],
)
def test_bsn_not_found(text: str) -> None:
    assert ident.BSN not in kinds(text)


def test_bsn_elfproef_is_the_rules_one() -> None:
    from meldform.check import rules

    assert rules.elfproef is ident.elfproef
    assert ident.elfproef("111222333") and ident.elfproef("123456782") and not ident.elfproef("123456789")


# -- postcode_huisnummer -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Kerkstraat 12, 8011 AB Zwolle",
        "8011 AB 12",
        "8011AB 12a",
        "12 8011AB",
        "huisnummer 12 b, postcode 8011 AB",
        "Dorpsweg 1, 1234 XY",
        "8011 AB, nr. 99999",
    ],
)
def test_postcode_with_house_number_found(text: str) -> None:
    assert kinds(text) == (ident.POSTCODE_HUISNUMMER,)


@pytest.mark.parametrize(
    "text",
    [
        "8011 AB Zwolle",  # no house number
        "Kerkstraat 12, 8011 ab Zwolle",  # lower-case letters: no postcode
        "Kerkstraat 12, 8011 Ab",
        "12,\n8011 AB",  # a line break in between
        "8011 AB\n12",
        "0811 AB 12",  # a postcode does not start with 0
        "X8011 AB 12",  # a letter directly before
        "8011 ABC 12",  # a letter directly after
        "18011 AB 12",  # part of a longer number
        "12" + " " * 29 + "8011 AB",  # 31 characters away
        "8011 AB" + " " * 29 + "12",
        "8011 AB 0",  # no house number starts with 0
        "8011 AB 123456",  # six digits
    ],
)
def test_postcode_with_house_number_not_found(text: str) -> None:
    assert ident.POSTCODE_HUISNUMMER not in kinds(text)


def test_house_number_reach_is_30_characters() -> None:
    assert kinds("12" + " " * 28 + "8011 AB") == (ident.POSTCODE_HUISNUMMER,)  # 30 characters before
    assert kinds("8011 AB" + " " * 28 + "12") == (ident.POSTCODE_HUISNUMMER,)  # ends 30 characters after


# -- geboortedatum -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "geboren 12-03-2015",
        "Geboren op 1-3-2015",
        "geb. 12/03/2015",
        "geb.12.03.2015",
        "geboortedatum: 2015-03-12",
        "Geb.datum 12 maart 2015",
        "geboorte 3 mrt. 2015",
        "born 3 Sept 2015",
        "DOB 3 sep 2015",
        "dob: 03-09-2015",
        "geboren op vrijdag 12 okt 2015",
    ],
)
def test_birth_date_found(text: str) -> None:
    assert kinds(text) == (ident.GEBOORTEDATUM,)


@pytest.mark.parametrize(
    "text",
    [
        "gesprek op 12-03-2015",  # a date without a trigger word
        "ongeboren kind, uitgerekend 12-03-2027",  # 'ongeboren' is not 'geboren'
        "geboorteplaats Zwolle, 12-03-2015",  # not the whole word
        "geboren in 2015",  # no full date
        "geboren 12-03-15",  # a two-digit year
        "geboren in maart 2015",
        "12-03-2015 geboren",  # the date before the word
    ],
)
def test_birth_date_not_found(text: str) -> None:
    assert ident.GEBOORTEDATUM not in kinds(text)


def test_trigger_reach_is_25_characters() -> None:
    assert kinds("geboren" + "x" * 25 + "12-03-2015") == ()  # the x's join no word boundary; a space does
    assert kinds("geboren" + " " * 25 + "12-03-2015") == (ident.GEBOORTEDATUM,)
    assert kinds("geboren" + " " * 26 + "12-03-2015") == ()


def test_a_known_birth_date_counts_without_a_trigger() -> None:
    hits = ident.find_geboortedatum("op 12 maart 2015 en 2015-03-12 en 13-03-2015", [(2015, 3, 12)])
    assert [h.soort for h in hits] == [ident.GEBOORTEDATUM] * 2


# -- naam -------------------------------------------------------------------------------------------
def test_names_as_whole_words_with_possessive() -> None:
    assert kinds("Sem vertelde het", ["sem"]) == (ident.NAAM,)
    assert kinds("Sems fiets, Sem's jas, Sem’s tas", ["Sem"]) == (ident.NAAM,)
    assert kinds("semester en Semmy", ["Sem"]) == ()
    assert kinds("mevrouw De  Vries", ["de Vries"]) == (ident.NAAM,)


def advies(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = copy.deepcopy(ADVIES)
    doc.update(changes)
    return doc


def text_in_signal(doc: dict[str, Any], text: str) -> dict[str, Any]:
    doc["zorgen"]["signalen"][0]["omschrijving"] = text
    return doc


def codes(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f.code, f.pad) for f in validate(doc, today=TODAY) if f.code in ("advies_tekst_identificerend", "advies_id_herkenbaar")]


def test_document_names_exclude_the_melder() -> None:
    doc = advies()
    doc["betrokkenen"]["betrokkenHulpverleners"][0]["naam"] = "J. Visser"  # itself advies_identificerend
    pattern = ident.document_names(doc)
    assert ident.kinds_in("Gesprek met Visser", pattern) == (ident.NAAM,)
    assert ident.kinds_in("J. heeft gebeld", pattern) == ()  # a word under 3 characters
    assert ident.kinds_in("Annemiek Schouten sprak de moeder", pattern) == ()  # the melder's own name
    assert ident.document_names(advies()) is None  # only generic ids, no names


def test_a_name_of_a_person_counts_and_the_melder_does_not() -> None:
    doc = advies()
    doc["betrokkenen"]["kinderen"][0]["naam"] = {"voornamen": "Noor Li", "voorvoegsel": "van", "geslachtsnaam": "Dijk"}
    pattern = ident.document_names(doc)
    assert ident.kinds_in("Noor", pattern) == (ident.NAAM,)
    assert ident.kinds_in("Li", pattern) == ()  # a first name under 3 characters
    assert ident.kinds_in("Dijk", pattern) == ident.kinds_in("Van Dijk", pattern) == (ident.NAAM,)


# -- generic ids -------------------------------------------------------------------------------------
@pytest.mark.parametrize("pid", ["kind1", "kind", "partner-moeder", "ex_partner", "ex_partner2", "zus", "moeder12", "kind-1", "oma_van_vader"])
def test_generic_ids(pid: str) -> None:
    assert ident.is_generic_id(pid)


@pytest.mark.parametrize("pid", ["sem", "luuk", "kind1a", "moeder-sanne", "k1", "noor2", "x"])
def test_ids_that_may_be_names(pid: str) -> None:
    assert not ident.is_generic_id(pid)


# -- free text ------------------------------------------------------------------------------------
def test_free_text_comes_from_the_layout() -> None:
    places = {"/".join(map(str, parts)) for parts, _ in ident.free_texts(ADVIES)}
    assert "zorgen/signalen/0/omschrijving" in places
    assert "zorgen/risicofactoren/0" in places  # an item of a list of texts
    assert "adviesvraag/vraag" in places
    assert not any(p.startswith("melder") for p in places)
    assert not {"kenmerk", "sector", "datum", "betrokkenen/kinderen/0/id", "zorgen/signalen/0/datum"} & places
    assert not any(p.startswith("zorgen/signalen/0/betreft") or p.startswith("zorgen/aardGeweld") for p in places)


def test_free_text_of_an_unknown_sector_is_still_found() -> None:
    doc = advies(sector="onbekend")
    assert any(parts == ["zorgen", "signalen", 0, "omschrijving"] for parts, _ in ident.free_texts(doc))


# -- the rules --------------------------------------------------------------------------------------
def test_one_finding_per_text_field_naming_the_kinds_never_the_values() -> None:
    doc = text_in_signal(advies(), "Kind (geb. 12-03-2015, BSN 111 222 333) woont Kerkstraat 12, 8011 AB; BSN 123456782.")
    findings = [f for f in validate(doc, today=TODAY) if f.code == "advies_tekst_identificerend"]
    assert [(f.ernst, f.pad) for f in findings] == [(WAARSCHUWING, "/zorgen/signalen/0/omschrijving")]
    text = findings[0].melding
    assert "lijkt een BSN, een adres (postcode en huisnummer) en een geboortedatum te bevatten" in text
    for value in ("111", "123456782", "8011", "Kerkstraat", "2015"):
        assert value not in text
    english = [f.melding for f in validate(doc, lang="en", today=TODAY) if f.code == "advies_tekst_identificerend"]
    assert "seems to contain a BSN, an address (postcode and house number) and a date of birth" in english[0]


def test_one_kind_alone() -> None:
    doc = text_in_signal(advies(), "geboren 1-2-2019")
    (finding,) = [f for f in validate(doc, today=TODAY) if f.code == "advies_tekst_identificerend"]
    assert "lijkt een geboortedatum te bevatten" in finding.melding


def test_id_that_may_be_a_name_and_its_use_in_text() -> None:
    doc = advies()
    doc["betrokkenen"]["kinderen"][0]["id"] = "luuk"
    doc["betrokkenen"]["slachtoffers"] = ["luuk"]
    for signaal in doc["zorgen"]["signalen"]:
        signaal["betreft"] = ["luuk" if ref == "kind1" else ref for ref in signaal.get("betreft", [])]
    text_in_signal(doc, "Luuk's moeder vertelt dat Luuk niet meer slaapt.")
    assert codes(doc) == [("advies_id_herkenbaar", "/betrokkenen/kinderen/0/id"), ("advies_tekst_identificerend", "/zorgen/signalen/0/omschrijving")]
    assert not [f for f in validate(doc, today=TODAY) if f.ernst == "fout"]


def test_melder_texts_are_not_checked() -> None:
    doc = advies()
    doc["melder"]["bereikbaarheid"] = "geboren 12-03-1980, Kerkstraat 12, 8011 AB"
    assert codes(doc) == []


def test_only_in_an_advies() -> None:
    doc: dict[str, Any] = json.loads((ROOT / "examples" / "onderwijs-po-samenloop-sem.json").read_text(encoding="utf-8"))
    assert doc["soort"] == "melding"
    assert codes(doc) == []


def test_the_adviesvraag_examples_are_clean() -> None:
    for path in sorted((ROOT / "examples").glob("advies-*")):
        from meldform.check.loading import load_document

        assert codes(load_document(str(path)).data) == [], path.name
