"""Ask about it: select words in the article beside the editor's form, get a cited gap question."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from quizapp.core.bank import load_bank
from quizapp.gui.editor import BankEditor
from tests.conftest import alt
from tests.test_gui_editor import answer_dialogs, discard_on_teardown
from tests.test_gui_editor_problems import field_errors
from tests.test_gui_keyboard_start import dialog_closed

SENTENCE = ("A collision of two helicopters killed 13 French soldiers during a night operation in Mali, "
            "French authorities announced Tuesday morning.")


def shown_editor(qtbot, bank_file: Path) -> BankEditor:
    editor = BankEditor.open_file(bank_file)
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.resize(1100, 720)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.list.setCurrentRow(0)  # cites SENTENCE: the article shows it
    return editor


def double_click_word(qtbot, editor: BankEditor, word: str, after: str) -> None:
    """Double-click `word` (the first after `after`) in the article, as a person selects a word."""
    text = editor.picker.text
    at = text.toPlainText().index(word, text.toPlainText().index(after))
    cursor = QTextCursor(text.document())
    cursor.setPosition(at + 1)
    qtbot.mouseDClick(text.viewport(), Qt.MouseButton.LeftButton, pos=text.cursorRect(cursor).center())
    assert text.textCursor().selectedText() == word


def test_a_double_clicked_figure_becomes_a_numeric_gap_question(qtbot, bank_file: Path) -> None:
    editor = shown_editor(qtbot, bank_file)
    count = len(editor.draft.questions)
    double_click_word(qtbot, editor, "13", SENTENCE)
    alt(qtbot, "b")  # Ask about it
    qtbot.waitUntil(lambda: len(editor.draft.questions) == count + 1)  # a mnemonic clicks after an animation
    assert editor.list.currentRow() == 1  # after the question shown, and shown
    q = editor.draft.question(1)
    assert q["prompt"] == ("A collision of two helicopters killed ___ French soldiers during a night operation in "
                           "Mali, French authorities announced Tuesday morning. What number fills the gap, "
                           "according to the article?")
    assert (q["type"], q["answer"], q["cite"]) == ("numeric", 13, {"quote": SENTENCE})
    assert q["id"] == "ask-13-french-soldiers-1"  # the words asked and two after them, numbered as ids are
    assert QApplication.focusWidget() is editor.form.widgets["prompt"]  # to read it over
    assert editor.picker.status.text() == ("Question 1 cites this sentence too: check the two do not ask the "
                                           "same thing.")
    assert editor.form.text_of("prompt") == q["prompt"]

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(editor.draft.questions) == count


def test_a_selected_name_becomes_a_choice_question_to_finish_and_save(qtbot, bank_file: Path, monkeypatch) -> None:
    editor = shown_editor(qtbot, bank_file)
    count = len(editor.draft.questions)
    double_click_word(qtbot, editor, "Mali", SENTENCE)
    alt(qtbot, "b")
    qtbot.waitUntil(lambda: len(editor.draft.questions) == count + 1, timeout=30_000)  # the article is read
    dialog_closed(editor)  # its progress dialog, the first time

    # The cursor waits in Wrong answers, which holds other countries the article names, to check.
    assert editor.draft.question(1)["distractors"] == ["France", "Burkina Faso", "Niger"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.form.widgets["distractors"])
    assert "check that the article makes each one false" in editor.picker.status.text()
    # France sent the soldiers: the teacher puts Chad in its place.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "Niger")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "Burkina Faso")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "Chad")
    asked = answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["The layout will change"]  # the hand-written file's key order
    assert not editor.isWindowModified()

    q = load_bank(bank_file).bank.questions[1]
    assert q.prompt == ("A collision of two helicopters killed 13 French soldiers during a night operation in ___, "
                        "French authorities announced Tuesday morning. Which country fills the gap, according to "
                        "the article?")
    assert (q.answer, q.distractors, q.cite.quotes) == ("Mali", ["Niger", "Burkina Faso", "Chad"], [SENTENCE])


def test_words_that_are_no_name_get_no_suggested_wrong_answers(qtbot, bank_file: Path) -> None:
    editor = shown_editor(qtbot, bank_file)
    count = len(editor.draft.questions)
    double_click_word(qtbot, editor, "collision", SENTENCE)
    alt(qtbot, "b")
    qtbot.waitUntil(lambda: len(editor.draft.questions) == count + 1, timeout=30_000)
    dialog_closed(editor)
    q = editor.draft.question(1)
    assert (q["answer"], q["distractors"]) == ("collision", [])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.form.widgets["distractors"])
    # what it lacks shows at once, under the field the cursor is in
    assert field_errors(editor) == {"distractors": "Add at least one wrong answer, one per line"}


def test_a_selection_across_sentences_is_refused_with_what_to_select(qtbot, bank_file: Path) -> None:
    editor = shown_editor(qtbot, bank_file)
    count = len(editor.draft.questions)
    text = editor.picker.text
    start = text.toPlainText().index("Tuesday morning.")
    text.setFocus()
    cursor = text.textCursor()
    cursor.setPosition(start)
    text.setTextCursor(cursor)
    for _ in range(len("Tuesday morning. The")):  # Shift+Right over the full stop into the next sentence
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    alt(qtbot, "b")
    qtbot.waitUntil(lambda: editor.picker.status.text()
                    == "Select words inside one sentence: the sentence is the question.")
    assert len(editor.draft.questions) == count



def test_a_double_click_on_part_of_a_figure_asks_the_whole_figure(qtbot, bank_file: Path) -> None:
    editor = shown_editor(qtbot, bank_file)
    editor.list.setCurrentRow(next(i for i, q in enumerate(editor.draft.questions)
                                   if "4,500" in str(q.get("cite", {}).get("quote"))))
    row = editor.list.currentRow()
    double_click_word(qtbot, editor, "500", "About 4,500 French troops")  # Qt selects "500" of "4,500"
    alt(qtbot, "b")
    qtbot.waitUntil(lambda: editor.list.currentRow() == row + 1)
    q = editor.draft.question(row + 1)
    assert q["prompt"].startswith("About ___ French troops are stationed across West Africa")
    assert (q["answer"], q["tolerance"]) == (4500, "1.1%")


def test_a_question_added_while_the_list_is_searched_shows_in_it(qtbot, bank_file: Path) -> None:
    editor = shown_editor(qtbot, bank_file)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Find
    qtbot.keyClicks(QApplication.focusWidget(), "helicopters")
    shown = [i for i in range(editor.list.count()) if not editor.list.isRowHidden(i)]
    assert 0 < len(shown) < editor.list.count()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New question
    new = editor.list.currentRow()
    assert editor.draft.question(new)["prompt"] == "" and not editor.list.isRowHidden(new)


def test_a_bank_of_no_questions_shows_its_first_article_to_ask_about(qtbot, tmp_path: Path) -> None:
    """A bank made to write one's own questions: the Article tab shows its first article with no question selected,
    Ask about it works there, and the question asked becomes the current one (citing the article by name, of two)."""
    from quizapp.core.draft import BankDraft

    sentence = "The plan passed by 31 votes to 12 after a long debate."
    (tmp_path / "vote.txt").write_text(f"Council backs new cycle lanes\n\nMembers of Brackwell council voted on "
                                       f"Tuesday to build cycle lanes. {sentence}\n", encoding="utf-8")
    (tmp_path / "road.txt").write_text("Rain closes the valley road\n\nThe road closed for 3 days.\n",
                                       encoding="utf-8")
    draft = BankDraft.new(tmp_path / "two.yaml", "Two articles")
    draft.data["sources"] = {"vote": {"file": "vote.txt"}, "road": {"file": "road.txt"}}
    draft.save()
    editor = BankEditor.open_file(draft.path)
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert editor.empty_label.text() == ("No questions yet. Select words in the article (Article tab) and press Ask "
                                         "about it, or press Add to write a question.")
    alt(qtbot, "t")  # the Article tab, the focus in its article
    text = editor.picker.text
    assert QApplication.focusWidget() is text and editor.picker.article.path == tmp_path / "vote.txt"
    assert editor.picker.status.text() == "Select words (Shift+arrows), then press Ask about it."
    for _ in range(text.toPlainText().index("31")):
        qtbot.keyClick(text, Qt.Key.Key_Right)
    for _ in range(2):
        qtbot.keyClick(text, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert text.textCursor().selectedText() == "31"
    assert editor.picker.ask_button.isEnabled() and not editor.picker.use_button.isEnabled()  # nothing to cite for
    alt(qtbot, "b")  # Ask about it
    qtbot.waitUntil(lambda: len(editor.draft.questions) == 1)
    q = editor.draft.question(0)
    assert (q["answer"], q["cite"]) == (31, {"source": "vote", "quote": sentence})
    assert editor.list.currentRow() == 0 and editor.form.text_of("prompt") == q["prompt"]
    assert QApplication.focusWidget() is editor.form.widgets["prompt"]
