"""Figures asked as a gap in their own sentence, and the statements they come from (made-up stories)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp.core.model import NumericQuestion
from quizapp.generate.api import find_candidates, generate_with_facts
from quizapp.generate.questions import FACT_CHECK_PROMPT, _names_something
from quizapp.generate.rank import GAP, GAP_ASK, gap_text, is_gap


def generate(tmp_path: Path, body: str, min_confidence: float = 0.01, title: str = "A made-up story"):
    """min_confidence 0: the whole pool, statements as statements; above 0: a bank, where they are gaps."""
    article = tmp_path / "story.txt"
    article.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    bank, _ = generate_with_facts([article], bank_dir=tmp_path, min_confidence=min_confidence)
    return bank.questions


def gaps(questions) -> list[NumericQuestion]:
    return [q for q in questions if q.type == "numeric" and is_gap(q.prompt)]


def asked_gaps(tmp_path: Path, body: str, title: str = "A made-up story") -> dict[float, NumericQuestion]:
    """The bank's gaps by answer."""
    return {q.answer: q for q in gaps(generate(tmp_path, body, title=title))}


def asked_alone(tmp_path: Path, body: str, answer: float, phrase: str, context: str) -> bool:
    """Whether the bank asks `answer` in a gap holding `phrase`, not shown after the sentence opening on `context`
    that explains it."""
    return any(q.answer == answer and phrase in q.prompt and not q.prompt.startswith(context)
               for q in gaps(generate(tmp_path, body)))


def statements(questions) -> list[str]:
    return [q.answer for q in questions if q.prompt == FACT_CHECK_PROMPT]


def said(questions) -> list[str]:
    """What the questions say: each statement's text, and each gap's prompt."""
    return statements(questions) + [q.prompt for q in gaps(questions)]


def test_a_figure_in_a_bank_is_a_gap_in_its_own_sentence(tmp_path):
    body = ("Harbour Foods has agreed to buy the Lakeside bakery chain for £48m. "
            "The Lakeside chain employs about 1,700 people in 36 shops across Wessex.")
    qs = generate(tmp_path, body)
    shown = {q.answer: q for q in gaps(qs)}
    assert 48 in shown
    price = shown[48]
    # The headline says what the sentence is about.
    assert price.prompt == (f"Harbour Foods has agreed to buy the Lakeside bakery chain for £{GAP}m. {GAP_ASK} "
                            "“A made-up story”?")
    assert price.prompt.count(GAP) == 1 and "48" not in price.prompt
    assert "£48m" in price.cite.quote and price.tolerance is None and "money" in price.tags
    # In the pool the same figure is a statement with wrong options: the bank asks it once, as a gap.
    pool = generate(tmp_path, body, min_confidence=0)
    assert any("£48m" in s for s in statements(pool))
    assert not any("£48m" in s for s in statements(qs))


def test_a_gap_keeps_the_hedge_and_an_approximate_or_long_figure_has_a_tolerance(tmp_path):
    qs = gaps(generate(tmp_path, "The Lakeside chain employs about 1,700 people in Wessex. "
                                 "Lakeside shops sold 1,284,117 loaves in 2023, the chain said."))
    about = next(q for q in qs if q.answer == 1700)
    # "about 1,700": right to the digits the article gives (1,650 to 1,750), not a tenth either way (1,600 and
    # 1,800 are other figures)
    assert f"employs about {GAP} people" in about.prompt and about.tolerance == "2.9%"
    loaves = next(q for q in qs if q.answer == 1284117)
    # No reader recalls seven digits: right within what its first two give (1,300,000 is 1.2% off);
    # "13" or "48" stay exact.
    assert loaves.tolerance == "3.9%"
    shares = gaps(generate(tmp_path, "Brindle Mills holds 87.3% of the Wessex flour market, Tolley Data said."))
    # a figure given to its decimal is right as written: 87 is not what the article says
    assert shares[0].tolerance is None and shares[0].min is None and shares[0].answer == 87.3
    fine = gaps(generate(tmp_path, "Brindle Mills was fined £12.6m by the Wessex regulator, Tolley Data said."))
    assert fine[0].answer == 12.6 and fine[0].tolerance is None
    about = gaps(generate(tmp_path, "Brindle Mills holds about 87.3% of the Wessex flour market, Tolley Data said."))
    assert about[0].tolerance == "1%"  # "about 87.3%": 87 is right; 83 or 91, within 5% of it, are not


def test_a_lower_or_upper_bound_is_only_asked_as_a_gap(tmp_path):
    body = "Brindle Works, the Wessex engineer, saw its shares jump more than 23% after a rescue deal."
    pool = generate(tmp_path, body, min_confidence=0)
    # "more than 20%" would be true as well: never a wrong option.
    assert not any("more than" in s for s in statements(pool))
    [q] = [q for q in gaps(pool) if q.answer == 23]
    assert f"jump more than {GAP}%" in q.prompt


def test_only_the_numeric_type_still_asks_figures(tmp_path):
    qs = generate(tmp_path, "Harbour Foods has agreed to buy the Lakeside bakery chain for £48m.")
    numeric = generate_with_facts([tmp_path / "story.txt"], bank_dir=tmp_path, types=["numeric"],
                                  min_confidence=0.01)[0].questions
    assert [q.prompt for q in gaps(numeric)] == [q.prompt for q in gaps(qs)]
    assert all(q.type == "numeric" for q in numeric)


def test_a_running_total_so_far_is_not_asked(tmp_path):
    # "so far": up to the article's date, which a question on its own does not give
    body = ("So far a total of 8,410 postal votes have been sent out across the Wessex region. "
            "Tolley Council has hired 35 extra staff to count the postal votes in Wessex.")
    pool = generate(tmp_path, body, min_confidence=0)
    texts = said(pool)
    assert any("35 extra staff" in t or f"{GAP} extra staff" in t for t in texts)
    assert not any("So far" in t for t in texts)


def test_a_time_that_sets_one_year_against_another_is_not_dropped(tmp_path):
    body = ("Tickets for the Wessex Folk Festival sold out in record time, five months before it opens. "
            "Last year the fair's tickets went 10 weeks before the fair.")
    pool = generate(tmp_path, body, min_confidence=0)
    # Without "Last year" the sentence would say this year's tickets sold out ten weeks before.
    asked = [t for t in said(pool) if "10 weeks" in t or f"{GAP} weeks" in t]
    assert all(f"Last year the fair's tickets went {GAP} weeks" in t for t in asked)


def test_a_day_by_day_breakdown_is_not_a_statement(tmp_path):
    pool = generate(tmp_path, "Skyway Air cancelled about 35 flights on Saturday, 90 on Sunday, 120 on Monday "
                              "and 20 on Tuesday, officials said.", min_confidence=0)
    assert not any("35" in t or GAP in t for t in said(pool))


def test_ordinals_nouns_and_names_that_look_like_figures_are_not_varied(tmp_path):
    body = ("The Wessex Party leader hopes to stay on after a third win in the county. "
            "The actor Tom Brindle won a rare double by leading the Wessex and Mercia charts. "
            "The Wessex coach Ann Tolley wants a first Six Nations title for her side.")
    pool = generate(tmp_path, body, min_confidence=0)
    shown = " ".join(said(pool) +
                     [d for q in pool if q.prompt == FACT_CHECK_PROMPT for d in q.distractors])
    assert "a quarter win" not in shown and "three times by leading" not in shown
    assert "Seven Nations" not in shown and f"{GAP} Nations" not in shown


def test_an_it_that_stands_for_a_clause_does_not_stop_a_statement(tmp_path):
    qs = gaps(generate(tmp_path, "It could cost £5m to hold a vote on the Wessex charter, ministers said."))
    assert [q.prompt.split(". ")[0] for q in qs] == [f"It could cost £{GAP}m to hold a vote on the Wessex "
                                                     "charter, ministers said"]


def test_a_subject_that_only_the_sentence_before_names_does_not_stand_alone(tmp_path):
    body = ("Harbour Pictures released Quiet Tides in March. "
            "The movie has taken $90m in the US, the studio said. "
            "The price of Wessex wheat fell to $236 a tonne in May.")
    pool = generate(tmp_path, body, min_confidence=0)
    texts = said(pool)
    assert not any(t.startswith("The movie") for t in texts)  # which movie? the sentence before said
    assert any(t.startswith("The price of Wessex wheat") for t in texts)  # "of Wessex wheat" says what


def test_a_share_that_says_of_what_nowhere_is_not_asked(tmp_path):
    body = "Brindle Works makes 40% of all tractors sold in Wessex. Acme, its chief claims, has 30%."
    texts = " ".join(statements(pool := generate(tmp_path, body, min_confidence=0)) +
                     [q.prompt for q in gaps(pool)])
    assert "40" in texts or f"makes {GAP}%" in texts
    assert "30%" not in texts and f"has {GAP}%" not in texts


def test_a_person_named_by_surname_alone_is_named_in_full(tmp_path):
    body = ("Wessex coach Ann Tolley has been under pressure all season. "
            "With just three wins from 17 games, Tolley says her side is improving.")
    texts = statements(pool := generate(tmp_path, body, min_confidence=0)) + [q.prompt for q in gaps(pool)]
    assert any("Ann Tolley says" in t for t in texts)
    assert not any(" Tolley says" in t and "Ann Tolley" not in t for t in texts)


def test_a_thing_named_for_a_person_keeps_its_name(tmp_path):
    """"the Tolley ring road" is a road, not Ann Tolley: a name after "the" is not made a person's full name."""
    body = ("Council leader Ann Tolley said the bridge would close in May. "
            "About 42,000 vehicles cross the bridge each day, and traffic is expected to move to the Tolley "
            "ring road.")
    texts = statements(pool := generate(tmp_path, body, min_confidence=0)) + [q.prompt for q in gaps(pool)]
    assert any("the Tolley ring road" in t for t in texts)
    assert not any("Ann Tolley ring road" in t for t in texts)


def test_a_tolerance_never_takes_in_another_figure_of_the_article(tmp_path):
    body = ("Lakeside was sold to pay off about $14.2bn in unpaid taxes. "
            "Harbour Foods is suing the tax office for $14.5bn in damages. "
            "Lakeside employs about 1,700 people in Wessex. A rival counted some 1,650 Lakeside staff in May.")
    shown = {q.answer: q for q in gaps(generate(tmp_path, body))}
    assert 14.2 in shown and 1700 in shown
    # 3.5% of "about $14.2bn" (what "14" tells) would take in $14.5bn: the tolerance is cut to half the distance.
    assert shown[14.2].tolerance == "1.1%"
    # "About 1,700" keeps what its digits tell: the 1,650 of another sentence may be the same, counted.
    assert shown[1700].tolerance == "2.9%"


def test_an_approximate_figure_is_not_right_for_another_figure_it_does_not_round_to(tmp_path):
    body = ("Wessex Freight has agreed to be bought by a Dutch rival in a deal worth about £1.9bn. "
            "The offer values each share at 412p, a premium of 35% to the price before talks were announced. "
            "Wessex Freight, which employs 8,400 people, was valued at just under £1.8bn at the start of the year.")
    shown = asked_gaps(tmp_path, body)
    assert 1.9 in shown
    # The £1.8bn the firm was worth is another figure: "about £1.9bn" stops short of it.
    assert shown[1.9].tolerance == "2.6%"


def test_a_question_reads_an_html_entity_as_its_character(tmp_path):
    qs = gaps(generate(tmp_path, "The Wessex caf&#233; chain Brindle Works sold 48,000 pies in 2023."))
    assert qs and all("café chain" in q.prompt and "&#" not in q.prompt for q in qs)
    assert all("caf&#233;" in q.cite.quote for q in qs)  # the proof quotes the article as it is


def test_a_heading_run_into_the_sentence_is_left_out(tmp_path):
    qs = gaps(generate(tmp_path, "Tourism figures: Wessex had 48,000 visitors in 2023, the Wessex tourist "
                                 "board says."))
    assert [q.prompt.split(" What")[0] for q in qs] == [
        "Wessex had ___ visitors in 2023, the Wessex tourist board says."]


def test_a_sentence_a_page_repeats_is_asked_once(tmp_path):
    line = "Lakeside sold fewer pies than usual, some 3.6 million in all, the Brindle Works bakery said."
    again = line.replace("3.6", "2.9")
    qs = gaps(generate(tmp_path, f"{line} Brindle Works fell 3% on the day. {again}"))
    assert sum("Lakeside sold fewer pies than usual" in q.prompt for q in qs) == 1


def test_a_number_that_names_something_is_not_asked(tmp_path):
    pool = generate(tmp_path, "Ann Tolley rang a 999 emergency operator from her farm in Wessex, 3,200 metres "
                              "above the sea.", min_confidence=0)
    assert not any(q.answer == 999 for q in gaps(pool))
    assert not any("a 1,000 emergency" in d or "a 998 emergency" in d
                   for q in pool if q.prompt == FACT_CHECK_PROMPT for d in q.distractors)


def test_a_figure_beside_its_conversion_is_not_a_gap(tmp_path):
    qs = gaps(generate(tmp_path, "The Wessex Dyke runs for about 31 miles (50 km), and its twin, Offa's Bank, "
                                 "for roughly five miles (8 km), Wessex University surveyors said.",
                       min_confidence=0))
    # "five miles (___ km)" or "___ miles (8 km)": the other number in the brackets gives the answer away.
    assert not any(q.answer in (8, 50, 31, 5) for q in qs)


def test_a_figure_beside_its_conversion_after_or_is_not_a_gap(tmp_path):
    body = ("The Wessex Reserve holds 4,120 tonnes of silver, or about 145m ounces, its governor said. "
            "The Tolley Reserve holds 2,800 tonnes of silver, its governor said.")
    asked = {q.answer for q in gaps(generate(tmp_path, body))}
    assert 2800 in asked and not asked & {4120, 145}  # "___ tonnes of silver, or about 145m ounces"


def test_a_statement_opening_on_someone_known_by_one_name_only_is_not_asked(tmp_path):
    for name in ("Tolley", "Okafor"):  # a name the language model knows for a person's, and one it does not
        pool = generate(tmp_path, f"{name} took 14 calls from the extortionist in March, Wessex police said.",
                        min_confidence=0)
        assert not [q for q in gaps(pool) + [q for q in pool if q.prompt == FACT_CHECK_PROMPT]
                    if "calls from the extortionist" in f"{q.prompt} {q.answer}"], name
    # Named in full before, the same person is named in full in the statement.
    pool = generate(tmp_path, "Wessex police officer Ann Tolley has been threatened. Tolley took 14 calls from "
                              "the extortionist in March, Wessex police said.", min_confidence=0)
    assert any("Ann Tolley took" in f"{q.prompt} {q.answer}" for q in pool)


def test_a_newspaper_named_for_a_day_keeps_its_day(tmp_path):
    pool = generate(tmp_path, "An Independent on Sunday poll of 1,500 voters found that 38% back the Wessex ban.",
                    min_confidence=0)
    texts = said(pool)
    assert texts and all("Independent on Sunday poll" in t for t in texts)


def test_a_day_after_a_place_is_left_out_as_any_day_is(tmp_path):
    # "at the Tolley Academy on Tuesday" says when, not which paper: which Tuesday, only the article's date tells
    pool = generate(tmp_path, "The Wessex band Brindle played for 5,000 fans at the Tolley Academy on Tuesday, "
                              "its label Harbour Records said.", min_confidence=0)
    texts = statements(pool) + [q.prompt for q in gaps(pool)]
    assert any("5,000 fans at the Tolley Academy" in t for t in texts)
    assert not any("Tuesday" in t for t in texts)


def test_one_million_is_a_figure(tmp_path):
    qs = gaps(generate(tmp_path, "More than one million homes in Wessex have been fitted with smart meters."))
    assert [(q.answer, q.prompt.split(" What")[0]) for q in qs] == [
        (1, "More than ___ million homes in Wessex have been fitted with smart meters.")]


def test_a_gap_whose_sentence_gives_it_away_is_not_asked(tmp_path):
    body = ("Brindle Works' sales in the four weeks from 2 May to 30 May were up 6.5%. "
            "Wessex Gold holds 1,244 tonnes of gold, or about 40m ounces. "
            "Brindle Works (see “Wessex's best firms”) traded up 0.43% at $41.26 on the Wessex exchange.")
    qs = gaps(generate(tmp_path, body, min_confidence=0))
    assert not any(q.answer in (4, 1244, 0.43) for q in qs)
    assert all("(see" not in q.prompt for q in qs)


def test_many_with_nothing_said_of_whom_does_not_stand_alone(tmp_path):
    pool = generate(tmp_path, "Many are paid $250,000 a year by the Wessex board.", min_confidence=0)
    assert not gaps(pool) and not statements(pool)


def test_a_long_figure_is_not_right_for_another_figure_of_its_kind(tmp_path):
    body = ("Wessex Bank lent £2,046m to home buyers in May, Tolley Data said. "
            "Brindle Bank lent £2,090m to home buyers in April, Tolley Data said.")
    [q] = [q for q in gaps(generate(tmp_path, body)) if q.answer == 2046]
    assert q.tolerance == "1.1%"  # half the way to the 2,090 the article gives: "2,090" scores nothing


def test_what_only_the_sentences_before_explain_does_not_stand_alone(tmp_path):
    body = ("The German carmaker has sold 1.2 million cars in Wessex. "
            "Over the year, its profits fell 12% to 2.4bn euros. "
            "All five men were charged with 12 offences in Wessex.")
    pool = generate(tmp_path, body, min_confidence=0)
    assert not gaps(pool) and not statements(pool)


def test_a_headline_that_gives_the_answer_is_left_out_of_the_gap_question(tmp_path):
    qs = gaps(generate(tmp_path, "The Wessex band Brindle will tour for the first time in eight years, its "
                                 "label Harbour Records said.", title="Brindle back after eight years"))
    assert [q.answer for q in qs] == [8]
    assert "Brindle back" not in qs[0].prompt and qs[0].prompt.endswith("according to the article?")


def test_a_headline_that_gives_the_answer_after_a_currency_s_letters_is_left_out_too(tmp_path):
    qs = gaps(generate(tmp_path, "Wessex's telecoms regulator has fined mobile operator Brindle Mobile 5.8 billion "
                                 "naira for failing to disconnect more than 2.3 million unregistered SIM cards.",
                       title="Regulator fines Brindle N5.8bn over SIM cards"))
    [q] = [q for q in qs if q.answer == 5.8]
    assert "Regulator fines" not in q.prompt and q.prompt.endswith("according to the article?")


@pytest.mark.parametrize("sentence, gap, answer", [
    ("Tolley Air will return to the skies in March after a R1.2bn rescue deal with investors from Brindle.",
     f"after a R{GAP}bn rescue deal", 1.2),
    ("Brindle Bank collapsed in 2019, leaving its depositors in Wessex with an estimated N27 billion in lost savings.",
     f"an estimated N{GAP} billion in lost savings", 27),
    ("Households in Tolley will pay R1,980 a month for power from July, up from R1,757.", f"will pay R{GAP} a month",
     1980),
    ("Wessex Minerals said its cost of production at the Tolley mine was roughly A$1,150 a tonne.",
     f"roughly A${GAP} a tonne", 1150),
])
def test_a_sum_in_the_currencies_of_international_news_is_asked_with_its_currency(tmp_path, sentence, gap, answer):
    [q] = [q for q in gaps(generate(tmp_path, sentence, title="A story from abroad")) if q.answer == answer]
    assert gap in q.prompt


