"""Calendar points and the EDTF (ISO 8601-2, level 1) this package writes and reads.

A point is a date at the precision the text gives it; `_edtf` writes one point or an
interval of two, `edtf_bounds` reads such EDTF back into the days it can mean, and
`narrowest` intersects two of them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# A calendar date at the precision the text gives it: (year, month or None, day or None).
_Point = tuple[int, int | None, int | None]


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
