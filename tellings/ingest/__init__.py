"""Ingest: turn a file's bytes into text, metadata and a map back to the original.

Readers are registered under versioned names (`ingest.text.v1`, `ingest.html.v1`,
`ingest.pdf.v1`) and picked by file extension, so the collection can record which
reader produced a document's text and re-derive it later. Nothing here touches
storage: a reader takes bytes and returns an ExtractedText or raises an IngestError.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath

from tellings.errors import EmptyDocument, FileTooLarge, InvalidValue, UnsupportedFormat
from tellings.ingest.html import read_html
from tellings.ingest.offsets import locate, text_offset_to_byte
from tellings.ingest.pdf import read_pdf
from tellings.ingest.text import read_text
from tellings.model import ExtractedText

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "SUPPORTED_EXTENSIONS",
    "Reader",
    "check_size",
    "locate",
    "read_document",
    "reader_for",
    "register_reader",
    "text_offset_to_byte",
]

Reader = Callable[[str, bytes], ExtractedText]
"""A reader takes the file's name (for messages) and its bytes."""

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_MEGABYTE = 1024 * 1024

READERS: dict[str, Reader] = {}
_EXTENSIONS: dict[str, str] = {}
SUPPORTED_EXTENSIONS: tuple[str, ...] = ()


def register_reader(name: str, reader: Reader, extensions: Iterable[str]) -> None:
    """Register `reader` under the versioned `name` for files with these extensions.

    Built-in readers are registered this way too; a later registration for an
    extension takes it over, which is how a new version of a reader replaces the old.
    """
    global SUPPORTED_EXTENSIONS
    READERS[name] = reader
    for extension in extensions:
        _EXTENSIONS[extension.lower()] = name
    SUPPORTED_EXTENSIONS = tuple(sorted(_EXTENSIONS))


register_reader("ingest.text.v1", read_text, [".txt", ".md"])
register_reader("ingest.html.v1", read_html, [".html", ".htm"])
register_reader("ingest.pdf.v1", read_pdf, [".pdf"])


def _unsupported(path: str) -> UnsupportedFormat:
    suffix = PurePath(path).suffix
    what = f"{suffix!r} files are" if suffix else "files without an extension are"
    return UnsupportedFormat(
        path, f"{what} not supported; use one of {', '.join(SUPPORTED_EXTENSIONS)}"
    )


def reader_for(path: str) -> str:
    """Return the versioned name of the reader for `path`, chosen by its extension.

    Raises UnsupportedFormat, naming the supported extensions, when there is none.
    """
    name = _EXTENSIONS.get(PurePath(path).suffix.lower())
    if name is None:
        raise _unsupported(path)
    return name


def _megabytes(size: int) -> str:
    return f"{size / _MEGABYTE:.1f} MB ({size:,} bytes)"


def read_document(path: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedText:
    """Read a file's bytes with the reader its extension calls for.

    `path` is only used to pick the reader and to name the file in errors. Raises
    EmptyDocument for a 0-byte file, FileTooLarge above `max_bytes`, UnsupportedFormat
    for an unknown extension, and whatever the reader raises (all IngestErrors).
    """
    check_size(path, len(data), max_bytes)
    return READERS[reader_for(path)](path, data)


def check_size(path: str, size: int, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Refuse an empty file or one over `max_bytes`, before or after it is read."""
    if max_bytes <= 0:
        raise InvalidValue(f"the size limit must be positive, not {max_bytes} bytes")
    if not size:
        raise EmptyDocument(path, "the file is empty (0 bytes)")
    if size > max_bytes:
        raise FileTooLarge(
            path,
            f"the file is {_megabytes(size)}, over the {_megabytes(max_bytes)} limit; "
            "raise the limit with --max-size",
        )
