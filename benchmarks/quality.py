"""Extraction quality: tellings' rules against a plain-regex baseline, on scored documents.

Ingests a folder of documents into a fresh collection, exports its claims, builds the
baseline's claims from the same stored texts, and scores both with the scorer in
../shared/tools/score_claims.py against a gold file.

    python benchmarks/quality.py                       # the seeds and their gold claims
    python benchmarks/quality.py --docs DIR --gold GOLD.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import tellings

SHARED = Path(__file__).resolve().parents[2] / "shared"

# The baseline: a digit count within three words of a harm word, taken as an exact figure.
BASELINE = re.compile(
    r"\b(?P<n>\d[\d,]*)\s+(?:[\w()’'-]+\s+){0,3}?(?:were\s+|was\s+|have\s+been\s+)?"
    r"(?P<harm>killed|murdered|dead|deaths|died|wounded|injured|abducted|kidnapped|"
    r"hostages?|detained|arrested|relocated|displaced|casualties)\b",
    re.IGNORECASE,
)
BASELINE_MEASURE = {
    "killed": "killed",
    "murdered": "killed",
    "dead": "killed",
    "deaths": "killed",
    "died": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "abducted": "abducted",
    "kidnapped": "abducted",
    "hostage": "abducted",
    "hostages": "abducted",
    "detained": "detained",
    "arrested": "detained",
    "relocated": "displaced",
    "displaced": "displaced",
    "casualties": "other",
}


def baseline_claims(collection: tellings.Collection) -> list[dict[str, object]]:
    rows = []
    for listed in collection.documents():
        document = collection.store.get_document(listed.id)
        assert document is not None
        for match in BASELINE.finditer(document.text):
            value = int(match.group("n").replace(",", ""))
            if 1900 <= value <= 2100:
                continue
            rows.append(
                {
                    "doc": document.name,
                    "event": None,
                    "event_date": None,
                    "measure": BASELINE_MEASURE[match.group("harm").lower()],
                    "low": value,
                    "high": value,
                    "quote": match.group(0),
                    "start": match.start(),
                    "end": match.end(),
                }
            )
    return rows


def score(gold: Path, pred: Path, docs: Path) -> dict[str, object]:
    out = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_claims.py"),
            "--gold",
            str(gold),
            "--pred",
            str(pred),
            "--docs",
            str(docs),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=SHARED / "seeds")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "seeds.claims.jsonl")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = Path(tmp) / "tellings.jsonl", Path(tmp) / "baseline.jsonl"
        with tellings.open(Path(tmp) / "q.db") as collection:
            collection.ingest([args.docs])
            collection.export_claims(ours)
            theirs.write_text(
                "".join(json.dumps(r) + "\n" for r in baseline_claims(collection)), encoding="utf-8"
            )
        print(
            "| extractor | precision | recall | F1 | matched / predicted / gold | "
            "quotes in place | event pairs F1 |"
        )
        print("|---|---|---|---|---|---|---|")
        for name, pred in (("tellings rules", ours), ("plain-regex baseline", theirs)):
            result = score(args.gold, pred, args.docs)
            c = result["claims"]
            e = result["event_clustering"]
            p = result["provenance"]
            assert isinstance(c, dict) and isinstance(e, dict) and isinstance(p, dict)
            print(
                f"| {name} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} | "
                f"{c['tp']} / {c['pred']} / {c['gold']} | {p['correct']}/{p['checked']} | "
                f"{e['f1']:.3f} |"
            )


if __name__ == "__main__":
    main()
