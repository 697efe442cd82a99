"""What the HTTP service says: its problem answers, its OpenAPI description, ``meldform serve`` and its log.

A problem answer (RFC 9457) has a title per code (:data:`PROBLEM_TITLES`) and a detail: the fixed
one of :data:`PROBLEM_DETAILS`, or else the one-line reason of the error (a ``MeldformError``'s
message, already in the client's language). The log is for the operator and is written in Dutch,
the default language; it names an error's type, the method and the route template, never a value
from a request.
"""

from __future__ import annotations

PROBLEM_TITLES: dict[str, dict[str, str]] = {
    "onleesbaar": {"nl": "Het document is niet te lezen", "en": "The document cannot be read"},
    "ongeldige_parameter": {"nl": "Ongeldige parameter", "en": "Invalid parameter"},
    "geen_toegang": {"nl": "Geen toegang", "en": "Unauthorized"},
    "niet_gevonden": {"nl": "Niet gevonden", "en": "Not found"},
    "methode": {"nl": "Methode niet toegestaan", "en": "Method not allowed"},
    "formaat_niet_beschikbaar": {"nl": "Formaat niet beschikbaar", "en": "Format not available"},
    "te_traag": {"nl": "Het verzoek kwam niet op tijd binnen", "en": "The request did not arrive in time"},
    "te_groot": {"nl": "Het verzoek is te groot", "en": "The request is too large"},
    "mediatype": {"nl": "Mediatype niet ondersteund", "en": "Unsupported media type"},
    "ongeldig_document": {"nl": "De melding is niet geldig", "en": "The melding is not valid"},
    "geen_formulier": {"nl": "Geen meldform-formulier", "en": "Not a meldform form"},
    "intern": {"nl": "Interne fout", "en": "Internal error"},
    "bezet": {"nl": "De dienst is bezet", "en": "The service is busy"},
    "tijdslimiet": {"nl": "Het verwerken duurde te lang", "en": "Processing took too long"},
}

# The codes whose detail is always the same; every other code's detail is its reason.
PROBLEM_DETAILS: dict[str, dict[str, str]] = {
    "geen_toegang": {"nl": "stuur een geldig token mee: Authorization: Bearer <token>", "en": "send a valid token: Authorization: Bearer <token>"},
    "methode": {"nl": "gebruik {methoden}", "en": "use {methoden}"},
    "te_traag": {"nl": "de inhoud moet binnen {seconden} s binnen zijn", "en": "the body must arrive within {seconden} s"},
    "te_groot": {"nl": "stuur hoogstens {max} bytes", "en": "send at most {max} bytes"},
    "mediatype": {"nl": "stuur Content-Type {keuzes} (UTF-8)", "en": "send Content-Type {keuzes} (UTF-8)"},
    "intern": {
        "nl": "er ging iets mis in meldform; het verzoek is niet verwerkt",
        "en": "something went wrong in meldform; the request was not processed",
    },
    "bezet": {"nl": "probeer het over {seconden} s opnieuw", "en": "try again in {seconden} s"},
    "tijdslimiet": {"nl": "niet klaar binnen {seconden} s", "en": "not done within {seconden} s"},
}

# Reasons the service gives itself (other reasons are the messages of the API's errors).
REASONS: dict[str, dict[str, str]] = {
    "geen_pad": {"nl": "hier is niets; zie /openapi.json", "en": "nothing here; see /openapi.json"},  # a 404 for a path it does not have
}

