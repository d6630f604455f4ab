"""Write the app's screenshots to docs/screenshots/, in light and dark palettes.

Run from the checkout root:  PYTHONPATH=. python docs/make_screenshots.py
It uses the offscreen platform, a temporary data folder and temporary settings,
so it never touches the user's own. Each screen is taken at 1000x720 in both
palettes, and at 800x600 in the light palette (the smallest size we support).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshot_support import OUT, ROOT, Shooter, fresh_sandbox

BANK = "mali-helicopter-collision.yaml"
SIZES = {"": (1000, 720), "-800x600": (800, 600)}
ORDER = ["heroes-quote", "french-troops", "capital-of-mali", "displaced-malians", "soldiers-killed",
         "mali-president"]
BROKEN_BANK = """\
title: A bank with mistakes
sources:
  mali: {file: %s}
questions:
  - id: soldiers
    type: numeric
    prompt: How many soldiers were killed?
    answer: thirteen
    cite: {quote: killed 13 French soldiers}
  - id: capital
    type: choice
    prompt: What is the capital of Mali?
    answer: Bamako
    distractors: [Dakar, Bamako]
    cite: {quote: "the capital, Bamako"}
"""


def seed_history(data_dir: Path, loaded: object) -> None:
    """A past quiz and yesterday's study session, so the library shows a score and due counts."""
    import datetime as dt

    from quizapp.core.history import HistoryStore, PlanItem
    from quizapp.core.study import bank_ref, start_study

    for name in ("history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm"):
        (data_dir / name).unlink(missing_ok=True)
    now = dt.datetime.now(dt.UTC)
    with HistoryStore.open(data_dir) as store:
        ref = bank_ref(loaded)
        questions = loaded.bank.questions[:6]
        started = (now - dt.timedelta(days=3)).timestamp()
        sid = store.start_session(kind="quiz", bank=ref, plan=[PlanItem(ref.key, q.id) for q in questions],
                                  started_at=started)
        for n, q in enumerate(questions):
            store.record_answer(sid, bank_key=ref.key, question_id=q.id, given="x",
                                verdict="right" if n % 3 else "wrong", points=1.0 if n % 3 else 0.0,
                                seconds=9.0, answered_at=started + 10 * (n + 1))
        store.finish_session(sid, at=started + 70)
        yesterday = now - dt.timedelta(days=1)
        study = start_study(store, loaded, now=yesterday, new_per_day=8, seed=2)
        for n in range(len(study.items)):
            study.answer("x", verdict="wrong" if n % 2 else "right", seconds=4.0, now=yesterday)


def main() -> int:
    # A fixed folder, so the paths shown (and so the PNGs) are the same from run to run.
    tmp = fresh_sandbox("quizapp-screenshots")
    from PySide6.QtCore import QSettings

    from quizapp.core.session import Mode, QuizOptions, start_quiz
    from quizapp.gui.app import create_app, create_main_window
    from quizapp.gui.theme import Theme, apply_theme

    app = create_app()
    broken = tmp / "broken.yaml"
    broken.write_text(BROKEN_BANK % (ROOT / "seeds" / "mali-helicopter-collision.txt"), encoding="utf-8")
    shots = Shooter(OUT)
    written = shots.written
    settle, save, wait_for = shots.settle, shots.save, shots.wait_for

    for theme in (Theme.LIGHT, Theme.DARK):
        for suffix, (width, height) in SIZES.items():
            if suffix and theme is Theme.DARK:
                continue
            tag = f"{theme.value}{suffix}"
            apply_theme(app, theme)
            QSettings().clear()  # each round starts from a fresh library and history
            from quizapp.core.bank import load_bank

            seed_history(tmp / "data", load_bank(ROOT / "questions" / BANK))
            window = create_main_window(data_dir=tmp / "data")
            window.resize(width, height)
            window.show()
            window.activateWindow()  # so that the focus frame shows
            wait_for(lambda w=window: not w.library.loading and w.library.list.count() > 0)
            # The hand-written bank (a generated one may sort before it).
            row = next(i for i, c in enumerate(window.library.checks) if c.path.name == BANK)
            window.library.list.setCurrentRow(row)
            loaded = window.library.checks[row].loaded
            save(window, f"library-{tag}")
            if "800x600" not in tag:  # the dialog has its own size: at 800x600 it looks the same
                window.show_welcome()  # as on the first start
                welcome = window.welcome_dialog
                welcome.activateWindow()  # so that the focus ring shows
                wait_for(welcome.isActiveWindow)
                save(welcome, f"welcome-{tag}")
                welcome.reject()
                window.activateWindow()

            window.library.add_banks([broken])
            wait_for(lambda w=window: not w.library.loading and w.library.list.count() > 1)
            save(window, f"library-errors-{tag}")
            window.library.list.setCurrentRow(row)

            questions = [loaded.bank.question(i) for i in ORDER]
            session = start_quiz(loaded, QuizOptions(mode=Mode.PRACTICE, shuffle_questions=False, seed=4),
                                 questions=questions)
            window.run_session(session)
            quiz = window.quiz
            save(window, f"quiz-choice-{tag}")
            quiz.choose(session.current.choices.index("Emmanuel Macron"))
            quiz.next_question()
            quiz.number.setText("3 900")
            save(window, f"quiz-numeric-{tag}")
            quiz.submit_number()
            save(window, f"feedback-{tag}")
            quiz.feedback.article_button.click()
            save(window, f"article-{tag}")
            window.article.back_button.click()
            quiz.next_question()
            quiz.choose(session.current.choices.index("Gao"))
            quiz.next_question()
            quiz.number.setText("400,000")
            quiz.submit_number()
            quiz.next_question()
            quiz.number.setText("13")
            quiz.submit_number()
            quiz.next_question()
            quiz.skip()
            quiz.next_question()
            window.results.list.setCurrentRow(2)
            save(window, f"results-{tag}")

            window.show_library()
            window.library.list.setCurrentRow(row)
            window.library.study_button.click()
            study = window.study_screen
            item = study.session.current
            wrong = next((c for c in item.choices if c != item.question.answer), None)
            if wrong is not None:
                study.answer(wrong)
            else:
                study.number.setText(f"{item.question.answer * 2:g}")
                study.submit_number()
            save(window, f"study-feedback-{tag}")
            window.statistics_action.trigger()
            save(window, f"statistics-{tag}")
            # A quiz open, one question answered, when the app closes: the next start offers to resume it.
            # (A study session left or quit on purpose ends there, as in Anki: no banner for it.)
            window.run_session(start_quiz(loaded, QuizOptions(mode=Mode.PRACTICE, shuffle_questions=False,
                                                              seed=4), questions=questions))
            window.quiz.choose(0)  # the first question asks for a choice
            window.quiz.confirm_quit = lambda _parent: True
            window.close()
            window.deleteLater()
            settle()

            window = create_main_window(data_dir=tmp / "data")
            window.resize(width, height)
            window.show()
            wait_for(lambda w=window: w.library.resume_banner.isVisibleTo(w.library))
            window.library.list.setCurrentRow(row)
            save(window, f"library-resume-{tag}")
            window.close()
            window.deleteLater()
            settle()
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
