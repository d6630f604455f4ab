"""Paste an article's text and give its title: it is saved as a .md article in the folder the dialog names."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDir, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.article import ArticleMeta, headline
from quizapp.core.article_file import PastedTextError, pasted_front_matter, save_pasted_article
from quizapp.core.boilerplate import line_kind
from quizapp.gui.reflow import ScrolledPage
from quizapp.gui.widgets import ErrorLabel, FitsText, ask, fitted_size, plain_label

TEXT_LINES = 4  # the pasted text's lines in view at least, at any text size (the page scrolls instead)


class PasteDialog(FitsText, QDialog):
    """The text, its title and (optionally) author, publisher, date and address.

    After `exec()` returns Accepted, `saved_path` is the new .md file in `folder`. When it cannot be
    saved, the dialog says why and keeps everything typed. `kept` says where that is, for the teacher
    ("beside the bank"; by default the folder's path).
    """

    def __init__(self, parent: QWidget | None = None, *, folder: Path, kept: str | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.saved_path: Path | None = None
        self.setWindowTitle("Paste an article")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("the article's headline")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Paste the article's text here: its paragraphs, without menus "
                                          "or adverts.")
        self.text_edit.setTabChangesFocus(True)
        self.fit_lines()
        self.author_edit = QLineEdit()
        self.publisher_edit = QLineEdit()
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        # Under the field, not in it: a placeholder this long ended in "…" at a large text size.
        date_hint = plain_label("A date makes \"last year\" and \"this month\" in the text clear.", wrap=True)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://...")
        self.where = plain_label(f"The text is kept as a Markdown (.md) file "
                                 f"{kept or 'in ' + QDir.toNativeSeparators(str(self.folder))}, where the "
                                 "questions' citations find it.", wrap=True)
        self.problem = ErrorLabel()
        self.problem.hide()
        self.title_edit.textChanged.connect(self._article_into_text_box)
        for edit in (self.title_edit, self.date_edit):
            edit.textChanged.connect(self._update_state)
        self.text_edit.textChanged.connect(self._fill_from_text)
        self.text_edit.textChanged.connect(self._update_state)
        # What the pasted text (its front matter, its headline) put in each field, so that a field the teacher typed in
        # stays theirs.
        self._filled: dict[QLineEdit, str] = {}

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save and add")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # The fields scroll where they do not fit (the largest text on a small screen), the pasted text a few lines
        # high at least; a problem and the buttons stay in view below them.
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        # Above the fields, not a row of the form: in view as the dialog opens (below, at the largest text it was
        # out of sight, and no Tab stop scrolls to it); a form's row across both columns got too few lines.
        column.addWidget(self.where)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow("&Title:", self.title_edit)
        form.addRow("Te&xt:", self.text_edit)
        form.addRow("&Author:", self.author_edit)
        form.addRow("&Publisher:", self.publisher_edit)
        form.addRow("&Date:", self.date_edit)
        form.addRow("", date_hint)
        form.addRow("&Web address:", self.url_edit)
        column.addLayout(form, 1)
        self.page = ScrolledPage(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(self.wanted_size())
        self.title_edit.setFocus()
        self._update_state()

    def fit_lines(self) -> None:
        self.text_edit.setMinimumHeight(self.text_edit.fontMetrics().lineSpacing() * TEXT_LINES + 14)

    def wanted_size(self) -> QSize:
        """All of the fields without scrolling, 700x560 at least, within the window it opens over and its screen."""
        layout, page = self.layout(), self.page.widget().sizeHint()
        margins = layout.contentsMargins()
        return fitted_size(self, max(700, page.width() + margins.left() + margins.right()),
                           max(560, page.height() + 2 * layout.spacing() + self.buttons.sizeHint().height()
                               + margins.top() + margins.bottom()))

    def meta(self) -> ArticleMeta:
        """The metadata typed: empty fields are None."""
        def value(edit: QLineEdit) -> str | None:
            return " ".join(edit.text().split()) or None

        return ArticleMeta(**{name: value(edit) for name, edit in self._fields().items()})

    def _fields(self) -> dict[str, QLineEdit]:
        return {"title": self.title_edit, "author": self.author_edit, "publisher": self.publisher_edit,
                "date": self.date_edit, "url": self.url_edit}

    def _article_into_text_box(self, title: str) -> None:
        """Text of several lines pasted into the Title, the field with the focus as the dialog opens, is the
        article: it goes into the empty Text box, and its headline, if it starts with one, becomes the title."""
        if "\n" not in title and "\r" not in title:
            return
        if self.text_edit.toPlainText().strip():  # the article is there already: a title of several lines
            self.title_edit.setText(" ".join(title.split()))
            return
        self.title_edit.clear()
        self.text_edit.setPlainText(title)  # (fills the title from the text, as pasting it there does)
        self.title_edit.selectAll()  # the proposed title, to keep with Alt+S or to type over

    def _fill_from_text(self) -> None:
        """Fill the fields that are empty from the pasted text: its front matter ("---", "author: Ann Lee",
        "---", from a .md file), which is not saved as text, and its headline, as a page copied from a browser
        starts; a field the teacher typed in stays theirs."""
        try:
            pasted, body = pasted_front_matter(self.text_edit.toPlainText())
        except PastedTextError:
            return  # said when saving, with what to correct
        first = headline(body)
        if not pasted.title and first and line_kind(first) is None:  # (a byline or "Advertisement" is none)
            pasted = replace(pasted, title=first.lstrip("#"))  # (a Markdown heading: "# Council closes bridge")
        for name, edit in self._fields().items():
            value = " ".join((getattr(pasted, name) or "").split())
            if value and (not edit.text().strip() or edit.text() == self._filled.get(edit)):
                edit.setText(value)
                self._filled[edit] = value

    def _update_state(self) -> None:
        self.save_button.setEnabled(bool(self.title_edit.text().strip())
                                    and bool(self.text_edit.toPlainText().strip()))

    def accept(self) -> None:
        """Save the text as a new article; on a problem, say it and keep the dialog open."""
        if not self.save_button.isEnabled():
            return
        try:
            self.saved_path = save_pasted_article(self.folder, self.text_edit.toPlainText(), self.meta())
        except PastedTextError as exc:
            self.problem.setText(f"Not saved: {exc}.")
            self.problem.show()
            return
        super().accept()

    def reject(self) -> None:
        """Close without saving (Esc, Cancel, the close button): asked first when text was pasted."""
        if self.text_edit.toPlainText().strip() and ask(
                self, "Discard the pasted text?", "The text you pasted has not been saved.",
                {QMessageBox.StandardButton.Discard: "&Discard",
                 QMessageBox.StandardButton.Cancel: "&Keep editing"},
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Discard:
            return
        super().reject()
