"""Charts drawn on the server as SVG: account intervals, a timeline, bars and a world map.

Each function returns one `<svg>` element as a string, ready to place in a page: with
`role="img"`, an `aria-label` and a `<title>` saying what it shows, a `viewBox` and
`width="100%"` so it scales with its column. There is no script. Every label comes from
documents, so all text and attributes are XML-escaped, characters XML cannot hold are
dropped, and a link is kept only if it is relative or http(s).

Colours are left to the page's stylesheet. Shapes carry only neutral defaults
(`currentColor`, opacities, a stroke width) as presentation attributes, which any CSS
rule overrides, so a chart stays legible without one. Style by these classes, scoped
under `.chart`:

- root: `chart`, plus `interval-chart`, `timeline-chart`, `bar-chart` or `world-map`
- axes: `axis` (with `x-axis` or `y-axis`), `tick`, `grid` (the faint line at a tick),
  `axis-label`
- interval chart: `row` (one per account; with `conflict` when it conflicts), `label`,
  `interval` (low–high line), `cap` (its end marks), `open` (the arrow of an open-ended
  figure such as "at least 9"), `point` (a single figure), `band` (the reconciled
  low–high), `best` (the reconciled best figure), `legend` (the rule and its range)
- timeline: `events` (their group), `event` (one per point), `extent` (an uncertain
  date's start–end), `range` (low–high; with `open` when there is no high), `best` (dot)
- bar chart: `bar-row`, `label`, `bar`, `count`
- world map: `sea`, `graticule`, `land`, `place` (circle), `place-label`
- `empty`: the message drawn when there is nothing to chart

All charts are 720 units wide; a map's height follows the region it shows, which its
root names in degrees as `data-west`, `data-south`, `data-east`, `data-north` (`svg_map`).
"""

from __future__ import annotations

import datetime
import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeGuard

_Scale = Callable[[float], float]

__all__ = [
    "IntervalRow",
    "MapPoint",
    "Reconciled",
    "TimelinePoint",
    "bar_chart",
    "interval_chart",
    "nice_ticks",
    "timeline_chart",
    "world_map",
]

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH = 720
LABEL_END = 190  # right edge of the row labels
PLOT_START = 200
PLOT_END = 700
ROW = 26
LABEL_CHARS = 26
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# XML 1.0 §2.2: these code points may not appear in a document, escaped or not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_LINES = 'stroke="currentColor" fill="none"'


@dataclass(frozen=True, slots=True)
class IntervalRow:
    """One account's figure: [low, high]; high None is open-ended ("at least 9")."""

    label: str
    low: float
    high: float | None
    conflict: bool = False
    href: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Reconciled:
    """A reconciliation rule's range for the accounts, drawn as a band and a best line."""

    low: float | None
    best: float | None
    high: float | None
    rule: str


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """An event dated start–end (equal when the day is known) with its figure's range."""

    start: datetime.date
    end: datetime.date
    low: float | None
    best: float | None
    high: float | None
    label: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class MapPoint:
    """A named place; `count` (claims, events…) sets the circle's area."""

    name: str
    lat: float
    lon: float
    count: int = 0
    href: str | None = None


