"""New bank from article: a web page fetched from its address, or pasted text, driven from the keyboard
and the mouse against a real HTTP server on this machine (tests/web_pages.py)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from quizapp.core.article import load_article
from quizapp.core.bank import load_bank
from quizapp.gui.editor import open_editors
from quizapp.gui.generate_dialog import GenerateDialog
from quizapp.gui.paste_dialog import PasteDialog
from tests.conftest import SEED, key, on_modal
from tests.test_gui_generate import Steps, active_dialog, alt
from tests.web_pages import BODY, serving_pages

TIMEOUT = 60_000
PASTED = "\n\n".join(BODY.replace("<p>", "").split("</p>")).strip()  # the article's paragraphs, as text


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving_pages() as address:
        yield address


@pytest.fixture
def banks(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    return folder


def type_address(qtbot, dialog: GenerateDialog, url: str) -> None:
    """Type into the address field, which has the focus when the dialog opens, and press Enter."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.url_edit)
    qtbot.keyClicks(dialog.url_edit, url)
    qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)


def test_a_page_fetched_from_its_address_is_saved_beside_the_bank_and_generated_from(
        qtbot, server: str, banks: Path) -> None:
    dialog = active_dialog(qtbot, banks)
    assert not dialog.fetch_button.isEnabled() and not dialog.generate_button.isEnabled()
    type_address(qtbot, dialog, f"{server}/moved")  # a redirect, followed
    assert dialog.running and dialog.cancel_button.isEnabled() and not dialog.generate_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)
    page = banks / "council-closes-bridge.html"
    assert dialog.articles() == [page.resolve()] and [p.name for p in banks.iterdir()] == [page.name]
    assert "Saved the page as council-closes-bridge.html" in dialog.status.text()
    assert dialog.url_edit.text() == ""
    assert load_article(page).meta.date == "2014-12-29"  # the page's date, for the generator

    # The next Enter generates: the focus is on Generate.
    assert dialog.focusWidget() is dialog.generate_button
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT) as done:
        qtbot.keyClick(dialog.generate_button, Qt.Key.Key_Space)
    assert done.args == [True]
    # The review shows each citation with its source: title, publisher, date and address.
    assert dialog.citation_label.text().endswith(
        f"— Council closes bridge, The Portland Post, 2014-12-29, {server}/article")
    # A short page's questions may all wait below the bar, unticked: the teacher accepts them all.
    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    assert all(dialog.is_accepted(row) for row in range(dialog.question_count()))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (source,) = dialog.accepted_sources.values()
    assert source == {"file": "council-closes-bridge.html", "title": "Council closes bridge",
                      "publisher": "The Portland Post", "date": "2014-12-29", "url": f"{server}/article"}
    assert page.exists()  # the bank needs it


def test_generate_with_an_address_typed_but_not_fetched_fetches_it_then_generates(
        qtbot, server: str, banks: Path) -> None:
    dialog = active_dialog(qtbot, banks)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.url_edit)
    qtbot.keyClicks(dialog.url_edit, f"{server}/article")
    assert dialog.generate_button.isEnabled()  # an address is enough to go on
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT) as done:
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert done.args == [True]
    assert dialog.articles() == [(banks / "council-closes-bridge.html").resolve()]
    assert dialog.question_count() > 0


def offline_address() -> str:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/article"


@pytest.mark.parametrize(("page", "message"), [
    ("/missing", "the site answered 404"),
    ("/report.pdf", "gives application/pdf, not a web page"),
    ("/video", "this page has only 5 words of article text"),
    ("offline", "check that you are online"),
    ("offline, typed without http://", "check that you are online"),
])
def test_a_failed_fetch_says_why_and_writes_nothing(qtbot, server: str, banks: Path, page: str,
                                                    message: str) -> None:
    url = offline_address() if page.startswith("offline") else server + page
    if page.endswith("without http://"):
        url = url.removeprefix("http://")  # named as typed, not as fetched (https://127.0.0.1:...)
    dialog = active_dialog(qtbot, banks)
    type_address(qtbot, dialog, url)
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)
    assert dialog.status.text().startswith(f"Could not fetch the page: {url}: ")
    assert message in dialog.status.text()
    assert list(banks.iterdir()) == [] and dialog.articles() == []
    # The address stays, selected, to be corrected.
    assert dialog.focusWidget() is dialog.url_edit and dialog.url_edit.selectedText() == url
    assert dialog.fetch_button.isEnabled() and dialog.generate_button.isEnabled()  # either tries it again


