"""At a large text size the question view scrolls to what matters: after an answer the verdict (never the
rating hint alone, never a line cut in half at the top); while asking, the question from its first line, and
the field once typed in. Next and the study's ratings stay in sight under it. The header and the number field's
placeholder show whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractSlider, QApplication, QLabel, QStyle, QStyleOptionFrame, QWidget
from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from quizapp.core.model import ChoiceQuestion
from quizapp.core.session import Mode, QuizOptions, start_quiz
from quizapp.core.study import Rating
from quizapp.gui.theme import MAX_POINT_SIZE
from tests.conftest import SEED
from tests.test_gui_small_screen import wholly_shown

CTRL = Qt.KeyboardModifier.ControlModifier
# 1280x800 at QT_SCALE_FACTOR=1.5 lays out as this many pixels.
SCALED_1280 = (853, 533)

LONG_PROMPT = ("Considering the detailed report that was published later that week and widely shared by regional "
               "security analysts, diplomats, humanitarian organisations and independent researchers who had "
               "followed the long conflict in the Sahel for many years, and keeping in mind that the article "
               "compares the incident with earlier attacks on the French military abroad, how many French "
               "soldiers were killed in the collision of the two helicopters during the night operation?")
LONG_BANK = f"""\
title: French helicopter collision in Mali, the long report on the night operation
sources:
  mali: {{file: mali.txt}}
questions:
  - id: long-numeric
    type: numeric
    prompt: "{LONG_PROMPT}"
    answer: 13
    unit: soldiers
    cite: {{quote: "A collision of two helicopters killed 13 French soldiers"}}
"""
STATEMENT = ("More than 800 civilians have died in Mali since January, up from about 574 in the previous year, "
             "according to the Armed Conflict Location and Event Data Project.")
LONG_CHOICE_BANK = f"""\
title: Mali, fact check
sources:
  mali: {{file: mali.txt}}
questions:
  - id: civilian-deaths
    type: choice
    prompt: "{LONG_PROMPT.replace('how many French soldiers were killed', 'which statement does the article make')}"
    answer: "{STATEMENT}"
    distractors: {[STATEMENT.replace("574", "804"), STATEMENT.replace("January", "September"),
                   STATEMENT.replace("800", "100")]!r}
    cite: {{quote: "More than 800 civilians have died in Mali since January"}}
"""


def press(qtbot: QtBot, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def largest_text_at(qtbot: QtBot, window, width: int, height: int) -> None:
    """The window at `width` x `height`, and View > Larger text (Ctrl+=) pressed as far as it goes."""
    window.resize(width, height)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    while QApplication.font().pointSizeF() < MAX_POINT_SIZE:
        press(qtbot, Qt.Key.Key_Equal, CTRL)
    assert window.size().width() == width and window.size().height() == height


def in_view(view, widget: QWidget) -> bool:
    """All of `widget` lies inside the scroll area's viewport, as scrolled now."""
    viewport = view.viewport()
    return widget.isVisible() and viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))


def answer_wrongly(qtbot: QtBot, screen) -> None:
    """Answer the question asked with a wrong choice, or a wrong number and Enter, at the focused widget."""
    item = screen.session.current
    if isinstance(item.question, ChoiceQuestion):
        wrong = next(i for i, c in enumerate(item.choices) if c != item.question.answer)
        press(qtbot, str(wrong + 1))
    else:
        qtbot.keyClicks(QApplication.focusWidget(), f"{item.question.answer * 3 + 7:g}")
        press(qtbot, Qt.Key.Key_Return)
    assert screen.in_feedback and screen.feedback.verdict.text().startswith("✗ Wrong")


def nothing_cut_at_the_top(view, prompt: QWidget, buttons: list[QWidget]) -> bool:
    """No choice button is cut by the top of the view, and no line of the question: the pixel row of the
    question at the view's top has no ink (it falls between lines)."""
    top = view.verticalScrollBar().value()
    for button in (b for b in buttons if b.isVisible()):
        y = button.mapTo(view.widget(), QPoint(0, 0)).y()
        if y < top < y + button.height():
            return False
    y = prompt.mapTo(view.widget(), QPoint(0, 0)).y()
    if not y < top < y + prompt.height():
        return True
    image = prompt.grab().toImage()
    row = (top - y) * image.height() // prompt.height()
    background = QColor(image.pixelColor(0, row))
    return all(image.pixelColor(x, row) == background for x in range(image.width()))


