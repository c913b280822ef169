"""The storage interface: every read and write of the record goes through a `Store`.

The embedded default is `SQLiteStore`; a PostgreSQL store implements the same
methods. Nothing outside `tellings.store` builds SQL or sees a connection.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from ..model import Claim, Document, Source


@dataclass(frozen=True)
class LedgerRow:
    """One stored ledger entry: its position, kind, canonical JSON and leaf hash."""

    seq: int
    kind: str
    entry: bytes
    leaf_hash: bytes


@dataclass(frozen=True)
class CheckpointRow:
    """A signed tree head: the tree size, its root and the signed note."""

    size: int
    root: bytes
    note: str
    created_at: str


@dataclass(frozen=True)
class KeyRow:
    """The collection's Ed25519 signing key."""

    key_id: str
    public_key: bytes
    private_key: bytes
    created_at: str


@dataclass(frozen=True)
class SearchHit:
    """A document matching a full-text search, with a snippet of the text around the
    match: the matched words stand between U+0002 and U+0003, for the caller to mark
    up after escaping."""

    document_id: str
    snippet: str
    rank: float


class Store(abc.ABC):
    """Where a collection keeps its ledger, originals and the tables projected from them."""

    path: str

    # -- lifecycle -------------------------------------------------------------
    @abc.abstractmethod
    def migrate(self) -> list[str]:
        """Bring the schema up to date; return the names of the migrations applied."""

    @abc.abstractmethod
    def schema_version(self) -> int:
        """The number of the newest migration applied (0 for an empty file)."""

    @abc.abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A unit of work: everything inside is committed together or not at all."""

    @abc.abstractmethod
    def close(self) -> None: ...

    # -- settings --------------------------------------------------------------
    @abc.abstractmethod
    def get_meta(self, key: str) -> str | None: ...

    @abc.abstractmethod
    def set_meta(self, key: str, value: str) -> None: ...

    # -- ledger ----------------------------------------------------------------
    @abc.abstractmethod
    def append_ledger(self, rows: Sequence[LedgerRow]) -> None:
        """Append entries; their `seq` must continue the ledger without gaps."""

    @abc.abstractmethod
    def ledger_size(self) -> int: ...

    @abc.abstractmethod
    def iter_ledger(self, start: int = 0, stop: int | None = None) -> Iterator[LedgerRow]:
        """Entries in stored order (by seq) from `start` up to, not including, `stop`."""

    @abc.abstractmethod
    def get_ledger_entry(self, seq: int) -> LedgerRow | None: ...

    @abc.abstractmethod
    def iter_ledger_kinds(self, kinds: Sequence[str]) -> Iterator[LedgerRow]:
        """Entries of the given kinds, in ledger order."""

    @abc.abstractmethod
    def iter_leaf_hashes(self, start: int = 0, stop: int | None = None) -> Iterator[bytes]: ...

    @abc.abstractmethod
    def add_checkpoint(self, row: CheckpointRow) -> None: ...

    @abc.abstractmethod
    def checkpoints(self) -> list[CheckpointRow]:
        """Every checkpoint, smallest tree first."""

    # -- keys ------------------------------------------------------------------
    @abc.abstractmethod
    def put_key(self, row: KeyRow) -> None: ...

    @abc.abstractmethod
    def keys(self) -> list[KeyRow]: ...

    # -- originals -------------------------------------------------------------
    @abc.abstractmethod
    def put_original(self, sha256: str, data: bytes) -> None: ...

    @abc.abstractmethod
    def get_original(self, sha256: str) -> bytes | None: ...

    @abc.abstractmethod
    def iter_originals(self) -> Iterator[tuple[str, bytes]]:
        """(stored SHA-256, bytes) of every original, one at a time."""

    @abc.abstractmethod
    def originals_size(self) -> int:
        """Total bytes of stored originals."""

    # -- sources ---------------------------------------------------------------
    @abc.abstractmethod
    def insert_source(self, source: Source, seq: int) -> None: ...

    @abc.abstractmethod
    def update_source(self, source: Source, seq: int) -> None: ...

    @abc.abstractmethod
    def get_source(self, source_id: str) -> Source | None: ...

    @abc.abstractmethod
    def find_source(self, name: str) -> Source | None:
        """The source with this name, compared without regard to case."""

    @abc.abstractmethod
    def list_sources(self) -> list[Source]: ...

    @abc.abstractmethod
    def count_documents_by_source(self) -> dict[str, int]: ...

    # -- documents -------------------------------------------------------------
    @abc.abstractmethod
    def insert_document(self, document: Document, reader: str, seq: int) -> None: ...

    @abc.abstractmethod
    def get_document(self, document_id: str) -> Document | None: ...

    @abc.abstractmethod
    def find_documents(self, ref: str) -> list[Document]:
        """Documents whose id starts with `ref`, or whose name or file name is `ref`."""

    @abc.abstractmethod
    def list_documents(self) -> list[Document]:
        """Every document, without its text (empty string), in ingest order."""

    @abc.abstractmethod
    def has_document(self, document_id: str) -> bool: ...

    @abc.abstractmethod
    def document_readers(self) -> dict[str, str]:
        """Which reader made each document's text, by document id."""

    # -- claims ----------------------------------------------------------------
    @abc.abstractmethod
    def insert_claims(self, claims: Sequence[Claim], seqs: Sequence[int]) -> None: ...

    @abc.abstractmethod
    def supersede_claims(self, claim_ids: Sequence[str], by: str, seqs: Sequence[int]) -> None:
        """Mark claims as superseded by a newer extraction (`by` names it)."""

    @abc.abstractmethod
    def claims(
        self,
        *,
        document_id: str | None = None,
        measures: Sequence[str] | None = None,
        event_key: str | None = None,
        current: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Claim]:
        """Claims in document and text order; `current` leaves superseded ones out."""

    @abc.abstractmethod
    def iter_claims(self, *, current: bool = True, batch: int = 10_000) -> Iterator[Claim]:
        """Every claim, streamed in batches so memory stays flat."""

    @abc.abstractmethod
    def claims_page(
        self,
        *,
        after: int = 0,
        limit: int = 50,
        document_id: str | None = None,
        measures: Sequence[str] | None = None,
    ) -> list[tuple[int, Claim]]:
        """Current claims after position `after`, with their positions (a keyset page:
        as fast on the millionth claim as on the first)."""

    @abc.abstractmethod
    def get_claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The claims with these ids, in the order given."""

    @abc.abstractmethod
    def claim_counts_by_source(self) -> dict[str | None, int]:
        """How many current claims each source's documents make (None: no source)."""

    @abc.abstractmethod
    def search_documents(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Documents matching the words of `query`, best first."""

    @abc.abstractmethod
    def count_claims(self, *, current: bool = True) -> int: ...

    # -- aliases ---------------------------------------------------------------
    @abc.abstractmethod
    def insert_alias(self, row: dict[str, Any], seq: int) -> None: ...

    @abc.abstractmethod
    def aliases(self) -> list[dict[str, Any]]: ...

    # -- integrity -------------------------------------------------------------
    @abc.abstractmethod
    def dump_projection(self) -> dict[str, dict[str, dict[str, Any]]]:
        """Every projected table's rows, by table then primary key, for verification.

        Large text columns are given as their SHA-256 so that the comparison with
        the ledger is cheap.
        """

    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """How many rows each table of the record holds."""
