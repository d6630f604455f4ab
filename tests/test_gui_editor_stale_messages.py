"""The editor's messages go once they no longer hold: the bar of a file changed on disk, "Saved … with problems"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from quizapp.core.bank import load_bank
from tests.conftest import alt, key
from tests.test_gui_editor import answer_dialogs
from tests.test_gui_editor_problems import open_shown

CTRL = Qt.KeyboardModifier.ControlModifier


def test_saving_over_a_file_changed_on_disk_takes_the_bar_away(qtbot, bank_file: Path, monkeypatch) -> None:
    editor = open_shown(qtbot, bank_file)
    editor.list.setCurrentRow(0)
    alt(qtbot, "g")  # Tags
    qtbot.keyClicks(QApplication.focusWidget(), ", mine")
    bank_file.write_text(bank_file.read_text(encoding="utf-8").replace("unit: soldiers", "unit: men", 1),
                         encoding="utf-8")
    qtbot.waitUntil(editor.disk_bar.isVisible)
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)  # (the file's comments go)
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert "mine" in load_bank(bank_file).bank.questions[0].tags
    assert not editor.disk_bar.isVisible()
    assert not editor.isWindowModified()


def test_saved_with_problems_goes_from_the_status_bar_once_they_are_fixed(qtbot, bank_file: Path,
                                                                          monkeypatch) -> None:
    editor = open_shown(qtbot, bank_file)
    editor.list.setCurrentRow(0)
    alt(qtbot, "p")  # Prompt
    prompt = editor.form.text_of("prompt")
    QApplication.focusWidget().selectAll()
    key(qtbot, Qt.Key.Key_Delete)
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert "with 1 problem" in editor.statusBar().currentMessage()

    qtbot.keyClicks(QApplication.focusWidget(), prompt)
    qtbot.waitUntil(lambda: editor.problems.item(0).text() == "No problems.")
    assert editor.statusBar().currentMessage() == ""
