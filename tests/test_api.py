"""The documented Python API (``from meldform import ...``): the same answers as the CLI, in memory.

Each test compares an API call with what the command line gives for the same input, so the API
and the CLI cannot drift apart (issue 13, point 2).
"""

from __future__ import annotations

import copy
import inspect
import io
import json
import subprocess
import sys
import typing
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import meldform
from meldform.cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "examples").glob("*.*"))
EXAMPLE = REPO / "examples" / "onderwijs-vo-partnergeweld.json"
BSN = "123456781"  # fails the elfproef


def cli(*args: str) -> Any:
    result = CliRunner().invoke(main, list(args))
    return result


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def invalid() -> dict[str, Any]:
    doc = example()
    doc["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = BSN
    return doc


# -- the surface ------------------------------------------------------------------------------------
def test_import_meldform_does_not_load_docx_jinja2_or_jsonschema() -> None:
    code = (
        "import sys, meldform\n"
        "from meldform import validate, render, blank_form, schema, sectors, load, check\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'jinja2', 'jsonschema', 'lxml'))\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_all_names_exist_are_documented_and_typed() -> None:
    assert (Path(meldform.__file__).parent / "py.typed").is_file()
    for name in meldform.__all__:
        obj = getattr(meldform, name)
        if inspect.isfunction(obj):
            assert obj.__doc__ and obj.__doc__.strip(), name
            # names imported on first use (module __getattr__) resolve through the package
            hints = typing.get_type_hints(obj, globalns={**obj.__globals__, **{n: getattr(meldform, n) for n in meldform.__all__}})
            assert "return" in hints, name
            params = [p for p in inspect.signature(obj).parameters if p not in ("self",)]
            assert all(p in hints for p in params), (name, params)
        elif inspect.isclass(obj):
            assert obj.__doc__ and obj.__doc__.strip(), name
    assert meldform.LoadError is __import__("meldform.check.loading", fromlist=["LoadError"]).LoadError
    assert meldform.FormError is __import__("meldform.forms.docx_reader", fromlist=["FormError"]).FormError
    assert issubclass(meldform.LoadError, meldform.MeldformError)
    assert issubclass(meldform.FormError, meldform.MeldformError)
    with pytest.raises(AttributeError):
        meldform.nope  # noqa: B018


# -- load, validate, check ------------------------------------------------------------------------
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_validate_gives_the_cli_json(path: Path, lang: str) -> None:
    result = cli("validate", "--format", "json", "--lang", lang, str(path))
    expected = json.loads(result.stdout)[0]
    raw = path.read_bytes()
    document = meldform.load(raw, yaml=path.suffix != ".json")
    assert meldform.validate(document, lang=lang).to_json(bestand=str(path)) == expected
    assert meldform.check(raw, lang=lang).to_json(bestand=str(path)) == expected  # sniffed


def test_invalid_document_report_and_strict() -> None:
    report = meldform.validate(invalid(), lang="en")
    assert not report.geldig
    assert "elfproef" in report.codes
    assert report.fouten and all(f.ernst == "fout" for f in report.fouten)
    assert all(BSN not in f.melding for f in report.bevindingen)
    warned = meldform.validate(example())
    assert warned.geldig and warned.waarschuwingen
    assert not meldform.validate(example(), strict=True).geldig
    assert warned.to_json()["bevindingen"] == [f.as_json() for f in warned.bevindingen]
    assert "bestand" not in warned.to_json()


def test_validate_does_not_change_the_document() -> None:
    doc = invalid()
    before = copy.deepcopy(doc)
    meldform.validate(doc)
    assert doc == before


def test_load_json_yaml_str_and_bytes_agree() -> None:
    doc = example()
    text = json.dumps(doc, ensure_ascii=False)
    assert meldform.load(text) == meldform.load(text.encode("utf-8")) == doc
    import yaml

    assert meldform.load(yaml.safe_dump(doc, allow_unicode=True)) == doc


@pytest.mark.parametrize(("raw", "reason"), [(b"{", "json"), (b"\xff\xfe", "geen_utf8"), (b"   ", "leeg"), (b'{"a": 1, "a": 2}', "dubbele_sleutel")])
def test_load_errors_and_check_reports_them_as_onleesbaar(raw: bytes, reason: str) -> None:
    with pytest.raises(meldform.LoadError) as caught:
        meldform.load(raw)
    assert caught.value.reason == reason
    report = meldform.check(raw, lang="en")
    assert not report.geldig
    assert report.codes == ["onleesbaar"]
    assert report.bevindingen[0].melding == caught.value.message("en")


def test_an_unreadable_file_is_the_report_the_cli_gives(tmp_path: Path) -> None:
    from meldform.check.loading import read_bytes

    missing = str(tmp_path / "bestaat-niet.json")
    with pytest.raises(meldform.LoadError) as caught:
        read_bytes(missing)
    expected = json.loads(cli("validate", "--format", "json", "--lang", "en", missing).stdout)[0]
    assert meldform.Report.unreadable(caught.value, "en").to_json(bestand=missing) == expected


def test_a_document_that_is_not_an_object_is_a_type_finding() -> None:
    report = meldform.validate(meldform.load("[1, 2]"))
    assert not report.geldig and report.codes == ["type"]


# -- render -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_render_writes_what_the_cli_writes(fmt: str, tmp_path: Path) -> None:
    doc = example()
    data = meldform.render(doc, fmt, lang="en")
    assert cli("render", "--format", fmt, "--lang", "en", "-o", str(tmp_path), str(EXAMPLE)).exit_code == 0
    written = (tmp_path / meldform.document_name(doc, fmt)).read_bytes()
    if fmt == "html":
        assert data == written
    else:  # docx: the same parts; docProps/core.xml carries the time it was made
        with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(written)) as b:
            assert a.namelist() == b.namelist()
            assert a.read("word/document.xml") == b.read("word/document.xml")
    assert meldform.document_name(doc, fmt) == f"{doc['kenmerk']}.{fmt}"


def test_render_refuses_an_invalid_document_with_its_findings() -> None:
    with pytest.raises(meldform.InvalidDocumentError) as caught:
        meldform.render(invalid(), "html")
    assert "elfproef" in caught.value.report.codes
    assert caught.value.exit_code == 1
    message = caught.value.message("en")
    assert "not valid" in message and BSN not in message


def test_render_formats_unknown_and_unavailable() -> None:
    from meldform.documents.rendering import FORMATS

    assert meldform.render_formats() == tuple(FORMATS)
    with pytest.raises(meldform.UnknownChoiceError) as unknown:
        meldform.render(example(), "odt")
    assert "odt" in unknown.value.message("en") and "html" in unknown.value.message("en")
    if "pdf" in FORMATS:
        assert meldform.render(example(), "pdf").startswith(b"%PDF")
    else:
        with pytest.raises(meldform.UnsupportedFormatError) as missing:
            meldform.render(example(), "pdf")
        assert "pdf" in missing.value.message("en")


# -- blank forms, import, schema, sectors --------------------------------------------------------------
@pytest.mark.parametrize(("soort", "lang"), [("melding", "nl"), ("advies", "en")])
def test_blank_form_html_is_what_the_cli_writes(soort: str, lang: str, tmp_path: Path) -> None:
    target = tmp_path / meldform.form_name("wijkteam", soort, "html")
    assert cli("blank", "--sector", "wijkteam", "--soort", soort, "--format", "html", "--lang", lang, "-o", str(target)).exit_code == 0
    assert meldform.blank_form("wijkteam", soort=soort, fmt="html", lang=lang) == target.read_bytes()
    assert meldform.form_name("wijkteam", soort, "html") == f"meldformulier-wijkteam{'-advies' if soort == 'advies' else ''}.html"


@pytest.mark.parametrize(
    ("kwargs", "what", "dutch"),
    [({"sector": "nope"}, "sector", "onbekende sector"), ({"soort": "brief"}, "soort", "onbekende soort"), ({"fmt": "pdf"}, "format", "onbekend formaat")],
)
def test_blank_form_unknown_choices(kwargs: dict[str, str], what: str, dutch: str) -> None:
    args = {"sector": "onderwijs", **kwargs}
    sector = args.pop("sector")
    with pytest.raises(meldform.UnknownChoiceError) as caught:
        meldform.blank_form(sector, soort=args.get("soort", "melding"), fmt=args.get("fmt", "html"))
    assert caught.value.message("en").startswith(f"unknown {what} ")
    assert caught.value.message("nl").startswith(f"{dutch} ")  # "onbekend formaat": formaat is a het-word
    assert caught.value.exit_code == 2


def test_import_form_reads_back_a_blank_word_form_as_the_cli_does(tmp_path: Path) -> None:
    form = meldform.blank_form("jeugdhulp", fmt="docx")
    path = tmp_path / "form.docx"
    path.write_bytes(form)
    result = CliRunner().invoke(main, ["import", str(path)])
    imported = meldform.import_form(form)
    assert imported.document == json.loads(result.stdout)
    assert (imported.soort, imported.sector) == ("melding", "jeugdhulp")
    assert not imported.geldig and "verplicht" in imported.report.codes
    with pytest.raises(meldform.FormError):
        meldform.import_form(b"PK\x03\x04 not a zip")


@pytest.mark.parametrize(("sector", "soort"), [(None, None), ("onderwijs", None), (None, "advies"), ("justitie", "melding")])
def test_schema_is_what_the_cli_prints(sector: str | None, soort: str | None) -> None:
    args = [*(["--sector", sector] if sector else []), *(["--soort", soort] if soort else [])]
    assert meldform.schema(sector=sector, soort=soort) == json.loads(cli("schema", *args).stdout)
    fresh = meldform.schema(sector=sector, soort=soort)
    fresh["title"] = "changed"
    assert meldform.schema(sector=sector, soort=soort)["title"] != "changed"


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for value in node.values() for k in _keys(value)}
    if isinstance(node, list):
        return {k for item in node for k in _keys(item)}
    return set()


