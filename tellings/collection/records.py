"""A collection's sources and documents, and ingest."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from ..errors import (
    IngestError,
    InvalidValue,
    MissingPath,
    NotFound,
    UnreadableFile,
)
from ..ingest import DEFAULT_MAX_BYTES, check_size, read_document, reader_for
from ..ingest.batch import IngestItem, IngestOutcome, IngestReport, walk
from ..ingest.dates import parse_published
from ..ingest.manifest import read_manifest
from ..ledger.log import utc_now
from ..model import (
    RELIABILITY_GRADES,
    SOURCE_TYPES,
    Document,
    DocumentMeta,
    Source,
)
from ..store import SearchHit
from .base import CollectionBase


class IngestProgress(Protocol):
    """Told the batch size once, then each outcome as it happens."""

    def start(self, total: int) -> None: ...

    def done(self, outcome: IngestOutcome) -> None: ...


class RecordsMixin(CollectionBase):
    """Sources, documents and ingest."""

    def sources(self) -> list[Source]:
        return self.store.list_sources()

    def source_document_counts(self) -> dict[str, int]:
        return self.store.count_documents_by_source()

    def source_by_id(self, source_id: str) -> Source | None:
        return self.store.get_source(source_id)

    def source(self, name: str) -> Source:
        found = self.store.find_source(name)
        if found is None:
            raise NotFound(f"no source named {name!r}; `tellings sources` lists them")
        return found

    def ensure_source(self, name: str, source_type: str | None = None) -> Source:
        """The source called `name`, created (a ledger entry) on its first mention."""
        name = " ".join(name.split())
        if not name:
            raise InvalidValue("a source needs a name")
        found = self.store.find_source(name)
        if found is not None:
            return found
        _check_source_type(source_type)
        source = Source(id=self._new_source_id(name), name=name, type=source_type)
        with self.store.transaction():
            seq = self.ledger.append("source.added", _source_data(source))
            self.store.insert_source(source, seq)
        return source

    def edit_source(
        self,
        name: str,
        *,
        new_name: str | None = None,
        type: str | None = None,
        affiliation: str | None = None,
        reliability: str | None = None,
        restricted: bool | None = None,
    ) -> Source:
        """Change a source's name, type, affiliation, reliability or restriction (a ledger
        entry).

        Give "" to clear a field. A restricted source's documents are withheld from
        bundles made with `exclude_restricted`. Returns the source as it now stands.
        """
        source = self.source(name)
        changes: dict[str, Any] = {}
        if new_name is not None:
            new_name = " ".join(new_name.split())
            if not new_name:
                raise InvalidValue("a source's name cannot be empty")
            other = self.store.find_source(new_name)
            if other is not None and other.id != source.id:
                raise InvalidValue(f"another source is already called {other.name!r}")
            changes["name"] = new_name
        if type is not None:
            _check_source_type(type or None)
            changes["type"] = type or None
        if affiliation is not None:
            changes["affiliation"] = affiliation.strip() or None
        if reliability is not None:
            grade = reliability.strip().upper() or None
            if grade is not None and grade not in RELIABILITY_GRADES:
                raise InvalidValue(
                    f"reliability {reliability!r} is not an Admiralty grade; use one of "
                    + ", ".join(RELIABILITY_GRADES)
                    + " (A completely reliable ... E unreliable, F cannot be judged)"
                )
            changes["reliability"] = grade
        if restricted is not None:
            changes["restricted"] = restricted
        updated = replace(source, **changes)
        if updated == source:
            return source
        with self.store.transaction():
            seq = self.ledger.append("source.updated", _source_data(updated))
            self.store.update_source(updated, seq)
        self.ledger.checkpoint()
        return updated

    def _new_source_id(self, name: str) -> str:
        base = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
        base = "-".join(part for part in base.split("-") if part)[:48] or "source"
        candidate, n = base, 2
        while self.store.get_source(candidate) is not None:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    # -- documents -------------------------------------------------------------
    def documents(self) -> list[Document]:
        """Every document (without its text), in the order they were ingested."""
        return self.store.list_documents()

    def document(self, ref: str) -> Document:
        """The document named by `ref`: its SHA-256 (or a prefix of 6+), name or file name."""
        found = self.store.find_documents(ref)
        if not found:
            raise NotFound(f"no document {ref!r}; `tellings documents` lists them")
        if len(found) > 1:
            ids = ", ".join(d.id[:12] for d in found)
            raise InvalidValue(f"{ref!r} names {len(found)} documents ({ids}); give more of an id")
        return found[0]

    def document_by_id(self, document_id: str) -> Document | None:
        """The document with this full id (its SHA-256), or None."""
        return self.store.get_document(document_id)

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Documents matching every word of `query` (full-text, best first); a trailing
        `*` matches a prefix, other punctuation is taken as text."""
        return self.store.search_documents(query, limit=limit, offset=offset)

    def original(self, ref: str) -> bytes:
        """The original bytes of a document, exactly as they were ingested."""
        document = self.document(ref)
        data = self.store.get_original(document.id)
        if data is None:
            raise NotFound(f"the original of {document.filename} is missing from the collection")
        return data

    # -- ingest ----------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | Path] = (),
        *,
        meta: DocumentMeta | None = None,
        manifest: str | Path | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: IngestProgress | None = None,
    ) -> IngestReport:
        """Take files and folders (and a manifest's rows) into the collection.

        Each document is one transaction; a bad file is reported and the batch goes
        on. The tree head is signed once at the end, and also when the batch is
        interrupted, so what was recorded is always covered.
        """
        meta = _checked_meta(meta or DocumentMeta())
        report = IngestReport()
        items = self.plan_ingest(paths, meta=meta, manifest=manifest, report=report)
        if progress is not None:
            progress.start(len(items))
        try:
            for item in items:
                outcome = self.ingest_item(item, max_bytes=max_bytes)
                report.add(outcome)
                if progress is not None:
                    progress.done(outcome)
        finally:
            self.ledger.checkpoint()
        return report

    def plan_ingest(
        self,
        paths: Iterable[str | Path],
        *,
        meta: DocumentMeta,
        manifest: str | Path | None,
        report: IngestReport,
    ) -> list[IngestItem]:
        """The files a batch will take, in order; bad manifest rows go into `report`."""
        items = [IngestItem(path, meta) for path in walk(paths)]
        if manifest is not None:
            entries, errors = read_manifest(Path(manifest))
            for error in errors:
                report.add(
                    IngestOutcome(
                        f"{error.manifest}, row {error.row}", "failed", reason=error.reason
                    )
                )
            for entry in entries:
                where = f"{manifest}, row {entry.row}"
                try:
                    row_meta = _checked_meta(_merge_meta(entry.meta, meta))
                except InvalidValue as exc:
                    report.add(IngestOutcome(where, "failed", reason=exc.message))
                    continue
                items.append(IngestItem(entry.path, row_meta, where))
        return items

    def ingest_item(self, item: IngestItem, *, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestOutcome:
        """Ingest one file; never raises for a bad file, returns a failed outcome instead."""
        shown = str(item.path)
        try:
            return self._ingest_file(item, max_bytes)
        except IngestError as exc:
            return IngestOutcome(shown, "failed", reason=exc.reason)
        except InvalidValue as exc:
            return IngestOutcome(shown, "failed", reason=exc.message)

    def _ingest_file(self, item: IngestItem, max_bytes: int) -> IngestOutcome:
        path, shown = item.path, str(item.path)
        if not path.exists():
            raise MissingPath(shown, "no such file or folder")
        if not path.is_file():
            raise UnreadableFile(shown, "not a regular file")
        reader = reader_for(shown)  # refuses unsupported formats before reading bytes
        try:
            # Checked before reading so that a huge file is never loaded.
            check_size(shown, path.stat().st_size, max_bytes)
            data = path.read_bytes()
        except OSError as exc:
            raise UnreadableFile(shown, f"cannot be read ({exc.strerror or exc})") from exc
        sha = hashlib.sha256(data).hexdigest()
        if self.store.has_document(sha):
            return IngestOutcome(shown, "present", document_id=sha)
        extracted = read_document(shown, data, max_bytes=max_bytes)
        now = utc_now()
        meta = item.meta
        with self.store.transaction():
            source = self.ensure_source(meta.source, meta.source_type) if meta.source else None
            document = Document(
                id=sha,
                name=path.stem,
                filename=path.name,
                format=extracted.format,
                size=len(data),
                text=extracted.text,
                offset_map=extracted.offset_map,
                source_id=source.id if source else None,
                title=meta.title or extracted.title,
                author=extracted.author,
                url=meta.url,
                published=meta.published or extracted.published,
                language=meta.language or extracted.language,
                ingested_at=now,
            )
            self.record_document(document, reader, data)
        return IngestOutcome(shown, "added", document_id=sha, notes=extracted.notes)

    def record_document(self, document: Document, reader: str, data: bytes) -> None:
        """Keep `data` as the document's original and record the document (a
        `document.added` entry) and, when extraction is on, its claims: one transaction.

        `reader` names the versioned reader that made `document.text` from `data`.
        Ingest and `tellings import` both come through here.
        """
        with self.store.transaction():
            self.store.put_original(document.id, data)
            seq = self.ledger.append(
                "document.added", document_entry(document, reader), at=document.ingested_at
            )
            self.store.insert_document(document, reader, seq)
            if self.extract_on_ingest:
                self._record_claims(document)

    # -- extraction ------------------------------------------------------------


def document_entry(document: Document, reader: str) -> dict[str, Any]:
    """The ledger data of a `document.added` entry: every projected field of the row."""
    offset_map = json.dumps(document.offset_map.to_json(), separators=(",", ":"))
    return {
        "id": document.id,
        "name": document.name,
        "filename": document.filename,
        "format": document.format,
        "reader": reader,
        "size": document.size,
        "source_id": document.source_id,
        "title": document.title,
        "author": document.author,
        "url": document.url,
        "published": document.published,
        "language": document.language,
        "ingested_at": document.ingested_at,
        "text_sha256": hashlib.sha256(document.text.encode("utf-8")).hexdigest(),
        "offset_map_sha256": hashlib.sha256(offset_map.encode("utf-8")).hexdigest(),
    }


def _source_data(source: Source) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": source.id,
        "name": source.name,
        "type": source.type,
        "affiliation": source.affiliation,
        "reliability": source.reliability,
    }
    # Only when set: the entries of sources never restricted keep their earlier form.
    if source.restricted:
        data["restricted"] = True
    return data


def _check_source_type(source_type: str | None) -> None:
    if source_type is not None and source_type not in SOURCE_TYPES:
        raise InvalidValue(f"source type {source_type!r} is not one of: " + ", ".join(SOURCE_TYPES))


def _checked_meta(meta: DocumentMeta) -> DocumentMeta:
    _check_source_type(meta.source_type)
    if meta.source_type and not meta.source:
        raise InvalidValue("a source type was given without a source name (--source NAME)")
    published = parse_published(meta.published) if meta.published else None
    return replace(meta, published=published)


def _merge_meta(row: DocumentMeta, defaults: DocumentMeta) -> DocumentMeta:
    """A manifest row's metadata, with the command's options filling its empty cells."""
    fields: Sequence[str] = ("source", "source_type", "url", "published", "language", "title")
    return DocumentMeta(**{f: getattr(row, f) or getattr(defaults, f) for f in fields})
