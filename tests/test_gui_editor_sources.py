"""The editor's articles: citations keep naming theirs through Add article, Save As and undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from quizapp.core.bank import load_bank
from tests.conftest import alt
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
