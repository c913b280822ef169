"""Reading a numeral, in digits or words, into its value, and a qualifier and a value
into the interval the package docstring gives them.
"""

from __future__ import annotations

import re
from typing import Final

from .grammar import _AND_A_HALF, _HY, _SP
from .model import Number
from .tables import _BY_ARTICLE, _DENOMINATORS, _SCALES, _SHORT_SCALES, _TEENS, _TENS, _UNITS

_DIGIT_NUMERAL = re.compile(
    rf"(?P<int>[0-9][0-9,\u00a0\u202f\u2009]*)(?:\.(?P<frac>[0-9]+))?(?P<half>{_AND_A_HALF})?"
    rf"(?:(?:{_SP}|{_HY})?(?P<scale>[A-Za-z]+))?"
)
_GROUPING: Final = str.maketrans("", "", ",\u00a0\u202f\u2009")  # thousands separators
_WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")
_UNIT_NOISE = re.compile(r"[\s\-\u2010\u2011.]+")


def parse_number_words(s: str) -> int | float | None:
    """The value of a number written in words, or None when `s` is not one.

    Reads what `find_counts` reads: "Thirty-six" -> 36, "two hundred and five" -> 205,
    "a thousand" -> 1000, "four-and-a-half" -> 4.5, "a dozen" -> 12, "half a" -> 0.5,
    "half a million" -> 500000, "one-fourth" / "a quarter" -> 0.25, and a digit numeral
    with a scale word ("20 thousand" -> 20000, "3 million" -> 3000000). Whole values are
    ints. Vague plurals ("hundreds") and sequences that are no number ("five six") give
    None.
    """
    tokens = [t for t in _WORD_SPLIT.split(s.strip().lower()) if t]
    if not tokens:
        return None
    half = False
    for i in range(len(tokens) - 2):
        if tokens[i] == "and" and tokens[i + 1] in ("a", "an") and tokens[i + 2] == "half":
            if half or i == 0:
                return None
            half = True
            del tokens[i : i + 3]
            break
    if tokens[0] == "half":
        return _half_of(tokens[1:])
    if len(tokens) >= 2 and tokens[1] in _DENOMINATORS and not half:
        return _fraction_of(tokens)
    if tokens[0][0].isdigit():
        numeral = _digits_value(tokens[0])
        if numeral is None:
            return None
        head: Number = numeral[0]
        rest = tokens[1:]
    else:
        if tokens[0] in ("a", "an"):
            if len(tokens) == 1 or (tokens[1] not in _SCALES and tokens[1] not in _BY_ARTICLE):
                return None
            tokens[0] = "one"
        split = next((i for i, t in enumerate(tokens) if t in _SCALES or t == "dozen"), None)
        if split is None:
            split = len(tokens)
        hundreds = _hundreds_value(tokens[:split]) if split else 1
        if hundreds is None or (split == 0 and len(tokens) > 1):
            return None  # no number, or a bare scale with more after it
        head, rest = hundreds, tokens[split:]
    if half:
        head = head + 0.5
    return _scaled(head, rest)


def _half_of(rest: list[str]) -> Number | None:
    """ "half", "half a", "half a dozen", "half a million"."""
    if not rest:
        return 0.5
    if rest[0] not in ("a", "an"):
        return None
    if len(rest) == 1:
        return 0.5
    return _scaled(0.5, rest[1:])


def _fraction_of(tokens: list[str]) -> Number | None:
    """ "one-fourth" -> 0.25, "a quarter" -> 0.25, "two-thirds" -> 2/3."""
    numerator = 1 if tokens[0] in ("a", "an") else _UNITS.get(tokens[0])
    if numerator is None:
        return None
    value = numerator / _DENOMINATORS[tokens[1]]
    rest = tokens[2:]
    if rest[:2] in (["of", "a"], ["of", "an"]):
        rest = rest[2:]
    return _scaled(value, rest)


