"""What a batch of files is and how it went: the walk over paths and the outcomes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..model import DocumentMeta

Status = Literal["added", "present", "failed"]


@dataclass(frozen=True)
class IngestItem:
    """One file to ingest, with the metadata given for it."""

    path: Path
    meta: DocumentMeta
    origin: str = ""  # where the item came from: "" for a path, "manifest.csv, row 3"


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one file: added, already present, or failed with a reason."""

    path: str
    status: Status
    document_id: str | None = None
    reason: str | None = None
    notes: tuple[str, ...] = ()


@dataclass
class IngestReport:
    """The outcomes of a batch, in the order the files were taken."""

    outcomes: list[IngestOutcome] = field(default_factory=list)

    def add(self, outcome: IngestOutcome) -> None:
        self.outcomes.append(outcome)

    def by_status(self, status: Status) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def added(self) -> list[IngestOutcome]:
        return self.by_status("added")

    @property
    def present(self) -> list[IngestOutcome]:
        return self.by_status("present")

    @property
    def failed(self) -> list[IngestOutcome]:
        return self.by_status("failed")

    @property
    def ok(self) -> bool:
        return not self.failed


def walk(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each path given, and every file below each folder given, in a stable order.

    Hidden files and folders (names starting with a dot) inside folders are passed
    over; a path that does not exist is yielded as it is so the batch reports it.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if child.is_file():
                    yield child
        else:
            yield path
