"""The keyboard focus is where a person expects it after an answer, and plain to see at every Tab stop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui.options_dialog import QuizOptionsDialog
from quizapp.gui.theme import Theme
from tests.conftest import Steps
from tests.test_gui_keyboard_start import focused, marked, tab_round, unmarked


@pytest.fixture(params=[Theme.LIGHT, Theme.DARK])
def themed_window(request, main_window):
    main_window.set_theme(request.param)
    yield main_window
    main_window.set_theme(Theme.SYSTEM)


def answer_with_a_key(qtbot: QtBot, screen, window) -> None:
    """Answer the question asked with keys only ("1" for a choice, a number and Enter for a numeric one);
    check that Next then has the focus and shows it, before any Tab (a Tab makes Fusion show some)."""
    if screen.session.current.choices:
        qtbot.keyClick(focused(qtbot, window), "1")
    else:
        qtbot.keyClicks(focused(qtbot, window), "12")
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert screen.in_feedback
    next_button = focused(qtbot, window)
    assert next_button is screen.next_button
    with_focus = next_button.grab().toImage()
    qtbot.keyClick(next_button, Qt.Key.Key_Tab)
    assert marked(with_focus, next_button.grab().toImage(), next_button)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)


def start_a_quiz(qtbot: QtBot, window):
    """Enter on the library's bank, Enter on the options (Start practice): the quiz screen, active."""
    with Steps().then(QuizOptionsDialog, lambda d: qtbot.keyClick(d.focusWidget(), Qt.Key.Key_Return)):
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.quiz)
    window.activateWindow()
    return window.quiz


def test_after_an_answer_in_the_quiz_next_has_the_focus_and_every_tab_stop_shows_it(qtbot: QtBot,
                                                                                      themed_window) -> None:
    """The walkthrough answered with a key and saw no focus anywhere: Tab went to "Leave quiz", then to a
    stop with nothing to see, and only then to Next. Next has the focus, and each stop shows it has."""
    window = themed_window
    window.resize(1000, 720)
    quiz = start_a_quiz(qtbot, window)
    answer_with_a_key(qtbot, quiz, window)
    assert focused(qtbot, window) is quiz.next_button
    stops = tab_round(qtbot, window)
    assert {quiz.next_button, quiz.leave_button, quiz.feedback.article_button, quiz.view} <= set(stops)
    assert unmarked(qtbot, window, stops) == []


def test_after_an_answer_in_study_next_has_the_focus_and_the_ratings_show_it(qtbot: QtBot, themed_window) -> None:
    window = themed_window
    window.library.focus_list()
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    screen = window.study_screen
    assert window.stack.currentWidget() is screen
    answer_with_a_key(qtbot, screen, window)
    assert focused(qtbot, window) is screen.next_button
    stops = tab_round(qtbot, window)
    assert set(screen.rating_buttons) <= set(stops)
    assert unmarked(qtbot, window, stops) == []


def test_the_library_list_and_the_default_button_of_the_options_show_the_focus(qtbot: QtBot,
                                                                                themed_window) -> None:
    """The list's selected row looked the same with the focus as without, and "Start practice", the
    dialog's default button, the same focused or not."""
    window = themed_window
    window.library.focus_list()
    stops = tab_round(qtbot, window)
    assert window.library.list in stops and window.library.start_button in stops
    assert unmarked(qtbot, window, stops) == []
    names: list[list[str]] = []

    def round_of(dialog: QuizOptionsDialog) -> None:
        stops = tab_round(qtbot, dialog)
        assert dialog.ok_button in stops
        names.append(unmarked(qtbot, dialog, stops))
        dialog.reject()

    with Steps().then(QuizOptionsDialog, round_of):
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(names))
    assert names == [[]]
    assert QApplication.activeModalWidget() is None


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 for the same, 21 for black on white)."""
    def luminance(c: QColor) -> float:
        rgb = [v / 255 for v in (c.red(), c.green(), c.blue())]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_options_not_chosen_keep_their_frame_after_the_answer(qtbot: QtBot, themed_window) -> None:
    """In the dark theme the options not chosen lost their frame once answered (its grey was the window's
    own shade, and so was their fill by then), while in the light theme they kept it."""
    window = themed_window
    window.resize(1000, 720)
    quiz = start_a_quiz(qtbot, window)
    while not quiz.session.current.choices:  # on to a choice question
        answer_with_a_key(qtbot, quiz, window)
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    answer_with_a_key(qtbot, quiz, window)
    unmarked_options = [b for b in quiz.choice_buttons if b.isVisible() and b.mark is None]
    assert unmarked_options
    window_color = window.palette().color(QPalette.ColorRole.Window)
    for button in unmarked_options:
        image = button.grab().toImage()
        edge = image.pixelColor(0, image.height() // 2)  # the left side of its frame
        assert contrast(edge, window_color) >= 1.5, (button.text(), edge.name(), window_color.name())


def highlight_pixels(widget: QWidget) -> int:
    """How many pixels of `widget` are drawn in the hue of the palette's highlight (a focus ring's blue)."""
    highlight = widget.palette().color(QPalette.ColorRole.Highlight)
    image = widget.grab().toImage()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if (c := image.pixelColor(x, y)).hsvSaturation() > 80 and abs(c.hsvHue() - highlight.hsvHue()) < 20)


def test_with_the_focus_in_the_bank_list_only_the_list_is_outlined_in_blue(qtbot: QtBot, themed_window) -> None:
    """With the focus in the bank list, "Start quiz…", the button Enter presses, had a blue outline too
    (Fusion's mark of a default button): two outlines, either of which could be the focus. The default
    button's frame is grey; a blue ring is the focus only."""
    window = themed_window
    window.library.focus_list()
    assert focused(qtbot, window) is window.library.list and window.library.start_button.isDefault()
    assert highlight_pixels(window.library.start_button) == 0
    assert highlight_pixels(window.library.list) > 0  # the list's own focus frame
    # Tabbed to, the button shows the focus ring, as every button does.
    while focused(qtbot, window) is not window.library.start_button:
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Tab)
    assert highlight_pixels(window.library.start_button) >= window.library.start_button.width()


def test_a_number_given_stays_in_the_normal_text_colour(qtbot: QtBot, themed_window) -> None:
    """The number given stayed in its field in the pale grey of a disabled field, as if it were a placeholder:
    it is read-only now, in the text colour, and no Tab stop."""
    window = themed_window
    window.resize(1000, 720)
    quiz = start_a_quiz(qtbot, window)
    while quiz.session.current.choices:  # on to a number question
        answer_with_a_key(qtbot, quiz, window)
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    answer_with_a_key(qtbot, quiz, window)  # "12" and Enter
    assert quiz.in_feedback and quiz.number.text() == "12"
    text = quiz.number.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    image = quiz.number.grab().toImage()
    closest = min(max(abs(c.red() - text.red()), abs(c.green() - text.green()), abs(c.blue() - text.blue()))
                  for y in range(image.height()) for x in range(image.width()) if (c := image.pixelColor(x, y)))
    assert closest < 40  # the digits drawn in the text colour, not a grey far from it
    qtbot.keyClicks(focused(qtbot, window), "3")
    assert quiz.number.text() == "12" and quiz.number not in tab_round(qtbot, window)
