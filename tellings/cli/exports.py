"""Commands that export the record for other tools: `tellings export acled|geojson|
timelinejs|annotations|report`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..reconcile import RULES
from . import console, opened
from .claims import export

F = TypeVar("F", bound=Callable[..., Any])

rule_option = click.option(
    "--rule", type=click.Choice(sorted(RULES)), help="The range rule (default: the collection's)."
)
title_option = click.option("--title", help="The title (default: from the collection's file name).")


def output_option(help: str) -> Callable[[F], F]:
    """`-o/--output FILE`, required; `help` names the suffixes it takes."""
    return click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help=help)


@export.command("acled")
@output_option("FILE.csv.")
@click.pass_context
def export_acled(ctx: click.Context, output: Path) -> None:
    """One ACLED-like row per incident: fatalities by reconcile.conservative.v1, the
    sources' figures and their disagreement in notes."""
    with opened(ctx.find_root()) as collection:
        count = collection.export_acled(output)
    console.print(f"Wrote {count} events to {output}", markup=False)


@export.command("geojson")
@output_option("FILE.geojson or FILE.json.")
@rule_option
@click.pass_context
def export_geojson(ctx: click.Context, output: Path, rule: str | None) -> None:
    """Events with coordinates as a GeoJSON FeatureCollection, with low/best/high per
    measure."""
    with opened(ctx.find_root()) as collection:
        count = collection.export_geojson(output, rule=rule)
    console.print(f"Wrote {count} events to {output}", markup=False)


@export.command("timelinejs")
@output_option("FILE.json.")
@rule_option
@title_option
@click.pass_context
def export_timelinejs(
    ctx: click.Context, output: Path, rule: str | None, title: str | None
) -> None:
    """Dated events as a TimelineJS3 JSON file; uncertain dates become ranges."""
    with opened(ctx.find_root()) as collection:
        count = collection.export_timeline(output, rule=rule, title=title)
    console.print(f"Wrote {count} events to {output}", markup=False)


@export.command("annotations")
@output_option("FILE.jsonld or FILE.json.")
@click.option("--facts", is_flag=True, help="Include facts (area, distance, money, counts).")
@click.pass_context
def export_annotations(ctx: click.Context, output: Path, facts: bool) -> None:
    """Claims as W3C Web Annotations on their documents (JSON-LD), each with its quote
    and its offsets."""
    with opened(ctx.find_root()) as collection:
        count = collection.export_annotations(output, facts=facts)
    console.print(f"Wrote {count} annotations to {output}", markup=False)


@export.command("report")
@output_option("FILE.html.")
@rule_option
@title_option
@click.pass_context
def export_report(ctx: click.Context, output: Path, rule: str | None, title: str | None) -> None:
    """One self-contained HTML report that prints well: timeline, every event's accounts
    side by side with its range, sources and conflicts."""
    with opened(ctx.find_root()) as collection:
        count = collection.export_report(output, rule=rule, title=title)
    console.print(f"Wrote a report of {count} events to {output}", markup=False)
