"""Counts that are part of a group, or another figure for one, already counted.

- `count.sub_count.v1`: a count inside another takes its measure: "including four
  nurses", "20 of whom were children", "the dead included 4 women", and each further
  part of the list ("... 4 women and 2 children"); a group named but not counted gives
  the measure: "the injured, 20 of whom were children".
- `count.put_at.v1`: "officials put the number at 60": another figure for what was just
  counted; "the toll" is of the killed.

`_COORDINATED` is what may stand between two counts that share one verb, for the
assembler's `count.coordinated.v1`.
"""

from __future__ import annotations

import re

from .measures import MeasureMatch
from .numbers import CountMention

_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s*$", re.I)
_GROUP_MEASURE = {
    "wounded": "wounded",
    "injured": "wounded",
    "dead": "killed",
    "killed": "killed",
    "victims": "killed",
    "hostages": "abducted",
    "abducted": "abducted",
    "detainees": "detained",
    "detained": "detained",
    "casualties": "other",
    "displaced": "displaced",
}
_NAMED_GROUP = re.compile(
    r"\bthe\s+(?P<group>"
    + "|".join(_GROUP_MEASURE)
    + r")\s*,\s*(?:including\s+|among\s+them\s+)?$",
    re.I,
)
_PUT_AT = re.compile(
    r"\b(?:put|puts|putting|placed|places|estimated|estimates)\s+(?:the\s+)?(?:death\s+)?"
    r"(?P<what>number|figure|toll|total|count)\s+at\s+$",
    re.I,
)

# Between two counts that share one verb: "Six soldiers and three civilians"
_COORDINATED = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?and\s+", re.I)
_GROUP_INCLUDED = re.compile(
    r"\b(?:the\s+(?P<group>"
    + "|".join(_GROUP_MEASURE)
    + r")\s+(?:included|include|includes|were|was)|among\s+the\s+(?P<group2>"
    + "|".join(_GROUP_MEASURE)
    + r")\s+(?:were|was))\s+$",
    re.I,
)
_LIST_GOES_ON = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?(?:and|,)\s+|,\s+(?:and\s+)?", re.I)
_OF_WHOM = re.compile(
    r"^\s+of\s+(?:whom|them)(?:\s+(?:were|was|are))?(?:\s+(?!were\b|was\b)[a-z][\w-]*){0,2}",
    re.I,
)
_GROUP_TAIL = re.compile(r"^(?:\s+(?!were\b|was\b|and\b)[a-z][\w-]*){1,2}")


def _sub_count(
    text: str, count: CountMention, previous: list[tuple[CountMention, MeasureMatch]], floor: int
) -> MeasureMatch | None:
    """A count inside another ("including four nurses", "20 of whom") takes its measure."""
    before = text[max(floor, count.start - 50) : count.start]
    after = text[count.end : count.end + 40]
    included = _GROUP_INCLUDED.search(before)
    if included is not None:
        # "the dead included 4 women": a part of a group named, not counted.
        tail = _GROUP_TAIL.match(after)
        group = included.group("group") or included.group("group2")
        return MeasureMatch(
            _GROUP_MEASURE[group.lower()],
            count.start - len(before) + included.start(),
            count.end + (tail.end() if tail else 0),
            None,
            None,
            None,
            "count.sub_count.v1",
        )
    if previous and previous[-1][1].rule == "count.sub_count.v1":
        # "... 4 women and 2 children": the list of parts goes on.
        head, match = previous[-1]
        if _LIST_GOES_ON.fullmatch(text[head.end : count.start]):
            tail = _GROUP_TAIL.match(after)
            return MeasureMatch(
                match.measure,
                count.start,
                count.end + (tail.end() if tail else 0),
                None,
                None,
                None,
                "count.sub_count.v1",
            )
    including = _INCLUDING.search(before)
    of_whom = _OF_WHOM.match(after)
    if including is not None:
        phrase_start = count.start - len(before) + including.start()
        tail = _GROUP_TAIL.match(after)
        phrase_end = count.end + (tail.end() if tail else 0)
    elif of_whom is not None:
        phrase_start, phrase_end = count.start, count.end + of_whom.end()
    else:
        return None
    if previous and previous[-1][0].end >= count.start - 50:
        measure = previous[-1][1].measure
    else:
        # "the injured, 20 of whom were children": the group is named, not counted.
        named = _NAMED_GROUP.search(before)
        if named is None:
            return None
        measure = _GROUP_MEASURE[named.group("group").lower()]
    return MeasureMatch(measure, phrase_start, phrase_end, None, None, None, "count.sub_count.v1")


def _put_at(
    text: str, count: CountMention, previous: list[tuple[CountMention, MeasureMatch]], floor: int
) -> MeasureMatch | None:
    """ "officials put the number at 60": another figure for what was just counted."""
    before = text[max(floor, count.start - 40) : count.start]
    found = _PUT_AT.search(before)
    if found is None:
        return None
    if found.group("what").lower() == "toll":
        measure = "killed"
    elif previous:
        measure = previous[-1][1].measure
    else:
        return None
    base = count.start - len(before)
    return MeasureMatch(
        measure, base + found.start(), count.end, None, None, None, "count.put_at.v1"
    )
