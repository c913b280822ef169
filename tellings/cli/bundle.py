"""Commands for the verifiable bundle: export, verify and import."""

from __future__ import annotations
