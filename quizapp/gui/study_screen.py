"""The study screen: one question at a time, asked and answered as in the quiz, then a rating (keys 1-4).

It runs a `quizapp.core.study.StudySession`. Each answer is stored the moment it
is given, with the rating suggested from right/wrong and time taken; pressing
Again, Hard, Good or Easy (1-4, or Tab to one and Enter) overrides it, Enter (or Next) keeps it.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from quizapp.core.model import ChoiceQuestion
from quizapp.core.scoring import answer_number, mark_choice, mark_numeric, parse_answer
from quizapp.core.session import Answer, QuizItem, cited_passage
from quizapp.core.stats import counted, points_text
from quizapp.core.study import Rating, StudyItem, StudySession, review_day_text, suggest_rating
from quizapp.gui.question_view import ENTER_KEYS, QuestionView, QuickPressGuard, chosen_by_key, is_plain
from quizapp.gui.reflow import WrappingRow, header_row, header_title
from quizapp.gui.widgets import plain_label, scale_font

RATINGS = (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)


def mark(item: StudyItem, given: str, seconds: float) -> Answer:
    """Mark a study answer as the quiz does (half a point for a close number).

    Raises AnswerFormatError when a numeric answer does not read as a number.
    """
    q = item.question
    if isinstance(q, ChoiceQuestion):
        result = mark_choice(q, given)
    else:
        value = parse_answer(given, q.unit).value
        given, result = answer_number(q, value), mark_numeric(q, value)
    return Answer(QuizItem(q, item.choices), given, result.verdict, result.points, seconds)


def done_text(session: StudySession) -> str:
    """What the end of a session says: its points as Statistics counts them ("Done: 8 of 17 points (47.1%).",
    half a point for a close number), and the questions skipped that wait for the next session."""
    n = len(session.answers)
    parts = [f"Done: {points_text(session.score, n)}." if n else "Done: no question answered."]
    if session.waiting:
        parts.append(f"{counted(session.waiting, 'question')} skipped, waiting for your next session.")
    if n:
        parts.append("Questions you missed come back soon; the ones you knew, later.")
    return " ".join(parts)


def study_note(session: StudySession, title: str | None) -> str:
    """What the library says of a study or review session just done, on the bank called `title` (None: across all
    banks): "Studied 12 questions of “Mali”: 9 of 12 points (75%); next review later today." ("" for none answered)."""
    n = len(session.answers)
    if not n:
        return ""
    where = f"of “{title}”" if title else "in all banks"
    if session.kind != "study":
        return f"Reviewed {counted(n, 'mistake')} {where}: {points_text(session.score, n)}."
    due = session.next_due()
    then = f"; next review {review_day_text(due)}" if due is not None else ""
    return f"Studied {counted(n, 'question')} {where}: {points_text(session.score, n)}{then}."


class StudyScreen(QWidget):
    """Asks the session's questions; emits `finished(session)` at the end, `left` on Back, and
    `show_article(CitedPassage)` for "Show in article"."""

    finished = Signal(object)
    left = Signal()
    show_article = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: StudySession | None = None
        self.suggested: Rating | None = None
        self.in_feedback = False
        self._left_note = ""
        self._clock = QElapsedTimer()

        self.heading = header_title()
        self.position = plain_label()
        self.back_button = back = QPushButton("&Back to library")
        back.clicked.connect(self.leave)
        back.setAutoDefault(True)
        # Focused at the end of a session, for Enter; but not the Enter pressed twice on "Finish →", nor one held
        # down: the summary stays in view.
        self.quick_keys = QuickPressGuard(self, (back,))
        self.header = top = header_row(self.heading, (self.position, back))

        self.view = QuestionView()
        self.view.chosen.connect(self.choose)
        self.view.submitted.connect(self.answer)
        self.view.next_requested.connect(lambda: self.rate(None))
        self.view.show_article.connect(self.show_article)
        # The parts a person uses, by the quiz screen's names.
        self.prompt = self.view.prompt
        self.choice_buttons = self.view.answer_area.choice_buttons
        self.number = self.view.answer_area.entry.number
        self.hint = self.view.answer_area.entry.hint
        self.feedback = self.view.feedback
        self.next_button = self.view.next_button

        # The hint ends the page; the buttons stand under it with Next, in sight however far the page scrolls.
        self.rating_hint = plain_label(wrap=True)
        self.rating_hint.hide()
        self.view.add_below(self.rating_hint)
        self.ratings = QWidget()
        row = QHBoxLayout(self.ratings)
        row.setContentsMargins(0, 0, 0, 0)
        self.rating_buttons: list[QPushButton] = []
        for n, rating in enumerate(RATINGS, 1):
            button = QPushButton(f"{n} {rating.name}")
            button.setAccessibleName(f"Rate {rating.name}")
            button.setAutoDefault(True)  # Enter on a focused rating presses it, as in a dialog
            button.clicked.connect(lambda _c=False, r=rating: self.rate(r))
            self.rating_buttons.append(button)
            row.addWidget(button)
        self.ratings.hide()

        self.done = plain_label(wrap=True)
        scale_font(self.done, 1.2)
        self.done.setAccessibleName("Session summary")
        done_page = QWidget()
        done_layout = QVBoxLayout(done_page)
        done_layout.addWidget(self.done)
        done_layout.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(done_page)

        # As in the quiz, bottom right, beside Next; a question skipped here is put off, not marked wrong.
        self.skip_button = QPushButton("S&kip")
        self.skip_button.setAccessibleName("Skip question")
        self.skip_button.setToolTip("Skip this question (Ctrl+K): not rated, it comes back at the end of the "
                                    "session; skipped again, it waits for your next session")
        self.skip_button.clicked.connect(self.skip)
        right = QHBoxLayout()
        right.addStretch(1)
        right.addWidget(self.skip_button)
        right.addWidget(self.next_button)
        bottom = WrappingRow()  # the ratings above Skip and Next where a row does not hold them (the largest text)
        bottom.add(self.ratings)
        bottom.add(right, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(bottom)
        # Tab goes from the proof to Next, the ratings and Skip, as when they stood under the proof.
        for before, after in pairwise((self.feedback.article_button, self.next_button, *self.rating_buttons,
                                       self.skip_button)):
            QWidget.setTabOrder(before, after)
        # It takes the keys where a click leaves the focus on it, but is no Tab stop: one would show nothing focused.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    # flow

    def start(self, session: StudySession, title: str = "Study") -> None:
        """Run `session` from its current question (a resumed session continues where it stopped)."""
        self.session = session
        self._left_note = ""
        self.heading.setText(title)
        self.header.refit()  # beside the position, or above it where it does not fit
        self._show_current()

    def _show_current(self) -> None:
        session = self.session
        assert session is not None
        self.in_feedback = False
        self.ratings.hide()
        self.rating_hint.hide()
        item = session.current
        for button in (self.skip_button, self.next_button):
            button.setVisible(item is not None)  # (the end has nothing to skip or go on to)
        self.skip_button.setEnabled(True)
        if item is None:
            self._show_done()
            return
        self.position.setText(f"{session.position + 1} of {len(session.items)}"
                              + (" · new" if item.is_new else ""))
        self.pages.setCurrentWidget(self.view)
        self.view.ask(item.question, item.choices)
        self._clock.start()

    def choose(self, index: int) -> None:
        """Answer with the choice at `index` (0-based), as keys 1-9 and A-D do."""
        item = self.session.current if self.session else None
        if item is not None and not self.in_feedback and 0 <= index < len(item.choices):
            self.answer(item.choices[index])

    def submit_number(self) -> None:
        """Submit the typed number; an unreadable one stays, with its hint."""
        self.view.answer_area.entry.submit()

    def answer(self, given: str) -> None:
        """Mark and store the answer to the current question, then show the feedback."""
        session = self.session
        if session is None or session.current is None or self.in_feedback:
            return
        item = session.current
        seconds = self._clock.elapsed() / 1000
        answer = mark(item, given, seconds)
        verdict = str(answer.verdict)
        self.suggested = suggest_rating(verdict, seconds) if session.kind == "study" else None
        session.answer(answer.given, verdict=verdict, points=answer.points, seconds=seconds, rating=self.suggested)
        self._show_feedback(item, answer)

    def skip(self) -> None:
        """Put the current question off, unrated (Skip, Ctrl+K): to the end of the session, or, skipped
        again, to the next session; then the next question."""
        if self.session is None or self.session.current is None or self.in_feedback:
            return
        self.session.skip()
        self._show_current()

    def _show_feedback(self, item: StudyItem, answer: Answer) -> None:
        self.in_feedback = True
        self.skip_button.setEnabled(False)
        self.view.show_answer(answer, cited_passage(item.loaded, item.question))
        assert self.session is not None
        self.next_button.setText("&Next →" if not self.session.finished else "&Finish →")
        study = self.suggested is not None
        self.ratings.setVisible(study)
        self.rating_hint.setVisible(study)
        if study:
            for button, rating in zip(self.rating_buttons, RATINGS, strict=True):
                scale_font(button, 1.0, bold=rating == self.suggested)
            self.rating_hint.setText(f"How well did you know it? Suggested: {self.suggested.name}. "
                                     "Press 1-4 to rate, Enter to keep the suggestion.")
            self.next_button.setToolTip(f"Next question, rated {self.suggested.name} (Enter or Right arrow)")
        else:
            self.next_button.setToolTip("Next question (Enter or Right arrow)")

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
        self.position.setText("")
        if not session.items:
            self.done.setText("Nothing to study now: no question is due now and today's new questions are done. "
                              "Come back later, or review your mistakes.")
        else:
            self.done.setText(done_text(session))
        self.pages.setCurrentIndex(1)
        # Enter goes back to the library from here, as Esc does (the page has no other way on).
        self.back_button.setFocus()
        self.quick_keys.restart()
        self.finished.emit(session)

    @property
    def running(self) -> bool:
        """Whether a session is shown mid-way (not yet at its end page)."""
        return self.session is not None and not self.session.finished

    def leave(self) -> None:
        """Back to the library; a session left mid-way ends there (`stop`)."""
        self._left_note = self._note()
        self.stop()
        self.left.emit()

    def stop(self) -> None:
        """End a session left mid-way, as Anki does: its answers are kept as given, and the questions not
        asked stay as due as they were, for the next Study to ask. It is no unfinished session to resume:
        the start-up banner "…was not finished. Resume it?" is for one cut short by a crash."""
        if self.session is not None and not self.session.finished:
            self.session.stop()

    def left_note(self) -> str:
        """What the library says when the session was left mid-way: that its answers are kept ("" for none).

        Leaving does not ask, as Anki's reviewer does not: each answer is stored as it is given, so
        nothing is lost, and the note says so instead (a quiz asks, as it is not scored when left).
        """
        return self._left_note

    def _note(self) -> str:
        session = self.session
        if session is None or not session.answers or self.pages.currentIndex() == 1:
            return ""
        n = len(session.answers)
        what = "study session" if session.kind == "study" else "review of mistakes"
        text = f"Left the {what}: your {n} answer{'s are' if n != 1 else ' is'} kept."
        return text if session.finished else text + " The rest wait for your next session."

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys the focused child did not use: 1-9 and A-D pick; after the answer 1-4 rate, Enter goes on
        (once the feedback has stood a moment); Esc goes back to the library at once (the answers are
        kept; the session stays, to be resumed)."""
        if not is_plain(event):
            super().keyPressEvent(event)
            return
        key, text = event.key(), event.text()
        if key == Qt.Key.Key_Escape:
            self.leave()
            return
        if self.view.page_key(event):  # Page Down on Next or a rating: the page scrolls, as from inside it
            return
        if self.in_feedback:
            rates = text in ("1", "2", "3", "4") and self.suggested is not None
            goes_on = key in (*ENTER_KEYS, Qt.Key.Key_Space, Qt.Key.Key_Right)
            if (rates or goes_on) and not self.view.may_go_on(event):
                # The second "1" of a quick "1 1" (the first chose A): not a rating of a proof never seen.
                event.accept()
                return
            if rates:
                self.rate(RATINGS[int(text) - 1])
                return
            if goes_on:
                self.rate(None)
                return
        elif self.view.type_into_field(event):  # a figure typed with the focus off the number field
            return
        elif (index := chosen_by_key(event)) is not None:
            if self.view.may_answer(event):  # not the second "1" of a quick "1 1" that rated the last card
                self.choose(index)
            event.accept()
            return
        super().keyPressEvent(event)
