"""Ledger speed: appends/s through the SQLite store in batches, and verify MB/s.

Appends --entries claim-shaped entries in transactions of --batch entries, then
signs a checkpoint; separately stores --originals MB of originals and times a full
`verify` (re-hash every original, recompute every leaf and the tree, check every
signature and table). Medians of --runs runs.

    python benchmarks/bench_ledger.py
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
import time
from pathlib import Path

from _common import machine, median_of

import tellings
from tellings.collection import Collection


def claim_data(i: int) -> dict[str, object]:
    return {
        "id": f"c{i:010d}",
        "document": hashlib.sha256(str(i % 5000).encode()).hexdigest(),
        "measure": ("killed", "wounded", "abducted", "detained")[i % 4],
        "low": i % 400,
        "high": i % 400 + (i % 3),
        "qualifier": "exact",
        "start": i * 13 % 100_000,
        "end": i * 13 % 100_000 + 24,
        "quote": f"{i % 400} residents were killed",
        "rule": "count.harm_verb.v1",
    }


def appends(tmp: Path, entries: int, batch: int) -> tuple[float, float]:
    """Seconds to append `entries` in batches, and seconds to sign the checkpoint."""
    db = tmp / f"ledger{time.monotonic_ns()}.db"
    with tellings.open(db) as collection:
        ledger = collection.ledger
        started = time.perf_counter()
        for first in range(0, entries, batch):
            items = [claim_data(i) for i in range(first, min(entries, first + batch))]
            with collection.store.transaction():
                ledger.append_many("claim.added", items)
        appended = time.perf_counter() - started
        started = time.perf_counter()
        ledger.checkpoint()
        signed = time.perf_counter() - started
    db.unlink()
    return appended, signed


def originals(tmp: Path, megabytes: int) -> Collection:
    """A collection holding `megabytes` MB of originals, in 5 MB text files."""
    folder = tmp / "originals"
    folder.mkdir(exist_ok=True)
    chunk = 5 * 1024 * 1024
    for n in range(max(1, megabytes // 5)):
        body = os.urandom(chunk // 2).hex()  # text, so the text reader accepts it
        (folder / f"blob{n:04d}.txt").write_text(body[:chunk], encoding="ascii")
    collection = tellings.open(tmp / "originals.db")
    report = collection.ingest([folder])
    assert report.ok, report.failed[:3]
    return collection


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--originals", type=int, default=500, help="MB of originals")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        results = [appends(tmp, args.entries, args.batch) for _ in range(args.runs)]
        append_s = sorted(r[0] for r in results)[len(results) // 2]
        sign_s = sorted(r[1] for r in results)[len(results) // 2]
        collection = originals(tmp, args.originals)
        stored = collection.store.originals_size()

        def verify_once() -> float:
            report = collection.verify()
            assert report.ok, [str(f) for f in report.findings]
            return report.seconds

        verify_s, values = median_of(args.runs, verify_once)
        collection.close()
    print(f"machine: {machine()}")
    print(
        f"appends: {args.entries:,} entries in batches of {args.batch:,}: median "
        f"{append_s:.2f} s = {args.entries / append_s:,.0f} appends/s; checkpoint over "
        f"{args.entries:,} leaves signed in {sign_s:.2f} s"
    )
    print(
        f"verify: {stored / 1e6:,.0f} MB of originals, runs "
        f"{', '.join(f'{v:.2f}' for v in values)} s: median {verify_s:.2f} s = "
        f"{stored / 1e6 / verify_s:,.0f} MB/s"
    )


if __name__ == "__main__":
    main()
