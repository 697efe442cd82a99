"""The exported schema works in a strict validator: Ajv 8 (draft 2020-12) in its default strict mode.

Ajv rejects a schema with a keyword it does not know, and meldform's schema carries its own ``x-``
annotations. So there are two ways in, and both are tested with a stock Ajv and ajv-formats
(``tests/js/``, installed with ``npm ci`` by ``.ci/run``):
- ``meldform schema --zonder-annotaties``: no ``x-`` keyword left; a stock strict Ajv compiles it;
- the full export with the documented annotation keywords (``ANNOTATION_KEYWORDS``) registered
  through ``ajv.addVocabulary``: a strict Ajv compiles that too.
Either way the compiled schema must mean what meldform checks: every example is valid for the whole
contract and for its own soort × sector (as ``meldform validate`` finds no structural error), and
documents with a structural mistake are rejected.

Without node or Ajv the tests are skipped, except when MELDFORM_REQUIRE_REAL_TOOLS=1 (CI).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import factory  # tests/ is on sys.path (pytest's rootdir-relative import)
import pytest
from click.testing import CliRunner

from meldform.check.loading import load_document
from meldform.check.validation import validate
from meldform.cli import main
from meldform.model.schemas import ANNOTATION_KEYWORDS, SOORTEN, annotation_keywords, load_schemas, without_annotations

ROOT = Path(__file__).resolve().parent.parent
JS = Path(__file__).resolve().parent / "js"
SCRIPT = JS / "ajv_strict.mjs"
EXAMPLES = sorted(p for suffix in ("json", "yaml", "yml") for p in (ROOT / "examples").rglob(f"*.{suffix}"))
TOUR = ROOT / "docs" / "tour"
SECTOREN = load_schemas().sectors
# Every soort and every sector alone, the whole contract, and the variants of the examples.
VARIANTS: list[tuple[str | None, str | None]] = [
    (None, None),
    *((soort, None) for soort in SOORTEN),
    *((None, sector) for sector in SECTOREN),
    *((soort, sector) for soort in SOORTEN for sector in SECTOREN),
]
SCHEMA_ENFORCED_RULES = frozenset({"advies_identificerend"})  # as in test_schema_export.py


def variant_id(variant: tuple[str | None, str | None]) -> str:
    soort, sector = variant
    return f"{soort or 'alle-soorten'}-{sector or 'alle-sectoren'}"


@cache
def bundle(soort: str | None, sector: str | None) -> dict[str, Any]:
    schemas = load_schemas()
    return schemas.bundle(schemas.variant(soort=soort, sector=sector))


def require_ajv() -> str:
    node = shutil.which("node")
    problem = None
    if node is None:
        problem = "node is not installed (apt-get install nodejs npm)"
    elif not (JS / "node_modules" / "ajv" / "package.json").exists() or not (JS / "node_modules" / "ajv-formats" / "package.json").exists():
        problem = "Ajv is not installed (npm ci --prefix tests/js)"
    if problem:
        if os.environ.get("MELDFORM_REQUIRE_REAL_TOOLS") == "1":
            pytest.fail(f"{problem}; required with MELDFORM_REQUIRE_REAL_TOOLS=1")
        pytest.skip(problem)
    assert node is not None
    return node


def run_ajv(tmp: Path, schemas: dict[str, Any], documents: list[dict[str, Any]], keywords: list[str] | None) -> dict[str, Any]:
    node = require_ajv()
    job = tmp / "job.json"
    job.write_text(json.dumps({"keywords": keywords, "schemas": schemas, "documents": documents}), encoding="utf-8")
    proc = subprocess.run([node, str(SCRIPT), str(job)], capture_output=True, text=True, check=False, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def structural_errors(data: Any) -> list[tuple[str, str]]:
    """meldform's structural verdict (what a schema can say): fout findings that are not rules."""
    return [(f.code, f.pad) for f in validate(data) if f.ernst == "fout" and (f.code not in factory.RULE_CODES or f.code in SCHEMA_ENFORCED_RULES)]


def own_variant(data: dict[str, Any]) -> str:
    return variant_id((data["soort"], data["sector"]))


