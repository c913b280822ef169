"""Throughput of the date finder, `tellings.extract.dates.find_dates`, in words per second.

By default it times a generated corpus of ordinary report prose: sentences about people,
places, counts and money, about one in five of them dated in one of the ways the grammar
reads. With --files it times the given text files instead, repeated up to --words words
(for example the seed documents, which hold far more dates than ordinary prose). Words are
counted with str.split(); every figure is the median of --runs runs, each over the whole
corpus, paragraph by paragraph with one DateContext as a caller would use it.

    python benchmarks/bench_dates.py                       # 1,000,000 words, 5 runs
    python benchmarks/bench_dates.py --files ../shared/seeds/*.txt
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import random
import statistics
import sys
import time
from pathlib import Path

if importlib.util.find_spec("tellings") is None:  # run from a checkout, not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tellings.extract.dates import DateContext, find_dates

PLAIN = [
    "The delegation met local officials and aid workers at the northern gate of the camp.",
    "Residents said the water supply had been cut and the clinic was short of medicine.",
    "A spokesman for the ministry declined to comment on the number of people detained.",
    "Some 3,400 people lived in the compound, most of them in prefabricated trailers.",
    "The agency estimated that relocation would cost about $525 million over several years.",
    "Observers from two embassies asked to visit the site but were refused entry.",
    "Witnesses described armoured vehicles and bulldozers moving along the perimeter road.",
    "The report lists 17 recommendations, of which only four have been carried out.",
    "Families of the missing men held a vigil outside the provincial council building.",
    "Human rights groups called for an independent inquiry into the deaths.",
    "The camp lies roughly 60 kilometres north of the capital, near a dry riverbed.",
    "Negotiators said progress had been slow and that trust between the sides was low.",
    "Nearly 40 percent of the tents were damaged when the storm hit the valley.",
    "Police said the convoy was stopped at a checkpoint because of missing paperwork.",
    "The hospital treated dozens of patients for smoke inhalation and minor injuries.",
    "Lawyers for the detainees argued that the transfers breached international law.",
    "The court may rule on the appeal once the new evidence has been reviewed.",
    "Volunteers distributed blankets, food parcels and bottled water to 1,200 families.",
    "Satellite images appear to show new earthworks along the eastern fence.",
    "The governor promised that electricity would be restored within a few days.",
]
DATED = [
    "On 8 April 2011 soldiers entered the camp and opened fire on residents.",
    "Talks resumed in early 2009, after months of delay.",
    "The last transfer ended on October 12, 2016, the agency said.",
    "Between 2003 and 2013 the camp was attacked several times.",
    "Clashes on July 28-29, 2009 left at least eleven dead.",
    "The siege lasted from February 2012 to September 2013.",
    "Shelling resumed last week, residents said on Sunday.",
    "The camp was founded in 1986 and expanded in the 1990s.",
    "By the end of 2012 most families had been moved.",
    "In the summer of 2010 the water supply failed again.",
    "Two days later the convoy returned to the capital.",
    "Since 2009 access to the camp has been restricted.",
]


def ordinary_prose(words: int, seed: int = 7) -> list[str]:
    """Paragraphs of about 60 words, about one sentence in five dated, `words` in all."""
    pick = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < words:
        sentences = [
            pick.choice(DATED) if pick.random() < 0.2 else pick.choice(PLAIN) for _ in range(4)
        ]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph.split())
    return paragraphs


def from_files(paths: list[Path], words: int) -> list[str]:
    """The files' paragraphs (blank-line separated), repeated up to `words` words."""
    source = [
        block
        for path in paths
        for block in path.read_text(encoding="utf-8").split("\n\n")
        if block.strip()
    ]
    if not source:
        raise SystemExit("no text in the files given")
    paragraphs: list[str] = []
    total = 0
    while total < words:
        for block in source:
            paragraphs.append(block)
            total += len(block.split())
    return paragraphs


def run(paragraphs: list[str]) -> tuple[float, int]:
    """Seconds to scan every paragraph in order, and the number of dates found."""
    context = DateContext("2016-09-14")
    found = 0
    start = time.perf_counter()
    for paragraph in paragraphs:
        found += len(find_dates(paragraph, context))
    return time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="corpus size in words")
    parser.add_argument("--runs", type=int, default=5, help="runs (median shown)")
    parser.add_argument("--files", type=Path, nargs="*", help="text files to time instead")
    args = parser.parse_args()
    if args.files:
        paragraphs, label = from_files(args.files, args.words), f"{len(args.files)} file(s)"
    else:
        paragraphs, label = ordinary_prose(args.words), "generated report prose"
    words = sum(len(p.split()) for p in paragraphs)
    chars = sum(len(p) for p in paragraphs)
    timings = [run(paragraphs) for _ in range(args.runs)]
    seconds = statistics.median(t for t, _ in timings)
    found = timings[0][1]
    print(f"python {platform.python_version()} on {platform.system()} {platform.machine()}")
    print(f"{label}: {words:,} words, {chars:,} characters, {len(paragraphs):,} paragraphs")
    print(f"dates found: {found:,} ({found / words * 1000:.1f} per 1,000 words)")
    print(f"median of {args.runs} runs: {seconds:.3f} s")
    print(f"{words / seconds:,.0f} words/s  ({chars / seconds / 1e6:.1f} M characters/s)")


if __name__ == "__main__":
    main()
