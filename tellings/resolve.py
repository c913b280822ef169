"""Events from claims: which claims, within and across documents, speak of one event.

`resolve_events` (rule `resolve.blocks.v1`) groups claims in one pass over claims
sorted by how precise their dates are:

- A claim the extractor did not mark as a total over a period is an *incident* claim. It
  joins an existing incident event when their dates can overlap (the event keeps the
  intersection of its claims' dates, so two events whose dates cannot overlap never
  merge), their places do not disagree (a place is a site such as a camp or town;
  a claim without one, or naming only a country, fits any), and their kinds of event
  do not (an attack is not a relocation or a siege). Candidates are found through
  a month index, so the cost grows about linearly with the number of claims.
- A claim over a longer span, or flagged as a total over a period, is a *period* claim;
  period claims whose spans mostly coincide (`PERIOD_OVERLAP`) form a period event,
  which is linked to the incident events inside its span.
- Facts about a place (its area, population, distance to another place) are grouped by
  place and what is measured, whatever their dates: kind "fact".
- A claim with no date joins the incident of a dated claim just before it in the same
  document (within `NEARBY_CHARS` characters), or the event of a claim in the same
  sentence, or of a claim of the same document with the same measure and figure, or
  the one siege or relocation known at its place when it speaks of one, or, for a
  document's first figure (a news lead), of the dated incident told just after it;
  otherwise it stands alone.

People's corrections are `Decision`s applied after the automatic grouping, in the order
they were made: a merge joins events, a split takes claims out into an event of their
own, a rename sets a title. Decisions name claims by their anchor (document, start,
end), which survives re-extraction, so corrections hold when claims are extracted again.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .extract.dates import edtf_bounds
from .model import Claim

RULE = "resolve.blocks.v1"
INCIDENT_DAYS = 62
PERIOD_OVERLAP = 0.5
NEARBY_CHARS = 400
# Kinds of event that never describe the same happening.
_TYPE_FAMILY = {"relocation": "relocation", "siege": "siege"}
OPEN_END = dt.date(2100, 1, 1)
# Stands for the start of a span that has none ("before 1999", EDTF "../1998").
OPEN_START = dt.date(1900, 1, 1)
PLACE_FACTS = frozenset({"area", "distance", "population", "date_of"})

Anchor = tuple[str, int, int]
# A place as the chain of sites that hold it, most specific first ("camp-liberty",
# "baghdad", ...); empty when unknown or too coarse (a country) to tell events apart.
Site = tuple[str, ...]


def anchor(claim: Claim) -> Anchor:
    """A claim's place in its document, which stays the same when it is re-extracted."""
    return (claim.document_id, claim.start, claim.end)


@dataclass(frozen=True)
class Decision:
    """A person's correction of the grouping: merge, split or rename (a ledger entry)."""

    kind: str  # "merge" | "split" | "rename"
    event_id: str
    anchors: tuple[Anchor, ...] = ()
    title: str | None = None


@dataclass
class Event:
    """One real-world event (or period) and the claims that speak of it."""

    id: str
    kind: str  # "incident" | "period" | "fact"
    claims: list[Claim] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    site: Site = ()
    title: str | None = None
    children: list[str] = field(default_factory=list)

    @property
    def dates(self) -> list[str]:
        """Every account's date, as each gives it."""
        return sorted({c.event_date for c in self.claims if c.event_date})


@dataclass
class _Group:
    kind: str
    claims: list[Claim]
    start: dt.date | None
    end: dt.date | None
    site: Site
    family: str | None = None


