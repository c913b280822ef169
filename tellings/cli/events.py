"""Commands about events: the timeline, one event side by side, conflicts, corrections."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from ..events import in_span
from ..model import figure_text as _num
from ..reconcile import RULES, Account, credibility
from ..resolve import Event, canonical_date
from . import cli, console, opened
from .claims import export


def _date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value if len(value) > 7 else f"{value}-01"[:10])
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


@cli.group(invoke_without_command=True)
@click.option("--from", "start", help="Only events that can fall on or after this date.")
@click.option("--to", "end", help="Only events that can fall on or before this date.")
@click.option("--place", help="Only events at a place whose name contains this.")
@click.option("--type", "event_type", help="Only events of this type (attack, raid, ...).")
@click.pass_context
def events(
    ctx: click.Context,
    start: str | None,
    end: str | None,
    place: str | None,
    event_type: str | None,
) -> None:
    """The timeline of events; `events merge|split|rename` correct it."""
    if ctx.invoked_subcommand is not None:
        return
    lower, upper = _date_option(start), _date_option(end)
    with opened(ctx) as collection:
        book = collection.events()
        rule = collection.reconcile_rule
        table = Table("event", "date", "kind", "title", "claims", "killed (low–best–high)")
        for event in book.events:
            if not in_span(event, lower, upper) and (lower or upper):
                continue
            if place and not any(place.lower() in (c.place or "").lower() for c in event.claims):
                continue
            if event_type and not any(c.event_type == event_type for c in event.claims):
                continue
            killed = [r for r in book.ranges(event, rule) if r.measure == "killed"]
            table.add_row(
                event.id,
                _shown_date(event),
                event.kind,
                book.title(event),
                str(len(event.claims)),
                _range(killed[0]) if killed else "",
            )
    console.print(table)
    console.print(f"Ranges by {rule}.")


def _shown_date(event: Event) -> str:
    date = canonical_date(event)
    if date is None:
        return "undated"
    return date.replace("/", " – ")


def _range(found: Any) -> str:
    parts = [_num(found.low), _num(found.best), _num(found.high) if found.high is not None else "∞"]
    return "–".join(parts)


@events.command("merge")
@click.argument("target")
@click.argument("other")
@click.pass_context
def events_merge(ctx: click.Context, target: str, other: str) -> None:
    """Join event OTHER into TARGET (kept through re-extraction)."""
    with opened(ctx.find_root()) as collection:
        kept = collection.merge_events(target, other)
    console.print(f"Merged into {kept}")


@events.command("split")
@click.argument("event")
@click.argument("claims", nargs=-1, required=True)
@click.pass_context
def events_split(ctx: click.Context, event: str, claims: tuple[str, ...]) -> None:
    """Take CLAIMS (ids or id prefixes) out of EVENT into a new event."""
    with opened(ctx.find_root()) as collection:
        new = collection.split_event(event, list(claims))
    console.print(f"Split into {new}")


@events.command("rename")
@click.argument("event")
@click.argument("title")
@click.pass_context
def events_rename(ctx: click.Context, event: str, title: str) -> None:
    """Give EVENT a title."""
    with opened(ctx.find_root()) as collection:
        collection.rename_event(event, title)
    console.print(f"Renamed {event}")


@cli.command()
@click.argument("event")
@click.option(
    "--rule", type=click.Choice(sorted(RULES)), help="The range rule (default: the collection's)."
)
@click.option("--record", is_flag=True, help="Record the ranges and their inputs in the ledger.")
@click.pass_context
def show(ctx: click.Context, event: str, rule: str | None, record: bool) -> None:
    """One event: every account side by side per measure, conflicts, and the range."""
    with opened(ctx) as collection:
        book = collection.events()
        found = book.event(event)
        rule = rule or collection.reconcile_rule
        ranges = collection.record_ranges(found, rule) if record else book.ranges(found, rule)
        accounts = book.accounts(found)
        clashes = book.conflicts(found)
    console.print(f"{found.id}  {book.title(found)}")
    console.print(f"  date {_shown_date(found)}; accounts date it: {', '.join(found.dates) or '-'}")
    if found.children:
        inside = ", ".join(
            f"{c} ({book.title(book.by_id[c])})" for c in found.children if c in book.by_id
        )
        console.print(f"  events inside this period: {inside}", markup=False)
    in_conflict = {c.a.claim.id for c in clashes} | {c.b.claim.id for c in clashes}
    for measure_range in ranges:
        table = Table(
            "source",
            "type",
            "affiliation",
            "rel.",
            "cred.",
            "published",
            "figure",
            "quote",
            title=f"{measure_range.measure}: {_range(measure_range)} "
            f"(low–best–high, {measure_range.rule})",
        )
        for account in sorted(accounts, key=lambda a: (a.published or "", a.claim.id)):
            if account.claim.measure != measure_range.measure:
                continue
            table.add_row(*_account_row(account, accounts, account.claim.id in in_conflict))
        console.print(table)
    for clash in clashes:
        console.print(f"  CONFLICT ({clash.measure}): {clash.why}", markup=False)


def _account_row(account: Account, accounts: list[Account], conflicted: bool) -> list[str]:
    source = account.source
    claim = account.claim
    figure = (
        _num(claim.low)
        if claim.high == claim.low
        else (
            f"{_num(claim.low)}+" if claim.high is None else f"{_num(claim.low)}–{_num(claim.high)}"
        )
    )
    return [
        source.name if source else "",
        (source.type or "") if source else "",
        (source.affiliation or "") if source else "",
        (source.reliability or "") if source else "",
        str(credibility(account, accounts)),
        account.published or "",
        ("[red]" + figure + " ✗[/red]") if conflicted else figure,
        claim.quote,
    ]


@cli.command()
@click.option("--explain", is_flag=True, help="Say why each pair conflicts.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
def conflicts(ctx: click.Context, explain: bool, fmt: str) -> None:
    """Every disagreement between accounts of one event and measure, most serious first."""
    with opened(ctx) as collection:
        book = collection.events()
        found = sorted(
            ((event, clash) for event in book.events for clash in book.conflicts(event)),
            key=lambda pair: -pair[1].gap,
        )
    if fmt == "json":
        click.echo(
            json.dumps([book.conflict_record(e, c) for e, c in found], ensure_ascii=False, indent=2)
        )
        return
    for event, clash in found:
        console.print(
            f"{event.id}  {clash.measure}: {clash.a.claim.quote!r} vs "
            f"{clash.b.claim.quote!r}  ({book.title(event)})",
            markup=False,
        )
        if explain:
            console.print(f"    {clash.why}", markup=False)
    console.print(f"{len(found)} conflicts")


@export.command("events")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="FILE.csv or FILE.json.",
)
@click.option(
    "--rule", type=click.Choice(sorted(RULES)), help="The range rule (default: the collection's)."
)
@click.pass_context
def export_events(ctx: click.Context, output: Path, rule: str | None) -> None:
    """One row per event and measure: dates, place, low/best/high and the rule."""
    with opened(ctx.find_root()) as collection:
        count = collection.export_events(output, rule=rule)
    console.print(f"Wrote {count} rows to {output}")
