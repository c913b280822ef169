"""Commands for the ledger: verify, proofs, the log, checkpoints."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..bundle import verify_bundle
from ..errors import TellingsError
from ..ledger.proof import InclusionProof, check_inclusion_proof
from . import cli, console, opened


@cli.command()
@click.argument(
    "bundle", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--expect-key", help="Fail unless the collection is signed by this key id.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def verify(ctx: click.Context, bundle: Path | None, expect_key: str | None, as_json: bool) -> None:
    """Check originals, ledger, checkpoints and tables against the signed record.

    Given BUNDLE (a .zip from `tellings export bundle`), check it offline instead, with
    no collection: every file, entry, checkpoint and original against the signed roots.
    """
    if bundle is not None:
        if bundle.suffix.lower() != ".zip":
            raise click.UsageError(f"{bundle}: a bundle is a .zip file")
        report = verify_bundle(bundle, expect_key=expect_key)
    else:
        with opened(ctx) as collection:
            report = collection.verify(expect_key=expect_key)
    if as_json:
        console.print_json(
            json.dumps(
                {
                    "ok": report.ok,
                    "key_id": report.key_id,
                    "entries": report.entries,
                    "checkpoints": report.checkpoints,
                    "originals": report.originals,
                    "original_bytes": report.original_bytes,
                    "seconds": round(report.seconds, 3),
                    "withheld": report.withheld,
                    "findings": [f.__dict__ for f in report.findings],
                }
            )
        )
    else:
        for finding in report.findings:
            style = "red" if finding.severity == "error" else "yellow"
            console.print(f"[{style}]{finding.severity.upper()}[/{style}] ", end="")
            console.print(str(finding), markup=False)
        verdict = "OK" if report.ok else "FAILED"
        console.print(
            f"{verdict}: {report.entries} ledger entries, {report.checkpoints} checkpoints, "
            f"{report.originals} originals ({report.original_bytes:,} bytes) checked in "
            f"{report.seconds:.2f} s; key {report.key_id}"
            + (f"; {len(report.withheld)} entries withheld" if report.withheld else "")
        )
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("entry", type=int)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the proof to this file instead of printing it.",
)
@click.pass_context
def proof(ctx: click.Context, entry: int, output: Path | None) -> None:
    """An inclusion proof of ledger ENTRY that `tellings check-proof` checks offline."""
    with opened(ctx) as collection:
        result = collection.proof(entry)
    text = json.dumps(result.to_json(), indent=2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
        console.print(f"Wrote the proof of entry {entry} to {output}")
    else:
        click.echo(text)


@cli.command("check-proof")
@click.argument("proof_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def check_proof(proof_file: Path) -> None:
    """Check an inclusion proof file offline, without any collection."""
    try:
        data = json.loads(proof_file.read_text(encoding="utf-8"))
        check_inclusion_proof(InclusionProof.from_json(data))
    except (ValueError, KeyError, TypeError) as exc:
        raise click.ClickException(f"{proof_file}: not a tellings proof ({exc})") from exc
    except TellingsError as exc:
        raise click.ClickException(f"{proof_file}: {exc.message}") from exc
    console.print(
        f"{proof_file}: valid: entry {data['index']} is in the signed tree of "
        f"{data['size']} entries"
    )


@cli.command()
@click.option("--from", "start", type=int, default=0, help="First entry to show.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.pass_context
def log(ctx: click.Context, start: int, limit: int) -> None:
    """The ledger's entries, oldest first."""
    with opened(ctx) as collection:
        entries = collection.entries(start, limit)
    for entry in entries:
        data = entry.get("data", {})
        label = data.get("filename") or data.get("name") or data.get("origin") or ""
        console.print(
            f"{entry['seq']:>6}  {entry['at'] or '-':<20}  {entry['kind']:<18} {label}",
            markup=False,
        )


@cli.command()
@click.pass_context
def checkpoint(ctx: click.Context) -> None:
    """Sign the ledger's current tree head (ingest and edits do this themselves)."""
    with opened(ctx) as collection:
        row = collection.checkpoint()
    if row is None:
        console.print("The last checkpoint already covers the whole ledger.")
    else:
        console.print(f"Signed the tree head at size {row.size}: {row.root.hex()}")
