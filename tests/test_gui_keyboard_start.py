"""Enter starts a quiz: at first start and after a quiz, pressed where the keyboard focus really is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui.options_dialog import QuizOptionsDialog
from tests.conftest import on_modal


def focused(qtbot: QtBot, window: QWidget) -> QWidget:
    """The widget that has the keyboard focus in the shown, active `window`."""
    qtbot.waitUntil(window.isActiveWindow)
    focus = QApplication.focusWidget()
    assert focus is not None and focus.window() is window
    return focus


def dialog_closed(window: QWidget) -> None:
    """What a window manager does when a modal dialog closes: its window is active again (offscreen has none)."""
    window.activateWindow()


def enter_opens_the_options(qtbot: QtBot, window) -> str:
    """Press Enter on the focused widget; return the title of the bank the quiz options open for."""
    opened: list[QWidget] = []

    def close(dialog: QDialog) -> None:
        opened.append(dialog)
        dialog.reject()

    on_modal(qtbot, close)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened))
    assert isinstance(opened[0], QuizOptionsDialog), opened[0].windowTitle()
    return opened[0].loaded.bank.title


def test_enter_at_first_start_opens_the_quiz_options_of_the_selected_bank(qtbot: QtBot, main_window) -> None:
    window = main_window
    selected = window.library.current_check()
    assert selected is not None and selected.loaded is not None
    assert enter_opens_the_options(qtbot, window) == selected.loaded.bank.title
    # Closing the options leaves the focus on the list: Enter opens them again.
    dialog_closed(window)
    assert focused(qtbot, window) is window.library.list
    assert enter_opens_the_options(qtbot, window) == selected.loaded.bank.title


def test_enter_after_a_quiz_opens_the_quiz_options_again(qtbot: QtBot, main_window) -> None:
    window = main_window
    on_modal(qtbot, lambda d: qtbot.keyClick(d.focusWidget() or d, Qt.Key.Key_Return))
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.quiz)
    dialog_closed(window)
    quiz = window.quiz
    while quiz.session is not None:
        item = quiz.session.current
        focus = focused(qtbot, window)
        if item.is_choice:
            qtbot.keyClick(focus, str(item.choices.index(item.question.answer) + 1))
        else:
            qtbot.keyClicks(focus, f"{item.question.answer:g}")
            qtbot.keyClick(focus, Qt.Key.Key_Return)
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.results
    # All right: the focus is on "Library", and Enter goes there.
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.library
    selected = window.library.current_check()
    assert enter_opens_the_options(qtbot, window) == selected.loaded.bank.title



def marked(focused_image: QImage, other: QImage, widget: QWidget) -> bool:
    """Whether `widget` drawn with the focus differs plainly from drawn without: a line's worth of pixels (as
    long as its short side) changed by at least 100 in a colour channel, not a shade of a selected row."""
    changed = 0
    for y in range(focused_image.height()):
        for x in range(focused_image.width()):
            a, b = QColor(focused_image.pixel(x, y)), QColor(other.pixel(x, y))
            changed += max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) >= 100
    return changed >= min(widget.width(), widget.height())


def tab_round(qtbot: QtBot, window: QWidget) -> list[QWidget]:
    """The widgets Tab stops at in `window`, once round from the one with the focus (which comes first)."""
    stops = [focused(qtbot, window)]
    while len(stops) < 30:
        qtbot.keyClick(stops[-1], Qt.Key.Key_Tab)
        if focused(qtbot, window) is stops[0]:
            break
        stops.append(focused(qtbot, window))
    return stops


def unmarked(qtbot: QtBot, window: QWidget, stops: list[QWidget]) -> list[str]:
    """The names of the `stops` that look no different with the focus than without, Tabbing round once more."""
    seen: list[list[QImage]] = []
    for stop in stops:
        assert focused(qtbot, window) is stop
        seen.append([w.grab().toImage() for w in stops])
        qtbot.keyClick(stop, Qt.Key.Key_Tab)
    names = []
    for j, widget in enumerate(stops):
        away = next(i for i, w in enumerate(stops) if w is not widget and not widget.isAncestorOf(w))
        if not marked(seen[j][j], seen[away][j], widget):
            names.append(widget.accessibleName() or type(widget).__name__)
    return names


def test_every_tab_stop_of_the_results_shows_that_it_has_the_focus(qtbot: QtBot, main_window, bundled_bank) -> None:
    """Tab went to the results list and to the detail pane with no sign of it (Fusion only shades a list's
    selected row a little): each stop now looks plainly different with the focus than without."""
    from tests.test_gui_mnemonics import finish_a_quiz

    window = main_window
    finish_a_quiz(qtbot, window, bundled_bank)
    stops = tab_round(qtbot, window)
    assert window.results.list in stops and any(w.isAncestorOf(window.results.feedback) for w in stops)
    assert unmarked(qtbot, window, stops) == []
