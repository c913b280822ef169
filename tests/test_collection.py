"""Ingest into a real collection file: batches, bad input, sources, proofs."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import tellings
from tellings.errors import InvalidValue, LedgerTampered, NotFound
from tellings.ledger.proof import InclusionProof, check_inclusion_proof
from tellings.model import DocumentMeta

STATEMENT = (
    "Statement written for the tests.\n\n"
    "Thirty-six people died when troops stormed the camp on 8 April 2011, "
    "a monitor said; officials spoke of “as many as 34”.\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    counts = {
        t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("documents", "sources", "originals", "ledger", "checkpoints")
    }
    conn.close()
    return counts


def test_original_bytes_are_kept_and_text_maps_back(tmp_path: Path) -> None:
    path = write(tmp_path, "statement.txt", "\ufeff" + STATEMENT)
    with tellings.open(tmp_path / "c.db") as collection:
        report = collection.ingest([path], meta=DocumentMeta(source="Example Monitor"))
        assert report.ok
        doc = collection.document("statement")
        original = collection.original("statement")
    assert original == path.read_bytes()
    assert doc.id == __import__("hashlib").sha256(original).hexdigest()
    quote = "as many as 34"
    start = doc.text.index(quote)
    from tellings.ingest.offsets import locate

    where = locate(doc.text, doc.offset_map, start, start + len(quote))
    assert original[where["byte_start"] : where["byte_end"]].decode("utf-8") == quote


def test_same_bytes_again_change_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "statement.txt", STATEMENT)
    db = tmp_path / "c.db"
    with tellings.open(db) as collection:
        collection.ingest([path], meta=DocumentMeta(source="Example Monitor"))
    before = table_counts(db)
    copy = write(tmp_path / "elsewhere", "copy.txt", STATEMENT)
    with tellings.open(db) as collection:
        report = collection.ingest([path, copy], meta=DocumentMeta(source="Example Monitor"))
        assert [o.status for o in report.outcomes] == ["present", "present"]
    assert table_counts(db) == before


def test_bad_input_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    good = write(folder, "a_good.txt", STATEMENT)
    write(folder, "b_binary.txt", b"\x00\x01\x02\x03" * 100)
    write(folder, "c_empty.txt", b"")
    write(folder, "d_sheet.xlsx", b"PK\x03\x04 not really a workbook")
    write(folder, "e_big.txt", "word " * 400)
    write(folder, "f_broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    write(folder, "g_later.md", "# A later note\n\nFour residents were hurt.\n")
    missing = tmp_path / "nowhere.txt"
    db = tmp_path / "c.db"
    with tellings.open(db) as collection:
        report = collection.ingest([folder, missing], max_bytes=1000)
    outcomes = {Path(o.path).name: o for o in report.outcomes}
    assert outcomes["a_good.txt"].status == "added"
    assert outcomes["g_later.md"].status == "added"
    reasons = {name: o.reason for name, o in outcomes.items() if o.status == "failed"}
    assert set(reasons) == {
        "b_binary.txt",
        "c_empty.txt",
        "d_sheet.xlsx",
        "e_big.txt",
        "f_broken.pdf",
        "nowhere.txt",
    }
    assert "binary" in reasons["b_binary.txt"]
    assert "empty" in reasons["c_empty.txt"]
    assert ".xlsx" in reasons["d_sheet.xlsx"] or "format" in reasons["d_sheet.xlsx"]
    assert "--max-size" in reasons["e_big.txt"]
    assert "no such file" in reasons["nowhere.txt"]
    assert not report.ok
    with tellings.open(db) as collection:
        assert collection.verify().ok
        assert {d.filename for d in collection.documents()} == {good.name, "g_later.md"}


def test_sources_are_created_once_and_edits_are_recorded(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", STATEMENT)
    b = write(tmp_path, "b.txt", STATEMENT + "\nA second printing.\n")
    with tellings.open(tmp_path / "c.db") as collection:
        collection.ingest([a], meta=DocumentMeta(source="Example Monitor", source_type="ngo"))
        collection.ingest([b], meta=DocumentMeta(source="example monitor"))
        assert [s.name for s in collection.sources()] == ["Example Monitor"]
        assert collection.source_document_counts() == {"example-monitor": 2}
        edited = collection.edit_source(
            "Example Monitor", affiliation="none", reliability="b", type="ngo"
        )
        assert (edited.reliability, edited.affiliation) == ("B", "none")
        kinds = [e["kind"] for e in collection.entries()]
        assert kinds.count("source.added") == 1 and kinds.count("source.updated") == 1
        with pytest.raises(InvalidValue, match="Admiralty"):
            collection.edit_source("Example Monitor", reliability="Z")
        with pytest.raises(InvalidValue, match="not one of"):
            collection.edit_source("Example Monitor", type="blog")
        with pytest.raises(NotFound):
            collection.edit_source("Nobody", reliability="A")
        assert collection.verify().ok


def test_manifest_rows_bring_their_metadata(tmp_path: Path) -> None:
    write(tmp_path / "docs", "one.txt", STATEMENT)
    write(tmp_path / "docs", "two.txt", "Another account: 13 were killed on 28 July 2009.\n")
    manifest = write(
        tmp_path,
        "sheet.csv",
        "path,source,source_type,url,published,language\n"
        "docs/one.txt,Example Monitor,ngo,https://example.org/one,2011-04-09,en\n"
        "docs/two.txt,Example Wire,news,,,\n"
        "docs/three.txt,Example Wire,news,,,\n"
        "docs/one.txt,Example Wire,blog,,,\n",
    )
    with tellings.open(tmp_path / "c.db") as collection:
        report = collection.ingest(manifest=manifest)
        one = collection.document("one")
        sources = {s.name: s for s in collection.sources()}
    assert len(report.added) == 2
    assert one.published == "2011-04-09" and one.url == "https://example.org/one"
    assert sources["Example Monitor"].type == "ngo"
    reasons = [o.reason or "" for o in report.failed]
    assert any("no such file" in r for r in reasons)
    assert any("blog" in r for r in reasons)


def test_an_inclusion_proof_checks_offline_and_fails_when_changed(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", STATEMENT)
    with tellings.open(tmp_path / "c.db") as collection:
        collection.ingest([a], meta=DocumentMeta(source="Example Monitor"))
        proof = collection.proof(2).to_json()
    check_inclusion_proof(InclusionProof.from_json(json.loads(json.dumps(proof))))
    forged = dict(proof, entry=proof["entry"].replace("a.txt", "b.txt"))
    with pytest.raises(LedgerTampered):
        check_inclusion_proof(InclusionProof.from_json(forged))


@pytest.mark.slow
def test_a_killed_batch_leaves_a_consistent_collection_and_a_rerun_finishes(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "many"
    total = 800
    for n in range(total):
        write(folder, f"doc{n:04d}.txt", f"Document {n}. {n % 50} residents were wounded.\n" * 40)
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "tellings", "--db", str(db), "ingest", str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if db.exists():
            try:
                conn = sqlite3.connect(db, timeout=5)
                (n,) = conn.execute("SELECT COUNT(*) FROM documents").fetchone()
                conn.close()
            except sqlite3.OperationalError:
                continue
            if n >= 5:
                break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with tellings.open(db) as collection:
        partial = len(collection.documents())
        assert 0 < partial < total
        report = collection.verify()
    # Whatever the kill left is either fully recorded or absent; at most the unsigned
    # tail is reported.
    assert all("not covered by a signed checkpoint" in f.what for f in report.findings), [
        str(f) for f in report.findings
    ]
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - partial} added, {partial} already present" in rerun.stdout
    with tellings.open(db) as collection:
        assert len(collection.documents()) == total
        assert collection.verify().ok
