"""The statistics screen: four charts (QtCharts), the daily streak and the hardest questions.

It shows a `quizapp.core.stats.Statistics`; `load` computes one from a history
store and the banks of the library. A chart with nothing to show is replaced by
a sentence that says what to do, never by empty axes.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QAbstractSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QEvent, QMargins, QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quizapp.core.bank import LoadedBank
from quizapp.core.history import HistoryStore
from quizapp.core.stats import Accuracy, Statistics, compute_statistics, counted, day_scores, points_text
from quizapp.core.study import due_text
from quizapp.gui.widgets import Soon, quoted, scale_font

EMPTY_SCORES = ("No sessions yet. Pick a bank in the library and take a quiz or a study session: "
                "the score of each session appears here over time.")
EMPTY_BANKS = "No answers yet. Answer a few questions of any bank to see how often you are right in each."
EMPTY_TAGS = ("No tagged question answered yet. Tags come from the bank file (tags: [dates, people]); "
              "answer questions of a tagged bank to compare them.")
EMPTY_FORECAST = ("Nothing to review in the next 14 days. Study a bank (Study in the library): spaced "
                  "repetition then schedules each question, and the reviews appear here.")
EMPTY_HARDEST = ("No question missed twice yet. The questions you miss most often will be listed here, "
                 "with the sentence of the article that proves the answer.")
MAX_LABEL = 20
WRAP_CHARS = 12  # a bar's name cut shorter than this on its line takes two lines, where the bars have room
NARROW = 900  # below this width (pixels) the charts go in one column
CHART_CHARS = 40  # and below two charts of this many characters' width
TIME_TICKS = 6  # the most ticks of the scores' time axis
PERCENT_STEPS = (20, 50, 100)  # a percentage axis's ticks, each step fewer where the labels do not fit
MAX_SESSIONS = 200  # the scores chart shows the latest ones: more dots are slow to draw and unreadable
# A session of fewer answers can only score 0, 50 or 100% (a study session left after one wrong answer
# is 0%): it is drawn as a ring of its own, not a dot read as a result; its answers count in the day's score.
FEW_ANSWERS = 3
# What a chart's colours mean, the same in the light and the dark theme (light, dark): a chart theme
# colours series by their order, differently in each (a quiz was a green dot in one, a blue ring in
# the other). The dark theme's is lighter, for its dark background.
CHART_COLORS = {"quiz": ("#1f6fb2", "#5aa9e6"), "study": ("#1b7f3b", "#5fd38a"),
                "review": ("#9a4f00", "#f0a04a"), "bars": ("#1f6fb2", "#5aa9e6")}
BAR_WIDTH = 0.5  # Qt's share of its category a bar fills
MAX_BAR = 2.2  # a bar's greatest thickness, in lines of text
MARKER = 9  # the dot of a session, in pixels; the day's score is a line, or a smaller dot for one day
# A chart's least height, in lines of its text: the scores and the forecast have room for their axes, their
# legend and a plot to read; a chart of bars for its axis and BAR_LINES a bar (each name and figure whole).
# At the normal text size that is less than MIN_CHART_HEIGHT, which they keep; at the largest, on a small
# screen, the page scrolls to the charts rather than squeeze each into a strip with its numbers cut to "…".
CHART_LINES = 12
SMALL_LABELS = 0.8  # the day numbers of the forecast, of the text's size
MIN_LABEL_POINTS = 7.0  # and at least this, in a chart too narrow for 14 of them
BAR_AXIS_LINES = 5
BAR_LINES = 1.6
TWO_LINE_BAR_LINES = 3.2  # a bar with its name on two lines
MIN_CHART_HEIGHT = 230
CHART_MARGIN = 4  # pixels round a chart
# Every figure counts points, as the results of a quiz do (quizapp.core.stats.share_of_points), and says so.
POINTS_AXIS = "% of points"
POINTS_RULE = "Every figure here counts points: 1 for a right answer, ½ for a close number."

# _few_calls: with PySide6 6.12 on Python 3.11 every call of a Qt method that returns
# nothing takes one reference from None, and the interpreter aborts when None's count
# reaches zero ("none_dealloc"). The charts are therefore built with one call per
# series (lists of points and values), so a long history costs no more calls than a short one.


def _plain_label(text: str = "", *, wrap: bool = True, scale: float = 1.0, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # article and question text is never HTML
    label.setWordWrap(wrap)
    label.setText(text)
    if scale != 1.0 or bold:
        scale_font(label, scale, bold=bold)  # (and again at each Ctrl+=: the headings grew not with the text)
    return label


def _elide(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _after_name(row: Accuracy) -> str:
    """What follows a bar's name: how many answers it counts (and 0%: a bar of 0% is no bar, and Qt
    draws no label for it)."""
    return f" ({row.answered}){' · 0%' if row.percentage == 0 else ''}"


def _escaped(text: str) -> str:
    return html.escape(text, quote=False)


def _bar_label(row: Accuracy, name: str) -> str:
    """A bar's category: its name (as shortened) and what follows it. Qt reads axis labels as HTML: a
    bank titled "Q&A <draft>" shows as typed."""
    return _escaped(name + _after_name(row))


def _name_lines(row: Accuracy, room: int, metrics: QFontMetrics, most: int) -> list[str]:
    """A bar's name in lines of `room` pixels (the last with what follows the name), ending in "…" where cut:
    on one line, or on up to `most` where one keeps fewer than WRAP_CHARS of its characters."""
    def cut(text: str, width: int) -> str:
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return shown[:-1].rstrip() + "…" if shown != text else shown  # "French helicopter…"

    after = metrics.horizontalAdvance(_after_name(row))
    one = cut(row.label, room - after)
    if most < 2 or one == row.label or len(one) > WRAP_CHARS:
        return [one]
    room = int(0.85 * room)  # (Qt cuts a label of lines to its first where one is near the room)
    words, first = row.label.split(" "), ""
    while words and metrics.horizontalAdvance(f"{first} {words[0]}".strip()) <= room:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one long word: cut on the first line, the rest of the name shown
        return [one]
    return [first, cut(" ".join(words), room - after)]


def _unique(labels: list[str]) -> list[str]:
    # The axis drops a category it already has: two names shortened alike stay two bars' names.
    seen: set[str] = set()
    out = []
    for label in labels:
        while label in seen:
            label += "\u200b"
        seen.add(label)
        out.append(label)
    return out


class _ChartView(QChartView):
    """A chart view as tall as asked (its minimum height, set for the text size), not as tall as its scene
    has ever been: a scene's rectangle only grows, so the charts stayed as tall as the largest text had
    made them after Ctrl+0."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class ChartPanel(QFrame):
    """A titled chart, or the sentence saying what to do while it has nothing to show."""

    def __init__(self, title: str, empty_text: str) -> None:
        super().__init__()
        self.rows: list[Accuracy] = []  # the bars of an accuracy chart, top down
        # Once the chart's layout is done: a change of an axis inside it lays the plot out again, re-entered.
        self._fit_plot_soon = Soon(self, self._fit_plot)
        self._bar_lines = BAR_LINES  # a bar's room, in lines
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = _plain_label(title, bold=True, scale=1.1)
        self.view = _ChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(MIN_CHART_HEIGHT)
        self.view.setAccessibleName(title)
        self.view.installEventFilter(self)
        self.empty = _plain_label(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(24, 24, 24, 24)
        self.empty.setAccessibleName(f"{title}: {empty_text}")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        # The key to a chart of several series, in lines that wrap: Qt's own legend keeps to one line, and
        # at a large text size it cut "Fewer than 3 answers" to "Fewer than 3 ans…".
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)  # (coloured marks; the names are escaped)
        self.legend.setWordWrap(True)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def showing_chart(self) -> bool:
        return self.stack.currentWidget() is self.view

    def show_chart(self, chart: QChart | None, rows: Sequence[Accuracy] = ()) -> None:
        """Show `chart`, or the empty-state sentence when it is None; `rows` are its bars, if it has them."""
        self.rows = list(rows)
        old = self.view.chart()
        if chart is None:
            self.view.setChart(QChart())
            self.stack.setCurrentWidget(self.empty)
        else:
            chart.legend().hide()
            chart.setMargins(QMargins(CHART_MARGIN, CHART_MARGIN, CHART_MARGIN, CHART_MARGIN))
            chart.setBackgroundRoundness(0)
            _theme(chart, self.palette())
            # (connected first: in a view of its size already, the chart lays out its plot as it is set)
            chart.plotAreaChanged.connect(self._fit_bar_width)  # (at once: it lays nothing out again)
            chart.plotAreaChanged.connect(self._fit_plot_soon)
            self.view.setChart(chart)
            self.stack.setCurrentWidget(self.view)
        self._fit_legend(self.palette())
        self._fit_height()
        self._fit_bar_names()
        if old is not None:
            old.deleteLater()

    def retheme(self, palette: QPalette) -> None:
        """The chart in the colours of the new theme (`palette`: the screen's, not yet its panels')."""
        _theme(self.chart, palette)
        self._fit_legend(palette)
        # (the theme set the fonts and colours as made: beside their bars, the figures are in the text's colour)
        self._fit_bar_labels(palette)
        self._fit_ticks()

    def _fit_legend(self, palette: QPalette) -> None:
        series = self.chart.series() if self.showing_chart and len(self.chart.series()) >= 2 else []
        self.legend.setText("&nbsp;&nbsp; ".join(f"{_legend_mark(s, palette)}&nbsp;{_escaped(s.name())}"
                                                  for s in series))
        self.legend.setVisible(bool(series))

    def _fit_height(self) -> None:
        line = QFontMetrics(QApplication.font()).lineSpacing()
        lines = BAR_AXIS_LINES + self._bar_lines * len(self.rows) if self.rows else CHART_LINES
        self.view.setMinimumHeight(max(MIN_CHART_HEIGHT, round(lines * line)))

    def _fit_plot(self) -> None:
        """Fit the ticks and the figures to the plot's new size."""
        self._fit_bar_labels(self.palette())
        self._fit_ticks()  # (after: an axis made longer for the figures has less room a tick)

    def _fit_ticks(self) -> None:
        # Fewer ticks where their labels do not fit between them (the largest text in a small window): Qt cut
        # each of them to "…". At the normal text size they stay as they were made.
        area = self.chart.plotArea()
        if area.width() <= 0 or area.height() <= 0:
            return
        for axis in self.chart.axes():
            metrics = QFontMetrics(axis.labelsFont())
            gap = metrics.averageCharWidth()
            if isinstance(axis, QDateTimeAxis) and axis.property("quizappSpan"):
                first, last = (dt.datetime.fromtimestamp(t, dt.UTC) for t in axis.property("quizappSpan"))
                most = TIME_TICKS
                while True:  # (fewer ticks may need a shorter format: "2 Mar" rather than "2 Mar 14:00")
                    start, end, count, style = time_axis(first, last, most)
                    step = (end - start) / max(1, count - 1)
                    label = max(metrics.horizontalAdvance(_local(start + n * step).toString(style))
                                for n in range(count))
                    if most == 2 or count < 2 or area.width() / (count - 1) >= label + gap:
                        break
                    most -= 1
                _set_time_axis(axis, start, end, count, style)
            elif isinstance(axis, QValueAxis) and axis.property("quizappPercent"):
                along = area.height() if axis.orientation() == Qt.Orientation.Vertical else area.width()
                label = metrics.lineSpacing() * 1.5 if axis.orientation() == Qt.Orientation.Vertical \
                    else metrics.horizontalAdvance("100") + gap
                span = axis.max() - axis.min()
                interval = next((i for i in PERCENT_STEPS if along * i / span >= label), PERCENT_STEPS[-1])
                if isinstance(axis, QCategoryAxis):
                    _percent_labels(axis, interval)
                elif axis.tickInterval() != interval:
                    axis.setTickInterval(interval)
            elif isinstance(axis, QBarCategoryAxis) and axis.property("quizappSmallLabels"):
                # Day numbers smaller where 14 of them do not fit at the text's size (Qt cuts each to "…").
                font = QFont(axis.labelsFont())
                wanted = QApplication.font().pointSizeF() * SMALL_LABELS
                room = area.width() / max(1, axis.count()) - metrics.averageCharWidth()
                fits = wanted * room / max(1, QFontMetrics(_sized(font, wanted)).horizontalAdvance("28"))
                size = max(MIN_LABEL_POINTS, min(wanted, fits))
                if abs(font.pointSizeF() - size) > 0.2:
                    axis.setLabelsFont(_sized(font, size))
            title = axis.property("quizappTitle") or axis.titleText()
            if title and axis.orientation() == Qt.Orientation.Horizontal:
                # A long title on lines of the plot's width, not cut to "day (the first bar: today, wi...".
                axis.setProperty("quizappTitle", title)
                lines = _wrapped(title, int(area.width()), QFontMetrics(axis.titleFont()))
                if "<br>".join(lines) != axis.titleText():
                    axis.setTitleText("<br>".join(lines))

    def _fit_bar_labels(self, palette: QPalette) -> None:
        # A bar's figure ("57.7%") inside the bar where it fits there, else all beside their bars, in the text's
        # colour, with the axis made as much longer as the longest bar's figure needs ("4.3%" was cut off by
        # the names on the left, and figures taller than their bars overlapped).
        area = self.chart.plotArea()
        for series in self.chart.series():
            if not isinstance(series, QHorizontalBarSeries) or not series.barSets() or area.width() <= 0:
                continue
            bars = series.barSets()[0]
            values = [bars.at(i) for i in range(bars.count())]
            metrics = QFontMetrics(bars.labelFont())
            pad = metrics.averageCharWidth()
            widths = [metrics.horizontalAdvance(_figure(v)) + 2 * pad for v in values]
            axis = next(a for a in series.attachedAxes() if isinstance(a, QValueAxis))
            thick = area.height() / max(1, len(values)) * series.barWidth()
            inside = thick >= 0.7 * metrics.height() and all(
                v == 0 or area.width() * v / 100 >= w for v, w in zip(values, widths, strict=True))
            end = 100.0 if inside else max(100.0, *(v / max(0.05, 1 - w / area.width())
                                                    for v, w in zip(values, widths, strict=True)))
            position = QAbstractBarSeries.LabelsPosition.LabelsCenter if inside \
                else QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd
            if series.labelsPosition() != position:
                series.setLabelsPosition(position)
            _colour_labels(bars, palette, inside)
            if abs(axis.max() - end) > 0.5:
                axis.setMax(end)
            # Room at the right for half of the axis's "100" where it ends the axis (Qt cut it to "10").
            half = QFontMetrics(axis.labelsFont()).horizontalAdvance("100") // 2 + 2 if inside else 0
            margins = self.chart.margins()
            if margins.right() != max(CHART_MARGIN, half):
                margins.setRight(max(CHART_MARGIN, half))
                self.chart.setMargins(margins)

    def _fit_bar_width(self) -> None:
        # Qt makes a bar half as thick as its category: one bank's bar filled a small window's chart
        # like a wall. At most MAX_BAR lines of text thick, however few the bars.
        chart = self.chart
        most = MAX_BAR * QFontMetrics(QApplication.font()).height()
        for series in chart.series():
            if isinstance(series, QAbstractBarSeries) and series.barSets():
                across = chart.plotArea().height() if isinstance(series, QHorizontalBarSeries) \
                    else chart.plotArea().width()
                room = across / max(1, series.barSets()[0].count())
                width = min(BAR_WIDTH, most / room) if room > 0 else BAR_WIDTH
                if abs(series.barWidth() - width) > 1e-3:
                    series.setBarWidth(width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The view's own resize: when the panel's comes first (at show), the view still has its old width.
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_bar_names()
        return super().eventFilter(watched, event)

    def _fit_bar_names(self) -> None:
        # Each bar's name as long as the chart has room for, not cut at 20 letters ("French helicopter
        # c… (31)" in a wide window); whole in the tooltip when it is cut. Qt gives the names about 40%
        # of the chart's width, and cuts a longer one itself, count and all.
        axes = [a for a in self.chart.axes() if isinstance(a, QBarCategoryAxis)] if self.rows else []
        if not axes or not self.showing_chart:
            self.view.setToolTip("")
            return
        metrics = QFontMetrics(axes[0].labelsFont())
        room = max(60, int(0.4 * self.view.width()) - 30)
        # A bar's name on two lines where one keeps too little of it ("Frenc… (274)" at the largest text on a
        # small screen), the chart made as much taller.
        two_lines = any(len(_name_lines(row, room, metrics, 2)) > 1 for row in self.rows)
        bar_lines = TWO_LINE_BAR_LINES if two_lines else BAR_LINES
        if bar_lines != self._bar_lines:
            self._bar_lines = bar_lines
            self._fit_height()
        names, labels = [], []
        for row in self.rows:
            lines = _name_lines(row, room, metrics, 2 if two_lines else 1)
            names.append(" ".join(lines))
            labels.append("<br>".join([*map(_escaped, lines[:-1]), _bar_label(row, lines[-1])]))
        labels = _unique(labels[::-1])
        if labels != axes[0].categories():
            axes[0].setCategories(labels)
        cut = any(name != row.label for name, row in zip(names, self.rows, strict=True))
        self.view.setToolTip("\n".join(f"{row.label}: {points_text(row.points, row.answered)}" for row in self.rows)
                             if cut else "")

    @property
    def chart(self) -> QChart:
        return self.view.chart()


def _theme(chart: QChart, palette: QPalette) -> None:
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundBrush(palette.brush(QPalette.ColorRole.Base))
    # The chart theme's fonts are of a fixed size: the app's text size instead (Ctrl+= and Ctrl+-).
    font = QFont(QApplication.font())
    chart.legend().setFont(font)
    for axis in chart.axes():
        axis.setLabelsBrush(palette.brush(QPalette.ColorRole.Text))
        axis.setTitleBrush(palette.brush(QPalette.ColorRole.Text))
        labels = QFont(font)
        if axis.property("quizappSmallLabels"):
            labels.setPointSizeF(font.pointSizeF() * SMALL_LABELS)
        axis.setLabelsFont(labels)
        title = QFont(font)
        title.setBold(True)
        axis.setTitleFont(title)
    for series in chart.series():
        if hasattr(series, "setLabelsVisible"):  # bar labels ("62.7%") in the text size too
            for bars in series.barSets():
                bars.setLabelFont(font)
        _colour(series, palette, dark)


def _colour(series: QAbstractSeries, palette: QPalette, dark: bool) -> None:
    """Give a series the colour of what it shows (its "quizappRole"), the same in either theme."""
    role = series.property("quizappRole")
    if role == "few":  # the theme fills every dot: a thin grey ring, not a result
        series.setColor(Qt.GlobalColor.transparent)
        pen = QPen(palette.color(QPalette.ColorRole.PlaceholderText))
        pen.setWidthF(1.5)
        series.setPen(pen)
    elif role == "day":  # the day's score in the text's colour, over the coloured dots of the sessions
        pen = QPen(palette.color(QPalette.ColorRole.Text))
        pen.setWidthF(2)
        series.setPen(pen)
        series.setColor(pen.color())
    elif role in CHART_COLORS:
        color = QColor(CHART_COLORS[role][dark])
        if isinstance(series, QAbstractBarSeries):
            for bars in series.barSets():
                bars.setColor(color)
                bars.setBorderColor(color)  # the dark theme outlines a bar in white
                _colour_labels(bars, palette, True)
        else:
            series.setColor(color)
            series.setBorderColor(color)  # the dark theme rings a dot in white


def _legend_mark(series: QAbstractSeries, palette: QPalette) -> str:
    """The mark of a series in the legend, as drawn: a line, a dot, or a ring for a series drawn hollow."""
    if isinstance(series, QLineSeries) and not series.pointsVisible():
        mark, color = "—", series.pen().color()
    elif series.color().alpha() == 0:
        mark, color = "○", series.pen().color()
    else:
        mark, color = "●", series.color()
    return f'<span style="color: {color.name()}">{mark}</span>'


def _colour_labels(bars: QBarSet, palette: QPalette, on_bar: bool) -> None:
    """A bar's figure readable on the bar ("55.6%"), or beside it in the text's colour."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    color = QColor("#10161d" if dark else "#ffffff") if on_bar else palette.color(QPalette.ColorRole.Text)
    if bars.labelColor() != color:
        bars.setLabelColor(color)


def _sized(font: QFont, points: float) -> QFont:
    font = QFont(font)
    font.setPointSizeF(points)
    return font


def _wrapped(text: str, width: int, metrics: QFontMetrics) -> list[str]:
    """`text` in lines of at most `width` pixels, broken between words (a longer word has a line to itself)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _figure(value: float) -> str:
    """A bar's figure as Qt writes it ("@value%" to 3 significant digits): "57.7%", "100%"."""
    return f"{value:.3g}%"


def _percent_labels(axis: QCategoryAxis, step: int) -> None:
    """Label `axis` 0, `step`, ... 100: none past 100, where it is made longer for the bars' figures."""
    labels = [str(v) for v in range(0, 101, step)]
    if axis.categoriesLabels() != labels:
        for label in axis.categoriesLabels():
            axis.remove(label)
        for label in labels:
            axis.append(label, int(label))


def _bar_percent_axis(title: str = POINTS_AXIS) -> QCategoryAxis:
    """The percentage axis of bars: labelled up to 100 however much longer it is made (a figure beside a bar
    of 100% needs room after it)."""
    axis = QCategoryAxis()
    axis.setRange(0, 100)
    axis.setStartValue(0)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    _percent_labels(axis, PERCENT_STEPS[0])
    axis.setTitleText(title)
    axis.setProperty("quizappPercent", True)
    return axis


def _percent_axis(title: str = POINTS_AXIS) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)  # on 0, 20, ... 100 however long the axis
    axis.setTickAnchor(0)
    axis.setTickInterval(PERCENT_STEPS[0])
    axis.setLabelFormat("%d")
    axis.setTitleText(title)
    axis.setProperty("quizappPercent", True)
    return axis


