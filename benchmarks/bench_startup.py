"""Start-up time: process start to main window shown, quizapp vs a bare Qt window.

Both are started the same way, as fresh Python processes; the parent times from
just before the process is spawned until the child reports the first paint of
its main window. Several runs, alternating, median of each; prints the ratio
(target: at most 2.0).

    PYTHONPATH=. python benchmarks/bench_startup.py [--runs 9]

Uses the offscreen platform unless QT_QPA_PLATFORM is set, a temporary data
folder and temporary settings (XDG_CONFIG_HOME), so the user's are not touched.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The child prints "shown" on the first paint of the main window, then quits.
_SHOWN = """
from PySide6.QtCore import QEvent, QObject

class _Shown(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            print("shown", flush=True)
            if not hasattr(obj, "library"):
                app.quit()
        return False
"""

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
""" + _SHOWN + """
window = QMainWindow()
window.resize(1000, 720)
shown = _Shown()
window.installEventFilter(shown)
window.show()
app.exec()
"""

QUIZAPP = """
import sys
from pathlib import Path
from quizapp.gui.app import create_app, create_main_window
app = create_app()
""" + _SHOWN + """
window = create_main_window(data_dir=Path(sys.argv[1]))
window.library.loaded.connect(lambda: (print("loaded", flush=True), app.quit()))
shown = _Shown()
window.installEventFilter(shown)
window.show()
app.exec()
from quizapp.gui.tasks import stop_all_tasks
stop_all_tasks()
"""


def time_once(code: str, env: dict[str, str], data_dir: str) -> dict[str, float]:
    """Seconds from spawning `python -c code` until each line it prints ("shown", "loaded")."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, data_dir], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    marks = {}
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - start
    proc.wait(timeout=60)
    if "shown" not in marks:
        raise RuntimeError(f"the child exited ({proc.returncode}) without showing its window")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZAPP_DATA_DIR": tmp,
               "XDG_CONFIG_HOME": str(Path(tmp) / "config")}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # One untimed run of each, so both start with warm file caches.
        time_once(BARE, env, tmp)
        time_once(QUIZAPP, env, tmp)
        bare: list[float] = []
        app: list[float] = []
        loaded: list[float] = []
        for _ in range(args.runs):
            bare.append(time_once(BARE, env, tmp)["shown"])
            marks = time_once(QUIZAPP, env, tmp)
            app.append(marks["shown"])
            loaded.append(marks.get("loaded", float("nan")))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}")
    print(f"bare QApplication + empty QMainWindow: median {b * 1000:.0f} ms "
          f"(min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f})")
    print(f"quizapp main window:                  median {a * 1000:.0f} ms "
          f"(min {min(app) * 1000:.0f}, max {max(app) * 1000:.0f})")
    print(f"quizapp library filled (bundled bank checked, off the GUI thread): "
          f"median {statistics.median(loaded) * 1000:.0f} ms")
    print(f"ratio: {a / b:.2f} (target <= 2.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
