"""Write the screenshots of a generated "fill the gap" numeric question to docs/screenshots/.

Run from the checkout root:  PYTHONPATH=. python docs/make_gap_screenshots.py
Offscreen, with a temporary data folder and settings. The bundled generated bank's gap question
about the civilian deaths, before and after a wrong answer: at 1000x720 in light and dark, at
800x600, and at 800x600 with the largest text size.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshot_support import OUT, ROOT, Shooter, fresh_sandbox

GENERATED = ROOT / "questions" / "mali-helicopter-collision.generated.yaml"
# tag: (theme, size, largest text)
SHOTS = {"light": ("light", (1000, 720), False), "dark": ("dark", (1000, 720), False),
         "light-800x600": ("light", (800, 600), False), "light-largest-800x600": ("light", (800, 600), True)}


def main() -> int:
    tmp = fresh_sandbox("quizapp-gap-screenshots")
    from PySide6.QtCore import QSettings

    from quizapp.core.bank import load_bank
    from quizapp.core.session import Mode, QuizOptions, start_quiz
    from quizapp.gui.app import create_app, create_main_window
    from quizapp.gui.theme import Theme, apply_theme

    app = create_app()
    loaded = load_bank(GENERATED)
    [gap] = [q for q in loaded.bank.questions if q.type == "numeric" and "___" in q.prompt and "civilians" in q.prompt]
    shots = Shooter(OUT)
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
        session = start_quiz(loaded, QuizOptions(mode=Mode.PRACTICE, seed=3), questions=[gap])
        window.run_session(session)
        window.quiz.number.setText("740")
        shots.save(window, f"quiz-gap-{tag}")
        window.quiz.submit_number()
        shots.save(window, f"feedback-gap-{tag}")
        window.change_text_size(0)
        window.quiz.confirm_leave = lambda _parent: True
        window.close()
        window.deleteLater()
        shots.settle()
    for path in shots.written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
