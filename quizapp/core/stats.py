"""Statistics over the history: scores over time, accuracy, the study forecast, streak, hardest questions.

Everything is computed by `compute_statistics` in a few SQL queries, so the
statistics screen and the library stay quick on a long history (see
benchmarks/bench_history.py). Days are local days.

Every figure counts points, as a quiz's results do: an answer is worth one point, a close number
half of one (see `share_of_points`). Three quizzes of 2.5/4, 2/2 and 0.5/3 are 5 of 9 points (55.6%)
in the summary, in the day's score and in the bank's bar alike, never 4 of 9 right answers in one
and 5 of 9 points in another.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from quizapp.core.bank import AnyQuestion, LoadedBank
from quizapp.core.history import HistoryStore, bank_key, distinct_titles
from quizapp.core.percent import format_percent
from quizapp.core.session import source_label
from quizapp.core.study import day_start, due_counts

FORECAST_DAYS = 14
HARDEST = 10
HARDEST_MIN_ANSWERS = 2
ALL_BANKS = "All banks"


def share_of_points(points: float, answered: int) -> float:
    """The percentage of the points `answered` answers could score that they scored (0 for no answers):
    the one computation behind every percentage of the statistics."""
    return 100.0 * points / answered if answered else 0.0


def counted(n: int, thing: str) -> str:
    """ "1 session", "3 sessions": a count with its noun in the number it takes."""
    return f"{n} {thing}{'s' if n != 1 else ''}"


def points_text(points: float, answered: int) -> str:
    """ "8 of 17 points (47.1%)": a score as the statistics and the end of a study session say it, one point an
    answer (half of one for a close number)."""
    return f"{points:g} of {counted(answered, 'point')} ({format_percent(share_of_points(points, answered))})"


@dataclass(frozen=True)
class SessionScore:
    """One session's score: points out of the questions answered."""

    session_id: str
    kind: str
    title: str
    started_at: dt.datetime
    answered: int
    points: float

    @property
    def percentage(self) -> float:
        return share_of_points(self.points, self.answered)


@dataclass(frozen=True)
class Accuracy:
    """Points scored out of the answers given (one point each), for a bank, a tag, a day or everything."""

    label: str
    answered: int
    points: float

    @property
    def percentage(self) -> float:
        return share_of_points(self.points, self.answered)


@dataclass(frozen=True)
class HardQuestion:
    """A question often answered wrongly, with where to read its proof."""

    loaded: LoadedBank
    question: AnyQuestion
    answered: int
    points: float

    @property
    def percentage(self) -> float:
        return share_of_points(self.points, self.answered)

    @property
    def citation(self) -> str:
        """The quoted proof, or "" when the question cites nothing."""
        return " … ".join(self.question.cite.quotes) if self.question.cite else ""

    @property
    def source(self) -> str:
        """Where the cited quote comes from, named as every citation names it (title, author,
        publisher, date, address)."""
        return source_label(self.loaded, self.question)


@dataclass(frozen=True)
class Statistics:
    """All the figures the statistics screen shows."""

    sessions: list[SessionScore] = field(default_factory=list)
    by_bank: list[Accuracy] = field(default_factory=list)
    by_tag: list[Accuracy] = field(default_factory=list)
    forecast: list[tuple[dt.date, int]] = field(default_factory=list)  # today first
    # Today's bar split as the library counts it: due now (a study session asks them), and due later
    # today (a learning step that comes round in ten minutes): due_now + due_later == forecast[0][1].
    due_now: int = 0
    due_later: int = 0
    streak: int = 0
    answered_today: bool = False
    hardest: list[HardQuestion] = field(default_factory=list)
    overall: Accuracy = Accuracy(ALL_BANKS, 0, 0.0)  # every answer of the history

    @property
    def total_answers(self) -> int:
        return self.overall.answered

    @property
    def empty(self) -> bool:
        return self.total_answers == 0


def session_scores(store: HistoryStore, titles: dict[str, str]) -> list[SessionScore]:
    """The score of every session with at least one answer, oldest first."""
    # Two scans joined here are several times faster than a JOIN ... GROUP BY on a long history.
    totals = {sid: (n, points) for sid, n, points in store.db.execute(
        "SELECT session_id, count(*), sum(points) FROM answers GROUP BY session_id")}
    out = []
    for sid, kind, key, started in store.db.execute(
            "SELECT id, kind, bank_key, started_at FROM sessions ORDER BY started_at, rowid"):
        if sid in totals:
            n, points = totals[sid]
            out.append(SessionScore(sid, kind, titles.get(key, key) if key else ALL_BANKS,
                                    dt.datetime.fromtimestamp(started, dt.UTC), n, points or 0.0))
    return out


def day_scores(sessions: Iterable[SessionScore]) -> list[tuple[dt.date, Accuracy]]:
    """The points of each local day's sessions out of their answers, oldest day first."""
    days: dict[dt.date, list[float]] = {}
    for s in sessions:
        day = days.setdefault(s.started_at.astimezone().date(), [0, 0.0])
        day[0] += s.answered
        day[1] += s.points
    return [(day, Accuracy(day.isoformat(), int(n), p)) for day, (n, p) in sorted(days.items())]


