"""Checking a bundle offline, with no collection: the zip alone and its own public key.

Every member against the manifest (none altered, missing or added), the ledger's
leaves against every signed checkpoint's root and each checkpoint's consistency with
the one before (RFC 9162 §2.1.4), the key against the one the collection was created
with, and every original, text and offset map against the SHA-256 its `document.added`
entry records. Problems are `Finding`s in a `VerifyReport`, as `tellings verify` gives
for a collection.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BundleRefused, LedgerTampered
from ..ledger.canonical import canonical_json
from ..ledger.checkpoint import key_id, parse_checkpoint
from ..ledger.merkle import leaf_hash
from ..store.base import CheckpointRow
from ..verify import (
    VerifyReport,
    check_checkpoints,
    check_entry,
    check_expected_key,
    entry_runs,
    replay_entries,
)
from .layout import (
    KEY,
    LEDGER,
    MANIFEST,
    Manifest,
    checkpoint_size,
    offsets_name,
    original_name,
    read_zip,
    sha256_hex,
    text_name,
)

__all__ = ["Bundle", "check_bundle", "open_bundle", "verify_bundle"]

_KEY_RE = re.compile(rb"[0-9a-f]{64}\n")
_HEX64_RE = re.compile(r"[0-9a-f]{64}")


@dataclass
class Bundle:
    """A bundle's contents as read: the ledger's lines (None where an entry is withheld),
    their leaf hashes and decoded entries, the signed checkpoints, the key and members."""

    path: Path
    origin: str = ""
    public_key: bytes = b""
    lines: list[bytes | None] = field(default_factory=list)
    leaves: list[bytes] = field(default_factory=list)
    entries: list[dict[str, Any] | None] = field(default_factory=list)
    checkpoints: list[CheckpointRow] = field(default_factory=list)
    members: dict[str, bytes] = field(default_factory=dict)

    @property
    def withheld(self) -> list[int]:
        return [seq for seq, line in enumerate(self.lines) if line is None]

    def document_parts(self, data: dict[str, Any]) -> tuple[bytes, str, str]:
        """(original bytes, text, offset map JSON) of the document a `document.added`
        entry's `data` records."""
        doc_id = data["id"]
        return (
            self.members[original_name(doc_id, data["filename"])],
            self.members[text_name(doc_id)].decode("utf-8"),
            self.members[offsets_name(doc_id)].decode("utf-8"),
        )


def verify_bundle(path: str | Path, expect_key: str | None = None) -> VerifyReport:
    """Check the bundle at `path` offline; the report names each problem found.

    With `expect_key` (a key id kept from elsewhere), also fail unless the bundle is
    signed by that key: without it, a bundle re-signed throughout by another key
    checks out against the key it carries.
    """
    return check_bundle(path, expect_key)[0]


def open_bundle(path: str | Path, expect_key: str | None = None) -> Bundle:
    """The contents of the bundle at `path` once it verifies; raises `BundleRefused`
    listing the errors otherwise."""
    report, bundle = check_bundle(path, expect_key)
    if not report.ok:
        errors = [str(f) for f in report.findings if f.severity == "error"]
        shown = "\n  ".join(errors[:12])
        more = f"\n  ... and {len(errors) - 12} more" if len(errors) > 12 else ""
        raise BundleRefused(f"{path}: the bundle fails verification:\n  {shown}{more}")
    return bundle


def check_bundle(path: str | Path, expect_key: str | None = None) -> tuple[VerifyReport, Bundle]:
    """The verification report of the bundle at `path`, and its contents as read."""
    started = time.perf_counter()
    report = VerifyReport()
    bundle = Bundle(Path(path))
    try:
        bundle.members, problems = read_zip(bundle.path)
    except (ValueError, OSError) as exc:
        report.error("bundle", str(path), str(exc))
        return report, bundle
    for name, problem in problems:
        report.error("file", name, problem)
    unreadable = {name for name, _ in problems}
    manifest = None if MANIFEST in unreadable else _read_manifest(bundle, report)
    public = _read_key(bundle, report)
    if LEDGER in bundle.members:
        _read_ledger(bundle, report)
        public = _check_genesis(bundle, public, report)
        report.key_id = key_id(public) if public else None
        check_expected_key(report, expect_key)
        _read_checkpoints(bundle, report)
        if public is None:
            report.error("checkpoint", "bundle", "cannot be checked without the collection's key")
        elif check_checkpoints(report, bundle.checkpoints, bundle.leaves, public, "bundle"):
            signed = bundle.checkpoints[-1].size
            if len(bundle.leaves) > signed:
                report.error(
                    "ledger",
                    f"entries {signed} to {len(bundle.leaves) - 1}",
                    "are in the bundle but not covered by its last signed checkpoint",
                )
    _check_files(bundle, manifest, unreadable, report)
    if manifest is not None and LEDGER in bundle.members:
        _check_manifest(bundle, manifest, report)
    _check_documents(bundle, report)
    _check_references(bundle, report)
    replay_entries([entry or {} for entry in bundle.entries], report)
    if bundle.withheld:
        report.withheld = bundle.withheld
        report.warning(
            "ledger",
            entry_runs(bundle.withheld),
            f"{'is' if len(bundle.withheld) == 1 else 'are'} withheld: the bundle holds only "
            "leaf hashes for them, which the signed roots cover",
        )
    report.seconds = time.perf_counter() - started
    return report, bundle


