"""`export.annotations.v1`: claims as W3C Web Annotations (JSON-LD).

The file is one `AnnotationCollection` whose first and only `AnnotationPage` holds
every annotation (Web Annotation Data Model §5). Each claim is one annotation
(motivation `describing`) whose target is its document, named by the SHA-256 of its
original bytes (`urn:sha256:<hex>`, the id tellings gives the document), with two
selectors for the same words (§4.2): a `TextQuoteSelector` (the quote, with the 32
characters before and after) and a `TextPositionSelector` (its start and end in the
text tellings stored for the document, counted in Unicode code points as §4.2.4
requires). The bodies say what the claim states: a plain sentence, the measure as a
tag, and the claim's fields as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from .. import __version__
from ..model import Claim, Document, Source
from .describe import figure_words, measure_heading, plain
from .output import write_output

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def document_uri(document_id: str) -> str:
    """A document's stable URI: the SHA-256 of its original bytes."""
    return f"urn:sha256:{document_id}"


def claim_uri(claim_id: str) -> str:
    return f"urn:tellings:claim:{claim_id}"


def annotation(claim: Claim, source: Source | None, event: str | None) -> dict[str, Any]:
    """The Web Annotation of one claim."""
    fields = {
        "claim": claim.id,
        "measure": claim.measure,
        "low": plain(claim.low),
        "high": plain(claim.high),
        "qualifier": claim.qualifier,
        "unit": claim.unit,
        "event_date": claim.event_date,
        "event": event,
        "place": claim.place,
        "victims": claim.victims,
        "rule": claim.rule,
        "source": source.name if source else None,
    }
    sentence = f"{measure_heading(claim.measure)}: {figure_words(claim)}"
    if claim.unit:
        sentence += f" {claim.unit}"
    if claim.event_date:
        sentence += f", dated {claim.event_date}"
    if claim.place:
        sentence += f", at {claim.place}"
    if event:
        sentence += f" (event {event})"
    target: dict[str, Any] = {
        "source": document_uri(claim.document_id),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": claim.quote,
                "prefix": claim.prefix,
                "suffix": claim.suffix,
            },
            {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
        ],
    }
    return {
        "id": claim_uri(claim.id),
        "type": "Annotation",
        "motivation": "describing",
        "body": [
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": sentence,
                "format": "text/plain",
            },
            {"type": "TextualBody", "purpose": "tagging", "value": claim.measure},
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": json.dumps(fields, ensure_ascii=False),
                "format": "application/json",
            },
        ],
        "target": target,
    }


def annotation_collection(
    claims: Iterable[Claim],
    documents: dict[str, Document],
    sources: dict[str, Source],
    events: dict[str, str],
    *,
    label: str,
) -> dict[str, Any]:
    """An AnnotationCollection with every claim's annotation on its one page."""
    items = []
    for claim in claims:
        document = documents.get(claim.document_id)
        source = sources.get(document.source_id or "") if document else None
        items.append(annotation(claim, source, events.get(claim.id)))
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "generator": {"type": "Software", "name": f"tellings {__version__}"},
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write_annotations(collection: dict[str, Any], path: Path) -> int:
    """Write the JSON-LD; return how many annotations it holds."""

    def write(out: IO[str]) -> None:
        json.dump(collection, out, ensure_ascii=False, indent=2)
        out.write("\n")

    write_output(path, write)
    return int(collection["total"])
