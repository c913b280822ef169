"""The grammar of date constructions, the scan that finds where to try it, and the two
finders built on them: `find_dates` for running text, `leading_date` for headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .constructions import (
    _OPEN_OPS,
    _attributive,
    _bare_year,
    _Handler,
    _onwards,
    _open,
    _ordinal_day,
    _point,
    _range,
    _Scan,
    _year_list,
    _yearless_season,
)
from .context import DateContext, DateMention
from .edtf import _edtf
from .grammar import (
    _BYEAR,
    _CONNECT,
    _DASH,
    _DECADE,
    _EVENT_NOUNS,
    _MONTH_FULL,
    _MONTH_NAMES,
    _NOT_ON,
    _NUMBER_WORDS,
    _PREP,
    _PREP_MONTH,
    _PREP_YEAR,
    _PT_DATED,
    _PT_ENDPOINT,
    _PT_LAST,
    _PT_OPEN,
    _S0,
    _S1,
    _SEASON,
    _SEASONS,
    _WEEKDAY_FULL,
    _WEEKDAY_NAMES,
    _any,
    _bare,
    _cap,
    _second_year,
    _words,
)
from .relative import _DAY_OFFSETS, _ago, _anaphoric, _relative_day, _relative_period, _weekday


@dataclass(frozen=True, slots=True)
class _Construction:
    pattern: re.Pattern[str]
    handle: _Handler


def _op(*phrases: str) -> str:
    return rf"(?P<op>{_any(*phrases)}){_S1}"


_EVENT_AFTER = (
    rf"(?={_S1}(?:(?:[a-z]+(?:-[a-z]+)?{_S1})?(?:{'|'.join(_EVENT_NOUNS)})(?![A-Za-z])"
    r"|U\.?S\.?|[A-Z][A-Za-z]))"
)
_NUMBER = "(?:[0-9]{1,3}|" + "|".join(_cap(w) for w in sorted(_NUMBER_WORDS, key=len)[::-1]) + ")"
_RANGE_BODY = rf"(?:the{_S1})?(?P<a>{_PT_ENDPOINT}){_CONNECT}(?P<b>{_PT_LAST})"

# In the order they are tried at one position; a construction whose handler turns the
# match down hands the position to the next one.
_GRAMMAR: tuple[tuple[str, _Handler], ...] = (
    (_op("from", "between") + _RANGE_BODY, _range),
    (
        rf"(?:{_op('from', 'starting in', 'starting from', 'beginning in')})?(?:the{_S1})?"
        rf"(?P<a>{_PT_OPEN}){_S1}(?:onwards?(?![A-Za-z])|on(?={_S0}(?:[,.;:)]|$)))",
        _onwards,
    ),
    (rf"{_op(*_OPEN_OPS)}(?:the{_S1})?(?P<a>{_PT_OPEN})", _open),
    (rf"(?:(?P<op>{_PREP}){_S1})?{_RANGE_BODY}", _range),
    (rf"(?:(?P<op>{_PREP}){_S1})?(?P<a>{_PT_DATED})", _point),
    (rf"(?P<op>{_PREP_YEAR}){_S1}(?P<a>{_BYEAR})", _bare_year),
    (
        r"(?:(?<=[0-9], )|(?<=[0-9],\u00a0)|(?<=[0-9] and )|(?<=[0-9], and )|(?<=[0-9] or )"
        r"|(?<=[0-9] & )|(?<=s, )|(?<=s and )|(?<=s, and ))"
        rf"(?P<a>{_BYEAR}|(?:the{_S1})?{_DECADE})",
        _year_list,
    ),
    (
        rf"{_op('the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that')}"
        rf"(?P<a>{_BYEAR}){_EVENT_AFTER}",
        _attributive,
    ),
    (rf"(?P<a>{_BYEAR})(?=['’]s(?![A-Za-z]))", _attributive),
    (rf"(?P<op>{_PREP_MONTH}){_S1}(?P<a>{_MONTH_FULL})", _point),
    (
        rf"{_op('in', 'during', 'over', 'throughout', 'through')}(?:the{_S1})?"
        rf"(?:(?P<q>early|mid|late)(?:{_S0}{_DASH}{_S0}|{_S1}))?(?P<a>{_SEASON})"
        rf"(?!{_S1}of(?![A-Za-z]))",
        _yearless_season,
    ),
    (
        rf"(?P<op>[Oo]n){_S1}the{_S1}(?P<a>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))"
        rf"(?={_S0}(?:[,.;:)]|$)|{_S1}and(?![A-Za-z]))",
        _ordinal_day,
    ),
    (rf"(?P<a>{_any(*_DAY_OFFSETS)})", _relative_day),
    (
        rf"(?:{_op('on', 'last', 'this past', 'past', 'next', 'early on', 'late on')})?"
        rf"(?P<a>{_WEEKDAY_FULL})(?P<part>{_S1}(?:morning|afternoon|evening|night)"
        r"(?![A-Za-z])|(?=['’]s(?![A-Za-z])))?",
        _weekday,
    ),
    (
        rf"(?:(?P<adv>[Ee]arlier|[Ll]ater){_S1})?{_op('last', 'this', 'next')}"
        rf"(?P<unit>{_any('week', 'weekend', 'month', 'year')}|{_MONTH_FULL}|{_SEASON})",
        _relative_period,
    ),
    (rf"(?P<n>{_NUMBER}){_S1}(?P<unit>day|week|month|year)s?{_S1}ago(?![A-Za-z])", _ago),
    (
        rf"{_cap('the')}{_S1}(?P<dir>following|next|previous|preceding|same){_S1}"
        r"(?P<unit>day|morning|evening|night|week|month|year)(?![A-Za-z])",
        _anaphoric,
    ),
    (rf"{_cap('the')}{_S1}(?P<unit>day){_S1}(?P<dir>before|after)(?![A-Za-z])", _anaphoric),
    (
        rf"(?P<n>{_NUMBER}){_S1}(?P<unit>day|week|month|year)s?{_S1}"
        r"(?P<dir>later|earlier|afterwards?)(?![A-Za-z])",
        _anaphoric,
    ),
    (
        rf"(?:(?:[Ll]ater|[Ee]arlier){_S1})?{_cap('that')}{_S1}(?:(?P<dir>same){_S1})?"
        r"(?P<unit>day|morning|afternoon|evening|night|month|year)(?![A-Za-z])",
        _anaphoric,
    ),
)
_CONSTRUCTIONS = tuple(_Construction(re.compile(p), handle) for p, handle in _GRAMMAR)
# Which construction matches first at a position; the empty named group ending each
# branch says which one.
_SCANNER = re.compile(
    "(?:" + "|".join(f"{_bare(p)}(?P<c{i}>)" for i, (p, _) in enumerate(_GRAMMAR)) + ")"
)


def _core_words() -> list[str]:
    words = ["Sept", "SEPT", "Tues", "Thur", "Thurs"]
    for name in _MONTH_NAMES + _WEEKDAY_NAMES:
        words += [name, name.upper(), name[:3], name[:3].upper()]
    units = _words("day days week weeks weekend month months year years morning afternoon")
    for word in (*_SEASONS, *_DAY_OFFSETS, *units, "evening", "night"):
        if " " not in word:
            words += [word, word.capitalize(), word.upper()]
    return words


def _core_pattern() -> str:
    """Every word a date expression must contain, or a number, as one alternation.

    Each branch starts with a literal character, so the regex engine skips every
    position whose character starts none of them before trying anything else.
    """
    rests: dict[str, set[str]] = {}
    for word in _core_words():
        rests.setdefault(word[0], set()).add(word[1:])
    branches = [
        re.escape(first)
        + r"(?<![0-9A-Za-z][\s\S])(?:"
        + "|".join(re.escape(rest) for rest in sorted(tails, key=len, reverse=True))
        + r")(?![A-Za-z])"
        for first, tails in sorted(rests.items())
    ]
    branches += [
        rf"{digit}(?<![0-9A-Za-z][\s\S])(?<=(?={_DATE_NUMBER}).)[0-9]*" for digit in "0123456789"
    ]
    return "|".join(branches)


# A number that can be part of a date: a year, an ordinal, a day before a month or in a
# range, a count of days. Other numbers ("3,400", "17 recommendations") are passed over
# without a look at the grammar.
_DATE_NUMBER = (
    r"(?:[0-9]{4}(?![0-9])|[0-9]{1,2}(?:st|nd|rd|th)(?![A-Za-z])|[0-9]{1,2}[./\-][0-9]"
    r"|[0-9]{1,2}\s*[-\u2010-\u2015\u2212]\s*[0-9]"
    r"|[0-9]{1,2}\s+(?:(?:of|and|to|through|thru|until|till)\s+)?(?:the\s+)?[A-Z0-9]"
    r"|[0-9]{1,3}\s+(?:days?|weeks?|months?|years?)(?![A-Za-z]))"
)


# Words that can stand before the core of a date expression ("from", "the", "early",
# "two" ...), spelled backwards to be read backwards from the core.
_LEAD_WORDS = _words(
    "from between since ever until till up to through by before prior after starting "
    "beginning in on during at of throughout over as the year around about approximately "
    "roughly circa c. ca. sometime for a an its their his her our this that early mid late "
    "middle start end close part latter later first second half earlier last next past "
    "same following previous preceding couple"
) + [w for w in _NUMBER_WORDS if " " not in w]
_CORE = re.compile(_core_pattern())
_LEAD_CHAIN = re.compile(
    r"(?:(?:[ \t\u00a0\u2009\u202f]+\n?[ \t\u00a0\u2009\u202f]*|\n[ \t\u00a0\u2009\u202f]*"
    r"|[ \t]*[-\u2013\u2014][ \t]*)(?:"
    + "|".join(
        re.escape(w[:0:-1]) + (f"[{w[0]}{w[0].upper()}]" if w[0].isalpha() else re.escape(w[0]))
        for w in sorted(_LEAD_WORDS, key=len, reverse=True)
    )
    + r")(?![0-9A-Za-z]))+"
)
_LEAD_WORD = re.compile(r"[^\s\-\u2013\u2014]+")


def _starts(text: str, core: int, floor: int) -> list[int]:
    """Where a date expression holding the core at `core` may start, leftmost first."""
    window = text[max(floor, core - 60) : core][::-1]
    chain = _LEAD_CHAIN.match(window)
    if chain is None:
        return [core]
    first = core - chain.end()
    return [word.start() for word in _LEAD_WORD.finditer(text, first, core)] + [core]


_ATTRIBUTIVE = "date.year_attributive.v1"
_SEVERAL_EVENTS = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:attacks|raids|strikes|massacres|bombings|assaults|shellings|"
    r"killings|clashes|offensives|incursions)\b"
)
_NOT_OBSERVED_RULES = frozenset(
    {"date.until.v1", "date.by.v1", "date.before.v1", _ATTRIBUTIVE, "date.anaphoric.v1"}
)


def find_dates(
    text: str, context: DateContext | None = None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Every date expression in text[start:end], in order, with offsets into `text`.

    Year-less and relative dates are resolved with `context`, which is updated with each
    resolved date as the scan goes; call it paragraph by paragraph in document order so
    that a year stated earlier carries forward. Mentions never overlap.
    """
    context = context if context is not None else DateContext()
    stop = len(text) if end is None else min(end, len(text))
    scan = _Scan(text, context, -1)
    found: list[DateMention] = []
    position = start
    cores = _CORE.search
    # "The first of the 2013 attacks, in February": a year naming several events lends
    # itself to the months that follow in the same stretch of text, and only there.
    assumed: tuple[int | None, int | None, int | None, bool] | None = None
    while (core := cores(text, position, stop)) is not None:
        position = core.end()
        for at in _starts(text, core.start(), max(start, scan.previous_end)):
            matched = _match_at(text, at, stop, scan)
            if matched is not None:
                mention, position = matched
                found.append(mention)
                if mention.rule == _ATTRIBUTIVE and _SEVERAL_EVENTS.match(text, mention.end):
                    saved = context.assume_year(int(mention.edtf or "0"))
                    assumed = saved if assumed is None else assumed
                else:
                    # Once a date has used the year, or named its own, the text has
                    # truly moved there: nothing is given back.
                    context.observe(mention)
                    if mention.rule not in _NOT_OBSERVED_RULES:
                        assumed = None
                scan.previous_end = mention.end
                break
    if assumed is not None:
        context.restore(assumed)
    return found


