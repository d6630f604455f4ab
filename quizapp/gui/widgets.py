"""Small widgets shared by the screens; every text widget shows plain text, never HTML."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from quizapp.gui.theme import verdict_color


def plain_label(text: str = "", *, wrap: bool = False, parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows `<b>` as those characters: article and question text is never HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


class ErrorLabel(QLabel):
    """A plain-text message in the theme's red: dark red on a light window, light red on a dark one
    (a fixed dark red is hard to read on a dark window). It follows a change of theme."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self._color = ""
        self._recolor()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                            QEvent.Type.StyleChange):
            # Later, not now: a change of theme sets the style first (these events come then, with the
            # old palette still the application's) and the palette after.
            QTimer.singleShot(0, self, self._recolor)

    def _recolor(self) -> None:
        color = verdict_color("wrong", QApplication.palette()).name()
        if color != self._color:  # (the style sheet set here changes the palette again)
            self._color = color
            self.setStyleSheet(f"color: {color};")


def quoted(text: str) -> str:
    """`text` in one pair of double quotation marks, the double quotes inside it made single.

    A cited sentence may quote someone itself: “‘We will go,’ she said.”, not ““We will go,” she said.”
    with two opening marks. A text that is one quotation already stays as it is.
    """
    # A straight " after a digit is an inch mark (a 5" screen), not a quote.
    marks = [i for i, c in enumerate(text) if c in "“”" or (c == '"' and not text[i - 1:i].isdigit())]
    if len(text) > 1 and marks == [0, len(text) - 1]:
        return text
    inner = list(text)
    for i in marks:
        # A straight " opens where a word starts (at the start, after a space or a bracket), else it closes.
        opens = text[i] == "“" or (text[i] == '"' and (i == 0 or text[i - 1] in " ([{—–…"))
        inner[i] = "‘" if opens else "’"
    return "“" + "".join(inner) + "”"


def ask(parent: QWidget, title: str, text: str, buttons: dict[QMessageBox.StandardButton, str],
        default: QMessageBox.StandardButton) -> QMessageBox.StandardButton:
    """Ask a question with buttons named by `buttons` (each with its Alt key); return the one pressed.

    The platform names a standard button without a mnemonic ("Discard", "Close without Saving"):
    named here, every button of the box has its key.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    for button, name in buttons.items():
        box.addButton(button).setText(name)
    box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


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


def fitted_size(window: QWidget, width: int, height: int) -> QSize:
    """`width` x `height`, shrunk to fit the parent's window and its screen, never below the layout's minimum.

    A dialog of 1000x720 opened from a main window of 800x600 opens at 800x600: over it, not past it.
    """
    parent = window.parentWidget()
    top = parent.window() if parent is not None else None
    frame = top.frameGeometry().size() - top.size() if top is not None else QSize(0, 0)  # title bar, borders
    room = (top or window).screen().availableGeometry().size() - frame
    if top is not None:
        room = room.boundedTo(top.size())
    return QSize(width, height).boundedTo(room).expandedTo(window.minimumSizeHint())
