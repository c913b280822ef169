"""Check a collection against its own signed record.

`verify_store` re-hashes every stored original, recomputes every leaf and the tree,
checks every checkpoint's signature and the consistency of each checkpoint with the
next (RFC 9162 §2.1.4), and replays the ledger to compare it with the tables. Each
problem is a `Finding` that says what is wrong and where.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from .errors import LedgerTampered
from .ledger.canonical import canonical_json
from .ledger.checkpoint import key_id, parse_checkpoint, verify_checkpoint
from .ledger.log import is_withheld
from .ledger.merkle import MerkleTree, leaf_hash, verify_consistency
from .projection import REPLAYERS, Rows, compare, empty_rows
from .store.base import CheckpointRow, Store

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One problem: how serious, which part of the record, where, and what."""

    severity: Severity
    area: str
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.area}: {self.where}: {self.what}"


@dataclass
class VerifyReport:
    """Every finding of a verification, and what was checked."""

    findings: list[Finding] = field(default_factory=list)
    entries: int = 0
    checkpoints: int = 0
    originals: int = 0
    original_bytes: int = 0
    seconds: float = 0.0
    key_id: str | None = None
    withheld: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def error(self, area: str, where: str, what: str) -> None:
        self.findings.append(Finding("error", area, where, what))

    def warning(self, area: str, where: str, what: str) -> None:
        self.findings.append(Finding("warning", area, where, what))


def verify_store(store: Store, expect_key: str | None = None) -> VerifyReport:
    """Verify everything a store holds; the report lists each problem found."""
    started = time.perf_counter()
    report = VerifyReport()
    leaves, entries = _check_entries(store, report)
    public = _check_key(store, entries, report, expect_key)
    _check_checkpoints(store, leaves, public, report)
    if report.withheld:
        _check_withheld(store, report)
    expected = replay_entries(entries, report)
    _check_tables(store, expected, report)
    _check_originals(store, expected, report)
    report.seconds = time.perf_counter() - started
    return report


def _check_entries(store: Store, report: VerifyReport) -> tuple[list[bytes], list[dict[str, Any]]]:
    """Recompute every leaf; report gaps, reordering and edits entry by entry."""
    leaves: list[bytes] = []
    entries: list[dict[str, Any]] = []
    expected_seq = 0
    for row in store.iter_ledger():
        if row.seq != expected_seq:
            missing = (
                f"entry {expected_seq}"
                if row.seq == expected_seq + 1
                else f"entries {expected_seq} to {row.seq - 1}"
            )
            report.error("ledger", missing, "missing from the ledger (deleted)")
            # Keep positions aligned with the stored rows so later checks still run.
            expected_seq = row.seq
        expected_seq += 1
        if is_withheld(row):
            # Held as its leaf hash only; the signed roots still cover it.
            leaves.append(row.leaf_hash)
            entries.append({})
            report.withheld.append(row.seq)
            continue
        leaves.append(leaf_hash(row.entry))
        entries.append(check_entry(report, row.seq, row.entry, row.leaf_hash, row.kind))
    report.entries = len(leaves)
    return leaves, entries


def check_entry(
    report: VerifyReport,
    seq: int,
    data: bytes,
    stored_leaf: bytes | None = None,
    stored_kind: str | None = None,
) -> dict[str, Any]:
    """Check one entry's bytes at position `seq`; return it decoded ({} when unreadable).

    The bytes must be canonical JSON (RFC 8785) recording `seq` as its position;
    `stored_leaf` and `stored_kind`, when the entry is kept beside them, must agree.
    """
    where = f"entry {seq}"
    try:
        entry = json.loads(data)
        canonical = canonical_json(entry)
    except (ValueError, TypeError) as exc:
        report.error("ledger", where, f"is not a readable entry ({exc})")
        return {}
    if not isinstance(entry, dict):
        report.error("ledger", where, "is not a JSON object")
        return {}
    if stored_leaf is not None and leaf_hash(data) != stored_leaf:
        report.error(
            "ledger",
            where,
            "content no longer matches its recorded leaf hash (the entry was altered)",
        )
    if canonical != data:
        report.error("ledger", where, "is not in canonical form (the entry was edited)")
    if entry.get("seq") != seq:
        report.error(
            "ledger",
            where,
            f"says it is entry {entry.get('seq')}: entries were reordered, moved or inserted",
        )
    if stored_kind is not None and entry.get("kind") != stored_kind:
        report.error(
            "ledger", where, f"is stored as {stored_kind!r} but records {entry.get('kind')!r}"
        )
    return entry


