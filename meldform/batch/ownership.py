"""Output names and who owns them: claims within a run, owner records across runs, conflicts.

- Every output name (``<kenmerk>.<fmt>``) is *claimed* for the run by an exclusive create in a
  per-run folder; a second input of the same run with the same kenmerk loses the claim and is a
  ``conflict`` (or ``overgeslagen`` if its bytes are identical: the same melding twice).
- ``.meldform-batch/eigenaren/<name>`` records which input (path and sha256 of its bytes) made
  an output, and the sha256 of the output's bytes. It is written *before* the output, so a run
  killed at any moment leaves either no output, or an output whose owner record names the input
  that made it. On a rerun an input whose sha256 owns an existing, whole output is kept (not
  rendered again; a cut-off one is made again); an existing output owned by anything else is a
  ``conflict`` and is not touched. ``--force`` redoes and overwrites everything (same-run
  conflicts are still detected by the claims).
- Outputs and owner records go through ``meldform.output.write_atomic`` without a per-file
  fsync: owner records carry each output's sha256, and one sync precedes the report.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from meldform.batch.common import BEHOUDEN, CONFLICT, GERENDERD, GESCHREVEN, MISLUKT, OVERGESLAGEN, RESERVED, OutputError, Settings
from meldform.check.findings import Finding
from meldform.output import OutputExistsError, OutputNotWritableError, write_atomic
from meldform.texts import pick
from meldform.texts.batch import batch_text
from meldform.texts.cli import OUTPUT

Entry = dict[str, str]


def write_outputs(doc: dict[str, Any], findings: list[Finding], sha: str, path: str, s: Settings) -> tuple[list[Entry], list[Entry], str]:
    """Render and write every requested format of one valid input; returns (outputs, conflicts, status)."""
    from meldform.documents.presentation import Presentation, present
    from meldform.documents.rendering import RENDERERS, output_name

    output = Path(s.output)
    owners = Path(s.owners)
    real = os.path.realpath(path)
    uitvoer: list[Entry] = []
    conflicten: list[Entry] = []
    failed = False
    presentation: Presentation | None = None  # built once, shared by the formats (render_document per format builds it again)
    for fmt in s.formats:
        name = output_name(doc, fmt)
        target = output / name
        if name in RESERVED:
            conflicten.append({"uitvoer": name, "reden": "gereserveerd", "melding": batch_text("gereserveerd", s.lang, doel=name)})
            continue
        owner = read_json(owners / name)
        ours = owner.get("sha256") == sha
        if not s.force and ours and _intact(target, owner.get("uitvoer_sha256")):
            uitvoer.append({"bestand": name, "formaat": fmt, "actie": BEHOUDEN})  # finished by an earlier run
            continue
        other = claim(Path(s.run_dir) / name, sha, real, s.output)
        if other is not None:
            if other.get("sha256") == sha:  # the same bytes twice in this batch: one document
                uitvoer.append({"bestand": name, "formaat": fmt, "actie": BEHOUDEN})
            else:
                ander = other.get("bestand") or "?"
                melding = batch_text("zelfde_kenmerk", s.lang, doel=name, ander=ander)
                conflicten.append({"uitvoer": name, "reden": "zelfde_kenmerk", "ander": ander, "melding": melding})
            continue
        if not s.force and not ours and os.path.lexists(target):
            conflicten.append(_exists_conflict(path, name, owner, real, s.lang))
            continue
        try:
            if presentation is None:
                presentation = present(doc, findings, s.lang)
            content = RENDERERS[fmt](presentation)
        except Exception as exc:
            if os.environ.get("MELDFORM_DEBUG"):
                raise
            failed = True
            conflicten.append({"uitvoer": name, "reden": "mislukt", "melding": batch_text("mislukt", s.lang, doel=name, soort=type(exc).__name__)})
            continue
        # Our own output that is there but not whole (cut off by a crash before the final sync):
        # made again in place.
        replace = s.force or (ours and os.path.lexists(target))
        if not _store(target, owners / name, content, sha, path, real, s, conflicten, replace=replace):
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


def _exists_conflict(path: str, name: str, owner: dict[str, Any], real: str, lang: str) -> Entry:
    if owner.get("bestand") == real:
        return {"uitvoer": name, "reden": "gewijzigd", "melding": batch_text("gewijzigd", lang, doel=name)}
    ander = owner.get("bestand")
    melding = pick(OUTPUT, "bestaat_al", lang, bestand=path, doel=name)
    if ander:
        melding += batch_text("gemaakt_van", lang, ander=ander)
    entry = {"uitvoer": name, "reden": "bestaat_al", "melding": melding}
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


def _store(target: Path, owner_file: Path, content: bytes, sha: str, path: str, real: str, s: Settings, conflicten: list[Entry], *, replace: bool) -> bool:
    """Write one output and its owner record, in the order that survives a kill at any point.

    Neither is fsynced one by one (``durable=False``): the owner record carries the hash of the
    output, so a rerun keeps only an output whose bytes are whole (and losing a record only makes
    a rerun cautious); the batch syncs once before it writes its report.
    """
    owner = json.dumps({"bestand": real, "sha256": sha, "uitvoer_sha256": hashlib.sha256(content).hexdigest()}).encode(
        "utf-8"
    )  # ASCII: a non-UTF-8 path round-trips
    try:
        if replace:
            # Owner record gone first: a kill before the new record exists leaves an output that a
            # rerun without --force will not trust (a conflict), never a stale one it would keep.
            with contextlib.suppress(FileNotFoundError):
                owner_file.unlink()
            write_atomic(target, content, force=True, durable=False)
            write_atomic(owner_file, owner, force=True, durable=False)
        else:
            # Owner record first: a kill before the output exists leaves a record a rerun ignores
            # (the output is missing, so it is made); after, a complete output and its owner.
            _write_record(owner_file, owner)
            try:
                write_atomic(target, content, force=False, durable=False)
            except OutputExistsError:
                # Someone outside this batch made the file in between: not ours.
                with contextlib.suppress(FileNotFoundError):
                    owner_file.unlink()
                conflicten.append(_exists_conflict(path, target.name, {}, real, s.lang))
                return False
    except OutputNotWritableError as exc:
        raise OutputError(exc.errno, s.output) from None
    except OSError as exc:
        raise OutputError(exc.errno, s.output) from None
    return True


def _write_record(owner_file: Path, owner: bytes) -> None:
    """An owner record, replacing a stale one. Most records are new: linking a new name is one
    change to the folder, replacing one is two (a temporary name, then the rename), and two
    workers' changes to one folder wait for each other."""
    try:
        write_atomic(owner_file, owner, force=False, durable=False)
    except OutputExistsError:
        write_atomic(owner_file, owner, force=True, durable=False)


def read_json(path: Path) -> dict[str, Any]:
    """A small JSON object (a claim or an owner record); ``{}`` if missing or unreadable."""
    try:
        with open(path, encoding="utf-8") as handle:
            value = json.load(handle)
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def claim(path: Path, sha: str, real: str, output: str) -> dict[str, Any] | None:
    """Claim an output name for this run: ``None`` if ours, else the other claim (maybe ``{}``)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return read_json(path)
    except OSError as exc:
        raise OutputError(exc.errno, output) from None
    try:
        os.write(fd, json.dumps({"bestand": real, "sha256": sha}).encode("utf-8"))  # ASCII: a non-UTF-8 path round-trips
    except OSError as exc:
        raise OutputError(exc.errno, output) from None
    finally:
        os.close(fd)
    return None
