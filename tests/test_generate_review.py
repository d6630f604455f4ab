"""What an independent reading of the dev banks rejected, on short made-up texts: questions that
lean on context, distractors that cannot be wrong or cannot be right, the same figure twice."""

from __future__ import annotations

import pytest

from quizapp.generate.questions import FACT_CHECK_PROMPT
from tests.test_generate_stems import bank_of

CARMAKER = """Veltro has named Anna Berg as chief executive of Veltro Motors, with Mr Karl Demm leaving the company.

Ms Berg was hired by former Veltro chairman Paolo Rossi in the weeks after the death of president Aldo Fina.

The car business, famous for its Stella coupe, is forecast to lose about 600m euros in 2004.

Its racing arm may be listed on the Milan exchange in either 2006 or 2007.

Phone fraud in Italy totalled £318.6m in 2003. Within this, fraud by text message totalled £27m, regulators say.

Roughly two thirds - 66% - of the 1,500 drivers questioned said they liked the new model.

President Marco Lupi attacked the record of Veltro during his campaign.

"The market likes a clear plan," said Gina Sala, chief economist at Banca Ovest.

Ms Sala expects sales of the Stella to recover in the spring.

Senator Lupi was speaking in Rome. Mr Lupi said Veltro had cut 3,000 jobs."""


@pytest.fixture(scope="module")
def carmaker(tmp_path_factory):  # type: ignore[no-untyped-def]
    bank, _ = bank_of(tmp_path_factory.mktemp("carmaker"), CARMAKER)
    return bank.questions


def _all_text(q) -> str:  # type: ignore[no-untyped-def]
    return " ".join([q.prompt, str(q.answer), *getattr(q, "distractors", [])])


def test_a_figure_inside_this_or_the_business_is_asked_only_after_the_sentence_before(carmaker):
    """'Within this, fraud by text message totalled £27m': within what? 'The car business': whose? Only
    as a gap shown after the sentence before it, which says."""
    assert any("text message" in _all_text(q) for q in carmaker)  # asked, and so checked below
    for q in carmaker:
        if "text message" in _all_text(q):
            assert q.prompt.startswith("Phone fraud in Italy totalled £318.6m in 2003. Within this, fraud by text")
        if "car business" in _all_text(q):
            assert q.prompt.startswith("Ms Berg was hired by former Veltro chairman")


def test_one_end_of_either_or_and_a_figure_a_fraction_already_gives_are_not_varied(carmaker):
    checks = [q for q in carmaker if q.prompt == FACT_CHECK_PROMPT]
    assert not any("either" in d for q in checks for d in q.distractors)
    assert not any("two thirds" in d and "- 66% -" not in d for q in checks for d in q.distractors)


def test_the_dead_and_the_politicians_are_no_stand_ins_for_an_economist(carmaker):
    role = next(q for q in carmaker if q.prompt == "Who does the article describe as the chief economist at "
                                                 "Banca Ovest?")
    assert role.answer == "Gina Sala" and role.distractors
    assert "Marco Lupi" not in role.distractors  # "President Lupi" and "Senator Lupi" hold office
    assert not any("Aldo Fina" in q.distractors for q in carmaker if hasattr(q, "distractors"))


def test_a_stem_that_names_the_answers_campaign_is_not_asked(carmaker):
    assert not any("his campaign" in q.prompt for q in carmaker)


def test_money_takes_distractors_in_its_own_currency(carmaker):
    q = next(q for q in carmaker if q.prompt == "How much did phone fraud in Italy total in 2003?")
    assert q.answer == "£318.6m"
    assert all(d.startswith("£") and d != "£600.0m" for d in q.distractors)  # not the 600m euros


def test_the_same_figure_is_asked_once(tmp_path):
    bank, _ = bank_of(tmp_path, "Nearly 15,000 people in 18 regions were interviewed for the Tolley Institute "
                                "survey, which was mostly carried out in March. Most said rents had risen. The Tolley "
                                "Institute survey of 14,968 people was run by the research firm Globex.")
    about_people = [q for q in bank.questions if "15,000" in _all_text(q) or "14,968" in _all_text(q)
                    or getattr(q, "answer", None) in (15000, 14968)]
    assert len(about_people) == 1


