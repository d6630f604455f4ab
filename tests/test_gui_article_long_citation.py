"""Show in article with a long citation (several sentences, or a quote of two passages) in an 800x600 window at
a large text size: the whole citation in view where it fits, with the text around it above and below; where it
does not fit, from its first line at the top of the view, never from its middle. Also when the text size or the
window's size changes while the article is shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from quizapp.core.session import Mode, QuizOptions, start_quiz
from quizapp.gui.theme import MAX_POINT_SIZE
from tests.conftest import alt, key
from tests.test_gui_keyboard_start import focused
from tests.test_gui_largest_text_room import largest_text_by_keys, normal_again

__all__ = ["normal_again"]  # (a fixture)

CTRL = Qt.KeyboardModifier.ControlModifier
SMALL, LARGE = QSize(800, 600), QSize(1280, 800)
FILLER = [f"Paragraph {n} says nothing of note about the valley, its roads and the weather there." for n in range(40)]
DEBATE = ("The council met on Monday to decide the road's fate. It heard from engineers, from farmers and from the "
          "bus company, each with a different view. The engineers said the bridge would need two years of work and a "
          "new foundation. The farmers said they could not wait two years to take their crops to the market in town. "
          "The bus company said it would run a longer route through the hills in the meantime. A teacher asked what "
          "the children of the far farms would do for school in the meantime, and nobody had an answer. The mayor "
          "promised a school bus on the hill road by the spring, paid for by the region and not by the town. Two of "
          "the members asked for a ferry instead, which would be cheaper and quicker to set up. In the end the council "
          "voted seven to two to rebuild the bridge.")
# The article's last two paragraphs, quoted as two passages.
ENDING = ["Work on the new bridge will start in the summer, once the river is low enough for the machines to reach "
          "the old foundation and the farmers have brought in the harvest.",
          "The region will pay for the school bus until the bridge opens again, and the town will pay for a second "
          "bus if the first one is full every morning."]
ARTICLE = "\n\n".join([*FILLER[:12], DEBATE, *FILLER[12:], *ENDING]) + "\n"
BANK = f"""\
title: The valley road
sources:
  valley: {{file: valley-road.txt}}
questions:
  - id: votes
    type: numeric
    prompt: How many council members voted to rebuild the bridge?
    answer: 7
    cite: {{quote: "{DEBATE}"}}
  - id: bus-paid-by
    type: choice
    prompt: Who pays for the school bus until the bridge opens?
    answer: The region
    distractors: [The town, The bus company]
    cite: {{quote: {ENDING!r}}}
"""


def write_bank(folder: Path) -> Path:
    (folder / "valley-road.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "valley.yaml").write_text(BANK, encoding="utf-8")
    return folder / "valley.yaml"


def highlight(view) -> QRect:  # type: ignore[no-untyped-def]
    """Where the highlighted text lies in the article's view: from the top of its first line to the bottom of its
    last."""
    text = view.text
    rect = QRect()
    selections = text.extraSelections()
    for sel in selections:
        for position in (sel.cursor.selectionStart(), sel.cursor.selectionEnd()):
            cursor = QTextCursor(text.document())
            cursor.setPosition(position)
            rect = rect.united(text.cursorRect(cursor))
    return rect


def lines(view) -> float:  # type: ignore[no-untyped-def]
    return highlight(view).height() / view.text.fontMetrics().lineSpacing()


def whole_in_view(view) -> bool:  # type: ignore[no-untyped-def]
    """The highlight lies inside the view, with text above it too (not pushed up against the top)."""
    return view.text.viewport().rect().contains(highlight(view)) and highlight(view).top() > 0


def first_line_at_top(view) -> bool:  # type: ignore[no-untyped-def]
    """The highlight starts at the top of the view: its first line shows, and no line above it."""
    return 0 <= highlight(view).top() < view.text.fontMetrics().lineSpacing()


def show_in_article(qtbot: QtBot, window, folder: Path, question_id: str,  # type: ignore[no-untyped-def]
                    answer: str) -> None:
    """Start a quiz on the one question of the bank written in `folder`, answer it with keys where the focus is,
    and press Alt+A (Show in article)."""
    loaded = load_bank(write_bank(folder))
    [question] = [q for q in loaded.bank.questions if q.id == question_id]
    window.run_session(start_quiz(loaded, QuizOptions(mode=Mode.PRACTICE), questions=[question]))
    qtbot.keyClicks(focused(qtbot, window), answer)
    if question.type == "numeric":
        key(qtbot, Qt.Key.Key_Return)
    assert window.quiz.in_feedback
    alt(qtbot, "a")  # (a mnemonic clicks its button a moment later)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.article)
    assert QApplication.focusWidget() is window.article.text


def test_a_long_citation_is_whole_in_view_where_it_fits_and_from_its_first_line_where_not(
        qtbot: QtBot, main_window, tmp_path: Path, normal_again: None) -> None:
    window = main_window
    window.resize(SMALL)
    qtbot.waitExposed(window)
    window.activateWindow()
    for _ in range(5):  # five sizes larger
        key(qtbot, Qt.Key.Key_Equal, CTRL)
    show_in_article(qtbot, window, tmp_path, "votes", "7")
    view = window.article
    # Eleven lines or more, in a view that holds more: all of them in view, with the article's text around them.
    qtbot.waitUntil(lambda: whole_in_view(view))
    assert lines(view) >= 11
    room = view.text.viewport().height() - highlight(view).height()
    assert abs(highlight(view).top() - room / 2) <= view.text.fontMetrics().lineSpacing()  # about centred

    # A larger window, then the small one again: the whole of it, each time.
    for size in (LARGE, SMALL):
        window.resize(size)
        qtbot.waitUntil(lambda s=size: window.size() == s and whole_in_view(view))

    # Larger text, pressed in the article: it no longer fits, and shows from its first line; the normal size
    # (Ctrl+0), the whole of it again.
    while QApplication.font().pointSizeF() < MAX_POINT_SIZE:
        key(qtbot, Qt.Key.Key_Equal, CTRL)
    assert highlight(view).height() > view.text.viewport().height()
    qtbot.waitUntil(lambda: first_line_at_top(view))
    key(qtbot, Qt.Key.Key_0, CTRL)
    qtbot.waitUntil(lambda: whole_in_view(view))

    # Once the reader scrolls on, the view leaves the text where they put it: a larger window does not bring the
    # citation back.
    key(qtbot, Qt.Key.Key_PageDown)
    assert highlight(view).bottom() < 0
    window.resize(LARGE)
    qtbot.waitUntil(lambda: window.size() == LARGE)
    for _ in range(3):  # (the view's own placing waits for the next turn of the event loop)
        QApplication.processEvents()
    assert highlight(view).bottom() < 0


def test_a_citation_of_two_passages_at_the_end_of_the_article_shows_from_its_first_line(
        qtbot: QtBot, main_window, tmp_path: Path, normal_again: None) -> None:
    window = main_window
    window.resize(SMALL)
    qtbot.waitExposed(window)
    largest_text_by_keys(qtbot, window)
    show_in_article(qtbot, window, tmp_path, "bus-paid-by", "1")  # (any choice)
    view = window.article
    assert view.highlighted_text() == ENDING
    # Taller than the view, and the last lines of the article: still from its first line, not from its middle.
    assert highlight(view).height() > view.text.viewport().height()
    qtbot.waitUntil(lambda: first_line_at_top(view))
