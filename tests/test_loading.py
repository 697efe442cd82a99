"""Loading meldingen: YAML 1.2 core semantics, strict JSON, and clear Dutch errors for bad files."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from meldform.check.loading import LoadError, load_document, parse_text
from meldform.check.validation import check_file, validate

TODAY = dt.date(2026, 11, 28)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "onderwijs-vo-partnergeweld.json"
_EXAMPLE_DATA = json.loads(EXAMPLE.read_text(encoding="utf-8"))
DUTCH = re.compile(r"\b(bestand|geen|niet|een|het|is|map|leeg|regel|sleutel|bevat|waarde)\b")


def base() -> dict[str, Any]:
    return copy.deepcopy(_EXAMPLE_DATA)


def as_yaml(data: Any, unquote_dates: bool = True) -> str:
    """The document as YAML; dates written unquoted, as people do by hand."""
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if unquote_dates:
        text = re.sub(r"'([0-9]{4}-[0-9]{2}-[0-9]{2})'", r"\1", text)
    return text


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def load_error(path: str) -> LoadError:
    with pytest.raises(LoadError) as info:
        load_document(path)
    return info.value


def parse_error(text: str, is_yaml: bool) -> LoadError:
    with pytest.raises(LoadError) as info:
        parse_text(text, is_yaml)
    return info.value


def assert_dutch(message: str) -> None:
    assert message.strip(), "empty message"
    assert "Traceback" not in message
    assert DUTCH.search(message), f"not Dutch: {message!r}"


# -- YAML 1.2 core scalars ---------------------------------------------------------------------------
def test_unquoted_date_stays_a_string() -> None:
    assert parse_text("datum: 2026-11-01\n", True) == {"datum": "2026-11-01"}


def test_unquoted_datetime_stays_a_string() -> None:
    assert parse_text("datum: 2026-11-01 10:00:00\n", True) == {"datum": "2026-11-01 10:00:00"}


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF", "Y", "N"])
def test_yaml11_booleans_stay_strings(word: str) -> None:
    assert parse_text(f"a: {word}\n", True) == {"a": word}


@pytest.mark.parametrize(("text", "value"), [("true", True), ("false", False), ("True", True), ("FALSE", False)])
def test_core_booleans(text: str, value: bool) -> None:
    assert parse_text(f"a: {text}\n", True) == {"a": value}


@pytest.mark.parametrize(("text", "value"), [("0o17", 15), ("010", 10), ("0010", 10), ("0x1F", 31), ("-7", -7), ("+7", 7), ("0", 0)])
def test_core_integers(text: str, value: int) -> None:
    result = parse_text(f"a: {text}\n", True)
    assert result == {"a": value}
    assert type(result["a"]) is int


@pytest.mark.parametrize("text", ["8:30", "1:30:00", "190:20:30"])
def test_sexagesimal_stays_a_string(text: str) -> None:
    assert parse_text(f"t: {text}\n", True) == {"t": text}


@pytest.mark.parametrize("text", ["1_000", "0b101", "+0x1F"])
def test_yaml11_only_numbers_stay_strings(text: str) -> None:
    assert parse_text(f"a: {text}\n", True) == {"a": text}


@pytest.mark.parametrize("text", ["~", "null", "Null", "NULL", ""])
def test_core_null(text: str) -> None:
    assert parse_text(f"a: {text}\n", True) == {"a": None}


def test_empty_value_is_null_as_in_json(tmp_path: Path) -> None:
    """`hulpMogelijk:` with nothing after it is YAML 1.2 core null: 'not answered', like JSON null."""
    doc = base()
    doc["afweging"]["hulpMogelijk"] = None
    text = as_yaml(doc)
    assert "hulpMogelijk: null" in text
    loaded = load_document(write(tmp_path, "m.yaml", text.replace("hulpMogelijk: null", "hulpMogelijk:")))
    assert loaded.data == doc
    assert [f for f in validate(loaded.data, today=TODAY) if f.ernst == "fout"] == []


def test_core_float() -> None:
    assert parse_text("a: 1.5\n", True) == {"a": 1.5}


# -- numbers where the contract wants text --------------------------------------------------------------
def _yaml_melding(tmp_path: Path, replace: tuple[str, str]) -> list[Any]:
    text = as_yaml(base())
    old, new = replace
    assert old in text, old
    path = write(tmp_path, "melding.yaml", text.replace(old, new, 1))
    loaded = load_document(path)
    assert loaded.is_yaml
    return validate(loaded.data, today=TODAY)


@pytest.mark.parametrize(
    ("old", "new", "pad"),
    [
        ("burgerservicenummer: '123456782'", "burgerservicenummer: 012345672", "/betrokkenen/kinderen/0/burgerservicenummer"),
        ("telefoon: +31 (0)38 456 7890", "telefoon: 0384567890", "/melder/telefoon"),
        ("schemaVersie: '1.1'", "schemaVersie: 1.1", "/schemaVersie"),
    ],
)
def test_unquoted_number_is_a_type_error_that_says_to_quote(tmp_path: Path, old: str, new: str, pad: str) -> None:
    findings = _yaml_melding(tmp_path, (old, new))
    at = [f for f in findings if f.pad == pad]
    assert len(at) == 1, findings
    assert at[0].code == "type"
    assert at[0].ernst == "fout"
    assert "aanhalingstekens" in at[0].melding


def test_unquoted_bsn_is_read_as_a_decimal_number() -> None:
    assert parse_text("burgerservicenummer: 012345672\n", True) == {"burgerservicenummer": 12345672}


def test_quoted_bsn_with_leading_zero_is_fine(tmp_path: Path) -> None:
    findings = _yaml_melding(tmp_path, ("burgerservicenummer: '123456782'", "burgerservicenummer: '012345672'"))
    assert [f.code for f in findings if f.ernst == "fout"] == []


def test_yaml_type_hint_in_english(tmp_path: Path) -> None:
    text = as_yaml(base()).replace("burgerservicenummer: '123456782'", "burgerservicenummer: 012345672")
    path = write(tmp_path, "m.yml", text)
    result = check_file(path, lang="en", today=TODAY)
    found = [f for f in result.bevindingen if f.pad == "/betrokkenen/kinderen/0/burgerservicenummer"]
    assert found and found[0].code == "type" and "quote" in found[0].melding


# -- JSON and YAML give the same data ---------------------------------------------------------------------
def test_json_and_yaml_of_the_same_document_are_equal(tmp_path: Path) -> None:
    json_path = write(tmp_path, "m.json", EXAMPLE.read_text(encoding="utf-8"))
    yaml_path = write(tmp_path, "m.yaml", as_yaml(base()))
    yml_path = write(tmp_path, "m.yml", as_yaml(base(), unquote_dates=False))
    from_json = load_document(json_path)
    from_yaml = load_document(yaml_path)
    from_yml = load_document(yml_path)
    assert not from_json.is_yaml and from_yaml.is_yaml and from_yml.is_yaml
    assert from_json.data == from_yaml.data == from_yml.data == base()
    assert validate(from_yaml.data, today=TODAY) == validate(from_json.data, today=TODAY)


def test_handwritten_yaml_equals_json() -> None:
    text = """\
