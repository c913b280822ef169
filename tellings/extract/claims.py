"""The extractor: a document's text in, its claims out.

`extract_claims` walks the text block by block and sentence by sentence, in document
order, so that what the text has said so far (the year in a heading, the events an
earlier sentence introduced, the place last named) can date and place what follows.
For each count it finds (`numbers`), it asks `measures` what the count counts; a count
tied to no harm is a fact when it has a unit (area, distance, money) or counts things,
and is otherwise left alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..model import Claim
from .dates import DateContext, DateMention, edtf_bounds, find_dates, leading_date
from .gazetteer import EntityMention, Gazetteer
from .measures import MeasureMatch, find_zero_claims, measure_for
from .numbers import CountMention, find_counts, parse_number_words
from .sentences import Block, Sentence, split_blocks, split_sentences

EXTRACTOR_VERSION = "tellings-extract/1"
SELECTOR_CONTEXT = 32

_PLACE_KINDS = frozenset({"camp", "place", "city", "country", "province"})
# A camp named in a sentence is where its figures belong, rather than the country.
_PLACE_RANK = {"camp": 0, "place": 1, "city": 1, "province": 2, "country": 3}
_ACTOR_KINDS = frozenset({"force", "militia", "government", "party", "armed-group"})
_EVENT_TYPES = (
    (re.compile(r"\b(?:rockets?|missiles?|mortars?|katyushas?)\b", re.I), "rocket attack"),
    (re.compile(r"\bbomb(?:s|ing|ings|ed|ardment)?\b|\bair ?strikes?\b", re.I), "bombing"),
    (re.compile(r"\bsiege\b|\bblockade\b", re.I), "siege"),
    (re.compile(r"\braid(?:s|ed)?\b|\bstorm(?:ed|ing)\b", re.I), "raid"),
    (re.compile(r"\bmassacre[sd]?\b", re.I), "massacre"),
    (re.compile(r"\b(?:abduct\w*|kidnap\w*|hostages?)\b", re.I), "abduction"),
    (re.compile(r"\b(?:arrest\w*|detain\w*|detention)\b", re.I), "detention"),
    (
        re.compile(
            r"\b(?:relocat\w*|resettle\w*|transfer\w*|moved|departure|departed|evict\w*)\b", re.I
        ),
        "relocation",
    ),
    (re.compile(r"\b(?:attack\w*|assault\w*|strikes?|shelling|shot|fired)\b", re.I), "attack"),
)
_ATTACK_WORD = re.compile(
    r"\b(?:attack\w*|assault\w*|raid\w*|massacre\w*|strikes?|struck|bomb\w*|storm\w*)\b", re.I
)
_ORDINAL_REF = re.compile(
    r"\bthe\s+(?P<ord>first|second|third|fourth|fifth|last|latest|earlier|later)\s+"
    r"(?:(?:deadly|major|large|armed|military|rocket|missile)\s+)?"
    r"(?:attack|assault|raid|massacre|strike|incident|operation)\b",
    re.I,
)
_YEAR_REF = re.compile(
    r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?:\w+\s+)?(?:attack|assault|raid|massacre|strike|"
    r"incident|operation|bombing)\b",
    re.I,
)
_ANNOUNCED = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks|assaults|raids|massacres|strikes|bombings|incidents|operations|occasions)\b",
    re.I,
)
_MOVEMENT_BEFORE = re.compile(r"\b(?:to|from|towards?|via|into)\s+(?:the\s+)?$", re.I)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|reported|added|confirmed|declared|wrote|"
    r"published|released|issued)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_SAME_DAY = re.compile(r"\b(?:that|the\s+same)\s+day\b", re.I)
_PERIOD_WORDS = re.compile(
    r"\b(?:since|in\s+total|in\s+all|altogether|so\s+far|to\s+date|over\s+the\s+(?:past|last)|"
    r"throughout|during\s+the\s+(?:siege|years)|attacks|assaults|raids|massacres|strikes)\b",
    re.I,
)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "latest": -1}
_SPEAKER = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<a>(?:the\s+)?[\w’'.\-]+(?:\s+(?:[A-Z][\w’'.\-]*|of|the|for|al-\w+)){0,6})"
    r"|(?P<b>(?:[A-Z][\w’'.\-]*|an?|the)(?:\s+(?:[A-Z][\w’'.\-]*|\([A-Z][\w-]*\)|[a-z]+)){0,6}?)\s+"
    r"(?:said|says|stated|reported|told|announced|claimed|estimated|confirmed)\b"
    r"|\b(?:said|says|stated|reported)\s+(?P<c>(?:the\s+|an?\s+)?[A-Za-z][\w’'.\-]*"
    r"(?:\s+[\w’'.\-]+){0,4})",
)
_PASSIVE_END = re.compile(r"\b(?:were|was|been|be|is|are)\s*$", re.I)
_PERPETRATOR = re.compile(
    r"\bby\s+(?P<by>(?:the\s+)?(?:[A-Z][\w’'\-]*|al-\w+)(?:\s+(?:[A-Z][\w’'\-]*|al-\w+|of|the|and)){0,6})"
)
_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s*$", re.I)
_GROUP_MEASURE = {
    "wounded": "wounded",
    "injured": "wounded",
    "dead": "killed",
    "killed": "killed",
    "victims": "killed",
    "hostages": "abducted",
    "abducted": "abducted",
    "detainees": "detained",
    "detained": "detained",
    "casualties": "other",
    "displaced": "displaced",
}
_NAMED_GROUP = re.compile(
    r"\bthe\s+(?P<group>"
    + "|".join(_GROUP_MEASURE)
    + r")\s*,\s*(?:including\s+|among\s+them\s+)?$",
    re.I,
)
_PUT_AT = re.compile(
    r"\b(?:put|puts|putting|placed|places|estimated|estimates)\s+(?:the\s+)?(?:death\s+)?"
    r"(?P<what>number|figure|toll|total|count)\s+at\s+$",
    re.I,
)
# Between two counts that share one verb: "Six soldiers and three civilians"
_COORDINATED = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?and\s+", re.I)
_GROUP_INCLUDED = re.compile(
    r"\b(?:the\s+(?P<group>"
    + "|".join(_GROUP_MEASURE)
    + r")\s+(?:included|include|includes|were|was)|among\s+the\s+(?P<group2>"
    + "|".join(_GROUP_MEASURE)
    + r")\s+(?:were|was))\s+$",
    re.I,
)
_LIST_GOES_ON = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?(?:and|,)\s+|,\s+(?:and\s+)?", re.I)
_OF_WHOM = re.compile(
    r"^\s+of\s+(?:whom|them)(?:\s+(?:were|was|are))?(?:\s+(?!were\b|was\b)[a-z][\w-]*){0,2}",
    re.I,
)
_GROUP_TAIL = re.compile(r"^(?:\s+(?!were\b|was\b|and\b)[a-z][\w-]*){1,2}")
_POPULATION = re.compile(
    r"\b(?:home\s+to|population\s+of|housed|housing|inhabited\s+by|hosted|hosting)\s+$", re.I
)
_THING_AFTER = re.compile(r"^\s+(?:[\w\-’']+\s+){0,2}?(?P<noun>[a-z][\w\-]*s)\b")


@dataclass
class _SentenceFacts:
    """What a sentence says that every claim in it shares, computed once per sentence."""

    text: str
    entities: list[EntityMention]
    start: int = 0
    _speaker: str | None = None
    _perpetrator: str | None = None
    _event_type: str | None = None
    _period: bool | None = None
    _announced: int | None = None
    _done: bool = False

    def _compute(self) -> None:
        if not self._done:
            self._speaker = _speaker(self.text)
            self._perpetrator = _perpetrator(self.text, self.entities)
            self._event_type = next(
                (name for pattern, name in _EVENT_TYPES if pattern.search(self.text)), None
            )
            self._period = _PERIOD_WORDS.search(self.text) is not None
            self._done = True

    @property
    def speaker(self) -> str | None:
        self._compute()
        return self._speaker

    @property
    def perpetrator(self) -> str | None:
        self._compute()
        return self._perpetrator

    @property
    def event_type(self) -> str | None:
        self._compute()
        return self._event_type

    def event_type_near(self, offset: int) -> str | None:
        """The kind of event named nearest to `offset` in the sentence ("a siege, which
        left 177 dead" is the siege's, even if rockets are named first)."""
        best: tuple[int, int, str] | None = None
        for rank, (pattern, name) in enumerate(_EVENT_TYPES):
            for match in pattern.finditer(self.text):
                distance = min(abs(match.start() - offset), abs(match.end() - offset))
                if best is None or (distance, rank) < best[:2]:
                    best = (distance, rank, name)
        return best[2] if best else None

    @property
    def announced(self) -> int:
        """How many events the sentence announces ("suffered three attacks"), else 0."""
        if self._announced is None:
            found = _ANNOUNCED.search(self.text)
            number = parse_number_words(found.group("n")) if found else None
            self._announced = int(number) if number is not None and 2 <= number <= 20 else 0
        return self._announced

    @property
    def period_words(self) -> bool:
        self._compute()
        return bool(self._period)


@dataclass
class _Context:
    """What the text has said so far, as the extractor walks it in order."""

    dates: DateContext
    heading_date: DateMention | None = None
    last_day: DateMention | None = None
    introduced: list[DateMention] = field(default_factory=list)
    by_year: dict[int, DateMention] = field(default_factory=dict)
    place: EntityMention | None = None
    gazetteer: Gazetteer | None = None


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
        d for d in dates if not _SPEECH_BEFORE.search(text, max(start, d.start - 30), d.start)
    ]
    entities = gazetteer.find(text, start, end)
    places = sorted(
        # A place things go to or come from ("abducted to Tehran") is not where the
        # event happened.
        (
            e
            for e in entities
            if e.kind in _PLACE_KINDS
            and not _MOVEMENT_BEFORE.search(text, max(0, e.start - 9), e.start)
        ),
        key=lambda e: 3 if not _specific(e, context) else _PLACE_RANK.get(e.kind, 9),
    )
    sentence_text = text[start:end]
    facts = _SentenceFacts(sentence_text, entities, start)
    reference = _back_reference(sentence_text, context)
    previous: list[tuple[CountMention, MeasureMatch]] = []
    unmatched: list[CountMention] = []
    emitted: list[tuple[int, int]] = []
    for zero in find_zero_claims(text, start, end):
        date = _claim_date(
            zero.start,
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
                    _claim_date(
                        first.start,
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
                    ),
                    places,
                    facts,
                    context,
                    victims=None,
                    value=first.value,
                )
        if match is None and count.kind == "count":
            unmatched.append(count)
        if match is None:
            # Not people harmed: perhaps a fact (an area, a distance, things counted).
            fact = _fact_claim(
                text,
                document_id,
                count,
                event_dates,
                reference,
                block_dates,
                context,
                blocks,
                block_index,
                block,
                places,
                facts,
            )
            if fact is not None:
                yield fact
            continue
        if (
            match.victims is not None
            and match.victims.split()[0].lower() in ("others", "more")
            and any(m.measure == match.measure for _, m in previous)
        ):
            # "eleven were killed and two others later died": an addition to a figure
            # already given, not a total of its own.
            match = replace(match, rule="count.addition.v1")
        previous.append((count, match))
        quote_start = min(count.start, match.harm_start)
        quote_end = max(count.end, match.harm_end)
        date = _claim_date(
            count.start,
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
    if places:
        # The last place named, even a country: after "Iran's agents ...", an earlier
        # camp is no longer a safe guess for the sentences that follow.
        context.place = places[0]
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
            [context.place] if context.place is not None else places
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
    r"\b(?:(?P<control>(?:transferred|handed\s+over|handed|gave|turned\s+over|took\s+over|"
    r"assumed|transfer\s+of|handover\s+of|hand-over\s+of)\s+(?:the\s+)?(?:formal\s+)?"
    r"(?:control|protection|security|responsibility|custody|authority))"
    r"|(?P<founding>(?:was|were)\s+(?:established|founded|created|set\s+up)|established\s+in)"
    r"|(?P<status>(?:granted|recogni[sz]ed|given)\s+[^.;]{0,60}?status)"
    r"|(?P<agreement>signed\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:agreement|memorandum|accord))"
    r"|(?P<departure>(?:last|final)\s+(?:group|convoy|residents)[^.;]{0,60}?"
    r"(?:left|departed)))",
    re.I,
)


