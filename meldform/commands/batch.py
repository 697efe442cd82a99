"""``meldform batch``: validate and render many meldingen; progress on a terminal, a summary always.

The work is in ``meldform.batch.core``; this module parses the options, shows the progress bar, prints
the summary and maps outcomes to exit codes. Progress and summary show counts only — never a
name, a BSN or anything else from a document.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from meldform.batch import core as batch
from meldform.documents.rendering import FORMATS
from meldform.errors import EXIT_INVALID, EXIT_OK, UsageError
from meldform.output import OutputNotWritableError, ensure_dir
from meldform.texts.messages import pick

TEXTS: dict[str, dict[str, str]] = {
    "onbekend_formaat": {
        "nl": "onbekend formaat '{formaat}'; kies uit: {keuzes} (met komma's gescheiden)",
        "en": "unknown format '{formaat}'; choose from: {keuzes} (separated by commas)",
    },
    "geen_formaat": {"nl": "geef minstens één formaat (--format html,docx)", "en": "give at least one format (--format html,docx)"},
    "docx_ontbreekt": {
        "nl": "Word-uitvoer (docx) is in deze installatie niet beschikbaar; kies --format html",
        "en": "Word output (docx) is not available in this installation; choose --format html",
    },
    "map_niet_schrijfbaar": {
        "nl": "uitvoermap {map} is niet te maken of niet beschrijfbaar",
        "en": "output folder {map} cannot be created or is not writable",
    },
    "balk": {"nl": "meldingen", "en": "meldingen"},
    "balk_stand": {"nl": "{ok} klaar, {fout} niet gemaakt", "en": "{ok} done, {fout} not made"},
    "samenvatting": {
        "nl": "meldform batch: {bestanden} bestand(en): {gerenderd} gerenderd, {overgeslagen} overgeslagen (al klaar), "
        "{ongeldig} ongeldig, {onleesbaar} onleesbaar, {conflict} conflict, {mislukt} mislukt",
        "en": "meldform batch: {bestanden} file(s): {gerenderd} rendered, {overgeslagen} skipped (already done), "
        "{ongeldig} invalid, {onleesbaar} unreadable, {conflict} conflict, {mislukt} failed",
    },
    "documenten": {
        "nl": "{geschreven} document(en) geschreven, {behouden} behouden; {fouten} fout(en), {waarschuwingen} waarschuwing(en); "
        "samenloop: {groepen} groep(en), waarvan {hermelding} met drie of meer dossiers binnen vijf jaar",
        "en": "{geschreven} document(s) written, {behouden} kept; {fouten} error(s), {waarschuwingen} warning(s); "
        "samenloop: {groepen} group(s), {hermelding} of them with three or more dossiers within five years",
    },
    "rapport": {"nl": "rapport: {json} en {html}", "en": "report: {json} and {html}"},
}


def text(key: str, lang: str, **params: object) -> str:
    return pick(TEXTS, key, lang, **params)


def parse_formats(value: str, lang: str = "nl") -> tuple[str, ...]:
    formats: list[str] = []
    for part in value.split(","):
        fmt = part.strip().lower()
        if not fmt:
            continue
        if fmt not in FORMATS:
            raise UsageError(text("onbekend_formaat", lang, formaat=fmt, keuzes=", ".join(FORMATS)))
        if fmt not in formats:
            formats.append(fmt)
    if not formats:
        raise UsageError(text("geen_formaat", lang))
    return tuple(formats)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _check_renderers(formats: Sequence[str], lang: str) -> None:
    """Fail before the first document if a requested renderer cannot be loaded."""
    if "docx" in formats:
        try:
            import meldform.documents.render_docx  # noqa: F401
        except ImportError:
            raise UsageError(text("docx_ontbreekt", lang)) from None


def is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


@contextmanager
def _progress(err: TextIO, inputs: Sequence[str], output: Path, lang: str) -> Iterator[batch.Progress | None]:
    """A progress bar with counts and an ETA on a terminal; nothing otherwise."""
    if not is_terminal(err):
        yield None
        return
    total = batch.count_inputs(inputs, exclude=output)
    with click.progressbar(
        length=total,
        label=text("balk", lang),
        file=err,
        show_eta=True,
        show_percent=True,
        show_pos=True,
        item_show_func=lambda stand: stand,
    ) as bar:

        def update(done: int, summary: batch.Summary) -> None:
            ok = sum(summary.status[s] for s in batch.OK_STATUSES)
            bar.update(done, text("balk_stand", lang, ok=ok, fout=summary.bestanden - ok))

        yield update


def run(
    inputs: Sequence[str],
    output: Path,
    out: TextIO,
    err: TextIO,
    *,
    formats: str = "html,docx",
    jobs: int | None = None,
    force: bool = False,
    lang: str = "nl",
) -> int:
    chosen = parse_formats(formats, lang)
    _check_renderers(chosen, lang)
    try:
        ensure_dir(output)
    except OutputNotWritableError:
        raise UsageError(text("map_niet_schrijfbaar", lang, map=output)) from None
    try:
        with _progress(err, inputs, output, lang) as progress:
            result = batch.run_batch(inputs, output, formats=chosen, jobs=jobs or default_jobs(), force=force, lang=lang, progress=progress)
    except batch.OutputError as exc:
        raise UsageError(exc.message(lang)) from None
    except batch.BusyError:
        raise UsageError(batch.text("bezet", lang, map=output)) from None
    s = result.summary
    out.write(text("samenvatting", lang, bestanden=s.bestanden, **{status: s.status[status] for status in batch.STATUSES}) + "\n")
    out.write(
        text(
            "documenten",
            lang,
            geschreven=s.geschreven,
            behouden=s.behouden,
            fouten=s.fouten,
            waarschuwingen=s.waarschuwingen,
            groepen=s.groepen,
            hermelding=s.hermelding_groepen,
        )
        + "\n"
    )
    out.write(text("rapport", lang, json=result.rapport_json, html=result.rapport_html) + "\n")
    return EXIT_OK if result.ok else EXIT_INVALID
