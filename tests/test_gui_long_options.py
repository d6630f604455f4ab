"""A fact-check option is a whole sentence: every character shows, at 800x600 and at the largest text size."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from quizapp.core.session import Mode, QuizOptions, start_quiz
from quizapp.gui.theme import MAX_POINT_SIZE, verdict_color
from tests.conftest import SEED, key

# 250 characters each, differing near the end, as a generated fact-check question's do.
RIGHT = ("A collision of two helicopters, a Tiger and a Cougar, killed 13 French soldiers during a night "
         "operation in Mali, French authorities announced on Tuesday, in the heaviest single loss "
         "for the French armed forces since the 1983 Beirut barracks bombing.")
WRONG = [RIGHT.replace("13 French soldiers", "31 French soldiers"),
         RIGHT.replace("a night operation", "a day operation"),
         RIGHT.replace("1983 Beirut", "1993 Beirut")]

BANK = f"""\
title: Long options
sources:
  mali: {{file: mali.txt}}
questions:
  - id: statement
    type: choice
    prompt: Which of these statements is true according to the article?
    answer: "{RIGHT}"
    distractors: {WRONG!r}
    cite: {{quote: "A collision of two helicopters killed 13 French soldiers"}}
"""


@pytest.fixture
def long_bank(tmp_path: Path):
    assert len(RIGHT) == 250 and all(len(w) >= 240 for w in WRONG)
    shutil.copy(SEED, tmp_path / "mali.txt")
    (tmp_path / "bank.yaml").write_text(BANK, encoding="utf-8")
    return load_bank(tmp_path / "bank.yaml")


def laid_out(qtbot: QtBot, labels: list[QLabel]) -> None:
    """Wait for the layouts to settle: wrapped text takes a few rounds of layout requests."""
    qtbot.waitUntil(lambda: all(0 < label.heightForWidth(label.width()) <= label.height() for label in labels))


def shows_all_of(label: QLabel, text: str) -> None:
    """`label` holds all of `text` and its wrapped lines fit inside it and inside the window."""
    assert label.text().endswith(text)  # not elided
    assert label.wordWrap()
    area = label.contentsRect()
    needed = label.fontMetrics().boundingRect(area, int(Qt.TextFlag.TextWordWrap), label.text())
    assert needed.width() <= area.width() and needed.height() <= area.height(), (needed, area)
    assert label.heightForWidth(label.width()) <= label.height()
    button = label.parentWidget()
    assert button.rect().contains(label.geometry())
    # and the button is not cut off at the side of the scroll area it is in
    viewport = button.window()
    left = button.mapTo(viewport, QPoint(0, 0)).x()
    assert left >= 0 and left + button.width() <= viewport.width()


@pytest.fixture(params=[(800, 600), (1000, 720)], ids=["800x600", "1000x720"])
def sized_window(request, qtbot: QtBot, main_window):
    main_window.resize(*request.param)
    yield main_window
    main_window.change_text_size(0)


@pytest.mark.parametrize("largest", [False, True], ids=["normal text", "largest text"])
def test_every_character_of_a_long_option_shows(qtbot: QtBot, sized_window, long_bank, largest: bool) -> None:
    window = sized_window
    if largest:
        window.change_text_size(+100)
        assert QApplication.font().pointSizeF() == MAX_POINT_SIZE
    window.run_session(start_quiz(long_bank, QuizOptions(mode=Mode.PRACTICE, shuffle_choices=False)))
    quiz = window.quiz
    choices = quiz.session.current.choices
    laid_out(qtbot, [b.label for b in quiz.choice_buttons[:len(choices)]])
    for button, choice in zip(quiz.choice_buttons, choices, strict=False):
        shows_all_of(button.label, choice)
    assert not quiz.scroll.horizontalScrollBar().isVisible()

    # The keys and the focus frame still work: the first option has the focus, framed in the highlight.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focus = QApplication.focusWidget()
    assert focus is quiz.choice_buttons[0]
    frame = focus.grab().toImage().pixelColor(1, focus.height() // 2)
    assert frame == focus.palette().color(QPalette.ColorRole.Highlight)
    wrong = choices.index(WRONG[0])
    qtbot.keyClick(focus, str(wrong + 1))
    assert quiz.feedback.verdict.text().startswith("✗ Wrong")
    # The right option green, the wrong choice red, each with its glyph, still whole.
    right = choices.index(RIGHT)
    marked = {i: b.mark for i, b in enumerate(quiz.choice_buttons[:len(choices)])}
    assert marked == {i: "right" if i == right else "wrong" if i == wrong else None for i in range(len(choices))}
    assert quiz.choice_buttons[right].text().startswith("✓") and quiz.choice_buttons[wrong].text().startswith("✗")
    laid_out(qtbot, [b.label for b in quiz.choice_buttons[:len(choices)]])
    for i, color in ((right, "right"), (wrong, "wrong")):
        label = quiz.choice_buttons[i].label
        assert label.palette().color(QPalette.ColorRole.WindowText) == verdict_color(color, QApplication.palette())
        shows_all_of(label, choices[i])
    # The review after the quiz shows the answers whole, wrapped.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.results
    feedback = window.results.feedback
    laid_out(qtbot, [feedback.given, feedback.right])
    for label, text in ((feedback.given, WRONG[0]), (feedback.right, RIGHT)):
        assert label.wordWrap() and label.text().endswith(text)
        assert label.heightForWidth(label.width()) <= label.height()


def test_study_shows_long_options_whole(qtbot: QtBot, main_window, long_bank) -> None:
    window = main_window
    window.resize(800, 600)
    window.change_text_size(+100)
    try:
        window.study(long_bank)
        screen = window.study_screen
        choices = screen.session.current.choices
        buttons = screen.choice_buttons[:len(choices)]
        laid_out(qtbot, [b.label for b in buttons])
        for button, choice in zip(buttons, choices, strict=True):
            shows_all_of(button.label, choice)
    finally:
        window.change_text_size(0)


def test_the_editor_shows_a_long_answer_and_title_from_their_start(qtbot: QtBot, tmp_path: Path) -> None:
    """A fact-check question's Answer showed the end of its sentence ("…since the 1983 Beirut barracks bombing."),
    not which statement it is; a long bank title its last words."""
    from tests.test_gui_editor_problems import open_shown

    shutil.copy(SEED, tmp_path / "mali.txt")
    path = tmp_path / "bank.yaml"
    path.write_text(BANK.replace("title: Long options", f"title: \"{WRONG[2]}\"")
                    + "  - {id: count, type: numeric, prompt: How many?, answer: 13,"
                    + " cite: {quote: \"A collision of two helicopters killed 13 French soldiers\"}}\n",
                    encoding="utf-8")
    editor = open_shown(qtbot, path)
    editor.resize(1000, 720)
    assert QApplication.focusWidget() is editor.list and editor.list.currentRow() == 0
    key(qtbot, Qt.Key.Key_Down)  # the numeric question, then back to the long one
    key(qtbot, Qt.Key.Key_Up)
    answer = editor.form.widgets["answer"]
    assert editor.form.text_of("answer") == RIGHT
    # (the Answer wraps: its first line is at its top)
    assert answer.cursorForPosition(QPoint(1, 1)).position() == 0

    title = editor.bank_fields["title"]
    assert title.text() == WRONG[2] and title.fontMetrics().horizontalAdvance(WRONG[2]) > title.width()
    # Where the text shown at the title's left edge is in its text.
    assert title.cursorPositionAt(QPoint(title.contentsRect().left() + 4, title.height() // 2)) == 0
