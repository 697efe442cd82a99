"""Writing output files safely: atomically, owner-readable only, never clobbering without ``force``.

This is the one place in meldform that puts a file in place. A file is first written without a
name in the target folder (Linux ``O_TMPFILE``, mode 0600; elsewhere a temporary file made by
``mkstemp``), optionally flushed to disk, then given its name. Without ``force`` that is a hard
link, which fails if the target exists — so even two processes racing for one name cannot
overwrite each other. A crash at any moment leaves either no file or the whole file (plus, at
worst, a hidden ``.*.tmp`` that ``cleanup_temporaries`` removes).

``write_atomic`` writes bytes held in memory; ``stream_atomic`` lets a caller stream text (a
report of any length) into the file with the same guarantees. Folders meldform creates
(``ensure_dir``, ``make_dir``) are the owner's only (0700), like the files in them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from meldform.errors import MeldformError

TMP_PREFIX = ".meldform-"
TMP_SUFFIX = ".tmp"
DIR_MODE = 0o700
FILE_MODE = 0o600


class OutputExistsError(MeldformError, FileExistsError):
    """The target exists and ``force`` was not given."""


class OutputNotWritableError(MeldformError, OSError):
    """The output folder cannot be created or written (read-only, full, not a folder)."""


def make_dir(folder: Path) -> bool:
    """Create one folder with mode 0700 (whatever the umask); ``False`` if a folder was already there.

    Raises ``OSError`` as ``os.mkdir`` does (``FileExistsError`` when a non-folder is in the way).
    An existing folder is left as it is, mode included.
    """
    try:
        os.mkdir(folder, DIR_MODE)
    except FileExistsError:
        if folder.is_dir():
            return False
        raise
    os.chmod(folder, DIR_MODE)  # mkdir applied the umask, which may have taken the owner's bits too
    return True


def ensure_dir(folder: Path) -> None:
    """Make sure ``folder`` exists and is writable; every folder created on the way gets mode 0700."""
    missing: list[Path] = []
    current = folder
    while not current.is_dir():
        if os.path.lexists(current):
            if current == folder:
                raise OutputNotWritableError(errno.ENOTDIR, "geen map", str(folder))
            break  # a file in the way: os.mkdir below says so (ENOTDIR)
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    try:
        for path in reversed(missing):
            make_dir(path)
    except FileExistsError:
        raise OutputNotWritableError(errno.ENOTDIR, "geen map", str(folder)) from None
    except OSError as exc:
        raise OutputNotWritableError(exc.errno, exc.strerror, str(folder)) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputNotWritableError(errno.EACCES, "geen schrijfrechten", str(folder))


def write_atomic(target: Path, data: bytes, *, force: bool = False, durable: bool = True) -> None:
    """Write ``data`` to ``target`` atomically with mode 0600.

    ``durable`` flushes the file and its folder to disk before returning (two fsyncs). A batch
    that writes thousands of files passes ``durable=False``: the rename still guarantees that a
    killed process leaves no partial file, and the batch verifies its outputs by hash on a
    rerun and syncs once before its report, instead of waiting on the disk per file.
    """
    with _atomic(target, "wb", force=force, durable=durable) as handle:
        handle.write(data)


@contextlib.contextmanager
def stream_atomic(target: Path, *, force: bool = False, durable: bool = True) -> Iterator[IO[str]]:
    """Stream UTF-8 text into ``target``: it appears, whole and with mode 0600, when the block ends.

    If the block raises, ``target`` is left as it was and the temporary file is removed. An
    ``OSError`` inside the block (a full disk while writing) becomes ``OutputNotWritableError``.
    """
    with _atomic(target, "w", force=force, durable=durable) as handle:
        yield handle


@contextlib.contextmanager
def _atomic(target: Path, mode: str, *, force: bool, durable: bool) -> Iterator[IO[Any]]:
    """The one way a file is put in place: a file without a name in the target's folder (Linux
    ``O_TMPFILE``; elsewhere a temporary file), filled by the block, flushed when ``durable``, then
    given its name (``_place``); on any failure it is gone."""
    if not force and target.exists():
        raise OutputExistsError(errno.EEXIST, "bestaat al", str(target))
    anonymous = _anonymous(target)
    if anonymous is None:
        with _named_temporary(target, mode, force=force, durable=durable) as handle:
            yield handle
        return
    try:
        with os.fdopen(anonymous, mode, encoding=None if "b" in mode else "utf-8") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), FILE_MODE)
            _link(handle.fileno(), target, force=force)
    except OSError as exc:
        if isinstance(exc, OutputExistsError | OutputNotWritableError):
            raise
        raise OutputNotWritableError(exc.errno, exc.strerror, str(target)) from None
    if durable:
        _fsync_dir(target.parent)


def _anonymous(target: Path) -> int | None:
    """An open file without a name in ``target``'s folder; ``None`` where the system has none.

    A process killed while writing it leaves nothing behind, and naming it is one link (no
    temporary name to create, rename and remove): in a batch that is half the work of the disk.
    """
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(target.parent, flag | os.O_WRONLY, FILE_MODE)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return None  # a file system (or kernel) without O_TMPFILE
        raise OutputNotWritableError(exc.errno, exc.strerror, str(target.parent)) from None


def _link(fd: int, target: Path, *, force: bool) -> None:
    """Give the open file ``fd`` the name ``target``: never over an existing file unless ``force``.

    ``linkat(..., "/proc/self/fd/N", ..., AT_SYMLINK_FOLLOW)`` is how open(2) names an O_TMPFILE
    file. Python calls plain link(), which does not follow, unless a dir fd is given; the path is
    absolute, so the dir fd (``fd`` itself) is ignored by the kernel and only selects linkat.
    """
    source = f"/proc/self/fd/{fd}"
    if not force:
        try:
            os.link(source, target, src_dir_fd=fd, follow_symlinks=True)  # fails if target exists
        except FileExistsError:
            raise OutputExistsError(errno.EEXIST, "bestaat al", str(target)) from None
        return
    tmp = target.parent / f"{TMP_PREFIX}{secrets.token_hex(8)}{TMP_SUFFIX}"
    os.link(source, tmp, src_dir_fd=fd, follow_symlinks=True)
    try:
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def _named_temporary(target: Path, mode: str, *, force: bool, durable: bool) -> Iterator[IO[Any]]:
    """Where there is no ``O_TMPFILE``: a temporary file (mode 0600), then moved into place."""
    fd, tmp = _temporary(target)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as handle:
            yield handle
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        _place(tmp, target, force=force)
    except OSError as exc:
        if isinstance(exc, OutputExistsError | OutputNotWritableError):
            raise
        raise OutputNotWritableError(exc.errno, exc.strerror, str(target)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    if durable:
        _fsync_dir(target.parent)


def _temporary(target: Path) -> tuple[int, Path]:
    try:
        fd, name = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=TMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise OutputNotWritableError(exc.errno, exc.strerror, str(target.parent)) from None
    return fd, Path(name)


def _place(tmp: Path, target: Path, *, force: bool) -> None:
    """Move the finished temporary file to ``target``: replacing it (``force``) or never."""
    os.chmod(tmp, FILE_MODE)
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise OutputExistsError(errno.EEXIST, "bestaat al", str(target)) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links: check-then-rename is the best it offers.
        if target.exists():
            raise OutputExistsError(errno.EEXIST, "bestaat al", str(target)) from None
        os.replace(tmp, target)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def cleanup_temporaries(folder: Path) -> int:
    """Remove temporaries left by an interrupted run; return how many."""
    count = 0
    for leftover in folder.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            count += 1
    return count
