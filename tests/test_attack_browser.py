"""The XSS corpus in a real browser (issue 10, point 7; the form part of point 2).

tests/attack/xss.txt holds the payloads (script, event handlers, javascript: URLs, attribute,
textarea, style and comment breakouts, template syntax, entity- and unicode-escaped variants).
They go into every text field — many fields of one document per page, several documents — and
Chromium loads:

- the filled HTML (``render_document``) of valid meldingen with a payload in every free-text field,
  every payload in every field (one rotation of the payloads per page), and all payloads at once;
- the batch report (``rapport.html``) of a folder whose invalid documents quote payloads: unknown
  keys, an unknown sector, file names, a kenmerk conflict;
- the blank HTML form after loading hostile JSON through its own "open" control (every string in
  the file a payload: ids, choices, dates, unknown keys, a sector of another form), then saved.

On every page: no dialog, no request but the page itself (data: and the form's own blob: save
allowed), no CSP violation or console error, and no element a payload could have made (the counts
of script, img, svg, iframe, base, meta, link, style, on*-attributes, ... equal those of the same
page without payloads). And each payload is there as text. The counts are in ``STATS``; run with
``-s`` to see them.

Without /usr/bin/chromium the tests are skipped — except when MELDFORM_REQUIRE_REAL_TOOLS=1 (CI).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attack_surface as surface  # tests/ is on sys.path (pytest's rootdir-relative import)
import pytest
from click.testing import CliRunner
from real_browser import download

pytestmark = pytest.mark.browser

PAYLOADS = surface.xss_payloads()
BASES = ((11, "melding", "onderwijs"), (12, "advies", "gezondheidszorg"), (13, "melding", "jeugdhulp"))
STATS: dict[str, int] = dict.fromkeys(("pages", "form_loads", "documents", "field_payload_pairs", "dialogs", "requests", "csp"), 0)
STATS["payloads"] = len(PAYLOADS)
# Counts that follow a form's content (extra choices for ids the file names, ...), not a payload
SHAPE = {"*", "input", "label", "a", "a[href]", "template", "[data-node]", "button", "select", "textarea"}

# What a payload would have to create to do anything; counted on every page, compared to the same
# page without payloads.
COUNT_ELEMENTS = """() => {
  const selectors = ['script', 'img', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'meta[http-equiv]', 'link',
    'style', 'form', 'input', 'button', 'textarea', 'select', 'video', 'audio', 'source', 'details', 'noscript', 'template', 'title',
    'a', 'a[href]', '[href^="javascript" i]', '[src]', '[srcdoc]', '[style]', '[autofocus]', '[data-node]', 'body', '*'];
  const out = {};
  for (const s of selectors) { out[s] = document.querySelectorAll(s).length; }
  out['on*'] = Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on'))).length;
  return out;
}"""


# -- the browser -------------------------------------------------------------------------------------------
@pytest.fixture(scope="module", autouse=True)
def _figures() -> Iterator[None]:
    yield
    print(f"\nXSS attack figures: {STATS}")


class Watched:
    """One page; every dialog, request, CSP violation and console error it causes is recorded."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(accept_downloads=True, locale="nl-NL", viewport={"width": 1100, "height": 900})
        self.page = self.context.new_page()
        self.allowed: set[str] = set()
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.console: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("request", self._request)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.console.append(str(e)))
        # CDP-injected, so the page's CSP does not apply to this recorder itself
        self.page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); }, true);"
        )
        self.csp: list[str] = []

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        STATS["dialogs"] += 1
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        # (a date field is a text input read as dd-mm-jjjj: a payload "date" no longer makes Chromium warn)
        if message.type in ("error", "warning"):
            self.console.append(message.text)

    def _request(self, request: Any) -> None:
        url = request.url
        if url in self.allowed or url.startswith(("data:", "blob:")):
            return
        self.requests.append(url)
        STATS["requests"] += 1

    def open(self, path: Path) -> Any:
        self.allowed.add(path.as_uri())
        self.page.goto(path.as_uri(), wait_until="load")
        STATS["pages"] += 1
        return self.page

    def elements(self) -> dict[str, int]:
        counts: dict[str, int] = self.page.evaluate(COUNT_ELEMENTS)
        return counts

    def look(self) -> tuple[dict[str, int], str]:
        """The page's element counts and its text (whitespace collapsed); CSP reports collected."""
        seen: dict[str, Any] = self.page.evaluate("() => ({counts: (" + COUNT_ELEMENTS + ")(), text: document.body.textContent, csp: window.__csp.splice(0)})")
        self.csp.extend(seen["csp"])
        STATS["csp"] += len(seen["csp"])
        return seen["counts"], squash(seen["text"])

    def collect_csp(self) -> None:
        found = self.page.evaluate("window.__csp || []")
        self.csp.extend(found)
        STATS["csp"] += len(found)

    def check_clean(self) -> None:
        self.page.wait_for_timeout(300)  # a late effect (a refresh, a focus handler) gets its chance
        self.collect_csp()
        assert self.dialogs == [], f"dialogs: {self.dialogs[:5]}"
        assert self.requests == [], f"requests outside the page: {self.requests[:5]}"
        assert self.csp == [], f"CSP violations: {self.csp[:5]}"
        assert self.console == [], f"console errors: {self.console[:5]}"
        assert self.page.url in self.allowed, f"navigated away to {self.page.url}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    try:
        yield w
        w.check_clean()
    finally:
        w.close()


