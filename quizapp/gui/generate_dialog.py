"""Generate questions from articles, review them, and hand the accepted ones to a bank.

Articles are files, web pages fetched from their address, or pasted text; fetched pages and
pasted text are saved in target_dir (beside the bank, or for a new bank the user data folder's
banks/), and removed again when the dialog closes without a bank that cites them. Fetching and
generating run on the thread pool (gui/tasks.py) with a progress bar and Stop inside the dialog;
the teacher then accepts, rejects or edits each question. Reviewed questions are never dropped
unasked: closing, or generating again, asks first.
"""

from __future__ import annotations

import copy
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDir, QPoint, QSettings, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.draft import parse_number
from quizapp.core.errors import QuizappError
from quizapp.gui.editor_form import ANSWER_LINES, WrappedLineEdit
from quizapp.gui.reflow import (
    ScrolledPage,
    TurningSplitter,
    WrappingRow,
    labels_above_when_narrow,
    rows_at_their_width,
)
from quizapp.gui.tasks import Cancelled, Task, run_task, show_error
from quizapp.gui.widgets import (
    BulletList,
    ErrorLabel,
    FitsText,
    FocusOutline,
    LandingBox,
    WrappedRowsList,
    fitted_size,
    quoted,
)

if TYPE_CHECKING:
    from quizapp.core.model import Bank
    from quizapp.generate.api import Draft
    from quizapp.gui.editor import BankEditor

ARTICLE_FILTER = "Articles (*.txt *.md *.html *.htm);;All files (*)"
# Where Add... last found articles: the next Add... opens there (a teacher's articles are rarely in the
# folder the bank goes to).
ARTICLES_DIR_KEY = "generate/articles_dir"
DEFAULT_MAX_QUESTIONS = 20
QuestionData = dict[str, Any]
# The review's list and the selected question's details side by side from this width (in characters) up; below
# it (the largest text on a small screen) the details go under the list, with the whole width for their words.
REVIEW_SIDE_BY_SIDE_CHARS = 70
# The details' labels beside their fields from this width (in characters) up, else above them.
DETAILS_LABELS_BESIDE_CHARS = 45
# The dialog's size at the normal text size, where the window it opens over and the screen have room: the review's
# list and details side by side, each with room for its lines.
LEAST_SIZE = (1000, 720)


def articles_folder(fallback: Path | None = None) -> Path:
    """Where articles were last chosen (here or in the editor), else `fallback`, else where the user keeps
    documents."""
    remembered = str(QSettings().value(ARTICLES_DIR_KEY, "") or "")
    if remembered and Path(remembered).is_dir():  # (not moved, nor on a drive not there now)
        return Path(remembered)
    return fallback if fallback is not None else documents_folder()


