"""Rendering a presentation to a Word document (.docx).

Like the HTML renderer it knows blocks and rows, never a field name. The document uses Word's own
styles, so the navigation pane and a table of contents work: the title in "Title", sections in
"Heading 1", nested blocks in "Heading 2" and "Heading 3"; label/value rows in two-column tables
("Table Grid", label column bold), list values as "List Bullet" paragraphs inside the cell,
multiline text as one paragraph per line. Validation warnings VT must see come first, in a framed
"Let op" / "Attention" block.

The house style (page, styles, fonts, footer, properties) and the package are
:mod:`meldform.ooxml`'s, shared with the blank Word form.

Speed. python-docx's own floor (``Document()`` + ``save``) spends almost all of its time parsing
and re-serialising the default template's parts (styles alone are 350 kB of XML). The house
package is prepared once per language and kept as a finished, compressed zip; per document only
``word/document.xml``, ``word/footer1.xml`` and ``docProps/core.xml`` are generated — as text,
every piece of content escaped — and appended to a copy of that zip. python-docx itself is not
imported at all; lxml only once, to prepare the package.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from meldform import ooxml
from meldform.cleaning import clean
from meldform.documents.presentation import Block, Presentation, Row
from meldform.ooxml import BOLD as _BOLD
from meldform.ooxml import ITALIC as _ITALIC
from meldform.ooxml import LABEL_FILL, LABEL_WIDTH, R_NS, TABLE_PROPS, TABLE_WIDTH, W_NS, core_xml
from meldform.ooxml import paragraph as _p
from meldform.ooxml import run as _run
from meldform.texts import pick
from meldform.texts.documents import DOCUMENT_WORDS

WIDE_LABEL_WIDTH = 4643  # 50 %, for a table whose labels are questions
LONG_LABEL = 60
KEEP_TOGETHER = 8  # rows
HEADING_STYLES = {2: "Heading1", 3: "Heading2"}  # deeper: Heading3

_CELL_LIST = '<w:spacing w:before="20" w:after="20"/>'


# -- body ------------------------------------------------------------------------------------------
@cache
def _table_parts(label_width: int) -> tuple[str, str, str]:
    """The opening of a table (properties and grid), and the opening of its label and value cells."""
    value_width = TABLE_WIDTH - label_width
    grid = f'<w:tblGrid><w:gridCol w:w="{label_width}"/><w:gridCol w:w="{value_width}"/></w:tblGrid>'
    label = (
        f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{label_width}" w:type="dxa"/>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{LABEL_FILL}"/></w:tcPr>'
    )
    value = f'<w:tc><w:tcPr><w:tcW w:w="{value_width}" w:type="dxa"/></w:tcPr>'
    return "<w:tbl>" + TABLE_PROPS + grid, label, value


def _value(row: Row, keep: str) -> str:
    value = row.value
    if isinstance(value, tuple):
        if not value:
            return _p("TableText", "", keep)
        return "".join(_p("ListBullet", _run(item), keep + _CELL_LIST) for item in value)
    if "\n" in value or "\r" in value:
        return "".join(_p("TableText", _run(line), keep) for line in clean(value).split("\n"))
    return _p("TableText", _run(value), keep)


@lru_cache(maxsize=4096)
def _label(label: str, keep: str) -> str:
    return _p("TableText", _run(label, _BOLD), keep)  # labels come from the schema: few, and repeated


def _table(rows: list[Row], out: list[str]) -> None:
    if out and out[-1].endswith("</w:tbl>"):
        out.append(_p("Spacer", ""))  # two tables in a row would merge into one
    # Labels are short as a rule; a table of long ones (questions) gets a wider label column.
    wide = max(len(row.label) for row in rows) > LONG_LABEL
    opening, label_cell, value_cell = _table_parts(WIDE_LABEL_WIDTH if wide else LABEL_WIDTH)
    out.append(opening)
    # A short table stays on one page (with its heading): every row but the last keeps with the next.
    together = len(rows) <= KEEP_TOGETHER
    last = len(rows) - 1
    for index, row in enumerate(rows):
        keep = "<w:keepNext/>" if together and index < last else ""
        out.append(f"{label_cell}{_label(row.label, keep)}</w:tc>{value_cell}{_value(row, keep)}</w:tc></w:tr>")
    out.append("</w:tbl>")


def _block(block: Block, lang: str, out: list[str]) -> None:
    """The block's rows, then the conclusion (next to the answers it concludes from), then sub-blocks."""
    out.append(_p(HEADING_STYLES.get(block.level, "Heading1" if block.level < 2 else "Heading3"), _run(block.title)))
    if block.intro:
        out.append(_p("Intro", _run(block.intro, _ITALIC)))
    rows = [item for item in block.items if isinstance(item, Row)]
    if rows:
        _table(rows, out)
    if block.conclusion is not None:
        c = block.conclusion
        out.append(_p("Conclusion", _run(f"{c.label}: ", _BOLD) + _run(c.value if isinstance(c.value, str) else "; ".join(c.value))))
    for item in block.items:
        if isinstance(item, Block):
            _block(item, lang, out)


_DOC_OPEN = f'{ooxml.XML_DECLARATION}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
_DOC_CLOSE = f"{ooxml.SECT_PR}</w:body></w:document>"


def document_xml(doc: Presentation) -> str:
    out: list[str] = [_DOC_OPEN, _p("Title", _run(doc.title))]
    if doc.header:
        _table(doc.header, out)
    if doc.notices:
        out.append(_p("NoticeHeading", _run(_say("let_op", doc.lang))))
        out.extend(_p("Notice", _run(notice)) for notice in doc.notices)
    for block in doc.blocks:
        _block(block, doc.lang, out)
    if out[-1].endswith("</w:tbl>"):
        out.append(_p("Spacer", ""))  # Word wants the body to end with a paragraph
    out.append(_DOC_CLOSE)
    return "".join(out)


def footer_xml(doc: Presentation) -> str:
    return ooxml.footer_xml(doc.kenmerk, doc.footer)


# -- the package -----------------------------------------------------------------------------------
def render_docx(doc: Presentation) -> bytes:
    parts = {ooxml.DOCUMENT: document_xml(doc), ooxml.FOOTER: footer_xml(doc), ooxml.CORE: core_xml(doc.kenmerk, doc.lang)}
    return ooxml.package(doc.lang, parts)


def _say(key: str, lang: str, **params: Any) -> str:
    return pick(DOCUMENT_WORDS, key, lang, **params)