def invalid_documents() -> list[tuple[str, Any]]:
    """Documents with a structural mistake: the tour's two broken files and every structural mutation."""
    docs = [(f"tour/{path.name}", load_document(str(path)).data) for path in sorted(TOUR.glob("*.*")) if path.suffix in (".json", ".yaml")]
    for mutation in factory.MUTATIONS:
        if mutation.structural:
            rnd = random.Random(mutation.name)
            doc = mutation.document(rnd)
            mutation.apply(doc, rnd)
            docs.append((f"mutation/{mutation.name}", doc))
    return docs


@pytest.fixture(scope="module", params=["zonder-annotaties", "met-vocabulaire"])
def ajv_run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One node process: every variant compiled, and every example, generated and broken document validated."""
    stripped = request.param == "zonder-annotaties"
    schemas = {variant_id(v): (without_annotations(bundle(*v)) if stripped else bundle(*v)) for v in VARIANTS}
    documents: list[dict[str, Any]] = []
    for path in EXAMPLES:
        data = load_document(str(path)).data
        for schema in ("alle-soorten-alle-sectoren", own_variant(data)):
            documents.append({"name": f"example/{path.name}", "schema": schema, "data": data, "expect": "valid"})
    for index, data in enumerate(factory.make_documents(40, seed=13)):
        for schema in ("alle-soorten-alle-sectoren", own_variant(data)):
            documents.append({"name": f"generated/{index}", "schema": schema, "data": data, "expect": "valid"})
    for name, data in invalid_documents():
        variants = ["alle-soorten-alle-sectoren"]
        if isinstance(data, dict) and data.get("soort") in SOORTEN and data.get("sector") in SECTOREN:
            variants.append(own_variant(data))
        for schema in variants:
            documents.append({"name": name, "schema": schema, "data": data, "expect": "invalid"})
    result = run_ajv(tmp_path_factory.mktemp("ajv"), schemas, documents, None if stripped else list(ANNOTATION_KEYWORDS))
    result["expected"] = documents
    return result


# -- Ajv: strict compilation ------------------------------------------------------------------------
def test_stock_strict_ajv_rejects_unregistered_annotations(tmp_path: Path) -> None:
    """The reason for both ways in: Ajv's default strict mode refuses an unknown keyword."""
    result = run_ajv(tmp_path, {"volledig": bundle(None, None)}, [], None)
    verdict = result["schemas"]["volledig"]
    assert verdict["ok"] is False
    assert re.search(r'unknown keyword: "x-[A-Za-z]+"', verdict["error"]), verdict["error"]


@pytest.mark.parametrize("variant", VARIANTS, ids=variant_id)
def test_strict_ajv_compiles_the_export(ajv_run: dict[str, Any], variant: tuple[str | None, str | None]) -> None:
    verdict = ajv_run["schemas"][variant_id(variant)]
    assert verdict["ok"], verdict["error"]
    # Strict mode only logs its doubts about types in the if/then overlays (a "required" without
    # "type": "object", idiomatic in 2020-12); anything else it logs would be a real problem.
    assert [w for w in verdict["warnings"] if not w.endswith("(strictTypes)")] == []


def test_strict_ajv_agrees_with_meldform(ajv_run: dict[str, Any]) -> None:
    results = ajv_run["documents"]
    expected = ajv_run["expected"]
    assert len(results) == len(expected)
    wrong = []
    for want, got in zip(expected, results, strict=True):
        assert (want["name"], want["schema"]) == (got["name"], got["schema"])
        if got["valid"] is not (want["expect"] == "valid"):
            wrong.append((got["name"], got["schema"], want["expect"], got["errors"][:3]))
    assert wrong == []
    assert sum(want["expect"] == "invalid" for want in expected) >= 20  # the broken set is not empty by accident


def test_the_sets_mean_what_meldform_says() -> None:
    """What Ajv is asked to accept has no structural error in meldform, and what it must reject has one."""
    examples = [load_document(str(path)).data for path in EXAMPLES]
    assert examples and all(structural_errors(data) == [] for data in examples)
    broken = invalid_documents()
    assert {name for name, _ in broken} >= {"tour/fout.json", "tour/kapot.yaml"}
    assert [name for name, data in broken if not structural_errors(data)] == []