def documents_folder() -> Path:
    """The user's Documents folder, or their home folder where there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path(QDir.homePath())


def remember_articles_folder(article: Path) -> None:
    """The next choice of articles opens in the folder of `article`."""
    QSettings().setValue(ARTICLES_DIR_KEY, str(article.parent))


@dataclass(frozen=True)
class Confidence:
    """How sure the generator is that a reviewer would accept a question, and why not more."""

    value: float
    bar: float
    concerns: list[str]

    @property
    def passes(self) -> bool:
        return self.value >= self.bar

    @property
    def percent(self) -> str:
        """The confidence as a whole percentage, rounded down: 45.8% below a bar of 46% shows as 45%."""
        return f"{math.floor(self.value * 100)}%"

    def explain(self) -> str:
        text = self.percent
        if not self.passes:
            text += f", below the bar of {self.bar:.0%}: not ticked"
        if self.concerns:  # (generate_draft gives each question below the bar at least one)
            # above the bar a concern is no reason for a low score, only something to look at
            text += (" — " if not self.passes else " — worth a look: ") + "; ".join(self.concerns)
        return text


class GenerateDialog(FitsText, QDialog):
    """Choose articles and options, generate, then review: accept, reject or edit each question.

    After `exec()` returns Accepted, `accepted_questions` holds the accepted questions as
    bank-file data and `accepted_sources` the sources they cite (paths relative to target_dir).
    `commit`, when given, is called by Add before the dialog closes; when it returns False (the
    teacher cancelled saving them) the review stays open as it was.
    `kept` says where saved articles go, as the notes to the teacher put it.
    `offer_own` (a new bank): once a run has ended, whatever it kept, "Make the bank and ask my own" hands over
    the ticked questions, none or more, with every article read (`asks_own` is then True), for the teacher to
    write their own questions about the articles in the editor.
    """

    generation_finished = Signal(bool)  # True: questions came back; False: cancelled or failed

    def __init__(self, parent: QWidget | None = None, *, target_dir: Path,
                 articles: list[Path] | None = None,
                 existing_sources: dict[str, Any] | None = None,
                 commit: Callable[[GenerateDialog], bool] | None = None,
                 kept: str = "beside the bank", offer_own: bool = False) -> None:
        super().__init__(parent)
        self.target_dir = Path(target_dir)
        self.commit = commit
        self.kept = kept
        self.offer_own = offer_own
        self.asks_own = False  # handed over by "Make the bank and ask my own", not by Add
        if existing_sources is None:  # the bank editor's own sources, so keys match its bank
            draft = getattr(parent, "draft", None)
            existing_sources = getattr(draft, "data", {}).get("sources") if draft is not None else None
        self.existing_sources: dict[str, Any] = dict(existing_sources or {})
        self.accepted_questions: list[QuestionData] = []
        self.accepted_sources: dict[str, dict[str, Any]] = {}
        self.bank_title = ""
        self.task: Task | None = None  # the fetch or the generation that runs
        self._fetching = False
        # Pages fetched and text pasted by this dialog (never a file the teacher chose): removed
        # again when no bank cites them.
        self.saved_articles: list[Path] = []
        self._questions: list[QuestionData] = []  # the generated questions, edited in place
        self._confidence: list[Confidence] = []  # the generator's confidence in each, by row
        self._generate_after_fetch = False  # Generate pressed with an address typed: generate once fetched
        self._failure_shown = False  # the status says why the last run failed: stale once the articles change
        self._sources: dict[str, dict[str, Any]] = {}  # key -> source data, file absolute
        # The articles listed when the last run that ended began (None: none has, or the review is gone): the
        # bank of "Make the bank and ask my own" cites them, so it waits while the list differs.
        self._generated_from: list[Path] | None = None
        # Whether the list shown came of a run with "List all found" ticked (None: no run has listed or found
        # anything since the last start), and what the status said of that run.
        self._listed_every: bool | None = None
        self._run_outcome = ""
        self._showing = -1
        self.setWindowTitle("Generate questions from articles")
        self._build()
        for path in articles or []:
            self.add_article(Path(path))
        self._update_state()
        if not articles:
            self.url_edit.setFocus()

    # --- building ---------------------------------------------------------------

    def _build(self) -> None:
        # Side by side where there is room; at the largest text on a small screen the parts stack and the
        # page scrolls, and Add and Cancel stay below it.
        top = WrappingRow()
        files_box = LandingBox("&Articles")
        files = QVBoxLayout(files_box)
        self.files = files_box.landing = QListWidget()
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.itemSelectionChanged.connect(self._update_state)
        files.addWidget(self.files)
        row = WrappingRow()
        self.add_button = QPushButton("A&dd...")
        self.add_button.clicked.connect(self.choose_articles)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.clicked.connect(self.remove_selected_articles)
        self.paste_button = QPushButton("Paste te&xt...")
        self.paste_button.setToolTip(f"Paste an article's text and give its title; it is saved as a .md "
                                     f"file {self.kept}")
        self.paste_button.clicked.connect(self.paste_article)
        row.add(self.add_button)
        row.add(self.remove_button)
        row.add(self.paste_button)
        row.add_stretch()
        files.addWidget(row)
        web = QHBoxLayout()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://... the address of an article")
        self.url_edit.setAccessibleName("Address of a web page")
        self.url_edit.textChanged.connect(self._update_state)
        url_label = QLabel("&Web page:")
        url_label.setBuddy(self.url_edit)
        self.fetch_button = QPushButton("&Fetch")
        self.fetch_button.setToolTip(f"Fetch the page and save it {self.kept}, so that citations work "
                                     "offline")
        self.fetch_button.clicked.connect(self.fetch_url)
        web.addWidget(url_label)
        web.addWidget(self.url_edit, 1)
        web.addWidget(self.fetch_button)
        files.addLayout(web)
        top.add(files_box, 3)

        options_box = QGroupBox("Options")
        options = QFormLayout(options_box)
        options.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a field that does not fit goes below
        self.max_questions = QSpinBox()
        self.max_questions.setRange(0, 999)
        self.max_questions.setSpecialValueText("all")
        self.max_questions.setValue(DEFAULT_MAX_QUESTIONS)
        self.max_questions.setToolTip("0 or \"all\": every question the generator finds")
        options.addRow("&Maximum questions:", self.max_questions)
        self.type_choice = QCheckBox("M&ultiple choice")
        self.type_numeric = QCheckBox("&Numeric")
        for box in (self.type_choice, self.type_numeric):
            box.setChecked(True)
            box.toggled.connect(self._update_state)
        types = WrappingRow()
        types.add(self.type_choice)
        types.add(self.type_numeric)
        types.add_stretch()
        options.addRow("Question types:", types)
        # The generator keeps few questions; a teacher short of them may rescue some it is unsure of.
        self.every_box = QCheckBox("&List all found, unticked")
        self.every_box.setToolTip("Also list every question the generator found below its confidence bar, "
                                  "however unsure, each with why it is low")
        self.every_box.toggled.connect(self._every_toggled)
        options.addRow("Unsure ones:", self.every_box)
        top.add(options_box, 2, whole=True)  # beside the articles, as wide as its labels and fields

        run = QHBoxLayout()
        self.generate_button = QPushButton("&Generate")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton("S&top")
        self.cancel_button.setToolTip("Stop fetching or generating")
        self.cancel_button.clicked.connect(self.cancel_generation)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        run.addWidget(self.generate_button)
        run.addWidget(self.cancel_button)
        run.addWidget(self.progress, 1)

        # The review: questions with checkboxes on the left, the selected one's details on the right.
        review_box = self.review_box = LandingBox("Re&view")
        review = QVBoxLayout(review_box)
        bar = WrappingRow()
        self.accept_all_button = QPushButton("A&ccept all")
        self.accept_all_button.clicked.connect(lambda: self.set_all_accepted(True))
        self.reject_all_button = QPushButton("R&eject all")
        self.reject_all_button.clicked.connect(lambda: self.set_all_accepted(False))
        self.count_label = QLabel()
        bar.add(self.accept_all_button)
        bar.add(self.reject_all_button)
        bar.add_stretch()
        bar.add(self.count_label)
        review.addWidget(bar)
        split = TurningSplitter(REVIEW_SIDE_BY_SIDE_CHARS)
        # Room for a whole row however many lines it wraps to: at the largest text a long question's row was
        # taller than the list, and its answer ("→ 38") was out of sight, a row being scrolled to whole or not.
        self.review = review_box.landing = WrappedRowsList(1)
        self.review.setAccessibleName("Generated questions")
        self.review.setWordWrap(True)
        self.review.setUniformItemSizes(False)
        self.review.itemChanged.connect(self._item_changed)
        self.review.currentRowChanged.connect(self._show_question)
        # A run that ended with none to list (none kept, failed, stopped) says so in the list, the status above
        # saying why. The empty list stays a Tab stop: Alt+V lands there as in any run, and shows that message.
        self.generation_finished.connect(lambda _listed: self.review.set_placeholder("No questions to review."))
        split.addWidget(self.review)
        details = QWidget()
        outer = QVBoxLayout(details)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # the fields stay together at the top
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        labels_above_when_narrow(form, details, DETAILS_LABELS_BESIDE_CHARS)
        rows_at_their_width(form, details)  # (a citation's lines whole in the scrolled area)
        self.prompt_edit = QPlainTextEdit()
        self.prompt_edit.setTabChangesFocus(True)
        self.fit_lines()  # (before the details are put in their scrolled area, which keeps the size they ask for)
        self.prompt_edit.textChanged.connect(self._prompt_edited)
        self._filling = False
        # Wrapped, as the bank editor shows it: a statement's answer is a whole sentence, cut off in one line.
        self.answer_edit = WrappedLineEdit(ANSWER_LINES)
        self.answer_edit.textChanged.connect(self._answer_edited)
        self.answer_problem = ErrorLabel()
        self.kind_label = self._value_label()
        self.wrong_answers = BulletList()  # one a line (a statement's are whole sentences)
        self.citation_label = self._value_label()
        self.citation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confidence_label = self._value_label()
        form.addRow("Type:", self.kind_label)
        form.addRow("Confidence:", self.confidence_label)
        form.addRow("&Prompt:", self.prompt_edit)
        form.addRow("An&swer:", self.answer_edit)
        form.addRow("", self.answer_problem)
        self._form = form
        form.setRowVisible(self.answer_problem, False)
        form.addRow("Wrong answers:", self.wrong_answers)
        form.addRow("Citation:", self.citation_label)
        # (scrolled where a long citation does not fit, at 800x600 above all: never cut off)
        self.details_scroll = QScrollArea()
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A Tab stop after the Answer: the arrow keys scroll to what does not fit (the confidence's concerns, the
        # citation below the Answer), which no field inside brings into view.
        self.details_scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details_scroll.setAccessibleName("The selected question's details")
        self.details_scroll.setWidget(details)
        split.addWidget(self.details_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        review.addWidget(split, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        # The platform's "Cancel" has no Alt key, and its every letter is taken here (Accept all, Numeric, ...).
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Cl&ose")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.own_button: QPushButton | None = None
        if self.offer_own:  # (Alt+B: a letter no other button or label of the dialog holds)
            self.own_button = QPushButton("Make the &bank and ask my own")
            self.own_button.setToolTip("Save a bank that cites every article read, with the questions ticked if "
                                       "any; then, in the editor, select words in the article and press Ask about "
                                       "it to write your own questions")
            self.own_button.clicked.connect(self.ask_own)

        # (made the dialog's before its buttons go in: a default button finds its dialog when put in a widget)
        content = QWidget(self)
        page = QVBoxLayout(content)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(top)
        page.addLayout(run)
        page.addWidget(self.status)
        page.addWidget(review_box, 1)
        self.page = ScrolledPage(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        # Make the bank… apart from Add and Close; above them where the three do not fit in a line (the largest text).
        self.bottom: QWidget = self.buttons
        if self.own_button is not None:
            self.bottom = WrappingRow()
            self.bottom.add(self.own_button)
            self.bottom.add_stretch()
            self.bottom.add(self.buttons)
        layout.addWidget(self.bottom)
        QWidget.setTabOrder(self.answer_edit, self.details_scroll)  # (in the order they are read)
        # Tab stops that Fusion draws the same with the focus as without (a selected row is as blue).
        self._outlines = [FocusOutline(w) for w in (self.files, self.review, self.details_scroll, self.prompt_edit)]

    def fit_lines(self) -> None:
        # Four articles in view before the list scrolls, and a long prompt wrapped over three lines, in lines of the
        # text size: the sizes of the normal text left one article and one line of the prompt in view at the largest.
        self.files.setMaximumHeight(self.files.fontMetrics().lineSpacing() * 4 + 8)
        self.prompt_edit.setFixedHeight(self.prompt_edit.fontMetrics().lineSpacing() * 3 + 12)

    def showEvent(self, event: QShowEvent) -> None:
        # Sized once shown, not when built: until laid out at a width its rows of boxes and buttons are stacked one
        # above the other, and the page asks for their height. (Before QDialog centres it over its parent.)
        if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            self.resize(fitted_size(self, *LEAST_SIZE))  # the rows side by side where they fit at least
            self.resize(self.wanted_size())
        super().showEvent(event)

    def wanted_size(self) -> QSize:
        """LEAST_SIZE at least, larger where the page needs more at the text size to show without scrolling, within the
        window it opens over and its screen."""
        layout, page = self.layout(), self.page.widget().sizeHint()
        margins = layout.contentsMargins()
        return fitted_size(self, max(LEAST_SIZE[0], page.width() + margins.left() + margins.right()),
                           max(LEAST_SIZE[1], page.height() + layout.spacing() + self.bottom.sizeHint().height()
                               + margins.top() + margins.bottom()))

    @staticmethod
    def _value_label() -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # article text is never HTML
        label.setWordWrap(True)
        return label

    # --- articles ---------------------------------------------------------------

    def articles(self) -> list[Path]:
        """The chosen article files, in list order."""
        return [Path(self.files.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.files.count())]

    def add_article(self, path: Path) -> None:
        """Add one article to the list (once)."""
        path = path.resolve()
        if path in self.articles():
            return
        item = QListWidgetItem(path.name)
        item.setToolTip(str(path))
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.files.addItem(item)
        self._articles_changed()

    def choose_articles(self) -> None:
        """Ask for article files, in the folder they were last chosen from (at first the user's Documents, not the
        folder the bank goes to: a new bank's is in the app's data folder), and add them."""
        from quizapp.core.article import not_an_article

        paths, _ = QFileDialog.getOpenFileNames(self, "Choose articles", str(articles_folder()),
                                                ARTICLE_FILTER)
        # A file chosen under "All files" that is no article (a photo, a PDF) is left out at once, and the
        # status line says why, as a run does for an article it cannot read.
        left_out = [(Path(p), why) for p in paths if (why := not_an_article(Path(p))) is not None]
        articles = [Path(p) for p in paths if not_an_article(Path(p)) is None]
        for path in articles:
            self.add_article(path)
        if paths:
            remember_articles_folder(Path(paths[-1]))
        if articles:
            self.generate_button.setFocus()  # the next step, as after fetching a page or pasting text
        if left_out:
            self.status.setText("".join(f"Left out {p.name}: {why}. " for p, why in left_out).rstrip())
            self._failure_shown = True  # (gone when the list changes again)

    def remove_selected_articles(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._articles_changed()

    def _articles_changed(self) -> None:
        if self._failure_shown and not self.running:  # what failed may be gone: say what to do now instead
            self._failure_shown = False
            self.status.clear()
        self._update_state()

    def selected_types(self) -> list[str]:
        return [kind for kind, box in (("choice", self.type_choice), ("numeric", self.type_numeric))
                if box.isChecked()]

    # --- web pages and pasted text ------------------------------------------------

    def fetch_url(self) -> None:
        """Fetch the page at the typed address off the GUI thread; it is saved beside the bank and
        added to the articles when it holds an article. A failed fetch writes nothing."""
        typed = url = self.url_edit.text().strip()
        if self.running or not url:
            return
        if "://" not in url:
            url = "https://" + url  # "example.com/news/..." as a browser takes it
        folder, fetched = self.target_dir, []

        def work(task: Task) -> Path:
            from quizapp.core.fetch import FetchError, fetch_article

            try:
                path = fetch_article(url, folder, progress=task.report)
            except FetchError as exc:  # named as typed: "example.com/x: ...", not with the https:// added
                raise FetchError(typed, exc.message) from None
            fetched.append(path)
            if task.cancelled:  # stopped while it was being saved
                path.unlink(missing_ok=True)
                raise Cancelled
            return path

        def cancelled() -> None:
            self._generate_after_fetch = False
            for path in fetched:  # saved just before Stop was pressed
                path.unlink(missing_ok=True)

        self.status.setText("Fetching…")
        self.progress.setRange(0, 0)
        self._fetching = True
        task = run_task(work, parent=self, title="Fetching the page", show_progress=False,
                        on_success=lambda path: self._fetched(task, path),
                        on_error=lambda exc, trace: self._fetch_failed(task, exc, trace), on_cancel=cancelled)
        self._start(task)

    def _fetched(self, task: Task, path: Path) -> None:
        if task is not self.task:  # stopped after it ended: nobody wants it
            path.unlink(missing_ok=True)
            return
        self._end_run()
        self.saved_articles.append(path)
        self.add_article(path)
        self.url_edit.clear()
        self.status.setText(f"Saved the page as {path.name} {self.kept}. Add more articles, or press "
                            "Generate.")
        self.generate_button.setFocus()
        if self._generate_after_fetch:  # (the teacher agreed to replace the review when pressing Generate)
            self._generate_after_fetch = False
            self._run_generator()

    def _fetch_failed(self, task: Task, exc: BaseException, trace: str) -> None:
        self._generate_after_fetch = False
        if task is not self.task:
            return
        self._end_run()
        self._update_state()
        if isinstance(exc, QuizappError | OSError):
            self.status.setText(f"Could not fetch the page: {exc}")
        else:
            self.status.setText("Could not fetch the page: see the message.")
            show_error(self, "Fetching the page", exc, trace)
        self.url_edit.setFocus()
        self.url_edit.selectAll()

    def paste_article(self) -> None:
        """Ask for pasted text and its title; save it as a .md article in target_dir and add it."""
        from quizapp.gui.paste_dialog import PasteDialog

        dialog = PasteDialog(self, folder=self.target_dir, kept=self.kept)
        if dialog.exec() and dialog.saved_path is not None:
            self.saved_articles.append(dialog.saved_path)
            self.add_article(dialog.saved_path)
            self.status.setText(f"Saved the text as {dialog.saved_path.name} {self.kept}. Add more "
                                "articles, or press Generate.")
            self.generate_button.setFocus()

    def discard_saved_articles(self, keep: Iterable[Path] = ()) -> None:
        """Remove the pages this dialog fetched and the text it saved, but those in `keep` (the ones
        a bank cites)."""
        kept = {Path(p).resolve() for p in keep}
        for path in self.saved_articles:
            if path.resolve() not in kept:
                path.unlink(missing_ok=True)
        self.saved_articles = [p for p in self.saved_articles if p.resolve() in kept]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the address field fetches the address typed, rather than pressing the default button
        # (with none typed it is the default button's, as in any other field); in the answer field it does
        # nothing (the answer is kept as typed): pressing Generate would replace the review.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() is self.url_edit and self.url_edit.text().strip():
                self.fetch_url()
                return
            if self.focusWidget() is self.answer_edit:
                return
        super().keyPressEvent(event)

    def _discard_confirmed(self, why: str) -> bool:
        """True when no generated question is under review, or the teacher agrees to drop them."""
        n = self.question_count()
        if not n:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, "Generate questions",
                          f"Discard the {n} generated question{'s' if n != 1 else ''}?", parent=self)
        box.setInformativeText(why)
        discard = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep reviewing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter or Esc keeps the work; dropping it takes a deliberate choice
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    # --- generating -------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.task is not None

    def generate(self) -> None:
        """Run the generator on the chosen articles off the GUI thread; an address typed but not yet
        fetched is fetched first. Questions under review are replaced only if the teacher agrees."""
        if self.running or not self.selected_types():
            return
        if not self._discard_confirmed("Generating again replaces them."):
            return
        if self.url_edit.text().strip():
            self._generate_after_fetch = True
            self.fetch_url()
            return
        self._run_generator()

    def _run_generator(self) -> None:
        if not self.articles():
            return
        articles, types = self.articles(), self.selected_types()
        limit = self.max_questions.value() or None
        target = self.target_dir
        every = self.every_box.isChecked()

        def work(task: Task) -> Draft:
            from quizapp.generate import GenerationCancelled
            from quizapp.generate.api import generate_draft

            try:
                return generate_draft(articles, max_questions=limit, types=types, progress=task.report,
                                      cancel=lambda: task.cancelled, bank_dir=target, skip_unreadable=True,
                                      every=every)
            except GenerationCancelled:
                raise Cancelled from None

        self._set_questions([], {})
        self.review.set_placeholder("")  # (the run has yet to say)
        self._failure_shown = False
        self._listed_every = None
        self.status.setText("Starting…")
        self.progress.setRange(0, 0)  # busy until the first report
        task = run_task(work, parent=self, title="Generating questions", show_progress=False,
                        on_success=lambda draft: self._generated(task, draft, articles),
                        on_error=lambda exc, trace: self._failed(task, exc, trace),
                        on_cancel=lambda: self._cancelled(task))
        self._start(task)

    def _start(self, task: Task) -> None:
        self.task = task
        task.progressed.connect(lambda done, total, text: self._progressed(task, done, total, text))
        self._update_state()

    def cancel_generation(self) -> None:
        """Stop fetching or generating, at once: the dialog is usable again straight away.

        The work is asked to stop, and whatever it ends with is thrown away: a slow site may take long to answer
        (what it sends is not saved), and the generator cannot stop while it loads the language model (seconds the
        first time). A model loaded after Stop stays loaded: the next run uses it, or waits for it."""
        task = self.task
        if task is None:
            return
        task.cancel()
        if self._fetching:
            self._end_run()
            self.status.setText("Stopped: the page was not saved.")
            self._update_state()
            self.url_edit.setFocus()
            return
        self._cancelled(task)

    def _progressed(self, task: Task, done: int, total: int, text: str) -> None:
        if task is not self.task or task.cancelled:
            return
        if done <= 0 or total <= 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if text:
            self.status.setText(text[:1].upper() + text[1:] + "…")

    def _end_run(self) -> None:
        self.task = None
        self._fetching = False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    def _generated(self, task: Task, draft: Draft, articles: list[Path]) -> None:
        if task is not self.task:  # stopped after its last look at Stop: nobody wants it
            return
        bank = draft.bank
        self._end_run()
        self._generated_from = articles
        self.progress.setValue(1)
        self.bank_title = bank.title
        keys = self._key_map(bank)
        sources = {}
        for key, src in bank.sources.items():
            data = src.model_dump(mode="json", exclude_none=True)
            data["file"] = str((self.target_dir / src.file).resolve())
            sources[keys[key]] = data
        only = next(iter(keys.values())) if len(keys) == 1 else None
        questions = []
        for q in bank.questions:
            data = q.model_dump(mode="json", exclude_none=True)
            cite = data.get("cite")
            if isinstance(cite, dict):  # always name the source: the target bank may have others
                cite["source"] = keys.get(cite.get("source"), only) if cite.get("source") else only
                if cite["source"] is None:
                    del cite["source"]
            questions.append(data)
        self._set_questions(questions, sources, [Confidence(value, draft.bar, why) for value, why
                                                 in zip(draft.confidence, draft.concerns, strict=True)])
        n = len(questions)
        self._run_outcome = _outcome(draft, sum(not c.passes for c in self._confidence), offer_own=self.offer_own)
        self._listed_every = draft.every
        self.status.setText(self._run_outcome)
        self._update_state()
        # Where the page scrolls (large text on a small screen): to the questions, the review's top at its top; to
        # why there are none, the status's top at its top.
        bar = self.page.verticalScrollBar()
        bar.setValue(min(bar.maximum(), (self.review_box if n else self.status).mapTo(self.page.widget(),
                                                                                         QPoint(0, 0)).y()))
        if not n:
            self._focus_next_step(found=bool(draft.found))
        self.generation_finished.emit(bool(n))

    def _key_map(self, bank: Bank) -> dict[str, str]:
        """Generated source key -> key in the target bank (reusing a key that names the same file)."""
        by_file = {}
        for key, src in self.existing_sources.items():
            if isinstance(src, dict) and isinstance(src.get("file"), str):
                by_file[(self.target_dir / src["file"]).resolve()] = key
        taken = set(self.existing_sources)
        result = {}
        for key, src in bank.sources.items():
            same = by_file.get((self.target_dir / src.file).resolve())
            if same is not None:
                result[key] = same
                continue
            new, n = key, 1
            while new in taken:
                n += 1
                new = f"{key}-{n}"
            taken.add(new)
            result[key] = new
        return result

    def _failed(self, task: Task, exc: BaseException, trace: str) -> None:
        if task is not self.task:  # stopped before it failed
            return
        self._end_run()
        self._failure_shown = True
        self._update_state()
        self._focus_next_step(found=False)  # (before the message, which gives the focus back where it was)
        if isinstance(exc, QuizappError | OSError | ValueError):
            self.status.setText(f"Could not generate: {exc}")
        else:
            self.status.setText("Could not generate: see the message.")
            show_error(self, "Generating questions", exc, trace)
        self.generation_finished.emit(False)

    def _focus_next_step(self, *, found: bool) -> None:
        """After a run that lists no question, the focus on what the teacher is likely to do next, rather than on
        the empty list, where Qt moved it from Stop as Stop was disabled. `found`: the run found questions too
        unsure to list (the status says to tick "List all found")."""
        if self.own_button is not None and self.own_button.isEnabled():
            # A new bank: making it anyway, to ask one's own questions about the article, is what the status
            # offers last and what is left to do when the teacher wants this article.
            step = self.own_button
        elif found:
            step = self.every_box  # what the status says: Space ticks it, Enter generates again
        else:
            # The text is too short, has nothing to ask about, or could not be read: another article (Enter opens
            # the file dialog; Paste text and Web page are beside it). Not Generate: the same articles give the
            # same nothing. Not Close: Enter would remove the text pasted here.
            step = self.add_button
        step.setFocus(Qt.FocusReason.OtherFocusReason)

    def _every_toggled(self, every: bool) -> None:
        """After a run, "List all found" lists nothing more (or less) until Generate runs again: the dialog keeps
        only the questions it listed, not all it found. Say so, the focus on Generate (Enter presses it); ticked
        back as it was for the run, the status says again what came of it."""
        if self._listed_every is None or self.running:
            return
        if every == self._listed_every:
            self.status.setText(self._run_outcome)
            return
        n = self.question_count()
        self.status.setText("Press Generate to list " + ("every question found, however unsure, unticked"
                                                         if every else "only the questions near the confidence bar")
                            + (f": the {n} under review are replaced." if n else "."))
        if self.generate_button.isEnabled():
            self.generate_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _cancelled(self, task: Task) -> None:
        if task is not self.task:  # the run stopped by Stop, ending now: the dialog said so then
            return
        self._end_run()
        self._set_questions([], {})
        self.status.setText("Stopped: no questions were generated.")
        self._update_state()
        # Not on the empty list, where Qt moved it from Stop as Stop was disabled: Generate is what is left to do.
        self.generate_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.generation_finished.emit(False)

    # --- review -----------------------------------------------------------------

    def _set_questions(self, questions: list[QuestionData], sources: dict[str, dict[str, Any]],
                       confidence: list[Confidence] | None = None) -> None:
        self._questions = questions
        self._sources = sources
        if not sources:
            self._generated_from = None
        self._confidence = confidence or []
        self._showing = -1
        self.review.blockSignals(True)
        self.review.clear()
        for row in range(len(questions)):
            item = QListWidgetItem()
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            passes = row >= len(self._confidence) or self._confidence[row].passes
            item.setCheckState(Qt.CheckState.Checked if passes else Qt.CheckState.Unchecked)
            self.review.addItem(item)
            self._refresh_item(self.review.count() - 1)
        self.review.blockSignals(False)
        if questions:
            self.review.setCurrentRow(0)
        else:
            self._show_question(-1)
        self._update_state()

    def _refresh_item(self, row: int) -> None:
        q = self._questions[row]
        item = self.review.item(row)
        score = f"{self._confidence[row].percent} · " if row < len(self._confidence) else ""
        item.setText(f"{score}{q.get('prompt', '')}\n    → {_answer_text(q)}")
        item.setToolTip(_citation_text(q, self._sources))

    def question_count(self) -> int:
        return self.review.count()

    def is_accepted(self, row: int) -> bool:
        return self.review.item(row).checkState() == Qt.CheckState.Checked

    def set_accepted(self, row: int, accepted: bool) -> None:
        """Accept (check) or reject (uncheck) one question of the review list."""
        self.review.item(row).setCheckState(Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)

    def set_all_accepted(self, accepted: bool) -> None:
        self.review.blockSignals(True)
        for row in range(self.review.count()):
            self.set_accepted(row, accepted)
        self.review.blockSignals(False)
        self._update_state()

    def question(self, row: int) -> QuestionData:
        """The generated question at `row`, with the teacher's edits."""
        return self._questions[row]

    def _item_changed(self, _item: QListWidgetItem) -> None:
        self._update_state()

    def _show_question(self, row: int) -> None:
        self._showing = row
        self.details_scroll.verticalScrollBar().setValue(0)  # another question's details, from their top
        has = 0 <= row < len(self._questions)
        for w in (self.prompt_edit, self.answer_edit):
            w.setEnabled(has)
        self._set_answer_problem("")
        if not has:
            self._filling = True
            for w in (self.prompt_edit, self.answer_edit):
                w.clear()
            self._filling = False
            for label in (self.kind_label, self.citation_label, self.confidence_label):
                label.clear()
            self.wrong_answers.set_items([])
            return
        self.confidence_label.setText(self._confidence[row].explain() if row < len(self._confidence) else "")
        q = self._questions[row]
        self._filling = True
        self.prompt_edit.setPlainText(str(q.get("prompt", "")))
        self.answer_edit.setPlainText(_format_answer(q.get("answer")))
        self._filling = False
        if q.get("type") == "numeric":
            extra = [f"unit: {q['unit']}"] if q.get("unit") else []
            if q.get("tolerance") not in (None, 0):
                extra.append(f"tolerance: ±{q['tolerance']}")
            if q.get("min") is not None or q.get("max") is not None:  # "almost 1.6": right from 1.44 to 1.6
                low, high = (q.get(k) if q.get(k) is not None else q.get("answer") for k in ("min", "max"))
                extra.append(f"right from {_format_answer(low)} to {_format_answer(high)}")
            self.kind_label.setText("Numeric" + (f" ({', '.join(extra)})" if extra else ""))
            self.wrong_answers.set_items([], none="— (a number is typed)")
        else:
            self.kind_label.setText("Multiple choice")
            self.wrong_answers.set_items([str(d) for d in q.get("distractors", [])])
        self.citation_label.setText(_citation_text(q, self._sources))

    def _set_answer_problem(self, text: str) -> None:
        self.answer_problem.setText(text)
        self._form.setRowVisible(self.answer_problem, bool(text))

    def _prompt_edited(self) -> None:
        text = " ".join(self.prompt_edit.toPlainText().split())
        if not self._filling and 0 <= self._showing < len(self._questions) and text:
            self._questions[self._showing]["prompt"] = text
            self._refresh_item(self._showing)

    def _answer_edited(self) -> None:
        row = self._showing
        if self._filling or not 0 <= row < len(self._questions):
            return
        q = self._questions[row]
        self._set_answer_problem("")
        text = self.answer_edit.toPlainText().strip()
        if not text:
            self._set_answer_problem("An answer cannot be empty: the previous one is kept.")
            return
        if q.get("type") == "numeric":
            value = parse_number(text)
            if isinstance(value, str):  # not a number: the review keeps the last one that was
                self._set_answer_problem(f"Not a number: the previous answer ({_format_answer(q['answer'])}) "
                                            "is kept.")
                return
            q["answer"] = value
        else:
            if text in [str(d) for d in q.get("distractors", [])]:
                self._set_answer_problem("This is also a wrong answer: change the wrong answers in the "
                                            "bank editor.")
            q["answer"] = text
        self._refresh_item(row)

    def _update_state(self, *_args: object) -> None:
        running = self.running
        has_input = bool(self.articles()) or bool(self.url_edit.text().strip())
        self.generate_button.setEnabled(not running and has_input and bool(self.selected_types()))
        self.cancel_button.setEnabled(running)
        for w in (self.add_button, self.files, self.max_questions, self.type_choice, self.type_numeric,
                  self.every_box, self.paste_button, self.url_edit):
            w.setEnabled(not running)
        self.fetch_button.setEnabled(not running and bool(self.url_edit.text().strip()))
        self.remove_button.setEnabled(not running and bool(self.files.selectedItems()))
        n = self.review.count()
        accepted = sum(self.is_accepted(r) for r in range(n))
        for w in (self.accept_all_button, self.reject_all_button):
            w.setEnabled(n > 0 and not running)
        self.count_label.setText(f"{accepted} of {n} accepted" if n else "")
        self.ok_button.setEnabled(not running and accepted > 0)
        # (Alt+Q: the dialog's other buttons and labels hold A, D, N, S and U)
        self.ok_button.setText(f"Add {accepted} &question{'s' if accepted != 1 else ''}" if accepted
                               else "Add &questions")
        if self.own_button is not None:
            self.own_button.setEnabled(self.can_ask_own())
        # Enter does the next step: Generate while there is nothing to review, then Add. With none ticked
        # Add is disabled and Enter does nothing: falling back to Generate would offer to drop the review.
        default = self.ok_button if n else self.generate_button
        if not default.isDefault():
            default.setDefault(True)  # (the dialog takes the default from the other button)
        if not running and not n and not self.status.text():
            self.status.setText("Add article files, fetch a web page or paste an article's text, then press "
                                "Generate." if not self.articles() else "Press Generate.")

    def can_ask_own(self) -> bool:
        """Whether "Make the bank and ask my own" can hand over: a run has ended, whatever it kept, on the
        articles listed now (one added since has not been read: the bank would not cite it)."""
        return (self.offer_own and not self.running and bool(self._sources)
                and self._generated_from == self.articles())

    # --- the result -------------------------------------------------------------

    def result_questions(self) -> list[QuestionData]:
        """The accepted questions, as plain bank data with the edits applied."""
        return [copy.deepcopy(self._questions[r]) for r in range(self.review.count()) if self.is_accepted(r)]

    def result_sources(self, bank_dir: Path | None = None, *, every: bool = False) -> dict[str, dict[str, Any]]:
        """The sources the accepted questions cite (`every`: all the articles the run read), file paths relative
        to `bank_dir` (target_dir)."""
        base = Path(bank_dir or self.target_dir).resolve()
        used = {q["cite"].get("source") for q in self.result_questions() if isinstance(q.get("cite"), dict)}
        if (None in used and len(self._sources) == 1) or every:
            used |= set(self._sources)
        result = {}
        for key, src in self._sources.items():
            if key in used:
                data = dict(src)
                data["file"] = Path(os.path.relpath(src["file"], base)).as_posix()
                result[key] = data
        return result

    def accept(self) -> None:
        """Add: hand over the ticked questions and the articles they cite."""
        if self.running or not self.result_questions():
            return
        self._hand_over(own=False)

    def ask_own(self) -> None:
        """Make the bank and ask my own: hand over the ticked questions, none or more, and every article read."""
        if self.can_ask_own():
            self._hand_over(own=True)

    def _hand_over(self, *, own: bool) -> None:
        self.asks_own = own
        self.accepted_questions = self.result_questions()
        self.accepted_sources = self.result_sources(every=own)
        if self.commit is not None and not self.commit(self):
            self.asks_own = False
            return  # not saved (say the file dialog was cancelled): the review stays as it was
        self.discard_saved_articles(keep=[self.target_dir / s["file"] for s in self.accepted_sources.values()])
        super().accept()

    def reject(self) -> None:
        """Closing (Esc, Cancel, the window's close button) asks before dropping questions under review;
        it stops a running fetch or generator; nothing is handed over, and the pages fetched and the
        text pasted here are removed."""
        saved = ", ".join(p.name for p in self.saved_articles)
        if not self._discard_confirmed("None of them has been added to a bank yet."
                                       + (f" The articles saved here ({saved}) are removed too."
                                          if saved else "")):
            return
        if self.task is not None:
            self.task.cancel()
        self.accepted_questions, self.accepted_sources = [], {}
        self.discard_saved_articles()
        super().reject()


