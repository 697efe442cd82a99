"""The persons of a document: where they are (read from the schema) and the one walk over them.

A person is an item of an array whose items have an id (``x-widget: id``): in melding 1.0 the
children and adults under ``betrokkenen``. Other parts refer to a person by that id, or to the
professional who reports by the reserved reference ``MELDER`` (melding-1.0.md: ``melder`` is
reserved and is not a person id). The rules, the renderers and the batch all find persons here,
so no module spells out where the persons are.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from meldform.model.schemas import BASE_URI, ROOT_FILE, Schema, SchemaSet, load_schemas

MELDER = "melder"
ID_WIDGET = "id"

Parts = list[str | int]


@cache
def person_paths() -> tuple[tuple[str, ...], ...]:
    """The paths of the arrays of persons, in schema order: ``(("betrokkenen", "kinderen"), ...)``."""
    schemas = load_schemas()
    found: list[tuple[str, ...]] = []
    _find(schemas, schemas.root, BASE_URI + ROOT_FILE, (), found)
    return tuple(found)


def _find(schemas: SchemaSet, node: Schema, base: str, path: tuple[str, ...], found: list[tuple[str, ...]]) -> None:
    node, base = schemas.resolve(node, base)
    for name, prop in node.get("properties", {}).items():
        if not isinstance(prop, dict):
            continue
        sub, sub_base = schemas.resolve(prop, base)
        items = sub.get("items")
        if sub.get("type") == "array" and isinstance(items, dict):
            item, item_base = schemas.resolve(items, sub_base)
            if any(isinstance(p, dict) and schemas.resolve(p, item_base)[0].get("x-widget") == ID_WIDGET for p in item.get("properties", {}).values()):
                found.append((*path, name))
        elif sub.get("type") == "object" or "properties" in sub:
            _find(schemas, sub, sub_base, (*path, name), found)


def persons(doc: Any) -> Iterator[tuple[Parts, dict[str, Any]]]:
    """Every person of ``doc`` (an object) with its place: ``(["betrokkenen", "kinderen", 0], {...})``.

    Reads defensively: a part that is missing or of the wrong type has no persons.
    """
    for path in person_paths():
        value: Any = doc
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if not isinstance(value, list):
            continue
        for index, person in enumerate(value):
            if isinstance(person, dict):
                yield [*path, index], person
