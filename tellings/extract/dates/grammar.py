"""The words dates are written with, the pattern pieces built from them, and the forms
one point in time takes ("28 July 2009", "July 28", "2009-07-28", "early 2003", "the
1980s"), with `_parse_point` to read one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .edtf import _last_of_month, _Point

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
_PREP_MONTH = _any(
    "in", "during", "of", "throughout", "sometime in", "for", "until", "till", "that",
    "that same", "the same", "the following", "later that",
)  # fmt: skip
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
