"""Questions that show each other's answers, found before an export puts them on one page."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from quizapp.cli import main
from quizapp.core.bank import load_bank
from quizapp.core.giveaways import Giveaway, describe, giveaways
from tests.conftest import ROOT

ARTICLE = ("Carmakers report\n\nSales rose 2.8% to 14.96bn euros. About 4,500 people work at the plant in Lyon, "
           "the company said. Its chief, Anna Weber, called it a record year.\n")
SALES = "Sales rose 2.8% to 14.96bn euros."


def numeric(qid: str, prompt: str, answer: float, quote: str = SALES, **more: object) -> dict:
    return {"id": qid, "type": "numeric", "prompt": prompt, "answer": answer, "cite": {"quote": quote}, **more}


def choice(qid: str, prompt: str, answer: str, distractors: list[str], quote: str) -> dict:
    return {"id": qid, "type": "choice", "prompt": prompt, "answer": answer, "distractors": distractors,
            "cite": {"quote": quote}}


def bank(tmp_path: Path, *questions: dict) -> Path:
    (tmp_path / "cars.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "cars.yaml"
    path.write_text(yaml.safe_dump({"title": "Cars", "sources": {"cars": {"file": "cars.txt"}},
                                    "questions": list(questions)}, allow_unicode=True), encoding="utf-8")
    return path


def test_two_gaps_of_one_sentence_each_show_the_others_answer(tmp_path: Path) -> None:
    loaded = load_bank(bank(tmp_path,
                            numeric("rise", "Sales rose ___% to 14.96bn euros. What number fills the gap?", 2.8),
                            numeric("sales", "Sales rose 2.8% to ___bn euros. What number fills the gap?", 14.96)))
    found = giveaways(loaded)
    assert found == [Giveaway(0, 1, "14.96bn", True), Giveaway(1, 0, "2.8", True)]
    assert describe(loaded, found) == [
        "Question 1 “Sales rose ___% to 14.96bn euros. What number…” shows 14.96bn, the answer of question 2 "
        "“Sales rose 2.8% to ___bn euros. What number…” (both cite the same sentence)",
        "Question 2 “Sales rose 2.8% to ___bn euros. What number…” shows 2.8, the answer of question 1 "
        "“Sales rose ___% to 14.96bn euros. What number…” (both cite the same sentence)",
    ]


def test_numbers_are_compared_as_numbers(tmp_path: Path) -> None:
    staff = "About 4,500 people work at the plant in Lyon, the company said."
    loaded = load_bank(bank(tmp_path,
                            numeric("staff", "About how many people work at the plant?", 4500, staff),
                            # 4,500 in an option of a statement question; 14.96bn is 14960000000
                            choice("true", "Which of these statements does the article support?",
                                   "About 4,500 people work at the plant.",
                                   ["About 45 people work at the plant.", "Sales rose 3% to 14.96bn euros."], staff),
                            numeric("euros", "How many euros did sales reach?", 14_960_000_000),
                            # 45.00 is not 4500, 4.5 is not 4500, 2014 is not 2,014 apart
                            numeric("other", "In 2014, 45.00 and 4.5 were given: how many?", 7)))
    assert [(g.question, g.answer_of, g.shown) for g in giveaways(loaded)] == [(1, 0, "4,500"), (1, 2, "14.96bn")]


def test_a_name_shows_as_whole_words_and_an_option_that_is_the_answer_does_not_count(tmp_path: Path) -> None:
    chief = "Its chief, Anna Weber, called it a record year."
    staff = "About 4,500 people work at the plant in Lyon, the company said."
    loaded = load_bank(bank(tmp_path,
                            choice("who", "Who called it a record year?", "Anna Weber", ["Lisa Kern", "Tom Berg"],
                                   chief),
                            # the same speakers the other way round: a candidate, not the answer shown
                            choice("who2", "Who is the company's chief?", "Lisa Kern", ["Anna Weber", "Tom Berg"],
                                   chief),
                            choice("city", "Where is the plant?", "Lyon", ["Paris", "Lille"], staff),
                            numeric("staff", "How many people work at the plant in Lyon?", 4500, staff),
                            numeric("lyons", "How many plants do Lyons and anna  weber's firm run?", 1, chief)))
    assert [(g.question, g.answer_of, g.shown) for g in giveaways(loaded)] == [
        (3, 2, "Lyon"),
        (4, 0, "anna  weber"),  # in any case and spacing; "Lyons" is another word
    ]


def test_a_bank_whose_questions_stand_apart_has_none(bundled_bank) -> None:
    generated = load_bank(ROOT / "questions" / "mali-helicopter-collision.generated.yaml")
    assert giveaways(generated) == []
    # The hand-written bank's quote of "13 heroes" tells how many soldiers were killed.
    assert describe(bundled_bank, giveaways(bundled_bank)) == [
        "Question 3 “Who said \"These 13 heroes had only one…” shows 13, the answer of question 1 “How many "
        "French soldiers were killed when two…”"]


def test_the_command_line_export_warns_and_writes(tmp_path: Path, capsys) -> None:
    path = bank(tmp_path, numeric("rise", "Sales rose ___% to 14.96bn euros. What number fills the gap?", 2.8),
                numeric("sales", "Sales rose 2.8% to ___bn euros. What number fills the gap?", 14.96))
    out = tmp_path / "cars.gift"
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert out.exists()
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{path}: warning: question 1 “Sales rose ___% to 14.96bn euros. What number…” shows 14.96bn, "
                   "the answer of question 2 “Sales rose 2.8% to ___bn euros. What number…” (both cite the same "
                   "sentence)",
                   f"{path}: warning: question 2 “Sales rose 2.8% to ___bn euros. What number…” shows 2.8, the "
                   "answer of question 1 “Sales rose ___% to 14.96bn euros. What number…” (both cite the same "
                   "sentence)"]


def test_a_surname_in_another_prompt_shows_who_a_question_asks_for(tmp_path: Path) -> None:
    """"Weber said" names Anna Weber as the article does the second time: a student asked "Who called it a
    record year?" picks her out of the options."""
    chief = "Its chief, Anna Weber, called it a record year."
    staff = "About 4,500 people work at the plant in Lyon, the company said."
    loaded = load_bank(bank(tmp_path,
                            choice("who", "Who called it a record year?", "Anna Weber", ["Lisa Kern", "Tom Berg"],
                                   chief),
                            numeric("staff", "How many people work at Weber's plant in Lyon?", 4500, staff),
                            # a surname among the options is one candidate; "Webern" and "weber" are no surname
                            choice("say", "What did Webern and a weber call the year?", "a great one",
                                   ["a bad one", "Weber"], chief),
                            # not a person asked with "Who": "a Tiger and a Cougar" has no surname
                            choice("kind", "Which two saw a Cougar?", "a Tiger and a Cougar",
                                   ["a Puma and a Gazelle"], chief),
                            numeric("cats", "How many Tigers saw a Cougar?", 2, chief)))
    found = giveaways(loaded)
    assert [(g.question, g.answer_of, g.shown) for g in found] == [(1, 0, "Weber")]
    assert describe(loaded, found) == [
        "Question 2 “How many people work at Weber's plant in…” shows Weber (of Anna Weber), the answer of "
        "question 1 “Who called it a record year?”"]


def test_the_search_reports_its_progress_and_stops_when_told(tmp_path: Path) -> None:
    path = bank(tmp_path, *(numeric(f"q{i}", f"Sales rose ___% ({i})?", 2.8) for i in range(600)))
    loaded = load_bank(path)
    seen: list[tuple[int, int]] = []
    giveaways(loaded, progress=lambda done, total, _text: seen.append((done, total)))
    assert seen[0] == (0, 600) and seen[-1] == (600, 600) and len(seen) > 2

    class Stop(Exception):
        pass

    def stop(done: int, _total: int, _text: str) -> None:
        if done > 0:
            raise Stop

    with pytest.raises(Stop):
        giveaways(loaded, progress=stop)
