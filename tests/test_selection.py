"""A question from words a teacher selects in an article: the sentence with them left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.article import load_article
from quizapp.core.bank import load_bank
from quizapp.generate.selection import SelectionError, complete_name_question, question_from_selection

TEXT = """Tolley fines

About 4,500 troops are stationed across the region, the Wessex council said. The council was fined £2bn in \
2014 by Brindle Water.

It was fined again, for thirteen breaches, in May. More than 300 homes lost power.
"""


@pytest.fixture()
def article(tmp_path: Path):
    path = tmp_path / "fines.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


def ask(article, words: str, **kwargs) -> dict:
    at = article.text.index(words)
    return question_from_selection(article, at, at + len(words), **kwargs)


def test_a_figure_becomes_a_numeric_gap_within_its_hedge(article) -> None:
    q = ask(article, "4,500")
    assert q["type"] == "numeric"
    assert q["prompt"] == ("About ___ troops are stationed across the region, the Wessex council said. "
                           "What number fills the gap, according to the article?")
    assert q["answer"] == 4500
    assert q["tolerance"] == "1.1%"  # "about 4,500": right to the digits the article gives, 4,450 to 4,550
    assert q["cite"] == {"quote": "About 4,500 troops are stationed across the region, the Wessex council said."}
    # the words around the one figure stay in the sentence; "more than" is a bound the stem keeps: exact
    assert ask(article, "4,500 troops")["prompt"] == q["prompt"]
    bound = ask(article, "300 homes")
    assert bound["prompt"].startswith("More than ___ homes lost power.") and "tolerance" not in bound


def test_a_selection_takes_in_the_whole_figure_or_word_it_cuts(article) -> None:
    # a double-click selects "500" of "4,500" or "2" of "£2bn"; a drag may stop a letter short
    assert ask(article, "500")["answer"] == 4500 == ask(article, "4,5")["answer"]
    # named by the words asked, whole, and the two after them in the sentence
    assert ask(article, "500")["id"] == "ask-4500-troops-are"
    assert ask(article, "rindle Wat")["id"] == "ask-brindle-water"  # the sentence ends after it
    assert ask(article, "rindle Wat")["answer"] == "Brindle Water"
    assert ask(article, "ouncil was")["prompt"].startswith("The ___ fined £2bn")


def test_amounts_years_and_number_words(article) -> None:
    money = ask(article, "£2bn", source="fines")
    assert money["prompt"].startswith("The council was fined £___bn in 2014 by Brindle Water. What number")
    assert (money["answer"], money["cite"]["source"]) == (2, "fines")
    year = ask(article, "2014")
    assert year["prompt"] == ("The council was fined £2bn in ___ by Brindle Water. "
                              "What year fills the gap, according to the article?")
    assert ask(article, "thirteen")["answer"] == 13


def test_other_words_become_a_choice_question_for_the_teacher_to_finish(article) -> None:
    q = ask(article, "Brindle Water.")  # the full stop selected with the name stays in the sentence
    assert q["type"] == "choice"
    assert q["prompt"] == ("The council was fined £2bn in 2014 by ___. "
                           "What fills the gap, according to the article?")
    assert (q["answer"], q["distractors"]) == ("Brindle Water", [])


@pytest.mark.parametrize(("words", "message"), [
    (". ", "Select the words to ask about"),
    ("Tolley fines", "not in a sentence of the article's text"),
    ("council said. The council", "inside one sentence"),
    ("More than 300 homes lost power.", "not the whole sentence"),
])
def test_selections_that_cannot_be_asked_say_what_to_select(article, words: str, message: str) -> None:
    with pytest.raises(SelectionError, match=message):
        ask(article, words)


def test_the_question_is_valid_bank_data(article, tmp_path: Path) -> None:
    import yaml

    bank = {"format": 1, "title": "Fines", "sources": {"fines": {"file": "fines.txt"}},
            "questions": [dict(ask(article, "4,500"), id="troops")]}
    path = tmp_path / "fines.yaml"
    path.write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    loaded = load_bank(path).bank
    (q,) = loaded.questions
    assert q.cite.quotes == ["About 4,500 troops are stationed across the region, the Wessex council said."]


SEED = Path(__file__).resolve().parents[1] / "seeds" / "mali-helicopter-collision.txt"


def ask_in(article, word: str, context: str) -> dict:
    """The question for `word` where it stands in `context`."""
    at = article.text.index(context) + context.index(word)
    return question_from_selection(article, at, at + len(word))


def test_a_name_is_asked_for_by_its_kind_with_others_of_its_kind_to_check() -> None:
    article = load_article(SEED)
    person = complete_name_question(SEED, ask(article, "Emmanuel Macron"))
    assert person["prompt"].startswith("President ___ expressed his “greatest respect” for the fallen soldiers")
    assert person["prompt"].endswith(". Who fills the gap, according to the article?")
    assert person["distractors"] == ["Ibrahim Boubacar Keïta", "Mike Pompeo", "Abu Bakr al-Baghdadi"]
    # a double-click on "Macron" of "President Emmanuel Macron" asks the whole name
    whole = complete_name_question(SEED, ask_in(article, "Macron", "Emmanuel Macron expressed"))
    assert (whole["prompt"], whole["answer"], whole["distractors"]) == (
        person["prompt"], "Emmanuel Macron", person["distractors"])
    # where the sentence calls him "Macron", so are the others called
    short = complete_name_question(SEED, ask_in(article, "Macron", "Macron said in a separate statement"))
    assert short["distractors"] == ["Keïta", "Pompeo", "al-Baghdadi"]
    mali = ask_in(article, "Mali", "Mali, French authorities")
    country = complete_name_question(SEED, mali)
    assert country["prompt"].endswith("in ___, French authorities announced Tuesday morning. Which country fills "
                                      "the gap, according to the article?")
    assert country["distractors"] == ["France", "Burkina Faso", "Niger"]
    # words that name nothing stay as the teacher asked them, with no wrong answers to start from
    plain = ask(article, "collision")
    assert complete_name_question(SEED, plain) == plain
