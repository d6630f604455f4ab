"""Who said it: quotes that go on past the sentence naming their speaker, claims reported
without quote marks, and articles with only two people in them. Short texts written for the tests."""

from __future__ import annotations

from pathlib import Path

from quizapp.core.bank import load_bank, save_bank
from quizapp.core.model import ChoiceQuestion
from quizapp.generate import generate_bank
from quizapp.generate.api import generate_with_facts

HARBOUR = """Harbour plan splits the town

Mayor Alice Granger has approved a new ferry terminal for the town of Westport.

"The terminal will bring jobs to every street," Ms Granger said. "We waited twenty years for a project of this size.

"Nobody on the council wanted to lose the chance to build it."

"If that happens, every family in the district will feel the benefit within a year."

Fisherman Tom Baxter, who leads the harbour union, said the terminal would push the fleet out of its moorings.

Mr Baxter vowed to fight the plan, saying "no council is going to take our harbour away".

The old fish market has served the harbour for a century, says Ruth Ellery, a local historian.
"""

DUET = """Band split ends in court

Guitarist Sam Okafor and singer Lena Voss have split up their band after ten years.

Okafor claims he wrote every song on the album Blue Rooms himself.

Ms Voss said she would release the album through Kestrel Sound, which is selling it on its website.

She said: "I wrote half of those songs at my own kitchen table.

"Nobody will stop this album from coming out in the spring."
"""


def _bank(tmp_path: Path, text: str) -> list[ChoiceQuestion]:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    bank = generate_bank([path], bank_dir=tmp_path, min_confidence=0)  # all the finders offer
    save_bank(bank, tmp_path / "bank.yaml")
    loaded = load_bank(tmp_path / "bank.yaml")  # every quote, in one sentence or several, is found
    assert all(q.cite is not None and q.cite.spans for q in loaded.bank.questions)
    return [q for q in bank.questions if isinstance(q, ChoiceQuestion)]


def _asking(questions: list[ChoiceQuestion], words: str) -> ChoiceQuestion:
    found = [q for q in questions if words in q.prompt]
    assert len(found) == 1, [q.prompt for q in questions]
    return found[0]


def test_a_quote_that_goes_on_is_asked_with_the_sentence_naming_its_speaker(tmp_path):
    qs = _bank(tmp_path, HARBOUR)
    first = _asking(qs, "The terminal will bring jobs")
    assert first.answer == "Alice Granger" and isinstance(first.cite.quote, str)
    third = _asking(qs, "Nobody on the council wanted")
    assert third.answer == "Alice Granger" and len(third.cite.quotes) == 3
    assert third.cite.quotes[0].endswith("Ms Granger said.")
    # "If that happens, ...": the words go on from the last quote, and the stem cannot show which.
    assert not [q for q in qs if "If that happens" in q.prompt]
    for q in (first, third):
        assert set(q.distractors) <= {"Tom Baxter", "Ruth Ellery"} and len(q.distractors) == 2


def test_the_next_sentence_of_a_quote_already_asked_is_not_asked_again(tmp_path):
    # "We waited twenty years ..." goes on with the point of the sentence before it: a speaker's
    # next sentence is a fact found (with its citation), not a second question.
    path = tmp_path / "story.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    bank, found = generate_with_facts([path], bank_dir=tmp_path, min_confidence=0.01)  # both over the bar
    assert any("The terminal will bring jobs" in q.prompt for q in bank.questions)
    fact = next(f for f in found[0].facts if f.kind == "quote" and "We waited twenty years" in f.prompt)
    assert fact.answer.endswith("Granger")
    assert fact.prompt == "Who said “We waited twenty years for a project of this size”?"
    assert not [q for q in bank.questions if "We waited twenty years" in q.prompt]


def test_a_claim_without_quote_marks_asks_who_made_it(tmp_path):
    q = _asking(_bank(tmp_path, HARBOUR), "fish market")
    assert q.prompt == "Who says the old fish market has served the harbour for a century?"
    assert q.answer == "Ruth Ellery"
    assert set(q.distractors) == {"Alice Granger", "Tom Baxter"}


def test_a_quote_opened_by_saying_may_start_in_lower_case(tmp_path):
    q = _asking(_bank(tmp_path, HARBOUR), "no council is going")
    assert q.prompt == "Who said “no council is going to take our harbour away”?"
    assert q.answer == "Tom Baxter"


def test_two_people_the_story_sets_against_each_other_are_no_coin_toss(tmp_path):
    # "Who said 'I wrote half of those songs'?", Okafor or Voss, in a story of Okafor taking Voss to
    # court over who wrote the songs: which side would say it, the story tells.
    qs = _bank(tmp_path, DUET.replace("Guitarist Sam Okafor and singer Lena Voss have split up their band after "
                                      "ten years.", "Guitarist Sam Okafor has taken his former partner Lena Voss "
                                      "to court over the songs of their band."))
    assert not any(q.prompt.startswith("Who said") for q in qs)


def test_with_two_people_the_other_one_is_the_only_distractor(tmp_path):
    qs = _bank(tmp_path, DUET)
    q = _asking(qs, "I wrote half of those songs")
    assert q.answer == "Lena Voss"
    # Kestrel Sound is a label (", which is selling it"), not a person to pick as a speaker.
    assert q.distractors == ["Sam Okafor"]
    assert len(q.cite.quotes) == 2 and "Ms Voss said" in q.cite.quotes[0]
    assert all("Kestrel Sound" not in q.distractors for q in qs)