def _check_key(
    store: Store, entries: list[dict[str, Any]], report: VerifyReport, expect_key: str | None
) -> bytes | None:
    """The public key the ledger was started with; report any replaced or broken key."""
    genesis = entries[0] if entries else {}
    if genesis.get("kind") != "collection.created":
        report.error("key", "entry 0", "the ledger does not start with the collection's creation")
        genesis_key = None
    else:
        genesis_key = bytes.fromhex(genesis["data"]["public_key"])
    keys = store.keys()
    if len(keys) != 1:
        report.error("key", "signing keys", f"expected one signing key, found {len(keys)}")
    for key in keys:
        # A copy imported from a bundle holds the public half only (docs/bundle.md).
        derived = (
            Ed25519PrivateKey.from_private_bytes(key.private_key)
            .public_key()
            .public_bytes(Encoding.Raw, PublicFormat.Raw)
            if key.private_key
            else key.public_key
        )
        if derived != key.public_key:
            report.error(
                "key",
                f"key {key.key_id}",
                "the private key does not belong to the stored public key (the key was replaced)",
            )
        if genesis_key is not None and key.public_key != genesis_key:
            report.error(
                "key",
                f"key {key.key_id}",
                "is not the key the collection was created "
                f"with ({key_id(genesis_key)}): the key was replaced",
            )
    public = genesis_key or (keys[0].public_key if keys else None)
    report.key_id = key_id(public) if public else None
    check_expected_key(report, expect_key)
    return public


def check_expected_key(report: VerifyReport, expect_key: str | None) -> None:
    """Report an error when `expect_key` is given and is not the key the record uses."""
    if expect_key and report.key_id != expect_key:
        report.error(
            "key", "collection", f"is signed by key {report.key_id}, not the expected {expect_key}"
        )


def _check_checkpoints(
    store: Store, leaves: list[bytes], public: bytes | None, report: VerifyReport
) -> None:
    checkpoints = store.checkpoints()
    if not check_checkpoints(report, checkpoints, leaves, public, "collection"):
        return
    signed = checkpoints[-1].size
    if len(leaves) > signed:
        report.error(
            "ledger",
            f"entries {signed} to {len(leaves) - 1}",
            "are not covered by a signed checkpoint: inserted behind the ledger's back, or left "
            "by a batch that was killed (`tellings log --from "
            f"{signed}` lists them; `tellings checkpoint` signs them once you trust them)",
        )


