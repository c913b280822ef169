"""Full-text search over the documents (SQLite FTS5), with snippets whose matched words
are marked only after the text around them is escaped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from .snapshot import Reader

_OPEN, _CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class Hit:
    document_id: str
    name: str
    title: str | None
    source: str | None
    snippet: str  # plain text, matched words between U+0002 and U+0003

    def parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, matched) pieces."""
        pieces: list[tuple[str, bool]] = []
        rest = self.snippet
        while rest:
            start = rest.find(_OPEN)
            if start < 0:
                pieces.append((rest, False))
                break
            end = rest.find(_CLOSE, start)
            end = len(rest) if end < 0 else end
            if start:
                pieces.append((rest[:start], False))
            pieces.append((rest[start + 1 : end], True))
            rest = rest[end + 1 :]
        return [p for p in pieces if p[0]]

    def html(self) -> Markup:
        """The snippet as HTML: the text escaped, the matched words in <mark>."""
        return Markup("").join(
            Markup("<mark>{}</mark>").format(text) if hit else escape(text)
            for text, hit in self.parts()
        )

    def json(self) -> dict[str, Any]:
        plain = "".join(text for text, _ in self.parts())
        highlights, offset = [], 0
        for text, hit in self.parts():
            if hit:
                highlights.append([offset, offset + len(text)])
            offset += len(text)
        return {
            "document": self.document_id,
            "name": self.name,
            "title": self.title,
            "source": self.source,
            "snippet": plain,
            "highlights": highlights,
        }


def search(reader: Reader, query: str, *, after: int = 0, limit: int = 20) -> list[Hit]:
    """Documents matching every word of `query` (a trailing * matches a prefix)."""
    documents, sources = reader.documents, reader.sources
    found = []
    for hit in reader.collection.search(query, limit=limit, offset=after):
        document = documents.get(hit.document_id)
        if document is None:
            continue
        source = sources.get(document.source_id or "")
        found.append(
            Hit(
                hit.document_id,
                document.name,
                document.title,
                source.name if source else None,
                hit.snippet,
            )
        )
    return found
