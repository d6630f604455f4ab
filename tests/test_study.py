"""Study sessions with FSRS, due counts and review of mistakes, on real history files."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path

from hist_support import QUESTIONS, right_answer, write_bank

from quizapp.core.bank import load_bank
from quizapp.core.history import HistoryStore, bank_key
from quizapp.core.study import (
    DueCount,
    Rating,
    due_counts,
    mistakes,
    resume_session,
    review_day_text,
    start_review,
    start_study,
    study_queue,
    suggest_rating,
)

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def answer_all(session, *, wrong: set[str] = frozenset(), now: dt.datetime = T0, seconds: float = 10.0) -> None:
    while not session.finished:
        q = session.current.question
        if q.id in wrong:
            session.answer("nope", verdict="wrong", seconds=seconds, now=now)
        else:
            session.answer(right_answer(q), verdict="right", seconds=seconds, now=now)


def test_suggested_rating_from_result_and_time() -> None:
    assert suggest_rating("right", 3) is Rating.Easy
    assert suggest_rating("right", 12) is Rating.Good
    assert suggest_rating("right", 95) is Rating.Hard
    assert suggest_rating("close", 3) is Rating.Hard
    assert suggest_rating("wrong", 3) is Rating.Again
    assert suggest_rating("skipped", 0) is Rating.Again


def interval_after(store: HistoryStore, loaded, verdict: str, now: dt.datetime) -> tuple[dt.timedelta, float]:
    """Study the one due question at `now`; return the interval to its next due date and its stability."""
    session = start_study(store, loaded, now=now)
    assert [i.question.id for i in session.items] == ["mayor"]
    session.answer("x", verdict=verdict, seconds=10.0, now=now)
    card = store.card(bank_key(loaded.path), "mayor")
    return dt.datetime.fromtimestamp(card.due, dt.UTC) - now, card.stability


def test_fsrs_intervals_grow_with_right_answers_and_shrink_with_wrong_ones(tmp_path: Path, store) -> None:
    loaded = load_bank(write_bank(tmp_path, questions=[QUESTIONS[1]]))
    now = T0
    intervals, stabilities = [], []
    for _ in range(6):
        interval, stability = interval_after(store, loaded, "right", now)
        intervals.append(interval)
        stabilities.append(stability)
        now += interval
    assert intervals[0] <= dt.timedelta(minutes=10)  # a learning step first
    assert intervals[-1] > dt.timedelta(days=30)
    assert all(a < b for a, b in itertools.pairwise(intervals)), intervals
    assert all(a <= b for a, b in itertools.pairwise(stabilities[1:])), stabilities

    lapse, lapsed_stability = interval_after(store, loaded, "wrong", now)
    assert lapse <= dt.timedelta(minutes=10) < intervals[-1]
    assert lapsed_stability < stabilities[-1]
    now += lapse
    relearned, _ = interval_after(store, loaded, "right", now)
    assert relearned < intervals[-1]  # forgotten once, it comes back sooner than before
    assert [a.rating for a in store.answers()] == [3] * 6 + [1, 3]


def test_override_redoes_the_review_with_the_chosen_rating(tmp_path: Path, store) -> None:
    loaded = load_bank(write_bank(tmp_path, questions=QUESTIONS[:2]))
    key = bank_key(loaded.path)
    session = start_study(store, loaded, now=T0, seed=1)
    first = session.current.question.id
    session.answer("x", verdict="right", seconds=2.0, now=T0)  # fast: Easy, straight to review
    easy_due = store.card(key, first).due
    assert store.answers()[-1].rating == Rating.Easy
    session.rate(Rating.Again)
    assert store.answers()[-1].rating == Rating.Again == session.answers[-1].rating
    again_due = store.card(key, first).due
    assert again_due < easy_due
    assert again_due == (T0 + dt.timedelta(minutes=1)).timestamp()  # Again on a new card: the first step
    session.rate(Rating.Good)  # rated twice: still counted once, from the card as it was
    assert store.card(key, first).due == (T0 + dt.timedelta(minutes=10)).timestamp()
    assert len(store.answers()) == 1


def test_study_shows_due_and_new_and_the_counts_change(tmp_path: Path, store) -> None:
    loaded = load_bank(write_bank(tmp_path))
    key = bank_key(loaded.path)
    assert due_counts(store, [loaded], now=T0, new_per_day=3) == {key: DueCount(due=0, new=3)}
    session = start_study(store, loaded, now=T0, new_per_day=3)
    assert [i.question.id for i in session.items] == ["inhabitants", "mayor", "elected"]
    assert all(i.is_new for i in session.items)
    answer_all(session, wrong={"mayor"})
    # The daily limit is used up and nothing is due this minute: all three are due later today.
    assert due_counts(store, [loaded], now=T0, new_per_day=3) == {key: DueCount(due=0, new=0, later=3)}
    assert start_study(store, loaded, now=T0, new_per_day=3).items == []
    # Later the learning steps fall due: the wrong one after a minute, the right ones after ten.
    assert due_counts(store, [loaded], now=T0 + dt.timedelta(minutes=2), new_per_day=3)[key] == DueCount(1, 0, 2)
    assert due_counts(store, [loaded], now=T0 + dt.timedelta(minutes=11), new_per_day=3)[key] == DueCount(3, 0)
    later = T0 + dt.timedelta(minutes=11)
    again = start_study(store, loaded, now=later, new_per_day=3)
    assert [i.is_new for i in again.items] == [False] * 3
    answer_all(again, now=later)
    # Tomorrow the limit allows the two questions never seen.
    tomorrow = T0 + dt.timedelta(days=1)
    counts = due_counts(store, [loaded], now=tomorrow, new_per_day=3)[key]
    assert counts.new == 2
    queue = study_queue(store, loaded, now=tomorrow, new_per_day=3)
    assert {i.question.id for i in queue if i.is_new} == {"river", "pupils"}
    assert len(queue) == counts.total


def test_history_survives_an_edited_prompt(tmp_path: Path, store) -> None:
    path = write_bank(tmp_path)
    loaded = load_bank(path)
    answer_all(start_study(store, loaded, now=T0), wrong={"river"})
    edited = [dict(q) for q in QUESTIONS]
    edited[3]["prompt"] = "Which river sometimes floods the lower fields of the village of Orla?"
    edited[3]["distractors"] = ["Drina", "Kupa"]
    write_bank(tmp_path, questions=edited, title="Orla, a village on the Sava")
    reloaded = load_bank(path)
    assert reloaded.bank.question("river").prompt.startswith("Which river sometimes")
    later = T0 + dt.timedelta(minutes=11)
    assert due_counts(store, [reloaded], now=later) == due_counts(store, [loaded], now=later)
    assert [q.prompt for _b, q in mistakes(store, [reloaded])] == [edited[3]["prompt"]]
    queue = study_queue(store, reloaded, now=later)
    assert {i.question.id for i in queue} == {q["id"] for q in QUESTIONS} and not any(i.is_new for i in queue)


def test_a_question_removed_from_its_bank_leaves_the_due_list(tmp_path: Path, store) -> None:
    path = write_bank(tmp_path)
    loaded = load_bank(path)
    answer_all(start_study(store, loaded, now=T0), wrong={"mayor", "river"})
    later = T0 + dt.timedelta(minutes=11)
    assert due_counts(store, [loaded], now=later)[bank_key(path)] == DueCount(5, 0)
    write_bank(tmp_path, questions=[q for q in QUESTIONS if q["id"] != "river"])
    trimmed = load_bank(path)
    assert due_counts(store, [trimmed], now=later)[bank_key(path)] == DueCount(4, 0)
    assert "river" not in {i.question.id for i in study_queue(store, trimmed, now=later)}
    assert [q.id for _b, q in mistakes(store, [trimmed])] == ["mayor"]


def test_two_banks_with_the_same_ids_do_not_mix(tmp_path: Path, store) -> None:
    a = load_bank(write_bank(tmp_path / "a"))
    b_path = tmp_path / "b" / "orla.yaml"
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    b = load_bank(b_path)
    assert [q.id for q in a.bank.questions] == [q.id for q in b.bank.questions]
    answer_all(start_study(store, a, now=T0), wrong={"mayor"})
    later = T0 + dt.timedelta(minutes=11)
    counts = due_counts(store, [a, b], now=later)
    assert counts[bank_key(a.path)] == DueCount(5, 0)
    assert counts[bank_key(b.path)] == DueCount(0, 5)
    assert [(bb.path, q.id) for bb, q in mistakes(store, [a, b])] == [(a.path, "mayor")]
    assert mistakes(store, [b]) == []


def test_review_mistakes_per_bank_and_across_all(tmp_path: Path, store) -> None:
    a = load_bank(write_bank(tmp_path / "a"))
    b = load_bank(write_bank(tmp_path / "b", name="orla2", title="Orla again"))
    answer_all(start_study(store, a, now=T0), wrong={"mayor", "pupils"})
    answer_all(start_study(store, b, now=T0), wrong={"river"})
    cards_before = store.cards()

    per_bank = start_review(store, [a], now=T0, seed=3)
    assert sorted(i.question.id for i in per_bank.items) == ["mayor", "pupils"]
    assert store.session(per_bank.session_id).bank_key == bank_key(a.path)
    per_bank.stop()

    across = start_review(store, [a, b], now=T0, seed=3)
    assert sorted((i.bank_key, i.question.id) for i in across.items) == sorted(
        [(bank_key(a.path), "mayor"), (bank_key(a.path), "pupils"), (bank_key(b.path), "river")])
    assert store.session(across.session_id).bank_key is None
    answer_all(across, wrong={"pupils"}, now=T0 + dt.timedelta(minutes=5))
    assert store.cards() == cards_before  # a review does not move the study schedule
    # The last answer counts: only the one missed again is left to review.
    assert [q.id for _b, q in mistakes(store, [a, b])] == ["pupils"]


def test_a_study_session_says_when_its_first_question_comes_round_again(tmp_path: Path, store) -> None:
    loaded = load_bank(write_bank(tmp_path))
    fresh = start_study(store, loaded, now=T0)
    assert fresh.next_due() is None  # nothing answered yet
    answer_all(fresh, seconds=3)  # all right at once: each in days
    assert fresh.next_due() >= T0 + dt.timedelta(days=1)

    later = T0 + dt.timedelta(days=40)  # all due again
    again = start_study(store, loaded, now=later)
    answer_all(again, wrong={"mayor"}, now=later, seconds=3)
    assert later < again.next_due() <= later + dt.timedelta(minutes=10)  # the one missed, in minutes
    review = start_review(store, [loaded], now=later)
    answer_all(review, now=later)
    assert review.next_due() is None  # a review schedules nothing


def test_the_next_review_is_said_by_the_day() -> None:
    noon = dt.datetime(2026, 3, 2, 12, 0).astimezone()  # (local noon: an hour on is the same day wherever)
    assert review_day_text(noon - dt.timedelta(minutes=1), noon) == "now"
    assert review_day_text(noon + dt.timedelta(minutes=10), noon) == "later today"
    assert review_day_text(noon + dt.timedelta(days=1), noon) == "tomorrow"
    assert review_day_text(noon + dt.timedelta(days=3, hours=-2), noon) == "in 3 days"


def test_resume_skips_questions_removed_meanwhile(tmp_path: Path, store) -> None:
    path = write_bank(tmp_path)
    session = start_study(store, load_bank(path), now=T0)
    session.answer("412", verdict="right", seconds=5, now=T0)
    write_bank(tmp_path, questions=[q for q in QUESTIONS if q["id"] != "river"])
    resumed = resume_session(store, session.session_id, [load_bank(path)])
    assert resumed.missing == 1 and resumed.position == 1
    assert [i.question.id for i in resumed.items] == ["inhabitants", "mayor", "elected", "pupils"]
    answer_all(resumed)
    assert store.unfinished_sessions() == []


def test_a_skipped_question_comes_back_at_the_end_unrated_and_skipped_again_waits_for_the_next_session(
        tmp_path: Path, store) -> None:
    path = write_bank(tmp_path)
    session = start_study(store, load_bank(path), now=T0)
    order = [i.question.id for i in session.items]
    assert order == ["inhabitants", "mayor", "elected", "river", "pupils"]
    session.answer("412", verdict="right", seconds=5, now=T0)
    assert session.skip() is True  # "mayor": to the end of the session
    assert [i.question.id for i in session.items] == ["inhabitants", "elected", "river", "pupils", "mayor"]
    assert session.current.question.id == "elected" and store.card(bank_key(path), "mayor") is None
    assert [a.question_id for a in store.answers()] == ["inhabitants"]  # nothing stored for it: no rating

    # Killed here, the session resumes with the question put off still at its end.
    resumed = resume_session(store, session.session_id, [load_bank(path)])
    assert [i.question.id for i in resumed.items[resumed.position:]] == ["elected", "river", "pupils", "mayor"]

    for qid, given in (("elected", "2019"), ("river", "Sava"), ("pupils", "38")):
        assert session.current.question.id == qid
        session.answer(given, verdict="right", seconds=5, now=T0)
    assert session.current.question.id == "mayor"
    assert session.skip() is False  # skipped again: left for the next session, the session ends
    assert session.finished and store.unfinished_sessions() == []
    assert [i.question.id for i in session.items] == ["inhabitants", "elected", "river", "pupils"]
    # Still a new question, studied next time.
    assert [i.question.id for i in study_queue(store, load_bank(path), now=T0 + dt.timedelta(minutes=1))] == \
        ["mayor"]


def test_the_last_question_left_skipped_waits_for_the_next_session(tmp_path: Path, store) -> None:
    path = write_bank(tmp_path)
    session = start_study(store, load_bank(path), now=T0)
    answer_all(session)  # all studied: the card of a right answer is due in days
    later = start_study(store, load_bank(path), now=T0 + dt.timedelta(days=30))
    due = [i.question.id for i in later.items]
    while len(later.items) - later.position > 1:
        later.answer("x", verdict="wrong", seconds=5, now=T0 + dt.timedelta(days=30))
    last = later.current.question.id
    assert later.skip() is False  # nothing else to ask before it comes back
    assert later.finished and last in due
    row = store.card(bank_key(path), last)
    assert row.due < (T0 + dt.timedelta(days=30)).timestamp()  # as due as it was: not rated


def test_skips_are_stored_as_given_and_a_session_resumed_after_a_crash_remembers_them(tmp_path: Path) -> None:
    """A question skipped once comes back once; skipped again it waits. The app killed mid-session, the
    resumed session still knows which were skipped: no question comes back a second time, and the summary
    counts those waiting."""
    path = write_bank(tmp_path)
    history = tmp_path / "data" / "history.sqlite3"
    store = HistoryStore(history)
    session = start_study(store, load_bank(path), now=T0)
    assert [i.question.id for i in session.items] == ["inhabitants", "mayor", "elected", "river", "pupils"]
    assert session.skip() is True  # inhabitants, to the end
    assert session.skip() is True  # mayor, to the end
    session.answer("2019", verdict="right", seconds=5, now=T0)  # elected
    assert session.skip() is True  # river, to the end
    session.answer("38", verdict="right", seconds=5, now=T0)  # pupils
    assert session.current.question.id == "inhabitants"
    assert session.skip() is False and session.waiting == 1  # skipped again: it waits for the next session
    sid = session.session_id
    del session  # killed: neither the session nor the store is closed

    again = HistoryStore(history)
    resumed = resume_session(again, sid, [load_bank(path)])
    assert [i.question.id for i in resumed.items[resumed.position:]] == ["mayor", "river"]
    assert resumed.waiting == 1
    assert resumed.skip() is False  # mayor was skipped before the crash: now it waits
    assert resumed.skip() is False  # so does river
    assert resumed.finished and resumed.waiting == 3
    assert again.unfinished_sessions() == []
    later = T0 + dt.timedelta(minutes=1)
    assert sorted(i.question.id for i in study_queue(again, load_bank(path), now=later)) == \
        ["inhabitants", "mayor", "river"]
    again.close()
    store.close()
