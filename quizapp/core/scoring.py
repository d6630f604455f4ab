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


@dataclass(frozen=True)
class TypedAnswer:
    """A number typed for a question: its value, and the number as typed, without a unit after it."""

    value: float
    number: str

    @property
    def thousands_meant(self) -> float | None:
        """What a point followed by three digits means where the point groups thousands ("4.500" is
        4500 in much of Europe), or None when the number is not written so. 0.125 and 4.5 are decimals."""
        if not _POINT_THOUSANDS.match(self.number):
            return None
        return float("".join(self.number.split()).replace(".", "").replace("\u2212", "-"))

    def point_warning(self) -> str | None:
        """What to say before such a number is scored, or None for a number that reads one way only:
        "4.500 reads as 4.5 (four and a half). For four thousand five hundred, type 4500."."""
        meant = self.thousands_meant
        if meant is None:
            return None
        return (f"{self.number} reads as {format_number(self.value)} ({number_words(self.value)}). "
                f"For {number_words(meant)}, type {format_number(meant, grouped=False)}.")


_POINT_THOUSANDS = re.compile(r"^[-+\u2212]?\s*[1-9]\d{0,2}\.\d{3}$")
# A number, then words: "13 soldiers", "4,500 French troops", "12 percent".
_WITH_WORDS = re.compile(r"^(?P<number>.*?[\d%])\s*(?P<words>[^\W\d_][^\d]*?)[.\s]*$")
_PERCENT_WORDS = frozenset({"%", "percent", "per cent", "pc", "pct"})
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot"}


def parse_answer(text: str, unit: str | None) -> TypedAnswer:
    """Parse a number typed for a question with `unit`: as `parse_number` does, and followed by that
    unit in any case, singular or plural ("13 soldiers", "1 Soldier", "12 percent" for %).

    Raise AnswerFormatError for other words after the number: the message says to leave them out.
    """
    raw = text.strip()
    m = _WITH_WORDS.match(raw)
    if m is None:
        return TypedAnswer(parse_number(raw), raw)
    number, words = m.group("number").strip(), m.group("words")
    if not _same_unit(words, unit):
        try:
            parse_number(number)
        except AnswerFormatError:
            raise AnswerFormatError(NUMBER_HINT) from None
        raise AnswerFormatError(f"Leave the unit out: type {number} alone, without “{words.strip()}”")
    return TypedAnswer(parse_number(number), number)


def _same_unit(typed: str, unit: str | None) -> bool:
    """Whether words typed after a number name the question's unit ("soldier" for "soldiers")."""
    if not unit:
        return False
    typed, unit = (" ".join(w.casefold().split()) for w in (typed, unit))
    if unit == "%":
        return typed in _PERCENT_WORDS
    return typed in _word_forms(unit) or unit in _word_forms(typed)


def _word_forms(phrase: str) -> set[str]:
    """A unit and the singular or plural of its last word: "French soldiers", "French soldier"."""
    head, _, word = phrase.rpartition(" ")
    forms = {word, word + "s", word + "es"}
    forms.update(k for k, v in _IRREGULAR.items() if word == v)
    if word in _IRREGULAR:
        forms.add(_IRREGULAR[word])
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    elif word.endswith("y"):
        forms.add(word[:-1] + "ies")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return {f"{head} {f}" if head else f for f in forms}


_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(value: float) -> str:
    """A number in words, to tell 4.5 ("four and a half") from 4500 ("four thousand five hundred"):
    whole numbers below a trillion, decimals read digit by digit ("one point two")."""
    sign = "minus " if value < 0 else ""
    value = abs(value)
    whole = int(value)
    text = format_number(value, grouped=False)
    if "." not in text:
        return sign + _whole_words(whole)
    decimals = text.split(".")[1]
    if decimals == "5":
        return sign + (f"{_whole_words(whole)} and a half" if whole else "a half")
    return sign + f"{_whole_words(whole)} point " + " ".join(_ONES[int(d)] for d in decimals)


