"""What the Python API says when a call cannot be done: an unknown choice, a missing format, an invalid melding.

The command line and the HTTP service use the API, so they say the same; ``UnknownVariantError``
(``meldform.model.schemas``) and the API's ``UnknownChoiceError`` read :data:`UNKNOWN_CHOICE`.
"""

from __future__ import annotations

# A sector, soort or format that meldform does not know, by what it is ("onbekend formaat": het-woord).
UNKNOWN_CHOICE: dict[str, dict[str, str]] = {
    "sector": {"nl": "onbekende sector '{waarde}'; kies uit: {keuzes}", "en": "unknown sector '{waarde}'; choose from: {keuzes}"},
    "soort": {"nl": "onbekende soort '{waarde}'; kies uit: {keuzes}", "en": "unknown soort '{waarde}'; choose from: {keuzes}"},
    "formaat": {"nl": "onbekend formaat '{waarde}'; kies uit: {keuzes}", "en": "unknown format '{waarde}'; choose from: {keuzes}"},
    # any other choice (a query parameter of the service, such as ``strict``), named by ``wat``
    "waarde": {"nl": "onbekende waarde '{waarde}' voor {wat}; kies uit: {keuzes}", "en": "unknown value '{waarde}' for {wat}; choose from: {keuzes}"},
}

API_ERRORS: dict[str, dict[str, str]] = {
    "niet_beschikbaar": {
        "nl": "formaat '{formaat}' is in deze installatie niet beschikbaar; kies uit: {keuzes}",
        "en": "format '{formaat}' is not available in this installation; choose from: {keuzes}",
    },
    "instelling_bereik": {
        "nl": "{optie} moet een geheel getal zijn van {bereik} (standaard {standaard}: het hermeldingsprotocol van Veilig Thuis Gelderland-Midden)",
        "en": "{optie} must be a whole number of {bereik} (default {standaard}: the re-report protocol of Veilig Thuis Gelderland-Midden)",
    },
    "ongeldig": {
        "nl": "de melding is niet geldig: {fouten} fout(en), {waarschuwingen} waarschuwing(en)",
        "en": "the melding is not valid: {fouten} error(s), {waarschuwingen} warning(s)",
    },
}
