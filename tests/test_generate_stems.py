"""Question stems the generator writes for numbers, parties and organisations, on short made-up texts."""

from __future__ import annotations

from pathlib import Path

from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.generate.api import generate_with_facts
from quizapp.generate.questions import FACT_CHECK_PROMPT


def bank_of(tmp_path: Path, body: str, title: str = "A made-up story", min_confidence: float | None = 0):
    """Every question the finders offer for a made-up story (min_confidence=None: only those the ranker keeps)."""
    article = tmp_path / "story.txt"
    article.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    bank, found = generate_with_facts([article], bank_dir=tmp_path, min_confidence=min_confidence)
    return bank, found[0]


def by_prompt(bank) -> dict[str, object]:
    return {q.prompt: q for q in bank.questions}


def test_a_part_of_a_named_whole_is_asked_as_how_many_of(tmp_path):
    bank, _ = bank_of(tmp_path, "Nine of the 20 fastest-growing towns in Wales were built around a railway.")
    q = by_prompt(bank)["How many of the 20 fastest-growing towns in Wales were built around a railway?"]
    assert isinstance(q, NumericQuestion) and q.answer == 9
    bank, _ = bank_of(tmp_path, "The ferry firm has lost money in four of the last nine years.")
    q = by_prompt(bank)["In how many of the last nine years has the ferry firm lost money?"]
    assert q.answer == 4 and q.unit == "years"


def test_a_whole_the_stem_cannot_name_is_not_asked(tmp_path):
    # "the countries": which countries, only the article knows.
    bank, _ = bank_of(tmp_path, "In seven of the countries, the study covered only the capital and its suburbs.")
    assert not any(q.prompt.startswith("In how many of the countries") for q in bank.questions)


def test_times_faster_is_asked_of_the_thing_it_stands_for(tmp_path):
    first = "A solar ferry service has been launched by shipping company Blue Harbour."
    second = "It is 12 times faster than the old diesel ferry on the market."
    bank, _ = bank_of(tmp_path, f"{first} {second}")
    q = by_prompt(bank)["How many times faster than the old diesel ferry on the market is the solar ferry "
                        "service launched by Blue Harbour?"]
    assert isinstance(q, NumericQuestion) and q.answer == 12 and q.unit == "times"
    assert q.cite.quotes == [first, second]  # the sentence naming the service proves what "it" is
    # In a bank, the figure is asked once: the pool's statement on it and its stem are one question.
    kept, _ = bank_of(tmp_path, f"{first} {second}", min_confidence=0.01)
    assert sum("12" in f"{q.prompt} {q.answer}" for q in kept.questions) == 1


def test_a_figure_keeps_the_month_the_sentence_opens_with(tmp_path):
    bank, _ = bank_of(tmp_path, "In March the transport board said figures showed 4,200 drivers were waiting "
                                "for a test in Tolley.")
    q = by_prompt(bank)["In March, how many drivers were waiting for a test in Tolley?"]
    assert q.answer == 4200


def test_durations_are_varied_in_fact_check_statements_but_ranges_and_thresholds_are_not(tmp_path):
    bank, _ = bank_of(tmp_path, "The Severn bridge was closed for 14 months after the flood of the old town. "
                                "Tourists staying for less than six months would not need a permit unless they "
                                "drove lorries. Students staying between six and 12 months would need a "
                                "bank letter before they arrive.")
    checks = [q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT]
    closed = next(q for q in checks if "14 months" in q.answer)
    assert [d.split(" months")[0][-2:] for d in closed.distractors] == ["18", "24", "34"]
    assert not any("between six and" in q.answer for q in checks)  # "between six and 6 months" is nonsense
    assert not any("between six and ___" in q.prompt for q in bank.questions)
    # "less than four months would not need a permit" follows from the six-month rule: not false, so the
    # threshold is never varied, only asked as a gap to fill.
    assert not any("less than six months" in q.answer for q in checks)
    [gap] = [q for q in bank.questions if "less than ___ months" in q.prompt]
    assert isinstance(gap, NumericQuestion) and gap.answer == 6 and gap.tolerance is None


