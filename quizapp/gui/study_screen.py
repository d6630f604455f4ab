"""The study screen: one question at a time, feedback with its citation, then a rating (keys 1-4).

It runs a `quizapp.core.study.StudySession`. Each answer is stored the moment it
is given, with the rating suggested from right/wrong and time taken; pressing
Again, Hard, Good or Easy (1-4) overrides it, Enter keeps it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.bank import AnyQuestion
from quizapp.core.model import ChoiceQuestion
from quizapp.core.session import source_label
from quizapp.core.study import Rating, StudyItem, StudySession, simple_mark, suggest_rating
from quizapp.gui.choice_button import ChoiceButton
from quizapp.gui.theme import verdict_color

Marker = Callable[[AnyQuestion, str], tuple[str, float]]  # (question, text given) -> (verdict, points)
RATINGS = (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)
VERDICT_TEXT = {"right": "Right.", "close": "Close.", "wrong": "Not quite.", "skipped": "Skipped."}


def _label(text: str = "", *, scale: float = 1.0, bold: bool = False, italic: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # question and article text is never HTML
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    font.setItalic(italic)
    label.setFont(font)
    return label


def citation_text(item: StudyItem) -> str:
    """The quoted proof of an answer and where it comes from."""
    q = item.question
    if q.cite is None:
        return ""
    title = source_label(item.loaded, q)  # as the quiz names it: "Title by Author, Publisher, date"
    return "“" + " … ".join(q.cite.quotes) + "”" + (f" — {title}" if title else "")


class StudyScreen(QWidget):
    """Asks the session's questions; emits `finished(session)` at the end and `left` on Back."""

    finished = Signal(object)
    left = Signal()

    def __init__(self, parent: QWidget | None = None, *, marker: Marker = simple_mark) -> None:
        super().__init__(parent)
        self.marker = marker
        self.session: StudySession | None = None
        self.suggested: Rating | None = None
        self._clock = QElapsedTimer()

        self.heading = _label(bold=True)
        self.position = _label()
        back = QPushButton("&Back to library")
        back.clicked.connect(self.leave)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.position)
        top.addWidget(back)
        self.prompt = _label(scale=1.35, bold=True)
        self.prompt.setAccessibleName("Question")

        self.choices = QWidget()
        self.choice_layout = QVBoxLayout(self.choices)
        self.choice_buttons: list[ChoiceButton] = []
        self.number = QLineEdit()
        self.number.setAccessibleName("Your answer (a number)")
        self.number.setPlaceholderText("Type a number, then press Enter")
        # Enter in the field reaches keyPressEvent below (QLineEdit passes it on): handled there
        # only, so that the same key press does not also leave the feedback it brings up.
        self.hint = _label()
        number_page = QWidget()
        number_layout = QVBoxLayout(number_page)
        number_layout.addWidget(self.number)
        number_layout.addWidget(self.hint)
        number_layout.addStretch(1)
        self.inputs = QStackedWidget()
        self.inputs.addWidget(self.choices)
        self.inputs.addWidget(number_page)

        self.verdict = _label(scale=1.2, bold=True)
        self.verdict.setAccessibleName("Result")
        self.given = _label()
        self.citation = _label(italic=True)
        self.citation.setAccessibleName("Citation")
        self.explanation = _label()
        self.rating_hint = _label()
        self.rating_buttons = []
        ratings = QHBoxLayout()
        for n, rating in enumerate(RATINGS, 1):
            button = QPushButton(f"{n} {rating.name}")
            button.setAccessibleName(f"Rate {rating.name}")
            button.clicked.connect(lambda _c=False, r=rating: self.rate(r))
            self.rating_buttons.append(button)
            ratings.addWidget(button)
        feedback = QWidget()
        feedback_layout = QVBoxLayout(feedback)
        for w in (self.verdict, self.given, self.citation, self.explanation, self.rating_hint):
            feedback_layout.addWidget(w)
        feedback_layout.addLayout(ratings)
        feedback_layout.addStretch(1)

        self.done = _label(scale=1.2)
        self.done.setAccessibleName("Session summary")
        self.pages = QStackedWidget()
        for page in (self.inputs, feedback, self.done):
            self.pages.addWidget(page)
        self.feedback_page = feedback

        # Whole-sentence options at a large text size are taller than a small window: they scroll.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.prompt)
        body_layout.addWidget(self.pages, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # flow

    def start(self, session: StudySession, title: str = "Study") -> None:
        """Run `session` from its current question (a resumed session continues where it stopped)."""
        self.session = session
        self.heading.setText(title)
        self._show_current()

    @property
    def in_feedback(self) -> bool:
        return self.pages.currentWidget() is self.feedback_page

    def _show_current(self) -> None:
        session = self.session
        assert session is not None
        item = session.current
        if item is None:
            self._show_done()
            return
        self.position.setText(f"{session.position + 1} of {len(session.items)}"
                              + (" · new" if item.is_new else ""))
        self.prompt.setText(item.question.prompt)
        if isinstance(item.question, ChoiceQuestion):
            self._fill_choices(item.choices)
            self.inputs.setCurrentWidget(self.choices)
            self.setFocus()
        else:
            self.number.clear()
            self.hint.setText(f"Unit: {item.question.unit}" if item.question.unit else "")
            self.inputs.setCurrentWidget(self.inputs.widget(1))
            self.number.setFocus()
        self.pages.setCurrentWidget(self.inputs)
        self._clock.start()

    def _fill_choices(self, choices: tuple[str, ...]) -> None:
        for button in self.choice_buttons:
            self.choice_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.choice_buttons = []
        for n, text in enumerate(choices, 1):
            button = ChoiceButton(f"{n}. {text.replace('&', '&&')}")  # wraps a whole-sentence option
            button.setAccessibleName(f"Choice {n}: {text}")
            button.clicked.connect(lambda _c=False, t=text: self.answer(t))
            self.choice_layout.addWidget(button)
            self.choice_buttons.append(button)

    def choose(self, index: int) -> None:
        """Answer with the choice at `index` (0-based), as keys 1-9 do."""
        item = self.session.current if self.session else None
        if item is not None and not self.in_feedback and 0 <= index < len(item.choices):
            self.answer(item.choices[index])

    def submit_number(self) -> None:
        text = self.number.text()
        if not text.strip():
            self.hint.setText("Type a number first.")
            return
        self.answer(text)

    def answer(self, given: str) -> None:
        """Mark and store the answer to the current question, then show the feedback."""
        session = self.session
        if session is None or session.current is None or self.in_feedback:
            return
        item = session.current
        try:
            verdict, points = self.marker(item.question, given)
        except ValueError:
            self.hint.setText("That is not a number: type digits, such as 4500 or 2.5.")
            return
        seconds = self._clock.elapsed() / 1000
        self.suggested = suggest_rating(verdict, seconds) if session.kind == "study" else None
        session.answer(given, verdict=verdict, points=points, seconds=seconds, rating=self.suggested)
        self._show_feedback(item, verdict, given)

    def _show_feedback(self, item: StudyItem, verdict: str, given: str) -> None:
        q = item.question
        right = q.answer if isinstance(q, ChoiceQuestion) else f"{q.answer:g}" + (f" {q.unit}" if q.unit else "")
        text = VERDICT_TEXT.get(verdict, verdict)
        self.verdict.setText(text if verdict == "right" else f"{text} The answer is {right}.")
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.WindowText, verdict_color(verdict, self.palette()))
        self.verdict.setPalette(palette)
        self.given.setText("" if verdict == "right" else f"You answered: {given.strip()}")
        self.citation.setText(citation_text(item))
        self.explanation.setText(q.explanation or "")
        study = self.suggested is not None
        for button, rating in zip(self.rating_buttons, RATINGS, strict=True):
            button.setVisible(study)
            font = QFont(button.font())
            font.setBold(rating == self.suggested)
            button.setFont(font)
        if study:
            self.rating_hint.setText(f"How well did you know it? Suggested: {self.suggested.name}. "
                                     "Press 1-4 to rate, Enter to keep the suggestion.")
        else:
            self.rating_hint.setText("Press Enter for the next question.")
        self.pages.setCurrentWidget(self.feedback_page)
        self.setFocus()

    def rate(self, rating: Rating | None = None) -> None:
        """Keep (None) or override the last answer's rating, then go on."""
        if not self.in_feedback or self.session is None:
            return
        if rating is not None and self.suggested is not None and rating != self.suggested:
            self.session.rate(rating)
        self._show_current()

    def _show_done(self) -> None:
        session = self.session
        assert session is not None
        self.prompt.setText("")
        self.position.setText("")
        if not session.items:
            self.done.setText("Nothing to study now: no question is due and today's new questions are done. "
                              "Come back later, or review your mistakes.")
        else:
            self.done.setText(f"Done: {session.right} of {len(session.answers)} right. "
                              "Questions you missed come back soon; the ones you knew, later.")
        self.pages.setCurrentWidget(self.done)
        self.finished.emit(session)

    def leave(self) -> None:
        """Back to the library: the session stays unfinished and can be resumed."""
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if self.in_feedback:
            if text in ("1", "2", "3", "4") and self.suggested is not None:
                self.rate(RATINGS[int(text) - 1])
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.rate(None)
                return
        elif self.pages.currentWidget() is self.inputs:
            if self.inputs.currentWidget() is self.choices and text.isdigit() and text != "0":
                self.choose(int(text) - 1)
                return
            if self.inputs.currentWidget() is not self.choices and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit_number()
                return
        super().keyPressEvent(event)
