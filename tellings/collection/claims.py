"""A collection's claims: extraction, listing, export and the gazetteer's names."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import (
    InvalidValue,
)
from ..export.claims import FIELDS as CLAIM_FIELDS
from ..export.claims import claim_rows, write_claims
from ..export.events import event_rows, write_events
from ..export.output import check_output
from ..extract.aliases import add_user_alias
from ..extract.claims import EXTRACTOR_VERSION, extract_claims
from ..extract.gazetteer import Gazetteer
from ..extract.suggest import run_suggesters
from ..model import (
    PEOPLE_MEASURES,
    Claim,
    Document,
    json_number,
)
from .base import CollectionBase

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class ExtractionReport:
    """How a (re-)extraction went: documents read, claims added and superseded."""

    documents: int = 0
    added: int = 0
    superseded: int = 0


class ClaimsMixin(CollectionBase):
    """Extraction, claims, exports and aliases."""

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

    def document_claims(self, document_id: str) -> list[Claim]:
        """Every current claim of the document with this full id, facts included, in
        text order."""
        return self.store.claims(document_id=document_id, measures=None)

    def claims_page(
        self,
        *,
        after: int = 0,
        limit: int = 50,
        document_id: str | None = None,
        measures: Sequence[str] | None = None,
    ) -> list[tuple[int, Claim]]:
        """Up to `limit` current claims after position `after`, each with its position
        (pass the last one as `after` for the next page)."""
        return self.store.claims_page(
            after=after, limit=limit, document_id=document_id, measures=measures
        )

    def claim_counts_by_source(self) -> dict[str | None, int]:
        """How many current claims each source's documents make (None: no source)."""
        return self.store.claim_counts_by_source()

    def export_claims(self, path: str | Path, *, facts: bool = False) -> int:
        """Write current claims (people harmed or moved; with `facts`, every figure) to
        `path`: JSON Lines in the gold schema, or CSV when it ends in .csv."""
        out = check_output(path, what="claims export")
        return write_claims(self._claim_rows(facts), out)

    def claims_frame(self, *, facts: bool = False) -> pd.DataFrame:
        """Current claims (people harmed or moved; with `facts`, every figure) as a pandas
        DataFrame, one row per claim with the columns of `export claims`."""
        import pandas as pd  # imported here: the CLI starts faster without it

        return pd.DataFrame(list(self._claim_rows(facts)), columns=list(CLAIM_FIELDS))

    def _claim_rows(self, facts: bool) -> Iterator[dict[str, Any]]:
        documents = {d.id: d for d in self.documents()}
        sources = {s.id: s for s in self.sources()}
        claims = (c for c in self.store.iter_claims() if facts or c.measure in PEOPLE_MEASURES)
        events = {claim_id: event.id for claim_id, event in self.events().by_claim.items()}
        return claim_rows(claims, documents, sources, events)

    def export_events(self, path: str | Path, *, rule: str | None = None) -> int:
        """Write one row per event and measure with low/best/high and the rule: CSV when
        `path` ends in .csv, JSON otherwise."""
        out = check_output(path, what="events export")
        rule = self._rule(rule)
        return write_events(event_rows(self.events(), self.gazetteer, rule), out)

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
