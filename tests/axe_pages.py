"""axe-core in Chromium: the WCAG 2.1 A/AA violations of a page (used by tests/test_axe_pages.py).

The pages forbid scripts (Content-Security-Policy), so the browser context is opened with
``bypass_csp=True`` and axe is added as a script tag from tests/js/node_modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe_on(page: Any) -> list[dict[str, Any]]:
    """The violations axe-core finds on ``page`` for WCAG 2.0/2.1 level A and AA."""
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return list(result["violations"])


def summary(violations: list[dict[str, Any]]) -> list[str]:
    """'color-contrast: .detail (2 nodes)': enough to find and fix a violation."""
    return [f"{v['id']}: {', '.join(str(n['target']) for n in v['nodes'][:3])} ({len(v['nodes'])} nodes)" for v in violations]
