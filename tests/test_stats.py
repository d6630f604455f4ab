"""Statistics over a real history file, and the statistics screen on an empty and a full history."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path

import pytest
from hist_support import QUESTIONS, write_bank

from quizapp.core.bank import LoadedBank, load_bank
from quizapp.core.history import HistoryStore, PlanItem
from quizapp.core.stats import compute_statistics
from quizapp.core.study import bank_ref, start_study

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def local(day: int, hour: int = 12) -> dt.datetime:
    """A moment in March 2026 in the local time zone (statistics count local days)."""
    return dt.datetime(2026, 3, day, hour).astimezone()


NOW = local(20, 18)


@pytest.fixture
def banks(tmp_path: Path) -> list[LoadedBank]:
    return [load_bank(write_bank(tmp_path / "a")),
            load_bank(write_bank(tmp_path / "b", name="orla2", title="Orla, second look"))]


def quiz(store: HistoryStore, loaded: LoadedBank, when: dt.datetime, results: dict[str, str]) -> str:
    """A finished quiz on `loaded` at `when`, with the verdict of each question id."""
    ref = bank_ref(loaded)
    sid = store.start_session(kind="quiz", bank=ref, plan=[PlanItem(ref.key, q) for q in results],
                              started_at=when.timestamp())
    for n, (qid, verdict) in enumerate(results.items()):
        store.record_answer(sid, bank_key=ref.key, question_id=qid, given="x", verdict=verdict,
                            points={"right": 1, "close": 0.5}.get(verdict, 0), seconds=5,
                            answered_at=when.timestamp() + 10 * n)
    store.finish_session(sid, at=when.timestamp() + 100)
    return sid


def full_history(store: HistoryStore, banks: list[LoadedBank]) -> None:
    a, b = banks
    quiz(store, a, local(10), {"inhabitants": "right", "mayor": "wrong", "elected": "wrong", "river": "right"})
    quiz(store, a, local(17), {"mayor": "wrong", "elected": "close", "pupils": "right", "river": "right"})
    quiz(store, b, local(18), {"mayor": "right", "river": "wrong"})
    quiz(store, a, local(19), {"mayor": "right", "elected": "right"})
    session = start_study(store, a, now=local(20, 9))
    while not session.finished:
        session.answer("x", verdict="wrong" if session.current.question.id == "mayor" else "right",
                       seconds=10, now=local(20, 9))


def shown_screen(qtbot, store: HistoryStore, banks: list[LoadedBank]):
    """The statistics screen on `store`, shown."""
    from quizapp.gui.stats_screen import StatisticsScreen

    screen = StatisticsScreen()
    qtbot.addWidget(screen)
    screen.load(store, banks, now=NOW)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_statistics_of_a_known_history(store: HistoryStore, banks: list[LoadedBank]) -> None:
    full_history(store, banks)
    stats = compute_statistics(store, banks, now=NOW)
    assert [(s.title, s.kind, s.answered, round(s.percentage)) for s in stats.sessions] == [
        ("The village of Orla", "quiz", 4, 50), ("The village of Orla", "quiz", 4, 62),
        ("Orla, second look", "quiz", 2, 50), ("The village of Orla", "quiz", 2, 100),
        ("The village of Orla", "study", 5, 80)]
    assert [(a.label, a.answered, a.points) for a in stats.by_bank] == [
        ("Orla, second look", 2, 1), ("The village of Orla", 15, 10.5)]
    # "elected" is tagged dates and people: it counts in both (its close answer half a point).
    assert {a.label: (a.answered, a.points) for a in stats.by_tag} == {
        "dates": (4, 2.5), "numbers": (4, 4), "people": (9, 4.5), "places": (4, 3)}
    assert stats.total_answers == 17 and stats.overall.points == 11.5
    assert (stats.streak, stats.answered_today) == (4, True)
    hardest = [(h.loaded.bank.title, h.question.id, h.points, h.answered) for h in stats.hardest]
    assert hardest == [("The village of Orla", "mayor", 1, 4), ("The village of Orla", "elected", 2.5, 4)]
    top = stats.hardest[0]
    assert top.citation == "Its mayor, Ana Petrov, was elected in 2019" and top.source == "Orla news"
    # The study session scheduled all five questions of bank a: four in ten minutes (today), one in a minute.
    assert stats.forecast[0] == (NOW.date(), 5) and sum(n for _d, n in stats.forecast) == 5
    assert [d for d, _n in stats.forecast] == [NOW.date() + dt.timedelta(days=n) for n in range(14)]
    assert (stats.due_now, stats.due_later) == (5, 0)  # at six, the morning's steps have all come round


def test_today_is_due_now_and_due_later_today_as_the_library_counts_it(store: HistoryStore,
                                                                       banks: list[LoadedBank]) -> None:
    """Right after a study session its questions are due later today: in today's bar, not due now."""
    from quizapp.core.study import due_counts

    session = start_study(store, banks[0], now=local(20, 9))
    while not session.finished:
        session.answer("x", verdict="wrong" if session.current.question.id == "mayor" else "right",
                       seconds=10, now=local(20, 9))
    for minute, now, later in ((0, 0, 5), (2, 1, 4), (11, 5, 0)):
        moment = local(20, 9) + dt.timedelta(minutes=minute)
        stats = compute_statistics(store, banks, now=moment)
        assert (stats.due_now, stats.due_later) == (now, later)
        assert stats.forecast[0][1] == now + later
        counts = due_counts(store, banks, now=moment).values()
        assert (sum(c.due for c in counts), sum(c.later for c in counts)) == (now, later)


