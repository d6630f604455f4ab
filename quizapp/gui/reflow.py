"""Layouts that reflow to fit a small screen at a large text size, and look as before where there is room.

At the largest text size (28 pt) a row of buttons, a label beside its field or three panes side by side
can need twice the width of an 800x600 screen. These put such parts one above the other, or in tabs,
only where the width does not hold them side by side, and scroll a page whose height does not fit.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyleOptionButton,
    QTabWidget,
    QWidget,
)

from quizapp.gui.widgets import ElidedLabel, Refits, Soon, scale_font

# Keys that only hold a modifier down: pressed on their own on the way to a shortcut (the Ctrl of Ctrl+=).
MODIFIER_KEYS = (Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta)


def min_width(widget: QWidget) -> int:
    """The width a layout never goes below: the widget's own minimum when set, else its hint."""
    return widget.minimumWidth() or widget.minimumSizeHint().width()


class WrappingRow(QWidget):
    """Widgets and layouts side by side where the width holds all their minimum widths, else one above the other.

    A row of buttons ("Add", "Duplicate", "Delete") keeps its one line at the normal text size and stacks at
    the largest one on a small screen, rather than widen its window past the screen. While side by side, an
    item added with `row_chars` keeps at least that many characters' width (a title beside a long list of
    names), and one added `whole` its preferred width (a box of options beside a list that takes the rest);
    stacked, each has a line to itself and only its own minimum.
    """

    def __init__(self, parent: QWidget | None = None, *, kept_in_a_row: bool = True) -> None:
        super().__init__(parent)
        self.kept_in_a_row = kept_in_a_row  # by a FoldingSplitter, while its pane is beside another
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self._kept: dict[QWidget, tuple[int, bool]] = {}  # widget -> (row_chars, whole)

    def add(self, item: QWidget | QLayout, stretch: int = 0, *, row_chars: int = 0, whole: bool = False) -> None:
        """Add a widget or a layout; for a widget, what it keeps while in a row (`row_chars`, `whole`)."""
        if isinstance(item, QLayout):
            self.box.addLayout(item, stretch)
            return
        if row_chars or whole:
            self._kept[item] = (row_chars, whole)
        self.box.addWidget(item, stretch)

    def add_stretch(self) -> None:
        self.box.addStretch(1)

    @property
    def in_a_row(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.LeftToRight

    def _shown(self) -> list[QLayoutItem]:
        items = [self.box.itemAt(i) for i in range(self.box.count())]
        return [item for item in items if not item.isEmpty()]  # (a stretch and a hidden widget are empty)

    def _row_min(self, item: QLayoutItem) -> int:
        widget = item.widget()
        if widget not in self._kept:
            return item.minimumSize().width()
        chars, whole = self._kept[widget]
        return max(widget.minimumSizeHint().width(), widget.fontMetrics().horizontalAdvance("x" * chars),
                   widget.sizeHint().width() if whole else 0)

    def _widths(self, width_of: Callable[[QLayoutItem], int]) -> int:
        shown = self._shown()
        margins = self.box.contentsMargins()
        return (sum(width_of(item) for item in shown) + max(0, self.box.spacing()) * max(0, len(shown) - 1)
                + margins.left() + margins.right())

    def row_width(self) -> int:
        """The least width that holds the items side by side."""
        return self._widths(self._row_min)

    def column_width(self) -> int:
        """The least width that holds the items one above the other."""
        margins = self.box.contentsMargins()
        widest = max((item.widget().minimumSizeHint().width() if item.widget() in self._kept
                      else item.minimumSize().width() for item in self._shown()), default=0)
        return widest + margins.left() + margins.right()

    def refit(self) -> None:
        """Stack or unstack anew for a change in an item's width (a new title), not in the row's."""
        self._turn(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._turn(event.size().width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed: so did every width
            self._turn(self.width())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            # An item's width changed ("Question 1 of 18" set in a label that was empty when the title was
            # fitted beside it): the row may no longer hold it. (Turning asks for no further change.)
            self._turn(self.width())
        return super().event(event)

    def _turn(self, width: int) -> None:
        row = width >= self.row_width()
        for item in self._shown():
            if item.widget() in self._kept:
                kept = self._row_min(item) if row else 0
                if item.widget().minimumWidth() != kept:
                    item.widget().setMinimumWidth(kept)
        if row != self.in_a_row:
            self.box.setDirection(QBoxLayout.Direction.LeftToRight if row else QBoxLayout.Direction.TopToBottom)
            self.updateGeometry()  # a column is taller: the layouts above make room for it

    def minimumSizeHint(self) -> QSize:
        # As narrow as a column: a row that does not fit turns into one, so the window can be that narrow.
        return QSize(self.column_width(), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        # As wide as a row, stacked or not: a column's narrower hint would get it only a column's width.
        width = self._widths(lambda item: max(item.sizeHint().width(), self._row_min(item)))
        return QSize(width, super().sizeHint().height())


def header_title() -> ElidedLabel:
    """The bold title at the head of a quiz, study or article screen: one line, ending in "…" where even a line of
    its own is too narrow (its tooltip the whole title)."""
    title = ElidedLabel()
    scale_font(title, 1.0, bold=True)
    # It gives way to what stands beside it, not "Question 3 of 18".
    title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return title


def header_row(title: ElidedLabel, beside: tuple[QWidget, ...], *, spacing: int = 0) -> WrappingRow:
    """`title` with `beside` ("Question 3 of 18", "Score 2") at its right where the whole title fits on the
    line with them, else on a line of its own above them: at a large text size "French helico…" shows
    as "French helicopter collision in Mali", one line lower. Where even a line of their own is too narrow for
    all of `beside` (the largest text at 640x480), the first keeps its line and the others go under it."""
    row = WrappingRow()
    row.add(title, 1, whole=True)
    # The first ("Question 3 of 18") with the others on its line where they fit, else on a line under it.
    status = WrappingRow()
    others = QHBoxLayout()
    if spacing:
        status.box.setSpacing(spacing)
        others.setSpacing(spacing)
    status.add(beside[0])
    for widget in beside[1:]:
        others.addWidget(widget)
    status.add(others)
    rest = QWidget()
    line = QHBoxLayout(rest)
    line.setContentsMargins(0, 0, 0, 0)
    line.addStretch(1)  # at the right, beside the title or under it
    line.addWidget(status)
    if spacing:
        line.addSpacing(spacing)
    # Beside the title only with the status on one line: else the title goes above, whole.
    row.add(rest, whole=True)
    return row


class TurningSplitter(QSplitter):
    """A splitter with its panes side by side where it is at least `chars` characters wide, else one above
    the other: a list beside the details of its selected item, each with room for a line of words, or at
    the largest text on a small screen the list above, the details below, both the whole width."""

    turned = Signal(Qt.Orientation)  # the panes' new orientation: Vertical, one above the other

    def __init__(self, chars: int, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.chars = chars
        self._side_by_side: list[int] = []  # the panes' widths when last side by side

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._turn(event.size().width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # Ctrl+= in a window of the same size: a character is wider, and no resize may come to turn the panes.
            QTimer.singleShot(0, self, lambda: self._turn(self.width()))

    def _turn(self, width: int) -> None:
        wide = width >= self.fontMetrics().averageCharWidth() * self.chars
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.orientation() != wanted:
            if wide:
                self.setOrientation(wanted)
                if self._side_by_side:
                    self.setSizes(self._side_by_side)  # as the teacher left them
            else:
                self._side_by_side = self.sizes()
                self.setOrientation(wanted)
                self.setSizes([1 << 20] * self.count())  # one above the other, each as tall
            self.updateGeometry()
            self.turned.emit(wanted)

    def minimumSizeHint(self) -> QSize:
        panes = [self.widget(i) for i in range(self.count()) if not self.widget(i).isHidden()]
        return QSize(max((min_width(w) for w in panes), default=0), super().minimumSizeHint().height())


class FoldingSplitter(QSplitter):
    """Three panes side by side (a list, a form, tabs beside them) where the width holds their minimum widths.
    Narrower, the middle pane folds into the first tab, so the form and the article take turns beside the list;
    narrower still, the first pane folds in too, and each tab has the whole width. At the normal text size the
    three stay side by side, at 800x600 too; at the largest text on a small screen all four are tabs.
    Beside another pane, the first keeps the width of its rows of buttons in a row; alone in a tab, they may stack.
    Beside another pane, the middle pane and the tabs' pages may want more than their least widths (`set_widths`):
    a usable line of text at the text size, an article of more than three words a line. Where they do not get it,
    they fold as where they do not fit.
    """

    def __init__(self, first: QWidget, middle: QWidget, tabs: QTabWidget, titles: tuple[str, str],
                 stretch: tuple[int, int, int]) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.first, self.middle, self.tabs = first, middle, tabs
        self.titles, self.stretch = titles, stretch
        self._refit_soon = Soon(self, self.refit)
        self._middle_least = 0  # the middle pane's least width (0: its own minimum)
        self._beside = (0, 0)  # the widths the middle pane and a page of the tabs want beside another pane
        for pane in (first, middle, tabs):
            self.addWidget(pane)
        self._stretch(stretch)

    @property
    def level(self) -> int:
        """0: side by side; 1: the middle pane folded into the tabs; 2: the first too."""
        return (self.tabs.indexOf(self.middle) >= 0) + (self.tabs.indexOf(self.first) >= 0)

    def _stretch(self, factors: tuple[int, ...]) -> None:
        for i, factor in enumerate(factors):
            self.setStretchFactor(i, factor)

    def _frame(self) -> int:
        return 2 * self.tabs.style().pixelMetric(self.tabs.style().PixelMetric.PM_DefaultFrameWidth) + 4

    def _tabs_width(self) -> int:
        """The tabs' least width with only their own pages: the widest, and their frame."""
        pages = [self.tabs.widget(i) for i in range(self.tabs.count())]
        return max((min_width(p) for p in pages if p not in (self.first, self.middle)), default=0) + self._frame()

    def set_widths(self, middle: int, beside: tuple[int, int]) -> None:
        """The middle pane's least width, and the widths it and a page of the tabs want beside another pane (`beside`,
        more than their least): the panes fold where the width does not give them these. Refit after."""
        self._middle_least, self._beside = middle, beside

    def _middle_width(self) -> int:
        return self._middle_least or min_width(self.middle)

    def _first_width(self) -> int:
        """The first pane's least width with its rows in a row."""
        rows = [row.row_width() for row in self.first.findChildren(WrappingRow)
                if row.kept_in_a_row and not row.isHidden()]
        return max([self.first.minimumSizeHint().width(), *rows])

    def _wide_widths(self) -> tuple[int, int]:
        """The widths of the middle pane and of a page of the tabs beside another pane: their `beside` widths, or
        their least where that is more."""
        return (max(self._middle_width(), self._beside[0]),
                max(self._tabs_width() - self._frame(), self._beside[1]))

    def level_for(self, width: int) -> int:
        """The fewest panes folded that fit `width`, each pane beside another with its `beside` width."""
        first, (middle, page), frame = self._first_width(), self._wide_widths(), self._frame()
        handle = self.handleWidth()
        if width >= first + middle + page + frame + 2 * handle:
            return 0
        return 1 if width >= first + max(middle, page) + frame + handle else 2

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Folded on the loop's next turn, not now: a resize can come in the middle of Qt's walk over every widget
        # (a change of style, as Ctrl+0 makes when the tick boxes shrink back), and folding a pane away deletes its
        # splitter handle there and then, which that walk then used: the app crashed.
        self._refit_soon()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # Ctrl+= in a window of the same size: the panes' least widths grew, and no resize folds them. Refitted
            # once the new size has reached every pane (and the widths worked out from it are set).
            self._refit_soon()

    def refit(self) -> None:
        """Fold or unfold the panes for the width they have now, after their least widths changed."""
        self._fit(self.width())

    def _fit(self, width: int) -> None:
        self._fold(self.level_for(width))
        (middle, page), frame = self._wide_widths(), self._frame()
        # The panes beside another keep their widths there: the form and the article the lines they want.
        for pane, kept in ((self.first, self._first_width() if self.level < 2 else 0),
                           (self.middle, middle if self.level == 0 else self._middle_least),
                           (self.tabs, (page if self.level == 0 else max(middle, page)) + frame if self.level < 2
                            else 0)):
            if pane.minimumWidth() != kept:
                pane.setMinimumWidth(kept)

    def _fold(self, level: int) -> None:
        if level == self.level:
            return
        focus = self.focusWidget() or self.tabs.focusWidget()
        width = self.width()
        current = self.tabs.currentWidget()
        for pane in (self.first, self.middle):
            if self.tabs.indexOf(pane) >= 0:
                self.tabs.removeTab(self.tabs.indexOf(pane))
        kept, folded = [self.first, self.middle][:2 - level], [self.first, self.middle][2 - level:]
        for i, pane in enumerate(kept):
            self.insertWidget(i, pane)
            pane.show()  # (a page of a tab widget not shown last is hidden)
        for i, pane in enumerate(folded):
            self.tabs.insertTab(i, pane, self.titles[2 - level + i])
        # Folded, the form first: the article (and the list) are a click, or their Alt key, away.
        self.tabs.setCurrentWidget(self.middle if level else current if self.tabs.indexOf(current) >= 0
                                   else self.tabs.widget(0))
        factors = (*self.stretch[:2 - level], sum(self.stretch[2 - level:]))
        self._stretch(factors)
        self.setSizes([width * f // sum(factors) for f in factors])
        if focus is not None and (self.first.isAncestorOf(focus) or self.middle.isAncestorOf(focus)):
            reveal(focus)
            focus.setFocus()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        # As narrow as all folded: panes that do not fit side by side fold, so the window can be that narrow.
        pages = max(self.first.minimumSizeHint().width(), self._middle_width(), self._tabs_width() - self._frame())
        return QSize(pages + self._frame(), super().minimumSizeHint().height())


def _ancestors(widget: QWidget) -> list[QWidget]:
    out, parent = [], widget.parentWidget()
    while parent is not None:
        out.append(parent)
        parent = parent.parentWidget()
    return out


def reveal(widget: QWidget) -> None:
    """Make the tab that holds `widget` current, in every tab widget it is in (a form folded into a tab)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            parent.parentWidget().setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


class ScrolledPage(QScrollArea):
    """A page in a scroll area without a frame that scrolls up and down only where the page's minimum height
    does not fit (its parts at the largest text on a small screen); where it fits it looks as the page alone.
    It is never narrower than the page: the page wraps and folds to fit the width, it never scrolls sideways.

    Inside another ScrolledPage it may be made `whole` (a pane of details under a list, at the largest text on
    a small screen): then it is as tall as its page and scrolls nothing itself, so the outer page is the one
    scroll bar to read it by, not a box of a few lines inside a scrolled page.

    It scrolls to the field that has the focus, unless told to `keep_top` (a message at the top of the page
    that matters more, for now, than the field below it)."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = False
        self._whole_height = 0  # the page's height at its width, as last told to the layout
        # The field that had the focus when the page was told to keep its top in view; None when not told so.
        self._top_over: QWidget | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's fields, and scrolls to them
        self.setWidget(page)
        page.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._follow)
        self._unneeded_bar_soon = Soon(self, self._drop_unneeded_bar)  # (once the resize is over)
        self.verticalScrollBar().actionTriggered.connect(lambda _action: self.release_top())

    def keep_top(self) -> None:
        """Show the page from its top, and keep it so as it is laid out anew (a larger text), rather than scroll
        to the field that has the focus below, until the person scrolls, moves the focus or types in the field
        (then the field shows): a message at the top ("Resume the quiz you left?") is read first."""
        self.release_top()
        focus = self.widget().focusWidget()
        self._top_over = focus if focus is not None and self.widget().isAncestorOf(focus) else self.widget()
        if self._top_over is not self.widget():  # (the page's own filter stays)
            self._top_over.installEventFilter(self)
        self.verticalScrollBar().setValue(0)

    def release_top(self) -> None:
        """Follow the field that has the focus again, as before `keep_top`."""
        if self._top_over is not None and self._top_over is not self.widget() and shiboken6.isValid(self._top_over):
            self._top_over.removeEventFilter(self)
        self._top_over = None

    def set_whole(self, whole: bool) -> None:
        """As tall as the page, scrolling nothing (`whole`), or scrolling where the page does not fit."""
        self.whole = whole
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if whole
                                        else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._whole_height = self._page_height() if whole else 0
        self.updateGeometry()

    def _page_height(self) -> int:
        """The height the page needs at the width it has (its lines wrapped to that width)."""
        page = self.widget()
        if page.hasHeightForWidth():
            return page.heightForWidth(self.viewport().width())
        return page.minimumSizeHint().height()

    def _regrow(self) -> None:
        # Whole, a page that got more lines (a longer title, a wider text) makes its pane as much taller.
        if self.whole and self._page_height() != self._whole_height:
            self._whole_height = self._page_height()
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._regrow()
        self._unneeded_bar_soon()

    def _drop_unneeded_bar(self) -> None:
        """Hide the scroll bar of a page that fits without it. Qt measures the page at the width the bar leaves, where
        its lines wrap more: the quiz options made larger by Ctrl+= kept a bar, and the time limit out of sight, where
        the same dialog opened at that text size showed all of its page."""
        room = self.maximumViewportSize()
        page = self.widget()
        if (self.whole or not self.verticalScrollBar().isVisible() or not page.hasHeightForWidth()
                or max(page.heightForWidth(room.width()), page.minimumSizeHint().height()) > room.height()):
            return
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # (laid out at the whole width)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._top_over and watched is not self.widget() and event.type() == QEvent.Type.KeyPress
                and event.key() not in MODIFIER_KEYS):
            # A key in the field (an arrow key in a list; not the Ctrl of Ctrl+=): the person goes on there, and
            # sees what it does.
            self.release_top()
            self._follow_focus(QApplication.focusWidget())
        # The page laid out anew (a label above the focused field wrapped to another line, a list filled):
        # the focused field may have moved out of view since it was scrolled to; or the top is kept in view.
        if watched is self.widget() and event.type() == QEvent.Type.Resize:
            if self._top_over is not None:
                self.verticalScrollBar().setValue(0)
            self._follow_focus(QApplication.focusWidget())
        if self.whole and watched is self.widget() and event.type() in (QEvent.Type.Resize,
                                                                         QEvent.Type.LayoutRequest):
            QTimer.singleShot(0, self, self._regrow)  # (once the page's layout has its new sizes)
        return super().eventFilter(watched, event)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Scroll the field that gets the focus into view, in this page and in the scrolled areas inside it.

        Qt scrolls to a field reached by Tab only in the areas the focus was in before: from the review's
        list to the Prompt beside it, or to a field an Alt key or a problem's link goes to, nothing scrolled.
        """
        if not shiboken6.isValid(self) or new is None or not self.widget().isAncestorOf(new):
            return
        if new is not self._top_over:  # (the same field again is its window made active again)
            self.release_top()
        self._follow_focus(new)

    def _follow_focus(self, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(self) or not self.widget().isAncestorOf(new):
            return
        # Once laid out: a form shown by the same key (a tab that comes to the front) has its new sizes then.
        QTimer.singleShot(0, self, lambda: self._show(new))

    def _show(self, new: QWidget) -> None:
        if not shiboken6.isValid(new) or new is not QApplication.focusWidget() or self._top_over is not None:
            return
        areas = [w for w in _ancestors(new) if isinstance(w, QScrollArea) and w.widget() is not None
                 and w.widget().isAncestorOf(new)]
        for area in areas:  # the innermost first: its viewport is then where the outer ones scroll to
            if new.height() <= area.viewport().height():  # (all of it: Qt's own scrolling shows a field's cursor)
                centre = new.mapTo(area.widget(), new.rect().center())
                area.ensureVisible(centre.x(), centre.y(), new.width() // 2 + 1, new.height() // 2 + 1)

    def minimumSizeHint(self) -> QSize:
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent, None, self)
        height = self._whole_height if self.whole else super().minimumSizeHint().height()
        return QSize(min_width(self.widget()) + bar, height)


class _LabelsAbove(QObject):
    def __init__(self, owner: QWidget, form: QFormLayout, chars: int) -> None:
        super().__init__(owner)
        self.form, self.chars, self.wide = form, chars, form.rowWrapPolicy()
        owner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A new text size changes the width in characters too: the form is as the dialog's new size is worked out from.
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange) and isinstance(watched, QWidget):
            wide = watched.width() >= watched.fontMetrics().averageCharWidth() * self.chars
            policy = self.wide if wide else QFormLayout.RowWrapPolicy.WrapAllRows
            if self.form.rowWrapPolicy() != policy:
                self.form.setRowWrapPolicy(policy)
        return False


def labels_above_when_narrow(form: QFormLayout, owner: QWidget, chars: int) -> None:
    """Put each label of `form` above its field while `owner` (the widget it fills) is under `chars` characters
    wide, beside it (as the form was set up) otherwise: a narrow column gives its fields the whole width, and
    a field wrapped alone below a long label ("Wrong answers:") is not set off to one side."""
    _LabelsAbove(owner, form, chars)


class _RowsAtWidth(QObject):
    def __init__(self, owner: QWidget, form: QFormLayout) -> None:
        super().__init__(owner)
        self.form = form
        owner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.form.invalidate()  # (laid out anew on the loop's next turn, its rows' heights worked out again)
        return False


def rows_at_their_width(form: QFormLayout, owner: QWidget) -> None:
    """Lay `form` out anew at each new size of `owner` (the widget it fills): each row as tall as its lines at the
    width it has.

    QFormLayout keeps the heights of its rows worked out for one width, and asked for its height at its preferred width
    (as a scroll area around it asks) it puts those heights in place of the ones for the width it has: at 28 pt the
    generate dialog's wrong answers showed five of their eleven lines, cut off over the Citation under them.
    """
    _RowsAtWidth(owner, form)


class WrappingRadioButton(Refits, QRadioButton):
    """A radio button whose text breaks between words where its width does not hold it on one line.

    "Practice: see the answer and its proof after each question" is one line at the normal text size and
    three at the largest on a small screen, rather than widen its dialog past the screen. The whole text
    stays the button's: a click on any line picks it, and its Alt key is the one in the text.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._text = text
        # (a radio button's width policy is Minimum: its layout would never give it less than one line)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(_without_mnemonic(text))

    def _extra(self) -> int:
        """The width of the round indicator and the room beside it."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_RadioButton, option, QSize(0, 0), self).width()

    def _visible_width(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(_without_mnemonic(text))

    def _wrapped(self, width: int) -> str:
        room = width - self._extra()
        lines: list[str] = []
        for word in self._text.split(" "):
            if lines and self._visible_width(f"{lines[-1]} {word}") <= room:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        return "\n".join(lines)

    def _refit(self) -> None:
        wrapped = self._wrapped(self.width()) if self.testAttribute(Qt.WidgetAttribute.WA_Resized) else self._text
        if wrapped != self.text():
            self.setText(wrapped)
            self.updateGeometry()  # taller or shorter: the layout makes room for the lines

    def sizeHint(self) -> QSize:
        # As wide as the text on one line, and as tall as that line.
        width = self._visible_width(self._text) + self._extra()
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        # As tall as the lines it wraps to at the width a layout offers, not as the lines it has at its width now: laid
        # out by those, the quiz options' page and its scroll bar went back and forth, one resize inside another,
        # until the app crashed (Ctrl+= up to 21 pt and Ctrl+0 with the quiz options open).
        return True

    def heightForWidth(self, width: int) -> int:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text = self.style().itemTextRect(self.fontMetrics(), QRect(), Qt.TextFlag.TextShowMnemonic, False,
                                         self._wrapped(width)).size()
        return self.style().sizeFromContents(QStyle.ContentsType.CT_RadioButton, option, text, self).height()

    def minimumSizeHint(self) -> QSize:
        longest = max((self._visible_width(word) for word in self._text.split()), default=0)
        return QSize(longest + self._extra(), super().sizeHint().height())


def _without_mnemonic(text: str) -> str:
    """`text` as shown: "&Practice" is "Practice", "Q&&A" is "Q&A"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
