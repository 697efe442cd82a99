"""The output folder's lock: one batch at a time writes into a folder."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from meldform.batch.common import LOCK, BusyError, OutputError


@contextmanager
def folder_lock(state: Path, output: Path) -> Iterator[None]:
    """Hold the lock of ``output`` (a ``flock`` on ``state/lock``) for the duration of the block."""
    try:
        fd = os.open(state / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise OutputError(exc.errno, output) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BusyError(output) from None
        yield
    finally:
        os.close(fd)
