"""The words of a rendered melding (HTML and Word) that do not come from the schema."""

from __future__ import annotations

DOCUMENT_WORDS: dict[str, dict[str, str]] = {
    "aan_vt": {"nl": "aan Veilig Thuis", "en": "to Veilig Thuis"},
    "voettekst": {
        "nl": "Gemaakt met meldform op {datum}. Dit document bevat bijzondere persoonsgegevens: deel het alleen met wie het nodig heeft.",
        "en": "Made with meldform on {datum}. This document contains special categories of personal data: share it only with those who need it.",
    },
    "conclusie": {"nl": "Conclusie volgens het afwegingskader", "en": "Conclusion of the assessment framework"},
    "let_op": {"nl": "Let op", "en": "Attention"},
    "kop": {"nl": "Kerngegevens", "en": "Key facts"},
    "inhoud": {"nl": "Inhoud", "en": "Contents"},
}

# How a person without a role of their own reads: 'Noor Bakker (ongeboren kind)', '(kind, 4 jaar)'.
PERSON_WORDS: dict[str, dict[str, str]] = {
    "ongeboren": {"nl": "ongeboren kind", "en": "unborn child"},
    "leeftijd": {"nl": "{rol}, {jaar} jaar", "en": "{rol}, {jaar} years"},
}

CONCLUSIONS: dict[str, dict[str, str]] = {
    "geen_vermoeden": {
        "nl": "Geen vermoeden: sluit af en leg dit vast in het dossier.",
        "en": "No suspicion: close and record this in the file.",
    },
    "melden_onveilig": {
        "nl": "Melden is noodzakelijk ({reden}). Vraag 3 tot en met 5 worden samen met Veilig Thuis doorlopen.",
        "en": "Reporting is required ({reden}). Questions 3 to 5 are worked through together with Veilig Thuis.",
    },
    "melden": {"nl": "Melden is noodzakelijk ({reden}).", "en": "Reporting is required ({reden})."},
    "hulp_afronden": {
        "nl": "Melden is niet nodig: de hulp leidt tot de noodzakelijke veiligheid. Rond de hulp af met afspraken over monitoring.",
        "en": "Reporting is not required: the help achieves the necessary safety. Finish the help with agreements on monitoring.",
    },
    "open": {
        "nl": "Nog niet alle vragen van het afwegingskader zijn beantwoord.",
        "en": "Not all questions of the assessment framework have been answered.",
    },
}

# A date in words: '20 november 2026'. Keyed by the month's number.
MONTHS: dict[str, dict[str, str]] = {
    "1": {"nl": "januari", "en": "January"},
    "2": {"nl": "februari", "en": "February"},
    "3": {"nl": "maart", "en": "March"},
    "4": {"nl": "april", "en": "April"},
    "5": {"nl": "mei", "en": "May"},
    "6": {"nl": "juni", "en": "June"},
    "7": {"nl": "juli", "en": "July"},
    "8": {"nl": "augustus", "en": "August"},
    "9": {"nl": "september", "en": "September"},
    "10": {"nl": "oktober", "en": "October"},
    "11": {"nl": "november", "en": "November"},
    "12": {"nl": "december", "en": "December"},
}


# -- PDF (WeasyPrint) -------------------------------------------------------------------------------
_APT = "Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"

PDF_TEXTS: dict[str, dict[str, str]] = {
    "niet_beschikbaar": {
        "nl": f"PDF maken lukt niet: WeasyPrint of de Pango-bibliotheken ontbreken ({_APT})",
        "en": f"cannot make a PDF: WeasyPrint or the Pango libraries are missing ({_APT})",
    },
    "geweigerd": {"nl": "meldform laadt niets van buiten het document", "en": "meldform loads nothing from outside the document"},
}

# Who can read the document (melding-1.1.md, *Niet ter inzage, and who can read a melding*):
# shown near the top of every rendered melding and blank melding form, and of a dossiernotitie.
INZAGE: dict[str, dict[str, str]] = {
    "melding": {
        "nl": (
            "Let op: betrokkenen kunnen deze melding lezen. Volwassenen kunnen hun eigen dossier bij Veilig Thuis inzien; "
            "ouders met gezag ook dat van hun kind tot 16 jaar; een kind in principe vanaf 12 jaar zelf (van 12 tot 16 jaar "
            "kind én ouders, vanaf 16 jaar alleen het kind). Veilig Thuis houdt daarbij rekening met de belangen van anderen; "
            "u kunt per onderdeel vragen om ‘niet ter inzage’."
        ),
        "en": (
            "Note: those involved can read this report. Adults can see their own Veilig Thuis file; parents with parental "
            "authority also their child's, up to 16; a child can in principle ask from 12 (from 12 to 16 both child and "
            "parents, from 16 only the child). Veilig Thuis weighs the interests of others; you can ask for parts to be "
            "withheld ('niet ter inzage')."
        ),
    },
    "dossiernotitie": {
        "nl": "Deze vastlegging hoort bij het dossier van uw organisatie; betrokkenen kunnen hun dossier in de regel inzien.",
        "en": "This record belongs to your organisation's file; those involved can as a rule see their file.",
    },
    "markering": {
        "nl": "Verzoek aan Veilig Thuis: niet ter inzage voor betrokkenen ({reden})",
        "en": "Request to Veilig Thuis: not for inspection by those involved ({reden})",
    },
    "markering_kop": {"nl": "Niet ter inzage", "en": "Not for inspection"},
}

# VT's feedback beside the melder's expectation (``x-vergelijkMet``), one line per value.
COMPARISON: dict[str, dict[str, str]] = {
    "beide": {"nl": "{waarde}: verwacht en gedaan", "en": "{waarde}: expected and done"},
    "alleen_verwacht": {"nl": "{waarde}: verwacht, niet gedaan", "en": "{waarde}: expected, not done"},
    "alleen_gedaan": {"nl": "{waarde}: gedaan, niet verwacht", "en": "{waarde}: done, not expected"},
}
