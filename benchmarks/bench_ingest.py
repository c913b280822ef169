"""Ingest throughput: documents/s and MB/s into a fresh SQLite collection.

Generates a corpus of plain-text documents (default 10,000, about 3 KB each), then
ingests the folder into a new collection, --runs times; prints the medians.

    python benchmarks/bench_ingest.py
    python benchmarks/bench_ingest.py --documents 2000 --runs 5
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from _common import machine, median_of

import tellings

WORDS = [
    "the",
    "camp",
    "residents",
    "said",
    "forces",
    "entered",
    "on",
    "morning",
    "and",
    "at",
    "least",
    "people",
    "were",
    "killed",
    "wounded",
    "according",
    "to",
    "a",
    "statement",
    "issued",
    "by",
    "monitors",
    "who",
    "visited",
    "site",
    "later",
    "week",
    "officials",
    "denied",
    "any",
    "use",
    "of",
    "force",
    "while",
    "witnesses",
    "described",
    "rockets",
    "falling",
    "near",
    "trailers",
    "in",
    "the",
    "north",
    "of",
    "compound",
]


def make_corpus(folder: Path, documents: int, seed: int = 7) -> int:
    """Write `documents` text files of generated prose; return their total bytes."""
    rng = random.Random(seed)
    total = 0
    for n in range(documents):
        sentences = []
        for _ in range(rng.randint(20, 40)):
            words = rng.choices(WORDS, k=rng.randint(8, 22))
            if rng.random() < 0.3:
                words.insert(rng.randrange(len(words)), str(rng.randint(2, 400)))
            sentences.append(" ".join(words).capitalize() + ".")
        text = f"Report {n}\n\n" + "\n\n".join(
            " ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)
        )
        path = folder / f"{n // 1000:03d}" / f"report_{n:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = make_corpus(corpus, args.documents)
        run_no = 0

        def once() -> float:
            nonlocal run_no
            run_no += 1
            db = Path(tmp) / f"run{run_no}.db"
            started = time.perf_counter()
            with tellings.open(db) as collection:
                report = collection.ingest([corpus])
            elapsed = time.perf_counter() - started
            assert len(report.added) == args.documents, report.failed[:3]
            db.unlink()
            return elapsed

        seconds, values = median_of(args.runs, once)
    print(f"machine: {machine()}")
    print(f"corpus: {args.documents:,} text documents, {size / 1e6:.1f} MB")
    print(f"runs (s): {', '.join(f'{v:.2f}' for v in values)}")
    print(
        f"median: {seconds:.2f} s = {args.documents / seconds:,.0f} documents/s, "
        f"{size / 1e6 / seconds:.2f} MB/s"
    )


if __name__ == "__main__":
    main()
