"""The finder: `find_counts` runs the scanning expression over a text and turns each
candidate into a `CountMention`, unless an exclusion rule applies.
"""

from __future__ import annotations

import re
from typing import Final

from .exclusions import _COORDINATION, _excluded, _is_year, _words_before
from .grammar import _DENOMINATOR, _MATCHER, _SEP, _SP, _U
from .model import CountMention, Number
from .tables import (
    _DETERMINERS,
    _NORMALISED_UNIT,
    _QUALIFIER_OF,
    _SCALES,
    _SHORT_SCALES,
    _SUFFIX_QUALIFIER_OF,
    _UNDER_VERBS,
    _UNIT_OF,
    VAGUE_INTERVALS,
)
from .values import _WORD_SPLIT, _interval, _numeral, _tidy, _unit_key


def find_counts(text: str, start: int = 0, end: int | None = None) -> list[CountMention]:
    """Every figure stated in `text[start:end]`, in text order, with offsets into `text`.

    The window is read as if it were the whole text: nothing outside it is looked at.
    Mentions never overlap. See the package docstring for what is read and what is not.
    """
    # A space in front gives a figure at the very start the gap every candidate begins
    # with; offsets in `window` are one more than in `text[start:]`.
    start, end, _ = slice(start, end).indices(len(text))
    window = " " + text[start:end]
    offset = start - 1
    found: list[CountMention] = []
    search = _MATCHER.search
    pos = 0
    while True:
        match = search(window, pos)
        if match is None:
            return found
        pos = match.end()
        branch = match.lastgroup
        mention: CountMention | None = None
        if branch == "num":
            mention, resume = _number_mention(window, match, offset)
            if resume is not None:
                pos = resume
        elif branch == "vague":
            mention = _vague_mention(window, match, offset)
        elif branch == "zero":
            a, b = match.start("zero") + offset, pos + offset
            mention = CountMention(a, b, 0, 0, "exact", 0, None, None, "count", a, b,
                                   "number.zero.v1")  # fmt: skip
        elif branch == "both" and not _COORDINATION.match(window, pos):  # exclude.both.v1
            a, b = match.start("both") + offset, pos + offset
            mention = CountMention(a, b, 2, 2, "exact", 2, None, None, "count", a, b,
                                   "number.words.v1")  # fmt: skip
        if mention is not None:
            found.append(mention)


_YEAR_BREAKERS: Final = ("q", "cur", "n2", "sq", "unit", "sq2")


