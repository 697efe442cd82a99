"""The kinds of field (widgets) of the layout model: one vocabulary for Python, Jinja and the form's script.

Every renderer maps a kind to its own control. The blank HTML form hands the whole enum to its
script as JSON (``Kind.as_json``), so ``templates/form.js`` names kinds as ``K.PERSONS`` and never
spells a kind's value itself.
"""

from __future__ import annotations

import json
from enum import StrEnum


class Kind(StrEnum):
    TEXT = "text"
    TEXTAREA = "textarea"
    DATE = "date"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    TRISTATE = "tristate"  # yes / no / not answered (``["boolean", "null"]``)
    ENUM = "enum"
    ENUM_MULTI = "enum_multi"
    TEXT_LIST = "text_list"
    PERSON = "person"  # a reference to one person of the document
    PERSONS = "persons"  # references to several
    PERSON_OR_MELDER = "person_or_melder"  # a person, or the melder (``MELDER``)
    PERSON_ID = "id"  # the id of a person, which the references use
    EMAIL = "email"
    TEL = "tel"
    HIDDEN = "hidden"  # a fixed value (``const`` or a single option): no control
    PART = "part"  # a part of the document (a JSON Pointer), picked by the labels of the form

    @classmethod
    def as_json(cls) -> str:
        """``{"TEXT": "text", ...}``: every member by name, for the form's script."""
        return json.dumps({member.name: member.value for member in cls}, separators=(",", ":"))


MULTI_KINDS = frozenset({Kind.ENUM_MULTI, Kind.TEXT_LIST, Kind.PERSONS})
PERSON_REFERENCE_KINDS = frozenset({Kind.PERSON, Kind.PERSONS, Kind.PERSON_OR_MELDER})