def test_forecast_spreads_reviews_over_the_next_days(store: HistoryStore, banks: list[LoadedBank]) -> None:
    a = banks[0]
    for hour in (9, 10):  # learning steps done: the cards go to review, days ahead
        session = start_study(store, a, now=local(20, hour))
        while not session.finished:
            session.answer("x", verdict="right", seconds=10, now=local(20, hour))
    stats = compute_statistics(store, banks, now=NOW)
    assert stats.forecast[0][1] == 0 and sum(n for _d, n in stats.forecast) == 5
    # Removing a question from the bank removes it from the forecast.
    trimmed = load_bank(write_bank(a.path.parent, questions=QUESTIONS[:3]))
    assert sum(n for _d, n in compute_statistics(store, [trimmed], now=NOW).forecast) == 3


def test_streak_counts_days_in_a_row_up_to_today_or_yesterday(store: HistoryStore, banks) -> None:
    a = banks[0]
    for day in (11, 12, 16, 17, 18, 19):
        quiz(store, a, local(day, 8), {"mayor": "right"})
    stats = compute_statistics(store, banks, now=NOW)
    assert (stats.streak, stats.answered_today) == (4, False)  # 16..19: today is still open
    quiz(store, a, local(20, 7), {"mayor": "right"})
    assert compute_statistics(store, banks, now=NOW).streak == 5
    assert compute_statistics(store, banks, now=local(22)).streak == 0  # a day missed
    assert compute_statistics(store, banks, now=local(12, 20)).streak == 2  # later answers do not count


def test_empty_history(store: HistoryStore, banks) -> None:
    stats = compute_statistics(store, banks, now=NOW)
    assert stats.empty and stats.sessions == [] and stats.by_bank == [] and stats.hardest == []
    assert stats.streak == 0 and all(n == 0 for _d, n in stats.forecast)


# --- the screen ---------------------------------------------------------------


def test_statistics_screen_on_an_empty_history(qtbot, store: HistoryStore, banks) -> None:
    from PySide6.QtCore import Qt

    from quizapp.gui.stats_screen import (
        EMPTY_BANKS,
        EMPTY_FORECAST,
        EMPTY_HARDEST,
        EMPTY_SCORES,
        EMPTY_TAGS,
        StatisticsScreen,
    )

    screen = StatisticsScreen()
    qtbot.addWidget(screen)
    screen.load(store, banks, now=NOW)
    screen.resize(900, 700)
    screen.show()
    qtbot.waitExposed(screen)
    for panel, text in zip(screen.panels, (EMPTY_SCORES, EMPTY_BANKS, EMPTY_TAGS, EMPTY_FORECAST), strict=True):
        assert not panel.showing_chart and not panel.view.isVisible()
        assert panel.empty.isVisible() and panel.empty.text() == text
        assert panel.chart.series() == [] and panel.chart.axes() == []
    assert screen.hardest_texts() == [EMPTY_HARDEST]
    assert screen.streak.text().startswith("No streak yet")
    with qtbot.waitSignal(screen.library_requested):
        qtbot.mouseClick(screen.back, Qt.MouseButton.LeftButton)


