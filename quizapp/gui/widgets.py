"""Small widgets shared by the screens; every text widget shows plain text, never HTML."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QListWidget,
    QMenu,
    QMessageBox,
    QSizeGrip,
    QSizePolicy,
    QSpacerItem,
    QStatusBar,
    QStyle,
    QStyleOption,
    QStyleOptionViewItem,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from quizapp.gui.theme import verdict_color

# A zero-width space: a place where a line may break inside a word, showing nothing.
BREAK = "\u200b"
# A wrapped label is never made narrower than its longest word, up to this many characters: an option's
# ordinary words stay whole, and a long web address or code breaks where the line ends.
MIN_WORD_CHARS = 12


def breakable(text: str, width: int, metrics: QFontMetrics) -> str:
    """`text` with a break allowed between the characters of each word wider than `width` pixels.

    A label wraps only between words: a 100-character web address in an option would widen the
    page past the window. Words that fit keep to one line, as before.
    """
    def split(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) * metrics.maxWidth() <= width or metrics.horizontalAdvance(word) <= width:
            return word
        # Never between a letter and its accent, nor inside a joined emoji.
        return "".join(BREAK + c if i and _starts_grapheme(c, word[i - 1]) else c for i, c in enumerate(word))

    return re.sub(rf"[^\s{BREAK}]+", split, text)


def _starts_grapheme(char: str, before: str) -> bool:
    return not (unicodedata.category(char).startswith("M") or char == "\u200d" or before == "\u200d"
                or "\ufe00" <= char <= "\ufe0f")


class Refits:
    """Mixed in before a widget class: `_refit()` runs again whenever the widget's size or font changes (what
    it shows depends on its width and its font: a label's elided text, a radio button's lines)."""

    def _refit(self) -> None:
        raise NotImplementedError

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # type: ignore[misc]
        self._refit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # type: ignore[misc]
        if event.type() == QEvent.Type.FontChange:
            self._refit()


class FittedLabel(Refits, QLabel):
    """A plain-text label that shows its text changed to fit its width (`shown`), worked out again
    whenever the width or the font changes. `text()` is the text as set."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def shown(self, text: str, width: int) -> str:
        """What to show of `text` in `width` pixels."""
        raise NotImplementedError

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self._refit()

    def clear(self) -> None:
        self.setText("")

    def _extra_width(self) -> int:
        # The frame, contents margins, margin and indent around the text.
        return self.width() - self.contentsRect().width() + 2 * max(0, self.margin()) + max(0, self.indent())

    def _refit(self) -> None:
        # Until a layout first sizes it, its width means nothing: the text whole until then.
        laid_out = self.testAttribute(Qt.WidgetAttribute.WA_Resized)
        shown = self.shown(self._text, max(1, self.width() - self._extra_width()) if laid_out else 1 << 20)
        if shown != super().text():
            super().setText(shown)


