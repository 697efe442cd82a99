"""The Python API of meldform: plain functions over data, used by the CLI and the HTTP service.

::

    from meldform import load, validate, render, blank_form

    document = load(raw_bytes)                   # JSON or YAML (sniffed); raises LoadError
    report = validate(document, lang="en")       # Report(geldig, bevindingen)
    if report.geldig:
        html = render(document, "html")          # bytes; raises InvalidDocumentError if invalid
    form = blank_form("onderwijs", fmt="docx")   # a blank, fillable Word form, as bytes

Every function works in memory: it reads no file and writes none. Every error it raises is a
:class:`~meldform.errors.MeldformError` whose ``message(lang)`` is one line in Dutch (``lang="nl"``,
the default) or English (``lang="en"``) that never quotes the document (no names, no BSNs).

Heavy libraries (python-docx, Jinja2, jsonschema) are imported inside the functions that need
them, so ``import meldform`` stays cheap and ``meldform validate`` starts fast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from meldform.check.findings import FOUT, WAARSCHUWING, Finding
from meldform.errors import EXIT_INVALID, EXIT_USAGE, MeldformError
from meldform.model.schemas import SOORTEN, UnknownVariantError
from meldform.texts import pick
from meldform.texts.api import API_ERRORS

if TYPE_CHECKING:  # imported on first use (see __getattr__): loading pulls in PyYAML, forms.docx lxml,
    # check.anonymize the layout model and the identifying patterns
    from meldform.check.anonymize import Anonymized, Wijziging
    from meldform.check.loading import LoadError
    from meldform.check.rules import Instellingen
    from meldform.forms.docx_reader import FormError

__all__ = [
    "FORM_FORMATS",
    "SOORTEN",
    "AlreadyAdviesError",
    "Anonymized",
    "Finding",
    "FormError",
    "Imported",
    "InvalidDocumentError",
    "LoadError",
    "MeldformError",
    "NotAnonymousError",
    "Report",
    "Sector",
    "UnknownChoiceError",
    "UnsupportedFormatError",
    "Wijziging",
    "anonymize",
    "blank_form",
    "check",
    "document_name",
    "form_name",
    "import_form",
    "load",
    "render",
    "render_formats",
    "schema",
    "sectors",
    "validate",
]

#: The formats of a blank form.
FORM_FORMATS = ("html", "docx")
#: Every format meldform can render to; which of them this installation has: :func:`render_formats`.
KNOWN_RENDER_FORMATS = ("html", "docx", "pdf")


def __getattr__(name: str) -> Any:
    """``LoadError``, ``FormError``, ``Anonymized`` and ``Wijziging`` on first use, so that importing
    the API stays cheap."""
    if name in ("Anonymized", "Wijziging"):
        from meldform.check import anonymize

        return getattr(anonymize, name)
    if name == "LoadError":
        from meldform.check.loading import LoadError

        return LoadError
    if name == "FormError":
        from meldform.forms.docx_reader import FormError

        return FormError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- results and errors ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Report:
    """The outcome of checking one melding.

    ``geldig`` is true when no finding is an error (with ``strict``: when there is no finding at
    all); ``bevindingen`` holds every finding, errors first, then in document order.
    """

    geldig: bool
    bevindingen: list[Finding] = field(default_factory=list)
    gemigreerd_van: str | None = None  #: "1.0" when the melding was read in an older version and checked as 1.1

    @classmethod
    def of(cls, findings: list[Finding], *, strict: bool = False, gemigreerd_van: str | None = None) -> Report:
        valid = not findings if strict else not any(f.ernst == FOUT for f in findings)
        return cls(valid, list(findings), gemigreerd_van)

    @classmethod
    def unreadable(cls, error: MeldformError, lang: str = "nl") -> Report:
        """The report of an input that could not be read (a ``LoadError`` from text or from a file):
        one finding, code ``onleesbaar``, as ``meldform validate`` reports it."""
        return cls(False, [Finding(FOUT, "onleesbaar", "", error.message(lang))])

    @property
    def fouten(self) -> list[Finding]:
        return [f for f in self.bevindingen if f.ernst == FOUT]

    @property
    def waarschuwingen(self) -> list[Finding]:
        return [f for f in self.bevindingen if f.ernst == WAARSCHUWING]

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.bevindingen]

    def to_json(self, bestand: str | None = None) -> dict[str, Any]:
        """The shape of ``meldform validate --format json`` for one input (with ``bestand`` if given):
        ``{"bestand"?, "geldig", "gemigreerdVan"?, "bevindingen": [{"ernst", "code", "pad", "melding"}]}``."""
        head: dict[str, Any] = {} if bestand is None else {"bestand": bestand}
        migrated = {} if self.gemigreerd_van is None else {"gemigreerdVan": self.gemigreerd_van}
        return {**head, "geldig": self.geldig, **migrated, "bevindingen": [f.as_json() for f in self.bevindingen]}


@dataclass(frozen=True)
class Sector:
    """A sector of the contract: its key (``onderwijs``) and its label in the asked language."""

    sector: str
    label: str

    def to_json(self) -> dict[str, str]:
        return {"sector": self.sector, "label": self.label}


@dataclass(frozen=True)
class Imported:
    """A filled-in Word form read back: the melding, its report, and the controls that could not be read
    (``problemen``: one line each, naming the control, never its content)."""

    document: dict[str, Any]
    report: Report
    problemen: list[str] = field(default_factory=list)
    soort: str = ""
    sector: str = ""

    @property
    def geldig(self) -> bool:
        return self.report.geldig and not self.problemen


class InvalidDocumentError(MeldformError):
    """The melding has errors, so it is not rendered; ``report`` holds the findings."""

    exit_code = EXIT_INVALID

    def __init__(self, report: Report) -> None:
        super().__init__("ongeldig")
        self.report = report

    def message(self, lang: str = "nl") -> str:
        return pick(API_ERRORS, "ongeldig", lang, fouten=len(self.report.fouten), waarschuwingen=len(self.report.waarschuwingen))

    def __str__(self) -> str:
        return self.message()


class UnknownChoiceError(UnknownVariantError):
    """A sector, soort or format that meldform does not know (``what``: ``sector``, ``soort`` or
    ``formaat``); worded as the command line words an unknown sector, a value quoted at most 40 characters."""

    exit_code = EXIT_USAGE

    def __init__(self, what: str, value: object, allowed: tuple[str, ...]) -> None:
        super().__init__(what, str(value), allowed)


class UnsupportedFormatError(MeldformError):
    """A render format meldform knows (e.g. ``pdf``) that this installation cannot produce."""

    exit_code = EXIT_USAGE

    def __init__(self, fmt: str, available: tuple[str, ...]) -> None:
        super().__init__(fmt)
        self.fmt = fmt
        self.available = available

    def message(self, lang: str = "nl") -> str:
        return pick(API_ERRORS, "niet_beschikbaar", lang, formaat=self.fmt, keuzes=", ".join(self.available))

    def __str__(self) -> str:
        return self.message()


class AlreadyAdviesError(MeldformError):
    """``anonymize`` was given an adviesvraag: a usage error (exit 2)."""

    exit_code = EXIT_USAGE

    def __init__(self, bestand: str | None = None) -> None:
        super().__init__(bestand or "")
        self.bestand = bestand

    def message(self, lang: str = "nl") -> str:
        from meldform.texts.migrate import ANONYMIZE

        text = pick(ANONYMIZE, "al_advies", lang)
        return f"{self.bestand}: {text}" if self.bestand else text

    def __str__(self) -> str:
        return self.message()


class NotAnonymousError(InvalidDocumentError):
    """The adviesvraag ``anonymize`` made is not valid or not anonymous (a safeguard; nothing is written).
    ``report`` holds its findings."""

    def message(self, lang: str = "nl") -> str:
        from meldform.texts.migrate import ANONYMIZE

        return pick(ANONYMIZE, "niet_anoniem", lang, fouten=len(self.report.fouten), waarschuwingen=len(self.report.waarschuwingen))


def _choose(what: str, value: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise UnknownChoiceError(what, value, allowed)
    return value


def _sector_keys() -> tuple[str, ...]:
    from meldform.model.schemas import load_schemas

    return load_schemas().sectors


# -- reading and checking --------------------------------------------------------------------------
def load(data: bytes | str, *, yaml: bool | None = None) -> Any:
    """Parse a melding from JSON or YAML (YAML 1.2 core schema) into plain data.

    ``yaml=None`` sniffs: text that starts with ``{`` or ``[`` is JSON, anything else YAML. The
    result is what the text holds — a melding is a ``dict``; anything else is reported by
    :func:`validate` (code ``type``). Raises :class:`~meldform.check.loading.LoadError` (a
    ``MeldformError``) for text that is not UTF-8, not well-formed, empty, too large, has duplicate
    keys or YAML values JSON cannot hold; its message gives the line and column, not the content.
    """
    from meldform.check.loading import parse_bytes

    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    return parse_bytes(raw, yaml)


def settings(*, hermelding_dossiers: int = 3, hermelding_jaren: int = 5, lang: str = "nl") -> Instellingen:
    """The organisation settings of the rules (melding-1.1.md, *Settings*): the hermelding threshold
    of ``hermelding_dossiers`` (≥ 2) dossiers in ``hermelding_jaren`` (1–15) years. The defaults
    (3 in 5) are VT Gelderland-Midden's protocol. Out of range: ``MeldformError`` (exit code 2)."""
    from meldform.check import rules

    chosen = rules.Instellingen(hermelding_dossiers, hermelding_jaren)
    if not isinstance(hermelding_dossiers, int) or hermelding_dossiers < rules.HERMELDING_DOSSIERS_MIN:
        raise MeldformError(
            pick(
                API_ERRORS,
                "instelling_bereik",
                lang,
                optie="--hermelding-dossiers",
                bereik=f"{rules.HERMELDING_DOSSIERS_MIN}+",
                standaard=rules.HERMELDING_DOSSIERS,
            )
        )
    if not chosen.in_range():
        low, high = rules.HERMELDING_JAREN_BEREIK
        raise MeldformError(pick(API_ERRORS, "instelling_bereik", lang, optie="--hermelding-jaren", bereik=f"{low}–{high}", standaard=rules.HERMELDING_JAREN))
    return chosen


def validate(
    document: Any,
    *,
    lang: str = "nl",
    today: dt.date | None = None,
    strict: bool = False,
    hermelding_dossiers: int = 3,
    hermelding_jaren: int = 5,
) -> Report:
    """Check a loaded melding against the contract (schema and rules); never raises for bad data.

    ``lang`` is ``"nl"`` or ``"en"`` (the messages); ``today`` is the date the rules compare
    dates with (default: today); ``strict`` counts warnings as errors (``--strict``). A melding of
    an older version (1.0) is checked in its migrated 1.1 form (``Report.gemigreerd_van``).
    ``hermelding_dossiers``/``hermelding_jaren`` are the settings of :func:`settings`.
    """
    from meldform.check.migrate import migrate
    from meldform.check.validation import validate as findings_of

    chosen = settings(hermelding_dossiers=hermelding_dossiers, hermelding_jaren=hermelding_jaren, lang=lang)
    migrated = migrate(document)
    return Report.of(findings_of(migrated.data, lang=lang, today=today, instellingen=chosen), strict=strict, gemigreerd_van=migrated.gemigreerd_van)


def check(
    source: bytes | str,
    *,
    yaml: bool | None = None,
    lang: str = "nl",
    today: dt.date | None = None,
    strict: bool = False,
    hermelding_dossiers: int = 3,
    hermelding_jaren: int = 5,
) -> Report:
    """:func:`load` and :func:`validate` in one: text that cannot be read is not an exception but a
    report with one finding, code ``onleesbaar`` (as ``meldform validate`` reports an unreadable file)."""
    from meldform.check.loading import LoadError

    try:
        document = load(source, yaml=yaml)
    except LoadError as exc:
        return Report.unreadable(exc, lang)
    return validate(document, lang=lang, today=today, strict=strict, hermelding_dossiers=hermelding_dossiers, hermelding_jaren=hermelding_jaren)


# -- documents ---------------------------------------------------------------------------------------
def render_formats() -> tuple[str, ...]:
    """The formats :func:`render` can produce in this installation (``html``, ``docx``, …)."""
    from meldform.documents.rendering import FORMATS

    return tuple(FORMATS)


def _render_format(fmt: str) -> str:
    available = render_formats()
    if fmt in available:
        return fmt
    if fmt in KNOWN_RENDER_FORMATS:
        raise UnsupportedFormatError(fmt, available)
    raise UnknownChoiceError("formaat", fmt, available)


def render(document: Any, fmt: str = "html", *, lang: str = "nl", today: dt.date | None = None) -> bytes:
    """Render a valid melding to a document (``fmt``: ``html``, ``docx``, or ``pdf`` where available).

    The melding is validated first: one with errors raises :class:`InvalidDocumentError` carrying
    its report; warnings are shown in the document. An unknown ``fmt`` raises
    :class:`UnknownChoiceError`, a known one this installation lacks :class:`UnsupportedFormatError`.
    """
    fmt = _render_format(fmt)
    report = validate(document, lang=lang, today=today)
    if not report.geldig:
        raise InvalidDocumentError(report)
    from meldform.check.migrate import migrate
    from meldform.documents.rendering import render_document

    return render_document(migrate(document).data, report.bevindingen, fmt, lang)  # a 1.0 melding as the 1.1 it was checked as


def document_name(document: dict[str, Any], fmt: str) -> str:
    """The file name of a rendered (valid) melding: ``<kenmerk>.<fmt>``."""
    from meldform.documents.rendering import output_name

    return output_name(document, fmt)


# -- blank forms and the contract -------------------------------------------------------------------
def blank_form(sector: str, *, soort: str = "melding", fmt: str = "html", lang: str = "nl", slots: int | None = None) -> bytes:
    """A blank, fillable form for one sector and soort: a self-contained HTML file or a Word form
    with content controls (``fmt="docx"``), labelled in ``lang``. ``slots``: the Word form's blocks per
    repeated part (children, signals, ...) instead of the schema's default (``x-slots``); the HTML form
    adds blocks itself and ignores it."""
    sector = _choose("sector", sector, _sector_keys())
    soort = _choose("soort", soort, SOORTEN)
    fmt = _choose("formaat", fmt, FORM_FORMATS)
    from meldform.model.layout import build_layout

    layout = build_layout(soort, sector, lang)
    if fmt == "html":
        from meldform.forms.html import blank_html

        return blank_html(layout).encode("utf-8")
    from meldform.forms.docx_writer import blank_docx

    return blank_docx(layout, slots)


def form_name(sector: str, soort: str = "melding", fmt: str = "html") -> str:
    """The file name of a blank form: ``meldformulier-<sector>[-advies|-dossiernotitie].<fmt>``."""
    suffix = "" if soort == "melding" else f"-{soort}"
    return f"meldformulier-{sector}{suffix}.{fmt}"


def import_form(data: bytes, *, lang: str = "nl", today: dt.date | None = None) -> Imported:
    """Read a filled-in meldform Word form (the bytes of a .docx) back into a melding and check it.

    Raises :class:`~meldform.forms.docx_reader.FormError` (a ``MeldformError``) when ``data`` is not a
    .docx, not a meldform form, or too large.
    """
    from meldform.forms.docx_reader import MAX_BYTES, FormError, import_docx

    if len(data) > MAX_BYTES:
        raise FormError("te_groot")
    result = import_docx(bytes(data), lang=lang)
    report = validate(result.document, lang=lang, today=today)
    return Imported(result.document, report, list(result.problems), result.soort, result.sector)


def anonymize(document: Any, *, vraag: str | None = None, lang: str = "nl", today: dt.date | None = None) -> Anonymized:
    """Make an anonymous adviesvraag of a valid melding or dossiernotitie (1.0 or 1.1), as ``meldform anonymize`` does.

    Returns ``Anonymized``: ``data`` (the adviesvraag, a new object) and ``wijzigingen`` (what was
    removed or replaced: places and kinds, never a value). ``vraag`` is the question to Veilig Thuis
    (default: whether a melding is needed and what the professional can do). Raises
    :class:`AlreadyAdviesError` for an adviesvraag, :class:`InvalidDocumentError` (with ``.report``)
    for an invalid document, and :class:`NotAnonymousError` if the result would have an error or an
    identifying finding; a blank ``vraag`` is a ``MeldformError`` (exit 2).
    """
    from meldform.check.anonymize import anonymize as make_advies
    from meldform.check.migrate import migrate
    from meldform.texts.migrate import ANONYMIZE

    if vraag is not None and not vraag.strip():
        raise MeldformError(pick(ANONYMIZE, "vraag_leeg", lang))
    data = migrate(document).data
    if isinstance(data, dict) and data.get("soort") == "advies":
        raise AlreadyAdviesError()
    report = validate(data, lang=lang, today=today)
    if not report.geldig:
        raise InvalidDocumentError(report)
    result = make_advies(data, vraag)
    after = validate(result.data, lang=lang, today=today)
    if not after.geldig or any(code in IDENTIFYING_CODES for code in after.codes):
        raise NotAnonymousError(after)
    return result


#: The findings an adviesvraag made by :func:`anonymize` may never have.
IDENTIFYING_CODES = frozenset({"advies_identificerend", "advies_tekst_identificerend", "advies_id_herkenbaar"})


def schema(sector: str | None = None, soort: str | None = None, *, annotations: bool = True) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the contract, self-contained (every ``$ref`` points inside it).

    Without arguments it covers both soorten and every sector; with them only that part.
    ``annotations=False`` leaves out meldform's own ``x-`` keywords (labels, form hints), for
    validators that refuse unknown keywords (``meldform schema --zonder-annotaties``). A fresh
    copy each call: the caller may change it.
    """
    from meldform.model.schemas import load_schemas, without_annotations

    schemas = load_schemas()
    if sector is not None:
        _choose("sector", sector, schemas.sectors)
    if soort is not None:
        _choose("soort", soort, SOORTEN)
    bundle = schemas.bundle(schemas.variant(soort=soort, sector=sector))
    return bundle if annotations else without_annotations(bundle)


def sectors(lang: str = "nl") -> list[Sector]:
    """The sectors of the contract, in the contract's order, with their labels in ``lang``."""
    from meldform.model.i18n import tr
    from meldform.model.schemas import load_schemas

    schemas = load_schemas()
    return [Sector(key, tr(schemas.sector_label(key), lang)) for key in schemas.sectors]