def resolve_events(
    claims: Iterable[Claim],
    *,
    site_of: Callable[[str | None], Site] = lambda place: (place,) if place else (),
    decisions: Sequence[Decision] = (),
) -> list[Event]:
    """Group `claims` into events; `site_of` maps a claim's place id to its `Site`."""
    incidents: list[tuple[dt.date, dt.date, Claim, Site]] = []
    periods: list[tuple[dt.date, dt.date, Claim, Site]] = []
    undated: list[Claim] = []
    facts: dict[tuple[str, str | None], list[_Group]] = {}
    groups: list[_Group] = []
    for claim in claims:
        site = site_of(claim.place_id)
        if claim.measure in PLACE_FACTS:
            # The area of a camp, its distance to a city: facts about a place, one
            # group per place and what is measured, whatever the dates.
            # Places that hold one another (a camp, its province) are one place here.
            key = (claim.measure, claim.victims)
            candidates = facts.setdefault(key, [])
            group = next(
                (
                    g
                    for g in candidates
                    if (site and g.site and _sites_fit(g.site, site))
                    or (not site and not g.site and g.claims[0].place_id == claim.place_id)
                ),
                None,
            )
            if group is None:
                group = _Group("fact", [], None, None, site)
                candidates.append(group)
                groups.append(group)
            group.site = _narrower(group.site, site)
            group.claims.append(claim)
            continue
        span = _span(claim.event_date)
        if span is None:
            undated.append(claim)
        elif claim.period:
            periods.append((span[0], span[1], claim, site))
        else:
            incidents.append((span[0], span[1], claim, site))

    by_claim: dict[str, _Group] = {c.id: g for g in groups for c in g.claims}
    _group_incidents(incidents, groups, by_claim)
    _group_periods(periods, groups, by_claim)
    _attach_undated(undated, groups, by_claim, site_of)
    events = [_event(g) for g in groups]
    events = _apply(decisions, events)
    _link_periods(events)
    events.sort(key=lambda e: (e.start or OPEN_END, e.id))
    return events


def _span(edtf: str | None) -> tuple[dt.date, dt.date] | None:
    if not edtf:
        return None
    if edtf.endswith("/.."):
        start = _span(edtf[:-3])
        return None if start is None else (start[0], OPEN_END)
    if edtf.startswith("../"):
        end = _span(edtf[3:])
        return None if end is None else (OPEN_START, end[1])
    try:
        return edtf_bounds(edtf)
    except ValueError:
        return None


def _sites_fit(a: Site, b: Site) -> bool:
    """Two places fit when either is unknown or one lies within the other."""
    return not a or not b or a[0] in b or b[0] in a


def _months(start: dt.date, end: dt.date) -> range:
    return range(start.year * 12 + start.month, end.year * 12 + end.month + 1)


def _group_incidents(
    items: list[tuple[dt.date, dt.date, Claim, Site]],
    groups: list[_Group],
    by_claim: dict[str, _Group],
) -> None:
    # Most precise first, so that a month-wide account joins the day it fits.
    items.sort(key=lambda t: ((t[1] - t[0]).days, t[0], t[2].document_id, t[2].start))
    # Accounts that name a place: candidates come from an index by (place, month).
    index: dict[tuple[str, int], list[_Group]] = defaultdict(list)
    for start, end, claim, site in (t for t in items if t[3]):
        seen: set[int] = set()
        best: _Group | None = None
        for month in _months(start, end):
            for key in site:
                for group in index[(key, month)]:
                    if id(group) in seen:
                        continue
                    seen.add(id(group))
                    if _fits(group, start, end, claim, site) and (
                        best is None or _preference(group, site) > _preference(best, site)
                    ):
                        best = group
        group = _join(best, start, end, claim, site, groups, by_claim)
        for month in _months(start, end):
            for key in group.site:
                if group not in index[(key, month)]:
                    index[(key, month)].append(group)
    # Accounts that name no place join an event only when the dates leave one place
    # possible; otherwise they are grouped among themselves.
    by_day: dict[dt.date, list[_Group]] = defaultdict(list)
    for group in groups:
        if group.start is not None and group.end is not None:
            for offset in range((group.end - group.start).days + 1):
                by_day[group.start + dt.timedelta(days=offset)].append(group)
    unplaced: dict[int, list[_Group]] = defaultdict(list)
    for start, end, claim, site in (t for t in items if not t[3]):
        candidates: dict[int, _Group] = {}
        if (end - start).days <= 31:
            for offset in range((end - start).days + 1):
                for group in by_day.get(start + dt.timedelta(days=offset), ()):
                    if _fits(group, start, end, claim, site):
                        candidates[id(group)] = group
        heads = {g.site[0] for g in candidates.values() if g.site}
        best = None
        if len(heads) == 1:
            best = max(candidates.values(), key=lambda g: (len(g.site), len(g.claims)))
        else:
            for month in _months(start, end):
                for group in unplaced[month]:
                    # Year-wide accounts with no place go together only when they give
                    # the very same span ("in 1988").
                    same_span = (group.start, group.end) == (start, end) and _types_fit(
                        group.family, _family(claim)
                    )
                    if (_fits(group, start, end, claim, site) or same_span) and (
                        best is None or len(group.claims) > len(best.claims)
                    ):
                        best = group
        placed = best is not None and bool(best.site)
        group = _join(best, start, end, claim, site, groups, by_claim)
        if not placed:
            for month in _months(start, end):
                if group not in unplaced[month]:
                    unplaced[month].append(group)


