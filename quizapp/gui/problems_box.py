"""A message box with a list of problems that scrolls: what an import found wrong in a file, what an export warns of."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QShowEvent, QTextLayout
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QWidget,
)

from quizapp.gui.widgets import FitsText, FocusOutline, fitted_size, plain_label

LINE_CHARS = 120  # the widest the box is made for its lines, in characters; a longer line wraps
MIN_LINES = 3  # the problems in view at least, however little room there is (more scroll)
# A height no box is given, to lay it out at a width before its height is known.
UNBOUNDED = 1 << 20


class ProblemsBox(FitsText, QDialog):
    """A message box whose problems, one a line, are in a read-only text box under its `text`, with a `question`
    under them: as tall as its lines where there is room, within the window it opens over and its screen at any text
    size, and again when the text size changes while it is open; the rest scroll. Tab goes to them to scroll with the
    keys, to select and to copy them.

    A QMessageBox is as tall as its text: 40 problems at the largest text ran off the bottom of the screen, its OK
    out of sight. Here the buttons stay in view below the list.
    """

    def __init__(self, parent: QWidget, *, icon: QStyle.StandardPixmap, title: str, text: str, problems: Sequence[str],
                 list_name: str, question: str = "",
                 buttons: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
                 default: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # (exec() deletes it once answered)
        self._lines = list(problems)
        icon_label = QLabel()  # as a message box shows it
        side = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon_label.setPixmap(self.style().standardIcon(icon, None, self).pixmap(QSize(side, side),
                                                                                self.devicePixelRatioF()))
        self.summary = plain_label(text, wrap=True)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.problems.setPlainText("\n".join(self._lines))
        self.problems.setAccessibleName(list_name)
        self.problems.setTabChangesFocus(True)
        self._outline = FocusOutline(self.problems)  # Fusion draws a read-only text box the same focused or not
        self.question = plain_label(question, wrap=True)
        self.question.setVisible(bool(question))
        self.buttons = QDialogButtonBox(buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QGridLayout(self)
        layout.addWidget(icon_label, 0, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.summary, 0, 1)
        layout.addWidget(self.problems, 1, 1)
        layout.addWidget(self.question, 2, 1)
        layout.addWidget(self.buttons, 3, 0, 1, 2)
        layout.setRowStretch(1, 1)  # the list takes the height the box has to spare, and gives it up first
        layout.setColumnStretch(1, 1)
        # Enter presses the default, as in a message box, wherever the focus is; it has the focus at first.
        default_button = self.buttons.button(default)
        default_button.setDefault(True)
        default_button.setFocus()
        self.fit_lines()

    def fit_lines(self) -> None:
        self.problems.setMinimumHeight(self._list_height([""] * MIN_LINES, UNBOUNDED))

    def showEvent(self, event: QShowEvent) -> None:
        if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):  # (before QDialog centres it over its parent)
            self.resize(self.wanted_size())
        super().showEvent(event)

    def wanted_size(self) -> QSize:
        """As wide as its longest line (of the text and the question too), up to LINE_CHARS characters, and as tall
        as all its lines wrapped to that width; within the window it opens over and its screen (the list scrolls)."""
        metrics = self.problems.fontMetrics()
        lines = [*self._lines, self.summary.text(), self.question.text()]
        column = min(max(metrics.horizontalAdvance(line) for line in lines), metrics.averageCharWidth() * LINE_CHARS)
        layout = self.layout()
        layout.setGeometry(QRect(0, 0, UNBOUNDED // 2, UNBOUNDED))  # (laid out to see what is around the list)
        around = layout.geometry().width() - self._text_width()
        width = fitted_size(self, around + column, UNBOUNDED).width()
        layout.setGeometry(QRect(0, 0, width, UNBOUNDED))
        height = layout.geometry().height() - self.problems.height()  # (the summary and question wrapped to it)
        wanted = fitted_size(self, width, height + self._list_height(self._lines, self._text_width()))
        layout.setGeometry(self.rect())  # (laid out as it is again, in case its size stays the same)
        return wanted

    def _text_width(self) -> int:
        """The width the list's lines wrap to, as laid out now: with room for its scroll bar."""
        margin = round(self.problems.document().documentMargin())
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.problems)
        return self.problems.width() - 2 * self.problems.frameWidth() - 2 * margin - bar

    def _list_height(self, lines: Sequence[str], width: int) -> int:
        """The height of the list that shows `lines` whole, each wrapped to `width` pixels as the list wraps it."""
        option = self.problems.document().defaultTextOption()
        wrapped = 0
        for text in lines:
            layout = QTextLayout(text, self.problems.font())
            layout.setTextOption(option)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                line.setLeadingIncluded(True)  # (as the list lays out its lines)
                line.setLineWidth(max(1, width))
                wrapped += line.height()
            layout.endLayout()
        # The document's margin above and below the lines, and as much again and a pixel: a list with less room under
        # its last line scrolls to it.
        margin = self.problems.document().documentMargin()
        return math.ceil(wrapped + 3 * margin) + 1 + 2 * self.problems.frameWidth()
