"""What an independent reading of the dev banks rejected, on short made-up texts: questions that
lean on context, distractors that cannot be wrong or cannot be right, the same figure twice."""

from __future__ import annotations

import pytest

from quizapp.generate.questions import FACT_CHECK_PROMPT
from tests.test_generate_stems import bank_of

CARMAKER = """Veltro has named Anna Berg as chief executive of Veltro Motors, with Mr Karl Demm leaving the company.

Ms Berg was recruited by former Veltro chairman Paolo Rossi after the death of president Umberto Fina.

The car business, best known for its Stella marque, is expected to make a loss of about 600m euros in 2004.

Its racing arm could be floated on the stock market in either 2006 or 2007.

Card fraud in Italy totalled £402.4m in 2003. Within this, internet fraud totalled £43m, figures show.

Nearly two thirds - 65% - of the 1,000 drivers interviewed said they liked the new model.

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
    """'Within this, internet fraud totalled £43m': within what? 'The car business': whose? Only as a
    gap shown after the sentence before it, which says."""
    for q in carmaker:
        if "internet fraud" in _all_text(q):
            assert q.prompt.startswith("Card fraud in Italy totalled £402.4m in 2003. Within this, internet fraud")
        if "car business" in _all_text(q):
            assert q.prompt.startswith("Ms Berg was recruited by former Veltro chairman")


def test_one_end_of_either_or_and_a_figure_a_fraction_already_gives_are_not_varied(carmaker):
    checks = [q for q in carmaker if q.prompt == FACT_CHECK_PROMPT]
    assert not any("either" in d for q in checks for d in q.distractors)
    assert not any("two thirds" in d and "- 65% -" not in d for q in checks for d in q.distractors)


def test_the_dead_and_the_politicians_are_no_stand_ins_for_an_economist(carmaker):
    role = next(q for q in carmaker if q.prompt == "Who does the article describe as the chief economist at "
                                                 "Banca Ovest?")
    assert role.answer == "Gina Sala" and role.distractors
    assert "Marco Lupi" not in role.distractors  # "President Lupi" and "Senator Lupi" hold office
    assert not any("Umberto Fina" in q.distractors for q in carmaker if hasattr(q, "distractors"))


def test_a_stem_that_names_the_answers_campaign_is_not_asked(carmaker):
    assert not any("his campaign" in q.prompt for q in carmaker)


def test_money_takes_distractors_in_its_own_currency(carmaker):
    q = next(q for q in carmaker if q.prompt == "How much did card fraud in Italy total in 2003?")
    assert q.answer == "£402.4m"
    assert all(d.startswith("£") and d != "£600.0m" for d in q.distractors)  # not the 600m euros


def test_the_same_figure_is_asked_once(tmp_path):
    bank, _ = bank_of(tmp_path, "Almost 23,000 people in 22 countries were questioned for the BBC World Service "
                                "poll, which was mostly conducted in December. Most said prices had risen. The BBC "
                                "World Service poll of 22,953 people was conducted by the polling firm Globex.")
    about_people = [q for q in bank.questions if "23,000" in _all_text(q) or "22,953" in _all_text(q)
                    or getattr(q, "answer", None) in (23000, 22953)]
    assert len(about_people) == 1


def test_a_year_looked_back_on_is_not_varied_past_the_articles_time(tmp_path):
    bank, _ = bank_of(tmp_path, "Card fraud in Wales peaked at a record level in 2005, figures from Tolley Bank show. "
                                "The bank opened its first branch in Cardiff in 1998.")
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT and "2005" in q.answer)
    years = [int(d.split("level in ")[1][:4]) for d in check.distractors]
    assert len(years) >= 2 and all(y < 2005 for y in years)


def test_a_year_since_which_something_grew_is_not_varied(tmp_path):
    """'has risen since 2005': it has most likely risen since 2003 as well, so that is no lie."""
    bank, _ = bank_of(tmp_path, "Phone fraud in Wales has risen since the start of 2005, the bank says. "
                                "The bank opened its first branch in Cardiff in 1998.")
    assert not any("since the start of" in d for q in bank.questions for d in getattr(q, "distractors", ()))


def test_an_annual_figure_for_last_year_is_not_asked_without_its_year(tmp_path):
    bank, _ = bank_of(tmp_path, "Last year 185,000 people were tested for TB at Heathrow and Gatwick airports. "
                                "An attack killed 30 soldiers earlier this month in the Gao region.")
    assert not any("185,000" in _all_text(q) or getattr(q, "answer", None) == 185000 for q in bank.questions)
    assert any(getattr(q, "answer", None) == 30 for q in bank.questions)  # an event keeps its question


COUNCIL = """Dr Ann Price said she accepted there was a problem with waiting lists.

