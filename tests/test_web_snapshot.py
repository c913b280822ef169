"""What the web views read, over a real collection built from the examples: the
snapshot's shortcuts give what a plain pass over every event or row gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

import tellings
from tellings.web.snapshot import EventFilter, Reader

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    db = tmp_path_factory.mktemp("snapshot") / "c.db"
    with tellings.open(db) as collection:
        report = collection.ingest(manifest=EXAMPLES / "manifest.csv")
        assert not report.failed
    found = Reader(db)
    yield found
    found.close()


def every_page(reader: Reader, where: EventFilter, limit: int) -> list[str]:
    snapshot = reader.snapshot()
    ids: list[str] = []
    after: int | None = 0
    while after is not None:
        found, after = snapshot.select(where, after=after, limit=limit)
        ids.extend(s.event.id for s in found)
    return ids


SPANS = [
    (None, None),
    (dt.date(2011, 1, 1), dt.date(2011, 12, 31)),
    (dt.date(2013, 9, 1), dt.date(2013, 9, 1)),
    (dt.date(2009, 7, 1), None),
    (None, dt.date(2012, 6, 30)),
    (dt.date(1, 1, 1), None),
    (dt.date(2016, 1, 1), dt.date(2009, 1, 1)),
]


@pytest.mark.parametrize(("start", "end"), SPANS)
@pytest.mark.parametrize("limit", [1, 3, 500])
def test_a_date_filter_finds_what_a_full_pass_finds(
    reader: Reader, start: dt.date | None, end: dt.date | None, limit: int
) -> None:
    where = EventFilter(start=start, end=end)
    expected = [s.event.id for s in reader.snapshot().summaries if where.keeps(s)]
    assert every_page(reader, where, limit) == expected


def test_conflicts_about_a_measure(reader: Reader) -> None:
    snapshot = reader.snapshot()
    assert snapshot.all_conflicts, "the examples disagree"
    for measure in snapshot.measures:
        expected = [p for p in snapshot.all_conflicts if p[1].measure == measure]
        assert snapshot.conflicts_about(measure) == expected
    assert snapshot.conflicts_about(None) == snapshot.all_conflicts
    assert snapshot.conflicts_about("no-such-measure") == []


def test_documents_are_found_by_id_prefix_and_name(reader: Reader) -> None:
    listed = reader.collection.documents()[0]
    for ref in (listed.id, listed.id[:12], listed.name):
        found = reader.document(ref)
        assert found.id == listed.id and found.text


def test_claims_by_source_are_the_stores(reader: Reader) -> None:
    assert reader.claims_by_source() == reader.collection.store.claim_counts_by_source()
