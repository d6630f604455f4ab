"""Ask for a whole number: a question that wraps, a spin box, OK and Cancel (Quiz > New questions per day…)."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QSpinBox, QVBoxLayout, QWidget

from quizapp.gui.widgets import FitsText, fitted_size, plain_label


class NumberDialog(FitsText, QDialog):
    """`text` over a spin box from `minimum` to `maximum` holding `value`, which has the focus; Enter is OK, Esc
    Cancel. `value()` is the number given.

    Qt's input dialog does not wrap its text: at the largest text size it was 1146 pixels wide, past the edge of an
    800x600 screen, and as wide again at the normal size.
    """

    def __init__(self, parent: QWidget | None, *, title: str, text: str, value: int, minimum: int,
                 maximum: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = plain_label(text, wrap=True)
        self.spin_box = QSpinBox()
        self.spin_box.setRange(minimum, maximum)
        self.spin_box.setValue(value)
        self.label.setBuddy(self.spin_box)  # (its accessible name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.spin_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.spin_box.selectAll()  # typed digits replace the number
        self.spin_box.setFocus()
        self.resize(self.wanted_size())

    def value(self) -> int:
        """The number in the spin box."""
        return self.spin_box.value()

    def wanted_size(self) -> QSize:
        """The text on one line where the window it opens over and its screen have room for it, else wrapped to the
        width they have; as tall as its lines."""
        margins = self.layout().contentsMargins()
        # In fractions of a pixel: rounded down, the label had a pixel too few and put its last word on a second line.
        text = math.ceil(QFontMetricsF(self.label.font()).horizontalAdvance(self.label.text()))
        inner = max(text + 2 * self.label.margin(), self.buttons.sizeHint().width())
        width = fitted_size(self, inner + margins.left() + margins.right(), self.minimumSizeHint().height()).width()
        return fitted_size(self, width, self.heightForWidth(width))
