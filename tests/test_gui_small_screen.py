"""At the largest text size the generate dialog and the bank editor fit an 800x600 screen, every control in reach."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QStyle, QStyleOptionButton, QWidget
from pytestqt.qtbot import QtBot

from quizapp.core.bank import LoadedBank
from quizapp.core.session import Mode
from quizapp.gui.editor import BankEditor
from quizapp.gui.generate_dialog import GenerateDialog
from quizapp.gui.options_dialog import QuizOptionsDialog
from quizapp.gui.theme import MAX_POINT_SIZE, Theme, apply_theme, set_point_size
from tests.conftest import SEED, alt, discard_on_teardown, key
from tests.test_gui_editor import discard_on_teardown as discard_edits

SMALL = QSize(800, 600)


@pytest.fixture
def largest_text(qapp: QApplication, settings_dir: Path) -> Iterator[None]:
    """The largest text size View > Larger text goes to (28 pt), and the normal size again afterwards."""
    normal = qapp.font().pointSizeF()
    assert set_point_size(qapp, 1000) == MAX_POINT_SIZE
    yield
    set_point_size(qapp, normal)


def fits_a_small_screen(window: QWidget) -> None:
    """Neither the window's layout nor its own minimum asks for more than 800x600."""
    for size in (window.minimumSizeHint(), window.minimumSize()):
        assert size.width() <= SMALL.width() and size.height() <= SMALL.height(), size


def shown_at_800x600(qtbot: QtBot, window: QWidget) -> None:
    window.resize(SMALL)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.size() == SMALL  # (a window whose layout needs more grows past it, off the screen)


def wholly_shown(widget: QWidget) -> bool:
    """All of `widget` lies inside its window and is not cut off by a scrolled area around it."""
    window = widget.window()
    inside = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if isinstance(widget, QScrollArea):
        # A scrolled pane that is a Tab stop: the page in it covers it, so it is never "visible" itself. Whole when
        # none of the areas around it cuts it off.
        around = []
        parent = widget.parentWidget()
        while parent is not None and parent is not window:
            around.append(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
            parent = parent.parentWidget()
        return widget.isVisible() and window.rect().contains(inside) and all(a.contains(inside) for a in around)
    return (widget.isVisible() and window.rect().contains(inside)
            and widget.visibleRegion().boundingRect() == widget.rect())


def tab_round(qtbot: QtBot, presses: int = 60) -> list[QWidget]:
    """Tab from the focused widget round the window; each widget the focus reaches is wholly shown then."""
    reached: list[QWidget] = []
    for _ in range(presses):
        focus = QApplication.focusWidget()
        if focus in reached:
            break
        reached.append(focus)
        qtbot.waitUntil(lambda f=focus: wholly_shown(f))  # (scrolled to once laid out)
        key(qtbot, Qt.Key.Key_Tab)
    return reached


def test_the_generate_dialog_fits_800x600_at_the_largest_text(qtbot: QtBot, largest_text: None,
                                                              tmp_path: Path) -> None:
    dialog = GenerateDialog(None, target_dir=tmp_path, articles=[SEED])
    qtbot.addWidget(dialog, before_close_func=discard_on_teardown)
    fits_a_small_screen(dialog)
    shown_at_800x600(qtbot, dialog)

    dialog.files.setFocus()  # (as a click on the list of articles)
    alt(qtbot, "m")  # Maximum questions
    assert QApplication.focusWidget() is dialog.max_questions
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "3")
    with qtbot.waitSignal(dialog.generation_finished, timeout=60_000):
        key(qtbot, Qt.Key.Key_Return)  # Generate
    assert dialog.question_count() == 3

    # Add and Cancel stay in sight below the scrolled page; Tab brings every other control into view.
    for button in (dialog.ok_button, dialog.buttons.button(dialog.buttons.StandardButton.Cancel)):
        assert wholly_shown(button)
    dialog.review.setFocus()
    reached = tab_round(qtbot)
    for control in (dialog.generate_button, dialog.add_button, dialog.paste_button, dialog.url_edit,
                    dialog.max_questions, dialog.type_choice, dialog.type_numeric, dialog.accept_all_button,
                    dialog.reject_all_button, dialog.review, dialog.prompt_edit, dialog.answer_edit,
                    dialog.ok_button):
        assert control in reached, control.text() if hasattr(control, "text") else control

    # The review works there as anywhere: Reject all, then Enter on the first ticks none and adds nothing.
    alt(qtbot, "e")
    qtbot.waitUntil(lambda: dialog.count_label.text() == "0 of 3 accepted")
    assert wholly_shown(dialog.count_label)


