"""Ctrl+= up to the largest text at 800x600: the editor's Prompt grows to three lines, its question list keeps
three rows, and the library's bank list wraps a long word rather than cut it off at the right."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from quizapp.gui.editor import BankEditor, open_editors
from quizapp.gui.theme import MAX_POINT_SIZE
from tests.conftest import alt, key
from tests.test_gui_small_screen import SMALL, wholly_shown

CTRL = Qt.KeyboardModifier.ControlModifier
# A title whose first word is wider than the library's list at 28 pt on an 800x600 screen (where the list has
# the whole width, above the details).
LONG_TITLE = "Bundeswehrhubschrauberzusammenstoßuntersuchungsbericht in Mali"


def largest_text_by_keys(qtbot, window: QWidget) -> None:
    """View > Larger text (Ctrl+=) in `window`, as often as it makes the text larger."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    while QApplication.font().pointSizeF() < MAX_POINT_SIZE:
        key(qtbot, Qt.Key.Key_Equal, CTRL)
    # (the new size reaches the windows' widgets by posted events)
    qtbot.waitUntil(lambda: all(w.font().pointSizeF() >= MAX_POINT_SIZE for w in (window, window.focusWidget())))


def opened_in_library(qtbot, main_window, bank: Path) -> None:
    """`bank` added to the library (as File > Open bank… does), and selected there."""
    library = main_window.library
    library.add_banks([bank])
    qtbot.waitUntil(lambda: not library.loading and library.current_check() is not None
                    and library.current_check().path == bank)


def editor_at_800x600(qtbot, main_window, bank: Path) -> BankEditor:
    """`bank` opened from the library in its editor (Ctrl+Shift+E), the editor made 800x600 and in front."""
    opened_in_library(qtbot, main_window, bank)
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    key(qtbot, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    editor, = open_editors()
    editor.resize(SMALL)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert editor.size() == SMALL
    return editor


@pytest.fixture
def normal_again(main_window) -> Iterator[None]:
    """The normal text size (Ctrl+0) at the end."""
    yield
    main_window.change_text_size(0)


def test_the_prompt_grows_to_three_lines_of_the_largest_text(qtbot, main_window, bank_file: Path,
                                                             normal_again: None) -> None:
    editor = editor_at_800x600(qtbot, main_window, bank_file)
    largest_text_by_keys(qtbot, editor)  # in the open editor
    qtbot.waitUntil(lambda: editor.panes.level > 0)  # the form folded into a tab
    alt(qtbot, "q")  # the Question tab
    alt(qtbot, "p")  # its Prompt
    prompt = editor.form.widgets["prompt"]
    assert QApplication.focusWidget() is prompt
    key(qtbot, Qt.Key.Key_A, CTRL)
    for n, line in enumerate(("How", "many", "died?")):  # (short: they do not wrap)
        if n:
            key(qtbot, Qt.Key.Key_Return)
        qtbot.keyClicks(prompt, line)
    assert prompt.document().blockCount() == 3
    # Three lines of the larger text in sight, with no scroll bar, as three lines of the normal size are.
    lines = prompt.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: prompt.viewport().height() >= 3 * lines)
    assert prompt.verticalScrollBar().maximum() == 0
    qtbot.waitUntil(lambda: wholly_shown(prompt))


@pytest.mark.parametrize("then_open", [True, False], ids=["larger-then-open", "open-then-larger"])
def test_the_question_list_keeps_three_rows_at_the_largest_text(qtbot, main_window, bank_file: Path,
                                                                normal_again: None, then_open: bool) -> None:
    if then_open:  # the text made larger in the main window, and the editor opened at that size
        largest_text_by_keys(qtbot, main_window)
        editor = editor_at_800x600(qtbot, main_window, bank_file)
    else:
        editor = editor_at_800x600(qtbot, main_window, bank_file)
        largest_text_by_keys(qtbot, editor)
    qtbot.waitUntil(lambda: editor.panes.level > 0)  # the form folded into a tab
    questions = editor.list
    if editor.panes.level == 2:  # the list folded into the tabs too: a click on the Questions tab
        bar = editor.side_tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
        assert editor.side_tabs.currentWidget() is editor.panes.first
    row = questions.sizeHintForRow(0)
    assert row >= questions.fontMetrics().height()  # (the rows are of the larger text)
    qtbot.waitUntil(lambda: questions.viewport().height() >= 3 * row)
    assert wholly_shown(questions)
    # The buttons under it are as wide as their larger words, none drawn over another.
    # (once the layout has caught up with the new text size: it is laid out again after the font change, and
    # a button was still 51 pixels wide for 72 of text when asked at once, one run in six)
    buttons = [w for w in editor.findChildren(QWidget) if w.accessibleName() in
               ("Add question", "Duplicate question", "Delete question")]

    def laid_out() -> bool:
        return all(button.width() >= button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
                   for button in buttons)

    qtbot.waitUntil(laid_out)
    for button in buttons:
        assert wholly_shown(button)
    for left, right in pairwise(buttons):
        assert not left.geometry().intersects(right.geometry())


