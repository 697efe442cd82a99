"""Every text of ``meldform batch``, in Dutch (default) and English.

``TEXTS``: the sentences of the batch (conflicts, a full or read-only output folder, the progress
bar, the summary); ``REPORT_WORDS``: the words of ``rapport.html``; ``STATUS_WORDS``: an input's
status as a reader sees it. "Already exists" is ``messages.OUTPUT["bestaat_al"]``, shared with
``meldform render``. None of them quotes a document: file names, kenmerken and counts only.
"""

from __future__ import annotations

from typing import Any

from meldform.texts.messages import pick

TEXTS: dict[str, dict[str, str]] = {
    # -- per output (journal and report) -----------------------------------------------------------
    "gereserveerd": {
        "nl": "de naam {doel} is gereserveerd voor het batchrapport; geef de melding een ander kenmerk",
        "en": "the name {doel} is reserved for the batch report; give the melding another kenmerk",
    },
    "zelfde_kenmerk": {
        "nl": "{doel}: een ander bestand in deze batch heeft hetzelfde kenmerk ({ander}); niet overschreven",
        "en": "{doel}: another file in this batch has the same kenmerk ({ander}); not overwritten",
    },
    # appended to messages.OUTPUT["bestaat_al"] when the owner record names the input that made it
    "gemaakt_van": {"nl": "; het is gemaakt van {ander}", "en": "; it was made from {ander}"},
    "gewijzigd": {
        "nl": "{doel} is gemaakt van een eerdere versie van dit bestand; niet overschreven (gebruik --force om opnieuw te maken)",
        "en": "{doel} was made from an earlier version of this file; not overwritten (use --force to make it again)",
    },
    "mislukt": {
        "nl": "maken van {doel} mislukt door een interne fout ({soort}); zet MELDFORM_DEBUG=1 voor details",
        "en": "making {doel} failed with an internal error ({soort}); set MELDFORM_DEBUG=1 for details",
    },
    # -- the batch stops ---------------------------------------------------------------------------
    "niet_schrijfbaar": {
        "nl": "uitvoermap {map} is niet beschrijfbaar{reden}; de batch is gestopt (een nieuwe run maakt af wat nog ontbreekt)",
        "en": "output folder {map} is not writable{reden}; the batch stopped (a new run finishes what is missing)",
    },
    "vol": {
        "nl": "uitvoermap {map} is vol (geen ruimte meer op de schijf); de batch is gestopt (maak ruimte en start opnieuw: klaar is klaar)",
        "en": "output folder {map} is full (no space left on the disk); the batch stopped (free space and run again: finished documents are kept)",
    },
    "bezet": {
        "nl": "er schrijft al een andere batch naar uitvoermap {map}; wacht tot die klaar is",
        "en": "another batch is already writing to output folder {map}; wait until it is done",
    },
    # -- the command -------------------------------------------------------------------------------
    "onbekend_formaat": {
        "nl": "onbekend formaat '{formaat}'; kies uit: {keuzes} (met komma's gescheiden)",
        "en": "unknown format '{formaat}'; choose from: {keuzes} (separated by commas)",
    },
    "geen_formaat": {"nl": "geef minstens één formaat (--format html,docx)", "en": "give at least one format (--format html,docx)"},
    "docx_ontbreekt": {
        "nl": "Word-uitvoer (docx) is in deze installatie niet beschikbaar; kies --format html",
        "en": "Word output (docx) is not available in this installation; choose --format html",
    },
    "balk": {"nl": "meldingen", "en": "meldingen"},
    "balk_stand": {"nl": "{ok} klaar, {fout} niet gemaakt", "en": "{ok} done, {fout} not made"},
    "samenvatting": {
        "nl": "meldform batch: {bestanden} bestand(en): {gerenderd} gerenderd, {overgeslagen} overgeslagen (al klaar), "
        "{ongeldig} ongeldig, {onleesbaar} onleesbaar, {conflict} conflict, {mislukt} mislukt",
        "en": "meldform batch: {bestanden} file(s): {gerenderd} rendered, {overgeslagen} skipped (already done), "
        "{ongeldig} invalid, {onleesbaar} unreadable, {conflict} conflict, {mislukt} failed",
    },
    "documenten": {
        "nl": "{geschreven} document(en) geschreven, {behouden} behouden; {fouten} fout(en), {waarschuwingen} waarschuwing(en); "
        "samenloop: {groepen} groep(en), waarvan {hermelding} met {drempel} of meer dossiers binnen {jaren} jaar",
        "en": "{geschreven} document(s) written, {behouden} kept; {fouten} error(s), {waarschuwingen} warning(s); "
        "samenloop: {groepen} group(s), {hermelding} of them with {drempel} or more dossiers within {jaren} years",
    },
    "rapport": {"nl": "rapport: {json} en {html}", "en": "report: {json} and {html}"},
}

