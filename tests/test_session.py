"""Quiz sessions without a display: a whole quiz from a plain Python shell."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.core.bank import load_bank
from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.core.scoring import AnswerFormatError, Verdict
from quizapp.core.session import (
    Mode,
    QuizOptions,
    cited_passage,
    export_results,
    matching_questions,
    results_csv,
    start_quiz,
)

ROOT = Path(__file__).resolve().parent.parent


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def right_answer(item) -> str:
    q = item.question
    return q.answer if isinstance(q, ChoiceQuestion) else str(q.answer)


def test_a_whole_quiz_all_right(bundled_bank) -> None:
    clock = FakeClock()
    session = start_quiz(bundled_bank, QuizOptions(seed=1), clock=clock)
    assert len(session.items) == 18
    while not session.finished:
        clock.now += 2
        answer = session.submit_answer(right_answer(session.current))
        assert answer.verdict is Verdict.RIGHT
        assert answer.seconds == 2
    assert session.score == 18 and session.max_score == 18
    assert session.percentage == 100
    assert session.streak == 18 == session.best_streak
    assert session.elapsed == 36
    assert session.mistakes == []


def test_mixed_answers_score_and_streak(bundled_bank) -> None:
    ids = ["soldiers-killed", "heroes-quote", "barkhane-start", "french-troops", "mali-president"]
    qs = [bundled_bank.bank.question(i) for i in ids]
    session = start_quiz(bundled_bank, QuizOptions(shuffle_questions=False, shuffle_choices=False),
                         questions=qs)
    with pytest.raises(AnswerFormatError):
        session.submit_answer("thirteen")
    assert session.index == 0  # a refused answer records nothing
    assert session.submit_answer("12").verdict is Verdict.CLOSE  # 13 soldiers
    assert session.submit_answer("Emmanuel Macron").verdict is Verdict.RIGHT
    assert session.streak == 1
    assert session.submit_answer("2,014").verdict is Verdict.RIGHT  # 2014
    assert session.streak == 2
    assert session.submit_answer("4 000").verdict is Verdict.CLOSE  # 4500 +-10%, 4000 within 2x
    assert session.streak == 0
    assert session.skip().verdict is Verdict.SKIPPED
    assert session.finished
    assert session.score == 0.5 + 1 + 1 + 0.5 + 0
    assert session.best_streak == 2
    assert [q.id for q in session.mistakes] == ["soldiers-killed", "french-troops", "mali-president"]
    retry = session.retry_mistakes()
    assert [i.question.id for i in retry.items] == ["soldiers-killed", "french-troops", "mali-president"]
    assert retry.answers == []


def test_choice_by_number_and_index(bundled_bank) -> None:
    q = bundled_bank.bank.question("capital-of-mali")
    s = start_quiz(bundled_bank, QuizOptions(shuffle_choices=False), questions=[q])
    assert s.current.choices == ("Bamako", "Dakar", "Niamey", "Gao")
    assert s.submit_answer("1").given == "Bamako"
    s2 = start_quiz(bundled_bank, QuizOptions(seed=3), questions=[q])
    answer = s2.choose(s2.current.choices.index("Gao"))
    assert answer.verdict is Verdict.WRONG and answer.given == "Gao" and answer.right_answer == "Bamako"


def test_options_filter_count_and_seed(bundled_bank) -> None:
    numeric_only = QuizOptions(types=frozenset({"numeric"}))
    assert all(isinstance(q, NumericQuestion) for q in matching_questions(bundled_bank, numeric_only))
    dates = matching_questions(bundled_bank, QuizOptions(tags=frozenset({"dates"})))
    assert [q.id for q in dates] == ["barkhane-start", "timbuktu-year"]
    a = start_quiz(bundled_bank, QuizOptions(count=5, seed=42))
    b = start_quiz(bundled_bank, QuizOptions(count=5, seed=42))
    assert len(a.items) == 5
    assert a.items == b.items
    ordered = start_quiz(bundled_bank, QuizOptions(shuffle_questions=False))
    assert [i.question.id for i in ordered.items] == [q.id for q in bundled_bank.bank.questions]


def test_empty_selection_is_finished_at_once(bundled_bank) -> None:
    s = start_quiz(bundled_bank, QuizOptions(tags=frozenset({"no-such-tag"})))
    assert s.finished and s.max_score == 0 and s.percentage == 0
    with pytest.raises(RuntimeError):
        s.skip()


def test_time_limit_and_finish(bundled_bank) -> None:
    clock = FakeClock()
    s = start_quiz(bundled_bank, QuizOptions(count=4, time_limit=60, mode=Mode.EXAM), clock=clock)
    clock.now += 45
    assert s.remaining == 15 and not s.time_up
    s.submit_answer(right_answer(s.current))
    clock.now += 20
    assert s.time_up and s.remaining == 0
    s.finish()
    assert s.finished
    assert [a.verdict for a in s.answers] == [Verdict.RIGHT] + [Verdict.SKIPPED] * 3
    clock.now += 100
    assert s.elapsed == 65  # the clock stops at the end


def test_answers_are_reported_as_given(bundled_bank) -> None:
    seen = []
    s = start_quiz(bundled_bank, QuizOptions(count=3, seed=5))
    s.on_answer.append(seen.append)
    s.skip()
    s.submit_answer(right_answer(s.current))
    assert [a.question.id for a in seen] == [i.question.id for i in s.items[:2]]


def test_cited_passage_is_the_whole_sentence_with_its_source(bundled_bank) -> None:
    q = bundled_bank.bank.question("soldiers-killed")
    cited = cited_passage(bundled_bank, q)
    assert cited.text == ("A collision of two helicopters killed 13 French soldiers during a "  # no dateline
                          "night operation in Mali, French authorities announced Tuesday morning.")
    assert cited.source_label == "mali-helicopter-collision.txt by Paquette"
    span = cited.spans[0]
    assert cited.article.text[span.start:span.end].startswith("A collision of two helicopters")


def test_source_label_with_title_publisher_and_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The bridge is 300 metres long. It opened in 1990.\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "title: Bridge\nsources:\n  a: {file: a.txt, title: A bridge, publisher: The Daily, date: 2020-01-02}\n"
        "questions:\n  - {id: len, type: numeric, prompt: How long?, answer: 300,\n"
        "     cite: {quote: 300 metres long}}\n", encoding="utf-8")
    loaded = load_bank(tmp_path / "b.yaml")
    cited = cited_passage(loaded, loaded.bank.questions[0])
    assert cited.source_label == "A bridge, The Daily, 2020-01-02"
    assert cited.text == "The bridge is 300 metres long."


def test_source_label_takes_what_the_article_itself_says(tmp_path: Path) -> None:
    """Front matter (as pasted text and fetched pages carry it) fills what the bank leaves out."""
    (tmp_path / "a.md").write_text(
        "---\ntitle: A bridge\nauthor: Jo Reed\npublisher: The Daily\ndate: 2020-01-02\n"
        "url: https://example.com/bridge\n---\nThe bridge is 300 metres long. It opened in 1990.\n",
        encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "title: Bridge\nsources:\n  a: {file: a.md}\nquestions:\n  - {id: len, type: numeric, "
        "prompt: How long?, answer: 300,\n     cite: {quote: 300 metres long}}\n", encoding="utf-8")
    loaded = load_bank(tmp_path / "b.yaml")
    cited = cited_passage(loaded, loaded.bank.questions[0])
    assert cited.source_label == "A bridge by Jo Reed, The Daily, 2020-01-02, https://example.com/bridge"
    assert loaded.articles["a"].meta.date == "2020-01-02"  # what the generator reads


def test_results_csv_export(bundled_bank, tmp_path: Path) -> None:
    q1, q2 = bundled_bank.bank.question("soldiers-killed"), bundled_bank.bank.question("capital-of-mali")
    s = start_quiz(bundled_bank, QuizOptions(shuffle_questions=False), questions=[q1, q2])
    s.submit_answer("13")
    s.submit_answer("Gao")
    out = tmp_path / "results.csv"
    export_results(s, out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0][:7] == ["number", "id", "question", "your answer", "right answer", "result", "points"]
    assert rows[1][1:7] == ["soldiers-killed", q1.prompt, "13", "13 soldiers", "right", "1"]
    assert rows[2][3:7] == ["Gao", "Bamako", "wrong", "0"]
    assert "Bamako" in rows[2][8]
    assert rows[-1][5:7] == ["50%", "1/2"]
    assert out.read_text(encoding="utf-8") == results_csv(s)


def test_core_runs_without_qt() -> None:
    code = ("import sys; from quizapp.core.bank import load_bank; from quizapp.core.session import *;"
            "s = start_quiz(load_bank('questions/mali-helicopter-collision.yaml'), QuizOptions(count=2));"
            "s.skip(); s.skip(); assert s.finished;"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'spacy'))]")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT)})


def test_results_csv_cells_are_not_formulas(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The score was -3 at =SUM(A1) time.\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "title: '=HYPERLINK(1)'\nsources:\n  a: {file: a.txt}\nquestions:\n"
        "  - {id: n, type: numeric, prompt: '=1+2 what score?', answer: -3, cite: {quote: score was -3}}\n"
        "  - {id: c, type: choice, prompt: '@which?', answer: '=SUM(A1)', distractors: ['+x'],\n"
        "     cite: {quote: '=SUM(A1)'}}\n", encoding="utf-8")
    loaded = load_bank(tmp_path / "b.yaml")
    s = start_quiz(loaded, QuizOptions(shuffle_questions=False, shuffle_choices=False))
    s.submit_answer("-3")
    s.submit_answer("+x")
    rows = list(csv.reader(io.StringIO(results_csv(s))))
    assert rows[1][2:5] == ["'=1+2 what score?", "-3", "-3"]
    assert rows[2][2:5] == ["'@which?", "'+x", "'=SUM(A1)"]
    assert rows[-1][2] == "'=HYPERLINK(1)"
