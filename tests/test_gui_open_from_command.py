"""`quizapp BANK.yaml` (a shell, a file manager's Open with, a shortcut) opens the app with that bank listed and
selected, so Enter starts it; with quizapp already running on the data folder, its window lists and selects it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from quizapp.cli import main
from quizapp.gui.library import remembered_banks
from quizapp.gui.main_window import MainWindow
from quizapp.gui.single_instance import SingleInstance
from tests.conftest import child_process
from tests.test_gui_keyboard_start import enter_opens_the_options, focused
from tests.test_gui_single_instance import quizapp_env

TITLE = "A bank of my own"


@pytest.fixture
def own_bank(bank_file: Path) -> Path:
    """A bank of the user's, beside a copy of the bundled one (its article found the same way)."""
    path = bank_file.parent / "own.yaml"
    text = bank_file.read_text(encoding="utf-8")
    path.write_text(text.replace("title: French helicopter collision in Mali", f"title: {TITLE}"), encoding="utf-8")
    return path


def test_quizapp_with_a_bank_file_opens_the_app_on_it_and_enter_starts_it(qtbot: QtBot, data_dir: Path,
                                                                          own_bank: Path, capsys) -> None:
    """It said "argument COMMAND: invalid choice: 'own.yaml'". A file that is not there is named on stderr, and
    the app opens on the others; the bank opened is remembered, as one opened with File > Open bank…."""
    seen: dict[str, object] = {}

    def windows() -> list[MainWindow]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible() and w.data_dir == data_dir]

    def person() -> None:  # what a person does once the window is up
        try:
            qtbot.waitUntil(lambda: bool(windows()))
            window = windows()[0]
            qtbot.waitUntil(lambda: not window.library.loading and bool(window.library.checks))
            modal = QApplication.activeModalWidget()  # no welcome over it: the bank is what the person came for
            seen["in front of it"] = None if modal is None else modal.windowTitle()
            window.activateWindow()
            seen["focus in the list"] = focused(qtbot, window) is window.library.list
            seen["selected"] = window.library.current_check().path
            seen["Enter opens the options of"] = enter_opens_the_options(qtbot, window)
        finally:
            # The app ends as its window closes (QApplication.quit() left the next tests' event loops ending at once).
            for shown in windows():
                shown.close()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(person)
    timer.start(0)
    try:  # as `quizapp own.yaml --data-dir DIR gone.yaml` runs it, in this process
        code = main([str(own_bank), "--data-dir", str(data_dir), str(own_bank.parent / "gone.yaml")])
    finally:
        timer.stop()
    assert code == 0
    assert seen == {"in front of it": None, "focus in the list": True, "selected": own_bank,
                    "Enter opens the options of": TITLE}
    assert capsys.readouterr().err == f"quizapp: {own_bank.parent / 'gone.yaml'}: no such file\n"
    assert own_bank.resolve() in remembered_banks()  # (in the data folder's settings, as --data-dir keeps them)


def test_quizapp_with_a_bank_file_while_quizapp_runs_lists_it_in_that_window(qtbot: QtBot, main_window,
                                                                             data_dir: Path, own_bank: Path) -> None:
    """The running window comes to the front with the bank listed and selected, and the focus on the list."""
    window = main_window
    first = SingleInstance(data_dir)
    assert first.acquire()
    first.listen()
    try:
        first.shown.connect(window.come_to_front)
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Tab)  # the person had gone on from the list
        assert focused(qtbot, window) is not window.library.list
        other = QWidget()  # then to another window, in front of quizapp's
        qtbot.addWidget(other)
        other.show()
        other.activateWindow()
        qtbot.waitUntil(other.isActiveWindow)
        # Given as a file manager or a shell in its folder gives it: a name relative to the second start's folder.
        with child_process([sys.executable, "-m", "quizapp", own_bank.name], cwd=own_bank.parent,
                           env=quizapp_env(data_dir), stderr=subprocess.PIPE) as second:
            with qtbot.waitSignal(first.shown, timeout=60_000) as shown:
                pass
            assert second.wait(timeout=60) == 0
            assert "already running on this data folder" in second.stderr.read()
        assert shown.args == [[own_bank.resolve()]]
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: not window.library.loading and window.library.current_check().path == own_bank)
        assert focused(qtbot, window) is window.library.list
        assert enter_opens_the_options(qtbot, window) == TITLE
    finally:
        first.release()
