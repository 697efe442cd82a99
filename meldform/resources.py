"""Where the schemas and templates live: inside the installed package, or at the top of a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """Return the folder `name` (``schemas`` or ``templates``).

    A wheel carries them inside the package (``meldform/schemas``); a source checkout has them
    beside the package. The wheel location wins so an installed copy never reads a stray checkout.
    """
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"meldform is incompleet geïnstalleerd: map '{name}' ontbreekt")
