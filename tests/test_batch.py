"""``meldform batch``: folders of meldingen validated and rendered, in parallel, with nothing lost.

One test group per point of the issue: (1) inputs, statuses and exit codes; (2) the pool and
streaming; (3) progress on and off a terminal, never personal data; (4) rapport.json and
rapport.html; (5) samenloop; (6) nothing lost — kenmerk conflicts, atomic files, an interrupted
run (a subprocess killed with SIGKILL) resumed, a read-only or full output folder.
"""

from __future__ import annotations

import contextlib
import copy
import errno
import fcntl
import inspect
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import pytest
import yaml
from click.testing import CliRunner, Result

from meldform import batch
from meldform.batch import ownership, pool
from meldform.cli import main
from meldform.commands import batch as batch_command
from meldform.documents.render_html import stylesheet
from meldform.output import OutputNotWritableError

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
sys.path.insert(0, str(Path(__file__).resolve().parent))
factory: ModuleType | None
try:
    import factory
except ImportError:  # pragma: no cover - the generator is written by another engineer
    factory = None

HAS_DOCX = True
try:
    import meldform.documents.render_docx  # noqa: F401
except ImportError:  # pragma: no cover
    HAS_DOCX = False


# -- helpers ------------------------------------------------------------------------------------------
def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".json", ".yaml", ".yml"))


def load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yaml", ".yml"):
        from meldform.check.loading import parse_text

        return cast(dict[str, Any], parse_text(text, True))  # the YAML 1.2 core reading, as meldform does
    return cast(dict[str, Any], json.loads(text))


def melding(name: str = "onderwijs-vo-partnergeweld.json") -> dict[str, Any]:
    return copy.deepcopy(load(EXAMPLES / name))


class CoreDumper(yaml.SafeDumper):
    """Quote every string that YAML 1.2 core would read as something else (``010000008``)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "'" if re.fullmatch(r"[-+0-9.][-+0-9.eE_xo]*|true|false|null|~", value, re.IGNORECASE) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


CoreDumper.add_representer(str, _represent_str)


def write(path: Path, doc: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix in (".yaml", ".yml"):
        path.write_text(yaml.dump(doc, Dumper=CoreDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    else:
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def copy_examples(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(p, folder / p.name)) for p in example_files()]


def invalid_doc() -> dict[str, Any]:
    doc = melding()
    doc["kenmerk"] = "ONGELDIG-1"
    del doc["melder"]  # a required field
    doc["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = "123456789"  # fails the elfproef
    return doc


def run_cli(*args: str) -> Result:
    return CliRunner().invoke(main, ["batch", *args], catch_exceptions=False)


def report(out: Path) -> dict[str, Any]:
    return cast(dict[str, Any], json.loads((out / "rapport.json").read_text(encoding="utf-8")))


def by_file(rep: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(entry["bestand"]).name: entry for entry in rep["bestanden"]}


def snapshot(folder: Path, pattern: str = "*.html") -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.glob(pattern) if not p.name.startswith("rapport")}


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def bulk_documents(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` valid documents with distinct kenmerken (the factory when present, else example variants)."""
    if factory is not None:
        for i, doc in enumerate(factory.make_documents(n, seed)):
            doc["kenmerk"] = f"BULK-{i:05d}"
            yield doc
        return
    base = [load(p) for p in example_files()]  # pragma: no cover
    for i in range(n):  # pragma: no cover
        doc = copy.deepcopy(base[i % len(base)])
        doc["kenmerk"] = f"BULK-{i:05d}"
        yield doc


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


# -- 1. inputs, statuses, exit codes ----------------------------------------------------------------
@pytest.fixture
def mixed(tmp_path: Path) -> tuple[Path, Path]:
    """Examples (JSON and YAML), a broken JSON file in the middle, an invalid melding, a YAML copy
    in a subfolder, and files that are not inputs (a .txt, a hidden file)."""
    src = tmp_path / "in"
    copy_examples(src)
    (src / "k-kapot.json").write_text('{"schemaVersie": "1.0", "soort": ', encoding="utf-8")
    write(src / "m-ongeldig.json", invalid_doc())
    variant = melding()
    variant["kenmerk"] = "VO-YAML-1"
    write(src / "sub" / "variant.yml", variant)
    (src / "notities.txt").write_text("geen melding", encoding="utf-8")
    (src / ".verborgen.json").write_text("{}", encoding="utf-8")
    return src, tmp_path / "uit"


