"""What a rendered document tells its reader in 1.1 (melding-1.1.md, *Niet ter inzage*,
*Terugkoppeling*, soort dossiernotitie): who can read it, the parts asked not to disclose, and
VT's terugkoppeling beside the melder's expectation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from meldform.documents.presentation import Block, Presentation, Row, present
from meldform.model.layout import build_layout
from meldform.texts import pick
from meldform.texts.documents import INZAGE

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def rows(p: Presentation) -> list[Row]:
    found: list[Row] = list(p.header)

    def walk(items: list[Row | Block]) -> None:
        for item in items:
            if isinstance(item, Row):
                found.append(item)
            else:
                walk(item.items)

    walk(list(p.blocks))
    return found


def blocks(p: Presentation) -> list[Block]:
    found: list[Block] = []

    def walk(items: list[Row | Block]) -> None:
        for item in items:
            if isinstance(item, Block):
                found.append(item)
                walk(item.items)

    walk(list(p.blocks))
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_melding_shows_the_inzage_reminder_first(lang: str) -> None:
    p = present(load("onderwijs-vo-partnergeweld.json"), lang=lang)
    assert p.notices[0] == pick(INZAGE, "melding", lang)
    assert p.notices[0].startswith("Let op: betrokkenen kunnen deze melding lezen." if lang == "nl" else "Note: those involved can read this report.")


def test_a_dossiernotitie_shows_its_own_line_and_is_not_addressed_to_vt() -> None:
    p = present(load("kinderopvang-dossiernotitie-hulp-bieden.json"))
    assert p.notices == ["Deze vastlegging hoort bij het dossier van uw organisatie; betrokkenen kunnen hun dossier in de regel inzien."]
    assert p.title.startswith("Vastlegging zonder melding (dossiernotitie) — ")
    assert "aan Veilig Thuis" not in p.title
    assert "Vastgelegd door" in [r.label for r in p.header] + [b.title for b in p.blocks]


def test_an_advies_shows_no_inzage_line() -> None:
    p = present(load("advies-onderwijs-po-meisjesbesnijdenis.json"))
    assert all(pick(INZAGE, "melding", "nl") != n and pick(INZAGE, "dossiernotitie", "nl") != n for n in p.notices)


def test_each_part_asked_niet_ter_inzage_is_marked_with_its_reason() -> None:
    p = present(load("onderwijs-vo-partnergeweld-terugkoppeling.json"))
    [signaal] = [b for b in blocks(p) if b.path == "/zorgen/signalen/0"]
    assert signaal.intro == "Verzoek aan Veilig Thuis: niet ter inzage voor betrokkenen (informatie van derden)"
    marked = [r for r in rows(p) if r.path.endswith("#niet-ter-inzage")]
    assert [(r.path, r.value) for r in marked] == [
        ("/melder#niet-ter-inzage", "Verzoek aan Veilig Thuis: niet ter inzage voor betrokkenen (veiligheid van de melder)")
    ]


def test_a_mark_on_a_field_follows_its_row() -> None:
    doc = load("onderwijs-vo-partnergeweld.json")
    doc["nietTerInzage"] = [{"pad": "/afweging/toelichting", "reden": "vertrouwensrelatie"}]
    p = present(doc)
    [afweging] = [b for b in p.blocks if b.path == "/afweging"]
    paths = [i.path for i in afweging.items if isinstance(i, Row)]
    assert paths[paths.index("/afweging/toelichting") + 1] == "/afweging/toelichting#niet-ter-inzage"
    assert not [b for b in blocks(p) if b.intro and "niet ter inzage" in b.intro]


def test_terugkoppeling_shows_outcome_beside_expectation() -> None:
    p = present(load("onderwijs-vo-partnergeweld-terugkoppeling.json"))
    [row] = [r for r in rows(p) if r.path == "/terugkoppeling/0/uitkomst"]
    assert row.value == (
        "Overdracht aan het lokale (wijk)team: verwacht, niet gedaan",
        "Eigen onderzoek door Veilig Thuis: gedaan, niet verwacht",
        "Monitoring: Veilig Thuis kijkt na ongeveer drie maanden of het gezin veilig blijft: gedaan, niet verwacht",
    )
    [uitgekomen] = [r for r in rows(p) if r.path == "/terugkoppeling/0/verwachtingUitgekomen"]
    assert uitgekomen.value == "Deels"


def test_an_outcome_that_met_the_expectation_reads_so() -> None:
    doc = load("onderwijs-vo-partnergeweld-terugkoppeling.json")
    doc["terugkoppeling"][0]["uitkomst"] = ["overdracht_lokaal_team"]
    p = present(doc, lang="en")
    [row] = [r for r in rows(p) if r.path == "/terugkoppeling/0/uitkomst"]
    assert row.value == ("Handover to the local (neighbourhood) team: expected and done",) or row.value[0].endswith(": expected and done")


@pytest.mark.parametrize("soort", ["advies", "dossiernotitie"])
def test_only_a_melding_offers_terugkoppeling_and_niet_ter_inzage(soort: str) -> None:
    keys = [n.key for n in build_layout(soort, "jeugdhulp").sections]
    assert "terugkoppeling" not in keys and "nietTerInzage" not in keys
    assert {"terugkoppeling", "nietTerInzage"} <= {n.key for n in build_layout("melding", "jeugdhulp").sections}
    assert ("verwachtingVeiligThuis" in keys) == (soort == "advies")
