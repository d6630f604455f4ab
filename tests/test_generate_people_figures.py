"""Questions a fourth reading of the dev banks asked for, on short made-up texts: the second
figure of a gapped list, what a lone speaker is, a party's warning, fewer "Who said" questions
about one person, and wrong figures that keep to what the sentence says around them."""

from __future__ import annotations

import re

from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.generate.api import generate_with_facts
from quizapp.generate.questions import FACT_CHECK_PROMPT
from tests.test_generate_stems import bank_of


def _figures(text: str, before: str) -> float:
    """The figure written just before `before` ("52%" before "% were worried")."""
    m = re.search(rf"([\d,.]+){re.escape(before)}", text)
    assert m, (text, before)
    return float(m.group(1).replace(",", ""))


def test_the_second_count_of_a_gapped_list_is_asked_with_its_own_place(tmp_path):
    bank, _ = bank_of(tmp_path, "Health checks were made on 140,000 travellers at Tolley Airport "
                                "and 12,000 at Brindle, officials in Wessex said on Monday.")
    counts = {q.answer: q.prompt for q in bank.questions if isinstance(q, NumericQuestion)}
    assert counts.get(140000, "").startswith("On how many travellers at Tolley Airport were")
    assert counts.get(12000, "").startswith("On how many travellers at Brindle were")
    assert "Tolley" not in counts[12000]


def test_a_lone_speaker_is_asked_what_they_are_against_the_same_firms_other_offices(tmp_path):
    bank, _ = bank_of(tmp_path, 'Kestrel Payments chief executive Rosa Lind told Radio Tolley that ticket fraud '
                                'would drop steeply this year. "Crooks always try the easiest door," said Ms Lind.')
    q = next(q for q in bank.questions if q.prompt == "How does the article describe Rosa Lind?")
    assert isinstance(q, ChoiceQuestion) and q.answer == "Kestrel Payments chief executive"
    assert len(q.distractors) == 3 and all(d.startswith("Kestrel Payments ") for d in q.distractors)
    assert "Kestrel Payments chief executive" not in q.distractors
    assert "Kestrel Payments managing director" not in q.distractors  # a near-synonym is no wrong answer


def test_a_minister_is_offered_other_departments(tmp_path):
    bank, _ = bank_of(tmp_path, "Home Office Minister Alan Kerrigan says the government already checks lorry "
                                "drivers for tiredness if they drive in the UK for ten hours or more.")
    q = next(q for q in bank.questions if q.prompt == "How does the article describe Alan Kerrigan?")
    assert q.answer == "Home Office Minister"
    assert all(d.endswith(" Minister") and "Home Office" not in d for d in q.distractors)


def test_a_story_with_someone_to_ask_instead_keeps_asking_who(tmp_path):
    bank, _ = bank_of(tmp_path, 'Kestrel Payments chief executive Rosa Lind told Radio Tolley that ticket fraud '
                                'would drop. Ms Lind expects prices to fall. "We will see," said Ann Holt, chief '
                                'economist at Banca Ovest. Ms Holt also expects prices to rise.')
    prompts = {q.prompt for q in bank.questions}
    assert "Who does the article describe as the Kestrel Payments chief executive?" in prompts
    assert not any(p.startswith("How does the article describe") for p in prompts)


def test_they_told_by_name_in_the_same_sentence_is_no_dangling_pronoun(tmp_path):
    bank, _ = bank_of(tmp_path, "The Tories have unveiled plans for road tolls. The Liberal Democrats have "
                                'warned Labour and the Tories they were "at risk of punishing every driver".')
    q = next(q for q in bank.questions if q.prompt.startswith("Which party has warned"))
    assert q.prompt.endswith('"at risk of punishing every driver"?')
    assert q.answer == "Liberal Democrats"
    assert "Labour" not in q.distractors and "Tories" not in q.distractors


