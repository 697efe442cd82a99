"""The command line: click only parses options and maps outcomes to exit codes.

The work happens in ``meldform.commands``; heavy modules (python-docx, the renderers) are imported
inside the commands that need them, so ``meldform validate`` starts fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from meldform import __version__
from meldform.cli.dutch import CLI_LANG, Choice, Group, IntRange
from meldform.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_INVALID, MeldformError
from meldform.model.schemas import SOORTEN
from meldform.texts import DEFAULT_LANG, LANGS, pick
from meldform.texts.cli import CLICK, ERRORS, HELP
from meldform.texts.migrate import HELP as MIGRATE_HELP

F = TypeVar("F", bound=Callable[..., Any])
LANG = Choice(list(LANGS))


def _help(key: str) -> str:
    return pick(HELP, key, DEFAULT_LANG)


def handle_errors(fn: F) -> F:
    """Run a command; turn its exit code and known exceptions into one line and an exit status."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        lang = kwargs.get("lang") or DEFAULT_LANG
        try:
            code = fn(*args, **kwargs)
        except MeldformError as exc:
            click.echo(f"meldform: {exc.message(lang)}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo(f"meldform: {pick(ERRORS, 'afgebroken', lang)}", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_INVALID)
        except Exception as exc:
            if os.environ.get("MELDFORM_DEBUG"):
                raise
            # Never the message itself: it could quote a document's personal data.
            click.echo(f"meldform: {pick(ERRORS, 'interne_fout', lang, soort=type(exc).__name__)}", err=True)
            sys.exit(EXIT_INTERNAL)
        sys.exit(code)

    return wrapper  # type: ignore[return-value]


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]}, help=_help("main"))
@click.version_option(__version__, prog_name="meldform", help=_help("versie_optie"), message=pick(CLICK, "versie", DEFAULT_LANG))
@click.option("--lang", type=LANG, default=None, help=_help("lang_hoofd"))
@click.pass_context
def main(ctx: click.Context, lang: str | None) -> None:
    # `meldform --lang en validate x.json` is `meldform validate x.json --lang en`: the group's
    # --lang becomes every command's default (a --lang after the command still wins).
    if lang is not None and ctx.invoked_subcommand is not None:
        ctx.default_map = {name: {"lang": lang} for name in ctx.command.commands}  # type: ignore[attr-defined]


@main.command(help=_help("sectors"))
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=_help("lang_labels"))
@click.option("--format", "fmt", type=Choice(["text", "json"]), default="text", show_default=True, help=_help("format_tekst"))
@handle_errors
def sectors(lang: str, fmt: str) -> int:
    from meldform.commands.schema import run_sectors

    return run_sectors(sys.stdout, lang=lang, fmt=fmt)