def _fits(group: _Group, start: dt.date, end: dt.date, claim: Claim, site: Site) -> bool:
    assert group.start is not None and group.end is not None
    if group.start > end or start > group.end or not _sites_fit(group.site, site):
        return False
    if not _types_fit(group.family, _family(claim)):
        return False
    # A year-wide account with no place cannot pick out one event.
    return (end - start).days <= 31 or bool(site and group.site)


def _join(
    best: _Group | None,
    start: dt.date,
    end: dt.date,
    claim: Claim,
    site: Site,
    groups: list[_Group],
    by_claim: dict[str, _Group],
) -> _Group:
    if best is None:
        best = _Group("incident", [], start, end, site, _family(claim))
        groups.append(best)
    else:
        assert best.start is not None and best.end is not None
        best.start, best.end = max(best.start, start), min(best.end, end)
        best.site = _narrower(best.site, site)
        best.family = best.family or _family(claim)
    best.claims.append(claim)
    by_claim[claim.id] = best
    return best


def _family(claim: Claim) -> str | None:
    if claim.event_type is None:
        return None
    return _TYPE_FAMILY.get(claim.event_type, "violence")


def _types_fit(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _narrower(a: Site, b: Site) -> Site:
    return b if len(b) > len(a) else a


def _preference(group: _Group, site: Site) -> tuple[int, int]:
    return (int(bool(site) and group.site == site), len(group.claims))


def _group_periods(
    items: list[tuple[dt.date, dt.date, Claim, Site]],
    groups: list[_Group],
    by_claim: dict[str, _Group],
) -> None:
    items.sort(key=lambda t: (t[0], t[1], t[2].document_id, t[2].start))
    by_year: dict[int, list[_Group]] = defaultdict(list)
    for start, end, claim, site in items:
        best: _Group | None = None
        best_overlap = PERIOD_OVERLAP
        for group in by_year[start.year]:
            assert group.start is not None and group.end is not None
            if not _sites_fit(group.site, site):
                continue
            overlap = _jaccard(group.start, group.end, start, end)
            if overlap >= best_overlap:
                best, best_overlap = group, overlap
        if best is None:
            best = _Group("period", [], start, end, site, _family(claim))
            groups.append(best)
            for year in range(start.year - 1, start.year + 2):
                by_year[year].append(best)
        else:
            best.site = _narrower(best.site, site)
        best.claims.append(claim)
        by_claim[claim.id] = best


def _jaccard(a0: dt.date, a1: dt.date, b0: dt.date, b1: dt.date) -> float:
    inner = (min(a1, b1) - max(a0, b0)).days + 1
    if inner <= 0:
        return 0.0
    outer = (max(a1, b1) - min(a0, b0)).days + 1
    return inner / outer


def _lasting(claim: Claim, groups: list[_Group], site: Site) -> _Group | None:
    """The one long-running event of the claim's kind at its place ("the siege"), if any.

    A siege or a relocation lasts; an undated account of one at a place where exactly
    one such period is known belongs to it.
    """
    family = _family(claim)
    if family not in ("siege", "relocation") or not site:
        return None
    found = [
        g
        for g in groups
        if g.kind == "period" and g.family == family and g.site and _sites_fit(g.site, site)
    ]
    if len(found) > 1:  # several: the one that counts the same thing, if only one does
        found = [g for g in found if any(c.measure == claim.measure for c in g.claims)]
    return found[0] if len(found) == 1 else None


def _attach_undated(
    undated: list[Claim],
    groups: list[_Group],
    by_claim: dict[str, _Group],
    site_of: Callable[[str | None], Site],
) -> None:
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for group in groups:
        for claim in group.claims:
            by_document[claim.document_id].append(claim)
    for claims in by_document.values():
        claims.sort(key=lambda c: c.start)
    for claim in sorted(undated, key=lambda c: (c.document_id, c.start)):
        placed = by_document[claim.document_id]
        found = (
            _nearby(claim, placed, by_claim, "incident")
            or _same_figure(claim, placed, by_claim)
            or _nearby(claim, placed, by_claim, "period")
            or _lasting(claim, groups, site_of(claim.place_id))
            or _lead(claim, placed, by_claim)
        )
        group = found if found is not None else _Group("incident", [], None, None, ())
        if found is None:
            groups.append(group)
        group.claims.append(claim)
        by_claim[claim.id] = group
        bisect.insort(placed, claim, key=lambda c: c.start)


def _nearby(
    claim: Claim, placed: list[Claim], by_claim: dict[str, _Group], kind: str
) -> _Group | None:
    """The group (of `kind`) of the closest claim before this one near enough to share it."""
    position = bisect.bisect_right([c.start for c in placed], claim.start)
    for other in reversed(placed[max(0, position - 8) : position]):
        gap = claim.start - other.end
        group = by_claim.get(other.id)
        if group is None or group.kind != kind:
            continue
        if other.sentence_start == claim.sentence_start:
            return group
        # A figure near a total is not part of it: a period takes only its own sentence's.
        if kind == "incident" and group.start is not None and gap <= NEARBY_CHARS:
            return group
    return None


def _lead(claim: Claim, placed: list[Claim], by_claim: dict[str, _Group]) -> _Group | None:
    """For a document's first figure (a news lead: "gunmen killed 23 ..."), the dated
    incident the next sentences tell of, when it follows closely."""
    position = bisect.bisect_right([c.start for c in placed], claim.start)
    if position > 0:
        return None
    for other in placed[:4]:
        group = by_claim.get(other.id)
        if group is None or group.kind != "incident" or group.start is None:
            continue
        if other.start - claim.end <= NEARBY_CHARS:
            return group
    return None


def _same_figure(claim: Claim, placed: list[Claim], by_claim: dict[str, _Group]) -> _Group | None:
    """The incident event of another mention of the same figure in the document."""
    found = [
        by_claim[other.id]
        for other in placed
        if (other.measure, other.low, other.high) == (claim.measure, claim.low, claim.high)
        and other.id in by_claim
    ]
    # A total over a period may be repeated for another scope ("since the takeover, 116";
    # "three attacks killed 116"): only an incident's figure marks a repeat mention.
    found = [g for g in found if g.kind == "incident"]
    return found[0] if found else None


def _event(group: _Group) -> Event:
    first = min(group.claims, key=lambda c: (c.document_id, c.start, c.end))
    event_id = "ev-" + hashlib.sha256(repr(anchor(first)).encode()).hexdigest()[:12]
    return Event(event_id, group.kind, group.claims, group.start, group.end, group.site)


def _apply(decisions: Sequence[Decision], events: list[Event]) -> list[Event]:
    """People's corrections, in the order they were made."""
    for decision in decisions:
        holder = {anchor(c): e for e in events for c in e.claims}
        if decision.kind == "merge":
            involved = {id(holder[a]): holder[a] for a in decision.anchors if a in holder}
            if len(involved) < 2:
                continue
            merged = list(involved.values())
            target = Event(decision.event_id, merged[0].kind, [], site=merged[0].site)
            for event in merged:
                target.claims.extend(event.claims)
                target.title = target.title or event.title
            _narrow(target)
            events = [e for e in events if id(e) not in involved] + [target]
        elif decision.kind == "split":
            moving = set(decision.anchors)
            taken: list[Claim] = []
            for event in events:
                keep = [c for c in event.claims if anchor(c) not in moving]
                taken.extend(c for c in event.claims if anchor(c) in moving)
                if len(keep) != len(event.claims):
                    event.claims = keep
                    _narrow(event)
            if taken:
                new = Event(
                    decision.event_id,
                    "incident",
                    taken,
                    site=(taken[0].place_id and (taken[0].place_id,)) or (),
                )
                _narrow(new)
                events = [e for e in events if e.claims] + [new]
        elif decision.kind == "rename":
            for event in events:
                if event.id == decision.event_id or any(
                    anchor(c) in set(decision.anchors) for c in event.claims
                ):
                    event.title = decision.title
                    break
    return events


def _narrow(event: Event) -> None:
    """The narrowest dates an event's accounts allow together (greedy, most precise first)."""
    spans = sorted(
        (s for s in (_span(c.event_date) for c in event.claims) if s is not None),
        key=lambda s: (s[1] - s[0]).days,
    )
    start = end = None
    for lo, hi in spans:
        if start is None or end is None:
            start, end = lo, hi
        elif lo <= end and start <= hi:
            start, end = max(start, lo), min(end, hi)
    event.start, event.end = start, end
    if event.start is not None and event.end is not None:
        event.kind = "incident" if (event.end - event.start).days <= INCIDENT_DAYS else "period"


def _link_periods(events: list[Event]) -> None:
    """Link each period event to the incident events inside its span at its place.

    Incidents are indexed by each place of their chain, so a period at a camp looks
    only at that camp's incidents; a period with no place links incidents with none.
    """
    by_key: dict[str | None, list[Event]] = defaultdict(list)
    for event in events:
        if event.kind == "incident" and event.start is not None:
            for key in event.site or (None,):
                by_key[key].append(event)
    starts: dict[str | None, list[dt.date]] = {}
    for key, found in by_key.items():
        found.sort(key=lambda e: e.start or OPEN_END)
        starts[key] = [e.start or OPEN_END for e in found]
    for period in events:
        if period.kind != "period" or period.start is None or period.end is None:
            continue
        key = period.site[0] if period.site else None
        found = by_key.get(key, [])
        first = bisect.bisect_left(starts.get(key, []), period.start)
        for event in found[first:]:
            assert event.start is not None and event.end is not None
            if event.start > period.end:
                break
            if event.end <= period.end:
                period.children.append(event.id)


def canonical_date(event: Event) -> str | None:
    """The event's date as EDTF: the narrowest its accounts allow together."""
    if event.start is None or event.end is None:
        return None
    if event.start <= OPEN_START:
        return f"../{event.end.isoformat() if event.end < OPEN_END else '..'}"
    if event.end >= OPEN_END:
        return f"{event.start.isoformat()}/.."
    if event.start == event.end:
        return event.start.isoformat()
    if event.start.day == 1 and (event.end + dt.timedelta(days=1)).day == 1:
        if (event.start.year, event.start.month) == (event.end.year, event.end.month):
            return event.start.strftime("%Y-%m")
        if event.start.month == 1 and event.end.month == 12 and event.start.year == event.end.year:
            return str(event.start.year)
    return f"{event.start.isoformat()}/{event.end.isoformat()}"