def test_statistics_screen_on_a_full_history(qtbot, store: HistoryStore, banks, tmp_path: Path) -> None:
    from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QHorizontalBarSeries, QScatterSeries

    from quizapp.gui.stats_screen import StatisticsScreen

    full_history(store, banks)
    screen = StatisticsScreen()
    qtbot.addWidget(screen)
    screen.set_statistics(compute_statistics(store, [], now=NOW))  # first without banks, then reloaded
    screen.load(store, banks, now=NOW)
    screen.resize(1000, 1200)
    screen.show()
    qtbot.waitExposed(screen)
    assert all(p.showing_chart and p.view.isVisible() and not p.empty.isVisible() for p in screen.panels)

    dots = [s for s in screen.scores.chart.series() if isinstance(s, QScatterSeries)]
    assert sorted(s.name() for s in dots) == ["Fewer than 3 answers", "Quiz", "Study"]  # two quizzes of 2
    assert sum(s.count() for s in dots) == 5
    assert sorted(round(p.y()) for s in dots for p in s.points()) == [50, 50, 62, 80, 100]

    (bank_series,) = screen.by_bank.chart.series()
    assert isinstance(bank_series, QHorizontalBarSeries)
    bars = bank_series.barSets()[0]
    assert [round(bars.at(i), 1) for i in range(bars.count())] == [70.0, 50.0]  # drawn bottom up
    (axis,) = [a for a in screen.by_bank.chart.axes() if isinstance(a, QBarCategoryAxis)]
    assert axis.categories() == ["The village of Orla (15)", "Orla, second look (2)"]

    (tag_series,) = screen.by_tag.chart.series()
    assert tag_series.barSets()[0].count() == 4

    (due_series,) = screen.forecast.chart.series()
    assert isinstance(due_series, QBarSeries)
    due = due_series.barSets()[0]
    assert [due.at(i) for i in range(due.count())] == [5] + [0] * 13
    assert screen.forecast.title.text() == "Due in the next 14 days (today: 5 due now)"

    assert screen.streak.text() == "Daily streak: 4 days in a row, today included."
    hardest = screen.hardest_texts()
    assert len(hardest) == 2
    assert hardest[0].splitlines() == ["1. Who is the mayor of Orla?",
                                       "Scored 1 of 4 points (25%) · The village of Orla",
                                       "“Its mayor, Ana Petrov, was elected in 2019” — Orla news"]
    image = screen.grab()
    assert not image.isNull() and image.width() == 1000
    # The empty states come back when the statistics are empty again.
    with HistoryStore.open(tmp_path / "other") as empty:
        screen.set_statistics(compute_statistics(empty, banks, now=NOW))
    assert not any(p.showing_chart for p in screen.panels)


MINUTE = dt.timedelta(minutes=1)


@pytest.mark.parametrize(("first", "last", "ticks"), [
    (local(6, 14) + 5 * MINUTE, local(6, 16) + 40 * MINUTE, ["13:00", "14:00", "15:00", "16:00", "17:00"]),
    (local(6, 14) + 5 * MINUTE, local(6, 14) + 5 * MINUTE, ["13:00", "14:00", "15:00"]),
    (local(6, 9), local(6, 21) + 30 * MINUTE, ["08:00", "11:00", "14:00", "17:00", "20:00", "23:00"]),
    (local(1, 10), local(6, 20), ["1 Mar", "3 Mar", "5 Mar", "7 Mar"]),
])
def test_score_axis_ticks_fall_on_round_times(first: dt.datetime, last: dt.datetime, ticks: list[str]) -> None:
    """An afternoon's sessions get ticks on the hour, a week's on days, never "6 Dec 04:16"."""
    from quizapp.gui.stats_screen import time_axis

    start, end, count, style = time_axis(first, last)
    step = (end - start) / (count - 1)
    shown = [start + n * step for n in range(count)]
    assert [t.strftime("%H:%M") if "hh" in style else f"{t.day} {t:%b}" for t in shown] == ticks
    assert start < first and last < end  # a margin: no dot on the plot's edge


