"""Grouping and reconciling speed: generated claims into events, conflicts and ranges.

Generates claims in memory (accounts of incidents at a few hundred sites over 20 years,
each incident told by several sources with dates of day or month precision, some
undated, some totals over periods), then times `resolve_events` and, for every event,
its conflicts (pairs, and for a period its totals against the sums of its events) and
its range under every rule. Prints seconds, claims/s and peak RSS for
each size; the ratio of times shows how the cost grows.

    python benchmarks/bench_events.py                      # 100,000 and 1,000,000 claims
    python benchmarks/bench_events.py --claims 2000000 --runs 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import time

from _common import machine

from tellings.model import Claim, Source
from tellings.reconcile import RULES, Account, conflicts, reconcile, sum_conflicts
from tellings.resolve import Event, resolve_events

MEASURES = ("killed", "wounded", "abducted", "detained", "displaced")


def generate(count: int, seed: int = 5) -> list[Claim]:
    """`count` claims: about six accounts per incident, 300 sites, 2000-2019."""
    rng = random.Random(seed)
    claims: list[Claim] = []
    first = dt.date(2000, 1, 1)
    incident = 0
    while len(claims) < count:
        incident += 1
        day = first + dt.timedelta(days=rng.randrange(20 * 365))
        site = f"site-{rng.randrange(300)}"
        truth = rng.randint(1, 200)
        for account in range(rng.randint(3, 9)):
            if len(claims) >= count:
                break
            roll = rng.random()
            if roll < 0.6:
                date = day.isoformat()
            elif roll < 0.9:
                date = day.strftime("%Y-%m")
            elif roll < 0.97:
                date = None
            else:
                date = f"{day.year}/{day.year + 2}"
            figure = max(0, truth + rng.randint(-5, 5))
            n = len(claims)
            claims.append(
                Claim(
                    id=f"c{n}",
                    document_id=f"d{incident}-{account}",
                    measure=rng.choice(MEASURES),
                    low=figure,
                    high=figure,
                    qualifier="exact",
                    start=n % 5000,
                    end=n % 5000 + 20,
                    quote="...",
                    prefix="",
                    suffix="",
                    rule="count.subject_verb.v1",
                    extractor="x",
                    value=figure,
                    event_date=date,
                    period=date is not None and "/" in date,
                    place_id=site,
                    event_type="attack",
                    sentence_start=n % 5000,
                )
            )
    return claims


def run(claims: list[Claim], sources: list[Source]) -> tuple[float, int, int]:
    started = time.perf_counter()
    events = resolve_events(claims)
    by_id = {event.id: event for event in events}
    clashes = 0

    def accounts_of(event: Event) -> list[Account]:
        return [Account(c, sources[hash(c.document_id) % len(sources)]) for c in event.claims]

    for event in events:
        accounts = accounts_of(event)
        clashes += len(conflicts(accounts))
        if event.kind == "period" and event.children:
            children = [accounts_of(by_id[c]) for c in event.children if c in by_id]
            clashes += len(sum_conflicts(accounts, children))
        for measure in {c.measure for c in event.claims}:
            for name in RULES:
                reconcile(measure, accounts, name)
    return time.perf_counter() - started, len(events), clashes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sources = [
        Source(f"s{i}", f"Source {i}", ("ngo", "news", "un", "government")[i % 4])
        for i in range(40)
    ]
    print(f"machine: {machine()}")
    results = []
    for size in sorted(args.claims):
        claims = generate(size)
        times = []
        for _ in range(args.runs):
            seconds, events, clashes = run(claims, sources)
            times.append(seconds)
        median = statistics.median(times)
        results.append((size, median))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{size:>10,} claims -> {events:,} events, {clashes:,} conflicts: median "
            f"{median:.1f} s ({size / median:,.0f} claims/s; runs "
            f"{', '.join(f'{t:.1f}' for t in times)}); peak RSS {peak:,.0f} MB"
        )
        del claims
    if len(results) > 1:
        (small, t_small), (large, t_large) = results[0], results[-1]
        print(f"{large / small:.0f}x the claims took {t_large / t_small:.1f}x the time")


if __name__ == "__main__":
    main()
