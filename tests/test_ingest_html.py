"""Web pages: the article is kept word for word, the page around it is dropped."""

from __future__ import annotations

import codecs
import html
import json
import re
import socket
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tellings.errors import BinaryFile, BrokenDocument, EmptyDocument
from tellings.ingest import locate, read_document, reader_for
from tellings.model import ExtractedText, OffsetMap

HEADLINE = "Shelling hits camp at dawn"
PARAGRAPHS = [
    "Before dawn on Tuesday, shells struck the eastern edge of the camp, and residents said "
    "at least nine people were killed, among them two children.",
    "A spokesman for the camp committee put the number of wounded at “more than 30”, while "
    "the provincial health office said 24 were treated.",
    "The UN mission said it could not yet confirm the toll & urged both sides to allow an "
    "independent inquiry into the attack.",
    "Aid workers said about 3,000 people remained on the site, down from roughly 3,400 a "
    "year earlier, and that the site’s water supplies were running low.",
    "Neither the army nor the armed group that holds the nearby hills answered requests for "
    "comment by Wednesday evening.",
]
BOILERPLATE = [
    "We use cookies",
    "Accept all",
    "Subscribe to our newsletter",
    "Most read",
    "Football scores",
    "My cousin lives near there",
    "All rights reserved",
    "trackPageView",
    "Privacy policy",
]


def article_page(charset: str = "utf-8") -> str:
    """A news page: the article among the usual furniture of a news site."""
    body = [
        # an inline link inside the first paragraph, entities in the second and third
        "<p>" + PARAGRAPHS[0].replace("the camp", 'the <a href="/camp">camp</a>', 1) + "</p>",
        "<p>" + PARAGRAPHS[1].replace("“", "&ldquo;").replace("”", "&rdquo;") + "</p>",
        "<p>" + html.escape(PARAGRAPHS[2], quote=False) + "</p>",
        "<p>" + PARAGRAPHS[3] + "</p>",
        "<p>\n      " + PARAGRAPHS[4].replace("hills ", "hills\n      ") + "\n    </p>",
    ]
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="{charset}">
  <title>{HEADLINE} | Example Wire</title>
  <meta name="author" content="Rana Haddad">
  <meta property="og:title" content="{HEADLINE}">
  <meta property="article:published_time" content="2011-04-08T06:00:00Z">
  <script>window.analytics = {{trackPageView: true}};</script>
  <style>body {{ font-family: serif; }}</style>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">We use cookies to measure traffic.
    <button>Accept all</button></div>
  <header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a>
    </li><li><a href="/sport">Sport</a></li></ul></nav></header>
  <main>
    <article>
      <h1>{HEADLINE}</h1>
      <p class="byline">By Rana Haddad</p>
      {"".join(body)}
    </article>
  </main>
  <aside class="sidebar"><h2>Most read</h2><ul><li><a href="/1">Football scores</a></li>
    <li><a href="/2">Weather this week</a></li></ul>
    <div class="newsletter">Subscribe to our newsletter</div></aside>
  <section id="comments" class="comments"><h2>Comments</h2>
    <div class="comment"><p>My cousin lives near there, we are so worried.</p></div></section>
  <footer class="site-footer"><p>© 2011 Example Wire. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a></footer>
  <script>document.querySelectorAll("a").forEach(function (a) {{ a.rel = "noopener"; }});</script>
