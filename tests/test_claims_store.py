"""Claims in a real collection: recorded at ingest, ledgered, re-extracted, exported, scored."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import tellings
from tellings.cli import cli
from tellings.model import DocumentMeta

REPO = Path(__file__).resolve().parent.parent

REPORT = (
    "Briefing written for the tests\n\n"
    "On 14 May 2012, gunmen stormed Camp Qwerty and killed 17 guards. "
    "Nearly 40 residents were wounded and 5 were abducted.\n\n"
    "The camp covers 2 square miles.\n"
)


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "briefing.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_ingest_records_claims_with_quotes_at_their_offsets(
    tmp_path: Path, report_file: Path
) -> None:
    with tellings.open(tmp_path / "c.db") as collection:
        collection.ingest([report_file], meta=DocumentMeta(source="Example Monitor"))
        doc = collection.document("briefing")
        claims = collection.claims()
        facts = collection.claims(measures=["area"])
        kinds = [e["kind"] for e in collection.entries()]
        assert collection.verify().ok
    assert {(c.measure, c.low, c.high) for c in claims} == {
        ("killed", 17, 17),
        ("wounded", 36, 40),
        ("abducted", 5, 5),
    }
    for claim in claims + facts:
        assert doc.text[claim.start : claim.end] == claim.quote
    assert {c.event_date for c in claims} == {"2012-05-14"}
    assert facts[0].normalised_unit == "km2" and 5.1 < (facts[0].normalised_low or 0) < 5.3
    assert kinds.count("claim.added") == len(claims) + len(facts)


def test_extracting_again_changes_nothing(tmp_path: Path, report_file: Path) -> None:
    with tellings.open(tmp_path / "c.db") as collection:
        collection.ingest([report_file])
        size = collection.ledger.size()
        report = collection.extract()
        assert (report.documents, report.added, report.superseded) == (1, 0, 0)
        assert collection.ledger.size() == size


def test_a_new_alias_gives_new_claim_versions_and_keeps_the_old(
    tmp_path: Path, report_file: Path
) -> None:
    with tellings.open(tmp_path / "c.db") as collection:
        collection.ingest([report_file])
        before = {c.id: c for c in collection.claims()}
        assert all(c.place_id is None or "qwerty" not in c.place_id for c in before.values())
        collection.add_alias("camp-qwerty", "Camp Qwerty", kind="camp", lat=33.1, lon=44.2)
        report = collection.extract(["briefing"])
        after = collection.claims()
        everything = collection.claims(current=False)
        assert collection.verify().ok
    assert report.added == report.superseded > 0
    assert all(c.place_id == "camp-qwerty" for c in after)
    superseded = [c for c in everything if c.superseded_by]
    assert {c.id for c in superseded} == set(before)
    assert all(c.quote == before[c.id].quote for c in superseded)


def test_claims_and_export_commands(tmp_path: Path, report_file: Path) -> None:
    runner = CliRunner()
    db = ["--db", str(tmp_path / "c.db")]
    assert runner.invoke(cli, [*db, "ingest", str(report_file)]).exit_code == 0
    listed = runner.invoke(cli, [*db, "claims", "--measure", "killed"])
    assert (
        listed.exit_code == 0 and "killed 17" in listed.output and "3 claims" not in listed.output
    )
    out = tmp_path / "claims.jsonl"
    exported = runner.invoke(cli, [*db, "export", "claims", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["measure"] for r in rows} == {"killed", "wounded", "abducted"}
    for row in rows:
        assert row["doc"] == "briefing"
        assert REPORT[row["start"] : row["end"]] == row["quote"]
        assert row["rule"].startswith("count.") and row["event"]
    as_csv = tmp_path / "claims.csv"
    runner.invoke(cli, [*db, "export", "claims", "-o", str(as_csv), "--facts"])
    with as_csv.open(encoding="utf-8") as handle:
        csv_rows = list(csv.DictReader(handle))
    assert {r["measure"] for r in csv_rows} >= {"killed", "area"}


def test_the_examples_make_claims_with_exact_quotes(tmp_path: Path) -> None:
    with tellings.open(tmp_path / "c.db") as collection:
        report = collection.ingest(manifest=REPO / "examples" / "manifest.csv")
        assert report.ok
        texts = {d.id: collection.store.get_document(d.id) for d in collection.documents()}
        claims = collection.claims(measures=None)
    assert len(claims) > 40
    for claim in claims:
        doc = texts[claim.document_id]
        assert doc is not None and doc.text[claim.start : claim.end] == claim.quote
    figures = {(c.measure, c.low, c.high) for c in claims}
    assert ("killed", 13, 13) in figures and ("killed", 0, 34) in figures


def test_seed_claims_score_above_the_bar(shared_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    pred = tmp_path / "pred.jsonl"
    with tellings.open(db) as collection:
        assert collection.ingest([shared_dir / "seeds"]).ok
        collection.export_claims(pred)
    scored = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "tools" / "score_claims.py"),
            "--gold",
            str(shared_dir / "gold" / "seeds.claims.jsonl"),
            "--pred",
            str(pred),
            "--docs",
            str(shared_dir / "seeds"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(scored.stdout)
    assert summary["claims"]["f1"] >= 0.90, summary["claims"]
    assert summary["claims"]["precision"] >= 0.95, summary["claims"]
    assert summary["provenance"]["share"] == 1.0, summary["provenance"]
    assert summary["event_clustering"]["f1"] >= 0.90, summary["event_clustering"]
