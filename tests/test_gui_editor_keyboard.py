"""The bank editor from the keyboard alone at the largest text: a tab's Alt key goes into its page, the article
opens at the citation, every Tab stop shows the focus, and the window comes up on the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QScrollArea, QToolButton
from pytestqt.qtbot import QtBot

from quizapp.gui.app import create_app
from quizapp.gui.editor import BankEditor
from quizapp.gui.widgets import FRAME_ROOM
from tests.conftest import alt, key
from tests.test_gui_editor_app_keys import editor_from_the_library
from tests.test_gui_editor_problems import open_shown
from tests.test_gui_keyboard_start import tab_round, unmarked
from tests.test_gui_small_screen import largest_text

__all__ = ["largest_text"]  # (a fixture, used by name)

SHIFT = Qt.KeyboardModifier.ShiftModifier


def folded_editor(qtbot: QtBot, bank_file: Path, width: int = 1280, level: int = 1) -> BankEditor:
    """The editor at the largest text, 1280 wide: the form folded into the tabs beside the list of questions (or,
    narrower, the list too: `level` 2), the focus in that list."""
    editor = open_shown(qtbot, bank_file)
    editor.resize(width, 720)
    qtbot.waitUntil(lambda: editor.panes.level == level)
    assert QApplication.focusWidget() is editor.list
    return editor


def test_a_tabs_alt_key_puts_the_focus_in_its_page(qtbot: QtBot, largest_text: None, bank_file: Path) -> None:
    """Alt+T showed the article and left the focus in the list of questions: the arrow keys moved from question to
    question, and the article's text was 19 Tabs away."""
    editor = folded_editor(qtbot, bank_file)
    alt(qtbot, "t")  # Ar&ticle
    assert editor.side_tabs.currentWidget() is editor.picker
    assert QApplication.focusWidget() is editor.picker.text
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Right, SHIFT)  # selects in the article at once
    assert editor.picker.selected_text() and editor.picker.use_button.isEnabled()

    alt(qtbot, "q")  # &Question: the form, at its first field
    assert QApplication.focusWidget() is editor.form.widgets["id"]
    alt(qtbot, "p")  # the Prompt
    alt(qtbot, "w")  # Previe&w: the preview, which scrolls by the arrow keys
    assert QApplication.focusWidget() is editor.side_tabs.currentWidget()
    alt(qtbot, "q")  # back to the field left
    assert QApplication.focusWidget() is editor.form.widgets["prompt"]


def test_the_article_opens_at_the_citation_of_the_question_shown(qtbot: QtBot, largest_text: None,
                                                                 bank_file: Path) -> None:
    """The article of a question far down the list opened at its top, the citation out of sight: it was centred
    while the Article tab was behind the form, in a view that had no height yet."""
    editor = folded_editor(qtbot, bank_file)
    key(qtbot, Qt.Key.Key_End)  # the last question, which cites the article's end
    alt(qtbot, "t")
    text = editor.picker.text
    quote = editor.draft.question(editor.list.currentRow())["cite"]["quote"]
    span = editor.picker.article.find_quote(quote)
    start, end = QTextCursor(text.document()), QTextCursor(text.document())
    start.setPosition(editor.picker.shown.position(span.start))
    end.setPosition(editor.picker.shown.position(span.end))
    highlighted, = text.extraSelections()
    assert highlighted.cursor.selectionStart() == start.position()

    def in_view() -> bool:
        """The citation whole in view (it fits), from its first line to its last, the article scrolled down to it."""
        lines = text.cursorRect(start).united(text.cursorRect(end))
        return text.viewport().rect().contains(lines) and text.verticalScrollBar().value() > 0

    qtbot.waitUntil(in_view)


def test_every_tab_stop_of_the_editor_shows_that_it_has_the_focus(qtbot: QtBot, largest_text: None,
                                                                  bank_file: Path) -> None:
    """Tab stopped on the form's scrolled area and on the arrow that scrolls the tabs, neither of which showed it had
    the focus; nor did the lists, the tabs, the article, the preview, or a text box such as the Prompt."""
    create_app()  # the app's style, which rings a focused button
    # All four panes in tabs too narrow for their titles: they scroll.
    editor = folded_editor(qtbot, bank_file, width=740, level=2)
    # (once the tab bar is laid out at the folded width)
    qtbot.waitUntil(lambda: any(arrow.isVisible() for arrow in editor.side_tabs.tabBar().findChildren(QToolButton)))
    preview = editor.side_tabs.widget(editor.side_tabs.count() - 1)
    for tab, page_stops in (("q", [editor.form.widgets["prompt"], editor.form.widgets["quote"]]),
                            ("t", [editor.picker.text]), ("w", [preview])):  # the form, the article, the preview
        alt(qtbot, tab)
        stops = tab_round(qtbot, editor)
        assert {editor.problems, editor.side_tabs.tabBar(), *page_stops} <= set(stops)
        assert not [w for w in stops if isinstance(w, QToolButton)
                    or (isinstance(w, QScrollArea) and editor.form.isAncestorOf(w.widget()))]
        assert unmarked(qtbot, editor, stops) == []


def test_the_editor_comes_up_over_the_window_it_is_opened_from_on_the_screen(qtbot: QtBot, largest_text: None,
                                                                            main_window) -> None:
    """Opened from the generate dialog, the editor came up where the window manager put it, 175 pixels down a
    900-pixel screen: its bottom edge, and the list of problems, were past the screen's. It comes up over the main
    window, as near its middle as the screen's free area allows."""
    available = main_window.screen().availableGeometry()
    # The main window in the bottom right corner of the screen.
    main_window.setGeometry(QRect(available.right() - 500, available.bottom() - 400, 480, 380))
    editor = editor_from_the_library(qtbot, main_window)
    frame = editor.frameGeometry()
    assert available.contains(frame), (frame, available)
    # As far towards the main window's middle as the screen allows: against its bottom and right edges.
    assert available.bottom() - frame.bottom() <= FRAME_ROOM.bottom()
    assert available.right() - frame.right() <= FRAME_ROOM.right()


def test_the_list_of_problems_is_as_tall_as_its_problems(qtbot: QtBot, largest_text: None, bank_file: Path) -> None:
    """At the largest text, three lines of "No problems." left the Article tab two lines of the article: the list is
    as tall as its problems, up to three of them, and grows when there are more."""
    editor = folded_editor(qtbot, bank_file)
    problems = editor.problems
    assert [problems.item(i).text() for i in range(problems.count())] == ["No problems."]
    line = problems.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: problems.height() < 2 * line)  # one row
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a new question, in its Prompt
    for _ in range(3):  # on through the Answer and past it, leaving both empty: a problem each
        key(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: problems.count() >= 2 and problems.item(0).text() != "No problems.")
    qtbot.waitUntil(lambda: problems.height() >= min(problems.count(), 3) * line)
