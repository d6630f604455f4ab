"""The quiz screen: the prompt, the choices or a number field, and feedback in practice mode."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.scoring import AnswerFormatError, format_number, parse_number
from quizapp.core.session import Answer, Mode, QuizSession
from quizapp.gui.choice_button import ChoiceButton
from quizapp.gui.feedback import FeedbackPanel
from quizapp.gui.theme import verdict_color
from quizapp.gui.widgets import plain_label, scale_font

CHOICE_KEYS = "123456789"
LETTER_KEYS = "ABCD"
MAX_CHOICES = 9


def choice_key(index: int) -> str:
    """The label shown on the choice button at `index`: 1-9, and A-D as well for the first four."""
    return f"{index + 1}" if index >= len(LETTER_KEYS) else f"{index + 1}/{LETTER_KEYS[index]}"


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
        self.confirm_leave = ask_to_leave
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._tick)
        self._build()
        self._fit_answer_area()

    # layout

    def _build(self) -> None:
        self.bank_title = plain_label()
        scale_font(self.bank_title, 1.0, bold=True)
        # In a narrow window with large text the title gives way (cut short), not "Question 3 of 18".
        self.bank_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.position = plain_label()
        self.score = plain_label()
        self.score.setAccessibleName("Score")
        self.streak = plain_label()
        self.streak.setAccessibleName("Streak")
        self.clock = plain_label()
        self.clock.setAccessibleName("Time left")
        top = QHBoxLayout()
        top.addWidget(self.bank_title, 1)
        for w in (self.position, self.score, self.streak, self.clock):
            top.addWidget(w)
            top.addSpacing(12)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)

        self.prompt = plain_label(wrap=True)
        self.prompt.setAccessibleName("Question")
        scale_font(self.prompt, 1.4, bold=True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # choices
        self.choice_page = QWidget()
        self.choice_layout = QVBoxLayout(self.choice_page)
        self.choice_layout.setContentsMargins(0, 0, 0, 0)
        self.choice_buttons: list[ChoiceButton] = []
        for i in range(MAX_CHOICES):
            b = ChoiceButton()
            b.setMinimumHeight(44)
            scale_font(b, 1.15)
            b.clicked.connect(lambda _c=False, i=i: self.choose(i))
            self.choice_buttons.append(b)
            self.choice_layout.addWidget(b)

        # numbers
        self.number_page = QWidget()
        self.number = QLineEdit()
        self.number.setAccessibleName("Your answer (a number)")
        self.number.setPlaceholderText("Type a number, then press Enter")
        scale_font(self.number, 1.3)
        self.number.setMinimumHeight(40)
        self.number.textChanged.connect(self._check_number)
        self.unit = plain_label()
        scale_font(self.unit, 1.3)
        self.submit_button = QPushButton("&Submit")
        self.submit_button.setAccessibleName("Submit answer")
        self.submit_button.setMinimumHeight(40)
        self.submit_button.clicked.connect(self.submit_number)
        self.hint = plain_label(wrap=True)
        self.hint.setAccessibleName("Hint")
        row = QHBoxLayout()
        row.addWidget(self.number, 1)
        row.addWidget(self.unit)
        row.addWidget(self.submit_button)
        nl = QVBoxLayout(self.number_page)
        nl.setContentsMargins(0, 0, 0, 0)
        nl.addLayout(row)
        nl.addWidget(self.hint)

        self.answer_area = QStackedWidget()
        self.answer_area.addWidget(self.choice_page)
        self.answer_area.addWidget(self.number_page)
        self.answer_area.currentChanged.connect(self._fit_answer_area)

        self.feedback = FeedbackPanel()
        self.feedback.show_in_article.connect(self.show_article)
        self.next_button = QPushButton("&Next →")
        self.next_button.setAccessibleName("Next question")
        self.next_button.setToolTip("Next question (Enter or Right arrow)")
        self.next_button.clicked.connect(self.next_question)
        self.feedback.buttons.addWidget(self.next_button)

        # On a large screen the text keeps a readable line length, centred.
        self.column = QWidget()
        bl = QVBoxLayout(self.column)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.prompt)
        bl.addSpacing(8)
        bl.addWidget(self.answer_area)
        bl.addWidget(self.feedback)
        bl.addStretch(1)
        body = QWidget()
        centre = QHBoxLayout(body)
        centre.addStretch(0)
        centre.addWidget(self.column, 1)
        centre.addStretch(0)
        self._limit_width()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll
        # These would take the Right arrow (to scroll sideways, to move the focus).
        for w in (scroll, self.next_button, self.feedback.article_button):
            w.installEventFilter(self)

        self.skip_button = QPushButton("S&kip")
        self.skip_button.setAccessibleName("Skip question")
        self.skip_button.setToolTip("Skip this question (Ctrl+K); it scores 0")
        self.skip_button.clicked.connect(self.skip)
        self.leave_button = QPushButton("&Leave quiz")
        self.leave_button.setAccessibleName("Leave quiz")
        self.leave_button.setToolTip("Back to the library (Esc)")
        self.leave_button.clicked.connect(self.leave)
        bottom = QHBoxLayout()
        bottom.addWidget(self.leave_button)
        bottom.addStretch(1)
        bottom.addWidget(self.skip_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and self.in_feedback
                and event.key() == Qt.Key.Key_Right and not event.modifiers()):
            self.next_question()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys the focused child did not use: 1-9 and A-D pick, Enter submits or goes on."""
        key = event.key()
        mods = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        text = event.text().upper()
        if mods != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter()
        elif key == Qt.Key.Key_Right and self.in_feedback:
            self.next_question()
        elif key == Qt.Key.Key_Escape:
            self.leave()
        elif text and text in CHOICE_KEYS:
            self.choose(CHOICE_KEYS.index(text))
        elif text and text in LETTER_KEYS:
            self.choose(LETTER_KEYS.index(text))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # running a session

    def start(self, session: QuizSession) -> None:
        """Show the first question of `session`."""
        self.session = session
        self.last_answer = None
        self.bank_title.setText(session.loaded.title)
        self.bank_title.setToolTip(session.loaded.title)
        practice = session.mode is Mode.PRACTICE
        self.score.setVisible(practice)
        self.streak.setVisible(practice)
        self.clock.setVisible(session.options.time_limit is not None)
        self.progress.setRange(0, max(1, session.max_score))
        if session.options.time_limit is not None:
            self._timer.start()
        self._show_question()

    def _show_question(self) -> None:
        session = self.session
        assert session is not None
        self.in_feedback = False
        self.feedback.hide()
        item = session.current
        if item is None:
            self._end()
            return
        self.position.setText(f"Question {session.index + 1} of {session.max_score}")
        self.progress.setValue(session.index)
        self._update_status()
        self.prompt.setText(item.question.prompt)
        self.skip_button.setEnabled(True)
        if item.is_choice:
            self.answer_area.setCurrentWidget(self.choice_page)
            for i, b in enumerate(self.choice_buttons):
                visible = i < len(item.choices)
                b.setVisible(visible)
                b.setEnabled(visible)
                b.set_mark(None)
                if visible:
                    # Button text is never rich text: `<b>` shows as typed. "&" would make a mnemonic.
                    b.setText(f"{choice_key(i)}   {item.choices[i].replace('&', '&&')}")
                    b.setAccessibleName(f"Choice {i + 1}: {item.choices[i]}")
            self.choice_buttons[0].setFocus()
        else:
            for b in self.choice_buttons:
                # Hidden, the choice page's buttons no longer hold the answer area open: a number's
                # one-line entry does not stand in a tall empty box that pushes the feedback out of sight.
                b.setVisible(False)
            self.answer_area.setCurrentWidget(self.number_page)
            q = item.question
            self.unit.setText(q.unit or "")  # type: ignore[union-attr]
            self.number.setEnabled(True)
            self.number.clear()
            self._check_number("")
            self.number.setFocus()
        self.scroll.verticalScrollBar().setValue(0)

    def _limit_width(self) -> None:
        self.column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 150)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._limit_width()
        super().changeEvent(event)

    def _fit_answer_area(self, _index: int = 0) -> None:
        # A QStackedWidget is as tall as its tallest page; size it to the page shown.
        current = self.answer_area.currentWidget()
        for i in range(self.answer_area.count()):
            page = self.answer_area.widget(i)
            policy = QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored
            page.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.answer_area.adjustSize()

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
        if s.time_up and not s.finished:
            s.finish()
            self._end()

    # answering

    def _set_hint(self, text: str, verdict: str | None) -> None:
        self.hint.setText(text)
        pal = self.hint.palette()
        color = verdict_color(verdict, self.palette()) if verdict else \
            self.palette().color(QPalette.ColorRole.PlaceholderText)
        pal.setColor(QPalette.ColorRole.WindowText, color)
        self.hint.setPalette(pal)

    def _check_number(self, text: str) -> bool:
        if not text.strip():
            self._set_hint("Numbers like 4500, 4,500, 4 500, 2.5, -3 or 12% are fine.", None)
            self.submit_button.setEnabled(False)
            return False
        try:
            value = parse_number(text)
        except AnswerFormatError as exc:
            self._set_hint(f"Not a number yet: {exc}", "wrong")
            self.submit_button.setEnabled(False)
            return False
        self._set_hint(f"Reads as {format_number(value)}. Press Enter to submit.", None)
        self.submit_button.setEnabled(True)
        return True

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
        s = self.session
        if s is None or self.in_feedback or s.current is None or s.current.is_choice:
            return
        if not self._check_number(self.number.text()):
            self.number.setFocus()
            return
        self._answered(s.submit_answer(self.number.text()))

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
            return
        focus = self.focusWidget()
        if focus in self.choice_buttons:
            focus.click()

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
        for b in self.choice_buttons:
            b.setEnabled(False)
        item = answer.item
        if item.is_choice:
            for i, choice in enumerate(item.choices):
                # Green for the right answer, red for a wrong choice; the glyph for those who cannot tell them apart.
                mark = "right" if choice == answer.right_answer else "wrong" if choice == answer.given else None
                glyph = {"right": "✓", "wrong": "✗", None: " "}[mark]
                self.choice_buttons[i].setText(f"{glyph} {choice_key(i)}   {choice.replace('&', '&&')}")
                self.choice_buttons[i].set_mark(mark)
        self.number.setEnabled(False)
        self.submit_button.setEnabled(False)
        self.skip_button.setEnabled(False)
        self.hint.setText("")
        self.feedback.show_answer(answer, s.cited_passage(answer.question))
        self.next_button.setText("&Next →" if not s.finished else "See &results →")
        self.feedback.show()
        self.next_button.setFocus()
        QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self.next_button))

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

    def leave(self) -> bool:
        """Leave the quiz after the user confirms; return whether it was left."""
        if self.session is None:
            return True
        if self.running and not self.confirm_leave(self):
            return False
        self._timer.stop()
        self.session = None
        self.left.emit()
        return True


def ask_to_leave(parent: QWidget) -> bool:
    """Ask whether to leave a quiz in progress; it is not scored, but stays in the history to resume."""
    box = QMessageBox(QMessageBox.Icon.Question, "Leave the quiz?",
                      "Leave this quiz? It will not be scored now; your answers are kept, "
                      "and the next time quizapp starts it offers to resume it.",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText("&Leave")
    box.button(QMessageBox.StandardButton.No).setText("&Stay")
    return box.exec() == QMessageBox.StandardButton.Yes
