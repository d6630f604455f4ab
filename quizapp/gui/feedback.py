"""The feedback on one answer: right or wrong, the right answer, the points, and the proof."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from quizapp.core.scoring import Verdict
from quizapp.core.session import Answer, CitedPassage
from quizapp.gui.theme import verdict_color
from quizapp.gui.widgets import plain_label, quoted, scale_font

VERDICT_TEXT = {
    Verdict.RIGHT: "✓ Right",
    Verdict.CLOSE: "≈ Close",
    Verdict.WRONG: "✗ Wrong",
    Verdict.SKIPPED: "– Skipped",
}


def points_text(points: float) -> str:
    return f"{points:g} point" + ("" if points == 1 else "s")


def verdict_text(answer: Answer) -> str:
    """ "✓ Right", "– Skipped", or "– Not answered" for a question the time ran out on."""
    return "– Not answered" if answer.timed_out else VERDICT_TEXT[answer.verdict]


def given_text(answer: Answer) -> str:
    """ "Your answer: 4,500", "(skipped)", or "(none: the time ran out)"."""
    if answer.given is not None:
        return "Your answer: " + answer.given
    return "Your answer: " + ("(none: the time ran out)" if answer.timed_out else "(skipped)")


def shows_right_answer(answer: Answer) -> bool:
    """Whether the right answer needs saying: not after a right answer given exactly as it reads."""
    return answer.verdict is not Verdict.RIGHT or answer.given != answer.right_answer


class FeedbackPanel(QFrame):
    """Shows an Answer and its CitedPassage; emits `show_in_article(CitedPassage)`."""

    show_in_article = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Feedback")
        self.passage: CitedPassage | None = None
        self.answer: Answer | None = None
        self.verdict = plain_label(wrap=True)  # "≈ Close: 0.5 points" on two lines in a narrow pane, not cut
        scale_font(self.verdict, 1.3, bold=True)
        self.verdict.setAccessibleName("Verdict")
        self.prompt = plain_label(wrap=True)
        self.given = plain_label(wrap=True)
        self.right = plain_label(wrap=True)
        self.explanation = plain_label(wrap=True)
        self.quote = plain_label(wrap=True)
        self.quote.setAccessibleName("Cited sentence")
        scale_font(self.quote, 1.05)
        self.quote.setFrameShape(QFrame.Shape.Panel)
        self.quote.setFrameShadow(QFrame.Shadow.Sunken)
        self.quote.setMargin(8)
        self.quote.setAutoFillBackground(True)
        self.quote.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.source = plain_label(wrap=True)
        self.source.setAccessibleName("Source of the citation")
        self.article_button = QPushButton("Show in &article")
        self.article_button.setAccessibleName("Show the cited sentence in the article")
        self.article_button.clicked.connect(self._show_article)
        self.article_button.setAutoDefault(True)  # focused, Enter opens the article (not "go on", as elsewhere)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.article_button)
        self.buttons.addStretch(1)

        layout = QVBoxLayout(self)
        for w in (self.verdict, self.prompt, self.given, self.right, self.explanation, self.quote, self.source):
            layout.addWidget(w)
        layout.addLayout(self.buttons)
        layout.addStretch(1)

    def show_answer(self, answer: Answer, passage: CitedPassage | None, *, with_prompt: bool = False) -> None:
        """Fill the panel for `answer`; `with_prompt` adds the question (results review)."""
        self.passage = passage
        self.answer = answer
        self.verdict.setText(f"{verdict_text(answer)}: {points_text(answer.points)}")
        self._color_verdict()
        self.prompt.setVisible(with_prompt)
        self.prompt.setText(answer.question.prompt)
        self.given.setText(given_text(answer))
        self.right.setText("Right answer: " + answer.right_answer)
        self.right.setVisible(shows_right_answer(answer))
        explanation = answer.question.explanation or ""
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        if passage is None:
            self.quote.setText("This question cites no sentence of the article.")
            self.source.setText("")
        else:
            self.quote.setText(quoted(passage.text))
            self.source.setText(f"— {passage.source_label}")
        self.article_button.setEnabled(passage is not None and passage.article is not None)

    def _color_verdict(self) -> None:
        # The verdict and the answer given in its colour, the right answer in green (the verdict's glyph stays).
        if self.answer is None:
            return
        verdict = self.answer.verdict.value
        for label, color in ((self.verdict, verdict), (self.given, verdict), (self.right, "right")):
            pal = QPalette(self.palette())
            pal.setColor(QPalette.ColorRole.WindowText, verdict_color(color, self.palette()))
            label.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._color_verdict()  # the theme changed: green and red for the new background

    def _show_article(self) -> None:
        if self.passage is not None and self.passage.article is not None:
            self.show_in_article.emit(self.passage)
