"""The bank editor's Article tab shows a long citation (several sentences, or a quote of two passages) as the quiz's
article view does: whole in view where it fits, else from its first line at the top of the view, never from its
middle; again when the pane's size or the text size changes, until the teacher scrolls or selects in the article."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.gui.citation_picker import CitationPicker
from tests.conftest import alt, key
from tests.test_gui_article_long_citation import (
    DEBATE,
    ENDING,
    first_line_at_top,
    highlight,
    whole_in_view,
    write_bank,
)
from tests.test_gui_largest_text_room import editor_at_800x600, normal_again

__all__ = ["normal_again"]  # (a fixture)

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
# (wide enough that the editor keeps its three columns at a text five sizes larger: at 800 wide the article folds into
# a tab beside the list there)
SMALL, LARGE = QSize(1280, 600), QSize(1280, 900)


def shows(picker: CitationPicker, question_id: str) -> bool:
    """The picker shows the citation of question `question_id`: highlighted, the cursor at its start."""
    first = {"votes": DEBATE, "bus-paid-by": ENDING[0]}[question_id]
    highlighted = [sel.cursor.selectedText() for sel in picker.text.extraSelections()]
    cursor = picker.text.textCursor()
    return highlighted[:1] == [first] and cursor.block().text() == first and cursor.positionInBlock() == 0


def test_a_long_citation_is_whole_in_the_article_tab_where_it_fits_and_from_its_first_line_where_not(
        qtbot: QtBot, main_window, tmp_path: Path, normal_again: None) -> None:
    editor = editor_at_800x600(qtbot, main_window, write_bank(tmp_path))
    picker = editor.picker
    assert QApplication.focusWidget() is editor.list
    # The last question (two passages at the article's end), then the first (nine sentences) again, by keys.
    key(qtbot, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: shows(picker, "bus-paid-by") and whole_in_view(picker))
    key(qtbot, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: shows(picker, "votes"))
    # Some 26 lines in a view of some 30: all of them, not the first in the middle and the rest out of sight.
    qtbot.waitUntil(lambda: whole_in_view(picker))

    # Larger text, pressed in the list: the pane holds fewer lines than the citation takes, which shows from its
    # first line; in a larger window it fits again, whole; in the smaller one again, from its first line.
    editor.resize(SMALL)
    qtbot.waitUntil(lambda: editor.size() == SMALL and whole_in_view(picker))
    for _ in range(5):  # five sizes larger
        key(qtbot, Qt.Key.Key_Equal, CTRL)
    assert QApplication.focusWidget() is editor.list and editor.side_tabs.currentWidget() is picker
    qtbot.waitUntil(lambda: highlight(picker).height() > picker.text.viewport().height())
    qtbot.waitUntil(lambda: first_line_at_top(picker))
    for size, placed in ((LARGE, whole_in_view), (SMALL, first_line_at_top)):
        editor.resize(size)
        qtbot.waitUntil(lambda s=size, p=placed: editor.size() == s and p(picker))
    key(qtbot, Qt.Key.Key_Down)  # the two passages, shorter: whole
    qtbot.waitUntil(lambda: shows(picker, "bus-paid-by"))
    assert highlight(picker).height() < picker.text.viewport().height()
    qtbot.waitUntil(lambda: whole_in_view(picker))

    # Once the teacher has moved in the article and selected words there, it stays where they put it: a taller window
    # does not pull it back to the citation.
    key(qtbot, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: shows(picker, "votes") and first_line_at_top(picker))
    alt(qtbot, "t")  # Ar&ticle
    assert QApplication.focusWidget() is picker.text
    for _ in range(2):
        key(qtbot, Qt.Key.Key_PageUp)
    for _ in range(5):
        key(qtbot, Qt.Key.Key_Right, SHIFT)
    selected, where = picker.selected_text(), picker.text.verticalScrollBar().value()
    assert selected and highlight(picker).top() > picker.text.viewport().height()  # the citation below, out of sight
    height = picker.text.viewport().height()
    editor.resize(SMALL.width(), SMALL.height() + 100)
    qtbot.waitUntil(lambda: picker.text.viewport().height() > height)
    for _ in range(3):  # (the view's own placing waits for the next turn of the event loop)
        QApplication.processEvents()
    assert picker.text.verticalScrollBar().value() == where and picker.selected_text() == selected
