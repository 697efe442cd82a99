"""The blank HTML form in a real browser: Playwright drives Debian's headless Chromium.

A professional fills a form, saves it, and `meldform validate` accepts the file; loading it back
restores every field. The page makes no request beyond its own file, logs no error and violates
no Content-Security-Policy. Keyboard-only use works.

Without /usr/bin/chromium the tests are skipped — except when MELDFORM_REQUIRE_REAL_TOOLS=1 (CI),
where a missing browser is a failure.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from click.testing import CliRunner
from real_browser import download

from meldform.cli import main
from meldform.forms.html import blank_html
from meldform.model.layout import build_layout

pytestmark = pytest.mark.browser

DATUM = "2025-10-01"  # in the past whatever the clock says: no datum_toekomst


# -- fixtures -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("formulieren")
    made = {}
    for soort, sector in (("melding", "onderwijs"), ("advies", "gezondheidszorg")):
        path = folder / f"{sector}-{soort}.html"
        path.write_text(blank_html(build_layout(soort, sector, "nl")), encoding="utf-8")
        made[(soort, sector)] = path
    return made


class Watched:
    """A page with everything it does recorded: requests, console errors, CSP violations."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(accept_downloads=True, locale="nl-NL", viewport={"width": 1100, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # CDP-injected, so the page's CSP does not apply to this recorder itself
        self.page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });"
        )

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        return self.page

    def check_clean(self) -> None:
        outside = [u for u in self.requests if not u.startswith("file:")]
        assert outside == [], f"requests outside the file: {outside}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.page.evaluate("window.__csp") == [], "CSP violations"

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


# -- helpers -------------------------------------------------------------------------------------------
def items(page: Any, repeat_id: str) -> Any:
    return page.locator(f"#{repeat_id} > [data-items] > [data-item]")


def add(page: Any, repeat_id: str) -> Any:
    """Add an item; the locator stays on that item (by position) when more are added later."""
    page.locator(f"#{repeat_id} > .herhaalknoppen [data-add]").click()
    return items(page, repeat_id).nth(items(page, repeat_id).count() - 1)


def radio(scope: Any, field: str, label: str) -> None:
    scope.locator(field).get_by_label(label, exact=True).check()


def pick(scope: Any, field: str, value: str) -> None:
    """Choose an enum value, whichever control the form uses for it (radio buttons or a select)."""
    node = scope.locator(field)
    if node.locator("select").count() or node.evaluate("e => e.tagName") == "SELECT":
        (node if node.evaluate("e => e.tagName") == "SELECT" else node.locator("select")).select_option(value)
    else:
        node.locator(f'input[value="{value}"]').check()


def save(page: Any, target: Path) -> dict[str, Any]:
    saved = download(page, page.locator(".werkbalk [data-save]").click)
    saved.save_as(target)
    assert saved.suggested_filename == target.name
    return cast(dict[str, Any], json.loads(target.read_text(encoding="utf-8")))


def validate(path: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["validate", str(path), "--format", "json"])
    report = json.loads(result.output)
    findings = cast(list[dict[str, Any]], report[0]["bevindingen"])
    assert result.exit_code == 0, findings
    assert not [f for f in findings if f["ernst"] == "fout"], findings
    return findings


def load(page: Any, path: Path) -> str:
    page.locator("#bestand-openen").set_input_files(str(path))
    status = page.locator("#meldform-status")
    status.filter(has_text=path.name).wait_for()
    return cast(str, status.inner_text())


def visible(page: Any, selector: str) -> bool:
    return cast(bool, page.locator(selector).is_visible())


def relevant(page: Any, selector: str) -> bool:
    """Shown and not marked 'not asked now' by the afwegingskader."""
    classes = page.locator(selector).get_attribute("class") or ""
    return visible(page, selector) and "niet-relevant" not in classes.split()


