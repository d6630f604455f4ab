"""Windows open within the screen: a remembered or default size never puts buttons out of reach."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui.editor import BankEditor
from quizapp.gui.widgets import fitted_geometry


@pytest.fixture(autouse=True)
def _settings(settings_dir: Path) -> None:
    """Every test here keeps its window settings in its own folder."""


def on_its_screen(qtbot: QtBot, window: QWidget) -> None:
    """Shown, the whole window, frame included, lies on its screen's free area."""
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry()), (window.frameGeometry(), available)


def test_fitted_geometry_keeps_the_window_and_its_frame_on_the_free_area() -> None:
    frame = QMargins(1, 30, 1, 1)
    # A 1280x800 screen with a panel of 27 pixels at the top: 1100x720 at (100, 60) moves up, keeping its size.
    screen = QRect(0, 27, 1280, 773)
    fitted = fitted_geometry(QRect(100, 60, 1100, 720), screen, frame)
    assert fitted.size() == QSize(1100, 720) and screen.contains(fitted.marginsAdded(frame))
    assert fitted.x() == 100
    # An 800x600 screen: 1000x720 shrinks to the screen less the frame, and moves onto it.
    small = QRect(0, 0, 800, 600)
    fitted = fitted_geometry(QRect(300, 200, 1000, 720), small, frame)
    assert fitted == QRect(1, 30, 798, 569)
    # A window that fits stays as it is.
    assert fitted_geometry(QRect(50, 80, 640, 480), small, frame) == QRect(50, 80, 640, 480)


def test_the_main_window_opens_on_the_screen_first_and_as_remembered(qtbot: QtBot, settings_dir: Path,
                                                                      data_dir: Path, bundled_copy: Path) -> None:
    from quizapp.gui.app import create_app
    from quizapp.gui.main_window import MainWindow

    create_app()
    first = MainWindow(data_dir=data_dir, bundled_dir=bundled_copy)
    qtbot.addWidget(first)
    available = first.screen().availableGeometry()
    assert available.width() < 1000 or available.height() < 720  # offscreen's screen: smaller than the default
    on_its_screen(qtbot, first)
    # A size and place remembered from a larger screen.
    first.setGeometry(QRect(available.right() - 200, available.bottom() - 300, 1400, 1000))
    first.close()
    again = MainWindow(data_dir=data_dir, bundled_dir=bundled_copy)
    qtbot.addWidget(again)
    on_its_screen(qtbot, again)


def test_the_editor_opens_on_the_screen(qtbot: QtBot, bank_file: Path) -> None:
    editor = BankEditor.open_file(bank_file)
    qtbot.addWidget(editor)
    on_its_screen(qtbot, editor)

