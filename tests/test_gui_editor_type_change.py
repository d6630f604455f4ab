"""Switching a question between choice and numeric keeps the typed answer where it can, and never invents one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from quizapp.gui.editor import BankEditor
from tests.conftest import alt, key
from tests.test_gui_editor_problems import open_shown

CTRL = Qt.KeyboardModifier.ControlModifier


def new_question_with_answer(qtbot, editor: BankEditor, answer: str) -> None:
    """Ctrl+N, Alt+N, type the answer: a fresh choice question."""
    key(qtbot, Qt.Key.Key_N, CTRL)
    alt(qtbot, "n")
    assert QApplication.focusWidget() is editor.form.widgets["answer"]
    qtbot.keyClicks(QApplication.focusWidget(), answer)


def pick_type(qtbot, editor: BankEditor, down: bool) -> None:
    """Alt+Y, then Down (Numeric) or Up (Multiple choice) in the Type box."""
    alt(qtbot, "y")
    assert QApplication.focusWidget() is editor.form.type_box
    key(qtbot, Qt.Key.Key_Down if down else Qt.Key.Key_Up)


@pytest.mark.parametrize(("typed", "number"), [("42", 42), ("4,500", 4500)])
def test_a_typed_answer_that_reads_as_a_number_stays_when_the_question_becomes_numeric(
        qtbot, bank_file: Path, typed: str, number: int) -> None:
    editor = open_shown(qtbot, bank_file)
    new_question_with_answer(qtbot, editor, typed)
    pick_type(qtbot, editor, down=True)
    row = editor.list.currentRow()
    assert editor.draft.question(row)["type"] == "numeric"
    assert editor.draft.question(row)["answer"] == number
    assert editor.form.text_of("answer") == typed
    qtbot.waitUntil(lambda: not editor.form.errors["answer"].isVisible())  # once checked

    # and back to choice: the answer's text stays as typed
    pick_type(qtbot, editor, down=False)
    assert editor.draft.question(row)["type"] == "choice"
    assert editor.draft.question(row)["answer"] == typed
    assert editor.form.text_of("answer") == typed


def test_an_answer_that_is_no_number_leaves_the_numeric_answer_empty_and_asked_for(qtbot, bank_file: Path) -> None:
    editor = open_shown(qtbot, bank_file)
    new_question_with_answer(qtbot, editor, "Bamako")
    pick_type(qtbot, editor, down=True)
    row = editor.list.currentRow()
    assert "answer" not in editor.draft.question(row)  # not 0: nobody typed 0
    assert editor.form.text_of("answer") == ""
    qtbot.waitUntil(lambda: editor.form.errors["answer"].isVisible())
    problems = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert any(f"question {row + 1}" in p and "answer" in p.lower() for p in problems), problems

    # Undo brings the choice question and its answer back
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.draft.question(row)["type"] == "choice"
    assert editor.draft.question(row)["answer"] == "Bamako"

    # numeric back to choice with nothing typed: an empty answer, not "0"
    key(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    pick_type(qtbot, editor, down=False)
    assert editor.form.text_of("answer") == ""
