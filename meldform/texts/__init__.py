"""Every text a user reads, in Dutch (the default) and English, and the one lookup for them.

The catalogues live in this package, one module per concern (``findings``, ``documents``,
``forms_html``, ``cli``, ``words`` for the words several outputs share, ...). A catalogue maps a
key to its text per language; every text is a ``str.format`` string (a literal brace is written
``{{``). Every catalogue is read through :func:`pick` (one text) or :func:`localized` (a whole
catalogue, for a template or a script that formats itself). A third language is one more key in
each entry, and ``tests/test_i18n.py`` says which are missing.

This package imports nothing of meldform: every other layer may use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGS = ("nl", "en")
DEFAULT_LANG = LANGS[0]
# The language tag each language has in a document (Word's w:lang, HTML's lang): a third
# language adds its tag here.
LANGUAGE_TAGS: dict[str, str] = {"nl": "nl-NL", "en": "en-GB"}

Catalogue = Mapping[str, Mapping[str, str]]


def pick(catalogue: Catalogue, key: str, lang: str, **params: Any) -> str:
    """The text of ``key`` in ``lang`` (Dutch where ``lang`` has none), formatted with ``params``."""
    entry = catalogue[key]
    return (entry.get(lang) or entry[DEFAULT_LANG]).format(**params)


def localized(catalogue: Catalogue, lang: str) -> dict[str, str]:
    """A whole catalogue in ``lang``, unformatted (for templates and scripts that format themselves)."""
    return {key: entry.get(lang) or entry[DEFAULT_LANG] for key, entry in catalogue.items()}


__all__ = ["DEFAULT_LANG", "LANGS", "Catalogue", "localized", "pick"]
