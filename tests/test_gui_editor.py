"""The bank editor driven as a teacher would: type, undo, save, close, external changes."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from quizapp.core.bank import load_bank
from quizapp.core.draft import backup_path
from quizapp.gui.editor import BankEditor
from tests.conftest import key, press_on_modal


def discard_on_teardown(editor: BankEditor) -> None:
    """Tests end with edits left over: close without the real Save? dialog blocking."""
    editor.undo_stack.setClean()
    editor.source_edit.setPlainText(editor.draft.disk_text or "")


@pytest.fixture
def editor(qtbot, bank_file: Path) -> BankEditor:
    ed = BankEditor.open_file(bank_file)
    qtbot.addWidget(ed, before_close_func=discard_on_teardown)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton,
                   **by_title: QMessageBox.StandardButton) -> list[str]:
    """Answer the editor's questions with `button` (or by_title[title]); return the titles asked."""
    asked: list[str] = []

    def question(_parent, title, _text, *_args, **_kwargs):
        asked.append(title)
        return by_title.get(title.replace(" ", "_"), button)

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_edit_undo_redo_save_and_reload(qtbot, editor: BankEditor, bank_file: Path) -> None:
    editor.list.setCurrentRow(0)
    prompt = editor.form.widgets["prompt"]
    prompt.selectAll()
    qtbot.keyClicks(prompt, "How many soldiers died?")
    assert editor.draft.question(0)["prompt"] == "How many soldiers died?"
    assert editor.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.draft.question(0)["prompt"].startswith("How many French soldiers were killed")
    assert prompt.toPlainText().startswith("How many French soldiers were killed")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.draft.question(0)["prompt"] == "How many soldiers died?"
    before = bank_file.read_text(encoding="utf-8")
    editor.draft.comments = []
    editor.draft.reordered = []  # the comment warning has its own test
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isWindowModified()
    assert backup_path(bank_file).read_text(encoding="utf-8") == before
    assert load_bank(bank_file).bank.questions[0].prompt == "How many soldiers died?"
    again = BankEditor.open_file(bank_file)
    qtbot.addWidget(again, before_close_func=discard_on_teardown)
    assert again.draft.data == editor.draft.data


def test_problems_show_beside_the_field_and_in_the_list(qtbot, editor: BankEditor) -> None:
    editor.list.setCurrentRow(2)
    type_into(qtbot, editor.form.widgets["answer"], "Mike Pompeo")
    qtbot.waitUntil(lambda: editor.form.errors["distractors"].isVisible())
    assert "is the same as the answer" in editor.form.errors["distractors"].text()
    assert editor.list.item(2).text().startswith("⚠")
    editor.problem_filter.setChecked(True)
    visible = [i for i in range(editor.list.count()) if not editor.list.isRowHidden(i)]
    assert visible == [2]


def test_add_delete_move_are_undoable(qtbot, editor: BankEditor) -> None:
    count = len(editor.draft.questions)
    editor.list.setCurrentRow(0)
    first, second = editor.draft.question(0)["id"], editor.draft.question(1)["id"]
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [q["id"] for q in editor.draft.questions[:2]] == [second, first]
    editor.add_question()
    editor.delete_question()
    editor.duplicate_question()
    assert len(editor.draft.questions) == count + 1
    for _ in range(4):
        editor.undo_stack.undo()
    assert [q["id"] for q in editor.draft.questions[:2]] == [first, second]
    assert len(editor.draft.questions) == count


def test_use_selection_as_citation(qtbot, editor: BankEditor) -> None:
    editor.list.setCurrentRow(0)
    text = editor.picker.text
    start = text.toPlainText().index("About 4,500 French troops")
    cursor = text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("About 4,500 French troops"), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    assert editor.picker.use_button.isEnabled()
    qtbot.mouseClick(editor.picker.use_button, Qt.MouseButton.LeftButton)
    assert editor.draft.question(0)["cite"] == {"quote": "About 4,500 French troops"}
    assert editor.form.text_of("quote") == "About 4,500 French troops"
    selections = text.extraSelections()
    highlight = selections[0].cursor
    highlighted = highlight.selectedText()
    assert highlighted == "About 4,500 French troops"
    editor.undo_stack.undo()
    assert editor.draft.question(0)["cite"]["quote"].startswith("A collision of two helicopters")


