"""The HTTP service: Starlette routes over the Python API (``meldform.api``), nothing else.

Every ``/v1`` endpoint goes through ``guarded``: the bearer token (if one is configured), admission
(``concurrency``), the time limit, then the handler; every error becomes a problem+json answer
(``meldform.service.problems``), never a traceback. ``/healthz`` and ``/openapi.json`` are open
and cheap. Nothing is written to disk: documents are made in memory and sent.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp

from meldform import api
from meldform.check.findings import FOUT, Finding
from meldform.service.guard import RETRY_AFTER, Gate, Ticket, check_token, media_type, negotiate_language, read_body, run_work
from meldform.service.logs import ROUTE, AccessLog
from meldform.service.openapi import DOCUMENT_TYPES, DOCX_MEDIA, MEDIA_TYPES, build
from meldform.service.problems import Problem
from meldform.service.settings import Settings
from meldform.texts import DEFAULT_LANG, pick
from meldform.texts.service import LOG, REASONS

log = logging.getLogger("meldform.service")
JSON = "application/json"
COMMON_HEADERS = {
    "Cache-Control": "no-store",  # answers hold personal data: no cache may keep them
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Vary": "Accept-Language, Authorization",
}


class Service:
    """The state of one worker: its settings, its token, its admission gate and thread limiter."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.token = settings.read_token()
        self.gate = Gate(settings.concurrency)
        self._limiter: anyio.CapacityLimiter | None = None
        self._openapi: dict[str, bytes] = {}

    @property
    def limiter(self) -> anyio.CapacityLimiter:
        """One thread per admitted request, so admitted work never waits for a thread."""
        if self._limiter is None:  # made inside the event loop, on first use
            self._limiter = anyio.CapacityLimiter(self.settings.concurrency)
        return self._limiter

    def openapi(self, lang: str) -> bytes:
        if lang not in self._openapi:
            self._openapi[lang] = _json_bytes(build(auth=self.token is not None, lang=lang))
        return self._openapi[lang]


@dataclass
class Call:
    """One admitted request: its language, and the phase the time limit may interrupt."""

    service: Service
    lang: str
    ticket: Ticket
    phase: str = field(default="work")

    async def body(self, request: Request) -> bytes:
        self.phase = "read"
        data = await read_body(request, self.service.settings.max_body, self.lang)
        self.phase = "work"
        return data

    async def run(self, fn: Callable[[], Any]) -> Any:
        return await run_work(self.ticket, fn, self.service.limiter)


Handler = Callable[[Request, Call], Awaitable[Response]]


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _json(data: Any) -> Response:
    return Response(_json_bytes(data), media_type=JSON)


def _seconds(value: float) -> str:
    return f"{value:g}"


def _finish(response: Response, lang: str) -> Response:
    for key, value in COMMON_HEADERS.items():
        response.headers.setdefault(key, value)
    response.headers.setdefault("Content-Language", lang)
    return response


