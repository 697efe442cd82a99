"""The batch report reads like a report, and the console names every file that was not processed.

One batch with a valid file, a file with errors (one nested: a child's BSN), an unreadable file and
a file whose output already exists (not made by this batch), in Dutch and in English.
"""

from __future__ import annotations

import ast
import datetime as dt
import html
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import meldform
from meldform.batch.report import format_moment
from meldform.check.findings import finding_label
from meldform.cli import main
from meldform.texts import LANGS
from meldform.texts.findings import FINDING_LABELS, FINDINGS

EXAMPLES = Path(__file__).parent.parent / "examples"
VALID = "onderwijs-vo-partnergeweld.json"  # kenmerk VO-2026-0142
EXISTING = "kinderopvang-dagopvang-verwaarlozing.json"  # kenmerk KDV-2026-031


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / VALID, folder / VALID)
    shutil.copy(EXAMPLES / EXISTING, folder / EXISTING)
    doc = json.loads((EXAMPLES / VALID).read_text(encoding="utf-8"))
    doc["kenmerk"] = "VO-TEST-0001"
    doc["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = "12345"
    (folder / "bsn-fout.json").write_text(json.dumps(doc), encoding="utf-8")
    (folder / "kapot.json").write_text("{niet af", encoding="utf-8")
    return folder


def _run(inputs: Path, output: Path, *extra: str) -> tuple[int, str]:
    output.mkdir(exist_ok=True)
    (output / "KDV-2026-031.html").write_text("van iemand anders", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(inputs), "-o", str(output), "--format", "html", "--jobs", "1", *extra])
    return result.exit_code, result.stdout


