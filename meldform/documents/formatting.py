"""How values read in a rendered document: dates in words, Ja/Nee, names, addresses, persons."""

from __future__ import annotations

import datetime as dt
from typing import Any

from meldform.model.layout import NAME_DISPLAY, Group, Layout, Repeat
from meldform.model.persons import persons
from meldform.texts import pick
from meldform.texts.documents import MONTHS, PERSON_WORDS
from meldform.texts.words import WORDS

# The fields of a person's item that how the person reads depends on beyond the layout's facts
# (name display, role field): an adult without a name is described, an unborn child says so,
# and a child without a name is told by age.
DESCRIPTION_KEY = "omschrijving"
UNBORN_KEY = "ongeboren"
AGE_KEY = "leeftijd"


def w(key: str, lang: str) -> str:
    """A word every output shares: 'Ja', 'Nee', 'Niet beantwoord', 'de melder'."""
    return pick(WORDS, key, lang)


def format_date(value: Any, lang: str = "nl") -> str:
    """'2026-11-20' → '20 november 2026' (anything that is not a date is shown as it is)."""
    if not isinstance(value, str):
        return str(value)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {pick(MONTHS, str(day.month), lang)} {day.year}"


def format_bool(value: Any, lang: str = "nl") -> str:
    if value is None:
        return w("onbeantwoord", lang)
    return w("ja", lang) if value else w("nee", lang)


def format_naam(naam: Any) -> str:
    if not isinstance(naam, dict):
        return ""
    parts = [naam.get("voornamen"), naam.get("voorvoegsel"), naam.get("geslachtsnaam")]
    return " ".join(str(p).strip() for p in parts if isinstance(p, str) and p.strip())


def format_adres(adres: Any) -> str:
    if not isinstance(adres, dict):
        return ""
    nummer = f"{adres.get('huisnummer', '')}{adres.get('huisletter', '')}"
    if adres.get("huisnummertoevoeging"):
        nummer += f"-{adres['huisnummertoevoeging']}"
    straat = " ".join(p for p in (str(adres.get("straat", "")), nummer) if p)
    plaats = " ".join(str(adres[k]) for k in ("postcode", "woonplaats") if adres.get(k))
    return ", ".join(p for p in (straat, plaats) if p)


def format_organisatie(org: Any) -> str:
    if not isinstance(org, dict):
        return ""
    return ", ".join(str(org[k]) for k in ("naam", "vestiging") if org.get(k))


COMPACT = {NAME_DISPLAY: format_naam, "adres": format_adres, "organisatie": format_organisatie}


def person_names(doc: dict[str, Any], layout: Layout, lang: str = "nl") -> dict[str, str]:
    """id → how the person reads in the document: 'Noor Bakker (kind)', 'de nieuwe vriend van moeder (partner)'."""
    names: dict[str, str] = {}
    for parts, person in persons(doc):
        repeat = layout.node_at(tuple(parts[:-1]))
        if not isinstance(repeat, Repeat) or repeat.id_key is None:
            continue
        pid = person.get(repeat.id_key)
        if not isinstance(pid, str):
            continue
        name_key = next((c.key for c in repeat.item.children if isinstance(c, Group) and c.display == NAME_DISPLAY), None)
        named = name_key is not None and bool(person.get(name_key))
        name = format_naam(person.get(name_key)) if name_key else ""
        role_field = repeat.role_field
        if role_field is not None:
            value = person.get(role_field.key)
            role = role_field.option_label(value).lower() if value is not None else ""
            name = name or str(person.get(DESCRIPTION_KEY) or pid)
            names[pid] = f"{name} ({role})" if role else name
            continue
        role = pick(PERSON_WORDS, "ongeboren", lang) if person.get(UNBORN_KEY) else repeat.item.label.lower()
        age = person.get(AGE_KEY)
        if not named and isinstance(age, int) and not isinstance(age, bool):
            role = pick(PERSON_WORDS, "leeftijd", lang, rol=role, jaar=age)
        names[pid] = f"{name or pid} ({role})"
    return names
