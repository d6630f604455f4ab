"""The library screen: the banks one can start, and the ones with errors listed with them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QShowEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.percent import format_percent, round_percent
from quizapp.gui.bank_watch import BankWatch, Stamps, check_stamped
from quizapp.gui.reflow import ScrolledPage, TurningSplitter, WrappingRow
from quizapp.gui.scores import BankScores, PartScore, ScoreBook
from quizapp.gui.widgets import FocusOutline, WrappedRowsList, breakable, plain_label, scale_font
from quizapp.paths import BANK_SUFFIXES

if TYPE_CHECKING:  # the bank loader (pydantic) is imported when the banks load, off the GUI thread
    from quizapp.core.bank import BankCheck
    from quizapp.core.history import HistoryStore, SessionRecord
    from quizapp.core.study import DueCount

SETTINGS_KEY = "library/banks"
# A bank's row is at most this many lines: where its title and status need more (the largest text, a title
# with a web address), it shows the title on two lines and the start of the status, and the details the rest.
ROW_LINES = 3
# The list beside the details from this width (in characters) up; below it (the largest text on a small screen)
# the details go under the list, and the list's rows have the whole width for the banks' titles.
SIDE_BY_SIDE_CHARS = 60
# The resume message keeps this many characters a line beside its buttons; narrower, the buttons go under it.
RESUME_TEXT_CHARS = 40
LINE_SEPARATOR = "\u2028"
NO_QUESTIONS = "No questions yet: a quiz can start once it has some. Press Edit bank… to write them."
NOTHING_TO_EXPORT = "No questions yet: nothing to export. Press Edit bank… to write some."


def cannot_export(errors: int) -> str:
    """Why a bank with `errors` is not exported, for the status line: "2 errors: cannot be exported until …"."""
    return (f"{errors} error{'s' if errors != 1 else ''}: cannot be exported until "
            f"{'it is' if errors == 1 else 'they are'} fixed. Press Edit bank… to fix "
            f"{'it' if errors == 1 else 'them'}.")


def remembered_banks() -> list[Path]:
    """The bank files opened before, as remembered in QSettings."""
    value = QSettings().value(SETTINGS_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [Path(v) for v in value or [] if v]


def remember_banks(paths: list[Path]) -> None:
    QSettings().setValue(SETTINGS_KEY, [str(p) for p in paths])


def percent(value: float | None) -> str:
    return "–" if value is None else format_percent(value)


def history_scores(store: HistoryStore, sizes: dict[str, int] | None = None) -> dict[str, BankScores]:
    """Last and best percentage of each bank's finished quizzes on all its questions, and the latest quiz
    on part of it taken since (a retry of mistakes, a few questions), from the history, by bank key.

    `sizes` (questions per bank key) tells the part of a quiz stored before its scope was: one that
    asked fewer questions than the bank has now."""
    rows = store.db.execute(
        "SELECT s.bank_key, s.scope, json_array_length(s.plan), coalesce(t.points, 0) FROM sessions s "
        "LEFT JOIN (SELECT session_id, sum(points) AS points FROM answers GROUP BY session_id) t "
        "ON t.session_id = s.id "
        "WHERE s.kind = 'quiz' AND s.finished_at IS NOT NULL AND s.abandoned = 0 AND s.bank_key IS NOT NULL "
        "ORDER BY s.finished_at").fetchall()
    sizes = sizes or {}
    out: dict[str, BankScores] = {}
    for key, scope, planned, points in rows:
        if not planned:
            continue
        size = sizes.get(key)
        if scope is None:
            scope = "some" if size is not None and planned < size else "all"
        old = out.get(key, BankScores())
        if scope == "all":
            pct = round_percent(100.0 * points / planned)
            out[key] = BankScores(pct, pct if old.best is None else max(old.best, pct))
        else:
            count = old.part.count + 1 if old.part else 1
            out[key] = replace(old, part=PartScore(scope == "retry", points, planned, size, count))
    return out


def score_text(scores: BankScores) -> str:
    """The scores of a bank as its details show them: of quizzes on all its questions, then the last on part
    of it taken since ("Last score: 61% · Best: 61%\nSince then, a retry of 8 mistakes: 8 / 8 points (100%)"),
    and how many there were when more than one (an earlier one is not forgotten without a word)."""
    part = scores.part
    if part is None:
        return "Not taken yet" if scores.last is None else \
            f"Last score: {percent(scores.last)} · Best: {percent(scores.best)}"
    if scores.last is None:
        what = part.describe() if part.count == 1 else f"last: {part.describe()}; {part.count} quizzes so far"
        return f"Not taken whole yet · {what}"
    since = part.describe() if part.count == 1 else f"{part.count} quizzes on part of it; last: {part.describe()}"
    return f"Last score: {percent(scores.last)} · Best: {percent(scores.best)}\nSince then, {since}"


def can_start(check: BankCheck | None) -> bool:
    """Whether a quiz or a study session can start on the bank: it loads and has questions. A bank of none
    (made to write one's own questions about its article) is listed, to edit."""
    return check is not None and check.loaded is not None and bool(check.loaded.bank.questions)


def _is_draft(check: BankCheck) -> bool:
    from quizapp.core.model import is_draft

    return check.loaded is not None and is_draft(check.loaded.bank)


def study_line(due: DueCount | None) -> str:
    """What a bank has to study today, for the library: "0 due now · 3 due later today · 2 new for study
    today" (what Statistics counts as due today is the first two together)."""
    if due is None:
        return ""
    from quizapp.core.study import due_text  # (loaded with the counts: not at start-up)

    if not due.total:
        return f"Nothing to study now · {due.later} due later today" if due.later else "Nothing due for study today"
    return f"{due_text(due.due, due.later)} · {due.new} new for study today"


def wrapped_lines(text: str, width: int, font: QFont) -> list[str]:
    """`text` in the lines it wraps to in `width` pixels, between words (and where a zero-width break allows)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    lines = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def first_lines(text: str, count: int, width: int, metrics: QFontMetrics, font: QFont) -> str:
    """`text` as far as `count` lines of `width` hold it, the last line ending in "…" where more is left out."""
    lines = wrapped_lines(text, width, font)
    if len(lines) <= count:
        return text
    rest = "".join(lines[count - 1:]).strip()
    return "".join(lines[:count - 1]) + metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)


def first_parts(status: str, count: int, width: int, metrics: QFontMetrics, font: QFont) -> str:
    """A status line ("18 questions · last 61% · 4 due now") with the parts that fit in `count` lines, and "…"
    for the rest; its first part cut short where even that does not fit."""
    parts = status.split(" · ")
    for n in range(len(parts), 0, -1):
        shown = " · ".join(parts[:n]) + ("" if n == len(parts) else " …")
        if len(wrapped_lines(shown, width, font)) <= count:
            return shown
    return first_lines(status, count, width, metrics, font)


class BankRows(QStyledItemDelegate):
    """Draws a bank's row with a word wider than the list broken where its line ends, not cut off at the right,
    and in at most ROW_LINES lines.

    At the largest text a title's long word or a file name ("(helicopter_collision_2019.yaml)") is wider than
    the list at 800x600: the list wrapped the row between words only, and the word ran out of sight (and
    the list scrolled sideways). Wrapped whole, a row with a web address in its title took nine lines, taller
    than the list. The row's tooltip has its whole text, and the details pane all that the row leaves out.
    """

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _width(self) -> int:
        """A row's width: the list's, less the spacing round it."""
        return max(1, self.view.viewport().width() - 2 * self.view.spacing())

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        room = QStyleOptionViewItem(option)
        room.rect = QRect(0, 0, self._width(), max(1, option.rect.height()))
        style = self.view.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, room, self.view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        option.text = self.shown(option.text, max(1, text.width() - 2 * margin), option.fontMetrics, option.font)

    @staticmethod
    def shown(text: str, width: int, metrics: QFontMetrics, font: QFont) -> str:
        """A row's text (its title, a line break, its status) as it fits `width`: long words broken, at most
        ROW_LINES lines."""
        # (the item's "\n" comes here as the Unicode line separator, as Qt draws it)
        title, _, status = (breakable(part, width, metrics) for part in text.partition(LINE_SEPARATOR))
        title_lines = len(wrapped_lines(title, width, font))
        status_lines = len(wrapped_lines(status, width, font)) if status else 0
        if title_lines + status_lines <= ROW_LINES:
            return f"{title}{LINE_SEPARATOR}{status}" if status else title
        title = first_lines(title, ROW_LINES - 1 if status else ROW_LINES, width, metrics, font)
        if not status:
            return title
        room = ROW_LINES - len(wrapped_lines(title, width, font))
        return f"{title}{LINE_SEPARATOR}{first_parts(status, room, width, metrics, font)}"

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # As tall as its lines wrap at the row's width, where it is drawn: the list lays its rows out at a width
        # a little wider, where a row with an icon took a line less than it is drawn in, and lost its last line.
        option = QStyleOptionViewItem(option)
        option.rect = QRect(option.rect.topLeft(), QSize(self._width(), max(1, option.rect.height())))
        hint = super().sizeHint(option, index)
        return QSize(min(hint.width(), self._width()), hint.height())


class BankList(WrappedRowsList):
    """The list of banks, with room for two whole rows however tall its rows are at its width and text size.

    At the largest text on a small screen the list got what the rest left it: a line, half a bank's title.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(2, parent)


class BankSplitter(TurningSplitter):
    """The list and the details, side by side or one above the other, asking no more height than their least.

    In the library's scrolled page they take what room the window has: a page that asked for the details'
    every line scrolled at a middle text size, with the banner half out of sight, where all of it fitted.
    """

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())