def _read_manifest(bundle: Bundle, report: VerifyReport) -> Manifest | None:
    data = bundle.members.get(MANIFEST)
    if data is None:
        report.error("file", MANIFEST, "missing from the bundle")
        return None
    try:
        return Manifest.from_bytes(data)
    except ValueError as exc:
        report.error("file", MANIFEST, str(exc))
        return None


def _read_key(bundle: Bundle, report: VerifyReport) -> bytes | None:
    data = bundle.members.get(KEY)
    if data is None:
        return None
    if not _KEY_RE.fullmatch(data):
        report.error("key", KEY, "is not an Ed25519 public key written as 64 lower-case hex digits")
        return None
    return bytes.fromhex(data.decode("ascii"))


def _read_ledger(bundle: Bundle, report: VerifyReport) -> None:
    """Each line: an entry's canonical JSON, or `{"seq":N,"withheld":"<leaf hash>"}`."""
    data = bundle.members[LEDGER]
    if data and not data.endswith(b"\n"):
        report.error("ledger", LEDGER, "does not end with a newline (it was cut or edited)")
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    for seq, line in enumerate(lines):
        withheld = _withheld_leaf(seq, line, report)
        if withheld is not None:
            bundle.lines.append(None)
            bundle.leaves.append(withheld)
            bundle.entries.append(None)
            continue
        bundle.lines.append(line)
        bundle.leaves.append(leaf_hash(line))
        entry = check_entry(report, seq, line)
        bundle.entries.append(entry)
    report.entries = len(bundle.leaves)


def _withheld_leaf(seq: int, line: bytes, report: VerifyReport) -> bytes | None:
    """The leaf hash a withheld entry's line gives, or None when the line is an entry."""
    if not line.startswith(b'{"seq":') or b'"withheld":' not in line:
        return None
    try:
        held = json.loads(line)
    except ValueError:
        return None
    if not isinstance(held, dict) or "withheld" not in held:
        return None
    leaf = held.get("withheld")
    if (
        sorted(held) != ["seq", "withheld"]
        or held.get("seq") != seq
        or not isinstance(leaf, str)
        or not _HEX64_RE.fullmatch(leaf)
        or canonical_json(held) != line
    ):
        report.error(
            "ledger",
            f"entry {seq}",
            f'is withheld but its line is not {{"seq":{seq},"withheld":"<64 hex digits>"}}',
        )
        return hashlib.sha256(line).digest()
    return bytes.fromhex(leaf)


def _check_genesis(bundle: Bundle, public: bytes | None, report: VerifyReport) -> bytes | None:
    """The key the collection was created with, checked against key.pub; sets the origin."""
    genesis = bundle.entries[0] if bundle.entries else None
    data = genesis.get("data") if genesis else None
    if not genesis or genesis.get("kind") != "collection.created" or not isinstance(data, dict):
        report.error("key", "entry 0", "the ledger does not start with the collection's creation")
        return public
    bundle.origin = str(data.get("origin", ""))
    try:
        created = bytes.fromhex(str(data.get("public_key")))
        created_id = key_id(created)
    except ValueError:
        report.error("key", "entry 0", "does not record an Ed25519 public key")
        return public
    if public is not None and public != created:
        report.error(
            "key",
            KEY,
            f"is key {key_id(public)}, not the key the collection was created with "
            f"({created_id}): the key was replaced",
        )
    bundle.public_key = created
    return created


def _read_checkpoints(bundle: Bundle, report: VerifyReport) -> None:
    for name in sorted(bundle.members):
        size = checkpoint_size(name)
        if size is None:
            continue
        try:
            note = bundle.members[name].decode("utf-8")
        except UnicodeDecodeError:
            report.error("checkpoint", name, "is not UTF-8 text")
            continue
        try:
            head, _, _ = parse_checkpoint(note)
        except (LedgerTampered, ValueError):
            # `check_checkpoints` names what is wrong with the note.
            bundle.checkpoints.append(CheckpointRow(size, b"", note, ""))
            continue
        if bundle.origin and head.origin != bundle.origin:
            report.error(
                "checkpoint", name, f"is for the collection {head.origin}, not {bundle.origin}"
            )
        bundle.checkpoints.append(CheckpointRow(size, head.root, note, head.timestamp))


