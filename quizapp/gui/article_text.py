"""An article's text as the article views show it: Markdown without its marks, headings bold and larger,
**bold** bold, *italic* italic and a [link](address) as its text in the link colour.

The citations' offsets are into the article's own text; `ShownText` maps them to the positions of
the text shown ("## Damage" shows as "Damage", two characters and a space fewer) and back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QFont, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit

from quizapp.core.article import Article

_MARKS_BEFORE = re.compile(r"[ \t]*#{1,6}[ \t]+")
_MARKS_AFTER = re.compile(r"[ \t#]*")
HEADING_SCALE = 1.2
# A heading's characters carry this property, so that a view can tell a heading from a bold word.
HEADING = QTextFormat.Property.UserProperty + 1

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


@dataclass(frozen=True)
class ShownText:
    """The text shown for an article, the ranges of the article's text left out of it, and its styles."""

    text: str
    cuts: tuple[Cut, ...]
    styles: tuple[Style, ...] = ()

    def position(self, offset: int) -> int:
        """The document position (UTF-16 code units) that shows the article's character `offset`."""
        shown = offset
        for cut in self.cuts:
            if cut.start >= offset:
                break
            shown -= min(cut.end, offset) - cut.start
        return len(self.text[:shown].encode("utf-16-le")) // 2

    def offset(self, position: int) -> int:
        """The article's character offset shown at document `position` (see Cut for the side of marks)."""
        return self._offset(position, lambda cut: not cut.before)

    def inner_span(self, start: int, end: int) -> tuple[int, int]:
        """The article's offsets of the text shown from document position `start` to `end`, inside marks
        around it: "Friday" of "[Friday](address)", to ask about the words and not their marks."""
        return self._offset(start, lambda _cut: True), self._offset(end, lambda _cut: False)

    def _offset(self, position: int, skip: Callable[[Cut], bool]) -> int:
        """The article's offset at document `position`, after the cuts there that `skip` says."""
        shown = _from_utf16(self.text, position)
        offset = shown  # plus the length of each cut left out before the position
        for cut in self.cuts:
            at = cut.start - (offset - shown)  # where the cut was, in the text shown
            if at > shown or (at == shown and not skip(cut)):
                break
            offset += cut.end - cut.start
        return offset

def shown_text(article: Article) -> ShownText:
    """The article's text without the marks of its Markdown: "#" of headings, and in a .md article those
    of bold, italic and links."""
    cuts: list[Cut] = []
    text = article.text
    for span in article.headings:
        start, end = span.start, span.end
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if line_start < start and _MARKS_BEFORE.fullmatch(text, line_start, start):
            cuts.append(Cut(line_start, start))
        if end < line_end and _MARKS_AFTER.fullmatch(text, end, line_end):
            cuts.append(Cut(end, line_end, before=True))
    styles: list[Style] = []
    if article.path.suffix.lower() in MARKDOWN_SUFFIXES:
        _inline_marks(text, cuts, styles)
    cuts.sort(key=lambda cut: cut.start)
    kept, at = [], 0
    for cut in cuts:
        kept.append(text[at:cut.start])
        at = cut.end
    kept.append(text[at:])
    return ShownText("".join(kept), tuple(cuts), tuple(styles))


def _inline_marks(text: str, cuts: list[Cut], styles: list[Style]) -> None:
    """Add the cuts and styles of the links and emphasis in `text`."""
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

def show_article(edit: QPlainTextEdit, article: Article) -> ShownText:
    """Put the article's text in `edit` without its Markdown marks, headings bold and larger, bold, italic
    and links' text shown as such; return the map."""
    shown = shown_text(article)
    edit.setPlainText(shown.text)
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontPointSize(edit.font().pointSizeF() * HEADING_SCALE)
    fmt.setProperty(HEADING, True)
    for span in article.headings:
        _format(edit, shown, span.start, span.end, fmt)
    for style in shown.styles:
        fmt = QTextCharFormat()
        if style.kind == "bold":
            fmt.setFontWeight(QFont.Weight.Bold)
        elif style.kind == "italic":
            fmt.setFontItalic(True)
        else:
            continue  # coloured below
        _format(edit, shown, style.start, style.end, fmt)
    colour_links(edit, shown)
    return shown


def colour_links(edit: QPlainTextEdit, shown: ShownText, palette: QPalette | None = None) -> None:
    """Show the links' text in the link colour of `palette` (`edit`'s own by default; the new one when the theme
    changes, which the view has before the text in it does)."""
    fmt = QTextCharFormat()
    fmt.setForeground((palette or edit.palette()).brush(QPalette.ColorRole.Link))
    for style in shown.styles:
        if style.kind == "link":
            _format(edit, shown, style.start, style.end, fmt)


def is_heading(fmt: QTextCharFormat) -> bool:
    """Whether characters of this format belong to a heading."""
    return bool(fmt.property(HEADING))


def _format(edit: QPlainTextEdit, shown: ShownText, start: int, end: int, fmt: QTextCharFormat) -> None:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(shown.position(start))
    cursor.setPosition(shown.position(end), QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)


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
