"""Every sentence a user reads about a finding or a file that cannot be read, Dutch and English.

Messages name the field ("Betrokkenen › Kind 1 › Burgerservicenummer (BSN)"), never the value
that was entered: a BSN, a name or an address must not end up in a log or a terminal.
"""

from __future__ import annotations

# Finding codes: structural (from the schema) and the rules of melding-1.0.md.
FINDINGS: dict[str, dict[str, str]] = {
    # -- structure ------------------------------------------------------------------------
    "onleesbaar": {"nl": "{reden}", "en": "{reden}"},
    "verplicht": {"nl": "{veld} ontbreekt; dit veld is verplicht", "en": "{veld} is missing; this field is required"},
    "verplicht_een_van": {
        "nl": "{veld}: vul {velden} in",
        "en": "{veld}: fill in {velden}",
    },
    "onbekend_veld": {
        "nl": "{veld}: onbekend veld '{sleutel}'{hint}",
        "en": "{veld}: unknown field '{sleutel}'{hint}",
    },
    "type": {"nl": "{veld} moet {verwacht} zijn{hint}", "en": "{veld} must be {verwacht}{hint}"},
    "keuze": {"nl": "{veld}: geen geldige keuze; kies uit {keuzes}", "en": "{veld}: not a valid choice; choose from {keuzes}"},
    "vaste_waarde": {"nl": "{veld} moet '{waarde}' zijn{uitleg}", "en": "{veld} must be '{waarde}'{uitleg}"},
    "formaat": {"nl": "{veld} heeft niet de juiste vorm{uitleg}", "en": "{veld} does not have the right form{uitleg}"},
    "datum_formaat": {
        "nl": "{veld} is geen geldige datum (schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-20)",
        "en": "{veld} is not a valid date (write YYYY-MM-DD, e.g. 2026-11-20)",
    },
    "email_formaat": {
        "nl": "{veld} is geen geldig e-mailadres (één @ en een domein met een punt)",
        "en": "{veld} is not a valid email address (one @ and a domain with a dot)",
    },
    "leeg": {"nl": "{veld} is leeg; vul dit in", "en": "{veld} is empty; please fill it in"},
    "te_lang": {"nl": "{veld} is te lang (hoogstens {max} tekens)", "en": "{veld} is too long (at most {max} characters)"},
    "te_kort": {"nl": "{veld} is te kort (minstens {min} tekens)", "en": "{veld} is too short (at least {min} characters)"},
    "bereik": {"nl": "{veld} moet tussen {min} en {max} liggen", "en": "{veld} must be between {min} and {max}"},
    "te_weinig": {"nl": "{veld}: noem er minstens {min}", "en": "{veld}: give at least {min}"},
    "dubbel": {"nl": "{veld} bevat een waarde twee keer", "en": "{veld} contains a value twice"},
    "niet_van_toepassing": {
        "nl": "{veld} hoort hier niet bij{uitleg}",
        "en": "{veld} does not belong here{uitleg}",
    },
    "niet_toegestaan": {"nl": "{veld}: deze waarde is hier niet toegestaan{uitleg}", "en": "{veld}: this value is not allowed here{uitleg}"},
    "geen_betrokkenen": {
        "nl": "{veld}: noem minstens één kind of één volwassene",
        "en": "{veld}: name at least one child or one adult",
    },
    "ongeldig": {"nl": "{veld} is ongeldig", "en": "{veld} is invalid"},
    # -- rules ---------------------------------------------------------------------------
    "elfproef": {
        "nl": "{veld} klopt niet (elfproef); controleer het nummer",
        "en": "{veld} is not valid (eleven test); check the number",
    },
    "datum_toekomst": {
        "nl": "{veld} ligt na {grens}",
        "en": "{veld} lies after {grens}",
    },
    "onbekende_betrokkene": {
        "nl": "{veld} verwijst naar een persoon die niet bij de kinderen of volwassenen staat",
        "en": "{veld} refers to a person who is not listed among the children or adults",
    },
    "dubbele_betrokkene": {
        "nl": "{veld}: twee personen hebben dezelfde aanduiding",
        "en": "{veld}: two persons share the same label",
    },
    "kind_meerderjarig": {
        "nl": "{veld}: volgens de geboortedatum is dit kind op de datum van de melding 18 jaar of ouder; zet de persoon bij de volwassenen",
        "en": "{veld}: by the date of birth this child is 18 or older on the date of the melding; list the person among the adults",
    },
    "advies_identificerend": {
        "nl": "{veld} maakt het gezin herkenbaar; een adviesvraag is anoniem, laat dit weg",
        "en": "{veld} identifies the family; an adviesvraag is anonymous, leave it out",
    },
    "advies_tekst_identificerend": {
        "nl": "{veld} lijkt {soorten} te bevatten; een adviesvraag is anoniem, laat dit weg of gebruik een aanduiding als kind1 of moeder",
        "en": "{veld} seems to contain {soorten}; an adviesvraag is anonymous, leave this out or use a label such as kind1 or moeder",
    },
    "advies_id_herkenbaar": {
        "nl": "{veld} is geen algemene aanduiding en kan een naam zijn; gebruik in een adviesvraag een aanduiding als kind1, moeder of vader",
        "en": "{veld} is no generic label and may be a name; in an adviesvraag use a label such as kind1, moeder or vader",
    },
    "melden_verplicht": {
        "nl": "{veld}: volgens het afwegingskader is melden de professionele norm ({reden}), maar het besluit is niet melden",
        "en": "{veld}: under the afwegingskader reporting is the professional norm ({reden}), but the decision is not to report",
    },
    "besluit_niet_melden": {
        "nl": (
            "{veld}: het besluit is niet melden en het afwegingskader vraagt dat ook niet; "
            "dit is dan geen melding (leg het vast als dossiernotitie, of stel een adviesvraag)"
        ),
        "en": (
            "{veld}: the decision is not to report and the afwegingskader does not require it; "
            "then this is no melding (record it as a dossiernotitie, or ask for advice)"
        ),
    },
    "geen_vermoeden": {
        "nl": "{veld}: er is geen vermoeden; volgens het afwegingskader sluit u dan af en legt u dat vast in het dossier",
        "en": "{veld}: there is no suspicion; the afwegingskader says to close and record this in the file",
    },
    "acuut_telefonisch": {
        "nl": "{veld}: er is acute onveiligheid; meld dit ook telefonisch. Bij acuut gevaar: bel 112. Veilig Thuis: 0800-2000 (gratis, 24 uur per dag).",
        "en": "{veld}: there is acute unsafety; also report it by phone. In acute danger: call 112. Veilig Thuis: 0800-2000 (free, 24 hours a day).",
    },
    "hermelding": {
        "nl": (
            "{veld}: binnen {jaren} jaar zijn al {aantal} eerdere meldingen gedaan; dit is minstens dossier {dossiers} "
            "(hermeldingsprotocol: instelling {dossiers} dossiers in {jaren} jaar, afkomstig van Veilig Thuis Gelderland-Midden)"
        ),
        "en": (
            "{veld}: {aantal} earlier meldingen were made within {jaren} years; this makes at least dossier {dossiers} "
            "(re-report protocol: setting {dossiers} dossiers in {jaren} years, from Veilig Thuis Gelderland-Midden)"
        ),
    },
    "geen_hulp_geen_melding": {
        "nl": (
            "{veld}: er is een vermoeden, maar u meldt niet en biedt of organiseert zelf geen hulp; zo doet niemand iets. "
            "Kunt u geen hulp bieden of organiseren, dan is melden volgens het afwegingskader de professionele norm (vraag 3)"
        ),
        "en": (
            "{veld}: there is a suspicion, but you neither report nor offer or organise help; then nobody acts. "
            "If you cannot offer or organise help, reporting is the professional norm under the afwegingskader (question 3)"
        ),
    },
    "herbeoordeling_ontbreekt": {
        "nl": "{veld} ontbreekt: u biedt hulp en meldt niet; leg vast wanneer u vraag 5 opnieuw beantwoordt (leidt de hulp tot veiligheid?)",
        "en": "{veld} is missing: you offer help and do not report; record when you will answer question 5 again (does the help bring safety?)",
    },
    "herbeoordeling_verstreken": {
        "nl": "{veld} is verstreken: beantwoord vraag 5 opnieuw; leidt de hulp niet tot veiligheid, meld dan bij Veilig Thuis",
        "en": "{veld} has passed: answer question 5 again; if the help does not bring safety, report to Veilig Thuis",
    },
    "ernst_onderschat": {
        "nl": (
            "{veld}: zonder signalen bij het kind en met een volwassene die het geweld bagatelliseert wordt de ernst "
            "gemakkelijk onderschat; vraag Veilig Thuis om dit samen met u te wegen"
        ),
        "en": (
            "{veld}: without signals from the child and with an adult playing the violence down, its seriousness is "
            "easily underestimated; ask Veilig Thuis to weigh it with you"
        ),
    },
    "terugkoppeling_datum": {
        "nl": "{veld} ligt voor de datum van de melding; Veilig Thuis koppelt pas na de melding terug",
        "en": "{veld} lies before the date of the melding; Veilig Thuis reports back only after the melding",
    },
    "niet_ter_inzage_pad": {
        "nl": "{veld} wijst geen onderdeel van deze melding aan (of een onderdeel dat altijd zichtbaar is, zoals soort, sector, kenmerk of datum)",
        "en": "{veld} does not point to a part of this melding (or points to a part that is always visible, such as soort, sector, kenmerk or date)",
    },
    "herbeoordeling_datum": {
        "nl": "{veld} ligt op of voor de datum van het document; kies een latere datum om vraag 5 opnieuw te beantwoorden",
        "en": "{veld} is on or before the date of the document; choose a later date to answer question 5 again",
    },
    "ernst_zonder_onveiligheid": {
        "nl": (
            "{veld}: de vragen naar de ernst wijzen op structurele onveiligheid ({reden}), maar die is niet ingeschat; "
            "weeg dit opnieuw, eventueel met Veilig Thuis"
        ),
        "en": (
            "{veld}: the questions about seriousness point to structural unsafety ({reden}), but none was judged present; "
            "weigh this again, possibly with Veilig Thuis"
        ),
    },
    "veiligheidscijfers_uiteenlopend": {
        "nl": "{veld}: de veiligheidscijfers van betrokkenen lopen {verschil} punten uiteen; dat is zelf een signaal",
        "en": "{veld}: the safety scores of those involved differ by {verschil} points; that is a signal in itself",
    },
    "advies_vt_gezondheidszorg": {
        "nl": "{veld}: volgens de KNMG-meldcode raadpleegt een arts of tandarts Veilig Thuis voordat hij of zij meldt",
        "en": "{veld}: under the KNMG code a doctor or dentist consults Veilig Thuis before reporting",
    },
    "geen_vertrouwensinspecteur": {
        "nl": (
            "{veld}: een vermoeden over een medewerker meldt u niet bij Veilig Thuis; meld dit aan {wie}: "
            "dat overlegt met de vertrouwensinspecteur en doet aangifte bij een redelijk vermoeden van een strafbaar feit"
        ),
        "en": (
            "{veld}: a suspicion about a staff member is not reported to Veilig Thuis; report it to {wie}, who consults the "
            "confidential inspector (vertrouwensinspecteur) and reports to the police when there is a reasonable suspicion of a criminal offence"
        ),
    },
    "geen_adviesvraag": {
        "nl": "{veld} ontbreekt: schrijf uw vraag aan Veilig Thuis op, dan kan Veilig Thuis gericht adviseren",
        "en": "{veld} is missing: write down your question to Veilig Thuis, so that Veilig Thuis can advise to the point",
    },
    "twijfel_advies_vt": {
        "nl": "{veld}: u twijfelt over de onveiligheid; raadpleeg bij twijfel Veilig Thuis (0800-2000) en leg het advies vast",
        "en": "{veld}: you are in doubt about the unsafety; when in doubt, consult Veilig Thuis (0800-2000) and record its advice",
    },
    "uitgerekende_datum": {
        "nl": "{veld} ligt meer dan 30 dagen vóór of meer dan 300 dagen na de datum van de melding",
        "en": "{veld} lies more than 30 days before or more than 300 days after the date of the melding",
    },
}

