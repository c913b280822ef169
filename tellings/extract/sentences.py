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
# End punctuation, closing quotes or brackets, and footnote marks ("killed.[12]").
_SENTENCE_END = re.compile(r"[.!?:][\"”’)\]]*(?:\[\d{1,3}\])*\s*$")
_BOUNDARY = re.compile(
    r"[.!?][\"”’)\]]*(?:\[\d{1,3}\]|\d{1,3}(?=\s+[A-Z]))*\s+(?=[\"“‘(\[]?[A-Z0-9])"
)
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm gov sen rep st no nos vol
    approx ca cf vs etc inc ltd co corp jr sr dept univ est fig jan feb mar apr jun jul aug
    sep sept oct nov dec mt ft pp p al""".split()
)
HEADING_MAX = 90
SHORT_HEADING = 40  # a line this short after a finished sentence starts a new block
_INNER_BREAK = re.compile(r"[a-z0-9][.!?][\"”’)]?\s+[A-Z]")
# Words a line does not end on when the sentence goes on to the next line.
_CONTINUING = frozenset(
    """a an the of to in on at by for from with and or but that which who were was are is
    be been had has have said says as than into over after before between""".split()
)


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
    widest = previous_width = 0  # the longest and the last line of that paragraph
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
        # Inside unseparated text (PDF) a paragraph ends where a sentence ends on a line
        # shorter than the paragraph's full lines.
        after_paragraph = current is None or (
            _SENTENCE_END.search(text[current[0] : current[1]]) is not None
            and (previous_width < 0.85 * widest or len(stripped) <= SHORT_HEADING)
        )
        if after_paragraph and _looks_like_heading(stripped, next_line):
            # A short line with no end punctuation after a finished sentence is a
            # heading, also inside text whose paragraphs are not separated (PDF).
            current = _close(blocks, current)
            blocks.append(Block(start, end, "heading"))
            continue
        if current is None:
            current = [start, end]
            widest = 0
        else:
            current[1] = end
        widest = max(widest, len(stripped))
        previous_width = len(stripped)
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
    """A short line with no end punctuation, followed by more text, is a heading; not a
    line that holds a sentence break or stops on a word that needs more ("were", "the")."""
    if len(line) > HEADING_MAX or _END_PUNCT.search(line) or _INNER_BREAK.search(line):
        return False
    last = line.rsplit(None, 1)[-1].lower()
    return next_line is not None and last not in _CONTINUING


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
