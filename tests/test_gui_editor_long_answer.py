"""A fact-check statement in the editor's Answer shows whole, wrapped, at 1280x800 and at 800x600; it stays one
line of text (Enter adds no line break), and typing in it is one undo step, as in a one-line field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from quizapp.gui.editor import BankEditor
from tests.conftest import SEED, alt, key
from tests.test_gui_editor_problems import open_shown
from tests.test_gui_long_options import BANK, RIGHT

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
# A numeric question after the statement, to see the Answer one line tall again.
NUMERIC = ("  - {id: count, type: numeric, prompt: How many?, answer: 13,"
           " cite: {quote: \"A collision of two helicopters killed 13 French soldiers\"}}\n")


@pytest.fixture
def statement_bank(tmp_path: Path) -> Path:
    shutil.copy(SEED, tmp_path / "mali.txt")
    path = tmp_path / "bank.yaml"
    path.write_text(BANK + NUMERIC, encoding="utf-8")
    return path


def wholly_in_view(field: QPlainTextEdit) -> bool:
    """All of the field's text is in sight: its first character at the top, its last inside, nothing to scroll."""
    end = field.textCursor()
    end.movePosition(end.MoveOperation.End)
    return (field.verticalScrollBar().maximum() == 0 and field.cursorForPosition(QPoint(1, 1)).position() == 0
            and field.viewport().rect().contains(field.cursorRect(end)))


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)], ids=["1280x800", "800x600"])
def test_a_long_answer_shows_whole_and_edits_as_one_line(qtbot, statement_bank: Path, size: tuple[int, int]) -> None:
    editor = open_shown(qtbot, statement_bank)
    editor.resize(*size)
    alt(qtbot, "n")  # the Answer's Alt key
    field = QApplication.focusWidget()
    assert editor.form.text_of("answer") == RIGHT
    assert not isinstance(field, QLineEdit), "a one-line Answer shows a long one's first words only"
    qtbot.waitUntil(lambda: wholly_in_view(field))
    assert field.viewport().height() >= 4 * field.fontMetrics().lineSpacing()  # grown to its lines
    # The three wrong answers, as long, wrap (as they did) in a box grown to 8 lines.
    wrong = editor.form.widgets["distractors"]
    qtbot.waitUntil(lambda: wrong.viewport().height() >= 8 * wrong.fontMetrics().lineSpacing())

    key(qtbot, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(field, " Really")
    assert editor.draft.question(0)["answer"] == RIGHT + " Really"
    steps = editor.undo_stack.count()
    for modifier in (None, SHIFT, CTRL):  # Enter does nothing here, as in a one-line field: no line break
        key(qtbot, Qt.Key.Key_Return, modifier)
        key(qtbot, Qt.Key.Key_Enter, modifier)
    assert QApplication.focusWidget() is field
    assert editor.form.text_of("answer") == RIGHT + " Really" == editor.draft.question(0)["answer"]
    assert editor.undo_stack.count() == steps
    # A sentence copied from an article broken into lines goes in as one line.
    QApplication.clipboard().setText(" (in Mali,\nnear the border)\n")
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert editor.draft.question(0)["answer"] == RIGHT + " Really(in Mali, near the border)"

    # What was typed in the field is one undo step, and comes back with Redo.
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.form.text_of("answer") == RIGHT == editor.draft.question(0)["answer"]
    assert not editor.isWindowModified()
    key(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.draft.question(0)["answer"] == RIGHT + " Really(in Mali, near the border)"
    assert QApplication.focusWidget() is field


def test_a_short_answer_keeps_one_line(qtbot, statement_bank: Path) -> None:
    editor: BankEditor = open_shown(qtbot, statement_bank)
    editor.resize(1280, 800)
    assert QApplication.focusWidget() is editor.list
    key(qtbot, Qt.Key.Key_Down)  # the numeric question
    alt(qtbot, "n")
    field = QApplication.focusWidget()
    assert editor.form.text_of("answer") == "13"
    one_line = editor.form.widgets["id"]
    qtbot.waitUntil(lambda: field.height() < one_line.height() + field.fontMetrics().lineSpacing())
    qtbot.keyClicks(field, "31")  # the Alt key selected the value, as in a one-line field: the keys replace it
    assert editor.draft.question(1)["answer"] == 31
    key(qtbot, Qt.Key.Key_Return)
    assert editor.draft.question(1)["answer"] == 31 and editor.form.text_of("answer") == "31"