@pytest.mark.parametrize(("typed", "message"), [
    # Named as typed, without the https:// the dialog adds to an address with no scheme.
    ("not a url", "not a url: not a web address: the host name 'not a url' cannot contain a space"),
    ("http://[::1/x.html", "http://[::1/x.html: not a web address: a [ around the host has no ] to close it"),
])
def test_a_malformed_address_gets_a_message_not_an_error_window(qtbot, banks: Path, typed: str,
                                                                 message: str) -> None:
    dialog = active_dialog(qtbot, banks)
    type_address(qtbot, dialog, typed)
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)
    assert dialog.status.text() == f"Could not fetch the page: {message}"
    assert list(banks.iterdir()) == [] and dialog.url_edit.selectedText() == typed


def test_a_space_in_the_path_is_fetched_as_a_browser_does(qtbot, server: str, banks: Path) -> None:
    dialog = active_dialog(qtbot, banks)
    type_address(qtbot, dialog, f"{server}/my article.html")
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)
    assert dialog.articles() == [(banks / "council-closes-bridge.html").resolve()]


def test_stop_drops_a_slow_fetch_at_once_and_nothing_is_saved(qtbot, server: str, banks: Path) -> None:
    dialog = active_dialog(qtbot, banks)
    qtbot.keyClicks(dialog.url_edit, f"{server}/slow")  # answers after 2 seconds
    qtbot.mouseClick(dialog.fetch_button, Qt.MouseButton.LeftButton)
    task = dialog.task
    assert task is not None and dialog.progress.maximum() == 0  # busy
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.running and dialog.status.text() == "Stopped: the page was not saved."
    assert dialog.url_edit.isEnabled() and dialog.fetch_button.isEnabled()
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass  # the site answers later; what it sends is thrown away
    assert list(banks.iterdir()) == [] and dialog.articles() == []
    assert dialog.status.text() == "Stopped: the page was not saved."


def test_closing_the_dialog_removes_the_pages_it_fetched(qtbot, server: str, banks: Path) -> None:
    dialog = active_dialog(qtbot, banks)
    type_address(qtbot, dialog, f"{server}/article")
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)
    assert len(list(banks.iterdir())) == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and list(banks.iterdir()) == []


def fill_paste_dialog(qtbot, dialog: PasteDialog, *, date: str) -> None:
    """Type the title, paste the text with Ctrl+V, tab on to the date, type it, press Save and add."""
    assert isinstance(dialog, PasteDialog) and dialog.focusWidget() is dialog.title_edit
    qtbot.keyClicks(dialog.title_edit, "Council closes bridge")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.text_edit
    QApplication.clipboard().setText(PASTED)
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):  # author, publisher, date
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.date_edit
    qtbot.keyClicks(dialog.date_edit, date)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_pasted_text_is_saved_as_an_article_with_its_title_then_generated_from(qtbot, banks: Path) -> None:
    dialog = active_dialog(qtbot, banks)
    seen: list[str] = []

    def paste(paste_dialog: PasteDialog) -> None:
        fill_paste_dialog(qtbot, paste_dialog, date="29 December")
        # A date that is not one: said, nothing written, everything typed kept.
        seen.append(paste_dialog.problem.text())
        assert paste_dialog.isVisible() and list(banks.iterdir()) == []
        assert paste_dialog.text_edit.toPlainText() == PASTED
        paste_dialog.date_edit.selectAll()
        qtbot.keyClicks(paste_dialog.date_edit, "2014-12-29")
        qtbot.mouseClick(paste_dialog.save_button, Qt.MouseButton.LeftButton)

    on_modal(qtbot, paste)
    qtbot.mouseClick(dialog.paste_button, Qt.MouseButton.LeftButton)
    assert seen == ["Not saved: the date '29 December' is not a date: write it as YYYY-MM-DD, e.g. "
                    "2024-05-01, or leave it empty."]
    saved = banks / "council-closes-bridge.md"
    assert dialog.articles() == [saved.resolve()]
    assert "Saved the text as council-closes-bridge.md" in dialog.status.text()
    article = load_article(saved)
    assert (article.meta.title, article.meta.date) == ("Council closes bridge", "2014-12-29")
    assert article.text.startswith("# Council closes bridge\n\n")

    assert dialog.focusWidget() is dialog.generate_button
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT) as done:
        qtbot.keyClick(dialog.generate_button, Qt.Key.Key_Space)
    assert done.args == [True]
    assert dialog.citation_label.text().endswith("— Council closes bridge, 2014-12-29")
    asked: list[str] = []
    with Steps().then(QMessageBox, lambda box: (asked.append(box.informativeText()),
                                                alt(qtbot, "d"))):  # Discard the generated questions
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    # No bank cites the text: like a fetched page, the file the dialog wrote goes, and it said so.
    assert asked == ["None of them has been added to a bank yet. The articles saved here "
                     "(council-closes-bridge.md) are removed too."]
    assert list(banks.iterdir()) == []


