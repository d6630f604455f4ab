"""A word too long for a line (a web address, a code) and a long unit: the question still fits the window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from quizapp.core.session import Mode, QuizOptions, start_quiz
from quizapp.gui.choice_button import PAD_H
from quizapp.gui.theme import MAX_POINT_SIZE
from tests.conftest import SEED

# 100 characters with no place a line could break at (no space, slash or hyphen), as a code or a key.
TOKEN = ("wwwExampleOrgReportsHelicopterCollisionMali13FrenchSoldiersKilled"
         "NightOperationTigerCougarBarkhaneXY")
UNIT = "thousand residents of the three coastal districts"

CITE = {"quote": "A collision of two helicopters killed 13 French soldiers"}
BANK = {
    "title": "Long words",
    "sources": {"mali": {"file": "mali.txt"}},
    "questions": [
        {"id": "link", "type": "choice", "prompt": f"Which address did the ministry give, {TOKEN}, or another?",
         "answer": TOKEN, "distractors": ["a shorter one", TOKEN[:60]], "cite": CITE},
        {"id": "residents", "type": "numeric", "prompt": "How many people live along the coast?",
         "answer": 2300, "unit": UNIT, "cite": CITE},
    ],
}


@pytest.fixture
def long_word_bank(tmp_path: Path):
    assert len(TOKEN) == 100
    shutil.copy(SEED, tmp_path / "mali.txt")
    (tmp_path / "bank.yaml").write_text(yaml.safe_dump(BANK, sort_keys=False), encoding="utf-8")
    return load_bank(tmp_path / "bank.yaml")


def settled(qtbot: QtBot, labels: list[QLabel]) -> None:
    """Wait for the layouts to settle: wrapped text takes a few rounds of layout requests."""
    qtbot.waitUntil(lambda: all(0 < label.heightForWidth(label.width()) <= label.height() for label in labels))


def fits_sideways(scroll: QScrollArea, widgets: list[QWidget]) -> None:
    """The page has nothing to scroll sideways to, and each widget lies inside the visible width."""
    assert scroll.horizontalScrollBar().maximum() == 0
    assert scroll.horizontalScrollBar().value() == 0
    viewport = scroll.viewport()
    for w in widgets:
        left = w.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= 0 and left + w.width() <= viewport.width(), (w, left, w.width(), viewport.width())


def shows_whole(label: QLabel) -> None:
    """All the label's wrapped lines fit inside it."""
    assert label.heightForWidth(label.width()) <= label.height()
    area = label.contentsRect()
    shown = QLabel.text(label)  # with the breaks it is drawn with
    needed = label.fontMetrics().boundingRect(area, int(Qt.TextFlag.TextWordWrap), shown)
    assert needed.width() <= area.width(), (needed, area)


@pytest.fixture
def sized_window(request, main_window):
    """The main window at a size, with the normal or the largest text."""
    size, largest = request.param
    main_window.resize(*size)
    if largest:
        main_window.change_text_size(+100)
        assert QApplication.font().pointSizeF() == MAX_POINT_SIZE
    yield main_window
    main_window.change_text_size(0)


@pytest.mark.parametrize("sized_window", [((800, 600), False), ((800, 600), True), ((1000, 720), False)],
                         ids=["800x600", "800x600-largest-text", "1000x720"], indirect=True)
def test_a_long_word_wraps_and_the_page_never_scrolls_sideways(qtbot: QtBot, sized_window, long_word_bank) -> None:
    window = sized_window
    window.run_session(start_quiz(long_word_bank, QuizOptions(mode=Mode.PRACTICE, shuffle_questions=False,
                                                              shuffle_choices=False)))
    quiz = window.quiz
    choices = quiz.session.current.choices
    assert choices[0] == TOKEN
    buttons = quiz.choice_buttons[:len(choices)]
    settled(qtbot, [quiz.prompt, *(b.label for b in buttons)])
    fits_sideways(quiz.scroll, [quiz.prompt, *buttons])
    assert quiz.prompt.text() == long_word_bank.bank.questions[0].prompt  # the text as written, for copying
    for label in (quiz.prompt, *(b.label for b in buttons)):
        shows_whole(label)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), "2")  # a wrong answer: the feedback names the long right one
    assert quiz.feedback.verdict.text().startswith("✗ Wrong")
    feedback = quiz.feedback
    settled(qtbot, [feedback.right, *(b.label for b in buttons)])
    # The verdict in view (Next, with the focus, may be below it at the largest text on a small screen).
    qtbot.waitUntil(lambda: feedback.verdict.visibleRegion().boundingRect() == feedback.verdict.rect())
    assert QApplication.focusWidget() is quiz.next_button
    fits_sideways(quiz.scroll, [feedback, feedback.right, *buttons])
    shows_whole(feedback.right)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the numeric question, with its long unit
    entry = quiz.answer_area.entry
    assert QApplication.focusWidget() is quiz.number
    settled(qtbot, [entry.unit])
    qtbot.keyClicks(quiz.number, "-2,300,000")
    # The number field keeps room for a long number: typed in full, all of it shows.
    assert quiz.number.width() > quiz.number.fontMetrics().horizontalAdvance("-2,300,000") + 8
    assert quiz.number.cursorRect().right() < quiz.number.width()
    assert entry.unit.text() == UNIT
    shows_whole(entry.unit)
    fits_sideways(quiz.scroll, [quiz.number, entry.unit, quiz.submit_button])


def test_study_wraps_a_long_word(qtbot: QtBot, main_window, long_word_bank) -> None:
    window = main_window
    window.resize(800, 600)
    window.study(long_word_bank)
    screen = window.study_screen
    session = screen.session
    buttons = screen.choice_buttons[:len(session.current.choices)]
    assert session.current.question.id == "link"
    settled(qtbot, [screen.prompt, *(b.label for b in buttons)])
    fits_sideways(screen.view, [screen.prompt, *buttons])


def test_a_wrapped_option_goes_on_under_its_text_not_under_its_key(qtbot: QtBot, main_window,
                                                                   long_word_bank) -> None:
    """The long word's second line began under "1/A": the column under the key now stays empty."""
    window = main_window
    window.resize(800, 600)
    window.run_session(start_quiz(long_word_bank, QuizOptions(shuffle_questions=False, shuffle_choices=False)))
    button = window.quiz.choice_buttons[0]
    settled(qtbot, [button.label])
    line = button.fontMetrics().lineSpacing()
    text = button.label.geometry()
    assert text.height() >= 2 * line  # it wraps
    image = button.grab().toImage()
    # Below the first line, as wide as the key from the button's padding: the background only.
    key_width = button.fontMetrics().horizontalAdvance("1/A")
    under_key = {image.pixel(x, y) for x in range(PAD_H + 2, PAD_H + key_width)
                 for y in range(text.top() + line + 2, text.bottom() - 1)}
    assert len(under_key) == 1
    # and the first line's key is there, left of the text
    assert button.key_label.isVisible() and button.key_label.text() == "1/A"
