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
from meldform.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_INVALID, MeldformError

F = TypeVar("F", bound=Callable[..., Any])
LANG = click.Choice(["nl", "en"])


def handle_errors(fn: F) -> F:
    """Run a command; turn its exit code and known exceptions into one line and an exit status."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            code = fn(*args, **kwargs)
        except MeldformError as exc:
            click.echo(f"meldform: {exc.message(kwargs.get('lang') or 'nl')}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("meldform: afgebroken", err=True)
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
            click.echo(f"meldform: interne fout ({type(exc).__name__}); zet MELDFORM_DEBUG=1 voor details", err=True)
            sys.exit(EXIT_INTERNAL)
        sys.exit(code)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="meldform")
def main() -> None:
    """meldform: maak, controleer en toon meldingen voor Veilig Thuis."""


@main.command()
@click.option("--lang", type=LANG, default="nl", show_default=True, help="Taal van de labels.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@handle_errors
def sectors(lang: str, fmt: str) -> int:
    """Toon de sectoren: sleutel en label."""
    from meldform.commands.schema import run_sectors

    return run_sectors(sys.stdout, lang=lang, fmt=fmt)


@main.command()
@click.option("--sector", help="Alleen deze sector.")
@click.option("--soort", help="Alleen melding of advies.")
@handle_errors
def schema(sector: str | None, soort: str | None) -> int:
    """Druk het JSON Schema af, zelfstandig (alle $refs binnen het document)."""
    from meldform.commands.schema import run_schema

    return run_schema(sys.stdout, sector=sector, soort=soort)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=LANG, default="nl", show_default=True, help="Taal van de meldingen.")
@click.option("--strict", is_flag=True, help="Waarschuwingen tellen ook als fout.")
@handle_errors
def validate(files: tuple[str, ...], fmt: str, lang: str, strict: bool) -> int:
    """Controleer meldingen (JSON of YAML; '-' leest van stdin)."""
    from meldform.commands.validate import run

    return run(files, sys.stdout, fmt=fmt, lang=lang, strict=strict)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["html", "docx", "pdf"]), required=True, help="Uitvoerformaat.")
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True, help="Uitvoermap.")
@click.option("--force", is_flag=True, help="Bestaande bestanden overschrijven.")
@click.option("--lang", type=LANG, default="nl", show_default=True)
@handle_errors
def render(files: tuple[str, ...], fmt: str, output: Path, force: bool, lang: str) -> int:
    """Zet geldige meldingen om naar <kenmerk>.html, <kenmerk>.docx of <kenmerk>.pdf."""
    from meldform.commands.render import run

    return run(files, sys.stdout, sys.stderr, fmt=fmt, output=output, force=force, lang=lang)


@main.command()
@click.option("--sector", required=True, help="De sector van het formulier (zie 'meldform sectors').")
@click.option("--soort", type=click.Choice(["melding", "advies"]), default="melding", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["html", "docx"]), required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Uitvoerbestand (standaard: meldformulier-<sector>[-advies].<format>).")
@click.option("--force", is_flag=True, help="Een bestaand bestand overschrijven.")
@click.option("--lang", type=LANG, default="nl", show_default=True)
@handle_errors
def blank(sector: str, soort: str, fmt: str, output: Path | None, force: bool, lang: str) -> int:
    """Een leeg, invulbaar formulier voor één sector (HTML of Word)."""
    from meldform.commands.blank import run

    return run(sys.stdout, sector=sector, soort=soort, fmt=fmt, output=output, force=force, lang=lang)


@main.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=LANG, default="nl", show_default=True)
@handle_errors
def import_(file: Path, lang: str) -> int:
    """Lees een ingevuld Word-formulier terug als melding (JSON op stdout)."""
    from meldform.commands.import_docx import run

    return run(file, sys.stdout, sys.stderr, lang=lang)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), required=True, help="Uitvoermap.")
@click.option("--format", "formats", default="html,docx", show_default=True, help="Formaten (html, docx, pdf), met komma's gescheiden.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Aantal processen (standaard: aantal kernen).")
@click.option("--force", is_flag=True, help="Bestaande documenten opnieuw maken en overschrijven.")
@click.option("--lang", type=LANG, default="nl", show_default=True)
@handle_errors
def batch(inputs: tuple[str, ...], output: Path, formats: str, jobs: int | None, force: bool, lang: str) -> int:
    """Controleer en zet veel meldingen om (bestanden en mappen, recursief)."""
    from meldform.commands.batch import run

    return run(inputs, output, sys.stdout, sys.stderr, formats=formats, jobs=jobs, force=force, lang=lang)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["html", "docx", "pdf"]), default="pdf", show_default=True, help="Uitvoerformaat.")
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True, help="Uitvoermap.")
@click.option("--force", is_flag=True, help="Bestaande bestanden overschrijven.")
@click.option("--lang", type=LANG, default="nl", show_default=True, help="Taal van de brief.")
@handle_errors
def brief(files: tuple[str, ...], fmt: str, output: Path, force: bool, lang: str) -> int:
    """Een brief voor de ouders over een melding (<kenmerk>-brief.pdf, .html of .docx)."""
    from meldform.commands.brief import run

    return run(files, sys.stdout, sys.stderr, fmt=fmt, output=output, force=force, lang=lang)
