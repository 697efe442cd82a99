"""What every command that writes files shares: the output folder, and one file written or refused.

One place for the wording and the exit behaviour: a file that exists is one line on ``err`` naming
the input (and counts against the exit code), a folder that cannot be made or written is a usage
error (exit 2), and every path shown is cleaned first — a file name can hold anything but ``/`` and
NUL, even bytes that are not UTF-8.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from meldform.cleaning import clean
from meldform.errors import UsageError
from meldform.output import OutputExistsError, OutputNotWritableError, ensure_dir, write_atomic
from meldform.texts import pick
from meldform.texts.cli import OUTPUT


def prepare_folder(output: Path, lang: str = "nl") -> None:
    """Make ``output`` (0700) if needed; a folder that cannot be made or written is a usage error."""
    try:
        ensure_dir(output)
    except OutputNotWritableError:
        raise UsageError(pick(OUTPUT, "map_niet_schrijfbaar", lang, map=clean(str(output)))) from None


def exists_line(source: str, target: Path, lang: str = "nl") -> str:
    """The one line for an output that exists and is not overwritten without ``--force``."""
    return f"{clean(source)}: " + pick(OUTPUT, "bestaat_al", lang, doel=clean(str(target)))


def refuse_existing(source: str, target: Path, err: TextIO, *, force: bool, lang: str = "nl") -> bool:
    """True (and the line on ``err``) when ``target`` exists and may not be overwritten: checked
    before the work of making it, for outputs that take a while (a PDF)."""
    if force or not target.exists():
        return False
    err.write(exists_line(source, target, lang) + "\n")
    return True


def write_file(source: str, target: Path, data: bytes, err: TextIO, *, force: bool, lang: str = "nl") -> bool:
    """Write ``data`` to ``target`` atomically (0600); False, with one line on ``err``, when it exists
    and ``force`` is not given. A folder that turns out not to be writable is a usage error."""
    try:
        write_atomic(target, data, force=force)
    except OutputExistsError:
        err.write(exists_line(source, target, lang) + "\n")
        return False
    except OutputNotWritableError:
        raise UsageError(pick(OUTPUT, "niet_schrijfbaar", lang, doel=clean(str(target)))) from None
    return True


def written_line(source: str, target: Path, lang: str = "nl") -> str:
    return pick(OUTPUT, "geschreven", lang, bestand=clean(source), doel=clean(str(target)))
