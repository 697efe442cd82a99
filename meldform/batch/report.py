"""The batch's summary (counted as records come in) and its reports, rapport.json and rapport.html.

Both reports are streamed from the journal, so their size costs no memory, and both are written
by ``meldform.output.stream_atomic``: a report on disk always describes a finished run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meldform import __version__
from meldform.batch.common import GERENDERD, OK_STATUSES, REPORT_HTML, REPORT_JSON, STATUSES, Outcome, OutputError, public_record, read_journal
from meldform.check.findings import FOUT, finding_label
from meldform.cleaning import clean as clean_text
from meldform.cleaning import clean_tree
from meldform.output import OutputNotWritableError, stream_atomic
from meldform.texts.batch import FAILED_LINE, REPORT_WORDS, SETTING_WORDS, STATUS_SHORT, STATUS_WORDS
from meldform.texts.messages import localized, pick
from meldform.texts.words import WORDS


@dataclass
class Summary:
    bestanden: int = 0
    status: Counter[str] = field(default_factory=Counter)
    per_sector: dict[str, Counter[str]] = field(default_factory=dict)
    per_code: dict[str, dict[str, Any]] = field(default_factory=dict)
    geschreven: int = 0
    behouden: int = 0
    fouten: int = 0
    waarschuwingen: int = 0
    # samenloop index: one entry per person, compact (three machine words)
    p_bsn: array[int] = field(default_factory=lambda: array("q"))
    p_naam: array[int] = field(default_factory=lambda: array("q"))
    p_doc: array[int] = field(default_factory=lambda: array("q"))
    groepen: int = 0
    hermelding_groepen: int = 0
    # the organisation's hermelding setting the samenloop counted with (melding-1.1.md, *Settings*)
    hermelding_dossiers: int = 3
    hermelding_jaren: int = 5

    @property
    def ok(self) -> bool:
        return all(status in OK_STATUSES for status, count in self.status.items() if count)

    def add(self, outcome: Outcome, seq: int) -> None:
        self.bestanden += 1
        self.status[outcome.status] += 1
        self.per_sector.setdefault(outcome.sector, Counter())[outcome.status] += 1
        self.geschreven += outcome.written
        self.behouden += outcome.kept
        seen: set[str] = set()
        for code, ernst in outcome.codes:
            entry = self.per_code.setdefault(code, {"code": code, "ernst": ernst, "aantal": 0, "bestanden": 0})
            entry["aantal"] += 1
            if code not in seen:
                entry["bestanden"] += 1
                seen.add(code)
            if ernst == FOUT:
                self.fouten += 1
            else:
                self.waarschuwingen += 1
        for bsn, naam in outcome.persons:
            self.p_bsn.append(bsn)
            self.p_naam.append(naam)
            self.p_doc.append(seq)

    def as_json(self) -> dict[str, Any]:
        return {
            "bestanden": self.bestanden,
            "status": {status: self.status.get(status, 0) for status in STATUSES},
            "documentenGeschreven": self.geschreven,
            "documentenBehouden": self.behouden,
            "fouten": self.fouten,
            "waarschuwingen": self.waarschuwingen,
            "perSector": {sector: {status: counts.get(status, 0) for status in STATUSES} for sector, counts in sorted(self.per_sector.items())},
            "perCode": sorted(self.per_code.values(), key=lambda e: (e["ernst"] != FOUT, -e["bestanden"], e["code"])),
            "samenloopGroepen": self.groepen,
            "samenloopHermelding": self.hermelding_groepen,
        }


Progress = Callable[[int, Summary], None]


@dataclass
class BatchResult:
    summary: Summary
    rapport_json: Path
    rapport_html: Path
    # one line per input that was not processed (file, status, first reason), for the console
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.summary.ok


TIMEZONE = "Europe/Amsterdam"


def now_local() -> dt.datetime:
    """Now in Dutch time (Europe/Amsterdam); the machine's own zone where tzdata is missing."""
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - Python without zoneinfo
        return dt.datetime.now().astimezone()
    try:
        return dt.datetime.now(ZoneInfo(TIMEZONE))
    except (ZoneInfoNotFoundError, ValueError):
        return dt.datetime.now().astimezone()


