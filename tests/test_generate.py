"""The generator reads real articles with the real spaCy model and asks about their facts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.core.bank import dump_bank, load_bank, save_bank
from quizapp.core.errors import ArticleError, FileProblems
from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.generate import GenerationCancelled, generate_bank

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "mali-helicopter-collision.txt"
GENERATED = ROOT / "questions" / "mali-helicopter-collision.generated.yaml"


@pytest.fixture(scope="module")
def seed_bank():
    return generate_bank([SEED], bank_dir=GENERATED.parent)


@pytest.fixture(scope="module")
def seed_pool():
    """Every question the finders offer on the seed, before the ranker's bar and the retired kinds."""
    return generate_bank([SEED], bank_dir=GENERATED.parent, min_confidence=0)


def find(bank, *, answer=None, words=(), kind=None):
    """The questions whose answer is `answer` and whose prompt or cited text holds all `words`."""
    out = []
    for q in bank.questions:
        if kind is not None and q.type != kind:
            continue
        if answer is not None and str(q.answer) != str(answer):
            continue
        text = (q.prompt + " " + " ".join(q.cite.quotes)).lower()
        if all(w.lower() in text for w in words):
            out.append(q)
    return out


# --- the golden facts of the seed article ------------------------------------


@pytest.mark.parametrize(("answer", "prompt_words"), [
    (13, ["How many French soldiers", "collision"]),
    (2014, ["In what year", "Operation Barkhane", "begin"]),
    (41, ["How many French soldiers", "lives", "Barkhane"]),
    (2012, ["In what year", "Timbuktu"]),
    (30, ["How many Malian soldiers", "Gao"]),
    (53, ["At least how many soldiers", "ambush", "November"]),
    (38, ["How many soldiers", "September"]),
    (100, ["More than how many soldiers", "Mali", "since September"]),
    (800, ["More than how many civilians", "since January"]),
    (140000, ["At least how many Malians", "homes"]),
])
def test_numeric_golden_facts(seed_pool, answer, prompt_words):
    matches = [q for q in seed_pool.questions if str(q.answer) == str(answer)
               and all(w in q.prompt for w in prompt_words)]
    assert matches, f"no question about {answer} with {prompt_words}"
    q = matches[0]
    assert isinstance(q, NumericQuestion)
    assert q.answer == answer
    assert str(answer) not in q.prompt
    assert q.prompt.endswith("?")


def test_the_story_s_central_figures_pass_the_ranker_s_bar(seed_bank):
    """The toll and the deaths since are checked in the bank itself, not only offered."""
    shown = " ".join(f"{q.prompt} {q.answer}" for q in seed_bank.questions)
    assert "A collision of two helicopters killed ___ French soldiers" in shown
    assert "More than 800 civilians" in shown
    # (the displaced, a side figure of the story, sits near the bar: offered, kept or not by the weights)


def test_the_dateline_is_not_part_of_the_question(seed_bank, seed_pool):
    [q] = [q for q in seed_pool.questions if q.type == "numeric" and q.answer == 13]
    assert q.prompt == ("How many French soldiers did a collision of two helicopters kill during a night "
                        "operation in Mali?")
    assert q.cite.quote.startswith("A collision")  # the cited sentence, without its dateline "PARIS — "
    # In the bank the toll is the gap in that sentence, asked once (not again in Macron's "These 13 heroes").
    [q] = [q for q in seed_bank.questions if q.type == "numeric" and q.answer == 13]
    assert q.prompt == ("A collision of two helicopters killed ___ French soldiers during a night operation in "
                        "Mali, French authorities announced. What number fills the gap, according to the article?")
    assert q.cite.quote.startswith("A collision") and q.tolerance is None  # "13" is exact


def test_a_figure_asked_as_a_gap_keeps_its_hedge_and_a_tolerance(seed_bank):
    [q] = [q for q in seed_bank.questions if q.type == "numeric" and q.answer == 4500]
    assert q.prompt.startswith("About ___ French troops are stationed") and q.prompt.count("___") == 1
    assert q.tolerance == "1.1%"  # "about 4,500": right to the digits the article gives, 4,450 to 4,550
    assert "4,500" in q.cite.quote and "4,500" not in q.prompt
    assert q.id.startswith("check-")  # the id of the statement it is asked in place of: history is kept
    # "More than 800 civilians ..., up from about 574": each gap would show the other's answer, so one is
    # asked: the exact figure, before a bound that is only ever asked as a gap.
    both = [q for q in seed_bank.questions if "civilians" in q.prompt]
    assert [q.answer for q in both] == [574] and "up from about ___ in the previous year" in both[0].prompt


