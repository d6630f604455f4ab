"""File > Import of a file with many problems at the largest text on a small screen: the box that lists them fits the
screen, its OK in view, and its list scrolls with the keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from tests.conftest import Steps, alt, key
from tests.test_gui_largest_text_room import largest_text_by_keys, normal_again  # noqa: F401 (a fixture)
from tests.test_gui_small_screen import SMALL

CTRL = Qt.KeyboardModifier.ControlModifier


def bad_gift(folder: Path, count: int) -> Path:
    """A GIFT file of `count` questions, each with its answers' `{` never closed."""
    path = folder / "many-bad.gift"
    path.write_text("".join(f"::q{i}:: What is the capital of country number {i}? {{=Paris ~Lyon\n\n"
                            for i in range(count)), encoding="utf-8")
    return path


def on_screen(widget) -> QRect:  # type: ignore[no-untyped-def]
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def choose_file(qtbot: QtBot, path: Path):  # type: ignore[no-untyped-def]
    """Fill in the open dialog of File > Import as a person does: the file's name (Alt+N), Enter."""
    def fill_in(dialog: QFileDialog) -> None:
        alt(qtbot, "n")
        key(qtbot, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(QApplication.focusWidget(), str(path))
        key(qtbot, Qt.Key.Key_Return)
    return fill_in


def test_many_problems_of_an_import_fit_the_screen_at_the_largest_text(qtbot: QtBot, main_window, tmp_path: Path,
                                                                      normal_again: None) -> None:  # noqa: F811
    """40 problems at 28 pt made a box 2,550 pixels tall on an 800x600 screen: its OK was out of sight."""
    window = main_window
    window.resize(SMALL)
    largest_text_by_keys(qtbot, window)
    source = bad_gift(tmp_path, 40)
    seen: list[str] = []

    def look(box: QDialog) -> None:
        seen.append(box.windowTitle())
        # Over the window, within the screen's free area (where the window manager puts its frame is its own).
        available = box.screen().availableGeometry()
        assert window.geometry().contains(box.geometry()), (box.geometry(), window.geometry())
        assert available.contains(box.geometry()), (box.geometry(), available)
        ok = QApplication.focusWidget()  # a message box's default button has the focus at first
        assert isinstance(ok, QPushButton) and ok.isDefault() and ok.text() == "OK" and ok.isVisible()
        assert box.rect().contains(QRect(ok.mapTo(box, QPoint(0, 0)), ok.size()))
        assert available.contains(on_screen(ok))

        key(qtbot, Qt.Key.Key_Tab)  # to the list of problems
        problems = QApplication.focusWidget()
        assert isinstance(problems, QAbstractScrollArea) and problems.window() is box
        bar = problems.verticalScrollBar()
        assert bar.isVisible() and bar.value() == 0 and bar.maximum() > 0  # not all 40 in view: they scroll
        key(qtbot, Qt.Key.Key_PageDown)
        assert bar.value() > 0
        key(qtbot, Qt.Key.Key_End, CTRL)
        assert bar.value() == bar.maximum()
        # A teacher copies the problems to fix them: all of them, each by its line.
        key(qtbot, Qt.Key.Key_A, CTRL)
        key(qtbot, Qt.Key.Key_C, CTRL)
        copied = QApplication.clipboard().text().splitlines()
        assert copied[0] == "Line 1: the `{` of the answers is never closed with `}`"
        assert len(copied) == 40 and copied[-1].startswith("Line 79: ")
        key(qtbot, Qt.Key.Key_Return)  # OK, from the list too
        qtbot.waitUntil(lambda: not box.isVisible())

    with Steps().then(QFileDialog, choose_file(qtbot, source)).then(QDialog, look):
        key(qtbot, Qt.Key.Key_I, CTRL)  # File > Import…
    assert seen == ["Nothing imported"]
    assert not source.with_suffix(".yaml").exists()


def test_a_few_problems_are_shown_whole_without_scrolling(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    """Where there is room the box is as tall as its lines: none of three is scrolled out of sight."""
    main_window.resize(QSize(1000, 700))
    source = bad_gift(tmp_path, 3)
    shown: list[tuple[str, int]] = []

    def look(box: QDialog) -> None:
        key(qtbot, Qt.Key.Key_Tab)
        problems = QApplication.focusWidget()
        assert isinstance(problems, QAbstractScrollArea)
        shown.append((problems.toPlainText(), problems.verticalScrollBar().maximum()))
        key(qtbot, Qt.Key.Key_Escape)

    with Steps().then(QFileDialog, choose_file(qtbot, source)).then(QDialog, look):
        key(qtbot, Qt.Key.Key_I, CTRL)
    [(text, scroll)] = shown
    assert text.splitlines() == [f"Line {n}: the `{{` of the answers is never closed with `}}`" for n in (1, 3, 5)]
    assert scroll == 0


def test_questions_that_cannot_be_asked_are_listed_and_enter_imports_the_others(
        qtbot: QtBot, main_window, tmp_path: Path, normal_again: None) -> None:  # noqa: F811
    """"Import the others?" under 25 essays, at the largest text on a small screen: Yes and No in view, Yes the
    default."""
    window = main_window
    window.resize(SMALL)
    largest_text_by_keys(qtbot, window)
    source = tmp_path / "essays.gift"
    source.write_text("::capital:: What is the capital of Mali? {=Bamako ~Dakar}\n\n" + "".join(
        f"::essay{i}:: Write about the history of country number {i}. {{}}\n\n" for i in range(25)), encoding="utf-8")
    target = tmp_path / "kept.yaml"
    asked: list[str] = []

    def answer(box: QDialog) -> None:
        asked.append(box.windowTitle())
        available = box.screen().availableGeometry()
        assert window.geometry().contains(box.geometry()) and available.contains(box.geometry())
        yes = QApplication.focusWidget()
        assert isinstance(yes, QPushButton) and yes.isDefault() and yes.text() == "&Yes"
        buttons = [b for b in box.findChildren(QPushButton) if b.isVisible()]
        assert sorted(b.text() for b in buttons) == ["&No", "&Yes"]
        assert all(box.rect().contains(QRect(b.mapTo(box, QPoint(0, 0)), b.size())) for b in buttons)
        key(qtbot, Qt.Key.Key_Return)

    def save_as(dialog: QFileDialog) -> None:
        asked.append(dialog.windowTitle())
        choose_file(qtbot, target)(dialog)

    steps = Steps().then(QFileDialog, choose_file(qtbot, source)).then(QDialog, answer).then(QFileDialog, save_as)
    with steps, qtbot.waitSignal(window.library.loaded):
        key(qtbot, Qt.Key.Key_I, CTRL)
    assert asked == ["Some questions cannot be imported", "Save the imported bank as"]
    assert [q.id for q in load_bank(target).bank.questions] == ["capital"]
