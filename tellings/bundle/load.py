"""Importing a verified bundle into a collection, losing or changing nothing recorded.

Three cases (docs/bundle.md):

* an empty collection becomes a copy: the bundle's entries, checkpoints and public
  key exactly as they are, so `tellings verify` passes on it; withheld entries are
  kept as their leaf hashes. A copy holds no private key and cannot record changes.
* a collection of the same origin and key whose ledger the bundle continues takes the
  entries it lacks; one whose ledger differs from the bundle's is refused.
* any other collection takes the bundle's documents as new entries of its own
  ledger, with one `bundle.imported` entry keeping the bundle's signed checkpoint as
  evidence of where they came from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import BundleRefused, TellingsError
from ..events import claim_from_entry
from ..ledger.checkpoint import key_id
from ..ledger.log import WITHHELD_KIND, utc_now
from ..model import Document, OffsetMap, Source
from ..projection import REPLAYERS
from ..store import KeyRow, LedgerRow, Store, open_store
from .check import Bundle, open_bundle

if TYPE_CHECKING:
    from ..collection.core import Collection

__all__ = ["ImportReport", "import_bundle"]

ImportKind = Literal["copied", "extended", "unchanged", "merged"]


@dataclass(frozen=True)
class ImportReport:
    """What an import did: `how` (copied, extended, unchanged or merged), the bundle's
    collection, the ledger entries added, the documents added and those already there,
    and how many of the bundle's entries it withholds."""

    how: ImportKind
    collection: str
    entries: int
    documents: tuple[str, ...]
    present: tuple[str, ...]
    withheld: int


def import_bundle(
    bundle_path: str | Path,
    collection_path: str | Path | None = None,
    *,
    expect_key: str | None = None,
    extract: bool = True,
) -> ImportReport:
    """Load the bundle at `bundle_path` into the collection at `collection_path`.

    The bundle must verify (and, with `expect_key`, be signed by that key id), or
    `BundleRefused` says why; so does an import that would change what the collection
    already records. With `extract`, documents merged into another collection have
    their claims extracted there.
    """
    # Imported here because the collection package imports this one.
    from ..collection.core import Collection, collection_file

    bundle = open_bundle(bundle_path, expect_key)
    store = open_store(collection_file(collection_path))
    try:
        if not store.ledger_size() and not store.keys() and store.get_meta("origin") is None:
            return _copy(store, bundle)
        if store.get_meta("origin") == bundle.origin:
            return _extend(store, bundle)
        return _merge(Collection(store, extract=extract), bundle)
    finally:
        store.close()


def _copy(store: Store, bundle: Bundle) -> ImportReport:
    _check_kinds(bundle, 0)
    genesis = bundle.entries[0] or {}
    with store.transaction():
        store.put_key(
            KeyRow(key_id(bundle.public_key), bundle.public_key, b"", str(genesis.get("at")))
        )
        store.set_meta("origin", bundle.origin)
        documents = _append(store, bundle, 0, 0)
    return ImportReport(
        "copied", bundle.origin, len(bundle.lines), documents, (), len(bundle.withheld)
    )


def _extend(store: Store, bundle: Bundle) -> ImportReport:
    keys = store.keys()
    if len(keys) != 1 or keys[0].public_key != bundle.public_key:
        raise BundleRefused(
            f"{store.path} and the bundle both call themselves {bundle.origin} but are not "
            "signed by the same key; nothing was imported"
        )
    local = list(store.iter_leaf_hashes())
    for seq, (mine, theirs) in enumerate(zip(local, bundle.leaves, strict=False)):
        if mine != theirs:
            raise BundleRefused(
                f"{store.path} and the bundle record {bundle.origin} differently from entry "
                f"{seq} on: one of the two histories was rewritten (`tellings verify` checks "
                "the collection); nothing was imported"
            )
    start = len(local)
    if start >= len(bundle.leaves):
        return ImportReport("unchanged", bundle.origin, 0, (), (), len(bundle.withheld))
    withheld = [seq for seq in bundle.withheld if seq >= start]
    if withheld and keys[0].private_key:
        raise BundleRefused(
            f"the bundle withholds entries {store.path} does not hold yet, and a collection "
            "that signs its own entries cannot hold entries as hashes only; import it into "
            "a new collection instead"
        )
    _check_kinds(bundle, start)
    signed = max((c.size for c in store.checkpoints()), default=0)
    with store.transaction():
        documents = _append(store, bundle, start, signed)
    return ImportReport(
        "extended", bundle.origin, len(bundle.leaves) - start, documents, (), len(withheld)
    )


