"""The article view: the whole article as plain text (headings bold, without their marks), the cited sentence
highlighted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.article import Span
from quizapp.core.session import CitedPassage
from quizapp.gui.article_text import (
    PassageInView,
    ReadableMeasure,
    ShownText,
    colour_links,
    highlight_passages,
    is_heading,
    show_article,
)
from quizapp.gui.reflow import header_title
from quizapp.gui.widgets import ElidedLabel, plain_tip, scale_font


class ArticleView(QWidget):
    """Shows a CitedPassage's article; `back` asks to return to where the user came from."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passage: CitedPassage | None = None
        self.highlighted: list[Span] = []
        self.shown = ShownText("", ())  # maps the article's offsets to the text shown
        # A line each, ending in "…" where too narrow (their tooltips the whole): at the largest text on a small
        # screen the title, broken inside a word, and the file's whole path took half the height from the article.
        self.title = header_title()
        scale_font(self.title, 1.3, bold=True)
        self.source = ElidedLabel()
        self.source.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Article text")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse |
                                          Qt.TextInteractionFlag.TextSelectableByKeyboard)
        scale_font(self.text, 1.1)
        ReadableMeasure(self.text)
        # The citation is placed again when the view's size or text size changes, until the reader moves on from it.
        self.in_view = PassageInView(self.text)
        self.back_button = QPushButton("← &Back")
        self.back_button.setAccessibleName("Back")
        self.back_button.setToolTip("Back (Esc)")
        self.back_button.clicked.connect(self.back)
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.source)
        layout.addWidget(self.text, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc (unused by the read-only text) goes back."""
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.back.emit()
            return
        super().keyPressEvent(event)

    def show_passage(self, passage: CitedPassage) -> None:
        """Load the passage's article, highlight the cited sentence(s) and scroll to the first."""
        article = passage.article
        if article is None:
            return
        self.passage = passage
        self.title.setText(passage.title)  # as the "Source:" line under it, and the editor's Article tab, name it
        # The file's name, where the source's is not that already; its whole path in the tooltip (a reader needs
        # no folders, and they took lines of the largest text).
        label, name = passage.source_label, article.path.name
        self.source.setText(f"Source: {label}" if name in label else f"Source: {label}  ·  {name}")
        self.source.setToolTip(plain_tip(f"{label}\n{article.path.resolve()}"))
        self.shown = shown = show_article(self.text, article)
        self.highlighted = [article.sentence_span(s) for s in passage.spans]
        highlight_passages(self.text, shown, self.highlighted)
        self.in_view.let_go()
        if self.highlighted:
            start = shown.position(min(span.start for span in self.highlighted))
            cursor = self.text.textCursor()  # keyboard selection starts at the citation
            cursor.setPosition(start)
            self.text.setTextCursor(cursor)
            self.in_view.keep(start, shown.position(max(span.end for span in self.highlighted)))
        self.text.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # The theme changed: pale yellow under light text (dark theme) is unreadable; the new shade.
            highlight_passages(self.text, self.shown, self.highlighted, self.palette())
            colour_links(self.text, self.shown, self.palette())  # and the links' colour

    def heading_text(self) -> list[str]:
        """The lines shown as headings, in order (for tests and screen readers)."""
        out: list[str] = []
        block = self.text.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                if is_heading(fragments.fragment().charFormat()):
                    out.append(block.text())
                    break
                fragments += 1
            block = block.next()
        return out

    def highlighted_text(self) -> list[str]:
        """The text of each highlighted range, as shown (for tests and screen readers)."""
        return [sel.cursor.selectedText() for sel in self.text.extraSelections()]
