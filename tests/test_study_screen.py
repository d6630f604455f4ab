"""The study screen driven from the keyboard, as a student would, on a real history file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hist_support import write_bank

from quizapp.core.bank import load_bank
from quizapp.core.history import HistoryStore, bank_key
from quizapp.core.model import ChoiceQuestion
from quizapp.core.study import DueCount, day_start, due_counts, start_study

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def test_a_study_session_from_the_keyboard(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from quizapp.gui.study_screen import StudyScreen

    loaded = load_bank(write_bank(tmp_path))
    key = bank_key(loaded.path)
    store = HistoryStore.open()
    session = start_study(store, loaded, new_per_day=3, seed=5)
    screen = StudyScreen()
    qtbot.addWidget(screen)
    screen.start(session, loaded.bank.title)
    screen.show()
    qtbot.waitExposed(screen)

    asked = []
    for n in range(3):
        item = session.current
        asked.append(item.question.id)
        assert screen.prompt.text() == item.question.prompt
        if isinstance(item.question, ChoiceQuestion):
            wrong = item.question.id == "mayor"
            target = next(c for c in item.choices if (c == item.question.answer) != wrong)
            qtbot.keyClick(screen, str(item.choices.index(target) + 1))
        else:
            qtbot.keyClicks(screen.number, "abc")
            qtbot.keyClick(screen.number, Qt.Key.Key_Return)
            assert screen.hint.text().startswith("Not a number yet") and len(store.answers()) == n  # nothing stored
            screen.number.clear()
            qtbot.keyClicks(screen.number, f"{item.question.answer:,}")
            qtbot.keyClick(screen.number, Qt.Key.Key_Return)
        # Stored at once, before any rating is pressed.
        assert len(store.answers()) == n + 1 and store.answers()[-1].question_id == item.question.id
        assert screen.in_feedback
        assert item.question.cite.quotes[0] in screen.feedback.quote.text()
        assert screen.feedback.source.text() == "— Orla news"
        if item.question.id == "mayor":
            assert screen.feedback.verdict.text() == "✗ Wrong: 0 points"
            assert screen.feedback.right.text() == "Right answer: Ana Petrov"
            assert store.answers()[-1].rating == 1  # Again suggested
            qtbot.keyClick(screen, "2")  # the student says Hard
            assert store.answers()[-1].rating == 2
        else:
            assert screen.feedback.verdict.text() == "✓ Right: 1 point"
            qtbot.keyClick(screen, Qt.Key.Key_Return)  # keep the suggestion
    assert asked == ["inhabitants", "mayor", "elected"]
    assert session.finished and "Done: 2 of 3 points (66.7%)." in screen.done.text()
    assert store.unfinished_sessions() == []
    # Nothing due now (was DueCount(0, 3)); the missed one, and any rated Good, come back later today
    # (unless midnight comes first).
    midnight = (day_start(dt.datetime.now(dt.UTC)) + dt.timedelta(days=1)).timestamp()
    today = sum(store.card(key, qid).due < midnight for qid in asked)
    assert due_counts(store, [loaded], new_per_day=3)[key] == DueCount(0, 0, today)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=15)
    # The missed one (rated Hard) is back within minutes; the right ones (Good or Easy, by the time
    # taken) within ten minutes or days.
    ratings = {a.question_id: a.rating for a in store.answers()}
    assert ratings["mayor"] == 2 and ratings["inhabitants"] in (3, 4) and ratings["elected"] in (3, 4)
    # (fifteen minutes on may be tomorrow already, with the bank's other questions new again)
    unseen = len(loaded.bank.questions) - len(asked)
    new_later = 0 if day_start(later) == day_start(dt.datetime.now(dt.UTC)) else min(3, unseen)
    assert due_counts(store, [loaded], now=later, new_per_day=3)[key] == DueCount(
        1 + sum(ratings[q] == 3 for q in ("inhabitants", "elected")), new_later)
    store.close()


def test_nothing_to_study_says_so(qtbot, tmp_path: Path) -> None:
    from quizapp.gui.study_screen import StudyScreen

    loaded = load_bank(write_bank(tmp_path))
    with HistoryStore.open() as store:
        session = start_study(store, loaded, new_per_day=0)
        screen = StudyScreen()
        qtbot.addWidget(screen)
        with qtbot.waitSignal(screen.finished):
            screen.start(session)
        assert screen.done.text().startswith("Nothing to study now")
