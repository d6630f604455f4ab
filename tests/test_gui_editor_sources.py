"""The editor's articles: citations keep naming theirs through Add article, Save As and undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from quizapp.core.bank import load_bank
from tests.conftest import alt, key
from tests.test_gui_editor import answer_dialogs
from tests.test_gui_editor_ask import shown_editor


def test_undo_after_save_as_elsewhere_keeps_the_articles_found(qtbot, bank_file: Path, monkeypatch,
                                                               tmp_path: Path) -> None:
    """Whole-bank steps (here Add article) come back after a Save As to another folder with article
    paths relative to the new folder."""
    from PySide6.QtWidgets import QFileDialog

    editor = shown_editor(qtbot, bank_file)
    second = bank_file.parent / "wessex.txt"
    second.write_text("Wessex fines\n\nThe Wessex council was fined £2m for 13 breaches, the regulator said.\n",
                      encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(second), "")))
    alt(qtbot, "r")  # Add article...
    qtbot.waitUntil(lambda: len(editor.draft.data["sources"]) == 2)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(elsewhere / "copy.yaml"), "")))
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.draft.path == elsewhere / "copy.yaml"

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # no 2nd article
    assert list(editor.draft.data["sources"]) == ["mali"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(editor.draft.data["sources"]) == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    loaded = load_bank(elsewhere / "copy.yaml")  # loads: every article found, every citation in its article
    assert {a.path.resolve() for a in loaded.articles.values()} == {
        (bank_file.parent.parent / "seeds" / "mali-helicopter-collision.txt").resolve(), second.resolve()}


TITLED_BANK = """\
title: Town council
sources:
  vote: {file: vote.txt, title: Council votes for a new bridge}
  notes: {file: notes.txt}
questions:
  - id: votes
    type: numeric
    prompt: How many councillors voted for the bridge?
    answer: 9
    cite: {source: vote, quote: Nine councillors voted for the bridge}
  - id: cost
    type: numeric
    prompt: How many million euros will the bridge cost?
    answer: 4
    cite: {source: notes, quote: The bridge will cost 4 million euros}
"""


def test_the_article_tab_titles_an_article_as_the_bank_names_its_source(qtbot, tmp_path: Path) -> None:
    """A .txt without front matter has no title of its own: the Article tab said "vote.txt" where the bank's source
    gives the headline (as the generator and New bank from article write it), which the library and the citation
    line under an answer name it by. An article whose source has no title keeps its file's name."""
    (tmp_path / "vote.txt").write_text("Nine councillors voted for the bridge on Monday.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("The bridge will cost 4 million euros.\n", encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(TITLED_BANK, encoding="utf-8")
    editor = shown_editor(qtbot, tmp_path / "bank.yaml")
    picker = editor.picker
    assert QApplication.focusWidget() is editor.list
    key(qtbot, Qt.Key.Key_Down)  # the second question, whose article's source has no title
    alt(qtbot, "t")  # Ar&ticle
    assert QApplication.focusWidget() is picker.text
    assert picker.text.toPlainText().startswith("The bridge will cost")
    assert picker.title.isVisible() and picker.title.text() == "notes.txt"

    first = editor.list.visualItemRect(editor.list.item(0)).center()
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=first)  # the first question
    assert picker.text.toPlainText().startswith("Nine councillors")
    assert picker.title.text() == "Council votes for a new bridge"
