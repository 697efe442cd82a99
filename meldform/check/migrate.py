"""Migration of a 1.0 document to contract 1.1 (melding-1.1.md, *Migration 1.0 → 1.1*).

Exactly the steps M1–M4, nothing else: the transformation is mechanical and total (a value that
does not have the shape a step expects is carried over unchanged, and checking the result as 1.1
reports it), keeps the key order (a replaced key keeps its place, a new key follows the key it
comes from), and is idempotent (a 1.1 document is returned as it is).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

VERSIE_OUD = "1.0"
VERSIE = "1.1"


@dataclass(frozen=True)
class Dropped:
    """A value the migration leaves out (M4): its JSON pointer in the 1.0 document, and why."""

    pad: str
    reden: str  # a key of texts.migrate.REDENEN


@dataclass(frozen=True)
class Migration:
    data: Any
    gemigreerd_van: str | None = None  # "1.0" when the document was migrated
    weggelaten: list[Dropped] = field(default_factory=list)


def needs_migration(data: Any) -> bool:
    return isinstance(data, dict) and data.get("schemaVersie") == VERSIE_OUD


def migrate(data: Any) -> Migration:
    """The 1.1 form of ``data`` (a new object; ``data`` is not changed)."""
    if not needs_migration(data):
        return Migration(data)
    doc = copy.deepcopy(data)
    doc["schemaVersie"] = VERSIE  # M1 (same position)
    dropped: list[Dropped] = []
    stappen = doc.get("stappen")
    if isinstance(stappen, dict):
        doc["stappen"] = _stappen(stappen, dropped)
    return Migration(doc, VERSIE_OUD, dropped)


def _stappen(stappen: dict[str, Any], dropped: list[Dropped]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in stappen.items():
        if key == "collegialeConsultatie" and isinstance(value, dict):
            out[key] = [value] if value else []  # M2
        elif key == "adviesVeiligThuis" and isinstance(value, dict):
            if value.get("gevraagd") is False:  # M4
                out[key] = []
                advies = value.get("advies")
                if isinstance(advies, str) and advies:
                    out["redenGeenAdviesVeiligThuis"] = advies
                if "datum" in value:
                    dropped.append(Dropped("/stappen/adviesVeiligThuis/datum", "advies_niet_gevraagd"))
            else:  # M3: gevraagd true or absent
                out[key] = [{k: v for k, v in value.items() if k != "gevraagd"}]
        else:
            out[key] = value
    return out
