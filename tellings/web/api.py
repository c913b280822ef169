"""The JSON API: `/api/...`. Lists are pages: `{"items": [...], "next": ...}` where
`next` is the URL of the following page, or null at the end."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..errors import NotFound
from ..reconcile import Account
from . import params
from .search import search
from .shapes import (
    account_json,
    claim_json,
    conflict_json,
    document_json,
    range_json,
    source_json,
    summary_json,
)
from .snapshot import Reader, page_of


def reader_of(request: Request) -> Reader:
    reader: Reader = request.app.state.reader
    return reader


def page(request: Request, items: list[Any], after: int | None) -> JSONResponse:
    """A page of a list, with the URL of the next one."""
    next_url = None
    if after is not None:
        next_url = str(request.url.include_query_params(after=after))
    return JSONResponse({"items": items, "next": next_url})


async def events(request: Request) -> JSONResponse:
    snapshot = reader_of(request).snapshot()
    where = params.event_filter(request)
    found, after = snapshot.select(
        where, after=params.position(request), limit=params.limit(request)
    )
    return page(request, [summary_json(snapshot, s) for s in found], after)


def event_detail(reader: Reader, ref: str) -> dict[str, Any]:
    """An event with, per measure, every account side by side (each quote with the
    sentence it stands in), its range and conflicts."""
    snapshot = reader.snapshot()
    event = snapshot.book.event(ref)
    summary = snapshot.by_id[event.id]
    accounts = snapshot.book.accounts(event)
    clashes = snapshot.conflicts(event)
    in_conflict = {c.a.claim.id for c in clashes} | {
        a.claim.id for c in clashes for a in (c.b, *c.parts)
    }
    ranges = {r.measure: r for r in snapshot.ranges(event)}
    measures = []
    for measure in sorted({a.claim.measure for a in accounts}):
        side: list[Account] = [a for a in accounts if a.claim.measure == measure]
        side.sort(key=lambda a: (a.published or "", a.claim.document_id, a.claim.start))
        found = ranges.get(measure)
        measures.append(
            {
                "measure": measure,
                "range": range_json(found) if found else None,
                "accounts": [
                    _with_sentence(reader, account_json(a, side, a.claim.id in in_conflict))
                    for a in side
                ],
                "conflicts": [
                    conflict_json(snapshot, event, c) for c in clashes if c.measure == measure
                ],
            }
        )
    detail = summary_json(snapshot, summary)
    detail["children"] = list(event.children)
    detail["by_measure"] = measures
    return detail


def _with_sentence(reader: Reader, account: dict[str, Any]) -> dict[str, Any]:
    claim = account["claim"]
    text, start, end = reader.sentence_of(claim["document"], claim["start"], claim["end"])
    account["sentence"] = {"text": text, "start": start, "end": end}
    document = reader.documents.get(claim["document"])
    claim["document_name"] = document.name if document else None
    return account


async def event(request: Request) -> JSONResponse:
    return JSONResponse(event_detail(reader_of(request), request.path_params["event_id"]))


async def claims(request: Request) -> JSONResponse:
    reader = reader_of(request)
    after, limit = params.position(request), params.limit(request)
    measure = params.text(request, "measure")
    document_ref = params.text(request, "document")
    event_ref = params.text(request, "event")
    documents = reader.documents
    document_id = None
    if document_ref is not None:
        document_id = reader.document(document_ref).id
    if event_ref is not None:
        chosen = [
            c
            for c in reader.snapshot().book.event(event_ref).claims
            if (measure is None or c.measure == measure)
            and (document_id is None or c.document_id == document_id)
        ]
        items = [claim_json(c, documents.get(c.document_id)) for c in chosen[after : after + limit]]
        return page(request, items, page_of(chosen, after, limit))
    rows = reader.collection.claims_page(
        after=after,
        limit=limit + 1,
        document_id=document_id,
        measures=[measure] if measure else None,
    )
    more = len(rows) > limit
    rows = rows[:limit]
    items = [claim_json(c, documents.get(c.document_id)) for _, c in rows]
    return page(request, items, rows[-1][0] if more and rows else None)


async def documents(request: Request) -> JSONResponse:
    reader = reader_of(request)
    after, limit = params.position(request), params.limit(request)
    source_ref = params.text(request, "source")
    found = reader.snapshot().documents_by_date
    if source_ref is not None:
        wanted = reader.collection.source(source_ref).id
        found = [d for d in found if d.source_id == wanted]
    sources = reader.sources
    items = [document_json(d, sources.get(d.source_id or "")) for d in found[after : after + limit]]
    return page(request, items, page_of(found, after, limit))


async def document(request: Request) -> JSONResponse:
    reader = reader_of(request)
    found = reader.document(request.path_params["document_id"])
    detail = document_json(found, reader.sources.get(found.source_id or ""), text=True)
    detail["claims"] = [claim_json(c, found) for c in reader.collection.document_claims(found.id)]
    return JSONResponse(detail)


async def sources(request: Request) -> JSONResponse:
    reader = reader_of(request)
    counts = reader.claims_by_source()
    found = sorted(reader.sources.values(), key=lambda s: s.name.casefold())
    after, limit = params.position(request), params.limit(request)
    items = [source_json(s, counts.get(s.id, 0)) for s in found[after : after + limit]]
    return page(request, items, page_of(found, after, limit))


async def conflicts(request: Request) -> JSONResponse:
    snapshot = reader_of(request).snapshot()
    measure = params.text(request, "measure")
    found = snapshot.conflicts_about(measure)
    after, limit = params.position(request), params.limit(request)
    items = [conflict_json(snapshot, e, c) for e, c in found[after : after + limit]]
    return page(request, items, page_of(found, after, limit))


async def search_api(request: Request) -> JSONResponse:
    reader = reader_of(request)
    query = params.text(request, "q")
    if query is None:
        raise params.BadParameter("q is required: the words to search for")
    after, limit = params.position(request), params.limit(request, 20)
    hits = search(reader, query, after=after, limit=limit + 1)
    more = len(hits) > limit
    return page(request, [h.json() for h in hits[:limit]], after + limit if more else None)


async def not_found(request: Request) -> JSONResponse:
    raise NotFound(f"no API endpoint {request.url.path}; see /openapi.json")


routes = [
    Route("/api/events", events),
    Route("/api/events/{event_id}", event),
    Route("/api/claims", claims),
    Route("/api/documents", documents),
    Route("/api/documents/{document_id}", document),
    Route("/api/sources", sources),
    Route("/api/conflicts", conflicts),
    Route("/api/search", search_api),
]