class WrapLabel(FittedLabel):
    """A plain-text label that wraps between words, and inside a word too long for its width.

    It shows its text with zero-width breaks in the words that do not fit (a web address).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def shown(self, text: str, width: int) -> str:
        return breakable(text, width, self.fontMetrics())

    # Copying what is selected gives the text as written: a file path pasted into a terminal must not carry
    # the invisible breaks that wrap it on screen. QLabel's own copy and menu would copy them too.
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) and self.hasSelectedText():
            self._copy()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse:
            super().contextMenuEvent(event)
            return
        menu = QMenu(self)
        copy = menu.addAction("&Copy", self._copy)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(self.hasSelectedText())
        menu.addAction("Select &All", lambda: self.setSelection(0, len(QLabel.text(self))))
        menu.exec(event.globalPos())

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.selectedText().replace(BREAK, ""))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(w[:MIN_WORD_CHARS]) for w in self._text.split()), default=0)
        return QSize(min(hint.width(), longest + self._extra_width()), hint.height())


class ElidedLabel(FittedLabel):
    """A one-line plain-text label that ends in "…" where it is too narrow; its tooltip is the whole text.

    It may shrink to "…" in a tight row: a long bank title gives way to "Question 3 of 18" beside
    it, cut at a letter's end, not through one.
    """

    def setText(self, text: str) -> None:
        self.setToolTip(plain_tip(text))
        super().setText(text)

    def shown(self, text: str, width: int) -> str:
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self._text) + self._extra_width()
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance("…") + self._extra_width()
        return QSize(width, super().minimumSizeHint().height())


class MessageBar(QStatusBar):
    """A status bar that ends a message too long for it in "…", the whole message in its tooltip (and in its
    accessible description): QStatusBar cut it off at its edge, "…so that it can be moved or shared with what it
    ci", and at 800x600 with a large text a saved bank's message showed only the start of its path.

    `say` shows a short message with a longer one for the tooltip (a file's whole path, why a thing was done).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._said = ("", "")  # the last short message given to `say`, and its whole text
        self.messageChanged.connect(self._message_changed)

    def say(self, text: str, timeout_ms: int = 0, *, whole: str = "") -> None:
        """Show `text` for `timeout_ms` (0: until another message), with `whole` (else `text`) in its tooltip."""
        self._said = (text, whole or text)
        self.showMessage(text, timeout_ms)
        self._message_changed(text)  # (the same text again emits no change, but its whole may be another)

    def whole_message(self) -> str:
        """The whole text of the message shown: what its tooltip says."""
        said, whole = self._said
        message = self.currentMessage()
        return whole if message == said else message

    def _message_changed(self, _message: str) -> None:
        self.setToolTip(self.whole_message())
        self.setAccessibleDescription(self.whole_message())

    def message_rect(self) -> QRect:
        """Where the message is written: where QStatusBar writes it, left of the size grip."""
        rect = self.rect().adjusted(6, 0, -6, 0)
        grip = self.findChild(QSizeGrip)
        if grip is not None and grip.isVisible():  # (at the right, as wide as its hint once laid out)
            rect.setRight(min(rect.right(), self.width() - grip.sizeHint().width() - 1))
        return rect

    def shown_message(self) -> str:
        """The message as it is drawn: ending in "…" where it is wider than the bar."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # As QStatusBar paints a message (this bar holds no widgets to frame), the text elided.
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextSingleLine, self.shown_message())


class RowsList(QListWidget):
    """A list with room for at least `rows` rows at any text size; more scroll. Its current row stays in view.

    At the largest text on a small screen a list that takes what the fields around it leave showed a row and
    a half: its layout gives way elsewhere (or scrolls the page) first.
    Empty, it shows its placeholder (`set_placeholder`), as an empty text field does: a big blank box looked
    broken.
    """

    def __init__(self, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.placeholder = ""

    def set_placeholder(self, text: str) -> None:
        """Say `text` in grey in the list while it has no row ("" says nothing)."""
        if text != self.placeholder:
            self.placeholder = text
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() or not self.placeholder:
            return
        # As Qt draws a text box's placeholder: in the palette's PlaceholderText, in the list's font (the text size
        # chosen), from the top left, wrapped to the viewport; there a row's text would be. (In the middle, it was
        # cut off where the list was taller than the page showed, at the largest text on a small screen.)
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1  # (a row's)
        painter.drawText(self.viewport().rect().adjusted(margin, margin, -margin, -margin),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         self.placeholder)

    def row_height(self) -> int:
        """The height `rows` rows are counted in: the first row's."""
        return self.sizeHintForRow(0) if self.count() else 0

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        # A row's height at the font it has now (an empty list: a line of text and the item's margins).
        row = max(self.row_height(), self.fontMetrics().height() + 2)
        height = self.rows * (row + 2 * self.spacing()) + 2 * self.frameWidth()
        return QSize(hint.width(), height)  # (a scroll area's own minimum is its scroll bar's: taller than a row)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        # Laid out anew: its rows wrapped to other heights (a larger text, another width, the list turned above
        # the details). Qt scrolls to the current row only when it is picked: the sixth of six, picked at the
        # normal size, was out of sight at the largest, while the details beside the list showed it.
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())


