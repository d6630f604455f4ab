"""Light, dark or the system's palette, text size, and the colours for right and wrong."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QProxyStyle,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionButton,
    QWidget,
)

MIN_POINT_SIZE = 7
MAX_POINT_SIZE = 28


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


_system_palette: QPalette | None = None
_system_style: str | None = None


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Use the system's palette, or Fusion with a light or dark palette; either way, focused buttons ringed."""
    global _system_palette, _system_style
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
        _system_style = _style_name(app.style())
    if theme is Theme.SYSTEM:
        if _system_style:
            app.setStyle(_style(app, _system_style, outlined=False))
        hints = app.styleHints()
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        app.setPalette(_system_palette)
        return
    app.setStyle(_style(app, "Fusion", outlined=True))
    app.setPalette(dark_palette() if theme is Theme.DARK else light_palette())


def mark_focus(app: QApplication) -> None:
    """Wrap the app's style (the system's, at start) so that a focused push button shows a ring."""
    if not isinstance(app.style(), FocusRings):
        app.setStyle(_style(app, _style_name(app.style()), outlined=False))


def _style(app: QApplication, name: str, *, outlined: bool) -> FocusRings:
    """The app's style for the style called `name`: its indicators outlined (Fusion's light and dark themes) or
    not, and grown to the text where the text size needs it."""
    style = OutlinedIndicators(name) if outlined else FocusRings(name)
    if not _indicators_grow(app, style):
        return style
    return GrownOutlinedIndicators(name) if outlined else GrownFocusRings(name)


def _indicators_grow(app: QApplication, style: QProxyStyle) -> bool:
    """Whether most of a line of the app's text is taller than the tick box of the style `style` wraps."""
    own = style.baseStyle().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight)
    return round(GROWN_INDICATOR * QFontMetrics(app.font()).height()) > own


def restyle_for_text(app: QApplication) -> None:
    """After a change of text size: the app's style with its indicators grown to the text, or not, as it now
    needs (see GrownIndicators)."""
    style = app.style()
    if isinstance(style, FocusRings) and _indicators_grow(app, style) != isinstance(style, GrownIndicators):
        # A new style lays out each dialog's row of buttons anew, hiding them for a moment: the focused OK of a list of
        # problems lost the focus to the list. Each window keeps its focus.
        focused = [w.focusWidget() for w in app.topLevelWidgets() if w.focusWidget() is not None]
        app.setStyle(_style(app, _style_name(style), outlined=isinstance(style, OutlinedIndicators)))
        for widget in focused:
            if widget.isVisible() and widget.window().focusWidget() is not widget:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)


def _style_name(style: QStyle) -> str:
    # A proxy style has no name of its own: the name of the style it wraps.
    return style.baseStyle().name() if isinstance(style, QProxyStyle) else style.name()


