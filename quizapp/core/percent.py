"""Scores as percentages, rounded as a gradebook rounds them (nothing heavy imported: the library uses it at
start-up)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a score is shown, not before the first paint
    from decimal import Decimal


def _rounded(value: float) -> Decimal:
    from decimal import ROUND_HALF_UP, Decimal

    # From the float's shortest decimal form: 12.25 is stored a hair below 12.25, and round() also
    # rounds a half to even (round(12.25, 1) == 12.2).
    return Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def round_percent(value: float) -> float:
    """A percentage to one decimal, a half always up: 12.25 -> 12.3."""
    return float(_rounded(value))


def format_percent(value: float) -> str:
    """A percentage as shown: one decimal where it has one, "12.5%", "33.3%", "50%"."""
    return f"{_rounded(value).normalize():f}%"
