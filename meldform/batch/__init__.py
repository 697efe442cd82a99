"""Batch: validate and render folders of meldingen, in parallel, with nothing lost.

The core of ``meldform batch``, free of click, one concern per module:

- ``discover``: the inputs, as a generator (files as given, folders walked and sorted);
- ``pool``: the worker (one input to one small record) and the pool that feeds it;
- ``ownership``: output names claimed per run, owner records across runs, conflicts;
- ``samenloop``: keyed hashes of the persons in a melding, and the groups across the batch;
- ``report``: the running summary, rapport.json and rapport.html;
- ``lock``: one batch per output folder; ``run``: ``run_batch``, the whole batch;
- ``common``: names, statuses, records and errors the others share.
"""

from __future__ import annotations

from meldform.batch.common import (
    JOURNAL,
    LOCK,
    OK_STATUSES,
    OWNERS,
    RUN_PREFIX,
    STATE_DIR,
    STATUSES,
    BusyError,
    Outcome,
    OutputError,
    Settings,
)
from meldform.batch.discover import count_inputs, discover
from meldform.batch.report import BatchResult, Progress, Summary
from meldform.batch.run import run_batch

__all__ = [
    "JOURNAL",
    "LOCK",
    "OK_STATUSES",
    "OWNERS",
    "RUN_PREFIX",
    "STATE_DIR",
    "STATUSES",
    "BatchResult",
    "BusyError",
    "Outcome",
    "OutputError",
    "Progress",
    "Settings",
    "Summary",
    "count_inputs",
    "discover",
    "run_batch",
]
