"""The verifiable bundle: a collection's signed record in one zip that anyone can check.

`write_bundle` writes one (optionally withholding sources' documents, kept as leaf
hashes only), `verify_bundle` checks one offline with nothing but the zip, and
`import_bundle` loads a verified one into a collection. See docs/bundle.md.
"""

from __future__ import annotations

from .check import Bundle, check_bundle, open_bundle, verify_bundle
from .layout import FORMAT, Manifest
from .load import ImportReport, import_bundle
from .redact import withheld_entries
from .write import BundleSummary, write_bundle

__all__ = [
    "FORMAT",
    "Bundle",
    "BundleSummary",
    "ImportReport",
    "Manifest",
    "check_bundle",
    "import_bundle",
    "open_bundle",
    "verify_bundle",
    "withheld_entries",
    "write_bundle",
]