def _sub_count(
    text: str, count: CountMention, previous: list[tuple[CountMention, MeasureMatch]], floor: int
) -> MeasureMatch | None:
    """A count inside another ("including four nurses", "20 of whom") takes its measure."""
    before = text[max(floor, count.start - 50) : count.start]
    after = text[count.end : count.end + 40]
    included = _GROUP_INCLUDED.search(before)
    if included is not None:
        # "the dead included 4 women": a part of a group named, not counted.
        tail = _GROUP_TAIL.match(after)
        group = included.group("group") or included.group("group2")
        return MeasureMatch(
            _GROUP_MEASURE[group.lower()],
            count.start - len(before) + included.start(),
            count.end + (tail.end() if tail else 0),
            None,
            None,
            None,
            "count.sub_count.v1",
        )
    if previous and previous[-1][1].rule == "count.sub_count.v1":
        # "... 4 women and 2 children": the list of parts goes on.
        head, match = previous[-1]
        if _LIST_GOES_ON.fullmatch(text[head.end : count.start]):
            tail = _GROUP_TAIL.match(after)
            return MeasureMatch(
                match.measure,
                count.start,
                count.end + (tail.end() if tail else 0),
                None,
                None,
                None,
                "count.sub_count.v1",
            )
    including = _INCLUDING.search(before)
    of_whom = _OF_WHOM.match(after)
    if including is not None:
        phrase_start = count.start - len(before) + including.start()
        tail = _GROUP_TAIL.match(after)
        phrase_end = count.end + (tail.end() if tail else 0)
    elif of_whom is not None:
        phrase_start, phrase_end = count.start, count.end + of_whom.end()
    else:
        return None
    if previous and previous[-1][0].end >= count.start - 50:
        measure = previous[-1][1].measure
    else:
        # "the injured, 20 of whom were children": the group is named, not counted.
        named = _NAMED_GROUP.search(before)
        if named is None:
            return None
        measure = _GROUP_MEASURE[named.group("group").lower()]
    return MeasureMatch(measure, phrase_start, phrase_end, None, None, None, "count.sub_count.v1")


