"""The constructions that state a date outright: a point with the word introducing it,
a bare year, a list of years, a year naming an event, ranges and spans open at one end.

Each handler takes the construction's match and the scan so far, and returns the
mention or None to turn the match down.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .context import _RANGE_RULES, DateContext, DateMention
from .edtf import _edtf, _first_day, _fmt, _last_day, _last_of_month, _shift
from .grammar import (
    _CIRCA,
    _COUNT_NOUNS,
    _QUALIFIERS,
    _S0,
    _S1,
    _THE_BEFORE,
    _parse_point,
    _season_name,
    _second_year,
    _Spec,
)


@dataclass(slots=True)
class _Scan:
    """What a construction needs besides its match: the text and what came before."""

    text: str
    context: DateContext
    previous_end: int  # end of the last mention found in this scan, -1 if none


_Handler = Callable[[re.Match[str], _Scan], "DateMention | None"]

_NEXT_WORD = re.compile(
    rf"{_S1}or{_S1}(?:more|so|fewer|less)\b|{_S0}(?:%|per{_S0}cent|percent)"
    rf"|{_S1}(?P<word>[A-Za-z]+)"
)
_QUANTITY_BEFORE = re.compile(
    r"\b(?:total|number|sum|maximum|minimum|estimated|estimate|population|toll|figure|"
    r"count|group|crowd|out|average|capacity|tally)\s+$",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:increas|decreas|rise|rose|risen|fell|fall|grow|grew|reduc|declin|drop|cut|"
    r"rais|jump|climb|swell|swoll)\w*\s+$",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    r"(?:\bpp?\.|\bpages?|\bparas?\.?|\bparagraphs?|\bnos?\.|\bnumbers?|\bresolutions?|"
    r"\barticles?|\bart\.|\bsections?|§+|\bvol\.|\bvolumes?|\bchapters?|\bch\.|\blines?|"
    r"\btables?|\bfig(?:ure)?s?\.?|\brooms?|\bflights?|\broutes?|\bisbn|\bcodes?|\bitems?)"
    r"\s*$",
    re.IGNORECASE,
)
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)")


def _is_count(text: str, year_end: int) -> bool:
    """A counted noun, "or more" or a percent sign after a bare number makes it a count."""
    after = _NEXT_WORD.match(text, year_end)
    if after is None:
        return False
    word = after.group("word")
    return word is None or (word[0].islower() and word.lower() in _COUNT_NOUNS)


def _numbered(text: str, position: int) -> bool:
    """Whether a number at `position` continues another ("555-2009") or is a reference."""
    previous = text[position - 1 : position]
    return previous in ("-", "/", ".", "+") or _before(text, position, _REFERENCE_BEFORE)


def _before(text: str, position: int, pattern: re.Pattern[str]) -> bool:
    return pattern.search(text, max(0, position - 30), position) is not None


def _word(match: re.Match[str], name: str) -> str:
    """A group's words, lowercased with single spaces (for table look-ups)."""
    return " ".join((match.groupdict().get(name) or "").lower().split())


# Each point form's precision and rule.
_FORM_RULES = {
    "dmy": ("day", "date.day_month_year.v1"),
    "mdy": ("day", "date.month_day_year.v1"),
    "iso": ("day", "date.iso.v1"),
    "numeric": ("day", "date.numeric.v1"),
    "my": ("month", "date.month_year.v1"),
    "month": ("month", "date.month.v1"),
    "q_month": ("interval", "date.part_of_month.v1"),
    "q_year": ("interval", "date.part_of_year.v1"),
    "q_decade": ("interval", "date.part_of_decade.v1"),
    "q_season": ("season", "date.season.v1"),
    "season": ("season", "date.season.v1"),
    "decade": ("decade", "date.decade.v1"),
    "year": ("year", "date.year.v1"),
}
_YEARLESS_RULES = {"dmy": "date.day_month.v1", "mdy": "date.month_day.v1"}


def _fill_year(spec: _Spec, context: DateContext) -> str | None:
    """Give a spec without a year the context's year; return where it came from."""
    if spec.has_year:
        return None
    spec.year, source = context._year_for(spec.first_month)
    return source


def _possible(spec: _Spec) -> bool:
    """Whether a day could exist in its month in some year (29 February can)."""
    if spec.day is None or spec.month is None:
        return True
    return spec.day <= _last_of_month(2000, spec.month)


