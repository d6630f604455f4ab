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
    """The figure written just before `before` ("48%" before "% were pessimistic")."""
    m = re.search(rf"([\d,.]+){re.escape(before)}", text)
    assert m, (text, before)
    return float(m.group(1).replace(",", ""))


def test_the_second_count_of_a_gapped_list_is_asked_with_its_own_place(tmp_path):
    bank, _ = bank_of(tmp_path, "Recent medical checks were carried out on 175,000 people at Heathrow Airport "
                                "and 10,000 at Gatwick, officials in London said on Monday.")
    counts = {q.answer: q.prompt for q in bank.questions if isinstance(q, NumericQuestion)}
    assert counts.get(175000, "").startswith("On how many people at Heathrow Airport were")
    assert counts.get(10000, "").startswith("On how many people at Gatwick were")
    assert "Heathrow" not in counts[10000]


def test_a_lone_speaker_is_asked_what_they_are_against_the_same_firms_other_offices(tmp_path):
    bank, _ = bank_of(tmp_path, 'Retail Systems chief executive Carl Dunn told the BBC that card fraud would '
                                'fall sharply this year. "Fraud moves to the weakest link," said Mr Dunn.')
    q = next(q for q in bank.questions if q.prompt == "How does the article describe Carl Dunn?")
    assert isinstance(q, ChoiceQuestion) and q.answer == "Retail Systems chief executive"
    assert len(q.distractors) == 3 and all(d.startswith("Retail Systems ") for d in q.distractors)
    assert "Retail Systems chief executive" not in q.distractors
    assert "Retail Systems managing director" not in q.distractors  # a near-synonym is no wrong answer


def test_a_minister_is_offered_other_departments(tmp_path):
    bank, _ = bank_of(tmp_path, "Home Office Minister Dan Brow says the government already checks people "
                                "for TB if they come into the UK for six months or more.")
    q = next(q for q in bank.questions if q.prompt == "How does the article describe Dan Brow?")
    assert q.answer == "Home Office Minister"
    assert all(d.endswith(" Minister") and "Home Office" not in d for d in q.distractors)


def test_a_story_with_someone_to_ask_instead_keeps_asking_who(tmp_path):
    bank, _ = bank_of(tmp_path, 'Retail Systems chief executive Carl Dunn told the BBC that card fraud would '
                                'fall. Mr Dunn expects prices to fall. "We will see," said Ann Holt, chief '
                                'economist at Banca Ovest. Ms Holt also expects prices to rise.')
    prompts = {q.prompt for q in bank.questions}
    assert "Who does the article describe as the Retail Systems chief executive?" in prompts
    assert not any(p.startswith("How does the article describe") for p in prompts)


def test_they_told_by_name_in_the_same_sentence_is_no_dangling_pronoun(tmp_path):
    bank, _ = bank_of(tmp_path, "The Tories have unveiled plans for health checks. The Liberal Democrats have "
                                'warned Labour and the Tories they were "in danger of pandering to prejudice".')
    q = next(q for q in bank.questions if q.prompt.startswith("Which party has warned"))
    assert q.prompt.endswith('"in danger of pandering to prejudice"?')
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
    bank, _ = bank_of(tmp_path, "A Gallup poll of 2,000 adults in Britain was published on Monday. In the Gallup "
                                "poll, 48% were pessimistic about the national economy, while 41% were optimistic.")
    q = _statement(bank, "were pessimistic")
    assert q.distractors
    for d in q.distractors:
        pessimists = _figures(d, "% were pessimistic")
        assert 41 < pessimists <= 59, d  # still ahead of the optimists, and no more than 100% in all


def test_a_part_stays_below_the_whole_the_article_names(tmp_path):
    bank, _ = bank_of(tmp_path, "Almost 23,000 people in 22 countries were questioned for the Gallup poll.\n\n"
                                "The Gallup poll found that a majority of people in 13 countries believed the "
                                "economy was going downhill, compared with respondents in nine countries who "
                                "believed it was improving.")
    q = _statement(bank, "believed the economy was going downhill")
    assert q.distractors
    for d in q.distractors:
        assert 9 < _figures(d, " countries believed") < 22, d


