"""The layout model: one ordered tree of sections, groups, repeats and fields, derived from the schema.

Every renderer (filled HTML and Word, blank HTML and Word) and the Word importer consume this
model and nothing else of the schema. Labels, help texts, order, widgets, conditions and which
fields exist for a soort come from the schema's annotations; adding a property to a schema adds it
to every output without touching a template or renderer.

Besides the tree, the model holds the facts every output needs and none should work out for
itself: which repeats hold persons and which field gives a person's role (``x-rol``), the value
of a hidden field, the answer choices of a question, and which field names the file
(``x-bestandsnaam``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from meldform.model.i18n import tr
from meldform.model.kinds import MULTI_KINDS, Kind
from meldform.model.schemas import BASE_URI, ROOT_FILE, SECTOR_DIR, Schema, SchemaSet, load_schemas
from meldform.texts import pick
from meldform.texts.documents import INZAGE
from meldform.texts.words import WORDS

Path = tuple[str | int, ...]

# The kinds under their old names (``Kind`` is the one vocabulary; these are its members).
TEXT, TEXTAREA, DATE, INTEGER, BOOLEAN, TRISTATE = Kind.TEXT, Kind.TEXTAREA, Kind.DATE, Kind.INTEGER, Kind.BOOLEAN, Kind.TRISTATE
ENUM, ENUM_MULTI, TEXT_LIST = Kind.ENUM, Kind.ENUM_MULTI, Kind.TEXT_LIST
PERSON, PERSONS, PERSON_OR_MELDER, PERSON_ID = Kind.PERSON, Kind.PERSONS, Kind.PERSON_OR_MELDER, Kind.PERSON_ID
EMAIL, TEL, HIDDEN, PART = Kind.EMAIL, Kind.TEL, Kind.HIDDEN, Kind.PART

ROLE_ANNOTATION = "x-rol"  # on the field of a person's item that says the person's role
NAME_DISPLAY = "naam"  # the ``x-weergave`` (``Group.display``) of a person's name


#: the soorten that name the family (an adviesvraag is anonymous): the family may read them
IDENTIFIED_SOORTEN = ("melding", "dossiernotitie")


@dataclass(frozen=True)
class Condition:
    """``key`` (a sibling field) equals ``value`` — or does not, with ``negate``."""

    key: str
    value: Any
    negate: bool = False

    def holds(self, siblings: dict[str, Any]) -> bool:
        matches = siblings.get(self.key) == self.value and (self.key in siblings)
        if isinstance(self.value, bool) and siblings.get(self.key) is not None:
            matches = siblings.get(self.key) is self.value
        return not matches if self.negate else matches


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    help: str | None = None


@dataclass(frozen=True)
class Choice:
    """One answer a question offers: its JSON value (an option's key, ``true``/``false``/``null``) and label."""

    value: Any
    label: str
    help: str | None = None


@dataclass(frozen=True)
class Field:
    """A leaf: one value (or a list of simple values) with its label and widget."""

    key: str
    label: str
    kind: Kind
    help: str | None = None
    required: bool = False
    required_when: tuple[Condition, ...] = ()
    visible_when: tuple[Condition, ...] = ()
    options: tuple[Option, ...] = ()
    pattern: str | None = None
    pattern_hint: str | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    header: bool = False
    const: Any = None
    # Guidance, not structure: when these hold the framework asks the question; otherwise it is
    # not needed now, but an answer given anyway is kept and shown (``x-relevantAls``).
    relevant_when: tuple[Condition, ...] = ()
    # ``x-vergelijkMet``: a JSON Pointer to a list of the same values elsewhere in the document
    # (an outcome set beside an expectation); renderers show both side by side.
    compare_with: str | None = None

    @property
    def is_multi(self) -> bool:
        return self.kind in MULTI_KINDS

    @property
    def has_fixed_value(self) -> bool:
        return self.const is not None or len(self.options) == 1

    @property
    def fixed_value(self) -> Any:
        """The value this field always has: its ``const``, or its only option (``LookupError`` if neither)."""
        if self.const is not None:
            return self.const
        if len(self.options) == 1:
            return self.options[0].value
        raise LookupError(f"field {self.key!r} has no fixed value")

    def choices(self, lang: str) -> tuple[Choice, ...]:
        """The answers to choose from: the options, Ja/Nee, or Ja/Nee/Niet beantwoord (labels in ``lang``).

        Option labels are in the layout's language; ``lang`` words the yes/no answers, so an
        importer can also accept the answers of another language.
        """
        if self.kind in (BOOLEAN, TRISTATE):
            answers = [Choice(True, pick(WORDS, "ja", lang)), Choice(False, pick(WORDS, "nee", lang))]
            if self.kind == TRISTATE:
                answers.append(Choice(None, pick(WORDS, "onbeantwoord", lang)))
            return tuple(answers)
        return tuple(Choice(o.value, o.label, o.help) for o in self.options)

    def option_label(self, value: Any) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        return str(value)


@dataclass(frozen=True)
class Group:
    """An object: a section (top level), a sub-block, or the item of a repeat."""

    key: str
    label: str
    children: tuple[Node, ...]
    help: str | None = None
    required: bool = False
    required_when: tuple[Condition, ...] = ()
    visible_when: tuple[Condition, ...] = ()
    display: str | None = None  # compact display of the whole object ("naam", "adres", ...)
    conclusion: str | None = None  # a computed conclusion to show (e.g. "afwegingskader")
    intro: str | None = None  # a longer explanation shown above the group
    header: bool = False
    role_key: str | None = None  # the child field that says a person's role (``x-rol``)

    def child(self, key: str) -> Node | None:
        for node in self.children:
            if node.key == key:
                return node
        return None


@dataclass(frozen=True)
class Repeat:
    """An array of objects (children, adults, signals, ...); ``item`` lays out one element."""

    key: str
    label: str
    item: Group
    help: str | None = None
    required: bool = False
    min_items: int = 0
    required_when: tuple[Condition, ...] = ()
    visible_when: tuple[Condition, ...] = ()
    header: bool = False
    slots: int | None = None  # how many items a fixed form (Word) offers; from ``x-slots``
    # ``x-markeert``: each item marks a part of the document ({"pad": key of the pointer,
    # "reden": key of the reason}); renderers show the mark at that part.
    marks: tuple[str, str] | None = None

    @property
    def holds_persons(self) -> bool:
        """A repeat of persons: its item has an id (a ``PERSON_ID`` field) that references point to."""
        return any(isinstance(c, Field) and c.kind == PERSON_ID for c in self.item.children)

    @property
    def id_key(self) -> str | None:
        """The key of the id field of a person's item."""
        return next((c.key for c in self.item.children if isinstance(c, Field) and c.kind == PERSON_ID), None)

    @property
    def role_field(self) -> Field | None:
        """The field of a person's item that says their role ('Sanne Bakker (ouder)'), if the item has one."""
        node = self.item.child(self.item.role_key) if self.item.role_key else None
        return node if isinstance(node, Field) else None


Node = Field | Group | Repeat


def is_person_repeat(node: Node) -> bool:
    return isinstance(node, Repeat) and node.holds_persons


@dataclass(frozen=True)
class Layout:
    soort: str
    sector: str
    lang: str
    root: Group
    sector_label: str
    afwegingskader_naam: str | None = None
    file_name_key: str | None = None  # the top-level field a saved or rendered file is named after

    @property
    def sections(self) -> tuple[Node, ...]:
        return self.root.children

    @property
    def inzage(self) -> str | None:
        """Who can read a document of this soort, shown near the top of the filled document and of
        the blank form (melding-1.1.md, *Niet ter inzage*); an anonymous adviesvraag: none."""
        return pick(INZAGE, self.soort, self.lang) if self.soort in IDENTIFIED_SOORTEN else None

    def person_repeats(self) -> list[tuple[Path, Repeat]]:
        """The repeats that hold persons, with their paths, in document order."""
        return [(path, node) for path, node in self.walk() if isinstance(node, Repeat) and node.holds_persons]

    def walk(self) -> Iterator[tuple[Path, Node]]:
        """Every node with its path; array items appear once, with index ``0`` as placeholder."""
        yield from _walk(self.root, ())

    def node_at(self, path: Path) -> Node | None:
        node: Node = self.root
        for part in path:
            if isinstance(part, int):
                if not isinstance(node, Repeat):
                    return None
                node = node.item
                continue
            if not isinstance(node, Group):
                return None
            found = node.child(part)
            if found is None:
                return None
            node = found
        return node


def _walk(group: Group, prefix: Path) -> Iterator[tuple[Path, Node]]:
    for node in group.children:
        path = (*prefix, node.key)
        yield path, node
        if isinstance(node, Group):
            yield from _walk(node, path)
        elif isinstance(node, Repeat):
            yield (*path, 0), node.item
            yield from _walk(node.item, (*path, 0))


# -- building ----------------------------------------------------------------------------------------
@dataclass
class _Ctx:
    schemas: SchemaSet
    soort: str
    sector: str
    lang: str
    kader: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # the sector's section titles (``x-titels``: cliëntterm)

    def t(self, text: Any) -> str | None:
        return tr(text, self.lang) if isinstance(text, str) else None


def _condition_of(if_schema: Schema) -> Condition | None:
    props = if_schema.get("properties", {})
    if len(props) != 1:
        return None
    ((key, sub),) = props.items()
    if "const" not in sub:
        return None
    value = sub["const"]
    if key in if_schema.get("required", []):
        return Condition(key, value)
    if isinstance(value, bool):
        # Without `required` the `if` also holds when the key is absent: for a yes/no field
        # that is "not the other answer".
        return Condition(key, not value, negate=True)
    return None


def _conditions(nodes: list[tuple[Schema, str]]) -> tuple[dict[str, list[Condition]], dict[str, list[Condition]], set[str]]:
    """From if/then/else: fields required under a condition, visible only under one, and excluded."""
    required: dict[str, list[Condition]] = {}
    visible: dict[str, list[Condition]] = {}
    excluded: set[str] = set()
    conditional = [(n, n) for n, _ in nodes] + [(n, sub) for n, _ in nodes for sub in n.get("allOf", []) if isinstance(sub, dict)]
    for node, source in conditional:
        if source is node:
            names = node.get("propertyNames", {}).get("not", {}).get("enum", [])
            # A key a soort does not allow (``onbekend_veld``) or that identifies (``advies_identificerend``)
            # is not offered in that soort's layout.
            if node.get("propertyNames", {}).get("x-code") in ("advies_identificerend", "onbekend_veld"):
                excluded.update(names)
        node = source
        cond = _condition_of(node["if"]) if "if" in node else None
        if cond is None:
            continue
        for branch_key, c in (("then", cond), ("else", Condition(cond.key, cond.value, negate=True))):
            branch = node.get(branch_key, {})
            for name in branch.get("required", []):
                required.setdefault(name, []).append(c)
                visible.setdefault(name, []).append(c)
            for name in branch.get("propertyNames", {}).get("not", {}).get("enum", []):
                visible.setdefault(name, []).append(Condition(c.key, c.value, negate=not c.negate))
            for name, sub in branch.get("properties", {}).items():
                if sub.get("maxItems") == 0:
                    visible.setdefault(name, []).append(Condition(c.key, c.value, negate=not c.negate))
    return required, visible, excluded


def _object(ctx: _Ctx, key: str, nodes: list[tuple[Schema, str]], annotations: Schema) -> Group:
    """Lay out an object; ``nodes`` are the schema and its overlays (with their base URIs)."""
    base_node = nodes[0][0]
    required: set[str] = set()
    for node, _ in nodes:
        required.update(node.get("required", []))
    cond_required, cond_visible, excluded = _conditions(nodes)
    children: list[Node] = []
    role_key: str | None = None
    for name, prop in base_node.get("properties", {}).items():
        if name in excluded:
            continue
        sub_nodes: list[tuple[Schema, str]] = []
        resolved, res_base = ctx.schemas.resolve(prop, nodes[0][1])
        if key == "" and name == "sectorSpecifiek":
            resolved, res_base = ctx.schemas.resolve({"$ref": f"{SECTOR_DIR}/{ctx.sector}.schema.json"}, BASE_URI + ROOT_FILE)
        sub_nodes.append((resolved, res_base))
        if resolved.get(ROLE_ANNOTATION) is True and role_key is None:
            role_key = name
        for overlay, ov_base in nodes[1:]:
            ov_prop = overlay.get("properties", {}).get(name)
            if isinstance(ov_prop, dict):
                sub_nodes.append(ctx.schemas.resolve(ov_prop, ov_base))
        child = _node(ctx, name, sub_nodes)
        if child is None:
            continue
        child = _with(
            child,
            required=name in required,
            required_when=tuple(dict.fromkeys(cond_required.get(name, ()))),
            visible_when=tuple(dict.fromkeys(cond_visible.get(name, ()))),
        )
        children.append(child)
    # A soort's overlay may retitle a section (a dossiernotitie's melder is "Vastgelegd door").
    overlay_title = next((n["title"] for n, _ in nodes[1:] if key and isinstance(n.get("title"), str)), None)
    label = ctx.t(overlay_title or ctx.titles.get(key) or annotations.get("title")) or key
    if annotations.get("x-conclusie") and ctx.kader.get("naam"):
        label = ctx.t(ctx.kader["naam"]) or label  # the sector's heading of the afwegingskader
    return Group(
        key=key,
        label=label,
        children=tuple(children),
        help=ctx.t(annotations.get("description")),
        display=annotations.get("x-weergave"),
        conclusion=annotations.get("x-conclusie"),
        intro=_kader_intro(ctx) if annotations.get("x-conclusie") else None,
        header=bool(annotations.get("x-kop")),
        role_key=role_key,
    )


def _kader_intro(ctx: _Ctx) -> str | None:
    """The sector's note shown with the afwegingskader (its name is the section heading)."""
    return ctx.t(ctx.kader.get("toelichting"))


def _with(node: Node, **changes: Any) -> Node:
    extra = {}
    if isinstance(node, Field) and node.visible_when and "visible_when" in changes:
        extra["visible_when"] = node.visible_when + changes.pop("visible_when")
    return replace(node, **changes, **extra)


def _node(ctx: _Ctx, name: str, nodes: list[tuple[Schema, str]]) -> Node | None:
    schema, base = nodes[0]
    types = schema.get("type")
    if types == "object" or "properties" in schema:
        return _object(ctx, name, nodes, schema)
    label = ctx.t(schema.get("title")) or name
    help_text = ctx.t(schema.get("description"))
    if types == "array":
        item, item_base = ctx.schemas.resolve(schema.get("items", {}), base)
        if item.get("type") == "object":
            item_nodes = [(item, item_base)]
            for overlay, ov_base in nodes[1:]:
                if isinstance(overlay.get("items"), dict):
                    item_nodes.append(ctx.schemas.resolve(overlay["items"], ov_base))
            group = _object(ctx, name, item_nodes, item)
            marks = schema.get("x-markeert")
            return Repeat(
                key=name,
                label=label,
                item=group,
                help=help_text,
                min_items=schema.get("minItems", 0),
                header=bool(schema.get("x-kop")),
                slots=schema.get("x-slots"),
                marks=(marks["pad"], marks["reden"]) if isinstance(marks, dict) else None,
            )
        if "enum" in item:
            compare = schema.get("x-vergelijkMet")
            return Field(
                name,
                label,
                ENUM_MULTI,
                help_text,
                options=_options(ctx, item),
                header=bool(schema.get("x-kop")),
                compare_with=compare if isinstance(compare, str) else None,
            )
        if item.get("x-widget") == "persoon" or schema.get("x-widget") == "personen":
            return Field(name, label, PERSONS, help_text)
        return Field(name, label, TEXT_LIST, help_text, max_length=item.get("maxLength"))
    kind = _kind(schema)
    if kind == HIDDEN and "const" not in schema and "enum" not in schema:
        return None
    kader_title = ctx.kader.get(name) if schema.get("x-vraag") else None
    relevant = schema.get("x-relevantAls", {})
    return Field(
        key=name,
        label=ctx.t(kader_title) or label,
        kind=kind,
        help=help_text,
        options=_options(ctx, schema) if "enum" in schema else (),
        pattern=schema.get("pattern") if schema.get("pattern") != "\\S" else None,
        pattern_hint=ctx.t(schema.get("x-formaat")),
        max_length=schema.get("maxLength"),
        minimum=schema.get("minimum"),
        maximum=schema.get("maximum"),
        header=bool(schema.get("x-kop")),
        const=schema.get("const"),
        relevant_when=tuple(Condition(k, v) for k, v in relevant.items()),
    )


def _kind(schema: Schema) -> Kind:
    widget = schema.get("x-widget")
    types = schema.get("type")
    if widget == "hidden":
        return HIDDEN
    if widget == "persoon-of-melder":
        return PERSON_OR_MELDER
    if widget == "persoon":
        return PERSON
    if widget == "id":
        return PERSON_ID
    if widget == "onderdeel":
        return PART
    if "enum" in schema:
        return ENUM
    if types == ["boolean", "null"]:
        return TRISTATE
    if types == "boolean":
        return BOOLEAN
    if types == "integer":
        return INTEGER
    if schema.get("format") == "date":
        return DATE
    if widget in (EMAIL, TEL, TEXTAREA):
        return Kind(widget)
    if (schema.get("maxLength") or 0) > 200:
        return TEXTAREA
    return TEXT


def _options(ctx: _Ctx, schema: Schema) -> tuple[Option, ...]:
    labels = schema.get("x-enumLabels", {})
    helps = schema.get("x-enumHelp", {})
    return tuple(Option(v, ctx.t(labels.get(v)) or str(v), ctx.t(helps.get(v))) for v in schema["enum"])


def kader_variant(doc: Any) -> bool:
    """Whether ``doc`` is worded by its sector's alternative afwegingskader.

    A sector may carry two wordings (gezondheidszorg: the KNMG code for artsen and tandartsen,
    the model's for other zorgberoepen): ``x-kaderKeuze`` names the field (a JSON Pointer) and
    the values that choose ``x-afwegingskaderAlternatief``. A blank form has no value yet and
    shows ``x-afwegingskader`` with its note.
    """
    if not isinstance(doc, dict) or not isinstance(doc.get("sector"), str):
        return False
    schemas = load_schemas()
    if doc["sector"] not in schemas.sectors:
        return False
    choice = schemas.sector_schema(doc["sector"]).get("x-kaderKeuze")
    if not isinstance(choice, dict):
        return False
    value: Any = doc
    for raw in str(choice.get("pad", "")).split("/")[1:]:
        if not isinstance(value, dict):
            return False
        value = value.get(raw.replace("~1", "/").replace("~0", "~"))
    return isinstance(value, str) and value in choice.get("waarden", ())


@cache
def build_layout(soort: str, sector: str, lang: str = "nl", alternatief: bool = False) -> Layout:
    """The layout of a ``soort`` document of ``sector`` in ``lang`` (cached: it never changes at run time).

    ``alternatief``: worded by the sector's ``x-afwegingskaderAlternatief`` (see :func:`kader_variant`).
    """
    schemas = load_schemas()
    schemas.check_variant(soort, sector)
    variant = schemas.variant(soort=soort, sector=sector)
    base = BASE_URI + ROOT_FILE
    overlays: list[tuple[Schema, str]] = []
    for entry in variant.get("allOf", []):
        then = entry.get("then", {})
        if "$ref" in then:
            overlays.append(schemas.resolve(then, base))
    sector_schema = schemas.sector_schema(sector)
    kader = sector_schema.get("x-afwegingskaderAlternatief" if alternatief else "x-afwegingskader", {})
    ctx = _Ctx(schemas, soort, sector, lang, kader=kader, titles=sector_schema.get("x-titels", {}))
    root = _object(ctx, "", [(variant, base), *overlays], variant)
    soort_label = schemas.root["properties"]["soort"]["x-enumLabels"][soort]
    title_parts = (schemas.root["title"], soort_label, schemas.sector_label(sector))
    root = replace(root, label=" — ".join(tr(part, lang) for part in title_parts))
    name_key = schemas.file_name_key
    name_field = root.child(name_key) if name_key else None
    return Layout(
        soort=soort,
        sector=sector,
        lang=lang,
        root=root,
        sector_label=tr(schemas.sector_label(sector), lang),
        afwegingskader_naam=ctx.t(ctx.kader.get("naam")),
        file_name_key=name_key if isinstance(name_field, Field) and name_field.kind != HIDDEN else None,
    )