def test_either_end_of_a_range_in_a_glued_currency_is_not_asked_alone(tmp_path):
    body = ("Commuters in Tolley woke up to higher bus fares after operators raised prices on most routes by between "
            "Sh10 and Sh30, blaming a rise in fuel prices.")
    assert not gaps(generate(tmp_path, body, title="Bus fares rise"))
    # (nor is a name of a letter and a figure a sum: "N95 masks")
    masks = gaps(generate(tmp_path, "Brindle Health bought 40,000 N95 masks for its nurses in Wessex.",
                          title="Masks bought"))
    assert not any(f"N{GAP}" in q.prompt or q.answer == 95 for q in masks)


@pytest.mark.parametrize("title, body, answer", [
    ("Tolley Plantations' profit doubles on higher palm oil prices",
     "Plantation group Tolley Plantations posted a 104 per cent jump in net profit for the third quarter.", 104),
    ("Wessex central bank cuts rate by half a point",
     "Wessex's central bank cut its benchmark interest rate by 50 basis points, its third cut in four months.", 50),
])
def test_a_headline_that_words_the_rise_or_cut_is_not_shown_with_its_gap(tmp_path, title, body, answer):
    [q] = [q for q in gaps(generate(tmp_path, body, title=title)) if q.answer == answer]
    assert q.prompt.endswith("according to the article?")  # "doubles" tells about 100%, "half a point" 50


def test_a_headline_figure_within_the_tolerance_is_left_out_too(tmp_path):
    qs = gaps(generate(tmp_path, "The owner of the Wessex ferry firm Brindle Lines has sued the Tolley council "
                                 "for $41.3bn in damages.", title="Brindle owner sues Tolley for $41bn"))
    [q] = [q for q in qs if q.answer == 41.3]
    # 41, the same sum rounded, is marked right, so the headline would give it away
    assert q.min is not None and float(q.min) <= 41 <= float(q.max)
    assert "sues Tolley" not in q.prompt and q.prompt.endswith("according to the article?")


def test_the_company_after_a_sentence_naming_two_firms_is_not_resolved(tmp_path):
    body = ("Brindle Lines has asked a Wessex court to halt the sale of its ferries. "
            "Brindle's parent company, the Tolley-based Harbour Group, is suing Wessex for $28.3bn. "
            "The company is also seeking $20bn in a separate lawsuit against the Wessex port authority.")
    pool = generate(tmp_path, body, min_confidence=0)
    # which of the two is "the company", the article does not say: it is shown as written, after its sentence
    shown = [q.prompt for q in pool if q.prompt != FACT_CHECK_PROMPT] + statements(pool)
    assert not any(re.search(r"(Harbour Group|Brindle Lines|Brindle) (is )?seeking", t) for t in shown), shown
    assert any(q.prompt.startswith("Brindle's parent company") and f"The company is seeking ${GAP}bn" in q.prompt
               for q in gaps(pool))


def test_the_firm_is_named_as_the_sentence_before_named_it(tmp_path):
    body = ("Wessex bus operator Harbour Lines has seen ticket sales fall as more people drive. "
            "The firm said sales were down 4% in 2004 to 789m euros.")
    texts = [q.prompt for q in gaps(generate(tmp_path, body))]
    assert any(t.startswith(f"Harbour Lines said sales were down {GAP}% in 2004") for t in texts), texts


def test_a_quote_s_double_act_is_not_varied(tmp_path):
    body = ("Wessex MP Ann Tolley praised her colleagues. “Tom and Sam Brindle have formed a double-act that "
            "has won us 12 seats,” Ms Tolley said.")
    pool = generate(tmp_path, body, min_confidence=0)
    assert not any("times-act" in d for q in pool if q.prompt == FACT_CHECK_PROMPT for d in q.distractors)


def test_a_speaker_s_namesake_is_not_a_wrong_option(tmp_path):
    body = ("The Wessex doubles champions Bob Brindle and Mike Brindle beat Ann Tolley and Sue Okafor. "
            "“We played our best tennis of the year,” said Bob Brindle. "
            "“It was a hard match,” said Ann Tolley, who also praised coach Tom Reyes. "
            "“They deserved it,” said Sue Okafor. “I was proud of them,” said Tom Reyes.")
    [q] = [q for q in generate(tmp_path, body, min_confidence=0) if q.prompt.startswith("Who said “We played")]
    assert q.answer == "Bob Brindle" and "Mike Brindle" not in q.distractors and len(q.distractors) >= 2


def test_a_statement_changing_only_a_year_or_a_date_is_not_asked(tmp_path):
    body = ("Wessex Rail was founded in 1998 by Ann Tolley. Its trains carry 48,000 people a day. "
            "Tolley's company runs 120 trains. Sam Brindle joined the Wessex Rail board on 4 June 2004.")
    shown = " ".join(statements(generate(tmp_path, body)))
    assert "1998" not in shown and "2004" not in shown  # a reader guesses a year, or shrugs at it
    pool = " ".join(statements(generate(tmp_path, body, min_confidence=0)))
    assert "founded in 1998" in pool and "4 June 2004" in pool  # still in the pool, for review


def test_the_year_an_event_happened_is_asked_as_a_gap_to_the_year(tmp_path):
    body = ("Wessex Rail was founded in 1998 by Ann Tolley, a former engineer. "
            "The Brindle Arts Centre closed in March 2003 after a fire destroyed its roof.")
    shown = asked_gaps(tmp_path, body)
    assert shown[1998].prompt.startswith(f"Wessex Rail was founded in {GAP} by Ann Tolley")
    assert shown[2003].prompt.startswith(f"The Brindle Arts Centre closed in March {GAP} after")
    assert shown[1998].tolerance is None and shown[1998].min is None  # a year is right to the year
    assert "What year fills the gap" in shown[1998].prompt  # not "What number": no one calls a year that
    assert gap_text(shown[1998].prompt) == f"Wessex Rail was founded in {GAP} by Ann Tolley, a former engineer."


@pytest.mark.parametrize("sentence", [
    "Tolley Mills sold 4,000 bikes in 2004.",  # the year frames the count, which is the news
    "Wessex Rail hopes to double its fleet by 2008.",  # a target, not an event
    "Wessex Rail has lost money every year since 1997.",  # a start
    "Brindle Council presented its 2005 budget to angry residents.",  # a name
    "Ann Tolley found fame in 1999's Brindle Nights, a comedy.",  # a name again
])
def test_a_year_that_frames_names_or_targets_is_no_gap(tmp_path, sentence):
    shown = asked_gaps(tmp_path, sentence)
    assert not any(1990 <= year <= 2010 for year in shown)


def test_a_subject_of_an_age_does_not_stand_alone(tmp_path):
    pool = generate(tmp_path, "The 31-year-old was injured in May but will play 80 minutes for Wessex.",
                    min_confidence=0)
    assert not gaps(pool) and not statements(pool)


def test_a_gap_that_leans_on_the_sentence_before_is_shown_after_it(tmp_path):
    body = ("Wessex Rovers were docked points by the league for fielding an ineligible player. "
            "The club was also fined £45,000 by the league.")
    fine = next(q for q in gaps(generate(tmp_path, body)) if q.answer == 45000)
    # "The club ... also": which club, fined as well as what, the sentence before says.
    assert fine.prompt.startswith("Wessex Rovers were docked points by the league for fielding an ineligible "
                                  f"player. The club was fined £{GAP} by the league. {GAP_ASK}")
    assert fine.cite.quotes == ["Wessex Rovers were docked points by the league for fielding an ineligible player.",
                                "The club was also fined £45,000 by the league."]


def test_a_gap_that_stands_alone_is_shown_alone(tmp_path):
    body = ("Wessex Rovers were docked ten points on Friday for fielding an ineligible player. "
            "Wessex Rovers must pay a fine of £45,000 within a month, the league said.")
    fine = next(q for q in gaps(generate(tmp_path, body)) if q.answer == 45000)
    assert fine.prompt.startswith(f"Wessex Rovers must pay a fine of £{GAP} within a month")
    assert fine.cite.quotes == ["Wessex Rovers must pay a fine of £45,000 within a month, the league said."]


def test_no_gap_is_shown_after_a_sentence_that_gives_another_answer(tmp_path):
    body = ("Brindle Works will close 14 of its 60 depots across Wessex this spring. "
            "The firm also plans to cut 900 jobs at its Tolley plant by the end of the year.")
    qs = gaps(generate(tmp_path, body))
    for q in qs:  # whichever figures are asked, none is shown in another question
        assert not any(str(other.answer) in q.prompt.replace(",", "") for other in qs if other is not q)


def test_a_count_another_question_shows_with_what_it_counts_is_not_asked_again(tmp_path):
    body = ("Fast bowler Sam Okafor took five for 38 as Wessex bowled Tolley out for 231 shortly after tea on the "
            "fifth day to win the first Test by 143 runs and go 1-0 up in the two-match series.\n\n"
            "Set an unlikely 375 to win, Tolley had resumed on 97 for two and reached lunch on 168 for three, with "
            "opener Tom Hale unbeaten on 74.\n\n"
            "Wessex won by 143 runs.")
    qs = gaps(generate(tmp_path, body, title="Okafor five-for seals 143-run win as Wessex take series lead"))
    assert any("by 143 runs" in q.prompt for q in qs)  # the lead, asked about another of its figures
    assert not any(f"won by {GAP} runs" in q.prompt for q in qs)  # which would ask again what the lead shows


def test_the_months_of_a_term_in_years_and_months_are_not_asked(tmp_path):
    body = ("Three men who stole more than 1,100 catalytic converters from parked cars have been jailed.\n\n"
            "Ringleader Tom Hale, 34, of Brindle, was sentenced to six years and three months.\n\n"
            "Carl Reyes, 27, of Tolley, was jailed for four years and seven months, and Sam Cole, 31, of no fixed "
            "abode, for three years and five months.")
    prompts = [q.prompt for q in gaps(generate(tmp_path, body))]
    assert any(f"sentenced to {GAP} years and three months" in p for p in prompts)
    assert not any(f"years and {GAP} months" in p for p in prompts)


def test_a_golf_round_s_score_after_the_strokes_under_par_is_not_asked(tmp_path):
    body = ("Seventeen-year-old amateur Ann Tolley became the youngest winner of the Wessex Women's Open on Sunday, "
            "closing with a four-under-par 68 to finish two shots clear of the field.")
    # on a par-72 course, "four under" works the 68 out
    assert 68 not in asked_gaps(tmp_path, body, title="Teenage amateur wins Wessex Open")


def test_the_distance_a_race_is_named_by_is_not_asked(tmp_path):
    body = ("Tom Hale has confirmed he will run at the Tolley Grand Prix in Wessex on 18 February, where he will take "
            "on his relay team-mate Sam Cole over 60m.")
    assert 60 not in asked_gaps(tmp_path, body, title="Hale eyes world gold")


def test_a_figure_set_against_last_year_s_is_asked_but_not_one_dated_last_year(tmp_path):
    body = ("The debut of the US drama Tolley Lane has helped lift Wessex TV's January audience share by 12% compared "
            "to last year.\n\n"
            "Brindle Motors sold 40,000 cars in Wessex last year.")
    asked = asked_gaps(tmp_path, body, title="Drama lifts Wessex TV ratings")
    # the comparison is the fact, whenever the article was written; "sold 40,000 cars last year": in which year?
    assert f"audience share by {GAP}% compared to last year" in asked[12].prompt and 40000 not in asked


def test_a_day_left_out_takes_its_participle_and_leaves_no_time_of_no_day(tmp_path):
    body = ("Average asking rents in Tolley have climbed above €2,400 a month for the first time, according to a "
            "report published today.\n\n"
            "By 10am on Saturday, more than 18,000 people had ridden the new Wessex tram, Wessex Transit said.")
    asked = asked_gaps(tmp_path, body, title="Tolley rents climb")
    assert asked[2400].prompt.startswith(f"Average asking rents in Tolley have climbed above €{GAP} a month for the "
                                         "first time, according to a report. What")  # not "a report published."
    assert 18000 not in asked  # "By 10am, more than ___ people": 10am of which day?


def test_a_context_that_shows_the_answer_is_not_shown(tmp_path):
    body = ("Brindle Works said 900 jobs would go at its Tolley plant, out of 2,400 there. "
            "The cuts mean the plant will lose 900 jobs by the end of the year, the firm said.")
    for q in gaps(generate(tmp_path, body, min_confidence=0.01)):
        assert str(q.answer) not in q.prompt.replace(",", "")


def test_distances_race_splits_and_event_names_are_side_details(tmp_path):
    body = ("The Tolley mill, 40 miles north of Wessex, employs 350 people, its owner said. "
            "Ann Tolley won the 800m title at the Wessex Games after breaking clear in the final 200m. "
            "Sue Okafor, twice the Wessex 400m champion, finished third in 2:01.4.")
    pool = generate(tmp_path, body, min_confidence=0)
    assert {q.answer for q in gaps(pool)} & {40, 200, 400, 800} == set()
    for q in pool:
        for w in ("40 miles", "final 200m", "400m champion", "800m title"):
            if q.prompt == FACT_CHECK_PROMPT and w in q.answer:
                assert all(w in d for d in q.distractors)  # never the figure varied
    assert 350 in {q.answer for q in gaps(pool)} | {350 for s in statements(pool) if "350 people" in s}


def test_a_slip_in_the_article_s_sentence_is_not_copied_into_a_question(tmp_path):
    body = ("The number of Wessex homes on fast broadband rose by to 2.4 million in 2023, the regulator said. "
            "Wessex Water is expected grow its profits by 4% next year, according revised figures.")
    shown = " ".join(f"{q.prompt} {q.answer}" for q in generate(tmp_path, body, min_confidence=0))
    assert "by to" not in shown and "expected grow" not in shown and "according revised" not in shown


def test_a_speaker_passing_on_what_another_said_is_not_a_who_said_question(tmp_path):
    body = ('Detective Sam Okafor said: "She said she regretted selling the van but had needed the money for '
            'the rent." Judge Ann Tolley said: "The court will hear the whole case in full next spring and in '
            'public." Lawyer Tom Reyes said: "My client will plead not guilty to every one of the charges."')
    pool = generate(tmp_path, body, min_confidence=0)
    who = [q for q in pool if q.prompt.startswith("Who said")]
    assert who and not any("She said she regretted" in q.prompt for q in who)
    # "Lawyer Tom Reyes": the job that opens the sentence is no part of his name.
    names = {str(q.answer) for q in who} | {d for q in who for d in q.distractors}
    assert "Tom Reyes" in names and not any(n.startswith("Lawyer") for n in names)


def test_only_words_for_people_make_a_name_a_person():
    from quizapp.generate.entities import NameBook
    from quizapp.generate.questions import ArticleFacts

    names = NameBook(kinds={"Massive Harbour": "person", "Jo Brindle": "person"})
    af = ArticleFacts(source=None, sentences=["The band Massive Harbour split.", "The singer Jo Brindle left."],
                      names=names, epithets={"band": ("Massive Harbour", 0), "singer": ("Jo Brindle", 1)})
    assert af.shown_as_people == frozenset({"Jo Brindle"})  # "the band" is no person, "the singer" is


def test_an_emergency_number_and_a_race_that_names_an_event_are_not_asked(tmp_path):
    body = ("Sue Okafor won the women's 3000m at the Wessex Games after a slow first lap, "
            "Wessex Athletics said. Neighbours ran out, calling 999 for help, Wessex Police said. "
            "The fire at the Tolley mill injured 14 people, Wessex Police said. "
            "Phones can normally connect to 112 using any network, but 3,000 handsets failed to, Tolley Mobile said.")
    pool = generate(tmp_path, body, min_confidence=0)
    assert {q.answer for q in gaps(pool)} & {3000, 999, 112} == set()
    assert not any("3000m" in s or "999" in s for s in statements(pool))
    # (a statement on the 3,000 handsets shows the 112 as written, never changed)
    assert all("connect to 112 " in d for q in pool if q.prompt == FACT_CHECK_PROMPT and "connect to" in q.answer
               for d in q.distractors)
    assert any("14 people" in s for s in statements(pool))  # a count of people hurt is a fact


def test_a_figure_said_relative_to_the_article_s_date_is_asked_as_the_article_says_it(tmp_path):
    body = ("Tolley Mills has 2,400 workers in Wessex, up from 1,900 a year ago, according to Wessex Council. "
            "Brindle Works employs 350 people across Wessex, according to Wessex Council.")
    pool = gaps(generate(tmp_path, body))
    assert {2400, 350} <= {q.answer for q in pool}
    assert any("up from 1,900 a year ago" in q.prompt for q in pool)  # when, in the article's words


def test_a_he_that_no_name_before_explains_is_not_asked_alone(tmp_path):
    body = ("Wessex Rovers have won the Tolley Cup final. The comedy Harbour Lights, in which he stars with "
            "Ann Reyes, took £4.6m in its first week at the Wessex box office.")
    assert not any(q.answer == 4.6 and "Wessex Rovers have won" not in q.prompt for q in gaps(generate(tmp_path, body)))


def test_a_sentence_about_something_else_is_no_context(tmp_path):
    body = ("Brindle Works, meanwhile, says it will build only petrol mowers from now on. "
            "Wessex gardeners say an electric mower, which costs £240 more, lasts longer than a petrol mower.")
    for q in gaps(generate(tmp_path, body, min_confidence=0)):
        assert "petrol mowers from now on" not in q.prompt


def test_two_years_that_count_out_the_answer_give_it_away(tmp_path):
    body = ("Ann Tolley became chief executive of Brindle Works in 1994. "
            "Under pressure from investors, Ann Tolley resisted a sale of Brindle Works for 3 years, "
            "before she agreed to one in 1997.")
    assert not any(q.answer == 3 for q in gaps(generate(tmp_path, body, min_confidence=0)))


def test_a_figure_beside_a_close_one_or_a_change_its_amounts_work_out_is_not_asked(tmp_path):
    body = ("The Wessex Institute said its confidence index fell to 236.2 in February from 240.6 in January. "
            "Brindle Works said revenue for the year was £6bn, up 20% from £5bn.")
    qs = generate(tmp_path, body)
    assert not any(q.answer == 236.2 for q in gaps(qs))  # "238" is a fair guess beside the 240.6 shown
    assert not any("236.2" in s for s in statements(qs))
    assert not any(q.answer == 20 for q in gaps(qs)) and not any("20%" in s for s in statements(qs))


def test_the_days_of_a_period_are_no_amounts_that_work_out_a_change(tmp_path):
    body = ("In the three months from 1 April to 30 June, Brindle Stores' sales were up 4.1% on a year earlier, "
            "the Wessex retailer said.")
    # "from 1 April to 30 June" dates the change; it gives no two amounts to work 4.1% out from
    assert any(q.answer == 4.1 for q in gaps(generate(tmp_path, body)))


def test_one_figure_in_two_sentences_is_asked_once(tmp_path):
    body = ("Wessex Rail carried 40 million passengers in 2023, its owner Brindle Holdings said. "
            "Brindle Holdings said that Wessex Rail's 40 million passengers made it the busiest line in Wessex.")
    assert sum(q.answer == 40 for q in gaps(generate(tmp_path, body))) <= 1


def test_a_stray_comma_before_the_full_stop_is_left_out():
    from quizapp.generate.questions import _plain_sentence

    assert _plain_sentence("The 17m shares were sold within ten minutes of opening,.") == \
        "The 17m shares were sold within ten minutes of opening."


