"""Dates in running text, each found with its offsets and written as EDTF (ISO 8601-2).

`find_dates` finds every expression of when something happened ("28 July 2009", "July
28-29, 2009", "in early 2003", "since 2009", "last Saturday") and writes it as an EDTF
date or interval; `leading_date` reads the date that opens a heading or a bullet. A year
the text leaves out comes from a `DateContext`, which remembers the last date a document
stated; a relative date comes from the document's publication date; nothing ever comes
from today's date.

It is built for speed with precompiled regular expressions only. One scan finds the
words a date expression must contain (a month, a weekday, a season, a unit of time, or a
number that can be a year or a day); the grammar is tried only there, starting from the
words just before ("from", "the early", "two"), and only its matches are read in Python.

The choices this module makes, each held by a test:

* Spans start at the word that introduces the date when there is one ("On July 28",
  "in early 2003", "from February 2012 to September 2013", "since 2009").
* "03/04/2009" is read day first (3 April 2009); month first only when the first
  number cannot be a month ("07/28/2009"). Two-digit years are not read.
* "early/mid/late" cut a year into months 01-04, 05-08 and 09-12, a month into days
  1-10, 11-20 and 21-end, and a decade into years 0-3, 4-6 and 7-9. "the beginning or
  start of" reads as early, "the middle of" as mid, "the end or close of" as late;
  "the first/second half of" is months 01-06/07-12 (days 1-15/16-end, years 0-4/5-9).
* Seasons are northern and meteorological, written as month intervals: spring 03-05,
  summer 06-08, autumn or fall 09-11, winter 12-02 starting in the December of the year
  named ("winter 2012" and "winter 2012-13" are both `2012-12/2013-02`). An early season
  is its first two months, a late one its last two, mid its middle month.
* A decade is a year interval: "the 1980s" is `1980/1989`.
* "since X", "from X onwards" and "after X" end at the publication date when it is known
  (`2009/2016-09-12`), since a document cannot speak past its own date; otherwise the end
  is open (`2009/..`). "until", "till", "through" and "by X" end with X (`../2013`);
  "before X" ends one unit before it (`../2008`).
* "circa/c./ca. 2003" is `2003~`; the bounds of an approximate date are its stated ones.
* A year left out is the year of the last date the document stated (`DateContext`), or,
  when the same month was named with a year among the last four months stated, that
  year ("in June 2008 and March 2010 ... on June 3" is 2008). A deadline (until, by,
  before) and a year that names a thing ("the 2003 war") do not set the context. Only
  when the text has given no year is it the publication year, or the year before when
  the month named comes after the publication month (the news convention: "on December
  30" in a report published in January is last year's). With no publication month
  either, `edtf` is None and the mention is still reported.
* A bare four-digit number is a year (1900-2099) only after a word that introduces a
  date (in, since, by, until, from, of, during, early, mid, late, before, after, circa),
  in a list after another year ("in 2009 and 2010"), in a heading, or after a determiner
  as the date of an event ("the 2003 war", "a 2010 report", "the 1991 Gulf War"; the span
  is then the year alone). It is still a count when a counted noun follows ("since 2009
  residents", "in 2000 tents": `_COUNT_NOUNS`), when it follows a quantity word ("a total
  of 2009") or a verb of change ("rose by 2000"), or when it follows a reference word
  ("pp. 2003-2013", "Resolution 2009").
* Month names count in title case or capitals only, so "may", "march" and "august" as
  verb or adjective never match; a month with neither day nor year ("in May") needs a
  word such as in, during or of before it, so "May I" and "Theresa May" do not match.
* Relative dates: "on Friday" is the latest Friday on or before the publication date,
  "last Friday" the latest strictly before it, "next Friday" the first after it; weeks
  run Monday to Sunday ("last week" is the whole previous week); "the following day",
  "two days later", "that year" count from the last date the text stated.
* `precision` is "day", "month", "year", "season" or "decade" for a single date of that
  unit, and "interval" for anything spanning several units: ranges, since/until, early/
  mid/late, weeks. `kind` is "relative" when the date comes from the publication date or
  the previous date, else "yearless" when any year came from elsewhere (or from nowhere),
  else "period" for ranges and open spans, else "absolute".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from tellings.errors import InvalidValue

__all__ = [
    "DateContext",
    "DateMention",
    "edtf_bounds",
    "find_dates",
    "leading_date",
    "narrowest",
]


# --- results -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateMention:
    """One expression of time in a text, with the EDTF date or interval it states."""

    start: int
    end: int
    edtf: str | None
    precision: str
    kind: str
    year_from: str | None
    rule: str

    def bounds(self) -> tuple[date, date] | None:
        """The earliest and latest day the mention can mean; None if open or unresolved."""
        return edtf_bounds(self.edtf) if self.edtf else None


# A calendar date at the precision the text gives it: (year, month or None, day or None).
_Point = tuple[int, int | None, int | None]


class DateContext:
    """Carries what a document has said so far about when: publication date, the last
    explicit year and month mentioned (by headings, leads, earlier sentences)."""

    __slots__ = ("_pub", "_recent", "_year_is_published", "day", "month", "published", "year")

    def __init__(self, published: str | None = None) -> None:
        self.published = published
        self._pub: _Point | None = _parse_published(published) if published else None
        self.year: int | None = None
        self.month: int | None = None
        self.day: int | None = None
        # True when `year` itself was filled from the publication date, so that later
        # mentions resolved from it say so.
        self._year_is_published = False
        # The last few (year, month) pairs the text stated, newest last: "In June 2008
        # and March 2010 ... On June 3" puts that June in 2008, not in 2010.
        self._recent: list[tuple[int, int, bool]] = []

    def observe(self, mention: DateMention) -> None:
        """Remember the year (and month, and day) of a resolved mention.

        For a range it is the end the text named last ("from 2003 to 2013" leaves 2013);
        for since/after the start; for anything else what both ends share ("early July
        2009" leaves 2009-07, "the 1980s" leaves nothing). A deadline ("until 2013", "by
        2011", "before 2003") and a year that names a thing ("the 2003 war", "a 2010
        report") say nothing about when the text is, and leave the context as it was.
        """
        if not mention.edtf or mention.rule in _NOT_OBSERVED:
            return
        low, high = _edtf_points(mention.edtf)
        if mention.rule in _ANCHOR_START:
            anchor = low
        elif mention.kind == "period" or mention.rule in _ANCHOR_END:
            anchor = high or low
        else:
            anchor = _common(low, high)
        if anchor is None:
            return
        self.year, self.month, self.day = anchor
        self._year_is_published = mention.year_from == "publication"
        if self.month is None:
            self._recent = []  # "In 2011, ..." moves the story past any month named before
        else:
            latest = (self.year, self.month, self._year_is_published)
            self._recent = [*self._recent[1 - _RECENT_MONTHS :], latest]

    def copy(self) -> DateContext:
        """An independent context in the same state."""
        twin = DateContext()
        twin.published, twin._pub = self.published, self._pub
        twin.year, twin.month, twin.day = self.year, self.month, self.day
        twin._year_is_published = self._year_is_published
        twin._recent = list(self._recent)
        return twin

    def _year_for(self, month: int | None) -> tuple[int | None, str | None]:
        """The year a date that names no year is in, and where it came from."""
        for year, recent_month, published in reversed(self._recent):
            if recent_month == month:
                return year, "publication" if published else "context"
        if self.year is not None:
            return self.year, "publication" if self._year_is_published else "context"
        pub = self._pub
        if pub is None or pub[1] is None or month is None:
            return None, None
        return (pub[0] if month <= pub[1] else pub[0] - 1), "publication"

    def _last_day(self) -> date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


# How many stated months `DateContext` looks back through for a month named again.
_RECENT_MONTHS = 4
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parse_published(value: str) -> _Point:
    match = _PUBLISHED.fullmatch(value.strip())
    if match is None:
        raise InvalidValue(
            f"{value!r} is not a publication date; write YYYY, YYYY-MM or YYYY-MM-DD"
        )
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        raise InvalidValue(f"{value!r} is not a real date") from None
    return year, month, day


# --- EDTF ------------------------------------------------------------------------------


def _last_of_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def _first_day(point: _Point) -> date:
    return date(point[0], point[1] or 1, point[2] or 1)


def _last_day(point: _Point) -> date:
    year, month, day = point
    if month is None:
        return date(year, 12, 31)
    return date(year, month, day or _last_of_month(year, month))


def _fmt(point: _Point) -> str:
    year, month, day = point
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _edtf(low: _Point | None, high: _Point | None, approximate: bool = False) -> str:
    """EDTF for a date (low == high) or an interval; None ends are open (EDTF level 1)."""
    if low is not None and low == high:
        return _fmt(low) + ("~" if approximate else "")
    return f"{_fmt(low) if low else '..'}/{_fmt(high) if high else '..'}"


_EDTF_POINT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?")
# EDTF level 1 season codes, read the way this module writes seasons.
_SEASON_CODES = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}


def _edtf_point(text: str) -> tuple[_Point, _Point] | None:
    """The first and last month-or-day of one EDTF date; None for an open end."""
    if text in ("", ".."):
        return None
    match = _EDTF_POINT.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not an EDTF date this module reads")
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    if month is not None and month in _SEASON_CODES:
        first, last = _SEASON_CODES[month]
        return (year, first, None), (year + (last - 1) // 12, (last - 1) % 12 + 1, None)
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {month}")
    point = (year, month, day)
    _first_day(point)  # raises ValueError for a day the month does not have
    return point, point


def _edtf_points(edtf: str) -> tuple[_Point | None, _Point | None]:
    """The stated start and end of an EDTF date or interval; None for an open end."""
    if "/" in edtf:
        left, right = edtf.split("/", 1)
        low, high = _edtf_point(left), _edtf_point(right)
        return (low[0] if low else None), (high[1] if high else None)
    both = _edtf_point(edtf)
    if both is None:
        return None, None
    return both


def _edtf_days(edtf: str) -> tuple[date | None, date | None]:
    low, high = _edtf_points(edtf)
    return (_first_day(low) if low else None), (_last_day(high) if high else None)


def edtf_bounds(edtf: str) -> tuple[date, date] | None:
    """The earliest and latest day an EDTF date or interval this module writes can mean.

    "2009-07" gives (2009-07-01, 2009-07-31), "2009-01/2009-04" gives (2009-01-01,
    2009-04-30). None for an open interval ("2009/..") and for an empty string; raises
    ValueError for text that is not such an EDTF date.
    """
    if not edtf:
        return None
    low, high = _edtf_days(edtf)
    if low is None or high is None:
        return None
    return low, high


def _days_edtf(low: date | None, high: date | None) -> str:
    """The shortest EDTF for the days low..high (None ends are open)."""
    if low is not None and high is not None:
        if low == high:
            return low.isoformat()
        whole_months = low.day == 1 and high.day == _last_of_month(high.year, high.month)
        if whole_months and low.month == 1 and high.month == 12:
            return _edtf((low.year, None, None), (high.year, None, None))
        if whole_months:
            return _edtf((low.year, low.month, None), (high.year, high.month, None))
        return f"{low.isoformat()}/{high.isoformat()}"
    start = ".."
    if low is not None:
        start = _fmt(
            (low.year, None, None)
            if (low.month, low.day) == (1, 1)
            else (low.year, low.month, None)
            if low.day == 1
            else (low.year, low.month, low.day)
        )
    end = ".."
    if high is not None:
        end = _fmt(
            (high.year, None, None)
            if (high.month, high.day) == (12, 31)
            else (high.year, high.month, None)
            if high.day == _last_of_month(high.year, high.month)
            else (high.year, high.month, high.day)
        )
    return f"{start}/{end}"


def narrowest(a: str, b: str) -> str | None:
    """The days two EDTF dates or intervals share, as the shortest EDTF; None if none.

    `narrowest("2009-07", "2009-07-28/2009-08-02")` is "2009-07-28/2009-07-31"; open ends
    stay open only where both are open (`narrowest("2009/..", "../2012")` is "2009/2012").
    """
    a_low, a_high = _edtf_days(a)
    b_low, b_high = _edtf_days(b)
    lows = [d for d in (a_low, b_low) if d is not None]
    highs = [d for d in (a_high, b_high) if d is not None]
    low = max(lows) if lows else None
    high = min(highs) if highs else None
    if low is not None and high is not None and low > high:
        return None
    return _days_edtf(low, high)


def _common(low: _Point | None, high: _Point | None) -> _Point | None:
    """The year, month and day two points share, from the year down."""
    if low is None or high is None or low[0] != high[0]:
        return None
    if low[1] != high[1]:
        return low[0], None, None
    if low[2] != high[2]:
        return low[0], low[1], None
    return low


# --- words -----------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


def _season_name(word: str) -> str:
    return "autumn" if word.lower() == "fall" else word.lower()


_MONTH_NAMES = _words(
    "January February March April May June July August September October November December"
)
_MONTHS = {name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_WEEKDAYS = {
    name[:3].lower(): number
    for number, name in enumerate(
        _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
    )
}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_QUALIFIERS = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "early part": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
    "close": "late",
    "latter part": "late",
    "later part": "late",
    "first half": "h1",
    "second half": "h2",
}
# Which twelfths of a year, tenths of a decade or thirds of a month each qualifier keeps.
_YEAR_PART = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "h1": (1, 6), "h2": (7, 12)}
_DECADE_PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "h1": (0, 4), "h2": (5, 9)}
_MONTH_PART = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "h1": (1, 15), "h2": (16, 31)}
_SEASON_PART = {"early": (0, 1), "mid": (1, 1), "late": (1, 2), "h1": (0, 1), "h2": (1, 2)}
_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        _words("one two three four five six seven eight nine ten eleven twelve"), start=1
    )
} | {"a": 1, "an": 1, "a couple of": 2, "fifteen": 15, "twenty": 20, "thirty": 30}

# A year followed by one of these is a count ("2009 residents"): people and the things
# reports count, units and currencies.
_COUNT_NOUNS = frozenset(
    _words(
        """people persons residents members civilians soldiers troops fighters militants
    refugees men women children kids boys girls families households victims casualties
    deaths dead wounded injured prisoners detainees hostages students workers employees
    officers police policemen guards staff voters votes supporters protesters
    demonstrators individuals inhabitants citizens migrants patients homes houses
    buildings tents trailers caravans vehicles cars trucks rockets missiles mortars shells
    bombs rounds bullets weapons guns signatures signatories letters pages cases incidents
    complaints dollars euros pounds tonnes tons kilograms kg kilometres kilometers km
    miles metres meters feet hectares acres square units items times words lines copies
    names hours minutes seconds days weeks months years more other others"""
    )
)
# Nouns that make "the 2003 ___" an event of that year.
_EVENT_NOUNS = _words(
    "war wars invasion attack attacks assault raid raids massacre massacres election "
    "elections uprising revolution coup crackdown offensive agreement accord deal ceasefire "
    "truce treaty report resolution census budget law constitution referendum protests "
    "earthquake floods bombing bombings siege conflict crisis campaign visit memorandum "
    "decision ruling verdict transfer relocation surge withdrawal occupation operation "
    "killings incident events convention conventions protocol charter summit conference "
    "talks negotiations declaration"
)


# --- pattern pieces --------------------------------------------------------------------


def _cap(phrase: str) -> str:
    """A lowercase phrase as a pattern that also takes a capital first letter."""
    first, rest = phrase[0], phrase[1:]
    head = f"[{first.upper()}{first}]" if first.isalpha() else re.escape(first)
    return head + re.escape(rest).replace(r"\ ", _S1)


def _any(*phrases: str) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(_cap(p) for p in ordered) + r")(?![A-Za-z])"


_H = r"[ \t\u00a0\u2009\u202f]"
_S1 = rf"(?>{_H}+\n?{_H}*|\n{_H}*)"  # one gap between words, never a blank line
_S0 = rf"(?>{_H}*\n?{_H}*)"
_DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"
_NOT_ON = r"(?![0-9A-Za-z]|[.,][0-9])"  # a number ends here


def _month_pattern(full_only: bool) -> str:
    names: list[str] = []
    for name in _MONTH_NAMES:
        names += [name, name.upper()]
        if not full_only and name != "May":
            stem = "Sept" if name == "September" else name[:3]
            names += [rf"{stem}\.", stem, rf"{stem.upper()}\.", stem.upper()]
            if stem == "Sept":
                names += [r"Sep\.", "Sep", r"SEP\.", "SEP"]
    return "(?:" + "|".join(names) + r")(?![A-Za-z])"


_MONTH = _month_pattern(full_only=False)
_MONTH_FULL = _month_pattern(full_only=True)
_WEEKDAY_NAMES = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_WEEKDAY_FULL = "(?:" + "|".join(f"{d}|{d.upper()}" for d in _WEEKDAY_NAMES) + ")"
_WEEKDAY = rf"(?:(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?|{_WEEKDAY_FULL})(?![A-Za-z])"
_WEEKDAY_FULL += r"(?![A-Za-z])"
_DAY = rf"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?{_NOT_ON}"
_YEAR = rf"(?:1[0-9]{{3}}|20[0-9]{{2}}){_NOT_ON}"  # with a month or a day: 1000-2099
# A bare year, 1900-2099; "1980s" and "1980's" are decades, "2013's" is possessive.
_BYEAR = rf"(?<![0-9$€£¥.,:+])(?:19|20)[0-9]{{2}}(?!(?<=0)'?s\b){_NOT_ON}"
_DECADE = r"(?:1[89]|20)[0-9]0(?:'|’)?s(?![A-Za-z0-9])"
_SEASON = "(?:" + "|".join(f"{_cap(s)}|{s.upper()}" for s in _SEASONS) + r")(?![A-Za-z])"
# "early", "mid-", "late" before what they qualify; "the end of", "the first half of".
_QUAL_PHRASES = sorted((q for q in _QUALIFIERS if q not in ("early", "mid", "late")), key=len)
_QUAL = (
    rf"(?:{_cap('the')}{_S1})?(?:(?P<qp>"
    + "|".join(q.replace(" ", _S1) for q in reversed(_QUAL_PHRASES))
    + rf"){_S1}of{_S1}(?:the{_S1})?|(?P<q>[Ee]arly|EARLY|[Mm]id|MID|[Ll]ate|LATE)"
    + rf"(?:{_S0}{_DASH}{_S0}|{_S1}))"
)


def _g(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


# One point in time, as each form writes it. Each is also a branch of the grammars below,
# where its group names are dropped.
_POINT_FORMS: tuple[tuple[str, str], ...] = (
    (
        "dmy",
        rf"(?:{_g('wd', _WEEKDAY)},?{_S1})?(?:[Tt]he{_S1})?{_g('day', _DAY)}(?:{_S1}of)?"
        rf"{_S1}{_g('mon', _MONTH)}(?:,?{_S1}{_g('year', _YEAR)})?",
    ),
    (
        "mdy",
        rf"(?:{_g('wd', _WEEKDAY)},?{_S1})?{_g('mon', _MONTH)}{_S1}(?:the{_S1})?"
        rf"{_g('day', _DAY)}(?:,?{_S1}{_g('year', _YEAR)})?",
    ),
    (
        "iso",
        rf"{_g('year', '[12][0-9]{3}')}[-/]{_g('mnum', '0[1-9]|1[0-2]')}[-/]"
        rf"{_g('day', '0[1-9]|[12][0-9]|3[01]')}(?![0-9])",
    ),
    (
        "numeric",
        rf"(?<![0-9.,/\-]){_g('n1', '[0-9]{1,2}')}[./\-]{_g('n2', '[0-9]{1,2}')}[./\-]"
        rf"{_g('year', '[12][0-9]{3}')}(?![0-9]|[./\-][0-9])",
    ),
    ("my", rf"{_g('mon', _MONTH)}(?:,?{_S1}|{_S1}of{_S1}){_g('year', _YEAR)}"),
    ("q_month", rf"{_QUAL}{_g('mon', _MONTH_FULL)}(?:,?{_S1}{_g('year', _YEAR)})?"),
    (
        "q_season",
        rf"{_QUAL}{_g('season', _SEASON)}(?:(?:{_S1}of)?{_S1}{_g('year', _YEAR)}"
        rf"(?:{_S0}[/\-\u2013]{_S0}{_g('year2', '[0-9]{4}|[0-9]{2}')}{_NOT_ON})?)?",
    ),
    ("q_decade", rf"{_QUAL}(?:the{_S1})?{_g('decade', _DECADE)}"),
    ("q_year", rf"{_QUAL}{_g('year', _BYEAR)}"),
    (
        "season",
        rf"(?:[Tt]he{_S1})?{_g('season', _SEASON)}(?:{_S1}of)?{_S1}{_g('year', _YEAR)}"
        rf"(?:{_S0}[/\-\u2013]{_S0}{_g('year2', '[0-9]{4}|[0-9]{2}')}{_NOT_ON})?",
    ),
    ("decade", rf"(?:[Tt]he{_S1})?{_g('decade', _DECADE)}"),
    ("year", _g("year", _BYEAR)),
    ("month", _g("mon", _MONTH_FULL)),
    ("day", rf"(?:the{_S1})?{_g('day', _DAY)}(?:,?{_S1}{_g('year', _YEAR)})?"),
    ("yy", _g("yy", "[0-9]{2}(?![0-9A-Za-z]|[./\\-][0-9])")),
)
_UNNAMED = re.compile(r"\(\?P<\w+>")


def _bare(pattern: str) -> str:
    """The pattern with its named groups made plain, to be a branch of a larger one."""
    return _UNNAMED.sub("(?:", pattern)


def _forms(*names: str) -> str:
    table = dict(_POINT_FORMS)
    return "(?:" + "|".join(_bare(table[name]) for name in names) + ")"


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_PARSERS = tuple((name, re.compile(pattern)) for name, pattern in _POINT_FORMS)

# Points that stand alone (they carry a month, a season, a decade or a qualifier).
_DATED = ("dmy", "mdy", "iso", "numeric", "my", "q_month", "q_season", "q_decade", "q_year",
          "season", "decade")  # fmt: skip
_PT_DATED = _forms(*_DATED)
_PT_OPEN = _forms(*_DATED, "year", "month")
_PT_ENDPOINT = _forms(*_DATED, "year", "month", "day")
_PT_LAST = _forms(*_DATED, "year", "month", "day", "yy")

_CONNECT = (
    rf"(?:{_S0}{_DASH}{_S0}|{_S1}(?:to|until|till|through|thru|and|up{_S1}to)(?:{_S1}the)?{_S1})"
)
_PREP = _any(
    "on", "in", "during", "at", "of", "from", "throughout", "over", "as of", "in the year",
    "around", "about", "approximately", "roughly", "circa", "c.", "ca.", "sometime in",
)  # fmt: skip
_PREP_YEAR = _any(
    "in", "during", "of", "from", "throughout", "as of", "in the year", "circa", "c.", "ca.",
    "sometime in", "for the year", "the year",
)  # fmt: skip
_PREP_MONTH = _any("in", "during", "of", "throughout", "sometime in", "for", "until", "till")
_CIRCA = frozenset({"circa", "c.", "ca.", "around", "about", "approximately", "roughly"})


# --- reading one point -----------------------------------------------------------------


@dataclass(slots=True)
class _Spec:
    """What one point expression states; the year may still be missing."""

    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None
    season: str | None = None
    decade: int | None = None
    yy: int | None = None

    @property
    def first_month(self) -> int | None:
        if self.season is not None:
            return _SEASONS[self.season]
        return self.month

    @property
    def has_year(self) -> bool:
        return self.year is not None or self.decade is not None

    def span(self) -> tuple[_Point, _Point] | None:
        """The first and last point it means at its own precision; None if impossible."""
        year = self.year
        if self.decade is not None:
            first, last = _DECADE_PART.get(self.qualifier or "", (0, 9))
            return (self.decade + first, None, None), (self.decade + last, None, None)
        if year is None:
            return None
        if self.season is not None:
            start = _SEASONS[self.season]
            first, last = _SEASON_PART.get(self.qualifier or "", (0, 2))
            low, high = start + first - 1, start + last - 1
            return (year + low // 12, low % 12 + 1, None), (year + high // 12, high % 12 + 1, None)
        if self.month is not None:
            month = self.month
            length = _last_of_month(year, month)
            if self.day is not None:
                if self.day > length:
                    return None
                return (year, month, self.day), (year, month, self.day)
            if self.qualifier is not None:
                first, last = _MONTH_PART[self.qualifier]
                return (year, month, first), (year, month, min(last, length))
            return (year, month, None), (year, month, None)
        if self.day is not None:
            return None  # a day needs a month
        if self.qualifier is not None:
            first, last = _YEAR_PART[self.qualifier]
            return (year, first, None), (year, last, None)
        return (year, None, None), (year, None, None)


def _qualifier(match: re.Match[str]) -> str | None:
    word = match.group("qp") or match.group("q")
    if word is None:
        return None
    return _QUALIFIERS[" ".join(word.lower().split())]


def _parse_point(text: str) -> _Spec | None:
    """Read one point expression (a branch of `_POINT_FORMS`) into what it states."""
    for form, parser in _PARSERS:
        match = parser.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        spec = _Spec(form)
        if groups.get("year"):
            spec.year = int(groups["year"])
        if groups.get("mon"):
            spec.month = _MONTHS[groups["mon"][:3].lower()]
        if groups.get("day"):
            spec.day = int(groups["day"].rstrip("stndrh"))
        if form == "iso":
            spec.month = int(groups["mnum"])
        elif form == "numeric":
            first, second = int(groups["n1"]), int(groups["n2"])
            day, month = (second, first) if first <= 12 < second else (first, second)
            if not (1 <= month <= 12 and 1 <= day <= 31):
                return None
            spec.day, spec.month = day, month
        if groups.get("season"):
            spec.season = _season_name(groups["season"])
        if groups.get("decade"):
            spec.decade = int(groups["decade"][:4])
        if "q" in groups:
            spec.qualifier = _qualifier(match)
        if groups.get("year2") and _second_year(spec.year, groups["year2"]) != (spec.year or 0) + 1:
            return None  # "winter 2012-13" names two years in a row, and no others
        if groups.get("yy"):
            spec.yy = int(groups["yy"])
        if form == "q_year" and _THE_BEFORE.search(text, 0, match.start("year")):
            return None  # "the early part of the 1991 war": the year names the war
        return spec
    return None


def _second_year(first: int | None, text: str) -> int | None:
    """The year "13" or "2013" names after a first year (2012-13)."""
    if first is None:
        return None
    if len(text) == 4:
        return int(text)
    second = first // 100 * 100 + int(text)
    return second if second > first else None


# --- constructions ---------------------------------------------------------------------


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


def _shift(point: _Point, step: int) -> _Point:
    """The point one unit of its own precision later (step 1) or earlier (step -1)."""
    year, month, day = point
    if month is None:
        return year + step, None, None
    if day is None:
        index = year * 12 + month - 1 + step
        return index // 12, index % 12 + 1, None
    moved = date(year, month, day) + timedelta(days=step)
    return moved.year, moved.month, moved.day


_RANGE_RULES = {
    "day": "date.day_range.v1",
    "month_day": "date.month_day_range.v1",
    "month": "date.month_range.v1",
    "year": "date.year_range.v1",
    "date": "date.date_range.v1",
}


# Which end of an interval `DateContext.observe` keeps: the start of a span the
# publication date closed, the end of a range the text wrote out.
_ANCHOR_START = frozenset({"date.since.v1", "date.onwards.v1", "date.after.v1"})
_ANCHOR_END = frozenset({"date.range.v1", *_RANGE_RULES.values()})
_NOT_OBSERVED = frozenset(
    {"date.until.v1", "date.by.v1", "date.before.v1", "date.year_attributive.v1"}
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


# --- relative dates --------------------------------------------------------------------

_DAY_OFFSETS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}


def _relative(
    match: re.Match[str],
    low: _Point | None,
    high: _Point | None,
    precision: str,
    rule: str,
    source: str = "publication",
) -> DateMention:
    edtf = _edtf(low, high) if low is not None else None
    return DateMention(
        match.start(), match.end(), edtf, precision, "relative", source if edtf else None, rule
    )


def _day_point(day: date) -> _Point:
    return day.year, day.month, day.day


def _pub_day(scan: _Scan) -> date | None:
    pub = scan.context._pub
    if pub is None or pub[1] is None or pub[2] is None:
        return None
    return date(pub[0], pub[1], pub[2])


def _relative_day(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """ "yesterday", "today", "last night": a day counted from the publication date."""
    pub = _pub_day(scan)
    day = pub + timedelta(days=_DAY_OFFSETS[_word(match, "a")]) if pub else None
    point = _day_point(day) if day else None
    return _relative(match, point, point, "day", "date.relative_day.v1")


def _weekday(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """ "on Sunday", "last Saturday", "Friday night": a weekday near the publication date."""
    op = _word(match, "op")
    if not op and match.groupdict().get("part") is None:
        return None
    target = _WEEKDAYS[match["a"][:3].lower()]
    pub = _pub_day(scan)
    point = None
    if pub is not None:
        if op in ("last", "this past", "past"):
            back = (pub.weekday() - target - 1) % 7 + 1
        elif op == "next":
            back = -((target - pub.weekday() - 1) % 7 + 1)
        else:
            back = (pub.weekday() - target) % 7
        point = _day_point(pub - timedelta(days=back))
    return _relative(match, point, point, "day", "date.relative_weekday.v1")


def _week(day: date, weeks: int) -> tuple[_Point, _Point]:
    """Monday to Sunday of the week `weeks` away from the one holding `day`."""
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=weeks)
    return _day_point(monday), _day_point(monday + timedelta(days=6))


def _relative_period(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """ "last week", "this year", "earlier this month", "last July", "last summer"."""
    text = scan.text
    if _THE_BEFORE.search(text, max(0, match.start() - 5), match.start()):
        return None  # "the last week of July", "the last year of the war"
    op, unit, adv = _word(match, "op"), _word(match, "unit"), _word(match, "adv")
    step = {"last": -1, "this": 0, "next": 1}[op]
    pub = scan.context._pub
    rule = "date.relative_period.v1"
    if adv or unit in ("week", "weekend"):
        unresolved = "interval"
    elif unit in ("year", "month"):
        unresolved = unit
    else:
        unresolved = "month" if unit[:3] in _MONTHS else "season"
    if pub is None:
        return _relative(match, None, None, unresolved, rule)
    year, month, day = pub
    if unit == "year":
        if step == 0 and adv and month:
            start: _Point = (year, 1, 1 if day else None)
            finish: _Point = (year, 12, 31 if day else None)
            low, high = (start, pub) if adv == "earlier" else (pub, finish)
            return _relative(match, low, high, "interval", rule)
        return _relative(match, (year + step, None, None), (year + step, None, None), "year", rule)
    if month is None:
        return _relative(match, None, None, unresolved, rule)
    if unit == "month":
        if step == 0 and adv and day:
            last = _last_of_month(year, month)
            low, high = ((year, month, 1), pub) if adv == "earlier" else (pub, (year, month, last))
            return _relative(match, low, high, "interval", rule)
        point = _shift((year, month, None), step)
        return _relative(match, point, point, "month", rule)
    if unit in _SEASONS or unit == "fall":
        return _relative(match, *_season_near(unit, year, month, step), "season", rule)
    if unit[:3] in _MONTHS:
        named = _MONTHS[unit[:3]]
        if step < 0:
            named_year = year if named < month else year - 1
        elif step > 0:
            named_year = year if named > month else year + 1
        else:
            named_year = year
        return _relative(match, (named_year, named, None), (named_year, named, None), "month", rule)
    today = _pub_day(scan)
    if today is None:
        return _relative(match, None, None, unresolved, rule)
    if unit == "weekend":
        saturday = today - timedelta(days=today.weekday()) + timedelta(days=5)
        if step < 0:
            saturday -= timedelta(weeks=1)
        elif step > 0:
            saturday += timedelta(weeks=1)
        return _relative(
            match, _day_point(saturday), _day_point(saturday + timedelta(days=1)), "interval",
            rule,
        )  # fmt: skip
    low, high = _week(today, step)
    if step == 0 and adv == "earlier":
        high = _day_point(today)
    elif step == 0 and adv == "later":
        low = _day_point(today)
    return _relative(match, low, high, "interval", rule)


def _season_near(unit: str, year: int, month: int, step: int) -> tuple[_Point, _Point]:
    """The season named that ended before (step -1), holds or comes after the month."""
    start = _SEASONS["autumn" if unit == "fall" else unit]

    def bounds(season_year: int) -> tuple[_Point, _Point]:
        spec = _Spec("season", year=season_year, season="autumn" if unit == "fall" else unit)
        span = spec.span()
        assert span is not None
        return span

    now = year * 12 + month
    if step < 0:
        candidate = year
        while True:
            first, last = bounds(candidate)
            if last[0] * 12 + (last[1] or 0) < now:
                return first, last
            candidate -= 1
    if step > 0:
        candidate = year - 1
        while True:
            first, last = bounds(candidate)
            if first[0] * 12 + (first[1] or 0) > now:
                return first, last
            candidate += 1
    return bounds(year - 1 if start == 12 and month <= 2 else year)


def _number(match: re.Match[str]) -> int:
    words = _word(match, "n")
    return int(words) if words.isdigit() else _NUMBER_WORDS[words]


def _ago(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """ "two days ago", "a year ago": counted back from the publication date."""
    count, unit = _number(match), _word(match, "unit")
    pub = scan.context._pub
    rule = "date.relative_ago.v1"
    if pub is not None and unit == "year":
        point: _Point = (pub[0] - count, None, None)
        return _relative(match, point, point, "year", rule)
    if pub is not None and unit == "month" and pub[1] is not None:
        point = _shift((pub[0], pub[1], None), -count)
        return _relative(match, point, point, "month", rule)
    today = _pub_day(scan)
    if today is None:
        return _relative(match, None, None, "interval" if unit == "week" else unit, rule)
    if unit == "day":
        point = _day_point(today - timedelta(days=count))
        return _relative(match, point, point, "day", rule)
    return _relative(match, *_week(today, -count), "interval", rule)


_FORWARD = frozenset({"following", "next", "after", "later", "afterward", "afterwards"})
_BACKWARD = frozenset({"previous", "preceding", "before", "earlier"})


def _anaphoric(match: re.Match[str], scan: _Scan) -> DateMention | None:
    """ "the following day", "two days later", "that year": counted from the last date."""
    context = scan.context
    direction = _word(match, "dir")
    count = _number(match) if match.groupdict().get("n") else 1
    step = count if direction in _FORWARD else -count if direction in _BACKWARD else 0
    unit = _word(match, "unit")
    source = "publication" if context._year_is_published else "context"
    rule = "date.anaphoric.v1"
    point: _Point | None = None
    if unit == "year":
        if context.year is not None:
            point = (context.year + step, None, None)
        return _relative(match, point, point, "year", rule, source)
    if unit == "month":
        if context.year is not None and context.month is not None:
            point = _shift((context.year, context.month, None), step)
        return _relative(match, point, point, "month", rule, source)
    last = context._last_day()
    if last is None:
        return _relative(match, None, None, "interval" if unit == "week" else "day", rule, source)
    if unit == "week":
        return _relative(match, *_week(last, step), "interval", rule, source)
    point = _day_point(last + timedelta(days=step))
    return _relative(match, point, point, "day", rule, source)


# --- the grammar -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Construction:
    pattern: re.Pattern[str]
    handle: _Handler


def _op(*phrases: str) -> str:
    return rf"(?P<op>{_any(*phrases)}){_S1}"


_EVENT_AFTER = (
    rf"(?={_S1}(?:(?:[a-z]+(?:-[a-z]+)?{_S1})?(?:{'|'.join(_EVENT_NOUNS)})(?![A-Za-z])"
    r"|U\.?S\.?|[A-Z][A-Za-z]))"
)
_NUMBER = "(?:[0-9]{1,3}|" + "|".join(_cap(w) for w in sorted(_NUMBER_WORDS, key=len)[::-1]) + ")"
_RANGE_BODY = rf"(?:the{_S1})?(?P<a>{_PT_ENDPOINT}){_CONNECT}(?P<b>{_PT_LAST})"

# In the order they are tried at one position; a construction whose handler turns the
# match down hands the position to the next one.
_GRAMMAR: tuple[tuple[str, _Handler], ...] = (
    (_op("from", "between") + _RANGE_BODY, _range),
    (
        rf"(?:{_op('from', 'starting in', 'starting from', 'beginning in')})?(?:the{_S1})?"
        rf"(?P<a>{_PT_OPEN}){_S1}(?:onwards?(?![A-Za-z])|on(?={_S0}(?:[,.;:)]|$)))",
        _onwards,
    ),
    (rf"{_op(*_OPEN_OPS)}(?:the{_S1})?(?P<a>{_PT_OPEN})", _open),
    (rf"(?:(?P<op>{_PREP}){_S1})?{_RANGE_BODY}", _range),
    (rf"(?:(?P<op>{_PREP}){_S1})?(?P<a>{_PT_DATED})", _point),
    (rf"(?P<op>{_PREP_YEAR}){_S1}(?P<a>{_BYEAR})", _bare_year),
    (
        r"(?:(?<=[0-9], )|(?<=[0-9],\u00a0)|(?<=[0-9] and )|(?<=[0-9], and )|(?<=[0-9] or )"
        r"|(?<=[0-9] & )|(?<=s, )|(?<=s and )|(?<=s, and ))"
        rf"(?P<a>{_BYEAR}|(?:the{_S1})?{_DECADE})",
        _year_list,
    ),
    (
        rf"{_op('the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that')}"
        rf"(?P<a>{_BYEAR}){_EVENT_AFTER}",
        _attributive,
    ),
    (rf"(?P<a>{_BYEAR})(?=['’]s(?![A-Za-z]))", _attributive),
    (rf"(?P<op>{_PREP_MONTH}){_S1}(?P<a>{_MONTH_FULL})", _point),
    (
        rf"{_op('in', 'during', 'over', 'throughout', 'through')}(?:the{_S1})?"
        rf"(?:(?P<q>early|mid|late)(?:{_S0}{_DASH}{_S0}|{_S1}))?(?P<a>{_SEASON})"
        rf"(?!{_S1}of(?![A-Za-z]))",
        _yearless_season,
    ),
    (
        rf"(?P<op>[Oo]n){_S1}the{_S1}(?P<a>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))"
        rf"(?={_S0}(?:[,.;:)]|$)|{_S1}and(?![A-Za-z]))",
        _ordinal_day,
    ),
    (rf"(?P<a>{_any(*_DAY_OFFSETS)})", _relative_day),
    (
        rf"(?:{_op('on', 'last', 'this past', 'past', 'next', 'early on', 'late on')})?"
        rf"(?P<a>{_WEEKDAY_FULL})(?P<part>{_S1}(?:morning|afternoon|evening|night)"
        r"(?![A-Za-z])|(?=['’]s(?![A-Za-z])))?",
        _weekday,
    ),
    (
        rf"(?:(?P<adv>[Ee]arlier|[Ll]ater){_S1})?{_op('last', 'this', 'next')}"
        rf"(?P<unit>{_any('week', 'weekend', 'month', 'year')}|{_MONTH_FULL}|{_SEASON})",
        _relative_period,
    ),
    (rf"(?P<n>{_NUMBER}){_S1}(?P<unit>day|week|month|year)s?{_S1}ago(?![A-Za-z])", _ago),
    (
        rf"{_cap('the')}{_S1}(?P<dir>following|next|previous|preceding|same){_S1}"
        r"(?P<unit>day|morning|evening|night|week|month|year)(?![A-Za-z])",
        _anaphoric,
    ),
    (rf"{_cap('the')}{_S1}(?P<unit>day){_S1}(?P<dir>before|after)(?![A-Za-z])", _anaphoric),
    (
        rf"(?P<n>{_NUMBER}){_S1}(?P<unit>day|week|month|year)s?{_S1}"
        r"(?P<dir>later|earlier|afterwards?)(?![A-Za-z])",
        _anaphoric,
    ),
    (
        rf"(?:(?:[Ll]ater|[Ee]arlier){_S1})?{_cap('that')}{_S1}(?:(?P<dir>same){_S1})?"
        r"(?P<unit>day|morning|afternoon|evening|night|month|year)(?![A-Za-z])",
        _anaphoric,
    ),
)
_CONSTRUCTIONS = tuple(_Construction(re.compile(p), handle) for p, handle in _GRAMMAR)
# Which construction matches first at a position; the empty named group ending each
# branch says which one.
_SCANNER = re.compile(
    "(?:" + "|".join(f"{_bare(p)}(?P<c{i}>)" for i, (p, _) in enumerate(_GRAMMAR)) + ")"
)


def _core_words() -> list[str]:
    words = ["Sept", "SEPT", "Tues", "Thur", "Thurs"]
    for name in _MONTH_NAMES + _WEEKDAY_NAMES:
        words += [name, name.upper(), name[:3], name[:3].upper()]
    units = _words("day days week weeks weekend month months year years morning afternoon")
    for word in (*_SEASONS, *_DAY_OFFSETS, *units, "evening", "night"):
        if " " not in word:
            words += [word, word.capitalize(), word.upper()]
    return words


def _core_pattern() -> str:
    """Every word a date expression must contain, or a number, as one alternation.

    Each branch starts with a literal character, so the regex engine skips every
    position whose character starts none of them before trying anything else.
    """
    rests: dict[str, set[str]] = {}
    for word in _core_words():
        rests.setdefault(word[0], set()).add(word[1:])
    branches = [
        re.escape(first)
        + r"(?<![0-9A-Za-z][\s\S])(?:"
        + "|".join(re.escape(rest) for rest in sorted(tails, key=len, reverse=True))
        + r")(?![A-Za-z])"
        for first, tails in sorted(rests.items())
    ]
    branches += [
        rf"{digit}(?<![0-9A-Za-z][\s\S])(?<=(?={_DATE_NUMBER}).)[0-9]*" for digit in "0123456789"
    ]
    return "|".join(branches)


# A number that can be part of a date: a year, an ordinal, a day before a month or in a
# range, a count of days. Other numbers ("3,400", "17 recommendations") are passed over
# without a look at the grammar.
_DATE_NUMBER = (
    r"(?:[0-9]{4}(?![0-9])|[0-9]{1,2}(?:st|nd|rd|th)(?![A-Za-z])|[0-9]{1,2}[./\-][0-9]"
    r"|[0-9]{1,2}\s*[-\u2010-\u2015\u2212]\s*[0-9]"
    r"|[0-9]{1,2}\s+(?:(?:of|and|to|through|thru|until|till)\s+)?(?:the\s+)?[A-Z0-9]"
    r"|[0-9]{1,3}\s+(?:days?|weeks?|months?|years?)(?![A-Za-z]))"
)


# Words that can stand before the core of a date expression ("from", "the", "early",
# "two" ...), spelled backwards to be read backwards from the core.
_LEAD_WORDS = _words(
    "from between since ever until till up to through by before prior after starting "
    "beginning in on during at of throughout over as the year around about approximately "
    "roughly circa c. ca. sometime for a an its their his her our this that early mid late "
    "middle start end close part latter later first second half earlier last next past "
    "same following previous preceding couple"
) + [w for w in _NUMBER_WORDS if " " not in w]
_CORE = re.compile(_core_pattern())
_LEAD_CHAIN = re.compile(
    r"(?:(?:[ \t\u00a0\u2009\u202f]+\n?[ \t\u00a0\u2009\u202f]*|\n[ \t\u00a0\u2009\u202f]*"
    r"|[ \t]*[-\u2013\u2014][ \t]*)(?:"
    + "|".join(
        re.escape(w[:0:-1]) + (f"[{w[0]}{w[0].upper()}]" if w[0].isalpha() else re.escape(w[0]))
        for w in sorted(_LEAD_WORDS, key=len, reverse=True)
    )
    + r")(?![0-9A-Za-z]))+"
)
_LEAD_WORD = re.compile(r"[^\s\-\u2013\u2014]+")


def _starts(text: str, core: int, floor: int) -> list[int]:
    """Where a date expression holding the core at `core` may start, leftmost first."""
    window = text[max(floor, core - 60) : core][::-1]
    chain = _LEAD_CHAIN.match(window)
    if chain is None:
        return [core]
    first = core - chain.end()
    return [word.start() for word in _LEAD_WORD.finditer(text, first, core)] + [core]


def find_dates(
    text: str, context: DateContext | None = None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Every date expression in text[start:end], in order, with offsets into `text`.

    Year-less and relative dates are resolved with `context`, which is updated with each
    resolved date as the scan goes; call it paragraph by paragraph in document order so
    that a year stated earlier carries forward. Mentions never overlap.
    """
    context = context if context is not None else DateContext()
    stop = len(text) if end is None else min(end, len(text))
    scan = _Scan(text, context, -1)
    found: list[DateMention] = []
    position = start
    cores = _CORE.search
    while (core := cores(text, position, stop)) is not None:
        position = core.end()
        for at in _starts(text, core.start(), max(start, scan.previous_end)):
            matched = _match_at(text, at, stop, scan)
            if matched is not None:
                mention, position = matched
                found.append(mention)
                context.observe(mention)
                scan.previous_end = mention.end
                break
    return found


def _match_at(text: str, at: int, stop: int, scan: _Scan) -> tuple[DateMention, int] | None:
    """The first construction that matches at `at` and whose handler accepts it."""
    hit = _SCANNER.match(text, at, stop)
    if hit is None:
        return None
    first = int((hit.lastgroup or "c0")[1:])
    for construction in _CONSTRUCTIONS[first:]:
        match = construction.pattern.match(text, at, stop)
        if match is not None:
            mention = construction.handle(match, scan)
            if mention is not None:
                return mention, match.end()
    return None


_BULLET = re.compile(
    r"\s*(?:(?:[•·▪◦‣●○■□►▶✓*+>#]|[-\u2013\u2014](?=[ \t]))[ \t\u00a0]*"
    r"|\(?[0-9]{1,2}[.)][ \t\u00a0]+)*"
)
_HEADING_END = re.compile(r"[ \t\u00a0]*(?:[:|\u2013\u2014\-.)]|,?[ \t\u00a0]*(?:\r?\n|$))")
_HEADING_YEAR = re.compile(
    rf"(?P<a>{_BYEAR})(?:{_S0}{_DASH}{_S0}(?P<b>{_BYEAR}|[0-9]{{2}}{_NOT_ON}))?"
)


def leading_date(line: str, context: DateContext | None = None) -> DateMention | None:
    """The date that opens a heading or a bullet and so dates the text under it.

    "July 28-29, 2009 - troops ...", "• 8 April 2011: ...", "2013" and "September 1,
    2013" each open with one; the date must be followed by a separator (colon, dash, bar,
    full stop) or end the line. A found date is observed into `context`; nothing else is.
    """
    context = context if context is not None else DateContext()
    bullet = _BULLET.match(line)
    at = bullet.end() if bullet else 0
    mentions = find_dates(line, context.copy(), at)
    mention = mentions[0] if mentions and mentions[0].start == at else None
    if mention is None:
        year = _HEADING_YEAR.match(line, at)
        if year is not None:
            first = int(year["a"])
            last = _second_year(first, year["b"]) if year["b"] else first
            if last is None:
                return None
            edtf = _edtf((first, None, None), (last, None, None))
            mention = DateMention(
                at, year.end(), edtf, "year" if first == last else "interval",
                "absolute" if first == last else "period", None, "date.heading_year.v1",
            )  # fmt: skip
    if mention is None or _HEADING_END.match(line, mention.end) is None:
        return None
    context.observe(mention)
    return mention
