"""Small widgets shared by the screens; every text widget shows plain text, never HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def plain_label(text: str = "", *, wrap: bool = False, parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows `<b>` as those characters: article and question text is never HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def scale_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Give `widget` the app's font scaled by `factor`; `rescale_fonts` redoes it on text size change."""
    widget.setProperty("quizappFontScale", float(factor))
    widget.setProperty("quizappFontBold", bool(bold))
    _apply(widget)


def _apply(widget: QWidget) -> None:
    font = QFont(QApplication.font())
    font.setPointSizeF(max(1.0, font.pointSizeF() * float(widget.property("quizappFontScale"))))
    font.setBold(bool(widget.property("quizappFontBold")))
    widget.setFont(font)


def rescale_fonts(root: QWidget) -> None:
    """Re-apply the scaled fonts below `root` after the app's text size changed."""
    for w in [root, *root.findChildren(QWidget)]:
        if w.property("quizappFontScale") is not None:
            _apply(w)
