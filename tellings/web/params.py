"""Query parameters of the pages and the API, read and checked in one place.

A bad parameter raises `BadParameter` naming it and saying what is allowed; the app
turns it into a 400 response (JSON for the API, a page for people).
"""

from __future__ import annotations

import datetime as dt
import re

from starlette.requests import Request

from ..errors import TellingsError
from ..extract.dates import edtf_bounds
from .snapshot import EventFilter

MAX_LIMIT = 500
# ASCII digits only: str.isdigit() also takes "¹" and other digits int() refuses.
_DIGITS = re.compile("[0-9]+")


class BadParameter(TellingsError):
    """A query parameter that cannot be used as given."""

    code = "bad_parameter"


def text(request: Request, name: str, *, max_length: int = 200) -> str | None:
    value = request.query_params.get(name)
    if value is None or not value.strip():
        return None
    if len(value) > max_length or "\x00" in value:
        raise BadParameter(f"{name} must be at most {max_length} characters of text")
    return value.strip()


def position(request: Request, name: str = "after") -> int:
    """A page position (`after` in a `next` link): a whole number, 0 for the start."""
    value = request.query_params.get(name)
    if value is None or value == "":
        return 0
    if not _DIGITS.fullmatch(value) or len(value) > 12:
        raise BadParameter(f"{name} must be a whole number from a `next` link, not {value!r}")
    return int(value)


def limit(request: Request, default: int = 50) -> int:
    value = request.query_params.get("limit")
    if value is None or value == "":
        return default
    if not _DIGITS.fullmatch(value) or not 1 <= int(value) <= MAX_LIMIT:
        raise BadParameter(f"limit must be a whole number from 1 to {MAX_LIMIT}, not {value!r}")
    return int(value)


def date(request: Request, name: str, *, end: bool = False) -> dt.date | None:
    """A date or EDTF date ("2011", "2011-04", "2011-04-08"): its first day, or with
    `end` its last."""
    value = text(request, name, max_length=40)
    if value is None:
        return None
    try:
        bounds = edtf_bounds(value) if ".." not in value else None
    except (ValueError, OverflowError):
        bounds = None
    if bounds is None:
        raise BadParameter(f"{name} must be a date such as 2011, 2011-04 or 2011-04-08")
    return bounds[1] if end else bounds[0]


def event_filter(request: Request) -> EventFilter:
    return EventFilter(
        place=text(request, "place"),
        event_type=text(request, "type"),
        source_type=text(request, "source_type"),
        measure=text(request, "measure"),
        start=date(request, "from"),
        end=date(request, "to", end=True),
    )
