"""``meldform migrate``: write 1.0 documents as 1.1 (cli-1.1.md, *migrate*)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from meldform.check.findings import FOUT, WAARSCHUWING
from meldform.check.loading import STDIN, LoadError, load_document
from meldform.check.migrate import VERSIE, migrate, needs_migration
from meldform.check.validation import validate
from meldform.commands.files import prepare_folder, write_file, written_line
from meldform.errors import EXIT_INVALID, EXIT_OK, UsageError
from meldform.texts import pick
from meldform.texts.migrate import MIGRATE, REDENEN

SUFFIXES = (".json", ".yaml", ".yml")


def document_bytes(data: Any) -> bytes:
    """A document as meldform writes it: UTF-8 JSON, 2-space indent, non-ASCII kept, final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def target_for(path: str, output: Path | None) -> Path:
    source = Path(path)
    name = source.name
    for suffix in SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return (output if output is not None else source.parent) / f"{name}.json"


def run_migrate(paths: Sequence[str], out: TextIO, err: TextIO, *, output: Path | None = None, force: bool = False, lang: str = "nl") -> int:
    if STDIN in paths and output is not None:
        raise UsageError(pick(MIGRATE, "stdin_output", lang))
    if output is not None:
        prepare_folder(output, lang)
    code = EXIT_OK
    for path in paths:
        if not _one(path, out, err, output=output, force=force, lang=lang):
            code = EXIT_INVALID
    return code


def _one(path: str, out: TextIO, err: TextIO, *, output: Path | None, force: bool, lang: str) -> bool:
    """Migrate one file; False when it counts against the exit code."""
    try:
        data = load_document(path).data
    except LoadError as exc:
        err.write(pick(MIGRATE, "onleesbaar", lang, bestand=path, reden=exc.message(lang)) + "\n")
        return False
    if isinstance(data, dict) and data.get("schemaVersie") == VERSIE:
        err.write(pick(MIGRATE, "al_nieuw", lang, bestand=path, versie=VERSIE) + "\n")
        return True
    if not needs_migration(data):
        err.write(pick(MIGRATE, "geen_versie", lang, bestand=path) + "\n")
        return False
    migrated = migrate(data)
    for dropped in migrated.weggelaten:
        reden = pick(REDENEN, dropped.reden, lang)
        err.write(pick(MIGRATE, "weggelaten", lang, bestand=path, pad=dropped.pad, reden=reden) + "\n")
    findings = validate(migrated.data, lang=lang)
    content = document_bytes(migrated.data)
    if path == STDIN:
        out.write(content.decode("utf-8"))
        return not any(f.ernst == FOUT for f in findings)
    target = target_for(path, output)
    if not write_file(path, target, content, err, force=force, lang=lang):
        return False
    fouten = sum(1 for f in findings if f.ernst == FOUT)
    waarschuwingen = sum(1 for f in findings if f.ernst == WAARSCHUWING)
    if findings:
        line = pick(MIGRATE, "geschreven_bevindingen", lang, bestand=path, doel=target, fouten=fouten, waarschuwingen=waarschuwingen)
    else:
        line = written_line(path, target, lang)
    err.write(line + "\n")
    return fouten == 0
