"""The schema set: loading the source files, resolving references, variants and the bundled export.

The files in ``schemas/`` are the single source of truth. ``melding.schema.json`` is the root of the
whole contract; soort and sector differences are ``if``/``then`` overlays in its ``allOf``. A
*variant* (one soort and/or one sector) keeps only the overlays that apply. ``bundle`` turns any of
them into one self-contained document whose ``$ref``s all point inside it; ``without_annotations``
takes meldform's own ``x-`` keywords out of it, for validators that reject unknown keywords.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from meldform.errors import MeldformError
from meldform.resources import resource_dir
from meldform.texts import pick
from meldform.texts.api import UNKNOWN_CHOICE

BASE_URI = "https://meldform.nl/schema/1.1/"
ROOT_FILE = "melding.schema.json"
DEFS_FILE = "defs.schema.json"
SECTOR_DIR = "sectoren"
SOORTEN = ("melding", "advies", "dossiernotitie")
SHOWN = 40  # an unknown choice is quoted back at most this long
FILE_NAME_ANNOTATION = "x-bestandsnaam"  # on the top-level field a document's files are named after

Schema = dict[str, Any]

#: meldform's own annotation keywords: labels, help texts and form hints for the documents and
#: forms. None of them changes what is valid (README, "Strict validators" lists what each means).
ANNOTATION_KEYWORDS = (
    "x-afwegingskader",
    "x-afwegingskaderAlternatief",
    "x-bestandsnaam",
    "x-code",
    "x-conclusie",
    "x-enumHelp",
    "x-enumLabels",
    "x-formaat",
    "x-kaderKeuze",
    "x-kop",
    "x-markeert",
    "x-relevantAls",
    "x-rol",
    "x-slots",
    "x-titels",
    "x-vergelijkMet",
    "x-vraag",
    "x-weergave",
    "x-widget",
)
# Keywords whose value is a map from a name (not a keyword) to a subschema, one subschema, a list
# of subschemas, or data (never walked: a const or example may contain an "x-" key of its own).
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
_SCHEMA_ONE = frozenset(
    {"additionalProperties", "unevaluatedProperties", "items", "additionalItems", "unevaluatedItems", "contains", "propertyNames", "if", "then", "else", "not"}
)
_SCHEMA_LIST = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})


class UnknownVariantError(MeldformError, ValueError):
    """A sector or soort that the contract does not know (the API's ``UnknownChoiceError`` adds formats)."""

    def __init__(self, what: str, value: str, allowed: tuple[str, ...]) -> None:
        super().__init__(what, value)
        self.what = what  # "sector", "soort" (the API adds "formaat" and the names of parameters)
        self.value = value
        self.allowed = allowed

    def message(self, lang: str = "nl") -> str:
        shown = self.value if len(self.value) <= SHOWN else self.value[:SHOWN] + "…"
        key = self.what if self.what in UNKNOWN_CHOICE else "waarde"
        return pick(UNKNOWN_CHOICE, key, lang, wat=self.what, waarde=shown, keuzes=", ".join(self.allowed))

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class SchemaSet:
    """All schema files, keyed by their ``$id``."""

    documents: Mapping[str, Schema]
    sectors: tuple[str, ...]
    _resolved: dict[int, Schema] = field(default_factory=dict, compare=False, repr=False)

    @property
    def root(self) -> Schema:
        return self.documents[BASE_URI + ROOT_FILE]

    @property
    def defs(self) -> Schema:
        return self.documents[BASE_URI + DEFS_FILE]

    def sector_schema(self, sector: str) -> Schema:
        return self.documents[f"{BASE_URI}{SECTOR_DIR}/{sector}.schema.json"]

    def sector_label(self, sector: str) -> str:
        labels: dict[str, str] = self.root["properties"]["sector"]["x-enumLabels"]
        return labels[sector]

    @cached_property
    def file_name_key(self) -> str | None:
        """The top-level field a document's files are named after (``x-bestandsnaam``): ``kenmerk``."""
        for name, prop in self.root.get("properties", {}).items():
            if isinstance(prop, dict) and self.resolve(prop, BASE_URI + ROOT_FILE)[0].get(FILE_NAME_ANNOTATION) is True:
                return str(name)
        return None

    def check_variant(self, soort: str | None, sector: str | None) -> None:
        if soort is not None and soort not in SOORTEN:
            raise UnknownVariantError("soort", soort, SOORTEN)
        if sector is not None and sector not in self.sectors:
            raise UnknownVariantError("sector", sector, self.sectors)

    # -- references -----------------------------------------------------------------------
    def lookup(self, ref: str, base: str) -> tuple[Schema, str]:
        """Resolve ``ref`` relative to the document ``base``; return the target and its document."""
        uri, _, fragment = _join(base, ref).partition("#")
        target: Any = self.documents[uri]
        for part in filter(None, fragment.split("/")):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        return target, uri

    def resolve(self, node: Schema, base: str) -> tuple[Schema, str]:
        """Follow ``$ref`` chains; sibling keywords of a ``$ref`` override the target's annotations.

        Returns the merged node and the document URI its own references are relative to.
        """
        if "$ref" not in node:
            return node, base
        target, target_base = self.lookup(node["$ref"], base)
        merged, merged_base = self.resolve(target, target_base)
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if not siblings:
            return merged, merged_base
        return {**merged, **siblings}, merged_base

    def node_at(self, parts: list[str | int], sector: str | None = None) -> Schema | None:
        """The (resolved) schema of the value at ``parts`` in a document of ``sector``, if any."""
        node, base = self.resolve(self.root, BASE_URI + ROOT_FILE)
        for index, part in enumerate(parts):
            if isinstance(part, int):
                child = node.get("items")
            elif index == 0 and part == "sectorSpecifiek" and sector in self.sectors:
                child = {"$ref": f"{SECTOR_DIR}/{sector}.schema.json"}
            else:
                child = node.get("properties", {}).get(part)
            if not isinstance(child, dict):
                return None
            node, base = self.resolve(child, base)
        return node

    # -- variants and export ----------------------------------------------------------------
    def variant(self, soort: str | None = None, sector: str | None = None) -> Schema:
        """The root schema narrowed to one soort and/or one sector (still with cross-file refs)."""
        self.check_variant(soort, sector)
        root = copy.deepcopy(self.root)
        keep = []
        for overlay in root.get("allOf", []):
            cond = overlay["if"]["properties"]
            if "soort" in cond and soort is not None and cond["soort"]["const"] != soort:
                continue
            if "sector" in cond and sector is not None and cond["sector"]["const"] != sector:
                continue
            keep.append(overlay)
        root["allOf"] = keep
        if soort is not None:
            root["properties"]["soort"]["enum"] = [soort]
            root["title"] = f"{root['title']} — {root['properties']['soort']['x-enumLabels'][soort]}"
        if sector is not None:
            root["properties"]["sector"]["enum"] = [sector]
            root["title"] = f"{root['title']} — {self.sector_label(sector)}"
        suffix = "".join(f"-{part}" for part in (soort, sector) if part)
        root["$id"] = f"{BASE_URI}melding{suffix}.schema.json"
        return root

    def bundle(self, schema: Schema) -> Schema:
        """A self-contained copy of ``schema``: every ``$ref`` becomes ``#/$defs/<Name>``."""
        out = copy.deepcopy(schema)
        base = BASE_URI + ROOT_FILE
        defs: dict[str, Schema] = {}
        local_defs = out.pop("$defs", {})
        pending: list[tuple[str, str]] = []  # (absolute uri, local name)
        names: dict[str, str] = {}

        def local_name(absolute: str) -> str:
            if absolute not in names:
                uri, _, fragment = absolute.partition("#")
                if fragment.startswith("/$defs/"):
                    name = fragment.rsplit("/", 1)[-1]
                else:
                    stem = uri.rsplit("/", 1)[-1].removesuffix(".schema.json")
                    name = "Sector_" + stem if f"/{SECTOR_DIR}/" in uri else stem
                names[absolute] = name
                pending.append((absolute, name))
            return names[absolute]

        def rewrite(node: Any, doc_base: str) -> Any:
            if isinstance(node, dict):
                new = {}
                for key, value in node.items():
                    if key == "$ref" and isinstance(value, str):
                        new[key] = "#/$defs/" + local_name(_join(doc_base, value))
                    elif key in ("$id", "$schema") and node is not out:
                        continue
                    else:
                        new[key] = rewrite(value, doc_base)
                return new
            if isinstance(node, list):
                return [rewrite(item, doc_base) for item in node]
            return node

        del local_defs  # the root's own $defs come back only if something still refers to them
        out = dict(rewrite(out, base))
        while pending:
            absolute, name = pending.pop()
            if name in defs:
                continue
            target, target_base = self.lookup("#" + absolute.partition("#")[2], absolute.partition("#")[0])
            defs[name] = rewrite(target, target_base)
        out["$defs"] = dict(sorted(defs.items()))
        return out


def without_annotations(schema: Any) -> Any:
    """A copy of ``schema`` without any ``x-`` keyword; standard annotations (title, description,
    examples, default, $comment) stay. Walked as a schema, so a property *named* ``x-…`` stays."""
    if not isinstance(schema, dict):
        return copy.deepcopy(schema)
    out: Schema = {}
    for key, value in schema.items():
        if key.startswith("x-"):
            continue
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: without_annotations(sub) for name, sub in value.items()}
        elif key in _SCHEMA_ONE:
            out[key] = without_annotations(value)
        elif key in _SCHEMA_LIST and isinstance(value, list):
            out[key] = [without_annotations(sub) for sub in value]
        else:
            out[key] = copy.deepcopy(value)
    return out


