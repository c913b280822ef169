"""The date of the event a figure belongs to.

`_claim_date` tries, in this order: the event an earlier sentence dated and this one
refers back to (`_back_reference`: "the first attack", "the 2011 raid", "that day");
for a total, one period over the dates its sentence lists (`date.listed_span.v1`:
"three raids, in May 2010, March 2012 and June 2013"); the date nearest the figure in
its sentence; for a sentence announcing several events ("suffered three attacks"), one
period over the dated bullets or headings that follow; the latest day or month its
paragraph named, or the paragraph's only date; for a heading, the first date of the
paragraph under it; else the date of the heading or dated bullet above.

A date of speech ("the spokesman said on Monday", `_SPEECH_BEFORE`) dates no event.
"""

from __future__ import annotations

import re

from .dates import DateContext, DateMention, edtf_bounds, find_dates, leading_date
from .sentence_facts import _Context
from .sentences import Block

_ORDINAL_REF = re.compile(
    r"\bthe\s+(?P<ord>first|second|third|fourth|fifth|last|latest|earlier|later)\s+"
    r"(?:(?:deadly|major|large|armed|military|rocket|missile)\s+)?"
    r"(?:attack|assault|raid|massacre|strike|incident|operation)\b",
    re.I,
)
_DEADLIEST_REF = re.compile(
    r"\bthe\s+(?:deadliest|bloodiest|worst|most\s+lethal)\s+(?:\w+\s+)?"
    r"(?:attack|assault|raid|massacre|strike|incident|bombing|day)\b",
    re.I,
)
_YEAR_REF = re.compile(
    r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?:\w+\s+)?(?:attack|assault|raid|massacre|strike|"
    r"incident|operation|bombing)\b",
    re.I,
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|reported|added|confirmed|declared|wrote|"
    r"published|released|issued)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_SAME_DAY = re.compile(r"\b(?:that|the\s+same)\s+day\b", re.I)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "latest": -1}


def _back_reference(
    sentence: str, context: _Context, has_dates: bool = False
) -> DateMention | None:
    """The date an earlier sentence gave the event this one refers back to, if any.

    "The deadliest attack" is the event with the most killed that the text has dated so
    far, unless the sentence dates it itself.
    """
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
    if not has_dates and context.deadliest is not None and _DEADLIEST_REF.search(sentence):
        return context.deadliest[1]
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


_SINCE = frozenset({"date.since.v1", "date.onwards.v1"})


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
        # The nearest date in the figure's own clause ("the 2011 attack left 36 dead;
        # the 2013 attack left 52 dead"), else the nearest in the sentence.
        same_clause = [
            d for d in dates if ";" not in text[min(d.end, position) : max(d.start, position)]
        ]
        return min(same_clause or dates, key=lambda d: abs(d.start - position))
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
    if len(block_dates) == 1 and (block_dates[0].rule not in _SINCE or period_words):
        # A span the paragraph named ("have fled since January") dates only a total.
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
