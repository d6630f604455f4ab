"""An article's text as the article views show it: Markdown without its marks, headings bold and larger,
**bold** bold, *italic* italic and a [link](address) as its text in the link colour.

The citations' offsets are into the article's own text; `ShownText` maps them to the positions of
the text shown ("## Damage" shows as "Damage", two characters and a space fewer) and back.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from quizapp.core.article import Article, Span
from quizapp.core.markdown import Cut, Style, inline_marks, is_markdown, shown_offset, without
from quizapp.gui.theme import highlight_color
from quizapp.gui.widgets import Soon

_MARKS_BEFORE = re.compile(r"[ \t]*#{1,6}[ \t]+")
_MARKS_AFTER = re.compile(r"[ \t#]*")
# A heading's size: a step above the text's ("large", 1.2 times its font), which Qt works out from the font the view
# has at the time, so that a heading grows with the text at once; a point size set as the article was shown did not.
HEADING_SIZE_STEP = 1
# A heading's characters carry this property, so that a view can tell a heading from a bold word.
HEADING = QTextFormat.Property.UserProperty + 1
# The widest a line of an article is shown, in average characters of its text (about 90 characters of a paragraph):
# across a 1280-wide window a line held 170 of them, and the eye lost its place going back to the next line.
MEASURE_CHARS = 85


@dataclass(frozen=True)
class ShownText:
    """The text shown for an article, the ranges of the article's text left out of it, and its styles."""

    text: str
    cuts: tuple[Cut, ...]
    styles: tuple[Style, ...] = ()

    def position(self, offset: int) -> int:
        """The document position (UTF-16 code units) that shows the article's character `offset`."""
        shown = shown_offset(self.cuts, offset)
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
    if is_markdown(article.path.name):
        marks, styles = inline_marks(text)
        cuts.extend(marks)
    cuts.sort(key=lambda cut: cut.start)
    return ShownText(without(text, cuts), tuple(cuts), tuple(styles))


def show_article(edit: QPlainTextEdit, article: Article) -> ShownText:
    """Put the article's text in `edit` without its Markdown marks, headings bold and larger, bold, italic
    and links' text shown as such; return the map."""
    shown = shown_text(article)
    edit.setPlainText(shown.text)
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE_STEP)
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


def highlight_passages(edit: QPlainTextEdit, shown: ShownText, spans: Iterable[Span],
                       palette: QPalette | None = None) -> None:
    """Highlight the article's `spans` in `edit` in the citation colour of `palette` (`edit`'s own by default; the new
    one when the theme changes, which the view has before the text in it does): the article view and the editor's
    cited article mark a citation alike, in a shade readable under the theme's text."""
    fmt = QTextCharFormat()
    fmt.setBackground(highlight_color(palette or edit.palette()))
    selections = []
    for span in spans:
        cursor = _cursor(edit, shown.position(span.start))
        cursor.setPosition(shown.position(span.end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor, selection.format = cursor, fmt
        selections.append(selection)
    edit.setExtraSelections(selections)


def show_whole(edit: QPlainTextEdit, start: int, end: int) -> None:
    """Scroll `edit` so that the text from document position `start` to `end` is in view whole, with as much of the
    text around it above as below; where it is taller than the view, from its first line at the top (never from
    the middle of it), even near the end of the text: the view may then scroll below the end."""
    document = edit.document()
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():  # each paragraph laid out at the view's width: the scroll bar counts their lines
        layout.blockBoundingRect(block)
        block = block.next()
    first = document.findBlock(start)
    first_line = first.firstLineNumber() + max(0, first.layout().lineForTextPosition(start - first.position())
                                                 .lineNumber())
    bar = edit.verticalScrollBar()
    edit.setCenterOnScroll(False)
    bar.setValue(first_line)

    def top() -> int:
        return edit.cursorRect(_cursor(edit, start)).top()

    height = edit.cursorRect(_cursor(edit, end)).bottom() - top()
    room = edit.viewport().height()
    if top() + height > room:
        edit.setCenterOnScroll(True)  # (which lets the last lines of the text scroll up to the top)
        bar.setValue(first_line)
        return
    middle = (room - height) / 2  # the top of the text centred
    # Up a line at a time, while that brings the text nearer the middle and keeps its last line in view.
    while bar.value() > 0:
        before = top()
        bar.setValue(bar.value() - 1)
        after = top()
        if after + height > room or abs(after - middle) > abs(before - middle):
            bar.setValue(bar.value() + 1)
            break


class PassageInView(QObject):
    """Keeps a passage of `edit`'s text in view as show_whole places it, and places it again when the view's size or
    text size changes or the view is shown (hidden behind a tab, it has no height of its own), until the reader
    scrolls or moves the cursor: the view then stays where they put it."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self.kept: tuple[int, int] | None = None  # the document positions kept in view
        self._place_soon = Soon(self, self._place)
        edit.installEventFilter(self)
        edit.verticalScrollBar().actionTriggered.connect(self.let_go)
        edit.cursorPositionChanged.connect(self.let_go)

    def keep(self, start: int, end: int) -> None:
        """Show the text from document position `start` to `end` whole where it fits, else from its first line, now
        and again once laid out at its final size, which the view may not have yet."""
        self.kept = (start, end)
        self._place()
        self._place_soon()

    def let_go(self) -> None:
        """Keep nothing in view: the reader scrolled or moved the cursor, or the text shown changed."""
        self.kept = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self._place_soon()  # (after the text has been laid out anew)
        return super().eventFilter(watched, event)

    def _place(self) -> None:
        """Once the reader has moved on from the passage, the text no longer scrolls below its end, as it may for the
        passage (a larger window showed nothing but the room below the end)."""
        if self.kept is None:
            self.edit.setCenterOnScroll(False)
            return
        show_whole(self.edit, *self.kept)  # (moving neither the cursor nor the scroll bar as the reader does)


class ReadableMeasure(QObject):
    """Keeps `edit`'s lines to MEASURE_CHARS average characters of its text: in a wider view the text is a column in
    the middle, the room either side a margin of the text's background; a narrower view's text uses its whole width.
    Worked out again when the view's size or text size changes (Ctrl+= widens the column with the text)."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        edit.setBackgroundRole(QPalette.ColorRole.Base)  # (the margins are outside the viewport, which paints the text)
        edit.setAutoFillBackground(True)
        edit.installEventFilter(self)
        edit.viewport().installEventFilter(self)  # (which narrows when the scroll bar comes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        edit = self.edit
        margins = edit.viewportMargins()
        room = edit.viewport().width() + margins.left() + margins.right()
        column = edit.fontMetrics().averageCharWidth() * MEASURE_CHARS + 2 * math.ceil(edit.document().documentMargin())
        left = max(0, room - column) // 2
        right = max(0, room - column - left)
        if (margins.left(), margins.right()) != (left, right):
            edit.setViewportMargins(left, 0, right, 0)


def _cursor(edit: QPlainTextEdit, position: int) -> QTextCursor:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position)
    return cursor


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