def _text(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_console_names_each_failed_file_with_its_reason_nl(inputs: Path, tmp_path: Path) -> None:
    code, out = _run(inputs, tmp_path / "uit")
    assert code == 1
    lines = out.splitlines()
    reason = "Betrokkenen › Kind 1 › Burgerservicenummer (BSN) heeft niet de juiste vorm (precies 9 cijfers)"
    assert f"{inputs / 'bsn-fout.json'}: niet verwerkt: fouten in het document: {reason}" in lines
    assert any(line.startswith(f"{inputs / 'kapot.json'}: onleesbaar: geen geldige JSON") for line in lines)
    assert any(line.startswith(f"{inputs / EXISTING}: niet verwerkt: uitvoerbestand bestaat al") and "KDV-2026-031.html bestaat al" in line for line in lines)
    assert not any(str(inputs / VALID) in line for line in lines)  # a processed file is not named
    assert "12345" not in out  # the wrong value is never echoed
    assert lines[3].startswith("meldform batch: 4 bestand(en): 1 gerenderd")  # the failures come first, then the counts


def test_console_in_english(inputs: Path, tmp_path: Path) -> None:
    _, out = _run(inputs, tmp_path / "uit", "--lang", "en")
    assert f"{inputs / 'bsn-fout.json'}: not processed: errors in the document: Persons involved › Child 1 › Citizen service number (BSN)" in out
    assert f"{inputs / 'kapot.json'}: unreadable: not valid JSON" in out
    assert "niet verwerkt" not in out


def test_report_html_speaks_dutch(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "uit"
    _run(inputs, output)
    text = _text((output / "rapport.html").read_text(encoding="utf-8"))
    made = json.loads((output / "rapport.json").read_text(encoding="utf-8"))["gemaakt"]
    assert f"Gemaakt {format_moment(dt.datetime.fromisoformat(made), 'nl')}" in text
    assert re.search(r"Gemaakt \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}, \d\d:\d\d", text)
    # the statuses head their rows as labels do: with a capital
    for status in ("Verwerkt 1", "Niet verwerkt: fouten in het document 1", "Onleesbaar 1", "Niet verwerkt: uitvoerbestand bestaat al of kenmerk dubbel 1"):
        assert status in text
    # the finding reads with its labels; the code is a detail, the JSON pointer is gone
    assert "Fout: Betrokkenen › Kind 1 › Burgerservicenummer (BSN) heeft niet de juiste vorm (precies 9 cijfers) (code: formaat)" in text
    assert "/betrokkenen/kinderen/0" not in text
    assert "gerenderd" not in text and "ongeldig" not in text
    assert "12345" not in text


def test_report_html_in_english(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "uit"
    _run(inputs, output, "--lang", "en")
    text = _text((output / "rapport.html").read_text(encoding="utf-8"))
    assert re.search(r"Made \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d\d:\d\d", text)
    assert "Not processed: errors in the document 1" in text
    assert "Persons involved › Child 1 › Citizen service number (BSN)" in text
    assert "verwerkt" not in text


def _row_headings(page: str, section: str) -> list[str]:
    """The text of every row heading (``<th scope="row">``) in the report's section ``section``."""
    part = re.search(rf'<h2 id="{section}-kop">.*?(?=<h2 |</main>)', page, flags=re.S)  # up to the next section
    assert part, section
    return [_text(cell).strip() for cell in re.findall(r'<th scope="row">(.*?)</th>', part.group(0), flags=re.S)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_per_finding_is_headed_by_the_label_and_the_code_is_a_detail(inputs: Path, tmp_path: Path, lang: str) -> None:
    output = tmp_path / "uit"
    _run(inputs, output, "--lang", lang)
    page = (output / "rapport.html").read_text(encoding="utf-8")
    codes = [entry["code"] for entry in json.loads((output / "rapport.json").read_text(encoding="utf-8"))["samenvatting"]["perCode"]]
    assert {"formaat", "onleesbaar", "veiligheidscijfers_uiteenlopend"} <= set(codes)
    headings = _row_headings(page, "per-code")
    assert headings == [f"{finding_label(code, lang)} (code: {code})" for code in codes]
    for code in codes:
        assert f'<small class="detail">(code: {code})</small></th>' in page
        assert not any(heading.startswith(code) for heading in headings)  # never the bare code as the heading
    words = {"nl": ("Bevinding", "Onjuiste vorm", "Waarschuwing"), "en": ("Finding", "Wrong format", "Warning")}[lang]
    text = _text(page)
    assert all(word in text for word in words)
    assert f"{finding_label('veiligheidscijfers_uiteenlopend', lang)} (code: veiligheidscijfers_uiteenlopend)" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_row_headings_and_statuses_read_as_labels(inputs: Path, tmp_path: Path, lang: str) -> None:
    """No row heading starts lower case; a status or a severity standing alone in a cell neither."""
    output = tmp_path / "uit"
    _run(inputs, output, "--lang", lang)
    page = (output / "rapport.html").read_text(encoding="utf-8")
    for section in ("samenvatting", "per-sector", "per-code", "samenloop", "problemen"):
        for heading in _row_headings(page, section):
            assert heading[:1].isupper(), (section, heading)
    cells = {_text(cell).strip() for cell in re.findall(r"<td>(.*?)</td>", page, flags=re.S)}
    statuses = {
        "nl": ("verwerkt", "niet verwerkt: fouten in het document", "onleesbaar"),
        "en": ("processed", "not processed: errors in the document", "unreadable"),
    }
    for status in statuses[lang]:
        assert status not in cells and status[:1].upper() + status[1:] in cells
    # the samenloop group's id is a detail beside its number
    assert re.search(r'<h3 id="G-[0-9a-f]{12}-kop">(Groep|Group) 1 <small class="detail">\(G-[0-9a-f]{12}\)</small></h3>', page)


def test_rapport_json_keeps_its_fields_and_adds_labels(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "uit"
    _run(inputs, output)
    report = json.loads((output / "rapport.json").read_text(encoding="utf-8"))
    assert {"meldform", "rapport", "gemaakt", "uitvoermap", "formaten", "samenvatting", "samenloop", "bestanden"} <= report.keys()
    assert report["samenvatting"]["status"] == {"gerenderd": 1, "overgeslagen": 0, "ongeldig": 1, "onleesbaar": 1, "conflict": 1, "mislukt": 0}
    assert {b["status"] for b in report["bestanden"]} == {"gerenderd", "ongeldig", "onleesbaar", "conflict"}
    assert report["statusLabels"]["ongeldig"] == "niet verwerkt: fouten in het document"
    # perCode keeps its keys and adds the label beside the code
    per_code = {entry["code"]: entry for entry in report["samenvatting"]["perCode"]}
    assert per_code["formaat"] == {"code": "formaat", "label": "Onjuiste vorm", "ernst": "fout", "aantal": 1, "bestanden": 1}
    assert all(list(entry)[:2] == ["code", "label"] and entry["label"] == finding_label(code, "nl") for code, entry in per_code.items())
    assert dt.datetime.fromisoformat(report["gemaakt"]).utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))


def test_local_time_in_words() -> None:
    moment = dt.datetime(2026, 12, 3, 14, 5)
    assert format_moment(moment, "nl") == "3 december 2026, 14:05"
    assert format_moment(moment, "en") == "3 December 2026, 14:05"


# -- every finding code has a label ------------------------------------------------------------------
PACKAGE = Path(meldform.__file__).resolve().parent
SCHEMAS = Path(__file__).parent.parent / "schemas"
MAKERS = ("Finding", "RuleFinding")  # Finding(ernst, code, ...), RuleFinding(ernst, code, parts, ...)


def _values(node: ast.AST, assigned: dict[str, set[str]]) -> set[str]:
    """The strings an expression can evaluate to: a literal, either side of ``a if c else b`` or of
    ``a or b``, what a name was assigned (a call such as ``schema.get("x-code")`` gives none)."""
    if isinstance(node, ast.Constant):
        return {node.value} if isinstance(node.value, str) else set()
    if isinstance(node, ast.IfExp):
        return _values(node.body, assigned) | _values(node.orelse, assigned)
    if isinstance(node, ast.BoolOp):
        return set().union(*(_values(value, assigned) for value in node.values))
    if isinstance(node, ast.Name):
        return assigned.get(node.id, set())
    return set()


def _x_codes(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "x-code" and isinstance(value, str):
                yield value
            yield from _x_codes(value)
    elif isinstance(node, list):
        for item in node:
            yield from _x_codes(item)


def reported_codes() -> tuple[set[str], set[str]]:
    """(codes, message keys): every finding code meldform can report, read from its sources.

    A code is the second argument of ``Finding(...)`` or ``RuleFinding(...)`` anywhere in the
    package; the first element of the tuples the reference engine collects (``out.append((code,
    parts, message key, params))``), where a name stands for what the function assigns to it (``code
    = "leeg" if ... else "te_kort"``); and the ``x-code`` of a schema. The message keys are the third
    elements of those tuples (a code can be worded by more than one message: ``formaat``).
    """
    codes: set[str] = set()
    keys: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "texts":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            assigned: dict[str, set[str]] = {}
            for node in ast.walk(function):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, set()).update(_values(node.value, {}))

            def resolve(node: ast.AST, assigned: dict[str, set[str]] = assigned) -> set[str]:
                return _values(node, assigned)

            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else ""
                if name in MAKERS and len(node.args) >= 2:
                    codes |= resolve(node.args[1])
                elif name == "append" and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id == "out":
                    entry = node.args[0]
                    if isinstance(entry, ast.Tuple) and len(entry.elts) == 4:
                        codes |= resolve(entry.elts[0])
                        keys |= resolve(entry.elts[2])
    for path in sorted(SCHEMAS.rglob("*.json")):
        if "i18n" not in path.parts:
            codes.update(_x_codes(json.loads(path.read_text(encoding="utf-8"))))
    return codes, keys


def test_the_codes_are_found_in_every_source() -> None:
    codes, keys = reported_codes()
    assert {"onleesbaar", "type"} <= codes  # Finding(FOUT, "onleesbaar", ...) in the loaders, the batch, the service
    assert {"elfproef", "hermelding", "veiligheidscijfers_uiteenlopend"} <= codes  # RuleFinding(...) in check/rules.py
    assert {"verplicht", "te_kort", "te_lang", "leeg"} <= codes  # the reference engine, by name and by assignment
    assert {"advies_identificerend", "geen_betrokkenen", "niet_van_toepassing", "onbekend_veld"} <= codes  # x-code
    assert {"verplicht_een_van", "datum_formaat", "email_formaat"} <= keys - codes  # wordings, no codes
    # every code is worded, and every wording belongs to a code
    assert codes <= set(FINDINGS), sorted(codes - set(FINDINGS))
    assert set(FINDINGS) <= codes | keys, sorted(set(FINDINGS) - codes - keys)


def test_every_code_has_a_label_in_every_language() -> None:
    codes, _ = reported_codes()
    missing = sorted(f"{code} ({lang})" for code in codes for lang in LANGS if not FINDING_LABELS.get(code, {}).get(lang, "").strip())
    assert not missing, "finding codes without a label in texts/findings.py FINDING_LABELS: " + ", ".join(missing)
    assert not set(FINDING_LABELS) - codes, sorted(set(FINDING_LABELS) - codes)  # no label for a code that is never reported
    for code in codes:
        assert finding_label(code, "nl") != code and finding_label(code, "en") != code
