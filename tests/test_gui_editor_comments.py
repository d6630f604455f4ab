"""Comments in a bank are never dropped without a word. Whatever way its text becomes the form (opening
straight into it, fixing a file that is not valid YAML, editing the bank as text), the first save that
would drop comments names them and asks, as a teacher at the keyboard sees it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from quizapp.core.bank import load_bank
from quizapp.gui.editor import BankEditor
from tests.conftest import alt, key, press_on_modal
from tests.test_gui_editor_problems import open_shown as open_editor

# A note above the questions it is about, as a teacher keeps one in a file written by hand.
NOTE = "  # Dates: checked against the article on Monday"
# The real question box (taken before a test's fixtures refuse every message box): these tests expect it.
ASK = QMessageBox.question


@pytest.fixture(autouse=True)
def questions_are_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", ASK)


def with_note(bank_file: Path) -> tuple[str, int]:
    """The bundled bank's text with NOTE above its question on Barkhane's start, and NOTE's line."""
    text = bank_file.read_text(encoding="utf-8").replace("  - id: barkhane-start\n",
                                                          NOTE + "\n  - id: barkhane-start\n", 1)
    return text, text.splitlines().index(NOTE) + 1


def edit_as_text(editor: BankEditor) -> None:
    edit_menu = editor.menuBar().actions()[1].menu()
    next(a for a in edit_menu.actions() if a.text() == "Edit bank as &text (YAML)").trigger()
    assert QApplication.focusWidget() is editor.source_edit


def check_and_continue(qtbot, editor: BankEditor) -> None:
    alt(qtbot, "c")
    qtbot.waitUntil(lambda: editor.pages.currentIndex() == 0)  # (the button clicks after its animation)


def save_and_answer(qtbot, editor: BankEditor, answer: str | Qt.Key, *, save_as: bool = False,
                    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.AltModifier) -> tuple[list[str], list[str]]:
    """Ctrl+S (Ctrl+Shift+S: Save As), and Alt+`answer` (or `modifier`+`answer`) on the question it asks: the
    titles and texts asked."""
    editor.activateWindow()  # back from a dialog, as the window manager does (offscreen has none)
    qtbot.waitUntil(editor.isActiveWindow)
    texts: list[str] = []
    titles = press_on_modal(qtbot, answer, modifier, texts)
    shift = Qt.KeyboardModifier.ShiftModifier if save_as else Qt.KeyboardModifier.NoModifier
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | shift)
    qtbot.waitUntil(lambda: bool(titles))
    return titles, texts


def test_a_file_fixed_as_text_asks_before_its_comments_are_lost(qtbot, bank_file: Path) -> None:
    """The tester's walk: a file with a comment and one line's indent broken opens as text; click the
    problem, Home, a space, Check and continue, Ctrl+S."""
    text, line = with_note(bank_file)
    broken = text.replace("    prompt: Which two helicopters", "   prompt: Which two helicopters", 1)
    bank_file.write_text(broken, encoding="utf-8")
    editor = open_editor(qtbot, bank_file)
    assert editor.pages.currentIndex() == 1  # the file opened as text
    problem = editor.source_problems.item(0)
    qtbot.mouseClick(editor.source_problems.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.source_problems.visualItemRect(problem).center())
    assert QApplication.focusWidget() is editor.source_edit
    key(qtbot, Qt.Key.Key_Home)
    key(qtbot, Qt.Key.Key_Space)
    check_and_continue(qtbot, editor)

    titles, texts = save_and_answer(qtbot, editor, "n")
    assert titles == ["Comments will be lost"]
    assert f'line {line} "{NOTE.strip()}"' in texts[0]
    assert bank_file.read_text(encoding="utf-8") == broken  # No: the file is as it was

    titles, _texts = save_and_answer(qtbot, editor, "y")
    assert titles == ["Comments will be lost"]
    saved = bank_file.read_text(encoding="utf-8")
    assert NOTE not in saved and load_bank(bank_file).bank.question("helicopter-types")


def test_a_comment_typed_in_the_text_is_asked_about(qtbot, bank_file: Path) -> None:
    """Edit > Edit bank as text, a comment typed above a question, Check and continue, Ctrl+S."""
    editor = open_editor(qtbot, bank_file)
    edit_as_text(editor)
    cursor = editor.source_edit.document().find("  - id: soldiers-killed")
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    editor.source_edit.setTextCursor(cursor)  # where a click puts it
    qtbot.keyClicks(QApplication.focusWidget(), "  # keep: Q1 checked by HoD")
    key(qtbot, Qt.Key.Key_Return)
    line = editor.source_edit.toPlainText().splitlines().index("  # keep: Q1 checked by HoD") + 1
    check_and_continue(qtbot, editor)

    asked = press_on_modal(qtbot, "c", Qt.KeyboardModifier.AltModifier)  # Cancel
    assert not editor.close()  # only a comment typed, but something to save: closing asks
    assert asked == ["Unsaved changes"] and editor.isWindowModified()

    titles, texts = save_and_answer(qtbot, editor, "n")
    assert titles == ["Comments will be lost"]
    assert f'line {line} "# keep: Q1 checked by HoD"' in texts[0]
    assert "Q1 checked" not in bank_file.read_text(encoding="utf-8")


