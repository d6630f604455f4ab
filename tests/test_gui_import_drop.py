"""What File > Import (Ctrl+I) says of a file it cannot read, and what a file dropped on the library does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quizapp.gui.problems_box import ProblemsBox
from tests.conftest import Steps, key
from tests.test_gui_library import drop

FORMATS = "GIFT (.gift, .txt), Aiken (.txt) and Moodle XML (.xml)"
BROKEN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>q</text></name>
    <questiontext format="html"><text>Unclosed
    <answer fraction="100"><text>A</text></answer>
</quiz>
"""
MOODLE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/Science/Space</text></category></question>
  <question type="numerical">
    <name><text>planets</text></name>
    <questiontext format="html"><text>How many planets are in the Solar System?</text></questiontext>
    <answer fraction="100"><text>8</text><tolerance>0</tolerance></answer>
  </question>
</quiz>
"""


def warnings_of(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The title and text of each warning box opened from now on (answered at once, with OK)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a, **k: shown.append((title, text)))
    return shown


def import_with_keys(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, source: Path) -> list[tuple[str, str]]:
    """Ctrl+I in the library, `source` picked in the file dialog; the warnings it gave (a box of problems: its text
    and its list, closed with Enter)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    shown = warnings_of(monkeypatch)

    def read(box: ProblemsBox) -> None:
        shown.append((box.windowTitle(), f"{box.summary.text()}\n\n{box.problems.toPlainText()}"))
        key(qtbot, Qt.Key.Key_Return)

    with Steps().then(ProblemsBox, read):
        key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    return shown


@pytest.mark.parametrize("name, data, kind", [
    ("questions.csv", b"prompt,answer\nCapital of Mali?,Bamako\n", "CSV files"),
    ("harbour.apkg", b"PK\x03\x04\x14\x00\x00\x00\x08\x00collection.anki2", "Anki packages (.apkg)"),
])
def test_a_file_of_a_kind_that_cannot_be_imported_says_which_can(
        qtbot: QtBot, main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        name: str, data: bytes, kind: str) -> None:
    """A .csv was "has problems, so nothing was imported. Fix them and import again", an .apkg "this is not a
    text file": neither has anything to fix."""
    source = tmp_path / name
    source.write_bytes(data)
    [(title, text)] = import_with_keys(qtbot, monkeypatch, source)
    assert title == "Cannot import this file"
    assert text == f"{name}: {kind} cannot be imported: quizapp imports {FORMATS} files."
    assert not source.with_suffix(".yaml").exists()


def test_broken_moodle_xml_is_told_in_plain_words_by_line(qtbot: QtBot, main_window, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "broken.xml"
    source.write_text(BROKEN_XML, encoding="utf-8")
    [(title, text)] = import_with_keys(qtbot, monkeypatch, source)
    assert title == "Nothing imported"
    assert text.startswith("broken.xml has problems, so nothing was imported.")
    assert text.endswith("\nLine 7: this is not valid XML: <text> on line 5 is not closed where </quiz> "
                         "comes: add </text> before it")
    assert "tag mismatch" not in text


def test_files_dropped_on_the_library_are_imported_or_told_why_not(
        qtbot: QtBot, main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Moodle .xml dropped was refused without a word, and the status line of the action before stayed."""
    library = main_window.library
    sheet = tmp_path / "questions.csv"
    sheet.write_text("prompt,answer\n", encoding="utf-8")
    drop(library, [sheet])
    assert library.status.text().startswith(f"questions.csv: not a bank, an article or questions to import. "
                                            f"Banks are .yaml files; File > Import… (Ctrl+I) reads {FORMATS} files.")

    source = tmp_path / "space.xml"
    source.write_text(MOODLE_XML, encoding="utf-8")
    target = tmp_path / "space.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _p, _t, default, _f: (default, ""))
    with qtbot.waitSignal(library.loaded):
        drop(library, [source])
    assert library.current_check().path == target.resolve()
    assert library.status.text().startswith("Imported space.xml as space.yaml.\n")
    assert "questions.csv" not in library.status.text()

    # Not saved (the save dialog cancelled): said so, not left at "Imported ...".
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    drop(library, [source])
    assert library.status.text().startswith("space.xml was not imported.\n")


def test_file_import_names_the_file_it_read_and_the_bank_it_wrote(
        qtbot: QtBot, main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After Ctrl+I the library said "Imported space.yaml as space.yaml.": the bank's name twice, never the file
    chosen."""
    library = main_window.library
    source = tmp_path / "space.xml"
    source.write_text(MOODLE_XML, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _p, _t, default, _f: (default, ""))
    assert main_window.isActiveWindow()
    with qtbot.waitSignal(library.loaded):
        key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # File > Import…
    assert library.current_check().path == (tmp_path / "space.yaml").resolve()
    assert library.status.text().startswith("Imported space.xml as space.yaml.\n")
