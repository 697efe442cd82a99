"""A deterministic generator of valid, realistic, fictional meldingen and adviesvragen.

Everything is drawn from the ``random.Random`` passed in, so the same seed gives the same
document (hypothesis drives it through ``st.randoms(use_true_random=False)``; a benchmark can use
``make_documents(n, seed)``). No hypothesis import here: the benchmarks import this module too.

The documents follow melding-1.1.md: no structural error and no rule *error* (warnings such as
``acuut_telefonisch``, ``geen_vermoeden``, ``hermelding``, ``veiligheidscijfers_uiteenlopend`` or
``advies_vt_gezondheidszorg`` may occur). All persons, organisations and numbers are fictional.

The second half is a catalogue of ``MUTATIONS``: each turns a valid document into one with exactly
one problem and names the finding code and JSON pointer the contract implies (used by
tests/test_properties.py and tests/test_schema_export.py; usable by benchmarks for invalid input).
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

SOORTEN = ("melding", "advies")
SECTOREN = (
    "onderwijs",
    "kinderopvang",
    "jeugdhulp",
    "pleegzorg",
    "wijkteam",
    "gezondheidszorg",
    "maatschappelijke_ondersteuning",
    "justitie",
)
LAATSTE_DATUM = dt.date(2026, 11, 27)
EERSTE_DATUM = dt.date(2025, 1, 1)

JONGENSNAMEN = ("Daan", "Sem", "Liam", "Noah", "Lucas", "Finn", "Levi", "Milan", "Mees", "Luuk", "Bram", "Thijs", "Jesse", "Ravi", "Yusuf", "Mohammed")
MEISJESNAMEN = ("Noor", "Emma", "Julia", "Tess", "Sara", "Mila", "Zoë", "Lotte", "Fleur", "Sophie", "Anouk", "Fenna", "Yara", "Amira", "Ilse", "Esmee")
VROUWENNAMEN = ("Sanne", "Marieke", "Linda", "Esther", "Fatima", "Kim", "Ingrid", "Petra", "Sevda", "Monique", "Anne-Marie", "Nicole", "Wendy")
MANNENNAMEN = ("Mark", "Dennis", "Erik", "Jeroen", "Mehmet", "Kevin", "Ruud", "Sander", "Patrick", "Hans", "Ahmed", "Jan-Willem", "Bas")
ACHTERNAMEN = (
    (None, "Bakker"),
    (None, "Jansen"),
    ("de", "Vries"),
    ("van", "Dijk"),
    (None, "Visser"),
    ("de", "Boer"),
    ("van der", "Meer"),
    (None, "Smit"),
    ("van den", "Berg"),
    (None, "Mulder"),
    ("de", "Jong"),
    (None, "Hendriks"),
    (None, "Yilmaz"),
    ("el", "Amrani"),
    (None, "Kramer"),
    ("ter", "Horst"),
    (None, "Pauwels"),
    (None, "Wijnstra"),
)
PLAATSEN = (
    ("Zwolle", "038"),
    ("Deventer", "0570"),
    ("Utrecht", "030"),
    ("Groningen", "050"),
    ("Tilburg", "013"),
    ("Almere", "036"),
    ("Leeuwarden", "058"),
    ("Nijmegen", "024"),
    ("Haarlem", "023"),
    ("Emmen", "0591"),
    ("Kampen", "038"),
    ("Assen", "0592"),
)
STRATEN = (
    "Dorpsstraat",
    "Kerkstraat",
    "Molenweg",
    "Beukenlaan",
    "Stationsweg",
    "Julianastraat",
    "Schoolstraat",
    "Wilhelminapark",
    "Esdoornhof",
    "Kastanjelaan",
)
POSTCODE_LETTERS = "ABCDEGHJKLMNPRTVWXZ"

ORGANISATIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # sector: (organisation names, melder functions)
    "onderwijs": (
        ("Stedelijk Lyceum (fictief)", "Basisschool De Regenboog (fictief)", "ROC Oost (fictief)", "SBO De Brug (fictief)"),
        ("aandachtsfunctionaris", "mentor", "intern begeleider", "zorgcoördinator", "leerkracht groep 6"),
    ),
    "kinderopvang": (
        ("Kinderopvang Het Kompas (fictief)", "BSO De Speeltuin (fictief)", "Gastouderbureau Thuis (fictief)"),
        ("pedagogisch medewerker", "aandachtsfunctionaris", "locatiemanager"),
    ),
    "jeugdhulp": (
        ("Jeugdhulp Regio Oost (fictief)", "Stichting Jong Vooruit (fictief)"),
        ("jeugdhulpverlener", "gedragswetenschapper", "ambulant hulpverlener"),
    ),
    "pleegzorg": (("Pleegzorg Overijssel (fictief)", "Stichting Pleeggezin Noord (fictief)"), ("pleegzorgwerker", "pleegzorgbegeleider")),
    "wijkteam": (("Sociaal Wijkteam Centrum (fictief)", "Buurtteam Noord (fictief)"), ("wijkcoach", "maatschappelijk werker", "jeugdconsulent")),
    "gezondheidszorg": (
        (
            "Huisartsenpraktijk De Linde (fictief)",
            "Verloskundigenpraktijk Moeder & Kind (fictief)",
            "Ziekenhuis Noordoost (fictief)",
            "GGD Regio West (fictief)",
        ),
        ("huisarts", "verloskundige", "jeugdarts", "kinderarts", "sociaal verpleegkundige", "tandarts"),
    ),
    "maatschappelijke_ondersteuning": (
        ("Welzijn Samen (fictief)", "Thuiszorg De Zonnebloem (fictief)"),
        ("wijkverpleegkundige", "ouderenadviseur", "casemanager dementie"),
    ),
    "justitie": (
        ("Reclassering Nederland, unit Oost (fictief)", "Politie Eenheid Midden (fictief)", "JJI De Hunnerberg (fictief)"),
        ("reclasseringswerker", "wijkagent", "groepsleider", "trajectbegeleider"),
    ),
}
HULPVERLENERS = (
    ("huisarts", "Huisartsenpraktijk De Linde (fictief)"),
    ("gezinsvoogd", "Jeugdbescherming Regio (fictief)"),
    ("jeugdverpleegkundige", "GGD (fictief)"),
    ("schoolmaatschappelijk werker", "Stichting Welzijn (fictief)"),
    ("wijkcoach", "Sociaal Wijkteam (fictief)"),
    ("behandelaar ggz", "GGZ Oost (fictief)"),
)
SIGNALEN = (
    "Het kind vertelt dat er thuis 's avonds hard geschreeuwd wordt en dat er met spullen wordt gegooid.",
    "Het kind heeft een blauwe plek op de bovenarm en zegt dat het is gevallen; het wil er verder niet over praten.",
    "Moeder had bij het oudergesprek een blauwe plek bij het oog en zei dat ze tegen een kastdeur was gelopen.",
    "Het kind komt de laatste weken vaak zonder ontbijt en in dezelfde kleding naar school.",
    "Het kind schrikt bij plotselinge bewegingen en trekt zich terug uit de groep.",
    "Vader sprak het kind bij het ophalen hardhandig toe en trok het aan de arm mee naar buiten.",
    "Een buurvrouw belde met de mededeling dat zij geregeld geschreeuw en gehuil hoort.",
    "Het kind verzuimt steeds vaker en is bij aanwezigheid moe en afwezig.",
    "Moeder vertelt dat haar ex-partner haar blijft bellen en bedreigen sinds de scheiding.",
    "Bij het huisbezoek was de woning sterk vervuild en er was geen eten in huis.",
    "De cliënt vertelt dat haar volwassen zoon geld van haar afpakt en haar uitscheldt.",
    "Het kind vertelt dat het in de zomervakantie naar het land van herkomst moet en daar misschien moet blijven.",
)
RISICOFACTOREN = (
    "Schulden",
    "Verslaving bij een ouder",
    "Nieuwe partner met onbekende voorgeschiedenis",
    "Eerder huiselijk geweld",
    "Sociaal isolement",
    "Psychische problemen bij een ouder",
    "Recente scheiding",
)
BESCHERMENDE_FACTOREN = (
    "Het kind praat met de mentor",
    "Grootouders in de buurt zijn betrokken",
    "Moeder zoekt zelf hulp",
    "Steunend netwerk van vrienden",
    "Het kind sport twee keer per week",
)
LEEFGEBIEDEN = ("veiligheid", "gezondheid", "opvoeding", "ontwikkeling", "onderwijsOfWerk", "financien", "huisvesting", "netwerk")
AARD_GEWELD = (
    "lichamelijke_mishandeling",
    "psychische_mishandeling",
    "seksueel_misbruik",
    "lichamelijke_verwaarlozing",
    "psychische_verwaarlozing",
    "getuige_huiselijk_geweld",
    "partnergeweld",
    "ex_partnergeweld",
    "geweld_tegen_ouders",
    "ouderenmishandeling",
    "eergerelateerd_geweld",
    "huwelijksdwang",
    "achterlating",
    "vrouwelijke_genitale_verminking",
    "mensenhandel",
    "overig",
)
BRONNEN = ("zelf_waargenomen", "verteld_door_kind", "verteld_door_ouder", "verteld_door_derde", "overig")
REDENEN = ("veiligheid_client", "veiligheid_melder", "veiligheid_derden", "client_verbreekt_contact")
VERWACHTINGEN = (
    "veiligheidsbeoordeling",
    "eigen_onderzoek",
    "onderzoek_raad_voor_de_kinderbescherming",
    "voorwaarden_en_vervolg",
    "overdracht_lokaal_team",
    "overdracht_lopende_hulpverlening",
    "monitoring",
    "registratie_radarfunctie",
    "advies_aan_melder",
)
INSTRUMENTEN = ("lirik", "arij", "care_nl", "delta_veiligheidslijst", "veiligheidstaxatie_veilig_thuis", "overig")
ROLLEN = ("ouder", "ouder", "ouder", "stiefouder", "pleegouder", "verzorger", "partner", "ex_partner", "grootouder", "overig")
OMSCHRIJVINGEN = ("de nieuwe vriend van moeder", "een oom die af en toe logeert", "de ex-partner van vader", "een buurman die vaak over de vloer komt")
SECTOR_VELDEN: dict[str, dict[str, tuple[Any, ...]]] = {
    "onderwijs": {"onderwijstype": ("po", "so", "vo", "mbo", "ho"), "leerplichtambtenaarBetrokken": (True, False), "route": ("huiselijke_kring",)},
    "kinderopvang": {"opvangsoort": ("dagopvang", "bso", "gastouder", "peuteropvang"), "route": ("huiselijke_kring", "tussen_kinderen")},
    "jeugdhulp": {"hulpvorm": ("ambulant", "residentieel", "dagbehandeling"), "maatregel": ("geen", "ots", "voogdij")},
    "pleegzorg": {"maatregel": ("geen", "ots", "voogdij"), "pleeggezinBetrokken": (True, False)},
    "wijkteam": {"gemeente": ("Zwolle", "Deventer", "Utrecht", "Súdwest-Fryslân", "'s-Hertogenbosch"), "casusregie": (True, False)},
    "gezondheidszorg": {
        "beroep": ("huisarts", "jeugdarts", "medisch_specialist", "tandarts", "verloskundige", "ggz", "overig"),
        "letselduidingGeraadpleegd": (True, False),
    },
    "maatschappelijke_ondersteuning": {"betreftOudere": (True, False)},
    "justitie": {"organisatie": ("reclassering", "politie", "justitiele_jeugdinrichting", "overig")},
}
KENMERK_PREFIX = {
    "onderwijs": "VO",
    "kinderopvang": "KO",
    "jeugdhulp": "JH",
    "pleegzorg": "PZ",
    "wijkteam": "WT",
    "gezondheidszorg": "GZ",
    "maatschappelijke_ondersteuning": "MO",
    "justitie": "JUS",
}


# -- small helpers ---------------------------------------------------------------------------------
def iso(day: dt.date) -> str:
    return day.isoformat()


def days_before(rnd: random.Random, datum: dt.date, lo: int, hi: int) -> dt.date:
    """A date between ``hi`` and ``lo`` days before ``datum`` (so never after it)."""
    return datum - dt.timedelta(days=rnd.randint(lo, hi))


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def bsn_check_digit(first8: str) -> int | None:
    """The ninth digit that makes ``first8`` pass the elfproef, or ``None`` if no digit works."""
    total = sum(int(d) * w for d, w in zip(first8, range(9, 1, -1), strict=True))
    check = total % 11
    return None if check == 10 else check


def make_bsn(rnd: random.Random) -> str:
    """A random nine-digit number that passes the elfproef (9·d1 + … + 2·d8 − d9 ≡ 0 mod 11)."""
    while True:
        first8 = f"{rnd.randint(1, 99_999_999):08d}"
        check = bsn_check_digit(first8)
        if check is None or first8 == "00000000":
            continue
        return first8 + str(check)


def passes_elfproef(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit() or bsn == "000000000":
        return False
    return (sum(int(d) * w for d, w in zip(bsn[:8], range(9, 1, -1), strict=True)) - int(bsn[8])) % 11 == 0


def chance(rnd: random.Random, p: float) -> bool:
    # an integer draw: much cheaper than a float when hypothesis drives ``rnd``
    return rnd.randrange(100) < round(p * 100)


def subset(rnd: random.Random, items: list[str] | tuple[str, ...], lo: int = 1, hi: int | None = None) -> list[str]:
    """Distinct items, order kept, at least ``lo`` (if there are that many)."""
    items = list(dict.fromkeys(items))
    hi = len(items) if hi is None else min(hi, len(items))
    lo = min(lo, hi)
    pool = list(items)
    picked = [pool.pop(rnd.randrange(len(pool))) for _ in range(rnd.randint(lo, hi))]
    return sorted(picked, key=items.index)


def draw_datum(rnd: random.Random) -> dt.date:
    return EERSTE_DATUM + dt.timedelta(days=rnd.randint(0, (LAATSTE_DATUM - EERSTE_DATUM).days))


def naam(rnd: random.Random, voornamen: tuple[str, ...], achternaam: tuple[str | None, str] | None = None) -> dict[str, str]:
    voorvoegsel, geslachtsnaam = achternaam or rnd.choice(ACHTERNAMEN)
    out = {"voornamen": rnd.choice(voornamen)}
    if voorvoegsel:
        out["voorvoegsel"] = voorvoegsel
    out["geslachtsnaam"] = geslachtsnaam
    return out


def adres(rnd: random.Random, plaats: str) -> dict[str, Any]:
    out: dict[str, Any] = {"straat": rnd.choice(STRATEN), "huisnummer": rnd.randint(1, 250)}
    if chance(rnd, 0.2):
        out["huisletter"] = rnd.choice("abcABC")
    elif chance(rnd, 0.15):
        out["huisnummertoevoeging"] = rnd.choice(("1", "2", "bis", "A-1", "3 hg"))
    sep = rnd.choice(("", " "))
    out["postcode"] = f"{rnd.randint(1000, 9999)}{sep}{rnd.choice(POSTCODE_LETTERS)}{rnd.choice(POSTCODE_LETTERS)}"
    out["woonplaats"] = plaats
    return out


def telefoon(rnd: random.Random, netnummer: str) -> str:
    kind = rnd.randrange(5)
    rest = f"{rnd.randint(0, 10 ** (10 - len(netnummer)) - 1):0{10 - len(netnummer)}d}"
    if kind == 0:
        return f"06 {rnd.randint(10000000, 99999999)}"
    if kind == 1:
        return f"{netnummer}-{rest}"
    if kind == 2:
        return f"+31 (0){netnummer[1:]} {rest[:3]} {rest[3:]}"
    if kind == 3:
        return f"+31 6 {rnd.randint(10000000, 99999999)}"
    return f"14 {netnummer}"


def unique_id(base: str, taken: set[str]) -> str:
    base = "".join(ch for ch in base.lower() if ch.isascii() and (ch.isalnum() or ch in "_-")) or "persoon"
    if not base[0].isalpha():
        base = "p" + base
    base = base[:28]
    candidate, n = base, 2
    while candidate in taken or candidate == "melder":
        candidate, n = f"{base}{n}", n + 1
    taken.add(candidate)
    return candidate


# -- the document ----------------------------------------------------------------------------------
def make_document(
    rnd: random.Random,
    *,
    soort: str | None = None,
    sector: str | None = None,
    datum: dt.date | None = None,
) -> dict[str, Any]:
    """One valid, realistic, fictional melding (or adviesvraag, or — when asked — dossiernotitie) drawn from ``rnd``."""
    soort = soort or rnd.choice(SOORTEN)
    sector = sector or rnd.choice(SECTOREN)
    if soort == "dossiernotitie" and sector in SECTOREN:
        return as_dossiernotitie(make_document(rnd, soort="melding", sector=sector, datum=datum))
    if soort not in SOORTEN or sector not in SECTOREN:
        raise ValueError(f"unknown soort/sector {soort!r}/{sector!r}")
    datum = datum or draw_datum(rnd)
    melding = soort == "melding"
    plaats, netnummer = rnd.choice(PLAATSEN)

    doc: dict[str, Any] = {
        "schemaVersie": "1.1",
        "soort": soort,
        "sector": sector,
        "kenmerk": f"{KENMERK_PREFIX[sector]}{rnd.choice(('-', '.', '_'))}{datum.year}-{rnd.randint(1, 9999):04d}",
        "datum": iso(datum),
        "melder": _melder(rnd, sector, plaats, netnummer),
    }
    betrokkenen, kind_ids, volw_ids = _betrokkenen(rnd, melding, datum, plaats, netnummer)
    doc["betrokkenen"] = betrokkenen
    ids = kind_ids + volw_ids
    doc["zorgen"] = _zorgen(rnd, datum, ids)
    doc["stappen"] = _stappen(rnd, melding, datum, ids)
    afweging, reasons = _afweging(rnd, melding, datum, ids)
    doc["afweging"] = afweging
    if melding or chance(rnd, 0.4):
        doc["besluit"] = _besluit(rnd, reasons)
    if melding or chance(rnd, 0.3):
        doc["betrokkenheidOuders"] = _betrokkenheid_ouders(rnd, datum)
    if melding or chance(rnd, 0.3):
        doc["verwachtingVeiligThuis"] = _verwachting(rnd)
    doc["eerdereBetrokkenheidVeiligThuis"] = _eerdere_betrokkenheid(rnd, melding, datum)
    if soort == "advies" and chance(rnd, 0.8):
        doc["adviesvraag"] = {"vraag": rnd.choice(("Is melden nodig?", "Wat kan ik zelf doen, en hoe bespreek ik dit met de ouders?"))}
    if chance(rnd, 0.7):
        velden = SECTOR_VELDEN[sector]
        doc["sectorSpecifiek"] = {key: rnd.choice(velden[key]) for key in subset(rnd, tuple(velden), lo=0)}
    return doc


def as_dossiernotitie(doc: dict[str, Any]) -> dict[str, Any]:
    """A melding recorded instead as "hulp bieden, niet melden": no unsafety, help offered, a date to re-check question 5."""
    doc["soort"] = "dossiernotitie"
    doc.pop("verwachtingVeiligThuis", None)
    afweging = doc["afweging"]
    afweging["acuteOnveiligheid"] = False
    afweging["structureleOnveiligheid"] = False
    afweging.pop("twijfelOnveiligheid", None)
    for key in ("hulpMogelijk", "hulpAanvaard", "hulpResultaat"):
        if afweging.get(key) is False:
            afweging[key] = True
    datum = dt.date.fromisoformat(doc["datum"])
    doc["besluit"] = {
        "melden": False,
        "hulpBieden": True,
        "toelichting": "Geen acute of structurele onveiligheid; wij bieden zelf hulp en kijken na zes weken opnieuw.",
        "datum": iso(datum),
        "herbeoordelingsdatum": iso(datum + dt.timedelta(days=42)),
    }
    return doc


def make_documents(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """``n`` documents from one seeded ``random.Random`` (deterministic)."""
    rnd = random.Random(seed)
    for _ in range(n):
        yield make_document(rnd)


def _melder(rnd: random.Random, sector: str, plaats: str, netnummer: str) -> dict[str, Any]:
    organisaties, functies = ORGANISATIES[sector]
    voornamen = rnd.choice((VROUWENNAMEN, MANNENNAMEN))
    melder: dict[str, Any] = {
        "naam": naam(rnd, voornamen),
        "functie": rnd.choice(functies),
        "organisatie": {"naam": rnd.choice(organisaties)},
        "telefoon": telefoon(rnd, netnummer),
    }
    if chance(rnd, 0.6):
        melder["organisatie"]["vestiging"] = f"locatie {plaats}"
    if chance(rnd, 0.7):
        voor = melder["naam"]["voornamen"][0].lower()
        achter = melder["naam"]["geslachtsnaam"].lower()
        melder["email"] = f"{voor}.{achter}@{rnd.choice(('voorbeeld.nl', 'school-voorbeeld.nl', 'zorg.voorbeeld.nl'))}"
    if chance(rnd, 0.5):
        melder["bereikbaarheid"] = rnd.choice(("ma–do 8.30–16.00 uur", "dagelijks tot 17.00 uur", "di en do, via het secretariaat"))
    if chance(rnd, 0.6):
        melder["identiteitAfschermen"] = chance(rnd, 0.25)
        if melder["identiteitAfschermen"]:
            melder["redenAfschermen"] = rnd.choice(("veiligheid_betrokkenen", "veiligheid_melder", "vertrouwensrelatie"))
    return melder


def _betrokkenen(rnd: random.Random, melding: bool, datum: dt.date, plaats: str, netnummer: str) -> tuple[dict[str, Any], list[str], list[str]]:
    taken: set[str] = set()
    familienaam = rnd.choice(ACHTERNAMEN)
    kinderen: list[dict[str, Any]] = []
    n_kinderen = rnd.randint(1, 4)
    ongeboren_index = rnd.randrange(n_kinderen) if chance(rnd, 0.2) else None
    for index in range(n_kinderen):
        if index == ongeboren_index:
            kinderen.append(_ongeboren(rnd, melding, datum, taken))
        else:
            kinderen.append(_kind(rnd, melding, datum, familienaam, plaats, taken, index))
    volwassenen = [_volwassene(rnd, melding, datum, familienaam, plaats, netnummer, taken, index) for index in range(rnd.randint(0, 3))]

    kind_ids = [k["id"] for k in kinderen]
    volw_ids = [v["id"] for v in volwassenen]
    out: dict[str, Any] = {}
    if kinderen or chance(rnd, 0.5):
        out["kinderen"] = kinderen
    if volwassenen or chance(rnd, 0.3):
        out["volwassenen"] = volwassenen
    if volw_ids and chance(rnd, 0.7):
        out["vermoedelijkePlegers"] = subset(rnd, volw_ids, hi=2)
    if chance(rnd, 0.7):
        out["slachtoffers"] = subset(rnd, kind_ids + volw_ids, hi=3)
    if chance(rnd, 0.5):
        out["betrokkenHulpverleners"] = [_hulpverlener(rnd, melding, netnummer) for _ in range(rnd.randint(1, 2))]
    return out, kind_ids, volw_ids


def _ongeboren(rnd: random.Random, melding: bool, datum: dt.date, taken: set[str]) -> dict[str, Any]:
    kind: dict[str, Any] = {
        "id": unique_id(rnd.choice(("ongeboren", "baby", "ongeboren_kind")), taken),
        "ongeboren": True,
        "uitgerekendeDatum": iso(datum + dt.timedelta(days=rnd.randint(-30, 300))),
    }
    if chance(rnd, 0.5):
        kind["geslacht"] = rnd.choice(("onbekend", "man", "vrouw"))
    return kind


def _kind(rnd: random.Random, melding: bool, datum: dt.date, familienaam: tuple[str | None, str], plaats: str, taken: set[str], index: int) -> dict[str, Any]:
    geslacht = rnd.choice(("man", "vrouw", "man", "vrouw", "anders", "onbekend"))
    voornamen = JONGENSNAMEN if geslacht == "man" else MEISJESNAMEN if geslacht == "vrouw" else rnd.choice((JONGENSNAMEN, MEISJESNAMEN))
    # 6570 days is less than 18 years, so the child is at most 17 on datum.
    geboorte = days_before(rnd, datum, 0, 6570)
    leeftijd = age_on(geboorte, datum)
    if not melding:
        kind: dict[str, Any] = {"id": unique_id(f"kind{index + 1}", taken)}
        if chance(rnd, 0.8):
            kind["leeftijd"] = leeftijd
        if chance(rnd, 0.8):
            kind["geslacht"] = geslacht
        return kind
    name = naam(rnd, voornamen, familienaam if chance(rnd, 0.85) else None)
    kind = {"id": unique_id(name["voornamen"], taken), "naam": name}
    choice = rnd.randrange(3)
    if choice in (0, 2):
        kind["geboortedatum"] = iso(geboorte)
    if choice in (1, 2):
        kind["leeftijd"] = leeftijd
    kind["geslacht"] = geslacht
    if chance(rnd, 0.5):
        kind["burgerservicenummer"] = make_bsn(rnd)
    if chance(rnd, 0.2):
        kind["adres"] = adres(rnd, plaats)
    if leeftijd >= 2 and chance(rnd, 0.6):
        kind["schoolOfOpvang"] = rnd.choice(
            ("basisschool De Regenboog", "Stedelijk Lyceum, klas 2b", "BSO De Speeltuin", "kinderdagverblijf Het Kompas", "ROC Oost, niveau 2")
        )
    return kind


def _volwassene(
    rnd: random.Random, melding: bool, datum: dt.date, familienaam: tuple[str | None, str], plaats: str, netnummer: str, taken: set[str], index: int
) -> dict[str, Any]:
    rol = rnd.choice(ROLLEN)
    geslacht = rnd.choice(("vrouw", "man", "vrouw", "man", "onbekend"))
    leeftijd = rnd.randint(65, 90) if rol == "grootouder" else rnd.randint(17, 60)
    if not melding:
        pid = unique_id(rnd.choice(("moeder", "vader", "ouder", "partner", "volwassene")) if rol != "grootouder" else "oma", taken)
        volw: dict[str, Any] = {"id": pid, "rol": rol}
        if rol in ("ouder", "pleegouder", "verzorger") and chance(rnd, 0.7):
            volw["gezag"] = chance(rnd, 0.8)
        if chance(rnd, 0.6):
            volw["geslacht"] = geslacht
        if chance(rnd, 0.5):
            volw["leeftijd"] = leeftijd
        if chance(rnd, 0.2):
            volw["naamOnbekend"] = True
        return volw
    if chance(rnd, 0.15):
        # an adult whose name the melder does not know, e.g. "de nieuwe vriend van moeder"
        volw = {
            "id": unique_id(rnd.choice(("vriend", "onbekende", "bezoeker")), taken),
            "rol": rol,
            "naamOnbekend": True,
            "omschrijving": rnd.choice(OMSCHRIJVINGEN),
        }
        if chance(rnd, 0.5):
            volw["leeftijd"] = leeftijd
        if chance(rnd, 0.5):
            volw["geslacht"] = geslacht
        return volw
    voornamen = VROUWENNAMEN if geslacht == "vrouw" else MANNENNAMEN if geslacht == "man" else rnd.choice((VROUWENNAMEN, MANNENNAMEN))
    name = naam(rnd, voornamen, familienaam if chance(rnd, 0.5) else None)
    base = {"vrouw": "moeder", "man": "vader"}.get(geslacht, "ouder") if rol == "ouder" else rol
    volw = {"id": unique_id(base if chance(rnd, 0.5) else name["voornamen"], taken), "rol": rol}
    if rol in ("ouder", "pleegouder", "verzorger", "stiefouder"):
        volw["gezag"] = rol != "stiefouder" and chance(rnd, 0.85)
    volw["naam"] = name
    if chance(rnd, 0.1):
        volw["naamOnbekend"] = False
    geboorte = datum - dt.timedelta(days=leeftijd * 365 + rnd.randint(0, 300))
    choice = rnd.randrange(3)
    if choice in (0, 2):
        volw["geboortedatum"] = iso(geboorte)
    if choice in (1, 2):
        volw["leeftijd"] = max(10, min(120, age_on(geboorte, datum)))
    volw["geslacht"] = geslacht
    if chance(rnd, 0.4):
        volw["burgerservicenummer"] = make_bsn(rnd)
    if chance(rnd, 0.6):
        volw["adres"] = adres(rnd, plaats)
    if chance(rnd, 0.5):
        volw["telefoon"] = telefoon(rnd, netnummer)
    return volw


def _hulpverlener(rnd: random.Random, melding: bool, netnummer: str) -> dict[str, Any]:
    functie, organisatie = rnd.choice(HULPVERLENERS)
    out: dict[str, Any] = {}
    if melding and chance(rnd, 0.7):
        voorvoegsel, achternaam = rnd.choice(ACHTERNAMEN)
        out["naam"] = " ".join(filter(None, (f"{rnd.choice('ABCDEFGHJKLMNPRSTW')}.", voorvoegsel, achternaam)))
    if chance(rnd, 0.8):
        out["organisatie"] = organisatie
    out["functie"] = functie
    if melding and chance(rnd, 0.5):
        out["telefoon"] = telefoon(rnd, netnummer)
    return out


def _zorgen(rnd: random.Random, datum: dt.date, ids: list[str]) -> dict[str, Any]:
    zorgen: dict[str, Any] = {"aardGeweld": subset(rnd, AARD_GEWELD, hi=3)}
    signalen = []
    for omschrijving in subset(rnd, SIGNALEN, hi=4):
        signaal: dict[str, Any] = {"omschrijving": omschrijving}
        if chance(rnd, 0.8):
            signaal["datum"] = iso(days_before(rnd, datum, 0, 120))
        if chance(rnd, 0.8):
            signaal["bron"] = rnd.choice(BRONNEN)
        if chance(rnd, 0.7):
            signaal["betreft"] = subset(rnd, ids, hi=3)
        signalen.append(signaal)
    zorgen["signalen"] = signalen
    if chance(rnd, 0.6):
        zorgen["risicofactoren"] = subset(rnd, RISICOFACTOREN, lo=0, hi=3)
    if chance(rnd, 0.6):
        zorgen["beschermendeFactoren"] = subset(rnd, BESCHERMENDE_FACTOREN, lo=0, hi=3)
    if chance(rnd, 0.5):
        zorgen["leefgebieden"] = {
            key: rnd.choice(("Spanning in huis, volgens het kind bijna dagelijks.", "Geen bijzonderheden bekend.", "Zorgen; zie de signalen.", "Onbekend."))
            for key in subset(rnd, LEEFGEBIEDEN, lo=1, hi=4)
        }
    if chance(rnd, 0.5):
        zorgen["eerderAangesproken"] = {"status": rnd.choice(("ja", "nee", "onbekend"))}
        if chance(rnd, 0.6):
            zorgen["eerderAangesproken"]["toelichting"] = "Voor zover bekend heeft niemand dit eerder besproken met de betrokkene."
    return zorgen


def _stappen(rnd: random.Random, melding: bool, datum: dt.date, ids: list[str]) -> dict[str, Any]:
    stappen: dict[str, Any] = {}
    if chance(rnd, 0.4):
        stappen["signalenInKaart"] = {"datum": iso(days_before(rnd, datum, 30, 90))}
        if chance(rnd, 0.5):
            stappen["signalenInKaart"]["toelichting"] = "Signalen vastgelegd in het leerlingdossier en besproken in het zorgteam."
    if chance(rnd, 0.7):
        consultaties = []
        for _ in range(rnd.choice((1, 1, 2, 3))):
            cc: dict[str, Any] = {}
            if chance(rnd, 0.8):
                cc["datum"] = iso(days_before(rnd, datum, 1, 60))
            if chance(rnd, 0.8):
                cc["metWie"] = subset(
                    rnd, ("intern begeleider", "zorgcoördinator", "schoolmaatschappelijk werker", "aandachtsfunctionaris", "teamleider", "jeugdarts"), hi=3
                )
            if chance(rnd, 0.6):
                cc["multidisciplinair"] = chance(rnd, 0.5)
            if chance(rnd, 0.7) or not cc:
                cc["uitkomst"] = "Signalen zorgelijk; advies vragen bij Veilig Thuis en in gesprek gaan met ouders."
            consultaties.append(cc)
        stappen["collegialeConsultatie"] = sorted(consultaties, key=lambda c: c.get("datum", ""))
    if melding or chance(rnd, 0.2):
        adviezen = []
        if chance(rnd, 0.6):
            for _ in range(rnd.choice((1, 1, 2))):
                advies: dict[str, Any] = {"datum": iso(days_before(rnd, datum, 0, 45))}
                if chance(rnd, 0.4):
                    advies["vraag"] = "Is melden nodig, en hoe bespreek ik dit met de ouders?"
                if chance(rnd, 0.7):
                    advies["advies"] = "Gesprek met ouders voeren en bij aanhoudende signalen melden."
                if chance(rnd, 0.3):
                    advies["anoniem"] = True
                if chance(rnd, 0.2):
                    advies["kenmerkAdviesvraag"] = f"ADV-{rnd.randint(1, 9999):04d}"
                adviezen.append(advies)
        elif chance(rnd, 0.3):
            stappen["redenGeenAdviesVeiligThuis"] = "Acuut gevaar: direct gemeld."
        stappen["adviesVeiligThuis"] = sorted(adviezen, key=lambda a: a["datum"])
    gevoerd = chance(rnd, 0.7)
    gesprek: dict[str, Any] = {"gevoerd": gevoerd}
    if gevoerd:
        gesprek["datum"] = iso(days_before(rnd, datum, 0, 30))
        if chance(rnd, 0.7):
            gesprek["metWie"] = subset(rnd, ids, hi=2)
        if chance(rnd, 0.7):
            gesprek["reactie"] = rnd.choice(("Erkent de spanningen maar wil geen hulp.", "Schrok, en wil meewerken aan hulp.", "Ontkent de signalen."))
    else:
        gesprek["redenGeenGesprek"] = rnd.choice(REDENEN)
        if chance(rnd, 0.6):
            gesprek["toelichting"] = "Een gesprek zou de veiligheid van het kind in gevaar brengen."
    stappen["gesprekMetClient"] = gesprek
    return stappen


def _afweging(rnd: random.Random, melding: bool, datum: dt.date, ids: list[str]) -> tuple[dict[str, Any], bool]:
    """The afweging, and whether the afwegingskader requires melden."""
    acuut = chance(rnd, 0.2)
    structureel = chance(rnd, 0.5)
    afweging: dict[str, Any] = {
        "vermoeden": chance(rnd, 0.9) if melding else chance(rnd, 0.7),
        "acuteOnveiligheid": acuut,
        "structureleOnveiligheid": structureel,
    }
    vragen = ("hulpMogelijk", "hulpAanvaard", "hulpResultaat")
    if not acuut and not structureel:
        answers: list[bool | None] = [rnd.choice((True, False, None)) for _ in vragen]
        if melding and False not in answers:
            # a melding must be required by the framework: some question answered "no"
            answers[rnd.randrange(3)] = False
        for key, answer in zip(vragen, answers, strict=True):
            if answer is not None or chance(rnd, 0.5):
                afweging[key] = answer
    elif chance(rnd, 0.2):
        # answered anyway (kept and shown, not a rule)
        afweging[rnd.choice(vragen)] = rnd.choice((True, False, None))
    afweging["toelichting"] = rnd.choice(
        (
            "Het kind is structureel getuige van partnergeweld; moeder wijst hulp af.",
            "Er zijn zorgen over verwaarlozing; ouders staan open voor hulp, maar het resultaat is onzeker.",
            "Letsel zonder passende verklaring; acute zorgen over de veiligheid.",
            "Signalen passen bij ouderenmishandeling; de cliënt durft geen hulp te aanvaarden.",
        )
    )
    if chance(rnd, 0.5):
        wie = [*subset(rnd, ids, hi=3), *(["melder"] if chance(rnd, 0.5) else [])]
        cijfers = []
        for betrokkene in wie:
            cijfer: dict[str, Any] = {"betrokkene": betrokkene, "cijfer": rnd.randint(0, 10)}
            if chance(rnd, 0.7):
                cijfer["datum"] = iso(days_before(rnd, datum, 0, 30))
            cijfers.append(cijfer)
        afweging["veiligheidscijfers"] = cijfers
    if chance(rnd, 0.4):
        instrumenten = []
        for naam_ in subset(rnd, INSTRUMENTEN, hi=2):
            instrument: dict[str, Any] = {"naam": naam_}
            if naam_ == "overig":
                instrument["naamOverig"] = rnd.choice(("Signalenlijst van de school", "eigen risicotaxatie", "Kindcheck"))
            if chance(rnd, 0.6):
                instrument["datum"] = iso(days_before(rnd, datum, 0, 30))
            if chance(rnd, 0.6):
                instrument["uitkomst"] = "Verhoogd risico."
            instrumenten.append(instrument)
        afweging["instrumenten"] = instrumenten
    required = acuut or structureel or any(afweging.get(key) is False for key in vragen)
    return afweging, required


def _besluit(rnd: random.Random, required: bool) -> dict[str, Any]:
    melden = True if required else chance(rnd, 0.5)
    return {
        "melden": melden,
        "hulpBieden": chance(rnd, 0.6),
        "toelichting": "Melden vanwege de onveiligheid; wij blijven betrokken."
        if melden
        else "Nog geen melding; eerst hulp organiseren en de veiligheid volgen.",
    }


def _betrokkenheid_ouders(rnd: random.Random, datum: dt.date) -> dict[str, Any]:
    geinformeerd = chance(rnd, 0.7)
    out: dict[str, Any] = {"geinformeerd": geinformeerd}
    if geinformeerd:
        if chance(rnd, 0.8):
            out["datum"] = iso(days_before(rnd, datum, 0, 10))
        if chance(rnd, 0.6):
            out["reactie"] = rnd.choice(("Moeder schrok, maar begrijpt de zorgen.", "Vader is boos en ontkent.", "Ouders willen meewerken."))
    else:
        out["redenNietGeinformeerd"] = rnd.choice(REDENEN)
    if chance(rnd, 0.5):
        out["meegenomenInMelding"] = geinformeerd and chance(rnd, 0.6)
    if geinformeerd and chance(rnd, 0.4):
        out["eigenVerwachting"] = "Hulp bij de opvoeding; geen uithuisplaatsing."
    return out


def _verwachting(rnd: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {
        "verwachtingen": subset(rnd, VERWACHTINGEN, hi=3),
        "toelichting": "Wij verwachten dat Veilig Thuis de veiligheid beoordeelt; wij blijven betrokken bij het gezin.",
    }
    if chance(rnd, 0.6):
        out["besprokenMetOuders"] = chance(rnd, 0.5)
    if chance(rnd, 0.7):
        out["eigenRolNaMelding"] = rnd.choice(("hulp_continueren", "betrokken_blijven", "overdragen", "geen_rol"))
    if chance(rnd, 0.7):
        out["terugkoppelingGewenst"] = chance(rnd, 0.8)
    return out


def _eerdere_betrokkenheid(rnd: random.Random, melding: bool, datum: dt.date) -> dict[str, Any]:
    status = rnd.choice(("ja", "nee", "onbekend"))
    out: dict[str, Any] = {"status": status}
    if chance(rnd, 0.6):
        out["bron"] = rnd.choice(("navraag_ouders", "navraag_veilig_thuis", "eigen_dossier", "andere_professional"))
    if status == "ja":
        contacten = []
        for _ in range(rnd.randint(1, 3)):
            contact: dict[str, Any] = {"datum": iso(days_before(rnd, datum, 30, 3650)), "soort": rnd.choice(("melding", "advies"))}
            if chance(rnd, 0.7):
                contact["doorWie"] = rnd.choice(("eigen_organisatie", "andere_organisatie", "onbekend"))
            if melding and chance(rnd, 0.6):
                contact["dossiernummer"] = f"VT-{rnd.randint(2016, datum.year)}-{rnd.randint(100, 99999)}"
            if chance(rnd, 0.6):
                contact["functie"] = rnd.choice(("radar", "veiligheidsbeoordeling", "onderzoek", "monitoring", "onbekend"))
            if chance(rnd, 0.5):
                contact["uitkomst"] = "Overgedragen aan het wijkteam."
            contacten.append(contact)
        out["eerdereContacten"] = contacten
    elif chance(rnd, 0.2):
        out["eerdereContacten"] = []
    return out


# -- mutations: one problem each -------------------------------------------------------------------
# A mutation turns a valid generated document into one with exactly one problem. ``prepare``
# (optional) first reshapes the document into a variant that is still valid (e.g. "the gesprek was
# not held", "there is an unborn child"); ``apply`` then breaks one thing and returns the JSON
# pointer where the finding is expected. The code is what melding-1.0.md (and cli.md for the
# structural codes) implies.

RULE_CODES = frozenset(
    {
        # the rule table of melding-1.0.md; every other code is structural (from the schema)
        "elfproef",
        "datum_toekomst",
        "onbekende_betrokkene",
        "dubbele_betrokkene",
        "kind_meerderjarig",
        "advies_identificerend",
        "melden_verplicht",
        "besluit_niet_melden",
        "geen_vermoeden",
        "acuut_telefonisch",
        "hermelding",
        "veiligheidscijfers_uiteenlopend",
        "advies_vt_gezondheidszorg",
        "geen_vertrouwensinspecteur",
        "uitgerekende_datum",
    }
)

Doc = dict[str, Any]
Parts = tuple[str | int, ...]


@dataclass(frozen=True)
class Mutation:
    name: str
    code: str
    apply: Callable[[Doc, random.Random], str]
    soort: str | None = None
    sector: str | None = None
    prepare: Callable[[Doc, random.Random], None] | None = None
    datum: dt.date | None = None

    @property
    def structural(self) -> bool:
        return self.code not in RULE_CODES

    def document(self, rnd: random.Random) -> Doc:
        """A valid document of the variant this mutation needs, already prepared."""
        doc = make_document(rnd, soort=self.soort, sector=self.sector, datum=self.datum)
        if self.prepare is not None:
            self.prepare(doc, rnd)
        return doc

    def __repr__(self) -> str:
        return self.name


def pointer(parts: Parts | list[str | int]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def get(doc: Any, parts: Parts) -> Any:
    for part in parts:
        doc = doc[part]
    return doc


def person_ids(doc: Doc) -> set[str]:
    b = doc["betrokkenen"]
    return {p["id"] for group in ("kinderen", "volwassenen") for p in b.get(group, [])}


def fresh_id(doc: Doc, base: str = "extra") -> str:
    return unique_id(base, set(person_ids(doc)))


def doc_datum(doc: Doc) -> dt.date:
    return dt.date.fromisoformat(doc["datum"])


def new_adult(doc: Doc, pid: str) -> dict[str, Any]:
    adult: dict[str, Any] = {"id": pid, "rol": "grootouder"}
    if doc["soort"] == "melding":
        adult["naam"] = {"voornamen": "Hans", "geslachtsnaam": "Kramer"}
        adult["leeftijd"] = 68
    return adult


def new_child(doc: Doc, pid: str) -> dict[str, Any]:
    child: dict[str, Any] = {"id": pid}
    if doc["soort"] == "melding":
        child["naam"] = {"voornamen": "Mees", "geslachtsnaam": "Kramer"}
    child["leeftijd"] = 9
    return child


# prepare helpers: each leaves the document valid and returns the path of what it made sure of
def born_child(doc: Doc, rnd: random.Random | None = None) -> Parts:
    """A born child (replacing an unborn one, same id, if there is no other)."""
    kinderen = doc["betrokkenen"]["kinderen"]
    for index, kind in enumerate(kinderen):
        if not kind.get("ongeboren"):
            return ("betrokkenen", "kinderen", index)
    kinderen[0] = new_child(doc, kinderen[0]["id"])
    return ("betrokkenen", "kinderen", 0)


def child_with(doc: Doc, key: str, value: Any) -> Parts:
    parts = born_child(doc)
    get(doc, parts)[key] = value
    return parts


def child_with_bsn(doc: Doc) -> Parts:
    parts = born_child(doc)
    get(doc, parts).setdefault("burgerservicenummer", "123456782")
    return parts


def unborn_child(doc: Doc) -> Parts:
    kinderen = doc["betrokkenen"]["kinderen"]
    for index, kind in enumerate(kinderen):
        if kind.get("ongeboren"):
            kind["uitgerekendeDatum"] = iso(doc_datum(doc) + dt.timedelta(days=100))
            return ("betrokkenen", "kinderen", index)
    kinderen.append({"id": fresh_id(doc, "ongeboren"), "ongeboren": True, "uitgerekendeDatum": iso(doc_datum(doc) + dt.timedelta(days=100))})
    return ("betrokkenen", "kinderen", len(kinderen) - 1)


def an_adult(doc: Doc) -> Parts:
    """An adult (in a melding: a named one)."""
    volwassenen = doc["betrokkenen"].setdefault("volwassenen", [])
    for index, adult in enumerate(volwassenen):
        if doc["soort"] != "melding" or "naam" in adult:
            return ("betrokkenen", "volwassenen", index)
    volwassenen.append(new_adult(doc, fresh_id(doc, "opa")))
    return ("betrokkenen", "volwassenen", len(volwassenen) - 1)


def unnamed_adult(doc: Doc) -> Parts:
    volwassenen = doc["betrokkenen"].setdefault("volwassenen", [])
    for index, adult in enumerate(volwassenen):
        if adult.get("naamOnbekend") is True and "omschrijving" in adult:
            return ("betrokkenen", "volwassenen", index)
    volwassenen.append({"id": fresh_id(doc, "vriend"), "rol": "partner", "naamOnbekend": True, "omschrijving": "de nieuwe vriend van moeder"})
    return ("betrokkenen", "volwassenen", len(volwassenen) - 1)


def adult_with_bsn(doc: Doc) -> Parts:
    parts = an_adult(doc)
    get(doc, parts).setdefault("burgerservicenummer", "111222333")
    return parts


def hulpverlener(doc: Doc) -> Parts:
    lijst = doc["betrokkenen"].setdefault("betrokkenHulpverleners", [])
    if not lijst:
        lijst.append({"organisatie": "GGD (fictief)", "functie": "jeugdverpleegkundige"})
    return ("betrokkenen", "betrokkenHulpverleners", 0)


def gesprek_gevoerd(doc: Doc, rnd: random.Random | None = None) -> None:
    gesprek = doc["stappen"]["gesprekMetClient"]
    if not gesprek["gevoerd"]:
        gesprek.clear()
        gesprek.update({"gevoerd": True, "datum": doc["datum"]})


def gesprek_niet_gevoerd(doc: Doc, rnd: random.Random | None = None) -> None:
    doc["stappen"]["gesprekMetClient"] = {"gevoerd": False, "redenGeenGesprek": "veiligheid_client"}


def afschermen(doc: Doc, rnd: random.Random | None = None) -> None:
    doc["melder"]["identiteitAfschermen"] = True
    doc["melder"].setdefault("redenAfschermen", "veiligheid_melder")


def niet_geinformeerd(doc: Doc, rnd: random.Random | None = None) -> None:
    doc["betrokkenheidOuders"] = {"geinformeerd": False, "redenNietGeinformeerd": "veiligheid_client"}


def geinformeerd(doc: Doc, rnd: random.Random | None = None) -> None:
    doc["betrokkenheidOuders"] = {"geinformeerd": True, "datum": doc["datum"]}


def advies_gevraagd(doc: Doc, rnd: random.Random | None = None) -> None:
    doc["stappen"]["adviesVeiligThuis"] = [{"datum": doc["datum"]}]


def instrument_overig(doc: Doc, rnd: random.Random | None = None) -> None:
    doc["afweging"]["instrumenten"] = [{"naam": "overig", "naamOverig": "Kindcheck", "datum": doc["datum"]}]


def eerder_betrokken(doc: Doc, rnd: random.Random | None = None) -> None:
    datum = doc_datum(doc)
    eb = doc["eerdereBetrokkenheidVeiligThuis"]
    if eb["status"] != "ja" or not eb.get("eerdereContacten"):
        eb["status"] = "ja"
        eb["eerdereContacten"] = [{"datum": iso(datum - dt.timedelta(days=400)), "soort": "advies", "doorWie": "eigen_organisatie"}]


def niet_eerder_betrokken(doc: Doc, rnd: random.Random | None = None) -> None:
    doc["eerdereBetrokkenheidVeiligThuis"] = {"status": "nee"}


def signaal_met_datum(doc: Doc, rnd: random.Random | None = None) -> None:
    doc["zorgen"]["signalen"][0]["datum"] = doc["datum"]


def consultatie(doc: Doc, rnd: random.Random | None = None) -> None:
    doc["stappen"]["collegialeConsultatie"] = [{"datum": doc["datum"], "metWie": ["intern begeleider"]}]


def cijfer(doc: Doc, rnd: random.Random | None = None) -> None:
    pid = get(doc, born_child(doc))["id"]
    doc["afweging"]["veiligheidscijfers"] = [{"betrokkene": pid, "cijfer": 4, "datum": doc["datum"]}]


def geen_reden_om_te_melden(doc: Doc, rnd: random.Random | None = None) -> None:
    af = doc["afweging"]
    af.update({"acuteOnveiligheid": False, "structureleOnveiligheid": False, "hulpMogelijk": True, "hulpAanvaard": True})
    af.pop("hulpResultaat", None)
    doc["besluit"]["melden"] = True


def zonder_verwijzingen(doc: Doc, rnd: random.Random | None = None) -> None:
    b = doc["betrokkenen"]
    b.pop("vermoedelijkePlegers", None)
    b.pop("slachtoffers", None)
    for signaal in doc["zorgen"]["signalen"]:
        signaal.pop("betreft", None)
    doc["stappen"]["gesprekMetClient"].pop("metWie", None)
    doc["afweging"].pop("veiligheidscijfers", None)


def met_sector_specifiek(doc: Doc, rnd: random.Random | None = None) -> None:
    doc.setdefault("sectorSpecifiek", {})


def uitgerekend_midden(doc: Doc, rnd: random.Random | None = None) -> None:
    """Move every due date to datum + 100 days, safely inside the allowed window."""
    for kind in doc["betrokkenen"]["kinderen"]:
        if kind.get("ongeboren"):
            kind["uitgerekendeDatum"] = iso(doc_datum(doc) + dt.timedelta(days=100))


def both(*fns: Callable[[Doc, random.Random], Any]) -> Callable[[Doc, random.Random], None]:
    def run(doc: Doc, rnd: random.Random) -> None:
        for fn in fns:
            fn(doc, rnd)

    return run


# apply helpers
def drop(*parts: str | int) -> Callable[[Doc, random.Random], str]:
    def run(doc: Doc, rnd: random.Random) -> str:
        del get(doc, parts[:-1])[parts[-1]]
        return pointer(parts)

    return run


def put(*parts: str | int, value: Any) -> Callable[[Doc, random.Random], str]:
    """Set (or add) the value at ``parts``; the finding is expected there."""

    def run(doc: Doc, rnd: random.Random) -> str:
        get(doc, parts[:-1])[parts[-1]] = value(doc) if callable(value) else value
        return pointer(parts)

    return run


def append(*parts: str | int, value: Any, at: Parts = ()) -> Callable[[Doc, random.Random], str]:
    """Append to the list at ``parts`` (made if absent); the finding is expected at the new item (+ ``at``)."""

    def run(doc: Doc, rnd: random.Random) -> str:
        lst = get(doc, parts[:-1]).setdefault(parts[-1], [])
        lst.append(value(doc) if callable(value) else value)
        return pointer((*parts, len(lst) - 1, *at))

    return run


def on(locate: Callable[[Doc], Parts], key: str, value: Any = None, *, delete: bool = False) -> Callable[[Doc, random.Random], str]:
    """Change ``key`` of the object that ``locate`` finds (and makes sure of)."""

    def run(doc: Doc, rnd: random.Random) -> str:
        parts = locate(doc)
        target = get(doc, parts)
        if delete:
            del target[key]
        else:
            target[key] = value(doc, target) if callable(value) else value
        return pointer((*parts, key))

    return run


def _drop_keys(target: dict[str, Any], *keys: str) -> None:
    for key in keys:
        target.pop(key, None)


def at_object(locate: Callable[[Doc], Parts], fn: Callable[[Doc, dict[str, Any]], None]) -> Callable[[Doc, random.Random], str]:
    """Change the object that ``locate`` finds; the finding is expected at the object itself."""

    def run(doc: Doc, rnd: random.Random) -> str:
        parts = locate(doc)
        fn(doc, get(doc, parts))
        return pointer(parts)

    return run


def shift(days: int) -> Callable[[Doc], str]:
    return lambda doc: iso(doc_datum(doc) + dt.timedelta(days=days))


def years_ago(years: int) -> Callable[[Doc, Any], str]:
    def value(doc: Doc, target: Any = None) -> str:
        datum = doc_datum(doc)
        try:
            return iso(datum.replace(year=datum.year - years))
        except ValueError:
            return iso(datum.replace(year=datum.year - years, day=28))

    return value


def wrong_last_digit(doc: Doc, target: dict[str, Any]) -> str:
    bsn: str = target["burgerservicenummer"]
    return bsn[:8] + str((int(bsn[8]) + 1) % 10)


def other_sector_key(doc: Doc, rnd: random.Random) -> str:
    own = SECTOR_VELDEN[doc["sector"]]
    candidates = sorted(
        {(key, values[0]) for sector, velden in SECTOR_VELDEN.items() if sector != doc["sector"] for key, values in velden.items() if key not in own}
    )
    key, value = rnd.choice(candidates)
    doc.setdefault("sectorSpecifiek", {})[key] = value
    return pointer(("sectorSpecifiek", key))


def copy_of(group: str, locate: Callable[[Doc], Parts]) -> Callable[[Doc, random.Random], str]:
    def run(doc: Doc, rnd: random.Random) -> str:
        person = copy.deepcopy(get(doc, locate(doc)))
        lst = doc["betrokkenen"][group]
        lst.append(person)
        return pointer(("betrokkenen", group, len(lst) - 1, "id"))

    return run


def new_person_with_id(pid: str, group: str = "volwassenen") -> Callable[[Doc, random.Random], str]:
    def run(doc: Doc, rnd: random.Random) -> str:
        lst = doc["betrokkenen"].setdefault(group, [])
        lst.append(new_adult(doc, pid) if group == "volwassenen" else new_child(doc, pid))
        return pointer(("betrokkenen", group, len(lst) - 1, "id"))

    return run


def _c(name: str, code: str, apply: Callable[[Doc, random.Random], str], **kw: Any) -> Mutation:
    return Mutation(name, code, apply, **kw)


M, A = "melding", "advies"
KIND = born_child
TOP_REQUIRED = (
    "schemaVersie",
    "soort",
    "sector",
    "kenmerk",
    "datum",
    "melder",
    "betrokkenen",
    "zorgen",
    "stappen",
    "afweging",
    "eerdereBetrokkenheidVeiligThuis",
)
DATE_PLACES: tuple[tuple[str, Callable[[Doc], Parts], str, Any], ...] = (
    # (name, where, key, prepare)
    ("signaal", lambda d: ("zorgen", "signalen", 0), "datum", signaal_met_datum),
    ("gesprek", lambda d: ("stappen", "gesprekMetClient"), "datum", gesprek_gevoerd),
    ("consultatie", lambda d: ("stappen", "collegialeConsultatie", 0), "datum", consultatie),
    ("advies_vt", lambda d: ("stappen", "adviesVeiligThuis", 0), "datum", advies_gevraagd),
    ("instrument", lambda d: ("afweging", "instrumenten", 0), "datum", instrument_overig),
    ("cijfer", lambda d: ("afweging", "veiligheidscijfers", 0), "datum", cijfer),
    ("contact", lambda d: ("eerdereBetrokkenheidVeiligThuis", "eerdereContacten", 0), "datum", eerder_betrokken),
)

MUTATIONS: tuple[Mutation, ...] = (
    # -- verplicht: a required key is missing --------------------------------------------------
    # without betrokkenen every reference would point nowhere: drop the references first
    *(
        _c(f"drop-{key}-{soort}", "verplicht", drop(key), soort=soort, prepare=zonder_verwijzingen if key == "betrokkenen" else None)
        for key in TOP_REQUIRED
        for soort in (M, A)
    ),
    *(_c(f"drop-{key}-melding", "verplicht", drop(key), soort=M) for key in ("besluit", "betrokkenheidOuders", "verwachtingVeiligThuis")),
    _c("drop-adviesVeiligThuis-melding", "verplicht", drop("stappen", "adviesVeiligThuis"), soort=M),
    _c("drop-melder-telefoon", "verplicht", drop("melder", "telefoon")),
    _c("drop-melder-functie", "verplicht", drop("melder", "functie")),
    _c("drop-melder-naam-geslachtsnaam", "verplicht", drop("melder", "naam", "geslachtsnaam")),
    _c("drop-melder-organisatie-naam", "verplicht", drop("melder", "organisatie", "naam")),
    _c("drop-afweging-toelichting", "verplicht", drop("afweging", "toelichting")),
    _c("drop-afweging-structureleOnveiligheid", "verplicht", drop("afweging", "structureleOnveiligheid")),
    _c("drop-besluit-hulpBieden", "verplicht", drop("besluit", "hulpBieden"), soort=M),
    _c("drop-zorgen-aardGeweld", "verplicht", drop("zorgen", "aardGeweld")),
    _c("drop-zorgen-signalen", "verplicht", drop("zorgen", "signalen")),
    _c("drop-signaal-omschrijving", "verplicht", drop("zorgen", "signalen", 0, "omschrijving")),
    _c("drop-verwachtingen", "verplicht", drop("verwachtingVeiligThuis", "verwachtingen"), soort=M),
    _c("drop-gesprekMetClient", "verplicht", drop("stappen", "gesprekMetClient")),
    _c("drop-gesprek-datum-gevoerd", "verplicht", drop("stappen", "gesprekMetClient", "datum"), prepare=gesprek_gevoerd),
    _c("drop-gesprek-reden-niet-gevoerd", "verplicht", drop("stappen", "gesprekMetClient", "redenGeenGesprek"), prepare=gesprek_niet_gevoerd),
    _c("drop-gesprek-gevoerd-niet-gevoerd", "verplicht", drop("stappen", "gesprekMetClient", "gevoerd"), prepare=gesprek_niet_gevoerd),
    _c("drop-redenAfschermen", "verplicht", drop("melder", "redenAfschermen"), prepare=afschermen),
    _c("drop-redenNietGeinformeerd", "verplicht", drop("betrokkenheidOuders", "redenNietGeinformeerd"), soort=M, prepare=niet_geinformeerd),
    _c("drop-advies-vt-datum", "verplicht", drop("stappen", "adviesVeiligThuis", 0, "datum"), prepare=advies_gevraagd),
    _c("drop-naamOverig", "verplicht", drop("afweging", "instrumenten", 0, "naamOverig"), prepare=instrument_overig),
    _c("drop-eerdereContacten-status-ja", "verplicht", drop("eerdereBetrokkenheidVeiligThuis", "eerdereContacten"), prepare=eerder_betrokken),
    _c(
        "empty-eerdereContacten-status-ja",
        "verplicht",
        lambda d, r: (d["eerdereBetrokkenheidVeiligThuis"].update(eerdereContacten=[]), "/eerdereBetrokkenheidVeiligThuis/eerdereContacten")[1],
        prepare=eerder_betrokken,
    ),
    _c("drop-eerdereBetrokkenheid-status-ja", "verplicht", drop("eerdereBetrokkenheidVeiligThuis", "status"), prepare=eerder_betrokken),
    _c("type-gesprek-gevoerd-niet-gevoerd", "type", put("stappen", "gesprekMetClient", "gevoerd", value="nee"), prepare=gesprek_niet_gevoerd),
    _c("enum-eerdereBetrokkenheid-status-ja", "keuze", put("eerdereBetrokkenheidVeiligThuis", "status", value="Ja"), prepare=eerder_betrokken),
    _c("drop-contact-soort", "verplicht", drop("eerdereBetrokkenheidVeiligThuis", "eerdereContacten", 0, "soort"), prepare=eerder_betrokken),
    _c("drop-uitgerekendeDatum", "verplicht", on(unborn_child, "uitgerekendeDatum", delete=True)),
    _c("drop-kind-naam-melding", "verplicht", on(KIND, "naam", delete=True), soort=M),
    _c(
        "drop-kind-leeftijd-en-geboortedatum-melding",
        "verplicht",
        at_object(KIND, lambda d, k: _drop_keys(k, "leeftijd", "geboortedatum")),
        soort=M,
    ),
    _c("drop-volwassene-naam-melding", "verplicht", on(an_adult, "naam", delete=True), soort=M),
    _c("drop-volwassene-rol", "verplicht", on(an_adult, "rol", delete=True)),
    _c("drop-omschrijving-naam-onbekend-melding", "verplicht", on(unnamed_adult, "omschrijving", delete=True), soort=M),
    _c("drop-hulpverlener-functie", "verplicht", on(hulpverlener, "functie", delete=True)),
    _c(
        "drop-adres-postcode",
        "verplicht",
        on(
            lambda d: (*child_with(d, "adres", {"straat": "Dorpsstraat", "huisnummer": 3, "postcode": "8011 AB", "woonplaats": "Zwolle"}), "adres"),
            "postcode",
            delete=True,
        ),
        soort=M,
    ),
    _c("drop-cijfer-cijfer", "verplicht", drop("afweging", "veiligheidscijfers", 0, "cijfer"), prepare=cijfer),
    # -- onbekend_veld: a key the contract does not know -----------------------------------------
    _c("unknown-top-level", "onbekend_veld", put("opmerking", value="Graag snel contact.")),
    _c("unknown-top-level-typo", "onbekend_veld", put("sectorspecifiek", value={})),
    _c("unknown-sectorSpecifiek-other-sector", "onbekend_veld", other_sector_key),
    _c("unknown-sectorSpecifiek-typo", "onbekend_veld", put("sectorSpecifiek", "onderwijsType", value="vo"), sector="onderwijs", prepare=met_sector_specifiek),
    _c("unknown-melder-naam", "onbekend_veld", put("melder", "naam", "tussenvoegsel", value="de")),
    _c("unknown-signaal", "onbekend_veld", put("zorgen", "signalen", 0, "ernst", value="hoog")),
    _c("unknown-afweging", "onbekend_veld", put("afweging", "vraag6", value=True)),
    _c("unknown-gesprek", "onbekend_veld", put("stappen", "gesprekMetClient", "duur", value="een uur")),
    _c("unknown-kind", "onbekend_veld", on(KIND, "bijnaam", "Noortje")),
    _c("unknown-contact", "onbekend_veld", put("eerdereBetrokkenheidVeiligThuis", "eerdereContacten", 0, "kenmerk", value="X"), prepare=eerder_betrokken),
    # -- keuze: not one of the allowed values --------------------------------------------------
    _c("enum-soort", "keuze", put("soort", value="adviesvraag")),
    _c("enum-sector", "keuze", put("sector", value="voortgezet_onderwijs")),
    _c("const-schemaVersie", "vaste_waarde", put("schemaVersie", value="1.2")),
    _c("enum-aardGeweld", "keuze", put("zorgen", "aardGeweld", 0, value="stalking")),
    _c("enum-signaal-bron", "keuze", put("zorgen", "signalen", 0, "bron", value="zelf_gezien")),
    _c("enum-rol", "keuze", on(an_adult, "rol", "oom")),
    _c("enum-geslacht", "keuze", on(KIND, "geslacht", "meisje")),
    _c("enum-redenGeenGesprek", "keuze", put("stappen", "gesprekMetClient", "redenGeenGesprek", value="geen_tijd"), prepare=gesprek_niet_gevoerd),
    _c("enum-redenAfschermen", "keuze", put("melder", "redenAfschermen", value="privacy"), prepare=afschermen),
    _c("enum-onderwijstype", "keuze", put("sectorSpecifiek", "onderwijstype", value="vmbo"), sector="onderwijs", prepare=met_sector_specifiek),
    _c("enum-route-kinderopvang", "keuze", put("sectorSpecifiek", "route", value="thuis"), sector="kinderopvang", prepare=met_sector_specifiek),
    _c("enum-eigenRol", "keuze", put("verwachtingVeiligThuis", "eigenRolNaMelding", value="stoppen"), soort=M),
    _c("enum-verwachting", "keuze", put("verwachtingVeiligThuis", "verwachtingen", 0, value="huisbezoek"), soort=M),
    _c("enum-contact-soort", "keuze", put("eerdereBetrokkenheidVeiligThuis", "eerdereContacten", 0, "soort", value="zorgmelding"), prepare=eerder_betrokken),
    _c("enum-instrument", "keuze", put("afweging", "instrumenten", 0, "naam", value="risicotaxatie"), prepare=instrument_overig),
    # -- type -------------------------------------------------------------------------------------
    _c("type-vermoeden-string", "type", put("afweging", "vermoeden", value="ja")),
    _c("type-identiteitAfschermen-string", "type", put("melder", "identiteitAfschermen", value="true")),
    _c("type-besluit-melden-string", "type", put("besluit", "melden", value="ja"), soort=M),
    _c("type-multidisciplinair-string", "type", put("stappen", "collegialeConsultatie", 0, "multidisciplinair", value="nee"), prepare=consultatie),
    _c("type-melder-functie-number", "type", put("melder", "functie", value=42)),
    _c("type-kenmerk-number", "type", put("kenmerk", value=20260142)),
    _c("type-datum-number", "type", put("datum", value=20261101)),
    _c("type-schemaVersie-number", "type", put("schemaVersie", value=1.0)),
    _c("type-telefoon-number", "type", put("melder", "telefoon", value=384567890)),
    _c("type-bsn-number", "type", on(KIND, "burgerservicenummer", 123456782), soort=M),
    _c("type-signaal-omschrijving-number", "type", put("zorgen", "signalen", 0, "omschrijving", value=123)),
    _c("type-leeftijd-string", "type", on(KIND, "leeftijd", "8")),
    _c("type-aardGeweld-string", "type", put("zorgen", "aardGeweld", value="partnergeweld")),
    _c("type-melder-string", "type", put("melder", value="Marieke de Vries")),
    # -- formaat ----------------------------------------------------------------------------------
    *(
        _c(f"date-{bad!r}-at-{name}", "formaat", on(where, key, bad), prepare=prep)
        for name, where, key, prep in DATE_PLACES
        for bad in ("2026-02-30", "20261101")
    ),
    *(_c(f"date-{bad!r}-at-datum", "formaat", put("datum", value=bad)) for bad in ("2026-02-30", "20261101", "2026-11-1", "01-11-2026", "2026-11-01\n")),
    _c("date-bad-geboortedatum", "formaat", on(KIND, "geboortedatum", "2026-02-30"), soort=M),
    _c("kenmerk-newline", "formaat", put("kenmerk", value=lambda d: d["kenmerk"] + "\n")),
    _c("kenmerk-slash", "formaat", put("kenmerk", value=lambda d: d["kenmerk"].replace("-", "/", 1))),
    _c("kenmerk-dotdot", "formaat", put("kenmerk", value="../geheim")),
    _c("kenmerk-space", "formaat", put("kenmerk", value="VO 2026 1")),
    _c("bsn-8-digits", "formaat", on(child_with_bsn, "burgerservicenummer", lambda d, k: k["burgerservicenummer"][:8]), soort=M),
    _c("bsn-letter", "formaat", on(child_with_bsn, "burgerservicenummer", "12345678a"), soort=M),
    _c("bsn-newline", "formaat", on(child_with_bsn, "burgerservicenummer", lambda d, k: k["burgerservicenummer"] + "\n"), soort=M),
    _c("email-no-dot", "formaat", put("melder", "email", value="a@b")),
    _c("email-two-at", "formaat", put("melder", "email", value="m.devries@@voorbeeld.nl")),
    _c("email-space", "formaat", put("melder", "email", value="m.de vries@voorbeeld.nl")),
    _c("email-newline", "formaat", put("melder", "email", value="m.devries@voorbeeld.nl\n")),
    _c("telefoon-too-few-digits", "formaat", put("melder", "telefoon", value="1234")),
    _c("telefoon-too-many-digits", "formaat", put("melder", "telefoon", value="+31 6 1234 5678 90123")),
    _c("telefoon-letter", "formaat", put("melder", "telefoon", value="06-12345x78")),
    _c("telefoon-newline", "formaat", put("melder", "telefoon", value="038 456 7890\n")),
    _c(
        "postcode-leading-zero",
        "formaat",
        on(
            lambda d: (*child_with(d, "adres", {"straat": "Dorpsstraat", "huisnummer": 3, "postcode": "8011 AB", "woonplaats": "Zwolle"}), "adres"),
            "postcode",
            "0123 AB",
        ),
        soort=M,
    ),
    _c(
        "postcode-newline",
        "formaat",
        on(
            lambda d: (*child_with(d, "adres", {"straat": "Dorpsstraat", "huisnummer": 3, "postcode": "8011 AB", "woonplaats": "Zwolle"}), "adres"),
            "postcode",
            "8011 AB\n",
        ),
        soort=M,
    ),
    _c("person-id-uppercase", "formaat", new_person_with_id("Opa")),
    _c("person-id-newline", "formaat", new_person_with_id("opa\n")),
    # -- leeg: a required text that is empty or only white space ------------------------------------
    _c("blank-afweging-toelichting", "leeg", put("afweging", "toelichting", value="   ")),
    _c("empty-besluit-toelichting", "leeg", put("besluit", "toelichting", value=""), soort=M),
    _c("blank-melder-functie", "leeg", put("melder", "functie", value="\t")),
    _c("empty-melder-voornamen", "leeg", put("melder", "naam", "voornamen", value="")),
    _c("blank-signaal", "leeg", put("zorgen", "signalen", 0, "omschrijving", value="\n \n")),
    _c("blank-verwachting-toelichting", "leeg", put("verwachtingVeiligThuis", "toelichting", value=" "), soort=M),
    _c("blank-organisatie-naam", "leeg", put("melder", "organisatie", "naam", value="  ")),
    _c("blank-hulpverlener-functie", "leeg", on(hulpverlener, "functie", " ")),
    _c("blank-naamOverig", "leeg", put("afweging", "instrumenten", 0, "naamOverig", value="  "), prepare=instrument_overig),
    _c("blank-omschrijving-naam-onbekend-melding", "leeg", on(unnamed_adult, "omschrijving", " "), soort=M),
    # -- other structural codes ----------------------------------------------------------------
    _c("unborn-with-leeftijd", "niet_van_toepassing", on(unborn_child, "leeftijd", 0)),
    _c("unborn-with-bsn", "niet_van_toepassing", on(unborn_child, "burgerservicenummer", "123456782"), soort=M),
    _c(
        "contacts-with-status-nee",
        "niet_van_toepassing",
        lambda d, r: (
            d["eerdereBetrokkenheidVeiligThuis"].update(eerdereContacten=[{"datum": d["datum"], "soort": "advies"}]),
            "/eerdereBetrokkenheidVeiligThuis/eerdereContacten",
        )[1],
        prepare=niet_eerder_betrokken,
    ),
    _c("duplicate-aardGeweld", "dubbel", lambda d, r: (d["zorgen"].update(aardGeweld=["partnergeweld", "partnergeweld"]), "/zorgen/aardGeweld")[1]),
    _c("kind-leeftijd-18", "bereik", on(KIND, "leeftijd", 18)),
    _c("cijfer-11", "bereik", put("afweging", "veiligheidscijfers", 0, "cijfer", value=11), prepare=cijfer),
    _c("melder-functie-too-long", "te_lang", put("melder", "functie", value="a" * 201)),
    _c("person-id-melder", "niet_toegestaan", new_person_with_id("melder")),
    _c("no-persons", "geen_betrokkenen", lambda d, r: (d["betrokkenen"].update(kinderen=[], volwassenen=[]), "/betrokkenen")[1], prepare=zonder_verwijzingen),
    # -- the rules of melding-1.0.md ---------------------------------------------------------------
    _c("bsn-elfproef-kind", "elfproef", on(child_with_bsn, "burgerservicenummer", wrong_last_digit), soort=M),
    _c("bsn-elfproef-volwassene", "elfproef", on(adult_with_bsn, "burgerservicenummer", wrong_last_digit), soort=M),
    _c("duplicate-child", "dubbele_betrokkene", copy_of("kinderen", KIND)),
    _c("duplicate-adult", "dubbele_betrokkene", copy_of("volwassenen", an_adult)),
    _c("duplicate-child-and-adult-id", "dubbele_betrokkene", lambda d, r: new_person_with_id(d["betrokkenen"]["kinderen"][0]["id"])(d, r)),
    _c("unknown-ref-slachtoffer", "onbekende_betrokkene", append("betrokkenen", "slachtoffers", value="buurman")),
    _c("unknown-ref-pleger", "onbekende_betrokkene", append("betrokkenen", "vermoedelijkePlegers", value="oom")),
    _c("unknown-ref-signaal", "onbekende_betrokkene", append("zorgen", "signalen", 0, "betreft", value="juf")),
    _c("unknown-ref-gesprek", "onbekende_betrokkene", append("stappen", "gesprekMetClient", "metWie", value="tante"), prepare=gesprek_gevoerd),
    _c("melder-in-gesprek-metWie", "onbekende_betrokkene", append("stappen", "gesprekMetClient", "metWie", value="melder"), prepare=gesprek_gevoerd),
    _c("unknown-ref-cijfer", "onbekende_betrokkene", append("afweging", "veiligheidscijfers", value={"betrokkene": "tante", "cijfer": 5}, at=("betrokkene",))),
    *(_c(f"future-date-{name}", "datum_toekomst", on(where, key, lambda d, t: shift(1)(d)), prepare=prep) for name, where, key, prep in DATE_PLACES),
    _c("future-date-ouders-geinformeerd", "datum_toekomst", put("betrokkenheidOuders", "datum", value=shift(3)), soort=M, prepare=geinformeerd),
    _c("future-geboortedatum-kind", "datum_toekomst", on(KIND, "geboortedatum", lambda d, k: shift(1)(d)), soort=M),
    _c("future-geboortedatum-volwassene", "datum_toekomst", on(an_adult, "geboortedatum", lambda d, k: shift(10)(d)), soort=M),
    _c("future-datum", "datum_toekomst", put("datum", value="2026-11-29"), datum=dt.date(2026, 11, 27), prepare=uitgerekend_midden),
    _c("kind-18-on-datum", "kind_meerderjarig", on(KIND, "geboortedatum", years_ago(18)), soort=M),
    _c("kind-30", "kind_meerderjarig", on(KIND, "geboortedatum", years_ago(30)), soort=M),
    _c("uitgerekend-301-days", "uitgerekende_datum", on(unborn_child, "uitgerekendeDatum", lambda d, k: shift(301)(d))),
    _c("uitgerekend-31-days-ago", "uitgerekende_datum", on(unborn_child, "uitgerekendeDatum", lambda d, k: shift(-31)(d))),
    _c(
        "melden-false-structureel",
        "melden_verplicht",
        put("besluit", "melden", value=False),
        soort=M,
        prepare=lambda d, r: d["afweging"].update(structureleOnveiligheid=True),
    ),
    _c(
        "melden-false-acuut",
        "melden_verplicht",
        put("besluit", "melden", value=False),
        soort=M,
        prepare=lambda d, r: d["afweging"].update(acuteOnveiligheid=True),
    ),
    _c(
        "melden-false-vraag4-nee",
        "melden_verplicht",
        put("besluit", "melden", value=False),
        soort=M,
        prepare=lambda d, r: d["afweging"].update(acuteOnveiligheid=False, structureleOnveiligheid=False, hulpAanvaard=False),
    ),
    _c("melden-false-zonder-reden", "besluit_niet_melden", put("besluit", "melden", value=False), soort=M, prepare=geen_reden_om_te_melden),
    _c("advies-kind-naam", "advies_identificerend", on(KIND, "naam", {"voornamen": "Noor", "geslachtsnaam": "Bakker"}), soort=A),
    _c("advies-kind-geboortedatum", "advies_identificerend", on(KIND, "geboortedatum", years_ago(5)), soort=A),
    _c("advies-kind-bsn", "advies_identificerend", on(KIND, "burgerservicenummer", "123456782"), soort=A),
    _c(
        "advies-kind-adres",
        "advies_identificerend",
        on(KIND, "adres", {"straat": "Dorpsstraat", "huisnummer": 3, "postcode": "8011 AB", "woonplaats": "Zwolle"}),
        soort=A,
    ),
    _c("advies-kind-school", "advies_identificerend", on(KIND, "schoolOfOpvang", "basisschool De Regenboog"), soort=A),
    _c("advies-volwassene-naam", "advies_identificerend", on(an_adult, "naam", {"voornamen": "Sanne", "geslachtsnaam": "Bakker"}), soort=A),
    _c("advies-volwassene-telefoon", "advies_identificerend", on(an_adult, "telefoon", "06 12345678"), soort=A),
    _c("advies-volwassene-omschrijving", "advies_identificerend", on(an_adult, "omschrijving", "de nieuwe vriend van moeder"), soort=A),
    _c("advies-volwassene-geboortedatum", "advies_identificerend", on(an_adult, "geboortedatum", years_ago(40)), soort=A),
    _c("advies-hulpverlener-naam", "advies_identificerend", on(hulpverlener, "naam", "J. Visser"), soort=A),
    _c("advies-hulpverlener-telefoon", "advies_identificerend", on(hulpverlener, "telefoon", "038 456 7890"), soort=A),
    _c(
        "advies-dossiernummer",
        "advies_identificerend",
        put("eerdereBetrokkenheidVeiligThuis", "eerdereContacten", 0, "dossiernummer", value="VT-2023-11873"),
        soort=A,
        prepare=eerder_betrokken,
    ),
    _c(
        "route-medewerker-onderwijs",
        "geen_vertrouwensinspecteur",
        put("sectorSpecifiek", "route", value="medewerker"),
        sector="onderwijs",
        prepare=met_sector_specifiek,
    ),
    _c(
        "route-medewerker-kinderopvang",
        "geen_vertrouwensinspecteur",
        put("sectorSpecifiek", "route", value="medewerker"),
        sector="kinderopvang",
        prepare=met_sector_specifiek,
    ),
)
STRUCTURAL_MUTATIONS = tuple(m for m in MUTATIONS if m.structural)
