"""Commands for the verifiable bundle: export, verify and import."""

from __future__ import annotations

from pathlib import Path

import click

from ..bundle import import_bundle
from ..errors import TellingsError
from . import cli, console, opened
from .claims import export


@export.command("bundle")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="FILE.zip to write.",
)
@click.option(
    "--exclude-source",
    "exclude_sources",
    multiple=True,
    metavar="NAME",
    help="Withhold this source's documents (repeatable).",
)
@click.option(
    "--exclude-restricted",
    is_flag=True,
    help="Withhold the documents of every source marked restricted.",
)
@click.pass_context
def export_bundle(
    ctx: click.Context, output: Path, exclude_sources: tuple[str, ...], exclude_restricted: bool
) -> None:
    """The signed record in one zip that anyone can check offline with `tellings verify
    FILE.zip`: originals, texts, every ledger entry, the checkpoints, the public key and
    a manifest.

    Withheld documents leave nothing of themselves in the bundle: their entries (the
    document, its claims, anything quoting it) are kept as leaf hashes only, so the
    signed roots still prove the rest complete and unaltered.
    """
    with opened(ctx.find_root()) as collection:
        summary = collection.export_bundle(
            output, exclude_sources=exclude_sources, exclude_restricted=exclude_restricted
        )
    console.print(
        f"Wrote {summary.path} ({summary.size:,} bytes): {summary.tree_size} ledger entries "
        f"under root {summary.root_hash[:16]}…, {summary.documents} documents; key "
        f"{summary.key_id}",
        markup=False,
    )
    if summary.withheld:
        left_out = (
            f" ({summary.withheld_documents} documents left out)"
            if summary.withheld_documents
            else ""
        )
        console.print(
            f"{len(summary.withheld)} entries are in the bundle as leaf hashes only{left_out}"
        )


@cli.command("import")
@click.argument("bundle", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--expect-key", help="Refuse the bundle unless it is signed by this key id.")
@click.option(
    "--no-extract",
    is_flag=True,
    help="Into another collection: store the documents without extracting claims.",
)
@click.pass_context
def import_(ctx: click.Context, bundle: Path, expect_key: str | None, no_extract: bool) -> None:
    """Load a bundle (FILE.zip) into the collection, once it verifies.

    Into a new or empty collection: an exact copy (same entries, checkpoints and key;
    read-only, since a bundle carries no private key). Into the same collection's older
    copy: the entries it lacks. Into another collection: its documents as new entries,
    with the bundle's signed checkpoint kept as evidence. Nothing recorded is changed.
    """
    try:
        report = import_bundle(bundle, ctx.obj, expect_key=expect_key, extract=not no_extract)
    except TellingsError as exc:
        raise click.ClickException(exc.message) from exc
    withheld = f"; {report.withheld} of its entries are withheld" if report.withheld else ""
    if report.how == "copied":
        console.print(
            f"Imported {bundle} as a copy of {report.collection}: {report.entries} ledger "
            f"entries, {len(report.documents)} documents{withheld}. The copy can be read and "
            "verified but not changed.",
            markup=False,
        )
    elif report.how == "extended":
        console.print(
            f"Added {report.entries} ledger entries ({len(report.documents)} documents) of "
            f"{report.collection} from {bundle}{withheld}.",
            markup=False,
        )
    elif report.how == "unchanged":
        console.print(f"The collection already holds everything in {bundle}.", markup=False)
    else:
        console.print(
            f"Added {len(report.documents)} documents of {report.collection} from {bundle} "
            f"as {report.entries} new ledger entries ({len(report.present)} already here)"
            f"{withheld}.",
            markup=False,
        )
