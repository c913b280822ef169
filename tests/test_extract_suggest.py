"""The optional-model hook: off by default, checked when on."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

import tellings
from tellings.errors import InvalidValue
from tellings.extract.suggest import SUGGESTERS, register_suggester
from tellings.model import Claim

TEXT = "Witnesses counted a great many dead after the shelling; 12 people were killed.\n"


def every_many(text: str, claims: Sequence[Claim]) -> Iterable[Claim]:
    """A toy suggester: 'a great many dead' as a vague count, and one bad quote."""
    base = claims[0]
    start = text.index("a great many dead")
    good = replace(
        base,
        id="suggested-1",
        start=start,
        end=start + 17,
        quote="a great many dead",
        low=3,
        high=None,
        qualifier="vague",
        rule="suggest.toy.v1",
    )
    bad = replace(good, id="suggested-2", quote="not in the text")
    return [good, bad]


@pytest.fixture
def toy_suggester() -> Iterable[None]:
    register_suggester("suggest.toy.v1", every_many)
    yield
    SUGGESTERS.pop("suggest.toy.v1", None)


def test_suggesters_are_off_by_default(tmp_path: Path, toy_suggester: None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    with tellings.open(tmp_path / "c.db") as collection:
        collection.ingest([path])
        assert [c.rule for c in collection.claims()] == ["count.subject_verb.v1"]


def test_an_enabled_suggester_adds_only_checked_claims(tmp_path: Path, toy_suggester: None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    with tellings.open(tmp_path / "c.db") as collection:
        collection.suggesters = ["suggest.toy.v1"]
        collection.ingest([path])
        rules = sorted(c.rule for c in collection.claims())
        assert collection.verify().ok
    assert rules == ["count.subject_verb.v1", "suggest.toy.v1"]


def test_a_suggester_needs_a_suggest_name() -> None:
    with pytest.raises(InvalidValue):
        register_suggester("count.mine.v1", every_many)
