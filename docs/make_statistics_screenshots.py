"""Screenshots of the statistics screen (empty history, a month of practice) and of a study session.

Run: QT_QPA_PLATFORM=offscreen python docs/make_statistics_screenshots.py
Writes docs/screenshots/statistics.png, statistics-empty.png and study-feedback.png.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from history_data import fill_history, load_demo_banks  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from screenshot_support import OUT, Shooter  # noqa: E402

from quizapp.core.history import HistoryStore  # noqa: E402
from quizapp.gui.stats_screen import StatisticsScreen  # noqa: E402

SIZE = (1000, 1400)


_shots = Shooter(OUT)


def shoot(screen: QWidget, name: str, size: tuple[int, int] = SIZE) -> None:
    screen.resize(*size)
    screen.show()
    print(f"wrote {_shots.save(screen, name.removesuffix('.png'))}")


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
            from quizapp.core.study import start_study
            from quizapp.gui.study_screen import StudyScreen

            study = StudyScreen()
            session = start_study(store, banks[0], now=now + dt.timedelta(days=1), seed=3)
            study.start(session, f"Study: {banks[0].bank.title}")
            item = session.current
            wrong = next(c for c in item.choices if c != item.question.answer) if item.choices else "1"
            study.answer(wrong)
            shoot(study, "study-feedback.png", (800, 600))
    del app


if __name__ == "__main__":
    main()
