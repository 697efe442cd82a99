"""What the blank HTML form says when a file it opens does not fit (issues 11 and 12).

A teacher reads labels, not JSON Pointers: a value of the wrong type or a key the form does not
know is named by the labels of the sections, item and field it sits in ("Betrokkenen › Kind 1 ›
Leeftijd"), from the layout model the form is made of.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from real_browser import form_page, open_file

from meldform.check.loading import parse_text
from meldform.check.migrate import migrate
from meldform.forms.html import blank_html, older_versions, words
from meldform.model.layout import build_layout

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).parent.parent / "examples"
EXAMPLE = EXAMPLES / "onderwijs-vo-partnergeweld.json"


@pytest.fixture
def page(browser: Any, onderwijs_form: Path) -> Iterator[Any]:
    with form_page(browser, onderwijs_form.as_uri(), console=False) as page:
        yield page


load = open_file


def example() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(EXAMPLE.read_text(encoding="utf-8")))


def test_wrong_types_and_unknown_keys_are_named_by_label(page: Any, tmp_path: Path) -> None:
    doc = example()
    kind = doc["betrokkenen"]["kinderen"][0]
    kind["naam"] = "Noor Bakker"  # an object in the contract
    kind["leeftijd"] = "veertien"  # a number
    kind["hobby"] = "voetbal"  # not in the contract
    doc["onbekendVeld"] = 1
    doc["zorgen"]["signalen"] = "geen"  # a list
    path = tmp_path / "vreemd.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    message = load(page, path)
    assert message.startswith("vreemd.json is geopend. Let op:"), message
    assert "/" not in message.replace("vreemd.json", ""), message  # no JSON Pointer
    for said in (
        "Betrokkenen › Kind 1 › Naam",
        "Betrokkenen › Kind 1 › Leeftijd",
        "Betrokkenen › Kind 1 › onbekend onderdeel 'hobby'",
        "onbekend onderdeel 'onbekendVeld'",
        "Zorgen en signalen › Signalen",
    ):
        assert said in message, (said, message)
    assert page.locator("#meldform-status").evaluate("e => e.classList.contains('fout')")


def test_a_value_in_a_list_field_is_named_by_its_field(page: Any, tmp_path: Path) -> None:
    doc = example()
    doc["zorgen"]["risicofactoren"] = [{"tekst": "schulden"}]
    path = tmp_path / "lijst.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    message = load(page, path)
    assert "Risicofactoren" in message and "onbekend onderdeel" not in message, message


# -- a 1.0 file (issue 11) ------------------------------------------------------------------------------
OLD = sorted((Path(__file__).parent.parent / "docs" / "contract" / "examples-1.0").iterdir())


def as_json(path: Path, folder: Path) -> tuple[Path, dict[str, Any]]:
    """``path`` (JSON or YAML) as a JSON file in ``folder``, and its data."""
    data = parse_text(path.read_text(encoding="utf-8"), is_yaml=path.suffix in (".yaml", ".yml"))
    target = folder / (path.stem + ".json")
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target, cast(dict[str, Any], data)


def test_every_1_0_file_is_refused_with_what_to_do(browser: Any, tmp_path: Path) -> None:
    """Not half-opened: one sentence, no command, and the form keeps what it shows. Converted, it opens."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    refused = 0
    try:
        for original in OLD:
            path, data = as_json(original, tmp_path)
            assert data["schemaVersie"] == "1.0"
            form = tmp_path / f"{data['sector']}-{data['soort']}.html"
            if not form.exists():
                form.write_text(blank_html(build_layout(data["soort"], data["sector"], "nl")), encoding="utf-8")
            page.goto(form.as_uri())
            page.fill("#f-kenmerk", "BLIJFT")
            message = load(page, path)
            assert message == f"{path.name} is niet geopend: {words('nl')['oude_versie']}", message
            assert "aandachtsfunctionaris" in message and not re.search(r"meldform|migrate|--", message)
            assert page.locator("#f-kenmerk").input_value() == "BLIJFT"
            refused += 1
            # what the aandachtsfunctionaris gets back from the conversion opens with nothing lost
            # another name: the status still names the refused file, and waiting for its name must
            # wait for the new message (the same name made this test pass early on a busy machine)
            converted = tmp_path / f"omgezet-{path.name}"
            converted.write_text(json.dumps(migrate(data).data, ensure_ascii=False), encoding="utf-8")
            message = load(page, converted)
            assert message == f"{converted.name} is geopend.", message
    finally:
        context.close()
    assert refused == len(OLD) >= 10


def test_older_version_is_read_from_the_layout() -> None:
    assert older_versions(build_layout("melding", "onderwijs", "nl")) == {"schemaVersie": ["1.0"]}