def _point(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """One point, with the preposition that introduces it: "On July 28", "in early 2003"."""
    spec = _parse_point(match["a"])
    if spec is None or not _possible(spec):
        return None
    op = _word(match, "op")
    if spec.form in ("year", "numeric") and not op and _numbered(scan.text, match.start()):
        return None
    source = _fill_year(spec, scan.context)
    precision, rule = _FORM_RULES[spec.form]
    if source is not None or spec.year is None:
        rule = _YEARLESS_RULES.get(spec.form, rule)
    span = spec.span() if spec.year is not None or spec.decade is not None else None
    if span is None and spec.has_year:
        return None  # a day its month does not have
    approximate = op in _CIRCA and span is not None and span[0] == span[1]
    if approximate and spec.form == "year":
        rule = "date.circa.v1"
    return DateMention(
        match.start(),
        match.end(),
        _edtf(*span, approximate=approximate) if span else None,
        precision,
        "yearless" if source is not None or span is None else "absolute",
        source,
        rule,
    )


def _bare_year(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """A four-digit year after a word that introduces a date: "in 2009", "circa 2003"."""
    text, start = scan.text, match.start()
    if _is_count(text, match.end()):
        return None
    op = _word(match, "op")
    if op == "of" and _before(text, start, _QUANTITY_BEFORE):
        return None
    return _point(match, scan)


def _year_list(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """The next year or decade of a list ("in 2009 and 2010", "the 1980s and 1990s")."""
    glue = _LIST_GLUE.fullmatch(scan.text, scan.previous_end, match.start())
    if scan.previous_end < 0 or glue is None or _is_count(scan.text, match.end()):
        return None
    mention = _point(match, scan)
    if mention is None or mention.precision != "year":
        return mention
    return DateMention(
        mention.start, mention.end, mention.edtf, "year", "absolute", None, "date.year_list.v1"
    )


def _attributive(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """A year that dates an event noun: "the 2003 war"; the span is the year alone."""
    year = int(match["a"])
    return DateMention(
        match.start("a"), match.end("a"), f"{year:04d}", "year", "absolute", None,
        "date.year_attributive.v1",
    )  # fmt: skip


def _yearless_season(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """A season with no year ("in the summer"), in the context's year."""
    spec = _Spec("season", season=_season_name(match["a"]))
    spec.qualifier = _QUALIFIERS.get(_word(match, "q"))
    source = _fill_year(spec, scan.context)
    span = spec.span()
    return DateMention(
        match.start(), match.end(), _edtf(*span) if span else None, "season", "yearless",
        source, "date.season.v1",
    )  # fmt: skip


def _ordinal_day(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """ "on the 28th": the context's month, or the publication's (or the month before)."""
    day = int(match["a"].rstrip("stndrh"))
    context, pub = scan.context, scan.context._pub
    year, month = context.year, context.month
    source: str | None = "publication" if context._year_is_published else "context"
    if year is None or month is None:
        year, month, source = None, None, None
        if pub is not None and pub[1] is not None and pub[2] is not None:
            year, month, source = pub[0], pub[1], "publication"
            if day > pub[2]:
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    edtf = None
    if year is not None and month is not None:
        if day > _last_of_month(year, month):
            return None
        edtf = _fmt((year, month, day))
    return DateMention(
        match.start(), match.end(), edtf, "day", "yearless", source, "date.ordinal_day.v1"
    )


def _range_shape(a: _Spec, b: _Spec, joined_by_and: bool, opened: bool) -> str | None:
    """Which kind of range two points make, if any; `opened` by from or between."""
    if a.form == "day":
        return "day" if b.form in ("dmy", "mdy") else None
    if b.form == "day":
        return "month_day" if a.form == "mdy" and a.year is None else None
    if a.form == "month":
        return "month" if b.form in ("my", "month") or opened else None
    if joined_by_and and not opened:
        return None  # "July 28 and August 3", "2009 and 2010": two dates, not a range
    if a.form == "year":
        return "year" if b.form in ("year", "yy") else "date"
    return "date"


def _range(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """Two points joined: "from February 2012 to September 2013", "July 28-29, 2009"."""
    text, context = scan.text, scan.context
    a, b = _parse_point(match["a"]), _parse_point(match["b"])
    if a is None or b is None or not (_possible(a) and _possible(b)):
        return None
    op = _word(match, "op")
    opened = op in ("from", "between")
    joined_by_and = " and " in f" {text[match.end('a') : match.start('b')].lower()} "
    if a.form == "year" and b.form == "day" and b.year is None and len(match["b"]) == 2:
        b = _Spec("yy", yy=int(match["b"]))  # "2012-13": the day form read it first
    if b.form == "yy":
        if a.form != "year" or joined_by_and:
            return None
        b = _Spec("year", year=_second_year(a.year, f"{b.yy:02d}"))
        if b.year is None:
            return None
        shape: str | None = "year"
    else:
        shape = _range_shape(a, b, joined_by_and, opened)
    if shape is None:
        return None
    if not op and a.form in ("year", "day") and _numbered(text, match.start()):
        return None
    if b.form == "year" and _is_count(text, match.end()):
        return None
    if (a.day is not None or a.form == "day") and a.month is None:
        a.month = b.month
    if b.form == "day" and b.month is None:
        b.month = a.month
    if a.month is None and a.day is not None:
        return None
    if b.form == "day" and b.year is None and a.year is not None:
        b.year = a.year
    source = None
    if not a.has_year and b.year is not None:
        a.year = b.year - _wraps(a, b)
    elif not b.has_year and a.year is not None and b.decade is None:
        b.year = a.year + _wraps(a, b)
    elif not a.has_year and not b.has_year:
        source = _fill_year(a, context)
        if a.year is not None:
            b.year = a.year + _wraps(a, b)
    first, last = (a.span(), b.span()) if a.year is not None or a.decade else (None, None)
    if a.year is not None or a.decade is not None:
        if first is None or last is None:
            return None
        if _first_day(first[0]) > _first_day(last[0]) or _last_day(first[1]) > _last_day(last[1]):
            return None
    edtf = _edtf(first[0], last[1]) if first and last else None
    rule = "date.range.v1" if opened else _RANGE_RULES[shape or "date"]
    kind = "yearless" if source is not None or edtf is None else "period"
    return DateMention(match.start(), match.end(), edtf, "interval", kind, source, rule)


def _wraps(first: _Spec, second: _Spec) -> bool:
    """Whether a range passes the new year ("December 30 – January 2, 2009")."""
    if first.month is None or second.month is None:
        return False
    return first.month > second.month


_OPEN_OPS = {
    "since": "since",
    "ever since": "since",
    "until": "until",
    "till": "until",
    "up until": "until",
    "up to": "until",
    "through": "until",
    "by": "by",
    "before": "before",
    "prior to": "before",
    "after": "after",
}


def _open(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """A span open at one end: "since 2009", "until 2016", "by 2013", "before July"."""
    return _open_span(match, scan, onwards=False)


def _onwards(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """ "from January 2010 onwards", "2010 on": read as since."""
    return _open_span(match, scan, onwards=True)


def _open_span(match: re.Match[str], scan: _Scan, onwards: bool) -> DateMention | None:
    text, context = scan.text, scan.context
    spec = _parse_point(match["a"])
    if spec is None or not _possible(spec):
        return None
    op = _word(match, "op")
    relation = "since" if onwards else _OPEN_OPS[op]
    if spec.form == "year":
        if _is_count(text, match.end("a")) or op == "up to":
            return None
        if _THE_BEFORE.search(text, match.start(), match.start("a")):
            return None  # "before the 1991 war": the year names the war
        if op == "by" and _before(text, match.start(), _CHANGE_BEFORE):
            return None
        if not op and _numbered(text, match.start()):
            return None
    source = _fill_year(spec, context)
    span = spec.span() if spec.year is not None or spec.decade is not None else None
    if span is None and spec.has_year:
        return None
    edtf = None
    if span is not None:
        first, last = span
        pub = context._pub
        if relation in ("since", "after"):
            low = first if relation == "since" else _shift(last, 1)
            high = pub if pub is not None and _last_day(pub) >= _first_day(low) else None
            edtf = _edtf(low, high)
        else:
            edtf = _edtf(None, last if relation in ("until", "by") else _shift(first, -1))
    rule = "date.onwards.v1" if onwards else f"date.{relation}.v1"
    kind = "yearless" if source is not None or edtf is None else "period"
    return DateMention(match.start(), match.end(), edtf, "interval", kind, source, rule)
