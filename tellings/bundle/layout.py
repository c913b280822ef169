"""What a bundle holds and where: member names, the manifest and the zip itself.

A bundle is one zip file (docs/bundle.md)::

    manifest.json                  format, collection, tree size, root, every file's SHA-256
    key.pub                        the collection's Ed25519 public key, 64 hex digits
    ledger.jsonl                   every entry up to the last checkpoint, one line each
    checkpoints/<size>.txt         every signed checkpoint (a signed note)
    originals/<sha256><.ext>       each document's original bytes
    texts/<sha256>.txt             the text tellings read from it (UTF-8)
    texts/<sha256>.offsets.json    the map from that text back into the original

The same members always give the same zip bytes: members sorted by name, one fixed
timestamp, fixed attributes and compression settings.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The bundle format this version writes and reads.
FORMAT = "tellings.bundle.v1"

MANIFEST = "manifest.json"
KEY = "key.pub"
LEDGER = "ledger.jsonl"

# The earliest time a zip entry can record (MS-DOS epoch): no build time leaks in.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_UNIX = 3
_CHECKPOINT_RE = re.compile(r"checkpoints/([0-9]{12})\.txt")
_SUFFIX_RE = re.compile(r"\.[a-z0-9]{1,8}")
_HEX64_RE = re.compile(r"[0-9a-f]{64}")
_REPEATED = "appears more than once in the zip"
_MANIFEST_KEYS = ("collection", "files", "format", "key_id", "root_hash", "tree_size", "withheld")


def checkpoint_name(size: int) -> str:
    """The member holding the signed checkpoint of a tree of `size` entries."""
    return f"checkpoints/{size:012d}.txt"


def checkpoint_size(name: str) -> int | None:
    """The tree size a checkpoint member's name gives, or None if it names none."""
    match = _CHECKPOINT_RE.fullmatch(name)
    return int(match.group(1)) if match else None


def original_name(document_id: str, filename: str) -> str:
    """The member holding a document's original bytes: its SHA-256 and file suffix."""
    suffix = Path(filename).suffix.lower()
    return f"originals/{document_id}{suffix if _SUFFIX_RE.fullmatch(suffix) else ''}"


def text_name(document_id: str) -> str:
    return f"texts/{document_id}.txt"


def offsets_name(document_id: str) -> str:
    return f"texts/{document_id}.offsets.json"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- manifest ------------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    """What a bundle says it holds.

    `collection` is the collection's origin, `tree_size` and `root_hash` the last
    signed checkpoint's, `withheld` the positions of entries held as leaf hashes
    only, and `files` maps every other member to its (SHA-256, size).
    """

    collection: str
    key_id: str
    tree_size: int
    root_hash: str
    withheld: tuple[int, ...]
    files: dict[str, tuple[str, int]]

    def to_bytes(self) -> bytes:
        """The manifest as its member holds it: sorted, indented JSON and a newline.

        There is exactly one such text per manifest, so a reader can tell any edit.
        """
        data = {
            "format": FORMAT,
            "collection": self.collection,
            "key_id": self.key_id,
            "tree_size": self.tree_size,
            "root_hash": self.root_hash,
            "withheld": list(self.withheld),
            "files": [
                {"path": path, "sha256": sha, "size": size}
                for path, (sha, size) in sorted(self.files.items())
            ],
        }
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """Read a manifest; raise `ValueError` saying what is wrong with it.

        Strict: exactly the fields a bundle writes, with their types, in the one
        form `to_bytes` writes them.
        """
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"is not JSON ({exc})") from None
        if not isinstance(raw, dict) or sorted(raw) != sorted(_MANIFEST_KEYS):
            raise ValueError("does not have exactly the fields " + ", ".join(_MANIFEST_KEYS))
        if raw["format"] != FORMAT:
            raise ValueError(f"is of format {raw['format']!r}; this tellings reads {FORMAT}")
        manifest = cls(
            collection=_text(raw, "collection"),
            key_id=_text(raw, "key_id"),
            tree_size=_count(raw["tree_size"], "tree_size"),
            root_hash=_text(raw, "root_hash"),
            withheld=tuple(_count(i, "withheld") for i in _list(raw, "withheld")),
            files=_files(_list(raw, "files")),
        )
        if manifest.to_bytes() != data:
            raise ValueError("is not in the form a bundle writes (it was edited)")
        return manifest


def _text(raw: Mapping[str, Any], name: str) -> str:
    value = raw[name]
    if not isinstance(value, str):
        raise ValueError(f"field {name} is not a string")
    return value


def _count(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"field {name} holds something other than a whole number >= 0")
    return value


def _list(raw: Mapping[str, Any], name: str) -> list[Any]:
    value = raw[name]
    if not isinstance(value, list):
        raise ValueError(f"field {name} is not a list")
    return value


def _files(rows: list[Any]) -> dict[str, tuple[str, int]]:
    files: dict[str, tuple[str, int]] = {}
    for row in rows:
        if not isinstance(row, dict) or sorted(row) != ["path", "sha256", "size"]:
            raise ValueError("a row of files is not {path, sha256, size}")
        path, sha = row["path"], row["sha256"]
        if not isinstance(path, str) or not isinstance(sha, str) or not _HEX64_RE.fullmatch(sha):
            raise ValueError(f"the row of files for {path!r} has no valid path and SHA-256")
        if path in files:
            raise ValueError(f"files lists {path} twice")
        files[path] = (sha, _count(row["size"], "size"))
    return files


# -- the zip -------------------------------------------------------------------------


def write_zip(path: Path, members: Mapping[str, bytes]) -> int:
    """Write `members` as a zip at `path`, byte for byte the same for the same members.

    The file appears whole or not at all (written beside it, then renamed). Returns
    its size in bytes.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            for name in sorted(members):
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = _UNIX
                info.external_attr = 0o100644 << 16
                archive.writestr(info, members[name], compresslevel=9)
        # mkstemp makes the file private; a bundle is for sharing, so it gets the
        # permissions any new file would (0666 less the umask).
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path.stat().st_size


def read_zip(path: Path) -> tuple[dict[str, bytes], list[tuple[str, str]]]:
    """Every member of the zip at `path` by name, and (name, problem) for each that
    cannot be read: repeated, encrypted, or corrupt (its CRC or compressed data fails).

    Raises `ValueError` when `path` is not a readable zip file at all.
    """
    members: dict[str, bytes] = {}
    problems: list[tuple[str, str]] = []
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            counts = Counter(info.filename for info in infos)
            for info in infos:
                name = info.filename
                if counts[name] > 1:
                    # Which of the copies a reader sees depends on the reader: use none.
                    if (name, _REPEATED) not in problems:
                        problems.append((name, _REPEATED))
                    continue
                if info.flag_bits & 0x1:
                    problems.append((name, "is encrypted"))
                    continue
                try:
                    members[name] = archive.read(info)
                except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
                    problems.append((name, f"cannot be read from the zip ({exc})"))
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValueError(f"is not a readable zip file ({exc})") from None
    return members, problems
