"""Numbers as a person types and reads them: years without a thousands comma, a unit typed after the
number, a point that may group thousands ("4.500"), and numbers a spreadsheet reads as numbers."""

from __future__ import annotations

import csv
import io

import pytest

from quizapp.core.model import NumericQuestion
from quizapp.core.scoring import AnswerFormatError, answer_number, is_year, parse_answer, right_answer_text
from quizapp.core.session import QuizOptions, results_csv, start_quiz
from quizapp.formats.content import answer_text


def numeric(prompt: str, answer: float, **kw: object) -> NumericQuestion:
    return NumericQuestion(id="q", type="numeric", prompt=prompt, answer=answer, **kw)


@pytest.mark.parametrize(("prompt", "unit"), [
    ("In what year did extremists seize the ancient city of Timbuktu?", None),
    ("Which year saw the first flight?", None),
    ("The bridge closed in March ___. What year fills the gap, according to the article?", None),
    ("When was the temple built?", "BC"),
])
def test_a_year_is_written_without_a_thousands_comma(prompt: str, unit: str | None) -> None:
    q = numeric(prompt, 2012, unit=unit)
    assert is_year(q)
    assert answer_number(q, 2013) == "2013"
    assert right_answer_text(q).startswith("2012")
    assert answer_text(q).startswith("2012")  # the PDF answer key and the Anki card


@pytest.mark.parametrize(("prompt", "answer", "shown"), [
    ("About how many French troops are stationed across West Africa?", 4500, "4,500 troops (4,050 to 4,950 accepted)"),
    ("How many years did the empire last?", 1500, "1,500 troops (1,350 to 1,650 accepted)"),
    ("About ___ troops are stationed there. What number fills the gap, according to the article?", 4500,
     "4,500 troops (4,050 to 4,950 accepted)"),
])
def test_a_count_keeps_its_thousands_comma(prompt: str, answer: int, shown: str) -> None:
    q = numeric(prompt, answer, tolerance="10%", unit="troops")
    assert not is_year(q)
    assert right_answer_text(q) == shown


def test_results_csv_writes_plain_numbers_and_years(bundled_bank) -> None:
    by_id = {q.id: q for q in bundled_bank.bank.questions}
    session = start_quiz(bundled_bank, QuizOptions(shuffle_questions=False),
                         questions=[by_id["timbuktu-year"], by_id["french-troops"], by_id["displaced-malians"]])
    for typed in ("2013", "4,500", "140 000"):
        session.submit_answer(typed)
    assert [a.given for a in session.answers] == ["2013", "4,500", "140,000"]  # as the screen shows them
    rows = list(csv.reader(io.StringIO(results_csv(session))))
    assert [(r[3], r[4]) for r in rows[1:4]] == [
        ("2013", "2012"),
        ("4500", "4500 troops (4050 to 4950 accepted)"),
        ("140000", "140000 people (133000 to 147000 accepted)"),
    ]
    assert float(rows[2][3]) == 4500  # a spreadsheet reads the cell as the number


@pytest.mark.parametrize(("typed", "unit", "value"), [
    ("13 soldiers", "soldiers", 13), ("13 Soldiers", "soldiers", 13), ("1 soldier", "soldiers", 1),
    ("4,500 troops", "troops", 4500), ("3 people", "people", 3), ("1 person", "people", 1),
    ("12 percent", "%", 12), ("12 %", "%", 12), ("2 countries", "country", 2), ("800 civilians.", "civilians", 800),
    ("13 French soldiers", "French soldiers", 13),
])
def test_a_number_may_be_followed_by_the_questions_own_unit(typed: str, unit: str, value: float) -> None:
    assert parse_answer(typed, unit).value == value


@pytest.mark.parametrize(("typed", "unit"), [("13 men", "soldiers"), ("13 soldiers", None), ("12 percent", "people")])
def test_another_word_after_the_number_is_refused_with_a_hint_to_leave_it_out(typed: str, unit: str | None) -> None:
    with pytest.raises(AnswerFormatError, match=r"Leave the unit out: type \d+ alone"):
        parse_answer(typed, unit)


def test_words_alone_are_still_not_a_number() -> None:
    with pytest.raises(AnswerFormatError, match="Type a number"):
        parse_answer("soldiers", "soldiers")


@pytest.mark.parametrize(("typed", "warning"), [
    ("4.500", "4.500 reads as 4.5 (four and a half). For four thousand five hundred, type 4500."),
    ("1.200", "1.200 reads as 1.2 (one point two). For one thousand two hundred, type 1200."),
    ("140.000 people", "140.000 reads as 140 (one hundred forty). For one hundred forty thousand, type 140000."),
])
def test_a_point_before_three_digits_gets_a_warning(typed: str, warning: str) -> None:
    assert parse_answer(typed, "people").point_warning() == warning


@pytest.mark.parametrize("typed", ["4.5", "0.125", "4500", "4,500", "1234.567", "12.500%", "2.25"])
def test_a_number_that_reads_one_way_gets_no_warning(typed: str) -> None:
    assert parse_answer(typed, None).point_warning() is None
