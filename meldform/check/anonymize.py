"""A melding or dossiernotitie made into an anonymous adviesvraag (cli-1.1.md, *anonymize*).

:func:`anonymize` is a plain function over a valid 1.1 document of soort ``melding`` or
``dossiernotitie`` (a 1.0 one migrated first): it returns the new document and what it removed or
replaced — places and kinds, never a value — in the order the command prints them. It does the
steps of the contract in its order: version and soort; the ``kenmerk`` (replaced by ``ADV-`` and
a hash when it holds a removed value); person ids (generic ones kept, the others ``kind<n>`` or
``<rol><n>``, every reference rewritten); the identifying fields removed (an age in place of a
birth date); every free text scrubbed of the patterns of melding-1.1.md and of every removed
value; the question to VT. Checking input and output is the caller's (``api.anonymize``).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from meldform.check import identifying as ident
from meldform.check.findings import pointer
from meldform.check.rules import age_on
from meldform.model.kinds import PERSON_REFERENCE_KINDS
from meldform.model.layout import Field, build_layout
from meldform.model.persons import persons
from meldform.texts import pick
from meldform.texts.migrate import DOCUMENT, DOCUMENT_LANG

Parts = list[str | int]

VERSIE = "1.1"
ADVIES = "advies"
SOURCE_SOORTEN = ("melding", "dossiernotitie")
CHILD_KEY = "kinderen"  # the list of persons whose new label is ``kind<n>`` (adults: their ``rol``)
CHILD_PREFIX = "kind"
ROLE_KEY = "rol"
KENMERK_PREFIX = "ADV-"
KENMERK_SPLIT = re.compile(r"[-._]")

# Step 4: the fields removed (cli-1.1.md).
REMOVED_CHILD = ("naam", "geboortedatum", "burgerservicenummer", "adres", "schoolOfOpvang")
REMOVED_ADULT = ("naam", "geboortedatum", "burgerservicenummer", "adres", "telefoon", "omschrijving")
REMOVED_HULPVERLENER = ("naam", "telefoon")
REMOVED_CONTACT = ("dossiernummer",)
REMOVED_TOP = ("terugkoppeling", "nietTerInzage")
CONTACTS = ("eerdereBetrokkenheidVeiligThuis", "eerdereContacten")
QUESTION_AFTER = "eerdereBetrokkenheidVeiligThuis"  # the adviesvraag stands after this key (melding-1.1.md, *Top level*)

# What a replacement in a text stands for (counted on stderr); all but ``naam`` have a fixed marker.
NAAM, BSN, ADRES, GEBOORTEDATUM, TELEFOON, SCHOOL, WOONPLAATS, DOSSIERNUMMER = (
    "naam",
    "bsn",
    "adres",
    "geboortedatum",
    "telefoonnummer",
    "school",
    "woonplaats",
    "dossiernummer",
)
TEXT_KINDS = (NAAM, BSN, ADRES, GEBOORTEDATUM, TELEFOON, SCHOOL, WOONPLAATS, DOSSIERNUMMER)
# What a removed field was, by its key (the rest: the key itself): the words of ``texts.migrate.GEGEVENS``.
REMOVED_KIND = {
    "burgerservicenummer": BSN,
    "telefoon": TELEFOON,
    "schoolOfOpvang": "school_of_opvang",
    "nietTerInzage": "niet_ter_inzage",
}
MAX_ROUNDS = 5  # a replacement can bring two parts of an address together; scrub again until clean

# The kinds of change, as the command prints them.
VERWIJDERD, AANDUIDING, TEKST, KENMERK = "verwijderd", "aanduiding", "tekst", "kenmerk"

_DIGIT_GROUP = re.compile(r"\d+")
_PHONE_GAP = re.compile(r"[ .\-/()]{1,3}")
_HOUSE_NUMBER_AFTER = re.compile(r"[ \t]+[1-9][0-9]{0,4}(?: ?[A-Za-z](?![A-Za-z]))?(?![0-9])")


@dataclass(frozen=True)
class Wijziging:
    """One removed or replaced item: where, and what kind (``wat``: a field key, or the new label)."""

    soort: str
    pad: str = ""
    wat: str = ""
    aantallen: tuple[tuple[str, int], ...] = ()  # TEKST: per kind of :data:`TEXT_KINDS`, how many

    @property
    def gegevens(self) -> int:
        """How many items this line stands for (a text: every replacement in it)."""
        return sum(n for _, n in self.aantallen) if self.soort == TEKST else 1


@dataclass(frozen=True)
class Anonymized:
    """The adviesvraag and what was removed or replaced to make it (``wijzigingen``, never a value)."""

    data: dict[str, Any]
    wijzigingen: tuple[Wijziging, ...]

    @property
    def gegevens(self) -> int:
        return sum(w.gegevens for w in self.wijzigingen)


def marker(kind: str) -> str:
    return pick(DOCUMENT, kind, DOCUMENT_LANG)


def default_question() -> str:
    return pick(DOCUMENT, "vraag", DOCUMENT_LANG)


# -- what was removed, and how a text finds it ---------------------------------------------------------
@dataclass
class Plan:
    """The removed values of one source document, and what replaces each in a text."""

    names: dict[str, str] = field(default_factory=dict)  # phrase key → replacement ("[kind1]", "[jeugdarts]")
    phrases: dict[str, str] = field(default_factory=dict)  # phrase key → kind (ADRES, WOONPLAATS, SCHOOL, DOSSIERNUMMER)
    streets: set[str] = field(default_factory=set)  # phrase keys of streets (a house number after it goes too)
    bsns: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    birth_dates: set[tuple[int, int, int]] = field(default_factory=set)
    _names: re.Pattern[str] | None = None
    _phrases: re.Pattern[str] | None = None

    def name(self, value: str, replacement: str) -> None:
        if value.strip():
            self.names.setdefault(ident.phrase_key(value), replacement)

    def phrase(self, value: Any, kind: str) -> None:
        if isinstance(value, str) and value.strip():
            self.phrases.setdefault(ident.phrase_key(value), kind)

    def compile(self) -> None:
        self._names = ident.phrase_pattern(self.names, ident.NAME_SUFFIX)
        self._phrases = ident.phrase_pattern(self.phrases)

    def values(self) -> set[str]:
        """Every removed value as a phrase key (for the ``kenmerk``)."""
        return {*self.names, *self.phrases, *self.bsns, *self.phones}


def phone_key(text: str) -> str:
    """A phone number compared as digits, ``+31`` (or ``0031``) read as ``0``."""
    digits = ident.digits_of(text)
    international = text.strip().startswith("+") and digits.startswith("31")
    if international or digits.startswith("0031"):
        rest = digits[2:] if international else digits[4:]
        return rest if rest.startswith("0") else "0" + rest
    return digits


def plan_for(doc: dict[str, Any], mapping: dict[str, str]) -> Plan:
    """The removed values of ``doc``; ``mapping`` holds the new labels of the renamed ids."""
    plan = Plan()
    for _, person in persons(doc):
        pid = person.get("id")
        label = f"[{mapping.get(pid, pid)}]" if isinstance(pid, str) else ""
        naam = person.get("naam")
        if isinstance(naam, dict):
            first = ident.name_words(naam.get("voornamen"))
            voornamen = naam.get("voornamen") if isinstance(naam.get("voornamen"), str) else ""
            for surname in ident.surnames(naam):
                for given in (voornamen, *first):
                    if given:
                        plan.name(f"{given} {surname}", label)
                plan.name(surname, label)
            for word in (*first, *ident.name_words(naam.get("geslachtsnaam"))):
                plan.name(word, label)
        if isinstance(pid, str) and pid in mapping:
            plan.name(pid, label)
        adres = person.get("adres")
        if isinstance(adres, dict):
            straat = adres.get("straat")
            plan.phrase(straat, ADRES)
            if isinstance(straat, str) and straat.strip():
                plan.streets.add(ident.phrase_key(straat))
            postcode = adres.get("postcode")
            if isinstance(postcode, str):
                plan.phrase(postcode, ADRES)
                plan.phrase(postcode.replace(" ", ""), ADRES)
                plan.phrase(f"{postcode.replace(' ', '')[:4]} {postcode.replace(' ', '')[4:]}", ADRES)
            plan.phrase(adres.get("woonplaats"), WOONPLAATS)
        plan.phrase(person.get("schoolOfOpvang"), SCHOOL)
        bsn = person.get("burgerservicenummer")
        if isinstance(bsn, str) and bsn:
            plan.bsns.add(ident.digits_of(bsn))
        telefoon = person.get("telefoon")
        if isinstance(telefoon, str) and phone_key(telefoon):
            plan.phones.add(phone_key(telefoon))
        birth = _iso_date(person.get("geboortedatum"))
        if birth is not None:
            plan.birth_dates.add((birth.year, birth.month, birth.day))
    for _, hulpverlener in ident.hulpverleners(doc):
        functie = hulpverlener.get("functie")
        replacement = f"[{' '.join(str(functie).split())}]"  # functie is required
        naam = hulpverlener.get("naam")
        if isinstance(naam, str):
            plan.name(naam, replacement)
            for word in ident.name_words(naam):
                plan.name(word, replacement)
        telefoon = hulpverlener.get("telefoon")
        if isinstance(telefoon, str) and phone_key(telefoon):
            plan.phones.add(phone_key(telefoon))
    for contact in _contacts(doc):
        plan.phrase(contact.get("dossiernummer"), DOSSIERNUMMER)
    plan.compile()
    return plan


def _iso_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _contacts(doc: dict[str, Any]) -> list[dict[str, Any]]:
    node: Any = doc
    for key in CONTACTS:
        node = node.get(key) if isinstance(node, dict) else None
    return [item for item in node if isinstance(item, dict)] if isinstance(node, list) else []


# -- scrubbing one text --------------------------------------------------------------------------------
Candidate = tuple[int, int, str, str]  # start, end, kind, replacement


def _phones(text: str, phones: set[str]) -> Iterator[tuple[int, int]]:
    """Runs of digit groups (separated by spaces, dots, hyphens, slashes, brackets) that are one of ``phones``."""
    if not phones:
        return
    longest = max(len(p) for p in phones) + 4
    groups = list(_DIGIT_GROUP.finditer(text))
    for i, first in enumerate(groups):
        start = first.start() - 1 if first.start() > 0 and text[first.start() - 1] == "+" else first.start()
        for j in range(i, len(groups)):
            if j > i and not _PHONE_GAP.fullmatch(text[groups[j - 1].end() : groups[j].start()]):
                break
            number = text[start : groups[j].end()]
            if len(ident.digits_of(number)) > longest:
                break
            if phone_key(number) in phones:
                yield start, groups[j].end()
                break


def candidates(text: str, plan: Plan, *, patterns: bool = True) -> list[Candidate]:
    """Everything to replace in ``text`` (NFC): the removed values and, with ``patterns``, the four patterns."""
    found: list[Candidate] = []
    for start, end, digits in ident.bsn_candidates(text):
        if digits in plan.bsns or (patterns and len(set(digits)) > 1 and ident.elfproef(digits)):
            found.append((start, end, BSN, marker(BSN)))
    if patterns:
        found.extend((hit.start, hit.end, ADRES, marker(ADRES)) for hit in ident.find_postcode_huisnummer(text))
        found.extend((hit.start, hit.end, GEBOORTEDATUM, marker(GEBOORTEDATUM)) for hit in ident.find_geboortedatum(text, plan.birth_dates))
    else:
        found.extend((start, end, GEBOORTEDATUM, marker(GEBOORTEDATUM)) for start, end, value in ident.full_dates(text) if value in plan.birth_dates)
    found.extend((start, end, TELEFOON, marker(TELEFOON)) for start, end in _phones(text, plan.phones))
    if plan._names is not None:
        for match in plan._names.finditer(text):
            replacement = plan.names[ident.phrase_key(match.group(1))]
            found.append((match.start(), match.end(), NAAM, replacement + text[match.end(1) : match.end()]))
    if plan._phrases is not None:
        for match in plan._phrases.finditer(text):
            key = ident.phrase_key(match.group(1))
            kind, end = plan.phrases[key], match.end()
            if key in plan.streets:
                number = _HOUSE_NUMBER_AFTER.match(text, end)
                end = number.end() if number else end
            found.append((match.start(), end, kind, marker(kind)))
    return found


def _merge(found: list[Candidate]) -> list[Candidate]:
    """Overlapping candidates become one, replaced as the longest of them."""
    merged: list[tuple[int, int, Candidate]] = []
    for cand in sorted(found, key=lambda c: (c[0], -c[1])):
        if merged and cand[0] < merged[-1][1]:
            start, end, best = merged[-1]
            longest = cand if cand[1] - cand[0] > best[1] - best[0] else best
            merged[-1] = (start, max(end, cand[1]), longest)
        else:
            merged.append((cand[0], cand[1], cand))
    return [(start, end, best[2], best[3]) for start, end, best in merged]


def scrub(text: str, plan: Plan) -> tuple[str, Counter[str]]:
    """``text`` with every pattern hit and removed value replaced, and how many of each kind."""
    counts: Counter[str] = Counter()
    current = ident.nfc(text)
    for _ in range(MAX_ROUNDS):
        found = _merge(candidates(current, plan))
        if not found:
            break
        pieces, last = [], 0
        for start, end, kind, replacement in found:
            pieces.append(current[last:start] + replacement)
            last = end
            counts[kind] += 1
        current = "".join(pieces) + current[last:]
    return (current if counts else text), counts


# -- the steps ---------------------------------------------------------------------------------------------
def new_ids(doc: dict[str, Any]) -> dict[str, str]:
    """Step 3: each non-generic id → ``kind<n>`` (a child) or ``<rol><n>`` (an adult), skipping labels in use."""
    used = {p.get("id") for _, p in persons(doc) if isinstance(p.get("id"), str) and ident.is_generic_id(p["id"])}
    counters: Counter[str] = Counter()
    mapping: dict[str, str] = {}
    for parts, person in persons(doc):
        pid = person.get("id")
        if not isinstance(pid, str) or ident.is_generic_id(pid) or pid in mapping:
            continue
        rol = person.get(ROLE_KEY)
        prefix = CHILD_PREFIX if CHILD_KEY in parts or not isinstance(rol, str) else rol
        while True:
            counters[prefix] += 1
            label = f"{prefix}{counters[prefix]}"
            if label not in used:
                break
        used.add(label)
        mapping[pid] = label
    return mapping


def _set(doc: Any, parts: Parts, value: Any) -> None:
    node = doc
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = value


def _rewrite_references(doc: dict[str, Any], mapping: dict[str, str]) -> None:
    layout = build_layout(str(doc["soort"]), str(doc["sector"]))
    for parts, node, value in list(ident.fields(doc, layout.root)):
        if node.kind in PERSON_REFERENCE_KINDS and isinstance(value, str) and value in mapping:
            _set(doc, parts, mapping[value])


def _age_range(sector: str, parts: Parts) -> tuple[int, int]:
    node = build_layout(ADVIES, sector).node_at((*(0 if isinstance(p, int) else p for p in parts), "leeftijd"))
    if isinstance(node, Field) and node.minimum is not None and node.maximum is not None:
        return node.minimum, node.maximum
    return 0, -1  # no age field: never add one


def _strip_person(parts: Parts, person: dict[str, Any], removed: tuple[str, ...], datum: dt.date | None, sector: str) -> tuple[dict[str, Any], list[Wijziging]]:
    out: dict[str, Any] = {}
    lines: list[Wijziging] = []
    for key, value in person.items():
        if key == "geboortedatum" and "leeftijd" not in person:
            birth = _iso_date(value)
            low, high = _age_range(sector, parts)
            if birth is not None and datum is not None and low <= age_on(birth, datum) <= high:
                out["leeftijd"] = age_on(birth, datum)
        if key in removed:
            lines.append(Wijziging(VERWIJDERD, pointer([*parts, key]), key))
        else:
            out[key] = value
    return out, lines


def _strip(doc: dict[str, Any]) -> list[Wijziging]:
    """Step 4, in place: the identifying fields of persons, hulpverleners and earlier contacts."""
    lines: list[Wijziging] = []
    datum, sector = _iso_date(doc.get("datum")), str(doc.get("sector"))
    for parts, person in list(persons(doc)):
        removed = REMOVED_CHILD if CHILD_KEY in parts else REMOVED_ADULT
        stripped, found = _strip_person(parts, person, removed, datum, sector)
        _set(doc, parts, stripped)
        lines.extend(found)
    for parts, hulpverlener in ident.hulpverleners(doc):
        stripped, found = _strip_person(parts, hulpverlener, REMOVED_HULPVERLENER, None, sector)
        _set(doc, parts, stripped)
        lines.extend(found)
    contacts: Any = doc
    for key in CONTACTS:
        contacts = contacts.get(key) if isinstance(contacts, dict) else None
    for index, contact in enumerate(contacts if isinstance(contacts, list) else []):
        if isinstance(contact, dict):
            stripped, found = _strip_person([*CONTACTS, index], contact, REMOVED_CONTACT, None, sector)
            contacts[index] = stripped
            lines.extend(found)
    return lines


def _kenmerk(kenmerk: Any, plan: Plan) -> str | None:
    """Step 2: the new kenmerk, or None to keep it (no removed value is a part of it or a whole word in it)."""
    if not isinstance(kenmerk, str):
        return None
    values = plan.values()
    parts = [part for part in KENMERK_SPLIT.split(kenmerk) if part]
    hit = any(ident.phrase_key(part) in values or phone_key(part) in plan.phones for part in parts)
    if hit or candidates(ident.nfc(kenmerk), plan, patterns=False):
        return KENMERK_PREFIX + hashlib.sha256(kenmerk.encode("utf-8")).hexdigest()[:8].upper()
    return None


def anonymize(source: dict[str, Any], vraag: str | None = None) -> Anonymized:
    """The adviesvraag made from ``source`` (a valid 1.1 melding or dossiernotitie; not changed)."""
    if source.get("soort") not in SOURCE_SOORTEN:
        raise ValueError("anonymize needs a melding or a dossiernotitie")
    doc = copy.deepcopy(source)
    mapping = new_ids(doc)
    plan = plan_for(doc, mapping)
    # step 3: ids and their references
    id_lines = []
    for parts, person in persons(doc):
        pid = person.get("id")
        if isinstance(pid, str) and pid in mapping:
            person["id"] = mapping[pid]
            id_lines.append(Wijziging(AANDUIDING, pointer([*parts, "id"]), mapping[pid]))
    _rewrite_references(doc, mapping)
    # step 4: identifying fields
    lines = _strip(doc)
    new_kenmerk = _kenmerk(doc.get("kenmerk"), plan)
    top: dict[str, Any] = {}
    for key, value in doc.items():
        if key in REMOVED_TOP:
            lines.append(Wijziging(VERWIJDERD, pointer([key]), key))
            continue
        top[key] = {"schemaVersie": VERSIE, "soort": ADVIES}.get(key, value)
        if key == "kenmerk" and new_kenmerk is not None:
            top[key] = new_kenmerk
        if key == QUESTION_AFTER:
            top["adviesvraag"] = {"vraag": vraag if vraag is not None else default_question()}
    top.setdefault("adviesvraag", {"vraag": vraag if vraag is not None else default_question()})
    # step 5 (and the question of step 6): every free text of the adviesvraag
    text_lines = []
    for parts, text in list(ident.free_texts(top)):
        scrubbed, counts = scrub(text, plan)
        if counts:
            _set(top, parts, scrubbed)
            text_lines.append(Wijziging(TEKST, pointer(parts), aantallen=tuple((k, counts[k]) for k in TEXT_KINDS if counts[k])))
    kenmerk_lines = [Wijziging(KENMERK, "/kenmerk")] if new_kenmerk is not None else []
    return Anonymized(top, (*lines, *id_lines, *text_lines, *kenmerk_lines))
