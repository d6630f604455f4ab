"""Ctrl+= / Ctrl+- / Ctrl+0 in the app's dialogs, as in its windows: the dialog's text takes the new size and the
dialog the size it would open at, nothing cut off; a dialog nobody answers fails its test instead of hanging it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from quizapp.core.study import DEFAULT_NEW_PER_DAY
from quizapp.gui.generate_dialog import GenerateDialog
from quizapp.gui.main_window import new_per_day
from quizapp.gui.options_dialog import QuizOptionsDialog
from quizapp.gui.paste_dialog import PasteDialog
from quizapp.gui.reflow import WrappingRadioButton
from quizapp.gui.theme import MAX_POINT_SIZE
from tests.conftest import Steps, alt, key
from tests.test_gui_import_problems_box import bad_gift, choose_file
from tests.test_gui_largest_text_room import normal_again  # noqa: F401 (a fixture)
from tests.test_gui_small_screen import SMALL, tab_round, wholly_shown

CTRL = Qt.KeyboardModifier.ControlModifier
ROOMY = QSize(1000, 700)  # a main window with room for the dialogs at a middle text size


def larger(qtbot: QtBot, times: int = 1) -> None:
    """Ctrl+= on the focused widget, `times` times."""
    for _ in range(times):
        key(qtbot, Qt.Key.Key_Equal, CTRL)


def largest(qtbot: QtBot) -> None:
    """Ctrl+= on the focused widget until the text is at its largest."""
    for _ in range(MAX_POINT_SIZE):
        if QApplication.font().pointSizeF() >= MAX_POINT_SIZE:
            return
        larger(qtbot)
    raise AssertionError(f"Ctrl+= left the text at {QApplication.font().pointSizeF()} pt")


def focused_font_is(qtbot: QtBot, size: float) -> None:
    """The focused widget's text comes to `size` points (a new text size reaches the widgets by posted events)."""
    qtbot.waitUntil(lambda: QApplication.focusWidget().font().pointSizeF() == size)


def nothing_cut_off(dialog: QDialog) -> None:
    """Each button of `dialog` in view is as large as its text needs and wholly inside the dialog."""
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert buttons
    for b in buttons:
        assert b.width() >= b.sizeHint().width() and b.height() >= b.sizeHint().height(), (b.text(), b.size())
        assert wholly_shown(b), b.text()


@pytest.mark.parametrize("window", [ROOMY, SMALL])
def test_the_quiz_options_take_the_text_size_keys_and_the_size_they_would_open_at(
        qtbot: QtBot, main_window, normal_again: None, window: QSize) -> None:  # noqa: F811
    main_window.resize(window)
    seen: list[str] = []

    def look(dialog: QuizOptionsDialog) -> None:
        seen.append(dialog.windowTitle())
        opened, font = dialog.size(), QApplication.focusWidget().font().pointSizeF()
        rows = [dialog.count, dialog.tags, dialog.practice, dialog.exam, dialog.timed]
        laid_out = [w.geometry() for w in rows]
        assert not dialog.page.verticalScrollBar().isVisible()  # all of the page in view
        larger(qtbot, 3)
        focused_font_is(qtbot, font + 3)
        # Larger, and still all of the page in view, as the dialog opened at this size shows it (a scroll bar was
        # left, the time limit out of sight, where Qt measured the page at the width the bar leaves).
        qtbot.waitUntil(lambda: dialog.width() > opened.width() and dialog.height() > opened.height())
        qtbot.waitUntil(lambda: not dialog.page.verticalScrollBar().isVisible())
        assert wholly_shown(dialog.timed)
        nothing_cut_off(dialog)
        key(qtbot, Qt.Key.Key_0, CTRL)
        qtbot.waitUntil(lambda: dialog.size() == opened)

        largest(qtbot)  # from the normal size at once
        qtbot.waitUntil(lambda: dialog.practice.font().pointSizeF() == MAX_POINT_SIZE)
        qtbot.waitUntil(lambda: dialog.width() > opened.width() and dialog.height() > opened.height())
        if window == SMALL:  # too narrow for a label beside its field: each label above its field
            label = next(w for w in dialog.findChildren(QLabel) if w.buddy() is dialog.count)
            qtbot.waitUntil(lambda: label.geometry().bottom() < dialog.count.geometry().top())
        qtbot.waitUntil(lambda: dialog.ok_button.height() >= dialog.ok_button.sizeHint().height())
        nothing_cut_off(dialog)
        assert main_window.screen().availableGeometry().contains(dialog.geometry())

        key(qtbot, Qt.Key.Key_0, CTRL)  # the normal size: the dialog as it opened
        qtbot.waitUntil(lambda: dialog.size() == opened)
        qtbot.waitUntil(lambda: not dialog.page.verticalScrollBar().isVisible())
        qtbot.waitUntil(lambda: [w.geometry() for w in rows] == laid_out)  # each row as it opened
        assert "\n" not in dialog.practice.text()  # one line again
        nothing_cut_off(dialog)
        key(qtbot, Qt.Key.Key_Escape)

    with Steps().then(QuizOptionsDialog, look):
        key(qtbot, Qt.Key.Key_Return)  # on the bank: the quiz options
    assert seen == ["Quiz options"]
    assert main_window.stack.currentWidget() is main_window.library


