"""Issue 6's acceptance, end to end in the app: a new bank from the seed article, one question
fixed, its citation picked in the article, saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from quizapp.core.bank import load_bank
from quizapp.gui.editor import open_editors
from tests.conftest import generate_from_seed


def test_new_bank_fix_a_question_pick_its_citation_and_save(qtbot, main_window, monkeypatch,
                                                            data_dir: Path) -> None:
    generate_from_seed(qtbot, monkeypatch, "class", 4)
    with qtbot.waitSignal(main_window.library.loaded, timeout=30_000):
        main_window.new_from_article_action.trigger()
    (editor,) = open_editors()
    qtbot.addWidget(editor)
    path = editor.draft.path
    assert path.name == "mali-helicopter-collision-class.yaml"
    assert main_window.library.current_check().path == path

    # Fix the first question's prompt, by typing.
    editor.list.setCurrentRow(0)
    prompt = editor.form.widgets["prompt"]
    prompt.selectAll()
    qtbot.keyClicks(prompt, "How many French soldiers died when two helicopters collided in Mali?")
    # Pick its citation: select the sentence in the article, press Use as citation.
    text = editor.picker.text
    sentence = "A collision of two helicopters killed 13 French soldiers during a night operation in Mali"
    start = text.toPlainText().index(sentence)
    cursor = text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(sentence), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    qtbot.mouseClick(editor.picker.use_button, Qt.MouseButton.LeftButton)
    assert editor.form.text_of("quote") == sentence
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isWindowModified()

    bank = load_bank(path).bank
    first = bank.questions[0]
    assert first.prompt == "How many French soldiers died when two helicopters collided in Mali?"
    assert first.cite.quotes == [sentence]
    assert len(bank.questions) == 4