def test_close_guard(qtbot, editor: BankEditor, bank_file: Path, monkeypatch) -> None:
    before = bank_file.read_text(encoding="utf-8")
    editor.list.setCurrentRow(1)
    type_into(qtbot, editor.form.widgets["answer"], "a Tiger and a Puma")
    asked = press_on_modal(qtbot, "c", Qt.KeyboardModifier.AltModifier)  # Cancel
    assert not editor.close()
    assert asked == ["Unsaved changes"] and editor.isVisible()
    asked = press_on_modal(qtbot, "s", Qt.KeyboardModifier.AltModifier)  # Save
    layout = answer_dialogs(monkeypatch, QMessageBox.StandardButton.No,
                            The_layout_will_change=QMessageBox.StandardButton.Yes)
    assert editor.close()
    assert asked == ["Unsaved changes"] and layout == ["The layout will change"]  # (opening comments are kept)
    assert bank_file.read_text(encoding="utf-8") != before
    assert load_bank(bank_file).bank.question("helicopter-types").answer == "a Tiger and a Puma"


def test_close_without_changes_asks_nothing(editor: BankEditor, monkeypatch) -> None:
    asked = answer_dialogs(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert editor.close()
    assert asked == []


def test_external_change_without_local_edits_reloads(qtbot, editor: BankEditor, bank_file: Path) -> None:
    text = bank_file.read_text(encoding="utf-8").replace("title: French helicopter", "title: Two helicopters")
    bank_file.write_text(text, encoding="utf-8")
    qtbot.waitUntil(lambda: editor.draft.data["title"].startswith("Two helicopters"), timeout=5000)
    assert editor.title_edit.text().startswith("Two helicopters")


def test_external_change_with_local_edits_asks(qtbot, editor: BankEditor, bank_file: Path) -> None:
    editor.list.setCurrentRow(0)
    type_into(qtbot, editor.form.widgets["unit"], "people")
    text = bank_file.read_text(encoding="utf-8").replace("title: French helicopter", "title: Two helicopters")
    bank_file.write_text(text, encoding="utf-8")
    qtbot.waitUntil(editor.disk_bar.isVisible, timeout=5000)
    assert editor.draft.question(0)["unit"] == "people"
    editor.keep_mine()
    assert editor.isWindowModified()
    editor.draft.comments = []
    editor.draft.reordered = []
    assert editor.save()
    saved = load_bank(bank_file).bank
    assert saved.title == "French helicopter collision in Mali"
    assert saved.questions[0].unit == "people"


def test_external_change_reload_choice(qtbot, editor: BankEditor, bank_file: Path) -> None:
    editor.list.setCurrentRow(0)
    type_into(qtbot, editor.form.widgets["unit"], "people")
    bank_file.write_text(bank_file.read_text(encoding="utf-8").replace("unit: soldiers", "unit: men", 1),
                         encoding="utf-8")
    qtbot.waitUntil(editor.disk_bar.isVisible, timeout=5000)
    editor.reload_from_disk()
    assert editor.draft.question(0)["unit"] == "men"
    assert not editor.isWindowModified() and not editor.disk_bar.isVisible()


def test_comments_warning_before_they_are_lost(qtbot, bank_file: Path, monkeypatch) -> None:
    text = bank_file.read_text(encoding="utf-8").replace("questions:\n", "questions:\n# checked twice\n", 1)
    bank_file.write_text(text, encoding="utf-8")
    editor = BankEditor.open_file(bank_file)
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.show()
    qtbot.waitExposed(editor)
    inner = text[:text.index("# checked twice")].count("\n") + 1
    assert [c.line for c in editor.draft.comments] == [inner]  # the opening comments are kept: no loss to warn of
    editor.list.setCurrentRow(0)
    type_into(qtbot, editor.form.widgets["unit"], "people")
    asked = answer_dialogs(monkeypatch, QMessageBox.StandardButton.No)
    assert not editor.save()
    assert asked == ["Comments will be lost"]
    assert "# checked twice" in bank_file.read_text(encoding="utf-8")
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
    assert editor.save()
    saved = bank_file.read_text(encoding="utf-8")
    assert "# checked twice" not in saved
    assert saved.startswith("# yaml-language-server: $schema=../docs/bank.schema.json\n# Written by hand")


def test_failed_save_keeps_the_edits(qtbot, editor: BankEditor, bank_file: Path, monkeypatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text, *a, **k: errors.append(text))
    editor.draft.comments = []
    editor.draft.reordered = []
    editor.list.setCurrentRow(0)
    type_into(qtbot, editor.form.widgets["unit"], "people")
    shutil.rmtree(bank_file.parent)  # the folder is gone: the write must fail
    assert not editor.save()
    assert "could not be saved" in errors[0]
    assert editor.isWindowModified()
    assert editor.draft.question(0)["unit"] == "people"


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """`path` made immutable (chattr +i): a save over it fails with "Operation not permitted", as the
    superuser too; made mutable again afterwards, or the test's folder could not be removed."""
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("this file system or user cannot make a file immutable")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_failed_save_leaves_the_folder_as_it_was(qtbot, editor: BankEditor, bank_file: Path, monkeypatch) -> None:
    """A save of a bank that could not be replaced still wrote its .bak (over the one of the save before)."""
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text, *a, **k: errors.append(text))
    editor.draft.comments = []
    editor.draft.reordered = []
    backup_path(bank_file).write_text("the bank as the save before left it\n", encoding="utf-8")
    editor.list.setCurrentRow(0)
    type_into(qtbot, editor.form.widgets["unit"], "people")
    folder = {p.name: p.read_bytes() for p in bank_file.parent.iterdir()}
    with immutable(bank_file):
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(errors))
    assert "could not be saved (Operation not permitted)" in errors[0]
    assert {p.name: p.read_bytes() for p in bank_file.parent.iterdir()} == folder
    assert editor.isWindowModified() and editor.draft.question(0)["unit"] == "people"


