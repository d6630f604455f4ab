"""The quiz options dialog turns the user's choices into QuizOptions."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from quizapp.core.session import Mode
from quizapp.gui.options_dialog import QuizOptionsDialog


def tag_item(dialog: QuizOptionsDialog, tag: str):
    for i in range(dialog.tags.count()):
        item = dialog.tags.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == tag:
            return item
    raise KeyError(tag)


def test_options_from_the_dialog(qtbot: QtBot, settings_dir, bundled_bank) -> None:
    dialog = QuizOptionsDialog(bundled_bank)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.count.value() == 18
    assert dialog.available.text() == "of 18 matching"
    qtbot.mouseClick(dialog.type_boxes["choice"], Qt.MouseButton.LeftButton)  # numbers only
    assert dialog.available.text() == "of 10 matching"
    assert dialog.count.maximum() == 10
    tag_item(dialog, "casualties").setCheckState(Qt.CheckState.Checked)
    assert dialog.available.text() == "of 6 matching"
    qtbot.mouseClick(dialog.exam, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.timed, Qt.MouseButton.LeftButton)
    dialog.minutes.setValue(5)
    box = dialog.shuffle_choices  # click its box: the widget is wider than box and label
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    options = dialog.options()
    assert options.count == 6
    assert options.types == frozenset({"numeric"})
    assert options.tags == frozenset({"casualties"})
    assert options.mode is Mode.EXAM
    assert options.time_limit == 300
    assert options.shuffle_questions and not options.shuffle_choices
    # No type ticked: nothing matches and Start is disabled.
    qtbot.mouseClick(dialog.type_boxes["numeric"], Qt.MouseButton.LeftButton)
    assert dialog.available.text() == "no question matches"
    assert not dialog.ok_button.isEnabled()


def test_the_dialog_remembers_the_last_choices(qtbot: QtBot, settings_dir, bundled_bank) -> None:
    first = QuizOptionsDialog(bundled_bank)
    qtbot.addWidget(first)
    first.show()
    first.count.setValue(7)
    qtbot.mouseClick(first.exam, Qt.MouseButton.LeftButton)
    first.accept()
    again = QuizOptionsDialog(bundled_bank)
    qtbot.addWidget(again)
    assert again.count.value() == 7
    assert again.exam.isChecked()
