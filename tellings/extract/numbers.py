"""Every figure a text states, with the interval it stands for and its exact offsets.

`find_counts(text)` returns one `CountMention` per number expression: digits ("3,200",
"5.2 million"), number words ("Thirty-six", "two hundred and five", "four-and-a-half"),
vague quantities ("dozens", "tens of thousands"), zero claims ("no one", "not a single
death") and measured facts (areas, distances, money, percentages, durations).
`text[start:end]` runs from the qualifier, if any, to the last word of the number or its
unit, and never includes trailing punctuation. Each mention names the versioned rule
that found it, so a claim built on it can be re-derived later. A number before a noun is
a count whatever the noun ("two Iranian divisions", "the two sides"); what it counts is
for the stages after this one.

Only the standard library's `re` is used: one scanning expression finds every candidate
in a single pass, and the checks that need the words around a candidate run only on
candidates. First letters may be capitals ("Thirty-six", "Some 3,400", "At Least 11");
text written in capitals throughout is not read. Digits are ASCII; a comma, a no-break
space or a thin space groups thousands ("3,200"); a full stop is a decimal point
("1.300" is 1.3).

Rules that produce mentions
---------------------------
- `number.digits.v1`: digits, with thousands separators, decimals and a scale word
  ("3,200", "5.2 million", "$10.7m", "20 thousand").
- `number.words.v1`: number words ("eleven", "Thirty-six", "two hundred and five",
  "a thousand", "three and a half", "a dozen", "half a million", "half a" before a unit),
  a bare scale word after "another" ("another thousand"), and "both" (2).
- `number.fraction.v1`: a fraction of something ("one-fourth of", "a quarter of",
  "two-thirds of"): kind `fraction`, value 0.25 etc.
- `number.range.v1`: two numbers joined by "to", "or", a hyphen or dash, or
  "between ... and ..."; a scale, currency or unit on the second number applies to both
  ("5 to 10 million" is 5,000,000-10,000,000). When the second number is the smaller,
  the two are unrelated ("killed 52 - 10 of them women") and each stands alone.
- `number.vague.v1`: vague quantities, mapped to `VAGUE_INTERVALS`.
- `number.zero.v1`: statements that nobody was harmed ("no one", "nobody", "none",
  "not a single death", "no casualties", "zero deaths", "without loss of life",
  "the shelling did not cause any casualties"): low = high = 0, exact; the number span is the
  whole phrase.

Qualifiers (gold/SCHEMA.md)
---------------------------
N is the stated value after its scale ("5.2 million" is 5,200,000). The *step* is one
unit of the value's last written digit: 1 for whole numbers, 0.1 for "2.5", 0.01 for
"2.55". Rounding is Python's `round` (half to even) of `0.9 * N` and `1.1 * N`: to whole
numbers when N is whole, else to one more decimal place than N has.

- exact: [N, N].
- at_least ("at least", "no fewer/less than", "a minimum of", "N or more", "N+"):
  [N, None].
- more_than ("more than", "over", "above", "in excess of", "upwards of", "well over"):
  [N + step, None], so "over 90 percent" is [91, None] and "over 2.5 km" [2.6, None].
- approx, nearly-type ("nearly", "almost", "close to", "just short of"):
  [round(0.9 N), N].
- approx, about-type ("about", "around", "some", "approximately", "approx.", "roughly",
  "an estimated", "circa", "c.", "ca.", "~", "N or so", "N-odd"):
  [round(0.9 N), round(1.1 N)].
- at_most, inclusive ("as many as", "up to", "no more than", "at most", "a maximum of",
  "N or fewer"): [0, N].
- at_most, exclusive ("fewer than", "less than", "under", "below"): [0, N - step].
- range ("between 30 and 40", "from 30 to 40", "30-40", "30 to 40", "two or three"):
  [low, high]. A qualifier before a range other than "between"/"from" stays in the span
  but does not change the interval.

"from" and "between" with no second number, and "under" after "came", "fell", "was"
and the like ("came under five attacks"), are prepositions: the mention starts at the
number and is exact.

Vague words (`VAGUE_INTERVALS`)
-------------------------------
dozens, several dozen, a few dozen: 24-99; scores: 40-99; tens (of): 20-99; hundreds,
several/a few hundred: 200-999; thousands: 2,000-9,999; tens of thousands:
20,000-99,999; hundreds of thousands: 200,000-999,999; millions: 2-9.99 million, and so
on for each scale (2x to 10x - 1); several, a number of: 3-9; a few, a handful: 2-9;
a couple (of): 2-3. "many", "numerous", "a large number" state no number and give none.
A vague word followed by a unit ("millions of dollars", "several years") takes its kind.

Units
-----
Area (normalised to km2: 1 sq mi = 2.589988110336 km2, 1 ha = 0.01 km2, 1 acre =
0.0040468564224 km2, 1 dunam = 0.001 km2, 1 m2 = 1e-6 km2, 1 sq ft = 9.290304e-8 km2),
distance (normalised to km: 1 mi = 1.609344 km, 1 m = 0.001 km, 1 ft = 0.0003048 km,
1 yd = 0.0009144 km, 1 nautical mile = 1.852 km), money ("$", "US$", "USD", "dollars",
normalised to USD, "$" being read as US dollars; euros (EUR), pounds (GBP), Iraqi
dinars (IQD), Iranian rials (IRR) and other dinars and rials keep their own unit and are
not normalised), percent ("%", "percent", "per cent", "pct") and
durations (years, months, weeks, days, hours, minutes, decades). A unit joined by
hyphens counts too ("14-square-mile", "31-mile", "16-month", "four-and-a-half-year").

Exclusions: no mention is made for
----------------------------------
- `exclude.year.v1`: a bare four-digit number from 1000 to 2099 with no qualifier,
  currency, scale or unit ("in 2009", "1986"; so "2000 people" is read as a year, while
  "2,000 people" and "some 2000 people" are counts), ranges of such years ("2003-2013",
  "from 2003 to 2013", "1980-88") and decades ("the 1980s").
- `exclude.date.v1`: a day next to a month name ("July 28", "28 July 2009", "July
  28-29", "14 and 15 March") and dates written with separators ("9/9/2016",
  "2009-07-28").
- `exclude.time.v1`: clock times ("10:30", "5 p.m.", "5pm", "2300 GMT").
- `exclude.age.v1`: ages ("aged 45", "a 36-year-old", "45 years old", "at the age of 45",
  "45 years of age").
- `exclude.measure.v1`: temperatures, angles, coordinates and speeds ("48 °C",
  "33°43′N", "90 degrees", "50 km/h", "30 mph").
- `exclude.reference.v1`: page, note, list and designator numbers: "p. 45", "pp. 45-50",
  "page 12", "[12]", "^3", "note 4", "residents.12", a number after a closing quote
  ('"a massacre."7'), "Resolution 1883", "Article 45", "Section 3", "Chapter 7", "No. 5",
  "#5", "§ 3" (the words are in `_REFERENCE_WORDS`, any case), "Camp 7", "Flight 17"
  (`_NAME_WORDS`, capitalised); list and heading numbers at the start of a line ("1.
  Introduction", "4) Ibid."); and a bare number right after a capitalised word inside
  a sentence ("Ashraf 3", "Apollo 11"), unless a capitalised word follows it too, as in
  a title ("Forces Kill 36 Residents").
- `exclude.ordinal.v1`: ordinals ("56th Brigade", "1st Division", "56 th"); "the first
  attack" and "the second" hold no cardinal at all.
- `exclude.designator.v1`: model and unit designators, a letter, hyphen and digits
  ("F-4", "MiG-29", "Su-25", "T-72", "COVID-19"), and digits glued to letters ("G7",
  "3G", "M16", "4x4").
- `exclude.identifier.v1`: telephone numbers, ISBNs and other grouped digits
  ("+964 770 123 4567", "(202) 555-0143", "978-3-16-148410-0"), versions ("3.8.1"),
  numbers written with a leading zero ("007").
- `exclude.one.v1`: "one" as a pronoun or in an idiom: "one of", "one another", "one
  day", "one by one", "one time", "at one point", "on the one hand", "the/this/that/
  each/every/any/which one", "one must/can/could/would/should/may/might". ("no one" is a
  zero claim; "no one else" is nothing.)
- `exclude.compound.v1`: a number joined by a hyphen to a word that is neither a unit
  nor a counted noun ("two-state", "four-star", "one-sided"); "a 1,000-strong force" and
  "a 12-member team" stay counts.
- `exclude.fraction.v1`: "a third" (as often an ordinal as a fraction), "a half",
  "half of", and fractions followed by neither "of" nor a scale.
- `exclude.both.v1`: "both" that pairs two things, with "and", "or" or "nor" within
  the next three words and no verb before it ("both Iraq and Iran", "both the US and
  Iraq", but not "both men were hurt and ..."), and "both of us/you", "both
  ways/directions/ends/hands".
- `exclude.vague.v1`: "scores" after a determiner ("the scores", "test scores"), "none"
  in "none other than" / "none the less", "no one"/"nobody" followed by "else" or a
  verb of knowing ("no one knows").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

__all__ = [
    "KINDS",
    "QUALIFIERS",
    "RULES",
    "VAGUE_INTERVALS",
    "CountMention",
    "find_counts",
    "parse_number_words",
]

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


# --- words -------------------------------------------------------------------------------

_UNITS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_TEENS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES: Final = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SHORT_SCALES: Final = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9}
_DENOMINATORS: Final = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_SMALL: Final = {**_UNITS, **_TEENS, **_TENS}
_BY_ARTICLE: Final = frozenset({"hundred", "dozen"})  # "a hundred", "a dozen"

VAGUE_INTERVALS: Final[dict[str, tuple[int, int]]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "tens": (20, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
    "tens of billions": (20_000_000_000, 99_999_999_999),
    "hundreds of billions": (200_000_000_000, 999_999_999_999),
    "several": (3, 9),
    "a number of": (3, 9),
    "a few": (2, 9),
    "a handful": (2, 9),
    "a couple": (2, 3),
}

# Qualifiers before a number, grouped by the interval rule they follow (module docstring).
_QUALIFIER_KINDS: Final = {
    "at_least": (
        "at least", "at the very least", "no fewer than", "no less than", "not fewer than",
        "not less than", "a minimum of", "at minimum",
    ),
    "more_than": (
        "more than", "over", "above", "in excess of", "upwards of", "upward of", "well over",
        "just over", "well above", "greater than", "slightly more than", "far more than",
    ),
    "nearly": ("nearly", "almost", "close to", "just short of", "not quite"),
    "about": (
        "about", "around", "some", "approximately", "approx.", "approx", "roughly",
        "an estimated", "estimated", "circa", "c.", "ca.", "~", "≈", "in the region of",
        "an approximate", "approximate",
    ),
    "up_to": (
        "as many as", "up to", "no more than", "not more than", "at most", "at the most",
        "a maximum of", "as much as",
    ),
    "below": ("fewer than", "less than", "under", "below", "just under"),
    "between": ("between",),
    "from": ("from",),
}  # fmt: skip
_QUALIFIER_OF: Final = {
    phrase: kind for kind, phrases in _QUALIFIER_KINDS.items() for phrase in phrases
}
_SUFFIX_QUALIFIER_OF: Final = {
    "or more": "at_least", "or over": "more_than", "or above": "more_than", "+": "at_least",
    "plus": "at_least", "or so": "about", "odd": "about", "or fewer": "up_to",
    "or less": "up_to",
}  # fmt: skip

# Unit forms as written, normalised by `_unit_key`, to (unit, kind, factor to km2/km).
_UNIT_TABLE: Final[tuple[tuple[tuple[str, ...], str, str, float], ...]] = (
    (("square mile", "square miles", "sq mi", "sq mile", "sq miles", "mi2", "mi²"),
     "sq mi", "area", 2.589988110336),
    (("square kilometer", "square kilometers", "square kilometre", "square kilometres",
      "square km", "sq km", "sq kilometer", "sq kilometers", "sq kilometre",
      "sq kilometres", "km2", "km²"), "km2", "area", 1.0),
    (("square meter", "square meters", "square metre", "square metres", "square m",
      "sq m", "m2", "m²"), "m2", "area", 1e-6),
    (("square foot", "square feet", "square ft", "sq ft"), "sq ft", "area", 9.290304e-8),
    (("hectare", "hectares", "ha"), "ha", "area", 0.01),
    (("acre", "acres"), "acre", "area", 0.0040468564224),
    (("dunam", "dunams", "dunum", "dunums", "donum", "donums"), "dunam", "area", 0.001),
    (("nautical mile", "nautical miles", "nmi"), "nmi", "distance", 1.852),
    (("mile", "miles", "mi"), "mi", "distance", 1.609344),
    (("kilometer", "kilometers", "kilometre", "kilometres", "km", "kms"), "km",
     "distance", 1.0),
    (("meter", "meters", "metre", "metres"), "m", "distance", 0.001),
    (("foot", "feet", "ft"), "ft", "distance", 0.0003048),
    (("yard", "yards", "yd", "yds"), "yd", "distance", 0.0009144),
    (("dollar", "dollars", "us dollar", "us dollars", "u s dollar", "u s dollars",
      "american dollars", "usd", "$", "us$", "u s $", "us $"), "USD", "money", 1.0),
    (("euro", "euros", "eur", "€"), "EUR", "money", 1.0),
    (("pounds sterling", "gbp", "£"), "GBP", "money", 1.0),
    (("iraqi dinar", "iraqi dinars", "iqd"), "IQD", "money", 1.0),
    (("iranian rial", "iranian rials", "irr"), "IRR", "money", 1.0),
    (("dinar", "dinars"), "dinar", "money", 1.0),
    (("rial", "rials"), "rial", "money", 1.0),
    (("percent", "per cent", "pct", "%", "percentage point", "percentage points"),
     "percent", "percent", 1.0),
    (("year", "years", "yr", "yrs"), "years", "duration", 1.0),
    (("month", "months"), "months", "duration", 1.0),
    (("week", "weeks"), "weeks", "duration", 1.0),
    (("day", "days"), "days", "duration", 1.0),
    (("hour", "hours", "hr", "hrs"), "hours", "duration", 1.0),
    (("minute", "minutes", "min", "mins"), "minutes", "duration", 1.0),
    (("decade", "decades"), "decades", "duration", 1.0),
)  # fmt: skip
_UNIT_OF: Final = {form: entry[1:] for entry in _UNIT_TABLE for form in entry[0]}
_NORMALISED_UNIT: Final = {"area": "km2", "distance": "km"}


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTHS: Final = _word_set(
    """January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"""
)
# Words after which a number is a reference or a name, not a quantity (any case) ...
_REFERENCE_WORDS: Final = _word_set(
    """resolution resolutions article articles art section sections sec chapter chapters
    ch chap paragraph paragraphs para par page pages p pp note notes footnote fn no nos
    vol vols volume volumes issue fig figure figures annex annexe appendix clause clauses
    decree edition ed version ver v ref isbn issn doi tel telephone phone fax ext id
    docket exhibit item items schedule unscr number §"""
)
# ... and, capitalised, words that name a numbered thing ("Camp 7", "Flight 17").
_NAME_WORDS: Final = _word_set(
    """Camp Unit Building Block Gate Sector Zone Route Highway Road Flight Room Ward Site
    Station Platform Table Line Level Phase Stage Class Type Model Mark Mk Series Box
    Battalion Brigade Division Regiment Squadron Company Platoon Corps Army Group Team
    District Precinct Checkpoint Hall Floor Lot Track Channel Number Law Act Rule Part
    Protocol Session Round Day Week Year Grade Tier Title"""
)
_AGE_WORDS: Final = _word_set("aged age ages")
_DETERMINERS: Final = _word_set(
    "the their his her its our your my these those test credit exam high low top final "
    "average match"
)
# "one of", "one another", "one day", "one by one", "one must" ...
_ONE_AFTER: Final = _word_set(
    "of another day by time point hand must can could would should may might cannot after"
)
_ONE_BEFORE: Final = _word_set("the this that each every any which no whichever")
# "came under five attacks": "under" after these is a preposition, not a bound.
_UNDER_VERBS: Final = _word_set("came come comes coming fell fall falls was were is are been being")


def _either_case(words: Iterable[str]) -> str:
    """An alternation of `words` and their capitalised forms, longest first."""
    forms = {form for word in words for form in (word, word[0].upper() + word[1:])}
    return "(?:" + "|".join(sorted(forms, key=lambda f: (-len(f), f))) + ")"


def _phrase(phrase: str) -> str:
    """A pattern for a phrase: any whitespace between its words, and each word's first
    letter in either case ("at least", "At least", "At Least")."""
    parts = [
        f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}"
        if word[0].isalpha()
        else re.escape(word)
        for word in phrase.split()
    ]
    return _SP.join(parts) + (r"\b" if phrase[-1].isalnum() else "")


# --- the scanning expression --------------------------------------------------------------
# Whitespace with at most one line break, so that a number never runs across paragraphs;
# atomic, so that a long run of spaces is never re-split when what follows fails.
_SP = r"(?>[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
_HY = "[-\u2010\u2011]"
_DASH = "[-\u2010-\u2015\u2212]"
_SEP = rf"(?:{_SP}|{_HY})"

_U = _either_case(_UNITS)
_SMALL_RE = (
    rf"(?:{_either_case(_TENS)}{_SEP}{_U}\b|{_either_case(_TENS)}\b"
    rf"|{_either_case(_TEENS)}\b|{_U}\b)"
)
_HUNDREDS_RE = (
    rf"(?:(?:{_SMALL_RE}|[Aa]n?){_SEP}[Hh]undred\b(?:(?:{_SP}and{_SP}|{_SEP}){_SMALL_RE})?"
    rf"|{_SMALL_RE})"
)
_BIG = _either_case(_SCALES) + r"\b"
_AND_A_HALF = rf"{_SEP}and{_SEP}an?{_SEP}half\b"
_WORD_NUMBER = (
    rf"(?:(?:{_HUNDREDS_RE}|[Aa]n?){_SEP}{_BIG}(?:(?:{_SP}and{_SP}|{_SP}){_HUNDREDS_RE})?"
    rf"|{_HUNDREDS_RE})(?:{_AND_A_HALF}(?:{_SEP}{_BIG})?)?"
)
_DOZEN = rf"(?:{_SMALL_RE}|[Aa]|[Hh]alf{_SP}a){_SEP}dozen\b"
_DENOMINATOR = _either_case(_DENOMINATORS) + r"\b"
_FRACTION = (
    rf"(?:{_U}{_SEP}(?!half\b){_DENOMINATOR}|[Aa]{_SP}quarter\b)"
    rf"(?:{_SP}of{_SP}an?{_SP}{_BIG}|{_SEP}{_BIG}|(?={_SP}of\b))"
)
# "half a" reads as a number only before a scale or a unit: "half a million", "half an hour".
_HALF_BEFORE = r"(?:square|sq|hour|day|week|month|year|mile|kilomet|km|decade|percent)"
_HALF = rf"[Hh]alf{_SP}an?\b(?:{_SP}{_BIG}|(?={_SP}{_HALF_BEFORE}))"
_BARE_SCALE = rf"(?<=[Aa]nother[ ])(?:{_BIG}|hundred\b)"
_DIGITS = (
    r"(?!0[0-9])(?:[0-9]{1,3}(?:,[0-9]{3}){1,5}|[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3}){1,5}"
    r"(?![0-9])|[0-9]{1,15})(?:\.[0-9]{1,9})?(?![0-9]|[.,:/][0-9])"
    rf"(?:{_AND_A_HALF})?(?:{_SP}?(?:{_BIG}|hundred\b|bn\b|mn\b)|{_HY}(?:{_BIG}))?"
)
# "$3.5m", "$20k": a one-letter scale only after a currency sign.
_DIGITS_MONEY = r"(?(cur)(?:(?<=[0-9])(?:m|k)\b)?)"
_NUMBER = rf"(?:{_DIGITS}|{_DOZEN}|{_FRACTION}|{_HALF}|{_WORD_NUMBER}|{_BARE_SCALE})"

_UNIT_WORDS = rf"""(?:
    (?:square|sq\.?)(?:{_SP}|{_HY})(?:miles?|mi|kilomet(?:er|re)s?|km|met(?:er|re)s?|m|feet|foot|ft)\b
  | (?:km|mi|m)(?:2\b|²)
  | hectares?\b|ha\b|acres?\b|d[uo]n[ua]ms?\b
  | nautical{_SP}miles?\b|nmi\b|miles?\b|mi\b|kilomet(?:er|re)s?\b|kms?\b|met(?:er|re)s?\b
  | feet\b|foot\b|ft\b|yards?\b|yds?\b
  | percent(?:age{_SP}points?)?\b|per{_SP}cent\b|pct\b|%
  | years?\b|yrs?\b|months?\b|weeks?\b|days?\b|hours?\b|hrs?\b|minutes?\b|mins?\b|decades?\b
  | (?:US|U\.S\.|American){_SP}dollars?\b|dollars?\b|USD\b|euros?\b|EUR\b|GBP\b
  | pounds{_SP}sterling\b|(?:Iraqi{_SP})?dinars?\b|IQD\b|(?:Iranian{_SP})?rials?\b|IRR\b
)"""
_UNIT = rf"(?:{_SP}?|{_HY}){_UNIT_WORDS}"
_CURRENCY_CODES: Final = ("USD", "EUR", "GBP", "IQD")
_CURRENCY = rf"(?:US{_SP}?\$|U\.S\.{_SP}?\$|\$|{'|'.join(_CURRENCY_CODES)}|€|£)"
# Hyphenated words that keep a number a count ("a 1,000-strong force", "a 12-member team");
# any other word joined by a hyphen makes a compound that is not one ("two-state").
_COUNT_COMPOUND = r"(?:strong|member|man|person|nation|country|vehicle|page|bed|storey|story)\b"
_QUALIFIER = "|".join(
    _phrase(p) for p in sorted(_QUALIFIER_OF, key=lambda p: (-len(p), p)) if p != "between"
)
_SUFFIX = rf"(?:{_SP}or{_SP}(?:more|over|above|so|fewer|less)\b|\+|{_HY}(?:odd|plus)\b)"

_QUALIFIED_NUMBER = rf"""
    (?:(?P<q>(?P<btw>[Bb]etween\b)|{_QUALIFIER})(?:{_SP}|(?<=[.~≈])))?
    (?P<cur>{_CURRENCY}{_SP}?)?
    (?P<n1>{_NUMBER}{_DIGITS_MONEY})
    (?:
        (?P<u1>{_UNIT})?  # "between 10% and 20%", "from 5 km to 10 km"
        (?P<conn>(?(btw){_SP}and{_SP}|{_SP}(?:to|or){_SP})|{_SP}?{_DASH}{_SP}?)
        (?:{_CURRENCY}{_SP}?)?
        (?P<n2>{_NUMBER}{_DIGITS_MONEY})
    )?
    (?P<sq>{_SUFFIX})?
    (?P<unit>{_UNIT})?
    (?P<sq2>{_SUFFIX})?
    (?![^\W_]|[°º′″]|/[^\W\d_]|{_HY}(?!{_COUNT_COMPOUND})[^\W_])
