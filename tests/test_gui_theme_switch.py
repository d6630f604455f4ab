"""Switching the theme mid-question: every text on the quiz and study screens is redrawn readable at once."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from quizapp.core.session import QuizOptions, start_quiz
from quizapp.gui.theme import Theme, is_dark
from tests.test_gui_keyboard_start import focused


def luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def text_contrast(window: QWidget, widget: QWidget, area: QRect | None = None) -> float:
    """The contrast ratio between the commonest colour where `widget` (or the window's `area`) lies on the
    window's image (its background) and the colour farthest from it there (its text), as a person sees them."""
    area = area or QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    image: QImage = window.grab(area).toImage()
    colors = Counter(image.pixel(x, y) for y in range(image.height()) for x in range(image.width()))
    background = luminance(QColor(colors.most_common(1)[0][0]))
    lightest = max(luminance(QColor(c)) for c in colors)
    darkest = min(luminance(QColor(c)) for c in colors)
    text = lightest if abs(lightest - background) > abs(darkest - background) else darkest
    return (max(text, background) + 0.05) / (min(text, background) + 0.05)


def switch_theme(qtbot: QtBot, window, theme: Theme) -> None:
    """View > Theme > Dark (or Light), as a person picks it, then wait for the windows to have it."""
    window.theme_actions[theme].trigger()
    qtbot.waitUntil(lambda: is_dark(window.palette()) == (theme is Theme.DARK))


@pytest.fixture
def light_then_dark(main_window):
    main_window.set_theme(Theme.LIGHT)
    yield [Theme.DARK, Theme.LIGHT]
    main_window.set_theme(Theme.SYSTEM)


def ask_a(window, loaded, kind: str):
    """A quiz asking twice the bank's first question of `kind` ("numeric" or "choice"); the quiz screen."""
    question = next(q for q in loaded.bank.questions if q.type == kind)
    window.run_session(start_quiz(loaded, QuizOptions(), questions=[question, question]))
    return window.quiz


def readable_in_each_theme(qtbot: QtBot, window, themes: list[Theme], labels: list[QWidget]) -> None:
    for theme in themes:
        switch_theme(qtbot, window, theme)
        for label in labels:
            qtbot.waitUntil(lambda: text_contrast(window, label) >= 3)  # noqa: B023 (this theme's)


def test_a_theme_switched_mid_question_leaves_the_number_hint_readable(qtbot: QtBot, main_window, bundled_bank,
                                                                       light_then_dark) -> None:
    """The hint "Numbers like 4500…" stayed near-black on the dark window until the next question."""
    quiz = ask_a(main_window, bundled_bank, "numeric")
    assert focused(qtbot, main_window) is quiz.number
    readable_in_each_theme(qtbot, main_window, light_then_dark, [quiz.hint])
    qtbot.keyClicks(focused(qtbot, main_window), "4.5.0")  # "Not a number yet", in red
    readable_in_each_theme(qtbot, main_window, light_then_dark, [quiz.hint])


def test_a_theme_switched_in_the_feedback_leaves_every_line_readable(qtbot: QtBot, main_window, bundled_bank,
                                                                      light_then_dark) -> None:
    quiz = ask_a(main_window, bundled_bank, "choice")
    item = quiz.session.current
    qtbot.keyClick(focused(qtbot, main_window), "2" if item.choices[0] == item.question.answer else "1")  # wrong
    feedback = quiz.feedback
    readable_in_each_theme(qtbot, main_window, light_then_dark,
                           [feedback.verdict, feedback.given, feedback.right, feedback.quote, feedback.source,
                            *(b.label for b in quiz.choice_buttons if b.isVisible())])


def test_a_theme_switched_in_the_article_keeps_the_cited_sentence_readable(qtbot: QtBot, main_window,
                                                                            bundled_bank, light_then_dark) -> None:
    """The cited sentence's pale yellow stayed under the dark theme's light text."""
    window = main_window
    ask_a(window, bundled_bank, "choice")
    qtbot.keyClick(focused(qtbot, window), "1")
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Show in article
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.article)
    text = window.article.text
    for theme in light_then_dark:
        switch_theme(qtbot, window, theme)
        selections = text.extraSelections()
        cursor = text.textCursor()
        cursor.setPosition(selections[0].cursor.selectionStart())
        start = text.cursorRect(cursor)
        # The middle of the sentence's first line: its letters on the highlight, not the rows between lines
        # nor the text cursor at its start.
        line = QRect(text.viewport().mapTo(window, start.topLeft()), start.size())
        line.setWidth(min(200, text.viewport().width() - start.left()))
        line.adjust(4, line.height() // 4, 0, -line.height() // 4)
        qtbot.waitUntil(lambda: text_contrast(window, window, line) >= 3)  # noqa: B023
