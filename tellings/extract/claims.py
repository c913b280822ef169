"""The extractor: a document's text in, its claims out.

`extract_claims` walks the text block by block and sentence by sentence, in document
order, so that what the text has said so far (the year in a heading, the events an
earlier sentence introduced, the place last named) can date and place what follows.
For each count it finds (`numbers`), it asks `measures` what the count counts; a count
tied to no harm is a fact when it has a unit (area, distance, money) or counts things,
and is otherwise left alone.

Rules applied here:

- `count.coordinated.v1`: two counts share one verb: "Six soldiers and three civilians
  were killed" (what may stand between them: `parts._COORDINATED`).
- `count.addition.v1`: "eleven were killed and two others later died": an addition to
  a figure already given, not a total of its own.

The parts the assembler uses, each documenting its own rules: `sentence_facts` (what a
sentence's claims share, and what the text has said so far), `claim_dates` (the date of
a figure), `parts` (parts of a group, other figures for it), `facts` (figures that are
not of people harmed, dates of turning points) and `build` (the claim itself, its
identity and the extractor's version).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..model import Claim
from .build import EXTRACTOR_VERSION, SELECTOR_CONTEXT, _build, claim_id
from .claim_dates import _SPEECH_BEFORE, _back_reference, _claim_date, _short
from .dates import DateContext, DateMention, edtf_bounds, find_dates, leading_date
from .facts import _date_facts, _fact_claim
from .gazetteer import EntityMention, Gazetteer
from .measures import MeasureMatch, find_zero_claims, measure_for
from .numbers import CountMention, find_counts
from .parts import _COORDINATED, _put_at, _sub_count
from .sentence_facts import _Context, _SentenceFacts, _specific
from .sentences import Block, Sentence, split_blocks, split_sentences

__all__ = ["EXTRACTOR_VERSION", "SELECTOR_CONTEXT", "claim_id", "extract_claims", "iter_claims"]

_PLACE_KINDS = frozenset({"camp", "place", "city", "country", "province"})
# A camp named in a sentence is where its figures belong, rather than the country.
_PLACE_RANK = {"camp": 0, "place": 1, "city": 1, "province": 2, "country": 3}
_ATTACK_WORD = re.compile(
    r"\b(?:attack\w*|assault\w*|raid\w*|massacre\w*|strikes?|struck|bomb\w*|storm\w*)\b", re.I
)
# "BAGHDAD, March 4 (Wire) - ...", "GENEVA (15 November 2019) –": a dateline says where
# and when the report was filed, not where or when its events happened.
_DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z'\-]{2,}(?:[ \t]+[A-Z][A-Z'\-]+)*(?:,[^\n\u2013\u2014()]{0,40}?)?"
    r"[ \t]*(?:\([^()\n]{0,60}\))?[ \t]*[-\u2013\u2014][ \t]"
)


def _happened_at(text: str, place: EntityMention) -> bool:
    """Whether a place named in a sentence can be where its events happened: not one
    things go to or come from ("abducted to Tehran"), not a state speaking or acting
    ("Washington said", "US officials"), not a dateline's city."""
    return not (
        _MOVEMENT_BEFORE.search(text, max(0, place.start - 9), place.start)
        or _SPEAKS_AFTER.match(text, place.end)
        or _ACTOR_AFTER.match(text, place.end)
        or _in_dateline(text, place.start, place.end)
    )


