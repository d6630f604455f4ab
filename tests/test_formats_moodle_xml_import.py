"""Moodle XML import: hand-written files in the shape Moodle exports, and broken ones by line."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.core.bank import check_bank
from quizapp.core.errors import Problem
from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.formats import ImportProblems

QUIZ = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/Rivers of the Sahel</text></category>
  </question>
  <question type="multichoice">
    <name><text>Niger mouth</text></name>
    <questiontext format="html"><text><![CDATA[<p>Where does the <b>Niger</b> meet the sea?</p>]]></text></questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>In the Gulf of Guinea &amp; its delta.</p>]]></text>
    </generalfeedback>
    <idnumber>niger-mouth</idnumber>
    <single>true</single>
    <answer fraction="0" format="html">
      <text>Mediterranean</text><feedback format="html"><text>No.</text></feedback>
    </answer>
    <answer fraction="100" format="html"><text>&lt;i&gt;Atlantic&lt;/i&gt;</text></answer>
    <answer fraction="-33.33333" format="plain_text"><text>Red &lt;Sea&gt;</text></answer>
    <tags><tag><text>geography</text></tag><tag><text>rivers</text></tag></tags>
  </question>
  <question type="truefalse">
    <name><text>Gao</text></name>
    <questiontext format="moodle_auto_format"><text>Gao lies on the Niger.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="numerical">
    <name><text>length</text></name>
    <questiontext format="plain_text"><text>How long is the Niger, in km?</text></questiontext>
    <answer fraction="100"><text>4180</text><tolerance>20</tolerance></answer>
    <answer fraction="50"><text>4180</text><tolerance>200</tolerance></answer>
    <answer fraction="0"><text>*</text><feedback><text>Too far off.</text></feedback></answer>
    <units><unit><multiplier>1</multiplier><unit_name>km</unit_name></unit></units>
  </question>
  <question type="category">
    <category><text>$course$/top/Rivers of the Sahel/Cities</text></category>
  </question>
  <question type="multichoice">
    <name><text>one right among checkboxes</text></name>
    <questiontext format="html"><text>Which city is the capital?</text></questiontext>
    <single>false</single>
    <answer fraction="100"><text>Bamako</text></answer>
    <answer fraction="-50"><text>Mopti</text></answer>
  </question>
  <question type="multichoice">
    <name><text>two cities</text></name>
    <questiontext format="html"><text>Which two cities are on the Niger?</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>Gao</text></answer>
    <answer fraction="50"><text>Mopti</text></answer>
    <answer fraction="-100"><text>Dakar</text></answer>
  </question>
  <question type="essay">
    <name><text>essay on the river</text></name>
    <questiontext format="html"><text>Describe the inner delta.</text></questiontext>
  </question>
  <question type="matching">
    <name><text>pairs</text></name>
    <questiontext format="html"><text>Match them.</text></questiontext>
  </question>
</quiz>
"""


def line_of(name: str) -> int:
    """The line of QUIZ where the question named `name` starts (its <question> tag is a line above)."""
    return next(n for n, line in enumerate(QUIZ.splitlines(), start=1) if f"<name><text>{name}<" in line) - 1


@pytest.fixture
def xml(import_text):
    """Import Moodle XML text (skipping what quizapp cannot ask when given a list)."""
    return functools.partial(import_text, "questions.xml")


def test_moodle_xml_questions_feedback_tags_and_categories(xml) -> None:
    skipped: list[Problem] = []
    bank = xml(QUIZ, skipped)
    assert bank.title == "Rivers of the Sahel"
    assert [q.id for q in bank.questions] == ["niger-mouth", "Gao", "length", "one right among checkboxes"]
    mouth = bank.question("niger-mouth")
    assert isinstance(mouth, ChoiceQuestion)
    assert mouth.prompt == "Where does the Niger meet the sea?"
    # HTML becomes text: tags dropped, entities decoded; plain_text is kept as typed.
    assert (mouth.answer, mouth.distractors) == ("Atlantic", ["Mediterranean", "Red <Sea>"])
    assert mouth.explanation == "In the Gulf of Guinea & its delta."
    # Two categories: each question is tagged with its own, after its own tags.
    assert mouth.tags == ["geography", "rivers", "Rivers of the Sahel"]
    gao = bank.question("Gao")
    assert (gao.answer, gao.distractors, gao.explanation) == ("True", ["False"], None)
    length = bank.question("length")
    assert isinstance(length, NumericQuestion)
    assert (length.answer, length.tolerance, length.unit) == (4180, 20, "km")  # the 50% answer is left out
    checkbox = bank.question("one right among checkboxes")
    assert (checkbox.answer, checkbox.distractors, checkbox.tags) == ("Bamako", ["Mopti"], ["Cities"])
    assert [(p.line, p.message) for p in skipped] == [
        (line_of("two cities"), "skipped: a multiple-answer question (Gao 50%, Mopti 50%), `two cities`"),
        (line_of("essay on the river"), "skipped: an essay question, `essay on the river`"),
        (line_of("pairs"), "skipped: a matching question, `pairs`")]


