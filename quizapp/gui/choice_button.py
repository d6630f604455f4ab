"""A choice button whose text wraps: a fact-check option is a whole sentence of 100-250 characters."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from quizapp.gui.theme import verdict_color
from quizapp.gui.widgets import plain_label

# Border and padding of the button; the label sits inside them.
BORDER, PAD_V, PAD_H = 1, 8, 12


class ChoiceButton(QPushButton):
    """A push button that shows its text on as many lines as it needs, left-aligned.

    `text()` is the button's own text as set (mnemonic "&&" included); a plain-text
    label inside draws it wrapped. `set_mark("right" | "wrong" | None)` colours the
    button after an answer: right green, chosen and wrong red, in the palette's shade.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark: str | None = None
        self.label = plain_label(wrap=True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        margin_v, margin_h = BORDER + PAD_V, BORDER + PAD_H
        layout.setContentsMargins(margin_h, margin_v, margin_h, margin_v)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._sheet = ""
        self._restyle()
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.label.setText(text.replace("&&", "&"))
        self.updateGeometry()

    def set_mark(self, mark: str | None) -> None:
        """Colour the button as the right answer ("right"), the wrong choice ("wrong"), or not (None)."""
        self.mark = mark
        self._restyle()

    # size: the wrapped label's, never one long line

    def sizeHint(self) -> QSize:
        hint = self.layout().sizeHint()
        return QSize(hint.width(), max(self.minimumHeight(), self.heightForWidth(hint.width())))

    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self.layout().totalHeightForWidth(width))

    # drawing: the button's frame and focus from the style sheet, the text from the label

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()  # the theme changed: the shades of green and red for the new background
        elif event.type() == QEvent.Type.FontChange:
            # The text size changed: the label under the style sheet keeps its old font until told.
            self.label.setFont(self.font())
            self.updateGeometry()

    def _restyle(self) -> None:
        # Left-aligned wrapped text needs a style sheet, which also has to draw the focus frame.
        # The colours come from the app's palette: the sheet changes the button's own.
        palette = QApplication.palette()
        border, text, background = "palette(mid)", "palette(button-text)", "palette(button)"
        disabled_bg, width = "palette(window)", BORDER
        if self.mark is not None:
            color = verdict_color(self.mark, palette)
            border = text = color.name()
            background = disabled_bg = _tint(color, palette.color(QPalette.ColorRole.Base)).name()
            width = BORDER + 1
        sheet = (
            f"QPushButton {{ text-align: left; padding: {PAD_V}px {PAD_H}px; border: {width}px solid {border};"
            f" border-radius: 4px; background: {background}; color: {text}; }}"
            "QPushButton:hover { border-color: palette(highlight); }"
            f"QPushButton:focus {{ border: {BORDER + 1}px solid palette(highlight); }}"
            "QPushButton:pressed { background: palette(midlight); }"
            f"QPushButton:disabled {{ background: {disabled_bg}; }}"
            f"QLabel {{ color: {text if self.mark is not None else 'palette(button-text)'}; background: transparent; }}"
        )
        if self.mark is None:  # an option not chosen, after the answer: dimmed, still easy to read
            dim = _tint(palette.color(QPalette.ColorRole.ButtonText), palette.color(QPalette.ColorRole.Window),
                        0.65).name()
            sheet += f"QLabel:disabled {{ color: {dim}; }}"
        if sheet != self._sheet:  # a new sheet sends a palette change: stop there
            self._sheet = sheet
            self.setStyleSheet(sheet)


def _tint(color: QColor, base: QColor, amount: float = 0.16) -> QColor:
    """`color` laid thinly over `base`: a background that keeps text on it readable."""
    return QColor(round(base.red() + (color.red() - base.red()) * amount),
                  round(base.green() + (color.green() - base.green()) * amount),
                  round(base.blue() + (color.blue() - base.blue()) * amount))