def scores_chart(stats: Statistics) -> QChart | None:
    """Score per session over time: a dot per quiz and per study session (a ring for one of fewer than
    FEW_ANSWERS answers), a line through each day's mean."""
    if not stats.sessions:
        return None
    sessions = stats.sessions[-MAX_SESSIONS:]
    chart = QChart()
    dots = {kind: QScatterSeries() for kind in ("quiz", "study", "review", "few")}
    names = {"quiz": "Quiz", "study": "Study", "review": "Review of mistakes",
             "few": f"Fewer than {FEW_ANSWERS} answers"}
    for kind, series in dots.items():
        series.setName(names[kind])
        series.setMarkerSize(MARKER)
        series.setProperty("quizappRole", kind)
    # Points go in one list per series: one call each, not one per point (see _few_calls).
    points: dict[str, list[QPointF]] = {kind: [] for kind in dots}
    for s in sessions:
        kind = "few" if s.answered < FEW_ANSWERS else s.kind
        points.get(kind, points["quiz"]).append(QPointF(s.started_at.timestamp() * 1000, s.percentage))
    daily = day_scores(sessions)
    for kind, series in dots.items():
        if points[kind]:
            series.append(points[kind])
    line = QLineSeries()
    line.setName("Day's score")
    line.setProperty("quizappRole", "day")
    one_day = len(daily) == 1
    middle = sessions[0].started_at + (sessions[-1].started_at - sessions[0].started_at) / 2

    def when(day: dt.date) -> float:
        # Each day's score at its noon; a lone day's amid its sessions, where the time axis has room for it.
        return (middle if one_day else dt.datetime.combine(day, dt.time(12)).astimezone()).timestamp() * 1000

    line.append([QPointF(when(day), score.percentage) for day, score in daily])
    if one_day:  # a line needs two days: one is drawn as a dot
        line.setPointsVisible(True)
        line.setMarkerSize(5)
    # A single session's score is its day's: its own dot says it all, with no "Day's score" hidden beneath.
    shown = [*([line] if len(sessions) > 1 else []), *(series for kind, series in dots.items() if points[kind])]
    for series in shown:
        chart.addSeries(series)
    x_axis = QDateTimeAxis()
    _set_time_axis(x_axis, *time_axis(sessions[0].started_at, sessions[-1].started_at))
    # (ChartPanel makes the ticks fewer where their labels do not fit)
    x_axis.setProperty("quizappSpan", [sessions[0].started_at.timestamp(), sessions[-1].started_at.timestamp()])
    y_axis = _percent_axis()
    # A little room above 100 and below 0, so that a dot there is whole (the plot clips its series);
    # the ticks stay on 0, 20, ... 100.
    y_axis.setRange(-4, 104)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for series in shown:
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    return chart


