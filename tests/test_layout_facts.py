"""The facts the layout model holds for every output: persons and their roles, fixed values,
answer choices, the file-name key, the reserved ``melder``, and the one walk over persons."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from meldform.check import rules
from meldform.check.loading import load_document
from meldform.cli import handle_errors, main
from meldform.documents.formatting import person_names
from meldform.documents.presentation import present
from meldform.documents.rendering import output_name
from meldform.model.kinds import Kind
from meldform.model.layout import Field, Repeat, build_layout
from meldform.model.persons import MELDER, person_paths, persons
from meldform.model.schemas import BASE_URI, ROOT_FILE, SchemaSet, UnknownVariantError, load_schemas

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
VARIANTS = [(soort, sector) for soort in ("melding", "advies", "dossiernotitie") for sector in load_schemas().sectors]


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_document(str(EXAMPLES / name)).data
    return data


# -- persons -----------------------------------------------------------------------------------------
def test_the_persons_are_where_the_schema_has_arrays_of_items_with_an_id() -> None:
    assert person_paths() == (("betrokkenen", "kinderen"), ("betrokkenen", "volwassenen"))


@pytest.mark.parametrize(("soort", "sector"), VARIANTS)
def test_the_layout_and_the_walk_agree_on_where_persons_are(soort: str, sector: str) -> None:
    layout = build_layout(soort, sector, "nl")
    assert tuple(path for path, _ in layout.person_repeats()) == person_paths()
    for _, node in layout.walk():
        if isinstance(node, Repeat):
            assert node.holds_persons == (node.id_key is not None)


def test_the_role_of_a_person_is_the_field_marked_x_rol() -> None:
    layout = build_layout("melding", "onderwijs", "nl")
    repeats = dict(layout.person_repeats())
    adults, children = repeats[("betrokkenen", "volwassenen")], repeats[("betrokkenen", "kinderen")]
    assert adults.role_field is not None and adults.role_field.key == "rol" and adults.role_field.kind == Kind.ENUM
    assert children.role_field is None and children.item.role_key is None
    assert adults.id_key == children.id_key == "id"


def test_the_walk_yields_every_person_with_its_place_and_survives_broken_documents() -> None:
    doc = example("gezondheidszorg-verloskundige-ongeboren.json")
    found = [(parts, person["id"]) for parts, person in persons(doc)]
    kinderen, volwassenen = doc["betrokkenen"]["kinderen"], doc["betrokkenen"]["volwassenen"]
    assert found == [(["betrokkenen", "kinderen", i], p["id"]) for i, p in enumerate(kinderen)] + [
        (["betrokkenen", "volwassenen", i], p["id"]) for i, p in enumerate(volwassenen)
    ]
    assert rules.persons is persons  # the rules use the same walk
    broken: Any
    for broken in ({}, {"betrokkenen": []}, {"betrokkenen": {"kinderen": {"id": "a"}}}, {"betrokkenen": {"kinderen": ["a", 3, None]}}, []):
        assert list(persons(broken)) == []
    mixed = {"betrokkenen": {"kinderen": ["a", {"id": "b"}], "volwassenen": None}}
    assert list(persons(mixed)) == [(["betrokkenen", "kinderen", 1], {"id": "b"})]


def test_melder_is_the_value_the_schema_reserves() -> None:
    assert load_schemas().defs["$defs"]["PersoonId"]["not"] == {"const": MELDER}
    assert rules.MELDER == MELDER


def test_persons_read_by_name_and_role_in_both_languages() -> None:
    doc = example("gezondheidszorg-verloskundige-ongeboren.json")
    nl = person_names(doc, build_layout(doc["soort"], doc["sector"], "nl"), "nl")
    en = person_names(doc, build_layout(doc["soort"], doc["sector"], "en"), "en")
    assert nl["ongeboren"] == "ongeboren (ongeboren kind)" and en["ongeboren"] == "ongeboren (unborn child)"
    assert nl["nina"] == "Nina Postma (kind)" and en["nina"] == "Nina Postma (child)"
    assert nl["moeder"] == "Femke Postma (ouder)" and en["moeder"] == "Femke Postma (parent)"
    unnamed = copy.deepcopy(doc)
    unnamed["betrokkenen"]["kinderen"][1] = {"id": "k2", "leeftijd": 4}
    unnamed["betrokkenen"]["volwassenen"][0] = {"id": "v1", "rol": "partner", "naamOnbekend": True, "omschrijving": "de nieuwe vriend van moeder"}
    names = person_names(unnamed, build_layout(doc["soort"], doc["sector"], "nl"), "nl")
    assert names["k2"] == "k2 (kind, 4 jaar)"
    assert names["v1"] == "de nieuwe vriend van moeder (partner)"


def test_a_reference_to_the_melder_reads_as_the_melder() -> None:
    doc = example("jeugdhulp-stiefgezin-hermelding.json")
    scores = doc["afweging"].setdefault("veiligheidscijfers", [])
    scores.append({"betrokkene": MELDER, "cijfer": 5})
    rows = [row for block in present(doc, [], "en").blocks for row in _rows(block)]
    assert any(row.value == "the reporter" for row in rows)


def _rows(block: Any) -> list[Any]:
    out = []
    for item in block.items:
        out.extend(_rows(item) if hasattr(item, "items") else [item])
    return out


# -- fixed values and choices --------------------------------------------------------------------------
def test_a_hidden_field_has_its_fixed_value() -> None:
    layout = build_layout("advies", "pleegzorg", "nl")
    hidden = {node.key: node for _, node in layout.walk() if isinstance(node, Field) and node.kind == Kind.HIDDEN}
    assert hidden["soort"].fixed_value == "advies"  # the single option of the variant
    assert hidden["sector"].fixed_value == "pleegzorg"
    assert hidden["schemaVersie"].fixed_value == load_schemas().root["properties"]["schemaVersie"]["const"]
    assert all(node.has_fixed_value for node in hidden.values())
    open_field = layout.root.child("kenmerk")
    assert isinstance(open_field, Field) and not open_field.has_fixed_value
    with pytest.raises(LookupError):
        _ = open_field.fixed_value


def test_the_answer_choices_of_a_question() -> None:
    layout = build_layout("melding", "onderwijs", "nl")
    fields = {node.kind: node for _, node in layout.walk() if isinstance(node, Field)}
    boolean, tristate, enum = fields[Kind.BOOLEAN], fields[Kind.TRISTATE], fields[Kind.ENUM]
    assert [(c.value, c.label) for c in boolean.choices("nl")] == [(True, "Ja"), (False, "Nee")]
    assert [(c.value, c.label) for c in tristate.choices("en")] == [(True, "Yes"), (False, "No"), (None, "Not answered")]
    assert [(c.value, c.label, c.help) for c in enum.choices("nl")] == [(o.value, o.label, o.help) for o in enum.options]


# -- the file-name key -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("soort", "sector"), VARIANTS)
def test_the_file_name_key_is_marked_in_the_schema(soort: str, sector: str) -> None:
    assert build_layout(soort, sector, "nl").file_name_key == "kenmerk" == load_schemas().file_name_key


def test_the_file_name_key_follows_the_annotation() -> None:
    real = load_schemas()
    documents = copy.deepcopy(dict(real.documents))
    root = documents[BASE_URI + ROOT_FILE]
    del root["properties"]["kenmerk"]["x-bestandsnaam"]
    assert SchemaSet(documents=documents, sectors=real.sectors).file_name_key is None
    root["properties"]["datum"]["x-bestandsnaam"] = True
    assert SchemaSet(documents=documents, sectors=real.sectors).file_name_key == "datum"


def test_rendered_files_are_named_after_that_key() -> None:
    doc = example("onderwijs-vo-partnergeweld.json")
    assert output_name(doc, "docx") == f"{doc['kenmerk']}.docx"


# -- the command line's own words ----------------------------------------------------------------------
def test_an_unknown_variant_is_one_line_in_the_readers_language() -> None:
    error = UnknownVariantError("sector", "ruimtevaart", ("onderwijs", "wijkteam"))
    assert error.message("nl") == "onbekende sector 'ruimtevaart'; kies uit: onderwijs, wijkteam"
    assert error.message("en") == "unknown sector 'ruimtevaart'; choose from: onderwijs, wijkteam"
    result = CliRunner().invoke(main, ["schema", "--soort", "brief"])
    assert result.exit_code == 2 and "onbekende soort 'brief'; kies uit: melding, advies, dossiernotitie" in result.output


@pytest.mark.parametrize(
    ("exc", "lang", "expected", "code"),
    [
        (KeyboardInterrupt(), "nl", "meldform: afgebroken", 130),
        (KeyboardInterrupt(), "en", "meldform: interrupted", 130),
        (RuntimeError("Noor Bakker 123456782"), "nl", "meldform: interne fout (RuntimeError); zet MELDFORM_DEBUG=1 voor details", 70),
        (RuntimeError("Noor Bakker 123456782"), "en", "meldform: internal error (RuntimeError); set MELDFORM_DEBUG=1 for details", 70),
    ],
)
def test_the_error_handler_speaks_the_readers_language(exc: BaseException, lang: str, expected: str, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MELDFORM_DEBUG", raising=False)

    @click.command()
    @click.option("--lang", default="nl")
    @handle_errors
    def failing(lang: str) -> int:
        raise exc

    result = CliRunner().invoke(failing, ["--lang", lang])
    assert result.exit_code == code
    assert result.output.strip() == expected  # one line, never the exception's message


def test_the_help_comes_from_the_catalogue() -> None:
    from meldform.texts.cli import HELP

    result = CliRunner().invoke(main, ["validate", "--help"])
    assert HELP["validate"]["nl"] in result.output
    assert HELP["strict"]["nl"] in result.output
