"""Facts a fifth reading of the dev banks found unasked, on short made-up texts: a spokesman the
model took for an organisation, a speaker whose description the article forgot to close, and
idioms that look like figures."""

from __future__ import annotations

from quizapp.core.model import ChoiceQuestion
from quizapp.generate.questions import FACT_CHECK_PROMPT
from tests.test_generate_stems import bank_of


def test_a_name_after_a_job_only_people_hold_is_a_person(tmp_path):
    bank, _ = bank_of(tmp_path, "Finance Minister Ruth Ellery said the deal was good for the parishes. "
                                "Tom Reeve, leader of the Green group, said the deal was unfair to villages. "
                                "Conservative housing spokesman Huw Harries said the minister's "
                                'claim "stretches the truth past breaking point". '
                                'He added: "About a quarter of Wessex homes have been moved up at least one '
                                'band and their bills will climb into double figures."')
    said = next(q for q in bank.questions if q.prompt.startswith("Who said “About a quarter"))
    assert isinstance(said, ChoiceQuestion) and said.answer == "Huw Harries"
    assert "Ruth Ellery" in said.distractors
    role = next(q for q in bank.questions if q.answer == "Huw Harries" and "describe" in q.prompt)
    assert role.prompt == "Who does the article describe as the Conservative housing spokesman?"


def test_double_figures_is_no_multiple(tmp_path):
    _, found = bank_of(tmp_path, "Ann Holt, chief economist at Banca Ovest, said: "
                                 '"Most tenants now face rent rises into double figures."')
    assert not any(s.part == "double" for s in found.statements)


def test_a_description_left_open_still_names_the_speaker(tmp_path):
    bank, _ = bank_of(tmp_path, "The Greens unveiled plans for tolls on the coast road on Monday. Nora Quist, "
                          "head of policy at cycling charity the Tolley Wheelers Trust said the plans for tolls "
                          "on the coast road were driven by fear rather than by facts. Labour's Ivan "
                          "Koss said many tolls were already charged on bridges across the county. "
                          "Green leader Ada Brook said the tolls on lorries would help protect "
                          "the coast and its villages.")
    said = [q for q in bank.questions if q.prompt.startswith("Who said the plans")]
    assert said and said[0].answer == "Nora Quist"
    assert "the Tolley Wheelers Trust" not in getattr(said[0], "distractors", [])




def test_a_claim_is_asked_without_the_concession_that_closes_it(tmp_path):
    bank, _ = bank_of(tmp_path, "There may be a feeling that crime and traffic are making Wessex a harsher "
                                "place to live, even though that has not yet shown up in house prices, "
                                "says the WTV's Mia Hart. Prices will rise again next year, says Ann Holt "
                                "of Banca Ovest. Trade has been slow, says the WTV's Jun Park in Brindle.")
    q = next(q for q in bank.questions if q.answer == "Mia Hart")
    assert q.prompt == ("Who says there may be a feeling that crime and traffic are making Wessex "
                        "a harsher place to live?")


def test_a_figure_in_an_aside_about_a_name_is_asked_of_that_name(tmp_path):
    bank, _ = bank_of(tmp_path, "She said it would be a long time before Acme could rival Nintaro - which in "
                                "2005 reported sales of $24bn (£13bn) - but it was still the aim of the firm.")
    q = next(q for q in bank.questions if q.answer == "$24bn")
    assert q.prompt == "How much in sales did Nintaro report in 2005?"
    assert "$24bn" not in getattr(q, "distractors", [])


def test_a_sum_named_by_what_it_is_keeps_the_rest_of_the_sentence(tmp_path):
    bank, _ = bank_of(tmp_path, "Tolley Motors reported losses of 450m euros in 2006, after a year of falling van "
                                "sales.")
    assert "How much in losses did Tolley Motors report in 2006?" in {q.prompt for q in bank.questions}


def test_the_case_is_the_one_between_the_two_the_story_sets_against_each_other(tmp_path):
    bank, _ = bank_of(tmp_path, "Record company boss Dean Pollard has won a court injunction barring singer "
                                "Danny Dawson from putting out a new record. Mr Pollard said he was upset. "
                                "The case is due to be heard in the High Court on 14 March.")
    q = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT and "High Court" in q.answer)
    assert q.answer == ("The case between Dean Pollard and Danny Dawson is due to be heard in the High Court "
                        "on 14 March.")
    assert all(d.replace(d.rsplit(" on ", 1)[1], "") == q.answer.replace("14 March.", "")
               for d in q.distractors)
    assert q.cite is not None and len(q.cite.quotes) == 2  # the sentence that says who the two are