class WrappedRowsList(RowsList):
    """A list of rows that wrap to its width, with room for `rows` whole rows however many lines they take at
    its width and text size (the list of banks, the questions of a quiz's results)."""

    def __init__(self, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, parent)
        # The tallest row, worked out once for a width and a text size (layouts ask for it often), until the rows
        # change.
        self._tallest: tuple[tuple[int, float], int] | None = None
        model = self.model()
        for changed in (model.rowsInserted, model.rowsRemoved, model.dataChanged, model.modelReset):
            changed.connect(self._forget)

    def _forget(self) -> None:
        self._tallest = None
        self.updateGeometry()  # a row changed: the list's least height may have (a question's prompt edited longer)

    def row_height(self) -> int:
        """The tallest row at the list's width (Qt's own row hint is the row's height unwrapped)."""
        if not self.count():
            return 0  # (an empty list, as the library's is while it starts: no view item to lay out)
        key = (self.viewport().width(), self.font().pointSizeF())
        if self._tallest is None or self._tallest[0] != key:
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            option.rect = QRect(0, 0, max(1, self.viewport().width() - 2 * self.spacing()), 1)
            delegate = self.itemDelegate()
            rows = (delegate.sizeHint(option, self.model().index(row, 0)).height() for row in range(self.count()))
            self._tallest = (key, max(rows, default=0))
        return self._tallest[1]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # (its rows wrap to another number of lines)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as written: Qt shows one that looks like HTML ("<i>Town</i> news") as HTML."""
    return QtGui.Qt.convertFromPlainText(text) if QtGui.Qt.mightBeRichText(text) else text


def plain_label(text: str = "", *, wrap: bool = False, parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows `<b>` as those characters: article and question text is never HTML.

    Wrapped, it breaks a word too long for a line (a web address) rather than widen its window.
    """
    if wrap:
        return WrapLabel(text, parent)
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


class BulletList(QWidget):
    """Plain-text items one under another, each after a bullet in a column of its own: a long item's wrapped lines go
    on under its first words, not under the bullet, so that it reads as one item (as the bank editor's Wrong
    answers hang theirs); with no items, `none` in their place, without a bullet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[QLabel] = []  # the text shown: each item's (not its bullet), in order, or `none`
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)

    def set_items(self, items: list[str], *, none: str = "") -> None:
        """Show `items`, or `none` when there are none."""
        while self._grid.count():
            old = self._grid.takeAt(0).widget()
            old.hide()  # (at once: it is deleted on the loop's next turn)
            old.deleteLater()
        self.labels = []
        if not items and none:
            self.labels.append(plain_label(none, wrap=True))
            self._grid.addWidget(self.labels[-1], 0, 0, 1, 2)
        for row, item in enumerate(items):
            bullet = plain_label("•")
            bullet.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.labels.append(plain_label(item, wrap=True))
            self._grid.addWidget(bullet, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(self.labels[-1], row, 1)


class ErrorLabel(QLabel):
    """A plain-text message in the theme's red: dark red on a light window, light red on a dark one
    (a fixed dark red is hard to read on a dark window). It follows a change of theme."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self._color = ""
        self._recolor()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                            QEvent.Type.StyleChange):
            # Later, not now: a change of theme sets the style first (these events come then, with the
            # old palette still the application's) and the palette after.
            QTimer.singleShot(0, self, self._recolor)

    def _recolor(self) -> None:
        color = verdict_color("wrong", QApplication.palette()).name()
        if color != self._color:  # (the style sheet set here changes the palette again)
            self._color = color
            self.setStyleSheet(f"color: {color};")


class Soon:
    """`call` on the event loop's next turn, once however often it is asked for before then (calling the
    Soon asks): work that a burst of events each wants done (a resize, a font change, a plot laid out again)
    is done once, after them, and not in the middle of what sent them."""

    def __init__(self, owner: QObject, call: Callable[[], object]) -> None:
        self.owner, self.call = owner, call
        self.pending = False

    def __call__(self, *_signal_args: object) -> None:  # (connected to a signal, its arguments are not needed)
        if not self.pending:
            self.pending = True
            QTimer.singleShot(0, self.owner, self._run)

    def _run(self) -> None:
        self.pending = False
        self.call()


class LandingBox(QGroupBox):
    """A box whose title's Alt key always goes to one widget in it (`landing`): a plain QGroupBox's goes to
    whichever of its fields had the focus last ("Re&view" went to the Answer, where the Space meant to
    tick the question typed over it)."""

    def __init__(self, title: str, landing: QWidget | None = None) -> None:
        super().__init__(title)
        self.landing = landing

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and self.landing is not None and self.landing.isEnabled():
            self.landing.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().event(event)


class _PageTabBar(QTabBar):
    """The tabs of a PageTabs: a tab's Alt key goes on into its page; the scroll arrows are no Tab stops."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Tab stopped on an arrow that showed no focus; the arrow keys on the tabs (and their Alt keys) scroll the
        # bar to the tab they pick, so nothing is out of reach without them.
        for arrow in self.findChildren(QToolButton):
            arrow.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        tabs = self.parentWidget()
        if event.type() == QEvent.Type.Shortcut and handled and isinstance(tabs, PageTabs):
            tabs.focus_page()
        return handled


