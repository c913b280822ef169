"""Throughput of the ledger core: canonical JSON, leaf hashing, tree heads and proofs.

Appends N entries shaped like ledger entries through canonical_json -> leaf_hash
-> CompactRange.append, then times roots and proofs over the N-leaf tree. Every
figure is the median of --runs runs.

    python benchmarks/bench_merkle.py               # 1,000,000 entries, 3 runs
    python benchmarks/bench_merkle.py --entries 100000 --runs 5
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if importlib.util.find_spec("tellings") is None:  # run from a checkout, not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tellings.ledger.canonical import canonical_json
from tellings.ledger.merkle import (
    CompactRange,
    MerkleTree,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    root,
    verify_consistency,
    verify_inclusion,
)

_POOL = 1000  # distinct `data` payloads, reused so that building entries costs little


def _data(i: int) -> dict[str, Any]:
    """Return a 10-field payload like a claim's, mixing ASCII, non-ASCII, ints and nulls."""
    return {
        "claim_id": f"c{i:08d}",
        "document": f"{i * 2654435761 % 2**32:08x}" * 8,
        "source": f"Source n°{i % 97}",
        "page": i % 400,
        "offset": i * 37 % 100_000,
        "length": 40 + i % 300,
        "text": f"Le témoin {i % 13} déclare avoir vu le convoi passer à {i % 24}h.",
        "confidence": i % 5,
        "disputed": i % 7 == 0,
        "supersedes": None if i % 3 else f"c{i - 1:08d}",
    }


def _entry(n: int, pool: list[dict[str, Any]]) -> dict[str, Any]:
    return {"seq": n, "kind": "claim.added", "at": "2026-11-23T05:00:00Z", "data": pool[n % _POOL]}


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _append_run(n: int, pool: list[dict[str, Any]]) -> tuple[dict[str, float], list[bytes]]:
    """Time each stage over n entries; return seconds per stage, and the leaf hashes."""
    seconds: dict[str, float] = {}

    def pipeline() -> CompactRange:
        compact = CompactRange()
        for i in range(n):
            compact.append(leaf_hash(canonical_json(_entry(i, pool))))
        return compact

    seconds["pipeline"], _ = _timed(pipeline)
    seconds["build entry dicts (overhead)"], _ = _timed(lambda: [_entry(i, pool) for i in range(n)])

    encoded: list[bytes] = []

    def encode() -> None:
        append = encoded.append
        for i in range(n):
            append(canonical_json(_entry(i, pool)))

    seconds["canonical_json (incl. dict)"], _ = _timed(encode)
    leaves: list[bytes] = []
    seconds["leaf_hash"], _ = _timed(lambda: leaves.extend(leaf_hash(e) for e in encoded))
    compact = CompactRange()
    seconds["CompactRange.append"], _ = _timed(lambda: compact.extend(leaves))
    return seconds, leaves


def _proof_run(leaves: list[bytes]) -> dict[str, float]:
    """Time roots and proofs over the full tree; return seconds per operation."""
    n = len(leaves)
    index, old = n // 3, n // 2 + 1
    seconds: dict[str, float] = {}
    seconds["root() over all leaves"], head = _timed(lambda: root(leaves))
    seconds["inclusion_proof (stand-alone)"], path = _timed(
        lambda: inclusion_proof(leaves, index, n)
    )
    seconds["consistency_proof (stand-alone)"], cons = _timed(
        lambda: consistency_proof(leaves, old, n)
    )
    seconds["MerkleTree build"], tree = _timed(lambda: MerkleTree(leaves))
    assert isinstance(tree, MerkleTree) and isinstance(head, bytes)
    assert isinstance(path, list) and isinstance(cons, list)
    seconds["MerkleTree.inclusion_proof"], _ = _timed(lambda: tree.inclusion_proof(index, n))
    seconds["MerkleTree.consistency_proof"], _ = _timed(lambda: tree.consistency_proof(old, n))
    seconds["verify_inclusion"], ok1 = _timed(
        lambda: verify_inclusion(leaves[index], index, n, path, head)
    )
    old_root = tree.root(old)
    seconds["verify_consistency"], ok2 = _timed(
        lambda: verify_consistency(old, n, old_root, head, cons)
    )
    assert ok1 and ok2, "proofs must verify"
    return seconds


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _fmt_seconds(s: float) -> str:
    if s >= 1:
        return f"{s:8.2f} s "
    if s >= 1e-3:
        return f"{s * 1e3:8.2f} ms"
    return f"{s * 1e6:8.1f} µs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000, help="ledger size")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median shown)")
    args = parser.parse_args()
    n, runs = args.entries, args.runs
    pool = [_data(i) for i in range(_POOL)]

    appends = []
    leaves: list[bytes] = []
    for _ in range(runs):
        seconds, leaves = _append_run(n, pool)
        appends.append(seconds)
    proofs = [_proof_run(leaves) for _ in range(runs)]

    print(f"python {platform.python_version()} on {platform.system()} {platform.machine()},")
    print(f"{os.cpu_count()} CPUs, {_cpu_model()}; {n:,} entries, median of {runs} runs")
    sample = len(canonical_json(_entry(0, pool)))
    print(f"entry size: {sample} bytes of canonical JSON\n")
    print(f"{'append stage':<34} {'time':>11} {'entries/s':>12}")
    for name in appends[0]:
        s = statistics.median(run[name] for run in appends)
        print(f"{name:<34} {_fmt_seconds(s):>11} {n / s:>12,.0f}")
    print(f"\n{'tree of ' + format(n, ',') + ' leaves':<34} {'time':>11}")
    for name in proofs[0]:
        s = statistics.median(run[name] for run in proofs)
        print(f"{name:<34} {_fmt_seconds(s):>11}")


if __name__ == "__main__":
    main()
