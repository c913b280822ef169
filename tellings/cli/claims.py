"""Commands for claims: extract, list, export, and the names the gazetteer knows."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.table import Table

from ..model import PEOPLE_MEASURES
from . import cli, console, opened


@cli.command()
@click.argument("refs", nargs=-1)
@click.option("--all", "all_documents", is_flag=True, help="Every document in the collection.")
@click.pass_context
def extract(ctx: click.Context, refs: tuple[str, ...], all_documents: bool) -> None:
    """(Re-)extract claims from documents (DOC: id prefix, name or file name).

    New claims are added and claims the extractor no longer finds are marked superseded;
    both are ledger entries, nothing is overwritten.
    """
    if not refs and not all_documents:
        raise click.UsageError("name documents to extract, or give --all")
    with opened(ctx) as collection:
        report = collection.extract(None if all_documents else list(refs))
    console.print(
        f"{report.documents} documents read: {report.added} claims added, "
        f"{report.superseded} superseded"
    )


@cli.command()
@click.option("--doc", "document", help="Only this document (id prefix, name or file name).")
@click.option("--measure", "measures", multiple=True, help="Only this measure (repeatable).")
@click.option("--event", help="Only claims of this event.")
@click.option("--facts", is_flag=True, help="Include facts (area, distance, money, counts).")
@click.option("--superseded", is_flag=True, help="Include superseded claims.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def claims(
    ctx: click.Context,
    document: str | None,
    measures: tuple[str, ...],
    event: str | None,
    facts: bool,
    superseded: bool,
    as_json: bool,
) -> None:
    """List claims: figure, measure, date, place and the exact quote."""
    with opened(ctx) as collection:
        wanted = list(measures) or (None if facts else list(PEOPLE_MEASURES))
        found = collection.claims(
            document=document, measures=wanted, event=event, current=not superseded
        )
        names = {d.id: d.name for d in collection.documents()}
    if as_json:
        for claim in found:
            click.echo(json.dumps(claim.to_json(), ensure_ascii=False))
        return
    table = Table("document", "measure", "figure", "date", "place", "quote", "rule")
    for claim in found:
        table.add_row(
            names.get(claim.document_id, claim.document_id[:12]),
            claim.measure,
            _figure(claim.low, claim.high, claim.qualifier),
            claim.event_date or "",
            claim.place or "",
            claim.quote,
            claim.rule,
        )
    console.print(table)
    console.print(f"{len(found)} claims")


def _figure(low: float, high: float | None, qualifier: str) -> str:
    if high is None:
        return f"{low:g}+"
    if low == high:
        return f"{low:g}"
    return f"{low:g}–{high:g}" + (" ~" if qualifier == "approx" else "")


@cli.group()
def export() -> None:
    """Write the record in other formats."""


@export.command("claims")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="FILE.jsonl (the gold schema) or FILE.csv.",
)
@click.option("--facts", is_flag=True, help="Include facts (area, distance, money, counts).")
@click.pass_context
def export_claims(ctx: click.Context, output: Path, facts: bool) -> None:
    """Claims in the gold schema, plus start, end, rule and source."""
    with opened(ctx.find_root()) as collection:
        count = collection.export_claims(output, facts=facts)
    console.print(f"Wrote {count} claims to {output}")


@cli.group(invoke_without_command=True)
@click.pass_context
def aliases(ctx: click.Context) -> None:
    """Names added to the gazetteer; `aliases add` and `aliases import` add more."""
    if ctx.invoked_subcommand is None:
        with opened(ctx) as collection:
            rows = collection.aliases()
        table = Table("entity", "alias", "kind", "country", "lat", "lon")
        for row in rows:
            table.add_row(
                row["entity_id"],
                row["alias"],
                row["kind"] or "",
                row["country"] or "",
                str(row["lat"] or ""),
                str(row["lon"] or ""),
            )
        console.print(table)


@aliases.command("add")
@click.argument("entity")
@click.argument("alias")
@click.option("--kind", help="For a new entity: place, camp, force, militia, party, ...")
@click.option("--name", help="For a new entity: its canonical name (default: the alias).")
@click.option("--country", help="ISO 3166 alpha-2 code.")
@click.option("--lat", type=float)
@click.option("--lon", type=float)
@click.option("--parent", help="The entity this one lies in (a place id).")
@click.pass_context
def aliases_add(
    ctx: click.Context,
    entity: str,
    alias: str,
    kind: str | None,
    name: str | None,
    country: str | None,
    lat: float | None,
    lon: float | None,
    parent: str | None,
) -> None:
    """Add ALIAS as a name of ENTITY (an id; a new id makes a new entity).

    Run `tellings extract --all` afterwards to read the documents again.
    """
    with opened(ctx.find_root()) as collection:
        row = collection.add_alias(
            entity, alias, kind=kind, name=name, country=country, lat=lat, lon=lon, parent=parent
        )
    console.print(f"{row['alias']!r} now names {row['entity_id']}", markup=False)


@aliases.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def aliases_import(ctx: click.Context, file: Path) -> None:
    """Add every name in a YAML or CSV gazetteer file (columns: id, kind, name, aliases
    separated by '|', country, lat, lon, parent)."""
    with opened(ctx.find_root()) as collection:
        added = collection.import_aliases(file)
    console.print(f"Added {added} names from {file}")