def _expected_members(bundle: Bundle) -> dict[str, str | None]:
    """The members the ledger and checkpoints call for, each with the SHA-256 the ledger
    records for it (None where the ledger records none)."""
    expected: dict[str, str | None] = {KEY: None, LEDGER: None}
    expected.update((n, None) for n in bundle.members if checkpoint_size(n) is not None)
    for entry in bundle.entries:
        data = _data(entry)
        doc_id = data.get("id")
        if (entry or {}).get("kind") == "document.added" and isinstance(doc_id, str):
            expected[original_name(doc_id, str(data.get("filename", "")))] = doc_id
            expected[text_name(doc_id)] = data.get("text_sha256")
            expected[offsets_name(doc_id)] = data.get("offset_map_sha256")
    return expected


def _check_files(
    bundle: Bundle, manifest: Manifest | None, unreadable: set[str], report: VerifyReport
) -> None:
    """One line for each member altered, missing or added."""
    members = bundle.members
    listed = manifest.files if manifest is not None else None
    expected = _expected_members(bundle)
    if listed is not None:
        expected.update((n, None) for n in listed if checkpoint_size(n) is not None)
    names = (set(expected) | set(listed or {}) | set(members)) - {MANIFEST} - unreadable
    for name in sorted(names):
        present, in_list = name in members, listed is not None and name in listed
        if listed is not None and present and not in_list:
            report.error("file", name, f"added: {MANIFEST} does not list it")
        elif listed is not None and in_list and not present:
            report.error("file", name, f"missing from the bundle ({MANIFEST} lists it)")
        elif listed is not None and present and listed[name] != _digest(members[name]):
            if expected.get(name) == sha256_hex(members[name]):
                report.error(
                    "file",
                    MANIFEST,
                    f"altered: it lists a SHA-256 for {name} that is not the one the ledger "
                    "records and the file has",
                )
            else:
                report.error("file", name, f"altered: its SHA-256 is not the one {MANIFEST} lists")
        elif present and name not in expected and LEDGER in members:
            report.error("file", name, "added: no ledger entry or checkpoint calls for it")
        elif not present and name in expected:
            report.error("file", name, f"missing from the bundle and from {MANIFEST}")


def _digest(data: bytes) -> tuple[str, int]:
    return sha256_hex(data), len(data)


def _check_manifest(bundle: Bundle, manifest: Manifest, report: VerifyReport) -> None:
    """The manifest's own statements against the ledger, key and checkpoints."""
    last = bundle.checkpoints[-1] if bundle.checkpoints else None
    facts = {
        "collection": (manifest.collection, bundle.origin),
        "key_id": (manifest.key_id, report.key_id),
        "tree_size": (manifest.tree_size, len(bundle.leaves)),
        "root_hash": (manifest.root_hash, last.root.hex() if last else None),
        "withheld": (list(manifest.withheld), bundle.withheld),
    }
    for name, (stated, found) in facts.items():
        if stated != found:
            report.error(
                "manifest", name, f"says {stated!r} but the bundle's record gives {found!r}"
            )


def _check_documents(bundle: Bundle, report: VerifyReport) -> None:
    """Every original, text and offset map against what its `document.added` records."""
    for seq, entry in enumerate(bundle.entries):
        data = _data(entry)
        doc_id, filename = data.get("id"), str(data.get("filename", ""))
        if (entry or {}).get("kind") != "document.added" or not isinstance(doc_id, str):
            continue
        where = f"{doc_id[:12]} ({filename})"
        original = bundle.members.get(original_name(doc_id, filename))
        if original is not None:
            report.originals += 1
            report.original_bytes += len(original)
            if sha256_hex(original) != doc_id:
                report.error(
                    "original",
                    where,
                    f"its bytes do not hash to the SHA-256 that entry {seq} records "
                    "(the original was changed)",
                )
        for member, field_name, what in (
            (text_name(doc_id), "text_sha256", "text"),
            (offsets_name(doc_id), "offset_map_sha256", "offset map"),
        ):
            found = bundle.members.get(member)
            if found is not None and sha256_hex(found) != data.get(field_name):
                report.error(
                    "original",
                    where,
                    f"its {what} does not hash to the {field_name} that entry {seq} records",
                )


def _check_references(bundle: Bundle, report: VerifyReport) -> None:
    """A shown document needs its source shown, a shown claim its document: a bundle that
    withholds one but not the other cannot be imported."""
    sources: set[str] = set()
    documents: set[str] = set()
    for seq, entry in enumerate(bundle.entries):
        data = _data(entry)
        kind = (entry or {}).get("kind")
        if kind in ("source.added", "source.updated"):
            sources.add(str(data.get("id")))
        elif kind == "document.added" and isinstance(data.get("id"), str):
            documents.add(data["id"])
            if data.get("source_id") is not None and str(data["source_id"]) not in sources:
                report.error(
                    "ledger", f"entry {seq}", "records a document whose source is not shown"
                )
        elif kind == "claim.added" and str(data.get("document_id")) not in documents:
            report.error("ledger", f"entry {seq}", "records a claim whose document is not shown")


def _data(entry: dict[str, Any] | None) -> dict[str, Any]:
    """An entry's `data`, or {} when it has none that is an object."""
    data = (entry or {}).get("data")
    return data if isinstance(data, dict) else {}
