"""The line under the editor's article says what is true now: what the two buttons do with the words selected, and
with none selected where the citation is; a note of Ask about it stands until the selection changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.gui.editor import BankEditor
from tests.conftest import alt, key
from tests.test_gui_editor_ask import SENTENCE, double_click_word, shown_editor

SHIFT = Qt.KeyboardModifier.ShiftModifier
SELECTED = "Use it as the citation, or ask about it."
HIGHLIGHTED = "The citation is highlighted."


def under_article(editor: BankEditor) -> tuple[str, bool, bool]:
    """The status under the article, and whether Use as citation and Ask about it can be pressed."""
    picker = editor.picker
    return picker.status.text(), picker.use_button.isEnabled(), picker.ask_button.isEnabled()


def into_article(qtbot: QtBot) -> None:
    alt(qtbot, "t")  # Ar&ticle: the focus in the article's text
    assert QApplication.focusWidget().accessibleName() == "Cited article"


def test_without_a_selection_the_status_no_longer_points_at_the_greyed_buttons(qtbot: QtBot, bank_file: Path) -> None:
    """Words selected and then let go (an arrow key, a click): the buttons greyed out, and the line above them still
    said to use the words as the citation or ask about them. It says where the citation is again."""
    editor = shown_editor(qtbot, bank_file)
    into_article(qtbot)
    assert under_article(editor) == (HIGHLIGHTED, False, False)
    for _ in range(6):
        key(qtbot, Qt.Key.Key_Right, SHIFT)
    assert under_article(editor) == (SELECTED, True, True)
    key(qtbot, Qt.Key.Key_Right)
    assert under_article(editor) == (HIGHLIGHTED, False, False)

    for _ in range(3):
        key(qtbot, Qt.Key.Key_Left, SHIFT)
    assert under_article(editor) == (SELECTED, True, True)
    # Typing in the form leaves the article and its selection as they were (and what the buttons do is still true).
    alt(qtbot, "p")  # the Prompt
    qtbot.keyClicks(QApplication.focusWidget(), "Really? ")
    assert editor.draft.question(0)["prompt"].startswith("Really? ")
    assert under_article(editor) == (SELECTED, True, True)
    into_article(qtbot)
    key(qtbot, Qt.Key.Key_Left)
    assert under_article(editor) == (HIGHLIGHTED, False, False)

    text = editor.picker.text
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Right, SHIFT)
    assert under_article(editor) == (SELECTED, True, True)
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, text.viewport().height() // 2))
    assert not text.textCursor().hasSelection()
    assert under_article(editor) == (HIGHLIGHTED, False, False)


def test_with_no_selection_it_says_what_the_citation_lacks(qtbot: QtBot, bank_file: Path) -> None:
    """The status a let-go selection goes back to is the one for the question's citation, not one fixed text."""
    editor = shown_editor(qtbot, bank_file)
    alt(qtbot, "c")  # the Citation, typed as no sentence of the article reads
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "Nothing of the kind happened.")
    missing = "The citation is not in this article: select the sentence that proves the answer."
    assert under_article(editor) == (missing, False, False)
    into_article(qtbot)
    for _ in range(5):
        key(qtbot, Qt.Key.Key_Right, SHIFT)
    assert under_article(editor) == (SELECTED, True, True)
    key(qtbot, Qt.Key.Key_Left)
    assert under_article(editor) == (missing, False, False)


def test_a_refusal_of_ask_about_it_stands_until_the_selection_changes(qtbot: QtBot, bank_file: Path) -> None:
    """Why the words selected cannot be asked about stays while they are selected; it is gone with them."""
    editor = shown_editor(qtbot, bank_file)
    text = editor.picker.text
    into_article(qtbot)
    cursor = text.textCursor()
    cursor.setPosition(text.toPlainText().index("Tuesday morning."))
    text.setTextCursor(cursor)
    for _ in range(len("Tuesday morning. The")):  # over the full stop into the next sentence
        key(qtbot, Qt.Key.Key_Right, SHIFT)
    alt(qtbot, "b")  # Ask about it
    refused = "Select words inside one sentence: the sentence is the question."
    qtbot.waitUntil(lambda: under_article(editor) == (refused, True, True))  # a mnemonic clicks after an animation
    into_article(qtbot)
    key(qtbot, Qt.Key.Key_Left, SHIFT)  # the selection a letter shorter: what the buttons do, again
    assert under_article(editor) == (SELECTED, True, True)

    alt(qtbot, "b")
    qtbot.waitUntil(lambda: under_article(editor) == (refused, True, True))
    into_article(qtbot)
    key(qtbot, Qt.Key.Key_Right)  # let go: nothing to ask about, nothing refused
    assert under_article(editor) == (HIGHLIGHTED, False, False)


def test_the_note_on_an_asked_question_stands_until_the_next_selection(qtbot: QtBot, bank_file: Path) -> None:
    """After Ask about it adds a question, what to check in it stays while the teacher reads the question over and
    clicks back into the article; words selected then replace it, and let go, the status says where the citation
    is."""
    editor = shown_editor(qtbot, bank_file)
    count = len(editor.draft.questions)
    double_click_word(qtbot, editor, "13", SENTENCE)
    alt(qtbot, "b")
    qtbot.waitUntil(lambda: len(editor.draft.questions) == count + 1)
    note = "Question 1 cites this sentence too: check the two do not ask the same thing."
    assert under_article(editor) == (note, False, False)
    assert QApplication.focusWidget() is editor.form.widgets["prompt"]
    key(qtbot, Qt.Key.Key_End)
    qtbot.keyClicks(QApplication.focusWidget(), " Give a number.")
    assert under_article(editor) == (note, False, False)

    text = editor.picker.text
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))  # back into the article
    assert QApplication.focusWidget() is text
    assert under_article(editor) == (note, False, False)
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Right, SHIFT)
    assert under_article(editor) == (SELECTED, True, True)
    key(qtbot, Qt.Key.Key_Right)
    assert under_article(editor) == (HIGHLIGHTED, False, False)
