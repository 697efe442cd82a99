"""How values read in a rendered document: dates in words, Ja/Nee, names, addresses, persons."""

from __future__ import annotations

import datetime as dt
from typing import Any

from meldform.texts.messages import pick

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
}
WORDS = {
    "ja": {"nl": "Ja", "en": "Yes"},
    "nee": {"nl": "Nee", "en": "No"},
    "onbeantwoord": {"nl": "Niet beantwoord", "en": "Not answered"},
    "melder": {"nl": "de melder", "en": "the reporter"},
    "kind": {"nl": "kind", "en": "child"},
    "ongeboren": {"nl": "ongeboren kind", "en": "unborn child"},
    "jaar": {"nl": "jaar", "en": "years"},
    "naam_onbekend": {"nl": "naam onbekend", "en": "name unknown"},
}


def w(key: str, lang: str) -> str:
    return pick(WORDS, key, lang)


def format_date(value: Any, lang: str = "nl") -> str:
    """'2026-11-20' → '20 november 2026' (anything that is not a date is shown as it is)."""
    if not isinstance(value, str):
        return str(value)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {MONTHS.get(lang, MONTHS['nl'])[day.month - 1]} {day.year}"


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


COMPACT = {"naam": format_naam, "adres": format_adres, "organisatie": format_organisatie}


def person_names(doc: dict[str, Any], rol_labels: dict[str, str], lang: str = "nl") -> dict[str, str]:
    """id → how the person reads in the document: 'Noor Bakker (kind)', 'de nieuwe vriend van moeder (partner)'."""
    names: dict[str, str] = {}
    found = doc.get("betrokkenen")
    betrokkenen: dict[str, Any] = found if isinstance(found, dict) else {}
    for child in betrokkenen.get("kinderen", []) or []:
        if not isinstance(child, dict) or not isinstance(child.get("id"), str):
            continue
        role = w("ongeboren", lang) if child.get("ongeboren") else w("kind", lang)
        name = format_naam(child.get("naam")) or child["id"]
        if not child.get("naam") and isinstance(child.get("leeftijd"), int):
            role += f", {child['leeftijd']} {w('jaar', lang)}"
        names[child["id"]] = f"{name} ({role})"
    for adult in betrokkenen.get("volwassenen", []) or []:
        if not isinstance(adult, dict) or not isinstance(adult.get("id"), str):
            continue
        role = rol_labels.get(str(adult.get("rol")), str(adult.get("rol", "")))
        name = format_naam(adult.get("naam")) or str(adult.get("omschrijving") or adult["id"])
        names[adult["id"]] = f"{name} ({role.lower()})" if role else name
    return names