def test_schema_without_annotations_is_what_the_cli_prints() -> None:
    bare = meldform.schema(sector="onderwijs", annotations=False)
    assert bare == json.loads(cli("schema", "--sector", "onderwijs", "--zonder-annotaties").stdout)
    assert any(k.startswith("x-") for k in _keys(meldform.schema(sector="onderwijs")))
    assert not any(k.startswith("x-") for k in _keys(bare)), "x- keywords left"
    assert bare["title"] == meldform.schema(sector="onderwijs")["title"]  # standard annotations stay


def test_schema_unknown_sector() -> None:
    with pytest.raises(meldform.UnknownChoiceError):
        meldform.schema(sector="nope")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sectors_is_what_the_cli_prints(lang: str) -> None:
    expected = json.loads(cli("sectors", "--format", "json", "--lang", lang).stdout)
    assert [s.to_json() for s in meldform.sectors(lang)] == expected


def test_an_unknown_choice_is_worded_once_for_the_api_and_the_contract() -> None:
    from meldform.model.schemas import UnknownVariantError

    api_error = meldform.UnknownChoiceError("sector", "ruimtevaart", ("onderwijs", "wijkteam"))
    assert isinstance(api_error, UnknownVariantError)
    for lang in ("nl", "en"):
        assert api_error.message(lang) == UnknownVariantError("sector", "ruimtevaart", ("onderwijs", "wijkteam")).message(lang)
    long = meldform.UnknownChoiceError("soort", "x" * 500, meldform.SOORTEN).message()
    assert long == f"onbekende soort '{'x' * 40}…'; kies uit: melding, advies, dossiernotitie"
    other = meldform.UnknownChoiceError("strict", "misschien", ("true", "false"))
    assert other.message() == "onbekende waarde 'misschien' voor strict; kies uit: true, false"
    assert other.message("en") == "unknown value 'misschien' for strict; choose from: true, false"