def test_the_case_of_a_story_without_a_dispute_is_left_alone(tmp_path):
    bank, _ = bank_of(tmp_path, "Ann Holt met Carl Dunn in London to talk about the merger. "
                                "The case is due to be heard in the High Court on 14 March.")
    assert not any("between" in str(q.answer) for q in bank.questions)


_CARS = ("Veltro Group has taken charge of its car business. Marco Bellini has replaced Karl Demm as chief "
         "executive of Veltro Cars. The changes at the top follow the end of Veltro Group's long row with Zanetti "
         "Motors. In a broad overhaul, the Falco car company - currently owned by Rapido - will become part of "
         "Veltro Group. Rapido, in which Veltro Group holds most of the shares, may be listed on the "
         "stock market in 2008. The car business is famous for its Stella Rossa marque. Last week, Veltro Group "
         "struck a deal with Zanetti Motors to end a pact which might have forced Zanetti Motors to take over the "
         "Italian group in full.")


def test_a_firm_a_participle_says_holds_a_named_thing_is_asked_as_its_owner(tmp_path):
    bank, _ = bank_of(tmp_path, _CARS)
    q = next(q for q in bank.questions if q.prompt.endswith(" owned the Falco car company?"))
    assert q.answer == "Rapido" and "Falco" not in q.distractors
    assert q.prompt.startswith("Which ")


def test_an_index_that_closed_higher_and_one_that_rose_in_a_side_clause_are_both_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "The main Tolley share index closed more than 2% higher at 6,418, while "
                                "the Wessex Composite rose 0.7% to 1,552.")
    asked = {q.prompt: q.answer for q in bank.questions}
    assert asked.get("By more than what percentage did the main Tolley share index close higher at "
                     "6,418?") == 2
    assert asked.get("By what percentage did the Wessex Composite rise to 1,552?") == 0.7


def test_a_month_in_a_run_of_comma_joined_clauses_is_asked_of_its_own_clause(tmp_path):
    bank, _ = bank_of(tmp_path, "The Kestrel network opened in 2004, Nintaro opened the Nintaro Plus network in "
                                "October, Brindle followed in early November and Tolley Telecom and Wessex Mobile "
                                "are due to open in 2006.")
    months = {q.prompt: q for q in bank.questions if q.prompt.startswith("In what month")}
    q = months.get("In what month did Nintaro open the Nintaro Plus network?")
    assert q is not None and q.answer == "October" and "October" not in q.distractors
    assert "In what month did Brindle follow?" not in months  # follow whom: the clause before says


def test_a_clause_about_its_own_thing_is_not_asked_when(tmp_path):
    bank, _ = bank_of(tmp_path, "The Kestrel network opened in 2004, Nintaro opened its home service in October, "
                                "Brindle followed in early November and Tolley Telecom and Wessex Mobile are due to "
                                "open in 2006.")
    assert not any(q.prompt.startswith("In what month did Nintaro") for q in bank.questions)  # which service?


def test_a_quote_whose_speaker_the_next_sentence_names_is_theirs(tmp_path):
    bank, found = bank_of(tmp_path, "Ravi Mehta, Acme Online general manager, said the launch was a big step. "
                                    "Mr Mehta thinks the service will suit shared houses. \"A typical house "
                                    "with four students in it now splits a single 256 kilobit line. "
                                    "This will simply give them 1 megabit each,\" he said.")
    fact = next(f for f in found.facts if f.kind == "quote" and "256 kilobit" in f.prompt)
    assert fact.answer.endswith("Mehta") and fact.sentence == 2 and fact.chain == [1, 2, 3]  # the title is a heading
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT and "kilobit" in q.answer)
    assert check.answer.endswith("Mehta said: “A typical house with four students in it now splits a single "
                                 "256 kilobit line.”")
    assert len(check.cite.quotes) == 3


def test_a_bare_count_that_is_part_of_the_count_before_it_is_asked_of_that_whole(tmp_path):
    bank, _ = bank_of(tmp_path, "Some checks are already made. Last year 162,000 workers were tested for MRSA at "
                                "Tolley and Wessex hospitals, only about 150 were found to be carriers.")
    q = next(q for q in bank.questions if str(q.answer) == "150")
    assert q.prompt == ("Of the 162,000 workers tested for MRSA at Tolley and Wessex hospitals, about how many "
                        "were found to be carriers?")
    assert not any("last year" in q.prompt.lower() for q in bank.questions)  # undated: no year to ask of