def test_an_index_level_is_changed_by_a_fraction_not_halved_or_doubled(tmp_path):
    bank, _ = bank_of(tmp_path, "The benchmark Dow Jones share index closed more than 1% higher at 10,137 on "
                                "Wednesday, traders in New York said.")
    q = _statement(bank, "closed more than 1% higher at")
    assert len(q.distractors) >= 2
    for d in q.distractors:
        assert 7_000 <= _figures(d, ", traders") <= 14_000, d


def test_an_aside_about_a_person_is_asked_as_who(tmp_path):
    bank, _ = bank_of(tmp_path, "Record company boss Kevin Campbell and singer Mark Morrison have both signed to "
                                "a new label. Morrison, who is now as well known for his brushes with the law as "
                                "for his music career, was in court on Monday. Mr Campbell said he was glad the "
                                "label had agreed to the deal.")
    q = next(q for q in bank.questions if q.prompt.startswith("Who is as well known for his brushes"))
    assert q.answer == "Mark Morrison" and q.distractors == ["Kevin Campbell"]
    assert q.prompt.endswith("as for his music career?")  # the deictic "now" left out


def test_an_aside_about_a_state_offers_states_of_its_size(tmp_path):
    bank, _ = bank_of(tmp_path, "The economy was the main issue in Ohio. Ohio, which has suffered substantial job "
                                "losses in the past four years, voted for the president.")
    q = next(q for q in bank.questions if q.prompt.startswith("Which state has suffered"))
    assert q.answer == "Ohio"
    assert len(q.distractors) == 3 and not {"Alabama", "Alaska"} & set(q.distractors)


def test_an_aside_about_one_example_of_several_is_not_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "In key swing states such as Ohio, which has suffered substantial job losses in "
                                "the past four years, the economy became a crucial election issue.")
    assert not any(q.prompt.startswith("Which state has suffered") for q in bank.questions)


def test_a_defining_clause_is_no_aside(tmp_path):
    bank, _ = bank_of(tmp_path, "Shoppers in the towns which Tesco serves spent more this year than last, the "
                                "company said in a statement to the London Stock Exchange.")
    assert not any(q.prompt.startswith("Which organisation serves") for q in bank.questions)


def test_a_place_the_sentence_opens_with_is_asked_without_the_next_clause(tmp_path):
    bank, _ = bank_of(tmp_path, "Countries such as South Korea and France have found the advantage of faster "
                                "broadband. In South Korea, video-on-demand over the net is cheaper than renting a "
                                "DVD and online gaming is huge.")
    q = next(q for q in bank.questions if q.prompt.startswith("In which country"))
    assert q.prompt == "In which country is video-on-demand over the net cheaper than renting a DVD?"
    assert q.answer == "South Korea" and "North Korea" not in q.distractors and "France" in q.distractors


def test_a_quote_running_on_past_the_sentence_is_no_fact_of_the_article(tmp_path):
    bank, _ = bank_of(tmp_path, 'Record company boss Kevin Campbell has gained an injunction against singer Mark '
                                'Morrison. Mr Campbell said: "I\'m glad we were granted the injunction. "Mark '
                                'Morrison was given everything he asked for by 2 Wikid but he went back to his old '
                                'ways."')
    assert not any(q.prompt.startswith("Who was given everything") for q in bank.questions)


def test_a_regulator_is_asked_only_against_other_regulators(tmp_path):
    bank, _ = bank_of(tmp_path, "Motorola has announced a phone with Apple. BT and Vodafone launched new services. "
                                "Telecommunications regulator Ofcom has declared 056 to be the area code for Voip "
                                "calls. Ofcom later fined BT over the phone lines. Vodafone said it would appeal.")
    assert not any("declared 056" in q.prompt for q in bank.questions)


