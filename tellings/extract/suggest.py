"""A hook for optional models: suggesters add claims the rules did not find.

Off by default. A suggester is a function `(text, claims) -> Iterable[Claim]` given the
document's text and the claims the rules found; it is registered under a versioned name
starting with `suggest.` (for example `suggest.ner.v1`) and switched on for a
collection by naming it in `Collection.suggesters`. What it returns is checked like
everything else: a suggestion whose quote is not `text[start:end]`, or whose rule does
not name the suggester, is dropped. Suggestions are recorded as claims with their own
rule name, so they can always be told apart from the rules' findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..errors import InvalidValue
from ..model import Claim

Suggester = Callable[[str, Sequence[Claim]], Iterable[Claim]]

SUGGESTERS: dict[str, Suggester] = {}


def register_suggester(name: str, suggester: Suggester) -> None:
    """Make `suggester` available under `name` (e.g. `suggest.ner.v1`)."""
    if not name.startswith("suggest."):
        raise InvalidValue(f"a suggester's name must start with 'suggest.', not {name!r}")
    SUGGESTERS[name] = suggester


def run_suggesters(text: str, claims: Sequence[Claim], names: Iterable[str]) -> list[Claim]:
    """The checked suggestions of the suggesters named, in the order they are named."""
    found: list[Claim] = []
    for name in names:
        suggester = SUGGESTERS.get(name)
        if suggester is None:
            raise InvalidValue(f"no suggester {name!r} is registered")
        for claim in suggester(text, claims):
            if claim.rule.startswith(name) and text[claim.start : claim.end] == claim.quote:
                found.append(claim)
    return found