def _outcome(draft: Draft, below: int, *, offer_own: bool = False) -> str:
    """What came of a run, for the status line: the articles left out and why, how many questions and,
    when none passed, why (and, with `offer_own`, that the teacher may make the bank to ask their own)."""
    skipped = "".join(f"Skipped {p.path.name}: {p.message.rstrip('.')}. " for p in draft.skipped)
    text = skipped + _questions_outcome(draft, below)
    if offer_own and below == len(draft.bank.questions):  # none ticked: nothing for Add to save
        several = len(draft.bank.sources) > 1
        text += (f" You can still make the bank and write your own questions about the article{'s' if several else ''}"
                 ": press “Make the bank and ask my own”.")
    return text


def _questions_outcome(draft: Draft, below: int) -> str:
    n = len(draft.bank.questions)
    if n and below == n:  # the command line points to `--report` for these; here they are listed
        return (f"No question reached the confidence bar of {draft.bar:.0%}: the {n} found "
                f"{'' if draft.every else 'a little '}below it are listed unticked, each with why it is low. "
                "Tick those worth keeping, edit them if needed, then press Add.")
    if n:
        return (f"{n} question{'s' if n != 1 else ''} generated"
                + (f", {below} below the confidence bar of {draft.bar:.0%} (not ticked)" if below else "")
                + ": accept, reject or edit each one, then press Add.")
    return why_no_questions(draft)


