"""The exported (bundled) JSON Schema: self-contained, and it means what meldform checks.

Other systems validate meldingen with the schema from ``meldform schema`` and a stock validator, no
meldform code and no registry. So for every variant (whole contract; each soort; each sector; each
soort × sector) the bundle must
- hold no ``$ref`` outside itself (every ``$ref`` starts with ``#`` and resolves inside it);
- agree with meldform's structural verdict: a plain ``Draft202012Validator(bundle,
  format_checker=FORMAT_CHECKER)`` says valid exactly when meldform has no structural error
  (structural = any code that is not in the rule table of melding-1.0.md), for the examples, for
  generated documents and for mutated ones.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from functools import cache
from pathlib import Path
from typing import Any

import factory  # tests/ is on sys.path (pytest's rootdir-relative import)
import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from meldform.check.findings import Finding
from meldform.check.loading import LoadError, load_document
from meldform.check.validation import validate
from meldform.cli import main
from meldform.model.schemas import SOORTEN, load_schemas

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for suffix in ("json", "yaml", "yml") for p in (ROOT / "examples").rglob(f"*.{suffix}"))
TODAY = dt.date(2026, 11, 28)
SECTOREN = load_schemas().sectors
VARIANTS: list[tuple[str | None, str | None]] = [
    (None, None),
    *((soort, None) for soort in SOORTEN),
    *((None, sector) for sector in SECTOREN),
    *((soort, sector) for soort in SOORTEN for sector in SECTOREN),
]
# A rule of the contract that the schema itself expresses (``propertyNames`` in an advies): a stock
# validator rejects such a document too, and rightly so.
SCHEMA_ENFORCED_RULES = frozenset({"advies_identificerend"})


def variant_id(variant: tuple[str | None, str | None]) -> str:
    soort, sector = variant
    return f"{soort or 'alle-soorten'}-{sector or 'alle-sectoren'}"


@cache
def bundle(soort: str | None, sector: str | None) -> dict[str, Any]:
    schemas = load_schemas()
    return schemas.bundle(schemas.variant(soort=soort, sector=sector))


@cache
def stock(soort: str | None, sector: str | None) -> Draft202012Validator:
    """A plain validator: the bundle, the standard format checker, no registry."""
    schema = bundle(soort, sector)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def refs(node: Any, path: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                out.append((path, value))
            out.extend(refs(value, f"{path}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(refs(value, f"{path}/{index}"))
    return out


def resolve_local(schema: dict[str, Any], ref: str) -> Any:
    target: Any = schema
    for part in filter(None, ref[1:].split("/")):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target


def meldform_structural_errors(data: Any) -> list[Finding]:
    return [f for f in validate(data, today=TODAY) if f.ernst == "fout" and (f.code not in factory.RULE_CODES or f.code in SCHEMA_ENFORCED_RULES)]


def stock_verdicts(data: Any) -> dict[str, list[str]]:
    """The stock validator's errors (empty: valid) with the whole contract and the document's own variant."""
    variants: list[tuple[str | None, str | None]] = [(None, None)]
    soort = data.get("soort") if isinstance(data, dict) else None
    sector = data.get("sector") if isinstance(data, dict) else None
    if soort in SOORTEN and sector in SECTOREN:
        variants.append((soort, sector))
    return {variant_id(v): sorted(f"{e.json_path}: {e.validator}" for e in stock(*v).iter_errors(data)) for v in variants}


def disagreement(data: Any) -> str | None:
    """A description of how stock jsonschema and meldform disagree on ``data``, or None."""
    ours = meldform_structural_errors(data)
    theirs = stock_verdicts(data)
    for name, errors in theirs.items():
        if bool(errors) != bool(ours):
            return f"stock[{name}] {'invalid' if errors else 'valid'} {errors[:5]}; meldform structural errors {[(f.code, f.pad) for f in ours]}"
    return None


# -- the bundle is self-contained -----------------------------------------------------------------
@pytest.mark.parametrize("variant", VARIANTS, ids=variant_id)
def test_bundle_is_self_contained(variant: tuple[str | None, str | None]) -> None:
    schema = bundle(*variant)
    json.dumps(schema)  # plain JSON
    Draft202012Validator.check_schema(schema)
    found = refs(schema)
    assert found, "a bundle without any $ref is suspicious"
    outside = [(where, ref) for where, ref in found if not (isinstance(ref, str) and ref.startswith("#"))]
    assert outside == []
    for where, ref in found:
        assert isinstance(resolve_local(schema, ref), (dict, bool)), (where, ref)


@pytest.mark.parametrize("variant", VARIANTS, ids=variant_id)
def test_bundle_narrows_to_its_variant(variant: tuple[str | None, str | None]) -> None:
    soort, sector = variant
    props = bundle(*variant)["properties"]
    assert props["soort"]["enum"] == ([soort] if soort else list(SOORTEN))
    assert props["sector"]["enum"] == ([sector] if sector else list(SECTOREN))


@pytest.mark.parametrize("variant", [v for v in VARIANTS if v[0] and v[1]], ids=variant_id)
def test_bundle_rejects_documents_of_another_variant(variant: tuple[str, str]) -> None:
    soort, sector = variant
    rnd = random.Random(f"{soort}-{sector}")
    own = factory.make_document(rnd, soort=soort, sector=sector)
    assert not list(stock(soort, sector).iter_errors(own))
    other_soort = next(s for s in SOORTEN if s != soort)
    other_sector = next(s for s in SECTOREN if s != sector)
    assert list(stock(soort, sector).iter_errors(factory.make_document(rnd, soort=other_soort, sector=sector)))
    assert list(stock(soort, sector).iter_errors(factory.make_document(rnd, soort=soort, sector=other_sector)))


# -- stock jsonschema agrees with meldform's structure ---------------------------------------------
def test_there_are_examples() -> None:
    assert EXAMPLES, "examples/ holds no json/yaml/yml file"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_stock_validator_agrees_on_example(path: Path) -> None:
    try:
        data = load_document(str(path)).data
    except LoadError as exc:  # an unreadable example is a matter for test_loading, not the schema
        pytest.skip(f"unreadable example: {exc}")
    assert disagreement(data) is None


def test_stock_validator_agrees_on_generated_documents() -> None:
    problems = []
    for index, doc in enumerate(factory.make_documents(200, seed=2026)):
        problem = disagreement(doc)
        if problem:
            problems.append((index, doc["soort"], doc["sector"], problem))
    assert problems == []


@pytest.mark.parametrize("mutation", factory.MUTATIONS, ids=lambda m: m.name)
def test_stock_validator_agrees_on_mutated_documents(mutation: factory.Mutation) -> None:
    """Structural mutations: both say invalid. Rule mutations: the structure is still fine for both."""
    rnd = random.Random(mutation.name)  # one document per mutation, a different one each
    doc = mutation.document(rnd)
    mutation.apply(doc, rnd)
    if mutation.structural:
        assert meldform_structural_errors(doc), f"meldform finds no structural error for {mutation.name}"
    assert disagreement(doc) is None


# -- the command line prints the bundle -------------------------------------------------------------
@pytest.mark.parametrize("variant", VARIANTS, ids=variant_id)
def test_cli_schema_prints_the_bundle(variant: tuple[str | None, str | None]) -> None:
    soort, sector = variant
    args = ["schema", *(["--sector", sector] if sector else []), *(["--soort", soort] if soort else [])]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == bundle(soort, sector)


@pytest.mark.parametrize(
    "args",
    [["--sector", "tandartsen"], ["--sector", "Onderwijs"], ["--sector", "tandartsen", "--soort", "melding"], ["--soort", "adviesvraag"]],
    ids=["sector", "sector-case", "sector-with-soort", "soort"],
)
def test_cli_schema_unknown_variant_is_a_usage_error(args: list[str]) -> None:
    result = CliRunner().invoke(main, ["schema", *args])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
