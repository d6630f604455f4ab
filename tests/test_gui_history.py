"""The history wired into the window: answers stored one by one, resume at start-up, study, statistics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from quizapp.core.history import HistoryStore, bank_key
from quizapp.core.model import ChoiceQuestion
from quizapp.core.session import QuizOptions
from quizapp.core.study import day_start, due_counts, start_study
from quizapp.gui.main_window import new_per_day
from quizapp.gui.number_dialog import NumberDialog
from tests.conftest import Steps, alt, key, on_modal
from tests.test_gui_quiz import answer_by_clicks


def new_window(qtbot: QtBot, data_dir: Path, bundled_copy: Path):
    """A second app start on the same data folder (as after a crash)."""
    from quizapp.gui.main_window import MainWindow

    window = MainWindow(data_dir=data_dir, bundled_dir=bundled_copy)

    def before_close(w) -> None:
        if w._quiz is not None:
            w._quiz.confirm_leave = w._quiz.confirm_quit = lambda _parent: True

    qtbot.addWidget(window, before_close_func=before_close)
    window.library.refresh()
    window.show()
    qtbot.waitUntil(lambda: not window.library.loading and window.library.list.count() > 0)
    return window


def test_each_quiz_answer_is_stored_as_it_is_given(qtbot: QtBot, main_window, bundled_bank, data_dir) -> None:
    window = main_window
    window.begin(bundled_bank, QuizOptions(count=5, seed=1))
    quiz = window.quiz
    items = list(quiz.session.items)
    # A second connection reads the file, as another process would after a kill.
    with HistoryStore.open(data_dir) as reader:
        [record] = reader.unfinished_sessions()
        assert [p.question_id for p in record.plan] == [i.question.id for i in items]
        assert [p.choices for p in record.plan] == [i.choices for i in items]
        for n in range(5):
            question, given, verdict = answer_by_clicks(qtbot, quiz)
            stored = reader.answers(session_id=record.id)
            assert len(stored) == n + 1  # committed before the feedback shows
            last = stored[-1]
            assert (last.bank_key, last.question_id, last.verdict) == (bank_key(bundled_bank.path), question.id,
                                                                       verdict)
            assert last.given.replace(",", "") == given.replace(",", "")
            assert not reader.session(record.id).finished
            qtbot.mouseClick(quiz.next_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.results
        assert reader.session(record.id).finished
        points = sum(a.points for a in reader.answers(session_id=record.id))
    # The library's scores come from the history now (the old scores file is not needed). Five of the
    # bank's 18 questions are not the bank's score: they are shown as what they were.
    (data_dir / "scores.json").unlink(missing_ok=True)
    window.show_library()
    window.library.refresh_scores()
    assert window.library.score_line.text() == (
        f"Not taken whole yet · a quiz on 5 of 18 questions: {points:g} / 5 points ({100 * points / 5:.0f}%)")


def test_a_left_quiz_stays_unfinished(qtbot: QtBot, main_window, bundled_bank, data_dir) -> None:
    window = main_window
    window.begin(bundled_bank, QuizOptions(count=4, seed=2))
    answer_by_clicks(qtbot, window.quiz)
    window.quiz.confirm_leave = lambda _parent: True
    window.show_library()
    with HistoryStore.open(data_dir) as reader:
        [record] = reader.unfinished_sessions()
        assert record.answered == 1 and len(record.plan) == 4


def test_a_quiz_left_is_offered_to_resume_at_once(qtbot: QtBot, main_window, bundled_bank) -> None:
    """Esc > Leave said "the next time quizapp starts it offers to resume it", and the library offered
    nothing until then: now the dialog says the library offers it, and its banner (Alt+R) and the Quiz
    menu do, at once."""
    window = main_window
    window.begin(bundled_bank, QuizOptions(count=4, seed=2))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    answer_by_clicks(qtbot, window.quiz)
    qtbot.mouseClick(window.quiz.next_button, Qt.MouseButton.LeftButton)
    asked: list[str] = []

    def read_and_leave(box: QMessageBox) -> None:
        asked.append(box.text())
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)
        alt(qtbot, "L")

    on_modal(qtbot, read_and_leave)
    key(qtbot, Qt.Key.Key_Escape)
    window.activateWindow()  # as the window manager does when the dialog closes (offscreen has none)
    qtbot.waitUntil(window.isActiveWindow)
    [text] = asked
    assert "the library offers to resume it" in text and "next time" not in text
    library = window.library
    assert window.stack.currentWidget() is library
    assert library.resume_banner.isVisibleTo(library)
    assert "1 of 4 answered" in library.resume_text.text()
    assert window.resume_action.isEnabled()  # Quiz > Resume unfinished quiz
    alt(qtbot, "R")  # the banner's Resume
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.quiz)
    assert window.quiz.position.text() == "Question 2 of 4" and len(window.quiz.session.answers) == 1
    assert not library.resume_banner.isVisibleTo(library) and not window.resume_action.isEnabled()


def test_unfinished_quiz_is_offered_at_start_up_and_resumes(qtbot: QtBot, main_window, bundled_bank,
                                                            data_dir, bundled_copy) -> None:
    first = main_window
    first.begin(bundled_bank, QuizOptions(count=6, seed=3))
    items = list(first.quiz.session.items)
    given = []
    for _ in range(3):
        given.append(answer_by_clicks(qtbot, first.quiz))
        qtbot.mouseClick(first.quiz.next_button, Qt.MouseButton.LeftButton)
    earlier = [(a.question.id, a.verdict, a.points) for a in first.quiz.session.answers]
    assert not first.library.resume_banner.isVisibleTo(first.library)  # nothing to offer when it started

    # The app is killed here: the first window never finishes; a new start reads the same file.
    again = new_window(qtbot, data_dir, bundled_copy)
    banner = again.library.resume_banner
    qtbot.waitUntil(lambda: banner.isVisibleTo(again.library))
    assert "3 of 6 answered" in again.library.resume_text.text()
    qtbot.mouseClick(again.library.resume_button, Qt.MouseButton.LeftButton)
    assert again.stack.currentWidget() is again.quiz
    session = again.quiz.session
    assert [i.question.id for i in session.items] == [i.question.id for i in items]
    assert [i.choices for i in session.items] == [i.choices for i in items]  # same choice order
    assert [(a.question.id, a.verdict, a.points) for a in session.answers] == earlier
    assert again.quiz.position.text() == "Question 4 of 6"
    assert not banner.isVisibleTo(again.library)
    for _ in range(3):
        answer_by_clicks(qtbot, again.quiz)
        qtbot.mouseClick(again.quiz.next_button, Qt.MouseButton.LeftButton)
    assert again.stack.currentWidget() is again.results
    assert again.results.list.count() == 6
    with HistoryStore.open(data_dir) as reader:
        [record] = reader.sessions(kind="quiz")
        assert record.finished and record.answered == 6
        assert not reader.unfinished_sessions()


def test_discarded_session_is_not_offered_again(qtbot: QtBot, main_window, bundled_bank, data_dir,
                                                bundled_copy) -> None:
    main_window.begin(bundled_bank, QuizOptions(count=3, seed=4))
    answer_by_clicks(qtbot, main_window.quiz)
    again = new_window(qtbot, data_dir, bundled_copy)
    qtbot.waitUntil(lambda: again.library.resume_banner.isVisibleTo(again.library))
    qtbot.mouseClick(again.library.discard_button, Qt.MouseButton.LeftButton)
    assert not again.library.resume_banner.isVisibleTo(again.library)
    with HistoryStore.open(data_dir) as reader:
        [record] = reader.sessions()
        assert record.abandoned and record.answered == 1  # the answer given stays in the history
    third = new_window(qtbot, data_dir, bundled_copy)
    assert third.unfinished() is None
    assert not third.library.resume_banner.isVisibleTo(third.library)


def answer_study(qtbot: QtBot, screen, *, right: bool) -> None:
    item = screen.session.current
    q = item.question
    if isinstance(q, ChoiceQuestion):
        text = q.answer if right else q.distractors[0]
        qtbot.mouseClick(screen.choice_buttons[item.choices.index(text)], Qt.MouseButton.LeftButton)
    else:
        screen.number.setText(f"{q.answer:g}" if right else f"{q.answer * 10 + 1000:g}")
        qtbot.keyClick(screen.number, Qt.Key.Key_Return)


def test_study_from_the_library_asks_due_and_new_and_updates_the_due_count(
        qtbot: QtBot, main_window, bundled_bank, data_dir) -> None:
    window = main_window
    window.set_new_per_day(4)
    assert new_per_day() == 4  # kept in QSettings
    key = bank_key(bundled_bank.path)
    # Yesterday three questions were studied; two of them were missed, so they are due today.
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    with HistoryStore.open(data_dir) as store:
        past = start_study(store, bundled_bank, now=yesterday, new_per_day=3, seed=1)
        studied = [i.question.id for i in past.items]
        for n in range(3):
            past.answer("x", verdict="right" if n == 0 else "wrong", seconds=3, now=yesterday)
        due_ids = {row.question_id for row in store.cards(key) if row.state != 2}  # not in review
        expected = due_counts(store, [bundled_bank], new_per_day=4)[key]
    assert expected.due >= 2 and expected.new == 4 and expected.later == 0
    window.library.refresh_scores()
    item = window.library.list.item(0).text()
    assert item.endswith(f"{expected.due} due now · 4 new")
    assert window.library.study_line.text() == f"{expected.due} due now · 4 new for study today"

    qtbot.mouseClick(window.library.study_button, Qt.MouseButton.LeftButton)
    screen = window.study_screen
    assert window.stack.currentWidget() is screen
    session = screen.session
    asked = [i.question.id for i in session.items]
    assert len(asked) == expected.due + 4
    due_asked = [q for q in asked if q in studied]
    assert set(due_asked) >= due_ids and len(due_asked) == expected.due
    fresh = [q for q in asked if q not in studied]
    assert fresh == [q.id for q in bundled_bank.bank.questions if q.id not in studied][:4]

    # First answer wrong: feedback with the right answer and the citation, then rated with key 3 (Good).
    answer_study(qtbot, screen, right=False)
    assert screen.in_feedback
    assert screen.feedback.verdict.text().startswith("✗ Wrong")
    first = session.items[0]
    assert first.question.cite.quotes[0] in screen.feedback.quote.text()
    qtbot.keyClick(screen, Qt.Key.Key_3)
    assert session.answers[0].rating == 3
    while not session.finished:
        answer_study(qtbot, screen, right=True)
        qtbot.keyClick(screen, Qt.Key.Key_Return)
    assert screen.done.text().startswith(f"Done: {len(asked) - 1} of {len(asked)} points")
    back = next(b for b in screen.findChildren(QPushButton) if b.text() == "&Back to library")
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.library
    # Everything due was studied and today's new ones are used up; the one missed (rated Good) comes back
    # in ten minutes: due later today (unless midnight comes first), not "nothing due today".
    midnight = (day_start(dt.datetime.now(dt.UTC)) + dt.timedelta(days=1)).timestamp()
    with HistoryStore.open(data_dir) as store:
        later = sum(row.due < midnight for row in store.cards(key))
    if later:
        assert window.library.study_line.text() == f"Nothing to study now · {later} due later today"
        assert window.library.list.item(0).text().endswith(f"18 questions · 0 due now · {later} due later today"
                                                           " · 0 new")
    else:
        assert window.library.study_line.text() == "Nothing due for study today"
        assert window.library.list.item(0).text().endswith("18 questions")


def test_review_mistakes_asks_the_questions_missed_last_time(qtbot: QtBot, main_window, bundled_bank) -> None:
    window = main_window
    window.begin(bundled_bank, QuizOptions(count=18, seed=5))
    missed = []
    while window.quiz.running:
        question, _given, verdict = answer_by_clicks(qtbot, window.quiz)
        if verdict != "right":
            missed.append(question.id)
        qtbot.mouseClick(window.quiz.next_button, Qt.MouseButton.LeftButton)
    window.show_library()
    assert missed
    window.review_action.trigger()
    assert window.stack.currentWidget() is window.study_screen
    assert sorted(i.question.id for i in window.study_screen.session.items) == sorted(missed)
    assert window.study_screen.heading.text().startswith("Review mistakes")
    window.show_library()
    window.review_all_action.trigger()  # the only bank: the same questions
    assert sorted(i.question.id for i in window.study_screen.session.items) == sorted(missed)


def test_statistics_from_the_menu_and_back(qtbot: QtBot, main_window, bundled_bank) -> None:
    window = main_window
    assert window.statistics_action.isEnabled()
    window.statistics_action.trigger()
    stats = window.statistics
    assert window.stack.currentWidget() is stats
    assert stats.statistics.empty and not stats.scores.showing_chart
    window.show_library()
    window.begin(bundled_bank, QuizOptions(count=3, seed=6))
    while window.quiz.running:
        answer_by_clicks(qtbot, window.quiz)
        qtbot.mouseClick(window.quiz.next_button, Qt.MouseButton.LeftButton)
    window.show_library()
    window.statistics_action.trigger()
    assert stats.statistics.total_answers == 3 and len(stats.statistics.sessions) == 1
    assert stats.scores.showing_chart and stats.by_bank.showing_chart
    qtbot.mouseClick(stats.back, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.library


def test_statistics_esc_goes_back_and_it_opens_at_the_top(qtbot: QtBot, main_window, bundled_bank) -> None:
    """Esc did nothing on the statistics, and they opened again where the last visit had scrolled to (the
    hardest questions at the bottom). Esc is Back; each opening starts at the summary; a new bank (Ctrl+N)
    begun there and cancelled comes back to them, the keys working."""
    from quizapp.gui.generate_dialog import GenerateDialog

    window = main_window
    window.resize(800, 600)  # one column of charts: the page scrolls
    window.begin(bundled_bank, QuizOptions(count=3, seed=6))
    while window.quiz.running:
        answer_by_clicks(qtbot, window.quiz)
        qtbot.mouseClick(window.quiz.next_button, Qt.MouseButton.LeftButton)
    window.show_library()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    stats = window.statistics
    bar = stats.scroll.verticalScrollBar()
    for _visit in range(2):
        key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is stats
        qtbot.waitUntil(lambda: bar.maximum() > 0)
        assert bar.value() == 0  # at the summary, however far the last visit scrolled
        for _ in range(3):
            key(qtbot, Qt.Key.Key_PageDown)
        assert bar.value() > 0
        key(qtbot, Qt.Key.Key_Escape)
        assert window.stack.currentWidget() is window.library

    key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    titles: list[str] = []

    def cancel(dialog: GenerateDialog) -> None:
        titles.append(dialog.windowTitle())
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        key(qtbot, Qt.Key.Key_Escape)

    on_modal(qtbot, cancel)
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert titles == ["Generate questions from articles"]
    window.activateWindow()  # as the window manager does when the dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    assert window.stack.currentWidget() is stats and stats.isAncestorOf(QApplication.focusWidget())
    key(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.library


KILLED_APP = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[3])
from quizapp.core.session import QuizOptions
from quizapp.gui.app import create_app
from quizapp.gui.main_window import MainWindow

app = create_app()
window = MainWindow(data_dir=Path(sys.argv[1]), bundled_dir=Path(sys.argv[2]))
window.library.refresh()
window.show()
while window.library.loading or not window.library.checks:
    app.processEvents()
window.begin(window.library.checks[0].loaded, QuizOptions(count=5, seed=7))
quiz = window.quiz
for _ in range(3):
    item = quiz.session.current
    if item.is_choice:
        quiz.choose(1)
    else:
        quiz.number.setText("7")
        quiz.submit_number()
    quiz.next_question()
    print("answered", item.question.id, flush=True)
time.sleep(600)
"""


