"""The small dialogs at a large text size, on a small screen and with long texts: nothing cut off or drawn over."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)
from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from quizapp.gui.editor import BankEditor
from quizapp.gui.options_dialog import QuizOptionsDialog
from quizapp.gui.paste_dialog import PasteDialog
from quizapp.gui.theme import MAX_POINT_SIZE, set_point_size
from tests.conftest import alt, key
from tests.test_gui_editor import discard_on_teardown as discard_edits
from tests.test_gui_small_screen import SMALL, shown_at_800x600, tab_round, wholly_shown

TITLE = ("The restoration of the old lighthouse on the northern headland of Varrowmere Island, finished after "
         "eleven years of volunteer work")
LONG_TAG = "engineering-and-restoration-techniques-of-the-northern-coast"


@pytest.fixture
def large_text(qapp: QApplication, settings_dir: Path) -> Iterator[None]:
    """A large text size (24 pt, four steps below the largest), and the normal size again afterwards."""
    normal = qapp.font().pointSizeF()
    set_point_size(qapp, MAX_POINT_SIZE - 4)
    yield
    set_point_size(qapp, normal)


def whole(label: QLabel) -> bool:
    """The label is as tall as its text wrapped to its width (shorter, its last line is cut off)."""
    return label.height() >= label.heightForWidth(label.width())


def long_titled_bank(folder: Path) -> Path:
    """A bank with a title of three lines at a large text, and a tag as long as a line."""
    (folder / "lighthouse.txt").write_text(
        "Lighthouse restored\nAbout 340 volunteers worked on the tower over eleven years.\n", encoding="utf-8")
    question = {"id": "volunteers", "type": "numeric", "prompt": "How many volunteers worked on the tower?",
                "answer": 340, "tolerance": "10%", "tags": [LONG_TAG, "people"],
                "cite": {"quote": "About 340 volunteers worked on the tower over eleven years."}}
    bank = {"title": TITLE, "sources": {"lighthouse": {"file": "lighthouse.txt"}}, "questions": [question]}
    path = folder / "lighthouse.yaml"
    path.write_text(yaml.safe_dump(bank, sort_keys=False), encoding="utf-8")
    return path


def opened_over(qtbot: QtBot, size: QSize, dialog_of: Callable[[QWidget], QDialog]) -> tuple[QWidget, QDialog]:
    """A window of `size`, and the dialog `dialog_of(window)` opened over it, active."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    dialog = dialog_of(window)  # (closed with the window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return window, dialog  # (the dialog goes with the window: a window no name holds is deleted)


@pytest.mark.parametrize("size", [SMALL, QSize(1000, 700)])
def test_a_long_bank_title_and_a_long_tag_are_whole_in_the_quiz_options(qtbot: QtBot, large_text: None,
                                                                        tmp_path: Path, size: QSize) -> None:
    """The title's third line was drawn under the Number of questions row, cut in half; a long tag ran past the
    tags list's right edge, behind a scroll bar that no key moves."""
    loaded = load_bank(long_titled_bank(tmp_path))
    _window, dialog = opened_over(qtbot, size, lambda window: QuizOptionsDialog(loaded, window))
    assert isinstance(dialog, QuizOptionsDialog)
    title = next(label for label in dialog.findChildren(QLabel) if label.text() == TITLE)
    assert title.heightForWidth(title.width()) >= 3 * title.fontMetrics().lineSpacing()  # three lines at this size
    assert whole(title), (title.height(), title.heightForWidth(title.width()))
    assert title.geometry().bottom() < dialog.count.mapTo(title.parentWidget(), dialog.count.rect().topLeft()).y()

    tags = dialog.tags
    row = next(i for i in range(tags.count()) if tags.item(i).data(Qt.ItemDataRole.UserRole) == LONG_TAG)
    rect = tags.visualItemRect(tags.item(row))
    assert rect.left() >= 0 and rect.right() < tags.viewport().width(), (rect, tags.viewport().width())
    assert rect.height() >= 2 * tags.fontMetrics().lineSpacing()  # on two lines


