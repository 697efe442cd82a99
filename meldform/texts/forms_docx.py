"""Every text of the blank Word form and of ``meldform import``, in Dutch (default) and English.

Read through :func:`meldform.texts.pick`. Words the rendered documents use as well (Ja,
Nee, Niet beantwoord, "of") are not repeated here: the form takes them from
``meldform.texts.words.WORDS``. Problems of an import
name the control, never what was typed into it.
"""

from __future__ import annotations

FORM_DOCX: dict[str, dict[str, str]] = {
    # -- the blank form -------------------------------------------------------------------------
    "instructie": {
        "nl": "Vul de grijze invulvelden in; keuzelijsten en datumvelden openen met een klik. Velden met * zijn verplicht. "
        "Lege blokken worden genegeerd. Klaar? Sla het formulier op als Word-bestand en stuur het naar de "
        "aandachtsfunctionaris van uw organisatie, of zet het in het systeem dat uw organisatie daarvoor heeft. "
        "Is er acuut gevaar? Bel 112. Twijfelt u of wilt u advies? Bel Veilig Thuis: 0800-2000 (gratis).",
        "en": "Fill in the grey fields; drop-down lists and date fields open with a click. Fields marked * are required. "
        "Empty blocks are ignored. Done? Save the form as a Word file and send it to your organisation's designated "
        "safeguarding officer (aandachtsfunctionaris), or upload it in the system your organisation uses for this. "
        "Is there acute danger? Call 112. In doubt or want advice? Call Veilig Thuis: 0800-2000 (free).",
    },
    "overig": {"nl": "Overige gegevens", "en": "Other details"},
    "slots": {
        "nl": "Het formulier heeft {n} blokken; vul er zoveel in als nodig, lege blokken worden genegeerd.",
        "en": "The form has {n} blocks; fill in as many as needed, empty blocks are ignored.",
    },
    "verplicht_als": {"nl": "Verplicht als «{veld}» {waarde} is.", "en": "Required if «{veld}» is {waarde}."},
    "niet": {"nl": "niet {waarde}", "en": "not {waarde}"},
    "hint_datum": {"nl": "Kies of typ een datum (d-m-jjjj).", "en": "Pick or type a date (d-m-yyyy)."},
    "hint_keuze": {"nl": "Kies een antwoord.", "en": "Choose an answer."},
    "geen_keuze_item": {"nl": "(geen keuze)", "en": "(no choice)"},
    "hint_getal": {"nl": "Een geheel getal.", "en": "A whole number."},
    "hint_getal_bereik": {"nl": "Een geheel getal van {min} tot en met {max}.", "en": "A whole number from {min} to {max}."},
    "hint_personen": {
        "nl": "Kenletters van de betrokkenen (zoals ingevuld bij Betrokkenen), gescheiden door komma's, bijvoorbeeld: a, b.",
        "en": "Ids of the persons concerned (as filled in under the persons), separated by commas, for example: a, b.",
    },
    "hint_persoon": {"nl": "De kenletter van een betrokkene (zoals ingevuld bij Betrokkenen).", "en": "The id of a person concerned."},
    "hint_persoon_melder": {
        "nl": "De kenletter van een betrokkene (zoals ingevuld bij Betrokkenen), of melder voor uzelf.",
        "en": "The id of a person concerned, or melder for yourself.",
    },
    "aankruisen": {"nl": "Kruis aan wat van toepassing is.", "en": "Tick all that apply."},
    "voettekst": {
        "nl": "Gemaakt met meldform. Ingevuld bevat dit formulier bijzondere persoonsgegevens.",
        "en": "Made with meldform. Once filled in, this form holds special categories of personal data.",
    },
    # -- problems of one control while importing (never quoting the content) --------------------
    "geen_getal": {"nl": "is geen geheel getal", "en": "is not a whole number"},
    "geen_datum": {"nl": "is geen geldige datum (gebruik d-m-jjjj)", "en": "is not a valid date (use d-m-yyyy)"},
    "geen_keuze": {"nl": "is geen van de keuzes in de lijst", "en": "is not one of the choices of the list"},
    "dubbel": {
        "nl": "komt meer dan eens voor in het formulier; alleen de eerste is gelezen",
        "en": "occurs more than once in the form; only the first was read",
    },
    "onbekend": {"nl": "onbekend invulveld (tag {tag}); overgeslagen", "en": "unknown field (tag {tag}); skipped"},
    # -- the whole file is no (readable) form ---------------------------------------------------
    "geen_docx": {"nl": "is geen Word-bestand (.docx)", "en": "is not a Word file (.docx)"},
    "geen_formulier": {
        "nl": "is geen meldform-formulier (maak een leeg formulier met: meldform blank --format docx)",
        "en": "is not a meldform form (make a blank form with: meldform blank --format docx)",
    },
    "geen_invulvelden": {
        "nl": "bevat geen invulvelden van meldform meer; is het opgeslagen met een programma dat inhoudsbesturingselementen niet bewaart?",
        "en": "holds no meldform fields any more; was it saved by a program that does not keep content controls?",
    },
    "onbekende_variant": {"nl": "is een meldform-formulier van een onbekende soort of sector", "en": "is a meldform form of an unknown kind or sector"},
    "nieuwere_versie": {
        "nl": "is gemaakt met een nieuwere versie van meldform (formulierversie {versie})",
        "en": "was made by a newer meldform (form version {versie})",
    },
    "te_groot": {"nl": "is te groot voor een formulier", "en": "is too large for a form"},
}
