"""What a sentence says that all its claims share, and what the text has said so far.

`_SentenceFacts` reads once per sentence who says it (`_SPEAKER`: "according to the
UN", "the ministry said"), who did it (`_PERPETRATOR`: "by the army", else the first
force or group named), the kind of event named nearest a figure (`_EVENT_TYPES`),
whether the sentence speaks of a span (`_PERIOD_WORDS`: "since", "in total", "attacks")
and how many events it announces (`_ANNOUNCED`: "suffered three attacks").

`_Context` is what the extractor carries from one sentence to the next as it walks a
text in order; `_specific` asks its gazetteer whether a place lies inside another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .dates import DateContext, DateMention
from .gazetteer import EntityMention, Gazetteer
from .numbers import parse_number_words

_ACTOR_KINDS = frozenset({"force", "militia", "government", "party", "armed-group"})
_EVENT_TYPES = (
    (re.compile(r"\b(?:rockets?|missiles?|mortars?|katyushas?)\b", re.I), "rocket attack"),
    (re.compile(r"\bbomb(?:s|ing|ings|ed|ardment)?\b|\bair ?strikes?\b", re.I), "bombing"),
    (re.compile(r"\bsiege\b|\bblockade\b", re.I), "siege"),
    (re.compile(r"\braid(?:s|ed)?\b|\bstorm(?:ed|ing)\b", re.I), "raid"),
    (re.compile(r"\bmassacre[sd]?\b", re.I), "massacre"),
    (re.compile(r"\b(?:abduct\w*|kidnap\w*|hostages?)\b", re.I), "abduction"),
    (re.compile(r"\b(?:arrest\w*|detain\w*|detention)\b", re.I), "detention"),
    (
        re.compile(
            r"\b(?:relocat\w*|resettle\w*|transfer\w*|moved|departure|departed|evict\w*)\b", re.I
        ),
        "relocation",
    ),
    (re.compile(r"\b(?:attack\w*|assault\w*|strikes?|shelling|shot|fired)\b", re.I), "attack"),
)
_ANNOUNCED = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks|assaults|raids|massacres|strikes|bombings|bombardments|ambushes|shellings|"
    r"incidents|operations|occasions)\b",
    re.I,
)
_PERIOD_WORDS = re.compile(
    r"\b(?:since|in\s+total|in\s+all|altogether|so\s+far|to\s+date|over\s+the\s+(?:past|last)|"
    r"throughout|during\s+the\s+(?:siege|years)|attacks|assaults|raids|massacres|strikes)\b",
    re.I,
)
# People who speak without a name or article: "police said", "witnesses told".
_SPEAKER_NOUNS = (
    r"police|officials|witnesses|residents|doctors|medics|activists|sources|survivors|"
    r"relatives|villagers|monitors|authorities|officers|soldiers|rescuers"
)
_SPEAKER = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<a>[^,;:.()\[\]\n]{2,60}?)(?=\s*[,;:.()\[\]\n]|\s*$)"
    r"|(?P<b>(?:[A-Z][\w’'.\-]*|an?|the|" + _SPEAKER_NOUNS + r")"
    r"(?:\s+(?:[A-Z][\w’'.\-]*|\([A-Z][\w-]*\)|[a-z]+)){0,6}?)\s+"
    r"(?:said|says|stated|reported|told|announced|claimed|estimated|confirmed)\b"
    r"|\b(?:said|says|stated|reported)\s+(?P<c>(?:the\s+|an?\s+)?[A-Z][\w’'.\-]*"
    r"(?:\s+[\w’'.\-]+){0,4}|(?:the|an?)\s+[a-z][\w’'.\-]*(?:\s+[\w’'.\-]+){0,3})",
)
_PASSIVE_END = re.compile(r"\b(?:were|was|been|be|is|are)\s*$", re.I)
_PERPETRATOR = re.compile(
    r"\bby\s+(?P<by>(?:the\s+)?(?:[A-Z][\w’'\-]*|al-\w+)(?:\s+(?:[A-Z][\w’'\-]*|al-\w+|of|the|and)){0,6})"
)


@dataclass
class _SentenceFacts:
    """What a sentence says that every claim in it shares, computed once per sentence."""

    text: str
    entities: list[EntityMention]
    start: int = 0
    _speaker: str | None = None
    _perpetrator: str | None = None
    _event_type: str | None = None
    _period: bool | None = None
    _announced: int | None = None
    _type_spans: list[tuple[int, int, int, str]] | None = None
    _done: bool = False

    def _compute(self) -> None:
        if not self._done:
            self._speaker = _speaker(self.text)
            self._perpetrator = _perpetrator(self.text, self.entities)
            self._event_type = next(
                (name for pattern, name in _EVENT_TYPES if pattern.search(self.text)), None
            )
            self._period = _PERIOD_WORDS.search(self.text) is not None
            self._done = True

    @property
    def speaker(self) -> str | None:
        self._compute()
        return self._speaker

    @property
    def perpetrator(self) -> str | None:
        self._compute()
        return self._perpetrator

    @property
    def event_type(self) -> str | None:
        self._compute()
        return self._event_type

    def event_type_near(self, offset: int) -> str | None:
        """The kind of event named nearest to `offset` in the sentence ("a siege, which
        left 177 dead" is the siege's, even if rockets are named first)."""
        if self._type_spans is None:  # found once per sentence
            self._type_spans = [
                (match.start(), match.end(), rank, name)
                for rank, (pattern, name) in enumerate(_EVENT_TYPES)
                for match in pattern.finditer(self.text)
            ]
        best: tuple[int, int, str] | None = None
        for start, end, rank, name in self._type_spans:
            distance = min(abs(start - offset), abs(end - offset))
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, name)
        return best[2] if best else None

    @property
    def announced(self) -> int:
        """How many events the sentence announces ("suffered three attacks"), else 0."""
        if self._announced is None:
            found = _ANNOUNCED.search(self.text)
            number = parse_number_words(found.group("n")) if found else None
            self._announced = int(number) if number is not None and 2 <= number <= 20 else 0
        return self._announced

    @property
    def period_words(self) -> bool:
        self._compute()
        return bool(self._period)


