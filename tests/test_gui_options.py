"""The quiz options dialog turns the user's choices into QuizOptions."""

from __future__ import annotations

import yaml
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from quizapp.core.session import Mode
from quizapp.gui.options_dialog import QuizOptionsDialog
from tests.conftest import on_modal
from tests.test_gui_keyboard_start import dialog_closed, focused
from tests.test_gui_library import write_bank
from tests.test_gui_mnemonics import mnemonic, shown


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


SMALL_BANK = """\
title: One question
sources:
  a: {file: article.txt}
questions:
  - id: capital
    type: choice
    prompt: Which city is the capital of France?
    answer: Paris
    distractors: [Lyon, Nice]
    cite: {quote: Paris is the capital of France}
"""


def in_options(qtbot: QtBot, window, *keys: tuple[str | Qt.Key, Qt.KeyboardModifier]) -> dict[str, object]:
    """Press Enter in the library, then `keys` in the quiz options and Enter (Start);
    return what the options showed when they opened."""
    seen: dict[str, object] = {}

    def options(dialog: QuizOptionsDialog) -> None:
        dialog.activateWindow()  # what a window manager does with a new dialog (offscreen has none)
        qtbot.waitUntil(dialog.isActiveWindow)
        seen.update(count=dialog.count.text(), available=dialog.available.text(), start=shown(dialog.ok_button),
                    exam=dialog.exam.isChecked(), timed=dialog.timed.isChecked())
        for key, modifier in keys:
            qtbot.keyClick(QApplication.focusWidget(), key, modifier)
            button = QApplication.focusWidget()
            if isinstance(button, QAbstractButton):  # its Alt key clicks it at the end of a short animation
                qtbot.waitUntil(lambda b=button: not b.isDown())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    on_modal(qtbot, options)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen) and window.stack.currentWidget() is window.quiz)
    dialog_closed(window)
    return seen


def answer_right(qtbot: QtBot, window) -> str:
    """Answer the question shown with its right answer, by keys; return the question's id."""
    item = window.quiz.session.current
    if item.is_choice:
        qtbot.keyClick(focused(qtbot, window), str(item.choices.index(item.question.answer) + 1))
    else:
        qtbot.keyClicks(focused(qtbot, window), f"{item.question.answer:g}")
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    return item.question.id


def finish(qtbot: QtBot, window) -> None:
    """Answer every question with its right answer, by keys; end on the library."""
    quiz = window.quiz
    while quiz.session is not None:
        answer_right(qtbot, window)
        if quiz.session is not None and quiz.in_feedback:
            qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.results
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Library
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.library)


def test_a_small_bank_s_count_and_time_limit_do_not_follow_to_a_bigger_bank(qtbot: QtBot, main_window,
                                                                            tmp_path) -> None:
    window = main_window
    window.library.add_banks([write_bank(tmp_path, "one.yaml", SMALL_BANK)])
    qtbot.waitUntil(lambda: not window.library.loading and window.library.list.count() == 2)
    assert window.library.current_check().loaded.title == "One question"
    alt = Qt.KeyboardModifier.AltModifier
    seen = in_options(qtbot, window, ("e", alt), ("t", alt))  # Exam, Time limit
    assert seen["count"] == "1" and seen["available"] == "of 1 matching"
    assert window.quiz.session.options.time_limit == 600 and window.quiz.clock.isVisible()
    finish(qtbot, window)

    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Up)  # the bundled bank, 18 questions
    assert window.library.current_check().loaded.title == "French helicopter collision in Mali"
    seen = in_options(qtbot, window)  # Enter, Enter
    # All of them, untimed; exam mode stays the choice, and Start says so.
    assert seen == {"count": "18", "available": "of 18 matching", "start": "Start exam", "exam": True,
                    "timed": False}
    assert window.quiz.position.text() == "Question 1 of 18"
    assert window.quiz.session.options.time_limit is None and not window.quiz.clock.isVisible()


def test_each_bank_keeps_its_own_count_and_all_stays_all(qtbot: QtBot, main_window, bank_file) -> None:
    window = main_window
    window.library.add_banks([bank_file])  # the same 18 questions in another file, selected
    qtbot.waitUntil(lambda: not window.library.loading and window.library.list.count() == 2)
    assert window.library.current_check().path == bank_file
    numbers = Qt.KeyboardModifier.AltModifier
    window.activateWindow()
    in_options(qtbot, window, (Qt.Key.Key_5, Qt.KeyboardModifier.NoModifier))  # typed over the selected 18
    assert window.quiz.position.text() == "Question 1 of 5"
    window.quiz.confirm_leave = lambda _parent: True
    window.quiz.leave()

    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Up)  # the bundled bank: all its questions
    seen = in_options(qtbot, window, ("u", numbers))  # untick Numbers: all 8 choice questions
    assert seen["count"] == "18"
    assert window.quiz.position.text() == "Question 1 of 8"
    window.quiz.leave()
    # "All" of the 8 matching was all: all 18 next time, and still all after Numbers is unticked and ticked again.
    seen = in_options(qtbot, window, ("u", numbers), ("u", numbers))
    assert (seen["count"], seen["available"]) == ("18", "of 18 matching")
    assert window.quiz.position.text() == "Question 1 of 18"
    window.quiz.leave()

    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Down)
    assert in_options(qtbot, window)["count"] == "5"  # the other bank's own choice
    window.quiz.leave()
    # That bank loses all but 3 questions: its 5 becomes 3 of 3.
    bank = yaml.safe_load(bank_file.read_text(encoding="utf-8"))
    bank["questions"] = bank["questions"][:3]
    bank_file.write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    window.library.add_banks([bank_file])  # File > Open again: read anew
    qtbot.waitUntil(lambda: not window.library.loading and window.library.current_check().path == bank_file)
    seen = in_options(qtbot, window)
    assert (seen["count"], seen["available"]) == ("3", "of 3 matching")


def test_every_label_shows_its_alt_key_and_the_key_goes_to_its_field(qtbot: QtBot, settings_dir,
                                                                     bundled_bank) -> None:
    dialog = QuizOptionsDialog(bundled_bank)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # What a screen reader reads, and what is drawn: a label with a working Alt key has its "&" hidden.
    labels = [shown(label) for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert "Number of questions:" in labels and "Tags:" in labels
    assert not [text for text in labels if "&" in text]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not dialog.count
    qtbot.keyClick(QApplication.focusWidget(), "n", Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.count
    qtbot.keyClick(QApplication.focusWidget(), "a", Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.tags
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)  # Esc
    keys = [mnemonic(b.text()) for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b is not cancel]
    assert "" not in keys and len(set(keys)) == len(keys)
