"""The HTML reader (`ingest.html.v1`): a web page's main text, without its boilerplate.

trafilatura finds the article and drops navigation, cookie banners, sidebars, comments
and footers; it also reads the title, author and date from the page's metadata. The
extracted text is not a substring of the page, so each of its lines is looked up in the
page to record the byte range it came from (an OffsetMap of kind `segments`).
"""

from __future__ import annotations

import codecs
import html
import logging
import re
import warnings
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import trafilatura

from tellings.errors import BinaryFile, BrokenDocument, EmptyDocument
from tellings.ingest.text import looks_binary
from tellings.model import ExtractedText, OffsetMap, TextSegment

__all__ = ["decode_html", "locate_lines", "read_html"]

# Below this many characters the main text is probably a fragment, and trafilatura is
# asked again to favour recall over precision.
SHORT_TEXT_CHARS = 200
# WHATWG HTML §13.2.3.2 prescans 1024 bytes for a charset; a little more costs nothing.
CHARSET_PRESCAN_BYTES = 4096
# A line not found whole is located by its first and last characters.
ANCHOR_CHARS = 40
# How many places a line's first piece is tried at before the line is given up on.
MAX_TRIES = 20

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


@contextmanager
def _quiet_extractors() -> Iterator[None]:
    """Keep trafilatura's and its helpers' log lines and warnings out of the user's way.

    On a broken page they log warnings ("discarding data") that would reach the
    terminal; the reader reports the problem itself as an IngestError.
    """
    loggers = [logging.getLogger(name) for name in _QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _codec(label: str) -> str | None:
    """The Python codec for a declared charset label, as browsers read it (WHATWG)."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in {"iso8859-1", "ascii"}:
        return "cp1252"  # WHATWG Encoding: these labels mean windows-1252
    if name.startswith("utf-16") or name == "utf-8-sig":
        return "utf-8"  # a declared UTF-16 without a byte order mark is read as UTF-8
    return name


def decode_html(path: str, data: bytes) -> tuple[str, str, int, tuple[str, ...]]:
    """Decode an HTML page and return (source, encoding, skip, notes).

    The byte order mark wins, then the charset the page declares, then UTF-8, then
    Windows-1252 and finally Latin-1, which reads any bytes. `encoding` turns the
    source back into `data[skip:]` exactly, so byte offsets can be computed.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, len(bom), ()
            except UnicodeDecodeError:
                break
    if looks_binary(data):
        raise BinaryFile(path, "looks like a binary file, not an HTML page")
    notes: list[str] = []
    candidates = ["utf-8", "cp1252", "latin-1"]
    expected = "UTF-8"
    match = _DECLARED_CHARSET.search(data[:CHARSET_PRESCAN_BYTES])
    if match is not None:
        label = (match.group(1) or match.group(2)).decode("ascii")
        declared = _codec(label)
        if declared is None:
            notes.append(f"the page declares an unknown charset {label!r}")
        else:
            candidates.insert(0, declared)
            expected = label
    for number, encoding in enumerate(candidates):
        try:
            source = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if number > 0:
            notes.append(f"the page is not valid {expected}; read as {encoding}")
        return source, encoding, 0, tuple(notes)
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


# Markup that holds no visible text: comments, raw-text elements, declarations, tags.
_MARKUP = re.compile(
    r"""<!--.*?(?:-->|\Z)
      | <(?P<raw>script|style|title|textarea)\b[^>]*>.*?(?:</(?P=raw)\s*>|\Z)
      | <!\[CDATA\[.*?(?:\]\]>|\Z)
      | <[!?][^>]*>?
      | </?(?P<tag>[A-Za-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>
    """,
    re.DOTALL | re.IGNORECASE | re.VERBOSE,
)
_TEXT_TOKEN = re.compile(r"\s+|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?|[^\s&]+|&")
# Tags that end a run of text: their neighbours are separate words.
_BLOCK_TAGS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "body", "br", "dd", "details"),
        *("div", "dl", "dt", "figcaption", "figure", "footer", "form", "header", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "html", "li", "main", "nav", "ol", "p"),
        *("pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead"),
        *("tr", "ul"),
    )
)


