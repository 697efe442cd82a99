"""A blank, fillable HTML form for one sector and soort: one self-contained file that works offline.

The form is generated from the layout model (``meldform.model.layout``) and nothing else: the template
walks the tree of groups, repeats and fields, and the form's script (``templates/form.js``) reads
everything it needs — keys, widgets, conditions, which repeats hold persons — from ``data-``
attributes written here. No field name appears in the template or the script, so a property added
to a schema shows up in the form without a template change.

Security: every text from the layout is escaped by Jinja2's autoescape; the only script is the
form's own, inline, and the Content-Security-Policy allows exactly that script and the inline
stylesheet (by their SHA-256 hashes), no network, no form submission.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
from functools import cache
from typing import Any

from jinja2 import Template

from meldform.documents.render_html import environment
from meldform.documents.rendering import output_name
from meldform.model.layout import (
    BOOLEAN,
    DATE,
    EMAIL,
    ENUM,
    ENUM_MULTI,
    HIDDEN,
    INTEGER,
    PERSON,
    PERSON_ID,
    PERSON_OR_MELDER,
    PERSONS,
    TEL,
    TEXT,
    TEXT_LIST,
    TEXTAREA,
    TRISTATE,
    Condition,
    Field,
    Group,
    Layout,
    Repeat,
)
from meldform.resources import resource_dir
from meldform.texts.messages import localized, render_word

# The reference a person field uses for the professional who reports (melding-1.0.md: ``melder``
# is reserved and is not a person id). The layout has no option for it (see the report).
MELDER_REF = "melder"

# The ``x-weergave`` (Group.display) of a person's name: the person pickers label persons with it.
NAME_DISPLAY = "naam"

# Enums with at most this many options are radio buttons; longer ones a select.
MAX_RADIOS = 4

# Every word of the form's own interface (not of the schema), Dutch and English.
FORM_WORDS: dict[str, dict[str, str]] = {
    "uitleg": {
        "nl": "Vul het formulier in en sla het op als bestand (JSON). Dat bestand kunt u later weer openen om verder te gaan, "
        "en het kan worden gecontroleerd met 'meldform validate'. Het formulier werkt zonder internet en bewaart niets in de browser.",
        "en": "Fill in the form and save it as a file (JSON). You can open that file again later to continue, "
        "and it can be checked with 'meldform validate'. The form works without internet and stores nothing in the browser.",
    },
    "privacy": {
        "nl": "Het opgeslagen bestand bevat bijzondere persoonsgegevens: bewaar het veilig en deel het alleen met wie het nodig heeft.",
        "en": "The saved file contains special categories of personal data: keep it safe and share it only with those who need it.",
    },
    "verplicht_uitleg": {"nl": "Velden met een * zijn verplicht.", "en": "Fields marked * are required."},
    "werkbalk": {"nl": "Bestand", "en": "File"},
    "openen": {"nl": "Opgeslagen formulier openen (JSON)", "en": "Open a saved form (JSON)"},
    "opslaan": {"nl": "Opslaan als bestand", "en": "Save as file"},
    "afdrukken": {"nl": "Afdrukken", "en": "Print"},
    "ja": {"nl": "Ja", "en": "Yes"},
    "nee": {"nl": "Nee", "en": "No"},
    "niet_beantwoord": {"nl": "Niet beantwoord", "en": "Not answered"},
    "niet_nodig": {
        "nl": "Volgens het afwegingskader is deze vraag nu niet aan de orde. U mag haar toch beantwoorden; het antwoord wordt bewaard.",
        "en": "According to the assessment framework this question does not apply now. You may still answer it; the answer is kept.",
    },
    "kies": {"nl": "— kies —", "en": "— choose —"},
    "toevoegen": {"nl": "{label} toevoegen", "en": "Add {label}"},
    "verwijderen": {"nl": "Verwijderen", "en": "Remove"},
    "verwijder_item": {"nl": "{titel} verwijderen", "en": "Remove {titel}"},
    "per_regel": {"nl": "Eén per regel.", "en": "One per line."},
    "vorm": {"nl": "Vorm: {hint}.", "en": "Form: {hint}."},
    "melder": {"nl": render_word("melder_zelf", "nl"), "en": render_word("melder_zelf", "en")},
    "geen_personen": {
        "nl": "Nog niemand om te kiezen: voeg eerst {bronnen} toe; daarna kunt u hier kiezen.",
        "en": "Nobody to choose yet: first add {bronnen}; then you can choose here.",
    },
    "of": {"nl": "of", "en": "or"},
    "onbekende_persoon": {"nl": "{id} (niet gevonden)", "en": "{id} (not found)"},
    "id_dubbel": {"nl": "Deze aanduiding is al gebruikt voor een andere persoon.", "en": "This label is already used for another person."},
    "id_gereserveerd": {
        "nl": "'{id}' is gereserveerd voor de melder; kies een andere aanduiding.",
        "en": "'{id}' is reserved for the reporter; choose another label.",
    },
    "kies_minstens_een": {"nl": "Kies minstens één.", "en": "Choose at least one."},
    "te_lange_regel": {"nl": "Een regel is te lang (hoogstens {max} tekens).", "en": "A line is too long (at most {max} characters)."},
    "leeg": {"nl": "Vul dit veld in (niet alleen spaties).", "en": "Fill in this field (not only spaces)."},
    "fout_verplicht": {"nl": "vul dit in", "en": "fill this in"},
    "fout_vorm": {"nl": "heeft niet de juiste vorm", "en": "does not have the right form"},
    "fout_te_lang": {"nl": "is te lang", "en": "is too long"},
    "fout_bereik": {"nl": "moet tussen {min} en {max} liggen", "en": "must be between {min} and {max}"},
    "fout_ongeldig": {"nl": "is ongeldig", "en": "is invalid"},
    "fouten_kop": {"nl": "Het formulier is nog niet compleet", "en": "The form is not complete yet"},
    "fouten_uitleg": {
        "nl": "Vul deze velden aan of verbeter ze. U kunt het formulier ook als concept opslaan en later verder gaan.",
        "en": "Complete or correct these fields. You can also save the form as a draft and continue later.",
    },
    "toch_opslaan": {"nl": "Toch opslaan als concept", "en": "Save as draft anyway"},
    "opgeslagen": {"nl": "Opgeslagen als {bestand}.", "en": "Saved as {bestand}."},
    "concept_opgeslagen": {
        "nl": "Opgeslagen als {bestand} (concept: nog niet compleet).",
        "en": "Saved as {bestand} (draft: not complete yet).",
    },
    "geladen": {"nl": "{bestand} is geopend.", "en": "{bestand} has been opened."},
    "niet_geladen": {"nl": "{bestand} is niet geopend: {reden}", "en": "{bestand} was not opened: {reden}"},
    "geen_json": {"nl": "dit is geen leesbaar JSON-bestand.", "en": "this is not a readable JSON file."},
    "geen_object": {"nl": "het bestand bevat geen melding.", "en": "the file does not contain a melding."},
    "ander_formulier": {
        "nl": "dit bestand hoort bij {veld} '{gevonden}', dit formulier is voor {veld} '{verwacht}'. Open het in het formulier dat daarbij hoort.",
        "en": "this file belongs to {veld} '{gevonden}', this form is for {veld} '{verwacht}'. Open it in the matching form.",
    },
    "niet_overgenomen": {
        "nl": "Let op: deze gegevens uit het bestand passen niet in dit formulier en worden niet opnieuw opgeslagen: {paden}",
        "en": "Note: these data from the file do not fit this form and will not be saved again: {paden}",
    },
    "niet_opgeslagen_weg": {
        "nl": "Er zijn wijzigingen die nog niet zijn opgeslagen.",
        "en": "There are changes that have not been saved.",
    },
    "voettekst": {
        "nl": "Leeg formulier gemaakt met meldform. Uw gegevens blijven op deze computer tot u het bestand zelf opslaat en deelt.",
        "en": "Blank form made with meldform. Your data stay on this computer until you save and share the file yourself.",
    },
}


def words(lang: str) -> dict[str, str]:
    return localized(FORM_WORDS, lang)


# -- patterns ---------------------------------------------------------------------------------------
# Browsers compile the HTML ``pattern`` attribute with the ``v`` flag, which is stricter than the
# ECMA patterns of the schema: inside a character class ( ) [ ] { } / - \ | must be escaped, and
# doubled punctuators are reserved. This escapes literal ones so the same pattern works.
_CLASS_SYNTAX = set("()[]{}/-|")
_DOUBLE_RESERVED = set("&!#$%*+,.:;<=>?@^`~")


def html_pattern(pattern: str) -> str:
    """An ECMA pattern rewritten so it also compiles with the ``v`` flag (same language)."""
    out: list[str] = []
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch != "[":
            out.append(ch)
            i += 1
            continue
        # a character class: copy it, escaping what the v flag reserves
        out.append("[")
        i += 1
        if i < n and pattern[i] == "^":
            out.append("^")
            i += 1
        start = i
        while i < n and not (pattern[i] == "]" and i > start):
            c = pattern[i]
            if c == "\\" and i + 1 < n:
                out.append(pattern[i : i + 2])
                i += 2
                continue
            if c == "-":
                # a range a-z stays a range; a leading or trailing dash is literal
                is_range = i > start and i + 1 < n and pattern[i + 1] != "]" and pattern[i - 1] != "\\"
                out.append("-" if is_range else "\\-")
            elif c == "]" and i == start:
                out.append("\\]")
            elif c in _CLASS_SYNTAX:
                out.append("\\" + c)
            elif c in _DOUBLE_RESERVED and i + 1 < n and pattern[i + 1] == c:
                out.append("\\" + c)
            else:
                out.append(c)
            i += 1
        out.append("]")
        i += 1
    return "".join(out)


# -- helpers for the template -----------------------------------------------------------------------
def _json(value: Any) -> str:
    """JSON for a data- attribute (Jinja escapes it for the attribute)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _conditions(conditions: tuple[Condition, ...]) -> str:
    return _json([{"key": c.key, "value": c.value, "negate": c.negate} for c in conditions])