SPEAKERS = """Piet Varga, the firm's managing director, said the games market would double in five years.

"Doubling our trade takes no magic," said Mr Varga.

Lena Ostrow, the firm's head of sales, said the company would hold an awards show in Paris.

"Games will move players more than films do," Mr Varga said.

"A face on screen can carry a mood now," Mr Varga said.

"With more power, the hero looks like a real actor," Mr Varga said.

"Older players still want to play games after work," Mr Varga said.

"Celebrities will bring new players into games," said Ms Ostrow."""


def test_one_persons_words_are_asked_about_three_times_at_most(tmp_path):
    bank, _ = bank_of(tmp_path, SPEAKERS)
    florin = [q for q in bank.questions if q.prompt.startswith("Who said") and q.answer == "Piet Varga"]
    assert 2 <= len(florin) <= 3
    assert any(q.prompt.startswith("Who said") and q.answer == "Lena Ostrow" for q in bank.questions)


def _statement(bank, words: str) -> ChoiceQuestion:  # type: ignore[no-untyped-def]
    return next(q for q in bank.questions if q.prompt == FACT_CHECK_PROMPT and words in q.answer)


def test_wrong_shares_keep_the_order_and_the_whole_the_sentence_gives(tmp_path):
    bank, _ = bank_of(tmp_path, "A Tolley Institute poll of 2,000 adults in Wessex was published on Monday. In the "
                                "Tolley Institute poll, 52% were worried about their local hospital, while 37% were "
                                "confident.")
    q = _statement(bank, "were worried")
    assert q.distractors
    for d in q.distractors:
        worried = _figures(d, "% were worried")
        assert 37 < worried <= 63, d  # still ahead of the confident, and no more than 100% in all


def test_a_part_stays_below_the_whole_the_article_names(tmp_path):
    bank, _ = bank_of(tmp_path, "Nearly 15,000 people in 18 countries were interviewed for the Tolley Institute "
                                "poll.\n\nThe Tolley Institute poll found that most people in 11 countries thought "
                                "public services were getting worse, compared with respondents in seven countries "
                                "who thought they were getting better.")
    q = _statement(bank, "thought public services were getting worse")
    assert q.distractors
    for d in q.distractors:
        assert 7 < _figures(d, " countries thought") < 18, d


def test_an_index_level_is_changed_by_a_fraction_not_halved_or_doubled(tmp_path):
    bank, _ = bank_of(tmp_path, "The main Tolley share index closed more than 2% higher at 6,418 on "
                                "Wednesday, traders in Brindle said.")
    q = _statement(bank, "closed more than 2% higher at")
    assert len(q.distractors) >= 2
    for d in q.distractors:
        assert 4_400 <= _figures(d, ", traders") <= 8_900, d


def test_an_aside_about_a_person_is_asked_as_who(tmp_path):
    bank, _ = bank_of(tmp_path, "Record company boss Dean Pollard and singer Danny Dawson have both signed to "
                                "a new label. Dawson, who is now as famous for his rows with the law as "
                                "for his songs, was in court on Monday. Mr Pollard said he was glad the "
                                "label had agreed to the deal.")
    q = next(q for q in bank.questions if q.prompt.startswith("Who is as famous for his rows"))
    assert q.answer == "Danny Dawson" and q.distractors == ["Dean Pollard"]
    assert q.prompt.endswith("as for his songs?")  # the deictic "now" left out


def test_an_aside_about_a_state_offers_states_of_its_size(tmp_path):
    bank, _ = bank_of(tmp_path, "Farm prices were the main issue in Iowa. Iowa, which has suffered a long run of "
                                "poor harvests, voted for the governor.")
    q = next(q for q in bank.questions if q.prompt.startswith("Which state has suffered"))
    assert q.answer == "Iowa"
    assert len(q.distractors) == 3 and not {"Alabama", "Alaska"} & set(q.distractors)


def test_an_aside_about_one_example_of_several_is_not_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "In farm states such as Iowa, which has suffered a long run of poor harvests, "
                                "crop prices became the main issue of the race.")
    assert not any(q.prompt.startswith("Which state has suffered") for q in bank.questions)