"""

_HARM = (
    rf"(?:casualt(?:y|ies)|deaths?|fatalit(?:y|ies)|injur(?:y|ies)|victims|dead|wounded"
    rf"|injured|arrests|loss(?:es)?{_SP}of{_SP}(?:life|lives)|lives{_SP}(?:(?:were|was)"
    rf"{_SP})?lost)\b"
)
_HARM_ADJECTIVE = (
    rf"(?:(?:reported|known|immediate|further|other|civilian|serious|human|major|confirmed"
    rf"|new|additional){_SP})?"
)
_NEGATED_AUXILIARY = (
    rf"(?:(?:[Dd]id|[Dd]oes|[Dd]o|[Hh]as|[Hh]ave|[Hh]ad|[Ww]as|[Ww]ere|[Ii]s|[Aa]re|[Ww]ould"
    rf"|[Cc]ould|[Ww]ill)(?:{_SP}not\b|n['’]t\b)|[Ww]on['’]t\b)"
)
_NOBODY_NOT = rf"(?!{_HY})(?!{_SP}(?:else|knows|knew|can|could|would|will|should|seems|dares)\b)"
_ZERO = rf"""
    [Nn]o{_SEP}one\b{_NOBODY_NOT}
  | [Nn]obody\b{_NOBODY_NOT}
  | [Nn]one\b(?!{_SP}(?:other|the{_SP}(?:less|wiser|worse|better)|too)\b)
    (?:{_SP}of{_SP}(?:them|us|those|these|the{_SP}(?!{_either_case(_SMALL)}\b)[a-z]+)\b)?
  | [Nn]ot{_SP}(?:a{_SP}single|one|even{_SP}one)\b(?!{_SEP}(?:hundred|thousand|million))
    (?:{_SP}(?!(?:of|was|were|is|are|has|had|have|in|at|on|to|who|that)\b)[a-z]+\b)?
  | [Nn]o{_SP}{_HARM_ADJECTIVE}{_HARM}
  | [Zz]ero{_SP}{_HARM_ADJECTIVE}{_HARM}
  | [Ww]ithout{_SP}(?:any{_SP})?(?:{_HARM}|bloodshed\b)
  | {_NEGATED_AUXILIARY}{_SP}(?:[a-z]+{_SP}){{0,3}}?any{_SP}{_HARM_ADJECTIVE}{_HARM}
