"""The embedded default store: one SQLite file holds the whole collection."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import CollectionError, InvalidValue
from ..model import Claim, Document, OffsetMap, Source, json_number
from .base import CheckpointRow, KeyRow, LedgerRow, SearchHit, Store

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_SOURCE_COLUMNS = "id, name, type, affiliation, reliability, restricted"
_DOCUMENT_COLUMNS = (
    "id, name, filename, format, reader, size, source_id, title, author, url, published, "
    "language, ingested_at, text, text_sha256, offset_map, seq"
)


def _migrations() -> list[tuple[int, str, str]]:
    """(number, name, SQL) of every SQLite migration shipped with the package."""
    folder = resources.files("tellings.store.migrations").joinpath("sqlite")
    found = []
    for item in folder.iterdir():
        match = _MIGRATION_NAME.match(item.name)
        if match:
            found.append((int(match.group(1)), item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


class SQLiteStore(Store):
    """A collection in one SQLite file (WAL journal, foreign keys on)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA busy_timeout = 10000")
        except sqlite3.DatabaseError as exc:
            raise CollectionError(
                f"{self.path}: cannot open as a tellings collection ({exc})"
            ) from exc
        self._depth = 0

    # -- lifecycle -------------------------------------------------------------
    def migrate(self) -> list[str]:
        applied = []
        current = self.schema_version()
        for number, name, sql in _migrations():
            if number <= current:
                continue
            with self.transaction():
                for statement in _split_sql(sql):
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {number:d}")
            applied.append(name)
        return applied

    def schema_version(self) -> int:
        try:
            row = self._conn.execute("PRAGMA user_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise CollectionError(f"{self.path}: not a tellings collection ({exc})") from exc
        return int(row[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # Nested calls join the outer transaction: a document's rows and its ledger
        # entries are committed together or not at all.
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        self._conn.close()

    # -- settings --------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- ledger ----------------------------------------------------------------
    def append_ledger(self, rows: Sequence[LedgerRow]) -> None:
        self._conn.executemany(
            "INSERT INTO ledger (seq, kind, entry, leaf_hash) VALUES (?, ?, ?, ?)",
            [(r.seq, r.kind, r.entry, r.leaf_hash) for r in rows],
        )

    def ledger_size(self) -> int:
        row = self._conn.execute("SELECT COALESCE(MAX(seq) + 1, 0) FROM ledger").fetchone()
        return int(row[0])

    def iter_ledger(self, start: int = 0, stop: int | None = None) -> Iterator[LedgerRow]:
        sql = "SELECT seq, kind, entry, leaf_hash FROM ledger WHERE seq >= ?"
        params: list[int] = [start]
        if stop is not None:
            sql += " AND seq < ?"
            params.append(stop)
        cursor = self._conn.execute(sql + " ORDER BY seq", params)
        for seq, kind, entry, leaf in cursor:
            yield LedgerRow(int(seq), str(kind), bytes(entry), bytes(leaf))

    def get_ledger_entry(self, seq: int) -> LedgerRow | None:
        row = self._conn.execute(
            "SELECT seq, kind, entry, leaf_hash FROM ledger WHERE seq = ?", (seq,)
        ).fetchone()
        if row is None:
            return None
        return LedgerRow(int(row[0]), str(row[1]), bytes(row[2]), bytes(row[3]))

    def iter_ledger_kinds(self, kinds: Sequence[str]) -> Iterator[LedgerRow]:
        cursor = self._conn.execute(
            "SELECT seq, kind, entry, leaf_hash FROM ledger "
            f"WHERE kind IN ({', '.join('?' for _ in kinds)}) ORDER BY seq",
            list(kinds),
        )
        for seq, kind, entry, leaf in cursor:
            yield LedgerRow(int(seq), str(kind), bytes(entry), bytes(leaf))

    def iter_leaf_hashes(self, start: int = 0, stop: int | None = None) -> Iterator[bytes]:
        sql = "SELECT leaf_hash FROM ledger WHERE seq >= ?"
        params: list[int] = [start]
        if stop is not None:
            sql += " AND seq < ?"
            params.append(stop)
        for (leaf,) in self._conn.execute(sql + " ORDER BY seq", params):
            yield bytes(leaf)

    def add_checkpoint(self, row: CheckpointRow) -> None:
        self._conn.execute(
            "INSERT INTO checkpoints (size, root, note, created_at) VALUES (?, ?, ?, ?)",
            (row.size, row.root, row.note, row.created_at),
        )

    def checkpoints(self) -> list[CheckpointRow]:
        rows = self._conn.execute(
            "SELECT size, root, note, created_at FROM checkpoints ORDER BY size"
        ).fetchall()
        return [CheckpointRow(int(s), bytes(r), str(n), str(c)) for s, r, n, c in rows]

    # -- keys ------------------------------------------------------------------
    def put_key(self, row: KeyRow) -> None:
        self._conn.execute(
            "INSERT INTO signing_keys (key_id, public_key, private_key, created_at) "
            "VALUES (?, ?, ?, ?)",
            (row.key_id, row.public_key, row.private_key, row.created_at),
        )

    def keys(self) -> list[KeyRow]:
        rows = self._conn.execute(
            "SELECT key_id, public_key, private_key, created_at FROM signing_keys"
        ).fetchall()
        return [KeyRow(str(k), bytes(p), bytes(s), str(c)) for k, p, s, c in rows]

    # -- originals -------------------------------------------------------------
    def put_original(self, sha256: str, data: bytes) -> None:
        self._conn.execute(
            "INSERT INTO originals (sha256, size, data) VALUES (?, ?, ?) "
            "ON CONFLICT (sha256) DO NOTHING",
            (sha256, len(data), data),
        )

    def get_original(self, sha256: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT data FROM originals WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def iter_originals(self) -> Iterator[tuple[str, bytes]]:
        # One row at a time: originals may be large, memory stays flat.
        ids = [r[0] for r in self._conn.execute("SELECT sha256 FROM originals ORDER BY sha256")]
        for sha in ids:
            data = self.get_original(sha)
            if data is not None:
                yield sha, data

    def originals_size(self) -> int:
        row = self._conn.execute("SELECT COALESCE(SUM(LENGTH(data)), 0) FROM originals")
        return int(row.fetchone()[0])

    # -- sources ---------------------------------------------------------------
    def insert_source(self, source: Source, seq: int) -> None:
        self._conn.execute(
            f"INSERT INTO sources ({_SOURCE_COLUMNS}, seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                source.id,
                source.name,
                source.type,
                source.affiliation,
                source.reliability,
                int(source.restricted),
                seq,
            ),
        )

    def update_source(self, source: Source, seq: int) -> None:
        self._conn.execute(
            "UPDATE sources SET name = ?, type = ?, affiliation = ?, reliability = ?, "
            "restricted = ?, seq = ? WHERE id = ?",
            (
                source.name,
                source.type,
                source.affiliation,
                source.reliability,
                int(source.restricted),
                seq,
                source.id,
            ),
        )

    def get_source(self, source_id: str) -> Source | None:
        row = self._conn.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE id = ?",
            (source_id,),
        ).fetchone()
        return None if row is None else _source(row)

    def find_source(self, name: str) -> Source | None:
        row = self._conn.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE LOWER(name) = LOWER(?) OR id = ?",
            (name, name),
        ).fetchone()
        return None if row is None else _source(row)

    def list_sources(self) -> list[Source]:
        rows = self._conn.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources ORDER BY LOWER(name)"
        ).fetchall()
        return [_source(row) for row in rows]

    def count_documents_by_source(self) -> dict[str, int]:
        rows = self._conn.execute(
            "SELECT source_id, COUNT(*) FROM documents "
            "WHERE source_id IS NOT NULL GROUP BY source_id"
        ).fetchall()
        return {str(s): int(n) for s, n in rows}

    # -- documents -------------------------------------------------------------
    def insert_document(self, document: Document, reader: str, seq: int) -> None:
        text_sha = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
        self._conn.execute(
            f"INSERT INTO documents ({_DOCUMENT_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.id,
                document.name,
                document.filename,
                document.format,
                reader,
                document.size,
                document.source_id,
                document.title,
                document.author,
                document.url,
                document.published,
                document.language,
                document.ingested_at,
                document.text,
                text_sha,
                json.dumps(document.offset_map.to_json(), separators=(",", ":")),
                seq,
            ),
        )

    def get_document(self, document_id: str) -> Document | None:
        row = self._conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return None if row is None else _document(row)

    def find_documents(self, ref: str) -> list[Document]:
        rows = self._conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents "
            "WHERE id = ? OR name = ? OR filename = ? OR id LIKE ? ORDER BY seq",
            (ref, ref, ref, _like_prefix(ref)),
        ).fetchall()
        return [_document(row) for row in rows]

    def list_documents(self) -> list[Document]:
        columns = _DOCUMENT_COLUMNS.replace(" text,", " '' AS text,")
        rows = self._conn.execute(f"SELECT {columns} FROM documents ORDER BY seq").fetchall()
        return [_document(row) for row in rows]

    def has_document(self, document_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,))
        return row.fetchone() is not None

    def document_readers(self) -> dict[str, str]:
        rows = self._conn.execute("SELECT id, reader FROM documents").fetchall()
        return {str(i): str(r) for i, r in rows}

    # -- claims ----------------------------------------------------------------
    def insert_claims(self, claims: Sequence[Claim], seqs: Sequence[int]) -> None:
        placeholders = ", ".join("?" for _ in _CLAIM_COLUMNS)
        self._conn.executemany(
            f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}, seq) VALUES ({placeholders}, ?)",
            [(*_claim_row(c), seq) for c, seq in zip(claims, seqs, strict=True)],
        )

    def supersede_claims(self, claim_ids: Sequence[str], by: str, seqs: Sequence[int]) -> None:
        self._conn.executemany(
            "UPDATE claims SET superseded_by = ?, seq = ? WHERE id = ?",
            [(by, seq, claim_id) for claim_id, seq in zip(claim_ids, seqs, strict=True)],
        )

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
        where, params = _claim_filters(document_id, measures, event_key, current)
        sql = f"SELECT {', '.join(_CLAIM_COLUMNS)} FROM claims{where} ORDER BY rowid"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [_claim(row) for row in self._conn.execute(sql, params)]

    def iter_claims(self, *, current: bool = True, batch: int = 10_000) -> Iterator[Claim]:
        where, params = _claim_filters(None, None, None, current)
        last = 0
        while True:
            rows = self._conn.execute(
                f"SELECT rowid, {', '.join(_CLAIM_COLUMNS)} FROM claims{where}"
                + (" AND" if where else " WHERE")
                + " rowid > ? ORDER BY rowid LIMIT ?",
                [*params, last, batch],
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _claim(row[1:])
            last = rows[-1][0]

    def claims_page(
        self,
        *,
        after: int = 0,
        limit: int = 50,
        document_id: str | None = None,
        measures: Sequence[str] | None = None,
    ) -> list[tuple[int, Claim]]:
        where, params = _claim_filters(document_id, measures, None, True)
        rows = self._conn.execute(
            f"SELECT rowid, {', '.join(_CLAIM_COLUMNS)} FROM claims{where}"
            + (" AND" if where else " WHERE")
            + " rowid > ? ORDER BY rowid LIMIT ?",
            [*params, after, limit],
        ).fetchall()
        return [(int(row[0]), _claim(row[1:])) for row in rows]

    def get_claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        found: list[Claim] = []
        for chunk in range(0, len(claim_ids), 500):
            ids = list(claim_ids[chunk : chunk + 500])
            found.extend(
                _claim(row)
                for row in self._conn.execute(
                    f"SELECT {', '.join(_CLAIM_COLUMNS)} FROM claims "
                    f"WHERE id IN ({', '.join('?' for _ in ids)})",
                    ids,
                )
            )
        order = {claim_id: i for i, claim_id in enumerate(claim_ids)}
        return sorted(found, key=lambda c: order.get(c.id, 0))

    def claim_counts_by_source(self) -> dict[str | None, int]:
        return {
            row[0]: int(row[1])
            for row in self._conn.execute(
                "SELECT d.source_id, COUNT(*) FROM claims c JOIN documents d "
                "ON d.id = c.document_id WHERE c.superseded_by IS NULL GROUP BY d.source_id"
            )
        }

    def search_documents(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        try:
            # The page is chosen first and snippets made for it alone: a snippet for
            # every matching document, before sorting, costs more than the ranking.
            # Ranking (BM25) is computed for the first SEARCH_RANKED matches only, so a
            # word found in nearly every document still answers at once.
            rows = self._conn.execute(
                "SELECT d.id, snippet(documents_fts, 2, char(2), char(3), ' … ', 16), "
                "bm25(documents_fts) FROM documents_fts JOIN documents d "
                "ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?1 "
                "AND documents_fts.rowid IN (SELECT rowid FROM (SELECT rowid, "
                "bm25(documents_fts) AS score FROM documents_fts WHERE documents_fts "
                "MATCH ?1 LIMIT ?4) ORDER BY score, rowid LIMIT ?2 OFFSET ?3) "
                "ORDER BY bm25(documents_fts), documents_fts.rowid",
                (_fts_query(query), limit, offset, SEARCH_RANKED),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise InvalidValue(f"cannot search for {query!r}: {exc}") from exc
        return [SearchHit(str(r[0]), str(r[1]), float(r[2])) for r in rows]

    def count_claims(self, *, current: bool = True) -> int:
        where = " WHERE superseded_by IS NULL" if current else ""
        return int(self._conn.execute(f"SELECT COUNT(*) FROM claims{where}").fetchone()[0])

    # -- aliases ---------------------------------------------------------------
    def insert_alias(self, row: dict[str, Any], seq: int) -> None:
        self._conn.execute(
            "INSERT INTO aliases (entity_id, alias, kind, name, country, lat, lon, parent, seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id, alias) DO NOTHING",
            (
                row["entity_id"],
                row["alias"],
                row.get("kind"),
                row.get("name"),
                row.get("country"),
                row.get("lat"),
                row.get("lon"),
                row.get("parent"),
                seq,
            ),
        )

    def aliases(self) -> list[dict[str, Any]]:
        cursor = self._conn.execute(
            "SELECT entity_id, alias, kind, name, country, lat, lon, parent FROM aliases "
            "ORDER BY seq"
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    # -- integrity -------------------------------------------------------------
    def dump_projection(self) -> dict[str, dict[str, dict[str, Any]]]:
        sources = {
            str(row[0]): {
                "name": row[1],
                "type": row[2],
                "affiliation": row[3],
                "reliability": row[4],
                "restricted": bool(row[5]),
            }
            for row in self._conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources")
        }
        documents = {}
        for row in self._conn.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents"):
            doc = _document(row)
            documents[doc.id] = {
                "name": doc.name,
                "filename": doc.filename,
                "format": doc.format,
                "reader": row[4],
                "size": doc.size,
                "source_id": doc.source_id,
                "title": doc.title,
                "author": doc.author,
                "url": doc.url,
                "published": doc.published,
                "language": doc.language,
                "ingested_at": doc.ingested_at,
                # Recomputed from the stored text, not read from the stored hash, so
                # that an edited text shows.
                "text_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
                "offset_map_sha256": hashlib.sha256(row[15].encode("utf-8")).hexdigest(),
            }
        claims = {}
        for row in self._conn.execute(f"SELECT {', '.join(_CLAIM_COLUMNS)} FROM claims"):
            data = _claim(row).to_json()
            claims[data.pop("id")] = data
        aliases = {}
        for alias in self.aliases():
            aliases[f"{alias['entity_id']}|{alias['alias']}"] = {
                k: json_number(v) if isinstance(v, float) else v for k, v in alias.items()
            }
        return {"sources": sources, "documents": documents, "claims": claims, "aliases": aliases}

    def counts(self) -> dict[str, int]:
        counts = {}
        for table in ("sources", "documents", "originals", "claims", "ledger", "checkpoints"):
            counts[table] = int(self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        return counts


def _source(row: Sequence[Any]) -> Source:
    return Source(row[0], row[1], row[2], row[3], row[4], bool(row[5]))


def _document(row: Sequence[Any]) -> Document:
    return Document(
        id=row[0],
        name=row[1],
        filename=row[2],
        format=row[3],
        size=int(row[5]),
        source_id=row[6],
        title=row[7],
        author=row[8],
        url=row[9],
        published=row[10],
        language=row[11],
        ingested_at=row[12],
        text=row[13],
        offset_map=OffsetMap.from_json(json.loads(row[15])),
        extra={"reader": row[4], "seq": row[16]},
    )


_CLAIM_FIELDS = tuple(f for f in Claim.__dataclass_fields__)
_CLAIM_COLUMNS = tuple(
    {"start": "start_offset", "end": "end_offset"}.get(f, f) for f in _CLAIM_FIELDS
)


def _claim_row(claim: Claim) -> tuple[Any, ...]:
    return tuple(
        int(v) if isinstance(v, bool) else v for v in (getattr(claim, f) for f in _CLAIM_FIELDS)
    )


def _claim(row: Sequence[Any]) -> Claim:
    values = dict(zip(_CLAIM_FIELDS, row, strict=True))
    values["period"] = bool(values["period"])
    for name in ("low", "high", "value", "normalised_low", "normalised_high"):
        number = values[name]
        if isinstance(number, float) and number.is_integer():
            values[name] = int(number)
    return Claim(**values)


def _claim_filters(
    document_id: str | None,
    measures: Sequence[str] | None,
    event_key: str | None,
    current: bool,
) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if document_id is not None:
        clauses.append("document_id = ?")
        params.append(document_id)
    if measures:
        clauses.append(f"measure IN ({', '.join('?' for _ in measures)})")
        params.extend(measures)
    if event_key is not None:
        clauses.append("event_key = ?")
        params.append(event_key)
    if current:
        clauses.append("superseded_by IS NULL")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _like_prefix(ref: str) -> str:
    # Only hex prefixes of at least 6 characters select documents by id prefix.
    if len(ref) >= 6 and re.fullmatch(r"[0-9a-f]+", ref):
        return ref + "%"
    return "\x00"


SEARCH_RANKED = 5_000


def _fts_query(query: str) -> str:
    """Words as FTS5 phrases, so that punctuation in a query is never FTS syntax; a
    trailing `*` keeps its meaning of a prefix."""
    terms = []
    for word in query.split():
        prefix = word.endswith("*")
        word = word.rstrip("*").replace('"', '""')
        if word:
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or '""'


def _split_sql(sql: str) -> list[str]:
    """The statements of a migration; a trigger's body keeps its inner semicolons."""
    statements, buffer = [], ""
    for line in sql.splitlines():
        if line.strip().startswith("--"):
            continue
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
