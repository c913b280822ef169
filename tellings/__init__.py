"""tellings: many tellings of the same events, one sourced and verifiable record."""

from __future__ import annotations

__version__ = "0.1.0"

from .collection import Collection, open
from .errors import TellingsError

__all__ = ["Collection", "TellingsError", "__version__", "open"]
