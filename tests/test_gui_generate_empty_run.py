"""After a run that lists no question the empty list of questions says so in grey, at any text size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QListWidget

from quizapp.gui.generate_dialog import GenerateDialog
from tests.conftest import alt, discard_on_teardown
from tests.test_gui_generate import TIMEOUT
from tests.test_gui_own_questions import write_article
from tests.test_gui_small_screen import largest_text, shown_at_800x600

__all__ = ["largest_text"]  # (a fixture, used by name)


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
