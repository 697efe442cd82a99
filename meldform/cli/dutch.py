"""click in the user's language: --help headings, option help and usage errors, Dutch by default.

The language is read from the command line before click parses it (``--lang en`` anywhere, also
after the subcommand, because ``--help`` is eager and runs before ``--lang`` would be parsed).
Help texts are written in Dutch in ``meldform.cli``; the English comes from the same catalogues,
looked up by the Dutch text. Usage errors are one line with exit status 2, built from click's
exception attributes (never by patching click's gettext).
"""

from __future__ import annotations

import contextvars
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from meldform.errors import EXIT_INTERRUPTED, EXIT_USAGE
from meldform.texts import DEFAULT_LANG, LANGS, pick
from meldform.texts.cli import CLICK, ERRORS, HELP
from meldform.texts.migrate import HELP as MIGRATE_HELP

LANG_OPTION = "--lang"
CLI_LANG: contextvars.ContextVar[str] = contextvars.ContextVar("meldform_cli_lang", default=DEFAULT_LANG)
_ENGLISH = {entry["nl"]: entry["en"] for catalogue in (HELP, MIGRATE_HELP) for entry in catalogue.values()}


def detect_lang(args: Sequence[str]) -> str:
    """The value of the last ``--lang X`` / ``--lang=X`` on the command line, else Dutch."""
    lang = DEFAULT_LANG
    for index, arg in enumerate(args):
        value = None
        if arg == LANG_OPTION and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith(LANG_OPTION + "="):
            value = arg.split("=", 1)[1]
        if value in LANGS:
            lang = value
    return lang


def t(key: str, **params: Any) -> str:
    return pick(CLICK, key, CLI_LANG.get(), **params)


def translated(text: str | None) -> str:
    """A help text of ``meldform.cli`` (written in Dutch) in the language of this run."""
    if not text:
        return ""
    return _ENGLISH.get(text, text) if CLI_LANG.get() == "en" else text


def _hint(param: click.Parameter | None, ctx: click.Context | None) -> str:
    if param is None:
        return ""
    return param.get_error_hint(ctx) if ctx is not None else repr(param.name)


def usage_message(exc: click.UsageError) -> str:
    """A usage error as a sentence in the run's language."""
    if isinstance(exc, click.NoSuchOption):
        message = t("geen_optie", optie=exc.option_name)
        if exc.possibilities:
            message += t("bedoelde_u", keuzes=", ".join(sorted(exc.possibilities)))
        return message
    if isinstance(exc, click.BadOptionUsage):
        return t("optie_waarde", optie=exc.option_name)
    if isinstance(exc, click.MissingParameter):
        name = _hint(exc.param, exc.ctx)
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "")
        return t({"argument": "ontbreekt_argument", "option": "ontbreekt_optie"}.get(kind, "ontbreekt"), naam=name)
    if isinstance(exc, click.BadParameter):
        return t("ongeldige_waarde", naam=_hint(exc.param, exc.ctx), reden=exc.message)
    return exc.message or t("anders")


class Choice(click.Choice[str]):
    """click's Choice with its complaint in the run's language."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return t("geen_keuze", waarde=value, keuzes=", ".join(f"'{c}'" for c in self.choices))


class IntRange(click.IntRange):
    """click's IntRange with its complaint in the run's language."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            if self.max is None:
                bereik = t("vanaf", min=self.min)
            else:
                bereik = t("tussen", min=self.min, max=self.max)
            self.fail(t("geen_getal", waarde=value, bereik=bereik), param, ctx)


class _Localized:
    """What a command and the group share: headings, help texts and the help option."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        words = {"[OPTIONS]": t("opties_metavar"), "COMMAND [ARGS]...": t("commando_metavar")}
        pieces = [words.get(piece, piece) for piece in self.collect_usage_pieces(ctx)]  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("gebruik") + " ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = translated(self.help)  # type: ignore[attr-defined]
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is None or isinstance(param, click.Argument):
                continue
            names, text = record
            if param.help:
                text = text.replace(param.help, translated(param.help), 1)
            text = text.replace("[default: ", f"[{t('standaard')}: ").replace("default: ", f"{t('standaard')}: ")
            text = text.replace("[required]", f"[{t('verplicht')}]").replace("; required]", f"; {t('verplicht')}]")
            rows.append((names, text))
        if rows:
            with formatter.section(t("opties")):
                formatter.write_dl(rows)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = pick(HELP, "help_optie", DEFAULT_LANG)
        return option

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        except click.UsageError as exc:
            exc.ctx = exc.ctx or ctx  # click's parser leaves it out: the hint names this command
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing and not isinstance(self, click.Group):
            ctx.fail(t("te_veel", args=" ".join(rest)))
        return rest


class Command(_Localized, click.Command):
    pass


class Group(_Localized, click.Group):
    command_class = Command

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _Localized.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            rows.append((name, translated(command.help).split("\n")[0]))
        if rows:
            with formatter.section(t("commandos")):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        name = click.utils.make_str(args[0])
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing and not name.startswith("-"):
            ctx.fail(t("geen_commando", naam=name))
        return super().resolve_command(ctx, args)

    def main(
        self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None, standalone_mode: bool = True, **extra: Any
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        token = CLI_LANG.set(detect_lang(argv))
        try:
            try:
                code = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
            except click.UsageError as exc:
                if not standalone_mode:
                    raise
                command = exc.ctx.command_path if exc.ctx is not None else "meldform"
                _exit(t("fout", bericht=usage_message(exc), commando=command), exc.exit_code)
            except click.ClickException as exc:
                if not standalone_mode:
                    raise
                exc.show()
                sys.exit(exc.exit_code)
            except click.Abort:
                if not standalone_mode:
                    raise
                _exit(f"meldform: {pick(ERRORS, 'afgebroken', CLI_LANG.get())}", EXIT_INTERRUPTED)
            if standalone_mode:
                sys.exit(code if isinstance(code, int) else 0)
            return code
        finally:
            CLI_LANG.reset(token)


def _exit(line: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(line, err=True)
    sys.exit(code)
