"""The verifiable bundle: export, offline verification, tampering, redaction and import."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import tellings
from tellings.bundle import import_bundle, verify_bundle
from tellings.bundle.layout import KEY, LEDGER, MANIFEST, Manifest, sha256_hex, write_zip
from tellings.cli import cli
from tellings.errors import BundleRefused, NotFound
from tellings.ledger import (
    Checkpoint,
    SigningKey,
    canonical_json,
    key_id,
    leaf_hash,
    root,
    sign_checkpoint,
)
from tellings.model import DocumentMeta
from tellings.verify import VerifyReport

FIELD_NOTE = (
    "Field note prepared for the bundle tests.\n\n"
    "On 9 February 2013 shells struck the Lantern Market in Dovra; 12 traders were killed "
    "and about 30 others were wounded.\n"
)
WIRE_SUMMARY = (
    "Wire summary prepared for the bundle tests.\n\n"
    "At least 15 people were killed when shells hit the Lantern Market in Dovra on "
    "9 February 2013.\n"
)
SEALED_STATEMENT = (
    "Confidential witness statement prepared for the bundle tests.\n\n"
    "A witness from Quillfeather Ravine said that on 9 February 2013 the shelling of the "
    "Lantern Market killed 23 people, among them her cousin Marrowgate Pell.\n"
)
SEALED_TITLE = "Ambush reported by the Quillfeather witness"
SEALED_PHRASES = [
    "Quillfeather",
    "Marrowgate Pell",
    "Confidential witness statement",
    "Sealed Archive",
]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def errors(report: VerifyReport) -> list[str]:
    return [str(f) for f in report.findings if f.severity == "error"]


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewrite(source: Path, target: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    """Copy the bundle at `source` to `target` with its members changed by `change`."""
    found = members(source)
    change(found)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in found.items():
            archive.writestr(name, data)
    return target


def flip(data: bytes, at: int | None = None) -> bytes:
    changed = bytearray(data)
    changed[len(data) // 2 if at is None else at] ^= 0x01
    return bytes(changed)


def ledger_rows(db: Path) -> list[tuple[int, bytes, bytes]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT seq, entry, leaf_hash FROM ledger ORDER BY seq").fetchall()
    conn.close()
    return [(int(s), bytes(e), bytes(h)) for s, e, h in rows]


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    """Three documents from three sources, one restricted, with a correction and a range
    anchored in the restricted one."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in (
        ("field-note.txt", FIELD_NOTE),
        ("wire-summary.txt", WIRE_SUMMARY),
        ("witness.txt", SEALED_STATEMENT),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "c.db"
    with tellings.open(db) as collection:
        collection.ingest(
            [folder / "field-note.txt"],
            meta=DocumentMeta(source="Example Monitor", source_type="ngo", published="2013-03-02"),
        )
        collection.ingest(
            [folder / "wire-summary.txt"],
            meta=DocumentMeta(source="Example Wire", source_type="news", published="2013-02-11"),
        )
        collection.ingest(
            [folder / "witness.txt"],
            meta=DocumentMeta(source="Sealed Archive", source_type="other"),
        )
        collection.edit_source("Sealed Archive", restricted=True, reliability="C")
        collection.add_alias("place-dovra", "Dovra", kind="place", name="Dovra", country="XX")
        sealed = collection.document("witness")
        claim = collection.claims(document=sealed.id)[0]
        event = collection.events().by_claim[claim.id]
        collection.rename_event(event.id, SEALED_TITLE)
        collection.record_ranges(collection.events().event(event.id))
        assert collection.verify().ok
    return db


@pytest.fixture
def bundle_path(collection_path: Path) -> Path:
    path = collection_path.parent / "case.zip"
    with tellings.open(collection_path) as collection:
        collection.export_bundle(path)
    return path


