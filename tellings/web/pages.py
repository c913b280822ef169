"""The pages: server-rendered HTML over the same shapes as the API.

Every piece of document text reaches the page through Jinja's autoescaping or
`markupsafe.escape`; nothing from a document is ever marked safe as it is.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..reconcile import FACT_MEASURES
from . import params, svg
from .api import event_detail, reader_of
from .highlight import highlighted
from .search import search
from .shapes import summary_json

templates = Environment(
    loader=PackageLoader("tellings.web", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.filters["figure"] = lambda low, high: figure(low, high)
templates.filters["num"] = lambda value: shown(value)


def shown(value: float | int | None) -> str:
    """A figure for people: 1,200 · 36.3 · 0.6 (converted units are not exact)."""
    if value is None:
        return "–"
    value = float(value)
    if value.is_integer():
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def figure(low: float | None, high: float | None) -> str:
    """A count interval as people write it: 11, 9+, 450–500."""
    if low is None:
        return "–"
    if high is None:
        return f"{shown(low)}+"
    if high == low:
        return shown(low)
    return f"{shown(low)}–{shown(high)}"


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    reader = reader_of(request)
    context.setdefault("title", "tellings")
    html = templates.get_template(name).render(
        request=request, collection=reader.path.name, path=request.url.path, **context
    )
    return HTMLResponse(html, status_code=status)


async def timeline(request: Request) -> HTMLResponse:
    snapshot = reader_of(request).snapshot()
    where = params.event_filter(request)
    after, limit = params.position(request), params.limit(request, 100)
    found, next_after = snapshot.select(where, after=after, limit=limit)
    rows = [summary_json(snapshot, s) for s in found]
    killed = [
        svg.TimelinePoint(
            start=s.event.start,
            end=s.event.end,
            low=r.low,
            best=r.best,
            high=r.high,
            label=s.title,
            href=f"/events/{s.event.id}",
        )
        for s in found
        # Incidents only: a period's bar would span years and flatten every incident.
        if s.event.start is not None and s.event.end is not None and s.event.kind == "incident"
        for r in snapshot.ranges(s.event)
        if r.measure == (where.measure or "killed") and r.low is not None
    ]
    next_url = str(request.url.include_query_params(after=next_after)) if next_after else None
    return render(
        request,
        "timeline.html",
        title="Timeline",
        rows=rows,
        where=where,
        snapshot=snapshot,
        chart=Markup(svg.timeline_chart(killed, where.measure or "killed")) if killed else None,
        next_url=next_url,
        query=dict(request.query_params),
    )


async def event(request: Request) -> HTMLResponse:
    reader = reader_of(request)
    snapshot = reader.snapshot()
    detail = event_detail(reader, request.path_params["event_id"])
    charts = {}
    for block in detail["by_measure"]:
        if block["measure"] == "date_of":
            continue
        rows = [
            svg.IntervalRow(
                label=a["source"]["name"] if a["source"] else a["claim"]["document_name"] or "",
                note=a["claim"]["quote"],
                low=float(a["claim"]["low"]),
                high=None if a["claim"]["high"] is None else float(a["claim"]["high"]),
                conflict=a["conflict"],
                href=f"/documents/{a['claim']['document']}#claim-{a['claim']['id']}",
            )
            for a in block["accounts"]
            if a["claim"]["low"] is not None
        ]
        found = block["range"]
        reconciled = (
            svg.Reconciled(found["low"], found["best"], found["high"], found["rule"])
            if found
            else None
        )
        if rows:
            charts[block["measure"]] = Markup(svg.interval_chart(rows, reconciled))
    children = [snapshot.book.by_id[c] for c in detail["children"] if c in snapshot.book.by_id]
    return render(
        request,
        "event.html",
        title=detail["title"],
        event=detail,
        charts=charts,
        children=[(c.id, snapshot.book.title(c)) for c in children],
        facts=FACT_MEASURES,
    )


async def document(request: Request) -> HTMLResponse:
    reader = reader_of(request)
    found = reader.document(request.path_params["document_id"])
    claims = reader.collection.document_claims(found.id)
    snapshot = reader.snapshot()
    events = {c.id: snapshot.book.by_claim.get(c.id) for c in claims}
    return render(
        request,
        "document.html",
        title=found.title or found.name,
        document=found,
        source=reader.sources.get(found.source_id or ""),
        text=highlighted(found.text, claims),
        claims=claims,
        events={k: (v.id, snapshot.book.title(v)) for k, v in events.items() if v is not None},
    )


async def original(request: Request) -> Response:
    reader = reader_of(request)
    found = reader.document(request.path_params["document_id"])
    data = reader.collection.original(found.id)
    return Response(
        data,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="{_safe_filename(found.filename)}"',
            "X-Content-SHA256": found.id,
        },
    )


def _safe_filename(name: str) -> str:
    kept = "".join(ch for ch in name if ch.isalnum() or ch in "._- ")
    return kept.strip() or "original"


async def conflicts(request: Request) -> HTMLResponse:
    snapshot = reader_of(request).snapshot()
    after, limit = params.position(request), params.limit(request, 100)
    found = snapshot.all_conflicts
    shown = found[after : after + limit]
    next_url = (
        str(request.url.include_query_params(after=after + limit))
        if after + limit < len(found)
        else None
    )
    return render(
        request,
        "conflicts.html",
        title="Conflicts",
        pairs=[(e, snapshot.book.title(e), c) for e, c in shown],
        total=len(found),
        next_url=next_url,
        documents=snapshot.book.documents,
    )


async def sources(request: Request) -> HTMLResponse:
    reader = reader_of(request)
    counts = reader.claims_by_source()
    found = sorted(reader.sources.values(), key=lambda s: s.name.casefold())
    by_type: Counter[str] = Counter()
    for source in found:
        by_type[source.type or "unknown"] += counts.get(source.id, 0)
    if counts.get(None):
        by_type["no source"] += counts[None]
    chart = svg.bar_chart(sorted(by_type.items(), key=lambda kv: -kv[1]), "Claims per source type")
    return render(
        request,
        "sources.html",
        title="Sources",
        sources=[(s, counts.get(s.id, 0)) for s in found],
        chart=Markup(chart) if by_type else None,
    )


async def places(request: Request) -> HTMLResponse:
    reader = reader_of(request)
    snapshot = reader.snapshot()
    gazetteer = reader.collection.gazetteer
    points, listed = [], []
    for place_id, name, count in snapshot.place_counts():
        try:
            entity = gazetteer.entity(place_id)
        except KeyError:
            continue
        listed.append((name, entity.lat, entity.lon, count))
        if entity.lat is not None and entity.lon is not None:
            points.append(
                svg.MapPoint(
                    name=name,
                    lat=float(entity.lat),
                    lon=float(entity.lon),
                    count=count,
                    href="/?" + _query(place=name),
                )
            )
    chart = Markup(svg.world_map(points)) if points else None
    return render(request, "places.html", title="Places", chart=chart, places=listed)


def _query(**values: str) -> str:
    return urlencode(values)


async def search_page(request: Request) -> HTMLResponse:
    reader = reader_of(request)
    query = params.text(request, "q")
    hits = search(reader, query, limit=50) if query else []
    return render(request, "search.html", title="Search", q=query or "", hits=hits)


async def api_docs(request: Request) -> HTMLResponse:
    from .openapi import spec

    return render(request, "api_docs.html", title="API", spec=spec())


routes = [
    Route("/", timeline),
    Route("/events/{event_id}", event),
    Route("/documents/{document_id}", document),
    Route("/documents/{document_id}/original", original),
    Route("/conflicts", conflicts),
    Route("/sources", sources),
    Route("/places", places),
    Route("/search", search_page),
    Route("/api/docs", api_docs),
]