First Minister Rhodri Morgan told BBC Wales he had agreed with Ms Price that the lists would come first.

Mr Tom Reeve said the reshuffle was a stunt. Mr Reeve has led the Plaid group since 2001.

Ms Price praised the work of nurses in Cardiff. Mr Morgan opened a clinic in Bangor.

Ms Jane Hutt said the health service in Wales was improving. Ms Hutt left the cabinet in January.

Mr Reeve conceded defeat on Wednesday, abandoning last-ditch hopes of winning the seat."""


@pytest.fixture(scope="module")
def council(tmp_path_factory):  # type: ignore[no-untyped-def]
    bank, _ = bank_of(tmp_path_factory.mktemp("council"), COUNCIL)
    return {q.prompt: q for q in bank.questions}


def test_who_said_she_has_no_man_among_its_options(council):
    q = council["Who said she accepted there was a problem with waiting lists?"]
    assert q.answer == "Ann Price" and q.distractors == ["Jane Hutt"]  # not Mr Morgan, not Mr Reeve


def test_who_told_keeps_whom_they_told(council):
    q = council["Who told BBC Wales he had agreed with Ms Price that the lists would come first?"]
    assert q.answer == "Rhodri Morgan" and "Ann Price" not in q.distractors


def test_a_short_deed_keeps_the_participle_that_says_what_it_was(council):
    q = council["Who conceded defeat, abandoning last-ditch hopes of winning the seat?"]
    assert q.answer == "Tom Reeve"


def test_what_the_headline_names_is_not_asked_as_which_organisation(tmp_path):
    body = ("Fiat underperformed the market in Europe, seeing flat sales. General Motors has paid Fiat $2bn. "
            "Ferrari sold more cars than ever. Fiat Auto made a loss again. Ferrari opened a museum in Maranello.")
    bank, _ = bank_of(tmp_path, body, title="Fiat chief takes steering wheel")
    assert not any(q.answer == "Fiat" for q in bank.questions if q.prompt != FACT_CHECK_PROMPT)
    bank, _ = bank_of(tmp_path, body, title="Carmakers in Europe")
    assert any(q.answer == "Fiat" for q in bank.questions if q.prompt != FACT_CHECK_PROMPT)


def test_one_appointment_is_asked_once(tmp_path):
    bank, _ = bank_of(tmp_path, "Sergio Marchionne has replaced Herbert Demel as chief executive of Fiat Auto. "
                                "Mr Demel, a car industry veteran, was hired by Giuseppe Morchio in 2003. "
                                "Mr Marchionne said: \"I have made the decision to take on the post of chief "
                                "executive of the auto unit to speed up the company's recovery.\" Mr Morchio "
                                "made a bid to become chairman. Mr Demel left Turin.")
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


ELECTION = """Senator John Kerry conceded defeat on Wednesday, abandoning last-ditch hopes of carrying Ohio.

President George Bush thanked voters in Texas. Mr Bush promised to cut the deficit.

"Markets like a clear result," said Ken Mayland, an economist at Clearview. Mr Mayland expects shares to rise.

"The rally is a one-day event," said Tim Ghriskey, who runs a fund. Mr Ghriskey is cautious.

