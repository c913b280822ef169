"""Commands for more export formats."""

from __future__ import annotations
