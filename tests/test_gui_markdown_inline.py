"""A Markdown article's **bold**, *italic* and [links](address) show without their marks, and the citations
still highlight exactly the words cited, in the article view and the editor's Article tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from quizapp.core.article import load_article
from quizapp.core.bank import load_bank
from quizapp.core.session import Mode, QuizOptions, start_quiz
from quizapp.gui.article_text import shown_text
from tests.conftest import alt, key
from tests.test_gui_editor_ask import double_click_word, shown_editor
from tests.test_gui_markdown_headings import BANK as HEADINGS_BANK

ARTICLE = ("# Floods close the **valley** road\n\nRain fell for *3 days* on the valley.\n\n"
           "The **road** will reopen on [Friday](https://example.com/roads \"Roads\"), the _council_ said.\n\n"
           "* Drivers in snake_case_towns pay 5 * 3 * 2 euros.\n")
CITED = "The **road** will reopen on [Friday](https://example.com/roads \"Roads\"), the _council_ said."
SHOWN = "The road will reopen on Friday, the council said."
# The bank of the headings' test, citing the whole sentence, marks and all, as the file has it.
BANK = HEADINGS_BANK.replace('"The road will reopen on Friday"', f"'{CITED}'")


def write_bank(folder: Path) -> Path:
    (folder / "floods.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "floods.yaml").write_text(BANK, encoding="utf-8")
    return folder / "floods.yaml"


def test_the_marks_are_left_out_and_the_offsets_map_both_ways(tmp_path: Path) -> None:
    write_bank(tmp_path)
    article = load_article(tmp_path / "floods.md")
    shown = shown_text(article)
    assert shown.text == ("Floods close the valley road\n\nRain fell for 3 days on the valley.\n\n"
                          f"{SHOWN}\n\n"
                          "* Drivers in snake_case_towns pay 5 * 3 * 2 euros.\n")  # not emphasis: left as it is
    assert {(article.text[s.start:s.end], s.kind) for s in shown.styles} == {
        ("valley", "bold"), ("3 days", "italic"), ("road", "bold"), ("Friday", "link"), ("council", "italic")}
    span = article.find_quote(CITED)
    assert shown.text[shown.position(span.start):shown.position(span.end)] == SHOWN
    # A selection of the text shown takes whole marks for a quote, and leaves them out of the words asked.
    start = shown.text.index("road will")
    assert article.text[shown.offset(start):shown.offset(start + len("road will"))] == "**road** will"
    friday = shown.text.index("Friday")
    assert article.text[slice(*shown.inner_span(friday, friday + len("Friday")))] == "Friday"
    for offset in range(len(article.text) + 1):  # every position shown stands for one offset, and back
        assert shown.position(shown.offset(shown.position(offset))) == shown.position(offset)


def test_the_editor_highlights_the_cited_words_without_marks(qtbot, tmp_path: Path) -> None:
    editor = shown_editor(qtbot, write_bank(tmp_path))
    text = editor.picker.text
    assert "*" not in text.toPlainText().partition("* Drivers")[0] and "](" not in text.toPlainText()
    assert [s.cursor.selectedText() for s in text.extraSelections()] == [SHOWN]

    def char_format(word: str):  # the format of the word's second character
        cursor = QTextCursor(text.document())
        cursor.setPosition(text.toPlainText().index(word) + 2)
        return cursor.charFormat()

    assert char_format("road will").fontWeight() == QFont.Weight.Bold
    assert char_format("will").fontWeight() != QFont.Weight.Bold
    assert char_format("council").fontItalic() and not char_format("said").fontItalic()
    assert char_format("Friday").foreground().color() == text.palette().color(QPalette.ColorRole.Link)

    # Asking about a link's text asks about its words, not its marks and address.
    count = len(editor.draft.questions)
    double_click_word(qtbot, editor, "Friday", "reopen")
    alt(qtbot, "b")  # Ask about it
    qtbot.waitUntil(lambda: len(editor.draft.questions) == count + 1)
    q = editor.draft.question(1)
    # The question and its proof read as the article's words: no "**", "_" or address in either.
    assert (q["answer"], q["cite"]) == ("Friday", {"quote": SHOWN})
    assert "The road will reopen on ___, the council said." in q["prompt"]

    # A citation picked from the article quotes its words too, as a student will see them.
    editor.activateWindow()  # (the progress window of Ask about it took it, offscreen)
    qtbot.waitUntil(editor.isActiveWindow)
    double_click_word(qtbot, editor, "road", "The")
    assert QApplication.focusWidget() is text
    for _ in range(2):
        key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert text.textCursor().selectedText().strip() == "road will"
    alt(qtbot, "i")  # Use as citation
    qtbot.waitUntil(lambda: editor.draft.question(1)["cite"]["quote"] != SHOWN)
    assert editor.draft.question(1)["cite"]["quote"] == "road will"


def test_the_article_view_highlights_the_cited_words_without_marks(qtbot, main_window, tmp_path: Path) -> None:
    window = main_window
    window.run_session(start_quiz(load_bank(write_bank(tmp_path)), QuizOptions(mode=Mode.PRACTICE)))
    qtbot.keyClick(window.focusWidget(), "1")  # any choice
    # The proof after the answer reads as the article's words, though the bank quotes the file's marks.
    assert window.quiz.feedback.quote.text() == f"“{SHOWN}”"
    qtbot.mouseClick(window.quiz.feedback.article_button, Qt.MouseButton.LeftButton)
    view = window.article
    assert window.stack.currentWidget() is view
    assert view.highlighted_text() == [SHOWN]
    assert view.heading_text() == ["Floods close the valley road"]  # a bold word does not make a heading
