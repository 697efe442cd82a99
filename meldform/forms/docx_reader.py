"""Reading a filled meldform Word form back into a melding (``meldform import``).

The package is opened with zipfile and lxml (no python-docx): its relationships lead to the main
document and the custom properties, which say which layout made the form. The reader then walks
that layout, computes the tag of every place (:mod:`meldform.forms.docx_common`) and looks it up
among the document's content controls (by ``w:tag``, or by the name of its placeholder building
block in a form saved by LibreOffice); a control still showing its placeholder text is empty. A value
that cannot be read is an :class:`ImportProblem` naming the control, never its content; a file
that is no (readable) form is a :class:`FormError` (exit 1: a bad document).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from meldform.check.findings import pointer
from meldform.errors import EXIT_INVALID, MeldformError
from meldform.forms import controls as sdt
from meldform.forms.docx_common import (
    FORM_VERSION,
    MISSING,
    NO_CHOICE,
    PROP,
    Path,
    choices,
    control_tag,
    describe,
    group_controls,
    is_dropdown,
    item_value,
    layout_value,
    slot_count,
    slot_title,
    text,
)
from meldform.model.layout import (
    DATE,
    ENUM_MULTI,
    HIDDEN,
    INTEGER,
    PERSON,
    PERSON_ID,
    PERSON_OR_MELDER,
    PERSONS,
    TEXT_LIST,
    TEXTAREA,
    Field,
    Group,
    Layout,
    Repeat,
    build_layout,
)
from meldform.ooxml import CUSTOM_NS, REL_NS, RT_CUSTOM, RT_GLOSSARY, RT_OFFICE_DOCUMENT

MAX_SLOTS_READ = 200
MAX_BYTES = 50 * 1024 * 1024  # a form is well under 1 MB; refuse anything absurd


class FormError(MeldformError):
    """The file is not a (readable) meldform form; ``message(lang)`` says why, in one line.

    A bad document, not a usage error: exit 1 (cli.md).
    """

    exit_code = EXIT_INVALID

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "nl") -> str:
        return text(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class ImportProblem:
    """A control whose content could not be read; ``text`` names the control, never its content."""

    tag: str
    description: str
    code: str
    text: str

    def __str__(self) -> str:
        return f"{self.description}: {self.text}"


@dataclass
class ImportResult:
    document: dict[str, Any]
    found: list[ImportProblem] = field(default_factory=list)
    soort: str = ""
    sector: str = ""

    @property
    def problems(self) -> list[str]:
        return [str(p) for p in self.found]


def import_docx(data: bytes, lang: str = "nl") -> ImportResult:
    """Read the content controls of a filled meldform Word form back into a melding.

    Raises :class:`FormError` when ``data`` is not a .docx or not a meldform form.
    """
    document_xml, props, placeholders = _open_package(data)
    if props.get(PROP + "formulier") is None or PROP + "soort" not in props or PROP + "sector" not in props:
        raise FormError("geen_formulier")
    version = props[PROP + "formulier"]
    if not (version.isascii() and version.isdigit()) or int(version) > int(FORM_VERSION):
        raise FormError("nieuwere_versie", versie=version[:10])
    try:
        layout = build_layout(props[PROP + "soort"], props[PROP + "sector"], props.get(PROP + "taal", "nl"))
    except Exception:
        try:
            layout = build_layout(props[PROP + "soort"], props[PROP + "sector"], "nl")
        except Exception:
            raise FormError("onbekende_variant") from None
    reader = _Reader(layout, props, lang)
    reader.collect(document_xml, placeholders)
    document = reader.read()
    if not reader.used:
        # A form whose controls all lost their tags (an editor that does not keep content
        # controls) would silently import as an empty melding: say so instead.
        raise FormError("geen_invulvelden")
    return ImportResult(document, reader.problems, layout.soort, layout.sector)


def _parse_xml(blob: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    return etree.fromstring(blob, parser=parser)


def _open_package(data: bytes) -> tuple[etree._Element, dict[str, str], dict[str, str]]:
    """The main document's XML, the custom properties and the placeholder texts (building block
    name -> text, from the glossary document) of a .docx (``FormError`` if it is none)."""
    if len(data) > MAX_BYTES:
        raise FormError("te_groot")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise FormError("geen_docx") from None
    with archive:
        try:
            rels = _parse_xml(_member(archive, "_rels/.rels"))
            targets: dict[str, str] = {}
            for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
                rel_type = rel.get("Type")
                target = rel.get("Target")
                if rel_type and target:
                    targets.setdefault(rel_type, target.lstrip("/"))
            main = targets.get(RT_OFFICE_DOCUMENT)
            if main is None or not main.endswith(".xml"):
                raise FormError("geen_docx")
            document_xml = _parse_xml(_member(archive, main))
            if document_xml.tag != sdt.w("document"):
                raise FormError("geen_docx")
        except FormError:
            raise
        except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
            raise FormError("geen_docx") from None
        props: dict[str, str] = {}
        custom = targets.get(RT_CUSTOM)
        if custom is not None:
            try:
                root = _parse_xml(_member(archive, custom))
            except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
                raise FormError("geen_formulier") from None
            for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
                name = prop.get("name")
                if name and name.startswith(PROP) and len(prop):
                    props[name] = "".join(str(t) for t in prop[0].itertext())
        placeholders = _glossary(archive, main)
    return document_xml, props, placeholders


def _glossary(archive: zipfile.ZipFile, main: str) -> dict[str, str]:
    """The placeholder texts of the glossary document related to ``main``; none if there is no
    (readable) glossary: then ``w:showingPlcHdr`` alone says which controls are empty."""
    folder, name = posixpath.split(main)
    try:
        rels = _parse_xml(_member(archive, posixpath.join(folder, "_rels", name + ".rels")))
        target = next((r.get("Target") for r in rels.iter(f"{{{REL_NS}}}Relationship") if r.get("Type") == RT_GLOSSARY), None)
        if not target:
            return {}
        part = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
        return sdt.glossary_placeholders(_parse_xml(_member(archive, part)))
    except FormError:
        raise
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
        return {}


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_BYTES * 4:
        raise FormError("te_groot")
    return archive.read(info)


_DATE_TEXT = (
    re.compile(r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
)
_INTEGER = re.compile(r"[+-]?\d+")
_ID_SPLIT = re.compile(r"[,;\s]+")


def _parse_shown_date(raw: str) -> str | None:
    shown = raw.strip()
    for pattern in _DATE_TEXT:
        match = pattern.fullmatch(shown)
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
            except ValueError:
                return None
    return None


def _norm(value: str) -> str:
    return " ".join(value.split()).casefold()


class _Reader:
    def __init__(self, layout: Layout, props: dict[str, str], lang: str) -> None:
        self.layout = layout
        self.props = props
        self.lang = lang
        self.controls: dict[str, sdt.Control] = {}
        self.used: set[str] = set()
        self.problems: list[ImportProblem] = []
        self.order: list[str] = []

    def collect(self, document_xml: etree._Element, placeholders: dict[str, str]) -> None:
        body = document_xml.find(sdt.w("body"))
        duplicates: list[sdt.Control] = []
        for control in sdt.iter_controls(body if body is not None else document_xml, placeholders):
            if not control.tag.startswith("/"):
                continue  # not ours (a control the user added): ignored
            if control.tag in self.controls:
                duplicates.append(control)
                continue
            self.controls[control.tag] = control
            self.order.append(control.tag)
        self._duplicates = duplicates

    # -- the document -------------------------------------------------------------------------
    def read(self) -> dict[str, Any]:
        document = self._group(self.layout.root, (), (), root=True)
        for control in self._duplicates:
            self._problem(control.tag, control.label, "dubbel")
        for tag in self.order:
            if tag not in self.used:
                control = self.controls[tag]
                self.problems.append(ImportProblem(tag, control.label, "onbekend", text("onbekend", self.lang, tag=sdt.shown(tag, sdt.MAX_TAG))))
        return document

    def _group(self, group: Group, parts: Path, trail: tuple[str, ...], root: bool = False) -> dict[str, Any]:
        values: dict[str, Any] = {}
        hidden: list[tuple[str, Path, Field]] = []
        for node in group.children:
            path = (*parts, node.key)
            if isinstance(node, Field):
                if node.kind == HIDDEN:
                    hidden.append((node.key, path, node))
                    continue
                value = self._field(node, path, trail)
            elif isinstance(node, Group):
                sub = self._group(node, path, (*trail, node.label))
                value = sub if sub else MISSING
            else:
                items = []
                for index in self._slots(node, path):
                    item = self._group(node.item, (*path, index), (*trail, slot_title(node, index)))
                    if item:
                        items.append(item)
                value = items if items or (node.required and not node.min_items) else MISSING  # a required empty list means 'none' (1.1: adviesVeiligThuis)
            if value is not MISSING:
                values[node.key] = value
        if not any(v != [] for v in values.values()) and not root:
            return {}
        for key, path, node in hidden:
            value = self._hidden(node, path)
            if value is not MISSING:
                values[key] = value
        order = [n.key for n in group.children]
        return {k: values[k] for k in order if k in values}

    def _slots(self, repeat: Repeat, parts: Path) -> Iterator[int]:
        """The slot indices present in the document (normally 0 .. slots-1)."""
        minimum = slot_count(repeat)
        for index in range(MAX_SLOTS_READ):
            present = any(spec.tag in self.controls for spec in group_controls(repeat.item, (*parts, index), ()))
            if present:
                yield index
            elif index >= minimum:
                return

    def _hidden(self, node: Field, parts: Path) -> Any:
        stored = self.props.get(PROP + pointer(parts))
        if stored is not None:
            try:
                return json.loads(stored)
            except (ValueError, RecursionError):  # RecursionError: nested too deep to be a value of ours
                return stored
        return layout_value(node)

    # -- one field ----------------------------------------------------------------------------
    def _field(self, node: Field, parts: Path, trail: tuple[str, ...]) -> Any:
        description = describe(trail, node.label)
        if node.kind == ENUM_MULTI:
            chosen = []
            for option in node.options:
                tag = control_tag(parts, option.value)
                control = self.controls.get(tag)
                if control is None:
                    continue
                self.used.add(tag)
                if control.checked or (control.checked is None and control.text and control.text.strip()):
                    chosen.append(option.value)
            return chosen if chosen else MISSING
        tag = control_tag(parts)
        control = self.controls.get(tag)
        if control is None:
            return MISSING
        self.used.add(tag)
        raw = control.text
        if raw is None or not raw.strip():
            return MISSING
        kind = node.kind
        if kind == DATE:
            return self._date(control, raw, tag, description)
        if kind == INTEGER:
            if _INTEGER.fullmatch(raw.strip()):
                return int(raw.strip())
            return self._problem(tag, description, "geen_getal")
        if is_dropdown(node):
            return self._choice(node, control, raw, tag, description)
        if kind == TEXT_LIST:
            lines = [line.strip() for line in raw.split("\n")]
            return [line for line in lines if line] or MISSING
        if kind == PERSONS:
            ids = [part for part in _ID_SPLIT.split(raw.strip()) if part]
            return ids or MISSING
        if kind in (PERSON, PERSON_OR_MELDER, PERSON_ID):
            return raw.strip()
        if kind == TEXTAREA:
            return raw.strip()
        return " ".join(raw.split("\n")).strip() if "\n" in raw else raw.strip()

    def _date(self, control: sdt.Control, raw: str, tag: str, description: str) -> Any:
        """The picker's ``w:fullDate``; else the shown text (d-m-jjjj or jjjj-mm-dd).

        Should the shown text be a different date than ``w:fullDate`` (an editor that let the text
        be changed without updating the stored value), the text wins: it is what the person sees.
        """
        shown = _parse_shown_date(raw)
        if control.full_date:
            try:
                stored = dt.date.fromisoformat(control.full_date[:10]).isoformat()
            except ValueError:
                stored = None
            if stored is not None and (shown is None or shown == stored):
                return stored
        if shown is not None:
            return shown
        return self._problem(tag, description, "geen_datum")

    def _choice(self, node: Field, control: sdt.Control, raw: str, tag: str, description: str) -> Any:
        shown = _norm(raw)
        if any(shown == _norm(display) for display, value in control.items if value == NO_CHOICE):
            return MISSING  # "(geen keuze)" chosen: the question is left unanswered
        options = choices(node, self.lang) + choices(node, self.layout.lang)
        by_item = {item_value(value): value for value, _ in options}
        for value, label in options:
            if shown == _norm(label):
                return value
        for display, stored in control.items:
            if shown == _norm(display) and stored in by_item:
                return by_item[stored]
        for value, _ in options:
            if shown == _norm(item_value(value)):
                return value
        return self._problem(tag, description, "geen_keuze")

    def _problem(self, tag: str, description: str, code: str) -> Any:
        self.problems.append(ImportProblem(tag, description, code, text(code, self.lang)))
        return MISSING
