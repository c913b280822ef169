"""Names as the gazetteer compares them: `normalise`, and the flags that say how an
alias as written may match in running text (any case, capitals only, quiet).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# --- normalising --------------------------------------------------------------------------

_DROP = str.maketrans("", "", "'’‘`ʼʻʽʾʿ")  # apostrophes, and the ayn/hamza of transliteration
_NON_ALNUM = re.compile(r"[\W_]+")
_LEADING_ARTICLE = re.compile(r"^(?:al|the) (?=\S)")


def normalise(name: str) -> str:
    """Return the form aliases are compared in: "Kata’ib Hezbollah" -> "kataib hezbollah".

    NFKD with combining marks dropped, apostrophes dropped, case-folded, every run of
    other non-alphanumerics turned into one space, and one leading "al " or "the "
    removed ("al-Maliki" -> "maliki", "The Netherlands" -> "netherlands").
    """
    if not name.isascii():
        name = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
    spaced = _NON_ALNUM.sub(" ", name.translate(_DROP).casefold()).strip()
    return _LEADING_ARTICLE.sub("", spaced, count=1)


_TOKEN_KEYS: dict[str, str] = {}  # token -> normalised token; a token is one word, no spaces


def _token_key(token: str) -> str:
    key = _TOKEN_KEYS.get(token)
    if key is None:
        if len(_TOKEN_KEYS) > 500_000:
            _TOKEN_KEYS.clear()
        key = _TOKEN_KEYS[token] = (
            token.translate(_DROP).lower() if token.isascii() else normalise(token)
        )
    return key


# --- alias flags: how an alias as written in the data may match in running text -----------

_ANY_CASE: Final = 1  # written all in lowercase
_ACRONYM: Final = 2  # written all in capitals: matches in capitals only
_LOWER_START: Final = 4  # starts with a lowercase particle: "de Mistura"
_QUIET: Final = 8  # resolves, but is not tagged in running text
_ARTICLE_SURFACE = re.compile(r"^(?:al|the)[\s\-‐]+", re.IGNORECASE)


def _alias_flags(alias: str) -> int:
    letters = [c for c in _ARTICLE_SURFACE.sub("", alias) if c.isalpha()]
    if not letters:
        return 0
    if all(c.islower() for c in letters):
        return _ANY_CASE
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return _ACRONYM
    return _LOWER_START if letters[0].islower() else 0


def _merge_flags(old: int | None, new: int) -> int:
    """Flags of a key spelled by several aliases: acronym only if every spelling is one."""
    if old is None:
        return new
    return (old | new) & ~_ACRONYM | (old & new & _ACRONYM)


# Capitalised words that are city names in geonames but, capitalised, are far more often
# an English word, a month, a sentence opener or a given name ("Hassan", a city in India).
_QUIET_WORDS: Final = frozenset(
    """a an and as at be but by for he in is it me no of on or so the to up we
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    nice split reading mobile orange surprise independence enterprise paradise providence
    delta man male van ho hub metro oral pest natal corona concord centennial commonwealth
    vista springs midland riverside woodlands queens tours angers saga bender billings
    chandler garland warren newton davenport harrow barking erode shaping simmering
    jingling archway lander warder mascara mango tamale samba bimbo brusque bade pare ruse
    sari saki lira gent victoria bush liberty camp city hassan ahmadi kennedy""".split()
)
# Names that hold a place name but are not about the place: a treaty is not signed where
# the camp is, a newspaper does not report from its title. Skipped whole by `find`.
_NOT_PLACES: Final = frozenset(
    {
        "geneva convention",
        "geneva conventions",
        "hague convention",
        "hague conventions",
        "vienna convention",
        "rome statute",
        "camp david",
        "new york times",
        "washington post",
        "washington times",
        "los angeles times",
        "jerusalem post",
        "tehran times",
    }
)