"""

_PLURAL_SCALE = r"(?:thousands|millions|billions)\b"
_VAGUE = rf"""
    (?P<vw>
        (?:[Ss]everal|[Aa]{_SP}few){_SP}(?:dozen|hundred|thousand|million|billion)\b
      | (?:[Tt]ens|[Hh]undreds){_SP}of{_SP}{_PLURAL_SCALE}
      | (?:[Dd]ozens|[Ss]cores|[Hh]undreds|[Tt]housands|[Mm]illions|[Bb]illions)\b
      | [Tt]ens(?={_SP}of\b)
      | [Aa]{_SP}(?:number|couple){_SP}of\b
      | [Aa]{_SP}couple\b
      | [Aa]{_SP}handful\b
      | [Ss]everal\b
      | [Aa]{_SP}few\b
    )
    (?:(?:{_SP}of)?(?P<vunit>(?:{_SP}|{_HY})(?!m\b){_UNIT_WORDS}))?
"""

# Grouped digits: telephone numbers, ISBNs, ISO dates ("2009-07-28"); consumed unread.
_IDENTIFIER = r"(?:\+|\()?[0-9]{1,4}\)?(?:[ .\-/][0-9]{2,6}){2,}(?![0-9])"


def _trie(words: Iterable[str]) -> str:
    """One alternation for many words, shared prefixes factored out, so that the engine
    rejects a word after a character or two instead of trying every word in turn."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(tree)


