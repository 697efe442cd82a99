"""The package as others receive it: sdist and wheel, licence, changelog, pre-commit hooks, completion.

The slow test builds the sdist from this checkout, unpacks it, builds the wheel *from the unpacked
sdist*, installs that wheel in a fresh virtual environment (the dependencies come from the running
environment, nothing is downloaded) and runs a quick part of the sdist's own test suite with it.
"""

from __future__ import annotations

import email
import os
import re
import shlex
import shutil
import site
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
HOOKS = ROOT / ".pre-commit-hooks.yaml"
QUICK_SUBSET = ["tests/test_cli.py", "tests/test_examples.py", "tests/test_i18n.py"]


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{shlex.join(cmd)} (in {cwd}) exited {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def meldform_command() -> str:
    found = shutil.which("meldform", path=str(Path(sys.executable).parent)) or shutil.which("meldform")
    if found is None:
        pytest.fail("the meldform command is not installed (pip install -e .)")
    return found


def clean_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME") and not key.startswith(("MELDFORM_", "_MELDFORM"))}
    env.update(extra)
    return env


# -- sdist and wheel ------------------------------------------------------------------------------
@dataclass
class Built:
    sdist: Path
    source: Path  # the unpacked sdist
    wheel: Path  # built from the unpacked sdist


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    work = tmp_path_factory.mktemp("package")
    run([sys.executable, "-m", "hatchling", "build", "--target", "sdist", "--directory", str(work / "sdist")], cwd=ROOT)
    (sdist,) = (work / "sdist").glob("meldform-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(work / "unpacked", filter="data")
    (source,) = (work / "unpacked").iterdir()
    run([sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(work / "wheel")], cwd=source)
    (wheel,) = (work / "wheel").glob("meldform-*.whl")
    return Built(sdist, source, wheel)


@pytest.mark.slow
def test_sdist_holds_what_the_test_suite_needs(built: Built) -> None:
    names = {path.relative_to(built.source).as_posix() for path in built.source.rglob("*") if path.is_file()}
    for needed in (
        "LICENSE",
        "CHANGELOG.md",
        "README.md",
        ".pre-commit-hooks.yaml",
        "docs/tour/fout.json",
        "docs/tour/kapot.yaml",
        "tests/js/package.json",
        "tests/js/package-lock.json",
        "tests/js/ajv_strict.mjs",
        "meldform/py.typed",
        "schemas/melding.schema.json",
        "templates/form.html.j2",
    ):
        assert needed in names, needed
    assert not [name for name in names if "node_modules" in name or "__pycache__" in name]
    assert {path.name for path in (ROOT / "tests").glob("test_*.py")} <= names_in(names, "tests/")
    assert {path.name for path in (ROOT / "examples").iterdir()} == names_in(names, "examples/")


def names_in(names: set[str], folder: str) -> set[str]:
    return {name.removeprefix(folder) for name in names if name.startswith(folder) and "/" not in name.removeprefix(folder)}


@pytest.mark.slow
def test_wheel_from_the_sdist_ships_schemas_templates_types_and_licence(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        metadata = email.message_from_string(wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode())
        licence = wheel.read(next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))).decode()
    assert "meldform/py.typed" in names
    for folder in ("schemas", "templates"):
        shipped = {n.removeprefix(f"meldform/{folder}/") for n in names if n.startswith(f"meldform/{folder}/")}
        assert shipped == {p.relative_to(ROOT / folder).as_posix() for p in (ROOT / folder).rglob("*") if p.is_file()}, folder
    assert metadata["License-Expression"] == "EUPL-1.2"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")
    classifiers = set(metadata.get_all("Classifier") or [])
    assert {"Typing :: Typed", "Natural Language :: Dutch", "Environment :: Console", "Programming Language :: Python :: 3.11"} <= classifiers
    assert metadata["Requires-Python"] == ">=3.11"


@pytest.mark.slow
def test_sdist_test_suite_passes_with_the_wheel_built_from_it(built: Built, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    purelib = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp_path).stdout.strip())
    # The dependencies (and pip, pytest) from the running environment, after the venv's own packages.
    outer = [p for p in [*site.getsitepackages(), site.getusersitepackages()] if Path(p).is_dir()]
    (purelib / "_outer_environment.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    # --ignore-installed: never touch the running environment's own meldform.
    run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--ignore-installed", "--no-warn-script-location", str(built.wheel)],
        cwd=tmp_path,
    )
    env = clean_env(PATH=os.pathsep.join([str(venv / "bin"), os.environ.get("PATH", "")]))

    where = run([str(python), "-P", "-c", "import meldform.resources as r; print(r.__file__); print(r.resource_dir('schemas'))"], cwd=built.source, env=env)
    module, schemas = where.stdout.split()
    assert Path(module).is_relative_to(purelib) and Path(schemas).is_relative_to(purelib), where.stdout
    version = run([str(venv / "bin" / "meldform"), "--version"], cwd=tmp_path, env=env)
    assert PYPROJECT["project"]["version"] in version.stdout

    tests = run([str(python), "-P", "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *QUICK_SUBSET], cwd=built.source, env=env)
    summary = tests.stdout.strip().splitlines()[-1]
    assert re.search(r"\d+ passed", summary) and "failed" not in summary and "error" not in summary, summary


# -- licence and changelog ------------------------------------------------------------------------
def test_licence_is_the_complete_eupl_1_2() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PYPROJECT["project"]["license"] == "EUPL-1.2"
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    headings = re.findall(r"^ {4}(\d+)\. ", text, re.M)
    assert headings == [str(n) for n in range(1, 16)]  # the fifteen articles, in order
    appendix = text.split("    Appendix", 1)[1]
    assert "'Compatible Licences' according to Article 5 EUPL are:" in appendix
    for licence in (
        "GNU General Public License (GPL) v. 2, v. 3",
        "Mozilla Public Licence (MPL) v. 2",
        "European Union Public Licence (EUPL) v. 1.1, v. 1.2",
        "(LiLiQ-R+)",
    ):
        assert licence in appendix
    assert text.rstrip().endswith("All other changes or additions to this Appendix require the production of a new\nEUPL version.")


def test_changelog_follows_keep_a_changelog() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## \[([^\]]+)\]", text, re.M)
    assert versions[0] == "Unreleased"
    assert PYPROJECT["project"]["version"] in versions
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        kinds = re.findall(r"^### (\w+)", section, re.M)
        assert kinds and set(kinds) <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}, section[:40]


# -- pre-commit hooks -----------------------------------------------------------------------------
def hooks() -> dict[str, dict[str, object]]:
    data = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return {hook["id"]: hook for hook in data}


def test_pre_commit_hooks_are_well_formed() -> None:
    found = hooks()
    assert set(found) == {"meldform-validate", "meldform-validate-strict"}
    scripts = PYPROJECT["project"]["scripts"]
    for hook in found.values():
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"  # pre-commit installs this repository with pip
        assert shlex.split(str(hook["entry"]))[0] in scripts
        pattern = re.compile(str(hook["files"]))
        assert all(pattern.search(f"examples/{p.name}") for p in (ROOT / "examples").iterdir())
        assert not any(pattern.search(name) for name in ("README.md", "pyproject.toml", "meldform/cli/__init__.py", "templates/form.js"))
    assert shlex.split(str(found["meldform-validate-strict"]["entry"]))[1:] == ["validate", "--strict"]


def run_hook(hook_id: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    """Run a hook as pre-commit does: its entry, then the matching file names."""
    hook = hooks()[hook_id]
    pattern = re.compile(str(hook["files"]))
    names = [str(f.relative_to(ROOT)) for f in files if pattern.search(str(f.relative_to(ROOT)))]
    assert names
    entry = shlex.split(str(hook["entry"]))
    binary = meldform_command()
    return subprocess.run([binary, *entry[1:], *names], cwd=ROOT, capture_output=True, text=True, timeout=120, env=clean_env(), check=False)


def test_pre_commit_hooks_run_on_meldingen() -> None:
    examples = sorted((ROOT / "examples").iterdir())
    ok = run_hook("meldform-validate", examples)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert f"{len(examples)} bestand(en) gecontroleerd: {len(examples)} geldig" in ok.stdout
    # Warnings pass the plain hook and fail the strict one.
    warned = ROOT / "examples" / "onderwijs-vo-partnergeweld.json"
    assert run_hook("meldform-validate", [warned]).returncode == 0
    assert run_hook("meldform-validate-strict", [warned]).returncode == 1
    broken = run_hook("meldform-validate", [ROOT / "docs" / "tour" / "fout.json", warned])
    assert broken.returncode == 1
    assert "docs/tour/fout.json: /betrokkenen/kinderen/0/burgerservicenummer: fout:" in broken.stdout


# -- shell completion -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o nosort -F _meldform_completion meldform"), ("zsh", "#compdef meldform"), ("fish", "complete --no-files --command meldform")],
)
def test_completion_script_is_printed(shell: str, marker: str) -> None:
    done = run([meldform_command()], cwd=ROOT, env=clean_env(_MELDFORM_COMPLETE=f"{shell}_source"))
    assert marker in done.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"_MELDFORM_COMPLETE={shell}_source meldform" in readme


def test_bash_completion_completes_commands_and_choices() -> None:
    """The script from the README, loaded in a real bash, completes a command and the --soort values."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    script = r"""
    eval "$(_MELDFORM_COMPLETE=bash_source meldform)"
    COMP_WORDS=(meldform bl); COMP_CWORD=1; _meldform_completion meldform; echo "${COMPREPLY[*]}"
    COMPREPLY=(); COMP_WORDS=(meldform schema --soort ""); COMP_CWORD=3; _meldform_completion meldform; echo "${COMPREPLY[*]}"
    COMPREPLY=(); COMP_WORDS=(meldform validate --la); COMP_CWORD=2; _meldform_completion meldform; echo "${COMPREPLY[*]}"
    """
    env = clean_env(PATH=os.pathsep.join([str(Path(meldform_command()).parent), os.environ.get("PATH", "")]))
    done = run(["bash", "-c", script], cwd=ROOT, env=env)
    assert done.stdout.splitlines() == ["blank", "melding advies dossiernotitie", "--lang"]
