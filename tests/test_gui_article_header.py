"""The article view's header at the largest text in an 800x600 window: the title on one line, never broken inside
a word ("collisi / on.txt"), and the source line naming the article's file, not its whole path (in the tooltip):
the header leaves the height to the article."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from quizapp.core.session import Mode, QuizOptions, start_quiz
from quizapp.gui.widgets import BREAK
from tests.conftest import SEED, alt, key
from tests.test_gui_keyboard_start import focused
from tests.test_gui_largest_text_room import largest_text_by_keys, normal_again

__all__ = ["normal_again"]  # (a fixture)


def test_the_header_takes_two_lines_at_the_largest_text_on_a_small_screen(
        qtbot: QtBot, main_window, bundled_bank, bundled_copy, normal_again: None) -> None:
    window = main_window
    window.resize(QSize(800, 600))
    qtbot.waitExposed(window)
    largest_text_by_keys(qtbot, window)
    question = bundled_bank.bank.question("soldiers-killed")
    window.run_session(start_quiz(bundled_bank, QuizOptions(mode=Mode.PRACTICE), questions=[question]))
    qtbot.keyClicks(focused(qtbot, window), "13")
    key(qtbot, Qt.Key.Key_Return)
    alt(qtbot, "a")  # Show in article (a mnemonic clicks its button a moment later)
    view = window.article
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    assert QApplication.focusWidget() is view.text

    # The title on one line: whole, or cut at the end with "…", not broken inside its one long word.
    title = view.title
    assert title.text() == SEED.name == "mali-helicopter-collision.txt"
    shown = QLabel.text(title)
    assert BREAK not in shown and "\n" not in shown
    assert shown == title.text() or (shown.endswith("…") and title.text().startswith(shown[:-1]))
    assert title.height() < 2 * title.fontMetrics().lineSpacing()
    assert title.toolTip() == title.text()

    # The source by its name and author, with the article's file by name: its path is in the tooltip only.
    path = str((bundled_copy.parent / "seeds" / SEED.name).resolve())
    assert view.source.text() == f"Source: {SEED.name} by Paquette"
    assert path not in QLabel.text(view.source) and path in view.source.toolTip()
    assert view.source.height() < 2 * view.source.fontMetrics().lineSpacing()

    # The header, the Back button and those two lines, leaves more than three quarters of the height to the article
    # (it took half of it).
    header = view.text.geometry().top()
    assert header < view.height() / 4, (header, view.height())