@pytest.mark.parametrize(("first", "last"), [
    (local(1, 0) + MINUTE, local(6, 20)),  # a session just after midnight: its dot was cut in half by the edge
    (local(1, 10), local(6, 23) + 59 * MINUTE),  # and one just before
    (local(1, 0) + MINUTE, local(20, 23) + 59 * MINUTE),
])
def test_a_session_near_midnight_is_not_on_the_time_axis_edge(first: dt.datetime, last: dt.datetime) -> None:
    """Each end of a days-long time axis leaves at least a twentieth of a tick's step beyond its sessions."""
    from quizapp.gui.stats_screen import time_axis

    start, end, count, _style = time_axis(first, last)
    step = (end - start) / (count - 1)
    assert first - start >= step / 20 and end - last >= step / 20
    assert start.hour == 0 and start.minute == 0  # the ticks still fall on days


@pytest.mark.parametrize("most", [3, 4, 6])
def test_a_months_sessions_fill_the_time_axis_whatever_its_ticks(most: int) -> None:
    """At the largest text size the axis has room for fewer ticks, two weeks apart: a month of sessions
    from 10:00 on the 1st sat in the middle half of the plot (a whole step added before the first
    session for its margin, one after the last). The spare room is shared between the ends, under a
    step at each."""
    from quizapp.gui.stats_screen import time_axis

    first, last = local(1, 10), local(29, 18)
    start, end, count, _style = time_axis(first, last, most)
    step = (end - start) / (count - 1)
    assert count <= most + 1
    assert step / 20 <= first - start < step and step / 20 <= end - last < step
    assert start.hour == 0 and start.minute == 0


def test_a_tag_never_answered_right_says_0_percent(qtbot) -> None:
    """Qt draws no bar and no label for 0%: the category says it."""
    from PySide6.QtCharts import QBarCategoryAxis

    from quizapp.core.stats import Accuracy
    from quizapp.gui.stats_screen import accuracy_chart

    chart = accuracy_chart([Accuracy("dates", 3, 0), Accuracy("people", 4, 3)], "Tags")
    (axis,) = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    assert axis.categories() == ["people (4)", "dates (3) · 0%"]


def test_chart_text_follows_the_text_size(qtbot, store: HistoryStore, banks) -> None:
    """Ctrl+= makes the charts' names and numbers larger too, and the charts taller; Ctrl+0 undoes it, the
    charts as short as before too (they stayed as tall as the largest text had made them)."""
    from PySide6.QtCharts import QBarCategoryAxis
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from quizapp.gui.stats_screen import StatisticsScreen
    from quizapp.gui.theme import MAX_POINT_SIZE

    full_history(store, banks)
    screen = StatisticsScreen()
    qtbot.addWidget(screen)
    screen.load(store, banks, now=NOW)
    screen.resize(1000, 800)
    screen.show()
    qtbot.waitExposed(screen)
    app = QApplication.instance()
    normal = QFont(app.font())

    def tag_names_size() -> float:
        (axis,) = [a for a in screen.by_tag.chart.axes() if isinstance(a, QBarCategoryAxis)]
        return axis.labelsFont().pointSizeF()

    def heights() -> list[int]:
        return [panel.view.height() for panel in screen.panels]

    try:
        assert tag_names_size() == normal.pointSizeF()
        height = screen.by_tag.view.minimumHeight()
        before = heights()
        large = QFont(normal)
        large.setPointSizeF(MAX_POINT_SIZE)
        app.setFont(large)
        qtbot.waitUntil(lambda: tag_names_size() == large.pointSizeF())
        assert screen.by_tag.view.minimumHeight() > height
        qtbot.waitUntil(lambda: all(h > b for h, b in zip(heights(), before, strict=True)))
    finally:
        app.setFont(normal)
    qtbot.waitUntil(lambda: tag_names_size() == normal.pointSizeF())
    qtbot.waitUntil(lambda: heights() == before)


def test_a_perfect_session_shows_as_a_whole_dot(qtbot, store: HistoryStore, banks) -> None:
    """The score axis has room above 100% (and below 0%): the plot would cut a dot there in half."""
    from PySide6.QtCharts import QValueAxis

    from quizapp.gui.stats_screen import scores_chart

    quiz(store, banks[0], local(10), {"inhabitants": "right", "mayor": "right"})
    chart = scores_chart(compute_statistics(store, banks, now=NOW))
    (axis,) = [a for a in chart.axes() if isinstance(a, QValueAxis)]
    assert axis.min() < 0 and axis.max() > 100
    assert (axis.tickAnchor(), axis.tickInterval()) == (0, 20)  # labels on 0, 20, ... 100


