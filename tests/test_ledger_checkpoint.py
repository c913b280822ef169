"""Signed checkpoints and offline inclusion proofs: every alteration must be caught."""

from __future__ import annotations

import ast
import base64
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tellings.errors import LedgerTampered
from tellings.ledger import (
    Checkpoint,
    InclusionProof,
    SigningKey,
    canonical_json,
    check_inclusion_proof,
    inclusion_proof,
    key_id,
    leaf_hash,
    parse_checkpoint,
    root,
    sign_checkpoint,
    verify_checkpoint,
)

# RFC 8032 §7.1, TEST 1: a fixed Ed25519 key, so signatures here are reproducible.
RFC8032_SECRET = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
RFC8032_PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
KEY = SigningKey.from_private_bytes(RFC8032_SECRET)
OTHER_KEY = SigningKey.from_private_bytes(bytes(range(32)))

ROOT_8 = bytes.fromhex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
CHECKPOINT = Checkpoint("tellings.example/ledger", 8, ROOT_8, "2026-11-23T05:00:00Z")
# Ed25519 signatures are deterministic (RFC 8032 §5.1.6), so the note is fixed.
NOTE = (
    "tellings.example/ledger\n"
    "8\n"
    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"
    "2026-11-23T05:00:00Z\n"
    "\n"
    "— 21fe31dfa154a261 "
    "scJielDst/iofb1AFgUELRnkQhky4jUeywxRZeE1iERVhBel67D8IRMNjBf/rz8Cfau7owMQoP+XBiQUgMNYDg==\n"
)


def _flips(text: str) -> list[bytes]:
    """Every version of `text`'s UTF-8 bytes with exactly one bit flipped."""
    data = text.encode("utf-8")
    out = []
    for i in range(len(data)):
        for bit in range(8):
            flipped = bytearray(data)
            flipped[i] ^= 1 << bit
            out.append(bytes(flipped))
    return out


# -- keys --------------------------------------------------------------------------


def test_key_round_trip_and_rfc8032_public_key() -> None:
    assert KEY.public_bytes() == RFC8032_PUBLIC
    assert KEY.private_bytes() == RFC8032_SECRET
    fresh = SigningKey.generate()
    again = SigningKey.from_private_bytes(fresh.private_bytes())
    assert again.public_bytes() == fresh.public_bytes()
    assert len(fresh.private_bytes()) == 32
    assert len(fresh.public_bytes()) == 32


def test_key_id_is_a_sha256_prefix() -> None:
    assert key_id(RFC8032_PUBLIC) == "21fe31dfa154a261"
    assert KEY.key_id == key_id(KEY.public_bytes())
    assert key_id(OTHER_KEY.public_bytes()) != KEY.key_id
    with pytest.raises(ValueError):
        key_id(b"short")
    with pytest.raises(ValueError):
        SigningKey.from_private_bytes(b"short")


def test_key_repr_hides_the_secret() -> None:
    assert RFC8032_SECRET.hex() not in repr(KEY)
    assert KEY.key_id in repr(KEY)


# -- checkpoints -------------------------------------------------------------------


def test_sign_checkpoint_writes_the_exact_note() -> None:
    assert sign_checkpoint(KEY, CHECKPOINT) == NOTE
    assert CHECKPOINT.body() == NOTE.split("\n\n")[0] + "\n"


def test_parse_and_verify_round_trip() -> None:
    checkpoint, signer, signature = parse_checkpoint(NOTE)
    assert checkpoint == CHECKPOINT
    assert signer == KEY.key_id
    assert len(signature) == 64
    assert verify_checkpoint(NOTE, KEY.public_bytes()) == CHECKPOINT


@settings(max_examples=50, deadline=None)
@given(
    origin=st.text(
        st.characters(min_codepoint=0x21, blacklist_categories=("Cs",)), min_size=1, max_size=40
    ).filter(lambda s: s == s.strip() and "\x7f" not in s),
    size=st.integers(0, 2**63),
    root_hash=st.binary(min_size=32, max_size=32),
    fraction=st.sampled_from(["", ".5", ".123456"]),
)
def test_any_checkpoint_round_trips(
    origin: str, size: int, root_hash: bytes, fraction: str
) -> None:
    checkpoint = Checkpoint(origin, size, root_hash, f"2026-01-31T23:59:59{fraction}Z")
    assert verify_checkpoint(sign_checkpoint(KEY, checkpoint), KEY.public_bytes()) == checkpoint


