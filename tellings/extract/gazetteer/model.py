"""The gazetteer's types: what an `Entity` is, what an `EntityMention` of one in a text
is, the kinds and sources an entity may have, and the limits matching works within.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tellings.errors import NotFound

KINDS: Final = frozenset(
    {
        "place",
        "camp",
        "force",
        "militia",
        "party",
        "organisation",
        "un-body",
        "government",
        "person",
    }
)
SOURCES: Final = ("geonames", "starter", "user")  # ranked: a later source wins an alias
FUZZY_CUTOFF: Final = 85.0
EXACT_ONLY_MAX_CHARS: Final = 5  # NLP-NOTES "Alias matching": Iran/Iraq score 75 with ratio
WORLD_MIN_POPULATION: Final = 100_000


class UnknownEntity(NotFound, KeyError):
    """No entity has that id; a KeyError too, for callers that treat the gazetteer as a map."""

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Entity:
    """One thing a text can name; `aliases` are its other spellings (not its name)."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    lat: float | None
    lon: float | None
    parent: str | None
    source: str  # "starter" | "geonames" | "user"
    valid: str | None = None  # EDTF interval of years, e.g. "2012/2016"


@dataclass(frozen=True, slots=True)
class EntityMention:
    """An exact alias of an entity at `text[start:end]`; `score` is 1.0 (never fuzzy)."""

    start: int
    end: int
    entity_id: str
    kind: str
    text: str
    score: float
