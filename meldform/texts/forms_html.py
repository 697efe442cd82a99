"""The words of the blank HTML form's own interface (not of the schema), Dutch and English.

The script of the form (``templates/form.js``) gets the ones it shows as a JSON object; the
template formats the others itself.
"""

from __future__ import annotations

FORM_WORDS: dict[str, dict[str, str]] = {
    "uitleg": {
        "nl": "Vul het formulier in en kies 'Opslaan als bestand'. U kunt dat bestand later weer openen om verder te gaan. "
        "Klaar? Stuur het opgeslagen bestand naar de aandachtsfunctionaris van uw organisatie, of zet het in het systeem "
        "dat uw organisatie daarvoor heeft. Is er acuut gevaar? Bel 112. Twijfelt u of wilt u advies? Bel Veilig Thuis: "
        "0800-2000 (gratis). Het formulier werkt zonder internet en bewaart niets in de browser.",
        "en": "Fill in the form and choose 'Save as file'. You can open that file again later to continue. "
        "Done? Send the saved file to your organisation's designated safeguarding officer (aandachtsfunctionaris), or "
        "upload it in the system your organisation uses for this. Is there acute danger? Call 112. In doubt or want advice? "
        "Call Veilig Thuis: 0800-2000 (free). The form works without internet and stores nothing in the browser.",
    },
    "privacy": {
        "nl": "Het opgeslagen bestand bevat bijzondere persoonsgegevens: bewaar het veilig en deel het alleen met wie het nodig heeft.",
        "en": "The saved file contains special categories of personal data: keep it safe and share it only with those who need it.",
    },
    "verplicht_uitleg": {"nl": "Velden met een * zijn verplicht.", "en": "Fields marked * are required."},
    "openen": {"nl": "Opgeslagen formulier openen", "en": "Open a saved form"},
    "opslaan": {"nl": "Opslaan als bestand", "en": "Save as file"},
    "afdrukken": {"nl": "Afdrukken", "en": "Print"},
    "niet_nodig": {
        "nl": "Volgens het afwegingskader is deze vraag nu niet aan de orde. U mag haar toch beantwoorden; het antwoord wordt bewaard.",
        "en": "According to the assessment framework this question does not apply now. You may still answer it; the answer is kept.",
    },
    "kies": {"nl": "— kies —", "en": "— choose —"},
    "toevoegen": {"nl": "{label} toevoegen", "en": "Add {label}"},
    "verwijderen": {"nl": "Verwijderen", "en": "Remove"},
    "verwijder_item": {"nl": "{titel} verwijderen", "en": "Remove {titel}"},
    "vorm": {"nl": "Vorm: {hint}.", "en": "Form: {hint}."},
    "datum_hint": {"nl": "dd-mm-jjjj", "en": "dd-mm-yyyy"},
    "datum_vorm_fout": {
        "nl": "Typ de datum als dag-maand-jaar, bijvoorbeeld 01-12-2026.",
        "en": "Type the date as day-month-year, for example 01-12-2026.",
    },
    "datum_bestaat_niet": {
        "nl": "Deze datum bestaat niet: controleer de dag en de maand.",
        "en": "This date does not exist: check the day and the month.",
    },
    "datum_jaar": {
        "nl": "Controleer het jaar: typ het met vier cijfers, bijvoorbeeld 2026.",
        "en": "Check the year: type it in four digits, for example 2026.",
    },
    "geen_personen": {
        "nl": "Nog niemand om te kiezen: voeg eerst {bronnen} toe; daarna kunt u hier kiezen.",
        "en": "Nobody to choose yet: first add {bronnen}; then you can choose here.",
    },
    "onbekende_persoon": {"nl": "{id} (niet gevonden)", "en": "{id} (not found)"},
    "id_dubbel": {"nl": "Deze aanduiding is al gebruikt voor een andere persoon.", "en": "This label is already used for another person."},
    "id_gereserveerd": {
        "nl": "'{id}' is gereserveerd voor de melder; kies een andere aanduiding.",
        "en": "'{id}' is reserved for the reporter; choose another label.",
    },
    "kies_minstens_een": {"nl": "Kies minstens één.", "en": "Choose at least one."},
    "te_lange_regel": {"nl": "Een regel is te lang (hoogstens {max} tekens).", "en": "A line is too long (at most {max} characters)."},
    "leeg": {"nl": "Vul dit veld in (niet alleen spaties).", "en": "Fill in this field (not only spaces)."},
    "fout_verplicht": {"nl": "vul dit in", "en": "fill this in"},
    "fout_vorm": {"nl": "heeft niet de juiste vorm", "en": "does not have the right form"},
    "fout_te_lang": {"nl": "is te lang", "en": "is too long"},
    "fout_bereik": {"nl": "moet tussen {min} en {max} liggen", "en": "must be between {min} and {max}"},
    "fout_ongeldig": {"nl": "is ongeldig", "en": "is invalid"},
    "fouten_kop": {"nl": "Het formulier is nog niet compleet", "en": "The form is not complete yet"},
    "fouten_uitleg": {
        "nl": "Vul deze velden aan of verbeter ze. U kunt het formulier ook als concept opslaan en later verder gaan.",
        "en": "Complete or correct these fields. You can also save the form as a draft and continue later.",
    },
    "toch_opslaan": {"nl": "Toch opslaan als concept", "en": "Save as draft anyway"},
    "opgeslagen": {"nl": "Opgeslagen als {bestand}.", "en": "Saved as {bestand}."},
    "concept_opgeslagen": {
        "nl": "Opgeslagen als {bestand} (concept: nog niet compleet).",
        "en": "Saved as {bestand} (draft: not complete yet).",
    },
    "geladen": {"nl": "{bestand} is geopend.", "en": "{bestand} has been opened."},
    "niet_geladen": {"nl": "{bestand} is niet geopend: {reden}", "en": "{bestand} was not opened: {reden}"},
    "oude_versie": {
        "nl": "het is gemaakt met een oudere versie van het formulier; vraag uw aandachtsfunctionaris het om te zetten "
        "naar de nieuwe versie en open dan het omgezette bestand.",
        "en": "it was made with an older version of the form; ask your designated safeguarding officer (aandachtsfunctionaris) "
        "to convert it to the new version, then open the converted file.",
    },
    "geen_json": {"nl": "dit is geen opgeslagen formulier, of het bestand is beschadigd.", "en": "this is not a saved form, or the file is damaged."},
    "geen_object": {"nl": "het bestand bevat geen melding.", "en": "the file does not contain a melding."},
    "ander_formulier": {
        "nl": "dit bestand hoort bij {veld} '{gevonden}', dit formulier is voor {veld} '{verwacht}'. Open het in het formulier dat daarbij hoort.",
        "en": "this file belongs to {veld} '{gevonden}', this form is for {veld} '{verwacht}'. Open it in the matching form.",
    },
    "niet_overgenomen": {
        "nl": "Let op: deze gegevens uit het bestand passen niet in dit formulier en worden niet opnieuw opgeslagen: {paden}.",
        "en": "Note: these data from the file do not fit this form and will not be saved again: {paden}.",
    },
    "onbekend_deel": {"nl": "onbekend onderdeel '{naam}'", "en": "unknown part '{naam}'"},
    "onderdeel_leeg": {"nl": "{onderdeel} (nu leeg)", "en": "{onderdeel} (now empty)"},
    "geen_onderdelen": {
        "nl": "Nog niets om te kiezen: vul eerst de onderdelen van het formulier in; daarna kunt u hier kiezen.",
        "en": "Nothing to choose yet: first fill in the parts of the form; then you can choose here.",
    },
    "heel_bestand": {"nl": "het hele bestand", "en": "the whole file"},
    "niet_opgeslagen_weg": {
        "nl": "Er zijn wijzigingen die nog niet zijn opgeslagen.",
        "en": "There are changes that have not been saved.",
    },
    "voettekst": {
        "nl": "Leeg formulier gemaakt met meldform. Uw gegevens blijven op deze computer tot u het bestand zelf opslaat en deelt.",
        "en": "Blank form made with meldform. Your data stay on this computer until you save and share the file yourself.",
    },
}
