"""One quizapp per data folder: a second start brings the first window to the front, and a crash frees it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui.single_instance import LOCK_NAME, SingleInstance
from tests.conftest import ROOT, child_process, kill_hard


def quizapp_env(data_dir: Path) -> dict[str, str]:
    """A quizapp started on this test's data folder (and its settings), without a screen."""
    return {**os.environ, "QUIZAPP_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def test_a_second_start_brings_the_first_window_to_the_front_and_ends(qtbot: QtBot, main_window,
                                                                      data_dir: Path) -> None:
    """Two copies ran at once, and the second offered to resume the quiz the first still had open."""
    first = SingleInstance(data_dir)
    assert first.acquire()
    first.listen()
    try:
        first.shown.connect(main_window.come_to_front)
        other = QWidget()  # another window in front of quizapp's
        qtbot.addWidget(other)
        other.show()
        other.activateWindow()
        qtbot.waitUntil(other.isActiveWindow)
        with child_process([sys.executable, "-m", "quizapp"], env=quizapp_env(data_dir),
                           stderr=subprocess.PIPE) as second:
            with qtbot.waitSignal(first.shown, timeout=60_000):
                pass
            assert second.wait(timeout=60) == 0
            assert "already running on this data folder" in second.stderr.read()
        qtbot.waitUntil(main_window.isActiveWindow)
    finally:
        first.release()
    assert not (data_dir / LOCK_NAME).exists()


def test_the_data_folder_is_free_again_once_its_quizapp_ends_or_is_killed(qtbot: QtBot, data_dir: Path) -> None:
    first, second = SingleInstance(data_dir), SingleInstance(data_dir)
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()
    assert not (data_dir / LOCK_NAME).exists()

    # Killed with no time to free it (a power cut): the next start takes the lock over.
    holder = ("import sys, time; from pathlib import Path; from quizapp.gui.single_instance import SingleInstance; "
              "i = SingleInstance(Path(sys.argv[1])); print(i.acquire(), flush=True); time.sleep(600)")
    with child_process([sys.executable, "-c", holder, str(data_dir)], env=quizapp_env(data_dir),
                       stdout=subprocess.PIPE) as proc:
        assert proc.stdout.readline().strip() == "True"
        assert not SingleInstance(data_dir).acquire()
        kill_hard(proc)
    third = SingleInstance(data_dir)
    assert third.acquire()
    third.release()
    assert not (data_dir / LOCK_NAME).exists()