def _local(when: dt.datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(when.timestamp() * 1000))


def _set_time_axis(axis: QDateTimeAxis, start: dt.datetime, end: dt.datetime, ticks: int, style: str) -> None:
    if (axis.min(), axis.max(), axis.tickCount(), axis.format()) != (_local(start), _local(end), ticks, style):
        axis.setRange(_local(start), _local(end))
        axis.setFormat(style)
        axis.setTickCount(ticks)


_HOUR_STEPS = (1, 2, 3, 4, 6, 12)
_DAY_STEPS = (1, 2, 7, 14, 28, 56, 91, 182, 364)


def time_axis(first: dt.datetime, last: dt.datetime,
              most: int = TIME_TICKS) -> tuple[dt.datetime, dt.datetime, int, str]:
    """(start, end, tick count, label format) of a time axis from `first` to `last` whose ticks fall on
    round local times, at most `most` of them: "14:00, 15:00, 16:00" for an afternoon's sessions,
    "2 Mar, 9 Mar, 16 Mar" for a month's. Each end has a margin, so no dot is cut in half by the edge."""
    first, last = first.astimezone(), last.astimezone()
    if last - first <= dt.timedelta(hours=36):
        hour = dt.timedelta(hours=1)
        start = first.replace(minute=0, second=0, microsecond=0)
        if first - start < dt.timedelta(minutes=10):
            start -= hour
        hours = -(-(last - start) // hour) + (1 if (last - start) % hour > dt.timedelta(minutes=50) else 0)
        hours = max(hours, 2)
        step = next((s for s in _HOUR_STEPS if hours / s <= most - 1), 24)
        count = -(-hours // step)
        return start, start + count * step * hour, count + 1, "d MMM hh:mm" if step < 24 else "d MMM"
    day = dt.timedelta(days=1)
    start = first.replace(hour=0, minute=0, second=0, microsecond=0)
    days = (last.replace(hour=0, minute=0, second=0, microsecond=0) - start) // day + 1
    step = next((s for s in _DAY_STEPS if days / s <= most - 1), -(-days // (most - 1)))
    # A margin at each end, so a session just after midnight (or just before) does not sit on the axis's
    # end with its dot cut in half by the plot's edge; the steps' spare room is shared between both ends,
    # so a month's sessions on a two-week step fill most of the plot, not its middle half.
    margin = step * day / 20
    low, high = first - margin, last + margin
    count = max(1, -(-(high - low) // (step * day)))
    centred = low - (count * step * day - (high - low)) / 2
    start = centred.replace(hour=0, minute=0, second=0, microsecond=0)
    if centred - start > day / 2 and start + day <= low:
        start += day  # (the nearer midnight, if it still comes before the first session's margin)
    if start + count * step * day < high:
        count += 1
    return start, start + count * step * day, count + 1, "d MMM" if count * step < 300 else "MMM yyyy"


def _count_axis(top: int, title: str) -> QValueAxis:
    """A value axis of whole numbers from 0 with a few round ticks."""
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500) if top / s <= 8), 1000)
    end = max(step * 4 if step == 1 else step, -(-top // step) * step)
    axis = QValueAxis()
    axis.setRange(0, end)
    axis.setTickCount(end // step + 1)
    axis.setLabelFormat("%d")
    axis.setTitleText(title)
    return axis


def accuracy_chart(rows: list[Accuracy], name: str) -> QChart | None:
    """Horizontal bars, one per bank or tag, of the share of points scored."""
    if not rows:
        return None
    chart = QChart()
    series = QHorizontalBarSeries()
    bars = QBarSet(name)
    bars.append([row.percentage for row in reversed(rows)])  # drawn bottom up: keep the list order top down
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    series.setLabelsPrecision(3)
    series.setProperty("quizappRole", "bars")
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    # Names cut short at first: ChartPanel fits them to its width once shown.
    categories.append(_unique([_bar_label(r, _elide(r.label)) for r in reversed(rows)]))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    values = _bar_percent_axis()
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values)
    return chart


def forecast_chart(stats: Statistics) -> QChart | None:
    """Questions due on each of the next days, today first (overdue ones count today)."""
    if not any(count for _day, count in stats.forecast):
        return None
    chart = QChart()
    series = QBarSeries()
    bars = QBarSet("Due")
    bars.append([float(count) for _day, count in stats.forecast])
    labels = [str(day.day) for day, _count in stats.forecast]
    series.append(bars)
    series.setProperty("quizappRole", "bars")
    chart.addSeries(series)
    days = QBarCategoryAxis()
    days.append(labels)
    days.setTitleText("day (the first bar: today, with anything overdue)")
    days.setProperty("quizappSmallLabels", True)  # 14 day numbers fit a half-width chart at 800x600 without "…"
    chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(days)
    counts = _count_axis(max(count for _d, count in stats.forecast), "questions")
    chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(counts)
    return chart


def streak_text(stats: Statistics) -> str:
    if stats.streak == 0:
        return "No streak yet: answer a question today to start one."
    days = f"{counted(stats.streak, 'day')} in a row"
    if stats.answered_today:
        return f"Daily streak: {days}, today included."
    return f"Daily streak: {days}. Answer a question today to keep it."


class StatisticsScreen(QWidget):
    """Progress at a glance: scores over time, accuracy by bank and tag, the forecast, streak, hardest questions."""

    library_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statistics: Statistics | None = None
        self._redraw_soon = Soon(self, self._redraw)
        heading = _plain_label("Statistics", wrap=False, scale=1.4, bold=True)
        self.streak = _plain_label(scale=1.15, bold=True)
        self.streak.setAccessibleName("Daily streak")
        self.summary = _plain_label()
        self.back = QPushButton("&Back to library")
        self.back.setToolTip("Back to the library (Esc)")
        self.back.clicked.connect(self.library_requested)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.back)

        self.scores = ChartPanel("Score per session", EMPTY_SCORES)
        self.by_bank = ChartPanel("Accuracy per bank", EMPTY_BANKS)
        self.by_tag = ChartPanel("Accuracy per tag", EMPTY_TAGS)
        self.forecast = ChartPanel("Due in the next 14 days", EMPTY_FORECAST)
        grid = QGridLayout()
        self.grid = grid
        self.columns = 0
        self._arrange(2)

        self.hardest_title = _plain_label("Hardest questions", bold=True, scale=1.1)
        self.hardest = QVBoxLayout()
        self.hardest.setSpacing(10)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(top)
        column.addWidget(self.streak)
        column.addWidget(self.summary)
        column.addLayout(grid)
        column.addWidget(self.hardest_title)
        column.addLayout(self.hardest)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.set_statistics(Statistics())

    def _arrange(self, columns: int) -> None:
        """Lay the four charts out in two columns, or one when the window is narrow."""
        if columns == self.columns:
            return
        self.columns = columns
        for panel in self.panels:
            self.grid.removeWidget(panel)
        for n, panel in enumerate(self.panels):
            self.grid.addWidget(panel, n // columns, n % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self._columns(event.size().width()))
        super().resizeEvent(event)

    def _columns(self, width: int) -> int:
        # Half of a narrow window is too small for 14 day labels or long bank names; at a large text size, half
        # of a wider one too (at the largest, on 1000 pixels, the scores had two ticks).
        wide = max(NARROW, 2 * CHART_CHARS * QFontMetrics(QApplication.font()).averageCharWidth())
        return 2 if width >= wide else 1

    @property
    def panels(self) -> tuple[ChartPanel, ChartPanel, ChartPanel, ChartPanel]:
        return (self.scores, self.by_bank, self.by_tag, self.forecast)

    def load(self, store: HistoryStore, banks: Iterable[LoadedBank], *, now: dt.datetime | None = None) -> None:
        """Compute the statistics of `store` for the library's banks and show them, from the top."""
        self.set_statistics(compute_statistics(store, banks, now=now))
        # Opened again, it starts at the summary, not where the last visit scrolled to (the hardest questions).
        self.scroll.verticalScrollBar().setValue(0)

    def focus_page(self) -> None:
        """The focus on the page: Page Down and the arrows scroll it, Esc goes back to the library."""
        self.scroll.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back to the library, as Back (Alt+B) does."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.library_requested.emit()
            return
        super().keyPressEvent(event)

    def set_statistics(self, stats: Statistics) -> None:
        """Show `stats` (an empty Statistics shows what to do to get some)."""
        self.statistics = stats
        self.streak.setText(streak_text(stats))
        if stats.empty:
            self.summary.setText("Your answers are kept as you give them; take a quiz to start your statistics.")
        else:
            answers, sessions = counted(stats.total_answers, "answer"), counted(len(stats.sessions), "session")
            self.summary.setText(f"{answers} in {sessions}: "
                                 f"{points_text(stats.overall.points, stats.overall.answered)}. {POINTS_RULE}")
        self.scores.show_chart(scores_chart(stats))
        latest = f" (the last {MAX_SESSIONS})" if len(stats.sessions) > MAX_SESSIONS else ""
        self.scores.title.setText(f"Score per session{latest}")
        self.by_bank.show_chart(accuracy_chart(stats.by_bank, POINTS_AXIS), stats.by_bank)
        self.by_tag.show_chart(accuracy_chart(stats.by_tag, POINTS_AXIS), stats.by_tag)
        self.forecast.show_chart(forecast_chart(stats))
        # Today's bar in the library's words: "due now" is what a study session asks now; a question
        # missed a minute ago is "due later today" (in the bar, not yet in a session).
        today = f" (today: {due_text(stats.due_now, stats.due_later, ', ')})" if self.forecast.showing_chart else ""
        self.forecast.title.setText(f"Due in the next 14 days{today}")
        self._fill_hardest(stats)

    def _fill_hardest(self, stats: Statistics) -> None:
        while self.hardest.count():
            widget = self.hardest.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        if not stats.hardest:
            self.hardest.addWidget(_plain_label(EMPTY_HARDEST))
            return
        for n, hard in enumerate(stats.hardest, 1):
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            lines = QVBoxLayout(box)
            lines.addWidget(_plain_label(f"{n}. {hard.question.prompt}", bold=True))
            lines.addWidget(_plain_label(f"Scored {points_text(hard.points, hard.answered)} · "
                                         f"{hard.loaded.bank.title}"))
            if hard.citation:
                proof = _plain_label(quoted(hard.citation) + (f" — {hard.source}" if hard.source else ""))
                font = QFont(proof.font())
                font.setItalic(True)
                proof.setFont(font)
                proof.setAccessibleName("Citation")
                lines.addWidget(proof)
            self.hardest.addWidget(box)

    def hardest_texts(self) -> list[str]:
        """The text shown for the hardest questions, top down (for tests and screen readers)."""
        out = []
        for i in range(self.hardest.count()):
            widget = self.hardest.itemAt(i).widget()
            out.append("\n".join(label.text() for label in widget.findChildren(QLabel))
                       if not isinstance(widget, QLabel) else widget.text())
        return out

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.statistics is not None:
            for panel in self.panels:
                if panel.showing_chart:
                    panel.retheme(self.palette())
        elif (event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange)
              and self.statistics is not None and not self._redraw_soon.pending):
            # A chart takes its fonts when it is made: made again in the new text size, each chart
            # as tall as that size needs (or its names shrink to "…"), in one column if half is too narrow.
            self._arrange(self._columns(self.width()))
            self._redraw_soon()
        super().changeEvent(event)

    def _redraw(self) -> None:
        if self.statistics is not None:
            self.set_statistics(self.statistics)
