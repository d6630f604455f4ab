"""File > Export: a PDF worksheet's paper size is chosen in the export dialog, from the locale's at first,
then the last one used."""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from quizapp.formats import EXPORT_FORMATS
from quizapp.formats.pdf import answer_key_path, default_paper
from quizapp.gui.problems_box import ProblemsBox
from tests.conftest import Steps, alt, key
from tests.test_formats_pdf import POINTS, read_pdf
from tests.test_gui_keyboard_start import dialog_closed, focused

OTHER = {"a4": "letter", "letter": "a4"}
PAPER_KEYS = {"a4": Qt.Key.Key_Home, "letter": Qt.Key.Key_End}  # A4 comes first, Letter last


def is_giveaway_warning(box: ProblemsBox) -> bool:
    return box.windowTitle() == "Questions give each other away"


def export_with_keys(qtbot, window, target: Path, *, pdf_type: bool = False, paper: str | None = None,
                     look: Callable[[QMessageBox], None] = lambda _box: None,
                     warned: list[str] | None = None) -> list[str]:
    """Ctrl+E, then in the export dialog: the PDF file type (Tab to it, End), the paper size (Alt+P, Home or End)
    when it shows, the file name (Alt+N) and Enter; Export anyway (Alt+E) when questions give each other away
    (`warned` gets the warning); close the "Exported" box. The list gets the paper size the dialog offered, if it
    showed one; `look` sees the "Exported" box before it closes."""
    offered: list[str] = []

    def fill_in(dialog: QFileDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        if pdf_type:
            name = QApplication.focusWidget()  # the file name field
            qtbot.keyClick(name, Qt.Key.Key_Tab)  # to the file type
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)  # the last: the PDF worksheet
        if any(label.isVisible() and label.text() == "&Paper size:" for label in dialog.findChildren(QLabel)):
            alt(qtbot, "p")
            paper_box = QApplication.focusWidget()
            assert isinstance(paper_box, QComboBox)
            offered.append(str(paper_box.currentData()))
            if paper is not None:
                qtbot.keyClick(paper_box, PAPER_KEYS[paper])
        alt(qtbot, "n")
        key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(QApplication.focusWidget(), str(target))
        key(qtbot, Qt.Key.Key_Return)

    export_with(qtbot, window, target, fill_in, look, warned)
    return offered


def export_with(qtbot, window, target: Path, fill_in: Callable[[QFileDialog], None],
                look: Callable[[QMessageBox], None] = lambda _box: None, warned: list[str] | None = None) -> None:
    """Ctrl+E, `fill_in` the export dialog, Export anyway (Alt+E) when questions give each other away (`warned`
    gets the warning), and close the "Exported" box that names `target` (`look` sees it)."""
    warned = [] if warned is None else warned

    def export_anyway(box: ProblemsBox) -> None:
        warned.append(f"{box.summary.text()}\n{box.problems.toPlainText()}\n{box.question.text()}")
        alt(qtbot, "e")

    def exported() -> bool:
        box = QApplication.activeModalWidget()
        return isinstance(box, QMessageBox) and box.windowTitle() == "Exported"

    with Steps().then(QFileDialog, fill_in).then(ProblemsBox, export_anyway, ready=is_giveaway_warning):
        qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(exported, timeout=10_000)
    box = QApplication.activeModalWidget()
    assert box.windowTitle() == "Exported" and str(target) in box.text(), box.text()
    look(box)
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Return)
    assert not box.isVisible()
    dialog_closed(window)


def test_the_export_dialog_offers_the_paper_size_of_a_worksheet(qtbot, main_window, tmp_path: Path) -> None:
    window = main_window
    first = tmp_path / "first.pdf"
    # At first the paper the system's locale uses (Letter in the US, A4 elsewhere).
    assert export_with_keys(qtbot, window, first, pdf_type=True) == [default_paper()]
    assert set(read_pdf(first)[1]) == {POINTS[default_paper()]}

    other = OTHER[default_paper()]
    second = tmp_path / "second.pdf"
    assert export_with_keys(qtbot, window, second, paper=other) == [default_paper()]  # (PDF was kept)
    # Both the worksheet and its answer key are on the paper chosen.
    assert set(read_pdf(second)[1]) == set(read_pdf(answer_key_path(second))[1]) == {POINTS[other]}

    third = tmp_path / "third.pdf"
    assert export_with_keys(qtbot, window, third) == [other]  # the paper used last
    assert set(read_pdf(third)[1]) == {POINTS[other]}



