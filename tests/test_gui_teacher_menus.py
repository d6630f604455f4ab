"""The library's teacher actions: edit a bank (even a broken one), export, import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from quizapp.core.bank import load_bank
from quizapp.gui.editor import open_editors
from tests.conftest import on_modal, press_on_modal
from tests.test_gui_export_paper import export_with_keys
from tests.test_gui_import_drop import import_with_keys


def test_edit_bank_opens_the_editor_and_a_save_reloads_the_library(qtbot, main_window, data_dir: Path) -> None:
    window = main_window
    assert window.edit_bank_action.isEnabled()
    window.edit_bank_action.trigger()
    (editor,) = open_editors()
    qtbot.addWidget(editor)
    bundled = window.library.current_check().path
    assert editor.draft.path == bundled
    editor.list.setCurrentRow(0)
    editor.title_edit.setText("Helicopters in Mali")
    editor.title_edit.textEdited.emit("Helicopters in Mali")
    # A bundled bank is saved as a copy in the banks folder, which the library then shows.
    on_modal(qtbot, lambda dialog: dialog.accept())
    with qtbot.waitSignal(window.library.loaded):
        assert editor.save()
    assert window.library.current_check().path == data_dir / "banks" / bundled.name
    assert window.library.name.text() == "Helicopters in Mali"
    assert load_bank(bundled).title == "French helicopter collision in Mali"


def test_a_broken_bank_opens_in_the_editor_at_its_problems(qtbot, main_window, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\nquestions: []\n", encoding="utf-8")
    with qtbot.waitSignal(main_window.library.loaded):
        main_window.library.add_banks([bad])
    assert not main_window.library.start_button.isEnabled()
    assert main_window.library.edit_button.isEnabled()
    main_window.library.edit_button.click()
    editor = next(e for e in open_editors() if e.draft.path == bad)
    qtbot.addWidget(editor)
    assert editor.pages.currentIndex() == 1
    assert "not closed" in editor.source_problems.item(0).text()


def test_quit_asks_the_open_editors_first(qtbot, main_window, monkeypatch) -> None:
    main_window.edit_bank_action.trigger()
    (editor,) = open_editors()
    qtbot.addWidget(editor)
    editor.list.setCurrentRow(0)
    editor.form.widgets["unit"].setText("people")
    editor.form.widgets["unit"].textEdited.emit("people")
    asked = press_on_modal(qtbot, "c", Qt.KeyboardModifier.AltModifier)  # Cancel
    assert not main_window.close()
    assert asked == ["Unsaved changes"]
    assert editor.isVisible() and editor.draft.question(0)["unit"] == "people"
    asked = press_on_modal(qtbot, "d", Qt.KeyboardModifier.AltModifier)  # Discard
    assert main_window.close()
    assert asked == ["Unsaved changes"]


def test_export_from_the_app(qtbot, main_window, tmp_path: Path) -> None:
    target = tmp_path / "quiz.gift"
    # GIFT, the first format: the dialog shows no paper size, which only a PDF worksheet has.
    assert export_with_keys(qtbot, main_window, target) == []
    assert "::soldiers-killed::" in target.read_text(encoding="utf-8")


def test_import_from_the_app(qtbot, main_window, tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "old.gift"
    source.write_text("::capital:: What is the capital of Mali? {=Bamako ~Dakar ~Niamey}\n\n"
                      "::year:: In what year did Operation Barkhane begin? {#2014}\n", encoding="utf-8")
    target = tmp_path / "old.yaml"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(main_window.library.loaded):
        main_window.import_action.trigger()
    bank = load_bank(target).bank
    assert [q.id for q in bank.questions] == ["capital", "year"]
    assert main_window.library.current_check().path == target.resolve()


def test_bad_import_writes_nothing_and_says_where(qtbot, main_window, tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "bad.gift"
    source.write_text("::a:: Fine? {=yes ~no}\n\n::b:: Broken {=yes ~no\n", encoding="utf-8")
    [(_title, text)] = import_with_keys(qtbot, monkeypatch, source)
    assert "bad.gift has problems" in text and "\nLine 3: " in text
    assert not (tmp_path / "bad.yaml").exists()
