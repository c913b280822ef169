"""The ledger core: canonical entries, the Merkle tree, signed checkpoints and proofs.

Pure functions over bytes and text, with no storage: `canonical_json` turns an
entry into the bytes that are hashed (RFC 8785), `merkle` builds the tree and
its proofs (RFC 9162 §2.1), `checkpoint` signs tree heads with Ed25519, and
`proof` checks an inclusion proof offline.
"""

from __future__ import annotations

from .canonical import MAX_SAFE_INTEGER, canonical_json
from .checkpoint import (
    SIGNATURE_PREFIX,
    Checkpoint,
    SigningKey,
    key_id,
    parse_checkpoint,
    sign_checkpoint,
    verify_checkpoint,
)
from .merkle import (
    EMPTY_ROOT,
    HASH_SIZE,
    CompactRange,
    MerkleTree,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root,
    verify_consistency,
    verify_inclusion,
)
from .proof import InclusionProof, check_inclusion_proof

__all__ = [
    "EMPTY_ROOT",
    "HASH_SIZE",
    "MAX_SAFE_INTEGER",
    "SIGNATURE_PREFIX",
    "Checkpoint",
    "CompactRange",
    "InclusionProof",
    "MerkleTree",
    "SigningKey",
    "canonical_json",
    "check_inclusion_proof",
    "consistency_proof",
    "inclusion_proof",
    "key_id",
    "leaf_hash",
    "node_hash",
    "parse_checkpoint",
    "root",
    "sign_checkpoint",
    "verify_checkpoint",
    "verify_consistency",
    "verify_inclusion",
]
