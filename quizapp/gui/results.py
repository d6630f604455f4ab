"""The results screen: score, time, each question with the answers and its citation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.percent import format_percent
from quizapp.core.scoring import Verdict
from quizapp.core.session import Answer, QuizSession, export_results
from quizapp.core.stats import points_text
from quizapp.gui.feedback import FeedbackPanel, given_text, shows_right_answer, verdict_text
from quizapp.gui.interop import report_exported
from quizapp.gui.question_view import QuickPressGuard
from quizapp.gui.reflow import ScrolledPage, TurningSplitter, WrappingRow
from quizapp.gui.tasks import run_task, show_error
from quizapp.gui.theme import verdict_color
from quizapp.gui.widgets import FocusOutline, WrappedRowsList, plain_label, quoted, scale_font

VERDICT_MARK = {Verdict.RIGHT: "✓", Verdict.CLOSE: "≈", Verdict.WRONG: "✗", Verdict.SKIPPED: "–"}
# The list beside the answer's details from this width (in characters) up; below it (the largest text on a small
# screen) the details go under the list, each with the whole width for its lines.
SIDE_BY_SIDE_CHARS = 60


def duration_text(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


class ResultsSplitter(TurningSplitter):
    """The list and the answer's details, asking no more height than their least: in the scrolled page they
    take the room the window has, and the page scrolls only where even that does not fit."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())


def quiz_note(session: QuizSession, title: str) -> str:
    """What the library says of a quiz just finished on the bank called `title`: "Quiz on “Mali”: 7 of 9 points
    (77.8%).", its part of the bank said as the results' title says it ("(retry of 2 mistakes)")."""
    scope = f" ({session.scope_text})" if session.scope_text else ""
    return f"Quiz on “{title}”{scope}: {points_text(session.score, session.max_score)}."


def _heading(n: int, answer: Answer) -> str:
    """ "✓ 3. How many ...?": the verdict's mark, the number and the question, as the list shows it."""
    return f"{VERDICT_MARK[answer.verdict]} {n}. {answer.question.prompt}"


