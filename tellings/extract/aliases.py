"""Names users add to the gazetteer, as stored rows applied to a `Gazetteer`."""

from __future__ import annotations

from typing import Any

from .gazetteer import Entity, Gazetteer


def add_user_alias(gazetteer: Gazetteer, row: dict[str, Any]) -> None:
    """Apply one stored alias row: a new name for a known entity, or a new entity."""
    entity_id, alias = row["entity_id"], row["alias"]
    try:
        gazetteer.entity(entity_id)
    except KeyError:
        gazetteer.add(
            Entity(
                id=entity_id,
                kind=row.get("kind") or "place",
                name=row.get("name") or alias,
                aliases=(alias,),
                country=row.get("country"),
                lat=_number(row.get("lat")),
                lon=_number(row.get("lon")),
                parent=row.get("parent"),
                source="user",
            )
        )
    else:
        gazetteer.add_alias(entity_id, alias)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)
