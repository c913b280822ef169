"""Build tellings/web/static/world-110m.json, the land outline the world map draws.

The source is Natural Earth's 1:110m land polygons as packaged in the npm package
world-atlas 2.0.2 (`land-110m.json`, TopoJSON). Natural Earth data is in the public
domain (https://www.naturalearthdata.com/about/terms-of-use/); world-atlas is ISC
licensed. The output is a JSON list of rings, each a list of [lon, lat] pairs rounded
to 2 decimals: enough for a map a page wide, and small enough to ship.

The source rings are spherical: a ring may step across the antimeridian (179.9 to
-180) and Antarctica's encloses the south pole. For a flat map each ring's longitudes
are made continuous, so a ring crossing the antimeridian runs past ±180 (the map draws
it a second time, 360° over), and a ring around a pole is closed along that pole.

Usage:

    python scripts/build_world_outline.py [path/to/land-110m.json]

Without a path the package is fetched with `npm pack world-atlas@2.0.2`. Nothing is
downloaded when tellings runs: the generated file is committed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/land-110m.json"
OUTPUT = Path(__file__).resolve().parent.parent / "tellings" / "web" / "static" / "world-110m.json"

Point = tuple[float, float]


def fetch_topology() -> dict[str, Any]:
    """land-110m.json from the world-atlas tarball, fetched with npm into a temporary dir."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE], cwd=tmp, check=True, capture_output=True)
        (tarball,) = Path(tmp).glob("world-atlas-*.tgz")
        with tarfile.open(tarball) as archive:
            member = archive.extractfile(MEMBER)
            if member is None:
                raise SystemExit(f"{MEMBER} not found in {tarball.name}")
            return dict(json.load(member))


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Each arc as absolute [lon, lat] points.

    TopoJSON spec §2.1.3-2.1.4: a quantized topology stores each arc's positions as
    deltas from the previous one; position = delta sum × scale + translate.
    """
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indices: Sequence[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring stitched from arcs; TopoJSON spec §2.2.2.4: index ~i is arc i reversed, and
    each arc after the first repeats the previous arc's last point, so that one is dropped."""
    ring: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)
    return ring


def planar(ring: list[Point]) -> list[Point]:
    """The ring with continuous longitudes, closed along the pole it goes around, and
    centred on [-180, 180)."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        previous = out[-1][0]
        lon += 360 * round((previous - lon) / 360)
        out.append((lon, lat))
    turn = out[-1][0] - out[0][0]
    if abs(turn) > 180:  # the ring went once around the globe: it encloses a pole
        pole = -90.0 if sum(lat for _, lat in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole), out[0]]
    lons = [lon for lon, _ in out]
    shift = 360 * round((min(lons) + max(lons)) / 2 / 360)
    return [(lon - shift, lat) for lon, lat in out]


def rounded(ring: list[Point]) -> list[list[float]]:
    """The ring at 2 decimals, without points that rounding made repeat."""
    out: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, 2), round(lat, 2)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def land_rings(topology: dict[str, Any]) -> list[list[list[float]]]:
    """Every outer ring and hole of the land object; holes are drawn with even-odd fill."""
    arcs = decode_arcs(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        for polygon in polygons:
            for indices in polygon:
                ring = rounded(planar(ring_points(indices, arcs)))
                if len(ring) >= 4:
                    rings.append(ring)
    return rings


def main(argv: Sequence[str]) -> None:
    source = Path(argv[0]) if argv else None
    topology = json.loads(source.read_text(encoding="utf-8")) if source else fetch_topology()
    rings = land_rings(topology)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    # One ring per line keeps a regenerated file's diff readable.
    lines = [json.dumps(ring, separators=(",", ":")) for ring in rings]
    OUTPUT.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    points = sum(len(ring) for ring in rings)
    print(f"{OUTPUT}: {len(rings)} rings, {points} points, {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
