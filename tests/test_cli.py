"""The `quizapp` command as a teacher runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.paths import bundled_banks_dir


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quizapp", *args], capture_output=True,
                          text=True, timeout=120)


def test_version() -> None:
    from quizapp import __version__

    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"quizapp {__version__}"


def test_validate_bundled_banks(capsys) -> None:
    assert main(["validate", str(bundled_banks_dir())]) == 0
    out = capsys.readouterr().out.strip()
    assert out.endswith("questions: OK")
    assert out.split()[1].startswith("bank")


def test_validate_reports_problems_and_exits_1(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nquestions:\n  - id: a\n    type: choice\n    prompt: p?\n"
                   "    answer: yes\n    distractor: [no]\n", encoding="utf-8")
    assert main(["validate", str(bad), str(bundled_banks_dir())]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:7:5: `distractor` is not a key of a question: did you mean `distractors`?" in err
    banks = 1 + len(list(bundled_banks_dir().glob("*.yaml")))  # the generated bank sits beside the hand-written one
    assert f"{banks} banks: 1 with errors (1 error)" in err


def test_validate_reports_every_problem_of_a_question_with_a_typo_or_an_unknown_type(tmp_path: Path,
                                                                                      capsys) -> None:
    from tests.test_bank_problems import GOOD, write

    bad = write(tmp_path, GOOD.replace("distractors:", "distractor:").replace("Ana Ruiz.'}", "Ana Rui.'}")
                .replace("type: numeric", "type: numerc").replace("    answer: 42\n", ""))
    assert main(["validate", str(bad)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{bad}:5:5: missing `answer`: add `answer:` with the right answer",
        f"{bad}:6:11: unknown question type `numerc`: use `type: choice` or `type: numeric`",
        f"{bad}:13:5: `distractor` is not a key of a question: did you mean `distractors`?",
        f"{bad}:14:33: the quote is not in the article `article.txt`: copy it exactly from the article; "
        'the closest sentence is ""We need them now," said Mayor Ana Ruiz."',
        "1 bank: 1 with errors (4 errors)"]


def test_validate_missing_path(tmp_path: Path, capsys) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 1
    assert "file not found" in capsys.readouterr().err


def test_schema_is_json() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "quizapp question bank"
    assert "ChoiceQuestion" in schema["$defs"] and "NumericQuestion" in schema["$defs"]


def test_the_commands_told_from_bank_files_are_the_commands_of_the_full_parser() -> None:
    from quizapp.cli import COMMANDS, build_parser

    command = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(command.choices) == COMMANDS


def test_bank_files_given_are_the_banks_the_app_opens_and_commands_stay_commands(tmp_path: Path) -> None:
    from quizapp.cli import _app_only_args

    args, rest = _app_only_args(["week 1.yaml", "--data-dir", str(tmp_path), "sub/week 2.YML"])
    assert (args.banks, args.data_dir, args.command, rest) == (
        [Path("week 1.yaml"), Path("sub/week 2.YML")], tmp_path, None, [])
    assert _app_only_args(["--data-dir", str(tmp_path)])[0].banks == []
    # A command's name is the command, wherever options come; a file of that name is opened as ./history.
    assert _app_only_args(["validate", "week 1.yaml"]) is None
    assert _app_only_args(["--data-dir", str(tmp_path), "history", "export", "-o", "x.csv"]) is None
    assert _app_only_args(["./history"])[0].banks == [Path("history")]
    # An option the app does not take is left to the full parser, which says what it is.
    assert _app_only_args(["week 1.yaml", "--help"])[1] == ["--help"]


def test_a_file_that_is_not_a_bank_is_named_and_the_app_does_not_open_on_nothing(tmp_path: Path, capsys) -> None:
    """`quizapp x` said "argument COMMAND: invalid choice: 'x'"; now each path that cannot be opened is named."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not a bank", encoding="utf-8")
    gone = tmp_path / "gone.yaml"
    assert main([str(gone), str(notes), str(tmp_path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"quizapp: {gone}: no such file",
        f"quizapp: {notes}: not a bank file (.yaml or .yml)",
        f"quizapp: {tmp_path}: a folder, not a bank file (.yaml or .yml)"]
    # A word that is no file may be a command mistyped.
    assert main(["valdiate", str(gone)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "quizapp: valdiate: no such file, nor a command: did you mean validate?", f"quizapp: {gone}: no such file"]
    result = run("zzz")
    assert (result.returncode, result.stderr) == (1, "quizapp: zzz: no such file, nor a command "
                                                     "(quizapp --help lists them)\n")


def test_help_lists_each_command_with_its_help_on_the_same_line(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        main(["--help"])
    lines = capsys.readouterr().out.splitlines()
    entry = next(line for line in lines if line.strip().startswith("desktop-entry"))
    assert "add quizapp to the desktop's application menu" in entry
    assert max(len(line) for line in lines) <= 80


def test_help_says_bank_files_open_the_app(capsys) -> None:
    for argv in (["--help"], ["week 1.yaml", "--help"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 0
        out = " ".join(capsys.readouterr().out.split())
        assert out.startswith("usage: quizapp [-h] [--version] [--data-dir DIR] [BANK.yaml ...] "
                              "quizapp [--data-dir DIR] COMMAND ...")
        assert "the bank files given (BANK.yaml ...) are listed in its library, the first one selected" in out
    with pytest.raises(SystemExit) as exit_:
        main(["week 1.yaml", "--bogus"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.endswith("quizapp: error: unrecognized arguments: --bogus\n")


def test_a_commands_help_shows_its_own_usage(capsys) -> None:
    """`quizapp generate --help` starts with how to run generate, not with the app's two usage lines run into it
    ("usage: quizapp [-h] ... COMMAND ... generate [-h] ...")."""
    for command in ("generate", "export", "history", "desktop-entry"):
        with pytest.raises(SystemExit) as exit_:
            main([command, "--help"])
        assert exit_.value.code == 0
        first = capsys.readouterr().out.splitlines()[0]
        assert first.startswith(f"usage: quizapp [--data-dir DIR] {command} [-h]"), first