def test_broken_file_opens_at_its_problem(qtbot, bank_file: Path) -> None:
    text = bank_file.read_text(encoding="utf-8").replace("  - id: mali-president", "  - id: [mali-president")
    bank_file.write_text(text, encoding="utf-8")
    ed = BankEditor.open_file(bank_file)
    qtbot.addWidget(ed, before_close_func=discard_on_teardown)
    assert ed.pages.currentIndex() == 1
    item = ed.source_problems.item(0)
    assert "not closed" in item.text()
    # the problem's line is tinted, as a code editor marks an error
    (mark,) = ed.source_edit.extraSelections()
    assert "- id: [mali-president" in mark.cursor.block().text()
    ed._go_to_line(item)
    line = ed.source_edit.textCursor().blockNumber() + 1
    assert "- id: [mali-president" in text.splitlines()[line - 1]
    ed.source_edit.setPlainText(text.replace("[mali-president", "mali-president"))
    assert ed.apply_source_text()
    assert ed.pages.currentIndex() == 0 and ed.isWindowModified()


def test_a_quote_left_open_is_marked_where_it_was_opened(qtbot, bank_file: Path) -> None:
    # A prompt's quote left open is closed by a quote mark some lines down, where PyYAML
    # stumbles; the line to tint and to go to is the prompt's.
    text = bank_file.read_text(encoding="utf-8")
    opened = next(line for line in text.splitlines() if line.startswith("    prompt: ") and '"' not in line)
    text = text.replace(opened, opened.replace("prompt: ", 'prompt: "'), 1)
    bank_file.write_text(text, encoding="utf-8")
    ed = BankEditor.open_file(bank_file)
    qtbot.addWidget(ed, before_close_func=discard_on_teardown)
    ed.show()
    qtbot.waitExposed(ed)
    assert ed.pages.currentIndex() == 1
    (item,) = [ed.source_problems.item(i) for i in range(ed.source_problems.count())]
    assert "the quote opened here is not closed on its line" in item.text()
    (mark,) = ed.source_edit.extraSelections()
    assert mark.cursor.block().text() == opened.replace("prompt: ", 'prompt: "')
    qtbot.mouseClick(ed.source_problems.viewport(), Qt.MouseButton.LeftButton,
                     pos=ed.source_problems.visualItemRect(item).center())
    assert ed.source_edit.textCursor().block().text() == mark.cursor.block().text()


def edit_as_text(qtbot, editor: BankEditor, after: str, typed: str) -> None:
    """Edit > Edit bank as text, then type `typed` at the end of the line that holds `after`."""
    edit_menu = editor.menuBar().actions()[1].menu()
    next(a for a in edit_menu.actions() if a.text() == "Edit bank as &text (YAML)").trigger()
    assert editor.pages.currentIndex() == 1 and QApplication.focusWidget() is editor.source_edit
    cursor = editor.source_edit.document().find(after)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.source_edit.setTextCursor(cursor)  # where a click puts it
    qtbot.keyClicks(QApplication.focusWidget(), typed)


