"""The article view keeps its text to a readable measure: in a wide window a line of the article holds about as
many characters as a book's, the column centred with the rest as margin; a window narrower than that (800x600 at
a larger text) uses its whole width for the text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.conftest import key
from tests.test_gui_article_long_citation import CTRL, LARGE, SMALL, show_in_article
from tests.test_gui_largest_text_room import normal_again

__all__ = ["normal_again"]  # (a fixture)


def widest_line(text: QPlainTextEdit) -> float:
    """The natural width of the article's widest laid-out line, in pixels."""
    document = text.document()
    layout = document.documentLayout()
    widest = 0.0
    block = document.begin()
    while block.isValid():
        layout.blockBoundingRect(block)  # (a plain text's layout wraps a block only once asked about it)
        lines = block.layout()
        widest = max([widest, *(lines.lineAt(n).naturalTextWidth() for n in range(lines.lineCount()))])
        block = block.next()
    return widest


def room(text: QPlainTextEdit) -> int:
    """The width the text would have if it used the whole view: inside its frame, beside its scroll bar."""
    bar = text.verticalScrollBar()
    return text.contentsRect().width() - (bar.width() if bar.isVisible() else 0)


def shown_at(qtbot: QtBot, window, size: QSize, folder: Path) -> QPlainTextEdit:  # type: ignore[no-untyped-def]
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    window.activateWindow()
    show_in_article(qtbot, window, folder, "votes", "7")
    text = QApplication.focusWidget()
    assert isinstance(text, QPlainTextEdit) and text.isReadOnly()  # the article's text has the keys
    return text


def test_a_wide_window_keeps_the_lines_of_the_article_readable(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    text = shown_at(qtbot, main_window, LARGE, tmp_path)
    chars = text.fontMetrics().averageCharWidth()
    assert widest_line(text) <= 90 * chars
    assert widest_line(text) >= 70 * chars  # (and not a narrow strip)
    # The column in the middle of the view, the rest of its width as margins.
    column = text.viewport().geometry()
    left, right = column.left() - text.contentsRect().left(), room(text) - column.right() - 1
    assert abs(left - right) <= 1 and left > 10 * chars


def test_a_window_narrower_than_the_measure_uses_its_whole_width_for_the_article(
        qtbot: QtBot, main_window, tmp_path: Path, normal_again: None) -> None:
    text = shown_at(qtbot, main_window, SMALL, tmp_path)
    # At 800x600 the normal text has room for more than the measure: a column, narrower than the view.
    assert widest_line(text) <= 90 * text.fontMetrics().averageCharWidth() < room(text)
    # Three sizes larger (pressed in the article), the measure is wider than the view: the text uses all of it.
    normal = QApplication.font().pointSizeF()
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Equal, CTRL)
    qtbot.waitUntil(lambda: text.font().pointSizeF() > 1.1 * normal)
    assert QApplication.focusWidget() is text
    qtbot.waitUntil(lambda: text.viewport().width() == room(text))
    # A paragraph wraps at the view's width: its widest line fills it but for a word's width.
    margins = 2 * text.document().documentMargin()
    assert widest_line(text) >= room(text) - margins - 12 * text.fontMetrics().averageCharWidth()
