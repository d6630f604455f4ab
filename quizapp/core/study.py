"""Study with spaced repetition (FSRS), and review of mistakes.

Each question of each bank has a memory state (an FSRS card) kept in the
history under (bank key, question id). A study session holds the questions due
today and new questions up to a daily limit per bank; every answer is stored
at once with the card it produces, so a killed session resumes where it stopped.

A question skipped in study is not answered: it comes back at the end of the
session, and skipped again waits, still due, for the next (`StudySession.skip`).
Skips are stored as they are made too, so a resumed session remembers them.

The rating is suggested from the answer (`suggest_rating`): wrong is
Again, close is Hard, right is Easy when answered within EASY_SECONDS, Good
within HARD_SECONDS, Hard when slower. The student may override it (Again,
Hard, Good, Easy) with `StudySession.rate`.

A review-mistakes session asks the questions whose last answer was not right,
in one bank or across all; it does not change the study schedule.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from fsrs import Card, Rating, Scheduler, State

from quizapp.core.bank import AnyQuestion, LoadedBank
from quizapp.core.history import AnswerRecord, BankRef, CardRow, HistoryStore, PlanItem, SessionRecord, bank_key
from quizapp.core.model import ChoiceQuestion

DEFAULT_NEW_PER_DAY = 20
EASY_SECONDS = 6.0
HARD_SECONDS = 30.0


def suggest_rating(verdict: str, seconds: float) -> Rating:
    """The rating an answer earns: from right or wrong, and how long it took."""
    if verdict == "right":
        if seconds <= EASY_SECONDS:
            return Rating.Easy
        return Rating.Good if seconds <= HARD_SECONDS else Rating.Hard
    return Rating.Hard if verdict == "close" else Rating.Again


def bank_ref(loaded: LoadedBank) -> BankRef:
    """The history's reference to a loaded bank."""
    return BankRef(bank_key(loaded.path), loaded.bank.title, str(loaded.path.resolve()))


# --- time --------------------------------------------------------------------


