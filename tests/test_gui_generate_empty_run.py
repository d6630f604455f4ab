"""After a run that lists no question: the focus on what the teacher does next, not on the empty list of questions
(a Tab stop with nothing in it), and the empty list saying so in grey, at any text size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QListWidget

from quizapp.gui.generate_dialog import GenerateDialog
from tests.conftest import SEED, Steps, alt, discard_on_teardown, key
from tests.test_gui_generate import TIMEOUT
from tests.test_gui_own_questions import own_dialog, write_article
from tests.test_gui_small_screen import largest_text, shown_at_800x600

__all__ = ["largest_text"]  # (a fixture, used by name)

# The generator finds one question in it, too unsure to list unless "List all found" is ticked.
FLOODS = ("Local news\n\nHeavy rain flooded 12 villages last week. Rescue teams worked through the night, and roads "
          "were closed for days while water drained away from fields and homes.\n")
NOT_TEXT = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00endobj\n"  # a PDF renamed .txt


def active(qtbot, dialog: GenerateDialog) -> GenerateDialog:
    """`dialog` shown and active, the focus in it."""
    qtbot.addWidget(dialog, before_close_func=discard_on_teardown)
    if not dialog.isVisible():
        dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog)
    return dialog


def generate_by_keys(qtbot, dialog: GenerateDialog, *, listed: int = 0) -> None:
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT):
        alt(qtbot, "g")  # Generate
    assert dialog.question_count() == listed


def placeholder_ink(view: QListWidget) -> tuple[QRect, int]:
    """Where something is painted on the empty list's background, and the lightness of its darkest pixel."""
    image = view.viewport().grab().toImage()
    base = view.palette().color(QPalette.ColorRole.Base)
    ink = [(x, y, c.lightness()) for y in range(image.height()) for x in range(image.width())
           if (c := image.pixelColor(x, y)) != base]
    if not ink:
        return QRect(), 255
    xs, ys = [x for x, _, _ in ink], [y for _, y, _ in ink]
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1), min(light for *_, light in ink)


def shown_over(color: QColor, background: QColor) -> int:
    """The lightness of `color` painted over `background`."""
    a = color.alphaF()
    return QColor.fromRgbF(*(a * c + (1 - a) * b for c, b in zip(color.getRgbF()[:3], background.getRgbF()[:3],
                                                                  strict=True))).lightness()