def _put_at(
    text: str, count: CountMention, previous: list[tuple[CountMention, MeasureMatch]], floor: int
) -> MeasureMatch | None:
    """ "officials put the number at 60": another figure for what was just counted."""
    before = text[max(floor, count.start - 40) : count.start]
    found = _PUT_AT.search(before)
    if found is None:
        return None
    if found.group("what").lower() == "toll":
        measure = "killed"
    elif previous:
        measure = previous[-1][1].measure
    else:
        return None
    base = count.start - len(before)
    return MeasureMatch(
        measure, base + found.start(), count.end, None, None, None, "count.put_at.v1"
    )


def _back_reference(sentence: str, context: _Context) -> DateMention | None:
    """The date an earlier sentence gave the event this one refers back to, if any."""
    ordinal = _ORDINAL_REF.search(sentence)
    if ordinal and context.introduced:
        index = _ORDINALS.get(ordinal.group("ord").lower())
        if index is not None and -len(context.introduced) <= index < len(context.introduced):
            return context.introduced[index]
    year = _YEAR_REF.search(sentence)
    if year:
        return context.by_year.get(int(year.group("year")))
    if _SAME_DAY.search(sentence) and context.last_day is not None:
        return context.last_day
    return None


def _listed_ahead(
    text: str, blocks: list[Block], block_index: int, context: _Context, wanted: int
) -> list[DateMention]:
    """The dates opening the bullets or headings that follow a block, up to `wanted`."""
    found: list[DateMention] = []
    dates = context.dates.copy()
    for block in blocks[block_index + 1 : block_index + 1 + 3 * wanted]:
        if block.kind not in ("bullet", "heading"):
            continue
        lead = leading_date(text[block.start : block.end], dates)
        if lead is not None and lead.edtf:
            found.append(lead)
            if len(found) == wanted:
                break
    return found


