"""What every export says about a question: its citation, its source, its options in order."""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass
from decimal import Decimal

from quizapp.core.bank import AnyQuestion, LoadedBank
from quizapp.core.model import ChoiceQuestion, NumericQuestion, source_key
from quizapp.core.scoring import CLOSE_CREDIT, answer_number, close_range, readable_range
from quizapp.core.session import cited_sentences


def citation_text(loaded: LoadedBank, question: AnyQuestion) -> str:
    """The cited sentences as one line, quotes joined by an ellipsis."""
    return " … ".join(cited_sentences(loaded, question))


def source_label(loaded: LoadedBank, question: AnyQuestion) -> str:
    """A short reference to the article a question cites: author, title, publisher, date."""
    if question.cite is None:
        return ""
    key = source_key(loaded.bank, question.cite)
    source = loaded.bank.sources.get(key) if key else None
    if source is None:
        return ""
    article = loaded.articles.get(key) if key else None
    meta = article.meta if article is not None else None
    title = source.title or (meta.title if meta else None) or (
        article.path.name if article is not None else source.file)
    parts = [
        source.author or (meta.author if meta else None),
        title,
        source.publisher or (meta.publisher if meta else None),
        str(source.date) if source.date else (meta.date if meta else None),
        source.url or (meta.url if meta else None),
    ]
    return ", ".join(p for p in parts if p)


def shuffled_options(loaded: LoadedBank, question: ChoiceQuestion) -> list[str]:
    """The options in an order that is random-looking but the same at every export."""
    options = question.options
    if sorted(o.casefold() for o in options) == ["false", "true"]:
        return sorted(options, key=lambda o: o.casefold() != "true")  # True, then False
    seed = hashlib.sha256(f"{loaded.bank.title}\x00{question.id}".encode()).digest()
    random.Random(seed).shuffle(options)
    return options


def format_number(value: float | int) -> str:
    """A number as other programs read it, without separators, exponent or float noise: 450, 0.5,
    1500000 (a person reads `answer_text`, which writes 1,500,000 as the quiz screen does)."""
    if isinstance(value, int):
        return str(value)
    text = format(_typed(value).normalize(), "f")
    return "0" if text == "-0" else text


def _typed(value: float | int) -> Decimal:
    """A number as it was typed: 15 significant digits are exact for any number typed in a bank, and drop
    the noise of sums such as 0.3 * 10 / 100 = 0.030000000000000006."""
    return Decimal(f"{float(value):.15g}")


def _half_width(low: float, high: float) -> float:
    """Half the width of a range, worked out from its ends as typed: 0.1 for 12.2 to 12.4, where the floats'
    own difference is 0.0999999999999996 (the noise of the ends is large beside a small width)."""
    return float((_typed(high) - _typed(low)) / 2)


def tolerance_text(question: NumericQuestion) -> str:
    """The tolerance as the bank writes it (`10%`, `50`), or '' when the answer is exact."""
    if question.tolerance is None:
        return ""
    if isinstance(question.tolerance, str):
        return question.tolerance
    return format_number(question.tolerance)


def answer_text(question: AnyQuestion) -> str:
    """The right answer as a person reads it, its numbers as the quiz screen shows them: `Bamako`,
    `13 soldiers`, `4,500 troops (accepted from 4,050 to 4,950)`, a year as `2014`."""
    if isinstance(question, ChoiceQuestion):
        return question.answer
    text = answer_number(question, question.answer)
    if question.unit:
        text += f" {question.unit}"
    low, high = readable_range(question)
    if (low, high) != (question.answer, question.answer):
        text += f" (accepted from {answer_number(question, low)} to {answer_number(question, high)})"
    return text


@dataclass(frozen=True)
class GradedNumber:
    """One answer of a numeric question as Moodle grades it: `value` plus or minus `tolerance` earns
    `percent` of the mark, with `feedback` for the student."""

    value: float
    tolerance: float
    percent: int
    feedback: str = ""

    @property
    def low(self) -> float:
        return self.value - self.tolerance

    @property
    def high(self) -> float:
        return self.value + self.tolerance


def graded_numbers(question: NumericQuestion) -> list[GradedNumber]:
    """A numeric question's answers for Moodle (GIFT and XML), which grades by the first that matches:
    the accepted range for full marks (the exact answer first where the range is not centred on it, as
    -41 to -38.5 around -40), then the close range for half a mark, as the app scores a close number
    (42 for an exact 41: within 41 plus or minus 1)."""
    low, high = question.accepted_range
    if math.isclose(high - question.answer, question.answer - low, rel_tol=1e-9, abs_tol=1e-12):
        right = [GradedNumber(question.answer, _half_width(low, high), 100)]
    else:
        middle = float((_typed(low) + _typed(high)) / 2)
        right = [GradedNumber(question.answer, 0.0, 100), GradedNumber(middle, _half_width(low, high), 100)]
    close_low, close_high = close_range(question)
    close = GradedNumber(right[-1].value, _half_width(close_low, close_high), round(CLOSE_CREDIT * 100),
                         f"Close, for half a mark: the answer is {answer_text(question)}.")
    return [*right, close]