def test_a_he_after_the_sentence_shown_before_it_is_shown_as_the_article_wrote_it(tmp_path):
    body = ("Tom Hale sold the Brindle farm to a Wessex developer, and his son Jo says the developer made his last "
            "years a misery. He rang the Hale home 14 times in one winter, hoping to buy their last field too, "
            "the Wessex court heard.")
    [q] = [q for q in gaps(generate(tmp_path, body)) if q.answer == 14]
    # "He" may be the developer: never "Tom Hale called the Hale home".
    assert f"misery. He rang the Hale home {GAP} times" in q.prompt and "Tom Hale rang" not in q.prompt


def test_a_sentence_opening_on_the_or_saying_later_is_not_asked_alone(tmp_path):
    body = ("Wessex Water cut 300 jobs across its 12 plants, its owner Brindle Holdings said. "
            "To cover the gap, the water company later raised its charges by 6%, Ofwat said. "
            "Tolley Mills employs 350 people across Wessex, according to Wessex Council.")
    asked = {q.answer for q in gaps(generate(tmp_path, body))}
    assert 6 not in asked and 350 in asked  # "the shortfall", "later": of what, after what?


def test_an_event_the_article_told_of_before_does_not_stand_alone(tmp_path):
    body = ("Wessex Rovers banned fan masks on Friday. Fans clashed with police at Tolley Park in May. "
            "A year after the Tolley incident, 120 fans were still banned from the ground, Wessex Police said.")
    assert not asked_alone(tmp_path, body, 120, "Tolley incident", "Fans clashed")


def test_descriptions_connectives_and_halves_of_a_sentence_do_not_stand_alone(tmp_path):
    body = ("Brindle Motors sold 4,000 cars in Wessex in 2023, its owner said. "
            "The German carmaker saw its profits fall to 640m euros from 1.1bn euros. "
            "In contrast, Tolley Cars enjoyed a 5% increase in sales across the region. "
            "Though Ann Reyes added that Tolley would hire 300 people at its Wessex plant.")
    asked = asked_gaps(tmp_path, body)
    for answer in (640, 5, 300):
        assert answer not in asked or asked[answer].prompt.startswith("Brindle Motors sold")


def test_a_number_the_article_names_a_product_by_is_not_asked(tmp_path):
    body = ("Tolley 80 owners meet every spring in Wessex, and 300 of them came this year. "
            "The Tolley 80 sold 2 million units, Wessex Retro said.")
    asked = {q.answer for q in gaps(generate(tmp_path, body, min_confidence=0))}
    assert 80 not in asked


def test_a_word_that_begins_another_links_a_sentence_to_the_one_before(tmp_path):
    body = ("Wessex Council is no longer a debtor, the Tolley Institute said in its yearly review. "
            "Savings of £48m now beat the debt of some £30m that remains.")
    [q] = [q for q in gaps(generate(tmp_path, body, min_confidence=0.01)) if q.answer == 48]
    assert q.prompt.startswith("Wessex Council is no longer a debtor")  # "debtor" and "debt": the same matter


def test_an_its_or_their_with_nothing_named_before_it_does_not_stand_alone(tmp_path):
    body = ("Tolley Mills employs 350 people across Wessex, according to Wessex Council. "
            "The mill's owners say the site is safe. "
            "Independent surveyors put its repair bill at about £12m, the council said. "
            "Shoppers in Wessex spent 4% more than they did a year before, Brindle Bank said.")
    asked = asked_gaps(tmp_path, body)
    assert 12 not in asked  # whose repair bill: "its" names nothing here
    assert 350 in asked and 4 in asked  # "they" has "Shoppers" before it
    # nor an "it": "living with it" (with what?), where "Tolley Health said it ..." names what it is
    body = ("A blood test could spot Parkinson's disease years before symptoms appear, a Wessex study suggests. "
            "The researchers tested 1,200 people over ten years. "
            "About 153,000 people in the UK are living with it, a figure expected to rise by 2030. "
            "Tolley Health said it would fund a trial of 20,000 patients.")
    asked = asked_gaps(tmp_path, body, title="Blood test could detect Parkinson's early")
    assert 20000 in asked and 153000 not in asked


def test_a_context_speaking_of_the_incident_is_not_shown(tmp_path):
    body = ("Wessex Rovers fans were banned from Tolley Park after the incident, the league said. "
            "The club was fined £45,000 by the league. "
            "Brindle Town were docked points by the league for fielding an ineligible player. "
            "The club was fined £30,000 by the league.")
    asked = asked_gaps(tmp_path, body)
    assert 45000 not in asked  # which incident, the sentence before does not say either
    assert asked[30000].prompt.startswith("Brindle Town were docked points")


def test_a_quote_saying_doing_so_or_a_claim_with_another_mans_he_is_not_asked(tmp_path):
    body = ("Ann Reyes, the Wessex Council leader, defended the plan on Tuesday. "
            "“We fully expect to repeat our practice of doing so once the date is set,” Ann Reyes said. "
            "Tom Hale said Jo Brindle believed he was going to be sacked by the Wessex board, not promoted. "
            "“The bridge will open to traffic in the spring of next year,” Jo Brindle said at the site.")
    prompts = [q.prompt for q in generate(tmp_path, body, min_confidence=0)]
    assert not any("doing so" in p for p in prompts)
    assert not any(p.startswith("Who said Jo Brindle believed") for p in prompts)
    assert any(p.startswith("Who said “The bridge will open") for p in prompts)


def test_how_far_a_place_lies_is_not_asked():
    from quizapp.generate.questions import _side_detail

    assert _side_detail("The mill lies ", " km north of Leeds.")
    assert not _side_detail("The line will be ", " miles long.")


def test_a_headline_giving_the_figure_is_not_named_in_the_stem(tmp_path):
    body = "Tolley Council has said that rebuilding the Wessex sea wall could cost £80m."
    [q] = [q for q in gaps(generate(tmp_path, body, title="Sea wall could cost £80m")) if q.answer == 80]
    assert "Sea wall could cost" not in q.prompt  # "£80m" in the headline is the answer


def test_a_sentence_before_that_does_not_say_what_the_description_is_is_no_context(tmp_path):
    body = ("Wessex Water plans to replace most of its old pipes, Ofwat said in its yearly review. "
            "The company will raise its water charges by 6% to pay for them. "
            "Tolley Council approved a budget of £80m for roads and schools in April. "
            "The study found that 40% of the region's roads needed repair.")
    asked = asked_gaps(tmp_path, body)
    assert asked[6].prompt.startswith("Wessex Water plans to replace")  # "The company": Wessex Water
    assert 40 not in asked  # "The study": no study in the sentence before


def test_a_measure_an_idiom_or_a_year_earlier_does_not_lean_on_the_sentences_before():
    from quizapp.generate.rank import dangles, leans_on_context

    assert not dangles(f"Lending fell to just over £{GAP}bn in May, from £25.5bn a year earlier.")
    assert not dangles(f"Tolley Mills is in the process of being sold to pay a £{GAP}m debt.")
    assert not leans_on_context(f"The price of gold fell to ${GAP} an ounce in Asia.")
    assert dangles(f"The mill later raised its prices by {GAP}%.")  # which mill, later than what
    # "more than any other firm" compares with every firm; "the other firms" are ones named before
    assert not dangles(f"Tolley Mills was granted {GAP} patents in 2004, more than any other firm in Wessex.")
    assert dangles(f"Tolley Mills was granted {GAP} patents in 2004, more than other firms in Wessex.")
    # a description its own words pin down ("of Lake Tolley"), an example, the ones the sentence goes on to say
    assert not dangles(f"The salt-rich water of Lake Tolley is roughly {GAP} times denser than the sea's.")
    assert not dangles(f"Shops such as Tolley Games sell more than {GAP} different titles in Wessex.")
    assert not dangles(f"Tolley Mills' {GAP} staff are among those being balloted about a strike in Wessex.")
    assert dangles(f"The salt-rich water is roughly {GAP} times denser than the sea's.")  # which water
    assert dangles(f"The firm's shares rose {GAP}% in Wessex.")  # whose firm
    assert leans_on_context(f"The shortfall is projected to rise to £{GAP}bn in 2026.")


def test_which_year_a_change_covered_the_sentence_must_say():
    from quizapp.generate.rank import dangles

    # "to close at ..." is what the shares did: which year they gained over, only the article says
    assert dangles(f"Wessex shares gained {GAP}% during the year to close at 6,240 points.")
    assert not dangles(f"Wessex shares gained {GAP}% during the year to March 2019.")  # the year to March
    assert not dangles(f"Wessex shares gained {GAP}% during the year to 31 March.")


def test_the_company_said_with_a_nationality_is_the_company_the_story_is_about(tmp_path):
    body = ("Dutch oil company Northwind is due in a Wessex court on 4 May as it fights to stay in business. "
            "The Dutch firm is in the process of being sold off in order to pay a $19bn tax bill.")
    [q] = [q for q in gaps(generate(tmp_path, body)) if q.answer == 19]
    assert q.prompt.startswith(f"Northwind is in the process of being sold off in order to pay a ${GAP}bn")


def test_an_it_after_the_company_resolved_to_its_name_is_the_name_s(tmp_path):
    body = ("Wessex phone firm Brindle Telecom has returned to profit after selling its stake in a rival. "
            "The company also said it had cut 3,200 jobs in 2024.")
    [q] = [q for q in gaps(generate(tmp_path, body)) if q.answer == 3200]
    # (the "it" is the company the sentence names: it stands alone, with no sentence before it)
    assert q.prompt.startswith(f"Brindle Telecom said it had cut {GAP} jobs in 2024. What")


def test_an_it_after_the_company_resolved_to_its_name_goes_on_naming_it(tmp_path):
    body = ("Tolley Airlines has asked a court to cut the pay of its ground crews. "
            "The airline needs to negotiate other pay cuts if it is to avoid bankruptcy. "
            "It is looking for pay cuts totalling $800m.")
    pool = generate(tmp_path, body, min_confidence=0)
    # "It" is still the airline "The airline" stood for, as it would be after "Tolley Airlines needs to ..."
    assert "Tolley Airlines is looking for pay cuts totalling $800m." in statements(pool)


def test_an_opening_on_a_company_the_headline_and_the_next_sentence_name_is_asked_by_that_name(tmp_path):
    body = ("A water company has been fined a record £14.2 million after admitting hundreds of illegal sewage "
            "discharges into a river in northern England.\n\n"
            "Brindle Water, which supplies about 2.4 million customers, pleaded guilty at Tolley Crown Court to "
            "27 offences.")
    [fine] = [q for q in gaps(generate(tmp_path, body, title="Brindle Water fined record £14.2m over sewage"))
              if q.answer == 14.2]
    # the headline, which gives the figure away, is not shown: the name it and the next sentence give stands in
    assert fine.prompt.startswith(f"Brindle Water has been fined a record £{GAP} million after admitting")
    assert fine.cite.quotes[0].startswith("A water company") and fine.cite.quotes[1].startswith("Brindle Water,")
    # (only an organisation: "A judge" is not the Wessex Oil a sentence after it names)
    body = "A judge has ruled that Wessex Oil must pay $12m to its former staff.\n\nWessex Oil said it would appeal."
    assert not any(q.prompt.startswith("Wessex Oil has ruled") for q in generate(tmp_path, body, 0, "Wessex Oil loses"))


def test_a_she_is_not_a_one_word_name_the_sentence_before_only_mentions(tmp_path):
    body = ("AUCKLAND - Singer-songwriter Mere Te Tolley was the big winner at the Kōtuku Music Awards on Thursday "
            "night, taking home four trophies, including album of the year, for a record sung entirely in te reo "
            "Māori.\n\n"
            "The 27-year-old's second album, Ngā Roimata o te Awa (The Tears of the River), also won best solo "
            "artist, best te reo Māori artist and best engineered album at the ceremony in Auckland. She had been "
            "nominated in six categories, more than any other act.")
    # the model takes "Awa", a word of the album's title, for a person: "She" is not Awa
    pool = generate(tmp_path, body, min_confidence=0, title="Te reo Māori album sweeps music awards")
    assert not any("Awa had" in s or "had Awa" in q.prompt for q in pool for s in [str(q.answer)])


def test_a_name_after_the_words_of_a_job_is_never_the_company_the_story_is_about():
    from quizapp.generate.api import _job_before
    from quizapp.generate.nlp import load_nlp

    doc = load_nlp()("Chief financial officer Marcus Hale said the dip reflected the cost of the new chip.")
    # the language model calls Marcus Hale an organisation; "The company also said ..." next is not him
    assert [(e.text, e.label_) for e in doc.ents] == [("Marcus Hale", "ORG")]
    assert _job_before(doc[4]) and not _job_before(load_nlp()("Tolvane Semiconductor said sales rose.")[1])


def test_the_company_after_a_sentence_about_a_part_of_it_is_still_the_company(tmp_path):
    body = ("Wessex phone firm Brindle Telecom has returned to profit after selling its stake in a rival. "
            "Tolley Mobile Inc, the company's mobile business, made a strong contribution to profits. "
            "The company also said it had cut 3,200 jobs in 2024.")
    [q] = [q for q in gaps(generate(tmp_path, body)) if q.answer == 3200]
    assert q.prompt.startswith(f"Brindle Telecom said it had cut {GAP} jobs")  # not Tolley Mobile Inc


def test_a_number_naming_a_product_in_another_paragraph_is_not_asked(tmp_path):
    body = ("The Spectrum 80 home computer sold 2 million units in Wessex, Wessex Retro said.\n\n"
            "Spectrum 80 enthusiasts meet every spring in Brindle to swap spare parts and games.")
    pool = generate(tmp_path, body, min_confidence=0)
    assert not any("enthusiasts" in s for s in statements(pool)) and 80 not in {q.answer for q in gaps(pool)}
    assert any("2 million units" in s for s in statements(pool))


def test_a_figure_shown_close_beside_the_answer_or_a_period_the_article_named_before_is_not_asked(tmp_path):
    body = ("Wessex Bank lending fell to just over £25bn in May, from £25.5bn in April, Tolley Data said. "
            "Brindle Foods said its sales rose 12% over the year. "
            "Wessex Water named the 14 towns where it will lay new pipes, and the 13 where it will not.")
    asked = asked_gaps(tmp_path, body)
    assert 25 not in asked  # "from £25.5bn" tells the answer
    assert 12 not in asked  # during which year
    assert 14 in asked  # "13" beside "14 towns" tells nothing


def test_a_gap_after_an_is_not_asked_and_a_context_naming_no_one_is_not_shown(tmp_path):
    body = ("Wessex Rovers may launch an £8m bid for the Tolley striker, according to reports. "
            "Piracy has cost the company billions, it says. "
            "The company said that 40% of its users paid nothing for its software.")
    qs = generate(tmp_path, body)
    assert 8 not in {q.answer for q in gaps(qs)}  # "an £___m": eight, eleven or eighteen
    assert not any(q.prompt.startswith("Piracy has cost") for q in gaps(qs))  # which company, still


@pytest.mark.parametrize(("body", "answer", "start"), [
    # "Brindle, a Tolley-based company": a name its appositive calls a company is what "It" stands for next
    ("Brindle, a Tolley-based company, admitted falsifying its accounts for three years. "
     "It agreed to pay $11m in penalties to settle the case with the Wessex regulator.",
     11, f"Brindle agreed to pay ${GAP}m in penalties"),
    # a short form the article defined is written out in the question, with the "the" the article gave it
    ("Figures from the Council of Wessex Lenders (CWL) showed a fall in mortgage lending in Wessex. "
     "CWL figures showed home loans fell by 9% in March as fewer people bought homes in Tolley.",
     9, f"The Council of Wessex Lenders figures showed home loans fell by {GAP}%"),
    # and none after the figure it counts: "About 230 TTU members", not "About ___ the Tolley Teachers' Union members"
    ("Members of the Tolley Teachers' Union (TTU) at schools in Wessex are to strike over class sizes.\n\n"
     "About 230 TTU members at schools run by the Wessex Learning Trust voted by 89% to strike.",
     230, f"About {GAP} Tolley Teachers' Union members at schools"),
])
def test_what_a_name_or_short_form_stands_for_is_written_in_the_gap(tmp_path, body, answer, start):
    assert asked_gaps(tmp_path, body)[answer].prompt.startswith(start)


def test_he_after_a_fronted_phrase_his_and_a_run_of_she_sentences_name_the_person(tmp_path):
    body = ("Wessex Rovers chairman Tom Hale has sold the club to a Tolley property group. "
            "In March, he offered to invest £6m in a new stand at Wessex Park.\n\n"
            "Singer Ann Cole signed to a record label in Brindle in 1998. "
            "She released her first album in 2001. "
            "She has sold 12 million albums in Europe.\n\n"
            "Jo Reyes withdrew from the takeover of Tolley Town last week. "
            "His bid failed after he said it would take £35m to rebuild the ground.")
    asked = asked_gaps(tmp_path, body)
    assert asked[6].prompt.startswith(f"In March, Tom Hale offered to invest £{GAP}m")
    assert asked[12].prompt.startswith(f"Ann Cole has sold {GAP} million albums")
    assert asked[35].prompt.startswith(f"Jo Reyes's bid failed after he said it would take £{GAP}m")
    assert asked[6].cite.quotes[0].startswith("Wessex Rovers chairman Tom Hale")  # the sentence naming him
    assert asked[12].cite.quotes[0].startswith("Singer Ann Cole signed")


def test_a_pronoun_of_the_other_sex_or_after_a_second_person_is_not_resolved(tmp_path):
    body = ("Ms Jo Reyes has sold her stake in Wessex Rovers to a Tolley property group. "
            "He made a proposal to invest £10m in a new stand.\n\n"
            "Ann Cole signed to a record label in Brindle in 1998. "
            "She toured with singer Kate Moss in 2001. "
            "She released 14 singles on the label.")
    asked = asked_gaps(tmp_path, body)
    assert 10 not in asked or not asked[10].prompt.startswith("Ms Jo Reyes")
    assert 14 not in asked or "Ann Cole" not in asked[14].prompt


def test_it_after_a_sentence_about_a_named_thing_is_that_thing_but_not_an_empty_it(tmp_path):
    body = ("Tolley Tunes sells music downloads to Wessex listeners for £3.99 a month. "
            "It has a catalogue of around 45,000 songs.\n\n"
            "Sony unveiled its new handheld console in Tokyo on Monday. "
            "It is expected that 40,000 units will be sold in the first week.")
    pool = generate(tmp_path, body, min_confidence=0)
    said = statements(pool)
    assert "Tolley Tunes has a catalogue of around 45,000 songs." in said
    assert not any(s.startswith("Sony is expected") for s in said)


def _matches(statement: str, pattern: str) -> bool:
    """'^text' opens the statement; 'text' stands anywhere in it."""
    return statement.startswith(pattern[1:]) if pattern.startswith("^") else pattern in statement


