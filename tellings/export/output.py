"""Where exports go: the output path checked before any work, and written whole or not at all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from ..errors import BadOutput


def check_output(path: str | Path, suffixes: Sequence[str] = (), *, what: str = "export") -> Path:
    """`path` as a `Path` when an export can be written there; raises `BadOutput` naming
    the file when its folder is missing, it is a folder, or its suffix is not one of
    `suffixes` (any suffix when empty)."""
    path = Path(path)
    if path.is_dir():
        raise BadOutput(f"{path}: is a folder; give a file name for the {what}")
    parent = path.parent
    if not parent.is_dir():
        raise BadOutput(f"{path}: the folder {parent} does not exist")
    if suffixes and path.suffix.lower() not in suffixes:
        wanted = " or ".join(suffixes)
        raise BadOutput(
            f"{path}: the {what} is written as {wanted}; give a name ending in {wanted}"
        )
    return path


def write_output(path: Path, write: Callable[[IO[str]], None]) -> None:
    """Write the file through `write`; raises `BadOutput` when it cannot be written, and
    removes what was written when writing fails, so no half-written export is left."""
    try:
        out = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise BadOutput(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    try:
        with out:
            write(out)
    except BaseException as exc:
        path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise BadOutput(f"{path}: cannot be written ({exc.strerror or exc})") from exc
        raise
