"""Dates in the blank HTML form mean the same whatever the browser's locale (issue 12.3).

A browser's own date input follows its locale: an en-US Chromium reads a typed 01122026 as
12 January. The form's date fields are text inputs read as day-month-year: 01122026, 1-12-2026,
01-12-2026, 1/12/2026 and 1.12.2026 are all 1 December 2026, saved as 2026-12-01 and shown back as
01-12-2026. A date that does not exist is refused beside the field, never moved to another day.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from real_browser import download, form_page, open_file

from meldform.forms.html import blank_html, words
from meldform.model.layout import build_layout

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).parent.parent / "examples" / "onderwijs-vo-partnergeweld.json"
LOCALES = ("en-US", "nl-NL")


@pytest.fixture(params=LOCALES)
def page(request: pytest.FixtureRequest, browser: Any, onderwijs_form: Path) -> Iterator[Any]:
    with form_page(browser, onderwijs_form.as_uri(), locale=request.param) as page:
        assert page.evaluate("navigator.language") == request.param
        yield page


load = open_file


def type_date(page: Any, selector: str, text: str) -> str:
    """Type ``text`` key by key, leave the field (Tab); what the field shows then."""
    field = page.locator(selector)
    field.fill("")
    field.press_sequentially(text)
    field.press("Tab")
    return cast(str, field.input_value())


def saved(page: Any, target: Path, press: Any) -> dict[str, Any]:
    download(page, press).save_as(target)
    return cast(dict[str, Any], json.loads(target.read_text(encoding="utf-8")))


def test_date_field_is_a_text_input_with_a_linked_hint(page: Any) -> None:
    field = page.locator("#f-datum")
    assert field.get_attribute("type") == "text"
    assert field.get_attribute("inputmode") == "numeric"
    assert page.locator('label[for="f-datum"]').count() == 1
    described = (field.get_attribute("aria-describedby") or "").split()
    assert "f-datum-datumvorm" in described
    assert page.locator("#f-datum-datumvorm").inner_text() == "Vorm: dd-mm-jjjj."
    assert field.get_attribute("aria-invalid") is None


@pytest.mark.parametrize("typed", ["01122026", "01-12-2026"])
def test_typed_date_is_saved_as_iso_in_every_locale(page: Any, tmp_path: Path, typed: str) -> None:
    assert "Let op" not in load(page, EXAMPLE)
    assert page.locator("#f-datum").input_value() == "20-11-2026"  # the file's 2026-11-20, day first
    assert type_date(page, "#f-datum", typed) == "01-12-2026"
    data = saved(page, tmp_path / "melding.json", page.locator(".werkbalk [data-save]").click)
    assert data["datum"] == "2026-12-01"
    # a date inside a repeat (a child's birth date) too
    assert type_date(page, "#f-betrokkenen-kinderen [data-key='geboortedatum'] input >> nth=0", "3.4.2015") == "03-04-2015"


@pytest.mark.parametrize("typed", ["1-12-2026", "1/12/2026", "1.12.2026", " 01 - 12 - 2026 ", "2026-12-01"])
def test_every_way_of_writing_1_december(page: Any, typed: str) -> None:
    assert type_date(page, "#f-datum", typed) == "01-12-2026"
    assert page.evaluate("document.getElementById('f-datum').validity.valid")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31-02-2026", "bestaat niet"),
        ("00-01-2026", "bestaat niet"),
        ("01-13-2026", "bestaat niet"),
        ("01-12-226", "jaar"),
        ("011220266", "jaar"),
        ("011226", "dag-maand-jaar"),
        ("1 december", "dag-maand-jaar"),
    ],
)
def test_an_impossible_date_is_refused_beside_the_field(page: Any, typed: str, message: str) -> None:
    assert type_date(page, "#f-datum", typed) == typed  # left as typed: never shifted to another day
    error = page.locator("#f-datum-fout")
    assert error.is_visible() and message in error.inner_text()
    field = page.locator("#f-datum")
    assert field.get_attribute("aria-invalid") == "true"
    assert "f-datum-fout" in (field.get_attribute("aria-describedby") or "").split()
    # corrected: the message goes
    assert type_date(page, "#f-datum", "01-12-2026") == "01-12-2026"
    assert not error.is_visible() and field.get_attribute("aria-invalid") is None
    assert "f-datum-fout" not in (field.get_attribute("aria-describedby") or "").split()


def test_an_impossible_date_is_not_saved_as_a_date(page: Any, tmp_path: Path) -> None:
    load(page, EXAMPLE)
    type_date(page, "#f-datum", "31-02-2026")
    page.locator(".werkbalk [data-save]").click()
    summary = page.locator("#fouten")
    assert summary.is_visible()
    assert "Deze datum bestaat niet" in summary.inner_text()
    data = saved(page, tmp_path / "concept.json", page.locator("[data-save-draft]").click)
    assert "datum" not in data
    assert page.locator("#f-datum").input_value() == "31-02-2026"
    assert page.locator("#f-datum-fout").is_visible()


def test_a_loaded_date_is_shown_day_first(page: Any, tmp_path: Path) -> None:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["datum"] = "2026-12-01"
    path = tmp_path / "eerste-december.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert "Let op" not in load(page, path)
    assert page.locator("#f-datum").input_value() == "01-12-2026"
    assert page.locator("#f-datum").get_attribute("aria-invalid") is None
    # a date in the file that does not exist is shown, marked and named as not taken over
    doc["datum"] = "2026-02-31"
    path = tmp_path / "onmogelijk.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    message = load(page, path)
    assert message.endswith("opgeslagen: Datum."), message
    assert page.locator("#f-datum").input_value() == "31-02-2026"
    assert page.locator("#f-datum-fout").is_visible()


def test_english_form_hint(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "en.html"
    path.write_text(blank_html(build_layout("melding", "onderwijs", "en")), encoding="utf-8")
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        assert page.locator("#f-datum-datumvorm").inner_text() == words("en")["vorm"].format(hint="dd-mm-yyyy")
        type_date(page, "#f-datum", "31-02-2026")
        assert "does not exist" in page.locator("#f-datum-fout").inner_text()
    finally:
        context.close()