def test_a_year_looked_back_on_is_not_varied_past_the_articles_time(tmp_path):
    bank, _ = bank_of(tmp_path, "Card fraud in Wales peaked at a record level in 2005, figures from Tolley Bank show. "
                                "The bank opened its first branch in Cardiff in 1998.")
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT and "2005" in q.answer)
    years = [int(d.split("level in ")[1][:4]) for d in check.distractors]
    assert len(years) >= 2 and all(y < 2005 for y in years)


def test_a_year_since_which_something_grew_is_not_varied(tmp_path):
    """'has climbed since 2006': it has most likely climbed since 2004 as well, so that is no lie."""
    bank, _ = bank_of(tmp_path, "Bike theft in Wessex has climbed since the start of 2006, the insurer says. "
                                "The insurer opened its first office in Brindle in 1998.")
    assert not any("since the start of" in d for q in bank.questions for d in getattr(q, "distractors", ()))


def test_an_annual_figure_for_last_year_is_not_asked_without_its_year(tmp_path):
    bank, _ = bank_of(tmp_path, "Last year 162,000 travellers were screened for measles at Tolley's two ferry "
                                "ports. An attack killed 30 soldiers earlier this month in the Gao region.")
    assert not any("162,000" in _all_text(q) or getattr(q, "answer", None) == 162000 for q in bank.questions)
    assert any(getattr(q, "answer", None) == 30 for q in bank.questions)  # an event keeps its question


COUNCIL = """Dr Ann Price said she knew the queues at the clinics were far too long.

First Minister Owen Powell told Radio Tolley he had promised Ms Price that the queues would come first.

Mr Tom Reeve said the new cabinet was a gimmick. Mr Reeve has led the Green group since 2001.

Ms Price praised the work of nurses in Brindle. Mr Powell opened a clinic in Wessex.

Ms Helen Marsh said the bus service in Wessex was improving. Ms Marsh left the cabinet in January.

Mr Reeve conceded defeat on Thursday, abandoning any hope of winning the seat."""


@pytest.fixture(scope="module")
def council(tmp_path_factory):  # type: ignore[no-untyped-def]
    bank, _ = bank_of(tmp_path_factory.mktemp("council"), COUNCIL)
    return {q.prompt: q for q in bank.questions}


def test_who_said_she_has_no_man_among_its_options(council):
    q = council["Who said she knew the queues at the clinics were far too long?"]
    assert q.answer == "Ann Price" and q.distractors == ["Helen Marsh"]  # not Mr Powell, not Mr Reeve


def test_who_told_keeps_whom_they_told(council):
    q = council["Who told Radio Tolley he had promised Ms Price that the queues would come first?"]
    assert q.answer == "Owen Powell" and "Ann Price" not in q.distractors


def test_a_short_deed_keeps_the_participle_that_says_what_it_was(council):
    q = council["Who conceded defeat, abandoning any hope of winning the seat?"]
    assert q.answer == "Tom Reeve"


def test_what_the_headline_names_is_not_asked_as_which_organisation(tmp_path):
    body = ("Tolley Motors lost ground to its rivals in Europe last year. Brindle Corp has paid Tolley Motors $3bn. "
            "Nintaro Corp sold more vans than ever. Tolley Vans made a loss again. Nintaro Corp opened a museum in "
            "Modena.")
    bank, _ = bank_of(tmp_path, body, title="Tolley Motors boss takes the wheel")
    assert not any(q.answer == "Tolley Motors" for q in bank.questions if q.prompt != FACT_CHECK_PROMPT)
    bank, _ = bank_of(tmp_path, body, title="Van makers in Europe")
    assert any(q.answer == "Tolley Motors" for q in bank.questions if q.prompt != FACT_CHECK_PROMPT)


def test_one_appointment_is_asked_once(tmp_path):
    bank, _ = bank_of(tmp_path, "Marco Bellini has replaced Karl Demm as chief executive of Veltro Motors. "
                                "Mr Demm, a veteran of the truck trade, was hired by Paolo Rossi in 2003. "
                                "Mr Bellini said: \"I chose to step in as chief executive of the motors arm "
                                "myself so that its turnaround comes sooner.\" Mr Rossi "
                                "made a bid to become chairman. Mr Demm left Turin.")
    about_the_post = [q for q in bank.questions if "chief executive" in q.prompt]
    assert len(about_the_post) == 1


