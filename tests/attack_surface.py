"""The attack tests' one view of meldform: every function they call, imported here only.

The attack modules (tests/test_attack_*.py) go through the public CLI or through these names, so
when a module moves, only this file changes. Also the hostile-document tools they share: the
character check, the walk over a document's free-text fields and the way a hostile value is put
into each of them while the document stays valid.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import factory  # tests/ is on sys.path (pytest's rootdir-relative import)

from meldform.check.validation import validate
from meldform.cli import main
from meldform.documents.rendering import render_document
from meldform.forms.docx_reader import import_docx
from meldform.forms.docx_writer import blank_docx
from meldform.forms.html import blank_html
from meldform.model.layout import build_layout

__all__ = [
    "ATTACK",
    "BIDI",
    "FORBIDDEN",
    "HOSTILE_CHARS",
    "Leaf",
    "blank_docx",
    "blank_form_html",
    "blank_html",
    "build_layout",
    "factory",
    "get",
    "import_docx",
    "main",
    "make_valid",
    "pointer",
    "poison",
    "render_document",
    "string_leaves",
    "validate",
    "xss_payloads",
]

ATTACK = Path(__file__).resolve().parent / "attack"
DATUM = dt.date(2025, 10, 1)  # in the past whatever the clock says

# Characters no output may hold (XML 1.0 forbids them, HTML calls them errors or non-characters),
# written out here independently of meldform.cleaning so the test checks the rule, not itself.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")  # explicit embeddings, overrides, isolates
HOSTILE_CHARS: dict[str, str] = {
    "NUL": "\x00",
    "VT": "\x0b",
    "ESC": "\x1b",
    "DEL": "\x7f",
    "NEL": "\x85",
    "lone-high-surrogate": "\ud800",
    "lone-low-surrogate": "\udfff",
    "U+FFFE": "\ufffe",
    "U+FFFF": "\uffff",
    "RLO": "\u202e",
    "LRI": "\u2066",
    "CR": "\r",
}


def blank_form_html(soort: str, sector: str, lang: str = "nl") -> str:
    return blank_html(build_layout(soort, sector, lang))


def xss_payloads() -> list[str]:
    """tests/attack/xss.txt: one payload a line; blank lines and lines starting with '#!' skipped."""
    lines = (ATTACK / "xss.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#!")]


def make_valid(seed: int, **kwargs: Any) -> dict[str, Any]:
    """A valid generated document (no error finding), dated in the past."""
    doc: dict[str, Any] = factory.make_document(random.Random(seed), datum=DATUM, **kwargs)
    assert not [f for f in validate(doc, today=DATUM) if f.ernst == "fout"]
    return doc


# -- walking a document ------------------------------------------------------------------------------
Leaf = tuple[str | int, ...]


def string_leaves(doc: Any, at: Leaf = ()) -> Iterator[Leaf]:
    """The path of every string value in ``doc``."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from string_leaves(value, (*at, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            yield from string_leaves(value, (*at, index))
    elif isinstance(doc, str):
        yield at


def get(doc: Any, at: Leaf) -> Any:
    for part in at:
        doc = doc[part]
    return doc


def _set(doc: Any, at: Leaf, value: Any) -> None:
    get(doc, at[:-1])[at[-1]] = value


def pointer(at: Leaf) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in at)


def _errors(doc: dict[str, Any]) -> list[str]:
    return [f.pad for f in validate(doc, today=DATUM) if f.ernst == "fout"]


def poison(doc: dict[str, Any], make: Callable[[int, str], str]) -> tuple[dict[str, Any], list[Leaf]]:
    """``doc`` with ``make(n, old)`` as the value of every string field that stays valid with it
    (``n`` numbers the string fields in document order, so the value can depend on the field).

    Every string leaf is changed at once; then, as long as the document has errors, the leaves at
    or under an error's place are put back (an enum, a date, a kenmerk, an id whose references
    point elsewhere, ...). What is left changed is free text: returned with the document, which
    is asserted valid.
    """
    mutated = copy.deepcopy(doc)
    leaves = list(string_leaves(doc))
    for n, at in enumerate(leaves):
        _set(mutated, at, make(n, get(doc, at)))
    changed = set(leaves)
    while errors := _errors(mutated):
        back = {at for at in changed if any(pointer(at) == pad or pointer(at).startswith(pad + "/") for pad in errors)}
        if not back:
            raise AssertionError(f"errors not caused by a changed text: {errors}")
        for at in back:
            _set(mutated, at, get(doc, at))
        changed -= back
    json.dumps(mutated)  # still a JSON value
    return mutated, [at for at in leaves if at in changed]
