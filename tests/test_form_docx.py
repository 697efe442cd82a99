"""The blank Word form with content controls, and ``meldform import`` (issue items 3-5).

The round trip fills a blank form the way Word does when a person fills it in (the placeholder
run replaced by the text, ``w:showingPlcHdr`` removed, ``w:fullDate`` set by the date picker, the
chosen list item's display text shown, the check box's ``w14:checked`` set), saves it, imports it
and expects the example back exactly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner, Result
from lxml import etree

from meldform.check.findings import FOUT, is_valid
from meldform.check.loading import load_document
from meldform.check.validation import validate
from meldform.cli import main
from meldform.forms import controls as sdt
from meldform.forms.docx_common import control_tag, form_controls, slot_count
from meldform.forms.docx_reader import import_docx
from meldform.forms.docx_writer import blank_docx
from meldform.model.kinds import Kind
from meldform.model.layout import (
    BOOLEAN,
    DATE,
    ENUM,
    ENUM_MULTI,
    HIDDEN,
    PERSONS,
    TEXT_LIST,
    TEXTAREA,
    TRISTATE,
    Field,
    Group,
    Layout,
    Option,
    Repeat,
    build_layout,
)

TODAY = dt.date(2026, 11, 28)
REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for pattern in ("*.json", "*.yaml", "*.yml") for p in (REPO / "examples").glob(pattern))
SECTORS = ["onderwijs", "kinderopvang", "jeugdhulp", "pleegzorg", "wijkteam", "gezondheidszorg", "maatschappelijke_ondersteuning", "justitie"]
SOORTEN = ["melding", "advies"]
IDENTIFYING = {"naam", "burgerservicenummer", "adres", "geboortedatum", "telefoon", "schoolOfOpvang", "omschrijving", "dossiernummer"}
W = sdt.W_NS
W14 = sdt.W14_NS


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def q14(name: str) -> str:
    return f"{{{W14}}}{name}"


_BLANKS: dict[tuple[str, str, int | None], bytes] = {}


# The round trips fill in examples with up to 6 children, signals, ...: a form made with
# ``meldform blank --herhalingen 6`` (the default form has 1 or 2 blocks per repeat, see test_default_slots_are_few).
FULL = 6


def blank(soort: str, sector: str, slots: int | None = None) -> bytes:
    if (soort, sector, slots) not in _BLANKS:
        _BLANKS[soort, sector, slots] = blank_docx(build_layout(soort, sector, "nl"), slots)
    return _BLANKS[soort, sector, slots]


def example(path: Path) -> dict[str, Any]:
    data = load_document(str(path)).data
    assert isinstance(data, dict)
    return data


def sdts_by_tag(document: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for element in document.element.body.iter(q("sdt")):
        tag = element.find(f"{q('sdtPr')}/{q('tag')}")
        if tag is not None:
            found[tag.get(q("val"))] = element
    return found


def run_cli(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert "Traceback" not in (result.stderr or "")
    return result


# -- filling a control the way Word does -------------------------------------------------------------
def _clear_content(element: Any) -> Any:
    """Word drops the placeholder: the ``showingPlcHdr`` flag and the placeholder run(s)."""
    pr = element.find(q("sdtPr"))
    flag = pr.find(q("showingPlcHdr"))
    if flag is not None:
        pr.remove(flag)
    content = element.find(q("sdtContent"))
    for child in list(content):
        content.remove(child)
    return content


def _run_with_text(content: Any, pr: Any, value: str) -> None:
    run = etree.SubElement(content, q("r"))
    own = pr.find(q("rPr"))
    if own is not None:
        run.append(etree.fromstring(etree.tostring(own)))
    for number, line in enumerate(value.split("\n")):
        if number:
            etree.SubElement(run, q("br"))
        t = etree.SubElement(run, q("t"))
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def type_text(element: Any, value: str) -> None:
    """A person types ``value`` into a plain text (or any) control."""
    pr = element.find(q("sdtPr"))
    _run_with_text(_clear_content(element), pr, value)


def pick_date(element: Any, iso: str) -> None:
    pr = element.find(q("sdtPr"))
    day = dt.date.fromisoformat(iso)
    pr.find(q("date")).set(q("fullDate"), f"{iso}T00:00:00Z")
    _run_with_text(_clear_content(element), pr, f"{day.day}-{day.month}-{day.year}")


def pick_item(element: Any, value: str) -> None:
    """Choose the list item whose ``w:value`` is ``value``: Word shows its display text."""
    pr = element.find(q("sdtPr"))
    lst = pr.find(q("dropDownList"))
    items = {item.get(q("value")): item.get(q("displayText")) for item in lst.findall(q("listItem"))}
    assert value in items, (value, items)
    lst.set(q("lastValue"), value)
    _run_with_text(_clear_content(element), pr, items[value])


def tick(element: Any, checked: bool = True) -> None:
    box = element.find(f"{q('sdtPr')}/{q14('checkbox')}")
    box.find(q14("checked")).set(q14("val"), "1" if checked else "0")
    content = element.find(q("sdtContent"))
    t = next(content.iter(q("t")))
    t.text = "\u2612" if checked else "\u2610"


def leaves(group: Group, parts: tuple[str | int, ...], value: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], Field, Any]]:
    """(place, field, value) of every leaf value of ``value`` that the layout knows."""
    for node in group.children:
        if node.key not in value:
            continue
        sub, path = value[node.key], (*parts, node.key)
        if isinstance(node, Field):
            if node.kind != HIDDEN:
                yield path, node, sub
        elif isinstance(node, Group):
            yield from leaves(node, path, sub)
        else:
            for index, item in enumerate(sub):
                yield from leaves(node.item, (*path, index), item)


def in_option_order(layout: Layout, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with every multiple choice (check boxes) in the order of its options.

    A row of check boxes has no order of its own, so the import lists the ticked options in the
    schema's order; an example may list them by importance.
    """
    copy: dict[str, Any] = json.loads(json.dumps(data))
    for _parts, node, value in leaves(layout.root, (), copy):
        if node.kind == ENUM_MULTI:
            order = [o.value for o in node.options]
            value.sort(key=order.index)
    return copy


