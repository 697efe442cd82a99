"""The rules of melding-1.1.md that a schema cannot express (the afwegingskader and friends).

Each rule reads the loaded document defensively (a structurally broken document must not crash
a rule: the schema reports that) and yields ``RuleFinding``s with a stable code. Messages are
made by ``validation`` from the code, so the rules stay free of wording.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from meldform.check import identifying
from meldform.check.findings import FOUT, WAARSCHUWING, Ernst, pointer

# The eleven test lives with the BSN pattern; re-exported here for the modules that used it from here.
from meldform.check.identifying import BSN_DIGITS as BSN_DIGITS
from meldform.check.identifying import elfproef as elfproef

# The one walk over persons lives in the model; re-exported here for the modules that used it from here.
from meldform.model.persons import MELDER as MELDER
from meldform.model.persons import persons as persons
from meldform.model.schemas import load_schemas
from meldform.texts import pick
from meldform.texts.findings import FINDING_WORDS
from meldform.texts.words import WORDS

Parts = list[str | int]
ARTSEN = frozenset({"huisarts", "jeugdarts", "medisch_specialist", "tandarts"})
VERTROUWENSINSPECTEUR_SECTOREN = frozenset({"onderwijs", "kinderopvang"})
# The hermelding threshold (melding-1.1.md, *Settings*): VT Gelderland-Midden's protocol, not a
# national rule. The defaults; ``check`` takes others (``--hermelding-dossiers``/``-jaren``).
HERMELDING_DOSSIERS = 3
HERMELDING_JAREN = 5
HERMELDING_DOSSIERS_MIN = 2
HERMELDING_JAREN_BEREIK = (1, 15)


@dataclass(frozen=True)
class Instellingen:
    """Organisation settings (melding-1.1.md, *Settings*); the defaults are VT Gelderland-Midden's."""

    hermelding_dossiers: int = HERMELDING_DOSSIERS
    hermelding_jaren: int = HERMELDING_JAREN

    def in_range(self) -> bool:
        low, high = HERMELDING_JAREN_BEREIK
        return self.hermelding_dossiers >= HERMELDING_DOSSIERS_MIN and low <= self.hermelding_jaren <= high


STANDAARD = Instellingen()


@dataclass(frozen=True)
class Words:
    """A message parameter that is itself translatable: word keys joined by commas."""

    keys: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]
    last: str | None = None  # the word key that joins the last two ("en": "a, b en c"); None: commas only

    @classmethod
    def of(cls, *keys: str | tuple[str, dict[str, Any]], last: str | None = None) -> Words:
        norm = []
        for key in keys:
            if isinstance(key, tuple):
                norm.append((key[0], tuple(key[1].items())))
            else:
                norm.append((key, ()))
        return cls(tuple(norm), last)

    def render(self, lang: str) -> str:
        words = [pick(FINDING_WORDS, key, lang, **dict(params)) for key, params in self.keys]
        if self.last is None or len(words) < 2:
            return ", ".join(words)
        return f"{', '.join(words[:-1])} {pick(WORDS, self.last, lang)} {words[-1]}"


@dataclass(frozen=True)
class RuleFinding:
    ernst: Ernst
    code: str
    parts: Parts
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def pad(self) -> str:
        return pointer(self.parts)


