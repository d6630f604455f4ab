"""Typed numbers and the scoring rule."""

from __future__ import annotations

import pytest

from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.core.scoring import (
    AnswerFormatError,
    Verdict,
    format_number,
    mark_choice,
    mark_numeric,
    parse_number,
    readable_range,
    right_answer_text,
)


@pytest.mark.parametrize(("text", "value"), [
    ("4500", 4500), ("4,500", 4500), ("4 500", 4500), ("4\u00a0500", 4500), ("4\u202f500", 4500),
    ("1,234,567", 1234567), ("2.5", 2.5), (".5", 0.5), ("-3", -3), ("\u22123", -3), ("- 3", -3),
    ("+7", 7), ("12%", 12), ("12 %", 12), ("12.5%", 12.5), ("  13  ", 13), ("4,500.75", 4500.75),
    ("0", 0), ("007", 7),
])
def test_accepted_numbers(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", [
    "", "   ", "abc", "four", "4500abc", "12%%", "%", "-", "1.2.3", "4,50", "45,00", "4 50",
    "4,500 000", "1e3", "nan", "inf", "0x10", "4.500,5", "13 soldiers", "<b>1</b>",
])
def test_refused_numbers_carry_a_hint(text: str) -> None:
    with pytest.raises(AnswerFormatError) as info:
        parse_number(text)
    assert str(info.value)  # a message the app shows under the field


def test_decimal_comma_gets_a_specific_hint() -> None:
    with pytest.raises(AnswerFormatError, match=r"point: 2\.5"):
        parse_number("2,5")


def numeric(answer: float, **kw: object) -> NumericQuestion:
    return NumericQuestion(id="q", type="numeric", prompt="How many?", answer=answer, **kw)


def test_exact_answer_right_close_and_wrong() -> None:
    q = numeric(13)
    assert mark_numeric(q, 13).verdict is Verdict.RIGHT
    assert mark_numeric(q, 13).points == 1
    assert mark_numeric(q, 12).verdict is Verdict.CLOSE
    assert mark_numeric(q, 14).points == 0.5
    assert mark_numeric(q, 15).verdict is Verdict.WRONG
    assert mark_numeric(q, 11).points == 0


def test_year_close_means_one_year_off() -> None:
    q = numeric(2014)
    assert mark_numeric(q, 2013).verdict is Verdict.CLOSE
    assert mark_numeric(q, 2012).verdict is Verdict.WRONG


def test_decimal_answer_close_is_one_in_the_last_digit() -> None:
    q = numeric(2.5)
    assert mark_numeric(q, 2.6).verdict is Verdict.CLOSE
    assert mark_numeric(q, 2.7).verdict is Verdict.WRONG


def test_relative_tolerance_and_twice_it_for_half_credit() -> None:
    q = numeric(4500, tolerance="10%")  # 4050..4950 right, 3600..5400 close
    assert mark_numeric(q, 4050).verdict is Verdict.RIGHT
    assert mark_numeric(q, 4950).verdict is Verdict.RIGHT
    assert mark_numeric(q, 4000).verdict is Verdict.CLOSE
    assert mark_numeric(q, 5400).verdict is Verdict.CLOSE
    assert mark_numeric(q, 5401).verdict is Verdict.WRONG
    assert mark_numeric(q, 3599).verdict is Verdict.WRONG


def test_absolute_tolerance_and_min_max() -> None:
    q = numeric(100, tolerance=5)
    assert mark_numeric(q, 95).verdict is Verdict.RIGHT
    assert mark_numeric(q, 90).verdict is Verdict.CLOSE
    assert mark_numeric(q, 89).verdict is Verdict.WRONG
    r = numeric(53, min=53, max=60)  # "at least 53": 53..60, half-width 3.5
    assert mark_numeric(r, 58).verdict is Verdict.RIGHT
    assert mark_numeric(r, 50).verdict is Verdict.CLOSE
    assert mark_numeric(r, 49).verdict is Verdict.WRONG


def test_negative_answers() -> None:
    q = numeric(-3)
    assert mark_numeric(q, parse_number("\u22123")).verdict is Verdict.RIGHT
    assert mark_numeric(q, 3).verdict is Verdict.WRONG


def test_choice_scores_one_or_zero() -> None:
    q = ChoiceQuestion(id="c", type="choice", prompt="Who?", answer="Macron", distractors=["Keïta"])
    assert mark_choice(q, "Macron").points == 1
    assert mark_choice(q, "Keïta").points == 0


def test_right_answer_text_shows_unit_and_range() -> None:
    assert right_answer_text(numeric(4500, tolerance="10%", unit="troops")) == \
        "4,500 troops (4,050 to 4,950 accepted)"
    assert right_answer_text(numeric(12, unit="%")) == "12%"
    assert format_number(2.5) == "2.5"
    assert format_number(-1000) == "-1,000"


@pytest.mark.parametrize(("answer", "tolerance", "shown"), [
    (574, "10%", "574 (517 to 631 accepted)"),  # not 516.6 to 631.4: a count is typed whole
    (25772, "1.9%", "25,772 (25,283 to 26,261 accepted)"),
    (28.3, "1.8%", "28.3 (27.8 to 28.8 accepted)"),  # not 27.7906 to 28.8094
    (1.55, "3.2%", "1.55 (1.501 to 1.599 accepted)"),
    (2.5, "0.01%", "2.5 (2.49975 to 2.50025 accepted)"),  # too narrow to round: as it is
])
def test_right_answer_text_rounds_a_tolerance_range_inward(answer: float, tolerance: str, shown: str) -> None:
    question = numeric(answer, tolerance=tolerance)
    assert right_answer_text(question) == shown
    low, high = readable_range(question)
    for value in (low, high):  # every number shown scores full marks
        assert mark_numeric(question, value).verdict is Verdict.RIGHT


def test_readable_range_shows_a_bank_min_and_max_as_written() -> None:
    question = NumericQuestion(id="n", type="numeric", prompt="How cold?", answer=-40, min=-41, max=-38.5)
    assert readable_range(question) == (-41, -38.5)
