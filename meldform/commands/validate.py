"""``meldform validate``: check meldingen and report findings.

Each input is read here (a file, or ``-`` for stdin) and checked by the API (``meldform.api.check``);
an input that cannot be read is the API's ``Report.unreadable``. The JSON output is the API's
``Report.to_json`` per input, the text output the reporter's lines.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TextIO

from meldform import api
from meldform.check.loading import STDIN, LoadError, is_yaml_path, read_bytes
from meldform.check.reporters import text_report
from meldform.check.validation import Result
from meldform.cleaning import clean
from meldform.errors import EXIT_INVALID, EXIT_OK


def read_input(path: str) -> tuple[bytes, bool | None]:
    """The bytes of ``path`` (``-``: stdin) and whether they are YAML: a file by its suffix, stdin
    sniffed (``None``). Raises ``LoadError`` when it cannot be read."""
    return read_bytes(path), None if path == STDIN else is_yaml_path(path)


def check_path(path: str, *, lang: str = "nl", strict: bool = False, today: dt.date | None = None, hermelding: tuple[int, int] = (3, 5)) -> api.Report:
    """The report of one input; one that cannot be read is the ``onleesbaar`` report."""
    try:
        raw, is_yaml = read_input(path)
    except LoadError as exc:
        return api.Report.unreadable(exc, lang)
    return api.check(raw, yaml=is_yaml, lang=lang, today=today, strict=strict, hermelding_dossiers=hermelding[0], hermelding_jaren=hermelding[1])


def as_result(path: str, report: api.Report) -> Result:
    """A report in the reporters' terms (``meldform.check.reporters``)."""
    return Result(path, None, report.bevindingen)


def run_validate(
    paths: Sequence[str],
    out: TextIO,
    *,
    fmt: str = "text",
    lang: str = "nl",
    strict: bool = False,
    today: dt.date | None = None,
    hermelding_dossiers: int = 3,
    hermelding_jaren: int = 5,
) -> int:
    # Out of range is a usage error (exit 2) before any input is read.
    api.settings(hermelding_dossiers=hermelding_dossiers, hermelding_jaren=hermelding_jaren, lang=lang)
    hermelding = (hermelding_dossiers, hermelding_jaren)
    reports = [(path, check_path(path, lang=lang, strict=strict, today=today, hermelding=hermelding)) for path in paths]
    if fmt == "json":
        json.dump([report.to_json(clean(path)) for path, report in reports], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        text_report([as_result(path, report) for path, report in reports], out, lang, strict)
    return EXIT_OK if all(report.geldig for _, report in reports) else EXIT_INVALID
