"""The blank forms remind the person filling them in that the family may read a melding
(melding-1.1.md, *Niet ter inzage, and who can read a melding*): HTML and Word, from the layout."""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest

from meldform.forms.docx_writer import blank_docx
from meldform.forms.html import blank_html
from meldform.model.layout import build_layout
from meldform.model.schemas import load_schemas
from meldform.texts.documents import INZAGE

SECTORS = sorted(load_schemas().sectors)


def word_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@pytest.mark.parametrize("sector", SECTORS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_melding_forms_say_the_family_may_read_it(sector: str, lang: str) -> None:
    notice = INZAGE["melding"][lang]
    layout = build_layout("melding", sector, lang)
    assert layout.inzage == notice
    shown = re.search(r'<p class="inzage" role="note">([^<]*)</p>', blank_html(layout))
    assert shown is not None, "no visible note"
    assert html.unescape(shown.group(1)) == notice
    assert notice in word_text(blank_docx(layout))


@pytest.mark.parametrize("sector", SECTORS)
def test_dossiernotitie_forms_say_it_belongs_to_the_file(sector: str) -> None:
    layout = build_layout("dossiernotitie", sector, "nl")
    assert layout.inzage == INZAGE["dossiernotitie"]["nl"]
    assert layout.inzage in word_text(blank_docx(layout))


@pytest.mark.parametrize("sector", SECTORS)
def test_an_anonymous_adviesvraag_form_has_no_such_note(sector: str) -> None:
    layout = build_layout("advies", sector, "nl")
    assert layout.inzage is None
    assert 'class="inzage"' not in blank_html(layout)
    text = word_text(blank_docx(layout))
    assert INZAGE["melding"]["nl"] not in text and INZAGE["dossiernotitie"]["nl"] not in text
