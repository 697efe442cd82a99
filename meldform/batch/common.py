"""What every part of the batch shares: the names in the output folder, the statuses, the records
a worker sends back, the settings it works with, and the two errors that stop a batch."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from meldform.errors import EXIT_USAGE, MeldformError
from meldform.texts.batch import batch_text

# -- names in the output folder -----------------------------------------------------------------------
SUFFIXES = (".json", ".yaml", ".yml")
STATE_DIR = ".meldform-batch"
JOURNAL = "journal.jsonl"
PUBLIC_JOURNAL = ".rapport-bestanden.jsonl"  # in the run folder: the records as rapport.json lists them
OWNERS = "eigenaren"
LOCK = "lock"
RUN_PREFIX = "run-"
REPORT_JSON = "rapport.json"
REPORT_HTML = "rapport.html"
RESERVED = frozenset({REPORT_JSON, REPORT_HTML})

# -- statuses of an input, actions on an output ---------------------------------------------------------
GERENDERD = "gerenderd"
OVERGESLAGEN = "overgeslagen"
ONGELDIG = "ongeldig"
ONLEESBAAR = "onleesbaar"
CONFLICT = "conflict"
MISLUKT = "mislukt"
STATUSES = (GERENDERD, OVERGESLAGEN, ONGELDIG, ONLEESBAAR, CONFLICT, MISLUKT)
OK_STATUSES = frozenset({GERENDERD, OVERGESLAGEN})

GESCHREVEN = "geschreven"
BEHOUDEN = "behouden"
ONBEKEND = "onbekend"


# -- errors that stop the batch --------------------------------------------------------------------------
class OutputError(MeldformError):
    """The output folder cannot be written (read-only, full, vanished): the batch stops."""

    exit_code = EXIT_USAGE

    def __init__(self, code: int | None, folder: Path | str, detail: str = "") -> None:
        super().__init__(code, str(folder))
        self.code = code
        self.folder = str(folder)
        self.detail = detail

    def message(self, lang: str = "nl") -> str:
        if self.code in (errno.ENOSPC, errno.EDQUOT):
            return batch_text("vol", lang, map=self.folder)
        reden = f" ({os.strerror(self.code)})" if self.code else ""
        return batch_text("niet_schrijfbaar", lang, map=self.folder, reden=reden)


class BusyError(MeldformError):
    """Another batch holds the lock of the output folder."""

    exit_code = EXIT_USAGE

    def __init__(self, folder: Path | str) -> None:
        super().__init__(str(folder))
        self.folder = str(folder)

    def message(self, lang: str = "nl") -> str:
        return batch_text("bezet", lang, map=self.folder)


# -- what the workers are given and send back ---------------------------------------------------------------
@dataclass(frozen=True)
class Settings:
    output: str
    formats: tuple[str, ...]
    force: bool
    lang: str
    run_dir: str
    owners: str
    secret: bytes
    # The hermelding threshold (melding-1.1.md, *Settings*), handed to the rules in every worker.
    hermelding_dossiers: int = 3
    hermelding_jaren: int = 5


class Outcome(NamedTuple):
    """What a worker sends back for one input: the journal line plus the parent's counting needs."""

    line: str
    public: str  # the record as rapport.json lists it (built in the worker: the parent only copies it)
    status: str
    sector: str
    codes: tuple[tuple[str, str], ...]  # (code, ernst) per finding
    written: int
    kept: int
    persons: tuple[tuple[int, int], ...]  # samenloop keys per person: (bsn key, name key), 0 = none


REPORT_FIELDS = ("nr", "bestand", "sha256", "status", "kenmerk", "soort", "sector", "bevindingen", "uitvoer", "conflicten")


def public_record(record: dict[str, Any]) -> dict[str, Any]:
    """A journal record without the internal samenloop keys (``gemigreerdVan`` only where an input was 1.0)."""
    public = {key: record.get(key) for key in REPORT_FIELDS}
    if "gemigreerdVan" in record:
        public["gemigreerdVan"] = record["gemigreerdVan"]
    return public


class Fatal(NamedTuple):
    code: int | None
    folder: str


def read_journal(path: Path) -> Iterator[dict[str, Any]]:
    """The journal's records, one per input, in input order (streamed: never all in memory)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