class LibraryScreen(QWidget):
    """Lists bundled and opened banks; emits `start_requested(LoadedBank)`."""

    start_requested = Signal(object)
    open_requested = Signal()
    edit_requested = Signal(object)  # the Path of the bank to edit
    new_requested = Signal()  # a new bank from an article
    study_requested = Signal(object)  # the LoadedBank to study
    resume_requested = Signal(str)  # the id of the unfinished session to resume
    discard_requested = Signal(str)
    articles_dropped = Signal(list)  # article files dropped on the library: a new bank from them
    import_requested = Signal(object)  # the Path of a file of questions to import, dropped on the library
    loaded = Signal()  # the list is filled

    def __init__(self, *, bundled_dir: Path, scores: ScoreBook, extra: list[Path] | None = None,
                 history: Callable[[], HistoryStore | None] | None = None,
                 new_per_day: Callable[[], int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundled_dir = bundled_dir
        self.scores = scores
        self.history = history or (lambda: None)
        self.new_per_day = new_per_day
        self.due: dict[str, DueCount] = {}  # by bank key, as of the last fill
        self.best: dict[str, BankScores] = {}  # from the history, by bank key
        self.resume_id: str | None = None
        self.history_problem: str | None = None  # why answers cannot be kept, when they cannot
        self.checks: list[BankCheck] = []  # in list order
        self.loading = False
        self._pending_select: Path | None = None
        self._note = ""  # what the last action did, said before the status once the list is refilled
        # The banks removed from the list and their places in it, the last removed last: Ctrl+Z puts them back
        # one by one, for as long as the app runs.
        self._removed: list[tuple[Path, int]] = []
        # After Remove from list (its button is hidden while the list refills) and its undo, the focus goes
        # back to the list: Enter starts the bank selected, not whatever button came next.
        self._focus_list_on_fill = False
        # A bank saved in a text editor (or an article it cites) is checked again, as the details promise.
        self.watch = BankWatch(self)
        self.watch.changed.connect(self._changed_on_disk)
        self._look_again = False  # a change seen while the banks were being checked: looked at once they are in
        self.setAcceptDrops(True)
        self._build()
        if extra:  # given on the command line: remembered, and the first selected, as if opened with Open bank…
            self._remember([Path(p) for p in extra])
            self._pending_select = Path(extra[0]).resolve()

    # layout

    def _build(self) -> None:
        title = plain_label("Question banks")
        scale_font(title, 1.5, bold=True)
        self.open_button = QPushButton("&Open bank…")
        self.open_button.setAccessibleName("Open bank")
        self.open_button.setToolTip("Open a question bank file (Ctrl+O); you can also drop .yaml files here")
        self.open_button.clicked.connect(self.open_requested)
        self.new_button = QPushButton("&New from article…")
        self.new_button.setAccessibleName("New bank from article")
        self.new_button.setToolTip("Generate a bank of questions from a news article")
        self.new_button.clicked.connect(self.new_requested)
        # The title beside its buttons where there is room; at the largest text on a small screen the buttons
        # go below it, rather than cut it to "Question ba".
        head = WrappingRow()
        head.add(title)
        head.add_stretch()
        head.add(self.new_button)
        head.add(self.open_button)

        self.list = BankList()
        self.list.setAccessibleName("Question banks")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setItemDelegate(BankRows(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # (rows wrap to its width)
        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemActivated.connect(lambda _item: self.start_current())
        # Its selected row is as blue without the focus as with it: the frame tells where Tab went.
        self._outline = FocusOutline(self.list)

        self.name = plain_label(wrap=True)
        scale_font(self.name, 1.3, bold=True)
        self.description = plain_label(wrap=True)
        self.counts = plain_label(wrap=True)
        self.sources = plain_label(wrap=True)
        self.score_line = plain_label(wrap=True)
        self.file_line = plain_label(wrap=True)
        self.file_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label = plain_label("Problems:")
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("Problems of the bank")
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.problems_label.setBuddy(self.problems)
        self.start_button = QPushButton("&Start quiz…")
        self.start_button.setAccessibleName("Start quiz")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_current)
        self.study_line = plain_label(wrap=True)
        self.study_line.setAccessibleName("Due for study")
        self.study_button = QPushButton("Stud&y")
        self.study_button.setAccessibleName("Study due questions")
        self.study_button.setToolTip("Spaced repetition: the questions due now, then new ones (Ctrl+D)")
        self.study_button.clicked.connect(self.study_current)
        self.remove_button = QPushButton("Re&move from list")  # Alt+R is Resume
        self.remove_button.setAccessibleName("Remove bank from list")
        self.remove_button.clicked.connect(self.remove_current)
        self.edit_button = QPushButton("Ed&it bank…")  # Alt+E opens the Edit menu
        self.edit_button.setAccessibleName("Edit bank")
        self.edit_button.clicked.connect(self.edit_current)
        for b in (self.open_button, self.new_button, self.start_button, self.study_button, self.edit_button,
                  self.remove_button):
            b.setAutoDefault(True)  # Enter presses the focused button, as in a dialog
        buttons = WrappingRow()
        buttons.add(self.start_button)
        buttons.add(self.study_button)
        buttons.add(self.edit_button)
        buttons.add(self.remove_button)
        buttons.add_stretch()

        details = QWidget()
        d = QVBoxLayout(details)
        for w in (self.name, self.description, self.counts, self.sources, self.score_line, self.study_line,
                  self.file_line):
            d.addWidget(w)
        d.addWidget(buttons)
        d.addWidget(self.problems_label)
        d.addWidget(self.problems, 1)
        d.addStretch(0)
        # A few lines of problems in view at least; more scroll in the box.
        self.problems.setMinimumHeight(self.problems.fontMetrics().lineSpacing() * 3 + 12)
        self.details = details
        # Scrolled where its lines do not fit (the largest text at 800x600): squeezed, they were drawn over
        # each other and cut off.
        self.details_page = ScrolledPage(details)

        split = BankSplitter(SIDE_BY_SIDE_CHARS)
        split.setChildrenCollapsible(False)
        # Under the list, the details are as tall as their lines: the library's page scrolls them, not a box.
        split.turned.connect(lambda way: self.details_page.set_whole(way == Qt.Orientation.Vertical))
        split.addWidget(self.list)
        split.addWidget(self.details_page)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([2000, 3000])  # 2:3 from the start (a scrolled pane's size hint is not its page's)

        self.status = plain_label(wrap=True)
        self.status.setText("Loading banks…")

        # Offered at start-up when the app was closed or killed in mid-session.
        self.resume_banner = QFrame()
        self.resume_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.resume_banner.setAccessibleName("Unfinished session")
        self.resume_text = plain_label(wrap=True)
        self.resume_button = QPushButton("&Resume")
        self.resume_button.setAccessibleName("Resume the unfinished session")
        self.resume_button.clicked.connect(lambda: self.resume_id and self.resume_requested.emit(self.resume_id))
        self.discard_button = QPushButton("&Discard")
        self.discard_button.setAccessibleName("Discard the unfinished session")
        self.discard_button.setToolTip("Its answers stay in your history; it is not offered again")
        self.discard_button.clicked.connect(lambda: self.resume_id and self.discard_requested.emit(self.resume_id))
        # Its buttons go under the message where they leave it too few words a line (the largest text).
        banner_row = WrappingRow()
        banner_row.add(self.resume_text, 1, row_chars=RESUME_TEXT_CHARS)
        banner_buttons = QHBoxLayout()
        banner_buttons.addWidget(self.resume_button)
        banner_buttons.addWidget(self.discard_button)
        banner_buttons.addStretch(1)
        banner_row.add(banner_buttons)
        QVBoxLayout(self.resume_banner).addWidget(banner_row)
        self.resume_banner.hide()

        # The whole screen scrolls where it does not fit (the largest text on a small screen): the banner, the
        # heading, two rows of the list and the details each whole, rather than all squeezed into a line.
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.resume_banner)
        layout.addWidget(head)
        layout.addWidget(split, 1)
        self.page = ScrolledPage(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page, 1)
        # The status line stays in sight under the page, as a window's status bar does: where the page scrolls
        # (the largest text on a small screen) a note on the session just done was below the details.
        margins = layout.contentsMargins()
        foot = QVBoxLayout()
        foot.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
        foot.addWidget(self.status)
        outer.addLayout(foot)
        self._show_details(-1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_list()  # at start and whenever the library comes back: Enter starts the selected bank
        self._show_resume_offer()

    def _show_resume_offer(self) -> None:
        # The offer to resume is what one most likely wants when it shows (a quiz just left): the page shows it
        # from its top, not scrolled down to the list that has the focus (at the largest text on a small screen),
        # until the person scrolls, moves the focus or picks another bank.
        if self.resume_banner.isVisibleTo(self):
            self.page.keep_top()

    def focus_list(self) -> None:
        """Give the keyboard focus to the bank list (Enter starts the selected bank, arrows pick another)."""
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    # which banks

    def bank_paths(self) -> list[Path]:
        """Bundled banks first, then the ones opened before, without duplicates."""
        bundled = sorted(p for p in self.bundled_dir.glob("*") if p.suffix.lower() in BANK_SUFFIXES) \
            if self.bundled_dir.is_dir() else []
        out: list[Path] = []
        seen: set[Path] = set()
        for p in [*bundled, *remembered_banks()]:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append(p)
        return out

    def is_bundled(self, path: Path) -> bool:
        return path.resolve().parent == self.bundled_dir.resolve()

    def _remember(self, paths: list[Path]) -> None:
        known = remembered_banks()
        keys = {p.resolve() for p in known}
        for p in paths:
            p = p.resolve()
            if p not in keys and not self.is_bundled(p):
                known.append(p)
                keys.add(p)
        remember_banks(known)

    def add_banks(self, paths: list[Path], *, note: str = "") -> None:
        """Add bank files to the library (remembered), reload, and select the first; `note` says what was done,
        in the status line before the count of banks."""
        paths = [Path(p) for p in paths]
        if not paths:
            return
        self._note = note or self._note
        back = {p.resolve() for p in paths}  # a removed bank opened again is in the list: nothing to undo for it
        self._removed = [(path, place) for path, place in self._removed if path.resolve() not in back]
        self._remember(paths)
        self._pending_select = paths[0].resolve()
        self.refresh()

    def remove_current(self) -> None:
        check = self.current_check()
        if check is None or self.is_bundled(check.path):
            return
        known = remembered_banks()
        place = next((i for i, p in enumerate(known) if p.resolve() == check.path.resolve()), len(known))
        remember_banks([p for p in known if p.resolve() != check.path.resolve()])
        self._removed.append((check.path, place))
        # the selection stays where it was, on the bank that moves up into the removed one's row
        row = self.list.currentRow()
        others = [c.path.resolve() for c in self.checks if c.path.resolve() != check.path.resolve()]
        self._pending_select = others[min(row, len(others) - 1)] if others else None
        self._note = (f"Removed {check.path.name} from the list; the file stays in {check.path.parent}. "
                      "Ctrl+Z puts it back.")
        self._focus_list_on_fill = True
        self.refresh()

    def can_undo_remove(self) -> bool:
        """Whether a bank removed from the list can be put back (Edit > Undo remove from list)."""
        return bool(self._removed)

    def undo_remove(self) -> None:
        """Put the bank last removed from the list back in its place, and select it; the next Ctrl+Z puts back
        the one removed before it."""
        if not self._removed:
            return
        path, place = self._removed.pop()
        known = remembered_banks()
        if all(p.resolve() != path.resolve() for p in known):
            known.insert(place, path.resolve())
            remember_banks(known)
        self._pending_select = path.resolve()
        self._note = f"Put {path.name} back in the list." + (
            f" Ctrl+Z puts {self._removed[-1][0].name} back too." if self._removed else "")
        self._focus_list_on_fill = True
        self.refresh()

    # loading (off the GUI thread: many banks with long articles take a while)

    def refresh(self) -> None:
        """Check every bank again and refill the list."""
        paths = self.bank_paths()
        self._generation = getattr(self, "_generation", 0) + 1
        generation = self._generation
        self.loading = True
        self.status.setText("Loading banks…")

        def work(task: object) -> list[tuple[BankCheck, Stamps]]:
            cache: dict = {}
            return [check_stamped(p, cache) for p in paths]

        def done(results: list[tuple[BankCheck, Stamps]]) -> None:
            if generation == self._generation:  # an older refresh that ended late is dropped
                self._fill(self.list_order([check for check, _stamps in results]))
                self.watch.watch({check.path: stamps for check, stamps in results})
                self._look_if_changed()

        from quizapp.gui.tasks import run_task  # (once the window is painted: it is not needed before)

        run_task(work, parent=self, title="Loading banks", on_success=done, show_progress=False)

    def _changed_on_disk(self, paths: list[Path]) -> None:
        """Check again the banks saved outside the app (or whose articles were), off the GUI thread, and show
        them where they are listed, the selection and the focus kept."""
        if self.loading:  # the check running may have read them before they changed
            self._look_again = True
            return
        generation = self._generation
        self.loading = True

        def work(task: object) -> list[tuple[BankCheck, Stamps]]:
            cache: dict = {}  # (not the last check's: an article may be what changed)
            return [check_stamped(p, cache) for p in paths]

        def done(results: list[tuple[BankCheck, Stamps]]) -> None:
            if generation != self._generation:  # a refresh started since: it reads them again, and fills the list
                return
            new = {check.path: check for check, _stamps in results}
            names = ", ".join(p.name for p in paths)
            self._note = f"{names} changed on disk and {'was' if len(paths) == 1 else 'were'} read again." + (
                f" Ctrl+Z puts {self._removed[-1][0].name} back in the list." if self._removed else "")
            self._fill(self.list_order([new.get(c.path, c) for c in self.checks]))
            self.watch.checked({check.path: stamps for check, stamps in results})
            self._look_if_changed()

        from quizapp.gui.tasks import run_task

        run_task(work, parent=self, title="Reading changed banks", on_success=done, show_progress=False)

    def _look_if_changed(self) -> None:
        if self._look_again:
            self._look_again = False
            self.watch.look()

    def list_order(self, checks: list[BankCheck]) -> list[BankCheck]:
        """Bundled reviewed banks first, then the others in the order opened, drafts last."""
        def rank(check: BankCheck) -> int:
            if check.loaded is not None and _is_draft(check):
                return 2
            return 0 if self.is_bundled(check.path) and check.loaded is not None else 1

        return sorted(checks, key=rank)

    def _fill(self, checks: list[BankCheck]) -> None:
        keep = self._pending_select
        if keep is None and self.current_check() is not None:
            keep = self.current_check().path.resolve()
        self._pending_select = None
        # A bank checked again (saved in a text editor) must not take the focus from where it was, as the list's
        # refill hides the details for a moment: the Edit bank… button kept, or the list (a button now disabled).
        # (the window's, not the app's: the window is not active while the text editor saves)
        focus = self.window().focusWidget()
        focus = focus if focus is not None and self.isAncestorOf(focus) else None
        scrolled = self.list.verticalScrollBar().value()
        self.checks = checks
        self._read_history()
        self.list.clear()
        from quizapp.core.history import distinct_titles

        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        # A bank with errors goes by the title it was given too, where its YAML reads (told apart from
        # another bank of that title by its file name); only a file that does not read goes by its name.
        titles = distinct_titles({str(c.path): c.loaded.bank.title if c.loaded is not None else c.title
                                  for c in checks if c.loaded is not None or c.title})
        select = 0
        for i, check in enumerate(checks):
            if check.loaded is not None:
                bank = check.loaded.bank
                s = self.bank_scores(check.path)
                n = len(bank.questions)
                title = titles[str(check.path)]  # "Mali (mali-copy.yaml)" where two banks share a title
                count = f"{n} question{'s' if n != 1 else ''}" if n else "no questions yet: cannot be started"
                text = f"{title}\n{count[:1].upper()}{count[1:]}"
                if _is_draft(check):
                    text = f"Draft: {title}\nGenerated, not reviewed yet · {count}"
                if s.last is not None:
                    text += f" · last {percent(s.last)} · best {percent(s.best)}"
                due = self.due_count(check.path)
                if due is not None and (due.total or due.later):
                    from quizapp.core.study import due_text  # (loaded with the counts: not at start-up)

                    text += f" · {due_text(due.due, due.later)} · {due.new} new"
                item = QListWidgetItem(text)
            else:
                n = len(check.errors)
                name = titles.get(str(check.path), check.path.name)
                item = QListWidgetItem(warn, f"{name}\n{n} error{'s' if n != 1 else ''}: cannot be started")
            item.setToolTip(f"{item.text()}\n{check.path}")  # (a word too long for the list is broken in the row)
            self.list.addItem(item)
            if keep is not None and check.path.resolve() == keep:
                select = i
        note, self._note = self._note, ""
        self.say(note)
        self.list.verticalScrollBar().setValue(scrolled)  # (then scrolled to the selected row, where it moved)
        if checks:
            self.list.setCurrentRow(select)
        else:
            self._show_details(-1)
        if self._focus_list_on_fill:
            self._focus_list_on_fill = False
            self.focus_list()
        elif focus is not None and self.window().focusWidget() is not focus:
            if focus.isVisibleTo(self) and focus.isEnabled():
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.focus_list()
        self.loading = False
        self.loaded.emit()

    def say(self, note: str = "") -> None:
        """Put `note` (what was just done) in the status line, above the count of banks."""
        ok = sum(1 for c in self.checks if c.loaded is not None)
        broken = len(self.checks) - ok
        self.status.setText((f"{note}\n" if note else "") + f"{ok} bank{'s' if ok != 1 else ''} ready" +
                            (f", {broken} with errors" if broken else "") +
                            ". Open more with Ctrl+O or drop .yaml files here." +
                            (f"\nYour answers are not kept: {self.history_problem}" if self.history_problem else ""))

    def report(self, note: str) -> None:
        """Say `note` (what was done on another screen: a session ended) as `say` does; while the banks are loading,
        once they are listed (their listing says its own note, which would replace it)."""
        if self.loading:
            self._note = note
        else:
            self.say(note)

    def refresh_scores(self) -> None:
        """Show the latest scores and due counts without checking the banks again."""
        if not self.loading:
            self._fill(self.checks)

    # the history: scores and due counts

    def _read_history(self) -> None:
        store = self.history()
        self.due, self.best = {}, {}
        if store is None:
            return
        from quizapp.core.study import DEFAULT_NEW_PER_DAY, due_counts

        limit = self.new_per_day() if self.new_per_day else DEFAULT_NEW_PER_DAY
        self.due = due_counts(store, [c.loaded for c in self.checks if c.loaded is not None], new_per_day=limit)
        from quizapp.core.history import bank_key

        self.best = history_scores(store, {bank_key(c.path): len(c.loaded.bank.questions)
                                           for c in self.checks if c.loaded is not None})

    def due_count(self, path: Path) -> DueCount | None:
        """A bank's due and new counts for study today (None without a history)."""
        if not self.due:
            return None
        from quizapp.core.history import bank_key

        return self.due.get(bank_key(path))

    def bank_scores(self, path: Path) -> BankScores:
        """Last and best score of a bank: from the history, else from the older scores file."""
        if self.best:
            from quizapp.core.history import bank_key

            found = self.best.get(bank_key(path))
            if found is not None:
                return found
        return self.scores.get(path)

    def offer_resume(self, record: SessionRecord, text: str) -> None:
        """Show the banner offering to resume an unfinished session."""
        self.resume_id = record.id
        self.resume_text.setText(text + " Resume it where it stopped?")
        self.resume_banner.show()
        if self.isVisible():
            self._show_resume_offer()

    def hide_resume(self) -> None:
        self.resume_id = None
        self.resume_banner.hide()
        self.page.release_top()  # (nothing above the list to keep in view now)

    # details

    def select_bank(self, path: Path) -> None:
        """Select the bank of file `path` in the list, where it is listed."""
        for row, check in enumerate(self.checks):
            if check.path.resolve() == path.resolve():
                self.list.setCurrentRow(row)

    def current_check(self) -> BankCheck | None:
        row = self.list.currentRow()
        return self.checks[row] if 0 <= row < len(self.checks) else None

    def _show_details(self, row: int) -> None:
        check = self.checks[row] if 0 <= row < len(self.checks) else None
        self.details_page.setVisible(check is not None)
        if check is None:
            self.start_button.setEnabled(False)
            return
        loaded = check.loaded
        self.file_line.setText(f"File: {check.path}")
        self.remove_button.setVisible(not self.is_bundled(check.path))
        problems = [str(p) for p in check.problems]
        self.problems.setPlainText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.problems_label.setVisible(bool(problems))
        self.start_button.setEnabled(can_start(check))
        self.study_button.setEnabled(can_start(check) and self.history() is not None)
        if loaded is None:
            self.name.setText(check.title or check.path.name)
            self.description.setText("This bank has errors and cannot be started. Press Edit bank… "
                                     "to fix them here, or fix the lines listed below in a text "
                                     "editor; the list updates when the file is saved.")
            self.description.setVisible(True)
            for w in (self.counts, self.sources, self.score_line, self.study_line):
                w.setVisible(False)
            self.problems_label.setText(f"Errors ({len(check.errors)}):")
            return
        bank = loaded.bank
        for w in (self.counts, self.sources, self.score_line):
            w.setVisible(True)
        due = self.due_count(check.path)
        self.study_line.setText(study_line(due))
        self.study_line.setVisible(due is not None and bool(bank.questions))  # (none to study: the counts say why)
        self.name.setText(bank.title)
        self.description.setText(bank.description or "")
        self.description.setVisible(bool(bank.description))
        kinds = Counter(q.type for q in bank.questions)
        n = len(bank.questions)
        self.counts.setText((f"{n} question{'s' if n != 1 else ''}: "
                             + ", ".join(f"{c} {k}" for k, c in sorted(kinds.items()))) if n else NO_QUESTIONS)
        from quizapp.core.session import describe_source

        names = [describe_source(loaded, key) for key in bank.sources]
        self.sources.setText(("Sources: " if len(names) > 1 else "Source: ") + "; ".join(names)
                             if names else "No source article")
        self.score_line.setText(score_text(self.bank_scores(check.path)))
        self.problems_label.setText("Warnings:")

    def edit_current(self) -> None:
        check = self.current_check()
        if check is not None:
            self.edit_requested.emit(check.path)

    def study_current(self) -> None:
        check = self.current_check()
        if can_start(check):
            self.study_requested.emit(check.loaded)
        else:
            self._say_why_not(check)

    def start_current(self) -> None:
        check = self.current_check()
        if can_start(check):
            self.start_requested.emit(check.loaded)
        else:
            self._say_why_not(check)

    def _say_why_not(self, check: BankCheck | None) -> None:
        """Enter on a bank of no questions (or Ctrl+Return, Ctrl+D) says why nothing starts, rather than nothing."""
        if check is not None and check.loaded is not None:
            self.say(f"{check.loaded.bank.title}: {NO_QUESTIONS}")

    # drag and drop: a bank is listed, an article starts a new bank, questions of another tool are imported

    @staticmethod
    def _dropped(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Any file is let in: one that is none of these is told why, rather than refused without a word.
        if self._dropped(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from quizapp.core.article import ARTICLE_SUFFIXES  # (yaml: not at start-up)
        from quizapp.formats import IMPORT_ONLY_SUFFIXES, IMPORTABLE

        files = self._dropped(event)
        if not files:
            return
        event.acceptProposedAction()
        banks = [p for p in files if p.suffix.lower() in BANK_SUFFIXES]
        articles = [p for p in files if p.suffix.lower() in ARTICLE_SUFFIXES]
        questions = [p for p in files if p.suffix.lower() in IMPORT_ONLY_SUFFIXES]
        others = [p for p in files if p not in banks + articles + questions]
        # Said at once, whatever comes next: the line about an earlier action must not stay as if about this one.
        said = []
        if others:
            said.append(f"{', '.join(p.name for p in others)}: not a bank, an article or questions to import. "
                        f"Banks are .yaml files; File > Import… (Ctrl+I) reads {IMPORTABLE} files.")
        if len(questions) > 1 or (questions and (banks or articles)):
            said.append(f"Importing {questions[0].name}; drop the others one at a time to import them.")
        self.say("\n".join(said))
        if banks:
            self._note = "\n".join(said)
            self.add_banks(banks)
        if questions:
            self.import_requested.emit(questions[0])
        elif articles:
            self.articles_dropped.emit(articles)
