"""A claim from what the extractor found in a sentence.

`_build` adds to a figure, its measure and its date what every claim of the sentence
shares (`_SentenceFacts`), picks its place (the sentence's own, unless that is only a
country and the text named a place before; then, or with none, the place last named),
marks a total over a span (`period`), keys it to a first grouping into events (place and
month) and gives it its identity (`claim_id`). Every claim records `EXTRACTOR_VERSION`.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ..model import PEOPLE_MEASURES, Claim
from .dates import DateMention, edtf_bounds
from .gazetteer import EntityMention
from .numbers import CountMention
from .sentence_facts import _Context, _SentenceFacts, _speaker, _specific

EXTRACTOR_VERSION = "tellings-extract/1"
SELECTOR_CONTEXT = 32


def _build(
    text: str,
    document_id: str,
    measure: str,
    low: float,
    high: float | None,
    qualifier: str,
    start: int,
    end: int,
    rule: str,
    number_rule: str | None,
    count: CountMention | None,
    date: DateMention | None,
    places: list[EntityMention],
    facts: _SentenceFacts,
    context: _Context,
    *,
    victims: str | None,
    value: float | None,
) -> Claim:
    place = places[0] if places else context.place
    if (
        place is not None
        and measure in PEOPLE_MEASURES
        and context.site is not None
        and not _specific(place, context)
        and _within(context.site, place, context)
    ):
        # A figure placed only in a country ("US officials said 36 were detained")
        # belongs to the site the text is speaking of.
        place = context.site
    edtf = date.edtf if date else None
    period = _is_period(date, facts)
    normalised = count.normalised if count is not None else None
    claim = Claim(
        id="",
        document_id=document_id,
        measure=measure,
        low=low,
        high=high,
        qualifier=qualifier,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - SELECTOR_CONTEXT) : start],
        suffix=text[end : end + SELECTOR_CONTEXT],
        rule=rule,
        extractor=EXTRACTOR_VERSION,
        value=value,
        unit=count.unit if count is not None else None,
        normalised_low=normalised[0] if normalised else None,
        normalised_high=normalised[1] if normalised else None,
        normalised_unit=normalised[2] if normalised else None,
        event_date=edtf,
        date_quote=text[date.start : date.end] if date else None,
        period=period,
        place=place.text if place else None,
        place_id=place.entity_id if place else None,
        victims=victims,
        perpetrator=_perpetrator_of(facts.perpetrator, victims),
        event_type=facts.event_type_near(start - facts.start),
        speaker=_speaker(facts.text, start - facts.start) if facts.speaker else None,
        event_key=_event_key(place.entity_id if place else None, edtf),
        number_rule=number_rule,
        date_rule=date.rule if date else None,
        sentence_start=facts.start,
        scope_events=facts.announced or None if period else None,
    )
    return replace(claim, id=claim_id(claim))


def _perpetrator_of(perpetrator: str | None, victims: str | None) -> str | None:
    """The sentence's perpetrator, unless it is the group the figure counts ("the death
    of 15 members of the party": the party is not who killed them)."""
    if perpetrator and victims and perpetrator.casefold() in victims.casefold():
        return None
    return perpetrator


def _within(inner: EntityMention, outer: EntityMention, context: _Context) -> bool:
    """True when the place `inner` lies inside `outer` (a camp inside its country)."""
    if context.gazetteer is None:
        return False
    entity_id: str | None = inner.entity_id
    for _ in range(8):
        if entity_id is None:
            return False
        if entity_id == outer.entity_id:
            return True
        try:
            entity_id = context.gazetteer.entity(entity_id).parent
        except KeyError:
            return False
    return False


def claim_id(claim: Claim) -> str:
    """A claim's identity: its document, span, rule and extractor version, and what it
    says. Extracting again gives the same id; any change in what is found gives a new one."""
    content = "\x1f".join(repr(getattr(claim, name)) for name in _IDENTITY_FIELDS)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:24]


_IDENTITY_FIELDS = tuple(f for f in Claim.__dataclass_fields__ if f not in ("id", "superseded_by"))


_RUNNING_SINCE = frozenset({"date.since.v1", "date.onwards.v1"})


def _is_period(date: DateMention | None, facts: _SentenceFacts) -> bool:
    """A total over a span ("since 2009", "in three attacks") rather than one event's."""
    if date is None or date.edtf is None:
        return False
    bounds = edtf_bounds(date.edtf) if "/.." not in date.edtf and "../" not in date.edtf else None
    if date.rule in _RUNNING_SINCE:
        return True  # "have fled since January": a running total, however short
    if bounds is not None and (bounds[1] - bounds[0]).days <= 62:
        return False
    if bounds is not None and (bounds[1] - bounds[0]).days >= 300 and facts.event_type is None:
        return True  # "1,214 civilians were killed in 2021": a year's toll, no one event
    return date.kind == "period" or facts.period_words or bounds is None


def _event_key(place_id: str | None, edtf: str | None) -> str | None:
    """A key shared by claims of the same place and month, a first grouping into events."""
    if edtf is None:
        return None
    bounds = edtf_bounds(edtf)
    if bounds is None:
        when = edtf
    elif (bounds[1] - bounds[0]).days <= 62:
        when = bounds[0].strftime("%Y-%m")
    else:
        when = f"{bounds[0].isoformat()}/{bounds[1].isoformat()}"
    return f"{place_id or '?'}@{when}"
