"""Write the screenshots of a fact-check question (whole-sentence options) and of a generated
"fill the gap" number question to docs/screenshots/.

Run from the checkout root:  PYTHONPATH=. python docs/make_feedback_screenshots.py
Offscreen, with a temporary data folder and settings. Each question before and after a
wrong answer (for a choice, the right option green and the wrong one red): at 1000x720 in
light and dark, at 800x600, and at 800x600 with the largest text size.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshot_support import OUT, ROOT, Shooter, fresh_sandbox

RIGHT = ("More than 800 civilians have died in Mali since January, up from about 574 in the previous year, "
         "according to the Armed Conflict Location and Event Data Project.")
WRONG = [RIGHT.replace("574", "804"), RIGHT.replace("since January", "since September"),
         RIGHT.replace("More than 800 civilians", "More than 100 civilians")]
BANK = f"""\
title: Mali — fact check
sources:
  mali: {{file: {ROOT / "seeds" / "mali-helicopter-collision.txt"}}}
questions:
  - id: civilian-deaths
    type: choice
    prompt: Which of these statements does the article make?
    answer: "{RIGHT}"
    distractors: {WRONG!r}
    cite: {{quote: "More than 800 civilians have died in Mali since January"}}
"""
GENERATED = ROOT / "questions" / "mali-helicopter-collision.generated.yaml"
# tag: (theme, size, largest text)
SHOTS = {"light": ("light", (1000, 720), False), "dark": ("dark", (1000, 720), False),
         "light-800x600": ("light", (800, 600), False), "light-largest-800x600": ("light", (800, 600), True)}


def main() -> int:
    tmp = fresh_sandbox("quizapp-feedback-screenshots")
    from PySide6.QtCore import QSettings

    from quizapp.core.bank import load_bank
    from quizapp.core.session import Mode, QuizOptions, start_quiz
    from quizapp.gui.app import create_app, create_main_window
    from quizapp.gui.theme import Theme, apply_theme

    app = create_app()
    (tmp / "fact-check.yaml").write_text(BANK, encoding="utf-8")
    fact_check = load_bank(tmp / "fact-check.yaml")
    generated = load_bank(GENERATED)
    [gap] = [q for q in generated.bank.questions if q.type == "numeric" and "up from about ___" in q.prompt]

    def choose_wrong(window, session) -> None:  # type: ignore[no-untyped-def]
        window.quiz.choose(session.current.choices.index(WRONG[0]))

    def type_wrong_number(window, _session) -> None:  # type: ignore[no-untyped-def]
        window.quiz.number.setText("740")

    def submit(window, _session) -> None:  # type: ignore[no-untyped-def]
        window.quiz.submit_number()

    # name: (bank, its questions asked (None: all), what is typed before the first shot, the answer)
    questions = {"factcheck": (fact_check, None, None, choose_wrong),
                 "gap": (generated, [gap], type_wrong_number, submit)}
    shots = Shooter(OUT)
    for name, (loaded, asked, typed, answer) in questions.items():
        for tag, (theme, size, largest) in SHOTS.items():
            QSettings().clear()
            apply_theme(app, Theme(theme))
            window = create_main_window(data_dir=tmp / "data")
            window.resize(*size)
            window.show()
            window.activateWindow()  # so that the focus frame shows
            shots.wait_for(lambda w=window: not w.library.loading and w.library.list.count() > 0)
            if largest:
                window.change_text_size(+100)
            session = start_quiz(loaded, QuizOptions(mode=Mode.PRACTICE, seed=3), questions=asked)
            window.run_session(session)
            if typed is not None:
                typed(window, session)
            shots.save(window, f"quiz-{name}-{tag}")
            answer(window, session)
            shots.save(window, f"feedback-{name}-{tag}")
            close(window, shots)
    for path in shots.written:
        print(path.relative_to(ROOT))
    return 0


def close(window, shots) -> None:  # type: ignore[no-untyped-def]
    window.change_text_size(0)
    window.quiz.confirm_leave = lambda _parent: True
    window.close()
    window.deleteLater()
    shots.settle()


if __name__ == "__main__":
    sys.exit(main())
