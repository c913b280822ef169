"""A collection's exports to other tools: ACLED-like CSV, GeoJSON, TimelineJS, Web
Annotations and the HTML report.

Each method checks the output path before any work, computes with the matching module
of `tellings.export` and writes the file; it returns how many items it wrote.
"""

from __future__ import annotations

from pathlib import Path

from ..export.acled import acled_rows, write_acled
from ..export.annotations import annotation_collection, write_annotations
from ..export.geojson import geojson_collection, write_geojson
from ..export.output import check_output
from ..export.report import build_report, write_report
from ..export.timelinejs import timeline, write_timeline
from ..model import PEOPLE_MEASURES
from .base import CollectionBase

ACLED_SUFFIXES = (".csv",)
GEOJSON_SUFFIXES = (".geojson", ".json")
TIMELINE_SUFFIXES = (".json",)
ANNOTATION_SUFFIXES = (".jsonld", ".json")
REPORT_SUFFIXES = (".html", ".htm")


class ExportsMixin(CollectionBase):
    """Exports for other tools."""

    def export_acled(self, path: str | Path) -> int:
        """Write one ACLED-like CSV row per incident, with the conservative killed figure
        as `fatalities` and the sources' figures in `notes`; returns how many rows."""
        out = check_output(path, ACLED_SUFFIXES, what="ACLED export")
        return write_acled(acled_rows(self.events(), self.gazetteer), out)

    def export_geojson(self, path: str | Path, *, rule: str | None = None) -> int:
        """Write the events that can be placed on a map as a GeoJSON FeatureCollection,
        with each measure's low/best/high by `rule`; returns how many features."""
        out = check_output(path, GEOJSON_SUFFIXES, what="GeoJSON export")
        rule = self._rule(rule)
        return write_geojson(geojson_collection(self.events(), self.gazetteer, rule), out)

    def export_timeline(
        self, path: str | Path, *, rule: str | None = None, title: str | None = None
    ) -> int:
        """Write the dated events as a TimelineJS3 JSON file; returns how many slides."""
        out = check_output(path, TIMELINE_SUFFIXES, what="TimelineJS export")
        rule = self._rule(rule)
        document = timeline(self.events(), self.gazetteer, rule, title=title or self._title())
        return write_timeline(document, out)

    def export_annotations(self, path: str | Path, *, facts: bool = False) -> int:
        """Write every current claim (people harmed or moved; with `facts`, every figure)
        as a W3C Web Annotation on its document; returns how many annotations."""
        out = check_output(path, ANNOTATION_SUFFIXES, what="Web Annotation export")
        claims = (c for c in self.store.iter_claims() if facts or c.measure in PEOPLE_MEASURES)
        events = {claim_id: event.id for claim_id, event in self.events().by_claim.items()}
        collection = annotation_collection(
            claims,
            {d.id: d for d in self.documents()},
            {s.id: s for s in self.sources()},
            events,
            label=f"Figures in {Path(self.store.path).name}",
        )
        return write_annotations(collection, out)

    def export_report(
        self, path: str | Path, *, rule: str | None = None, title: str | None = None
    ) -> int:
        """Write the record as one self-contained, printable HTML report; returns how many
        events it shows."""
        out = check_output(path, REPORT_SUFFIXES, what="report")
        rule = self._rule(rule)
        keys = self.store.keys()
        provenance = (
            f"Collection {self.ledger.origin}, signing key {keys[0].key_id if keys else '?'}, "
            f"ledger of {self.store.ledger_size()} entries; `tellings verify` checks it."
        )
        report = build_report(
            self.events(), self.gazetteer, rule, title=title or self._title(), provenance=provenance
        )
        return write_report(report, out)

    def _title(self) -> str:
        return f"Record of {Path(self.store.path).name}"
