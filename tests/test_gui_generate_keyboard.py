"""The generate dialog from the keyboard alone, at the largest text too: every Tab stop shows the focus, every
button has its own Alt key, and what a question's row and details hold can be brought into sight."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui.app import create_app
from quizapp.gui.generate_dialog import GenerateDialog
from tests.conftest import SEED, Steps, alt, discard_on_teardown, key
from tests.test_gui_generate import TIMEOUT, reviewing
from tests.test_gui_keyboard_start import tab_round, unmarked
from tests.test_gui_mnemonics import mnemonic
from tests.test_gui_small_screen import largest_text, shown_at_800x600, wholly_shown

__all__ = ["largest_text"]  # (a fixture, used by name)


def generated_at_800x600(qtbot: QtBot, folder: Path) -> GenerateDialog:
    """The dialog at 800x600, shown and active, with three questions generated from the seed article by keys."""
    dialog = GenerateDialog(None, target_dir=folder, articles=[SEED])
    qtbot.addWidget(dialog, before_close_func=discard_on_teardown)
    shown_at_800x600(qtbot, dialog)
    dialog.max_questions.setValue(3)
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT):
        key(qtbot, Qt.Key.Key_Return)  # Generate (the focus is on it)
    assert QApplication.focusWidget() is dialog.review
    return dialog


def dialog_mnemonics(dialog: QWidget) -> list[tuple[str, str]]:
    """(Alt key, text) of every button, field label and box title shown in `dialog`."""
    texts = []
    for w in dialog.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy()):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
    return [(mnemonic(t), t) for t in texts if mnemonic(t)]


def test_every_tab_stop_of_the_review_shows_that_it_has_the_focus(qtbot: QtBot, settings_dir: Path,
                                                                    tmp_path: Path) -> None:
    """The walkthrough Tabbed to the list of questions, the list of articles and the Prompt and saw no change:
    a selected row is as blue with the focus as without, and a text box has no focus frame."""
    create_app()  # the app's style, which rings a focused button
    dialog = reviewing(qtbot, tmp_path)
    dialog.review.setFocus()
    stops = tab_round(qtbot, dialog)
    assert {dialog.review, dialog.files, dialog.prompt_edit, dialog.answer_edit, dialog.generate_button} <= set(stops)
    assert unmarked(qtbot, dialog, stops) == []


def test_every_button_of_the_dialog_has_its_own_alt_key_and_alt_o_closes_it(qtbot: QtBot, tmp_path: Path) -> None:
    """Cancel had none (the platform names it "Cancel", and C, A, N, E and L are all taken here)."""
    dialog = reviewing(qtbot, tmp_path)
    keys = dialog_mnemonics(dialog)
    assert sorted(k for k, n in Counter(k for k, _ in keys).items() if n > 1) == []
    assert [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible() and not mnemonic(b.text())] == []

    asked: list[str] = []
    with Steps().then(QMessageBox, lambda box: (asked.append(box.text()), alt(qtbot, "d"))):  # Discard
        dialog.review.setFocus()
        alt(qtbot, "o")  # Close
        qtbot.waitUntil(lambda: not dialog.isVisible())
    assert asked == ["Discard the 3 generated questions?"]
    assert dialog.result() == GenerateDialog.DialogCode.Rejected


def test_a_long_question_shows_whole_in_the_list_at_the_largest_text(qtbot: QtBot, largest_text: None,
                                                                    tmp_path: Path) -> None:
    """At the largest text on a small screen a question's row was taller than the list: its last lines, the
    answer among them, were out of sight, and no key scrolled to them (the list scrolls a row at a time)."""
    dialog = generated_at_800x600(qtbot, tmp_path)
    alt(qtbot, "p")  # the Prompt: make the first question much longer
    key(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), " Give the figure as the article writes it, in the words of the"
                                                " council's own report on the state of the roads and bridges")
    dialog.review.setFocus()
    for row in range(dialog.question_count()):
        if row:
            key(qtbot, Qt.Key.Key_Down)
        assert dialog.review.currentRow() == row
        qtbot.waitUntil(lambda r=row: row_whole(dialog, r))  # (once laid out for the longer row)
    # The list itself fits the page's height, so Tab shows the whole of it.
    key(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.review
    qtbot.waitUntil(lambda: wholly_shown(dialog.review))


def row_whole(dialog: GenerateDialog, row: int) -> bool:
    """The row's every line is in the list's view."""
    return dialog.review.viewport().rect().contains(dialog.review.visualItemRect(dialog.review.item(row)))


def bottom_shown(widget: QWidget) -> bool:
    """The last line of `widget` is inside the scrolled areas around it (not cut off below)."""
    shown = widget.visibleRegion().boundingRect()
    return not shown.isEmpty() and shown.bottom() == widget.rect().bottom()


def test_the_keys_bring_a_questions_citation_into_sight_at_the_largest_text(qtbot: QtBot, largest_text: None,
                                                                           tmp_path: Path) -> None:
    """The details below the list scroll inside the page: their citation, under the Answer, showed only by the
    mouse wheel, as no field below the Answer takes the focus. The details are a Tab stop after the Answer,
    and the keys scroll them."""
    dialog = generated_at_800x600(qtbot, tmp_path)
    assert not bottom_shown(dialog.citation_label)  # (at this size it does not fit beside the fields)
    for _ in range(3):  # past the Prompt and the Answer
        key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.details_scroll
    for _ in range(3):  # (a page of the details at a time)
        key(qtbot, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: bottom_shown(dialog.citation_label))

    # Another question's details show from their top, its type first, not scrolled as the last one's were.
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.review
    key(qtbot, Qt.Key.Key_Down)
    assert dialog.review.currentRow() == 1
    label = dialog.kind_label
    assert label.visibleRegion().boundingRect().top() == 0 and not label.visibleRegion().isEmpty()
    assert QRect(label.rect()) == label.visibleRegion().boundingRect()


def test_a_boxs_alt_key_goes_to_its_list_not_to_the_field_used_last(qtbot: QtBot, tmp_path: Path) -> None:
    """Alt+V (Review) went to whichever of the box's fields was used last: after the Answer, to the Answer,
    where the Space that should tick the question typed over the answer. Alt+V is the list of questions,
    Alt+A the list of articles, however the person got around the box before."""
    dialog = reviewing(qtbot, tmp_path)
    alt(qtbot, "s")  # An&swer
    assert QApplication.focusWidget() is dialog.answer_edit
    alt(qtbot, "v")
    assert QApplication.focusWidget() is dialog.review
    answer = dialog.answer_edit.toPlainText()
    ticked = dialog.review.currentItem().checkState()
    key(qtbot, Qt.Key.Key_Space)
    assert dialog.review.currentItem().checkState() != ticked and dialog.answer_edit.toPlainText() == answer
    dialog.files.setFocus()
    for _ in range(8):  # Tab on to the box's web address field
        key(qtbot, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is dialog.url_edit:
            break
    assert QApplication.focusWidget() is dialog.url_edit
    alt(qtbot, "v")
    alt(qtbot, "a")
    assert QApplication.focusWidget() is dialog.files
