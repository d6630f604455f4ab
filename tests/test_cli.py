"""The `quizapp` command as a teacher runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
