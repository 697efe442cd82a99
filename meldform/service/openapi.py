"""The OpenAPI 3.1 description of the service, generated from the contract's own JSON Schemas.

The request body of ``/v1/validate`` and ``/v1/render/{fmt}`` is ``#/components/schemas/Melding``:
the schema ``meldform schema`` prints, with its ``$defs`` moved into ``components/schemas`` (every
``#/$defs/X`` becomes ``#/components/schemas/X``). Sectors, soorten and formats come from the
contract and the installed renderers, so a sector added to the schemas appears here unchanged.
Summaries follow ``Accept-Language`` (nl/en).
"""

from __future__ import annotations

from typing import Any

from meldform import __version__, api
from meldform.service.problems import STATUS, TYPE_BASE, title
from meldform.texts import DEFAULT_LANG, pick
from meldform.texts.cli import HELP
from meldform.texts.service import OPENAPI

OPENAPI_VERSION = "3.1.0"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_REF = "#/components/schemas/"
DOCX_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA_TYPES = {"html": "text/html; charset=utf-8", "docx": DOCX_MEDIA, "pdf": "application/pdf"}
#: Request media types of a melding, and whether they are YAML.
DOCUMENT_TYPES: dict[str, bool | None] = {
    "application/json": False,
    "application/yaml": True,
    "application/x-yaml": True,
    "text/yaml": True,
    "text/x-yaml": True,
}

# Summaries that say what a command's --help says: worded once, in ``meldform.texts.cli``.
_AS_HELP = {"forms": "blank"}


def _t(key: str, lang: str) -> str:
    if key in _AS_HELP:
        return pick(HELP, _AS_HELP[key], lang).rstrip(".")
    return pick(OPENAPI, key, lang)


def _strict(lang: str) -> str:
    return pick(HELP, "strict", lang).rstrip(".") + " (--strict)"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": SCHEMA_REF + name}


