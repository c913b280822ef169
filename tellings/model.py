"""The record's shared types: what stages read and what they produce.

Stages take and return these plain, immutable values and know nothing of storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SOURCE_TYPES = (
    "un",
    "ngo",
    "news",
    "encyclopedia",
    "government",
    "armed-group",
    "affiliated",
    "other",
)
SourceType = Literal[
    "un", "ngo", "news", "encyclopedia", "government", "armed-group", "affiliated", "other"
]

# Admiralty code (STANAG 2511) source reliability: A completely reliable ... E unreliable,
# F cannot be judged.
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")


@dataclass(frozen=True)
class TextSegment:
    """A stretch of the extracted text and where it comes from in the original.

    `text_start`/`text_end` are character offsets into the stored text. The locator
    says where the stretch lies in the original file: `byte_start`/`byte_end` when the
    bytes are known exactly, `page` (1-based) for PDF pages; `exact` is true when the
    original bytes decode to exactly this stretch of text.
    """

    text_start: int
    text_end: int
    byte_start: int | None = None
    byte_end: int | None = None
    page: int | None = None
    exact: bool = False

    def to_json(self) -> list[Any]:
        return [
            self.text_start,
            self.text_end,
            self.byte_start,
            self.byte_end,
            self.page,
            self.exact,
        ]

    @classmethod
    def from_json(cls, row: list[Any]) -> TextSegment:
        return cls(row[0], row[1], row[2], row[3], row[4], bool(row[5]))


@dataclass(frozen=True)
class OffsetMap:
    """What is needed to map offsets in the stored text back into the original file.

    `kind` is `decoded` when the text is the original bytes decoded with `encoding`
    after skipping `skip` bytes (a byte order mark): every character then has an exact
    byte position. Otherwise `segments` list each stretch of text and its place in the
    original (a byte range in an HTML page, a page of a PDF).
    """

    kind: Literal["decoded", "segments"]
    encoding: str | None = None
    skip: int = 0
    segments: tuple[TextSegment, ...] = ()

    def to_json(self) -> dict[str, Any]:
        if self.kind == "decoded":
            return {"kind": "decoded", "encoding": self.encoding, "skip": self.skip}
        return {"kind": "segments", "segments": [s.to_json() for s in self.segments]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OffsetMap:
        if data["kind"] == "decoded":
            return cls("decoded", encoding=data["encoding"], skip=int(data.get("skip", 0)))
        return cls(
            "segments",
            segments=tuple(TextSegment.from_json(row) for row in data["segments"]),
        )


@dataclass(frozen=True)
class ExtractedText:
    """What a reader makes of a file's bytes: the text and what the file says of itself."""

    text: str
    offset_map: OffsetMap
    format: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    pages: int | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentMeta:
    """Metadata a user gives for a document (options or a manifest row); None is unknown."""

    source: str | None = None
    source_type: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Source:
    """Who speaks: a source of documents, graded separately from what it says.

    `restricted` marks a source whose documents must not leave the collection: a
    bundle made with `--exclude-restricted` withholds them.
    """

    id: str
    name: str
    type: str | None = None
    affiliation: str | None = None
    reliability: str | None = None
    restricted: bool = False


@dataclass(frozen=True)
class Document:
    """A document in the collection: its original bytes' hash, its text and metadata."""

    id: str  # the SHA-256 of the original bytes, hex
    name: str  # the file name without its extension
    filename: str
    format: str
    size: int
    text: str
    offset_map: OffsetMap
    source_id: str | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    ingested_at: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


PEOPLE_MEASURES = ("killed", "wounded", "abducted", "detained", "died", "displaced", "other")
FACT_MEASURES = ("population", "area", "distance", "money", "count", "date_of")


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure a document states, with what it counts, when, where and its exact words.

    `text[start:end]` of the document's stored text is `quote`; `prefix` and `suffix`
    complete a W3C TextQuoteSelector. `low`/`high` are the count interval (`high` None
    when unbounded), `qualifier` as in the gold schema. `event_date` is EDTF or None.
    `rule` names the versioned rule that found the measure; `extractor` the version of
    the whole extractor. `scope_events` is the number of events a total says it covers
    ("three attacks killed 116": 3).
    """

    id: str
    document_id: str
    measure: str
    low: float
    high: float | None
    qualifier: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    rule: str
    extractor: str
    value: float | None = None
    unit: str | None = None
    normalised_low: float | None = None
    normalised_high: float | None = None
    normalised_unit: str | None = None
    event_date: str | None = None
    date_quote: str | None = None
    period: bool = False
    place: str | None = None
    place_id: str | None = None
    victims: str | None = None
    perpetrator: str | None = None
    event_type: str | None = None
    speaker: str | None = None
    event_key: str | None = None
    number_rule: str | None = None
    date_rule: str | None = None
    sentence_start: int | None = None
    scope_events: int | None = None
    superseded_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Every field, as plain JSON values (the ledger's `claim.added` data)."""
        return {
            name: json_number(value) if isinstance(value, float) else value
            for name, value in ((n, getattr(self, n)) for n in self.__dataclass_fields__)
        }


def figure_text(value: float | None, missing: str = "?") -> str:
    """A figure as a reader writes it: 1,300; 36.26; `missing` when unknown."""
    if value is None:
        return missing
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def json_number(value: float) -> int | str:
    """A number as canonical JSON may hold it: an integer, or a decimal string.

    The ledger's canonical JSON (RFC 8785) carries no floating point here, so that
    every implementation hashes the same bytes: 36.0 becomes 36, 0.5 becomes "0.5".
    """
    if value.is_integer():
        return int(value)
    return repr(value)
