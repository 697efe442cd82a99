"""Filled HTML: every value under its label, escaped, self-contained, printable."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from factory import make_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldform.check.loading import load_document
from meldform.check.validation import validate
from meldform.documents.formatting import format_bool, format_date, person_names
from meldform.documents.presentation import present
from meldform.documents.render_html import _anchor, render_html
from meldform.model.layout import (
    BOOLEAN,
    DATE,
    ENUM,
    ENUM_MULTI,
    HIDDEN,
    PERSON,
    PERSON_ID,
    PERSON_OR_MELDER,
    PERSONS,
    TRISTATE,
    Field,
    Group,
    build_layout,
    kader_variant,
)

EXAMPLES = sorted(p for p in (Path(__file__).resolve().parents[1] / "examples").iterdir() if p.suffix in (".json", ".yaml", ".yml"))
MELDING = next(p for p in EXAMPLES if p.name.startswith("onderwijs-vo"))


class Page(HTMLParser):
    """Collects, per <section id>, the (th, td) text pairs of its own tables; plus tags seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[str] = ["#kop"]
        self.rows: dict[str, list[tuple[str, str]]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._cell: str | None = None
        self._th = ""
        self._td = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "section":
            self.sections.append(dict(attrs).get("id") or "")
        elif tag in ("th", "td"):
            self._cell = tag
            if tag == "th":
                self._th, self._td = "", ""
        elif tag == "li" and self._cell == "td":
            self._td += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.sections.pop()
        elif tag == "td":
            self.rows.setdefault(self.sections[-1], []).append((self._th.strip(), self._td.strip()))
            self._cell = None
        elif tag == "th":
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell == "th":
            self._th += data
        elif self._cell == "td":
            self._td += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(node, dict):
        return [leaf for key, value in node.items() for leaf in leaves(value, (*path, key))]
    if isinstance(node, list) and node and isinstance(node[0], dict):
        return [leaf for index, value in enumerate(node) for leaf in leaves(value, (*path, index))]
    return [(path, node)]


def expected_cells(doc: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(section anchor, label, text that must appear in the value cell) for every filled leaf."""
    layout = build_layout(doc["soort"], doc["sector"], "nl", kader_variant(doc))
    rol = layout.node_at(("betrokkenen", "volwassenen", 0, "rol"))
    assert isinstance(rol, Field)
    names = person_names(doc, layout)
    out: list[tuple[str, str, str]] = []
    for path, value in leaves(doc):
        node = layout.node_at(path)
        parent = path[:-1]
        owner = layout.node_at(parent) if parent else None
        if isinstance(owner, Group) and owner.display:  # a name or address shown on one line
            node, parent = owner, parent[:-1]
        assert node is not None, path
        if isinstance(node, Field) and (node.kind == PERSON_ID or (node.kind == HIDDEN and not node.header)):
            continue  # a person's id is shown as the person's name where it is used
        in_header = isinstance(node, Field) and node.header and len(path) == 1
        anchor = "#kop" if in_header else _anchor("".join(f"/{p}" for p in parent))
        texts: list[str]
        values = value if isinstance(value, list) else [value]
        kind = node.kind if isinstance(node, Field) else None
        if kind in (BOOLEAN, TRISTATE):
            texts = [format_bool(v) for v in values]
        elif kind == DATE:
            texts = [format_date(v) for v in values]
        elif kind in (ENUM, ENUM_MULTI, HIDDEN) and isinstance(node, Field):
            texts = [node.option_label(v) for v in values]
        elif kind in (PERSON, PERSONS, PERSON_OR_MELDER):
            texts = ["de melder" if v == "melder" else names[v] for v in values]
        else:
            texts = [str(v) for v in values]
        out.extend((anchor, node.label, text) for text in texts)
    return out


def squash(text: str) -> str:
    """Whitespace folded; control characters XML/HTML cannot carry count as a space (as rendered)."""
    text = re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)  # bidi controls are dropped
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def assert_every_value_under_its_label(doc: dict[str, Any], html: str) -> None:
    page = parse(html)
    header = page.rows.get("#kop", [])
    for anchor, label, text in expected_cells(doc):
        rows = header if anchor == "#kop" else page.rows.get(anchor, [])
        cells = [squash(td) for th, td in rows if squash(th) == squash(label)]
        assert any(squash(text) in cell for cell in cells), f"{anchor}: {label!r} should show {text!r}; found {cells}"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_filled_value_appears_under_its_label(path: Path) -> None:
    doc = load_document(str(path)).data
    html = render_html(present(doc, validate(doc), "nl"))
    assert_every_value_under_its_label(doc, html)


def test_header_block_and_sections() -> None:
    doc = load_document(str(MELDING)).data
    page = parse(render_html(present(doc, validate(doc))))
    header = dict((squash(th), squash(td)) for th, td in page.rows["#kop"])
    assert {"Kenmerk", "Soort", "Sector", "Datum", "Melder"} <= set(header)
    headings = [t for t, _ in page.tags if t in ("h1", "h2")]
    assert headings[0] == "h1"
    text = squash(" ".join(page.text))
    for title in ("Uw verwachting van Veilig Thuis", "Betrokkenheid van leerling en ouders", "Eerdere betrokkenheid van Veilig Thuis"):
        assert title in text
    assert "Conclusie volgens het afwegingskader" in text


def test_readable_values_never_raw_keys() -> None:
    doc = next(load_document(str(p)).data for p in EXAMPLES if "onderwijs-vo" in p.name)
    html = render_html(present(doc, validate(doc)))
    text = squash(" ".join(parse(html).text))
    assert "Overdracht aan het lokale (wijk)team" in text and "overdracht_lokaal_team" not in text
    assert "20 november 2026" in text and "2026-11-20" not in text
    assert "None" not in text and "True" not in text and "False" not in text
    assert "Noor Bakker (kind)" in text


def test_warnings_are_a_visible_notice_at_the_top() -> None:
    doc = next(load_document(str(p)).data for p in EXAMPLES if "justitie" in p.name)
    findings = validate(doc)
    assert any(f.code == "acuut_telefonisch" for f in findings)
    html = render_html(present(doc, findings))
    notice = html.index('class="let-op"')
    assert notice < html.index("<main>")
    assert "telefonisch" in html[notice : html.index("</aside>")]


def test_sector_wording_of_the_afwegingskader() -> None:
    doc = next(load_document(str(p)).data for p in EXAMPLES if "onderwijs-vo" in p.name)
    html = render_html(present(doc, validate(doc)))
    assert "(Ja of twijfel: direct melden bij Veilig Thuis.)" in html  # onderwijs' addition to question 2
    assert "Afwegingskader onderwijs (stap 4 en 5)" in html


HOSTILE = '<script>alert("x")</script> {{ 7*7 }} {% if 1 %}x{% endif %} </td></table> & "quotes" \'single\' ]]> \x0b \x00'


def test_user_text_is_shown_literally_and_escaped() -> None:
    doc = load_document(str(EXAMPLES[0])).data
    doc["zorgen"]["signalen"][0]["omschrijving"] = HOSTILE
    doc["melder"]["functie"] = "<b>baas</b>"
    html = render_html(present(doc, validate(doc)))
    assert "<script" not in html.lower()
    assert "<b>baas" not in html and "&lt;b&gt;baas&lt;/b&gt;" in html
    text = " ".join(parse(html).text)
    assert '<script>alert("x")</script> {{ 7*7 }} {% if 1 %}x{% endif %} </td></table> & "quotes"' in text
    assert "\x0b" not in html and "\x00" not in html


def test_self_contained_no_network_no_script_csp() -> None:
    doc = load_document(str(EXAMPLES[0])).data
    html = render_html(present(doc, validate(doc)))
    page = parse(html)
    tags = {t for t, _ in page.tags}
    assert "script" not in tags and "link" not in tags and "img" not in tags and "iframe" not in tags
    for _, attrs in page.tags:
        for name in ("src", "href", "action"):
            assert not attrs.get(name), (name, attrs)
    assert not re.search(r"url\(|@import|https?://", html.split("<body>")[0].split("<style>")[1])
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None
    assert "default-src 'none'" in csp and "script-src" not in csp
    import base64
    import hashlib

    css = html.split("<style>")[1].split("</style>")[0]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_print_stylesheet_gives_a4() -> None:
    doc = load_document(str(EXAMPLES[0])).data
    html = render_html(present(doc, validate(doc)))
    assert "@page { size: A4" in html and "@media print" in html


def test_english() -> None:
    doc = load_document(str(MELDING)).data
    html = render_html(present(doc, validate(doc, lang="en"), "en"))
    assert '<html lang="en">' in html
    assert "Expectation" in html or "expect" in html.lower()
    assert "20 November 2026" in html


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.text(max_size=40))
def test_generated_meldingen_render(rnd: random.Random, free_text: str) -> None:
    doc = make_document(rnd)
    doc["zorgen"]["signalen"][0]["omschrijving"] = "x" + free_text
    html = render_html(present(doc, validate(doc)))
    assert html.startswith("<!DOCTYPE html>")
    assert_every_value_under_its_label(doc, html)
