"""The world map: the bundled land outline, the map's view, clipping, and the drawing.

The outline is Natural Earth's 1:110m land (public domain), converted by
`scripts/build_world_outline.py` into `static/world-110m.json`: a list of rings of
[lon, lat]. It is read once from the installed package; nothing is fetched at run time.

The projection is equirectangular: longitude and latitude scale alike onto a drawing
`MAP_WIDTH` units wide, so the map's height follows from the region's shape. Its units
are those of the other charts, so a page's `font-size` or `stroke-width` suits it too.
The root element names the region it shows in degrees: `data-west`, `data-south`,
`data-east` and `data-north`.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from .svg import _LINES, MapPoint, _finite, _link, _shorten, _svg, _text, num

Point = tuple[float, float]
MIN_SPAN = 10.0  # degrees: a fitted map never zooms in further than this
MARGIN = 0.15  # of the points' extent, on every side
MIN_MARGIN = 2.0  # degrees
MAX_ASPECT = 2.0  # width / height; wider fits grow taller
MIN_ASPECT = 1.25  # narrower fits grow wider, to sit well in a page column
MAP_LABELS = 20  # the largest places get a visible name; every place has a tooltip
MAP_WIDTH = 720


@dataclass(frozen=True, slots=True)
class MapView:
    """The region a map shows, in degrees."""

    west: float
    south: float
    east: float
    north: float

    @property
    def width(self) -> float:
        return self.east - self.west

    @property
    def height(self) -> float:
        return self.north - self.south

    @property
    def scale(self) -> float:
        """Drawing units per degree."""
        return MAP_WIDTH / self.width

    def project(self, lat: float, lon: float) -> Point:
        """Equirectangular: x from the west edge, y down from the north edge."""
        return (lon - self.west) * self.scale, (self.north - lat) * self.scale

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    def padded(self, fraction: float) -> MapView:
        pad = self.width * fraction
        return MapView(self.west - pad, self.south - pad, self.east + pad, self.north + pad)


WORLD = MapView(-180.0, -90.0, 180.0, 90.0)


def draw_world_map(points: Sequence[MapPoint], *, fit: bool) -> str:
    """`svg.world_map`: the land inside the view, then a circle per place, largest first."""
    places = [p for p in points if _finite(p.lat) and _finite(p.lon)]
    places = [p for p in places if WORLD.contains(p.lat, p.lon)]
    view = fit_view([(p.lat, p.lon) for p in places]) if fit else WORLD
    places = [p for p in places if view.contains(p.lat, p.lon)]
    height = num(view.height * view.scale, 1)
    summary = f"Map of {len(places)} place{'s' if len(places) != 1 else ''}"
    if places:
        summary += ": " + ", ".join(p.name for p in places[:10])
        summary += ", …" if len(places) > 10 else ""
    parts = [
        f'<rect class="sea" fill="none" x="0" y="0" width="{MAP_WIDTH}" height="{height}"/>',
        f'<path class="graticule" {_LINES} stroke-opacity="0.12" d="{graticule_path(view)}"/>',
        f'<path class="land" fill="currentColor" fill-opacity="0.12" fill-rule="evenodd" '
        f'stroke="currentColor" stroke-opacity="0.4" stroke-width="0.75" '
        f'd="{land_path(view)}"/>',
    ]
    peak = max((p.count for p in places), default=0)
    by_size = sorted(places, key=lambda p: -p.count)
    named = {id(p) for p in by_size[:MAP_LABELS]}
    for p in by_size:  # largest first, so a small circle is never hidden under a big one
        share = math.sqrt(max(p.count, 0) / peak) if peak > 0 else 0.0
        r = 4 + 18 * share
        x, y = view.project(p.lat, p.lon)
        shapes = [
            f"<title>{_text(p.name)}{f': {p.count:,}' if p.count else ''}</title>",
            f'<circle class="place" fill="currentColor" fill-opacity="0.45" stroke="currentColor" '
            f'cx="{num(x, 1)}" cy="{num(y, 1)}" r="{num(r, 1)}"/>',
        ]
        if id(p) in named:
            name = _shorten(p.name, 24)
            # Beside the circle; on its left where the name would run off the map.
            left = x + r + 3 + 7 * len(name) > MAP_WIDTH
            tx, anchor = (x - r - 3, "end") if left else (x + r + 3, "start")
            shapes.append(
                f'<text class="place-label" x="{num(tx, 1)}" y="{num(y + 4, 1)}" '
                f'text-anchor="{anchor}">{_text(name)}</text>'
            )
        parts.append(_link(p.href, f"<g>{''.join(shapes)}</g>"))
    region = " ".join(
        f'data-{side}="{num(getattr(view, side))}"' for side in ("west", "south", "east", "north")
    )
    view_box = f"0 0 {MAP_WIDTH} {height}"
    return _svg("world-map", view_box, summary, "".join(parts), attributes=region)


def fit_view(places: Sequence[Point]) -> MapView:
    """The region around (lat, lon) places, with a margin, at least `MIN_SPAN` degrees
    each way and between `MIN_ASPECT` and `MAX_ASPECT` wide; the whole world if none."""
    if not places:
        return WORLD
    lats = [lat for lat, _ in places]
    lons = [lon for _, lon in places]
    width = max(lons) - min(lons)
    height = max(lats) - min(lats)
    width = max(MIN_SPAN, width + 2 * max(MIN_MARGIN, width * MARGIN))
    height = max(MIN_SPAN, height + 2 * max(MIN_MARGIN, height * MARGIN))
    width = min(WORLD.width, max(width, height * MIN_ASPECT))
    height = min(WORLD.height, max(height, width / MAX_ASPECT))
    west = _within((min(lons) + max(lons) - width) / 2, WORLD.west, WORLD.east - width)
    south = _within((min(lats) + max(lats) - height) / 2, WORLD.south, WORLD.north - height)
    return MapView(west, south, west + width, south + height)


def _within(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


@dataclass(frozen=True, slots=True)
class _Ring:
    points: tuple[Point, ...]
    box: MapView


@functools.cache
def land() -> tuple[_Ring, ...]:
    """The bundled land rings with their bounding boxes, read once per process.

    A ring that crosses the antimeridian runs past ±180 in the file; it is added again
    360° over, so both of its sides are drawn.
    """
    text = resources.files("tellings.web").joinpath("static/world-110m.json").read_text("utf-8")
    rings = []
    for ring in json.loads(text):
        for offset in (-360.0, 0.0, 360.0):
            points = tuple((float(lon) + offset, float(lat)) for lon, lat in ring)
            lons = [p[0] for p in points]
            lats = [p[1] for p in points]
            if max(lons) > WORLD.west and min(lons) < WORLD.east:
                rings.append(_Ring(points, MapView(min(lons), min(lats), max(lons), max(lats))))
    return tuple(rings)


def land_path(view: MapView) -> str:
    """SVG path data for the land inside `view`, projected.

    Rings wholly outside are dropped and the rest clipped to the view (padded by 1%, so
    a cut edge never shows as a coastline), which keeps a zoomed map small. Holes are
    separate subpaths: draw with fill-rule even-odd.
    """
    box = view.padded(0.01)
    parts = []
    for ring in land():
        b = ring.box
        if b.east < box.west or b.west > box.east or b.north < box.south or b.south > box.north:
            continue
        inside = box.west <= b.west and b.east <= box.east
        inside = inside and box.south <= b.south and b.north <= box.north
        points = list(ring.points) if inside else clip_ring(ring.points, box)
        if len(points) >= 3:
            parts.append(_subpath(points, view))
    return "".join(parts)


def _subpath(points: Iterable[Point], view: MapView) -> str:
    coords: list[str] = []
    for lon, lat in points:
        x, y = view.project(lat, lon)
        coord = f"{num(x, 1)},{num(y, 1)}"
        if not coords or coords[-1] != coord:
            coords.append(coord)
    if len(coords) < 3:  # a sliver that rounds to a point or a line: nothing to fill
        return ""
    return "M" + coords[0] + "L" + " ".join(coords[1:]) + "Z"


def clip_ring(points: Sequence[Point], box: MapView) -> list[Point]:
    """The part of a closed ring inside `box` (Sutherland–Hodgman against each edge).

    The clip window is convex, so the result is one ring; where the land is cut it
    runs along the window's edge, which lies outside the visible view.
    """
    edges = (
        (0, box.west, True),
        (0, box.east, False),
        (1, box.south, True),
        (1, box.north, False),
    )
    out = list(points)
    for axis, limit, keep_above in edges:
        if not out:
            break
        source, out = out, []
        prev = source[-1]
        for cur in source:
            cur_in = (cur[axis] >= limit) if keep_above else (cur[axis] <= limit)
            prev_in = (prev[axis] >= limit) if keep_above else (prev[axis] <= limit)
            if cur_in != prev_in:
                out.append(_cross(prev, cur, axis, limit))
            if cur_in:
                out.append(cur)
            prev = cur
    return out


def _cross(a: Point, b: Point, axis: int, limit: float) -> Point:
    t = (limit - a[axis]) / (b[axis] - a[axis])
    lon, lat = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
    return (limit, lat) if axis == 0 else (lon, limit)


def graticule_path(view: MapView) -> str:
    """Meridians and parallels every 1, 2, 5, 10, 15 or 30 degrees, about 6–12 across."""
    step = next(s for s in (1.0, 2.0, 5.0, 10.0, 15.0, 30.0) if view.width / s <= 12)
    bottom, parts = num(view.height * view.scale, 1), []
    lon = math.ceil(view.west / step) * step
    while lon <= view.east:
        parts.append(f"M{num(view.project(0, lon)[0], 1)},0V{bottom}")
        lon += step
    lat = math.ceil(view.south / step) * step
    while lat <= view.north:
        parts.append(f"M0,{num(view.project(lat, 0)[1], 1)}H{MAP_WIDTH}")
        lat += step
    return "".join(parts)
