"""Start-up time: process start to the main window painted, `quizapp` vs a bare Qt window.

Both are started the same way, as fresh Python processes; the parent times from
just before the process is spawned until the child reports that its main window
has been painted (the event loop's turn after the window's first Paint event).
The quizapp child runs the `quizapp` command itself (quizapp.cli.main with no
arguments), so everything the command imports is counted. Several runs,
alternating, median of each; prints the ratio (target: at most 2.0).

It measures twice when it can: on the offscreen platform, and in a real X server
with a window manager (the DISPLAY given, or an Xvfb it starts with openbox when
those are installed), where showing a window means mapping it and waiting for
the expose, as on a desktop. It prints both ratios.

    PYTHONPATH=. python benchmarks/bench_startup.py [--runs 9] [--platform offscreen|xcb|both]

A temporary data folder and temporary settings (XDG_CONFIG_HOME) are used, so the
user's are not touched.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Both children create the QApplication themselves (the app reuses it) and report
# "shown" once their main window has had its first Paint event and the loop has
# turned. The filter watches the main window only: one on the whole app would run
# Python for every event of every widget and slow the window with more widgets.
_PRELUDE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])

_filled = []  # (quizapp's library, once filled: it starts loading after the first paint)

def _shown(window):
    print("shown", flush=True)
    library = getattr(window, "library", None)
    if library is None or _filled:
        app.quit()
    else:
        library.loaded.connect(lambda: (print("loaded", flush=True), app.quit()))

class _FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, lambda: _shown(obj))
        return False

_filter = _FirstPaint()
"""

BARE = _PRELUDE + """
window = QMainWindow()
window.resize(1000, 720)
window.installEventFilter(_filter)
window.show()
app.exec()
"""

# The `quizapp` command as installed, with the filter put on its window as it is shown.
QUIZAPP = _PRELUDE + """
from quizapp.gui.main_window import MainWindow
_show = MainWindow.show
def _watched_show(self):
    self.installEventFilter(_filter)
    self.library.loaded.connect(lambda: _filled.append(True))
    _show(self)
MainWindow.show = _watched_show
from quizapp.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
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


@contextlib.contextmanager
def x_display() -> Iterator[str | None]:
    """A real X display: $DISPLAY, or an Xvfb started here with openbox; None when there is neither."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    if shutil.which("Xvfb") is None:
        yield None
        return
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    display = f":{number}"
    wm = None
    try:
        if shutil.which("openbox"):
            wm = subprocess.Popen(["openbox", "--sm-disable"], env={**os.environ, "DISPLAY": display},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)  # let it take over the root window before the first client maps
        yield display
    finally:
        for proc in (wm, xvfb):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=10)


def measure(env: dict[str, str], data_dir: str, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Times of the bare window, quizapp's window, and quizapp's library filled, `runs` each, alternating."""
    # One untimed run of each, so both start with warm file caches and compiled bytecode.
    time_once(BARE, env, data_dir)
    time_once(QUIZAPP, env, data_dir)
    bare: list[float] = []
    app: list[float] = []
    loaded: list[float] = []
    for _ in range(runs):
        bare.append(time_once(BARE, env, data_dir)["shown"])
        marks = time_once(QUIZAPP, env, data_dir)
        app.append(marks["shown"])
        loaded.append(marks.get("loaded", float("nan")))
    return bare, app, loaded


def report(platform: str, bare: list[float], app: list[float], loaded: list[float]) -> float:
    b, a = statistics.median(bare), statistics.median(app)
    print(f"platform: {platform}, runs: {len(bare)}")
    print(f"  bare QApplication + empty QMainWindow painted: median {b * 1000:.0f} ms "
          f"(min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f})")
    print(f"  quizapp main window painted:                   median {a * 1000:.0f} ms "
          f"(min {min(app) * 1000:.0f}, max {max(app) * 1000:.0f})")
    print(f"  quizapp library filled (banks checked off the GUI thread): "
          f"median {statistics.median(loaded) * 1000:.0f} ms")
    print(f"  ratio: {a / b:.2f} (target <= 2.0)")
    return a / b


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", choices=("offscreen", "xcb", "both"), default="both")
    args = parser.parse_args()
    ratios: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        # Both start from compiled bytecode, as an installed quizapp does (pip compiles it, as it did Qt's own
        # modules): the untimed first run writes it, into the temporary folder, not the checkout. Where
        # PYTHONDONTWRITEBYTECODE is set, quizapp's modules were compiled again at every start.
        base = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
                "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
        base.pop("QUIZAPP_DATA_DIR", None)
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        if args.platform in ("offscreen", "both"):
            env = {**base, "QT_QPA_PLATFORM": "offscreen"}
            ratios["offscreen"] = report("offscreen", *measure(env, tmp, args.runs))
        if args.platform in ("xcb", "both"):
            with x_display() as display:
                if display is None:
                    print("platform: xcb: no X server (set DISPLAY, or install Xvfb and openbox)")
                else:
                    env = {**base, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
                    ratios["xcb"] = report(f"xcb on {display}", *measure(env, tmp, args.runs))
    print("ratios: " + ", ".join(f"{k} {v:.2f}" for k, v in ratios.items()) + " (target <= 2.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
