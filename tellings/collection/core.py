"""The front door: a `Collection` wires the stages to the store and the ledger.

The CLI and the web layer call its methods and nothing below them. Its parts live in
modules by subject (records, claims, events) and are joined here.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..bundle.write import BundleSummary, write_bundle
from ..errors import (
    CollectionError,
    NotFound,
)
from ..events import (
    EventBook,
)
from ..extract.gazetteer import Gazetteer
from ..ledger.checkpoint import SigningKey, key_id
from ..ledger.log import Ledger, decode_entry, utc_now
from ..ledger.proof import InclusionProof
from ..store import CheckpointRow, KeyRow, Store, open_store
from ..verify import VerifyReport, verify_store
from .claims import ClaimsMixin
from .events import EventsMixin
from .exports import ExportsMixin
from .records import RecordsMixin


@dataclass(frozen=True)
class Status:
    """What a collection holds, for `tellings status`."""

    path: str
    origin: str
    key_id: str
    counts: dict[str, int]
    originals_bytes: int
    last_checkpoint: int | None
    unsigned_entries: int


class Collection(RecordsMixin, ClaimsMixin, EventsMixin, ExportsMixin):
    """A collection of documents, their sources and the ledger that records them."""

    def __init__(self, store: Store, *, extract: bool = True) -> None:
        self.store = store
        self.ledger = self._open_ledger()
        self.extract_on_ingest = extract
        self._gazetteer: Gazetteer | None = None
        # Optional model suggesters (tellings.extract.suggest), none unless enabled.
        self.suggesters: list[str] = []
        self._events: EventBook | None = None

    # -- set-up ----------------------------------------------------------------
    def _open_ledger(self) -> Ledger:
        keys = self.store.keys()
        origin = self.store.get_meta("origin")
        if keys and origin and not keys[0].private_key:
            # A copy imported from a bundle: the public key only (docs/bundle.md).
            return Ledger(self.store, None, origin, public_key=keys[0].public_key)
        if keys and origin:
            return Ledger(self.store, SigningKey.from_private_bytes(keys[0].private_key), origin)
        if keys or origin or self.store.ledger_size():
            raise CollectionError(
                f"{self.store.path}: the collection has lost its signing key or origin; "
                "run `tellings verify` to see what changed"
            )
        key = SigningKey.generate()
        origin = f"tellings/{uuid.uuid4()}"
        public = key.public_bytes()
        now = utc_now()
        with self.store.transaction():
            self.store.put_key(KeyRow(key_id(public), public, key.private_bytes(), now))
            self.store.set_meta("origin", origin)
            ledger = Ledger(self.store, key, origin)
            ledger.append(
                "collection.created",
                {
                    "origin": origin,
                    "public_key": public.hex(),
                    "key_id": key_id(public),
                    "tellings_version": __version__,
                },
                at=now,
            )
        ledger.checkpoint()
        return ledger

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Collection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def key_id(self) -> str:
        return key_id(self.ledger.public_key)

    # -- sources ---------------------------------------------------------------

    def verify(self, expect_key: str | None = None) -> VerifyReport:
        """Check originals, ledger, checkpoints and tables; see `tellings.verify`."""
        return verify_store(self.store, expect_key=expect_key)

    def export_bundle(
        self,
        path: str | Path,
        *,
        exclude_sources: Sequence[str] = (),
        exclude_restricted: bool = False,
    ) -> BundleSummary:
        """Write the signed record as a bundle anyone can check offline; see
        `tellings.bundle.write_bundle` (and docs/bundle.md for what is withheld)."""
        return write_bundle(
            self.store,
            path,
            exclude_sources=exclude_sources,
            exclude_restricted=exclude_restricted,
        )

    def checkpoint(self) -> CheckpointRow | None:
        """Sign the current tree head; None when the last checkpoint already covers it."""
        return self.ledger.checkpoint()

    def proof(self, seq: int) -> InclusionProof:
        try:
            return self.ledger.proof(seq)
        except LookupError as exc:
            raise NotFound(str(exc)) from exc

    def entries(self, start: int = 0, limit: int | None = None) -> list[dict[str, Any]]:
        stop = None if limit is None else start + limit
        return [decode_entry(row) for row in self.store.iter_ledger(start, stop)]

    def status(self) -> Status:
        counts = self.store.counts()
        checkpoints = self.store.checkpoints()
        last = checkpoints[-1].size if checkpoints else None
        return Status(
            path=self.store.path,
            origin=self.ledger.origin,
            key_id=self.key_id,
            counts=counts,
            originals_bytes=self.store.originals_size(),
            last_checkpoint=last,
            unsigned_entries=self.store.ledger_size() - (last or 0),
        )


def open(path: str | Path | None = None) -> Collection:
    """Open the collection at `path` (default: $TELLINGS_DB or ./tellings.db), creating it."""
    return Collection(open_store(collection_file(path)))


def collection_file(path: str | Path | None = None) -> Path:
    """The collection file `path` names (default: $TELLINGS_DB or ./tellings.db); raises
    `CollectionError` when it cannot be one (a folder, or in a folder that does not exist)."""
    location = Path(path or os.environ.get("TELLINGS_DB") or "tellings.db")
    if location.is_dir():
        raise CollectionError(f"{location}: is a folder; give a file name for the collection")
    if not location.parent.exists():
        raise CollectionError(f"{location}: the folder {location.parent} does not exist")
    return location