def interval_chart(rows: Sequence[IntervalRow], reconciled: Reconciled | None) -> str:
    """Each account's figure as a line on one axis, with the reconciled range behind them.

    Lets a reader see at a glance which accounts agree, which conflict, and where the
    rule's low–best–high falls among them.
    """
    rows = [r for r in rows if _finite(r.low)]
    legend = _legend(reconciled) if reconciled else ""
    top = 34 if legend else 12
    height = top + max(len(rows), 1) * ROW + 34
    conflicts = sum(r.conflict for r in rows)
    summary = f"Figures of {len(rows)} account{'s' if len(rows) != 1 else ''}" + (
        f", {conflicts} in conflict" if conflicts else ""
    )
    summary += f"; {legend}" if legend else ""
    if not rows:
        return _svg("interval-chart", f"0 0 {WIDTH} {height}", summary, _empty("No figures"))
    values = [v for r in rows for v in (r.low, r.high) if _finite(v)]
    if reconciled:
        bounds = (reconciled.low, reconciled.best, reconciled.high)
        values += [v for v in bounds if _finite(v)]
    low, high = min(values), max(values)
    if (low >= 0 and low <= high / 2) or low == high > 0:
        low = 0.0
    if any(not _finite(r.high) and r.low >= high for r in rows):
        high += max(1.0, (high - low) * 0.1)  # room for the arrow of "at least <max>"
    ticks = nice_ticks(low, high)
    bottom = top + len(rows) * ROW
    x = _scale(ticks[0], ticks[-1], PLOT_START, PLOT_END)
    parts = [_x_axis(ticks, x, top, bottom)]
    if reconciled:
        parts.append(_band(reconciled, x, top, bottom))
    for i, row in enumerate(rows):
        parts.append(_interval_row(row, x, top + i * ROW + ROW / 2))
    if legend:
        parts.append(f'<text class="legend" x="{PLOT_START}" y="18">{_text(legend)}</text>')
    return _svg("interval-chart", f"0 0 {WIDTH} {height}", summary, "".join(parts))


def timeline_chart(points: Sequence[TimelinePoint], measure: str) -> str:
    """A measure's figures over time: a bar from low to high at each event's date, a dot at
    the best figure, and a horizontal extent where the date is only known as a span."""
    height, top, bottom, left = 300, 28, 262, 64
    points = [p for p in points if any(_finite(v) for v in (p.low, p.best, p.high))]
    summary = f"{measure} over time: {len(points)} event{'s' if len(points) != 1 else ''}"
    view_box = f"0 0 {WIDTH} {height}"
    if not points:
        return _svg("timeline-chart", view_box, summary, _empty("No dated figures", height))
    first = min(min(p.start, p.end) for p in points)
    last = max(max(p.start, p.end) for p in points)
    date_ticks, d0, d1 = _date_ticks(first, last)
    x = _scale(d0.toordinal(), d1.toordinal(), left, PLOT_END)
    peak = max(v for p in points for v in (p.low, p.best, p.high) if _finite(v))
    ticks = nice_ticks(0.0, peak if peak > 0 else 1.0)
    y = _scale(ticks[0], ticks[-1], bottom, top)
    parts = ['<g class="axis y-axis" font-size="11">']
    for value, text in zip(ticks, _tick_labels(ticks), strict=True):
        parts.append(_tick((left, y(value), PLOT_END, y(value)), (left - 8, y(value) + 4), text))
    parts.append(
        f'<text class="axis-label" x="{left}" y="14" stroke="none">{_text(measure)}</text></g>'
    )
    parts.append(
        f'<g class="axis x-axis" font-size="11"><line {_LINES} x1="{left}" y1="{bottom}" '
        f'x2="{PLOT_END}" y2="{bottom}"/>'
    )
    for day, text in date_ticks:
        tx = x(day.toordinal())
        parts.append(_tick((tx, bottom, tx, bottom + 5), (tx, bottom + 19), text, grid=False))
    parts.append("</g>")
    # Many events overlap: fainter marks let the dense stretches show as darker.
    ink = num(min(1.0, max(0.15, 8 / math.sqrt(len(points)))), 2)
    dot = "3" if len(points) <= 200 else "2"
    parts.append(
        f'<g class="events" {_LINES} stroke-width="1.5" stroke-opacity="{ink}" '
        f'fill-opacity="{ink}">'
    )
    for p in points:
        start, end = sorted((p.start, p.end))
        xs, xe = x(start.toordinal()), x(end.toordinal())
        xm = num((xs + xe) / 2, 1)
        dated = f"{start}/{end}" if start != end else str(start)
        tip = f"{p.label} · {dated} · {_range_text(p.low, p.best, p.high)}"
        shapes = [f"<title>{_text(tip)}</title>"]
        at = next(v for v in (p.best, p.low, p.high) if _finite(v))
        if start != end:
            ye = num(y(at), 1)
            shapes.append(
                f'<line class="extent" x1="{num(xs, 1)}" y1="{ye}" x2="{num(xe, 1)}" y2="{ye}"/>'
            )
        if _finite(p.low) and (p.high is None or (_finite(p.high) and p.high > p.low)):
            reach = top if p.high is None else y(p.high)
            kind = "range open" if p.high is None else "range"
            shapes.append(
                f'<line class="{kind}" x1="{xm}" y1="{num(y(p.low), 1)}" x2="{xm}" '
                f'y2="{num(reach, 1)}"/>'
            )
        best = p.best if _finite(p.best) else (p.low if p.low == p.high else None)
        if best is not None:
            shapes.append(
                f'<circle class="best" fill="currentColor" cx="{xm}" cy="{num(y(best), 1)}" '
                f'r="{dot}"/>'
            )
        parts.append(_link(p.href, f'<g class="event">{"".join(shapes)}</g>'))
    parts.append("</g>")
    return _svg("timeline-chart", view_box, summary, "".join(parts))


