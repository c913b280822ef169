"""Merkle tree hashing, proofs and verification as defined in RFC 9162 §2.1.

The ledger is an append-only list of entries D[0:n]; its tree head is the
Merkle Tree Hash MTH(D[0:n]) with SHA-256 and the RFC 6962/9162 domain
separation (0x00 before a leaf, 0x01 before two child hashes), so any tool
built for Certificate Transparency logs computes the same roots and proofs.

Everything here works on leaf *hashes* (`leaf_hash(entry)`), 32 bytes each:

* `root` computes MTH over a list of leaf hashes;
* `CompactRange` keeps a running tree head in O(log n) memory while leaves
  are appended, so a store never rereads old leaves to sign a new head;
* `inclusion_proof` / `verify_inclusion` and `consistency_proof` /
  `verify_consistency` are the RFC 9162 §2.1.3 and §2.1.4 algorithms;
* `MerkleTree` caches every complete subtree hash once (O(n) time, 32 bytes
  per leaf) so that many proofs over the same leaves cost O(log n) each,
  instead of O(n) each for the stand-alone proof functions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "EMPTY_ROOT",
    "HASH_SIZE",
    "CompactRange",
    "MerkleTree",
    "consistency_proof",
    "inclusion_proof",
    "leaf_hash",
    "node_hash",
    "root",
    "verify_consistency",
    "verify_inclusion",
]

#: Size in bytes of every hash in the tree (SHA-256).
HASH_SIZE = 32

#: MTH({}) = SHA-256 of the empty string, the root of the empty tree (RFC 9162 §2.1.1).
EMPTY_ROOT = hashlib.sha256(b"").digest()

_LEAF_PREFIX = b"\x00"
_NODE_PREFIX = b"\x01"
_sha256 = hashlib.sha256

SubtreeHash = Callable[[int, int], bytes]


def leaf_hash(entry: bytes) -> bytes:
    """Return MTH({d}) = SHA-256(0x00 || entry), the hash of one leaf (RFC 9162 §2.1.1).

    The 0x00 prefix keeps a leaf from ever hashing like an inner node, which
    is what makes second-preimage attacks on the tree impossible.
    """
    return _sha256(_LEAF_PREFIX + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Return SHA-256(0x01 || left || right), the hash of an inner node (RFC 9162 §2.1.1)."""
    return _sha256(_NODE_PREFIX + left + right).digest()


def root(leaf_hashes: Sequence[bytes]) -> bytes:
    """Return MTH(D[0:n]) for the given leaf hashes (RFC 9162 §2.1.1).

    The RFC defines MTH recursively, splitting at the largest power of two
    below n. Hashing level by level and carrying an unpaired last node up
    unchanged builds exactly that tree, in O(n) time without recursion.
    The empty tree's root is `EMPTY_ROOT`.
    """
    level = list(leaf_hashes)
    if not level:
        return EMPTY_ROOT
    sha256, prefix = _sha256, _NODE_PREFIX
    while len(level) > 1:
        paired = [
            sha256(prefix + level[i] + level[i + 1]).digest() for i in range(0, len(level) - 1, 2)
        ]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def _split(n: int) -> int:
    """Return k, the largest power of two smaller than n (n > 1), where RFC 9162 §2.1.1 splits."""
    return 1 << ((n - 1).bit_length() - 1)