class _OneLineUsageError(click.ClickException):
    """A wrong option value as one line, exit status 2, like an unknown sector (no usage block)."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"meldform: {self.message}", err=True)


class _SoortChoice(click.Choice[str]):
    """A soort of the contract: listed in --help and completed by the shell; a wrong one is one line."""

    def __init__(self) -> None:
        super().__init__(list(SOORTEN))

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value in self.choices:
            return value
        from meldform.model.schemas import UnknownVariantError

        raise _OneLineUsageError(UnknownVariantError("soort", str(value), tuple(map(str, self.choices))).message(CLI_LANG.get()))


@main.command(help=_help("schema"))
@click.option("--sector", help=_help("sector_alleen"))
@click.option("--soort", type=_SoortChoice(), help=_help("soort_alleen"))
@click.option("--zonder-annotaties", "zonder_annotaties", is_flag=True, help=_help("zonder_annotaties"))
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=_help("lang_meldingen"))
@handle_errors
def schema(sector: str | None, soort: str | None, zonder_annotaties: bool, lang: str) -> int:
    from meldform.commands.schema import run_schema

    return run_schema(sys.stdout, sector=sector, soort=soort, annotations=not zonder_annotaties)


@main.command(help=_help("validate"))
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=Choice(["text", "json"]), default="text", show_default=True, help=_help("format_tekst"))
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=_help("lang_meldingen"))
@click.option("--strict", is_flag=True, help=_help("strict"))
@click.option("--hermelding-dossiers", "hermelding_dossiers", type=int, default=3, show_default=True, help=_help("hermelding_dossiers"))
@click.option("--hermelding-jaren", "hermelding_jaren", type=int, default=5, show_default=True, help=_help("hermelding_jaren"))
@handle_errors
def validate(files: tuple[str, ...], fmt: str, lang: str, strict: bool, hermelding_dossiers: int, hermelding_jaren: int) -> int:
    from meldform.commands.validate import run_validate

    return run_validate(files, sys.stdout, fmt=fmt, lang=lang, strict=strict, hermelding_dossiers=hermelding_dossiers, hermelding_jaren=hermelding_jaren)


@main.command(help=_help("render"))
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=Choice(["html", "docx", "pdf"]), required=True, help=_help("format_uitvoer"))
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True, help=_help("uitvoermap"))
@click.option("--force", is_flag=True, help=_help("force_bestanden"))
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=_help("lang_uitvoer"))
@handle_errors
def render(files: tuple[str, ...], fmt: str, output: Path, force: bool, lang: str) -> int:
    from meldform.commands.render import run_render

    return run_render(files, sys.stdout, sys.stderr, fmt=fmt, output=output, force=force, lang=lang)


@main.command(help=_help("blank"))
@click.option("--sector", required=True, help=_help("sector_formulier"))
@click.option("--soort", type=_SoortChoice(), default=SOORTEN[0], show_default=True, help=_help("soort_formulier"))
@click.option("--format", "fmt", type=Choice(["html", "docx"]), required=True, help=_help("format_formulier"))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help=_help("uitvoerbestand"))
@click.option("--force", is_flag=True, help=_help("force_bestand"))
@click.option("--herhalingen", "slots", type=IntRange(1, 50), default=None, help=_help("herhalingen"))
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=_help("lang_formulier"))
@handle_errors
def blank(sector: str, soort: str, fmt: str, output: Path | None, force: bool, slots: int | None, lang: str) -> int:
    from meldform.commands.blank import run_blank

    return run_blank(sys.stdout, sector=sector, soort=soort, fmt=fmt, output=output, force=force, lang=lang, slots=slots)


@main.command(name="import", help=_help("import"))
@click.argument("file")  # not click.Path: a missing or unreadable file is a bad document (exit 1), not a usage error
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=_help("lang_meldingen"))
@handle_errors
def import_(file: str, lang: str) -> int:
    from meldform.commands.import_docx import run_import

    return run_import(file, sys.stdout, sys.stderr, lang=lang)


@main.command(help=_help("batch"))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), required=True, help=_help("uitvoermap"))
@click.option("--format", "formats", default="html,docx", show_default=True, help=_help("formaten"))
@click.option("--jobs", "-j", type=IntRange(min=1), default=None, help=_help("jobs"))
@click.option("--force", is_flag=True, help=_help("force_batch"))
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=_help("lang_batch"))
@click.option("--hermelding-dossiers", "hermelding_dossiers", type=int, default=3, show_default=True, help=_help("hermelding_dossiers"))
@click.option("--hermelding-jaren", "hermelding_jaren", type=int, default=5, show_default=True, help=_help("hermelding_jaren"))
@handle_errors
def batch(
    inputs: tuple[str, ...], output: Path, formats: str, jobs: int | None, force: bool, lang: str, hermelding_dossiers: int, hermelding_jaren: int
) -> int:
    from meldform.commands.batch import run_batch

    return run_batch(
        inputs,
        output,
        sys.stdout,
        sys.stderr,
        formats=formats,
        jobs=jobs,
        force=force,
        lang=lang,
        hermelding_dossiers=hermelding_dossiers,
        hermelding_jaren=hermelding_jaren,
    )


@main.command(help=_help("brief"))
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=Choice(["html", "docx", "pdf"]), default="pdf", show_default=True, help=_help("format_uitvoer"))
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True, help=_help("uitvoermap"))
@click.option("--force", is_flag=True, help=_help("force_bestanden"))
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=_help("lang_brief"))
@handle_errors
def brief(files: tuple[str, ...], fmt: str, output: Path, force: bool, lang: str) -> int:
    from meldform.commands.brief import run_brief

    return run_brief(files, sys.stdout, sys.stderr, fmt=fmt, output=output, force=force, lang=lang)


@main.command(help=_help("serve"))
@click.option("--host", default="127.0.0.1", show_default=True, help=_help("host"))
@click.option("--port", type=IntRange(0, 65535), default=8000, show_default=True, help=_help("port"))
@click.option("--workers", type=IntRange(min=1), default=1, show_default=True, help=_help("workers"))
@click.option("--max-body", default="2MB", show_default=True, help=_help("max_body"))
@click.option("--timeout", default="10s", show_default=True, help=_help("timeout"))
@click.option("--concurrency", type=IntRange(min=1), default=32, show_default=True, help=_help("concurrency"))
@click.option("--token-file", type=click.Path(dir_okay=False), help=_help("token_file"))
@click.option("--proxy-headers/--no-proxy-headers", default=False, show_default=True, help=_help("proxy_headers"))
@click.option("--forwarded-allow-ips", default="127.0.0.1", show_default=True, help=_help("forwarded_allow_ips"))
@click.option("--log-level", type=Choice(["debug", "info", "warning", "error"]), default="info", show_default=True, help=_help("log_level"))
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=_help("lang_starten"))
@handle_errors
def serve(**options: Any) -> int:
    # the options' meaning is defined once, by meldform.commands.serve.run_serve's keyword parameters
    from meldform.commands.serve import run_serve

    return run_serve(sys.stderr, **options)


@main.command(help=pick(MIGRATE_HELP, "migrate", DEFAULT_LANG))
@click.argument("files", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=None, help=pick(MIGRATE_HELP, "uitvoermap", DEFAULT_LANG))
@click.option("--force", is_flag=True, help=_help("force_bestanden"))
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=_help("lang_meldingen"))
@handle_errors
def migrate(files: tuple[str, ...], output: Path | None, force: bool, lang: str) -> int:
    from meldform.commands.migrate import run_migrate

    return run_migrate(files, sys.stdout, sys.stderr, output=output, force=force, lang=lang)


@main.command(help=pick(MIGRATE_HELP, "anonymize", DEFAULT_LANG))
@click.argument("file")  # not click.Path: a missing or unreadable file is a bad document (exit 1), not a usage error
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help=pick(MIGRATE_HELP, "uitvoerbestand", DEFAULT_LANG))
@click.option("--force", is_flag=True, help=pick(MIGRATE_HELP, "force_anonymize", DEFAULT_LANG))
@click.option("--vraag", default=None, help=pick(MIGRATE_HELP, "vraag", DEFAULT_LANG))
@click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True, help=pick(MIGRATE_HELP, "lang_anonymize", DEFAULT_LANG))
@handle_errors
def anonymize(file: str, output: Path | None, force: bool, vraag: str | None, lang: str) -> int:
    from meldform.commands.anonymize import run_anonymize

    return run_anonymize(file, sys.stdout, sys.stderr, output=output, force=force, vraag=vraag, lang=lang)