def squash(text: str) -> str:
    return " ".join(text.split())


# -- the filled HTML ----------------------------------------------------------------------------------------
def rotation(k: int) -> Any:
    return lambda n, _old: PAYLOADS[(n + k) % len(PAYLOADS)]


def doubled(char: str) -> Callable[[int, str], str]:
    """A field's value: its own text on both sides of ``char``."""
    return lambda _n, old: f"{old}{char}{old}"


ALL_AT_ONCE = " ".join(PAYLOADS)


def rendered(doc: dict[str, Any], folder: Path, name: str) -> Path:
    path = folder / f"{name}.html"
    path.write_bytes(surface.render_document(doc, surface.validate(doc, today=surface.DATUM), "html"))
    return path


@pytest.mark.parametrize(("seed", "soort", "sector"), BASES)
def test_filled_html_shows_every_payload_as_text(seed: int, soort: str, sector: str, watched: Watched, tmp_path: Path) -> None:
    base = surface.make_valid(seed, soort=soort, sector=sector)
    baseline = watched.open(rendered(base, tmp_path, "schoon")) and watched.elements()
    pairs: set[tuple[str, str]] = set()
    # the first document: every payload in every field (one rotation a page); the others: every
    # fourth rotation. All: every payload at once in every field.
    step = 1 if seed == BASES[0][0] else 4
    variants = [(f"r{k}", rotation(k)) for k in range(0, len(PAYLOADS), step)]
    variants.append(("alles", lambda _n, _old: ALL_AT_ONCE))
    for name, make in variants:
        doc, changed = surface.poison(base, make)
        assert changed, name
        watched.open(rendered(doc, tmp_path, name))
        STATS["documents"] += 1
        counts, text = watched.look()
        assert counts == baseline, name
        for at in changed:
            value = surface.get(doc, at)
            assert squash(value) in text, (name, surface.pointer(at), value)
            pairs.add((surface.pointer(at), value))
    placed = {p for _, p in pairs}
    assert set(PAYLOADS) <= placed, set(PAYLOADS) - placed
    if step == 1:  # every free-text field had every payload, unless the schema refuses it there
        fields = {at for at in surface.string_leaves(base) if any(f == surface.pointer(at) for f, _ in pairs)}
        for at in fields:
            for payload in PAYLOADS:
                if (surface.pointer(at), payload) not in pairs:
                    doc = copy.deepcopy(base)
                    surface.get(doc, at[:-1])[at[-1]] = payload
                    assert [f for f in surface.validate(doc, today=surface.DATUM) if f.ernst == "fout"], (surface.pointer(at), payload)
    STATS["field_payload_pairs"] += len(pairs)


