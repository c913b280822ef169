"""The web UI: server-rendered pages, the JSON API and the charts they draw."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
