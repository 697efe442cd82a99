"""The blank HTML form as a document: structure, labels, constraints, security, the command.

The form is parsed with the standard library's html.parser (no browser needed here; the browser
tests are in test_form_browser.py). Everything expected is derived from the layout model, so the
tests follow the schema as it grows.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import stat
from dataclasses import replace
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from meldform.cli import main
from meldform.forms.html import blank_html, html_pattern
from meldform.model.kinds import Kind
from meldform.model.layout import Field, Group, Layout, Repeat, build_layout
from meldform.model.schemas import load_schemas
from meldform.resources import resource_dir
from meldform.texts.forms_html import FORM_WORDS

SECTORS = list(load_schemas().sectors)
SOORTEN = ["melding", "advies"]
VARIANTS = [(soort, sector) for soort in SOORTEN for sector in SECTORS]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Identifying data of the family that an advies must not ask for (melding-1.0.md, Betrokkenen)
IDENTIFYING = {"naam", "burgerservicenummer", "adres", "geboortedatum", "telefoon", "schoolOfOpvang", "omschrijving", "dossiernummer"}
TEXT_KINDS = {"text", "id", "tel", "email"}
KINDS = {"text", "textarea", "date", "integer", "boolean", "tristate", "enum", "enum_multi", "text_list"} | {
    "person",
    "persons",
    "person_or_melder",
    "id",
    "email",
    "tel",
    "hidden",
    "part",
}


# -- a small DOM ----------------------------------------------------------------------------------------
class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    def has(self, name: str) -> bool:
        return name in self.attrs

    def iter(self) -> list[Element]:
        out: list[Element] = []
        for child in self.children:
            if isinstance(child, Element):
                out.append(child)
                out.extend(child.iter())
        return out

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def ancestors(self) -> list[Element]:
        out = []
        node = self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.raw: dict[int, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, dict(attrs), self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


class Page:
    def __init__(self, html: str) -> None:
        builder = TreeBuilder()
        builder.feed(html)
        builder.close()
        self.html = html
        self.root = builder.root
        self.all = self.root.iter()
        self.by_id: dict[str, Element] = {}
        for e in self.all:
            if e.get("id"):
                assert e.get("id") not in self.by_id, f"duplicate id {e.get('id')}"
                self.by_id[e.get("id") or ""] = e

    def find(self, tag: str) -> list[Element]:
        return [e for e in self.all if e.tag == tag]


@cache
def page(soort: str, sector: str) -> Page:
    return Page(blank_html(build_layout(soort, sector, "nl")))


def fields(layout: Layout) -> list[tuple[str, Field, bool]]:
    """Every field with its control id (as the form names it) and whether it is statically required."""
    out: list[tuple[str, Field, bool]] = []

    def walk(group: Group, prefix: str, firm: bool) -> None:
        for node in group.children:
            path = f"{prefix}-{node.key}"
            if isinstance(node, Field):
                out.append((path, node, firm and node.required and not node.required_when and not node.visible_when))
            elif isinstance(node, Repeat):
                walk(node.item, f"{path}-0", True)
            else:
                walk(node, path, firm and node.required and not node.required_when and not node.visible_when)

    walk(layout.root, "f", True)
    return out


def csp(p: Page) -> dict[str, str]:
    metas = [m for m in p.find("meta") if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    directives = {}
    for part in (metas[0].get("content") or "").split(";"):
        name, _, value = part.strip().partition(" ")
        directives[name] = value.strip()
    return directives


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# -- structure -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("soort", "sector"), VARIANTS)
def test_one_form_and_every_control_labelled(soort: str, sector: str) -> None:
    p = page(soort, sector)
    assert len(p.find("form")) == 1
    labels_for = {e.get("for") for e in p.find("label") if e.get("for")}
    controls = [e for e in p.all if e.tag in ("input", "select", "textarea") and e.get("type") != "hidden"]
    assert len(controls) > 50
    for control in controls:
        wrapped = any(a.tag == "label" for a in control.ancestors())
        named = control.get("id") in labels_for or wrapped or control.has("aria-labelledby")
        assert named, f"no label for {control.tag} {control.attrs}"
        if control.get("id") in labels_for:
            label = next(e for e in p.find("label") if e.get("for") == control.get("id"))
            assert label.text().strip(), f"empty label for {control.get('id')}"
    # a radio button or checkbox is always inside a fieldset whose legend names the question
    for control in controls:
        if control.get("type") in ("radio", "checkbox"):
            fieldset = next(a for a in control.ancestors() if a.tag == "fieldset")
            legend = next(c for c in fieldset.children if isinstance(c, Element) and c.tag == "legend")
            assert legend.text().strip()


@pytest.mark.parametrize(("soort", "sector"), VARIANTS)
def test_required_pattern_and_maxlength_follow_the_layout(soort: str, sector: str) -> None:
    p = page(soort, sector)
    layout = build_layout(soort, sector, "nl")
    checked = 0
    for fid, field, static_required in fields(layout):
        element = p.by_id.get(fid)
        assert element is not None, f"no control for {fid}"
        wrapper = element if element.has("data-node") else element.parent
        assert wrapper is not None
        assert wrapper.get("data-key") == field.key and wrapper.get("data-kind") == field.kind
        assert wrapper.has("data-required") == field.required, fid
        assert wrapper.has("data-required-when") == bool(field.required_when), fid
        assert wrapper.has("data-visible-when") == bool(field.visible_when), fid
        if field.kind == "hidden":
            continue
        if field.kind == "persons":
            # its checkboxes are made by the script from the persons entered; a hint stands in for them
            assert any(e.has("data-options") for e in element.iter()) and any(e.has("data-empty-hint") for e in element.iter())
            continue
        controls = [e for e in ([element] if element.tag in ("input", "select", "textarea") else element.iter()) if e.tag in ("input", "select", "textarea")]
        assert controls, fid
        if field.kind in ("enum_multi", "persons"):
            # a group of checkboxes cannot carry `required`; the form's script enforces "at least one"
            assert not any(c.has("required") for c in controls)
        else:
            for control in controls:
                assert control.has("required") == static_required, f"{fid}: required should be {static_required}"
        control = controls[0]
        if field.kind in TEXT_KINDS or field.kind == "textarea":
            if field.max_length:
                assert control.get("maxlength") == str(field.max_length), fid
            if field.pattern:
                assert control.get("pattern") == html_pattern(field.pattern), fid
                checked += 1
        if field.kind == "text_list" and field.max_length:
            assert wrapper.get("data-max-length") == str(field.max_length)
        if field.kind == "integer":
            assert control.get("type") == "number"
            if field.minimum is not None:
                assert control.get("min") == str(field.minimum)
            if field.maximum is not None:
                assert control.get("max") == str(field.maximum)
        if field.kind == "date":  # typed day-month-year whatever the browser's locale (issue 12.3)
            assert control.get("type") == "text" and control.get("inputmode") == "numeric"
            assert f"{fid}-datumvorm" in (control.get("aria-describedby") or "").split()
        if field.kind in ("boolean", "tristate"):
            values = [c.get("value") for c in controls]
            assert values == (["true", "false"] if field.kind == "boolean" else ["true", "false", ""])
        if field.kind == "enum":
            values = [c.get("value") for c in (controls if control.tag == "input" else control.iter())]
            assert [v for v in values if v] == [o.value for o in field.options]
    assert checked >= 5


def test_conditional_parts_are_present_but_governed_by_conditions() -> None:
    p = page("melding", "onderwijs")
    reason = p.by_id["f-stappen-gesprekMetClient-redenGeenGesprek"]
    assert reason.get("data-visible-when") == '[{"key":"gevoerd","value":false,"negate":false}]'
    assert not any(c.has("required") for c in reason.iter() if c.tag == "input")
    # an optional group's required fields carry no static `required`
    huisnummer = p.by_id["f-betrokkenen-kinderen-0-adres-huisnummer"]
    assert not huisnummer.has("required")
    # a required repeat item's required field does
    assert p.by_id["f-zorgen-signalen-0-omschrijving"].has("required")


@pytest.mark.parametrize(("soort", "sector"), VARIANTS)
def test_sector_wording_and_every_label_appear(soort: str, sector: str) -> None:
    p = page(soort, sector)
    layout = build_layout(soort, sector, "nl")
    text = re.sub(r"\s+", " ", p.root.text())
    assert layout.afwegingskader_naam and layout.afwegingskader_naam in text
    labels = {re.sub(r"\s+", " ", e.text()).strip() for e in p.all if e.tag in ("label", "legend", "h2", "h3", "h4", "h5", "h6")}
    for _, field, _ in fields(layout):
        if field.kind != "hidden":
            assert field.label in labels, field.label
        if field.help:
            assert field.help in text
    kader = next(n for n in layout.root.children if isinstance(n, Group) and n.conclusion)
    assert kader.intro and kader.intro in text
    sector_group = layout.root.child("sectorSpecifiek")
    assert isinstance(sector_group, Group)
    for child in sector_group.children:
        assert child.label in labels


def test_the_sectors_differ_in_their_afwegingskader() -> None:
    wordings = set()
    for sector in SECTORS:
        layout = build_layout("melding", sector, "nl")
        kader = next(n for n in layout.root.children if isinstance(n, Group) and n.conclusion)
        wordings.add(kader.intro)
        assert kader.intro is not None
        assert kader.intro in page("melding", sector).html.replace("&#39;", "'").replace("&#34;", '"')
    assert len(wordings) == len(SECTORS)


def test_radar_and_monitor_are_explained() -> None:
    text = page("melding", "wijkteam").root.text()
    assert "Radarfunctie:" in text and "Monitorfunctie:" in text
    assert "Open melden, tenzij" in text


# -- security ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("soort", "sector"), VARIANTS)
def test_self_contained_with_a_strict_csp(soort: str, sector: str) -> None:
    p = page(soort, sector)
    for element in p.all:
        for name in ("src", "href", "action", "formaction", "data", "poster"):
            value = (element.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "javascript:", "data:")), f"{element.tag} {name}={value}"
        for name in element.attrs:
            assert not name.startswith("on"), f"inline handler {name} on {element.tag}"
        assert not element.has("style"), f"inline style on {element.tag}"
    scripts = p.find("script")
    assert len(scripts) == 1
    assert not scripts[0].has("src")
    styles = p.find("style")
    assert len(styles) == 1
    assert not p.find("link") and not p.find("iframe") and not p.find("img")
    policy = csp(p)
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == sha(scripts[0].text())
    assert policy["style-src"] == sha(styles[0].text())
    assert policy["form-action"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert "url(" not in styles[0].text() and "@import" not in styles[0].text()
    form = p.find("form")[0]
    assert form.get("autocomplete") == "off"


def test_the_script_uses_no_dangerous_apis_and_no_field_names() -> None:
    source = (resource_dir("templates") / "form.js").read_text(encoding="utf-8")
    script = re.sub(r"^\s*//.*$", "", re.sub(r"/\*.*?\*/", "", source, flags=re.S), flags=re.M)  # code only, no comments
    template = (resource_dir("templates") / "form.html.j2").read_text(encoding="utf-8")
    for banned in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "localStorage",
        "sessionStorage",
        "indexedDB",
        "fetch(",
        "XMLHttpRequest",
        "WebSocket",
        "sendBeacon",
        "import(",
    ):
        assert banned not in script, banned
    keys: set[str] = set()
    for soort, sector in VARIANTS:
        for _, node in build_layout(soort, sector, "nl").walk():
            keys.add(node.key)
    keys -= KINDS  # widget kinds are the layout's vocabulary; a field may share a kind's name ("id", "email")
    literals = set(re.findall(r'"([^"\\\n]*)"', script)) | set(re.findall(r"'([^'\\\n]*)'", script))
    assert literals & keys == set(), "field names in form.js"
    code = " ".join(re.findall(r"\{\{.*?\}\}|\{%.*?%\}", template, flags=re.S))  # the template's expressions
    jinja_literals = set(re.findall(r"'([^'\\\n]*)'", code)) | set(re.findall(r'"([^"\\\n]*)"', code))
    assert not re.search(r'data-key="[^{]', template), "a fixed data-key in form.html.j2"
    assert jinja_literals & keys == set(), "field names in form.html.j2"


def test_the_kinds_are_the_layout_models_enum_everywhere() -> None:
    """The form's script gets the kinds from the enum (a generated JSON block) and spells none itself."""
    assert {k.value for k in Kind} == KINDS  # the vocabulary the tests above know
    html = blank_html(build_layout("melding", "onderwijs", "nl"))
    form = Page(html).find("form")[0]
    assert json.loads(form.get("data-kinds") or "") == {k.name: k.value for k in Kind}
    source = (resource_dir("templates") / "form.js").read_text(encoding="utf-8")
    script = re.sub(r"^\s*//.*$", "", re.sub(r"/\*.*?\*/", "", source, flags=re.S), flags=re.M)
    used = set(re.findall(r"\bK\.([A-Z_]+)\b", script))
    assert used and used <= {k.name for k in Kind}, used - {k.name for k in Kind}
    assert {"HIDDEN", "PERSONS", "PERSON_ID"} <= used
    assert not re.search(r"data-kind=\"[a-z]", script), "a kind spelled in a selector of form.js"
    assert not re.search(r"\b(kind|kindOf\([^()]*\))\s*[!=]==\s*[\"']", script), "a kind compared with a string in form.js"
    template = (resource_dir("templates") / "form.html.j2").read_text(encoding="utf-8")
    code = " ".join(re.findall(r"\{\{.*?\}\}|\{%.*?%\}", template, flags=re.S))
    literals = set(re.findall(r"'([^'\\\n]*)'", code)) | set(re.findall(r'"([^"\\\n]*)"', code))
    assert literals & KINDS == set(), "a kind spelled in form.html.j2"
    assert {m for m in re.findall(r"\bK\.([A-Z_]+)\b", code)} <= {k.name for k in Kind}


