"""Storage: one interface, an SQLite file as the embedded default."""

from __future__ import annotations

from pathlib import Path

from .base import CheckpointRow, KeyRow, LedgerRow, SearchHit, Store
from .sqlite import SQLiteStore

__all__ = [
    "CheckpointRow",
    "KeyRow",
    "LedgerRow",
    "SQLiteStore",
    "SearchHit",
    "Store",
    "open_store",
]


def open_store(location: str | Path) -> Store:
    """Open the store at `location` (a file path: SQLite) and bring its schema up to date."""
    store = SQLiteStore(location)
    store.migrate()
    return store