def _now(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(dt.UTC)


def day_start(now: dt.datetime) -> dt.datetime:
    """Local midnight at the start of `now`'s day, as an aware datetime."""
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def _ts(moment: dt.datetime | None) -> float | None:
    return None if moment is None else moment.timestamp()


def _dt(ts: float | None) -> dt.datetime | None:
    return None if ts is None else dt.datetime.fromtimestamp(ts, dt.UTC)


def to_card(row: CardRow) -> Card:
    return Card(state=State(row.state), step=row.step, stability=row.stability, difficulty=row.difficulty,
                due=_dt(row.due), last_review=_dt(row.last_review))


def from_card(key: str, question_id: str, card: Card, first_review: float) -> CardRow:
    return CardRow(key, question_id, int(card.state), card.step, card.stability, card.difficulty,
                   card.due.timestamp(), _ts(card.last_review), first_review)


def is_due(row: CardRow, now: dt.datetime) -> bool:
    """Due now: a card in review is due for the whole of its day, one in (re)learning from its minute."""
    if row.state == State.Review:
        return row.due < (day_start(now) + dt.timedelta(days=1)).timestamp()
    return row.due <= now.timestamp()


# --- what is due -------------------------------------------------------------


@dataclass(frozen=True)
class DueCount:
    """What a bank has to study today: cards due now, new questions within the daily limit, and cards
    due later today (a question missed a minute ago comes back in ten: not yet studied, but due today)."""

    due: int = 0
    new: int = 0
    later: int = 0

    @property
    def total(self) -> int:
        """What a study session started now asks: the cards due now and the new questions."""
        return self.due + self.new


def due_text(now: int, later: int, sep: str = " · ") -> str:
    """How many questions are due, as every screen says it: "due now" is what a study session started now
    asks, "due later today" what comes round before midnight ("0 due now · 3 due later today"; the second
    part only when there are some). Together they are what is due today."""
    return f"{now} due now" + (f"{sep}{later} due later today" if later else "")


def review_day_text(due: dt.datetime, now: dt.datetime | None = None) -> str:
    """When a question comes round again, by the day as the library counts its due questions: "now", "later
    today", "tomorrow", "in 3 days"."""
    now = _now(now)
    if due <= now:
        return "now"
    days = (due.astimezone().date() - now.astimezone().date()).days
    return "later today" if days <= 0 else "tomorrow" if days == 1 else f"in {days} days"


def _new_today(store: HistoryStore, now: dt.datetime) -> dict[str, int]:
    start = day_start(now).timestamp()
    return dict(store.db.execute("SELECT bank_key, count(*) FROM cards WHERE first_review >= ? GROUP BY bank_key",
                                 (start,)).fetchall())


def due_counts(store: HistoryStore, banks: Iterable[LoadedBank], *, now: dt.datetime | None = None,
               new_per_day: int = DEFAULT_NEW_PER_DAY) -> dict[str, DueCount]:
    """Each bank's counts for today, by bank key (for the library): due now, new, due later today."""
    now = _now(now)
    day_end = (day_start(now) + dt.timedelta(days=1)).timestamp()
    banks = list(banks)
    keys = {bank_key(b.path): b for b in banks}
    ids = {k: {q.id for q in b.bank.questions} for k, b in keys.items()}
    carded: dict[str, set[str]] = {k: set() for k in keys}
    due: dict[str, int] = dict.fromkeys(keys, 0)
    later: dict[str, int] = dict.fromkeys(keys, 0)
    for row in store.cards():
        present = ids.get(row.bank_key)
        if present is None or row.question_id not in present:
            continue  # another bank, or a question removed from its bank
        carded[row.bank_key].add(row.question_id)
        if is_due(row, now):
            due[row.bank_key] += 1
        elif row.due < day_end:
            later[row.bank_key] += 1
    new_today = _new_today(store, now)
    return {k: DueCount(due[k], min(len(ids[k] - carded[k]), max(0, new_per_day - new_today.get(k, 0))), later[k])
            for k in keys}


@dataclass(frozen=True)
class StudyItem:
    """One question in a study or review session, with its choices in the order shown."""

    loaded: LoadedBank
    question: AnyQuestion
    choices: tuple[str, ...] = ()
    is_new: bool = False

    @property
    def bank_key(self) -> str:
        return bank_key(self.loaded.path)

    def plan(self) -> PlanItem:
        return PlanItem(self.bank_key, self.question.id, self.choices)


def _item(loaded: LoadedBank, question: AnyQuestion, rng: random.Random, *, is_new: bool = False,
          choices: Sequence[str] | None = None) -> StudyItem:
    if isinstance(question, ChoiceQuestion) and choices is None:
        shuffled = list(question.options)
        rng.shuffle(shuffled)
        choices = shuffled
    return StudyItem(loaded, question, tuple(choices or ()), is_new)


def study_queue(store: HistoryStore, loaded: LoadedBank, *, now: dt.datetime | None = None,
                new_per_day: int = DEFAULT_NEW_PER_DAY, seed: int | None = None) -> list[StudyItem]:
    """The questions to study now: the due ones (most overdue first), then new ones within the limit."""
    now = _now(now)
    rng = random.Random(seed)
    key = bank_key(loaded.path)
    cards = {row.question_id: row for row in store.cards(key)}
    by_id = {q.id: q for q in loaded.bank.questions}
    due = sorted((row for qid, row in cards.items() if qid in by_id and is_due(row, now)), key=lambda r: r.due)
    items = [_item(loaded, by_id[row.question_id], rng) for row in due]
    room = max(0, new_per_day - _new_today(store, now).get(key, 0))
    fresh = [q for q in loaded.bank.questions if q.id not in cards][:room]
    items += [_item(loaded, q, rng, is_new=True) for q in fresh]
    return items


def mistakes(store: HistoryStore, banks: Iterable[LoadedBank]) -> list[tuple[LoadedBank, AnyQuestion]]:
    """The questions whose last answer was not right, in bank order, over the banks given."""
    out = []
    for loaded in banks:
        key = bank_key(loaded.path)
        last = store.last_answers(key)
        out += [(loaded, q) for q in loaded.bank.questions
                if (key, q.id) in last and not last[(key, q.id)].correct]
    return out


# --- sessions ----------------------------------------------------------------


@dataclass(eq=False)
class StudySession:
    """A study (FSRS) or review session whose every answer is stored as it is given."""

    store: HistoryStore
    session_id: str
    kind: str
    items: list[StudyItem]
    answers: list[AnswerRecord] = field(default_factory=list)
    scheduler: Scheduler = field(default_factory=Scheduler)
    missing: int = 0  # planned questions no longer in their bank (a resumed session)
    position: int = 0  # index in `items` of the current question
    # The last answer's card before it was reviewed, so that `rate` can redo the review.
    _undo: tuple[AnswerRecord, CardRow | None, StudyItem] | None = None
    _put_off: set[tuple[str, str]] = field(default_factory=set)  # (bank key, id) of the questions skipped
    waiting: int = 0  # questions skipped and not asked again: they wait for the next session

    @property
    def current(self) -> StudyItem | None:
        return self.items[self.position] if self.position < len(self.items) else None

    @property
    def finished(self) -> bool:
        return self.position >= len(self.items)

    @property
    def score(self) -> float:
        return sum(a.points for a in self.answers)

    @property
    def right(self) -> int:
        return sum(a.correct for a in self.answers)

    def answer(self, given: str | None, *, verdict: str, seconds: float, points: float | None = None,
               rating: Rating | None = None, now: dt.datetime | None = None) -> AnswerRecord:
        """Store the answer to the current question (marked by the caller) and, in study, review its card.

        The rating is `suggest_rating(verdict, seconds)` unless given.
        """
        item = self.current
        if item is None:
            raise RuntimeError("the session is finished")
        now = _now(now)
        if points is None:
            points = 1.0 if verdict == "right" else 0.0
        key, qid = item.bank_key, item.question.id
        before: CardRow | None = None
        stored_rating: int | None = None
        with self.store.transaction():
            if self.kind == "study":
                rating = rating or suggest_rating(verdict, seconds)
                stored_rating = int(rating)
                before = self.store.card(key, qid)
                self.store.save_card(self._review(key, qid, before, rating, now, seconds))
            record = self.store.record_answer(self.session_id, bank_key=key, question_id=qid, given=given,
                                              verdict=str(verdict), points=points, seconds=seconds,
                                              answered_at=now.timestamp(), rating=stored_rating)
            if self.position + 1 >= len(self.items):
                self.store.finish_session(self.session_id, at=now.timestamp())
        self.answers.append(record)
        self.position += 1
        self._undo = (record, before, item) if self.kind == "study" else None
        return record

    def skip(self) -> bool:
        """Put the current question off, unanswered and unrated; return whether it comes back in this session.

        Skipped once, it comes back at the end of the session (Anki's reviewer has no skip; its "bury" puts
        a card off to later). Skipped again, or when no other question is left, it waits for the next
        session as due as it was, as a question not reached when a session is left does.
        """
        item = self.current
        if item is None:
            raise RuntimeError("the session is finished")
        rest = self.items[self.position + 1:]
        skipped = (item.bank_key, item.question.id)
        again = bool(rest) and skipped not in self._put_off
        self._put_off.add(skipped)
        self.items = self.items[:self.position] + rest + ([item] if again else [])
        self.waiting += not again
        with self.store.transaction():
            self.store.record_skip(self.session_id, bank_key=item.bank_key, question_id=item.question.id)
            self.store.set_plan(self.session_id, [i.plan() for i in self.items])
            if self.finished:
                self.store.finish_session(self.session_id)
        return again

    def rate(self, rating: Rating) -> None:
        """Override the last answer's rating: its review is done again from the card as it was before."""
        if self._undo is None:
            raise RuntimeError("no study answer to rate")
        record, before, item = self._undo
        when = dt.datetime.fromtimestamp(record.answered_at, dt.UTC)
        with self.store.transaction():
            self.store.save_card(self._review(item.bank_key, item.question.id, before, rating, when, record.seconds))
            self.store.set_rating(record.id, int(rating))
        self.answers[-1] = AnswerRecord(**{**record.__dict__, "rating": int(rating)})
        self._undo = (self.answers[-1], before, item)

    def due_after(self, item: StudyItem) -> dt.datetime | None:
        """When a question is due next (None before it is studied)."""
        row = self.store.card(item.bank_key, item.question.id)
        return _dt(row.due) if row else None

    def next_due(self) -> dt.datetime | None:
        """When the first of the questions answered in this session comes round again (None with none answered, and
        in a review of mistakes, which schedules nothing)."""
        if self.kind != "study":
            return None
        dues = [row.due for a in self.answers if (row := self.store.card(a.bank_key, a.question_id)) is not None]
        return _dt(min(dues)) if dues else None

    def stop(self) -> None:
        """End the session now: the questions left are not asked (nothing is recorded for them)."""
        self.store.finish_session(self.session_id)
        self.items = self.items[:self.position]

    def _review(self, key: str, qid: str, before: CardRow | None, rating: Rating, now: dt.datetime,
                seconds: float) -> CardRow:
        card = to_card(before) if before else Card()
        reviewed, _log = self.scheduler.review_card(card, rating, review_datetime=now,
                                                    review_duration=int(seconds * 1000))
        return from_card(key, qid, reviewed, before.first_review if before else now.timestamp())


def _start(store: HistoryStore, kind: str, items: list[StudyItem], banks: Iterable[LoadedBank],
           single: LoadedBank | None, scheduler: Scheduler | None, now: dt.datetime | None,
           options: dict[str, object]) -> StudySession:
    sid = store.start_session(kind=kind, plan=[i.plan() for i in items],
                              bank=bank_ref(single) if single else None,
                              banks=[bank_ref(b) for b in banks], options=options,
                              started_at=_now(now).timestamp())
    session = StudySession(store, sid, kind, items, scheduler=scheduler or Scheduler())
    if not items:
        store.finish_session(sid)
    return session


def start_study(store: HistoryStore, loaded: LoadedBank, *, now: dt.datetime | None = None,
                new_per_day: int = DEFAULT_NEW_PER_DAY, seed: int | None = None,
                scheduler: Scheduler | None = None) -> StudySession:
    """Start a study session on a bank's due and new questions (it may be empty: nothing due)."""
    items = study_queue(store, loaded, now=now, new_per_day=new_per_day, seed=seed)
    return _start(store, "study", items, [loaded], loaded, scheduler, now, {"new_per_day": new_per_day})


def start_review(store: HistoryStore, banks: Sequence[LoadedBank], *, now: dt.datetime | None = None,
                 seed: int | None = None) -> StudySession:
    """Start a session on the questions last answered wrongly, in one bank or across several."""
    rng = random.Random(seed)
    items = [_item(loaded, q, rng) for loaded, q in mistakes(store, banks)]
    rng.shuffle(items)
    return _start(store, "review", items, banks, banks[0] if len(banks) == 1 else None, None, now, {})


@dataclass(frozen=True)
class ResumePoint:
    """Where an unfinished session stopped: its answers, and the planned questions still in their banks."""

    session: SessionRecord
    answers: list[AnswerRecord]
    items: list[StudyItem]  # answered ones first, with the choices as they were shown
    position: int  # index in `items` of the first question not answered
    missing: int  # questions not answered yet that are no longer in their bank

    @property
    def remaining(self) -> list[StudyItem]:
        return self.items[self.position:]


def resume_point(store: HistoryStore, session_id: str, banks: Iterable[LoadedBank]) -> ResumePoint:
    """Read back an unfinished session of any kind (a quiz too) to continue it where it stopped."""
    record = store.session(session_id)
    by_key = {bank_key(b.path): b for b in banks}
    answers = store.answers(session_id=session_id)
    items, missing, position = [], 0, 0
    rng = random.Random()
    for n, plan in enumerate(record.plan):
        loaded = by_key.get(plan.bank_key)
        question = None
        if loaded is not None:
            question = next((q for q in loaded.bank.questions if q.id == plan.question_id), None)
        if question is None or loaded is None:
            missing += n >= len(answers)
            continue
        # Same choices as before when the question still has them; shuffled anew when they were edited.
        choices = plan.choices if isinstance(question, ChoiceQuestion) and \
            sorted(plan.choices) == sorted(question.options) else None
        items.append(_item(loaded, question, rng, choices=choices))
        position += n < len(answers)
    return ResumePoint(record, answers, items, position, missing)


def resume_session(store: HistoryStore, session_id: str, banks: Iterable[LoadedBank], *,
                   scheduler: Scheduler | None = None) -> StudySession:
    """Rebuild an unfinished study or review session from the history, at the question where it stopped.

    Questions removed from their bank since are dropped (counted in `missing`). The questions skipped
    before are remembered: those put off to the end wait for the next session when skipped again, and those
    no longer planned wait already.
    """
    point = resume_point(store, session_id, banks)
    if point.session.kind not in ("study", "review"):
        raise ValueError(f"session {session_id} is a {point.session.kind}, not a study or review session")
    skipped = set(store.skipped(session_id))
    planned = {(p.bank_key, p.question_id) for p in point.session.plan}
    session = StudySession(store, session_id, point.session.kind, point.items, point.answers,
                           scheduler or Scheduler(), point.missing, point.position, _put_off=skipped,
                           waiting=len(skipped - planned))
    if session.finished:
        store.finish_session(session_id)
    return session