def test_about_4500_troops_keeps_the_hedge(seed_pool):
    [q] = [q for q in seed_pool.questions if "French troops" in q.prompt]
    assert q.prompt == "About how many French troops are stationed across West Africa?"
    assert isinstance(q, ChoiceQuestion)
    assert q.answer == "4,500"
    assert all("," in d for d in q.distractors)  # same format as the answer


def test_quote_and_who_said_it(seed_pool):
    [q] = [q for q in seed_pool.questions if "These 13 heroes" in q.prompt]
    assert q.prompt == "Who said “These 13 heroes had only one aim: to protect us”?"
    assert q.answer == "Emmanuel Macron"
    assert "Macron said" in q.cite.quote  # the attribution is cited with the quote
    assert "Mike Pompeo" in q.distractors


@pytest.mark.parametrize(("role", "person"), [
    ("Mali’s president", "Ibrahim Boubacar Keïta"),
    ("U.S. Secretary of State", "Mike Pompeo"),
])
def test_roles(seed_pool, role, person):
    [q] = [q for q in seed_pool.questions if role in q.prompt]
    assert q.answer == person
    assert person not in q.distractors
    assert role in " ".join(q.cite.quotes)


@pytest.mark.parametrize(("true_part", "not_in_options"), [
    ("up from about 574", None),
    ("an almost sevenfold increase", None),
    ("a third of its armed forces", None),
])
def test_fact_check_statements(seed_pool, true_part, not_in_options):
    qs = [q for q in seed_pool.questions if q.prompt == "Which of these statements does the article support?"
          and true_part in q.answer]
    assert qs, true_part
    q = qs[0]
    assert all(true_part not in d for d in q.distractors)
    assert len(set(q.options)) == len(q.options)


def test_the_two_helicopters_a_tiger_and_a_cougar(seed_pool):
    [q] = [q for q in seed_pool.questions if q.prompt.startswith("Which two helicopters")]
    assert q.prompt == ("Which two helicopters were providing assistance to ground forces engaged in the "
                        "counterterrorism operation?")
    assert q.answer == "a Tiger and a Cougar"
    assert q.distractors == ["two Tigers", "two Cougars"]
    assert "a Tiger and a Cougar" in q.cite.quote


def test_places_are_places(seed_bank):
    """The small model calls Mali a person and Niger a date; the gazetteer makes them countries."""
    assert not [q for q in seed_bank.questions if q.answer == "Dakar"]  # the byline is no fact
    for q in seed_bank.questions:
        if isinstance(q, ChoiceQuestion) and q.answer == "Mali":
            assert "Niger" in q.distractors or "Burkina Faso" in q.distractors


def test_every_question_stands_alone_and_hides_its_answer(seed_bank):
    for q in seed_bank.questions:
        assert q.prompt.endswith("?")
        words = q.prompt.lower().replace("?", " ").split()
        for bad in ("he", "she", "they", "this", "the group"):
            if "“" not in q.prompt and q.prompt != "Which of these statements does the article support?":
                assert bad not in words, q.prompt
        if q.prompt != "Which of these statements does the article support?":
            assert str(q.answer).lower() not in q.prompt.lower() or "“" in q.prompt, q.prompt


def test_bundled_generated_bank_is_up_to_date(seed_bank):
    """questions/…generated.yaml is what the generator writes today, byte for byte."""
    assert GENERATED.read_text(encoding="utf-8") == dump_bank(seed_bank)
    loaded = load_bank(GENERATED)
    assert len(loaded.bank.questions) == len(seed_bank.questions)


def test_output_is_deterministic(seed_bank):
    again = generate_bank([SEED], bank_dir=GENERATED.parent)
    assert dump_bank(again) == dump_bank(seed_bank)