# Qualifier words too common to try a number after each of them ("a", "at", "in") are
# tested together with the word that must follow them ("at least", "in excess").
_COMMON_FIRST_WORDS: Final = frozenset({"a", "an", "as", "at", "in", "up"})
_AUXILIARIES: Final = _word_set("did does do has have had was were is are would could will")
_TRIGGER_WORDS: Final = frozenset(
    [*_SMALL, "hundred", *_SCALES, "half", "zero", "dozen"]
    + ["several", "dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"]
    + ["no", "nobody", "none", "not", "without", "both", *_CURRENCY_CODES]
    + [p.split()[0].rstrip(".") for p in _QUALIFIER_OF if p.split()[0] not in _COMMON_FIRST_WORDS]
)
_COMMON_FIRST_PHRASES: Final = sorted(
    {" ".join(p.split()[:2]) for p in _QUALIFIER_OF if p.split()[0] in _COMMON_FIRST_WORDS}
    | {f"a {w}" for w in ["dozen", "hundred", "quarter", "few", "number", "couple", "handful"]}
    | {f"a {w}" for w in _SCALES}
)
# A cheap first test that a figure can start here; the full grammar runs only after it.
_GUARD = (
    "(?="
    + "|".join(
        [
            r"[0-9$€£~≈+]|\([0-9+]",
            _trie(f for w in _TRIGGER_WORDS if w[0].isalpha() for f in (w, w[0].upper() + w[1:]))
            + r"\b",
            _trie(
                f for p in _COMMON_FIRST_PHRASES for f in (p, p[0].upper() + p[1:], p.title())
            ).replace(re.escape(" "), _SP)
            + r"\b",
            _trie(f for w in _AUXILIARIES for f in (w, w.capitalize()))
            + rf"(?:{_SP}not\b|n['’]t\b)",
            r"[Ww]on['’]t\b",
            rf"U\.?S\.?{_SP}?\$",
        ]
    )
    + ")"
)

