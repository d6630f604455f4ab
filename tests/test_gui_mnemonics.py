"""Alt+letter keys: each button of a screen has its own, none taken from the menu bar, and each does its job."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from quizapp.core.session import QuizOptions
from quizapp.gui.choice_button import ChoiceButton
from quizapp.gui.editor import open_editors
from tests.conftest import on_modal
from tests.test_gui_editor_problems import misspelt_bank, open_shown
from tests.test_gui_history import new_window
from tests.test_gui_keyboard_start import dialog_closed, focused
from tests.test_gui_quiz import answer_by_clicks

ALT = Qt.KeyboardModifier.AltModifier
__all__ = ["misspelt_bank"]  # (a fixture, used by name)


def mnemonic(text: str) -> str:
    """The Alt key of a button or label text: "Alt+E" for "&Edit", "" for none ("A && B" has none)."""
    return QKeySequence.mnemonic(text).toString()


def shown(widget: QWidget) -> str:
    """A label's or button's text as drawn and read out: "Number of questions:" for "&Number of questions:"
    with a working Alt+N (a label whose "&" does nothing shows it)."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def shown_mnemonics(window) -> list[tuple[str, str]]:
    """(Alt key, text) of the menu bar's menus and of every button and field label shown in `window`."""
    texts = [a.text() for a in window.menuBar().actions()]
    for w in window.findChildren(QWidget):
        if w.isVisible() and (isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy())):
            texts.append(w.text())
    return [(mnemonic(t), t) for t in texts if mnemonic(t)]


def assert_keys_unique_and_complete(window) -> None:
    """No Alt key does two things, and every push button shown has one (a choice has its digit and letter)."""
    keys = shown_mnemonics(window)
    clashes = {k: [t for kk, t in keys if kk == k] for k, n in Counter(k for k, _ in keys).items() if n > 1}
    assert not clashes
    without = [b.text() for b in window.findChildren(QPushButton)
               if b.isVisible() and not isinstance(b, ChoiceButton) and not mnemonic(b.text())]
    assert not without


def open_popup() -> QMenu | None:
    popup = QApplication.activePopupWidget()
    return popup if isinstance(popup, QMenu) else None


def test_the_library_has_one_alt_key_per_button(qtbot: QtBot, main_window, bundled_bank, data_dir,
                                                bundled_copy, bank_file: Path) -> None:
    # An unfinished quiz (the banner offers Resume and Discard), and an opened bank (Remove from list).
    main_window.begin(bundled_bank, QuizOptions(count=3, seed=4))
    answer_by_clicks(qtbot, main_window.quiz)
    opened = bank_file
    main_window.library.add_banks([opened])
    window = new_window(qtbot, data_dir, bundled_copy)
    library = window.library
    qtbot.waitUntil(lambda: library.resume_banner.isVisible())
    qtbot.waitExposed(window)
    window.activateWindow()
    row = next(i for i, c in enumerate(library.checks) if c.path == opened)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Down)  # the opened bank, second in the list
    assert library.list.currentRow() == row
    assert_keys_unique_and_complete(window)

    # Alt+E opens the Edit menu, Alt+I edits the bank.
    qtbot.keyClick(focused(qtbot, window), "e", ALT)
    assert open_popup() is not None and open_popup().title() == "&Edit"
    open_popup().close()
    window.activateWindow()
    library.focus_list()
    qtbot.keyClick(focused(qtbot, window), "i", ALT)
    qtbot.waitUntil(lambda: bool(open_editors()))
    (editor,) = open_editors()
    qtbot.addWidget(editor)
    assert editor.draft.path == opened
    editor.close()

    # Alt+M removes the opened bank from the list; Alt+R resumes the quiz.
    window.activateWindow()
    library.focus_list()
    qtbot.keyClick(focused(qtbot, window), "m", ALT)
    qtbot.waitUntil(lambda: not library.loading and all(c.path != opened for c in library.checks))
    qtbot.keyClick(focused(qtbot, window), "r", ALT)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.quiz)
    assert window.quiz.position.text() == "Question 2 of 3"


def finish_a_quiz(qtbot: QtBot, window, loaded) -> None:
    """Start a 2-question quiz and answer it: a number, then a choice (quiz screen checked on the way)."""
    numeric = next(q for q in loaded.bank.questions if q.type == "numeric")
    choice = next(q for q in loaded.bank.questions if q.type == "choice")
    from quizapp.core.session import start_quiz

    window.run_session(start_quiz(loaded, QuizOptions(shuffle_questions=False), questions=[numeric, choice]))
    assert_keys_unique_and_complete(window)  # Submit, Skip, Leave quiz
    answer_by_clicks(qtbot, window.quiz)
    assert_keys_unique_and_complete(window)  # and Show in article, Next
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    answer_by_clicks(qtbot, window.quiz)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.results


def test_results_quiz_and_statistics_have_one_alt_key_per_button(qtbot: QtBot, main_window, bundled_bank,
                                                                 tmp_path: Path) -> None:
    window = main_window
    finish_a_quiz(qtbot, window, bundled_bank)
    assert_keys_unique_and_complete(window)

    # Alt+E is the Edit menu; Alt+X exports the results.
    qtbot.keyClick(focused(qtbot, window), "e", ALT)
    assert open_popup() is not None and open_popup().title() == "&Edit"
    open_popup().close()
    window.activateWindow()
    window.results.list.setFocus()
    asked: list[str] = []

    def cancel(dialog) -> None:  # type: ignore[no-untyped-def]
        asked.append(dialog.windowTitle())
        dialog.reject()

    on_modal(qtbot, cancel)
    qtbot.keyClick(focused(qtbot, window), "x", ALT)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == ["Export results"]
    dialog_closed(window)

    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.statistics
    assert_keys_unique_and_complete(window)


