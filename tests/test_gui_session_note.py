"""Back in the library after a quiz or a study session, its status line says how the session went, by the bank's
title: it said nothing of it, only the count of banks."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.core.model import ChoiceQuestion
from quizapp.core.session import QuizOptions, start_quiz
from quizapp.gui.theme import MAX_POINT_SIZE, set_point_size
from tests.conftest import key

TITLE = "French helicopter collision in Mali"
BANKS_READY = "\n1 bank ready. Open more with Ctrl+O or drop .yaml files here."


def answer(qtbot: QtBot, screen, *, right: bool) -> None:
    """Answer the question shown (right, or wrong) from the keyboard, as a person does."""
    item = screen.session.current
    question = item.question
    if isinstance(question, ChoiceQuestion):
        given = question.answer if right else question.distractors[0]
        qtbot.keyClick(QApplication.focusWidget(), str(item.choices.index(given) + 1))
    else:
        qtbot.keyClicks(QApplication.focusWidget(), f"{question.answer if right else question.answer * 3:g}")
        key(qtbot, Qt.Key.Key_Return)
    assert screen.in_feedback


def test_the_library_says_how_the_quiz_just_finished_went(qtbot: QtBot, main_window, bundled_bank) -> None:
    window = main_window
    before = window.library.status.text()
    questions = [bundled_bank.bank.question(i) for i in ("helicopter-types", "soldiers-killed")]
    window.run_session(start_quiz(bundled_bank, QuizOptions(shuffle_questions=False), questions=questions))
    quiz = window.quiz
    answer(qtbot, quiz, right=False)
    key(qtbot, Qt.Key.Key_Return)
    answer(qtbot, quiz, right=True)
    key(qtbot, Qt.Key.Key_Return)  # See results →
    assert window.stack.currentWidget() is window.results
    key(qtbot, Qt.Key.Key_Escape)  # back to the library
    assert window.stack.currentWidget() is window.library
    assert window.library.status.text() == (f"Quiz on “{TITLE}” (2 of 18 questions): 1 of 2 points (50%)."
                                            + BANKS_READY)
    assert before == BANKS_READY.lstrip("\n")  # (nothing said before it)


def test_the_library_says_how_the_study_session_and_the_review_went(qtbot: QtBot, main_window) -> None:
    window = main_window
    window.set_new_per_day(2)  # (Quiz > New questions per day…: a short session)
    window.library.focus_list()
    key(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Study due questions
    screen = window.study_screen
    assert window.stack.currentWidget() is screen and len(screen.session.items) == 2
    answer(qtbot, screen, right=False)
    key(qtbot, Qt.Key.Key_Return)  # rated as suggested (Again): due again in a minute
    answer(qtbot, screen, right=True)
    key(qtbot, Qt.Key.Key_Return)  # Finish →
    assert screen.done.isVisible()
    key(qtbot, Qt.Key.Key_Escape)  # back to the library
    assert window.stack.currentWidget() is window.library
    # (the one missed comes back in a minute: later today, or tomorrow a minute before midnight)
    said = re.escape(f"Studied 2 questions of “{TITLE}”: 1 of 2 points (50%); next review ") + \
        r"(later today|tomorrow)\." + re.escape(BANKS_READY)
    assert re.fullmatch(said, window.library.status.text()), window.library.status.text()

    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # Review mistakes: the one missed
    assert window.stack.currentWidget() is screen and len(screen.session.items) == 1
    answer(qtbot, screen, right=True)
    key(qtbot, Qt.Key.Key_Return)  # done
    key(qtbot, Qt.Key.Key_Return)  # Back to library, focused on the summary
    assert window.stack.currentWidget() is window.library
    assert window.library.status.text() == f"Reviewed 1 mistake of “{TITLE}”: 1 of 1 point (100%)." + BANKS_READY


def test_the_note_is_in_sight_at_the_largest_text_on_a_small_screen(qtbot: QtBot, main_window, bundled_bank,
                                                                     settings_dir) -> None:
    # At the largest text on 800x600 the library's page scrolls; its status line was the page's last row, out of
    # sight below the details, so the note of the quiz just done went unseen.
    window = main_window
    normal = QApplication.font().pointSizeF()
    assert set_point_size(QApplication.instance(), 1000) == MAX_POINT_SIZE
    try:
        window.resize(800, 600)
        questions = [bundled_bank.bank.question(i) for i in ("helicopter-types", "soldiers-killed")]
        window.run_session(start_quiz(bundled_bank, QuizOptions(shuffle_questions=False), questions=questions))
        for right in (False, True):
            answer(qtbot, window.quiz, right=right)
            key(qtbot, Qt.Key.Key_Return)
        key(qtbot, Qt.Key.Key_Escape)  # results -> library
        status = window.library.status
        assert window.stack.currentWidget() is window.library and status.text().startswith("Quiz on")
        qtbot.waitUntil(lambda: status.height() >= status.heightForWidth(status.width()) > 0)
        assert status.visibleRegion().boundingRect() == status.rect()  # whole, not scrolled out of the view
    finally:
        set_point_size(QApplication.instance(), normal)