def test_checkpoint_signed_by_another_key_fails() -> None:
    note = sign_checkpoint(OTHER_KEY, CHECKPOINT)
    with pytest.raises(LedgerTampered, match=r"signed by key .* not by the expected key"):
        verify_checkpoint(note, KEY.public_bytes())
    # Relabelled with the expected key id, the signature itself fails.
    forged = note.replace(OTHER_KEY.key_id, KEY.key_id)
    with pytest.raises(LedgerTampered, match="signature does not verify"):
        verify_checkpoint(forged, KEY.public_bytes())


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("tellings.example/ledger\n", "tellings.example/ledgex\n"),
        ("\n8\n", "\n9\n"),
        ("XcnaeacGWamtVZy3", "XcnaeacGWamtVZy4"),
        ("2026-11-23T05:00:00Z", "2026-11-23T05:00:01Z"),
    ],
)
def test_tampered_body_fails(old: str, new: str) -> None:
    tampered = NOTE.replace(old, new, 1)
    assert tampered != NOTE
    with pytest.raises(LedgerTampered, match="signature does not verify"):
        verify_checkpoint(tampered, KEY.public_bytes())


def test_every_single_bit_flip_of_the_note_fails() -> None:
    for data in _flips(NOTE):
        try:
            note = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # not text any more: no reader would get this far
        with pytest.raises(LedgerTampered):
            verify_checkpoint(note, KEY.public_bytes())


def _sig_b64(note: str) -> str:
    return note.rsplit(" ", 1)[1].rstrip("\n")


@pytest.mark.parametrize(
    "note",
    [
        "",
        NOTE.replace("\n\n", "\n"),  # no blank line
        NOTE[:-1],  # no final newline
        NOTE + NOTE.split("\n\n")[1],  # two signature lines
        NOTE.replace("\n8\n", "\n08\n"),
        NOTE.replace("\n8\n", "\n+8\n"),
        NOTE.replace("\n8\n", "\n 8\n"),
        NOTE.replace("\n8\n", "\n\u0668\n"),  # ARABIC-INDIC DIGIT EIGHT
        NOTE.replace("\n8\n", "\n8\nextra\n"),
        NOTE.replace("Qyg=", "Qyg"),  # unpadded
        NOTE.replace("Qyg=", "Qyh="),  # non-zero padding bits: same bytes, other text
        NOTE.replace("Qyg=", "Q.yg="),
        NOTE.replace("2026-11-23T05:00:00Z", "2026-11-23 05:00:00Z"),
        NOTE.replace("2026-11-23T05:00:00Z", "2026-11-23T05:00:00+01:00"),
        NOTE.replace("2026-11-23T05:00:00Z", "2026-13-23T05:00:00Z"),
        NOTE.replace("— ", "- "),
        NOTE.replace("21fe31dfa154a261", "21FE31DFA154A261"),
        NOTE.replace("21fe31dfa154a261 ", "21fe31dfa154a261  "),
        NOTE.replace(_sig_b64(NOTE), _sig_b64(NOTE)[:-4] + "Dh=="),  # non-canonical
        NOTE.replace(_sig_b64(NOTE), base64.b64encode(b"\x00" * 63).decode()),
    ],
)
def test_malformed_notes_are_refused(note: str) -> None:
    with pytest.raises(LedgerTampered, match="malformed checkpoint"):
        parse_checkpoint(note)
    with pytest.raises(LedgerTampered):
        verify_checkpoint(note, KEY.public_bytes())


def test_non_canonical_base64_really_decodes_alike() -> None:
    # The reason for the strict base64 check: lenient decoding reads both alike.
    assert base64.b64decode("Qyh=") == base64.b64decode("Qyg=")


