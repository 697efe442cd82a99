"""Batch: validate and render folders of meldingen, in parallel, with nothing lost.

The core of ``meldform batch``, free of click. The pieces:

- ``discover``: a generator of input paths (files as given; folders walked recursively, sorted,
  ``*.json``/``*.yaml``/``*.yml``, hidden entries and the output folder skipped). Nothing is
  listed in full: memory stays flat whatever the number of inputs.
- ``process_chunk``/``process_one``: the worker. It takes paths and returns small picklable
  ``Outcome`` records — status, findings as dicts, the output file names, the sector and the
  *samenloop keys* (keyed hashes, never a BSN or a name) — never the document itself.
- ``run_batch``: feeds the worker from the generator through a process pool with a bounded number
  of chunks in flight (``--jobs 1``: in-process, no pool), aggregates counts incrementally and
  appends every record as one JSON line to a journal in the output folder. ``rapport.json`` and
  ``rapport.html`` are then written by streaming that journal.

Nothing lost — the rules:

- Every output name (``<kenmerk>.<fmt>``) is *claimed* for the run by an exclusive create in a
  per-run folder; a second input of the same run with the same kenmerk loses the claim and is a
  ``conflict`` (or ``overgeslagen`` if its bytes are identical: the same melding twice).
- ``.meldform-batch/eigenaren/<name>`` records which input (path and sha256 of its bytes) made
  an output. It is written *before* the output, so a run killed at any moment leaves either no
  output, or an output whose owner record names the input that made it and the sha256 of the
  bytes written. On a rerun an input whose sha256 owns an existing, whole output is
  ``overgeslagen`` (not rendered again; a cut-off one is made again); an existing output owned
  by anything else is a ``conflict`` and is not touched. ``--force`` redoes and overwrites
  everything (same-run conflicts are still detected by the claims).
- Outputs go through ``write_atomic`` (temporary file, hard link/rename, mode 0600) without a
  per-file fsync; owner records carry each output's sha256 and one sync precedes the report;
  temporaries of a killed run are removed at the start of the next one. A ``flock`` keeps two
  batches from writing into one folder at the same time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import functools
import gc
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import tempfile
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NamedTuple

from meldform import __version__
from meldform.check.findings import FOUT, Finding
from meldform.check.loading import LoadError, is_yaml_path, parse_bytes, read_bytes
from meldform.check.rules import dossier_key, elfproef, years_before
from meldform.cleaning import clean, clean_tree
from meldform.errors import MeldformError
from meldform.output import TMP_PREFIX, TMP_SUFFIX, OutputExistsError, OutputNotWritableError, cleanup_temporaries, write_atomic
from meldform.texts.messages import localized, pick

# -- names and statuses ---------------------------------------------------------------------------
SUFFIXES = (".json", ".yaml", ".yml")
STATE_DIR = ".meldform-batch"
JOURNAL = "journal.jsonl"
OWNERS = "eigenaren"
LOCK = "lock"
RUN_PREFIX = "run-"
REPORT_JSON = "rapport.json"
REPORT_HTML = "rapport.html"
RESERVED = frozenset({REPORT_JSON, REPORT_HTML})

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

KENMERK_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ONBEKEND = "onbekend"

CHUNK = 8  # inputs per task: enough to amortise the pool's per-task cost, small for progress

# -- texts (batch's own small catalogue) --------------------------------------------------------------
TEXTS: dict[str, dict[str, str]] = {
    "gereserveerd": {
        "nl": "de naam {doel} is gereserveerd voor het batchrapport; geef de melding een ander kenmerk",
        "en": "the name {doel} is reserved for the batch report; give the melding another kenmerk",
    },
    "zelfde_kenmerk": {
        "nl": "{doel}: een ander bestand in deze batch heeft hetzelfde kenmerk ({ander}); niet overschreven",
        "en": "{doel}: another file in this batch has the same kenmerk ({ander}); not overwritten",
    },
    "bestaat_al": {
        "nl": "{doel} bestaat al en is niet van dit bestand gemaakt{van}; niet overschreven (gebruik --force om te overschrijven)",
        "en": "{doel} already exists and was not made from this file{van}; not overwritten (use --force to overwrite)",
    },
    "bestaat_al_van": {"nl": " (maar van {ander})", "en": " (but from {ander})"},
    "gewijzigd": {
        "nl": "{doel} is gemaakt van een eerdere versie van dit bestand; niet overschreven (gebruik --force om opnieuw te maken)",
        "en": "{doel} was made from an earlier version of this file; not overwritten (use --force to make it again)",
    },
    "mislukt": {
        "nl": "maken van {doel} mislukt door een interne fout ({soort}); zet MELDFORM_DEBUG=1 voor details",
        "en": "making {doel} failed with an internal error ({soort}); set MELDFORM_DEBUG=1 for details",
    },
    "niet_schrijfbaar": {
        "nl": "uitvoermap {map} is niet beschrijfbaar{reden}; de batch is gestopt (een nieuwe run maakt af wat nog ontbreekt)",
        "en": "output folder {map} is not writable{reden}; the batch stopped (a new run finishes what is missing)",
    },
    "vol": {
        "nl": "uitvoermap {map} is vol (geen ruimte meer op de schijf); de batch is gestopt (maak ruimte en start opnieuw: klaar is klaar)",
        "en": "output folder {map} is full (no space left on the disk); the batch stopped (free space and run again: finished documents are kept)",
    },
    "bezet": {
        "nl": "er schrijft al een andere batch naar uitvoermap {map}; wacht tot die klaar is",
        "en": "another batch is already writing to output folder {map}; wait until it is done",
    },
}


def text(key: str, lang: str, **params: Any) -> str:
    return pick(TEXTS, key, lang, **params)


class OutputError(MeldformError):
    """The output folder cannot be written (read-only, full, vanished): the batch stops."""

    def __init__(self, code: int | None, folder: Path | str, detail: str = "") -> None:
        super().__init__(code, str(folder))
        self.code = code
        self.folder = str(folder)
        self.detail = detail

    def message(self, lang: str = "nl") -> str:
        if self.code in (errno.ENOSPC, errno.EDQUOT):
            return text("vol", lang, map=self.folder)
        reden = f" ({os.strerror(self.code)})" if self.code else ""
        return text("niet_schrijfbaar", lang, map=self.folder, reden=reden)


class BusyError(MeldformError):
    """Another batch holds the lock of the output folder."""


# -- discovery ------------------------------------------------------------------------------------
def discover(inputs: Iterable[str], exclude: Path | None = None) -> Iterator[str]:
    """Input paths, in a stable order: each input as given; a folder walked recursively and sorted.

    In folders only ``*.json``, ``*.yaml`` and ``*.yml`` count; hidden files and folders (a name
    starting with ``.``, so also the batch's own ``.meldform-batch``) and the report files in the
    output folder ``exclude`` are skipped. A file named explicitly is always taken (a missing one
    becomes an ``onleesbaar`` record, not a crash).
    """
    excluded = os.path.realpath(exclude) if exclude is not None else None
    for raw in inputs:
        if os.path.isdir(raw):
            yield from _walk(raw, excluded)
        else:
            yield raw


def _walk(top: str, excluded: str | None) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        skip = RESERVED if excluded is not None and os.path.realpath(dirpath) == excluded else frozenset()
        for name in sorted(filenames):
            if not name.startswith(".") and name.lower().endswith(SUFFIXES) and name not in skip:
                yield os.path.join(dirpath, name)


def count_inputs(inputs: Iterable[str], exclude: Path | None = None) -> int:
    """How many inputs ``discover`` will yield (a second, cheap walk: for the progress bar)."""
    return sum(1 for _ in discover(inputs, exclude))


# -- settings passed to the workers -----------------------------------------------------------------
@dataclass(frozen=True)
class Settings:
    output: str
    formats: tuple[str, ...]
    force: bool
    lang: str
    run_dir: str
    owners: str
    secret: bytes


class Outcome(NamedTuple):
    """What a worker sends back for one input: the journal line plus the parent's counting needs."""

    line: str
    status: str
    sector: str
    codes: tuple[tuple[str, str], ...]  # (code, ernst) per finding
    written: int
    kept: int
    persons: tuple[tuple[int, int], ...]  # samenloop keys per person: (bsn key, name key), 0 = none


class Fatal(NamedTuple):
    code: int | None
    folder: str


_SETTINGS: Settings | None = None


def init_worker(settings: Settings, ignore_sigint: bool = True) -> None:
    """Pool initializer (and the in-process setup for ``--jobs 1``)."""
    global _SETTINGS
    _SETTINGS = settings
    if ignore_sigint:
        # Ctrl-C reaches the whole process group; the parent decides how to stop the pool.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_chunk(chunk: Sequence[tuple[int, str]]) -> tuple[list[Outcome], Fatal | None]:
    """Process a few inputs; stop at the first fatal output error and say so."""
    settings = _SETTINGS
    assert settings is not None, "init_worker was not called"
    outcomes: list[Outcome] = []
    for nr, path in chunk:
        try:
            outcomes.append(process_one(nr, path, settings))
        except OutputError as exc:
            return outcomes, Fatal(exc.code, exc.folder)
    return outcomes, None


# -- one input -------------------------------------------------------------------------------------
@functools.cache
def _known_sectors() -> frozenset[str]:
    from meldform.model.schemas import load_schemas

    return frozenset(load_schemas().sectors)


def _str(value: Any, pattern: re.Pattern[str] | None = None) -> str | None:
    if not isinstance(value, str):
        return None
    if pattern is not None and not pattern.fullmatch(value):
        return None
    return value


def process_one(nr: int, path: str, s: Settings) -> Outcome:
    record: dict[str, Any] = {"nr": nr, "bestand": path, "sha256": None, "status": ONLEESBAAR, "kenmerk": None, "soort": None, "sector": None}
    try:
        raw = read_bytes(path)
        record["sha256"] = hashlib.sha256(raw).hexdigest()
        data = parse_bytes(raw, is_yaml_path(path))
    except LoadError as exc:
        finding = Finding(FOUT, "onleesbaar", "", exc.message(s.lang))
        return _outcome(record, [finding], [], [], ())
    from meldform.check.findings import is_valid
    from meldform.check.validation import validate

    findings = validate(data, lang=s.lang)
    doc = data if isinstance(data, dict) else {}
    record["kenmerk"] = _str(doc.get("kenmerk"), KENMERK_RE)
    record["soort"] = doc.get("soort") if doc.get("soort") in ("melding", "advies") else None
    record["sector"] = doc.get("sector") if doc.get("sector") in _known_sectors() else None
    keys = samenloop_keys(doc, s.secret)
    record["samenloop"] = keys
    persons = tuple((_int_key(p["bsn"]), _int_key(p["naam"])) for p in keys["personen"]) if keys else ()
    if not is_valid(findings):
        record["status"] = ONGELDIG
        return _outcome(record, findings, [], [], persons)
    uitvoer, conflicten, status = _write_outputs(doc, findings, record["sha256"], path, s)
    record["status"] = status
    return _outcome(record, findings, uitvoer, conflicten, persons)


def _outcome(
    record: dict[str, Any], findings: list[Finding], uitvoer: list[dict[str, str]], conflicten: list[dict[str, str]], persons: tuple[tuple[int, int], ...]
) -> Outcome:
    record["bevindingen"] = [f.as_json() for f in findings]
    record["uitvoer"] = uitvoer
    record["conflicten"] = conflicten
    line = json.dumps(clean_tree(record), ensure_ascii=False, separators=(",", ":"))  # file names, quoted keys: report-safe
    return Outcome(
        line=line,
        status=record["status"],
        sector=record["sector"] or ONBEKEND,
        codes=tuple((f.code, f.ernst) for f in findings),
        written=sum(1 for u in uitvoer if u["actie"] == GESCHREVEN),
        kept=sum(1 for u in uitvoer if u["actie"] == BEHOUDEN),
        persons=persons,
    )


def _write_outputs(doc: dict[str, Any], findings: list[Finding], sha: str, path: str, s: Settings) -> tuple[list[dict[str, str]], list[dict[str, str]], str]:
    """Render and write every requested format; returns (outputs, conflicts, status)."""
    from meldform.documents.presentation import Presentation, present
    from meldform.documents.rendering import RENDERERS, output_name

    output = Path(s.output)
    owners = Path(s.owners)
    real = os.path.realpath(path)
    uitvoer: list[dict[str, str]] = []
    conflicten: list[dict[str, str]] = []
    failed = False
    presentation: Presentation | None = None  # built once, shared by the formats (render_document per format builds it again)
    for fmt in s.formats:
        name = output_name(doc, fmt)
        target = output / name
        if name in RESERVED:
            conflicten.append({"uitvoer": name, "reden": "gereserveerd", "melding": text("gereserveerd", s.lang, doel=name)})
            continue
        owner = _read_json(owners / name)
        ours = owner.get("sha256") == sha
        if not s.force and ours and _intact(target, owner.get("uitvoer_sha256")):
            uitvoer.append({"bestand": name, "formaat": fmt, "actie": BEHOUDEN})  # finished by an earlier run
            continue
        other = _claim(Path(s.run_dir) / name, sha, real, s.output)
        if other is not None:
            if other.get("sha256") == sha:  # the same bytes twice in this batch: one document
                uitvoer.append({"bestand": name, "formaat": fmt, "actie": BEHOUDEN})
            else:
                ander = other.get("bestand") or "?"
                conflicten.append(
                    {"uitvoer": name, "reden": "zelfde_kenmerk", "ander": ander, "melding": text("zelfde_kenmerk", s.lang, doel=name, ander=ander)}
                )
            continue
        if not s.force and not ours and os.path.lexists(target):
            conflicten.append(_exists_conflict(name, owner, real, s.lang))
            continue
        try:
            if presentation is None:
                presentation = present(doc, findings, s.lang)
            content = RENDERERS[fmt](presentation)
        except Exception as exc:
            if os.environ.get("MELDFORM_DEBUG"):
                raise
            failed = True
            conflicten.append({"uitvoer": name, "reden": "mislukt", "melding": text("mislukt", s.lang, doel=name, soort=type(exc).__name__)})
            continue
        # Our own output that is there but not whole (cut off by a crash before the final sync):
        # made again in place.
        replace = s.force or (ours and os.path.lexists(target))
        if not _store(target, owners / name, content, sha, real, s, conflicten, replace=replace):
            continue
        uitvoer.append({"bestand": name, "formaat": fmt, "actie": GESCHREVEN})
    if failed:
        status = MISLUKT
    elif conflicten:
        status = CONFLICT
    elif uitvoer and all(u["actie"] == BEHOUDEN for u in uitvoer):
        status = OVERGESLAGEN
    else:
        status = GERENDERD
    return uitvoer, conflicten, status


def _exists_conflict(name: str, owner: dict[str, Any], real: str, lang: str) -> dict[str, str]:
    if owner.get("bestand") == real:
        return {"uitvoer": name, "reden": "gewijzigd", "melding": text("gewijzigd", lang, doel=name)}
    ander = owner.get("bestand")
    van = text("bestaat_al_van", lang, ander=ander) if ander else ""
    entry = {"uitvoer": name, "reden": "bestaat_al", "melding": text("bestaat_al", lang, doel=name, van=van)}
    if ander:
        entry["ander"] = ander
    return entry


def _intact(target: Path, expected: Any) -> bool:
    """The output is there and holds exactly the bytes its owner record says were written."""
    if not isinstance(expected, str):
        return False
    try:
        with target.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest() == expected
    except OSError:
        return False


def _store(target: Path, owner_file: Path, content: bytes, sha: str, real: str, s: Settings, conflicten: list[dict[str, str]], *, replace: bool) -> bool:
    """Write one output and its owner record, in the order that survives a kill at any point.

    Outputs are not fsynced one by one (``durable=False``): the owner record carries the hash of
    the output, so a rerun keeps only an output whose bytes are whole, and the batch syncs once
    before it writes its report.
    """
    owner = json.dumps({"bestand": real, "sha256": sha, "uitvoer_sha256": hashlib.sha256(content).hexdigest()}).encode("utf-8")
    try:
        if replace:
            # Owner record gone first: a kill before the new record exists leaves an output that a
            # rerun without --force will not trust (a conflict), never a stale one it would keep.
            with contextlib.suppress(FileNotFoundError):
                owner_file.unlink()
            write_atomic(target, content, force=True, durable=False)
            _write_small(owner_file, owner)
        else:
            # Owner record first: a kill before the output exists leaves a record a rerun ignores
            # (the output is missing, so it is made); after, a complete output and its owner.
            _write_small(owner_file, owner)
            try:
                write_atomic(target, content, force=False, durable=False)
            except OutputExistsError:
                # Someone outside this batch made the file in between: not ours.
                with contextlib.suppress(FileNotFoundError):
                    owner_file.unlink()
                conflicten.append(_exists_conflict(target.name, {}, real, s.lang))
                return False
    except OutputNotWritableError as exc:
        raise OutputError(exc.errno, s.output) from None
    except OSError as exc:
        raise OutputError(exc.errno, s.output) from None
    return True


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            value = json.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _claim(path: Path, sha: str, real: str, output: str) -> dict[str, Any] | None:
    """Claim an output name for this run: ``None`` if ours, else the other claim (maybe ``{}``)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_json(path)
    except OSError as exc:
        raise OutputError(exc.errno, output) from None
    try:
        os.write(fd, json.dumps({"bestand": real, "sha256": sha}).encode("utf-8"))  # ASCII: a non-UTF-8 path round-trips
    except OSError as exc:
        raise OutputError(exc.errno, output) from None
    finally:
        os.close(fd)
    return None


def _write_small(path: Path, data: bytes) -> None:
    """Replace a small bookkeeping file atomically (no fsync: losing it only makes a rerun cautious)."""
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# -- samenloop keys ------------------------------------------------------------------------------------
def _keyed(secret: bytes, kind: str, value: str) -> str:
    # cleaned: a lone surrogate cannot be encoded, and a dossier number matches as it is shown
    return hashlib.blake2b(f"{kind}\x00{clean(value)}".encode(), key=secret, digest_size=16).hexdigest()


def _int_key(hexkey: str | None) -> int:
    """A 60-bit integer for the in-memory index (0 = no key)."""
    if not hexkey:
        return 0
    return int(hexkey[:15], 16) or 1


def normalise_name(naam: Any) -> str | None:
    """'Sanne  Bakker', 'sanne bakker' and 'Sánne Bakker' alike; voorvoegsel inside the surname or not."""
    if not isinstance(naam, dict):
        return None
    voornamen, geslachtsnaam = naam.get("voornamen"), naam.get("geslachtsnaam")
    if not isinstance(voornamen, str) or not isinstance(geslachtsnaam, str):
        return None
    voorvoegsel = naam.get("voorvoegsel") if isinstance(naam.get("voorvoegsel"), str) else ""
    full = unicodedata.normalize("NFKD", f"{voornamen} {voorvoegsel} {geslachtsnaam}".casefold())
    key = "".join(ch for ch in full if ch.isalnum())
    return key or None


def _date(value: Any) -> str | None:
    if not isinstance(value, str) or not DATE_RE.fullmatch(value):
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def samenloop_keys(doc: dict[str, Any], secret: bytes) -> dict[str, Any] | None:
    """The keys samenloop needs, as keyed hashes: per person BSN and (name, birth date).

    Only a ``melding`` counts (an adviesvraag is anonymous). A BSN counts when it passes the
    elfproef; name and birth date when both are present. The secret is per run and never stored,
    so the hashes cannot be reversed by trying all BSNs, nor linked to another run's report.
    """
    if doc.get("soort") != "melding":
        return None
    found = doc.get("betrokkenen")
    betrokkenen: dict[str, Any] = found if isinstance(found, dict) else {}
    personen: list[dict[str, str | None]] = []
    for group in ("kinderen", "volwassenen"):
        items = betrokkenen.get(group)
        for index, person in enumerate(items if isinstance(items, list) else []):
            if not isinstance(person, dict):
                continue
            bsn = person.get("burgerservicenummer")
            bsn_key = _keyed(secret, "bsn", bsn) if isinstance(bsn, str) and elfproef(bsn) else None
            name, birth = normalise_name(person.get("naam")), _date(person.get("geboortedatum"))
            name_key = _keyed(secret, "naam", f"{name}|{birth}") if name and birth else None
            if bsn_key or name_key:
                personen.append({"pad": f"/betrokkenen/{group}/{index}", "bsn": bsn_key, "naam": name_key})
    eerder = doc.get("eerdereBetrokkenheidVeiligThuis")
    contacten = eerder.get("eerdereContacten") if isinstance(eerder, dict) else None
    earlier: list[list[str]] = []
    anonymous: Counter[str] = Counter()
    for contact in contacten if isinstance(contacten, list) else []:
        if not isinstance(contact, dict) or contact.get("soort") != "melding":
            continue
        when = _date(contact.get("datum"))
        if when is None:
            continue
        dossier = dossier_key(contact.get("dossiernummer"))
        if dossier is None:
            # Without a number: the n-th such contact on that date (so two sources that both
            # mention one unnumbered melding count it once, as the per-document rule would).
            dossier = f"\x00{when}#{anonymous[when]}"
            anonymous[when] += 1
        earlier.append([when, _keyed(secret, "dossier", dossier)])
    return {"datum": _date(doc.get("datum")), "personen": personen, "eerdere": earlier}


# -- the parent: aggregation ---------------------------------------------------------------------------
@dataclass
class Summary:
    bestanden: int = 0
    status: Counter[str] = field(default_factory=Counter)
    per_sector: dict[str, Counter[str]] = field(default_factory=dict)
    per_code: dict[str, dict[str, Any]] = field(default_factory=dict)
    geschreven: int = 0
    behouden: int = 0
    fouten: int = 0
    waarschuwingen: int = 0
    # samenloop index: one entry per person, compact (three machine words)
    p_bsn: array[int] = field(default_factory=lambda: array("q"))
    p_naam: array[int] = field(default_factory=lambda: array("q"))
    p_doc: array[int] = field(default_factory=lambda: array("q"))
    groepen: int = 0
    hermelding_groepen: int = 0

    @property
    def ok(self) -> bool:
        return all(status in OK_STATUSES for status, count in self.status.items() if count)

    def add(self, outcome: Outcome, seq: int) -> None:
        self.bestanden += 1
        self.status[outcome.status] += 1
        self.per_sector.setdefault(outcome.sector, Counter())[outcome.status] += 1
        self.geschreven += outcome.written
        self.behouden += outcome.kept
        seen: set[str] = set()
        for code, ernst in outcome.codes:
            entry = self.per_code.setdefault(code, {"code": code, "ernst": ernst, "aantal": 0, "bestanden": 0})
            entry["aantal"] += 1
            if code not in seen:
                entry["bestanden"] += 1
                seen.add(code)
            if ernst == FOUT:
                self.fouten += 1
            else:
                self.waarschuwingen += 1
        for bsn, naam in outcome.persons:
            self.p_bsn.append(bsn)
            self.p_naam.append(naam)
            self.p_doc.append(seq)

    def as_json(self) -> dict[str, Any]:
        return {
            "bestanden": self.bestanden,
            "status": {status: self.status.get(status, 0) for status in STATUSES},
            "documentenGeschreven": self.geschreven,
            "documentenBehouden": self.behouden,
            "fouten": self.fouten,
            "waarschuwingen": self.waarschuwingen,
            "perSector": {sector: {status: counts.get(status, 0) for status in STATUSES} for sector, counts in sorted(self.per_sector.items())},
            "perCode": sorted(self.per_code.values(), key=lambda e: (e["ernst"] != FOUT, -e["bestanden"], e["code"])),
            "samenloopGroepen": self.groepen,
            "samenloopHermelding": self.hermelding_groepen,
        }


Progress = Callable[[int, Summary], None]


@dataclass
class BatchResult:
    summary: Summary
    rapport_json: Path
    rapport_html: Path

    @property
    def ok(self) -> bool:
        return self.summary.ok


def _chunks(paths: Iterable[str], size: int) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for nr, path in enumerate(paths):
        chunk.append((nr, path))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(
    inputs: Sequence[str],
    output: Path,
    *,
    formats: Sequence[str],
    jobs: int = 1,
    force: bool = False,
    lang: str = "nl",
    progress: Progress | None = None,
) -> BatchResult:
    """Validate and render every input into ``output``; write the reports; return the counts.

    Raises ``OutputError`` when the output folder cannot be written (the pool is stopped first),
    ``BusyError`` when another batch writes to the same folder.
    """
    state = output / STATE_DIR
    try:
        state.mkdir(mode=0o700, exist_ok=True)
        (state / OWNERS).mkdir(mode=0o700, exist_ok=True)
        lock = os.fdopen(os.open(state / LOCK, os.O_RDWR | os.O_CREAT, 0o600), "r+b")
    except OSError as exc:
        raise OutputError(exc.errno, output) from None
    try:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BusyError(str(output)) from None
        return _run_locked(inputs, output, state, formats=tuple(formats), jobs=jobs, force=force, lang=lang, progress=progress)
    finally:
        lock.close()


def _run_locked(
    inputs: Sequence[str], output: Path, state: Path, *, formats: tuple[str, ...], jobs: int, force: bool, lang: str, progress: Progress | None
) -> BatchResult:
    try:
        cleanup_temporaries(output)
        cleanup_temporaries(state / OWNERS)
        for stale in state.glob(f"{RUN_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        for report in (REPORT_JSON, REPORT_HTML):
            with contextlib.suppress(FileNotFoundError):
                (output / report).unlink()  # a report on disk always describes a finished run
        run_dir = state / f"{RUN_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        run_dir.mkdir(mode=0o700)
        journal_path = state / JOURNAL
        journal = os.fdopen(os.open(journal_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8")
    except OSError as exc:
        raise OutputError(exc.errno, output) from None
    settings = Settings(
        output=str(output),
        formats=formats,
        force=force,
        lang=lang,
        run_dir=str(run_dir),
        owners=str(state / OWNERS),
        secret=secrets.token_bytes(32),
    )
    summary = Summary()
    try:
        with journal:
            paths = discover(inputs, exclude=output)
            _feed(paths, settings, jobs, summary, journal, output, progress)
        groups = samenloop_groups(summary, journal_path, settings.secret)
        result = write_reports(output, journal_path, summary, groups, formats=formats, lang=lang)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    with contextlib.suppress(OSError):
        journal_path.unlink()
    return result


def _warm_up(formats: Sequence[str]) -> None:
    """Load schemas, validator and templates once in the parent: forked workers start warm."""
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=False) != "fork":
        return
    from meldform.check.validation import validate
    from meldform.documents.presentation import present  # noqa: F401
    from meldform.documents.render_html import environment
    from meldform.documents.rendering import RENDERERS  # noqa: F401

    with contextlib.suppress(Exception):  # only an optimisation: never a reason to fail
        validate({"soort": "melding", "datum": "2000-01-01"})  # builds the validator and the rules' caches
        environment().get_template("melding.html.j2")
        if "docx" in formats:
            import meldform.documents.render_docx  # noqa: F401


def _feed(paths: Iterable[str], settings: Settings, jobs: int, summary: Summary, journal: IO[str], output: Path, progress: Progress | None) -> None:
    """Run the worker over all inputs; journal each record in input order as it completes."""

    def emit(results: tuple[list[Outcome], Fatal | None]) -> None:
        outcomes, fatal = results
        try:
            for outcome in outcomes:
                journal.write(outcome.line + "\n")
                summary.add(outcome, summary.bestanden)
            journal.flush()
        except OSError as exc:
            raise OutputError(exc.errno, output) from None
        if progress is not None and outcomes:
            progress(len(outcomes), summary)
        if fatal is not None:
            raise OutputError(fatal.code, fatal.folder)

    chunks = _chunks(paths, CHUNK)
    if jobs <= 1:
        init_worker(settings, ignore_sigint=False)
        for chunk in chunks:
            emit(process_chunk(chunk))
        return

    _warm_up(settings.formats)
    # Until the workers are forked (all at the first submit, with fork), keep the collector off the
    # inherited objects: it would touch, and so copy, every page of them in each worker.
    gc.freeze()
    frozen = True
    max_in_flight = jobs * 2  # bounded: the generator is consumed only as fast as the pool works
    max_ahead = jobs * 8  # completed chunks waiting for an earlier, slower one (input order)
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=init_worker, initargs=(settings,))
    in_flight: dict[Future[tuple[list[Outcome], Fatal | None]], int] = {}
    finished: dict[int, tuple[list[Outcome], Fatal | None]] = {}
    next_submit = next_emit = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(in_flight) < max_in_flight and next_submit - next_emit < max_ahead:
                task = next(chunks, None)
                if task is None:
                    exhausted = True
                    break
                in_flight[executor.submit(process_chunk, task)] = next_submit
                next_submit += 1
                if frozen:
                    gc.unfreeze()
                    frozen = False
            if not in_flight:
                break
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                finished[in_flight.pop(future)] = future.result()
            while next_emit in finished:
                emit(finished.pop(next_emit))
                next_emit += 1
    except BaseException:
        # Stop cleanly: nothing new starts; running chunks end by themselves (a few documents).
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        if frozen:
            gc.unfreeze()
    executor.shutdown(wait=True)


# -- samenloop ------------------------------------------------------------------------------------------
BSN_LINK, NAAM_LINK = 1, 2
KOPPELING = {BSN_LINK: "bsn", NAAM_LINK: "naam_en_geboortedatum"}


def _journal(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def samenloop_groups(summary: Summary, journal_path: Path, secret: bytes) -> list[dict[str, Any]]:
    """Group persons across the batch: same BSN, or else same name and birth date.

    Two persons are linked when they share a BSN; or when they share name and birth date and that
    name-and-birth-date is not claimed by two different BSNs (then they are evidently different
    people, and only persons without a BSN are linked by it). Linking is transitive (union-find).
    A group counts when it spans at least two different documents (distinct sha256).
    """
    n = len(summary.p_doc)
    parent = array("q", range(n))
    links: dict[int, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int, kind: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
            links[ra] = links.get(ra, 0) | links.pop(rb, 0) | kind  # only links that joined something

    first: dict[int, int] = {}
    for p in range(n):
        key = summary.p_bsn[p]
        if key:
            if key in first:
                union(first[key], p, BSN_LINK)
            else:
                first[key] = p
    first.clear()
    name_bsn: dict[int, int] = {}  # name key -> the one BSN key seen with it, 0 none, -1 several
    for p in range(n):
        key, bsn = summary.p_naam[p], summary.p_bsn[p]
        if not key:
            continue
        current = name_bsn.get(key, 0)
        if bsn and current == 0:
            name_bsn[key] = bsn
        elif bsn and current not in (bsn, -1):
            name_bsn[key] = -1
        else:
            name_bsn.setdefault(key, current)
    without_bsn: dict[int, int] = {}
    for p in range(n):
        key = summary.p_naam[p]
        if not key:
            continue
        if name_bsn[key] == -1:
            if summary.p_bsn[p]:
                continue
            table = without_bsn
        else:
            table = first
        if key in table:
            union(table[key], p, NAAM_LINK)
        else:
            table[key] = p
    del first, without_bsn, name_bsn

    # Groups that span two or more documents; numbered in input order.
    root_doc: dict[int, int] = {}
    multi: dict[int, int] = {}
    for p in range(n):
        root = find(p)
        doc = summary.p_doc[p]
        seen = root_doc.setdefault(root, doc)
        if seen != doc and root not in multi:
            multi[root] = len(multi)
    del root_doc
    if not multi:
        return []
    member_of: dict[int, int] = {p: multi[find(p)] for p in range(n) if find(p) in multi}
    kinds = {gid: links.get(root, 0) for root, gid in multi.items()}
    groups: list[dict[str, Any]] = [{"leden": [], "docs": {}, "sleutel": None, "namen": set()} for _ in multi]

    p = 0
    for record in _journal(journal_path):
        keys = record.get("samenloop")
        if not keys:
            continue
        for person in keys["personen"]:
            gid = member_of.get(p)
            p += 1
            if gid is None:
                continue
            group = groups[gid]
            group["sleutel"] = group["sleutel"] or person["bsn"] or person["naam"]
            if person["naam"]:
                group["namen"].add(person["naam"])
            group["leden"].append(
                {
                    "bestand": record["bestand"],
                    "kenmerk": record["kenmerk"],
                    "sector": record["sector"],
                    "datum": keys["datum"],
                    "pad": person["pad"],
                    "status": record["status"],
                }
            )
            group["docs"].setdefault(record["sha256"], (keys["datum"], keys["eerdere"]))
    return [_finish_group(i, g, kinds[i], secret) for i, g in enumerate(groups) if len(g["docs"]) >= 2]


def _finish_group(index: int, group: dict[str, Any], kind: int, secret: bytes) -> dict[str, Any]:
    dates = [datum for datum, _ in group["docs"].values() if datum]
    peildatum = max(dates) if dates else None
    earlier: set[str] = set()
    in_batch = 0
    vanaf = None
    if peildatum is not None:
        end = dt.date.fromisoformat(peildatum)
        start = years_before(end, 5)
        vanaf = start.isoformat()
        for datum, contacts in group["docs"].values():
            if datum and vanaf <= datum <= peildatum:
                in_batch += 1
            for when, key in contacts:
                if vanaf <= when <= peildatum:
                    earlier.add(key)
    total = in_batch + len(earlier)
    return {
        "groep": "G-" + hashlib.blake2b(str(group["sleutel"]).encode(), key=secret, digest_size=6).hexdigest(),
        "koppeling": [name for bit, name in KOPPELING.items() if kind & bit],
        "meldingenInBatch": len(group["docs"]),
        "peildatum": peildatum,
        "vanaf": vanaf,
        "meldingenInBatchBinnenVijfJaar": in_batch,
        "eerdereDossiersBinnenVijfJaar": len(earlier),
        "dossiersBinnenVijfJaar": total,
        "hermeldingProtocol": total >= 3,
        # Same BSN, yet different names or birth dates: a typo in a BSN, or two people mixed up.
        "naamOfGeboortedatumVerschilt": len(group["namen"]) > 1,
        "leden": group["leden"],
    }


# -- the reports ------------------------------------------------------------------------------------
@contextlib.contextmanager
def _atomic_text(target: Path) -> Iterator[IO[str]]:
    """Stream text to ``target`` atomically (0600, fsync, rename), as ``write_atomic`` does for bytes."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=TMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise OutputError(exc.errno, target.parent) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(exc.errno, target.parent) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


REPORT_FIELDS = ("nr", "bestand", "sha256", "status", "kenmerk", "soort", "sector", "bevindingen", "uitvoer", "conflicten")


def _public(record: dict[str, Any]) -> dict[str, Any]:
    """A journal record without the internal samenloop keys."""
    return {key: record.get(key) for key in REPORT_FIELDS}


def write_reports(output: Path, journal_path: Path, summary: Summary, groups: list[dict[str, Any]], *, formats: Sequence[str], lang: str) -> BatchResult:
    # Outputs were written without a per-file fsync: one sync here, so a finished report means
    # every output it lists is on disk.
    os.sync()
    summary.groepen = len(groups)
    summary.hermelding_groepen = sum(1 for g in groups if g["hermeldingProtocol"])
    made = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    head = {
        "meldform": __version__,
        "rapport": "batch",
        "gemaakt": made,
        "uitvoermap": str(output),
        "formaten": list(formats),
        "samenvatting": summary.as_json(),
        "samenloop": groups,
    }
    json_path = output / REPORT_JSON
    with _atomic_text(json_path) as handle:
        opening = json.dumps(clean_tree(head), ensure_ascii=False, indent=2)
        handle.write(opening[:-2] + ',\n  "bestanden": [')
        for index, record in enumerate(_journal(journal_path)):
            handle.write(",\n    " if index else "\n    ")
            handle.write(json.dumps(_public(record), ensure_ascii=False))
        handle.write("\n  ]\n}\n")
    html_path = output / REPORT_HTML
    with _atomic_text(html_path) as handle:
        for piece in render_report_html(journal_path, summary, groups, made=made, output=output, formats=formats, lang=lang):
            handle.write(piece)
    return BatchResult(summary, json_path, html_path)


HTML_WORDS: dict[str, dict[str, str]] = {
    "titel": {"nl": "Batchrapport meldform", "en": "meldform batch report"},
    "gemaakt": {"nl": "Gemaakt", "en": "Made"},
    "uitvoermap": {"nl": "Uitvoermap", "en": "Output folder"},
    "formaten": {"nl": "Formaten", "en": "Formats"},
    "bestanden": {"nl": "Invoerbestanden", "en": "Input files"},
    "samenvatting": {"nl": "Samenvatting", "en": "Summary"},
    "status": {"nl": "Status", "en": "Status"},
    "aantal": {"nl": "Aantal", "en": "Number"},
    "geschreven": {"nl": "Documenten geschreven", "en": "Documents written"},
    "behouden": {"nl": "Documenten behouden (al klaar)", "en": "Documents kept (already done)"},
    "fouten": {"nl": "Fouten", "en": "Errors"},
    "waarschuwingen": {"nl": "Waarschuwingen", "en": "Warnings"},
    "per_sector": {"nl": "Per sector", "en": "Per sector"},
    "sector": {"nl": "Sector", "en": "Sector"},
    "totaal": {"nl": "Totaal", "en": "Total"},
    "geen_sector": {"nl": "Onbekend (onleesbaar of zonder geldige sector)", "en": "Unknown (unreadable or without a valid sector)"},
    "per_code": {"nl": "Per bevinding", "en": "Per finding"},
    "code": {"nl": "Code", "en": "Code"},
    "ernst": {"nl": "Ernst", "en": "Severity"},
    "in_bestanden": {"nl": "In bestanden", "en": "In files"},
    "geen_bevindingen": {"nl": "Geen bevindingen.", "en": "No findings."},
    "samenloop": {"nl": "Samenloop (radarfunctie)", "en": "Samenloop (radar function)"},
    "samenloop_uitleg": {
        "nl": "Meldingen in deze batch die over dezelfde persoon gaan: hetzelfde BSN, of anders dezelfde naam en geboortedatum. "
        "Per groep het aantal dossiers binnen vijf jaar (eerdere meldingen bij Veilig Thuis plus de meldingen in deze batch); "
        "bij drie of meer geldt het hermeldingsprotocol. Het rapport noemt geen namen of BSN's.",
        "en": "Meldingen in this batch about the same person: the same BSN, or else the same name and date of birth. "
        "Per group the number of dossiers within five years (earlier meldingen at Veilig Thuis plus the meldingen in this batch); "
        "with three or more the re-report protocol applies. The report names no names or BSNs.",
    },
    "geen_samenloop": {"nl": "Geen samenloop gevonden.", "en": "No samenloop found."},
    "groep": {"nl": "Groep", "en": "Group"},
    "koppeling": {"nl": "Gekoppeld op", "en": "Linked by"},
    "bsn": {"nl": "BSN", "en": "BSN"},
    "naam_en_geboortedatum": {"nl": "naam en geboortedatum", "en": "name and date of birth"},
    "meldingen_in_batch": {"nl": "Meldingen in deze batch", "en": "Meldingen in this batch"},
    "eerdere_dossiers": {"nl": "Eerdere dossiers bij Veilig Thuis binnen vijf jaar", "en": "Earlier Veilig Thuis dossiers within five years"},
    "dossiers_vijf_jaar": {"nl": "Dossiers binnen vijf jaar (vanaf {vanaf})", "en": "Dossiers within five years (from {vanaf})"},
    "verschil": {
        "nl": "Let op: hetzelfde BSN, maar een andere naam of geboortedatum. Controleer het BSN: een tikfout of een persoonsverwisseling?",
        "en": "Attention: the same BSN, but a different name or date of birth. Check the BSN: a typo or two people mixed up?",
    },
    "hermelding": {
        "nl": "Hermeldingsprotocol van toepassing: drie of meer dossiers binnen vijf jaar.",
        "en": "Re-report protocol applies: three or more dossiers within five years.",
    },
    "bestand": {"nl": "Bestand", "en": "File"},
    "kenmerk": {"nl": "Kenmerk", "en": "Reference"},
    "persoon": {"nl": "Persoon", "en": "Person"},
    "datum": {"nl": "Datum", "en": "Date"},
    "problemen": {"nl": "Niet gemaakt: ongeldige, onleesbare en conflicterende bestanden", "en": "Not made: invalid, unreadable and conflicting files"},
    "geen_problemen": {"nl": "Alle bestanden zijn gemaakt of waren al klaar.", "en": "All files were made or were already done."},
    "voettekst": {
        "nl": "Gemaakt met meldform {versie}. Dit rapport noemt bestanden, kenmerken en bevindingen, geen persoonsgegevens; "
        "de gemaakte documenten bevatten die wel.",
        "en": "Made with meldform {versie}. This report names files, references and findings, no personal data; the documents made do contain it.",
    },
}

STATUS_WORDS: dict[str, dict[str, str]] = {
    GERENDERD: {"nl": "gerenderd", "en": "rendered"},
    OVERGESLAGEN: {"nl": "overgeslagen (al klaar)", "en": "skipped (already done)"},
    ONGELDIG: {"nl": "ongeldig", "en": "invalid"},
    ONLEESBAAR: {"nl": "onleesbaar", "en": "unreadable"},
    CONFLICT: {"nl": "conflict (zelfde kenmerk of bestaand bestand)", "en": "conflict (same reference or existing file)"},
    MISLUKT: {"nl": "mislukt (interne fout)", "en": "failed (internal error)"},
}


def _problems(journal_path: Path) -> Iterator[dict[str, Any]]:
    for record in _journal(journal_path):
        if record["status"] not in OK_STATUSES:
            yield _public(record)


def render_report_html(
    journal_path: Path, summary: Summary, groups: list[dict[str, Any]], *, made: str, output: Path, formats: Sequence[str], lang: str
) -> Iterator[str]:
    """The readable overview, streamed (the list of problem files is read from the journal)."""
    from meldform.documents.render_html import environment, stylesheet
    from meldform.model.i18n import tr
    from meldform.model.schemas import load_schemas
    from meldform.texts.messages import ERNST_LABELS

    schemas = load_schemas()
    css, style_hash = stylesheet()
    words = localized(HTML_WORDS, lang)
    status_words = localized(STATUS_WORDS, lang)
    ernst_words = localized(ERNST_LABELS, lang)
    sectors = []
    for sector, counts in sorted(summary.per_sector.items()):
        label = tr(schemas.sector_label(sector), lang) if sector in schemas.sectors else words["geen_sector"]
        sectors.append({"label": label, "totaal": sum(counts.values()), "status": counts})
    template = environment().get_template("rapport.html.j2")
    return template.generate(
        lang=lang,
        style=css,
        style_hash=style_hash,
        words=words,
        status_words=status_words,
        ernst_words=ernst_words,
        statuses=STATUSES,
        made=made,
        output=str(output),
        formats=", ".join(formats),
        summary=summary,
        sectors=sectors,
        codes=summary.as_json()["perCode"],
        groups=groups,
        problems=_problems(journal_path),
        version=__version__,
    )
