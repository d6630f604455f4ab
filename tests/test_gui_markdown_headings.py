"""A Markdown article's headings show without their "#" marks, and the citations still hit the right words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from quizapp.core.article import load_article
from quizapp.core.bank import load_bank
from quizapp.core.session import Mode, QuizOptions, start_quiz
from quizapp.gui.article_text import shown_text
from quizapp.gui.editor import BankEditor
from tests.conftest import alt, key
from tests.test_gui_editor import discard_on_teardown
from tests.test_gui_editor_ask import double_click_word
from tests.test_gui_keyboard_start import focused
from tests.test_gui_largest_text_room import normal_again

__all__ = ["normal_again"]  # (a fixture)

ARTICLE = ("# Floods close the valley road 🌧\n\nRain fell for 3 days on the valley.\n\n"
           "## Damage ##\n\nThe road will reopen on Friday, the council said.\n")
BANK = """\
title: Floods
sources:
  floods: {file: floods.md}
questions:
  - id: reopen
    type: choice
    prompt: When will the road reopen?
    answer: Friday
    distractors: [Monday, Sunday]
    cite: {quote: "The road will reopen on Friday"}
"""


def test_the_shown_text_maps_offsets_both_ways(tmp_path: Path) -> None:
    (tmp_path / "floods.md").write_text(ARTICLE, encoding="utf-8")
    article = load_article(tmp_path / "floods.md")
    shown = shown_text(article)
    assert shown.text == ("Floods close the valley road 🌧\n\nRain fell for 3 days on the valley.\n\n"
                          "Damage\n\nThe road will reopen on Friday, the council said.\n")
    for words in ("Rain fell", "3 days", "Damage", "Friday, the council"):
        at = article.text.index(words)
        # The rain cloud outside the BMP takes two UTF-16 units in the document.
        position = len(shown.text[:shown.text.index(words)].encode("utf-16-le")) // 2
        assert shown.position(at) == position
        assert shown.offset(position) == at
        assert shown.offset(shown.position(at + len(words))) == at + len(words)


def test_the_editor_shows_headings_without_marks_and_asks_about_the_right_words(qtbot, tmp_path: Path) -> None:
    (tmp_path / "floods.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "floods.yaml").write_text(BANK, encoding="utf-8")
    editor = BankEditor.open_file(tmp_path / "floods.yaml")
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.list.setCurrentRow(0)
    text = editor.picker.text
    shown = text.toPlainText()
    assert shown.startswith("Floods close the valley road") and "#" not in shown
    heading = text.document().findBlockByNumber(0).begin().fragment().charFormat()
    assert heading.fontWeight() == QFont.Weight.Bold
    # The citation highlighted to the character, past the marks left out above it.
    assert [s.cursor.selectedText() for s in text.extraSelections()] == ["The road will reopen on Friday"]

    count = len(editor.draft.questions)
    double_click_word(qtbot, editor, "3", "Rain fell")
    alt(qtbot, "b")  # Ask about it
    qtbot.waitUntil(lambda: len(editor.draft.questions) == count + 1)
    q = editor.draft.question(1)
    assert (q["type"], q["answer"], q["cite"]) == ("numeric", 3, {"quote": "Rain fell for 3 days on the valley."})
    assert q["prompt"].startswith("Rain fell for ___ days on the valley.")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def line_height(view, line: str) -> float:  # type: ignore[no-untyped-def]
    """The height of the first line of the article view's paragraph `line`, as laid out now."""
    document = view.text.document()
    block = document.begin()
    while block.text() != line:
        block = block.next()
    document.documentLayout().blockBoundingRect(block)  # (laid out at the present font, where out of view)
    return block.layout().lineAt(0).height()


def test_the_headings_grow_with_the_text_at_once(qtbot, main_window, tmp_path: Path, normal_again: None) -> None:
    """Ctrl+= with the article open made its text larger but left the headings at the size they had when it was
    shown, smaller than the text under them at the largest sizes, until the article was shown again."""
    (tmp_path / "floods.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "floods.yaml").write_text(BANK, encoding="utf-8")
    window = main_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.run_session(start_quiz(load_bank(tmp_path / "floods.yaml"), QuizOptions(mode=Mode.PRACTICE)))
    qtbot.keyClicks(focused(qtbot, window), "1")  # any choice
    alt(qtbot, "a")  # Show in &article
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.article)
    view = window.article
    assert QApplication.focusWidget() is view.text
    assert view.heading_text() == ["Floods close the valley road 🌧", "Damage"]
    body = "The road will reopen on Friday, the council said."
    before = {line: line_height(view, line) for line in ("Damage", body)}
    assert before["Damage"] > before[body]

    for _ in range(3):
        key(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: line_height(view, body) > before[body] * 1.2)
    grown = line_height(view, body) / before[body]
    # The heading as much larger as the body text, without the article shown again.
    assert line_height(view, "Damage") / before["Damage"] == pytest.approx(grown, rel=0.1)
