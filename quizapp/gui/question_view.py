"""One question as the quiz and the study screens ask it: the prompt, the choices or a number
field, and the feedback with its proof, in one centred column that scrolls; and the Next button
the screen keeps in sight under it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.bank import AnyQuestion
from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.core.scoring import AnswerFormatError, answer_number, format_number, is_year, parse_answer
from quizapp.core.session import Answer, CitedPassage
from quizapp.gui.choice_button import ChoiceButton
from quizapp.gui.feedback import FeedbackPanel
from quizapp.gui.theme import verdict_color
from quizapp.gui.widgets import FocusOutline, plain_label, scale_font

CHOICE_KEYS = "123456789"
LETTER_KEYS = "ABCD"
MAX_CHOICES = 9
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
PAGE_KEYS = {Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
             Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd}


def choice_key(index: int) -> str:
    """The label shown on the choice button at `index`: 1-9, and A-D as well for the first four."""
    return f"{index + 1}" if index >= len(LETTER_KEYS) else f"{index + 1}/{LETTER_KEYS[index]}"


def is_plain(event: QKeyEvent) -> bool:
    """No Ctrl, Alt or Meta held: Shift+A is still A, but Ctrl+1 is a shortcut, not a choice."""
    ignored = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
    return event.modifiers() & ~ignored == Qt.KeyboardModifier.NoModifier


def chosen_by_key(event: QKeyEvent) -> int | None:
    """The choice (0-based) a key press picks: 1-9, or A-D for the first four; None for any other key."""
    text = event.text().upper()
    if not is_plain(event) or len(text) != 1:
        return None
    if text in CHOICE_KEYS:
        return CHOICE_KEYS.index(text)
    return LETTER_KEYS.index(text) if text in LETTER_KEYS else None


class Settling(QTimer):
    """The moment after something a key brought up shows (a question, its answer, the results): the platform's
    time between two key presses that still belong together (400 ms by default). A key pressed within it is
    the second of a double press, not a reading of what showed."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setSingleShot(True)

    def restart(self) -> None:
        """Start the moment from now (not at all where the platform has no keyboard input interval)."""
        self.stop()
        settle = QGuiApplication.styleHints().keyboardInputInterval()
        if settle > 0:
            self.start(settle)


class QuickPressGuard(QObject):
    """Keeps Enter and Space from pressing `buttons` within a moment of `restart()` or while held down.

    For a screen that the last key of another brings up with a button focused (the results after "See
    results →"): a quick second press, or the key still held, is not a choice of what the new screen offers.
    """

    def __init__(self, parent: QObject, buttons: Sequence[QWidget]) -> None:
        super().__init__(parent)
        self.moment = Settling(self)
        for button in buttons:
            button.installEventFilter(self)

    def restart(self) -> None:
        """The screen has just shown: start the moment."""
        self.moment.restart()

    @property
    def settling(self) -> bool:
        """Within the moment, when Enter and Space are taken for a double press."""
        return self.moment.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (*ENTER_KEYS, Qt.Key.Key_Space) \
                and (self.moment.isActive() or event.isAutoRepeat()):
            return True  # (a space pressed here is not released as a click either: the button was never down)
        return super().eventFilter(watched, event)


