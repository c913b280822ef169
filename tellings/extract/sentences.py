"""Blocks and sentences of a stored text, as character spans.

A block is a heading, a bullet or a paragraph. Paragraphs are runs of lines: a line
break inside a paragraph (as PDF text has) does not end it; a blank line, a heading
or a bullet does. Sentences are split inside paragraphs at end punctuation followed by
an upper-case start, except after common abbreviations ("Gen.", "approx.", "U.S.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "bullet", "paragraph"]

_LINE = re.compile(r"[^\n]*\n?")
_BULLET = re.compile(r"\s*(?:[•◦▪‣·*–—-]|\(?\d{1,2}[.)])\s+\S")
_END_PUNCT = re.compile(r"[.!?:;,\"”’)\]]\s*$")
_BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm gov sen rep st no nos vol
    approx ca cf vs etc inc ltd co corp jr sr dept univ est fig jan feb mar apr jun jul aug
    sep sept oct nov dec mt ft pp p al""".split()
)
HEADING_MAX = 90


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, bullet or paragraph: `text[start:end]`, without its trailing newline."""

    start: int
    end: int
    kind: BlockKind


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence `text[start:end]` and the index of the block it belongs to."""

    start: int
    end: int
    block: int


def split_blocks(text: str) -> list[Block]:
    """The blocks of `text`, in order."""
    lines: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        if start == end:
            break
        body = text[start:end].rstrip("\r\n")
        lines.append((start, start + len(body)))
    blocks: list[Block] = []
    current: list[int] | None = None  # [start, end] of the paragraph being built
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            current = _close(blocks, current)
            continue
        lead = len(line) - len(line.lstrip())
        start += lead
        end = start + len(stripped)
        if _BULLET.match(line):
            current = _close(blocks, current)
            blocks.append(Block(start, end, "bullet"))
            continue
        next_line = _next_nonblank(text, lines, index)
        if current is None and _looks_like_heading(stripped, next_line):
            blocks.append(Block(start, end, "heading"))
            continue
        if current is None:
            current = [start, end]
        else:
            current[1] = end
        if _END_PUNCT.search(stripped) is None and len(stripped) < HEADING_MAX * 0.6:
            # A short line without end punctuation inside a paragraph ends it: what
            # follows is likely a new heading or paragraph.
            current = _close(blocks, current)
    _close(blocks, current)
    return blocks


def _close(blocks: list[Block], current: list[int] | None) -> list[int] | None:
    """End the paragraph being built, if any; returns None, the new `current`."""
    if current is not None:
        blocks.append(Block(current[0], current[1], "paragraph"))
    return None


def _next_nonblank(text: str, lines: list[tuple[int, int]], index: int) -> str | None:
    for start, end in lines[index + 1 :]:
        if text[start:end].strip():
            return text[start:end].strip()
    return None


def _looks_like_heading(line: str, next_line: str | None) -> bool:
    """A short line with no end punctuation, followed by more text, is a heading."""
    if len(line) > HEADING_MAX or _END_PUNCT.search(line):
        return False
    return next_line is not None


def split_sentences(text: str, blocks: list[Block]) -> list[Sentence]:
    """The sentences of every block, in order; a heading or bullet may hold several."""
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        start = block.start
        for match in _BOUNDARY.finditer(text, block.start, block.end):
            if _is_abbreviation(text, block.start, match.start()):
                continue
            end = match.end()
            body_end = end
            while body_end > start and text[body_end - 1].isspace():
                body_end -= 1
            if body_end > start:
                sentences.append(Sentence(start, body_end, index))
            start = end
        if start < block.end:
            sentences.append(Sentence(start, block.end, index))
    return sentences


def _is_abbreviation(text: str, floor: int, dot: int) -> bool:
    """True when the period at `dot` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > floor and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot]
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    if "." in word:
        return True  # "U.S.", "e.g."
    return word.lower() in _ABBREVIATIONS
