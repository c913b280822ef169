"""`export.timelinejs.v1`: the timeline in TimelineJS3's JSON format.

A title slide and one slide per dated event (undated events cannot be placed on a
timeline and are left out). An uncertain date becomes a range: `start_date` is the
first day it can mean and `end_date` the last ("2009-07" runs from 1 to 31 July 2009),
and `display_date` says it in words. A span open at one end starts, or ends, at its
known day. TimelineJS shows `headline` and `text` as HTML, so every piece of text is
escaped and the only markup is `<p>` around each paragraph.
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from pathlib import Path
from typing import IO, Any

from ..events import EventBook
from ..extract.gazetteer import Gazetteer
from ..model import figure_text as number
from ..resolve import Event
from .describe import (
    figures_text,
    locate,
    measure_heading,
    open_end,
    open_start,
    source_label,
    spoken_date,
)
from .output import write_output

GROUPS = {"incident": "Incidents", "period": "Totals over a period", "fact": "Facts"}


def timeline(book: EventBook, gazetteer: Gazetteer, rule: str, *, title: str) -> dict[str, Any]:
    """The TimelineJS3 document: `{"title": {...}, "events": [...]}`."""
    slides = []
    for event in book.events:
        dates = _slide_dates(event)
        if dates is None:
            continue
        start, end = dates
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": start,
            "display_date": escape(spoken_date(event)),
            "text": {
                "headline": escape(book.title(event)),
                "text": _paragraphs(_slide_text(book, gazetteer, event, rule)),
            },
            "group": GROUPS.get(event.kind, event.kind),
        }
        if end is not None:
            slide["end_date"] = end
        slides.append(slide)
    documents = len(book.documents)
    summary = f"{len(slides)} dated events from {documents} documents; ranges by {rule}."
    return {
        "title": {"text": {"headline": escape(title), "text": _paragraphs([summary])}},
        "events": slides,
    }


def _slide_dates(event: Event) -> tuple[dict[str, int], dict[str, int] | None] | None:
    if event.start is None or event.end is None or (open_start(event) and open_end(event)):
        return None
    if open_start(event):
        return _date(event.end), None
    if open_end(event) or event.start == event.end:
        return _date(event.start), None
    return _date(event.start), _date(event.end)


def _date(day: dt.date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def _slide_text(book: EventBook, gazetteer: Gazetteer, event: Event, rule: str) -> list[str]:
    accounts = book.accounts(event)
    clashes = book.conflicts(event)
    location = locate(event, gazetteer)
    sources = {source_label(a, book.documents) for a in accounts}
    where = f" at {location.place.name}" if location else ""
    lines = [
        f"{spoken_date(event).capitalize()}{where}: {len(accounts)} accounts "
        f"from {len(sources)} sources."
    ]
    disputed = {clash.measure for clash in clashes}
    for found in book.ranges(event, rule):
        high = number(found.high) if found.high is not None else "open"
        given = figures_text(found.measure, accounts, book.documents)
        lines.append(
            f"{measure_heading(found.measure)}: low {number(found.low)}, best "
            f"{number(found.best)}, high {high} by {found.rule}. "
            + ("Sources disagree: " if found.measure in disputed else "Accounts: ")
            + given
            + "."
        )
    lines += [f"Conflict: {clash.why}" for clash in clashes]
    return lines


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def write_timeline(document: dict[str, Any], path: Path) -> int:
    """Write the TimelineJS3 JSON; return how many event slides it holds."""

    def write(out: IO[str]) -> None:
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")

    write_output(path, write)
    return len(document["events"])