def test_a_list_of_problems_refits_to_a_new_text_size_its_ok_keeping_the_focus(
        qtbot: QtBot, main_window, tmp_path: Path, normal_again: None) -> None:  # noqa: F811
    main_window.resize(ROOMY)
    source = bad_gift(tmp_path, 3)
    seen: list[str] = []

    def look(box: QDialog) -> None:
        seen.append(box.windowTitle())
        opened = box.size()
        ok = QApplication.focusWidget()
        assert isinstance(ok, QPushButton) and ok.text() == "OK"
        problems = box.findChild(QPlainTextEdit)
        assert problems.verticalScrollBar().maximum() == 0  # the three problems in view
        font = problems.font().pointSizeF()
        larger(qtbot, 6)
        qtbot.waitUntil(lambda: problems.font().pointSizeF() == font + 6)
        # As the box opened at this size is: wider and taller, its three problems still in view.
        qtbot.waitUntil(lambda: box.width() > opened.width() and box.height() > opened.height())
        qtbot.waitUntil(lambda: problems.verticalScrollBar().maximum() == 0)
        nothing_cut_off(box)
        # The new style at a larger text (larger tick boxes) lays the buttons out anew: the focus stayed on OK.
        assert QApplication.focusWidget() is ok

        key(qtbot, Qt.Key.Key_0, CTRL)
        qtbot.waitUntil(lambda: box.size() == opened)
        assert QApplication.focusWidget() is ok
        key(qtbot, Qt.Key.Key_Return)

    with Steps().then(QFileDialog, choose_file(qtbot, source)).then(QDialog, look):
        key(qtbot, Qt.Key.Key_I, CTRL)  # File > Import…
    assert seen == ["Nothing imported"]


def test_the_text_size_keys_work_in_a_dialog_over_a_dialog(qtbot: QtBot, main_window,
                                                             normal_again: None) -> None:  # noqa: F811
    """Paste an article (over the generate dialog, over the main window): Ctrl+- and Ctrl+= there, then Ctrl+0 in the
    generate dialog once it is in front again."""
    main_window.resize(ROOMY)
    normal = QApplication.font().pointSizeF()
    seen: list[str] = []

    def paste(dialog: PasteDialog) -> None:
        seen.append(dialog.windowTitle())
        opened = dialog.size()
        key(qtbot, Qt.Key.Key_Minus, CTRL)
        focused_font_is(qtbot, normal - 1)
        largest(qtbot)
        focused_font_is(qtbot, MAX_POINT_SIZE)
        qtbot.waitUntil(lambda: dialog.width() > opened.width() and dialog.height() > opened.height())
        # Four lines of the pasted text in view at least, in lines of this size.
        text = dialog.text_edit
        assert text.height() >= 4 * text.fontMetrics().lineSpacing()
        nothing_cut_off(dialog)
        key(qtbot, Qt.Key.Key_Escape)  # nothing pasted: it closes without asking

    def generate(dialog: GenerateDialog) -> None:
        seen.append(dialog.windowTitle())
        assert QApplication.focusWidget().font().pointSizeF() == MAX_POINT_SIZE
        key(qtbot, Qt.Key.Key_0, CTRL)
        focused_font_is(qtbot, normal)
        alt(qtbot, "o")  # Close

    steps = Steps().then(GenerateDialog, lambda _dialog: alt(qtbot, "x")).then(PasteDialog, paste)
    with steps.then(GenerateDialog, generate):
        key(qtbot, Qt.Key.Key_N, CTRL)  # File > New bank from article…
    assert seen == ["Paste an article", "Generate questions from articles"]


