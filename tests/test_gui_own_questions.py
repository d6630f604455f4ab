"""New bank from article when the generator keeps nothing: make the bank anyway, and ask one's own questions
about the article in the editor (Ask about it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from quizapp.core.bank import check_bank, load_bank
from quizapp.gui.editor import open_editors
from quizapp.gui.generate_dialog import GenerateDialog
from tests.conftest import SEED, Steps, alt, discard_on_teardown, key
from tests.test_gui_editor import discard_on_teardown as discard_edits
from tests.test_gui_keyboard_start import dialog_closed

TIMEOUT = 60_000
HEADLINE = "Council backs new cycle lanes"
SENTENCE = "The plan passed by 31 votes to 12 after a long debate."
# Politics in two sentences: the generator keeps no question, and lists none below its bar either.
VOTE = (f"{HEADLINE}\n\nMembers of Brackwell council voted on Tuesday to build cycle lanes along the high street. "
        f"{SENTENCE}\n")


def write_article(folder: Path, name: str = "vote.txt", text: str = VOTE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def select_with_keys(qtbot, words: str) -> None:
    """In the focused article, from where its cursor is (the top), the arrow keys to `words`, then Shift and the
    arrow keys over them."""
    text = QApplication.focusWidget()
    at = text.toPlainText().index(words) - text.textCursor().position()
    for _ in range(at):
        key(qtbot, Qt.Key.Key_Right)
    for _ in range(len(words)):
        key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert text.textCursor().selectedText() == words


def test_a_run_that_kept_nothing_still_makes_a_bank_to_ask_ones_own_questions_about_its_article(
        qtbot, main_window, data_dir: Path, tmp_path: Path) -> None:
    article = write_article(tmp_path / "articles")
    seen: dict[str, Any] = {}

    def added(dialog: GenerateDialog) -> None:
        seen["before run"] = dialog.own_button.isEnabled()  # nothing read yet: nothing to cite
        alt(qtbot, "g")

    def generated(dialog: GenerateDialog) -> None:
        seen.update(status=dialog.status.text(), listed=dialog.question_count(), add=dialog.ok_button.isEnabled(),
                    own=dialog.own_button.text())
        alt(qtbot, "b")  # Make the bank and ask my own

    steps = (Steps()
             .then(GenerateDialog, lambda _d: alt(qtbot, "d"))  # Add... (an article file)
             .then(QFileDialog, lambda _d: (qtbot.keyClicks(QApplication.focusWidget(), str(article)),
                                            key(qtbot, Qt.Key.Key_Return)))
             .then(GenerateDialog, added, ready=lambda d: bool(d.articles()))
             .then(GenerateDialog, generated, ready=lambda d: not d.running and d.own_button.isEnabled())
             .then(QFileDialog, lambda _d: key(qtbot, Qt.Key.Key_Return)))  # the name it offers
    with steps:
        key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New bank from article
        qtbot.waitUntil(lambda: not steps.todo, timeout=TIMEOUT)
    assert seen["before run"] is False
    assert (seen["listed"], seen["add"], seen["own"]) == (0, False, "Make the &bank and ask my own")
    assert seen["status"] == ("No questions: the text is too short (27 words) to find anything to ask about. Add the "
                              "whole article: a few paragraphs at least. You can still make the bank and write your "
                              "own questions about the article: press “Make the bank and ask my own”.")

    # The bank: the article, no question; valid, and listed.
    (editor,) = open_editors()
    qtbot.addWidget(editor, before_close_func=discard_edits)
    path = data_dir / "banks" / "vote.yaml"
    assert editor.draft.path == path.resolve()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["questions"] == [] and data["title"] == HEADLINE
    assert data["description"] == "Questions from vote.txt, written in quizapp."
    (source,) = data["sources"].values()
    assert (path.parent / source["file"]).resolve() == article.resolve()
    assert check_bank(path).problems == []
    library = main_window.library
    qtbot.waitUntil(lambda: library.list.count() == 2)  # (the banks are read again off the GUI thread)
    assert library.list.item(1).text() == f"{HEADLINE}\nNo questions yet: cannot be started"

    # The editor opens on the article, the focus in it: select the figure with the keys and ask about it.
    assert editor.side_tabs.currentWidget() is editor.picker
    assert editor.picker.article.path.resolve() == article.resolve()
    assert editor.picker.text.toPlainText().startswith(HEADLINE) and SENTENCE in editor.picker.text.toPlainText()
    dialog_closed(editor)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.picker.text)
    assert "press Ask about it" in editor.picker.status.text()
    select_with_keys(qtbot, "31")
    assert not editor.picker.use_button.isEnabled()  # no question to cite it for
    alt(qtbot, "b")  # Ask about it (a mnemonic clicks its button a moment later)
    qtbot.waitUntil(lambda: len(editor.draft.questions) == 1)
    q = editor.draft.question(0)
    assert (q["type"], q["answer"], q["cite"]) == ("numeric", 31, {"quote": SENTENCE})
    assert q["prompt"].startswith("The plan passed by ___ votes to 12")
    assert editor.list.currentRow() == 0 and editor.form.text_of("prompt") == q["prompt"]  # the current one
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isWindowModified()
    (saved,) = load_bank(path).bank.questions
    assert saved.answer == 31 and saved.cite.quotes == [SENTENCE]


def own_dialog(qtbot, target: Path, articles: list[Path]) -> GenerateDialog:
    dialog = GenerateDialog(None, target_dir=target, articles=articles, offer_own=True)
    qtbot.addWidget(dialog, before_close_func=discard_on_teardown)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog)
    return dialog


def test_make_the_bank_cites_every_article_read_with_the_questions_ticked(qtbot, tmp_path: Path) -> None:
    vote = write_article(tmp_path / "articles")
    dialog = own_dialog(qtbot, tmp_path, [SEED, vote])
    dialog.max_questions.setValue(2)
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT):
        alt(qtbot, "g")
    ticked = dialog.result_questions()
    assert ticked and dialog.own_button.isEnabled()
    assert "make the bank" not in dialog.status.text()  # questions to Add: the usual note
    alt(qtbot, "b")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.asks_own and dialog.accepted_questions == ticked  # (all of them from the Mali article)
    assert sorted((tmp_path / s["file"]).resolve() for s in dialog.accepted_sources.values()) == sorted(
        [SEED.resolve(), vote.resolve()])


def test_make_the_bank_waits_for_a_run_on_the_articles_listed(qtbot, tmp_path: Path) -> None:
    from collections import Counter

    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

    vote = write_article(tmp_path / "articles")
    dialog = own_dialog(qtbot, tmp_path, [vote])
    assert not dialog.own_button.isEnabled()
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT):
        alt(qtbot, "g")
    assert dialog.own_button.isEnabled() and not dialog.ok_button.isEnabled()
    # Its Alt key is its own.
    texts = [w.text() for w in dialog.findChildren(QWidget) if w.isVisible()
             and (isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy()))]
    texts += [box.title() for box in dialog.findChildren(QGroupBox) if box.isVisible()]
    keys = Counter(QKeySequence.mnemonic(t).toString() for t in texts if QKeySequence.mnemonic(t).toString())
    assert [k for k, n in keys.items() if n > 1] == [] and keys["Alt+B"] == 1
    # An article added since has not been read: a bank made now would not cite it.
    dialog.add_article(write_article(tmp_path / "articles", "other.txt"))
    assert not dialog.own_button.isEnabled()
    alt(qtbot, "b")
    assert dialog.isVisible() and not dialog.asks_own
