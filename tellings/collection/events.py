"""A collection's events: resolution, corrections and ranges."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import (
    InvalidValue,
)
from ..events import (
    DECISION_KINDS,
    EventBook,
    build_book,
    check_title,
    decision_entry,
    decisions_from,
    new_event_id,
)
from ..export.events import FIELDS as EVENT_FIELDS
from ..export.events import event_rows
from ..model import (
    json_number,
)
from ..reconcile import DEFAULT_RULE, RULES, Range
from ..resolve import Event
from .base import CollectionBase

if TYPE_CHECKING:
    import pandas as pd


class EventsMixin(CollectionBase):
    """Events, corrections and recorded ranges."""

    def events(self) -> EventBook:
        """Every event: claims resolved into events, with people's corrections applied."""
        if self._events is None:
            rows = self.store.iter_ledger_kinds(DECISION_KINDS)
            decisions = decisions_from(json.loads(row.entry) for row in rows)
            self._events = build_book(
                list(self.store.iter_claims()),
                self.sources(),
                self.documents(),
                self.gazetteer,
                decisions,
            )
        return self._events

    def merge_events(self, target: str, other: str) -> str:
        """Join event `other` into `target` (a ledger entry); returns the event's id."""
        book = self.events()
        a, b = book.event(target), book.event(other)
        if a.id == b.id:
            raise InvalidValue("an event cannot be merged with itself")
        self._decide("event.merged", decision_entry(a.id, a.claims + b.claims))
        return a.id

    def split_event(self, event: str, claim_ids: Sequence[str]) -> str:
        """Take claims out of an event into a new one (a ledger entry); returns its id."""
        found = self.events().event(event)
        taken = [c for c in found.claims if any(c.id.startswith(i) for i in claim_ids)]
        if not taken or len(taken) == len(found.claims):
            raise InvalidValue("name some, but not all, of the event's claims to split off")
        new_id = new_event_id(taken)
        self._decide("event.split", decision_entry(new_id, taken, source=found.id))
        return new_id

    def rename_event(self, event: str, title: str) -> None:
        found = self.events().event(event)
        self._decide(
            "event.renamed",
            decision_entry(found.id, found.claims[:1], title=check_title(title)),
        )

    def _decide(self, kind: str, data: dict[str, Any]) -> None:
        with self.store.transaction():
            self.ledger.append(kind, data)
        self.ledger.checkpoint()
        self._events = None

    def events_frame(self, *, rule: str | None = None) -> pd.DataFrame:
        """Every event as a pandas DataFrame, one row per event and measure with the
        columns of `export events` (low/best/high by `rule`, default the collection's);
        `date_start` and `date_end` are dates (NaT when unknown or open)."""
        import pandas as pd  # imported here: the CLI starts faster without it

        rows = event_rows(self.events(), self.gazetteer, self._rule(rule))
        frame = pd.DataFrame(list(rows), columns=list(EVENT_FIELDS))
        for column in ("date_start", "date_end"):
            frame[column] = pd.to_datetime(frame[column], format="ISO8601")
        return frame

    @property
    def reconcile_rule(self) -> str:
        """The collection's default range rule (`reconcile.ucdp.v1` unless set)."""
        return self.store.get_meta("reconcile.rule") or DEFAULT_RULE

    def set_reconcile_rule(self, name: str) -> None:
        if name not in RULES:
            raise InvalidValue(f"no range rule {name!r}; rules: " + ", ".join(sorted(RULES)))
        with self.store.transaction():
            self.store.set_meta("reconcile.rule", name)

    def record_ranges(self, event: Event, rule_name: str | None = None) -> list[Range]:
        """Compute an event's ranges and record each, with its inputs, in the ledger."""
        book = self.events()
        ranges = book.ranges(event, rule_name or self.reconcile_rule)
        with self.store.transaction():
            self.ledger.append_many(
                "range.computed",
                [
                    {
                        "event": event.id,
                        "measure": r.measure,
                        "rule": r.rule,
                        "low": _plain(r.low),
                        "best": _plain(r.best),
                        "high": _plain(r.high),
                        "inputs": list(r.inputs),
                        "shown": list(r.shown),
                    }
                    for r in ranges
                ],
            )
        self.ledger.checkpoint()
        return ranges

    # -- ledger ----------------------------------------------------------------


def _plain(value: float | None) -> int | str | None:
    return None if value is None else json_number(float(value))