def _in_dateline(text: str, start: int, end: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    if start - line > 100:
        return False
    found = _DATELINE.match(text, line)
    return found is not None and end <= found.end()


_FRACTION_OF = re.compile(
    r"\b(?:half|third|quarter|thirds|quarters|fifth|tenth|most|majority|minority|many|"
    r"some|few|several|none|one|two|three|four|five|per\s?cent|percent|%)\s+of\s+"
    r"(?:the|these|those|its|their|about|around|some|nearly)?\s*$",
    re.I,
)
_DIED_LATER = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:later|subsequently|afterwards)\s+died\b"
    r"|\s+(?:\w+\s+){0,2}?died\s+(?:later|of\s+(?:their\s+|his\s+|her\s+)?"
    r"(?:wounds|injuries))\b",
    re.I,
)
# "In its 2010 report": the date of a document, not of what it tells.
_DOCUMENT_AFTER = re.compile(
    r"\s+(?:annual\s+|final\s+|interim\s+)?(?:report|statement|study|survey|briefing|"
    r"letter|article|review|update|memo|press\s+release|resolution)s?\b",
    re.I,
)
# "US officials", "Iraqi government forces", "under United States protection": a state
# acting, not a place where the figures belong.
_ACTOR_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:officials?|forces|troops|soldiers|military|government|authorities|"
    r"army|agencies|spokes\w+|embassy|envoys?|diplomats?|ministry|ministers?|president|"
    r"intelligence|protection|control|custody|administration|occupation|senate|congress|"
    r"department|state\s+department|senators?|lawmakers)\b",
    re.I,
)
_MOVEMENT_BEFORE = re.compile(r"\b(?:to|from|towards?|via|into)\s+(?:the\s+)?$", re.I)
# A capital that speaks or decides ("Washington said", "Baghdad had promised") stands for
# its government: an actor, not the place where anything happened.
_SPEAKS_AFTER = re.compile(
    r"\s+(?:had\s+|has\s+|have\s+|also\s+|then\s+|later\s+)?(?:\w+ly\s+)?(?:said|says|"
    r"promised|announced|insisted|denied|claimed|agreed|warned|accused|demanded|assured|"
    r"pledged|vowed|refused|rejected|argued|stated|declared|handed|transferred|gave|passed|"
    r"signed|recogni[sz]ed|granted|ordered|decided|withdrew|sent)\b",
    re.I,
)


def extract_claims(
    text: str,
    document_id: str,
    *,
    published: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Claim]:
    """Every claim `text` makes, in text order; `published` resolves relative dates."""
    return list(iter_claims(text, document_id, published=published, gazetteer=gazetteer))


def iter_claims(
    text: str,
    document_id: str,
    *,
    published: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Iterator[Claim]:
    """The claims of `text`, one at a time (see `extract_claims`)."""
    gazetteer = gazetteer if gazetteer is not None else Gazetteer.default()
    blocks = split_blocks(text)
    sentences = split_sentences(text, blocks)
    context = _Context(DateContext(published), gazetteer=gazetteer)
    if published:
        published_bounds = edtf_bounds(context.dates.published or published)
        context.published_end = published_bounds[1] if published_bounds else None
    by_block: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_block.setdefault(sentence.block, []).append(sentence)
    for index, block in enumerate(blocks):
        if block.kind in ("heading", "bullet"):
            lead = leading_date(text[block.start : block.end], context.dates)
            if lead is not None:  # offsets into the whole text, not the line
                lead = replace(lead, start=lead.start + block.start, end=lead.end + block.start)
            if block.kind == "heading" or lead is not None:
                context.heading_date = lead
        block_dates: list[DateMention] = []
        for sentence in by_block.get(index, []):
            yield from _sentence_claims(
                text, document_id, sentence, block, blocks, index, context, block_dates, gazetteer
            )


_RUNNING_TOTAL = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:been\s+)?\w+(?:ed|en|t)\b", re.I
)


_SAID_IN = re.compile(r"\s*(?:In|At|From)\s+$")
_SPEECH_VERB = re.compile(
    r"\b(?:said|says|described|told|called|urged|stated|announced|condemned|"
    r"demanded|criticised|criticized|praised|welcomed)\b"
)


def _said_in(text: str, sentence: Sentence, place: EntityMention) -> bool:
    """True for the place where something was said ("In Washington, a senator called it
    a massacre"): it does not move the story there."""
    return bool(
        _SAID_IN.fullmatch(text, sentence.start, place.start)
        and _SPEECH_VERB.search(text, place.end, sentence.end)
    )


_OPEN_BRACKET = re.compile(r"[\w’'\-]+\s+\(\s*$")
_CLOSE_BRACKET = re.compile(r"(?:\s+[a-z][\w’'\-]*){0,2}\s*\)")