def test_he_said_after_a_quote_that_went_on_is_still_its_speaker(tmp_path):
    bank, _ = bank_of(tmp_path, "Piet Varga predicted that handhelds would soon move players to tears. "
                                "\"It's the small things, a look or a smile, that carry a mood. "
                                "\"With the new handheld, we can give each hero far more detail than ever "
                                "before,\" he said. Lena Ostrow said the firm would sign more pop stars. Ms Ostrow "
                                "spoke in London.")
    q = next(q for q in bank.questions if "far more detail" in q.prompt)
    assert q.answer == "Piet Varga" and q.distractors == ["Lena Ostrow"]
    assert q.cite.quote[0].startswith("Piet Varga predicted")  # the sentence that names him


ELECTION = """Senator Hal Corwin conceded defeat on Thursday, abandoning any hope of carrying Wessex.

President Ned Ashby thanked voters in Tolley. Mr Ashby promised to cut the deficit.

"Traders like a clear winner," said Piet Varga, an economist at Nintaro Capital. Mr Varga expects shares to rise.

"The rally will fade by Friday," said Lena Ostrow, who runs a fund. Ms Ostrow is cautious.

Mr Corwin said he would keep fighting for farmers in every county. Mr Corwin flew to Denver."""


def test_who_did_what_a_candidate_does_is_asked_among_candidates(tmp_path):
    bank, _ = bank_of(tmp_path, ELECTION)
    q = next(q for q in bank.questions if q.prompt.startswith("Who conceded defeat"))
    assert q.answer == "Hal Corwin" and q.distractors == ["Ned Ashby"]  # not the two market analysts


def test_one_speaker_making_one_point_twice_is_asked_once(tmp_path):
    bank, _ = bank_of(tmp_path, "But Dawson swore to defy the ruling, saying \"no judge is going to halt my "
                                "record\". Dean Pollard runs a label in Leeds. Mr Pollard said: \"I am upset by "
                                "how this has gone.\" Dawson said: \"No ruling or judge will halt the record.\"")
    about_judges = [q for q in bank.questions if "judge" in q.prompt]
    assert len(about_judges) == 1 and about_judges[0].answer == "Dawson"


def test_a_statement_about_the_settlement_or_respondents_says_of_what(tmp_path):
    bank, _ = bank_of(tmp_path, "Wessex parishes get an average grant rise of 4%, says the county. "
                                "The £1.8bn settlement includes £5.2m from the lottery fund. An average of 38% of "
                                "respondents in each country said rents were too high. Both candidates "
                                "pledged to bring the $310bn deficit under control. Nearly 70% of the 1,500 "
                                "people interviewed said they used the new bus pass.")
    shown = " ".join(str(q.answer) for q in bank.questions)
    for context_needed in ("settlement", "respondents", "Both candidates", "people interviewed"):
        assert context_needed not in shown


def test_the_poll_with_a_side_remark_is_the_poll_named_before(tmp_path):
    bank, _ = bank_of(tmp_path, "Residents in most countries surveyed in a Tolley Institute poll think public "
                                "services are getting worse. Nearly 15,000 people in 18 countries were interviewed for "
                                "the poll, which was mostly carried out before the floods.")
    check = next(q for q in bank.questions if "15,000" in str(q.answer))
    assert "interviewed for the Tolley Institute poll, which was" in check.answer
    assert len(check.cite.quote) == 2


def test_the_dead_are_no_stand_ins_for_the_living(tmp_path):
    bank, _ = bank_of(tmp_path, "President Emmanuel Macron praised the soldiers. Malian President Ibrahim Keita "
                                "thanked France. Mercenaries once loyal to Libyan leader Moammar Gaddafi returned "
                                "to Mali after his 2011 overthrow and death. The group's leader, Abu Bakr "
                                "al-Baghdadi, killed himself in Syria. Mr Macron spoke in Paris on Tuesday. "
                                "Mr Keita visited Gao on Monday.")
    people = {d for q in bank.questions for d in getattr(q, "distractors", ())}
    assert "Ibrahim Keita" in people or "Emmanuel Macron" in people
    assert not {"Moammar Gaddafi", "Abu Bakr al-Baghdadi"} & people


def test_a_bare_share_leans_on_the_survey_named_before_and_says_so(tmp_path):
    bank, _ = bank_of(tmp_path, "Residents in most countries surveyed in a Tolley Institute poll think public "
                                "services are getting worse. Likewise, 52% were worried about their local "
                                "hospital, while 37% were confident.")
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT)
    assert check.answer == ("In the Tolley Institute poll, 52% were worried about their local hospital, "
                            "while 37% were confident.")
    assert all(d.startswith("In the Tolley Institute poll, ") for d in check.distractors)
    assert len(check.cite.quote) == 2  # the sentence naming the poll proves whose 52% it is


