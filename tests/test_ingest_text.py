"""Plain-text files go in unchanged, and every character maps back to its bytes."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tellings.errors import (
    BinaryFile,
    EmptyDocument,
    FileTooLarge,
    IngestError,
    InvalidValue,
    UnsupportedFormat,
)
from tellings.ingest import (
    READERS,
    SUPPORTED_EXTENSIONS,
    locate,
    read_document,
    reader_for,
    text_offset_to_byte,
)
from tellings.model import ExtractedText

ACCOUNT = (
    "Displacement update\r\n"
    "\r\n"
    "The mayor’s office said “about 1,200” families had left Qaraqosh;\n"
    "Café Naïm’s owner, Zoë, counted 37 — not 73 — déplacés near the bridge.\n"
    "\tA second count, two days later, gave 41.\n"
)


def read(tmp_path: Path, name: str, data: bytes, **options: int) -> tuple[str, ExtractedText]:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path), read_document(str(path), path.read_bytes(), **options)


# --- choosing a reader ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        ("a.txt", "ingest.text.v1"),
        ("notes/b.md", "ingest.text.v1"),
        ("C.TXT", "ingest.text.v1"),
        ("page.html", "ingest.html.v1"),
        ("page.HTM", "ingest.html.v1"),
        ("report.pdf", "ingest.pdf.v1"),
    ],
)
def test_reader_is_chosen_by_extension(name: str, reader: str) -> None:
    assert reader_for(name) == reader
    assert reader in READERS


def test_supported_extensions_are_listed() -> None:
    assert SUPPORTED_EXTENSIONS == (".htm", ".html", ".md", ".pdf", ".txt")


@pytest.mark.parametrize("name", ["report.docx", "scan.png", "README"])
def test_unsupported_format_names_the_file_and_the_supported_ones(
    tmp_path: Path, name: str
) -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        read(tmp_path, name, b"something")
    assert caught.value.path.endswith(name)
    assert str(caught.value).startswith(caught.value.path + ": ")
    assert "not supported" in caught.value.reason
    for extension in SUPPORTED_EXTENSIONS:
        assert extension in caught.value.reason


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.pdf", "empty.md"])
def test_a_zero_byte_file_is_empty(tmp_path: Path, name: str) -> None:
    with pytest.raises(EmptyDocument) as caught:
        read(tmp_path, name, b"")
    assert caught.value.path.endswith(name)
    assert "empty" in caught.value.reason


@pytest.mark.parametrize("name", ["big.txt", "big.html", "big.pdf"])
def test_a_file_over_the_limit_is_refused_with_how_to_raise_it(tmp_path: Path, name: str) -> None:
    with pytest.raises(FileTooLarge) as caught:
        read(tmp_path, name, b"x" * 3_000_000, max_bytes=2 * 1024 * 1024)
    reason = caught.value.reason
    assert caught.value.path.endswith(name)
    assert "2.9 MB" in reason and "2.0 MB" in reason
    assert "--max-size" in reason


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    data = b"Exactly at the limit.\n"
    _, extracted = read(tmp_path, "a.txt", data, max_bytes=len(data))
    assert extracted.text == data.decode()


def test_a_limit_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue):
        read(tmp_path, "a.txt", b"text", max_bytes=0)


# --- decoding ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encode", "encoding", "skip", "note"),
    [
        (lambda s: s.encode("utf-8"), "utf-8", 0, None),
        (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8", 3, None),
        (lambda s: s.encode("utf-16"), "utf-16-le", 2, None),  # Python writes a LE BOM
        (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16-be", 2, None),
        (lambda s: s.encode("cp1252"), "cp1252", 0, "Windows-1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_text_is_decoded_exactly_and_maps_back_to_bytes(
    tmp_path: Path, encode: Callable[[str], bytes], encoding: str, skip: int, note: str | None
) -> None:
    data = encode(ACCOUNT)
    _, extracted = read(tmp_path, "account.txt", data)
    text = extracted.text
    assert text == ACCOUNT  # no newline or whitespace clean-up
    assert extracted.format == "text"
    offset_map = extracted.offset_map
    assert (offset_map.kind, offset_map.encoding, offset_map.skip) == ("decoded", encoding, skip)
    if note is None:
        assert extracted.notes == ()
    else:
        assert any(note in n for n in extracted.notes)
    for quote in ["“about 1,200”", "Zoë, counted 37", "déplacés", "41.\n"]:
        start = text.index(quote)
        where = locate(text, offset_map, start, start + len(quote))
        assert where["exact"] and where["page"] is None
        assert data[where["byte_start"] : where["byte_end"]].decode(encoding) == quote
    assert text_offset_to_byte(text, offset_map, 0) == skip
    assert text_offset_to_byte(text, offset_map, len(text)) == len(data)


def test_undecodable_in_windows_1252_falls_back_to_latin_1(tmp_path: Path) -> None:
    data = b"Count: 12 \x81 households\n"  # 0x81 is undefined in Windows-1252
    _, extracted = read(tmp_path, "odd.txt", data)
    assert extracted.text == data.decode("latin-1")
    assert extracted.offset_map.encoding == "latin-1"
    assert any("Latin-1" in note for note in extracted.notes)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        b"text with a NUL\x00 in it",
        bytes(range(1, 32)) * 40,  # control bytes, no NUL
        codecs.BOM_UTF16_LE + "abc\x00\x01\x02".encode("utf-16-le") * 20,
    ],
    ids=["png", "nul", "controls", "utf-16-controls"],
)
def test_binary_data_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(BinaryFile) as caught:
        read(tmp_path, "data.txt", data)
    assert caught.value.path.endswith("data.txt")
    assert caught.value.reason == "looks like a binary file, not text"


@pytest.mark.parametrize(
    "data", [b"   \n\t\r\n  ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n\n", "  \n".encode("utf-16")]
)
def test_whitespace_only_is_empty(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(EmptyDocument) as caught:
        read(tmp_path, "blank.txt", data)
    assert caught.value.path.endswith("blank.txt")
    assert "text" in caught.value.reason or "whitespace" in caught.value.reason


def test_errors_are_ingest_errors_with_the_file_first(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as caught:
        read(tmp_path, "blank.md", b"\n\n")
    assert str(caught.value) == f"{caught.value.path}: {caught.value.reason}"


# --- titles --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("a.txt", "\n\n  Field notes, week 3  \nbody", "Field notes, week 3"),
        ("a.md", "## Shelter survey\n\nbody", "Shelter survey"),
        ("a.txt", "## Not markdown\nbody", "## Not markdown"),
        ("a.md", "#\n# Real heading\n", "Real heading"),
        ("a.txt", "x" * 201 + "\nbody", None),
        ("a.txt", "x" * 200 + "\nbody", "x" * 200),
    ],
)
def test_title_is_a_short_first_line(
    tmp_path: Path, name: str, content: str, title: str | None
) -> None:
    _, extracted = read(tmp_path, name, content.encode())
    assert extracted.title == title


# --- offsets -------------------------------------------------------------------------

UTF8_TEXT = (
    "Le maire a déclaré « 1 200 familles » ; l’ONG a parlé de “près de 1 500”.\n"
    "Zoë’s café in Kraków — naïve façades, São Paulo’s élan — 3½ km away.\n"
)


@given(data=st.data())
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_random_quotes_map_back_to_their_exact_bytes(bom: bytes, data: st.DataObject) -> None:
    original = bom + UTF8_TEXT.encode("utf-8")
    extracted = read_document("quotes.txt", original)
    text = extracted.text
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    where = locate(text, extracted.offset_map, start, end)
    assert where["exact"]
    assert original[where["byte_start"] : where["byte_end"]].decode() == text[start:end]


@given(text=st.text(min_size=1).filter(lambda t: t.strip()), data=st.data())
def test_any_utf16_text_maps_back(text: str, data: st.DataObject) -> None:
    original = codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass")
    try:
        extracted = read_document("any.txt", original)
    except (BinaryFile, EmptyDocument):
        return  # control characters or odd whitespace: refused, which is fine
    start = data.draw(st.integers(0, len(extracted.text)))
    end = data.draw(st.integers(start, len(extracted.text)))
    where = locate(extracted.text, extracted.offset_map, start, end)
    piece = original[where["byte_start"] : where["byte_end"]]
    assert piece.decode("utf-16-le", "surrogatepass") == extracted.text[start:end]


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (0, 10_000), (5, 2)])
def test_offsets_outside_the_text_are_refused(start: int, end: int) -> None:
    extracted = read_document("a.txt", UTF8_TEXT.encode())
    with pytest.raises(InvalidValue):
        locate(extracted.text, extracted.offset_map, start, end)