class CompactRange:
    """A running Merkle tree head over leaves appended one at a time.

    Holds one hash per set bit of the tree size: the roots of the perfect
    subtrees the leaves so far decompose into, largest (leftmost) first. That
    is O(log n) memory, each append costs amortised one node hash, and `root()`
    folds at most log2(n) hashes. A store persists `size` and `hashes` next to
    its last entry and resumes with `from_state` instead of rereading leaves.
    """

    __slots__ = ("_hashes", "_size")

    def __init__(self) -> None:
        self._size = 0
        self._hashes: list[bytes] = []

    @classmethod
    def from_state(cls, size: int, hashes: Sequence[bytes]) -> CompactRange:
        """Return a range resumed from a saved `size` and `hashes`.

        Raises `ValueError` if the number of hashes does not match the number
        of perfect subtrees a tree of that size has, or a hash is not 32 bytes.
        """
        if size < 0:
            raise ValueError(f"tree size must not be negative, got {size}")
        if len(hashes) != size.bit_count():
            raise ValueError(
                f"a tree of size {size} has {size.bit_count()} subtree hashes, got {len(hashes)}"
            )
        for h in hashes:
            _check_hash(h, "subtree hash")
        compact = cls()
        compact._size = size
        compact._hashes = [bytes(h) for h in hashes]
        return compact

    @property
    def size(self) -> int:
        """The number of leaves appended so far."""
        return self._size

    @property
    def hashes(self) -> tuple[bytes, ...]:
        """The perfect-subtree roots, largest first: the state to persist with `size`."""
        return tuple(self._hashes)

    def copy(self) -> CompactRange:
        """Return an independent copy, e.g. to compute a head without committing appends."""
        return CompactRange.from_state(self._size, self._hashes)

    def append(self, leaf: bytes) -> None:
        """Add the next leaf hash, merging equal-sized subtrees as a binary counter carries."""
        if len(leaf) != HASH_SIZE:
            raise ValueError(f"a leaf hash is {HASH_SIZE} bytes, got {len(leaf)}")
        hashes = self._hashes
        n = self._size
        h = leaf
        # Each trailing 1 bit of the old size is a perfect subtree of the same
        # height as the one being carried: join them (RFC 9162 §2.1.1).
        while n & 1:
            h = _sha256(_NODE_PREFIX + hashes.pop() + h).digest()
            n >>= 1
        hashes.append(h)
        self._size += 1

    def extend(self, leaves: Iterable[bytes]) -> None:
        """Append every leaf hash in `leaves`, in order."""
        for leaf in leaves:
            self.append(leaf)

    def root(self) -> bytes:
        """Return MTH of the leaves so far; `EMPTY_ROOT` when there are none.

        The right-most subtree is the deepest in the RFC 9162 §2.1.1 split, so
        the subtree roots fold from the right.
        """
        if not self._hashes:
            return EMPTY_ROOT
        it = reversed(self._hashes)
        h = next(it)
        for left in it:
            h = _sha256(_NODE_PREFIX + left + h).digest()
        return h

    def __repr__(self) -> str:
        return f"CompactRange(size={self._size})"


def inclusion_proof(leaf_hashes: Sequence[bytes], index: int, size: int) -> list[bytes]:
    """Return the audit path PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, deepest hash first.

    With it and the tree head of `size`, anyone holding leaf `index` can check
    it is in the tree. Costs O(size): every hash outside the leaf's own path is
    folded once. Use `MerkleTree` for many proofs over the same leaves.
    Raises `ValueError` unless 0 <= index < size <= len(leaf_hashes).
    """
    _check_range(index, size, len(leaf_hashes), "index")
    return _inclusion_path(index, size, _slice_hasher(leaf_hashes))


def consistency_proof(leaf_hashes: Sequence[bytes], old_size: int, new_size: int) -> list[bytes]:
    """Return PROOF(old_size, D[0:new_size]) of RFC 9162 §2.1.4.1.

    It shows that the tree of `new_size` leaves extends the tree of `old_size`
    leaves without changing them. Empty when old_size is 0 or equal to
    new_size (nothing to prove). Costs O(new_size); see `MerkleTree`.
    Raises `ValueError` unless 0 <= old_size <= new_size <= len(leaf_hashes).
    """
    _check_sizes(old_size, new_size, len(leaf_hashes))
    return _consistency_path(old_size, new_size, _slice_hasher(leaf_hashes))


