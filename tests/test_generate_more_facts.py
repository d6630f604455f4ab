"""Facts a fifth reading of the dev banks found unasked, on short made-up texts: a spokesman the
model took for an organisation, a speaker whose description the article forgot to close, and
idioms that look like figures."""

from __future__ import annotations

from quizapp.core.model import ChoiceQuestion
from quizapp.generate.questions import FACT_CHECK_PROMPT
from tests.test_generate_stems import bank_of


def test_a_name_after_a_job_only_people_hold_is_a_person(tmp_path):
    bank, _ = bank_of(tmp_path, "Finance Minister Sue Essex said the deal was good for local government. "
                                "Mike German, leader of the Liberal Democrats, said the deal was unfair to councils. "
                                "Conservative local government spokesman Glyn Davies said that for the "
                                'minister to claim otherwise "is taking spin to the very verge of deception". '
                                'He added: "Around a third of Welsh households have been re-valued upwards '
                                'by at least one band and face increases into double figures."')
    said = next(q for q in bank.questions if q.prompt.startswith("Who said “Around a third"))
    assert isinstance(said, ChoiceQuestion) and said.answer == "Glyn Davies"
    assert "Sue Essex" in said.distractors
    role = next(q for q in bank.questions if q.answer == "Glyn Davies" and "describe" in q.prompt)
    assert role.prompt == "Who does the article describe as the Conservative local government spokesman?"


def test_double_figures_is_no_multiple(tmp_path):
    _, found = bank_of(tmp_path, "Ann Holt, chief economist at Banca Ovest, said: "
                                 '"Most households now face increases into double figures."')
    assert not any(s.part == "double" for s in found.statements)


def test_a_description_left_open_still_names_the_speaker(tmp_path):
    bank, _ = bank_of(tmp_path, "The Tories unveiled plans for health checks on migrants on Monday. Lisa Power, "
                          "head of policy at Aids charity the Terrence Higgins Trust said the plans for health "
                          "checks on migrants were prejudice-based rather than evidence-based. Labour's Des "
                          "Browne said many tests were already done at airports across the country. "
                          "Tory leader Michael Howard said the checks on new arrivals would help protect "
                          "public health and the NHS.")
    said = [q for q in bank.questions if q.prompt.startswith("Who said the plans")]
    assert said and said[0].answer == "Lisa Power"
    assert "the Terrence Higgins Trust" not in getattr(said[0], "distractors", [])




def test_a_claim_is_asked_without_the_concession_that_closes_it(tmp_path):
    bank, _ = bank_of(tmp_path, "There may be a perception that war and terrorism are making the world a worse "
                                "place, even though that has not so far been reflected in economic performance, "
                                "says the BBC's Elizabeth Blunt. Prices will rise again next year, says Ann Holt "
                                "of Banca Ovest. Growth has been slow, says the BBC's Louisa Lim in Beijing.")
    q = next(q for q in bank.questions if q.answer == "Elizabeth Blunt")
    assert q.prompt == ("Who says there may be a perception that war and terrorism are making the world "
                        "a worse place?")


def test_a_figure_in_an_aside_about_a_name_is_asked_of_that_name(tmp_path):
    bank, _ = bank_of(tmp_path, "He said it would take many years before Acme could challenge Disney - which in "
                                "2004 reported revenues of $30bn (£16bn) - but it remained a goal for the firm.")
    q = next(q for q in bank.questions if q.answer == "$30bn")
    assert q.prompt == "How much in revenues did Disney report in 2004?"
    assert "$30bn" not in getattr(q, "distractors", [])


def test_a_sum_named_by_what_it_is_keeps_the_rest_of_the_sentence(tmp_path):
    bank, _ = bank_of(tmp_path, "Fiat reported losses of 800m euros in 2004, after a year of falling car sales.")
    assert "How much in losses did Fiat report in 2004?" in {q.prompt for q in bank.questions}


def test_the_case_is_the_one_between_the_two_the_story_sets_against_each_other(tmp_path):
    bank, _ = bank_of(tmp_path, "Record company boss Kevin Campbell has gained a court injunction stopping singer "
                                "Mark Morrison from releasing an album. Mr Campbell said he was gutted. "
                                "The case is set to be heard in the High Court on 20 December.")
    q = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT and "High Court" in q.answer)
    assert q.answer == ("The case between Kevin Campbell and Mark Morrison is set to be heard in the High Court "
                        "on 20 December.")
    assert all(d.replace(d.rsplit(" on ", 1)[1], "") == q.answer.replace("20 December.", "")
               for d in q.distractors)
    assert q.cite is not None and len(q.cite.quotes) == 2  # the sentence that says who the two are


