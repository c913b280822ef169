"""Relative dates, counted from the publication date ("yesterday", "last Friday", "two
weeks ago", "last summer"), and anaphoric ones, counted from the last date the text
stated ("the following day", "two days later", "that year").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .constructions import _Scan, _word
from .context import DateMention
from .edtf import _edtf, _last_of_month, _Point, _shift
from .grammar import _MONTHS, _NUMBER_WORDS, _SEASONS, _THE_BEFORE, _WEEKDAYS, _Spec

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