def fill(layout: Layout, data: dict[str, Any], form: bytes) -> Any:
    """The blank ``form`` filled in with ``data``, as a python-docx Document."""
    document = docx.Document(io.BytesIO(form))
    controls = sdts_by_tag(document)
    for parts, node, value in leaves(layout.root, (), data):
        if node.kind == ENUM_MULTI:
            for option in value:
                tick(controls[control_tag(parts, option)])
            continue
        element = controls[control_tag(parts)]
        if node.kind in (BOOLEAN, TRISTATE):
            pick_item(element, json.dumps(value))
        elif node.kind == ENUM:
            pick_item(element, value)
        elif node.kind == DATE:
            pick_date(element, value)
        elif node.kind == TEXT_LIST:
            type_text(element, "\n".join(value))
        elif node.kind == PERSONS:
            type_text(element, ", ".join(value))
        else:
            type_text(element, str(value))
    return document


def save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- the blank form ----------------------------------------------------------------------------------
@pytest.mark.parametrize("soort", SOORTEN)
@pytest.mark.parametrize("sector", SECTORS)
def test_blank_form_opens_and_tags_are_unique(soort: str, sector: str) -> None:
    layout = build_layout(soort, sector, "nl")
    document = docx.Document(io.BytesIO(blank(soort, sector)))
    tags = [el.find(f"{q('sdtPr')}/{q('tag')}").get(q("val")) for el in document.element.body.iter(q("sdt"))]
    assert tags, "no content controls"
    assert len(tags) == len(set(tags)), "duplicate tags"
    assert all(0 < len(tag) <= sdt.MAX_TAG for tag in tags)
    assert set(tags) == {spec.tag for spec in form_controls(layout)}
    # every control starts out showing its placeholder (check boxes: unticked)
    for control in sdt.iter_controls(document.element.body):
        if control.kind == sdt.CHECKBOX:
            assert control.checked is False
        else:
            assert control.text is None, control.tag
        assert control.alias
    # the w14 check boxes may be ignored by older readers
    assert "w14" in document.element.get(f"{{{sdt.MC_NS}}}Ignorable", "").split()
    # the structure: headings and two-column tables
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Heading 1", "Heading 2"} <= styles
    assert document.tables and all(len(t.columns) == 2 for t in document.tables)


