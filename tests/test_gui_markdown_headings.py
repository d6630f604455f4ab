"""A Markdown article's headings show without their "#" marks, and the citations still hit the right words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from quizapp.core.article import load_article
from quizapp.gui.article_text import shown_text
from quizapp.gui.editor import BankEditor
from tests.conftest import alt
from tests.test_gui_editor import discard_on_teardown
from tests.test_gui_editor_ask import double_click_word

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
