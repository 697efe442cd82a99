"""What the command line says: written files, usage errors, interruptions, and its --help.

``--help`` is Dutch (the command line's language); the English texts are kept complete so a
``--lang``-aware help needs no new wording.
"""

from __future__ import annotations

OUTPUT: dict[str, dict[str, str]] = {
    "geschreven": {"nl": "{bestand}: geschreven naar {doel}", "en": "{bestand}: written to {doel}"},
    "formulier_geschreven": {"nl": "formulier geschreven naar {doel}", "en": "form written to {doel}"},
    # every command that refuses to overwrite says it this way (``meldform render``: prefixed by the input file)
    "bestaat_al": {
        "nl": "{doel} bestaat al; niet overschreven (gebruik --force om te overschrijven)",
        "en": "{doel} already exists; not overwritten (use --force to overwrite)",
    },
    "map_niet_schrijfbaar": {
        "nl": "uitvoermap {map} is niet te maken of niet beschrijfbaar",
        "en": "output folder {map} cannot be created or is not writable",
    },
    "niet_schrijfbaar": {"nl": "{doel} is niet te schrijven", "en": "{doel} cannot be written"},
}

# The one error handler of the command line (``meldform.cli.handle_errors``).
ERRORS: dict[str, dict[str, str]] = {
    "afgebroken": {"nl": "afgebroken", "en": "interrupted"},
    "interne_fout": {
        "nl": "interne fout ({soort}); zet MELDFORM_DEBUG=1 voor details",
        "en": "internal error ({soort}); set MELDFORM_DEBUG=1 for details",
    },
}

