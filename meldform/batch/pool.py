"""The worker and the pool: one input to one small record, many inputs through a process pool.

- ``process_one``: reads, validates and renders one input and returns a picklable ``Outcome`` —
  status, findings as dicts, the output file names, the sector and the samenloop keys (keyed
  hashes, never a BSN or a name) — never the document itself.
- ``feed``: runs the worker over the inputs from a generator, ``CHUNK`` inputs per task, with a
  bounded number of chunks in flight (``--jobs 1``: in-process, no pool); each record is journalled
  in input order as it completes and counted in the ``Summary``.

Workers die with their parent. They are forked (the start method is pinned: forked workers start
warm and never hold the output folder's lock, see ``lock``); each asks the kernel for SIGKILL when
its parent dies (Linux ``PR_SET_PDEATHSIG``) and checks that its parent is still the batch that
forked it — at start (the parent may die before the request is made) and before every input.
Elsewhere a watchdog thread does that check. So a ``kill -9`` of ``meldform batch`` leaves no
worker behind writing into the folder, and a rerun can start at once.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import hashlib
import json
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import IO, Any

from meldform.batch.common import BEHOUDEN, GESCHREVEN, ONBEKEND, ONGELDIG, ONLEESBAAR, Fatal, Outcome, OutputError, Settings, public_record
from meldform.batch.ownership import write_outputs
from meldform.batch.report import Progress, Summary
from meldform.batch.samenloop import int_key, samenloop_keys
from meldform.check.findings import FOUT, Finding
from meldform.check.loading import LoadError, is_yaml_path, parse_bytes, read_bytes
from meldform.cleaning import clean_tree

CHUNK = 32  # inputs per task: amortises the pool's per-task cost (measured: parent CPU -25% against 8); small for progress
# Forked workers inherit the loaded schemas, validator and templates (``_warm_up``); where fork is
# not available, spawn (each worker a direct child of the batch, as the parent checks assume).
START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_INTERVAL = 0.5  # seconds between checks of the watchdog (where prctl is not available)

_SETTINGS: Settings | None = None
_PARENT: int | None = None  # the batch's pid, in a worker; None in the batch itself


# -- the worker's life --------------------------------------------------------------------------------
def init_worker(settings: Settings, parent: int | None = None, ignore_sigint: bool = True) -> None:
    """Pool initializer (``parent``: the batch's pid) and the in-process setup for ``--jobs 1``."""
    global _SETTINGS, _PARENT
    _SETTINGS = settings
    if parent is not None:
        _PARENT = parent
        die_with_parent(parent)
    if ignore_sigint:
        # Ctrl-C reaches the whole process group; the parent decides how to stop the pool.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def die_with_parent(parent: int, *, use_prctl: bool = True) -> None:
    """End this process when ``parent`` (the process that forked it) is gone."""
    if not (use_prctl and _request_parent_death_signal()):
        threading.Thread(target=_watch_parent, args=(parent,), name="meldform-ouder", daemon=True).start()
    _exit_if_orphaned(parent)  # the parent may have died before the request took effect


def _request_parent_death_signal() -> bool:
    """Linux: SIGKILL when the parent (the thread that forked us) exits. ``False`` where not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while True:
        _exit_if_orphaned(parent)
        time.sleep(WATCH_INTERVAL)


def _exit_if_orphaned(parent: int) -> None:
    if os.getppid() != parent:
        os._exit(1)  # the batch is gone: nobody would read our results, and no one else may write here


def process_chunk(chunk: Sequence[tuple[int, str]]) -> tuple[list[Outcome], Fatal | None]:
    """Process a few inputs; stop at the first fatal output error and say so."""
    settings = _SETTINGS
    assert settings is not None, "init_worker was not called"
    outcomes: list[Outcome] = []
    for nr, path in chunk:
        if _PARENT is not None:
            _exit_if_orphaned(_PARENT)
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


@functools.cache
def _kenmerk_pattern() -> re.Pattern[str]:
    """The schema's own pattern for ``kenmerk`` (with JSON Schema semantics, as the validator uses it)."""
    from meldform.check.formats import ecma_regex
    from meldform.model.schemas import load_schemas

    node = load_schemas().node_at(["kenmerk"])
    assert node is not None and isinstance(node.get("pattern"), str), "the schema defines kenmerk's pattern"
    return ecma_regex(node["pattern"])


def _kenmerk(value: Any) -> str | None:
    return value if isinstance(value, str) and _kenmerk_pattern().search(value) else None


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
    from meldform.check.migrate import migrate
    from meldform.check.rules import Instellingen
    from meldform.check.validation import validate

    migrated = migrate(data)  # a 1.0 document is checked and rendered in its 1.1 form
    data = migrated.data
    if migrated.gemigreerd_van is not None:
        record["gemigreerdVan"] = migrated.gemigreerd_van
    findings = validate(data, lang=s.lang, instellingen=Instellingen(s.hermelding_dossiers, s.hermelding_jaren))
    doc = data if isinstance(data, dict) else {}
    record["kenmerk"] = _kenmerk(doc.get("kenmerk"))
    record["soort"] = doc.get("soort") if doc.get("soort") in ("melding", "advies", "dossiernotitie") else None
    record["sector"] = doc.get("sector") if doc.get("sector") in _known_sectors() else None
    keys = samenloop_keys(doc, s.secret)
    record["samenloop"] = keys
    persons = tuple((int_key(p["bsn"]), int_key(p["naam"])) for p in keys["personen"]) if keys else ()
    if not is_valid(findings):
        record["status"] = ONGELDIG
        return _outcome(record, findings, [], [], persons)
    uitvoer, conflicten, status = write_outputs(doc, findings, record["sha256"], path, s)
    record["status"] = status
    return _outcome(record, findings, uitvoer, conflicten, persons)


def _outcome(
    record: dict[str, Any], findings: list[Finding], uitvoer: list[dict[str, str]], conflicten: list[dict[str, str]], persons: tuple[tuple[int, int], ...]
) -> Outcome:
    record["bevindingen"] = [f.as_json() for f in findings]
    record["uitvoer"] = uitvoer
    record["conflicten"] = conflicten
    cleaned = clean_tree(record)
    line = json.dumps(cleaned, ensure_ascii=False, separators=(",", ":"))  # file names, quoted keys: report-safe
    return Outcome(
        line=line,
        public=json.dumps(public_record(cleaned), ensure_ascii=False),
        status=record["status"],
        sector=record["sector"] or ONBEKEND,
        codes=tuple((f.code, f.ernst) for f in findings),
        written=sum(1 for u in uitvoer if u["actie"] == GESCHREVEN),
        kept=sum(1 for u in uitvoer if u["actie"] == BEHOUDEN),
        persons=persons,
    )


# -- the parent: feeding the pool ------------------------------------------------------------------------
def chunks(paths: Iterable[str], size: int) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for nr, path in enumerate(paths):
        chunk.append((nr, path))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _warm_up(context: BaseContext, formats: Sequence[str]) -> None:
    """Load schemas, validator and templates once in the parent: forked workers start warm."""
    if context.get_start_method() != "fork":
        return
    from meldform.check.validation import validate
    from meldform.documents.presentation import present  # noqa: F401
    from meldform.documents.render_html import environment
    from meldform.documents.rendering import RENDERERS  # noqa: F401

    with contextlib.suppress(Exception):  # only an optimisation: never a reason to fail
        validate({"soort": "melding", "datum": "2000-01-01"})  # builds the validator and the rules' caches
        _kenmerk_pattern()
        environment().get_template("melding.html.j2")
        if "docx" in formats:
            import meldform.documents.render_docx  # noqa: F401


def feed(
    paths: Iterable[str],
    settings: Settings,
    jobs: int,
    summary: Summary,
    journal: IO[str],
    output: Path,
    progress: Progress | None,
    public: IO[str] | None = None,
) -> None:
    """Run the worker over all inputs; journal each record in input order as it completes (and, to
    ``public``, the record as rapport.json lists it)."""

    def emit(results: tuple[list[Outcome], Fatal | None]) -> None:
        outcomes, fatal = results
        try:
            for outcome in outcomes:
                journal.write(outcome.line + "\n")
                if public is not None:
                    public.write(outcome.public + "\n")
                summary.add(outcome, summary.bestanden)
            journal.flush()
            if public is not None:
                public.flush()
        except OSError as exc:
            raise OutputError(exc.errno, output) from None
        if progress is not None and outcomes:
            progress(len(outcomes), summary)
        if fatal is not None:
            raise OutputError(fatal.code, fatal.folder)

    tasks = chunks(paths, CHUNK)
    if jobs <= 1:
        init_worker(settings, ignore_sigint=False)
        for chunk in tasks:
            emit(process_chunk(chunk))
        return

    context = multiprocessing.get_context(START_METHOD)
    _warm_up(context, settings.formats)
    # Until the workers are forked (all at the first submit, with fork, by this thread: the one
    # whose end PR_SET_PDEATHSIG watches), keep the collector off the inherited objects: it would
    # touch, and so copy, every page of them in each worker.
    gc.freeze()
    frozen = True
    max_in_flight = jobs * 2  # bounded: the generator is consumed only as fast as the pool works
    max_ahead = jobs * 8  # completed chunks waiting for an earlier, slower one (input order)
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=init_worker, initargs=(settings, os.getpid()))
    in_flight: dict[Future[tuple[list[Outcome], Fatal | None]], int] = {}
    finished: dict[int, tuple[list[Outcome], Fatal | None]] = {}
    next_submit = next_emit = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(in_flight) < max_in_flight and next_submit - next_emit < max_ahead:
                task = next(tasks, None)
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
