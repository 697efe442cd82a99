"""Words several outputs share: the answers to a yes/no question and how the melder is named.

The filled documents (HTML, Word), the blank forms (HTML, Word) and the findings all read these
from here, so "Niet beantwoord" or "de melder" is worded once.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "ja": {"nl": "Ja", "en": "Yes"},
    "nee": {"nl": "Nee", "en": "No"},
    "onbeantwoord": {"nl": "Niet beantwoord", "en": "Not answered"},
    # joins the last two of a list ("a, b en c")
    "en": {"nl": "en", "en": "and"},
    # the professional who reports, where a person field refers to them (the reserved id ``melder``)
    "melder": {"nl": "de melder", "en": "the reporter"},
    "of": {"nl": "of", "en": "or"},
    # a file: the batch report's column of inputs, the form's toolbar of open and save
    "bestand": {"nl": "Bestand", "en": "File"},
    # the heading facts of a report and a letter
    "datum": {"nl": "Datum", "en": "Date"},
    "kenmerk": {"nl": "Kenmerk", "en": "Reference"},
    # the hint under a field that takes a list, one item per line (both blank forms)
    "per_regel": {"nl": "Eén per regel.", "en": "One per line."},
}
