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

    ctrl_z(qtbot, window)
    assert remembered_banks() == [p.resolve() for p in paths]  # in its place, not at the end
    assert library.current_check().path == paths[1]
    assert library.status.text().startswith("Put second.yaml back in the list.")
    assert focused(qtbot, window) is library.list
    assert not window.undo_remove_action.isEnabled()  # once: there is nothing more to undo



def ctrl_z(qtbot: QtBot, window) -> None:
    """Ctrl+Z on the focused widget, until the list is filled again."""
    with qtbot.waitSignal(window.library.loaded):
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def remove_two_then_open(qtbot: QtBot, window, folder: Path, removed: tuple[str, str], opened: str) -> list[Path]:
    """Banks "First", "Second" and "Third" opened, the two `removed` removed from the list in turn, then the bank
    `opened` opened (with Ctrl+O: at the end of the list); the paths of the three and of the one opened."""
    paths = three_banks(qtbot, window, folder)
    window.library.focus_list()
    for title in removed:
        remove_with_the_keyboard(qtbot, window, title)
    by_title = {p.stem.title(): p for p in paths}
    path = by_title.get(opened) or write_bank(folder, f"{opened.lower()}.yaml", GOOD.replace("Broken bank", opened))
    with qtbot.waitSignal(window.library.loaded):
        window.library.add_banks([path])
    window.library.focus_list()
    return [*paths, path]


def test_ctrl_z_puts_back_every_bank_removed_one_by_one_each_in_its_place(
        qtbot: QtBot, main_window, tmp_path: Path) -> None:
    """Two removed, Ctrl+Z twice: only the last came back, and Undo went grey with the first lost unsaid."""
    window = main_window
    library = window.library
    # Opening another bank meanwhile does not forget them: Undo lasts as long as the app runs.
    first, second, third, other = remove_two_then_open(qtbot, window, tmp_path, ("First", "Third"), "Other")
    assert remembered_banks() == [second.resolve(), other.resolve()]

    ctrl_z(qtbot, window)
    assert remembered_banks() == [second.resolve(), third.resolve(), other.resolve()]
    assert library.current_check().path == third
    assert library.status.text().startswith("Put third.yaml back in the list. Ctrl+Z puts first.yaml back too.")
    assert window.undo_remove_action.isEnabled()

    ctrl_z(qtbot, window)
    assert remembered_banks() == [first.resolve(), second.resolve(), third.resolve(), other.resolve()]
    assert library.current_check().path == first
    assert library.status.text().startswith("Put first.yaml back in the list.\n")
    assert focused(qtbot, window) is library.list
    assert not window.undo_remove_action.isEnabled()  # all put back


def test_a_removed_bank_opened_again_is_not_put_back_by_ctrl_z(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    window = main_window
    first, second, third, _ = remove_two_then_open(qtbot, window, tmp_path, ("First", "Second"), "Second")

    ctrl_z(qtbot, window)
    assert remembered_banks() == [first.resolve(), third.resolve(), second.resolve()]
    assert window.library.status.text().startswith("Put first.yaml back in the list.\n")
    assert not window.undo_remove_action.isEnabled()
