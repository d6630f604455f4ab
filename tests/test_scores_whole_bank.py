"""The bank's last and best score are those of quizzes on all its questions: a retry of mistakes, or a quiz
on a few questions, is shown as what it was, in the real history file (and in one of the old format)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.core.history import FILE_NAME, SCHEMA_VERSION, HistoryStore, bank_key
from quizapp.core.model import ChoiceQuestion
from quizapp.core.session import QuizOptions, start_quiz
from tests.test_gui_history import new_window
from tests.test_gui_keyboard_start import focused

# The history as quizapp wrote it at schema version 2 (before a quiz's scope was stored).
SCHEMA_V2 = """
CREATE TABLE banks (key TEXT PRIMARY KEY, title TEXT NOT NULL, path TEXT);
CREATE TABLE sessions (id TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'quiz', bank_key TEXT,
    started_at REAL NOT NULL, finished_at REAL, abandoned INTEGER NOT NULL DEFAULT 0,
    plan TEXT NOT NULL DEFAULT '[]', options TEXT NOT NULL DEFAULT '{}');
CREATE TABLE answers (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id),
    bank_key TEXT NOT NULL, question_id TEXT NOT NULL, given TEXT, correct INTEGER NOT NULL,
    verdict TEXT NOT NULL, points REAL NOT NULL, seconds REAL NOT NULL, answered_at REAL NOT NULL, rating INTEGER);
CREATE INDEX answers_by_session ON answers(session_id, points);
CREATE INDEX answers_by_question ON answers(bank_key, question_id, correct);
CREATE INDEX answers_by_time ON answers(answered_at);
CREATE INDEX sessions_unfinished ON sessions(finished_at) WHERE finished_at IS NULL;
CREATE TABLE cards (bank_key TEXT NOT NULL, question_id TEXT NOT NULL, state INTEGER NOT NULL, step INTEGER,
    stability REAL, difficulty REAL, due REAL NOT NULL, last_review REAL, first_review REAL NOT NULL,
    PRIMARY KEY (bank_key, question_id)) WITHOUT ROWID;
CREATE INDEX cards_by_due ON cards(due);
PRAGMA user_version = 2;
"""


def make_v2(path: Path, key: str, ids: list[str]) -> None:
    """The tester's history: all 18 questions, 11 right; then a retry of the 7 mistakes, all right."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V2)
    db.execute("INSERT INTO banks VALUES (?, ?, NULL)", (key, "French helicopter collision in Mali"))
    retried = ids[11:]
    for sid, planned, start in (("full", ids, 1000.0), ("retry", retried, 2000.0)):
        plan = json.dumps([{"bank": key, "id": i, "choices": []} for i in planned])
        db.execute("INSERT INTO sessions (id, kind, bank_key, started_at, finished_at, plan, options) "
                   "VALUES (?, 'quiz', ?, ?, ?, ?, '{\"mode\": \"practice\"}')", (sid, key, start, start + 90, plan))
        for n, qid in enumerate(planned):
            right = sid == "retry" or n < 11
            db.execute("INSERT INTO answers (session_id, bank_key, question_id, given, correct, verdict, points, "
                       "seconds, answered_at) VALUES (?, ?, ?, 'x', ?, ?, ?, 3, ?)",
                       (sid, key, qid, int(right), "right" if right else "wrong", float(right), start + n))
    db.commit()
    db.close()


def shown_window(qtbot: QtBot, data_dir: Path, bundled_copy: Path):
    """The app started on the data folder: shown, active, its library loaded."""
    from quizapp.gui.app import create_app

    create_app()
    window = new_window(qtbot, data_dir, bundled_copy)
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def test_an_old_history_keeps_its_scores_and_a_shorter_quiz_is_not_the_banks_score(
        qtbot: QtBot, settings_dir: Path, data_dir: Path, bundled_copy: Path, bundled_bank) -> None:
    ids = [q.id for q in bundled_bank.bank.questions]
    make_v2(data_dir / FILE_NAME, bank_key(bundled_bank.path), ids)
    window = shown_window(qtbot, data_dir, bundled_copy)
    library = window.library
    library.list.setCurrentRow(0)
    assert library.list.item(0).text().splitlines()[1].startswith("18 questions · last 61.1% · best 61.1% ·")
    # The old file says nothing of a retry: 7 of the bank's 18 questions, it was not the whole bank.
    assert library.score_line.text() == ("Last score: 61.1% · Best: 61.1%\n"
                                         "Since then, a quiz on 7 of 18 questions: 7 / 7 points (100%)")
    with HistoryStore.open(data_dir) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        assert [(s.id, s.scope, s.answered) for s in store.sessions()] == [("full", None, 18), ("retry", None, 7)]