class NumberField(QLineEdit):
    """The field a number is typed in: never too narrow for a long number ("-4,500,000") at its font.

    A long unit beside it wraps instead of squeezing it: 2300 typed never shows as "300".
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        room = self.fontMetrics().horizontalAdvance("-4,500,000") + 2 * self.fontMetrics().averageCharWidth()
        return QSize(max(hint.width(), room), hint.height())


class NumberEntry(QWidget):
    """A number field with its unit and a Submit button, and a hint that reads the number as typed.

    Enter or Submit emits `submitted(text)` only for text that reads as a number: "4 500" and
    "4,500" both go (as 4,500), while "4.5.0" stays in the field with a hint that says why. A number
    that reads two ways ("4.500": 4.5 here, 4500 in much of Europe) gets a warning as it is typed,
    and goes only at a second Enter, whatever the right answer is.
    """

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = NumberField()
        self.number.setAccessibleName("Your answer (a number)")
        # Short enough to show whole in the field at the largest text on a small screen; the hint under the
        # field says to press Enter once a number is typed.
        self.number.setPlaceholderText("Type a number")
        scale_font(self.number, 1.3)
        self.number.setMinimumHeight(40)
        self.number.textChanged.connect(self.check)
        # A long unit ("thousand residents of the three districts") wraps beside the field, not over it.
        self.unit = plain_label(wrap=True)
        scale_font(self.unit, 1.3)
        self.submit_button = QPushButton("&Submit")
        self.submit_button.setAccessibleName("Submit answer")
        self.submit_button.setMinimumHeight(40)
        self.submit_button.clicked.connect(self.submit)
        self.hint = plain_label(wrap=True)
        self.hint.setAccessibleName("Hint")
        self._hint_verdict: str | None = None
        self.question: NumericQuestion | None = None
        self._confirming = ""  # a number that reads two ways, once Enter was pressed on it
        # Whether a key may type in the field now (the question view's may_type: not a quick second press).
        self.may_type: Callable[[QKeyEvent], bool] = lambda _event: True
        self.number.installEventFilter(self)
        row = QHBoxLayout()
        row.addWidget(self.number, 1)
        row.addWidget(self.unit)
        row.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.hint)

    def ask(self, question: NumericQuestion) -> None:
        """Empty the field for a new question, show its unit, and put the focus there."""
        self.question = question
        self.unit.setText(question.unit or "")
        self.number.setReadOnly(False)
        self.number.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.number.clear()
        self._confirming = ""
        self.check("")
        self.number.setFocus()

    def close_entry(self) -> None:
        """After the answer: the number given stays, read-only, without its hint.

        Read-only, not disabled: a disabled field greys its text, and the number given read as a faint
        placeholder beside the feedback that quotes it. No Tab stop then: nothing is left to type there."""
        self.number.setReadOnly(True)
        self.number.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.submit_button.setEnabled(False)
        self.hint.setText("")

    def check(self, text: str) -> bool:
        """Say how `text` reads (or why it does not); return whether it can be submitted."""
        if not text.strip():
            self._set_hint("Numbers like 4500, 4,500, 4 500, 2.5, -3 or 12% are fine.", None)
            self.submit_button.setEnabled(False)
            return False
        try:
            typed = parse_answer(text, self.unit_typed)
        except AnswerFormatError as exc:
            # The reason a sentence of its own: "Not a number yet: Leave the unit out: …" read oddly.
            self._set_hint(f"Not a number yet. {exc}", "wrong")
            self.submit_button.setEnabled(False)
            return False
        self.submit_button.setEnabled(True)
        warning = typed.point_warning()
        if warning is not None and self.question is not None and is_year(self.question):
            # The prompt asks for a year: 4.5 is none, and "four thousand five hundred" is beside the point.
            warning = f"{typed.number} is not a year: type the year in four digits, such as 1999."
        if warning is not None:
            again = f" To answer {format_number(typed.value)}, press Enter again." if text == self._confirming else ""
            self._set_hint(warning + again, "close")
            return True
        shown = answer_number(self.question, typed.value) if self.question else format_number(typed.value)
        self._set_hint(f"Reads as {shown}. Press Enter to submit.", None)
        return True

    @property
    def unit_typed(self) -> str | None:
        """The unit that may follow the number: the question's."""
        return self.question.unit if self.question else None

    def submit(self) -> None:
        """Emit `submitted` with the typed text; an unreadable number stays, with its hint, and a number
        that reads two ways ("4.500") waits for a second Enter (or click)."""
        if self.number.isReadOnly():
            return
        text = self.number.text()
        if not self.check(text):
            self.number.setFocus()
            return
        if parse_answer(text, self.unit_typed).point_warning() and text != self._confirming:
            self._confirming = text
            self.check(text)  # the warning, now with "press Enter again"
            self.number.setFocus()
            return
        self.submitted.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The field passes Enter on: taken here, it cannot also reach the screen, which would
        # read it as "go on" from the feedback this very answer brings up.
        if event.key() in ENTER_KEYS and is_plain(event):
            event.accept()
            self.submit()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.number and event.type() == QEvent.Type.KeyPress and self._typed_too_soon(event):
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def _typed_too_soon(self, event: QKeyEvent) -> bool:
        # "1 2" pressed just after the Enter that went on from the last question (or rated its card) is
        # no answer to this one, unread: the field opened with "12" in it. Only what types a character
        # is held back; a key held down since the last screen (its auto-repeat into the empty field) too.
        text = event.text()
        if not text or not text.isprintable() or not is_plain(event):
            return False
        return not self.may_type(event) or (event.isAutoRepeat() and not self.number.text())

    def _set_hint(self, text: str, verdict: str | None) -> None:
        self.hint.setText(text)
        self._hint_verdict = verdict
        font = self.hint.font()
        font.setBold(verdict == "close")  # a warning ("4.500 reads as 4.5"), not a passing remark
        self.hint.setFont(font)
        self._color_hint()

    def _color_hint(self) -> None:
        # Grey as a placeholder, or red for "Not a number yet", in the shade of the theme shown now.
        color = verdict_color(self._hint_verdict, self.palette()) if self._hint_verdict else \
            self.palette().color(QPalette.ColorRole.PlaceholderText)
        pal = QPalette(self.palette())
        pal.setColor(QPalette.ColorRole.WindowText, color)
        self.hint.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # The theme changed: the hint's colour, set for the old one, would stay (dark grey on dark grey).
            self._color_hint()


