"""The compiled fast path and jsonschema (the oracle) must agree on every document."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
from factory import make_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldform.check.fastcheck import UnsupportedSchemaError, compile_schema, json_equal
from meldform.check.loading import load_document
from meldform.check.reference import schema_validator
from meldform.check.validation import fast_validator, structural_findings

EXAMPLES = sorted(p for p in (Path(__file__).resolve().parents[1] / "examples").iterdir() if p.suffix in (".json", ".yaml", ".yml"))


def agree(doc: Any) -> bool:
    fast = fast_validator()(doc)
    oracle = schema_validator().is_valid(doc)
    assert fast == oracle, f"fast={fast} oracle={oracle}"
    return fast


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_agree_and_are_valid(path: Path) -> None:
    assert agree(load_document(str(path)).data)


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_leaves(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(_leaves(value, (*path, index)))
    return out


REPLACEMENTS: list[Any] = ["", " ", "x", "2026-02-30", "20261101", "melder", "ABC\n", True, False, 0, 1, 1.5, -1, 100000, None, [], {}, ["x", "x"], "ja"]


def mutate(doc: dict[str, Any], rnd: random.Random) -> dict[str, Any]:
    """One random change anywhere: replace a value, delete a key, add a key or duplicate an item."""
    doc = copy.deepcopy(doc)
    path = rnd.choice(_leaves(doc)[1:])
    parent: Any = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    action = rnd.randrange(4)
    if action == 0:
        parent[last] = rnd.choice(REPLACEMENTS)
    elif action == 1:
        del parent[last]
    elif action == 2 and isinstance(parent[last], dict):
        parent[last][rnd.choice(["onbekend", "naam", "id", "datum", "route", "beroep"])] = rnd.choice(REPLACEMENTS)
    elif isinstance(parent[last], list) and parent[last]:
        parent[last].append(copy.deepcopy(parent[last][0]))
    else:
        parent[last] = rnd.choice(REPLACEMENTS)
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_generated_documents_agree(rnd: random.Random) -> None:
    doc = make_document(rnd)
    assert agree(doc)
    agree(mutate(doc, rnd))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_single_mutations_of_examples_agree(seed: int) -> None:
    rnd = random.Random(seed)
    doc = load_document(str(rnd.choice(EXAMPLES))).data
    mutated = mutate(doc, rnd)
    if not agree(mutated):
        # The detailed engine must then explain why: never 'invalid' without a finding.
        assert structural_findings(mutated)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(["soort", "sector", "id", "naam", "x"]), children, max_size=3),
    max_leaves=15,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_arbitrary_json_agrees(value: Any) -> None:
    agree(value)


def test_unknown_keyword_is_refused_not_ignored() -> None:
    with pytest.raises(UnsupportedSchemaError):
        compile_schema({"type": "string", "dependentRequired": {}})
    with pytest.raises(UnsupportedSchemaError):
        compile_schema({"$ref": "other.json#/x"})


def test_json_equality_distinguishes_booleans_from_numbers() -> None:
    check = compile_schema({"const": True})
    assert check(True) and not check(1)
    assert compile_schema({"enum": [1]})(1.0)
    assert not compile_schema({"enum": [1]})(True)
    assert json_equal({"a": [1, True]}, {"a": [1.0, True]})
    assert not json_equal([0], [False])


def test_ecma_dollar_in_fast_path() -> None:
    check = compile_schema({"type": "string", "pattern": "^[A-Z]+$"})
    assert check("ABC") and not check("ABC\n")