def test_a_long_word_in_a_bank_row_wraps_at_the_largest_text(qtbot, main_window, bank_file: Path,
                                                             normal_again: None) -> None:
    bank_file.write_text(bank_file.read_text(encoding="utf-8").replace(
        "title: French helicopter collision in Mali", f"title: {LONG_TITLE}"), encoding="utf-8")
    library = main_window.library
    opened_in_library(qtbot, main_window, bank_file)
    main_window.resize(SMALL)
    largest_text_by_keys(qtbot, main_window)
    assert main_window.size() == SMALL
    banks = library.list
    item = banks.currentItem()
    assert LONG_TITLE.split()[0] in item.text()
    word = banks.fontMetrics().horizontalAdvance(LONG_TITLE.split()[0])
    assert word > banks.viewport().width()  # (what the test is about: a word wider than the list)
    # Every row within the list's width, so nothing to scroll to sideways; the whole text in its tooltip.
    width = banks.viewport().width()
    for i in range(banks.count()):
        qtbot.waitUntil(lambda i=i: banks.visualItemRect(banks.item(i)).right() < width)
    assert banks.horizontalScrollBar().maximum() == 0
    assert item.toolTip().startswith(item.text()) and str(bank_file) in item.toolTip()





def test_a_change_of_text_size_deletes_no_widget_while_qt_restyles_them(qtbot, settings_dir: Path,
                                                                        tmp_path: Path) -> None:
    """A change between the normal text and a large one grows or shrinks the tick boxes: a new style, which Qt gives
    every widget in one walk over them all. An editor's panes, refitted in that walk, folded or unfolded there and
    then, and the splitter deleted handles the walk was still to visit: the app crashed now and then (when that
    memory was reused), with editors open or just closed. Nothing is deleted during the walk; the panes fit their
    width just after it."""
    from quizapp.gui.app import create_app
    from quizapp.gui.theme import set_point_size
    from tests.test_gui_dialogs_largest_text import long_titled_bank
    from tests.test_gui_editor import discard_on_teardown

    app = create_app()  # (its style, which grows the tick boxes at a large text)
    normal = app.font().pointSizeF()
    deleted: list[str] = []

    def text_size(points: float) -> None:
        """View > Larger text or Normal text size, noting what is deleted while it runs."""
        style = app.style()
        for widget in app.allWidgets():
            name = type(widget).__name__
            widget.destroyed.connect(lambda *_args, name=name: deleted.append(name))
        set_point_size(app, points)
        assert app.style() is not style  # (the tick boxes grew or shrank: another style, given to every widget)
        for widget in app.allWidgets():
            widget.destroyed.disconnect()

    try:
        for n, (points, size) in enumerate([(MAX_POINT_SIZE, (1280, 800)), (MAX_POINT_SIZE - 4, (1000, 700))] * 4):
            text_size(points)
            folder = tmp_path / str(n)
            folder.mkdir()
            editor = BankEditor.open_file(long_titled_bank(folder))
            qtbot.addWidget(editor, before_close_func=discard_on_teardown)
            editor.resize(*size)
            editor.show()
            for _ in range(5):
                app.processEvents()
            text_size(normal)
            assert deleted == []
            for _ in range(5):
                app.processEvents()
            assert editor.panes.level == editor.panes.level_for(editor.panes.width())  # (fitted just after)
            editor.hide()  # closed, and not yet deleted
    finally:
        set_point_size(app, normal)