def add_questions_action(editor: BankEditor):  # type: ignore[no-untyped-def]
    file_menu = editor.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text() == "Add questions from a&rticle...")


def add_two_questions_from_the_seed(qtbot, editor: BankEditor, bank_file: Path, monkeypatch) -> None:
    """File > Add questions from article… on the article the bank cites: two questions, added."""
    from PySide6.QtWidgets import QFileDialog

    from tests.conftest import SEED, on_modal

    article = bank_file.parent.parent / "seeds" / SEED.name
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(article)], "")))

    def generate_two(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.choose_articles()
        dialog.max_questions.setValue(2)
        dialog.generation_finished.connect(lambda ok: dialog.ok_button.click())
        dialog.generate_button.click()

    on_modal(qtbot, generate_two)
    add_questions_action(editor).trigger()


def test_add_questions_from_article_goes_on_from_the_text_being_edited(qtbot, editor: BankEditor, bank_file: Path,
                                                                        monkeypatch) -> None:
    editor.activateWindow()
    qtbot.waitActive(editor)
    count = len(editor.draft.questions)
    edit_as_text(qtbot, editor, "title: French helicopter collision in Mali", " (edited)")
    add_two_questions_from_the_seed(qtbot, editor, bank_file, monkeypatch)
    # The text's edit and the new questions are both in the bank, back in the form.
    assert editor.pages.currentIndex() == 0
    assert editor.draft.data["title"] == editor.title_edit.text() == "French helicopter collision in Mali (edited)"
    assert len(editor.draft.questions) == count + 2
    assert editor.draft.check().ok


def test_add_questions_from_article_is_refused_while_the_text_does_not_parse(qtbot, editor: BankEditor,
                                                                              monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text, *a, **k: warnings.append(text))
    editor.activateWindow()
    qtbot.waitActive(editor)
    from quizapp.gui.generate_dialog import GenerateDialog
    from tests.conftest import Steps

    edit_as_text(qtbot, editor, "title: French helicopter collision in Mali", ": oops")
    text = editor.source_edit.toPlainText()
    line = text.splitlines().index("title: French helicopter collision in Mali: oops") + 1
    opened: list[GenerateDialog] = []
    with Steps().then(GenerateDialog, lambda dialog: (opened.append(dialog), dialog.done(0))):
        add_questions_action(editor).trigger()
    assert opened == []
    assert warnings == [f"Line {line}: put the value after `title:` on line 4 in quotes, as it has a `: ` in it "
                        "(YAML: mapping values are not allowed in this context).\n\n"
                        "Fix it first (see the problems list); nothing has "
                        "been lost."]
    assert editor.pages.currentIndex() == 1 and editor.source_edit.toPlainText() == text
    assert editor.source_edit.textCursor().blockNumber() + 1 == line


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def active_editor(qtbot, editor: BankEditor) -> BankEditor:
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.list.setCurrentRow(0)
    return editor


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the cursor is, as a person presses it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def test_undo_in_a_field_goes_back_and_can_be_redone(qtbot, active_editor: BankEditor) -> None:
    editor = active_editor
    original = editor.draft.question(0)["prompt"]
    qtbot.mouseClick(editor.form.widgets["prompt"].viewport(), Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_A, CTRL)
    press(qtbot, Qt.Key.Key_Delete)
    assert editor.form.text_of("prompt") == "" and "prompt" not in editor.draft.question(0)
    assert editor.isWindowModified()

    press(qtbot, Qt.Key.Key_Z, CTRL)  # still in the field
    assert QApplication.focusWidget() is editor.form.widgets["prompt"]
    assert editor.form.text_of("prompt") == original == editor.draft.question(0)["prompt"]
    assert not editor.isWindowModified()  # back where it was saved
    assert editor.redo_action.isEnabled() and not editor.undo_action.isEnabled()

    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.form.text_of("prompt") == "" and editor.isWindowModified()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.form.text_of("prompt") == original

    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.list.visualItemRect(editor.list.item(1)).center())
    assert QApplication.focusWidget() is editor.list
    press(qtbot, Qt.Key.Key_Up)
    assert editor.list.currentRow() == 0
    press(qtbot, Qt.Key.Key_Z, CTRL)  # nothing left to undo: the prompt stays
    assert editor.draft.question(0)["prompt"] == original
    assert not editor.isWindowModified()


