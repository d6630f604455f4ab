"""The main window: one QStackedWidget of screens, the menus, and the user's settings."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from quizapp import __version__
from quizapp.gui.library import NOTHING_TO_EXPORT, LibraryScreen, can_start, cannot_export
from quizapp.gui.scores import ScoreBook
from quizapp.gui.theme import Theme, apply_theme, set_point_size
from quizapp.gui.widgets import EVERY_WINDOW, TEXT_SIZE, fit_on_screen, rescale_fonts, text_size_keys_in_dialogs

if TYPE_CHECKING:  # imported lazily at run time: the window shows before pydantic loads
    from quizapp.core.bank import BankCheck, LoadedBank
    from quizapp.core.history import HistoryStore, SessionRecord
    from quizapp.core.session import Answer, CitedPassage, QuizOptions, QuizSession
    from quizapp.core.study import StudySession
    from quizapp.gui.article_view import ArticleView
    from quizapp.gui.quiz_screen import QuizScreen
    from quizapp.gui.results import ResultsScreen
    from quizapp.gui.stats_screen import StatisticsScreen
    from quizapp.gui.study_screen import StudyScreen
    from quizapp.gui.welcome import WelcomeDialog

NEW_PER_DAY_KEY = "study/new_per_day"


def new_per_day() -> int:
    """The daily limit of new questions in a study session (a setting, 20 by default)."""
    from quizapp.core.study import DEFAULT_NEW_PER_DAY

    try:
        return max(0, int(QSettings().value(NEW_PER_DAY_KEY, DEFAULT_NEW_PER_DAY)))
    except (TypeError, ValueError):
        return DEFAULT_NEW_PER_DAY


class MainWindow(QMainWindow):
    """Library, quiz, results and article screens in one window.

    The quiz, results and article screens are built on first use, so that the
    window shows before the quiz logic (pydantic models) is imported.
    """

    def __init__(self, *, data_dir: Path, bundled_dir: Path, extra_banks: list[Path] | None = None) -> None:
        super().__init__()
        self.setWindowTitle("quizapp")
        self.setMinimumSize(640, 480)
        self.data_dir = data_dir
        self.scores = ScoreBook(data_dir)
        self._history: HistoryStore | None = None
        self.history_error: str | None = None
        self.quiz_session_id: str | None = None  # the history session of the quiz running
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.library = LibraryScreen(bundled_dir=bundled_dir, scores=self.scores, extra=extra_banks,
                                     history=self.history, new_per_day=new_per_day)
        self.library.start_requested.connect(self.start_quiz)
        self.library.study_requested.connect(self.study)
        self.library.resume_requested.connect(self.resume)
        self.library.discard_requested.connect(self.discard)
        self.library.loaded.connect(self._offer_resume)
        self._resume_offered = False
        self.library.open_requested.connect(self.open_bank)
        self.library.edit_requested.connect(self.edit_bank)
        self.library.new_requested.connect(self.new_bank_from_article)
        self.library.articles_dropped.connect(self.new_bank_from_articles)
        self.library.import_requested.connect(self.import_file)
        self.library.list.currentRowChanged.connect(self._update_actions)
        self.library.loaded.connect(self._update_actions)  # (after Remove from list: Undo)
        self.stack.addWidget(self.library)
        self._quiz: QuizScreen | None = None
        self._results: ResultsScreen | None = None
        self._article: ArticleView | None = None
        self._study: StudyScreen | None = None
        self._stats: StatisticsScreen | None = None
        self._article_return: QWidget | None = None
        self._session_note = ""  # what the library says when next shown: how the session just ended went
        self.welcome_dialog: WelcomeDialog | None = None  # while it is open
        self._build_menus()
        self.stack.currentChanged.connect(lambda _i: self._update_actions())
        self._restore_settings()
        self._update_actions()
        self.statusBar().hide()

    # the history store (opened on first use)

    def history(self) -> HistoryStore | None:
        """The history store in the data folder, or None when it cannot be used (`history_error` says why)."""
        if self._history is None and self.history_error is None:
            from quizapp.core.history import HistoryError, HistoryStore

            try:
                self._history = HistoryStore.open(self.data_dir)
            except HistoryError as exc:
                self.history_error = str(exc)
                self.library.history_problem = str(exc)
        return self._history

    # screens built on demand

    @property
    def study_screen(self) -> StudyScreen:
        if self._study is None:
            from quizapp.gui.study_screen import StudyScreen

            self._study = StudyScreen()
            self._study.finished.connect(lambda _s: self.library.refresh_scores())
            self._study.finished.connect(self._study_finished)
            self._study.finished.connect(self._update_actions)  # nothing left to skip
            self._study.left.connect(self.show_library)
            self._study.show_article.connect(self.show_article)
            self.stack.addWidget(self._study)
        return self._study

    @property
    def statistics(self) -> StatisticsScreen:
        if self._stats is None:
            from quizapp.gui.stats_screen import StatisticsScreen

            self._stats = StatisticsScreen()
            self._stats.library_requested.connect(self.show_library)
            self.stack.addWidget(self._stats)
        return self._stats


    @property
    def quiz(self) -> QuizScreen:
        if self._quiz is None:
            from quizapp.gui.quiz_screen import QuizScreen

            self._quiz = QuizScreen()
            self._quiz.finished.connect(self._quiz_finished)
            self._quiz.left.connect(self.show_library)
            self._quiz.show_article.connect(self.show_article)
            self.stack.addWidget(self._quiz)
        return self._quiz

    @property
    def results(self) -> ResultsScreen:
        if self._results is None:
            from quizapp.gui.results import ResultsScreen

            self._results = ResultsScreen()
            self._results.retry_requested.connect(self.retry_mistakes)
            self._results.library_requested.connect(self.show_library)
            self._results.show_article.connect(self.show_article)
            self.stack.addWidget(self._results)
        return self._results

    @property
    def article(self) -> ArticleView:
        if self._article is None:
            from quizapp.gui.article_view import ArticleView

            self._article = ArticleView()
            self._article.back.connect(self._article_back)
            self.stack.addWidget(self._article)
        return self._article

    # menus

    def _action(self, text: str, slot: Callable[[], object] | None = None, shortcut: QKeySequence | str | None = None,
                *, enabled: bool = True, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            a.triggered.connect(slot)
        a.setEnabled(enabled)
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(tip)
        return a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.open_action = self._action("&Open bank…", self.open_bank, QKeySequence.StandardKey.Open)
        file.addAction(self.open_action)
        self.new_from_article_action = self._action("&New bank from article…", self.new_bank_from_article,
                                                    QKeySequence.StandardKey.New,
                                                    tip="Generate questions from a news article")
        self.import_action = self._action("&Import…", self.import_bank, "Ctrl+I",
                                          tip="Import GIFT, Moodle XML or Aiken questions into a new bank")
        self.export_action = self._action("&Export bank…", self.export_bank, "Ctrl+E",
                                          tip="Export the bank to Moodle, Anki, a spreadsheet or PDF")
        self.export_results_action = self._action("Export &results…", lambda: self.results.ask_export())
        file.addAction(self.new_from_article_action)
        file.addSeparator()
        file.addAction(self.import_action)
        file.addAction(self.export_action)
        file.addAction(self.export_results_action)
        file.addSeparator()
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file.addAction(self.quit_action)

        edit = bar.addMenu("&Edit")
        self.undo_remove_action = self._action("&Undo remove from list", lambda: self.library.undo_remove(),
                                               QKeySequence.StandardKey.Undo,
                                               tip="Put the bank last removed from the list back in its place "
                                                   "(again for the one removed before it)")
        edit.addAction(self.undo_remove_action)
        edit.addSeparator()
        self.copy_results_action = self._action("&Copy results", lambda: self.results.copy_results(),
                                                QKeySequence.StandardKey.Copy,
                                                tip="The score and every answer as text, to paste in a message")
        self.edit_bank_action = self._action("&Edit bank…", lambda: self.library.edit_current(),
                                             "Ctrl+Shift+E", tip="Edit the selected bank")
        edit.addAction(self.copy_results_action)
        edit.addSeparator()
        edit.addAction(self.edit_bank_action)

        quiz = bar.addMenu("&Quiz")
        self.start_action = self._action("&Start quiz…", self.library.start_current, "Ctrl+Return")
        self.skip_action = self._action("S&kip question", self.skip_question, "Ctrl+K")
        self.leave_action = self._action("&Leave quiz", lambda: self.quiz.leave())
        self.retry_action = self._action("&Retry mistakes",
                                         lambda: self.results.retry_requested.emit(self.results.session))
        self.study_action = self._action("Study &due questions", lambda: self.library.study_current(),
                                         "Ctrl+D", tip="Spaced repetition: the questions due now and new ones")
        self.review_action = self._action("Review &mistakes", lambda: self.review_mistakes(), "Ctrl+M",
                                          tip="The questions of the selected bank answered wrongly last time")
        self.review_all_action = self._action("Review mistakes in &all banks",
                                              lambda: self.review_mistakes(all_banks=True),
                                              tip="The questions of every bank answered wrongly last time")
        self.new_per_day_action = self._action("&New questions per day…", self.ask_new_per_day,
                                               tip="How many new questions a study session adds each day")
        # What the library's banner offers (Alt+R there), for one who looks in the menu.
        self.resume_action = self._action("Res&ume unfinished quiz", lambda: self.library.resume_button.click(),
                                          tip="Continue the quiz left unfinished, at the question where it stopped")
        for a in (self.start_action, self.resume_action, self.skip_action, self.leave_action, self.retry_action):
            quiz.addAction(a)
        quiz.addSeparator()
        quiz.addAction(self.study_action)
        quiz.addAction(self.review_action)
        quiz.addAction(self.review_all_action)
        quiz.addAction(self.new_per_day_action)

        view = bar.addMenu("&View")
        # (within a menu each item has its own letter: L and S are the Library's and the Statistics')
        self.library_action = self._action("&Library", self.show_library, "Ctrl+L")
        self.statistics_action = self._action("&Statistics", self.show_statistics, "Ctrl+T",
                                              tip="Scores over time, accuracy, reviews due, hardest questions")
        self.bigger_action = self._action("Lar&ger text", lambda: self.change_text_size(+1),
                                          QKeySequence.StandardKey.ZoomIn)
        self.bigger_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.smaller_action = self._action("S&maller text", lambda: self.change_text_size(-1), "Ctrl+-")
        self.normal_action = self._action("&Normal text size", lambda: self.change_text_size(0), "Ctrl+0")
        self.fullscreen_action = self._action("&Full screen", self.toggle_full_screen, "F11")
        self.fullscreen_action.setCheckable(True)
        view.addAction(self.library_action)
        view.addAction(self.statistics_action)
        view.addSeparator()
        for a in (self.bigger_action, self.smaller_action, self.normal_action):
            view.addAction(a)
        theme_menu = view.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[Theme, QAction] = {}
        for theme, label in ((Theme.SYSTEM, "&System"), (Theme.LIGHT, "&Light"), (Theme.DARK, "&Dark")):
            a = self._action(label, lambda _c=False, t=theme: self.set_theme(t))
            a.setCheckable(True)
            self.theme_group.addAction(a)
            theme_menu.addAction(a)
            self.theme_actions[theme] = a
        view.addSeparator()
        view.addAction(self.fullscreen_action)

        help_menu = bar.addMenu("&Help")
        self.help_action = self._action("quizapp &Help", self.show_help, QKeySequence.StandardKey.HelpContents)
        self.help_action.setShortcut(QKeySequence("F1"))
        self.about_action = self._action("&About quizapp", self.show_about)
        self.welcome_action = self._action("&Welcome", self.show_welcome,
                                           tip="What quizapp does, and where to begin")
        # A bank editor in front takes these too (see BankEditor): F1 there is this help, Ctrl+Q quits.
        for a in (self.help_action, self.bigger_action, self.smaller_action, self.normal_action, self.quit_action):
            a.setProperty(EVERY_WINDOW, True)
        # A dialog in front (modal or not) takes the text size keys too: its text may be the one too small to read.
        for a in (self.bigger_action, self.smaller_action, self.normal_action):
            a.setProperty(TEXT_SIZE, True)
        text_size_keys_in_dialogs(QApplication.instance())
        help_menu.addAction(self.welcome_action)
        help_menu.addAction(self.help_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _update_actions(self, *_args: object) -> None:
        current = self.stack.currentWidget()
        in_quiz = self._quiz is not None and current is self._quiz and self._quiz.running
        studying = self._study is not None and current is self._study and self._study.running
        on_results = self._results is not None and current is self._results
        self.start_action.setEnabled(current is self.library)
        self.resume_action.setEnabled(current is self.library and self.library.resume_id is not None)
        self.skip_action.setEnabled(in_quiz or studying)
        self.leave_action.setEnabled(in_quiz)
        shown = self._results.session if on_results else None
        self.retry_action.setEnabled(bool(shown and shown.mistakes))
        self.export_results_action.setEnabled(on_results)
        self.copy_results_action.setEnabled(bool(shown and shown.answers))
        self.open_action.setEnabled(not in_quiz)
        on_library = current is self.library
        check = self.library.current_check() if on_library else None
        self.edit_bank_action.setEnabled(check is not None)
        self.undo_remove_action.setEnabled(on_library and self.library.can_undo_remove())
        can_study = can_start(check) and self.history_error is None
        # On a bank of no questions yet Ctrl+D says why nothing starts, as Enter does: disabled, it said nothing.
        self.study_action.setEnabled(check is not None and check.loaded is not None and self.history_error is None)
        self.review_action.setEnabled(can_study)
        self.review_all_action.setEnabled(on_library and self.history_error is None)
        self.statistics_action.setEnabled(not in_quiz and self.history_error is None)
        # On a bank with errors Ctrl+E says why nothing is exported: disabled, it said nothing.
        self.export_action.setEnabled(check is not None)
        for a in (self.new_from_article_action, self.import_action):
            a.setEnabled(not in_quiz)

    # user actions

    def open_bank(self) -> None:
        """Ask for bank files and add them to the library."""
        settings = QSettings()
        folder = str(settings.value("library/open_dir", str(Path.home())))
        paths, _ = QFileDialog.getOpenFileNames(self, "Open question bank", folder,
                                                "Question banks (*.yaml *.yml);;All files (*)")
        if paths:
            settings.setValue("library/open_dir", str(Path(paths[0]).parent))
            self.show_library()
            self.library.add_banks([Path(p) for p in paths])
        self._focus_screen()

    def edit_bank(self, path: Path) -> None:
        """Open the bank editor on `path`; the library reloads the bank when it is saved."""
        from quizapp.gui.editor import open_editor

        editor = open_editor(path, self, installed=self.library.is_bundled(path))
        if editor is not None:
            editor.saved.connect(self._bank_saved)

    def _bank_saved(self, path: Path) -> None:
        if self.library.is_bundled(path):
            self.library.refresh()
        else:
            self.library.add_banks([path])

    def come_to_front(self, banks: list[Path]) -> None:
        """Another start of quizapp on this data folder: show this window in front, with `banks` it was given."""
        if banks:
            self.library.add_banks(banks)
            self._focus_screen()  # as after Open bank…: on the library, Enter starts the first of them
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def new_bank_from_article(self) -> None:
        """Generate a bank from articles, save it and open it in the editor."""
        self.new_bank_from_articles([])

    def new_bank_from_articles(self, articles: list[Path]) -> None:
        """New bank from article with `articles` already in its list (files dropped on the library)."""
        from quizapp.gui.generate_dialog import new_bank_from_article

        editor = new_bank_from_article(self, articles=articles)
        if editor is not None:
            editor.saved.connect(self._bank_saved)
            self.library.add_banks([editor.draft.path])
        else:
            self._focus_screen()

    def import_bank(self) -> None:
        """Import GIFT, Moodle XML or Aiken questions as a new bank and list it."""
        self.import_file(None)

    def import_file(self, source: Path | None) -> None:
        """Import `source` (a file dropped on the library), or a file asked for when None."""
        from quizapp.gui.interop import import_bank_dialog

        imported = import_bank_dialog(self, source)
        if imported is not None:
            read, path = imported
            self.show_library()
            self.library.add_banks([path], note=f"Imported {read.name} as {path.name}.")
        elif source is not None:
            self.library.say(f"{source.name} was not imported.")
        self._focus_screen()

    def export_bank(self) -> None:
        """Export the selected bank to another tool's format."""
        check = self.library.current_check()
        if check is None:
            return
        if check.loaded is None:  # its row says it cannot be started; Ctrl+E says it cannot be exported, and why
            self.library.say(f"{check.title or check.path.name}: {cannot_export(len(check.errors))}")
            return
        if not check.loaded.bank.questions:  # as Start quiz… says why it does not start, not an empty file
            self.library.say(f"{check.loaded.bank.title}: {NOTHING_TO_EXPORT}")
            return
        from quizapp.gui.interop import export_bank_dialog

        export_bank_dialog(self, check.loaded)
        self._focus_screen()

    def start_quiz(self, loaded: LoadedBank) -> None:
        """Ask for the quiz options, then start the quiz."""
        from quizapp.gui.options_dialog import QuizOptionsDialog

        dialog = QuizOptionsDialog(loaded, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        options = dialog.options()
        dialog.deleteLater()
        if accepted:
            self.begin(loaded, options)
        else:
            self._focus_screen()

    def _focus_screen(self) -> None:
        """After a dialog opened from the library or the statistics (Ctrl+N, Ctrl+E): the focus back where
        that screen's keys work (the bank list; the statistics' page, for Esc and Page Down), whatever was
        clicked."""
        current = self.stack.currentWidget()
        if current is self.library:
            self.library.focus_list()
        elif current is self._stats:
            self._stats.focus_page()

    def begin(self, loaded: LoadedBank, options: QuizOptions) -> None:
        """Start a quiz with the options given (no dialog)."""
        from quizapp.core.session import start_quiz

        self.run_session(start_quiz(loaded, options))

    def run_session(self, session: QuizSession, *, session_id: str | None = None) -> None:
        """Show the quiz screen on `session`; each answer is stored in the history as it is given.

        `session_id` continues a stored (resumed) session instead of starting a new one.
        """
        store = self.history()
        self.quiz_session_id = session_id
        self._session_note = ""
        if store is not None:
            if session_id is None:
                self.quiz_session_id = _store_quiz(store, session)
            sid = self.quiz_session_id
            session.on_answer.append(lambda answer: self._record_answer(sid, session, answer))
        self.stack.setCurrentWidget(self.quiz)
        self.quiz.start(session)
        self._update_actions()

    def _record_answer(self, session_id: str, session: QuizSession, answer: Answer) -> None:
        from quizapp.core.history import bank_key

        store = self.history()
        if store is None:
            return
        store.record_answer(session_id, bank_key=bank_key(session.loaded.path), question_id=answer.question.id,
                            given=answer.given, verdict=str(answer.verdict), points=answer.points,
                            seconds=answer.seconds)

    def retry_mistakes(self, session: QuizSession | None) -> None:
        """A new quiz on the questions of `session` that were not right."""
        if session is not None and session.mistakes:
            self.run_session(session.retry_mistakes())

    def _quiz_finished(self, session: QuizSession) -> None:
        from quizapp.core.session import QuizScope
        from quizapp.gui.results import quiz_note

        store = self.history()
        if store is not None and self.quiz_session_id is not None:
            store.finish_session(self.quiz_session_id)
        self.quiz_session_id = None
        if session.max_score and session.scope is QuizScope.ALL:  # a retry or a few questions is not the bank's score
            self.scores.record(session.loaded.path, session.percentage)
        self.results.show_session(session)
        self.stack.setCurrentWidget(self.results)
        self.library.refresh_scores()
        self._update_actions()
        self._session_note = quiz_note(session, self._bank_title(_key(session.loaded)) or session.loaded.title)

    def _study_finished(self, session: StudySession) -> None:
        from quizapp.gui.study_screen import study_note

        store = self.history()
        key = store.session(session.session_id).bank_key if store is not None else None
        self._session_note = study_note(session, self._bank_title(key))

    def show_library(self) -> None:
        """Back to the library (leaving a running quiz asks first; a left quiz stays unfinished in the history;
        a study session left mid-way is not asked about, the library says its answers are kept)."""
        if self._quiz is not None and self.stack.currentWidget() is self._quiz and not self._quiz.leave():
            return
        if self._study is not None and self.stack.currentWidget() is self._study and self._study.running:
            # (Ctrl+L, Open bank…) Left as Esc leaves it: the session ends, and its `left` comes back here.
            self._study.leave()
            return
        left_quiz = None
        if self._quiz is not None and self._quiz.session is None:
            left_quiz, self.quiz_session_id = self.quiz_session_id, None
        if self._study is not None and self.stack.currentWidget() is self._study:
            self.library.refresh_scores()  # the due counts after a study session (left or done)
            self._session_note = self._study.left_note() or self._session_note
        if left_quiz is not None:
            # Offered at once, as at the next start: the leave dialog promised it can be resumed.
            self._offer_unfinished(left_quiz)
        self.stack.setCurrentWidget(self.library)
        if self._session_note:  # once: the session just ended, said by its bank's title
            self.library.report(self._session_note)
            self._session_note = ""
        self.library.focus_list()

    # study, review, statistics

    def loaded_banks(self) -> list[LoadedBank]:
        """The library's banks that load."""
        return [c.loaded for c in self.library.checks if c.loaded is not None]

    def study(self, loaded: LoadedBank) -> None:
        """A study session on the bank's due questions and new ones within the daily limit."""
        from quizapp.core.study import start_study

        store = self.history()
        if store is not None:
            self.run_study(start_study(store, loaded, new_per_day=new_per_day()), f"Study: {loaded.bank.title}")

    def review_mistakes(self, *, all_banks: bool = False) -> None:
        """A session on the questions answered wrongly last time: of the selected bank, or of every bank."""
        from quizapp.core.study import start_review

        store = self.history()
        if store is None:
            return
        if all_banks:
            self.run_study(start_review(store, self.loaded_banks()), "Review mistakes: all banks")
            return
        check = self.library.current_check()
        if check is None or check.loaded is None:
            return
        self.run_study(start_review(store, [check.loaded]), f"Review mistakes: {check.loaded.bank.title}")

    def skip_question(self) -> None:
        """Ctrl+K: skip the question of the quiz or the study session shown (a study question comes back later)."""
        if self._study is not None and self.stack.currentWidget() is self._study:
            self._study.skip()
        elif self._quiz is not None:
            self._quiz.skip()

    def run_study(self, session: StudySession, title: str) -> None:
        """Show the study screen on a study or review session."""
        self._session_note = ""
        self.stack.setCurrentWidget(self.study_screen)
        self.study_screen.start(session, title)
        self._update_actions()

    def ask_new_per_day(self) -> None:
        """Ask for the daily limit of new questions in study sessions."""
        from quizapp.gui.number_dialog import NumberDialog

        dialog = NumberDialog(self, title="New questions per day",
                              text="New questions a study session may add each day, per bank:",
                              value=new_per_day(), minimum=0, maximum=1000)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_new_per_day(dialog.value())

    def set_new_per_day(self, value: int) -> None:
        """Change the daily limit of new questions (remembered) and update the due counts."""
        QSettings().setValue(NEW_PER_DAY_KEY, max(0, int(value)))
        self.library.refresh_scores()

    def show_statistics(self) -> None:
        """The statistics screen on the history and the library's banks."""
        store = self.history()
        if store is None:
            return
        if self._quiz is not None and self.stack.currentWidget() is self._quiz and not self._quiz.leave():
            return
        if self._study is not None and self.stack.currentWidget() is self._study and self._study.running:
            self._study.leave()  # (by way of the library, as a quiz is left) ended as Esc ends it
        self.statistics.load(store, self.loaded_banks())
        self.stack.setCurrentWidget(self.statistics)
        self.statistics.focus_page()

    # resuming an unfinished session

    def unfinished(self) -> SessionRecord | None:
        """The newest unfinished session with answers still to give, if any."""
        store = self.history()
        if store is None:
            return None
        for record in store.unfinished_sessions():
            if record.remaining:
                return record
            store.finish_session(record.id)  # every question answered: only the end was missed
        return None

    def _offer_resume(self) -> None:
        if self._resume_offered:  # at start-up only: later loads are refreshes
            return
        self._resume_offered = True
        record = self.unfinished()
        if record is not None:
            self.library.offer_resume(record, self._describe(record))
            self._update_actions()

    def _offer_unfinished(self, session_id: str) -> None:
        """The library's banner on a quiz just left, when questions of it remain to answer."""
        store = self.history()
        if store is None:
            return
        record = store.session(session_id)
        if not record.finished and record.remaining:
            self.library.offer_resume(record, self._describe(record))

    def _bank_title(self, key: str | None) -> str | None:
        """The library's name for the bank of history key `key` (None where it is not listed): its title, told from
        another bank's of that title by its file's name; for one listed with an error too, by its title where its
        YAML reads, else by its file's name."""
        from quizapp.core.history import bank_key, distinct_titles

        return distinct_titles({bank_key(c.path): c.loaded.bank.title if c.loaded is not None
                                else c.title or c.path.name for c in self.library.checks}).get(key)

    def _describe(self, record: SessionRecord) -> str:
        import datetime as dt

        # "A quiz started 06 Dec 21:18" alone does not say which bank Resume would go on with.
        title = self._bank_title(record.bank_key)
        kind = {"quiz": "A quiz", "study": "A study session", "review": "A review of mistakes"}[record.kind]
        when = dt.datetime.fromtimestamp(record.started_at).strftime("%d %b %H:%M")
        return (f"{kind}{f' of “{title}”' if title else ''} started {when} was not finished: "
                f"{record.answered} of {len(record.plan)} answered.")

    def resume(self, session_id: str) -> None:
        """Continue an unfinished session at the question where it stopped, with its answers so far."""
        store = self.history()
        if store is None:
            return
        record = store.session(session_id)
        broken = self._broken_check(record.bank_key)
        if broken is not None:  # kept to resume once the bank is fixed: its answers are not lost
            self.library.select_bank(broken.path)
            kind, name = "quiz" if record.kind == "quiz" else "session", broken.title or broken.path.name
            self.library.status.setText(f"That {kind} cannot be resumed now: the bank “{name}” has an error: "
                                        f"{broken.errors[0].message}. Fix it in Edit bank… to resume.")
            return
        self.library.hide_resume()
        banks = self.loaded_banks()
        if record.kind == "quiz":
            session = _rebuild_quiz(store, session_id, banks)
            if session is None:  # its bank is gone
                store.finish_session(session_id, abandoned=True)
                self.library.status.setText("That quiz cannot be resumed: its bank is no longer in the library.")
                return
            self.run_session(session, session_id=session_id)
            return
        from quizapp.core.study import resume_session

        title = "Study" if record.kind == "study" else "Review mistakes"
        self.run_study(resume_session(store, session_id, banks), title + " (resumed)")

    def _broken_check(self, key: str | None) -> BankCheck | None:
        """The library's bank of history key `key` when it is listed with errors."""
        from quizapp.core.history import bank_key

        return next((c for c in self.library.checks if c.loaded is None and key is not None
                     and bank_key(c.path) == key), None)

    def discard(self, session_id: str) -> None:
        """Do not resume an unfinished session: its answers stay in the history, marked abandoned."""
        store = self.history()
        if store is not None:
            store.finish_session(session_id, abandoned=True)
        self.library.hide_resume()
        self._update_actions()

    def show_article(self, passage: CitedPassage) -> None:
        """Open the article view on a citation; Back returns to the current screen."""
        self._article_return = self.stack.currentWidget()
        self.stack.setCurrentWidget(self.article)
        self.article.show_passage(passage)

    def _article_back(self) -> None:
        target = self._article_return or self.library
        self.stack.setCurrentWidget(target)
        if target in (self._quiz, self._study) and target.in_feedback:
            target.next_button.setFocus()

    # view

    def change_text_size(self, step: int) -> None:
        """Larger (+1), smaller (-1) or normal (0) text; remembered."""
        app = QApplication.instance()
        settings = QSettings()
        base = getattr(self, "_base_point_size", None) or app.font().pointSizeF()
        self._base_point_size = base
        size = base if step == 0 else app.font().pointSizeF() + step
        size = set_point_size(app, size)
        settings.setValue("view/point_size", size)
        for window in QApplication.topLevelWidgets():  # a bank editor's too: the key may be pressed there
            rescale_fonts(window)

    def set_theme(self, theme: Theme) -> None:
        """Follow the system palette, or force light or dark; remembered."""
        apply_theme(QApplication.instance(), theme)
        self.theme_actions[theme].setChecked(True)
        QSettings().setValue("view/theme", theme.value)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.fullscreen_action.setChecked(self.isFullScreen())

    def show_help(self) -> None:
        from quizapp.gui.help_text import show_help_window

        # Over the window the key was pressed in: a bank editor's F1 opens it over the editor, at the part
        # about making and editing banks.
        active = QApplication.activeWindow()
        over = active if active is not None and not active.isModal() else self
        editing = "quizapp.gui.editor" in sys.modules and isinstance(over, sys.modules["quizapp.gui.editor"].BankEditor)
        self.help_dialog = show_help_window(over, "Making banks" if editing else None)

    def show_welcome(self) -> None:
        """Open the welcome over the window: what quizapp does, with a button for each first step."""
        from quizapp.gui.welcome import WelcomeDialog

        if self.welcome_dialog is not None:
            self.welcome_dialog.activateWindow()
            return
        dialog = WelcomeDialog(self)
        dialog.finished.connect(lambda _result: setattr(self, "welcome_dialog", None))
        # Each step runs once the welcome has closed, not from inside its button's click.
        queued = Qt.ConnectionType.QueuedConnection
        dialog.quiz_requested.connect(self.take_a_quiz, queued)
        dialog.generate_requested.connect(self.new_from_article_action.trigger, queued)
        dialog.open_requested.connect(self.open_action.trigger, queued)
        dialog.rejected.connect(self._focus_screen)
        # Opened from Help in the middle of a quiz: no new bank or file until the quiz is left.
        dialog.generate_button.setEnabled(self.new_from_article_action.isEnabled())
        dialog.open_button.setEnabled(self.open_action.isEnabled())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fit()
        dialog.open()
        self.welcome_dialog = dialog

    def welcome_on_first_start(self) -> None:
        """Show the welcome if quizapp was never started before (with these settings)."""
        from quizapp.gui.welcome import is_first_start

        if is_first_start():
            self.show_welcome()

    def take_a_quiz(self) -> None:
        """The quiz options of the selected bank, or of the first that can be started, in the library."""
        self.show_library()
        if self.stack.currentWidget() is not self.library:  # a quiz running, that the user kept
            return
        if self.library.loading:  # at start-up the banks may still be loading: once they are in the list
            self.library.loaded.connect(lambda: QTimer.singleShot(0, self.take_a_quiz),
                                        Qt.ConnectionType.SingleShotConnection)
            return
        check = self.library.current_check()
        if not can_start(check):
            rows = [i for i, c in enumerate(self.library.checks) if can_start(c)]
            if not rows:
                return
            self.library.list.setCurrentRow(rows[0])
        self.library.start_current()

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("About quizapp")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"quizapp {__version__}")
        box.setInformativeText("Fact-checking quizzes from news articles: every answer cites the "
                               "sentence of the article that proves it.\n\n"
                               f"PySide6 {_pyside_version()}, Qt {qVersion()}")
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))  # quizapp's icon, as QMessageBox.about() shows it
        box.open()
        self.about_box = box

    # settings

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(QByteArray(geometry))):
            self.resize(1000, 720)
        fit_on_screen(self)
        theme = settings.value("view/theme", Theme.SYSTEM.value)
        theme = Theme(theme) if theme in {t.value for t in Theme} else Theme.SYSTEM
        if theme is not Theme.SYSTEM:
            apply_theme(QApplication.instance(), theme)
        self.theme_actions[theme].setChecked(True)
        size = settings.value("view/point_size")
        app = QApplication.instance()
        self._base_point_size = app.font().pointSizeF()
        try:
            if size is not None:
                set_point_size(app, float(size))
                rescale_fonts(self)
        except (TypeError, ValueError):
            pass

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._quiz is not None and self.stack.currentWidget() is self._quiz and not self._quiz.leave(quitting=True):
            event.ignore()
            return
        if "quizapp.gui.editor" in sys.modules:  # quitting closes the editors: each asks first
            from quizapp.gui.editor import open_editors

            for editor in open_editors():
                if not editor.close():
                    event.ignore()
                    return
        if self._study is not None:
            self._study.stop()  # quitting on purpose ends a study session, as leaving it does
        QSettings().setValue("window/geometry", self.saveGeometry())
        if self._history is not None:
            self._history.close()
            self._history = None
            self.history_error = "closed"
        event.accept()


