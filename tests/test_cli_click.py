"""The click layer speaks Dutch: --help, usage errors and every option's help; English with --lang en."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from meldform.cli import main

COMMANDS = sorted(main.commands)
# click's English boilerplate that must not appear in Dutch output
ENGLISH = ("Usage:", "Options:", "Commands:", "Show this message and exit.", "Show the version and exit.", "[default:", "[required]", "[OPTIONS]")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), prog_name="meldform")
    return result.exit_code, result.stdout, result.stderr


def test_main_help_is_dutch() -> None:
    code, out, _ = invoke("--help")
    assert code == 0
    assert out.startswith("Gebruik: meldform [OPTIES] COMMANDO [ARGUMENTEN]...")
    assert "Opties:" in out and "Commando's:" in out and "Toon de versie en stop." in out
    assert not [word for word in ENGLISH if word in out]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_each_command_is_dutch(command: str) -> None:
    code, out, _ = invoke(command, "--help")
    assert code == 0
    assert out.startswith(f"Gebruik: meldform {command} [OPTIES]")
    assert "Opties:" in out and "Toon deze hulp en stop." in out
    assert not [word for word in ENGLISH if word in out], out


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_each_command_in_english_also_after_the_command(command: str) -> None:
    code, out, _ = invoke(command, "--help", "--lang", "en")
    assert code == 0
    assert out.startswith(f"Usage: meldform {command} [OPTIONS]")
    assert "Options:" in out and "Show this message and exit." in out
    assert "Opties:" not in out and "Toon deze hulp" not in out


@pytest.mark.parametrize("command", COMMANDS)
def test_bad_option_is_one_dutch_line_with_exit_2(command: str) -> None:
    code, out, err = invoke(command, "--bestaat-niet")
    assert code == 2
    assert out == ""
    assert err == f"meldform: onbekende optie --bestaat-niet (zie 'meldform {command} --help')\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_bad_option_in_english(command: str) -> None:
    code, _, err = invoke(command, "--lang", "en", "--no-such")
    assert code == 2
    assert err == f"meldform: no such option --no-such (see 'meldform {command} --help')\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_has_help(command: str) -> None:
    for param in main.commands[command].params:
        if param.param_type_name == "option":
            assert getattr(param, "help", None), f"{command} {param.opts}"


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["render"], "meldform: argument 'FILES...' ontbreekt (zie 'meldform render --help')"),
        (["render", "x.json"], "meldform: optie '--format' ontbreekt (zie 'meldform render --help')"),
        (
            ["render", "x.json", "--format", "odt"],
            "meldform: ongeldige waarde voor '--format': 'odt' is geen van 'html', 'docx', 'pdf' (zie 'meldform render --help')",
        ),
        (
            ["batch", "in", "-o", "uit", "-j", "0"],
            "meldform: ongeldige waarde voor '--jobs' / '-j': '0' is geen geheel getal van minstens 1 (zie 'meldform batch --help')",
        ),
        (
            ["serve", "--port", "70000"],
            "meldform: ongeldige waarde voor '--port': '70000' is geen geheel getal van 0 tot en met 65535 (zie 'meldform serve --help')",
        ),
        (["schema", "--soort", "klacht"], None),
        (["bestaatniet"], "meldform: onbekend commando 'bestaatniet' (zie 'meldform --help')"),
        (["sectors", "extra"], "meldform: onverwacht extra argument (extra) (zie 'meldform sectors --help')"),
        (["render", "--format"], "meldform: optie --format verwacht een waarde (zie 'meldform render --help')"),
    ],
)
def test_usage_errors_are_dutch_lines(args: list[str], line: str | None) -> None:
    code, out, err = invoke(*args)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    if line is not None:
        assert err == line + "\n"
    assert "Error" not in err and "Try '" not in err and "Usage" not in err


def test_usage_error_in_english_with_lang_after_the_arguments() -> None:
    code, _, err = invoke("render", "x.json", "--format", "odt", "--lang", "en")
    assert code == 2
    assert err == "meldform: invalid value for '--format': 'odt' is not one of 'html', 'docx', 'pdf' (see 'meldform render --help')\n"


def test_schema_soort_is_a_choice() -> None:
    out = invoke("schema", "--help")[1]
    assert "--soort [melding|advies|dossiernotitie]" in out


def test_main_help_in_english_with_lang_before_the_command() -> None:
    code, out, _ = invoke("--lang", "en", "--help")
    assert code == 0
    assert out.startswith("Usage: meldform [OPTIONS] COMMAND [ARGS]...")
    assert "Show the version and exit." in out and "Commands:" in out
    assert "Opties:" not in out and "Toon" not in out


def test_lang_before_the_command_is_the_commands_language() -> None:
    # the group's --lang reaches the command; one after the command still wins
    code, out, _ = invoke("--lang", "en", "validate", "/bestaat/niet.json")
    assert code == 1
    assert "file not found" in out and "niet gevonden" not in out
    code, out, _ = invoke("--lang", "en", "validate", "/bestaat/niet.json", "--lang", "nl")
    assert code == 1
    assert "niet gevonden" in out


def test_blank_options_explain_themselves_in_both_languages() -> None:
    dutch = " ".join(invoke("blank", "--help")[1].split())
    english = " ".join(invoke("blank", "--help", "--lang", "en")[1].split())
    assert "anonieme adviesvraag" in dutch and "in te vullen in Word" in dutch and "Taal van het formulier" in dutch
    assert "anonymous request for advice" in english and "Language of the form" in english


def test_the_contract_lists_every_command_with_every_option() -> None:
    # cli-1.1.md is the contract: a command or option added to the CLI must be added there too
    from pathlib import Path

    table = Path(__file__).parent.parent / "docs" / "contract" / "cli-1.1.md"
    rows = {line.split("`")[1].split()[1]: line for line in table.read_text(encoding="utf-8").splitlines() if line.startswith("| `meldform ")}
    for name, command in main.commands.items():
        assert name in rows, f"cli-1.1.md lists no `meldform {name}`"
        for param in command.params:
            longest = max(param.opts, key=len)
            if param.param_type_name == "option" and longest not in ("--lang", "--help"):
                assert longest.split("/")[0] in rows[name], f"cli-1.1.md: `meldform {name}` lacks {longest}"
