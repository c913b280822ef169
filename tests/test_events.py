"""Events in a real collection: grouping across documents, corrections, ranges, commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import tellings
from tellings.cli import cli
from tellings.events import EventBook, rederive_ranges
from tellings.model import Claim, DocumentMeta
from tellings.reconcile import Conflict

WIRE = (
    "Wire report written for the tests\n\n"
    "On 14 May 2012, gunmen stormed Camp Qwerty and killed 17 guards. "
    "About 40 residents were wounded.\n\n"
    "On 2 June 2012 a second raid on Camp Qwerty left 3 dead.\n"
)
MONITOR = (
    "Monitor's note written for the tests\n\n"
    "In May 2012, attackers killed at least 20 guards at Camp Qwerty and wounded "
    "nearly 40 residents.\n"
)


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    wire, monitor = tmp_path / "wire.txt", tmp_path / "monitor.txt"
    wire.write_text(WIRE, encoding="utf-8")
    monitor.write_text(MONITOR, encoding="utf-8")
    db = tmp_path / "c.db"
    with tellings.open(db) as collection:
        collection.ingest(
            [wire],
            meta=DocumentMeta(source="Example Wire", source_type="news", published="2012-06-05"),
        )
        collection.ingest(
            [monitor],
            meta=DocumentMeta(source="Example Monitor", source_type="ngo", published="2012-06-30"),
        )
    return db


def test_accounts_of_one_event_are_grouped_and_others_kept_apart(collection_path: Path) -> None:
    with tellings.open(collection_path) as collection:
        book = collection.events()
        may = book.by_claim[next(c.id for c in collection.claims() if c.low == 17)]
        june = book.by_claim[next(c.id for c in collection.claims() if c.low == 3)]
        assert may.id != june.id
        assert {(c.measure, c.low) for c in may.claims} == {
            ("killed", 17),
            ("wounded", 36),
            ("killed", 20),
            ("wounded", 36),
        }
        assert may.dates == ["2012-05", "2012-05-14"]
        clashes = book.conflicts(may)
    assert [(c.measure, c.a.claim.low, c.b.claim.low) for c in clashes] == [("killed", 17, 20)]


def test_merge_and_split_survive_re_extraction(collection_path: Path) -> None:
    with tellings.open(collection_path) as collection:
        book = collection.events()
        may = book.by_claim[next(c.id for c in collection.claims() if c.low == 17)]
        june = book.by_claim[next(c.id for c in collection.claims() if c.low == 3)]
        kept = collection.merge_events(may.id, june.id)
        twenty = next(c for c in collection.claims() if c.low == 20)
        split_off = collection.split_event(kept, [twenty.id])
        collection.rename_event(kept, "Raids on Camp Qwerty")
        # Teaching the gazetteer the camp changes every claim's place: new claim ids,
        # the old claims superseded.
        collection.add_alias(
            "camp-qwerty", "Camp Qwerty", kind="camp", lat=33.0, lon=44.0, parent="baghdad"
        )
        report = collection.extract()
        assert report.superseded > 0
        book = collection.events()
        three = book.by_claim[next(c.id for c in collection.claims() if c.low == 3)]
        seventeen = book.by_claim[next(c.id for c in collection.claims() if c.low == 17)]
        twenty_now = book.by_claim[next(c.id for c in collection.claims() if c.low == 20)]
        assert three.id == seventeen.id == kept
        assert three.title == "Raids on Camp Qwerty"
        assert twenty_now.id == split_off
        assert collection.verify().ok


def test_every_range_can_be_re_derived_from_the_ledger_alone(collection_path: Path) -> None:
    with tellings.open(collection_path) as collection:
        book = collection.events()
        may = book.by_claim[next(c.id for c in collection.claims() if c.low == 17)]
        for rule in (
            "reconcile.conservative.v1",
            "reconcile.ucdp.v1",
            "reconcile.independent-median.v1",
        ):
            collection.record_ranges(may, rule)
        entries = collection.entries()
        assert collection.verify().ok
    checked = rederive_ranges(entries)
    assert len(checked) == 6  # three rules, two measures
    for recorded, derived in checked:
        assert (derived.low, derived.best, derived.high) == tuple(
            None if recorded[k] is None else float(recorded[k]) for k in ("low", "best", "high")
        )
        assert list(derived.inputs) == recorded["inputs"]


def test_events_show_and_conflicts_commands(collection_path: Path) -> None:
    runner = CliRunner()
    db = ["--db", str(collection_path)]
    timeline = runner.invoke(cli, [*db, "events"])
    assert timeline.exit_code == 0, timeline.output
    assert "2012-05-14" in timeline.output and "reconcile.ucdp.v1" in timeline.output
    found = runner.invoke(cli, [*db, "conflicts", "--format", "json"])
    pairs = json.loads(found.output)
    assert len(pairs) == 1
    pair = pairs[0]
    assert set(pair) >= {"event", "measure", "a", "b", "why"}
    for side in (pair["a"], pair["b"]):
        assert set(side) >= {"doc", "start", "end", "quote", "low", "high", "source"}
    shown = runner.invoke(cli, [*db, "show", pair["event"], "--rule", "reconcile.conservative.v1"])
    assert shown.exit_code == 0, shown.output
    assert "Example Monitor" in shown.output and "CONFLICT" in shown.output
    explained = runner.invoke(cli, [*db, "conflicts", "--explain"])
    assert "cannot reach" in explained.output


def test_seed_conflicts_follow_the_intervals(shared_dir: Path, tmp_path: Path) -> None:
    """The seeds' plain conflicts are reported; figures that only look different are not."""
    with tellings.open(tmp_path / "seeds.db") as collection:
        collection.ingest([shared_dir / "seeds"])
        book = collection.events()
        found = [c for event in book.events for c in book.conflicts(event)]
        reported = {frozenset((c.a.claim.quote, c.b.claim.quote)) for c in found if not c.parts}
        sums = {(c.a.claim.low, c.parts_low, c.parts_high) for c in found if c.parts}
    # A total for three attacks against one account's own figures for them (116 against
    # 13 + 36 + 52), and seven hostages in all against 36 + 7 in another account.
    assert (116, 101, 101) in sums
    assert (7, 43, 43) in sums
    quotes = {q for pair in reported for q in pair}
    # 11 vs 13 killed in July 2009; "as many as 34" vs 36 in April 2011; nearly 500 vs
    # about 400 wounded.
    assert any("13" in a and ("11" in b or "eleven" in b) for a, b in map(sorted, reported)) or any(
        "13" in q for q in quotes
    )
    assert any("34" in q for q in quotes)
    assert any("400" in q for q in quotes) and any("500" in q for q in quotes)
    # "at least" figures, "hundreds" and converted units are consistent.
    for pair in reported:
        joined = " | ".join(pair)
        assert "at least" not in joined.lower()
        assert "hundreds" not in joined.lower()
        assert not ("mile" in joined and "kilomet" in joined)


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_events_export_reads_back(collection_path: Path, tmp_path: Path, suffix: str) -> None:
    import csv

    out = tmp_path / f"events{suffix}"
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(collection_path),
            "export",
            "events",
            "-o",
            str(out),
            "--rule",
            "reconcile.conservative.v1",
        ],
    )
    assert result.exit_code == 0, result.output
    if suffix == ".csv":
        with out.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    else:
        rows = json.loads(out.read_text(encoding="utf-8"))
    killed = [r for r in rows if r["measure"] == "killed" and r["date_start"] == "2012-05-14"]
    assert len(killed) == 1
    row = killed[0]
    assert float(row["low"]) == float(row["best"]) == float(row["high"]) == 17
    assert row["rule"] == "reconcile.conservative.v1" and int(row["date_prec"]) == 1