# -- the batch report ----------------------------------------------------------------------------------------
def file_name_payloads() -> list[str]:
    """The payloads a file name can hold (no '/', no NUL, short enough)."""
    return [p for p in PAYLOADS if "/" not in p and "\0" not in p and len(p.encode()) < 200]


def report_inputs(folder: Path, hostile: bool) -> None:
    """Valid and invalid documents; with ``hostile`` every text the report quotes is a payload."""
    folder.mkdir()

    def word(i: int) -> str:
        return PAYLOADS[i % len(PAYLOADS)] if hostile else f"veld{i}"

    for i, (seed, soort, sector) in enumerate(BASES):
        doc = surface.make_valid(seed, soort=soort, sector=sector)
        doc, _ = surface.poison(doc, rotation(i)) if hostile else (doc, [])
        (folder / f"geldig-{i}.json").write_text(json.dumps(doc), encoding="utf-8")
    for i in range(len(PAYLOADS)):
        doc = surface.make_valid(30 + i % 3, soort="melding", sector="onderwijs")
        doc["kenmerk"] = f"ONGELDIG-{i}"
        doc[word(i)] = word(i + 1)  # an unknown key: the finding quotes it
        doc["melder"][word(i + 2)] = 1
        doc["sectorSpecifiek"] = {word(i + 3): "x"}
        (folder / f"ongeldig-{i}.json").write_text(json.dumps(doc), encoding="utf-8")
    other = surface.make_valid(40, soort="melding", sector="onderwijs")
    other["sector"] = word(7)  # an unknown sector
    (folder / "sector.json").write_text(json.dumps(other), encoding="utf-8")
    (folder / "kapot.json").write_text('{"kenmerk": "' + word(0) + '", ', encoding="utf-8")  # unreadable
    # file names: invalid documents named by a payload, and a valid one whose kenmerk another has
    for i, name in enumerate(file_name_payloads()):
        doc = surface.make_valid(50, soort="melding", sector="wijkteam")
        doc["kenmerk"] = f"NAAM-{i}"
        doc["onbekend"] = True
        (folder / (f"{name}.json" if hostile else f"naam{i}.json")).write_text(json.dumps(doc), encoding="utf-8")
    twin = surface.make_valid(60, soort="melding", sector="kinderopvang")
    (folder / "tweeling-a.json").write_text(json.dumps(twin), encoding="utf-8")
    twin["afweging"]["toelichting"] = "anders"
    (folder / (f"{file_name_payloads()[0]}-b.json" if hostile else "tweeling-b.json")).write_text(json.dumps(twin), encoding="utf-8")


def run_batch(tmp_path: Path, name: str, hostile: bool) -> Path:
    inputs, out = tmp_path / f"in-{name}", tmp_path / f"uit-{name}"
    report_inputs(inputs, hostile)
    result = CliRunner().invoke(surface.main, ["batch", str(inputs), "--output", str(out), "--format", "html", "--jobs", "1"])
    assert result.exit_code == 1, result.output  # invalid inputs; nothing failed
    report = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    assert report["samenvatting"]["status"]["mislukt"] == 0
    assert report["samenvatting"]["status"]["conflict"] == 1
    return out / "rapport.html"


def test_batch_report_shows_quoted_payloads_as_text(watched: Watched, tmp_path: Path) -> None:
    baseline = watched.open(run_batch(tmp_path, "schoon", hostile=False)) and watched.elements()
    watched.open(run_batch(tmp_path, "vijandig", hostile=True))
    counts, text = watched.look()
    # the report lists the same problems: same structure, only the quoted texts differ
    assert counts == baseline
    for payload in PAYLOADS:
        assert squash(payload) in text, payload  # as the unknown key the finding names
    for name in file_name_payloads():
        assert squash(name) in text, name
    STATS["documents"] += 1
    STATS["field_payload_pairs"] += 4 * len(PAYLOADS) + len(file_name_payloads())