Mr Kerry said he would keep fighting for working families in every state. Mr Kerry flew to Boston."""


def test_who_did_what_a_candidate_does_is_asked_among_candidates(tmp_path):
    bank, _ = bank_of(tmp_path, ELECTION)
    q = next(q for q in bank.questions if q.prompt.startswith("Who conceded defeat"))
    assert q.answer == "John Kerry" and q.distractors == ["George Bush"]  # not the two market analysts


def test_one_speaker_making_one_point_twice_is_asked_once(tmp_path):
    bank, _ = bank_of(tmp_path, "But Morrison vowed to ignore the order, saying \"no judge is gonna stop me\". "
                                "Kevin Campbell runs a label in Leeds. Mr Campbell said: \"I am gutted by what "
                                "has happened.\" Morrison said: \"No injunction or judge will stop it.\"")
    about_judges = [q for q in bank.questions if "judge" in q.prompt]
    assert len(about_judges) == 1 and about_judges[0].answer == "Morrison"


def test_a_statement_about_the_settlement_or_respondents_says_of_what(tmp_path):
    bank, _ = bank_of(tmp_path, "Welsh councils get an average funding increase of 6%, says the assembly. "
                                "The £3.2bn settlement includes £7.4m from the UK Treasury. An average of 44% of "
                                "respondents in each country said the economy was getting worse. Both candidates "
                                "pledged to bring the $422bn deficit under control. Nearly 65% of the 1,000 "
                                "people interviewed said they used chip and pin.")
    shown = " ".join(str(q.answer) for q in bank.questions)
    for context_needed in ("settlement", "respondents", "Both candidates", "people interviewed"):
        assert context_needed not in shown


def test_the_poll_with_a_side_remark_is_the_poll_named_before(tmp_path):
    bank, _ = bank_of(tmp_path, "Citizens in most nations surveyed in a BBC World Service poll believe the world "
                                "economy is worsening. Almost 23,000 people in 22 countries were questioned for "
                                "the poll, which was mostly conducted before the tsunami.")
    check = next(q for q in bank.questions if "23,000" in str(q.answer))
    assert "questioned for the BBC World Service poll, which was" in check.answer
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
    bank, _ = bank_of(tmp_path, "Citizens in most nations surveyed in a BBC World Service poll believe the world "
                                "economy is worsening. Similarly, 48% were pessimistic about their national "
                                "economy, while 41% were optimistic.")
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT)
    assert check.answer == ("In the BBC World Service poll, 48% were pessimistic about their national economy, "
                            "while 41% were optimistic.")
    assert all(d.startswith("In the BBC World Service poll, ") for d in check.distractors)
    assert len(check.cite.quote) == 2  # the sentence naming the poll proves whose 48% it is


def test_when_asked_leans_on_the_survey_named_before(tmp_path):
    bank, _ = bank_of(tmp_path, "Citizens in most nations surveyed in a BBC World Service poll believe the world "
                                "economy is worsening. But when asked about their own family's financial outlook, "
                                "a majority in 14 countries said they were positive about the future. Those "
                                "surveyed in three countries were split.")
    answers = {q.answer for q in bank.questions if q.prompt == FACT_CHECK_PROMPT}
    assert not any("those surveyed" in a for a in answers)  # split on what, the sentence does not say
    assert ("In the BBC World Service poll, when asked about their own family's financial outlook, a majority in "
            "14 countries said they were positive about the future.") in answers


def test_a_bare_share_with_no_survey_named_is_not_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "Shoppers have adapted easily to the new cards. Similarly, 48% were pessimistic "
                                "about their national economy, while 41% were optimistic.")
    assert not any("48%" in str(q.answer) for q in bank.questions)


def test_the_director_of_an_institute_the_story_keeps_naming_is_worth_asking(tmp_path):
    bank, _ = bank_of(tmp_path, "The poll was run by the Program on International Policy Attitudes (Pipa). "
                                "\"People feel the world is getting worse,\" said Pipa director Steven Kull. Pipa "
                                "conducted the poll in 22 countries. \"It is a gloomy picture,\" said Ann Lim, an "
                                "economist at Westbank. Markets were calm.")
    q = next(q for q in bank.questions if q.prompt == "Who does the article describe as the Program on "
             "International Policy Attitudes director?")
    assert q.answer == "Steven Kull" and q.distractors == ["Ann Lim"]
    assert not any("economist at Westbank" in q.prompt for q in bank.questions)  # Westbank is named once


def test_a_vice_president_of_sales_holds_a_business_role(tmp_path):
    bank, _ = bank_of(tmp_path, "Piet Varga, Nintaro's managing director for Europe, said games would "
                                "grow. Mr Varga spoke in London. Lena Ostrow, Nintaro's vice president of sales and "
                                "marketing in Europe, said stars would help. Ms Ostrow named Dane Colby and "
                                "Mira Sol as examples.")
    q = next(q for q in bank.questions if "managing director" in q.prompt)
    assert q.answer == "Piet Varga" and q.distractors == ["Lena Ostrow"]  # not the pop stars


def test_the_other_person_of_a_sentence_described_as_something_else_is_a_fair_wrong_role(tmp_path):
    bank, _ = bank_of(tmp_path, "Record company boss Kevin Campbell has gained a court injunction stopping R&B "
                                "singer Mark Morrison from releasing an album. Mr Campbell said he was sad. Morrison "
                                "vowed to release the album on Monday. Lawyer Jane Hill said the case would be heard "
                                "in the High Court. Ms Hill works in Leeds.")
    q = next(q for q in bank.questions if q.prompt.startswith("Who does the article describe as the record"))
    assert q.answer == "Kevin Campbell" and "Mark Morrison" in q.distractors


def test_a_year_is_not_asked_when_the_figure_is_the_fact(tmp_path):
    bank, _ = bank_of(tmp_path, "EA publishes games such as Fifa. Its revenues were $3bn in 2004, which EA hoped "
                                "to double by 2009. EA launched its first game in 1983.")
    prompts = [q.prompt for q in bank.questions]
    assert not any(p.startswith("In what year") and "$3bn" in p for p in prompts)
    assert "In what year did EA launch its first game?" in prompts


def test_a_figure_added_to_what_came_before_is_not_a_statement(tmp_path):
    bank, _ = bank_of(tmp_path, "The settlement gives councils more money. In addition, £13.4m will come from the "
                                "business support grant - a scheme which lets local authorities keep business rates.")
    assert not any("13.4m" in str(q.answer) for q in bank.questions)


def test_that_election_is_the_one_the_sentence_before_named(tmp_path):
    bank, _ = bank_of(tmp_path, "Investors feared a repeat of the legal wrangling that marred the 2000 election. "
                                "The Dow lost 5% of its value in the three weeks immediately after that election.")
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT and "Dow" in q.answer)
    assert check.answer == "The Dow lost 5% of its value in the three weeks immediately after the 2000 election."
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
    bank, _ = bank_of(tmp_path, "Fiat sells cars. Fiat expects a loss of 800m euros ($1bn) in 2004 as it exits "
                                "unprofitable areas.")
    checks = [q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT]
    assert len(checks) == 1  # one statement per sentence: two would each show the other's figure
    assert "($" not in " ".join([checks[0].answer, *checks[0].distractors])


def test_a_quote_naming_what_only_its_speaker_is_said_to_be_is_not_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "Premiership footballer and record company boss Kevin Campbell has gained an "
                                "injunction stopping R&B singer Mark Morrison from releasing an album. Mr Campbell "
                                "said: \"I've worked hard to realise my ambition in football but hoped my future "
                                "would be in music.\" Morrison said: \"The injunction is ludicrous and unfair to me.\" "
                                "Lawyer Jane Hill said: \"The case will be heard soon.\" Ms Hill works in Leeds.")
    assert not any("ambition in football" in q.prompt for q in bank.questions)
    assert any("ludicrous" in q.prompt for q in bank.questions)


def test_eight_of_the_countries_a_survey_polled_is_a_count_said_with_the_survey(tmp_path):
    bank, _ = bank_of(tmp_path, "Citizens in most nations surveyed in a BBC World Service poll believe the world "
                                "economy is worsening. In eight of the countries, most people said their own "
                                "family was doing well.")
    check = next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT)
    assert check.answer.startswith("In the BBC World Service poll, in eight of the countries")


def test_how_a_poll_was_done_is_fine_print_not_a_statement(tmp_path):
    bank, _ = bank_of(tmp_path, "Citizens in most nations surveyed in a BBC World Service poll believe the world "
                                "economy is worsening. In eight of the countries, the sample was limited to major "
                                "metropolitan areas. Nearly two thirds - 65% - of the 1,000 people interviewed said "
                                "they had used chip and pin.")
    assert not any(q.prompt == FACT_CHECK_PROMPT and ("eight" in q.answer or "1,000" in q.answer)
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

    article = tmp_path / "ea.txt"
    article.write_text("EA\n\nEA publishes games such as Fifa. Its new console game went on sale on 20 December.\n",
                       encoding="utf-8")
    [report] = build_report([article], min_confidence=0)
    assert any(q.prompt == FACT_CHECK_PROMPT for q in report.questions) and not report.failures