def bar_chart(items: Sequence[tuple[str, int]], title: str) -> str:
    """Horizontal bars with the count printed at each bar's end, e.g. claims per source
    type; `title` names the chart for screen readers and as its tooltip."""
    row, bar_end = 24, PLOT_END - 60
    height = max(len(items), 1) * row + 8
    view_box = f"0 0 {WIDTH} {height}"
    if not items:
        return _svg("bar-chart", view_box, title, _empty("Nothing to count", height))
    peak = max(max(count for _, count in items), 1)
    parts = []
    for i, (label, count) in enumerate(items):
        top = 4 + i * row
        width = max(count, 0) / peak * (bar_end - PLOT_START)
        parts.append(
            f'<g class="bar-row"><title>{_text(label)}: {count:,}</title>'
            f'<text class="label" x="{LABEL_END}" y="{top + 16}" text-anchor="end">'
            f"{_text(_shorten(label))}</text>"
            f'<rect class="bar" fill="currentColor" fill-opacity="0.35" x="{PLOT_START}" '
            f'y="{top + 3}" width="{num(width, 1)}" height="{row - 6}"/>'
            f'<text class="count" x="{num(PLOT_START + width + 6, 1)}" y="{top + 16}">'
            f"{count:,}</text></g>"
        )
    return _svg("bar-chart", view_box, title, "".join(parts))


def world_map(points: Sequence[MapPoint], *, fit: bool = True) -> str:
    """The world's land with a circle per place, its area growing with `count`.

    With `fit`, the map zooms to the places (with a margin, never narrower than ten
    degrees); otherwise it shows the whole world. Only land inside the view is drawn.
    """
    from .svg_map import draw_world_map  # svg_map builds on this module, so not at the top

    return draw_world_map(points, fit=fit)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis ticks in steps of 1, 2 or 5 × 10ⁿ, about `count` of them, the first at or
    below `low` and the last at or above `high`."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(f"axis bounds must be finite numbers, not {low!r} and {high!r}")
    low, high = min(low, high), max(low, high)
    if high - low <= 1e-9 * max(1.0, abs(high)):
        pad = max(1.0, abs(low) * 0.1)
        low, high = low - pad, high + pad
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first, last = math.floor(low / step), math.ceil(high / step)
    # Rounded so that 3 × 0.1 is 0.3; checked again so rounding never uncovers a bound.
    ticks = [round(i * step, 12) + 0.0 for i in range(first - 1, last + 2)]
    start = max(i for i, t in enumerate(ticks) if t <= low)
    return ticks[start : min(i for i, t in enumerate(ticks) if t >= high) + 1]