def patterns_compile(page: Any) -> list[str]:
    """Patterns the browser cannot compile (it would silently ignore them)."""
    return cast(
        list[str],
        page.evaluate(
            """() => Array.from(document.querySelectorAll('[pattern]')).map(e => e.getAttribute('pattern')).filter(p => {
            try { new RegExp('^(?:' + p + ')$', 'v'); return false; } catch (e) { return true; } })"""
        ),
    )


# -- scenario A: onderwijs, a melding with children -------------------------------------------------------
def test_onderwijs_melding_fill_save_validate_and_load_back(watched: Watched, forms: dict[tuple[str, str], Path], tmp_path: Path) -> None:
    started = time.monotonic()
    page = watched.open(forms[("melding", "onderwijs")])
    assert patterns_compile(page) == []

    page.fill("#f-kenmerk", "ONW-2025-017")
    page.fill("#f-datum", DATUM)
    page.fill("#f-melder-naam-voornamen", "Marieke")
    page.fill("#f-melder-naam-geslachtsnaam", "Visser")
    page.fill("#f-melder-functie", "aandachtsfunctionaris")
    page.fill("#f-melder-organisatie-naam", "Basisschool De Regenboog (fictief)")
    page.fill("#f-melder-telefoon", "+31 (0)38 456 7890")
    page.fill("#f-melder-email", "m.visser@regenboog.example.nl")
    # "open melden, tenzij": the reason appears only when the identity is shielded
    assert not visible(page, "#f-melder-redenAfschermen")
    radio(page, "#f-melder-identiteitAfschermen", "Ja")
    assert visible(page, "#f-melder-redenAfschermen")
    assert page.locator("#f-melder-redenAfschermen input").first.evaluate("e => e.required")
    page.locator('#f-melder-redenAfschermen input[value="veiligheid_melder"]').check()

    # two children, one adult; a third child is added and removed again
    kind = add(page, "f-betrokkenen-kinderen")
    assert kind.locator('[data-key="id"] input').input_value() == "kind1"
    kind.locator('[data-key="naam"] [data-key="voornamen"] input').fill("Noor")
    kind.locator('[data-key="naam"] [data-key="geslachtsnaam"] input').fill("Bakker")
    kind.locator('[data-key="geboortedatum"] input').fill("2015-04-12")
    kind.locator('[data-key="burgerservicenummer"] input').fill("123456782")
    radio(kind, '[data-key="geslacht"]', "Meisje")
    # an optional address: its required fields only count once something is filled in
    huisnummer = kind.locator('[data-key="adres"] [data-key="huisnummer"] input')
    assert not huisnummer.evaluate("e => e.required")
    kind.locator('[data-key="adres"] [data-key="straat"] input').fill("Kerkstraat")
    assert huisnummer.evaluate("e => e.required")
    kind.locator('[data-key="adres"] [data-key="straat"] input').fill("")
    assert not huisnummer.evaluate("e => e.required")

    kind2 = add(page, "f-betrokkenen-kinderen")
    assert kind2.locator('[data-key="id"] input').input_value() == "kind2"
    kind2.locator('[data-key="naam"] [data-key="voornamen"] input').fill("Daan")
    kind2.locator('[data-key="naam"] [data-key="geslachtsnaam"] input').fill("Bakker")
    kind2.locator('[data-key="leeftijd"] input').fill("7")
    weg = add(page, "f-betrokkenen-kinderen")
    weg.locator('[data-key="naam"] [data-key="voornamen"] input').fill("Weg")
    weg.locator('[data-key="naam"] [data-key="geslachtsnaam"] input').fill("Ermee")
    assert items(page, "f-betrokkenen-kinderen").count() == 3
    weg.locator("[data-remove]").click()
    assert items(page, "f-betrokkenen-kinderen").count() == 2
    assert "Weg Ermee" not in page.locator("#f-betrokkenen-slachtoffers").inner_text()

    ouder = add(page, "f-betrokkenen-volwassenen")
    ouder.locator('[data-key="id"] input').fill("moeder")
    pick(ouder, '[data-key="rol"]', "ouder")
    radio(ouder, '[data-key="gezag"]', "Ja")
    ouder.locator('[data-key="naam"] [data-key="voornamen"] input').fill("Sanne")
    ouder.locator('[data-key="naam"] [data-key="geslachtsnaam"] input').fill("Bakker")
    ouder.locator('[data-key="geboortedatum"] input').fill("1987-09-30")
    ouder.locator('[data-key="telefoon"] input').fill("06 1234 5678")

    # persons are picked by name
    page.locator("#f-betrokkenen-vermoedelijkePlegers").get_by_label("Sanne Bakker (ouder)").check()
    page.locator("#f-betrokkenen-slachtoffers").get_by_label("Noor Bakker (kind)").check()
    page.locator("#f-betrokkenen-slachtoffers").get_by_label("Daan Bakker (kind)").check()

    page.locator('#f-zorgen-aardGeweld input[value="getuige_huiselijk_geweld"]').check()
    page.locator('#f-zorgen-aardGeweld input[value="psychische_mishandeling"]').check()
    signaal = items(page, "f-zorgen-signalen")
    assert signaal.count() == 1  # a required repeat starts with its minimum
    signaal.locator('[data-key="omschrijving"] textarea').fill("Noor vertelt dat er thuis 's avonds hard geschreeuwd wordt.")
    signaal.locator('[data-key="datum"] input').fill("2025-09-22")
    pick(signaal, '[data-key="bron"]', "verteld_door_kind")
    signaal.locator('[data-key="betreft"]').get_by_label("Noor Bakker (kind)").check()
    page.fill("#f-zorgen-risicofactoren", "schulden\n\nrecent ontslag van vader\n")

    # 1.1: each advice of VT is an item; the list may be empty (VT not consulted), so it starts with none
    assert items(page, "f-stappen-adviesVeiligThuis").count() == 0
    advies = add(page, "f-stappen-adviesVeiligThuis")
    advies.locator('[data-key="datum"] input').fill("2025-09-24")
    # no conversation with the client: the reason appears, the date goes
    radio(page, "#f-stappen-gesprekMetClient-gevoerd", "Nee")
    assert visible(page, "#f-stappen-gesprekMetClient-redenGeenGesprek")
    assert not visible(page, "#f-stappen-gesprekMetClient-datum")
    pick(page, "#f-stappen-gesprekMetClient-redenGeenGesprek", "veiligheid_client")
    page.fill("#f-stappen-gesprekMetClient-toelichting", "Moeder is bang voor de reactie van haar partner.")

    radio(page, "#f-afweging-vermoeden", "Ja")
    radio(page, "#f-afweging-acuteOnveiligheid", "Nee")
    assert not relevant(page, "#f-afweging-hulpMogelijk")  # 2b not answered yet: 3 not yet relevant
    radio(page, "#f-afweging-structureleOnveiligheid", "Ja")
    for question in ("hulpMogelijk", "hulpAanvaard", "hulpResultaat"):
        # not asked now (VT works through 3-5 with the melder), but still answerable and kept
        assert visible(page, f"#f-afweging-{question}") and not relevant(page, f"#f-afweging-{question}")
        assert page.locator(f"#f-afweging-{question} [data-not-relevant-note]").is_visible()
    radio(page, "#f-afweging-hulpMogelijk", "Nee")  # answered anyway: the contract keeps it
    page.fill("#f-afweging-toelichting", "Structurele onveiligheid: Noor is regelmatig getuige van ruzies.")
    cijfer = add(page, "f-afweging-veiligheidscijfers")
    cijfer.locator('[data-key="betrokkene"] select').select_option(label="Noor Bakker (kind)")
    cijfer.locator('[data-key="cijfer"] input').fill("4")
    cijfer2 = add(page, "f-afweging-veiligheidscijfers")
    cijfer2.locator('[data-key="betrokkene"] select').select_option(label="de melder")
    cijfer2.locator('[data-key="cijfer"] input').fill("5")

    radio(page, "#f-besluit-melden", "Ja")
    radio(page, "#f-besluit-hulpBieden", "Ja")
    page.fill("#f-besluit-toelichting", "Melden en de zorgstructuur van school blijft betrokken.")

    radio(page, "#f-betrokkenheidOuders-geinformeerd", "Nee")
    assert visible(page, "#f-betrokkenheidOuders-redenNietGeinformeerd")
    pick(page, "#f-betrokkenheidOuders-redenNietGeinformeerd", "veiligheid_client")

    page.locator('#f-verwachtingVeiligThuis-verwachtingen input[value="veiligheidsbeoordeling"]').check()
    page.locator('#f-verwachtingVeiligThuis-verwachtingen input[value="registratie_radarfunctie"]').check()
    page.fill("#f-verwachtingVeiligThuis-toelichting", "Een veiligheidsbeoordeling en registratie.")

    assert not visible(page, "#f-eerdereBetrokkenheidVeiligThuis-eerdereContacten")
    radio(page, "#f-eerdereBetrokkenheidVeiligThuis-status", "Ja")
    contact = items(page, "f-eerdereBetrokkenheidVeiligThuis-eerdereContacten")
    assert contact.count() == 1  # "ja" needs a contact: the first one appears
    contact.locator('[data-key="datum"] input').fill("2022-05-01")
    radio(contact, '[data-key="soort"]', "Melding")
    contact.locator('[data-key="dossiernummer"] input').fill("VT-2022-00123")

    pick(page, "#f-sectorSpecifiek-onderwijstype", "po")

    # a person renamed after being picked stays picked under the new name
    kind.locator('[data-key="id"] input').fill("noor")

    first = save(page, tmp_path / "ONW-2025-017.json")
    assert [k["id"] for k in first["betrokkenen"]["kinderen"]] == ["noor", "kind2"]
    assert first["zorgen"]["signalen"][0]["betreft"] == ["noor"]
    assert first["betrokkenen"]["slachtoffers"] == ["noor", "kind2"]
    assert first["zorgen"]["risicofactoren"] == ["schulden", "recent ontslag van vader"]
    assert first["afweging"]["veiligheidscijfers"][1] == {"betrokkene": "melder", "cijfer": 5}
    assert first["stappen"]["gesprekMetClient"] == {
        "gevoerd": False,
        "redenGeenGesprek": "veiligheid_client",
        "toelichting": "Moeder is bang voor de reactie van haar partner.",
    }
    assert first["afweging"]["hulpMogelijk"] is False  # an answer given anyway is kept
    assert "hulpAanvaard" not in first["afweging"]
    assert "adres" not in first["betrokkenen"]["kinderen"][0]
    assert first["melder"]["identiteitAfschermen"] is True
    assert first["betrokkenen"]["kinderen"][1]["leeftijd"] == 7
    assert first["schemaVersie"] == "1.1" and first["soort"] == "melding" and first["sector"] == "onderwijs"
    validate(tmp_path / "ONW-2025-017.json")

    # load it back into a fresh form: every field restored, saving again gives the same file
    again = Watched(watched.page.context.browser)
    try:
        page2 = again.open(forms[("melding", "onderwijs")])
        message = load(page2, tmp_path / "ONW-2025-017.json")
        assert "Let op" not in message, message
        assert page2.locator("#f-betrokkenen-slachtoffers").get_by_label("Noor Bakker (kind)").is_checked()
        second = save(page2, tmp_path / "again" / "ONW-2025-017.json")
        again.check_clean()
    finally:
        again.close()
    assert second == first
    assert time.monotonic() - started < 40


