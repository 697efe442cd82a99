"""Regenerate docs/screenshots/*.png: full-page Chromium screenshots of meldform's HTML outputs.

    python tools/screenshots.py

The letter for parents, one filled melding, the blank HTML form and the batch report of the
examples, all in Dutch, at a desktop width. Needs /usr/bin/chromium and playwright.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
EXAMPLE = ROOT / "examples" / "onderwijs-vo-partnergeweld.json"  # kenmerk VO-2026-0142
CHROMIUM = "/usr/bin/chromium"


def meldform(*args: str) -> None:
    from click.testing import CliRunner

    from meldform.cli import main

    CliRunner().invoke(main, list(args))


def make_pages(work: Path) -> dict[str, Path]:
    meldform("render", str(EXAMPLE), "--format", "html", "-o", str(work / "melding"), "--force")
    meldform("brief", str(EXAMPLE), "--format", "html", "-o", str(work / "brief"), "--force")
    meldform("blank", "--sector", "onderwijs", "--format", "html", "-o", str(work / "formulier.html"), "--force")
    meldform("batch", str(ROOT / "examples"), "--format", "html", "-o", str(work / "batch"), "--force")
    return {
        "brief.png": work / "brief" / "VO-2026-0142-brief.html",
        "melding.png": work / "melding" / "VO-2026-0142.html",
        "formulier.png": work / "formulier.html",
        "rapport.png": work / "batch" / "rapport.html",
    }


def main() -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        pages = make_pages(Path(tmp))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless"])
        try:
            context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="nl-NL", device_scale_factor=1)
            for name, path in pages.items():
                page = context.new_page()
                page.goto(path.as_uri())
                page.screenshot(path=str(OUT / name), full_page=True)
                page.close()
                print(OUT / name)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