# Each candidate begins with the character before it, which must be a space, an opening
# bracket or quote, or a dash; that keeps numbers glued to words, footnote markers
# ("[12]", "^3", ".12") and designators ("F-4", "#5") out, and lets the engine skip
# from gap to gap instead of trying every character.
_LEAD = "[\\s(\"'“‘«\u2014*]"

_MATCHER: Final = re.compile(
    rf"""
    {_LEAD}{_GUARD}
    (?:
        (?P<skip>{_IDENTIFIER})
      | (?P<zero>{_ZERO})
      | (?P<both>[Bb]oth\b(?!{_SP}(?:of{_SP}(?:us|you)|ways|directions|ends|hands)\b))
      | (?P<vague>{_VAGUE})
      | (?P<num>{_QUALIFIED_NUMBER})
    )
    """,
    re.VERBOSE,
)

_DIGIT_NUMERAL = re.compile(
    rf"(?P<int>[0-9][0-9,\u00a0\u202f\u2009]*)(?:\.(?P<frac>[0-9]+))?(?P<half>{_AND_A_HALF})?"
    rf"(?:(?:{_SP}|{_HY})?(?P<scale>[A-Za-z]+))?"
)
_GROUPING: Final = str.maketrans("", "", ",\u00a0\u202f\u2009")  # thousands separators
_WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")
_UNIT_NOISE = re.compile(r"[\s\-\u2010\u2011.]+")
_NEXT_WORD = re.compile(rf"{_SP}?(?:{_HY})?([A-Za-z]+)")
_PUNCTUATION = "()[]{}\"'“”‘’,;:"
_ORDINAL_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th"})
_MONTH_RE = "|".join(sorted(_MONTHS, key=lambda m: (-len(m), m)))
# "14 and 15 March", "14-15 March": the first day of a list of days.
_DAYS_TO_MONTH = re.compile(
    rf"(?:{_SP}(?:and|or|to|&){_SP}|{_SP}?{_DASH}{_SP}?)[0-9]{{1,2}}(?:st|nd|rd|th)?{_SP}"
    rf"(?:of{_SP})?(?:{_MONTH_RE})\b"
)
# A capitalised word just before a bare number, not at the start of a sentence:
# "Ashraf 3", "Apollo 11". Sentence starts are left alone ("Killing 52 ...").
# "both Iraq and Iran", "both in Baghdad and Basra": "both" that pairs two things.
# A verb between them ("both drivers were detained and ...") makes it a clause instead.
_COORDINATION = re.compile(
    r"(?:[^\S\n]+(?!(?:were|was|are|is|had|have|has|been|did|will|would)\b|[a-z]+ed\b)"
    r"[^\s.,;:!?]+){1,3}?,?[^\S\n]+(?:and|or|nor)\b"
)
_LIST_MARKER = re.compile(r"[.)](?:\s|\Z)")
_NAME_BEFORE = re.compile(r"[a-z0-9,)”’'\"][^\S\n]+[A-Z][a-z]+[^\S\n]\Z")
_TIME_AFTER = re.compile(rf"{_SP}?(?:[AaPp]\.?[Mm]\b\.?|o['’]clock\b|(?:GMT|UTC)\b)")
_MEASURE_AFTER = re.compile(rf"{_SP}?(?:[°º]|degrees?\b|(?:km|kms|mi|m)/h\b|mph\b|kph\b|knots\b)")
_OLD_AFTER = re.compile(rf"(?:{_SP}|{_HY})(?:old\b|of{_SP}age\b)")