class AnswerArea(QStackedWidget):
    """The choice buttons of a choice question, or the number field of a numeric one.

    As tall as the page shown, not the tallest. Emits `chosen(index)` for a choice clicked (or
    focused and Enter pressed) and `submitted(text)` for a number.
    """

    chosen = Signal(int)
    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Whether a key may answer now (the question view's may_answer: not a quick second press).
        self.may_answer: Callable[[QKeyEvent], bool] = lambda _event: True
        # Whether a key may type in the number field now (the question view's may_type).
        self.may_type: Callable[[QKeyEvent], bool] = lambda _event: True
        self.choice_page = QWidget()
        choice_layout = QVBoxLayout(self.choice_page)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        self.choice_buttons: list[ChoiceButton] = []
        for i in range(MAX_CHOICES):
            b = ChoiceButton()
            b.setMinimumHeight(44)
            scale_font(b, 1.15)
            b.clicked.connect(lambda _c=False, i=i: self.chosen.emit(i))
            self.choice_buttons.append(b)
            choice_layout.addWidget(b)
        self.entry = NumberEntry()
        self.entry.may_type = lambda event: self.may_type(event)
        self.entry.submitted.connect(self.submitted)
        self.addWidget(self.choice_page)
        self.addWidget(self.entry)
        self.currentChanged.connect(self._fit)
        self._fit()

    def ask(self, question: AnyQuestion, choices: Sequence[str]) -> None:
        """Show the choices (in the order given) or an empty number field, with the focus on it."""
        if isinstance(question, ChoiceQuestion):
            self.setCurrentWidget(self.choice_page)
            for i, b in enumerate(self.choice_buttons):
                visible = i < len(choices)
                b.setVisible(visible)
                b.setEnabled(visible)
                b.set_mark(None)
                if visible:
                    # Button text is never rich text: `<b>` shows as typed. "&" would make a mnemonic.
                    b.setText(f"{choice_key(i)}   {choices[i].replace('&', '&&')}")
                    b.setAccessibleName(f"Choice {i + 1}: {choices[i]}")
            self.choice_buttons[0].setFocus()
            return
        for b in self.choice_buttons:
            # Hidden, the choice page's buttons no longer hold the answer area open: a number's
            # one-line entry does not stand in a tall empty box that pushes the feedback out of sight.
            b.setVisible(False)
        self.setCurrentWidget(self.entry)
        self.entry.ask(question)

    def show_answer(self, answer: Answer) -> None:
        """Nothing more can be given; the right choice green, a wrong one chosen red."""
        for b in self.choice_buttons:
            b.setEnabled(False)
        for i, choice in enumerate(answer.item.choices):
            # Green for the right answer, red for a wrong choice; the glyph for those who cannot tell them apart.
            mark = "right" if choice == answer.right_answer else "wrong" if choice == answer.given else None
            glyph = {"right": "✓", "wrong": "✗", None: " "}[mark]
            self.choice_buttons[i].setText(f"{glyph} {choice_key(i)}   {choice.replace('&', '&&')}")
            self.choice_buttons[i].set_mark(mark)
        self.entry.close_entry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A push button outside a dialog ignores Enter: here it picks the focused choice.
        focus = self.focusWidget()
        if event.key() in ENTER_KEYS and is_plain(event) and focus in self.choice_buttons and focus.isEnabled():
            event.accept()
            if self.may_answer(event):
                focus.click()
            return
        super().keyPressEvent(event)

    def _fit(self, _index: int = 0) -> None:
        # A QStackedWidget is as tall as its tallest page; size it to the page shown.
        current = self.currentWidget()
        for i in range(self.count()):
            page = self.widget(i)
            policy = QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored
            page.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.adjustSize()


class QuestionView(QScrollArea):
    """The prompt, the answer area and, once answered, the feedback with its proof; and a Next button.

    A centred column of readable width, scrolling when taller than the window (whole-sentence
    options at a large text size). Next is not in it: the screen puts it in its row of buttons under
    the view, which stays in sight however far the page scrolls (at the largest text on a small screen
    Next was below the proof, and a mouse had to scroll down to it). It is enabled once the question is
    answered. Emits `chosen(index)` and `submitted(text)` from the answer area, `next_requested` from
    Next (or the Right arrow after the answer), and `show_article(CitedPassage)` from "Show in article".

    A key goes on from the feedback (`may_go_on`) only once it has stood for a moment: the same
    keys answer and go on, so the second of two quick presses ("1 1", Enter Enter) would skip the
    proof unread, or rate a card the person never saw answered.
    """

    chosen = Signal(int)
    submitted = Signal(str)
    next_requested = Signal()
    show_article = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answered = False
        self._below: list[QWidget] = []
        # Runs while the feedback is too new for a key to go on from it.
        self._settling = Settling(self)
        self.prompt = plain_label(wrap=True)
        self.prompt.setAccessibleName("Question")
        scale_font(self.prompt, 1.4, bold=True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer_area = AnswerArea()
        self.answer_area.may_answer = self.may_answer
        self.answer_area.may_type = self.may_type
        self.answer_area.chosen.connect(self.chosen)
        self.answer_area.submitted.connect(self.submitted)
        self.feedback = FeedbackPanel()
        self.feedback.show_in_article.connect(self.show_article)
        self.feedback.hide()
        self.next_button = QPushButton("&Next →")
        self.next_button.setAccessibleName("Next question")
        self.next_button.setToolTip("Next question (Enter or Right arrow)")
        self.next_button.clicked.connect(self.next_requested)

        # On a large screen the text keeps a readable line length, centred.
        self.column = QWidget()
        self._column_layout = QVBoxLayout(self.column)
        self._column_layout.setContentsMargins(0, 0, 0, 0)
        self._column_layout.addWidget(self.prompt)
        self._column_layout.addSpacing(8)
        self._column_layout.addWidget(self.answer_area)
        self._column_layout.addWidget(self.feedback)
        self._column_layout.addStretch(1)
        body = QWidget()
        centre = QHBoxLayout(body)
        centre.addStretch(0)
        centre.addWidget(self.column, 1)
        centre.addStretch(0)
        self._limit_width()
        self.setWidgetResizable(True)
        # Everything in the column wraps (a long word too): it scrolls down, never sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(body)
        # A Tab stop (its arrow keys scroll a long proof) that shows no mark of the focus by itself.
        self._outline = FocusOutline(self)
        # These would take the Right arrow (to scroll sideways, to move the focus).
        for w in (self, self.next_button, self.feedback.article_button):
            w.installEventFilter(self)
        # What the view keeps in sight as the page is laid out ("question", "typing", "answer"), until the person
        # scrolls: wrapped lines settle over a few rounds of layout, and the text size may change.
        self._placing: str | None = None
        self._place_queued = False
        body.installEventFilter(self)
        self.viewport().installEventFilter(self)
        self.verticalScrollBar().actionTriggered.connect(self._scrolled_by_hand)
        # Typing in a number field scrolled out of view brings it back: what is typed shows.
        self.answer_area.entry.number.textChanged.connect(lambda _text: self._place("typing"))

    def add_below(self, widget: QWidget) -> None:
        """Put `widget` in the column under the feedback (the study's ratings, for example)."""
        self._column_layout.insertWidget(self._column_layout.count() - 1, widget)
        self._below.append(widget)

    def ask(self, question: AnyQuestion, choices: Sequence[str]) -> None:
        """Show a new question, unanswered, scrolled to the top."""
        self.answered = False
        # The same moment after a new question: the second "1" of a quick "1 1" that rated the card before
        # is not an answer to this one, which the person has not read yet.
        self._settling.restart()
        self.feedback.hide()
        # Nothing to go on from yet: it stays in its place, greyed (not "See results →" from the last quiz).
        self.next_button.setText("&Next →")
        self.next_button.setEnabled(False)
        self.prompt.setText(question.prompt)
        self.answer_area.ask(question, choices)
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
        self._place("question")

    def show_answer(self, answer: Answer, passage: CitedPassage | None) -> None:
        """Mark the choices, show the feedback with its proof, and give Next the focus."""
        self.answered = True
        self._settling.restart()
        self.answer_area.show_answer(answer)
        self.feedback.show_answer(answer, passage)
        self.feedback.show()
        self.next_button.setEnabled(True)
        self.next_button.setFocus()
        self._place("answer")

    def type_into_field(self, event: QKeyEvent) -> bool:
        """Type the character of `event`, a key pressed outside the number field, into the field, which takes
        the focus: where a number question waits for its answer and the focus is elsewhere (the question's
        text, clicked to select a word of it; Skip, tabbed to), the number typed is not lost. Return whether
        the key went there (the field holds back a key pressed too soon, as it does one typed in it)."""
        entry = self.answer_area.entry
        text = event.text()
        if self.answered or self.answer_area.currentWidget() is not entry or entry.number.hasFocus() \
                or not text.strip() or not text.isprintable() or not is_plain(event):
            return False
        entry.number.setFocus(Qt.FocusReason.OtherFocusReason)  # (not Tab's: that would select what it holds)
        QApplication.sendEvent(entry.number, event)
        return True

    def page_key(self, event: QKeyEvent) -> bool:
        """Scroll the page by a page for Page Up or Page Down pressed outside the view (on Next or a rating under
        it), as for one pressed in it; return whether it was one of those keys."""
        action = PAGE_KEYS.get(Qt.Key(event.key()))
        if action is None or not is_plain(event):
            return False
        self.verticalScrollBar().triggerAction(action)
        return True

    # Where the view scrolls to. One rule for the quiz and the study, at every text size:
    # - asked: the question from its first line, even where the focused choice or number field is below the
    #   view (a long question at the largest text on a small screen): a question read from its middle
    #   ("operation in the Sahel, claimed, ...?") is misread; the field comes into view once typed in;
    # - typing in the number field: down to it (with its hint where it fits), so that what is typed shows,
    #   the question's start kept in view where both fit;
    # - answered: down to the end of the feedback and what stands below it (the study's hint on rating), but
    #   never past the verdict's top: a small window shows "✗ Wrong", the right answer and as much of the proof
    #   as fits, rather than the end of the proof alone (Enter on Next would go on without the right answer seen);
    # - and the top of the view is never in the middle of a line or a button ("French hel" with its lower
    #   half cut off): it goes down to the next whole line.

    def _place(self, what: str) -> None:
        """Keep `what` ("question", "typing" or "answer") in sight from now until the person scrolls, once laid
        out."""
        self._placing = what
        self._queue_placing()

    def _queue_placing(self) -> None:
        if not self._place_queued:
            self._place_queued = True
            QTimer.singleShot(0, self, self._scroll_to_place)

    def _scrolled_by_hand(self, _action: int) -> None:
        self._placing = None  # the scroll bar, the wheel or the arrow keys: the person's choice stays

    def _scroll_to_place(self) -> None:
        self._place_queued = False
        if self._placing == "answer":
            self._show_answer_part()
        elif self._placing == "question":
            self.verticalScrollBar().setValue(0)  # (its start: where the field fits below it, it shows too)
        elif self._placing == "typing":
            self._show_focused_input()

    def _top_of(self, widget: QWidget) -> int:
        return widget.mapTo(self.widget(), QPoint(0, 0)).y()

    def _show_answer_part(self) -> None:
        if not self.feedback.isVisible():
            return
        end = max(self._top_of(w) + w.height() for w in (self.feedback, *self._below) if w.isVisible())
        value = max(0, min(end - self.viewport().height(), self._top_of(self.feedback)))
        self._scroll_to(value)

    def _show_focused_input(self) -> None:
        focus = QApplication.focusWidget()
        if focus is None or self.answered or not self.answer_area.isAncestorOf(focus):
            return
        bar, height = self.verticalScrollBar(), self.viewport().height()
        top = self._top_of(focus)
        bottom = top + focus.height()
        if bar.value() <= top and bottom <= bar.value() + height:
            return  # in view: as the person left it
        entry = self.answer_area.entry
        if focus is entry.number and entry.height() <= height:
            bottom = self._top_of(entry) + entry.height()  # the hint under the field too, where it fits
        # The question's start stays in view where the field fits below it; else the field at the foot.
        self._scroll_to(min(top, max(0, bottom - height)))

    def _scroll_to(self, value: int) -> None:
        bar = self.verticalScrollBar()
        spans = line_spans(self.widget())
        whole = whole_line_top(value, spans, down=True)
        bar.setValue(whole if whole <= bar.maximum() else whole_line_top(value, spans, down=False))

    def may_answer(self, event: QKeyEvent) -> bool:
        """Whether a key press may answer the question shown: not one within a moment of its showing (the
        second of two quick presses that went on from the last one), nor a key held down (auto-repeat)."""
        return not self.answered and not self._settling.isActive() and not event.isAutoRepeat()

    def may_type(self, _event: QKeyEvent) -> bool:
        """Whether a key press may type in the number field: not one within a moment of the question's
        showing (the "1 2" of a quick "Enter 1 2" that went on from the last one), as for a choice."""
        return not self.settling

    @property
    def settling(self) -> bool:
        """Within the moment after a question or its answer showed, when a key is taken for a double press."""
        return self._settling.isActive()

    @property
    def settled(self) -> bool:
        """Answered, and the feedback has stood long enough for a key to go on from it."""
        return self.answered and not self._settling.isActive()

    def may_go_on(self, event: QKeyEvent) -> bool:
        """Whether a key press may go on from the feedback (Next, a rating): not one pressed within a
        moment of the answer, nor a key held down since (its auto-repeat)."""
        return self.settled and not event.isAutoRepeat()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched in (self.widget(), self.viewport()):
            if self._placing is not None:
                self._queue_placing()  # laid out anew (lines wrapped again, a larger text): still in sight
            return False
        if event.type() == QEvent.Type.KeyPress and self.answered:
            key = event.key()
            if key == Qt.Key.Key_Right and not event.modifiers():
                if self.may_go_on(event):
                    self.next_requested.emit()
                return True
            # Space presses the focused Next itself; a quick second Space after the one that answered
            # would skip the proof.
            if watched is self.next_button and key == Qt.Key.Key_Space and not self.may_go_on(event):
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._limit_width()
        super().changeEvent(event)

    def _limit_width(self) -> None:
        self.column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 150)


def line_spans(page: QWidget) -> list[tuple[int, int]]:
    """The top and bottom (in `page`'s coordinates) of each line of text shown in `page` and of each button
    or field in it: where the top of a scrolled view would cut something in half."""
    spans: list[tuple[int, int]] = []

    def visit(parent: QWidget) -> None:
        for w in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if not w.isVisibleTo(page) or w.height() <= 0:
                continue
            top = w.mapTo(page, QPoint(0, 0)).y()
            if isinstance(w, QLabel) and w.wordWrap():
                spans.extend(label_line_spans(w, top))
            elif isinstance(w, (QAbstractButton, QLineEdit, QLabel)):
                spans.append((top, top + w.height()))  # a button whole, its lines and its frame
            else:
                visit(w)

    visit(page)
    return spans


def label_line_spans(label: QLabel, top: int) -> list[tuple[int, int]]:
    """The lines of a wrapped label whose top is at `top`; the first reaches up to the label's top (its frame)."""
    margin = max(0, label.margin())
    area = label.contentsRect().adjusted(margin, margin, -margin, -margin)
    metrics = label.fontMetrics()
    text = QLabel.text(label)  # as shown, with the breaks a WrapLabel puts in a long word
    wrapped = metrics.boundingRect(area, int(Qt.TextFlag.TextWordWrap), text).height() if text else 0
    lines = max(1, round(wrapped / metrics.lineSpacing()))
    # The label's own height for its text: a selectable one lays out its lines a pixel further apart
    # (60.5 pixels rounded up to 61) than the font's line spacing says.
    high = max(1, min(area.height(), label.heightForWidth(label.width()) - (label.height() - area.height())))
    vertical = label.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
    room = area.height() - high
    first = top + area.top() + (room // 2 if vertical == Qt.AlignmentFlag.AlignVCenter
                                else room if vertical == Qt.AlignmentFlag.AlignBottom else 0)
    spans = [(first + round(k * high / lines), first + round((k + 1) * high / lines)) for k in range(lines)]
    spans[0] = (top, spans[0][1])
    spans[-1] = (spans[-1][0], max(spans[-1][1], top + label.height()))
    return spans


def whole_line_top(value: int, spans: Sequence[tuple[int, int]], *, down: bool) -> int:
    """`value` moved (down, or up) until no line or button of `spans` is cut by it."""
    while cut := [span for span in spans if span[0] < value < span[1]]:
        value = max(bottom for _top, bottom in cut) if down else min(top for top, _bottom in cut)
    return value