# -- the blank form, after loading hostile JSON -------------------------------------------------------------
def all_strings(doc: Any, make: Any) -> Any:
    """Every string in ``doc`` replaced (ids, choices, dates and kenmerk too: a file need not be valid)."""
    out = copy.deepcopy(doc)
    for n, at in enumerate(surface.string_leaves(doc)):
        if at[0] in ("soort", "sector", "schemaVersie"):
            continue  # these must match the form, or it refuses the file (tested below)
        target = out
        for part in at[:-1]:
            target = target[part]
        target[at[-1]] = make(n, target[at[-1]])
    return out


def load(page: Any, path: Path) -> str:
    """Open ``path`` through the form's own file control; the status line it then shows."""
    page.locator("#bestand-openen").set_input_files(str(path))
    status = page.locator("#meldform-status")
    status.filter(has_text=path.name).wait_for()
    return str(status.inner_text())


def save_draft(page: Any, target: Path) -> Any:
    """Save as the form's user does: "Opslaan", and when the form lists problems, "Toch opslaan als concept"."""

    def press() -> None:
        page.locator(".werkbalk [data-save]").click()
        # save() runs in the click handler: the list of problems is shown, or the file started, before click() returns
        if page.locator("#fouten").is_visible():
            page.locator("#fouten [data-save-draft]").click()

    download(page, press).save_as(target)
    return json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("seed", "soort", "sector"), BASES[:2])
