"""The editor's status bar says a long message in a few words that fit it, the file by its name, and the whole
message (its path, why) in its tooltip: "Saved /home/…/bridge.yaml and its article … so that it can be moved or
shared with what it ci" was cut off at 1280 wide, and at 800 wide with a large text only the path showed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from quizapp.gui.theme import MAX_POINT_SIZE, set_point_size
from tests.conftest import alt, key
from tests.test_draft import bank_citing_pasted_text
from tests.test_gui_editor import answer_dialogs
from tests.test_gui_editor_problems import open_shown

CTRL = Qt.KeyboardModifier.ControlModifier
FOLDER = "banks shared with the other teachers of the history department"


def fits(bar) -> bool:
    """The message as the bar draws it is within the bar's width."""
    return bar.fontMetrics().horizontalAdvance(bar.shown_message()) <= bar.message_rect().width() <= bar.width()


@pytest.mark.parametrize(("size", "points"), [((1280, 800), 0), ((800, 600), MAX_POINT_SIZE)],
                         ids=["1280x800", "800x600-largest"])
def test_saving_says_the_file_by_its_name_in_what_fits_and_the_rest_in_the_tooltip(
        qtbot, qapp: QApplication, data_dir: Path, tmp_path: Path, settings_dir: Path, monkeypatch,
        size: tuple[int, int], points: float) -> None:
    normal = qapp.font().pointSizeF()
    if points:
        set_point_size(qapp, points)
    try:
        bank = bank_citing_pasted_text(data_dir, tmp_path / FOLDER)
        editor = open_shown(qtbot, bank)
        editor.resize(*size)
        qtbot.waitUntil(lambda: editor.size().width() == size[0])
        key(qtbot, Qt.Key.Key_S, CTRL)  # saved beside the bank, the pasted article goes along
        bar = editor.statusBar()
        qtbot.waitUntil(lambda: bar.isVisible() and bar.width() == editor.width())  # (a bar the first message made)
        assert bar.currentMessage().startswith("Saved bridge.yaml")
        assert FOLDER not in bar.currentMessage()  # the file's name, not its path
        assert fits(bar) and bar.shown_message().startswith("Saved bridge.yaml")
        if not points:  # at the normal size all of it, with the article's name
            assert bar.shown_message() == bar.currentMessage() == "Saved bridge.yaml, bridge-closes.md copied beside it"
        assert bar.toolTip() == bar.accessibleDescription() == (
            f"Saved {bank} and its article bridge-closes.md beside it, so that it can be moved or shared with what "
            "it cites")

        # Saved with a problem: what it means first, the whole in the tooltip.
        if editor.panes.level:
            alt(qtbot, "q")  # the Question tab, where the form is folded into the tabs
        alt(qtbot, "p")  # its Prompt
        QApplication.focusWidget().selectAll()
        key(qtbot, Qt.Key.Key_Delete)
        answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
        key(qtbot, Qt.Key.Key_S, CTRL)
        assert bar.currentMessage() == "Saved bridge.yaml, with 1 problem: it cannot be started until they are fixed"
        assert fits(bar)
        assert bar.toolTip() == (f"Saved {bank}, with 1 problem: the bank cannot be started until they are fixed "
                                 "(see the list below)")
    finally:
        set_point_size(qapp, normal)