@dataclass
class _Context:
    """What the text has said so far, as the extractor walks it in order."""

    dates: DateContext
    heading_date: DateMention | None = None
    last_day: DateMention | None = None
    introduced: list[DateMention] = field(default_factory=list)
    by_year: dict[int, DateMention] = field(default_factory=dict)
    place: EntityMention | None = None
    site: EntityMention | None = None  # the last place named that lies inside a country
    gazetteer: Gazetteer | None = None
    deadliest: tuple[float, DateMention] | None = None  # the most killed on one date so far
    published_end: date | None = None  # the last day the publication date can mean


def _specific(mention: EntityMention, context: _Context) -> bool:
    """A place inside another (a town, a camp), not a whole country: "from Iran" is no
    fixed point to measure a distance to."""
    if context.gazetteer is None:
        return True
    try:
        return context.gazetteer.entity(mention.entity_id).parent is not None
    except KeyError:
        return False


def _perpetrator(sentence: str, entities: list[EntityMention]) -> str | None:
    by = _PERPETRATOR.search(sentence)
    if by:
        return by.group("by").strip()
    actors = [e for e in entities if e.kind in _ACTOR_KINDS]
    return actors[0].text if actors else None


def _speakers(sentence: str) -> list[tuple[int, str]]:
    """(position, who) of everyone the sentence names as saying something."""
    found = []
    for match in _SPEAKER.finditer(sentence):
        who = match.group("a") or match.group("b") or match.group("c")
        if who and not _PASSIVE_END.search(who):  # "No casualties were reported"
            found.append((match.start(), who.strip(" ,")))
    return found


def _speaker(sentence: str, offset: int = 0) -> str | None:
    """Who the sentence says is speaking about the figure at `offset`: the nearest."""
    found = _speakers(sentence)
    if not found:
        return None
    # Within the figure's own clause if anyone speaks there ("A said 35; B said three").
    clause_start = sentence.rfind(";", 0, offset) + 1
    clause_end = sentence.find(";", offset)
    clause_end = len(sentence) if clause_end < 0 else clause_end
    inside = [item for item in found if clause_start <= item[0] < clause_end]
    return min(inside or found, key=lambda item: abs(item[0] - offset))[1]