# report words that name the hermelding setting ({drempel}, {jaren}); filled in per run
SETTING_WORDS = ("samenloop_uitleg", "eerdere_dossiers", "dossiers_termijn", "hermelding")

REPORT_WORDS: dict[str, dict[str, str]] = {
    "titel": {"nl": "Batchrapport meldform", "en": "meldform batch report"},
    "gemaakt": {"nl": "Gemaakt", "en": "Made"},
    # a local date and time: '3 december 2026, 14:05'
    "tijdstip": {"nl": "{datum}, {tijd}", "en": "{datum}, {tijd}"},
    "detail_code": {"nl": "code", "en": "code"},
    "uitvoermap": {"nl": "Uitvoermap", "en": "Output folder"},
    "formaten": {"nl": "Formaten", "en": "Formats"},
    "bestanden": {"nl": "Invoerbestanden", "en": "Input files"},
    "samenvatting": {"nl": "Samenvatting", "en": "Summary"},
    "status": {"nl": "Status", "en": "Status"},
    "aantal": {"nl": "Aantal", "en": "Number"},
    "geschreven": {"nl": "Documenten geschreven", "en": "Documents written"},
    "behouden": {"nl": "Documenten behouden (al klaar)", "en": "Documents kept (already done)"},
    "fouten": {"nl": "Fouten", "en": "Errors"},
    "waarschuwingen": {"nl": "Waarschuwingen", "en": "Warnings"},
    "per_sector": {"nl": "Per sector", "en": "Per sector"},
    "sector": {"nl": "Sector", "en": "Sector"},
    "totaal": {"nl": "Totaal", "en": "Total"},
    "geen_sector": {"nl": "Onbekend (onleesbaar of zonder geldige sector)", "en": "Unknown (unreadable or without a valid sector)"},
    "per_code": {"nl": "Per bevinding", "en": "Per finding"},
    "bevinding": {"nl": "Bevinding", "en": "Finding"},
    "ernst": {"nl": "Ernst", "en": "Severity"},
    "in_bestanden": {"nl": "In bestanden", "en": "In files"},
    "geen_bevindingen": {"nl": "Geen bevindingen.", "en": "No findings."},
    "samenloop": {"nl": "Samenloop (radarfunctie)", "en": "Samenloop (radar function)"},
    "samenloop_uitleg": {
        "nl": "Meldingen in deze batch die over dezelfde persoon gaan: hetzelfde BSN, of anders dezelfde naam en geboortedatum. "
        "Per groep het aantal dossiers binnen {jaren} jaar (eerdere meldingen bij Veilig Thuis plus de meldingen in deze batch); "
        "bij {drempel} of meer geldt het hermeldingsprotocol. Die drempel is een instelling van uw organisatie; de standaard (3 in 5 jaar) "
        "is het protocol van Veilig Thuis Gelderland-Midden, geen landelijke regel. Het rapport noemt geen namen of BSN's.",
        "en": "Meldingen in this batch about the same person: the same BSN, or else the same name and date of birth. "
        "Per group the number of dossiers within {jaren} years (earlier meldingen at Veilig Thuis plus the meldingen in this batch); "
        "with {drempel} or more the re-report protocol applies. That threshold is your organisation's setting; the default (3 in 5 years) "
        "is the protocol of Veilig Thuis Gelderland-Midden, not a national rule. The report names no names or BSNs.",
    },
    "geen_samenloop": {"nl": "Geen samenloop gevonden.", "en": "No samenloop found."},
    "groep": {"nl": "Groep", "en": "Group"},
    "koppeling": {"nl": "Gekoppeld op", "en": "Linked by"},
    "bsn": {"nl": "BSN", "en": "BSN"},
    "naam_en_geboortedatum": {"nl": "naam en geboortedatum", "en": "name and date of birth"},
    "meldingen_in_batch": {"nl": "Meldingen in deze batch", "en": "Meldingen in this batch"},
    "eerdere_dossiers": {"nl": "Eerdere dossiers bij Veilig Thuis binnen {jaren} jaar", "en": "Earlier Veilig Thuis dossiers within {jaren} years"},
    "dossiers_termijn": {"nl": "Dossiers binnen {jaren} jaar (vanaf {vanaf})", "en": "Dossiers within {jaren} years (from {vanaf})"},
    "verschil": {
        "nl": "Let op: hetzelfde BSN, maar een andere naam of geboortedatum. Controleer het BSN: een tikfout of een persoonsverwisseling?",
        "en": "Attention: the same BSN, but a different name or date of birth. Check the BSN: a typo or two people mixed up?",
    },
    "hermelding": {
        "nl": "Hermeldingsprotocol van toepassing: {drempel} of meer dossiers binnen {jaren} jaar.",
        "en": "Re-report protocol applies: {drempel} or more dossiers within {jaren} years.",
    },
    "persoon": {"nl": "Persoon", "en": "Person"},
    "problemen": {
        "nl": "Niet verwerkt: bestanden met fouten, onleesbare bestanden en conflicten",
        "en": "Not processed: files with errors, unreadable files and conflicts",
    },
    "geen_problemen": {"nl": "Alle bestanden zijn verwerkt of bestonden al.", "en": "All files were processed or already existed."},
    "voettekst": {
        "nl": "Gemaakt met meldform {versie}. Dit rapport noemt bestanden, kenmerken en bevindingen, geen persoonsgegevens; "
        "de gemaakte documenten bevatten die wel.",
        "en": "Made with meldform {versie}. This report names files, references and findings, no personal data; the documents made do contain it.",
    },
}

