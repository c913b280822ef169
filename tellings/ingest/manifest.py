"""Manifests: a CSV or JSON Lines file naming documents and what is known about them.

One row per document: its `path` (absolute, or relative to the manifest's folder) and
optionally `source`, `source_type`, `url`, `published`, `language` and `title`. An empty
cell means unknown. A bad row is reported with its row number and the other rows still
load; a bad header stops the whole manifest, since every row would be misread.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import NamedTuple

from tellings.errors import InvalidValue, ManifestError
from tellings.ingest.dates import parse_published
from tellings.model import SOURCE_TYPES, DocumentMeta

__all__ = ["COLUMNS", "ManifestEntry", "read_manifest"]

COLUMNS = ("path", "source", "source_type", "url", "published", "language", "title")
CSV_SUFFIXES = (".csv", ".tsv")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# Row numbers are what a spreadsheet shows: the CSV header is row 1; a JSON Lines row
# is its line number. Problems with the file as a whole are reported on row 0.
WHOLE_FILE = 0
HEADER_ROW = 1

_KNOWN = ", ".join(COLUMNS)


class ManifestEntry(NamedTuple):
    """One document named by a manifest: where it is, what the manifest says, which row."""

    path: Path
    meta: DocumentMeta
    row: int


def _column(name: str) -> str:
    """A header as written ("Source Type", "source-type ") to its column name."""
    return "_".join(part for part in re.split(r"[\s_-]+", name.strip().lower()) if part)


def _entry(
    manifest: Path, row: int, values: dict[str, str | None]
) -> ManifestEntry | ManifestError:
    """Check one row's values and turn them into an entry, or an error naming the row."""
    problems = []
    path_value = values.get("path")
    if path_value is None:
        problems.append("the path is missing")
    source_type = values.get("source_type")
    if source_type is not None:
        source_type = re.sub(r"[\s_]+", "-", source_type.lower())
        if source_type not in SOURCE_TYPES:
            problems.append(
                f"unknown source type {values['source_type']!r}; "
                f"use one of: {', '.join(SOURCE_TYPES)}"
            )
    published = values.get("published")
    if published is not None:
        try:
            published = parse_published(published)
        except InvalidValue as exc:
            problems.append(f"bad published date: {exc.message}")
    if problems or path_value is None:
        return ManifestError(str(manifest), row, "; ".join(problems))
    path = Path(path_value).expanduser()
    if not path.is_absolute():
        path = manifest.parent / path
    language = values.get("language")
    meta = DocumentMeta(
        source=values.get("source"),
        source_type=source_type,
        url=values.get("url"),
        published=published,
        language=language.lower() if language else None,
        title=values.get("title"),
    )
    return ManifestEntry(path, meta, row)


def _cell(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _delimiter(text: str) -> str:
    """Comma, unless the header only makes sense split on ';' or a tab."""
    header = next(csv.reader(io.StringIO(text, newline="")), [])
    columns = {_column(name) for name in header}
    if len(header) > 1 or "path" in columns:
        return ","
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _read_csv(manifest: Path, text: str) -> tuple[list[ManifestEntry], list[ManifestError]]:
    name = str(manifest)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    except csv.Error as exc:
        return [], [ManifestError(name, WHOLE_FILE, f"is not a readable CSV file ({exc})")]
    if not records:
        return [], [ManifestError(name, WHOLE_FILE, "is empty: it has no header row")]
    header = [_column(cell) for cell in records[0]]
    named = [column for column in header if column]
    unknown = [column for column in named if column not in COLUMNS]
    if unknown:
        listed = ", ".join(repr(column) for column in unknown)
        reason = f"unknown column(s) {listed}; the known columns are: {_KNOWN}"
        return [], [ManifestError(name, HEADER_ROW, reason)]
    repeated = sorted({column for column in named if named.count(column) > 1})
    if repeated:
        reason = f"column(s) {', '.join(map(repr, repeated))} appear more than once"
        return [], [ManifestError(name, HEADER_ROW, reason)]
    if "path" not in named:
        reason = f"has no 'path' column; the known columns are: {_KNOWN}"
        return [], [ManifestError(name, HEADER_ROW, reason)]
    entries: list[ManifestEntry] = []
    errors: list[ManifestError] = []
    for row, record in enumerate(records[1:], start=HEADER_ROW + 1):
        cells = [_cell(value) for value in record]
        if not any(cells):
            continue  # blank lines between rows
        overflow = any(cells[len(header) :]) or any(
            value for column, value in zip(header, cells, strict=False) if not column
        )
        if overflow:
            reason = f"has values outside the {len(named)} named columns of the header"
            errors.append(ManifestError(name, row, reason))
            continue
        values = {column: value for column, value in zip(header, cells, strict=False) if column}
        result = _entry(manifest, row, values)
        if isinstance(result, ManifestError):
            errors.append(result)
        else:
            entries.append(result)
    return entries, errors


def _json_values(line: str) -> dict[str, str | None] | str:
    """A JSON line's values by column, or the reason the line cannot be used."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"is not valid JSON ({exc.msg}, column {exc.colno})"
    if not isinstance(data, dict):
        return f"is not a JSON object but {type(data).__name__ if data is not None else 'null'}"
    values: dict[str, str | None] = {}
    for key, value in data.items():
        column = _column(str(key))
        if column not in COLUMNS:
            return f"unknown field {key!r}; the known fields are: {_KNOWN}"
        if column in values:
            return f"the field {column!r} appears more than once"
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # "published": 2013
        if value is not None and not isinstance(value, str):
            return f"the value of {key!r} must be text, not {type(value).__name__}"
        values[column] = _cell(value)
    return values


def _read_jsonl(manifest: Path, text: str) -> tuple[list[ManifestEntry], list[ManifestError]]:
    entries: list[ManifestEntry] = []
    errors: list[ManifestError] = []
    for row, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        values = _json_values(line)
        result = (
            ManifestError(str(manifest), row, values)
            if isinstance(values, str)
            else _entry(manifest, row, values)
        )
        if isinstance(result, ManifestError):
            errors.append(result)
        else:
            entries.append(result)
    return entries, errors


def read_manifest(path: Path) -> tuple[list[ManifestEntry], list[ManifestError]]:
    """Read a .csv or .jsonl manifest into entries and the errors of the rows that failed.

    Header names are case-insensitive and may be spelled "source type" or
    "source-type"; a CSV may use ',', ';' or tabs. A missing `path` column or an
    unknown column is one error for the whole manifest; a row without a path, with an
    unknown source type or a bad date is an error for that row alone. Relative paths
    are taken from the manifest's folder. Files are not opened or checked here.
    """
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + JSONL_SUFFIXES:
        what = f"{suffix!r} is" if suffix else "a file without an extension is"
        reason = f"{what} not a manifest format; use .csv or .jsonl"
        return [], [ManifestError(name, WHOLE_FILE, reason)]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [ManifestError(name, WHOLE_FILE, f"cannot be read ({exc.strerror})")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"is not UTF-8 text (byte {exc.start}); save it as UTF-8"
        return [], [ManifestError(name, WHOLE_FILE, reason)]
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(path, text)
    return _read_csv(path, text)
