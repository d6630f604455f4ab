"""GIFT import, rule by rule, as Moodle reads it: each test writes a small GIFT text and imports it.

The examples of Moodle's GIFT documentation are retyped here with other words and numbers.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.core.errors import Problem
from quizapp.core.model import Bank, ChoiceQuestion, NumericQuestion
from quizapp.formats import ImportProblems


@pytest.fixture
def gift(import_text):
    """Import GIFT text (skipping what quizapp cannot ask when given a list)."""
    return functools.partial(import_text, "quiz.gift")


def only(bank: Bank) -> ChoiceQuestion | NumericQuestion:
    [question] = bank.questions
    return question


def choices(q) -> tuple[str, list[str]]:
    assert isinstance(q, ChoiceQuestion)
    return q.answer, q.distractors


def number(q) -> tuple[object, ...]:
    assert isinstance(q, NumericQuestion)
    return q.answer, q.tolerance, q.min, q.max


# --- escapes ---------------------------------------------------------------------


def test_every_escape_and_a_backslash_that_escapes_nothing(gift) -> None:
    q = only(gift("::esc::Which sign is \\{ \\~ \\= \\# \\} \\: \\\\ and a line\\nbreak? {\n"
                  "  = \\ # a backslash that escapes nothing is a backslash\n"
                  "  ~ C:\\temp\\n# feedback\n"
                  "  ~ a \\= b\n}\n"))
    assert q.prompt == "Which sign is { ~ = # } : \\ and a line break?"
    assert choices(q) == ("\\", ["C:\\temp", "a = b"])  # `\t` is no escape; `\n` is a line break, folded


def test_question_text_ending_in_an_escaped_colon(gift) -> None:
    q = only(gift("Name the river that runs through Niamey\\: {=Niger ~Nile ~Volta}\n"))
    assert q.prompt == "Name the river that runs through Niamey:"
    assert q.id == "name-the-river-that-runs-through"


def test_escaped_marks_in_answers_stay_text(gift) -> None:
    # Moodle's documentation: answers that hold `=` signs, escaped.
    q = only(gift("Which sum makes 7? {\n   ~ \\= 3 + 3\n   ~ \\= 2 + 2\n   = \\= 4 + 3\n}\n"))
    assert choices(q) == ("= 4 + 3", ["= 3 + 3", "= 2 + 2"])


# --- comments, titles, categories --------------------------------------------------


def test_comments_titles_tags_and_ids(gift) -> None:
    bank = gift("// A quiz on rivers\n"
                "// [tag:rivers] [tag:west africa]\n"
                "::Niger river::Which river flows past Timbuktu?\n"
                "// a comment inside a question is left out\n"
                "{=Niger ~Congo}\n\n"
                "// question: 7  name: volta\n"
                "// [id:volta-lake]\n"
                "::Volta::Which country holds Lake Volta? {=Ghana ~Mali}\n")
    first, second = bank.questions
    assert (first.id, first.prompt, first.tags) == ("Niger river", "Which river flows past Timbuktu?",
                                                    ["rivers", "west africa"])
    assert (second.id, second.tags) == ("volta-lake", [])  # Moodle's ID number before the name


def test_first_category_names_the_bank_and_several_become_tags(gift) -> None:
    one = gift("$CATEGORY: $course$/top/Sahel//Sahara quiz\n\n::a::Which city is on the Niger? {=Mopti ~Dakar}\n")
    assert one.title == "Sahel/Sahara quiz"
    assert only(one).tags == []
    two = gift("$CATEGORY: tom/Rivers\n::a::Which river? {=Niger ~Rhine}\n\n"
               "$CATEGORY: tom/Cities\n\n::b::Which city? {=Gao ~Lyon}\n")
    assert two.title == "Rivers"
    assert [(q.id, q.tags) for q in two.questions] == [("a", ["Rivers"]), ("b", ["Cities"])]


# --- formats ----------------------------------------------------------------------


def test_formats_give_plain_text(gift) -> None:
    bank = gift("::h::[html]<p>Is <b>Gao</b> &amp; Mopti in <i>Mali</i>?</p>{T}\n\n"
                "::m::[moodle]Does 3 &lt; 4 hold?{TRUE}\n\n"
                "::md::[markdown]Is **Bamako** the capital?{=yes ~no}\n\n"
                "::p::[plain]Is <b> a tag here?{=[html]<i>yes</i> ~[plain]<i>no</i>}\n\n"
                "::d::Is 2 < 3 and 5 > 4?{T}\n")
    prompts = {q.id: q.prompt for q in bank.questions}
    assert prompts == {"h": "Is Gao & Mopti in Mali?", "m": "Does 3 < 4 hold?", "md": "Is **Bamako** the capital?",
                       "p": "Is <b> a tag here?", "d": "Is 2 < 3 and 5 > 4?"}
    # An answer's own format marker decides for it; [plain] text is never read as HTML.
    assert choices(bank.question("p")) == ("yes", ["<i>no</i>"])


# --- feedback ---------------------------------------------------------------------


def test_general_feedback_is_the_explanation_and_answer_feedback_is_left_out(gift) -> None:
    q = only(gift("::fb::Which sea does the Niger reach? {\n"
                  "  ~Mediterranean # no, that is the Nile\n"
                  "  =Atlantic # yes, through the Gulf of Guinea\n"
                  "  ~Red Sea\n"
                  "  ####[html]<p>The Niger ends in a delta in Nigeria.</p><p>It is 4,180 km long.</p>\n}\n"))
    assert choices(q) == ("Atlantic", ["Mediterranean", "Red Sea"])
    assert q.explanation == "The Niger ends in a delta in Nigeria. It is 4,180 km long."


def test_true_false_with_feedback(gift) -> None:
    # Moodle's documentation: {FALSE#feedback when wrong#feedback when right}.
    bank = gift("::tf1::The Niger flows into the Sahara.{FALSE#It bends south.#Right, it does not.}\n\n"
                "::tf2::Bamako lies on the Niger.{T}\n\n"
                "::tf3::Timbuktu is a port.{F ####It is 15 km from the river.}\n")
    assert [choices(q) for q in bank.questions] == [("False", ["True"]), ("True", ["False"]), ("False", ["True"])]
    assert bank.question("tf3").explanation == "It is 15 km from the river."


# --- multiple choice and weights ---------------------------------------------------


def test_moodle_documentation_choice_examples(gift) -> None:
    bank = gift(
        "Who is buried in the mausoleum of Askia?{=Askia Mohammad ~nobody ~Mansa Musa ~Sonni Ali}\n\n"
        "::Askia's tomb::Askia is {~living =buried ~crowned} in the tomb at Gao.\n\n"
        "A ticket to Gao costs {~a fortune =nothing ~a little} in the story.\n\n"
        "::home town::Askia came from {\n"
        "  ~Timbuktu#An important city, but not his.\n"
        "  ~%-50%Djenne#No.\n"
        "  =Gao#Yes.\n}\n")
    assert [q.id for q in bank.questions] == ["who-is-buried-in-the-mausoleum", "Askia's tomb",
                                              "a-ticket-to-gao-costs-in", "home town"]
    assert choices(bank.questions[0]) == ("Askia Mohammad", ["nobody", "Mansa Musa", "Sonni Ali"])
    assert bank.questions[1].prompt == "Askia is _____ in the tomb at Gao."
    assert bank.questions[2].prompt == "A ticket to Gao costs _____ in the story."
    assert choices(bank.questions[3]) == ("Gao", ["Timbuktu", "Djenne"])  # a negative weight is wrong


def test_weights_decide_right_and_wrong(gift) -> None:
    bank = gift("::full::Which river? {~%100%Niger ~%0%Rhine ~Thames}\n\n"
                "::moodle-text::Which rate? {=%5% a year ~%0%%9% a year}\n")
    assert choices(bank.question("full")) == ("Niger", ["Rhine", "Thames"])
    # Moodle reads a weight only after `~`: after `=` it is text.
    assert choices(bank.question("moodle-text")) == ("%5% a year", ["%9% a year"])


def test_multiple_answer_and_partly_right_questions_are_skipped_by_name(gift) -> None:
    text = ("::two rivers::Which two rivers cross Mali? {\n"
            "  ~%50%Niger\n  ~%50%Senegal\n  ~%-100%Thames\n}\n\n"
            "::thirds::Pick the thirds. {~%33.333%a ~%33.333%b ~%33.334%c ~%-100%d}\n\n"
            "::partly::Where was Askia from? {=Gao ~%50%Songhai ~Paris}\n\n"
            "::fine::Which river? {=Niger ~Rhine}\n")
    with pytest.raises(ImportProblems) as caught:
        gift(text)
    assert [(p.line, p.message.split(":")[0]) for p in caught.value.problems] == [
        (1, "a multiple-answer question (Niger 50%, Senegal 50%), `two rivers`"),
        (7, "a multiple-answer question (a 33.333%, b 33.333%, c 33.334%), `thirds`"),
        (9, "a multiple choice question with a partly right answer (Songhai 50%), `partly`"),
    ]
    assert caught.value.unsupported == caught.value.problems
    skipped: list[Problem] = []
    assert [q.id for q in gift(text, skipped).questions] == ["fine"]
    assert [p.line for p in skipped] == [1, 7, 9]


def test_text_before_the_first_mark_is_a_wrong_answer_as_in_moodle(gift) -> None:
    q = only(gift("::lead::Which city? {Dakar =Bamako ~Accra}\n"))
    assert choices(q) == ("Bamako", ["Dakar", "Accra"])


# --- numerical -----------------------------------------------------------------------


def test_moodle_documentation_numerical_examples(gift) -> None:
    bank = gift(
        "::year::In which year was Bamako made the capital?{#1908}\n\n"
        "::e::What is e to two decimal places?{#2.718:0.005}\n\n"
        "::e range::What is e to two decimal places?{#2.71..2.72}\n\n"
        "::several::In which year did Mali become independent? {#\n"
        "    =1960:0      # Right.\n"
        "    =%50%1960:1  # Close: half marks.\n"
        "}\n\n"
        "::wrong feedback::How many regions does Mali have? {#\n=19:0\n~#Completely wrong\n}\n\n"
        "::one line::How many? {#=19:0 =%50%19:1 ~#No.}\n\n"
        "::negative::Coldest night, in degrees?{#-3.5:0.5####It froze once.}\n\n"
        "::two answers::A number from either range? {#=10..12 =20..22}\n")
    assert number(bank.question("year")) == (1908, None, None, None)
    assert number(bank.question("e")) == (2.718, 0.005, None, None)
    assert number(bank.question("e range")) == (2.715, None, 2.71, 2.72)
    assert number(bank.question("several")) == (1960, None, None, None)  # the half-marks answer is left out
    assert number(bank.question("wrong feedback")) == (19, None, None, None)
    assert number(bank.question("one line")) == (19, None, None, None)
    assert number(bank.question("negative")) == (-3.5, 0.5, None, None)
    assert bank.question("negative").explanation == "It froze once."
    assert number(bank.question("two answers")) == (11, None, 10, 22)  # the span of both, around the first


def test_numerical_answer_on_the_same_line_without_equals(gift) -> None:
    # Moodle reads the text before the first `=` as an answer too.
    assert number(only(gift("::n::How many? {#19:1 =%50%19:3}\n"))) == (19, 1, None, None)


# --- kinds quizapp cannot ask ---------------------------------------------------------


KINDS = ("::essay::Write about the Niger. {}\n\n"
         "::short::Name Mali's capital. {=Bamako =bamako}\n\n"
         "::match::Match rivers and countries. {\n  =Niger -> Mali\n  =Volta -> Ghana\n  =Nile -> Egypt\n}\n\n"
         "::intro::You may use a map for the next questions.\n\n"
         "::multi::Which are rivers? {~%50%Niger ~%50%Volta ~%-100%Sahara}\n")


def test_a_file_of_only_other_kinds_names_each_question(gift) -> None:
    for skipped in (None, []):
        with pytest.raises(ImportProblems) as caught:
            gift(KINDS, skipped)
        problems = caught.value.problems
        assert [(p.line, p.message.split(" (")[0].split(",")[0]) for p in problems] == [
            (1, "an essay question"), (3, "a short-answer question"), (5, "a matching question"),
            (11, "a description"), (13, "a multiple-answer question"),
            (None, "nothing to import: quizapp cannot ask any of the questions in this file")]
        assert "`match`" in problems[2].message
        assert caught.value.unsupported == []  # skipping them would leave nothing


def test_supported_questions_next_to_other_kinds_are_all_kept(gift) -> None:
    text = ("::m1::Which river? {=Niger ~Rhine}\n"
            "::match::Pair them. {=Niger -> Mali =Volta -> Ghana}\n"
            "::m2::Which city? {=Gao ~Lyon}\n\n"
            + KINDS +
            "\n::tf::Gao is on the Niger.{T}\nHow many regions? {#19}\n"
            "A closing question spread\nover lines? {\n=yes\n~no\n}\n")
    skipped: list[Problem] = []
    bank = gift(text, skipped)
    assert [q.id for q in bank.questions] == ["m1", "m2", "tf", "how-many-regions",
                                              "a-closing-question-spread-over-lines"]
    assert [p.message.rsplit("`", 2)[1] for p in skipped] == ["match", "essay", "short", "match", "intro", "multi"]
    assert all(p.message.startswith("skipped: ") for p in skipped)


def test_cli_names_skipped_questions_and_writes_the_others(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / "mixed.gift"
    source.write_text(KINDS + "\n::ok::Which river? {=Niger ~Rhine}\n", encoding="utf-8")
    out = tmp_path / "mixed.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{source}:1: an essay question (empty braces `{{}}`), `essay`: quizapp imports" in err
    assert "add --skip-unsupported" in err and not out.exists()
    assert main(["import", str(source), "-o", str(out), "--skip-unsupported"]) == 0
    captured = capsys.readouterr()
    assert "1 question imported" in captured.out and "(5 skipped)" in captured.out
    assert f"{source}:13: warning: skipped: a multiple-answer question (Niger 50%, Volta 50%), `multi`" in captured.err