@pytest.mark.parametrize("soort", SOORTEN)
@pytest.mark.parametrize("sector", SECTORS)
def test_dropdowns_list_exactly_the_layout_labels(soort: str, sector: str) -> None:
    layout = build_layout(soort, sector, "nl")
    controls = {c.tag: c for c in sdt.iter_controls(docx.Document(io.BytesIO(blank(soort, sector))).element.body)}
    seen = 0
    for spec in form_controls(layout):
        control = controls[spec.tag]
        kind = spec.field.kind
        if kind == ENUM:
            assert control.kind == sdt.DROPDOWN
            # first a way back to "no answer", then exactly the layout's labels and keys
            assert control.items[0] == ("(geen keuze)", "")
            assert [d for d, _ in control.items[1:]] == [o.label for o in spec.field.options]
            assert [v for _, v in control.items[1:]] == [o.value for o in spec.field.options]
            seen += 1
        elif kind == BOOLEAN:
            assert control.items == [("(geen keuze)", ""), ("Ja", "true"), ("Nee", "false")]
        elif kind == TRISTATE:
            assert control.items == [("Ja", "true"), ("Nee", "false"), ("Niet beantwoord", "null")]
        elif kind == DATE:
            assert control.kind == sdt.DATE
        elif kind == ENUM_MULTI:
            assert control.kind == sdt.CHECKBOX
        else:
            assert control.kind == sdt.TEXT
    assert seen


def test_sector_wording_of_the_afwegingskader_is_in_the_form() -> None:
    for sector in SECTORS:
        layout = build_layout("melding", sector, "nl")
        document = docx.Document(io.BytesIO(blank("melding", sector)))
        aliases = {c.alias for c in sdt.iter_controls(document.element.body)}
        text = "\n".join(p.text for p in document.paragraphs)
        assert layout.root.label in text
        question = next(spec.field.label for spec in form_controls(layout) if spec.parts[:1] == ("afweging",))
        assert sdt.clip(question, sdt.MAX_ALIAS) in aliases


@pytest.mark.parametrize("sector", SECTORS)
def test_advies_form_has_no_identifying_fields(sector: str) -> None:
    layout = build_layout("advies", sector, "nl")
    specs = list(form_controls(layout))
    assert specs
    for spec in specs:
        names = {p for p in spec.parts if isinstance(p, str)}
        if {"betrokkenen", "eerdereContacten"} & names:
            assert not IDENTIFYING & names, spec.tag
    controls = list(sdt.iter_controls(docx.Document(io.BytesIO(blank("advies", sector))).element.body))
    for control in controls:
        segments = set(control.tag.replace("#", "/").split("/"))
        if "betrokkenen" in segments or "eerdereContacten" in segments:
            assert not IDENTIFYING & segments, control.tag


def test_slots_cover_the_examples() -> None:
    for path in EXAMPLES:
        data = example(path)
        layout = build_layout(data["soort"], data["sector"], "nl")
        for parts, node in layout.walk():
            if isinstance(node, Repeat) and 0 not in parts:
                assert len(_value_at(data, parts)) <= slot_count(node, FULL), (path.name, parts)


DEFAULT_SLOTS: dict[tuple[str | int, ...], int] = {("betrokkenen", "kinderen"): 1, ("betrokkenen", "volwassenen"): 2, ("zorgen", "signalen"): 2}


@pytest.mark.parametrize("soort", SOORTEN)
def test_default_slots_are_few(soort: str) -> None:
    """The blank Word form offers 1 child, 2 adults, 2 signals and 1 of every other repeat (or the
    schema's minItems); ``slots`` (``--herhalingen``) gives every repeat that many blocks."""
    for sector in SECTORS:
        layout = build_layout(soort, sector, "nl")
        repeats = [(parts, node) for parts, node in layout.walk() if isinstance(node, Repeat) and 0 not in parts]
        assert repeats
        for parts, node in repeats:
            assert slot_count(node) == max(DEFAULT_SLOTS.get(parts, 1), node.min_items), (sector, parts)
            assert slot_count(node, 4) == max(4, node.min_items)
        tags = {spec.tag for spec in form_controls(layout, 4)}
        assert control_tag(("betrokkenen", "kinderen", 3, "id")) in tags
        assert control_tag(("betrokkenen", "kinderen", 4, "id")) not in tags
        written = import_docx(blank(soort, sector, 4))
        assert written.problems == []


# -- the round trip ----------------------------------------------------------------------------------
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_round_trip_of_every_example(path: Path) -> None:
    data = example(path)
    layout = build_layout(data["soort"], data["sector"], "nl")
    filled = save(fill(layout, data, blank(data["soort"], data["sector"], FULL)))
    result = import_docx(filled)
    assert result.problems == []
    assert result.document == in_option_order(layout, data)
    findings = validate(result.document, today=TODAY)
    assert is_valid(findings), [f for f in findings if f.ernst == FOUT]


