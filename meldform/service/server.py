"""Running the service on uvicorn, in one process or with several workers.

meldform first binds the address itself, briefly: a port in use or a bad address is one clear
line, and ``--port 0`` becomes a free port that it announces (tests and scripts read it). Then
``uvicorn.run`` serves it; with ``--workers N`` uvicorn supervises N processes (restarting one that
dies), each building the app from ``MELDFORM_SERVE`` (``meldform.service.settings``).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import TextIO

from meldform.service.logs import log_config
from meldform.service.settings import ENVIRONMENT, Settings, SettingsError
from meldform.texts import pick
from meldform.texts.service import SERVE

APP = "meldform.service.app:app_from_environment"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A bound TCP socket on ``host:port`` (IPv4 or IPv6; ``port`` 0: a free one)."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
        except OSError:
            sock.close()
            raise
    except OSError as exc:
        raise SettingsError("bind", host=host, port=port, reden=exc.strerror or type(exc).__name__) from None
    return sock


def serve(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    proxy_headers: bool = False,
    forwarded_allow_ips: str = "127.0.0.1",
    log_level: str = "info",
    out: TextIO,
    lang: str = "nl",
) -> None:
    """Serve until stopped (Ctrl-C or SIGTERM). Raises ``MeldformError`` before serving on bad settings
    or an address that cannot be used."""
    import uvicorn

    token = settings.read_token()  # fails here, in one line, rather than in every worker
    probe = bind(host, port)  # the same: and port 0 becomes a free port we can announce
    port = probe.getsockname()[1]
    probe.close()
    os.environ[ENVIRONMENT] = settings.to_environment()
    shown = f"[{host}]" if ":" in host else host
    if token is None and not _is_loopback(host):
        out.write(pick(SERVE, "open", lang, host=host) + "\n")
    out.write(
        pick(
            SERVE,
            "luistert",
            lang,
            url=f"http://{shown}:{port}",
            workers=workers,
            max_body=settings.max_body,
            timeout=f"{settings.timeout:g}",
            concurrency=settings.concurrency,
        )
        + "\n"
    )
    out.flush()
    uvicorn.run(
        APP,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=log_config(log_level),
        proxy_headers=proxy_headers,
        forwarded_allow_ips=forwarded_allow_ips,
        server_header=False,
        timeout_graceful_shutdown=int(settings.timeout) + 1,
    )
