"""The form for one question in the bank editor, with each problem shown beside its field."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import yaml
from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.draft import QuestionData, parse_number
from quizapp.gui.reflow import min_width, reveal
from quizapp.gui.widgets import ErrorLabel, FocusOutline

# Form field -> the key in the question data it edits.
TEXT_FIELDS = ("id", "prompt", "answer", "distractors", "tolerance", "min", "max", "unit",
               "quote", "explanation", "tags")
NUMERIC_ONLY = ("tolerance", "min", "max", "unit")
# Below this width (in average characters) the form puts labels above their fields.
WIDE_FORM_CHARS = 60
# The Answer grows with its text up to this many lines (7 for a sentence of 250 characters at 800x600), then scrolls.
ANSWER_LINES = 8
# The Wrong answers grow from 4 lines up to this many: three such sentences, most of them in sight.
DISTRACTOR_LINES = 8
# A wrong answer's lines after its first are indented by this many characters: one answer, not two.
ITEM_INDENT_CHARS = 2
# The Source box grows with its longest key up to about this many characters.
SOURCE_CHARS = 30


@dataclass(frozen=True)
class UnknownKey:
    """A key of the question that the format does not know, shown with its value so nothing is hidden."""

    path: tuple[str, ...]  # ("distractor",) or ("cite", "qoute")
    value: Any
    message: str
    rename_to: str | None  # the known key it resembles, when renaming loses nothing


# Object names of the editor's Undo and Redo actions, which the fields' menus offer.
UNDO_ACTION, REDO_ACTION = "editorUndo", "editorRedo"


def _is_undo_key(event: QKeyEvent) -> bool:
    typed = QKeySequence(event.keyCombination())
    return (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
            or typed in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")))


class _EditorUndo:
    """Undo and Redo in a field of the editor are the editor's, not the field's own.

    A field that undid its own typing would report the restored text as a new edit: the
    editor's stack would grow instead of going back, and Redo would stay greyed out. So the
    keys go on to the window's actions, and the field's menu offers those actions.
    """

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        if isinstance(self, QPlainTextEdit | QTextEdit):
            self.setUndoRedoEnabled(False)  # no steps of its own either, which nothing would undo

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            event.ignore()  # not ours: the window's Undo/Redo shortcut takes it
            return True
        return super().event(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_undo_key(event):
            event.ignore()  # nothing to undo in the editor: the field must not undo alone
            return
        super().keyPressEvent(event)  # type: ignore[misc]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()  # type: ignore[attr-defined]
        for own, name in (("edit-undo", UNDO_ACTION), ("edit-redo", REDO_ACTION)):
            ours = menu.findChild(QAction, own)
            theirs = self.window().findChild(QAction, name)  # type: ignore[attr-defined]
            if ours is not None:
                if theirs is not None:
                    menu.insertAction(ours, theirs)
                menu.removeAction(ours)
        menu.exec(event.globalPos())
        menu.deleteLater()


def leaves_field(event: QEvent) -> bool:
    """Whether `event` is the teacher moving on from a field (Tab, a click elsewhere), which ends its undo
    step; a menu or another window that takes the focus for a while does not (the step goes on after it)."""
    return event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent) and event.reason() not in (
        Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


class LineField(_EditorUndo, QLineEdit):
    """A one-line field of the bank editor."""

    def show_value(self, text: str) -> None:
        """Show `text` from its start, unless the field is being typed in: setText leaves the end of a text longer
        than the field in view, and a choice question's answer showed "…along the lower valley." alone."""
        self.setText(text)
        if not self.hasFocus():
            self.setCursorPosition(0)