def _whole_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return _ONES[n // 100] + " hundred" + (" " + _whole_words(n % 100) if n % 100 else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            return _whole_words(n // size) + f" {name}" + (" " + _whole_words(n % size) if n % size else "")
    raise AssertionError(n)  # pragma: no cover - every n >= 1000 has a size above


def format_number(value: float, *, grouped: bool = True) -> str:
    """A number as the app shows it: 4,500 or 2.5, no trailing .0; 4500 when not `grouped` (a year,
    or a cell a spreadsheet must read as a number)."""
    sep = "," if grouped else ""
    if float(value).is_integer():
        return f"{int(value):{sep}}"
    return f"{value:{sep}.10f}".rstrip("0").rstrip(".")


# "In what year did ...?", "Which year ...", "... What year fills the gap?": the answer is a year.
_ASKS_YEAR = re.compile(r"\b(?:what|which) year\b", re.IGNORECASE)
_YEAR_UNITS = frozenset({"ad", "bc", "bce", "ce"})


def is_year(question: NumericQuestion) -> bool:
    """Whether a numeric question's answer is a calendar year, by its prompt ("In what year ...?") or
    its unit ("BC"): a whole number of at most four digits. "How many years ...?" asks a count."""
    answer = question.answer
    if not float(answer).is_integer() or abs(answer) > 9999:
        return False
    unit = (question.unit or "").strip().rstrip(".").replace(".", "").casefold()
    return unit in _YEAR_UNITS or bool(_ASKS_YEAR.search(question.prompt))


def answer_number(question: NumericQuestion, value: float, *, grouped: bool = True) -> str:
    """A number given for `question`, or its answer, as a person reads it: a count grouped in
    thousands (4,500 troops), a year never (2014, not 2,014)."""
    return format_number(value, grouped=grouped and not is_year(question))


def plain_number(question: NumericQuestion, given: str) -> str:
    """A number given for `question` as a spreadsheet reads it: "4500" for "4,500" or "4,500 troops" (a
    spreadsheet reads "4,500" as text, or as 4.5 where the comma is the decimal mark); text that is not
    such a number as it is."""
    try:
        return answer_number(question, parse_answer(given, question.unit).value, grouped=False)
    except AnswerFormatError:  # not from this quizapp: keep what was stored
        return given


def close_margin(question: NumericQuestion) -> float:
    """How far outside the accepted range an answer may be and still score half a point."""
    low, high = question.accepted_range
    half_width = (high - low) / 2
    if half_width > 0:
        return half_width
    return _last_digit_unit(question.answer)


def close_range(question: NumericQuestion) -> tuple[float, float]:
    """The closed range of answers that score at least half a point: the accepted range widened by
    `close_margin` on each side (3600 to 5400 for 4500 within 450; 12 to 14 for an exact 13)."""
    low, high = question.accepted_range
    margin = close_margin(question)
    return low - margin, high + margin


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
    close_low, close_high = close_range(question)
    if close_low - eps <= value <= close_high + eps:
        return Mark(Verdict.CLOSE, CLOSE_CREDIT)
    return Mark(Verdict.WRONG, 0.0)


def mark_choice(question: ChoiceQuestion, choice: str) -> Mark:
    """Mark a chosen option: right only when it is the question's answer."""
    if choice == question.answer:
        return Mark(Verdict.RIGHT, 1.0)
    return Mark(Verdict.WRONG, 0.0)


def right_answer_text(question: ChoiceQuestion | NumericQuestion, *, grouped: bool = True) -> str:
    """The right answer as a person reads it: "4,500 troops (4,050 to 4,950 accepted)", "2014"; without
    thousands separators when not `grouped` (for a spreadsheet)."""
    if isinstance(question, ChoiceQuestion):
        return question.answer
    text = answer_number(question, question.answer, grouped=grouped)
    if question.unit:
        text += "%" if question.unit == "%" else f" {question.unit}"
    low, high = readable_range(question)
    if low != high:
        text += (f" ({answer_number(question, low, grouped=grouped)} to "
                 f"{answer_number(question, high, grouped=grouped)} accepted)")
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
