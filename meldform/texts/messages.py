"""The old home of the text catalogue: a thin re-export while the last modules move to ``meldform.texts``.

New code imports ``pick``/``localized`` from ``meldform.texts`` and the catalogue it needs from the
module of its concern (``meldform.texts.findings``, ``.documents``, ...).
"""

from __future__ import annotations

from typing import Any

from meldform.texts import LANGS, Catalogue, localized, pick
from meldform.texts.cli import OUTPUT
from meldform.texts.documents import CONCLUSIONS, DOCUMENT_WORDS
from meldform.texts.findings import ERNST_LABELS, FINDINGS, LOAD_REASONS, TYPE_NAMES

RENDER_WORDS = DOCUMENT_WORDS


def render_word(key: str, lang: str, **params: Any) -> str:
    return pick(DOCUMENT_WORDS, key, lang, **params)


__all__ = [
    "CONCLUSIONS",
    "ERNST_LABELS",
    "FINDINGS",
    "LANGS",
    "LOAD_REASONS",
    "OUTPUT",
    "RENDER_WORDS",
    "TYPE_NAMES",
    "Catalogue",
    "localized",
    "pick",
    "render_word",
]
