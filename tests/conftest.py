"""Fixtures several test modules share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from real_browser import CHROMIUM, CHROMIUM_ARGS, require


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for every browser test; each test opens its own context in it."""
    if not CHROMIUM.exists():
        require(f"{CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require("playwright (pip install '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def onderwijs_form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The blank onderwijs melding form as a file, for the browser tests that only read it."""
    from meldform.forms.html import blank_html
    from meldform.model.layout import build_layout

    path = tmp_path_factory.mktemp("formulier") / "onderwijs-melding.html"
    path.write_text(blank_html(build_layout("melding", "onderwijs", "nl")), encoding="utf-8")
    return path
