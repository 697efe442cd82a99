"""meldform: make, check and render meldingen for Veilig Thuis (Meldcode huiselijk geweld en kindermishandeling).

The Python API is documented in ``meldform.api`` (and docs/api.md); its names are exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
SCHEMA_VERSIE = "1.1"

from meldform.api import (  # noqa: E402 - after the version: meldform.cli reads it from here
    FORM_FORMATS,
    SOORTEN,
    AlreadyAdviesError,
    Finding,
    Imported,
    InvalidDocumentError,
    MeldformError,
    NotAnonymousError,
    Report,
    Sector,
    UnknownChoiceError,
    UnsupportedFormatError,
    anonymize,
    blank_form,
    check,
    document_name,
    form_name,
    import_form,
    load,
    render,
    render_formats,
    schema,
    sectors,
    validate,
)

if TYPE_CHECKING:
    from meldform.check.anonymize import Anonymized, Wijziging
    from meldform.check.loading import LoadError
    from meldform.forms.docx_reader import FormError

__all__ = [
    "FORM_FORMATS",
    "SCHEMA_VERSIE",
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
    "__version__",
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


def __getattr__(name: str) -> Any:
    """``LoadError``, ``FormError``, ``Anonymized`` and ``Wijziging`` are imported on first use (PyYAML,
    lxml, the layout model): ``import meldform`` stays cheap."""
    if name in ("LoadError", "FormError", "Anonymized", "Wijziging"):
        from meldform import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
