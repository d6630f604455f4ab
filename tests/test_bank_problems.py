"""Every kind of mistake in a bank file is reported with its line, all at once."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quizapp.core.bank import check_bank, load_bank
from quizapp.core.errors import BankError
from quizapp.paths import bundled_banks_dir

ARTICLE = """\
---
title: Test article
---
The council approved 42 new homes on Tuesday.
"We need them now," said Mayor Ana Ruiz.
About 4,500 people live in the town.
"""


@pytest.fixture
def bundled_bank() -> Path:
    return bundled_banks_dir() / "mali-helicopter-collision.yaml"


def write(tmp_path: Path, text: str, name: str = "bank.yaml") -> Path:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """\
title: Town news
sources:
  town: {file: article.txt}
questions:
  - id: homes
    type: numeric
    prompt: How many new homes did the council approve?
    answer: 42
    cite: {source: town, quote: The council approved 42 new homes}
  - id: mayor
    type: choice
    prompt: Who said "We need them now"?
    answer: Ana Ruiz
    distractors: [Tom Lee, Sara Bell]
    cite: {source: town, quote: '"We need them now," said Mayor Ana Ruiz.'}
"""


def problems_of(path: Path) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in check_bank(path).problems]


def test_good_bank_loads_with_citation_offsets(tmp_path: Path) -> None:
    loaded = load_bank(write(tmp_path, GOOD))
    assert [q.id for q in loaded.bank.questions] == ["homes", "mayor"]
    mayor = loaded.bank.question("mayor")
    article = loaded.article_for(mayor)
    span = mayor.cite.spans[0]
    assert article.text[span.start:span.end] == '"We need them now," said Mayor Ana Ruiz.'
    assert article.line_of(span.start) == 5


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    answer: 42\n", "    answer: 42\n   oops: [\n"))
    (line, message), = problems_of(path)
    assert line == 9 or line == 10
    assert message.endswith("while parsing a block collection)") and "(YAML: " in message
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("text", [
    GOOD.replace("  - id: mayor", "\t- id: mayor"),  # libyaml: "cannot start any token"
    GOOD.replace("    prompt: Who said", "\tprompt: Who said"),  # libyaml: "a tab ... violates indentation"
    GOOD.replace("    prompt: Who said", "  \t  prompt: Who said"),
])
def test_a_tab_in_the_indent_is_named_at_its_line(tmp_path: Path, text: str) -> None:
    (problem,) = check_bank(write(tmp_path, text)).problems
    line, column = next((n, line.index("\t") + 1) for n, line in enumerate(text.split("\n"), 1) if "\t" in line)
    assert (problem.line, problem.column) == (line, column)
    assert problem.message.startswith(f"line {line} is indented with a tab: indent it with spaces (YAML: ")


def test_a_quote_left_open_at_the_end_of_the_file_is_noticed_there(tmp_path: Path) -> None:
    text = GOOD.replace("Ruiz.'}\n", "Ruiz.}\n")  # the file's last line opens a quote it never closes
    (problem,) = check_bank(write(tmp_path, text)).problems
    assert (problem.line, problem.column) == (15, 33) and text.count("\n") == 15
    assert problem.message == ("the quoted text opened here is not closed (noticed at the end of the file): "
                               "close it with `'` at the end of line 15 (YAML: found unexpected end of stream, "
                               "while scanning a quoted scalar)")
    # A quote closed further down, not at the end, still names that line.
    (problem,) = check_bank(write(tmp_path, GOOD.replace("approve?\n", "approve?\n    unit: {a: 1\n"))).problems
    assert "the `{` mapping opened here is not closed (noticed on line 9)" in problem.message


def test_a_quote_left_open_is_reported_where_it_was_opened(tmp_path: Path) -> None:
    # The prompt's quote is closed by the first quote mark of the question below it; PyYAML
    # stumbles on that later line, but the line to fix is the prompt's.
    text = GOOD.replace("    prompt: How many new homes did the council approve?\n",
                        '    prompt: "How many new homes did the council approve?\n')
    assert text.splitlines()[6].startswith('    prompt: "How many')
    (problem,) = check_bank(write(tmp_path, text)).problems
    assert (problem.line, problem.column) == (7, 13)
    assert problem.message.startswith("the quote opened here is not closed on "
                                      "its line (the `\"` on line 12 closes it)")


def test_a_single_quote_left_open_in_a_list_is_reported_where_it_was_opened(tmp_path: Path) -> None:
    text = GOOD.replace("    distractors: [Tom Lee, Sara Bell]\n",
                        "    distractors:\n      - 'Tom Lee\n      - Sara Bell\n")
    (problem,) = check_bank(write(tmp_path, text)).problems
    assert problem.line == 15 and "the quote opened here is not closed on its line" in problem.message


def test_a_quoted_text_over_indented_lines_still_loads(tmp_path: Path) -> None:
    text = GOOD.replace("title: Town news\n",
                        'title: Town news\ndescription: "Homes, the mayor and the town:\n'
                        '  questions: the council\'s vote, and who said what."\n')
    loaded = load_bank(write(tmp_path, text))
    assert loaded.bank.description == ("Homes, the mayor and the town: questions: the council's "
                                       "vote, and who said what.")
    # ... and a mistake further down is still reported at its own line.
    (problem,) = check_bank(write(tmp_path, text.replace("    answer: 42\n", "    answer: 42\n   oops: [\n"))
                            ).problems
    assert problem.line in (11, 12) and "the quote opened here" not in problem.message


def test_unknown_key_gets_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    distractors:", "    distractor:"))
    assert problems_of(path) == [(14, "`distractor` is not a key of a question: did you mean `distractors`?")]


def test_unknown_key_without_close_match_lists_the_keys(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("  - id: homes\n", "  - id: homes\n    colour: red\n"))
    (line, message), = problems_of(path)
    assert line == 6
    assert message.startswith("`colour` is not a key of a question: its keys are id, prompt")


def test_an_empty_quote_is_empty_not_a_wrong_list(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("quote: The council approved 42 new homes", "quote: ''"))
    (problem,) = check_bank(path).problems
    assert (problem.line, problem.message) == (9, "`quote` is empty: write some text or remove the key")
    assert problem.for_form.startswith("Add the sentence that proves the answer")


def test_missing_field(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    prompt: How many new homes did the council approve?\n", ""))
    assert problems_of(path) == [(5, "missing `prompt`: add `prompt:` with the question")]


def test_missing_title_and_unknown_type(tmp_path: Path) -> None:
    text = GOOD.replace("title: Town news\n", "").replace("type: choice", "type: multiple")
    found = problems_of(write(tmp_path, text))
    assert (1, "missing `title`: add `title:` with the bank's name") in found
    assert (10, "unknown question type `multiple`: use `type: choice` or `type: numeric`") in found


def test_duplicate_ids(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("id: mayor", "id: homes"))
    assert problems_of(path) == [
        (10, "duplicate id `homes` (also question 1): give each question its own id")]


def test_distractor_equal_to_answer_or_another(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("[Tom Lee, Sara Bell]", "[Tom Lee, ana ruiz, Tom  Lee]"))
    found = problems_of(path)
    assert found == [
        (14, "distractor `ana ruiz` is the same as the answer: every choice must differ"),
        (14, "distractor `Tom  Lee` is the same as distractor 1: every choice must differ"),
    ]


def test_numeric_answer_not_a_number(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("answer: 42", 'answer: "about 42"'))
    (line, message), = problems_of(path)
    assert line == 8
    assert message.startswith("the answer of a numeric question must be a number, not 'about 42'")


def test_negative_tolerance(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("answer: 42\n", "answer: 42\n    tolerance: -3\n"))
    assert problems_of(path) == [(9, "`tolerance`: must not be negative")]


def test_relative_tolerance_and_range(tmp_path: Path) -> None:
    text = GOOD.replace("answer: 42\n", "answer: 42\n    tolerance: 10%\n")
    q = load_bank(write(tmp_path, text)).bank.question("homes")
    assert q.accepted_range == pytest.approx((37.8, 46.2))
    text = GOOD.replace("answer: 42\n", "answer: 42\n    min: 40\n    max: 50\n")
    q = load_bank(write(tmp_path, text)).bank.question("homes")
    assert q.accepted_range == (40, 50)


def test_quote_not_in_article_names_closest_sentence(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("The council approved 42 new homes",
                                        "The council approved 24 new homes"))
    (line, message), = problems_of(path)
    assert line == 9
    assert "the quote is not in the article `article.txt`" in message
    assert 'closest sentence is "The council approved 42 new homes on Tuesday."' in message


def test_quote_matching_forgives_whitespace_quote_marks_dashes_and_case(tmp_path: Path) -> None:
    text = GOOD.replace("""'"We need them now," said Mayor Ana Ruiz.'""",
                        """'“we  need them NOW,” said Mayor Ana Ruiz.'""")
    loaded = load_bank(write(tmp_path, text))
    assert loaded.bank.question("mayor").cite.spans


def test_missing_source_file_and_wrong_kind(tmp_path: Path) -> None:
    text = GOOD.replace("town: {file: article.txt}",
                        "town: {file: gone.txt}\n  pic: {file: photo.png}")
    found = problems_of(write(tmp_path, text))
    assert found[0][0] == 3 and "source file `gone.txt` not found" in found[0][1]
    assert found[1] == (4, "`photo.png` is not an article file: a source is a .txt, .md or .html file")


def test_unknown_citation_source(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("cite: {source: town, quote: The", "cite: {source: twn, quote: The"))
    assert problems_of(path) == [(9, "unknown source `twn`: did you mean `town`?")]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = (GOOD.replace("distractors:", "distractor:")
            .replace("answer: 42", "answer: forty-two")
            .replace("id: mayor", "id: homes"))
    lines = [line for line, _ in problems_of(write(tmp_path, text))]
    assert lines == [8, 10, 14]


def test_a_misspelt_key_does_not_hide_the_rest_of_the_question(tmp_path: Path) -> None:
    text = (GOOD.replace("distractors:", "distractor:")
            .replace('"We need them now," said', '"We need it now," said')
            .replace("    answer: 42\n", "    answer: 42\n    colour: red\n")
            .replace("42 new homes}", "24 new homes}"))
    assert problems_of(write(tmp_path, text)) == [
        (9, "`colour` is not a key of a question: its keys are id, prompt, cite, explanation, tags, difficulty, "
            "type, answer, tolerance, min, max, unit"),
        (10, "the quote is not in the article `article.txt`: copy it exactly from the article; the closest "
             'sentence is "The council approved 42 new homes on Tuesday."'),
        (15, "`distractor` is not a key of a question: did you mean `distractors`?"),
        (16, "the quote is not in the article `article.txt`: copy it exactly from the article; the closest "
             'sentence is ""We need them now," said Mayor Ana Ruiz."')]
    # The question without its misspelt key is whole: its choices are checked too.
    text = GOOD.replace("  - id: mayor\n", "  - id: mayor\n    tgas: [town]\n").replace("Sara Bell]", "ana ruiz]")
    assert problems_of(write(tmp_path, text)) == [
        (11, "`tgas` is not a key of a question: did you mean `tags`?"),
        (15, "distractor `ana ruiz` is the same as the answer: every choice must differ")]


def test_an_unknown_type_does_not_hide_a_missing_prompt_answer_or_citation(tmp_path: Path) -> None:
    text = (GOOD.replace("type: numeric", "type: numerc")
            .replace("    prompt: How many new homes did the council approve?\n    answer: 42\n", "")
            .replace("type: choice", "type: chioce")
            .replace("    cite: {source: town, quote: '\"We need them now,\" said Mayor Ana Ruiz.'}\n", ""))
    check = check_bank(write(tmp_path, text))
    assert [(p.line, p.message, p.is_error) for p in check.problems] == [
        (5, "missing `prompt`: add `prompt:` with the question", True),
        (5, "missing `answer`: add `answer:` with the right answer", True),
        (6, "unknown question type `numerc`: use `type: choice` or `type: numeric`", True),
        (8, "no citation: add `cite:` with a quote from the article that proves the answer", False),
        (9, "unknown question type `chioce`: use `type: choice` or `type: numeric`", True),
    ]
    # A question that would be right as either type gets no other complaint (not "add
    # `distractors`"), and a quote not in the article is still looked up.
    text = GOOD.replace("type: numeric", "type: number").replace("42 new homes}", "24 new homes}")
    found = problems_of(write(tmp_path, text))
    assert [line for line, _ in found] == [6, 9] and "the quote is not in the article" in found[1][1]


def test_question_without_citation_is_a_warning(tmp_path: Path) -> None:
    text = GOOD.replace("    cite: {source: town, quote: The council approved 42 new homes}\n", "")
    check = check_bank(write(tmp_path, text))
    assert check.ok
    (warning,) = check.problems
    assert not warning.is_error and warning.line == 5 and "no citation" in warning.message


def test_not_utf8_binary_and_empty(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("title: Caf\xe9\n".encode("latin-1"))
    assert problems_of(path) == [(1, "the file is not UTF-8 text: save it as UTF-8 in your editor")]
    path.write_bytes(b"\x00\x01\x02binary")
    assert "YAML" in problems_of(path)[0][1]
    path.write_text("", encoding="utf-8")
    assert "empty" in problems_of(path)[0][1]
    path.write_text("- just\n- a list\n", encoding="utf-8")
    assert "must be a mapping" in problems_of(path)[0][1]


def test_problem_string_is_path_line_col(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("id: mayor", "id: homes"))
    (problem,) = check_bank(path).problems
    assert str(problem) == f"{path}:10:9: duplicate id `homes` (also question 1): give each question its own id"


def test_a_broken_bank_does_not_stop_the_others(tmp_path: Path) -> None:
    from quizapp.core.bank import check_paths

    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, "title: [unclosed\n", "b.yaml")
    write(tmp_path, GOOD, "c.yml")
    checks = check_paths([tmp_path])
    assert [c.path.name for c in checks] == ["a.yaml", "b.yaml", "c.yml"]
    assert [c.ok for c in checks] == [True, False, True]


def test_bundled_bank_loads(bundled_bank: Path) -> None:
    loaded = load_bank(bundled_bank)
    assert len(loaded.bank.questions) >= 12
    assert {q.type for q in loaded.bank.questions} == {"choice", "numeric"}
    assert all(q.cite and q.cite.spans for q in loaded.bank.questions)


def test_planted_mistakes_in_a_copy_of_the_bundled_bank(tmp_path: Path, bundled_bank: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(bundled_bank.parent.parent / "seeds", seeds)
    (tmp_path / "questions").mkdir()
    lines = bundled_bank.read_text(encoding="utf-8").splitlines(keepends=True)

    def line_of(text: str) -> int:
        return next(i for i, line in enumerate(lines) if text in line)

    plant = {
        line_of("distractors: [a Puma"): ("distractors:", "distractor:"),
        line_of("quote: Ibrahim Boubacar"): ("expressed his condolences", "expressed his sorrow"),
        line_of("id: mali-president"): ("mali-president", "soldiers-killed"),
        line_of("answer: 4500"): ("4500", '"4,500"'),
        line_of("distractors: [Ibrahim Boubacar Keïta, Mike"): ("Mike Pompeo", "Emmanuel Macron"),
    }
    for index, (old, new) in plant.items():
        lines[index] = lines[index].replace(old, new, 1)
    path = tmp_path / "questions" / "bank.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    found = check_bank(path).problems
    assert [p.line for p in found] == sorted(i + 1 for i in plant)
    assert all(p.is_error for p in found)

    lines[line_of("title:")] = "title: [broken\n"
    path.write_text("".join(lines), encoding="utf-8")
    (syntax,) = check_bank(path).problems
    assert "not closed" in syntax.message and syntax.line is not None


def test_yes_and_no_stay_text(tmp_path: Path) -> None:
    text = GOOD.replace("answer: Ana Ruiz\n    distractors: [Tom Lee, Sara Bell]",
                        "answer: yes\n    distractors: [no, Norway, NO]")
    found = problems_of(write(tmp_path, text))
    assert found == [(14, "distractor `NO` is the same as distractor 1: every choice must differ")]



# Mistakes a teacher makes in the bundled bank, and what each is told after file:line:col.
SYNTAX_MISTAKES = [
    (("    prompt: Which two", "   prompt: Which two"), 22, 4,  # one space short, as in the usability test
     "line 22 should start with 4 spaces, not 3, to line up with `type:` on line 21 (YAML: did not find "
     "expected '-' indicator, while parsing a block collection)"),
    (("    answer: a Tiger and a Cougar", "     answer: a Tiger and a Cougar"), 23, 5,  # one too many
     "line 23 should start with 4 spaces, not 5, to line up with `prompt:` on line 22 (YAML: mapping values "
     "are not allowed in this context)"),
    (("  - id: heroes-quote", "   - id: heroes-quote"), 28, 3,
     "line 28 should start with 2 spaces, not 3, to line up with the `-` on line 20 (YAML: did not find "
     "expected '-' indicator, while parsing a block collection)"),
    (("questions:", " questions:"), 10, 1,
     "line 10 should start with no space, not 1, to line up with `sources:` on line 6 (YAML: did not find "
     "expected key, while parsing a block mapping)"),
    (("  - id: heroes-quote", "  -id: heroes-quote"), 28, 3,
     "line 28 needs a space after its `-`: a list item starts with `- ` (YAML: did not find expected '-' "
     "indicator, while parsing a block collection)"),
    (("    answer: a Tiger and a Cougar", "\tanswer: a Tiger and a Cougar"), 23, 1,
     "line 23 is indented with a tab: indent it with spaces (YAML: found a tab character that violates "
     "indentation, while scanning a plain scalar)"),
    (("answer: a Tiger and a Cougar", "answer: Tiger: a Cougar"), 23, 18,
     "put the value after `answer:` on line 23 in quotes, as it has a `: ` in it (YAML: mapping values are "
     "not allowed in this context)"),
    (("a Cougar and a Chinook]", "a Cougar and a Chinook"), 24, 18,
     "the `[` list opened here is not closed (noticed on line 25): close it with `]` at the end of line 24 "
     "(YAML: did not find expected ',' or ']', while parsing a flow sequence)"),
    (("answer: a Tiger and a Cougar", "answer: 'a Tiger' and a Cougar"), 23, 23,
     "the value in quotes on line 23 ends at its closing quote: put the whole value in quotes, or start it "
     "without a quote mark (YAML: did not find expected key, while parsing a block mapping)"),
    (("answer: a Tiger and a Cougar", "answer a Tiger and a Cougar"), 23, 5,  # noticed on line 24
     "line 23 should read `key: value`, with `: ` after the key; a value that starts with a quote mark goes "
     "all in quotes (YAML: could not find expected ':', while scanning a simple key)"),
]


@pytest.mark.parametrize(("change", "line", "column", "message"), SYNTAX_MISTAKES)
def test_a_yaml_syntax_error_says_what_to_do_on_which_line(bank_file: Path, change: tuple[str, str], line: int,
                                                           column: int, message: str) -> None:
    text = bank_file.read_text(encoding="utf-8")
    assert change[0] in text
    bank_file.write_text(text.replace(*change, 1), encoding="utf-8")
    with pytest.raises(BankError) as info:
        load_bank(bank_file)
    # What to do first, in plain words; the parser's words last, for a search.
    assert str(info.value) == f"{bank_file}:{line}:{column}: {message}"
    indent = re.match(r"line (\d+) should start with (?:(\d+) spaces?|no space), not \d+,", message)
    if indent:  # done as it says, the bank reads
        lines = text.replace(*change, 1).split("\n")
        n, spaces = int(indent.group(1)), int(indent.group(2) or 0)
        lines[n - 1] = " " * spaces + lines[n - 1].lstrip(" ")
        bank_file.write_text("\n".join(lines), encoding="utf-8")
        assert load_bank(bank_file).bank.question("helicopter-types")

