"""The letter for the parents, made from a valid melding: what it says, before any format.

``make_letter(doc, lang)`` decides every sentence; the HTML, Word and PDF renderers only lay them
out. What a parent reads (issue 12): what the worries are in plain words, what was reported and
why, what Veilig Thuis does next and within which time, who will contact them, that they may read
the melding and react to it, and the melder's own role afterwards; Veilig Thuis's number.

What never goes in, whatever the melding holds:

- a BSN, an address, a date of birth, the adults' names, who is suspected of what;
- the free texts (signals, reasons, the parents' own reaction): they can name third parties and
  are the melder's words for VT, not for the family; the worries are told as the *kinds* of
  worry (``zorgen.aardGeweld``) in everyday words, and the children by first name;
- risk scores, safety scores, instruments, earlier contacts with VT;
- with ``melder.identiteitAfschermen``: anything about the melder (name, function, organisation,
  phone, the kenmerk, the dates, what the melder asked or does next, not even "wij"). Such a
  letter only explains what a melding at Veilig Thuis means and what happens next.

No letter at all (:class:`LetterRefused`, exit 1) for an adviesvraag (anonymous: the family
does not know of it) and when the parents were not told about the melding — for anyone's safety,
and also when the melder expected them to break off contact: in each of these the melder decided
that the family hears of the melding from Veilig Thuis, not from the melder, and a letter that
tells them anyway would undo that decision (the meldcode's "open melden, tenzij"). A melder who
tells the parents after all records that (``betrokkenheidOuders.geinformeerd: true``) first.
"""

from __future__ import annotations

import datetime as dt
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from meldform.documents.formatting import format_date, format_naam
from meldform.errors import EXIT_INVALID, MeldformError
from meldform.texts.brief import TEXTS
from meldform.texts.messages import pick
from meldform.texts.words import WORDS

SAFETY_REASONS = ("veiligheid_client", "veiligheid_melder", "veiligheid_derden")
BREAKS_CONTACT = "client_verbreekt_contact"
PARENT_ROLES = ("ouder", "stiefouder", "pleegouder", "verzorger")
NBSP = "\u00a0"  # a phone number stays on one line
ROLES = ("hulp_continueren", "betrokken_blijven", "overdragen", "geen_rol")

Part = str | tuple[str, ...]  # a paragraph, or a bulleted list


@dataclass(frozen=True)
class Section:
    heading: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Letter:
    lang: str
    kenmerk: str  # for the file name; shown only when ``shielded`` is false
    shielded: bool
    title: str
    facts: tuple[tuple[str, str], ...]  # (label, value) under the title
    salutation: str
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    closing: tuple[str, ...]  # greeting and signature lines; empty when shielded
    helpline: Section
    footer: str


