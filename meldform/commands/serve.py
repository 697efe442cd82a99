"""``meldform serve``: the HTTP service (see ``meldform.service`` and docs/api.md)."""

from __future__ import annotations

from typing import TextIO

from meldform.errors import EXIT_OK, UsageError
from meldform.texts import pick
from meldform.texts.service import SERVE


def run_serve(
    err: TextIO,
    *,
    host: str,
    port: int,
    workers: int,
    max_body: str,
    timeout: str,
    concurrency: int,
    token_file: str | None,
    proxy_headers: bool,
    forwarded_allow_ips: str,
    log_level: str,
    lang: str = "nl",
) -> int:
    from meldform.service.settings import Settings, SettingsError, parse_duration, parse_size

    try:
        size = parse_size(max_body)
    except ValueError:
        raise UsageError(pick(SERVE, "grootte", lang, waarde=max_body[:40])) from None
    try:
        seconds = parse_duration(timeout)
    except ValueError:
        raise UsageError(pick(SERVE, "duur", lang, waarde=timeout[:40])) from None
    try:
        settings = Settings(max_body=size, timeout=seconds, concurrency=concurrency, token_file=token_file)
        settings.read_token()
    except SettingsError as exc:
        raise UsageError(exc.message(lang)) from None
    try:  # the extra meldform[service]
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise UsageError(pick(SERVE, "ontbreekt", lang)) from None
    from meldform.service.server import serve

    serve(
        settings,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=proxy_headers,
        forwarded_allow_ips=forwarded_allow_ips,
        log_level=log_level,
        out=err,
        lang=lang,
    )
    return EXIT_OK
