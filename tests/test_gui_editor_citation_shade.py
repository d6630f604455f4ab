"""The bank editor's article marks the citation in the article view's shade of the theme, not a fixed yellow:
pale on the light theme, dark under the dark theme's light text, and anew when the theme is switched."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.gui.editor import BankEditor
from quizapp.gui.theme import Theme, highlight_color
from tests.test_gui_editor_problems import open_shown
from tests.test_gui_theme_switch import light_then_dark, switch_theme, text_contrast

__all__ = ["light_then_dark"]  # (a fixture, used by name)


def citation_line(editor: BankEditor) -> QRect:
    """The middle of the citation's first line, in the editor window: its letters on the highlight, not the rows
    between lines, the text cursor at its start nor the words before it on that line."""
    text = editor.picker.text
    (highlighted,) = text.extraSelections()
    cursor = text.textCursor()
    cursor.setPosition(highlighted.cursor.selectionStart())
    start = text.cursorRect(cursor)
    end = start
    while cursor.position() < highlighted.cursor.selectionEnd() - 1:  # up to its last letter on that line
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        if text.cursorRect(cursor).top() != start.top():
            break
        end = text.cursorRect(cursor)
    line = QRect(text.viewport().mapTo(editor, start.topLeft()), QSize(end.left() - start.left(), start.height()))
    line.adjust(4, line.height() // 4, 0, -line.height() // 4)
    return line


def shade(editor: BankEditor, area: QRect) -> QColor:
    """The commonest colour of `area` as the editor draws it: the background under the letters."""
    image = editor.grab(area).toImage()
    colors = Counter(image.pixel(x, y) for y in range(image.height()) for x in range(image.width()))
    return QColor(colors.most_common(1)[0][0])


def test_the_editor_s_citation_is_shaded_as_in_the_article_view_in_either_theme(
        qtbot: QtBot, main_window, bank_file: Path, light_then_dark: list[Theme]) -> None:
    editor = open_shown(qtbot, bank_file)
    assert editor.picker.text.isVisible() and editor.picker.text.extraSelections()  # the first question's citation
    shades = {}
    for theme in [Theme.LIGHT, *light_then_dark]:  # as opened, then after each switch of View > Theme
        switch_theme(qtbot, main_window, theme)
        editor.activateWindow()  # back to the editor, as a person does after the main window's menu
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
        wanted = highlight_color(editor.palette())  # the article view's, under a quiz's answer
        qtbot.waitUntil(lambda: shade(editor, citation_line(editor)) == wanted)  # noqa: B023 (this theme's)
        assert text_contrast(editor, editor, citation_line(editor)) >= 4.5
        shades[theme] = wanted
    assert shades[Theme.DARK].lightness() < 128 < shades[Theme.LIGHT].lightness()