def placeholder_fits(edit: QLineEdit) -> bool:
    """The field's grey hint is drawn whole, not ending in "…"."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit).width() - 4
    return edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room


def test_the_paste_dialog_keeps_its_text_box_and_says_where_the_text_goes_at_800x600_at_the_largest_text(
        qtbot: QtBot, qapp: QApplication, settings_dir: Path, tmp_path: Path) -> None:
    """At the largest text over an 800x600 window the box to paste the article in was a line high, and the
    sentence saying where the text is kept was cut off after two of its four lines; the date's hint ended
    in "…". Now the fields scroll, Save and Cancel below them."""
    normal = qapp.font().pointSizeF()
    set_point_size(qapp, MAX_POINT_SIZE)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        shown_at_800x600(qtbot, window)
        folder = tmp_path / "a folder with a rather long name for the articles of one teacher's banks"
        dialog = PasteDialog(window, folder=folder)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        assert dialog.width() <= SMALL.width() and dialog.height() <= SMALL.height()
        assert QApplication.focusWidget() is dialog.title_edit
        where = dialog.where
        qtbot.waitUntil(lambda: wholly_shown(where))  # as it opens, above the title
        assert whole(where), (where.height(), where.heightForWidth(where.width()))
        assert dialog.text_edit.height() >= 4 * dialog.text_edit.fontMetrics().lineSpacing()
        for edit in (dialog.title_edit, dialog.date_edit, dialog.url_edit):
            assert placeholder_fits(edit), edit.placeholderText()
        for button in dialog.buttons.buttons():
            assert wholly_shown(button), button.text()

        # Every field in reach by Tab, and shown whole when it has the focus; Esc with nothing typed closes.
        reached = tab_round(qtbot)
        assert {dialog.title_edit, dialog.text_edit, dialog.author_edit, dialog.publisher_edit, dialog.date_edit,
                dialog.url_edit} <= set(reached)
        key(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        set_point_size(qapp, normal)


@pytest.mark.parametrize(("points", "size"), [(MAX_POINT_SIZE - 4, QSize(1000, 700)),
                                              (MAX_POINT_SIZE, QSize(1280, 800))])
def test_the_article_in_the_bank_editor_keeps_its_lines_and_says_what_a_selection_does(
        qtbot: QtBot, qapp: QApplication, settings_dir: Path, tmp_path: Path, points: float, size: QSize) -> None:
    """With words selected in the article, at a large text in a narrow Article tab, the longer note under it
    squeezed the article to two lines and was itself cut off at both ends, its top line drawn over the article."""
    normal = qapp.font().pointSizeF()
    set_point_size(qapp, points)
    try:
        editor = BankEditor.open_file(long_titled_bank(tmp_path))
        qtbot.addWidget(editor, before_close_func=discard_edits)
        editor.resize(size)
        editor.show()
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        picker = editor.picker
        # The Article tab's Alt key: at these sizes the form and the article take turns in tabs, the article
        # too narrow beside the form.
        alt(qtbot, "t")
        assert QApplication.focusWidget() is picker.text
        key(qtbot, Qt.Key.Key_Down)
        key(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # a line of the article selected
        assert picker.use_button.isEnabled()
        status, text = picker.status, picker.text
        qtbot.waitUntil(lambda: whole(status))
        assert text.geometry().bottom() < status.geometry().top()
        assert text.viewport().height() >= 3 * text.fontMetrics().lineSpacing()
        for button in (picker.use_button, picker.ask_button):
            assert wholly_shown(button), button.text()
    finally:
        set_point_size(qapp, normal)


def test_the_help_opens_with_room_for_its_lines_at_the_largest_text(qtbot: QtBot, main_window) -> None:
    """At 640x520 whatever the text size, the Help held nine lines of some 30 characters at the largest text: it
    opens some 60 characters by 24 lines, within the window it opens over."""
    window = main_window
    window.resize(SMALL)  # (the screen of the tests)
    try:
        while QApplication.font().pointSizeF() < MAX_POINT_SIZE:  # View > Larger text, as far as it goes
            key(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        key(qtbot, Qt.Key.Key_F1)
        dialog = window.help_dialog
        qtbot.waitExposed(dialog)
        text = dialog.findChild(QAbstractScrollArea)
        metrics = text.fontMetrics()
        assert text.viewport().width() >= 36 * metrics.averageCharWidth(), text.viewport().width()
        assert text.viewport().height() >= 11 * metrics.lineSpacing(), (text.viewport().height(), metrics.lineSpacing())
        assert dialog.width() <= window.width() and dialog.height() <= window.height()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        key(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        window.change_text_size(0)