def without_empty_containers(value: Any, keep: frozenset[str] = frozenset()) -> Any:
    """A form has no way to say "an empty list" or "an empty object": those import as absent —
    except a required list (``keep``; melding-1.1.md: an empty ``adviesVeiligThuis`` in a melding
    means VT was not consulted), which imports as ``[]``."""
    if isinstance(value, dict):
        cleaned = {k: without_empty_containers(v, keep) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in ({}, []) or (v == [] and k in keep)}
    if isinstance(value, list):
        return [without_empty_containers(v, keep) for v in value]
    return value


def test_round_trip_of_generated_documents() -> None:
    """Realistic random documents (tests/factory.py) of every sector and soort come back as well."""
    import factory  # tests/ is on sys.path (pytest's rootdir-relative import)

    count = 0
    for data in factory.make_documents(12, seed=5):
        layout = build_layout(data["soort"], data["sector"], "nl")
        if any(isinstance(node, Repeat) and len(_value_at(data, parts)) > slot_count(node, FULL) for parts, node in layout.walk() if 0 not in parts):
            continue  # more items than slots: cannot be typed into this form
        result = import_docx(save(fill(layout, data, blank(data["soort"], data["sector"], FULL))))
        assert result.problems == []
        keep = frozenset({"adviesVeiligThuis"}) if data["soort"] == "melding" else frozenset()
        assert result.document == without_empty_containers(in_option_order(layout, data), keep)
        count += 1
    assert count >= 10


def _value_at(data: Any, parts: tuple[str | int, ...]) -> list[Any]:
    for part in parts:
        data = data.get(part) if isinstance(data, dict) else None
    return data if isinstance(data, list) else []


def test_round_trip_through_the_cli(tmp_path: Path) -> None:
    path = REPO / "examples" / "onderwijs-vo-partnergeweld.json"
    data = example(path)
    layout = build_layout(data["soort"], data["sector"], "nl")
    form = tmp_path / "ingevuld.docx"
    form.write_bytes(save(fill(layout, data, blank(data["soort"], data["sector"], FULL))))
    result = run_cli("import", str(form))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == in_option_order(layout, data)
    assert "\\u" not in result.stdout  # ensure_ascii=False


def test_round_trip_of_an_english_form() -> None:
    data = example(REPO / "examples" / "advies-onderwijs-po-meisjesbesnijdenis.json")
    layout = build_layout(data["soort"], data["sector"], "en")
    filled = save(fill(layout, data, blank_docx(layout, FULL)))
    for lang in ("nl", "en"):
        result = import_docx(filled, lang=lang)
        assert result.problems == []
        assert result.document == in_option_order(layout, data)


def test_a_new_schema_property_needs_no_code_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """A property added to the layout appears as a control and is imported, by the layout alone."""
    base = build_layout("melding", "onderwijs", "nl")
    extra = Group(
        "nazorg",
        "Nazorg",
        (
            Field("gesprekken", "Aantal gesprekken", Kind("integer"), required=True),
            Field("afspraak", "Afspraak", Kind("text")),
            Field("soortNazorg", "Soort nazorg", ENUM, options=(Option("kort", "Kort"), Option("lang", "Lang"))),
        ),
    )
    sector_group = base.root.child("sectorSpecifiek")
    assert isinstance(sector_group, Group)
    new_sector = dataclasses.replace(sector_group, children=(*sector_group.children, Field("vakantieschool", "Vakantieschool", BOOLEAN)))
    children = tuple(new_sector if c.key == "sectorSpecifiek" else c for c in base.root.children)
    layout = dataclasses.replace(base, root=dataclasses.replace(base.root, children=(*children, extra)))
    monkeypatch.setattr("meldform.forms.docx_reader.build_layout", lambda soort, sector, lang="nl": layout)

    form = blank_docx(layout, FULL)
    tags = {c.tag for c in sdt.iter_controls(docx.Document(io.BytesIO(form)).element.body)}
    assert {"/nazorg/gesprekken", "/nazorg/afspraak", "/nazorg/soortNazorg", "/sectorSpecifiek/vakantieschool"} <= tags
    data = {"nazorg": {"gesprekken": 3, "soortNazorg": "lang"}, "sectorSpecifiek": {"vakantieschool": False}}
    result = import_docx(save(fill(layout, data, form)))
    assert result.problems == []
    assert result.document == {"schemaVersie": "1.1", "soort": "melding", "sector": "onderwijs", **data}