datum: 2026-11-20
eerdereContacten:
  - datum: 2023-05-10
    soort: melding
    dossiernummer: VT-2023-11873
aantal: 010
ja: true
tijd: 8:30
antwoord: no
leeg: ~
"""
    json_text = """{"datum": "2026-11-20",
      "eerdereContacten": [{"datum": "2023-05-10", "soort": "melding", "dossiernummer": "VT-2023-11873"}],
      "aantal": 10, "ja": true, "tijd": "8:30", "antwoord": "no", "leeg": null}"""
    assert parse_text(text, True) == parse_text(json_text, False)


def test_json_suffix_is_read_as_json_not_yaml(tmp_path: Path) -> None:
    # Valid YAML but not JSON: a .json file is parsed as JSON.
    err = load_error(write(tmp_path, "m.json", "datum: 2026-11-20\n"))
    assert err.reason == "json"
    assert_dutch(err.message())


# -- duplicate keys -------------------------------------------------------------------------------------
def test_duplicate_key_in_json() -> None:
    err = parse_error('{"kenmerk": "A", "kenmerk": "B"}', False)
    assert err.reason == "dubbele_sleutel"
    assert_dutch(err.message())


def test_nested_duplicate_key_in_json(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "m.json", '{"melder": {"functie": "a", "functie": "b"}}'))
    assert err.reason == "dubbele_sleutel"


def test_duplicate_key_in_yaml_with_line() -> None:
    err = parse_error("kenmerk: A\nsoort: melding\nkenmerk: B\n", True)
    assert err.reason == "dubbele_sleutel"
    assert err.line == 3
    assert err.column is not None
    assert "regel 3" in err.message()
    assert_dutch(err.message())


def test_nested_duplicate_key_in_yaml(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "m.yaml", "melder:\n  functie: a\n  functie: b\n"))
    assert err.reason == "dubbele_sleutel"
    assert err.line == 3


def test_same_key_in_different_objects_is_fine() -> None:
    assert parse_text("a:\n  x: 1\nb:\n  x: 2\n", True) == {"a": {"x": 1}, "b": {"x": 2}}
    assert parse_text('{"a": {"x": 1}, "b": {"x": 2}}', False) == {"a": {"x": 1}, "b": {"x": 2}}


# -- YAML tags that JSON cannot hold ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "a: !!binary aGFsbG8=\n",
        "a: !!set {x, y}\n",
        "a: !!timestamp 2026-11-20\n",
        "datum: !!timestamp 2026-11-20T10:00:00Z\n",
        "a: !!python/object:os.system {}\n",
        "a: !!python/name:os.system\n",
        "a: !!omap [x: 1]\n",
    ],
)
def test_non_json_yaml_values_are_refused(tmp_path: Path, text: str) -> None:
    err = load_error(write(tmp_path, "m.yaml", text))
    assert_dutch(err.message())


def test_explicit_str_tag_is_fine() -> None:
    assert parse_text("a: !!str 012345672\n", True) == {"a": "012345672"}


def test_non_text_key_is_refused() -> None:
    err = parse_error("1: a\n", True)
    assert_dutch(err.message())


def test_several_yaml_documents_are_refused(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "m.yaml", "a: 1\n---\nb: 2\n"))
    assert_dutch(err.message())


# -- unreadable files ------------------------------------------------------------------------------------
def test_invalid_utf8(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "m.json", b'{\n  "kenmerk":\n  "A\xff"\n}\n'))
    assert err.reason == "geen_utf8"
    assert err.line == 3
    assert "UTF-8" in err.message()
    assert "regel 3" in err.message()
    assert_dutch(err.message())


def test_latin1_yaml_is_not_utf8(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "m.yaml", "naam: Zoë\n".encode("latin-1")))
    assert err.reason == "geen_utf8"
    assert_dutch(err.message())


@pytest.mark.parametrize(("name", "content"), [("m.json", b""), ("m.yaml", b""), ("m.json", b"  \n\t\n"), ("m.yaml", b"\n\n")])
def test_empty_file(tmp_path: Path, name: str, content: bytes) -> None:
    err = load_error(write(tmp_path, name, content))
    assert err.reason == "leeg"
    assert "leeg" in err.message()


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "meldingen.json"
    folder.mkdir()
    err = load_error(str(folder))
    assert err.reason == "map"
    assert "map" in err.message()
    assert_dutch(err.message())


def test_missing_file(tmp_path: Path) -> None:
    err = load_error(str(tmp_path / "bestaat-niet.json"))
    assert err.reason == "niet_gevonden"
    assert "niet gevonden" in err.message()
    assert_dutch(err.message())
    assert "not found" in err.message("en")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity(tmp_path: Path, constant: str) -> None:
    err = load_error(write(tmp_path, "m.json", f'{{"afweging": {{"veiligheidscijfers": [{{"betrokkene": "noor", "cijfer": {constant}}}]}}}}'))
    assert_dutch(err.message())
    assert "NaN" in err.message()


def test_json_syntax_error_has_line_and_column() -> None:
    err = parse_error('{\n  "kenmerk": "A",\n}\n', False)
    assert err.reason == "json"
    assert err.line == 3
    assert err.column == 1
    assert "regel 3, kolom 1" in err.message()
    assert_dutch(err.message())


def test_yaml_syntax_error_has_line_and_column() -> None:
    err = parse_error("kenmerk: A\nmelder:\n  naam: [unclosed\n", True)
    assert err.reason == "yaml"
    assert err.line is not None and err.line >= 3
    assert err.column is not None
    assert "regel" in err.message() and "kolom" in err.message()
    assert_dutch(err.message())


def test_error_message_does_not_quote_the_content(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "m.json", '{"burgerservicenummer": "123456782", "naam": "Noor Bakker",,}'))
    assert "123456782" not in err.message() and "Noor" not in err.message()
    err = load_error(write(tmp_path, "m.yaml", "naam: Noor Bakker\nbsn: 123456782\nbsn: 123456782\n"))
    assert "123456782" not in err.message() and "Noor" not in err.message()


def test_check_file_reports_unreadable_as_one_finding(tmp_path: Path) -> None:
    result = check_file(str(tmp_path / "weg.json"), today=TODAY)
    assert not result.geldig()
    assert [(f.ernst, f.code) for f in result.bevindingen] == [("fout", "onleesbaar")]
    assert "niet gevonden" in result.bevindingen[0].melding


# -- BOM -------------------------------------------------------------------------------------------------
def test_bom_json(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + EXAMPLE.read_bytes()
    assert load_document(write(tmp_path, "m.json", raw)).data == base()


def test_bom_yaml(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + as_yaml(base()).encode("utf-8")
    assert load_document(write(tmp_path, "m.yaml", raw)).data == base()


# -- stdin ---------------------------------------------------------------------------------------------------
class _FakeStdin:
    def __init__(self, raw: bytes) -> None:
        self.buffer = io.BytesIO(raw)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8") if fmt == "json" else as_yaml(base())
    monkeypatch.setattr(sys, "stdin", _FakeStdin(text.encode("utf-8")))
    loaded = load_document("-")
    assert loaded.data == base()
    assert loaded.is_yaml == (fmt == "yaml")


# -- the ECMA-262 `$` pitfall -------------------------------------------------------------------------------
@pytest.mark.parametrize("kenmerk", ["ABC-1\n", "a/b", "ABC-1\r\n", "../etc", "ABC 1", "-ABC", ""])
def test_kenmerk_newline_or_path_separator_is_a_form_error(kenmerk: str) -> None:
    doc = base()
    doc["kenmerk"] = kenmerk
    findings = [f for f in validate(doc, today=TODAY) if f.pad == "/kenmerk"]
    assert len(findings) == 1, findings
    assert findings[0].ernst == "fout"
    assert findings[0].code in ({"formaat"} if kenmerk else {"formaat", "leeg", "te_kort"})


def test_kenmerk_a_slash_b_and_newline_are_formaat() -> None:
    for kenmerk in ("ABC-1\n", "a/b"):
        doc = base()
        doc["kenmerk"] = kenmerk
        errors = [(f.code, f.pad) for f in validate(doc, today=TODAY) if f.ernst == "fout"]
        assert errors == [("formaat", "/kenmerk")]


@pytest.mark.parametrize("kenmerk", ["ABC-1", "a", "VO-2026-0142", "x.y_z-1", "A" * 64])
def test_valid_kenmerk(kenmerk: str) -> None:
    doc = base()
    doc["kenmerk"] = kenmerk
    assert [f for f in validate(doc, today=TODAY) if f.pad == "/kenmerk"] == []


@pytest.mark.parametrize(
    ("ptr", "value"),
    [
        (("betrokkenen", "kinderen", 0, "id"), "noor\n"),
        (("betrokkenen", "volwassenen", 0, "adres", "postcode"), "8011 AB\n"),
        (("betrokkenen", "kinderen", 0, "burgerservicenummer"), "123456782\n"),
    ],
)
def test_trailing_newline_fails_other_patterns(ptr: tuple[Any, ...], value: str) -> None:
    doc = base()
    node: Any = doc
    for part in ptr[:-1]:
        node = node[part]
    node[ptr[-1]] = value
    pad = "/" + "/".join(str(p) for p in ptr)
    findings = [f for f in validate(doc, today=TODAY) if f.pad == pad]
    assert [(f.ernst, f.code) for f in findings] == [("fout", "formaat")]


def test_yaml_literal_block_kenmerk_keeps_its_newline(tmp_path: Path) -> None:
    text = as_yaml(base()).replace("kenmerk: VO-2026-0142", "kenmerk: |\n  VO-2026-0142")
    loaded = load_document(write(tmp_path, "m.yaml", text))
    assert loaded.data["kenmerk"] == "VO-2026-0142\n"
    assert [(f.code, f.pad) for f in validate(loaded.data, today=TODAY) if f.pad == "/kenmerk"] == [("formaat", "/kenmerk")]


# -- documents that are not objects ------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["- a\n- b\n", "gewoon tekst\n", "42\n"])
def test_yaml_that_is_not_an_object_gives_a_finding(tmp_path: Path, text: str) -> None:
    result = check_file(write(tmp_path, "m.yaml", text), today=TODAY)
    assert not result.geldig()
    assert result.bevindingen and all(f.ernst == "fout" for f in result.bevindingen)
    assert_dutch(result.bevindingen[0].melding)


def test_yaml_nan_in_a_melding_is_an_error_not_a_crash(tmp_path: Path) -> None:
    text = as_yaml(base()).replace("leeftijd: 8", "leeftijd: .nan")
    result = check_file(write(tmp_path, "m.yaml", text), today=TODAY)
    assert not result.geldig()


def test_yaml_aliases_may_reuse_a_value() -> None:
    """An anchor reused for a shared address is ordinary YAML and must keep working."""
    text = "a: &adres {straat: Teststraat, huisnummer: 1}\nb: *adres\n"
    assert parse_text(text, True) == {"a": {"straat": "Teststraat", "huisnummer": 1}, "b": {"straat": "Teststraat", "huisnummer": 1}}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a: &a [*a]\n", "yaml_lus"),
        ("a: &x {b: *x}\n", "yaml_lus"),
        ("a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n" + "".join(f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9)), "yaml_te_groot"),
    ],
    ids=["self-list", "self-map", "billion-laughs"],
)
def test_yaml_alias_cycles_and_bombs_are_refused_before_expansion(text: str, reason: str) -> None:
    with pytest.raises(LoadError) as info:
        parse_text(text, True)
    assert info.value.reason == reason and info.value.line is not None
