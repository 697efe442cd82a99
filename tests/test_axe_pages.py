"""axe-core finds no WCAG 2.1 A/AA violation on any HTML page meldform makes.

Every example's rendered melding, the batch report of all examples and the parents' letter of
every example whose letter is allowed, in Chromium. CI has Chromium and axe-core; without them
this test fails when MELDFORM_REQUIRE_REAL_TOOLS=1 and is skipped otherwise (a developer box).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_pages import AXE, run_axe_on, summary
from click.testing import CliRunner
from real_browser import require

from meldform.cli import main

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
