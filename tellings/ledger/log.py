"""The collection's ledger: append entries, sign tree heads, prove inclusion.

Every change to the record is one entry, `{"seq", "kind", "at", "data"}` in
canonical JSON (RFC 8785). Its leaf hash joins an RFC 9162 Merkle tree; after each
batch the tree head is signed into a checkpoint.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import CollectionError
from ..store.base import CheckpointRow, LedgerRow, Store
from .canonical import canonical_json
from .checkpoint import Checkpoint, SigningKey, sign_checkpoint
from .merkle import CompactRange, inclusion_proof, leaf_hash
from .proof import InclusionProof


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds, the form every entry records."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


#: The stored kind of an entry held as its leaf hash only: a copy imported from a
#: bundle that withheld it (docs/bundle.md). Its `entry` bytes are empty.
WITHHELD_KIND = "withheld"


class Ledger:
    """Append-only entries over a store, signed with the collection's key.

    A copy imported from a bundle holds only the public half of its key (`key` is
    None): it can be read and verified, but it cannot record or sign anything.
    """

    def __init__(
        self, store: Store, key: SigningKey | None, origin: str, public_key: bytes | None = None
    ) -> None:
        if key is None and public_key is None:
            raise ValueError("a ledger needs its signing key or, for a copy, its public key")
        self.store = store
        self.key = key
        self.origin = origin
        self.public_key = key.public_bytes() if key is not None else public_key or b""

    def _signing_key(self) -> SigningKey:
        if self.key is None:
            raise CollectionError(
                f"{self.store.path}: this collection is a copy of {self.origin} imported "
                "from a bundle; it holds only that collection's public key, so it cannot "
                "record or sign changes (import the bundle into another collection to add to it)"
            )
        return self.key

    def append(self, kind: str, data: Mapping[str, Any], at: str | None = None) -> int:
        """Append one entry inside the caller's transaction; return its position."""
        return self.append_many(kind, [data], at=at)[0]

    def append_many(
        self, kind: str, items: Iterable[Mapping[str, Any]], at: str | None = None
    ) -> list[int]:
        """Append entries of one kind in one write; return their positions."""
        self._signing_key()
        at = at or utc_now()
        seq = self.store.ledger_size()
        rows = []
        for data in items:
            entry = canonical_json({"seq": seq, "kind": kind, "at": at, "data": dict(data)})
            rows.append(LedgerRow(seq, kind, entry, leaf_hash(entry)))
            seq += 1
        self.store.append_ledger(rows)
        return [row.seq for row in rows]

    def size(self) -> int:
        return self.store.ledger_size()

    def entry(self, seq: int) -> dict[str, Any] | None:
        """The entry at `seq`, decoded, or None when there is none.

        An entry a copy holds as its leaf hash only reads as kind `withheld`, no data.
        """
        row = self.store.get_ledger_entry(seq)
        return None if row is None else decode_entry(row)

    def checkpoint(self) -> CheckpointRow | None:
        """Sign the current tree head if entries were added since the last checkpoint.

        Returns the new checkpoint, or None when the last one already covers the ledger.
        """
        size = self.store.ledger_size()
        previous = self.store.checkpoints()
        if previous and previous[-1].size >= size:
            return None
        tree = CompactRange()
        for leaf in self.store.iter_leaf_hashes(0, size):
            tree.append(leaf)
        key = self._signing_key()
        head = Checkpoint(origin=self.origin, size=size, root=tree.root(), timestamp=utc_now())
        row = CheckpointRow(size, head.root, sign_checkpoint(key, head), head.timestamp)
        with self.store.transaction():
            self.store.add_checkpoint(row)
        return row

    def proof(self, seq: int) -> InclusionProof:
        """An inclusion proof of entry `seq` in the newest checkpoint that covers it.

        The proof can be checked without the collection (`check_inclusion_proof`).
        """
        row = self.store.get_ledger_entry(seq)
        if row is None:
            raise LookupError(f"the ledger has no entry {seq}")
        if is_withheld(row):
            raise LookupError(
                f"entry {seq} was withheld from the bundle this collection was imported "
                "from: only its leaf hash is held here"
            )
        covering = [c for c in self.store.checkpoints() if c.size > seq]
        if not covering:
            raise LookupError(f"entry {seq} is not yet covered by a signed checkpoint")
        head = covering[-1]
        leaves = list(self.store.iter_leaf_hashes(0, head.size))
        path = inclusion_proof(leaves, seq, head.size)
        return InclusionProof(
            entry=row.entry.decode("utf-8"),
            index=seq,
            size=head.size,
            path=[p.hex() for p in path],
            checkpoint=head.note,
            public_key=self.public_key.hex(),
        )


def is_withheld(row: LedgerRow) -> bool:
    """True when the store holds this entry as its leaf hash only."""
    return row.kind == WITHHELD_KIND and not row.entry


def decode_entry(row: LedgerRow) -> dict[str, Any]:
    """A stored entry as a dict; a withheld one as `{"seq", "kind": "withheld", "at": None,
    "data": {}}`, since its content is not held."""
    if is_withheld(row):
        return {"seq": row.seq, "kind": WITHHELD_KIND, "at": None, "data": {}}
    return dict(json.loads(row.entry))
