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
    doc: dict[str, Any] = copy.deepcopy(_MELDING)
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


# -- wording and the afwegingskader (melding-1.1.md, Wording rules) ---------------------------------
def _no_melden(doc: dict[str, Any]) -> dict[str, Any]:
    doc["besluit"]["melden"] = False
    doc["besluit"]["hulpBieden"] = True
    for key in ("acuteOnveiligheid", "structureleOnveiligheid"):
        doc["afweging"][key] = False
    for key in ("hulpMogelijk", "hulpAanvaard", "hulpResultaat"):
        doc["afweging"][key] = True
    return doc


def test_melden_verplicht_says_professionele_norm_never_verplicht() -> None:
    doc = _no_melden(melding())
    doc["afweging"]["structureleOnveiligheid"] = True
    for lang in ("nl", "en"):
        found = [f for f in check(doc, lang) if f.code == "melden_verplicht"]
        assert len(found) == 1 and found[0].ernst == FOUT
        assert ("professionele norm" if lang == "nl" else "professional norm") in found[0].melding
        assert "verplicht" not in found[0].melding.lower() and "required" not in found[0].melding.lower()


def test_onderwijs_doubt_counts_as_yes() -> None:
    doc = _no_melden(melding())
    assert [c for c in codes(doc) if c[0] == "melden_verplicht"] == []  # nearest case: no doubt
    doc["afweging"]["twijfelOnveiligheid"] = True
    assert ("melden_verplicht", FOUT, "/besluit/melden") in codes(doc)
    assert "twijfel_advies_vt" not in {c[0] for c in codes(doc)}


def test_doubt_elsewhere_asks_to_consult_vt() -> None:
    doc = melding()
    doc["sector"] = "jeugdhulp"
    doc.pop("sectorSpecifiek", None)
    doc["afweging"]["twijfelOnveiligheid"] = True
    assert ("twijfel_advies_vt", WAARSCHUWING, "/afweging/twijfelOnveiligheid") not in codes(doc)  # VT was consulted
    doc["stappen"]["adviesVeiligThuis"] = []
    assert ("twijfel_advies_vt", WAARSCHUWING, "/afweging/twijfelOnveiligheid") in codes(doc)
    doc["afweging"]["twijfelOnveiligheid"] = False
    assert "twijfel_advies_vt" not in {c[0] for c in codes(doc)}


def test_acute_danger_names_112_and_0800_2000() -> None:
    doc = melding()
    doc["afweging"]["acuteOnveiligheid"] = True
    for lang in ("nl", "en"):
        text = next(f.melding for f in check(doc, lang) if f.code == "acuut_telefonisch")
        assert "112" in text and "0800-2000" in text


def test_vertrouwensinspecteur_route_names_houder_or_bevoegd_gezag() -> None:
    doc = melding()
    doc["sectorSpecifiek"] = {"route": "medewerker"}
    text = next(f.melding for f in check(doc) if f.code == "geen_vertrouwensinspecteur")
    assert "bevoegd gezag" in text and "redelijk vermoeden" in text
    doc["sector"] = "kinderopvang"
    text = next(f.melding for f in check(doc) if f.code == "geen_vertrouwensinspecteur")
    assert "de houder" in text and "bevoegd gezag" not in text


def test_hermelding_threshold_is_a_setting_named_with_its_origin() -> None:
    from meldform.check.rules import HERMELDING_DOSSIERS, HERMELDING_JAREN, hermelding

    assert (HERMELDING_DOSSIERS, HERMELDING_JAREN) == (3, 5)
    doc = melding()
    contacts = [{"datum": "2025-01-10", "soort": "melding", "dossiernummer": "A-1"}]
    doc["eerdereBetrokkenheidVeiligThuis"] = {"status": "ja", "eerdereContacten": contacts}
    assert list(hermelding(doc)) == []  # one earlier dossier: below 3
    assert [f.params["aantal"] for f in hermelding(doc, dossiers=2)] == [1]
    assert list(hermelding(doc, dossiers=2, jaren=1)) == []  # 2025-01-10 is outside one year before 2026-11-20
    contacts.append({"datum": "2024-03-01", "soort": "melding"})
    text = next(f.melding for f in check(doc) if f.code == "hermelding")
    assert "Gelderland-Midden" in text and "instelling" in text


def test_justitie_knows_halt() -> None:
    doc = melding()
    doc["sector"] = "justitie"
    doc["sectorSpecifiek"] = {"organisatie": "halt"}
    assert codes(doc) == []