def guarded(service: Service, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        lang = negotiate_language(request.headers.get("accept-language"))
        try:
            check_token(request, service.token, lang)
            if not service.gate.enter():
                raise Problem("bezet", lang, {"seconden": RETRY_AFTER}, headers={"Retry-After": str(RETRY_AFTER)})
            call = Call(service, lang, Ticket(service.gate))
            try:
                with anyio.fail_after(service.settings.timeout):
                    response = await handler(request, call)
            except TimeoutError:
                reading = call.phase == "read"  # the rest of that body is not read: close the connection
                headers = {"Connection": "close"} if reading else {}
                raise Problem("te_traag" if reading else "tijdslimiet", lang, {"seconden": _seconds(service.settings.timeout)}, headers=headers) from None
            finally:
                call.ticket.close()
        except Problem as problem:
            response = problem.response()
        except ClientDisconnect:
            response = Response(status_code=400)  # nobody is listening any more
        except Exception as exc:
            # The type only: a message could quote the document.
            log.error("%s", pick(LOG, "intern_verzoek", DEFAULT_LANG, soort=type(exc).__name__, methode=request.method, route=_template(request)))
            response = Problem("intern", lang).response()
        return _finish(response, lang)

    return endpoint


def _template(request: Request) -> str:
    return str(request.scope.get(ROUTE, "-"))


def _choice(request: Request, name: str, lang: str, allowed: tuple[str, ...], default: str | None) -> str | None:
    value = request.query_params.get(name, default)
    if value is not None and value not in allowed:
        raise Problem("ongeldige_parameter", lang, {"reden": api.UnknownChoiceError(_WHAT.get(name, name), value, allowed).message(lang)})
    return value


_WHAT = {"format": "formaat"}


def _load(body: bytes, is_yaml: bool | None, lang: str) -> Any:
    from meldform.check.loading import LoadError

    try:
        return api.load(body, yaml=is_yaml)
    except LoadError as exc:
        reason = exc.message(lang)
        raise Problem("onleesbaar", lang, {"reden": reason}, bevindingen=[Finding(FOUT, "onleesbaar", "", reason)]) from None


def _attachment(response: Response, name: str) -> Response:
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# -- handlers ---------------------------------------------------------------------------------------
async def sectors(request: Request, call: Call) -> Response:
    return _json([s.to_json() for s in api.sectors(call.lang)])


@cache
def _schema_bytes(sector: str | None, soort: str | None) -> bytes:
    return json.dumps(api.schema(sector=sector, soort=soort), ensure_ascii=False, indent=2).encode("utf-8")


async def schema(request: Request, call: Call) -> Response:
    sector = _choice(request, "sector", call.lang, tuple(s.sector for s in api.sectors()), None)
    soort = _choice(request, "soort", call.lang, api.SOORTEN, None)
    data = await call.run(lambda: _schema_bytes(sector, soort))
    return Response(data, media_type="application/schema+json")


async def forms(request: Request, call: Call) -> Response:
    sector = request.path_params["sector"]
    keys = tuple(s.sector for s in api.sectors())
    if sector not in keys:
        raise Problem("niet_gevonden", call.lang, {"reden": api.UnknownChoiceError("sector", sector, keys).message(call.lang)})
    soort = _choice(request, "soort", call.lang, api.SOORTEN, "melding") or "melding"
    fmt = _choice(request, "format", call.lang, api.FORM_FORMATS, "html") or "html"
    data = await call.run(lambda: api.blank_form(sector, soort=soort, fmt=fmt, lang=call.lang))
    return _attachment(Response(data, media_type=MEDIA_TYPES[fmt]), api.form_name(sector, soort, fmt))


async def validate(request: Request, call: Call) -> Response:
    strict = _choice(request, "strict", call.lang, ("true", "false"), "false") == "true"
    is_yaml = media_type(request, DOCUMENT_TYPES, call.lang)
    body = await call.body(request)

    def work() -> dict[str, Any]:
        return api.validate(_load(body, is_yaml, call.lang), lang=call.lang, strict=strict).to_json()

    return _json(await call.run(work))


async def render(request: Request, call: Call) -> Response:
    fmt = request.path_params["fmt"]
    available = api.render_formats()
    if fmt not in available:
        if fmt in api.KNOWN_RENDER_FORMATS:
            raise Problem("formaat_niet_beschikbaar", call.lang, {"reden": api.UnsupportedFormatError(fmt, available).message(call.lang)})
        raise Problem("niet_gevonden", call.lang, {"reden": api.UnknownChoiceError("formaat", fmt, available).message(call.lang)})
    is_yaml = media_type(request, DOCUMENT_TYPES, call.lang)
    body = await call.body(request)

    def work() -> tuple[bytes, str]:
        document = _load(body, is_yaml, call.lang)
        try:
            data = api.render(document, fmt, lang=call.lang)
        except api.InvalidDocumentError as exc:
            raise Problem("ongeldig_document", call.lang, {"reden": exc.message(call.lang)}, bevindingen=exc.report.bevindingen) from None
        return data, api.document_name(document, fmt)

    data, name = await call.run(work)
    return _attachment(Response(data, media_type=MEDIA_TYPES[fmt]), name)


async def import_form(request: Request, call: Call) -> Response:
    media_type(request, {DOCX_MEDIA: None}, call.lang)
    body = await call.body(request)

    def work() -> dict[str, Any]:
        from meldform.forms.docx_reader import FormError

        try:
            imported = api.import_form(body, lang=call.lang)
        except FormError as exc:
            raise Problem("geen_formulier", call.lang, {"reden": exc.message(call.lang)}) from None
        report = imported.report.to_json()
        return {"document": imported.document, "geldig": imported.geldig, "bevindingen": report["bevindingen"], "problemen": imported.problemen}

    return _json(await call.run(work))


# -- the app ----------------------------------------------------------------------------------------
def create_app(settings: Settings | None = None) -> ASGIApp:
    """The ASGI app for ``settings`` (reads the token file, if any, now)."""
    service = Service(settings or Settings())

    async def healthz(request: Request) -> Response:
        return _finish(_json({"status": "ok"}), "nl")

    async def openapi(request: Request) -> Response:
        lang = negotiate_language(request.headers.get("accept-language"))
        return _finish(Response(service.openapi(lang), media_type=JSON), lang)

    async def not_found(request: Request, exc: Exception) -> Response:
        lang = negotiate_language(request.headers.get("accept-language"))
        if isinstance(exc, HTTPException) and exc.status_code == 405:
            allow = (exc.headers or {}).get("Allow", "")
            return _finish(Problem("methode", lang, {"methoden": allow}, headers={"Allow": allow}).response(), lang)
        return _finish(Problem("niet_gevonden", lang, {"reden": pick(REASONS, "geen_pad", lang)}).response(), lang)

    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/v1/sectors", guarded(service, sectors), methods=["GET"]),
        Route("/v1/schema", guarded(service, schema), methods=["GET"]),
        Route("/v1/forms/{sector}", guarded(service, forms), methods=["GET"]),
        Route("/v1/validate", guarded(service, validate), methods=["POST"]),
        Route("/v1/render/{fmt}", guarded(service, render), methods=["POST"]),
        Route("/v1/import", guarded(service, import_form), methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found})
    return AccessLog(app, routes)


def app_from_environment() -> ASGIApp:
    """The factory each worker of ``meldform serve`` calls (settings from ``MELDFORM_SERVE``)."""
    return create_app(Settings.from_environment())
