"""Publication dates as people write them in manifests and options, read to EDTF.

Every accepted form is a calendar date of year, month or day precision, so the result is
also plain ISO 8601 (EDTF level 0: `2026`, `2026-11`, `2026-11-23`). Fuzzy dates ("early
2003", ranges) belong to the extraction stage, not to a document's metadata.
"""

from __future__ import annotations

import calendar
import re

from tellings.errors import InvalidValue

__all__ = ["ACCEPTED_FORMS", "parse_published"]

ACCEPTED_FORMS = (
    "YYYY",
    "YYYY-MM",
    "YYYY-MM-DD",
    "23 November 2026",
    "November 23, 2026",
    "November 2026",
    "2026/11/23",
    "23.11.2026",
)

# Spelled out rather than taken from `calendar.month_name`, which follows the locale.
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS = {name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)})
_MONTHS["sept"] = 9

_MONTH = r"(?P<month_name>[A-Za-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_PATTERNS = (
    re.compile(rf"{_YEAR}"),
    re.compile(rf"{_YEAR}-(?P<month>\d{{2}})"),
    re.compile(rf"{_YEAR}-(?P<month>\d{{2}})-(?P<day>\d{{2}})"),
    re.compile(rf"{_YEAR}/(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})"),
    re.compile(rf"(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.{_YEAR}"),
    re.compile(rf"{_DAY}\s+{_MONTH}\s+{_YEAR}"),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"),
    re.compile(rf"{_MONTH}\s+{_YEAR}"),
)


def parse_published(value: str) -> str:
    """Return `value` as an ISO/EDTF date string of the precision it states.

    "2026" stays a year, "November 2026" becomes `2026-11` and "23.11.2026" becomes
    `2026-11-23`; nothing is filled in from today. Raises InvalidValue, quoting the
    value and the accepted forms, for anything else, including dates that do not exist
    on the calendar such as 2009-02-30.
    """
    text = " ".join(value.split())
    for pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is not None:
            return _checked(value, match)
    raise InvalidValue(
        f"{value!r} is not a date tellings can read; write it as one of: "
        + ", ".join(ACCEPTED_FORMS)
    )


def _checked(value: str, match: re.Match[str]) -> str:
    parts = match.groupdict()
    year = int(parts["year"])
    if year == 0:
        raise InvalidValue(f"{value!r} is not a real date: there is no year 0000")
    if parts.get("month_name") is not None:
        month = _MONTHS.get(parts["month_name"].lower(), 0)
        if month == 0:
            raise InvalidValue(
                f"{value!r} is not a date tellings can read: "
                f"{parts['month_name']!r} is not an English month name"
            )
    elif parts.get("month") is not None:
        month = int(parts["month"])
    else:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise InvalidValue(f"{value!r} is not a real date: there is no month {month}")
    if parts.get("day") is None:
        return f"{year:04d}-{month:02d}"
    day = int(parts["day"])
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise InvalidValue(
            f"{value!r} is not a real date: {_MONTH_NAMES[month - 1]} {year} "
            f"has {days_in_month} days"
        )
    return f"{year:04d}-{month:02d}-{day:02d}"