def test_each_question_s_details_are_whole_at_800x600_at_the_largest_text(qtbot: QtBot, largest_text: None,
                                                                        tmp_path: Path) -> None:
    """Down the review, each question's details (a long confidence, wrong answers and citation, many lines each) are
    whole in their scrolled pane. The form there laid its rows out at the heights of a wider pane: the wrong answers
    showed five of their eleven lines, cut off over the Citation under them, and the citation lost its source."""
    dialog = GenerateDialog(None, target_dir=tmp_path, articles=[SEED])
    qtbot.addWidget(dialog, before_close_func=discard_on_teardown)
    shown_at_800x600(qtbot, dialog)
    with qtbot.waitSignal(dialog.generation_finished, timeout=60_000):
        key(qtbot, Qt.Key.Key_Return)  # Generate
    assert dialog.question_count() > 4
    alt(qtbot, "v")  # the review's list
    assert QApplication.focusWidget() is dialog.review

    def labels() -> list[QLabel]:
        return [dialog.kind_label, dialog.confidence_label, *dialog.wrong_answers.labels, dialog.citation_label]

    def cut_off() -> list[str]:
        return [label.text() for label in labels() if label.height() < label.heightForWidth(label.width())]

    for row in range(dialog.question_count()):
        if row:
            key(qtbot, Qt.Key.Key_Down)
        assert dialog.review.currentRow() == row
        qtbot.waitUntil(lambda: all(label.text() for label in labels()) and not cut_off())
        assert dialog.citation_label.text().splitlines()[-1].startswith("— ")  # (its source under the quote)


def test_the_new_bank_dialog_keeps_make_the_bank_in_sight_at_800x600_at_the_largest_text(
        qtbot: QtBot, largest_text: None, tmp_path: Path) -> None:
    """Its third button goes above Add and Close where the three do not fit in a line."""
    dialog = GenerateDialog(None, target_dir=tmp_path, articles=[SEED], offer_own=True)
    qtbot.addWidget(dialog, before_close_func=discard_on_teardown)
    fits_a_small_screen(dialog)
    shown_at_800x600(qtbot, dialog)
    for button in (dialog.own_button, dialog.ok_button, dialog.buttons.button(dialog.buttons.StandardButton.Cancel)):
        assert wholly_shown(button), button.text()