class _Growing:
    """(For a text box) `lines` lines tall, or, given `most`, as tall as its text wrapped to its width,
    from `lines` lines up to `most` (and scrolls past that); passes Tab on to the next field."""

    def __init__(self, lines: int, most: int = 0) -> None:
        super().__init__()
        self.lines, self.most = lines, max(lines, most)
        self._lines_shown = lines
        self.setTabChangesFocus(True)
        # It wraps: never a bar to scroll sideways, which a line laid out at the width before a vertical bar came
        # brought for a moment, and with it a vertical bar again, back and forth for ever.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Fusion draws a text box the same with the focus as without, where a one-line field turns blue.
        self._outline = FocusOutline(self)
        if self.most > lines:
            self.textChanged.connect(self._regrow)

    def _wanted_lines(self) -> int:
        """The lines of its text at the width it has now, from `lines` up to `most`."""
        layout, block, count = self.document().documentLayout(), self.document().firstBlock(), 0
        while block.isValid() and count < self.most:
            layout.blockBoundingRect(block)  # (a plain text's layout wraps a block only once asked about it)
            count += block.layout().lineCount()
            block = block.next()
        return min(max(count, self.lines), self.most)

    def _regrow(self) -> None:
        wanted = self._wanted_lines()
        if wanted != self._lines_shown:
            self._lines_shown = wanted
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.most > self.lines and event.size().width() != event.oldSize().width():
            self._regrow()  # wrapped anew: more lines at a narrower width, fewer at a wider one

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self.most > self.lines and event.type() == QEvent.Type.FontChange:
            self._regrow()  # (Ctrl+=: as many words need more lines)

    def _height(self) -> int:
        # Worked out from the font it has now, not the one it was made with: after Ctrl+= a Prompt of
        # three normal lines' height held one line of the larger text and scrolled.
        # The text lays out each line in whole pixels, the font's line spacing rounded up, not to the nearest
        # (27, not 26, at 17 pt): six lines of the Answer grown to its sentence scrolled by a line. Under the
        # lines, Qt wants the document's margin twice and a pixel before it does without a scroll bar.
        line = math.ceil(QFontMetricsF(self.font()).lineSpacing())
        margin = math.ceil(self.document().documentMargin())
        return line * self._lines_shown + 3 * margin + 1 + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height())


class TextField(_EditorUndo, _Growing, QPlainTextEdit):
    """A short multi-line field of the bank editor (see _Growing)."""


class ListField(_EditorUndo, _Growing, QTextEdit):
    """A field of one item a line (the Wrong answers), of plain text: a line that wraps goes on indented under its
    first words, so that a long item reads as one and not as two. (A QPlainTextEdit lays out no block's indent.)"""

    def __init__(self, lines: int, most: int = 0) -> None:
        super().__init__(lines, most)
        self.setAcceptRichText(False)
        self._hang()

    def setPlainText(self, text: str) -> None:
        super().setPlainText(text)
        self._hang()  # (a new text's lines come without it)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._hang()  # as wide as the larger characters, before the lines are counted again
        super().changeEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Typed in, each pasted line is a new item of the same hanging indent; inserted as a piece of a document,
        # they came without it.
        self.textCursor().insertText(source.text())

    def _hang(self) -> None:
        """Each line's text after its first wrap indented by two characters: Enter's new line keeps its line's."""
        indent = ITEM_INDENT_CHARS * self.fontMetrics().averageCharWidth()
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(indent)
        fmt.setTextIndent(-indent)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        blocked = self.blockSignals(True)  # the text is the same: no edit to tell of
        cursor.mergeBlockFormat(fmt)
        self.blockSignals(blocked)


class WrappedLineEdit(_Growing, QPlainTextEdit):
    """A one-line value that wraps rather than scroll sideways: as tall as its text, from one line up to `most`.

    A fact-check question's answer is a whole sentence, told from its wrong answers by a figure near its end:
    in a one-line field that end was out of sight. It stays one paragraph: Enter adds no line break (and does
    what it did in the one-line field: nothing here, or what the window does with it), and a pasted text's
    line breaks become spaces. It undoes its own typing, as a one-line field does (see WrappedLineField).
    """

    def __init__(self, most: int) -> None:
        super().__init__(1, most)
        # The margins of a one-line field: its text lines up with theirs, and one line is about as tall as they are.
        self.document().setDocumentMargin(2)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason) and not self.textCursor().hasSelection():
            self.selectAll()  # as a one-line field does: what is typed next replaces the value

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # on to the form, as a one-line field passes it on
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        one_line = QMimeData()
        one_line.setText(_joined_lines(source.text()))
        super().insertFromMimeData(one_line)


class WrappedLineField(_EditorUndo, WrappedLineEdit):
    """The bank editor's WrappedLineEdit (its Answer): its Undo is the editor's."""