def settled_on(qtbot: QtBot, check) -> None:
    """`check()` holds once the view is laid out and scrolled, and still holds after the events queued."""
    qtbot.waitUntil(check)
    for _ in range(5):
        QApplication.processEvents()
    assert check()


@pytest.mark.parametrize("size", [(1280, 800), SCALED_1280, (800, 600)], ids=["1280x800", "1280x800 at 1.5", "800x600"])
def test_study_feedback_shows_the_verdict_at_the_largest_text(qtbot: QtBot, main_window, store, size) -> None:
    window = main_window
    try:
        largest_text_at(qtbot, window, *size)
        window.library.focus_list()
        press(qtbot, Qt.Key.Key_D, CTRL)
        screen = window.study_screen
        assert window.stack.currentWidget() is screen
        answer_wrongly(qtbot, screen)
        view = screen.view
        # The verdict whole in view, and the right answer under it: not the ratings alone, with Enter
        # keeping "Suggested: Again" for an answer never seen.
        settled_on(qtbot, lambda: in_view(view, screen.feedback.verdict) and in_view(view, screen.feedback.right))
        assert nothing_cut_at_the_top(view, screen.prompt, screen.choice_buttons)
        # The focus stays where Enter keeps the suggestion, on Next, in sight under the view; at 1280x800 the end
        # of the proof shows as well.
        assert QApplication.focusWidget() is screen.next_button and wholly_shown(screen.next_button)
        if size == (1280, 800):
            assert in_view(view, screen.feedback.article_button)
    finally:
        window.change_text_size(0)


@pytest.mark.parametrize(("size", "steps"), [((1280, 800), 7), ((800, 600), 4), ((800, 600), 100)],
                         ids=["1280x800 +7", "800x600 +4", "800x600 largest"])
def test_quiz_feedback_shows_the_verdict_and_cuts_no_line_at_the_top(qtbot: QtBot, main_window, bundled_bank,
                                                                     size, steps) -> None:
    window = main_window
    try:
        window.resize(*size)
        for _ in range(steps):
            press(qtbot, Qt.Key.Key_Equal, CTRL)
        window.run_session(start_quiz(bundled_bank, QuizOptions(mode=Mode.PRACTICE, shuffle_choices=False)))
        quiz = window.quiz
        for _ in range(len(quiz.session.items)):  # each question answered wrongly, then Next
            answer_wrongly(qtbot, quiz)
            view = quiz.view
            settled_on(qtbot, lambda v=view: in_view(v, quiz.feedback.verdict)
                       and nothing_cut_at_the_top(v, quiz.prompt, quiz.choice_buttons))
            if quiz.session.finished:
                break
            press(qtbot, Qt.Key.Key_Return)
    finally:
        window.change_text_size(0)


def opened_at_its_first_line(qtbot: QtBot, screen) -> bool:
    """The question just asked is laid out and shown from its first line (the view at its top), and stays so
    after the events queued; returns whether the focused choice or number field was below the view then."""
    view, prompt = screen.view, screen.prompt
    qtbot.waitUntil(lambda: prompt.height() >= prompt.heightForWidth(prompt.width()) > 0)
    # (the focus on the new question's number field or first choice, and the view laid out for it: a loaded
    # machine may take longer than a few rounds of events)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.number
                    or QApplication.focusWidget() in screen.choice_buttons)
    content = view.widget()

    def laid_out() -> bool:
        wanted = content.heightForWidth(content.width()) if content.hasHeightForWidth() else \
            content.minimumSizeHint().height()
        return content.height() >= wanted

    qtbot.waitUntil(laid_out)
    for _ in range(5):
        QApplication.processEvents()
    assert view.verticalScrollBar().value() == 0, prompt.text()
    assert prompt.mapTo(view.viewport(), QPoint(0, 0)).y() >= 0
    return not in_view(view, QApplication.focusWidget())


