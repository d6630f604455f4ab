"""Article and question text is shown as plain text: `<b>` shows as those characters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from quizapp.core.session import Mode, QuizOptions, start_quiz

ARTICLE = ("The <b>council</b> met on Monday. It approved <img src=x onerror=alert(1)> "
           "a budget of 4,500 euros for <i>the park</i>.\n\nNothing else was decided.\n")
BANK = """\
title: <b>Council</b> & budget
sources:
  a: {file: article.txt, title: <i>Town</i> news}
questions:
  - id: budget
    type: numeric
    prompt: What budget did the <b>council</b> approve, in euros?
    answer: 4500
    cite: {quote: "a budget of 4,500 euros for <i>the park</i>"}
  - id: what
    type: choice
    prompt: What did the council approve <img src=x>?
    answer: <img src=x onerror=alert(1)> a budget
    distractors: ["<b>a road</b>", "&amp; a bridge"]
    cite: {quote: "It approved <img src=x onerror=alert(1)>"}
"""


def test_html_in_bank_and_article_shows_as_text(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(BANK, encoding="utf-8")
    loaded = load_bank(tmp_path / "bank.yaml")
    window = main_window
    with qtbot.waitSignal(window.library.loaded):
        window.library.add_banks([tmp_path / "bank.yaml"])
    assert window.library.name.text() == "<b>Council</b> & budget"
    window.run_session(start_quiz(loaded, QuizOptions(mode=Mode.PRACTICE, shuffle_questions=False,
                                                      shuffle_choices=False)))
    quiz = window.quiz
    assert quiz.prompt.text() == "What budget did the <b>council</b> approve, in euros?"
    qtbot.keyClicks(quiz.number, "4500")
    qtbot.keyClick(quiz.number, Qt.Key.Key_Return)
    assert quiz.feedback.quote.text() == ("“It approved <img src=x onerror=alert(1)> a budget of 4,500 euros "
                                          "for <i>the park</i>.”")
    assert quiz.feedback.source.text() == "— <i>Town</i> news"
    qtbot.keyClick(quiz.next_button, Qt.Key.Key_Return)
    assert [b.text() for b in quiz.choice_buttons[:3]] == [
        "1/A   <img src=x onerror=alert(1)> a budget", "2/B   <b>a road</b>", "3/C   &&amp; a bridge"]
    # Every label on the quiz screen is plain text, so nothing above is interpreted.
    for label in quiz.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    qtbot.keyClick(quiz.choice_buttons[0], Qt.Key.Key_1)
    assert quiz.feedback.verdict.text().startswith("✓ Right")
    assert quiz.feedback.given.text() == "Your answer: <img src=x onerror=alert(1)> a budget"
    qtbot.mouseClick(quiz.feedback.article_button, Qt.MouseButton.LeftButton)
    view = window.article
    assert view.text.toPlainText() == ARTICLE
    # Titled as the bank's source titles it (as the "Source:" line under it), and that title shown as written.
    assert view.title.text() == "<i>Town</i> news"
    assert view.source.text().startswith("Source: <i>Town</i> news  ·  ")
    # Their tooltips too, which Qt shows as HTML where they look like it.
    for label in (view.title, view.source):
        tip = QTextDocument()
        tip.setHtml(label.toolTip())
        assert tip.toPlainText().startswith("<i>Town</i> news"), label.toolTip()
    assert view.highlighted_text() == ["It approved <img src=x onerror=alert(1)> a budget of 4,500 euros "
                                       "for <i>the park</i>."]
    for screen in (window.library, window.article, window.results):
        for label in screen.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