def test_pasted_front_matter_is_the_articles_metadata_never_a_question(qtbot, banks: Path) -> None:
    # The whole of an article file that starts with a block of "---", "author: ...", "---", pasted.
    dialog = active_dialog(qtbot, banks)
    seen: list[str] = []

    def paste(paste_dialog: PasteDialog) -> None:
        paste_dialog.activateWindow()
        qtbot.waitUntil(paste_dialog.isActiveWindow)
        qtbot.keyClicks(QApplication.focusWidget(), "French helicopter collision")  # the title
        key(qtbot, Qt.Key.Key_Tab)
        QApplication.clipboard().setText(SEED.read_text(encoding="utf-8"))
        key(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        seen.append(paste_dialog.author_edit.text())  # filled from the block
        alt(qtbot, "s")  # Save and add

    on_modal(qtbot, paste)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.url_edit)
    alt(qtbot, "x")  # Paste text...
    qtbot.waitUntil(lambda: len(dialog.articles()) == 1)
    assert seen == ["Paquette"]
    article = load_article(banks / "french-helicopter-collision.md")
    assert (article.meta.title, article.meta.author) == ("French helicopter collision", "Paquette")
    assert "---" not in article.text and "author:" not in article.text
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.generate_button)
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT):
        key(qtbot, Qt.Key.Key_Return)  # Generate
    asked = [dialog.question(row) for row in range(dialog.question_count())]
    soldiers = next(q for q in asked if q["answer"] == 13)
    assert soldiers["prompt"].startswith("A collision of two helicopters killed ___ French soldiers")
    assert soldiers["cite"]["quote"].startswith("A collision of two helicopters killed 13")
    for q in asked:
        assert "---" not in q["prompt"] + str(q["cite"]) and "Paquette" not in q["prompt"] + str(q["cite"])


def test_an_article_pasted_where_the_focus_is_goes_to_the_text_and_its_headline_is_the_title(
        qtbot, banks: Path) -> None:
    """Ctrl+V as the dialog opens, as a page copied from a browser is pasted, put the whole article in the Title, on
    one line, and left the Text box empty and Save and add off, with nothing said why."""
    dialog = active_dialog(qtbot, banks)
    copied = f"Council closes bridge over the Tay\n\nBy Ann Lee\n\n{PASTED}"
    seen: list[tuple[str, str, bool, bool]] = []

    def paste(paste_dialog: PasteDialog) -> None:
        paste_dialog.activateWindow()
        qtbot.waitUntil(paste_dialog.isActiveWindow)
        QApplication.clipboard().setText(copied)
        key(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # in the Title, where the focus is
        seen.append((paste_dialog.title_edit.text(), paste_dialog.text_edit.toPlainText(),
                     paste_dialog.save_button.isEnabled(), QApplication.focusWidget() is paste_dialog.title_edit))
        if paste_dialog.save_button.isEnabled():
            alt(qtbot, "s")  # Save and add
        else:  # (the test fails below, rather than waiting on a dialog nobody can close with Save)
            paste_dialog.done(0)

    on_modal(qtbot, paste)
    alt(qtbot, "x")  # Paste text...
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    assert seen == [("Council closes bridge over the Tay", copied, True, True)]
    saved = banks / "council-closes-bridge-over-the-tay.md"
    assert dialog.articles() == [saved.resolve()]
    article = load_article(saved)
    assert article.meta.title == "Council closes bridge over the Tay"
    assert article.text.startswith("# Council closes bridge over the Tay\n\nBy Ann Lee\n\n")  # the headline once


def test_a_headline_pasted_in_the_text_box_is_the_title_unless_one_is_typed_or_it_is_a_byline(
        qtbot, banks: Path) -> None:
    dialog = PasteDialog(None, folder=banks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.title_edit)

    def paste_text(text: str) -> None:
        alt(qtbot, "x")  # the Text box
        key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QApplication.clipboard().setText(text)
        key(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    qtbot.keyClicks(QApplication.focusWidget(), "Bridge")  # the Title
    paste_text(f"Council closes bridge over the Tay\n\n{PASTED}")
    assert dialog.title_edit.text() == "Bridge"
    alt(qtbot, "t")
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_Delete)
    paste_text(PASTED)  # it starts with a sentence
    assert dialog.title_edit.text() == "" and not dialog.save_button.isEnabled()
    paste_text(f"By Ann Lee\n\n{PASTED}")
    assert dialog.title_edit.text() == ""
    paste_text(f"# Council closes bridge\n\n{PASTED}")  # copied from a Markdown file
    assert dialog.title_edit.text() == "Council closes bridge" and dialog.save_button.isEnabled()
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_Delete)  # (closes without asking)


