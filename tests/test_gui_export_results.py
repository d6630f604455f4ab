"""Export results… confirms where it wrote, as an export of the bank does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.conftest import on_modal
from tests.test_gui_keyboard_start import focused
from tests.test_gui_mnemonics import finish_a_quiz, open_popup


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


def test_edit_copy_results_puts_the_results_on_the_clipboard_as_text(qtbot: QtBot, main_window,
                                                                     bundled_bank) -> None:
    """The results screen's Edit menu held only a greyed-out item: it copies the results (Ctrl+C too)."""
    window = main_window
    finish_a_quiz(qtbot, window, bundled_bank)
    QApplication.clipboard().clear()
    qtbot.keyClick(focused(qtbot, window), "e", Qt.KeyboardModifier.AltModifier)  # the Edit menu
    menu = open_popup()
    assert menu is not None
    assert [a.text() for a in menu.actions() if a.isEnabled() and not a.isSeparator()] == ["&Copy results"]
    qtbot.keyClick(menu, "c")  # its underlined letter
    qtbot.waitUntil(lambda: bool(QApplication.clipboard().text()))
    source = "mali-helicopter-collision.txt by Paquette"
    assert QApplication.clipboard().text() == "\n".join([
        "Results: French helicopter collision in Mali (2 of 18 questions)",
        "1.5 / 2 points (75%)",
        window.results.details.text(),  # (with the time taken)
        "",
        "≈ 1. How many French soldiers were killed when two helicopters collided during a night operation in Mali?",
        "Your answer: 14",
        "Right answer: 13 soldiers",
        "“A collision of two helicopters killed 13 French soldiers during a night operation in Mali, French "
        f"authorities announced Tuesday morning.” — {source}",
        "",
        "✓ 2. Which two helicopters collided in the night operation in Mali?",
        "Your answer: a Tiger and a Cougar",  # (right as given: the right answer is not said again)
        "“The two helicopters, a Tiger and a Cougar, were providing assistance to ground forces engaged in the "
        f"counterterrorism operation, France’s Defense Ministry said in a statement.” — {source}",
        "",
    ])

    QApplication.clipboard().clear()
    window.activateWindow()
    window.results.list.setFocus()  # Ctrl+C from the list as well
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text().startswith(f"Results: {bundled_bank.title} (2 of 18 questions)\n")


def test_a_results_export_that_fails_names_the_file_and_says_what_to_do(qtbot: QtBot, main_window, bundled_bank,
                                                                       tmp_path: Path) -> None:
    """A folder gone (a USB stick taken out) named the temporary file beside the one chosen, after "[Errno 2]"."""
    window = main_window
    finish_a_quiz(qtbot, window, bundled_bank)
    target = tmp_path / "stick" / "my results.csv"  # (no such folder)
    window.results.export_to(target)  # as Export results… does with the file chosen
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().windowTitle() == "Exporting results")
    box = QApplication.activeModalWidget()
    assert box.text() == (f"Could not write {target}: No such file or directory. Press Export results… and "
                          "choose another folder.")
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