def _merge(collection: Collection, bundle: Bundle) -> ImportReport:
    if collection.ledger.key is None:
        raise BundleRefused(
            f"{collection.store.path} is a copy of {collection.ledger.origin} and cannot "
            "record new entries; import the bundle into another collection"
        )
    store = collection.store
    sources = {
        data["id"]: _source(data) for data in _data_of(bundle, ("source.added", "source.updated"))
    }
    added: list[dict[str, Any]] = []
    present: list[str] = []
    before = store.ledger_size()
    with store.transaction():
        for seq, entry in enumerate(bundle.entries):
            if not entry or entry.get("kind") != "document.added":
                continue
            data = entry["data"]
            if store.has_document(data["id"]):
                present.append(data["id"])
                continue
            source = sources.get(data.get("source_id") or "")
            local = _local_source(collection, source) if source else None
            try:
                original, text, offsets = bundle.document_parts(data)
                document = _document(data, text, offsets, local.id if local else None, utc_now())
                reader = str(data["reader"])
            except (KeyError, TypeError, ValueError) as exc:
                raise BundleRefused(
                    f"entry {seq} of the bundle is not a well-formed document.added entry "
                    f"({exc!r}); nothing was imported"
                ) from exc
            collection.record_document(document, reader, original)
            added.append({"id": data["id"], "entry": seq})
        if added:
            last = bundle.checkpoints[-1]
            collection.ledger.append(
                "bundle.imported",
                {
                    "collection": bundle.origin,
                    "key_id": key_id(bundle.public_key),
                    "public_key": bundle.public_key.hex(),
                    "tree_size": last.size,
                    "root_hash": last.root.hex(),
                    "checkpoint": last.note,
                    "documents": added,
                },
            )
        collection.ledger.checkpoint()
    return ImportReport(
        "merged",
        bundle.origin,
        store.ledger_size() - before,
        tuple(a["id"] for a in added),
        tuple(present),
        len(bundle.withheld),
    )


def _local_source(collection: Collection, source: Source) -> Source:
    """The collection's source of this name; new ones take the bundle's grading and
    restriction, existing ones keep their own."""
    found = collection.store.find_source(source.name)
    if found is not None:
        return found
    created = collection.ensure_source(source.name, source.type)
    if source.affiliation or source.reliability or source.restricted:
        created = collection.edit_source(
            created.name,
            affiliation=source.affiliation,
            reliability=source.reliability,
            restricted=source.restricted or None,
        )
    return created


def _check_kinds(bundle: Bundle, start: int) -> None:
    for seq in range(start, len(bundle.entries)):
        kind = (bundle.entries[seq] or {}).get("kind")
        if kind is not None and kind not in REPLAYERS:
            raise BundleRefused(
                f"entry {seq} of the bundle is of a kind this version of tellings does not "
                f"know ({kind!r}); import it with the version that made it"
            )


def _append(store: Store, bundle: Bundle, start: int, signed: int) -> tuple[str, ...]:
    """Add the bundle's entries from `start` on, their rows and its checkpoints beyond
    `signed`, inside the caller's transaction; return the documents added."""
    rows = []
    for seq in range(start, len(bundle.lines)):
        line, entry = bundle.lines[seq], bundle.entries[seq]
        if line is None or entry is None:
            rows.append(LedgerRow(seq, WITHHELD_KIND, b"", bundle.leaves[seq]))
        else:
            rows.append(LedgerRow(seq, str(entry["kind"]), line, bundle.leaves[seq]))
    store.append_ledger(rows)
    documents = []
    for seq in range(start, len(bundle.entries)):
        entry = bundle.entries[seq]
        if entry is None:
            continue
        try:
            _project(store, bundle, seq, entry["kind"], entry["data"])
        except TellingsError:
            raise
        except Exception as exc:
            # The entries are signed but not necessarily well formed: a row the store
            # cannot take (a missing field, a repeated id) refuses the whole bundle.
            raise BundleRefused(
                f"entry {seq} of the bundle is not a well-formed {entry.get('kind')!r} entry "
                f"({exc!r}); nothing was imported"
            ) from exc
        if entry["kind"] == "document.added":
            documents.append(entry["data"]["id"])
    for checkpoint in bundle.checkpoints:
        if checkpoint.size > signed:
            store.add_checkpoint(checkpoint)
    return tuple(documents)


def _project(store: Store, bundle: Bundle, seq: int, kind: str, data: dict[str, Any]) -> None:
    """Write the rows one entry adds or changes, as `tellings.projection` replays them."""
    if kind == "source.added":
        store.insert_source(_source(data), seq)
    elif kind == "source.updated":
        store.update_source(_source(data), seq)
    elif kind == "document.added":
        original, text, offsets = bundle.document_parts(data)
        store.put_original(data["id"], original)
        document = _document(data, text, offsets, data.get("source_id"), data.get("ingested_at"))
        store.insert_document(document, data["reader"], seq)
    elif kind == "claim.added":
        store.insert_claims([claim_from_entry(data)], [seq])
    elif kind == "claim.superseded":
        store.supersede_claims([data["id"]], data["by"], [seq])
    elif kind == "alias.added":
        store.insert_alias(
            {k: float(v) if k in ("lat", "lon") and v is not None else v for k, v in data.items()},
            seq,
        )


def _data_of(bundle: Bundle, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    return [e["data"] for e in bundle.entries if e and e.get("kind") in kinds]


def _source(data: dict[str, Any]) -> Source:
    return Source(
        data["id"],
        data["name"],
        data.get("type"),
        data.get("affiliation"),
        data.get("reliability"),
        data.get("restricted") is True,
    )


def _document(
    data: dict[str, Any], text: str, offsets: str, source_id: str | None, ingested_at: str | None
) -> Document:
    return Document(
        id=data["id"],
        name=data["name"],
        filename=data["filename"],
        format=data["format"],
        size=data["size"],
        text=text,
        offset_map=OffsetMap.from_json(json.loads(offsets)),
        source_id=source_id,
        title=data.get("title"),
        author=data.get("author"),
        url=data.get("url"),
        published=data.get("published"),
        language=data.get("language"),
        ingested_at=ingested_at,
    )