def test_when_asked_leans_on_the_survey_named_before(tmp_path):
    bank, _ = bank_of(tmp_path, "Residents in most countries surveyed in a Tolley Institute poll think public "
                                "services are getting worse. But when asked about their own street's safety, "
                                "a majority in 11 countries said they felt secure at night. Those "
                                "surveyed in four countries were divided.")
    answers = {q.answer for q in bank.questions if q.prompt == FACT_CHECK_PROMPT}
    assert not any("those surveyed" in a for a in answers)  # divided on what, the sentence does not say
    assert ("In the Tolley Institute poll, when asked about their own street's safety, a majority in "
            "11 countries said they felt secure at night.") in answers


def test_a_bare_share_with_no_survey_named_is_not_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "Commuters have got used to the new timetable. Likewise, 52% were worried "
                                "about their local hospital, while 37% were confident.")
    assert not any("52%" in str(q.answer) for q in bank.questions)


def test_the_director_of_an_institute_the_story_keeps_naming_is_worth_asking(tmp_path):
    bank, _ = bank_of(tmp_path, "The poll was run by the Office for Regional Opinion (Oro). "
                                "\"People feel their towns are in decline,\" said Oro director Mara Lindqvist. "
                                "Oro carried out the poll in 18 countries. \"It is a bleak picture,\" said Ann "
                                "Lim, an economist at Westbank. Markets were calm.")
    q = next(q for q in bank.questions if q.prompt == "Who does the article describe as the Office for "
             "Regional Opinion director?")
    assert q.answer == "Mara Lindqvist" and q.distractors == ["Ann Lim"]
    assert not any("economist at Westbank" in q.prompt for q in bank.questions)  # Westbank is named once


def test_a_vice_president_of_sales_holds_a_business_role(tmp_path):
    bank, _ = bank_of(tmp_path, "Piet Varga, Nintaro's managing director for Europe, said games would "
                                "grow. Mr Varga spoke in London. Lena Ostrow, Nintaro's vice president of sales for "
                                "Asia, said stars would help. Ms Ostrow named Dane Colby and "
                                "Mira Sol as examples.")
    q = next(q for q in bank.questions if "managing director" in q.prompt)
    assert q.answer == "Piet Varga" and q.distractors == ["Lena Ostrow"]  # not the pop stars


def test_the_other_person_of_a_sentence_described_as_something_else_is_a_fair_wrong_role(tmp_path):
    bank, _ = bank_of(tmp_path, "Record company boss Dean Pollard has won a court order barring jazz "
                                "singer Danny Dawson from putting out a new record. Mr Pollard said he was sad. "
                                "Dawson vowed to release the record on Friday. Lawyer Jane Hill said the case would "
                                "be heard in the High Court. Ms Hill works in Leeds.")
    q = next(q for q in bank.questions if q.prompt.startswith("Who does the article describe as the record"))
    assert q.answer == "Dean Pollard" and "Danny Dawson" in q.distractors


def test_a_year_is_not_asked_when_the_figure_is_the_fact(tmp_path):
    bank, _ = bank_of(tmp_path, "Tolley Group makes board games such as Harbour Run. Its profits were $2bn in 2006, "
                                "which Tolley Group hoped to treble by 2011. Tolley Group sold its first game in 1979.")
    prompts = [q.prompt for q in bank.questions]
    assert not any(p.startswith("In what year") and "$2bn" in p for p in prompts)
    assert "In what year did Tolley Group sell its first game?" in prompts


def test_a_figure_added_to_what_came_before_is_not_a_statement(tmp_path):
    bank, _ = bank_of(tmp_path, "The deal gives parishes more money. In addition, £13.4m will come from the "
                                "rural bus fund - a scheme which helps villages keep their evening buses.")
    assert not any("13.4m" in str(q.answer) for q in bank.questions)


def test_that_election_is_the_one_the_sentence_before_named(tmp_path):
    bank, _ = bank_of(tmp_path, "Traders feared a rerun of the bitter recount that followed the 1998 election. "
                                "The Tolley index shed 4% of its value in the month straight after that election.")
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT and "Tolley" in q.answer)
    assert check.answer == "The Tolley index shed 4% of its value in the month straight after the 1998 election."
    assert len(check.cite.quote) == 2