def _widget(node: Field) -> str:
    """Which control a field gets."""
    kind = node.kind
    if kind == ENUM:
        return "radio" if len(node.options) <= MAX_RADIOS else "select"
    if kind in (BOOLEAN, TRISTATE):
        return "radio"
    if kind in (ENUM_MULTI, PERSONS):
        return "checkboxes"
    if kind in (PERSON, PERSON_OR_MELDER):
        return "select"
    if kind in (TEXTAREA, TEXT_LIST):
        return "textarea"
    if kind == HIDDEN:
        return "hidden"
    return "input"


_INPUT_TYPES = {DATE: "date", INTEGER: "number", EMAIL: "email", TEL: "tel", TEXT: "text", PERSON_ID: "text"}


def _input_type(node: Field) -> str:
    return _INPUT_TYPES.get(node.kind, "text")


def _choices(node: Field, lang: str) -> list[tuple[str, str, str | None]]:
    """(value, label, help) of each radio button or option; booleans answer Ja/Nee."""
    w = words(lang)
    if node.kind == BOOLEAN:
        return [("true", w["ja"], None), ("false", w["nee"], None)]
    if node.kind == TRISTATE:
        return [("true", w["ja"], None), ("false", w["nee"], None), ("", w["niet_beantwoord"], None)]
    return [(o.value, o.label, o.help) for o in node.options]


