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
    QVBoxLayout,
    QWidget,
)

from quizapp.gui.theme import verdict_color
from quizapp.gui.widgets import plain_label

# Border and padding of the button; the label sits inside them.
BORDER, PAD_V, PAD_H = 1, 8, 12
# What parts a choice's key from its text in the button's text: "2/B   Gao".
KEY_GAP = "   "


class ChoiceButton(QPushButton):
    """A push button that shows its text on as many lines as it needs, left-aligned.

    `text()` is the button's own text as set (mnemonic "&&" included); a plain-text
    label inside draws it wrapped. `set_mark("right" | "wrong" | None)` colours the
    button after an answer: right green, chosen and wrong red, in the palette's shade.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark: str | None = None
        # The key ("✓ 2/B") in a column of its own: the option's second line starts under its first word,
        # not under the key.
        self.key_label = plain_label()
        self.label = plain_label(wrap=True)
        for label in (self.key_label, self.label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Right-aligned in a column as wide as the widest key: the options line up, and the ✓ after the
        # answer comes in front of the key without moving it.
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._fit_key_column()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(PAD_H)
        row.addWidget(self.key_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        layout = QVBoxLayout(self)  # the row centred in a button taller than one line of text
        margin_v, margin_h = BORDER + PAD_V, BORDER + PAD_H
        layout.setContentsMargins(margin_h, margin_v, margin_h, margin_v)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._sheet = ""
        self._restyle()
        self.setText(text)

    def setText(self, text: str) -> None:
        """Set the text; a key before three spaces ("2/B   Gao") shows in its own column, left of the option."""
        super().setText(text)
        key, gap, option = text.replace("&&", "&").partition(KEY_GAP)
        self.key_label.setText(key if gap else "")
        self.key_label.setVisible(bool(gap))
        self.label.setText(option if gap else key)
        self.updateGeometry()

    def _fit_key_column(self) -> None:
        self.key_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("✓ 4/D"))

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
            self.key_label.setFont(self.font())
            self.label.setFont(self.font())
            self._fit_key_column()
            self.updateGeometry()

    def _restyle(self) -> None:
        # Left-aligned wrapped text needs a style sheet, which also has to draw the focus frame.
        # The colours come from the app's palette: the sheet changes the button's own.
        palette = QApplication.palette()
        # The frame in the text's colour laid thinly over the window: palette(mid) is a light grey on a light
        # window but almost the window's own shade on a dark one, where an option not chosen lost its frame
        # once answered (its fill is the window's then).
        frame = _tint(palette.color(QPalette.ColorRole.ButtonText), palette.color(QPalette.ColorRole.Window), 0.28)
        border, text, background = frame.name(), "palette(button-text)", "palette(button)"
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
