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
from meldform.texts import pick
from meldform.texts.service import PROBLEM_DETAILS, PROBLEM_TITLES

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://meldform.nl/problemen/"

# The status of each problem code; its texts are in ``meldform.texts.service``.
STATUS: dict[str, int] = {
    "onleesbaar": 400,
    "ongeldige_parameter": 400,
    "geen_toegang": 401,
    "niet_gevonden": 404,
    "methode": 405,
    "formaat_niet_beschikbaar": 406,
    "te_traag": 408,
    "te_groot": 413,
    "mediatype": 415,
    "ongeldig_document": 422,
    "geen_formulier": 422,
    "intern": 500,
    "bezet": 503,
    "tijdslimiet": 503,
}


def title(code: str, lang: str) -> str:
    """The title of problem ``code`` in ``lang``."""
    return pick(PROBLEM_TITLES, code, lang)


def detail(code: str, lang: str, params: Mapping[str, Any]) -> str:
    """The detail of problem ``code``: its fixed text (with ``params``), or else ``params["reden"]``."""
    if code in PROBLEM_DETAILS:
        return pick(PROBLEM_DETAILS, code, lang, **params)
    return str(params["reden"])


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
        return STATUS[self.code]

    def body(self) -> dict[str, Any]:
        return {
            "type": TYPE_BASE + self.code,
            "title": title(self.code, self.lang),
            "status": self.status,
            "detail": detail(self.code, self.lang, self.params),
            "code": self.code,
            "bevindingen": [f.as_json() for f in self.bevindingen],
        }

    def response(self) -> Response:
        content = json.dumps(self.body(), ensure_ascii=False).encode("utf-8")
        headers = {"Content-Language": self.lang, **self.headers}
        return Response(content, status_code=self.status, media_type=MEDIA_TYPE, headers=headers)
