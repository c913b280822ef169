"""Events of a collection: its claims resolved, people's corrections applied, and each
event's accounts with their sources, ready to reconcile.

`EventBook` is what `Collection.events()` returns: computed from the stored claims and
the decisions in the ledger, so it is always what the record says.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import InvalidValue, NotFound
from .extract.gazetteer import Gazetteer
from .model import Claim, Document, Source
from .reconcile import Account, Conflict, Range, conflicts, reconcile, sum_conflicts
from .resolve import Decision, Event, Site, anchor, canonical_date, resolve_events

_DECISION = {"event.merged": "merge", "event.split": "split", "event.renamed": "rename"}
DECISION_KINDS = tuple(_DECISION)


def site_chain(gazetteer: Gazetteer, place_id: str | None) -> Site:
    """A place and the places that hold it, up to but not including its country."""
    chain: list[str] = []
    while place_id and len(chain) < 8:
        try:
            entity = gazetteer.entity(place_id)
        except KeyError:
            break
        if entity.parent is None:
            break  # a country: too coarse to tell events apart
        chain.append(place_id)
        place_id = entity.parent
    return tuple(chain)


def decisions_from(entries: Iterable[dict[str, object]]) -> list[Decision]:
    """People's corrections from their ledger entries, in ledger order."""
    found = []
    for entry in entries:
        data = entry["data"]
        assert isinstance(data, dict)
        anchors = tuple((str(a[0]), int(a[1]), int(a[2])) for a in data.get("anchors", []))
        title = data.get("title")
        found.append(
            Decision(
                _DECISION[str(entry["kind"])],
                str(data["event"]),
                anchors,
                title if isinstance(title, str) else None,
            )
        )
    return found


@dataclass
class EventBook:
    """Every event of a collection, with lookups by event and by claim."""

    events: list[Event]
    sources: dict[str, Source]
    documents: dict[str, Document]
    by_id: dict[str, Event] = field(default_factory=dict)
    by_claim: dict[str, Event] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for event in self.events:
            self.by_id[event.id] = event
            for claim in event.claims:
                self.by_claim[claim.id] = event

    def event(self, ref: str) -> Event:
        found = self.by_id.get(ref) or self.by_id.get(f"ev-{ref}")
        if found is None:
            matches = [e for e in self.events if e.id.startswith(ref) or e.id[3:].startswith(ref)]
            if len(matches) == 1:
                return matches[0]
            raise NotFound(f"no event {ref!r}; `tellings events` lists them")
        return found

    def accounts(self, event: Event) -> list[Account]:
        """The event's claims with their sources and publication dates."""
        found = []
        for claim in event.claims:
            document = self.documents.get(claim.document_id)
            source = self.sources.get(document.source_id or "") if document else None
            found.append(Account(claim, source, document.published if document else None))
        return found

    def conflicts(self, event: Event) -> list[Conflict]:
        """Pairs of accounts that cannot both hold, and for a period, totals that its
        events' figures from one source cannot add up to."""
        found = conflicts(self.accounts(event))
        if event.kind == "period" and event.children:
            children = [self.accounts(self.by_id[c]) for c in event.children if c in self.by_id]
            found += sum_conflicts(self.accounts(event), children)
        return found

    def conflict_record(self, event: Event, clash: Conflict) -> dict[str, Any]:
        """A conflict as JSON tools read it: `{"event", "title", "measure", "a", "b",
        "why"}`, each side with its document, offsets, quote, interval and source; for a
        total against a sum, `b` is the sum of the figures listed in `claims`."""

        def side(account: Account) -> dict[str, Any]:
            claim = account.claim
            document = self.documents.get(claim.document_id)
            return {
                "doc": document.name if document else claim.document_id,
                "claim": claim.id,
                "start": claim.start,
                "end": claim.end,
                "quote": claim.quote,
                "low": claim.low,
                "high": claim.high,
                "qualifier": claim.qualifier,
                "event_date": claim.event_date,
                "source": account.source.name if account.source else None,
            }

        b = side(clash.b)
        if clash.parts:
            b.update(
                quote=" + ".join(p.claim.quote for p in clash.parts),
                low=clash.parts_low,
                high=None if clash.parts_high == float("inf") else clash.parts_high,
                qualifier="sum",
                claims=[p.claim.id for p in clash.parts],
            )
        return {
            "event": event.id,
            "title": self.title(event),
            "measure": clash.measure,
            "a": side(clash.a),
            "b": b,
            "why": clash.why,
        }

    def ranges(self, event: Event, rule_name: str) -> list[Range]:
        accounts = self.accounts(event)
        measures = sorted({a.claim.measure for a in accounts} - {"date_of"})
        return [reconcile(m, accounts, rule_name) for m in measures]

    def title(self, event: Event) -> str:
        """A title for the event: the person-given one, else kind, place and date."""
        if event.title:
            return event.title
        types = [c.event_type for c in event.claims if c.event_type]
        kind = max(set(types), key=types.count) if types else "event"
        places = [c.place for c in event.claims if c.place]
        place = max(set(places), key=places.count) if places else "unknown place"
        date = canonical_date(event) or "undated"
        if event.kind == "fact":
            what = event.claims[0].victims if event.claims[0].measure == "date_of" else None
            return f"{what or event.claims[0].measure} of {place}"
        if event.kind == "period":
            return f"{kind}s at {place}, {date}"
        return f"{kind} at {place}, {date}"


