"""Stop in the generate dialog answers at once, even while the language model loads (seconds, which nothing can cut
short): the run is dropped there and then, and what the generator ends with later is thrown away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from quizapp.generate import nlp
from quizapp.gui.generate_dialog import GenerateDialog
from quizapp.gui.tasks import Task
from tests.conftest import SEED, alt, key
from tests.test_gui_generate import TIMEOUT
from tests.test_gui_generate_empty_run import active


@pytest.fixture
def model_not_loaded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """As in a session that has not generated yet: the first run loads the real model. The loader's lock is held
    from here until the test presses Stop (`stopped_while_loading` lets it go): a run an earlier test left going
    cannot load the model in between, which this test's run would then find loaded. Yields whether it is held."""
    nlp._lock.acquire()
    held = [True]
    try:
        monkeypatch.setattr(nlp, "_nlp", None)
        yield held
    finally:
        if held[0]:
            nlp._lock.release()


def stopped_while_loading(qtbot, banks: Path, finished: list[bool], held: list[bool]) -> tuple[GenerateDialog, Task]:
    """A dialog on the seed article whose run (the task) was stopped while it loaded the model; `finished`
    gets what generation_finished says; `held`, the fixture's hold on the loader's lock.

    The lock is held until Stop is pressed: the load (a second or two, less on a fast disk) waits for
    it, so the run is loading when Stop comes however busy the machine, and then loads the real model."""
    dialog = active(qtbot, GenerateDialog(None, target_dir=banks, articles=[SEED]))
    dialog.max_questions.setValue(2)
    dialog.generation_finished.connect(finished.append)
    try:
        alt(qtbot, "g")  # Generate
        qtbot.waitUntil(lambda: dialog.status.text() == "Loading the language model…", timeout=TIMEOUT)
        task = dialog.task
        assert task is not None
        assert QApplication.focusWidget() is dialog.cancel_button  # (Qt moved it there from Generate, disabled)
        key(qtbot, Qt.Key.Key_Space)  # Stop
        assert nlp._nlp is None  # (still loading: the test stopped what it means to)
    finally:
        held[0] = False
        nlp._lock.release()
    return dialog, task


def assert_stopped(dialog: GenerateDialog) -> None:
    assert not dialog.running
    assert dialog.status.text() == "Stopped: no questions were generated."
    assert dialog.progress.maximum() == 1 and dialog.progress.value() == 0  # not busy
    assert dialog.generate_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert all(w.isEnabled() for w in (dialog.add_button, dialog.files, dialog.max_questions, dialog.url_edit))
    assert dialog.question_count() == 0


def test_stop_while_the_model_loads_ends_the_run_at_once_and_its_late_end_is_dropped(
        qtbot, tmp_path: Path, model_not_loaded: list[bool]) -> None:
    finished: list[bool] = []
    dialog, stopped = stopped_while_loading(qtbot, tmp_path, finished, model_not_loaded)
    assert_stopped(dialog)  # at once, the model still loading
    assert finished == [False]
    assert QApplication.focusWidget() is dialog.generate_button  # Enter runs it again

    qtbot.waitUntil(lambda: stopped.finished, timeout=TIMEOUT)  # the model has loaded; the run saw it was stopped
    assert nlp._nlp is not None
    assert_stopped(dialog)  # as it was
    assert finished == [False]
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_generate_again_while_the_stopped_run_still_loads_the_model_runs_to_the_end(
        qtbot, tmp_path: Path, model_not_loaded: list[bool]) -> None:
    finished: list[bool] = []
    dialog, stopped = stopped_while_loading(qtbot, tmp_path, finished, model_not_loaded)
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT):
        key(qtbot, Qt.Key.Key_Return)  # Generate again, at once: it waits for the model the stopped run loads
        assert dialog.running and dialog.status.text() == "Starting…"
    qtbot.waitUntil(lambda: stopped.finished, timeout=TIMEOUT)
    # The stopped run's end, which came while this one ran, changed nothing.
    assert finished == [False, True]
    assert not dialog.running and dialog.question_count() == 2
    assert dialog.status.text().startswith("2 questions generated")
    assert list(tmp_path.iterdir()) == []  # a bank is written only by Add
