"""Fact-check variants that stay false and plausible, no two questions that answer each other, and
gapped counts ("12,000 at Cardiff and 3,000 at Bristol").
Short texts written for the tests."""

from __future__ import annotations

from pathlib import Path

from quizapp.generate import generate_bank
from quizapp.generate.numbers import wrong_values
from quizapp.generate.questions import FACT_CHECK_PROMPT
from quizapp.generate.rank import is_gap

PLANS = """Welsh plans

Cardiff council expects that 2027 will be the year the new tram line finally opens to passengers.

Anyone with a garden, which is now more than 40% of households in Wales, can join the compost scheme run by councils.

Shoppers in Cardiff spent £2.4bn on food in 2022.
"""


def _questions(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "plans.txt"
    path.write_text(text, encoding="utf-8")
    return generate_bank([path], bank_dir=tmp_path, min_confidence=0).questions  # all the finders offer


def _check_about(questions, words: str):  # type: ignore[no-untyped-def]
    found = [q for q in questions if q.prompt == FACT_CHECK_PROMPT and words in q.answer]
    assert len(found) == 1, [q.answer for q in questions]
    return found[0]


def test_a_year_the_article_looks_forward_to_gets_later_years(tmp_path):
    q = _check_about(_questions(tmp_path, PLANS), "tram line")
    years = [int(d.split("that ")[1][:4]) for d in q.distractors]
    assert len(years) >= 2 and all(y > 2027 for y in years)  # "2022 will be the year" reads as nonsense


def test_a_bound_is_never_varied(tmp_path):
    """'more than 20%' follows from 'more than 40%', and the article gives no upper end that would
    make 'more than 60%' false: a hedged bound makes no false statement either way."""
    questions = _questions(tmp_path, PLANS)
    assert not any("more than" in d and "more than 40%" not in d for q in questions
                   for d in getattr(q, "distractors", ()))


def test_no_share_of_a_whole_reaches_a_hundred_percent():
    assert all(v < 100 for v in wrong_values(50, "percent", n=8))


def test_two_stems_that_give_each_other_away_keep_only_one(tmp_path):
    qs = [q for q in _questions(tmp_path, PLANS) if "Cardiff" in q.prompt and not is_gap(q.prompt)]
    assert [q.prompt for q in qs] == ["How much did shoppers in Cardiff spend on food in 2022?"]


GAPS = """Airport checks

Health checks were made on 12,000 travellers at Cardiff Airport and 3,000 at Bristol.

Health officers screened 9,000 passengers at Swansea and 2,000 at Newport.

Health officers screened 8,000 pupils at schools in Swansea and 2,000 at Newport.
"""


def test_a_gapped_second_count_leaves_the_first_its_own_question(tmp_path):
    """'12,000 travellers at Cardiff and 3,000 at Bristol': ask the first count, without the remnant."""
    prompts = {q.prompt: q.answer for q in _questions(tmp_path, GAPS) if q.prompt != FACT_CHECK_PROMPT}
    assert prompts["On how many travellers at Cardiff Airport were health checks made?"] == 12000
    assert prompts["How many passengers did health officers screen at Swansea?"] == 9000
    # However the parse hangs the remnant, no stem keeps "and 2,000 at Newport".
    assert not [p for p in prompts if "2,000" in p or "3,000" in p]


def test_a_data_speed_that_is_a_power_of_two_gets_its_halves_and_doubles():
    for rank in range(4):
        values = wrong_values(512, "count", binary=True, rank=rank)
        assert len(values) == 3 and set(values) <= {128, 256, 1024, 2048}
    assert 230 not in wrong_values(512, "count", binary=True)
    assert set(wrong_values(75, "count", binary=True)) & {150, 37.5} == set()  # 75 is no power of two
