"""`export.report.v1`: the whole record as one self-contained HTML file, made to print.

The report holds a timeline (an inline SVG chart and a table), every event with its
accounts side by side per measure (source, type, affiliation, reliability, publication
date, figure, and the quote within the words around it), the reconciled range and the
rule that made it, the sources and documents, and every conflict. It makes no request
of any kind: the styles are inline, the chart is inline SVG, there is no script, links
only point inside the file, and a Content-Security-Policy forbids anything else. Every
piece of document text passes through Jinja's autoescaping. A print stylesheet starts
each section on a new page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import __version__
from ..events import EventBook
from ..extract.gazetteer import Gazetteer
from ..model import Claim, Document, Source
from ..model import figure_text as number
from ..reconcile import Account, Conflict, Range
from ..resolve import Event, canonical_date
from .describe import (
    figure_words,
    locate,
    measure_heading,
    open_end,
    open_start,
    source_label,
    spoken_date,
)
from .output import write_output


@dataclass(frozen=True)
class AccountRow:
    source: str
    source_type: str
    affiliation: str
    reliability: str
    published: str
    figure: str
    before: str
    quote: str
    after: str
    document: str
    conflicted: bool
    counted: bool


@dataclass(frozen=True)
class MeasureTable:
    heading: str
    range_text: str
    rule: str
    rows: list[AccountRow]


@dataclass(frozen=True)
class EventSection:
    id: str
    title: str
    date: str
    edtf: str
    account_dates: str
    place: str
    kind: str
    tables: list[MeasureTable]
    conflicts: list[str]
    inside: list[tuple[str, str]]


@dataclass(frozen=True)
class TimelineRow:
    id: str
    date: str
    title: str
    kind: str
    place: str
    killed: str


@dataclass(frozen=True)
class ChartBar:
    id: str
    label: str
    tip: str
    x: float
    width: float
    y: float
    kind: str
    open_start: bool
    open_end: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: float
    row: float
    left: int
    bars: list[ChartBar]
    ticks: list[tuple[float, str]]
    labels: bool


@dataclass(frozen=True)
class SourceRow:
    name: str
    type: str
    affiliation: str
    reliability: str
    documents: int
    claims: int


@dataclass(frozen=True)
class ConflictRow:
    event: str
    title: str
    measure: str
    a: str
    b: str
    why: str


@dataclass
class Report:
    title: str
    rule: str
    version: str
    provenance: str
    counts: dict[str, int]
    timeline: list[TimelineRow] = field(default_factory=list)
    chart: Chart | None = None
    events: list[EventSection] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    source_names: dict[str, str] = field(default_factory=dict)
    conflicts: list[ConflictRow] = field(default_factory=list)


def build_report(
    book: EventBook, gazetteer: Gazetteer, rule: str, *, title: str, provenance: str = ""
) -> Report:
    """What the report shows, computed from the event book: sections, tables, the chart."""
    clashes = {event.id: book.conflicts(event) for event in book.events}
    claims = [c for event in book.events for c in event.claims]
    report = Report(
        title=title,
        rule=rule,
        version=__version__,
        provenance=provenance,
        counts={
            "documents": len(book.documents),
            "sources": len(book.sources),
            "events": len(book.events),
            "claims": len(claims),
            "conflicts": sum(len(found) for found in clashes.values()),
        },
        documents=list(book.documents.values()),
        source_names={s.id: s.name for s in book.sources.values()},
    )
    for event in book.events:
        ranges = book.ranges(event, rule)
        location = locate(event, gazetteer)
        place = location.place.name if location else _named_place(event)
        killed = [r for r in ranges if r.measure == "killed"]
        report.timeline.append(
            TimelineRow(
                event.id,
                spoken_date(event),
                book.title(event),
                event.kind,
                place,
                _range_text(killed[0]) if killed else "",
            )
        )
        report.events.append(_section(book, event, ranges, clashes[event.id], place))
        for clash in clashes[event.id]:
            report.conflicts.append(_conflict_row(book, event, clash))
    report.chart = _chart(book)
    report.sources = _source_rows(book.sources, book.documents, claims)
    return report


def _named_place(event: Event) -> str:
    places = [c.place for c in event.claims if c.place]
    return max(dict.fromkeys(places), key=places.count) if places else ""


def _range_text(found: Range) -> str:
    high = number(found.high) if found.high is not None else "open"
    return f"{number(found.low)} – {number(found.best)} – {high}"


def _section(
    book: EventBook, event: Event, ranges: list[Range], clashes: list[Conflict], place: str
) -> EventSection:
    accounts = sorted(book.accounts(event), key=lambda a: (a.published or "", a.claim.id))
    in_conflict = {c.a.claim.id for c in clashes} | {c.b.claim.id for c in clashes}
    tables = []
    for found in ranges:
        rows = [
            _account_row(book, account, account.claim.id in in_conflict, found)
            for account in accounts
            if account.claim.measure == found.measure
        ]
        tables.append(
            MeasureTable(measure_heading(found.measure), _range_text(found), found.rule, rows)
        )
    return EventSection(
        id=event.id,
        title=book.title(event),
        date=spoken_date(event),
        edtf=canonical_date(event) or "",
        account_dates=", ".join(event.dates),
        place=place,
        kind=event.kind,
        tables=tables,
        conflicts=[clash.why for clash in clashes],
        inside=[(c, book.title(book.by_id[c])) for c in event.children if c in book.by_id],
    )


def _account_row(book: EventBook, account: Account, conflicted: bool, found: Range) -> AccountRow:
    source = account.source
    claim = account.claim
    document = book.documents.get(claim.document_id)
    figure = figure_words(claim) + (f" {claim.unit}" if claim.unit else "")
    return AccountRow(
        source=source_label(account, book.documents),
        source_type=(source.type or "") if source else "",
        affiliation=(source.affiliation or "") if source else "",
        reliability=(source.reliability or "") if source else "",
        published=account.published or "",
        figure=figure,
        before=claim.prefix,
        quote=claim.quote,
        after=claim.suffix,
        document=document.name if document else claim.document_id[:12],
        conflicted=conflicted,
        counted=claim.id in found.inputs,
    )


def _conflict_row(book: EventBook, event: Event, clash: Conflict) -> ConflictRow:
    def side(account: Account) -> str:
        return f"{figure_words(account.claim)} ({source_label(account, book.documents)})"

    b = side(clash.b)
    if clash.parts:
        b = " + ".join(side(p) for p in clash.parts)
    return ConflictRow(event.id, book.title(event), clash.measure, side(clash.a), b, clash.why)


def _source_rows(
    sources: dict[str, Source], documents: dict[str, Document], claims: list[Claim]
) -> list[SourceRow]:
    by_document = {d.id: d.source_id for d in documents.values()}
    claim_counts: dict[str | None, int] = {}
    for claim in claims:
        source_id = by_document.get(claim.document_id)
        claim_counts[source_id] = claim_counts.get(source_id, 0) + 1
    rows = []
    for source in sorted(sources.values(), key=lambda s: s.name.lower()):
        rows.append(
            SourceRow(
                source.name,
                source.type or "",
                source.affiliation or "",
                source.reliability or "",
                sum(1 for d in documents.values() if d.source_id == source.id),
                claim_counts.get(source.id, 0),
            )
        )
    return rows


CHART_WIDTH = 1000
CHART_LEFT = 330
CHART_MAX_HEIGHT = 1300  # keeps the chart within one printed A4 page at full width


def _chart(book: EventBook) -> Chart | None:
    """A bar per dated event on a time axis; open ends run to the axis' edge."""
    dated = [e for e in book.events if e.start and e.end and not (open_start(e) and open_end(e))]
    starts = [e.start for e in dated if e.start and not open_start(e)]
    ends = [e.end for e in dated if e.end and not open_end(e)]
    if not dated or not (starts or ends):
        return None
    first = min(starts or ends)
    last = max(ends or starts)
    lo = dt.date(first.year, 1, 1)
    hi = dt.date(last.year + 1, 1, 1)
    span = (hi - lo).days
    plot = CHART_WIDTH - CHART_LEFT - 10
    row = max(4.0, min(16.0, CHART_MAX_HEIGHT / len(dated)))

    def x(day: dt.date) -> float:
        clipped = min(max(day, lo), hi)
        return round(CHART_LEFT + plot * (clipped - lo).days / span, 1)

    bars = []
    for index, event in enumerate(dated):
        assert event.start is not None and event.end is not None
        left, right = x(event.start), x(event.end + dt.timedelta(days=1))
        title = book.title(event)
        bars.append(
            ChartBar(
                event.id,
                title if len(title) <= 48 else title[:47] + "…",
                f"{title} ({spoken_date(event)})",
                left,
                max(2.0, right - left),
                round(24 + index * row, 1),
                event.kind,
                open_start(event),
                open_end(event),
            )
        )
    years = hi.year - lo.year
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if years / s <= 12)
    ticks = [
        (x(dt.date(year, 1, 1)), str(year))
        for year in range(lo.year, hi.year + 1)
        if (year - lo.year) % step == 0
    ]
    return Chart(
        CHART_WIDTH, round(30 + len(dated) * row, 1), row, CHART_LEFT, bars, ticks, row >= 10
    )


def render_report(report: Report) -> str:
    """The report as one HTML document."""
    environment = Environment(
        loader=PackageLoader("tellings.export", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("report.html").render(report=report)


def write_report(report: Report, path: Path) -> int:
    """Write the HTML report; return how many events it shows."""

    def write(out: IO[str]) -> None:
        out.write(render_report(report))

    write_output(path, write)
    return len(report.events)
