"""Check the English catalogue ``schemas/i18n/en.json`` against the Dutch schema annotations.

Run from anywhere as ``python3 tools/i18n_check.py``. It prints the Dutch texts that have no
English entry (exit status 1) and the catalogue entries that no schema uses any more (a note
only, exit status 0 if nothing is missing).

The user-facing texts are the values of ``title``, ``description`` and ``x-formaat``, every value
inside ``x-enumLabels`` and ``x-enumHelp``, and every string inside ``x-afwegingskader``. They are
collected by walking the schemas as schemas: ``properties``, ``$defs`` and the like are maps from
a *name* to a subschema, so a property that happened to be called ``title`` would be walked as a
schema, never read as an annotation.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from meldform.model.schemas import load_schemas  # noqa: E402
from meldform.resources import resource_dir  # noqa: E402

#: Keywords whose string value is a Dutch text.
TEXT_KEYWORDS = ("title", "description", "x-formaat")
#: Keywords holding a map from enum value to a Dutch text.
ENUM_TEXT_KEYWORDS = ("x-enumLabels", "x-enumHelp")
#: Keyword holding an object whose string values (at any depth) are Dutch texts.
TREE_TEXT_KEYWORDS = ("x-afwegingskader",)
#: Extension keywords known to hold no user-facing text.
NON_TEXT_EXTENSIONS = frozenset({"x-widget", "x-code", "x-vraag", "x-kop", "x-weergave", "x-conclusie", "x-relevantAls", "x-slots"})

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


def catalogue_path() -> Path:
    return resource_dir("schemas") / "i18n" / "en.json"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _walk(schema: Any, unknown: set[str]) -> Iterator[str]:
    """Yield the Dutch texts of ``schema`` and all its subschemas."""
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
                    yield from _walk(item, unknown)
            else:
                yield from _walk(value, unknown)
    for key in SCHEMA_ARRAY_KEYWORDS:
        for item in schema.get(key, []) or []:
            yield from _walk(item, unknown)
    for key in SCHEMA_MAP_KEYWORDS:
        value = schema.get(key)
        if isinstance(value, dict):
            for subschema in value.values():
                yield from _walk(subschema, unknown)
    dependencies = schema.get("dependencies")  # draft-07: a schema or a list of names
    if isinstance(dependencies, dict):
        for value in dependencies.values():
            yield from _walk(value, unknown)


def _collect() -> tuple[set[str], set[str]]:
    texts: set[str] = set()
    unknown: set[str] = set()
    for document in load_schemas().documents.values():
        texts.update(text for text in _walk(document, unknown) if text.strip())
    return texts, unknown


def annotation_texts() -> set[str]:
    """Every Dutch user-facing text in the schema files."""
    return _collect()[0]


def unknown_extensions() -> set[str]:
    """``x-`` keywords in the schemas that this checker does not know (text or not?)."""
    return _collect()[1]


def load_catalogue() -> dict[str, str]:
    path = catalogue_path()
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        data: dict[str, str] = json.load(handle)
    return data


def main() -> int:
    texts, unknown = _collect()
    catalogue = load_catalogue()
    missing = sorted(text for text in texts if not str(catalogue.get(text, "")).strip())
    unused = sorted(set(catalogue) - texts)
    for text in missing:
        print(f"ontbreekt: {text}")
    for text in unused:
        print(f"ongebruikt: {text}")
    for key in sorted(unknown):
        print(f"let op: onbekend sleutelwoord {key} (bevat het tekst? voeg het dan toe aan tools/i18n_check.py)", file=sys.stderr)
    print(f"{len(texts)} teksten, {len(texts) - len(missing)} vertaald, {len(missing)} ontbrekend, {len(unused)} ongebruikt", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