@pytest.mark.parametrize(
    "fields",
    [
        {"origin": ""},
        {"origin": "two\nlines"},
        {"origin": " padded"},
        {"size": -1},
        {"size": True},
        {"root": b"\x00" * 31},
        {"timestamp": "2026-11-23T05:00:00"},
        {"timestamp": "yesterday"},
    ],
)
def test_checkpoint_refuses_values_the_note_cannot_carry(fields: dict[str, Any]) -> None:
    values: dict[str, Any] = {
        "origin": "o",
        "size": 1,
        "root": ROOT_8,
        "timestamp": "2026-11-23T05:00:00Z",
    }
    values.update(fields)
    with pytest.raises(ValueError):
        Checkpoint(**values)


def test_verify_checkpoint_needs_a_real_public_key() -> None:
    with pytest.raises(ValueError):
        verify_checkpoint(NOTE, b"\x00" * 31)


# -- inclusion proofs --------------------------------------------------------------


def _ledger(n: int) -> list[bytes]:
    return [
        canonical_json(
            {
                "seq": i,
                "kind": "claim.added",
                "at": "2026-11-23T05:00:00Z",
                "data": {"text": f"claim {i} — «quoted»", "source": i % 3},
            }
        )
        for i in range(n)
    ]


def _proof(index: int, size: int, key: SigningKey = KEY) -> InclusionProof:
    entries = _ledger(size)
    leaves = [leaf_hash(e) for e in entries]
    head = Checkpoint("tellings.example/ledger", size, root(leaves), "2026-11-23T05:00:00Z")
    return InclusionProof(
        entry=entries[index].decode("utf-8"),
        index=index,
        size=size,
        path=[h.hex() for h in inclusion_proof(leaves, index, size)],
        checkpoint=sign_checkpoint(key, head),
        public_key=key.public_bytes().hex(),
    )


def _with(proof: InclusionProof, **changes: Any) -> dict[str, Any]:
    data = proof.to_json()
    data.update(changes)
    return data


@pytest.mark.parametrize("size", [1, 2, 5, 8, 13])
def test_every_entry_has_a_valid_proof(size: int) -> None:
    for index in range(size):
        proof = _proof(index, size)
        check_inclusion_proof(proof)
        check_inclusion_proof(proof.to_json())
        check_inclusion_proof(proof, trusted_public_key=KEY.public_bytes())


def test_json_round_trip() -> None:
    proof = _proof(3, 5)
    data = proof.to_json()
    assert set(data) == {"entry", "index", "size", "path", "checkpoint", "public_key"}
    assert InclusionProof.from_json(data) == proof
    text = json.dumps(data, indent=2)
    assert InclusionProof.from_json(text) == proof
    assert InclusionProof.from_json(text.encode()) == proof


@pytest.mark.parametrize("indent", [None, 2])
def test_every_single_bit_flip_of_a_proof_fails(indent: int | None) -> None:
    proof = _proof(2, 5)
    text = json.dumps(proof.to_json(), indent=indent, ensure_ascii=False)
    check_inclusion_proof(InclusionProof.from_json(text))
    for data in _flips(text):
        with pytest.raises(LedgerTampered):
            check_inclusion_proof(InclusionProof.from_json(data))


def test_altered_entry_fails() -> None:
    proof = _proof(2, 5)
    altered = proof.entry.replace("claim 2", "claim 3")
    with pytest.raises(LedgerTampered, match="do not lead to the signed root"):
        check_inclusion_proof(_with(proof, entry=altered))


def test_altered_index_fails() -> None:
    proof = _proof(2, 5)
    with pytest.raises(LedgerTampered, match="do not lead to the signed root"):
        check_inclusion_proof(_with(proof, index=3))
    with pytest.raises(LedgerTampered, match="outside the signed tree"):
        check_inclusion_proof(_with(proof, index=5))
    with pytest.raises(LedgerTampered, match="outside the signed tree"):
        check_inclusion_proof(_with(proof, index=-1))