def test_the_case_of_a_story_without_a_dispute_is_left_alone(tmp_path):
    bank, _ = bank_of(tmp_path, "Ann Holt met Carl Dunn in London to talk about the merger. "
                                "The case is set to be heard in the High Court on 20 December.")
    assert not any("between" in str(q.answer) for q in bank.questions)


_FIAT = ("Fiat has taken control of its car business. Sergio Marchionne has replaced Herbert Demel as chief "
         "executive of Fiat Auto. The management changes follow Fiat's resolution of its dispute with General "
         "Motors. As part of a major restructuring, Fiat is to integrate the Maserati car company - currently "
         "owned by Ferrari - within its own operations. Ferrari, in which Fiat owns a majority stake, could be "
         "floated on the stock market in 2006. The car business is best known for its Alfa Romeo marque. "
         "Earlier this week, Fiat reached an agreement with GM to dissolve an alliance which could have "
         "obliged GM to buy the Italian firm outright.")


def test_a_firm_a_participle_says_holds_a_named_thing_is_asked_as_its_owner(tmp_path):
    bank, _ = bank_of(tmp_path, _FIAT)
    q = next(q for q in bank.questions if q.prompt.endswith(" owned the Maserati car company?"))
    assert q.answer == "Ferrari" and "Maserati" not in q.distractors
    assert q.prompt.startswith("Which ")


def test_an_index_that_closed_higher_and_one_that_rose_in_a_side_clause_are_both_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "The benchmark Dow Jones share index closed more than 1% higher at 10,137, while "
                                "the Nasdaq rose 0.9% to 2,004.")
    asked = {q.prompt: q.answer for q in bank.questions}
    assert asked.get("By more than what percentage did the benchmark Dow Jones share index close higher at "
                     "10,137?") == 1
    assert asked.get("By what percentage did the Nasdaq rise to 2,004?") == 0.9


def test_a_month_in_a_run_of_comma_joined_clauses_is_asked_of_its_own_clause(tmp_path):
    bank, _ = bank_of(tmp_path, "The 3 network launched in 2003, Vodafone launched the Vodaworld network in "
                                "November, Orange followed in early December and T-Mobile and O2 are due to launch "
                                "in 2005.")
    months = {q.prompt: q for q in bank.questions if q.prompt.startswith("In what month")}
    q = months.get("In what month did Vodafone launch the Vodaworld network?")
    assert q is not None and q.answer == "November" and "November" not in q.distractors
    assert "In what month did Orange follow?" not in months  # follow whom: the clause before says


def test_a_clause_about_its_own_thing_is_not_asked_when(tmp_path):
    bank, _ = bank_of(tmp_path, "The 3 network launched in 2003, Vodafone launched its consumer service in November, "
                                "Orange followed in early December and T-Mobile and O2 are due to launch in 2005.")
    assert not any(q.prompt.startswith("In what month did Vodafone") for q in bank.questions)  # which service?


def test_a_quote_whose_speaker_the_next_sentence_names_is_theirs(tmp_path):
    bank, found = bank_of(tmp_path, "Chris Stening, Acme Online general manager, said the launch was a big leap. "
                                    "Mr Stening believes the service will appeal to families. \"A typical family "
                                    "with two adults and two children is currently sharing a 512 kilobit service. "
                                    "This will basically give them 2 megabits each,\" he said.")
    fact = next(f for f in found.facts if f.kind == "quote" and "512 kilobit" in f.prompt)
    assert fact.answer.endswith("Stening") and fact.sentence == 2 and fact.chain == [1, 2, 3]  # the title is a heading
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT and "kilobit" in q.answer)
    assert check.answer.endswith("Stening said: “A typical family with two adults and two children is currently "
                                 "sharing a 512 kilobit service.”")
    assert len(check.cite.quotes) == 3


def test_a_bare_count_that_is_part_of_the_count_before_it_is_asked_of_that_whole(tmp_path):
    bank, _ = bank_of(tmp_path, "There is already some screening in place. Last year 185,000 people were tested for "
                                "TB at Heathrow and Gatwick airports, only about 200 were found to be infected.")
    q = next(q for q in bank.questions if str(q.answer) == "200")
    assert q.prompt == ("Of the 185,000 people tested for TB at Heathrow and Gatwick airports, about how many "
                        "were found to be infected?")
    assert not any("last year" in q.prompt.lower() for q in bank.questions)  # undated: no year to ask of