# -- the annotation keywords ------------------------------------------------------------------------
def test_annotation_keywords_are_exactly_the_ones_the_schemas_use() -> None:
    used: set[str] = set()
    for variant in VARIANTS:
        used |= annotation_keywords(bundle(*variant))
    assert used == set(ANNOTATION_KEYWORDS)


def test_readme_documents_every_annotation_keyword() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Strict validators", 1)[1].split("\n## ", 1)[0]
    assert [kw for kw in ANNOTATION_KEYWORDS if not re.search(rf"^- `{re.escape(kw)}`", section, re.M)] == []
    assert "--zonder-annotaties" in section and "addVocabulary" in section


def test_without_annotations_walks_the_schema_as_a_schema() -> None:
    schema = {
        "title": "T",
        "description": "D",
        "examples": [{"x-data": 1}],
        "$comment": "c",
        "x-kop": True,
        "properties": {"x-naam": {"type": "string", "x-widget": "hidden", "default": "d"}},
        "allOf": [{"if": {"x-vraag": 1, "const": {"x-waarde": 2}}, "then": {"x-code": "c", "required": ["x-naam"]}}],
        "items": {"enum": [{"x-optie": 3}], "x-slots": 4},
        "$defs": {"A": {"x-weergave": "naam", "type": "object"}},
    }
    assert without_annotations(schema) == {
        "title": "T",
        "description": "D",
        "examples": [{"x-data": 1}],
        "$comment": "c",
        "properties": {"x-naam": {"type": "string", "default": "d"}},
        "allOf": [{"if": {"const": {"x-waarde": 2}}, "then": {"required": ["x-naam"]}}],
        "items": {"enum": [{"x-optie": 3}]},
        "$defs": {"A": {"type": "object"}},
    }
    assert annotation_keywords(schema) == {"x-kop", "x-widget", "x-vraag", "x-code", "x-slots", "x-weergave"}
    assert schema["x-kop"] is True  # the input is left alone


@pytest.mark.parametrize("variant", [(None, None), ("advies", "onderwijs")], ids=variant_id)
def test_stripped_export_keeps_every_standard_keyword(variant: tuple[str | None, str | None]) -> None:
    full = bundle(*variant)
    stripped = without_annotations(full)
    assert annotation_keywords(stripped) == set()
    assert '"x-' not in json.dumps(stripped)
    assert json.dumps(stripped).count('"title"') == json.dumps(full).count('"title"')
    assert json.dumps(stripped).count('"description"') == json.dumps(full).count('"description"')
    assert stripped["$id"] == full["$id"] and stripped["$schema"] == full["$schema"]


# -- the command line ---------------------------------------------------------------------------
@pytest.mark.parametrize("variant", [(None, None), ("melding", None), (None, "justitie"), ("advies", "wijkteam")], ids=variant_id)
def test_cli_schema_zonder_annotaties(variant: tuple[str | None, str | None]) -> None:
    soort, sector = variant
    args = ["schema", "--zonder-annotaties", *(["--sector", sector] if sector else []), *(["--soort", soort] if soort else [])]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == without_annotations(bundle(soort, sector))


def test_cli_schema_soort_is_a_choice() -> None:
    """--soort lists its values in --help and offers them to shell completion; a wrong one is one line."""
    help_text = CliRunner().invoke(main, ["schema", "--help"]).stdout
    assert "[melding|advies|dossiernotitie]" in help_text
    completion = CliRunner().invoke(
        main, [], env={"_MELDFORM_COMPLETE": "bash_complete", "COMP_WORDS": "meldform schema --soort ", "COMP_CWORD": "3"}, prog_name="meldform"
    )
    assert completion.exit_code == 0
    assert completion.stdout.split() == ["plain,melding", "plain,advies", "plain,dossiernotitie"]
    wrong = CliRunner().invoke(main, ["schema", "--soort", "Melding"])
    assert wrong.exit_code == 2
    assert wrong.stdout == ""
    assert wrong.stderr == "meldform: onbekende soort 'Melding'; kies uit: melding, advies, dossiernotitie\n"
