"""Interval logic, unit conversions and range rules on claims built for the tests."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tellings.model import Claim, Source
from tellings.reconcile import Account, compare, conflicts, credibility, reconcile


def claim(
    n: int,
    low: float,
    high: float | None,
    *,
    measure: str = "killed",
    qualifier: str = "exact",
    value: float | None = None,
    unit: str | None = None,
    normalised: tuple[float, float | None, str] | None = None,
    rule: str = "count.subject_verb.v1",
    document: str = "doc",
    victims: str | None = None,
) -> Claim:
    return Claim(
        id=f"c{n}",
        document_id=f"{document}{n}",
        measure=measure,
        low=low,
        high=high,
        qualifier=qualifier,
        start=0,
        end=5,
        quote=f"quote {n}",
        prefix="",
        suffix="",
        rule=rule,
        extractor="x",
        value=value if value is not None else low,
        unit=unit,
        normalised_low=normalised[0] if normalised else None,
        normalised_high=normalised[1] if normalised else None,
        normalised_unit=normalised[2] if normalised else None,
        victims=victims,
    )


def source(
    n: int, kind: str = "ngo", reliability: str | None = None, affiliation: str | None = None
) -> Source:
    return Source(f"s{n}", f"Source {n}", kind, affiliation, reliability)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ((11, 11), (13, 13), True),  # 11 vs 13 killed
        ((9, None), (11, 11), False),  # "at least 9" fits 11
        ((450, 500), (360, 440), True),  # "nearly 500" vs "about 400"
        ((200, 999), (318, 318), False),  # "hundreds" fits 318
        ((0, 34), (36, 36), True),  # "as many as 34" vs 36
        ((101, None), (116, 116), False),  # "more than 100" fits 116
        ((24, 99), (40, 99), False),  # dozens and scores overlap
    ],
)
def test_intervals_decide_conflicts(
    a: tuple[int, int | None], b: tuple[int, int | None], conflict: bool
) -> None:
    first = Account(claim(1, *a), source(1))
    second = Account(claim(2, *b), source(2))
    assert (compare(first, second) is not None) is conflict
    assert (compare(second, first) is not None) is conflict


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # 14 square miles is 36.26 km2; "approximately 36 km2" and "36 km2" fit it.
        ((14, "sq mi", (36.26, 36.26, "km2")), (36, "km2", (36.0, 36.0, "km2")), False),
        ((14, "sq mi", (36.26, 36.26, "km2")), (36, "km2", (32.4, 39.6, "km2")), False),
        # 60 miles is 96.56 km: "96 km" fits within the stated tolerance.
        ((60, "mi", (96.56, 96.56, "km")), (96, "km", (96.0, 96.0, "km")), False),
        # Half a square kilometre and 0.6 km2 are the same unit: a real difference.
        ((0.5, "km2", (0.5, 0.5, "km2")), (0.6, "km2", (0.6, 0.6, "km2")), True),
        # 44 miles (70.8 km) is not 60 miles.
        ((44, "mi", (70.81, 70.81, "km")), (60, "mi", (96.56, 96.56, "km")), True),
    ],
)
def test_facts_compare_after_unit_conversion(
    a: tuple[float, str, tuple[float, float, str]],
    b: tuple[float, str, tuple[float, float, str]],
    conflict: bool,
) -> None:
    measure = "area" if "km2" in a[2][2] else "distance"
    # Distances are compared only when both are measured to the same named place.
    to = "baghdad" if measure == "distance" else None
    first = Account(
        claim(1, a[0], a[0], measure=measure, unit=a[1], normalised=a[2], victims=to), source(1)
    )
    second = Account(
        claim(2, b[0], b[0], measure=measure, unit=b[1], normalised=b[2], victims=to), source(2)
    )
    assert (compare(first, second) is not None) is conflict


def test_distances_to_unnamed_or_different_places_are_not_compared() -> None:
    def distance(n: int, to: str | None) -> Account:
        return Account(
            claim(
                n,
                n * 10,
                n * 10,
                measure="distance",
                unit="mi",
                normalised=(n * 16.09, n * 16.09, "km"),
                victims=to,
            ),
            source(n),
        )

    assert compare(distance(1, None), distance(6, None)) is None
    assert compare(distance(1, "baghdad"), distance(6, "tehran")) is None
    assert compare(distance(1, "baghdad"), distance(6, "baghdad")) is not None


def test_different_measures_parts_and_revisions_are_not_conflicts() -> None:
    abducted = Account(claim(1, 36, 36, measure="abducted"), source(1))
    detained = Account(claim(2, 36, 36, measure="detained"), source(2))
    assert compare(abducted, detained) is None
    whole = Account(claim(3, 7, 7, measure="abducted"), source(1))
    part = Account(claim(4, 6, 6, measure="abducted", rule="count.sub_count.v1"), source(2))
    assert compare(whole, part) is None
    early = Account(claim(5, 20, 20), source(1), "2013-09-02")
    later = Account(claim(6, 52, 52), source(1), "2013-09-05")
    assert compare(early, later) is None


intervals = st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(0, 40))).map(
    lambda t: (t[0], None if t[1] is None else t[0] + t[1])
)


@settings(max_examples=150, deadline=None)
@given(st.lists(intervals, min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_the_verdict_does_not_depend_on_the_order_of_claims(
    spans: list[tuple[int, int | None]], rng: random.Random
) -> None:
    accounts = [Account(claim(n, low, high), source(n)) for n, (low, high) in enumerate(spans)]
    shuffled = accounts[:]
    rng.shuffle(shuffled)

    def pairs(found: list[object]) -> set[frozenset[str]]:
        return {frozenset((c.a.claim.id, c.b.claim.id)) for c in found}  # type: ignore[attr-defined]

    assert pairs(conflicts(accounts)) == pairs(conflicts(shuffled))
    for rule in (
        "reconcile.conservative.v1",
        "reconcile.ucdp.v1",
        "reconcile.independent-median.v1",
    ):
        assert reconcile("killed", accounts, rule) == reconcile("killed", shuffled, rule)


@settings(max_examples=150, deadline=None)
@given(intervals)
def test_a_claim_never_conflicts_with_itself(span: tuple[int, int | None]) -> None:
    account = Account(claim(1, *span), source(1))
    assert compare(account, account) is None
    assert conflicts([account, account]) == []


@settings(max_examples=150, deadline=None)
@given(intervals, intervals)
def test_a_conflict_is_exactly_disjoint_intervals(
    a: tuple[int, int | None], b: tuple[int, int | None]
) -> None:
    first, second = Account(claim(1, *a), source(1)), Account(claim(2, *b), source(2))
    a_high = float("inf") if a[1] is None else a[1]
    b_high = float("inf") if b[1] is None else b[1]
    disjoint = a_high < b[0] or b_high < a[0]
    assert (compare(first, second) is not None) is disjoint


def test_the_range_rules() -> None:
    un = Account(claim(1, 36, 36), source(1, "un", reliability="A"))
    ngo = Account(claim(2, 0, 34, qualifier="at_most", value=34), source(2, "ngo", "B"))
    party = Account(claim(3, 40, 40), source(3, "affiliated", "C", affiliation="residents"))
    accounts = [un, ngo, party]
    conservative = reconcile("killed", accounts, "reconcile.conservative.v1")
    assert (conservative.low, conservative.best, conservative.high) == (34, 34, 34)
    ucdp = reconcile("killed", accounts, "reconcile.ucdp.v1")
    assert (ucdp.low, ucdp.best, ucdp.high) == (0, 36, 40)
    median = reconcile("killed", accounts, "reconcile.independent-median.v1")
    assert median.best == 35 and median.inputs == ("c1", "c2") and median.shown == ("c3",)


def test_credibility_from_independent_corroboration() -> None:
    a = Account(claim(1, 52, 52), source(1))
    b = Account(claim(2, 52, 52), source(2))
    c = Account(claim(3, 50, 60, qualifier="range"), source(3))
    d = Account(claim(4, 12, 12), source(4))
    everyone = [a, b, c, d]
    assert credibility(a, everyone) == 1
    assert credibility(d, everyone) == 5
    assert credibility(a, [a]) == 6
    assert credibility(a, [a, d]) == 4
    for x, y in itertools.permutations(everyone, 2):
        assert (compare(x, y) is None) == (compare(y, x) is None)


def test_totals_against_the_sum_of_their_parts() -> None:
    from dataclasses import replace as with_

    from tellings.reconcile import sum_conflicts

    # One source gives the three raids as 10, 20 and 30 killed.
    parts = [
        [Account(with_(claim(n, v, v), document_id="wire"), source(9))]
        for n, v in ((1, 10), (2, 20), (3, 30))
    ]
    said_three = Account(with_(claim(4, 75, 75), scope_events=3), source(8))
    unscoped_big = Account(claim(5, 500, 500), source(8))
    unscoped_small = Account(claim(6, 40, 40), source(8))
    fits = Account(with_(claim(7, 60, 60), scope_events=3), source(8))
    found = {
        c.a.claim.id: c
        for c in sum_conflicts([said_three, unscoped_big, unscoped_small, fits], parts)
    }
    assert set(found) == {"c4", "c6"}  # 75 ≠ 60 for exactly these raids; 40 < 60
    assert (found["c4"].parts_low, found["c4"].parts_high) == (60, 60)
    assert "add up to 60" in found["c4"].why