def test_a_target_pushed_back_from_one_year_to_another_asks_the_new_year(tmp_path):
    bank, _ = bank_of(tmp_path, "Fiat's car business has made an operating loss in five of the last six years and "
                                "was forced to push back its break-even target from 2005 to 2006.")
    q = next(q for q in bank.questions if q.answer == 2006)
    assert q.prompt == "To what year was Fiat's car business forced to push back its break-even target from 2005?"


def test_revenues_and_the_year_they_were_to_double_by_are_two_questions(tmp_path):
    bank, _ = bank_of(tmp_path, "Tolley Group publishes games such as Kart Rally. Its revenues were $3bn (£1.65bn) "
                                "in 2004, which Tolley Group hoped to double by 2009.")
    asked = {q.prompt: str(q.answer) for q in bank.questions}
    assert asked.get("How much were Tolley Group's revenues in 2004?") == "$3bn"
    # the whole name, both times
    assert asked.get("By what year did Tolley Group hope to double its revenues?") == "2009"


def test_a_doctors_job_is_not_asked_of_the_only_person_called_dr(tmp_path):
    bank, _ = bank_of(tmp_path, "Dr Brian Gibbons replaced Jane Hutt as health minister. Dr Gibbons, who was a GP in "
                                "Blaengwynfi before becoming AM for Aberavon, said staff wanted calm. Ms Hutt said "
                                "she was proud. Mr Morgan said the NHS was Dr Gibbons' baby now. Rhodri Morgan is "
                                "First Minister.")
    assert not any("GP" in q.prompt for q in bank.questions)


def test_a_veteran_is_a_description_asked_with_the_articles_own_a(tmp_path):
    bank, _ = bank_of(tmp_path, "Sergio Marchionne has replaced Herbert Demel as chief executive of Fiat Auto. "
                                "Although Mr Marchionne does not have a background in the car industry, he has been "
                                "playing a growing role. Mr Demel, a car industry veteran, took the helm in 2003 "
                                "after being recruited by former Fiat chief executive Giuseppe Morchio. Mr Morchio "
                                "later resigned.")
    q = next(q for q in bank.questions if "veteran" in q.prompt)
    assert q.prompt == "Who does the article describe as a car industry veteran?"
    assert q.answer == "Herbert Demel" and "Sergio Marchionne" in q.distractors


def test_the_weekday_a_named_person_did_something_is_asked_against_the_days_beside_it(tmp_path):
    # (who conceded, Kerry or Bush, the story of two rivals tells: here the day is the question)
    bank, _ = bank_of(tmp_path, "Successive polls before Tuesday's election showed a close race. Mr Kerry conceded "
                                "defeat on Wednesday, abandoning hopes of carrying Ohio. Senator John Kerry attacked "
                                "President George Bush's economic record during the campaign.")
    q = next(q for q in bank.questions if q.prompt.startswith("On which day"))
    assert q.prompt == "On which day did Mr Kerry concede defeat?"
    assert q.answer == "Wednesday" and set(q.distractors) == {"Tuesday", "Thursday", "Friday"}


def test_a_firm_the_noun_after_it_names_is_a_sure_wrong_answer(tmp_path):
    _, found = bank_of(tmp_path, _FIAT)
    assert found.names.kind("Maserati") == "org" and "Maserati" in found.names.sure


def test_the_place_a_later_epithet_gives_a_person_is_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "Record company boss Kevin Campbell has gained an injunction stopping R&B singer Mark "
                                "Morrison from releasing an album. But the Leicester singer has struggled to repeat "
                                "his early success. The Everton striker said he was gutted.")
    q = next(q for q in bank.questions if q.answer == "Leicester")
    assert q.prompt == "According to the article, which city is singer Mark Morrison from?"
    assert q.answer == "Leicester" and len(q.distractors) == 3 and "Leicester" not in q.distractors
    assert len(q.cite.quotes) == 2 and "R&B singer Mark Morrison" in q.cite.quotes[0]
    assert not any("striker" in q.prompt for q in bank.questions)  # Everton is a club, and no one was a striker


def test_a_figure_comes_before_who_reported_it(tmp_path):
    bank, _ = bank_of(tmp_path, "The poll found gloom in most countries, said Steven Kull. Prices will rise again, "
                                "says Ann Holt of Banca Ovest. China has seen two decades of blistering economic "
                                "growth, which has led to wealth creation on a huge scale, says the BBC's Louisa Lim.")
    china = [q for q in bank.questions if "China" in str(q.answer) or "China" in q.prompt]
    assert len(china) == 1 and china[0].prompt == FACT_CHECK_PROMPT and "two decades" in china[0].answer
