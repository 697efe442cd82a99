"""Naming a place in a document the way the professional reads it: 'Betrokkenen › Kind 1 › BSN'."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from meldform.model.i18n import tr
from meldform.model.schemas import SchemaSet
from meldform.texts import pick
from meldform.texts.findings import FINDING_WORDS
from meldform.texts.words import WORDS


@dataclass
class Describer:
    schemas: SchemaSet
    sector: str | None
    lang: str

    def title(self, node: dict[str, Any] | None, fallback: str) -> str:
        if node and isinstance(node.get("title"), str):
            return tr(node["title"], self.lang)
        return fallback

    def field(self, parts: list[str | int]) -> str:
        """'Betrokkenen › Kind 1 › Burgerservicenummer (BSN)' for /betrokkenen/kinderen/0/burgerservicenummer."""
        crumbs: list[str] = []
        for depth, part in enumerate(parts):
            node = self.schemas.node_at(parts[: depth + 1], self.sector)
            if isinstance(part, int):
                item_title = node.get("title") if node else None
                if item_title:
                    if crumbs:
                        crumbs.pop()
                    crumbs.append(f"{tr(item_title, self.lang)} {part + 1}")
                else:
                    crumbs.append(f"{pick(FINDING_WORDS, 'nr', self.lang)} {part + 1}")
            else:
                crumbs.append(self.title(node, str(part)))
        return " › ".join(crumbs) if crumbs else pick(FINDING_WORDS, "document", self.lang)

    def quoted_titles(self, parts: list[str | int], names: Iterable[str]) -> str:
        titles = [f"‘{self.title(self.schemas.node_at([*parts, n], self.sector), n)}’" for n in names]
        return f" {pick(WORDS, 'of', self.lang)} ".join(titles)