# A short name per finding code, for a heading or a table row where the code itself would stand
# (rapport.html, "Per bevinding"); the sentence in FINDINGS says what is wrong and where. One entry
# per code meldform can report (tests/test_report_batch.py derives the codes from the sources).
FINDING_LABELS: dict[str, dict[str, str]] = {
    # -- structure ------------------------------------------------------------------------
    "onleesbaar": {"nl": "Onleesbaar bestand", "en": "Unreadable file"},
    "verplicht": {"nl": "Verplicht veld ontbreekt", "en": "Required field missing"},
    "onbekend_veld": {"nl": "Onbekend veld", "en": "Unknown field"},
    "type": {"nl": "Verkeerde soort waarde", "en": "Wrong kind of value"},
    "keuze": {"nl": "Keuze niet in de lijst", "en": "Choice not in the list"},
    "vaste_waarde": {"nl": "Verkeerde vaste waarde", "en": "Wrong fixed value"},
    "formaat": {"nl": "Onjuiste vorm", "en": "Wrong format"},
    "leeg": {"nl": "Leeg veld", "en": "Empty field"},
    "te_lang": {"nl": "Te lang", "en": "Too long"},
    "te_kort": {"nl": "Te kort", "en": "Too short"},
    "bereik": {"nl": "Buiten het toegestane bereik", "en": "Out of range"},
    "te_weinig": {"nl": "Te weinig genoemd", "en": "Too few given"},
    "dubbel": {"nl": "Dubbele waarde", "en": "Duplicate value"},
    "niet_van_toepassing": {"nl": "Veld hoort hier niet bij", "en": "Field does not belong here"},
    "niet_toegestaan": {"nl": "Waarde niet toegestaan", "en": "Value not allowed"},
    "geen_betrokkenen": {"nl": "Geen betrokkenen genoemd", "en": "No persons involved named"},
    "ongeldig": {"nl": "Ongeldige waarde", "en": "Invalid value"},
    # -- rules ---------------------------------------------------------------------------
    "elfproef": {"nl": "BSN klopt niet (elfproef)", "en": "BSN fails the eleven test"},
    "datum_toekomst": {"nl": "Datum na vandaag of na de melding", "en": "Date after today or after the melding"},
    "onbekende_betrokkene": {"nl": "Verwijzing naar een onbekende persoon", "en": "Reference to an unknown person"},
    "dubbele_betrokkene": {"nl": "Twee personen met dezelfde aanduiding", "en": "Two persons with the same label"},
    "kind_meerderjarig": {"nl": "Kind is 18 jaar of ouder", "en": "Child is 18 or older"},
    "advies_identificerend": {"nl": "Adviesvraag maakt het gezin herkenbaar", "en": "Adviesvraag identifies the family"},
    "advies_tekst_identificerend": {"nl": "Herkenbare gegevens in de tekst van een adviesvraag", "en": "Identifying data in the text of an adviesvraag"},
    "advies_id_herkenbaar": {"nl": "Aanduiding in een adviesvraag lijkt een naam", "en": "Label in an adviesvraag looks like a name"},
    "melden_verplicht": {"nl": "Melden is de professionele norm", "en": "Reporting is the professional norm"},
    "besluit_niet_melden": {"nl": "Besluit niet melden: dit is geen melding", "en": "Decision not to report: this is no melding"},
    "geen_vermoeden": {"nl": "Geen vermoeden", "en": "No suspicion"},
    "acuut_telefonisch": {"nl": "Acute onveiligheid: meld ook telefonisch", "en": "Acute unsafety: also report by phone"},
    "hermelding": {"nl": "Hermelding: eerdere meldingen binnen de termijn", "en": "Re-report: earlier meldingen within the period"},
    "geen_hulp_geen_melding": {"nl": "Geen hulp en geen melding", "en": "Neither help nor a melding"},
    "herbeoordeling_ontbreekt": {"nl": "Datum herbeoordeling ontbreekt", "en": "Date of reassessment missing"},
    "herbeoordeling_verstreken": {"nl": "Datum herbeoordeling verstreken", "en": "Date of reassessment has passed"},
    "herbeoordeling_datum": {"nl": "Datum herbeoordeling te vroeg", "en": "Date of reassessment too early"},
    "ernst_onderschat": {"nl": "Ernst mogelijk onderschat", "en": "Seriousness possibly underestimated"},
    "ernst_zonder_onveiligheid": {"nl": "Ernst wijst op structurele onveiligheid", "en": "Seriousness points to structural unsafety"},
    "terugkoppeling_datum": {"nl": "Terugkoppeling vóór de melding", "en": "Feedback before the melding"},
    "niet_ter_inzage_pad": {"nl": "Niet ter inzage: onderdeel niet gevonden", "en": "Not for inspection: part not found"},
    "veiligheidscijfers_uiteenlopend": {"nl": "Veiligheidscijfers lopen uiteen", "en": "Safety scores differ widely"},
    "advies_vt_gezondheidszorg": {"nl": "Arts of tandarts: raadpleeg eerst Veilig Thuis", "en": "Doctor or dentist: consult Veilig Thuis first"},
    "geen_vertrouwensinspecteur": {"nl": "Vermoeden over een medewerker: niet bij Veilig Thuis", "en": "Suspicion about a staff member: not to Veilig Thuis"},
    "geen_adviesvraag": {"nl": "Vraag aan Veilig Thuis ontbreekt", "en": "Question to Veilig Thuis missing"},
    "twijfel_advies_vt": {"nl": "Twijfel: raadpleeg Veilig Thuis", "en": "In doubt: consult Veilig Thuis"},
    "uitgerekende_datum": {"nl": "Uitgerekende datum onwaarschijnlijk", "en": "Due date implausible"},
}