def test_blank_form_and_rendered_melding_share_the_house_style() -> None:
    """One house (meldform.ooxml): the same styles, fonts, theme, language settings, page and footer layout."""
    from meldform.check.validation import check_file
    from meldform.documents.presentation import present
    from meldform.documents.render_docx import render_docx

    for lang in ("nl", "en"):
        checked = check_file(str(REPO / "examples" / "onderwijs-vo-partnergeweld.json"), lang=lang, today=TODAY)
        rendered = zipfile.ZipFile(io.BytesIO(render_docx(present(checked.data, checked.bevindingen, lang))))
        form_bytes = blank_docx(build_layout("melding", "onderwijs", lang), FULL)
        form = zipfile.ZipFile(io.BytesIO(form_bytes))
        for part in ("word/styles.xml", "word/settings.xml", "word/theme/theme1.xml", "word/fontTable.xml", "docProps/app.xml"):
            assert form.read(part) == rendered.read(part), part
        language = {"nl": "nl-NL", "en": "en-GB"}[lang]
        assert f'<w:lang w:val="{language}"'.encode() in form.read("word/styles.xml")
        assert f"<dc:language>{language}</dc:language>".encode() in form.read("docProps/core.xml")

        def section(package: zipfile.ZipFile) -> list[tuple[str, dict[str, str]]]:
            body = etree.fromstring(package.read("word/document.xml")).find(q("body"))
            assert body is not None
            sect = body.find(q("sectPr"))
            assert sect is not None
            return [(str(el.tag), {str(k): str(v) for k, v in el.attrib.items()}) for el in sect.iter()]

        def footer_styles(package: zipfile.ZipFile) -> list[str]:
            footer = etree.fromstring(package.read("word/footer1.xml"))
            found = [p.find(f"{q('pPr')}/{q('pStyle')}") for p in footer.iter(q("p"))]
            return [str(el.get(q("val"))) for el in found if el is not None]

        assert section(form) == section(rendered)
        assert footer_styles(form) == footer_styles(rendered) == ["Footer", "FooterNote"]
        note = "".join(str(t) for t in etree.fromstring(form.read("word/footer1.xml")).itertext())
        assert ("Gemaakt met meldform" if lang == "nl" else "Made with meldform") in note
        document = docx.Document(io.BytesIO(form_bytes))
        assert {t.style.name for t in document.tables if t.style is not None} == {"Table Grid"}
        assert document.paragraphs[0].style is not None and document.paragraphs[0].style.name == "Title"