# --- numbers ------------------------------------------------------------------------------


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


# --- the scan -----------------------------------------------------------------------------


def find_counts(text: str, start: int = 0, end: int | None = None) -> list[CountMention]:
    """Every figure stated in `text[start:end]`, in text order, with offsets into `text`.

    The window is read as if it were the whole text: nothing outside it is looked at.
    Mentions never overlap. See the module docstring for what is read and what is not.
    """
    # A space in front gives a figure at the very start the gap every candidate begins
    # with; offsets in `window` are one more than in `text[start:]`.
    start, end, _ = slice(start, end).indices(len(text))
    window = " " + text[start:end]
    offset = start - 1
    found: list[CountMention] = []
    search = _MATCHER.search
    pos = 0
    while True:
        match = search(window, pos)
        if match is None:
            return found
        pos = match.end()
        branch = match.lastgroup
        mention: CountMention | None = None
        if branch == "num":
            mention, resume = _number_mention(window, match, offset)
            if resume is not None:
                pos = resume
        elif branch == "vague":
            mention = _vague_mention(window, match, offset)
        elif branch == "zero":
            a, b = match.start("zero") + offset, pos + offset
            mention = CountMention(a, b, 0, 0, "exact", 0, None, None, "count", a, b,
                                   "number.zero.v1")  # fmt: skip
        elif branch == "both" and not _COORDINATION.match(window, pos):  # exclude.both.v1
            a, b = match.start("both") + offset, pos + offset
            mention = CountMention(a, b, 2, 2, "exact", 2, None, None, "count", a, b,
                                   "number.words.v1")  # fmt: skip
        if mention is not None:
            found.append(mention)


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