def verify_inclusion(
    leaf_hash: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> bool:
    """Return True iff `proof` shows the leaf at `index` is in the tree of `size` with `root`.

    The RFC 9162 §2.1.3.2 algorithm: walk from the leaf to the root, the bits
    of `index` telling on which side each path hash goes; the path must be
    used up exactly when the root is reached. Any hash of the wrong length
    fails the check. The path pins `index` but not `size` exactly (trees of
    3 and 4 leaves share leaf 0's path), so `size` and `root` must come from
    the same signed checkpoint.
    """
    if not 0 <= index < size:
        return False
    if len(leaf_hash) != HASH_SIZE or len(root) != HASH_SIZE:
        return False
    fn, sn = index, size - 1
    r = leaf_hash
    for p in proof:
        if sn == 0 or len(p) != HASH_SIZE:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            # On the right edge of an unbalanced tree, skip the levels where
            # the node has no sibling (RFC 9162 §2.1.3.2 step 4).
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """Return True iff `proof` shows tree (`new_size`, `new_root`) extends (`old_size`, `old_root`).

    The RFC 9162 §2.1.4.2 algorithm rebuilds both roots from the one path.
    Equal sizes need equal roots and an empty proof; the empty tree (size 0,
    root `EMPTY_ROOT`) is extended by every tree and needs an empty proof.
    As with inclusion, the proof pins `old_size` but not `new_size` exactly,
    so each size must come with its root from a signed checkpoint.
    """
    if not 0 <= old_size <= new_size:
        return False
    if len(old_root) != HASH_SIZE or len(new_root) != HASH_SIZE:
        return False
    if any(len(p) != HASH_SIZE for p in proof):
        return False
    if old_size == new_size:
        return not proof and old_root == new_root and (old_size > 0 or old_root == EMPTY_ROOT)
    if old_size == 0:
        return not proof and old_root == EMPTY_ROOT
    # Step 1: an empty path cannot prove anything between different sizes.
    if not proof:
        return False
    path = list(proof)
    # Step 2: when the old tree is perfect, its root is itself a node of the
    # new tree and the proof leaves it out.
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    # Steps 3-4.
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    # Steps 5-6.
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    # Step 7.
    return fr == old_root and sr == new_root and sn == 0


class MerkleTree:
    """Leaf hashes plus the hash of every complete subtree, for fast repeated proofs.

    Building costs one pass over the leaves (n - 1 node hashes) and keeps
    32 bytes per leaf besides the leaf list itself. Afterwards any MTH(D[a:b])
    an RFC 9162 proof needs is made of at most log2(n) cached perfect
    subtrees, so `root`, `inclusion_proof` and `consistency_proof` cost
    O(log n) for every tree size up to `size`. The leaf list is not copied
    and must not change while the tree is in use.
    """

    __slots__ = ("_leaves", "_levels")

    def __init__(self, leaf_hashes: Sequence[bytes]) -> None:
        self._leaves = leaf_hashes
        # _levels[h - 1] holds, concatenated, the roots of the perfect subtrees
        # of height h: node i covers leaves [i * 2**h, (i + 1) * 2**h).
        self._levels: list[bytes] = []
        sha256, prefix = _sha256, _NODE_PREFIX
        n = len(leaf_hashes)
        if n < 2:
            return
        level = b"".join(
            sha256(prefix + leaf_hashes[i] + leaf_hashes[i + 1]).digest()
            for i in range(0, n - 1, 2)
        )
        while True:
            self._levels.append(level)
            if len(level) < 2 * HASH_SIZE:
                break
            level = b"".join(
                sha256(prefix + level[i : i + 2 * HASH_SIZE]).digest()
                for i in range(0, len(level) - 2 * HASH_SIZE + 1, 2 * HASH_SIZE)
            )

    @property
    def size(self) -> int:
        """The number of leaves."""
        return len(self._leaves)

    def root(self, size: int | None = None) -> bytes:
        """Return MTH(D[0:size]), the tree head at `size` (default: all leaves)."""
        size = self.size if size is None else size
        _check_sizes(size, size, self.size)
        return self._subtree(0, size) if size else EMPTY_ROOT

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """Return PATH(index, D[0:size]) as `inclusion_proof` does, in O(log n)."""
        size = self.size if size is None else size
        _check_range(index, size, self.size, "index")
        return _inclusion_path(index, size, self._subtree)

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        """Return PROOF(old_size, D[0:new_size]) as `consistency_proof` does, in O(log n)."""
        new_size = self.size if new_size is None else new_size
        _check_sizes(old_size, new_size, self.size)
        return _consistency_path(old_size, new_size, self._subtree)

    def _subtree(self, start: int, end: int) -> bytes:
        """Return MTH(D[start:end]) from the cached perfect subtrees.

        D[start:end] splits into perfect subtrees following the binary digits
        of its size, largest first; they are aligned (and so cached) because
        every subtree an RFC 9162 proof names starts at a multiple of the
        power of two its size rounds up to. Their roots fold from the right.
        """
        parts: list[bytes] = []
        pos = start
        remaining = end - start
        while remaining:
            height = remaining.bit_length() - 1
            width = 1 << height
            if pos % width:
                # Not a subtree the proof algorithms ask for; stay correct anyway.
                return root(self._leaves[start:end])
            if height == 0:
                parts.append(self._leaves[pos])
            else:
                i = (pos >> height) * HASH_SIZE
                parts.append(self._levels[height - 1][i : i + HASH_SIZE])
            pos += width
            remaining -= width
        h = parts.pop()
        while parts:
            h = node_hash(parts.pop(), h)
        return h

    def __repr__(self) -> str:
        return f"MerkleTree(size={self.size})"


def _slice_hasher(leaf_hashes: Sequence[bytes]) -> SubtreeHash:
    """Return a function giving MTH(D[start:end]) by hashing that slice afresh."""

    def subtree(start: int, end: int) -> bytes:
        return root(leaf_hashes[start:end])

    return subtree


def _inclusion_path(index: int, size: int, subtree: SubtreeHash) -> list[bytes]:
    """Return PATH(index, D[0:size]) (RFC 9162 §2.1.3.1), given MTH of any D[start:end].

    The RFC's recursion, unrolled: going down from the root, record the hash of
    the half that does not hold the leaf; the path lists them bottom-up.
    """
    path: list[bytes] = []
    start, end = 0, size
    while end - start > 1:
        k = _split(end - start)
        if index < start + k:
            path.append(subtree(start + k, end))
            end = start + k
        else:
            path.append(subtree(start, start + k))
            start += k
    path.reverse()
    return path


def _consistency_path(old_size: int, new_size: int, subtree: SubtreeHash) -> list[bytes]:
    """Return PROOF(old_size, D[0:new_size]) (RFC 9162 §2.1.4.1), given MTH of any D[start:end].

    SUBPROOF(m, D[start:end], b) unrolled: `m` counts old leaves within the
    current subtree and `whole` is the RFC's flag b, true while the current
    subtree is the root of the old tree itself.
    """
    if old_size == 0 or old_size == new_size:
        return []
    path: list[bytes] = []
    m, start, end, whole = old_size, 0, new_size, True
    while m != end - start:
        k = _split(end - start)
        if m <= k:
            path.append(subtree(start + k, end))
            end = start + k
        else:
            path.append(subtree(start, start + k))
            start += k
            m -= k
            whole = False
    if not whole:
        path.append(subtree(start, end))
    path.reverse()
    return path


def _check_hash(h: bytes, what: str) -> None:
    """Raise `ValueError` unless `h` is a 32-byte hash."""
    if len(h) != HASH_SIZE:
        raise ValueError(f"a {what} is {HASH_SIZE} bytes, got {len(h)}")


def _check_range(index: int, size: int, available: int, what: str) -> None:
    """Raise `ValueError` unless 0 <= index < size <= available."""
    if not 0 <= index < size:
        raise ValueError(f"{what} {index} is outside a tree of size {size}")
    if size > available:
        raise ValueError(f"tree size {size} exceeds the {available} leaves given")


def _check_sizes(old_size: int, new_size: int, available: int) -> None:
    """Raise `ValueError` unless 0 <= old_size <= new_size <= available."""
    if not 0 <= old_size <= new_size:
        raise ValueError(f"tree sizes must satisfy 0 <= old <= new, got {old_size} and {new_size}")
    if new_size > available:
        raise ValueError(f"tree size {new_size} exceeds the {available} leaves given")
