"""Start the desktop app: `quizapp` with no command calls run_app."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from quizapp import __version__
from quizapp.gui.theme import mark_focus
from quizapp.paths import app_icon_file, bundled_banks_dir, user_data_dir

if TYPE_CHECKING:  # imported by create_main_window, once the app exists
    from quizapp.gui.main_window import MainWindow


def create_app() -> QApplication:
    """The QApplication, named so that QSettings know where to keep the settings, with quizapp's icon on every
    window and dialog."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("quizapp")
    app.setApplicationName("quizapp")
    app.setApplicationDisplayName("quizapp")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(app_icon_file())))
    # The name of the desktop entry (`quizapp desktop-entry` writes quizapp.desktop): Wayland's task bars take the
    # window's icon and name from it.
    app.setDesktopFileName("quizapp")
    mark_focus(app)
    return app  # type: ignore[return-value]


def create_main_window(*, banks: list[Path] | None = None, data_dir: Path | None = None, load: bool = True):
    """The main window on the bundled banks plus `banks`, with its library loading (unless not `load`)."""
    from quizapp.gui.main_window import MainWindow

    folder = data_dir or user_data_dir()
    window = MainWindow(data_dir=folder, bundled_dir=bundled_banks_dir(), extra_banks=banks)
    if load:
        window.library.refresh()
    return window


def keep_settings_in(folder: Path) -> None:
    """Keep the settings (QSettings, Qt's own included) as INI files in `folder`, not the user's config folder.

    Portable use: with --data-dir or QUIZAPP_DATA_DIR on a USB stick or a shared PC, one data
    folder's text size, quiz options and window place do not show up in another.
    Call it before the first QSettings is made.
    """
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):  # Qt's file dialogs use native
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))


# Where the window is not painted (started minimized), the work after its first paint starts after this long.
UNPAINTED_MS = 1000


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, then: list[Callable[[], object]]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)
        QTimer.singleShot(UNPAINTED_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Once the event loop has handled what came with the paint (the window manager's events, a repaint)
            # and would wait for more.
            QAbstractEventDispatcher.instance().aboutToBlock.connect(
                lambda: QTimer.singleShot(0, self, self._run), Qt.ConnectionType.SingleShotConnection)
        return False

    def _run(self) -> None:
        then, self.then = self.then, []
        for call in then:
            call()


def after_first_paint(widget: QWidget, *then: Callable[[], object]) -> None:
    """Call each of `then` once `widget` is on the screen: its first paint done, the event loop idle.

    A timer of 0 ms started at show() runs before the first paint: work started there (a thread importing
    pydantic) held the window back."""
    _AfterFirstPaint(widget, list(then))


def open_main_window(*, banks: list[Path], data_dir: Path | None) -> MainWindow:
    """Show the main window as quizapp starts: the library loads once the window is painted, and on the
    first start the welcome opens over it, unless `banks` were given (it opens at the next start)."""
    window = create_main_window(banks=banks, data_dir=data_dir, load=False)
    window.show()
    # (the banks load off the GUI thread, importing pydantic) Bank files given are what the person came for: the
    # welcome's first steps (a bundled bank, a new one) would stand over the one selected for Enter to start.
    after_first_paint(window, window.library.refresh, *([] if banks else [window.welcome_on_first_start]))
    return window


def run_app(*, banks: list[Path], data_dir: Path | None) -> int:
    """Open the main window on the library and run until it closes; return the exit code.

    A data folder given (`data_dir`, or QUIZAPP_DATA_DIR) holds the settings too.
    """
    if data_dir is not None:
        os.environ["QUIZAPP_DATA_DIR"] = str(data_dir)
    if os.environ.get("QUIZAPP_DATA_DIR"):
        keep_settings_in(user_data_dir())
    app = create_app()
    from quizapp.gui.single_instance import SingleInstance, show_running

    folder = data_dir or user_data_dir()
    instance = SingleInstance(folder)
    if not instance.acquire():
        if show_running(folder, banks):
            print("quizapp is already running on this data folder: its window is brought to the front.",
                  file=sys.stderr)
            return 0
        print(f"quizapp is already running on this data folder ({folder}), and does not answer: "
              "close it, or end it in the task manager, and start quizapp again.", file=sys.stderr)
        return 1
    try:
        window = open_main_window(banks=banks, data_dir=data_dir)
        instance.shown.connect(window.come_to_front)
        after_first_paint(window, instance.listen)  # (QtNetwork is not needed for the first paint)
        code = app.exec()
        from quizapp.gui.tasks import stop_all_tasks

        stop_all_tasks()
        del window  # (held until here: a window no name refers to is deleted)
    finally:
        instance.release()
    return code
