"""The editor's list and what goes with it: the filters and the form agree, the search field's keys, the
folder Add article opens in, what a new question's Article tab says."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from quizapp.gui.generate_dialog import ARTICLES_DIR_KEY, articles_folder
from tests.conftest import alt, key
from tests.test_gui_editor_moved_article import moved_bank  # noqa: F401 (a fixture)
from tests.test_gui_editor_problems import open_shown

CTRL = Qt.KeyboardModifier.ControlModifier


def shown_rows(editor) -> list[int]:
    return [i for i in range(editor.list.count()) if not editor.list.isRowHidden(i)]


def test_with_problems_shows_in_the_form_a_question_the_list_shows(qtbot, bank_file: Path) -> None:
    editor = open_shown(qtbot, bank_file)
    editor.list.setCurrentRow(2)
    alt(qtbot, "n")  # Answer: the same as a wrong answer
    QApplication.focusWidget().selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), "Mike Pompeo")
    qtbot.waitUntil(lambda: editor.list.item(2).text().startswith("⚠"))
    editor.list.setCurrentRow(0)  # a question without problems in the form

    alt(qtbot, "h")  # With problems (ticked after a short flash)
    qtbot.waitUntil(editor.problem_filter.isChecked)
    assert shown_rows(editor) == [2]
    assert editor.list.currentRow() == 2  # the form shows the question listed, not question 1
    assert editor.form.text_of("answer") == "Mike Pompeo"

    # fixing it keeps it in the form (and the list) until the teacher leaves it
    alt(qtbot, "n")
    QApplication.focusWidget().selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), "Antony Blinken")
    qtbot.waitUntil(lambda: not editor.list.item(2).text().startswith("⚠"))
    assert shown_rows(editor) == [2] and editor.list.currentRow() == 2

    # when no question matches, the form says so instead of showing one that is not listed
    key(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "no such words anywhere")
    assert shown_rows(editor) == []
    assert editor.form_stack.currentWidget() is editor.empty_label
    assert "No question matches" in editor.empty_label.text()


def test_down_in_the_search_goes_to_the_questions_found_and_esc_clears_it(qtbot, bank_file: Path) -> None:
    editor = open_shown(qtbot, bank_file)
    editor.list.setCurrentRow(0)
    key(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "Pompeo")
    found = shown_rows(editor)
    assert 0 < len(found) < editor.list.count()
    assert editor.list.currentRow() == found[0]  # the form shows the first question found
    key(qtbot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is editor.list
    assert editor.list.currentRow() == found[0]

    key(qtbot, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is editor.search
    key(qtbot, Qt.Key.Key_Escape)
    assert editor.search.text() == ""
    assert len(shown_rows(editor)) == editor.list.count()
    assert editor.isVisible()


def test_add_article_opens_where_articles_were_last_chosen(qtbot, bank_file: Path, tmp_path: Path,
                                                           monkeypatch) -> None:
    articles = tmp_path / "my-articles"
    articles.mkdir()
    article = articles / "wessex.txt"
    article.write_text("Wessex fines\n\nThe Wessex council was fined £2m for 13 breaches, the regulator said.\n",
                       encoding="utf-8")
    QSettings().setValue(ARTICLES_DIR_KEY, str(articles))  # as the generate dialog left it
    opened: list[str] = []

    def dialog(_parent, _title, folder, _filter="", *_a, **_k):
        opened.append(folder)
        return str(article), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    editor = open_shown(qtbot, bank_file)
    alt(qtbot, "r")  # Add article...
    qtbot.waitUntil(lambda: opened != [])
    assert opened == [str(articles)]

    # and an article chosen here is where the generate dialog (and the next Add article) opens
    other = tmp_path / "other"
    other.mkdir()
    article = other / "wessex-2.txt"
    article.write_text((articles / "wessex.txt").read_text(encoding="utf-8"), encoding="utf-8")
    editor.list.setFocus()
    alt(qtbot, "r")
    qtbot.waitUntil(lambda: len(opened) == 2)
    assert articles_folder(tmp_path) == other


def test_a_new_question_in_a_bank_of_several_articles_says_to_choose_one(qtbot, moved_bank: Path) -> None:  # noqa: F811
    editor = open_shown(qtbot, moved_bank)
    key(qtbot, Qt.Key.Key_N, CTRL)
    said = editor.picker.title.text()
    assert "Add article" not in said
    assert said == "Choose the article this question comes from in Source: harbour, library-fire, old-notes."