def light_palette() -> QPalette:
    """Fusion's own light palette."""
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for long reading."""
    p = QPalette()
    window, base, text = QColor(0x2b, 0x2d, 0x30), QColor(0x1e, 0x1f, 0x22), QColor(0xe6, 0xe6, 0xe6)
    disabled = QColor(0x80, 0x80, 0x80)
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor(0x33, 0x35, 0x39))
    p.setColor(QPalette.ColorRole.ToolTipBase, window)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(0x9a, 0x9a, 0x9a))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor(0x3c, 0x3f, 0x41))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor(0xff, 0x6b, 0x6b))
    p.setColor(QPalette.ColorRole.Link, QColor(0x6c, 0xb6, 0xff))
    p.setColor(QPalette.ColorRole.Highlight, QColor(0x3d, 0x7e, 0xd6))
    p.setColor(QPalette.ColorRole.HighlightedText, Qt.GlobalColor.white)
    p.setColor(QPalette.ColorRole.Light, QColor(0x50, 0x53, 0x57))
    p.setColor(QPalette.ColorRole.Midlight, QColor(0x45, 0x48, 0x4b))
    p.setColor(QPalette.ColorRole.Mid, QColor(0x30, 0x32, 0x35))
    p.setColor(QPalette.ColorRole.Dark, QColor(0x1a, 0x1b, 0x1d))
    p.setColor(QPalette.ColorRole.Shadow, QColor(0x10, 0x10, 0x10))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


class FocusRings(QProxyStyle):
    """A style that draws a ring in the highlight colour, with a light tint, inside the push button that has
    the focus, and inside the current title of a menu bar that has the keyboard (`_ringed`). Fusion outlines a
    focused button in the same thin blue line as the default button of a dialog, so "Start practice" looked
    the same focused or not, and Next, focused after an answer, bore no mark at all (Fusion marks focus only
    after a Tab). The ring shows however the focus came there."""

    RING = 2

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        # A check box's or a radio button's focus: Fusion's is a faint frame round its text, after a Tab only.
        if element is QStyle.PrimitiveElement.PE_FrameFocusRect and isinstance(widget, (QCheckBox, QRadioButton)):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), self.RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
            painter.restore()
            return
        super().drawPrimitive(element, option, painter, widget)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,
                    widget: QWidget | None = None) -> None:
        if element is QStyle.ControlElement.CE_PushButtonBevel and _is_default(option) \
                and not option.state & QStyle.StateFlag.State_HasFocus:
            self._draw_default(option, painter, widget)
            return
        super().drawControl(element, option, painter, widget)
        if _ringed(element, option, widget):
            self._draw_ring(option, painter)

    def _draw_ring(self, option: QStyleOption, painter: QPainter) -> None:
        highlight = option.palette.color(QPalette.ColorRole.Highlight)
        tint = QColor(highlight)
        tint.setAlpha(40)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(highlight, self.RING))
        painter.setBrush(tint)
        half = self.RING / 2
        painter.drawRoundedRect(option.rect.toRectF().adjusted(half, half, -half, -half), 3, 3)
        painter.restore()

    def _draw_default(self, option: QStyleOptionButton, painter: QPainter, widget: QWidget | None) -> None:
        # The button Enter presses, not focused: a frame in the text's grey, not Fusion's thin line in the
        # highlight colour, which beside the focused bank list read as a second focus ("Start quiz…").
        plain = QStyleOptionButton(option)
        plain.features &= ~QStyleOptionButton.ButtonFeature.DefaultButton
        super().drawControl(QStyle.ControlElement.CE_PushButtonBevel, plain, painter, widget)
        frame = QColor(option.palette.color(QPalette.ColorRole.ButtonText))
        frame.setAlpha(150)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(frame, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        painter.restore()


def _ringed(element: QStyle.ControlElement, option: QStyleOption, widget: QWidget | None) -> bool:
    """Whether FocusRings rings what `element` draws: a focused push button, or the current title of a menu bar
    that has the keyboard with no menu open (after Escape closed one), where Return opens that title's menu
    and the arrows move along the titles. Fusion highlights a title only while its menu is open, so the
    window looked idle while the list the person was in no longer took their keys."""
    state = option.state
    if not state & QStyle.StateFlag.State_Enabled:
        return False
    if element is QStyle.ControlElement.CE_PushButtonBevel:
        return bool(state & QStyle.StateFlag.State_HasFocus)
    if element is QStyle.ControlElement.CE_MenuBarItem:
        # A title under the mouse is current too, with the focus left where it was.
        return bool(state & QStyle.StateFlag.State_Selected) and not state & QStyle.StateFlag.State_Sunken \
            and widget is not None and widget.hasFocus()
    return False


def _is_default(option: QStyleOption) -> bool:
    default = QStyleOptionButton.ButtonFeature.DefaultButton
    return isinstance(option, QStyleOptionButton) and bool(option.features & default)


def _line_height(option: QStyleOption | None, widget: QWidget | None) -> int:
    # The height of a line of the text beside the indicator: the widget's font, else the option's, else the app's.
    if widget is not None:
        return QFontMetrics(widget.font()).height()
    if option is not None:
        return option.fontMetrics.height()
    return QFontMetrics(QApplication.font()).height()


GROWN_INDICATOR = 0.8  # a grown tick box's height, in lines of its text


class GrownIndicators:
    """Tick boxes and radio buttons as tall as most of a line of their text: Fusion's are 13-14 px whatever the
    text size, a speck beside a 28 pt label. The gap to the label grows with them.

    Mixed into the app's style only where the text is large enough to need it (`grown_style`): a Python
    pixelMetric is asked for every metric of every widget, and cost start-up about a twentieth of its time."""

    _INDICATOR_SIZES = (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
                        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight)
    _LABEL_GAPS = (QStyle.PixelMetric.PM_CheckBoxLabelSpacing, QStyle.PixelMetric.PM_RadioButtonLabelSpacing)

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        size = super().pixelMetric(metric, option, widget)
        if metric in self._INDICATOR_SIZES:
            return max(size, round(GROWN_INDICATOR * _line_height(option, widget)))
        if metric in self._LABEL_GAPS:
            return max(size, round(0.3 * _line_height(option, widget)))
        return size



class GrownFocusRings(GrownIndicators, FocusRings):
    """FocusRings, with indicators grown to the text (GrownIndicators)."""


class OutlinedIndicators(FocusRings):
    """Fusion with check boxes and radio buttons outlined in a mid grey. Fusion outlines them a
    shade darker than the window: on a dark palette an unticked box is nearly invisible beside its
    label, and invisible in a list (the tags of the quiz options); on a light one, faint."""

    _INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                   QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
                   QStyle.PrimitiveElement.PE_IndicatorRadioButton)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self._INDICATORS:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(INDICATOR_OUTLINE, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element is QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            painter.drawRoundedRect(option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5), 1.5, 1.5)
        painter.restore()


class GrownOutlinedIndicators(GrownIndicators, OutlinedIndicators):
    """OutlinedIndicators, with indicators grown to the text (GrownIndicators)."""


INDICATOR_OUTLINE = QColor(0x8a, 0x8d, 0x91)  # 3:1 and more against the light and the dark window and base


def is_dark(palette: QPalette) -> bool:
    """Whether a palette draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def verdict_color(verdict: str, palette: QPalette) -> QColor:
    """Green, amber or red, readable on the palette's window colour."""
    dark = is_dark(palette)
    colors = {
        "right": ("#1b7f3b", "#5fd38a"),
        "close": ("#8a5a00", "#f0b54a"),
        "wrong": ("#b3261e", "#ff8a80"),
        "skipped": ("#5f6368", "#b0b4b8"),
    }
    light, dark_color = colors.get(verdict, colors["skipped"])
    return QColor(dark_color if dark else light)


def highlight_color(palette: QPalette) -> QColor:
    """The background of a highlighted citation in the article view."""
    return QColor("#6b5a12") if is_dark(palette) else QColor("#fff1a8")


def set_point_size(app: QApplication, size: float) -> float:
    """Set the application's text size, within sensible bounds; return the size used."""
    size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
    font = QFont(app.font())
    font.setPointSizeF(size)
    app.setFont(font)
    restyle_for_text(app)
    return size