# --- short texts of our own ------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "story.txt") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_short_article(tmp_path):
    article = write(tmp_path, (
        "Floods forced at least 2,300 families from their homes in Kenya in 2021, the Red Cross said.\n\n"
        "The river burst its banks in 2019, when heavy rain fell for nine days.\n\n"
        "About 40 schools were closed across the region of Kisumu and Nakuru.\n\n"
        "“We have never seen water like this in our lives,” said Grace Otieno, a farmer.\n\n"
        "John Mwangi, Kenya’s interior minister, said the government would help the families.\n\n"
        "President William Ruto visited Uganda with his deputy, Rigathi Gachagua, on a trade mission.\n"))
    bank = generate_bank([article], bank_dir=tmp_path, min_confidence=0)  # all the finders offer
    path = tmp_path / "bank.yaml"
    save_bank(bank, path)
    loaded = load_bank(path)  # every citation is found in the article
    prompts = {q.prompt: q for q in loaded.bank.questions}
    assert prompts["In what year did heavy rain fall for nine days?"].answer == 2019
    q = prompts["Who said “We have never seen water like this in our lives”?"]
    assert q.answer == "Grace Otieno"
    assert "John Mwangi" in q.distractors
    q = prompts["Who does the article describe as Kenya’s interior minister?"]
    assert q.answer == "John Mwangi"
    q = prompts["At least how many families did floods force from their homes in Kenya in 2021?"]
    assert q.answer == 2300
    q = prompts["Which country did President William Ruto visit with his deputy, Rigathi Gachagua, on a trade mission?"]
    assert q.answer == "Uganda"
    assert "Tanzania" in q.distractors  # a neighbour, from the gazetteer


def test_types_filter_and_max_questions(tmp_path):
    numeric_only = generate_bank([SEED], types=["numeric"], bank_dir=tmp_path)
    assert numeric_only.questions and all(q.type == "numeric" for q in numeric_only.questions)
    few = generate_bank([SEED], max_questions=5, bank_dir=tmp_path)
    assert len(few.questions) == 5
    full = generate_bank([SEED], bank_dir=tmp_path)
    order = [q.id for q in full.questions]
    assert [q.id for q in few.questions] == sorted((q.id for q in few.questions), key=order.index)


def test_a_year_asked_as_multiple_choice_is_written_as_a_year(tmp_path):
    # Multiple choice only: the years the seed asks about are options, written as the article writes years.
    choice_only = generate_bank([SEED], types=["choice"], bank_dir=tmp_path, min_confidence=0)
    years = [q for q in choice_only.questions if q.prompt.startswith("In what year")]
    assert years
    for q in years:
        assert all(re.fullmatch(r"(19|20)\d\d", option) for option in [q.answer, *q.distractors]), q


def test_several_articles_make_one_bank_with_sources(tmp_path):
    other = write(tmp_path, "About 120 people were hurt when a bridge collapsed in Lyon in 2018.\n", "b.txt")
    bank = generate_bank([SEED, other], bank_dir=tmp_path)
    assert list(bank.sources) == ["mali-helicopter-collision", "b"]
    assert bank.sources["b"].file == "b.txt"
    assert {q.cite.source for q in bank.questions} == {"mali-helicopter-collision", "b"}


def test_source_keys_are_the_words_of_the_file_names(tmp_path):
    """`article.txt` was the source `q`: its key was made as a question's id is, which leaves out words such as
    "article" and "the", and `q` is what is left of nothing."""
    article = tmp_path / "article.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    other = write(tmp_path, "About 120 people were hurt when a bridge collapsed in Lyon in 2018.\n",
                  "The bridge of Lyon – what we know.txt")
    bank = generate_bank([article, other], bank_dir=tmp_path)
    assert list(bank.sources) == ["article", "the-bridge-of-lyon-what-we-know"]
    assert bank.sources["article"].file == "article.txt"
    assert {q.cite.source for q in bank.questions} <= set(bank.sources)


