"""The README's examples are reproducible: its commands, run as written, print what it shows.

Every ```console block is a sequence of ``$ command`` lines, each followed by the lines it prints
(stdout and stderr together, as a terminal shows them). The commands run in order, in one scratch
folder holding a copy of ``examples/`` and ``docs/`` (so every file the tour uses must be in the
repository), through ``bash`` with the installed ``meldform`` first on PATH.

The comparison is exact, with two explicit allowances:
- a line ``…`` in the README stands for one or more lines of output left out;
- ``ls -l`` lines: owner, group, size and date depend on the machine (and the size on the template
  of the day), so those four fields are normalised; the mode, link count and name are compared.
``$ echo $?`` prints the exit status of the command before it.

The README's quick start (the first ```sh block) must also run as written: its meldform commands
exit 0 on the bundled examples, so no broken example file belongs in ``examples/``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
ELISION = "…"
LS_LINE = re.compile(r"^([-dlrwxsStT]{10}[.+@]?)\s+(\d+)\s+\S+\s+\S+\s+\d+\s+\w{3}\s+\d{1,2}\s+[\d:]{4,5}\s+(.+)$")


@dataclass
class Step:
    command: str
    expected: list[str]
    block: int
    line: int


def console_blocks(text: str) -> list[tuple[int, list[str]]]:
    """(line number, lines) of every ```console block."""
    blocks: list[tuple[int, list[str]]] = []
    lines = text.splitlines()
    inside: list[str] | None = None
    start = 0
    for number, line in enumerate(lines, 1):
        if inside is None and line.strip() == "```console":
            inside, start = [], number + 1
        elif inside is not None and line.strip() == "```":
            blocks.append((start, inside))
            inside = None
        elif inside is not None:
            inside.append(line)
    assert inside is None, "a ```console block is not closed"
    return blocks


def steps(text: str) -> list[Step]:
    out: list[Step] = []
    for index, (start, lines) in enumerate(console_blocks(text)):
        assert lines and lines[0].startswith("$ "), f"README line {start}: a console block starts with a '$ ' command"
        for offset, line in enumerate(lines):
            if line.startswith("$ "):
                out.append(Step(line[2:], [], index, start + offset))
            elif line or out[-1].expected:  # a blank line between commands is spacing, not output
                out[-1].expected.append(line)
    for step in out:
        while step.expected and step.expected[-1] == "":
            step.expected.pop()
    return out


def normalise_ls(lines: list[str]) -> list[str]:
    return [LS_LINE.sub(r"\1 \2 <owner> <group> <size> <date> \3", line) for line in lines]


def matches(expected: list[str], actual: list[str]) -> bool:
    """``actual`` equals ``expected``, each ``…`` line standing for one or more lines."""
    if not expected:
        return not actual
    head, *rest = expected
    if head == ELISION:
        return any(matches(rest, actual[skip:]) for skip in range(1, len(actual) + 1))
    return bool(actual) and actual[0] == head and matches(rest, actual[1:])


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    for folder in ("examples", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def environment() -> dict[str, str]:
    meldform = shutil.which("meldform", path=str(Path(sys.executable).parent)) or shutil.which("meldform")
    if meldform is None:
        pytest.fail("the meldform command is not installed (pip install -e .)")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MELDFORM_", "_MELDFORM"))}
    env["PATH"] = os.pathsep.join([str(Path(meldform).parent), env.get("PATH", "")])
    env["LC_ALL"] = "C.UTF-8"
    return env


def run_bash(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300
    )


def test_readme_has_a_tour() -> None:
    found = steps(README.read_text(encoding="utf-8"))
    commands = [step.command for step in found]
    assert any(c.startswith("meldform validate docs/tour/") for c in commands)
    assert "echo $?" in commands
    assert any(c.startswith("ls -l") for c in commands)
    assert any(ELISION in step.expected for step in found)


def test_matching_rules() -> None:
    assert matches(["a", ELISION, "z"], ["a", "b", "c", "z"])
    assert not matches(["a", ELISION, "z"], ["a", "z"])  # … stands for at least one line
    assert not matches(["a", "z"], ["a", "b", "z"])
    assert not matches(["a"], ["a", "b"])
    line = "-rw------- 1 root root 21188 Dec  3 13:25 uit/VO-2026-0142.html"
    assert normalise_ls([line]) == normalise_ls(["-rw------- 1 user user 99 Nov 28 21:56 uit/VO-2026-0142.html"])
    assert normalise_ls([line]) != normalise_ls(["-rw-r--r-- 1 user user 99 Nov 28 21:56 uit/VO-2026-0142.html"])


def test_readme_tour_output_is_what_the_commands_print(scratch: Path) -> None:
    env = environment()
    previous: subprocess.CompletedProcess[str] | None = None
    problems = []
    for step in steps(README.read_text(encoding="utf-8")):
        if step.command.strip() == "echo $?":
            assert previous is not None, f"README line {step.line}: 'echo $?' needs a command before it"
            actual = [str(previous.returncode)]
        else:
            previous = run_bash(step.command, scratch, env)
            actual = previous.stdout.splitlines()
            assert "Traceback" not in previous.stdout, previous.stdout
        expected = step.expected
        if step.command.startswith("ls -l"):
            expected, actual = normalise_ls(expected), normalise_ls(actual)
        if not matches(expected, actual):
            problems.append(
                f"README line {step.line}: $ {step.command}\n  README:\n    " + "\n    ".join(expected) + "\n  actual:\n    " + "\n    ".join(actual)
            )
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)

    # The files the tour says it writes are there, owner-only, and what they claim to be.
    for name in ("uit/VO-2026-0142.html", "meldformulier-wijkteam.html", "meldformulier-gezondheidszorg-advies.docx", "out/rapport.json", "out/rapport.html"):
        path = scratch / name
        assert path.is_file(), name
        assert path.stat().st_mode & 0o077 == 0, name
    assert json.loads((scratch / "melding-onderwijs.schema.json").read_text(encoding="utf-8"))["properties"]["sector"]["enum"] == ["onderwijs"]
    assert json.loads((scratch / "advies.json").read_text(encoding="utf-8"))["soort"] == "advies"


def test_readme_quick_start_runs_on_the_examples(scratch: Path) -> None:
    text = README.read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0].strip()
    assert "pip install ." in quick
    meldform_part = quick.split("pip install . && ", 1)[1]
    assert meldform_part.startswith("meldform validate examples/*")
    done = run_bash(meldform_part, scratch, environment())
    assert done.returncode == 0, done.stdout
    assert (scratch / "out" / "rapport.json").is_file()


def test_readme_lists_prerequisites_before_the_test_command() -> None:
    text = README.read_text(encoding="utf-8")
    tests = text.index('pip install ".[test]" && pytest')
    apt = text.index("apt-get install ")
    assert apt < tests and text.index("npm ci --prefix tests/js") < tests
    listed = set(text[apt : text.index("\n", apt)].split())
    # every Debian package .ci/run installs is in the README's apt-get line
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    wanted = {pkg for group in re.findall(r"need\+=\(([^)]*)\)", ci) for pkg in group.split()}
    assert wanted and wanted <= listed, sorted(wanted - listed)
