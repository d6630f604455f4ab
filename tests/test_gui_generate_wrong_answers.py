"""In the new bank dialog's review, a question's wrong answers are a list, one under another, as the bank editor shows
them: a statement's are whole sentences, which ran together in one paragraph, joined by "; "."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from quizapp.gui.generate_dialog import GenerateDialog
from tests.conftest import SEED, alt, discard_on_teardown, key
from tests.test_gui_editor_long_answer import wholly_in_view

STATEMENT = "Which of these statements"


def left_top(label: QLabel) -> QPoint:
    return label.mapTo(label.window(), QPoint(0, 0))


def reviewing_a_statement(qtbot: QtBot, folder: Path, size: tuple[int, int]) -> GenerateDialog:
    """The dialog at `size`, shown and active, its review's list focused on a statement question generated from
    the seed article, all by keys."""
    dialog = GenerateDialog(None, target_dir=folder, articles=[SEED])
    qtbot.addWidget(dialog, before_close_func=discard_on_teardown)
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    alt(qtbot, "n")  # Numeric off: multiple choice only
    alt(qtbot, "l")  # List all found: the unsure statements too
    with qtbot.waitSignal(dialog.generation_finished, timeout=60_000):
        key(qtbot, Qt.Key.Key_Return)  # Generate
    alt(qtbot, "v")  # the review's list
    assert QApplication.focusWidget() is dialog.review
    while not dialog.question(dialog.review.currentRow())["prompt"].startswith(STATEMENT):
        assert dialog.review.currentRow() < dialog.question_count() - 1, "no statement question to review"
        key(qtbot, Qt.Key.Key_Down)
    return dialog


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)], ids=["1280x800", "800x600"])
def test_a_statement_s_wrong_answers_are_listed_one_under_another(qtbot: QtBot, tmp_path: Path,
                                                                  size: tuple[int, int]) -> None:
    dialog = reviewing_a_statement(qtbot, tmp_path, size)
    wrong = dialog.question(dialog.review.currentRow())["distractors"]
    assert len(wrong) > 1 and all(len(w) > 80 for w in wrong)  # whole sentences

    def shown() -> list[QLabel]:
        """The labels of the details that show one wrong answer each, top to bottom."""
        labels = [label for label in dialog.details_scroll.widget().findChildren(QLabel)
                  if label.isVisibleTo(dialog) and label.text() in wrong]
        return sorted(labels, key=lambda label: left_top(label).y())

    qtbot.waitUntil(lambda: [label.text() for label in shown()] == wrong)
    labels = shown()
    for above, below in pairwise(labels):  # one under another, apart
        assert left_top(above).y() + above.height() < left_top(below).y()
    assert len({left_top(label).x() for label in labels}) == 1  # lined up
    # Each after a bullet: a wrapped answer's next lines start under its first words, not at the bullet.
    bullets = [label for label in dialog.details_scroll.widget().findChildren(QLabel)
               if label.isVisibleTo(dialog) and label.text() == "•"]
    assert len(bullets) == len(wrong)
    for bullet, label in zip(sorted(bullets, key=lambda b: left_top(b).y()), labels, strict=True):
        assert left_top(bullet).x() < left_top(label).x()
        assert abs(left_top(bullet).y() - left_top(label).y()) < bullet.fontMetrics().height() // 2


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)], ids=["1280x800", "800x600"])
def test_a_statement_s_answer_shows_whole_and_edits_as_one_line(qtbot: QtBot, tmp_path: Path,
                                                                size: tuple[int, int]) -> None:
    """A one-line Answer showed a statement's first words only: the figure near its end, which tells it from the
    wrong answers, was out of sight. It wraps, as the bank editor's does, and is still edited as one line."""
    dialog = reviewing_a_statement(qtbot, tmp_path, size)
    row = dialog.review.currentRow()
    answer = dialog.question(row)["answer"]
    assert len(answer) > 80  # a whole sentence
    alt(qtbot, "s")  # An&swer
    field = QApplication.focusWidget()
    assert field is dialog.answer_edit
    assert not isinstance(field, QLineEdit), "a one-line Answer shows a long one's first words only"
    assert field.toPlainText() == answer
    qtbot.waitUntil(lambda: wholly_in_view(field))
    assert field.viewport().height() >= 2 * field.fontMetrics().lineSpacing()  # grown to its lines

    key(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, " Really")
    key(qtbot, Qt.Key.Key_Return)  # no line break, and no Generate (which would replace the review)
    assert dialog.question(row)["answer"] == answer + " Really" == field.toPlainText()
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # its own Undo, as a one-line field has
    assert dialog.question(row)["answer"] == answer
