"""The example documents in examples/: every one valid, together covering the contract.

The examples are training material (a meldcode trainer should be able to use each one) and the
quality bar for what meldform reads. These tests keep them honest: each file validates without a
``fout``; the set holds a melding for every sector, at least two anonymous adviesvragen and at
least one YAML file; and the warnings some examples were written to show really fire there.

``today`` is fixed (as in test_rules.py) so the tests do not depend on the machine's clock.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from meldform.check.validation import Result, check_file

TODAY = dt.date(2026, 11, 28)
EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
PATTERNS = ("*.json", "*.yaml", "*.yml")
EXAMPLES = sorted(path for pattern in PATTERNS for path in EXAMPLES_DIR.glob(pattern))

SECTORS = {
    "onderwijs",
    "kinderopvang",
    "jeugdhulp",
    "pleegzorg",
    "wijkteam",
    "gezondheidszorg",
    "maatschappelijke_ondersteuning",
    "justitie",
}

# The warnings each example was written to show, and nothing else: a change to the rules or to
# an example that adds or loses one should be a conscious decision. Examples not listed here
# (added later) are only required to be valid.
EXPECTED_WARNINGS: dict[str, set[str]] = {
    "onderwijs-vo-partnergeweld.json": {"veiligheidscijfers_uiteenlopend"},
    "onderwijs-vo-partnergeweld-terugkoppeling.json": {"veiligheidscijfers_uiteenlopend"},
    "kinderopvang-dagopvang-verwaarlozing.json": set(),
    "kinderopvang-dossiernotitie-hulp-bieden.json": set(),
    "jeugdhulp-stiefgezin-hermelding.json": {"hermelding"},
    "pleegzorg-ots-bezoekregeling.json": {"veiligheidscijfers_uiteenlopend"},
    "wijkteam-ex-partner-stalking.yaml": set(),
    "gezondheidszorg-verloskundige-ongeboren.json": set(),
    "gezondheidszorg-kinderarts-onverklaarde-fractuur.json": set(),
    "maatschappelijke_ondersteuning-ouderenmishandeling.json": set(),
    "justitie-reclassering-contactverbod-acuut.json": {"acuut_telefonisch"},
    "advies-onderwijs-po-meisjesbesnijdenis.json": set(),
    "advies-gezondheidszorg-huisarts-huwelijksdwang.yaml": set(),
}

# The warnings named in the brief for the examples, with the place they point at.
INTENDED = [
    ("jeugdhulp-stiefgezin-hermelding.json", "hermelding", "/eerdereBetrokkenheidVeiligThuis/eerdereContacten"),
    ("justitie-reclassering-contactverbod-acuut.json", "acuut_telefonisch", "/afweging/acuteOnveiligheid"),
    ("pleegzorg-ots-bezoekregeling.json", "veiligheidscijfers_uiteenlopend", "/afweging/veiligheidscijfers"),
    ("onderwijs-vo-partnergeweld.json", "veiligheidscijfers_uiteenlopend", "/afweging/veiligheidscijfers"),
]


@cache
def check(name: str) -> Result:
    return check_file(str(EXAMPLES_DIR / name), today=TODAY)


def describe(result: Result) -> str:
    return "\n".join(f"  {f.pad or '/'}: {f.ernst}: {f.melding} [{f.code}]" for f in result.bevindingen)


def test_examples_folder_is_found() -> None:
    assert EXAMPLES, f"no examples found in {EXAMPLES_DIR}"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_is_valid(path: Path) -> None:
    result = check(path.name)
    assert result.leesbaar, describe(result)
    errors = [f for f in result.bevindingen if f.ernst == "fout"]
    assert not errors, f"{path.name} is invalid:\n{describe(result)}"
    assert result.geldig()


def _documents() -> list[tuple[str, dict[str, Any]]]:
    return [(path.name, check(path.name).data) for path in EXAMPLES]


def test_every_sector_has_a_melding() -> None:
    covered = {data["sector"] for _, data in _documents() if data.get("soort") == "melding"}
    assert covered == SECTORS, f"sectors without a melding: {sorted(SECTORS - covered)}"


def test_at_least_two_adviesvragen() -> None:
    advies = [name for name, data in _documents() if data.get("soort") == "advies"]
    assert len(advies) >= 2, advies


def test_advies_file_names_say_so() -> None:
    for name, data in _documents():
        assert (data.get("soort") == "advies") == name.startswith("advies-"), name


def test_file_names_start_with_the_sector() -> None:
    for name, data in _documents():
        stem = name.removeprefix("advies-")
        assert stem.startswith(data["sector"] + "-"), name


def test_at_least_one_yaml_example() -> None:
    assert any(path.suffix in (".yaml", ".yml") for path in EXAMPLES)


@pytest.mark.parametrize(("name", "code", "pad"), INTENDED, ids=[f"{n}:{c}" for n, c, _ in INTENDED])
def test_intended_warning_fires(name: str, code: str, pad: str) -> None:
    assert (EXAMPLES_DIR / name).exists(), f"missing example {name}"
    matches = [f for f in check(name).bevindingen if f.code == code]
    assert matches, f"{name} should warn {code}:\n{describe(check(name))}"
    assert all(f.ernst == "waarschuwing" for f in matches)
    assert pad in {f.pad for f in matches}


@pytest.mark.parametrize("name", sorted(EXPECTED_WARNINGS), ids=str)
def test_warnings_are_exactly_the_intended_ones(name: str) -> None:
    assert (EXAMPLES_DIR / name).exists(), f"missing example {name}"
    codes = {f.code for f in check(name).bevindingen}
    assert codes == EXPECTED_WARNINGS[name], describe(check(name))
