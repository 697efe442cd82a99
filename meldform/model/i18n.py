"""The English catalogue of the schema annotations.

The schemas carry Dutch titles, descriptions and enum labels. ``schemas/i18n/en.json`` maps each
Dutch text to its English text (gettext style: the Dutch is the key), so adding a field needs no
code change, and a missing translation falls back to the Dutch.
"""

from __future__ import annotations

import json
from functools import cache

from meldform.resources import resource_dir


@cache
def catalogue(lang: str) -> dict[str, str]:
    if lang == "nl":
        return {}
    path = resource_dir("schemas") / "i18n" / f"{lang}.json"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        data: dict[str, str] = json.load(handle)
    return data


def tr(text: str, lang: str) -> str:
    """Translate a Dutch annotation text into ``lang`` (Dutch when no translation is known)."""
    if lang == "nl":
        return text
    return catalogue(lang).get(text, text)