def test_parties_are_asked_about_with_other_parties_as_distractors(tmp_path):
    bank, _ = bank_of(tmp_path, "The Tories say small farms will not be taxed out of business in "
                                "Britain because of the new levy. Labour claims the plan is a stunt to win votes "
                                "in marginal seats. The Liberal Democrats have warned the Conservatives about "
                                "neglecting bus routes in Kent.")
    q = by_prompt(bank)["Which party says small farms will not be taxed out of business in Britain "
                        "because of the new levy?"]
    assert isinstance(q, ChoiceQuestion) and q.answer == "Tories"
    # The Tories are the Conservatives: never a distractor for each other.
    assert "Conservatives" not in q.distractors and set(q.distractors) == {"Labour", "Liberal Democrats"}


def test_a_party_the_article_cannot_match_takes_the_countrys_other_parties(tmp_path):
    bank, _ = bank_of(tmp_path, "The Tories say small farms will not be taxed out of business in "
                                "Britain because of the new levy. Labour claims the plan is a stunt to win votes "
                                "in marginal seats across the north of England.")
    q = by_prompt(bank)["Which party says small farms will not be taxed out of business in Britain "
                        "because of the new levy?"]
    assert q.answer == "Tories" and q.distractors[0] == "Labour"  # the article's own party first
    assert set(q.distractors[1:]) <= {"Liberal Democrats", "SNP", "Plaid Cymru", "UKIP", "Green Party"}
    assert len(q.distractors) == 3 and "Conservatives" not in q.distractors


def test_an_organisation_named_after_what_it_is_is_found(tmp_path):
    _, facts = bank_of(tmp_path, "A new two gigabit service has been launched by internet service provider "
                                 "Skyline Online. Skyline Online plans to add cheap calls by 2027.")
    assert facts.names.kind("Skyline Online") == "org"
    asked = {f.prompt: f.answer for f in facts.facts if f.kind == "entity"}
    assert asked["Which internet service provider has launched a new two gigabit service?"] == "Skyline Online"


def test_a_capitalised_common_word_is_no_name_and_short_capitals_are_no_place(tmp_path):
    _, facts = bank_of(tmp_path, "Broadband's quick spread goes on across the north. Cheap broadband is "
                                 "sold in every town. The new rules let rivals use BT's masts in Leeds.")
    assert facts.names.kind("Broadband") is None
    assert facts.names.kind("BT") == "org"


def test_one_name_is_swapped_once_and_never_inside_a_list(tmp_path):
    bank, _ = bank_of(tmp_path, "Ann Cole has opened a bakery in Ruthin. Ann Cole hired four bakers from Leeds. "
                                "Ben Hart sold the building to Ann Cole last spring. Ben Hart, Ann Cole and Tom "
                                "Reeve met the mayor. Tom Reeve has praised the new bakery. Tom Reeve "
                                "runs a cafe nearby.", min_confidence=None)
    swaps = [q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT]
    assert sum(q.answer.startswith("Ann Cole") for q in swaps) <= 1
    assert not any("Ben Hart, Ann Cole and" in q.answer for q in swaps)


def test_places_are_not_swapped(tmp_path):
    """'People coming to Canada ...' in a story about Britain is wrong, but trivially; Canada,
    named elsewhere as running the same policy, would not even be false; 'the war in Turkey' is
    wrong by general knowledge, not by the article."""
    bank, _ = bank_of(tmp_path, "Visitors to Britain will need a health check under new plans. The plans are "
                                "based on rules already in force in Canada and Australia. Ministers in Britain "
                                "expect the checks to start in spring. Teams from Norway travelled to the final "
                                "in Denmark on a chartered ferry.")
    places = ("Britain", "Canada", "Australia", "Norway", "Denmark", "UK")
    checks = [q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT]
    assert all(p in q.answer for q in checks for d in q.distractors for p in places if p in d)