def test_typing_a_value_is_one_undo_step(qtbot, active_editor: BankEditor) -> None:
    editor = active_editor
    assert editor.draft.question(0)["answer"] == 13
    answer = editor.form.widgets["answer"]
    qtbot.mouseClick(answer, Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(answer, "4,500")
    press(qtbot, Qt.Key.Key_Tab)  # on to the next field: a second visit is a second step
    qtbot.mouseClick(editor.form.widgets["unit"], Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_End)
    qtbot.keyClicks(QApplication.focusWidget(), " in all")
    assert editor.draft.question(0)["answer"] == 4500
    assert editor.draft.question(0)["unit"] == "soldiers in all"

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.draft.question(0)["unit"] == "soldiers"
    assert editor.draft.question(0)["answer"] == 4500
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.draft.question(0)["answer"] == 13 and editor.form.text_of("answer") == "13"
    assert not editor.isWindowModified() and not editor.undo_action.isEnabled()


def test_typing_the_title_is_one_undo_step(qtbot, active_editor: BankEditor) -> None:
    """A title typed letter by letter, then a prompt edited: two Ctrl+Z undo both, two redo both."""
    editor = active_editor
    original = editor.draft.data["title"]
    qtbot.mouseClick(editor.title_edit, Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "Mali lesson 3")
    press(qtbot, Qt.Key.Key_Tab)  # on to the next field: the title is one step
    qtbot.mouseClick(editor.form.widgets["unit"], Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_End)
    qtbot.keyClicks(QApplication.focusWidget(), " in all")
    assert editor.draft.data["title"] == "Mali lesson 3"

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.draft.question(0)["unit"] == "soldiers" and editor.title_edit.text() == "Mali lesson 3"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.draft.data["title"] == original == editor.title_edit.text()
    assert not editor.isWindowModified() and not editor.undo_action.isEnabled()
    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.draft.data["title"] == "Mali lesson 3" == editor.title_edit.text()
    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.draft.question(0)["unit"] == "soldiers in all"
    assert not editor.redo_action.isEnabled()


def test_typing_then_erasing_leaves_nothing_to_undo(qtbot, active_editor: BankEditor) -> None:
    editor = active_editor
    qtbot.mouseClick(editor.form.widgets["unit"], Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_End)
    qtbot.keyClicks(QApplication.focusWidget(), "xy")
    assert editor.isWindowModified()
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    assert editor.draft.question(0)["unit"] == "soldiers"
    assert not editor.isWindowModified() and not editor.undo_action.isEnabled()


def test_saving_a_bank_with_problems_says_it_cannot_be_started(qtbot, editor: BankEditor, bank_file: Path) -> None:
    """The edit is saved (nothing typed is held back), and the status says what that leaves."""
    editor.list.setCurrentRow(0)
    prompt = editor.form.widgets["prompt"]
    prompt.setFocus()
    prompt.selectAll()
    qtbot.keyClick(prompt, Qt.Key.Key_Delete)  # the prompt emptied
    editor.draft.reordered = []  # the layout warning has its own test
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isWindowModified()

    assert "prompt" not in yaml.safe_load(bank_file.read_text(encoding="utf-8"))["questions"][0]
    message = editor.statusBar().currentMessage()
    assert "with 1 problem: it cannot be started until they are fixed" in message


def test_another_question_opens_at_the_top_of_the_form(qtbot, editor: BankEditor) -> None:
    editor.resize(800, 600)
    editor.list.setCurrentRow(0)
    bar = editor.form_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # at 800x600 the form scrolls
    bar.setValue(bar.maximum())  # scrolled down to the citation
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Down)
    assert editor.list.currentRow() == 1
    assert bar.value() == 0


