"""The scanning expression: one regular expression that finds every candidate figure in
a single pass, built from the tables, with a cheap guard in front of the full grammar.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from .tables import (
    _DENOMINATORS,
    _QUALIFIER_OF,
    _SCALES,
    _SMALL,
    _TEENS,
    _TENS,
    _UNITS,
    _word_set,
)


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