def test_layout_text_is_escaped() -> None:
    layout = build_layout("melding", "onderwijs", "nl")
    evil = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    melder = layout.root.child("melder")
    assert isinstance(melder, Group)
    functie = melder.child("functie")
    assert isinstance(functie, Field)
    bad = replace(functie, label=evil, help=evil)
    new_melder = replace(melder, children=tuple(bad if c.key == "functie" else c for c in melder.children))
    new_layout = replace(layout, root=replace(layout.root, children=tuple(new_melder if c.key == "melder" else c for c in layout.root.children)))
    html = blank_html(new_layout)
    assert evil not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert len(Page(html).find("script")) == 1


def test_a_property_added_to_the_layout_appears_without_a_template_change() -> None:
    layout = build_layout("melding", "jeugdhulp", "nl")
    extra = Field("nieuwVeld", "Een nieuw veld uit het schema", Kind.TEXT, help="Uitleg bij het nieuwe veld.", required=True, max_length=42)
    sector_group = layout.root.child("sectorSpecifiek")
    assert isinstance(sector_group, Group)
    grown = replace(sector_group, children=(*sector_group.children, extra))
    new_layout = replace(layout, root=replace(layout.root, children=tuple(grown if c.key == "sectorSpecifiek" else c for c in layout.root.children)))
    p = Page(blank_html(new_layout))
    control = p.by_id["f-sectorSpecifiek-nieuwVeld"]
    assert control.get("maxlength") == "42"
    assert control.parent is not None and control.parent.get("data-key") == "nieuwVeld"
    assert "Uitleg bij het nieuwe veld." in p.root.text()


