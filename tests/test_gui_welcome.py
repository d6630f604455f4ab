"""The welcome: on the first start only, each of its buttons does what it says from the keyboard, and Help >
Welcome shows it again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from quizapp.gui.app import open_main_window
from quizapp.gui.generate_dialog import GenerateDialog
from quizapp.gui.options_dialog import QuizOptionsDialog
from quizapp.gui.theme import Theme
from quizapp.gui.welcome import WelcomeDialog
from tests.conftest import Steps, key
from tests.test_gui_keyboard_start import focused, tab_round, unmarked
from tests.test_gui_mnemonics import open_popup

FLOODS = Path(__file__).parent / "data" / "library" / "floods.yaml"


def start(qtbot: QtBot, data_dir: Path):
    """quizapp started as the `quizapp` command starts it, on this test's data folder and settings."""
    window = open_main_window(banks=[], data_dir=data_dir)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    # Once it is painted the banks start loading, and the welcome opens (over an earlier test's, not yet deleted).
    qtbot.waitUntil(lambda: window.library.loading or bool(window.library.checks))
    window.activateWindow()
    return window


def the_welcome(qtbot: QtBot) -> WelcomeDialog:
    """The welcome, once it is open over the window and active (as the window manager makes a new dialog)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), WelcomeDialog))
    dialog = QApplication.activeModalWidget()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def welcome_shown() -> bool:
    return any(isinstance(w, WelcomeDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def no_welcome_after_loading(qtbot: QtBot, window) -> bool:
    """Whether, once the library has loaded (the welcome, when there is one, opens before that), none shows."""
    qtbot.waitUntil(lambda: not window.library.loading and window.library.list.count() > 0)
    return not welcome_shown()


@pytest.fixture
def first_start(qtbot: QtBot, settings_dir: Path, data_dir: Path):
    return start(qtbot, data_dir)


def test_the_first_start_welcomes_and_enter_takes_a_quiz_on_a_bundled_bank(qtbot: QtBot, first_start) -> None:
    window = first_start
    welcome = the_welcome(qtbot)
    assert welcome.windowTitle() == "Welcome"
    assert focused(qtbot, welcome) is welcome.take_quiz_button
    opened: list[str] = []
    with Steps().then(QuizOptionsDialog, lambda d: (opened.append(d.loaded.bank.title), d.reject())) as steps:
        qtbot.keyClick(focused(qtbot, welcome), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(opened))
    assert not steps.todo and not welcome_shown()
    first = next(c for c in window.library.checks if c.loaded is not None)
    assert opened == [first.loaded.bank.title]
    assert window.library.is_bundled(first.path)

    # Started again (the first window still open, as if it had crashed): no welcome.
    assert no_welcome_after_loading(qtbot, start(qtbot, window.data_dir))


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_each_button_of_the_welcome_is_a_tab_stop_that_shows_its_focus(qtbot: QtBot, first_start,
                                                                       theme: Theme) -> None:
    first_start.set_theme(theme)
    try:
        welcome = the_welcome(qtbot)
        stops = tab_round(qtbot, welcome)
        assert stops == [welcome.take_quiz_button, welcome.generate_button, welcome.open_button,
                         welcome.close_button]
        assert unmarked(qtbot, welcome, stops) == []
    finally:
        first_start.set_theme(Theme.SYSTEM)


def test_make_questions_from_an_article_opens_the_generate_dialog(qtbot: QtBot, first_start) -> None:
    welcome = the_welcome(qtbot)
    qtbot.keyClick(focused(qtbot, welcome), Qt.Key.Key_Tab)
    assert focused(qtbot, welcome) is welcome.generate_button
    seen: list[str] = []
    with Steps().then(GenerateDialog, lambda d: (seen.append(d.windowTitle()), d.reject())) as steps:
        qtbot.keyClick(focused(qtbot, welcome), Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: bool(seen))
    assert not steps.todo and not welcome_shown()


def test_open_a_bank_opens_the_file_chosen_in_the_library(qtbot: QtBot, first_start) -> None:
    window = first_start
    welcome = the_welcome(qtbot)
    qtbot.waitUntil(lambda: not window.library.loading)
    steps = Steps().then(QFileDialog, lambda _d: (qtbot.keyClicks(QApplication.focusWidget(), str(FLOODS)),
                                                  key(qtbot, Qt.Key.Key_Return)))
    with steps, qtbot.waitSignal(window.library.loaded):
        qtbot.keyClick(focused(qtbot, welcome), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert not steps.todo
    assert window.library.current_check().path == FLOODS
    assert window.library.list.currentItem().text().startswith("Floods in the valley\n")


def test_esc_closes_the_welcome_for_good_and_help_welcome_shows_it_again(qtbot: QtBot, first_start) -> None:
    window = first_start
    welcome = the_welcome(qtbot)
    qtbot.keyClick(focused(qtbot, welcome), Qt.Key.Key_Escape)
    assert not welcome_shown()
    window.activateWindow()
    assert focused(qtbot, window) is window.library.list

    again = start(qtbot, window.data_dir)
    assert no_welcome_after_loading(qtbot, again)
    again.activateWindow()
    qtbot.keyClick(focused(qtbot, again), Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert open_popup() is not None and open_popup().title() == "&Help"
    qtbot.keyClick(open_popup(), Qt.Key.Key_W)
    welcome = the_welcome(qtbot)
    assert welcome.parentWidget() is again
    # Get started closes it too, and the library has the focus.
    qtbot.keyClick(focused(qtbot, welcome), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not welcome_shown())
    again.activateWindow()
    assert focused(qtbot, again) is again.library.list


def test_someone_who_used_quizapp_before_the_welcome_existed_is_not_welcomed(qtbot: QtBot, main_window) -> None:
    main_window.close()  # saves the window's place, as every earlier version did
    assert no_welcome_after_loading(qtbot, start(qtbot, main_window.data_dir))


def test_at_800x600_and_the_largest_text_the_welcome_fits_and_tab_shows_each_button(qtbot: QtBot,
                                                                                     first_start) -> None:
    window = first_start
    the_welcome(qtbot).reject()
    window.resize(800, 600)
    window.change_text_size(+100)
    try:
        window.activateWindow()
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClick(open_popup(), Qt.Key.Key_W)
        welcome = the_welcome(qtbot)
        assert welcome.width() <= window.width() and welcome.height() <= window.height()
        stops = []
        for _ in range(4):  # each scrolled into view as Tab reaches it
            stop = focused(qtbot, welcome)
            assert stop.visibleRegion().boundingRect() == stop.rect(), stop.text()
            stops.append(stop)
            qtbot.keyClick(stop, Qt.Key.Key_Tab)
        assert stops == [welcome.take_quiz_button, welcome.generate_button, welcome.open_button,
                         welcome.close_button]
        welcome.reject()
    finally:
        window.change_text_size(0)


def test_opened_from_help_during_a_quiz_the_welcome_offers_only_what_the_menus_do(qtbot: QtBot, main_window,
                                                                                   bundled_bank) -> None:
    """File > New bank and Open are off while a quiz runs: so are the welcome's buttons for them."""
    from quizapp.core.session import QuizOptions

    window = main_window
    window.begin(bundled_bank, QuizOptions(count=3, seed=1))
    window.activateWindow()
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(open_popup(), Qt.Key.Key_W)
    welcome = the_welcome(qtbot)
    assert tab_round(qtbot, welcome) == [welcome.take_quiz_button, welcome.close_button]
    qtbot.keyClick(focused(qtbot, welcome), Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.quiz