def lines_in_view(dialog: GenerateDialog) -> bool:
    """Four lines of the list of articles and three of the Prompt, in lines of the text size now."""
    files, prompt = dialog.files, dialog.prompt_edit
    return (files.height() >= 4 * files.fontMetrics().lineSpacing()
            and prompt.height() >= 3 * prompt.fontMetrics().lineSpacing())


def texts_whole(dialog: QDialog) -> None:
    """Each label and button in view is as large as its text needs: a label's lines wrapped to its width, a button's
    text on its face. (Scrolled out of sight is no cut: the page scrolls to each as the focus reaches it.)"""
    labels = [w for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]
    assert labels
    for w in labels:
        wanted = QSize(0, w.heightForWidth(w.width())) if w.wordWrap() else w.sizeHint()
        assert w.width() >= wanted.width() and w.height() >= wanted.height(), (w.text(), w.size(), wanted)
    for b in dialog.findChildren(QPushButton):
        if b.isVisible():
            assert b.width() >= b.sizeHint().width() and b.height() >= b.sizeHint().height(), (b.text(), b.size())


@pytest.mark.parametrize("window", ["screen", SMALL])
def test_the_generate_dialog_refits_to_a_new_text_size_and_keeps_its_lines(
        qtbot: QtBot, main_window, normal_again: None, window: QSize | str) -> None:  # noqa: F811
    """File > New bank from article…, then Ctrl+= up to the largest text there: over a window as large as the screen
    it grows (it kept the size it opened at); over one of 800x600 it stays within it. Either way its list of articles
    and its Prompt keep their lines at the new size (they kept one line of 28 pt), every text whole, each control in
    reach; Ctrl+0 gives back the height and lines it opened with (as wide as the screen or the window, either way)."""
    size = main_window.screen().availableGeometry().size() if window == "screen" else window
    main_window.resize(size)
    qtbot.waitUntil(lambda: main_window.size() == size)
    screen, normal = main_window.screen().availableGeometry(), QApplication.font().pointSizeF()
    seen: list[str] = []

    def look(dialog: GenerateDialog) -> None:
        seen.append(dialog.windowTitle())
        opened, lines = dialog.size(), (dialog.files.height(), dialog.prompt_edit.height())
        assert QApplication.focusWidget() is dialog.url_edit
        assert lines_in_view(dialog)
        texts_whole(dialog)
        largest(qtbot)
        focused_font_is(qtbot, MAX_POINT_SIZE)
        if window == "screen":  # as tall as the screen lets it be, for a page that needs more
            qtbot.waitUntil(lambda: dialog.height() > opened.height())
        qtbot.waitUntil(lambda: lines_in_view(dialog))
        assert screen.contains(dialog.geometry()), (dialog.geometry(), screen)
        assert dialog.width() <= main_window.width() and dialog.height() <= main_window.height()
        qtbot.waitUntil(lambda: texts_whole(dialog))  # (once the layout has settled: a button may lag a pass)
        reached = tab_round(qtbot)  # each wholly shown as the focus reaches it (the page scrolls to it)
        assert {dialog.url_edit, dialog.add_button, dialog.max_questions, dialog.every_box, dialog.paste_button,
                dialog.review, dialog.prompt_edit} <= set(reached)

        key(qtbot, Qt.Key.Key_0, CTRL)  # the normal size: as it opened
        focused_font_is(qtbot, normal)
        qtbot.waitUntil(lambda: (dialog.files.height(), dialog.prompt_edit.height()) == lines)
        qtbot.waitUntil(lambda: dialog.height() == opened.height())
        texts_whole(dialog)
        alt(qtbot, "o")  # Close

    with Steps().then(GenerateDialog, look):
        key(qtbot, Qt.Key.Key_N, CTRL)  # File > New bank from article…
    assert seen == ["Generate questions from articles"]


def test_the_text_size_keys_work_in_the_help(qtbot: QtBot, main_window, normal_again: None) -> None:  # noqa: F811
    """The help is no modal dialog, but a window of its own in front: the keys pressed there are its."""
    main_window.resize(ROOMY)
    key(qtbot, Qt.Key.Key_F1)
    dialog = main_window.help_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # as the window manager does (offscreen has none)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    browser = dialog.findChild(QTextBrowser)
    browser.setFocus()  # (where a person reading it clicks)
    opened = dialog.size()
    largest(qtbot)
    qtbot.waitUntil(lambda: browser.font().pointSizeF() == MAX_POINT_SIZE)
    # Some 60 characters by 24 lines of the larger text, as it opens at that size (within the main window).
    qtbot.waitUntil(lambda: dialog.width() > opened.width() and dialog.height() > opened.height())
    nothing_cut_off(dialog)
    dialog.close()