def test_the_bank_editor_fits_800x600_at_the_largest_text(qtbot: QtBot, largest_text: None,
                                                          bank_file: Path) -> None:
    editor = BankEditor.open_file(bank_file)
    qtbot.addWidget(editor, before_close_func=discard_edits)
    fits_a_small_screen(editor)
    shown_at_800x600(qtbot, editor)

    # The menu bar (File > Save), the title with room for a title, and the questions' list with its buttons.
    bar = editor.menuBar()
    for action in bar.actions():
        assert editor.rect().contains(QRect(bar.mapTo(editor, QPoint(0, 0)), bar.actionGeometry(action).size())
                                      .translated(bar.actionGeometry(action).topLeft()))
    assert editor.title_edit.width() >= editor.title_edit.fontMetrics().horizontalAdvance("x" * 20)
    assert QApplication.focusWidget() is editor.list
    reached = tab_round(qtbot)
    assert editor.list in reached and editor.search in reached
    assert {"Add question", "Duplicate question", "Delete question"} <= {w.accessibleName() for w in reached}

    # The next question, then its form: Alt+Q shows it, each field in reach by Tab, and typed into.
    editor.list.setFocus()
    key(qtbot, Qt.Key.Key_Down)
    row = editor.list.currentRow()
    alt(qtbot, "q")
    alt(qtbot, "p")  # the Prompt
    prompt = editor.form.widgets["prompt"]
    assert QApplication.focusWidget() is prompt
    qtbot.waitUntil(lambda: wholly_shown(prompt))
    reached = tab_round(qtbot)
    for name in ("id", "prompt", "answer", "source", "quote", "explanation", "tags", "difficulty"):
        assert editor.form.widgets[name] in reached, name
    prompt.setFocus()
    key(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(prompt, " Really?")
    assert editor.draft.question(row)["prompt"].endswith(" Really?")

    # The article, in its own tab, with its buttons.
    alt(qtbot, "t")  # the Article tab
    assert editor.side_tabs.currentWidget() is editor.picker
    for button in (editor.picker.use_button, editor.picker.ask_button):
        assert wholly_shown(button)


def test_the_quiz_options_fit_800x600_at_the_largest_text(qtbot: QtBot, largest_text: None,
                                                          bundled_bank: LoadedBank) -> None:
    dialog = QuizOptionsDialog(bundled_bank)
    qtbot.addWidget(dialog)
    fits_a_small_screen(dialog)
    shown_at_800x600(qtbot, dialog)
    for button in dialog.buttons.buttons():  # Start and Cancel, below the scrolled page
        assert wholly_shown(button), button.text()

    # Every option in reach by Tab, the long "Practice: see the answer..." wrapped, not cut off; Alt+E picks
    # the exam, and Enter starts it.
    reached = tab_round(qtbot)
    assert {dialog.count, dialog.shuffle_questions, dialog.practice, dialog.ok_button} <= set(reached)
    assert dialog.practice.width() <= SMALL.width() and wholly_shown(dialog.practice)
    alt(qtbot, "e")
    qtbot.waitUntil(dialog.exam.isChecked)  # (a mnemonic clicks after a short animation)
    assert QApplication.focusWidget() is dialog.exam
    qtbot.waitUntil(lambda: wholly_shown(dialog.exam))
    with qtbot.waitSignal(dialog.accepted):
        key(qtbot, Qt.Key.Key_Return)
    assert dialog.options().mode is Mode.EXAM


def test_the_library_details_are_whole_at_800x600_at_the_largest_text(qtbot: QtBot, main_window) -> None:
    library = main_window.library
    main_window.resize(SMALL)
    try:
        while QApplication.font().pointSizeF() < MAX_POINT_SIZE:  # View > Larger text, as far as it goes
            key(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert main_window.size() == SMALL
        labels = [w for w in (library.name, library.description, library.counts, library.sources,
                              library.score_line, library.study_line, library.file_line) if w.isVisibleTo(library)]
        assert len(labels) == 7
        # One under the other, none drawn over another, each as tall as its wrapped lines.
        qtbot.waitUntil(lambda: all(w.height() >= w.heightForWidth(w.width()) for w in labels))
        for above, below in pairwise(labels):
            assert above.geometry().bottom() < below.geometry().top(), (above.text(), below.text())
        # Each is in view, or scrolled to (as the scroll bars beside them, or the page's under the list, do).
        for label in labels:
            for area in (library.details_page, library.page):
                area.ensureWidgetVisible(label, 0, 0)
            qtbot.waitUntil(lambda w=label: wholly_shown(w))
        # The heading whole, not "Question ba".
        heading = next(w for w in library.findChildren(QLabel) if w.text() == "Question banks")
        library.page.ensureWidgetVisible(heading, 0, 0)
        assert heading.width() >= heading.sizeHint().width()
        qtbot.waitUntil(lambda: wholly_shown(heading))
    finally:
        main_window.change_text_size(0)


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_tick_boxes_and_radio_buttons_grow_with_the_text(qtbot: QtBot, qapp: QApplication, largest_text: None,
                                                          bundled_bank: LoadedBank, theme: Theme) -> None:
    """At 28 pt the quiz options' tick boxes and radio buttons were 13 px squares beside labels three times
    as tall: each indicator is now most of a line of its label's text high, in the tags list too."""
    apply_theme(qapp, theme)
    try:
        dialog = QuizOptionsDialog(bundled_bank)
        qtbot.addWidget(dialog)
        shown_at_800x600(qtbot, dialog)
        style = dialog.style()
        for box, element in ((dialog.shuffle_questions, QStyle.SubElement.SE_CheckBoxIndicator),
                             (dialog.practice, QStyle.SubElement.SE_RadioButtonIndicator)):
            option = QStyleOptionButton()
            box.initStyleOption(option)
            indicator = style.subElementRect(element, option, box)
            line = box.fontMetrics().height()
            assert indicator.height() >= 0.7 * line and indicator.width() >= 0.7 * line, (box.text(), indicator)
        line = dialog.tags.fontMetrics().height()
        assert style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, dialog.tags) >= 0.7 * line
    finally:
        apply_theme(qapp, Theme.SYSTEM)