def test_a_defining_clause_is_no_aside(tmp_path):
    bank, _ = bank_of(tmp_path, "Shoppers in the towns which Tesco serves spent more this year than last, the "
                                "company said in a statement to the London Stock Exchange.")
    assert not any(q.prompt.startswith("Which organisation serves") for q in bank.questions)


def test_a_place_the_sentence_opens_with_is_asked_without_the_next_clause(tmp_path):
    bank, _ = bank_of(tmp_path, "Countries such as South Korea and Spain have seen the gains of fast trains. "
                                "In South Korea, a seat on the fast train is cheaper than a plane ticket and "
                                "online booking is huge.")
    q = next(q for q in bank.questions if q.prompt.startswith("In which country"))
    assert q.prompt == "In which country is a seat on the fast train cheaper than a plane ticket?"
    assert q.answer == "South Korea" and "North Korea" not in q.distractors and "Spain" in q.distractors


def test_a_quote_running_on_past_the_sentence_is_no_fact_of_the_article(tmp_path):
    bank, _ = bank_of(tmp_path, 'Record company boss Dean Pollard has won an injunction against singer Danny '
                                'Dawson. Mr Pollard said: "I\'m pleased the court agreed with us. "Danny '
                                'Dawson was given all he wanted by Tolley Records but he slipped back into bad '
                                'habits."')
    assert not any(q.prompt.startswith("Who was given all he wanted") for q in bank.questions)


def test_a_regulator_is_asked_only_against_other_regulators(tmp_path):
    bank, _ = bank_of(tmp_path, "Nintaro Corp has announced a phone with Zanetti. Tolley Telecom and Wessex Mobile "
                                "launched new services. Telecoms regulator Telecor has declared 071 to be the dialling "
                                "code for internet calls. Telecor later fined Tolley Telecom over the phone lines. "
                                "Wessex Mobile said it would appeal.")
    assert not any("declared 071" in q.prompt for q in bank.questions)


def test_a_figure_in_the_stem_is_fine_and_a_second_clause_is_cut(tmp_path):
    _, found = bank_of(tmp_path, "Nintaro Corp has announced a phone with Zanetti. Tolley Telecom and Wessex Mobile "
                                 "launched new services. Telecor has declared 071 to be the dialling code for internet "
                                 "calls and 2007 is likely to see many more internet call services open. Telecor "
                                 "later fined Tolley Telecom over the phone lines. Wessex Mobile said it would appeal "
                                 "to Telecor.")
    # (the bank asks it as a statement about the code instead, which names Telecor)
    f = next(f for f in found.facts if "declared 071" in f.prompt)
    assert f.prompt == "{Wh} has declared 071 to be the dialling code for internet calls?" and f.answer == "Telecor"


def test_a_sum_its_owner_names_is_asked_how_big(tmp_path):
    bank, _ = bank_of(tmp_path, "Both parties promised to rein in Canada's $61bn federal budget deficit. "
                                "Veltro agreed to a $3bn settlement with the board of Zanetti Motors in "
                                "Turin.")
    q = next(q for q in bank.questions if q.prompt == "How big is Canada's federal budget deficit?")
    assert q.answer == "$61bn" and all(d.startswith("$") and d.endswith("bn") for d in q.distractors)
    assert not any(q.prompt.startswith("How big is") and "settlement" in q.prompt for q in bank.questions)


def test_those_of_a_kind_are_no_dangling_pronoun_and_a_threshold_is_varied(tmp_path):
    bank, _ = bank_of(tmp_path, "Senator Hal Corwin and President Ned Ashby spoke about farming. Senator Corwin "
                                "planned to raise taxes on those earning more than $250,000 a year.")
    # A line drawn at "more than $250,000" is no hedge: $100,000 would be false, so it is varied.
    q = _statement(bank, "planned to raise taxes on those earning more than $250,000 a year")
    assert q.answer == "Senator Corwin planned to raise taxes on those earning more than $250,000 a year."
    assert all(re.search(r"more than \$[\d,]+ a year\.$", d) and "$250,000" not in d for d in q.distractors)


