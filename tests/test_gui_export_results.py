"""Export results… confirms where it wrote, as an export of the bank does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.conftest import on_modal
from tests.test_gui_mnemonics import finish_a_quiz


def test_the_results_export_says_where_it_wrote(qtbot: QtBot, main_window, bundled_bank, tmp_path: Path) -> None:
    window = main_window
    finish_a_quiz(qtbot, window, bundled_bank)
    target = tmp_path / "my results.csv"

    def save_as(dialog: QFileDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        name = dialog.focusWidget()  # the file name field
        name.selectAll()
        qtbot.keyClicks(name, str(target))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    on_modal(qtbot, save_as)
    qtbot.mouseClick(window.results.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().windowTitle() == "Exported")
    box = QApplication.activeModalWidget()
    assert box.text() == f"Wrote:\n{target}"
    assert target.read_text(encoding="utf-8").startswith("number,id,question")
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Return)
    assert not box.isVisible()