def test_dates_of_a_turning_point_are_compared(tmp_path: Path) -> None:
    texts = {
        "a.txt": "Written for the tests. Camp Qwerty lies in the hills. On 3 March 2010 the "
        "army handed over control of the camp to the police.\n",
        "b.txt": "Written for the tests. Camp Qwerty lies in the hills. On 12 May 2010 the "
        "army transferred control of the camp to the police.\n",
        "c.txt": "Written for the tests. Camp Qwerty lies in the hills. In March 2010 the "
        "army handed over control of the camp.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with tellings.open(tmp_path / "c.db") as collection:
        collection.add_alias("camp-qwerty", "Camp Qwerty", kind="camp", parent="baghdad")
        for name in texts:
            collection.ingest([tmp_path / name], meta=DocumentMeta(source=f"Source {name}"))
        facts = collection.claims(measures=["date_of"])
        book = collection.events()
        clashes = [c for e in book.events for c in book.conflicts(e) if c.measure == "date_of"]
    assert {c.event_date for c in facts} == {"2010-03-03", "2010-05-12", "2010-03"}
    assert all(c.victims == "transfer of control" for c in facts)
    assert sorted((c.a.claim.event_date, c.b.claim.event_date) for c in clashes) == [
        ("2010-03", "2010-05-12"),
        ("2010-03-03", "2010-05-12"),
    ]


def read_one(
    tmp_path: Path, name: str, text: str, meta: DocumentMeta, *, qwerty: bool = False
) -> tuple[dict[str, Claim], EventBook, list[Conflict]]:
    """A new collection holding one document written for the test: its claims by quote,
    its events and every conflict among them."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with tellings.open(tmp_path / f"{path.stem}.db") as collection:
        if qwerty:
            collection.add_alias("camp-qwerty", "Camp Qwerty", kind="camp", parent="baghdad")
        collection.ingest([path], meta=meta)
        claims = {c.quote: c for c in collection.claims()}
        book = collection.events()
    return claims, book, [c for e in book.events for c in book.conflicts(e)]


def test_a_running_total_is_checked_against_the_events_it_covers(tmp_path: Path) -> None:
    text = (
        "Residents' bulletin written for the tests\n\n"
        "Camp Qwerty lies in the hills.\n\n"
        "The shelling of the camp has claimed 21 lives and left many maimed.\n\n"
        "There were two heavy bombardments of Camp Qwerty.\n\n"
        "• 3 May 2010 – twelve residents were killed by mortars.\n"
        "• 9 June 2011 – rockets killed eight residents.\n"
    )
    meta = DocumentMeta(source="Bulletin")
    _, _, clashes = read_one(tmp_path, "bulletin.txt", text, meta, qwerty=True)
    sums = [c for c in clashes if c.parts]
    assert [(c.a.claim.low, c.parts_low, c.parts_high) for c in sums] == [(21, 20, 20)]
    # With figures that add up, nothing is reported.
    added_up = text.replace("eight residents", "nine residents")
    _, _, clashes = read_one(tmp_path, "added-up.txt", added_up, meta, qwerty=True)
    assert not clashes


NEWS_LEAD = (
    "Raiders kill villagers near river town\n\n"
    "KARBALA, June 9 (Example Wire) - Raiders killed at least 19 people in a night raid "
    "on a farming village near Karbala, local officials said on Friday.\n\n"
    "The attackers came on foot shortly after midnight on Wednesday and burned the grain "
    "store. Another 30 villagers were wounded, of whom two later died in hospital.\n\n"
    "Aid groups said more than 900 people had fled the district since April. A police "
    "spokesman put the toll at 11 and said guards had shot dead four of the raiders.\n"
)


def test_a_news_lead_is_one_event_with_the_story_after_it(tmp_path: Path) -> None:
    meta = DocumentMeta(source="Example Wire", published="2016-06-09")
    claims, book, clashes = read_one(tmp_path, "wire.txt", NEWS_LEAD, meta)
    # The dateline dates the report; the raid was on Wednesday night.
    lead = claims["killed at least 19"]
    assert lead.event_date is None
    assert claims["30 villagers were wounded"].event_date == "2016-06-08"
    # Two of the wounded who died are a part of a figure, not a rival toll.
    assert claims["of whom two later died"].rule in ("count.sub_count.v1", "count.addition.v1")
    # "Since April" makes a running total, and dates nothing after it.
    assert claims["more than 900 people had fled"].period
    assert claims["toll at 11"].event_date is None
    # Raiders shot dead are not among the people the raid killed.
    assert claims["shot dead four"].victims == "raiders"
    # The lead and the police toll are one event, and they disagree.
    assert book.by_claim[lead.id] is book.by_claim[claims["toll at 11"].id]
    assert [(c.a.claim.low, c.b.claim.low) for c in clashes] in ([(11, 19)], [(19, 11)])


FINDINGS = (
    "Annual review written for the tests\n\n"
    "## Findings\n\n"
    "- At least 950 civilians were killed in 2019, including 210 children.\n"
    "- 12 paramedics lost their lives.\n\n"
    "## Incidents\n\n"
    "On 3 May 2019 a truck bomb exploded at a market in Kirkuk, killing 31 shoppers.\n"
)


def test_a_years_toll_is_a_period_and_its_neighbours_stay_apart(tmp_path: Path) -> None:
    meta = DocumentMeta(source="Review", published="2020-01-15")
    claims, book, clashes = read_one(tmp_path, "review.md", FINDINGS, meta)
    total = claims["At least 950 civilians were killed"]
    assert total.period and total.event_date == "2019"
    assert book.by_claim[claims["12 paramedics lost their lives"].id] is not book.by_claim[total.id]
    assert clashes == []