def why_no_questions(draft: Draft) -> str:
    """Why a run gave no question to review: the one cause that applies."""
    from quizapp.generate.api import why_no_questions as why

    text = why(draft.found, draft.words, draft.bar)
    if draft.found:  # (listing all of them, there is none to find: found counts what could be listed)
        text += " Tick “List all found” under Options and Generate again to review them."
    return text


def _format_answer(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _answer_text(q: QuestionData) -> str:
    answer = _format_answer(q.get("answer"))
    if q.get("type") == "numeric" and q.get("unit"):
        return f"{answer} {q['unit']}"
    return answer


def _citation_text(q: QuestionData, sources: dict[str, dict[str, Any]] | None = None) -> str:
    """The quoted proof, then its source as every citation in the app names it."""
    cite = q.get("cite")
    if not isinstance(cite, dict):
        return "(no citation)"
    quote = cite.get("quote")
    quotes = quote if isinstance(quote, list) else [quote]
    # (quoted as the quiz's feedback quotes: one pair of marks, a quote inside the sentence made single)
    text = " … ".join(quoted(x) for x in quotes if isinstance(x, str) and x)
    sources = sources or {}
    src = sources.get(cite.get("source")) or (next(iter(sources.values())) if len(sources) == 1 else None)
    if src is None:
        return text
    from quizapp.core.session import name_source

    fields = {k: str(src[k]) for k in ("author", "publisher", "date", "url") if src.get(k)}
    return f"{text}\n— {name_source(title=src.get('title') or Path(src['file']).name, **fields)}"


def new_bank_from_article(parent: QWidget | None, *, save_dir: Path | None = None,
                          articles: list[Path] | None = None) -> BankEditor | None:
    """Choose articles (files, web pages or pasted text; `articles` are in the list already), generate and
    review questions, save them as a new bank and open it in the editor: on its first article, ready for Ask
    about it, when the teacher chose to ask their own questions.

    Returns the editor (shown), or None when the teacher cancelled. Cancelling the file dialog that
    names the bank goes back to the review, as it was.
    """
    from quizapp.gui.editor import open_editor
    from quizapp.paths import user_banks_dir

    folder = Path(save_dir) if save_dir is not None else user_banks_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        QMessageBox.warning(parent, "New bank from article", f"{folder}: cannot be created ({exc.strerror}).")
        return None
    saved: list[Path] = []

    def save(dialog: GenerateDialog) -> bool:
        path = _save_new_bank(dialog, folder)
        if path is not None:
            saved.append(path)
        return path is not None

    dialog = GenerateDialog(parent, target_dir=folder, commit=save, articles=articles,
                            kept=f"in {QDir.toNativeSeparators(str(folder))}", offer_own=True)
    if not dialog.exec() or not saved:
        return None
    # open_editor keeps the window alive and known to the quit guard.
    editor = open_editor(saved[0], parent)
    if editor is not None and dialog.asks_own:
        editor.ask_in_article()
    return editor


def _save_new_bank(dialog: GenerateDialog, folder: Path) -> Path | None:
    """Ask where to save the reviewed questions as a new bank and save them; None when not saved."""
    from quizapp.core.draft import BankDraft, DraftError
    from quizapp.paths import user_data_dir

    first = next(iter(dialog.accepted_sources.values()), {}).get("file", "bank")
    stem = re.sub(r"[^a-z0-9]+", "-", Path(first).stem.lower()).strip("-") or "bank"
    target, _ = QFileDialog.getSaveFileName(dialog, "Save the new bank", str(folder / f"{stem}.yaml"),
                                            "Question banks (*.yaml *.yml)")
    if not target:
        return None
    path = Path(target)
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = path.with_suffix(".yaml")
    draft = BankDraft.new(path, dialog.bank_title or stem.replace("-", " ").capitalize())
    draft.data["sources"] = dialog.result_sources(path.parent, every=dialog.asks_own)
    # Not the generator's description ("Generated by quizapp from ...; check the questions before
    # use."), which marks a draft nobody has reviewed: the teacher has just reviewed these, or writes them.
    draft.data["description"] = draft.reviewed_description(written=not dialog.result_questions())
    draft.data["questions"] = dialog.result_questions()
    try:
        # Saved outside the data folder, it takes along the text pasted and pages fetched there.
        draft.save(articles_from=[user_data_dir()])
    except DraftError as exc:
        QMessageBox.warning(dialog, "New bank from article", str(exc))
        return None
    # The dialog's own files that the bank cites beside it now are copies: the ones left behind go.
    dialog.discard_saved_articles(keep=[path.parent / src["file"] for src in draft.data["sources"].values()])
    return path
