"""The cited article beside the editor's form: shows the citation, and picks a new one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.article import Article, load_article
from quizapp.core.errors import ArticleError

HIGHLIGHT = QColor("#ffe082")


class CitationPicker(QWidget):
    """An article as plain text, its cited passages highlighted; selection -> new citation."""

    quote_picked = Signal(str)
    gap_picked = Signal(int, int)  # the selection's start and end in the article's text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[Path, Article | ArticleError] = {}
        self.article: Article | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Cited article")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.selectionChanged.connect(self._selection_changed)
        self.use_button = QPushButton("Use as c&itation")
        self.use_button.setToolTip("Set the question's citation to the text selected in the article")
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_selection)
        self.ask_button = QPushButton("Ask a&bout it")
        self.ask_button.setToolTip("Add a question about the selected words: their sentence with them left out, "
                                   "they the answer, the sentence the citation")
        self.ask_button.setEnabled(False)
        self.ask_button.clicked.connect(self.ask_about_selection)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        row = QHBoxLayout()  # under the status, which wraps: two buttons beside it would widen the column
        row.addStretch(1)
        row.addWidget(self.use_button)
        row.addWidget(self.ask_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)

    def show_article(self, path: Path | None, quotes: list[str]) -> None:
        """Show the article at `path` with `quotes` highlighted and the first scrolled into view."""
        if path is None:
            self.article = None
            self.title.setText("No article: add one with Add article..., then pick the source.")
            self.text.setPlainText("")
            self.status.setText("")
            return
        resolved = path.resolve()
        if resolved not in self._cache:
            try:
                self._cache[resolved] = load_article(path)
            except ArticleError as exc:
                self._cache[resolved] = exc
        found = self._cache[resolved]
        if isinstance(found, ArticleError):
            self.article = None
            self.title.setText(str(found))
            self.text.setPlainText("")
            return
        if self.article is not found:
            self.article = found
            self.title.setText(found.display_title)
            self.text.setPlainText(found.text)
        self.highlight(quotes)

    def highlight(self, quotes: list[str]) -> None:
        if self.article is None:
            return
        selections = []
        missing = 0
        first = None
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        fmt.setForeground(QColor("#000000"))
        for quote in quotes:
            span = self.article.find_quote(quote) if quote.strip() else None
            if span is None:
                missing += bool(quote.strip())
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
            first = span.start if first is None else min(first, span.start)
        self.text.setExtraSelections(selections)
        if first is not None:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(first)
            self.text.setTextCursor(cursor)
            self.text.centerCursor()
        if missing:
            self.status.setText("The citation is not in this article: select the sentence that "
                                "proves the answer and press Use as citation.")
        elif not quotes or not any(q.strip() for q in quotes):
            self.status.setText("Select the sentence that proves the answer.")
        else:
            self.status.setText("The citation is highlighted.")

    def selected_text(self) -> str:
        # QPlainTextEdit uses U+2029 between paragraphs in a selection.
        return " ".join(self.text.textCursor().selectedText().replace("\u2029", " ").split())

    def use_selection(self) -> None:
        text = self.selected_text()
        if text:
            self.quote_picked.emit(text)

    def ask_about_selection(self) -> None:
        cursor = self.text.textCursor()
        if cursor.hasSelection():
            self.gap_picked.emit(cursor.selectionStart(), cursor.selectionEnd())

    def _selection_changed(self) -> None:
        selected = bool(self.selected_text())
        self.use_button.setEnabled(selected)
        self.ask_button.setEnabled(selected)
        if selected:
            self.status.setText("Use as citation cites the selected text; Ask about it adds a question "
                                "with the selected words left out.")
