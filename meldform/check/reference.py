"""The reference engine: jsonschema, and translating its errors into findings.

jsonschema is the oracle for structure. It is imported only when the compiled fast path says a
document is invalid, so checking valid documents never pays for importing it. jsonschema's own
English messages are never shown: each error becomes a finding from its keyword and parameters.
One problem gives one finding: per place in the document only the most telling error is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from meldform.check.describe import Describer
from meldform.check.findings import FOUT, Finding, finding_text, pointer
from meldform.check.formats import FORMAT_CHECKS, ecma_regex
from meldform.model.i18n import tr
from meldform.model.persons import MELDER
from meldform.model.schemas import SchemaSet, load_schemas
from meldform.texts import pick
from meldform.texts.findings import FINDING_WORDS, TYPE_NAMES
from meldform.texts.words import WORDS


# -- the engine ---------------------------------------------------------------------------
def _pattern_keyword(validator: Validator, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not ecma_regex(pattern).search(instance):
        yield ValidationError(f"does not match {pattern!r}")


FORMATS = FormatChecker(formats=())
for _name, _check in FORMAT_CHECKS.items():
    FORMATS.checks(_name)(_check)

MeldformValidator = validators.extend(Draft202012Validator, {"pattern": _pattern_keyword})  # type: ignore[no-untyped-call]


def registry(schemas: SchemaSet) -> Registry[Any]:
    resources = [(uri, Resource.from_contents(doc, default_specification=DRAFT202012)) for uri, doc in schemas.documents.items()]
    return Registry().with_resources(resources)


@cache
def schema_validator() -> Validator:
    schemas = load_schemas()
    validator: Validator = MeldformValidator(schemas.root, registry=registry(schemas), format_checker=FORMATS)
    return validator


# -- translating jsonschema errors -----------------------------------------------------------------
_PRIORITY = {"type": 0, "verplicht": 1, "onbekend_veld": 1, "keuze": 2, "vaste_waarde": 2, "leeg": 2}


def _structural(error: ValidationError, d: Describer) -> list[tuple[int, Finding]]:
    parts: list[str | int] = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    keyword = str(error.validator)
    value: Any = error.validator_value
    instance = error.instance
    x_code = schema.get("x-code")
    out: list[tuple[str, list[str | int], str, dict[str, Any]]] = []  # code, parts, message key, params

    if keyword == "required":
        for name in value:
            if isinstance(instance, dict) and name not in instance:
                out.append(("verplicht", [*parts, name], "verplicht", {}))
    elif keyword in ("additionalProperties", "unevaluatedProperties"):
        known = schema.get("properties", {})
        for key in instance if isinstance(instance, dict) else ():
            if key not in known:
                out.append(("onbekend_veld", [*parts, key], "onbekend_veld", {"sleutel": key, "hint": _sector_hint(parts, key, d)}))
    elif keyword == "propertyNames":
        pass  # reported by the nested keyword below (its error carries the name)
    elif "propertyNames" in error.relative_schema_path and isinstance(instance, str):
        code = x_code or "niet_toegestaan"
        uitleg = pick(FINDING_WORDS, "ongeboren", d.lang) if code == "niet_van_toepassing" else ""
        out.append((code, [*parts, instance], code, {"uitleg": uitleg, "sleutel": instance, "hint": _soort_hint(parts, d) if code == "onbekend_veld" else ""}))
    elif keyword == "type":
        expected = value if isinstance(value, list) else [value]
        names = f" {pick(WORDS, 'of', d.lang)} ".join(pick(TYPE_NAMES, t, d.lang) if t in TYPE_NAMES else t for t in expected)
        hint = ""
        if "string" in expected and isinstance(instance, (int, float)) and not isinstance(instance, bool):
            hint = pick(FINDING_WORDS, "quote_hint", d.lang)
        out.append(("type", parts, "type", {"verwacht": names, "hint": hint}))
    elif keyword == "enum":
        shown = ", ".join(str(v) for v in value[:12]) + (", …" if len(value) > 12 else "")
        out.append(("keuze", parts, "keuze", {"keuzes": shown}))
    elif keyword == "const":
        uitleg = pick(FINDING_WORDS, "versie_1_0", d.lang) if parts == ["schemaVersie"] else ""
        out.append(("vaste_waarde", parts, "vaste_waarde", {"waarde": value, "uitleg": uitleg}))
    elif keyword == "format":
        key = {"date": "datum_formaat", "email": "email_formaat"}.get(value, "formaat")
        out.append(("formaat", parts, key, {}))
    elif keyword == "pattern":
        if value == "\\S":
            out.append(("leeg", parts, "leeg", {}))
        elif schema.get("format") == "date":
            out.append(("formaat", parts, "datum_formaat", {}))
        elif schema.get("format") == "email":
            out.append(("formaat", parts, "email_formaat", {}))
        else:
            uitleg = f" ({tr(schema['x-formaat'], d.lang)})" if "x-formaat" in schema else ""
            out.append(("formaat", parts, "formaat", {"uitleg": uitleg}))
    elif keyword == "minLength":
        code = "leeg" if value == 1 else "te_kort"
        out.append((code, parts, code, {"min": value}))
    elif keyword == "maxLength":
        out.append(("te_lang", parts, "te_lang", {"max": value}))
    elif keyword in ("minimum", "maximum"):
        out.append(("bereik", parts, "bereik", {"min": schema.get("minimum", "…"), "max": schema.get("maximum", "…")}))
    elif keyword == "minItems":
        code = "verplicht" if value == 1 else "te_weinig"
        out.append((code, parts, code, {"min": value}))
    elif keyword == "maxItems":
        code = x_code or "te_lang"
        out.append((code, parts, code, {"max": value, "uitleg": pick(FINDING_WORDS, "geen_contacten", d.lang) if code == "niet_van_toepassing" else ""}))
    elif keyword == "minProperties":
        out.append(("leeg", parts, "leeg", {}))
    elif keyword == "uniqueItems":
        out.append(("dubbel", parts, "dubbel", {}))
    elif keyword == "anyOf" and x_code:
        out.append((x_code, parts, x_code, {}))
    elif keyword == "anyOf" and all(set(branch) == {"required"} for branch in value):
        alternatives = [name for branch in value for name in branch["required"]]
        out.append(("verplicht", parts, "verplicht_een_van", {"velden": d.quoted_titles(parts, alternatives)}))
    elif keyword == "not":
        reserved = value == {"const": MELDER}
        uitleg = pick(FINDING_WORDS, "gereserveerd", d.lang, melder=MELDER) if reserved else ""
        out.append(("niet_toegestaan", parts, "niet_toegestaan", {"uitleg": uitleg}))
    else:
        out.append(("ongeldig", parts, "ongeldig", {}))

    findings = []
    for code, at, key, params in out:
        where = at[:-1] if code == "onbekend_veld" else at
        text = finding_text(key, d.lang, veld=d.field(where), **params)
        findings.append((_PRIORITY.get(code, 3), Finding(FOUT, code, pointer(at), text)))
    return findings


def _soort_hint(parts: list[str | int], d: Describer) -> str:
    return pick(FINDING_WORDS, "andere_soort", d.lang) if parts == [] else ""


def _sector_hint(parts: list[str | int], key: str, d: Describer) -> str:
    if parts != ["sectorSpecifiek"]:
        return ""
    for sector in d.schemas.sectors:
        if key in d.schemas.sector_schema(sector).get("properties", {}):
            return pick(FINDING_WORDS, "andere_sector", d.lang, sector=sector)
    return ""


def reference_findings(data: Any, describer: Describer) -> list[Finding]:
    best: dict[str, tuple[int, Finding]] = {}
    for error in schema_validator().iter_errors(data):
        for priority, finding in _structural(error, describer):
            current = best.get(finding.pad)
            if current is None or priority < current[0]:
                best[finding.pad] = (priority, finding)
    return [finding for _, finding in best.values()]
