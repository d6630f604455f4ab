"""quizapp's own icon is on its windows and dialogs, at the sizes title bars, task bars and menus ask for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from quizapp.paths import app_icon_file
from tests.test_gui_keyboard_start import focused
from tests.test_gui_menu_bar_focus import press

SIZES = (16, 24, 32, 48, 256)


def image(icon: QIcon, size: int) -> QImage:
    return icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def shows_quizapps_icon(window: QWidget) -> None:
    """The window's icon is the package's SVG, drawn at each size, not Qt's generic one (nor none)."""
    icon, package = window.windowIcon(), QIcon(str(app_icon_file()))
    assert not icon.isNull(), window.windowTitle()
    for size in SIZES:
        drawn = image(icon, size)
        assert (drawn.width(), drawn.height()) == (size, size)
        assert drawn == image(package, size), (window.windowTitle(), size)


def test_the_main_window_shows_quizapps_icon_at_every_size(main_window) -> None:
    assert not QIcon(str(app_icon_file())).isNull()  # (the file is there, and Qt reads it)
    shows_quizapps_icon(main_window)
    assert QGuiApplication.desktopFileName() == "quizapp"  # what a task bar finds the desktop entry by


def test_the_dialogs_opened_from_the_main_window_show_it(qtbot: QtBot, main_window) -> None:
    window = main_window
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_F1)
    help_dialog = window.help_dialog
    qtbot.waitExposed(help_dialog)
    shows_quizapps_icon(help_dialog)
    help_dialog.close()
    window.activateWindow()  # (what the window manager does; offscreen has none)

    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_A)  # About quizapp
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    about = QApplication.activeModalWidget()
    shows_quizapps_icon(about)
    # Its picture is quizapp's icon too, as an About box's is, not the "information" sign.
    assert about.iconPixmap().toImage().convertToFormat(QImage.Format.Format_ARGB32) == image(
        QIcon(str(app_icon_file())), about.iconPixmap().width())
    about.close()
