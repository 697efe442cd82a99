"""``run_batch``: one batch from start to end — lock, clean up, feed the pool, samenloop, reports."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Sequence
from pathlib import Path

from meldform.batch.common import JOURNAL, OWNERS, PUBLIC_JOURNAL, REPORT_HTML, REPORT_JSON, RUN_PREFIX, STATE_DIR, OutputError, Settings
from meldform.batch.discover import discover
from meldform.batch.lock import folder_lock
from meldform.batch.pool import feed
from meldform.batch.report import BatchResult, Progress, Summary, write_reports
from meldform.batch.samenloop import samenloop_groups
from meldform.output import cleanup_temporaries, make_dir


def run_batch(
    inputs: Sequence[str],
    output: Path,
    *,
    formats: Sequence[str],
    jobs: int = 1,
    force: bool = False,
    lang: str = "nl",
    progress: Progress | None = None,
    hermelding: tuple[int, int] = (3, 5),
) -> BatchResult:
    """Validate and render every input into ``output``; write the reports; return the counts.

    Raises ``OutputError`` when the output folder cannot be written (the pool is stopped first),
    ``BusyError`` when another batch writes to the same folder.
    """
    state = output / STATE_DIR
    try:
        make_dir(state)
        make_dir(state / OWNERS)
    except OSError as exc:
        raise OutputError(exc.errno, output) from None
    with folder_lock(state, output):
        return _run_locked(inputs, output, state, formats=tuple(formats), jobs=jobs, force=force, lang=lang, progress=progress, hermelding=hermelding)


def _run_locked(
    inputs: Sequence[str],
    output: Path,
    state: Path,
    *,
    formats: tuple[str, ...],
    jobs: int,
    force: bool,
    lang: str,
    progress: Progress | None,
    hermelding: tuple[int, int] = (3, 5),
) -> BatchResult:
    try:
        # What a killed run left: temporaries, its claims, a report that no longer describes the folder.
        cleanup_temporaries(output)
        cleanup_temporaries(state / OWNERS)
        for stale in state.glob(f"{RUN_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        for report in (REPORT_JSON, REPORT_HTML):
            with contextlib.suppress(FileNotFoundError):
                (output / report).unlink()  # a report on disk always describes a finished run
        run_dir = state / f"{RUN_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        make_dir(run_dir)
        journal_path = state / JOURNAL
        journal = os.fdopen(os.open(journal_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8")
        # the records as rapport.json lists them, made by the workers: the report copies them
        # instead of reading and re-encoding the journal at the end, while nothing else runs
        public_path = run_dir / PUBLIC_JOURNAL  # a leading dot: never an output's claim (a kenmerk starts with a letter or digit)
        public = os.fdopen(os.open(public_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8")
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
        hermelding_dossiers=hermelding[0],
        hermelding_jaren=hermelding[1],
    )
    summary = Summary()
    try:
        with journal, public:
            feed(discover(inputs, exclude=output), settings, jobs, summary, journal, output, progress, public)
        summary.hermelding_dossiers, summary.hermelding_jaren = hermelding
        groups = samenloop_groups(summary, journal_path, settings.secret, drempel=hermelding[0], jaren=hermelding[1])
        result = write_reports(output, journal_path, summary, groups, formats=formats, lang=lang, public_path=public_path)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    with contextlib.suppress(OSError):
        journal_path.unlink()
    return result