def build_book(
    claims: Sequence[Claim],
    sources: Sequence[Source],
    documents: Sequence[Document],
    gazetteer: Gazetteer,
    decisions: Sequence[Decision],
) -> EventBook:
    events = resolve_events(
        claims, site_of=lambda place: site_chain(gazetteer, place), decisions=decisions
    )
    return EventBook(events, {s.id: s for s in sources}, {d.id: d for d in documents})


def decision_entry(event_id: str, claims: Iterable[Claim], **extra: object) -> dict[str, Any]:
    """The ledger data of a correction: the event it names and the claims' anchors."""
    data: dict[str, Any] = {
        "event": event_id,
        "anchors": sorted([list(anchor(c)) for c in claims]),
    }
    data.update(extra)
    return data


def new_event_id(claims: Iterable[Claim]) -> str:
    first = min(anchor(c) for c in claims)
    digest = hashlib.sha256(("split:" + json.dumps(first)).encode()).hexdigest()
    return "ev-" + digest[:12]


def check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise InvalidValue("an event's title cannot be empty")
    return title


def in_span(event: Event, start: dt.date | None, end: dt.date | None) -> bool:
    """True when the event's dates can fall between `start` and `end` (either open)."""
    if event.start is None or event.end is None:
        return start is None and end is None
    return (start is None or event.end >= start) and (end is None or event.start <= end)


def rederive_ranges(entries: Iterable[dict[str, Any]]) -> list[tuple[dict[str, Any], Range]]:
    """Every `range.computed` entry beside the range re-derived from the ledger alone.

    The claims named as inputs are rebuilt from their `claim.added` entries, their
    sources and publication dates from the `source.*` and `document.added` entries;
    the rule named in the entry is run again. Anyone holding the ledger can do this.
    """
    claims: dict[str, Claim] = {}
    sources: dict[str, Source] = {}
    documents: dict[str, dict[str, Any]] = {}
    recorded: list[dict[str, Any]] = []
    for entry in entries:
        kind, data = entry["kind"], entry["data"]
        if kind == "claim.added":
            claims[data["id"]] = claim_from_entry(data)
        elif kind in ("source.added", "source.updated"):
            sources[data["id"]] = Source(
                data["id"],
                data["name"],
                data.get("type"),
                data.get("affiliation"),
                data.get("reliability"),
            )
        elif kind == "document.added":
            documents[data["id"]] = data
        elif kind == "range.computed":
            recorded.append(data)
    results = []
    for data in recorded:
        accounts = []
        for claim_id in [*data["inputs"], *data["shown"]]:
            claim = claims[claim_id]
            document = documents.get(claim.document_id, {})
            source = sources.get(document.get("source_id") or "")
            accounts.append(Account(claim, source, document.get("published")))
        results.append((data, reconcile(data["measure"], accounts, data["rule"])))
    return results


def claim_from_entry(data: dict[str, Any]) -> Claim:
    """A claim as its `claim.added` ledger entry records it."""
    values = dict(data)
    for name in ("low", "high", "value", "normalised_low", "normalised_high"):
        if isinstance(values.get(name), str):
            values[name] = float(values[name])
    return Claim(**values)
