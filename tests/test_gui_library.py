"""The library: bundled bank, opened banks remembered, broken banks listed with their errors."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.gui.generate_dialog import GenerateDialog
from tests.conftest import SEED, on_modal

BROKEN = """\
title: Broken bank
sources:
  a: {file: article.txt}
questions:
  - id: q1
    type: choice
    prompt: Which city?
    answer: Paris
    distractors: [Paris, Lyon]
    cite: {quote: not in the article at all}
"""


def write_bank(folder: Path, name: str, text: str) -> Path:
    (folder / "article.txt").write_text("Paris is the capital of France. Lyon is not.\n", encoding="utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    # PySide6 offers only the QPoint form, which it marks deprecated.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_bundled_bank_is_listed_with_its_details(main_window) -> None:
    library = main_window.library
    assert library.list.count() == 1
    # never studied: nothing due, all 18 new (the daily limit is 20)
    assert library.list.item(0).text() == "French helicopter collision in Mali\n18 questions · 0 due now · 18 new"
    assert library.study_line.text() == "0 due now · 18 new for study today"
    assert library.name.text() == "French helicopter collision in Mali"
    assert library.counts.text() == "18 questions: 8 choice, 10 numeric"
    assert library.sources.text() == "Source: mali-helicopter-collision.txt by Paquette"
    assert library.score_line.text() == "Not taken yet"
    assert library.start_button.isEnabled()


def test_broken_bank_dropped_is_listed_with_its_errors_and_cannot_start(
        qtbot: QtBot, main_window, tmp_path: Path) -> None:
    library = main_window.library
    broken = write_bank(tmp_path, "broken.yaml", BROKEN)
    with qtbot.waitSignal(library.loaded):
        drop(library, [broken])
    assert library.list.count() == 2
    assert library.list.currentRow() == 1  # the dropped bank is selected
    assert library.list.item(1).text() == "Broken bank\n2 errors: cannot be started"  # its title
    assert not library.start_button.isEnabled()
    problems = library.problems.toPlainText().splitlines()
    assert problems[0].startswith(f"{broken}:9:")
    assert "distractor `Paris` is the same as the answer" in problems[0]
    assert problems[1].startswith(f"{broken}:10:")
    assert "the quote is not in the article" in problems[1]
    # Activating it does nothing; the bundled bank still starts.
    library.start_current()
    assert main_window.stack.currentWidget() is library
    library.list.setCurrentRow(0)
    assert library.start_button.isEnabled()


def test_opened_banks_are_remembered_and_a_missing_one_is_shown(
        qtbot: QtBot, main_window, tmp_path: Path) -> None:
    from quizapp.gui.library import remembered_banks

    good = write_bank(tmp_path, "good.yaml", BROKEN.replace("[Paris, Lyon]", "[Lyon, Marseille]")
                      .replace("not in the article at all", "Paris is the capital of France"))
    gone = tmp_path / "gone.yaml"
    with qtbot.waitSignal(main_window.library.loaded):
        main_window.library.add_banks([good, gone])
    assert remembered_banks() == [good.resolve(), gone.resolve()]
    texts = [main_window.library.list.item(i).text() for i in range(3)]
    assert texts[1] == "Broken bank\n1 question · 0 due now · 1 new"
    assert texts[2] == "gone.yaml\n1 error: cannot be started"
    main_window.library.list.setCurrentRow(2)
    assert "file not found" in main_window.library.problems.toPlainText()
    # Remove it from the list: it is forgotten.
    with qtbot.waitSignal(main_window.library.loaded):
        qtbot.mouseClick(main_window.library.remove_button, Qt.MouseButton.LeftButton)
    assert remembered_banks() == [good.resolve()]
    assert main_window.library.list.count() == 2


def test_removing_a_bank_says_where_its_file_stays_and_keeps_the_place(
        qtbot: QtBot, main_window, tmp_path: Path) -> None:
    library = main_window.library
    good = BROKEN.replace("[Paris, Lyon]", "[Lyon, Marseille]").replace("not in the article at all",
                                                                         "Paris is the capital of France")
    first, second = write_bank(tmp_path, "first.yaml", good), write_bank(tmp_path, "second.yaml", good)
    with qtbot.waitSignal(library.loaded):
        library.add_banks([first, second])
    row = next(i for i, c in enumerate(library.checks) if c.path == first)
    library.list.setCurrentRow(row)
    with qtbot.waitSignal(library.loaded):
        qtbot.mouseClick(library.remove_button, Qt.MouseButton.LeftButton)
    assert first.exists()
    assert library.status.text().startswith(f"Removed first.yaml from the list; the file stays in {tmp_path}. "
                                            "Ctrl+Z puts it back.\n")
    assert library.list.currentRow() == row  # on the bank that moved up into its row
    assert library.current_check().path == second


def test_an_article_dropped_on_the_library_opens_new_bank_from_article_with_it(
        qtbot: QtBot, main_window, tmp_path: Path) -> None:
    """It only wrote a status line, easy to miss, that File > New bank from article… makes questions of it."""
    article = tmp_path / "helicopters.txt"
    shutil.copy2(SEED, article)
    library = main_window.library
    library.say("Removed old.yaml from the list")  # what an action before said
    seen: list[list[Path]] = []

    def look_and_cancel(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, GenerateDialog)
        seen.append(dialog.articles())
        dialog.reject()

    on_modal(qtbot, look_and_cancel)
    drop(library, [article])
    assert seen == [[article.resolve()]]
    assert "Removed old.yaml" not in library.status.text()


def test_a_bank_that_is_not_yaml_at_all(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"title: [unclosed\nquestions: \xff\n")
    with qtbot.waitSignal(main_window.library.loaded):
        main_window.library.add_banks([bad])
    assert main_window.library.list.count() == 2
    assert main_window.library.problems.toPlainText().startswith(f"{bad}:2:")


def test_two_banks_of_one_title_are_told_apart_by_their_files(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    """A copy of a bank (same title) is listed with its file name, and so is the original."""
    good = BROKEN.replace("[Paris, Lyon]", "[Lyon, Marseille]").replace("not in the article at all",
                                                                         "Paris is the capital of France")
    first = write_bank(tmp_path, "capitals.yaml", good)
    (tmp_path / "class-b").mkdir()
    second = write_bank(tmp_path / "class-b", "capitals.yaml", good)
    third = write_bank(tmp_path, "capitals-copy.yaml", good)
    with qtbot.waitSignal(main_window.library.loaded):
        main_window.library.add_banks([first, second, third])
    texts = {main_window.library.list.item(i).text().split("\n")[0] for i in range(main_window.library.list.count())}
    # (two files named alike: each named with its folder)
    assert {f"Broken bank ({tmp_path.name}/capitals.yaml)", "Broken bank (class-b/capitals.yaml)",
            f"Broken bank ({tmp_path.name}/capitals-copy.yaml)"} <= texts
    assert "French helicopter collision in Mali" in texts  # a title no other bank has stays as it is


LIBRARY_DATA = Path(__file__).parent / "data" / "library"


def test_a_bank_with_errors_is_listed_by_its_title_and_one_that_does_not_read_by_its_file_name(
        qtbot: QtBot, main_window) -> None:
    """A bank whose question lost its answer was listed as rain-no-answer.yaml: it goes by the title written
    in it, still marked, with its errors; a copy of a good bank tells the two apart by their file names."""
    from tests.test_gui_keyboard_start import focused

    library = main_window.library
    names = ["floods.yaml", "floods-no-answer.yaml", "rain-no-answer.yaml", "rain-unclosed.yaml"]
    with qtbot.waitSignal(library.loaded):
        drop(library, [LIBRARY_DATA / name for name in names])
    texts = {c.path.name: library.list.item(i).text() for i, c in enumerate(library.checks)}
    assert texts["floods.yaml"].startswith("Floods in the valley (floods.yaml)\n1 question")
    assert texts["floods-no-answer.yaml"] == "Floods in the valley (floods-no-answer.yaml)\n1 error: cannot be started"
    assert texts["rain-no-answer.yaml"] == "Three days of rain\n1 error: cannot be started"
    assert texts["rain-unclosed.yaml"] == "rain-unclosed.yaml\n1 error: cannot be started"

    # Picked with the arrow keys, each shows its title (or file name), its errors and no Start.
    main_window.activateWindow()
    library.focus_list()
    shown = {}
    for _ in range(library.list.count()):
        check = library.current_check()
        shown[check.path.name] = (library.name.text(), library.problems.toPlainText().splitlines()[:1],
                                  library.start_button.isEnabled())
        qtbot.keyClick(focused(qtbot, main_window), Qt.Key.Key_Down)
    folder = LIBRARY_DATA
    assert shown["rain-no-answer.yaml"] == ("Three days of rain", [
        f"{folder / 'rain-no-answer.yaml'}:5:5: missing `answer`: add `answer:` with the right answer"], False)
    assert shown["floods-no-answer.yaml"][0] == "Floods in the valley"
    assert shown["floods-no-answer.yaml"][1][0].startswith(f"{folder / 'floods-no-answer.yaml'}:6:5: ")
    assert shown["rain-unclosed.yaml"][0] == "rain-unclosed.yaml"
    assert shown["rain-unclosed.yaml"][1][0].startswith(
        f"{folder / 'rain-unclosed.yaml'}:9:18: the `[` list opened here is not closed")
    assert not shown["rain-unclosed.yaml"][2] and shown["floods.yaml"][2]


def test_a_bank_of_no_questions_is_listed_and_says_why_it_cannot_start(qtbot: QtBot, main_window,
                                                                       tmp_path: Path) -> None:
    """A bank made to write one's own questions about its article, none written yet: valid, listed, editable; Enter
    (or Start quiz…, Study) says why nothing starts, rather than open the quiz options on nothing."""
    from PySide6.QtWidgets import QDialog

    from tests.conftest import Steps, key

    path = write_bank(tmp_path, "empty.yaml", "title: Paris facts\nsources:\n  a: {file: article.txt}\nquestions: []\n")
    library = main_window.library
    with qtbot.waitSignal(library.loaded, timeout=10_000):
        library.add_banks([path])
    library.select_bank(path)
    assert library.list.currentItem().text() == "Paris facts\nNo questions yet: cannot be started"
    assert library.counts.text() == ("No questions yet: a quiz can start once it has some. Press Edit bank… to "
                                     "write them.")
    assert library.sources.text() == "Source: article.txt"
    assert library.current_check().problems == []
    assert not library.start_button.isEnabled() and not library.study_button.isEnabled()
    assert library.edit_button.isEnabled()
    opened: list[str] = []
    library.list.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is library.list)
    with Steps().then(QDialog, lambda d: (opened.append(d.windowTitle()), d.reject())):
        key(qtbot, Qt.Key.Key_Return)  # as if to start it
        key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Quiz > Start quiz…
    assert opened == []  # not the quiz options, with nothing to start
    assert library.status.text().startswith("Paris facts: No questions yet: a quiz can start once it has some.")
    library.say("")
    key(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Quiz > Study due questions: why not, too
    assert main_window.stack.currentWidget() is library
    assert library.status.text().startswith("Paris facts: No questions yet: a quiz can start once it has some.")


def test_export_of_a_bank_of_no_questions_says_there_is_nothing_to_export(qtbot: QtBot, main_window,
                                                                          tmp_path: Path) -> None:
    """Ctrl+E on a bank of no questions opened the export's file dialog and wrote a file of nothing: it says
    why nothing is exported instead, in the status line, as Enter says why nothing starts."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog

    from tests.conftest import Steps, key
    from tests.test_gui_keyboard_start import focused

    path = write_bank(tmp_path, "empty.yaml", "title: Paris facts\nsources:\n  a: {file: article.txt}\nquestions: []\n")
    out = tmp_path / "exports"
    out.mkdir()
    QSettings().setValue("export/dir", str(out))
    library = main_window.library
    with qtbot.waitSignal(library.loaded, timeout=10_000):
        library.add_banks([path])
    library.focus_list()
    for _ in library.checks:  # down the list to the bank, as a person would
        if library.current_check().path == path:
            break
        key(qtbot, Qt.Key.Key_Down)
    assert library.current_check().path == path and focused(qtbot, main_window) is library.list
    opened: list[str] = []
    with Steps().then(QDialog, lambda d: (opened.append(d.windowTitle()), d.reject())):
        key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File > Export bank… (a dialog: modal, in it)
    assert opened == []  # no file dialog, for nothing to export
    assert list(out.iterdir()) == []
    assert library.status.text().startswith("Paris facts: No questions yet: nothing to export.")
    assert focused(qtbot, main_window) is library.list


