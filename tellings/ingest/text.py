"""The plain-text reader (`ingest.text.v1`): .txt and .md files.

The stored text is exactly the decoded file, with no newline or whitespace clean-up, so
every character keeps an exact byte position in the original (an OffsetMap of kind
`decoded`) and a quote found later can be checked against the original bytes.
"""

from __future__ import annotations

import codecs
from pathlib import PurePath

from tellings.errors import BinaryFile, EmptyDocument
from tellings.model import ExtractedText, OffsetMap

__all__ = ["decode_text", "looks_binary", "read_text"]

# How much of a file the binary sniffing looks at, and the share of control characters
# above which it is taken for a binary file (text has tabs and newlines, not these).
SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.10
TITLE_MAX_CHARS = 200

_CONTROL_BYTES = frozenset(set(range(0x20)) - set(b"\t\n\r\f") | {0x7F})
_CONTROL_CHARS = frozenset(chr(byte) for byte in _CONTROL_BYTES)
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def looks_binary(data: bytes) -> bool:
    """Return True when the start of `data` looks like a binary file rather than text.

    A NUL byte or a high share of control bytes in the first 8 KB gives it away; text
    in UTF-16 carries NUL bytes too, so callers check for a UTF-16 byte order mark
    first.
    """
    sample = data[:SNIFF_BYTES]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls / len(sample) > MAX_CONTROL_SHARE


def _controls_share(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    controls = sum(1 for char in sample if char in _CONTROL_CHARS)
    return controls / len(sample)


def decode_text(path: str, data: bytes) -> tuple[str, str, int, tuple[str, ...]]:
    """Decode a text file's bytes and return (text, encoding, skip, notes).

    A UTF-16 byte order mark means UTF-16 (`skip` is 2); otherwise UTF-8 (a UTF-8 byte
    order mark is skipped: `skip` is 3), then Windows-1252 as a last resort, which is
    noted, and Latin-1 for the five bytes Windows-1252 leaves undefined. `encoding` is
    a Python codec name that turns `text` back into `data[skip:]` exactly. Raises
    BinaryFile when the bytes are not text.
    """
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                break  # not UTF-16 after all: sniff it like any other file
            if "\x00" in text[:SNIFF_BYTES] or _controls_share(text) > MAX_CONTROL_SHARE:
                raise BinaryFile(path, "looks like a binary file, not text")
            return text, encoding, len(bom), ()
    if looks_binary(data):
        raise BinaryFile(path, "looks like a binary file, not text")
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8"), "utf-8", skip, ()
    except UnicodeDecodeError as exc:
        where = exc.start + skip
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        # A byte Windows-1252 leaves undefined: Latin-1 reads every byte, one to one.
        return (
            data.decode("latin-1"),
            "latin-1",
            0,
            (f"not valid UTF-8 (byte {where}) nor Windows-1252; read as Latin-1",),
        )
    return text, "cp1252", 0, (f"not valid UTF-8 (byte {where}); read as Windows-1252",)


def _title(text: str, markdown: bool) -> str | None:
    for line in text.splitlines():
        title = line.strip()
        if markdown:
            title = title.lstrip("#").strip()
        if title:
            return title if len(title) <= TITLE_MAX_CHARS else None
    return None


def read_text(path: str, data: bytes) -> ExtractedText:
    """Read a .txt or .md file: its decoded text, unchanged, with an exact offset map.

    The title is the first non-empty line when it is short (heading marks stripped
    for Markdown). Raises BinaryFile for binary data and EmptyDocument when the file
    holds only whitespace.
    """
    text, encoding, skip, notes = decode_text(path, data)
    if not text.strip():
        reason = "has no text" if not text else "contains only whitespace"
        raise EmptyDocument(path, reason)
    markdown = PurePath(path).suffix.lower() in {".md", ".markdown"}
    return ExtractedText(
        text=text,
        offset_map=OffsetMap("decoded", encoding=encoding, skip=skip),
        format="text",
        title=_title(text, markdown),
        notes=notes,
    )
