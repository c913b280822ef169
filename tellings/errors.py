"""Named errors with stable codes and messages a user can act on.

The CLI and the web layer translate these into exit codes and HTTP answers; the
library never prints.
"""

from __future__ import annotations


class TellingsError(Exception):
    """Base of every error tellings raises on purpose."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IngestError(TellingsError):
    """A file could not be taken into the collection; `reason` says why."""

    code = "ingest"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFormat(IngestError):
    code = "unsupported-format"


class UnreadableFile(IngestError):
    code = "unreadable"


class EmptyDocument(IngestError):
    code = "empty"


class BinaryFile(IngestError):
    code = "binary"


class EncryptedFile(IngestError):
    code = "encrypted"


class FileTooLarge(IngestError):
    code = "too-large"


class NoTextLayer(IngestError):
    code = "no-text-layer"


class BrokenDocument(IngestError):
    code = "broken"


class MissingPath(IngestError):
    code = "missing"


class ManifestError(TellingsError):
    """A manifest row that cannot be used; names the manifest, the row and why."""

    code = "manifest"

    def __init__(self, manifest: str, row: int, reason: str) -> None:
        super().__init__(f"{manifest}, row {row}: {reason}")
        self.manifest = manifest
        self.row = row
        self.reason = reason


class InvalidValue(TellingsError):
    """An option or field has a value tellings cannot use (a bad date, an unknown type)."""

    code = "invalid-value"


class NotFound(TellingsError):
    """No record with that identifier exists in the collection."""

    code = "not-found"


class LedgerTampered(TellingsError):
    """The ledger, the originals or the tables do not agree with the signed record."""

    code = "tampered"


class CollectionError(TellingsError):
    """The collection file cannot be opened or is not a tellings collection."""

    code = "collection"


class BadOutput(TellingsError):
    """An export cannot be written where asked: no such folder, a folder, the wrong suffix."""

    code = "bad-output"


class BundleRefused(TellingsError):
    """A bundle that cannot be used: it fails verification, or importing it would change
    what a collection already records; the message says which and why."""

    code = "bundle-refused"
