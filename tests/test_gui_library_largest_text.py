"""Ctrl+= up to the largest text in the library on a small screen (800x600, and 1280x800 at 150%, which lays
out as 853x533): the resume message, the heading, two whole rows of the list and a long title in the details
each shown whole, or scrolled to; at the normal size it looks as before, the list beside the details."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from quizapp.core.session import QuizOptions
from tests.conftest import alt, key, on_modal
from tests.test_gui_history import new_window
from tests.test_gui_largest_text_room import largest_text_by_keys, normal_again, opened_in_library
from tests.test_gui_quiz import answer_by_clicks
from tests.test_gui_small_screen import wholly_shown

__all__ = ["normal_again"]  # (a fixture)

# A title with a web address, as a bank made from a saved page may have: its row wrapped to nine lines.
LONG_TITLE = ("Long texts: https://www.example-news-archive.org/2019/11/26/mali-helicopter-collision-report-full "
              "and a title that keeps going on and on")


def top_left(widget: QWidget) -> QPoint:
    return widget.mapTo(widget.window(), QPoint(0, 0))


def scrolled_areas(widget: QWidget) -> list[QScrollArea]:
    """The scrolled areas `widget` is in (not its own list's), the innermost first."""
    out, parent = [], widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(widget):
            out.append(parent)
        parent = parent.parentWidget()
    return out


def scroll_to(widget: QWidget) -> None:
    """Scroll the areas round `widget` to it, as their scroll bars do."""
    for area in scrolled_areas(widget):
        area.ensureWidgetVisible(widget, 0, 0)


@pytest.mark.parametrize("size", [QSize(800, 600), QSize(853, 533)], ids=["800x600", "1280x800-at-150%"])
def test_the_library_is_readable_at_the_largest_text_on_a_small_screen(
        qtbot: QtBot, main_window, bundled_bank, bank_file: Path, data_dir: Path, bundled_copy: Path,
        normal_again: None, size: QSize) -> None:
    bank_file.write_text(bank_file.read_text(encoding="utf-8").replace(
        "title: French helicopter collision in Mali", f"title: '{LONG_TITLE}'"), encoding="utf-8")
    opened_in_library(qtbot, main_window, bank_file)
    # A quiz left after one answer: the next start offers to resume it.
    main_window.begin(bundled_bank, QuizOptions(count=4, seed=2))
    answer_by_clicks(qtbot, main_window.quiz)
    window = new_window(qtbot, data_dir, bundled_copy)
    window.resize(size)
    qtbot.waitExposed(window)
    library = window.library
    banner, message, banks = library.resume_banner, library.resume_text, library.list
    qtbot.waitUntil(lambda: banner.isVisibleTo(library))
    assert bank_file in [c.path for c in library.checks], [c.path for c in library.checks]

    # The normal size: the list beside the details, and nothing to scroll.
    qtbot.waitUntil(lambda: top_left(library.details_page).x() > top_left(banks).x() + banks.width())
    assert all(area.verticalScrollBar().maximum() == 0 for area in scrolled_areas(banks))

    largest_text_by_keys(qtbot, window)
    assert window.size() == size
    assert QApplication.focusWidget() is banks
    # The list above the details, as wide as the window, with two whole rows in view at least.
    qtbot.waitUntil(lambda: top_left(library.details_page).y() >= top_left(banks).y() + banks.height())
    rows = sorted((banks.visualItemRect(banks.item(i)).height() for i in range(banks.count())), reverse=True)
    qtbot.waitUntil(lambda: banks.viewport().height() >= rows[0] + rows[1] + 4 * banks.spacing())
    # The resume message from its top, not scrolled out of sight down to the list that has the focus.
    qtbot.waitUntil(lambda: wholly_shown(library.resume_button) and library.page.verticalScrollBar().value() == 0)
    # A row is its title and a status line, three lines at most, not the whole title wrapped: the details
    # have the rest.
    lines = banks.fontMetrics().lineSpacing()
    assert lines >= 28  # (the rows are of the larger text)
    for i in range(banks.count()):
        rect = banks.visualItemRect(banks.item(i))
        assert rect.height() <= 3 * lines + 8 and rect.right() < banks.viewport().width(), banks.item(i).text()

    # The bank with the long title, picked with the arrow keys: its title wraps whole in the details.
    while library.name.text() != LONG_TITLE:
        key(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: wholly_shown(banks))  # (the page scrolled to the list, where the keys went)
    name = library.name
    qtbot.waitUntil(lambda: name.height() >= name.heightForWidth(name.width()))
    assert name.width() <= library.details_page.viewport().width()
    scroll_to(name)
    qtbot.waitUntil(lambda: wholly_shown(name))

    # The resume message with all its lines, and its buttons, scrolled to.
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    scroll_to(banner)
    for part in (message, library.resume_button, library.discard_button):
        qtbot.waitUntil(lambda w=part: wholly_shown(w))
    heading = next(w for w in library.findChildren(QLabel) if w.text() == "Question banks")
    assert heading.height() >= heading.sizeHint().height()
    scroll_to(heading)
    qtbot.waitUntil(lambda: wholly_shown(heading))


@pytest.mark.parametrize("size", [QSize(800, 600), QSize(853, 533)], ids=["800x600", "1280x800-at-150%"])
def test_a_quiz_left_at_the_largest_text_shows_the_resume_offer_from_its_top(
        qtbot: QtBot, main_window, bundled_bank, normal_again: None, size: QSize) -> None:
    """Esc, Alt+L: the library opened scrolled down to its list (which has the focus), with only the lower half
    of Resume and Discard at its top; the offer is what one most likely wants then."""
    window = main_window
    window.resize(size)
    largest_text_by_keys(qtbot, window)
    window.begin(bundled_bank, QuizOptions(count=4, seed=2))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    answer_by_clicks(qtbot, window.quiz)
    on_modal(qtbot, lambda box: (box.activateWindow(), qtbot.waitUntil(box.isActiveWindow), alt(qtbot, "L")))
    key(qtbot, Qt.Key.Key_Escape)
    window.activateWindow()  # as the window manager does when the dialog closes (offscreen has none)
    qtbot.waitUntil(window.isActiveWindow)
    library = window.library
    assert window.stack.currentWidget() is library and window.size() == size
    qtbot.waitUntil(lambda: library.resume_banner.isVisible())
    # Its message and its buttons whole in view, from its top, once laid out; the focus stays in the list below.
    shown = (library.resume_text, library.resume_button, library.discard_button)
    qtbot.waitUntil(lambda: all(wholly_shown(w) for w in shown))
    for _ in range(5):
        QApplication.processEvents()
    assert all(wholly_shown(w) for w in shown)
    assert library.page.verticalScrollBar().value() == 0
    assert QApplication.focusWidget() is library.list
    # The arrow keys in the list bring the list (and the bank picked) into view.
    key(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: wholly_shown(library.list))


def row_in_view(banks) -> bool:
    """The list's current row lies whole inside its viewport, as scrolled now."""
    rect = banks.visualItemRect(banks.currentItem())
    return banks.viewport().rect().contains(rect)


@pytest.mark.parametrize(("how", "size"), [("larger text", QSize(800, 600)), ("larger text", QSize(1000, 720)),
                                           ("list turned", QSize(800, 600))],
                         ids=["Ctrl+= at 800x600", "Ctrl+= at 1000x720", "1280x800 to 800x600"])
def test_the_selected_bank_stays_in_view_in_the_list(qtbot: QtBot, main_window, bank_file: Path,
                                                     normal_again: None, how: str, size: QSize) -> None:
    """The last of six banks picked, then the list laid out anew: the details said "Bank 5" while the list showed
    its first three rows. Picked at the normal size (the list tall enough for all), then Ctrl+= up to the largest
    text; or picked at the largest text beside the details (1280x800), then the window made smaller, where the
    list goes above the details and its rows wrap to other heights."""
    text = bank_file.read_text(encoding="utf-8")
    copies = []
    for n in range(1, 6):
        copy = bank_file.with_name(f"bank-{n}.yaml")
        copy.write_text(text.replace("title: French helicopter collision in Mali", f"title: Bank {n}"),
                        encoding="utf-8")
        copies.append(copy)
    window = main_window
    window.resize(size if how == "larger text" else QSize(1280, 800))
    library, banks = window.library, window.library.list
    library.add_banks(copies)
    qtbot.waitUntil(lambda: not library.loading and banks.count() == 6)
    if how == "list turned":
        largest_text_by_keys(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    library.focus_list()
    key(qtbot, Qt.Key.Key_End)
    assert library.name.text() == "Bank 5" and row_in_view(banks)
    if how == "larger text":
        largest_text_by_keys(qtbot, window)
    else:
        assert top_left(library.details_page).x() > top_left(banks).x()  # (beside the list)
        window.resize(size)
        qtbot.waitUntil(lambda: top_left(library.details_page).y() >= top_left(banks).y() + banks.height())
    assert window.size() == size and QApplication.focusWidget() is banks
    # Its rows are taller than the list now: it is scrolled to the row picked, as laid out at the new size.
    qtbot.waitUntil(lambda: banks.verticalScrollBar().maximum() > 0 and row_in_view(banks))
    for _ in range(5):
        QApplication.processEvents()
    assert row_in_view(banks) and library.name.text() == "Bank 5"