def test_text_of_the_form_is_cleaned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Labels and help pass through meldform.cleaning.clean, like every output: no control or bidi characters."""
    base = build_layout("melding", "onderwijs", "nl")
    odd = Group("extra", "Extra\x0bblok", (Field("veld", "Veld \u202ebidi\u202c\x00", Kind("text"), help="Hulp\x1f tekst"),))
    layout = dataclasses.replace(base, root=dataclasses.replace(base.root, children=(*base.root.children, odd)))
    form = blank_docx(layout, FULL)
    xml = zipfile.ZipFile(io.BytesIO(form)).read("word/document.xml").decode("utf-8")
    assert "\u202e" not in xml and "\x0b" not in xml and "\x1f" not in xml
    assert "Extra blok" in xml and "Veld bidi" in xml and "Hulp  tekst" in xml
    monkeypatch.setattr("meldform.forms.docx_reader.build_layout", lambda soort, sector, lang="nl": layout)
    assert import_docx(form).problems == []


def test_hidden_fields_come_from_the_form_metadata() -> None:
    with zipfile.ZipFile(io.BytesIO(blank("advies", "wijkteam"))) as archive:
        custom = archive.read("docProps/custom.xml").decode("utf-8")
    assert "meldform:soort" in custom and "meldform:sector" in custom
    result = import_docx(blank("advies", "wijkteam"))
    assert result.document == {"schemaVersie": "1.1", "soort": "advies", "sector": "wijkteam"}


def test_empty_slots_and_placeholders_are_ignored() -> None:
    data = example(REPO / "examples" / "kinderopvang-dagopvang-verwaarlozing.json")
    layout = build_layout(data["soort"], data["sector"], "nl")
    document = fill(layout, data, blank(data["soort"], data["sector"], FULL))
    # a person types in the last slot and deletes it again: the slot stays empty
    repeat = layout.node_at(("betrokkenen", "kinderen"))
    assert isinstance(repeat, Repeat) and len(data["betrokkenen"]["kinderen"]) < slot_count(repeat, FULL)
    last = slot_count(repeat, FULL) - 1
    type_text(sdts_by_tag(document)[control_tag(("betrokkenen", "kinderen", last, "id"))], "   ")
    assert import_docx(save(document)).document == in_option_order(layout, data)


# -- unfilled and badly filled forms ----------------------------------------------------------------------
@pytest.mark.parametrize("soort", SOORTEN)
def test_unfilled_form_imports_with_verplicht_findings(soort: str, tmp_path: Path) -> None:
    result = import_docx(blank(soort, "onderwijs"))
    assert result.problems == []
    codes = {f.code for f in validate(result.document)}
    assert "verplicht" in codes
    form = tmp_path / "leeg.docx"
    form.write_bytes(blank(soort, "onderwijs"))
    cli = run_cli("import", str(form))
    assert cli.exit_code == 1
    assert json.loads(cli.stdout)["soort"] == soort
    assert "[verplicht]" in cli.stderr


def test_a_word_in_a_number_control_is_reported_by_label(tmp_path: Path) -> None:
    data = example(REPO / "examples" / "onderwijs-vo-partnergeweld.json")
    layout = build_layout(data["soort"], data["sector"], "nl")
    document = fill(layout, data, blank(data["soort"], data["sector"], FULL))
    type_text(sdts_by_tag(document)[control_tag(("betrokkenen", "kinderen", 1, "leeftijd"))], "acht jaar")
    form = tmp_path / "formulier.docx"
    form.write_bytes(save(document))

    result = import_docx(form.read_bytes())
    assert result.problems == ["Betrokkenen › Kind 2 › Leeftijd (jaren): is geen geheel getal"]

    cli = run_cli("import", str(form))
    assert cli.exit_code == 1
    assert "Leeftijd (jaren)" in cli.stderr and "Kind 2" in cli.stderr
    assert "acht jaar" not in cli.stderr  # the control is named, its content is not echoed
    imported = json.loads(cli.stdout)  # the rest is still output
    assert imported["kenmerk"] == data["kenmerk"]
    assert "leeftijd" not in imported["betrokkenen"]["kinderen"][1]


def test_geen_keuze_takes_an_answer_back() -> None:
    """A dropdown answered by mistake can be set back to "(geen keuze)": imported as not filled in."""
    data = example(REPO / "examples" / "onderwijs-vo-partnergeweld.json")
    layout = build_layout(data["soort"], data["sector"], "nl")
    document = fill(layout, data, blank(data["soort"], data["sector"], FULL))
    controls = sdts_by_tag(document)
    pick_item(controls[control_tag(("betrokkenen", "kinderen", 1, "geslacht"))], "")
    pick_item(controls[control_tag(("melder", "identiteitAfschermen"))], "")
    result = import_docx(save(document))
    assert result.problems == []
    assert "geslacht" not in result.document["betrokkenen"]["kinderen"][1]
    assert "identiteitAfschermen" not in result.document["melder"]
    assert result.document["betrokkenen"]["kinderen"][0]["geslacht"] == data["betrokkenen"]["kinderen"][0]["geslacht"]


def test_unreadable_values_are_reported_per_control() -> None:
    data = example(REPO / "examples" / "onderwijs-vo-partnergeweld.json")
    layout = build_layout(data["soort"], data["sector"], "nl")
    document = fill(layout, data, blank(data["soort"], data["sector"], FULL))
    controls = sdts_by_tag(document)
    type_text(controls[control_tag(("datum",))], "gisteren")  # a date typed over the picker's value
    controls[control_tag(("datum",))].find(f"{q('sdtPr')}/{q('date')}").attrib.pop(q("fullDate"), None)
    type_text(controls[control_tag(("betrokkenen", "kinderen", 0, "geslacht"))], "knul")
    result = import_docx(save(document))
    assert result.problems == [
        "Datum: is geen geldige datum (gebruik d-m-jjjj)",
        "Betrokkenen › Kind 1 › Geslacht: is geen van de keuzes in de lijst",
    ]
    assert "datum" not in result.document and "geslacht" not in result.document["betrokkenen"]["kinderen"][0]


def test_dates_typed_as_text_are_read() -> None:
    data = example(REPO / "examples" / "onderwijs-vo-partnergeweld.json")
    layout = build_layout(data["soort"], data["sector"], "nl")
    for typed in ("3-2-2026", "03-02-2026", "2026-02-03"):
        document = fill(layout, data, blank(data["soort"], data["sector"], FULL))
        type_text(sdts_by_tag(document)[control_tag(("datum",))], typed)
        assert import_docx(save(document)).document["datum"] == "2026-02-03"


# -- not a form -------------------------------------------------------------------------------------------
def _one_line_exit_1(result: Result, name: str) -> None:
    """A file that is no (readable) form is a bad document: exit 1 (cli.md), one line naming the file."""
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"meldform: {name}: "), lines
    assert "Usage" not in result.stderr


def test_an_ordinary_word_file_is_no_form(tmp_path: Path) -> None:
    path = tmp_path / "brief.docx"
    document = docx.Document()
    document.add_paragraph("Beste collega,")
    document.save(str(path))
    result = run_cli("import", str(path))
    _one_line_exit_1(result, str(path))
    assert "geen meldform-formulier" in result.stderr


def test_a_text_file_renamed_docx_is_no_form(tmp_path: Path) -> None:
    path = tmp_path / "nep.docx"
    path.write_text("dit is geen Word-bestand\n", encoding="utf-8")
    result = run_cli("import", str(path))
    _one_line_exit_1(result, str(path))
    assert "geen Word-bestand" in result.stderr


def test_other_broken_inputs_never_crash(tmp_path: Path) -> None:
    not_word = tmp_path / "archief.docx"
    with zipfile.ZipFile(not_word, "w") as archive:
        archive.writestr("iets.txt", "hallo")
    truncated = tmp_path / "half.docx"
    truncated.write_bytes(blank("melding", "onderwijs")[:5000])
    for path in (not_word, truncated, tmp_path / "bestaat-niet.docx", tmp_path):
        _one_line_exit_1(run_cli("import", str(path)), str(path))


def test_garbage_bytes_are_a_bad_document(tmp_path: Path) -> None:
    path = tmp_path / "ruis.docx"
    path.write_bytes(bytes(range(256)) * 64)
    result = run_cli("import", str(path))
    _one_line_exit_1(result, str(path))
    assert "geen Word-bestand" in result.stderr
    english = run_cli("import", "--lang", "en", str(path))
    _one_line_exit_1(english, str(path))
    assert "not a Word file" in english.stderr


def test_a_missing_file_is_a_bad_document_not_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "bestaat-niet.docx"
    result = run_cli("import", str(path))
    _one_line_exit_1(result, str(path))
    assert "bestand niet gevonden" in result.stderr


def test_import_reads_a_form_from_stdin() -> None:
    data = example(REPO / "examples" / "onderwijs-vo-partnergeweld.json")
    layout = build_layout(data["soort"], data["sector"], "nl")
    filled = save(fill(layout, data, blank(data["soort"], data["sector"], FULL)))
    result = CliRunner().invoke(main, ["import", "-"], input=filled)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == in_option_order(layout, data)
    garbage = CliRunner().invoke(main, ["import", "-"], input=b"PK\x03\x04 kapot")
    _one_line_exit_1(garbage, "-")


def test_a_form_that_lost_its_tags_is_refused() -> None:
    """An editor that keeps neither the tags nor the placeholder building block names (LibreOffice
    keeps the latter, so this is some other editor): nothing to import, said so."""
    document = docx.Document(io.BytesIO(blank("melding", "onderwijs")))
    for tag in document.element.body.iter(q("tag")):
        tag.set(q("val"), "")
    for part in list(document.element.body.iter(q("placeholder"))):
        part.getparent().remove(part)
    with pytest.raises(Exception, match="geen invulvelden"):
        import_docx(save(document))
    # with the building block names alone (as LibreOffice saves it) the form is still read
    document = docx.Document(io.BytesIO(blank("melding", "onderwijs")))
    for tag in list(document.element.body.iter(q("tag"))):
        tag.getparent().remove(tag)
    assert import_docx(save(document)).document == import_docx(blank("melding", "onderwijs")).document


# -- LibreOffice -------------------------------------------------------------------------------------------
def as_libreoffice_ui_saves_it(document: Any) -> None:
    """What LibreOffice 7.4 makes of a form a person filled in its window (without LibreOffice):
    every ``w:tag`` gone (the building block name stays), ``w:showingPlcHdr`` still set on the
    controls that were typed in, and a text typed with Enter continued in plain paragraphs after
    the control's paragraph in its cell (Enter ends an inline control there)."""
    for element in document.element.body.iter(q("sdt")):
        pr = element.find(q("sdtPr"))
        pr.remove(pr.find(q("tag")))
        if pr.find(sdt.w14("checkbox")) is None and pr.find(q("showingPlcHdr")) is None:
            pr.find(q("placeholder")).addnext(etree.Element(q("showingPlcHdr")))
        if pr.find(sdt.w14("checkbox")) is not None:
            continue
        lines = sdt.content_text(element.find(q("sdtContent"))).split("\n")
        if len(lines) < 2:
            continue
        content = element.find(q("sdtContent"))
        for child in list(content):
            content.remove(child)
        _run_with_text(content, pr, lines[0])
        paragraph = element.getparent()
        for line in reversed(lines[1:]):
            after = etree.Element(q("p"))
            _run_with_text(after, pr, line)
            paragraph.addnext(after)