def test_folder_with_bad_file_in_the_middle(mixed: tuple[Path, Path]) -> None:
    src, out = mixed
    result = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    assert result.exit_code == 1, result.output
    rep = report(out)
    files = by_file(rep)
    # every *.json/*.yaml/*.yml, recursively; not the .txt, not the hidden file
    assert set(files) == {p.name for p in example_files()} | {"k-kapot.json", "m-ongeldig.json", "variant.yml"}
    assert files["k-kapot.json"]["status"] == "onleesbaar"
    assert [f["code"] for f in files["k-kapot.json"]["bevindingen"]] == ["onleesbaar"]
    assert files["m-ongeldig.json"]["status"] == "ongeldig"
    codes = {f["code"] for f in files["m-ongeldig.json"]["bevindingen"]}
    assert {"verplicht", "elfproef"} <= codes
    assert files["m-ongeldig.json"]["uitvoer"] == []
    # the files after the bad one were processed all the same
    valid = [p for p in example_files()]
    for path in valid:
        entry = files[path.name]
        assert entry["status"] == "gerenderd", entry
        kenmerk = load(path)["kenmerk"]
        assert entry["uitvoer"] == [{"bestand": f"{kenmerk}.html", "formaat": "html", "actie": "geschreven"}]
        assert (out / f"{kenmerk}.html").is_file()
    assert files["variant.yml"]["status"] == "gerenderd"
    assert (out / "VO-YAML-1.html").is_file()
    assert not (out / "ONGELDIG-1.html").exists()
    # input order: sorted, deterministic; numbered
    names = [e["bestand"] for e in rep["bestanden"]]
    assert [e["nr"] for e in rep["bestanden"]] == list(range(len(names)))
    assert names == list(batch.discover([str(src)], exclude=out))
    # files are the owner's only
    state = out / batch.STATE_DIR
    for path in [*out.glob("*.html"), out / "rapport.json", out / "rapport.html", state / batch.LOCK, *(state / batch.OWNERS).iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(state.stat().st_mode) == 0o700


def test_all_valid_exit_0_and_summary_counts(tmp_path: Path) -> None:
    copy_examples(tmp_path / "in")
    result = run_cli(str(tmp_path / "in"), "--output", str(tmp_path / "uit"), "--format", "html", "--jobs", "1")
    assert result.exit_code == 0, result.output
    n = len(example_files())
    assert f"{n} bestand(en): {n} gerenderd" in result.stdout
    assert report(tmp_path / "uit")["samenvatting"]["status"]["gerenderd"] == n


def test_files_and_folders_mixed_and_missing_input(tmp_path: Path) -> None:
    src = tmp_path / "in"
    paths = copy_examples(src)
    out = tmp_path / "uit"
    result = run_cli(str(paths[0]), str(tmp_path / "bestaat-niet.json"), "--output", str(out), "--format", "html", "--jobs", "1")
    assert result.exit_code == 1
    files = by_file(report(out))
    assert files[paths[0].name]["status"] == "gerenderd"
    assert files["bestaat-niet.json"]["status"] == "onleesbaar"
    assert "Traceback" not in result.output


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    copy_examples(tmp_path / "in")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "--output", str(tmp_path / "uit"), "--format", "html,odt"])  # pdf is a format now
    assert result.exit_code == 2
    assert "odt" in result.stderr


@pytest.mark.skipif(not HAS_DOCX, reason="the Word renderer is not there yet")
def test_html_and_docx(tmp_path: Path) -> None:
    src = tmp_path / "in"
    copy_examples(src)
    out = tmp_path / "uit"
    result = run_cli(str(src), "--output", str(out), "--format", "html,docx", "--jobs", "2")
    assert result.exit_code == 0, result.output
    for path in example_files():
        kenmerk = load(path)["kenmerk"]
        assert (out / f"{kenmerk}.html").is_file()
        docx = out / f"{kenmerk}.docx"
        assert docx.read_bytes()[:2] == b"PK"
    assert report(out)["samenvatting"]["documentenGeschreven"] == 2 * len(example_files())


@pytest.mark.skipif(not HAS_DOCX, reason="the Word renderer is not there yet")
def test_documents_are_what_render_makes(tmp_path: Path) -> None:
    """One presentation serves both formats: the bytes are those of ``render_document``."""
    from meldform.check.validation import validate
    from meldform.documents.rendering import render_document

    src, out = tmp_path / "in", tmp_path / "uit"
    path = write(src / "a.json", melding("jeugdhulp-stiefgezin-hermelding.json"))
    run_cli(str(src), "--output", str(out), "--format", "docx,html", "--jobs", "1")
    doc = load(path)
    findings = validate(doc)
    assert (out / "JH-2026-1187.html").read_bytes() == render_document(doc, findings, "html")
    assert _unclocked((out / "JH-2026-1187.docx").read_bytes()) == _unclocked(render_document(doc, findings, "docx"))


def _unclocked(docx: bytes) -> dict[str, bytes]:
    """A .docx's parts, with the clock time in its core properties blanked (two renders may straddle a second)."""
    import re
    import zipfile
    from io import BytesIO

    with zipfile.ZipFile(BytesIO(docx)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["docProps/core.xml"] = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"T", parts["docProps/core.xml"])
    return parts


