"""Alt+Up and Alt+Down move a question in the list of questions, and are the field's own keys elsewhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from quizapp.gui.help_text import KEYS
from tests.conftest import alt, key
from tests.test_gui_editor_problems import open_shown

ALT = Qt.KeyboardModifier.AltModifier


def test_alt_down_in_a_box_opens_its_list_and_in_the_question_list_moves_the_question(qtbot, bank_file: Path) -> None:
    editor = open_shown(qtbot, bank_file)
    editor.list.setCurrentRow(1)
    moved_id = editor.draft.question(1)["id"]
    alt(qtbot, "s")  # the Source box
    box = QApplication.focusWidget()
    assert box is editor.form.source_box
    key(qtbot, Qt.Key.Key_Down, ALT)
    qtbot.waitUntil(box.view().isVisible)  # its list opened
    assert editor.draft.question(1)["id"] == moved_id  # and the question stayed second
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.view().isVisible())

    alt(qtbot, "p")  # in a text field too, the question stays
    assert QApplication.focusWidget() is editor.form.widgets["prompt"]
    key(qtbot, Qt.Key.Key_Down, ALT)
    key(qtbot, Qt.Key.Key_Up, ALT)
    assert editor.draft.question(1)["id"] == moved_id

    row = editor.list.visualItemRect(editor.list.item(1)).center()  # a click on the question in the list
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert QApplication.focusWidget() is editor.list
    key(qtbot, Qt.Key.Key_Down, ALT)
    assert editor.draft.question(2)["id"] == moved_id
    assert editor.list.currentRow() == 2
    key(qtbot, Qt.Key.Key_Up, ALT)
    key(qtbot, Qt.Key.Key_Up, ALT)
    assert editor.draft.question(0)["id"] == moved_id
    assert QApplication.focusWidget() is editor.list


def test_the_help_and_the_menu_say_where_alt_up_moves_a_question(qtbot, bank_file: Path) -> None:
    editor = open_shown(qtbot, bank_file)
    edit_menu = editor.menuBar().actions()[1].menu()
    moves = {a.text(): a.shortcut().toString() for a in edit_menu.actions() if "Move" in a.text()}
    assert moves == {"&Move question up": "Alt+Up", "Move question do&wn": "Alt+Down"}
    assert dict(KEYS)["Alt+Up / Alt+Down"].startswith("in the editor's list of questions")
