"""The English catalogue covers every Dutch annotation of the schemas, and ``tr`` uses it."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def _load_checker() -> ModuleType:
    """Import ``tools/i18n_check.py`` (it also puts the checkout on ``sys.path``)."""
    spec = importlib.util.spec_from_file_location("i18n_check", TOOLS / "i18n_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("i18n_check", module)
    spec.loader.exec_module(module)
    return module


i18n_check = _load_checker()

from meldform.model.i18n import catalogue, tr  # noqa: E402
from meldform.model.schemas import load_schemas  # noqa: E402
from meldform.resources import resource_dir  # noqa: E402


@pytest.fixture(scope="module")
def texts() -> set[str]:
    return i18n_check.annotation_texts()


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    path = resource_dir("schemas") / "i18n" / "en.json"
    with path.open(encoding="utf-8") as handle:
        data: dict[str, str] = json.load(handle)
    return data


def test_collects_the_annotation_kinds(texts: set[str]) -> None:
    root = load_schemas().root
    assert root["title"] in texts  # title
    assert root["properties"]["kenmerk"]["description"] in texts  # description
    assert root["properties"]["kenmerk"]["x-formaat"] in texts  # x-formaat
    assert root["properties"]["sector"]["x-enumLabels"]["onderwijs"] in texts  # x-enumLabels
    kader = load_schemas().sector_schema("onderwijs")["x-afwegingskader"]
    assert {kader["naam"], kader["toelichting"], kader["vermoeden"]} <= texts  # x-afwegingskader
    defs = load_schemas().defs["$defs"]
    help_texts = defs["VerwachtingVeiligThuis"]["properties"]["verwachtingen"]["items"]["x-enumHelp"]
    assert set(help_texts.values()) <= texts  # x-enumHelp


def test_property_names_are_not_annotations() -> None:
    schema = {
        "title": "Buiten",
        "properties": {
            "title": {"type": "string", "title": "Binnen"},
            "description": {"$ref": "#/$defs/X"},
        },
        "$defs": {"description": {"description": "Uitleg", "x-enumLabels": {"a": "A-label"}}},
        "allOf": [{"if": {"properties": {"x-formaat": {"const": 1}}}, "then": {"x-formaat": "JJJJ"}}],
        "const": {"title": "geen annotatie"},
    }
    found = set(i18n_check._walk(schema, set()))
    assert found == {"Buiten", "Binnen", "Uitleg", "A-label", "JJJJ"}


def test_every_text_has_an_english_entry(texts: set[str], english: dict[str, str]) -> None:
    missing = sorted(text for text in texts if not english.get(text, "").strip())
    assert not missing, "no English for:\n" + "\n".join(missing)


def test_no_unused_entries(texts: set[str], english: dict[str, str]) -> None:
    unused = sorted(set(english) - texts)
    assert not unused, "not used by any schema:\n" + "\n".join(unused)


def test_catalogue_file_is_tidy() -> None:
    path = resource_dir("schemas") / "i18n" / "en.json"
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in data.items())
    assert raw == json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=2) + "\n"


def test_checker_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert i18n_check.main() == 0
    assert "ontbreekt" not in capsys.readouterr().out


def test_tr_translates_titles() -> None:
    title = load_schemas().root["title"]
    assert tr(title, "en") == "Report or request for advice to Veilig Thuis"
    assert tr("Burgerservicenummer (BSN)", "en") == "Citizen service number (BSN)"
    assert tr(title, "en") == catalogue("en")[title]


def test_tr_dutch_is_unchanged() -> None:
    title = load_schemas().root["title"]
    assert tr(title, "nl") == title
    assert tr("Kenmerk", "nl") == "Kenmerk"


def test_tr_unknown_text_falls_back() -> None:
    assert tr("Deze tekst staat niet in de catalogus", "en") == "Deze tekst staat niet in de catalogus"
    assert tr("Kenmerk", "xx") == "Kenmerk"  # a language without a catalogue
