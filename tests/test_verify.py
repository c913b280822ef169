"""`verify` catches each kind of tampering done directly to the SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import tellings
from tellings.ledger.checkpoint import SigningKey, key_id
from tellings.model import DocumentMeta
from tellings.verify import VerifyReport

REPORT_A = (
    "Report A, written for the tests.\n\n"
    "On 28 July 2009 security forces entered the camp; eleven residents were killed.\n"
)
REPORT_B = "Report B. A later statement put the toll of the April 2011 raid at 34.\n"
REPORT_C = "Report C. The camp covered about 36 square kilometres.\n"


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    """A collection file with three documents from two sources, closed again."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "b.txt").write_text(REPORT_B, encoding="utf-8")
    (folder / "c.md").write_text(REPORT_C, encoding="utf-8")
    path = tmp_path / "c.db"
    with tellings.open(path) as collection:
        report = collection.ingest(
            [folder / "a.txt", folder / "b.txt"],
            meta=DocumentMeta(source="Example Monitor", source_type="ngo"),
        )
        assert report.ok and len(report.added) == 2
        collection.ingest([folder / "c.md"], meta=DocumentMeta(source="Example Wire"))
        collection.edit_source("Example Wire", type="news", reliability="B")
    return path


def verify(path: Path) -> VerifyReport:
    with tellings.open(path) as collection:
        return collection.verify()


def tamper(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()


def errors(report: VerifyReport) -> list[str]:
    return [str(f) for f in report.findings if f.severity == "error"]


def test_untouched_collection_verifies(collection_path: Path) -> None:
    report = verify(collection_path)
    assert report.ok, errors(report)
    assert report.originals == 3
    assert report.entries >= 6  # creation, 2 sources, 3 documents, 1 edit
    assert report.checkpoints >= 3


def _flip_original_byte(path: Path) -> None:
    conn = sqlite3.connect(path)
    sha, data = conn.execute("SELECT sha256, data FROM originals ORDER BY sha256").fetchone()
    changed = bytearray(data)
    changed[10] ^= 0x01
    with conn:
        conn.execute("UPDATE originals SET data = ? WHERE sha256 = ?", (bytes(changed), sha))
    conn.close()


def _edit_row(path: Path) -> None:
    tamper(path, ("UPDATE documents SET title = 'Something else' WHERE name = 'a'", ()))


def _edit_text(path: Path) -> None:
    tamper(path, ("UPDATE documents SET text = REPLACE(text, 'eleven', 'twelve')", ()))


def _delete_source_row(path: Path) -> None:
    tamper(path, ("DELETE FROM sources WHERE name = 'Example Wire'", ()))


def _delete_ledger_row(path: Path) -> None:
    tamper(path, ("DELETE FROM ledger WHERE seq = 2", ()))


def _swap_ledger_rows(path: Path) -> None:
    conn = sqlite3.connect(path)
    rows = {
        seq: (kind, entry, leaf)
        for seq, kind, entry, leaf in conn.execute(
            "SELECT seq, kind, entry, leaf_hash FROM ledger WHERE seq IN (3, 4)"
        )
    }
    with conn:
        for seq, other in ((3, 4), (4, 3)):
            kind, entry, leaf = rows[other]
            conn.execute(
                "UPDATE ledger SET kind = ?, entry = ?, leaf_hash = ? WHERE seq = ?",
                (kind, entry, leaf, seq),
            )
    conn.close()


def _edit_ledger_entry(path: Path) -> None:
    tamper(
        path,
        (
            "UPDATE ledger SET entry = CAST(REPLACE(CAST(entry AS TEXT), "
            "'Example Monitor', 'Example Monitors') AS BLOB) WHERE seq = 1",
            (),
        ),
    )


def _insert_ledger_row(path: Path) -> None:
    conn = sqlite3.connect(path)
    (size,) = conn.execute("SELECT COUNT(*) FROM ledger").fetchone()
    entry = b'{"at":"2026-01-01T00:00:00Z","data":{},"kind":"note","seq":%d}' % size
    with conn:
        conn.execute(
            "INSERT INTO ledger (seq, kind, entry, leaf_hash) VALUES (?, 'note', ?, ?)",
            (size, entry, b"\x00" * 32),
        )
    conn.close()


def _replace_key(path: Path) -> None:
    key = SigningKey.generate()
    public = key.public_bytes()
    tamper(
        path,
        ("DELETE FROM signing_keys", ()),
        (
            "INSERT INTO signing_keys (key_id, public_key, private_key, created_at) "
            "VALUES (?, ?, ?, '2026-01-01T00:00:00Z')",
            (key_id(public), public, key.private_bytes()),
        ),
    )


def _delete_checkpoint(path: Path) -> None:
    tamper(path, ("DELETE FROM checkpoints WHERE size = (SELECT MAX(size) FROM checkpoints)", ()))


def _forge_checkpoint_note(path: Path) -> None:
    tamper(path, ("UPDATE checkpoints SET note = REPLACE(note, 'tellings/', 'tellingz/')", ()))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_flip_original_byte, "original"),
        (_edit_row, "title is 'Something else'"),
        (_edit_text, "text_sha256"),
        (_delete_source_row, "row is missing"),
        (_delete_ledger_row, "entry 2: missing"),
        (_swap_ledger_rows, "entry 3: says it is entry 4"),
        (_edit_ledger_entry, "entry 1: content no longer matches"),
        (_insert_ledger_row, "not covered by a signed checkpoint"),
        (_replace_key, "the key was replaced"),
        (_delete_checkpoint, "not covered by a signed checkpoint"),
        (_forge_checkpoint_note, "signature does not verify"),
    ],
)
def test_tampering_is_caught(
    collection_path: Path, change: Callable[[Path], None], expected: str
) -> None:
    change(collection_path)
    report = verify(collection_path)
    assert not report.ok
    found = errors(report)
    assert any(expected in line for line in found), found


def test_expected_key_is_checked(collection_path: Path) -> None:
    with tellings.open(collection_path) as collection:
        right = collection.key_id
        assert collection.verify(expect_key=right).ok
        report = collection.verify(expect_key="0000000000000000")
    assert any("not the expected" in line for line in errors(report))