def test_a_person_named_once_is_no_stand_in_for_a_candidate(tmp_path):
    story = ("Ann Cole has won the race for mayor of Ruthin. Ben Hart lost to Ann Cole by 300 votes. Ben Hart "
             "has promised to stand again. \"The markets like a clear result,\" said Tom Reeve, a banker. \"It is "
             "a good day,\" said Sal Moss, a trader. Voters in Ruthin welcomed Ann Cole's victory in the mayoral "
             "election.")
    bank, _ = bank_of(tmp_path, story)
    # Only Ben Hart, named twice, could stand in for Ann Cole: one variant is too few to ask.
    assert not any(q.prompt == FACT_CHECK_PROMPT and "victory" in q.answer for q in bank.questions)
    bank, _ = bank_of(tmp_path, story + " Tom Reeve expects shares in Ruthin to rise. Sal Moss agrees.")
    swap = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT and "victory" in q.answer)
    assert {d.split("'s victory")[0] for d in swap.distractors} == {"Voters in Ruthin welcomed Ben Hart",
                                                                    "Voters in Ruthin welcomed Tom Reeve"}


def test_two_speakers_or_a_frame_of_a_figure_are_not_asked_about(tmp_path):
    bank, found = bank_of(tmp_path, "Both Plaid Cymru and the Liberal Democrats said the minister must rethink the "
                                    "bus timetable. The ferry firm has lost money in four of the last "
                                    "seven years. Measles in Gwent has increased by 30% over the past 10 years.")
    assert not any(f.answer in ("Plaid Cymru", "Liberal Democrats") for f in found.facts)
    # "seven years" and "10 years" frame other figures: no statement varies them.
    assert not any(q.prompt == FACT_CHECK_PROMPT and ("eight years" in " ".join(q.distractors)
                                                      or "12 years" in " ".join(q.distractors))
                   for q in bank.questions)
    assert {q.answer for q in bank.questions if isinstance(q, NumericQuestion)} == {4, 30}


def test_this_technology_after_such_as_a_name_is_that_name_and_up_to_is_only_varied_upwards(tmp_path):
    bank, _ = bank_of(tmp_path, "Cable firms face competition from newer technologies such as Skylink. "
                                "This wireless technology can boost data speeds up to 90 megabits "
                                "per second over open land.")
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT)
    assert check.answer.startswith("Skylink can boost data speeds up to 90 megabits")
    assert len(check.cite.quote) == 2  # the sentence naming Skylink proves what "this technology" is
    speeds = [float(d.split("up to ")[1].split()[0]) for d in check.distractors]
    assert len(speeds) >= 2 and all(v > 90 for v in speeds)  # "up to 40" would still be true


def test_a_claim_about_a_country_is_asked_as_the_reporters(tmp_path):
    bank, _ = bank_of(tmp_path, "Thailand and Indonesia were also hopeful. Vietnam has seen decades of "
                                "rapid export growth, says the WTV's Jun Park in Hanoi. Japan was "
                                "gloomy about the world economy.")
    q = by_prompt(bank)["According to the WTV's Jun Park, which country has seen decades of rapid "
                        "export growth?"]  # not "... Jun Park in Hanoi": that would tell
    assert q.answer == "Vietnam" and "Thailand" in q.distractors


def test_the_maker_of_a_thing_is_not_named_twice_in_one_statement(tmp_path):
    bank, _ = bank_of(tmp_path, "A two gigabit service has been launched by internet service provider "
                                "Skyline Online. Skyline Online plans to add cheap calls by 2027 if "
                                "the service sells well.")
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT)
    assert check.answer.count("Skyline Online") == 1
    assert "if the two gigabit service sells well" in check.answer


def test_organisations_that_act_in_the_story_are_distractors_even_when_named_once(tmp_path):
    bank, _ = bank_of(tmp_path, "Analyst firm Signal Watch predicts that Skylink will take a big share of the "
                                "market from cable. Rapido launched its home service in November. The regulator "
                                "Telecor has set a new dialling code for net calls. Falco has announced a pact "
                                "with Zanetti to make a music phone. The pact covers phones with a big memory.")
    q = by_prompt(bank)["Which organisation has announced a pact with Zanetti to make a music phone?"]
    assert q.answer == "Falco" and {"Rapido", "Telecor"} <= set(q.distractors)
    # An operator or a regulator named once is no stand-in for a firm of forecasters.
    assert not any(q.prompt.startswith("Which organisation predicts") for q in bank.questions)