def test_patterns_are_rewritten_for_the_browsers_v_flag() -> None:
    assert html_pattern("^[ +()-]*([0-9][ +()-]*){5,15}$") == r"^[ +\(\)\-]*([0-9][ +\(\)\-]*){5,15}$"
    assert html_pattern("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") == r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$"
    assert html_pattern("^[a-z][a-z0-9_-]{0,31}$") == r"^[a-z][a-z0-9_\-]{0,31}$"
    assert html_pattern(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$") == r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$"
    for p in (html_pattern(f.pattern) for soort, sector in VARIANTS for _, f, _ in fields(build_layout(soort, sector, "nl")) if f.pattern):
        re.compile(p)  # the rewritten pattern is still the same language for Python


# -- an advies identifies nobody -------------------------------------------------------------------------
@pytest.mark.parametrize("sector", SECTORS)
def test_advies_form_has_no_identifying_fields(sector: str) -> None:
    p = page("advies", sector)
    repeats = (
        "f-betrokkenen-kinderen",
        "f-betrokkenen-volwassenen",
        "f-betrokkenen-betrokkenHulpverleners",
        "f-eerdereBetrokkenheidVeiligThuis-eerdereContacten",
    )
    for repeat_id in repeats:
        repeat = p.by_id[repeat_id]
        keys = {e.get("data-key") for e in repeat.iter() if e.has("data-node")}
        assert keys, repeat_id
        found = keys & IDENTIFYING
        assert found == set(), f"{repeat_id}: {found}"
    # the melding form does ask for them
    melding = page("melding", sector)
    kind_keys = {e.get("data-key") for e in melding.by_id["f-betrokkenen-kinderen"].iter() if e.has("data-node")}
    assert {"naam", "burgerservicenummer", "adres", "geboortedatum"} <= kind_keys


# -- the command -----------------------------------------------------------------------------------------
def test_unknown_sector_is_a_usage_error_listing_the_sectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["blank", "--sector", "bakkerij", "--format", "html"])
    assert result.exit_code == 2
    message = result.output.strip()
    assert "bakkerij" in message and "Traceback" not in message
    for sector in SECTORS:
        assert sector in message
    assert len(message.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_blank_writes_0600_and_never_overwrites_without_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["blank", "--sector", "kinderopvang", "--format", "html"])
    assert result.exit_code == 0, result.output
    target = tmp_path / "meldformulier-kinderopvang.html"
    assert target.is_file()
    assert str(target.name) in result.output
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    target.write_text("mijn eigen aantekeningen", encoding="utf-8")
    again = runner.invoke(main, ["blank", "--sector", "kinderopvang", "--format", "html"])
    assert again.exit_code == 1
    assert "--force" in again.output
    assert target.read_text(encoding="utf-8") == "mijn eigen aantekeningen"

    forced = runner.invoke(main, ["blank", "--sector", "kinderopvang", "--format", "html", "--force"])
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary left behind


def test_blank_advies_default_name_and_explicit_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["blank", "--sector", "justitie", "--soort", "advies", "--format", "html"]).exit_code == 0
    assert (tmp_path / "meldformulier-justitie-advies.html").is_file()
    out = tmp_path / "sub" / "form.html"
    (tmp_path / "sub").mkdir()
    assert runner.invoke(main, ["blank", "--sector", "justitie", "--format", "html", "-o", str(out)]).exit_code == 0
    assert out.is_file()
    missing = runner.invoke(main, ["blank", "--sector", "justitie", "--format", "html", "-o", str(tmp_path / "nergens" / "f.html")])
    assert missing.exit_code == 2
    assert "Traceback" not in missing.output


def test_english_form() -> None:
    html = blank_html(build_layout("melding", "onderwijs", "en"))
    assert '<html lang="en">' in html
    assert FORM_WORDS["opslaan"]["en"] in html