@pytest.mark.parametrize(("body", "present", "absent"), [
    # a figure above or below a line does not point back ("as above" still does)
    ("Some 28% of the 4 million people of Wessex live below the poverty line, Tolley University said. "
     "Brindle Foods said its sales in Wessex were 12% higher than in Tolley, as above.",
     ["^Some 28% of the 4 million people of Wessex live below the poverty line"], ["as above"]),
    # "He" after the one person a sentence names, not after a sentence about her father
    ("The figures came out in a statement by Tom Hale to the Wessex Assembly on Monday. "
     "He said 1,200 homes in Tolley were still without power.\n\n"
     "Ann Cole denounced her father's actions and joined the calls for him to resign. "
     "He joined the back benches 14 months later.",
     ["^Tom Hale said 1,200 homes in Tolley"], ["Ann Cole joined"]),
    # a bare subject in a sentence naming no one is not asked alone
    ("Wessex Council has published its budget for the coming year. "
     "Spending is set to rise by 6% to £1.8bn.\n\n"
     "Tolley Foods said spending on its stores would grow by 4.5% to £80m.",
     ["^Tolley Foods said spending on its stores would grow by 4.5%"], ["^Spending is set"]),
    # a first weekend, and the firm a sentence just named, stand alone
    ("Animated movie Harbour Lights has opened at the top of the Wessex box office chart, "
     "taking $21.3m on its first weekend on release.\n\n"
     "Some 900 jobs at Tolley Mills could go if a takeover of the firm by Brindle Foods goes ahead, "
     "the Wessex Echo has reported.",
     ["taking $21.3m on its first weekend on release", "^Some 900 jobs at Tolley Mills could go"], []),
    # the figures of a change are asked, but not one end of a range
    ("The Wessex jobless total rose an unexpected 12,000 to 3.215 million, Tolley Data said. "
     "Brindle Foods said its bonus rate would be cut from 2% to 1% next year in Wessex. "
     "Tolley Mills said it would hire between 60 and 80 staff in Wessex.",
     ["12,000 to 3.215 million"], ["between 60 and 80"]),
])
def test_which_statements_stand_alone(tmp_path, body, present, absent):
    said = statements(generate(tmp_path, body, min_confidence=0))
    for pattern in present:
        assert any(_matches(s, pattern) for s in said), pattern
    for pattern in absent:
        assert not any(_matches(s, pattern) for s in said), pattern


def test_a_subject_and_verb_that_do_not_agree_are_not_copied_into_a_statement(tmp_path):
    body = ("Bread prices in Wessex rises by 40% a year, Tolley Data says. "
            "Brindle Foods said its sales rose 12% to £80m in Wessex.")
    said = statements(generate(tmp_path, body, min_confidence=0))
    assert not any("rises by 40%" in s for s in said)
    assert 40 not in {q.answer for q in gaps(generate(tmp_path, body, min_confidence=0))}
    assert any(s.startswith("Brindle Foods said its sales rose 12%") for s in said)


def test_the_job_words_the_article_put_before_a_name_stand_for_that_person(tmp_path):
    body = ("Tory leader Ann Cole has attacked the cost of the Wessex road plan. "
            "Ms Cole spoke to party members in Tolley on Monday. "
            "The Tory leader said councils had spent more than £2bn on new roads in Wessex.\n\n"
            "Harbour Foods chairman Tom Hale has sold his shares. "
            "The Labour leader said the sale was worth more than £40m.")
    asked = asked_gaps(tmp_path, body)
    # named, and introduced as the article introduced her
    assert asked[2].prompt.startswith(f"Ann Cole, the Tory leader, said councils had spent more than £{GAP}bn")
    assert 40 not in asked or "Tom Hale" not in asked[40].prompt  # "Labour" stands near no name


def test_a_sum_with_its_currency_named_after_it_is_asked(tmp_path):
    body = ("Harbour Motors is to pay Tolley Cars 2.4bn euros to end their alliance, the firms said. "
            "Tolley Films said its latest film took 3.5bn yen in Wessex cinemas in two days.")
    asked = asked_gaps(tmp_path, body)
    assert asked[2.4].prompt.startswith(f"Harbour Motors is to pay Tolley Cars {GAP}bn euros")
    assert asked[3.5].prompt.startswith(f"Tolley Films said its latest film took {GAP}bn yen")


def test_a_sentence_before_that_opens_on_an_unnamed_it_is_no_context(tmp_path):
    body = ("Tolley Mail is a Wessex security firm. In 2023 it blocked more than 9 million fake bank e-mail "
            "messages. Other statistics show that in 2023 64% of all e-mail was junk and one in 20 messages were "
            "infected with a virus.")
    for q in gaps(generate(tmp_path, body, min_confidence=0)):
        assert not q.prompt.startswith("In 2023 it blocked")


def test_a_sentence_before_whose_it_follows_a_name_the_article_uses_is_context(tmp_path):
    body = ("Nintaro has launched a media adapter for its Wessex handheld. Nintaro said it had no plans "
            "to sell the adapter outside Wessex. When it goes on sale the adapter is expected to cost about "
            "8,000 yen.")
    [q] = [q for q in gaps(generate(tmp_path, body, min_confidence=0)) if q.answer == 8000]
    assert q.prompt.startswith("Nintaro said it had no plans to sell the adapter outside Wessex. When it goes")


@pytest.mark.parametrize(("context", "names"), [
    ("Net profit came in at 2.3bn euros, up from a loss of 410m euros.", False),  # whose profit?
    ("Not every home will be able to use the faster service at first.", False),
    ("Wessex Telecom saw strong profits on the back of its mobile arm.", True),  # a name the article uses
    ("Profits at the Tolley plant rose for a third year.", True),
    ("Tolley's arts programme won an increase of £15m.", True),  # the name, less its 's
])
def test_a_sentence_shown_before_a_gap_must_name_someone_or_something(tmp_path, context, names):
    """A gap's sentence that leans on the one before ("Sales rose ___% to 18.7bn euros.") is shown
    after it only where that sentence names whose sales they are."""
    article = tmp_path / "story.txt"
    article.write_text("A made-up story\n\nWessex Telecom sells phones in Tolley. " + context + "\n", encoding="utf-8")
    _, [af] = generate_with_facts([article], bank_dir=tmp_path)
    assert _names_something(context, af) is names


@pytest.mark.parametrize("body", [
    "Wessex Post says it is investigating the situation, which has left about 400 homes in Tolley without ballots.",
    "Tolley council says the ban will cost its 45 pubs about £3,000 each in lost trade.",
    "Wessex Studios has announced a list of 14 films that will come out on the disc format used by the handheld.",
])
def test_a_figure_about_what_the_story_called_the_situation_the_ban_or_the_handheld_is_not_asked_alone(
        tmp_path, body):
    pool = generate(tmp_path, body, min_confidence=0)
    assert not gaps(pool) and not statements(pool)  # which situation, ban or handheld: the article said before


def test_no_gap_names_a_headline_that_shows_another_question_s_answer(tmp_path):
    body = ("About 2,600 jobs at the Wessex ferry yard may be cut if the Tolley takeover goes ahead, "
            "the Wessex Herald has reported. Tolley Marine is in talks to take a 70% stake in the yard.")
    qs = gaps(generate(tmp_path, body, title="Ferry deal 'may cost 2,600 jobs'"))
    assert {q.answer for q in qs} >= {2600, 70}
    assert not any("may cost" in q.prompt for q in qs)  # the headline would answer the jobs question


def test_the_base_of_a_rate_is_not_asked(tmp_path):
    body = ("According to figures from the Tolley regulator, the growth means that Wessex has passed Harbourland "
            "in terms of broadband users per 100 people.")
    # "per 100 people" is the rate's unit: guessed without the article, and no fact of it
    assert not {q.answer for q in gaps(generate(tmp_path, body, min_confidence=0.01))} & {100}
    assert not any("per 10 people" in o or "per 1,000 people" in o for q in generate(tmp_path, body, min_confidence=0)
                   if q.prompt == FACT_CHECK_PROMPT for o in q.distractors)


def test_every_person_a_gap_names_by_surname_is_named_in_full(tmp_path):
    qs = gaps(generate(tmp_path, "US actor David Morgan has died aged 87. Morgan and Taylor were married for more "
                                 "than 41 years and together received honours in 2019. His wife, actress Susan "
                                 "Taylor, was in Leeds."))
    assert [q.prompt.split(" What")[0] for q in qs] == [
        "David Morgan and Susan Taylor were married for more than ___ years and together received honours in 2019."]


@pytest.mark.parametrize("first, later, named", [
    ("Ann Tolley", "Ms Tolley", "Ann Tolley"),
    # a family name written first, as Chinese names are: "Mr Zhou" is Zhou Min
    ("Zhou Min", "Mr Zhou", "Zhou Min"),
])
def test_a_titled_surname_owning_something_in_a_gap_is_named_in_full(tmp_path, first, later, named):
    body = (f"Tolley city council will raise parking fees from April, its transport chief {first} said on Monday. "
            f"{later}'s team will also look at complaints about fees of up to 250 yuan a month for indoor bays.")
    texts = [q.prompt for q in gaps(generate(tmp_path, body))]
    assert any(f"{named}'s team will" in text for text in texts)
    assert not any(f"{later}'s team" in text for text in texts)


def test_a_titled_surname_in_the_sentence_shown_before_a_gap_is_named_in_full(tmp_path):
    qs = gaps(generate(tmp_path, "Ann Tolley, the Wessex Reserve's governor, spoke at its opening on Friday. Ms Tolley "
                                 "said the reserve was built to hold the county's silver. The reserve now holds 4,120 "
                                 "tonnes of silver, she said."))
    assert [q.prompt.split(" What")[0] for q in qs] == [
        "Ann Tolley said the reserve was built to hold the county's silver. The reserve holds ___ tonnes of "
        "silver, she said."]


def test_a_he_resolved_to_a_titled_surname_is_named_in_full(tmp_path):
    """'He promised ...' after a sentence about 'Mr Hale': 'Tom Hale promised ...', as the article first
    named him, not 'Mr Hale promised ...' (which Hale?)."""
    qs = generate(tmp_path, "Bus routes in Wessex will be cut from May, council leader Tom Hale has said. "
                            "Speaking at the bus depot in Tolley, Mr Hale blamed the cost of fuel. He promised "
                            "a fund of up to £2,000 for each village that loses its service.", min_confidence=0)
    said = [str(q.answer) if q.prompt == FACT_CHECK_PROMPT else q.prompt for q in qs if "promised" in q.prompt
            or "promised" in str(q.answer)]
    # (and introduced as the article introduced him)
    assert said and all(x.startswith("Tom Hale, the council leader, promised a fund of up to £") for x in said), said


def test_a_slip_of_the_article_is_not_copied_into_a_question(tmp_path):
    slips = {"Wessex Water has plans for to build a £40m reservoir near Tolley.":
             "Wessex Water has plans to build a £40m reservoir near Tolley.",
             "Water use fell by 5%, while bottled water sales growing by 12% in Wessex.":
             "Water use fell by 5%, while bottled water sales grew by 12% in Wessex.",
             "Wessex Water expects a annual rise of 8% in its charges until 2030.":
             "Wessex Water expects an annual rise of 8% in its charges until 2030.",
             "Wessex Water said the the reservoir would hold 900 million litres.":
             "Wessex Water said the reservoir would hold 900 million litres."}
    for slip, right in slips.items():
        assert not asked_gaps(tmp_path, slip), slip
        assert asked_gaps(tmp_path, right), right  # put right, the same sentence is asked


def test_a_bare_noun_someone_reports_on_is_not_asked_alone(tmp_path):
    # Whose sales? The one reporting is named, the one selling only in the sentences before.
    assert not asked_gaps(tmp_path, "Tolley Research estimates sales will reach 90,000 by 2027.")
    assert asked_gaps(tmp_path, "Tolley Research estimates sales of electric bikes in Wessex will reach 90,000 "
                                "by 2027.")


def test_a_before_a_word_said_with_a_consonant_is_no_slip(tmp_path):
    assert asked_gaps(tmp_path, "Wessex Water signed a European deal worth £40m with a Dutch bank.")
    assert asked_gaps(tmp_path, "Wessex Water said a one-off payment of £40m would go to its customers.")


def test_a_span_ending_on_the_articles_date_explains_nothing_before_a_gap(tmp_path):
    """'in the last three months' counts back from a date the question does not give: no sentence
    shown before a gap says it."""
    def gap_after(first: str) -> dict[float, NumericQuestion]:
        found = generate(tmp_path, f"{first} The 1,240 repairs take the number of leaks Wessex Water has fixed "
                                   "since 2001 to almost 9,000.", min_confidence=0)
        return {q.answer: q for q in gaps(found)}
    assert 1240 not in gap_after("Wessex Water says its engineers fixed more leaks in the last three months "
                                 "than in the whole of 2003.")
    assert 1240 in gap_after("Wessex Water says its engineers fixed more leaks in the three months to March "
                             "2004 than in the whole of 2003.")


def test_a_person_known_by_nationality_is_not_asked_about_alone(tmp_path):
    """'the Norwegian had scored ...': who, only the sentences before say."""
    qs = generate(tmp_path, "By the end of the season, the Norwegian had scored 31 goals for Wessex Rovers.",
                  min_confidence=0)
    statements = [str(q.answer) for q in qs if q.prompt == FACT_CHECK_PROMPT] + [q.prompt for q in gaps(qs)]
    assert not any("the Norwegian" in x for x in statements), statements


def test_a_he_or_she_reaches_back_past_sentences_that_speak_of_no_one(tmp_path):
    """'He' a sentence or two after the one naming him, with none between naming anyone, is that person
    ("But he ...", "In 2001 he ..." too); a sentence between that speaks of someone else ('his brother',
    'Jo Reyes') stops it."""
    body = ("Tom Hale joined Wessex Mills as an apprentice in 1990. "
            "The mill's sales doubled within a year. "
            "In 2001 he bought the mill for £4m from its founders.\n\n"
            "Ann Cole opened a bakery in Tolley in 1998. "
            "The bakery now has 14 shops in Wessex. "
            "But she sold six of the shops to Brindle Foods for £6m in 2004.\n\n"
            "Jo Reyes took over Harbour Motors in 1995. "
            "His brother ran the Tolley garage until 2003. "
            "He sold 9,000 cars in his last year at the firm.")
    said = statements(generate(tmp_path, body, min_confidence=0))
    assert any(s.startswith("In 2001 Tom Hale bought the mill for £4m") for s in said), said
    assert any(s.startswith(("But Ann Cole sold six of the shops", "Ann Cole sold six of the shops"))
               for s in said), said
    assert not any("Jo Reyes sold" in s for s in said), said


def test_a_he_or_she_does_not_reach_past_a_quote_or_to_a_name_in_passing(tmp_path):
    body = ("Wessex Council has set a budget of £3bn, announced by council leader Tom Hale. "
            "Opposition parties said the budget was too small. "
            "She said spending on roads would rise by 4% in Tolley.\n\n"
            "Jo Reyes joined Wessex Mills as a miller in 1990. "
            "“It was a hard year for every mill in the county,” the Tolley Echo wrote. "
            "He sold 9,000 sacks of flour to Brindle bakers in 1991.")
    said = statements(generate(tmp_path, body, min_confidence=0))
    assert not any("Tom Hale said spending" in s for s in said), said
    assert any(s.startswith("Jo Reyes joined Wessex Mills") for s in said), said
    assert not any("Jo Reyes sold" in s for s in said), said  # a quote between may speak of anyone


def test_a_she_after_a_sentence_with_her_as_passive_subject_is_that_person(tmp_path):
    """'Jo Reyes was arrested ...' is about her as much as 'Jo Reyes left ...': the 'She' after it is her."""
    body = ("Jo Reyes was arrested at a Tolley hotel on Friday, where she was visiting her brother. "
            "She is being held on bail of £40,000 at Wessex police station.")
    said = statements(pool := generate(tmp_path, body, min_confidence=0)) + [q.prompt for q in gaps(pool)]
    assert any(s.startswith("Jo Reyes is being held on bail of £") for s in said), said


def test_a_count_of_the_titles_its_sentence_lists_is_not_asked(tmp_path):
    """'has won ___ Grand Slams, the 2001 Tolley Open, ...': the list after it counts the answer out."""
    pool = generate(tmp_path, "Cole has won three Grand Slams, the 2001 Tolley Open, Wimbledon in 1998 and the "
                              "1997 Wessex Open.", min_confidence=0)
    assert pool and not any(q.answer == 3 for q in pool)  # no "How many ...?" and no gap
    options = [str(x) for q in pool for x in getattr(q, "distractors", [])]
    assert options and all("three Grand Slams" in o for o in options), options  # nor a statement varying it


def test_a_figure_in_quoted_words_is_not_asked_but_one_reported_is(tmp_path):
    body = ("Tom Hale, who runs the Wessex Radio network, said 40% of its listeners were under 30.\n\n"
            "Ann Cole, a listener from Tolley, said: \"We were given a £20 voucher each and told to find our own "
            "radio.\"")
    asked = asked_gaps(tmp_path, body)
    assert 40 in asked and 20 not in asked


def test_a_phone_number_or_a_price_given_for_two_periods_is_never_varied(tmp_path):
    body = ("Owners of the Wessex Box can order a new cable by calling 0800 123 4567 in the UK. "
            "Tolley Tunes offers a song service for £4.99 per month or £50 per year to Wessex listeners.")
    qs = generate(tmp_path, body)
    options = [str(x) for q in qs for x in getattr(q, "distractors", [])]
    assert not any("0800 123 4567" not in o for o in options if "calling" in o), options  # a code is no figure
    assert not any(q.answer in (800, 123, 4567) for q in gaps(qs))
    # "£8.99 per month or £50 per year" is struck out by arithmetic, not by reading the article
    assert not any("£4.99 per month" not in o for o in options if "song service" in o), options


def test_a_description_its_own_of_phrase_says_needs_no_sentence_before_to_say_it(tmp_path):
    body = ("Wessex Telecom saw strong profits in the final quarter on the back of its mobile arm. "
            "Net profit came in at £140m, a sharp change from the loss of £36m in 2003.")
    q = asked_gaps(tmp_path, body)[140]
    # "the loss of £36m": said there; "Net profit" (whose?): Wessex Telecom's, the sentence before says
    assert q.prompt.startswith(f"Wessex Telecom saw strong profits in the final quarter on the back of its "
                               f"mobile arm. Net profit came in at £{GAP}m, a sharp change from the loss")


def test_the_lender_after_a_sentence_naming_another_bank_is_that_bank_not_the_one_the_story_is_about(tmp_path):
    body = ("Tolley Mills filed for bankruptcy in a Wessex court on Friday. "
            "Judge Ann Cole will hear several motions, including one from Brindle Bank to throw out the filing. "
            "The Dutch lender is one of six banks that were barred from lending to Tolley Mills.")
    q = asked_gaps(tmp_path, body)[6]
    assert not q.prompt.startswith("Tolley Mills is one of")  # lending to itself
    # shown after the sentence naming the lender ("lender", like "bank", is what a named bank is called)
    assert q.prompt.startswith("Judge Ann Cole will hear several motions, including one from Brindle Bank")
    assert f"The Dutch lender is one of {GAP} banks" in q.prompt


def test_a_figure_said_as_almost_keeps_its_hedge_and_is_right_only_as_the_article_gives_it(tmp_path):
    body = ("The Harbour Lights films have taken almost £1.6bn at cinemas around the world, Tolley Pictures said. "
            "Almost 22,950 homes in Wessex had no broadband in 2004, Tolley Council said.")
    asked = asked_gaps(tmp_path, body)
    films = asked[1.6]
    assert f"almost £{GAP}bn" in films.prompt
    # "almost £1.5bn" is not what the article says: the hedge is in the sentence, not applied again
    assert (films.tolerance, films.min, films.max) == (None, None, None)
    pipes = asked[22950]  # a long figure: right within what a reader recalls, on the side "almost" says
    assert pipes.tolerance is None and pipes.max == 22950 and 22400 < pipes.min < 22950


