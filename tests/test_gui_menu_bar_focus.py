"""A menu bar that has the keyboard shows which title it is on, with the menu closed as with it open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui.theme import Theme
from tests.test_gui_editor_app_keys import editor_from_the_library
from tests.test_gui_keyboard_start import focused


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key where a person's goes: to the open menu, else to the focused widget."""
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget(), key, modifier)


def highlighted(window: QMainWindow, action: QAction) -> int:
    """How many pixels of `action`'s title in the menu bar are in the highlight colour (or within a shade)."""
    bar = window.menuBar()
    image = bar.grab(bar.actionGeometry(action)).toImage()
    highlight = bar.palette().color(QPalette.ColorRole.Highlight)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = QColor(image.pixel(x, y))
            count += max(abs(c.red() - highlight.red()), abs(c.green() - highlight.green()),
                         abs(c.blue() - highlight.blue())) <= 8
    return count


def title(window: QMainWindow, text: str) -> QAction:
    return next(a for a in window.menuBar().actions() if a.text() == text)


def escape_leaves_the_title_marked(qtbot: QtBot, window: QMainWindow, was: QWidget) -> None:
    """Alt+F opens the File menu, Escape closes it: the bar keeps the keyboard on File (Return would open it
    again), and File is marked (Fusion drew it as idle); Right moves the mark to Edit, a second Escape gives
    the keys back to `was`, unmarked."""
    file, edit = title(window, "&File"), title(window, "&Edit")
    line = window.menuBar().actionGeometry(file).height()
    assert highlighted(window, file) == 0
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert QApplication.activePopupWidget() is file.menu()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert focused(qtbot, window) is window.menuBar() and window.menuBar().activeAction() is file
    assert highlighted(window, file) >= 2 * line

    press(qtbot, Qt.Key.Key_Right)
    assert window.menuBar().activeAction() is edit and QApplication.activePopupWidget() is None
    assert highlighted(window, edit) >= 2 * line and highlighted(window, file) == 0
    press(qtbot, Qt.Key.Key_Escape)
    assert focused(qtbot, window) is was
    assert highlighted(window, file) == highlighted(window, edit) == 0


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK, Theme.SYSTEM])
def test_after_escape_closes_a_menu_the_menu_bar_shows_its_title(qtbot: QtBot, main_window, theme: Theme) -> None:
    window = main_window
    window.set_theme(theme)
    try:
        escape_leaves_the_title_marked(qtbot, window, focused(qtbot, window))
    finally:
        window.set_theme(Theme.SYSTEM)


def test_the_editor_menu_bar_shows_its_title_too(qtbot: QtBot, main_window) -> None:
    main_window.set_theme(Theme.DARK)
    try:
        editor = editor_from_the_library(qtbot, main_window)
        escape_leaves_the_title_marked(qtbot, editor, focused(qtbot, editor))
    finally:
        main_window.set_theme(Theme.SYSTEM)
