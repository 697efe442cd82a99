"""The "niet ter inzage" picker of the blank HTML form: a part of the melding chosen by its label (issue 11.6).

A request not to disclose names a part of the melding by a JSON Pointer. Nobody filling in a form
should type one: the field (``x-widget: onderdeel``, ``Kind.PART``) is a list of the parts the
person has filled in, by the form's own labels ("Zorgen en signalen › Signaal 1"), built from the
layout model in the page. The saved file holds the pointer; opened again, the label is chosen.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from click.testing import CliRunner
from real_browser import download, form_page, open_file

from meldform.check.rules import NIET_TER_INZAGE_VERBODEN
from meldform.cli import main
from meldform.model.kinds import Kind
from meldform.model.layout import Field, Repeat, build_layout

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).parent.parent / "examples" / "onderwijs-vo-partnergeweld-terugkoppeling.json"
PICKER = '#f-nietTerInzage [data-kind="part"] select'


def test_the_layout_makes_the_pointer_a_part_picker() -> None:
    repeat = build_layout("melding", "onderwijs", "nl").root.child("nietTerInzage")
    assert isinstance(repeat, Repeat)
    pad = repeat.item.child("pad")
    assert isinstance(pad, Field) and pad.kind == Kind.PART


@pytest.fixture
def page(browser: Any, onderwijs_form: Path) -> Iterator[Any]:
    with form_page(browser, onderwijs_form.as_uri()) as page:
        yield page


load = open_file


def chosen(page: Any, index: int) -> tuple[str, str]:
    """(pointer, label) chosen in the ``index``-th request."""
    return cast(tuple[str, str], tuple(page.locator(PICKER).nth(index).evaluate("s => [s.value, s.options[s.selectedIndex].text]")))


def offered(page: Any, index: int = 0) -> dict[str, str]:
    return cast(dict[str, str], page.locator(PICKER).nth(index).evaluate("s => Object.fromEntries(Array.from(s.options).slice(1).map(o => [o.value, o.text]))"))


def save(page: Any, target: Path) -> dict[str, Any]:
    download(page, page.locator(".werkbalk [data-save]").click).save_as(target)
    return cast(dict[str, Any], json.loads(target.read_text(encoding="utf-8")))


def test_pick_by_label_save_and_load_back(page: Any, browser: Any, onderwijs_form: Path, tmp_path: Path) -> None:
    assert load(page, EXAMPLE) == f"{EXAMPLE.name} is geopend."
    # the file's pointers are shown as the labels of what they point at
    assert chosen(page, 0) == ("/zorgen/signalen/0", "Zorgen en signalen › Signaal 1")
    assert chosen(page, 1) == ("/melder/telefoon", "Melder › Telefoonnummer")
    parts = offered(page)
    assert parts["/betrokkenen/kinderen/0/naam"] == "Betrokkenen › Kind 1 › Naam"
    assert not [label for label in parts.values() if label.startswith("/") or "/betrokkenen" in label]  # labels, never a pointer
    # not offered: what identifies the document itself, and the requests themselves
    assert not set(parts) & NIET_TER_INZAGE_VERBODEN
    assert not [p for p in parts if p.startswith("/nietTerInzage")]

    page.locator(PICKER).nth(1).select_option(label="Betrokkenen › Kind 2 › Naam")
    data = save(page, tmp_path / "gekozen.json")
    assert [r["pad"] for r in data["nietTerInzage"]] == ["/zorgen/signalen/0", "/betrokkenen/kinderen/1/naam"]
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "gekozen.json"), "--format", "json"])
    assert result.exit_code == 0, result.output

    # opened again in a fresh form: the labels are chosen
    context = browser.new_context(locale="nl-NL")
    try:
        again = context.new_page()
        again.goto(onderwijs_form.as_uri())
        assert load(again, tmp_path / "gekozen.json") == "gekozen.json is geopend."
        assert chosen(again, 0) == ("/zorgen/signalen/0", "Zorgen en signalen › Signaal 1")
        assert chosen(again, 1) == ("/betrokkenen/kinderen/1/naam", "Betrokkenen › Kind 2 › Naam")
    finally:
        context.close()


def test_a_chosen_part_follows_its_item_when_another_is_removed(page: Any, tmp_path: Path) -> None:
    load(page, EXAMPLE)
    page.locator(PICKER).nth(0).select_option(label="Zorgen en signalen › Signaal 2")
    page.locator("#f-zorgen-signalen > [data-items] > [data-item]").first.locator(":scope > .itemknoppen [data-remove]").click()
    assert chosen(page, 0) == ("/zorgen/signalen/0", "Zorgen en signalen › Signaal 1")  # the same signal, now the first
    data = save(page, tmp_path / "verschoven.json")
    assert data["nietTerInzage"][0]["pad"] == "/zorgen/signalen/0"


def test_only_filled_parts_are_offered(page: Any) -> None:
    page.locator("#f-nietTerInzage > .herhaalknoppen [data-add]").click()
    hint = page.locator("#f-nietTerInzage [data-kind='part'] [data-empty-hint]")
    assert offered(page) == {} and hint.is_visible()
    page.fill("#f-kenmerk", "ONW-1")  # identifies the document: never offered
    page.fill("#f-melder-functie", "mentor")
    assert offered(page) == {"/melder": "Melder", "/melder/functie": "Melder › Functie"}
    assert not hint.is_visible()


def test_a_pointer_the_form_cannot_show_is_kept_and_said_in_labels(page: Any, tmp_path: Path) -> None:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["nietTerInzage"][1]["pad"] = "/betrokkenen/kinderen/7"
    path = tmp_path / "ver.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert load(page, path) == "ver.json is geopend."
    assert chosen(page, 1) == ("/betrokkenen/kinderen/7", "Betrokkenen › Kinderen › onbekend onderdeel '7' (nu leeg)")