# -- safe access ----------------------------------------------------------------------------------
def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day and month ``years`` earlier; 29 February becomes 28 February (never before year 1)."""
    if day.year - years < dt.MINYEAR:
        return dt.date.min
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def shifted(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``, kept within the calendar (year 1 to 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@cache
def date_keys() -> frozenset[str]:
    """Property names whose schema is a date, read from the schema files."""
    keys: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for name, sub in _obj(node.get("properties")).items():
                if isinstance(sub, dict) and str(sub.get("$ref", "")).endswith("/Datum"):
                    keys.add(name)
            for sub in node.values():
                walk(sub)
        elif isinstance(node, list):
            for sub in node:
                walk(sub)

    for document in load_schemas().documents.values():
        walk(document)
    return frozenset(keys)


# -- the rules ------------------------------------------------------------------------------------
Rule = Callable[[dict[str, Any], dt.date], Iterator[RuleFinding]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


@rule
def _elfproef(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    for parts, person in persons(doc):
        bsn = person.get("burgerservicenummer")
        if isinstance(bsn, str) and len(bsn) == 9 and set(bsn) <= BSN_DIGITS and not elfproef(bsn):
            yield RuleFinding(FOUT, "elfproef", [*parts, "burgerservicenummer"])


@rule
def _datum_toekomst(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    datum = _date(doc.get("datum"))
    if datum is None:
        return
    if datum > today:
        yield RuleFinding(FOUT, "datum_toekomst", ["datum"], {"grens": Words.of("vandaag")})
    # Dates meant to lie later (melding-1.1.md, ``datum_toekomst``): the due date, the planned
    # reassessment and VT's feedback (that one only not after today).
    keys = date_keys() - {"uitgerekendeDatum", "herbeoordelingsdatum"}
    stack: list[tuple[Parts, Any]] = [([key], value) for key, value in doc.items() if key not in ("datum", "terugkoppeling")]
    for index, item in enumerate(_items(doc.get("terugkoppeling"))):
        when = _date(_obj(item).get("datum"))
        if when is not None and when > today:
            yield RuleFinding(FOUT, "datum_toekomst", ["terugkoppeling", index, "datum"], {"grens": Words.of("vandaag")})
    while stack:
        parts, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(([*parts, k], v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(([*parts, i], v) for i, v in enumerate(value))
        elif parts and parts[-1] in keys:
            other = _date(value)
            if other is not None and other > datum:
                yield RuleFinding(FOUT, "datum_toekomst", parts, {"grens": Words.of("datum_melding")})


@rule
def _betrokkenen(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    seen: set[str] = set()
    for parts, person in persons(doc):
        pid = person.get("id")
        if isinstance(pid, str):
            if pid in seen:
                yield RuleFinding(FOUT, "dubbele_betrokkene", [*parts, "id"])
            seen.add(pid)
    for parts, ref in references(doc):
        if ref not in seen:
            yield RuleFinding(FOUT, "onbekende_betrokkene", parts)


def references(doc: dict[str, Any]) -> Iterator[tuple[Parts, str]]:
    """Every person id used in the document, with its place (``melder`` in a score excepted)."""
    betrokkenen = _obj(doc.get("betrokkenen"))
    for group in ("vermoedelijkePlegers", "slachtoffers"):
        for index, ref in enumerate(_items(betrokkenen.get(group))):
            if isinstance(ref, str):
                yield ["betrokkenen", group, index], ref
    for s_index, signaal in enumerate(_items(_obj(doc.get("zorgen")).get("signalen"))):
        for index, ref in enumerate(_items(_obj(signaal).get("betreft"))):
            if isinstance(ref, str):
                yield ["zorgen", "signalen", s_index, "betreft", index], ref
    gesprek = _obj(_obj(doc.get("stappen")).get("gesprekMetClient"))
    for index, ref in enumerate(_items(gesprek.get("metWie"))):
        if isinstance(ref, str):
            yield ["stappen", "gesprekMetClient", "metWie", index], ref
    for index, score in enumerate(_items(_obj(doc.get("afweging")).get("veiligheidscijfers"))):
        ref = _obj(score).get("betrokkene")
        if isinstance(ref, str) and ref != MELDER:
            yield ["afweging", "veiligheidscijfers", index, "betrokkene"], ref


@rule
def _kind_meerderjarig(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    datum = _date(doc.get("datum"))
    if datum is None:
        return
    for parts, person in persons(doc):
        if parts[1] != "kinderen":
            continue
        birth = _date(person.get("geboortedatum"))
        if birth is not None and birth <= datum and age_on(birth, datum) >= 18:
            yield RuleFinding(FOUT, "kind_meerderjarig", [*parts, "geboortedatum"])


@rule
def _uitgerekende_datum(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    datum = _date(doc.get("datum"))
    if datum is None:
        return
    for parts, person in persons(doc):
        due = _date(person.get("uitgerekendeDatum"))
        if parts[1] == "kinderen" and person.get("ongeboren") is True and due is not None:
            if due < shifted(datum, -30) or due > shifted(datum, 300):
                yield RuleFinding(FOUT, "uitgerekende_datum", [*parts, "uitgerekendeDatum"])


def melden_vereist(afweging: dict[str, Any], sector: Any = None) -> Words | None:
    """Why the afwegingskader makes melden the professional norm (``None`` when it does not)."""
    reasons: list[str | tuple[str, dict[str, Any]]] = []
    if afweging.get("acuteOnveiligheid") is True:
        reasons.append("reden_acuut")
    if afweging.get("structureleOnveiligheid") is True:
        reasons.append("reden_structureel")
    if sector == "onderwijs" and afweging.get("twijfelOnveiligheid") is True:
        reasons.append("reden_twijfel_onderwijs")
    for nr, key in ((3, "hulpMogelijk"), (4, "hulpAanvaard"), (5, "hulpResultaat")):
        if afweging.get(key) is False:
            reasons.append(("reden_vraag", {"nr": nr}))
    return Words.of(*reasons) if reasons else None


@rule
def _afwegingskader(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    afweging = _obj(doc.get("afweging"))
    besluit = _obj(doc.get("besluit"))
    soort = doc.get("soort")
    reasons = melden_vereist(afweging, doc.get("sector"))
    if besluit.get("melden") is False:
        if reasons is not None:
            ernst = FOUT if soort == "melding" else WAARSCHUWING
            yield RuleFinding(ernst, "melden_verplicht", ["besluit", "melden"], {"reden": reasons})
        elif soort == "melding":
            yield RuleFinding(FOUT, "besluit_niet_melden", ["besluit", "melden"])
    if soort == "melding" and afweging.get("vermoeden") is False:
        yield RuleFinding(WAARSCHUWING, "geen_vermoeden", ["afweging", "vermoeden"])
    if afweging.get("acuteOnveiligheid") is True:
        yield RuleFinding(WAARSCHUWING, "acuut_telefonisch", ["afweging", "acuteOnveiligheid"])
    if soort in ("melding", "dossiernotitie") and doc.get("sector") != "onderwijs" and afweging.get("twijfelOnveiligheid") is True and not vt_geraadpleegd(doc):
        yield RuleFinding(WAARSCHUWING, "twijfel_advies_vt", ["afweging", "twijfelOnveiligheid"])


def dossier_key(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    key = "".join(ch for ch in value.casefold() if not ch.isspace() and ch not in "-‐‑–—")
    return key or None


def earlier_meldingen(doc: dict[str, Any], jaren: int = HERMELDING_JAREN) -> int:
    """Distinct earlier meldingen from ``datum`` minus ``jaren`` years up to ``datum`` (both inclusive)."""
    datum = _date(doc.get("datum"))
    if datum is None:
        return 0
    start = years_before(datum, jaren)
    dossiers: set[str] = set()
    anonymous = 0
    for contact in _items(_obj(doc.get("eerdereBetrokkenheidVeiligThuis")).get("eerdereContacten")):
        contact = _obj(contact)
        when = _date(contact.get("datum"))
        if contact.get("soort") != "melding" or when is None or not start <= when <= datum:
            continue
        key = dossier_key(contact.get("dossiernummer"))
        if key is None:
            anonymous += 1
        else:
            dossiers.add(key)
    return anonymous + len(dossiers)


def hermelding(doc: dict[str, Any], dossiers: int = HERMELDING_DOSSIERS, jaren: int = HERMELDING_JAREN) -> Iterator[RuleFinding]:
    """The rule ``hermelding`` with a threshold of ``dossiers`` in ``jaren`` years (the settings)."""
    if doc.get("soort") != "melding":
        return
    count = earlier_meldingen(doc, jaren)
    if count >= dossiers - 1:
        params = {"aantal": count, "dossiers": dossiers, "jaren": jaren}
        yield RuleFinding(WAARSCHUWING, "hermelding", ["eerdereBetrokkenheidVeiligThuis", "eerdereContacten"], params)


def latest_scores(doc: dict[str, Any]) -> dict[str, int]:
    """Per person (the melder excluded) the score with the latest date, else the last listed."""
    best: dict[str, tuple[tuple[int, dt.date | None, int], int]] = {}
    for index, score in enumerate(_items(_obj(doc.get("afweging")).get("veiligheidscijfers"))):
        score = _obj(score)
        who, cijfer = score.get("betrokkene"), score.get("cijfer")
        if not isinstance(who, str) or who == MELDER or not isinstance(cijfer, int) or isinstance(cijfer, bool):
            continue
        when = _date(score.get("datum"))
        rank = (1 if when else 0, when, index)
        current = best.get(who)
        if current is None or _rank_key(rank) >= _rank_key(current[0]):
            best[who] = (rank, cijfer)
    return {who: cijfer for who, (_, cijfer) in best.items()}


def _rank_key(rank: tuple[int, dt.date | None, int]) -> tuple[int, dt.date, int]:
    dated, when, index = rank
    return dated, when or dt.date.min, index


@rule
def _veiligheidscijfers(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    scores = latest_scores(doc)
    if len(scores) >= 2:
        spread = max(scores.values()) - min(scores.values())
        if spread >= 3:
            yield RuleFinding(WAARSCHUWING, "veiligheidscijfers_uiteenlopend", ["afweging", "veiligheidscijfers"], {"verschil": spread})


def vt_geraadpleegd(doc: dict[str, Any]) -> bool:
    """``stappen.adviesVeiligThuis`` holds at least one advice (absent or empty: VT not consulted)."""
    return bool(_items(_obj(doc.get("stappen")).get("adviesVeiligThuis")))


@rule
def _advies_vt_gezondheidszorg(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    if doc.get("soort") != "melding" or doc.get("sector") != "gezondheidszorg":
        return
    beroep = _obj(doc.get("sectorSpecifiek")).get("beroep")
    if not isinstance(beroep, str) or beroep not in ARTSEN:
        return
    if not vt_geraadpleegd(doc):
        yield RuleFinding(WAARSCHUWING, "advies_vt_gezondheidszorg", ["stappen", "adviesVeiligThuis"])


@rule
def _vertrouwensinspecteur(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    sector = doc.get("sector")
    if isinstance(sector, str) and sector in VERTROUWENSINSPECTEUR_SECTOREN and _obj(doc.get("sectorSpecifiek")).get("route") == "medewerker":
        if doc.get("soort") in ("melding", "advies"):
            yield RuleFinding(FOUT, "geen_vertrouwensinspecteur", ["sectorSpecifiek", "route"], {"wie": Words.of(f"wie_{sector}")})


@rule
def _geen_adviesvraag(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    if doc.get("soort") == "advies" and "adviesvraag" not in doc:
        yield RuleFinding(WAARSCHUWING, "geen_adviesvraag", ["adviesvraag"])


@rule
def _advies_identificerend_tekst(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    """Identifying data in the free text of an adviesvraag, and person ids that may be names."""
    if doc.get("soort") != "advies":
        return
    names = identifying.document_names(doc)
    for parts, text in identifying.free_texts(doc):
        kinds = identifying.kinds_in(text, names)
        if kinds:
            soorten = Words.of(*(f"soort_{kind}" for kind in kinds), last="en")
            yield RuleFinding(WAARSCHUWING, "advies_tekst_identificerend", parts, {"soorten": soorten})
    for parts, person in persons(doc):
        pid = person.get("id")
        if isinstance(pid, str) and pid and not identifying.is_generic_id(pid):
            yield RuleFinding(WAARSCHUWING, "advies_id_herkenbaar", [*parts, "id"])


@rule
def _herbeoordeling(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    datum = _date(doc.get("datum"))
    herbeoordeling = _date(_obj(doc.get("besluit")).get("herbeoordelingsdatum"))
    if datum is not None and herbeoordeling is not None and herbeoordeling <= datum:
        yield RuleFinding(FOUT, "herbeoordeling_datum", ["besluit", "herbeoordelingsdatum"])


ERNST_ONVEILIG = (("herhaling", "dreiging"), ("escalatie",), ("kindGetuige",))


@rule
def _ernst_zonder_onveiligheid(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    afweging = _obj(doc.get("afweging"))
    if afweging.get("acuteOnveiligheid") is not False or afweging.get("structureleOnveiligheid") is not False:
        return
    if afweging.get("twijfelOnveiligheid") is True:
        return
    ernst = _obj(_obj(afweging.get("wegingshulp")).get("ernst"))
    hits = [keys for keys in ERNST_ONVEILIG if all(ernst.get(key) == "ja" for key in keys)]
    if hits:
        reden = Words.of(*(f"ernst_{'_'.join(keys)}" for keys in hits))
        yield RuleFinding(WAARSCHUWING, "ernst_zonder_onveiligheid", ["afweging", "structureleOnveiligheid"], {"reden": reden})


@rule
def _dossiernotitie(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    """The rules of a dossiernotitie: help offered needs a date to answer question 5 again."""
    if doc.get("soort") != "dossiernotitie":
        return
    afweging = _obj(doc.get("afweging"))
    besluit = _obj(doc.get("besluit"))
    if afweging.get("vermoeden") is True:
        if besluit.get("hulpBieden") is False and melden_vereist(afweging, doc.get("sector")) is None:
            yield RuleFinding(WAARSCHUWING, "geen_hulp_geen_melding", ["besluit", "hulpBieden"])
        if besluit.get("hulpBieden") is True and "herbeoordelingsdatum" not in besluit:
            yield RuleFinding(FOUT, "herbeoordeling_ontbreekt", ["besluit", "herbeoordelingsdatum"])
    herbeoordeling = _date(besluit.get("herbeoordelingsdatum"))
    if herbeoordeling is not None and today > herbeoordeling:
        yield RuleFinding(WAARSCHUWING, "herbeoordeling_verstreken", ["besluit", "herbeoordelingsdatum"])
    ernst = _obj(_obj(afweging.get("wegingshulp")).get("ernst"))
    if ernst.get("bagatelliseren") == "ja" and ernst.get("kindsignalen") == "nee" and not vt_geraadpleegd(doc):
        yield RuleFinding(WAARSCHUWING, "ernst_onderschat", ["afweging", "wegingshulp", "ernst", "bagatelliseren"])


@rule
def _terugkoppeling(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    datum = _date(doc.get("datum"))
    if doc.get("soort") != "melding" or datum is None:
        return
    for index, item in enumerate(_items(doc.get("terugkoppeling"))):
        when = _date(_obj(item).get("datum"))
        if when is not None and when < datum:
            yield RuleFinding(FOUT, "terugkoppeling_datum", ["terugkoppeling", index, "datum"])


# A request not to disclose may not cover what identifies the document itself.
NIET_TER_INZAGE_VERBODEN = frozenset({"", "/schemaVersie", "/soort", "/sector", "/kenmerk", "/datum"})


def resolve_pointer(doc: Any, pad: str) -> bool:
    """Whether the JSON Pointer ``pad`` (RFC 6901) points at a value in ``doc``."""
    if pad == "":
        return True
    if not pad.startswith("/"):
        return False
    node = doc
    for raw in pad[1:].split("/"):
        step = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and step.isascii() and step.isdigit() and str(int(step)) == step and int(step) < len(node):
            node = node[int(step)]
        else:
            return False
    return True


@rule
def _niet_ter_inzage(doc: dict[str, Any], today: dt.date) -> Iterator[RuleFinding]:
    if doc.get("soort") != "melding":
        return
    for index, item in enumerate(_items(doc.get("nietTerInzage"))):
        pad = _obj(item).get("pad")
        if isinstance(pad, str) and (pad in NIET_TER_INZAGE_VERBODEN or not resolve_pointer(doc, pad)):
            yield RuleFinding(FOUT, "niet_ter_inzage_pad", ["nietTerInzage", index, "pad"])


def check(doc: dict[str, Any], today: dt.date, instellingen: Instellingen = STANDAARD) -> Iterator[RuleFinding]:
    for fn in RULES:
        yield from fn(doc, today)
    yield from hermelding(doc, instellingen.hermelding_dossiers, instellingen.hermelding_jaren)
