"""A finding: one problem (or warning) in one document, at one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from meldform.cleaning import clean
from meldform.texts import pick
from meldform.texts.findings import FINDING_LABELS, FINDINGS

Ernst = Literal["fout", "waarschuwing"]
FOUT: Ernst = "fout"
WAARSCHUWING: Ernst = "waarschuwing"


@dataclass(frozen=True)
class Finding:
    ernst: Ernst
    code: str
    pad: str
    melding: str

    def __post_init__(self) -> None:
        # A place or a message can quote the document (an unknown key, a file name): cleaned
        # here once, every report that prints a finding (validate, batch, import) can write it.
        object.__setattr__(self, "pad", clean(self.pad))
        object.__setattr__(self, "melding", clean(self.melding))

    def as_json(self) -> dict[str, str]:
        return {"ernst": self.ernst, "code": self.code, "pad": self.pad, "melding": self.melding}


def pointer(parts: list[str | int] | tuple[str | int, ...]) -> str:
    """A JSON pointer (RFC 6901) for ``parts``; the document itself is ``""``."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def finding_text(code: str, lang: str, **params: Any) -> str:
    """The sentence of finding ``code`` (an unknown code reads as 'is ongeldig')."""
    return pick(FINDINGS, code if code in FINDINGS else "ongeldig", lang, **{"hint": "", "uitleg": "", **params})


def finding_label(code: str, lang: str) -> str:
    """The short name of finding ``code`` ('Veiligheidscijfers lopen uiteen'); an unknown code is its own name."""
    return pick(FINDING_LABELS, code, lang) if code in FINDING_LABELS else code


def is_valid(findings: list[Finding]) -> bool:
    return not any(f.ernst == FOUT for f in findings)