def _rewrite(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: (SCHEMA_REF + value.removeprefix("#/$defs/") if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/") else _rewrite(value))
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    return node


def contract_components() -> dict[str, Any]:
    """``Melding`` and its definitions, from the exported contract schema."""
    contract = api.schema()
    defs = contract.pop("$defs", {})
    for key in ("$id", "$schema"):
        contract.pop(key, None)
    components = {name: _rewrite(schema) for name, schema in defs.items()}
    components["Melding"] = _rewrite(contract)
    return components


def _response_schemas() -> dict[str, Any]:
    """The answers' schemas: the same in every language (like the contract's, whose annotations are Dutch)."""
    finding = {
        "type": "object",
        "required": ["ernst", "code", "pad", "melding"],
        "additionalProperties": False,
        "properties": {
            "ernst": {"enum": ["fout", "waarschuwing"]},
            "code": {"type": "string"},
            "pad": {"type": "string", "description": _t("pad", DEFAULT_LANG)},
            "melding": {"type": "string"},
        },
    }
    findings = {"type": "array", "items": _ref("Bevinding")}
    return {
        "Bevinding": finding,
        "Rapport": {
            "type": "object",
            "required": ["geldig", "bevindingen"],
            "additionalProperties": False,
            "properties": {"geldig": {"type": "boolean"}, "bevindingen": findings},
        },
        "Probleem": {
            "type": "object",
            "required": ["type", "title", "status", "detail", "code", "bevindingen"],
            "properties": {
                "type": {"type": "string", "format": "uri", "pattern": "^" + TYPE_BASE.replace(".", "\\.")},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
                "code": {"enum": sorted(STATUS)},
                "bevindingen": findings,
            },
        },
        "SectorLabel": {
            "type": "object",
            "required": ["sector", "label"],
            "additionalProperties": False,
            "properties": {"sector": {"enum": [s.sector for s in api.sectors()]}, "label": {"type": "string"}},
        },
        "Import": {
            "type": "object",
            "required": ["document", "geldig", "bevindingen", "problemen"],
            "additionalProperties": False,
            "properties": {
                "document": {"type": "object"},
                "geldig": {"type": "boolean"},
                "bevindingen": findings,
                "problemen": {"type": "array", "items": {"type": "string"}},
            },
        },
    }


def _problems(lang: str, *codes: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for code in codes:
        entry = out.setdefault(str(STATUS[code]), {"description": "", "content": {"application/problem+json": {"schema": _ref("Probleem")}}})
        text = title(code, lang)
        entry["description"] = f"{entry['description']}; {text}" if entry["description"] else text
    return out


def _operation(lang: str, key: str, ok: dict[str, Any], *, auth: bool, guarded: bool = True, problems: tuple[str, ...] = (), **extra: Any) -> dict[str, Any]:
    shared = ("bezet", "tijdslimiet", "intern") if guarded else ("intern",)
    codes = (*problems, *(("geen_toegang",) if auth else ()), *shared)
    op: dict[str, Any] = {
        "operationId": key,
        "summary": _t(key, lang),
        "parameters": [{"$ref": "#/components/parameters/AcceptLanguage"}, *extra.pop("parameters", [])],
        "responses": {"200": {"description": _t("ok", lang), **ok}, **_problems(lang, *codes)},
        **extra,
    }
    if auth:
        op["security"] = [{"bearer": []}]
    return op


def _query(name: str, values: tuple[str, ...] | list[str], default: str | None = None, description: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"enum": list(values)}
    if default is not None:
        schema["default"] = default
    param: dict[str, Any] = {"name": name, "in": "query", "required": False, "schema": schema}
    if description:
        param["description"] = description
    return param


def build(*, auth: bool, lang: str = "nl") -> dict[str, Any]:
    """The whole OpenAPI document; ``auth``: every ``/v1`` operation needs the bearer token."""
    sector_keys = [s.sector for s in api.sectors()]
    formats = list(api.render_formats())
    components = contract_components()
    own = _response_schemas()
    clash = set(components) & set(own)
    if clash:  # a contract definition named like a response schema: rename one of them
        raise RuntimeError(f"OpenAPI component names clash: {sorted(clash)}")
    components.update(own)
    melding_body = {"required": True, "content": {media: {"schema": _ref("Melding")} for media in DOCUMENT_TYPES}}
    body_problems = ("onleesbaar", "te_traag", "te_groot", "mediatype")
    json_ok = {"content": {"application/json": {"schema": _ref("Rapport")}}}
    paths: dict[str, Any] = {
        "/healthz": {"get": _operation(lang, "healthz", {"content": {"application/json": {"schema": {"type": "object"}}}}, auth=False, guarded=False)},
        "/openapi.json": {"get": _operation(lang, "openapi", {"content": {"application/json": {"schema": {"type": "object"}}}}, auth=False, guarded=False)},
        "/v1/sectors": {
            "get": _operation(lang, "sectors", {"content": {"application/json": {"schema": {"type": "array", "items": _ref("SectorLabel")}}}}, auth=auth)
        },
        "/v1/schema": {
            "get": _operation(
                lang,
                "schema",
                {"content": {"application/schema+json": {"schema": {"type": "object"}}}},
                auth=auth,
                problems=("ongeldige_parameter",),
                parameters=[_query("sector", sector_keys), _query("soort", api.SOORTEN)],
            )
        },
        "/v1/forms/{sector}": {
            "get": _operation(
                lang,
                "forms",
                {"content": {"text/html; charset=utf-8": {"schema": {"type": "string"}}, DOCX_MEDIA: {}}},
                auth=auth,
                problems=("ongeldige_parameter", "niet_gevonden"),
                parameters=[
                    {"name": "sector", "in": "path", "required": True, "schema": {"enum": sector_keys}},
                    _query("soort", api.SOORTEN, "melding"),
                    _query("format", api.FORM_FORMATS, "html"),
                ],
            )
        },
        "/v1/validate": {
            "post": _operation(
                lang,
                "validate",
                json_ok,
                auth=auth,
                problems=(*body_problems, "ongeldige_parameter"),
                parameters=[_query("strict", ["true", "false"], "false", _strict(lang))],
                requestBody=melding_body,
            )
        },
        "/v1/render/{fmt}": {
            "post": _operation(
                lang,
                "render",
                {"content": {MEDIA_TYPES[fmt]: ({"schema": {"type": "string"}} if fmt == "html" else {}) for fmt in formats}},
                auth=auth,
                problems=(*body_problems, "niet_gevonden", "formaat_niet_beschikbaar", "ongeldig_document"),
                parameters=[{"name": "fmt", "in": "path", "required": True, "schema": {"enum": formats}}],
                requestBody=melding_body,
            )
        },
        "/v1/import": {
            "post": _operation(
                lang,
                "import",
                {"content": {"application/json": {"schema": _ref("Import")}}},
                auth=auth,
                problems=("te_traag", "te_groot", "mediatype", "geen_formulier"),
                requestBody={"required": True, "content": {DOCX_MEDIA: {}}},
            )
        },
    }
    document: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "jsonSchemaDialect": DIALECT,
        "info": {
            "title": _t("titel", lang),
            "version": __version__,
            "description": _t("beschrijving", lang),
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "parameters": {
                "AcceptLanguage": {"name": "Accept-Language", "in": "header", "required": False, "schema": {"type": "string"}, "description": _t("taal", lang)}
            },
        },
    }
    if auth:
        document["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
    return document
