"""The library reads a bank again when it is saved outside the app, as text editors save files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.test_gui_keyboard_start import focused
from tests.test_gui_library import BROKEN, write_bank
from tests.test_gui_library_remove import GOOD, remove_with_the_keyboard, three_banks


def in_place(path: Path, text: str) -> None:
    """As most editors save: the file truncated and written again."""
    with path.open("w", encoding="utf-8") as f:
        f.write(text)


def renamed_over(path: Path, text: str) -> None:
    """As gedit, Sublime or VS Code's safe write do: a new file written beside it, then renamed over it."""
    new = path.with_name(f".{path.name}.tmp")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


def moved_away_then_written(path: Path, text: str) -> None:
    """As vim does with a backup: the old file renamed to a backup, then a new file written in its place."""
    backup = path.with_name(path.name + "~")
    os.replace(path, backup)
    path.write_text(text, encoding="utf-8")
    backup.unlink()


SAVES = [in_place, renamed_over, moved_away_then_written]
Save = Callable[[Path, str], None]


def row_text(library, path: Path) -> str:
    """The text of the row of the bank at `path`, as the list shows it ("" where it is not listed)."""
    rows = [i for i, c in enumerate(library.checks) if c.path == path]
    return library.list.item(rows[0]).text() if rows else ""


def tab_to(qtbot: QtBot, window, button) -> None:
    """Tab from the focused widget until `button` has the focus, as a person does."""
    for _ in range(12):
        if focused(qtbot, window) is button:
            return
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Tab)
    assert focused(qtbot, window) is button


@pytest.mark.parametrize("save", SAVES)
def test_a_bank_fixed_in_a_text_editor_can_be_started_without_opening_it_again(
        qtbot: QtBot, main_window, tmp_path: Path, save: Save) -> None:
    """The details say "the list updates when the file is saved": it did not, until Ctrl+O again."""
    window = main_window
    library = window.library
    broken = write_bank(tmp_path, "broken.yaml", BROKEN)
    with qtbot.waitSignal(library.loaded):
        library.add_banks([broken])
    assert row_text(library, broken) == "Broken bank\n2 errors: cannot be started"
    assert not library.start_button.isEnabled()
    library.focus_list()
    tab_to(qtbot, window, library.edit_button)  # where one who read the errors may be

    save(broken, GOOD.replace("Broken bank", "Fixed bank"))
    qtbot.waitUntil(lambda: row_text(library, broken).startswith("Fixed bank\n1 question"))
    qtbot.waitUntil(library.start_button.isEnabled)
    assert library.current_check().path == broken  # still the bank selected
    assert library.name.text() == "Fixed bank"
    assert not library.problems.isVisible()
    assert focused(qtbot, window) is library.edit_button  # the focus where it was
    assert "broken.yaml changed on disk and was read again." in library.status.text()
    assert "2 banks ready." in library.status.text()

    # Saved again the same way (the watch on a file renamed over is lost, and must be taken up again): broken
    # again, and the list says so.
    save(broken, BROKEN.replace("Broken bank", "Broken again"))
    qtbot.waitUntil(lambda: row_text(library, broken) == "Broken again\n2 errors: cannot be started")
    qtbot.waitUntil(lambda: not library.start_button.isEnabled())
    assert library.current_check().path == broken
    # (the Edit bank… button stays: the focus is still there)
    assert focused(qtbot, window) is library.edit_button


@pytest.mark.parametrize("save", [in_place, renamed_over])
def test_a_title_changed_in_another_banks_file_shows_with_the_selection_and_focus_kept(
        qtbot: QtBot, main_window, tmp_path: Path, save: Save) -> None:
    window = main_window
    library = window.library
    first, second, third = three_banks(qtbot, window, tmp_path)
    fourth = write_bank(tmp_path, "fourth.yaml", GOOD.replace("Broken bank", "Fourth"))
    with qtbot.waitSignal(library.loaded):
        library.add_banks([fourth])
    library.focus_list()
    remove_with_the_keyboard(qtbot, window, "Fourth")  # Ctrl+Z would put it back: the status line keeps saying so
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Up)  # from Third to Second

    save(third, GOOD.replace("Broken bank", "Third, retitled"))
    qtbot.waitUntil(lambda: row_text(library, third).startswith("Third, retitled\n"))
    assert library.current_check().path == second
    assert focused(qtbot, window) is library.list
    assert library.status.text().startswith("third.yaml changed on disk and was read again. "
                                            "Ctrl+Z puts fourth.yaml back in the list.\n")
    save(first, GOOD.replace("Broken bank", "First, retitled"))
    save(third, GOOD.replace("Broken bank", "Third, again"))
    qtbot.waitUntil(lambda: row_text(library, first).startswith("First, retitled\n")
                    and row_text(library, third).startswith("Third, again\n"))
    assert library.current_check().path == second
    assert library.name.text() == "Second"
    assert focused(qtbot, window) is library.list
    assert [c.path for c in library.checks[1:]] == [first, second, third]  # each in its place


def test_a_bank_whose_quote_was_not_in_its_article_can_be_started_once_the_article_is_fixed(
        qtbot: QtBot, main_window, tmp_path: Path) -> None:
    library = main_window.library
    bank = write_bank(tmp_path, "bank.yaml", GOOD.replace("Paris is the capital of France", "Paris is a capital"))
    with qtbot.waitSignal(library.loaded):
        library.add_banks([bank])
    assert row_text(library, bank) == "Broken bank\n1 error: cannot be started"

    renamed_over(tmp_path / "article.txt", "Paris is a capital. Lyon is not.\n")
    qtbot.waitUntil(lambda: row_text(library, bank).startswith("Broken bank\n1 question"))
    qtbot.waitUntil(library.start_button.isEnabled)
