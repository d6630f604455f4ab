"""The quiz screen: the prompt, the choices or a number field, and feedback in practice mode."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.session import Answer, Mode, QuizScope, QuizSession
from quizapp.gui.question_view import ENTER_KEYS, QuestionView, chosen_by_key, is_plain
from quizapp.gui.reflow import header_row, header_title
from quizapp.gui.theme import verdict_color
from quizapp.gui.widgets import ask, plain_label


class QuizScreen(QWidget):
    """Runs a QuizSession: asks, checks, shows feedback (practice), emits `finished(session)`."""

    finished = Signal(object)
    left = Signal()
    show_article = Signal(object)
    answered = Signal(object)  # Answer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: QuizSession | None = None
        self.last_answer: Answer | None = None
        self.in_feedback = False
        self.clock_warning = False  # the time left shown as running out
        self.confirm_leave = ask_to_leave
        self.confirm_quit = ask_to_quit
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._tick)
        self._build()

    # layout

    def _build(self) -> None:
        self.bank_title = header_title()
        self.position = plain_label()
        self.score = plain_label()
        self.score.setAccessibleName("Score")
        self.streak = plain_label()
        self.streak.setAccessibleName("Streak")
        self.clock = plain_label()
        self.clock.setAccessibleName("Time left")
        status = (self.position, self.score, self.streak, self.clock)
        self.header = top = header_row(self.bank_title, status, spacing=12)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)

        self.view = QuestionView()
        self.view.chosen.connect(self.choose)
        self.view.submitted.connect(self._submit)
        self.view.next_requested.connect(self.next_question)
        self.view.show_article.connect(self.show_article)
        # Its parts, by the names the window, the tests and the screenshot scripts use.
        self.scroll = self.view
        self.prompt = self.view.prompt
        self.answer_area = self.view.answer_area
        self.choice_buttons = self.answer_area.choice_buttons
        self.number = self.answer_area.entry.number
        self.hint = self.answer_area.entry.hint
        self.submit_button = self.answer_area.entry.submit_button
        self.feedback = self.view.feedback
        self.next_button = self.view.next_button

        self.skip_button = QPushButton("S&kip")
        self.skip_button.setAccessibleName("Skip question")
        self.skip_button.setToolTip("Skip this question (Ctrl+K); it scores 0")
        self.skip_button.clicked.connect(self.skip)
        self.leave_button = QPushButton("&Leave quiz")
        self.leave_button.setAccessibleName("Leave quiz")
        self.leave_button.setToolTip("Back to the library (Esc)")
        self.leave_button.clicked.connect(self.leave)
        # Under the view, in sight however far the question and its proof scroll: Next with them.
        bottom = QHBoxLayout()
        bottom.addWidget(self.leave_button)
        bottom.addStretch(1)
        bottom.addWidget(self.skip_button)
        bottom.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        # Tab goes from the proof to Next, and on to Leave and Skip, as when Next stood under the proof.
        QWidget.setTabOrder(self.feedback.article_button, self.next_button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys the focused child did not use: 1-9 and A-D pick (for a number question they type in its
        field), Enter submits or goes on (once the feedback has stood a moment)."""
        if not is_plain(event):
            super().keyPressEvent(event)
            return
        key, index = event.key(), chosen_by_key(event)
        if self.in_feedback and key in (*ENTER_KEYS, Qt.Key.Key_Right) and not self.view.may_go_on(event):
            # The second Enter of a quick double press (the first answered): the proof is not skipped unread.
            event.accept()
            return
        if key in ENTER_KEYS:
            self._enter()
        elif key == Qt.Key.Key_Right and self.in_feedback:
            self.next_question()
        elif key == Qt.Key.Key_Escape:
            self.leave()
        elif self.view.type_into_field(event):
            pass  # a figure typed with the focus off the number field: in the field
        elif self.view.page_key(event):
            pass  # Page Down on Next or Skip: the page scrolls, as from inside it
        elif index is not None:
            if self.view.may_answer(event):  # not a key pressed twice that went on from the last question
                self.choose(index)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # running a session

    def start(self, session: QuizSession) -> None:
        """Show the first question of `session`."""
        self.session = session
        self.last_answer = None
        # A retry is named first: in a narrow window the bank's title gives way ("Retry of 2 mistakes: Mali…").
        retry = session.scope is QuizScope.RETRY
        self.bank_title.setText(f"{session.scope_text.capitalize()}: {session.loaded.title}" if retry
                                else session.loaded.title)
        self.header.refit()  # beside the question number, or above it where it does not fit
        practice = session.mode is Mode.PRACTICE
        self.score.setVisible(practice)
        self.streak.setVisible(practice)
        self.next_button.setVisible(practice)  # (an exam goes on as each question is answered)
        self.clock.setVisible(session.options.time_limit is not None)
        self.progress.setRange(0, max(1, session.max_score))
        if session.options.time_limit is not None:
            self._timer.start()
        self._show_question()

    def _show_question(self) -> None:
        session = self.session
        assert session is not None
        self.in_feedback = False
        item = session.current
        if item is None:
            self._end()
            return
        self.position.setText(f"Question {session.index + 1} of {session.max_score}")
        self.progress.setValue(session.index)
        self._update_status()
        self.skip_button.setEnabled(True)
        self.view.ask(item.question, item.choices)

    def _update_status(self) -> None:
        s = self.session
        if s is None:
            return
        self.score.setText(f"Score {s.score:g}")
        self.streak.setText(f"Streak {s.streak}")
        self._tick()

    def _tick(self) -> None:
        s = self.session
        if s is None or s.options.time_limit is None:
            return
        left = s.remaining or 0.0
        minutes, seconds = divmod(int(left + 0.999), 60)
        self.clock.setText(f"Time left {minutes}:{seconds:02d}")
        self._warn_time(left <= warning_time(s.options.time_limit))
        if s.time_up and not s.finished:
            s.finish()
            self._end()

    def _warn_time(self, warn: bool) -> None:
        # Red and bold near the end, so the end of the time is no surprise; the theme's colour otherwise.
        font = self.clock.font()
        font.setBold(warn)
        self.clock.setFont(font)
        self.clock.setAccessibleName("Time left: running out" if warn else "Time left")
        pal = QPalette(self.palette())
        if warn:
            pal.setColor(QPalette.ColorRole.WindowText, verdict_color("wrong", self.palette()))
        self.clock.setPalette(pal)
        self.clock_warning = warn

    # answering

    def choose(self, index: int) -> None:
        """Answer the current choice question with choice `index` (0-based)."""
        s = self.session
        if s is None or self.in_feedback or s.current is None or not s.current.is_choice:
            return
        if index >= len(s.current.choices):
            return
        self._answered(s.choose(index))

    def submit_number(self) -> None:
        """Submit the typed number; an unreadable one stays, with its hint."""
        self.answer_area.entry.submit()

    def _submit(self, text: str) -> None:
        s = self.session
        if s is None or self.in_feedback or s.current is None or s.current.is_choice:
            return
        self._answered(s.submit_answer(text))

    def skip(self) -> None:
        s = self.session
        if s is None or self.in_feedback or s.current is None:
            return
        self._answered(s.skip())

    def _enter(self) -> None:
        if self.in_feedback:
            self.next_question()
            return
        s = self.session
        if s is None or s.current is None:
            return
        if not s.current.is_choice:
            self.submit_number()

    def _answered(self, answer: Answer) -> None:
        s = self.session
        assert s is not None
        self.last_answer = answer
        self.answered.emit(answer)
        self._update_status()
        self.progress.setValue(s.index)
        if s.mode is Mode.EXAM:
            self._show_question()
            return
        self.in_feedback = True
        self.skip_button.setEnabled(False)
        self.view.show_answer(answer, s.cited_passage(answer.question))
        self.next_button.setText("&Next →" if not s.finished else "See &results →")

    def next_question(self) -> None:
        """After feedback: the next question, or the results at the end."""
        if not self.in_feedback:
            return
        self._show_question()

    def _end(self) -> None:
        self._timer.stop()
        s = self.session
        self.in_feedback = False
        if s is not None:
            self.session = None
            self.finished.emit(s)

    # leaving

    @property
    def running(self) -> bool:
        return self.session is not None and not self.session.finished

    def leave(self, *, quitting: bool = False) -> bool:
        """Leave the quiz after the user confirms (that the app quits, when `quitting`); return whether it was left."""
        if self.session is None:
            return True
        confirm = self.confirm_quit if quitting else self.confirm_leave
        if self.running and not confirm(self):
            return False
        self._timer.stop()
        self.session = None
        self.left.emit()
        return True


def warning_time(limit: float) -> float:
    """Seconds before the end at which the time left turns to a warning: the last minute, or the last
    quarter of a quiz shorter than four minutes (a whole 1-minute quiz in red warns of nothing)."""
    return min(60.0, limit / 4)


def ask_to_leave(parent: QWidget) -> bool:
    """Ask whether to leave a quiz in progress; it is not scored, but stays in the history to resume."""
    return _ask_to_stop(parent, "Leave the quiz?", "Leave this quiz?", "&Leave",
                        "the library offers to resume it.")


def ask_to_quit(parent: QWidget) -> bool:
    """Ask whether to quit quizapp with a quiz in progress (Ctrl+Q, closing the window)."""
    return _ask_to_stop(parent, "Quit quizapp?", "Quit quizapp in the middle of this quiz?", "&Quit",
                        "the next time quizapp starts it offers to resume it.")


def _ask_to_stop(parent: QWidget, title: str, question: str, stop: str, then: str) -> bool:
    return ask(parent, title,
               f"{question} It will not be scored now; your answers are kept, and {then}",
               {QMessageBox.StandardButton.Yes: stop, QMessageBox.StandardButton.No: "&Stay"},
               QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes
