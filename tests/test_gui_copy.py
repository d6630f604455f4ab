"""Copying a wrapped label's text gives the text as written, without the breaks that wrap it on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from quizapp.gui.widgets import BREAK


def shown_with_long_path(qtbot: QtBot, main_window, tmp_path: Path) -> tuple[Path, QLabel]:
    """A bank in a folder too long for a line, selected in the library of a small, shown window."""
    folder = tmp_path / ("a-folder-whose-name-is-far-too-long-for-one-line-of-the-library-" * 2).rstrip("-")
    folder.mkdir()
    bank = folder / "bank.yaml"
    bank.write_text("title: Long path\nquestions:\n  - id: q1\n    type: choice\n    prompt: Two plus two?\n"
                    "    choices: ['3', '4']\n    answer: '4'\n", encoding="utf-8")
    main_window.resize(800, 600)
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.activateWindow()
    main_window.library.add_banks([bank])
    return bank, main_window.library.file_line


def test_a_long_file_path_copied_from_the_library_has_no_invisible_breaks(
        qtbot: QtBot, main_window, tmp_path: Path) -> None:
    bank, line = shown_with_long_path(qtbot, main_window, tmp_path)
    qtbot.waitUntil(lambda: line.text() == f"File: {bank}")
    qtbot.waitUntil(lambda: BREAK in QLabel.text(line))  # on screen, the path wraps inside its words
    # Select it all with the mouse, as a person would, and copy with the keyboard.
    start = QPoint(2, 4)
    end = QPoint(line.width() - 2, line.height() - 4)
    qtbot.mousePress(line, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(line, end)
    qtbot.mouseRelease(line, Qt.MouseButton.LeftButton, pos=end)
    assert QApplication.focusWidget() is line and line.hasSelectedText()
    QApplication.clipboard().clear()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert str(bank) in copied and BREAK not in copied


def test_copy_from_the_right_click_menu_also_gives_the_text_as_written(
        qtbot: QtBot, main_window, tmp_path: Path) -> None:
    bank, line = shown_with_long_path(qtbot, main_window, tmp_path)
    qtbot.waitUntil(lambda: BREAK in QLabel.text(line))
    QApplication.clipboard().clear()
    chosen: list[str] = []

    def choose(keys: list[Qt.Key]) -> None:
        menu = QApplication.activePopupWidget()
        chosen.append(", ".join(a.text() for a in menu.actions()))
        for key in keys:
            qtbot.keyClick(menu, key)

    def right_click() -> None:  # what the window system sends on a right click (QTest's click is not one)
        pos = QPoint(4, 4)
        QApplication.sendEvent(line, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, line.mapToGlobal(pos)))

    # Right-click, "Select All" (Alt letter A); right-click again, "Copy" (C).
    QTimer.singleShot(200, lambda: choose([Qt.Key.Key_A]))
    right_click()
    qtbot.waitUntil(lambda: line.hasSelectedText())
    QTimer.singleShot(200, lambda: choose([Qt.Key.Key_C]))
    right_click()
    qtbot.waitUntil(lambda: bool(QApplication.clipboard().text()))
    assert chosen[0] == "&Copy, Select &All"
    assert QApplication.clipboard().text() == f"File: {bank}"
