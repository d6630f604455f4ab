"""The cited article beside the editor's form: shows the citation, and picks a new one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.article import Article, Span, load_article
from quizapp.core.errors import ArticleError
from quizapp.gui.article_text import PassageInView, ShownText, colour_links, highlight_passages, show_article
from quizapp.gui.reflow import WrappingRow

# What to do in an article shown with no question: a bank that has none yet starts here.
ASK_HINT = "Select words (Shift+arrows), then press Ask about it."


class CitationPicker(QWidget):
    """An article as plain text, its cited passages highlighted; selection -> new citation."""

    quote_picked = Signal(str)
    gap_picked = Signal(int, int)  # the selection's start and end in the article's text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[Path, Article | ArticleError] = {}
        self.article: Article | None = None
        self.citing = True  # a question is shown, whose citation the selection may become
        self.shown = ShownText("", ())  # maps the article's offsets to the text shown, and back
        self.passages: list[Span] = []  # the quotes of the question found in the article, highlighted
        # With nothing selected the status says where the citation is: whether the question quotes any words, and
        # whether the article lacks some it quotes.
        self._quoted = False
        self._missing = False
        self._note = ""  # what Ask about it said, until the selection or the article shown changes
        self._noted: tuple[int, int] | None = None  # the selection when it was said
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Cited article")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.selectionChanged.connect(self._selection_changed)
        # The focus given to the picker (its tab's Alt key) goes to the article: the arrow keys move in it at once.
        self.setFocusProxy(self.text)
        # The citation whole in view, or from its first line, as the article view shows it: again when the pane's
        # size or the text size changes, or it is shown from behind another tab, until the teacher scrolls or selects.
        self.in_view = PassageInView(self.text)
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
        # Under the status, which wraps: two buttons beside it would widen the column. One above the other
        # where the two do not fit side by side (the largest text on a small screen).
        row = WrappingRow()
        row.add_stretch()
        row.add(self.use_button)
        row.add(self.ask_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(row)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: the citation and the links in its colours
            highlight_passages(self.text, self.shown, self.passages, self.palette())
            colour_links(self.text, self.shown, self.palette())

    def show_article(self, path: Path | None, quotes: list[str], *, title: str | None = None, why_none: str = "",
                     citing: bool = True) -> None:
        """Show the article at `path` with `quotes` highlighted and the first scrolled into view, under `title` (the
        one the bank gives its source; without one, the article's own); without an article, say `why_none` (what
        to do: "Choose the question's article in Source: …"). Not `citing` (no question shown), the selection can
        only be asked about."""
        self.citing = citing
        self._note = ""
        self.in_view.let_go()  # (a citation found in the article is kept in view again by highlight)
        if path is None:
            self._show_none(why_none or "No article: add one with Add article..., then pick the source.")
            return
        resolved = path.resolve()
        if resolved not in self._cache:
            try:
                self._cache[resolved] = load_article(path)
            except ArticleError as exc:
                self._cache[resolved] = exc
        found = self._cache[resolved]
        if isinstance(found, ArticleError):
            self._show_none(str(found))
            return
        # As the library and the citation under an answer name it: a .txt has no title of its own but its file's name.
        self.title.setText(found.title_in_bank(title))
        if self.article is not found:
            self.article = found
            self.shown = show_article(self.text, found)
        self.highlight(quotes)

    def _show_none(self, why: str) -> None:
        """No article: `why` in its title's place."""
        self.article = None
        self.title.setText(why)
        self.text.setPlainText("")
        self.shown, self.passages = ShownText("", ()), []
        self._show_state()

    def highlight(self, quotes: list[str]) -> None:
        if self.article is None:
            return
        spans = [self.article.find_quote(quote) if quote.strip() else None for quote in quotes]
        missing = sum(span is None and bool(quote.strip()) for span, quote in zip(spans, quotes, strict=True))
        self.passages = [span for span in spans if span is not None]
        highlight_passages(self.text, self.shown, self.passages)
        first = min((span.start for span in self.passages), default=None)
        last = max((span.end for span in self.passages), default=None)
        if first is not None and last is not None:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self.shown.position(first))
            self.text.setTextCursor(cursor)
            self.in_view.keep(self.shown.position(first), self.shown.position(last))
        else:
            self.in_view.let_go()
        self._quoted, self._missing = any(q.strip() for q in quotes), bool(missing)
        self._show_state()

    def selected_text(self) -> str:
        """The article's words under the selection, its spaces and line breaks made single spaces.

        Taken from the article itself, not the text shown: a heading's "#" marks, left out of
        the view, stay in a quote that spans it, so that the quote is found in the article. Bold,
        italic and link marks do not: a quote reads as the article's words, as a student sees it.
        """
        if self.article is None:
            return ""
        start, end = self.selected_span()
        return " ".join(self.article.words(start, end).split())

    def selected_span(self, *, marks: bool = True) -> tuple[int, int]:
        """The start and end of the selection, as offsets into the article's text: with the Markdown marks
        around it ("**road** will", for a quote), or without them ("road", for the words asked about)."""
        cursor = self.text.textCursor()
        if not marks:
            return self.shown.inner_span(cursor.selectionStart(), cursor.selectionEnd())
        return self.shown.offset(cursor.selectionStart()), self.shown.offset(cursor.selectionEnd())

    def use_selection(self) -> None:
        text = self.selected_text()
        if text:
            self.quote_picked.emit(text)

    def ask_about_selection(self) -> None:
        if self.text.textCursor().hasSelection():
            self.gap_picked.emit(*self.selected_span(marks=False))

    def show_note(self, text: str) -> None:
        """Say `text` under the article (what Ask about it did, or why it could not) until the selection changes or
        another article or citation is shown."""
        self._note, self._noted = text, self._selection()
        self._show_state()

    def _selection(self) -> tuple[int, int] | None:
        cursor = self.text.textCursor()
        return (cursor.selectionStart(), cursor.selectionEnd()) if cursor.hasSelection() else None

    def _selection_changed(self) -> None:
        # (Qt says so at every click's release too: a click where nothing was selected that selects nothing keeps it)
        if self._selection() != self._noted:
            self._note = ""  # it was about the words selected before, or the question they were asked in
        self._show_state()

    def _show_state(self) -> None:
        """The buttons and the status from what is shown and selected now: the one place that sets them."""
        selected = bool(self.selected_text())
        self.use_button.setEnabled(selected and self.citing)
        self.ask_button.setEnabled(selected)
        if self._note:
            status = self._note
        elif selected:
            # Short: in a narrow tab at a large text each word is a line (the buttons' tooltips say more).
            status = ("Use it as the citation, or ask about it." if self.citing
                      else "Ask about it: a question on these words.")
        elif self.article is None:
            status = ""  # the title says why there is none
        elif not self.citing:
            status = ASK_HINT
        elif self._missing:
            status = "The citation is not in this article: select the sentence that proves the answer."
        elif self._quoted:
            status = "The citation is highlighted."
        else:
            status = "Select the sentence that proves the answer."
        self.status.setText(status)
