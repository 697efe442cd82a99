"""The command line (cli.md): validate's output formats and exit codes, sectors, schema errors."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from meldform.cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "onderwijs-vo-partnergeweld.json"
_EXAMPLE_DATA = json.loads(EXAMPLE.read_text(encoding="utf-8"))
SECTORS = [
    "onderwijs",
    "kinderopvang",
    "jeugdhulp",
    "pleegzorg",
    "wijkteam",
    "gezondheidszorg",
    "maatschappelijke_ondersteuning",
    "justitie",
]
# FILE: PAD: ernst: melding [code]; a finding about the whole document has no PAD: FILE: ernst: melding [code]
LINE_RE = re.compile(r"^(?P<file>.+?)(?:: (?P<pad>/[^:\s]*))?: (?P<ernst>fout|waarschuwing|error|warning): (?P<melding>.+) \[(?P<code>[a-z_]+)\]$")


# -- documents ----------------------------------------------------------------------------------------
def example() -> dict[str, Any]:
    """The example as written: valid, with one warning (diverging safety scores)."""
    return copy.deepcopy(_EXAMPLE_DATA)


def clean() -> dict[str, Any]:
    """Valid and without any finding."""
    doc = example()
    for score in doc["afweging"]["veiligheidscijfers"]:
        if score["betrokkene"] == "moeder":
            score["cijfer"] = 5
    return doc


def invalid() -> dict[str, Any]:
    doc = clean()
    doc["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = "123456781"
    return doc


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    def dump(name: str, doc: dict[str, Any]) -> str:
        path = tmp_path / name
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
        return str(path)

    return {
        "clean": dump("clean.json", clean()),
        "warning": dump("warning.json", example()),
        "invalid": dump("invalid.json", invalid()),
        "missing": str(tmp_path / "bestaat-niet.json"),
        "folder": str(tmp_path),
    }


def run(*args: str, input: str | bytes | None = None) -> Result:
    result = CliRunner().invoke(main, list(args), input=input)
    # Exits happen through SystemExit; anything else is a crash.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def finding_lines(output: str) -> tuple[list[re.Match[str]], str]:
    lines = [line for line in output.splitlines() if line.strip()]
    assert lines, "no output"
    *body, last = lines
    matches = []
    for line in body:
        m = LINE_RE.match(line)
        assert m, f"not FILE: PAD: ernst: melding [code]: {line!r}"
        matches.append(m)
    assert not LINE_RE.match(last), f"last line is not a summary: {last!r}"
    return matches, last


# -- validate: exit codes ------------------------------------------------------------------------------
def test_valid_file_exits_0(files: dict[str, str]) -> None:
    result = run("validate", files["clean"])
    assert result.exit_code == 0
    matches, summary = finding_lines(result.stdout)
    assert matches == []
    assert "1" in summary


def test_warnings_only_exits_0(files: dict[str, str]) -> None:
    result = run("validate", files["warning"])
    assert result.exit_code == 0
    matches, _ = finding_lines(result.stdout)
    assert [(m["ernst"], m["code"]) for m in matches] == [("waarschuwing", "veiligheidscijfers_uiteenlopend")]


def test_strict_turns_warnings_into_exit_1(files: dict[str, str]) -> None:
    assert run("validate", "--strict", files["warning"]).exit_code == 1
    assert run("validate", "--strict", files["clean"]).exit_code == 0
    result = run("validate", "--strict", "--format", "json", files["warning"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)[0]["geldig"] is False


def test_invalid_file_exits_1(files: dict[str, str]) -> None:
    result = run("validate", files["invalid"])
    assert result.exit_code == 1
    matches, _ = finding_lines(result.stdout)
    elfproef = [m for m in matches if m["code"] == "elfproef"]
    assert len(elfproef) == 1
    m = elfproef[0]
    assert m["file"] == files["invalid"]
    assert m["pad"] == "/betrokkenen/kinderen/0/burgerservicenummer"
    assert m["ernst"] == "fout"


def test_unreadable_file_exits_1_and_the_others_are_still_reported(files: dict[str, str]) -> None:
    # text: a file with findings gets lines, so use the one with a warning to see both named
    result = run("validate", files["missing"], files["warning"])
    assert result.exit_code == 1
    assert files["missing"] in result.stdout
    assert files["warning"] in result.stdout
    matches, summary = finding_lines(result.stdout)
    assert [(m["file"], m["ernst"], m["code"]) for m in matches] == [
        (files["missing"], "fout", "onleesbaar"),
        (files["warning"], "waarschuwing", "veiligheidscijfers_uiteenlopend"),
    ]
    assert "niet gevonden" in matches[0]["melding"]
    assert "2" in summary

    # a valid file without findings has no line of its own in text, but is counted
    result = run("validate", files["missing"], files["clean"])
    assert result.exit_code == 1
    matches, summary = finding_lines(result.stdout)
    assert [m["file"] for m in matches] == [files["missing"]]
    assert re.search(r"\b2\b", summary) and re.search(r"\b1\b", summary)

    result = run("validate", "--format", "json", files["missing"], files["clean"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [r["bestand"] for r in report] == [files["missing"], files["clean"]]
    assert [r["geldig"] for r in report] == [False, True]
    assert [f["code"] for f in report[0]["bevindingen"]] == ["onleesbaar"]
    assert report[1]["bevindingen"] == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_finding_about_the_whole_file_shows_no_empty_pointer(files: dict[str, str], lang: str) -> None:
    result = run("validate", "--lang", lang, files["missing"])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    ernst = "fout" if lang == "nl" else "error"
    assert first.startswith(f"{files['missing']}: {ernst}: "), first
    assert ": : " not in result.stdout
    matches, _ = finding_lines(result.stdout)
    assert matches[0]["pad"] is None and matches[0]["code"] == "onleesbaar"


def test_invalid_file_among_valid_ones_exits_1(files: dict[str, str]) -> None:
    result = run("validate", "--format", "json", files["clean"], files["invalid"], files["warning"])
    assert result.exit_code == 1
    assert [r["geldig"] for r in json.loads(result.stdout)] == [True, False, True]


def test_folder_is_unreadable_not_a_crash(files: dict[str, str]) -> None:
    result = run("validate", files["folder"])
    assert result.exit_code == 1
    matches, _ = finding_lines(result.stdout)
    assert [m["code"] for m in matches] == ["onleesbaar"]
    assert "map" in matches[0]["melding"]


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--bogus", "x.json"],
        ["validate", "--format", "xml", "x.json"],
        ["validate", "--lang", "de", "x.json"],
        ["validate"],
        ["nosuchcommand"],
        ["sectors", "--format", "csv"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2


# -- validate: text format ------------------------------------------------------------------------------
def test_text_lines_and_summary(files: dict[str, str]) -> None:
    result = run("validate", files["invalid"], files["warning"], files["clean"])
    assert result.exit_code == 1
    matches, summary = finding_lines(result.stdout)
    assert {(m["file"], m["code"]) for m in matches} == {
        (files["invalid"], "elfproef"),
        (files["warning"], "veiligheidscijfers_uiteenlopend"),
    }
    for m in matches:
        assert m["pad"].startswith("/")
        assert m["melding"].strip()
    assert "3" in summary


def test_text_output_has_no_personal_data(files: dict[str, str]) -> None:
    result = run("validate", files["invalid"])
    for value in ("123456781", "Noor", "Bakker", "Sanne", "Voorbeeldstraat"):
        assert value not in result.output


# -- validate: json format --------------------------------------------------------------------------------
def test_json_format(files: dict[str, str]) -> None:
    result = run("validate", "--format", "json", files["invalid"], files["warning"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert isinstance(report, list) and len(report) == 2
    for entry in report:
        assert set(entry) == {"bestand", "geldig", "bevindingen"}
        assert isinstance(entry["geldig"], bool)
        for finding in entry["bevindingen"]:
            assert set(finding) == {"ernst", "code", "pad", "melding"}
            assert finding["ernst"] in ("fout", "waarschuwing")
            assert all(isinstance(v, str) for v in finding.values())
    invalid_entry, warning_entry = report
    assert invalid_entry["bestand"] == files["invalid"]
    assert invalid_entry["geldig"] is False
    assert {"ernst": "fout", "code": "elfproef", "pad": "/betrokkenen/kinderen/0/burgerservicenummer"}.items() <= next(
        f for f in invalid_entry["bevindingen"] if f["code"] == "elfproef"
    ).items()
    assert warning_entry["geldig"] is True
    assert [(f["ernst"], f["code"], f["pad"]) for f in warning_entry["bevindingen"]] == [
        ("waarschuwing", "veiligheidscijfers_uiteenlopend", "/afweging/veiligheidscijfers")
    ]


def test_json_format_valid_file(files: dict[str, str]) -> None:
    result = run("validate", "--format", "json", files["clean"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [{"bestand": files["clean"], "geldig": True, "bevindingen": []}]


# -- validate: language ---------------------------------------------------------------------------------
def test_lang_en_text(files: dict[str, str]) -> None:
    nl = run("validate", files["invalid"])
    en = run("validate", "--lang", "en", files["invalid"])
    assert en.exit_code == 1
    nl_line = next(m for m in finding_lines(nl.stdout)[0] if m["code"] == "elfproef")
    en_line = next(m for m in finding_lines(en.stdout)[0] if m["code"] == "elfproef")
    assert "elfproef" in nl_line["melding"]
    assert "eleven test" in en_line["melding"]
    assert en_line["melding"] != nl_line["melding"]
    assert "gecontroleerd" not in en.stdout and "checked" in en.stdout


def test_lang_en_json_keeps_the_contract_keys_and_values(files: dict[str, str]) -> None:
    result = run("validate", "--lang", "en", "--format", "json", files["invalid"], files["missing"])
    report = json.loads(result.stdout)
    finding = next(f for f in report[0]["bevindingen"] if f["code"] == "elfproef")
    assert finding["ernst"] == "fout"  # the value is part of the contract, not translated
    assert "eleven test" in finding["melding"]
    assert report[1]["bevindingen"][0]["code"] == "onleesbaar"
    assert "not found" in report[1]["bevindingen"][0]["melding"]


# -- validate: stdin ---------------------------------------------------------------------------------------
def test_stdin_json() -> None:
    result = run("validate", "-", input=json.dumps(clean()))
    assert result.exit_code == 0
    result = run("validate", "--format", "json", "-", input=json.dumps(invalid()))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report[0]["bestand"] == "-"
    assert "elfproef" in [f["code"] for f in report[0]["bevindingen"]]


def test_stdin_yaml() -> None:
    text = yaml.safe_dump(clean(), sort_keys=False, allow_unicode=True)
    text = re.sub(r"'([0-9]{4}-[0-9]{2}-[0-9]{2})'", r"\1", text)  # unquoted dates, as written by hand
    assert "datum: 2026-11-20" in text
    result = run("validate", "-", input=text)
    assert result.exit_code == 0, result.output
    bad = text.replace("burgerservicenummer: '123456782'", "burgerservicenummer: 012345672")
    result = run("validate", "--format", "json", "-", input=bad)
    assert result.exit_code == 1
    finding = next(f for f in json.loads(result.stdout)[0]["bevindingen"] if f["pad"] == "/betrokkenen/kinderen/0/burgerservicenummer")
    assert finding["code"] == "type" and "aanhalingstekens" in finding["melding"]


@pytest.mark.parametrize("data", [b"", b"{not json", b"\xff\xfe\x00", b"- a\n- b\n"], ids=["empty", "broken", "binary", "list"])
def test_stdin_garbage_exits_1(data: bytes) -> None:
    result = run("validate", "-", input=data)
    assert result.exit_code == 1


# -- no tracebacks -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02", b"[1, 2]", b'"text"', b"null", b'{"a": NaN}', b'{"a": 1, "a": 2}', b"{" * 5000, b"[" * 100000],
    ids=["empty", "binary", "array", "string", "null", "nan", "duplicate", "deep-object", "very-deep"],
)
def test_bad_content_never_gives_a_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "m.json"
    path.write_bytes(content)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "content",
    ["a: !!binary aGFsbG8=\n", "a: !!python/object:os.system {}\n", "a: [\n", "a: 1\na: 2\n"],
    ids=["binary", "python", "broken", "duplicate"],
)
def test_bad_yaml_never_gives_a_traceback(tmp_path: Path, content: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(content, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 1


# -- sectors ----------------------------------------------------------------------------------------------
def test_sectors_text() -> None:
    result = run("sectors")
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 8
    assert [line.split()[0] for line in lines] == SECTORS
    assert any("Onderwijs" in line for line in lines)
    assert any("Maatschappelijke ondersteuning" in line for line in lines)


def test_sectors_lang_en() -> None:
    nl = run("sectors")
    en = run("sectors", "--lang", "en")
    assert en.exit_code == 0
    lines = [line for line in en.stdout.splitlines() if line.strip()]
    assert len(lines) == 8
    assert [line.split()[0] for line in lines] == SECTORS
    assert en.stdout != nl.stdout
    assert "Education" in en.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sectors_json(lang: str) -> None:
    result = run("sectors", "--format", "json", "--lang", lang)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 8
    assert [entry["sector"] for entry in data] == SECTORS
    assert all(isinstance(entry.get("label"), str) and entry["label"].strip() for entry in data)


# -- schema -----------------------------------------------------------------------------------------------
def test_schema_unknown_sector_exits_2_with_one_dutch_line() -> None:
    result = run("schema", "--sector", "nope")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    line = lines[0]
    assert "nope" in line
    assert re.search(r"\b(onbekende?|kies|sector)\b", line), line
    assert "Traceback" not in line and "Error" not in line


def test_schema_known_sector_is_json() -> None:
    result = run("schema", "--sector", "onderwijs")
    assert result.exit_code == 0
    assert isinstance(json.loads(result.stdout), dict)


# -- a real process -----------------------------------------------------------------------------------------
def test_real_process_exit_codes_and_no_traceback(files: dict[str, str], tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    env.pop("MELDFORM_DEBUG", None)
    cmd = [sys.executable, "-c", "from meldform.cli import main; main()"]
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\xff\xfe garbage")

    def proc(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*cmd, *args], capture_output=True, text=True, input=stdin, env=env, cwd=tmp_path, timeout=120)
        assert "Traceback" not in done.stdout and "Traceback" not in done.stderr, done.stderr
        return done

    ok = proc("validate", files["clean"])
    assert ok.returncode == 0, ok.stderr

    warn = proc("validate", "--strict", files["warning"])
    assert warn.returncode == 1

    mixed = proc("validate", files["missing"], files["folder"], str(binary), files["invalid"], files["warning"])
    assert mixed.returncode == 1
    for name in ("missing", "folder", "invalid", "warning"):
        assert files[name] in mixed.stdout
    assert str(binary) in mixed.stdout
    assert mixed.stdout.count("[onleesbaar]") == 3

    piped = proc("validate", "--format", "json", "-", stdin=json.dumps(clean()))
    assert piped.returncode == 0
    assert json.loads(piped.stdout)[0]["geldig"] is True

    usage = proc("validate", "--no-such-option", files["clean"])
    assert usage.returncode == 2

    sector = proc("schema", "--sector", "nope")
    assert sector.returncode == 2
    assert sector.stdout == ""
    assert len(sector.stderr.strip().splitlines()) == 1

    # YAML aliases: a list that contains itself, and "billion laughs" (a few hundred bytes that
    # expand to 10^9 values). Both are bad input: one finding and exit 1, in reasonable time.
    recursive = tmp_path / "recursief.yaml"
    recursive.write_text("&a [*a]\n", encoding="utf-8")
    laughs = tmp_path / "laughs.yaml"
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    laughs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = []
    for path in (recursive, laughs):
        try:
            done = subprocess.run([*cmd, "validate", str(path)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=15, preexec_fn=_limit_memory)
        except subprocess.TimeoutExpired:
            problems.append(f"meldform validate {path.name}: did not finish within 15 s")
            continue
        if "Traceback" in done.stdout + done.stderr or done.returncode != 1 or ": fout: " not in done.stdout:
            problems.append(f"meldform validate {path.name}: exit {done.returncode}, {done.stdout!r} {done.stderr!r}")
    assert problems == []


def _limit_memory() -> None:
    """Keep a runaway child from eating the machine (2 GB address space)."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


def test_a_document_that_is_not_an_object_says_so_with_single_braces() -> None:
    result = CliRunner().invoke(main, ["validate", "-"], input="[1, 2]")
    assert result.exit_code == 1
    assert "(tussen { en })" in result.stdout and "{{" not in result.stdout


def test_validate_on_a_valid_file_starts_without_docx_lxml_jinja2_or_jsonschema() -> None:
    """validate goes through meldform.api, whose heavy libraries are imported only by what needs them."""
    code = (
        "import sys\n"
        "from meldform.cli import main\n"
        "try:\n"
        "    main(['validate', '--format', 'json', sys.argv[1]])\n"
        "except SystemExit as exc:\n"
        "    status = exc.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'jinja2', 'jsonschema', 'lxml', 'starlette'))\n"
        "assert status == 0 and not heavy, (status, heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["geldig"] is True
