"""Signed checkpoints: an Ed25519 signature over the ledger's tree head.

A checkpoint commits to the first `size` entries of the ledger by their Merkle
root (RFC 9162 §2.1.1). It is written as a note in the style of the C2SP
`signed-note` and `tlog-checkpoint` formats (https://c2sp.org/signed-note,
https://c2sp.org/tlog-checkpoint): a body of text lines, a blank line, then a
signature line. Exactly::

    <origin>\\n
    <tree size in decimal>\\n
    <root hash, standard base64 with padding>\\n
    <timestamp, YYYY-MM-DDTHH:MM:SS[.fraction]Z>\\n
    \\n
    — <key id> <Ed25519 signature, standard base64 with padding>\\n

The signature covers the body: the first four lines, each with its newline,
encoded as UTF-8. The signature line starts with U+2014 EM DASH and a space,
as in C2SP. Unlike C2SP, the key is named by `key_id` and the base64 holds the
bare 64-byte signature without a key hash prefix; the timestamp is a body line
rather than an extension, since every tellings checkpoint carries one.

Parsing is strict on purpose: each field has exactly one accepted spelling
(canonical decimal, canonical base64, lower-case hex), so a note cannot be
altered in a way that still reads as the same checkpoint.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from ..errors import LedgerTampered
from .merkle import HASH_SIZE

__all__ = [
    "SIGNATURE_PREFIX",
    "Checkpoint",
    "SigningKey",
    "key_id",
    "parse_checkpoint",
    "sign_checkpoint",
    "verify_checkpoint",
]

#: What starts a signature line: U+2014 EM DASH and a space (C2SP signed-note).
SIGNATURE_PREFIX = "\u2014 "

_PUBLIC_KEY_SIZE = 32
_SIGNATURE_SIZE = 64
_KEY_ID_RE = re.compile(r"[0-9a-f]{16}")
_SIZE_RE = re.compile(r"0|[1-9][0-9]*")
_TIMESTAMP_RE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(\.[0-9]+)?Z")


def key_id(public_bytes: bytes) -> str:
    """Return the key's fingerprint: the first 8 bytes of SHA-256(public key), as 16 hex digits.

    Short enough to read aloud and compare by eye, long enough (64 bits) that
    no two keys a person will ever compare collide by chance. It names the key
    in checkpoint signature lines; it is not a substitute for the full key
    when verifying. Raises `ValueError` unless `public_bytes` is a raw 32-byte
    Ed25519 public key.
    """
    if len(public_bytes) != _PUBLIC_KEY_SIZE:
        raise ValueError(
            f"an Ed25519 public key is {_PUBLIC_KEY_SIZE} bytes, got {len(public_bytes)}"
        )
    return hashlib.sha256(public_bytes).digest()[:8].hex()


class SigningKey:
    """An Ed25519 private key (RFC 8032) that signs checkpoints."""

    __slots__ = ("_key",)

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key

    @classmethod
    def generate(cls) -> SigningKey:
        """Return a new random key from the operating system's CSPRNG."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_private_bytes(cls, data: bytes) -> SigningKey:
        """Return the key whose raw 32-byte private seed is `data` (RFC 8032 §5.1.5).

        Raises `ValueError` if `data` is not 32 bytes.
        """
        if len(data) != 32:
            raise ValueError(f"an Ed25519 private key is 32 bytes, got {len(data)}")
        return cls(Ed25519PrivateKey.from_private_bytes(data))

    def private_bytes(self) -> bytes:
        """Return the raw 32-byte private seed, for storing the key; keep it secret."""
        return self._key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())

    def public_bytes(self) -> bytes:
        """Return the raw 32-byte public key, which verifiers need to check signatures."""
        return self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def key_id(self) -> str:
        """The fingerprint of the public key; see `key_id`."""
        return key_id(self.public_bytes())

    def sign(self, message: bytes) -> bytes:
        """Return the 64-byte Ed25519 signature of `message`."""
        return self._key.sign(message)

    def __repr__(self) -> str:
        # Never show private material, e.g. in tracebacks or logs.
        return f"SigningKey(key_id={self.key_id!r})"


@dataclass(frozen=True)
class Checkpoint:
    """A tree head: the ledger named `origin` had `size` entries with Merkle root `root`.

    `timestamp` is when the head was signed, ISO 8601 in UTC ending in `Z`.
    Construction raises `ValueError` for values the note format cannot carry.
    """

    origin: str
    size: int
    root: bytes
    timestamp: str

    def __post_init__(self) -> None:
        problem = (
            _origin_problem(self.origin)
            or _size_problem(self.size)
            or _root_problem(self.root)
            or _timestamp_problem(self.timestamp)
        )
        if problem:
            raise ValueError(problem)

    def body(self) -> str:
        """Return the note body, the exact text the signature covers (four lines)."""
        root_b64 = base64.b64encode(self.root).decode("ascii")
        return f"{self.origin}\n{self.size}\n{root_b64}\n{self.timestamp}\n"


def sign_checkpoint(key: SigningKey, checkpoint: Checkpoint) -> str:
    """Return the signed note for `checkpoint`: its body, a blank line and the signature line.

    This text is what a collection stores and publishes; anyone with the
    public key can check it with `verify_checkpoint`.
    """
    body = checkpoint.body()
    signature = base64.b64encode(key.sign(body.encode("utf-8"))).decode("ascii")
    return f"{body}\n{SIGNATURE_PREFIX}{key.key_id} {signature}\n"