def _spanning(dates: list[DateMention]) -> DateMention:
    """One date covering every date listed, as a period from the first to the last."""
    bounds = [b for b in (edtf_bounds(d.edtf or "") for d in dates) if b is not None]
    if not bounds:
        return dates[0]
    first, last = min(b[0] for b in bounds), max(b[1] for b in bounds)
    return DateMention(
        start=dates[0].start,
        end=dates[-1].end,
        edtf=f"{first.isoformat()}/{last.isoformat()}",
        precision="interval",
        kind="period",
        year_from=None,
        rule="date.listed_span.v1",
    )


def _specific(mention: EntityMention, context: _Context) -> bool:
    """A place inside another (a town, a camp), not a whole country: "from Iran" is no
    fixed point to measure a distance to."""
    if context.gazetteer is None:
        return True
    try:
        return context.gazetteer.entity(mention.entity_id).parent is not None
    except KeyError:
        return False


def _short(date: DateMention) -> bool:
    """True for a date of at most a month or so: a day, a few days, a month."""
    bounds = edtf_bounds(date.edtf or "") if date.edtf and ".." not in date.edtf else None
    return bounds is not None and (bounds[1] - bounds[0]).days <= 31


def _claim_date(
    position: int,
    dates: list[DateMention],
    reference: DateMention | None,
    block_dates: list[DateMention],
    context: _Context,
    text: str,
    blocks: list[Block],
    block_index: int,
    block: Block,
    *,
    period_words: bool = False,
    announced: int = 0,
) -> DateMention | None:
    """The date of the event a figure belongs to: its sentence, a back-reference, its
    paragraph, its heading, in that order; a heading with no date of its own takes the
    first date of the paragraph under it."""
    if reference is not None:
        return reference
    listed = [d for d in dates if d.kind != "period"]
    if len(listed) >= 2 and period_words:
        # "three raids, in May 2010, March 2012 and June 2013, killed 40": a total over
        # the span of the dates the sentence lists.
        return _spanning(listed)
    if dates:
        return min(dates, key=lambda d: abs(d.start - position))
    if announced:
        # "suffered three attacks that killed 40", then a dated list of the attacks:
        # a total over the span of the list.
        listed = _listed_ahead(text, blocks, block_index, context, announced)
        if len(listed) >= 2:
            return _spanning(listed)
    # The latest day or month the paragraph named for an event, not a span ("since 2003").
    precise = [d for d in block_dates if d.kind != "period" and _short(d)]
    if precise:
        return precise[-1]
    if len(block_dates) == 1:
        return block_dates[0]
    if block.kind == "heading" and block_index + 1 < len(blocks):
        following = blocks[block_index + 1]
        ahead = [
            d
            for d in find_dates(
                text, DateContext(None), following.start, min(following.end, following.start + 300)
            )
            if d.edtf
        ]
        if ahead:
            return ahead[0]
    return context.heading_date