def test_comments_typed_after_a_save_are_asked_about_again(qtbot, bank_file: Path) -> None:
    text, _line = with_note(bank_file)
    bank_file.write_text(text, encoding="utf-8")
    editor = open_editor(qtbot, bank_file)
    editor.list.setCurrentRow(0)
    qtbot.keyClicks(editor.form.widgets["unit"], "s")  # (a change in the form, to save)
    titles, _texts = save_and_answer(qtbot, editor, "y")
    assert titles == ["Comments will be lost"]  # the file's note, and its key order
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    edit_as_text(editor)
    cursor = editor.source_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.source_edit.setTextCursor(cursor)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "# to check again")
    check_and_continue(qtbot, editor)
    titles, texts = save_and_answer(qtbot, editor, "n")
    assert titles == ["Comments will be lost"] and "# to check again" in texts[0]


def test_the_files_comments_lost_in_the_form_are_still_named(qtbot, bank_file: Path) -> None:
    """A bank changed in the form shows as text as saving writes it, without the file's comments:
    going back from the text must not forget them."""
    text, line = with_note(bank_file)
    bank_file.write_text(text, encoding="utf-8")
    editor = open_editor(qtbot, bank_file)
    editor.list.setCurrentRow(0)
    qtbot.keyClicks(editor.form.widgets["unit"], "s")
    edit_as_text(editor)
    assert NOTE not in editor.source_edit.toPlainText()
    check_and_continue(qtbot, editor)
    titles, texts = save_and_answer(qtbot, editor, "n")
    assert titles == ["Comments will be lost"] and f'line {line} "{NOTE.strip()}"' in texts[0]


def test_save_as_asks_only_about_comments_the_file_does_not_keep(qtbot, bank_file: Path, monkeypatch) -> None:
    """Save As leaves the file, its comments and all, as it is; a comment typed in the text is in no file."""
    from PySide6.QtWidgets import QFileDialog

    text, _line = with_note(bank_file)
    bank_file.write_text(text, encoding="utf-8")
    editor = open_editor(qtbot, bank_file)
    edit_as_text(editor)
    cursor = editor.source_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.source_edit.setTextCursor(cursor)
    qtbot.keyClicks(QApplication.focusWidget(), "# typed")
    check_and_continue(qtbot, editor)
    copy = bank_file.with_name("copy.yaml")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy), "")))
    titles, texts = save_and_answer(qtbot, editor, "n", save_as=True)
    assert titles == ["Comments will be lost"]
    assert "# typed" in texts[0] and "Dates" not in texts[0]  # the note stays in the file
    assert not copy.exists()
    save_and_answer(qtbot, editor, "y", save_as=True)
    qtbot.waitUntil(copy.exists)
    assert NOTE in bank_file.read_text(encoding="utf-8") and "# typed" not in copy.read_text(encoding="utf-8")


def test_enter_on_comments_will_be_lost_keeps_them(qtbot, bank_file: Path, monkeypatch) -> None:
    """The safe choice is the default: Enter on the question, at Save, Save As and Close → Save, keeps the file
    with its comments and writes nothing."""
    from PySide6.QtWidgets import QFileDialog

    text, _line = with_note(bank_file)
    bank_file.write_text(text, encoding="utf-8")
    editor = open_editor(qtbot, bank_file)
    editor.list.setCurrentRow(0)
    qtbot.keyClicks(editor.form.widgets["unit"], "s")  # (a change in the form, to save)
    enter, plain = Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier

    titles, _texts = save_and_answer(qtbot, editor, enter, modifier=plain)  # Ctrl+S
    assert titles == ["Comments will be lost"] and bank_file.read_text(encoding="utf-8") == text

    # Save As onto the file itself (another file keeps none of them to lose: it does not ask).
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(bank_file), "")))
    titles, _texts = save_and_answer(qtbot, editor, enter, modifier=plain, save_as=True)
    assert titles == ["Comments will be lost"] and bank_file.read_text(encoding="utf-8") == text

    asked: list[str] = []

    def press_on(title: str, k: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
        """Press `k` on the box titled `title` once it is the active modal one (the box before it may still be
        closing)."""
        def poll() -> None:
            box = QApplication.activeModalWidget()
            if box is None or box.windowTitle() != title or not box.isVisible():
                QTimer.singleShot(10, poll)
                return
            asked.append(title)
            box.activateWindow()  # as the window manager does (offscreen has none)
            qtbot.waitUntil(box.isActiveWindow)
            qtbot.keyClick(box.focusWidget() or box, k, modifier)
        QTimer.singleShot(0, poll)

    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    press_on("Unsaved changes", Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Save
    press_on("Comments will be lost", enter, plain)
    assert not editor.close()
    assert asked == ["Unsaved changes", "Comments will be lost"]
    assert editor.isVisible() and editor.isWindowModified() and bank_file.read_text(encoding="utf-8") == text
