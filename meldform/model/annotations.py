"""The Dutch texts of the schema annotations: what ``schemas/i18n/<lang>.json`` must translate.

The user-facing texts are the values of ``title``, ``description`` and ``x-formaat``, every value
inside ``x-enumLabels`` and ``x-enumHelp``, and every string inside ``x-afwegingskader``. They are
collected by walking the schemas as schemas: ``properties``, ``$defs`` and the like are maps from
a *name* to a subschema, so a property that happened to be called ``title`` would be walked as a
schema, never read as an annotation. An ``x-`` keyword that is neither known to hold text nor
known to hold none is reported, so a new annotation cannot slip past the translation check.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from meldform.model.schemas import load_schemas

#: Keywords whose string value is a Dutch text.
TEXT_KEYWORDS = ("title", "description", "x-formaat")
#: Keywords holding a map from enum value to a Dutch text.
ENUM_TEXT_KEYWORDS = ("x-enumLabels", "x-enumHelp")
#: Keyword holding an object whose string values (at any depth) are Dutch texts.
TREE_TEXT_KEYWORDS = ("x-afwegingskader", "x-afwegingskaderAlternatief", "x-titels")
#: Extension keywords known to hold no user-facing text.
NON_TEXT_EXTENSIONS = frozenset(
    {
        "x-widget",
        "x-code",
        "x-vraag",
        "x-kop",
        "x-weergave",
        "x-conclusie",
        "x-relevantAls",
        "x-slots",
        "x-bestandsnaam",
        "x-rol",
        "x-markeert",
        "x-vergelijkMet",
        "x-kaderKeuze",
    }
)

#: Keywords whose value is one subschema.
SCHEMA_KEYWORDS = (
    "items",
    "additionalItems",
    "additionalProperties",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "contentSchema",
)
#: Keywords whose value is an array of subschemas.
SCHEMA_ARRAY_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")
#: Keywords whose value maps a name (or pattern) to a subschema.
SCHEMA_MAP_KEYWORDS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def schema_texts(schema: Any, unknown: set[str]) -> Iterator[str]:
    """Yield the Dutch texts of ``schema`` and all its subschemas; add unknown ``x-`` keywords to ``unknown``."""
    if not isinstance(schema, dict):  # a boolean schema has no annotations
        return
    for key in TEXT_KEYWORDS:
        value = schema.get(key)
        if isinstance(value, str):
            yield value
    for key in ENUM_TEXT_KEYWORDS:
        value = schema.get(key)
        if isinstance(value, dict):
            yield from (text for text in value.values() if isinstance(text, str))
    for key in TREE_TEXT_KEYWORDS:
        if key in schema:
            yield from _strings(schema[key])
    for key in schema:
        if key.startswith("x-") and key not in NON_TEXT_EXTENSIONS and key not in (*TEXT_KEYWORDS, *ENUM_TEXT_KEYWORDS, *TREE_TEXT_KEYWORDS):
            unknown.add(key)
    for key in SCHEMA_KEYWORDS:
        if key in schema:
            value = schema[key]
            if isinstance(value, list):  # draft-04 style tuple ``items``
                for item in value:
                    yield from schema_texts(item, unknown)
            else:
                yield from schema_texts(value, unknown)
    for key in SCHEMA_ARRAY_KEYWORDS:
        for item in schema.get(key, []) or []:
            yield from schema_texts(item, unknown)
    for key in SCHEMA_MAP_KEYWORDS:
        value = schema.get(key)
        if isinstance(value, dict):
            for subschema in value.values():
                yield from schema_texts(subschema, unknown)
    dependencies = schema.get("dependencies")  # draft-07: a schema or a list of names
    if isinstance(dependencies, dict):
        for value in dependencies.values():
            yield from schema_texts(value, unknown)


def collect() -> tuple[set[str], set[str]]:
    """Every Dutch user-facing text of the schema files, and the ``x-`` keywords not known above."""
    texts: set[str] = set()
    unknown: set[str] = set()
    for document in load_schemas().documents.values():
        texts.update(text for text in schema_texts(document, unknown) if text.strip())
    return texts, unknown
