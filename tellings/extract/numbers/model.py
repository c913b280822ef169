"""What the number finder returns: `CountMention`, and the names its fields take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

Number = int | float

QUALIFIERS: Final = ("exact", "at_least", "more_than", "at_most", "approx", "range", "vague")
KINDS: Final = ("count", "fraction", "percent", "money", "area", "distance", "duration")
RULES: Final = (
    "number.digits.v1",
    "number.words.v1",
    "number.fraction.v1",
    "number.range.v1",
    "number.vague.v1",
    "number.zero.v1",
)


@dataclass(frozen=True, slots=True)
class CountMention:
    """One figure stated in a text, as the interval SCHEMA.md gives it.

    `start`/`end` hold the whole expression, qualifier and unit included;
    `number_start`/`number_end` hold the number words or digits alone. `low`/`high` are
    in the stated unit (`high` is None when unbounded); `normalised` repeats them in km2,
    km or USD for areas, distances and dollar amounts. `value` is the number as stated
    (500 for "nearly 500"), None for vague words and ranges.
    """

    start: int
    end: int
    low: float | int
    high: float | int | None
    qualifier: str
    value: float | int | None
    unit: str | None
    normalised: tuple[float, float | None, str] | None
    kind: str
    number_start: int
    number_end: int
    rule: str
