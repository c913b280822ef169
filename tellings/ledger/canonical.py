"""Canonical JSON (RFC 8785, the JSON Canonicalization Scheme) for ledger entries.

Every ledger entry is hashed as the exact bytes `canonical_json` returns, so two
programs that agree on the entry agree on its hash. Entries hold only `str`,
`int`, `bool`, `None`, lists (or tuples) and objects with `str` keys; floats are
refused outright so that no number formatting question (RFC 8785 §3.2.2.3) can
ever arise.

The encoding is done by `json.dumps`, whose output for these types is already
what RFC 8785 asks for:

* no whitespace between tokens (RFC 8785 §3.2.1);
* strings escaped as ECMAScript `JSON.stringify` does (RFC 8785 §3.2.2.2):
  `\\"` and `\\\\`, the short forms `\\b \\t \\n \\f \\r`, every other control
  character below U+0020 as `\\u00xx` in lower-case hex, and everything else
  as itself (`ensure_ascii=False`), then UTF-8 (RFC 8785 §3.2.4);
* integers in plain decimal, which is what ECMAScript prints for the integers
  RFC 8785 §3.2.2.3 can represent exactly, |n| <= 2**53 - 1;
* object members sorted by key (RFC 8785 §3.2.3).

The one difference is the key order: RFC 8785 §3.2.3 sorts by UTF-16 code
units, Python by code points. The two orders agree unless a key holds a
character outside the Basic Multilingual Plane (whose UTF-16 surrogates,
0xD800-0xDFFF, sort before U+E000-U+FFFF). The type check below notes any such
key, and only then the objects are re-ordered by UTF-16 before encoding.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["MAX_SAFE_INTEGER", "canonical_json"]

#: The largest integer an IEEE 754 double holds exactly (RFC 8785 §3.2.2.3,
#: I-JSON RFC 7493 §2.2); integers beyond ±MAX_SAFE_INTEGER are refused.
MAX_SAFE_INTEGER = 2**53 - 1

_BMP_MAX = "\uffff"

# Built once: the encoder `json.dumps` would otherwise rebuild on every call
# when given non-default arguments.
_SORTED_ENCODER = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, sort_keys=True, separators=(",", ":")
)
_ORDERED_ENCODER = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, sort_keys=False, separators=(",", ":")
)


def canonical_json(obj: object) -> bytes:
    """Return the RFC 8785 canonical UTF-8 encoding of `obj`.

    The bytes are what gets hashed into the ledger, so they must not depend on
    dict insertion order, Python version or platform.

    Raises `TypeError` naming the path (for example `$.data.tags[2]`) of the
    first value that is not `str`, `int`, `bool`, `None`, `list`, `tuple` or a
    `dict` with `str` keys (floats included), and `ValueError` naming the path
    of an integer outside ±(2**53 - 1), a string holding a lone surrogate (not
    UTF-8, RFC 8785 §3.2.4) or a container that contains itself.
    """
    if _check(obj, None, None, set()):
        obj = _utf16_ordered(obj)
        encoder = _ORDERED_ENCODER
    else:
        encoder = _SORTED_ENCODER
    text = encoder.encode(obj)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # Rare: find which string is not valid Unicode so the message can say.
        raise ValueError(
            f"{_find_surrogate(obj, '$') or '$'}: string holds a lone surrogate, "
            "which is not valid UTF-8 (RFC 8785 §3.2.4)"
        ) from None


def _check(obj: Any, parent: _Path | None, key: str | int | None, active: set[int]) -> bool:
    """Check `obj` recursively; return True when some object key lies outside the BMP.

    The answer decides whether `json.dumps(sort_keys=True)` gives the RFC 8785
    order or the slower UTF-16 re-ordering is needed. `parent` and `key` say
    where `obj` sits, kept as a linked list so the path string is only built
    when there is an error to report; `active` holds the ids of the containers
    being walked, to refuse cycles. Scalars inside containers are checked
    inline, without a call, because this walk runs once per ledger entry.
    """
    here = _Path(parent, key)
    if isinstance(obj, dict):
        outside_bmp = False
        _enter(obj, here, active)
        for k, v in obj.items():
            if not isinstance(k, str):
                raise TypeError(
                    f"{here}: object key {k!r} has type {type(k).__name__}; keys must be str"
                )
            if not k.isascii() and max(k) > _BMP_MAX:
                outside_bmp = True
            tv = type(v)
            if tv is str or tv is bool or v is None:
                continue
            if tv is int and -MAX_SAFE_INTEGER <= v <= MAX_SAFE_INTEGER:
                continue
            if _check(v, here, k, active):
                outside_bmp = True
        active.discard(id(obj))
        return outside_bmp
    if isinstance(obj, (list, tuple)):
        outside_bmp = False
        _enter(obj, here, active)
        for i, v in enumerate(obj):
            tv = type(v)
            if tv is str or tv is bool or v is None:
                continue
            if tv is int and -MAX_SAFE_INTEGER <= v <= MAX_SAFE_INTEGER:
                continue
            if _check(v, here, i, active):
                outside_bmp = True
        active.discard(id(obj))
        return outside_bmp
    if obj is None or isinstance(obj, (str, bool)):
        return False
    if isinstance(obj, int):
        if -MAX_SAFE_INTEGER <= obj <= MAX_SAFE_INTEGER:
            return False
        raise ValueError(
            f"{here}: integer {obj} is outside ±(2**53 - 1), which JSON numbers "
            "cannot hold exactly (RFC 8785 §3.2.2.3)"
        )
    if isinstance(obj, float):
        raise TypeError(f"{here}: float {obj!r} is not allowed in ledger JSON; use int or str")
    raise TypeError(f"{here}: type {type(obj).__name__} is not allowed in ledger JSON")


def _enter(obj: object, here: _Path, active: set[int]) -> None:
    """Record that the container `obj` is being walked; refuse it if it already is."""
    ident = id(obj)
    if ident in active:
        raise ValueError(f"{here}: container contains itself")
    active.add(ident)


def _utf16_ordered(obj: Any) -> Any:
    """Return a copy of `obj` whose dicts list their keys in UTF-16 order (RFC 8785 §3.2.3).

    Dicts keep insertion order, so encoding the copy without `sort_keys` gives
    the canonical order even where code point order would differ.
    """
    if isinstance(obj, dict):
        return {
            k: _utf16_ordered(obj[k])
            for k in sorted(obj, key=lambda k: k.encode("utf-16-be", "surrogatepass"))
        }
    if isinstance(obj, (list, tuple)):
        return [_utf16_ordered(v) for v in obj]
    return obj


def _find_surrogate(obj: Any, path: str) -> str | None:
    """Return the path of the first string (key or value) in `obj` that is not valid UTF-8.

    Only called after encoding failed, to name the culprit; None if there is none.
    """
    if isinstance(obj, str):
        return None if _encodable(obj) else path
    if isinstance(obj, dict):
        for k, v in obj.items():
            child = _Path.join(path, k)
            found = child if not _encodable(k) else _find_surrogate(v, child)
            if found is not None:
                return found
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            found = _find_surrogate(v, f"{path}[{i}]")
            if found is not None:
                return found
    return None


def _encodable(s: str) -> bool:
    """Return True when `s` encodes to UTF-8, i.e. holds no lone surrogate."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Path:
    """A position in the payload, rendered as `$`, `$.key`, `$["odd key"]` or `$[3]`."""

    __slots__ = ("key", "parent")

    def __init__(self, parent: _Path | None, key: str | int | None) -> None:
        self.parent = parent
        self.key = key

    def __str__(self) -> str:
        if self.parent is None:
            return "$"
        base = str(self.parent)
        if isinstance(self.key, int):
            return f"{base}[{self.key}]"
        return self.join(base, str(self.key))

    @staticmethod
    def join(base: str, key: str) -> str:
        """Return the path of member `key` under `base`, quoting keys that are not identifiers."""
        if key.isidentifier() and key.isascii():
            return f"{base}.{key}"
        return f"{base}[{json.dumps(key)}]"
