"""The front door: a `Collection` wires the stages to the store and the ledger.

The CLI and the web layer call these methods and nothing below them.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from . import __version__
from .errors import (
    CollectionError,
    IngestError,
    InvalidValue,
    MissingPath,
    NotFound,
    UnreadableFile,
)
from .events import (
    DECISION_KINDS,
    EventBook,
    build_book,
    check_title,
    decision_entry,
    decisions_from,
    new_event_id,
)
from .export.claims import claim_rows, write_claims
from .export.events import event_rows, write_events
from .extract.aliases import add_user_alias
from .extract.claims import EXTRACTOR_VERSION, extract_claims
from .extract.gazetteer import Gazetteer
from .extract.suggest import run_suggesters
from .ingest import DEFAULT_MAX_BYTES, check_size, read_document, reader_for
from .ingest.batch import IngestItem, IngestOutcome, IngestReport, walk
from .ingest.dates import parse_published
from .ingest.manifest import read_manifest
from .ledger.checkpoint import SigningKey, key_id
from .ledger.log import Ledger, utc_now
from .ledger.proof import InclusionProof
from .model import (
    PEOPLE_MEASURES,
    RELIABILITY_GRADES,
    SOURCE_TYPES,
    Claim,
    Document,
    DocumentMeta,
    Source,
    json_number,
)
from .reconcile import DEFAULT_RULE, RULES, Range
from .resolve import Event
from .store import CheckpointRow, KeyRow, Store, open_store
from .verify import VerifyReport, verify_store


class IngestProgress(Protocol):
    """Told the batch size once, then each outcome as it happens."""

    def start(self, total: int) -> None: ...

    def done(self, outcome: IngestOutcome) -> None: ...


@dataclass
class ExtractionReport:
    """How a (re-)extraction went: documents read, claims added and superseded."""

    documents: int = 0
    added: int = 0
    superseded: int = 0


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


class Collection:
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
        return key_id(self.ledger.key.public_bytes())

    # -- sources ---------------------------------------------------------------
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
    ) -> Source:
        """Change a source's name, type, affiliation or reliability (a ledger entry).

        Give "" to clear a field. Returns the source as it now stands.
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
            self.store.put_original(sha, data)
            seq = self.ledger.append("document.added", document_entry(document, reader), at=now)
            self.store.insert_document(document, reader, seq)
            if self.extract_on_ingest:
                self._record_claims(document)
        return IngestOutcome(shown, "added", document_id=sha, notes=extracted.notes)

    # -- extraction ------------------------------------------------------------
    @property
    def gazetteer(self) -> Gazetteer:
        """The default gazetteer with the names users added to this collection."""
        if self._gazetteer is None:
            gazetteer = Gazetteer.default()
            for row in self.store.aliases():
                add_user_alias(gazetteer, row)
            self._gazetteer = gazetteer
        return self._gazetteer

    def extract(self, refs: Sequence[str] | None = None) -> ExtractionReport:
        """(Re-)extract the claims of the documents named (all when None).

        Claims the current extractor finds that are not yet recorded are added; recorded
        claims it no longer finds are marked superseded. Nothing is overwritten, and a
        document whose claims are unchanged changes nothing. One transaction per document.
        """
        documents = [self.document(ref) for ref in refs] if refs is not None else self.documents()
        report = ExtractionReport()
        try:
            for listed in documents:
                document = self.store.get_document(listed.id)
                if document is None:
                    continue
                with self.store.transaction():
                    added, superseded = self._record_claims(document)
                report.documents += 1
                report.added += added
                report.superseded += superseded
        finally:
            self.ledger.checkpoint()
        return report

    def _record_claims(self, document: Document) -> tuple[int, int]:
        self._events = None
        found = extract_claims(
            document.text, document.id, published=document.published, gazetteer=self.gazetteer
        )
        if self.suggesters:
            found += run_suggesters(document.text, found, self.suggesters)
        recorded = {c.id: c for c in self.store.claims(document_id=document.id)}
        new = [c for c in found if c.id not in recorded]
        wanted = {c.id for c in found}
        gone = [claim_id for claim_id in recorded if claim_id not in wanted]
        if new:
            seqs = self.ledger.append_many("claim.added", [c.to_json() for c in new])
            self.store.insert_claims(new, seqs)
        if gone:
            seqs = self.ledger.append_many(
                "claim.superseded", [{"id": i, "by": EXTRACTOR_VERSION} for i in gone]
            )
            self.store.supersede_claims(gone, EXTRACTOR_VERSION, seqs)
        return len(new), len(gone)

    def claims(
        self,
        *,
        document: str | None = None,
        measures: Sequence[str] | None = PEOPLE_MEASURES,
        event: str | None = None,
        current: bool = True,
    ) -> list[Claim]:
        """Claims in document and text order, of one document, measures (default: people
        harmed or moved; None for every figure) or event."""
        document_id = self.document(document).id if document else None
        return self.store.claims(
            document_id=document_id, measures=measures, event_key=event, current=current
        )

    def export_claims(self, path: str | Path, *, facts: bool = False) -> int:
        """Write current claims (people harmed or moved; with `facts`, every figure) to
        `path`: JSON Lines in the gold schema, or CSV when it ends in .csv."""
        documents = {d.id: d for d in self.documents()}
        sources = {s.id: s for s in self.sources()}
        claims = (c for c in self.store.iter_claims() if facts or c.measure in PEOPLE_MEASURES)
        events = {claim_id: event.id for claim_id, event in self.events().by_claim.items()}
        return write_claims(claim_rows(claims, documents, sources, events), Path(path))

    def export_events(self, path: str | Path, *, rule: str | None = None) -> int:
        """Write one row per event and measure with low/best/high and the rule: CSV when
        `path` ends in .csv, JSON otherwise."""
        rule = rule or self.reconcile_rule
        return write_events(event_rows(self.events(), self.gazetteer, rule), Path(path))

    def add_alias(self, entity_id: str, alias: str, **fields: Any) -> dict[str, Any]:
        """Add a name to the gazetteer (a ledger entry); a new entity when `entity_id` is new.

        `fields` may give kind, name, country, lat, lon and parent for a new entity.
        Re-run `extract` afterwards so that documents already in are read again.
        """
        alias = " ".join(alias.split())
        if not alias or not entity_id.strip():
            raise InvalidValue("an alias needs an entity id and a name")
        row: dict[str, Any] = {"entity_id": entity_id.strip(), "alias": alias}
        for key in ("kind", "name", "country", "lat", "lon", "parent"):
            value = fields.get(key)
            row[key] = (
                json_number(float(value)) if key in ("lat", "lon") and value is not None else value
            )
        add_user_alias(self.gazetteer, row)
        with self.store.transaction():
            seq = self.ledger.append("alias.added", row)
            self.store.insert_alias(
                {
                    k: (float(v) if k in ("lat", "lon") and v is not None else v)
                    for k, v in row.items()
                },
                seq,
            )
        self.ledger.checkpoint()
        return row

    def import_aliases(self, path: str | Path) -> int:
        """Add every name of a YAML or CSV gazetteer file; returns how many were added."""
        loaded = Gazetteer.from_entities([])
        loaded.load_file(Path(path))
        added = 0
        for entity in loaded:
            for alias in dict.fromkeys((entity.name, *entity.aliases)):
                self.add_alias(
                    entity.id,
                    alias,
                    kind=entity.kind,
                    name=entity.name,
                    country=entity.country,
                    lat=entity.lat,
                    lon=entity.lon,
                    parent=entity.parent,
                )
                added += 1
        return added

    def aliases(self) -> list[dict[str, Any]]:
        return self.store.aliases()

    # -- events ----------------------------------------------------------------
    def events(self) -> EventBook:
        """Every event: claims resolved into events, with people's corrections applied."""
        if self._events is None:
            rows = self.store.iter_ledger_kinds(DECISION_KINDS)
            decisions = decisions_from(json.loads(row.entry) for row in rows)
            self._events = build_book(
                list(self.store.iter_claims()),
                self.sources(),
                self.documents(),
                self.gazetteer,
                decisions,
            )
        return self._events

    def merge_events(self, target: str, other: str) -> str:
        """Join event `other` into `target` (a ledger entry); returns the event's id."""
        book = self.events()
        a, b = book.event(target), book.event(other)
        if a.id == b.id:
            raise InvalidValue("an event cannot be merged with itself")
        self._decide("event.merged", decision_entry(a.id, a.claims + b.claims))
        return a.id

    def split_event(self, event: str, claim_ids: Sequence[str]) -> str:
        """Take claims out of an event into a new one (a ledger entry); returns its id."""
        found = self.events().event(event)
        taken = [c for c in found.claims if any(c.id.startswith(i) for i in claim_ids)]
        if not taken or len(taken) == len(found.claims):
            raise InvalidValue("name some, but not all, of the event's claims to split off")
        new_id = new_event_id(taken)
        self._decide("event.split", decision_entry(new_id, taken, source=found.id))
        return new_id

    def rename_event(self, event: str, title: str) -> None:
        found = self.events().event(event)
        self._decide(
            "event.renamed",
            decision_entry(found.id, found.claims[:1], title=check_title(title)),
        )

    def _decide(self, kind: str, data: dict[str, Any]) -> None:
        with self.store.transaction():
            self.ledger.append(kind, data)
        self.ledger.checkpoint()
        self._events = None

    @property
    def reconcile_rule(self) -> str:
        """The collection's default range rule (`reconcile.ucdp.v1` unless set)."""
        return self.store.get_meta("reconcile.rule") or DEFAULT_RULE

    def set_reconcile_rule(self, name: str) -> None:
        if name not in RULES:
            raise InvalidValue(f"no range rule {name!r}; rules: " + ", ".join(sorted(RULES)))
        with self.store.transaction():
            self.store.set_meta("reconcile.rule", name)

    def record_ranges(self, event: Event, rule_name: str | None = None) -> list[Range]:
        """Compute an event's ranges and record each, with its inputs, in the ledger."""
        book = self.events()
        ranges = book.ranges(event, rule_name or self.reconcile_rule)
        with self.store.transaction():
            self.ledger.append_many(
                "range.computed",
                [
                    {
                        "event": event.id,
                        "measure": r.measure,
                        "rule": r.rule,
                        "low": _plain(r.low),
                        "best": _plain(r.best),
                        "high": _plain(r.high),
                        "inputs": list(r.inputs),
                        "shown": list(r.shown),
                    }
                    for r in ranges
                ],
            )
        self.ledger.checkpoint()
        return ranges

    # -- ledger ----------------------------------------------------------------
    def verify(self, expect_key: str | None = None) -> VerifyReport:
        """Check originals, ledger, checkpoints and tables; see `tellings.verify`."""
        return verify_store(self.store, expect_key=expect_key)

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
        return [json.loads(row.entry) for row in self.store.iter_ledger(start, stop)]

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
    location = Path(path or os.environ.get("TELLINGS_DB") or "tellings.db")
    if location.is_dir():
        raise CollectionError(f"{location}: is a folder; give a file name for the collection")
    if not location.parent.exists():
        raise CollectionError(f"{location}: the folder {location.parent} does not exist")
    return Collection(open_store(location))


def _plain(value: float | None) -> int | str | None:
    return None if value is None else json_number(float(value))


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
    return {
        "id": source.id,
        "name": source.name,
        "type": source.type,
        "affiliation": source.affiliation,
        "reliability": source.reliability,
    }


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
