"""Ctrl+= up to the largest text, then Statistics (Ctrl+T) in an 800x600 window: each chart tall enough to
read, its axis labels with room between their ticks (Qt cut each to "…"), and each bar's figure inside its bar
or beside it, whole, never over its neighbours' ("4.3%" was cut off by the names on its left)."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QCategoryAxis,
    QChart,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp.core.history import HistoryStore
from quizapp.core.study import start_study
from tests.conftest import key
from tests.test_gui_editor import CTRL
from tests.test_gui_largest_text_room import largest_text_by_keys, normal_again
from tests.test_stats import quiz

__all__ = ["normal_again"]  # (a fixture)

SMALL = QSize(800, 600)
CASUALTIES = ["soldiers-killed", "barkhane-deaths", "gao-attack", "november-ambush", "september-raids",
              "civilians-since-january"]
OTHERS = ["heroes-quote", "mali-president", "barkhane-start", "capital-of-mali"]  # quotes, people, dates, places


def a_history(data_dir: Path, bank) -> None:
    """Two quizzes: the casualties all missed but one close number (4.2%), the other tags all right; a study
    session, for the days its questions are due."""
    start = dt.datetime.now().astimezone() - dt.timedelta(days=3)
    with HistoryStore.open(data_dir) as store:
        for day in range(2):
            verdicts = {q: "close" if (day, q) == (0, CASUALTIES[0]) else "wrong" for q in CASUALTIES}
            quiz(store, bank, start + dt.timedelta(days=day), {**verdicts, **dict.fromkeys(OTHERS, "right")})
        when = start + dt.timedelta(days=2)
        study = start_study(store, bank, now=when, new_per_day=8, seed=2)
        for n in range(len(study.items)):
            study.answer("x", verdict="wrong" if n % 3 else "right", seconds=4.0, now=when)


def ticks_have_room(chart: QChart) -> None:
    """Each axis's labels fit between its ticks."""
    area = chart.plotArea()
    for axis in chart.axes():
        metrics = QFontMetrics(axis.labelsFont())
        if isinstance(axis, QDateTimeAxis):
            first, last, count = axis.min(), axis.max(), axis.tickCount()
            step = (last.toMSecsSinceEpoch() - first.toMSecsSinceEpoch()) // (count - 1)
            widest = max(metrics.horizontalAdvance(first.addMSecs(n * step).toString(axis.format()))
                         for n in range(count))
            assert area.width() / (count - 1) >= widest, (count, axis.format())
        elif isinstance(axis, QCategoryAxis):  # (the bars' percentages: labels up to 100 on a longer axis)
            ends = [axis.endValue(label) for label in axis.categoriesLabels()]
            room = min(b - a for a, b in pairwise(ends)) * area.width() / (axis.max() - axis.min())
            gap = metrics.averageCharWidth()
            assert room >= max(map(metrics.horizontalAdvance, axis.categoriesLabels())) + gap, ends
            assert ends[-1] == 100
            # The last label, centred on its tick, inside the chart ("10" of "100" showed at the right edge).
            right = chart.mapToPosition(QPointF(100, 0), chart.series()[0]).x()
            assert right + metrics.horizontalAdvance("100") / 2 <= chart.size().width()
        elif isinstance(axis, QValueAxis):
            span = axis.max() - axis.min()
            if axis.orientation() == Qt.Orientation.Vertical:
                room, label = area.height(), metrics.lineSpacing()
            else:
                room, label = area.width(), metrics.horizontalAdvance(axis.labelFormat() % axis.max())
            ticks = span / axis.tickInterval() if axis.tickType() == QValueAxis.TickType.TicksDynamic \
                else axis.tickCount() - 1
            assert room / ticks >= label, (room, ticks, label)
        elif isinstance(axis, QBarCategoryAxis) and axis.orientation() == Qt.Orientation.Horizontal:
            assert area.width() / axis.count() >= max(map(metrics.horizontalAdvance, axis.categories()))


def figures_are_whole(chart: QChart) -> None:
    """Each bar's figure inside its bar, or after it inside the plot; none taller than its bar's row."""
    area = chart.plotArea()
    for series in chart.series():
        if not isinstance(series, QHorizontalBarSeries):
            continue
        bars = series.barSets()[0]
        metrics = QFontMetrics(bars.labelFont())
        assert area.height() / bars.count() >= metrics.height()  # (no two figures overlap)
        for n in range(bars.count()):
            value = bars.at(n)
            if not value:
                continue
            start, end = (chart.mapToPosition(QPointF(x, n), series).x() for x in (0, value))
            figure = metrics.horizontalAdvance(f"{value:.3g}%")
            if series.labelsPosition() == QAbstractBarSeries.LabelsPosition.LabelsCenter:
                assert end - start >= figure, value
            else:
                assert series.labelsPosition() == QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd
                assert end + figure <= area.right() + 1, value


def test_the_statistics_are_readable_at_the_largest_text_on_a_small_screen(
        qtbot: QtBot, main_window, bundled_bank, data_dir: Path, normal_again: None) -> None:
    window = main_window
    a_history(data_dir, bundled_bank)
    window.resize(SMALL)
    qtbot.waitExposed(window)
    largest_text_by_keys(qtbot, window)
    key(qtbot, Qt.Key.Key_T, CTRL)  # Statistics, made at the largest text
    stats = window.statistics
    qtbot.waitUntil(lambda: window.stack.currentWidget() is stats)
    assert window.size() == SMALL
    tags = stats.by_tag.chart.axes(Qt.Orientation.Vertical)[0]
    qtbot.waitUntil(lambda: all(panel.view.isVisible() for panel in stats.panels))

    # Each chart as tall as its text needs: the page scrolls to them (Page Down on the focused page).
    focus = QApplication.focusWidget()
    assert focus is not None and stats.isAncestorOf(focus)
    key(qtbot, Qt.Key.Key_PageDown)
    assert stats.scroll.verticalScrollBar().value() > 0
    lines = QFontMetrics(QApplication.font()).lineSpacing()
    assert lines >= 40  # (the largest text)
    for panel in stats.panels:
        qtbot.waitUntil(lambda p=panel: p.chart.plotArea().height() >= 4 * lines)
    for panel in stats.panels:
        qtbot.waitUntil(lambda p=panel: _holds(ticks_have_room, p.chart))
    for panel in (stats.by_bank, stats.by_tag):
        qtbot.waitUntil(lambda p=panel: _holds(figures_are_whole, p.chart))

    # The tag's whole name, its count on a line of its own where both do not fit on one.
    (casualties,) = [c for c in tags.categories() if c.startswith("casualt")]
    assert casualties.split("<br>")[0] == "casualties", casualties


def _holds(check, chart: QChart) -> bool:
    try:
        check(chart)
    except AssertionError:
        return False
    return True
