"""``meldform schema`` and ``meldform sectors``: the contract, for people and for other systems
(from the API: ``meldform.api.schema`` and ``meldform.api.sectors``)."""

from __future__ import annotations

import json
from typing import TextIO

from meldform import api
from meldform.errors import EXIT_OK


def run_schema(out: TextIO, *, sector: str | None = None, soort: str | None = None, annotations: bool = True) -> int:
    """Print the bundled schema; ``annotations=False`` leaves out meldform's ``x-`` keywords."""
    bundle = api.schema(sector=sector, soort=soort, annotations=annotations)  # UnknownChoiceError: a usage error (exit 2)
    json.dump(bundle, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


def run_sectors(out: TextIO, *, lang: str = "nl", fmt: str = "text") -> int:
    rows = api.sectors(lang)
    if fmt == "json":
        json.dump([row.to_json() for row in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        width = max(len(row.sector) for row in rows)
        for row in rows:
            out.write(f"{row.sector.ljust(width)}  {row.label}\n")
    return EXIT_OK