LOAD_REASONS: dict[str, dict[str, str]] = {
    "niet_gevonden": {"nl": "bestand niet gevonden", "en": "file not found"},
    "map": {"nl": "dit is een map, geen bestand", "en": "this is a folder, not a file"},
    "geen_leesrechten": {"nl": "geen leesrechten voor dit bestand", "en": "no permission to read this file"},
    "os_fout": {"nl": "bestand kan niet gelezen worden", "en": "file cannot be read"},
    "geen_utf8": {"nl": "het bestand is geen UTF-8-tekst; sla het op als UTF-8", "en": "the file is not UTF-8 text; save it as UTF-8"},
    "te_groot": {"nl": "het bestand is groter dan 10 MB; dat is geen melding", "en": "the file is larger than 10 MB; that is not a melding"},
    "leeg": {"nl": "het bestand is leeg", "en": "the file is empty"},
    "json": {"nl": "geen geldige JSON", "en": "not valid JSON"},
    "yaml": {"nl": "geen geldige YAML", "en": "not valid YAML"},
    "yaml_waarde": {
        "nl": "geen geldige YAML: bevat een waarde die geen tekst, getal, ja/nee of lijst is",
        "en": "not valid YAML: contains a value that is not text, a number, a boolean or a list",
    },
    "yaml_lus": {
        "nl": "geen geldige melding: een YAML-verwijzing (*) verwijst naar zichzelf",
        "en": "not a valid melding: a YAML alias (*) refers to itself",
    },
    "yaml_te_groot": {
        "nl": "geen geldige melding: de YAML-verwijzingen (*) maken het document onredelijk groot",
        "en": "not a valid melding: the YAML aliases (*) make the document unreasonably large",
    },
    "dubbele_sleutel": {"nl": "een sleutel komt twee keer voor in hetzelfde object", "en": "a key occurs twice in the same object"},
    "sleutel_geen_tekst": {"nl": "een sleutel moet tekst zijn", "en": "a key must be text"},
    "geen_json_waarde": {"nl": "bevat NaN of Infinity; dat is geen geldige JSON", "en": "contains NaN or Infinity; that is not valid JSON"},
    "te_diep": {"nl": "te diep genest", "en": "nested too deeply"},
    "geen_object": {"nl": "het document moet een object zijn (tussen {{ en }})", "en": "the document must be an object (between {{ and }})"},
}

