"""`export.events.v1`: one row per event and measure with its reconciled range.

Columns follow UCDP GED where they fit: `id`, `date_start`, `date_end`, `date_prec`
(1 day, 2 within a week, 3 within a month, 4 within a year, 5 longer), `where_prec`
(1 a site such as a camp or town, 4 a province, 6 a country, 7 unknown), `latitude`,
`longitude`, `low`, `best`, `high`; then tellings' own: `title`, `kind`, `edtf`,
`place`, `measure`, `rule`, `claims` (how many), `sources`, `conflicts`.
CSV when the file name ends in .csv, JSON otherwise.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..events import EventBook
from ..extract.gazetteer import Gazetteer
from ..resolve import OPEN_START, Event, canonical_date

FIELDS = (
    "id",
    "title",
    "kind",
    "edtf",
    "date_start",
    "date_end",
    "date_prec",
    "place",
    "where_prec",
    "latitude",
    "longitude",
    "measure",
    "low",
    "best",
    "high",
    "rule",
    "claims",
    "sources",
    "conflicts",
)


def date_precision(event: Event) -> int:
    if event.start is None or event.end is None:
        return 5
    days = (event.end - event.start).days
    return 1 if days == 0 else 2 if days < 7 else 3 if days < 32 else 4 if days < 367 else 5


def event_rows(book: EventBook, gazetteer: Gazetteer, rule: str) -> Iterator[dict[str, Any]]:
    """One row per event and measure, in timeline order."""
    for event in book.events:
        entity = None
        if event.site:
            try:
                entity = gazetteer.entity(event.site[0])
            except KeyError:
                entity = None
        places = [c.place for c in event.claims if c.place]
        clashes = book.conflicts(event)
        accounts = book.accounts(event)
        for found in book.ranges(event, rule):
            of_measure = [a for a in accounts if a.claim.measure == found.measure]
            yield {
                "id": event.id,
                "title": book.title(event),
                "kind": event.kind,
                "edtf": canonical_date(event),
                "date_start": event.start.isoformat()
                if event.start and event.start > OPEN_START
                else None,
                "date_end": event.end.isoformat() if event.end and event.end.year < 2100 else None,
                "date_prec": date_precision(event),
                "place": entity.name if entity else (places[0] if places else None),
                "where_prec": (1 if entity and entity.kind in ("camp", "place") else 7)
                if entity
                else 7,
                "latitude": entity.lat if entity else None,
                "longitude": entity.lon if entity else None,
                "measure": found.measure,
                "low": found.low,
                "best": found.best,
                "high": found.high,
                "rule": found.rule,
                "claims": len(of_measure),
                "sources": len({a.source.id for a in of_measure if a.source}),
                "conflicts": sum(1 for c in clashes if c.measure == found.measure),
            }


def write_events(rows: Iterator[dict[str, Any]], path: Path) -> int:
    """Write rows as CSV (.csv) or a JSON list; return how many."""
    items = list(rows)
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=FIELDS)
            writer.writeheader()
            writer.writerows(items)
    else:
        path.write_text(json.dumps(items, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(items)