def _hundreds_value(tokens: list[str]) -> int | None:
    """1..999 from words: "five", "thirty six", "two hundred and five", "a hundred"."""
    value = 0
    state = "start"  # then unit, teen, tens, hundred or and: the last word read
    for token in tokens:
        if token == "hundred":
            if state not in ("start", "unit", "teen", "tens") or value >= 100:
                return None
            value, state = max(value, 1) * 100, "hundred"
        elif token == "and":
            if state != "hundred":
                return None
            state = "and"
        elif token in _UNITS:
            if state not in ("start", "tens", "hundred", "and"):
                return None
            if state == "tens" and value % 10:
                return None
            value, state = value + _UNITS[token], "unit"
        elif token in _TEENS:
            if state not in ("start", "hundred", "and"):
                return None
            value, state = value + _TEENS[token], "teen"
        elif token in _TENS:
            if state not in ("start", "hundred", "and"):
                return None
            value, state = value + _TENS[token], "tens"
        else:
            return None
    if state == "and" or value == 0:
        return None
    return value


def _scaled(head: Number, rest: list[str]) -> Number | None:
    """`head` times the scale words after it: "thousand", "million", "dozen", and an
    optional trailing hundreds group ("two thousand five hundred")."""
    value: Number = head
    if not rest:
        return _tidy(value)
    word = rest[0]
    if word == "dozen":
        factor: int = 12
    elif word == "hundred":
        factor = 100
    elif word in _SCALES:
        factor = _SCALES[word]
    elif word in _SHORT_SCALES:
        factor = _SHORT_SCALES[word]
    else:
        return None
    value = value * factor
    tail = rest[1:]
    if tail and tail[0] == "and":
        tail = tail[1:]
    if tail:
        extra = _hundreds_value(tail)
        if extra is None or extra >= factor:
            return None
        value += extra
    return _tidy(value)


def _tidy(value: Number) -> Number:
    """Whole floats become ints; others lose float noise (5.2 * 10**6 -> 5200000)."""
    if isinstance(value, float):
        rounded = round(value, 9)
        if rounded == int(rounded):
            return int(rounded)
        return rounded
    return value


def _digits_value(token: str) -> tuple[Number, int] | None:
    """ "3,200" -> (3200, 0), "5.2" -> (5.2, 1)."""
    whole, _, frac = token.translate(_GROUPING).partition(".")
    if not whole.isdigit() or (frac and not frac.isdigit()):
        return None
    if not frac:
        return int(whole), 0
    return _tidy(float(f"{whole}.{frac}")), len(frac)


def _numeral(s: str) -> tuple[Number, int] | None:
    """The value of a numeral as written, digits or words, and its decimal places."""
    if s[0].isdigit():
        if s.isdigit():
            return int(s), 0
        parts = _DIGIT_NUMERAL.match(s)
        if parts is None:
            return None
        whole = int(parts["int"].translate(_GROUPING))
        frac = parts["frac"] or ""
        places = len(frac)
        mantissa = whole * 10**places + int(frac or 0)
        scale = parts["scale"]
        factor = 1
        if scale is not None:
            scale = scale.lower()
            factor = (
                _SCALES.get(scale) or _SHORT_SCALES.get(scale) or (100 if scale == "hundred" else 0)
            )
            if not factor:
                return None
        if parts["half"]:
            mantissa = mantissa * 2 + 10**places
            places_divisor = 2 * 10**places
        else:
            places_divisor = 10**places
        total = mantissa * factor
        if total % places_divisor == 0:
            return total // places_divisor, 0
        value = total / places_divisor
        return value, _decimals(value)
    value = parse_number_words(s)
    if value is None:
        return None
    return value, _decimals(value)


def _decimals(value: Number) -> int:
    if isinstance(value, int):
        return 0
    written = repr(value)
    if "e" in written or "." not in written:
        return 0
    return min(len(written.partition(".")[2]), 6)


def _interval(kind: str, value: Number, places: int) -> tuple[Number, Number | None, str]:
    """The [low, high] interval and SCHEMA qualifier a qualifier kind gives `value`."""
    step: Number = 1 if places == 0 else 10**-places
    if kind == "at_least":
        return value, None, "at_least"
    if kind == "more_than":
        return _tidy(round(value + step, places)), None, "more_than"
    if kind == "nearly":
        return _approx(0.9 * value, places), value, "approx"
    if kind == "about":
        return _approx(0.9 * value, places), _approx(1.1 * value, places), "approx"
    if kind == "up_to":
        return 0, value, "at_most"
    if kind == "below":
        return 0, _tidy(round(value - step, places)), "at_most"
    return value, value, "exact"


def _approx(product: float, places: int) -> Number:
    if places == 0:
        return round(product)
    return _tidy(round(product, places + 1))


def _unit_key(text: str) -> str:
    return _UNIT_NOISE.sub(" ", text.lower()).strip()
