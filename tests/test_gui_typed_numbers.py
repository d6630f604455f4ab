"""Typing numbers in a quiz, with keys on the focused field: a year reads as a year, the unit may be
typed after the number, and "4.500" is checked once more before it is scored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.core.session import Mode, QuizOptions, start_quiz
from quizapp.gui.theme import verdict_color
from tests.test_gui_keyboard_start import focused


def run(qtbot: QtBot, window, loaded, ids: list[str], mode: Mode = Mode.PRACTICE) -> None:
    by_id = {q.id: q for q in loaded.bank.questions}
    window.run_session(start_quiz(loaded, QuizOptions(shuffle_questions=False, mode=mode),
                                  questions=[by_id[i] for i in ids]))
    assert focused(qtbot, window) is window.quiz.number


def type_in(qtbot: QtBot, window, text: str) -> None:
    field = focused(qtbot, window)
    field.selectAll()
    qtbot.keyClicks(field, text)


def type_keys(qtbot: QtBot, window, text: str) -> None:
    """Each key of `text` pressed where the focus is by then, as a person types."""
    for key in text:
        qtbot.keyClick(focused(qtbot, window), key)


def hint_colour(window) -> str:
    return window.quiz.hint.palette().color(QPalette.ColorRole.WindowText).name()


def test_a_year_reads_as_a_year_in_the_hint_the_feedback_and_the_copied_results(
        qtbot: QtBot, main_window, bundled_bank) -> None:
    window = main_window
    run(qtbot, window, bundled_bank, ["timbuktu-year"])
    # "2.013" reads two ways, and neither is a year: the warning asks for one
    type_in(qtbot, window, "2.013")
    assert window.quiz.hint.text() == "2.013 is not a year: type the year in four digits, such as 1999."
    type_in(qtbot, window, "2013")
    assert window.quiz.hint.text() == "Reads as 2013. Press Enter to submit."
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    feedback = window.quiz.feedback
    assert feedback.given.text() == "Your answer: 2013"
    assert feedback.right.text() == "Right answer: 2012"
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.results
    text = window.results.results_text()
    assert "Your answer: 2013\nRight answer: 2012\n" in text and "2,01" not in text


def test_the_questions_unit_may_follow_the_number(qtbot: QtBot, main_window, bundled_bank) -> None:
    window = main_window
    run(qtbot, window, bundled_bank, ["soldiers-killed"])
    type_in(qtbot, window, "thirteen")
    assert window.quiz.hint.text() == "Not a number yet. Type a number such as 4500, 4,500, 4 500, 2.5, -3 or 12%"
    type_in(qtbot, window, "13 men")
    assert window.quiz.hint.text() == "Not a number yet. Leave the unit out: type 13 alone, without “men”"
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert window.quiz.session.index == 0  # refused: nothing recorded
    type_in(qtbot, window, "13 Soldiers")
    assert window.quiz.hint.text() == "Reads as 13. Press Enter to submit."
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert window.quiz.feedback.verdict.text() == "✓ Right: 1 point"
    assert window.quiz.feedback.given.text() == "Your answer: 13"


def test_a_point_before_three_digits_warns_and_asks_again_before_it_is_scored(
        qtbot: QtBot, main_window, bundled_bank) -> None:
    window = main_window
    # In exam mode too, where no feedback would show the number was read another way.
    run(qtbot, window, bundled_bank, ["french-troops", "displaced-malians"], Mode.EXAM)
    quiz = window.quiz
    amber = verdict_color("close", quiz.hint.palette()).name()
    type_in(qtbot, window, "4.500")
    assert quiz.hint.text() == "4.500 reads as 4.5 (four and a half). For four thousand five hundred, type 4500."
    assert hint_colour(window) == amber
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert quiz.session.index == 0  # not scored yet: asked once more
    assert quiz.hint.text().endswith("To answer 4.5, press Enter again.")
    assert QApplication.focusWidget() is quiz.number
    # Typed as meant, it goes at once.
    type_in(qtbot, window, "4500")
    assert hint_colour(window) != amber
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert [a.given for a in quiz.session.answers] == ["4,500"]
    # Confirmed with a second Enter, the number goes as it reads.
    type_in(qtbot, window, "140.000 people")
    assert quiz.hint.text().startswith("140.000 reads as 140 (one hundred forty).")
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert quiz.session.index == 1
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.results
    assert window.results.session.answers[1].given == "140"


def test_a_number_typed_after_clicking_the_question_goes_in_the_field(qtbot: QtBot, main_window,
                                                                      bundled_bank) -> None:
    """A click on the question's text (to select a word of it, or on the way to the window) takes the focus
    there: the number typed next went nowhere, and Enter then said nothing. It goes in the field."""
    window = main_window
    run(qtbot, window, bundled_bank, ["soldiers-killed", "barkhane-deaths"])
    quiz = window.quiz
    qtbot.mouseClick(quiz.prompt, Qt.MouseButton.LeftButton)
    assert focused(qtbot, window) is quiz.prompt
    type_keys(qtbot, window, "13")
    assert focused(qtbot, window) is quiz.number and quiz.number.text() == "13"
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert quiz.feedback.verdict.text() == "✓ Right: 1 point"
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    # Tabbed to Skip on the way: the figure still goes in the field, and Skip stays unpressed.
    while focused(qtbot, window) is not quiz.skip_button:
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Tab)
    type_keys(qtbot, window, "41")
    assert focused(qtbot, window) is quiz.number and quiz.number.text() == "41"
    assert quiz.session.index == 1 and not quiz.in_feedback


def test_a_number_typed_after_clicking_the_question_goes_in_the_field_in_a_study(qtbot: QtBot, main_window,
                                                                                 bundled_bank) -> None:
    from quizapp.core.model import NumericQuestion

    window = main_window
    window.library.focus_list()
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    screen = window.study_screen
    while not isinstance(screen.session.current.question, NumericQuestion):
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    answer = f"{screen.session.current.question.answer:g}"
    qtbot.mouseClick(screen.prompt, Qt.MouseButton.LeftButton)
    type_keys(qtbot, window, answer)
    assert focused(qtbot, window) is screen.number and screen.number.text() == answer
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert screen.in_feedback and screen.feedback.verdict.text() == "✓ Right: 1 point"
