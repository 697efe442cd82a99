"""The one rule that makes any text safe for every output: HTML, Word, the forms and the reports.

A melding's text can hold anything JSON can: control characters, lone surrogates (``"\\ud800"``),
the non-characters U+FFFE/U+FFFF, bidirectional overrides that make a line read differently from
what it says. Every renderer passes each text through :func:`clean` before it escapes it, so
what one output survives, all survive.
"""

from __future__ import annotations

import re
from typing import Any

# Characters no XML 1.0 document may hold (C0 controls but tab and line ends, lone surrogates,
# U+FFFE/U+FFFF), plus DEL, the C1 controls and the other non-characters: each becomes a space,
# so words on either side stay apart.
_SPACE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
# Explicit bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) only reorder
# what is shown ("Trojan Source"); the text reads the same without them, so they are dropped.
_DROP = re.compile("[\u202a-\u202e\u2066-\u2069]")
_ANY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` with line ends normalised to ``\\n``, forbidden characters a space, bidi controls gone."""
    if not _ANY.search(text):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SPACE.sub(" ", _DROP.sub("", text))


def clean_tree(value: Any) -> Any:
    """``value`` (JSON-like: dicts, lists, strings, numbers) with every string and key cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(key) if isinstance(key, str) else key: clean_tree(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [clean_tree(item) for item in value]
    return value
