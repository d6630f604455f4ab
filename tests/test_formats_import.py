"""Imports: hand-written GIFT and Aiken files with the tricky cases, bad input by file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.core.bank import check_bank
from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.formats import ImportProblems, import_bank_file

DATA = Path(__file__).parent / "data" / "formats"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(tmp_path_factory.mktemp("data")))


def choice(bank, qid: str) -> tuple[str, str, list[str]]:
    q = bank.question(qid)
    assert isinstance(q, ChoiceQuestion)
    return q.prompt, q.answer, q.distractors


def numeric(bank, qid: str) -> tuple[float, object, object, object]:
    q = bank.question(qid)
    assert isinstance(q, NumericQuestion)
    return q.answer, q.tolerance, q.min, q.max


# --- GIFT --------------------------------------------------------------------


def test_tricky_gift_file() -> None:
    bank = import_bank_file(DATA / "tricky.gift")
    assert bank.title == "Mali/Sahel quiz"  # the last part of $CATEGORY; `//` is a slash
    assert bank.sources == {}
    assert [q.id for q in bank.questions] == [
        "escapes", "multi-line", "tf-true", "tf-false", "num-exact", "num-tolerance", "num-range",
        "num-multi", "num-negative", "general-feedback", "missing-word",
        "who-is-mali-s-president-according"]
    assert choice(bank, "escapes") == ("Which characters does GIFT escape with \\ (a backslash)?",
                                       "~ = # { } : and \\", ["only { and }", "none of them"])
    # A question over several lines with a comment line inside; feedback and a negative weight dropped.
    assert choice(bank, "multi-line") == ("Which river runs through Bamako?", "Niger", ["Senegal", "Volta"])
    assert choice(bank, "tf-true")[1:] == ("True", ["False"])
    # [html]: tags and entities become plain text; true/false feedback is dropped.
    assert choice(bank, "tf-false") == ("Timbuktu is the capital of Mali & Niger.", "False", ["True"])
    assert numeric(bank, "num-exact") == (13, None, None, None)
    assert numeric(bank, "num-tolerance") == (4500, 450, None, None)
    assert numeric(bank, "num-range") == (3, None, 1, 5)
    assert numeric(bank, "num-multi") == (1822, None, None, None)  # the 50% answer has no place
    assert numeric(bank, "num-negative") == (-40.5, 0.5, None, None)
    assert bank.question("num-negative").explanation == "Fahrenheit and Celsius meet at -40."
    general = bank.question("general-feedback")
    assert general.prompt == 'Who said "These 13 heroes had only one aim: to protect us"?'
    assert general.explanation == "Macron said it on Twitter."
    assert choice(bank, "missing-word") == ("Mali is about _____ the size of Texas.", "twice",
                                            ["half", "three times"])
    assert choice(bank, "who-is-mali-s-president-according")[1:] == (
        "Ibrahim Boubacar Keïta", ["Moammar Gaddafi"])  # ~%100% is a right answer too


def test_windows_line_endings_read_the_same() -> None:
    assert b"\r\n" in (DATA / "tricky-crlf.gift").read_bytes()
    assert import_bank_file(DATA / "tricky-crlf.gift").questions == import_bank_file(DATA / "tricky.gift").questions


def test_bad_gift_lists_every_problem_by_line() -> None:
    with pytest.raises(ImportProblems) as caught:
        import_bank_file(DATA / "bad.gift")
    found = [(p.line, p.message) for p in caught.value.problems]
    assert all(p.path == DATA / "bad.gift" for p in caught.value.problems)
    expected = [
        (4, "the `{` of the answers is never closed with `}`"),
        (6, "a short-answer question (only `=` answers, none wrong), `short-answer`: quizapp imports"),
        (8, "a matching question (`=a -> b`), `matching`: quizapp imports"),
        (10, "no right answer"),
        (12, "an essay question (empty braces `{}`), `essay`: quizapp imports"),
        (14, "`thirteen` is not a number answer"),
        (16, "the range 5..1 runs backwards"),
        (18, "a multiple choice question with a partly right answer (b 50%), `partial`"),
        (20, "the title has no closing `"),
        (22, "the choice `Yes` appears twice"),
    ]
    assert len(found) == len(expected)
    for (line, message), (want_line, want) in zip(found, expected, strict=True):
        assert line == want_line and message.startswith(want), (line, message)
    assert str(caught.value).startswith(f"{DATA / 'bad.gift'}:4:36: ")
    # Not every problem is a kind quizapp cannot ask: skipping would not be enough.
    assert [p.line for p in caught.value.unsupported] == [6, 8, 12, 18]


@pytest.mark.parametrize("text, line, message", [
    ("::a::Q {=x ~y\n", 1, "never closed"),
    ("::a::Q {=x {~y}\n", 1, "a `{` inside the answers"),
    ("\n\n{=x ~y}\n", 3, "no text before its answers"),
    ("::a::Q {=x ~y ~ }\n", 1, "an empty answer"),
    ("::a::Q {#}\n", 1, "a numerical question needs a number"),
    ("::a::Q } {=x ~y}\n", 1, "a `}` with no `{` before it"),
    ("::a::Q {=x ~X}\n", 1, "appears twice"),
])
def test_gift_mistakes(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "one.gift"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportProblems) as caught:
        import_bank_file(path)
    [problem] = caught.value.problems
    assert problem.line == line and message in problem.message, problem


def test_non_utf8_file_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.gift"
    path.write_bytes("::a::Which city? {=Bamako ~Gao}\n\n::b::Qui est-ce ? {=Keïta ~Macron}\n".encode("latin-1"))
    with pytest.raises(ImportProblems) as caught:
        import_bank_file(path)
    assert (caught.value.problems[0].line, caught.value.problems[0].column) == (3, 23)
    assert "not UTF-8" in str(caught.value)


def test_duplicate_titles_get_distinct_ids(tmp_path: Path) -> None:
    path = tmp_path / "dups.gift"
    path.write_text("::q::One? {=a ~b}\n\n::q::Two? {=c ~d}\n\nThree? {T}\n\nThree? {F}\n", encoding="utf-8")
    assert [q.id for q in import_bank_file(path).questions] == ["q", "q-2", "three", "three-2"]


# --- Aiken -------------------------------------------------------------------


def test_aiken_file() -> None:
    bank = import_bank_file(DATA / "capitals.txt")  # .txt: recognised by its ANSWER lines
    assert bank.title == "Capitals"
    assert [(q.prompt, q.answer, q.distractors) for q in bank.questions] == [
        ("What is the capital of Mali?", "Bamako", ["Dakar", "Niamey", "Ouagadougou"]),
        ("Which operation did France begin in the Sahel in 2014, according to the article?",
         "Operation Barkhane", ["Operation Serval", "Operation Sangaris"]),
        ("Which city did extremists linked to al-Qaeda seize in 2012?", "Timbuktu", ["Gao", "Mopti"]),
    ]
    assert [q.id for q in bank.questions] == ["what-is-the-capital-of-mali", "which-operation-did-france-begin-in",
                                              "which-city-did-extremists-linked-to"]
    # The same questions with Windows line endings and the .aiken suffix.
    assert b"\r\n" in (DATA / "capitals.aiken").read_bytes()
    assert import_bank_file(DATA / "capitals.aiken").questions == bank.questions


def test_bad_aiken_lists_every_problem_by_line() -> None:
    with pytest.raises(ImportProblems) as caught:
        import_bank_file(DATA / "bad.aiken")
    assert [(p.line, p.message.split(":")[0]) for p in caught.value.problems] == [
        (4, "`ANSWER"),
        (9, "expected an option (`C. text`) or `ANSWER"),
        (14, "a question needs at least two options (`A. …`, `B. …`) before `ANSWER"),
        (18, "option A appears twice in this question"),
        (21, "the choice `bamako` appears twice"),
        (26, "this question has no `ANSWER"),
    ]
    assert "`ANSWER: E` names no option: the options are A, B" in caught.value.problems[0].message


# --- the command line ----------------------------------------------------------


def test_cli_import_writes_a_bank_that_validates_with_warnings_only(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "tricky.yaml"
    assert main(["import", str(DATA / "tricky.gift"), "-o", str(out)]) == 0
    assert "12 questions imported" in capsys.readouterr().out
    check = check_bank(out)
    assert check.loaded is not None and check.errors == []
    assert len(check.problems) == 12
    assert all("no citation" in p.message and not p.is_error for p in check.problems)
    assert main(["validate", str(out)]) == 0
    assert "1 bank, 12 questions: OK" in capsys.readouterr().out


def test_cli_import_of_bad_input_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "bad.yaml"
    assert main(["import", str(DATA / "bad.aiken"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{DATA / 'bad.aiken'}:4:9: `ANSWER: E` names no option" in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_cli_import_does_not_replace_a_bank_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / "capitals.txt"
    shutil.copy(DATA / "capitals.txt", source)
    out = tmp_path / "mine.yaml"
    out.write_text("title: my work\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "title: my work\n"
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert "what-is-the-capital-of-mali" in out.read_text(encoding="utf-8")


def test_cli_import_rejects_unknown_file_types(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "quiz.docx"
    path.write_bytes(b"PK\x03\x04 not a text file")
    assert main(["import", str(path), "-o", str(tmp_path / "out.yaml")]) == 1
    assert "Word documents cannot be imported: quizapp imports GIFT (.gift, .txt)" in capsys.readouterr().err


# --- a file as Moodle exports it, with kinds quizapp cannot ask ----------------------


def test_moodle_export_imports_what_it_can_when_asked_to_skip() -> None:
    path = DATA / "moodle-export.gift"
    with pytest.raises(ImportProblems) as caught:
        import_bank_file(path)
    assert [p.line for p in caught.value.problems] == [24, 28, 34, 38, 46]
    assert caught.value.unsupported == caught.value.problems  # nothing else is wrong with it
    skipped: list = []
    bank = import_bank_file(path, skipped=skipped)
    assert [(p.line, p.is_error) for p in skipped] == [(24, False), (28, False), (34, False), (38, False),
                                                        (46, False)]
    assert skipped[0].message == "skipped: an essay question (empty braces `{}`), `essay`"
    assert [p.message.split(" (")[0] for p in skipped[1:]] == [
        "skipped: a short-answer question", "skipped: a description", "skipped: a matching question",
        "skipped: a multiple-answer question"]
    assert bank.title == "Default for Mali course"
    assert [q.id for q in bank.questions] == ["capital", "soldiers", "tf", "troops"]
    assert choice(bank, "capital") == ("Which city is the capital of Mali?", "Bamako", ["Dakar", "Niamey"])
    assert numeric(bank, "soldiers") == (13, None, None, None)
    assert choice(bank, "tf") == ("Timbuktu was seized in 2012.", "True", ["False"])
    assert numeric(bank, "troops") == (4500, 450, None, None)
    assert bank.question("troops").prompt == "About how many French troops are in West Africa?"


def test_cli_suggests_and_honours_skip_unsupported(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "moodle.yaml"
    assert main(["import", str(DATA / "moodle-export.gift"), "-o", str(out)]) == 1
    assert "add --skip-unsupported" in capsys.readouterr().err
    assert not out.exists()
    assert main(["import", str(DATA / "moodle-export.gift"), "-o", str(out), "--skip-unsupported"]) == 0
    captured = capsys.readouterr()
    assert "4 questions imported" in captured.out and "(5 skipped)" in captured.out
    assert f"{DATA / 'moodle-export.gift'}:28: warning: skipped: a short-answer question" in captured.err
    assert check_bank(out).loaded is not None


def test_cli_import_wants_a_yaml_bank_in_an_existing_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / "capitals.txt"
    shutil.copy(DATA / "capitals.txt", source)
    assert main(["import", str(source), "-o", str(source), "--force"]) == 2
    assert "must end in .yaml" in capsys.readouterr().err
    assert source.read_bytes() == (DATA / "capitals.txt").read_bytes()
    assert main(["import", str(source), "-o", str(tmp_path / "missing" / "bank.yaml")]) == 1
    assert f"the folder `{tmp_path / 'missing'}` does not exist" in capsys.readouterr().err
