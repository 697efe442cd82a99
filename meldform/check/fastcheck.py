"""A compiled yes/no validator: the fast path for the common case, a valid document.

jsonschema (the reference engine) walks the schema for every document, resolving each ``$ref``
through the registry: about 14 ms for a melding. This module compiles the bundled schema once into
nested Python closures and answers only "valid or not" in a fraction of that. When the answer is
"not valid", ``validation`` asks jsonschema for the detailed errors, so every message still comes
from the reference engine. A differential test (tests/test_fastcheck.py) keeps the two in
agreement.

Only the keywords the meldform schemas use are supported; compiling a schema with any other
assertion keyword fails loudly instead of silently accepting too much.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from meldform.check.formats import FORMAT_CHECKS, ecma_regex

Check = Callable[[Any], bool]

ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"})
SUPPORTED = frozenset(
    {
        "$ref", "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems",
        "enum", "const", "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "allOf", "anyOf", "not",
        "if", "then", "else", "propertyNames", "minProperties", "maxProperties",
    }
)  # fmt: skip


class UnsupportedSchemaError(ValueError):
    """The schema uses a keyword this compiler does not implement."""


def _is_type(name: str) -> Check:
    if name == "object":
        return lambda v: isinstance(v, dict)
    if name == "array":
        return lambda v: isinstance(v, list)
    if name == "string":
        return lambda v: isinstance(v, str)
    if name == "boolean":
        return lambda v: isinstance(v, bool)
    if name == "null":
        return lambda v: v is None
    if name == "integer":
        return lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())
    if name == "number":
        return lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
    raise UnsupportedSchemaError(f"type {name!r}")


def json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON means it: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a is b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def _unique(values: list[Any]) -> bool:
    if all(isinstance(v, str) for v in values):
        return len(set(values)) == len(values)
    return all(not json_equal(values[i], values[j]) for i in range(len(values)) for j in range(i + 1, len(values)))


def _any_of(branches: tuple[Check, ...]) -> Check:
    def check(v: Any) -> bool:
        return any(f(v) for f in branches)

    return check


def _string_in(allowed: frozenset[str]) -> Check:
    def check(v: Any) -> bool:
        return isinstance(v, str) and v in allowed

    return check


def _equals(expected: Any) -> Check:
    def check(v: Any) -> bool:
        return json_equal(v, expected)

    return check


def _not(negated: Check) -> Check:
    def check(v: Any) -> bool:
        return not negated(v)

    return check


def _if_then_else(cond: Check, then: Check, other: Check) -> Check:
    def check(v: Any) -> bool:
        return then(v) if cond(v) else other(v)

    return check


def _length(kind: type, low: int | None, high: int | None) -> Check:
    def check(v: Any) -> bool:
        if not isinstance(v, kind):
            return True
        size = len(v)  # type: ignore[arg-type]
        return (low is None or size >= low) and (high is None or size <= high)

    return check


def _matches(pattern: re.Pattern[str]) -> Check:
    search = pattern.search

    def check(v: Any) -> bool:
        return not isinstance(v, str) or search(v) is not None

    return check


def _between(low: float | None, high: float | None) -> Check:
    def check(v: Any) -> bool:
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            return True
        return (low is None or v >= low) and (high is None or v <= high)

    return check


def _unique_items(v: Any) -> bool:
    return not isinstance(v, list) or _unique(v)


def _all_of(checks: list[Check]) -> Check:
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    every = tuple(checks)

    def check(v: Any) -> bool:
        for f in every:
            if not f(v):
                return False
        return True

    return check


class Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, pointer: str) -> Check:
        if not pointer.startswith("#"):
            raise UnsupportedSchemaError(f"external $ref {pointer!r}: compile a bundled schema")
        if pointer not in self.refs:
            cell: list[Check] = []
            self.refs[pointer] = lambda v: cell[0](v)  # allows recursive schemas
            target: Any = self.root
            for part in filter(None, pointer[1:].split("/")):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            cell.append(self.compile(target))
        return self.refs[pointer]

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        if not isinstance(schema, dict):
            raise UnsupportedSchemaError(f"schema {schema!r}")
        unknown = {k for k in schema if k not in SUPPORTED and k not in ANNOTATIONS and not k.startswith("x-")}
        if unknown:
            raise UnsupportedSchemaError(f"keywords {sorted(unknown)}")
        checks: list[Check] = []
        if "$ref" in schema:
            checks.append(self.ref(schema["$ref"]))
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            tests = [_is_type(n) for n in names]
            checks.append(tests[0] if len(tests) == 1 else _any_of(tuple(tests)))
        if "enum" in schema:
            options = list(schema["enum"])
            if all(isinstance(o, str) for o in options):
                checks.append(_string_in(frozenset(options)))
            else:
                checks.append(_any_of(tuple(_equals(o) for o in options)))
        if "const" in schema:
            checks.append(_equals(schema["const"]))
        checks.extend(self._string(schema))
        checks.extend(self._number(schema))
        checks.extend(self._array(schema))
        checks.extend(self._object(schema))
        for sub in schema.get("allOf", []):
            checks.append(self.compile(sub))
        if "anyOf" in schema:
            checks.append(_any_of(tuple(self.compile(s) for s in schema["anyOf"])))
        if "not" in schema:
            checks.append(_not(self.compile(schema["not"])))
        if "if" in schema:
            checks.append(_if_then_else(self.compile(schema["if"]), self.compile(schema.get("then", True)), self.compile(schema.get("else", True))))
        return _all_of(checks)

    def _string(self, schema: dict[str, Any]) -> list[Check]:
        out: list[Check] = []
        if "minLength" in schema:
            out.append(_length(str, schema["minLength"], None))
        if "maxLength" in schema:
            out.append(_length(str, None, schema["maxLength"]))
        if "pattern" in schema:
            out.append(_matches(ecma_regex(schema["pattern"])))
        if "format" in schema and schema["format"] in FORMAT_CHECKS:
            out.append(FORMAT_CHECKS[schema["format"]])
        return out

    def _number(self, schema: dict[str, Any]) -> list[Check]:
        if "minimum" in schema or "maximum" in schema:
            return [_between(schema.get("minimum"), schema.get("maximum"))]
        return []

    def _array(self, schema: dict[str, Any]) -> list[Check]:
        out: list[Check] = []
        if "items" in schema:
            item = self.compile(schema["items"])

            def items(v: Any) -> bool:
                if isinstance(v, list):
                    for x in v:
                        if not item(x):
                            return False
                return True

            out.append(items)
        if "minItems" in schema or "maxItems" in schema:
            out.append(_length(list, schema.get("minItems"), schema.get("maxItems")))
        if schema.get("uniqueItems"):
            out.append(_unique_items)
        return out

    def _object(self, schema: dict[str, Any]) -> list[Check]:
        """One closure per object schema: required keys, then one pass over the instance's keys."""
        out: list[Check] = []
        if "minProperties" in schema or "maxProperties" in schema:
            out.append(_length(dict, schema.get("minProperties"), schema.get("maxProperties")))
        keywords = ("properties", "required", "additionalProperties", "propertyNames")
        if not any(k in schema for k in keywords):
            return out
        props = {name: self.compile(sub) for name, sub in schema.get("properties", {}).items()}
        needed = tuple(schema.get("required", ()))
        extra_schema = schema.get("additionalProperties", True)
        extra: Check | None = None if extra_schema is True else self.compile(extra_schema)
        names: Check | None = self.compile(schema["propertyNames"]) if "propertyNames" in schema else None

        def check(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            for key in needed:
                if key not in v:
                    return False
            for key, value in v.items():
                if names is not None and not names(key):
                    return False
                prop = props.get(key)
                if prop is not None:
                    if not prop(value):
                        return False
                elif extra is not None and not extra(value):
                    return False
            return True

        out.append(check)
        return out


def compile_schema(bundled: dict[str, Any]) -> Check:
    """Compile a self-contained schema (see ``SchemaSet.bundle``) into a yes/no check."""
    return Compiler(bundled).compile(bundled)