def _key(loaded: LoadedBank) -> str:
    from quizapp.core.history import bank_key

    return bank_key(loaded.path)


def _store_quiz(store: HistoryStore, session: QuizSession) -> str:
    """Store a new quiz session with its plan (questions and choices as shown); return its id."""
    from quizapp.core.history import PlanItem
    from quizapp.core.study import bank_ref

    ref = bank_ref(session.loaded)
    options = {"mode": session.options.mode.value}
    return store.start_session(kind="quiz", bank=ref, options=options, scope=session.scope.value,
                               plan=[PlanItem(ref.key, item.question.id, item.choices) for item in session.items])


def _rebuild_quiz(store: HistoryStore, session_id: str, banks: list[LoadedBank]) -> QuizSession | None:
    """A stored unfinished quiz as a QuizSession: same questions, same choice order, the answers so far.

    The time limit is not restored (the clock cannot know how long the app was closed).
    """
    from quizapp.core.scoring import Verdict
    from quizapp.core.session import Answer, Mode, QuizItem, QuizOptions, QuizSession
    from quizapp.core.study import resume_point

    point = resume_point(store, session_id, banks)
    if not point.items:
        return None
    loaded = point.items[0].loaded
    items = [QuizItem(i.question, i.choices) for i in point.items]
    by_id = {item.question.id: item for item in items[:point.position]}
    answers = [Answer(by_id[a.question_id], a.given, Verdict(a.verdict), a.points, a.seconds)
               for a in point.answers if a.question_id in by_id]
    mode = Mode(point.session.options.get("mode", Mode.PRACTICE.value))
    return QuizSession(loaded=loaded, options=QuizOptions(mode=mode), items=items, answers=answers,
                       retry=point.session.scope == "retry")


def _pyside_version() -> str:
    import PySide6

    return PySide6.__version__
