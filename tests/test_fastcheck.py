"""The fast path (jsonschema-rs) and jsonschema (the oracle) must agree on every document.

The fast path may say "cannot tell" (``None``) only for a document holding a lone surrogate, which
cannot cross into Rust; the oracle then decides.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
from factory import make_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldform.check.loading import load_document
from meldform.check.reference import schema_validator
from meldform.check.validation import fast_validator, structural_findings

EXAMPLES = sorted(p for p in (Path(__file__).resolve().parents[1] / "examples").iterdir() if p.suffix in (".json", ".yaml", ".yml"))


def has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= c <= "\udfff" for c in value)
    if isinstance(value, dict):
        return any(has_surrogate(k) or has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_surrogate(v) for v in value)
    return False


def agree(doc: Any) -> bool:
    fast = fast_validator()(doc)
    oracle = bool(schema_validator().is_valid(doc))
    if fast is None:
        assert has_surrogate(doc), "the fast path may only not tell for a lone surrogate"
        return oracle
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


def test_booleans_are_no_numbers_and_numbers_compare_by_value() -> None:
    doc = load_document(str(EXAMPLES[0])).data
    for value in (True, 1, 1.0, "1"):
        changed = copy.deepcopy(doc)
        changed["schemaVersie"] = value
        assert agree(changed) is False
    melding = next(load_document(str(p)).data for p in EXAMPLES if "onderwijs-vo-partnergeweld.json" == p.name)
    score = melding["afweging"]["veiligheidscijfers"][0]
    for value, valid in ((5, True), (5.0, True), (True, False), (-1, False), (0, True), (10, True), (11, False), (5.5, False)):
        changed = copy.deepcopy(melding)
        changed["afweging"]["veiligheidscijfers"][0] = {**score, "cijfer": value}
        assert agree(changed) is valid, value


def test_patterns_have_ecma_semantics_in_both_engines() -> None:
    # Python's $ matches before a trailing newline; ECMA-262's (JSON Schema's) does not
    doc = load_document(str(EXAMPLES[0])).data
    for kenmerk, valid in (("ABC-1", True), ("ABC-1\n", False), ("ABC 1", False), ("", False)):
        changed = {**doc, "kenmerk": kenmerk}
        assert agree(changed) is valid, repr(kenmerk)


def test_a_lone_surrogate_is_left_to_the_oracle() -> None:
    doc = load_document(str(EXAMPLES[0])).data
    changed = {**doc, "kenmerk": "ABC\ud800"}
    assert fast_validator()(changed) is None
    assert structural_findings(changed)  # the oracle still refuses it, by the pattern
    text = copy.deepcopy(doc)
    text["zorgen"]["signalen"][0]["omschrijving"] = "let op \ud800 hier"
    assert fast_validator()(text) is None
    assert structural_findings(text) == []


def test_formats_are_meldforms_own_in_both_engines() -> None:
    doc = load_document(str(EXAMPLES[0])).data
    for datum, valid in (("2026-02-28", True), ("2026-02-30", False), ("20260228", False), ("2026-2-28", False)):
        assert agree({**doc, "datum": datum}) is valid, datum
