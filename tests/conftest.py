"""Shared fixtures: user data and QSettings in temp folders, the bundled bank."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings Qt writes for itself or for a test that asks for no `settings_dir` (its file dialog's history, a
# QSettings() of the default organisation) go to a folder of this run's own, never to the user's ~/.config.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="quizapp-tests-config-")
atexit.register(shutil.rmtree, os.environ["XDG_CONFIG_HOME"], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_BANK = ROOT / "questions" / "mali-helicopter-collision.yaml"
SEED = ROOT / "seeds" / "mali-helicopter-collision.txt"


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own QUIZAPP_DATA_DIR, so none touches the user's data (tmp_path stays empty)."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def keys_go_on_at_once(request: pytest.FixtureRequest) -> Iterator[None]:
    """In GUI tests a key after an answer goes on at once, without the moment the feedback stands first.

    A test's key presses come microseconds apart, as no hand presses them: each would be taken for the
    second of a double press (the platform's keyboard input interval, 400 ms, is that moment). The tests
    of that guard ask for `double_press_guard`, which sets the interval back.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    hints = request.getfixturevalue("qapp").styleHints()
    before = hints.keyboardInputInterval()
    hints.setKeyboardInputInterval(0)
    yield
    hints.setKeyboardInputInterval(before)


@pytest.fixture
def double_press_guard(qapp) -> int:
    """The keyboard input interval as on a desktop (400 ms): a key within it of an answer does not go on."""
    qapp.styleHints().setKeyboardInputInterval(400)
    return 400


@pytest.fixture
def store(data_dir: Path):
    """The history store in this test's data folder (a real SQLite file)."""
    from quizapp.core.history import HistoryStore

    with HistoryStore.open() as s:
        yield s


@pytest.fixture
def settings_dir(tmp_path_factory: pytest.TempPathFactory, qapp) -> Path:
    """QSettings go to a fresh temp folder in INI format for each test, Qt's own (its file dialog's) too."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))
    return folder


@pytest.fixture
def user_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, holding a Documents folder, as Qt's standard paths and file dialog see it;
    returns the Documents folder."""
    home = tmp_path_factory.mktemp("home")
    (home / "Documents").mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # (its user-dirs.dirs may name another Documents)
    return home / "Documents"


@pytest.fixture(scope="session")
def bundled_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundled folder holding only the hand-written bank and its article.

    GUI tests count and pick banks in the library; the generator's bank beside the
    hand-written one in questions/ would change those counts as it evolves.
    """
    root = tmp_path_factory.mktemp("bundled")
    (root / "questions").mkdir()
    shutil.copy2(BUNDLED_BANK, root / "questions" / BUNDLED_BANK.name)
    shutil.copytree(ROOT / "seeds", root / "seeds")
    return root / "questions"


@pytest.fixture(scope="session")
def bundled_bank_path(bundled_copy: Path) -> Path:
    return bundled_copy / BUNDLED_BANK.name


@pytest.fixture(scope="session")
def bundled_bank(bundled_bank_path: Path):
    """The bundled bank, loaded once (tests must not change it)."""
    from quizapp.core.bank import load_bank

    return load_bank(bundled_bank_path)


@pytest.fixture
def import_text(tmp_path: Path):
    """Import text written to a file of the given name: `import_text("q.gift", text, skipped=None)`."""
    def run(name: str, text: str, skipped: list | None = None):
        from quizapp.formats import import_bank_file

        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return import_bank_file(path, skipped=skipped)
    return run


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    """A writable copy of the bundled questions/ and seeds/; the hand-written bank's path."""
    shutil.copytree(ROOT / "questions", tmp_path / "questions")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "questions" / BUNDLED_BANK.name


# How long one modal dialog may stay open, with no task of the app running, before the test is failed as one that
# waits for an answer nobody gives. In the tests that answer dialogs each one closed within a quarter of a second; work
# off the GUI thread (the generator, a download) runs as long as it needs.
UNANSWERED_SECONDS = 10


class UnansweredDialogs:
    """Fails the test whose modal dialog stays open, unanswered, for `seconds`, and closes it.

    A dialog opened with exec() (or a file dialog of Qt's own) that the test does not expect runs its own event loop,
    which nothing else ends: the test, and the suite, hung for ever. A timer still fires in that loop: it sees the
    same dialog in front all the while, and ends it with a message that names it.
    """

    def __init__(self, seconds: float = UNANSWERED_SECONDS) -> None:
        from PySide6.QtCore import QTimer

        self.seconds = seconds
        self.dialog: object = None
        self.since = 0.0
        self.timer = QTimer()
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        from PySide6.QtCore import QThreadPool
        from PySide6.QtWidgets import QApplication, QDialog

        modal = QApplication.activeModalWidget()
        now = time.monotonic()
        if modal is None or modal is not self.dialog or QThreadPool.globalInstance().activeThreadCount():
            self.dialog, self.since = modal, now
            return
        if now - self.since < self.seconds:
            return
        self.dialog = None
        title, kind = modal.windowTitle(), type(modal).__name__
        text = modal.text() if hasattr(modal, "text") else ""
        if isinstance(modal, QDialog):
            modal.done(QDialog.DialogCode.Rejected)  # (ends its exec(), and the test goes on to fail)
        else:
            modal.close()
        raise AssertionError(f"a modal dialog nobody answered was closed after {self.seconds:g} s: {kind} "
                             f"{title!r} {text!r}")

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture(autouse=True)
def no_blocking_dialogs(request: pytest.FixtureRequest,
                        monkeypatch: pytest.MonkeyPatch) -> Iterator[UnansweredDialogs | None]:
    """A dialog nobody answers would hang an offscreen test for ever: fail instead.

    A message box asked for by QMessageBox's functions fails at once; tests that expect such a question patch
    QMessageBox themselves (their patch wins). Any other modal dialog fails the test once it has stayed open,
    unanswered, for UNANSWERED_SECONDS (see UnansweredDialogs, which the fixture gives a test of a Qt application).
    """
    try:
        from PySide6.QtWidgets import QMessageBox
    except ImportError:  # pragma: no cover
        yield None
        return

    def refuse(*args, **kwargs):
        raise AssertionError(f"an unexpected message box was opened: {args[1:3]}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield None  # (a test without a Qt application opens no dialog)
        return
    request.getfixturevalue("qapp")
    watch = UnansweredDialogs()
    yield watch
    watch.stop()


@pytest.fixture
def main_window(qtbot, settings_dir: Path, data_dir: Path, bundled_copy: Path):
    """The app's main window on the bundled banks, shown, with its library loaded."""
    from quizapp.gui.app import create_app
    from quizapp.gui.main_window import MainWindow

    create_app()
    window = MainWindow(data_dir=data_dir, bundled_dir=bundled_copy)
    window.library.refresh()

    def before_close(w) -> None:
        if w._quiz is not None:  # closing mid-quiz asks first, and no one would answer
            w._quiz.confirm_leave = w._quiz.confirm_quit = lambda _parent: True
        if "quizapp.gui.editor" in sys.modules:  # so does closing an editor with changes (quitting closes it)
            from quizapp.gui.editor import open_editors

            for editor in open_editors():
                editor.undo_stack.setClean()

    qtbot.addWidget(window, before_close_func=before_close)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.library.loading and window.library.list.count() > 0)
    return window


def on_modal(qtbot, action) -> None:
    """Run `action(dialog)` on the next modal dialog, once it is open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        action(dialog)

    QTimer.singleShot(0, poll)


def press_on_modal(qtbot, key: str, modifier=None, texts: list[str] | None = None) -> list[str]:
    """Press `key` (with `modifier`, Alt for a button's mnemonic) on the focused widget of the next
    modal dialog, once it is open and active, as a person would; the list gets the dialog's title
    (and `texts` the text of a message box)."""
    from PySide6.QtCore import Qt

    titles: list[str] = []

    def press(dialog) -> None:  # type: ignore[no-untyped-def]
        titles.append(dialog.windowTitle())
        if texts is not None:
            texts.append(dialog.text())
        dialog.activateWindow()  # what the window manager does with a new dialog (offscreen has none)
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog.focusWidget() or dialog, key, modifier or Qt.KeyboardModifier.NoModifier)
        try:  # a mnemonic clicks its button after a short animation
            qtbot.waitUntil(lambda: not dialog.isVisible())
        except qtbot.TimeoutError:
            titles.append(f"{key!r} did not close it")  # the test fails on this, instead of hanging
            dialog.reject()

    on_modal(qtbot, press)
    return titles


class Steps:
    """What a person does while modal dialogs run: each step waits until its dialog is the active modal one
    with the focus in it (and `ready` says so), then acts. Steps left when the test goes on are dropped."""

    todo: list[tuple[type, Callable[[Any], bool], Callable[[Any], None]]]

    def __init__(self) -> None:
        self.todo = []
        self.running = False

    def then(self, kind: type, act: Callable[[Any], None],
             ready: Callable[[Any], bool] = lambda _dialog: True) -> Steps:
        self.todo.append((kind, ready, act))
        return self

    def __enter__(self) -> Steps:
        from PySide6.QtCore import QTimer

        self.running = True
        QTimer.singleShot(0, self._poll)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.running = False

    def _poll(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        # A fresh single shot each time: a step may open a modal dialog, and a timer does not fire again
        # while its own slot still runs.
        if not self.running or not self.todo:
            return
        QTimer.singleShot(10, self._poll)
        kind, ready, act = self.todo[0]
        modal, focus = QApplication.activeModalWidget(), QApplication.focusWidget()
        if isinstance(modal, kind) and focus is None:
            modal.activateWindow()  # as the window manager does when the dialog above it closes
        elif isinstance(modal, kind) and focus.window() is modal and ready(modal):
            self.todo.pop(0)
            try:
                act(modal)
            except BaseException:
                modal.done(0)  # the test fails, rather than waiting for ever on a dialog nobody closes
                raise


def key(qtbot, k: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key pressed on whatever has the focus."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget(), k, Qt.KeyboardModifier.NoModifier if modifier is None else modifier)


def alt(qtbot, letter: str) -> None:
    """Alt and a letter: the underlined letter of a button or a field's label."""
    from PySide6.QtCore import Qt

    key(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)


def discard_on_teardown(dialog) -> None:
    """Tests end with questions under review: close without the real "Discard them?" box blocking."""
    dialog.review.clear()


def generate_from_seed(qtbot, monkeypatch: pytest.MonkeyPatch, suffix: str, count: int) -> None:
    """Answer the next "new bank from article" with the seed article, saved as
    mali-helicopter-collision-<suffix>.yaml, `count` questions generated and accepted."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(SEED)], "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda _p, _t, default, _f: (default.replace(".yaml", f"-{suffix}"), "")))

    def review(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.choose_articles()  # the article's file, from the file dialog above
        dialog.max_questions.setValue(count)
        dialog.generation_finished.connect(lambda ok: dialog.ok_button.click())
        dialog.generate_button.click()

    on_modal(qtbot, review)


@contextmanager
def child_process(args: list[str], **popen) -> Iterator[subprocess.Popen]:  # type: ignore[no-untyped-def]
    """A child process for a test to talk to and kill; never left running, whatever the test does."""
    proc = subprocess.Popen(args, text=True, **popen)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def kill_hard(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """SIGKILL, as a power cut would: no handler, no atexit, no flush."""
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