def test_wording_in_the_layout() -> None:
    from meldform.model.layout import Field, build_layout

    def labels(soort: str, sector: str) -> dict[tuple[str | int, ...], str]:
        return {parts: node.label for parts, node in build_layout(soort, sector, "nl").walk()}

    onderwijs = labels("melding", "onderwijs")
    assert onderwijs[("afweging",)] == "Afwegingskader onderwijs (stap 4 en 5)"
    assert "(dreiging van)" in onderwijs[("afweging", "vermoeden")]
    assert "(Ja of twijfel: direct melden bij Veilig Thuis.)" in onderwijs[("afweging", "acuteOnveiligheid")]
    assert onderwijs[("verwachtingVeiligThuis",)] == "Uw verwachting van Veilig Thuis"
    assert onderwijs[("stappen", "gesprekMetClient")] == "Gesprek met leerling en ouders (stap 3)"
    zorg = labels("melding", "gezondheidszorg")
    assert zorg[("afweging",)] == "Beslissen over melden via het afwegingskader (stap 5, KNMG-meldcode)"
    assert zorg[("afweging", "hulpMogelijk")].startswith("3. Ben ik in staat effectieve hulp te bieden of te organiseren om (dreigende)")
    assert zorg[("betrokkenheidOuders",)] == "Betrokkenheid van de patiënt"
    assert all("als arts" not in label for label in zorg.values())
    geslacht = next(n for parts, n in build_layout("melding", "onderwijs", "nl").walk() if parts == ("betrokkenen", "kinderen", 0, "geslacht"))
    assert isinstance(geslacht, Field)
    assert [o.label for o in geslacht.options][:2] == ["Jongen", "Meisje"]


def test_gezondheidszorg_is_worded_for_the_profession_that_fills_it_in() -> None:
    # melding-1.1.md, *Question wording*: artsen and tandartsen (or no beroep yet: the blank form)
    # get the KNMG code with its step 5; verloskundige, GGZ and other zorgberoepen the model's M1-M5
    from meldform.documents.rendering import render_document
    from meldform.model.layout import build_layout, kader_variant

    def render_html(data: dict[str, Any]) -> str:
        return render_document(data, [], "html").decode("utf-8")

    def doc(beroep: str | None) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((EXAMPLES / "gezondheidszorg-kinderarts-onverklaarde-fractuur.json").read_text(encoding="utf-8"))
        data["sectorSpecifiek"].pop("beroep", None)
        if beroep:
            data["sectorSpecifiek"]["beroep"] = beroep
        return data

    knmg = "Beslissen over melden via het afwegingskader (stap 5, KNMG-meldcode)"
    model = "Afwegingskader gezondheidszorg (stap 4 en 5)"
    for beroep in ("huisarts", "jeugdarts", "medisch_specialist", "tandarts", None):
        assert kader_variant(doc(beroep)) is False, beroep
        page = render_html(doc(beroep))
        assert knmg in page and model not in page, beroep
    onderwijs_vraag3 = {p: n.label for p, n in build_layout("melding", "jeugdhulp", "nl").walk()}[("afweging", "hulpMogelijk")]
    for beroep in ("verloskundige", "ggz", "overig"):
        assert kader_variant(doc(beroep)) is True, beroep
        page = render_html(doc(beroep))
        assert model in page and knmg not in page and "KNMG" not in page, beroep
        assert onderwijs_vraag3 in page  # the model's question 3, as in every other sector
    labels = {p: n.label for p, n in build_layout("melding", "gezondheidszorg", "nl", True).walk()}
    assert labels[("afweging", "hulpMogelijk")] == onderwijs_vraag3
    english = {p: n.label for p, n in build_layout("melding", "gezondheidszorg", "en", True).walk()}
    assert english[("afweging",)] == "Assessment framework (afwegingskader) for health care (steps 4 and 5)"
    # the blank form knows no beroep yet: the KNMG wording with its note about the other professions
    blank = build_layout("melding", "gezondheidszorg", "nl")
    assert blank.afwegingskader_naam == knmg


def test_no_user_text_says_melden_is_verplicht() -> None:
    from meldform.model.annotations import collect
    from meldform.model.i18n import tr
    from meldform.texts.findings import FINDINGS

    schema_texts, _ = collect()
    texts = [*schema_texts, *(tr(s, "en") for s in schema_texts), *(e[lang] for e in FINDINGS.values() for lang in ("nl", "en"))]
    for text in texts:
        low = text.lower()
        assert "melden verplicht" not in low and "verplicht melden" not in low and "meldplicht" not in low, text
        assert "melden is verplicht" not in low and "reporting is required" not in low, text
