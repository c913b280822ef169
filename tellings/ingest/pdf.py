"""The PDF reader (`ingest.pdf.v1`): the text layer of each page, cleaned of page furniture.

pypdf reads the text; this module maps the odd characters it emits for bullets, drops
running headers, footers and page numbers, and re-joins words split across lines. Pages
are joined with a blank line, and the offset map records which page each stretch of
text came from (PDF text has no byte positions worth keeping).
"""

from __future__ import annotations

import calendar
import io
import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from tellings.errors import BrokenDocument, EncryptedFile, NoTextLayer
from tellings.model import ExtractedText, OffsetMap, TextSegment

__all__ = ["clean_pages", "read_pdf"]

PAGE_SEPARATOR = "\n\n"
# A running header or footer sits in the first or last few lines of a page...
EDGE_LINES = 3
# ...and recurs on most pages: at least this share of them, and at least 3 pages (both
# pages of a 2-page document).
RECURRING_SHARE = 0.6
RECURRING_MIN_PAGES = 3

NO_TEXT_LAYER = "the PDF has no text layer (scanned images?); run OCR first"

# Bullets drawn from a symbol font come out as DEL (standard encoding's 0x7F, what
# reportlab's "•" becomes) or as private-use code points (Symbol and Wingdings glyphs).
_BULLETS = str.maketrans(
    dict.fromkeys("\x7f\uf0b7\uf0a7\uf0a8\uf06c\uf06e\uf071\uf076\uf0d8\uf0fc", "•")
)
_OTHER_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\xad]")
_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE
)
# "resi-" + newline + "dents": a word broken at a line end. Only before a lowercase
# letter; "al-" + newline + "Maliki" keeps its hyphen and loses only the line break.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Keep pypdf's log lines and warnings on damaged files out of the user's way.

    pypdf logs and warns about every oddity it repairs ("incorrect startxref
    pointer"); the reader reports what matters itself, as errors or notes.
    """
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _plain_reason(exc: Exception) -> str:
    """pypdf's complaint about a damaged file, in words a user can act on."""
    detail = str(exc).strip() or type(exc).__name__
    if "EOF marker" in detail or "startxref" in detail or "ended unexpectedly" in detail:
        return f"the PDF is truncated or damaged (pypdf: {detail})"
    return f"the PDF is damaged and cannot be read (pypdf: {detail})"


def _edge_key(line: str) -> str:
    """A line as it recurs from page to page: digits vary ("Page 3 of 6")."""
    return re.sub(r"\d", "#", " ".join(line.split())).casefold()


def _edges(lines: list[str]) -> list[int]:
    """Indexes of a page's first and last EDGE_LINES non-blank lines."""
    filled = [number for number, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def clean_pages(pages: list[str]) -> list[str]:
    """Return the pages' text without page furniture, with words re-joined.

    Dropped: lines near the top or bottom of a page that recur (digits aside) near the
    top or bottom of most pages, and lone page numbers there ("7", "Page 7 of 9",
    "- 7 -"). Kept: everything else, including a recurring line in the middle of a
    page. A hyphen at a line end followed by a letter is a word broken across lines:
    before a lowercase letter the two halves are joined ("resi-dents" -> "residents"),
    before an uppercase one the hyphen is kept ("al-Maliki"). A genuinely hyphenated
    compound broken at its hyphen ("well-known") loses its hyphen; a layout cannot tell.
    """
    page_lines = [page.split("\n") for page in pages]
    seen: Counter[str] = Counter()
    for lines in page_lines:
        seen.update({_edge_key(lines[number]) for number in _edges(lines)})
    with_text = sum(1 for page in pages if page.strip())
    needed = max(RECURRING_MIN_PAGES, math.ceil(RECURRING_SHARE * with_text))
    if with_text == 2:
        needed = 2
    cleaned = []
    for lines in page_lines:
        dropped = {
            number
            for number in _edges(lines)
            if seen[_edge_key(lines[number])] >= needed
            or _PAGE_NUMBER.fullmatch(lines[number].strip())
        }
        kept = "\n".join(line for number, line in enumerate(lines) if number not in dropped)
        cleaned.append(_join_broken_words(kept.strip()))
    return cleaned


def _join_broken_words(text: str) -> str:
    def join(match: re.Match[str]) -> str:
        return "" if text[match.end()].islower() else "-"

    return _BROKEN_WORD.sub(join, text)


def _normalised_page(text: str) -> str:
    """pypdf's page text with "\n" line ends, bullets as "•" and no control characters.

    A soft hyphen at a line end marks a word the layout broke: the halves are joined.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BULLETS)
    return _OTHER_CONTROLS.sub("", text.replace("\xad\n", ""))


def _pdf_date(value: object) -> str | None:
    """YYYY-MM-DD (or YYYY-MM, YYYY) from a PDF date string "D:20130209083000+01'00'"."""
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", str(value or "").strip())
    if match is None:
        return None
    year, month, day = match.groups()
    if int(year) == 0:
        return None
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


# What PDF producers write when nobody gave a title or author (reportlab: "untitled",
# "anonymous"); these say nothing about the document.
_PLACEHOLDERS = frozenset({"untitled", "anonymous", "unknown", "unspecified", "none", "n/a"})


def _info_text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return None if not text or text.casefold() in _PLACEHOLDERS else text


def _document_info(reader: PdfReader) -> tuple[str | None, str | None, str | None]:
    """Title, author and creation date from the PDF's document information dictionary."""
    try:
        info = reader.metadata
        if info is None:
            return None, None, None
        return (
            _info_text(info.title),
            _info_text(info.author),
            _pdf_date(info.creation_date_raw),
        )
    except Exception:  # a damaged information dictionary only costs the metadata
        return None, None, None


def _open(path: str, data: bytes) -> tuple[PdfReader, tuple[str, ...]]:
    if b"%PDF-" not in data[:1024]:
        raise BrokenDocument(path, "not a PDF file: it does not start with a PDF header")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # pypdf raises many exception types on damaged files
        raise BrokenDocument(path, _plain_reason(exc)) from exc
    if not reader.is_encrypted:
        return reader, ()
    locked = EncryptedFile(
        path, "the PDF is protected by a password; remove it (e.g. qpdf --decrypt) first"
    )
    try:
        if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise locked
    except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
        raise locked from exc
    return reader, ("the PDF is encrypted with an empty password; it was decrypted to read",)


def read_pdf(path: str, data: bytes) -> ExtractedText:
    """Read a .pdf file: the cleaned text of its pages and its title, author and date.

    Raises EncryptedFile when a password is needed, BrokenDocument when pypdf cannot
    parse the file and NoTextLayer when no page has text (a scan). A page that fails
    alone is skipped with a note.
    """
    with _quiet_pypdf():
        reader, notes = _open(path, data)
        try:
            page_count = len(reader.pages)
        except Exception as exc:  # a damaged page tree
            raise BrokenDocument(path, _plain_reason(exc)) from exc
        raw_pages, unreadable = [], 0
        for number in range(page_count):
            try:
                raw_pages.append(_normalised_page(reader.pages[number].extract_text()))
            except Exception as exc:  # one bad content stream need not lose the rest
                notes += (f"page {number + 1} could not be read: {_plain_reason(exc)}",)
                raw_pages.append("")
                unreadable += 1
        title, author, published = _document_info(reader)
    if page_count and unreadable == page_count:
        raise BrokenDocument(path, "none of the PDF's pages could be read")
    pages = clean_pages(raw_pages)
    segments: list[TextSegment] = []
    parts: list[str] = []
    offset = 0
    for number, page in enumerate(pages, start=1):
        if not page:
            continue
        if parts:
            offset += len(PAGE_SEPARATOR)
        segments.append(TextSegment(offset, offset + len(page), page=number))
        parts.append(page)
        offset += len(page)
    if not parts:
        raise NoTextLayer(path, NO_TEXT_LAYER)
    return ExtractedText(
        text=PAGE_SEPARATOR.join(parts),
        offset_map=OffsetMap("segments", segments=tuple(segments)),
        format="pdf",
        title=title,
        author=author,
        published=published,
        pages=page_count,
        notes=notes,
    )