class FieldLabel(QLabel):
    """A field's label with room for its whole text. Its Alt key's underline is drawn apart from the letters
    after it, so a pair that the font tucks together when measured ("Ty" of "&Type") is drawn wider: at the
    largest text "Type" lost its "e"."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self.fontMetrics().averageCharWidth() // 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class QuestionForm(QWidget):
    """Edits one question given as plain data; tells the editor what the teacher changed."""

    field_edited = Signal(str, object)  # key, new value (None removes it)
    type_changed = Signal(str)
    citation_edited = Signal(object, object)  # source key or None, quote (str, list or None)
    rename_key = Signal(tuple, str)  # path of an unknown key, the known key to rename it to
    remove_key = Signal(tuple)
    edit_as_text = Signal()
    field_left = Signal(str)  # the teacher moved on from a field (Tab, a click elsewhere)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._sources: list[str] = []
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form_layout = layout
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}

        self.type_box = QComboBox()
        self.type_box.addItem("Multiple choice", "choice")
        self.type_box.addItem("Numeric", "numeric")
        self.type_box.currentIndexChanged.connect(self._type_picked)
        self.difficulty_box = QComboBox()
        for label, value in (("(not set)", None), ("Easy", "easy"), ("Medium", "medium"),
                             ("Hard", "hard")):
            self.difficulty_box.addItem(label, value)
        self.difficulty_box.currentIndexChanged.connect(self._difficulty_picked)
        self.source_box = QComboBox()
        # As wide as its longest key ("harbour-report"), up to SOURCE_CHARS; longer ones end in "…".
        self.source_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.source_box.setMaximumWidth(self.source_box.fontMetrics().horizontalAdvance("m" * SOURCE_CHARS))
        self.source_box.currentIndexChanged.connect(self._citation_changed)

        def line(key: str, placeholder: str = "") -> QLineEdit:
            w = LineField()
            w.setPlaceholderText(placeholder)
            w.textEdited.connect(lambda _t, k=key: self._text_changed(k))
            return w

        def plain(key: str, lines: int | QPlainTextEdit | QTextEdit, placeholder: str) -> QPlainTextEdit | QTextEdit:
            w = TextField(lines) if isinstance(lines, int) else lines
            w.setPlaceholderText(placeholder)
            w.textChanged.connect(lambda k=key: self._text_changed(k))
            return w

        fields: list[tuple[str, str, QWidget]] = [
            ("id", "Id", line("id", "a short name that stays when you reword the question")),
            ("type", "T&ype", self.type_box),
            ("prompt", "&Prompt", plain("prompt", 3, "The question, ending with a question mark")),
            ("answer", "A&nswer", plain("answer", WrappedLineField(ANSWER_LINES), "the right answer")),
            ("distractors", "Wr&ong answers", plain("distractors", ListField(4, DISTRACTOR_LINES),
                                                    "one wrong answer per line")),
            ("tolerance", "T&olerance", line("tolerance", "e.g. 50 or 5% (leave empty for exact)")),
            ("min", "Minimum", line("min", "lowest right answer (optional)")),
            ("max", "Maximum", line("max", "highest right answer (optional)")),
            ("unit", "Unit", line("unit", "e.g. soldiers, %, km")),
            ("source", "&Source", self.source_box),
            ("quote", "&Citation", plain("quote", 4, "the sentence from the article that proves the "
                                                     "answer (select it in the article and press "
                                                     "Use as citation)")),
            ("explanation", "E&xplanation", plain("explanation", 2, "shown after the answer (optional)")),
            ("tags", "Ta&gs", line("tags", "comma-separated, e.g. dates, people")),
            ("difficulty", "Difficulty", self.difficulty_box),
        ]
        for key, label_text, widget in fields:
            self.widgets[key] = widget
            widget.installEventFilter(self)
            widget.setAccessibleName(label_text.replace("&", ""))
            error = ErrorLabel()
            error.setObjectName("fieldError")
            error.hide()
            self.errors[key] = error
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.setSpacing(2)
            box_layout.addWidget(widget)
            box_layout.addWidget(error)
            label = FieldLabel(label_text)
            label.setBuddy(widget)
            layout.addRow(label, box)
            self.rows[key] = (label, box)
        # Keys the form has no field for: shown first, with their values and a fix.
        self.unknown_box = QFrame()
        self.unknown_box.setObjectName("unknownKeys")
        self.unknown_box.setFrameShape(QFrame.Shape.StyledPanel)
        # A thin red over whatever the theme's window is: a fixed light pink left the dark theme's
        # light text unreadable on it.
        self.unknown_box.setStyleSheet("#unknownKeys { background: rgba(198, 40, 40, 0.12); }")
        self.unknown_layout = QVBoxLayout(self.unknown_box)
        self.unknown_box.hide()
        self.unknown_buttons: dict[tuple[str, ...], list[QPushButton]] = {}
        self._unknown_shown: list[UnknownKey] = []
        outer = QVBoxLayout(self)
        outer.addWidget(self.unknown_box)
        outer.addLayout(layout)
        outer.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_labels(event.size().width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # Ctrl+=: as many characters need a wider form
            self._place_labels(self.width())

    def _place_labels(self, width: int) -> None:
        # Narrow (800x600, or large text), each label goes above its field, which then has
        # the whole width: a prompt wraps after a line of words, not after three.
        wide = width >= self.fontMetrics().averageCharWidth() * WIDE_FORM_CHARS
        policy = (QFormLayout.RowWrapPolicy.DontWrapRows if wide
                  else QFormLayout.RowWrapPolicy.WrapAllRows)
        if self.form_layout.rowWrapPolicy() != policy:
            self.form_layout.setRowWrapPolicy(policy)
            self.layout().activate()  # now: the fields were laid out for the old policy

    def narrow_width(self) -> int:
        """The form's least width: with its labels above their fields, as it is when narrow.

        The rows of either type of question count, shown or not: worked out again at another text size, the
        width must not depend on the question shown then (a numeric one has no "Wrong answers").
        """
        widest = max(max(min_width(label), min_width(box)) for label, box in self.rows.values())
        margins = self.layout().contentsMargins()
        return widest + margins.left() + margins.right()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if leaves_field(event):
            key = next((k for k, w in self.widgets.items() if w is watched), None)
            if key is not None:
                self.field_left.emit(key)
        return super().eventFilter(watched, event)

    # --- showing a question ---------------------------------------------------

    def load(self, question: QuestionData, sources: list[str]) -> None:
        """Show `question` without emitting edits; keeps the cursor where text is unchanged."""
        self._loading = True
        try:
            kind = question.get("type", "choice")
            self.type_box.setCurrentIndex(max(0, self.type_box.findData(kind)))
            for key in NUMERIC_ONLY:
                for w in self.rows[key]:
                    w.setVisible(kind == "numeric")
            for w in self.rows["distractors"]:
                w.setVisible(kind != "numeric")
            self._set_text("id", _as_text(question.get("id")))
            self._set_text("prompt", _as_text(question.get("prompt")))
            self._set_text("answer", _as_text(question.get("answer")))
            self._set_text("distractors", "\n".join(_as_text(d) for d in _as_list(question.get("distractors"))))
            for key in ("tolerance", "min", "max", "unit", "explanation"):
                self._set_text(key, _as_text(question.get(key)))
            self._set_text("tags", ", ".join(_as_text(t) for t in _as_list(question.get("tags"))))
            cite = question.get("cite") if isinstance(question.get("cite"), dict) else {}
            quote = cite.get("quote")
            self._set_text("quote", "\n\n".join(_as_text(q) for q in quote)
                           if isinstance(quote, list) else _as_text(quote))
            self._sources = list(sources)
            self.source_box.clear()
            if len(sources) != 1 or cite.get("source") not in (None, *sources):
                self.source_box.addItem("(choose a source)", None)
            for key in sources:
                self.source_box.addItem(key, key)
            wanted = cite.get("source") or (sources[0] if len(sources) == 1 else None)
            self.source_box.setCurrentIndex(max(0, self.source_box.findData(wanted)))
            self.difficulty_box.setCurrentIndex(max(0, self.difficulty_box.findData(question.get("difficulty"))))
        finally:
            self._loading = False

    def show_problems(self, problems: dict[str, list[str]]) -> None:
        """Show each field's problems under it; hide the others."""
        for key, label in self.errors.items():
            messages = problems.get(key, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))

    def show_unknown_keys(self, keys: list[UnknownKey]) -> None:
        """List the question's unknown keys with their values, each with Rename and Remove."""
        if keys == self._unknown_shown:
            return  # rebuilding would take the focus off a button being used
        self._unknown_shown = list(keys)
        while self.unknown_layout.count():
            self.unknown_layout.takeAt(0).widget().deleteLater()
        self.unknown_buttons = {}
        # Alt keys for the first key's fixes: M, V and K, the letters of their names the form leaves free (a bar of
        # missing articles, or of a file changed on disk, may share one: the key then goes from one to the other). A
        # second key's buttons, rare, are a Tab away.
        for i, key in enumerate(keys):
            first = i == 0
            name = key.path[-1]
            message = ErrorLabel("⚠ " + key.message)
            value = QLabel(f"{'.'.join(key.path)}: {_shown(key.value)}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(f"Value of {name}")
            row = QWidget()
            row_layout = QVBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            made = []
            if key.rename_to:
                rename = QPushButton(f"{'Rena&me' if first else 'Rename'} to {key.rename_to}")
                rename.clicked.connect(lambda _c=False, k=key: self.rename_key.emit(k.path, k.rename_to))
                made.append(rename)
            remove = QPushButton("Remo&ve" if first else "Remove")
            remove.setAccessibleName(f"Remove {name}")
            remove.setToolTip(f"Remove {name} and its value from the question")
            remove.clicked.connect(lambda _c=False, k=key: self.remove_key.emit(k.path))
            made.append(remove)
            as_text = QPushButton("Edit ban&k as text…" if first else "Edit bank as text…")
            as_text.setToolTip("Edit the whole bank file as YAML text")
            as_text.clicked.connect(self.edit_as_text.emit)
            made.append(as_text)
            row_layout.addWidget(message)
            row_layout.addWidget(value)
            # Two buttons a line, so that a narrow form needs no horizontal scrolling.
            for pair in (made[:2], made[2:]):
                line = QHBoxLayout()
                for b in pair:
                    line.addWidget(b)
                line.addStretch(1)
                row_layout.addLayout(line)
            self.unknown_layout.addWidget(row)
            self.unknown_buttons[key.path] = made
        self.unknown_box.setVisible(bool(keys))

    def focus_field(self, key: str | tuple[str, ...]) -> None:
        """Put the cursor in the field for `key`, or on the fix of an unknown key's path."""
        if isinstance(key, tuple):
            buttons = self.unknown_buttons.get(key)
            if buttons:
                reveal(buttons[0])
                buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
                return
            key = "id"
        widget = self.widgets.get(key) or self.widgets["prompt"]
        reveal(widget)  # the form may be a tab behind the article (large text on a small screen)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_text(self, key: str, text: str) -> None:
        current = self.text_of(key)
        if current == text or self._value(key, current) == self._value(key, text):
            return  # the same value: leave what is being typed (and the cursor) alone
        widget = self.widgets[key]
        if isinstance(widget, LineField):
            widget.show_value(text)
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            widget.setPlainText(text)

    def text_of(self, key: str) -> str:
        widget = self.widgets[key]
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    # --- edits ------------------------------------------------------------------

    def _text_changed(self, key: str) -> None:
        if self._loading:
            return
        text = self.text_of(key)
        if key == "quote":
            self._citation_changed()
            return
        self.field_edited.emit(key, self._value(key, text))

    def _value(self, key: str, text: str) -> Any:
        if key == "distractors":
            return [line.strip() for line in text.splitlines() if line.strip()]
        if key == "tags":
            return [t.strip() for t in text.split(",") if t.strip()]
        if key in ("min", "max", "tolerance") or (key == "answer" and
                                                  self.type_box.currentData() == "numeric"):
            return parse_number(text) if text.strip() else None
        if key == "quote":
            return [p.strip() for p in text.split("\n\n") if p.strip()]
        if key in ("prompt", "explanation"):
            return text if text.strip() else None
        return text.strip() or None

    def _citation_changed(self) -> None:
        if self._loading:
            return
        parts = [p.strip() for p in self.text_of("quote").split("\n\n") if p.strip()]
        quote: str | list[str] | None = parts[0] if len(parts) == 1 else (parts or None)
        source = self.source_box.currentData()
        if len(self._sources) == 1 and source == self._sources[0]:
            source = None  # the only source: the file need not name it
        self.citation_edited.emit(source, quote)

    def _type_picked(self) -> None:
        if not self._loading:
            self.type_changed.emit(self.type_box.currentData())

    def _difficulty_picked(self) -> None:
        if not self._loading:
            self.field_edited.emit("difficulty", self.difficulty_box.currentData())


def _joined_lines(text: str) -> str:
    """`text` on one line: its lines joined by spaces (a sentence copied from an article broken into lines)."""
    lines = text.splitlines()
    if lines == [text]:
        return text
    return " ".join(line.strip() for line in lines if line.strip())


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _shown(value: Any) -> str:
    """A value as one line of YAML flow text: `[Dakar, Niamey, Gao]`."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1_000_000)
    return text.removesuffix("\n...\n").strip()


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
