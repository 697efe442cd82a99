"""Problem details (RFC 9457): every error of the service as one ``application/problem+json`` answer.

``{"type", "title", "status", "detail", "code", "bevindingen"}``: ``type`` is
``https://meldform.nl/problemen/<code>``, ``title`` and ``detail`` are in the language the client
asked for (``Accept-Language`` nl/en), ``bevindingen`` holds the findings (``{"ernst", "code",
"pad", "melding"}``, as ``meldform validate --format json``) when the problem is the document.
A detail never quotes the document: no names, no BSNs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.responses import Response

from meldform.check.findings import Finding
from meldform.texts.messages import pick

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://meldform.nl/problemen/"

# code: (status, {"title": {...}, "detail": {...}})
PROBLEMS: dict[str, tuple[int, dict[str, dict[str, str]]]] = {
    "onleesbaar": (
        400,
        {
            "title": {"nl": "Het document is niet te lezen", "en": "The document cannot be read"},
            "detail": {"nl": "{reden}", "en": "{reden}"},
        },
    ),
    "ongeldige_parameter": (
        400,
        {
            "title": {"nl": "Ongeldige parameter", "en": "Invalid parameter"},
            "detail": {"nl": "{reden}", "en": "{reden}"},
        },
    ),
    "geen_toegang": (
        401,
        {
            "title": {"nl": "Geen toegang", "en": "Unauthorized"},
            "detail": {
                "nl": "stuur een geldig token mee: Authorization: Bearer <token>",
                "en": "send a valid token: Authorization: Bearer <token>",
            },
        },
    ),
    "niet_gevonden": (
        404,
        {"title": {"nl": "Niet gevonden", "en": "Not found"}, "detail": {"nl": "{reden}", "en": "{reden}"}},
    ),
    "methode": (
        405,
        {
            "title": {"nl": "Methode niet toegestaan", "en": "Method not allowed"},
            "detail": {"nl": "gebruik {methoden}", "en": "use {methoden}"},
        },
    ),
    "formaat_niet_beschikbaar": (
        406,
        {
            "title": {"nl": "Formaat niet beschikbaar", "en": "Format not available"},
            "detail": {"nl": "{reden}", "en": "{reden}"},
        },
    ),
    "te_traag": (
        408,
        {
            "title": {"nl": "Het verzoek kwam niet op tijd binnen", "en": "The request did not arrive in time"},
            "detail": {"nl": "de inhoud moet binnen {seconden} s binnen zijn", "en": "the body must arrive within {seconden} s"},
        },
    ),
    "te_groot": (
        413,
        {
            "title": {"nl": "Het verzoek is te groot", "en": "The request is too large"},
            "detail": {"nl": "stuur hoogstens {max} bytes", "en": "send at most {max} bytes"},
        },
    ),
    "mediatype": (
        415,
        {
            "title": {"nl": "Mediatype niet ondersteund", "en": "Unsupported media type"},
            "detail": {"nl": "stuur Content-Type {keuzes} (UTF-8)", "en": "send Content-Type {keuzes} (UTF-8)"},
        },
    ),
    "ongeldig_document": (
        422,
        {
            "title": {"nl": "De melding is niet geldig", "en": "The melding is not valid"},
            "detail": {"nl": "{reden}", "en": "{reden}"},
        },
    ),
    "geen_formulier": (
        422,
        {
            "title": {"nl": "Geen meldform-formulier", "en": "Not a meldform form"},
            "detail": {"nl": "{reden}", "en": "{reden}"},
        },
    ),
    "intern": (
        500,
        {
            "title": {"nl": "Interne fout", "en": "Internal error"},
            "detail": {
                "nl": "er ging iets mis in meldform; het verzoek is niet verwerkt",
                "en": "something went wrong in meldform; the request was not processed",
            },
        },
    ),
    "bezet": (
        503,
        {
            "title": {"nl": "De dienst is bezet", "en": "The service is busy"},
            "detail": {"nl": "probeer het over {seconden} s opnieuw", "en": "try again in {seconden} s"},
        },
    ),
    "tijdslimiet": (
        503,
        {
            "title": {"nl": "Het verwerken duurde te lang", "en": "Processing took too long"},
            "detail": {"nl": "niet klaar binnen {seconden} s", "en": "not done within {seconden} s"},
        },
    ),
}


@dataclass(eq=False)
class Problem(Exception):
    """An answer that is an error. Raised anywhere in a request; the app turns it into a response."""

    code: str
    lang: str
    params: Mapping[str, Any] = field(default_factory=dict)
    bevindingen: Sequence[Finding] = ()
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def status(self) -> int:
        return PROBLEMS[self.code][0]

    def body(self) -> dict[str, Any]:
        texts = PROBLEMS[self.code][1]
        return {
            "type": TYPE_BASE + self.code,
            "title": pick(texts, "title", self.lang),
            "status": self.status,
            "detail": pick(texts, "detail", self.lang, **self.params),
            "code": self.code,
            "bevindingen": [f.as_json() for f in self.bevindingen],
        }

    def response(self) -> Response:
        content = json.dumps(self.body(), ensure_ascii=False).encode("utf-8")
        headers = {"Content-Language": self.lang, **self.headers}
        return Response(content, status_code=self.status, media_type=MEDIA_TYPE, headers=headers)