class ResultsScreen(QWidget):
    """Shows a finished session; asks for a retry, an export, or the library."""

    retry_requested = Signal(object)  # the finished session
    library_requested = Signal()
    show_article = Signal(object)
    exported = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: QuizSession | None = None
        self.title = plain_label(wrap=True)
        scale_font(self.title, 1.1, bold=True)
        self.score = plain_label(wrap=True)
        scale_font(self.score, 1.6, bold=True)
        self.score.setAccessibleName("Final score")
        self.details = plain_label(wrap=True)

        # Two whole rows in view at least, however tall the text makes them: squeezed, it showed half a row.
        self.list = WrappedRowsList(2)
        self.list.setAccessibleName("Questions and answers")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # (rows wrap to its width)
        self.list.currentRowChanged.connect(self._show)
        self.feedback = FeedbackPanel()
        self.feedback.show_in_article.connect(self.show_article)
        # Scrolled where its lines do not fit beside the list; under it, as tall as its lines (the page scrolls).
        scroll = ScrolledPage(self.feedback)
        scroll.setAccessibleName("The selected question's answer and citation")
        scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a Tab stop: the arrow keys scroll a long citation
        self.details_page = scroll
        split = ResultsSplitter(SIDE_BY_SIDE_CHARS)
        split.setChildrenCollapsible(False)
        split.turned.connect(lambda way: scroll.set_whole(way == Qt.Orientation.Vertical))
        split.addWidget(self.list)
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 1000])  # half and half, whatever the window's size
        # Both are Tab stops (the pane scrolls a long citation with the arrow keys): show which has the focus.
        self._outlines = [FocusOutline(self.list), FocusOutline(scroll)]

        self.retry_button = QPushButton("&Retry mistakes")
        self.retry_button.setAccessibleName("Retry mistakes")
        self.retry_button.clicked.connect(self._retry)
        self.export_button = QPushButton("E&xport results…")  # Alt+E opens the Edit menu
        self.export_button.setAccessibleName("Export results to CSV")
        self.export_button.clicked.connect(self.ask_export)
        self.library_button = QPushButton("&Library")
        self.library_button.setAccessibleName("Back to the library")
        self.library_button.setToolTip("Back to the library (Esc)")
        self.library_button.clicked.connect(self.library_requested)
        for b in (self.retry_button, self.export_button, self.library_button):
            b.setAutoDefault(True)  # Enter presses the focused one, as in a dialog
        # But not the Enter pressed twice on "See results →", nor one held down: the results stay in view.
        self.quick_keys = QuickPressGuard(self, (self.retry_button, self.export_button, self.library_button))
        buttons = WrappingRow()  # one above the other where a row does not fit (the largest text)
        buttons.add(self.library_button)
        buttons.add_stretch()
        buttons.add(self.export_button)
        buttons.add(self.retry_button)

        # The screen scrolls where it does not fit (the largest text on a small screen): the title, the score,
        # two rows of the list and the details each whole, rather than all squeezed into a few lines. The
        # buttons stay in view below it: the one with the focus at the start does not scroll the score away.
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.title)
        layout.addWidget(self.score)
        layout.addWidget(self.details)
        layout.addWidget(split, 1)
        self.page = ScrolledPage(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.page, 1)
        outer.addWidget(buttons)
        margins = layout.contentsMargins()
        buttons.box.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())

    def show_session(self, session: QuizSession) -> None:
        """Fill the screen with a finished session."""
        self.session = session
        # A retry or a part is said as such: the library keeps the scores of whole quizzes as the bank's.
        scope = f" ({session.scope_text})" if session.scope_text else ""
        self.title.setText(f"Results: {session.loaded.title}{scope}")
        self.score.setText(f"{session.score:g} / {session.max_score} points ({format_percent(session.percentage)})")
        counts = {v: sum(1 for a in session.answers if a.verdict is v and not a.timed_out) for v in Verdict}
        parts = [f"{counts[Verdict.RIGHT]} right"]
        if counts[Verdict.CLOSE]:
            parts.append(f"{counts[Verdict.CLOSE]} close")
        parts.append(f"{counts[Verdict.WRONG]} wrong")
        if counts[Verdict.SKIPPED]:
            parts.append(f"{counts[Verdict.SKIPPED]} skipped")
        late = session.not_answered_in_time
        # Said first: the questions the time ran out on were not skipped, and score 0.
        ran_out = f"Time ran out: {late} question{'s' if late != 1 else ''} not answered. " if late else ""
        self.details.setText(f"{ran_out}{', '.join(parts)} · time {duration_text(session.elapsed)} · "
                             f"best streak {session.best_streak} · {session.mode.value} mode")
        self.list.clear()
        for n, a in enumerate(session.answers, 1):
            item = QListWidgetItem(_heading(n, a))
            item.setForeground(QBrush(verdict_color(a.verdict.value, self.palette())))
            item.setToolTip(verdict_text(a))
            self.list.addItem(item)
        self.retry_button.setEnabled(bool(session.mistakes))
        self.export_button.setEnabled(bool(session.answers))
        if session.answers:
            self.list.setCurrentRow(0)
        self.feedback.setVisible(bool(session.answers))
        (self.retry_button if session.mistakes else self.library_button).setFocus()
        self.quick_keys.restart()

    @property
    def settling(self) -> bool:
        """Just shown: Enter and Space do not press the focused button yet."""
        return self.quick_keys.settling

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back to the library, as Library does (the results are in the history already); not an Esc held
        down since the article view, which it took back here."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            if not event.isAutoRepeat():
                self.library_requested.emit()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.session is not None:
            for row, a in enumerate(self.session.answers):
                item = self.list.item(row)
                if item is not None:
                    item.setForeground(QBrush(verdict_color(a.verdict.value, self.palette())))

    def _show(self, row: int) -> None:
        if self.session is None or not 0 <= row < len(self.session.answers):
            return
        a = self.session.answers[row]
        self.feedback.show_answer(a, self.session.cited_passage(a.question), with_prompt=True)

    def _retry(self) -> None:
        if self.session is not None and self.session.mistakes:
            self.retry_requested.emit(self.session)

    def results_text(self) -> str:
        """The results as plain text, as the screen shows them: the score, then each question with the answer
        given, the right one and the cited sentence, to paste in a message or a document."""
        session = self.session
        if session is None:
            return ""
        lines = [self.title.text(), self.score.text(), self.details.text()]
        for n, a in enumerate(session.answers, 1):
            lines += ["", _heading(n, a), given_text(a)]
            if shows_right_answer(a):
                lines.append(f"Right answer: {a.right_answer}")
            cited = session.cited_passage(a.question)
            if cited is not None:
                lines.append(f"{quoted(cited.text)} — {cited.source_label}")
        return "\n".join(lines) + "\n"

    def copy_results(self) -> None:
        """Put the results, as text, on the clipboard (Edit > Copy results)."""
        if self.session is not None and self.session.answers:
            QApplication.clipboard().setText(self.results_text())

    def ask_export(self) -> None:
        """Ask for a file name, then write the results there as CSV."""
        if self.session is None:
            return
        settings = QSettings()
        folder = settings.value("results/export_dir", str(Path.home()))
        name = Path(str(folder)) / f"{self.session.loaded.path.stem}-results.csv"
        path, _ = QFileDialog.getSaveFileName(self, "Export results", str(name), "CSV files (*.csv)")
        if path:
            settings.setValue("results/export_dir", str(Path(path).parent))
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the results to `path` (CSV) off the GUI thread; `exported(path)` when done."""
        session = self.session
        if session is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_suffix(path.suffix + ".csv") if path.suffix else path.with_suffix(".csv")
        run_task(lambda task: export_results(session, path), parent=self, title="Exporting results",
                 on_success=lambda _r: self._exported(path),
                 on_error=lambda exc, trace: self._not_exported(path, exc, trace), cancellable=False)

    def _not_exported(self, path: Path, exc: BaseException, trace: str) -> None:
        if isinstance(exc, OSError):  # it named the temporary file beside the one chosen, and an error number
            exc = OSError(f"Could not write {path}: {exc.strerror or exc}. Press Export results… and choose "
                          "another folder.")
        show_error(self, "Exporting results", exc, trace)

    def _exported(self, path: Path) -> None:
        report_exported(self, [path])  # as an export of the bank does
        self.exported.emit(path)
