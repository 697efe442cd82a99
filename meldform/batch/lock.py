"""The output folder's lock: one batch at a time writes into a folder, and a dead one lets go.

The lock is a ``flock`` on ``.meldform-batch/lock``, held by the batch's parent process alone: the
kernel releases it when that process ends, however it ends. Forked children (the pool's workers)
would share the locked open file description and keep the lock alive after a ``kill -9`` of the
parent, so a fork hook closes it in every child the moment it is forked.

A lock can still be held by processes that did not take it — workers of a batch run by an older
meldform, left behind when it was killed. The kernel names the process that *took* a ``flock``
(``/proc/locks``); when that process is gone, the lock is stale and taken over: the lock file is
replaced by a fresh one. Every batch takes the lock under a short guard lock and checks that the
file it locked is still the one in the folder, so two batches never both hold it. Where
``/proc/locks`` does not exist, or names no process, a held lock counts as held.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from meldform.batch.common import LOCK, BusyError, OutputError

GUARD = "lock.bewaking"
PROC = Path("/proc")

_HELD: set[int] = set()  # lock descriptors this process holds; never to be kept by a child


def _close_in_child() -> None:
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_close_in_child)


@contextmanager
def folder_lock(state: Path, output: Path) -> Iterator[None]:
    """Hold the lock of ``output`` for the duration of the block; ``BusyError`` if another batch has it."""
    try:
        fd = _acquire(state, output)
    except OSError as exc:
        raise OutputError(exc.errno, output) from None
    try:
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)


def _acquire(state: Path, output: Path) -> int:
    path = state / LOCK
    guard = _open(state / GUARD)
    try:
        fcntl.flock(guard, fcntl.LOCK_EX)  # held for a few system calls only, never during a run
        fd = _try_lock(path)
        if fd is None:
            holder = lock_holder(path)
            if holder is None or is_alive(holder):
                raise BusyError(output)
            # Held, but not by the batch that took it: leftovers of a dead batch. A fresh file.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
            fd = _try_lock(path)
            if fd is None:
                raise BusyError(output)
        return fd
    finally:
        _HELD.discard(guard)
        os.close(guard)


def _open(path: Path) -> int:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    _HELD.add(fd)  # from now on no child keeps it, however briefly it is held
    return fd


def _try_lock(path: Path) -> int | None:
    """The locked descriptor of ``path``, or ``None`` if another holds it."""
    fd = _open(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        _HELD.discard(fd)
        os.close(fd)
        return None
    except BaseException:
        _HELD.discard(fd)
        os.close(fd)
        raise
    return fd


def lock_holder(path: Path) -> int | None:
    """The pid that took the ``flock`` on ``path`` (from ``/proc/locks``); ``None`` if unknown."""
    try:
        info = os.stat(path)
        with open(PROC / "locks", encoding="ascii") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    holders = set()
    for line in lines:
        fields = line.split()
        # "1: FLOCK  ADVISORY  WRITE 25911 fe:00:2147961 0 EOF"; waiters are marked "->"
        if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == device:
            with contextlib.suppress(ValueError):
                holders.add(int(fields[4]))
    if len(holders) != 1:
        return None
    (pid,) = holders
    return pid if pid > 0 else None  # 0: not visible from this pid namespace


def is_alive(pid: int) -> bool:
    """The process exists and is not a zombie (a zombie holds no files, so no locks)."""
    try:
        with open(PROC / str(pid) / "stat", encoding="utf-8", errors="replace") as handle:
            stat = handle.read()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    state = stat.rpartition(")")[2].split()[:1]
    return state not in (["Z"], ["X"])