# Keyed by the status names of ``meldform.batch`` (gerenderd, overgeslagen, ...): what a person
# calls what happened to an input. rapport.json keeps the status names; these are for reading.
STATUS_WORDS: dict[str, dict[str, str]] = {
    "gerenderd": {"nl": "verwerkt", "en": "processed"},
    "overgeslagen": {"nl": "overgeslagen: bestaat al", "en": "skipped: already exists"},
    "ongeldig": {"nl": "niet verwerkt: fouten in het document", "en": "not processed: errors in the document"},
    "onleesbaar": {"nl": "onleesbaar", "en": "unreadable"},
    "conflict": {
        "nl": "niet verwerkt: uitvoerbestand bestaat al of kenmerk dubbel",
        "en": "not processed: output file exists or kenmerk used twice",
    },
    "mislukt": {"nl": "niet verwerkt: interne fout", "en": "not processed: internal error"},
    # a processed input whose findings include warnings
    "gerenderd_waarschuwingen": {"nl": "verwerkt met waarschuwingen", "en": "processed with warnings"},
}

# The same statuses as short column headings (the per-sector table).
STATUS_SHORT: dict[str, dict[str, str]] = {
    "gerenderd": {"nl": "Verwerkt", "en": "Processed"},
    "overgeslagen": {"nl": "Bestond al", "en": "Already existed"},
    "ongeldig": {"nl": "Met fouten", "en": "With errors"},
    "onleesbaar": {"nl": "Onleesbaar", "en": "Unreadable"},
    "conflict": {"nl": "Conflict", "en": "Conflict"},
    "mislukt": {"nl": "Mislukt", "en": "Failed"},
}

# One line per input that was not processed, on the console after the batch.
FAILED_LINE: dict[str, dict[str, str]] = {
    "regel": {"nl": "{bestand}: {status}: {reden}", "en": "{bestand}: {status}: {reden}"},
    "meer": {"nl": " (en nog {aantal} andere)", "en": " (and {aantal} more)"},
}


def batch_text(key: str, lang: str, **params: Any) -> str:
    return pick(TEXTS, key, lang, **params)
