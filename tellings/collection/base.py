"""The shared part of a `Collection`: what its mixins rely on."""

from __future__ import annotations

from ..errors import InvalidValue
from ..events import (
    EventBook,
)
from ..extract.gazetteer import Gazetteer
from ..ledger.log import Ledger
from ..model import (
    Document,
    Source,
)
from ..reconcile import RULES
from ..store import Store


class CollectionBase:
    """What every part of a `Collection` shares: its store, ledger and caches, and the
    lookups the parts ask of each other."""

    store: Store
    ledger: Ledger
    extract_on_ingest: bool
    suggesters: list[str]
    _gazetteer: Gazetteer | None
    _events: EventBook | None

    def sources(self) -> list[Source]:
        raise NotImplementedError

    def documents(self) -> list[Document]:
        raise NotImplementedError

    def document(self, ref: str) -> Document:
        raise NotImplementedError

    @property
    def gazetteer(self) -> Gazetteer:
        raise NotImplementedError

    def events(self) -> EventBook:
        raise NotImplementedError

    def _record_claims(self, document: Document) -> tuple[int, int]:
        raise NotImplementedError

    @property
    def reconcile_rule(self) -> str:
        raise NotImplementedError

    def _rule(self, rule: str | None) -> str:
        """`rule`, or the collection's when None; `InvalidValue` when there is no such rule."""
        if rule is None:
            return self.reconcile_rule
        if rule not in RULES:
            raise InvalidValue(f"no range rule {rule!r}; rules: " + ", ".join(sorted(RULES)))
        return rule