class _VisibleText:
    """The page's text as a reader sees it, each character tied to its source span.

    Entities are decoded and runs of whitespace become one space, as in trafilatura's
    output, so that extracted lines can be found here and traced back to the source.
    """

    def __init__(self, source: str) -> None:
        self._chars: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self._space = True
        position = 0
        for markup in _MARKUP.finditer(source):
            self._add_text(source, position, markup.start())
            tag = markup.group("tag")
            if tag is not None and tag.lower() in _BLOCK_TAGS:
                self._add_space(markup.start(), markup.end())
            position = markup.end()
        self._add_text(source, position, len(source))
        self.text = "".join(self._chars)

    def _add_space(self, start: int, end: int) -> None:
        if not self._space:
            self._chars.append(" ")
            self.starts.append(start)
            self.ends.append(end)
            self._space = True

    def _add_text(self, source: str, start: int, end: int) -> None:
        for token in _TEXT_TOKEN.finditer(source, start, end):
            chunk, first = token.group(), token.start()
            if chunk.isspace():
                self._add_space(first, token.end())
            elif chunk.startswith("&") and html.unescape(chunk) != chunk:
                for char in html.unescape(chunk):
                    self._add_char(char, first, token.end())
            elif chunk.isprintable():
                self._chars.append(chunk)
                self.starts.extend(range(first, token.end()))
                self.ends.extend(range(first + 1, token.end() + 1))
                self._space = False
            else:
                for offset, char in enumerate(chunk, first):
                    self._add_char(char, offset, offset + 1)

    def _add_char(self, char: str, start: int, end: int) -> None:
        if char.isspace():
            self._add_space(start, end)
        elif char.isprintable():  # trafilatura drops control characters too
            self._chars.append(char)
            self.starts.append(start)
            self.ends.append(end)
            self._space = False


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _search_pieces(line: str) -> list[list[str]]:
    """What to look for in the page for one extracted line, best guess first."""
    norm = _normalised(line)
    tries = [[norm]]
    if norm.startswith("|"):  # a table row, rendered "| cell | cell |"
        tries.insert(0, [cell for cell in (_normalised(c) for c in norm.split("|")) if cell])
    elif norm.startswith("- "):  # a list item, rendered "- item"
        tries.append([norm[2:]])
    if len(norm) > 2 * ANCHOR_CHARS:
        tries.append([norm[:ANCHOR_CHARS].rstrip(), norm[-ANCHOR_CHARS:].lstrip()])
    return [pieces for pieces in tries if pieces and all(pieces)]


def _find(visible: str, pieces: list[str], cursor: int, limit: int) -> tuple[int, int] | None:
    """The first place from `cursor` where the pieces follow each other within `limit`."""
    start = visible.find(pieces[0], cursor)
    for _ in range(MAX_TRIES):
        if start < 0:
            return None
        end = start + len(pieces[0])
        for piece in pieces[1:]:
            found = visible.find(piece, end)
            if found < 0:
                return None
            end = found + len(piece)
        if end - start <= limit:
            return start, end
        start = visible.find(pieces[0], start + 1)
    return None


class _ByteOffsets:
    """Byte offsets of source characters, counted forward from the last one asked for."""

    def __init__(self, source: str, encoding: str, skip: int) -> None:
        self._source, self._encoding = source, encoding
        self._char, self._byte, self._skip = 0, skip, skip

    def at(self, char: int) -> int:
        if char < self._char:
            self._char, self._byte = 0, self._skip
        self._byte += len(self._source[self._char : char].encode(self._encoding))
        self._char = char
        return self._byte