def parse_checkpoint(note: str) -> tuple[Checkpoint, str, bytes]:
    """Return (checkpoint, key id, signature) read from a signed note, without verifying it.

    Useful to show what a note claims; trust it only after `verify_checkpoint`.
    Raises `LedgerTampered` naming the first line that is not in the exact
    format `sign_checkpoint` writes.
    """
    checkpoint, key, signature, _ = _parse(note)
    return checkpoint, key, signature


def verify_checkpoint(note: str, public_bytes: bytes) -> Checkpoint:
    """Return the checkpoint in `note` once its signature verifies with `public_bytes`.

    Raises `LedgerTampered` if the note is malformed, names another key, or
    its signature does not verify over its body (the body was altered, or it
    was signed by a different key). Raises `ValueError` if `public_bytes` is
    not a 32-byte Ed25519 public key.
    """
    expected = key_id(public_bytes)
    checkpoint, signer, signature, body = _parse(note)
    if signer != expected:
        raise LedgerTampered(
            f"checkpoint is signed by key {signer}, not by the expected key {expected}"
        )
    try:
        Ed25519PublicKey.from_public_bytes(public_bytes).verify(signature, body)
    except InvalidSignature:
        raise LedgerTampered(
            f"checkpoint signature does not verify with key {expected}: the checkpoint "
            "text was altered after signing, or it was not signed by this key"
        ) from None
    return checkpoint


def _parse(note: str) -> tuple[Checkpoint, str, bytes, bytes]:
    """Return (checkpoint, key id, signature, signed body bytes), or raise `LedgerTampered`."""
    if not isinstance(note, str):
        raise LedgerTampered(f"malformed checkpoint: expected text, got {type(note).__name__}")
    body, blank, signatures = note.partition("\n\n")
    if not blank:
        raise LedgerTampered("malformed checkpoint: no blank line between body and signature")
    lines = body.split("\n")
    if len(lines) != 4:
        raise LedgerTampered(
            f"malformed checkpoint: the body has {len(lines)} lines, expected 4 "
            "(origin, tree size, root hash, timestamp)"
        )
    origin, size_text, root_text, timestamp = lines
    problem = _origin_problem(origin)
    if problem:
        raise LedgerTampered(f"malformed checkpoint: line 1: {problem}")
    if not _SIZE_RE.fullmatch(size_text):
        raise LedgerTampered(
            f"malformed checkpoint: line 2 (tree size) is not a decimal number: {size_text!r}"
        )
    root = _strict_b64decode(root_text, HASH_SIZE)
    if root is None:
        raise LedgerTampered(
            f"malformed checkpoint: line 3 is not the base64 of a {HASH_SIZE}-byte root hash"
        )
    problem = _timestamp_problem(timestamp)
    if problem:
        raise LedgerTampered(f"malformed checkpoint: line 4: {problem}")
    if not signatures.endswith("\n") or signatures.count("\n") != 1:
        raise LedgerTampered(
            "malformed checkpoint: expected exactly one signature line, ending in a newline"
        )
    line = signatures[:-1]
    if not line.startswith(SIGNATURE_PREFIX):
        raise LedgerTampered(
            "malformed checkpoint: the signature line does not start with an em dash and a space"
        )
    parts = line[len(SIGNATURE_PREFIX) :].split(" ")
    if len(parts) != 2 or not _KEY_ID_RE.fullmatch(parts[0]):
        raise LedgerTampered(
            "malformed checkpoint: the signature line is not '— <key id> <signature>' "
            "with a 16-digit lower-case hex key id"
        )
    signature = _strict_b64decode(parts[1], _SIGNATURE_SIZE)
    if signature is None:
        raise LedgerTampered(
            f"malformed checkpoint: the signature is not the base64 of {_SIGNATURE_SIZE} bytes"
        )
    checkpoint = Checkpoint(origin, int(size_text), root, timestamp)
    return checkpoint, parts[0], signature, (body + "\n").encode("utf-8")


def _strict_b64decode(text: str, size: int) -> bytes | None:
    """Return the bytes `text` encodes if it is their one canonical padded base64, else None.

    Plain `b64decode` skips stray characters and ignores the unused low bits
    of the last character, so several texts decode alike; re-encoding and
    comparing leaves exactly one accepted spelling (RFC 4648 §3.5).
    """
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(data) != size or base64.b64encode(data).decode("ascii") != text:
        return None
    return data


def _origin_problem(origin: object) -> str | None:
    """Say why `origin` cannot be a note's first line, or return None if it can."""
    if not isinstance(origin, str) or not origin:
        return "the origin must be a non-empty string"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in origin):
        return f"the origin {origin!r} holds a control character"
    if origin != origin.strip():
        return f"the origin {origin!r} starts or ends with white space"
    if any(0xD800 <= ord(c) <= 0xDFFF for c in origin):
        return f"the origin {origin!r} holds a lone surrogate, which UTF-8 cannot write"
    return None


def _size_problem(size: object) -> str | None:
    """Say why `size` is not a tree size, or return None if it is."""
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return f"the tree size must be an integer >= 0, got {size!r}"
    return None


def _root_problem(root: object) -> str | None:
    """Say why `root` is not a root hash, or return None if it is."""
    if not isinstance(root, bytes) or len(root) != HASH_SIZE:
        return f"the root must be {HASH_SIZE} bytes"
    return None


def _timestamp_problem(timestamp: object) -> str | None:
    """Say why `timestamp` is not an ISO 8601 UTC time such as 2026-11-23T05:00:00Z, or None."""
    if not isinstance(timestamp, str):
        return "the timestamp must be a string"
    match = _TIMESTAMP_RE.fullmatch(timestamp)
    if match is not None:
        try:
            dt.datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            pass
        else:
            return None
    return f"the timestamp {timestamp!r} is not ISO 8601 UTC like 2026-11-23T05:00:00Z"