def test_a_long_figure_under_a_bound_is_asked_exactly(tmp_path):
    body = ("The new Tolley Arena in Wessex will hold up to 2,450 fans, Brindle Leisure said. "
            "Wessex Mills has filed more than 14,630 patents since 1990, Tolley Data said.")
    asked = asked_gaps(tmp_path, body)
    fans = asked[2450]  # "up to ___ fans": the bound the article gives, not a figure near it
    assert f"up to {GAP} fans" in fans.prompt
    assert (fans.tolerance, fans.min, fans.max) == (None, None, None)
    patents = asked[14630]  # "more than ___ patents"
    assert (patents.tolerance, patents.min, patents.max) == (None, None, None)


def test_a_span_of_days_that_only_times_the_story_is_not_asked_but_one_stressed_as_short_is(tmp_path):
    body = ("Wessex Rovers will meet Tolley Town in the cup final at Brindle Park. "
            "Tom Hale's comments come three days before he is due to meet league chairman Ann Cole. "
            "Tickets for the Brindle Park final sold out just four days after the draw was made.")
    pool = generate(tmp_path, body, min_confidence=0)
    assert not any("three days before" in s for s in statements(pool))  # when he meets her: a detail
    assert 3 not in {q.answer for q in gaps(pool)}
    asked = asked_gaps(tmp_path, body)
    assert f"sold out just {GAP} days after" in asked[4].prompt  # how fast: the news


def test_the_time_between_two_events_is_not_asked(tmp_path):
    body = ("Tolley Records signed Ann Hale in 1998. Her second album, Brindle Road, came out three years later "
            "and sold a million copies. Ann Hale, who won the Tolley Open, is six years older than her rival Jo "
            "Brindle. Tickets for Ann Hale's Wessex tour sold out just four days after the dates were announced.")
    texts = said(generate(tmp_path, body, min_confidence=0))
    assert not any("years later" in t or "years older" in t for t in texts), texts  # worked out, not read
    assert any("sold out just four days after" in t or f"sold out just {GAP} days" in t for t in texts)  # the news


def test_a_span_from_the_articles_date_is_not_asked(tmp_path):
    body = ("Wessex Union will start balloting 120,000 hospital workers on strikes in April, Tolley Council said. "
            "In four days, Britain's biggest union Unison will start balloting 800,000 council workers on strikes.")
    asked = asked_gaps(tmp_path, body)
    assert 4 not in asked  # four days from when? (800,000 may be asked, in the article's words)
    assert 120000 in asked


def test_a_statement_speaking_of_the_firm_it_never_names_is_asked_only_as_a_gap_after_its_context(tmp_path):
    before = "Tolley Mills was once the biggest mill in Wessex. "
    leaning = "Ann Tolley, 63, is accused of being behind a £2bn fraud that saw the firm collapse in July 2002."
    pool = generate(tmp_path, before + leaning, min_confidence=0)
    assert not any("saw the firm collapse" in s for s in statements(pool))  # which firm?
    [q] = [q for q in gaps(pool) if q.answer == 2]
    assert q.prompt.startswith(before.strip())  # shown after the sentence that names it
    named = before + leaning.replace("the firm", "Tolley Mills")
    assert any("saw Tolley Mills collapse" in s for s in statements(generate(tmp_path, named, min_confidence=0)))


def test_a_gap_opening_on_it_is_shown_after_the_sentence_naming_what_it_is(tmp_path):
    """'It has sold ...' shares no word with the sentence before, but points back to what that one names."""
    body = ("Ann Tolley's novel Harbour Lights has become a publishing phenomenon, topping book charts in Wessex. "
            "It has sold more than 8 million copies worldwide.")
    [q] = [q for q in gaps(generate(tmp_path, body)) if q.answer == 8]
    assert q.prompt.startswith(f"Ann Tolley's novel Harbour Lights has become a publishing phenomenon, topping "
                               f"book charts in Wessex. It has sold more than {GAP} million copies")
    assert len(q.cite.quote) == 2  # the sentence shown first is highlighted as proof too


def test_a_gap_after_a_sentence_that_leans_back_itself_is_not_asked(tmp_path):
    """Shown after the two sentences before it, it would be a three-sentence stem: padding, reviewers found."""
    body = ("Wessex Rovers lost their appeal against a points deduction by the league. "
            "Its manager said the club would now look to the future. "
            "The club was also fined £45,000 by the league.")
    assert not [q for q in gaps(generate(tmp_path, body, min_confidence=0)) if q.answer == 45000]


def test_a_gap_whose_parse_leans_back_is_shown_after_the_sentence_it_leans_on(tmp_path):
    """'Brindle Analytics estimates orders will reach ___': no 'the' or 'it' in its words, but orders of
    what, only the sentence before says; its parse finds the statement leaning, and so it is shown after
    that one."""
    before = "Orders for electric buses in Wessex are set to double in 2027, a study for Tolley Council suggests. "
    leaning = "Brindle Analytics estimates orders will reach 3,400 in 2027, despite rising costs."
    [q] = [q for q in gaps(generate(tmp_path, before + leaning, min_confidence=0)) if q.answer == 3400]
    assert q.prompt.startswith(before.strip())


def test_a_sentence_naming_the_thing_in_another_word_is_context_for_its_description(tmp_path):
    """'The report says ___%': 'a study' in the sentence before says which report."""
    before = "A study for Wessex Council found the county among the best connected in Britain. "
    leaning = "The report says 58% of firms in the county now sell online."
    [q] = [q for q in gaps(generate(tmp_path, before + leaning, min_confidence=0)) if q.answer == 58]
    assert q.prompt.startswith(before.strip())


def test_an_opening_figure_whose_subject_the_headline_names_is_asked_under_it(tmp_path):
    """'Tolley Phones earned ___m euros': whose earnings, the headline shown with the question says; further
    down the article, or pointing back ('It earned ...'), the same sentence is not asked alone. ('Revenue grew
    ___%' is not asked even under the headline: reviewers failed it as vague in four stories, whose revenue
    and over what period.)"""
    opening = ("Tolley Phones has posted record results for the year, helped by new shops across Wessex. "
               "Operating profit reached 310m euros, after a loss the year before. ")
    revenue = "Revenue grew 6.5% to 8.2bn euros."
    title = "Tolley Phones reports strong year"
    asked = {q.answer for q in gaps(generate(tmp_path, opening + revenue, title=title))}
    assert not {6.5, 8.2} & asked
    earned = "Tolley Phones earned 912m euros from Wessex alone."
    assert 912 in {q.answer for q in gaps(generate(tmp_path, opening + earned, title=title))}
    filler = " ".join(f"Tolley Phones opened shop number {n} in Brindle on a wet morning." for n in range(4, 9))
    later = {q.answer for q in gaps(generate(tmp_path, opening + filler + " " + revenue, title=title))}
    assert not {6.5, 8.2} & later
    pointing = {q.answer for q in gaps(generate(tmp_path, opening + "It earned 6.5bn euros in revenue.", title=title))}
    assert 6.5 not in pointing


def test_a_figure_for_the_coming_year_of_an_undated_article_is_asked_in_its_words(tmp_path):
    """With no date to say which year 'the coming year' is, the figure is asked as the article says it."""
    body = ("Rents in Wessex will rise by an average of about 7% in the coming year, according to Tolley Homes. "
            "Brindle Works employs 350 people across Wessex, according to Wessex Council.")
    [q] = [q for q in gaps(generate(tmp_path, body)) if q.answer == 7]
    assert "about ___% in the coming year" in q.prompt


def test_how_long_a_run_lasted_is_not_asked(tmp_path):
    """'its first fall in three months', 'seven consecutive wins': the fall or the win is the news."""
    body = ("The Tolley index of Wessex business confidence fell to 88.2 in May from 90.1 in April, its first "
            "decline in four months, the Tolley Institute said. Wessex Rovers have won six consecutive league "
            "games since Ann Tolley became coach. Wessex Rovers sold 12,400 season tickets in May, "
            "according to Wessex Council.")
    asked = {q.answer for q in gaps(generate(tmp_path, body))}
    assert 12400 in asked and not asked & {4, 6}
    varied = [d for q in generate(tmp_path, body, min_confidence=0) if q.prompt == FACT_CHECK_PROMPT
              for d in q.distractors]
    assert not any(re.search(r"first decline in (?!four)|won (?!six)\w+ consecutive", d) for d in varied)


def test_a_figure_for_this_year_is_not_asked_without_its_this_year(tmp_path):
    """A statement leaves out 'this year' (a time only the article's day places): 'Tolley owes $5bn',
    all told, where the article says $5bn this year. Undated, such a figure is not asked."""
    body = ("The 14 member towns of the Wessex Board expect about £3bn in repayments this year from Tolley Mills. "
            "Brindle Works employs 350 people across Wessex, according to Wessex Council.")
    asked = {q.answer for q in gaps(generate(tmp_path, body))}
    assert 350 in asked and not asked & {14, 3}


def test_a_changed_sum_loses_its_conversion_whatever_the_currency_word(tmp_path):
    body = ("Wessex Water's inspectors will look into complaints about ferry fares of up to 90 yuan ($11; £7). "
            "Tolley Council will look at its provision of a 600m euro ($740m; £410m) loan to Brindle Airways.")
    said = statements(generate(tmp_path, body, min_confidence=0))
    assert said, "the two sums are asked as statements"
    for text in said:
        # "120 yuan ($11; £7)" would contradict itself: the wrong options could be struck out by arithmetic
        assert "($" not in text and "£7)" not in text and "£410m" not in text


def test_a_span_its_own_dates_count_out_is_not_varied_either(tmp_path):
    body = ("Brindle Books' like-for-like shop sales in the four months from 6 May to 2 September were up "
            "3.8% on a year earlier. Brindle Books employs 4,200 people in 61 shops across Wessex.")
    said = statements(generate(tmp_path, body, min_confidence=0))
    # "in the five months from 6 May to 2 September" is struck out by counting the dates
    assert not any("months from 6 May" in text for text in said)
    assert any("4,200 people" in text for text in said)  # a figure no dates give away is still varied


def test_a_figure_another_question_shows_is_not_asked_again(tmp_path):
    body = ("Rail fares in Wessex rose by 12% in March, taking the average fare above £20 for the first time. "
            "The Wessex Rail Users Group said the £20 mark had been passed on 40 of the region's routes. "
            "A return ticket from Brindle to Tolley closed up £2.80 to £21.15 on the Wessex Rail website.")
    qs = gaps(generate(tmp_path, body, title="Wessex rail fares climb"))
    assert any("£20 " in q.prompt for q in qs)  # one question shows the £20 ...
    assert 20 not in [q.answer for q in qs]  # ... so "the £___ mark" would ask what it shows
    assert 40 in [q.answer for q in qs]  # the sentence is asked about its other figure instead


def test_a_rise_and_the_amount_beside_the_one_it_rose_from_are_one_fact_asked_once(tmp_path):
    body = ("Wessex's third-largest supermarket chain has reported a 14% rise in annual profits, saying shoppers "
            "are buying more branded goods again. Tolley Stores made an underlying pre-tax profit of £612m in the "
            "52 weeks to 1 March, up from £537m the year before, on sales of £24.3bn. Its like-for-like sales grew "
            "by 3.8%.")
    asked = set(asked_gaps(tmp_path, body, title="Supermarket profits rise as shoppers return to brands"))
    # 537 and either answer work out the other: one of the two is asked (and the unrelated 3.8 still is)
    assert len({14, 612} & asked) == 1 and 3.8 in asked


@pytest.mark.parametrize("sentence, asked", [
    ("Of the 30 companies in the Wessex Index, 13 closed higher on Friday and 17 closed lower.", (30, 13, 17)),
    ("Brindle Works said its profits rose by £2m to £12m from £10m in the year to March.", (2, 12, 10)),
    ("Tolley Mills won 7 of its 10 building contracts in Wessex, losing 3 to rivals from Veltro.", (7, 10, 3)),
    # three parts and their total: any one is the total less the other two
    ("Ann Hale, of Brindle Road, Tolley, was fined £21,300 and ordered to pay £4,150 in costs and a victim "
     "surcharge of £1,900, a total of £27,350.", (21300, 4150, 1900, 27350)),
])
def test_a_figure_the_others_of_its_sentence_add_up_to_is_not_asked(tmp_path, sentence, asked):
    qs = generate(tmp_path, sentence, min_confidence=0)
    assert not set(asked) & {q.answer for q in gaps(qs)}
    assert not statements(qs)  # nor varied in a statement, whose wrong options the sum shows up


def test_figures_that_add_up_to_nothing_asked_leave_it_asked(tmp_path):
    body = "Tolley Mills won 7 of its 12 building contracts in Wessex, losing 4 to rivals from Veltro."
    qs = generate(tmp_path, body)
    assert 12 in {q.answer for q in gaps(qs)}


def test_a_small_sum_beside_a_close_one_is_not_asked_as_a_small_count_would_be(tmp_path):
    qs = gaps(generate(tmp_path, "Brindle Bank said lending to Wessex farms rose by £4m in November, compared to "
                                 "October's £4.29m. Brindle Bank said 14 of its 15 Wessex branches had lent more."))
    assert 4 not in {q.answer for q in qs}  # "about 4" is a fair guess beside the £4.29m shown
    assert 14 in {q.answer for q in qs}  # "14 of its 15": a small count beside another tells nothing


def test_a_day_that_a_when_clause_hangs_on_is_not_dropped_from_a_statement(tmp_path):
    # Left out, the day would turn "on Friday, when bills will rise" into "whenever bills rise".
    body = "Brindle Water will publish its new charges on Friday when most bills will rise by 7% across Wessex."
    qs = generate(tmp_path, body, min_confidence=0)
    assert not any(q.answer == 7 for q in gaps(qs)) and not statements(qs)


def test_a_yaml_block_or_a_rule_line_in_the_text_is_never_in_a_question_or_its_citation(tmp_path):
    # Front matter pasted under the headline, and a rule between parts, with no blank lines around them.
    body = ("---\nauthor: Ann Lee\ndate: 2024-03-01\n---\n"
            "LONDON — Harbour Foods has agreed to buy the Lakeside bakery chain for £48m.\n---\n"
            "The Lakeside chain employs about 1,700 people in 36 shops across Wessex.")
    qs = generate(tmp_path, body)
    assert {q.answer for q in gaps(qs)} == {48, 1700}
    for q in qs:
        quotes = q.cite.quote if isinstance(q.cite.quote, list) else [q.cite.quote]
        for text in (q.prompt, *quotes):
            assert "---" not in text and "Ann Lee" not in text and "author" not in text, text


def test_neither_end_of_a_range_of_amounts_is_asked_alone(tmp_path):
    body = ("The Wessex film took $98.5m in North America over its first weekend. "
            "Box office analysts had predicted a North American opening of between $75m and $85m.")
    assert not {75, 85} & {q.answer for q in gaps(generate(tmp_path, body))}
    # Two figures joined by "and" are no range: the seats are asked.
    assert 81 in asked_gaps(tmp_path, "The Wessex Party came second in the election with 28.9% and 81 seats.")


def test_the_period_a_figure_covers_is_no_gap(tmp_path):
    body = ("The Tolley forest agency said about 6,100 sq km (2,350 sq miles) of forest was cleared in the 12 "
            "months to the end of July, a drop of 22% on the previous year.")
    assert 12 not in asked_gaps(tmp_path, body)


def test_a_headline_that_words_the_share_is_not_shown_with_its_gap(tmp_path):
    shown = {q.answer: q for q in gaps(generate(
        tmp_path, "Harbour Foods has reported a 34% drop in annual profits, blaming higher energy bills.",
        title="Harbour Foods profits fall by a third"))}
    # "by a third" tells the 34% the gap asks: the question names no headline.
    assert shown[34].prompt.endswith(f"{GAP_ASK}?") and "third" not in shown[34].prompt


def test_a_weekday_in_a_name_stays_in_the_stem(tmp_path):
    qs = generate(tmp_path, "Maya Dunne's third album, Sunday Best, has sold more than 300,000 copies in Wessex.",
                  min_confidence=0)
    asked = said(qs)
    assert asked and all("Sunday Best" in text for text in asked if "album" in text)


def test_a_team_called_the_visitors_leans_on_the_sentence_that_named_it(tmp_path):
    body = ("Wessex beat Tolley by 241 runs in the second Test at Brindle Park. Spinner Jo Marsh took six wickets "
            "for 29 runs as the visitors lost their last eight wickets for 37 runs in just under 22 overs.")
    # Which side "the visitors" were, only the article's match report says.
    assert not any("the visitors" in q.prompt and not q.prompt.startswith("Wessex beat Tolley")
                   for q in gaps(generate(tmp_path, body)))


def test_a_figure_in_an_aside_on_who_is_speaking_is_no_gap(tmp_path):
    body = "Harbour Water, which supplies about 1.7 million homes in Wessex, said it was deeply sorry for the spills."
    # Who the speaker is, not what they said: background a reviewer fails as trivia.
    assert 1.7 not in asked_gaps(tmp_path, body)
    # Outside such an aside the same figure is asked.
    assert 1.7 in asked_gaps(tmp_path, "Harbour Water supplies about 1.7 million homes in Wessex.")


def test_its_after_a_place_where_something_happens_names_no_owner(tmp_path):
    body = ("Harbour Motors sold 1.2 million cars in 2023. New pay agreements in the Netherlands and Germany will "
            "add around 140m euros to its costs in 2024, finance director Jo Marsh said.")
    # Whose costs? The Netherlands' and Germany's they are not: the firm is named only the sentence before.
    assert not asked_alone(tmp_path, body, 140, "to its costs", "Harbour Motors")


def test_a_count_of_what_the_sentence_lists_is_no_gap(tmp_path):
    body = ("Harbour Cells says its new battery needs no lithium, cobalt or nickel, three metals that are costly "
            "to mine.")
    assert 3 not in asked_gaps(tmp_path, body)


LAST_YEAR_PAGE = ("<html><head><meta charset='utf-8'><title>Tolley mine strike</title>"
                  "<meta property='article:published_time' content='2025-03-11'></head><body><article>"
                  "<h1>Copper rises as Tolley mine strike halts output</h1>"
                  "<p>Copper rose to its highest price in four months after workers at the Tolley mine in Chile walked "
                  "out over pay.</p>"
                  "<p>The Tolley mine produced 412,000 tonnes of copper last year, about 8% of the country's output, "
                  "according to the state copper commission.</p>"
                  "<p>The union said 2,300 workers had joined the strike, which began after talks collapsed.</p>"
                  "<p>Union leader Ana Ruiz said the company had refused to discuss a bonus that workers were "
                  "promised when the price of copper climbed. The company said its offer was fair and that it "
                  "hoped to return to talks within days.</p>"
                  "<p>Traders said stocks of copper held in warehouses were already low, so a long strike would "
                  "push prices higher still. Buyers in China, the largest market for the metal, were watching "
                  "closely, they added.</p>"
                  "{extra}</article></body></html>")


def test_last_year_is_no_year_a_page_keeps_only_in_its_markup(tmp_path):
    def asked(page: str) -> list[str]:
        path = tmp_path / "page.html"
        path.write_text(page, encoding="utf-8")
        bank, _ = generate_with_facts([path], bank_dir=tmp_path, min_confidence=0)
        return [f"{q.prompt} {q.answer}" for q in bank.questions]

    # The page's date (2025) is in its markup only: a reader of the article cannot tell "last year" was 2024.
    assert not any("2024" in text for text in asked(LAST_YEAR_PAGE.format(extra="")))
    # Where the article's text gives the year, it is written out.
    shown = asked(LAST_YEAR_PAGE.format(extra="<p>The strike is the mine's first since 2025 began, the union "
                                               "said.</p>"))
    assert any("in 2024" in text or "In 2024" in text for text in shown)


