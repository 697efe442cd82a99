"""Checking a melding: the schema's structure plus the rules of the afwegingskader.

``validate(data)`` returns findings. Structural errors come from jsonschema (the reference
engine) and are translated into the professional's words; jsonschema's own English messages are
never shown. One problem gives one finding: per place in the document only the most telling
error is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from meldform import rules
from meldform.findings import FOUT, Finding, is_valid, pointer
from meldform.loading import LoadError, load_document
from meldform.i18n import tr
from meldform.messages import finding_text, load_error_text, type_name, word
from meldform.schemas import SchemaSet, load_schemas

DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


# -- the engine ---------------------------------------------------------------------------
@lru_cache(maxsize=256)
def ecma_regex(pattern: str) -> re.Pattern[str]:
    """Compile a schema pattern with ECMA-262 semantics for ``$``.

    Python's ``$`` also matches before a trailing newline, so ``^[A-Z]+$`` accepts ``"ABC\\n"``;
    in ECMA-262 (the regex dialect of JSON Schema) it does not. An unescaped ``$`` outside a
    character class becomes ``\\Z``.
    """
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == "]":
            in_class = False
            out.append(char)
        elif char == "$" and not in_class:
            out.append(r"\Z")
        else:
            out.append(char)
    return re.compile("".join(out))


def _pattern_keyword(validator: Validator, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not ecma_regex(pattern).search(instance):
        yield ValidationError(f"does not match {pattern!r}")


def is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not DATE_RE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_email(value: object) -> bool:
    return not isinstance(value, str) or EMAIL_RE.fullmatch(value) is not None


FORMATS = FormatChecker(formats=())
FORMATS.checks("date")(is_date)
FORMATS.checks("email")(is_email)

MeldformValidator = validators.extend(Draft202012Validator, {"pattern": _pattern_keyword})


def registry(schemas: SchemaSet) -> Registry[Any]:
    resources = [(uri, Resource.from_contents(doc, default_specification=DRAFT202012)) for uri, doc in schemas.documents.items()]
    return Registry().with_resources(resources)


@cache
def schema_validator() -> Validator:
    schemas = load_schemas()
    return MeldformValidator(schemas.root, registry=registry(schemas), format_checker=FORMATS)


# -- describing a place in the document ---------------------------------------------------------
@dataclass
class Describer:
    schemas: SchemaSet
    sector: str | None
    lang: str

    def title(self, node: dict[str, Any] | None, fallback: str) -> str:
        if node and isinstance(node.get("title"), str):
            return tr(node["title"], self.lang)
        return fallback

    def field(self, parts: list[str | int]) -> str:
        """'Betrokkenen › Kind 1 › Burgerservicenummer (BSN)' for /betrokkenen/kinderen/0/burgerservicenummer."""
        crumbs: list[str] = []
        for depth, part in enumerate(parts):
            node = self.schemas.node_at(parts[: depth + 1], self.sector)
            if isinstance(part, int):
                item_title = node.get("title") if node else None
                if item_title:
                    if crumbs:
                        crumbs.pop()
                    crumbs.append(f"{tr(item_title, self.lang)} {part + 1}")
                else:
                    crumbs.append(f"{word('nr', self.lang)} {part + 1}")
            else:
                crumbs.append(self.title(node, str(part)))
        return " › ".join(crumbs) if crumbs else word("document", self.lang)

    def quoted_titles(self, parts: list[str | int], names: Iterable[str]) -> str:
        titles = [f"‘{self.title(self.schemas.node_at([*parts, n], self.sector), n)}’" for n in names]
        return f" {word('of', self.lang)} ".join(titles)


# -- translating jsonschema errors -----------------------------------------------------------------
_PRIORITY = {"type": 0, "verplicht": 1, "onbekend_veld": 1, "keuze": 2, "vaste_waarde": 2, "leeg": 2}


def _structural(error: ValidationError, d: Describer) -> list[tuple[int, Finding]]:
    parts: list[str | int] = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    keyword = error.validator
    value = error.validator_value
    instance = error.instance
    x_code = schema.get("x-code")
    out: list[tuple[str, list[str | int], str, dict[str, Any]]] = []  # code, parts, message key, params

    if keyword == "required":
        for name in value:
            if isinstance(instance, dict) and name not in instance:
                out.append(("verplicht", [*parts, name], "verplicht", {}))
    elif keyword in ("additionalProperties", "unevaluatedProperties") or keyword is False:
        known = schema.get("properties", {})
        for key in instance if isinstance(instance, dict) else ():
            if key not in known:
                out.append(("onbekend_veld", [*parts, key], "onbekend_veld", {"sleutel": key, "hint": _sector_hint(parts, key, d)}))
    elif keyword == "propertyNames":
        pass  # reported by the nested keyword below (its error carries the name)
    elif "propertyNames" in error.relative_schema_path and isinstance(instance, str):
        code = x_code or "niet_toegestaan"
        uitleg = word("ongeboren", d.lang) if code == "niet_van_toepassing" else ""
        out.append((code, [*parts, instance], code, {"uitleg": uitleg}))
    elif keyword == "type":
        expected = value if isinstance(value, list) else [value]
        names = f" {word('of', d.lang)} ".join(type_name(t, d.lang) for t in expected)
        hint = ""
        if "string" in expected and isinstance(instance, (int, float)) and not isinstance(instance, bool):
            hint = word("quote_hint", d.lang)
        out.append(("type", parts, "type", {"verwacht": names, "hint": hint}))
    elif keyword == "enum":
        shown = ", ".join(str(v) for v in value[:12]) + (", …" if len(value) > 12 else "")
        out.append(("keuze", parts, "keuze", {"keuzes": shown}))
    elif keyword == "const":
        out.append(("keuze", parts, "vaste_waarde", {"waarde": value}))
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
        out.append((code, parts, code, {"max": value, "uitleg": word("geen_contacten", d.lang) if code == "niet_van_toepassing" else ""}))
    elif keyword == "uniqueItems":
        out.append(("dubbel", parts, "dubbel", {}))
    elif keyword == "anyOf" and x_code:
        out.append((x_code, parts, x_code, {}))
    elif keyword == "anyOf" and all(set(branch) == {"required"} for branch in value):
        names = [name for branch in value for name in branch["required"]]
        out.append(("verplicht", parts, "verplicht_een_van", {"velden": d.quoted_titles(parts, names)}))
    elif keyword == "not":
        out.append(("niet_toegestaan", parts, "niet_toegestaan", {"uitleg": word("gereserveerd", d.lang) if value == {"const": "melder"} else ""}))
    else:
        out.append(("ongeldig", parts, "ongeldig", {}))

    findings = []
    for code, at, key, params in out:
        where = at[:-1] if code == "onbekend_veld" else at
        text = finding_text(key, d.lang, veld=d.field(where), **params)
        findings.append((_PRIORITY.get(code, 3), Finding(FOUT, code, pointer(at), text)))
    return findings


def _sector_hint(parts: list[str | int], key: str, d: Describer) -> str:
    if parts != ["sectorSpecifiek"]:
        return ""
    for sector in d.schemas.sectors:
        if key in d.schemas.sector_schema(sector).get("properties", {}):
            return word("andere_sector", d.lang, sector=sector)
    return ""


def structural_findings(data: Any, lang: str = "nl") -> list[Finding]:
    sector = data.get("sector") if isinstance(data, dict) else None
    describer = Describer(load_schemas(), sector if isinstance(sector, str) else None, lang)
    best: dict[str, tuple[int, Finding]] = {}
    for error in schema_validator().iter_errors(data):
        for priority, finding in _structural(error, describer):
            current = best.get(finding.pad)
            if current is None or priority < current[0]:
                best[finding.pad] = (priority, finding)
    return [finding for _, finding in best.values()]


# -- the whole check ------------------------------------------------------------------------------
def validate(data: Any, *, lang: str = "nl", today: dt.date | None = None) -> list[Finding]:
    """All findings for one loaded document: structure first, then the rules."""
    if not isinstance(data, dict):
        return [Finding(FOUT, "type", "", load_error_text("geen_object", lang, None, None))]
    findings = structural_findings(data, lang)
    sector = data.get("sector")
    describer = Describer(load_schemas(), sector if isinstance(sector, str) else None, lang)
    taken = {f.pad for f in findings}
    for rule_finding in rules.check(data, today or dt.date.today()):
        if rule_finding.pad in taken and rule_finding.ernst == FOUT:
            continue
        text = finding_text(rule_finding.code, lang, veld=describer.field(rule_finding.parts), **_localize(rule_finding.params, lang))
        findings.append(Finding(rule_finding.ernst, rule_finding.code, rule_finding.pad, text))
    return findings


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

    def geldig(self, strict: bool = False) -> bool:
        if strict and self.bevindingen:
            return False
        return self.leesbaar and is_valid(self.bevindingen)


def check_file(path: str, *, lang: str = "nl", today: dt.date | None = None) -> Result:
    """Load and validate one file (``-`` is stdin); an unreadable file is one ``onleesbaar`` finding."""
    try:
        loaded = load_document(path)
    except LoadError as exc:
        return Result(path, None, [Finding(FOUT, "onleesbaar", "", exc.message(lang))], leesbaar=False)
    return Result(path, loaded.data, validate(loaded.data, lang=lang, today=today))