def test_the_bank_editor_has_one_alt_key_per_button_tab_and_label(qtbot: QtBot, bank_file: Path) -> None:
    from quizapp.gui.editor import BankEditor
    from tests.test_gui_editor import discard_on_teardown

    editor = BankEditor.open_file(bank_file)
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    tabs = [editor.side_tabs.tabText(i) for i in range(editor.side_tabs.count())]
    kinds = set()
    for row in range(len(editor.draft.questions)):  # a numeric question's fields, then a choice one's
        kind = editor.draft.question(row)["type"]
        if kind not in kinds:
            kinds.add(kind)
            editor.list.setCurrentRow(row)
            keys = [*shown_mnemonics(editor), *((mnemonic(t), t) for t in tabs)]
            assert len({k for k, _ in keys}) == len(keys), sorted(keys)
            assert_keys_unique_and_complete(editor)
    assert kinds == {"numeric", "choice"}

    # The bar of a file changed on disk while edited adds Reload and Keep my version.
    qtbot.keyClicks(editor.form.widgets["tags"], "x")
    bank_file.write_text(bank_file.read_text(encoding="utf-8") + "# changed elsewhere\n", encoding="utf-8")
    qtbot.waitUntil(editor.disk_bar.isVisible)
    keys = [*shown_mnemonics(editor), *((mnemonic(t), t) for t in tabs)]
    assert len({k for k, _ in keys}) == len(keys), sorted(keys)

    # Alt+T shows the article, Alt+B asks about the selected words.
    editor.side_tabs.setCurrentIndex(1)
    qtbot.keyClick(focused(qtbot, editor), "t", ALT)
    assert editor.side_tabs.currentWidget() is editor.picker


def menu_clashes(menus: list[QMenu], title: str = "menu bar", texts: list[str] | None = None) -> dict[str, list[str]]:
    """Letters that two items of one menu share, by "menu: letter" ("&Edit: Alt+U" for "&Undo" beside
    "D&uplicate question"), walking into each submenu; `texts` are the menu bar's own titles."""
    clashes: dict[str, list[str]] = {}
    shared = Counter(mnemonic(t) for t in texts or [] if mnemonic(t))
    clashes.update({f"{title}: {k}": [t for t in texts or [] if mnemonic(t) == k] for k, n in shared.items() if n > 1})
    for menu in menus:
        items = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        clashes.update(menu_clashes([a.menu() for a in items if a.menu() is not None], menu.title(),
                                    [a.text() for a in items]))
    return clashes


def menu_bar_clashes(window) -> dict[str, list[str]]:
    """menu_clashes of the window's menu bar: its menus' titles, and each menu's items."""
    actions = [a for a in window.menuBar().actions() if a.isVisible()]
    return menu_clashes([a.menu() for a in actions if a.menu() is not None], "menu bar", [a.text() for a in actions])


def test_no_two_items_of_a_menu_share_a_letter_on_any_screen(qtbot: QtBot, main_window, bundled_bank,
                                                               bank_file: Path) -> None:
    """Alt+V then L went to the library or to Larger text by turns; in the editor, Alt+E then U highlighted
    Duplicate question and did not undo."""
    window = main_window
    assert menu_bar_clashes(window) == {}  # the library
    finish_a_quiz(qtbot, window, bundled_bank)  # the results
    assert menu_bar_clashes(window) == {}
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.statistics
    assert menu_bar_clashes(window) == {}

    from quizapp.gui.editor import BankEditor
    from tests.test_gui_editor import discard_on_teardown

    editor = BankEditor.open_file(bank_file)
    qtbot.addWidget(editor, before_close_func=discard_on_teardown)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.list.setFocus()
    n = len(editor.draft.questions)
    qtbot.keyClick(focused(qtbot, editor), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Duplicate
    assert len(editor.draft.questions) == n + 1
    assert menu_bar_clashes(editor) == {}  # with "&Undo Duplicate question" to undo
    qtbot.keyClick(focused(qtbot, editor), "e", ALT)
    assert open_popup() is not None and open_popup().title() == "&Edit"
    qtbot.keyClick(open_popup(), "u")
    qtbot.waitUntil(lambda: open_popup() is None)
    assert len(editor.draft.questions) == n  # undone
    editor.activateWindow()
    editor.edit_as_text()
    assert menu_bar_clashes(editor) == {}  # the text mode's menus


def test_the_fixes_of_a_key_the_form_does_not_know_have_their_own_alt_keys(qtbot: QtBot, misspelt_bank: Path) -> None:
    """The box of unknown keys ("`distractor` is not a key of a question") had Rename, Remove and Edit as text
    without an Alt key: from the keyboard, only Tab reached them."""
    editor = open_shown(qtbot, misspelt_bank)
    assert editor.form.unknown_box.isVisible()
    tabs = [editor.side_tabs.tabText(i) for i in range(editor.side_tabs.count())]
    keys = [*shown_mnemonics(editor), *((mnemonic(t), t) for t in tabs)]
    assert len({k for k, _ in keys}) == len(keys), sorted(keys)
    assert_keys_unique_and_complete(editor)

    editor.list.setFocus()
    qtbot.keyClick(focused(qtbot, editor), "m", ALT)  # Rename to distractors
    qtbot.waitUntil(lambda: not editor.form.unknown_box.isVisible())
    assert editor.draft.question(7)["distractors"] == ["Dakar", "Niamey", "Gao"]