@pytest.mark.parametrize("kind", ["quiz", "study"])
def test_each_question_opens_at_its_first_line(qtbot: QtBot, main_window, bundled_bank, store, kind) -> None:
    """At the largest text on 800x600 a question opened scrolled down to its focused field or first choice,
    its start ("How many soldiers did the night operation in the Sahel ...") above the view."""
    window = main_window
    try:
        largest_text_at(qtbot, window, 800, 600)
        if kind == "quiz":
            window.run_session(start_quiz(bundled_bank, QuizOptions(mode=Mode.PRACTICE, shuffle_choices=False)))
            screen = window.quiz
        else:
            window.library.focus_list()
            press(qtbot, Qt.Key.Key_D, CTRL)
            screen = window.study_screen
        assert window.stack.currentWidget() is screen
        qtbot.waitUntil(lambda: screen.prompt.font().pointSizeF() >= MAX_POINT_SIZE)  # (the largest text reached it)
        below = []
        for _ in range(6):  # number questions and choice questions
            below.append(opened_at_its_first_line(qtbot, screen))
            answer_wrongly(qtbot, screen)  # (a number typed brings the field into view: it is answered)
            press(qtbot, Qt.Key.Key_Return)
            if screen.session is None or screen.session.current is None:
                break
        assert any(below)  # (the field or the first choice was out of view when asked: what this is about)
    finally:
        window.change_text_size(0)


@pytest.fixture
def long_bank(tmp_path: Path):
    shutil.copy(SEED, tmp_path / "mali.txt")
    (tmp_path / "bank.yaml").write_text(LONG_BANK, encoding="utf-8")
    return load_bank(tmp_path / "bank.yaml")


@pytest.mark.parametrize("text", [LONG_BANK, LONG_CHOICE_BANK], ids=["number", "choice"])
@pytest.mark.parametrize("kind", ["quiz", "study"])
def test_next_stays_in_sight_under_a_long_question_at_the_largest_text(qtbot: QtBot, main_window, tmp_path: Path,
                                                                      kind, text) -> None:
    """At the largest text on 800x600 Next stood under the proof (and the study's ratings under Next), below the
    view: a mouse had to scroll the page down to go on. They stay in sight under the view however far the page
    scrolls, and the keys answer and go on from the focused widget as before."""
    shutil.copy(SEED, tmp_path / "mali.txt")
    (tmp_path / "bank.yaml").write_text(text, encoding="utf-8")
    bank = load_bank(tmp_path / "bank.yaml")
    window = main_window
    try:
        largest_text_at(qtbot, window, 800, 600)
        if kind == "quiz":
            window.run_session(start_quiz(bank, QuizOptions(mode=Mode.PRACTICE)))
            screen, go_on = window.quiz, (lambda: press(qtbot, Qt.Key.Key_Return))
        else:
            window.study(bank)
            screen, go_on = window.study_screen, (lambda: press(qtbot, "3"))  # rated Good
        view, next_button = screen.view, screen.next_button
        assert window.stack.currentWidget() is screen
        opened_at_its_first_line(qtbot, screen)
        # Asked: Next in its place under the view, greyed until there is an answer to go on from.
        assert wholly_shown(next_button) and not next_button.isEnabled()

        answer_wrongly(qtbot, screen)
        assert QApplication.focusWidget() is next_button and next_button.isEnabled()
        settled_on(qtbot, lambda: in_view(view, screen.feedback.verdict))
        assert view.verticalScrollBar().maximum() > 0  # (the page is taller than the view: it scrolls)
        shown = [next_button, *(screen.rating_buttons if kind == "study" else [])]
        assert all(wholly_shown(button) for button in shown)
        # Scrolled back up to the question, by hand, then down a page with Page Down on Next: all in sight still.
        view.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
        assert all(wholly_shown(button) for button in shown)
        press(qtbot, Qt.Key.Key_PageDown)
        assert view.verticalScrollBar().value() > 0 and QApplication.focusWidget() is next_button
        assert all(wholly_shown(button) for button in shown)

        go_on()
        if kind == "quiz":
            assert window.stack.currentWidget() is window.results
        else:
            assert screen.session.finished and screen.pages.currentIndex() == 1  # the end of the session
            assert screen.session.answers[-1].rating == Rating.Good
    finally:
        window.change_text_size(0)