def test_a_new_bank_run_that_kept_nothing_leaves_the_focus_on_make_the_bank(qtbot, tmp_path: Path) -> None:
    """The focus was in the empty list; Enter there did nothing."""
    dialog = own_dialog(qtbot, tmp_path, [write_article(tmp_path / "articles")])
    generate_by_keys(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.own_button
    key(qtbot, Qt.Key.Key_Return)  # Make the bank and ask my own
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.asks_own and dialog.accepted_questions == []


def test_a_run_that_found_questions_too_unsure_to_list_leaves_the_focus_on_list_all_found(
        qtbot, tmp_path: Path) -> None:
    """Adding to a bank (no Make the bank): the status says to tick "List all found" and Generate again; Space
    and Enter do that."""
    dialog = active(qtbot, GenerateDialog(None, target_dir=tmp_path,
                                          articles=[write_article(tmp_path, "floods.txt", FLOODS)]))
    generate_by_keys(qtbot, dialog)
    assert "Tick “List all found”" in dialog.status.text()
    assert QApplication.focusWidget() is dialog.every_box
    key(qtbot, Qt.Key.Key_Space)
    assert dialog.every_box.isChecked()
    assert QApplication.focusWidget() is dialog.generate_button  # (the status says to press it)
    with qtbot.waitSignal(dialog.generation_finished, timeout=TIMEOUT):
        key(qtbot, Qt.Key.Key_Return)  # Generate
    assert dialog.question_count() == 1 and not dialog.is_accepted(0)
    assert QApplication.focusWidget() is dialog.review  # as after any run that lists questions


@pytest.mark.parametrize("article", ["too short", "not text"])
def test_a_run_with_nothing_to_find_leaves_the_focus_on_add_another_article(
        qtbot, tmp_path: Path, settings_dir: Path, article: str) -> None:
    """A text too short to ask about, or a file that is no text: Enter opens Add... for another article."""
    if article == "too short":
        path = write_article(tmp_path)
    else:
        path = tmp_path / "answers.txt"
        path.write_bytes(NOT_TEXT)
    dialog = active(qtbot, GenerateDialog(None, target_dir=tmp_path, articles=[path]))
    generate_by_keys(qtbot, dialog)
    assert dialog.status.text().startswith("No questions: the text is too short" if article == "too short"
                                           else "Could not generate:")
    assert QApplication.focusWidget() is dialog.add_button
    steps = Steps().then(QFileDialog, lambda _d: (qtbot.keyClicks(QApplication.focusWidget(), str(SEED)),
                                                  key(qtbot, Qt.Key.Key_Return)))
    with steps:
        key(qtbot, Qt.Key.Key_Return)  # Add...
        qtbot.waitUntil(lambda: len(dialog.articles()) == 2, timeout=TIMEOUT)
    assert dialog.articles() == [path.resolve(), SEED.resolve()]


def test_a_run_that_lists_questions_leaves_the_focus_on_them(qtbot, tmp_path: Path) -> None:
    dialog = own_dialog(qtbot, tmp_path, [SEED])
    dialog.max_questions.setValue(2)
    generate_by_keys(qtbot, dialog, listed=2)
    assert QApplication.focusWidget() is dialog.review


def says_no_questions_in_grey(dialog: GenerateDialog) -> None:
    """The empty list shows its placeholder: grey as a text field's, in the list's font, wholly in the list."""
    view = dialog.review
    assert view.count() == 0
    ink, darkest = placeholder_ink(view)
    assert not ink.isEmpty(), "the empty list is blank"
    assert view.viewport().rect().adjusted(1, 1, -1, -1).contains(ink)  # not cut off at an edge
    metrics = view.fontMetrics()
    assert ink.height() >= metrics.capHeight()  # the list's font, at the text size chosen
    assert ink.width() <= metrics.horizontalAdvance("No questions to review.")  # one line of a short text
    # In the placeholder colour (Qt's own is the text's, half see-through) as it shows on the list's background: its
    # darkest pixels are that grey, not the Text colour nor a faint smudge of antialiasing.
    assert abs(darkest - shown_over(view.palette().color(QPalette.ColorRole.PlaceholderText),
                                    view.palette().color(QPalette.ColorRole.Base))) <= 12
    assert abs(darkest - view.palette().color(QPalette.ColorRole.Text).lightness()) > 48


def test_the_empty_list_says_there_is_no_question_to_review(qtbot, tmp_path: Path) -> None:
    dialog = active(qtbot, GenerateDialog(None, target_dir=tmp_path, articles=[write_article(tmp_path)]))
    assert placeholder_ink(dialog.review)[0].isEmpty()  # nothing has been run yet
    generate_by_keys(qtbot, dialog)
    says_no_questions_in_grey(dialog)


def test_the_empty_list_says_so_at_the_largest_text_on_a_small_screen(qtbot, tmp_path: Path, settings_dir: Path,
                                                                      largest_text: None) -> None:
    dialog = GenerateDialog(None, target_dir=tmp_path, articles=[write_article(tmp_path)], offer_own=True)
    shown_at_800x600(qtbot, dialog)
    active(qtbot, dialog)
    generate_by_keys(qtbot, dialog)
    says_no_questions_in_grey(dialog)
    assert QApplication.focusWidget() is dialog.own_button
    # The page shows why there are none: it scrolls to the status (the button with the focus is below the page).
    status = QRect(dialog.status.mapTo(dialog.page.viewport(), QPoint(0, 0)), dialog.status.size())
    assert dialog.page.viewport().rect().contains(status)