def test_altered_path_fails() -> None:
    proof = _proof(2, 5)
    path = list(proof.path)
    path[1] = ("1" if path[1][0] == "0" else "0") + path[1][1:]
    with pytest.raises(LedgerTampered, match="do not lead to the signed root"):
        check_inclusion_proof(_with(proof, path=path))
    with pytest.raises(LedgerTampered, match=r"the path has 2 hashes, but .* needs 3"):
        check_inclusion_proof(_with(proof, path=proof.path[:-1]))
    with pytest.raises(LedgerTampered, match=r"path\[0\] is not 64 lower-case hex"):
        check_inclusion_proof(_with(proof, path=[proof.path[0].upper(), *proof.path[1:]]))


def test_size_must_be_the_signed_size() -> None:
    # A path alone does not pin the size (see test_ledger_merkle); the signed one does.
    proof = _proof(0, 3)
    with pytest.raises(LedgerTampered, match="for a tree of 4 entries, but its checkpoint signs 3"):
        check_inclusion_proof(_with(proof, size=4))


def test_checkpoint_from_another_tree_fails() -> None:
    proof = _proof(2, 5)
    other = _proof(2, 6)
    with pytest.raises(LedgerTampered, match="checkpoint signs 6"):
        check_inclusion_proof(_with(proof, checkpoint=other.checkpoint))
    with pytest.raises(LedgerTampered, match="do not lead to the signed root"):
        check_inclusion_proof(_with(other, path=proof.path))


def test_another_key_fails() -> None:
    proof = _proof(2, 5)
    other = OTHER_KEY.public_bytes().hex()
    with pytest.raises(LedgerTampered, match="not by the expected key"):
        check_inclusion_proof(_with(proof, public_key=other))
    resigned = _proof(2, 5, key=OTHER_KEY)
    check_inclusion_proof(resigned)
    with pytest.raises(LedgerTampered, match="not by the trusted key"):
        check_inclusion_proof(resigned, trusted_public_key=KEY.public_bytes())


@pytest.mark.parametrize(
    "changes",
    [
        {"index": True},
        {"index": "2"},
        {"size": 5.0},
        {"entry": None},
        {"path": "abc"},
        {"path": [1]},
        {"public_key": "zz"},
        {"public_key": KEY.public_bytes().hex().upper()},
        {"extra": 1},
    ],
)
def test_malformed_proofs_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(LedgerTampered, match="malformed proof"):
        check_inclusion_proof(_with(_proof(2, 5), **changes))


def test_badly_typed_proof_objects_are_refused() -> None:
    proof = _proof(2, 5)
    bad = InclusionProof(
        entry=proof.entry,
        index="2",  # type: ignore[arg-type]
        size=proof.size,
        path=proof.path,
        checkpoint=proof.checkpoint,
        public_key=proof.public_key,
    )
    with pytest.raises(LedgerTampered, match="malformed proof: index must be an integer"):
        check_inclusion_proof(bad)


def test_malformed_proof_texts_are_refused() -> None:
    data = _proof(2, 5).to_json()
    del data["path"]
    with pytest.raises(LedgerTampered, match="malformed proof: missing path"):
        InclusionProof.from_json(data)
    texts: list[str | bytes] = ["", "[]", "{", '{"index": NaN}', '{"a": 1, "a": 2}', b"\xff"]
    for text in texts:
        with pytest.raises(LedgerTampered, match="malformed proof"):
            InclusionProof.from_json(text)


def test_proof_checking_needs_only_stdlib_and_cryptography() -> None:
    # A third party should be able to check a proof with these modules alone.
    ledger = Path(__file__).resolve().parents[1] / "tellings" / "ledger"
    allowed = set(sys.stdlib_module_names) | {"cryptography", "__future__"}
    for name in ("proof.py", "checkpoint.py", "merkle.py"):
        tree = ast.parse((ledger / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert {a.name.split(".")[0] for a in node.names} <= allowed, name
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                assert node.module is not None
                assert node.module.split(".")[0] in allowed, name
            elif isinstance(node, ast.ImportFrom):
                # Relative imports: only the ledger's own modules and the errors.
                assert node.module in {"checkpoint", "merkle", "errors"}, name


def test_an_origin_utf8_cannot_write_is_refused() -> None:
    with pytest.raises(ValueError, match="surrogate"):
        Checkpoint("\ud800", 0, b"\x00" * 32, "2026-01-31T23:59:59Z")
