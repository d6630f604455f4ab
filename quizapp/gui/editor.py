"""The bank editor: questions in a list, a form checked as the teacher types, undo, safe saving."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.bank import BankCheck, form_ask, unknown_keys
from quizapp.core.draft import BankDraft, DraftError, QuestionData
from quizapp.core.errors import Problem
from quizapp.core.giveaways import citing_the_same
from quizapp.gui.citation_picker import CitationPicker
from quizapp.gui.editor_commands import (
    ChangeType,
    InsertQuestion,
    MoveQuestion,
    RemoveQuestion,
    ReplaceQuestions,
    SetBankField,
    SetCitation,
    SetField,
    SetQuestion,
)
from quizapp.gui.editor_details import BankDetailsDialog, DraftBar
from quizapp.gui.editor_form import REDO_ACTION, UNDO_ACTION, LineField, QuestionForm, UnknownKey, leaves_field
from quizapp.gui.editor_sources import BrokenSource, SourceRepairs
from quizapp.gui.reflow import FoldingSplitter, ScrolledPage, WrappingRow, reveal
from quizapp.gui.tasks import run_task
from quizapp.gui.theme import verdict_color
from quizapp.gui.widgets import (
    ElidedLabel,
    FocusOutline,
    MessageBar,
    PageTabs,
    RowsList,
    ask,
    every_window_actions,
    fit_on_screen,
    place_over,
    quoted,
)
from quizapp.paths import is_installed, user_banks_dir, user_data_dir

CHECK_DELAY_MS = 150
PROBLEM_LINES = 3  # the list of problems is as tall as this many of them at most, until dragged
LIST_ROWS = 3  # the questions' list never shows fewer rows, at any text size
TITLE_CHARS = 30  # the width the Title field keeps, however many articles the bank has
# The widths, in average characters, that the article and the form's fields keep side by side: narrower, they
# take turns in tabs.
ARTICLE_CHARS = 35
FORM_CHARS = 30
# The bank edited as text is checked again this long after the last key: a line being typed is not yet
# worth a problem, and the whole file is parsed each time.
TEXT_CHECK_DELAY_MS = 500


class BankEditor(QMainWindow):
    """A window that edits one bank file. Nothing typed is lost: every exit asks first."""

    saved = Signal(Path)

    def __init__(self, draft: BankDraft, parent: QWidget | None = None, *,
                 installed: bool = False) -> None:
        super().__init__(parent)
        self.draft = draft
        # A bank of the app's own installation: saving writes a copy in the user's banks folder.
        self.installed = installed
        self.undo_stack = QUndoStack(self)
        self.check: BankCheck | None = None
        self._current = -1
        # A question just added (its index), whose problems show field by field as the
        # teacher leaves them (the keys in _revealed), and all at once on saving.
        self._fresh = -1
        self._revealed: set[str] = set()
        self._article_key: str | None = None  # the source of the article shown beside the form
        # What the Article tab shows for the question shown (its file, quotes, title and note, and whether it is there
        # only to ask about), None when another question is to be shown: an edit that leaves these as they are leaves
        # the article's scroll and selection alone.
        self._article_shown: tuple[Path | None, list[str], str | None, str, bool] | None = None
        # Counts the teacher's visits to fields: the edits of one visit are one undo step.
        self._session = 0
        self.bank_fields: dict[str, LineField] = {}  # the bank's own fields (its title), by key
        self._refreshing = False
        self._saved_with_problems = ""  # the status bar's "Saved …, with 2 problems", while it holds
        # The bank's data when the teacher switched from the form to its text, to tell on the
        # way back whether the text changed anything (None: the file opened as text).
        self._data_before_text: dict[str, Any] | None = None
        self._center_when_shown = False  # the text's cursor is put on a problem before the window shows
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._message_bar: MessageBar | None = None  # made with the first message (see `say`)
        self.resize(1100, 720)
        fit_on_screen(self)

        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_check)
        self._text_check_timer = QTimer(self, singleShot=True, interval=TEXT_CHECK_DELAY_MS)
        self._text_check_timer.timeout.connect(self._check_text)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed_on_disk)

        self._build()
        self._build_menus()
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.indexChanged.connect(self._update_title)
        self._open_draft(draft)

    @classmethod
    def open_file(cls, path: str | Path, parent: QWidget | None = None, *,
                  installed: bool = False) -> BankEditor:
        """An editor on the bank at `path` (raises DraftError when it can't be read)."""
        return cls(BankDraft.open(path), parent, installed=installed)

    # --- building ---------------------------------------------------------------

    def _build(self) -> None:
        # Bank header.
        self.title_edit = self._bank_field("title", "Bank title", "The bank's title")
        self.sources_label = ElidedLabel()
        add_source = QPushButton("Add a&rticle...")
        add_source.clicked.connect(self.add_article)
        # The title, then the articles, on one line where they fit; at the largest text on a small screen
        # the articles go on a line of their own, and the title keeps the whole width.
        header = WrappingRow()
        # Many articles' names end in "…" (all of them in the tooltip): beside them, the title keeps room for a title.
        header.add(_line(QLabel("Title:"), self.title_edit, stretch=self.title_edit), 1, row_chars=TITLE_CHARS + 6)
        header.add(_line(self.sources_label, add_source, stretch=self.sources_label))

        # Over a bank the generator wrote that nobody has reviewed yet (the library lists it as a draft).
        self.draft_bar = DraftBar()
        self.draft_bar.mark_reviewed.connect(self.mark_reviewed)
        self.draft_bar.edit_details.connect(self.edit_bank_details)

        # External change bar.
        self.disk_bar = QFrame()
        self.disk_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.disk_bar.setStyleSheet("QFrame { background: #fff3cd; color: #533f03; }")
        bar = QHBoxLayout(self.disk_bar)
        self.disk_label = QLabel()
        self.disk_label.setWordWrap(True)
        bar.addWidget(self.disk_label, 1)
        reload_button = QPushButton("Reload fro&m disk")
        reload_button.clicked.connect(self.reload_from_disk)
        keep_button = QPushButton("&Keep my version")
        keep_button.clicked.connect(self.keep_mine)
        bar_buttons = WrappingRow()
        bar_buttons.add(reload_button)
        bar_buttons.add(keep_button)
        bar.addWidget(bar_buttons)
        self.disk_bar.hide()

        # Read-only bar, for a bank that came with the app.
        self.installed_bar = QLabel(
            "This bank comes with quizapp, so the editor does not change its file. Save "
            f"(Ctrl+S) keeps your changes as a copy in your banks folder, {user_banks_dir()}.")
        self.installed_bar.setTextFormat(Qt.TextFormat.PlainText)
        self.installed_bar.setWordWrap(True)
        self.installed_bar.setAccessibleName("Read-only bank")
        self.installed_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.installed_bar.setMargin(6)
        self.installed_bar.setStyleSheet("QLabel { background: #e3f2fd; color: #0d3c61; }")
        self.installed_bar.setVisible(self.installed)

        # Question list with search and filters.
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search questions")
        self.search.setAccessibleName("Search questions")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.search.installEventFilter(self)
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName("Filter by type")
        for label, value in (("All types", None), ("Choice", "choice"), ("Numeric", "numeric")):
            self.type_filter.addItem(label, value)
        self.type_filter.currentIndexChanged.connect(self._filter_changed)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by tag")
        self.tag_filter.currentIndexChanged.connect(self._filter_changed)
        self.problem_filter = QCheckBox("Wit&h problems")
        self.problem_filter.toggled.connect(self._filter_changed)
        types_and_tags = WrappingRow()
        types_and_tags.add(self.type_filter)
        types_and_tags.add(self.tag_filter)
        # "With problems" under them, or beside them where a folded list has the window's width.
        filters = WrappingRow(kept_in_a_row=False)
        filters.add(types_and_tags, 1, whole=True)
        filters.add(self.problem_filter)
        # Three rows at least, at the largest text on a small screen too: the problems below give way to a line,
        # and the page scrolls what still does not fit.
        self.list = RowsList(LIST_ROWS)
        self.list.setAccessibleName("Questions")
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.model().rowsMoved.connect(self._rows_dragged)
        self.list.currentRowChanged.connect(self._select)
        buttons = WrappingRow()
        self.list_buttons: list[QPushButton] = []
        for text, slot, name in (("&Add", self.add_question, "Add question"),
                                 ("D&uplicate", self.duplicate_question, "Duplicate question"),
                                 ("&Delete", self.delete_question, "Delete question")):
            b = QPushButton(text)
            b.setAccessibleName(name)
            b.clicked.connect(slot)
            b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            buttons.add(b)
            self.list_buttons.append(b)
        self._fit_list_buttons()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(filters)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(buttons)

        # The form.
        self.form = QuestionForm()
        self.form.field_edited.connect(self._field_edited)
        self.form.type_changed.connect(self._type_changed)
        self.form.citation_edited.connect(self._citation_edited)
        self.form.rename_key.connect(self._rename_key)
        self.form.remove_key.connect(self._remove_key)
        self.form.edit_as_text.connect(self.edit_as_text)
        self.form.field_left.connect(self._field_left)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Fields wrap and labels go above them when narrow: the form never scrolls sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # No Tab stop of its own (it showed no focus): Tab goes to its fields, and each scrolls into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.form)
        self.form_scroll = scroll
        self.empty_label = QLabel("No question selected. Press Add to write one, or "
                                  "File > Add questions from article... to generate some.")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form_stack = QStackedWidget()
        self.form_stack.addWidget(scroll)
        self.form_stack.addWidget(self.empty_label)

        # Article and preview.
        self.picker = CitationPicker()
        self.picker.quote_picked.connect(self._quote_picked)
        self.picker.gap_picked.connect(self.ask_about)
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setMargin(12)
        self.preview.setAccessibleName("Preview")
        preview_scroll = QScrollArea()
        preview_scroll.setWidgetResizable(True)
        preview_scroll.setWidget(self.preview)
        # A tab's Alt key (Ar&ticle, Previe&w, &Question where the form is folded in) puts the focus in its page.
        self.side_tabs = PageTabs()
        self.side_tabs.addTab(self.picker, "Ar&ticle")
        self.side_tabs.addTab(preview_scroll, "Previe&w")

        # The form gets the most room; sizes are ratios until the window is laid out. Where the three do not
        # fit side by side (the largest text on a small screen), the form becomes the first of the tabs.
        splitter = self.panes = FoldingSplitter(left, self.form_stack, self.side_tabs,
                                                ("Questions", "&Question"), (2, 5, 3))
        self._fit_columns()
        splitter.setSizes([250, 500, 350])
        splitter.setChildrenCollapsible(False)

        # Problems of the whole bank, click to go there.
        self.problems = RowsList(1)  # (a line at the largest text on a small screen: "No problems.")
        self.problems.setAccessibleName("Problems")
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)
        vertical = LeastTallSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(splitter)
        vertical.addWidget(self.problems)
        vertical.setStretchFactor(0, 1)
        vertical.setStretchFactor(1, 0)
        vertical.setSizes([10_000, self.problems.fontMetrics().lineSpacing() * PROBLEM_LINES + 10])
        # As tall as its problems, up to PROBLEM_LINES, until the person drags it (see _fit_problems).
        self.problems_split = vertical
        self._problems_dragged = False
        vertical.splitterMoved.connect(self._problems_moved)
        # Tab stops that Fusion draws the same with the focus as without (a selected row is as blue, a tab as raised).
        self._outlines = [FocusOutline(w) for w in (self.list, self.side_tabs.tabBar(), self.picker.text,
                                                    preview_scroll, self.problems)]

        # The articles that cannot be read (moved, renamed), each with Locate… and, when no question cites
        # it, Remove: such a bank cannot start.
        self.source_repairs = SourceRepairs()
        self.source_repairs.locate.connect(self.locate_article)
        self.source_repairs.remove.connect(self.remove_article)

        form_page = QWidget()
        page_layout = QVBoxLayout(form_page)
        # The window's margins are above and below it already: the height goes to the list (at the largest text
        # on a small screen, its three rows and the problems' line fit without scrolling the page).
        margins = page_layout.contentsMargins()
        page_layout.setContentsMargins(margins.left(), 0, margins.right(), 0)
        page_layout.addWidget(header)
        page_layout.addWidget(self.source_repairs)
        page_layout.addWidget(vertical, 1)

        # Text mode, for a file that does not parse.
        self.source_edit = QPlainTextEdit()
        self.source_edit.setAccessibleName("Bank file text")
        self.source_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.source_edit.textChanged.connect(self._text_edited)
        self.source_problems = QListWidget()
        self.source_problems.setAccessibleName("Problems")
        # A syntax error ends with what to do on which line: all of it in view, not past the edge.
        self.source_problems.setWordWrap(True)
        self.source_problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.source_problems.itemActivated.connect(self._go_to_line)
        self.source_problems.itemClicked.connect(self._go_to_line)
        apply = QPushButton("&Check and continue")
        apply.setObjectName("checkAndContinue")
        apply.clicked.connect(self.apply_source_text)
        text_page = QWidget()
        text_layout = QVBoxLayout(text_page)
        self.text_note = QLabel()
        self.text_note.setWordWrap(True)
        text_layout.addWidget(self.text_note)
        text_layout.addWidget(self.source_edit, 4)
        text_layout.addWidget(self.source_problems, 1)
        text_layout.addWidget(apply, 0, Qt.AlignmentFlag.AlignRight)

        # The bar over a draft stays in view over the page, which scrolls under it where it does not fit (the largest
        # text on a small screen). At the top of the page, it went up out of sight as the page scrolled to the list of
        # questions, which has the focus: at 28 pt on 800x600 its first line was above the window's top.
        form_side = QWidget()
        side_layout = QVBoxLayout(form_side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        bar_row = QHBoxLayout()  # (as wide as the page's rows, within its margins)
        bar_row.setContentsMargins(margins.left(), 0, margins.right(), 0)
        bar_row.addWidget(self.draft_bar)
        side_layout.addLayout(bar_row)
        self.bank_page = ScrolledPage(form_page)
        side_layout.addWidget(self.bank_page, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(form_side)
        self.pages.addWidget(text_page)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(6, 6, 6, 6)
        central_layout.addWidget(self.installed_bar)
        central_layout.addWidget(self.disk_bar)
        central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # Ctrl+= or Ctrl+- in this window or another
            QTimer.singleShot(0, self, self._fit_text_size)

    def _fit_text_size(self) -> None:
        # The least widths of the form and the buttons are those at the new size: the panes fold (or unfold)
        # to them. Kept at the old size, the buttons were drawn over each other beside a folded form.
        self._fit_list_buttons()
        self._fit_columns()
        self.panes.refit()
        self._fit_problems()

    def _fit_columns(self) -> None:
        """The widths of the form and the article at the text size they have: the form's least, and those each
        wants beside the other, a usable line of text. Where the three columns do not get them, the form and the
        article take turns in tabs: at 17 pt on 800x600 the article had kept a column of three words a line,
        where selecting words for a citation is fiddly."""
        form = self.form_scroll
        form_bar = form.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, form)
        text = self.picker.text
        text_bar = text.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, text)
        margins = 2 * (text.frameWidth() + round(text.document().documentMargin()))
        self.panes.set_widths(self.form.narrow_width(), (
            self.form.fontMetrics().averageCharWidth() * FORM_CHARS + form_bar + 2 * form.frameWidth(),
            text.fontMetrics().averageCharWidth() * ARTICLE_CHARS + text_bar + margins))

    def say(self, text: str, timeout_ms: int = 0, *, whole: str = "") -> None:
        """Show `text` in the status bar for `timeout_ms` (0: until another message), with `whole` (the file's whole
        path, why) in its tooltip. The bar comes with the first message, as QMainWindow's own does: until then the
        window's height is the panes'."""
        if self._message_bar is None:
            self._message_bar = MessageBar()
            self.setStatusBar(self._message_bar)
        self._message_bar.say(text, timeout_ms, whole=whole)

    def _problems_moved(self) -> None:
        self._problems_dragged = True

    def _fit_problems(self) -> None:
        """The list of problems as tall as its rows, up to PROBLEM_LINES of them: at the largest text, three lines
        of "No problems." left the Article tab two lines of the article. Once dragged, it keeps its height."""
        if self._problems_dragged:
            return
        rows = min(max(self.problems.count(), 1), PROBLEM_LINES)
        row = max(self.problems.sizeHintForRow(0), self.problems.fontMetrics().height() + 2)
        wanted = max(self.problems.minimumSizeHint().height(), rows * row + 2 * self.problems.frameWidth() + 4)
        above, below = self.problems_split.sizes()
        if below != wanted and above + below > 0:
            self.problems_split.setSizes([above + below - wanted, wanted])

    def _fit_list_buttons(self) -> None:
        # As wide as the text needs, not the style's wide default: the list stays narrow. Preferred, not
        # Ignored: an ignored size hint makes the layout share a tight row evenly, and a short button's
        # extra width pushes a long one over its neighbour (Duplicate over Delete at 800x600).
        for b in self.list_buttons:
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text().replace("&", "")) + 24)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.save_action = self._action(file_menu, "&Save", self.save, QKeySequence.StandardKey.Save)
        self._action(file_menu, "Save &As...", self.save_as, QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self.generate_action = self._action(file_menu, "Add questions from a&rticle...",
                                            self.add_from_article)
        file_menu.addSeparator()
        # The library's key: a teacher who has just fixed a bank exports it from here.
        self.export_action = self._action(file_menu, "&Export...", self.export, QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip("Export the bank to Moodle, Anki, a spreadsheet or PDF")
        file_menu.addSeparator()
        self._action(file_menu, "&Close", self.close, QKeySequence.StandardKey.Close)
        # The app's keys work here as in the main window: F1, Ctrl+= / Ctrl+-, Ctrl+Q (which closes this
        # editor too, asking first about unsaved edits). Quit is in the File menu, as there.
        for action in every_window_actions():
            self.addAction(action)
            if action.menuRole() == QAction.MenuRole.QuitRole:
                file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setObjectName(UNDO_ACTION)
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setObjectName(REDO_ACTION)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        edit_menu.addSeparator()
        # (within a menu each item has its own letter: U is Undo's; the Duplicate button's Alt+U is the
        # window's, not the menu's)
        self._action(edit_menu, "&New question", self.add_question, QKeySequence.StandardKey.New)
        self._action(edit_menu, "Du&plicate question", self.duplicate_question, QKeySequence("Ctrl+D"))
        delete = self._action(edit_menu, "&Delete question", self.delete_question,
                              QKeySequence("Ctrl+Delete"))
        delete.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        # Alt+Up and Alt+Down move the question only where the questions are: in a field they are the
        # field's own (Alt+Down opens the list of a box such as Source, and moved the question instead).
        for text, step, keys in (("&Move question up", -1, "Alt+Up"), ("Move question do&wn", 1, "Alt+Down")):
            move = self._action(edit_menu, text, lambda step=step: self.move_question(step), QKeySequence(keys))
            move.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            move.setStatusTip(f"{keys} in the list of questions")
            self.removeAction(move)
            self.list.addAction(move)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Find", lambda: self._focus(self.search), QKeySequence.StandardKey.Find)
        self._action(edit_menu, "&Bank details...", self.edit_bank_details)
        self._action(edit_menu, "Edit bank as &text (YAML)", self.edit_as_text)
        # Actions on the form's questions, off while the bank is edited as text.
        self._form_actions = [a for a in edit_menu.actions() if not a.isSeparator()]

    def _focus(self, widget: QWidget) -> None:
        """Put the focus on `widget`, showing its tab where the panes are folded into tabs."""
        reveal(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.addAction(action)
        return action

    # --- the draft ------------------------------------------------------------------

    def _open_draft(self, draft: BankDraft) -> None:
        self.draft = draft
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._data_before_text = None
        self.disk_bar.hide()
        self._watch()
        if draft.broken_text is not None:
            self._show_text_page("This file is not valid YAML, so it opens as text. Fix the problem "
                                 "shown below, then press Check and continue.")
            self.source_edit.setPlainText(draft.broken_text)
            self.run_check()
            self._go_to_first_line()
        else:
            self._show_form_page()
            self._refresh_list(0 if draft.questions else -1)
            self.run_check()
            first = next((p for p in self.check.problems if p.is_error and _question_of(p) is not None),
                         None) if self.check else None
            if first is not None:
                self._go_to(first)  # a bank that cannot start opens where it goes wrong
            else:
                self._focus(self.list)
            if draft.numbers_read:  # the file still has the text: saving writes the numbers
                self.undo_stack.resetClean()
                read, more = draft.numbers_read[0], len(draft.numbers_read) - 1
                self.say(f"Numbers as text: {read}" + (f", and {more} more" if more else ""), whole=(
                    "Read as the form reads what is typed, until saved: " + "; ".join(draft.numbers_read)))
        self._update_title()

    def _show_text_page(self, note: str) -> None:
        self.text_note.setText(note)
        self.pages.setCurrentIndex(1)
        for action in self._form_actions:
            action.setEnabled(False)

    def _show_form_page(self) -> None:
        self.pages.setCurrentIndex(0)
        for action in self._form_actions:
            action.setEnabled(True)
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        self.redo_action.setEnabled(self.undo_stack.canRedo())

    def _changed(self, index: int, shape_changed: bool) -> None:
        """Called by every undo command after it changed the draft."""
        if index < 0 and not shape_changed:
            # Only a field of the bank's own changed. Refreshing the list would select the question
            # again, which starts a new undo step: a title typed would be undone a letter at a time.
            self._show_bank_fields()
        elif shape_changed or index < 0:
            self._refresh_list(index if index >= 0 else self._current)
        else:
            self._refresh_item(index)
            if index == self._current:
                self._show_question(index)
            else:
                self.list.setCurrentRow(index)
        self._check_timer.start()

    def is_dirty(self) -> bool:
        if self.draft.broken_text is not None:
            return self.source_edit.toPlainText() != (self.draft.disk_text or "")
        return not self.undo_stack.isClean()

    def _update_title(self, *_args: object) -> None:
        read_only = " (read-only)" if self.installed else ""
        self.setWindowTitle(f"{self.draft.path.name}[*]{read_only} — Bank editor")  # the platform adds "— quizapp"
        self.setWindowModified(self.is_dirty())

    def _show_sources(self) -> None:
        sources = self.draft.data.get("sources") or {}
        self.sources_label.setText("Articles: " + (", ".join(
            str(s.get("file")) for s in sources.values() if isinstance(s, dict)) or "none"))

    # --- list -------------------------------------------------------------------------

    def _bank_field(self, key: str, name: str, placeholder: str) -> LineField:
        """A field for the bank's `key`: like a question's field, what is typed in it until the teacher
        leaves it is one undo step."""
        field = LineField()
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        field.textEdited.connect(lambda text: self.undo_stack.push(
            SetBankField(self.draft, self._changed, key, text, session=self._session)))
        field.installEventFilter(self)
        self.bank_fields[key] = field
        return field

    def _show_bank_fields(self) -> None:
        for key, field in self.bank_fields.items():
            value = str(self.draft.data.get(key) or "")
            if field.text() != value:  # (the field being typed in keeps its cursor)
                field.show_value(value)
        draft, focus = self.draft.is_draft, QApplication.focusWidget()
        if not draft and focus is not None and self.draft_bar.isAncestorOf(focus):
            self._focus(self.list)  # (its button pressed: the focus does not vanish with the bar)
        self.draft_bar.setVisible(draft)

    # --- the bank's details -----------------------------------------------------------

    def mark_reviewed(self) -> None:
        """Replace the generator's description with one saying the questions were reviewed in quizapp: the
        library lists the bank as reviewed, not as a draft, once it is saved."""
        if not self.draft.is_draft:
            return
        command = SetBankField(self.draft, self._changed, "description", self.draft.reviewed_description())
        command.setText("Mark as reviewed")
        self.undo_stack.push(command)
        # (short: a status bar ends what does not fit on its line in "…", at the largest text after some 40 characters)
        self.say("Marked as reviewed: save it with Ctrl+S.", 8000)

    def edit_bank_details(self) -> None:
        """Edit the bank's title and description in a dialog; what it changes is one undo step."""
        dialog = BankDetailsDialog(self, title=str(self.draft.data.get("title") or ""),
                                   description=str(self.draft.data.get("description") or ""))
        try:
            changes = dialog.changed() if dialog.exec() else {}
        finally:
            dialog.deleteLater()
        if not changes:
            return
        self.undo_stack.beginMacro("Edit bank details")
        for key, value in changes.items():
            self.undo_stack.push(SetBankField(self.draft, self._changed, key, value))
        self.undo_stack.endMacro()

    def _refresh_list(self, select: int) -> None:
        self._refreshing = True
        try:
            self.list.clear()
            for i in range(len(self.draft.questions)):
                self.list.addItem(QListWidgetItem())
                self._refresh_item(i)
            tags = sorted({str(t) for q in self.draft.questions if isinstance(q, dict)
                           for t in (q.get("tags") or []) if isinstance(q.get("tags"), list)})
            current_tag = self.tag_filter.currentData()
            self.tag_filter.blockSignals(True)
            self.tag_filter.clear()
            self.tag_filter.addItem("All tags", None)
            for t in tags:
                self.tag_filter.addItem(t, t)
            self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current_tag)))
            self.tag_filter.blockSignals(False)
            self._show_bank_fields()
            self._show_sources()
        finally:
            self._refreshing = False
        self._apply_filter()
        select = min(select, len(self.draft.questions) - 1)
        self._current = -1
        if select >= 0:
            self.list.setCurrentRow(select)
        self._select(self.list.currentRow())

    def _refresh_item(self, index: int) -> None:
        item = self.list.item(index)
        if item is None:
            return
        q = self.draft.question(index)
        prompt = " ".join(str(q.get("prompt") or "(no prompt yet)").split())
        flag = "⚠ " if index in self._problem_rows() else ""
        item.setText(f"{flag}{index + 1}. {prompt}")
        item.setToolTip(f"{q.get('id')}: {prompt}")

    def _problem_rows(self) -> set[int]:
        return {index for p in self._shown_problems() if p.is_error and (index := _question_of(p)) is not None}

    def _apply_filter(self) -> None:
        needle = self.search.text().casefold().strip()
        kind = self.type_filter.currentData()
        tag = self.tag_filter.currentData()
        only_problems = self.problem_filter.isChecked()
        bad = self._problem_rows()
        for i, q in enumerate(self.draft.questions):
            text = " ".join(str(v) for v in q.values()).casefold() if isinstance(q, dict) else ""
            tags = q.get("tags") if isinstance(q.get("tags"), list) else []
            # the question shown (one just added, one whose last problem was just fixed under "With
            # problems") stays until the teacher leaves it, whatever the search or filters say: the form
            # shows it, and a selection out of sight confuses
            visible = i in (self._fresh, self._current) or (
                (not needle or needle in text) and (kind is None or q.get("type") == kind)
                and (tag is None or tag in [str(t) for t in tags]) and (not only_problems or i in bad))
            self.list.setRowHidden(i, not visible)

    def _filter_changed(self) -> None:
        """The teacher changed the search or a filter: the form shows a question the list shows, the first
        that matches when the one shown does not, or none."""
        if self._refreshing:
            return
        shown, self._current = self._current, -1
        self._apply_filter()
        self._current = shown
        if shown >= 0 and not self.list.isRowHidden(shown):
            return
        first = next((i for i in range(self.list.count()) if not self.list.isRowHidden(i)), -1)
        self.list.setCurrentRow(first)
        if first < 0:
            self._select(-1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if any(watched is field for field in self.bank_fields.values()):
            if leaves_field(event):
                self._next_session()  # as the form's fields do (QuestionForm.field_left)
            return super().eventFilter(watched, event)  # (the title has events before the search exists)
        # In the search field, Down goes on to the questions found and Esc clears the search.
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if event.key() == Qt.Key.Key_Down:
                self._focus(self.list)
                if self.list.currentRow() < 0 or self.list.isRowHidden(self.list.currentRow()):
                    self._filter_changed()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _select(self, row: int) -> None:
        if self._refreshing:
            return
        previous = self._current
        self._current = row
        self._article_shown = None  # a question opens with the article at its citation
        self._next_session()
        if row != self._fresh:
            self._fresh = -1  # the teacher left the new question: show all it lacks
        if previous >= 0 and previous != row:
            self._apply_filter()  # the question left goes from the list if the filters now hide it
        if row < 0 or row >= len(self.draft.questions):
            self._show_source(self._article_key, [], asking=True)  # to ask about: a question comes of it
            if self.draft.questions and any(self.list.isRowHidden(i) for i in range(self.list.count())):
                empty = "No question matches the search or the filters."
            elif self.picker.article is not None:
                empty = (f"{'No question selected' if self.draft.questions else 'No questions yet'}. Select words in "
                         "the article (Article tab) and press Ask about it, or press Add to write a question.")
            else:
                empty = ("No question selected. Press Add to write one, or File > Add questions from article... to "
                         "generate some.")
            self.empty_label.setText(empty)
            self.form_stack.setCurrentIndex(1)
            self.preview.setText("")
            return
        self.form_stack.setCurrentIndex(0)
        self._show_question(row)
        self.form_scroll.verticalScrollBar().setValue(0)  # another question opens at its top (Id, Prompt)

    def _show_question(self, row: int) -> None:
        q = self.draft.question(row)
        self.form.load(q, list((self.draft.data.get("sources") or {}).keys()))
        self._show_field_problems()
        self._show_article(q)
        self.preview.setText(preview_text(q))

    def _show_article(self, q: QuestionData) -> None:
        cite = q.get("cite") if isinstance(q.get("cite"), dict) else {}
        sources = self.draft.data.get("sources") or {}
        quote = cite.get("quote")
        quotes = [str(x) for x in quote] if isinstance(quote, list) else ([str(quote)] if quote else [])
        self._show_source(cite.get("source") or (next(iter(sources)) if len(sources) == 1 else None), quotes)

    def _show_source(self, key: str | None, quotes: list[str], *, asking: bool = False) -> None:
        """Show the article of source `key` with `quotes` highlighted; `asking` (no question shown): the article
        shown last, else the bank's first, to select words in and ask about."""
        sources = self.draft.data.get("sources") or {}
        if asking and key not in sources:
            key = next(iter(sources), None)
        self._article_key = key
        src = sources.get(key) if key else None
        path = (self.draft.path.parent / str(src["file"])) if isinstance(src, dict) and src.get("file") else None
        title = str(src["title"]) if isinstance(src, dict) and src.get("title") else None
        # A bank of several articles: the question names none yet (a new one), or one it does not have.
        why_none = (f"Choose the article this question comes from in Source: {', '.join(sources)}."
                    if sources and not src and not asking else "")
        if (path, quotes, title, why_none, asking) == self._article_shown:
            return  # (an edit of the prompt, an answer, …: showing it again scrolled to the citation and unselected)
        self._article_shown = (path, quotes, title, why_none, asking)
        self.picker.show_article(path, quotes, title=title, why_none=why_none, citing=not asking)

    def ask_in_article(self) -> None:
        """Go to the article in the Article tab, the focus in it: select words (Shift and the arrow keys) and
        press Ask about it. Where a bank made to write one's own questions opens."""
        self._focus(self.picker)

    # --- edits from the form ----------------------------------------------------------

    def _field_edited(self, key: str, value: Any) -> None:
        if self._current >= 0:
            self.undo_stack.push(SetField(self.draft, self._changed, self._current, key, value,
                                          session=self._session))

    def _type_changed(self, kind: str) -> None:
        if self._current >= 0:
            self.undo_stack.push(ChangeType(self.draft, self._changed, self._current, kind,
                                            shown=self.form.text_of("answer")))

    def _citation_edited(self, source: str | None, quote: Any) -> None:
        if self._current >= 0:
            cite = self.draft.question(self._current).get("cite") or {}
            if cite.get("source") == source and cite.get("quote") == quote:
                return
            self.undo_stack.push(SetCitation(self.draft, self._changed, self._current,
                                             source=source, quote=quote, session=self._session))

    def _quote_picked(self, text: str) -> None:
        """The teacher selected text in the article and pressed Use as citation."""
        if self._current < 0:
            return
        cite = self.draft.question(self._current).get("cite") or {}
        self.undo_stack.push(SetCitation(self.draft, self._changed, self._current,
                                         source=cite.get("source"), quote=text,
                                         text="Use selection as citation"))

    def ask_about(self, start: int, end: int) -> None:
        """The teacher selected words in the article and pressed Ask about it: a question with them left out
        of their sentence, after the current one. A name's question comes with wrong answers to check, names
        of its kind from the same article (reading it takes a moment the first time)."""
        from quizapp.generate.selection import SelectionError, complete_name_question, question_from_selection

        article = self.picker.article
        if article is None:
            return
        several = len(self.draft.data.get("sources") or {}) > 1  # one source: cited without naming it
        try:
            q = question_from_selection(article, start, end, source=self._article_key if several else None)
        except SelectionError as exc:
            self.picker.show_note(str(exc))
            return
        if q["type"] != "choice":
            self._insert_asked(q)
            return
        path = article.path
        run_task(lambda _task: complete_name_question(path, q), parent=self,
                 title="Ask about it", label="Reading the article for wrong answers…",
                 on_success=self._insert_asked,
                 on_error=lambda _exc, _trace: self._insert_asked(q),
                 on_cancel=lambda: self._insert_asked(q))

    def _insert_asked(self, q: QuestionData) -> None:
        if not shiboken6.isValid(self):
            return  # the editor closed while the article was read
        q = dict(q, id=self.draft.unique_id(str(q["id"])))
        suggested = q.get("distractors")
        at = self._current + 1 if self._current >= 0 else len(self.draft.questions)
        # what the question lacks shows at once: wrong answers no name of the article could start
        self._fresh, self._revealed = at, {"distractors"} if q["type"] == "choice" and not suggested else set()
        self.undo_stack.push(InsertQuestion(self.draft, self._changed, at, q, "Ask about the selection",
                                            selected=self._current))
        self.run_check()
        notes = []
        if suggested:
            notes.append("The wrong answers are other names of the article: check that the article makes "
                         "each one false here, and change any it does not.")
        same = citing_the_same(self.picker.article, self.draft.questions, at) if self.picker.article else None
        if same:
            notes.append(f"Question {same} cites this sentence too: check the two do not ask the same thing.")
        if notes:
            self.picker.show_note(" ".join(notes))
        # a choice question still needs its wrong answers checked or written; a numeric one is whole, its
        # prompt worth a read
        self.form.focus_field("distractors" if q["type"] == "choice" else "prompt")

    # --- list actions -----------------------------------------------------------------

    def add_question(self) -> None:
        at = self._current + 1 if self._current >= 0 else len(self.draft.questions)
        self._fresh, self._revealed = at, set()
        self.undo_stack.push(InsertQuestion(self.draft, self._changed, at, self.draft.new_question(),
                                            selected=self._current))
        self.run_check()  # the questions after it moved: the last check's rows are stale
        self.form.focus_field("prompt")

    def duplicate_question(self) -> None:
        if self._current >= 0:
            self.undo_stack.push(InsertQuestion(self.draft, self._changed, self._current + 1,
                                                self.draft.duplicate_of(self._current),
                                                "Duplicate question", selected=self._current))

    def delete_question(self) -> None:
        if self._current >= 0:
            self.undo_stack.push(RemoveQuestion(self.draft, self._changed, self._current))

    def move_question(self, step: int) -> None:
        to = self._current + step
        if self._current >= 0 and 0 <= to < len(self.draft.questions):
            self.undo_stack.push(MoveQuestion(self.draft, self._changed, self._current, to))

    def _rows_dragged(self, _parent: Any, start: int, _end: int, _dest: Any, row: int) -> None:
        if self._refreshing:
            return
        to = row if row < start else row - 1
        # The list moved its item already; the command moves the data and redraws the list.
        QTimer.singleShot(0, lambda: self.undo_stack.push(
            MoveQuestion(self.draft, self._changed, start, to)))

    def add_article(self) -> None:
        path = self._choose_article("Add an article")
        if path is not None:
            missing = self.draft.missing_sources()
            key = self._change_sources("Add article", lambda probe: probe.add_source(path))
            if key in missing:  # a moved article, chosen where it is now: its source takes it
                self.say(f"The article of {key} was missing: it now reads {path.name}", 6000,
                         whole=f"The article of {key} was missing: it now reads {path}")

    def locate_article(self, key: str) -> None:
        """Point source `key` at its article's file where it is now; its citations are checked in it."""
        src = (self.draft.data.get("sources") or {}).get(key)
        name = Path(str(src.get("file"))).name if isinstance(src, dict) and src.get("file") else key
        path = self._choose_article(f"Locate {name}")
        if path is not None:
            self._change_sources("Locate article", lambda probe: probe.point_source(key, path))
            self.say(f"The article of {key} now reads {path.name}", 6000,
                     whole=f"The article of {key} now reads {path}")
            self._focus(self.list)

    def remove_article(self, key: str) -> None:
        """Remove a source that no question cites."""
        if not self.draft.citing(key):
            self._change_sources("Remove article", lambda probe: probe.remove_source(key))
            self._focus(self.list)

    def _choose_article(self, title: str) -> Path | None:
        """An article file from a file dialog opened where articles were last chosen (here or in the
        generate dialog: a teacher's articles are rarely in the banks folder)."""
        from quizapp.gui.generate_dialog import ARTICLE_FILTER, articles_folder, remember_articles_folder

        path, _ = QFileDialog.getOpenFileName(self, title, str(articles_folder(self.draft.path.parent)),
                                              ARTICLE_FILTER)
        if not path:
            return None
        remember_articles_folder(Path(path))
        return Path(path)

    def _change_sources(self, text: str, change: Any) -> Any:
        """Apply `change` (given a copy of the draft) to the bank's sources as one undoable step, and
        check the citations again at once; return what `change` returns."""
        probe = BankDraft(self.draft.path, _copy(self.draft.data))
        result = change(probe)
        self.undo_stack.push(ReplaceQuestions(self.draft, self._changed, probe.data, text))
        self.run_check()
        return result

    def add_questions(self, questions: list[QuestionData], sources: dict[str, Any]) -> None:
        """Append questions (from the generator or an import) as one undoable step."""
        probe = BankDraft(self.draft.path, _copy(self.draft.data))
        first = len(self.draft.questions)  # (added at the end: the first of them is shown)
        probe.add_questions(questions, sources)
        self.undo_stack.push(ReplaceQuestions(self.draft, self._changed, probe.data,
                                              f"Add {len(questions)} questions",
                                              select=(self._current, first)))

    def add_from_article(self) -> None:
        from quizapp.gui.generate_dialog import GenerateDialog

        # In text mode the form's data may be older than the text: questions added to it would
        # be lost on Check and continue, and the text's new sources not offered.
        if not self._go_on_from_text("Add questions from article"):
            return
        dialog = GenerateDialog(self, target_dir=self.draft.path.parent)
        if dialog.exec() and dialog.accepted_questions:
            self.add_questions(dialog.accepted_questions, dialog.accepted_sources)

    # --- checking ------------------------------------------------------------------------

    def run_check(self) -> None:
        self.check = self.draft.check()
        self._show_check()

    def _show_check(self) -> None:
        """Show the last check's problems: in the form's words on the form, the file's in text."""
        as_text = self.draft.broken_text is not None
        target = self.source_problems if as_text else self.problems
        target.clear()
        problems = self._shown_problems()
        for p in problems:
            where = _where(p, self.draft)
            item = QListWidgetItem(f"{'⚠' if p.is_error else 'ℹ'} {where}: "
                                   f"{p.message if as_text else p.for_form}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            target.addItem(item)
        if not problems:
            target.addItem("No problems.")
        if not as_text:
            self._fit_problems()
        if self._saved_with_problems and not (self.check and self.check.errors):
            if self._message_bar is not None and self._message_bar.currentMessage() == self._saved_with_problems:
                self._message_bar.clearMessage()  # the problems it counted are fixed
            self._saved_with_problems = ""
        if as_text:
            self._mark_problem_lines(problems)
        if not as_text:
            for i in range(self.list.count()):
                self._refresh_item(i)
            self._apply_filter()
            self._show_field_problems()
            self.source_repairs.show_sources(self._broken_sources())

    def _broken_sources(self) -> list[BrokenSource]:
        """The sources whose article file the last check could not read."""
        out = []
        sources = self.draft.data.get("sources") or {}
        for p in self.check.problems if self.check is not None else []:
            if not (len(p.loc) == 3 and p.loc[0] == "sources" and p.loc[2] == "file" and p.loc[1] in sources):
                continue
            key = str(p.loc[1])
            cited = tuple(self.draft.citing(key))
            src = sources[key]
            file = self.draft.path.parent / str(src.get("file")) if isinstance(src, dict) else None
            if file is not None and not file.is_file():
                message = f"The article {Path(str(src['file'])).name} was not found (looked for {file})."
            else:
                message = p.for_form
            message += (f" Question{'s' if len(cited) > 1 else ''} {', '.join(map(str, cited))} "
                        f"cite{'' if len(cited) > 1 else 's'} it: locate its file." if cited else
                        " No question cites it: locate its file, or remove it.")
            out.append(BrokenSource(key, message, cited))
        return out

    def _shown_problems(self) -> list[Problem]:
        """The check's problems, but those of a question just added only for the fields the
        teacher has left: an empty new question does not open with a row of errors."""
        if self.check is None:
            return []
        return [p for p in self.check.problems if _question_of(p) != self._fresh
                or _field_of(p.loc, self.form.errors) in self._revealed]

    def _next_session(self) -> None:
        self._session += 1

    def _field_left(self, key: str) -> None:
        self._next_session()
        if self._fresh >= 0 and self._fresh == self._current and key not in self._revealed:
            self._revealed.add(key)
            self._show_check()

    def _reveal_all(self) -> None:
        if self._fresh >= 0:
            self._fresh = -1
            self.run_check()  # now, not after the typing pause: it is what is being saved

    def _show_field_problems(self) -> None:
        by_field: dict[str, list[str]] = {}
        strays: list[UnknownKey] = []
        if self.check is not None and self._current >= 0:
            q = self.draft.question(self._current)
            unknown = unknown_keys(q)
            for p in self._shown_problems():
                if _question_of(p) != self._current:
                    continue
                path = tuple(str(part) for part in p.loc[2:])
                if path in unknown:
                    like = unknown[path]
                    if like and form_ask(like) and _value_at(q, (*path[:-1], like)) is None:
                        # The key it resembles is missing: its field is empty, and says why ("Add at
                        # least one wrong answer" for `distractors`, which `distractor` misspells).
                        field = _field_of((*p.loc[:-1], like), self.form.errors)
                        by_field.setdefault(field, []).append(f"{form_ask(like)}. {p.message}")
                    if like and self.draft.with_key_renamed(self._current, path, like) is None:
                        like = None  # `like` holds another value: renaming would lose it
                    strays.append(UnknownKey(path, _value_at(q, path), p.message, like))
                else:
                    by_field.setdefault(_field_of(p.loc, self.form.errors), []).append(p.for_form)
        self.form.show_problems(by_field)
        self.form.show_unknown_keys(strays)

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        p = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(p, Problem):
            self._go_to(p)

    def _go_to(self, p: Problem) -> None:
        """Select the question of problem `p` and put the cursor on the field to fix."""
        index = _question_of(p)
        if index is not None:
            self.list.setCurrentRow(index)
            path = tuple(str(part) for part in p.loc[2:])
            if path in unknown_keys(self.draft.question(index)):
                self.form.focus_field(path)
            else:
                self.form.focus_field(_field_of(p.loc, self.form.errors))
            focused = QApplication.focusWidget()
            if focused is not None and self.form.isAncestorOf(focused):
                self.form_scroll.ensureWidgetVisible(focused)
        elif p.loc[:1] == ("title",):
            self.title_edit.setFocus()
        elif p.loc[:1] == ("sources",) and len(p.loc) > 1:
            self.source_repairs.focus_source(str(p.loc[1]))

    def _rename_key(self, path: tuple[str, ...], new: str) -> None:
        """The fix of a misspelt key: `distractor` becomes `distractors`, its values kept."""
        q = self.draft.with_key_renamed(self._current, path, new)
        if q is not None:
            self.undo_stack.push(SetQuestion(self.draft, self._changed, self._current, q,
                                             f"Rename {path[-1]} to {new}"))
            self.run_check()
            self.form.focus_field(new if new in self.form.widgets else "id")

    def _remove_key(self, path: tuple[str, ...]) -> None:
        self.undo_stack.push(SetQuestion(self.draft, self._changed, self._current,
                                         self.draft.without_key(self._current, path),
                                         f"Remove {path[-1]}"))
        self.run_check()
        self._focus(self.list)

    def edit_as_text(self) -> None:
        """Edit the whole bank as YAML text, for what the form cannot fix; Check and continue
        goes back to the form."""
        if self.draft.broken_text is not None:
            return
        # Unchanged, the file's own text (with its comments); else what saving would write.
        text = self.draft.disk_text if self.undo_stack.isClean() and self.draft.disk_text else \
            self.draft.text()
        self._data_before_text = _copy(self.draft.data)
        self._fresh = -1  # the text shows every problem, a new question's too
        self.draft.broken_text = text
        self.source_edit.setPlainText(text)
        self._show_text_page("The bank as YAML text. Edit it, then press Check and continue to go "
                             "back to the form.")
        self.run_check()
        self._go_to_first_line()

    def _text_edited(self) -> None:
        """While the bank is edited as text, the title marks unsaved text at once, and the problems are
        checked again after a pause in typing: a line fixed loses its tint, a new mistake gets one."""
        if self.draft.broken_text is None:
            return  # (the form's page is shown)
        self._update_title()
        self._text_check_timer.start()

    def _check_text(self) -> None:
        text = self.source_edit.toPlainText()
        if self.draft.broken_text is not None and self.draft.broken_text != text:
            self.draft.broken_text = text  # what the check reads; Check and continue reads the text too
            self.run_check()

    def _go_to_line(self, item: QListWidgetItem) -> None:
        p = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(p, Problem) and p.line:
            self._go_to_line_of(p)
            self.source_edit.setFocus()

    def _go_to_first_line(self) -> None:
        """In the text, the cursor on the first problem's line, as clicking that problem puts it: a file
        that does not read opens where it goes wrong, not at its top. A window not shown yet centres it
        once it has its size (`showEvent`)."""
        first = next((p for p in self.check.problems if p.line), None) if self.check else None
        if first is not None:
            self._go_to_line_of(first)
            self._center_when_shown = not self.isVisible()
        self.source_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._center_when_shown:
            self._center_when_shown = False
            # After the layout gives the text its height: centred in the default size, the line could
            # end up below the bottom edge.
            QTimer.singleShot(0, self, self.source_edit.centerCursor)

    def _go_to_line_of(self, p: Problem) -> None:
        block = self.source_edit.document().findBlockByNumber((p.line or 1) - 1)
        cursor = self.source_edit.textCursor()
        cursor.setPosition(block.position() + max(0, (p.column or 1) - 1))
        self.source_edit.setTextCursor(cursor)
        self.source_edit.centerCursor()

    def _mark_problem_lines(self, problems: list[Problem]) -> None:
        """Tint the lines of the text that the problems name, as a code editor marks its errors."""
        tint = QColor(verdict_color("wrong", self.source_edit.palette()))
        tint.setAlpha(55)
        marks = []
        for p in problems:
            if not p.line:
                continue
            mark = QTextEdit.ExtraSelection()
            look = QTextCharFormat()
            look.setBackground(tint)
            look.setProperty(QTextFormat.Property.FullWidthSelection, True)
            mark.format = look
            mark.cursor = QTextCursor(self.source_edit.document().findBlockByNumber(p.line - 1))
            marks.append(mark)
        self.source_edit.setExtraSelections(marks)

    def apply_source_text(self) -> bool:
        """Re-read the text (a broken file, or the bank edited as text); go on in the form when it parses."""
        text = self.source_edit.toPlainText()
        before, self._data_before_text = self._data_before_text, None
        if self.draft.apply_text(text):
            disk = self.draft.disk_text
            self._show_form_page()
            if before is None:
                self._refresh_list(0)
                # The text differs from the file: there is something to save.
                self.undo_stack.push(ReplaceQuestions(self.draft, self._changed, self.draft.data,
                                                      "Fix file text"))
            elif self.draft.data != before:
                after, self.draft.data = self.draft.data, before
                self.undo_stack.push(ReplaceQuestions(self.draft, self._changed, after,
                                                      "Edit as text"))
            else:
                self._refresh_list(self._current)
                if self.draft.lost_comments(elsewhere=True):
                    # Only a comment was typed: the data is the same, but closing must still offer to
                    # save (and saving names the comment).
                    self.undo_stack.resetClean()
                self._update_title()  # (the "*" of the text typed goes when nothing is left to save)
            self.run_check()
            self.draft.disk_text = disk
            return True
        self._data_before_text = before
        self.run_check()
        return False

    def _go_on_from_text(self, title: str) -> bool:
        """Before an action on the whole bank: in text mode the text is the bank, so go on from it
        (back in the form) when it parses; when it does not, say where, and stay in the text."""
        if self.draft.broken_text is None or self.apply_source_text():
            return True
        first = next((p for p in self.check.errors if p.line), None) if self.check else None
        what = (f"Line {first.line}: {first.message}." if first is not None else
                "The text still has a YAML syntax error.")
        QMessageBox.warning(self, title, f"{what}\n\nFix it first (see the problems list); nothing "
                            "has been lost.")
        if first is not None:
            self._go_to_line_of(first)
        return False

    # --- saving ---------------------------------------------------------------------

    def save(self) -> bool:
        self._reveal_all()
        if not self._go_on_from_text("Cannot save yet"):
            return False
        if self.installed:
            return self.save_as()
        if not self._layout_losses_accepted():
            return False
        return self._write(None)

    def _layout_losses_accepted(self, *, elsewhere: bool = False) -> bool:
        """Before a save that drops comments (of the file, or typed in its text) or a hand-written key
        order: name them and ask, once for each. `elsewhere`: a save to another file, which leaves this
        one, comments and all, as it is."""
        losses = self.draft.layout_losses(elsewhere=elsewhere)
        if not losses:
            return True
        comments = bool(self.draft.lost_comments(elsewhere=elsewhere))
        instead = ("Choose No to go back to the editor." if elsewhere else
                   "Choose No to keep the file as it is and save your changes with Save As instead.")
        answer = QMessageBox.question(
            self, "Comments will be lost" if comments else "The layout will change",
            "This file was written by hand. The editor saves it in quizapp's standard layout (lists "
            "one item a line, keys in a set order), so saving here does not keep " + " or ".join(losses)
            + ".\n\nSave anyway? " + instead,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)  # Enter keeps them: losing a note takes a choice, not a reflex
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.draft.accept_layout_losses()
        return True

    def save_as(self) -> bool:
        title, default = "Save bank as", self.draft.path
        if self.installed:
            title, default = "Save a copy in your banks folder", user_banks_dir() / self.draft.path.name
            with contextlib.suppress(OSError):  # the dialog still lets them pick another folder
                default.parent.mkdir(parents=True, exist_ok=True)
        path, _ = QFileDialog.getSaveFileName(self, title, str(default), "Question banks (*.yaml *.yml)")
        if not path:
            return False
        if self.installed and (is_installed(Path(path))
                               or Path(path).resolve().parent == self.draft.path.resolve().parent):
            QMessageBox.warning(self, title, "That folder belongs to quizapp's installation. Choose "
                                "another one, such as your banks folder.")
            return False
        if not path.endswith((".yaml", ".yml")):
            path += ".yaml"
        if not self._layout_losses_accepted(elsewhere=Path(path).resolve() != self.draft.path.resolve()):
            return False
        # A copy of a bundled bank takes its articles along: the installation may move.
        return self._write(Path(path), with_articles=self.installed)

    def _write(self, path: Path | None, *, with_articles: bool = False) -> bool:
        self.watcher.removePaths(self.watcher.files())
        try:
            # Articles kept in the data folder (pasted text, fetched pages) go along with a bank saved
            # elsewhere, which may be moved or shared without that folder.
            taken = self.draft.save(path, with_articles=with_articles, articles_from=[user_data_dir()])
        except DraftError as exc:
            QMessageBox.critical(self, "Could not save", str(exc))
            self._watch()
            return False
        self.undo_stack.setClean()
        self.disk_bar.hide()  # what was on disk is replaced by what was saved: nothing left to choose
        self.installed = False  # from now on it edits the copy
        self.installed_bar.hide()
        self._watch()
        self._update_title()
        self._show_sources()  # Save As and a copy point at the articles from the new folder
        self.run_check()  # what was saved, problems and all: nothing typed is held back
        errors = len(self.check.errors) if self.check is not None else 0
        # The file's name first, in a few words that fit the bar at a large text on a small screen; the whole path
        # and the why in the tooltip.
        saved, whole = f"Saved {self.draft.path.name}", f"Saved {self.draft.path}"
        if taken:
            saved += f", {', '.join(p.name for p in taken)} copied beside it"
            whole += taken_along(taken)
        if errors:  # saved as it is, but say what stops the bank from being used (until they are fixed)
            problems = f"{errors} problem{'s' if errors != 1 else ''}"
            self._saved_with_problems = f"{saved}, with {problems}: it cannot be started until they are fixed"
            self.say(self._saved_with_problems, whole=f"{whole}, with {problems}: the bank cannot be "
                     "started until they are fixed (see the list below)")
        else:
            self.say(saved, 0 if taken else 4000, whole=whole)
        self.saved.emit(self.draft.path)
        return True

    # --- exporting ------------------------------------------------------------------

    def export(self) -> None:
        """File > Export...: the bank as edited, saved first; a bank with errors or no questions is not exported."""
        from quizapp.gui.interop import export_bank_dialog

        self._reveal_all()
        if not self._go_on_from_text("Cannot export yet"):
            return
        self.run_check()  # the bank as it is now, not as it was at the last pause in typing
        errors = self.check.errors if self.check is not None else []
        if errors or not self.draft.questions:
            self._say_not_exported(errors)
            return
        # The export is made from the saved file: exported unsaved, a Moodle or Anki copy could hold questions
        # that no bank file has, once the changes are discarded; exported as last saved, not what is on screen.
        if self.is_dirty() and not self._saved_for_export():
            return
        if self.check is not None and self.check.loaded is not None:
            export_bank_dialog(self, self.check.loaded)

    def _say_not_exported(self, errors: list[Problem]) -> None:
        """Why File > Export... exports nothing: the errors (the cursor then goes to the first), or no questions."""
        title = self.draft.data.get("title") or self.draft.path.name
        if errors:
            n, first = len(errors), errors[0]
            which = "an error, in" if n == 1 else f"{n} errors. The first, in"
            text = (f"“{title}” cannot be exported: it has {which} {_where(first, self.draft)}: "
                    f"{first.for_form.rstrip('.')}.\n\nFix {'it' if n == 1 else 'them'} (the problems are listed "
                    "at the bottom), then export.")
        else:
            text = f"“{title}” has no questions yet: nothing to export. Add some with New question or Ask about it."
        box = QMessageBox(QMessageBox.Icon.Warning, "Cannot export", text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        if errors:
            self._go_to(errors[0])

    def _saved_for_export(self) -> bool:
        """Ask to save the changes before exporting, and save them; False when not saved."""
        where = ("as a copy in your banks folder" if self.installed else f"to {self.draft.path.name}")
        answer = ask(self, "Unsaved changes", f"The export is made from the saved bank. Save the changes {where} "
                     "and export?", {QMessageBox.StandardButton.Save: "&Save and export",
                                     QMessageBox.StandardButton.Cancel: "&Cancel"},
                     QMessageBox.StandardButton.Save)
        return answer == QMessageBox.StandardButton.Save and self.save()

    # --- changes on disk ------------------------------------------------------------

    def _watch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        if self.draft.path.exists():
            self.watcher.addPath(str(self.draft.path))

    def _file_changed_on_disk(self, _path: str) -> None:
        # Editors and sync tools replace files in steps: look once things have settled.
        QTimer.singleShot(200, self._look_at_disk)

    def _look_at_disk(self) -> None:
        path = self.draft.path
        self._watch()
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            text = None
        if text is not None and text == self.draft.disk_text:
            return
        if text is None:
            self.disk_label.setText(f"{path.name} was removed or cannot be read. Save to write "
                                    "your version again.")
        elif not self.is_dirty():
            self.reload_from_disk()
            self.say(f"{path.name} changed on disk and was reloaded", 6000)
            return
        else:
            self.disk_label.setText(f"{path.name} changed on disk. Reload it and lose your "
                                    "unsaved changes, or keep your version (saving will replace "
                                    "the file).")
        self.disk_bar.show()

    def reload_from_disk(self) -> None:
        try:
            draft = BankDraft.open(self.draft.path)
        except DraftError as exc:
            QMessageBox.warning(self, "Cannot reload", str(exc))
            return
        self._open_draft(draft)

    def keep_mine(self) -> None:
        try:
            self.draft.disk_text = self.draft.path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            self.draft.disk_text = None
        self.undo_stack.resetClean()  # ours differs from the disk now: there is something to save
        self.disk_bar.hide()
        self._update_title()

    # --- closing --------------------------------------------------------------------

    def maybe_close(self) -> bool:
        """Ask to save unsaved changes; False when the teacher cancels."""
        if not self.is_dirty():
            return True
        where = (f"as a copy in your banks folder ({self.draft.path.name} comes with quizapp "
                 "and is not changed)" if self.installed else f"to {self.draft.path.name}")
        answer = ask_to_save(self, where)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_close():
            self.watcher.removePaths(self.watcher.files())
            event.accept()
        else:
            event.ignore()


_open_editors: list[BankEditor] = []


def taken_along(articles: list[Path]) -> str:
    """What a save says of the articles it copied beside the bank: " and its article x.md beside it, …"."""
    names = ", ".join(p.name for p in articles)
    return (f" and its article{'s' if len(articles) != 1 else ''} {names} beside it, so that it can be moved "
            "or shared with what it cites")


def ask_to_save(parent: QWidget, where: str) -> QMessageBox.StandardButton:
    """Ask whether to save the changes `where` ("to mali.yaml"): Save, Discard or Cancel."""
    return ask(parent, "Unsaved changes", f"Save the changes {where}?",
               {QMessageBox.StandardButton.Save: "&Save", QMessageBox.StandardButton.Discard: "&Discard",
                QMessageBox.StandardButton.Cancel: "&Cancel"}, QMessageBox.StandardButton.Save)


def open_editor(path: str | Path, parent: QWidget | None = None, *,
                installed: bool | None = None) -> BankEditor | None:
    """Show the editor for `path`, raising the one already open; None (with a message) on failure.

    A bank of the app's installation (`installed`, by default told from its folder) is saved
    as a copy in the user's banks folder."""
    target = Path(path).resolve()
    for editor in list(_open_editors):
        if not shiboken6.isValid(editor):
            _open_editors.remove(editor)
        elif editor.draft.path.resolve() == target:
            editor.show()
            editor.raise_()
            editor.activateWindow()
            return editor
    try:
        editor = BankEditor.open_file(target, installed=is_installed(target) if installed is None
                                      else installed)
    except DraftError as exc:
        QMessageBox.warning(parent, "Cannot open the bank", str(exc))
        return None
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    place_over(editor, parent)  # (where the window manager puts it, its bottom may be past the screen's)
    _open_editors.append(editor)
    editor.destroyed.connect(lambda *_a, e=editor: _open_editors.remove(e) if e in _open_editors else None)
    editor.show()
    return editor


def open_editors() -> list[BankEditor]:
    """The editor windows now open (for the main window's quit guard)."""
    return [e for e in _open_editors if shiboken6.isValid(e) and e.isVisible()]


def preview_text(q: QuestionData) -> str:
    """The question as a student sees it, with the right answer marked."""
    lines = [str(q.get("prompt") or "(no prompt yet)"), ""]
    if q.get("type") == "numeric":
        unit = f" {q['unit']}" if q.get("unit") else ""
        lines.append(f"[ answer field ]{unit}")
        lines.append("")
        answer = f"Right answer: {q.get('answer')}{unit}"
        if q.get("tolerance") not in (None, 0):
            answer += f" (± {q['tolerance']})"
        if q.get("min") is not None or q.get("max") is not None:
            answer += f" (from {q.get('min', '…')} to {q.get('max', '…')})"
        lines.append(answer)
    else:
        options = [str(q.get("answer") or "")] + [str(d) for d in q.get("distractors") or []]
        for n, option in enumerate(options, 1):
            mark = "  ✓ right answer" if n == 1 else ""
            lines.append(f"{n}. {option}{mark}")
        lines.append("")
        lines.append("(The app shuffles the choices.)")
    cite = q.get("cite") if isinstance(q.get("cite"), dict) else {}
    if cite.get("quote"):
        quote = cite["quote"] if isinstance(cite["quote"], str) else " … ".join(cite["quote"])
        lines += ["", "Proof shown after the answer:", quoted(quote)]
    return "\n".join(lines)


class LeastTallSplitter(QSplitter):
    """A splitter that asks no more height than its least, and takes what room the page has.

    The page it is in scrolls where it does not fit; a line that wraps above it (the bar of a draft, of a missing
    article) made the page ask for the panes' preferred height, and scroll at 800x600, its buttons out of sight.
    """

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())


def _line(*widgets: QWidget, stretch: QWidget) -> QWidget:
    """`widgets` side by side in a widget of their own, `stretch` taking the room left."""
    line = QWidget()
    layout = QHBoxLayout(line)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w, 1 if w is stretch else 0)
    return line


def _question_of(p: Problem) -> int | None:
    """The index of the question a problem is in, or None for the bank's own problems."""
    if len(p.loc) >= 2 and p.loc[0] == "questions" and isinstance(p.loc[1], int):
        return p.loc[1]
    return None


def _field_of(loc: tuple[str | int, ...], fields: dict[str, Any]) -> str:
    """The form field that shows a problem at `loc` in a question (the id when none fits)."""
    key = str(loc[2]) if len(loc) > 2 else "id"
    if key == "cite":
        key = "source" if len(loc) > 3 and loc[3] == "source" else "quote"
    return key if key in fields else "id"


def _value_at(q: QuestionData, path: tuple[str, ...]) -> Any:
    value: Any = q
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _where(p: Problem, draft: BankDraft) -> str:
    index = _question_of(p)
    if index is not None and draft.broken_text is not None and p.line:
        return f"line {p.line} (question {index + 1})"  # the text mode shows lines
    if index is not None:
        return f"question {index + 1}"
    if p.line:  # file:line:col, as the library and `quizapp validate` write it
        return f"{draft.path.name}:{p.line}" + (f":{p.column}" if p.column else "")
    return draft.path.name


def _copy(data: dict[str, Any]) -> dict[str, Any]:
    import copy

    return copy.deepcopy(data)
