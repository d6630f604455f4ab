"""The quiz options dialog: how many questions, which ones, practice or exam, time limit."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.bank import LoadedBank
from quizapp.core.model import QUESTION_TYPES
from quizapp.core.session import Mode, QuizOptions, matching_questions
from quizapp.gui.widgets import plain_label

TYPE_LABELS = {"choice": "&Multiple choice", "numeric": "N&umbers"}


class QuizOptionsDialog(QDialog):
    """Asks for QuizOptions for one bank; remembers the last choices in QSettings."""

    def __init__(self, loaded: LoadedBank, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded = loaded
        self.setWindowTitle("Quiz options")
        self.setAccessibleName("Quiz options")
        bank = loaded.bank
        n = len(bank.questions)
        settings = QSettings()

        title = plain_label(bank.title, wrap=True)
        self.count = QSpinBox()
        self.count.setRange(1, max(1, n))
        self.count.setValue(min(n, int(settings.value("quiz/count", n) or n)) or 1)
        self.count.setAccessibleName("Number of questions")
        self.available = plain_label()

        self.shuffle_questions = QCheckBox("Shuffle &questions")
        self.shuffle_questions.setChecked(_bool(settings.value("quiz/shuffle_questions", True)))
        self.shuffle_choices = QCheckBox("Shuffle &choices")
        self.shuffle_choices.setChecked(_bool(settings.value("quiz/shuffle_choices", True)))

        self.type_boxes: dict[str, QCheckBox] = {}
        types_row = QHBoxLayout()
        present = {q.type for q in bank.questions}
        for t in QUESTION_TYPES:
            box = QCheckBox(TYPE_LABELS.get(t, t))
            box.setChecked(t in present)
            box.setEnabled(t in present)
            box.toggled.connect(self._update)
            self.type_boxes[t] = box
            types_row.addWidget(box)
        types_row.addStretch(1)

        self.tags = QListWidget()
        self.tags.setAccessibleName("Tags: tick some to ask only questions with them")
        tags = sorted({t for q in bank.questions for t in q.tags})
        for tag in tags:
            count = sum(1 for q in bank.questions if tag in q.tags)
            item = QListWidgetItem(f"{tag} ({count})")
            item.setData(Qt.ItemDataRole.UserRole, tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.tags.addItem(item)
        self.tags.setMaximumHeight(110)
        self.tags.itemChanged.connect(lambda _i: self._update())
        self.tags.setVisible(bool(tags))
        tags_hint = plain_label("No tick: any tag." if tags else "This bank has no tags.")

        self.practice = QRadioButton("&Practice: see the answer and its proof after each question")
        self.exam = QRadioButton("&Exam: see everything at the end")
        group = QButtonGroup(self)
        group.addButton(self.practice)
        group.addButton(self.exam)
        (self.exam if settings.value("quiz/mode") == Mode.EXAM.value else self.practice).setChecked(True)

        self.timed = QCheckBox("&Time limit:")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 300)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Time limit in minutes")
        self.minutes.setValue(int(settings.value("quiz/minutes", 10) or 10))
        self.timed.setChecked(_bool(settings.value("quiz/timed", False)))
        self.minutes.setEnabled(self.timed.isChecked())
        self.timed.toggled.connect(self.minutes.setEnabled)
        time_row = QHBoxLayout()
        time_row.addWidget(self.timed)
        time_row.addWidget(self.minutes)
        time_row.addStretch(1)

        form = QFormLayout()
        form.addRow(title)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count)
        count_row.addWidget(self.available, 1)
        form.addRow("&Number of questions:", count_row)
        form.addRow("Question types:", types_row)
        form.addRow("Tags:", self.tags)
        form.addRow("", tags_hint)
        form.addRow("", self.shuffle_questions)
        form.addRow("", self.shuffle_choices)
        form.addRow("Mode:", self.practice)
        form.addRow("", self.exam)
        form.addRow("", _wrap(time_row))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Start")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()
        self.count.setFocus()

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
            self.count.setMaximum(n)
        self.ok_button.setEnabled(n > 0)

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
        s.setValue("quiz/count", self.count.value())
        s.setValue("quiz/shuffle_questions", self.shuffle_questions.isChecked())
        s.setValue("quiz/shuffle_choices", self.shuffle_choices.isChecked())
        s.setValue("quiz/mode", (Mode.EXAM if self.exam.isChecked() else Mode.PRACTICE).value)
        s.setValue("quiz/timed", self.timed.isChecked())
        s.setValue("quiz/minutes", self.minutes.value())
        super().accept()


def _bool(value: object) -> bool:
    return value in (True, "true", "1", 1)


def _wrap(layout: QHBoxLayout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w
