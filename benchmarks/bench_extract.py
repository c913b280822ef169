"""Extraction speed: words/s from stored text to claims, with memory kept flat.

Generates documents of news-like prose (counts, dates, places, attributions) one at a
time and extracts their claims, without keeping either: the corpus is streamed, so
peak memory must not grow with its size. Prints words/s and peak RSS for each corpus
size, and the ratio of the largest to the smallest (flat memory: about 1).

    python benchmarks/bench_extract.py                       # 1M and 5M words, 3 runs
    python benchmarks/bench_extract.py --words 1000000 --runs 1
"""

from __future__ import annotations

import argparse
import calendar
import random
import resource
import statistics
import time
from collections.abc import Iterator

from _common import machine

from tellings.extract.claims import extract_claims
from tellings.extract.gazetteer import Gazetteer

PLACES = ("Camp Ashraf", "Camp Liberty", "Baghdad", "Diyala Province", "Basra", "Fallujah")
ACTORS = ("Iraqi forces", "a militia", "security forces", "unknown gunmen", "the army")
MONTHS = tuple(calendar.month_name[1:])
TEMPLATES = (
    "On {day} {month} {year}, {actor} attacked {place}, killing {n} residents and wounding {m}.",
    "According to a monitor, at least {n} people were killed in {place} on {month} {day}.",
    "Nearly {m} residents were injured when rockets struck {place}.",
    "Officials said {n} men were detained and some {m} families were displaced.",
    "The statement did not give any figure for the dead, but witnesses spoke of dozens hurt.",
    "The camp, {n} miles from the border, had been home to about {k} people since {year}.",
    "Residents described the night as the worst since the siege began in {year}.",
    "A spokesman for {actor} denied the account and said the operation was lawful.",
    "Human rights groups called for an independent inquiry into the events of {month} {year}.",
    "{N} prisoners were taken hostage and moved to an unknown location.",
)
# Sentences without figures: most of a real report is narrative, not numbers.
NARRATIVE = (
    "The residents had asked for protection many times, the letter to the envoy recalls.",
    "Lawyers for the families said the case would be taken to a court abroad.",
    "The government's statement was read out on state television the same evening.",
    "Convoys of buses waited at the gate while negotiations went on into the night.",
    "Diplomats in {place} said they had raised the matter with the ministry twice.",
    "Access for journalists and independent observers remained restricted for weeks.",
    "The report was published after months of interviews with survivors and officials.",
    "It is not clear who gave the order, and no inquiry has so far named anyone.",
)
NUMBER_WORDS = ("Two", "Three", "Five", "Seven", "Eleven", "Thirty-six", "Fifty-two")


def documents(words: int, seed: int = 11) -> Iterator[tuple[str, int]]:
    """(text, word count) of generated documents until about `words` words."""
    rng = random.Random(seed)
    total = 0
    while total < words:
        paragraphs = []
        for _ in range(rng.randint(6, 14)):
            sentences = [
                rng.choice(TEMPLATES if rng.random() < 0.3 else NARRATIVE).format(
                    day=rng.randint(1, 28),
                    month=rng.choice(MONTHS),
                    year=rng.randint(2003, 2016),
                    actor=rng.choice(ACTORS),
                    place=rng.choice(PLACES),
                    n=rng.randint(2, 60),
                    m=rng.randint(10, 500),
                    k=rng.randint(1, 4) * 1000 + rng.randint(0, 999),
                    N=rng.choice(NUMBER_WORDS),
                )
                for _ in range(rng.randint(3, 6))
            ]
            paragraphs.append(" ".join(sentences))
        text = "Report\n\n" + "\n\n".join(paragraphs) + "\n"
        count = len(text.split())
        total += count
        yield text, count


def run(words: int, gazetteer: Gazetteer) -> tuple[float, int, int]:
    """Seconds spent extracting, words read and claims found, over a streamed corpus."""
    spent, read, found = 0.0, 0, 0
    for n, (text, count) in enumerate(documents(words)):
        started = time.perf_counter()
        found += len(extract_claims(text, f"doc{n}", published="2016-01-01", gazetteer=gazetteer))
        spent += time.perf_counter() - started
        read += count
    return spent, read, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    gazetteer = Gazetteer.default()
    print(f"machine: {machine()}")
    peaks = []
    for words in sorted(args.words):
        speeds = []
        for _ in range(args.runs):
            seconds, read, found = run(words, gazetteer)
            speeds.append(read / seconds)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        peaks.append(peak)
        print(
            f"{read:>10,} words, {found:,} claims: median {statistics.median(speeds):,.0f} "
            f"words/s (runs: {', '.join(f'{s:,.0f}' for s in speeds)}); peak RSS {peak:.0f} MB"
        )
    if len(peaks) > 1:
        print(f"peak RSS, largest corpus / smallest: {peaks[-1] / peaks[0]:.2f}")


if __name__ == "__main__":
    main()
