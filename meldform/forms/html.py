"""A blank, fillable HTML form for one sector and soort: one self-contained file that works offline.

The form is generated from the layout model (``meldform.model.layout``) and nothing else: the template
walks the tree of groups, repeats and fields, and the form's script (``templates/form.js``) reads
everything it needs — keys, widgets, conditions, which repeats hold persons — from ``data-``
attributes written here, and the field kinds from the layout model's enum (``data-kinds``). No
field name appears in the template or the script, so a property added to a schema shows up in the
form without a template change.

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
from enum import StrEnum
from functools import cache
from typing import Any

from jinja2 import Template

from meldform.check.migrate import VERSIE, VERSIE_OUD
from meldform.check.rules import NIET_TER_INZAGE_VERBODEN
from meldform.documents.render_html import environment
from meldform.model.kinds import Kind
from meldform.model.layout import NAME_DISPLAY, Condition, Field, Group, Layout, Repeat
from meldform.model.persons import MELDER
from meldform.resources import resource_dir
from meldform.texts import localized
from meldform.texts.forms_html import FORM_WORDS
from meldform.texts.words import WORDS

# Enums with at most this many options are radio buttons; longer ones a select.
MAX_RADIOS = 4


class Control(StrEnum):
    """The HTML control a field gets (``form.html.j2`` lays out each)."""

    RADIO = "radio"
    SELECT = "select"
    CHECKBOXES = "checkboxes"
    TEXTAREA = "textarea"
    HIDDEN = "hidden"
    INPUT = "input"


def words(lang: str) -> dict[str, str]:
    """The form's words in ``lang``, with the shared ones ('of', 'de melder')."""
    return {**localized(WORDS, lang), **localized(FORM_WORDS, lang)}


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


def _widget(node: Field) -> Control:
    """Which control a field gets."""
    kind = node.kind
    if kind == Kind.ENUM:
        return Control.RADIO if len(node.options) <= MAX_RADIOS else Control.SELECT
    if kind in (Kind.BOOLEAN, Kind.TRISTATE):
        return Control.RADIO
    if kind in (Kind.ENUM_MULTI, Kind.PERSONS):
        return Control.CHECKBOXES
    if kind in (Kind.PERSON, Kind.PERSON_OR_MELDER, Kind.PART):
        return Control.SELECT
    if kind in (Kind.TEXTAREA, Kind.TEXT_LIST):
        return Control.TEXTAREA
    if kind == Kind.HIDDEN:
        return Control.HIDDEN
    return Control.INPUT


# A date is a text input: a browser's date input follows the browser's locale (an en-US Chromium
# reads a typed 01122026 as 12 January); the form's script reads dd-mm-jjjj whatever the locale.
_INPUT_TYPES = {Kind.DATE: "text", Kind.INTEGER: "number", Kind.EMAIL: "email", Kind.TEL: "tel", Kind.TEXT: "text", Kind.PERSON_ID: "text"}


def _input_type(node: Field) -> str:
    return _INPUT_TYPES.get(node.kind, "text")


def _attribute_value(value: Any) -> str:
    """A choice's value as the form's script reads it back: the option key, 'true', 'false', '' (not answered)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _choices(node: Field, lang: str) -> list[tuple[str, str, str | None]]:
    """(value, label, help) of each radio button or option (the layout's choices)."""
    return [(_attribute_value(c.value), c.label, c.help) for c in node.choices(lang)]


def _stacked(node: Field) -> bool:
    """Radio buttons under each other (long labels, help per option) or side by side (Ja / Nee)."""
    options = _choices(node, "nl")
    return len(options) > 5 or any(help_text for _, _, help_text in options) or any(len(label) > 24 for _, label, _ in options)


def _add_label(node: Repeat, lang: str) -> str:
    """'Kind toevoegen', 'Eerder contact met Veilig Thuis toevoegen', 'Add child'."""
    label = node.item.label
    text = words(lang)["toevoegen"].format(label=label[:1].lower() + label[1:])
    return text[:1].upper() + text[1:]


def _fixed_label(node: Field) -> str:
    value = node.fixed_value
    return node.option_label(value) if node.options else str(value)


def _pattern_hint_shown(node: Field) -> bool:
    """Show the pattern's hint unless the widget makes it moot or the help already says it."""
    if not node.pattern_hint or node.kind in (Kind.DATE, Kind.PERSON, Kind.PERSON_OR_MELDER, Kind.PERSONS, Kind.PART):
        return False
    return node.pattern_hint.rstrip(".").lower() not in (node.help or "").lower()


def _id_prefix(label: str) -> str:
    """The prefix of suggested ids for a person repeat: 'Kind' → 'kind', 'Volwassene' → 'volw'."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    letters = re.sub(r"[^a-z]", "", plain)
    return (letters if len(letters) <= 6 else letters[:4]) or "p"


def _person_sources(layout: Layout) -> list[Repeat]:
    return [node for _, node in layout.person_repeats()]


def older_versions(layout: Layout) -> dict[str, list[str]]:
    """The versions of the format the form does not open itself (``{key: ["1.0"]}``): the hidden
    field whose fixed value is the current version, and the version ``meldform migrate`` converts.

    The form refuses such a file with a sentence saying who can convert it; it does not migrate
    in the browser, since the migration's steps name fields (check/migrate.py) and the form's
    script names none.
    """
    for child in layout.root.children:
        if isinstance(child, Field) and child.kind == Kind.HIDDEN and child.has_fixed_value and child.fixed_value == VERSIE:
            return {child.key: [VERSIE_OUD]}
    return {}


def default_file_stem(layout: Layout) -> str:
    return f"meldformulier-{layout.sector}" + ("" if layout.soort == "melding" else f"-{layout.soort}")


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
            "oude_versie",
            "geen_json",
            "geen_object",
            "ander_formulier",
            "niet_overgenomen",
            "onbekend_deel",
            "onderdeel_leeg",
            "heel_bestand",
            "niet_opgeslagen_weg",
            "datum_vorm_fout",
            "datum_bestaat_niet",
            "datum_jaar",
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
        kinds=Kind.as_json(),
        K=Kind,
        C=Control,
        geen_personen=w["geen_personen"].format(bronnen=bronnen),
        melder_ref=MELDER,
        name_display=NAME_DISPLAY,
        file_name_key=layout.file_name_key or "",
        default_stem=default_file_stem(layout),
        older=_json(older_versions(layout)),
        # the parts a "niet ter inzage" request may not name (what identifies the document itself)
        parts_not_allowed=_json(sorted(NIET_TER_INZAGE_VERBODEN)),
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
        fixed_value=lambda n: _json(n.fixed_value),
        fixed_label=_fixed_label,
        html_pattern=html_pattern,
        hint_shown=_pattern_hint_shown,
        id_prefix=_id_prefix,
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


__all__ = ["Control", "blank_html", "default_file_stem", "html_pattern", "older_versions", "words"]