def test_a_stem_never_leans_on_an_unnamed_owner(tmp_path):
    text = ("Rail row\n\nThe rail operator was criticised by the transport committee on Monday.\n\n"
            "Transport minister Paul Adeyemi quoted its annual report on the state of the railways.\n\n"
            "Committee chair Mary Olsen said the trains were late on most days of the year.\n\n"
            "Passenger group leader Ian Marsh said fares had risen faster than wages.\n")
    qs = _bank(tmp_path, text)
    assert any(q.answer == "Mary Olsen" for q in qs)  # the people are asked about ...
    for q in qs:
        assert " its " not in f" {q.prompt} ", q.prompt  # ... but never "Who quoted its report?"


PORTS = """Ferry boom ahead

Research firm Harbour Insight said demand for ferries to Ireland would keep growing.

Ferry operator Bluewave Lines has ordered two new ships for the route to Ireland.

Westport's new fares are modelled on the Denmark system and will start in March.

Consultancy firm Harbour Insight predicts that Westport will double its ferry traffic within ten years.

Shipping broker Tidemark Partners has chartered three freighters for the winter season.
"""


def test_a_claim_by_a_named_firm_asks_which_organisation_made_it(tmp_path):
    q = _asking(_bank(tmp_path, PORTS), "demand for ferries")
    assert q.prompt == "Which organisation said demand for ferries to Ireland would keep growing?"
    # Two other firms of the story: with one alone, "which of these two said it" is a coin toss.
    assert q.answer == "Harbour Insight" and q.distractors == ["Bluewave Lines", "Tidemark Partners"]


def test_a_country_named_as_a_modifier_is_asked_with_its_thing(tmp_path):
    q = _asking(_bank(tmp_path, PORTS), "system")
    assert q.prompt == "On which country's system are Westport's new fares modelled?"
    assert q.answer == "Denmark" and len(q.distractors) == 3
    assert "Ireland" not in q.distractors  # the country the story is set in: no plausible model for itself


def test_a_verb_that_multiplies_is_not_varied_as_a_number(tmp_path):
    """'will double its traffic' cannot become 'will three times its traffic'."""
    for q in _bank(tmp_path, PORTS):
        assert "three times its" not in " ".join(q.options)


def test_no_wrong_speaker_is_one_the_words_name(tmp_path):
    body = ("Harbour final won by Jones\n\n"
            "Spaniard Sarah Jones beat Claire Moss in the Westport final on Sunday.\n\n"
            "\"I think this was the most important win of my life as Claire is one of the best players in "
            "the world,\" Sarah Jones said.\n\n"
            "\"The crowd carried me through the last set and I am very grateful to them,\" Claire Moss said.\n\n"
            "\"Both players showed the town what tennis can be at its very best,\" said Tom Baxter, "
            "the club coach.\n\n"
            "\"We will bring the final back to Westport next summer and for many years after that,\" "
            "Mayor Alice Granger said.\n")
    q = _asking(_bank(tmp_path, body), "as Claire is one of the best players")
    assert q.answer == "Sarah Jones"  # not "Spaniard Sarah Jones", beside bare names
    assert "Claire Moss" not in q.distractors  # the words name her: never the one who said them


def test_a_name_in_brackets_in_the_quote_is_no_wrong_speaker(tmp_path):
    body = ("Council splits over harbour\n\n"
            "Mayor Alice Granger has approved a new ferry terminal for the town of Westport.\n\n"
            "\"I don't think you can rely on his [Mr Baxter's] judgement when it comes to the decisions the "
            "council is making,\" Alice Granger said.\n\n"
            "\"The terminal will push the fishing fleet out of its moorings for good,\" said Tom Baxter.\n\n"
            "\"The old fish market has served the harbour for a century and more,\" said Ruth Ellery.\n\n"
            "\"We will bring the ferries back to Westport next summer and for many years,\" said Ann Cole.\n")
    q = _asking(_bank(tmp_path, body), "rely on his [Mr Baxter")
    assert q.answer == "Alice Granger" and "Tom Baxter" not in q.distractors


def test_a_quote_opening_on_he_is_not_asked(tmp_path):
    body = ("Council splits over harbour\n\n"
            "Union leader Tom Baxter said: \"The mayor is a very powerful figure in the town and on the harbour "
            "board. \"He also sends instructions to every department about how he would like the harbour to be "
            "run.\"\n\n"
            "\"The old fish market has served the harbour for a century and more,\" said Ruth Ellery.\n\n"
            "\"We will bring the ferries back to Westport next summer and for many years,\" said Ann Cole.\n")
    path = tmp_path / "story.txt"
    path.write_text(body, encoding="utf-8")
    _, found = generate_with_facts([path], bank_dir=tmp_path, min_confidence=0)
    quotes = [f.prompt for f in found[0].facts if f.kind == "quote"]
    assert not any("He also sends" in p for p in quotes)  # who "he" is, only the words before say
    assert any("The old fish market" in p for p in quotes)
