"""Logging of the service: an access log without personal data, and uvicorn's own log.

The access log has one line per request: method, the route *template* (``/v1/forms/{sector}``,
never the path as sent, never a query string), status, duration and size of the answer. It never
holds a body, a header value (``Authorization``!), a client address or an exception message —
any of those could carry a name, a BSN or the token. uvicorn's access log is switched off: it
logs the raw path with its query and the client's address.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from typing import Any

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from meldform.service.problems import Problem
from meldform.texts import DEFAULT_LANG, pick
from meldform.texts.service import LOG

access = logging.getLogger("meldform.access")
log = logging.getLogger("meldform.service")
ROUTE = "meldform.route"  # the scope key that holds the route template, for other log lines
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# The answer to anything that escaped the app: the ``intern`` problem, in the default language.
_INTERNAL = json.dumps(Problem("intern", DEFAULT_LANG).body(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class AccessLog:
    """Outermost ASGI middleware: logs each request and turns anything that escaped into a 500 problem."""

    def __init__(self, app: ASGIApp, routes: Sequence[BaseRoute]) -> None:
        self.app = app
        self.routes = routes

    def template(self, scope: Scope) -> str:
        """The path template of the route ``scope`` goes to (``-`` for none): never the path as sent."""
        for route in self.routes:
            match, _ = route.matches(scope)
            if match is not Match.NONE:
                return str(getattr(route, "path", "-"))
        return "-"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 0
        size = 0
        template = scope[ROUTE] = self.template(scope)

        async def send_logged(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_logged)
        except Exception as exc:
            log.error("%s", pick(LOG, "intern", DEFAULT_LANG, soort=type(exc).__name__))
            if status == 0:
                status = 500
                headers = [(b"content-type", b"application/problem+json"), (b"content-length", str(len(_INTERNAL)).encode())]
                await send({"type": "http.response.start", "status": 500, "headers": headers})
                await send({"type": "http.response.body", "body": _INTERNAL})
        finally:
            method = scope.get("method", "")
            access.info(
                "%s %s %d %.1fms %dB",
                method if method in METHODS else "OTHER",
                template,
                status,
                (time.perf_counter() - start) * 1000,
                size,
            )


def log_config(level: str = "info") -> dict[str, Any]:
    """``logging.config.dictConfig`` for uvicorn and meldform: one line per event on stderr."""
    upper = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "line", "stream": "ext://sys.stderr"}},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": upper, "propagate": False},
            "uvicorn.error": {"level": upper},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "meldform": {"handlers": ["stderr"], "level": upper, "propagate": False},
        },
    }