def test_a_closing_aside_that_leans_on_the_sentence_before_is_left_out(tmp_path):
    bank, _ = bank_of(tmp_path, "Bike thefts cost owners £212.8m in 2003. Theft from sheds in Wessex rose an annual "
                                "8% to £64.2m, making it the largest category even then.")
    q = _statement(bank, "Theft from sheds in Wessex rose")
    assert q.answer == "Theft from sheds in Wessex rose an annual 8% to £64.2m."


def test_a_sum_in_another_currency_goes_with_the_sum_it_converts(tmp_path):
    bank, _ = bank_of(tmp_path, "Mr Rossi is the third boss of Veltro Motors - which is forecast to post a "
                                "600m euro ($750m) loss in 2006 - in as many years.")
    q = _statement(bank, "loss in 2006")
    assert "($750m)" not in q.answer and all("$750m" not in d for d in q.distractors)


def test_its_thing_is_named_by_its_owner_when_the_article_comes_back_to_it(tmp_path):
    bank, _ = bank_of(tmp_path, "The head of the Zanetti group has taken charge of its ailing "
                                "van business. The van business has lost money in four of the last seven "
                                "years.")
    assert "In how many of the last seven years has Zanetti's van business lost money?" in {
        q.prompt for q in bank.questions}


def test_a_figure_someone_points_to_is_asked_as_theirs(tmp_path):
    bank, _ = bank_of(tmp_path, "Senator Marco Lupi pointed to the fact that 3,000 jobs had been cut at the Veltro "
                                "plant in 2003. Anna Berg, the Veltro chief executive, disagreed.")
    q = next(q for q in bank.questions if isinstance(q, NumericQuestion))
    assert q.prompt == "According to Senator Marco Lupi, how many jobs had been cut at the Veltro plant in 2003?"
    assert q.answer == 3000


def test_a_date_inside_a_quote_is_the_speakers_not_asked(tmp_path):
    bank, _ = bank_of(tmp_path, 'Singer Danny Dawson met his fans in Leeds. He added: "Everyone is waiting '
                                'for this record and it will be in the shops on March 14."')
    assert not any("what date" in q.prompt.lower() for q in bank.questions)


def test_a_superlative_a_poll_found_is_asked_of_that_poll(tmp_path):
    bank, _ = bank_of(tmp_path, "Residents in most countries surveyed in a Tolley Institute poll think public "
                                "services are getting worse. Norway and Canada were the most hopeful, followed by "
                                "Chile. Portugal was the most pessimistic, while respondents in Greece and "
                                "Peru were also rather downbeat. Kenya was one of the most pessimistic about "
                                "public services.")
    q = next(q for q in bank.questions if "most pessimistic" in q.prompt)
    assert q.prompt == "In the Tolley Institute poll, which country was the most pessimistic?"
    # "also rather downbeat" makes the best wrong answers; "one of the most pessimistic" no wrong answer
    assert q.answer == "Portugal" and q.distractors[:2] == ["Greece", "Peru"] and "Kenya" not in q.distractors
    assert len(q.cite.quotes) == 2  # the sentence naming the poll too


def test_the_year_an_article_is_about_is_not_varied(tmp_path):
    bank, _ = bank_of(tmp_path, "Many expect 2007 to be a great year for board games. 2007 will be the year "
                                "that card games go mainstream. New game cafes are due to open in 2007. The first "
                                "Tolley game cafe opened in 2004.")
    assert not any(q.prompt == FACT_CHECK_PROMPT and "2007" in q.answer for q in bank.questions)


