"""`export.claims.v1`: claims as JSON Lines in the gold schema, or CSV.

Each row holds the gold schema's fields (`doc`, `event`, `event_date`, `place`,
`measure`, `victims`, `low`, `high`, `qualifier`, `quote`) plus `start`, `end`
(offsets of the quote in the stored text), `rule`, `source` and tellings' own fields.
`doc` is the ingested file's name without its extension; `event` is the id of the event
the claim was resolved into.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import Claim, Document, Source

FIELDS = (
    "doc",
    "event",
    "event_date",
    "place",
    "measure",
    "victims",
    "low",
    "high",
    "qualifier",
    "quote",
    "start",
    "end",
    "rule",
    "source",
    "source_type",
    "claim_id",
    "document_id",
    "unit",
    "normalised_low",
    "normalised_high",
    "normalised_unit",
    "period",
    "event_type",
    "perpetrator",
    "speaker",
    "prefix",
    "suffix",
    "extractor",
)


def claim_rows(
    claims: Iterable[Claim],
    documents: dict[str, Document],
    sources: dict[str, Source],
    events: dict[str, str] | None = None,
) -> Iterator[dict[str, Any]]:
    """One export row per claim, in the order given; `events` maps claim ids to events."""
    events = events or {}
    for claim in claims:
        document = documents.get(claim.document_id)
        source = sources.get(document.source_id or "") if document else None
        yield {
            "doc": document.name if document else claim.document_id,
            "event": events.get(claim.id) or claim.event_key or f"claim:{claim.id}",
            "event_date": claim.event_date,
            "place": claim.place,
            "measure": claim.measure,
            "victims": claim.victims,
            "low": claim.low,
            "high": claim.high,
            "qualifier": claim.qualifier,
            "quote": claim.quote,
            "start": claim.start,
            "end": claim.end,
            "rule": claim.rule,
            "source": source.name if source else None,
            "source_type": source.type if source else None,
            "claim_id": claim.id,
            "document_id": claim.document_id,
            "unit": claim.unit,
            "normalised_low": claim.normalised_low,
            "normalised_high": claim.normalised_high,
            "normalised_unit": claim.normalised_unit,
            "period": claim.period,
            "event_type": claim.event_type,
            "perpetrator": claim.perpetrator,
            "speaker": claim.speaker,
            "prefix": claim.prefix,
            "suffix": claim.suffix,
            "extractor": claim.extractor,
        }


def write_claims(rows: Iterable[dict[str, Any]], path: Path) -> int:
    """Write rows as CSV when `path` ends in .csv, JSON Lines otherwise; return how many."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        if path.suffix.lower() == ".csv":
            writer = csv.DictWriter(out, fieldnames=FIELDS)
            writer.writeheader()
            for row in rows:
                writer.writerow(row)
                count += 1
        else:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    return count