def test_a_form_filled_in_libreoffice_imports() -> None:
    data = example(REPO / "examples" / "wijkteam-ex-partner-stalking.yaml")
    layout = build_layout(data["soort"], data["sector"], "nl")
    (place, _, text), *_ = [(p, n, v) for p, n, v in leaves(layout.root, (), data) if n.kind == TEXTAREA]
    target: Any = data
    for part in place[:-1]:
        target = target[part]
    target[place[-1]] = f"{text}\nEen tweede alinea.\n\nEn een derde, na een lege regel."
    document = fill(layout, data, blank(data["soort"], data["sector"], FULL))
    as_libreoffice_ui_saves_it(document)
    body = document.element.body
    assert next(body.iter(q("tag")), None) is None and len(list(body.iter(q("showingPlcHdr")))) > 100
    result = import_docx(save(document))
    assert result.problems == []
    assert result.document == in_option_order(layout, data)
    # without the glossary, w:showingPlcHdr is all there is: the typed text counts as a placeholder
    stripped = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(save(document))) as src, zipfile.ZipFile(stripped, "w") as dst:
        for info in src.infolist():
            if not info.filename.startswith("word/glossary/"):
                dst.writestr(info, src.read(info))
    assert "kenmerk" not in import_docx(stripped.getvalue()).document


