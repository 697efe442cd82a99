"""Finding the inputs: files as given, folders walked recursively and sorted, nothing listed in full."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from meldform.batch.common import RESERVED, SUFFIXES


def discover(inputs: Iterable[str], exclude: Path | None = None) -> Iterator[str]:
    """Input paths, in a stable order: each input as given; a folder walked recursively and sorted.

    In folders only ``*.json``, ``*.yaml`` and ``*.yml`` count; hidden files and folders (a name
    starting with ``.``, so also the batch's own ``.meldform-batch``) and the report files in the
    output folder ``exclude`` are skipped. A file named explicitly is always taken (a missing one
    becomes an ``onleesbaar`` record, not a crash). A generator: memory stays flat whatever the
    number of inputs.
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
