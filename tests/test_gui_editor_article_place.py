"""The editor's article keeps the teacher's place: what is typed in the form, undone or redone leaves the article
scrolled and selected as it was, unless it changes the citation or the question shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.gui.editor import BankEditor
from tests.conftest import alt, key
from tests.test_gui_editor_keyboard import folded_editor
from tests.test_gui_editor_problems import open_shown
from tests.test_gui_small_screen import largest_text

__all__ = ["largest_text"]  # (a fixture, used by name)

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NEW_QUOTE = "The United States provides some logistical help and intelligence."


def place(editor: BankEditor) -> tuple[int, int, int]:
    """Where the article is: its scroll, and the start and end of the selection in it."""
    text = editor.picker.text
    cursor = text.textCursor()
    return text.verticalScrollBar().value(), cursor.selectionStart(), cursor.selectionEnd()


def scroll_and_select(qtbot: QtBot, editor: BankEditor) -> tuple[int, int, int]:
    """A page down the article (from the focus in it), then a few words selected with Shift+Right."""
    assert QApplication.focusWidget() is editor.picker.text
    # The keys come faster than a hand's: between them the window does what it does between a person's (the view
    # centres the citation once its tab shows; the status under it, a line longer, makes the view shorter).
    QApplication.processEvents()
    key(qtbot, Qt.Key.Key_PageDown)
    for _ in range(12):
        key(qtbot, Qt.Key.Key_Right, SHIFT)
    QApplication.processEvents()
    where = place(editor)
    assert where[0] > 0 and where[1] < where[2], where  # scrolled away from the citation, words selected
    assert editor.picker.selected_text() and editor.picker.use_button.isEnabled()
    return where


def type_keys(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_typing_in_the_form_leaves_the_article_where_the_teacher_put_it(qtbot: QtBot, bank_file: Path) -> None:
    """Each key typed in the form scrolled the article back to the citation and cleared the words selected in it:
    a teacher looking for a better sentence lost it at every letter of the prompt."""
    editor = open_shown(qtbot, bank_file)
    text = editor.picker.text
    original = editor.draft.question(0)["prompt"]
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, 10))  # into the article
    where = scroll_and_select(qtbot, editor)

    alt(qtbot, "p")  # the Prompt
    assert QApplication.focusWidget() is editor.form.widgets["prompt"]
    type_keys(qtbot, "Really? ")
    key(qtbot, Qt.Key.Key_Tab)  # on to the Answer, a field of its own (all of it selected)
    key(qtbot, Qt.Key.Key_End)
    type_keys(qtbot, "0")
    assert editor.draft.question(0)["prompt"] == "Really? " + original
    assert editor.draft.question(0)["answer"] == 130
    assert place(editor) == where
    assert editor.picker.use_button.isEnabled()  # the selection can still be used as the citation

    key(qtbot, Qt.Key.Key_Z, CTRL)  # the answer typed, undone
    assert editor.draft.question(0)["answer"] == 13
    key(qtbot, Qt.Key.Key_Z, CTRL)  # and the prompt
    assert editor.draft.question(0)["prompt"] == original
    key(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)  # the prompt again
    assert editor.draft.question(0)["prompt"] == "Really? " + original
    assert place(editor) == where


def test_a_new_citation_or_question_still_brings_the_article_to_it(qtbot: QtBot, bank_file: Path) -> None:
    """What the view must still do: go to the citation when it is typed, undone, or another question is shown."""
    editor = open_shown(qtbot, bank_file)
    text = editor.picker.text
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    where = scroll_and_select(qtbot, editor)

    def shows(quote: str) -> bool:
        """The quote highlighted, the cursor at its start (nothing selected), and its first line in view."""
        start = text.toPlainText().index(quote)
        highlighted, = text.extraSelections()
        cursor = text.textCursor()
        return (highlighted.cursor.selectionStart() == start and cursor.position() == start
                and not cursor.hasSelection() and text.viewport().rect().contains(text.cursorRect(cursor)))

    alt(qtbot, "c")  # the Citation
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, NEW_QUOTE)
    assert editor.draft.question(0)["cite"] == {"quote": NEW_QUOTE}
    assert shows(NEW_QUOTE) and place(editor)[0] != where[0]

    key(qtbot, Qt.Key.Key_Z, CTRL)  # the citation typed, undone: back to the old one, at the top
    old = editor.draft.question(0)["cite"]["quote"]
    assert old.startswith("A collision of two helicopters")
    assert shows(old) and place(editor)[0] == 0

    editor.activateWindow()
    alt(qtbot, "t")  # into the article again, to scroll down from the old citation
    assert QApplication.focusWidget() is text
    scroll_and_select(qtbot, editor)
    editor.list.setFocus(Qt.FocusReason.OtherFocusReason)
    key(qtbot, Qt.Key.Key_End)  # the last question, whose citation is near the article's end
    last = editor.draft.question(editor.list.currentRow())["cite"]["quote"]
    assert shows(last)


def test_the_article_behind_the_form_keeps_its_place_too(qtbot: QtBot, largest_text: None, bank_file: Path) -> None:
    """At the largest text the form is a tab beside the article: back in the article after typing in the form, the
    article had scrolled to the citation, the words selected lost."""
    editor = folded_editor(qtbot, bank_file)
    alt(qtbot, "t")  # Ar&ticle
    where = scroll_and_select(qtbot, editor)
    alt(qtbot, "q")  # &Question: the form, at its Id
    alt(qtbot, "p")  # the Prompt
    assert QApplication.focusWidget() is editor.form.widgets["prompt"]
    type_keys(qtbot, "Really? ")
    key(qtbot, Qt.Key.Key_Z, CTRL)
    key(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.draft.question(0)["prompt"].startswith("Really? ")
    alt(qtbot, "t")
    assert QApplication.focusWidget() is editor.picker.text
    QApplication.processEvents()  # (the view centred the citation on the loop's next turn once the tab showed)
    assert place(editor) == where
