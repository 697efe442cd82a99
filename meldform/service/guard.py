"""What every request passes: language, authentication, admission, the body cap, the time limit.

Admission
    A worker admits at most ``concurrency`` requests at once; the next one is answered at once
    with 503 and ``Retry-After`` instead of waiting in a queue the client cannot see.
Time limit
    Reading the body and the work together must finish within ``timeout`` seconds (anyio
    ``fail_after``); a body that does not arrive in time is 408, work that takes too long 503.
    The work (parsing, checking, rendering: CPU-bound Python) runs in a worker thread. Python
    cannot stop a thread, so a thread past its deadline is abandoned, not killed: it keeps its
    admission slot until it has finished, so slow requests can never pile up more work than
    ``concurrency`` allows. The work itself is bounded (body cap, YAML alias expansion cap).
Body cap
    A ``Content-Length`` above ``max_body`` is refused before anything is read; a body without
    one (chunked) is counted while it streams and refused the moment it passes the cap.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from typing import TypeVar, cast

import anyio
import anyio.to_thread
from starlette.requests import Request

from meldform.service.problems import Problem

T = TypeVar("T")
LANGS = ("nl", "en")
RETRY_AFTER = 1  # seconds


def negotiate_language(header: str | None) -> str:
    """The best of nl/en for an ``Accept-Language`` header (RFC 9110 §12.5.4); Dutch by default."""
    if not header:
        return "nl"
    best, best_q = "nl", 0.0
    for item in header.split(",")[:32]:
        tag, _, params = item.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if primary == "*":
            primary = "nl"
        if primary in LANGS and q > best_q:
            best, best_q = primary, q
    return best


def check_token(request: Request, token: bytes | None, lang: str) -> None:
    """With a token configured, ``Authorization: Bearer <token>`` must match it (constant time)."""
    if token is None:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8", "surrogateescape"), token):
        raise Problem("geen_toegang", lang, headers={"WWW-Authenticate": 'Bearer realm="meldform"'})


class Gate:
    """Counts admitted requests (including abandoned work that is still running)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.busy = 0
        self._lock = threading.Lock()

    def enter(self) -> bool:
        with self._lock:
            if self.busy >= self.limit:
                return False
            self.busy += 1
            return True

    def leave(self) -> None:
        with self._lock:
            self.busy -= 1


class Ticket:
    """One admitted request. The slot is given back exactly once: when the request has ended and
    its work is not running (if the work was abandoned at the deadline, when the work ends)."""

    def __init__(self, gate: Gate) -> None:
        self._gate = gate
        self._lock = threading.Lock()
        self._running = False
        self._closed = False

    def work(self, fn: Callable[[], T]) -> Callable[[], T | None]:
        def run() -> T | None:
            with self._lock:
                if self._closed:  # the request ended before a thread picked this up: skip it
                    return None
                self._running = True
            try:
                return fn()
            finally:
                with self._lock:
                    self._running = False
                    release = self._closed
                if release:
                    self._gate.leave()

        return run

    def close(self) -> None:
        with self._lock:
            self._closed = True
            release = not self._running
        if release:
            self._gate.leave()


async def run_work(ticket: Ticket, fn: Callable[[], T], limiter: anyio.CapacityLimiter) -> T:
    """Run ``fn`` in a worker thread; on cancellation (the deadline) the thread is abandoned."""
    result = await anyio.to_thread.run_sync(ticket.work(fn), abandon_on_cancel=True, limiter=limiter)
    return cast(T, result)  # None (skipped) only after close(), which comes after this await


async def read_body(request: Request, limit: int, lang: str) -> bytes:
    """The whole body, at most ``limit`` bytes (413 before reading on Content-Length, or while streaming)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not (declared.isascii() and declared.isdigit()):
            raise Problem("ongeldige_parameter", lang, {"reden": "Content-Length"})
        if int(declared) > limit:
            raise Problem("te_groot", lang, {"max": limit}, headers={"Connection": "close"})
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem("te_groot", lang, {"max": limit}, headers={"Connection": "close"})
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request, allowed: dict[str, bool | None], lang: str) -> bool | None:
    """The kind the body's ``Content-Type`` names (``allowed`` maps media types to a kind), else 415.

    A ``charset`` other than UTF-8 is refused too: meldingen are UTF-8.
    """
    value = request.headers.get("content-type", "")
    kind, _, params = value.partition(";")
    kind = kind.strip().lower()
    charset = ""
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip('"').lower()
    if kind not in allowed or charset not in ("", "utf-8", "utf8"):
        raise Problem("mediatype", lang, {"keuzes": ", ".join(allowed)})
    return allowed[kind]