def test_a_party_the_headline_names_is_not_asked_which_party(tmp_path):
    bank, _ = bank_of(tmp_path, "The Tories say commuters will not be priced off the roads by the new tolls. "
                                "Labour says Britain already charges lorries at its main bridges. The Liberal "
                                "Democrats said the Tories were chasing votes.",
                      title="At a glance: Tory road tolls")
    assert not any(q.prompt.startswith("Which party says commuters") for q in bank.questions)
    assert any(q.prompt.startswith("Which party says Britain already charges") for q in bank.questions)


def test_a_figure_in_a_lone_speakers_quote_is_checked_against_misquotes(tmp_path):
    bank, _ = bank_of(tmp_path, 'Kestrel Payments chief executive Rosa Lind told Radio Tolley that fraud would move '
                                'to phones. "We have seen a 31% jump in fraud by text message since the start of the '
                                'year," said Ms Lind.')
    q = _statement(bank, "31% jump")
    # (named in full, as the article first names her, though the cited sentence says "said Ms Lind")
    assert q.answer == "Rosa Lind said: “We have seen a 31% jump in fraud by text message since the start of " \
                       "the year.”"
    assert len(q.distractors) == 3 and all(d.startswith("Rosa Lind said: “We have seen a ") for d in q.distractors)
    assert not any("31%" in d for d in q.distractors)


def test_a_quote_whose_other_figure_is_asked_elsewhere_is_not_misquoted(tmp_path):
    bank, _ = bank_of(tmp_path, "A solar ferry service has been launched by Blue Harbour. It is 12 times faster than "
                                "the old diesel ferry. \"Our boat runs twice as quick as any rival in Wessex "
                                "and 12 times faster than the old diesel boats,\" said Mr Ravi Mehta.")
    assert not any(q.prompt == FACT_CHECK_PROMPT and "said: “" in q.answer for q in bank.questions)


def test_a_figure_someone_puts_forward_is_asked_as_theirs_a_reported_one_is_not(tmp_path):
    bank, _ = bank_of(tmp_path, "Government figures suggest measles in Wessex has increased by 30% over the past "
                                "eight years. Floods forced at least 2,300 families from their homes in Kenya in "
                                "2021, the Red Cross said.")
    prompts = {q.prompt for q in bank.questions}
    assert "According to government figures, by what percentage has measles in Wessex increased over the past " \
           "eight years?" in prompts
    assert "At least how many families did floods force from their homes in Kenya in 2021?" in prompts


def test_a_part_is_varied_below_its_whole_and_the_whole_is_not_varied(tmp_path):
    bank, found = bank_of(tmp_path, "Veltro Games made seven of the 20 best-selling board games in Wessex.")
    q = _statement(bank, "of the 20 best-selling board games")
    assert q.answer == "Veltro Games made seven of the 20 best-selling board games in Wessex."
    varied = [re.search(r"made (\w+) of the (\d+)", d).groups() for d in q.distractors]
    assert all(n != "seven" and whole == "20" for n, whole in varied)
    assert [s.part for s in found.statements] == ["seven"]  # never the 20


def test_a_part_of_a_whole_the_sentence_does_not_count_is_asked_as_a_gap_never_varied(tmp_path):
    # "350 of its patents": a variant could pass the whole (it may hold only 400), so no wrong options
    bank, found = bank_of(tmp_path, "Brindle Labs says 350 of its engine patents will be shared with the "
                                    "Wessex car makers.")
    assert [(s.part, s.gap_only) for s in found.statements] == [("350", True)]
    assert not any(q.prompt == FACT_CHECK_PROMPT for q in bank.questions)
    [gap] = [q for q in bank.questions if isinstance(q, NumericQuestion) and "___ of its engine patents" in q.prompt]
    assert gap.answer == 350


def test_two_role_questions_about_the_same_two_people_are_one_too_many(tmp_path):
    bank, _ = bank_of(tmp_path, "Piet Varga, Nintaro's managing director for Europe, said games would "
                                "grow. Mr Varga spoke in London. Lena Ostrow, Nintaro's vice president of sales in "
                                "Europe, said films would follow. Ms Ostrow spoke in Cannes.")
    roles = [q for q in bank.questions if q.prompt.startswith("Who does the article describe as")]
    assert len(roles) == 1