def _bracketed(text: str, count: CountMention, start: int, end: int) -> MeasureMatch | None:
    """`count.bracketed.v1`: a figure in brackets after its noun, the verb after the
    bracket: "the last group of residents (more than 280) departed"."""
    opened = _OPEN_BRACKET.search(text, max(start, count.start - 40), count.start)
    if opened is None:
        return None
    closed = _CLOSE_BRACKET.match(text, count.end, end)
    if closed is None:
        return None
    found = measure_for(text, count.start, closed.end(), start, end)
    if found is None or found.rule != "count.subject_verb.v1":
        return None
    # The quote runs from the noun the figure counts: "residents (more than 280) departed".
    noun = text[opened.start() : opened.end()].split()[0]
    return replace(
        found,
        rule="count.bracketed.v1",
        harm_start=opened.start(),
        victims=found.victims or noun,
    )


def _announced_next(
    text: str, sentence: Sentence, block: Block, blocks: list[Block], block_index: int
) -> int:
    """`count.total_announced_next.v1`: an undated running total that closes its
    paragraph ("the shelling has cost 20 lives"), when the next paragraph only announces
    several events ("there were four raids") and a dated list of them follows, is a
    total over those events. Returns how many the next paragraph announces, else 0."""
    if sentence.end < block.end - 2 or block_index + 1 >= len(blocks):
        return 0
    following = blocks[block_index + 1]
    if following.kind != "paragraph" or following.end - following.start > 300:
        return 0
    if not _RUNNING_TOTAL.search(text, sentence.start, sentence.end):
        return 0
    return _SentenceFacts(text[following.start : following.end], []).announced


