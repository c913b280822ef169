"""The JSON shapes of the API: claims, events, documents, sources and conflicts.

The pages and `/api/...` read the same shapes, so what a page shows is what the API
returns. Every claim carries its quote, offsets and a W3C TextQuoteSelector.
"""

from __future__ import annotations

from typing import Any

from ..model import Claim, Document, Source
from ..reconcile import Account, Conflict, Range, credibility
from ..resolve import OPEN_END, OPEN_START, Event
from .snapshot import EventSummary, Snapshot


def number(value: float | None) -> int | float | None:
    """A figure as JSON shows it: whole numbers without a decimal point."""
    if value is None or value != value or value in (float("inf"), float("-inf")):
        return None
    return int(value) if float(value).is_integer() else round(float(value), 4)


def claim_json(claim: Claim, document: Document | None = None) -> dict[str, Any]:
    return {
        "id": claim.id,
        "document": claim.document_id,
        "document_name": document.name if document else None,
        "measure": claim.measure,
        "low": number(claim.low),
        "high": number(claim.high),
        "qualifier": claim.qualifier,
        "unit": claim.unit,
        "event_date": claim.event_date,
        "period": claim.period,
        "place": claim.place,
        "place_id": claim.place_id,
        "victims": claim.victims,
        "perpetrator": claim.perpetrator,
        "event_type": claim.event_type,
        "speaker": claim.speaker,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "selector": {
            "type": "TextQuoteSelector",
            "exact": claim.quote,
            "prefix": claim.prefix,
            "suffix": claim.suffix,
        },
        "position": {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
        "rule": claim.rule,
        "extractor": claim.extractor,
    }


def source_json(source: Source, claims: int | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": source.id,
        "name": source.name,
        "type": source.type,
        "affiliation": source.affiliation,
        "reliability": source.reliability,
    }
    if claims is not None:
        found["claims"] = claims
    return found


def account_json(account: Account, accounts: list[Account], conflicted: bool) -> dict[str, Any]:
    source = account.source
    return {
        "claim": claim_json(account.claim),
        "source": source_json(source) if source else None,
        "published": account.published,
        "credibility": credibility(account, accounts),
        "counted": not account.part,
        "conflict": conflicted,
    }


def range_json(found: Range) -> dict[str, Any]:
    return {
        "measure": found.measure,
        "rule": found.rule,
        "low": number(found.low),
        "best": number(found.best),
        "high": number(found.high),
        "inputs": list(found.inputs),
        "shown": list(found.shown),
    }


def summary_json(snapshot: Snapshot, summary: EventSummary) -> dict[str, Any]:
    event = summary.event
    return {
        "id": event.id,
        "title": summary.title,
        "kind": event.kind,
        "date": summary.date,
        # An open end ("since 2009", "until 1998") is null, not a made-up day.
        "start": event.start.isoformat() if event.start and event.start > OPEN_START else None,
        "end": event.end.isoformat() if event.end and event.end < OPEN_END else None,
        "dates": event.dates,
        "place": summary.place,
        "place_id": summary.place_id,
        "type": summary.event_type,
        "measures": sorted(summary.measures),
        "source_types": sorted(summary.source_types),
        "claims": len(event.claims),
        "sources": summary.sources,
        "rule": snapshot.rule,
        "ranges": [range_json(r) for r in snapshot.ranges(event)],
    }


def conflict_json(snapshot: Snapshot, event: Event, clash: Conflict) -> dict[str, Any]:
    """`EventBook.conflict_record` with each side's document id, whole numbers without a
    decimal point, and how far apart the two are (`gap`)."""
    found = snapshot.book.conflict_record(event, clash)
    for key, account in (("a", clash.a), ("b", clash.b)):
        found[key]["document"] = account.claim.document_id
        found[key]["low"] = number(found[key]["low"])
        found[key]["high"] = number(found[key]["high"])
    found["gap"] = round(clash.gap, 4)
    return found


def document_json(
    document: Document, source: Source | None, *, text: bool = False
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": document.id,
        "sha256": document.id,
        "name": document.name,
        "filename": document.filename,
        "format": document.format,
        "size": document.size,
        "title": document.title,
        "author": document.author,
        "url": document.url,
        "published": document.published,
        "language": document.language,
        "ingested_at": document.ingested_at,
        "source": source_json(source) if source else None,
    }
    if text:
        found["text"] = document.text
    return found