def _number_mention(
    text: str, m: re.Match[str], offset: int
) -> tuple[CountMention | None, int | None]:
    """The mention for a `num` match, or None when an exclusion rule applies; and where
    to resume scanning when only the first number of a false range is kept."""
    n1 = m.group("n1")
    if _is_year(n1) and not any(m.group(g) for g in _YEAR_BREAKERS):
        return None, None  # exclude.year.v1, the commonest case first
    parsed = _numeral(n1)
    if parsed is None:
        return None, None
    value, places = parsed
    qualifier = m.group("q")
    qualifier_kind = _QUALIFIER_OF.get(" ".join(qualifier.lower().split())) if qualifier else None
    currency = m.group("cur")
    unit_text = m.group("unit") or m.group("u1")
    n2 = m.group("n2")
    start, end = m.span("num")
    n1_start, number_end = m.span("n1")
    resume: int | None = None
    low: Number = value
    high: Number | None = value
    if n2 is not None:
        second = _numeral(n2)
        if second is None:
            return None, None
        high = second[0]
        factor = _scale_of(n2)
        if factor > 1 and _scale_of(n1) == 1 and value * factor <= high:
            low = _tidy(value * factor)  # "5 to 10 million": the scale is the first's too
        if _is_year(n1) and (_is_year(n2) or high < value):
            # exclude.year.v1: "2003-2013"; "1980-88" and "2011 – Thirty-six residents",
            # where the second number is read again on its own.
            return None, None if _is_year(n2) else number_end
        if low > high:
            if qualifier_kind in ("between", "from"):
                return None, None
            n2 = unit_text = None  # "52 - 10 of them": keep the first number alone
            end = resume = number_end
        else:
            number_end = m.end("n2")
    if (qualifier_kind in ("between", "from") and n2 is None) or (
        qualifier_kind == "below"
        and bool(_UNDER_VERBS.intersection(_words_before(text, start)[-1:]))
    ):
        # "from 30" alone; "came under five attacks": a preposition, not a bound.
        qualifier_kind = None
        start = m.start("cur") if currency else n1_start
    kind, unit, factor_to_base = "count", None, 1.0
    if unit_text is not None or currency is not None:
        entry = _UNIT_OF.get(_unit_key(unit_text or currency or ""))
        if entry is None and currency is not None:
            entry = _UNIT_OF.get(_unit_key(currency))
        if entry is None:
            return None, None
        unit, kind, factor_to_base = entry
    if _excluded(text, m.start(), start, end, n1, n2, unit, kind, qualifier_kind):
        return None, None
    stated: Number | None
    if n2 is not None:
        rule, qualifier_out, stated = "number.range.v1", "range", None
    else:
        stated = value
        suffix = m.group("sq") or m.group("sq2")
        if suffix is not None and qualifier_kind is None:
            key = " ".join(suffix.lower().strip("-\u2010\u2011").split())
            qualifier_kind = _SUFFIX_QUALIFIER_OF.get(key)
        low, high, qualifier_out = _interval(qualifier_kind or "exact", value, places)
        if n1[0].isdigit():
            rule = "number.digits.v1"
        elif unit is None and _FRACTION_START.match(n1) and not isinstance(value, int):
            rule, kind = "number.fraction.v1", "fraction"
        else:
            rule = "number.words.v1"
    normalised: tuple[float, float | None, str] | None = None
    if kind in _NORMALISED_UNIT:
        normalised = (
            _tidy(low * factor_to_base),
            None if high is None else _tidy(high * factor_to_base),
            _NORMALISED_UNIT[kind],
        )
    elif unit == "USD":
        normalised = (low, high, "USD")
    mention = CountMention(
        start + offset, end + offset, low, high, qualifier_out, stated, unit, normalised, kind,
        n1_start + offset, number_end + offset, rule,
    )  # fmt: skip
    return mention, resume


def _scale_of(numeral: str) -> int:
    """The scale word a numeral ends with, as a factor: "10 million" -> 10**6; else 1."""
    last = _WORD_SPLIT.split(numeral.strip())[-1].lower()
    last = last.lstrip("0123456789.,")
    if last == "hundred":
        return 100
    if last == "dozen":
        return 12
    return _SCALES.get(last) or _SHORT_SCALES.get(last) or 1


_FRACTION_START = re.compile(rf"(?:{_U}{_SEP}{_DENOMINATOR}|[Aa]{_SP}quarter\b)")


def _vague_mention(text: str, m: re.Match[str], offset: int) -> CountMention | None:
    words = m.group("vw")
    key = " ".join(words.lower().split())
    if key.startswith(("several ", "a few ")):
        key = key.rsplit(" ", 1)[1] + "s"
    elif key.endswith(" of") and key not in VAGUE_INTERVALS:
        key = key[:-3]  # "a couple of"
    interval = VAGUE_INTERVALS.get(key)
    if interval is None:
        return None
    start, end = m.span("vague")
    if key == "scores":
        before = _words_before(text, start)
        if before and before[-1].lower() in _DETERMINERS:
            return None  # exclude.vague.v1
    low, high = interval
    unit = kind = None
    normalised: tuple[float, float | None, str] | None = None
    unit_text = m.group("vunit")
    mention_kind = "count"
    if unit_text is not None:
        entry = _UNIT_OF.get(_unit_key(unit_text))
        if entry is None:
            return None
        unit, kind, factor = entry
        mention_kind = kind
        if kind in _NORMALISED_UNIT:
            normalised = (low * factor, high * factor, _NORMALISED_UNIT[kind])
        elif unit == "USD":
            normalised = (low, high, "USD")
    number_start, number_end = m.span("vw")
    return CountMention(
        start + offset, end + offset, low, high, "vague", None, unit, normalised, mention_kind,
        number_start + offset, number_end + offset, "number.vague.v1",
    )  # fmt: skip