def _fact_claim(
    text: str,
    document_id: str,
    count: CountMention,
    dates: list[DateMention],
    reference: DateMention | None,
    block_dates: list[DateMention],
    context: _Context,
    blocks: list[Block],
    block_index: int,
    block: Block,
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
    date = _claim_date(
        count.start,
        dates,
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
    if place is not None and place.kind == "country" and context.place is not None:
        place = context.place
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
        perpetrator=facts.perpetrator,
        event_type=facts.event_type_near(start - facts.start),
        speaker=facts.speaker,
        event_key=_event_key(place.entity_id if place else None, edtf),
        number_rule=number_rule,
        date_rule=date.rule if date else None,
        sentence_start=facts.start,
        scope_events=facts.announced or None if period else None,
    )
    return replace(claim, id=claim_id(claim))


def claim_id(claim: Claim) -> str:
    """A claim's identity: its document, span, rule and extractor version, and what it
    says. Extracting again gives the same id; any change in what is found gives a new one."""
    content = "\x1f".join(repr(getattr(claim, name)) for name in _IDENTITY_FIELDS)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:24]


_IDENTITY_FIELDS = tuple(f for f in Claim.__dataclass_fields__ if f not in ("id", "superseded_by"))


def _is_period(date: DateMention | None, facts: _SentenceFacts) -> bool:
    """A total over a span ("since 2009", "in three attacks") rather than one event's."""
    if date is None or date.edtf is None:
        return False
    bounds = edtf_bounds(date.edtf) if "/.." not in date.edtf and "../" not in date.edtf else None
    if bounds is not None and (bounds[1] - bounds[0]).days <= 62:
        return False
    return date.kind == "period" or facts.period_words or bounds is None


def _perpetrator(sentence: str, entities: list[EntityMention]) -> str | None:
    by = _PERPETRATOR.search(sentence)
    if by:
        return by.group("by").strip()
    actors = [e for e in entities if e.kind in _ACTOR_KINDS]
    return actors[0].text if actors else None


def _speaker(sentence: str) -> str | None:
    match = _SPEAKER.search(sentence)
    if match is None:
        return None
    found = match.group("a") or match.group("b") or match.group("c")
    if not found or _PASSIVE_END.search(found):
        return None  # "No casualties were reported": nobody is named as saying it
    return found.strip(" ,")


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
