"""Every text in every language: the text catalogues of ``meldform.texts`` and the schema annotations.

Two kinds of text exist. The catalogues of ``meldform.texts`` (meldform's own words) must have a
non-empty Dutch and English text for every key, with the same format placeholders, and be read
through the one lookup. The schemas' annotations are Dutch; ``schemas/i18n/en.json`` must cover
every one of them, and ``tr`` uses it.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import string
from collections.abc import Mapping
from types import ModuleType
from typing import Any

import pytest

import meldform.texts
from meldform.model.annotations import collect, schema_texts
from meldform.model.i18n import catalogue, tr
from meldform.model.schemas import load_schemas
from meldform.resources import resource_dir
from meldform.texts import LANGS, localized, pick

Catalogues = dict[str, Mapping[str, Mapping[str, str]]]


# -- meldform's own catalogues -----------------------------------------------------------------------
def _is_catalogue(value: Any) -> bool:
    """A mapping from a key to its texts per language (what ``pick`` reads)."""
    return (
        isinstance(value, Mapping)
        and bool(value)
        and all(isinstance(entry, Mapping) and "nl" in entry and all(isinstance(t, str) for t in entry.values()) for entry in value.values())
    )


def _modules() -> list[ModuleType]:
    return [importlib.import_module(f"meldform.texts.{m.name}") for m in pkgutil.iter_modules(meldform.texts.__path__)]


def catalogues() -> Catalogues:
    """Every catalogue of every module of ``meldform.texts``, by 'module.NAME' (re-exports once)."""
    found: Catalogues = {}
    seen: set[int] = set()
    for module in _modules():
        for name, value in vars(module).items():
            if _is_catalogue(value) and id(value) not in seen:
                seen.add(id(value))
                found[f"{module.__name__.rsplit('.', 1)[-1]}.{name}"] = value
    return found


CATALOGUES = catalogues()


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_catalogues_are_found() -> None:
    names = set(CATALOGUES)
    expected = {"findings.FINDINGS", "findings.LOAD_REASONS", "documents.DOCUMENT_WORDS", "forms_html.FORM_WORDS", "cli.OUTPUT", "cli.HELP", "words.WORDS"}
    assert expected <= names, sorted(names)


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_key_has_every_language_with_the_same_placeholders(name: str) -> None:
    for key, entry in CATALOGUES[name].items():
        for lang in LANGS:
            assert isinstance(entry.get(lang), str) and entry[lang].strip(), f"{name}[{key!r}] has no {lang}"
        reference = _placeholders(entry["nl"])
        for lang in LANGS:
            assert _placeholders(entry[lang]) == reference, f"{name}[{key!r}]: {lang} has other placeholders than nl"
            # formattable: a literal brace is doubled, so pick() never raises on it
            entry[lang].format(**dict.fromkeys(reference, "x"))


def test_a_text_is_worded_once() -> None:
    """Ja/Nee/Niet beantwoord, 'de melder', 'bestaat al': one entry each, whichever output shows it."""
    where: dict[tuple[str, ...], list[str]] = {}
    for name, cat in CATALOGUES.items():
        for key, entry in cat.items():
            where.setdefault(tuple(entry[lang] for lang in LANGS), []).append(f"{name}[{key!r}]")
    doubles = {texts[0]: places for texts, places in where.items() if len(places) > 1}
    assert not doubles, doubles
    dutch = [entry["nl"] for cat in CATALOGUES.values() for entry in cat.values()]
    for text in ("Ja", "Nee", "Niet beantwoord", "de melder"):
        assert dutch.count(text) == 1, text
    assert sum("bestaat al; niet overschreven" in text for text in dutch) == 1


def test_pick_falls_back_to_dutch_and_formats() -> None:
    cat = {"k": {"nl": "{n} keer {{x}}", "en": "{n} times {{x}}"}, "alleen": {"nl": "alleen Nederlands"}}
    assert pick(cat, "k", "en", n=2) == "2 times {x}"
    assert pick(cat, "k", "nl", n=2) == "2 keer {x}"
    assert pick(cat, "alleen", "en") == "alleen Nederlands"
    assert pick(cat, "k", "xx", n=1) == "1 keer {x}"
    assert localized(cat, "en") == {"k": "{n} times {{x}}", "alleen": "alleen Nederlands"}


def test_the_old_module_still_offers_the_lookup() -> None:
    from meldform.texts import messages

    assert messages.pick is pick and messages.localized is localized
    assert messages.render_word("let_op", "en") == "Attention"


# -- the schema annotations --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def texts() -> set[str]:
    return collect()[0]


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
    assert load_schemas().defs["$defs"]["Kenmerk"]["x-formaat"] in texts  # x-formaat
    assert root["properties"]["sector"]["x-enumLabels"]["onderwijs"] in texts  # x-enumLabels
    kader = load_schemas().sector_schema("onderwijs")["x-afwegingskader"]
    assert {kader["naam"], kader["toelichting"], kader["acuteOnveiligheid"]} <= texts  # x-afwegingskader
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
    found = set(schema_texts(schema, set()))
    assert found == {"Buiten", "Binnen", "Uitleg", "A-label", "JJJJ"}


def test_every_x_keyword_is_known_to_hold_text_or_not() -> None:
    assert collect()[1] == set()
    unknown: set[str] = set()
    list(schema_texts({"x-nieuw": "Een tekst?", "properties": {"a": {"x-ander": 1}}}, unknown))
    assert unknown == {"x-nieuw", "x-ander"}


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


def test_tr_translates_titles() -> None:
    title = load_schemas().root["title"]
    assert tr(title, "en") == "Reporting code for domestic violence and child abuse"
    assert tr("Burgerservicenummer (BSN)", "en") == "Citizen service number (BSN)"
    assert tr(title, "en") == catalogue("en")[title]


def test_tr_dutch_is_unchanged() -> None:
    title = load_schemas().root["title"]
    assert tr(title, "nl") == title
    assert tr("Kenmerk", "nl") == "Kenmerk"


def test_tr_unknown_text_falls_back() -> None:
    assert tr("Deze tekst staat niet in de catalogus", "en") == "Deze tekst staat niet in de catalogus"
    assert tr("Kenmerk", "xx") == "Kenmerk"  # a language without a catalogue
