"""The letter for parents leaves out what the melder asked VT not to disclose (melding-1.1.md,
*Niet ter inzage*): what the family may not read in the melding is not in their letter either."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from meldform.documents.brief import make_letter, plain_text, without_niet_ter_inzage

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "onderwijs-vo-partnergeweld.json"
EIGEN_VERWACHTING = "Wij hebben ook doorgegeven wat u van Veilig Thuis hoopt."  # from betrokkenheidOuders.eigenVerwachting
HULP_IN_DE_BUURT = "te zorgen voor hulp bij u in de buurt"  # verwachtingen[1]: overdracht_lokaal_team


def melding(*pads: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["nietTerInzage"] = [{"pad": pad, "reden": "vertrouwensrelatie"} for pad in pads]
    return doc


def test_without_requests_the_letter_shows_both_parts() -> None:
    text = plain_text(make_letter(melding(), "nl"))
    assert EIGEN_VERWACHTING in text and HULP_IN_DE_BUURT in text


def test_a_part_marked_niet_ter_inzage_is_left_out_of_the_letter() -> None:
    text = plain_text(make_letter(melding("/betrokkenheidOuders/eigenVerwachting"), "nl"))
    assert EIGEN_VERWACHTING not in text
    assert HULP_IN_DE_BUURT in text
    text = plain_text(make_letter(melding("/verwachtingVeiligThuis/verwachtingen/1", "/betrokkenheidOuders/eigenVerwachting"), "nl"))
    assert EIGEN_VERWACHTING not in text and HULP_IN_DE_BUURT not in text
    assert "te kijken of iedereen veilig genoeg is" in text


def test_list_items_are_removed_without_shifting_the_others() -> None:
    doc = melding("/zorgen/signalen/0", "/zorgen/signalen/1/omschrijving")
    signalen = doc["zorgen"]["signalen"]
    assert len(signalen) == 3
    second = {k: v for k, v in signalen[1].items() if k != "omschrijving"}
    redacted = without_niet_ter_inzage(doc)["zorgen"]["signalen"]
    assert redacted == [second, signalen[2]]
    assert len(doc["zorgen"]["signalen"]) == 3  # the source is not changed


def test_a_request_that_does_not_resolve_changes_nothing() -> None:
    doc = melding("/bestaatniet/0", "/zorgen/signalen/99")
    redacted = without_niet_ter_inzage(doc)
    assert redacted == doc