def accuracy_by_bank(totals: list[tuple[str, str, int, float]], titles: dict[str, str]) -> list[Accuracy]:
    """Accuracy per bank, by title (every bank in the history, loaded or not)."""
    return _summed(((key, n, points) for key, _qid, n, points in totals), lambda key: titles.get(key, key))


def accuracy_by_tag(totals: list[tuple[str, str, int, float]], banks: Iterable[LoadedBank]) -> list[Accuracy]:
    """Accuracy per tag, over the questions still in the banks given."""
    tags: dict[tuple[str, str], list[str]] = {}
    for loaded in banks:
        key = bank_key(loaded.path)
        for q in loaded.bank.questions:
            tags[(key, q.id)] = q.tags
    return _summed((tag, n, points) for key, qid, n, points in totals for tag in tags.get((key, qid), ()))


def _summed(rows: Iterable[tuple[str, int, float | None]], label: Callable[[str], str] = str) -> list[Accuracy]:
    """The answers and points of the rows summed by their first field, each sum named by `label`, in the order
    of the names."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for key, n, points in rows:
        sums[key][0] += n
        sums[key][1] += points or 0.0
    return sorted((Accuracy(label(k), int(n), p) for k, (n, p) in sums.items()), key=lambda a: a.label.casefold())


def due_forecast(store: HistoryStore, banks: Iterable[LoadedBank], *, now: dt.datetime,
                 days: int = FORECAST_DAYS) -> list[tuple[dt.date, int]]:
    """How many studied questions fall due on each of the next `days` days (overdue ones count today)."""
    present = {(bank_key(b.path), q.id) for b in banks for q in b.bank.questions}
    today = day_start(now)
    dates = [(today + dt.timedelta(days=n)).date() for n in range(days)]
    counts = [0] * days
    end = (today + dt.timedelta(days=days + 1)).timestamp()
    for key, qid, due in store.db.execute("SELECT bank_key, question_id, due FROM cards WHERE due < ?", (end,)):
        if (key, qid) not in present:
            continue
        n = max(0, (dt.datetime.fromtimestamp(due).astimezone().date() - dates[0]).days)
        if n < days:
            counts[n] += 1
    return list(zip(dates, counts, strict=True))


def current_streak(store: HistoryStore, *, now: dt.datetime) -> tuple[int, bool]:
    """Days in a row with at least one answer, up to today (or yesterday, while today is still open).

    Returns the streak and whether today already counts. One indexed lookup per day of the streak.
    """
    def answered_on(day: dt.date) -> bool:
        start = dt.datetime.combine(day, dt.time()).astimezone().timestamp()
        end = min(dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).astimezone().timestamp(),
                  now.timestamp() + 1e-6)
        return store.db.execute("SELECT 1 FROM answers WHERE answered_at >= ? AND answered_at < ? LIMIT 1",
                                (start, end)).fetchone() is not None

    today = day_start(now).date()
    answered_today = answered_on(today)
    day = today if answered_today else today - dt.timedelta(days=1)
    streak = 0
    while answered_on(day):
        streak += 1
        day -= dt.timedelta(days=1)
    return streak, answered_today


def hardest_questions(totals: list[tuple[str, str, int, float]], banks: Iterable[LoadedBank], *,
                      limit: int = HARDEST, min_answers: int = HARDEST_MIN_ANSWERS) -> list[HardQuestion]:
    """The questions of the lowest share of points (answered at least `min_answers` times, short of full
    points at least once: a close number loses half a point, not a whole miss)."""
    found = {}
    for loaded in banks:
        key = bank_key(loaded.path)
        for q in loaded.bank.questions:
            found[(key, q.id)] = (loaded, q)
    hard = [HardQuestion(*found[(key, qid)], n, points or 0.0) for key, qid, n, points in totals
            if (key, qid) in found and n >= min_answers and (points or 0.0) < n]
    hard.sort(key=lambda h: (h.percentage, -h.answered, h.question.id))
    return hard[:limit]


def compute_statistics(store: HistoryStore, banks: Iterable[LoadedBank], *, now: dt.datetime | None = None,
                       days: int = FORECAST_DAYS, hardest: int = HARDEST) -> Statistics:
    """Every figure of the statistics screen, for the banks given (titles from the history otherwise)."""
    now = now or dt.datetime.now(dt.UTC)
    banks = list(banks)
    titles = {key: ref.title for key, ref in store.banks().items()}
    titles.update({bank_key(b.path): b.bank.title for b in banks})
    titles = distinct_titles(titles)  # two banks of one title, one a copy: each bar says which
    totals = store.question_totals()
    streak, today = current_streak(store, now=now)
    due = due_counts(store, banks, now=now).values()
    return Statistics(
        sessions=session_scores(store, titles),
        by_bank=accuracy_by_bank(totals, titles),
        by_tag=accuracy_by_tag(totals, banks),
        forecast=due_forecast(store, banks, now=now, days=days),
        due_now=sum(c.due for c in due),
        due_later=sum(c.later for c in due),
        streak=streak,
        answered_today=today,
        hardest=hardest_questions(totals, banks, limit=hardest),
        overall=Accuracy(ALL_BANKS, sum(n for _k, _q, n, _p in totals), sum(p or 0.0 for _k, _q, _n, p in totals)),
    )
