"""Ctrl+= / Ctrl+- / Ctrl+0 in the app's dialogs, as in its windows: the dialog's text takes the new size and the
dialog the size it would open at, nothing cut off."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from quizapp.gui.reflow import WrappingRadioButton


def test_a_wrapping_radio_button_is_as_tall_as_its_lines_at_the_width_it_is_offered(qtbot: QtBot) -> None:
    """Not as tall as the lines it was wrapped to at the width it had last: laid out by that height, the page of the
    quiz options and its scroll bar went back and forth, one resize inside another, until the app crashed (Ctrl+= to
    21 pt and Ctrl+0 in the dialog, before it refitted to the text; Ctrl+- and Ctrl+= pressed quickly while the dialog
    was made smaller, after)."""
    button = WrappingRadioButton("&Practice: see the answer and its proof after each question")
    qtbot.addWidget(button)
    one_line = button.sizeHint()
    button.resize(one_line.width() // 3, one_line.height())
    button.show()
    assert button.text().count("\n") >= 2  # wrapped to the width it has now
    assert button.hasHeightForWidth()
    assert button.heightForWidth(one_line.width()) == one_line.height()
    assert button.heightForWidth(one_line.width() // 3) >= 3 * one_line.height() // 2
    assert button.sizeHint() == one_line  # still one line's width and height
