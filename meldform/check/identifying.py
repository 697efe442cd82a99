"""Identifying data in free text (melding-1.1.md, *Identifying data in free text* and *Generic ids*).

Pure functions over a loaded document, no wording: which strings are *free text* (read from the
layout model: a short or long text, or an item of a list of texts, without a pattern — so no
enum, id, date, BSN, postcode or ``kenmerk`` — outside ``melder``), where the four kinds of
identifying data (``bsn``, ``postcode_huisnummer``, ``geboortedatum``, ``naam``) stand in a text,
and whether a person id is generic. The rules ``advies_tekst_identificerend`` and
``advies_id_herkenbaar`` report what this finds; ``meldform anonymize`` replaces it.

Texts are NFC-normalised before matching; spans are offsets into the normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from meldform.model.kinds import Kind
from meldform.model.layout import Field, Group, Layout, Repeat, build_layout
from meldform.model.persons import MELDER, persons
from meldform.model.schemas import SOORTEN, load_schemas

Parts = list[str | int]

BSN = "bsn"
POSTCODE_HUISNUMMER = "postcode_huisnummer"
GEBOORTEDATUM = "geboortedatum"
NAAM = "naam"
KINDS = (BSN, POSTCODE_HUISNUMMER, GEBOORTEDATUM, NAAM)  # the order in which a message names them

BSN_DIGITS = frozenset("0123456789")
FREE_TEXT_KINDS = frozenset({Kind.TEXT, Kind.TEXTAREA, Kind.TEXT_LIST})
NAME_MIN_LENGTH = 3  # a word of a first name (or a hulpverlener's name) counts from 3 characters
POSTCODE_REACH = 30  # a house number counts this many characters before or after a postcode
TRIGGER_REACH = 25  # a date counts as a birth date this many characters after a trigger word

# The parts of a generic id (melding-1.1.md, *Generic ids*).
GENERIC_ID_PARTS = frozenset(
    {
        "kind",
        "kinderen",
        "baby",
        "ongeboren",
        "jongere",
        "leerling",
        "patient",
        "client",
        "cliente",
        "moeder",
        "vader",
        "ouder",
        "stiefmoeder",
        "stiefvader",
        "stiefouder",
        "pleegmoeder",
        "pleegvader",
        "pleegouder",
        "pleegkind",
        "verzorger",
        "partner",
        "ex",
        "vriend",
        "vriendin",
        "broer",
        "zus",
        "zoon",
        "dochter",
        "oma",
        "opa",
        "grootmoeder",
        "grootvader",
        "grootouder",
        "oom",
        "tante",
        "neef",
        "nicht",
        "oudere",
        "volwassene",
        "persoon",
        "overig",
        "van",
    }
)
# Dutch month names and their abbreviations (``sept`` too) with their numbers; a pattern tries the longer first.
MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = (
    "jan",
    "feb",
    "mrt",
    "apr",
    "mei",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "nov",
    "dec",
)
MONTHS: tuple[tuple[str, int], ...] = tuple(
    sorted(
        {*((name, nr) for nr, name in enumerate(MONTH_NAMES, 1)), *((name, nr) for nr, name in enumerate(MONTH_ABBREVIATIONS, 1)), ("sept", 9)},
        key=lambda entry: (-len(entry[0]), entry[0]),
    )
)
_MONTH_NUMBER = dict(MONTHS)

_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_BSN = re.compile(r"(?<!\d)(?<!\d[ .-])(\d{9}|\d{3}[ .-]\d{3}[ .-]\d{3}|\d{4}[ .-]\d{2}[ .-]\d{3})(?!\d)(?![ .-]\d)")
_POSTCODE = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{3} ?[A-Z]{2}(?![0-9A-Za-z])")  # upper case only: case-sensitive
_HOUSE_NUMBER = re.compile(r"(?<![0-9])[1-9][0-9]{0,4}(?: ?[A-Za-z])?(?![0-9])")
_SPACE = r"[ \t\u00a0]+"
_DATES = (
    # d-m-yyyy / dd-mm-yyyy with -, / or .
    re.compile(r"(?<![0-9])(?P<d>[0-9]{1,2})[-/.](?P<m>[0-9]{1,2})[-/.](?P<y>[0-9]{4})(?![0-9])"),
    # yyyy-mm-dd
    re.compile(r"(?<![0-9])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])"),
    # d maand yyyy
    re.compile(
        rf"(?<![0-9])(?P<d>[0-9]{{1,2}}){_SPACE}(?P<maand>{'|'.join(name for name, _ in MONTHS)})\.?{_SPACE}(?P<y>[0-9]{{4}})(?![0-9])",
        re.IGNORECASE,
    ),
)
_TRIGGER = re.compile(r"(?<!\w)(?:geb\.datum(?!\w)|geboortedatum(?!\w)|geboren(?!\w)|geboorte(?!\w)|geb\.|born(?!\w)|dob(?!\w))", re.IGNORECASE)
_WORD = re.compile(r"\w+")
NAME_SUFFIX = r"(?:['’]s|s)?"


@dataclass(frozen=True, order=True)
class Hit:
    """One piece of identifying data in a text: its span in the NFC text and its kind."""

    start: int
    end: int
    soort: str


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def elfproef(bsn: str) -> bool:
    """The BSN eleven test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 (and not all zeros)."""
    if len(bsn) != 9 or not set(bsn) <= BSN_DIGITS or bsn == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(bsn[:8], range(9, 1, -1), strict=True)) - int(bsn[8])
    return total % 11 == 0


def digits_of(text: str) -> str:
    """The digits of ``text`` as ASCII (a BSN may be written with spaces, dots or hyphens)."""
    return "".join(str(unicodedata.decimal(ch)) for ch in text if unicodedata.decimal(ch, None) is not None)


# -- the patterns -----------------------------------------------------------------------------------
def bsn_candidates(text: str) -> Iterator[tuple[int, int, str]]:
    """Every digit token written as a BSN (9 digits, 3-3-3 or 4-2-3), not part of a longer number: span and digits."""
    for match in _BSN.finditer(text):
        yield match.start(), match.end(), digits_of(match.group())


def find_bsn(text: str) -> list[Hit]:
    """BSN-shaped tokens whose digits are not all equal and pass the elfproef."""
    return [Hit(start, end, BSN) for start, end, digits in bsn_candidates(text) if len(set(digits)) > 1 and elfproef(digits)]


def find_postcode_huisnummer(text: str) -> list[Hit]:
    """A postcode (upper-case letters) with a house number within 30 characters before or after it, on its line.

    The hit spans the postcode and the nearest such house number.
    """
    hits: list[Hit] = []
    numbers = [(m.start(), m.end()) for m in _HOUSE_NUMBER.finditer(text)]
    for postcode in _POSTCODE.finditer(text):
        start, end = postcode.span()
        best: tuple[int, int, int] | None = None
        for n_start, n_end in numbers:
            if n_end <= start and n_start >= start - POSTCODE_REACH and not _LINE_BREAKS & set(text[n_end:start]):
                distance = start - n_end
            elif n_start >= end and n_end <= end + POSTCODE_REACH and not _LINE_BREAKS & set(text[end:n_start]):
                distance = n_start - end
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, n_start, n_end)
        if best is not None:
            hits.append(Hit(min(start, best[1]), max(end, best[2]), POSTCODE_HUISNUMMER))
    return hits


def full_dates(text: str) -> Iterator[tuple[int, int, tuple[int, int, int]]]:
    """Every full date in one of the listed formats: span and (year, month, day) as written."""
    for pattern in _DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = _MONTH_NUMBER[groups["maand"].casefold()] if groups.get("maand") else int(groups["m"])
            yield match.start(), match.end(), (int(groups["y"]), month, int(groups["d"]))


def find_geboortedatum(text: str, birth_dates: Iterable[tuple[int, int, int]] = ()) -> list[Hit]:
    """Full dates at most 25 characters after a trigger word (``geboren``, ``geb.``, ``DOB``, …);
    and any full date equal to one of ``birth_dates`` (``anonymize``: those of the source)."""
    known = set(birth_dates)
    trigger_ends = [m.end() for m in _TRIGGER.finditer(text)]
    hits = []
    for start, end, value in full_dates(text):
        if value in known or any(0 <= start - t_end <= TRIGGER_REACH for t_end in trigger_ends):
            hits.append(Hit(start, end, GEBOORTEDATUM))
    return hits


def phrase_pattern(phrases: Iterable[str], suffix: str = "") -> re.Pattern[str] | None:
    """Whole-word, case-insensitive alternatives (longest first; any white space between words), or None."""
    alternatives = sorted({" ".join(nfc(p).split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not alternatives:
        return None
    body = "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in alternatives)
    return re.compile(rf"(?<!\w)({body}){suffix}(?!\w)", re.IGNORECASE)


def phrase_key(text: str) -> str:
    """How a matched phrase is looked up: NFC, white space collapsed, case folded."""
    return " ".join(nfc(text).split()).casefold()


def find_names(text: str, names: re.Pattern[str] | None) -> list[Hit]:
    return [] if names is None else [Hit(m.start(), m.end(), NAAM) for m in names.finditer(text)]


_DIGIT = re.compile(r"\d")  # a BSN, a postcode and every full date hold one (any Unicode digit: a superset)


def find(text: str, names: re.Pattern[str] | None = None) -> list[Hit]:
    """Every hit of the four patterns in ``text`` (NFC-normalised first), in text order."""
    text = nfc(text)
    hits = find_names(text, names)
    if _DIGIT.search(text):  # most texts hold no digit: then only a name can be in them
        hits += [*find_bsn(text), *find_postcode_huisnummer(text), *find_geboortedatum(text)]
    return sorted(hits)


def kinds_in(text: str, names: re.Pattern[str] | None = None) -> tuple[str, ...]:
    """The kinds found in ``text``, in the order of :data:`KINDS`."""
    found = {hit.soort for hit in find(text, names)}
    return tuple(kind for kind in KINDS if kind in found)


# -- names and ids ----------------------------------------------------------------------------------
def is_generic_id(pid: str) -> bool:
    """Generic: after a trailing run of digits is removed, every part (split on ``-``/``_``) is a role word.

    Empty parts (``kind-1`` leaves ``kind-``) are ignored.
    """
    parts = [part for part in re.split(r"[-_]", re.sub(r"[0-9]+$", "", pid.casefold())) if part]
    return bool(parts) and all(part in GENERIC_ID_PARTS for part in parts)


def name_words(value: Any) -> list[str]:
    """The words of 3 or more characters of a name (``Anne-Marie`` has two)."""
    return [w for w in _WORD.findall(nfc(value)) if len(w) >= NAME_MIN_LENGTH] if isinstance(value, str) else []


def surnames(naam: Any) -> list[str]:
    """A ``geslachtsnaam`` with and without its ``voorvoegsel``."""
    naam = naam if isinstance(naam, dict) else {}
    geslachtsnaam, voorvoegsel = naam.get("geslachtsnaam"), naam.get("voorvoegsel")
    if not isinstance(geslachtsnaam, str) or not geslachtsnaam.strip():
        return []
    found = [geslachtsnaam]
    if isinstance(voorvoegsel, str) and voorvoegsel.strip():
        found.append(f"{voorvoegsel} {geslachtsnaam}")
    return found


def person_names(naam: Any) -> list[str]:
    """What counts as this naam in a text: each word of 3+ characters of the first names, the surname with and without prefix."""
    naam = naam if isinstance(naam, dict) else {}
    return [*name_words(naam.get("voornamen")), *surnames(naam)]


def hulpverleners(doc: dict[str, Any]) -> list[tuple[Parts, dict[str, Any]]]:
    betrokkenen = doc.get("betrokkenen")
    items = betrokkenen.get("betrokkenHulpverleners") if isinstance(betrokkenen, dict) else None
    return [(["betrokkenen", "betrokkenHulpverleners", i], item) for i, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []


def document_names(doc: dict[str, Any]) -> re.Pattern[str] | None:
    """The names the ``naam`` pattern looks for in ``doc``: the persons' names, the hulpverleners' names
    and the non-generic person ids — without the melder's own name."""
    found: list[str] = []
    for _, person in persons(doc):
        found.extend(person_names(person.get("naam")))
        pid = person.get("id")
        if isinstance(pid, str) and pid and not is_generic_id(pid):
            found.append(pid)
    for _, hulpverlener in hulpverleners(doc):
        found.extend(name_words(hulpverlener.get("naam")))
    melder = doc.get(MELDER)
    own = {phrase_key(name) for name in person_names(melder.get("naam") if isinstance(melder, dict) else None)}
    return phrase_pattern([name for name in found if phrase_key(name) not in own], NAME_SUFFIX)