def test_an_aside_is_left_out_of_a_statement_only_where_the_sentence_goes_on_after_it(tmp_path):
    bank, _ = bank_of(tmp_path, "Dawson, who is now better known for his rows with the law than his songs, rose "
                                "to fame with the 1999 single Moonlight Drive.")
    q = _statement(bank, "rose to fame")
    assert q.answer == "Dawson rose to fame with the 1999 single Moonlight Drive."
    bank, found = bank_of(tmp_path, "Dr Ann Okafor, who was a GP in Tolley, in the Brindle Valley, before "
                                    "she was elected for Wessex, said hospital staff wanted a quiet spell after "
                                    "2003.")
    assert found.statements  # the statement is made, with its aside
    assert not any(s.before.startswith("Dr Ann Okafor in the") for s in found.statements)


def test_one_end_of_a_quoted_range_is_not_misquoted(tmp_path):
    _, found = bank_of(tmp_path, "Kestrel Payments chief executive Rosa Lind spoke in Leeds. \"With the new tills, "
                                 "we can check 3,000 to 5,000 cards a minute in each shop,\" said Ms Lind.")
    assert not any(s.speaker for s in found.statements)


def test_a_code_is_never_varied(tmp_path):
    """'071' against '070' and '072' tests the memory of a digit string: reviewers called it trivia."""
    bank, _ = bank_of(tmp_path, "Telecoms regulator Telecor has declared 071 to be the dialling code for internet "
                                "calls in Wessex.", min_confidence=0)
    options = [str(x) for q in bank.questions for x in getattr(q, "distractors", [])]
    assert not any(re.search(r"declared 0(?!71)\d\d to be", o) for o in options), options


def test_a_market_analysts_words_are_offered_against_analysts_not_candidates(tmp_path):
    bank, _ = bank_of(tmp_path, "President Ned Ashby won the election. Senator Hal Corwin conceded defeat on "
                                "Wednesday in Denver. \"Traders will be glad that the result is clear,\" "
                                "said Piet Varga, chief investment officer of Nintaro Capital. \"I would "
                                "treat the rally as a one-day wonder,\" said Lena Ostrow at Brindle Economics.")
    for q in bank.questions:
        if q.prompt.startswith("Who said"):
            assert not {"Ned Ashby", "Hal Corwin"} & set(q.distractors), q.prompt
    assert sum(q.prompt.startswith("Who said") for q in bank.questions) == 2


def test_as_part_of_the_deal_is_left_out_of_a_stem(tmp_path):
    bank, _ = bank_of(tmp_path, "Veltro reached a deal with Zanetti Motors in Turin. Zanetti Motors will pay Veltro "
                                "$3bn as part of the settlement.")
    assert "How much will Zanetti Motors pay Veltro?" in {q.prompt for q in bank.questions}


def test_between_two_at_odds_a_quote_about_something_else_is_still_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "Record company boss Dean Pollard has won a court injunction barring singer "
                                "Danny Dawson from putting out a new record. Mr Pollard said: \"I'm relieved the "
                                "injunction holds.\" He added: \"Nobody in this trade keeps their word any more.\" "
                                "Dawson said: \"No judge will stop this record.\"")
    said = {q.prompt for q in bank.questions if q.prompt.startswith("Who said")}
    assert said == {"Who said “Nobody in this trade keeps their word any more”?"}


def test_a_country_a_system_is_modelled_on_is_offered_against_the_articles_own(tmp_path):
    bank, _ = bank_of(tmp_path, "Planners have studied how road charging works in Australia, Canada and New "
                                "Zealand. Westport's new tolls are modelled on the New Zealand scheme.")
    q = next(q for q in bank.questions if q.prompt.startswith("On which country's scheme"))
    assert q.prompt == "On which country's scheme are Westport's new tolls modelled?"
    assert q.answer == "New Zealand" and q.distractors == ["Australia", "Canada"]