FINDING_WORDS: dict[str, dict[str, str]] = {
    "document": {"nl": "Document", "en": "Document"},
    "regel": {"nl": "regel", "en": "line"},
    "kolom": {"nl": "kolom", "en": "column"},
    "nr": {"nl": "nr.", "en": "no."},
    "quote_hint": {
        "nl": " (zet de waarde tussen aanhalingstekens; zonder aanhalingstekens wordt het een getal en verdwijnt bijvoorbeeld een voorloopnul)",
        "en": " (put the value in quotes; without quotes it becomes a number and, for example, a leading zero is lost)",
    },
    "andere_soort": {"nl": " (dit veld hoort niet bij deze soort document)", "en": " (this field does not belong to this kind of document)"},
    "andere_sector": {"nl": " (dit veld hoort bij sector {sector})", "en": " (this field belongs to sector {sector})"},
    "datum_melding": {"nl": "de datum van de melding", "en": "the date of the melding"},
    "vandaag": {"nl": "vandaag", "en": "today"},
    "reden_acuut": {"nl": "acute onveiligheid", "en": "acute unsafety"},
    "reden_structureel": {"nl": "structurele onveiligheid", "en": "structural unsafety"},
    "reden_twijfel_onderwijs": {"nl": "twijfel bij vraag 2 (onderwijs: direct melden)", "en": "doubt at question 2 (education: report directly)"},
    "wie_onderwijs": {"nl": "het bevoegd gezag", "en": "the school board (bevoegd gezag)"},
    "wie_kinderopvang": {"nl": "de houder", "en": "the operator (houder)"},
    "reden_vraag": {"nl": "vraag {nr} is met nee beantwoord", "en": "question {nr} was answered no"},
    "ongeboren": {"nl": " bij een ongeboren kind", "en": " for an unborn child"},
    "geen_contacten": {"nl": " als Veilig Thuis niet eerder betrokken was", "en": " when Veilig Thuis was not involved before"},
    "gereserveerd": {"nl": " ('{melder}' is gereserveerd voor uzelf)", "en": " ('{melder}' is reserved for yourself)"},
    "ernst_herhaling_dreiging": {"nl": "herhaling en dreiging", "en": "repetition and threat"},
    "ernst_escalatie": {"nl": "escalatie", "en": "escalation"},
    "ernst_kindGetuige": {"nl": "een kind is getuige van huiselijk geweld", "en": "a child witnesses domestic violence"},
    "soort_bsn": {"nl": "een BSN", "en": "a BSN"},
    "soort_postcode_huisnummer": {"nl": "een adres (postcode en huisnummer)", "en": "an address (postcode and house number)"},
    "soort_geboortedatum": {"nl": "een geboortedatum", "en": "a date of birth"},
    "soort_naam": {"nl": "een naam", "en": "a name"},
    "versie_1_0": {"nl": " (versie '1.0' wordt ook gelezen en omgezet naar 1.1)", "en": " (version '1.0' is also read and converted to 1.1)"},
}

TYPE_NAMES: dict[str, dict[str, str]] = {
    "string": {"nl": "tekst", "en": "text"},
    "integer": {"nl": "een geheel getal", "en": "a whole number"},
    "number": {"nl": "een getal", "en": "a number"},
    "boolean": {"nl": "ja of nee (true of false)", "en": "yes or no (true or false)"},
    "object": {"nl": "een object (tussen {{ en }})", "en": "an object (between {{ and }})"},
    "array": {"nl": "een lijst (tussen [ en ])", "en": "a list (between [ and ])"},
    "null": {"nl": "leeg (null)", "en": "empty (null)"},
}

REPORT: dict[str, dict[str, str]] = {
    "samenvatting": {
        "nl": "{bestanden} bestand(en) gecontroleerd: {geldig} geldig, {ongeldig} ongeldig; {fouten} fout(en), {waarschuwingen} waarschuwing(en)",
        "en": "{bestanden} file(s) checked: {geldig} valid, {ongeldig} invalid; {fouten} error(s), {waarschuwingen} warning(s)",
    },
}

ERNST_LABELS: dict[str, dict[str, str]] = {
    "fout": {"nl": "fout", "en": "error"},
    "waarschuwing": {"nl": "waarschuwing", "en": "warning"},
}