def per_code(summary: Summary, lang: str) -> list[dict[str, Any]]:
    """The summary's ``perCode`` entries, each with the finding's ``label`` beside its ``code``."""
    return [{"code": entry["code"], "label": finding_label(entry["code"], lang), **entry} for entry in summary.as_json()["perCode"]]


def heading(text: str) -> str:
    """A status or severity word as a row heading or a cell of its own: 'verwerkt' -> 'Verwerkt'
    (only the first letter: 'niet verwerkt: kenmerk dubbel' keeps its other capitals)."""
    return text[:1].upper() + text[1:]


def format_moment(moment: dt.datetime, lang: str) -> str:
    """'3 december 2026, 14:05' (English: '3 December 2026, 14:05')."""
    from meldform.documents.formatting import format_date

    return pick(REPORT_WORDS, "tijdstip", lang, datum=format_date(moment.date().isoformat(), lang), tijd=f"{moment:%H:%M}")


def status_label(record: dict[str, Any], lang: str) -> str:
    """What happened to an input, in a person's words ('verwerkt met waarschuwingen', ...)."""
    status = record.get("status", "")
    if status == GERENDERD and record.get("bevindingen"):
        status = "gerenderd_waarschuwingen"
    return pick(STATUS_WORDS, status, lang) if status in STATUS_WORDS else str(status)


def failure_reason(record: dict[str, Any], lang: str) -> str:
    """The first reason an input was not processed: an error's message (which names the field by
    its labels, 'Betrokkenen › Kind 1 › BSN ...') or a conflict; never a value from the document."""
    reasons: list[str] = [str(f["melding"]) for f in record.get("bevindingen") or () if f.get("ernst") == FOUT]
    reasons += [str(c["melding"]) for c in record.get("conflicten") or ()]
    if not reasons:
        return status_label(record, lang)
    more = pick(FAILED_LINE, "meer", lang, aantal=len(reasons) - 1) if len(reasons) > 1 else ""
    return reasons[0] + more


def failure_line(record: dict[str, Any], lang: str) -> str:
    """One line for an input that was not processed: file, status, first reason."""
    return pick(
        FAILED_LINE,
        "regel",
        lang,
        bestand=clean_text(str(record["bestand"])),
        status=status_label(record, lang),
        reden=failure_reason(record, lang),
    )


def place_label(pad: str, sector: str | None, lang: str) -> str:
    """'/betrokkenen/kinderen/0' as the validate messages name it: 'Betrokkenen › Kind 1'."""
    from meldform.check.describe import Describer
    from meldform.model.schemas import load_schemas

    schemas = load_schemas()
    parts: list[str | int] = []
    for raw in pad.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        parts.append(int(part) if part.isascii() and part.isdigit() else part)
    return Describer(schemas, sector if sector in schemas.sectors else None, lang).field(parts)


def write_reports(
    output: Path, journal_path: Path, summary: Summary, groups: list[dict[str, Any]], *, formats: Sequence[str], lang: str, public_path: Path
) -> BatchResult:
    """rapport.json and rapport.html. ``public_path``: the records as rapport.json lists them, one a
    line (written by the pool beside the journal), copied as they are; the journal itself is read
    again only when some input was not processed (for the failure lines and the problem list)."""
    # Outputs were written without a per-file fsync: one sync here, so a finished report means
    # every output it lists is on disk.
    os.sync()
    summary.groepen = len(groups)
    summary.hermelding_groepen = sum(1 for g in groups if g["hermeldingProtocol"])
    moment = now_local()
    made = moment.isoformat(timespec="seconds")
    head = {
        "meldform": __version__,
        "rapport": "batch",
        "gemaakt": made,
        "uitvoermap": str(output),
        "formaten": list(formats),
        "samenvatting": {**summary.as_json(), "perCode": per_code(summary, lang)},
        "instellingen": {"hermeldingDossiers": summary.hermelding_dossiers, "hermeldingJaren": summary.hermelding_jaren},
        "samenloop": groups,
        "taal": lang,
        "statusLabels": {status: pick(STATUS_WORDS, status, lang) for status in STATUS_WORDS},
    }
    failures: list[str] = []
    json_path = output / REPORT_JSON
    html_path = output / REPORT_HTML
    try:
        with stream_atomic(json_path, force=True) as handle:
            opening = json.dumps(clean_tree(head), ensure_ascii=False, indent=2)
            handle.write(opening[:-2] + ',\n  "bestanden": [')
            with open(public_path, encoding="utf-8") as lines:
                for index, line in enumerate(lines):
                    handle.write(",\n    " if index else "\n    ")
                    handle.write(line.rstrip("\n"))
            handle.write("\n  ]\n}\n")
        if not summary.ok:
            failures = [failure_line(record, lang) for record in read_journal(journal_path) if record["status"] not in OK_STATUSES]
        with stream_atomic(html_path, force=True) as handle:
            for piece in render_report_html(journal_path, summary, groups, made=format_moment(moment, lang), output=output, formats=formats, lang=lang):
                handle.write(piece)
    except OutputNotWritableError as exc:
        raise OutputError(exc.errno, output) from None
    return BatchResult(summary, json_path, html_path, failures)


