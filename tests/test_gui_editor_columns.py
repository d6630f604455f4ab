"""The editor's columns stay side by side only while each has a usable width at the text size: at 17 pt on 800x600
the article beside the form was three words wide, and selecting words in it for a citation was fiddly; at 26 pt, in
a tab beside the list, it was one line of two words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from quizapp.gui.editor import ARTICLE_CHARS, FORM_CHARS, BankEditor
from quizapp.gui.theme import MAX_POINT_SIZE
from tests.conftest import alt, key
from tests.test_gui_largest_text_room import CTRL, editor_at_800x600, normal_again  # noqa: F401 (a fixture)


def article_chars(editor: BankEditor) -> float:
    """How many average characters of its font a line of the article holds."""
    text = editor.picker.text
    return text.viewport().width() / text.fontMetrics().averageCharWidth()


def form_chars(editor: BankEditor) -> float:
    """How many average characters a line of the form holds."""
    return editor.form_scroll.viewport().width() / editor.form.fontMetrics().averageCharWidth()


def test_at_each_text_size_the_article_and_the_form_have_a_usable_width_or_fold_into_tabs(
        qtbot, main_window, bank_file: Path, normal_again: None) -> None:  # noqa: F811
    editor = editor_at_800x600(qtbot, main_window, bank_file)
    sizes = []
    while True:
        size = QApplication.font().pointSizeF()
        qtbot.waitUntil(lambda size=size: editor.picker.text.font().pointSizeF() == size)
        alt(qtbot, "t")  # the Article tab: the cursor in the article, to select words
        assert QApplication.focusWidget() is editor.picker.text
        # Beside the form, or in turns with it beside the list, or alone, the article has a usable width.
        qtbot.waitUntil(lambda: article_chars(editor) >= ARTICLE_CHARS)
        if editor.panes.level:
            alt(qtbot, "q")  # the form's tab
            assert editor.form.isAncestorOf(QApplication.focusWidget())
        qtbot.waitUntil(lambda: form_chars(editor) >= FORM_CHARS)  # and so has the form
        sizes.append((size, editor.panes.level))
        if size >= MAX_POINT_SIZE:
            break
        key(qtbot, Qt.Key.Key_Equal, CTRL)
    assert editor.size().width() == 800
    # Three columns at the normal size, as before; tabs well before the largest.
    assert sizes[0][1] == 0 and any(level > 0 for size, level in sizes if size <= 17)