def test_one_day_of_scores_is_a_dot_and_the_legend_shows_it(qtbot, store: HistoryStore, banks) -> None:
    """With one day, "Day's score" is one point: drawn as a dot, its legend entry a dot of its colour
    (the walkthrough saw a legend sample for a line that was nowhere)."""
    from PySide6.QtCharts import QDateTimeAxis, QLineSeries

    quiz(store, banks[0], local(20, 10), {"inhabitants": "right", "mayor": "wrong"})
    quiz(store, banks[0], local(20, 14), {"inhabitants": "right", "mayor": "right"})
    screen = shown_screen(qtbot, store, banks)
    chart = screen.scores.chart
    (line,) = [s for s in chart.series() if isinstance(s, QLineSeries) and s.name() == "Day's score"]
    assert line.pointsVisible() and line.count() == 1
    (axis,) = [a for a in chart.axes() if isinstance(a, QDateTimeAxis)]
    assert axis.min().toMSecsSinceEpoch() <= line.at(0).x() <= axis.max().toMSecsSinceEpoch()  # in sight
    assert line.at(0).y() == 75
    assert legend_entries(screen.scores)["Day's score"] == ("●", line.color().name())


def test_days_of_scores_are_a_line_and_the_legend_tells_it_from_the_dots(qtbot, store: HistoryStore,
                                                                         banks) -> None:
    from PySide6.QtCharts import QLineSeries

    full_history(store, banks)
    screen = shown_screen(qtbot, store, banks)
    chart = screen.scores.chart
    (line,) = [s for s in chart.series() if isinstance(s, QLineSeries) and s.name() == "Day's score"]
    assert not line.pointsVisible() and line.count() > 1
    entries = legend_entries(screen.scores)
    assert entries["Day's score"] == ("—", line.pen().color().name())  # a line, and dots
    assert entries["Quiz"][0] == entries["Study"][0] == "●"


def test_a_session_of_one_or_two_answers_is_a_ring_not_a_result(qtbot, store: HistoryStore, banks) -> None:
    """A study session left after one wrong answer was a 0% dot among the quizzes, read as a disaster: a
    session of fewer than 3 answers is a ring of its own, the legend saying so; its answers count in the
    day's score."""
    from PySide6.QtCharts import QLineSeries, QScatterSeries
    from PySide6.QtGui import QColor

    quiz(store, banks[0], local(20, 10), {"inhabitants": "right", "mayor": "right", "river": "wrong",
                                          "pupils": "right"})
    session = start_study(store, banks[0], now=local(20, 11))
    session.answer("x", verdict="wrong", seconds=10, now=local(20, 11))
    session.stop()
    screen = shown_screen(qtbot, store, banks)
    chart = screen.scores.chart
    dots = {s.name(): s for s in chart.series() if isinstance(s, QScatterSeries)}
    assert sorted(dots) == ["Fewer than 3 answers", "Quiz"]
    assert [p.y() for p in dots["Quiz"].points()] == [75]
    ring = dots["Fewer than 3 answers"]
    assert [p.y() for p in ring.points()] == [0]
    grey = screen.palette().color(screen.palette().ColorRole.PlaceholderText)
    assert ring.color().alpha() == 0 and ring.borderColor() == grey and QColor(grey).alpha() > 0
    (line,) = [s for s in chart.series() if isinstance(s, QLineSeries)]
    assert [p.y() for p in line.points()] == [60]  # 3 right of the day's 5 answers
    assert list(legend_entries(screen.scores).items())[-1] == ("Fewer than 3 answers", ("○", grey.name()))


def legend_entries(panel) -> dict[str, tuple[str, str]]:
    """The key to a chart as shown under it: each series' name, with its mark and the mark's colour."""
    assert panel.legend.isVisible() and not panel.chart.legend().isVisible()  # (one key, not two)
    found = re.findall(r'<span style="color: (#\w+)">(.)</span>&nbsp;(.+?)(?:&nbsp;&nbsp; |$)', panel.legend.text())
    return {html.unescape(name): (mark, color) for color, mark, name in found}