def test_other_kinds_stop_the_import_unless_skipped(xml) -> None:
    with pytest.raises(ImportProblems) as caught:
        xml(QUIZ)
    names = ("two cities", "essay on the river", "pairs")
    assert [p.line for p in caught.value.problems] == [line_of(n) for n in names]
    assert caught.value.unsupported == caught.value.problems


@pytest.mark.parametrize("text, line, message", [
    ("<quiz>\n<question type='truefalse'>\n<name><text>a</text></name>\n</quiz>\n", 4, "this is not valid XML"),
    ("<?xml version='1.0'?>\n<!DOCTYPE quiz [<!ENTITY big 'xxxxxxxx'>]>\n<quiz>&big;</quiz>\n", 1,
     "the file has a DOCTYPE"),
    ("<questions/>\n", 1, "a Moodle XML file holds a <quiz>"),
    ("<quiz>\n\n<question type='numerical'><name><text>n</text></name>"
     "<questiontext><text>How many?</text></questiontext>"
     "<answer fraction='100'><text>many</text></answer></question></quiz>", 3, "`many` is not a number answer"),
    ("<quiz>\n<question type='multichoice'><name><text>m</text></name>"
     "<questiontext><text>Which?</text></questiontext>"
     "<answer fraction='0'><text>a</text></answer><answer fraction='0'><text>b</text></answer></question></quiz>",
     2, "question `m`: no right answer"),
])
def test_bad_moodle_xml_is_reported_by_line(xml, text: str, line: int, message: str) -> None:
    with pytest.raises(ImportProblems) as caught:
        xml(text)
    [problem] = caught.value.problems
    assert problem.line == line and message in problem.message, problem


def test_external_entities_are_never_read(xml, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    text = (f"<?xml version='1.0'?>\n<!DOCTYPE quiz [<!ENTITY s SYSTEM '{secret.as_uri()}'>]>\n"
            "<quiz><question type='truefalse'><name><text>t</text></name>"
            "<questiontext><text>&s;</text></questiontext>"
            "<answer fraction='100'><text>true</text></answer><answer fraction='0'><text>false</text></answer>"
            "</question></quiz>\n")
    with pytest.raises(ImportProblems) as caught:
        xml(text)
    assert "do not read me" not in str(caught.value)


def test_cli_imports_moodle_xml(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / "rivers.xml"
    source.write_text(QUIZ, encoding="utf-8")
    out = tmp_path / "rivers.yaml"
    assert main(["import", str(source), "-o", str(out), "--skip-unsupported"]) == 0
    captured = capsys.readouterr()
    assert "4 questions imported" in captured.out and "(3 skipped)" in captured.out
    assert f"{source}:{line_of('essay on the river')}: warning: skipped: an essay question" in captured.err
    check = check_bank(out)
    assert check.loaded is not None and check.errors == []
    assert check.loaded.bank.description == "Imported from rivers.xml (Moodle XML)."


@pytest.mark.parametrize("text, message", [
    ("<quiz>\n<question><name><text>a & b</text></name></question>\n</quiz>\n", "a `&` in the text: write it as &amp;"),
    ("<quiz>\n<question><name><text>a < b</text></name></question>\n</quiz>\n", "a `<` in the text: write it as &lt;"),
    ("<quiz>\n<question>\n", "the file ends before <question> on line 2 is closed"),
])
def test_broken_xml_is_told_in_plain_words(xml, text: str, message: str) -> None:
    with pytest.raises(ImportProblems) as caught:
        xml(text)
    [problem] = caught.value.problems
    assert problem.message == f"this is not valid XML: {message}"