@pytest.fixture(scope="module")
def seeds_bundle(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle of a collection of the real seed accounts, written by the command."""
    folder = tmp_path_factory.mktemp("seeds")
    db = folder / "seeds.db"
    assert run("--db", str(db), "ingest", str(shared_dir / "seeds")).exit_code == 0
    result = run("--db", str(db), "export", "bundle", "-o", str(folder / "seeds.zip"))
    assert result.exit_code == 0, result.output
    return folder / "seeds.zip"


# -- the seeds -------------------------------------------------------------------------


def test_seeds_bundle_verifies_offline_and_imports_into_an_empty_collection(
    seeds_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offline = tmp_path / "elsewhere"
    offline.mkdir()
    copy = offline / "seeds.zip"
    copy.write_bytes(seeds_bundle.read_bytes())
    monkeypatch.chdir(offline)
    checked = run("verify", "seeds.zip")
    assert checked.exit_code == 0, checked.output
    assert "OK:" in checked.output and "5 originals" in checked.output
    assert sorted(p.name for p in offline.iterdir()) == ["seeds.zip"], "no collection made"
    report = json.loads(run("verify", "seeds.zip", "--json").output)
    assert report["ok"] and report["findings"] == [] and report["withheld"] == []

    imported = run("--db", "copy.db", "import", "seeds.zip")
    assert imported.exit_code == 0, imported.output
    assert "copy of tellings/" in imported.output
    verified = run("--db", "copy.db", "verify")
    assert verified.exit_code == 0, verified.output
    assert f"{report['entries']} ledger entries" in verified.output
    again = run("--db", "copy.db", "export", "bundle", "-o", "again.zip")
    assert again.exit_code == 0, again.output
    assert (offline / "again.zip").read_bytes() == seeds_bundle.read_bytes()


def _original(names: list[str]) -> str:
    return next(n for n in names if n.startswith("originals/"))


MEMBER_KINDS: dict[str, Callable[[list[str]], str]] = {
    "an original": _original,
    "a text": lambda names: next(n for n in names if n.endswith(".txt") and "texts/" in n),
    "an offset map": lambda names: next(n for n in names if n.endswith(".offsets.json")),
    "the ledger": lambda names: "ledger.jsonl",
    "a checkpoint": lambda names: sorted(n for n in names if n.startswith("checkpoints/"))[-1],
    "the key": lambda names: "key.pub",
    "the manifest": lambda names: "manifest.json",
}


@pytest.mark.parametrize("kind", sorted(MEMBER_KINDS))
def test_a_flipped_byte_in_any_member_fails_and_is_named(
    seeds_bundle: Path, tmp_path: Path, kind: str
) -> None:
    name = MEMBER_KINDS[kind](sorted(members(seeds_bundle)))

    def change(found: dict[str, bytes]) -> None:
        found[name] = flip(found[name])

    bad = rewrite(seeds_bundle, tmp_path / "bad.zip", change)
    report = verify_bundle(bad)
    assert not report.ok
    assert any(name in line for line in errors(report)), errors(report)
    result = run("verify", str(bad))
    assert result.exit_code == 1
    assert "FAILED" in result.output and name in result.output


def test_every_member_is_covered(seeds_bundle: Path, tmp_path: Path) -> None:
    for name in sorted(members(seeds_bundle)):
        for at in (0, None, -1):

            def change(found: dict[str, bytes], name: str = name, at: int | None = at) -> None:
                found[name] = flip(found[name], at)

            report = verify_bundle(rewrite(seeds_bundle, tmp_path / "bad.zip", change))
            assert not report.ok, (name, at)
            assert any(name in line for line in errors(report)), (name, at, errors(report))


@pytest.mark.parametrize("kind", sorted(MEMBER_KINDS))
def test_a_removed_member_fails_and_is_named(seeds_bundle: Path, tmp_path: Path, kind: str) -> None:
    name = MEMBER_KINDS[kind](sorted(members(seeds_bundle)))
    bad = rewrite(seeds_bundle, tmp_path / "bad.zip", lambda found: found.pop(name))
    report = verify_bundle(bad)
    assert not report.ok
    assert any(name in line and "missing" in line for line in errors(report)), errors(report)


def test_an_added_member_fails_and_is_named(seeds_bundle: Path, tmp_path: Path) -> None:
    def add(found: dict[str, bytes]) -> None:
        found["originals/notes.txt"] = b"A file slipped in afterwards.\n"

    report = verify_bundle(rewrite(seeds_bundle, tmp_path / "bad.zip", add))
    assert not report.ok
    assert errors(report) == ["file: originals/notes.txt: added: manifest.json does not list it"]


def test_a_member_repeated_in_the_zip_fails(seeds_bundle: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(seeds_bundle.read_bytes())
    with (
        zipfile.ZipFile(bad, "a") as archive,
        pytest.warns(UserWarning, match="Duplicate name"),
    ):
        archive.writestr("key.pub", "00" * 32 + "\n")
    report = verify_bundle(bad)
    assert not report.ok
    assert "file: key.pub: appears more than once in the zip" in errors(report)


def test_a_corrupt_zip_fails(seeds_bundle: Path, tmp_path: Path) -> None:
    data = seeds_bundle.read_bytes()
    start = data.index(b"ledger.jsonl") + len(b"ledger.jsonl") + 200
    bad = tmp_path / "bad.zip"
    bad.write_bytes(flip(data, start))
    report = verify_bundle(bad)
    assert not report.ok
    assert any("ledger.jsonl" in line for line in errors(report)), errors(report)
    not_zip = tmp_path / "plain.zip"
    not_zip.write_text("not a zip at all\n", encoding="utf-8")
    assert any("not a readable zip file" in line for line in errors(verify_bundle(not_zip)))


# -- consistent forgeries: the manifest updated along with the change ------------------


def _with_manifest_updated(found: dict[str, bytes]) -> None:
    manifest = Manifest.from_bytes(found[MANIFEST])
    files = {n: (sha256_hex(d), len(d)) for n, d in found.items() if n != MANIFEST}
    found[MANIFEST] = Manifest(
        manifest.collection,
        manifest.key_id,
        manifest.tree_size,
        manifest.root_hash,
        manifest.withheld,
        files,
    ).to_bytes()


def _replace_original(found: dict[str, bytes]) -> None:
    name = _original(sorted(found))
    found[name] = found[name].replace(b"1", b"7", 1)


def _edit_ledger_entry(found: dict[str, bytes]) -> None:
    found["ledger.jsonl"] = found["ledger.jsonl"].replace(b"Example Monitor", b"Other Monitor")


def _drop_last_checkpoint(found: dict[str, bytes]) -> None:
    found.pop(sorted(n for n in found if n.startswith("checkpoints/"))[-1])


def _drop_last_entry(found: dict[str, bytes]) -> None:
    lines = found["ledger.jsonl"].splitlines(keepends=True)
    found["ledger.jsonl"] = b"".join(lines[:-1])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_replace_original, "do not hash to the SHA-256 that entry"),
        (_edit_ledger_entry, "no longer hash to the signed root"),
        (_drop_last_checkpoint, "not covered by its last signed checkpoint"),
        (_drop_last_entry, "the ledger holds only"),
    ],
)
def test_changes_with_the_manifest_rewritten_still_fail(
    bundle_path: Path, tmp_path: Path, change: Callable[[dict[str, bytes]], None], expected: str
) -> None:
    def forge(found: dict[str, bytes]) -> None:
        change(found)
        _with_manifest_updated(found)

    report = verify_bundle(rewrite(bundle_path, tmp_path / "forged.zip", forge))
    assert not report.ok
    assert any(expected in line for line in errors(report)), errors(report)


def test_the_key_can_be_pinned(bundle_path: Path, collection_path: Path) -> None:
    with tellings.open(collection_path) as collection:
        right = collection.key_id
    assert verify_bundle(bundle_path, expect_key=right).ok
    wrong = verify_bundle(bundle_path, expect_key="0123456789abcdef")
    assert any("not the expected 0123456789abcdef" in line for line in errors(wrong))
    assert run("verify", str(bundle_path), "--expect-key", right).exit_code == 0
    assert run("verify", str(bundle_path), "--expect-key", "0123456789abcdef").exit_code == 1


def test_the_same_collection_gives_the_same_bytes(collection_path: Path, tmp_path: Path) -> None:
    with tellings.open(collection_path) as collection:
        first = collection.export_bundle(tmp_path / "one.zip")
        second = collection.export_bundle(tmp_path / "two.zip", exclude_sources=())
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    assert first.root_hash == second.root_hash and first.documents == 3
    manifest = json.loads(members(tmp_path / "one.zip")["manifest.json"])
    assert manifest["format"] == "tellings.bundle.v1"
    assert manifest["tree_size"] == first.tree_size and manifest["withheld"] == []
    listed = {row["path"] for row in manifest["files"]}
    assert listed == set(members(tmp_path / "one.zip")) - {"manifest.json"}


def test_a_bundle_needs_a_zip_name_and_known_sources(collection_path: Path, tmp_path: Path) -> None:
    result = run("--db", str(collection_path), "export", "bundle", "-o", str(tmp_path / "b.tar"))
    assert result.exit_code == 1 and ".zip" in result.output
    with tellings.open(collection_path) as collection, pytest.raises(NotFound):
        collection.export_bundle(tmp_path / "b.zip", exclude_sources=["Nobody Known"])
    assert not (tmp_path / "b.zip").exists()
    plain = tmp_path / "plain.txt"
    plain.write_text("text\n", encoding="utf-8")
    assert run("verify", str(plain)).exit_code == 2


# -- redaction ---------------------------------------------------------------------------


@pytest.fixture
def redacted_path(collection_path: Path) -> Path:
    path = collection_path.parent / "redacted.zip"
    result = run(
        "--db", str(collection_path), "export", "bundle", "-o", str(path), "--exclude-restricted"
    )
    assert result.exit_code == 0, result.output
    assert "leaf hashes only (1 documents left out)" in result.output
    return path


def _sealed_entries(collection_path: Path) -> tuple[str, set[int]]:
    """The sealed document's id and the positions of every entry that names it, its
    source or one of its claims."""
    with tellings.open(collection_path) as collection:
        sealed = collection.document("witness")
        names = {sealed.id, collection.source("Sealed Archive").id}
        names.update(c.id for c in collection.claims(document=sealed.id, measures=None))
        entries = collection.entries()
    return sealed.id, {e["seq"] for e in entries if any(n in json.dumps(e) for n in names)}


def test_a_redacted_bundle_verifies_and_holds_none_of_the_withheld_text(
    collection_path: Path, redacted_path: Path
) -> None:
    sealed_id, expected = _sealed_entries(collection_path)
    report = verify_bundle(redacted_path)
    assert report.ok, errors(report)
    assert report.originals == 2
    assert set(report.withheld) == expected
    kinds = {json.loads(line)["kind"] for line in _entries_of(collection_path, expected)}
    assert {"source.added", "source.updated", "document.added", "claim.added"} <= kinds
    assert {"event.renamed", "range.computed"} <= kinds
    found = members(redacted_path)
    assert json.loads(found["manifest.json"])["withheld"] == sorted(expected)
    for phrase in [*SEALED_PHRASES, SEALED_TITLE, sealed_id]:
        for name, data in found.items():
            assert phrase.encode("utf-8") not in data, (phrase, name)
            assert phrase not in name
    assert b"Quillfeather" not in redacted_path.read_bytes()
    result = run("verify", str(redacted_path))
    assert result.exit_code == 0 and f"{len(expected)} entries withheld" in result.output


def _entries_of(collection_path: Path, positions: set[int]) -> list[bytes]:
    return [entry for seq, entry, _ in ledger_rows(collection_path) if seq in positions]


def test_exclude_source_by_name_withholds_the_same(
    collection_path: Path, redacted_path: Path, tmp_path: Path
) -> None:
    with tellings.open(collection_path) as collection:
        summary = collection.export_bundle(
            tmp_path / "by-name.zip", exclude_sources=["sealed archive"]
        )
    assert summary.withheld_documents == 1
    assert (tmp_path / "by-name.zip").read_bytes() == redacted_path.read_bytes()


def test_a_withheld_entrys_hash_altered_fails(redacted_path: Path, tmp_path: Path) -> None:
    def alter(found: dict[str, bytes]) -> None:
        lines = found["ledger.jsonl"].split(b"\n")
        i = next(i for i, line in enumerate(lines) if b'"withheld":"' in line)
        start = lines[i].index(b'"withheld":"') + len(b'"withheld":"')
        digit = b"0" if lines[i][start : start + 1] != b"0" else b"1"
        lines[i] = lines[i][:start] + digit + lines[i][start + 1 :]
        found["ledger.jsonl"] = b"\n".join(lines)

    report = verify_bundle(rewrite(redacted_path, tmp_path / "bad.zip", alter))
    assert not report.ok
    assert any("file: ledger.jsonl: altered" in line for line in errors(report))

    def forge(found: dict[str, bytes]) -> None:
        alter(found)
        _with_manifest_updated(found)

    forged = verify_bundle(rewrite(redacted_path, tmp_path / "forged.zip", forge))
    assert any("no longer hash to the signed root" in line for line in errors(forged))


def test_a_redacted_bundle_imports_as_a_copy_with_hashes_only(
    redacted_path: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    report = import_bundle(redacted_path, db)
    assert report.how == "copied" and report.withheld > 0 and len(report.documents) == 2
    with tellings.open(db) as copy:
        checked = copy.verify()
        assert checked.ok, errors(checked)
        assert checked.withheld == list(verify_bundle(redacted_path).withheld)
        assert any("were withheld" in str(f) for f in checked.findings)
        assert [s.name for s in copy.sources()] == ["Example Monitor", "Example Wire"]
        with pytest.raises(tellings.TellingsError, match="withheld"):
            copy.proof(checked.withheld[0])
        copy.export_bundle(tmp_path / "again.zip")
    assert (tmp_path / "again.zip").read_bytes() == redacted_path.read_bytes()


def test_sources_are_restricted_through_sources_edit(collection_path: Path) -> None:
    db = str(collection_path)
    result = run("--db", db, "sources", "edit", "Example Wire", "--restricted")
    assert result.exit_code == 0 and "restricted" in result.output
    with tellings.open(collection_path) as collection:
        entry = collection.entries()[-1]
        assert entry["kind"] == "source.updated" and entry["data"]["restricted"] is True
        assert collection.verify().ok
    run("--db", db, "sources", "edit", "Example Wire", "--not-restricted")
    with tellings.open(collection_path) as collection:
        entry = collection.entries()[-1]
        assert "restricted" not in entry["data"]
        assert not collection.source("Example Wire").restricted
        assert collection.verify().ok


# -- import ------------------------------------------------------------------------------


def test_import_into_an_empty_collection_is_an_exact_read_only_copy(
    bundle_path: Path, collection_path: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    result = run("--db", str(db), "import", str(bundle_path))
    assert result.exit_code == 0, result.output
    assert ledger_rows(db) == ledger_rows(collection_path)
    with tellings.open(db) as copy, tellings.open(collection_path) as original:
        assert copy.verify().ok
        assert copy.key_id == original.key_id
        assert copy.store.checkpoints() == original.store.checkpoints()
        assert copy.store.dump_projection() == original.store.dump_projection()
        assert copy.original("field-note") == FIELD_NOTE.encode("utf-8")
        assert len(copy.events().events) == len(original.events().events)
    later = tmp_path / "later.txt"
    later.write_text("A later note for the tests: 4 people were detained.\n", encoding="utf-8")
    refused = run("--db", str(db), "ingest", str(later))
    assert refused.exit_code == 1 and "cannot record" in refused.output
    assert ledger_rows(db) == ledger_rows(collection_path)


def test_a_newer_bundle_extends_an_older_copy(collection_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    with tellings.open(collection_path) as collection:
        collection.export_bundle(tmp_path / "old.zip")
    import_bundle(tmp_path / "old.zip", db)
    extra = tmp_path / "later.txt"
    extra.write_text("A later note for the tests: 4 people were detained.\n", encoding="utf-8")
    with tellings.open(collection_path) as collection:
        collection.ingest([extra], meta=DocumentMeta(source="Example Wire"))
        collection.export_bundle(tmp_path / "new.zip")
    report = import_bundle(tmp_path / "new.zip", db)
    assert report.how == "extended" and len(report.documents) == 1
    assert ledger_rows(db) == ledger_rows(collection_path)
    with tellings.open(db) as copy:
        assert copy.verify().ok
    assert import_bundle(tmp_path / "old.zip", db).how == "unchanged"
    assert import_bundle(tmp_path / "new.zip", collection_path).how == "unchanged"


def test_a_copy_whose_history_differs_is_refused(bundle_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    import_bundle(bundle_path, db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE ledger SET leaf_hash = zeroblob(32) WHERE seq = 2")
    conn.close()
    before = ledger_rows(db)
    with pytest.raises(BundleRefused, match="differently from entry 2"):
        import_bundle(bundle_path, db)
    assert ledger_rows(db) == before


def test_import_into_another_collection_adds_documents_as_its_own_entries(
    bundle_path: Path, collection_path: Path, tmp_path: Path
) -> None:
    db = tmp_path / "mine.db"
    mine = tmp_path / "mine.txt"
    mine.write_text(WIRE_SUMMARY, encoding="utf-8")
    with tellings.open(db) as collection:
        collection.ingest([mine], meta=DocumentMeta(source="Example Wire", source_type="news"))
    before = ledger_rows(db)
    result = run("--db", str(db), "import", str(bundle_path))
    assert result.exit_code == 0, result.output
    assert "Added 2 documents" in result.output and "1 already here" in result.output
    after = ledger_rows(db)
    assert after[: len(before)] == before
    with tellings.open(db) as collection, tellings.open(collection_path) as theirs:
        assert collection.verify().ok
        assert collection.key_id != theirs.key_id
        evidence = collection.entries()[-1]
        assert evidence["kind"] == "bundle.imported"
        assert evidence["data"]["collection"] == theirs.ledger.origin
        assert evidence["data"]["checkpoint"] == theirs.store.checkpoints()[-1].note
        assert len(evidence["data"]["documents"]) == 2
        sealed = collection.source("Sealed Archive")
        assert sealed.restricted and sealed.reliability == "C"
        assert collection.original("witness") == SEALED_STATEMENT.encode("utf-8")
        assert collection.claims(document="witness")
    again = import_bundle(bundle_path, db)
    assert again.how == "merged" and again.documents == () and again.entries == 0
    assert ledger_rows(db)[: len(after)] == after


def test_a_bundle_that_fails_verification_is_refused_and_nothing_changes(
    bundle_path: Path, tmp_path: Path
) -> None:
    def change(found: dict[str, bytes]) -> None:
        found["ledger.jsonl"] = flip(found["ledger.jsonl"])

    bad = rewrite(bundle_path, tmp_path / "bad.zip", change)
    db = tmp_path / "fresh.db"
    result = run("--db", str(db), "import", str(bad))
    assert result.exit_code == 1
    assert "fails verification" in result.output and "ledger.jsonl" in result.output
    assert not db.exists()
    with tellings.open(db) as collection:
        collection.ingest([bundle_path.parent / "docs" / "field-note.txt"])
    before = ledger_rows(db)
    with pytest.raises(BundleRefused, match="not the expected"):
        import_bundle(bundle_path, db, expect_key="0123456789abcdef")
    assert run("--db", str(db), "import", str(bad)).exit_code == 1
    assert ledger_rows(db) == before


def test_a_copy_cannot_take_another_collections_bundle(
    bundle_path: Path, seeds_bundle: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    import_bundle(bundle_path, db)
    before = ledger_rows(db)
    with pytest.raises(BundleRefused, match="is a copy of"):
        import_bundle(seeds_bundle, db)
    assert ledger_rows(db) == before


def test_a_signing_collection_refuses_to_be_extended_with_withheld_entries(
    tmp_path: Path,
) -> None:
    note = tmp_path / "note.txt"
    note.write_text(FIELD_NOTE, encoding="utf-8")
    sealed = tmp_path / "witness.txt"
    sealed.write_text(SEALED_STATEMENT, encoding="utf-8")
    db = tmp_path / "c.db"
    with tellings.open(db) as collection:
        collection.ingest([note], meta=DocumentMeta(source="Example Monitor"))
    earlier = tmp_path / "earlier.db"
    earlier.write_bytes(db.read_bytes())
    with tellings.open(db) as collection:
        collection.ingest([sealed], meta=DocumentMeta(source="Sealed Archive"))
        collection.export_bundle(tmp_path / "r.zip", exclude_sources=["Sealed Archive"])
    before = ledger_rows(earlier)
    with pytest.raises(BundleRefused, match="cannot hold entries as hashes only"):
        import_bundle(tmp_path / "r.zip", earlier)
    assert ledger_rows(earlier) == before
    report = import_bundle(tmp_path / "r.zip", tmp_path / "copy.db")
    assert report.how == "copied" and report.withheld > 0


def test_entries_held_as_hashes_in_a_signing_collection_are_an_error(
    collection_path: Path,
) -> None:
    conn = sqlite3.connect(collection_path)
    with conn:
        conn.execute("UPDATE ledger SET kind = 'withheld', entry = X'' WHERE seq = 1")
    conn.close()
    with tellings.open(collection_path) as collection:
        report = collection.verify()
    assert any(
        "entry 1: is held as its leaf hash only, but this collection signs" in line
        for line in errors(report)
    ), errors(report)


# -- bundles signed by someone else: verified by the format alone -------------------------


def signed_bundle(path: Path, items: list[tuple[str, object]]) -> Path:
    """A bundle written from scratch with the ledger primitives and a new key, as another
    program following docs/bundle.md would write it."""
    key = SigningKey.generate()
    origin = "tellings/written-by-hand"
    genesis = {"origin": origin, "public_key": key.public_bytes().hex(), "key_id": key.key_id}
    entries = [
        canonical_json({"seq": seq, "kind": kind, "at": "2026-01-01T00:00:00Z", "data": data})
        for seq, (kind, data) in enumerate([("collection.created", genesis), *items])
    ]
    head = Checkpoint(
        origin, len(entries), root([leaf_hash(e) for e in entries]), "2026-01-01T00:00:00Z"
    )
    found = {
        LEDGER: b"".join(e + b"\n" for e in entries),
        KEY: key.public_bytes().hex().encode() + b"\n",
        f"checkpoints/{len(entries):012d}.txt": sign_checkpoint(key, head).encode(),
    }
    found[MANIFEST] = Manifest(
        origin,
        key_id(key.public_bytes()),
        len(entries),
        head.root.hex(),
        (),
        {n: (sha256_hex(d), len(d)) for n, d in found.items()},
    ).to_bytes()
    write_zip(path, found)
    return path


def test_a_bundle_written_by_another_program_verifies_and_imports(tmp_path: Path) -> None:
    source = {"id": "example-monitor", "name": "Example Monitor", "type": "ngo"}
    source |= {"affiliation": None, "reliability": None}
    path = signed_bundle(tmp_path / "hand.zip", [("source.added", source)])
    assert verify_bundle(path).ok, errors(verify_bundle(path))
    import_bundle(path, tmp_path / "copy.db")
    with tellings.open(tmp_path / "copy.db") as copy:
        assert copy.verify().ok
        assert [s.name for s in copy.sources()] == ["Example Monitor"]


def test_badly_formed_signed_entries_are_reported_not_crashed_on(tmp_path: Path) -> None:
    path = signed_bundle(
        tmp_path / "odd.zip",
        [("document.added", [1, 2]), ("claim.added", {"id": "x"}), ("source.added", "text")],
    )
    report = verify_bundle(path)
    assert not report.ok
    assert sorted(errors(report)) == [
        "ledger: entry 1: is not a well-formed 'document.added' entry",
        "ledger: entry 2: records a claim whose document is not shown",
        "ledger: entry 3: is not a well-formed 'source.added' entry",
    ]
    with pytest.raises(BundleRefused):
        import_bundle(path, tmp_path / "copy.db")


def test_a_signed_bundle_the_store_cannot_take_is_refused_whole(tmp_path: Path) -> None:
    source = {"id": "s", "name": "Example Monitor", "type": None}
    source |= {"affiliation": None, "reliability": None}
    path = signed_bundle(tmp_path / "twice.zip", [("source.added", source)] * 2)
    assert verify_bundle(path).ok
    with pytest.raises(BundleRefused, match="entry 2 of the bundle is not a well-formed"):
        import_bundle(path, tmp_path / "copy.db")
    assert ledger_rows(tmp_path / "copy.db") == []