def answer_with_keys(qtbot: QtBot, window, *, right: bool) -> None:
    """Answer the question shown with keys on the focused widget: right, or wrong."""
    item = window.quiz.session.current
    q = item.question
    focus = focused(qtbot, window)
    if isinstance(q, ChoiceQuestion):
        qtbot.keyClick(focus, str(item.choices.index(q.answer if right else q.distractors[0]) + 1))
    else:
        qtbot.keyClicks(focus, str(q.answer if right else q.answer * 3 + 1000))
        qtbot.keyClick(focus, Qt.Key.Key_Return)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)  # Next, or See results


def test_a_retry_of_mistakes_all_right_is_not_the_whole_bank_passed(qtbot: QtBot, main_window, bundled_bank,
                                                                    data_dir: Path) -> None:
    window = main_window
    window.begin(bundled_bank, QuizOptions(shuffle_questions=False))
    for n in range(18):
        answer_with_keys(qtbot, window, right=n % 3 != 0)  # 12 of 18 right
    results = window.results
    assert results.score.text() == "12 / 18 points (66.7%)"
    assert results.title.text() == "Results: French helicopter collision in Mali"
    assert QApplication.focusWidget() is results.retry_button
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)  # Retry mistakes
    assert window.stack.currentWidget() is window.quiz
    for _ in range(6):
        answer_with_keys(qtbot, window, right=True)
    assert results.score.text() == "6 / 6 points (100%)"
    assert results.title.text() == "Results: French helicopter collision in Mali (retry of 6 mistakes)"
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Library
    library = window.library
    qtbot.waitUntil(lambda: window.stack.currentWidget() is library)
    library.list.setCurrentRow(0)
    assert "· last 66.7% · best 66.7%" in library.list.item(0).text()
    assert library.score_line.text() == ("Last score: 66.7% · Best: 66.7%\n"
                                         "Since then, a retry of 6 mistakes: 6 / 6 points (100%)")
    assert window.scores.get(bundled_bank.path).last == 66.7  # the scores file, where there is no history
    with HistoryStore.open(data_dir) as store:
        assert [s.scope for s in store.sessions(kind="quiz")] == ["all", "retry"]


def test_a_quiz_on_a_few_questions_is_shown_as_such(qtbot: QtBot, main_window, bundled_bank) -> None:
    window = main_window
    window.run_session(start_quiz(bundled_bank, QuizOptions(count=3, seed=4)))
    for _ in range(3):
        answer_with_keys(qtbot, window, right=True)
    assert window.results.title.text() == "Results: French helicopter collision in Mali (3 of 18 questions)"
    window.show_library()
    window.library.list.setCurrentRow(0)
    assert "last" not in window.library.list.item(0).text()
    assert window.library.score_line.text() == (
        "Not taken whole yet · a quiz on 3 of 18 questions: 3 / 3 points (100%)")
    assert window.scores.get(bundled_bank.path).last is None


def test_the_library_keeps_count_of_quizzes_on_parts_and_a_retry_is_named_while_taken(
        qtbot: QtBot, main_window, bundled_bank) -> None:
    """A quiz on 4 questions, a retry of its 2 mistakes, a quiz on 3: the library showed only the last, as
    if it were the first, and the retry's header named only the bank."""
    window = main_window
    library = window.library
    window.run_session(start_quiz(bundled_bank, QuizOptions(count=4, seed=4)))
    for n in range(4):
        answer_with_keys(qtbot, window, right=n % 2 == 0)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_Return)  # Retry mistakes
    assert window.stack.currentWidget() is window.quiz
    assert window.quiz.bank_title.text() == "Retry of 2 mistakes: French helicopter collision in Mali"
    for _ in range(2):
        answer_with_keys(qtbot, window, right=True)
    qtbot.keyClick(focused(qtbot, window), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Library
    qtbot.waitUntil(lambda: window.stack.currentWidget() is library)
    library.list.setCurrentRow(0)
    assert library.score_line.text() == (
        "Not taken whole yet · last: a retry of 2 mistakes: 2 / 2 points (100%); 2 quizzes so far")
    window.run_session(start_quiz(bundled_bank, QuizOptions(count=3, seed=5)))
    assert window.quiz.bank_title.text() == "French helicopter collision in Mali"
    for n in range(3):
        answer_with_keys(qtbot, window, right=n != 1)
    window.show_library()
    library.list.setCurrentRow(0)
    assert library.score_line.text() == (
        "Not taken whole yet · last: a quiz on 3 of 18 questions: 2 / 3 points (66.7%); 3 quizzes so far")


def test_parts_taken_since_a_whole_quiz_are_counted() -> None:
    from quizapp.gui.library import score_text
    from quizapp.gui.scores import BankScores, PartScore

    assert score_text(BankScores(61.1, 66.7, part=PartScore(True, 3, 4, 18, count=2))) == (
        "Last score: 61.1% · Best: 66.7%\nSince then, 2 quizzes on part of it; last: a retry of 4 mistakes: "
        "3 / 4 points (75%)")
