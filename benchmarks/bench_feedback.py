"""Feedback latency: from an answer to the feedback painted, against a trivial repaint.

Target (DESIGN.md): the feedback appears within one frame (16 ms). The baseline
is the same window repainted after one QLabel.setText, in the same process, so
the ratio says what the quiz logic and the feedback layout add.

    PYTHONPATH=. python benchmarks/bench_feedback.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="whole quizzes of the bundled bank")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="quizapp-bench-"))
    os.environ["QUIZAPP_DATA_DIR"] = str(tmp)
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    from quizapp.core.session import Mode, QuizOptions
    from quizapp.gui.app import create_app, create_main_window

    app = create_app()
    window = create_main_window(data_dir=tmp)
    window.resize(1000, 720)
    window.show()
    while window.library.loading:
        app.processEvents()
    loaded = window.library.checks[0].loaded
    feedback: list[float] = []
    baseline: list[float] = []
    for round_ in range(args.rounds):
        window.begin(loaded, QuizOptions(mode=Mode.PRACTICE, seed=round_))
        quiz = window.quiz
        app.processEvents()
        while quiz.session is not None:
            item = quiz.session.current
            if not item.is_choice:
                quiz.number.setText(f"{item.question.answer + 1}")
                app.processEvents()
            start = time.perf_counter()
            if item.is_choice:
                quiz.choose(0)
            else:
                quiz.submit_number()
            quiz.repaint()
            feedback.append(time.perf_counter() - start)
            start = time.perf_counter()
            quiz.position.setText(quiz.position.text() + " ")
            quiz.repaint()
            baseline.append(time.perf_counter() - start)
            quiz.next_question()
            app.processEvents()
        app.processEvents()
    f, b = statistics.median(feedback), statistics.median(baseline)
    print(f"answers: {len(feedback)}")
    print(f"answer -> feedback painted: median {f * 1000:.2f} ms, max {max(feedback) * 1000:.2f} ms "
          "(target < 16 ms)")
    print(f"baseline (one label changed, repainted): median {b * 1000:.2f} ms")
    print(f"ratio: {f / b:.1f}")
    window.close()
    window.deleteLater()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
