"""Throughput of the number finder, `tellings.extract.numbers.find_counts`, in words/s.

Generates news-like prose (default 200,000 words): sentences of common words with, now
and then, a figure of the kinds the finder reads (digits, number words, qualifiers,
vague words, units, years and dates it must skip), about one token in 25. Times
`find_counts` over the whole text --runs times and prints the median.

    python benchmarks/bench_numbers.py
    python benchmarks/bench_numbers.py --words 1000000 --runs 7
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

from tellings.extract.numbers import find_counts

VOCABULARY = """
the a of to in and on for with at by from as that said was were has had have been is are
it its they their this which who after before during while when where forces government
officials security residents camp police army soldiers militia village town city province
capital border statement report agency ministry spokesman witnesses sources hospital
doctors attack raid assault fighting clashes shelling rockets mortar convoy checkpoint
road bridge area district members families people civilians children women men killed
wounded injured arrested detained missing displaced fled returned entered surrounded
opened fire early morning late night week month year today yesterday later earlier
according told reporters added denied confirmed reported claimed responsibility
international human rights group united nations council envoy visit talks agreement
ceasefire aid water electricity food supplies medical teams local national regional
north south east west near
"""
WORDS = VOCABULARY.split()

FIGURES = (
    "52", "3,200", "at least 11", "nearly 500", "some 3,400", "more than 1,300",
    "about 1,000", "dozens", "hundreds", "tens of thousands", "several", "a few",
    "two", "seven", "Thirty-six", "four to eight", "between 30 and 40", "as many as 34",
    "$10.7 million", "approx. $525 million", "96 kilometers", "60 miles", "over 90 percent",
    "14 square miles", "two and a half weeks", "16-month", "no one", "in 2009",
    "on 28 July 2009", "since 2003", "March 3, 2014", "at 10:30", "p. 45", "Article 45",
    "F-4", "one of them", "the first",
)  # fmt: skip


def make_prose(words: int, seed: int = 11) -> str:
    """News-like text of about `words` words, one figure in about 25 tokens."""
    rng = random.Random(seed)
    sentences: list[str] = []
    count = 0
    while count < words:
        tokens = rng.choices(WORDS, k=rng.randint(12, 28))
        for _ in range(len(tokens) // 12):
            if rng.random() < 0.8:
                tokens.insert(rng.randrange(len(tokens)), rng.choice(FIGURES))
        sentence = " ".join(tokens)
        count += sentence.count(" ") + 1
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000, help="words of prose")
    parser.add_argument("--runs", type=int, default=5, help="runs (median shown)")
    args = parser.parse_args()
    text = make_prose(args.words)
    words = len(text.split())
    find_counts(text)  # warm-up
    seconds = []
    found = 0
    for _ in range(args.runs):
        start = time.perf_counter()
        found = len(find_counts(text))
        seconds.append(time.perf_counter() - start)
    median = statistics.median(seconds)
    print(f"python {platform.python_version()} on {platform.system()} {platform.machine()}")
    print(f"{words:,} words, {len(text) / 1e6:.1f} MB, {found:,} mentions; median of {args.runs}")
    print(f"find_counts: {median * 1e3:.1f} ms, {words / median:,.0f} words/s")


if __name__ == "__main__":
    main()