def test_a_figure_in_the_stem_is_fine_and_a_second_clause_is_cut(tmp_path):
    _, found = bank_of(tmp_path, "Motorola has announced a phone with Apple. BT and Vodafone launched new services. "
                                 "Ofcom has declared 056 to be the area code for Voip calls and 2005 is likely to see "
                                 "a lot more Voip services starting up. Ofcom later fined BT over the phone lines. "
                                 "Vodafone said it would appeal to Ofcom.")
    # (the bank asks it as a statement about the code instead, which names Ofcom)
    f = next(f for f in found.facts if "declared 056" in f.prompt)
    assert f.prompt == "{Wh} has declared 056 to be the area code for Voip calls?" and f.answer == "Ofcom"


def test_a_sum_its_owner_names_is_asked_how_big(tmp_path):
    bank, _ = bank_of(tmp_path, "Both candidates pledged to bring America's $422bn federal budget deficit under "
                                "control. Fiat agreed to a $2bn settlement with the board of GM in Detroit.")
    q = next(q for q in bank.questions if q.prompt == "How big is America's federal budget deficit?")
    assert q.answer == "$422bn" and all(d.startswith("$") and d.endswith("bn") for d in q.distractors)
    assert not any(q.prompt.startswith("How big is") and "settlement" in q.prompt for q in bank.questions)


def test_those_of_a_kind_are_no_dangling_pronoun_and_a_threshold_is_varied(tmp_path):
    bank, _ = bank_of(tmp_path, "Senator John Kerry and President George W Bush spoke about jobs. Senator Kerry "
                                "planned to increase taxes on those earning more than $200,000 a year.")
    # A line drawn at "more than $200,000" is no hedge: $100,000 would be false, so it is varied.
    q = _statement(bank, "planned to increase taxes on those earning more than $200,000 a year")
    assert q.answer == "Senator Kerry planned to increase taxes on those earning more than $200,000 a year."
    assert all(re.search(r"more than \$[\d,]+ a year\.$", d) and "$200,000" not in d for d in q.distractors)


def test_a_closing_aside_that_leans_on_the_sentence_before_is_left_out(tmp_path):
    bank, _ = bank_of(tmp_path, "Card scams totalled £402.4m in 2003. Card-not-present fraud in Wessex rose an annual "
                                "6% to £116.4m, making it the biggest category even then.")
    q = _statement(bank, "Card-not-present fraud in Wessex rose")
    assert q.answer == "Card-not-present fraud in Wessex rose an annual 6% to £116.4m."


def test_a_sum_in_another_currency_goes_with_the_sum_it_converts(tmp_path):
    bank, _ = bank_of(tmp_path, "Mr Rossi becomes the fourth head of Veltro Motors - which is expected to make a "
                                "800m euro ($1bn) loss in 2004 - in as many years.")
    q = _statement(bank, "loss in 2004")
    assert "($1bn)" not in q.answer and all("$1bn" not in d for d in q.distractors)


def test_its_thing_is_named_by_its_owner_when_the_article_comes_back_to_it(tmp_path):
    bank, _ = bank_of(tmp_path, "The chief executive of the Fiat conglomerate has taken control of its struggling "
                                "car business. The car business has made an operating loss in five of the last six "
                                "years.")
    assert "In how many of the last six years has Fiat's car business made an operating loss?" in {
        q.prompt for q in bank.questions}


def test_a_figure_someone_points_to_is_asked_as_theirs(tmp_path):
    bank, _ = bank_of(tmp_path, "Senator Marco Lupi focused on the fact that 3,000 jobs had been cut at the Veltro "
                                "plant in 2003. Anna Berg, the Veltro chief executive, disagreed.")
    q = next(q for q in bank.questions if isinstance(q, NumericQuestion))
    assert q.prompt == "According to Senator Marco Lupi, how many jobs had been cut at the Veltro plant in 2003?"
    assert q.answer == 3000


def test_a_date_inside_a_quote_is_the_speakers_not_asked(tmp_path):
    bank, _ = bank_of(tmp_path, 'Singer Mark Morrison met his fans in Leeds. He added: "The whole world is waiting '
                                'for this album and it will come out on December 27."')
    assert not any("what date" in q.prompt.lower() for q in bank.questions)