HELP: dict[str, dict[str, str]] = {
    "main": {
        "nl": "meldform: maak, controleer en toon meldingen voor Veilig Thuis.",
        "en": "meldform: make, check and show meldingen for Veilig Thuis.",
    },
    "sectors": {"nl": "Toon de sectoren: sleutel en label.", "en": "Show the sectors: key and label."},
    "schema": {
        "nl": "Druk het JSON Schema af, zelfstandig (alle $refs binnen het document).",
        "en": "Print the JSON Schema, self-contained (every $ref inside the document).",
    },
    "validate": {
        "nl": "Controleer meldingen (JSON of YAML; '-' leest van stdin).",
        "en": "Check meldingen (JSON or YAML; '-' reads from stdin).",
    },
    "render": {
        "nl": "Zet geldige meldingen om naar <kenmerk>.html, <kenmerk>.docx of <kenmerk>.pdf.",
        "en": "Turn valid meldingen into <kenmerk>.html, <kenmerk>.docx or <kenmerk>.pdf.",
    },
    "blank": {
        "nl": "Een leeg, invulbaar formulier voor één sector (HTML of Word).",
        "en": "A blank, fillable form for one sector (HTML or Word).",
    },
    "import": {
        "nl": "Lees een ingevuld Word-formulier terug als melding (JSON op stdout; '-' leest van stdin).",
        "en": "Read a filled-in Word form back as a melding (JSON on stdout; '-' reads stdin).",
    },
    "batch": {
        "nl": "Controleer en zet veel meldingen om (bestanden en mappen, recursief).",
        "en": "Check and convert many meldingen (files and folders, recursively).",
    },
    "serve": {
        "nl": "Start de HTTP-dienst (valideren, renderen, formulieren, schema; OpenAPI op /openapi.json).",
        "en": "Start the HTTP service (validate, render, forms, schema; OpenAPI at /openapi.json).",
    },
    # options
    "lang_labels": {"nl": "Taal van de labels.", "en": "Language of the labels."},
    "lang_meldingen": {"nl": "Taal van de meldingen.", "en": "Language of the messages."},
    "sector_alleen": {"nl": "Alleen deze sector.", "en": "Only this sector."},
    "herhalingen": {
        "nl": "Alleen Word: zoveel lege blokken per herhaald onderdeel (kinderen, volwassenen, signalen, ...) in plaats van het standaardaantal.",
        "en": "Word only: this many empty blocks per repeated part (children, adults, signals, ...) instead of the default number.",
    },
    "soort_alleen": {
        "nl": "Alleen deze soort: melding, advies(vraag) of dossiernotitie.",
        "en": "Only this kind: melding, advies (request for advice) or dossiernotitie (file note).",
    },
    "zonder_annotaties": {
        "nl": "Zonder de x-annotaties van meldform (labels, formulierhints): voor validators die onbekende sleutelwoorden weigeren, zoals Ajv (strict).",
        "en": "Without meldform's x- annotations (labels, form hints): for validators that refuse unknown keywords, such as Ajv (strict).",
    },
    "hermelding_dossiers": {
        "nl": (
            "Drempel van de regel hermelding: waarschuw vanaf het N-de dossier (minstens 2). "
            "De standaard 3 in 5 jaar is het protocol van Veilig Thuis Gelderland-Midden."
        ),
        "en": (
            "Threshold of the rule hermelding: warn from the N-th dossier (at least 2). "
            "The default 3 in 5 years is the protocol of Veilig Thuis Gelderland-Midden."
        ),
    },
    "hermelding_jaren": {
        "nl": "Termijn in jaren van de regel hermelding (1 tot en met 15; standaard 5, Veilig Thuis Gelderland-Midden).",
        "en": "Window in years of the rule hermelding (1 to 15; default 5, Veilig Thuis Gelderland-Midden).",
    },
    "strict": {"nl": "Waarschuwingen tellen ook als fout.", "en": "Warnings count as errors too."},
    "format_uitvoer": {"nl": "Uitvoerformaat.", "en": "Output format."},
    "uitvoermap": {"nl": "Uitvoermap.", "en": "Output folder."},
    "force_bestanden": {"nl": "Bestaande bestanden overschrijven.", "en": "Overwrite existing files."},
    "sector_formulier": {
        "nl": "De sector van het formulier (zie 'meldform sectors').",
        "en": "The sector of the form (see 'meldform sectors').",
    },
    "uitvoerbestand": {
        "nl": "Uitvoerbestand (standaard: meldformulier-<sector>[-advies].<format>).",
        "en": "Output file (default: meldformulier-<sector>[-advies].<format>).",
    },
    "force_bestand": {"nl": "Een bestaand bestand overschrijven.", "en": "Overwrite an existing file."},
    "formaten": {"nl": "Formaten (html, docx, pdf), met komma's gescheiden.", "en": "Formats (html, docx, pdf), separated by commas."},
    "brief": {
        "nl": "Een brief voor de ouders over een melding (<kenmerk>-brief.pdf, .html of .docx).",
        "en": "A letter for the parents about a melding (<kenmerk>-brief.pdf, .html or .docx).",
    },
    "lang_brief": {"nl": "Taal van de brief.", "en": "Language of the letter."},
    "jobs": {"nl": "Aantal processen (standaard: aantal kernen).", "en": "Number of processes (default: number of cores)."},
    "force_batch": {"nl": "Bestaande documenten opnieuw maken en overschrijven.", "en": "Make existing documents again and overwrite them."},
    # options of ``meldform serve``
    "host": {
        "nl": "Adres om op te luisteren (alleen deze machine: 127.0.0.1).",
        "en": "Address to listen on (this machine only: 127.0.0.1).",
    },
    "port": {"nl": "Poort (0: een vrije poort).", "en": "Port (0: a free port)."},
    "workers": {"nl": "Aantal werkprocessen.", "en": "Number of worker processes."},
    "max_body": {"nl": "Grootste verzoek (2MB, 512KiB, ...).", "en": "Largest request (2MB, 512KiB, ...)."},
    "timeout": {"nl": "Tijd voor inlezen en verwerken van één verzoek.", "en": "Time for reading and processing one request."},
    "concurrency": {"nl": "Verzoeken tegelijk per worker; meer krijgt 503.", "en": "Requests at once per worker; more get 503."},
    "token_file": {
        "nl": "Bestand met het bearer-token dat elk /v1-verzoek moet meesturen.",
        "en": "File with the bearer token every /v1 request must send.",
    },
    "proxy_headers": {"nl": "X-Forwarded-* van de proxy vertrouwen.", "en": "Trust the proxy's X-Forwarded-* headers."},
    "forwarded_allow_ips": {"nl": "Proxy-adressen wier X-Forwarded-* gelden.", "en": "Proxy addresses whose X-Forwarded-* count."},
    "lang_starten": {"nl": "Taal van de meldingen bij het starten.", "en": "Language of the messages when starting."},
    # options that had no help text
    "format_tekst": {"nl": "Uitvoer als tekst of als JSON.", "en": "Output as text or as JSON."},
    "lang_uitvoer": {"nl": "Taal van de meldingen en het document.", "en": "Language of the messages and the document."},
    "lang_formulier": {"nl": "Taal van het formulier.", "en": "Language of the form."},
    "lang_batch": {"nl": "Taal van het rapport en de meldingen.", "en": "Language of the report and the messages."},
    "log_level": {"nl": "Hoeveel de dienst logt.", "en": "How much the service logs."},
    "soort_formulier": {
        "nl": "Welk formulier: een melding, een anonieme adviesvraag of een dossiernotitie (niet melden).",
        "en": "Which form: a melding, an anonymous request for advice (advies) or a file note (dossiernotitie, not reporting).",
    },
    "format_formulier": {
        "nl": "html: in te vullen in de browser; docx: in te vullen in Word.",
        "en": "html: to fill in in a browser; docx: to fill in in Word.",
    },
    "lang_hoofd": {
        "nl": "Taal van de hulp, de meldingen en de uitvoer van het commando (ook na het commando te geven).",
        "en": "Language of the help, the messages and the command's output (may also follow the command).",
    },
    # click's own options
    "help_optie": {"nl": "Toon deze hulp en stop.", "en": "Show this message and exit."},
    "versie_optie": {"nl": "Toon de versie en stop.", "en": "Show the version and exit."},
}