def test_a_day_inside_a_time_of_day_goes_with_the_whole_time(tmp_path):
    shown = asked_gaps(tmp_path, "About 40,000 people in west Tolley must boil their water after a 36-inch main "
                                 "burst early Wednesday morning.")
    # Not "burst early morning": the time said by the day of the article goes whole.
    assert "burst early morning" not in shown[40000].prompt and "Wednesday" not in shown[40000].prompt


def test_a_headline_that_rounds_the_figure_is_not_shown_with_its_gap(tmp_path):
    shown = {q.answer: q for q in gaps(generate(
        tmp_path, "The Wessex competition watchdog has blocked a planned €6.2bn merger between Harbour Mobile and "
                  "Tolley Telecom.", title="Watchdog blocks €6bn phone merger"))}
    assert shown[6.2].prompt.endswith(f"{GAP_ASK}?")


def test_early_or_late_goes_with_the_day_it_times(tmp_path):
    shown = asked_gaps(tmp_path, "At least 40 people died after the ferry Tolley Star capsized off the coast of "
                                 "Wessex early on Sunday.")
    assert shown[40].prompt.startswith(f"At least {GAP} people died after the ferry Tolley Star capsized off the "
                                       f"coast of Wessex. {GAP_ASK}")


def test_how_many_generations_a_family_story_spans_is_no_gap(tmp_path):
    # The stock phrase a reader guesses.
    sentence = ("Ann Reyes has won the Tolley Prize for her debut novel, The Salt Ledger, a story of three generations "
                "of a family of salt workers in Wessex.")
    assert 3 not in asked_gaps(tmp_path, sentence)


def test_a_change_worded_per_cent_between_two_amounts_the_sentence_gives_is_no_gap(tmp_path):
    shown = asked_gaps(tmp_path, "Harbour Mobile said revenue rose 19 per cent to £3,186m from £2,677m in the year "
                                 "to March. It also plans to hire 400 engineers in Tolley.")
    assert 400 in shown  # the story has gaps; not the one the two amounts work out
    assert 19 not in shown


def test_how_many_people_live_in_a_place_is_no_gap(tmp_path):
    shown = asked_gaps(tmp_path, "Police in Tolley have arrested 14 people after a night of rioting. Tolley, a city "
                                 "of about 265,000 people, is the capital of the province of Wessex. Wessex, a member "
                                 "of the Harbour Union, has a population of about 1.9 million.")
    assert 14 in shown
    assert 265000 not in shown and 1.9 not in shown


def test_an_it_a_person_speaks_of_is_not_asked_without_the_sentence_naming_it(tmp_path):
    body = ("The new Tolley General hospital in Wessex will cost £450m to build. Health Minister Ann Reyes said it "
            "should open by 2030 and would treat about 40,000 patients a year.")
    # "said it should open": what should, only the sentence before says
    assert not asked_alone(tmp_path, body, 40000, "said it should open", "The new Tolley General")
    # a firm saying "it" names what "it" is
    assert asked_alone(tmp_path, "Tolley Water said it would pay about 3,200 customers £50 each after the outage.",
                       3200, "said it would pay", "-")


def test_a_later_sentence_naming_nothing_needs_a_headline_that_says_whose(tmp_path):
    body = ("Harbour Mobile has reported record results. Shares rose 4% in early trading as analysts welcomed "
            "the news. Revenue from operations rose to £3,186m.")
    # The headline tells the figure, so it is not shown, and "Revenue from operations" is nobody's.
    assert 3186 not in asked_gaps(tmp_path, body, "Harbour Mobile revenue hits £3,186m")
    # A story's first sentence says what it is about.
    assert 120000 in asked_gaps(tmp_path, "A charity treasurer who stole £120,000 from a fund for veterans has "
                                              "been jailed.", "Treasurer who stole £120,000 jailed")


def test_where_a_firm_is_based_does_not_name_it(tmp_path):
    body = ("Harbour Wearables is recalling about 300,000 fitness bands after reports of overheating. Shares fell 9% "
            "on the news, as analysts cut their forecasts for the year. The San Jose-based company said it had "
            "received 57 reports of bands becoming hot.")
    # "The San Jose-based company": which company, only the sentences before say.
    assert not asked_alone(tmp_path, body, 57, "San Jose-based company", "-")
    # (nor "The Austin, Texas-based company", a city and its state)
    body = ("Software maker Quillon is to cut about 2,000 jobs, or 12% of its workforce, as sales slow.\n\n"
            "The Austin, Texas-based company said the restructuring would cost between $180 million and "
            "$210 million, mostly in severance payments, but would save about $300 million a year from 2026.")
    assert not asked_alone(tmp_path, body, 300, "Texas-based company said", "Software maker")


def test_the_combined_company_is_not_the_one_the_story_is_about(tmp_path):
    body = ("Harbour Air has agreed to buy its smaller rival Tolley Jet for about $4.1bn, creating the fifth-largest "
            "carrier in Wessex. The company said the deal would be completed next year. The combined airline would "
            "operate more than 620 aircraft and carry about 95 million passengers a year.")
    qs = generate(tmp_path, body)
    # "The company said" is Harbour Air; "The combined airline" is Harbour Air and Tolley Jet together.
    assert any(q.answer == 4.1 for q in gaps(qs))
    assert not any("Harbour Air would operate" in text for text in said(qs))


def test_a_passer_bys_own_figure_is_no_gap_but_the_storys_subjects_is(tmp_path):
    body = ("Tickets for the Harbour Lights reunion tour sold out in 20 minutes, with some seats resold for £395. "
            "About 310,000 tickets were sold for the 14 dates. Sarah Cole, 41, from Tolley, said she had been in the "
            "queue on three devices for more than two hours.")
    shown = asked_gaps(tmp_path, body, "Harbour Lights tickets sell out in 20 minutes")
    assert 310000 in shown
    assert 3 not in shown  # one fan's anecdote
    body = ("Wessex's wheat harvest is expected to fall by about a third this year, the forecaster says. "
            "Wessex's exports fell to 12.4 million tonnes, the lowest since 2008. "
            "Rob Kinnear said his costs for fertiliser and fuel were about 25% higher than three years ago.")
    shown = asked_gaps(tmp_path, body, title="Drought to cut Wessex wheat harvest")
    assert 12.4 in shown and 25 not in shown  # one farmer's own costs ("said his costs"): an anecdote
    body = ("Ann Reyes has won the £30,000 Tolley Prize for her first novel, The Salt Ledger. Reyes, 34, worked as a "
            "nurse in Wessex before she turned to writing. Reyes said she had spent nearly seven years writing "
            "The Salt Ledger, in the hours after night shifts.")
    assert 7 in asked_gaps(tmp_path, body, "Nurse wins Tolley Prize")  # the prize-winner the story is about


@pytest.mark.parametrize(("body", "colour"), [
    ("Tolley Rovers were fined £20,000 by the league last month. Tolley Rovers drew 1-1 with Wessex in front of a "
     "crowd of about 5,000 at the Harbour Ground.", 5000),
    ("Ann Reyes batted for more than eight hours and faced 361 balls as Wessex held on for a draw against "
     "Tolley.", 361),
    ("Replacement fly-half Sam Cole kicked a late penalty from 42 metres as Wessex came from 17-3 down to beat Tolley "
     "27-24.", 42),
    ("Tolley Rovers beat Wessex 2-1, with a free-kick from 30 yards by Ann Reyes in the 89th minute.", 30),
])
def test_a_matchs_colour_is_no_gap(tmp_path, body, colour):
    # the crowd, the balls a batsman faced, how far a kick flew
    assert colour not in asked_gaps(tmp_path, body, "Wessex beat Tolley")


def test_a_name_the_article_shortens_after_the_is_written_whole(tmp_path):
    body = ("A hospital trust in Wessex will close its maternity unit at night because it cannot find enough "
            "nurses, the Royal College of Nursing has warned. "
            "The Tolley Progress Alliance won the council election, beating the Wessex First party. "
            "The Royal College estimates that England is short of about 2,500 full-time nurses. "
            "With 12 of the 17 wards counted, the Alliance had won nine seats. "
            "Robert Hargreaves, whose family founded the trust, said the Hargreaves family fund would give £40,000.")
    texts = said(generate(tmp_path, body, min_confidence=0))
    shortened = [t for t in texts if "2,500" in t or "2,___" in t or "about ___ full-time" in t]
    assert shortened and all("The Royal College of Nursing estimates" in t for t in shortened)
    counted = [t for t in texts if "constituencies" in t or "wards counted" in t]
    assert counted and all("the Tolley Progress Alliance had won" in t for t in counted)
    # a person's surname is no cut name: "the Hargreaves family" stays as the article wrote it
    assert not any("Robert Hargreaves family" in t for t in texts)


def test_a_sentence_opening_on_sales_with_no_name_is_not_asked_even_under_its_headline(tmp_path):
    body = ("Supermarket chain Coastline Foods has reported a 17% rise in annual profits as shoppers switched to "
            "its own-label ranges. Sales grew by 4.6% to A$48.3bn. Coastline Foods employs about 120,000 people.")
    asked = asked_gaps(tmp_path, body, title="Coastline Foods profits jump as inquiry looms")
    assert 17 in asked
    assert 4.6 not in asked  # whose sales, over what time: the headline does not say either


def test_a_forecast_sum_that_says_of_what_nowhere_is_not_asked(tmp_path):
    body = ("Chipmaker Wessex Silicon said revenue for the three months to March was $6.2bn, up 18% on a year "
            "earlier. Analysts had been expecting about $6.4bn. Its shares fell 4% in New York. "
            "Analysts at Tolley Bank had forecast a $900m profit for Wessex Silicon.")
    pool = generate(tmp_path, body, min_confidence=0)
    texts = " ".join(said(pool))
    assert "6.2" in texts or f"${GAP}bn, up 18%" in texts
    assert "6.4" not in texts and f"expecting about ${GAP}bn" not in texts  # expecting about $6.4bn of what?
    assert "900" in texts or f"${GAP}m profit" in texts  # a $900m profit says what was expected


def test_a_share_or_part_the_shown_amounts_work_out_is_not_asked(tmp_path):
    body = ("Tolley Foods has agreed to be bought by a Dutch rival for £2.1bn. "
            "Havland will pay 285p in cash for each Tolley share, "
            "a premium of 41% to the closing price of 202p on 3 March. "
            "About 520 jobs will go in Walsall, with the remaining 330 in Coventry. "
            "Tolley Foods, which makes biscuits for 14 supermarket chains, employs 3,900 people in Wessex.")
    texts = " ".join(said(generate(tmp_path, body, title="Tolley Foods to cut 850 jobs")))
    assert "3,900" in texts or f"employs {GAP} people" in texts
    assert f"premium of {GAP}%" not in texts  # 285p against 202p is 41% more
    assert f"About {GAP} jobs will go" not in texts  # 850 in the headline, less 330


def test_a_figure_the_article_also_gives_rounded_is_right_either_way_and_asked_once(tmp_path):
    body = ("Brightwater Energy's profits jumped to £1.1bn last year as wholesale prices fell. "
            "Brightwater Energy said operating profits for 2023 were £1.12bn, up from £486m the year before. "
            "The number of customers waiting for a refund has reached a record of almost 94,000, the regulator said. "
            "Brightwater said 93,870 customers were owed refunds at the end of June, up from 61,400 a year earlier. "
            "The firm, which supplies 4.2 million homes in Wessex, gave £35m in direct support to customers.")
    shown = asked_gaps(tmp_path, body, title="Brightwater Energy profits jump to £1.1bn")
    assert 1.12 in shown and 4.2 in shown
    # "£1.1bn" in the lead is the same profit rounded: right as well as 1.12
    low, high = shown[1.12].accepted_range
    assert low <= 1.1 and high >= 1.12
    # almost 94,000 and 93,870 are one figure: asked once
    assert len({94000, 93870} & set(shown)) == 1
    # A round figure asked as the article gives it is not right for a closer one of another year
    body = ("Tolley Space will receive $18 billion for 2015, more than half a billion dollars above its request. "
            "It received $17.65 billion in 2014.")
    assert asked_gaps(tmp_path, body, title="Tolley Space gets $18 billion")[18].accepted_range[0] > 17.65


def test_no_headline_is_shown_that_rounds_the_answer_of_another_gap(tmp_path):
    body = ("Households in Westmarch will pay almost 5% more in council tax from April after councillors approved "
            "the budget. For a typical Band D property, the council's portion will rise by £87.20 to £1,833.40 a year. "
            "The council, which employs 2,400 people, must save £14m over the next two years.")
    title = "Council tax to rise by 4.99% in Westmarch"
    questions = gaps(generate(tmp_path, body, title=title))
    assert 5 in {q.answer for q in questions} and len(questions) >= 2
    assert not any("4.99" in q.prompt for q in questions)  # the headline would tell "almost ___% more"
    # Once the headline is left out, a gap that names nothing says whose figure nowhere: not asked
    body = ("Households in Tolley will pay about 15% more for electricity from July, after the council approved "
            "its budget. Water tariffs will rise by 9.5% and refuse charges by 6%, the council said. "
            "A similar plan for a 12% rise was rejected in 2022.")
    shown = asked_gaps(tmp_path, body, title="Tolley residents face 15% rise in electricity prices")
    assert 15 in shown and "“" not in shown[15].prompt
    assert 9.5 not in shown and 12 not in shown  # (and "A similar plan": similar to what?)


def test_a_surname_that_also_begins_a_company_name_is_not_filled_in_as_the_person(tmp_path):
    body = ("Brindle Autotechnik, which makes gearbox parts at four plants in Saxony, has applied for insolvency. "
            "Managing director Stefan Brindle, the grandson of the founder, said the business had run out of options. "
            "In Zwickau, Brindle is one of the biggest private employers, with about 1,100 staff.")
    texts = said(generate(tmp_path, body, min_confidence=0))
    assert any("1,100" in t or f"about {GAP} staff" in t for t in texts)
    assert not any("Stefan Brindle is one of the biggest" in t for t in texts)


def test_a_thing_of_an_organisation_the_article_names_with_the_keeps_the(tmp_path):
    body = ("Kenya's earnings from tea rose 12% to a record last year. "
            "The volume of tea exported rose by 4.1% to 589 million kg, "
            "the Tea Board of Kenya said in its annual report. "
            "Value-added tea accounted for less than 10% of exports, the report showed.")
    texts = [t for t in said(generate(tmp_path, body)) if "Value-added" in t]
    assert texts and all("the Tea Board's report showed" in t for t in texts)


def test_a_dropped_also_keeps_the_comma_that_closes_an_aside(tmp_path):
    body = ("Tolley Cells said on Monday that its new cell could be charged in seven minutes. "
            "The company, founded in 2020 by two former researchers, also said the battery would last for more "
            "than 3,000 charging cycles.")
    texts = said(generate(tmp_path, body))
    assert any("Tolley Cells, founded in 2020 by two former researchers, said" in t for t in texts)


def test_a_sum_converted_into_a_currency_named_in_words_is_left_out_of_the_options(tmp_path):
    body = ("Tolley Mobility, an electric scooter maker based in Pune, has raised $140m (about 11.6bn rupees) "
            "from investors as it prepares to open a second factory. Mads Holm moved to Midtjylland in 2021 "
            "for a fee of about 8m Danish kroner (£930,000).")
    texts = statements(generate(tmp_path, body, min_confidence=0))
    assert any("raised $140m from investors" in t for t in texts)
    assert not any("rupees" in t or "£930,000" in t for t in texts)


def test_one_end_of_a_range_of_shares_is_not_asked(tmp_path):
    body = ("Average domestic air fares in the US rose 9% last year, to $412, according to the Tolley Institute. "
            "Passengers flying from airports such as Tolley in Wessex and Brindle in Kent paid an average of "
            "15% to 18% more than a year earlier. Fares at Wessex airport rose from 12% to 14% of household income.")
    texts = " ".join(said(generate(tmp_path, body, min_confidence=0)))
    assert "14" in texts  # the end of a change
    assert "Brindle" not in texts  # "15% to 18%": neither end alone


def test_a_cricket_scorecard_line_is_not_asked(tmp_path):
    body = ("Tolley made 412 for six on the opening day against Wessex, with captain Arjun Mehra scoring 162. "
            "Wessex's bowlers struggled on a flat pitch, although seamer Vikram Iyer took two wickets in 19 overs. "
            "Wessex, needing a further 235 runs, were bowled out for 92 on the last day.")
    texts = " ".join(said(generate(tmp_path, body)))
    assert "412" in texts or f"made {GAP} for six" in texts
    assert f"in {GAP} overs" not in texts and f"a further {GAP} runs" not in texts


def test_a_headline_that_gives_a_span_in_other_units_is_not_shown(tmp_path):
    body = ("The share of young children in Wessex who are fully vaccinated against measles has fallen to its "
            "lowest level in at least two decades, according to figures from the health department. "
            "About 78% of two-year-olds had both doses last year.")
    asked = asked_gaps(tmp_path, body, title="Measles vaccination at lowest level in 20 years")
    assert 2 in asked and "20 years" not in asked[2].prompt


def test_so_called_is_not_cut_to_called(tmp_path):
    body = ("Fans paid up to £350 for tickets to see the band at Wembley. So-called \"dynamic pricing\", under which "
            "prices rise in line with demand, meant that some buyers were offered seats at £289.")
    texts = said(generate(tmp_path, body, min_confidence=0))
    assert any(t.startswith("So-called") for t in texts)
    assert not any(t.startswith("Called") for t in texts)


def test_an_amount_the_sentence_moves_by_a_share_it_gives_is_not_asked(tmp_path):
    body = ("Customers of Tamar Water will see their bills rise by an average of £96 a year from April. "
            "Tamar Water said the average bill would go up from £512 to £608 - an increase of almost 19%.")
    asked = asked_gaps(tmp_path, body)
    assert 96 in asked
    assert 512 not in asked and 608 not in asked  # £608 is 19% more than £512: each works the other out


def test_a_large_whole_after_all_is_a_figure_to_ask(tmp_path):
    body = ("All 112,000 tickets for the Tolley Festival sold out within 24 hours on Sunday, organisers said. "
            "All five headline acts have played the festival before.")
    asked = asked_gaps(tmp_path, body, title="Tolley Festival sells out")
    assert 112000 in asked  # how many tickets sold out is the story
    assert 5 not in asked  # "all five": a label a reader counts off the list


def test_a_span_a_start_year_counts_out_and_a_one_in_n_share_are_not_asked(tmp_path):
    body = ("Researchers at Tolley University analysed more than four decades of satellite measurements, since "
            "1980, and found that Lake Wessex had warmed by about 2.4C. "
            "Council leader Tom Hale said: \"We are spending £1 in every £4 of our budget on temporary housing.\" "
            "Tolley Council has housed 2,400 families in hotels since March 2024.")
    asked = asked_gaps(tmp_path, body)
    assert 2400 in asked
    assert 4 not in asked  # 1980 to 2024 is more than four decades
    assert 1 not in asked  # "£___ in every £4": one in four