class PageTabs(QTabWidget):
    """A tab widget whose tab's Alt key also puts the keyboard focus in the tab's page, as a field's label does for
    its field: a plain QTabWidget showed the page and left the focus where it was (Alt+T showed the article, and the
    arrow keys still moved in the list of questions beside it).

    The focus goes to the page's focus proxy, else where it was last in the page, else to the page's first Tab stop.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabBar(_PageTabBar(self))

    def focus_page(self) -> None:
        """Put the focus in the current page, unless it is there already."""
        page = self.currentWidget()
        focus = QApplication.focusWidget()
        if page is None or (focus is not None and (focus is page or page.isAncestorOf(focus))):
            return
        last = page.focusWidget()
        target = page.focusProxy() or (last if last is not None and _tab_stop(last) else _first_tab_stop(page))
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _tab_stop(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible() and widget.isEnabled()


def _first_tab_stop(page: QWidget) -> QWidget | None:
    """`page` itself or the first widget inside it that Tab stops at, in the window's Tab order."""
    if _tab_stop(page):
        return page
    widget = page.nextInFocusChain()
    while widget is not page:
        if page.isAncestorOf(widget) and _tab_stop(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None


class FocusOutline(QWidget):
    """A frame in the palette's highlight colour drawn over `target`'s edge while it has the keyboard focus.

    Fusion and most system styles mark a focused button, but not a focused list or scrolled pane: Tab to
    the results' list kept its look (its selected row is as blue without the focus). Lay it over any
    such widget: `FocusOutline(results_list)`. It takes no clicks and no focus."""

    WIDTH = 2

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget():
            kind = event.type()
            if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                self.setGeometry(watched.rect())
                self.setVisible(kind == QEvent.Type.FocusIn)
                self.raise_()  # over the viewport, which fills all but the frame
            elif kind == QEvent.Type.Resize:
                self.setGeometry(watched.rect())
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), self.WIDTH))
        half = self.WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))


def quoted(text: str) -> str:
    """`text` in one pair of double quotation marks, the double quotes inside it made single.

    A cited sentence may quote someone itself: “‘We will go,’ she said.”, not ““We will go,” she said.”
    with two opening marks. A text that is one quotation already stays as it is.
    """
    # A straight " after a digit is an inch mark (a 5" screen), not a quote.
    marks = [i for i, c in enumerate(text) if c in "“”" or (c == '"' and not text[i - 1:i].isdigit())]
    if len(text) > 1 and marks == [0, len(text) - 1]:
        return text
    inner = list(text)
    for i in marks:
        # A straight " opens where a word starts (at the start, after a space or a bracket), else it closes.
        opens = text[i] == "“" or (text[i] == '"' and (i == 0 or text[i - 1] in " ([{—–…"))
        inner[i] = "‘" if opens else "’"
    return "“" + "".join(inner) + "”"