class LetterRefused(MeldformError):
    """This melding may not become a letter for the parents: one line naming the file and the field."""

    exit_code = EXIT_INVALID

    def __init__(self, reason: str, field: str, source: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.field = field
        self.source = source

    def message(self, lang: str = "nl") -> str:
        return pick(TEXTS, f"weiger_{self.reason}", lang, bestand=self.source or "-", veld=self.field)


def t(key: str, lang: str, **params: Any) -> str:
    return pick(TEXTS, key, lang, **params)


def check_allowed(doc: dict[str, Any]) -> None:
    """Raise :class:`LetterRefused` when this document may not become a letter."""
    if doc.get("soort") != "melding":
        raise LetterRefused("advies", "/soort")
    ouders = doc.get("betrokkenheidOuders") or {}
    if ouders.get("geinformeerd") is not True:
        reason = ouders.get("redenNietGeinformeerd")
        field = "/betrokkenheidOuders/redenNietGeinformeerd" if reason else "/betrokkenheidOuders/geinformeerd"
        raise LetterRefused("contact" if reason == BREAKS_CONTACT else "veiligheid", field)
    gesprek = (doc.get("stappen") or {}).get("gesprekMetClient") or {}
    if gesprek.get("gevoerd") is False and gesprek.get("redenGeenGesprek") in SAFETY_REASONS:
        # Told, yet not spoken with for safety's sake: the safety reason wins.
        raise LetterRefused("veiligheid", "/stappen/gesprekMetClient/redenGeenGesprek")


def without_niet_ter_inzage(doc: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``doc`` without the parts the melder asked VT not to disclose (``nietTerInzage``):
    what the family may not read in the melding is not written in their letter either."""
    pointers: list[list[str]] = []
    for item in doc.get("nietTerInzage") or []:
        pad = item.get("pad") if isinstance(item, dict) else None
        if isinstance(pad, str) and pad.startswith("/"):
            pointers.append([step.replace("~1", "/").replace("~0", "~") for step in pad[1:].split("/")])
    copy: dict[str, Any] = deepcopy(doc)
    # Deepest and highest list index first, so removing one part does not shift another.
    for steps in sorted(pointers, key=lambda p: (len(p), [int(s) if s.isascii() and s.isdigit() else -1 for s in p]), reverse=True):
        node: Any = copy
        for step in steps[:-1]:
            if isinstance(node, dict):
                node = node.get(step)
            elif isinstance(node, list) and step.isascii() and step.isdigit() and int(step) < len(node):
                node = node[int(step)]
            else:
                node = None
                break
        last = steps[-1]
        if isinstance(node, dict):
            node.pop(last, None)
        elif isinstance(node, list) and last.isascii() and last.isdigit() and int(last) < len(node):
            del node[int(last)]
    return copy


def make_letter(doc: dict[str, Any], lang: str = "nl", today: dt.date | None = None) -> Letter:
    """The letter for a valid melding, or :class:`LetterRefused`. Parts marked niet ter inzage are left out."""
    check_allowed(doc)
    doc = without_niet_ter_inzage(doc)
    shielded = (doc.get("melder") or {}).get("identiteitAfschermen") is True
    betrokkenen = doc.get("betrokkenen") or {}
    children = [c for c in betrokkenen.get("kinderen") or [] if isinstance(c, dict)]
    born = [c for c in children if not c.get("ongeboren")]
    names = _names(children, lang)
    mode = "afgeschermd" if shielded else "open"

    facts: list[tuple[str, str]] = []
    if not shielded:
        facts.append((pick(WORDS, "datum", lang), format_date((today or dt.date.today()).isoformat(), lang)))
        facts.append((pick(WORDS, "kenmerk", lang), str(doc.get("kenmerk", ""))))
    if names:
        facts.append((t("over", lang), names))

    intro = _intro(doc, lang, shielded)
    sections = [_worries(doc, lang, mode, names, len(children))]
    if not shielded:
        sections.append(_reported(doc, lang))
    sections.append(_next(doc, lang, shielded, has_children=bool(children)))
    sections.append(_contact(lang, len(born)))
    sections.append(Section(t("kop_inzage", lang), (t("inzage", lang), t("correctie", lang))))
    closing: tuple[str, ...] = ()
    if not shielded:
        sections.append(_role(doc, lang, len(children)))
        closing = _signature(doc, lang)
    helpline = Section(t("kop_bellen", lang), (t("bellen", lang), t("gevaar", lang)))
    return Letter(
        lang=lang,
        kenmerk=str(doc.get("kenmerk", "")),
        shielded=shielded,
        title=t("titel", lang),
        facts=tuple(facts),
        salutation=_salutation(betrokkenen, lang, has_children=bool(children)),
        intro=intro,
        sections=tuple(sections),
        closing=closing,
        helpline=helpline,
        footer=t("voettekst", lang),
    )


def output_name(doc: dict[str, Any], fmt: str) -> str:
    """``<kenmerk>-brief.<fmt>``: the schema's pattern makes a kenmerk a safe file name."""
    return f"{doc['kenmerk']}-brief.{fmt}"


def plain_text(letter: Letter) -> str:
    """Every sentence a parent reads, one paragraph or list item per line (for the readability check)."""
    lines: list[str] = [letter.title, *(f"{label}: {value}" for label, value in letter.facts), letter.salutation, *letter.intro]
    for section in (*letter.sections, letter.helpline):
        lines.append(section.heading)
        for part in section.parts:
            lines.extend(part if isinstance(part, tuple) else (part,))
    lines.extend(letter.closing)
    return "\n".join(lines)


# -- the parts ---------------------------------------------------------------------------------------
def _first_name(child: dict[str, Any]) -> str:
    naam = child.get("naam")
    voornamen = naam.get("voornamen") if isinstance(naam, dict) else None
    if isinstance(voornamen, str) and voornamen.split():
        return voornamen.split()[0]  # the first given name: what the family calls the child, as a rule
    return ""


def _names(children: list[dict[str, Any]], lang: str) -> str:
    names: list[str] = []
    for child in sorted(children, key=lambda c: bool(c.get("ongeboren"))):  # a baby on the way last
        name = t("ongeboren", lang) if child.get("ongeboren") else _first_name(child) or t("kind_een", lang)
        if name not in names:
            names.append(name)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {pick(WORDS, 'en', lang)} {names[-1]}"


def _kind(count: int, lang: str) -> dict[str, str]:
    key = "geen" if count == 0 else "een" if count == 1 else "meer"
    return {"kind": t(f"kind_{key}", lang), "is": t("is_meer" if count > 1 else "is_een", lang)}


def _salutation(betrokkenen: dict[str, Any], lang: str, *, has_children: bool) -> str:
    if not has_children:
        return t("aanhef_algemeen", lang)
    parents = [a for a in betrokkenen.get("volwassenen") or [] if isinstance(a, dict) and a.get("rol") in PARENT_ROLES]
    return t("aanhef_ouders" if len(parents) != 1 else "aanhef_ouder", lang)


def _intro(doc: dict[str, Any], lang: str, shielded: bool) -> tuple[str, ...]:
    if shielded:
        return (t("inleiding_afgeschermd", lang), t("inleiding_brief", lang), t("geen_schuld_afgeschermd", lang))
    first = t("inleiding_open", lang, datum=format_date(doc.get("datum"), lang))
    told = (doc.get("betrokkenheidOuders") or {}).get("datum")
    if isinstance(told, str):
        first += " " + t("inleiding_besproken", lang, datum=format_date(told, lang))
    return (first, t("inleiding_brief", lang), t("geen_schuld_open", lang))


def _worries(doc: dict[str, Any], lang: str, mode: str, names: str, count: int) -> Section:
    opening = t(f"zorgen_kinderen_{mode}", lang, namen=names) if names else t(f"zorgen_thuis_{mode}", lang)
    kinds = [code for code in (doc.get("zorgen") or {}).get("aardGeweld") or [] if f"aard_{code}" in TEXTS]
    phrases = tuple(dict.fromkeys(t(f"aard_{code}", lang, **_kind(count, lang)) for code in kinds))
    parts: list[Part] = [opening]
    if phrases:
        parts.extend((t("zorgen_lijst", lang), phrases))
    parts.append(t(f"zorgen_onzeker_{mode}", lang))
    return Section(t(f"kop_zorgen_{mode}", lang), tuple(parts))


def _reported(doc: dict[str, Any], lang: str) -> Section:
    afweging = doc.get("afweging") or {}
    reasons = [
        key
        for key, present in (
            ("reden_acuut", afweging.get("acuteOnveiligheid") is True),
            ("reden_structureel", afweging.get("structureleOnveiligheid") is True),
            ("reden_hulp_niet_mogelijk", afweging.get("hulpMogelijk") is False),
            ("reden_hulp_niet_aanvaard", afweging.get("hulpAanvaard") is False),
            ("reden_geen_resultaat", afweging.get("hulpResultaat") is False),
        )
        if present
    ] or ["reden_meekijken"]
    parts: list[Part] = [t("gemeld", lang)]
    if len(reasons) == 1:
        parts.append(f"{t('redenen', lang).rstrip(':')} {t(reasons[0], lang)}.")
    else:
        parts.extend((t("redenen", lang), tuple(t(key, lang) for key in reasons)))
    asked = [code for code in (doc.get("verwachtingVeiligThuis") or {}).get("verwachtingen") or [] if f"vraag_{code}" in TEXTS]
    if asked:
        parts.extend((t("gevraagd", lang), tuple(t(f"vraag_{code}", lang) for code in asked)))
    ouders = doc.get("betrokkenheidOuders") or {}
    if ouders.get("meegenomenInMelding") is True:
        parts.append(t("eigen_kijk", lang))
    if isinstance(ouders.get("eigenVerwachting"), str) and ouders["eigenVerwachting"].strip():
        parts.append(t("eigen_verwachting", lang))  # that it was passed on; never the parents' words themselves
    parts.append(t("meldcode", lang))
    return Section(t("kop_gemeld", lang), tuple(parts))


def _next(doc: dict[str, Any], lang: str, shielded: bool, *, has_children: bool) -> Section:
    parts: list[Part] = [t("vt_beoordeling", lang)]
    if not shielded and (doc.get("afweging") or {}).get("acuteOnveiligheid") is True:
        parts.append(t("vt_acuut", lang))
    outcomes = ["uitkomst_einde", "uitkomst_lokaal_team", "uitkomst_lopende_hulp", "uitkomst_voorwaarden", "uitkomst_onderzoek"]
    if has_children:
        outcomes.append("uitkomst_raad")
    parts.extend((t("vt_besluit", lang), tuple(t(key, lang) for key in outcomes), t("vt_geen_schuld", lang)))
    return Section(t("kop_vt", lang), tuple(parts))


def _contact(lang: str, born: int) -> Section:
    others = t("contact_anderen_kinderen", lang, **_kind(born, lang)) if born else t("contact_anderen", lang)
    return Section(t("kop_contact", lang), (t("contact_vt", lang), t("contact_gesprek", lang), others))


def _role(doc: dict[str, Any], lang: str, count: int) -> Section:
    verwachting = doc.get("verwachtingVeiligThuis") or {}
    role = verwachting.get("eigenRolNaMelding")
    parts: list[Part] = []
    if role == "betrokken_blijven" and count:
        parts.append(t("rol_betrokken_blijven_kinderen", lang, **_kind(count, lang)))
    elif role in ROLES:
        parts.append(t(f"rol_{role}", lang))
    parts.append(t("terugkoppeling", lang))
    melder = doc.get("melder") or {}
    parts.append(t("vragen", lang, naam=format_naam(melder.get("naam")), telefoon=str(melder.get("telefoon", "")).replace(" ", NBSP)))
    if isinstance(melder.get("bereikbaarheid"), str) and melder["bereikbaarheid"].strip():
        parts.append(t("bereikbaar", lang, tijden=melder["bereikbaarheid"].strip()))
    return Section(t("kop_wij", lang), tuple(parts))


def _signature(doc: dict[str, Any], lang: str) -> tuple[str, ...]:
    melder = doc.get("melder") or {}
    org = melder.get("organisatie") or {}
    lines = [t("groet", lang), format_naam(melder.get("naam")), str(melder.get("functie", "")), str(org.get("naam", "")), str(org.get("vestiging", ""))]
    return tuple(line.strip() for line in lines if line and line.strip())
