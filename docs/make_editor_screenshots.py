"""Write screenshots of the bank editor, the citation picker and the generate dialog.

Run from the checkout root:  PYTHONPATH=. python docs/make_editor_screenshots.py
It uses the offscreen platform and a temporary folder (a copy of the bundled bank and
its article, temporary data and settings), so it never touches the user's own files.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshot_support import OUT, ROOT, Shooter, use_sandbox

BANK = "mali-helicopter-collision"
SELECTED = "heroes-quote"  # the question shown selected in the editor
PICKED = "Emmanuel Macron"  # the text selected in the article in the citation picker shot


def main() -> int:
    # A fixed folder, so the paths shown (and so the PNGs) are the same from run to run.
    tmp = Path(tempfile.gettempdir()) / "quizapp-editor-screenshots"
    shutil.rmtree(tmp, ignore_errors=True)
    for sub in ("data", "settings", "questions", "seeds", "articles"):
        (tmp / sub).mkdir(parents=True)
    use_sandbox(tmp)
    from PySide6.QtGui import QTextCursor

    from quizapp.gui.app import create_app
    from quizapp.gui.editor import BankEditor
    from quizapp.gui.generate_dialog import GenerateDialog
    from quizapp.gui.theme import Theme, apply_theme

    app = create_app()
    apply_theme(app, Theme.LIGHT)
    bank = tmp / "questions" / f"{BANK}.yaml"
    shutil.copy(ROOT / "questions" / f"{BANK}.yaml", bank)
    seed = ROOT / "seeds" / f"{BANK}.txt"
    shutil.copy(seed, tmp / "seeds" / seed.name)
    # A longer article (the seed, several times) so that the progress bar can be caught mid-way.
    body = seed.read_text(encoding="utf-8").split("---", 2)[-1]
    long_article = tmp / "articles" / "long-article.txt"
    long_article.write_text("\n\n".join([body] * 20), encoding="utf-8")
    shots = Shooter(OUT)
    written = shots.written
    settle, save, wait_for = shots.settle, shots.save, shots.wait_for

    # The editor, a question selected, at the normal size and the smallest supported one.
    for suffix, (width, height) in {"": (1200, 780), "-800x600": (800, 600)}.items():
        editor = BankEditor.open_file(bank)
        editor.resize(width, height)
        editor.show()
        editor.activateWindow()
        row = next(i for i, q in enumerate(editor.draft.questions) if q.get("id") == SELECTED)
        editor.list.setCurrentRow(row)
        save(editor, f"editor{suffix}")
        if not suffix:
            # The citation picker: the current citation highlighted, and a new selection in the article.
            editor.side_tabs.setCurrentWidget(editor.picker)
            text = editor.picker.text
            start = text.toPlainText().find(PICKED)
            cursor = text.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(start + len(PICKED), QTextCursor.MoveMode.KeepAnchor)
            text.setTextCursor(cursor)
            text.setFocus()
            save(editor, "citation-picker")
            save(editor.picker, "citation-picker-panel")
        editor.close()
        editor.deleteLater()
        settle()

    # The generate dialog: during generation, then its review list with a question selected.
    # (as File > New bank from article… shows it: with "Make the bank and ask my own")
    dialog = GenerateDialog(None, target_dir=tmp / "questions", articles=[long_article], offer_own=True)
    dialog.resize(1000, 720)
    dialog.show()
    dialog.activateWindow()
    dialog.generate_button.click()
    wait_for(lambda: dialog.progress.maximum() > 0 and dialog.progress.value() > dialog.progress.maximum() // 4)
    save(dialog, "generate-progress")
    dialog.cancel_generation()
    wait_for(lambda: not dialog.running)
    dialog.files.clear()
    dialog.add_article(tmp / "seeds" / seed.name)
    dialog.generate_button.click()
    wait_for(lambda: not dialog.running)
    below = [row for row in range(dialog.question_count()) if not dialog.is_accepted(row)]
    dialog.set_accepted(5, False)  # as a teacher might
    dialog.review.setCurrentRow(below[0] if below else 3)  # a question below the bar says why
    dialog.review.setFocus()
    save(dialog, "generate-review")
    dialog.resize(800, 600)
    save(dialog, "generate-review-800x600")
    dialog.done(0)  # closed without the "Discard the generated questions?" a person would be asked
    settle()
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
