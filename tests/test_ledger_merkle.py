"""RFC 9162 §2.1 Merkle tree: reference vectors and properties of proofs."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tellings.ledger.merkle import (
    EMPTY_ROOT,
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

# The reference test vectors shared by the RFC 6962 implementations (Certificate
# Transparency's C++/Go code, now github.com/transparency-dev/merkle:
# testonly/constants.go and proof/verify_test.go).
LEAVES = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    b"\x50\x51\x52\x53\x54\x55\x56\x57",
    b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f",
]
LEAF_HASHES = [leaf_hash(d) for d in LEAVES]

# Root of the tree of the first `size` leaves, for size 0..8.
ROOTS = [
    bytes.fromhex(h)
    for h in (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    )
]

# Hashes of the complete subtrees: NODES[level][i] covers leaves [i*2**level, (i+1)*2**level).
NODES = [
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
        "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
    ],
    [
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    ],
    [
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
]

# (index, size, path): the reference inclusion proofs (given there with 1-based leaves).
INCLUSION_VECTORS = [
    (0, 1, []),
    (0, 8, [NODES[0][1], NODES[1][1], NODES[2][1]]),
    (5, 8, [NODES[0][4], NODES[1][3], NODES[2][0]]),
    (2, 3, [NODES[1][0]]),
    (1, 5, [NODES[0][0], NODES[1][1], NODES[0][4]]),
]

# (old size, new size, proof): the reference consistency proofs.
CONSISTENCY_VECTORS = [
    (1, 1, []),
    (1, 8, [NODES[0][1], NODES[1][1], NODES[2][1]]),
    (6, 8, [NODES[1][2], NODES[1][3], NODES[2][0]]),
    (2, 5, [NODES[1][1], NODES[0][4]]),
    (6, 7, [NODES[1][2], NODES[0][6], NODES[2][0]]),
]

# The perfect-subtree hashes a compact range holds at each size (largest first).
COMPACT_STATES = [
    [],
    [NODES[0][0]],
    [NODES[1][0]],
    [NODES[1][0], NODES[0][2]],
    [NODES[2][0]],
    [NODES[2][0], NODES[0][4]],
    [NODES[2][0], NODES[1][2]],
    [NODES[2][0], NODES[1][2], NODES[0][6]],
    [NODES[3][0]],
]


def _h(hexes: list[str]) -> list[bytes]:
    return [bytes.fromhex(h) for h in hexes]


def _leaves(n: int, salt: int = 0) -> list[bytes]:
    return [leaf_hash(f"{salt}:{i}".encode()) for i in range(n)]


def _flip(h: bytes, bit: int = 0) -> bytes:
    return bytes([h[0] ^ (1 << bit)]) + h[1:]


# -- reference vectors -------------------------------------------------------------


def test_reference_final_root() -> None:
    assert root(LEAF_HASHES).hex() == (
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    )


def test_reference_roots_for_every_size() -> None:
    tree = MerkleTree(LEAF_HASHES)
    compact = CompactRange()
    for size, expected in enumerate(ROOTS):
        assert root(LEAF_HASHES[:size]) == expected
        assert tree.root(size) == expected
        assert compact.root() == expected
        assert list(compact.hashes) == _h(COMPACT_STATES[size])
        if size < len(LEAF_HASHES):
            compact.append(LEAF_HASHES[size])


def test_reference_leaf_and_node_hashes() -> None:
    assert [h.hex() for h in LEAF_HASHES] == NODES[0]
    for level in range(1, 4):
        below = _h(NODES[level - 1])
        for i, expected in enumerate(NODES[level]):
            assert node_hash(below[2 * i], below[2 * i + 1]).hex() == expected


def test_empty_tree() -> None:
    assert hashlib.sha256(b"").digest() == EMPTY_ROOT
    assert root([]) == EMPTY_ROOT
    assert CompactRange().root() == EMPTY_ROOT
    assert MerkleTree([]).root() == EMPTY_ROOT


@pytest.mark.parametrize(("index", "size", "path"), INCLUSION_VECTORS)
def test_reference_inclusion_proofs(index: int, size: int, path: list[str]) -> None:
    expected = _h(path)
    assert inclusion_proof(LEAF_HASHES, index, size) == expected
    assert MerkleTree(LEAF_HASHES).inclusion_proof(index, size) == expected
    assert verify_inclusion(LEAF_HASHES[index], index, size, expected, ROOTS[size])


@pytest.mark.parametrize(("old", "new", "proof"), CONSISTENCY_VECTORS)
def test_reference_consistency_proofs(old: int, new: int, proof: list[str]) -> None:
    expected = _h(proof)
    assert consistency_proof(LEAF_HASHES, old, new) == expected
    assert MerkleTree(LEAF_HASHES).consistency_proof(old, new) == expected
    assert verify_consistency(old, new, ROOTS[old], ROOTS[new], expected)


# -- inclusion ---------------------------------------------------------------------


@st.composite
def tree_and_index(draw: st.DrawFn) -> tuple[list[bytes], int, int]:
    size = draw(st.integers(1, 300))
    extra = draw(st.integers(0, 5))
    index = draw(st.integers(0, size - 1))
    return _leaves(size + extra, draw(st.integers(0, 3))), index, size


@settings(max_examples=150, deadline=None)
@given(tree_and_index())
def test_every_inclusion_proof_verifies(case: tuple[list[bytes], int, int]) -> None:
    leaves, index, size = case
    head = root(leaves[:size])
    proof = inclusion_proof(leaves, index, size)
    assert proof == MerkleTree(leaves).inclusion_proof(index, size)
    assert verify_inclusion(leaves[index], index, size, proof, head)


@settings(max_examples=150, deadline=None)
@given(tree_and_index(), st.data())
def test_altered_inclusion_fails(case: tuple[list[bytes], int, int], data: st.DataObject) -> None:
    leaves, index, size = case
    head = root(leaves[:size])
    proof = inclusion_proof(leaves, index, size)
    leaf = leaves[index]
    assert not verify_inclusion(leaf_hash(b"other"), index, size, proof, head)
    assert not verify_inclusion(leaf, index, size, proof, _flip(head))
    assert not verify_inclusion(leaf, index, size, proof, EMPTY_ROOT)
    other = data.draw(st.integers(0, size).filter(lambda i: i != index), label="other index")
    assert not verify_inclusion(leaf, other, size, proof, head)
    assert not verify_inclusion(leaf, index, size, [*proof, head], head)
    assert not verify_inclusion(leaf, index, size, [head, *proof], head)
    if proof:
        assert not verify_inclusion(leaf, index, size, proof[:-1], head)
        i = data.draw(st.integers(0, len(proof) - 1), label="flipped hash")
        bit = data.draw(st.integers(0, 7), label="flipped bit")
        wrong = list(proof)
        wrong[i] = _flip(wrong[i], bit)
        assert not verify_inclusion(leaf, index, size, wrong, head)


def test_inclusion_rejects_bad_arguments() -> None:
    leaves = _leaves(4)
    for index, size in [(-1, 4), (4, 4), (0, 0), (0, 5)]:
        with pytest.raises(ValueError):
            inclusion_proof(leaves, index, size)
        with pytest.raises(ValueError):
            MerkleTree(leaves).inclusion_proof(index, size)
    head = root(leaves)
    proof = inclusion_proof(leaves, 1, 4)
    assert not verify_inclusion(leaves[1], -1, 4, proof, head)
    assert not verify_inclusion(leaves[1], 1, 0, proof, head)
    assert not verify_inclusion(leaves[1][:31], 1, 4, proof, head)
    assert not verify_inclusion(leaves[1], 1, 4, proof, head + b"\x00")
    assert not verify_inclusion(leaves[1], 1, 4, [proof[0] + b"\x00", proof[1]], head)


def test_a_path_fixes_the_index_but_not_the_exact_size() -> None:
    # Trees of 3 and 4 leaves share the path of leaf 0 (RFC 9162 §2.1.3.2 only
    # walks the path), so the size has to come from a signed checkpoint.
    leaves = _leaves(3)
    proof = inclusion_proof(leaves, 0, 3)
    assert verify_inclusion(leaves[0], 0, 4, proof, root(leaves))
    assert not verify_inclusion(leaves[0], 0, 5, proof, root(leaves))


def test_single_leaf_tree() -> None:
    leaf = leaf_hash(b"data")
    assert root([leaf]) == leaf
    assert inclusion_proof([leaf], 0, 1) == []
    assert verify_inclusion(leaf, 0, 1, [], leaf)
    assert not verify_inclusion(leaf, 0, 1, [leaf], leaf)


# -- consistency -------------------------------------------------------------------


def test_consistency_for_all_sizes_up_to_64() -> None:
    leaves = _leaves(64)
    tree = MerkleTree(leaves)
    roots = [root(leaves[:n]) for n in range(65)]
    for new in range(1, 65):
        for old in range(1, new + 1):
            proof = consistency_proof(leaves, old, new)
            assert proof == tree.consistency_proof(old, new)
            assert verify_consistency(old, new, roots[old], roots[new], proof), (old, new)
            if old == new:
                assert proof == []
                continue
            assert proof
            assert not verify_consistency(old, new, roots[old], _flip(roots[new]), proof)
            assert not verify_consistency(old, new, _flip(roots[old]), roots[new], proof)
            assert not verify_consistency(old, new, roots[new], roots[old], proof)
            assert not verify_consistency(old, new, roots[old], roots[new], proof[:-1])
            assert not verify_consistency(old, new, roots[old], roots[new], [*proof, roots[old]])
            assert not verify_consistency(old, new, roots[old], roots[new], [proof[0], *proof])
            for i in range(len(proof)):
                wrong = list(proof)
                wrong[i] = _flip(wrong[i], 4)
                assert not verify_consistency(old, new, roots[old], roots[new], wrong)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 400), st.data())
def test_consistency_property(new: int, data: st.DataObject) -> None:
    old = data.draw(st.integers(1, new), label="old")
    leaves = _leaves(new)
    proof = consistency_proof(leaves, old, new)
    old_root, new_root = root(leaves[:old]), root(leaves)
    assert verify_consistency(old, new, old_root, new_root, proof)
    other = data.draw(st.integers(1, new + 1).filter(lambda m: m != old), label="other old")
    assert not verify_consistency(other, new, old_root, new_root, proof)
    if old < new:
        # A history rewritten below `old` is not consistent with the old head.
        rewritten = list(leaves)
        rewritten[data.draw(st.integers(0, old - 1), label="rewritten")] = leaf_hash(b"x")
        forged = consistency_proof(rewritten, old, new)
        assert not verify_consistency(old, new, old_root, root(rewritten), forged)


def test_consistency_edge_cases() -> None:
    leaves = _leaves(5)
    head = root(leaves)
    assert consistency_proof(leaves, 0, 5) == []
    assert verify_consistency(0, 5, EMPTY_ROOT, head, [])
    assert verify_consistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])
    assert not verify_consistency(0, 5, head, head, [])
    assert not verify_consistency(0, 5, EMPTY_ROOT, head, [head])
    assert verify_consistency(5, 5, head, head, [])
    assert not verify_consistency(5, 5, head, _flip(head), [])
    assert not verify_consistency(5, 5, head, head, [head])
    assert not verify_consistency(5, 4, head, head, [])
    assert not verify_consistency(2, 5, root(leaves[:2]), head, [])
    with pytest.raises(ValueError):
        consistency_proof(leaves, 3, 2)
    with pytest.raises(ValueError):
        consistency_proof(leaves, 2, 6)
    with pytest.raises(ValueError):
        consistency_proof(leaves, -1, 2)


# -- compact range -----------------------------------------------------------------


def test_compact_range_matches_root_for_every_prefix() -> None:
    leaves = _leaves(600)
    compact = CompactRange()
    for size in range(len(leaves) + 1):
        assert compact.size == size
        assert compact.root() == root(leaves[:size])
        assert len(compact.hashes) == size.bit_count()
        if size < len(leaves):
            compact.append(leaves[size])


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 300), st.integers(0, 300))
def test_compact_range_resumes_from_state(first: int, second: int) -> None:
    leaves = _leaves(first + second, salt=7)
    compact = CompactRange()
    compact.extend(leaves[:first])
    resumed = CompactRange.from_state(compact.size, compact.hashes)
    resumed.extend(leaves[first:])
    assert resumed.size == first + second
    assert resumed.root() == root(leaves)
    # The copy is independent of the original.
    assert compact.root() == root(leaves[:first])
    copy = compact.copy()
    copy.append(leaf_hash(b"more"))
    assert compact.size == first


def test_compact_range_rejects_bad_state() -> None:
    h = leaf_hash(b"x")
    with pytest.raises(ValueError):
        CompactRange.from_state(3, [h])
    with pytest.raises(ValueError):
        CompactRange.from_state(1, [h[:31]])
    with pytest.raises(ValueError):
        CompactRange.from_state(-1, [])
    with pytest.raises(ValueError):
        CompactRange().append(b"not a hash")


def test_merkle_tree_serves_every_smaller_size() -> None:
    leaves = _leaves(77)
    tree = MerkleTree(leaves)
    assert tree.size == 77
    for size in (1, 2, 3, 31, 32, 33, 64, 76, 77):
        assert tree.root(size) == root(leaves[:size])
        for index in (0, size // 2, size - 1):
            assert tree.inclusion_proof(index, size) == inclusion_proof(leaves, index, size)
    with pytest.raises(ValueError):
        tree.root(78)