def _sentence_claims(
    text: str,
    document_id: str,
    sentence: Sentence,
    block: Block,
    blocks: list[Block],
    block_index: int,
    context: _Context,
    block_dates: list[DateMention],
    gazetteer: Gazetteer,
) -> Iterator[Claim]:
    start, end = sentence.start, sentence.end
    dates = [d for d in find_dates(text, context.dates, start, end) if d.edtf]
    # "the spokesman said on Monday": when it was said, not when it happened.
    event_dates = [
        d
        for d in dates
        if not _SPEECH_BEFORE.search(text, max(start, d.start - 30), d.start)
        and not _DOCUMENT_AFTER.match(text, d.end)
        and not _in_dateline(text, d.start, d.end)
        and not _after_publication(d, context)
    ]
    entities = gazetteer.find(text, start, end)
    places = sorted(
        (e for e in entities if e.kind in _PLACE_KINDS and _happened_at(text, e)),
        key=lambda e: 3 if not _specific(e, context) else _PLACE_RANK.get(e.kind, 9),
    )
    sentence_text = text[start:end]
    facts = _SentenceFacts(sentence_text, entities, start)
    if not event_dates and not block_dates and not facts.announced:
        ahead = _announced_next(text, sentence, block, blocks, block_index)
        if ahead:
            facts = _SentenceFacts(sentence_text, entities, start, _announced=ahead)
            if not any(_specific(e, context) for e in places):
                # The events are where the next paragraph says they were.
                following = blocks[block_index + 1]
                places = [
                    e
                    for e in gazetteer.find(text, following.start, following.end)
                    if e.kind in _PLACE_KINDS and _specific(e, context)
                ] + places
    reference = _back_reference(sentence_text, context, has_dates=bool(event_dates))

    def date_at(position: int) -> DateMention | None:
        """The date of the event a figure at `position` in this sentence belongs to."""
        return _claim_date(
            position,
            event_dates,
            reference,
            block_dates,
            context,
            text,
            blocks,
            block_index,
            block,
            period_words=facts.period_words,
            announced=facts.announced,
        )

    previous: list[tuple[CountMention, MeasureMatch]] = []
    unmatched: list[CountMention] = []
    emitted: list[tuple[int, int]] = []
    for zero in find_zero_claims(text, start, end):
        date = date_at(zero.start)
        emitted.append((zero.start, zero.end))
        yield _build(
            text,
            document_id,
            zero.measure,
            0,
            0,
            "exact",
            zero.start,
            zero.end,
            zero.rule,
            None,
            None,
            date,
            places,
            facts,
            context,
            victims=None,
            value=0,
        )
    for count in find_counts(text, start, end):
        if count.rule.startswith("number.zero") or any(a <= count.start < b for a, b in emitted):
            continue  # negated harms are the zero rule's, with their measure
        match = None
        if count.kind == "count":
            # A count introduced by "including" or followed by "of whom" is part of another.
            match = (
                _sub_count(text, count, previous, start)
                or measure_for(text, count.start, count.end, start, end)
                or _put_at(text, count, previous, start)
                or _bracketed(text, count, start, end)
            )
        if match is not None and match.rule == "count.subject_verb.v1" and unmatched:
            # "Six soldiers and three civilians were killed": the first count shares the
            # verb of the second.
            first = unmatched[-1]
            between = text[first.end : count.start]
            if _COORDINATED.fullmatch(between):
                unmatched.pop()
                yield _build(
                    text,
                    document_id,
                    match.measure,
                    first.low,
                    first.high,
                    first.qualifier,
                    first.start,
                    match.harm_end,
                    "count.coordinated.v1",
                    first.rule,
                    first,
                    date_at(first.start),
                    places,
                    facts,
                    context,
                    victims=None,
                    value=first.value,
                )
        if (
            match is not None
            and match.rule == "count.subject_verb.v1"
            and _FRACTION_OF.search(text, max(start, count.start - 40), count.start)
        ):
            # "Nearly half of the 1,200 residents were evacuated": the verb tells of a
            # part whose size the text does not give; 1,200 is the whole.
            continue
        if match is None and count.kind == "count":
            unmatched.append(count)
        if match is None:
            # Not people harmed: perhaps a fact (an area, a distance, things counted).
            fact = _fact_claim(text, document_id, count, date_at, context, places, facts)
            if fact is not None:
                yield fact
            continue
        if (
            match.victims is not None
            and match.victims.split()[0].lower() in ("others", "more")
            and any(m.measure == match.measure for _, m in previous)
        ) or (
            # "41 were wounded, of whom three later died": deaths among those counted.
            match.measure == "killed"
            and _DIED_LATER.match(text, count.end)
            and any(m.measure in ("wounded", "killed") for _, m in previous)
        ):
            # "eleven were killed and two others later died": an addition to a figure
            # already given, not a total of its own.
            match = replace(match, rule="count.addition.v1")
        previous.append((count, match))
        quote_start = min(count.start, match.harm_start)
        quote_end = max(count.end, match.harm_end)
        date = date_at(count.start)
        if match.measure == "killed" and date is not None and _short(date):
            figure = count.high if count.high is not None else count.low
            if context.deadliest is None or figure > context.deadliest[0]:
                context.deadliest = (figure, date)
        yield _build(
            text,
            document_id,
            match.measure,
            count.low,
            count.high,
            count.qualifier,
            quote_start,
            quote_end,
            match.rule,
            count.rule,
            count,
            date,
            places,
            facts,
            context,
            victims=match.victims,
            value=count.value,
        )
    yield from _date_facts(text, document_id, event_dates, places, facts, context)
    if places and not _said_in(text, sentence, places[0]):
        # The last place named, even a country: after "Iran's agents ...", an earlier
        # camp is no longer a safe guess for the sentences that follow.
        context.place = places[0]
        specific = [p for p in places if _specific(p, context)]
        if specific:
            context.site = specific[0]
    block_dates.extend(event_dates)
    for date in dates:
        context.dates.observe(date)
        if date.precision == "day":
            context.last_day = date
        bounds = edtf_bounds(date.edtf or "")
        if bounds is not None and bounds[0].year == bounds[1].year:
            context.by_year[bounds[0].year] = date
    if len(dates) >= 2 and _ATTACK_WORD.search(sentence_text):
        context.introduced = list(dates)


def _after_publication(date: DateMention, context: _Context) -> bool:
    """A date that starts after the document was published cannot be when its events
    happened (a report tells of the past); it is a plan, a deadline or a misreading."""
    if context.published_end is None or not date.edtf or ".." in date.edtf:
        return False
    bounds = date.bounds()
    return bounds is not None and bounds[0] > context.published_end
