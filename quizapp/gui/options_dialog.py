"""The quiz options dialog: how many questions, which ones, practice or exam, time limit."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.bank import LoadedBank
from quizapp.core.history import bank_key
from quizapp.core.model import QUESTION_TYPES
from quizapp.core.session import Mode, QuizOptions, matching_questions
from quizapp.gui.reflow import ScrolledPage, WrappingRadioButton, WrappingRow, labels_above_when_narrow
from quizapp.gui.widgets import FitsText, FocusOutline, fitted_size, plain_label

TYPE_LABELS = {"choice": "&Multiple choice", "numeric": "N&umbers"}
ALL = "all"  # the number of questions remembered for a bank when all of them were asked
TAG_LINES = 6  # the tags in view before the list scrolls
LABELS_BESIDE_CHARS = 45  # narrower than this many characters, each label goes above its field


class QuizOptionsDialog(FitsText, QDialog):
    """Asks for QuizOptions for one bank; remembers the last choices in QSettings.

    The number of questions and the time limit are remembered for each bank, as they only make
    sense for its size: 5 of a 6-question bank is not what one wants of a 40-question bank, and
    a bank not quizzed yet starts at all its questions, untimed. "All" is remembered as all,
    whatever the bank's size becomes. Practice or exam and the shuffling are remembered for
    every bank (the Start button says which mode starts).
    """

    def __init__(self, loaded: LoadedBank, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded = loaded
        self.setWindowTitle("Quiz options")
        self.setAccessibleName("Quiz options")
        bank = loaded.bank
        n = len(bank.questions)
        settings = QSettings()
        self.bank_settings = bank_settings_group(loaded)

        title = plain_label(bank.title, wrap=True)
        self.count = QSpinBox()
        self.count.setRange(1, max(1, n))
        self.count.setValue(_remembered_count(settings.value(f"{self.bank_settings}/count", ALL), n))
        self.count.setAccessibleName("Number of questions")
        self.available = plain_label()

        self.shuffle_questions = QCheckBox("Shuffle &questions")
        self.shuffle_questions.setChecked(_bool(settings.value("quiz/shuffle_questions", True)))
        self.shuffle_choices = QCheckBox("Shuffle &choices")
        self.shuffle_choices.setChecked(_bool(settings.value("quiz/shuffle_choices", True)))

        self.type_boxes: dict[str, QCheckBox] = {}
        types_row = WrappingRow()
        present = {q.type for q in bank.questions}
        for t in QUESTION_TYPES:
            box = QCheckBox(TYPE_LABELS.get(t, t))
            box.setChecked(t in present)
            box.setEnabled(t in present)
            box.toggled.connect(self._update)
            self.type_boxes[t] = box
            types_row.add(box)
        types_row.add_stretch()

        self.tags = QListWidget()
        self.tags.setAccessibleName("Tags: tick some to ask only questions with them")
        # A long tag wraps to the list's width: cut off at its right, past a scroll bar, it could not be read.
        self.tags.setWordWrap(True)
        self.tags.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tags = sorted({t for q in bank.questions for t in q.tags})
        for tag in tags:
            count = sum(1 for q in bank.questions if tag in q.tags)
            item = QListWidgetItem(f"{tag} ({count})")
            item.setData(Qt.ItemDataRole.UserRole, tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.tags.addItem(item)
        self.fit_lines()
        self._outline = FocusOutline(self.tags)  # a Tab stop that Fusion draws the same focused or not
        self.tags.itemChanged.connect(lambda _i: self._update())
        self.tags.setVisible(bool(tags))
        tags_hint = plain_label("No tick: any tag." if tags else "This bank has no tags.")
        tags_label = QLabel("T&ags:")
        tags_label.setBuddy(self.tags)

        self.practice = WrappingRadioButton("&Practice: see the answer and its proof after each question")
        self.exam = WrappingRadioButton("&Exam: see everything at the end")
        group = QButtonGroup(self)
        group.addButton(self.practice)
        group.addButton(self.exam)
        (self.exam if settings.value("quiz/mode") == Mode.EXAM.value else self.practice).setChecked(True)
        group.buttonToggled.connect(lambda _b, _on: self._name_start())

        self.timed = QCheckBox("&Time limit:")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 300)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Time limit in minutes")
        self.minutes.setValue(_int(settings.value(f"{self.bank_settings}/minutes"), 10))
        self.timed.setChecked(_bool(settings.value(f"{self.bank_settings}/timed", False)))
        self.minutes.setEnabled(self.timed.isChecked())
        self.timed.toggled.connect(self.minutes.setEnabled)
        self.timed.toggled.connect(self._name_start)
        self.minutes.valueChanged.connect(self._name_start)
        time_row = QHBoxLayout()
        time_row.addWidget(self.timed)
        time_row.addWidget(self.minutes)
        time_row.addStretch(1)

        # Labels beside their fields where there is room; at the largest text on a small screen each label
        # goes above its field, long lines wrap, and the page scrolls with Start and Cancel below it.
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(title)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        labels_above_when_narrow(form, content, LABELS_BESIDE_CHARS)
        column.addLayout(form)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count)
        count_row.addWidget(self.available, 1)
        # A row whose field is a layout gets no buddy from QFormLayout: the label is made here,
        # or "&Number" would show its "&" and Alt+N would do nothing.
        count_label = QLabel("&Number of questions:")
        count_label.setBuddy(self.count)
        form.addRow(count_label, count_row)
        form.addRow("Question types:", types_row)
        form.addRow(tags_label, self.tags)
        form.addRow("", tags_hint)
        form.addRow("", self.shuffle_questions)
        form.addRow("", self.shuffle_choices)
        form.addRow("Mode:", self.practice)
        form.addRow("", self.exam)
        form.addRow("", _wrap(time_row))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.page = ScrolledPage(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.buttons)
        self._update()
        self._name_start()
        self.count.setFocus()
        self.resize(self.wanted_size())

    def fit_lines(self) -> None:
        # About six tags in view, at any text size (a height in pixels showed two at the largest).
        self.tags.setMaximumHeight(self.tags.fontMetrics().lineSpacing() * TAG_LINES + 8)

    def wanted_size(self) -> QSize:
        """The whole page without scrolling where the screen (and the window it opens over) holds it: a scrolled
        area alone asks for no more than 24 lines."""
        layout, buttons = self.layout(), self.buttons.sizeHint()
        page, margins = self.page.widget().sizeHint(), layout.contentsMargins()
        return fitted_size(self, max(page.width(), buttons.width()) + margins.left() + margins.right(),
                           page.height() + layout.spacing() + buttons.height() + margins.top() + margins.bottom())

    def _selected_types(self) -> frozenset[str]:
        return frozenset(t for t, box in self.type_boxes.items() if box.isChecked())

    def _selected_tags(self) -> frozenset[str]:
        out = set()
        for i in range(self.tags.count()):
            item = self.tags.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.add(item.data(Qt.ItemDataRole.UserRole))
        return frozenset(out)

    def _update(self) -> None:
        pool = matching_questions(self.loaded, QuizOptions(types=self._selected_types(),
                                                           tags=self._selected_tags()))
        n = len(pool)
        self.available.setText(f"of {n} matching" if n else "no question matches")
        if n:
            every = self.count.value() >= self.count.maximum()
            self.count.setMaximum(n)
            if every:  # all of them stays all when a ticked type or tag lets more in
                self.count.setValue(n)
        self.ok_button.setEnabled(n > 0)

    def _name_start(self) -> None:
        # Enter presses Start: its text says what starts, so a mode or time limit kept from last time is seen.
        text = "&Start exam" if self.exam.isChecked() else "&Start practice"
        if self.timed.isChecked():
            text += f", {self.minutes.value()} min"
        self.ok_button.setText(text)

    def options(self) -> QuizOptions:
        """The options chosen (valid after the dialog was accepted)."""
        return QuizOptions(
            count=self.count.value(),
            shuffle_questions=self.shuffle_questions.isChecked(),
            shuffle_choices=self.shuffle_choices.isChecked(),
            types=self._selected_types(),
            tags=self._selected_tags(),
            mode=Mode.EXAM if self.exam.isChecked() else Mode.PRACTICE,
            time_limit=self.minutes.value() * 60.0 if self.timed.isChecked() else None,
        )

    def accept(self) -> None:
        s = QSettings()
        every = self.count.value() >= self.count.maximum()
        s.setValue(f"{self.bank_settings}/count", ALL if every else self.count.value())
        s.setValue(f"{self.bank_settings}/timed", self.timed.isChecked())
        s.setValue(f"{self.bank_settings}/minutes", self.minutes.value())
        s.setValue("quiz/shuffle_questions", self.shuffle_questions.isChecked())
        s.setValue("quiz/shuffle_choices", self.shuffle_choices.isChecked())
        s.setValue("quiz/mode", (Mode.EXAM if self.exam.isChecked() else Mode.PRACTICE).value)
        super().accept()


def bank_settings_group(loaded: LoadedBank) -> str:
    """The QSettings group of one bank's quiz options (keyed by the bank's history key, hashed:
    a path's slashes would be read as groups)."""
    digest = hashlib.sha1(bank_key(loaded.path).encode("utf-8")).hexdigest()[:16]
    return f"quiz/bank-{digest}"


def _remembered_count(value: object, n: int) -> int:
    """A remembered number of questions for a bank of `n`: "all" is all, a number at most `n`."""
    if value == ALL:
        return max(1, n)
    return max(1, min(n, _int(value, n)))


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default


def _bool(value: object) -> bool:
    return value in (True, "true", "1", 1)


def _wrap(layout: QHBoxLayout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w
