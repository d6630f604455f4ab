"""The proof after an answer is quoted once, however its sentence uses quotation marks itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.test_gui_keyboard_start import focused
from tests.test_gui_options import answer_right, in_options

ARTICLE = """\
Bridge to reopen

The mayor said: “We will rebuild the bridge.” Work starts in May.

“It will take two years,” the engineer added. The cost is 4 million euros.

“Traffic will use the ferry until then.”
"""

BANK = """\
title: Bridge quotes
sources:
  a: {file: article.txt}
questions:
  - id: ends-with-a-quote
    type: choice
    prompt: What will the town rebuild, according to the mayor?
    answer: the bridge
    distractors: [the school, the station]
    cite: {quote: We will rebuild the bridge}
  - id: two-sentences-the-first-quoting
    type: numeric
    prompt: How many years will the work take, according to the engineer?
    answer: 2
    cite: {quote: ["It will take two years", "The cost is 4 million euros"]}
  - id: one-whole-quotation
    type: choice
    prompt: What will traffic use until the bridge reopens?
    answer: the ferry
    distractors: [a tunnel, a detour]
    cite: {quote: Traffic will use the ferry until then}
"""

EXPECTED = {
    "ends-with-a-quote": "“The mayor said: ‘We will rebuild the bridge.’”",
    "two-sentences-the-first-quoting": "“‘It will take two years,’ the engineer added. … The cost is 4 million euros.”",
    "one-whole-quotation": "“Traffic will use the ferry until then.”",
}


def test_the_cited_sentence_has_one_pair_of_quotation_marks(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bridge.yaml").write_text(BANK, encoding="utf-8")
    window = main_window
    window.library.add_banks([tmp_path / "bridge.yaml"])
    qtbot.waitUntil(lambda: not window.library.loading and window.library.list.count() == 2)
    in_options(qtbot, window)  # practice mode: the proof after each answer
    quiz = window.quiz
    shown: dict[str, str] = {}
    while quiz.session is not None and not quiz.session.finished:
        answered = answer_right(qtbot, window)
        shown[answered] = quiz.feedback.quote.text()
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert shown == EXPECTED
    # The results show each answer's proof the same way.
    results = window.results
    assert window.stack.currentWidget() is results
    results.list.setFocus()
    for row in range(results.list.count()):
        if row:
            qtbot.keyClick(results.list, Qt.Key.Key_Down)
        assert results.list.currentRow() == row
        assert results.feedback.quote.text() == EXPECTED[results.session.answers[row].question.id]
