"""The words figures are written with: number words, scales, fractions, vague
quantities, qualifiers, units, and the words around a number that make it no quantity.
"""

from __future__ import annotations

from typing import Final

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

# Qualifiers before a number, grouped by the interval rule they follow (package docstring).
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
