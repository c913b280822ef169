"""The exclusion rules: the words around a candidate that show it is no quantity (a
year, a date, a time, an age, a reference, an ordinal ...). The rules are listed, with
their names, in the package docstring.
"""

from __future__ import annotations

import re
from typing import Final

from .grammar import _DASH, _HY, _SP
from .tables import (
    _AGE_WORDS,
    _MONTHS,
    _NAME_WORDS,
    _ONE_AFTER,
    _ONE_BEFORE,
    _REFERENCE_WORDS,
)

_NEXT_WORD = re.compile(rf"{_SP}?(?:{_HY})?([A-Za-z]+)")
_PUNCTUATION = "()[]{}\"'“”‘’,;:"
_ORDINAL_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th"})
_MONTH_RE = "|".join(sorted(_MONTHS, key=lambda m: (-len(m), m)))
# "14 and 15 March", "14-15 March": the first day of a list of days.
_DAYS_TO_MONTH = re.compile(
    rf"(?:{_SP}(?:and|or|to|&){_SP}|{_SP}?{_DASH}{_SP}?)[0-9]{{1,2}}(?:st|nd|rd|th)?{_SP}"
    rf"(?:of{_SP})?(?:{_MONTH_RE})\b"
)
# "both Iraq and Iran", "both in Baghdad and Basra": "both" that pairs two things.
# A verb between them ("both drivers were detained and ...") makes it a clause instead.
_COORDINATION = re.compile(
    r"(?:[^\S\n]+(?!(?:were|was|are|is|had|have|has|been|did|will|would)\b|[a-z]+ed\b)"
    r"[^\s.,;:!?]+){1,3}?,?[^\S\n]+(?:and|or|nor)\b"
)
_LIST_MARKER = re.compile(r"[.)](?:\s|\Z)")
# A capitalised word just before a bare number, not at the start of a sentence:
# "Ashraf 3", "Apollo 11". Sentence starts are left alone ("Killing 52 ...").
_NAME_BEFORE = re.compile(r"[a-z0-9,)”’'\"][^\S\n]+[A-Z][a-z]+[^\S\n]\Z")
_TIME_AFTER = re.compile(rf"{_SP}?(?:[AaPp]\.?[Mm]\b\.?|o['’]clock\b|(?:GMT|UTC)\b)")
_MEASURE_AFTER = re.compile(rf"{_SP}?(?:[°º]|degrees?\b|(?:km|kms|mi|m)/h\b|mph\b|kph\b|knots\b)")
_OLD_AFTER = re.compile(rf"(?:{_SP}|{_HY})(?:old\b|of{_SP}age\b)")


def _words_before(text: str, start: int) -> list[str]:
    """The last two words before `start`, without brackets, quotes or commas."""
    return [w.strip(_PUNCTUATION) for w in text[max(0, start - 40) : start].rsplit(None, 2)[-2:]]


def _word_after(text: str, end: int) -> str:
    after = _NEXT_WORD.match(text, end)
    return "" if after is None else after.group(1)


def _is_reference(before: list[str]) -> bool:
    if not before:
        return False
    word = before[-1].rstrip(".")
    if word.lower() in _REFERENCE_WORDS or word in _NAME_WORDS or word in _MONTHS:
        return True
    return word.lower() in _AGE_WORDS or (
        word.lower() == "of" and len(before) == 2 and before[0].lower() in _AGE_WORDS
    )


def _is_year(numeral: str) -> bool:
    """A bare four-digit number a year could be written as."""
    return len(numeral) == 4 and numeral.isdigit() and "1000" <= numeral <= "2099"


def _excluded(
    text: str,
    lead: int,
    start: int,
    end: int,
    n1: str,
    n2: str | None,
    unit: str | None,
    kind: str,
    qualifier_kind: str | None,
) -> bool:
    """True when the words around a number show it is no quantity; `lead` is the index
    of the gap character before the match. See the exclusion rules in the package
    docstring."""
    before = _words_before(text, start)
    after = _word_after(text, end)
    if _is_reference(before) or after in _MONTHS or _DAYS_TO_MONTH.match(text, end):
        return True  # exclude.reference.v1, exclude.date.v1, exclude.age.v1
    if after in _ORDINAL_SUFFIXES:
        return True  # exclude.ordinal.v1: "56 th" as text extraction leaves it
    if unit is None and _MEASURE_AFTER.match(text, end):
        return True  # exclude.measure.v1: "48 °C", "90 degrees", "50 km/h"
    if kind == "duration" and _OLD_AFTER.match(text, end):
        return True  # exclude.age.v1: "45 years old"
    bare = unit is None and qualifier_kind is None and n2 is None
    if bare and n1[0].isdigit():
        if _TIME_AFTER.match(text, end) or _is_year(n1):
            return True  # exclude.time.v1, exclude.year.v1
        if (
            text[lead] in "\"'"
            and lead
            and (text[lead - 1].isalnum() or text[lead - 1] in ".,;:!?")
        ):
            return True  # exclude.reference.v1: a note number after a closing quote
        marker = text[end : end + 1]
        if (marker == ")" and text.rfind("(", max(0, start - 80), start) < 0) or (
            _LIST_MARKER.match(text, end) and _opens_line(text, start)
        ):
            return True  # exclude.reference.v1: a list or heading number, "4) Ibid.", "2. Aims"
    if bare and not after[:1].isupper() and _NAME_BEFORE.search(text, max(0, start - 40), start):
        return True  # exclude.reference.v1: a name with a number, "Ashraf 3", "Apollo 11"
    if n2 is None and n1 in ("one", "One"):
        return (
            after.lower() in _ONE_AFTER
            or (bool(before) and before[-1].lower() in _ONE_BEFORE)
            or [w.lower() for w in before] == ["one", "by"]
            or (unit == "days" and qualifier_kind is None)
        )  # exclude.one.v1
    return False


def _opens_line(text: str, start: int) -> bool:
    """True when only spaces stand between the start of the line and `start`."""
    floor = max(0, start - 200)
    newline = text.rfind("\n", floor, start)
    if newline < 0 and floor:
        return False
    return not text[newline + 1 : start].strip()