def _stacked(node: Field) -> bool:
    """Radio buttons under each other (long labels, help per option) or side by side (Ja / Nee)."""
    options = _choices(node, "nl")
    return len(options) > 5 or any(help_text for _, _, help_text in options) or any(len(label) > 24 for _, label, _ in options)


def _add_label(node: Repeat, lang: str) -> str:
    """'Kind toevoegen', 'Eerder contact met Veilig Thuis toevoegen', 'Add child'."""
    label = node.item.label
    text = words(lang)["toevoegen"].format(label=label[:1].lower() + label[1:])
    return text[:1].upper() + text[1:]


def _fixed_value(node: Field) -> Any:
    """The value a hidden field always has (its ``const`` or its single option)."""
    if node.const is not None:
        return node.const
    if len(node.options) == 1:
        return node.options[0].value
    raise ValueError(f"verborgen veld '{node.key}' heeft geen vaste waarde")


def _fixed_label(node: Field) -> str:
    value = _fixed_value(node)
    return node.option_label(value) if node.options else str(value)


def _pattern_hint_shown(node: Field) -> bool:
    """Show the pattern's hint unless the widget makes it moot or the help already says it."""
    if not node.pattern_hint or node.kind in (DATE, PERSON, PERSON_OR_MELDER, PERSONS):
        return False
    return node.pattern_hint.rstrip(".").lower() not in (node.help or "").lower()


def _is_person_source(node: Repeat) -> bool:
    """A repeat whose items are persons: its item has an ``id`` field."""
    return any(isinstance(c, Field) and c.kind == PERSON_ID for c in node.item.children)


