"""A document's stored text as HTML with every claim's quote marked.

The text is escaped piece by piece; a claim's quote becomes
`<mark class="claim" id="claim-ID" data-claim="ID">`, nested when one quote lies inside
another. Where two quotes cross, the outer mark is closed and opened again so that the
marks always nest; only the first piece of a quote carries its `id`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from markupsafe import Markup, escape

from ..model import Claim


def highlighted(text: str, claims: Sequence[Claim]) -> Markup:
    """`text` as escaped HTML with each claim's span in a <mark>."""
    spans = sorted(
        {(c.start, c.end, c.id, c.measure) for c in claims if 0 <= c.start < c.end <= len(text)},
        key=lambda s: (s[0], -s[1], s[2]),
    )
    if not spans:
        return escape(text)
    order = {span: i for i, span in enumerate(spans)}
    bounds = sorted({0, len(text)} | {s[0] for s in spans} | {s[1] for s in spans})
    out: list[Markup] = []
    stack: list[tuple[int, int, str, str]] = []
    anchored: set[str] = set()
    active: list[tuple[int, int, str, str]] = []
    next_span = 0
    for left, right in pairwise(bounds):
        while next_span < len(spans) and spans[next_span][0] <= left:
            active.append(spans[next_span])
            next_span += 1
        active = [s for s in active if s[1] > left]
        wanted = sorted(active, key=order.__getitem__)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        out.extend(Markup("</mark>") for _ in stack[keep:])
        for span in wanted[keep:]:
            out.append(_open(span, span[2] not in anchored))
            anchored.add(span[2])
        stack = wanted
        out.append(escape(text[left:right]))
    out.extend(Markup("</mark>") for _ in stack)
    return Markup("").join(out)


def _open(span: tuple[int, int, str, str], anchor: bool) -> Markup:
    _, _, claim_id, measure = span
    return Markup('<mark class="claim m-{}"{} data-claim="{}" tabindex="0">').format(
        measure, Markup(f' id="claim-{escape(claim_id)}"') if anchor else "", claim_id
    )