def test_a_former_office_is_not_offered_to_the_one_holding_it_now(tmp_path):
    bank, _ = bank_of(tmp_path, "Marco Bellini has replaced Karl Demm as chief executive of Veltro Cars. Mr "
                                "Demm was hired by former Veltro chief executive Paolo Rossi. Mr Rossi made "
                                "a bid to become chairman. Mr Bellini joined the firm last year.")
    assert not any(q.prompt.startswith("Who does the article describe as the former") and
                   "Marco Bellini" in q.distractors for q in bank.questions)
    q = next(q for q in bank.questions if q.prompt == "How does the article describe Paolo Rossi?")
    assert q.answer == "former Veltro chief executive"
    assert all(d.startswith("former Veltro ") for d in q.distractors)


def test_a_date_is_checked_against_the_dates_beside_it(tmp_path):
    bank, _ = bank_of(tmp_path, "Danny Dawson will appear at the High Court in London on 20 December, his lawyers "
                                "said.")
    q = _statement(bank, "High Court in London on")
    assert "on 20 December," in q.answer
    assert sorted(re.search(r" on (\d+ \w+),", d).group(1) for d in q.distractors) == [
        "13 December", "20 January", "27 December"]


BIKES = ("Last year Tolley Mills sold 172,000 bikes in Wessex, the company said.\n\nNine of the 20 best-selling "
         "bikes in Wessex last year were made by Tolley Mills.\n\nTolley Mills profits rose 12% to £40m last year, "
         "helped by sales of electric bikes.\n")


def test_last_year_is_asked_as_the_year_the_articles_date_makes_it(tmp_path):
    article = tmp_path / "dated.md"
    article.write_text("---\ntitle: Tolley Mills sells more bikes\ndate: 2005-01-20\n---\n\n" + BIKES, encoding="utf-8")
    bank, _ = generate_with_facts([article], bank_dir=tmp_path, min_confidence=0)
    asked = {q.prompt: q.answer for q in bank.questions}
    assert asked["In 2004, how many bikes did Tolley Mills sell in Wessex?"] == 172000
    assert asked["In 2004, how many of the 20 best-selling bikes in Wessex were made by Tolley Mills?"] == 9
    # and as a statement (or a gap) in that year, not "last year"
    statements = {q.answer for q in bank.questions if q.prompt == FACT_CHECK_PROMPT}
    assert "In 2004, Tolley Mills sold 172,000 bikes in Wessex, the company said." in statements
    assert "Tolley Mills profits rose 12% to £40m in 2004, helped by sales of electric bikes." in statements
    assert not any("last year" in q.prompt or "last year" in str(q.answer) for q in bank.questions)
    # Undated, the same sentences ask nothing of those figures.
    plain = tmp_path / "undated.txt"
    plain.write_text("Tolley Mills sells more bikes\n\n" + BIKES, encoding="utf-8")
    bank, _ = generate_with_facts([plain], bank_dir=tmp_path)
    assert not any(getattr(q, "answer", None) in (172000, 9) for q in bank.questions)


def test_the_firm_someone_is_an_officer_at_is_an_organisation_to_offer(tmp_path):
    bank, _ = bank_of(tmp_path, "Wessex Mobile launched its service in November. \"An operator that lives on voice "
                                "calls alone will not last,\" said Ravi Mehta, chief technology officer at "
                                "Telecor. Nintaro Corp has just announced a pact with Zanetti to make a phone that "
                                "plays Zanetti's music service.")
    q = next(q for q in bank.questions if "pact with Zanetti" in q.prompt)
    assert q.answer == "Nintaro Corp" and "Telecor" in q.distractors
    assert q.prompt.startswith("Which organisation has announced")  # not "has just": as of when?