def test_the_number_field_is_in_view_to_type_in(qtbot: QtBot, main_window, long_bank) -> None:
    window = main_window
    try:
        largest_text_at(qtbot, window, 800, 600)
        window.study(long_bank)
        screen = window.study_screen
        view = screen.view
        # The question is taller than the view: it opens at its first line, the field that has the focus below.
        assert QApplication.focusWidget() is screen.number
        assert opened_at_its_first_line(qtbot, screen)
        # Typing brings the field into view, with no line cut at the top.
        press(qtbot, "1")
        settled_on(qtbot, lambda: in_view(view, screen.number))
        assert screen.number.text() == "1"
        assert view.verticalScrollBar().value() > 0
        assert nothing_cut_at_the_top(view, screen.prompt, screen.choice_buttons)
        # Scrolled up by hand to read the question again, it stays so; typing brings the field back.
        view.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
        QApplication.processEvents()
        assert view.verticalScrollBar().value() == 0 and not in_view(view, screen.number)
        press(qtbot, "2")
        settled_on(qtbot, lambda: in_view(view, screen.number))
        assert screen.number.text() == "12"
    finally:
        window.change_text_size(0)


def test_the_question_starts_at_the_top_where_the_field_fits_below_it(qtbot: QtBot, main_window, long_bank) -> None:
    window = main_window
    window.resize(1000, 720)
    window.study(long_bank)
    screen = window.study_screen
    settled_on(qtbot, lambda: in_view(screen.view, screen.number))
    assert screen.view.verticalScrollBar().value() == 0


def test_the_header_and_the_number_placeholder_show_whole_at_the_largest_text(qtbot: QtBot, main_window,
                                                                              bundled_bank) -> None:
    window = main_window
    try:
        largest_text_at(qtbot, window, 800, 600)
        window.run_session(start_quiz(bundled_bank, QuizOptions(mode=Mode.PRACTICE)))
        quiz = window.quiz
        # "French helico…" beside "Question 1 of 18" had no room: the title on a line of its own, whole.
        title = quiz.bank_title
        qtbot.waitUntil(lambda: QLabel.text(title) == bundled_bank.title)
        settled_on(qtbot, lambda: title.mapTo(quiz, QPoint(0, title.height())).y()
                   <= quiz.position.mapTo(quiz, QPoint(0, 0)).y())
        assert title.fontMetrics().horizontalAdvance(QLabel.text(title)) <= title.contentsRect().width()
        while isinstance(quiz.session.current.question, ChoiceQuestion):
            answer_wrongly(qtbot, quiz)
            press(qtbot, Qt.Key.Key_Return)
        field = quiz.number
        assert QApplication.focusWidget() is field and field.text() == ""
        # Not "Type a number, then press En…": the placeholder fits the field as laid out.
        opened_at_its_first_line(qtbot, quiz)

        def placeholder_fits() -> bool:
            option = QStyleOptionFrame()
            field.initStyleOption(option)
            room = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field).width()
            return field.fontMetrics().horizontalAdvance(field.placeholderText()) <= room - 4  # (Qt's margins)

        settled_on(qtbot, placeholder_fits)
    finally:
        window.change_text_size(0)


@pytest.mark.parametrize("size", [(800, 600), (640, 480), SCALED_1280])
def test_a_title_beside_the_question_number_never_runs_over_it(qtbot: QtBot, main_window, tmp_path: Path,
                                                               size) -> None:
    """A title that fits beside the status labels while they are still empty ("Mali helicopter collision"),
    but not once they read "Question 1 of 18 Score 0 Streak 0", goes above them, and overlaps none; where
    the labels do not fit on one line either (640x480), the score goes under "Question 1 of 18", both whole."""
    shutil.copy(SEED, tmp_path / "mali.txt")
    (tmp_path / "bank.yaml").write_text(LONG_BANK.replace(
        "French helicopter collision in Mali, the long report on the night operation", "Mali helicopter collision"),
        encoding="utf-8")
    bank = load_bank(tmp_path / "bank.yaml")
    window = main_window
    try:
        largest_text_at(qtbot, window, *size)
        window.run_session(start_quiz(bank, QuizOptions(mode=Mode.PRACTICE)))
        quiz = window.quiz
        title = quiz.bank_title
        shown = [label for label in (quiz.position, quiz.score, quiz.streak) if label.isVisible()]

        def box(widget: QWidget) -> QRect:
            return QRect(widget.mapTo(quiz, QPoint(0, 0)), widget.size())

        def apart() -> bool:
            boxes = [box(title), *(box(label) for label in shown)]
            return all(not a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]) and all(
                label.width() >= label.fontMetrics().horizontalAdvance(label.text()) for label in shown)

        settled_on(qtbot, apart)
        assert quiz.position.text().startswith("Question 1")
    finally:
        window.change_text_size(0)
