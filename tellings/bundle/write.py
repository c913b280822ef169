"""Writing a bundle: the signed ledger with the originals, texts, checkpoints and key a
recipient needs to check it without the collection."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CollectionError, InvalidValue, LedgerTampered, NotFound
from ..ledger.canonical import canonical_json
from ..ledger.checkpoint import key_id
from ..ledger.log import decode_entry, is_withheld
from ..ledger.merkle import leaf_hash
from ..store.base import LedgerRow, Store
from .layout import (
    KEY,
    LEDGER,
    MANIFEST,
    Manifest,
    checkpoint_name,
    offsets_name,
    original_name,
    sha256_hex,
    text_name,
    write_zip,
)
from .redact import withheld_entries

__all__ = ["BundleSummary", "write_bundle"]


@dataclass(frozen=True)
class BundleSummary:
    """What a written bundle holds: the signed tree it covers, its documents, and the
    positions of the entries it withholds (and how many documents those are)."""

    path: Path
    collection: str
    key_id: str
    tree_size: int
    root_hash: str
    documents: int
    withheld: tuple[int, ...]
    withheld_documents: int
    size: int


def write_bundle(
    store: Store,
    path: str | Path,
    *,
    exclude_sources: Sequence[str] = (),
    exclude_restricted: bool = False,
) -> BundleSummary:
    """Write the collection in `store` as a bundle at `path` (a .zip) and say what it holds.

    The bundle covers the ledger up to its last signed checkpoint. The documents of the
    sources named in `exclude_sources`, and with `exclude_restricted` of every source
    marked restricted, are left out: their entries are kept as leaf hashes only (see
    `withheld_entries`). The same collection and options give the same bytes.
    """
    path = Path(path)
    if path.suffix.lower() != ".zip":
        raise InvalidValue(f"{path}: a bundle is a zip file; give a name ending in .zip")
    if path.is_dir() or not path.parent.is_dir():
        raise InvalidValue(f"{path}: not a file name in an existing folder")
    excluded = _excluded_sources(store, exclude_sources, exclude_restricted)
    checkpoints = store.checkpoints()
    origin = store.get_meta("origin")
    keys = store.keys()
    if not checkpoints or origin is None or len(keys) != 1:
        raise CollectionError(
            f"{store.path}: there is no signed record to bundle; `tellings verify` says why"
        )
    size = checkpoints[-1].size
    rows = list(store.iter_ledger(0, size))
    if [row.seq for row in rows] != list(range(size)):
        raise LedgerTampered(
            f"{store.path}: the ledger has gaps below its last checkpoint; "
            "`tellings verify` says what changed"
        )
    entries = [_held(row) for row in rows]
    withheld = withheld_entries(entries, excluded)
    members: dict[str, bytes] = {}
    lines: list[bytes] = []
    documents = withheld_documents = 0
    for row, entry in zip(rows, entries, strict=True):
        if row.seq in withheld:
            leaf = row.leaf_hash if entry is None else leaf_hash(row.entry)
            lines.append(canonical_json({"seq": row.seq, "withheld": leaf.hex()}))
            if entry is not None and entry.get("kind") == "document.added":
                withheld_documents += 1
            continue
        lines.append(row.entry)
        if entry is not None and entry.get("kind") == "document.added":
            members.update(_document_members(store, entry["data"]))
            documents += 1
    members[LEDGER] = b"".join(line + b"\n" for line in lines)
    for checkpoint in checkpoints:
        members[checkpoint_name(checkpoint.size)] = checkpoint.note.encode("utf-8")
    public = keys[0].public_key
    members[KEY] = public.hex().encode("ascii") + b"\n"
    manifest = Manifest(
        collection=origin,
        key_id=key_id(public),
        tree_size=size,
        root_hash=checkpoints[-1].root.hex(),
        withheld=tuple(sorted(withheld)),
        files={name: (sha256_hex(data), len(data)) for name, data in members.items()},
    )
    members[MANIFEST] = manifest.to_bytes()
    return BundleSummary(
        path=path,
        collection=origin,
        key_id=manifest.key_id,
        tree_size=size,
        root_hash=manifest.root_hash,
        documents=documents,
        withheld=manifest.withheld,
        withheld_documents=withheld_documents,
        size=write_zip(path, members),
    )


def _held(row: LedgerRow) -> dict[str, Any] | None:
    """The entry decoded, or None when the store holds its leaf hash only."""
    return None if is_withheld(row) else decode_entry(row)


def _excluded_sources(store: Store, names: Sequence[str], restricted: bool) -> set[str]:
    ids = set()
    for name in names:
        source = store.find_source(name)
        if source is None:
            raise NotFound(f"no source named {name!r}; `tellings sources` lists them")
        ids.add(source.id)
    if restricted:
        ids.update(s.id for s in store.list_sources() if s.restricted)
    return ids


def _document_members(store: Store, data: dict[str, Any]) -> dict[str, bytes]:
    """A document's original, text and offset map, under their member names."""
    document = store.get_document(data["id"])
    original = store.get_original(data["id"])
    if document is None or original is None:
        raise LedgerTampered(
            f"{store.path}: the document {data['filename']} ({data['id'][:12]}) or its "
            "original is missing; `tellings verify` says what changed"
        )
    offsets = json.dumps(document.offset_map.to_json(), separators=(",", ":"))
    return {
        original_name(document.id, data["filename"]): original,
        text_name(document.id): document.text.encode("utf-8"),
        offsets_name(document.id): offsets.encode("utf-8"),
    }
