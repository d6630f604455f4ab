"""An article's text as the article views show it: headings without their Markdown marks, bold and larger.

The citations' offsets are into the article's own text; `ShownText` maps them to the positions of
the text shown ("## Damage" shows as "Damage", two characters and a space fewer) and back.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from quizapp.core.article import Article

_MARKS_BEFORE = re.compile(r"[ \t]*#{1,6}[ \t]+")
_MARKS_AFTER = re.compile(r"[ \t#]*")
HEADING_SCALE = 1.2


@dataclass(frozen=True)
class ShownText:
    """The text shown for an article, and the ranges [start, end) of the article's text left out of it."""

    text: str
    cuts: tuple[tuple[int, int], ...]

    def position(self, offset: int) -> int:
        """The document position (UTF-16 code units) that shows the article's character `offset`."""
        shown = offset
        for start, end in self.cuts:
            if start >= offset:
                break
            shown -= min(end, offset) - start
        return len(self.text[:shown].encode("utf-16-le")) // 2

    def offset(self, position: int) -> int:
        """The article's character offset shown at document `position`."""
        shown = _from_utf16(self.text, position)
        starts = [start - sum(e - s for s, e in self.cuts[:i]) for i, (start, _end) in enumerate(self.cuts)]
        # Where marks were left out, the position is after those before a heading ("## |Damage") and
        # before those after it ("Damage| ##").
        at_line_end = self.text[shown:shown + 1] in ("", "\n")
        before = bisect_left(starts, shown) if at_line_end else bisect_right(starts, shown)
        return shown + sum(end - start for start, end in self.cuts[:before])


def shown_text(article: Article) -> ShownText:
    """The article's text with the "#" marks of its Markdown headings left out."""
    cuts: list[tuple[int, int]] = []
    text = article.text
    for span in article.headings:
        start, end = span.start, span.end
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if line_start < start and _MARKS_BEFORE.fullmatch(text, line_start, start):
            cuts.append((line_start, start))
        if end < line_end and _MARKS_AFTER.fullmatch(text, end, line_end):
            cuts.append((end, line_end))
    kept, at = [], 0
    for start, end in cuts:
        kept.append(text[at:start])
        at = end
    kept.append(text[at:])
    return ShownText("".join(kept), tuple(cuts))


def show_article(edit: QPlainTextEdit, article: Article) -> ShownText:
    """Put the article's text in `edit`, its headings without their marks, bold and larger; return the map."""
    shown = shown_text(article)
    edit.setPlainText(shown.text)
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontPointSize(edit.font().pointSizeF() * HEADING_SCALE)
    for span in article.headings:
        cursor = QTextCursor(edit.document())
        cursor.setPosition(shown.position(span.start))
        cursor.setPosition(shown.position(span.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    return shown


def _from_utf16(text: str, position: int) -> int:
    """The index into `text` of UTF-16 code unit `position` (a character outside the BMP takes two)."""
    if text.isascii():
        return min(position, len(text))
    units = 0
    for i, char in enumerate(text):
        if units >= position:
            return i
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)
