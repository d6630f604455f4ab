"""Start-up stays light: the window shows without spaCy (nor the other heavy imports)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import sys
from pathlib import Path
from quizapp.gui.app import create_app, create_main_window
app = create_app()
window = create_main_window(data_dir=Path(sys.argv[1]))
window.show()
app.processEvents()
heavy = [m for m in ("spacy", "trafilatura", "thinc", "torch") if m in sys.modules]
print("heavy:", heavy)
window.library.loaded.connect(app.quit)
app.exec()
print("banks:", window.library.list.count())
print("heavy after loading:", [m for m in ("spacy", "thinc") if m in sys.modules])
"""


def test_starting_the_app_imports_no_spacy(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "QUIZAPP_DATA_DIR": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert "heavy: []" in out
    bundled = len(list((ROOT / "questions").glob("*.yaml")))
    assert f"banks: {bundled}" in out
    assert "heavy after loading: []" in out


COMMAND = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from quizapp.gui.app import create_app
app = create_app()

def shown():
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "library"))
    if not window.isVisible():
        QTimer.singleShot(10, shown)
        return
    print("loaded at first paint:", sorted(m for m in sys.modules if m.startswith(("quizapp.generate",
          "quizapp.formats", "spacy", "pydantic", "yaml"))))
    app.quit()

QTimer.singleShot(0, shown)
from quizapp.cli import main
sys.exit(main(["--data-dir", *sys.argv[1:]]))
"""


@pytest.mark.parametrize("banks", [[], ["own.yaml"]], ids=["quizapp", "quizapp BANK.yaml"])
def test_the_quizapp_command_opens_the_app_without_the_generator_and_formats(tmp_path: Path,
                                                                             banks: list[str]) -> None:
    """`quizapp` with no command shows its window before the generator, the formats or pydantic load; so does
    `quizapp BANK.yaml`, which tells a bank file without reading it."""
    for name in banks:
        (tmp_path / name).write_text((ROOT / "questions" / "mali-helicopter-collision.yaml").read_text("utf-8"),
                                     encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", COMMAND, str(tmp_path), *(str(tmp_path / b) for b in banks)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True).stdout
    assert "loaded at first paint: []" in out


AFTER_PAINT = """
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from quizapp.gui.app import create_app
from quizapp.gui.main_window import MainWindow
app = create_app()

def filled(window):
    from quizapp.gui.single_instance import show_running

    print("banks:", window.library.list.count(), flush=True)
    print("a second start answered:", show_running(Path(sys.argv[1]), []), flush=True)
    app.quit()

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, window, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print("at first paint: loading", window.library.loading, "QtNetwork", "PySide6.QtNetwork" in sys.modules,
                  flush=True)
            window.library.loaded.connect(lambda: filled(window))
        return False

first_paint = FirstPaint()
show = MainWindow.show
def watched_show(self):
    self.installEventFilter(first_paint)
    show(self)
MainWindow.show = watched_show
from quizapp.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def test_the_banks_load_and_a_second_start_is_answered_once_the_window_is_painted(tmp_path: Path) -> None:
    """The work after the window shows waits for its first paint: a thread importing pydantic to check the banks
    took the interpreter from the painting. Then the library fills, and a second start is answered."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", AFTER_PAINT, str(tmp_path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert "at first paint: loading False QtNetwork False" in out
    assert f"banks: {len(list((ROOT / 'questions').glob('*.yaml')))}" in out
    assert "a second start answered: True" in out


def test_the_commands_still_load_when_asked_for(capsys) -> None:
    from quizapp.cli import main

    assert main(["schema"]) == 0
    assert '"title"' in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "generate" in capsys.readouterr().out


def test_run_app_is_what_the_command_calls() -> None:
    import inspect

    from quizapp.gui.app import run_app

    params = inspect.signature(run_app).parameters
    assert list(params) == ["banks", "data_dir"]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params.values())