# -- free text ------------------------------------------------------------------------------------
def is_free_text(field: Field) -> bool:
    """A short or long text (or a list of them) without a pattern: not an enum, id, date, BSN, postcode or kenmerk."""
    return field.kind in FREE_TEXT_KINDS and field.pattern is None


def layouts(soort: Any, sector: Any) -> tuple[Layout, ...]:
    """The layout of this soort and sector; for an unknown one, those of every soort or sector it could be.

    Any JSON value may stand where a name belongs (a list as ``sector`` is an invalid document,
    still checked): only a string is a name, anything else is unknown.
    """
    return _layouts(soort if isinstance(soort, str) else None, sector if isinstance(sector, str) else None)


@cache
def _layouts(soort: str | None, sector: str | None) -> tuple[Layout, ...]:
    schemas = load_schemas()
    soorten = (soort,) if soort in SOORTEN else SOORTEN
    sectoren = (sector,) if sector in schemas.sectors else schemas.sectors
    return tuple(build_layout(s, t) for s in soorten for t in sectoren)


def fields(data: dict[str, Any], group: Group, parts: Sequence[str | int] = ()) -> Iterator[tuple[Parts, Field, Any]]:
    """Every value of ``data`` that the layout lays out as a field, with its place (a list field: each item)."""
    for key, value in data.items():
        node = group.child(key)
        here: Parts = [*parts, key]
        if isinstance(node, Group) and isinstance(value, dict):
            yield from fields(value, node, here)
        elif isinstance(node, Repeat) and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    yield from fields(item, node.item, [*here, index])
        elif isinstance(node, Field):
            if node.is_multi and isinstance(value, list):
                for index, item in enumerate(value):
                    yield [*here, index], node, item
            else:
                yield here, node, value


def free_texts(doc: dict[str, Any]) -> Iterator[tuple[Parts, str]]:
    """Every free text of ``doc`` outside ``melder``, with its place, in document order."""
    seen: set[tuple[str | int, ...]] = set()
    for layout in layouts(doc.get("soort"), doc.get("sector")):
        for parts, field, value in fields(doc, layout.root):
            if parts[0] != MELDER and isinstance(value, str) and is_free_text(field) and tuple(parts) not in seen:
                seen.add(tuple(parts))
                yield parts, value