def locate_lines(
    text: str, source: str, data: bytes, encoding: str, skip: int
) -> tuple[TextSegment, ...]:
    """Return one segment per non-empty line of `text`, with its byte range in `data`.

    A line found in the page's visible text gets the byte range of the source it came
    from; `exact` is True only when those bytes decode to exactly the line (no entity,
    tag or extra space inside). A line that cannot be found gets no bytes.
    """
    visible = _VisibleText(source)
    byte_at = _ByteOffsets(source, encoding, skip)
    segments: list[TextSegment] = []
    cursor, line_start = 0, 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if line.strip():
            limit = 2 * len(line) + 100
            found = None
            for pieces in _search_pieces(line):
                found = _find(visible.text, pieces, cursor, limit)
                found = found or _find(visible.text, pieces, 0, limit)
                if found is not None:
                    break
            if found is None:
                segments.append(TextSegment(line_start, line_end))
            else:
                cursor = found[1]
                byte_start = byte_at.at(visible.starts[found[0]])
                byte_end = byte_at.at(visible.ends[found[1] - 1])
                try:
                    exact = data[byte_start:byte_end].decode(encoding) == line
                except UnicodeDecodeError:
                    exact = False
                segments.append(
                    TextSegment(line_start, line_end, byte_start, byte_end, None, exact)
                )
        line_start = line_end + 1
    return tuple(segments)


def _extract(source: str, *, favor_recall: bool) -> str | None:
    text: str | None = trafilatura.extract(
        source,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        favor_recall=favor_recall,
    )
    return text


def _main_text(source: str) -> tuple[str | None, bool]:
    """trafilatura's main text, and whether the recall-favouring retry produced it."""
    text = _extract(source, favor_recall=False)
    if text is not None and len(text) >= SHORT_TEXT_CHARS:
        return text, False
    recall = _extract(source, favor_recall=True)
    if recall is not None and len(recall) > len(text or ""):
        return recall, True
    return text, False


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ANY_TAG = re.compile(r"<[A-Za-z][^>]*>")


def _parsed_source(path: str, source: str) -> tuple[str, Any]:
    """The source trafilatura is given, and its parse tree for the metadata.

    trafilatura rejects a lone fragment ("<p>…</p>" and nothing else) as not quite
    HTML, so a fragment is wrapped in <html><body> first; the offsets are still taken
    from the unwrapped source.
    """
    tree = trafilatura.load_html(source)
    if tree is None and _ANY_TAG.search(source):
        source = f"<html><body>{source}</body></html>"
        tree = trafilatura.load_html(source)
    if tree is None:
        raise BrokenDocument(path, "does not look like an HTML page: no HTML markup found")
    return source, tree


def _metadata(tree: Any) -> tuple[str | None, str | None, str | None, str | None]:
    """Title, author, publication date (YYYY-MM-DD) and language the page states."""
    language = (
        tree.get("lang")
        or tree.get("xml:lang")
        or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    )
    if language:
        language = language.strip().split("-")[0].split("_")[0].lower() or None
    # Only dates in the markup (meta tags, <time>, JSON-LD, the URL), never ones guessed
    # from the running text: "extensive_search" would pick any date in the article.
    meta = trafilatura.extract_metadata(
        tree, date_config={"original_date": True, "extensive_search": False}
    )
    date = meta.date if meta.date and _ISO_DAY.fullmatch(meta.date) else None
    return meta.title or None, meta.author or None, date, language


def read_html(path: str, data: bytes) -> ExtractedText:
    """Read an .html/.htm page: its main text, metadata and where each line came from.

    Raises BinaryFile for binary data, EmptyDocument when the page has no main text
    and BrokenDocument when the bytes cannot be parsed as HTML at all.
    """
    source, encoding, skip, notes = decode_html(path, data)
    if not source.strip():
        raise EmptyDocument(path, "the HTML page is empty")
    with _quiet_extractors():
        try:
            extractable, tree = _parsed_source(path, source)
            title, author, published, language = _metadata(tree)
            text, retried = _main_text(extractable)
        except BrokenDocument:
            raise
        except Exception as exc:  # trafilatura and lxml fail in many ways on bad pages
            raise BrokenDocument(path, f"the HTML page could not be parsed ({exc})") from exc
    if text is None or not text.strip():
        raise EmptyDocument(path, "no main text found in the HTML page")
    if retried:
        notes += ("the main text was short; extracted again favouring recall",)
    segments = locate_lines(text, source, data, encoding, skip)
    return ExtractedText(
        text=text,
        offset_map=OffsetMap("segments", encoding=encoding, segments=segments),
        format="html",
        title=title,
        author=author,
        published=published,
        language=language,
        notes=notes,
    )
