"""The front door: `tellings.open()` gives a `Collection`."""

from __future__ import annotations

from .claims import ExtractionReport
from .core import Collection, Status, open
from .records import IngestProgress

__all__ = ["Collection", "ExtractionReport", "IngestProgress", "Status", "open"]
