"""Offline inclusion proofs: show one ledger entry is in a signed tree, without the collection.

An `InclusionProof` bundles everything a third party needs:

* `entry`: the ledger entry, the exact canonical JSON text that was hashed;
* `index` and `size`: the entry's position and the size of the signed tree;
* `path`: the RFC 9162 §2.1.3.1 audit path, hashes in lower-case hex;
* `checkpoint`: the signed note for that tree size (see `checkpoint`);
* `public_key`: the signer's raw Ed25519 public key in lower-case hex.

`check_inclusion_proof` checks it with the standard library and `cryptography`
only. It proves the entry is in the tree the key signed; that the key is the
collection's own must be checked against a copy obtained some other way (pass
it as `trusted_public_key`, or compare `key_id`s).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import LedgerTampered
from .checkpoint import key_id, verify_checkpoint
from .merkle import leaf_hash, verify_inclusion

__all__ = ["InclusionProof", "check_inclusion_proof"]

_FIELDS = ("entry", "index", "size", "path", "checkpoint", "public_key")
_HASH_HEX_RE = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class InclusionProof:
    """Evidence that `entry` is leaf `index` of the signed ledger tree of `size` entries."""

    entry: str
    index: int
    size: int
    path: list[str]
    checkpoint: str
    public_key: str

    def to_json(self) -> dict[str, Any]:
        """Return the proof as a JSON object (a dict), ready for `json.dumps`."""
        return {
            "entry": self.entry,
            "index": self.index,
            "size": self.size,
            "path": list(self.path),
            "checkpoint": self.checkpoint,
            "public_key": self.public_key,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str | bytes) -> InclusionProof:
        """Return the proof held in a JSON object, or in the JSON text of one.

        Checks the shape only: exactly the six fields, with the right JSON
        types. Raises `LedgerTampered` saying which field is wrong; whether
        the proof holds is for `check_inclusion_proof`.
        """
        if isinstance(data, str | bytes):
            data = _loads(data)
        if not isinstance(data, Mapping):
            raise LedgerTampered("malformed proof: expected a JSON object")
        missing = [name for name in _FIELDS if name not in data]
        if missing:
            raise LedgerTampered(f"malformed proof: missing {', '.join(missing)}")
        unknown = sorted(str(name) for name in data if name not in _FIELDS)
        if unknown:
            raise LedgerTampered(f"malformed proof: unknown field {', '.join(unknown)}")
        for name in ("entry", "checkpoint", "public_key"):
            if not isinstance(data[name], str):
                raise LedgerTampered(f"malformed proof: {name} must be a string")
        for name in ("index", "size"):
            value = data[name]
            if not isinstance(value, int) or isinstance(value, bool):
                raise LedgerTampered(f"malformed proof: {name} must be an integer")
        path = data["path"]
        if not isinstance(path, list) or not all(isinstance(h, str) for h in path):
            raise LedgerTampered("malformed proof: path must be a list of strings")
        return cls(
            entry=data["entry"],
            index=data["index"],
            size=data["size"],
            path=list(path),
            checkpoint=data["checkpoint"],
            public_key=data["public_key"],
        )


def check_inclusion_proof(
    proof: InclusionProof | Mapping[str, Any], *, trusted_public_key: bytes | None = None
) -> None:
    """Return None if the proof holds; raise `LedgerTampered` saying what fails otherwise.

    The proof holds when (1) the checkpoint's signature verifies with the
    proof's public key (and that key is `trusted_public_key`, if given),
    (2) the checkpoint signs a tree of exactly `size` entries, and (3) the
    entry's leaf hash, combined with `path` as RFC 9162 §2.1.3.2 describes,
    gives the checkpoint's root. A dict is read with `InclusionProof.from_json`.
    """
    # Re-read even an `InclusionProof`, whose fields Python does not type-check.
    proof = InclusionProof.from_json(
        proof.to_json() if isinstance(proof, InclusionProof) else proof
    )
    if not _HASH_HEX_RE.fullmatch(proof.public_key):
        raise LedgerTampered(
            "malformed proof: public_key must be 64 lower-case hex digits (an Ed25519 key)"
        )
    public = bytes.fromhex(proof.public_key)
    if trusted_public_key is not None and public != trusted_public_key:
        raise LedgerTampered(
            f"the proof is signed by key {key_id(public)}, not by the trusted key "
            f"{key_id(trusted_public_key)}"
        )
    head = verify_checkpoint(proof.checkpoint, public)
    if proof.size != head.size:
        raise LedgerTampered(
            f"the proof is for a tree of {proof.size} entries, but its checkpoint signs {head.size}"
        )
    if not 0 <= proof.index < proof.size:
        raise LedgerTampered(
            f"entry index {proof.index} is outside the signed tree of {proof.size} entries"
        )
    for i, h in enumerate(proof.path):
        if not _HASH_HEX_RE.fullmatch(h):
            raise LedgerTampered(f"malformed proof: path[{i}] is not 64 lower-case hex digits")
    needed = _path_length(proof.index, proof.size)
    if len(proof.path) != needed:
        raise LedgerTampered(
            f"the path has {len(proof.path)} hashes, but entry {proof.index} of a tree of "
            f"{proof.size} entries needs {needed}"
        )
    try:
        entry = proof.entry.encode("utf-8")
    except UnicodeEncodeError:
        raise LedgerTampered("malformed proof: the entry is not valid Unicode text") from None
    path = [bytes.fromhex(h) for h in proof.path]
    if not verify_inclusion(leaf_hash(entry), proof.index, proof.size, path, head.root):
        raise LedgerTampered(
            f"entry {proof.index} and its path do not lead to the signed root of "
            f"{head.size} entries: the entry, its index or a path hash was altered"
        )


def _path_length(index: int, size: int) -> int:
    """Return how many hashes PATH(index, D[0:size]) has (RFC 9162 §2.1.3.1).

    Below the highest level where `index` and the last leaf part ways, every
    level contributes a sibling; above it, only levels where `index` is a
    right child do, the others lying on the tree's unbalanced right edge.
    """
    inner = (index ^ (size - 1)).bit_length()
    return inner + (index >> inner).bit_count()


def _loads(text: str | bytes) -> Any:
    """Return parsed JSON, refusing duplicate keys and non-standard constants (NaN)."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            raise LedgerTampered("malformed proof: a JSON object repeats a key")
        return dict(pairs)

    def no_constant(name: str) -> Any:
        raise LedgerTampered(f"malformed proof: {name} is not JSON")

    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constant)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LedgerTampered(f"malformed proof: not JSON ({exc})") from None
