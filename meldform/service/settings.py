"""The limits and options of one service, and how the workers of ``meldform serve`` receive them.

``meldform serve`` may start several worker processes; each builds its app from the same
settings, passed as JSON in the environment variable ``MELDFORM_SERVE``. The settings hold the
*path* of the token file, never the token: each worker reads the file itself.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from meldform.errors import MeldformError
from meldform.texts import pick
from meldform.texts.service import SERVE

ENVIRONMENT = "MELDFORM_SERVE"
DEFAULT_MAX_BODY = 2_000_000
DEFAULT_TIMEOUT = 10.0
DEFAULT_CONCURRENCY = 32


class SettingsError(MeldformError):
    """A limit, the token file or the address to listen on is not usable; one line, exit 2."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "nl") -> str:
        return pick(SERVE, self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class Settings:
    """``max_body`` in bytes; ``timeout`` in seconds for reading the body and doing the work;
    ``concurrency`` requests at once per worker (more get 503 with Retry-After); ``token_file``
    holds the bearer token that every ``/v1`` request must carry (no file: no authentication)."""

    max_body: int = DEFAULT_MAX_BODY
    timeout: float = DEFAULT_TIMEOUT
    concurrency: int = DEFAULT_CONCURRENCY
    token_file: str | None = None

    def __post_init__(self) -> None:
        if self.max_body < 1 or self.timeout <= 0 or self.concurrency < 1:
            raise SettingsError("niet_positief")

    def to_environment(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_environment(cls) -> Settings:
        raw = os.environ.get(ENVIRONMENT)
        if not raw:
            return cls()
        values = json.loads(raw)
        return cls(
            max_body=int(values["max_body"]),
            timeout=float(values["timeout"]),
            concurrency=int(values["concurrency"]),
            token_file=values.get("token_file"),
        )

    def read_token(self) -> bytes | None:
        """The bearer token (the file's first line, trimmed), or ``None`` without a token file."""
        if self.token_file is None:
            return None
        try:
            text = Path(self.token_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise SettingsError("token_onleesbaar", bestand=self.token_file) from None
        lines = text.strip().splitlines()
        token = lines[0].strip() if lines else ""
        if len(token) < 16:
            raise SettingsError("token_kort", bestand=self.token_file)
        return token.encode("utf-8")


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]i?[bB]?|[bB])?\s*$")
_FACTORS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2, "mib": 1024**2, "g": 1000**3, "gb": 1000**3, "gib": 1024**3}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$")


def parse_size(text: str) -> int:
    """``2MB`` (10^6), ``512KiB`` (2^10), ``1500000``: a number of bytes."""
    match = _SIZE.match(text)
    unit = (match.group(2) or "").lower() if match else ""
    if match is None or unit not in _FACTORS:
        raise ValueError(text)
    return int(float(match.group(1)) * _FACTORS[unit])


def parse_duration(text: str) -> float:
    """``10s``, ``500ms``, ``2m``, ``10``: a number of seconds."""
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(text)
    return float(match.group(1)) * {"ms": 0.001, "s": 1.0, "m": 60.0}[match.group(2) or "s"]
