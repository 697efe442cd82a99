"""``meldform schema`` and ``meldform sectors``: the contract, for people and for other systems."""

from __future__ import annotations

import json
from typing import TextIO

from meldform.errors import EXIT_OK
from meldform.model.i18n import tr
from meldform.model.schemas import load_schemas, without_annotations


def run_schema(out: TextIO, *, sector: str | None = None, soort: str | None = None, annotations: bool = True) -> int:
    """Print the bundled schema; ``annotations=False`` leaves out meldform's ``x-`` keywords."""
    schemas = load_schemas()
    variant = schemas.variant(soort=soort, sector=sector)  # UnknownVariantError: a usage error (exit 2)
    bundle = schemas.bundle(variant)
    json.dump(bundle if annotations else without_annotations(bundle), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


def run_sectors(out: TextIO, *, lang: str = "nl", fmt: str = "text") -> int:
    schemas = load_schemas()
    rows = [(key, tr(schemas.sector_label(key), lang)) for key in schemas.sectors]
    if fmt == "json":
        json.dump([{"sector": key, "label": label} for key, label in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        width = max(len(key) for key, _ in rows)
        for key, label in rows:
            out.write(f"{key.ljust(width)}  {label}\n")
    return EXIT_OK