def test_blank_form_loads_hostile_json_as_text(seed: int, soort: str, sector: str, watched: Watched, tmp_path: Path) -> None:
    form = tmp_path / "formulier.html"
    form.write_text(surface.blank_form_html(soort, sector), encoding="utf-8")
    base = surface.make_valid(seed, soort=soort, sector=sector)
    clean_file = tmp_path / "schoon.json"
    clean_file.write_text(json.dumps(base), encoding="utf-8")
    page = watched.open(form)
    load(page, clean_file)
    baseline = watched.elements()
    dangerous = {key: n for key, n in baseline.items() if key not in SHAPE}
    saved_clean = save_draft(page, tmp_path / "schoon-opgeslagen.json")

    # (a) a payload in every free-text field (the file still a valid melding): the form shows each
    # as text and saves it back unchanged
    variants = [(f"r{k}", rotation(k)) for k in range(0, len(PAYLOADS), 6)]
    variants.append(("alles", lambda _n, _old: ALL_AT_ONCE))
    pairs = 0
    for name, make in variants:
        hostile, changed = surface.poison(base, make)
        path = tmp_path / f"tekst-{name}.json"
        path.write_text(json.dumps(hostile), encoding="utf-8")
        load(page, path)
        STATS["form_loads"] += 1
        assert watched.elements() == baseline, name
        saved = save_draft(page, tmp_path / f"tekst-{name}-opgeslagen.json")
        for at in changed:
            assert surface.get(saved, at) == surface.get(hostile, at), (name, surface.pointer(at))
        assert all_but(saved, changed) == all_but(saved_clean, changed), name
        pairs += len(changed)
        watched.collect_csp()

    # (b) every string a payload — ids, choices, dates, the kenmerk — and an unknown key: nothing
    # made of any of it, the unknown key named as text
    for name, make in variants[::3]:
        hostile = {make(1, ""): make(2, ""), **all_strings(base, make)}
        path = tmp_path / f"alles-{name}.json"
        path.write_text(json.dumps(hostile), encoding="utf-8")
        status = load(page, path)
        STATS["form_loads"] += 1
        counts = watched.elements()
        assert {key: counts[key] for key in dangerous} == dangerous, name
        assert squash(make(1, "")) in squash(status), status
        save_draft(page, tmp_path / f"alles-{name}-opgeslagen.json")
        pairs += sum(1 for _ in surface.string_leaves(base))
        watched.collect_csp()
    STATS["field_payload_pairs"] += pairs

    # (c) a file for another form, its sector a payload: refused (the form keeps what it shows),
    # the payload quoted as text
    before = watched.elements()
    for i, payload in enumerate(PAYLOADS[:: max(1, len(PAYLOADS) // 8)]):
        path = tmp_path / f"ander-{i}.json"
        path.write_text(json.dumps(dict(base, sector=payload)), encoding="utf-8")
        status = load(page, path)
        STATS["form_loads"] += 1
        assert squash(payload) in squash(status), status
        assert watched.elements() == before


def all_but(doc: Any, leaves: list[tuple[str | int, ...]]) -> Any:
    """``doc`` without the values at ``leaves`` (to compare the rest)."""
    out = copy.deepcopy(doc)
    for at in leaves:
        surface.get(out, at[:-1])[at[-1]] = None
    return out


# -- the blank form, after loading hostile characters (issue 10, point 2) ---------------------------------
FIND_FORBIDDEN = r"""() => {
  const bad = /[\0-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069]/u;
  const hex = s => { const m = s.match(bad); return m ? 'U+' + m[0].codePointAt(0).toString(16).toUpperCase() : null; };
  const out = [];
  document.querySelectorAll('input, textarea, select, option').forEach(e => {
    const h = hex(e.value || ''); if (h) out.push((e.id || e.name || e.tagName) + ' value ' + h);
  });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { const h = hex(n.data); if (h) out.push('text in ' + n.parentElement.tagName + ' ' + h); }
  return out;
}"""


def test_blank_form_cleans_hostile_characters_it_loads(watched: Watched, tmp_path: Path) -> None:
    seed, soort, sector = BASES[0]
    form = tmp_path / "formulier.html"
    form.write_text(surface.blank_form_html(soort, sector), encoding="utf-8")
    base = surface.make_valid(seed, soort=soort, sector=sector)
    page = watched.open(form)
    for name, char in surface.HOSTILE_CHARS.items():
        doc, changed = surface.poison(base, doubled(char))
        path = tmp_path / f"tekens-{name}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")  # "\ud800" as a JSON escape
        status = load(page, path)
        STATS["form_loads"] += 1
        assert page.evaluate(FIND_FORBIDDEN) == [], name
        assert "Let op" not in status, (name, status)  # every value taken over (cleaned, not dropped)
        saved = save_draft(page, tmp_path / f"tekens-{name}-opgeslagen.json")
        between = "" if surface.BIDI.match(char) else " "  # dropped, or a space (a line end: a space once squashed)
        for at in changed:
            old = surface.get(base, at)
            assert squash(surface.get(saved, at)) == squash(f"{old}{between}{old}"), (name, surface.pointer(at))
        assert not [f for f in surface.validate(saved, today=surface.DATUM) if f.ernst == "fout"], name


def test_the_form_cleans_as_meldform_cleans(watched: Watched, tmp_path: Path) -> None:
    """form.js's copy of the rule gives what meldform.cleaning gives, for every character."""
    from meldform.cleaning import clean

    seed, soort, sector = BASES[0]
    form = tmp_path / "formulier.html"
    form.write_text(surface.blank_form_html(soort, sector), encoding="utf-8")
    base = surface.make_valid(seed, soort=soort, sector=sector)
    # every BMP code point (lone surrogates too), CR LF pairs, and astral ones (surrogate pairs)
    everything = "x" + "".join(chr(c) for c in range(0x10000)) + "a\r\nb\rc\n\U0001f600\U0010ffff\U000e0001\U0001fffe" + "x"
    base["afweging"]["toelichting"] = everything  # a textarea: keeps its line ends
    path = tmp_path / "alle-tekens.json"
    path.write_text(json.dumps(base), encoding="utf-8")
    page = watched.open(form)
    load(page, path)
    saved = save_draft(page, tmp_path / "alle-tekens-opgeslagen.json")
    # as JSON reads it: the escapes "\udbff\udc00" (U+DBFF then U+DC00 above) make one character
    got, want = saved["afweging"]["toelichting"], clean(json.loads(path.read_text(encoding="utf-8"))["afweging"]["toelichting"])
    assert len(got) == len(want)
    differ = [f"U+{ord(w):04X}->{got[i]!r}" for i, w in enumerate(want) if got[i] != w]
    assert got == want, differ[:10]
