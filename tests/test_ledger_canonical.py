"""Canonical JSON must equal RFC 8785 (JCS) byte for byte, and refuse what JCS cannot hold."""

from __future__ import annotations

import enum
import json
import math
from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from tellings.ledger.canonical import MAX_SAFE_INTEGER, canonical_json

# Characters where UTF-16 and code point order disagree (non-BMP vs U+E000-U+FFFF),
# plus the ones JCS escapes, so generated keys exercise both encoding paths.
_TRICKY = ["a", "Z", "\x00", "\x1f", '"', "\\", "\x7f", "é", "\u2028", "\ue000", "\uffff"]
_TRICKY += ["\U00010000", "\U0001f600", "\U0010ffff"]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER)
    | st.text()  # excludes lone surrogates, which JCS cannot encode
)
keys = st.text() | st.text(alphabet=st.sampled_from(_TRICKY), max_size=4)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(keys, children, max_size=5)
        | st.lists(children, max_size=3).map(tuple)
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_matches_rfc8785(value: Any) -> None:
    assert canonical_json(value) == rfc8785.dumps(value)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, scalars, max_size=8))
def test_object_keys_match_rfc8785_order(value: dict[str, Any]) -> None:
    assert canonical_json(value) == rfc8785.dumps(value)


def test_rfc8785_key_order_example() -> None:
    # The sorting example of RFC 8785 §3.2.3: sorted by UTF-16 code units,
    # so the emoji (a surrogate pair, 0xD83D...) comes before U+FB33.
    value = {
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\U0001f600": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis",
    }
    decoded = json.loads(canonical_json(value))
    assert list(decoded) == ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]
    assert canonical_json(value) == rfc8785.dumps(value)


def test_nested_objects_outside_bmp_are_ordered_too() -> None:
    value: dict[str, Any] = {
        "outer": [{"\uffff": 1, "\U0001f600": 2}],
        "\U00010000": {"\ue000": 0, "b": 1},
    }
    assert canonical_json(value) == rfc8785.dumps(value)
    assert canonical_json(value).startswith(b'{"outer"')


def test_string_escaping_is_jcs() -> None:
    # RFC 8785 §3.2.2.2: short escapes, \u00xx in lower case for the other
    # controls, everything else (DEL, U+2028, non-ASCII, non-BMP) as UTF-8.
    value = {"s": '\x00\b\t\n\f\r"\\\x1f\x7f\u2028é\U0001f600/'}
    expected = '{"s":"\\u0000\\b\\t\\n\\f\\r\\"\\\\\\u001f\x7f\u2028é\U0001f600/"}'.encode()
    assert canonical_json(value) == expected
    assert canonical_json(value) == rfc8785.dumps(value)


def test_compact_and_sorted() -> None:
    entry = {
        "seq": 3,
        "kind": "claim.added",
        "at": "2026-11-23T05:00:00Z",
        "data": {"b": [1, True, None], "a": ""},
    }
    assert canonical_json(entry) == (
        b'{"at":"2026-11-23T05:00:00Z","data":{"a":"","b":[1,true,null]},'
        b'"kind":"claim.added","seq":3}'
    )


def test_empty_containers_and_scalars() -> None:
    assert canonical_json({}) == b"{}"
    assert canonical_json([]) == b"[]"
    assert canonical_json(()) == b"[]"
    assert canonical_json(None) == b"null"
    assert canonical_json(True) == b"true"
    assert canonical_json(0) == b"0"
    assert canonical_json(-MAX_SAFE_INTEGER) == str(-MAX_SAFE_INTEGER).encode()
    assert canonical_json("x") == b'"x"'


def test_str_and_int_subclasses_encode_as_their_values() -> None:
    class Kind(enum.StrEnum):
        CLAIM = "claim.added"

    class Level(enum.IntEnum):
        HIGH = 3

    value = {Kind.CLAIM: Level.HIGH, "k": [Kind.CLAIM, Level.HIGH]}
    assert canonical_json(value) == b'{"claim.added":3,"k":["claim.added",3]}'


@pytest.mark.parametrize(
    ("value", "path"),
    [
        (1.5, "$"),
        ({"data": {"tags": ["a", "b", 0.0]}}, "$.data.tags[2]"),
        ({"x": math.nan}, "$.x"),
        ({"x": math.inf}, "$.x"),
        ([{"odd key": 2.0}], '$[0]["odd key"]'),
        ({"b": b"bytes"}, "$.b"),
        ({"s": {1, 2}}, "$.s"),
        ([object()], "$[0]"),
    ],
)
def test_rejects_non_json_types_with_path(value: object, path: str) -> None:
    with pytest.raises(TypeError) as excinfo:
        canonical_json(value)
    assert str(excinfo.value).startswith(f"{path}: ")


@pytest.mark.parametrize("key", [1, None, True, 1.0, ("a",)])
def test_rejects_non_str_keys(key: object) -> None:
    with pytest.raises(TypeError, match=r"^\$\.data: object key .* keys must be str"):
        canonical_json({"data": {key: 1}})


@pytest.mark.parametrize("n", [MAX_SAFE_INTEGER + 1, -MAX_SAFE_INTEGER - 1, 10**30])
def test_rejects_integers_json_cannot_hold(n: int) -> None:
    with pytest.raises(ValueError, match=r"^\$\.n\[1\]: integer"):
        canonical_json({"n": [0, n]})
    with pytest.raises(rfc8785.IntegerDomainError):
        rfc8785.dumps(n)


def test_rejects_lone_surrogates_with_path() -> None:
    with pytest.raises(ValueError, match=r"^\$\.a\[1\]: string holds a lone surrogate"):
        canonical_json({"a": ["ok", "bad \ud800"]})
    with pytest.raises(ValueError, match=r'^\$\["\\udfff"\]: string holds a lone surrogate'):
        canonical_json({"\udfff": 1})


def test_rejects_lone_surrogates_next_to_keys_outside_bmp() -> None:
    with pytest.raises(ValueError, match="lone surrogate"):
        canonical_json({"\U0001f600": 1, "\ud800": 2})


def test_rejects_cycles() -> None:
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="contains itself"):
        canonical_json({"loop": loop})


def test_shared_subtrees_are_not_cycles() -> None:
    shared = {"a": 1}
    assert canonical_json([shared, shared]) == b'[{"a":1},{"a":1}]'
