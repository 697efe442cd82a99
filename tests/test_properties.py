"""Property tests of ``meldform.check.validation.validate`` against melding-1.0.md.

(a) every document the factory generates is valid (no ``fout``);
(b) one mutation = one problem = one finding: each mutation of a valid document yields exactly the
    code the contract implies, at the place it implies, and no other error;
(c) ``validate`` never raises, whatever JSON-like value it gets (alone or inside a valid document).

Hypothesis drives the factory through ``st.randoms(use_true_random=False)``, so failures shrink
and replay.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import re
from typing import Any

import factory  # tests/ is on sys.path (pytest's rootdir-relative import)
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from meldform.check import rules
from meldform.check.findings import Finding
from meldform.check.validation import validate
from meldform.model.schemas import load_schemas

TODAY = dt.date(2026, 11, 28)
RANDOMS = st.randoms(use_true_random=False)


def fast(max_examples: int, *, shrink: bool = True) -> settings:
    """Few examples, no deadline (a validation takes ~10 ms), no example database in the repo.

    Without ``shrink`` a failure is reported as found: shrinking a whole generated document costs
    minutes at ~10 ms a validation, and the deterministic tests below pin the known failures.
    """
    phases = tuple(Phase) if shrink else (Phase.explicit, Phase.generate)
    return settings(max_examples=max_examples, deadline=None, database=None, phases=phases, suppress_health_check=[HealthCheck.too_slow])


IDENTIFYING = {
    "kinderen": {"naam", "geboortedatum", "burgerservicenummer", "adres", "schoolOfOpvang"},
    "volwassenen": {"naam", "geboortedatum", "burgerservicenummer", "adres", "telefoon", "omschrijving"},
    "betrokkenHulpverleners": {"naam", "telefoon"},
}
ADVIES_ALLOWED = {
    "kinderen": {"id", "geslacht", "leeftijd", "ongeboren", "uitgerekendeDatum"},
    "volwassenen": {"id", "rol", "gezag", "geslacht", "leeftijd", "naamOnbekend"},
    "betrokkenHulpverleners": {"functie", "organisatie"},
}


def fouten(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.ernst == "fout"]


def show(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.ernst, f.code, f.pad) for f in findings]


def all_dates(value: Any, path: str = "") -> list[tuple[str, str]]:
    """Every (pointer, value) whose key the schema declares a date."""
    out: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for key, sub in value.items():
            here = f"{path}/{key}"
            if key in rules.date_keys() and isinstance(sub, str):
                out.append((here, sub))
            out.extend(all_dates(sub, here))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            out.extend(all_dates(sub, f"{path}/{index}"))
    return out


# -- (a) generated documents are valid -----------------------------------------------------------
@fast(80)
@given(
    rnd=RANDOMS,
    soort=st.sampled_from([None, *factory.SOORTEN]),
    sector=st.sampled_from([None, *factory.SECTOREN]),
    datum=st.none() | st.dates(factory.EERSTE_DATUM, factory.LAATSTE_DATUM),
)
def test_generated_documents_have_no_error(rnd: random.Random, soort: str | None, sector: str | None, datum: dt.date | None) -> None:
    doc = factory.make_document(rnd, soort=soort, sector=sector, datum=datum)
    assert fouten(validate(doc, today=TODAY)) == []
    # the same in English: the language changes words, never the verdict
    assert fouten(validate(doc, lang="en", today=TODAY)) == []


@fast(30)
@given(rnd=RANDOMS, soort=st.sampled_from(factory.SOORTEN), sector=st.sampled_from(factory.SECTOREN))
def test_factory_follows_the_contract(rnd: random.Random, soort: str, sector: str) -> None:
    """Checks of the factory independent of meldform, so (a) is not vacuous."""
    doc = factory.make_document(rnd, soort=soort, sector=sector)
    assert json.loads(json.dumps(doc)) == doc
    assert (doc["soort"], doc["sector"]) == (soort, sector)
    datum = dt.date.fromisoformat(doc["datum"])
    assert factory.EERSTE_DATUM <= datum <= factory.LAATSTE_DATUM
    b = doc["betrokkenen"]
    people = [*b.get("kinderen", []), *b.get("volwassenen", [])]
    ids = [p["id"] for p in people]
    assert people and len(ids) == len(set(ids)) and "melder" not in ids
    assert all(re.fullmatch(r"[a-z][a-z0-9_-]{0,31}", i) for i in ids)
    for where, value in all_dates(doc):
        if not where.endswith("/uitgerekendeDatum"):
            assert dt.date.fromisoformat(value) <= datum, where
    for kind in b.get("kinderen", []):
        if kind.get("ongeboren"):
            assert -30 <= (dt.date.fromisoformat(kind["uitgerekendeDatum"]) - datum).days <= 300
            assert not {"geboortedatum", "leeftijd", "burgerservicenummer", "schoolOfOpvang"} & kind.keys()
        elif "geboortedatum" in kind:
            assert factory.age_on(dt.date.fromisoformat(kind["geboortedatum"]), datum) < 18
    for person in people:
        if "burgerservicenummer" in person:
            assert rules.elfproef(person["burgerservicenummer"])
            assert factory.passes_elfproef(person["burgerservicenummer"])
    assert doc.get("sectorSpecifiek", {}).keys() <= load_schemas().sector_schema(sector)["properties"].keys()
    assert doc.get("sectorSpecifiek", {}).get("route") != "medewerker"
    eb = doc["eerdereBetrokkenheidVeiligThuis"]
    assert bool(eb.get("eerdereContacten")) == (eb["status"] == "ja")
    if soort == "melding":
        assert doc["besluit"]["melden"] is True
        assert rules.melden_vereist(doc["afweging"]) is not None
        for kind in b.get("kinderen", []):
            assert kind.get("ongeboren") or ("naam" in kind and ({"geboortedatum", "leeftijd"} & kind.keys()))
        for volw in b.get("volwassenen", []):
            assert ("omschrijving" in volw) if volw.get("naamOnbekend") else ("naam" in volw and ({"geboortedatum", "leeftijd"} & volw.keys()))
    else:
        for group, allowed in ADVIES_ALLOWED.items():
            for item in b.get(group, []):
                assert item.keys() <= allowed, (group, item)
        assert all("dossiernummer" not in c for c in eb.get("eerdereContacten", []))
        if rules.melden_vereist(doc["afweging"]) is not None and "besluit" in doc:
            assert doc["besluit"]["melden"] is True


def test_factory_is_deterministic_and_covers_the_contract() -> None:
    docs = list(factory.make_documents(400, seed=7))
    assert len(docs) == 400
    assert docs[:5] == list(factory.make_documents(5, seed=7))
    assert docs[:5] != list(factory.make_documents(5, seed=8))
    seen = {
        "soorten": {d["soort"] for d in docs},
        "sectoren": {d["sector"] for d in docs},
        "ongeboren": any(k.get("ongeboren") for d in docs for k in d["betrokkenen"]["kinderen"]),
        "naamOnbekend": any(v.get("naamOnbekend") and "omschrijving" in v for d in docs for v in d["betrokkenen"].get("volwassenen", [])),
        "geen volwassenen": any(not d["betrokkenen"].get("volwassenen") for d in docs),
        "vier kinderen": any(len(d["betrokkenen"]["kinderen"]) == 4 for d in docs),
        "bsn": any("burgerservicenummer" in k for d in docs for k in d["betrokkenen"]["kinderen"]),
        "instrument overig": any(i["naam"] == "overig" and "naamOverig" in i for d in docs for i in d["afweging"].get("instrumenten", [])),
        "cijfer melder": any(c["betrokkene"] == "melder" for d in docs for c in d["afweging"].get("veiligheidscijfers", [])),
        "collegiale consultatie": any("collegialeConsultatie" in d["stappen"] for d in docs),
        "leefgebieden": any("leefgebieden" in d["zorgen"] for d in docs),
        "eerdere contacten": any(d["eerdereBetrokkenheidVeiligThuis"].get("eerdereContacten") for d in docs),
        "geen gesprek": any(d["stappen"]["gesprekMetClient"]["gevoerd"] is False for d in docs),
        "afschermen": any(d["melder"].get("identiteitAfschermen") for d in docs),
        "niet geinformeerd": any(d.get("betrokkenheidOuders", {}).get("geinformeerd") is False for d in docs),
        "advies zonder besluit": any(d["soort"] == "advies" and "besluit" not in d for d in docs),
        "advies met besluit": any(d["soort"] == "advies" and "besluit" in d for d in docs),
        "sectorSpecifiek": any(d.get("sectorSpecifiek") for d in docs),
    }
    assert seen.pop("soorten") == set(factory.SOORTEN)
    assert seen.pop("sectoren") == set(factory.SECTOREN)
    assert all(seen.values()), [k for k, v in seen.items() if not v]


def test_bsn_generator() -> None:
    rnd = random.Random(1)
    for _ in range(500):
        bsn = factory.make_bsn(rnd)
        assert len(bsn) == 9 and bsn.isdigit() and rules.elfproef(bsn)
        # any single changed digit breaks the 11-check
        broken = bsn[:8] + str((int(bsn[8]) + 1) % 10)
        assert not rules.elfproef(broken)


# -- (b) one mutation, one finding ----------------------------------------------------------------
@pytest.mark.parametrize("mutation", factory.MUTATIONS, ids=lambda m: m.name)
@fast(3, shrink=False)
@given(rnd=RANDOMS)
def test_one_mutation_one_finding(mutation: factory.Mutation, rnd: random.Random) -> None:
    doc = mutation.document(rnd)
    before = validate(doc, today=TODAY)
    assert fouten(before) == [], f"the prepared document is not valid (test bug): {show(before)}"
    original = copy.deepcopy(doc)
    pad = mutation.apply(doc, rnd)
    assert doc != original
    findings = validate(doc, today=TODAY)
    errors = fouten(findings)
    expected = mutation.code
    assert any(f.code == expected and f.pad == pad for f in findings), f"expected {expected} at {pad}; got {show(findings)}"
    assert {f.code for f in errors} == {expected}, f"expected only {expected} at {pad}; got {show(errors)}"
    if mutation.structural:
        assert len(errors) == 1, f"one structural problem, one finding; got {show(errors)}"
    # every finding is well formed
    for f in findings:
        assert f.melding and f.pad.startswith("/")


@fast(10)
@given(rnd=RANDOMS, reason=st.sampled_from(["acuteOnveiligheid", "structureleOnveiligheid", "hulpMogelijk", "hulpAanvaard", "hulpResultaat"]))
def test_melden_verplicht_is_a_warning_in_an_advies(rnd: random.Random, reason: str) -> None:
    doc = factory.make_document(rnd, soort="advies")
    value = reason in ("acuteOnveiligheid", "structureleOnveiligheid")
    doc["afweging"][reason] = value
    doc["besluit"] = {"melden": False, "hulpBieden": True, "toelichting": "Eerst advies van Veilig Thuis afwachten."}
    findings = validate(doc, today=TODAY)
    assert fouten(findings) == [], show(findings)
    assert ("waarschuwing", "melden_verplicht", "/besluit/melden") in show(findings)


# -- (c) never raises ---------------------------------------------------------------------------
def _schema_keys() -> list[str]:
    keys: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                keys.update(props)
            for sub in node.values():
                walk(sub)
        elif isinstance(node, list):
            for sub in node:
                walk(sub)

    for document in load_schemas().documents.values():
        walk(document)
    return sorted(keys)


SCHEMA_KEYS = _schema_keys()
TRICKY = [
    "",
    " ",
    "\n",
    "melder",
    "melding",
    "advies",
    "onderwijs",
    "ja",
    "nee",
    "overig",
    "medewerker",
    "1.0",
    "2026-11-20",
    "2026-02-30",
    "2026-02-29",
    "2024-02-29",
    "20261101",
    "9999-12-31",
    "0001-01-01",
    "2026-11-20\n",
    "123456782",
    "12345678",
    "a@b",
    "~",
    "/",
    "~1",
    "{veld}",
    "{0}",
    "%s",
    "kind1",
    "\x00",
    "é",
    "\ud7ff",
]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-5, 20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(TRICKY)
)
KEYS = st.sampled_from(SCHEMA_KEYS) | st.text(max_size=8) | st.sampled_from(["$ref", "~", "/", "a/b", "~0"])
JSON = st.recursive(SCALARS, lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=5), max_leaves=30)


def check_findings(findings: Any) -> None:
    assert isinstance(findings, list)
    for f in findings:
        assert isinstance(f, Finding)
        assert f.ernst in ("fout", "waarschuwing")
        assert isinstance(f.code, str) and re.fullmatch(r"[a-z_]+", f.code)
        assert isinstance(f.pad, str) and (f.pad == "" or f.pad.startswith("/"))
        assert isinstance(f.melding, str) and f.melding


@fast(150)
@given(value=JSON, lang=st.sampled_from(["nl", "en"]))
def test_validate_never_raises_on_any_json(value: Any, lang: str) -> None:
    findings = validate(value, lang=lang, today=TODAY)
    check_findings(findings)
    if not isinstance(value, dict):
        assert fouten(findings)


@fast(100, shrink=False)
@given(
    doc=st.dictionaries(st.sampled_from(sorted(load_schemas().root["properties"])), JSON, max_size=15),
    lang=st.sampled_from(["nl", "en"]),
)
def test_validate_never_raises_on_random_top_level_values(doc: dict[str, Any], lang: str) -> None:
    check_findings(validate(doc, lang=lang, today=TODAY))


@fast(60, shrink=False)
@given(rnd=RANDOMS, data=st.data(), lang=st.sampled_from(["nl", "en"]))
def test_validate_never_raises_on_a_valid_document_with_junk_inside(rnd: random.Random, data: st.DataObject, lang: str) -> None:
    doc = factory.make_document(rnd)
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        # walk down a random path, then replace the value there or add a key/item
        parent: Any = doc
        while True:
            keys = list(parent) if isinstance(parent, dict) else list(range(len(parent)))
            if not keys:
                break
            key = data.draw(st.sampled_from(keys), label="key")
            child = parent[key]
            if isinstance(child, (dict, list)) and child and data.draw(st.booleans(), label="deeper"):
                parent = child
                continue
            break
        junk = data.draw(JSON, label="junk")
        if isinstance(parent, dict) and data.draw(st.booleans(), label="new key"):
            parent[data.draw(KEYS, label="new key name")] = junk
        elif isinstance(parent, list) and data.draw(st.booleans(), label="append"):
            parent.append(junk)
        elif keys:
            parent[key] = junk
    check_findings(validate(doc, lang=lang, today=data.draw(st.sampled_from([TODAY, None]), label="today")))


# Inputs that once crashed ``validate`` (found by the properties above), pinned so that each
# shows up on its own. A structurally broken document is findings, never an exception.
EDGE_CASES = {
    "sector-list": {"sector": []},
    "sector-object": {"sector": {}},
    "soort-list": {"soort": [], "sector": "onderwijs"},
    "advies-sector-list": {"soort": "advies", "sector": [1, ["x"]], "zorgen": {"toelichting": "Luuk 123456782"}},
    "advies-soort-dict-sector-list": {"soort": {"advies": 1}, "sector": [[]]},
    "beroep-list": {"soort": "melding", "sector": "gezondheidszorg", "sectorSpecifiek": {"beroep": []}},
    "route-list": {"sector": "onderwijs", "sectorSpecifiek": {"route": ["medewerker"]}},
    "hermelding-year-1": {"soort": "melding", "datum": "0001-01-01"},
    "hermelding-year-5-leap": {"soort": "melding", "datum": "0004-02-29"},
    "uitgerekend-near-date-min": {"datum": "0001-01-05", "betrokkenen": {"kinderen": [{"id": "a", "ongeboren": True, "uitgerekendeDatum": "0001-01-01"}]}},
    "uitgerekend-near-date-max": {"datum": "9999-12-31", "betrokkenen": {"kinderen": [{"id": "a", "ongeboren": True, "uitgerekendeDatum": "9999-12-30"}]}},
    "id-list": {"betrokkenen": {"kinderen": [{"id": []}], "slachtoffers": [[]]}},
    "dossiernummer-list": {
        "soort": "melding",
        "datum": "2026-02-01",
        "eerdereBetrokkenheidVeiligThuis": {"eerdereContacten": [{"soort": "melding", "datum": "2026-01-01", "dossiernummer": []}]},
    },
    "cijfer-huge": {"afweging": {"veiligheidscijfers": [{"betrokkene": "a", "cijfer": 10**400}, {"betrokkene": "b", "cijfer": 1}]}},
    "cijfer-nan": {"afweging": {"veiligheidscijfers": [{"betrokkene": "a", "cijfer": float("nan")}, {"betrokkene": "b", "cijfer": 1}]}},
    "leeftijd-inf": {"betrokkenen": {"kinderen": [{"id": "a", "leeftijd": float("inf")}]}},
    "braces-in-key": {"{veld}": 1, "melder": {"{0}": 2}},
    "pointer-chars-in-key": {"~": {"/": 2}, "sectorSpecifiek": {"a/b~c": 1}, "sector": "onderwijs"},
}


@pytest.mark.parametrize("value", EDGE_CASES.values(), ids=EDGE_CASES.keys())
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_validate_never_raises_on_edge_cases(value: Any, lang: str) -> None:
    findings = validate(copy.deepcopy(value), lang=lang, today=TODAY)
    check_findings(findings)
    assert fouten(findings)


@pytest.mark.parametrize("key", ["²", "٣", "¹0"])
def test_a_key_of_digits_that_are_not_ascii_is_no_array_index(key: str) -> None:
    """str.isdigit() accepts '²' and '٣', int() does not: such a key once crashed the ordering of findings."""
    findings = validate({"afweging": {key: []}, "nietTerInzage": [{"pad": f"/afweging/{key}", "reden": "veiligheid_melder"}]}, lang="nl")
    assert findings and all(f.pad.startswith("/") or f.pad == "" for f in findings)
