"""Printing validation results: a line per finding (text) or one JSON array (json)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from meldform.check.findings import FOUT, WAARSCHUWING
from meldform.check.validation import Result
from meldform.cleaning import clean
from meldform.texts import pick
from meldform.texts.findings import ERNST_LABELS, REPORT


def text_report(results: Sequence[Result], out: TextIO, lang: str = "nl", strict: bool = False) -> None:
    for result in results:
        for f in result.bevindingen:
            ernst = pick(ERNST_LABELS, f.ernst, lang)
            bestand = clean(result.bestand)
            place = f"{bestand}: {f.pad}" if f.pad else bestand  # the whole document: no empty pointer
            out.write(f"{place}: {ernst}: {f.melding} [{f.code}]\n")
    out.write(summary(results, lang, strict) + "\n")


def summary(results: Sequence[Result], lang: str = "nl", strict: bool = False) -> str:
    findings = [f for r in results for f in r.bevindingen]
    valid = sum(1 for r in results if r.geldig(strict))
    return pick(
        REPORT,
        "samenvatting",
        lang,
        bestanden=len(results),
        geldig=valid,
        ongeldig=len(results) - valid,
        fouten=sum(1 for f in findings if f.ernst == FOUT),
        waarschuwingen=sum(1 for f in findings if f.ernst == WAARSCHUWING),
    )


def json_report(results: Sequence[Result], out: TextIO, lang: str = "nl", strict: bool = False) -> None:
    payload = [_json_result(r, strict) for r in results]
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _json_result(result: Result, strict: bool) -> dict[str, object]:
    entry: dict[str, object] = {"bestand": clean(result.bestand), "geldig": result.geldig(strict)}
    if result.gemigreerd_van is not None:
        entry["gemigreerdVan"] = result.gemigreerd_van
    entry["bevindingen"] = [f.as_json() for f in result.bevindingen]
    return entry


REPORTERS = {"text": text_report, "json": json_report}
