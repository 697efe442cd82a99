"""axe-core finds no WCAG 2.1 A/AA violation on any HTML page meldform makes.

Every example's rendered melding, the batch report of all examples and the parents' letter of
every example whose letter is allowed, in Chromium. And every blank HTML form (each sector, each
soort): empty, after a save that lists what is missing, and with every matching example opened
through the form's own file input (issue 12.6). CI has Chromium and axe-core; without them
this test fails when MELDFORM_REQUIRE_REAL_TOOLS=1 and is skipped otherwise (a developer box).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from axe_pages import AXE, run_axe_on, summary
from click.testing import CliRunner
from real_browser import require

from meldform.check.loading import parse_text
from meldform.cli import main
from meldform.forms.html import blank_html
from meldform.model.layout import build_layout
from meldform.model.schemas import SOORTEN, load_schemas

pytestmark = pytest.mark.browser

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").iterdir())


@pytest.fixture(scope="module")
def browser(browser: Any) -> Any:
    """The shared Chromium, once axe-core is there to run in it."""
    if not AXE.exists():
        require("axe-core (npm ci --prefix tests/js)")
    return browser


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("axe")
    runner = CliRunner()
    examples = [str(p) for p in EXAMPLES]
    made: dict[str, Path] = {}
    for _what, args in (
        ("melding", ["render", *examples, "--format", "html", "-o", str(root / "melding")]),
        ("rapport", ["batch", *examples, "--format", "html", "--jobs", "1", "-o", str(root / "batch")]),
        ("brief", ["brief", *examples, "--format", "html", "-o", str(root / "brief")]),
    ):
        runner.invoke(main, args)  # a refused letter (safety) is exit 1; the others are written
    for folder in ("melding", "brief"):
        for path in sorted((root / folder).glob("*.html")):
            made[f"{folder}/{path.name}"] = path
    made["batch/rapport.html"] = root / "batch" / "rapport.html"
    assert sum(1 for key in made if key.startswith("melding/")) == len(EXAMPLES)
    assert any(key.startswith("brief/") for key in made)
    return made


def test_no_wcag_violations_on_any_page(browser: Any, pages: dict[str, Path]) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1100, "height": 900})
    found: dict[str, list[str]] = {}
    try:
        for name, path in pages.items():
            page = context.new_page()
            page.goto(path.as_uri())
            violations = run_axe_on(page)
            if violations:
                found[name] = summary(violations)
            page.close()
    finally:
        context.close()
    assert found == {}, found
    assert len(pages) > len(EXAMPLES)  # the melding pages, the letters and the report were all checked


VARIANTS = [(soort, sector) for soort in SOORTEN for sector in load_schemas().sectors]


def example_data(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = parse_text(path.read_text(encoding="utf-8"), is_yaml=path.suffix in (".yaml", ".yml"))
    return data


Forms = tuple[dict[tuple[str, str], Path], dict[str, Path], dict[tuple[str, str], list[Path]]]


@pytest.fixture(scope="module")
def blank_forms(tmp_path_factory: pytest.TempPathFactory) -> Forms:
    """Every blank form (and an English one per soort), and for each the examples of its soort and
    sector (as the JSON it opens)."""
    root = tmp_path_factory.mktemp("axe-formulieren")
    forms: dict[tuple[str, str], Path] = {}
    english: dict[str, Path] = {}
    for soort, sector in VARIANTS:
        path = root / f"{sector}-{soort}.html"
        path.write_text(blank_html(build_layout(soort, sector, "nl")), encoding="utf-8")
        forms[(soort, sector)] = path
    for soort in SOORTEN:  # the English forms are the same tree with other words: one sector each
        path = root / f"en-{soort}.html"
        path.write_text(blank_html(build_layout(soort, "onderwijs", "en")), encoding="utf-8")
        english[soort] = path
    matching: dict[tuple[str, str], list[Path]] = {}
    for example in EXAMPLES:
        data = example_data(example)
        target = root / f"{example.stem}.json"
        target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        matching.setdefault((data["soort"], data["sector"]), []).append(target)
    return forms, english, matching


def test_no_wcag_violations_on_any_blank_form(browser: Any, blank_forms: Forms) -> None:
    forms, english, matching = blank_forms
    context = browser.new_context(bypass_csp=True, viewport={"width": 1100, "height": 900}, locale="nl-NL")
    found: dict[str, list[str]] = {}
    checked: list[str] = []

    def check(page: Any, name: str) -> None:
        violations = run_axe_on(page)
        checked.append(name)
        if violations:
            found[name] = summary(violations)

    try:
        for (soort, sector), form in forms.items():
            page = context.new_page()
            page.goto(form.as_uri())
            check(page, f"{sector}-{soort} leeg")
            page.locator("#f-datum").fill("31-02-2026")  # a date that does not exist: its message beside the field
            page.locator(".werkbalk [data-save]").click()  # incomplete: the list of what is missing
            assert page.locator("#fouten").is_visible() and page.locator("#f-datum-fout").is_visible()
            check(page, f"{sector}-{soort} na opslaan")
            for example in matching.get((soort, sector), []):
                page.goto(form.as_uri())
                page.locator("#bestand-openen").set_input_files(str(example))
                status = page.locator("#meldform-status")
                status.filter(has_text=example.name).wait_for()
                assert "Let op" not in status.inner_text(), status.inner_text()
                check(page, f"{sector}-{soort} met {example.name}")
            page.close()
        for soort, form in english.items():
            page = context.new_page()
            page.goto(form.as_uri())
            check(page, f"en-{soort} leeg")
            page.close()
    finally:
        context.close()
    assert found == {}, found
    assert len(checked) == 2 * len(VARIANTS) + len(EXAMPLES) + len(SOORTEN)  # every form empty and after a save, every example in its form
    assert {soort for soort, _ in VARIANTS} == set(SOORTEN) and len(SOORTEN) == 3