def test_a_wrapping_radio_button_is_as_tall_as_its_lines_at_the_width_it_is_offered(qtbot: QtBot) -> None:
    """Not as tall as the lines it was wrapped to at the width it had last: laid out by that height, the page of the
    quiz options and its scroll bar went back and forth, one resize inside another, until the app crashed (Ctrl+= to
    21 pt and Ctrl+0 in the dialog, before it refitted to the text; Ctrl+- and Ctrl+= pressed quickly while the dialog
    was made smaller, after)."""
    button = WrappingRadioButton("&Practice: see the answer and its proof after each question")
    qtbot.addWidget(button)
    one_line = button.sizeHint()
    button.resize(one_line.width() // 3, one_line.height())
    button.show()
    assert button.text().count("\n") >= 2  # wrapped to the width it has now
    assert button.hasHeightForWidth()
    assert button.heightForWidth(one_line.width()) == one_line.height()
    assert button.heightForWidth(one_line.width() // 3) >= 3 * one_line.height() // 2
    assert button.sizeHint() == one_line  # still one line's width and height


def test_a_dialog_nobody_answers_fails_the_test_instead_of_hanging_it(qtbot: QtBot, main_window,
                                                                      no_blocking_dialogs) -> None:
    no_blocking_dialogs.seconds = 0.5  # (10 s in the other tests)
    with qtbot.captureExceptions() as exceptions:
        key(qtbot, Qt.Key.Key_Return)  # the quiz options, which this test does not answer
    # It was closed (as Cancel does: no quiz started), and the test fails saying which dialog it was.
    assert main_window.stack.currentWidget() is main_window.library
    [(_kind, error, _trace)] = exceptions
    assert isinstance(error, AssertionError)
    assert str(error).startswith("a modal dialog nobody answered was closed after 0.5 s: QuizOptionsDialog "
                                 "'Quiz options'")
    assert QApplication.activeModalWidget() is None


def test_new_questions_per_day_fits_the_window_at_the_largest_text_and_shrinks_back(
        qtbot: QtBot, main_window, normal_again: None) -> None:  # noqa: F811
    """Quiz > New questions per day… at 28 pt over an 800x600 window: its text wraps, all of it is inside the window
    and the screen, its buttons whole; Ctrl+0 there gives it the size it opens at at the normal size. (Qt's input
    dialog did not wrap its text: 1146 pixels wide, past the screen's edge, and as wide again after Ctrl+0.)"""
    main_window.resize(SMALL)
    qtbot.waitUntil(lambda: main_window.size() == SMALL)
    opened: list[QSize] = []

    def from_the_menu() -> None:
        alt(qtbot, "q")  # the Quiz menu
        qtbot.keyClick(QApplication.activePopupWidget(), "n")  # New questions per day…

    def typed_then_cancelled(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "New questions per day"
        assert isinstance(QApplication.focusWidget(), QSpinBox)  # the number, to type over at once
        opened.append(dialog.size())
        nothing_cut_off(dialog)
        key(qtbot, Qt.Key.Key_5)
        key(qtbot, Qt.Key.Key_Escape)

    def at_the_largest_text(dialog: QDialog) -> None:
        assert main_window.screen().availableGeometry().contains(dialog.geometry())
        assert main_window.geometry().contains(dialog.geometry()), (dialog.geometry(), main_window.geometry())
        nothing_cut_off(dialog)
        key(qtbot, Qt.Key.Key_0, CTRL)  # the normal size: as it opens at that size
        qtbot.waitUntil(lambda: dialog.size() == opened[0])
        nothing_cut_off(dialog)
        assert isinstance(QApplication.focusWidget(), QSpinBox)
        key(qtbot, Qt.Key.Key_A, CTRL)
        key(qtbot, Qt.Key.Key_1)
        key(qtbot, Qt.Key.Key_2)
        key(qtbot, Qt.Key.Key_Return)  # OK

    with Steps().then(QDialog, typed_then_cancelled):
        from_the_menu()
    assert opened and new_per_day() == DEFAULT_NEW_PER_DAY  # Esc kept it
    main_window.activateWindow()  # as the window manager does when the dialog over it closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    largest(qtbot)  # in the main window
    focused_font_is(qtbot, MAX_POINT_SIZE)
    with Steps().then(QDialog, at_the_largest_text):
        from_the_menu()
    assert new_per_day() == 12
    assert main_window.library.study_line.text().endswith("12 new for study today")
