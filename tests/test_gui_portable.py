"""Portable use: with --data-dir DIR (or QUIZAPP_DATA_DIR) a whole session writes nothing outside DIR."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A whole session through `quizapp`: the first start's welcome is closed with Esc, the library
# loads, Enter opens the quiz options (remembered in the settings), the quiz is answered from the
# keyboard to its results, the text size and the theme change, and the window closes (its place
# is remembered).
SESSION = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from quizapp.gui.app import create_app

app = create_app()
log = []

def later(step, ms=10):
    QTimer.singleShot(ms, step)

def window():
    return next((w for w in QApplication.topLevelWidgets() if hasattr(w, "library")), None)

def active(w):
    # Whether w is the active window; if not, activate it, as a window manager does after a dialog.
    if w is not None and not w.isActiveWindow():
        w.activateWindow()
    return w is not None and w.isActiveWindow() and QApplication.focusWidget() is not None

def wait_for_library():
    w = window()
    welcome = QApplication.activeModalWidget()
    if welcome is not None and type(welcome).__name__ == "WelcomeDialog":  # the first start: closed with Esc
        if active(welcome):
            log.append("welcome")
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        return later(wait_for_library)
    if not active(w) or w.library.loading or not w.library.checks:
        return later(wait_for_library)
    later(accept_options, 0)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # opens the options dialog (modal)
    later(answer)

def accept_options():
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        return later(accept_options)
    log.append("options")
    dialog.accept()

def answer():
    w = window()
    if not active(w) or QApplication.activeModalWidget() is not None:
        return later(answer)
    quiz = w._quiz
    if quiz is None or w.stack.currentWidget() is not quiz:
        if w._results is not None and w.stack.currentWidget() is w._results:
            log.append("results")
            return later(finish)
        return later(answer)
    focus = QApplication.focusWidget()
    if quiz.in_feedback:
        QTest.keyClick(focus, Qt.Key.Key_Return)
    elif quiz.session.current.is_choice:
        QTest.keyClick(focus, Qt.Key.Key_1)
    else:
        QTest.keyClicks(focus, "13")
        QTest.keyClick(focus, Qt.Key.Key_Return)
    later(answer)

def finish():
    w = window()
    w.show_library()
    w.change_text_size(+2)
    from quizapp.gui.theme import Theme
    w.set_theme(Theme.DARK)
    w.close()
    print("session:", " ".join(log), flush=True)

later(wait_for_library, 0)
from quizapp.cli import main
sys.exit(main(sys.argv[1:]))
"""


def files_below(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("how", ["--data-dir", "QUIZAPP_DATA_DIR"])
def test_a_whole_session_writes_nothing_outside_the_data_folder(tmp_path: Path, how: str) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QUIZAPP_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_STATE_HOME=str(home / ".local/state"),
               PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    args = [sys.executable, "-c", SESSION]
    if how == "--data-dir":
        args += ["--data-dir", str(data)]
    else:
        env["QUIZAPP_DATA_DIR"] = str(data)
    out = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "session: welcome options results" in out.stdout

    assert files_below(home) == []
    written = files_below(data)
    settings = data / "quizapp" / "quizapp.ini"
    assert settings.relative_to(data) in written
    text = settings.read_text(encoding="utf-8")
    for key in ("geometry", "point_size", "theme=dark", "[welcome]"):  # the window, text size, theme, welcome
        assert key in text
    assert any(p.suffix == ".sqlite3" or "history" in p.name for p in written)  # the answers