def test_pasted_text_no_bank_cites_is_removed_and_the_teachers_files_stay(qtbot, banks: Path) -> None:
    mine = banks / "my-notes.md"  # the teacher's own files in the folder, one of them chosen
    mine.write_text("---\ntitle: My notes\n---\nThe bridge was built in 1931.\n", encoding="utf-8")
    chosen = banks / SEED.name
    chosen.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    dialog = active_dialog(qtbot, banks)
    dialog.add_article(chosen)
    on_modal(qtbot, lambda paste_dialog: fill_paste_dialog(qtbot, paste_dialog, date="2014-12-29"))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.url_edit)
    alt(qtbot, "x")  # Paste text...
    pasted = banks / "council-closes-bridge.md"
    qtbot.waitUntil(lambda: len(dialog.articles()) == 2)
    assert pasted.exists()

    def active_again() -> bool:  # as the window manager makes it once the paste dialog has closed
        dialog.activateWindow()
        return QApplication.focusWidget() is dialog.generate_button

    qtbot.waitUntil(active_again)
    # Changed their mind: the pasted text leaves the list, and questions come from the chosen file.
    row = dialog.files.visualItemRect(dialog.files.item(1))
    qtbot.mouseClick(dialog.files.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    assert [item.text() for item in dialog.files.selectedItems()] == [pasted.name]
    alt(qtbot, "r")  # Remove
    qtbot.waitUntil(lambda: dialog.articles() == [chosen.resolve()])
    dialog.max_questions.setValue(2)
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT):
        alt(qtbot, "g")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # Add 2 questions
    assert dialog.result() == GenerateDialog.DialogCode.Accepted and dialog.accepted_questions
    assert sorted(p.name for p in banks.iterdir()) == sorted([mine.name, chosen.name])


