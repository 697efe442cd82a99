"""Samenloop: the keys a worker takes from a melding, and the groups the parent makes of them.

A worker turns each person of a melding into keyed hashes (BSN; name and birth date) and each
earlier VT melding into a keyed dossier hash; the secret is per run and never stored, so the
hashes cannot be reversed by trying all BSNs, nor linked to another run's report. The parent
keeps three machine words per person (``Summary``) and links them into groups at the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from array import array
from collections import Counter
from pathlib import Path
from typing import Any

from meldform.batch.common import read_journal
from meldform.batch.report import Summary
from meldform.check.findings import pointer
from meldform.check.formats import DATE_RE
from meldform.check.rules import dossier_key, elfproef, persons, years_before
from meldform.cleaning import clean

BSN_LINK, NAAM_LINK = 1, 2
KOPPELING = {BSN_LINK: "bsn", NAAM_LINK: "naam_en_geboortedatum"}


# -- keys (in the worker) ---------------------------------------------------------------------------------
def _keyed(secret: bytes, kind: str, value: str) -> str:
    # cleaned: a lone surrogate cannot be encoded, and a dossier number matches as it is shown
    return hashlib.blake2b(f"{kind}\x00{clean(value)}".encode(), key=secret, digest_size=16).hexdigest()


def int_key(hexkey: str | None) -> int:
    """A 60-bit integer for the in-memory index (0 = no key)."""
    if not hexkey:
        return 0
    return int(hexkey[:15], 16) or 1


def normalise_name(naam: Any) -> str | None:
    """'Sanne  Bakker', 'sanne bakker' and 'Sánne Bakker' alike; voorvoegsel inside the surname or not."""
    if not isinstance(naam, dict):
        return None
    voornamen, geslachtsnaam = naam.get("voornamen"), naam.get("geslachtsnaam")
    if not isinstance(voornamen, str) or not isinstance(geslachtsnaam, str):
        return None
    voorvoegsel = naam.get("voorvoegsel") if isinstance(naam.get("voorvoegsel"), str) else ""
    full = unicodedata.normalize("NFKD", f"{voornamen} {voorvoegsel} {geslachtsnaam}".casefold())
    key = "".join(ch for ch in full if ch.isalnum())
    return key or None


def _date(value: Any) -> str | None:
    if not isinstance(value, str) or not DATE_RE.fullmatch(value):
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def samenloop_keys(doc: dict[str, Any], secret: bytes) -> dict[str, Any] | None:
    """The keys samenloop needs, as keyed hashes: per person BSN and (name, birth date).

    Only a ``melding`` counts (an adviesvraag is anonymous). A BSN counts when it passes the
    elfproef; name and birth date when both are present.
    """
    if doc.get("soort") != "melding":
        return None
    personen: list[dict[str, str | None]] = []
    for parts, person in persons(doc):
        bsn = person.get("burgerservicenummer")
        bsn_key = _keyed(secret, "bsn", bsn) if isinstance(bsn, str) and elfproef(bsn) else None
        name, birth = normalise_name(person.get("naam")), _date(person.get("geboortedatum"))
        name_key = _keyed(secret, "naam", f"{name}|{birth}") if name and birth else None
        if bsn_key or name_key:
            personen.append({"pad": pointer(parts), "bsn": bsn_key, "naam": name_key})
    eerder = doc.get("eerdereBetrokkenheidVeiligThuis")
    contacten = eerder.get("eerdereContacten") if isinstance(eerder, dict) else None
    earlier: list[list[str]] = []
    anonymous: Counter[str] = Counter()
    for contact in contacten if isinstance(contacten, list) else []:
        if not isinstance(contact, dict) or contact.get("soort") != "melding":
            continue
        when = _date(contact.get("datum"))
        if when is None:
            continue
        dossier = dossier_key(contact.get("dossiernummer"))
        if dossier is None:
            # Without a number: the n-th such contact on that date (so two sources that both
            # mention one unnumbered melding count it once, as the per-document rule would).
            dossier = f"\x00{when}#{anonymous[when]}"
            anonymous[when] += 1
        earlier.append([when, _keyed(secret, "dossier", dossier)])
    return {"datum": _date(doc.get("datum")), "personen": personen, "eerdere": earlier}


# -- groups (in the parent) -------------------------------------------------------------------------------
def samenloop_groups(summary: Summary, journal_path: Path, secret: bytes, *, drempel: int = 3, jaren: int = 5) -> list[dict[str, Any]]:
    """Group persons across the batch: same BSN, or else same name and birth date.

    Two persons are linked when they share a BSN; or when they share name and birth date and that
    name-and-birth-date is not claimed by two different BSNs (then they are evidently different
    people, and only persons without a BSN are linked by it). Linking is transitive (union-find).
    A group counts when it spans at least two different documents (distinct sha256). ``drempel``
    dossiers within ``jaren`` years make the hermelding protocol apply: the organisation's setting
    (melding-1.1.md, *Settings*; the defaults are one VT region's protocol, not a national rule).
    """
    n = len(summary.p_doc)
    parent = array("q", range(n))
    links: dict[int, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int, kind: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
            links[ra] = links.get(ra, 0) | links.pop(rb, 0) | kind  # only links that joined something

    first: dict[int, int] = {}
    for p in range(n):
        key = summary.p_bsn[p]
        if key:
            if key in first:
                union(first[key], p, BSN_LINK)
            else:
                first[key] = p
    first.clear()
    name_bsn: dict[int, int] = {}  # name key -> the one BSN key seen with it, 0 none, -1 several
    for p in range(n):
        key, bsn = summary.p_naam[p], summary.p_bsn[p]
        if not key:
            continue
        current = name_bsn.get(key, 0)
        if bsn and current == 0:
            name_bsn[key] = bsn
        elif bsn and current not in (bsn, -1):
            name_bsn[key] = -1
        else:
            name_bsn.setdefault(key, current)
    without_bsn: dict[int, int] = {}
    for p in range(n):
        key = summary.p_naam[p]
        if not key:
            continue
        if name_bsn[key] == -1:
            if summary.p_bsn[p]:
                continue
            table = without_bsn
        else:
            table = first
        if key in table:
            union(table[key], p, NAAM_LINK)
        else:
            table[key] = p
    del first, without_bsn, name_bsn

    # Groups that span two or more documents; numbered in input order.
    root_doc: dict[int, int] = {}
    multi: dict[int, int] = {}
    for p in range(n):
        root = find(p)
        doc = summary.p_doc[p]
        seen = root_doc.setdefault(root, doc)
        if seen != doc and root not in multi:
            multi[root] = len(multi)
    del root_doc
    if not multi:
        return []
    member_of: dict[int, int] = {p: multi[find(p)] for p in range(n) if find(p) in multi}
    kinds = {gid: links.get(root, 0) for root, gid in multi.items()}
    groups: list[dict[str, Any]] = [{"leden": [], "docs": {}, "sleutel": None, "namen": set()} for _ in multi]

    p = 0
    for record in read_journal(journal_path):
        keys = record.get("samenloop")
        if not keys:
            continue
        for person in keys["personen"]:
            gid = member_of.get(p)
            p += 1
            if gid is None:
                continue
            group = groups[gid]
            group["sleutel"] = group["sleutel"] or person["bsn"] or person["naam"]
            if person["naam"]:
                group["namen"].add(person["naam"])
            group["leden"].append(
                {
                    "bestand": record["bestand"],
                    "kenmerk": record["kenmerk"],
                    "sector": record["sector"],
                    "datum": keys["datum"],
                    "pad": person["pad"],
                    "status": record["status"],
                }
            )
            group["docs"].setdefault(record["sha256"], (keys["datum"], keys["eerdere"]))
    return [_finish_group(i, g, kinds[i], secret, drempel=drempel, jaren=jaren) for i, g in enumerate(groups) if len(g["docs"]) >= 2]


def _finish_group(index: int, group: dict[str, Any], kind: int, secret: bytes, *, drempel: int, jaren: int) -> dict[str, Any]:
    dates = [datum for datum, _ in group["docs"].values() if datum]
    peildatum = max(dates) if dates else None
    earlier: set[str] = set()
    in_batch = 0
    vanaf = None
    if peildatum is not None:
        end = dt.date.fromisoformat(peildatum)
        start = years_before(end, jaren)
        vanaf = start.isoformat()
        for datum, contacts in group["docs"].values():
            if datum and vanaf <= datum <= peildatum:
                in_batch += 1
            for when, key in contacts:
                if vanaf <= when <= peildatum:
                    earlier.add(key)
    total = in_batch + len(earlier)
    return {
        "groep": "G-" + hashlib.blake2b(str(group["sleutel"]).encode(), key=secret, digest_size=6).hexdigest(),
        "koppeling": [name for bit, name in KOPPELING.items() if kind & bit],
        "meldingenInBatch": len(group["docs"]),
        "peildatum": peildatum,
        "vanaf": vanaf,
        "termijnJaren": jaren,
        "meldingenInBatchBinnenTermijn": in_batch,
        "eerdereDossiersBinnenTermijn": len(earlier),
        "dossiersBinnenTermijn": total,
        "drempel": drempel,
        "hermeldingProtocol": total >= drempel,
        # Same BSN, yet different names or birth dates: a typo in a BSN, or two people mixed up.
        "naamOfGeboortedatumVerschilt": len(group["namen"]) > 1,
        "leden": group["leden"],
    }
