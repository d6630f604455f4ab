"""A timed quiz: the time left turns to a warning near the end, and the results say the time ran out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from quizapp.core.session import QuizOptions, start_quiz
from quizapp.gui.theme import verdict_color
from tests.test_gui_keyboard_start import focused


def test_the_last_minute_is_a_warning_and_the_results_say_the_time_ran_out(
        qtbot: QtBot, main_window, bundled_bank) -> None:
    window = main_window
    now = [0.0]
    window.run_session(start_quiz(bundled_bank, QuizOptions(count=4, time_limit=300, seed=3), clock=lambda: now[0]))
    quiz = window.quiz
    red = verdict_color("wrong", quiz.palette()).name()

    def clock_colour() -> str:
        return quiz.clock.palette().color(QPalette.ColorRole.WindowText).name()

    qtbot.waitUntil(lambda: quiz.clock.text() == "Time left 5:00")
    assert not quiz.clock_warning and clock_colour() != red and not quiz.clock.font().bold()
    # The first question skipped by the student (Ctrl+K), then a wait on the second.
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    now[0] = 241.0
    qtbot.waitUntil(lambda: quiz.clock.text() == "Time left 0:59")
    assert quiz.clock_warning and clock_colour() == red and quiz.clock.font().bold()
    now[0] = 300.0
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.results)
    results = window.results
    assert results.details.text().startswith(
        "Time ran out: 3 questions not answered. 0 right, 0 wrong, 1 skipped · time 5 min 00 s ·")
    results.list.setCurrentRow(0)
    assert results.feedback.verdict.text() == "– Skipped: 0 points"
    results.list.setCurrentRow(1)
    assert results.feedback.verdict.text() == "– Not answered: 0 points"
    assert results.feedback.given.text() == "Your answer: (none: the time ran out)"
    assert "Your answer: (none: the time ran out)" in results.results_text()


def test_a_short_quiz_warns_in_its_last_quarter(qtbot: QtBot, main_window, bundled_bank) -> None:
    now = [0.0]
    main_window.run_session(start_quiz(bundled_bank, QuizOptions(count=2, time_limit=60), clock=lambda: now[0]))
    quiz = main_window.quiz
    now[0] = 30.0
    qtbot.waitUntil(lambda: quiz.clock.text() == "Time left 0:30")
    assert not quiz.clock_warning
    now[0] = 46.0
    qtbot.waitUntil(lambda: quiz.clock.text() == "Time left 0:14")
    assert quiz.clock_warning
