"""Checkable figures that are not of people harmed, and the dates of turning points.

- `fact.area.v1`, `fact.money.v1`, `fact.distance.v1`: a count with a unit; a distance
  records the place it is measured to ("60 miles north of Baghdad").
- `fact.population.v1`: "home to 3,400", "housing 3,400".
- `fact.count.v1`: a count of things (`_COUNTABLE_THINGS`): "40 rockets", "12 trailers".
- `fact.date_of.<turning point>.v1`: when control was handed over, a camp founded, a
  status recognised, an agreement signed, the final departure (`_TURNING_POINT`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..model import Claim
from .build import _build
from .claim_dates import _short
from .dates import DateMention
from .gazetteer import EntityMention
from .numbers import CountMention
from .sentence_facts import _Context, _SentenceFacts, _specific

_POPULATION = re.compile(
    r"\b(?:home\s+to|population\s+of|housed|housing|inhabited\s+by|hosted|hosting)\s+$", re.I
)
_THING_AFTER = re.compile(r"^\s+(?:[\w\-’']+\s+){0,2}?(?P<noun>[a-z][\w\-]*s)\b")


def _date_facts(
    text: str,
    document_id: str,
    dates: list[DateMention],
    places: list[EntityMention],
    facts: _SentenceFacts,
    context: _Context,
) -> Iterator[Claim]:
    """When a turning point happened ("the US transferred control of the camp on 1
    January 2009"): a `date_of` fact for each kind of turning point the sentence names
    with a date of a month or less, the quote running from the verb to the date."""
    if not dates:
        return
    for match in _TURNING_POINT.finditer(facts.text):
        opened = facts.text[: match.start()]
        if opened.count("“") > opened.count("”") or opened.count('"') % 2:
            continue  # inside a quoted title (a cited press release), not a statement
        kind = next(k for k, v in match.groupdict().items() if v)
        verb_start = facts.start + match.start()
        near = [d for d in dates if d.kind != "period" and _short(d)]
        if not near:
            return
        date = min(near, key=lambda d: abs(d.start - verb_start))
        start, end = min(verb_start, date.start), max(facts.start + match.end(), date.end)
        if end - start > 160:
            continue  # the date belongs to another clause
        # A turning point happens at a place, not to a country: "the US transferred
        # control" is about the camp the text is speaking of.
        where = [p for p in places if _specific(p, context)] or (
            [context.site] if context.site is not None else places
        )
        yield _build(
            text,
            document_id,
            "date_of",
            0,
            0,
            "exact",
            start,
            end,
            f"fact.date_of.{kind}.v1",
            None,
            None,
            date,
            where,
            facts,
            context,
            victims=_TURNING_NAMES[kind],
            value=None,
        )


_TURNING_NAMES = {
    "control": "transfer of control",
    "founding": "founding",
    "status": "recognition of status",
    "agreement": "agreement",
    "departure": "final departure",
}
_TURNING_POINT = re.compile(
    r"\b(?:(?P<control>(?:transferred|handed\s+over|handed|gave|passed|turned\s+over|"
    r"took\s+over|assumed|ceded|transfer\s+of|handover\s+of|hand-over\s+of)\s+"
    r"(?:the\s+|that\s+|its\s+)?(?:formal\s+)?"
    r"(?:control|protection|security|responsibility|custody|authority))"
    r"|(?P<founding>(?:was|were)\s+(?:established|founded|created|set\s+up)|established\s+in)"
    r"|(?P<status>(?:granted|recogni[sz]ed|given|declared|determined)\s+[^.;]{0,80}?"
    r"(?:status|protected\s+persons?\b|refugees\b)"
    r"|recognition\s+as\s+[^.;]{0,12}?(?:protected\s+persons?|refugees)\b)"
    r"|(?P<agreement>signed\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:agreement|memorandum|accord))"
    r"|(?P<departure>(?:last|final)\s+(?:group|convoy|residents)[^.;]{0,60}?"
    r"(?:left|departed)))",
    re.I,
)


def _fact_claim(
    text: str,
    document_id: str,
    count: CountMention,
    date_at: Callable[[int], DateMention | None],
    context: _Context,
    places: list[EntityMention],
    facts: _SentenceFacts,
) -> Claim | None:
    """A checkable figure that is not of people harmed: area, distance, money, population,
    or a count of things; None for anything else."""
    measure: str | None = None
    rule = ""
    measured_to: str | None = None
    if count.kind in ("area", "distance", "money"):
        measure, rule = count.kind, f"fact.{count.kind}.v1"
        if count.kind == "distance":
            # "60 miles north of Baghdad": what the distance is measured to.
            after = [
                e
                for e in facts.entities
                if count.end <= e.start <= count.end + 60 and _specific(e, context)
            ]
            measured_to = after[0].entity_id if after else None
    elif count.kind == "count":
        before = text[max(0, count.start - 25) : count.start]
        if _POPULATION.search(before):
            measure, rule = "population", "fact.population.v1"
        else:
            thing = _THING_AFTER.match(text, count.end, min(len(text), count.end + 40))
            if thing is not None and thing.group("noun").lower() in _COUNTABLE_THINGS:
                measure, rule = "count", "fact.count.v1"
    if measure is None:
        return None
    date = date_at(count.start)
    return _build(
        text,
        document_id,
        measure,
        count.low,
        count.high,
        count.qualifier,
        count.start,
        count.end,
        rule,
        count.rule,
        count,
        date,
        # The place a fact is about is named before it ("the camp covered 2 square
        # miles"); a place after it is where it is measured to, or another matter.
        [p for p in places if p.start < count.start],
        facts,
        context,
        victims=measured_to,
        value=count.value,
    )


_COUNTABLE_THINGS = frozenset(
    """rockets missiles mortars shells bombs loudspeakers speakers trailers caravans tents
    buildings houses homes vehicles trucks cars buses tanks planes aircraft helicopters
    attacks raids strikes assaults massacres occasions incidents checkpoints posts walls
    t-walls bases camps divisions brigades battalions agencies petitions signatures
    letters reports resolutions hospitals clinics schools pools units rounds""".split()
)