def test_the_placeholder_text_of_the_glossary_reads_as_empty() -> None:
    """Word and LibreOffice both may put the placeholder text back without the flag: still empty."""
    document = docx.Document(io.BytesIO(blank("melding", "onderwijs")))
    for flag in list(document.element.body.iter(q("showingPlcHdr"))):
        flag.getparent().remove(flag)
    assert import_docx(save(document)).document == import_docx(blank("melding", "onderwijs")).document


@pytest.mark.libreoffice
def test_blank_form_opens_in_libreoffice(tmp_path: Path) -> None:
    binary = shutil.which("libreoffice") or shutil.which("soffice")
    if binary is None:
        if os.environ.get("MELDFORM_REQUIRE_REAL_TOOLS") == "1":
            pytest.fail("LibreOffice is required (MELDFORM_REQUIRE_REAL_TOOLS=1) but not installed")
        pytest.skip("LibreOffice is not installed")
    form = tmp_path / "formulier.docx"
    form.write_bytes(blank("melding", "gezondheidszorg"))
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profiel").as_uri()  # own profile: runs next to an open LibreOffice
    subprocess.run(
        [binary, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(form)],
        check=True,
        timeout=180,
        capture_output=True,
    )
    pdf = out / "formulier.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")


def test_blank_herhalingen_gives_more_blocks(tmp_path: Path) -> None:
    """``meldform blank --format docx --herhalingen 3``: three blocks of every repeat; unused ones import as absent."""
    target = tmp_path / "form.docx"
    cli = run_cli("blank", "--sector", "onderwijs", "--format", "docx", "--herhalingen", "3", "--output", str(target))
    assert cli.exit_code == 0, cli.stderr
    controls = {c.tag for c in sdt.iter_controls(docx.Document(str(target)).element.body)}
    assert control_tag(("betrokkenen", "kinderen", 2, "id")) in controls
    assert control_tag(("betrokkenen", "kinderen", 3, "id")) not in controls
    default = {c.tag for c in sdt.iter_controls(docx.Document(io.BytesIO(blank("melding", "onderwijs"))).element.body)}
    assert control_tag(("betrokkenen", "kinderen", 1, "id")) not in default
    result = import_docx(target.read_bytes())
    assert result.problems == []
    assert result.document == import_docx(blank("melding", "onderwijs")).document
    assert run_cli("blank", "--sector", "onderwijs", "--format", "docx", "--herhalingen", "0", "--output", str(tmp_path / "x.docx")).exit_code == 2