@pytest.mark.parametrize("size", [(800, 600), (1000, 720), (1200, 780)])
def test_the_question_buttons_keep_their_spacing_at_every_size(qtbot, editor: BankEditor,
                                                               size: tuple[int, int]) -> None:
    """At 800x600 Duplicate and Delete touched (the walkthrough saw them overlap)."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QPushButton

    editor.resize(*size)
    qtbot.waitUntil(lambda: editor.size() == QSize(*size))
    names = ("Add question", "Duplicate question", "Delete question")
    buttons = sorted((b for b in editor.findChildren(QPushButton) if b.accessibleName() in names), key=lambda b: b.x())
    assert [b.accessibleName() for b in buttons] == list(names)
    gaps = [right.x() - (left.x() + left.width()) for left, right in itertools.pairwise(buttons)]
    assert gaps[0] > 0 and gaps[0] == gaps[1], gaps
    for b in buttons:
        assert b.width() >= b.fontMetrics().horizontalAdvance(b.text().replace("&", ""))  # the whole word shows
    assert buttons[-1].x() + buttons[-1].width() <= buttons[-1].parentWidget().width()


def test_undoing_an_added_question_goes_back_to_the_question_selected_before(qtbot, active_editor: BankEditor) -> None:
    """Ctrl+Z of a new or duplicated question selected the question after it, not the one it came from."""
    editor = active_editor
    editor.list.setFocus()
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    assert editor.list.currentRow() == 3
    third = editor.draft.question(3)["id"]
    count = len(editor.draft.questions)
    for add in ((Qt.Key.Key_N, CTRL), (Qt.Key.Key_D, CTRL)):  # New question, Duplicate question
        press(qtbot, *add)
        assert len(editor.draft.questions) == count + 1 and editor.list.currentRow() == 4
        press(qtbot, Qt.Key.Key_Z, CTRL)
        assert len(editor.draft.questions) == count
        assert editor.list.currentRow() == 3 and editor.form.widgets["id"].text() == third
        editor.list.setFocus()


def test_questions_added_from_an_article_are_shown_and_undone_back_to_where_the_teacher_was(
        qtbot, active_editor: BankEditor, bank_file: Path, monkeypatch) -> None:
    editor = active_editor
    editor.list.setCurrentRow(2)
    count = len(editor.draft.questions)
    add_two_questions_from_the_seed(qtbot, editor, bank_file, monkeypatch)
    assert len(editor.draft.questions) == count + 2
    # The first new question is selected and in the form (the old one stayed selected: nothing new showed).
    assert editor.list.currentRow() == count
    assert editor.form.widgets["id"].text() == editor.draft.question(count)["id"]
    editor.activateWindow()  # as the window manager does when the dialog closes
    qtbot.waitUntil(editor.isActiveWindow)
    editor.list.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert len(editor.draft.questions) == count and editor.list.currentRow() == 2


def test_text_being_edited_marks_the_title_and_is_checked_again_as_it_is_fixed(qtbot, active_editor: BankEditor,
                                                                                 bank_file: Path) -> None:
    """Editing the bank as text left the title without "*", and the line of an error fixed stayed tinted
    until Check and continue."""
    editor = active_editor
    assert not editor.isWindowModified()
    edit_as_text(qtbot, editor, "title: French helicopter collision in Mali", ": oops")
    assert editor.isWindowModified()  # at once, with the first key
    line = editor.source_edit.toPlainText().splitlines().index("title: French helicopter collision in Mali: oops")

    def tinted() -> list[int]:
        return [mark.cursor.blockNumber() for mark in editor.source_edit.extraSelections()]

    def problems() -> list[str]:
        return [editor.source_problems.item(i).text() for i in range(editor.source_problems.count())]

    qtbot.waitUntil(lambda: tinted() == [line])  # checked again after a pause in typing
    assert [p.split(": ", 1)[0] for p in problems()] == [f"⚠ {bank_file.name}:{line + 1}:43"]
    for _ in ": oops":
        press(qtbot, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: tinted() == [])  # fixed: the tint goes, without Check and continue
    assert problems() == ["No problems."]
    assert not editor.isWindowModified()  # the text is the file's again
    assert editor.pages.currentIndex() == 1  # still in the text


def test_a_syntax_errors_advice_is_in_view_on_a_small_screen(qtbot, bank_file: Path) -> None:
    """The problems below a file opened as text wrap: what to do, at the end of a message, is not past the edge."""
    bank_file.write_text(bank_file.read_text(encoding="utf-8").replace("    prompt: Which two", "   prompt: Which two"),
                         encoding="utf-8")
    editor = BankEditor.open_file(bank_file)
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.resize(800, 600)
    editor.show()
    qtbot.waitExposed(editor)
    problems = editor.source_problems
    item = problems.item(0)
    assert "line 22 should start with 4 spaces, not 3, to line up with `type:` on line 21 (YAML: " in item.text()
    rect = problems.visualItemRect(item)
    assert rect.right() <= problems.viewport().width() and rect.height() > 1.5 * problems.fontMetrics().height()
    assert not problems.horizontalScrollBar().isVisible()
