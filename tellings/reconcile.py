"""Reconciliation: an event's claims side by side, where they conflict, and a range.

Intervals make disagreement exact. Two claims of the same measure *conflict* when their
intervals cannot both hold (11 and 13; "nearly 500" [450, 500] and "about 400"
[360, 440]) and are *consistent* when they can ("at least 9" and 11; "hundreds" and
318). Facts (area, distance, money) are compared in their normalised unit; when the
stated units differ, each interval is widened by `UNIT_TOLERANCE` to allow for the
rounding of a converted figure (14 sq mi is 36.26 km², "36 km²" fits). Two figures from
the same source are a revision, not a conflict. Claims of different measures are never
called conflicts.

Ranges come from named, versioned rules over an event's claims of one measure:

- `reconcile.conservative.v1`: like ACLED, the lowest credible figure: best is the
  smallest point figure among claims from sources not graded E or F; low = high = best.
- `reconcile.ucdp.v1`: like UCDP GED, low = the lowest low, high = the highest high
  (open when any is open), best = the point figure of the most reliable independent
  source (Admiralty grade, then the most precise figure).
- `reconcile.independent-median.v1`: the median of the point figures of independent
  sources (not government, armed group or affiliated, and no stated affiliation);
  aligned sources are shown but not counted; low and high are the lowest and highest
  of the counted claims.

A claim's *point figure* is its stated value for exact and approximate figures, its low
bound for open ("at least") and vague ones, and its high bound for "as many as".
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .extract.dates import edtf_bounds
from .model import Claim, Source
from .model import figure_text as _number

UNIT_TOLERANCE = 0.05
ALIGNED_TYPES = frozenset({"government", "armed-group", "affiliated"})
RELIABILITY_ORDER = {"A": 0, "B": 1, "C": 2, "D": 3, "E": 4, "F": 5, None: 6}
FACT_MEASURES = frozenset({"area", "distance", "money"})
UNCOMPARED = frozenset({"money", "count"})


@dataclass(frozen=True)
class Account:
    """A claim with what tellings knows of its source, as the reconciliation reads it."""

    claim: Claim
    source: Source | None = None
    published: str | None = None

    @property
    def part(self) -> bool:
        """A part of a group counted elsewhere ("including four nurses") or an addition to
        it ("two others later died"): shown, not counted."""
        return self.claim.rule in ("count.sub_count.v1", "count.addition.v1")

    @property
    def independent(self) -> bool:
        source = self.source
        return source is not None and source.type not in ALIGNED_TYPES and not source.affiliation

    @property
    def low(self) -> float:
        claim = self.claim
        if claim.measure in FACT_MEASURES and claim.normalised_low is not None:
            return claim.normalised_low
        return claim.low

    @property
    def high(self) -> float | None:
        claim = self.claim
        if claim.measure in FACT_MEASURES and claim.normalised_unit is not None:
            return claim.normalised_high
        return claim.high

    @property
    def point(self) -> float:
        """The single figure a claim stands for (see the module docstring)."""
        claim = self.claim
        if claim.qualifier == "at_most" and self.high is not None:
            return self.high
        if claim.qualifier in ("exact", "approx") and claim.value is not None:
            if claim.measure in FACT_MEASURES and claim.normalised_low is not None:
                return (self.low + (self.high if self.high is not None else self.low)) / 2
            return claim.value
        return self.low


@dataclass(frozen=True)
class Conflict:
    """Two accounts of one event and measure whose figures cannot both be true."""

    a: Account
    b: Account
    why: str
    gap: float  # how far apart, relative to the larger figure: 0 = touching
    # For a total against the figures one source gives for the events inside its span:
    # those figures (b is the first) and their sum's interval.
    parts: tuple[Account, ...] = ()
    parts_low: float | None = None
    parts_high: float | None = None

    @property
    def measure(self) -> str:
        return self.a.claim.measure


def _bounds(account: Account, widen: bool) -> tuple[float, float]:
    low, high = account.low, account.high
    top = float("inf") if high is None else high
    if widen:
        return low * (1 - UNIT_TOLERANCE), top * (1 + UNIT_TOLERANCE)
    return low, top


def comparable(a: Account, b: Account) -> bool:
    """Whether two accounts say the same thing so that their figures can disagree.

    Not comparable: the same claim; other measures; a part of a group ("including six
    women") against anything; money and counts of things (what they count is not known
    to be the same); a source's later revision of its own figure.
    """
    if a.claim.id == b.claim.id or a.claim.measure != b.claim.measure:
        return False
    if a.part or b.part or a.claim.measure in UNCOMPARED:
        return False
    if a.claim.measure in FACT_MEASURES and a.claim.victims != b.claim.victims:
        return False  # distances to different places
    if a.claim.measure == "distance" and a.claim.victims is None:
        return False  # a distance to an unnamed place: nothing says it is the same one
    if _assailants(a.claim.victims) != _assailants(b.claim.victims):
        return False  # "eight of the attackers" are not among the people attacked
    same_source = a.source is not None and b.source is not None and a.source.id == b.source.id
    return not (same_source and a.published and b.published and a.published != b.published)


_ASSAILANTS = re.compile(
    r"\b(?:attackers|assailants|gunmen|militants|insurgents|bombers|raiders|"
    r"perpetrators|kidnappers|hijackers|suicide\s+bombers?)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def _assailants(victims: str | None) -> bool:
    """True when the people counted are those who attacked, not those attacked."""
    return victims is not None and _ASSAILANTS.search(victims) is not None


def compare(a: Account, b: Account) -> Conflict | None:
    """The conflict between two accounts, or None when both can hold (or when they are
    not `comparable`)."""
    if not comparable(a, b):
        return None
    if a.claim.measure == "date_of":
        return _compare_dates(a, b)
    widen = a.claim.measure in FACT_MEASURES and a.claim.unit != b.claim.unit
    a_low, a_high = _bounds(a, widen)
    b_low, b_high = _bounds(b, widen)
    if a_low <= b_high and b_low <= a_high:
        return None
    first, second = (a, b) if a_high < b_low else (b, a)
    lower_high = min(a_high, b_high)
    higher_low = max(a_low, b_low)
    gap = (higher_low - lower_high) / max(higher_low, 1.0)
    why = (
        f"{_describe(first)} cannot reach {_describe(second)}: "
        f"the first is at most {_number(lower_high)}, the second at least {_number(higher_low)}"
    )
    if widen:
        why += f" (after converting units, with {UNIT_TOLERANCE:.0%} tolerance)"
    if a.claim.document_id == b.claim.document_id:
        why += "; both in one document"
    return Conflict(first, second, why, gap)


def _compare_dates(a: Account, b: Account) -> Conflict | None:
    """Two dates for one turning point conflict when their spans cannot overlap."""
    first_span = edtf_bounds(a.claim.event_date) if a.claim.event_date else None
    second_span = edtf_bounds(b.claim.event_date) if b.claim.event_date else None
    if first_span is None or second_span is None:
        return None
    (a0, a1), (b0, b1) = first_span, second_span
    if a0 <= b1 and b0 <= a1:
        return None
    first, second = (a, b) if a1 < b0 else (b, a)
    gap_days = (max(a0, b0) - min(a1, b1)).days
    why = (
        f"{_describe(first)} dates the {a.claim.victims or 'event'} {first.claim.event_date}, "
        f"{_describe(second)} dates it {second.claim.event_date}: {gap_days} days apart"
    )
    return Conflict(first, second, why, gap_days / 365.0)


def conflicts(accounts: Sequence[Account]) -> list[Conflict]:
    """Every conflicting pair among one event's accounts, most serious first.

    The verdict for a pair does not depend on the order of the accounts.
    """
    by_measure: dict[str, list[Account]] = {}
    for account in accounts:
        by_measure.setdefault(account.claim.measure, []).append(account)
    found = []
    for group in by_measure.values():
        group = sorted(group, key=lambda x: x.claim.id)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                conflict = compare(a, b)
                if conflict is not None:
                    found.append(conflict)
    found.sort(key=lambda c: (-c.gap, c.measure, c.a.claim.id, c.b.claim.id))
    return found


def sum_conflicts(
    totals: Sequence[Account], children: Sequence[Sequence[Account]]
) -> list[Conflict]:
    """Totals over a period that the parts cannot add up to.

    For each total (a claim of a period event) and each document that gives a figure
    for every event inside the period (of the total's measure), the document's figures
    are summed as intervals (its figures for one event narrowed together; additions
    such as "two others later died" added; parts of groups left out). A total whose
    interval cannot meet the sum is a conflict: "116 in three attacks" against
    13 + 36 + 52 = 101. A total that does not say how many events it covers may include
    others, so it conflicts only when it is smaller than the sum.
    """
    found = []
    # What the events inside the period add up to depends only on the measure and the
    # document, not on the total: computed once for all the totals that share them.
    sums: dict[str, tuple[int, list[tuple[float, float, list[Account]]]]] = {}
    for total in sorted(totals, key=lambda a: a.claim.id):
        measure = total.claim.measure
        if total.part or measure in UNCOMPARED or measure in FACT_MEASURES:
            continue
        if measure not in sums:
            sums[measure] = _sums_by_document(measure, children)
        events, by_document = sums[measure]
        for low, high, parts in by_document:
            t_low = total.low
            t_high = float("inf") if total.high is None else total.high
            if total.claim.scope_events != events:
                # A total that does not say it covers just these events may hold others
                # too: it conflicts only when it is smaller than what they add up to.
                if t_high >= low:
                    continue
            elif high >= t_low and t_high >= low:
                continue
            if parts[0].claim.document_id == total.claim.document_id:
                who = "the same document"
            else:
                who = parts[0].source.name if parts[0].source else "another document"
            shown = " + ".join(repr(p.claim.quote) for p in parts)
            why = (
                f"{_describe(total)} is a total for {events} events, but {who} gives "
                f"them as {shown}, which add up to {_number(low)}"
                + ("" if high == low else f"–{_number(high)}")
            )
            gap = (max(low, t_low) - min(high, t_high)) / max(low, t_low, 1.0)
            found.append(Conflict(total, parts[0], why, gap, tuple(parts), low, high))
    return found


def _sums_by_document(
    measure: str, children: Sequence[Sequence[Account]]
) -> tuple[int, list[tuple[float, float, list[Account]]]]:
    """How many of the period's events have a figure of `measure`, and for each document
    that gives one for every such event, the sum of its figures (when there are two
    events or more)."""
    relevant = [[a for a in child if a.claim.measure == measure] for child in children]
    relevant = [r for r in relevant if r]
    if len(relevant) < 2:
        return len(relevant), []
    documents = set.intersection(*({a.claim.document_id for a in r} for r in relevant))
    found = []
    for document in sorted(documents):
        summed = _sum_of(document, relevant)
        if summed is not None:
            found.append(summed)
    return len(relevant), found


def _sum_of(
    document: str, relevant: Sequence[Sequence[Account]]
) -> tuple[float, float, list[Account]] | None:
    low = high = 0.0
    parts: list[Account] = []
    for accounts in relevant:
        mine = [a for a in accounts if a.claim.document_id == document]
        base = [a for a in mine if a.claim.rule not in ("count.sub_count.v1", "count.addition.v1")]
        added = [a for a in mine if a.claim.rule == "count.addition.v1"]
        if not base:
            return None
        lows = [a.low for a in base]
        highs = [float("inf") if a.high is None else a.high for a in base]
        part_low, part_high = max(lows), min(highs)
        if part_low > part_high:  # the document disagrees with itself: take its widest
            part_low, part_high = min(lows), max(highs)
        low += part_low + sum(a.low for a in added)
        high += part_high + sum(float("inf") if a.high is None else a.high for a in added)
        parts.extend(base + added)
    return low, high, parts


def _describe(account: Account) -> str:
    claim = account.claim
    who = account.source.name if account.source else "an unknown source"
    return f"{who} ({claim.quote!r})"


@dataclass(frozen=True)
class Range:
    """A reconciled low / best / high for one event and measure, and how it was made."""

    rule: str
    measure: str
    low: float | None
    best: float | None
    high: float | None
    inputs: tuple[str, ...]  # the claim ids counted
    shown: tuple[str, ...]  # claim ids shown but not counted (aligned sources)


RangeRule = Callable[[str, Sequence[Account]], Range]
RULES: dict[str, RangeRule] = {}
DEFAULT_RULE = "reconcile.ucdp.v1"


def rule(name: str) -> Callable[[RangeRule], RangeRule]:
    """Register a range rule under its versioned name."""

    def register(func: RangeRule) -> RangeRule:
        RULES[name] = func
        return func

    return register


@rule("reconcile.conservative.v1")
def conservative(measure: str, accounts: Sequence[Account]) -> Range:
    credible = [a for a in accounts if not (a.source and a.source.reliability in ("E", "F"))]
    counted = credible or list(accounts)
    if not counted:
        return Range("reconcile.conservative.v1", measure, None, None, None, (), ())
    lowest = min(counted, key=lambda a: (a.point, a.claim.id))
    return Range(
        "reconcile.conservative.v1",
        measure,
        lowest.point,
        lowest.point,
        lowest.point,
        _ids(counted),
        _ids(a for a in accounts if a not in counted),
    )


@rule("reconcile.ucdp.v1")
def ucdp(measure: str, accounts: Sequence[Account]) -> Range:
    if not accounts:
        return Range("reconcile.ucdp.v1", measure, None, None, None, (), ())
    low = min(a.low for a in accounts)
    highs = [a.high for a in accounts]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    candidates = [a for a in accounts if a.independent] or list(accounts)
    most_reliable = min(
        candidates,
        key=lambda a: (
            RELIABILITY_ORDER.get(a.source.reliability if a.source else None, 6),
            _width(a),
            a.claim.id,
        ),
    )
    return Range("reconcile.ucdp.v1", measure, low, most_reliable.point, high, _ids(accounts), ())


@rule("reconcile.independent-median.v1")
def independent_median(measure: str, accounts: Sequence[Account]) -> Range:
    counted = [a for a in accounts if a.independent]
    shown = _ids(a for a in accounts if not a.independent)
    if not counted:
        return Range("reconcile.independent-median.v1", measure, None, None, None, (), shown)
    points = sorted(a.point for a in counted)
    highs = [a.high for a in counted]
    return Range(
        "reconcile.independent-median.v1",
        measure,
        min(a.low for a in counted),
        statistics.median(points),
        None if any(h is None for h in highs) else max(h for h in highs if h is not None),
        _ids(counted),
        shown,
    )


def _width(account: Account) -> float:
    return float("inf") if account.high is None else account.high - account.low


def _ids(accounts: Iterable[Account]) -> tuple[str, ...]:
    return tuple(sorted(a.claim.id for a in accounts))


def reconcile(measure: str, accounts: Sequence[Account], rule_name: str = DEFAULT_RULE) -> Range:
    """The range `rule_name` makes of one event's accounts of `measure`; parts of groups
    ("including four nurses") are shown but not counted."""
    of_measure = [a for a in accounts if a.claim.measure == measure]
    counted = [a for a in of_measure if not a.part]
    result = RULES[rule_name](measure, counted if len(counted) < len(of_measure) else of_measure)
    parts = tuple(a.claim.id for a in of_measure if a.part)
    if not parts:
        return result
    return replace(result, shown=tuple(sorted(result.shown + parts)))


def credibility(account: Account, others: Sequence[Account]) -> int:
    """Admiralty credibility 1-6 of a claim, from corroboration by independent sources.

    1: two or more other independent sources agree; 2: one does; 3: none agrees and none
    disagrees; 4: an independent source disagrees and none agrees; 5: two or more
    disagree and none agrees; 6: no other account of this event and measure.
    """
    same = [
        o
        for o in others
        if o.claim.id != account.claim.id
        and o.claim.measure == account.claim.measure
        and not (o.source and account.source and o.source.id == account.source.id)
    ]
    if not same:
        return 6
    agree = {
        o.source.id for o in same if o.independent and o.source and compare(account, o) is None
    }
    disagree = {o.source.id for o in same if o.independent and o.source and compare(account, o)}
    if len(agree) >= 2:
        return 1
    if agree:
        return 2
    if len(disagree) >= 2:
        return 5
    if disagree:
        return 4
    return 3