def _tick_labels(ticks: Sequence[float]) -> list[str]:
    """Tick values with as many decimals as their step needs: `0.5`, `1,000`."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    places = max(0, -math.floor(math.log10(step) + 1e-9))
    return [f"{value:,.{places}f}" for value in ticks]


def _interval_row(row: IntervalRow, x: _Scale, y: float) -> str:
    tip = f"{row.label}: {_range_text(row.low, None, row.high)}"
    tip += f" — {row.note}" if row.note else ""
    label = (
        f'<text class="label" x="{LABEL_END}" y="{num(y + 4, 1)}" text-anchor="end">'
        f"{_text(_shorten(row.label))}</text>"
    )
    x1, ty, y0, y1 = num(x(row.low), 1), num(y, 1), num(y - 5, 1), num(y + 5, 1)
    if not _finite(row.high):
        head, end = num(PLOT_END - 8, 1), num(PLOT_END, 1)
        shapes = (
            f'<line class="interval" x1="{x1}" y1="{ty}" x2="{end}" y2="{ty}"/>'
            f'<path class="cap" d="M{x1},{y0}V{y1}"/><path class="open" fill="currentColor" '
            f'd="M{head},{num(y - 4, 1)}L{end},{ty}L{head},{num(y + 4, 1)}Z"/>'
        )
    elif row.high == row.low:
        shapes = f'<circle class="point" fill="currentColor" cx="{x1}" cy="{ty}" r="4"/>'
    else:
        low, high = sorted((row.low, row.high or 0.0))
        x1, x2 = num(x(low), 1), num(x(high), 1)
        shapes = (
            f'<line class="interval" x1="{x1}" y1="{ty}" x2="{x2}" y2="{ty}"/>'
            f'<path class="cap" d="M{x1},{y0}V{y1}M{x2},{y0}V{y1}"/>'
        )
    return (
        f'<g class="{"row conflict" if row.conflict else "row"}"><title>{_text(tip)}</title>'
        f'{_link(row.href, label)}<g {_LINES} stroke-width="2">{shapes}</g></g>'
    )


def _band(rec: Reconciled, x: _Scale, top: int, bottom: int) -> str:
    parts = []
    low = rec.low if _finite(rec.low) else rec.best
    high = rec.high if _finite(rec.high) else None
    if _finite(low) and (high is not None or rec.high is None):
        x1 = x(low)
        x2 = x(high) if high is not None else float(PLOT_END)
        parts.append(
            f'<rect class="band" fill="currentColor" fill-opacity="0.1" x="{num(x1, 1)}" '
            f'y="{top - 4}" width="{num(x2 - x1, 1)}" height="{bottom - top + 8}"/>'
        )
    if _finite(rec.best):
        bx = num(x(rec.best), 1)
        parts.append(
            f'<line class="best" stroke="currentColor" stroke-dasharray="4 3" x1="{bx}" '
            f'y1="{top - 6}" x2="{bx}" y2="{bottom + 6}"/>'
        )
    return "".join(parts)


def _legend(rec: Reconciled) -> str:
    low, best, high = (_figure(v) if _finite(v) else "–" for v in (rec.low, rec.best, rec.high))
    high = "open" if rec.high is None and _finite(rec.low) else high
    return f"{rec.rule}: low {low} · best {best} · high {high}"


def _x_axis(ticks: Sequence[float], x: _Scale, top: int, bottom: int) -> str:
    axis = bottom + 8
    parts = [
        f'<g class="axis x-axis" font-size="11"><line {_LINES} x1="{PLOT_START}" y1="{axis}" '
        f'x2="{PLOT_END}" y2="{axis}"/>'
    ]
    for value, text in zip(ticks, _tick_labels(ticks), strict=True):
        parts.append(_tick((x(value), top - 6, x(value), axis), (x(value), axis + 16), text))
    return "".join(parts) + "</g>"


def _tick(
    line: tuple[float, float, float, float], at: tuple[float, float], text: str, grid: bool = True
) -> str:
    """A tick: its mark (a faint grid line across the plot when `grid`) and its label,
    centred under a vertical mark, right-aligned beside a horizontal one."""
    x1, y1, x2, y2 = (num(v, 1) for v in line)
    mark = f'class="grid" {_LINES} stroke-opacity="0.15"' if grid else _LINES
    anchor = "middle" if x1 == x2 else "end"
    return (
        f'<g class="tick"><line {mark} x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>'
        f'<text x="{num(at[0], 1)}" y="{num(at[1], 1)}" text-anchor="{anchor}" stroke="none">'
        f"{_text(text)}</text></g>"
    )


def _date_ticks(
    first: datetime.date, last: datetime.date
) -> tuple[list[tuple[datetime.date, str]], datetime.date, datetime.date]:
    """Tick dates and labels, and the axis's start and end: whole years, or months when
    the span is under two years."""
    if (last - first).days >= 730:
        step = next(
            s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if (last.year - first.year) / s < 10
        )
        y0 = max(first.year - first.year % step, datetime.MINYEAR)
        y1 = min(y0 + step * math.ceil((last.year + 1 - y0) / step), datetime.MAXYEAR)
        ticks = [(datetime.date(y, 1, 1), str(y)) for y in range(y0, y1 + 1, step)]
        return ticks, ticks[0][0], max(ticks[-1][0], last)
    m0 = first.year * 12 + first.month - 1
    m1 = last.year * 12 + last.month  # the month after `last`
    step = next(s for s in (1, 2, 3, 6) if (m1 - m0) / s <= 12)
    m0 -= m0 % step
    m1 = m0 + step * math.ceil((m1 - m0) / step)
    months = [m for m in range(m0, m1 + 1, step) if datetime.MINYEAR <= m // 12 <= datetime.MAXYEAR]
    ticks = []
    for i, m in enumerate(months):
        year, month = divmod(m, 12)
        text = f"{MONTHS[month]} {year}" if month == 0 or i == 0 else MONTHS[month]
        ticks.append((datetime.date(year, month + 1, 1), text))
    return ticks, ticks[0][0], max(ticks[-1][0], last)


def _scale(d0: float, d1: float, r0: float, r1: float) -> _Scale:
    """The linear map from the domain d0–d1 to the drawing's r0–r1."""
    ratio = (r1 - r0) / (d1 - d0) if d1 != d0 else 0.0
    return lambda value: r0 + (value - d0) * ratio


