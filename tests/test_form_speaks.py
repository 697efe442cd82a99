"""The blank forms speak to the person filling them in, not to a developer (issue 12.3).

Every blank form (HTML and Word, every sector, melding and advies, Dutch and English) is read as its
user reads it: the visible text, the texts the script shows (the form's words), the tooltips and
placeholders, and the Word form's paragraphs. None of it may tell the user to run a command, pass an
option, or mention the file format's or the schema's technical names.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from html.parser import HTMLParser

import pytest

from meldform.api import blank_form
from meldform.model.schemas import load_schemas

SECTORS = list(load_schemas().sectors)
VARIANTS = [(soort, sector, lang) for soort in ("melding", "advies") for sector in SECTORS for lang in ("nl", "en")]
COMMANDS = "validate|import|render|blank|check|batch|schema|migrate|brief|serve|sectors"
FORBIDDEN = {
    "a meldform command": re.compile(rf"\bmeldform\s+(?:{COMMANDS})\b", re.IGNORECASE),
    "a command-line option": re.compile(r"(?<![\w-])--[a-z]"),
    "the word JSON": re.compile(r"\bJSON\b", re.IGNORECASE),
    "the word schema": re.compile(r"\bschema\b", re.IGNORECASE),
    "a JSON pointer": re.compile(r"(?<![\w.:/])/[A-Za-z]\w*(?:/[\w-]+)+"),
    "a file-name placeholder": re.compile(r"<(?:bestand|file)>"),
}
USER_ATTRS = {"title", "placeholder", "aria-label", "alt", "value"}


class _UserText(HTMLParser):
    """The texts of an HTML page its user reads: text outside script/style, user attributes, and
    the words the form's script shows (data-words)."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if value is None:
                continue
            if name == "data-words":
                self.texts.extend(str(v) for v in json.loads(value).values())
            elif name in USER_ATTRS and not (tag == "input" and name == "value"):
                self.texts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(data)


def html_texts(page: str) -> list[str]:
    parser = _UserText()
    parser.feed(page)
    return parser.texts


def docx_texts(data: bytes) -> list[str]:
    """Every paragraph of the Word form's body, headers and footers, as the user sees it."""
    texts: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                xml = z.read(name).decode("utf-8")
                for para in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.DOTALL):
                    runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para)
                    if runs:
                        texts.append("".join(runs))
    return texts


def problems(texts: list[str]) -> list[str]:
    return [f"{what}: {text!r}" for text in texts for what, rx in FORBIDDEN.items() if rx.search(text)]


@pytest.mark.parametrize(("soort", "sector", "lang"), VARIANTS)
def test_html_form_has_no_developer_words(soort: str, sector: str, lang: str) -> None:
    texts = html_texts(blank_form(sector, soort=soort, fmt="html", lang=lang).decode("utf-8"))
    assert texts, "no text read from the form"
    assert problems(texts) == []


@pytest.mark.parametrize(("soort", "sector", "lang"), VARIANTS)
def test_docx_form_has_no_developer_words(soort: str, sector: str, lang: str) -> None:
    texts = docx_texts(blank_form(sector, soort=soort, fmt="docx", lang=lang))
    assert texts, "no text read from the form"
    assert problems(texts) == []


@pytest.mark.parametrize("fmt", ["html", "docx"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_forms_say_what_to_do_with_the_file(fmt: str, lang: str) -> None:
    data = blank_form(SECTORS[0], fmt=fmt, lang=lang)
    text = " ".join(html_texts(data.decode("utf-8")) if fmt == "html" else docx_texts(data))
    assert "aandachtsfunctionaris" in text
    assert "112" in text and "0800-2000" in text


def test_the_check_catches_what_it_must() -> None:
    """The forbidden list finds the texts the forms used to have, and spares the user's words."""
    old = [
        "en het kan worden gecontroleerd met 'meldform validate'.",
        "Lees het ingevulde formulier in met: meldform import <bestand>.docx",
        "Opgeslagen formulier openen (JSON)",
        "gebruik --lang en",
        "zie /betrokkenen/0/naam",
    ]
    assert len(problems(old)) >= len(old)
    fine = ["Opslaan als bestand", "Gemaakt met meldform.", "d-m-jjjj", "Bel Veilig Thuis: 0800-2000", "vader en/of moeder"]
    assert problems(fine) == []
