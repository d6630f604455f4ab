"""Long work off the GUI thread: progress, cancel, errors shown, result on the GUI thread.

Every screen runs slow work the same way::

    run_task(lambda task: export(..., progress=task.report), parent=self,
             title="Exporting", on_success=self.exported)

The callable runs on the global QThreadPool and must never touch widgets; it
may call `task.report(done, total, text)` and should stop when
`task.cancelled` is true (or call `task.check()`, which raises Cancelled).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from quizapp.core.errors import QuizappError
from quizapp.gui.widgets import make_room_for_title

PROGRESS_DELAY_MS = 400  # quick work finishes without a dialog flashing up


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Task(QObject):
    """One piece of work: the worker side reports, the GUI side receives the signals."""

    progressed = Signal(int, int, str)
    _succeeded = Signal(object)
    _failed = Signal(object, str)
    _cancelled = Signal()
    done = Signal()

    def __init__(self, *, parent_widget: QWidget | None, title: str, label: str = "",
                 on_success: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException, str], None] | None,
                 on_cancel: Callable[[], None] | None) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self.finished = False
        self.parent_widget = parent_widget
        self.title = title
        self.label = label or title
        self.on_success, self.on_error, self.on_cancel = on_success, on_error, on_cancel
        self.dialog: QProgressDialog | None = None
        # The task lives on the GUI thread: signals emitted by the worker are queued
        # and these slots run on the GUI thread.
        self.progressed.connect(self._show_progress)
        self._succeeded.connect(self._on_succeeded)
        self._failed.connect(self._on_failed)
        self._cancelled.connect(self._on_cancelled)

    # worker side

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled when the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        """Tell the GUI how far the work is (total 0: unknown); raise Cancelled when cancelled."""
        self.progressed.emit(int(done), int(total), text)
        self.check()

    # GUI side

    def cancel(self) -> None:
        """Ask the work to stop; on_cancel runs when it has."""
        self._cancel.set()

    def _show_dialog(self, cancellable: bool) -> None:
        # A title bar may be narrow ("Reading t… — quizapp"): the title is short, the label says what runs.
        dialog = QProgressDialog(self.label, "Cancel", 0, 0, self.parent_widget)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        self.dialog = dialog

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is not None and not self.finished:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total else 0)
            if text:
                self.dialog.setLabelText(text)

    def _finish(self) -> None:
        self.finished = True
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        _running.discard(self)
        self.done.emit()

    def _owner_gone(self) -> bool:
        # The screen that started the work was closed while it ran: nobody to tell.
        return self.parent_widget is not None and not shiboken6.isValid(self.parent_widget)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._finish()
        if self._owner_gone():
            return
        if self.on_success is not None:
            self.on_success(result)

    @Slot(object, str)
    def _on_failed(self, exc: BaseException, trace: str) -> None:
        self._finish()
        if self._owner_gone():
            return
        if self.on_error is not None:
            self.on_error(exc, trace)
        else:
            show_error(self.parent_widget, self.title, exc, trace)

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish()
        if self._owner_gone():
            return
        if self.on_cancel is not None:
            self.on_cancel()


class _Runner(QRunnable):
    def __init__(self, task: Task, work: Callable[[Task], Any]) -> None:
        super().__init__()
        self.task = task
        self.work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self.task
        try:
            result = self.work(task)
        except Cancelled:
            task._cancelled.emit()
        except Exception as exc:  # every failure goes back to the GUI
            task._failed.emit(exc, traceback.format_exc())
        else:
            if task.cancelled:
                task._cancelled.emit()
            else:
                task._succeeded.emit(result)


_running: set[Task] = set()  # keeps each task alive until it ends


def run_task(work: Callable[[Task], Any], *, parent: QWidget | None, title: str, label: str = "",
             on_success: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException, str], None] | None = None,
             on_cancel: Callable[[], None] | None = None,
             show_progress: bool = True, cancellable: bool = True) -> Task:
    """Run `work(task)` on the thread pool; call back on the GUI thread when it ends.

    `title` names the work in a word or two (the progress dialog's and an error box's title); `label`, shown
    in the progress dialog, says more ("Reading the article for wrong answers…"). Errors go to
    `on_error(exc, traceback_text)`, or to a message box when it is None.
    """
    task = Task(parent_widget=parent, title=title, label=label, on_success=on_success, on_error=on_error,
                on_cancel=on_cancel)
    _running.add(task)
    if show_progress:
        task._show_dialog(cancellable)
    QThreadPool.globalInstance().start(_Runner(task, work))
    return task


def show_error(parent: QWidget | None, title: str, exc: BaseException, trace: str = "") -> None:
    """A message box for a failure: the person-readable message, details for a bug."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if isinstance(exc, QuizappError | OSError):
        box.setText(error_text(exc))
    else:
        box.setText(f"Something went wrong: {exc}\n\nThis is a bug in quizapp; the details say where.")
        box.setDetailedText(trace)
    make_room_for_title(box)
    QTimer.singleShot(0, box.open)


def error_text(exc: QuizappError | OSError) -> str:
    """What went wrong, for a person: a file's trouble as "/path/file.csv: No such file or directory", not
    "[Errno 2] No such file or directory: '/path/file.csv'"."""
    if isinstance(exc, OSError) and exc.strerror and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror}."
    return str(exc)


def stop_all_tasks(timeout_ms: int = 3000) -> None:
    """Ask every running task to stop and wait a little for the workers (at exit)."""
    for task in list(_running):
        task.cancel()
    QThreadPool.globalInstance().waitForDone(timeout_ms)