# -- scenario B: gezondheidszorg, an anonymous adviesvraag ------------------------------------------------
def test_gezondheidszorg_advies_with_tristate(watched: Watched, forms: dict[tuple[str, str], Path], tmp_path: Path) -> None:
    page = watched.open(forms[("advies", "gezondheidszorg")])
    assert patterns_compile(page) == []
    # an advies asks nothing that identifies the family
    for key in ("naam", "burgerservicenummer", "adres", "geboortedatum", "telefoon", "schoolOfOpvang"):
        assert (
            page.locator("#f-betrokkenen-kinderen template, #f-betrokkenen-volwassenen template").evaluate_all(
                "(ts, key) => ts.some(t => t.content.querySelector('[data-key=\"' + key + '\"]'))", key
            )
            is False
        )

    page.fill("#f-kenmerk", "HA-ADV-7")
    page.fill("#f-datum", DATUM)
    page.fill("#f-melder-naam-voornamen", "Esther")
    page.fill("#f-melder-naam-geslachtsnaam", "de Boer")
    page.fill("#f-melder-functie", "huisarts")
    page.fill("#f-melder-organisatie-naam", "Huisartsenpraktijk De Linde (fictief)")
    page.fill("#f-melder-telefoon", "14 038")
    kind = add(page, "f-betrokkenen-kinderen")
    kind.locator('[data-key="leeftijd"] input').fill("6")
    radio(kind, '[data-key="geslacht"]', "Jongen")
    page.locator('#f-zorgen-aardGeweld input[value="lichamelijke_mishandeling"]').check()
    signaal = items(page, "f-zorgen-signalen")
    signaal.locator('[data-key="omschrijving"] textarea').fill("Onverklaarde blauwe plekken op beide bovenarmen.")
    signaal.locator('[data-key="betreft"]').get_by_label("kind1 (kind)").check()
    radio(page, "#f-stappen-gesprekMetClient-gevoerd", "Ja")
    page.fill("#f-stappen-gesprekMetClient-datum", "2025-09-30")

    radio(page, "#f-afweging-vermoeden", "Ja")
    radio(page, "#f-afweging-acuteOnveiligheid", "Nee")
    radio(page, "#f-afweging-structureleOnveiligheid", "Nee")
    # no acute or structural unsafety: question 3 becomes relevant, 4 only after "ja" on 3
    assert relevant(page, "#f-afweging-hulpMogelijk")
    assert not relevant(page, "#f-afweging-hulpAanvaard")
    radio(page, "#f-afweging-hulpMogelijk", "Ja")
    assert relevant(page, "#f-afweging-hulpAanvaard")
    assert not page.locator("#f-afweging-hulpAanvaard [data-not-relevant-note]").is_visible()
    assert page.locator("#f-afweging-hulpAanvaard").get_by_label("Niet beantwoord", exact=True).is_checked()
    page.fill("#f-afweging-toelichting", "Ik twijfel; daarom vraag ik advies.")
    radio(page, "#f-eerdereBetrokkenheidVeiligThuis-status", "Nee")

    data = save(page, tmp_path / "HA-ADV-7.json")
    assert data["afweging"]["hulpMogelijk"] is True
    assert "hulpAanvaard" not in data["afweging"]  # "niet beantwoord" is left out
    assert data["betrokkenen"]["kinderen"] == [{"id": "kind1", "leeftijd": 6, "geslacht": "man"}]
    assert "besluit" not in data and "betrokkenheidOuders" not in data
    validate(tmp_path / "HA-ADV-7.json")


