"""The tables as the ledger says they should be: replaying entries into rows.

Every projected table of the store (sources, documents, ...) can be derived from the
ledger alone; `verify` compares this replay with what the store holds. Each entry
kind registers how it changes the expected rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Rows = dict[str, dict[str, dict[str, Any]]]
Replayer = Callable[[Rows, dict[str, Any]], None]

REPLAYERS: dict[str, Replayer] = {}


def replays(kind: str) -> Callable[[Replayer], Replayer]:
    """Register how entries of `kind` change the expected tables."""

    def register(func: Replayer) -> Replayer:
        REPLAYERS[kind] = func
        return func

    return register


def empty_rows() -> Rows:
    return {"sources": {}, "documents": {}, "claims": {}, "aliases": {}}


@replays("collection.created")
def _collection_created(rows: Rows, data: dict[str, Any]) -> None:
    return None


@replays("source.added")
@replays("source.updated")
def _source(rows: Rows, data: dict[str, Any]) -> None:
    fields = ("name", "type", "affiliation", "reliability")
    row = {f: data.get(f) for f in fields}
    # Written only when true, so entries of sources never restricted read as before.
    row["restricted"] = data.get("restricted") is True
    rows["sources"][data["id"]] = row


@replays("document.added")
def _document(rows: Rows, data: dict[str, Any]) -> None:
    rows["documents"][data["id"]] = {k: v for k, v in data.items() if k != "id"}


def compare(expected: Rows, actual: Rows) -> list[tuple[str, str, str]]:
    """(table, key, what differs) for each row where the store and the ledger disagree."""
    differences = []
    for table in sorted(set(expected) | set(actual)):
        want, have = expected.get(table, {}), actual.get(table, {})
        for key in sorted(set(want) - set(have)):
            differences.append((table, key, "row is missing from the table (deleted?)"))
        for key in sorted(set(have) - set(want)):
            differences.append((table, key, "row is in the table but not in the ledger (added?)"))
        for key in sorted(set(want) & set(have)):
            for field in sorted(set(want[key]) | set(have[key])):
                if want[key].get(field) != have[key].get(field):
                    differences.append(
                        (
                            table,
                            key,
                            f"{field} is {_short(have[key].get(field))} "
                            f"but the ledger says {_short(want[key].get(field))}",
                        )
                    )
    return differences


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@replays("claim.added")
def _claim_added(rows: Rows, data: dict[str, Any]) -> None:
    rows["claims"][data["id"]] = {k: v for k, v in data.items() if k != "id"}


@replays("claim.superseded")
def _claim_superseded(rows: Rows, data: dict[str, Any]) -> None:
    claim = rows["claims"].get(data["id"])
    if claim is not None:
        claim["superseded_by"] = data["by"]


@replays("alias.added")
def _alias_added(rows: Rows, data: dict[str, Any]) -> None:
    rows["aliases"][f"{data['entity_id']}|{data['alias']}"] = dict(data)


@replays("event.merged")
@replays("event.split")
@replays("event.renamed")
@replays("range.computed")
@replays("bundle.imported")
def _derived(rows: Rows, data: dict[str, Any]) -> None:
    """Corrections, ranges and imported bundles' evidence have no table of their own:
    events are derived from the claims and these entries each time they are read."""
    return None
