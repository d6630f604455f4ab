"""The Help window's keys line up in a table; window titles name quizapp once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui.editor import open_editors
from tests.conftest import on_modal
from tests.test_gui_keyboard_start import dialog_closed, focused


def shown_title(window: QWidget) -> str:
    """A window's title as Linux desktops show it: Qt's xcb and Wayland plugins add " — <display name>"
    to a title that does not already end with it (the offscreen plugin of the tests adds nothing)."""
    title = window.windowHandle().title()  # "[*]" already replaced
    name = QGuiApplication.applicationDisplayName()
    return title if title.endswith(name) else f"{title} — {name}"


def description_lefts(text: QAbstractScrollArea, descriptions: list[str]) -> list[int]:
    """Where each description starts on screen, in pixels from the left of the text."""
    lefts = []
    for description in descriptions:
        found = text.document().find(description, 0, QTextDocument.FindFlag.FindCaseSensitively)
        assert not found.isNull(), description
        found.setPosition(found.selectionStart())
        lefts.append(text.cursorRect(found).left())
    return lefts


def test_the_help_lines_up_the_keys_and_what_they_do(qtbot: QtBot, main_window) -> None:
    window = main_window
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_F1)
    dialog = window.help_dialog
    qtbot.waitExposed(dialog)
    assert shown_title(dialog) == "Help — quizapp"
    text = dialog.findChild(QAbstractScrollArea)
    described = ["pick a choice", "skip the question", "edit the selected bank", "full screen", "quit"]
    lefts = description_lefts(text, described)
    assert len(set(lefts)) == 1 and lefts[0] > 0, lefts
    # A long description wraps under itself, not under the keys.
    dialog.resize(420, 520)
    qtbot.waitUntil(lambda: text.width() < 420)
    column = description_lefts(text, ["pick a choice"])[0]
    end = "or go back from the article"
    assert description_lefts(text, ["leave the quiz"])[0] == column
    found = text.document().find("article", text.document().find(end).selectionStart())
    found.setPosition(found.selectionStart())
    wrapped = text.cursorRect(found)
    assert wrapped.top() > text.cursorRect(text.document().find("leave the quiz")).top()  # on a line below
    assert wrapped.left() >= column
    dialog.close()


def test_window_titles_name_quizapp_once(qtbot: QtBot, main_window) -> None:
    window = main_window
    assert shown_title(window) == "quizapp"
    titles: list[str] = []

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        titles.append(shown_title(dialog))
        dialog.reject()

    on_modal(qtbot, look)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)  # the quiz options
    qtbot.waitUntil(lambda: bool(titles))
    dialog_closed(window)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # edit the bank
    qtbot.waitUntil(lambda: bool(open_editors()))
    (editor,) = open_editors()
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    titles.append(shown_title(editor))
    window.activateWindow()
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_F1)
    titles.append(shown_title(window.help_dialog))
    assert titles == ["Quiz options — quizapp", "mali-helicopter-collision.yaml (read-only) — Bank editor — quizapp",
                      "Help — quizapp"]
    # An edit marks the editor's title, still with quizapp once.
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.list.setCurrentRow(0)
    editor.form.widgets["unit"].setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "x")
    qtbot.waitUntil(editor.isWindowModified)
    assert shown_title(editor) == "mali-helicopter-collision.yaml* (read-only) — Bank editor — quizapp"
    editor.undo_stack.setClean()


def test_the_help_names_every_shortcut_of_the_menus_and_closes_from_the_keyboard(qtbot: QtBot, main_window) -> None:
    from PySide6.QtGui import QKeySequence

    from quizapp.gui.help_text import KEYS

    window = main_window
    listed = " / ".join(key for key, _ in KEYS)
    missing = []
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            for shortcut in action.shortcuts():
                key = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
                if key and key not in listed and key.replace("Return", "Enter") not in listed \
                        and key not in ("Ctrl++", "Ctrl+0"):  # (the table's "Ctrl+= / Ctrl+-" row names these)
                    missing.append((action.text(), key))
    assert not missing
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_F1)
    dialog = window.help_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert "Making banks" in dialog.findChild(QAbstractScrollArea).toPlainText()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # from the text to Close
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
