"""Remove from list, from the keyboard: the focus stays on the list, and Ctrl+Z puts the bank back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from quizapp.gui.library import remembered_banks
from tests.test_gui_keyboard_start import enter_opens_the_options, focused
from tests.test_gui_library import BROKEN, write_bank

GOOD = BROKEN.replace("[Paris, Lyon]", "[Lyon, Marseille]").replace("not in the article at all",
                                                                     "Paris is the capital of France")


def three_banks(qtbot: QtBot, window, folder: Path) -> list[Path]:
    """Banks "First", "Second" and "Third" opened in the library, in that order."""
    paths = [write_bank(folder, f"{name.lower()}.yaml", GOOD.replace("Broken bank", name))
             for name in ("First", "Second", "Third")]
    with qtbot.waitSignal(window.library.loaded):
        window.library.add_banks(paths)
    return paths


def remove_with_the_keyboard(qtbot: QtBot, window, title: str) -> None:
    """Select the bank `title` with the arrow keys on the list, Tab to Remove from list and press Enter."""
    library = window.library
    assert focused(qtbot, window) is library.list
    while library.current_check().loaded.bank.title != title:
        qtbot.keyClick(library.list, Qt.Key.Key_Down)
    for _ in range(10):
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Tab)
        if focused(qtbot, window) is library.remove_button:
            break
    with qtbot.waitSignal(library.loaded):
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)


def test_after_removing_a_bank_enter_starts_the_next_one(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    """The focus was on the hidden Remove button's neighbour, New from article…, and Enter opened the generator."""
    window = main_window
    three_banks(qtbot, window, tmp_path)
    window.library.focus_list()
    remove_with_the_keyboard(qtbot, window, "First")
    assert focused(qtbot, window) is window.library.list
    assert enter_opens_the_options(qtbot, window) == "Second"

    window.activateWindow()  # (what the window manager does when the options close)
    remove_with_the_keyboard(qtbot, window, "Third")  # the last one: the one before it is selected
    assert focused(qtbot, window) is window.library.list
    assert enter_opens_the_options(qtbot, window) == "Second"


def test_ctrl_z_puts_a_removed_bank_back_in_its_place(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    window = main_window
    library = window.library
    paths = three_banks(qtbot, window, tmp_path)
    library.focus_list()
    remove_with_the_keyboard(qtbot, window, "Second")
    assert remembered_banks() == [paths[0].resolve(), paths[2].resolve()]
    assert "Ctrl+Z puts it back" in library.status.text()

    with qtbot.waitSignal(library.loaded):
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert remembered_banks() == [p.resolve() for p in paths]  # in its place, not at the end
    assert library.current_check().path == paths[1]
    assert library.status.text().startswith("Put second.yaml back in the list.")
    assert focused(qtbot, window) is library.list
    assert not window.undo_remove_action.isEnabled()  # once: there is nothing more to undo
