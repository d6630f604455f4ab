"""The inline marks of a Markdown article (bold, italic, links): where they are, and its text without them.

A .md article shows "**Brindle Bridge**" as bold words, and a question or a citation quotes it as
"Brindle Bridge": the marks are the file's, not the article's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

MARKDOWN_SUFFIXES = (".md", ".markdown")
# What marked text may span: any characters but a blank line (a paragraph may be wrapped).
_SPAN = r"((?:[^\n]|\n(?![ \t]*\n))+?)"
# [text](address "title"), not an image's ![alt](src).
_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")
# Emphasis, strongest first so that "***" is not read as "**" and "*". The text inside starts and ends with
# other than a space: "5 * 3 * 2" and a list's "* item" are not emphasis; "_" inside a word ("snake_case")
# is not either.
_EMPHASIS = (
    (re.compile(r"\*\*\*(?=[^\s*])" + _SPAN + r"(?<=[^\s*])\*\*\*"), ("bold", "italic")),
    (re.compile(r"\*\*(?=[^\s*])" + _SPAN + r"(?<=[^\s*])\*\*"), ("bold",)),
    (re.compile(r"(?<!\w)__(?=[^\s_])" + _SPAN + r"(?<=[^\s_])__(?!\w)"), ("bold",)),
    (re.compile(r"(?<!\*)\*(?=[^\s*])" + _SPAN + r"(?<=[^\s*])\*(?!\*)"), ("italic",)),
    (re.compile(r"(?<!\w)_(?=[^\s_])" + _SPAN + r"(?<=[^\s_])_(?!\w)"), ("italic",)),
)


@dataclass(frozen=True)
class Cut:
    """A range [start, end) of the article's text left out of the text shown.

    Where marks were left out, a position of the text shown stands for the place before those that open
    marked text or close a heading's line ("|**bold", "Damage| ##") and after the others ("## |Damage",
    "bold**|"), so that a selection takes whole marks: "**bold** words", not "bold** words".
    """

    start: int
    end: int
    before: bool = False


@dataclass(frozen=True)
class Style:
    """A range [start, end) of the article's text shown bold, italic or as a link's text."""

    start: int
    end: int
    kind: str  # "bold", "italic" or "link"


def is_markdown(name: str) -> bool:
    """Whether a file of this name is read as Markdown."""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def inline_marks(text: str) -> tuple[list[Cut], list[Style]]:
    """The marks of the links and emphasis in `text` (in no order), and the styles of what they mark."""
    cuts: list[Cut] = []
    styles: list[Style] = []
    masked = list(text)  # marks taken are blanked out here, so that "**" is not read again as two "*"

    def take(match: re.Match[str], kinds: tuple[str, ...]) -> None:
        marks = [Cut(match.start(), match.start(1), before=True), Cut(match.end(1), match.end())]
        cuts.extend(marks)
        styles.extend(Style(match.start(1), match.end(1), kind) for kind in kinds)
        for mark in marks:
            masked[mark.start:mark.end] = "\0" * (mark.end - mark.start)

    for m in _LINK.finditer(text):
        take(m, ("link",))
    for pattern, kinds in _EMPHASIS:
        for m in pattern.finditer("".join(masked)):
            take(m, kinds)
    return cuts, styles


def without(text: str, cuts: list[Cut]) -> str:
    """`text` with the ranges of `cuts` (sorted, not overlapping) left out."""
    kept, at = [], 0
    for cut in cuts:
        kept.append(text[at:cut.start])
        at = cut.end
    kept.append(text[at:])
    return "".join(kept)


def shown_offset(cuts: Sequence[Cut], offset: int) -> int:
    """Where character `offset` of the text stands in the text without `cuts` (sorted); a place inside a cut
    is where the cut was."""
    shown = offset
    for cut in cuts:
        if cut.start >= offset:
            break
        shown -= min(cut.end, offset) - cut.start
    return shown


def original_offset(cuts: Sequence[Cut], index: int) -> int:
    """The offset in the text of the character at `index` of the text without `cuts` (sorted)."""
    offset = index
    for cut in cuts:
        if cut.start > offset:
            break
        offset += cut.end - cut.start
    return offset