# The words of click's --help and usage errors, so the command line speaks Dutch throughout.
CLICK: dict[str, dict[str, str]] = {
    "gebruik": {"nl": "Gebruik:", "en": "Usage:"},
    "opties": {"nl": "Opties", "en": "Options"},
    "opties_metavar": {"nl": "[OPTIES]", "en": "[OPTIONS]"},
    "commando_metavar": {"nl": "COMMANDO [ARGUMENTEN]...", "en": "COMMAND [ARGS]..."},
    "versie": {"nl": "%(prog)s %(version)s", "en": "%(prog)s %(version)s"},
    "commandos": {"nl": "Commando's", "en": "Commands"},
    "standaard": {"nl": "standaard", "en": "default"},
    "verplicht": {"nl": "verplicht", "en": "required"},
    # one line per usage error: 'meldform: ... (zie 'meldform render --help')'
    "fout": {"nl": "meldform: {bericht} (zie '{commando} --help')", "en": "meldform: {bericht} (see '{commando} --help')"},
    "geen_optie": {"nl": "onbekende optie {optie}", "en": "no such option {optie}"},
    "bedoelde_u": {"nl": "; bedoelde u {keuzes}?", "en": "; did you mean {keuzes}?"},
    "ontbreekt_argument": {"nl": "argument {naam} ontbreekt", "en": "missing argument {naam}"},
    "ontbreekt_optie": {"nl": "optie {naam} ontbreekt", "en": "missing option {naam}"},
    "ontbreekt": {"nl": "{naam} ontbreekt", "en": "missing {naam}"},
    "ongeldige_waarde": {"nl": "ongeldige waarde voor {naam}: {reden}", "en": "invalid value for {naam}: {reden}"},
    "geen_keuze": {"nl": "'{waarde}' is geen van {keuzes}", "en": "'{waarde}' is not one of {keuzes}"},
    "geen_getal": {"nl": "'{waarde}' is geen geheel getal {bereik}", "en": "'{waarde}' is not a whole number {bereik}"},
    "vanaf": {"nl": "van minstens {min}", "en": "of at least {min}"},
    "tussen": {"nl": "van {min} tot en met {max}", "en": "from {min} to {max}"},
    "geen_commando": {"nl": "onbekend commando '{naam}'", "en": "no such command '{naam}'"},
    "te_veel": {"nl": "onverwacht extra argument ({args})", "en": "unexpected extra argument ({args})"},
    "optie_waarde": {"nl": "optie {optie} verwacht een waarde", "en": "option {optie} requires a value"},
    "anders": {"nl": "verkeerd gebruik", "en": "wrong usage"},
}