def test_progress_and_cancel(tmp_path):
    seen = []
    generate_bank([SEED], progress=lambda done, total, msg: seen.append((done, total)), bank_dir=tmp_path)
    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with pytest.raises(GenerationCancelled):
        generate_bank([SEED], cancel=lambda: True)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    ("caf\u00e9 story about things.".encode("latin-1"), "not UTF-8"),
])
def test_bad_input_is_refused_with_the_file_name(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        generate_bank([p])


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "quizapp", "generate", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def test_cli_writes_a_bank_that_validates(tmp_path):
    out = tmp_path / "sub" / "b.yaml"
    out.parent.mkdir()
    r = run_cli(str(SEED), "-o", str(out), "--max-questions", "5", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    bank = load_bank(out).bank
    assert len(bank.questions) == 5
    assert bank.sources["mali-helicopter-collision"].file.startswith("../")


def test_cli_prints_to_stdout_and_refuses_bad_files(tmp_path):
    r = run_cli(str(SEED), "--types", "numeric", cwd=ROOT)
    assert r.returncode == 0
    assert "file: seeds/mali-helicopter-collision.txt" in r.stdout
    html = tmp_path / "page.html"
    html.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    r = run_cli(str(html), cwd=tmp_path)
    assert r.returncode == 1
    assert "page.html" in r.stderr and "no article text" in r.stderr
    assert "Traceback" not in r.stderr
    r = run_cli(str(SEED), "--types", "essay", cwd=tmp_path)
    assert r.returncode == 2 and "unknown type" in r.stderr


def test_an_empty_bank_says_which_bar_nothing_reached_and_how_to_see_what_was_found(tmp_path):
    out = tmp_path / "b.yaml"
    r = run_cli(str(SEED), "-o", str(out), "--min-confidence", "1", cwd=tmp_path)
    assert r.returncode == 0 and "0 questions from 1 article" in r.stderr
    assert "none reached the confidence bar of 100%" in r.stderr
    assert "--report" in r.stderr and "--min-confidence 0" in r.stderr


def test_an_empty_bank_from_a_short_text_names_that_one_cause(tmp_path):
    """As the app says it: too short, not a list of what might be wrong, and no tips about a bar."""
    p = write(tmp_path, "Council notes.\n\nThe council met on Tuesday. Everyone agreed to meet again.\n", "brief.txt")
    r = run_cli(str(p), "-o", str(tmp_path / "b.yaml"), cwd=tmp_path)
    assert r.returncode == 0 and "0 questions from 1 article" in r.stderr
    assert "the text is too short (12 words)" in r.stderr
    assert "confidence bar" not in r.stderr and "--report" not in r.stderr


def test_a_huge_article_without_sentences_is_read_without_parsing_it_whole(tmp_path):
    """A 2 MB run-on text is more than spaCy takes in one piece; it is skipped, not crashed on."""
    p = write(tmp_path, "the soldiers said about 4,500 troops " * 60_000, "huge.txt")
    bank = generate_bank([p], bank_dir=tmp_path)
    assert bank.questions == []


def test_he_is_resolved_from_the_sentence_before_and_both_are_cited(seed_pool):
    [q] = [q for q in seed_pool.questions if q.prompt.startswith("Who said in a statement that the troops died")]
    assert q.answer == "Ibrahim Boubacar Keïta"
    assert q.cite.quotes[0].startswith("Ibrahim Boubacar Keïta, Mali’s president")
    assert q.cite.quotes[1].startswith("He said in a statement")


def test_he_is_not_resolved_across_a_gap_or_to_a_woman(tmp_path):
    article = write(tmp_path, (
        "Ms Anna Berg, the city's mayor, opened the new bridge over the river Tees.\n\n"
        "He said the bridge had cost far less than the old ferry service over the years.\n\n"
        "Mr Tom Hale, the chief engineer, praised the builders from Leeds and Hull.\n\n"
        "Rain fell on the crowd of several hundred people that gathered for the event.\n\n"
        "He said the crossing would be open to walkers and cyclists every day of the week.\n\n"
        "Mr Paul Gray, a local trader, welcomed the bridge.\n"))
    bank = generate_bank([article], bank_dir=tmp_path)
    assert not [q for q in bank.questions if q.prompt.startswith("Who said the bridge")]
    assert not [q for q in bank.questions if q.prompt.startswith("Who said the crossing")]


def test_html_page_gives_text_and_source_metadata(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge opens in Lyon</title>"
        '<meta name="author" content="Jo Marsh"></head><body><nav>Home | News</nav><article>'
        "<h1>Bridge opens in Lyon</h1>"
        "<p>About 120 people were hurt when an old bridge collapsed in Lyon in 2018, the city said.</p>"
        "<p>The new bridge cost more than 40 million euros and took three years to build, "
        "according to the regional council of Auvergne-Rhone-Alpes.</p>"
        "<p>Mayor Anne Duval said the crossing would open to walkers and cyclists in May.</p>"
        "<p>Engineers tested the deck with 40 loaded lorries last week, and the results were good.</p>"
        "<p>The old bridge had stood for more than a century before it gave way in a storm.</p>"
        "</article></body></html>", encoding="utf-8")
    bank = generate_bank([page], bank_dir=tmp_path)
    assert bank.sources["page"].title == "Bridge opens in Lyon"
    assert bank.sources["page"].file == "page.html"
    assert any(q.type == "numeric" and q.answer == 2018 for q in bank.questions) or any(
        "120" in str(q.answer) for q in bank.questions)
    path = tmp_path / "bank.yaml"
    save_bank(bank, path)
    load_bank(path)  # the citations are found in the extracted text


def test_report_command_prints_every_check(tmp_path):
    r = run_cli("--report", str(SEED), cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "mali-helicopter-collision.txt" in r.stdout and "TOTAL" in r.stdout
    head, _, total = r.stdout.splitlines()[:3]
    # Each check's heading stands whole, its share right under its end.
    for heading in ("answer cited", "choices differ", "same kind", "not in stem", "no duplicates"):
        end = head.index(f" {heading}") + len(heading) + 1
        assert head[end:end + 1] in ("", " ") and total[end - 4:end] == "100%"
    assert "answer cited = answer in cited text" in r.stdout
    assert "failed checks" not in r.stdout


def test_report_shows_each_confidence_as_the_apps_review_list_does(tmp_path):
    """Rounded down: a question at 87.8% is no "88%" in one place and "87%" in the other."""
    import math
    import re

    from quizapp.generate.api import generate_draft

    r = run_cli("--report", str(SEED), cwd=tmp_path)
    shown = {m.group(2): int(m.group(1)) for m in re.finditer(r"^ {2}\S+ +(\d+)%  (.+?) ->", r.stdout, re.M)}
    draft = generate_draft([SEED])
    expected = {q.prompt: math.floor(c * 100) for q, c in zip(draft.bank.questions, draft.confidence, strict=True)}
    assert expected and all(shown[p] == v for p, v in expected.items() if p in shown)
    assert sum(p in shown for p in expected) >= 3


def test_cli_counts_one_question_as_one(tmp_path):
    out = tmp_path / "b.yaml"
    r = run_cli(str(SEED), "-o", str(out), "--max-questions", "1", cwd=tmp_path)
    assert r.returncode == 0 and r.stderr.endswith(f"{out}: 1 question from 1 article\n")


def test_cli_help_names_web_addresses(capsys):
    from quizapp.cli import main

    with pytest.raises(SystemExit):
        main(["generate", "--help"])
    assert "or web addresses" in " ".join(capsys.readouterr().out.split())


def test_markdown_front_matter_goes_into_the_source(tmp_path):
    article = write(tmp_path, (
        "---\ntitle: Floods in Kenya\nauthor: A. Writer\npublisher: Daily Example\ndate: 2021-05-04\n---\n"
        "Floods forced at least 2,300 families from their homes in Kenya in 2021, the Red Cross said.\n"),
        "floods.md")
    bank = generate_bank([article], bank_dir=tmp_path)
    src = bank.sources["floods"]
    assert (src.title, src.author, src.publisher) == ("Floods in Kenya", "A. Writer", "Daily Example")
    assert bank.title == "Floods in Kenya"
    q = next(q for q in bank.questions if q.type == "numeric" and q.answer == 2300)
    assert q.prompt == ("Floods forced at least ___ families from their homes in Kenya in 2021, the Red Cross "
                        "said. What number fills the gap, according to the article “Floods in Kenya”?")


def test_a_draft_skips_an_unreadable_article_and_says_why_unless_none_can_be_read(tmp_path: Path) -> None:
    from quizapp.generate.api import generate_draft

    binary, empty = tmp_path / "answers.txt", tmp_path / "notes.md"
    binary.write_bytes(b"%PDF-1.7\n\x00\x00endobj\n")
    empty.write_text("\n", encoding="utf-8")
    draft = generate_draft([binary, SEED], max_questions=1, skip_unreadable=True)
    assert [(p.path, p.message.split(",")[0]) for p in draft.skipped] == [(binary, "this is a binary file")]
    assert len(draft.bank.questions) == 1 and len(draft.bank.sources) == 1
    with pytest.raises(FileProblems) as caught:  # nothing left to read: every reason is the error
        generate_draft([binary, empty], skip_unreadable=True)
    assert [p.path for p in caught.value.problems] == [binary, empty]
    with pytest.raises(ArticleError, match="binary"):  # as the command line reads them: the first stops it
        generate_draft([binary, SEED])
