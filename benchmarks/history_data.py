"""Plausible student histories, made through the core API, for the benchmark and the screenshots."""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hist_support import write_bank

from quizapp.core.bank import LoadedBank, load_bank
from quizapp.core.history import HistoryStore, PlanItem
from quizapp.core.study import bank_ref, start_study


def write_orla_bank(folder: Path) -> Path:
    """A second small bank (a made-up village, the one the tests use), so histories span two banks."""
    return write_bank(folder)


def load_demo_banks(folder: Path) -> list[LoadedBank]:
    from quizapp.paths import bundled_banks_dir

    return [load_bank(bundled_banks_dir() / "mali-helicopter-collision.yaml"), load_bank(write_orla_bank(folder))]


def _skill(rng: random.Random, banks: Sequence[LoadedBank]) -> dict[tuple[str, str], float]:
    """How likely the student is to get each question right (some questions are hard for them)."""
    return {(bank_ref(b).key, q.id): rng.choice([0.25, 0.45, 0.7, 0.85, 0.95])
            for b in banks for q in b.bank.questions}


def fill_history(store: HistoryStore, banks: Sequence[LoadedBank], *, now: dt.datetime, days: int = 30,
                 seed: int = 1) -> None:
    """A month of practice: most days a quiz and a study session, improving over time, no gap at the end."""
    rng = random.Random(seed)
    skill = _skill(rng, banks)
    for back in range(days, -1, -1):
        if back > 6 and rng.random() < 0.3:
            continue  # a day off, but none in the last week: the streak is a week long
        day = (now - dt.timedelta(days=back)).replace(hour=8 + rng.randrange(10), minute=rng.randrange(60))
        progress = 1 - back / (days + 1)
        loaded = rng.choice(banks)
        ref = bank_ref(loaded)
        questions = rng.sample(loaded.bank.questions, min(len(loaded.bank.questions), rng.randint(5, 10)))
        sid = store.start_session(kind="quiz", bank=ref, plan=[PlanItem(ref.key, q.id) for q in questions],
                                  started_at=day.timestamp())
        at = day
        for q in questions:
            at += dt.timedelta(seconds=rng.uniform(4, 30))
            right = rng.random() < min(0.98, skill[(ref.key, q.id)] + 0.25 * progress)
            store.record_answer(sid, bank_key=ref.key, question_id=q.id, given=str(q.answer) if right else "?",
                                verdict="right" if right else "wrong", points=float(right),
                                seconds=rng.uniform(4, 30), answered_at=at.timestamp())
        store.finish_session(sid, at=at.timestamp())
        study_at = at + dt.timedelta(minutes=5)
        for loaded in banks:
            session = start_study(store, loaded, now=study_at, new_per_day=6, seed=rng.randrange(1000))
            while not session.finished:
                item = session.current
                right = rng.random() < min(0.98, skill[(item.bank_key, item.question.id)] + 0.2 * progress)
                study_at += dt.timedelta(seconds=rng.uniform(3, 25))
                session.answer(str(item.question.answer) if right else "?", verdict="right" if right else "wrong",
                               seconds=rng.uniform(3, 25), now=study_at)


def bulk_answers(store: HistoryStore, banks: Sequence[LoadedBank], *, count: int, now: dt.datetime,
                 per_session: int = 10, seed: int = 2) -> None:
    """`count` quiz answers spread over the past year, written in one transaction (fast)."""
    rng = random.Random(seed)
    skill = _skill(rng, banks)
    start = now - dt.timedelta(days=365)
    step = dt.timedelta(days=365) / max(1, count // per_session)
    with store.transaction():
        at = start
        written = 0
        while written < count:
            loaded = rng.choice(banks)
            ref = bank_ref(loaded)
            n = min(per_session, count - written)
            questions = [rng.choice(loaded.bank.questions) for _ in range(n)]
            sid = store.start_session(kind="quiz", bank=ref, plan=[PlanItem(ref.key, q.id) for q in questions],
                                      started_at=at.timestamp())
            for q in questions:
                right = rng.random() < skill[(ref.key, q.id)]
                store.record_answer(sid, bank_key=ref.key, question_id=q.id, given="x",
                                    verdict="right" if right else "wrong", points=float(right),
                                    seconds=rng.uniform(3, 30), answered_at=at.timestamp())
            store.finish_session(sid, at=at.timestamp())
            written += n
            at += step
