"""Regular expressions with JSON Schema (ECMA-262) semantics, and the formats meldform checks.

Shared by the reference validator (jsonschema) and the compiled fast path, so both accept exactly
the same strings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


@lru_cache(maxsize=256)
def ecma_regex(pattern: str) -> re.Pattern[str]:
    """Compile a schema pattern with ECMA-262 semantics for ``$``.

    Python's ``$`` also matches before a trailing newline, so ``^[A-Z]+$`` accepts ``"ABC\\n"``;
    in ECMA-262 (the regex dialect of JSON Schema) it does not. An unescaped ``$`` outside a
    character class becomes ``\\Z``.
    """
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == "]":
            in_class = False
            out.append(char)
        elif char == "$" and not in_class:
            out.append(r"\Z")
        else:
            out.append(char)
    return re.compile("".join(out))


def is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not DATE_RE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_email(value: object) -> bool:
    return not isinstance(value, str) or EMAIL_RE.fullmatch(value) is not None


FORMAT_CHECKS: dict[str, Callable[[object], bool]] = {"date": is_date, "email": is_email}
