"""Ctrl+= up to the largest text on the results of a quiz in an 800x600 window: the list above the answer's
details, two whole rows of it in view, the details' lines wrapped to the width (nothing to scroll sideways) and
the whole screen scrolled to what does not fit; at the normal size the list beside the details, as before."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from quizapp.core.session import QuizOptions
from tests.conftest import key
from tests.test_gui_largest_text_room import largest_text_by_keys, normal_again
from tests.test_gui_library_largest_text import scroll_to, scrolled_areas, top_left
from tests.test_gui_quiz import answer_by_clicks
from tests.test_gui_small_screen import wholly_shown

__all__ = ["normal_again"]  # (a fixture)

SMALL = QSize(800, 600)


def test_the_results_are_readable_at_the_largest_text_on_a_small_screen(
        qtbot: QtBot, main_window, bundled_bank, normal_again: None) -> None:
    window = main_window
    window.resize(SMALL)
    qtbot.waitExposed(window)
    window.begin(bundled_bank, QuizOptions(count=4, seed=2))
    quiz = window.quiz
    while window.stack.currentWidget() is not window.results:
        answer_by_clicks(qtbot, quiz)
        qtbot.mouseClick(quiz.next_button, Qt.MouseButton.LeftButton)
    results = window.results
    answers, feedback = results.list, results.feedback
    details = scrolled_areas(feedback)[0]  # the pane that holds the answer's details
    assert results.session.mistakes  # (a wrong or close answer: its details say the right one too)

    # The normal size: the list beside the details, nothing scrolled.
    qtbot.waitUntil(lambda: top_left(details).x() >= top_left(answers).x() + answers.width())
    assert all(area.verticalScrollBar().maximum() == 0 for area in scrolled_areas(answers))

    largest_text_by_keys(qtbot, window)
    assert window.size() == SMALL
    window.activateWindow()
    for _ in range(10):  # Tab to the list, from the button that had the focus
        if QApplication.focusWidget() is answers:
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is answers
    key(qtbot, Qt.Key.Key_Home)
    while results.session.answers[answers.currentRow()].verdict.value == "right":
        key(qtbot, Qt.Key.Key_Down)  # to a mistake, whose details are longer

    # The list above the details, with two whole rows in view at least.
    qtbot.waitUntil(lambda: top_left(details).y() >= top_left(answers).y() + answers.height())
    rows = sorted((answers.visualItemRect(answers.item(i)).height() for i in range(answers.count())), reverse=True)
    assert rows[0] >= 2 * answers.fontMetrics().lineSpacing()  # (a question of the larger text takes lines)
    qtbot.waitUntil(lambda: answers.viewport().height() >= rows[0] + rows[1] + 4 * answers.spacing())
    qtbot.waitUntil(lambda: wholly_shown(answers))  # (the page scrolled to the list, which has the focus)

    # The details as wide as their pane: nothing scrolls sideways, each line wraps, and each is scrolled to whole.
    qtbot.waitUntil(lambda: feedback.width() <= details.viewport().width())
    for area in [details, *scrolled_areas(details)]:
        assert area.horizontalScrollBar().maximum() == 0 or not area.horizontalScrollBar().isVisible()
    shown = [w for w in feedback.findChildren(QLabel) if w.isVisibleTo(feedback) and w.text()]
    assert feedback.verdict in shown and feedback.right in shown
    for label in shown:
        qtbot.waitUntil(lambda w=label: w.height() >= w.heightForWidth(w.width()))
        scroll_to(label)
        qtbot.waitUntil(lambda w=label: wholly_shown(w))
    # The title and the score above, scrolled to.
    for label in (results.title, results.score):
        scroll_to(label)
        qtbot.waitUntil(lambda w=label: wholly_shown(w))
    # The buttons stay in view under the page.
    for button in (results.library_button, results.retry_button):
        assert wholly_shown(button)
    assert not any(area.isAncestorOf(results.retry_button) for area in results.findChildren(QScrollArea))
