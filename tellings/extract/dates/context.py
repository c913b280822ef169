"""What the finder returns (`DateMention`) and what it remembers (`DateContext`).

A `DateContext` supplies the year a date leaves out (that of the last date the document
stated) and the publication date that relative dates count from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tellings.errors import InvalidValue

from .edtf import _common, _edtf_points, _Point, edtf_bounds


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

    def assume_year(self, year: int) -> tuple[int | None, int | None, int | None, bool]:
        """Take `year` as the text's year for a while ("the 2013 attacks, in February"
        is February 2013); returns the state to give back to `restore`."""
        saved = (self.year, self.month, self.day, self._year_is_published)
        self.year, self.month, self.day = year, None, None
        self._year_is_published = False
        return saved

    def restore(self, saved: tuple[int | None, int | None, int | None, bool]) -> None:
        self.year, self.month, self.day, self._year_is_published = saved

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


# The rule each shape of range reports (`_range`); read here to know which end to keep.
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