def ask(parent: QWidget, title: str, text: str, buttons: dict[QMessageBox.StandardButton, str],
        default: QMessageBox.StandardButton) -> QMessageBox.StandardButton:
    """Ask a question with buttons named by `buttons` (each with its Alt key); return the one pressed.

    The platform names a standard button without a mnemonic ("Discard", "Close without Saving"):
    named here, every button of the box has its key.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    for button, name in buttons.items():
        box.addButton(button).setText(name)
    box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


# What a title bar holds beside the title: the window's icon and up to three buttons, with margins
# (openbox and KDE show all three on a message box, Windows and GNOME a close button).
TITLE_BAR_EXTRA = 160


def make_room_for_title(box: QMessageBox) -> None:
    """Widen `box` to show its whole title, as the title bar writes it ("Exported — quizapp", often bold).

    A message box is only as wide as its text: "Wrote: /tmp/q.csv" left "Exp… pp" of the title.
    """
    title = box.windowTitle()
    name = QApplication.applicationDisplayName()
    if name and name not in title:  # the platform adds the app's name
        title = f"{title} — {name}"
    font = QFont(box.font())
    font.setBold(True)
    width = QFontMetrics(font).horizontalAdvance(title) + TITLE_BAR_EXTRA
    # A message box sets its own fixed size from its layout's minimum, so the room goes in the layout.
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        layout.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed),
                       layout.rowCount(), 0, 1, layout.columnCount())


def scale_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Give `widget` the app's font scaled by `factor`; `rescale_fonts` redoes it on text size change."""
    widget.setProperty("quizappFontScale", float(factor))
    widget.setProperty("quizappFontBold", bool(bold))
    _apply(widget)


def _apply(widget: QWidget) -> None:
    font = QFont(QApplication.font())
    font.setPointSizeF(max(1.0, font.pointSizeF() * float(widget.property("quizappFontScale"))))
    font.setBold(bool(widget.property("quizappFontBold")))
    widget.setFont(font)


def rescale_fonts(root: QWidget) -> None:
    """Re-apply the scaled fonts below `root` after the app's text size changed."""
    for w in [root, *root.findChildren(QWidget)]:
        if w.property("quizappFontScale") is not None:
            _apply(w)


# Marks the main window's actions that every window of the app takes (Help, text size, Quit): a
# bank editor in front has them too, and they do there what they do in the main window.
EVERY_WINDOW = "quizappEveryWindow"


def every_window_actions() -> list[QAction]:
    """The actions of the app's windows marked EVERY_WINDOW, to add to another window."""
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    return [a for w in QApplication.topLevelWidgets() for a in w.findChildren(QAction, options=direct)
            if a.property(EVERY_WINDOW)]


# Marks the main window's text size actions (Ctrl+= / Ctrl+- / Ctrl+0), which a dialog takes as it becomes active.
TEXT_SIZE = "quizappTextSize"


def text_size_keys_in_dialogs(app: QApplication) -> None:
    """From now on each dialog of `app` takes the text size keys as it becomes the active window (done once).

    The main window's keys work only while it is the active window: over a modal dialog (the quiz options, a list of
    problems) Ctrl+= did nothing, and one who could not read the dialog had to close it to make its text larger.
    """
    if not app.property(TEXT_SIZE):
        app.setProperty(TEXT_SIZE, True)
        app.focusWindowChanged.connect(_take_text_size_keys)


def _take_text_size_keys(_window: object) -> None:
    dialog = QApplication.activeWindow()
    if isinstance(dialog, QDialog):
        dialog.addActions([a for a in _text_size_actions(dialog) if a not in dialog.actions()])


def _text_size_actions(dialog: QDialog) -> list[QAction]:
    """The text size actions of the window `dialog` was opened over (or of the window under that), else of any."""
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    windows, over = [], dialog.parentWidget()
    while over is not None:  # (a list of problems over the generate dialog over the main window)
        windows.append(over.window())
        over = over.window().parentWidget()
    for window in [*windows, *QApplication.topLevelWidgets()]:
        actions = [a for a in [*window.actions(), *window.findChildren(QAction, options=direct)]
                   if a.property(TEXT_SIZE)]
        if actions:
            return list(dict.fromkeys(actions))
    return []


