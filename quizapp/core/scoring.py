"""Answer parsing, checking and scoring.

Scoring rule (also shown in the app's help):

- A choice question scores 1 for the right choice and 0 otherwise.
- A numeric question scores 1 when the answer lies in its accepted range
  (the answer plus or minus its tolerance, or its min..max).
- A numeric answer outside that range but close to it scores 0.5 ("close"):
  close means no further from the range than the range's half-width, so
  within twice the tolerance. When the answer must be exact (no tolerance),
  close means off by one in the last digit of the right answer: 12 or 14
  for 13, 2013 or 2015 for 2014, 2.4 or 2.6 for 2.5.
- Anything else, and a skipped question, scores 0.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from quizapp.core.model import ChoiceQuestion, NumericQuestion

SCORING_RULE = (
    "A choice question scores 1 point for the right choice, 0 otherwise. "
    "A number scores 1 point inside the accepted range (the answer plus or minus its "
    "tolerance). Outside it, a close number scores half a point: within twice the "
    "tolerance, or, when the answer must be exact, off by one in its last digit "
    "(12 or 14 for 13). A skipped question scores 0."
)

CLOSE_CREDIT = 0.5


class Verdict(StrEnum):
    RIGHT = "right"
    CLOSE = "close"
    WRONG = "wrong"
    SKIPPED = "skipped"


class AnswerFormatError(ValueError):
    """The text typed is not a number; the message says what to type instead."""


@dataclass(frozen=True)
class Mark:
    """The outcome of checking one answer: verdict and points out of 1."""

    verdict: Verdict
    points: float


# Digits grouped by single spaces (also no-break and thin spaces) or commas, in threes.
_SPACES = "\u00a0\u202f\u2009 "
_NUMBER = re.compile(
    r"""^(?P<sign>[-+])?
        (?P<int>\d{1,3}(?:(?P<sep>[,\u00a0\u202f\u2009 ])\d{3})(?:(?P=sep)\d{3})*|\d+)?
        (?:\.(?P<frac>\d+))?
        (?P<pct>%)?$""",
    re.VERBOSE,
)
NUMBER_HINT = 'Type a number such as 4500, 4,500, 4 500, 2.5, -3 or 12%'


def parse_number(text: str) -> float:
    """Parse a typed number: "4500", "4,500", "4 500", "2.5", "-3", "12%" (gives 12).

    Raise AnswerFormatError with a hint for anything else.
    """
    raw = text.strip().replace("\u2212", "-").replace("\u2013", "-")
    raw = re.sub(r"^([-+])\s+", r"\1", raw)
    raw = re.sub(r"\s+%$", "%", raw)
    if not raw:
        raise AnswerFormatError("Type a number first")
    m = _NUMBER.match(raw)
    if m is None or (m.group("int") is None and m.group("frac") is None):
        if re.fullmatch(r"[-+]?\d+,\d{1,2}%?", raw):
            raise AnswerFormatError(f"Write decimals with a point: {raw.replace(',', '.')}")
        if re.fullmatch(r"[-+]?[\d,. ]+%?", raw):
            raise AnswerFormatError("Group thousands in threes (4,500 or 4 500) and use a point for decimals")
        raise AnswerFormatError(NUMBER_HINT)
    digits = m.group("int") or "0"
    for ch in "," + _SPACES:
        digits = digits.replace(ch, "")
    value = float(f"{m.group('sign') or ''}{digits}.{m.group('frac') or '0'}")
    if not math.isfinite(value):  # pragma: no cover - the pattern admits only digits
        raise AnswerFormatError(NUMBER_HINT)
    return value


def format_number(value: float) -> str:
    """A number as the app shows it: 4,500 or 2.5, no trailing .0."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10f}".rstrip("0").rstrip(".")


def close_margin(question: NumericQuestion) -> float:
    """How far outside the accepted range an answer may be and still score half a point."""
    low, high = question.accepted_range
    half_width = (high - low) / 2
    if half_width > 0:
        return half_width
    return _last_digit_unit(question.answer)


def _last_digit_unit(value: float | int) -> float:
    if isinstance(value, int) or float(value).is_integer():
        return 1.0
    decimals = _decimals(value)
    return 10.0 ** -decimals if decimals else 1.0


def _decimals(value: float | int) -> int:
    """Decimal places a number is written with: 2 for 1.55, 0 for 4500 (and for 1e-07's exponent form)."""
    text = repr(float(value))
    return len(text.split(".")[1].rstrip("0")) if "e" not in text else 0


def mark_numeric(question: NumericQuestion, value: float) -> Mark:
    """Mark a number against a numeric question, by the module's scoring rule."""
    low, high = question.accepted_range
    eps = 1e-9 * max(1.0, abs(low), abs(high))
    if low - eps <= value <= high + eps:
        return Mark(Verdict.RIGHT, 1.0)
    distance = low - value if value < low else value - high
    if distance <= close_margin(question) + eps:
        return Mark(Verdict.CLOSE, CLOSE_CREDIT)
    return Mark(Verdict.WRONG, 0.0)


def mark_choice(question: ChoiceQuestion, choice: str) -> Mark:
    """Mark a chosen option: right only when it is the question's answer."""
    if choice == question.answer:
        return Mark(Verdict.RIGHT, 1.0)
    return Mark(Verdict.WRONG, 0.0)


def right_answer_text(question: ChoiceQuestion | NumericQuestion) -> str:
    """The right answer as a person reads it: "4,500 troops (4,050 to 4,950 accepted)"."""
    if isinstance(question, ChoiceQuestion):
        return question.answer
    text = format_number(question.answer)
    if question.unit:
        text += "%" if question.unit == "%" else f" {question.unit}"
    low, high = readable_range(question)
    if low != high:
        text += f" ({format_number(low)} to {format_number(high)} accepted)"
    return text


def readable_range(question: NumericQuestion) -> tuple[float, float]:
    """The accepted range as a person reads it: a range a tolerance makes, rounded inward to whole
    numbers for a whole answer (574 within 10%: 517 to 631, not 516.6 to 631.4) and to one decimal
    place more than the answer has otherwise (28.3 within 1.8%: 27.8 to 28.8), so every number shown
    scores full marks. A min and max the bank gives are shown as written."""
    low, high = question.accepted_range
    if question.min is not None or question.max is not None or low == high:
        return low, high
    places = 0 if float(question.answer).is_integer() else _decimals(question.answer) + 1
    scale = 10.0 ** places
    slack = 1e-9 * max(1.0, abs(question.answer) * scale)  # float noise: 4500 - 450.00000000000006
    shown_low = math.ceil(low * scale - slack) / scale
    shown_high = math.floor(high * scale + slack) / scale
    if not shown_low < shown_high:
        return low, high  # a range too narrow to round ("2.5 within 0.01%")
    return shown_low, shown_high
