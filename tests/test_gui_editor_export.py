"""File > Export... in the bank editor (Ctrl+E, as in the library): the bank as edited, saved first; a bank with
errors is not exported, and the editor says why and goes to the first error."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from quizapp.core.bank import load_bank
from quizapp.gui.editor import BankEditor
from quizapp.gui.problems_box import ProblemsBox
from tests.conftest import Steps, key
from tests.test_gui_editor import discard_on_teardown
from tests.test_gui_export_paper import is_giveaway_warning
from tests.test_gui_keyboard_start import dialog_closed, focused

LIBRARY = Path(__file__).parent / "data" / "library"
CTRL = Qt.KeyboardModifier.ControlModifier


def active_editor(qtbot, bank: Path) -> BankEditor:
    """The editor on `bank`, shown and active, the focus in the selected question's prompt."""
    editor = BankEditor.open_file(bank)
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.form.focus_field("prompt")
    return editor


def copy_bank(folder: Path, name: str) -> Path:
    shutil.copy2(LIBRARY / "floods.txt", folder / "floods.txt")
    return Path(shutil.copy2(LIBRARY / name, folder / "floods.yaml"))


def test_ctrl_e_in_the_editor_saves_the_changes_then_exports_the_bank_as_edited(qtbot, tmp_path: Path,
                                                                                 settings_dir: Path) -> None:
    bank = copy_bank(tmp_path, "floods.yaml")
    editor = active_editor(qtbot, bank)
    key(qtbot, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(focused(qtbot, editor), " (in the valley)")
    assert editor.isWindowModified()
    out = tmp_path / "floods.csv"
    asked: list[str] = []

    def save_first(box: QMessageBox) -> None:
        asked.append(box.text())
        key(qtbot, Qt.Key.Key_Return)  # Save and export, the default

    def fill_in(dialog: QFileDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        key(qtbot, Qt.Key.Key_A, CTRL)  # the file name field has the focus
        qtbot.keyClicks(QApplication.focusWidget(), str(out))
        key(qtbot, Qt.Key.Key_Return)

    def exported() -> bool:
        box = QApplication.activeModalWidget()
        return isinstance(box, QMessageBox) and box.windowTitle() == "Exported"

    steps = (Steps().then(QMessageBox, save_first).then(QFileDialog, fill_in)
             .then(ProblemsBox, lambda box: box.accept(), ready=is_giveaway_warning))
    with steps:
        qtbot.keyClick(focused(qtbot, editor), Qt.Key.Key_E, CTRL)  # File > Export...
        qtbot.waitUntil(exported, timeout=10_000)
    QApplication.activeModalWidget().done(0)
    assert asked == ["The export is made from the saved bank. Save the changes to floods.yaml and export?"]
    assert not editor.isWindowModified()
    assert load_bank(bank).bank.questions[0].prompt == "About how many homes lost power? (in the valley)"
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["prompt"] for r in rows] == ["About how many homes lost power? (in the valley)"]


def test_ctrl_e_on_a_bank_with_errors_says_why_it_is_not_exported_and_goes_to_the_error(qtbot, tmp_path: Path,
                                                                                       settings_dir: Path) -> None:
    bank = copy_bank(tmp_path, "floods-no-answer.yaml")
    editor = active_editor(qtbot, bank)
    editor.list.setFocus()  # the list, not the field to fix
    qtbot.waitUntil(lambda: focused(qtbot, editor) is editor.list)
    said: list[str] = []
    opened: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        key(qtbot, Qt.Key.Key_Return)

    with Steps().then(QMessageBox, read_and_close).then(QDialog, lambda d: (opened.append(d.windowTitle()),
                                                                            d.reject())):
        qtbot.keyClick(focused(qtbot, editor), Qt.Key.Key_E, CTRL)
    assert said == ["“Floods in the valley” cannot be exported: it has an error, in question 1: Write the right "
                    "answer.\n\nFix it (the problems are listed at the bottom), then export."]
    assert opened == []  # no file dialog
    dialog_closed(editor)
    assert focused(qtbot, editor) is editor.form.widgets["answer"]
