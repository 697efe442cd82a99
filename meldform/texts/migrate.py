"""The lines of ``meldform migrate`` and ``meldform anonymize``, Dutch and English.

They name files, fields (JSON pointers) and counts, never a value from a document.
"""

from __future__ import annotations

MIGRATE: dict[str, dict[str, str]] = {
    "geschreven_bevindingen": {
        "nl": "{bestand}: geschreven naar {doel} ({fouten} fouten, {waarschuwingen} waarschuwingen; zie meldform validate)",
        "en": "{bestand}: written to {doel} ({fouten} errors, {waarschuwingen} warnings; see meldform validate)",
    },
    "weggelaten": {"nl": "{bestand}: weggelaten: {pad} ({reden})", "en": "{bestand}: left out: {pad} ({reden})"},
    "al_nieuw": {"nl": "{bestand}: al versie {versie}; niets gedaan", "en": "{bestand}: already version {versie}; nothing done"},
    "geen_versie": {
        "nl": "{bestand}: schemaVersie ontbreekt of is onbekend (verwacht '1.0'); niets geschreven",
        "en": "{bestand}: schemaVersie is missing or unknown (expected '1.0'); nothing written",
    },
    "onleesbaar": {"nl": "{bestand}: {reden}; niets geschreven", "en": "{bestand}: {reden}; nothing written"},
    "stdin_output": {
        "nl": "--output kan niet samen met '-' (stdin): het resultaat gaat dan naar stdout",
        "en": "--output cannot be combined with '-' (stdin): the result then goes to stdout",
    },
}

# Why the migration leaves a value out (melding-1.1.md, M4).
REDENEN: dict[str, dict[str, str]] = {
    "advies_niet_gevraagd": {"nl": "advies niet gevraagd", "en": "advice not asked"},
}

HELP: dict[str, dict[str, str]] = {
    "migrate": {
        "nl": "Schrijf documenten van versie 1.0 als versie 1.1 (JSON), naast het origineel of in --output.",
        "en": "Write version 1.0 documents as version 1.1 (JSON), beside the original or in --output.",
    },
    "uitvoermap": {
        "nl": "Map voor de omgezette bestanden (standaard: de map van elk invoerbestand).",
        "en": "Folder for the converted files (default: each input's folder).",
    },
    "anonymize": {
        "nl": "Maak van een melding of dossiernotitie een anonieme adviesvraag (JSON op stdout of naar --output).",
        "en": "Turn a melding or dossiernotitie into an anonymous adviesvraag (JSON on stdout or to --output).",
    },
    "uitvoerbestand": {"nl": "Schrijf de adviesvraag naar dit bestand in plaats van stdout.", "en": "Write the adviesvraag to this file instead of stdout."},
    "vraag": {"nl": "De vraag aan Veilig Thuis (adviesvraag.vraag).", "en": "The question for Veilig Thuis (adviesvraag.vraag)."},
}
