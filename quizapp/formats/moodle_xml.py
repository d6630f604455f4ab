"""Moodle XML: a `<quiz>` of multichoice and numerical questions in a category named after the bank."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from quizapp.core.atomic import atomic_writer
from quizapp.core.bank import AnyQuestion, LoadedBank
from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.formats.content import format_number, graded_numbers
from quizapp.formats.gift import general_feedback
from quizapp.formats.importing import EXPORT_MARK


def export_moodle_xml(loaded: LoadedBank, out: Path, **options: object) -> list[Path]:
    """Write the bank as Moodle XML (UTF-8)."""
    tree = ET.ElementTree(moodle_quiz(loaded))
    ET.indent(tree, space="  ")
    with atomic_writer(out, "wb") as handle:
        tree.write(handle, encoding="utf-8", xml_declaration=True)
        handle.write(b"\n")
    return [out]


def moodle_quiz(loaded: LoadedBank) -> ET.Element:
    """The `<quiz>` element: a category question, then one question per bank question."""
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(f" {EXPORT_MARK}; each answer's proof is in the general feedback "))
    category = ET.SubElement(quiz, "question", type="category")
    title = " ".join(loaded.bank.title.split()).replace("/", "//")
    _text(ET.SubElement(category, "category"), f"$course$/top/{title}")
    for q in loaded.bank.questions:
        quiz.append(moodle_question(loaded, q))
    return quiz


def moodle_question(loaded: LoadedBank, q: AnyQuestion) -> ET.Element:
    """One `<question>`; texts are HTML (escaped from the bank's plain text)."""
    kind = "multichoice" if isinstance(q, ChoiceQuestion) else "numerical"
    el = ET.Element("question", type=kind)
    _text(ET.SubElement(el, "name"), q.id)
    _html(ET.SubElement(el, "questiontext"), q.prompt)
    _html(ET.SubElement(el, "generalfeedback"), general_feedback(loaded, q))
    ET.SubElement(el, "defaultgrade").text = "1"
    ET.SubElement(el, "penalty").text = "0.3333333"
    ET.SubElement(el, "hidden").text = "0"
    if len(q.id) <= 100:  # Moodle's limit for an ID number; the name keeps the id anyway
        ET.SubElement(el, "idnumber").text = _NOT_XML.sub("", q.id)
    if isinstance(q, ChoiceQuestion):
        ET.SubElement(el, "single").text = "true"
        ET.SubElement(el, "shuffleanswers").text = "true"
        ET.SubElement(el, "answernumbering").text = "abc"
        for i, option in enumerate(q.options):
            answer = ET.SubElement(el, "answer", fraction="100" if i == 0 else "0", format="html")
            _text(answer, html.escape(option, quote=False))
            _html(ET.SubElement(answer, "feedback"), "")
        for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _html(ET.SubElement(el, name), "")
    else:
        _numerical(el, q)
    if q.tags:
        tags = ET.SubElement(el, "tags")
        for tag in q.tags:
            _text(ET.SubElement(tags, "tag"), tag)
    return el


def _numerical(el: ET.Element, q: NumericQuestion) -> None:
    for graded in graded_numbers(q):  # Moodle's tolerance is absolute: the value plus or minus it
        answer = ET.SubElement(el, "answer", fraction=str(graded.percent), format="moodle_auto_format")
        _text(answer, format_number(graded.value))
        _html(ET.SubElement(answer, "feedback"), graded.feedback)
        ET.SubElement(answer, "tolerance").text = format_number(graded.tolerance)
    if q.unit:
        units = ET.SubElement(el, "units")
        unit = ET.SubElement(units, "unit")
        ET.SubElement(unit, "multiplier").text = "1"
        ET.SubElement(unit, "unit_name").text = _NOT_XML.sub("", q.unit)
    # Units are optional and not graded: the number alone is the answer.
    ET.SubElement(el, "unitgradingtype").text = "0"
    ET.SubElement(el, "unitpenalty").text = "0.1000000"
    ET.SubElement(el, "showunits").text = "3"
    ET.SubElement(el, "unitsleft").text = "0"


# Characters XML 1.0 cannot hold at all, even escaped; ElementTree would write them as they are.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = _NOT_XML.sub("", value)


def _html(parent: ET.Element, plain: str) -> None:
    """Plain text as HTML: a `<p>` for each paragraph (parts split by a blank line)."""
    parent.set("format", "html")
    _text(parent, "".join(f"<p>{html.escape(part, quote=False)}</p>"
                          for part in re.split(r"\n\s*\n", plain) if part.strip()))