def test_a_superlative_a_poll_found_is_asked_of_that_poll(tmp_path):
    bank, _ = bank_of(tmp_path, "Citizens in most nations surveyed in a BBC World Service poll believe the world "
                                "economy is worsening. China and India were the most optimistic, followed by "
                                "Indonesia. South Korea was the most pessimistic, while respondents in Italy and "
                                "Mexico were also quite gloomy. Brazil was one of the most pessimistic about the "
                                "world economy.")
    q = next(q for q in bank.questions if "most pessimistic" in q.prompt)
    assert q.prompt == "In the BBC World Service poll, which country was the most pessimistic?"
    # "also quite gloomy" makes the best wrong answers; "one of the most pessimistic" no wrong answer
    assert q.answer == "South Korea" and q.distractors[:2] == ["Italy", "Mexico"] and "Brazil" not in q.distractors
    assert len(q.cite.quotes) == 2  # the sentence naming the poll too


def test_the_year_an_article_is_about_is_not_varied(tmp_path):
    bank, _ = bank_of(tmp_path, "Many think 2005 is going to be a very good year for gadgets. 2005 will be the year "
                                "that 3G phones become inescapable. New networks are due to launch in 2005. The 3 "
                                "network launched in 2003.")
    assert not any(q.prompt == FACT_CHECK_PROMPT and "2005" in q.answer for q in bank.questions)


def test_a_party_the_headline_names_is_not_asked_which_party(tmp_path):
    bank, _ = bank_of(tmp_path, "The Tories say people fleeing persecution will not be denied sanctuary in Britain "
                                "because of poor health. Labour says Britain already checks people for TB at its "
                                "main airports. The Liberal Democrats said the Tories were pandering to prejudice.",
                      title="At a glance: Tory health checks")
    assert not any(q.prompt.startswith("Which party says people fleeing") for q in bank.questions)
    assert any(q.prompt.startswith("Which party says Britain already checks") for q in bank.questions)


def test_a_figure_in_a_lone_speakers_quote_is_checked_against_misquotes(tmp_path):
    bank, _ = bank_of(tmp_path, 'Retail Systems chief executive Carl Dunn told the BBC that fraud would move online. '
                                '"We have seen a 31% rise in online card fraud since the start of the year," '
                                'said Mr Dunn.')
    q = _statement(bank, "31% rise")
    # (named in full, as the article first names him, though the cited sentence says "said Mr Dunn")
    assert q.answer == "Carl Dunn said: “We have seen a 31% rise in online card fraud since the start of " \
                       "the year.”"
    assert len(q.distractors) == 3 and all(d.startswith("Carl Dunn said: “We have seen a ") for d in q.distractors)
    assert not any("31%" in d for d in q.distractors)


def test_a_quote_whose_other_figure_is_asked_elsewhere_is_not_misquoted(tmp_path):
    bank, _ = bank_of(tmp_path, "An eight megabit service has been launched by UK Online. It is 16 times faster than "
                                "the average broadband package. \"The service is twice as fast as any other service "
                                "in the UK and 16 times faster than most broadband services,\" said Mr Chris Stening.")
    assert not any(q.prompt == FACT_CHECK_PROMPT and "said: “" in q.answer for q in bank.questions)


def test_a_figure_someone_puts_forward_is_asked_as_theirs_a_reported_one_is_not(tmp_path):
    bank, _ = bank_of(tmp_path, "Government figures suggest TB in England has increased by 25% over the past 10 "
                                "years. Floods forced at least 2,300 families from their homes in Kenya in 2021, the "
                                "Red Cross said.")
    prompts = {q.prompt for q in bank.questions}
    assert "According to government figures, by what percentage has TB in England increased over the past 10 " \
           "years?" in prompts
    assert "At least how many families did floods force from their homes in Kenya in 2021?" in prompts


