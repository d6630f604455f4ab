"""The app's keys work in a bank editor as in the main window: F1, Ctrl+= / Ctrl+-, Ctrl+Q."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextBrowser

from quizapp.gui.editor import BankEditor, open_editors
from tests.conftest import key, press_on_modal

CTRL = Qt.KeyboardModifier.ControlModifier


def editor_from_the_library(qtbot, window) -> BankEditor:
    """Ctrl+Shift+E on the selected bank; the editor in front, the focus in its Unit field."""
    window.library.list.setCurrentRow(0)
    key(qtbot, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    editor, = open_editors()
    # (closed with the main window at the end of the test: it discards the editors' edits first)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.form.focus_field("prompt")
    return editor


def test_f1_and_the_text_size_keys_work_in_the_editor(qtbot, main_window) -> None:
    editor = editor_from_the_library(qtbot, main_window)
    key(qtbot, Qt.Key.Key_F1)
    dialog = main_window.help_dialog
    qtbot.waitExposed(dialog)
    assert dialog.parentWidget() is editor  # over the editor, where the key was pressed
    # at the part about making and editing banks, not at the top (taking a quiz)
    browser = dialog.findChild(QTextBrowser)
    heading = browser.document().find("Making banks")
    qtbot.waitUntil(lambda: browser.viewport().rect().contains(browser.cursorRect(heading)))
    assert browser.verticalScrollBar().value() > 0
    dialog.close()

    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.form.focus_field("prompt")
    size = QApplication.font().pointSizeF()
    key(qtbot, Qt.Key.Key_Equal, CTRL)
    assert QApplication.font().pointSizeF() > size
    key(qtbot, Qt.Key.Key_Minus, CTRL)
    assert QApplication.font().pointSizeF() == size


def test_ctrl_q_in_the_editor_quits_asking_about_its_unsaved_edits_first(qtbot, main_window) -> None:
    editor = editor_from_the_library(qtbot, main_window)
    qtbot.keyClicks(QApplication.focusWidget(), " Really?")
    assert editor.isWindowModified()
    asked = press_on_modal(qtbot, "c", Qt.KeyboardModifier.AltModifier)  # Cancel
    key(qtbot, Qt.Key.Key_Q, CTRL)
    assert asked == ["Unsaved changes"]
    assert editor.isVisible() and main_window.isVisible()  # nothing closed

    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.form.focus_field("prompt")
    asked = press_on_modal(qtbot, "d", Qt.KeyboardModifier.AltModifier)  # Discard
    key(qtbot, Qt.Key.Key_Q, CTRL)
    assert asked == ["Unsaved changes"]
    assert not main_window.isVisible()
    assert not open_editors()