def test_loading_a_file_of_another_sector_is_refused_with_a_message(watched: Watched, forms: dict[tuple[str, str], Path], tmp_path: Path) -> None:
    other = tmp_path / "ander.json"
    other.write_text(json.dumps({"schemaVersie": "1.1", "soort": "melding", "sector": "onderwijs", "kenmerk": "X1"}), encoding="utf-8")
    page = watched.open(forms[("advies", "gezondheidszorg")])
    page.fill("#f-kenmerk", "BLIJFT")
    message = load(page, other)
    assert "soort" in message and "melding" in message and "Adviesvraag" in message
    assert page.locator("#f-kenmerk").input_value() == "BLIJFT"
    # data that do not fit the form are named, not silently dropped
    odd = tmp_path / "vreemd.json"
    odd.write_text(json.dumps({"soort": "advies", "sector": "gezondheidszorg", "kenmerk": "K9", "onbekendVeld": 1}), encoding="utf-8")
    message = load(page, odd)
    assert "onbekend onderdeel 'onbekendVeld'" in message and "/onbekendVeld" not in message
    assert page.locator("#f-kenmerk").input_value() == "K9"
    broken = tmp_path / "kapot.json"
    broken.write_text("{niet: json", encoding="utf-8")
    message = load(page, broken)  # in the user's words, not "JSON" (issue 12.3)
    assert "kapot.json" in message and "geen opgeslagen formulier" in message