def _id_prefix(label: str) -> str:
    """The prefix of suggested ids for a person repeat: 'Kind' → 'kind', 'Volwassene' → 'volw'."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    letters = re.sub(r"[^a-z]", "", plain)
    return (letters if len(letters) <= 6 else letters[:4]) or "p"


def _role_key(item: Group) -> str | None:
    """The field that says a person's role in the label of a person ('Sanne Bakker (ouder)').

    The layout does not mark it; the first required single-choice field of the item is taken.
    """
    for child in item.children:
        if isinstance(child, Field) and child.kind == ENUM and child.required:
            return child.key
    return None


def _person_sources(layout: Layout) -> list[Repeat]:
    return [node for _, node in layout.walk() if isinstance(node, Repeat) and _is_person_source(node)]


class _KeyProbe(dict[str, Any]):
    """Records which keys a function reads from a document."""

    def __init__(self) -> None:
        super().__init__()
        self.read: list[str] = []

    def __getitem__(self, key: str) -> Any:
        self.read.append(key)
        return ""

    def get(self, key: str, default: Any = None) -> Any:
        self.read.append(key)
        return default


def _file_name_key(layout: Layout) -> str | None:
    """The top-level field the saved file is named after: the one ``meldform render`` names its output after.

    The layout has no annotation for this; asking ``rendering.output_name`` which key it reads keeps
    the form and the render command in step without naming the field here.
    """
    probe = _KeyProbe()
    try:
        output_name(probe, "json")
    except Exception:  # a probe: any failure means there is no such field
        return None
    for key in probe.read:
        node = layout.root.child(key)
        if isinstance(node, Field) and node.kind not in (HIDDEN,):
            return key
    return None


def default_file_stem(layout: Layout) -> str:
    return f"meldformulier-{layout.sector}" + ("-advies" if layout.soort == "advies" else "")


# -- the page ---------------------------------------------------------------------------------------
def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@cache
def assets() -> tuple[str, str, str, str]:
    """The inline stylesheet and script, and their CSP source expressions."""
    folder = resource_dir("templates")
    css = (folder / "melding.css").read_text(encoding="utf-8") + "\n" + (folder / "form.css").read_text(encoding="utf-8")
    script = (folder / "form.js").read_text(encoding="utf-8")
    if "</style" in css.lower() or "</script" in script.lower() or "<!--" in script:
        raise ValueError("templates/form.css or form.js contains a closing tag")
    return css, _digest(css), script, _digest(script)


@cache
def _template() -> Template:
    env = environment()
    return env.get_template("form.html.j2")


def blank_html(layout: Layout) -> str:
    """The blank form of ``layout`` as one self-contained HTML document."""
    css, style_hash, script, script_hash = assets()
    w = words(layout.lang)
    sources = _person_sources(layout)
    source_labels = [s.label for s in sources]
    if len(source_labels) > 1:
        bronnen = ", ".join(source_labels[:-1]) + f" {w['of']} " + source_labels[-1]
    else:
        bronnen = "".join(source_labels)
    script_words = {
        key: w[key]
        for key in (
            "kies",
            "verwijderen",
            "verwijder_item",
            "melder",
            "onbekende_persoon",
            "id_dubbel",
            "id_gereserveerd",
            "kies_minstens_een",
            "te_lange_regel",
            "leeg",
            "fout_verplicht",
            "fout_vorm",
            "fout_te_lang",
            "fout_bereik",
            "fout_ongeldig",
            "opgeslagen",
            "concept_opgeslagen",
            "geladen",
            "niet_geladen",
            "geen_json",
            "geen_object",
            "ander_formulier",
            "niet_overgenomen",
            "niet_opgeslagen_weg",
        )
    }
    return _template().render(
        layout=layout,
        w=w,
        style=css,
        style_hash=style_hash,
        script=script,
        script_hash=script_hash,
        script_words=_json(script_words),
        geen_personen=w["geen_personen"].format(bronnen=bronnen),
        melder_ref=MELDER_REF,
        name_display=NAME_DISPLAY,
        file_name_key=_file_name_key(layout) or "",
        default_stem=default_file_stem(layout),
        # helpers
        is_field=lambda n: isinstance(n, Field),
        is_group=lambda n: isinstance(n, Group),
        is_repeat=lambda n: isinstance(n, Repeat),
        conds=_conditions,
        as_json=_json,
        widget=_widget,
        input_type=_input_type,
        choices=lambda n: _choices(n, layout.lang),
        stacked=_stacked,
        add_label=lambda n: _add_label(n, layout.lang),
        fixed_value=lambda n: _json(_fixed_value(n)),
        fixed_label=_fixed_label,
        html_pattern=html_pattern,
        hint_shown=_pattern_hint_shown,
        person_source=_is_person_source,
        id_prefix=_id_prefix,
        role_key=_role_key,
        firm_group=_firm_group,
        static_required=_static_required,
        heading=lambda depth: min(depth + 2, 6),
    )


def _firm_group(node: Group, parent_firm: bool) -> bool:
    """Whether a group always counts (so its required children may carry a static ``required``)."""
    return parent_firm and node.required and not node.required_when and not node.visible_when


def _static_required(node: Field | Repeat, firm: bool) -> bool:
    """A static ``required``: required, unconditionally, in groups that always count."""
    return firm and node.required and not node.required_when and not node.visible_when


__all__ = ["FORM_WORDS", "MELDER_REF", "blank_html", "default_file_stem", "html_pattern", "words"]
