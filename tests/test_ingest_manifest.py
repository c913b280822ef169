"""Manifests name documents and their metadata; bad rows are reported, good ones load."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tellings.errors import InvalidValue
from tellings.ingest.dates import parse_published
from tellings.ingest.manifest import read_manifest
from tellings.model import SOURCE_TYPES, DocumentMeta

# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026", "2026"),
        ("2026-11", "2026-11"),
        ("2026-11-23", "2026-11-23"),
        ("23 November 2026", "2026-11-23"),
        ("3 Nov 2026", "2026-11-03"),
        ("November 23, 2026", "2026-11-23"),
        ("november 23 2026", "2026-11-23"),
        ("Sept. 1, 2014", "2014-09-01"),
        ("1st March 2012", "2012-03-01"),
        ("November 2026", "2026-11"),
        ("2026/11/23", "2026-11-23"),
        ("2026/1/5", "2026-01-05"),
        ("23.11.2026", "2026-11-23"),
        ("  2009-07-28 ", "2009-07-28"),
        ("2008-02-29", "2008-02-29"),
    ],
)
def test_published_dates_keep_their_precision(value: str, expected: str) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        ("2009-02-30", "February 2009 has 28 days"),
        ("2009-13", "no month 13"),
        ("31.04.2010", "April 2010 has 30 days"),
        ("0000", "no year 0000"),
        ("Smarch 3, 2010", "not an English month name"),
        ("last Tuesday", "YYYY-MM-DD"),
        ("28/07/2009", "23.11.2026"),
        ("2009-7-28", "November 23, 2026"),
        ("", "YYYY"),
        ("09", "YYYY"),
    ],
)
def test_bad_published_dates_are_refused_clearly(value: str, complaint: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_published(value)
    assert repr(value) in caught.value.message
    assert complaint in caught.value.message


# --- CSV manifests -------------------------------------------------------------------


def write(folder: Path, name: str, content: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(content.encode(encoding))
    return path


def test_csv_rows_become_entries(tmp_path: Path) -> None:
    manifest = write(
        tmp_path,
        "manifest.csv",
        "path,source,source_type,url,published,language,title\n"
        "docs/a.txt,Example Monitor,ngo,https://example.org/a,2013-02-09,EN,First report\n"
        f"{tmp_path / 'elsewhere' / 'b.pdf'},,,,,,\n",
    )
    entries, errors = read_manifest(manifest)
    assert errors == []
    first, second = entries
    assert first.path == tmp_path / "docs" / "a.txt"
    assert first.row == 2
    assert first.meta == DocumentMeta(
        source="Example Monitor",
        source_type="ngo",
        url="https://example.org/a",
        published="2013-02-09",
        language="en",
        title="First report",
    )
    assert second.path == tmp_path / "elsewhere" / "b.pdf"
    assert second.meta == DocumentMeta()
    assert second.row == 3


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("path,source,source_type,published", ","),
        ("PATH ; Source ; Source Type ; Published", ";"),
        ("Path\tsource-type\tSOURCE\tpublished", "\t"),
        (" path , source_type , source , published ", ","),
    ],
    ids=["comma", "semicolon", "tab", "padded"],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_headers_and_delimiters_are_forgiving(
    tmp_path: Path, header: str, delimiter: str, encoding: str
) -> None:
    columns = [
        part.strip().lower().replace(" ", "_").replace("-", "_") for part in header.split(delimiter)
    ]
    values = {"path": "a.txt", "source": "Example Wire", "source_type": "news", "published": "2011"}
    row = delimiter.join(values[column] for column in columns)
    manifest = write(tmp_path, "m.csv", f"{header}\n{row}\n", encoding)
    entries, errors = read_manifest(manifest)
    assert errors == []
    assert [
        (e.path.name, e.meta.source, e.meta.source_type, e.meta.published) for e in entries
    ] == [("a.txt", "Example Wire", "news", "2011")]


def test_a_utf8_bom_does_not_spoil_the_first_column(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_bytes(codecs.BOM_UTF8 + b"path,source\na.txt,Wire\n")
    entries, errors = read_manifest(manifest)
    assert errors == [] and entries[0].meta.source == "Wire"


def test_bad_rows_are_reported_and_the_others_load(tmp_path: Path) -> None:
    manifest = write(
        tmp_path,
        "m.csv",
        "path,source_type,published\n"
        "good.txt,news,2010\n"
        ",ngo,2010\n"
        "blog.txt,blog,2010\n"
        "date.txt,un,2009-02-30\n"
        "\n"
        "both.txt,pundit,someday\n"
        'quoted "name".txt,Armed Group,"23 November 2026"\n'
        "extra.txt,un,2010,surplus\n",
    )
    entries, errors = read_manifest(manifest)
    assert [(e.path.name, e.row, e.meta.source_type) for e in entries] == [
        ("good.txt", 2, "news"),
        ('quoted "name".txt', 8, "armed-group"),
    ]
    by_row = {error.row: error for error in errors}
    assert sorted(by_row) == [3, 4, 5, 7, 9]
    assert all(error.manifest == str(manifest) for error in errors)
    assert "path is missing" in by_row[3].reason
    assert "'blog'" in by_row[4].reason
    assert all(kind in by_row[4].reason for kind in SOURCE_TYPES)
    assert "2009-02-30" in by_row[5].reason and "28 days" in by_row[5].reason
    assert "'pundit'" in by_row[7].reason and "'someday'" in by_row[7].reason
    assert "outside the 3 named columns" in by_row[9].reason
    assert str(by_row[3]) == f"{manifest}, row 3: {by_row[3].reason}"


def test_unknown_columns_stop_the_manifest(tmp_path: Path) -> None:
    manifest = write(tmp_path, "m.csv", "path,sorce,author\na.txt,Wire,Someone\n")
    entries, errors = read_manifest(manifest)
    assert entries == []
    (error,) = errors
    assert error.row == 1
    assert "'sorce'" in error.reason and "'author'" in error.reason
    assert "path, source, source_type, url, published, language, title" in error.reason


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("source,url\nWire,https://example.org\n", "no 'path' column"),
        ("path,Path\na.txt,b.txt\n", "more than once"),
        ("", "no header row"),
    ],
)
def test_a_bad_header_is_one_error_for_the_whole_manifest(
    tmp_path: Path, content: str, complaint: str
) -> None:
    entries, errors = read_manifest(write(tmp_path, "m.csv", content))
    assert entries == []
    assert len(errors) == 1 and complaint in errors[0].reason


@pytest.mark.parametrize(
    ("name", "data", "complaint"),
    [
        ("m.xlsx", b"path\na.txt\n", "not a manifest format"),
        ("m.csv", "path\ncafé.txt\n".encode("cp1252"), "not UTF-8"),
        ("missing.csv", None, "cannot be read"),
    ],
)
def test_an_unreadable_manifest_is_one_error(
    tmp_path: Path, name: str, data: bytes | None, complaint: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    entries, errors = read_manifest(path)
    assert entries == []
    (error,) = errors
    assert error.manifest == str(path) and error.row == 0
    assert complaint in error.reason


def test_trailing_empty_columns_are_ignored(tmp_path: Path) -> None:
    manifest = write(tmp_path, "m.csv", "path,source,,\na.txt,Wire,,\n")
    entries, errors = read_manifest(manifest)
    assert errors == [] and entries[0].meta.source == "Wire"


# --- JSON Lines manifests ------------------------------------------------------------


def test_jsonl_rows_become_entries_and_bad_lines_are_reported(tmp_path: Path) -> None:
    manifest = write(
        tmp_path,
        "m.jsonl",
        '{"path": "a.txt", "source": "Example Monitor", "Source Type": "ngo", "published": 2013}\n'
        "\n"
        '{"path": "b.html", "url": null, "language": "", "title": "  Second  "}\n'
        '["not", "an", "object"]\n'
        "{broken json\n"
        '{"path": "c.txt", "colour": "red"}\n'
        '{"path": "d.txt", "published": "30.02.2011"}\n'
        '{"source": "nobody"}\n'
        '{"path": "e.txt", "title": ["a", "list"]}\n'
        '{"path": "f.txt", "source_type": "ngo", "source-type": "un"}\n',
    )
    entries, errors = read_manifest(manifest)
    assert [(e.path, e.row) for e in entries] == [(tmp_path / "a.txt", 1), (tmp_path / "b.html", 3)]
    assert entries[0].meta == DocumentMeta(
        source="Example Monitor", source_type="ngo", published="2013"
    )
    assert entries[1].meta == DocumentMeta(title="Second")
    reasons = {error.row: error.reason for error in errors}
    assert sorted(reasons) == [4, 5, 6, 7, 8, 9, 10]
    assert "not a JSON object" in reasons[4]
    assert "not valid JSON" in reasons[5]
    assert "'colour'" in reasons[6] and "source_type" in reasons[6]
    assert "February 2011 has 28 days" in reasons[7]
    assert "path is missing" in reasons[8]
    assert "must be text" in reasons[9]
    assert "more than once" in reasons[10]