def _svg(kind: str, view_box: str, label: str, body: str, attributes: str = "") -> str:
    text = _text(label)
    return (
        f'<svg xmlns="{SVG_NS}" class="chart {kind}" role="img" aria-label="{text}" '
        f'viewBox="{view_box}" width="100%" font-size="12" font-family="sans-serif" '
        f'fill="currentColor"{" " + attributes if attributes else ""}><title>{text}</title>'
        f"{body}</svg>"
    )


def _empty(message: str, height: int = 60) -> str:
    return (
        f'<text class="empty" x="{WIDTH // 2}" y="{height // 2}" text-anchor="middle">'
        f"{_text(message)}</text>"
    )


def _link(href: str | None, inner: str) -> str:
    safe = _safe_href(href)
    return f'<a href="{_text(safe)}">{inner}</a>' if safe else inner


def _safe_href(href: str | None) -> str | None:
    """The href if it is relative or http(s); None for anything else (`javascript:`,
    `data:`), and for control characters, which browsers strip before reading a scheme
    (WHATWG URL §4.4), so `java\\tscript:` is not let through as a relative path."""
    if not href:
        return None
    href = href.strip(" ")
    if not href or any(ord(c) < 0x20 or ord(c) == 0x7F for c in href):
        return None
    scheme = _SCHEME.match(href)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return None
    return href


def _text(value: str) -> str:
    """Text safe inside an element or a quoted attribute: escaped, and XML-legal."""
    return html.escape(_NOT_XML.sub("", value), quote=True)


def _shorten(label: str, limit: int = LABEL_CHARS) -> str:
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def num(value: float, places: int = 2) -> str:
    """A coordinate as short as it can be written: `44.4`, `-33.3`, `0`."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _finite(value: float | None) -> TypeGuard[float]:
    """A number a chart can place: not None, NaN or infinite, nor so large (over 10¹⁵)
    that the axis arithmetic would overflow."""
    return value is not None and math.isfinite(value) and abs(value) <= 1e15


def _figure(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.2f}".rstrip("0").rstrip(".")  # 11, 1,000, 2.5


def _range_text(low: float | None, best: float | None, high: float | None) -> str:
    """A figure as a tooltip says it: `11–13, best 11`, `at least 9`."""
    if not _finite(low):
        text = []
    elif high is None:
        text = [f"at least {_figure(low)}"]
    else:
        text = [
            f"{_figure(low)}–{_figure(high)}" if _finite(high) and high != low else _figure(low)
        ]
    text += [f"best {_figure(best)}"] if _finite(best) else []
    return ", ".join(text) or "no figure"
