"""What contract 1.1 adds to the schema and the rules (melding-1.1.md), each at its boundary:
the case that triggers a finding and the nearest case that must not.

Documents start from the 1.1 examples and change only what the case needs; ``today`` is fixed.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

from meldform.check.findings import FOUT, WAARSCHUWING, Finding
from meldform.check.validation import validate

TODAY = dt.date(2026, 11, 28)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_MELDING = json.loads((EXAMPLES / "onderwijs-vo-partnergeweld.json").read_text(encoding="utf-8"))
_ADVIES = json.loads((EXAMPLES / "advies-onderwijs-po-meisjesbesnijdenis.json").read_text(encoding="utf-8"))


def melding() -> dict[str, Any]:
    doc = copy.deepcopy(_MELDING)
    for score in doc["afweging"]["veiligheidscijfers"]:  # within 2 points: no warning
        if score["betrokkene"] == "moeder":
            score["cijfer"] = 5
    return doc


def advies() -> dict[str, Any]:
    return copy.deepcopy(_ADVIES)


def check(doc: Any, lang: str = "nl") -> list[Finding]:
    return validate(doc, lang=lang, today=TODAY)


def codes(doc: Any) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.ernst, f.pad) for f in check(doc))


def test_starting_points_are_clean() -> None:
    assert codes(melding()) == []
    assert codes(advies()) == []


# -- adviesvraag -------------------------------------------------------------------------------------
def test_advies_without_adviesvraag_is_warned() -> None:
    doc = advies()
    del doc["adviesvraag"]
    assert codes(doc) == [("geen_adviesvraag", WAARSCHUWING, "/adviesvraag")]


def test_adviesvraag_needs_a_question() -> None:
    doc = advies()
    doc["adviesvraag"] = {}
    assert codes(doc) == [("verplicht", FOUT, "/adviesvraag/vraag")]
    doc["adviesvraag"] = {"vraag": "  "}
    assert codes(doc) == [("leeg", FOUT, "/adviesvraag/vraag")]


def test_adviesvraag_is_not_allowed_in_a_melding() -> None:
    doc = melding()
    doc["adviesvraag"] = {"vraag": "Is melden nodig?"}
    found = check(doc)
    assert [(f.code, f.pad) for f in found] == [("onbekend_veld", "/adviesvraag")]
    assert "adviesvraag" in found[0].melding and "soort" in found[0].melding


# -- steps as a dossier ------------------------------------------------------------------------------
def test_repeated_consultations_and_advice() -> None:
    doc = melding()
    doc["stappen"]["signalenInKaart"] = {"datum": "2026-10-01", "toelichting": "Leerlingdossier."}
    doc["stappen"]["collegialeConsultatie"].append({"datum": "2026-11-10", "metWie": ["zorgcoördinator"], "multidisciplinair": True})
    doc["stappen"]["adviesVeiligThuis"].append(
        {"datum": "2026-11-12", "vraag": "Melden?", "advies": "Ja.", "anoniem": False, "kenmerkAdviesvraag": "ADV-2026.01"}
    )
    assert codes(doc) == []


def test_an_empty_consultation_is_an_error() -> None:
    doc = melding()
    doc["stappen"]["collegialeConsultatie"].append({})
    assert codes(doc) == [("leeg", FOUT, "/stappen/collegialeConsultatie/1")]


def test_advice_of_vt_needs_a_date_and_a_valid_kenmerk() -> None:
    doc = melding()
    doc["stappen"]["adviesVeiligThuis"] = [{"advies": "Melden."}]
    assert codes(doc) == [("verplicht", FOUT, "/stappen/adviesVeiligThuis/0/datum")]
    doc["stappen"]["adviesVeiligThuis"] = [{"datum": "2026-11-06", "kenmerkAdviesvraag": "ADV/1"}]
    assert codes(doc) == [("formaat", FOUT, "/stappen/adviesVeiligThuis/0/kenmerkAdviesvraag")]


def test_a_melding_needs_the_list_of_advice_even_if_empty() -> None:
    doc = melding()
    doc["stappen"]["adviesVeiligThuis"] = []
    doc["stappen"]["redenGeenAdviesVeiligThuis"] = "Acuut gevaar."
    assert codes(doc) == []
    del doc["stappen"]["adviesVeiligThuis"]
    assert codes(doc) == [("verplicht", FOUT, "/stappen/adviesVeiligThuis")]


def test_the_old_object_form_is_a_type_error_in_1_1() -> None:
    doc = melding()
    doc["stappen"]["collegialeConsultatie"] = {"datum": "2026-11-05"}
    assert codes(doc) == [("type", FOUT, "/stappen/collegialeConsultatie")]