_YEAR_BREAKERS: Final = ("q", "cur", "n2", "sq", "unit", "sq2")


def _is_year(numeral: str) -> bool:
    """A bare four-digit number a year could be written as."""
    return len(numeral) == 4 and numeral.isdigit() and "1000" <= numeral <= "2099"


def _number_mention(
    text: str, m: re.Match[str], offset: int
) -> tuple[CountMention | None, int | None]:
    """The mention for a `num` match, or None when an exclusion rule applies; and where
    to resume scanning when only the first number of a false range is kept."""
    n1 = m.group("n1")
    if _is_year(n1) and not any(m.group(g) for g in _YEAR_BREAKERS):
        return None, None  # exclude.year.v1, the commonest case first
    parsed = _numeral(n1)
    if parsed is None:
        return None, None
    value, places = parsed
    qualifier = m.group("q")
    qualifier_kind = _QUALIFIER_OF.get(" ".join(qualifier.lower().split())) if qualifier else None
    currency = m.group("cur")
    unit_text = m.group("unit") or m.group("u1")
    n2 = m.group("n2")
    start, end = m.span("num")
    n1_start, number_end = m.span("n1")
    resume: int | None = None
    low: Number = value
    high: Number | None = value
    if n2 is not None:
        second = _numeral(n2)
        if second is None:
            return None, None
        high = second[0]
        factor = _scale_of(n2)
        if factor > 1 and _scale_of(n1) == 1 and value * factor <= high:
            low = _tidy(value * factor)  # "5 to 10 million": the scale is the first's too
        if _is_year(n1) and (_is_year(n2) or high < value):
            # exclude.year.v1: "2003-2013"; "1980-88" and "2011 – Thirty-six residents",
            # where the second number is read again on its own.
            return None, None if _is_year(n2) else number_end
        if low > high:
            if qualifier_kind in ("between", "from"):
                return None, None
            n2 = unit_text = None  # "52 - 10 of them": keep the first number alone
            end = resume = number_end
        else:
            number_end = m.end("n2")
    if (qualifier_kind in ("between", "from") and n2 is None) or (
        qualifier_kind == "below"
        and bool(_UNDER_VERBS.intersection(_words_before(text, start)[-1:]))
    ):
        # "from 30" alone; "came under five attacks": a preposition, not a bound.
        qualifier_kind = None
        start = m.start("cur") if currency else n1_start
    kind, unit, factor_to_base = "count", None, 1.0
    if unit_text is not None or currency is not None:
        entry = _UNIT_OF.get(_unit_key(unit_text or currency or ""))
        if entry is None and currency is not None:
            entry = _UNIT_OF.get(_unit_key(currency))
        if entry is None:
            return None, None
        unit, kind, factor_to_base = entry
    if _excluded(text, m.start(), start, end, n1, n2, unit, kind, qualifier_kind):
        return None, None
    stated: Number | None
    if n2 is not None:
        rule, qualifier_out, stated = "number.range.v1", "range", None
    else:
        stated = value
        suffix = m.group("sq") or m.group("sq2")
        if suffix is not None and qualifier_kind is None:
            key = " ".join(suffix.lower().strip("-\u2010\u2011").split())
            qualifier_kind = _SUFFIX_QUALIFIER_OF.get(key)
        low, high, qualifier_out = _interval(qualifier_kind or "exact", value, places)
        if n1[0].isdigit():
            rule = "number.digits.v1"
        elif unit is None and _FRACTION_START.match(n1) and not isinstance(value, int):
            rule, kind = "number.fraction.v1", "fraction"
        else:
            rule = "number.words.v1"
    normalised: tuple[float, float | None, str] | None = None
    if kind in _NORMALISED_UNIT:
        normalised = (
            _tidy(low * factor_to_base),
            None if high is None else _tidy(high * factor_to_base),
            _NORMALISED_UNIT[kind],
        )
    elif unit == "USD":
        normalised = (low, high, "USD")
    mention = CountMention(
        start + offset, end + offset, low, high, qualifier_out, stated, unit, normalised, kind,
        n1_start + offset, number_end + offset, rule,
    )  # fmt: skip
    return mention, resume


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
    of the gap character before the match. See the exclusion rules in the module
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


