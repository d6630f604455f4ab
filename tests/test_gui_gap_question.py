"""A generated gap question (a sentence with its figure left out) answered by keyboard: the feedback sits
under the entry, with the question still in view, at 800x600 and 1000x720."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from quizapp.core.session import Mode, QuizOptions, start_quiz
from tests.conftest import ROOT
from tests.test_gui_small_screen import wholly_shown

GENERATED = ROOT / "questions" / "mali-helicopter-collision.generated.yaml"


@pytest.mark.parametrize("size", [(800, 600), (1000, 720)], ids=["800x600", "1000x720"])
def test_the_feedback_on_a_gap_shows_under_the_question(qtbot: QtBot, main_window, size) -> None:
    loaded = load_bank(GENERATED)
    [gap] = [q for q in loaded.bank.questions if q.type == "numeric" and "up from about ___" in q.prompt]
    window = main_window
    window.resize(*size)
    window.run_session(start_quiz(loaded, QuizOptions(mode=Mode.PRACTICE), questions=[gap]))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    quiz = window.quiz
    focus = QApplication.focusWidget()
    assert focus is quiz.number
    qtbot.keyClicks(focus, "740")
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert quiz.feedback.verdict.text().startswith("✗ Wrong")
    assert "574" in quiz.feedback.right.text()
    qtbot.waitUntil(lambda: quiz.feedback.isVisible() and quiz.next_button.isEnabled())
    # The entry is one line high: no empty box left by the choice buttons of another kind of question
    # between it and the feedback, so the question, the entry and the feedback all fit the window.
    assert quiz.answer_area.height() < 3 * quiz.number.height()
    viewport = quiz.scroll.viewport()
    top = quiz.prompt.mapTo(viewport, QPoint(0, 0)).y()
    bottom = quiz.feedback.mapTo(viewport, QPoint(0, quiz.feedback.height())).y()
    assert top >= 0 and bottom <= viewport.height(), (top, bottom, viewport.height())
    assert wholly_shown(quiz.next_button)  # under them
