"""A bank whose article was moved is repaired in the form: Locate… its file, or remove a source nobody cites."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from quizapp.core.bank import check_bank, load_bank
from tests.conftest import key
from tests.test_gui_editor_problems import open_shown

CTRL = Qt.KeyboardModifier.ControlModifier
HARBOUR = "harbour-bridge.txt"
HARBOUR_TEXT = """Harbour bridge to close for six months of repairs

The Kingsport harbour bridge will close to all traffic on 1 May for six months of repairs, the city council
announced on Tuesday. Shops near the bridge could lose up to 30% of their customers, the Chamber of Commerce
said.
"""
LIBRARY_TEXT = """# Fire destroys the old library

A fire on Saturday night destroyed the old library on Mill Street. Forty firefighters fought the blaze.
"""
# Written when the article was beside the bank: it has moved to ../moved/ since.
BANK = f"""format: 1
title: Bank with a moved article
sources:
  harbour:
    file: {HARBOUR}
    author: Jane Morrow
  library-fire:
    file: ../files/library-fire.md
  old-notes:
    file: notes-gone.md
questions:
  - id: bridge-months
    type: numeric
    prompt: For how many months will the Kingsport harbour bridge close?
    answer: 6
    cite:
      source: harbour
      quote: The Kingsport harbour bridge will close to all traffic on 1 May for six months of repairs
  - id: firefighters
    type: numeric
    prompt: How many firefighters fought the blaze at the old library?
    answer: 40
    cite:
      source: library-fire
      quote: Forty firefighters fought the blaze.
"""


@pytest.fixture
def moved_bank(tmp_path: Path) -> Path:
    """A bank of two articles, one of them moved to another folder since, and a third source, cited by
    no question, whose file is gone."""
    (tmp_path / "banks").mkdir()
    (tmp_path / "moved").mkdir()
    (tmp_path / "files").mkdir()
    (tmp_path / "moved" / HARBOUR).write_text(HARBOUR_TEXT, encoding="utf-8")
    (tmp_path / "files" / "library-fire.md").write_text(LIBRARY_TEXT, encoding="utf-8")
    bank = tmp_path / "banks" / "moved-bank.yaml"
    bank.write_text(BANK, encoding="utf-8")
    assert not check_bank(bank).ok
    return bank


def problems(editor) -> list[str]:
    return [editor.problems.item(i).text() for i in range(editor.problems.count())]


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The file dialog returns `path`; the list gets the folder each dialog opened in."""
    opened: list[str] = []

    def dialog(_parent, _title, folder, _filter="", *_a, **_k):
        opened.append(folder)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    return opened


def test_locate_points_the_source_at_the_moved_file_and_an_unused_source_is_removed(
        qtbot, moved_bank: Path, tmp_path: Path, monkeypatch) -> None:
    editor = open_shown(qtbot, moved_bank)
    bar = editor.source_repairs
    assert bar.isVisible()
    assert sorted(bar.buttons) == ["harbour", "old-notes"]
    assert [b.text() for b in bar.buttons["harbour"]] == ["&Locate…"]  # cited: it can only be located
    assert [b.text() for b in bar.buttons["old-notes"]] == ["&Locate…", "Remo&ve"]

    # Enter on the missing article's problem goes to its Locate… button
    editor.problems.setFocus()
    row = next(i for i, p in enumerate(problems(editor)) if HARBOUR in p)
    editor.problems.setCurrentRow(row)
    key(qtbot, Qt.Key.Key_Return)
    locate = QApplication.focusWidget()
    assert isinstance(locate, QPushButton) and locate is bar.buttons["harbour"][0]
    moved = tmp_path / "moved" / HARBOUR
    choose_file(monkeypatch, moved)
    key(qtbot, Qt.Key.Key_Space)
    assert editor.draft.data["sources"]["harbour"]["file"] == "../moved/" + HARBOUR
    assert editor.draft.data["sources"]["harbour"]["author"] == "Jane Morrow"  # what it says of the article stays
    assert sorted(bar.buttons) == ["old-notes"]
    assert not any(HARBOUR in p for p in problems(editor))
    assert editor.picker.article is not None  # the citations are shown in the located article

    # the source nobody cites goes with Remove
    bar.buttons["old-notes"][1].setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert "old-notes" not in editor.draft.data["sources"]
    assert not bar.isVisible()
    assert problems(editor) == ["No problems."]

    key(qtbot, Qt.Key.Key_S, CTRL)
    assert load_bank(moved_bank).articles["harbour"].path.resolve() == moved.resolve()

    key(qtbot, Qt.Key.Key_Z, CTRL)  # undo brings back the source, and its row
    assert "old-notes" in editor.draft.data["sources"]
    qtbot.waitUntil(lambda: sorted(bar.buttons) == ["old-notes"])  # once checked


def test_adding_the_moved_article_again_repairs_its_source_instead_of_adding_one(
        qtbot, moved_bank: Path, tmp_path: Path, monkeypatch) -> None:
    editor = open_shown(qtbot, moved_bank)
    moved = tmp_path / "moved" / HARBOUR
    choose_file(monkeypatch, moved)
    key(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Add article... (clicked after a short flash)
    qtbot.waitUntil(lambda: editor.draft.data["sources"]["harbour"]["file"] == "../moved/" + HARBOUR)
    assert sorted(editor.draft.data["sources"]) == ["harbour", "library-fire", "old-notes"]  # none added
    assert sorted(editor.source_repairs.buttons) == ["old-notes"]


def test_locate_and_remove_have_alt_keys_of_their_own(qtbot, moved_bank: Path) -> None:
    """Alt+L goes to a Locate… button (from one to the next when several articles are missing), Alt+V removes
    the source nobody cites; no other button, label, tab or menu of the editor has those letters."""
    from tests.test_gui_mnemonics import mnemonic, shown_mnemonics

    editor = open_shown(qtbot, moved_bank)
    bar = editor.source_repairs
    tabs = [editor.side_tabs.tabText(i) for i in range(editor.side_tabs.count())]
    keys = [*shown_mnemonics(editor), *((mnemonic(t), t) for t in tabs)]
    locates = [k for k, text in keys if text == "&Locate…"]
    assert locates == ["Alt+L", "Alt+L"]  # one for each article to locate
    others = [k for k, text in keys if text != "&Locate…"]
    assert len(set(others)) == len(others) and "Alt+L" not in others and "Alt+V" in others, sorted(keys)

    editor.list.setFocus()
    key(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() in (bar.buttons["harbour"][0], bar.buttons["old-notes"][0])
    first = QApplication.focusWidget()
    key(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # the other one
    assert QApplication.focusWidget() in (bar.buttons["harbour"][0], bar.buttons["old-notes"][0])
    assert QApplication.focusWidget() is not first
    key(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # Remove (clicked after a short flash)
    qtbot.waitUntil(lambda: "old-notes" not in editor.draft.data["sources"])
    assert sorted(bar.buttons) == ["harbour"]