def test_new_bank_from_a_web_page_shows_its_source_with_every_citation(
        qtbot, main_window, monkeypatch: pytest.MonkeyPatch, server: str, data_dir: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda _p, _t, default, _f: (default, "")))

    def fetch_generate_add(dialog: GenerateDialog) -> None:
        # Once the page is in the list, Enter on the focused Generate; then Add the questions.
        def press_generate() -> None:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)

        dialog.files.model().rowsInserted.connect(lambda *_: QTimer.singleShot(0, press_generate))
        # A short page's questions may all wait below the bar, unticked: accept them all, then Add.
        # (With nothing to add, the dialog is closed: the test then fails instead of waiting forever.)
        def accept_and_add(ok: bool) -> None:
            dialog.accept_all_button.click()
            dialog.ok_button.click() if dialog.ok_button.isEnabled() else dialog.reject()

        dialog.generation_finished.connect(accept_and_add)
        type_address(qtbot, dialog, f"{server}/article")

    on_modal(qtbot, fetch_generate_add)
    with qtbot.waitSignal(main_window.library.loaded, timeout=TIMEOUT):
        main_window.new_from_article_action.trigger()
    (editor,) = open_editors()
    qtbot.addWidget(editor)
    path = editor.draft.path
    assert path == (data_dir / "banks" / "council-closes-bridge.yaml").resolve()
    assert sorted(p.name for p in path.parent.iterdir()) == ["council-closes-bridge.html", path.name]
    loaded = load_bank(path)
    assert loaded.bank.questions

    # A quiz on the new bank: after an answer, the proof names its source in full.
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    def practice(options) -> None:  # type: ignore[no-untyped-def]
        qtbot.mouseClick(options.practice, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(options.ok_button, Qt.MouseButton.LeftButton)

    on_modal(qtbot, practice)
    qtbot.mouseClick(main_window.library.start_button, Qt.MouseButton.LeftButton)
    quiz = main_window.quiz
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is quiz)
    qtbot.mouseClick(quiz.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(quiz.feedback.isVisible)
    assert quiz.feedback.source.text() == (
        f"— Council closes bridge, The Portland Post, 2014-12-29, {server}/article")


def test_a_new_bank_saved_outside_the_data_folder_takes_its_pasted_text_along(
        qtbot, main_window, data_dir: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared"  # a folder of the teacher's, not quizapp's
    shared.mkdir()

    def paste(dialog: PasteDialog) -> None:
        qtbot.keyClicks(QApplication.focusWidget(), "Council closes bridge")  # the title
        key(qtbot, Qt.Key.Key_Tab)
        QApplication.clipboard().setText(PASTED)
        key(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        alt(qtbot, "s")  # Save and add

    def generate(dialog: GenerateDialog) -> None:
        key(qtbot, Qt.Key.Key_Return)  # Generate (the focus is on it)

    def add_all(dialog: GenerateDialog) -> None:
        alt(qtbot, "c")  # Accept all
        qtbot.waitUntil(dialog.ok_button.isEnabled)
        alt(qtbot, "q")  # Add the questions: asks where to save the bank

    def save_in_shared(file_dialog: QFileDialog) -> None:
        key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(QApplication.focusWidget(), str(shared / "bridge.yaml"))
        key(qtbot, Qt.Key.Key_Return)

    steps = (Steps()
             .then(GenerateDialog, lambda _d: alt(qtbot, "x"))  # Paste text...
             .then(PasteDialog, paste)
             .then(GenerateDialog, generate, ready=lambda d: bool(d.articles()) and d.generate_button.hasFocus())
             .then(GenerateDialog, add_all, ready=lambda d: not d.running and d.question_count() > 0)
             .then(QFileDialog, save_in_shared))
    with steps, qtbot.waitSignal(main_window.library.loaded, timeout=TIMEOUT):
        key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New bank from article
    assert not steps.todo
    (editor,) = open_editors()
    qtbot.addWidget(editor)
    assert editor.draft.path == (shared / "bridge.yaml").resolve()
    # The text is beside the bank, which cites it there; none is left behind in the data folder.
    assert sorted(p.name for p in shared.iterdir()) == ["bridge.yaml", "council-closes-bridge.md"]
    (source,) = load_bank(shared / "bridge.yaml").bank.sources.values()
    assert source.file == "council-closes-bridge.md"
    assert editor.sources_label.text() == "Articles: council-closes-bridge.md"
    assert list((data_dir / "banks").iterdir()) == []


def test_saving_a_bank_that_cites_pasted_text_in_the_data_folder_takes_it_along(
        qtbot, data_dir: Path, tmp_path: Path, settings_dir: Path) -> None:
    from tests.test_draft import bank_citing_pasted_text
    from tests.test_gui_editor_problems import open_shown

    bank = bank_citing_pasted_text(data_dir, tmp_path / "shared")
    editor = open_shown(qtbot, bank)
    assert editor.sources_label.text().startswith("Articles: ../")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sorted(p.name for p in bank.parent.iterdir()) == ["bridge-closes.md", "bridge.yaml", "bridge.yaml.bak"]
    assert load_bank(bank).articles and editor.sources_label.text() == "Articles: bridge-closes.md"
    assert editor.statusBar().currentMessage() == "Saved bridge.yaml, bridge-closes.md copied beside it"
    assert editor.statusBar().toolTip() == (
        f"Saved {bank} and its article bridge-closes.md beside it, so that it can be moved or shared with what "
        "it cites")