def annotation_keywords(schema: Any) -> set[str]:
    """Every ``x-`` keyword used in ``schema``, found the way ``without_annotations`` walks it."""
    if not isinstance(schema, dict):
        return set()
    found = {key for key in schema if key.startswith("x-")}
    for key, value in schema.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            subs = list(value.values())
        elif key in _SCHEMA_LIST and isinstance(value, list):
            subs = value
        else:
            subs = [value] if key in _SCHEMA_ONE else []
        for sub in subs:
            found |= annotation_keywords(sub)
    return found


def _join(base: str, ref: str) -> str:
    if ref.startswith("#"):
        return base + ref
    if "://" in ref:
        return ref
    directory = base.rsplit("/", 1)[0]
    path, _, fragment = ref.partition("#")
    parts = directory.split("/")
    for piece in path.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts) + ("#" + fragment if fragment else "")


def _schema_files(folder: Path) -> Iterator[Path]:
    yield from sorted(folder.glob("*.schema.json"))
    yield from sorted((folder / SECTOR_DIR).glob("*.schema.json"))


@cache
def load_schemas() -> SchemaSet:
    folder = resource_dir("schemas")
    documents: dict[str, Schema] = {}
    for path in _schema_files(folder):
        with path.open(encoding="utf-8") as handle:
            doc = json.load(handle)
        documents[doc["$id"]] = doc
    root = documents[BASE_URI + ROOT_FILE]
    sectors = tuple(root["properties"]["sector"]["enum"])
    return SchemaSet(documents=documents, sectors=sectors)