def test_a_target_pushed_back_from_one_year_to_another_asks_the_new_year(tmp_path):
    bank, _ = bank_of(tmp_path, "Tolley Motors' van arm has lost money in four of the last seven years and "
                                "was made to move its profit target from 2006 to 2008.")
    q = next(q for q in bank.questions if q.answer == 2008)
    assert q.prompt == "To what year was Tolley Motors' van arm made to move its profit target from 2006?"


def test_revenues_and_the_year_they_were_to_double_by_are_two_questions(tmp_path):
    bank, _ = bank_of(tmp_path, "Tolley Group makes board games such as Harbour Run. Its revenues were $2bn (£1.1bn) "
                                "in 2006, which Tolley Group hoped to double by 2011.")
    asked = {q.prompt: str(q.answer) for q in bank.questions}
    assert asked.get("How much were Tolley Group's revenues in 2006?") == "$2bn"
    # the whole name, both times
    assert asked.get("By what year did Tolley Group hope to double its revenues?") == "2011"


def test_a_doctors_job_is_not_asked_of_the_only_person_called_dr(tmp_path):
    bank, _ = bank_of(tmp_path, "Dr Ann Okafor replaced Helen Marsh as health minister. Dr Okafor, who was a GP in "
                                "Tolley before she was elected for Brindle, said staff wanted calm. Ms Marsh said "
                                "she was proud. Mr Powell said the wards were Dr Okafor's to run now. Owen Powell is "
                                "First Minister.")
    assert not any("GP" in q.prompt for q in bank.questions)


def test_a_veteran_is_a_description_asked_with_the_articles_own_a(tmp_path):
    bank, _ = bank_of(tmp_path, "Marco Bellini has replaced Karl Demm as chief executive of Veltro Vans. "
                                "Although Mr Bellini has never worked in the van trade, he has taken a bigger "
                                "part in the group. Mr Demm, a truck industry veteran, took charge in 2003 "
                                "after being hired by former Veltro chief executive Paolo Rossi. Mr Rossi "
                                "later quit.")
    q = next(q for q in bank.questions if "veteran" in q.prompt)
    assert q.prompt == "Who does the article describe as a truck industry veteran?"
    assert q.answer == "Karl Demm" and "Marco Bellini" in q.distractors


def test_the_weekday_a_named_person_did_something_is_asked_against_the_days_beside_it(tmp_path):
    # (who conceded, Corwin or Ashby, the story of two rivals tells: here the day is the question)
    bank, _ = bank_of(tmp_path, "Poll after poll before Tuesday's election showed a tight race. Mr Corwin conceded "
                                "defeat on Wednesday, giving up any hope of carrying Wessex. Senator Hal Corwin "
                                "attacked President Ned Ashby's record on farming during the campaign.")
    q = next(q for q in bank.questions if q.prompt.startswith("On which day"))
    assert q.prompt == "On which day did Mr Corwin concede defeat?"
    assert q.answer == "Wednesday" and set(q.distractors) == {"Tuesday", "Thursday", "Friday"}


def test_a_firm_the_noun_after_it_names_is_a_sure_wrong_answer(tmp_path):
    _, found = bank_of(tmp_path, _CARS)
    assert found.names.kind("Falco") == "org" and "Falco" in found.names.sure


def test_the_place_a_later_epithet_gives_a_person_is_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "Record company boss Dean Pollard has won an injunction barring R&B singer Danny "
                                "Dawson from putting out a new record. But the Swindon singer has failed to match "
                                "his early hits. The Tolley Rovers striker said he was upset.")
    q = next(q for q in bank.questions if q.answer == "Swindon")
    assert q.prompt == "According to the article, which city is singer Danny Dawson from?"
    assert q.answer == "Swindon" and len(q.distractors) == 3 and "Swindon" not in q.distractors
    assert len(q.cite.quotes) == 2 and "R&B singer Danny Dawson" in q.cite.quotes[0]
    assert not any("striker" in q.prompt for q in bank.questions)  # Tolley Rovers is a club; no one was a striker


def test_a_figure_comes_before_who_reported_it(tmp_path):
    bank, _ = bank_of(tmp_path, "The poll found gloom in most regions, said Mara Lindqvist. Prices will rise again, "
                                "says Ann Holt of Banca Ovest. Vietnam has seen three decades of rapid export "
                                "growth, which has created wealth on a vast scale, says the WTV's Jun Park.")
    vietnam = [q for q in bank.questions if "Vietnam" in str(q.answer) or "Vietnam" in q.prompt]
    assert len(vietnam) == 1 and vietnam[0].prompt == FACT_CHECK_PROMPT and "three decades" in vietnam[0].answer