def _match_at(text: str, at: int, stop: int, scan: _Scan) -> tuple[DateMention, int] | None:
    """The first construction that matches at `at` and whose handler accepts it."""
    hit = _SCANNER.match(text, at, stop)
    if hit is None:
        return None
    first = int((hit.lastgroup or "c0")[1:])
    for construction in _CONSTRUCTIONS[first:]:
        match = construction.pattern.match(text, at, stop)
        if match is not None:
            mention = construction.handle(match, scan)
            if mention is not None:
                return mention, match.end()
    return None


_BULLET = re.compile(
    r"\s*(?:(?:[•·▪◦‣●○■□►▶✓*+>#]|[-\u2013\u2014](?=[ \t]))[ \t\u00a0]*"
    r"|\(?[0-9]{1,2}[.)][ \t\u00a0]+)*"
)
_HEADING_END = re.compile(r"[ \t\u00a0]*(?:[:|\u2013\u2014\-.)]|,?[ \t\u00a0]*(?:\r?\n|$))")
_HEADING_YEAR = re.compile(
    rf"(?P<a>{_BYEAR})(?:{_S0}{_DASH}{_S0}(?P<b>{_BYEAR}|[0-9]{{2}}{_NOT_ON}))?"
)


def leading_date(line: str, context: DateContext | None = None) -> DateMention | None:
    """The date that opens a heading or a bullet and so dates the text under it.

    "July 28-29, 2009 - troops ...", "• 8 April 2011: ...", "2013" and "September 1,
    2013" each open with one; the date must be followed by a separator (colon, dash, bar,
    full stop) or end the line. A found date is observed into `context`; nothing else is.
    """
    context = context if context is not None else DateContext()
    bullet = _BULLET.match(line)
    at = bullet.end() if bullet else 0
    mentions = find_dates(line, context.copy(), at)
    mention = mentions[0] if mentions and mentions[0].start == at else None
    if mention is None:
        year = _HEADING_YEAR.match(line, at)
        if year is not None:
            first = int(year["a"])
            last = _second_year(first, year["b"]) if year["b"] else first
            if last is None:
                return None
            edtf = _edtf((first, None, None), (last, None, None))
            mention = DateMention(
                at, year.end(), edtf, "year" if first == last else "interval",
                "absolute" if first == last else "period", None, "date.heading_year.v1",
            )  # fmt: skip
    if mention is None or _HEADING_END.match(line, mention.end) is None:
        return None
    context.observe(mention)
    return mention