# -- scenario C: keyboard only ----------------------------------------------------------------------------
def test_keyboard_reaches_every_control_and_adds_a_child(watched: Watched, forms: dict[tuple[str, str], Path]) -> None:
    page = watched.open(forms[("melding", "onderwijs")])
    # nothing has the focus yet: the first Tab goes to the first control of the page
    expected = page.evaluate(
        """() => {
            const stops = new Set();
            document.querySelectorAll('input, select, textarea, button').forEach((e, i) => {
                e.dataset.t = String(i);
                const shown = !e.closest('[hidden]') && e.type !== 'hidden' && !e.disabled && e.getClientRects().length > 0;
                if (shown) stops.add(e.type === 'radio' ? 'radio:' + e.name : e.dataset.t);
            });
            return Array.from(stops);
        }"""
    )
    seen: set[str] = set()
    for _ in range(len(expected) * 2 + 10):
        page.keyboard.press("Tab")
        key = page.evaluate(
            "() => { const e = document.activeElement; return e && e.dataset && e.dataset.t ? (e.type === 'radio' ? 'radio:' + e.name : e.dataset.t) : ''; }"
        )
        if key:
            seen.add(key)
        if seen >= set(expected):
            break
    assert set(expected) - seen == set()

    add_child = page.locator("#f-betrokkenen-kinderen > .herhaalknoppen [data-add]")
    add_child.focus()
    page.keyboard.press("Enter")
    assert items(page, "f-betrokkenen-kinderen").count() == 1
    # the new child's first field has the focus: type straight away
    assert page.evaluate("document.activeElement.closest('[data-item]') !== null")
    add_child.focus()
    page.keyboard.press("Space")
    assert items(page, "f-betrokkenen-kinderen").count() == 2

    # radio buttons by arrow keys, and the conditional reason appears
    page.locator("#f-stappen-gesprekMetClient-gevoerd").get_by_label("Ja", exact=True).focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    assert page.locator("#f-stappen-gesprekMetClient-gevoerd").get_by_label("Nee", exact=True).is_checked()
    assert visible(page, "#f-stappen-gesprekMetClient-redenGeenGesprek")

    # saving an incomplete form lists what is missing, each entry leading to its field
    page.locator(".werkbalk [data-save]").focus()
    page.keyboard.press("Enter")
    summary = page.locator("#fouten")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "fouten"
    assert "Kenmerk" in summary.inner_text()
    summary.locator("a").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "f-kenmerk"


def test_screenshot_of_a_filled_form(watched: Watched, forms: dict[tuple[str, str], Path]) -> None:
    """Not an assertion on looks: a picture of a filled part of the form for people to look at (/tmp/form.png)."""
    page = watched.open(forms[("melding", "onderwijs")])
    page.fill("#f-kenmerk", "ONW-2025-017")
    kind = add(page, "f-betrokkenen-kinderen")
    kind.locator('[data-key="naam"] [data-key="voornamen"] input').fill("Noor")
    kind.locator('[data-key="naam"] [data-key="geslachtsnaam"] input').fill("Bakker")
    kind.locator('[data-key="geboortedatum"] input').fill("2015-04-12")
    radio(kind, '[data-key="geslacht"]', "Meisje")
    radio(page, "#f-stappen-gesprekMetClient-gevoerd", "Nee")
    page.locator("#f-stappen-gesprekMetClient-metWie").get_by_label("Noor Bakker (kind)").check()
    page.locator("#f-stappen-gesprekMetClient").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('f-stappen-gesprekMetClient').scrollIntoView({block: 'start'})")
    page.screenshot(path="/tmp/form.png")