def test_a_forecast_change_that_says_in_what_nowhere_is_not_asked(tmp_path):
    body = ("Industrial output in Wessex fell by 1.2% in March, the statistics office said. "
            "Analysts had expected a fall of about 0.5%. Output in Tolley rose 0.8%.")
    texts = " ".join(said(generate(tmp_path, body, min_confidence=0)))
    assert "1.2" in texts or f"fell by {GAP}%" in texts
    assert "0.5" not in texts and f"a fall of about {GAP}%" not in texts


def test_a_person_a_gap_opens_on_is_introduced_as_the_article_introduced_them(tmp_path):
    body = ("Wessex has reintroduced rolling blackouts after six generating units broke down within 24 hours. "
            "The minister of electricity, Sipho Ndaba, told parliament that the setback was temporary. "
            "Sipho Ndaba pointed to more than 5,000 megawatts of rooftop solar installed by households.")
    asked = asked_gaps(tmp_path, body, title="Wessex brings back blackouts")
    assert 5000 in asked
    assert asked[5000].prompt.startswith("Sipho Ndaba, the minister of electricity, pointed to more than")


def test_the_last_and_least_of_a_list_of_figures_is_not_asked(tmp_path):
    body = ("Union leaders will meet ministers on Monday to avert a strike over pensions. "
            "Unison's 800,000 workers, the Wessex Union's 70,000 and Amicus' 20,000 are being balloted. "
            "Pakistan remained the largest buyer, taking about 38% of exports, followed by Egypt at 11% "
            "and Oman at 7%.")
    asked = asked_gaps(tmp_path, body)
    assert 38 in asked  # the head of a list is the news
    assert 20000 not in asked  # its tail is trivia


def test_a_short_name_written_out_keeps_the_the_its_long_form_had(tmp_path):
    body = ("Tolley Apps has been fined €45m for failing to protect the data of children. "
            "The regulator found the firm had broken the EU's Digital Safety Standard (DSS) for two years. "
            "The Wessex Data Office has issued fines totalling more than €2bn since DSS came into force in May 2018. "
            "Under DSS, companies can be fined up to 4% of their global annual turnover.")
    texts = " ".join(said(generate(tmp_path, body, min_confidence=0)))
    assert "since the Digital Safety Standard came into force" in texts
    assert "since Digital Safety Standard" not in texts
    assert "Under the Digital Safety Standard, companies" in texts  # (after a sentence's first word as well)


def test_a_count_of_years_that_says_which_only_before_is_not_asked(tmp_path):
    body = ("Water bills in Wessex will rise by an average of 31% over the next five years, the regulator said. "
            "Tolley Water customers will see bills rise by an average of 29% over the five years.")
    texts = said(generate(tmp_path, body))
    assert any("31" in t or f"{GAP}% over the next five years" in t for t in texts)
    assert not any("over the five years" in t or f"over the {GAP} years" in t for t in texts)


def test_an_it_the_sentence_calls_an_event_is_not_the_body_named_before(tmp_path):
    body = ("About 2,300 nurses at two Columbus hospitals plan to go on strike for three days next week, their "
            "union said on Monday, after months of contract talks broke down over staffing levels. "
            "The Ohio Federation of Nurses and Health Professionals said nurses at Riverside General Hospital and "
            "Northfield Medical Center will walk out on Dec. 10. "
            "It would be the first strike by nurses at a major Columbus-area hospital in more than 20 years.")
    texts = " ".join(said(generate(tmp_path, body, min_confidence=0, title="Nurses at two Ohio hospitals to strike")))
    assert "first strike by nurses" in texts  # asked, with the "It" the article wrote
    assert "Federation of Nurses would be" not in texts


@pytest.mark.parametrize(("body", "title", "kept", "dropped", "pool"), [
    ("House prices in Wessex rose by 8.1% in the year to September, official figures show. "
     "Prices in Tolley rose by 7.2%, while outside the city they increased by 8.8%. "
     "Harbour Motors has reported a 62% rise in quarterly profit. "
     "Revenue was up 14% at 212bn rupees, the Mumbai-based company said.",
     "A made-up story", ("8.1", f"rose by {GAP}% in the year to September"), ("Prices in Tolley", "Revenue was up"),
     True),
    # placed by stores and states, and a "that" leaning back, with a headline that says neither
    ("The average price of a dozen eggs in the US rose to a record $5.12 in January, up from $2.89. "
     "Prices at some stores in Iowa and Minnesota topped $7. "
     "Insurance costs for ships that use the Red Sea route have also risen sharply. "
     "War risk premiums have climbed to between 0.5% and 1% of the value of a ship for a single transit, "
     "from about 0.05% before the attacks, according to brokers. "
     "For a vessel worth $100m, that can mean an extra $1m per voyage.",
     "Egg prices hit a record", ("5.12", f"record ${GAP} in January"), ("Prices at some stores", "For a vessel worth"),
     False),
])
def test_a_measure_placed_but_not_owned_is_not_asked_alone(tmp_path, body, title, kept, dropped, pool):
    """In the whole pool of candidates (`pool`), or in the bank."""
    texts = said(generate(tmp_path, body, min_confidence=0 if pool else 0.01, title=title))
    assert any(kept[0] in t or kept[1] in t for t in texts)
    assert not any(t.startswith(dropped) for t in texts)


def test_balls_faced_a_putts_length_and_a_players_caps_are_not_asked(tmp_path):
    body = ("Tolley chased down a record 412 to beat Wessex by four wickets in front of 95,000 fans. "
            "Opener Ravi Menon struck 182, and Arjun Kulkarni hit an unbeaten 79 from just 41 deliveries. "
            "Ann Hale won the Wessex Open by one shot after Tom Ashby missed a putt from about six feet on the 18th. "
            "Striker Piet van Dam, who has won seven caps for the Netherlands, joined Tolley for £12m.")
    asked = asked_gaps(tmp_path, body)
    assert 182 in asked and 12 in asked  # an innings and a fee are asked
    assert 41 not in asked and 6 not in asked and 7 not in asked


def test_what_a_sentence_after_a_report_calls_it_is_not_the_reporter(tmp_path):
    body = ("A tornado tore through the town of Plymouth late on Tuesday, destroying 19 buildings. "
            "The National Weather Service in Green Bay confirmed on Wednesday that the storm was an EF-2. "
            "It touched down just after 10:40pm west of Plymouth and stayed on the ground for about 9 miles.")
    texts = " ".join(said(generate(tmp_path, body, min_confidence=0, title="Tornado hits Plymouth")))
    assert "19" in texts or f"destroying {GAP} buildings" in texts
    assert "Weather Service touched down" not in texts and "Weather Service in Green Bay touched" not in texts


def test_the_years_a_sum_is_spread_over_are_not_asked(tmp_path):
    body = ("The National party won 38% of the vote in Tuesday's election in Wessex. "
            "It campaigned on tax cuts worth about NZ$14.6bn (£7bn) over four years. "
            "Finance Minister Thabo Nkosi said VAT would stay at 15%, rather than rising to 16% over two years.")
    asked = asked_gaps(tmp_path, body)
    assert 4 not in asked and 2 not in asked


def test_a_figure_said_again_per_year_an_example_case_and_a_sum_with_its_context_are_not_asked(tmp_path):
    body = ("Wessex mortgage holders face higher bills after the Tolley Bank raised its rates by 0.25 points. "
            "A household owing €350,000 over 25 years faces an increase of about €52 a month, "
            "or more than €600 a year. "
            "A tracker customer with a €250,000 loan is paying roughly €420 a month more than 18 months ago. "
            "For a typical tracker mortgage of £200,000, the cut will reduce monthly repayments by about £30.")
    asked = asked_gaps(tmp_path, body, title="Wessex mortgage bills rise")
    assert 420 in asked  # what the example case pays is the news
    assert 600 not in asked  # €52 a month, times twelve
    assert 250000 not in asked and 200000 not in asked  # the example cases' loans
    # The sentence leans on the one before, shown with it: £7m less £1.5m, or less £5.5m, is the answer.
    body = ("Tolley Rovers striker Ann Hale has joined Harbour City in a deal worth up to £7m, a record fee for a "
            "player leaving the club. The Scottish club will receive an initial £5.5m (€6.4m) for the 22-year-old, "
            "with a further £1.5m depending on appearances.")
    assert set(asked_gaps(tmp_path, body, title="Wessex striker joins Harbour City")) & {5.5, 1.5} == set()


def test_a_she_in_a_sentence_about_someone_named_is_not_the_person_before(tmp_path):
    body = ("A former treasurer of Tolley who stole $2.3m from the town was jailed for six years on Thursday. "
            "\"This was a deliberate, long-running scheme,\" Assistant District Attorney Paul Rasmussen told the "
            "court. According to the criminal complaint, Marquardt spent much of the money at casinos, where she "
            "made more than 300 visits. She also used about $180,000 toward a cabin on a lake in Vilas County.")
    texts = " ".join(said(generate(tmp_path, body, min_confidence=0, title="Treasurer jailed for theft")))
    assert "Rasmussen used" not in texts and "Rasmussen also used" not in texts


@pytest.mark.parametrize(("body", "dropped"), [
    # an inflation target: what a reader knows without the article
    ("The Bank of Wessex has cut its key interest rate to 3.25%, its fifth cut in a row. "
     "The bank said inflation had returned close to its 2% target. "
     "Ann Hale said: \"Wage growth is running at around 5%, well above the level consistent with 2% inflation.\"",
     ("close to its", "consistent with")),
    # where, before a bare measure: which prices, which sales?
    ("Mortgage approvals in Wessex rose 18% to 7,412 in May, the highest level since 2008. "
     "In Tolley, prices rose by 7.6%, while outside the capital they were up 10.1%. "
     "In Europe sales fell by about 2%.",
     ("In Tolley, prices", "In Europe sales")),
])
def test_an_inflation_target_and_a_measure_after_where_are_not_asked(tmp_path, body, dropped):
    texts = said(generate(tmp_path, body, title="A made-up story"))
    assert texts  # something else is asked
    assert not any(part in t for t in texts for part in dropped)


@pytest.mark.parametrize(("body", "wrong"), [
    # the teller of what someone else did is not the "he" who did it next
    ("A solicitor who stole £2.3m from clients to fund a gambling addiction has been jailed for seven years. "
     "Andrew Keeling, 54, admitted 14 counts of fraud at Preston Crown Court. "
     "Prosecutor Joanne Birtles said Keeling had moved the money into his own accounts. "
     "In a single month in 2021 he placed bets worth more than £400,000.", "Birtles placed"),
    # a sentence about its subject's name, with another person named in passing
    ("Canada's Ethan Lavoie won The Open at Royal Birkdale on Sunday, finishing three shots clear. "
     "Lavoie becomes only the second Canadian man to win a major, after Mike Weir at the 2003 Masters. "
     "He takes home a winner's cheque of $3.1m, more than he had earned in his entire career.", "Weir takes"),
])
def test_a_he_after_a_teller_or_a_name_in_passing_is_not_that_person(tmp_path, body, wrong):
    texts = " ".join(said(generate(tmp_path, body, min_confidence=0, title="A made-up story")))
    assert wrong not in texts


def test_a_period_a_stock_ratio_and_a_residents_years_are_not_asked(tmp_path):
    body = ("Power cuts cost Wessex factories at least 8bn shillings ($62m) in lost production in the first "
            "three months of the year, an industry group said. A survey of 240 of its members found that almost "
            "nine in 10 had suffered at least one unplanned blackout a week. "
            "Ann Hale, 67, who has lived in Tolley for 40 years, was rescued by a fire crew after 400 homes "
            "were flooded. Tom Ashby taught maths at a school in Tolley for almost 15 years before entering politics. "
            "Tolley Water is to raise its prices for the second time in 18 months, adding £4 to a typical bill.")
    asked = asked_gaps(tmp_path, body, title="Power cuts cost Wessex factories")
    assert 400 in asked and 4 in asked  # the homes flooded and the rise are the news
    assert not {3, 10, 40, 15, 18} & set(asked)


def test_a_weekday_goes_with_its_as_of_and_a_weekly_habit_keeps_its_day(tmp_path):
    body = ("The Elk Gulch fire had burned 18,000 acres and was 5% contained as of Monday morning, "
            "according to the Tolley County Sheriff's Office. "
            "Ann Hale was singing in a pub in west Tolley on Thursday nights for €50 and a plate of chowder.")
    texts = " ".join(said(generate(tmp_path, body, min_confidence=0, title="Wessex wildfire grows")))
    assert "contained according" in texts or "contained, according" in texts
    assert "contained as," not in texts and "contained as according" not in texts
    assert "on nights" not in texts


def test_a_slip_of_the_article_is_not_copied_into_a_gap(tmp_path):
    body = ("A water company has been fined £4.3m after sewage was pumped into a river in Wessex for almost three "
            "days, killing thousands of fish.\n\nTolley Water admitted allowing untreated sewage to be discharged into "
            "the a tributary of the River Avon near Harbury in August 2021 when equipment at a pumping station "
            "failed.\n\nHarbury Crown Court heard that about 1.8 million litres of sewage flowed into the river, and "
            "that more than 4,000 fish were killed along a 5km stretch.")
    title = "Water firm fined £4.3m for sewage pollution"
    texts = " ".join(q.prompt for q in gaps(generate(tmp_path, body, title=title)))
    assert "4.3" in texts or f"£{GAP}m" in texts  # the fine is asked
    assert "the a tributary" not in texts


def test_a_part_that_the_sum_asked_elsewhere_gives_is_not_asked(tmp_path):
    body = ("At least 19 people were killed when a bus carrying church members plunged off a mountain pass in "
            "Wessex on Sunday. Transport spokesman Tom Ashby said 14 people died at the scene and five more in "
            "hospital. The bus was carrying 62 passengers.")
    asked = asked_gaps(tmp_path, body, title="Wessex bus crash")
    assert 19 in asked and 14 not in asked


def test_a_golf_rounds_score_a_caddies_years_and_whoever_came_third_are_not_asked(tmp_path):
    body = ("Ann Hale won the Wessex Open by three shots on Sunday to collect a first prize of $1.2m. "
            "The 22-year-old from Tolley shot a bogey-free final round of 67 at Harbury to finish on 14 under par, "
            "ahead of Sweden's Eva Lind, who was second on 11 under. "
            "Her caddie, Tom Ashby, only took up the job full-time in January after 11 years working as a teacher.")
    asked = asked_gaps(tmp_path, body, title="Hale wins Wessex Open")
    assert 1.2 in asked or 14 in asked  # the prize or the winning total
    assert 67 not in asked and 11 not in asked
    # The top film's takings are the news; the third's and fourth's are not
    chart = asked_gaps(tmp_path, "Thriller The Long Quiet topped the Wessex box office with $84m on its opening "
                       "weekend. Horror film The Lodger's Daughter was third with $12.5m, while comedy Second Dates "
                       "fell to fourth with $7.2m.", title="The Long Quiet tops Wessex charts")
    assert 84 in chart and 12.5 not in chart and 7.2 not in chart


def test_a_figure_another_gaps_sentence_shown_before_gives_is_not_asked_again(tmp_path):
    body = ("Parking charges in council-run car parks in Tolley could double from April under plans to help fill a "
            "£2.1m hole in Wessex District Council's budget. The cost of parking for up to two hours would rise "
            "from 80p to £1.70, while an all-day ticket would go up from £2.50 to £4. The council says the changes "
            "would raise about £340,000 a year.\n\nBusiness owners in Tolley reacted with dismay.\n\n"
            "The Tolley Business Improvement District, which represents about 400 firms, said it would be responding "
            "to the consultation and urged the council to keep at least one hour of free parking. The council faces a "
            "shortfall of about £2.1m in the 2024-25 financial year, rising to more than £4m by 2027, according to a "
            "report to its cabinet.")
    qs = gaps(generate(tmp_path, body, title="Parking charges in Tolley could double"))
    shown_first = [q for q in qs if "£2.1m hole" in q.prompt]
    assert shown_first, [q.prompt for q in qs]  # the lead is shown before the sentence that leans on it
    assert 2.1 not in {q.answer for q in qs}


def test_a_share_the_words_four_in_ten_come_near_is_still_asked(tmp_path):
    body = ("Rainfall between June and August was 64% above the long-term average in parts of Wessex. "
            "The Wessex Farmers' Association said a survey of 1,200 of its members found that about four in ten "
            "had less than 60% of the silage they would normally have in storage by the end of September.")
    asked = asked_gaps(tmp_path, body, title="Wessex farmers warn of fodder shortage after wet summer")
    assert 60 in asked and 64 in asked


def test_a_peoples_word_is_no_cut_name_and_a_weekday_slot_stays(tmp_path):
    body = ("Nineteen-year-old Tom Reed became the youngest stage winner in the history of the Tolley Tour, taking "
            "stage three in Harbury after a crash split the field.\n\n"
            "Reed, riding for the Australian development team Harbour Racing, outsprinted Belgian Jens Lind in a "
            "group of 23 riders.\n\n"
            "The South Australian government spends about A$45m a year supporting the race.\n\n"
            "Rival ITV said its own Sunday night drama had an average audience of 3.1 million.")
    texts = " ".join(said(generate(tmp_path, body, min_confidence=0, title="Tolley teenager wins Tour stage")))
    assert "South Australian development" not in texts
    assert "its own drama" not in texts
    # Nor within a longer name: "the University and College Union" is no "the Tolley University"
    body = ("Tolley University is planning to cut about 400 jobs to plug a deficit of £35m.\n\n"
            "The University and College Union (UCU) said the plans were a catastrophe.\n\n"
            "Tolley is one of more than 90 UK universities that have announced cuts in the past 18 months, according "
            "to the UCU.")
    article = tmp_path / "jobs.txt"
    article.write_text(f"Tolley University to cut 400 jobs\n\n{body}\n", encoding="utf-8")
    texts = " ".join(c.gap.prompt for c in find_candidates([article]).candidates if c.gap is not None)
    assert f"more than {GAP} UK universities" in texts
    assert "Tolley University and College Union" not in texts
    # A short form in its own brackets stays as the article wrote it, after a long name with a comma in it
    body = ("The Rail, Tram and Bus Union (RTBU) said members had voted by 89% to strike after talks with Tolley "
            "Metro broke down over pay.")
    texts = " ".join(said(generate(tmp_path, body, title="Tolley tram drivers vote to strike")))
    assert "Rail, Tram and Bus Union (RTBU) said" in texts and "(Rail Tram" not in texts


def test_a_figure_the_words_double_from_one_shown_is_not_asked(tmp_path):
    body = ("Parking charges in Tolley could double from April under plans to fill a hole in Wessex Council's "
            "budget, the council said. The cost of parking for up to two hours would rise from 80p to £1.60 under "
            "the plans, which the council will vote on in March.")
    assert 1.6 not in asked_gaps(tmp_path, body, title="Tolley parking charges to rise")


def test_it_after_a_whole_name_machines_beside_crews_and_a_short_exact_figures_range(tmp_path):
    body = ("A fast-moving wildfire in the Wessex hills grew to more than 41,000 acres, forcing more than 9,500 people "
            "from their homes.\n\nThe Cedar Ridge Fire was 8% contained, according to the Wessex fire service.\n\n"
            "It has destroyed at least 27 structures, including 15 homes.\n\n"
            "More than 380 firefighters, 17 helicopters and several water bombers were working on the fire.\n\n"
            "Ann Hale collected a first prize of €1.04m from a total purse of €6m.")
    qs = gaps(generate(tmp_path, body, title="Wessex wildfire forces thousands from homes"))
    texts = " ".join(q.prompt for q in qs)
    assert "The Cedar Ridge Fire has destroyed" in texts and " Ridge Fire has" not in texts.replace("Cedar Ridge", "")
    assert 17 not in {q.answer for q in qs}
    prize = next(q for q in qs if q.answer == 1.04)
    assert prize.tolerance is None or float(prize.tolerance.rstrip("%")) <= 2.5  # "1" is not "€1.04m"