# The OpenAPI description: its title and description, each operation's summary, parameter texts.
OPENAPI: dict[str, dict[str, str]] = {
    "titel": {"nl": "meldform: meldingen voor Veilig Thuis", "en": "meldform: meldingen for Veilig Thuis"},
    "beschrijving": {
        "nl": "Controleer, toon en maak meldingen en adviesvragen voor Veilig Thuis (Meldcode huiselijk geweld en kindermishandeling). "
        "Fouten zijn problem details (RFC 9457) met de codes van de bevindingen. Teksten volgen Accept-Language (nl, en).",
        "en": "Check, render and make meldingen and adviesvragen for Veilig Thuis (the Dutch reporting code for domestic violence and child abuse). "
        "Errors are problem details (RFC 9457) with the finding codes. Texts follow Accept-Language (nl, en).",
    },
    "healthz": {"nl": "Leeft de dienst?", "en": "Is the service alive?"},
    "openapi": {"nl": "Deze beschrijving (OpenAPI 3.1)", "en": "This description (OpenAPI 3.1)"},
    "sectors": {"nl": "De sectoren: sleutel en label", "en": "The sectors: key and label"},
    "schema": {
        "nl": "Het JSON Schema van het contract, zelfstandig; met sector en/of soort alleen dat deel",
        "en": "The contract's JSON Schema, self-contained; with sector and/or soort only that part",
    },
    "validate": {
        "nl": "Controleer een melding (JSON of YAML): dezelfde bevindingen als meldform validate",
        "en": "Check a melding (JSON or YAML): the same findings as meldform validate",
    },
    "render": {"nl": "Zet een geldige melding om naar een document", "en": "Render a valid melding to a document"},
    "import": {"nl": "Lees een ingevuld Word-formulier terug als melding", "en": "Read a filled-in Word form back into a melding"},
    "taal": {"nl": "nl (standaard) of en", "en": "nl (default) or en"},
    "ok": {"nl": "Gelukt", "en": "Done"},
    # in the answers' schemas, which are the same in every language (Dutch, as the contract's annotations)
    "pad": {"nl": "JSON-pointer (RFC 6901)", "en": "JSON pointer (RFC 6901)"},
}

# ``meldform serve`` starting: its options, the token file, the address, and what it announces.
SERVE: dict[str, dict[str, str]] = {
    "grootte": {
        "nl": "--max-body '{waarde}' is geen grootte (bijvoorbeeld 2MB, 512KiB of 2000000)",
        "en": "--max-body '{waarde}' is not a size (e.g. 2MB, 512KiB or 2000000)",
    },
    "duur": {"nl": "--timeout '{waarde}' is geen duur (bijvoorbeeld 10s, 500ms of 2m)", "en": "--timeout '{waarde}' is not a duration (e.g. 10s, 500ms or 2m)"},
    "ontbreekt": {
        "nl": "de HTTP-dienst is in deze installatie niet beschikbaar; installeer meldform[service]",
        "en": "the HTTP service is not available in this installation; install meldform[service]",
    },
    "niet_positief": {
        "nl": "--max-body, --timeout en --concurrency moeten groter dan 0 zijn",
        "en": "--max-body, --timeout and --concurrency must be greater than 0",
    },
    "token_onleesbaar": {"nl": "tokenbestand {bestand} is niet te lezen", "en": "token file {bestand} cannot be read"},
    "token_kort": {
        "nl": "tokenbestand {bestand}: het token moet minstens 16 tekens lang zijn",
        "en": "token file {bestand}: the token must be at least 16 characters long",
    },
    "bind": {"nl": "kan niet luisteren op {host}:{port} ({reden})", "en": "cannot listen on {host}:{port} ({reden})"},
    "luistert": {
        "nl": "meldform serve: luistert op {url} ({workers} worker(s); hoogstens {max_body} bytes, {timeout} s, {concurrency} tegelijk per worker)",
        "en": "meldform serve: listening on {url} ({workers} worker(s); at most {max_body} bytes, {timeout} s, {concurrency} at once per worker)",
    },
    "open": {
        "nl": "meldform serve: waarschuwing: {host} is geen loopback-adres en er is geen --token-file; zet er een proxy met mTLS voor",
        "en": "meldform serve: warning: {host} is not a loopback address and there is no --token-file; put a proxy with mTLS in front",
    },
}

# The service's log (``meldform.service``), read by the operator.
LOG: dict[str, dict[str, str]] = {
    "intern": {"nl": "interne fout ({soort})", "en": "internal error ({soort})"},
    "intern_verzoek": {"nl": "interne fout ({soort}) in {methode} {route}", "en": "internal error ({soort}) in {methode} {route}"},
}