def test_export_of_a_bank_with_errors_says_why_it_is_not_exported(qtbot: QtBot, main_window, tmp_path: Path) -> None:
    """Ctrl+E on a bank listed with errors did nothing at all (the action was disabled), and the pane said only
    that it cannot be started: the status line says it cannot be exported until its errors are fixed."""
    from PySide6.QtWidgets import QDialog

    from tests.conftest import Steps, key
    from tests.test_gui_keyboard_start import focused

    path = tmp_path / "floods.yaml"
    shutil.copy2(LIBRARY_DATA / "floods-no-answer.yaml", path)
    shutil.copy2(LIBRARY_DATA / "floods.txt", tmp_path / "floods.txt")
    library = main_window.library
    with qtbot.waitSignal(library.loaded, timeout=10_000):
        library.add_banks([path])
    library.focus_list()
    while library.current_check().path != path:  # down the list to the bank, as a person would
        key(qtbot, Qt.Key.Key_Down)
    assert library.current_check().loaded is None and focused(qtbot, main_window) is library.list
    opened: list[str] = []
    with Steps().then(QDialog, lambda d: (opened.append(d.windowTitle()), d.reject())):
        key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File > Export bank…
    assert opened == []
    assert library.status.text().startswith("Floods in the valley: 1 error: cannot be exported until it is fixed. "
                                            "Press Edit bank… to fix it.\n")
    assert focused(qtbot, main_window) is library.list