def test_app_killed_in_mid_quiz_resumes_with_nothing_lost(qtbot: QtBot, main_window, data_dir, bundled_copy,
                                                           tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT, child_process, kill_hard

    main_window.close()  # this test's app starts after the killed one
    script = tmp_path / "app.py"
    script.write_text(KILLED_APP, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    with child_process([sys.executable, str(script), str(data_dir), str(bundled_copy), str(tmp_path / "s")],
                       stdout=subprocess.PIPE, env=env) as proc:
        answered = [proc.stdout.readline().split()[1] for _ in range(3)]
        kill_hard(proc)

    again = new_window(qtbot, data_dir, bundled_copy)
    qtbot.waitUntil(lambda: again.library.resume_banner.isVisibleTo(again.library))
    assert "3 of 5 answered" in again.library.resume_text.text()
    qtbot.mouseClick(again.library.resume_button, Qt.MouseButton.LeftButton)
    session = again.quiz.session
    assert [a.question.id for a in session.answers] == answered
    assert again.quiz.position.text() == "Question 4 of 5"
    while again.quiz.running:
        answer_by_clicks(qtbot, again.quiz)
        qtbot.mouseClick(again.quiz.next_button, Qt.MouseButton.LeftButton)
    assert again.results.list.count() == 5
    with HistoryStore.open(data_dir) as reader:
        [record] = reader.sessions()
        assert record.finished and [a.question_id for a in reader.answers(session_id=record.id)][:3] == answered


def test_new_questions_per_day_setting_from_the_menu(qtbot: QtBot, main_window) -> None:
    def type_seven(_dialog: NumberDialog) -> None:
        key(qtbot, Qt.Key.Key_7)  # over the number, selected as the dialog opens
        key(qtbot, Qt.Key.Key_Return)  # OK

    with Steps().then(NumberDialog, type_seven):
        main_window.new_per_day_action.trigger()
    assert new_per_day() == 7
    assert main_window.library.study_line.text() == "0 due now · 7 new for study today"


def test_a_damaged_history_file_is_named_and_quizzes_still_run(qtbot: QtBot, settings_dir, data_dir,
                                                                bundled_copy, bundled_bank) -> None:
    from quizapp.gui.app import create_app

    create_app()
    (data_dir / "history.sqlite3").write_bytes(b"this is not a database" * 100)
    window = new_window(qtbot, data_dir, bundled_copy)
    assert "history.sqlite3" in window.library.status.text()
    assert "not kept" in window.library.status.text()
    assert not window.library.study_button.isEnabled() and not window.study_action.isEnabled()
    window.begin(bundled_bank, QuizOptions(count=2, seed=8))
    while window.quiz.running:
        answer_by_clicks(qtbot, window.quiz)
        qtbot.mouseClick(window.quiz.next_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.results


def test_a_quiz_on_a_bank_with_an_error_names_it_and_says_why_it_cannot_resume(
        qtbot: QtBot, settings_dir, data_dir, bank_file: Path) -> None:
    """Its article moved away, the bank is listed with an error: the banner said "A quiz started … was not
    finished" without the bank, and Resume "its bank is no longer in the library" (and dropped the quiz)."""
    first = new_window(qtbot, data_dir, bank_file.parent)
    [loaded] = [c.loaded for c in first.library.checks if c.path == bank_file]
    first.begin(loaded, QuizOptions(count=4, seed=2))
    answer_by_clicks(qtbot, first.quiz)
    article = bank_file.parent.parent / "seeds" / "mali-helicopter-collision.txt"
    moved = article.rename(article.with_name("moved.txt"))

    again = new_window(qtbot, data_dir, bank_file.parent)
    library = again.library
    qtbot.waitUntil(lambda: library.resume_banner.isVisibleTo(library))
    assert "of “French helicopter collision in Mali” started" in library.resume_text.text()
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    alt(qtbot, "R")  # the banner's Resume
    qtbot.waitUntil(lambda: "cannot be resumed" in library.status.text())
    status = library.status.text()
    assert "the bank “French helicopter collision in Mali” has an error: source file" in status, status
    assert "not found" in status and status.endswith("Fix it in Edit bank… to resume.")
    assert library.current_check().path == bank_file  # selected: Edit bank… is a key away
    assert library.resume_banner.isVisibleTo(library) and again.stack.currentWidget() is library

    # Fixed (the article back), the quiz goes on where it stopped.
    moved.rename(article)
    library.refresh()
    qtbot.waitUntil(lambda: not library.loading and library.current_check().loaded is not None)
    alt(qtbot, "R")
    qtbot.waitUntil(lambda: again.stack.currentWidget() is again.quiz)
    assert again.quiz.position.text() == "Question 2 of 4"
