"""The real accounts in ../shared/seeds go in whole, verify, and go in only once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tellings", *args], capture_output=True, text=True, check=False
    )


def test_seeds_ingest_verify_and_ingest_again_changes_nothing(
    shared_dir: Path, tmp_path: Path
) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    db = str(tmp_path / "seeds.db")
    first = run("--db", db, "ingest", str(shared_dir / "seeds"))
    assert first.returncode == 0, first.stderr
    assert f"{len(seeds)} added, 0 already present, 0 failed" in first.stdout
    checked = run("--db", db, "verify")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"{len(seeds)} originals" in checked.stdout
    before = Path(db).read_bytes()
    again = run("--db", db, "ingest", str(shared_dir / "seeds"))
    assert again.returncode == 0
    assert f"0 added, {len(seeds)} already present" in again.stdout
    listing = run("--db", db, "log", "--limit", "1000")
    assert listing.stdout.count("document.added") == len(seeds)
    assert run("--db", db, "verify").returncode == 0
    assert len(Path(db).read_bytes()) == len(before)