def _scale_of(numeral: str) -> int:
    """The scale word a numeral ends with, as a factor: "10 million" -> 10**6; else 1."""
    last = _WORD_SPLIT.split(numeral.strip())[-1].lower()
    last = last.lstrip("0123456789.,")
    if last == "hundred":
        return 100
    if last == "dozen":
        return 12
    return _SCALES.get(last) or _SHORT_SCALES.get(last) or 1


_FRACTION_START = re.compile(rf"(?:{_U}{_SEP}{_DENOMINATOR}|[Aa]{_SP}quarter\b)")


def _vague_mention(text: str, m: re.Match[str], offset: int) -> CountMention | None:
    words = m.group("vw")
    key = " ".join(words.lower().split())
    if key.startswith(("several ", "a few ")):
        key = key.rsplit(" ", 1)[1] + "s"
    elif key.endswith(" of") and key not in VAGUE_INTERVALS:
        key = key[:-3]  # "a couple of"
    interval = VAGUE_INTERVALS.get(key)
    if interval is None:
        return None
    start, end = m.span("vague")
    if key == "scores":
        before = _words_before(text, start)
        if before and before[-1].lower() in _DETERMINERS:
            return None  # exclude.vague.v1
    low, high = interval
    unit = kind = None
    normalised: tuple[float, float | None, str] | None = None
    unit_text = m.group("vunit")
    mention_kind = "count"
    if unit_text is not None:
        entry = _UNIT_OF.get(_unit_key(unit_text))
        if entry is None:
            return None
        unit, kind, factor = entry
        mention_kind = kind
        if kind in _NORMALISED_UNIT:
            normalised = (low * factor, high * factor, _NORMALISED_UNIT[kind])
        elif unit == "USD":
            normalised = (low, high, "USD")
    number_start, number_end = m.span("vw")
    return CountMention(
        start + offset, end + offset, low, high, "vague", None, unit, normalised, mention_kind,
        number_start + offset, number_end + offset, "number.vague.v1",
    )  # fmt: skip