def test_the_exported_box_shows_its_whole_title(qtbot, main_window) -> None:
    """A short file name made a box narrower than its title bar needs: "Exp… pp" of "Exported — quizapp"."""
    folder = Path(tempfile.mkdtemp(prefix="q", dir="/tmp"))  # a short path: /tmp/q1a2b3c4/q.csv
    widths: list[tuple[int, int]] = []

    def measure(box: QMessageBox) -> None:
        bold = QFont(box.font())
        bold.setBold(True)  # as many window managers write a title
        # The title as the title bar shows it, and room for an icon and three buttons (openbox, KDE).
        widths.append((box.width(), QFontMetrics(bold).horizontalAdvance("Exported — quizapp") + 100))

    try:
        for name in ("q.csv", "q.pdf"):  # one file written, and two
            export_with_keys(qtbot, main_window, folder / name, pdf_type=name.endswith(".pdf"), look=measure)
    finally:
        shutil.rmtree(folder)
    assert len(widths) == 2 and all(width >= needed for width, needed in widths), widths


def test_a_pdf_name_typed_under_another_file_type_offers_the_paper_size(qtbot, main_window, tmp_path: Path) -> None:
    """The file type follows the name typed: "mali.pdf" typed while the type is Anki shows the paper size."""
    from PySide6.QtCore import QSettings

    QSettings().setValue("export/format", "anki")
    other = OTHER[default_paper()]
    target = tmp_path / "mali.pdf"
    seen: list[tuple[str, bool]] = []

    def fill_in(dialog: QFileDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        paper_label = next(label for label in dialog.findChildren(QLabel) if label.text() == "&Paper size:")
        for name in (tmp_path / "mali.pdf", tmp_path / "mali.csv", target):
            alt(qtbot, "n")
            key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(QApplication.focusWidget(), str(name))
            seen.append((dialog.selectedNameFilter(), paper_label.isVisible()))
        alt(qtbot, "p")
        qtbot.keyClick(QApplication.focusWidget(), PAPER_KEYS[other])
        alt(qtbot, "n")
        key(qtbot, Qt.Key.Key_Return)

    export_with(qtbot, main_window, target, fill_in)
    pdf, csv = EXPORT_FORMATS["pdf"].file_filter, EXPORT_FORMATS["csv"].file_filter
    assert seen == [(pdf, True), (csv, False), (pdf, True)]
    assert set(read_pdf(target)[1]) == {POINTS[other]}


def test_an_export_names_the_questions_that_give_each_other_away_and_may_be_cancelled(
        qtbot, main_window, tmp_path: Path) -> None:
    """The bundled bank quotes "These 13 heroes" in one question and asks how many soldiers died in another:
    before writing, the export says so and offers to go on (Alt+E) or cancel (Esc)."""
    warned: list[str] = []
    kept = tmp_path / "kept.pdf"
    export_with_keys(qtbot, main_window, kept, pdf_type=True, warned=warned)
    assert kept.exists()
    assert len(warned) == 1 and (
        "Question 3 “Who said \"These 13 heroes had only one…” shows 13, the answer of question 1 “How many "
        "French soldiers were killed when two…”") in warned[0]

    def save_as(dialog: QFileDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        alt(qtbot, "n")
        key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(QApplication.focusWidget(), str(tmp_path / "dropped.pdf"))
        key(qtbot, Qt.Key.Key_Return)

    asked: list[str] = []
    with Steps().then(QFileDialog, save_as).then(ProblemsBox, lambda box: (asked.append(box.windowTitle()),
                                                                         key(qtbot, Qt.Key.Key_Escape))):
        qtbot.keyClick(focused(qtbot, main_window), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(asked))
    dialog_closed(main_window)
    assert asked == ["Questions give each other away"]
    assert not list(tmp_path.glob("dropped*"))
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)  # no "Exported"


def test_the_search_for_giveaways_runs_off_the_gui_thread_and_its_cancel_drops_the_export(
        qtbot, main_window, tmp_path: Path) -> None:
    """On a 10,000-question bank the search takes seconds: it runs on the worker threads, with a progress
    dialog whose Cancel (Esc) drops the export, writing nothing. The workers are kept busy here until Esc is
    pressed, as a large bank keeps them, so the window must answer while the search has not even begun."""
    pool = QThreadPool.globalInstance()
    busy = threading.Event()
    for _ in range(pool.maxThreadCount()):
        pool.start(lambda: busy.wait(30))
    target = tmp_path / "dropped.gift"
    seen: list[tuple[str, str]] = []

    def save_as(dialog: QFileDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        alt(qtbot, "n")
        key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(QApplication.focusWidget(), str(target))
        key(qtbot, Qt.Key.Key_Return)

    def cancel(progress: QDialog) -> None:
        if not isinstance(progress, QProgressDialog):  # the warning, come while the window waited
            unexpected(progress)
            return
        buttons = [b.text() for b in progress.findChildren(QPushButton) if b.isVisible()]
        seen.append((progress.labelText(), " ".join(buttons)))
        key(qtbot, Qt.Key.Key_Escape)

    def unexpected(box: QDialog) -> None:
        shown.append(box.windowTitle())
        box.done(0)

    shown: list[str] = []
    try:
        with Steps().then(QFileDialog, save_as).then(QDialog, cancel).then(QDialog, unexpected):
            qtbot.keyClick(focused(qtbot, main_window), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: bool(seen or shown), timeout=10_000)
            busy.set()
            pool.waitForDone(10_000)
            qtbot.wait(200)  # what follows the cancelled search: neither the warning nor "Exported"
    finally:
        busy.set()
    assert seen == [("Looking for questions that give each other away…", "Cancel")]
    assert shown == []
    assert not list(tmp_path.glob("dropped*"))


def test_a_worksheet_may_print_the_article_after_the_questions(qtbot, main_window, tmp_path: Path) -> None:
    """Every question asks "according to the article": under the paper size, Alt+A ticks "Print the articles
    after the questions" (off at first, then as last chosen), and the worksheet ends with the article."""
    ticked: list[bool] = []

    def fill_in(target: Path, tick: bool) -> Callable[[QFileDialog], None]:
        def run(dialog: QFileDialog) -> None:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(QApplication.focusWidget(), str(target))  # (a .pdf: the worksheet's options show)
            box = next(b for b in dialog.findChildren(QCheckBox) if b.text() == "Print the &articles after the "
                                                                               "questions")
            ticked.append(box.isChecked() and box.isVisible())
            if tick:
                alt(qtbot, "a")
                qtbot.waitUntil(box.isChecked)
            alt(qtbot, "n")
            key(qtbot, Qt.Key.Key_Return)
        return run

    plain, with_article, again = tmp_path / "plain.pdf", tmp_path / "with.pdf", tmp_path / "again.pdf"
    export_with(qtbot, main_window, plain, fill_in(plain, tick=False))
    export_with(qtbot, main_window, with_article, fill_in(with_article, tick=True))
    export_with(qtbot, main_window, again, fill_in(again, tick=False))
    assert ticked == [False, False, True]
    sheet, article = read_pdf(plain)[0], read_pdf(with_article)[0]
    follows = "The article the questions ask about is printed after them."
    assert follows in article[0] and follows not in sheet[0]
    assert article[len(sheet)].startswith("The article mali-helicopter-collision.txt by Paquette PARIS — A collision "
                                          "of two helicopters killed 13 French soldiers")
    assert read_pdf(again)[0] == article