def test_a_part_is_varied_below_its_whole_and_the_whole_is_not_varied(tmp_path):
    bank, found = bank_of(tmp_path, "Veltro Games published nine of the 20 biggest-selling games in Britain.")
    q = _statement(bank, "of the 20 biggest-selling games")
    assert q.answer == "Veltro Games published nine of the 20 biggest-selling games in Britain."
    varied = [re.search(r"published (\w+) of the (\d+)", d).groups() for d in q.distractors]
    assert all(n != "nine" and whole == "20" for n, whole in varied)
    assert [s.part for s in found.statements] == ["nine"]  # never the 20


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
    bank, _ = bank_of(tmp_path, "Morrison, who is now as well known for his brushes with the law than his music "
                                "career, rose to fame with the 1996 single Return of the Mack.")
    q = _statement(bank, "rose to fame")
    assert q.answer == "Morrison rose to fame with the 1996 single Return of the Mack."
    bank, found = bank_of(tmp_path, "Dr Ann Gibb, who was a GP in Blaengwynfi, in the Upper Afan Valley, before "
                                    "becoming AM for Aberavon, said NHS staff wanted a period of consolidation after "
                                    "2003.")
    assert found.statements  # the statement is made, with its aside
    assert not any(s.before.startswith("Dr Ann Gibb in the") for s in found.statements)


def test_one_end_of_a_quoted_range_is_not_misquoted(tmp_path):
    _, found = bank_of(tmp_path, "Retail Systems chief executive Carl Dunn spoke in Leeds. \"With the new consoles, "
                                 "we can put 30,000 to 50,000 polygons on the main character,\" said Mr Dunn.")
    assert not any(s.speaker for s in found.statements)


def test_a_code_is_never_varied(tmp_path):
    """'056' against '055' and '057' tests the memory of a digit string: reviewers called it trivia."""
    bank, _ = bank_of(tmp_path, "Telecommunications regulator Ofcom has declared 056 to be the area code for Voip "
                                "calls in Britain.", min_confidence=0)
    options = [str(x) for q in bank.questions for x in getattr(q, "distractors", [])]
    assert not any(re.search(r"declared 0(?!56)\d\d to be", o) for o in options), options


def test_a_market_analysts_words_are_offered_against_analysts_not_candidates(tmp_path):
    bank, _ = bank_of(tmp_path, "President George W Bush won the election. Senator John Kerry conceded defeat on "
                                "Wednesday in Boston. \"The relief for the markets may be that we have a decision,\" "
                                "said Tim Ghriskey, chief investment officer of Solaris Asset Management. \"I would "
                                "look at the rally as a one-day event,\" said Ken Mayland at Clearview Economics.")
    for q in bank.questions:
        if q.prompt.startswith("Who said"):
            assert not {"George W Bush", "John Kerry"} & set(q.distractors), q.prompt
    assert sum(q.prompt.startswith("Who said") for q in bank.questions) == 2


def test_as_part_of_the_deal_is_left_out_of_a_stem(tmp_path):
    bank, _ = bank_of(tmp_path, "Fiat reached an agreement with GM in Turin. GM will pay Fiat $2bn as part of the "
                                "settlement.")
    assert "How much will GM pay Fiat?" in {q.prompt for q in bank.questions}


def test_between_two_at_odds_a_quote_about_something_else_is_still_asked(tmp_path):
    bank, _ = bank_of(tmp_path, "Record company boss Kevin Campbell has gained a court injunction stopping singer "
                                "Mark Morrison from releasing an album. Mr Campbell said: \"I'm glad we were granted "
                                "the injunction.\" He added: \"There is no loyalty in this business - just greed.\" "
                                "Morrison said: \"No judge will stop this album.\"")
    said = {q.prompt for q in bank.questions if q.prompt.startswith("Who said")}
    assert said == {"Who said “There is no loyalty in this business - just greed”?"}


