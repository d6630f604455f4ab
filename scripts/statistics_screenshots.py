"""Screenshots of the statistics screen, on an empty history and on a month of practice.

Run: QT_QPA_PLATFORM=offscreen python scripts/statistics_screenshots.py
Writes docs/screenshots/statistics.png and docs/screenshots/statistics-empty.png.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from history_data import fill_history, load_demo_banks  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from quizapp.core.history import HistoryStore  # noqa: E402
from quizapp.gui.stats_screen import StatisticsScreen  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1000, 1400)


def shoot(screen: StatisticsScreen, name: str, size: tuple[int, int] = SIZE) -> None:
    screen.resize(*size)
    screen.show()
    for _ in range(5):
        QApplication.processEvents()
    path = OUT / name
    screen.grab().save(str(path))
    print(f"wrote {path}")


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC).replace(hour=18, minute=0)
    with tempfile.TemporaryDirectory() as tmp:
        banks = load_demo_banks(Path(tmp) / "banks")
        with HistoryStore.open(Path(tmp) / "empty") as store:
            screen = StatisticsScreen()
            screen.load(store, banks, now=now)
            shoot(screen, "statistics-empty.png", (1000, 800))
        with HistoryStore.open(Path(tmp) / "full") as store:
            fill_history(store, banks, now=now, days=30)
            screen = StatisticsScreen()
            screen.load(store, banks, now=now)
            shoot(screen, "statistics.png")
    del app


if __name__ == "__main__":
    main()
