"""Long names fit where they are shown: a bank's title in the quiz header, a source key, many articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from quizapp.core.session import Mode, QuizOptions, start_quiz
from quizapp.gui.editor import BankEditor
from tests.conftest import SEED, alt, key
from tests.test_gui_editor import discard_on_teardown

TITLE = ("The French helicopter collision in Mali, and what it means for the operation across the Sahel, "
         "explained for students")
CITE = "A collision of two helicopters killed 13 French soldiers"


def write_bank(folder: Path, *, title: str = "Mali", keys: tuple[str, ...] = ("mali",)) -> Path:
    """A bank of one question citing the first of `keys`, each key an article (a copy of the seed) of its name."""
    for name in keys:
        shutil.copy(SEED, folder / f"{name}.txt")
    question = {"id": "killed", "type": "numeric", "prompt": "How many soldiers were killed?", "answer": 13,
                "cite": {"source": keys[0], "quote": CITE} if len(keys) > 1 else {"quote": CITE}}
    bank = {"title": title, "sources": {name: {"file": f"{name}.txt"} for name in keys}, "questions": [question]}
    path = folder / "bank.yaml"
    path.write_text(yaml.safe_dump(bank, sort_keys=False), encoding="utf-8")
    return path


def shown(label: QLabel) -> str:
    """The text the label draws (its `text()` is the whole text)."""
    return QLabel.text(label)


def shown_editor(qtbot: QtBot, path: Path) -> BankEditor:
    editor = BankEditor.open_file(path)
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.resize(1000, 720)
    editor.show()
    qtbot.waitExposed(editor)
    editor.list.setCurrentRow(0)
    return editor


def test_a_long_bank_title_ends_in_an_ellipsis_before_the_question_number(qtbot: QtBot, main_window,
                                                                          tmp_path: Path) -> None:
    window = main_window
    window.resize(800, 600)
    window.run_session(start_quiz(load_bank(write_bank(tmp_path, title=TITLE)), QuizOptions(mode=Mode.PRACTICE)))
    quiz = window.quiz
    title = quiz.bank_title
    qtbot.waitUntil(lambda: shown(title).endswith("…"))
    assert TITLE.startswith(shown(title)[:-1]) and title.toolTip() == TITLE
    assert title.fontMetrics().horizontalAdvance(shown(title)) <= title.contentsRect().width()
    # Too long to stand whole beside "Question 1 of 1", it has a line of its own above it.
    assert title.mapTo(quiz, QPoint(0, title.height())).y() <= quiz.position.mapTo(quiz, QPoint(0, 0)).y()
    # Wide enough, it shows whole.
    window.resize(1600, 600)
    qtbot.waitUntil(lambda: shown(title) == TITLE)


def test_the_source_box_is_as_wide_as_its_key(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    editor = shown_editor(qtbot, write_bank(tmp_path))
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    # The teacher adds a second article, then picks it as the question's source.
    shutil.copy(SEED, tmp_path / "harbour-report.txt")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a, **_k: (str(tmp_path / "harbour-report.txt"), "")))
    alt(qtbot, "r")  # Add article...
    qtbot.waitUntil(lambda: editor.form.source_box.findText("harbour-report") >= 0)
    alt(qtbot, "s")  # Source
    box = editor.form.source_box
    assert QApplication.focusWidget() is box
    while box.currentText() != "harbour-report":
        key(qtbot, Qt.Key.Key_Down)
    option = QStyleOptionComboBox()

    def field_width() -> int:
        box.initStyleOption(option)
        return box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                          QStyle.SubControl.SC_ComboBoxEditField, box).width()

    qtbot.waitUntil(lambda: field_width() >= box.fontMetrics().horizontalAdvance("harbour-report"))


def test_many_articles_leave_the_title_field_its_room(qtbot: QtBot, tmp_path: Path) -> None:
    keys = tuple(f"regional-council-flood-report-{n}" for n in range(8))
    editor = shown_editor(qtbot, write_bank(tmp_path, keys=keys))
    title = editor.title_edit
    QApplication.processEvents()
    assert title.width() >= title.fontMetrics().horizontalAdvance("x" * 30)
    label = editor.sources_label
    assert shown(label).endswith("…")
    assert all(f"{name}.txt" in label.toolTip() for name in keys)
    # beside the title, on its line (each is in a box of its own: compared where they are in the window)
    assert label.mapTo(editor, QPoint(0, 0)).x() > title.mapTo(editor, QPoint(title.width(), 0)).x()
    assert label.mapTo(editor, QPoint(0, 0)).y() < title.mapTo(editor, QPoint(0, title.height())).y()
