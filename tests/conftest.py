"""Shared fixtures: user data and QSettings in temp folders, the bundled bank."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_BANK = ROOT / "questions" / "mali-helicopter-collision.yaml"


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own QUIZAPP_DATA_DIR, so none touches the user's data (tmp_path stays empty)."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def settings_dir(tmp_path_factory: pytest.TempPathFactory, qapp) -> Path:
    """QSettings go to a fresh temp folder in INI format for each test."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    return folder


@pytest.fixture(scope="session")
def bundled_bank_path() -> Path:
    return BUNDLED_BANK


@pytest.fixture(scope="session")
def bundled_bank():
    """The bundled bank, loaded once (tests must not change it)."""
    from quizapp.core.bank import load_bank

    return load_bank(BUNDLED_BANK)


@pytest.fixture
def main_window(qtbot, settings_dir: Path, data_dir: Path):
    """The app's main window on the bundled banks, shown, with its library loaded."""
    from quizapp.gui.app import create_app, create_main_window

    create_app()
    window = create_main_window(data_dir=data_dir)

    def before_close(w) -> None:
        if w._quiz is not None:  # closing mid-quiz asks first, and no one would answer
            w._quiz.confirm_leave = lambda _parent: True

    qtbot.addWidget(window, before_close_func=before_close)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.library.loading and window.library.list.count() > 0)
    return window


def on_modal(qtbot, action) -> None:
    """Run `action(dialog)` on the next modal dialog, once it is open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        action(dialog)

    QTimer.singleShot(0, poll)