def test_a_country_a_system_is_modelled_on_is_offered_against_the_articles_own(tmp_path):
    bank, _ = bank_of(tmp_path, "The Conservatives have looked at the way the system is operated in Australia, "
                                "Canada and New Zealand. Westport's new fares are modelled on the New Zealand system.")
    q = next(q for q in bank.questions if q.prompt.startswith("On which country's system"))
    assert q.prompt == "On which country's system are Westport's new fares modelled?"
    assert q.answer == "New Zealand" and q.distractors == ["Australia", "Canada"]


def test_a_former_office_is_not_offered_to_the_one_holding_it_now(tmp_path):
    bank, _ = bank_of(tmp_path, "Sergio Marchionne has replaced Herbert Demel as chief executive of Fiat Auto. Mr "
                                "Demel was recruited by former Fiat chief executive Giuseppe Morchio. Mr Morchio made "
                                "a bid to become chairman. Mr Marchionne joined the firm last year.")
    assert not any(q.prompt.startswith("Who does the article describe as the former") and
                   "Sergio Marchionne" in q.distractors for q in bank.questions)
    q = next(q for q in bank.questions if q.prompt == "How does the article describe Giuseppe Morchio?")
    assert q.answer == "former Fiat chief executive"
    assert all(d.startswith("former Fiat ") for d in q.distractors)


def test_a_date_is_checked_against_the_dates_beside_it(tmp_path):
    bank, _ = bank_of(tmp_path, "Mark Morrison will appear at the High Court in London on 20 December, his lawyers "
                                "said.")
    q = _statement(bank, "High Court in London on")
    assert "on 20 December," in q.answer
    assert sorted(re.search(r" on (\d+ \w+),", d).group(1) for d in q.distractors) == [
        "13 December", "20 January", "27 December"]


BIKES = ("Last year Tolley Mills sold 185,000 bikes in Wessex, the company said.\n\nNine of the 20 biggest-selling "
         "bikes in Wessex last year were made by Tolley Mills.\n\nTolley Mills profits rose 12% to £40m last year, "
         "helped by sales of electric bikes.\n")


def test_last_year_is_asked_as_the_year_the_articles_date_makes_it(tmp_path):
    article = tmp_path / "dated.md"
    article.write_text("---\ntitle: Tolley Mills sells more bikes\ndate: 2005-01-20\n---\n\n" + BIKES, encoding="utf-8")
    bank, _ = generate_with_facts([article], bank_dir=tmp_path, min_confidence=0)
    asked = {q.prompt: q.answer for q in bank.questions}
    assert asked["In 2004, how many bikes did Tolley Mills sell in Wessex?"] == 185000
    assert asked["In 2004, how many of the 20 biggest-selling bikes in Wessex were made by Tolley Mills?"] == 9
    # and as a statement (or a gap) in that year, not "last year"
    statements = {q.answer for q in bank.questions if q.prompt == FACT_CHECK_PROMPT}
    assert "In 2004, Tolley Mills sold 185,000 bikes in Wessex, the company said." in statements
    assert "Tolley Mills profits rose 12% to £40m in 2004, helped by sales of electric bikes." in statements
    assert not any("last year" in q.prompt or "last year" in str(q.answer) for q in bank.questions)
    # Undated, the same sentences ask nothing of those figures.
    plain = tmp_path / "undated.txt"
    plain.write_text("Tolley Mills sells more bikes\n\n" + BIKES, encoding="utf-8")
    bank, _ = generate_with_facts([plain], bank_dir=tmp_path)
    assert not any(getattr(q, "answer", None) in (185000, 9) for q in bank.questions)


def test_the_firm_someone_is_an_officer_at_is_an_organisation_to_offer(tmp_path):
    bank, _ = bank_of(tmp_path, "Vodafone launched its service in November. \"Show me an operator that believes "
                                "its voice business can sustain it,\" said Niel Ransom, chief technology officer at "
                                "Alcatel. Motorola has just announced a deal with Apple to produce a phone that "
                                "works with the iTunes service.")
    q = next(q for q in bank.questions if "deal with Apple" in q.prompt)
    assert q.answer == "Motorola" and "Alcatel" in q.distractors
    assert q.prompt.startswith("Which organisation has announced")  # not "has just": as of when?