def check_checkpoints(
    report: VerifyReport,
    checkpoints: Sequence[CheckpointRow],
    leaves: Sequence[bytes],
    public: bytes | None,
    holder: str,
) -> bool:
    """Check each checkpoint's signature, its root against `leaves` and its consistency
    with the one before (RFC 9162 §2.1.4); return False when there is none to check.

    `holder` names what holds them (the collection, a bundle) in the findings.
    """
    report.checkpoints = len(checkpoints)
    if not checkpoints:
        report.error("checkpoint", holder, "has no signed checkpoint")
        return False
    tree = MerkleTree(leaves)
    previous: tuple[int, bytes] | None = None
    for row in checkpoints:
        where = f"checkpoint at size {row.size}"
        if public is None:
            report.error("checkpoint", where, "cannot be checked without the collection's key")
            continue
        try:
            head = verify_checkpoint(row.note, public)
        except LedgerTampered as exc:
            report.error("checkpoint", where, f"signature does not verify: {exc.message}")
            try:
                head, _, _ = parse_checkpoint(row.note)
            except (LedgerTampered, ValueError):
                continue
        if head.size != row.size or head.root != row.root:
            report.error(
                "checkpoint", where, "the stored size or root differs from the signed note"
            )
        if head.size > len(leaves):
            report.error(
                "ledger",
                where,
                f"signed {head.size} entries but the ledger holds only "
                f"{len(leaves)} (entries were deleted)",
            )
            continue
        if tree.root(head.size) != head.root:
            report.error(
                "ledger",
                where,
                "the entries no longer hash to the signed root (an entry "
                "up to this size was altered, removed, inserted or reordered)",
            )
        if previous is not None and previous[0] < head.size:
            proof = tree.consistency_proof(previous[0], head.size)
            if not verify_consistency(previous[0], head.size, previous[1], head.root, proof):
                report.error(
                    "checkpoint",
                    where,
                    f"is not consistent with the checkpoint at size "
                    f"{previous[0]}: the history was rewritten",
                )
        previous = (head.size, head.root)
    return True


def _check_withheld(store: Store, report: VerifyReport) -> None:
    """Entries held as leaf hashes only belong in a copy imported from a redacted bundle."""
    where = entry_runs(report.withheld)
    one = len(report.withheld) == 1
    signing_keys = store.keys()
    if any(key.private_key for key in signing_keys):
        report.error(
            "ledger",
            where,
            f"{'is held as its leaf hash' if one else 'are held as leaf hashes'} only, but "
            "this collection signs its own entries: the content was removed",
        )
    else:
        report.warning(
            "ledger",
            where,
            f"{'was' if one else 'were'} withheld from the bundle this copy was imported "
            "from: only leaf hashes are held, and the signed roots cover them",
        )


def entry_runs(indices: Sequence[int]) -> str:
    """'entry 4' or 'entries 4, 7-9, 12': positions written as runs."""
    runs: list[list[int]] = []
    for i in sorted(indices):
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    text = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
    return f"entry {text}" if len(indices) == 1 else f"entries {text}"


def replay_entries(entries: Sequence[dict[str, Any]], report: VerifyReport) -> Rows:
    """The tables as `entries` say they should be; warns of kinds this version does not know.

    Entries that are `{}` (unreadable or withheld) are skipped.
    """
    rows = empty_rows()
    for entry in entries:
        kind = entry.get("kind")
        if kind is None:
            continue
        replay = REPLAYERS.get(str(kind))
        if replay is None:
            report.warning(
                "ledger",
                f"entry {entry.get('seq')}",
                f"has a kind this version does not know ({kind!r})",
            )
            continue
        try:
            replay(rows, entry.get("data", {}))
        except (KeyError, TypeError, AttributeError):
            report.error(
                "ledger", f"entry {entry.get('seq')}", f"is not a well-formed {kind!r} entry"
            )
    return rows


def _check_tables(store: Store, expected: Rows, report: VerifyReport) -> None:
    for table, key, what in compare(expected, store.dump_projection()):
        report.error("table", f"{table} row {key}", what)


def _check_originals(store: Store, expected: Rows, report: VerifyReport) -> None:
    wanted = {doc_id: row.get("filename", "?") for doc_id, row in expected["documents"].items()}
    seen = set()
    for stored_sha, data in store.iter_originals():
        report.originals += 1
        report.original_bytes += len(data)
        seen.add(stored_sha)
        name = wanted.get(stored_sha)
        where = f"original {stored_sha[:12]}" + (f" ({name})" if name else "")
        if name is None:
            report.error("original", where, "is stored but no ledger entry records it (added)")
        if hashlib.sha256(data).hexdigest() != stored_sha:
            report.error(
                "original", where, "bytes no longer hash to its SHA-256 (the original was changed)"
            )
    for doc_id in sorted(set(wanted) - seen):
        report.error(
            "original",
            f"original {doc_id[:12]} ({wanted[doc_id]})",
            "is missing from the collection",
        )
