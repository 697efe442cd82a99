"""Checking a melding: the schema's structure plus the rules of the afwegingskader.

``validate(data)`` returns findings. jsonschema-rs (a compiled validator, the fast path)
recognises a structurally valid document quickly; for an invalid one the reference engine,
jsonschema (``reference``), finds every error and translates it into the professional's words.
Then the rules run. tests/test_fastcheck.py keeps the two engines' verdicts equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from meldform.check import rules
from meldform.check.describe import Describer
from meldform.check.findings import FOUT, Finding, finding_text, is_valid
from meldform.check.formats import FORMAT_CHECKS
from meldform.check.loading import LoadError, load_document, load_error_text
from meldform.check.migrate import migrate
from meldform.model.schemas import load_schemas


@cache
def fast_validator() -> Callable[[Any], bool | None]:
    """The fast yes/no check of the whole contract: jsonschema-rs on the bundled schema, with
    meldform's own ``date`` and ``email`` formats (the reference engine's, :mod:`formats`).

    ``None``: it cannot tell — a lone surrogate (``"\\ud800"``, legal in a Python string, read from
    JSON) cannot cross into Rust; the reference engine decides such a document.
    """
    import jsonschema_rs  # compiled; imported on the first check, not at start-up

    schemas = load_schemas()
    validator = jsonschema_rs.validator_for(schemas.bundle(schemas.root), validate_formats=True, formats=dict(FORMAT_CHECKS))

    def check(data: Any) -> bool | None:
        try:
            return bool(validator.is_valid(data))
        except ValueError:  # UnicodeEncodeError: a lone surrogate
            return None

    return check


def structural_findings(data: Any, lang: str = "nl") -> list[Finding]:
    """Schema findings. A valid document (the common case) is recognised by the fast path; only an
    invalid one (or one it cannot tell) pays for jsonschema's detailed errors."""
    if fast_validator()(data):
        return []
    from meldform.check.reference import reference_findings  # jsonschema: only for invalid documents

    sector = data.get("sector") if isinstance(data, dict) else None
    return reference_findings(data, Describer(load_schemas(), sector if isinstance(sector, str) else None, lang))


# -- the whole check ------------------------------------------------------------------------------
def validate(data: Any, *, lang: str = "nl", today: dt.date | None = None, instellingen: rules.Instellingen = rules.STANDAARD) -> list[Finding]:
    """All findings for one loaded document: structure first, then the rules.

    A 1.0 document is checked in its migrated 1.1 form (findings point into that form); callers
    that go on to render it should use ``migrate(data).data`` (``check_file`` does).
    """
    data = migrate(data).data
    if not isinstance(data, dict):
        return [Finding(FOUT, "type", "", load_error_text("geen_object", lang, None, None))]
    findings = structural_findings(data, lang)
    sector = data.get("sector")
    describer = Describer(load_schemas(), sector if isinstance(sector, str) else None, lang)
    taken = {f.pad for f in findings}
    for rule_finding in rules.check(data, today or dt.date.today(), instellingen):
        if rule_finding.pad in taken and rule_finding.ernst == FOUT:
            continue
        text = finding_text(rule_finding.code, lang, veld=describer.field(rule_finding.parts), **_localize(rule_finding.params, lang))
        findings.append(Finding(rule_finding.ernst, rule_finding.code, rule_finding.pad, text))
    return sorted(findings, key=_document_order)


@cache
def _top_level_order() -> dict[str, int]:
    return {key: index for index, key in enumerate(load_schemas().root["properties"])}


def _document_order(finding: Finding) -> tuple[int, int, tuple[tuple[int, int | str], ...]]:
    """Errors before warnings; then as the fields stand in the document (array items by number)."""
    parts = finding.pad.split("/")[1:]
    order = _top_level_order()
    top = order.get(parts[0], len(order)) if parts else -1
    natural = tuple((0, int(p)) if p.isascii() and p.isdigit() else (1, p) for p in parts[1:])
    return (0 if finding.ernst == FOUT else 1, top, natural)


def _localize(params: dict[str, Any], lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, rules.Words):
            out[key] = value.render(lang)
        else:
            out[key] = value
    return out


# -- one file ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Result:
    """The outcome of checking one input: the loaded data (``None`` if unreadable) and findings."""

    bestand: str
    data: Any
    bevindingen: list[Finding]
    leesbaar: bool = True
    gemigreerd_van: str | None = None  # "1.0" when ``data`` is the migrated form of a 1.0 input

    def geldig(self, strict: bool = False) -> bool:
        if strict and self.bevindingen:
            return False
        return self.leesbaar and is_valid(self.bevindingen)


def check_file(path: str, *, lang: str = "nl", today: dt.date | None = None, instellingen: rules.Instellingen = rules.STANDAARD) -> Result:
    """Load and validate one file (``-`` is stdin); an unreadable file is one ``onleesbaar`` finding."""
    try:
        loaded = load_document(path)
    except LoadError as exc:
        return Result(path, None, [Finding(FOUT, "onleesbaar", "", exc.message(lang))], leesbaar=False)
    migrated = migrate(loaded.data)
    return Result(path, migrated.data, validate(migrated.data, lang=lang, today=today, instellingen=instellingen), gemigreerd_van=migrated.gemigreerd_van)