# -- 2. parallel, streamed ---------------------------------------------------------------------------
def test_jobs_2_gives_the_same_result_as_jobs_1(mixed: tuple[Path, Path], tmp_path: Path) -> None:
    src, _ = mixed
    one, two = tmp_path / "een", tmp_path / "twee"
    assert run_cli(str(src), "--output", str(one), "--format", "html", "--jobs", "1").exit_code == 1
    assert run_cli(str(src), "--output", str(two), "--format", "html", "--jobs", "2").exit_code == 1

    def strip(rep: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [(e["bestand"], e["status"], e["bevindingen"], e["uitvoer"]) for e in rep["bestanden"]]

    assert strip(report(one)) == strip(report(two))  # the same records, in the same (input) order
    assert sorted(p.name for p in one.glob("*.html")) == sorted(p.name for p in two.glob("*.html"))


def test_discovery_is_a_sorted_generator(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for name in ("b.json", "a.yaml", "c.YML", "d.txt", ".e.json"):
        (src / "x").mkdir(parents=True, exist_ok=True)
        (src / name).write_text("{}", encoding="utf-8")
    (src / "x" / "z.json").write_text("{}", encoding="utf-8")
    (src / ".git").mkdir()
    (src / ".git" / "y.json").write_text("{}", encoding="utf-8")
    (src / "uit").mkdir()
    (src / "uit" / "rapport.json").write_text("{}", encoding="utf-8")  # the report is no input
    (src / "uit" / "melding.json").write_text("{}", encoding="utf-8")  # a melding beside the outputs is
    found = batch.discover([str(src)], exclude=src / "uit")
    assert inspect.isgenerator(found)  # typeshed's TypeIs narrows it to a generator of object: still of paths
    assert [Path(p).relative_to(src).as_posix() for p in cast(Iterator[str], found)] == ["a.yaml", "b.json", "c.YML", "uit/melding.json", "x/z.json"]


def test_outputs_beside_the_inputs(tmp_path: Path) -> None:
    """``--output`` may be the input folder itself: a rerun does not read its own report."""
    src = tmp_path / "meldingen"
    copy_examples(src)
    assert run_cli(str(src), "--output", str(src), "--format", "html", "--jobs", "1").exit_code == 0
    again = run_cli(str(src), "--output", str(src), "--format", "html", "--jobs", "1")
    assert again.exit_code == 0
    assert {e["status"] for e in report(src)["bestanden"]} == {"overgeslagen"}
    assert len(report(src)["bestanden"]) == len(example_files())


@pytest.mark.parametrize("jobs", [1, 2])
def test_work_is_streamed_with_a_bounded_number_in_flight(tmp_path: Path, jobs: int) -> None:
    """The inputs are pulled from the generator only as fast as they are processed."""
    out = tmp_path / "uit"
    out.mkdir()
    (out / batch.STATE_DIR / batch.OWNERS).mkdir(parents=True)
    run_dir = out / batch.STATE_DIR / "run-test"
    run_dir.mkdir()
    pulled = 0
    gaps: list[int] = []

    def paths() -> Iterator[str]:
        nonlocal pulled
        for i in range(2000):  # missing files: cheap 'onleesbaar' records
            pulled += 1
            yield str(tmp_path / f"ontbreekt-{i}.json")

    summary = batch.Summary()
    settings = batch.Settings(str(out), ("html",), False, "nl", str(run_dir), str(out / batch.STATE_DIR / batch.OWNERS), b"k" * 32)
    with open(tmp_path / "journal.jsonl", "w", encoding="utf-8") as journal:
        pool.feed(paths(), settings, jobs, summary, journal, out, lambda n, s: gaps.append(pulled - s.bestanden))
    assert summary.bestanden == 2000
    assert summary.status["onleesbaar"] == 2000
    bound = pool.CHUNK * (1 if jobs == 1 else jobs * 8 + jobs * 2)
    assert max(gaps) <= bound
    assert len(summary.p_doc) == 0  # nothing kept per input but the samenloop index


# -- 3. progress ---------------------------------------------------------------------------------------------
def test_no_progress_bar_off_a_terminal(tmp_path: Path) -> None:
    copy_examples(tmp_path / "in")
    result = run_cli(str(tmp_path / "in"), "--output", str(tmp_path / "uit"), "--format", "html", "--jobs", "1")
    assert result.exit_code == 0
    assert result.stderr == ""  # no bar, no per-file lines
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("meldform batch: ")
    assert "rapport.html" in lines[2]


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    src = tmp_path / "in"
    copy_examples(src)
    (src / "z-kapot.json").write_text("{", encoding="utf-8")
    err, out = FakeTTY(), io.StringIO()
    code = batch_command.run_batch([str(src)], tmp_path / "uit", out, err, formats="html", jobs=1)
    assert code == 1
    n = len(example_files()) + 1
    bar = err.getvalue()
    assert f"{n}/{n}" in bar  # counts
    assert "100%" in bar
    assert f"{n - 1} klaar, 1 niet gemaakt" in bar
    assert "meldingen" in bar
    first, summary = out.getvalue().splitlines()[:2]  # the file that failed, then the counts; no bar on stdout
    assert first.startswith(f"{src / 'z-kapot.json'}: onleesbaar: ")
    assert summary.startswith("meldform batch: ")


def personal_data(paths: list[Path]) -> set[str]:
    """Names, BSNs, streets and phone numbers in the documents (the things that must not leak)."""
    found: set[str] = set()

    def walk(value: Any, key: str = "", parent: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k, key)
        elif isinstance(value, list):
            for v in value:
                walk(v, key, parent)
        elif key == "naam" and parent != "betrokkenHulpverleners":
            return  # an organisation's name is no personal data
        elif isinstance(value, str) and key in ("voornamen", "geslachtsnaam", "naam", "burgerservicenummer", "straat", "telefoon", "email"):
            found.add(value)
            if key in ("voornamen", "geslachtsnaam", "naam"):
                found.update(part for part in re.split(r"[\s-]+", value) if len(part) >= 3 and part[0].isupper())

    for path in paths:
        walk(load(path))
    return found


def test_no_personal_data_in_progress_summary_or_reports(tmp_path: Path) -> None:
    src = tmp_path / "in"
    paths = copy_examples(src)
    secrets_ = personal_data(paths)
    assert "Bakker" in secrets_ and "123456782" in secrets_
    out = tmp_path / "uit"
    err, stdout = FakeTTY(), io.StringIO()
    batch_command.run_batch([str(src)], out, stdout, err, formats="html", jobs=2)
    texts = {
        "progress": err.getvalue(),
        "summary": stdout.getvalue(),
        "rapport.json": (out / "rapport.json").read_text(encoding="utf-8"),
        "rapport.html": (out / "rapport.html").read_text(encoding="utf-8"),
    }
    for where, content in texts.items():
        for secret in secrets_:
            assert not re.search(rf"(?<![\w]){re.escape(secret)}(?![\w])", content), f"{secret!r} in {where}"


# -- 4. the report -------------------------------------------------------------------------------------------
def test_rapport_json_lists_every_input_with_status_findings_outputs(mixed: tuple[Path, Path]) -> None:
    src, out = mixed
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "2")
    rep = report(out)
    assert {"meldform", "gemaakt", "uitvoermap", "formaten", "samenvatting", "samenloop", "bestanden"} <= set(rep)
    entries = rep["bestanden"]
    assert len(entries) == len(list(batch.discover([str(src)], exclude=out)))
    for entry in entries:
        assert entry["status"] in batch.STATUSES
        assert {"bestand", "sha256", "status", "kenmerk", "sector", "bevindingen", "uitvoer", "conflicten"} <= set(entry)
        assert "samenloop" not in entry  # internal keys stay out of the report
        for finding in entry["bevindingen"]:
            assert set(finding) == {"ernst", "code", "pad", "melding"}
    s = rep["samenvatting"]
    assert s["bestanden"] == len(entries)
    assert sum(s["status"].values()) == len(entries)
    assert s["status"]["onleesbaar"] == 1 and s["status"]["ongeldig"] == 1
    onderwijs_rendered = sum(1 for e in entries if e["sector"] == "onderwijs" and e["status"] == "gerenderd")
    assert onderwijs_rendered >= 3  # the onderwijs examples, the YAML variant, the PO adviesvraag
    assert s["perSector"]["onderwijs"]["gerenderd"] == onderwijs_rendered
    assert s["perSector"]["onderwijs"]["ongeldig"] == 1
    codes = {entry["code"]: entry for entry in s["perCode"]}
    assert codes["elfproef"]["bestanden"] == 1 and codes["elfproef"]["ernst"] == "fout"
    assert codes["onleesbaar"]["aantal"] == 1
    assert s["fouten"] == sum(1 for e in entries for f in e["bevindingen"] if f["ernst"] == "fout")
    # the journal is gone once the report is written
    assert not (out / batch.STATE_DIR / batch.JOURNAL).exists()


def test_rapport_html_is_self_contained_and_readable(mixed: tuple[Path, Path]) -> None:
    src, out = mixed
    write(src / "<b>vreemd&naam.json", {"kapot": True})
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    html = (out / "rapport.html").read_text(encoding="utf-8")
    css, style_hash = stylesheet()
    assert "Content-Security-Policy" in html and f"style-src '{style_hash}'" in html and "default-src 'none'" in html
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert css in html
    assert "Per sector" in html and "Onderwijs" in html
    assert "elfproef" in html  # per finding code, and in the list of invalid files
    assert "m-ongeldig.json" in html and "k-kapot.json" in html
    assert "&lt;b&gt;vreemd&amp;naam.json" in html and "<b>vreemd" not in html  # autoescaped
    assert "Samenloop" in html


def test_rapport_in_english(tmp_path: Path) -> None:
    copy_examples(tmp_path / "in")
    result = run_cli(str(tmp_path / "in"), "--output", str(tmp_path / "uit"), "--format", "html", "--jobs", "1", "--lang", "en")
    assert result.exit_code == 0
    assert "rendered" in result.stdout
    assert "batch report" in (tmp_path / "uit" / "rapport.html").read_text(encoding="utf-8")


# -- 5. samenloop ---------------------------------------------------------------------------------------------
def samenloop_batch(folder: Path) -> dict[str, str]:
    """Meldingen from different sources, some about the same people. Returns file -> role."""
    # A: school, about Noor Bakker (BSN 123456782) and her mother Sanne Bakker (no BSN, born 1984-07-02);
    #    one earlier VT melding (dossier VT-2023-11873).
    a = melding("onderwijs-vo-partnergeweld.json")
    write(folder / "a-school.json", a)
    # B: the day care centre, a child with the same BSN as Noor (another sector, another kenmerk),
    #    reporting the same earlier dossier differently written: it counts once.
    b = melding("kinderopvang-dagopvang-verwaarlozing.json")
    b["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = "123456782"
    b["betrokkenen"]["kinderen"][0]["naam"] = {"voornamen": "Noor", "geslachtsnaam": "Bakker"}
    b["betrokkenen"]["kinderen"][0]["geboortedatum"] = "2012-03-14"
    b["eerdereBetrokkenheidVeiligThuis"] = {
        "status": "ja",
        "eerdereContacten": [{"datum": "2023-05-10", "soort": "melding", "dossiernummer": "vt 2023 11873"}],
    }
    write(folder / "b-opvang.json", b)
    # C: foster care, the mother by name and birth date only (no BSN), written differently.
    c = melding("pleegzorg-ots-bezoekregeling.json")
    c["betrokkenen"]["volwassenen"][0]["naam"] = {"voornamen": "sanne", "geslachtsnaam": "BAKKER"}
    c["betrokkenen"]["volwassenen"][0]["geboortedatum"] = "1984-07-02"
    write(folder / "c-pleegzorg.json", c)
    # D: a wijkteam melding about different people who merely resemble them: a Sanne Bakker born a day
    #    later, and a child with Noor's birth date but another name. Not grouped.
    d = load(EXAMPLES / "wijkteam-ex-partner-stalking.yaml")
    d["betrokkenen"]["volwassenen"][0]["naam"] = {"voornamen": "Sanne", "geslachtsnaam": "Bakker"}
    d["betrokkenen"]["volwassenen"][0]["geboortedatum"] = "1984-07-03"
    d["betrokkenen"]["kinderen"][0]["geboortedatum"] = "2012-03-14"
    write(folder / "d-wijkteam.yaml", d)
    # E: an adviesvraag is anonymous: never part of samenloop.
    shutil.copy(EXAMPLES / "advies-onderwijs-po-meisjesbesnijdenis.json", folder / "e-advies.json")
    return {"a": "a-school.json", "b": "b-opvang.json", "c": "c-pleegzorg.json", "d": "d-wijkteam.yaml"}


def members(group: dict[str, Any]) -> set[tuple[str, str]]:
    return {(Path(m["bestand"]).name, m["pad"]) for m in group["leden"]}


def test_samenloop_groups_same_bsn_and_same_name_and_birth_date(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    samenloop_batch(src)
    result = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "2")
    assert result.exit_code == 0, result.output
    groups = report(out)["samenloop"]
    assert len(groups) == 2, groups
    by_kind = {tuple(g["koppeling"]): g for g in groups}
    child = by_kind[("bsn",)]
    assert members(child) == {("a-school.json", "/betrokkenen/kinderen/0"), ("b-opvang.json", "/betrokkenen/kinderen/0")}
    assert {m["sector"] for m in child["leden"]} == {"onderwijs", "kinderopvang"}
    assert {m["kenmerk"] for m in child["leden"]} == {"VO-2026-0142", "KDV-2026-031"}
    # hermelding protocol: one earlier dossier (reported twice, written differently) + two meldingen now
    assert child["eerdereDossiersBinnenTermijn"] == 1
    assert child["meldingenInBatch"] == 2
    assert child["dossiersBinnenTermijn"] == 3
    assert child["hermeldingProtocol"] is True
    assert child["naamOfGeboortedatumVerschilt"] is False
    mother = by_kind[("naam_en_geboortedatum",)]
    assert members(mother) == {("a-school.json", "/betrokkenen/volwassenen/0"), ("c-pleegzorg.json", "/betrokkenen/volwassenen/0")}
    # window: the latest melding date minus five years; pleegzorg's earlier dossier is from 2023
    assert mother["vanaf"] == "2021-11-20" and mother["peildatum"] == "2026-11-20"
    assert mother["eerdereDossiersBinnenTermijn"] == 2
    assert mother["dossiersBinnenTermijn"] == 4
    # not grouped: the look-alikes in the wijkteam melding, the adviesvraag
    everyone = set().union(*(members(g) for g in groups))
    assert not any(name in ("d-wijkteam.yaml", "e-advies.json") for name, _ in everyone)
    # groups are named by a keyed hash, never by a BSN or a name
    text = json.dumps(groups)
    assert "123456782" not in text and "Bakker" not in text and "Sanne" not in text
    assert all(re.fullmatch(r"G-[0-9a-f]{12}", g["groep"]) for g in groups)
    assert report(out)["samenvatting"]["samenloopGroepen"] == 2
    assert "2 groep(en)" in result.stdout


def test_samenloop_same_bsn_with_different_birth_dates_is_flagged(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    a = melding()
    write(src / "a.json", a)
    b = melding("kinderopvang-dagopvang-verwaarlozing.json")
    b["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = "123456782"  # Milan, born 2022: not Noor
    write(src / "b.json", b)
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    (group,) = report(out)["samenloop"]
    assert group["koppeling"] == ["bsn"]
    assert group["naamOfGeboortedatumVerschilt"] is True
    assert "Controleer het BSN" in (out / "rapport.html").read_text(encoding="utf-8")


def test_samenloop_name_shared_by_two_bsns_links_nobody_with_a_bsn(tmp_path: Path) -> None:
    """Two children with the same name and birth date but different BSNs are two children; a third
    mention without BSN cannot be given to either, and the two are not linked through it."""
    src, out = tmp_path / "in", tmp_path / "uit"
    for index, bsn in enumerate(("123456782", "999999990", None)):
        doc = melding()
        doc["kenmerk"] = f"TWEELING-{index}"
        child = doc["betrokkenen"]["kinderen"][0]
        if bsn is None:
            del child["burgerservicenummer"]
        else:
            child["burgerservicenummer"] = bsn
        doc["betrokkenen"]["volwassenen"][0]["naam"]["voornamen"] = f"Moeder{index}"  # keep the mothers apart
        write(src / f"{index}.json", doc)
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    assert report(out)["samenloop"] == []


def test_identical_copies_are_one_melding_not_samenloop(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    write(src / "a.json", melding())
    shutil.copy(src / "a.json", src / "a-kopie.json")
    result = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    assert result.exit_code == 0
    files = by_file(report(out))
    assert files["a-kopie.json"]["status"] == "gerenderd" and files["a.json"]["status"] == "overgeslagen"
    assert report(out)["samenloop"] == []


# -- 6. nothing lost ----------------------------------------------------------------------------------------
def test_same_kenmerk_from_two_inputs_is_a_conflict(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    first = melding()
    first["afweging"]["toelichting"] = "Eerste versie van de toelichting."
    second = melding()
    second["afweging"]["toelichting"] = "Tweede, andere toelichting."
    write(src / "1.json", first)
    write(src / "2.json", second)
    result = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    assert result.exit_code == 1
    files = by_file(report(out))
    assert files["1.json"]["status"] == "gerenderd"
    assert files["2.json"]["status"] == "conflict"
    (conflict,) = files["2.json"]["conflicten"]
    assert conflict["reden"] == "zelfde_kenmerk" and conflict["uitvoer"] == "VO-2026-0142.html"
    assert conflict["ander"].endswith("1.json")
    html = (out / "VO-2026-0142.html").read_text(encoding="utf-8")
    assert "Eerste versie" in html and "Tweede" not in html
    assert "1 conflict" in result.stdout
    # a rerun keeps it that way: the first is done, the second still a conflict
    again = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "2")
    files = by_file(report(out))
    assert (files["1.json"]["status"], files["2.json"]["status"]) == ("overgeslagen", "conflict")
    assert files["2.json"]["conflicten"][0]["reden"] == "bestaat_al"
    assert again.exit_code == 1


def test_same_kenmerk_in_parallel_never_overwrites(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    for i in range(12):
        doc = melding()
        doc["afweging"]["toelichting"] = f"Versie {i}."
        write(src / f"{i:02d}.json", doc)
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "2")
    statuses = sorted(e["status"] for e in report(out)["bestanden"])
    assert statuses == ["conflict"] * 11 + ["gerenderd"]
    (winner,) = [e for e in report(out)["bestanden"] if e["status"] == "gerenderd"]
    number = int(Path(winner["bestand"]).stem)
    assert f"Versie {number}." in (out / "VO-2026-0142.html").read_text(encoding="utf-8")


def test_force_redoes_but_still_detects_same_kenmerk(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    write(src / "1.json", melding())
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    before = snapshot(out)
    other = melding()
    other["afweging"]["toelichting"] = "Andere toelichting."
    write(src / "2.json", other)
    result = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1", "--force")
    assert result.exit_code == 1
    files = by_file(report(out))
    assert files["1.json"]["status"] == "gerenderd"  # redone
    assert files["2.json"]["status"] == "conflict" and files["2.json"]["conflicten"][0]["reden"] == "zelfde_kenmerk"
    assert snapshot(out) != before  # rewritten
    assert "Andere toelichting" not in (out / "VO-2026-0142.html").read_text(encoding="utf-8")


def test_rerun_skips_finished_documents_and_protects_changed_inputs(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    copy_examples(src)
    assert run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "2").exit_code == 0
    before = snapshot(out)
    again = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "2")
    assert again.exit_code == 0
    assert {e["status"] for e in report(out)["bestanden"]} == {"overgeslagen"}
    assert snapshot(out) == before  # not one file rewritten
    # an input changed since: its output is not silently replaced
    changed = src / "onderwijs-vo-partnergeweld.json"
    doc = load(changed)
    doc["afweging"]["toelichting"] = "Bijgewerkte toelichting."
    write(changed, doc)
    third = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    assert third.exit_code == 1
    entry = by_file(report(out))[changed.name]
    assert entry["status"] == "conflict" and entry["conflicten"][0]["reden"] == "gewijzigd"
    assert snapshot(out) == before
    # --force redoes everything
    forced = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "2", "--force")
    assert forced.exit_code == 0
    assert {e["status"] for e in report(out)["bestanden"]} == {"gerenderd"}
    assert "Bijgewerkte toelichting" in (out / "VO-2026-0142.html").read_text(encoding="utf-8")
    # and afterwards the changed input counts as finished
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    assert by_file(report(out))[changed.name]["status"] == "overgeslagen"


def test_a_new_format_adds_only_what_is_missing(tmp_path: Path) -> None:
    if not HAS_DOCX:
        pytest.skip("the Word renderer is not there yet")
    src, out = tmp_path / "in", tmp_path / "uit"
    write(src / "a.json", melding())
    run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    before = snapshot(out)
    result = run_cli(str(src), "--output", str(out), "--format", "html,docx", "--jobs", "1")
    assert result.exit_code == 0
    (entry,) = report(out)["bestanden"]
    assert entry["status"] == "gerenderd"
    assert {u["bestand"]: u["actie"] for u in entry["uitvoer"]} == {"VO-2026-0142.html": "behouden", "VO-2026-0142.docx": "geschreven"}
    assert snapshot(out) == before


def test_existing_file_not_made_by_batch_is_not_overwritten(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    write(src / "a.json", melding())
    out.mkdir()
    (out / "VO-2026-0142.html").write_text("van iemand anders", encoding="utf-8")
    result = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    assert result.exit_code == 1
    (entry,) = report(out)["bestanden"]
    assert entry["status"] == "conflict" and entry["conflicten"][0]["reden"] == "bestaat_al"
    assert (out / "VO-2026-0142.html").read_text(encoding="utf-8") == "van iemand anders"


def test_kenmerk_rapport_cannot_overwrite_the_report(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    doc = melding()
    doc["kenmerk"] = "rapport"
    write(src / "a.json", doc)
    result = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1")
    assert result.exit_code == 1
    (entry,) = report(out)["bestanden"]
    assert entry["status"] == "conflict" and entry["conflicten"][0]["reden"] == "gereserveerd"
    assert "Batchrapport" in (out / "rapport.html").read_text(encoding="utf-8")


def test_interrupted_run_is_finished_by_a_rerun(tmp_path: Path) -> None:
    """A batch killed with SIGKILL mid-way; the same command again finishes the rest, redoes nothing."""
    src, out = tmp_path / "in", tmp_path / "uit"
    kenmerken = []
    for i, doc in enumerate(bulk_documents(300)):
        write(src / f"{i:04d}.json", doc)
        kenmerken.append(doc["kenmerk"])
    (src / "0150-kapot.json").write_text("{ dit is geen json", encoding="utf-8")  # in the middle
    bad = invalid_doc()
    write(src / "0151-ongeldig.json", bad)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    cmd = [sys.executable, "-c", "from meldform.cli import main; main()", "batch", str(src), "--output", str(out), "--format", "html", "--jobs", "2"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.is_dir() and sum(1 for p in out.iterdir() if p.suffix == ".html") >= 20:
                break
            time.sleep(0.005)
        assert proc.poll() is None, "the batch finished before it could be interrupted"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    first = snapshot(out)
    assert 20 <= len(first) < 300
    assert not (out / "rapport.json").exists()

    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # the broken and the invalid file
    assert "Traceback" not in done.stderr
    html = sorted(p.name for p in out.glob("*.html") if not p.name.startswith("rapport"))
    assert html == sorted(f"{k}.html" for k in kenmerken)  # every valid input rendered exactly once
    after = snapshot(out)
    assert {name: after[name] for name in first} == first  # the finished ones were not redone
    assert leftovers(out) == []  # no half-written file anywhere
    assert not any(p.name.startswith(batch.RUN_PREFIX) for p in (out / batch.STATE_DIR).iterdir())
    rep = report(out)
    files = by_file(rep)
    assert len(files) == 302
    assert files["0150-kapot.json"]["status"] == "onleesbaar"
    assert files["0151-ongeldig.json"]["status"] == "ongeldig"
    for i, kenmerk in enumerate(kenmerken):
        expected = "overgeslagen" if f"{kenmerk}.html" in first else "gerenderd"
        assert files[f"{i:04d}.json"]["status"] == expected, (i, files[f"{i:04d}.json"])
    assert rep["samenvatting"]["documentenBehouden"] == len(first)
    assert rep["samenvatting"]["documentenGeschreven"] == 300 - len(first)


def test_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the whole process group): one line, exit 130, the pool stopped, no partial file."""
    src, out = tmp_path / "in", tmp_path / "uit"
    for i, doc in enumerate(bulk_documents(150, seed=11)):
        write(src / f"{i:04d}.json", doc)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    cmd = [sys.executable, "-c", "from meldform.cli import main; main()", "batch", str(src), "--output", str(out), "--format", "html", "--jobs", "2"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and sum(1 for p in out.iterdir() if p.suffix == ".html") >= 10:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the batch finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr.strip() == "meldform: afgebroken"
    assert leftovers(out) == []
    assert not (out / "rapport.json").exists()
    first = snapshot(out)
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(snapshot(out)) == 150
    assert {name: snapshot(out)[name] for name in first} == first


def test_temporaries_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    write(src / "a.json", melding())
    (out / batch.STATE_DIR / batch.OWNERS).mkdir(parents=True)
    (out / ".meldform-abc.tmp").write_bytes(b"half")
    (out / batch.STATE_DIR / batch.OWNERS / ".meldform-def.tmp").write_bytes(b"half")
    (out / batch.STATE_DIR / "run-1-dead").mkdir()
    assert run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1").exit_code == 0
    assert leftovers(out) == []
    assert not (out / batch.STATE_DIR / "run-1-dead").exists()


def one_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_output_that_cannot_be_a_folder_is_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src / "a.json", melding())
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(src), "--output", str(blocker / "uit"), "--format", "html", "--jobs", "1"])
    assert result.exit_code == 2
    line = one_line(result)
    assert line.startswith("meldform: uitvoermap ") and "niet beschrijfbaar" in line


@contextlib.contextmanager
def tmpfs(where: Path, options: str) -> Iterator[None]:
    """A real tmpfs (read-only, or tiny so it fills up). Needs root; CI runs as root and must not skip."""
    where.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        if os.environ.get("MELDFORM_REQUIRE_REAL_TOOLS"):
            pytest.fail(f"cannot mount a tmpfs: {proc.stderr.strip()}")
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_read_only_output_folder_is_exit_2(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    write(src / "a.json", melding())
    if os.geteuid() != 0:
        out.mkdir()
        out.chmod(0o500)
        try:
            result = CliRunner().invoke(main, ["batch", str(src), "--output", str(out), "--format", "html", "--jobs", "1"])
        finally:
            out.chmod(0o700)
    else:  # root ignores permissions: a read-only file system it cannot ignore
        with tmpfs(out, "ro,size=1m"):
            result = CliRunner().invoke(main, ["batch", str(src), "--output", str(out), "--format", "html", "--jobs", "1"])
    assert result.exit_code == 2
    assert "niet beschrijfbaar" in one_line(result)


def test_really_full_output_folder_is_exit_2_and_leaves_nothing_half_written(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    for i in range(40):
        doc = melding()
        doc["kenmerk"] = f"VOL-{i}"
        write(src / f"z{i:02d}.json", doc)
    with tmpfs(out, "size=64k,mode=0700"):
        result = CliRunner().invoke(main, ["batch", str(src), "--output", str(out), "--format", "html,docx", "--jobs", "2"])
        assert result.exit_code == 2
        assert "is vol" in one_line(result)
        assert leftovers(out) == []
        for made in out.glob("*.*"):  # whatever was finished before the disk filled up is whole
            if made.suffix == ".html":
                assert made.read_bytes().rstrip().endswith(b"</html>")


@pytest.mark.parametrize(
    ("exc", "jobs"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), 1),
        (OutputNotWritableError(errno.ENOSPC, "vol"), 1),
        (OSError(errno.ENOSPC, "No space left on device"), 2),  # the forked workers inherit the patch
    ],
)
def test_full_disk_stops_the_batch_with_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: OSError, jobs: int) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    copy_examples(src)
    for i in range(40):
        doc = melding()
        doc["kenmerk"] = f"VOL-{i}"
        write(src / f"z{i:02d}.json", doc)
    calls = 0

    def full(target: Path, data: bytes, *, force: bool = False, durable: bool = True) -> None:
        nonlocal calls
        calls += 1
        raise exc

    monkeypatch.setattr(ownership, "write_atomic", full)
    result = CliRunner().invoke(main, ["batch", str(src), "--output", str(out), "--format", "html", "--jobs", str(jobs)])
    assert result.exit_code == 2
    line = one_line(result)
    assert "is vol" in line and str(out) in line
    if jobs == 1:
        assert calls == 1  # stopped at the first failure
    assert result.stdout == ""
    assert leftovers(out) == []
    assert not (out / "rapport.json").exists()


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_folder_turning_read_only_mid_run_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """As root a chmod cannot make a folder read-only: simulate the write failing instead."""
    src, out = tmp_path / "in", tmp_path / "uit"
    copy_examples(src)

    def refused(target: Path, data: bytes, *, force: bool = False, durable: bool = True) -> None:
        raise OutputNotWritableError(code, os.strerror(code), str(target))

    monkeypatch.setattr(ownership, "write_atomic", refused)
    result = CliRunner().invoke(main, ["batch", str(src), "--output", str(out), "--format", "html", "--jobs", "1"])
    assert result.exit_code == 2
    line = one_line(result)
    assert "niet beschrijfbaar" in line and os.strerror(code) in line


def test_a_second_batch_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    write(src / "a.json", melding())
    (out / batch.STATE_DIR).mkdir(parents=True)
    with open(out / batch.STATE_DIR / batch.LOCK, "wb") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        result = CliRunner().invoke(main, ["batch", str(src), "--output", str(out), "--format", "html", "--jobs", "1"])
    assert result.exit_code == 2
    assert "andere batch" in one_line(result)


def test_a_cut_off_output_is_made_again_on_rerun(tmp_path: Path) -> None:
    """Outputs are not fsynced one by one; a crash can leave our own output cut off. The owner
    record holds the hash of what was written, so a rerun remakes it instead of trusting it."""
    src, out = tmp_path / "in", tmp_path / "uit"
    copy_examples(src)
    first = CliRunner().invoke(main, ["batch", str(src), "--output", str(out), "--format", "html", "--jobs", "1"])
    assert first.exit_code in (0, 1)
    made = sorted(p for p in out.glob("*.html") if p.name != "rapport.html")
    victim, untouched = made[0], made[1]
    whole = victim.read_bytes()
    victim.write_bytes(whole[: len(whole) // 2])  # as if the machine died before the data reached the disk
    inode = untouched.stat().st_ino
    again = CliRunner().invoke(main, ["batch", str(src), "--output", str(out), "--format", "html", "--jobs", "1"])
    assert again.exit_code == first.exit_code
    assert victim.read_bytes().rstrip().endswith(b"</html>") and len(victim.read_bytes()) > len(whole) // 2
    assert untouched.stat().st_ino == inode  # a whole output is kept, not redone
    report = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    actions = {u["bestand"]: u["actie"] for r in report["bestanden"] for u in r.get("uitvoer", [])}
    assert actions[victim.name] != actions[untouched.name]


def test_samenloop_counts_with_the_organisations_setting(tmp_path: Path) -> None:
    # the threshold is a setting (melding-1.1.md, *Settings*), not a national rule: 4 dossiers in 2 years
    src, out = tmp_path / "in", tmp_path / "uit"
    samenloop_batch(src)
    result = run_cli(str(src), "--output", str(out), "--format", "html", "--jobs", "1", "--hermelding-dossiers", "4", "--hermelding-jaren", "2")
    assert result.exit_code == 0, result.output
    rapport = report(out)
    assert rapport["instellingen"] == {"hermeldingDossiers": 4, "hermeldingJaren": 2}
    by_kind = {tuple(g["koppeling"]): g for g in rapport["samenloop"]}
    child, mother = by_kind[("bsn",)], by_kind[("naam_en_geboortedatum",)]
    assert child["termijnJaren"] == 2 and child["drempel"] == 4
    assert mother["vanaf"] == "2024-11-20"  # two years before the latest melding
    # three dossiers are no longer enough; the earlier pleegzorg dossier of 2023 falls outside two years
    assert child["hermeldingProtocol"] is False
    assert mother["eerdereDossiersBinnenTermijn"] < 2
    assert "met 4 of meer dossiers binnen 2 jaar" in result.stdout
    page = (out / "rapport.html").read_text(encoding="utf-8")
    assert "binnen 2 jaar" in page and "Gelderland-Midden" in page
    assert "vijf jaar" not in page and "drie of meer" not in page