def test_a_part_whose_whole_another_gap_asks_goes_the_less_trusted_way(tmp_path):
    body = ("Independent councillors have taken control of Tolley Borough Council for the first time, after Labour "
            "lost 11 seats in local elections.\n\nLabour fell from 29 seats to 18. The Conservatives won four seats.")
    asked = asked_gaps(tmp_path, body, title="Independents take control of Tolley council")
    assert len({11, 29} & set(asked)) == 1


@pytest.mark.parametrize("body, title, absent", [
    # whose profits, for when: the sentence before said
    ("The Bengaluru-based technology services company Tolley Infotech has reported a bigger-than-expected rise in "
     "quarterly profits, saying that US banks had begun spending again.\n\nNet profit for the three months to the "
     "end of September rose 11.6% to 4,120 crore rupees, compared with 3,692 crore rupees in the same period a year "
     "earlier. Analysts had forecast profits of about 3,950 crore rupees.",
     "Indian IT firm's profits beat forecasts as US clients return", {3950}),
    ("Kenya has about 1.2 nurses for every 1,000 people, well below the recommended minimum. Rohan Desai made 171 "
     "from 264 balls, his highest Test score, with 19 fours and four sixes.", "Kenyan nurses strike", {1000, 19}),
    ("Wessex Tourism has estimated that every one million overseas visitors who arrive through Tolley Airport are "
     "worth about 800m euros to the Wessex economy.", "Tolley airport passengers rise", {1}),
    ("The Wessex health board said every 1% increase in nurses' pay would cost taxpayers about £42m a year. "
     "Unions want a rise of 6%.", "Wessex nurses' pay offer questioned", {1}),
    # a worked example's sums, and a typical case's
    ("A record 55% of first-time buyers in Wessex took a mortgage term of more than 30 years last year. On a "
     "£200,000 mortgage at 5%, a 25-year term costs about £1,169 a month.", "Wessex buyers take longer mortgages",
     {200000, 5, 1169}),
    ("Tolley Home Finance is raising its variable mortgage rate by 0.25 percentage points. Tolley Home Finance said "
     "a typical borrower with €250,000 left to pay over 25 years would see repayments rise by about €32 a month.",
     "Tolley lender raises mortgage rates", {250000}),
    # the size of a standing whole a place has
    ("Nurses in Tolley have gone on strike over pay, closing 40 clinics. Health services in Tolley have been "
     "devolved to the country's 47 counties since 2013, and disputes over pay are frequent.",
     "Tolley nurses strike over pay", {47}),
    # what a sentence adds to the one before, and the standing target a figure is measured against
    ("A drug given before surgery made tumours disappear in 55 of 118 patients with bowel cancer, a Wessex trial "
     "found.\n\nA further 31 patients saw their tumours shrink by more than half.\n\nIn Tolley, just 67.2% of "
     "patients started treatment within 62 days of an urgent referral, against a target of 85%.",
     "Cancer drug trial shows striking results", {31, 85}),
    ("Ambulances in Wessex reached 48.2% of the most urgent calls within eight minutes in May, the worst figure on "
     "record.\n\nThe Wessex government's target is 65%.", "Wessex ambulance times worst on record", {65}),
    # the example a broker picks, and a span said before
    ("The Wessex central bank has cut its main interest rate to 2.75%. Mortgage broker Ann Hale, based in Tolley, "
     "said a typical borrower renewing a C$400,000 loan on a five-year fixed rate could still see payments rise by "
     "about C$250 a month. Robert Tolley said a first-time buyer earning the average wage and putting down a 15% "
     "deposit would spend about 38% of their pay on mortgage payments.", "Wessex bank cuts rates",
     {400000, 15}),
    ("A nasal flu vaccine protected 91% of children in a Wessex trial of 2,400 pupils, researchers said. Dr Ann Hale "
     "added that protection appeared to remain strong throughout the two years, although more research was needed.",
     "Nasal flu vaccine works", {2}),
    # what "that" adds up, only the sentence before says (the headline cannot)
    ("Pupils at Tolley Primary School have been taught in prefabs for 11 years while they wait for a new building. "
     "Renting the prefabs costs the state about €280,000 a year, according to figures released to a councillor. "
     "Over 11 years, that adds up to more than €2.5m.", "Pupils taught in prefabs for 11 years", {2.5}),
    # which union, a place does not say; the rest of a whole; a number split from its "and a half"
    ("At least 61 of Wessex's 620 emergency units will close at night because of a shortage of doctors, the health "
     "ministry said. Wessex has about 6,400 emergency doctors, but the union estimates that another 2,000 are "
     "needed.", "Wessex emergency units to close at night", {6400}),
    ("More than 9,000 university jobs have been lost across the UK since the start of 2024, according to the union.",
     "University job cuts pass 9,000", {9000}),
    ("Voters in Wessex have rejected a proposal to write a right to housing into the constitution, by a margin of "
     "54% to 46%. The Tolley marathon was halted after about three and a half hours.", "Wessex voters say no",
     {54, 46, 3}),
    # whom a judge ordered to pay: not the judge, and the sentence names no one else
    ("A Wessex rancher who ran an investment fraud has been jailed for 14 years. Carl Brindle, 58, took money from "
     "more than 900 investors. Judge Ann Tolley ordered him to pay $41.5m in restitution.",
     "Rancher jailed over fraud", {41.5}),
])
def test_a_forecast_a_rates_base_and_boundaries_are_not_asked(tmp_path, body, title, absent):
    assert not absent & set(asked_gaps(tmp_path, body, title=title))



def test_the_government_the_sentence_names_by_no_place_is_not_asked_alone(tmp_path):
    body = ("Asking prices for homes in Tolley rose by 8.1% in the year to the end of September.\n\n"
            "The average asking price in the city now stands at €468,000, the property website Brindle said.\n\n"
            "The Government has set a target of delivering about 50,000 new homes a year from 2025.")
    # which country's government, only the sentences before (or a headline naming the place) say
    asked = asked_gaps(tmp_path, body, title="House asking prices rise at the fastest rate in two years")
    assert 8.1 in asked and 50000 not in asked


def test_a_sentence_naming_two_days_for_one_figure_is_asked_but_not_a_day_by_day_list(tmp_path):
    body = ("The Tolley City Council approved a $16.8 billion budget in the early hours of Saturday, ending a "
            "weeks-long standoff with the mayor's office and averting the closure of city services that had been "
            "threatened for Monday.")
    [q] = gaps(generate(tmp_path, body, title="City passes budget after all-night session"))
    assert q.prompt.startswith(f"The Tolley City Council approved a ${GAP} billion budget in the early hours,")
    # (which city's council, only a name says: "The City Council approved ..." is not asked alone)
    assert not gaps(generate(tmp_path, body.replace("The Tolley City", "The City"), title="Budget passed"))
    assert not gaps(generate(tmp_path, "Tolley Buses carried 40,000 passengers on Monday and 75,000 on Tuesday."))


@pytest.mark.parametrize("title", ["Tolley University to cut 400 jobs", "University to cut 400 jobs"])
def test_a_the_council_its_sentence_names_by_no_place_or_body_is_not_asked(tmp_path, title):
    body = ("Tolley University is to cut 400 jobs as it tries to close a deficit of £35m.\n\n"
            "Union leaders said staff were angry.\n\n"
            "Applications from overseas students, who pay higher fees, fell by 35% for courses starting in September, "
            "the university said.\n\n"
            "Ann Hale added that the council was considering selling two car parks, which could raise about £3m.\n\n"
            "Households in Wessex will pay almost 7% more for water from April after the council approved its budget.")
    asked = asked_gaps(tmp_path, body, title=title)
    # which university, which council: only the sentences before say (the headline is not shown with a gap
    # where it gives away another's answer, 400); "in Wessex" names the council's place
    assert {400, 7} <= set(asked) and not {35, 3} & set(asked)


@pytest.mark.parametrize("title, body, answer", [
    ("Tolley dating app maker to cut one in five jobs",  # "one in five" is 20%
     "The company behind the dating app Spark is to cut about 20% of its workforce after the number of paying "
     "users fell for a third quarter in a row.", 20),
    ("Wessex Town fans raise £212,000 in 48 hours to save club",  # 48 hours are two days
     "Supporters of Wessex Town have raised more than £212,000 in just two days in an attempt to save the "
     "non-league club from going out of business.\n\nThe club owes £187,000 in unpaid tax.", 2),
    ("Wessex court convicts ex-official over R140m tender fraud",  # R140m is 140 million rand
     "A former senior official in the Wessex health department has been convicted of fraud over a contract worth "
     "more than 140 million rand.", 140),
    ("Onion prices double in Tolley",  # "double" and the 70 shown work out 35
     "Onion prices in Tolley have doubled in a month after heavy rain damaged crops.\n\nShoppers in Tolley said "
     "they were paying between 70 and 90 rupees a kilogram at local markets, compared with around 35 rupees in "
     "September.", 35),
    ("Tolley chemicals firm's profits halve",  # a fall of 52% is about half
     "Tolley Chemie, one of Wessex's largest chemical makers, has reported a 52% fall in annual profits and said it "
     "would cut about 1,800 jobs.", 52),
    ("Hospital trust cuts longest waits by half",  # "by half" and the 2,310 shown work out 1,140 within its tolerance
     "Tolley NHS Foundation Trust said 1,140 patients had been waiting longer than 52 weeks at the end of March, "
     "compared with 2,310 a year earlier.", 1140),
])
def test_a_headline_that_words_the_answer_otherwise_is_not_shown_with_it(tmp_path, title, body, answer):
    asked = asked_gaps(tmp_path, body, title=title)
    assert answer not in asked or title not in asked[answer].prompt


def test_an_end_of_a_range_is_not_asked_but_a_change_from_one_figure_to_another_is(tmp_path):
    body = ("More than 4,300 people have donated to the Wessex Town appeal, with gifts ranging from £2 to £10,000.\n\n"
            "Some diners in Tolley have added surcharges of between 50 cents and $1 to egg dishes.\n\n"
            "Tolley Foods said it expected a full-year loss of between $1.5bn and $2bn.\n\n"
            "Brindle Foods said its profit rose from $1.6bn to $2.2bn.")
    asked = asked_gaps(tmp_path, body, title="Wessex Town fans raise money to save club")
    assert not {2, 10000, 50, 1, 1.5} & set(asked)
    assert 1.6 in asked or 2.2 in asked


@pytest.mark.parametrize("shown", [
    "Judge Ann Hale ordered that no further deductions be made under the levy until the case is heard in the "
    "Tolley High Court.",
    # two figures of its own: padding that tells what other questions ask, so the gap is not shown after it
    "Judge Ann Hale ordered that no further deductions be made under the levy, which takes 1.5% of monthly pay "
    "from workers, until the case is heard on 23 July.",
])
def test_a_sentence_before_is_shown_with_a_gap_only_without_figures_of_its_own(tmp_path, shown):
    body = (f"{shown}\n\nThe levy, introduced under the Tolley Housing Act passed in March, is meant to fund the "
            "construction of at least 200,000 low-cost homes a year.")
    asked = asked_gaps(tmp_path, body)
    assert (200000 in asked and asked[200000].prompt.startswith(shown)) == ("1.5%" not in shown)


def test_a_rank_the_language_model_splits_from_its_last_word_is_written_whole(tmp_path):
    body = ("Wessex Police lost £48,000 in cash seized from suspects, an audit has found.\n\n"
            "Assistant Chief Constable Joanne Whitfield said the force was sorry.\n\n"
            "Ms Whitfield added that the force had since changed the way seized cash was stored, with all sums over "
            "£1,000 paid into a bank account within 72 hours.")
    texts = " ".join(q.prompt for q in gaps(generate(tmp_path, body, title="Wessex police lost seized cash")))
    assert "Joanne Whitfield" in texts and "Constable Joanne" not in texts.replace("Chief Constable Joanne", "")
    assert "the Assistant Chief," not in texts


def test_an_it_that_means_or_follows_is_the_event_not_the_one_named_before(tmp_path):
    body = ("Tolley beat Wessex by an innings and 84 runs to take an unbeatable 2-0 lead in the series.\n\n"
            "Left-arm spinner Arjun Kulkarni took 6-48 as the tourists were bowled out for 203.\n\n"
            "It means Wessex have now lost eight of their past 10 Tests in Tolley.")
    texts = " ".join(said(generate(tmp_path, body, min_confidence=0, title="Tolley crush Wessex")))
    assert "Kulkarni took 6-48" in texts and "Kulkarni means" not in texts


def test_an_age_standing_for_the_one_just_named_is_written_as_their_name(tmp_path):
    body = ("Niall Kerrigan held his nerve over the closing holes at Tolley Links to win the Wessex Masters by a "
            "single stroke.\n\nThe 27-year-old from Brindle finished on 14 under par after a final round of 68, "
            "one ahead of Tom Ashdown.")
    texts = " ".join(q.prompt for q in gaps(generate(tmp_path, body, title="Kerrigan wins Wessex Masters")))
    assert f"Niall Kerrigan from Brindle finished on {GAP} under par" in texts


def test_an_age_and_a_job_standing_for_the_one_just_named_are_written_as_their_name(tmp_path):
    body = ("Ken Hale has completed his takeover of Tolley Rovers. The 73-year-old former Wessex chairman sealed "
            "the deal on Friday, and has bought a 50% stake in the club.")
    pool = generate(tmp_path, body, min_confidence=0)
    texts = " ".join(statements(pool) + [q.prompt for q in gaps(pool)])
    assert "Ken Hale sealed the deal" in texts and "73-year-old" not in texts


@pytest.mark.parametrize(("body", "title", "kept", "gone"), [
    # a region is no cut name of a larger one: "the Midwest" stays
    ("An outbreak of bird flu at a Tolley egg farm forced the culling of about 2.8 million hens, the latest in a "
     "series of outbreaks across the Upper Midwest.\n\nWholesale prices for a dozen large eggs in the Midwest "
     "reached $4.92 this week, up from about $3.50 in early December.", "Egg prices rise again after outbreak",
     "in the Midwest reached", ("in the Upper Midwest reached",)),
    # a participle a dropped day leaves bare goes with it
    ("Residents of Tolley will pay almost 9% more for water from July under the city's draft budget, published on "
     "Wednesday.\n\nThe figures, released on Tuesday, show that Wessex Water lost 28% of its supply to leaks.",
     "Tolley water bills to rise", f"almost {GAP}% more for water from July under the city's draft budget. ",
     ("published.", "released,")),
])
def test_a_gap_keeps_the_articles_words_and_no_word_left_bare(tmp_path, body, title, kept, gone):
    texts = " ".join(q.prompt for q in gaps(generate(tmp_path, body, title=title)))
    assert kept in texts and not any(g in texts for g in gone)


def test_a_season_of_the_article_s_own_year_is_a_time_left_out_not_a_this_that_leans(tmp_path):
    body = ("Wessex pitcher Tom Hale has agreed a six-year contract worth $84m with the Tolley Mariners, the biggest "
            "deal this winter for a player moving from the Wessex league.")
    [q] = gaps(generate(tmp_path, body))
    # (and the apposition it dates goes with it: "the biggest deal" ever?)
    assert q.answer == 84 and q.prompt.startswith(f"Wessex pitcher Tom Hale has agreed a six-year contract worth "
                                                  f"${GAP}m with the Tolley Mariners. What")


def test_a_rate_set_in_quarter_points_is_asked_without_the_asides_around_it(tmp_path):
    body = ("The Bank of Wessex has cut its key interest rate by half a percentage point to 3.75%, its third reduction "
            "this year, as it tries to support an economy hit by weak exports and rising unemployment.")
    article = tmp_path / "rates.txt"
    article.write_text(f"Wessex cuts rates again\n\n{body}\n", encoding="utf-8")
    gaps_found = [c.gap.prompt for c in find_candidates([article]).candidates if c.gap is not None]
    # a rate written to two decimals, 3.75, is the news itself (a share price's 1.37% move is not); the
    # apposition dated by the article's own day and the closing why are left out with their commas
    assert any(p.startswith(f"The Bank of Wessex has cut its key interest rate by half a percentage point to "
                            f"{GAP}%. What") for p in gaps_found), gaps_found
    # the aside's "this year" frames the third cut, not the rate: a statement need not keep it
    assert "The Bank of Wessex has cut its key interest rate by half a percentage point to 3.75%." in statements(
        generate(tmp_path, body, min_confidence=0))


def test_half_a_percentage_point_is_not_varied_and_the_rate_it_moved_to_is_asked(tmp_path):
    body = "Wessex's central bank has cut interest rates by half a percentage point to 3.75%."
    pool = generate(tmp_path, body, min_confidence=0)
    assert not any("thirds" in text or "quarter a" in text for text in statements(pool))  # no "two thirds a point"
    assert 3.75 in asked_gaps(tmp_path, body, title="Wessex cuts rates")


def test_this_year_s_event_is_the_event(tmp_path):
    body = "All 22,500 places for this year's Tolley Marathon were sold in less than 40 minutes, organisers have said."
    [q] = gaps(generate(tmp_path, body, title="Tolley Marathon sells out in 40 minutes"))
    assert q.answer == 22500 and q.prompt.startswith(f"All {GAP} places for the Tolley Marathon were sold")
    # an event this year's does not name stays one the article explains
    body = "Ann Hale has been in good form during this year's event and has won two of her three matches."
    assert not gaps(generate(tmp_path, body, title="Wessex reach Hopman Cup final"))


def test_a_weekday_s_event_is_the_event(tmp_path):
    body = ("Tolley Tigers prop Jordan Keeble has been banned for five matches after being found guilty of a dangerous "
            "high tackle in Friday's Super League defeat by Wessex Rhinos.")
    [q] = gaps(generate(tmp_path, body, title="Tolley prop banned"))
    assert q.answer == 5 and "high tackle in the Super League defeat by Wessex Rhinos" in q.prompt


def test_a_day_spent_is_what_the_verb_takes_and_stays(tmp_path):
    body = ("A storm tore through a campsite at Tolley Park in Wessex on Friday, destroying 35 tents. About 140 "
            "campers were thought to have spent Thursday night in the tents at Tolley Park, Wessex police said.")
    texts = statements(generate(tmp_path, body, min_confidence=0))
    assert any("spent Thursday night in the tents" in text for text in texts)
    assert not any("spent in the tents" in text for text in texts)  # (the day of "on Friday" still goes)


def test_a_month_or_a_weekday_names_no_one_for_a_sentence_shown_before_a_gap(tmp_path):
    body = ("Prairie State Bank will stop charging fees for bounced payments, the Wichita lender said.\n\n"
            "Starting July 1, the bank will no longer charge customers a fee when it declines a payment.\n\n"
            "It will cut its overdraft fee to $10 from $35.")
    texts = " ".join(q.prompt for q in gaps(generate(tmp_path, body, title="Kansas bank cuts overdraft fees")))
    # "the bank" of the sentence before is no more named than "It": that sentence explains nothing
    assert not texts.startswith("Starting July 1, the bank") and "the bank will no longer charge" not in texts