def test_the_key_to_the_scores_shows_every_name_whole_at_the_largest_text_size(qtbot, store: HistoryStore,
                                                                             banks) -> None:
    """At 28 pt in a window 800 pixels wide, Qt's one-line legend cut "Fewer than 3 answers" to "Fewer
    than 3 ans…": the key wraps onto more lines instead, and has the room for them."""
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QApplication, QLabel

    from quizapp.gui.theme import MAX_POINT_SIZE

    full_history(store, banks)
    session = start_study(store, banks[0], now=local(20, 11))
    session.answer("x", verdict="wrong", seconds=10, now=local(20, 11))
    session.stop()
    app = QApplication.instance()
    normal = QFont(app.font())
    large = QFont(normal)
    large.setPointSizeF(MAX_POINT_SIZE)
    app.setFont(large)
    try:
        screen = shown_screen(qtbot, store, banks)
        screen.resize(800, 600)
        qtbot.wait(50)
        chart = screen.scores.chart
        names = [s.name() for s in chart.series()]
        assert "Fewer than 3 answers" in names and len(names) == 4
        legend = chart.legend()
        if legend.isVisible():  # Qt's own: every name on its one line, whole
            metrics = QFontMetrics(legend.font())
            needed = sum(metrics.horizontalAdvance(name) + 2 * metrics.height() for name in names)
            assert needed <= legend.geometry().width()
        else:
            (key,) = [w for w in screen.scores.findChildren(QLabel) if w.isVisible() and "Quiz" in w.text()]
            shown = html.unescape(re.sub(r"<[^>]+>", "", key.text())).replace("\xa0", " ")
            assert all(name in shown for name in names)
            assert key.wordWrap() and key.height() >= key.heightForWidth(key.width())
            assert key.heightForWidth(key.width()) > QFontMetrics(key.font()).lineSpacing()  # on two lines
    finally:
        app.setFont(normal)


def test_a_bank_name_shows_whole_where_the_chart_has_room_and_in_the_tooltip(qtbot, store: HistoryStore,
                                                                            tmp_path: Path) -> None:
    """"French helicopter c… (31)": names were cut at 20 letters however wide the chart. They take the
    room the chart gives them, and the tooltip names each bank whole when one is cut; "&" and "<" show
    as typed (Qt reads the names as HTML)."""
    from PySide6.QtCharts import QBarCategoryAxis

    from quizapp.gui.stats_screen import StatisticsScreen

    title = "Helicopters collide in Mali & <Sahel>"
    loaded = load_bank(write_bank(tmp_path / "m", name="mali", title=title))
    quiz(store, loaded, local(20, 10), {"inhabitants": "right", "mayor": "right", "river": "wrong"})
    screen = StatisticsScreen()
    qtbot.addWidget(screen)
    screen.load(store, [loaded], now=NOW)
    panel = screen.by_bank

    def label() -> str:
        (axis,) = [a for a in panel.chart.axes() if isinstance(a, QBarCategoryAxis)]
        (text,) = axis.categories()
        return text

    screen.resize(880, 700)  # one column: room for the whole name
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: label() == "Helicopters collide in Mali &amp; &lt;Sahel&gt; (3)")  # as typed, in HTML
    assert panel.view.toolTip() == ""
    screen.resize(1000, 700)  # two columns: half the room
    qtbot.waitUntil(lambda: "…" in label())
    assert label().startswith("Helicopters") and label().endswith("… (3)")
    assert panel.view.toolTip() == f"{title}: 2 of 3 points (66.7%)"


def test_every_figure_counts_points_as_the_results_do(qtbot, store: HistoryStore, banks) -> None:
    """Three quizzes of 2.5/4, 2/2 (a retry of the mistakes) and 0.5/3 are 5 of 9 points: the summary
    and the bank's bar said "44.4% right" (right answers) while the day's score stood at 55.6% (points),
    and a question answered half right, then right, was "Missed 1 of 2 times"."""
    from PySide6.QtCharts import QLineSeries

    a = banks[0]
    quiz(store, a, local(20, 10), {"inhabitants": "right", "mayor": "wrong", "elected": "close", "river": "right"})
    quiz(store, a, local(20, 11), {"mayor": "right", "elected": "right"})
    quiz(store, a, local(20, 12), {"pupils": "close", "mayor": "wrong", "river": "wrong"})
    screen = shown_screen(qtbot, store, banks)
    assert screen.summary.text().startswith("9 answers in 3 sessions: 5 of 9 points (55.6%). "
                                            "Every figure here counts points")
    (line,) = [s for s in screen.scores.chart.series() if isinstance(s, QLineSeries)]
    (bank_bar,) = screen.by_bank.chart.series()
    assert round(line.at(0).y(), 1) == round(bank_bar.barSets()[0].at(0), 1) == 55.6
    tags = {row.label: row.percentage for row in screen.by_tag.rows}
    assert tags["dates"] == 75  # "elected": half a point, then one
    assert [text.splitlines()[1] for text in screen.hardest_texts()] == [
        "Scored 1 of 3 points (33.3%) · The village of Orla", "Scored 1 of 2 points (50%) · The village of Orla",
        "Scored 1.5 of 2 points (75%) · The village of Orla"]


