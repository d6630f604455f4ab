"""The long-work helper: result, progress, error and cancel all arrive on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from quizapp.core.errors import BankError
from quizapp.gui.tasks import Task, run_task


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}
    progress: list[tuple[int, int, str]] = []

    def work(task: Task) -> int:
        seen["worker"] = threading.get_ident()
        for i in range(3):
            task.report(i + 1, 3, f"step {i + 1}")
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["callback"] = threading.get_ident()

    task = run_task(work, parent=parent, title="Working", on_success=done)
    task.progressed.connect(lambda d, t, s: progress.append((d, t, s)))
    with qtbot.waitSignal(task.done):
        pass
    assert seen["result"] == 42
    assert seen["worker"] != gui_thread
    assert seen["callback"] == gui_thread
    assert task.finished and task.dialog is None


def test_errors_come_back_as_a_message(qtbot: QtBot) -> None:
    errors: list[tuple[BaseException, str]] = []

    def work(task: Task) -> None:
        raise BankError([])

    task = run_task(work, parent=None, title="Failing", on_error=lambda e, t: errors.append((e, t)),
                    show_progress=False)
    with qtbot.waitSignal(task.done):
        pass
    assert isinstance(errors[0][0], BankError)
    assert "raise BankError" in errors[0][1]


def test_cancel_stops_the_work(qtbot: QtBot) -> None:
    started = threading.Event()
    outcome: list[str] = []

    def work(task: Task) -> None:
        started.set()
        while True:
            task.report(0)  # raises Cancelled once cancelled
            threading.Event().wait(0.01)

    task = run_task(work, parent=None, title="Endless", on_success=lambda r: outcome.append("done"),
                    on_cancel=lambda: outcome.append("cancelled"))
    assert started.wait(10)
    cancel = task.dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.done, timeout=10_000):
        pass
    assert outcome == ["cancelled"]


def test_the_progress_dialog_has_a_short_title_and_says_more_in_its_label(qtbot: QtBot) -> None:
    """A long title was cut in a narrow title bar: "Reading t… — quizapp"."""
    parent = QWidget()
    qtbot.addWidget(parent)
    go_on = threading.Event()
    task = run_task(lambda _task: go_on.wait(10), parent=parent, title="Ask about it",
                    label="Reading the article for wrong answers…")
    try:
        assert task.dialog is not None
        assert task.dialog.windowTitle() == "Ask about it"
        assert task.dialog.labelText() == "Reading the article for wrong answers…"
    finally:
        go_on.set()
        with qtbot.waitSignal(task.done):
            pass


def test_a_file_that_cannot_be_written_is_named_as_chosen_not_by_its_temporary_twin(qtbot: QtBot,
                                                                                     tmp_path) -> None:
    """A write whose folder is gone (a USB stick taken out) said "[Errno 2] No such file or directory:
    '/media/stick/.bank.xml.k2j9tmp.tmp'": the box names the file the person chose, and nothing is left."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from quizapp.core.atomic import write_text_atomic

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    target = tmp_path / "stick" / "bank.xml"
    run_task(lambda task: write_text_atomic(target, "<quiz/>"), parent=parent, title="Exporting",
             cancellable=False)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert box.text() == f"{target}: No such file or directory."
    box.close()
    assert not target.parent.exists()