def fitted_size(window: QWidget, width: int, height: int) -> QSize:
    """`width` x `height`, shrunk to fit the parent's window and its screen, never below the layout's minimum.

    A dialog of 1000x720 opened from a main window of 800x600 opens at 800x600: over it, not past it.
    """
    parent = window.parentWidget()
    top = parent.window() if parent is not None else None
    frame = top.frameGeometry().size() - top.size() if top is not None else QSize(0, 0)  # title bar, borders
    room = (top or window).screen().availableGeometry().size() - frame
    if top is not None:
        room = room.boundedTo(top.size())
    return QSize(width, height).boundedTo(room).expandedTo(window.minimumSizeHint())


# Room for a window's title bar and borders while the window manager has not framed it yet.
FRAME_ROOM = QMargins(8, 38, 8, 8)


def fitted_geometry(geometry: QRect, available: QRect, frame: QMargins = FRAME_ROOM) -> QRect:
    """`geometry` (a window's inside) shrunk, then moved, so that with its `frame` it lies within `available`.

    A window of 1100x720 at (100, 60) on a 1280x800 screen with a 27-pixel panel comes up to stay above it.
    """
    room = available.marginsRemoved(frame)
    size = geometry.size().boundedTo(room.size())
    x = max(room.left(), min(geometry.x(), room.right() + 1 - size.width()))
    y = max(room.top(), min(geometry.y(), room.bottom() + 1 - size.height()))
    return QRect(QPoint(x, y), size)


def place_over(window: QWidget, over: QWidget | None) -> None:
    """Put the top-level `window` over the middle of `over`'s window (without one, of its screen's free area), all of
    it, title bar included, on that screen's free area.

    Placed by the window manager, the bank editor opened from the generate dialog came up 175 pixels down a
    900-pixel screen, its bottom edge past the screen's.
    """
    top = over.window() if over is not None else None
    available = (top or window).screen().availableGeometry()
    geometry = QRect(QPoint(0, 0), window.size())
    geometry.moveCenter(top.geometry().center() if top is not None else available.center())
    window.setGeometry(fitted_geometry(geometry, available))


class FitsText:
    """Mixed in before a dialog class: after a change of text size (Ctrl+= in the dialog or in another window) the
    dialog takes the size `wanted_size()` gives at the new size, over the window it opened over, as it would open.

    Left at the size it opened at, at the largest text the quiz options showed four lines of a page that scrolled
    over a window with room for all of it, and at the normal size again the list of problems kept its room for 28 pt.
    """

    def fit_lines(self) -> None:
        """Set the sizes in the dialog that are counted in lines of text (a list's least height) for the text size."""

    def wanted_size(self) -> QSize:
        """The dialog's size at the current text size, fitted to the window it opens over and its screen."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # type: ignore[misc]
        if event.type() == QEvent.Type.FontChange:  # (sent to a dialog once its widgets have the new font)
            self.fit_lines()
            # Resized once the layouts have taken the new sizes in and the style has followed the text size, not in
            # the middle of the change; once for a few keys pressed quickly.
            if getattr(self, "_fit_soon", None) is None:
                self._fit_soon = Soon(self, self._fit_text)  # type: ignore[arg-type]
            self._fit_soon()

    def _fit_text(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self.resize(self.wanted_size())  # type: ignore[attr-defined]
            place_over(self, self.parentWidget())  # type: ignore[arg-type, attr-defined]
            # Laid out anew from the sizes its widgets ask for now: a form keeps the heights of its rows for a width
            # until told, and at the normal size again the quiz options' Practice kept the two lines it had at 28 pt.
            for layout in self.findChildren(QLayout):  # type: ignore[attr-defined]
                layout.invalidate()


def fit_on_screen(window: QWidget) -> None:
    """Shrink and move the top-level `window` so that all of it, title bar included, is on its screen's free area.

    A size remembered from a larger screen (or a default of 1000x720 on an 800x600 one) would put its
    buttons out of reach.
    """
    inside, outside = window.geometry(), window.frameGeometry()
    frame = QMargins(inside.left() - outside.left(), inside.top() - outside.top(),
                     outside.right() - inside.right(), outside.bottom() - inside.bottom())
    if frame.isNull():  # not framed yet
        frame = FRAME_ROOM
    fitted = fitted_geometry(inside, window.screen().availableGeometry(), frame)
    if window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        window.setGeometry(fitted)
    else:  # where it goes is the window manager's choice; only its size is ours
        window.resize(fitted.size())
