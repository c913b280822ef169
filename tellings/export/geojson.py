"""`export.geojson.v1`: events on a map, as a GeoJSON FeatureCollection (RFC 7946).

One Point feature per event whose place, or a place that holds it, has coordinates in
the gazetteer; events that name no place, or only a country, are left out. Coordinates
are WGS 84 longitude then latitude (RFC 7946 §3.1.1), rounded to six decimals (§11.2).
Properties are flat, so GIS tools show them as columns: for each measure counted,
`<measure>_low`, `<measure>_best` and `<measure>_high` by the rule named in `rule`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from ..events import EventBook
from ..extract.gazetteer import Gazetteer
from ..resolve import canonical_date
from .describe import event_type, locate, plain
from .output import write_output


def geojson_collection(book: EventBook, gazetteer: Gazetteer, rule: str) -> dict[str, Any]:
    """A FeatureCollection of every event that can be placed, in timeline order."""
    features = []
    for event in book.events:
        location = locate(event, gazetteer)
        if location is None or location.lat is None or location.lon is None:
            continue
        properties: dict[str, Any] = {
            "id": event.id,
            "title": book.title(event),
            "date": canonical_date(event),
            "kind": event.kind,
            "type": event_type(event),
            "place": location.place.name,
            "located_at": location.point.name if location.point else None,
            "geo_precision": location.precision,
            "rule": rule,
            "claims": len(event.claims),
            "conflicts": len(book.conflicts(event)),
        }
        measures = []
        for found in book.ranges(event, rule):
            measures.append(found.measure)
            properties[f"{found.measure}_low"] = plain(found.low)
            properties[f"{found.measure}_best"] = plain(found.best)
            properties[f"{found.measure}_high"] = plain(found.high)
        properties["measures"] = measures
        features.append(
            {
                "type": "Feature",
                "id": event.id,
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(location.lon, 6), round(location.lat, 6)],
                },
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_geojson(collection: dict[str, Any], path: Path) -> int:
    """Write the FeatureCollection; return how many features it holds."""

    def write(out: IO[str]) -> None:
        json.dump(collection, out, ensure_ascii=False, indent=2)
        out.write("\n")

    write_output(path, write)
    return len(collection["features"])
