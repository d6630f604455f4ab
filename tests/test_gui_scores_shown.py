"""Scores show as a gradebook shows them: 0.5 of 4 points is 12.5%, not 12%."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from quizapp.core.percent import format_percent, round_percent
from quizapp.core.session import Mode, QuizOptions, results_csv, start_quiz
from tests.conftest import SEED


@pytest.mark.parametrize(("value", "shown"), [
    (12.5, "12.5%"), (0.0, "0%"), (100.0, "100%"), (50.0, "50%"), (100 / 3, "33.3%"), (200 / 3, "66.7%"),
    (6.25, "6.3%"), (12.25, "12.3%"), (0.05, "0.1%"),  # a half goes up, never to even
])
def test_percentages_to_one_decimal_a_half_up(value: float, shown: str) -> None:
    assert format_percent(value) == shown
    assert round_percent(value) == float(shown.rstrip("%"))


def test_half_a_point_of_four_shows_as_12_5_percent(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "mali.txt")
    cite = {"quote": "A collision of two helicopters killed 13 French soldiers"}
    questions = [{"id": f"killed-{n}", "type": "numeric", "prompt": f"How many soldiers were killed ({n})?",
                  "answer": 13, "cite": cite} for n in range(4)]
    bank = {"title": "Mali", "sources": {"mali": {"file": "mali.txt"}}, "questions": questions}
    (tmp_path / "bank.yaml").write_text(yaml.safe_dump(bank, sort_keys=False), encoding="utf-8")
    window = main_window
    window.run_session(start_quiz(load_bank(tmp_path / "bank.yaml"), QuizOptions(mode=Mode.EXAM)))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClicks(QApplication.focusWidget(), "14")  # off by one: close, half a point
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # skip
    assert window.stack.currentWidget() is window.results
    assert window.results.score.text() == "0.5 / 4 points (12.5%)"
    assert "12.5%" in results_csv(window.results.session).splitlines()[-1]
    assert window.scores.get(tmp_path / "bank.yaml").last == 12.5
