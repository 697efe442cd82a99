"""The real browser the tests drive: where Chromium is, how it starts, and saving what a page downloads.

The ``browser`` fixture (conftest.py) starts one Chromium for the whole run. When Chromium or Playwright is
missing the test is skipped locally, and fails where ``MELDFORM_REQUIRE_REAL_TOOLS=1`` (CI): a
browser test must run in CI, never skip there.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def require(what: str) -> None:
    """Skip (locally) or fail (in CI) because ``what`` is missing."""
    if os.environ.get("MELDFORM_REQUIRE_REAL_TOOLS") == "1":
        pytest.fail(f"{what} is missing")
    pytest.skip(f"{what} is missing")


# Counts the downloads the page itself starts (an <a download> clicked by its script).
_COUNT_ASKED = """() => {
  if (!window.__asked) {
    window.__asked = 0;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () { if (this.hasAttribute('download')) { window.__asked += 1; } return click.call(this); };
  }
  return window.__asked;
}"""


def download(page: Any, press: Callable[[], None], seconds: float = 30.0) -> Any:
    """The file the page downloads when ``press()`` is done; its Playwright ``Download``.

    Chromium drops a download now and then when one tab starts many in a row (measured: 4 of 60
    quick saves, at every eleventh, while the page had started each one). A person never saves
    ten times in a few seconds; a test does. So when the page started its download and no file
    came within 3 s, ``press()`` is done once more. A page that starts no download, or a second
    loss, still fails the test.
    """
    downloads: list[Any] = []

    def seen(item: Any) -> None:
        downloads.append(item)

    page.on("download", seen)
    try:
        for _attempt in range(2):
            asked = page.evaluate(_COUNT_ASKED)
            press()
            waited = 0.0
            while not downloads and waited < seconds:
                page.wait_for_timeout(50)
                waited += 0.05
                if waited >= 3 and page.evaluate(_COUNT_ASKED) > asked:
                    break  # the page started it, the browser dropped it
            if downloads:
                return downloads[0]
            if page.evaluate(_COUNT_ASKED) == asked:
                break  # the page started no download: a failure, not the browser
        raise AssertionError(f"no download; the page says: {page.locator('#meldform-status').inner_text()!r}")
    finally:
        page.remove_listener("download", seen)


@contextlib.contextmanager
def form_page(browser: Any, uri: str, *, locale: str = "nl-NL", console: bool = True) -> Iterator[Any]:
    """A fresh page (its own context, downloads allowed) on ``uri``; at the end, no script error
    happened on it (and, with ``console``, nothing was logged as an error or a warning)."""
    context = browser.new_context(accept_downloads=True, locale=locale, viewport={"width": 1100, "height": 900})
    errors: list[str] = []
    try:
        page = context.new_page()
        if console:
            page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(uri)
        yield page
        assert errors == []
    finally:
        context.close()


def open_file(page: Any, path: Path) -> str:
    """Open ``path`` through the form's own file input; what the form then says."""
    page.locator("#bestand-openen").set_input_files(str(path))
    status = page.locator("#meldform-status")
    status.filter(has_text=path.name).wait_for()
    return str(status.inner_text())