def test_a_chart_means_the_same_in_the_light_and_the_dark_theme(qtbot, store: HistoryStore, banks) -> None:
    """The light theme drew the day's score as a big blue dot and quizzes as small green ones, the dark
    theme the day's score small and green and quizzes as big blue rings: each series keeps its colour's
    hue, its mark and its size in both; the day's score is in the text's colour."""
    from PySide6.QtCharts import QLineSeries, QScatterSeries

    from quizapp.gui.theme import dark_palette, light_palette

    full_history(store, banks)
    screen = shown_screen(qtbot, store, banks)

    def hue(color) -> int:  # a colour's hue within 15 degrees: lighter in the dark theme, the same hue
        return round(color.hslHue() / 30)

    def marks(palette) -> dict[str, tuple]:
        screen.setPalette(palette)
        out = {}
        for s in screen.scores.chart.series():
            if isinstance(s, QLineSeries):
                out[s.name()] = (s.color() == palette.color(palette.ColorRole.Text), s.pen().widthF())
            elif isinstance(s, QScatterSeries):
                out[s.name()] = (hue(s.color()), s.color().alpha(), s.markerSize(), s.markerShape(),
                                 hue(s.borderColor()))
        bars = screen.by_bank.chart.series()[0].barSets()[0]
        out["bank bars"] = (hue(bars.color()), hue(bars.borderColor()))
        return out

    light, dark = marks(light_palette()), marks(dark_palette())
    assert light == dark
    assert light["Day's score"][0]
    assert light["Quiz"][0] != light["Study"][0]


@pytest.mark.parametrize("size", [(800, 600), (1000, 720)])
def test_one_banks_bar_is_a_bar_not_a_wall(qtbot, store: HistoryStore, banks, size: tuple[int, int]) -> None:
    """At 800x600 the bar of the only bank filled the chart's whole height: a bar is at most a few lines
    of text thick, measured on the screen."""
    from PySide6.QtCore import QPoint

    quiz(store, banks[0], local(20, 10), {"inhabitants": "right", "mayor": "right", "river": "wrong"})
    screen = shown_screen(qtbot, store, banks)
    screen.resize(*size)
    panel = screen.by_bank
    qtbot.waitUntil(lambda: panel.chart.plotArea().height() > 100)
    bars = panel.chart.series()[0].barSets()[0]
    area = panel.chart.plotArea()
    image = panel.view.grab().toImage()
    x = panel.view.mapFromScene(area.left() + 4, area.center().y()).x()
    top = panel.view.mapFromScene(QPoint(0, round(area.top()))).y()
    bottom = panel.view.mapFromScene(QPoint(0, round(area.bottom()))).y()
    thick = sum(1 for y in range(top, bottom) if image.pixelColor(x, y) == bars.color())
    line = screen.fontMetrics().height()
    assert line <= thick <= 2.5 * line


def test_the_statistics_say_one_as_one(qtbot, store: HistoryStore, banks) -> None:
    """"17 answers in 1 sessions": every count on the screen takes the number it counts."""
    quiz(store, banks[0], local(20, 10), {"inhabitants": "right"})
    screen = shown_screen(qtbot, store, banks)
    assert screen.summary.text().startswith("1 answer in 1 session: 1 of 1 point (100%). ")
    quiz(store, banks[0], local(20, 11), {"inhabitants": "right", "mayor": "close"})
    screen.load(store, banks, now=NOW)
    assert screen.summary.text().startswith("3 answers in 2 sessions: 2.5 of 3 points (83.3%). ")
