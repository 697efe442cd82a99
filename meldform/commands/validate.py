"""``meldform validate``: check meldingen and report findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TextIO

from meldform.check.reporters import REPORTERS
from meldform.check.validation import check_file
from meldform.errors import EXIT_INVALID, EXIT_OK


def run(paths: Sequence[str], out: TextIO, *, fmt: str = "text", lang: str = "nl", strict: bool = False, today: dt.date | None = None) -> int:
    results = [check_file(path, lang=lang, today=today) for path in paths]
    REPORTERS[fmt](results, out, lang, strict)
    return EXIT_OK if all(r.geldig(strict) for r in results) else EXIT_INVALID