</body>
</html>
"""


ENCODINGS = {
    "utf-8": lambda page: page.encode("utf-8"),
    "utf-8-bom": lambda page: codecs.BOM_UTF8 + page.encode("utf-8"),
    "windows-1252": lambda page: page.replace('charset="utf-8"', 'charset="windows-1252"').encode(
        "cp1252"
    ),
    "latin-1-label": lambda page: page.replace('charset="utf-8"', 'charset="iso-8859-1"').encode(
        "cp1252"
    ),
    "utf-16": lambda page: page.encode("utf-16"),
}


def read_page(tmp_path: Path, data: bytes, name: str = "page.html") -> ExtractedText:
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(str(path), path.read_bytes())


def lines_of(extracted: ExtractedText) -> list[str]:
    return extracted.text.split("\n")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_article_is_kept_verbatim_and_boilerplate_dropped(tmp_path: Path, encoding: str) -> None:
    extracted = read_page(tmp_path, ENCODINGS[encoding](article_page()))
    assert extracted.format == "html"
    lines = lines_of(extracted)
    for paragraph in PARAGRAPHS:
        assert paragraph in lines
    for furniture in BOILERPLATE:
        assert furniture not in extracted.text
    assert "By Rana Haddad" not in extracted.text


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_page_metadata_is_read(tmp_path: Path, encoding: str) -> None:
    extracted = read_page(tmp_path, ENCODINGS[encoding](article_page()))
    assert extracted.title == HEADLINE
    assert extracted.author == "Rana Haddad"
    assert extracted.published == "2011-04-08"
    assert extracted.language == "en"


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_line_is_traced_to_the_bytes_it_came_from(tmp_path: Path, encoding: str) -> None:
    data = ENCODINGS[encoding](article_page())
    extracted = read_page(tmp_path, data)
    offset_map = extracted.offset_map
    assert offset_map.kind == "segments"
    codec = offset_map.encoding
    assert codec is not None
    lines = [line for line in lines_of(extracted) if line]
    assert len(offset_map.segments) == len(lines)
    exact = {}
    for segment in offset_map.segments:
        line = extracted.text[segment.text_start : segment.text_end]
        assert segment.byte_start is not None and segment.byte_end is not None, line
        raw = data[segment.byte_start : segment.byte_end].decode(codec)
        visible = " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())
        assert visible == " ".join(line.split())
        assert segment.exact == (raw == line)
        exact[line] = segment.exact
    # plain paragraphs are exact; entities, inline tags and re-flowed spaces are not
    assert exact[HEADLINE] and exact[PARAGRAPHS[3]]
    assert not any(exact[p] for p in (PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[4]))


def test_a_quote_is_located_exactly_or_by_its_paragraph(tmp_path: Path) -> None:
    data = article_page().encode("utf-8")
    extracted = read_page(tmp_path, data)
    text = extracted.text
    quote = "about 3,000 people"
    start = text.index(quote)
    where = locate(text, extracted.offset_map, start, start + len(quote))
    assert where["exact"] and where["page"] is None
    assert data[where["byte_start"] : where["byte_end"]].decode() == quote
    quote = "“more than 30”"
    start = text.index(quote)
    where = locate(text, extracted.offset_map, start, start + len(quote))
    assert not where["exact"]
    region = data[where["byte_start"] : where["byte_end"]].decode()
    assert region.startswith("A spokesman") and "&ldquo;more than 30&rdquo;" in region
    # a quote over two paragraphs spans both paragraphs' bytes
    start = text.index("running low.")
    end = text.index("Neither the army") + len("Neither the army")
    where = locate(text, extracted.offset_map, start, end)
    region = data[where["byte_start"] : where["byte_end"]].decode()
    assert not where["exact"]
    assert region.startswith("Aid workers") and region.rstrip().endswith("evening.")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_quotes_still_map_exactly_after_the_offset_map_is_stored(
    tmp_path: Path, encoding: str
) -> None:
    data = ENCODINGS[encoding](article_page())
    extracted = read_page(tmp_path, data)
    stored = OffsetMap.from_json(json.loads(json.dumps(extracted.offset_map.to_json())))
    assert stored.encoding is None  # the stored form keeps no encoding
    text = extracted.text
    for quote in ["about 3,000 people", "the site’s water supplies", HEADLINE]:
        start = text.index(quote)
        where = locate(text, stored, start, start + len(quote))
        assert where["exact"]
        raw = data[where["byte_start"] : where["byte_end"]]
        assert raw.decode(extracted.offset_map.encoding or "") == quote


@given(data=st.data())
def test_random_quotes_in_exact_lines_map_back_exactly(data: st.DataObject) -> None:
    original = codecs.BOM_UTF8 + article_page().encode("utf-8")
    extracted = read_document("page.html", original)
    segment = data.draw(st.sampled_from([s for s in extracted.offset_map.segments if s.exact]))
    start = data.draw(st.integers(segment.text_start, segment.text_end))
    end = data.draw(st.integers(start, segment.text_end))
    where = locate(extracted.text, extracted.offset_map, start, end)
    assert where["exact"]
    piece = original[where["byte_start"] : where["byte_end"]]
    assert piece.decode() == extracted.text[start:end]


def test_lists_tables_and_line_breaks_are_located(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h1>Casualty table</h1>"
        "<p>" + PARAGRAPHS[0] + "</p>"
        "<ul><li>Killed: 9</li><li>Wounded: <b>24</b> people</li></ul>"
        "<table><tr><th>Group</th><th>Count</th></tr><tr><td>Adults</td><td>7</td></tr></table>"
        "<p>First line of the address<br>Second line of the address</p>"
        "</article></body></html>"
    )
    data = page.encode()
    extracted = read_page(tmp_path, data)
    located = {
        extracted.text[s.text_start : s.text_end]: data[s.byte_start : s.byte_end].decode()
        for s in extracted.offset_map.segments
        if s.byte_start is not None and s.byte_end is not None
    }
    assert located["- Killed: 9"] == "Killed: 9"
    assert located["- Wounded: 24 people"] == "Wounded: <b>24</b> people"
    assert located["First line of the address"] == "First line of the address"
    assert located["Second line of the address"] == "Second line of the address"
    adults = next(line for line in located if "Adults" in line)
    assert located[adults] == "Adults</td><td>7"


def test_a_bare_fragment_is_read(tmp_path: Path) -> None:
    extracted = read_page(tmp_path, f"<p>{PARAGRAPHS[3]}</p>".encode())
    assert extracted.text == PARAGRAPHS[3]
    assert extracted.offset_map.segments[0].exact


def test_a_wrongly_declared_charset_is_noted_and_read(tmp_path: Path) -> None:
    data = article_page(charset="utf-8").encode("cp1252")
    extracted = read_page(tmp_path, data)
    assert PARAGRAPHS[1] in lines_of(extracted)
    assert extracted.offset_map.encoding == "cp1252"
    assert extracted.notes == ("the page is not valid utf-8; read as cp1252",)


def test_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr-FR"><head><title>T</title>'
        f"</head><body><article><p>{PARAGRAPHS[3]}</p></article></body></html>"
    )
    extracted = read_page(tmp_path, page.encode(), name="page.htm")
    assert extracted.text == PARAGRAPHS[3]
    assert extracted.language == "fr"


def test_dates_in_the_running_text_are_not_taken_for_the_publication_date(
    tmp_path: Path,
) -> None:
    page = f"<html><body><article><p>On 3 March 2009 the camp was raided. {PARAGRAPHS[3]}</p>"
    extracted = read_page(tmp_path, (page + "</article></body></html>").encode())
    assert extracted.published is None
    assert extracted.language is None


BROKEN_PAGES = {
    "only-a-script": (
        b"<html><head><script>var x = 1;</script></head><body><script>go()</script></body></html>",
        EmptyDocument,
        "no main text found in the HTML page",
    ),
    "empty-body": (
        b"<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>",
        EmptyDocument,
        "no main text found in the HTML page",
    ),
    "whitespace": (b"  \n\n\t  ", EmptyDocument, "the HTML page is empty"),
    "no-markup": (
        b"just some words in a file that claims to be a web page",
        BrokenDocument,
        "no HTML markup found",
    ),
    "binary-garbage": (
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256)),
        BinaryFile,
        "binary file",
    ),
}


@pytest.mark.parametrize("case", BROKEN_PAGES)
def test_broken_pages_are_refused_with_a_reason(tmp_path: Path, case: str) -> None:
    data, error, reason = BROKEN_PAGES[case]
    with pytest.raises(error) as caught:
        read_page(tmp_path, data, name=f"{case}.html")
    assert caught.value.path.endswith(f"{case}.html")
    assert reason in caught.value.reason


def test_a_truncated_page_keeps_the_text_it_has(tmp_path: Path) -> None:
    page = article_page().encode()
    cut = page[: page.index(b"Aid workers said") + 40]
    extracted = read_page(tmp_path, cut)
    assert PARAGRAPHS[0] in lines_of(extracted)
    assert extracted.text.endswith(cut.decode().rsplit("<p>", 1)[1])


def test_reading_a_page_makes_no_network_calls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while reading a page")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = article_page().replace(
        "</head>", '<link rel="canonical" href="https://example.org/2011/04/08/camp"></head>'
    )
    assert read_page(tmp_path, page.encode()).title == HEADLINE
    with pytest.raises(BrokenDocument):
        read_page(tmp_path, b"https://example.org/camp-report", name="url.html")


def test_html_reader_is_registered() -> None:
    assert reader_for("x.htm") == reader_for("x.html") == "ingest.html.v1"
