"""The library's due counts and the statistics on a 100,000-answer history, against an empty one.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_history.py
Target: each stays under what a person notices (about 100 ms); the ratio to an
empty history shows how the cost grows with the history. "statistics screen" is
the queries plus building the charts and painting the whole screen once (grab).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from history_data import bulk_answers, write_orla_bank  # noqa: E402
from timing import median_time  # noqa: E402

from quizapp.core.bank import LoadedBank, load_bank  # noqa: E402
from quizapp.core.history import HistoryStore, PlanItem  # noqa: E402
from quizapp.core.stats import compute_statistics  # noqa: E402
from quizapp.core.study import due_counts, start_study  # noqa: E402
from quizapp.paths import bundled_banks_dir, bundled_seeds_dir  # noqa: E402

ANSWERS = 100_000
COPIES = 10  # the bundled bank ten times over (different files, so different keys): 190 questions
RUNS = 7


def library(folder: Path) -> list[LoadedBank]:
    shutil.copytree(bundled_seeds_dir(), folder / "seeds")
    (folder / "questions").mkdir()
    banks = []
    for n in range(COPIES):
        path = folder / "questions" / f"mali-{n}.yaml"
        shutil.copy(bundled_banks_dir() / "mali-helicopter-collision.yaml", path)
        banks.append(load_bank(path))
    banks.append(load_bank(write_orla_bank(folder / "orla")))
    return banks


def study_everything(store: HistoryStore, banks: list[LoadedBank], now: dt.datetime) -> None:
    """Every question studied once, so every bank has cards to count."""
    for loaded in banks:
        session = start_study(store, loaded, now=now, new_per_day=1000)
        with store.transaction():
            while not session.finished:
                right = session.position % 3 != 0
                session.answer("x", verdict="right" if right else "wrong", seconds=8, now=now)


def measure(store: HistoryStore, banks: list[LoadedBank], now: dt.datetime, screen) -> dict[str, float]:
    later = now + dt.timedelta(minutes=30)
    return {
        "open the history": median_time(lambda: HistoryStore(store.path).close(), RUNS),
        "library due counts": median_time(lambda: due_counts(store, banks, now=later), RUNS),
        "statistics queries": median_time(lambda: compute_statistics(store, banks, now=later), RUNS),
        "statistics screen": median_time(lambda: (screen.load(store, banks, now=later), screen.grab()), runs=3),
    }


def answer_latency(store: HistoryStore, count: int = 50) -> float:
    """Median seconds to store and commit one answer (with its fsync)."""
    sid = store.start_session(kind="quiz", plan=[PlanItem("bench", "q")])
    return median_time(lambda: store.record_answer(sid, bank_key="bench", question_id="q", given="x",
                                                   verdict="right", points=1, seconds=1), runs=count)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from quizapp.gui.stats_screen import StatisticsScreen

    app = QApplication.instance() or QApplication(sys.argv)
    screen = StatisticsScreen()
    screen.resize(1000, 1200)
    now = dt.datetime.now(dt.UTC)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        banks = library(folder / "banks")
        questions = sum(len(b.bank.questions) for b in banks)
        with HistoryStore.open(folder / "empty") as empty:
            base = measure(empty, banks, now, screen)
        with HistoryStore.open(folder / "full") as full:
            start = time.perf_counter()
            bulk_answers(full, banks, count=ANSWERS - questions, now=now)
            study_everything(full, banks, now)
            full.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            built = time.perf_counter() - start
            assert len(full) == ANSWERS, len(full)
            big = measure(full, banks, now, screen)
            latency = answer_latency(full)
            size = full.path.stat().st_size
    print(f"history: {ANSWERS:,} answers, {len(banks)} banks, {questions} questions, "
          f"{size / 1e6:.1f} MB (built in {built:.1f} s)")
    print(f"{'':22} {'empty':>9} {'100,000':>9} {'ratio':>6}")
    for name, seconds in big.items():
        print(f"{name:22} {base[name] * 1000:7.1f}ms {seconds * 1000:7.1f}ms {seconds / base[name]:6.1f}")
    print(f"one answer stored and committed (fsync): {latency * 1000:.1f} ms")
    del app


if __name__ == "__main__":
    main()
