"""The command line as a user meets it: output, exit codes, --db and TELLINGS_DB."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tellings.cli import cli

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def examples_db(tmp_path: Path, runner: CliRunner) -> Path:
    """A collection built from the project's example documents through their manifest."""
    db = tmp_path / "examples.db"
    result = runner.invoke(
        cli, ["--db", str(db), "ingest", "--manifest", str(EXAMPLES / "manifest.csv")]
    )
    assert result.exit_code == 0, result.output
    return db


def test_examples_go_in_through_their_manifest(examples_db: Path, runner: CliRunner) -> None:
    status = runner.invoke(cli, ["--db", str(examples_db), "status"])
    assert status.exit_code == 0
    assert "8 documents" in status.output
    listing = runner.invoke(cli, ["--db", str(examples_db), "documents"])
    for fmt in ("text", "html", "pdf"):
        assert fmt in listing.output
    sources = runner.invoke(cli, ["--db", str(examples_db), "sources"])
    assert "Tigris Wire" in sources.output and "affiliated" in sources.output
    verified = runner.invoke(cli, ["--db", str(examples_db), "verify"])
    assert verified.exit_code == 0 and verified.output.startswith("OK")


def test_ingest_failures_are_listed_and_exit_non_zero(tmp_path: Path, runner: CliRunner) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Nine residents were wounded on 7 January 2011.\n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    result = runner.invoke(
        cli,
        [
            "--db",
            str(tmp_path / "c.db"),
            "ingest",
            str(good),
            str(binary),
            str(tmp_path / "gone.pdf"),
        ],
    )
    assert result.exit_code == 1
    assert "1 added, 0 already present, 2 failed" in result.output
    assert f"failed  {binary}: " in result.output
    assert f"failed  {tmp_path / 'gone.pdf'}: no such file" in result.output


def test_bad_published_date_is_refused_before_anything_is_written(
    tmp_path: Path, runner: CliRunner
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Some text.\n", encoding="utf-8")
    db = tmp_path / "c.db"
    result = runner.invoke(cli, ["--db", str(db), "ingest", "--published", "2009-02-30", str(doc)])
    assert result.exit_code != 0
    assert "2009-02-30" in result.output
    listing = runner.invoke(cli, ["--db", str(db), "documents"])
    assert "a.txt" not in listing.output and "│ a " not in listing.output


def test_db_option_and_environment(tmp_path: Path, runner: CliRunner) -> None:
    db = tmp_path / "from-env.db"
    result = runner.invoke(cli, ["init"], env={"TELLINGS_DB": str(db)})
    assert result.exit_code == 0 and db.exists()
    assert "key" in result.output
    missing_folder = tmp_path / "nowhere" / "c.db"
    result = runner.invoke(cli, ["--db", str(missing_folder), "status"])
    assert result.exit_code != 0 and "does not exist" in result.output


def test_sources_edit_and_documents_show(examples_db: Path, runner: CliRunner) -> None:
    db = ["--db", str(examples_db)]
    edited = runner.invoke(
        cli, [*db, "sources", "edit", "tigris wire", "--reliability", "C", "--affiliation", "none"]
    )
    assert edited.exit_code == 0, edited.output
    assert "reliability C" in edited.output
    bad = runner.invoke(cli, [*db, "sources", "edit", "Tigris Wire", "--reliability", "Q"])
    assert bad.exit_code != 0 and "Admiralty" in bad.output
    shown = runner.invoke(cli, [*db, "documents", "show", "press_wire_2015_liberty_rockets"])
    assert shown.exit_code == 0
    assert "ingest.html.v1" in shown.output and "Tigris Wire" in shown.output


def test_original_bytes_come_back_exactly(
    examples_db: Path, runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "copy.pdf"
    result = runner.invoke(
        cli,
        [
            "--db",
            str(examples_db),
            "documents",
            "original",
            "ngo_briefing_2014_camp_liberty",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == (EXAMPLES / "ngo_briefing_2014_camp_liberty.pdf").read_bytes()


def test_proof_checks_offline_in_a_fresh_process(
    examples_db: Path, runner: CliRunner, tmp_path: Path
) -> None:
    proof_file = tmp_path / "proof.json"
    result = runner.invoke(cli, ["--db", str(examples_db), "proof", "4", "-o", str(proof_file)])
    assert result.exit_code == 0, result.output
    # Checked by a separate process, in a folder with no collection in it.
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(proof_file, alone / "proof.json")
    checked = subprocess.run(
        [sys.executable, "-m", "tellings", "check-proof", "proof.json"],
        cwd=alone,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "valid" in checked.stdout
    assert not (alone / "tellings.db").exists()
    data = json.loads(proof_file.read_text(encoding="utf-8"))
    data["entry"] = data["entry"].replace('"seq":4', '"seq":5')
    (alone / "forged.json").write_text(json.dumps(data), encoding="utf-8")
    forged = subprocess.run(
        [sys.executable, "-m", "tellings", "check-proof", "forged.json"],
        cwd=alone,
        capture_output=True,
        text=True,
        check=False,
    )
    assert forged.returncode != 0


def test_verify_reports_tampering_with_a_non_zero_exit(
    examples_db: Path, runner: CliRunner
) -> None:
    import sqlite3

    conn = sqlite3.connect(examples_db)
    with conn:
        conn.execute("UPDATE sources SET reliability = 'A' WHERE name = 'Tigris Wire'")
    conn.close()
    result = runner.invoke(cli, ["--db", str(examples_db), "verify", "--json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False
    assert any("reliability" in f["what"] for f in report["findings"])


def test_log_lists_entries(examples_db: Path, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--db", str(examples_db), "log", "--limit", "5000"])
    assert result.exit_code == 0
    assert "collection.created" in result.output
    assert result.output.count("document.added") == 8


def _run_on_a_terminal(args: list[str]) -> str:
    """Run the command with a pseudo-terminal as its output; return what it wrote."""
    import os
    import pty

    primary, secondary = pty.openpty()
    env = dict(os.environ, COLUMNS="100", TERM="xterm")
    process = subprocess.Popen(
        [sys.executable, "-m", "tellings", *args], stdout=secondary, stderr=secondary, env=env
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_progress_bar_on_a_terminal_and_plain_lines_elsewhere(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for n in range(30):
        (folder / f"d{n:02d}.txt").write_text(
            f"Report {n}. On 3 May 2012 gunmen killed {n + 2} guards.\n" * 60, encoding="utf-8"
        )
    shown = _run_on_a_terminal(["--db", str(tmp_path / "t.db"), "ingest", str(folder)])
    assert "Ingesting" in shown
    assert "30 added" in shown
    plain = subprocess.run(
        [sys.executable, "-m", "tellings", "--db", str(tmp_path / "p.db"), "ingest", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Ingesting" not in plain.stdout + plain.stderr
    assert "\x1b[" not in plain.stdout
    assert "30 added" in plain.stdout
