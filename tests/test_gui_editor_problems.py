"""A bank with a problem the form has no field for: the editor opens on it and fixes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from quizapp.core.bank import check_bank, load_bank
from quizapp.gui.editor import BankEditor
from tests.conftest import on_modal
from tests.test_gui_editor import answer_dialogs, discard_on_teardown

MISSPELT = "    distractors: [Dakar, Niamey, Gao]\n"


@pytest.fixture
def misspelt_bank(bank_file: Path) -> Path:
    """The bundled bank with `distractor:` for `distractors:` in question 8 (capital-of-mali)."""
    text = bank_file.read_text(encoding="utf-8")
    assert MISSPELT in text
    bank_file.write_text(text.replace(MISSPELT, MISSPELT.replace("distractors", "distractor")),
                         encoding="utf-8")
    assert not check_bank(bank_file).ok
    return bank_file


def open_shown(qtbot, path: Path) -> BankEditor:
    editor = BankEditor.open_file(path)
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def shown_texts(editor: BankEditor) -> list[str]:
    return [w.text() for w in editor.form.findChildren(QLabel) if w.isVisible()]


def test_unknown_key_opens_at_its_question_and_renames_in_one_click(qtbot, misspelt_bank: Path,
                                                                    monkeypatch) -> None:
    editor = open_shown(qtbot, misspelt_bank)
    # The editor opens on the broken question, says what is wrong and shows the values.
    assert editor.list.currentRow() == 7
    assert editor.draft.question(7)["id"] == "capital-of-mali"
    texts = shown_texts(editor)
    assert "⚠ `distractor` is not a key of a question: did you mean `distractors`?" in texts
    assert "distractor: [Dakar, Niamey, Gao]" in texts
    assert not editor.form.errors["id"].isVisible()
    button = QApplication.focusWidget()
    assert isinstance(button, QPushButton) and button.text() == "Rena&me to distractors"

    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert editor.form.text_of("distractors") == "Dakar\nNiamey\nGao"
    assert not editor.form.unknown_box.isVisible()
    assert editor.problems.item(0).text() == "No problems."
    assert editor.isWindowModified()

    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)  # the comments will go
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_bank(misspelt_bank).bank.question("capital-of-mali").distractors == [
        "Dakar", "Niamey", "Gao"]


def test_rename_keeps_wrong_answers_typed_meanwhile(qtbot, misspelt_bank: Path) -> None:
    editor = open_shown(qtbot, misspelt_bank)
    field = editor.form.widgets["distractors"]
    field.setFocus()
    qtbot.keyClicks(field, "Timbuktu")
    qtbot.waitUntil(lambda: editor.check is not None and editor.check.problems
                    and editor.draft.question(7).get("distractors") == ["Timbuktu"])
    # The misspelt key still shows: typing new wrong answers does not hide the old ones.
    assert "distractor: [Dakar, Niamey, Gao]" in shown_texts(editor)
    rename = editor.form.unknown_buttons[("distractor",)][0]
    qtbot.mouseClick(rename, Qt.MouseButton.LeftButton)
    assert editor.draft.question(7)["distractors"] == ["Timbuktu", "Dakar", "Niamey", "Gao"]


def test_saving_from_the_form_keeps_unknown_keys(qtbot, misspelt_bank: Path, monkeypatch) -> None:
    text = misspelt_bank.read_text(encoding="utf-8")
    misspelt_bank.write_text(text.replace("    cite:\n", "    cite:\n      page: 3\n", 1), encoding="utf-8")
    editor = open_shown(qtbot, misspelt_bank)
    assert editor.list.currentRow() == 0  # its citation's `page` comes first now
    assert "cite.page: 3" in shown_texts(editor)
    editor.form.focus_field("quote")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), " on Monday")
    editor.form.focus_field("unit")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    qtbot.keyClicks(QApplication.focusWidget(), " in all")
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = misspelt_bank.read_text(encoding="utf-8")
    assert "unit: soldiers in all" in saved
    assert "operation in Mali on Monday\n      page: 3\n" in saved
    assert "    distractor:\n      - Dakar\n      - Niamey\n      - Gao\n" in saved


def test_edit_as_text_fixes_what_the_form_cannot(qtbot, misspelt_bank: Path) -> None:
    editor = open_shown(qtbot, misspelt_bank)
    as_text = editor.form.unknown_buttons[("distractor",)][-1]
    assert as_text.text() == "Edit ban&k as text…"
    qtbot.mouseClick(as_text, Qt.MouseButton.LeftButton)
    source = editor.source_edit
    assert QApplication.focusWidget() is source
    # Unchanged, the file's own text opens, with its comments, the cursor on the problem.
    assert source.toPlainText() == misspelt_bank.read_text(encoding="utf-8")
    assert source.textCursor().block().text() == MISSPELT.replace("distractors", "distractor").rstrip()
    assert "line 75 (question 8)" in editor.source_problems.item(0).text()
    assert not editor.isWindowModified()
    for _ in range(len("distractor")):
        qtbot.keyClick(source, Qt.Key.Key_Right)
    qtbot.keyClicks(source, "s")
    qtbot.mouseClick(editor.findChild(QPushButton, "checkAndContinue"), Qt.MouseButton.LeftButton)
    assert editor.pages.currentIndex() == 0
    assert editor.draft.question(7)["distractors"] == ["Dakar", "Niamey", "Gao"]
    assert editor.problems.item(0).text() == "No problems."
    assert editor.isWindowModified()
    editor.undo_stack.undo()
    assert editor.draft.question(7)["distractor"] == ["Dakar", "Niamey", "Gao"]


@pytest.fixture
def window_on_copy(qtbot, settings_dir: Path, data_dir: Path, bank_file: Path):
    """The main window whose bundled banks are a writable copy: what it must not write to."""
    from quizapp.gui.main_window import MainWindow

    window = MainWindow(data_dir=data_dir, bundled_dir=bank_file.parent)
    window.library.refresh()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.library.loading and window.library.list.count() > 0)
    return window


def test_a_bundled_bank_is_saved_as_a_copy_in_the_banks_folder(qtbot, window_on_copy, bank_file: Path,
                                                                data_dir: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    from quizapp.gui.editor import open_editors

    before = bank_file.read_bytes()
    library = window_on_copy.library
    library.list.setCurrentRow(next(i for i in range(library.list.count())
                                    if library.list.item(i).text().startswith("French helicopter")))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    editor, = open_editors()
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert "(read-only)" in editor.windowTitle()
    assert editor.installed_bar.isVisible()
    assert str(data_dir / "banks") in editor.installed_bar.text()
    assert editor.sources_label.text() == "Articles: ../seeds/mali-helicopter-collision.txt"

    editor.form.focus_field("unit")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    qtbot.keyClicks(QApplication.focusWidget(), " in all")
    asked: list[tuple[str, str]] = []

    def save_copy(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        asked.append((dialog.windowTitle(), dialog.directory().absolutePath()))
        dialog.accept()  # the name it offers: the bank's own

    on_modal(qtbot, save_copy)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("Save a copy in your banks folder", str(data_dir / "banks"))]
    copy = data_dir / "banks" / bank_file.name
    assert bank_file.read_bytes() == before
    assert load_bank(copy).bank.questions[0].unit == "soldiers in all"
    assert editor.draft.path == copy and "(read-only)" not in editor.windowTitle()
    assert not editor.installed_bar.isVisible() and not editor.isWindowModified()
    qtbot.waitUntil(lambda: not library.loading and copy in [c.path for c in library.checks])
    # The copy cites a copy of the article beside it, not the installation's, and says so.
    assert editor.sources_label.text() == "Articles: mali-helicopter-collision.txt"
    seeds = bank_file.parent.parent / "seeds"
    assert (copy.parent / "mali-helicopter-collision.txt").read_bytes() == (
        seeds / "mali-helicopter-collision.txt").read_bytes()
    seeds.rename(seeds.with_name("seeds-moved"))  # the installation moves
    assert len(load_bank(copy).articles) == 1


def test_the_installed_bank_opens_read_only_and_a_user_bank_does_not(qtbot, bank_file: Path) -> None:
    from quizapp.gui.editor import open_editor
    from tests.conftest import BUNDLED_BANK

    for path, installed in ((BUNDLED_BANK, True), (bank_file, False)):
        editor = open_editor(path)
        qtbot.addWidget(editor, before_close_func=discard_on_teardown)
        assert editor.installed is installed
        assert ("(read-only)" in editor.windowTitle()) is installed


def field_errors(editor: BankEditor) -> dict[str, str]:
    return {key: label.text() for key, label in editor.form.errors.items() if label.isVisible()}


def test_a_new_question_asks_in_the_forms_words_once_a_field_is_left(qtbot, bank_file: Path,
                                                                     monkeypatch) -> None:
    editor = open_shown(qtbot, bank_file)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is editor.form.widgets["prompt"]
    assert editor.draft.question(1)["prompt"] == ""
    # The check has found what the new question lacks, but nothing typed yet: no errors
    # greet the teacher, beside the fields or below.
    qtbot.waitUntil(lambda: any(p.loc[:2] == ("questions", 1) for p in editor.check.problems))
    assert field_errors(editor) == {}
    assert editor.problems.item(0).text() == "No problems."
    assert not editor.list.item(1).text().startswith("⚠")

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # on to the answer, prompt empty
    assert QApplication.focusWidget() is editor.form.widgets["answer"]
    assert field_errors(editor) == {"prompt": "Write the question's prompt"}
    assert editor.problems.item(0).text() == "⚠ question 2: Write the question's prompt"
    qtbot.keyClicks(QApplication.focusWidget(), "Bamako")

    # Trying to save shows everything the question still lacks.
    asked = answer_dialogs(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["The layout will change"]  # the bank's key order (its opening comments are kept)
    assert field_errors(editor) == {
        "prompt": "Write the question's prompt",
        "distractors": "Add at least one wrong answer, one per line",
        "quote": "Add the sentence that proves the answer: select it in the article and press "
                 "Use as citation"}

    # The text mode keeps the file's words, with lines.
    edit_menu = editor.menuBar().actions()[1].menu()
    next(a for a in edit_menu.actions() if a.text() == "Edit bank as &text (YAML)").trigger()
    texts = [editor.source_problems.item(i).text() for i in range(editor.source_problems.count())]
    assert any("(question 2): `prompt` is empty: write some text or remove the key" in t for t in texts)


def test_the_answer_error_asks_for_what_the_form_accepts(qtbot, bank_file: Path) -> None:
    editor = open_shown(qtbot, bank_file)
    assert editor.draft.question(0)["type"] == "numeric"
    editor.form.focus_field("answer")
    answer = QApplication.focusWidget()
    answer.selectAll()
    qtbot.keyClicks(answer, "about 4500")
    qtbot.waitUntil(lambda: "answer" in field_errors(editor))
    message = field_errors(editor)["answer"]
    assert message.startswith("The answer must be a number, such as 4500 or 4,500")
    assert "`" not in message
    answer.selectAll()
    qtbot.keyClicks(answer, "4,500")
    qtbot.waitUntil(lambda: "answer" not in field_errors(editor))
    assert editor.draft.question(0)["answer"] == 4500


@pytest.mark.parametrize("size", [(800, 600), (1000, 720)])
def test_the_form_fits_its_column_at_small_window_sizes(qtbot, misspelt_bank: Path, size) -> None:
    editor = BankEditor.open_file(misspelt_bank)
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.resize(*size)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.list.currentRow() == 7  # the unknown key's box, the form's widest part, shows
    viewport = editor.form_scroll.viewport()
    # Settled, the form is as wide as its column: no wider (which would scroll sideways).
    qtbot.waitUntil(lambda: editor.form.width() == viewport.width())
    for widget in [*editor.form.widgets.values(), *editor.form.unknown_buttons[("distractor",)]]:
        if widget.isVisible():
            right = widget.mapTo(viewport, widget.rect().topRight()).x()
            assert right < viewport.width(), widget.accessibleName()
    # The prompt has room for a line of words, not three.
    prompt = editor.form.widgets["prompt"]
    assert prompt.width() >= 38 * prompt.fontMetrics().averageCharWidth()
    label = editor.form.rows["prompt"][0]
    beside = label.mapTo(editor.form, label.rect().topLeft()).y() == prompt.mapTo(
        editor.form, prompt.rect().topLeft()).y()
    assert beside == (size[0] >= 1000)  # narrow, the labels go above the fields


def test_a_number_the_file_holds_as_text_opens_as_typing_it_reads(qtbot, bank_file: Path, monkeypatch) -> None:
    # "answer: 4,500" is the text "4,500" in YAML: the form reads it as it reads "4,500" typed.
    text = bank_file.read_text(encoding="utf-8")
    bank_file.write_text(text.replace("    answer: 4500\n", "    answer: 4,500\n"), encoding="utf-8")
    assert not check_bank(bank_file).ok
    editor = open_shown(qtbot, bank_file)
    troops = next(i for i, q in enumerate(editor.draft.questions) if q.get("answer") == 4500)
    editor.list.setCurrentRow(troops)
    assert editor.form.text_of("answer") == "4500" and "answer" not in field_errors(editor)
    assert editor.problems.item(0).text() == "No problems."
    # The file still has the text: the editor says what it read, and saving writes the number.
    assert editor.isWindowModified()
    assert f'question {troops + 1}: answer "4,500" read as 4500' in editor.statusBar().currentMessage()
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)  # the comments will go
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert check_bank(bank_file).ok and "    answer: 4500\n" in bank_file.read_text(encoding="utf-8")


def test_a_misspelt_required_key_leaves_its_field_empty_and_the_field_says_so(qtbot, misspelt_bank: Path) -> None:
    editor = open_shown(qtbot, misspelt_bank)
    assert editor.form.text_of("distractors") == ""
    # The problems list's message, beside the empty field, with what the form asks for there.
    assert "⚠ question 8: `distractor` is not a key of a question: did you mean `distractors`?" in [
        editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert field_errors(editor)["distractors"] == ("Add at least one wrong answer, one per line. `distractor` is "
                                                   "not a key of a question: did you mean `distractors`?")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Rename to distractors (it has the focus)
    assert editor.form.text_of("distractors") == "Dakar\nNiamey\nGao" and "distractors" not in field_errors(editor)


def test_edit_bank_opens_a_file_that_does_not_read_at_its_first_problem(qtbot, window_on_copy,
                                                                        bank_file: Path) -> None:
    """The tester's walk: a line far down indented two spaces too deep; Edit bank… (Alt+I) in the library
    opens the text with the cursor where the message says to fix it, in view, as clicking the problem does."""
    from quizapp.gui.editor import open_editors

    text = bank_file.read_text(encoding="utf-8")
    lines = text.split("\n")
    line = lines.index("  - id: barkhane-start") + 2  # its `type:` line
    bank_file.write_text(text.replace("  - id: barkhane-start\n    type:", "  - id: barkhane-start\n      type:"),
                         encoding="utf-8")
    window_on_copy.resize(1000, 720)
    library = window_on_copy.library
    library.refresh()
    qtbot.waitUntil(lambda: not library.loading and library.list.count() > 0)
    library.list.setCurrentRow(0)
    library.focus_list()
    assert not library.start_button.isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(open_editors()))
    editor, = open_editors()
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    qtbot.waitExposed(editor)
    assert line > 40 and editor.pages.currentIndex() == 1
    assert editor.source_problems.item(0).text().startswith(
        f"⚠ {bank_file.name}:{line}:5: line {line} should start with 4 spaces, not 6, to line up with `id:` on "
        f"line {line - 1} (YAML: ")
    edit = editor.source_edit
    cursor = edit.textCursor()
    assert (cursor.blockNumber() + 1, cursor.positionInBlock() + 1) == (line, 5)
    assert edit.viewport().rect().contains(edit.cursorRect())  # scrolled to it, not left at the top
    top = edit.firstVisibleBlock().blockNumber()
    problem = editor.source_problems.item(0)
    qtbot.mouseClick(editor.source_problems.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.source_problems.visualItemRect(problem).center())
    # As a click on the problem shows it: centred, to a line (the editor's panes may still settle by a line
    # after it opened, and a click centres at their final size).
    assert top > 0 and abs(edit.firstVisibleBlock().blockNumber() - top) <= 1
    assert (edit.textCursor().blockNumber() + 1, edit.textCursor().positionInBlock() + 1) == (line, 5)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert QApplication.focusWidget() is edit
    for _ in range(2):  # done as it says (Delete twice, where it puts the cursor), the bank reads
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    qtbot.mouseClick(editor.findChild(QPushButton, "checkAndContinue"), Qt.MouseButton.LeftButton)
    assert editor.pages.currentIndex() == 0
    discard_on_teardown(editor)  # (closing the main window closes the editor, which would ask to save)
    editor.close()
