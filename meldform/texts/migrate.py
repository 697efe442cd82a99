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

# The lines of ``meldform anonymize`` on stderr (cli-1.1.md, *anonymize*): a place and a kind, never a value.
ANONYMIZE: dict[str, dict[str, str]] = {
    "verwijderd": {"nl": "verwijderd: {pad} ({wat})", "en": "removed: {pad} ({wat})"},
    "aanduiding": {"nl": "aanduiding vervangen: {pad} → {nieuw}", "en": "label replaced: {pad} → {nieuw}"},
    "tekst": {"nl": "vervangen in {pad}: {aantallen}", "en": "replaced in {pad}: {aantallen}"},
    "aantal": {"nl": "{aantal}× {wat}", "en": "{aantal}× {wat}"},
    "kenmerk": {"nl": "kenmerk vervangen", "en": "kenmerk replaced"},
    "totaal": {"nl": "{aantal} gegevens verwijderd of vervangen", "en": "{aantal} items removed or replaced"},
    "al_advies": {"nl": "is al een adviesvraag", "en": "is already an adviesvraag"},
    "vraag_leeg": {"nl": "--vraag is leeg; geef de vraag aan Veilig Thuis", "en": "--vraag is empty; give the question for Veilig Thuis"},
    "niet_anoniem": {
        "nl": "de adviesvraag die hieruit volgt is niet geldig of niet anoniem ({fouten} fout(en), {waarschuwingen} waarschuwing(en)); niets geschreven",
        "en": "the resulting adviesvraag is not valid or not anonymous ({fouten} error(s), {waarschuwingen} warning(s)); nothing written",
    },
}

# What a removed or replaced item was, in ``verwijderd: PAD (wat)`` and ``vervangen in PAD: 2× wat``.
GEGEVENS: dict[str, dict[str, str]] = {
    "naam": {"nl": "naam", "en": "name"},
    "bsn": {"nl": "burgerservicenummer", "en": "citizen service number (BSN)"},
    "adres": {"nl": "adres", "en": "address"},
    "geboortedatum": {"nl": "geboortedatum", "en": "date of birth"},
    "telefoonnummer": {"nl": "telefoonnummer", "en": "phone number"},
    "school": {"nl": "school", "en": "school"},
    "woonplaats": {"nl": "woonplaats", "en": "place of residence"},
    "dossiernummer": {"nl": "dossiernummer", "en": "file number"},
    "school_of_opvang": {"nl": "school of opvang", "en": "school or childcare"},
    "omschrijving": {"nl": "omschrijving van de persoon", "en": "description of the person"},
    "terugkoppeling": {"nl": "terugkoppeling van Veilig Thuis", "en": "feedback from Veilig Thuis"},
    "niet_ter_inzage": {"nl": "verzoek niet ter inzage", "en": "request not to disclose"},
}

# What the adviesvraag says in place of what was removed, and its default question. The document
# is Dutch whatever ``--lang`` says (cli-1.1.md gives these texts); the English is for the reader of this file.
DOCUMENT: dict[str, dict[str, str]] = {
    "bsn": {"nl": "[BSN verwijderd]", "en": "[BSN removed]"},
    "adres": {"nl": "[adres verwijderd]", "en": "[address removed]"},
    "geboortedatum": {"nl": "[geboortedatum verwijderd]", "en": "[date of birth removed]"},
    "telefoonnummer": {"nl": "[telefoonnummer verwijderd]", "en": "[phone number removed]"},
    "school": {"nl": "[school verwijderd]", "en": "[school removed]"},
    "woonplaats": {"nl": "[woonplaats verwijderd]", "en": "[place of residence removed]"},
    "dossiernummer": {"nl": "[dossiernummer verwijderd]", "en": "[file number removed]"},
    "vraag": {
        "nl": "Graag uw advies over deze situatie: is een melding nodig, en wat kan ik zelf doen?",
        "en": "Please advise on this situation: is a melding needed, and what can I do myself?",
    },
}
DOCUMENT_LANG = "nl"

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
    "vraag": {
        "nl": "De vraag aan Veilig Thuis (adviesvraag.vraag); standaard: is een melding nodig, en wat kan ik zelf doen?",
        "en": "The question for Veilig Thuis (adviesvraag.vraag); default: is a melding needed, and what can I do myself?",
    },
    "force_anonymize": {"nl": "Overschrijf het bestand van --output als het al bestaat.", "en": "Overwrite the --output file if it exists."},
    "lang_anonymize": {
        "nl": "Taal van de meldingen op stderr (de adviesvraag zelf is Nederlands).",
        "en": "Language of the lines on stderr (the adviesvraag itself is Dutch).",
    },
}