def test_a_statement_and_a_question_on_one_sentence_do_not_show_each_other(tmp_path):
    bank, _ = bank_of(tmp_path, "Mali, which is about twice the size of Texas, is considered the epicenter of West "
                                "Africa's struggle against terrorism. Niger and Burkina Faso also face attacks. "
                                "France has troops in Mali and Niger.")
    on_texas = [q for q in bank.questions if "Texas" in " ".join(q.cite.quotes)]
    assert len(on_texas) == 1  # the statement spells out Mali, the answer to "Which country ...?"


def test_the_role_of_a_dead_leader_is_background_not_a_question(tmp_path):
    bank, _ = bank_of(tmp_path, "President Emmanuel Macron praised the soldiers. Mr Macron spoke in Paris. "
                                "Mercenaries once loyal to Libyan leader Moammar Gaddafi returned to Mali after "
                                "his 2011 overthrow and death. Malian President Ibrahim Keita thanked France. "
                                "Mr Keita visited Gao.")
    assert not any("Libyan leader" in q.prompt for q in bank.questions)


def test_a_sum_and_its_conversion_are_varied_as_one(tmp_path):
    bank, _ = bank_of(tmp_path, "Veltro sells vans. Veltro expects a loss of 500m euros ($640m) in 2006 as it leaves "
                                "the taxi market.")
    checks = [q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT]
    assert len(checks) == 1  # one statement per sentence: two would each show the other's figure
    assert "($" not in " ".join([checks[0].answer, *checks[0].distractors])


def test_a_quote_naming_what_only_its_speaker_is_said_to_be_is_not_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "Test cricketer and record company boss Dean Pollard has won a court order barring "
                                "jazz singer Danny Dawson from putting out a new record. Mr Pollard said: \"I gave "
                                "years of my life to cricket but always saw my future in music.\" Dawson said: \"The "
                                "order is absurd and unfair to me.\" Lawyer Jane Hill said: \"The case will be heard "
                                "soon.\" Ms Hill works in Leeds.")
    assert not any("my life to cricket" in q.prompt for q in bank.questions)
    assert any("absurd" in q.prompt for q in bank.questions)


def test_eight_of_the_countries_a_survey_polled_is_a_count_said_with_the_survey(tmp_path):
    bank, _ = bank_of(tmp_path, "Residents in most countries surveyed in a Tolley Institute poll think public "
                                "services are getting worse. In nine of the countries, most people said their own "
                                "family was doing well.")
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT)
    assert check.answer.startswith("In the Tolley Institute poll, in nine of the countries")


def test_how_a_poll_was_done_is_fine_print_not_a_statement(tmp_path):
    bank, _ = bank_of(tmp_path, "Residents in most countries surveyed in a Tolley Institute poll think public "
                                "services are getting worse. In six of the countries, the sample was restricted "
                                "to large cities. Nearly three quarters - 74% - of the 1,500 people interviewed "
                                "said they had used the new bus pass.")
    assert not any(q.prompt == FACT_CHECK_PROMPT and ("six" in q.answer or "1,500" in q.answer)
                   for q in bank.questions)


@pytest.mark.parametrize("sentence", [
    "Fewer than half of Wessex voters back the new road, the Tolley Institute survey of 1,020 adults suggests.",
    "Many Wessex shoppers would pay more for food grown nearby, a Tolley Gazette poll of 2,000 adults found.",
])
def test_how_many_a_poll_asked_is_fine_print_not_a_question(tmp_path, sentence):
    bank, _ = bank_of(tmp_path, f"{sentence} The council will vote on the plan in May.")
    asked = [f"{q.prompt} {q.answer}" for q in bank.questions]
    assert not any(n in text for text in asked for n in ("1,020", "2,000")), asked


def test_a_resolved_its_passes_the_answer_in_cited_text_check(tmp_path):
    from quizapp.generate.report import build_report

    article = tmp_path / "tolley.txt"
    article.write_text("Tolley Group\n\nTolley Group makes board games such as Harbour Run. Its new card game went "
                       "on sale on 12 March.\n", encoding="utf-8")
    [report] = build_report([article], min_confidence=0)
    assert any(q.prompt == FACT_CHECK_PROMPT for q in report.questions) and not report.failures
