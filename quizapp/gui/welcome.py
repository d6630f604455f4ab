"""The welcome on the first start (and from Help > Welcome): what quizapp does, and three ways to begin."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from quizapp.gui.widgets import FitsText, fitted_size, plain_label, scale_font

SEEN_KEY = "welcome/seen"
# Read by the main window: a user of a version before the welcome has a window place saved.
GEOMETRY_KEY = "window/geometry"

INTRO = ("quizapp asks you about the facts in news articles: figures, dates, people, places. After each answer it "
         "shows the sentence of the article that proves it, so you learn to check a fact at its source.")
STEPS = (  # (button, what it does, accessible name)
    ("&Take a quiz",
     "Try a bank that comes with quizapp: choose how many questions, answer, and see the proof. "
     "Study (Ctrl+D) brings back the questions you missed, day after day.",
     "Take a quiz on a bundled bank"),
    ("&Make questions from an article…",
     "Give quizapp a news article (a file, a web address or pasted text). It drafts questions that cite "
     "the article; you keep the good ones as a bank of your own.",
     "Make questions from an article"),
    ("&Open a bank…",
     "Open a bank file (.yaml) that you wrote or were given. To change the questions of a bank, select "
     "it in the library and press Edit bank… there.",
     "Open a bank"),
)


def is_first_start() -> bool:
    """Whether quizapp has not been started with these settings before (the welcome was never closed,
    and no window place was ever saved)."""
    settings = QSettings()
    return not settings.value(SEEN_KEY, False, type=bool) and not settings.contains(GEOMETRY_KEY)


class WelcomeDialog(FitsText, QDialog):
    """A short welcome with a button for each first step; any way it closes, it is not shown at start again."""

    quiz_requested = Signal()
    generate_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome")  # the platform adds "— quizapp"
        heading = plain_label("Welcome to quizapp")
        scale_font(heading, 1.5, bold=True)
        intro = plain_label(INTRO, wrap=True)
        page = QWidget()
        steps = QVBoxLayout(page)
        steps.setContentsMargins(0, 0, 0, 0)  # lined up with the text below the scrolled part
        steps.addWidget(heading)
        steps.addWidget(intro)
        steps.addSpacing(intro.fontMetrics().height() // 2)
        self.step_buttons: list[QPushButton] = []
        for (text, what, name), signal in zip(STEPS, (self.quiz_requested, self.generate_requested,
                                                      self.open_requested), strict=True):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setAutoDefault(True)  # Enter presses the focused button
            button.clicked.connect(lambda _checked=False, s=signal: self._choose(s))
            about = plain_label(what, wrap=True)
            about.setAccessibleName(name)
            about.setIndent(intro.fontMetrics().averageCharWidth() * 2)  # under its button, set in a little
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            if self.step_buttons:
                steps.addSpacing(intro.fontMetrics().height() // 3)
            steps.addLayout(row)
            steps.addWidget(about)
            self.step_buttons.append(button)
        steps.addStretch(1)
        self.take_quiz_button, self.generate_button, self.open_button = self.step_buttons
        self.page = page

        # At the largest text size the steps need more than an 800x600 window: they scroll, the buttons stay.
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the buttons in it, which show the focus
        self.scroll = scroll

        again = plain_label("Help > Welcome shows this again.", wrap=True)
        self.close_button = QPushButton("&Get started")
        self.close_button.setAccessibleName("Get started: close the welcome")
        self.close_button.setAutoDefault(True)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(again, 1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.take_quiz_button.setDefault(True)

    def _choose(self, step: Signal) -> None:
        self.accept()
        step.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.take_quiz_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def done(self, result: int) -> None:
        QSettings().setValue(SEEN_KEY, True)
        super().done(result)

    def fit(self) -> None:
        """Take the size the text needs at the current text size, within the main window."""
        self.resize(self.wanted_size())

    def wanted_size(self) -> QSize:
        """Some 72 characters wide, as tall as the steps wrapped to that width, within the main window."""
        chars = self.fontMetrics().averageCharWidth()
        width = max(560, chars * 72)
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        height = (self.page.heightForWidth(inner) + self.close_button.sizeHint().height() * 2
                  + margins.top() + margins.bottom())
        return fitted_size(self, width, height)
