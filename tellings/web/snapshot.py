"""What the web views read: a collection's events, ranges and conflicts, computed once.

Resolving events reads every claim, so it is done once per state of the ledger, not per
request: a `Snapshot` holds the `EventBook` with the events sorted by date and a summary
of each (its dates, place, type, measures, source types and ranges under the
collection's rule). `Reader` hands out the snapshot for the current ledger size and
builds a new one when the ledger has grown. Claims, documents and search are read from
the store directly, a page at a time.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from pathlib import Path

from ..collection import Collection
from ..collection import open as open_collection
from ..events import EventBook
from ..extract.gazetteer import Gazetteer
from ..extract.sentences import split_blocks, split_sentences
from ..model import Document, Source
from ..reconcile import Conflict, Range
from ..resolve import Event, canonical_date

# Events that last longer than this (periods, mostly) are few; a date filter scans them
# apart and bisects the others.
LONG_EVENT = dt.timedelta(days=400)


@dataclass(frozen=True)
class EventSummary:
    """One event as lists show it."""

    event: Event
    title: str
    date: str | None
    place: str | None
    place_id: str | None
    event_type: str | None
    measures: frozenset[str]
    source_types: frozenset[str]
    sources: int


@dataclass(frozen=True)
class EventFilter:
    """The filters the timeline and `/api/events` share; every field optional."""

    place: str | None = None
    event_type: str | None = None
    source_type: str | None = None
    measure: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def keeps(self, summary: EventSummary) -> bool:
        event = summary.event
        if self.start is not None or self.end is not None:
            if event.start is None or event.end is None:
                return False
            if self.start is not None and event.end < self.start:
                return False
            if self.end is not None and event.start > self.end:
                return False
        if self.place and (
            summary.place is None or self.place.casefold() not in summary.place.casefold()
        ):
            return False
        if self.event_type and summary.event_type != self.event_type:
            return False
        if self.measure and self.measure not in summary.measures:
            return False
        return not (self.source_type and self.source_type not in summary.source_types)


@dataclass
class Snapshot:
    """The events of one state of the ledger, and what the views need of them."""

    book: EventBook
    rule: str
    size: int
    gazetteer: Gazetteer | None = None
    summaries: list[EventSummary] = field(default_factory=list)
    _ranges: dict[tuple[str, str], list[Range]] = field(default_factory=dict)
    _conflicts: dict[str, list[Conflict]] = field(default_factory=dict)
    _conflicts_by_measure: dict[str, list[tuple[Event, Conflict]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        summaries = [self._summary(e) for e in self.book.events]
        # Dated events by their earliest day, undated ones last.
        summaries.sort(key=lambda s: (s.event.start or dt.date.max, s.event.id))
        self.summaries = summaries
        self.by_id = {s.event.id: s for s in summaries}
        self._starts = [s.event.start or dt.date.max for s in summaries]
        self._long = [
            i
            for i, s in enumerate(summaries)
            if s.event.start and s.event.end and s.event.end - s.event.start > LONG_EVENT
        ]

    def _summary(self, event: Event) -> EventSummary:
        documents, sources = self.book.documents, self.book.sources
        types = Counter(c.event_type for c in event.claims if c.event_type)
        # One place, by its gazetteer entry: "Ashraf" and "Camp Ashraf" are one camp.
        places = Counter((c.place_id or c.place) for c in event.claims if c.place)
        place_id = places.most_common(1)[0][0] if places else None
        place = self._place_name(place_id, event) if place_id else None
        source_ids = {
            documents[c.document_id].source_id for c in event.claims if c.document_id in documents
        }
        source_types = frozenset(
            sources[s].type or "" for s in source_ids if s is not None and s in sources
        )
        return EventSummary(
            event=event,
            title=self.book.title(event),
            date=canonical_date(event),
            place=place,
            place_id=place_id,
            event_type=types.most_common(1)[0][0] if types else None,
            measures=frozenset(c.measure for c in event.claims),
            source_types=source_types - {""},
            sources=len(source_ids),
        )

    def _place_name(self, place_id: str, event: Event) -> str | None:
        if self.gazetteer is not None:
            try:
                return self.gazetteer.entity(place_id).name
            except KeyError:
                pass
        return next((c.place for c in event.claims if place_id in (c.place_id, c.place)), None)

    def ranges(self, event: Event, rule: str | None = None) -> list[Range]:
        key = (event.id, rule or self.rule)
        if key not in self._ranges:
            self._ranges[key] = self.book.ranges(event, rule or self.rule)
        return self._ranges[key]

    def conflicts(self, event: Event) -> list[Conflict]:
        if event.id not in self._conflicts:
            self._conflicts[event.id] = self.book.conflicts(event)
        return self._conflicts[event.id]

    @cached_property
    def all_conflicts(self) -> list[tuple[Event, Conflict]]:
        """Every disagreement, most serious (furthest apart) first."""
        found = [(e, c) for e in self.book.events for c in self.conflicts(e)]
        found.sort(key=lambda pair: (-pair[1].gap, pair[0].id, pair[1].a.claim.id))
        return found

    def conflicts_about(self, measure: str | None) -> list[tuple[Event, Conflict]]:
        """Every disagreement about `measure` (all when None), most serious first."""
        if measure is None:
            return self.all_conflicts
        if measure not in self.measures:
            return []
        if measure not in self._conflicts_by_measure:
            self._conflicts_by_measure[measure] = [
                pair for pair in self.all_conflicts if pair[1].measure == measure
            ]
        return self._conflicts_by_measure[measure]

    @cached_property
    def documents_by_date(self) -> list[Document]:
        """Every document, by publication date then name."""
        return sorted(self.book.documents.values(), key=lambda d: (d.published or "", d.name))

    @cached_property
    def event_types(self) -> list[str]:
        return sorted({s.event_type for s in self.summaries if s.event_type})

    @cached_property
    def measures(self) -> list[str]:
        return sorted({m for s in self.summaries for m in s.measures})

    @cached_property
    def source_types(self) -> list[str]:
        return sorted({t for s in self.summaries for t in s.source_types})

    def select(
        self, where: EventFilter, *, after: int = 0, limit: int = 50
    ) -> tuple[list[EventSummary], int | None]:
        """Up to `limit` events from position `after` that pass the filter, in date
        order, and the position to continue from (None at the end)."""
        positions: Iterable[int] = range(after, len(self.summaries))
        if where.start is not None:
            # A short event that starts more than LONG_EVENT before the span ends before
            # it: begin at the first that may reach it, after the long ones before that.
            earliest = max(where.start, dt.date.min + LONG_EVENT) - LONG_EVENT
            first = bisect.bisect_left(self._starts, earliest, lo=after)
            early = self._long[
                bisect.bisect_left(self._long, after) : bisect.bisect_left(self._long, first)
            ]
            positions = chain(early, range(first, len(self.summaries)))
        found: list[EventSummary] = []
        for index in positions:
            summary = self.summaries[index]
            if where.end is not None and summary.event.start and summary.event.start > where.end:
                return found, None
            if where.keeps(summary):
                found.append(summary)
                if len(found) == limit:
                    more = index + 1 < len(self.summaries)
                    return found, index + 1 if more else None
        return found, None

    @cached_property
    def _place_counts(self) -> list[tuple[str, str, int]]:
        counts: Counter[tuple[str, str]] = Counter(
            (s.place_id, s.place) for s in self.summaries if s.place_id and s.place
        )
        return [(place_id, name, count) for (place_id, name), count in counts.most_common()]

    def place_counts(self) -> Iterator[tuple[str, str, int]]:
        """(place id, name, events) for every place events happened at."""
        yield from self._place_counts


class Reader:
    """Opens a collection for the web layer and keeps its snapshot current."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.collection: Collection = open_collection(self.path)
        self._snapshot: Snapshot | None = None
        self._sentences: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        self._claims_by_source: tuple[int, dict[str | None, int]] | None = None
        self._closed = False

    def open(self) -> None:
        """Open the collection again after `close`; the snapshot is kept, since it is
        checked against the ledger's size before each use."""
        if self._closed:
            self.collection = open_collection(self.path)
            self._closed = False

    def snapshot(self) -> Snapshot:
        """The snapshot of the ledger as it stands, built when the ledger has grown.

        Building one also finds every conflict and counts the claims of each source, so
        that no request waits for them, and then freezes what it holds out of the
        garbage collector's reach: a full collection over millions of claims would
        otherwise stall requests now and then.
        """
        size = self.collection.ledger.size()
        if self._snapshot is None or self._snapshot.size != size:
            self._snapshot = None
            self.collection._events = None  # the ledger grew: resolve again
            gc.unfreeze()  # the previous snapshot may go
            snapshot = Snapshot(
                self.collection.events(),
                self.collection.reconcile_rule,
                size,
                self.collection.gazetteer,
            )
            snapshot.all_conflicts  # noqa: B018 (computed once, here)
            self._claims_by_source = (size, self.collection.claim_counts_by_source())
            gc.collect()
            gc.freeze()
            self._snapshot = snapshot
        return self._snapshot

    def document(self, ref: str) -> Document:
        """The document `ref` names, as `Collection.document` finds it; a full id, as
        the pages and the API link documents, is looked up directly."""
        found = self.collection.document_by_id(ref)
        return found if found is not None else self.collection.document(ref)

    def claims_by_source(self) -> dict[str | None, int]:
        """How many current claims each source's documents make (None: no source), as
        counted when the snapshot was built."""
        size = self.snapshot().size
        if self._claims_by_source is None or self._claims_by_source[0] != size:
            self._claims_by_source = (size, self.collection.claim_counts_by_source())
        return self._claims_by_source[1]

    def sentence_of(self, document_id: str, start: int, end: int) -> tuple[str, int, int]:
        """The sentence holding text[start:end] of a document: (sentence, its start, its
        end); the quote's own span when the text has no sentence around it."""
        if document_id not in self._sentences:
            if len(self._sentences) >= 256:  # a small cache of recently shown documents
                self._sentences.pop(next(iter(self._sentences)))
            text = self.document(document_id).text
            spans = [(s.start, s.end) for s in split_sentences(text, split_blocks(text))]
            self._sentences[document_id] = (text, spans)
        text, spans = self._sentences[document_id]
        index = bisect.bisect_right(spans, (start, len(text) + 1)) - 1
        if 0 <= index < len(spans) and spans[index][0] <= start and end <= spans[index][1]:
            first, last = spans[index]
        else:
            first, last = start, end
        return text[first:last], first, last

    @property
    def sources(self) -> dict[str, Source]:
        return self.snapshot().book.sources

    @property
    def documents(self) -> dict[str, Document]:
        return self.snapshot().book.documents

    def close(self) -> None:
        self.collection.close()
        self._closed = True


def page_of(items: Sequence[object], after: int, limit: int) -> int | None:
    """The position after a page of a list, or None when the list ends there."""
    return after + limit if after + limit < len(items) else None
