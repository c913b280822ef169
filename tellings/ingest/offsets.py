"""Map character offsets in stored text back to the original file's bytes and pages.

A quote is only verifiable if it can be found again in the original: for text files
every character has an exact byte position; for HTML pages a paragraph's byte range is
known when it could be located in the page; for PDFs the page is known.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from tellings.errors import InvalidValue
from tellings.model import OffsetMap, TextSegment

__all__ = ["Location", "locate", "segment_at", "text_offset_to_byte"]


class Location(TypedDict):
    """Where a quote lies in the original file; None where it is not known."""

    byte_start: int | None
    byte_end: int | None
    page: int | None
    exact: bool


def _check_offset(text: str, char_offset: int) -> None:
    if not 0 <= char_offset <= len(text):
        raise InvalidValue(f"character offset {char_offset} is outside the text (0 to {len(text)})")


def segment_at(offset_map: OffsetMap, char_offset: int) -> TextSegment | None:
    """Return the segment that holds the position `char_offset`, or None in a gap.

    A position at a segment's very end still belongs to it, so that the end of a
    quote maps to the same segment as its last character.
    """
    for segment in offset_map.segments:
        if segment.text_start <= char_offset <= segment.text_end:
            return segment
    return None


def _width_in_segment(segment: TextSegment, whole: str) -> Callable[[str], int]:
    """How to measure text in bytes inside an exact segment, when the encoding is unknown.

    Stored offset maps do not keep the page's encoding, but an exact segment's byte
    length tells it apart: it fits UTF-8, one byte per character (Windows-1252 and
    other single-byte charsets) or UTF-16 for the segment's own text.
    """
    assert segment.byte_start is not None and segment.byte_end is not None
    size = segment.byte_end - segment.byte_start
    if len(whole.encode("utf-8", "surrogatepass")) == size:
        return lambda part: len(part.encode("utf-8", "surrogatepass"))
    if len(whole) == size:
        return len
    return lambda part: len(part.encode("utf-16-le", "surrogatepass"))


def text_offset_to_byte(text: str, offset_map: OffsetMap, char_offset: int) -> int | None:
    """Return the byte offset in the original file of character offset `char_offset`.

    Exact for a `decoded` map. For a `segments` map it is exact inside a segment whose
    bytes decode to exactly its text; otherwise it is the segment's first byte, or None
    when the segment has no known bytes (a PDF page) or the offset falls between
    segments.
    """
    _check_offset(text, char_offset)
    if offset_map.kind == "decoded":
        encoding = offset_map.encoding or "utf-8"
        return offset_map.skip + len(text[:char_offset].encode(encoding))
    segment = segment_at(offset_map, char_offset)
    if segment is None or segment.byte_start is None:
        return None
    if not segment.exact or segment.byte_end is None:
        return segment.byte_start
    part = text[segment.text_start : char_offset]
    if offset_map.encoding is not None:
        return segment.byte_start + len(part.encode(offset_map.encoding))
    width = _width_in_segment(segment, text[segment.text_start : segment.text_end])
    return segment.byte_start + width(part)


def locate(text: str, offset_map: OffsetMap, start: int, end: int) -> Location:
    """Return where the quote `text[start:end]` lies in the original file.

    `exact` is True when `original[byte_start:byte_end]` decodes to exactly the quote.
    Otherwise the byte range, when known, is the smallest run of located segments that
    holds the quote (the HTML of its paragraphs), and `page` is the page it starts on.
    """
    _check_offset(text, start)
    _check_offset(text, end)
    if end < start:
        raise InvalidValue(f"quote end {end} comes before its start {start}")
    if offset_map.kind == "decoded":
        return Location(
            byte_start=text_offset_to_byte(text, offset_map, start),
            byte_end=text_offset_to_byte(text, offset_map, end),
            page=None,
            exact=True,
        )
    touched = [
        segment
        for segment in offset_map.segments
        if segment.text_start < end and segment.text_end > start
    ] or [s for s in (segment_at(offset_map, start),) if s is not None]
    if not touched:
        return Location(byte_start=None, byte_end=None, page=None, exact=False)
    first, last = touched[0], touched[-1]
    inside_one = len(touched) == 1 and first.text_start <= start and end <= first.text_end
    if inside_one and first.exact and first.byte_start is not None:
        return Location(
            byte_start=text_offset_to_byte(text, offset_map, start),
            byte_end=text_offset_to_byte(text, offset_map, end),
            page=first.page,
            exact=True,
        )
    known = first.byte_start is not None and last.byte_end is not None
    return Location(
        byte_start=first.byte_start if known else None,
        byte_end=last.byte_end if known else None,
        page=first.page,
        exact=False,
    )
