"""Plain words and places for the exports: an event's date, type, location and figures.

Every export describes events the same way: its date in words, the kind of event its
accounts name most, where it is on a map, and each account's figure as a reader would
say it ("at least 11", "nearly 500").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..extract.gazetteer import Gazetteer
from ..extract.gazetteer.model import Entity
from ..model import Claim, Document
from ..model import figure_text as number
from ..reconcile import Account, Conflict
from ..resolve import OPEN_END, OPEN_START, Event, canonical_date

MONTHS = (
    "January February March April May June July August September October November December"
).split()


def open_start(event: Event) -> bool:
    return event.start is not None and event.start <= OPEN_START


def open_end(event: Event) -> bool:
    return event.end is not None and event.end >= OPEN_END


def spoken_date(event: Event) -> str:
    """The event's date as a reader would say it: "28 July 2009", "July 2009",
    "between 1 and 9 May 2012", "1999 or earlier", "from 2009 on", "undated"."""
    if event.start is None or event.end is None:
        return "undated"
    if open_start(event) and open_end(event):
        return "at an unknown time"
    if open_start(event):
        return f"by {_day(event.end)}"
    if open_end(event):
        return f"from {_day(event.start)} on"
    edtf = canonical_date(event) or ""
    if "/" not in edtf:
        parts = edtf.split("-")
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return _day(event.start)
    return f"between {_day(event.start)} and {_day(event.end)}"


def _day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def event_type(event: Event) -> str | None:
    """The kind of event its accounts name most often ("attack", "raid"); ties go to the
    one named first."""
    counted = Counter(c.event_type for c in event.claims if c.event_type)
    return counted.most_common(1)[0][0] if counted else None


def perpetrator(event: Event) -> str | None:
    """Who did it, as its accounts name them most often."""
    counted = Counter(c.perpetrator for c in event.claims if c.perpetrator)
    return counted.most_common(1)[0][0] if counted else None


@dataclass(frozen=True)
class Location:
    """Where an event is on a map.

    `place` is the most specific site its accounts name; `point` the nearest place in
    its chain (itself, then the places that hold it) with coordinates; `precision` as
    ACLED's geo_precision: 1 the site itself, 2 a place that holds it, 3 a province or
    region (a place directly in its country).
    """

    place: Entity
    point: Entity | None
    country: Entity | None
    admin1: Entity | None
    precision: int

    @property
    def lat(self) -> float | None:
        return self.point.lat if self.point else None

    @property
    def lon(self) -> float | None:
        return self.point.lon if self.point else None


def locate(event: Event, gazetteer: Gazetteer) -> Location | None:
    """The event's `Location`, or None when its accounts name no site (a country alone
    is too coarse to place it)."""
    chain = [_entity(gazetteer, site) for site in event.site]
    places = [e for e in chain if e is not None]
    if not places:
        return None
    top = places[-1]
    country = _entity(gazetteer, top.parent) if top.parent else None
    point = next((e for e in places if e.lat is not None and e.lon is not None), None)
    # The top of the chain lies directly in its country: unless it is a camp or a city,
    # it is a province or region.
    admin1 = top if top.kind != "camp" and top.source != "geonames" else None
    regional = point is None or (point is top and admin1 is not None)
    precision = 3 if regional else 1 if point is places[0] else 2
    return Location(places[0], point, country, admin1, precision)


def _entity(gazetteer: Gazetteer, entity_id: str | None) -> Entity | None:
    if entity_id is None:
        return None
    try:
        return gazetteer.entity(entity_id)
    except KeyError:
        return None


def figure_words(claim: Claim) -> str:
    """A claim's figure in words: "11", "at least 11", "more than 100", "up to 34",
    "nearly 500", "about 400", "200–999"."""
    low, high, value = claim.low, claim.high, claim.value
    if claim.qualifier == "exact" or (high is not None and low == high):
        return number(value if value is not None else low)
    if claim.qualifier == "at_least":
        return f"at least {number(low)}"
    if claim.qualifier == "more_than":
        return f"more than {number(value if value is not None else low - 1)}"
    if claim.qualifier == "at_most" and high is not None:
        return f"up to {number(high)}"
    if claim.qualifier == "approx" and value is not None:
        return (
            f"nearly {number(value)}" if high == value and low < value else f"about {number(value)}"
        )
    if high is None:
        return f"{number(low)} or more"
    return f"{number(low)}–{number(high)}"


def source_label(account: Account, documents: dict[str, Document]) -> str:
    """Who gives an account: its source's name, else its document's name."""
    if account.source is not None:
        return account.source.name
    document = documents.get(account.claim.document_id)
    return document.name if document else account.claim.document_id[:12]


def figures_by_source(
    measure: str, accounts: list[Account], documents: dict[str, Document]
) -> list[tuple[str, list[str]]]:
    """Each distinct figure for `measure` with who gives it, lowest first:
    [("11", ["Source A"]), ("13", ["Source B", "Source C"])]."""
    given: dict[str, list[str]] = {}
    order: dict[str, tuple[float, float]] = {}
    for account in accounts:
        claim = account.claim
        if claim.measure != measure or account.part:
            continue
        words = figure_words(claim)
        who = source_label(account, documents)
        names = given.setdefault(words, [])
        if who not in names:
            names.append(who)
        order[words] = min(order.get(words, (account.point, claim.low)), (account.point, claim.low))
    return sorted(given.items(), key=lambda item: order[item[0]])


def figures_text(measure: str, accounts: list[Account], documents: dict[str, Document]) -> str:
    """ "11 (Source A), 13 (Source B, Source C)": each figure for `measure` and who gives it."""
    return ", ".join(
        f"{words} ({', '.join(who)})"
        for words, who in figures_by_source(measure, accounts, documents)
    )


# How each measure reads in a sentence: its heading, and "the number ..." of it.
MEASURE_WORDS = {
    "killed": ("Killed", "number killed"),
    "wounded": ("Wounded", "number wounded"),
    "abducted": ("Abducted", "number abducted"),
    "detained": ("Detained", "number detained"),
    "died": ("Died", "number who died"),
    "displaced": ("Displaced", "number displaced"),
    "other": ("Casualties", "number of casualties"),
}


def measure_heading(measure: str) -> str:
    """ "Killed", "Casualties", "Area": how a table or sentence names a measure."""
    return MEASURE_WORDS.get(measure, (measure.replace("_", " ").capitalize(), ""))[0]


def dispute_words(
    measure: str,
    accounts: list[Account],
    clashes: list[Conflict],
    documents: dict[str, Document],
) -> str:
    """The accounts of one measure in plain words: "Sources disagree on the number killed:
    11 (Source A), 13 (Source B)" when any two conflict, else "Killed: 13 (Source B)"."""
    listed = figures_text(measure, accounts, documents)
    heading, phrase = MEASURE_WORDS.get(measure, (measure_heading(measure), f"figure of {measure}"))
    if any(c.measure == measure for c in clashes):
        return f"Sources disagree on the {phrase}: {listed}"
    return f"{heading}: {listed}"


def plain(value: float | None) -> int | float | None:
    """A figure for JSON: 11 rather than 11.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
