"""Word output: every example rendered and read back with python-docx; hostile text; generated
documents; and one real conversion by LibreOffice.

The central check reads the document back and walks it in order: the tables' rows must be exactly
the Presentation's rows (header first, then every block depth-first), label in the first cell,
value in the second (list items as "List Bullet" paragraphs, multiline text one paragraph per
line), and the headings exactly the blocks' titles at the right level.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib
import io
import itertools
import random
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldform.check.loading import load_document
from meldform.check.validation import check_file, validate
from meldform.cleaning import clean
from meldform.documents.presentation import Block, Presentation, Row, present
from meldform.documents.render_docx import render_docx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".json", ".yaml", ".yml"))
VO = ROOT / "examples" / "onderwijs-vo-partnergeweld.json"
TODAY = dt.date(2026, 11, 28)
HEADING = {2: "Heading 1", 3: "Heading 2"}  # deeper: Heading 3
LET_OP = {"nl": "Let op", "en": "Attention"}
LANGUAGE = {"nl": "nl-NL", "en": "en-GB"}


# -- helpers -------------------------------------------------------------------------------------
def rendered(path: Path, lang: str = "nl") -> tuple[Presentation, bytes]:
    result = check_file(str(path), lang=lang, today=TODAY)
    assert result.data is not None, result.bevindingen
    presentation = present(result.data, result.bevindingen, lang)
    return presentation, render_docx(presentation)


def reopen(data: bytes) -> Any:
    return Document(io.BytesIO(data))


def walk(blocks: list[Block]) -> Iterator[Row | Block]:
    """The blocks and rows in reading order (depth-first), as the renderer lays them out."""
    for block in blocks:
        yield block
        for item in block.items:
            if isinstance(item, Block):
                yield from walk([item])
            else:
                yield item


def expected_rows(p: Presentation) -> list[Row]:
    return [*p.header, *(item for item in walk(p.blocks) if isinstance(item, Row))]


def heading_style(level: int) -> str:
    return HEADING.get(level, "Heading 3")


def check_document(p: Presentation, data: bytes) -> Any:
    """Everything of ``p`` is in the .docx, in order and in the right place; returns the document."""
    doc = reopen(data)
    content = list(doc.iter_inner_content())
    names = {style.style_id: style.name for style in doc.styles}  # python-docx's Paragraph.style searches every time

    def style(para: Paragraph) -> str:
        return str(names[para._p.style or "Normal"])

    # Title first, in "Title".
    first = content[0]
    assert isinstance(first, Paragraph)
    assert style(first) == "Title"
    assert first.text == clean(p.title)

    # Rows: the tables' rows, in order, are the presentation's rows.
    table_rows = [row for item in content if isinstance(item, Table) for row in item.rows]
    rows = expected_rows(p)
    assert len(table_rows) == len(rows)
    for row, tr in zip(rows, table_rows, strict=True):
        label_cell, value_cell = tr.cells
        assert label_cell.text == clean(row.label)
        assert all(run.bold for para in label_cell.paragraphs for run in para.runs), row.label
        paragraphs = value_cell.paragraphs
        if isinstance(row.value, tuple):
            assert [para.text for para in paragraphs] == ([clean(item) for item in row.value] or [""])
            assert all(style(para) == "List Bullet" for para in paragraphs) or not row.value
        elif row.multiline:
            assert [para.text for para in paragraphs] == clean(row.value).split("\n")
        else:
            assert value_cell.text == clean(row.value)
    if p.header:
        assert isinstance(content[1], Table)  # the header is the first table, right after the title
        assert len(content[1].rows) == len(p.header)

    # Headings: exactly the blocks' titles, in order, at their level.
    body_paragraphs = [item for item in content if isinstance(item, Paragraph)]
    headings = [(style(para), para.text) for para in body_paragraphs if style(para).startswith("Heading")]
    blocks = [item for item in walk(p.blocks) if isinstance(item, Block)]
    assert headings == [(heading_style(b.level), clean(b.title)) for b in blocks]

    # Intros (italic) and conclusions (bold label, then the text), in order.
    intros = [para for para in body_paragraphs if style(para) == "Intro"]
    assert [para.text for para in intros] == [clean(b.intro) for b in blocks if b.intro]
    if intros:
        assert doc.styles["Intro"].font.italic
    conclusions = [para for para in body_paragraphs if style(para) == "Conclusion"]
    expected = [(clean(c.label) + ": ", clean(str(c.value))) for b in blocks if (c := b.conclusion) is not None]
    assert [(para.runs[0].text, para.text[len(para.runs[0].text) :]) for para in conclusions] == expected
    assert all(para.runs[0].bold for para in conclusions)

    # Notices: under "Let op"/"Attention", before the first section.
    first_section = next((i for i, para in enumerate(body_paragraphs) if style(para) == "Heading 1"), len(body_paragraphs))
    notices = [(i, para.text) for i, para in enumerate(body_paragraphs) if style(para) == "Notice"]
    assert [text for _, text in notices] == [clean(n) for n in p.notices]
    assert all(i < first_section for i, _ in notices)
    notice_headings = [(i, para.text) for i, para in enumerate(body_paragraphs) if style(para) == "Notice Heading"]
    if p.notices:
        assert len(notice_headings) == 1
        index, text = notice_headings[0]
        assert text == LET_OP[p.lang] and index < notices[0][0]
    else:
        assert notice_headings == []

    # Properties: the kenmerk as title, no author, never python-docx's or the user's name.
    props = doc.core_properties
    assert props.title == clean(p.kenmerk)
    assert props.author == ""
    assert props.last_modified_by == ""
    assert props.subject == "" and props.keywords == "" and props.comments == ""
    assert props.language == LANGUAGE.get(p.lang, "nl-NL")

    # The footer text is in the section's footer.
    footer_text = "\n".join(para.text for para in doc.sections[0].footer.paragraphs)
    assert clean(p.footer) in footer_text
    return doc


def body_tags(doc: Any) -> list[str]:
    return [child.tag.rsplit("}", 1)[-1] for child in doc.element.body]


# -- every example ---------------------------------------------------------------------------------
def test_examples_exist() -> None:
    assert EXAMPLES, "no examples found"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_renders_everything(path: Path) -> None:
    p, data = rendered(path)
    doc = check_document(p, data)
    tags = body_tags(doc)
    assert tags[-1] == "sectPr" and tags[-2] == "p"  # Word wants a paragraph last
    assert not any(a == b == "tbl" for a, b in itertools.pairwise(tags))  # adjacent tables would merge


@pytest.mark.parametrize("path", EXAMPLES[:2], ids=[p.name for p in EXAMPLES[:2]])
def test_example_in_english(path: Path) -> None:
    p, data = rendered(path, "en")
    check_document(p, data)
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")
    assert b'w:val="en-GB"' in styles


def test_notices_come_first_and_are_framed() -> None:
    p, data = rendered(VO)
    assert p.notices, "the VO example carries a warning (safety scores 3 and 7)"
    doc = reopen(data)
    notices = [para for para in doc.paragraphs if para.text in {clean(n) for n in p.notices}]
    assert notices and all(para.style.name == "Notice" for para in notices)
    assert doc.paragraphs[1].text == "Let op" and doc.paragraphs[1].style.name == "Notice Heading"


def test_language_and_styles() -> None:
    _, data = rendered(VO)
    package = zipfile.ZipFile(io.BytesIO(data))
    styles = package.read("word/styles.xml")
    assert b'<w:lang w:val="nl-NL"' in styles
    doc = reopen(data)
    table = doc.tables[0]
    assert table.style.name == "Table Grid"


def test_package_is_clean() -> None:
    """No template leftovers: no thumbnail, no python-docx author or description, no rsids."""
    _, data = rendered(VO)
    package = zipfile.ZipFile(io.BytesIO(data))
    assert package.testzip() is None
    names = package.namelist()
    assert names[0] == "[Content_Types].xml"
    assert len(names) == len(set(names))
    assert not any(name.endswith(".jpeg") or name.startswith("customXml") for name in names)
    for name in names:
        assert b"python-docx" not in package.read(name), name
    assert b"Macintosh" not in package.read("docProps/app.xml")


def test_rows_come_before_sub_blocks_and_the_conclusion_sits_by_the_questions() -> None:
    """A block's own rows come first (none can read as a sub-block's); the afwegingskader's
    conclusion follows the five answers, before Veiligheidscijfers and Instrumenten."""
    data = load_document(str(VO)).data
    p = present(data, validate(data, today=TODAY), "nl")

    def check(block: Block) -> None:
        kinds = [isinstance(item, Block) for item in block.items]
        assert kinds == sorted(kinds), f"{block.title}: a row follows a sub-block"
        for item in block.items:
            if isinstance(item, Block):
                check(item)

    for block in p.blocks:
        check(block)
    texts = [para.text for para in check_document(p, render_docx(p)).paragraphs]
    conclusion = next(i for i, t in enumerate(texts) if t.startswith("Conclusie volgens het afwegingskader"))
    assert conclusion < texts.index("Veiligheidscijfers")
    assert texts.index("Afwegingskader onderwijs (stap 4 en 5)") < conclusion


def test_render_does_not_import_python_docx() -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from meldform.check.validation import check_file; from meldform.documents.presentation import present;"
        "import meldform.documents.render_docx as r; assert 'docx' not in sys.modules;"
        "res = check_file(sys.argv[2]); r.render_docx(present(res.data, res.bevindingen, 'nl'));"
        "assert 'docx' not in sys.modules, 'python-docx imported'"
    )
    subprocess.run([sys.executable, "-c", code, str(ROOT), str(VO)], check=True, timeout=60)


# -- hostile text ----------------------------------------------------------------------------------
HOSTILE = 'Noor zei:\x0b"papa <w:p> slaat" & {{ x }} ]]> \x00 einde'


def test_hostile_omschrijving() -> None:
    data = load_document(str(VO)).data
    data["zorgen"]["signalen"][0]["omschrijving"] = HOSTILE
    p = present(data, validate(data, today=TODAY), "nl")
    doc = check_document(p, render_docx(p))
    visible = HOSTILE.replace("\x0b", "\n").replace("\x00", " ")  # a vertical tab is Word's line break
    cells = [row.cells[1].text for table in doc.tables for row in table.rows]
    assert visible in cells
    assert "<w:p>" in visible and "{{ x }}" in visible and "]]>" in visible


def test_every_forbidden_character_and_line_end() -> None:
    weird = "a\x00b\x01c\x08d\x0be\x0cf\x1fg\x7fh\ufffei\uffffj\ud800k"
    text = "regel 1\r\nregel 2\rregel 3\n\tingesprongen"
    p = Presentation(
        weird,
        weird,
        "nl",
        [Row(weird, weird, "/x")],
        [weird],
        [
            Block(
                weird,
                2,
                "/b",
                [Row("tekst", text, "/b/t", multiline=True), Row("lijst", (weird, text), "/b/l")],
                intro=weird,
                conclusion=Row("C", weird, "/b#c"),
            )
        ],
        weird,
    )
    doc = check_document(p, render_docx(p))
    assert clean(weird) == "a b c d e f g h i j k"
    multiline = doc.tables[1].rows[0].cells[1]
    assert [para.text for para in multiline.paragraphs] == ["regel 1", "regel 2", "regel 3", "\tingesprongen"]


# Single characters (the alphabet of TEXT): XML-forbidden ones, line ends, markup.
SPECIAL = st.sampled_from(["\x00", "\x0b", "\x0c", "\x1b", "\r", "\n", "\t", "\ud800", "\udfff", "\ufffe", "\uffff", "&", "<", ">", "]", '"', "'", " "])
TEXT = st.lists(st.one_of(st.characters(exclude_categories=[]), SPECIAL), max_size=25).map("".join)


@st.composite
def presentations(draw: st.DrawFn) -> Presentation:
    def row(path: str) -> Row:
        value = draw(st.one_of(TEXT, st.lists(TEXT, max_size=3).map(tuple)))
        return Row(draw(TEXT), value, path, multiline=isinstance(value, str) and "\n" in value)

    nested = Block(draw(TEXT), 4, "/b/n", [row("/b/n/0") for _ in range(draw(st.integers(0, 2)))])
    conclusion = draw(st.none() | st.builds(Row, TEXT, TEXT, st.just("/b#c")))
    block = Block(draw(TEXT), 2, "/b", [row("/b/0"), row("/b/1"), nested], intro=draw(st.none() | TEXT), conclusion=conclusion)
    return Presentation(draw(TEXT), draw(TEXT), draw(st.sampled_from(["nl", "en"])), [row("/h")], draw(st.lists(TEXT, max_size=2)), [block], draw(TEXT))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(presentations())
def test_any_text_renders(p: Presentation) -> None:
    check_document(p, render_docx(p))


# -- generated documents ---------------------------------------------------------------------------
# tests/ is on sys.path (pytest's rootdir-relative import); a broken factory fails loudly here.
factory: Any = importlib.import_module("factory") if (ROOT / "tests" / "factory.py").exists() else None


@pytest.mark.skipif(factory is None or not hasattr(factory, "make_document"), reason="tests/factory.py has no make_document")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.sampled_from(["nl", "en"]))
def test_generated_documents(rnd: random.Random, lang: str) -> None:
    data = factory.make_document(rnd)
    p = present(data, validate(data, lang=lang, today=TODAY), lang)
    check_document(p, render_docx(p))


def free_text(node: Any) -> Iterator[tuple[Any, Any]]:
    """(container, key) of every free-text string: one with a space (keys, enums, ids and dates have none)."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(value, str) and " " in value.strip():
            yield node, key
        else:
            yield from free_text(value)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLES), st.data())
def test_example_free_text_mutated(path: Path, data: st.DataObject) -> None:
    """Any string in an example's free text (control characters included) renders."""
    doc = copy.deepcopy(load_document(str(path)).data)
    places = list(free_text(doc))
    for index, text in data.draw(st.lists(st.tuples(st.integers(0, len(places) - 1), TEXT), min_size=1, max_size=4)):
        container, key = places[index]
        container[key] = text
    p = present(doc, [], "nl")
    check_document(p, render_docx(p))


# -- LibreOffice -----------------------------------------------------------------------------------
@pytest.mark.libreoffice
def test_libreoffice_converts_to_pdf(tmp_path: Path) -> None:
    binary = shutil.which("libreoffice") or shutil.which("soffice")
    if binary is None:
        pytest.skip("LibreOffice is not installed")
    _, data = rendered(VO)
    source = tmp_path / "melding.docx"
    source.write_bytes(data)
    profile = tmp_path / "profile"  # own profile: no clash with a LibreOffice already running
    subprocess.run(
        [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        timeout=120,
        capture_output=True,
    )
    pdf = tmp_path / "melding.pdf"
    assert pdf.exists() and pdf.stat().st_size > 0
    assert pdf.read_bytes().startswith(b"%PDF")