def _problems(journal_path: Path, summary: Summary) -> Iterator[dict[str, Any]]:
    if summary.ok:
        return  # every input processed: no need to read the journal again
    for record in read_journal(journal_path):
        if record["status"] not in OK_STATUSES:
            yield public_record(record)


def _labelled_problems(journal_path: Path, summary: Summary, lang: str) -> Iterator[dict[str, Any]]:
    for record in _problems(journal_path, summary):
        record["statusLabel"] = heading(status_label(record, lang))
        yield record


def render_report_html(
    journal_path: Path, summary: Summary, groups: list[dict[str, Any]], *, made: str, output: Path, formats: Sequence[str], lang: str
) -> Iterator[str]:
    """The readable overview, streamed (the list of problem files is read from the journal)."""
    from meldform.documents.render_html import environment, stylesheet
    from meldform.model.i18n import tr
    from meldform.model.schemas import load_schemas
    from meldform.texts.messages import ERNST_LABELS

    schemas = load_schemas()
    css, style_hash = stylesheet()
    words = {**localized(WORDS, lang), **localized(REPORT_WORDS, lang)}
    setting = {"drempel": summary.hermelding_dossiers, "jaren": summary.hermelding_jaren}
    for key in SETTING_WORDS:
        words[key] = words[key].format(**setting, vanaf="{vanaf}")
    status_words = {status: heading(text) for status, text in localized(STATUS_WORDS, lang).items()}
    ernst_words = {ernst: heading(text) for ernst, text in localized(ERNST_LABELS, lang).items()}
    sectors = []
    for sector, counts in sorted(summary.per_sector.items()):
        label = tr(schemas.sector_label(sector), lang) if sector in schemas.sectors else words["geen_sector"]
        sectors.append({"label": label, "totaal": sum(counts.values()), "status": counts})
    from meldform.documents.formatting import format_date

    def member(m: dict[str, Any]) -> dict[str, Any]:
        sector = m.get("sector")
        return {
            **m,
            "pad": place_label(str(m.get("pad") or ""), sector, lang),
            "sector": tr(schemas.sector_label(sector), lang) if sector in schemas.sectors else "",
            "datum": format_date(m["datum"], lang) if m.get("datum") else "",
        }

    labelled_groups = [
        {**group, "vanaf": format_date(group["vanaf"], lang) if group.get("vanaf") else None, "leden": [member(m) for m in group["leden"]]} for group in groups
    ]
    template = environment().get_template("rapport.html.j2")
    return template.generate(
        lang=lang,
        style=css,
        style_hash=style_hash,
        words=words,
        status_words=status_words,
        status_short=localized(STATUS_SHORT, lang),
        ernst_words=ernst_words,
        statuses=STATUSES,
        made=made,
        output=str(output),
        formats=", ".join(formats),
        summary=summary,
        sectors=sectors,
        codes=per_code(summary, lang),
        groups=labelled_groups,
        problems=_labelled_problems(journal_path, summary, lang),
        version=__version__,
    )
