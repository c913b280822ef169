"""The server-drawn charts: well-formed SVG that shows what the data says, and nothing
a hostile document could turn into script."""

from __future__ import annotations

import datetime
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tellings.web.svg import (
    IntervalRow,
    MapPoint,
    Reconciled,
    TimelinePoint,
    bar_chart,
    interval_chart,
    timeline_chart,
    world_map,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_LABEL = "<script>alert(1)</script>"
HOSTILE_HREF = "javascript:alert(1)"

ACCOUNTS = [
    IntervalRow("Reuters", 11, 13, href="/documents/1"),
    IntervalRow("Ministry of Interior", 9, None, note="at least nine"),
    IntervalRow("Associated Press", 11, 11),
    IntervalRow("Local hospital", 20, 25, conflict=True),
]
UCDP = Reconciled(low=11, best=11, high=13, rule="reconcile.ucdp.v1")


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("aria-label")
    assert root.get("width") == "100%" and root.get("viewBox")
    assert root.find(f"{SVG}title") is not None
    return root


def with_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [el for el in root.iter() if name in (el.get("class") or "").split()]


def axis_ticks(root: ET.Element, axis: str) -> list[tuple[float, float]]:
    """(value, position) of each tick of a numeric axis, read from its label and mark."""
    (group,) = with_class(root, axis)
    ticks = []
    for tick in with_class(group, "tick"):
        line, text = tick.find(f"{SVG}line"), tick.find(f"{SVG}text")
        assert line is not None and text is not None and text.text
        position = float(line.get("x1" if axis == "x-axis" else "y1", "nan"))
        ticks.append((float(text.text.replace(",", "")), position))
    return ticks


def mapping(ticks: list[tuple[float, float]]) -> Callable[[float], float]:
    """The axis's value → position, checked to be linear across every tick."""
    (v0, p0), (v1, p1) = ticks[0], ticks[-1]

    def to_position(value: float) -> float:
        return p0 + (value - v0) * (p1 - p0) / (v1 - v0)

    for value, position in ticks:
        assert to_position(value) == pytest.approx(position, abs=0.1)
    return to_position


def all_text(root: ET.Element) -> str:
    return " ".join("".join(el.itertext()) for el in root)


def test_interval_chart_draws_one_row_per_account_and_marks_conflicts() -> None:
    root = parse(interval_chart(ACCOUNTS, UCDP))
    rows = with_class(root, "row")
    assert len(rows) == len(ACCOUNTS)
    conflict = [row for row in rows if "conflict" in (row.get("class") or "").split()]
    assert len(conflict) == 1
    assert "Local hospital" in all_text(conflict[0])
    assert len(with_class(root, "point")) == 1  # "11" from the Associated Press


def test_band_spans_the_reconciled_range_on_the_axis() -> None:
    root = parse(interval_chart(ACCOUNTS, UCDP))
    x = mapping(axis_ticks(root, "x-axis"))
    (band,) = with_class(root, "band")
    left = float(band.get("x", "nan"))
    right = left + float(band.get("width", "nan"))
    assert left < right
    assert left == pytest.approx(x(11), abs=0.1)
    assert right == pytest.approx(x(13), abs=0.1)
    (best,) = with_class(root, "best")
    assert float(best.get("x1", "nan")) == pytest.approx(x(11), abs=0.1)
    (legend,) = with_class(root, "legend")
    assert legend.text == "reconcile.ucdp.v1: low 11 · best 11 · high 13"


def test_open_ended_interval_reaches_the_right_edge() -> None:
    root = parse(
        interval_chart([IntervalRow("Ministry", 9, None), IntervalRow("AP", 11, 11)], None)
    )
    right_edge = max(position for _, position in axis_ticks(root, "x-axis"))
    (line,) = with_class(root, "interval")
    assert float(line.get("x2", "nan")) == pytest.approx(right_edge)
    assert float(line.get("x1", "nan")) < right_edge
    assert len(with_class(root, "open")) == 1


def test_long_label_is_shortened_with_the_full_text_as_tooltip() -> None:
    name = "Office for the Coordination of Humanitarian Affairs, Baghdad bureau"
    root = parse(interval_chart([IntervalRow(name, 3, 5)], None))
    (label,) = with_class(root, "label")
    assert label.text and label.text.endswith("…") and len(label.text) < len(name)
    (row,) = with_class(root, "row")
    title = row.find(f"{SVG}title")
    assert title is not None and title.text and name in title.text


def hostile_charts() -> dict[str, str]:
    day = datetime.date(2007, 3, 14)
    return {
        "interval": interval_chart(
            [IntervalRow(HOSTILE_LABEL, 1, 2, href=HOSTILE_HREF, note=HOSTILE_LABEL)],
            Reconciled(1, 1, 2, HOSTILE_LABEL),
        ),
        "timeline": timeline_chart(
            [TimelinePoint(day, day, 1, 2, 3, HOSTILE_LABEL, href=HOSTILE_HREF)], HOSTILE_LABEL
        ),
        "bar": bar_chart([(HOSTILE_LABEL, 3)], HOSTILE_LABEL),
        "map": world_map([MapPoint(HOSTILE_LABEL, 33.3, 44.4, 3, href=HOSTILE_HREF)]),
    }


@pytest.mark.parametrize("chart", ["interval", "timeline", "bar", "map"])
def test_hostile_label_and_href_come_out_inert(chart: str) -> None:
    root = parse(hostile_charts()[chart])
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    for el in root.iter():
        for value in el.attrib.values():
            assert "javascript:" not in value.lower()
    assert not [el for el in root.iter() if el.tag == f"{SVG}a"]
    assert HOSTILE_LABEL in all_text(root)  # shown as text, not run


@pytest.mark.parametrize(
    ("href", "kept"),
    [
        ("/events/3", True),
        ("events/3?measure=killed&rule=ucdp", True),
        ("https://example.org/report.pdf", True),
        ("http://example.org/", True),
        ("JavaScript:alert(1)", False),
        ("  javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("", False),
    ],
)
def test_only_relative_and_http_links_are_kept(href: str, kept: bool) -> None:
    root = parse(interval_chart([IntervalRow("Reuters", 1, 2, href=href)], None))
    links = [el.get("href") for el in root.iter() if el.tag == f"{SVG}a"]
    assert links == ([href.strip()] if kept else [])


def test_timeline_draws_an_uncertain_date_as_an_extent() -> None:
    points = [
        TimelinePoint(datetime.date(2007, 3, 1), datetime.date(2007, 3, 31), 40, 45, 60, "March"),
        TimelinePoint(datetime.date(2007, 6, 14), datetime.date(2007, 6, 14), 10, 12, 20, "Day"),
    ]
    root = parse(timeline_chart(points, "killed"))
    assert len(with_class(root, "event")) == 2
    (extent,) = with_class(root, "extent")
    march = [tick for tick in with_class(root, "tick") if "".join(tick.itertext()) == "Mar 2007"]
    (mark,) = [line for tick in march for line in tick.iter(f"{SVG}line")]
    assert float(extent.get("x1", "nan")) == pytest.approx(float(mark.get("x1", "nan")), abs=0.1)
    assert float(extent.get("x2", "nan")) > float(extent.get("x1", "nan"))
    y = mapping(axis_ticks(root, "y-axis"))
    ranges = with_class(root, "range")
    assert len(ranges) == 2
    assert float(ranges[0].get("y1", "nan")) == pytest.approx(y(40), abs=0.1)
    assert float(ranges[0].get("y2", "nan")) == pytest.approx(y(60), abs=0.1)
    assert len(with_class(root, "best")) == 2


@pytest.mark.parametrize(
    ("last", "labels"),
    [
        (datetime.date(2007, 11, 30), ["Jan 2007", "Feb", "Mar"]),
        (datetime.date(2010, 6, 30), ["2007", "2008", "2009", "2010", "2011"]),
    ],
)
def test_timeline_ticks_months_under_two_years_else_years(
    last: datetime.date, labels: list[str]
) -> None:
    first = datetime.date(2007, 1, 10)
    points = [TimelinePoint(d, d, None, 5, None, "event") for d in (first, last)]
    root = parse(timeline_chart(points, "killed"))
    (axis,) = with_class(root, "x-axis")
    texts = ["".join(tick.itertext()) for tick in with_class(axis, "tick")]
    assert texts[: len(labels)] == labels


@pytest.mark.parametrize("count", [0, 1])
def test_timeline_with_no_or_one_point(count: int) -> None:
    day = datetime.date(2004, 4, 9)
    points = [TimelinePoint(day, day, 8, 10, 12, "Fallujah")][:count]
    root = parse(timeline_chart(points, "killed"))
    assert len(with_class(root, "event")) == count
    assert len(with_class(root, "empty")) == 1 - count


def test_timeline_of_two_thousand_points_renders_quickly() -> None:
    start = datetime.date(2003, 3, 20)
    points = [
        TimelinePoint(
            start + datetime.timedelta(days=i),
            start + datetime.timedelta(days=i + i % 3),
            i % 50,
            i % 50 + 5,
            None if i % 7 == 0 else i % 50 + 20,
            f"event {i}",
            href=f"/events/{i}",
        )
        for i in range(2000)
    ]
    began = time.perf_counter()
    svg = timeline_chart(points, "killed")
    assert time.perf_counter() - began < 0.5
    assert len(with_class(parse(svg), "event")) == 2000


def test_bar_chart_bar_lengths_follow_the_counts() -> None:
    items = [("news agency", 120), ("ngo", 40), ("government", 0)]
    root = parse(bar_chart(items, "Claims per source type"))
    bars = with_class(root, "bar")
    widths = [float(bar.get("width", "nan")) for bar in bars]
    assert widths[0] == pytest.approx(3 * widths[1], abs=0.5) and widths[2] == 0
    counts = [el.text for el in with_class(root, "count")]
    assert counts == ["120", "40", "0"]
    assert root.get("aria-label") == "Claims per source type"


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, width, height = (float(v) for v in root.get("viewBox", "").split())
    return x, y, width, height


def region(root: ET.Element) -> tuple[float, float, float, float]:
    """The map's region in degrees: west, south, east, north."""
    west, south, east, north = (float(root.get(f"data-{side}", "nan")) for side in SIDES)
    return west, south, east, north


SIDES = ("west", "south", "east", "north")


def land_points(root: ET.Element) -> list[tuple[float, float]]:
    (land,) = with_class(root, "land")
    numbers = re.findall(r"-?\d+(?:\.\d+)?", land.get("d", ""))
    return list(zip(map(float, numbers[::2]), map(float, numbers[1::2]), strict=True))


@pytest.mark.parametrize("fit", [True, False])
def test_world_map_puts_baghdad_at_its_projected_position(fit: bool) -> None:
    root = parse(world_map([MapPoint("Baghdad", 33.3, 44.4, 12, href="/places/baghdad")], fit=fit))
    west, south, east, north = region(root)
    x0, y0, width, height = view_box(root)
    assert (x0, y0) == (0, 0)
    assert width / height == pytest.approx((east - west) / (north - south), rel=0.01)
    (circle,) = with_class(root, "place")
    cx, cy = float(circle.get("cx", "nan")), float(circle.get("cy", "nan"))
    # Equirectangular: x and y are linear in longitude and latitude.
    assert cx == pytest.approx((44.4 - west) / (east - west) * width, abs=0.1)
    assert cy == pytest.approx((north - 33.3) / (north - south) * height, abs=0.1)
    assert 0 < cx < width and 0 < cy < height
    assert "Baghdad" in all_text(root)
    assert len(land_points(root)) > 10
    if fit:
        assert west < 44.4 < east and south < 33.3 < north
        assert 9.99 <= east - west < 60 and 9.99 <= north - south < 60  # never under ~10°
    else:
        assert (west, south, east, north) == (-180, -90, 180, 90)


def test_fitted_map_draws_only_the_land_in_view() -> None:
    places = [MapPoint("Baghdad", 33.3, 44.4, 12), MapPoint("Basra", 30.5, 47.8, 3)]
    fitted, whole = world_map(places), world_map(places, fit=False)
    assert len(fitted) * 4 < len(whole)
    root = parse(fitted)
    _, _, width, height = view_box(root)
    pad = width * 0.011
    for x, y in land_points(root):
        assert -pad <= x <= width + pad and -pad <= y <= height + pad


def test_circle_area_grows_with_count() -> None:
    root = parse(world_map([MapPoint("Kabul", 34.5, 69.2, 1), MapPoint("Herat", 34.3, 62.2, 4)]))
    radius = {
        "".join(el.itertext()).split(":")[0]: float(circle.get("r", "nan"))
        for el in root.iter(f"{SVG}g")
        for circle in el.findall(f"{SVG}circle")
    }
    assert radius["Herat"] > radius["Kabul"]


finite = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
rows = st.lists(
    st.builds(
        IntervalRow,
        label=st.text(max_size=40),
        low=finite,
        high=st.none() | finite,
        conflict=st.booleans(),
        href=st.none() | st.text(max_size=20),
    ),
    min_size=1,
    max_size=12,
)


@given(rows=rows)
def test_ticks_cover_every_value_and_the_svg_parses(rows: list[IntervalRow]) -> None:
    root = parse(interval_chart(rows, None))
    ticks = [value for value, _ in axis_ticks(root, "x-axis")]
    values = [v for row in rows for v in (row.low, row.high) if v is not None]
    assert ticks == sorted(ticks)
    assert ticks[0] <= min(values) and ticks[-1] >= max(values)
    assert len(with_class(root, "row")) == len(rows)
