"""Reading Moodle XML, the format Moodle exports question banks in by default.

quizapp reads multichoice, truefalse and numerical questions, their general feedback (as the
explanation), their tags, and the categories they are in. The XML is parsed without DTDs,
entities or network access: a file can only ever be text and elements.
"""

from __future__ import annotations

import re

from lxml import etree

from quizapp.core.errors import Problem
from quizapp.formats.importing import (
    EXPORT_MARK,
    BadQuestion,
    Choice,
    ImportedQuestion,
    ImportProblems,
    NotAskable,
    ParsedFile,
    TextLines,
    category_name,
    explanation_from,
    not_askable_problem,
    numeric_answer,
    one_right_answer,
    paragraphs,
    plain,
)

_KINDS = {
    "shortanswer": "a short-answer question",
    "essay": "an essay question",
    "matching": "a matching question",
    "description": "a description (text with no answers)",
    "cloze": "an embedded answers (Cloze) question",
    "multianswer": "an embedded answers (Cloze) question",
    "calculated": "a calculated question",
    "calculatedsimple": "a calculated question",
    "calculatedmulti": "a calculated question",
    "ddwtos": "a drag and drop question",
    "ddimageortext": "a drag and drop question",
    "ddmarker": "a drag and drop question",
    "gapselect": "a select missing words question",
    "ordering": "an ordering question",
    "randomsamatch": "a random short-answer matching question",
}


def parse_moodle_xml(lines: TextLines) -> ParsedFile:
    """Every question of a Moodle XML file: those quizapp can ask, those it cannot, and mistakes."""
    path = lines.path
    text = "\n".join(lines.lines)
    root = _parse(lines, text)
    if root.tag != "quiz":
        raise ImportProblems([Problem(path, root.sourceline, None, f"the file's root element is "
                                      f"<{root.tag}>: a Moodle XML file holds a <quiz>")])
    quizapp_export = any(isinstance(node, etree._Comment) and EXPORT_MARK in (node.text or "")
                         for node in root.iterchildren())
    parsed = ParsedFile(questions=[])
    category: str | None = None
    for el in root.iterchildren("question"):
        kind = el.get("type", "")
        if kind == "category":
            category = category_name(_text(el, "category"))
            parsed.title = parsed.title or category
            continue
        name = plain(_text(el, "name"), markup=False)
        try:
            question = _question(el, kind, quizapp_export=quizapp_export)
        except NotAskable as skip:
            parsed.not_askable.append(not_askable_problem(path, el.sourceline, str(skip), name))
            continue
        except BadQuestion as bad:
            parsed.errors.append(Problem(path, el.sourceline, None, f"question `{name}`: {bad}"))
            continue
        question.category = category
        parsed.questions.append(question)
    return parsed


# The XML parser's words for a mistake, and the same in plain words: a teacher who wrote "a < b" in a question
# is told of the `<`, not of "StartTag: invalid element name".
_XML_ERRORS = (
    (r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)",
     r"<\1> on line \2 is not closed where </\3> comes: add </\1> before it"),
    (r"Premature end of data in tag (\S+) line (\d+)", r"the file ends before <\1> on line \2 is closed"),
    (r"xmlParseEntityRef: no name", "a `&` in the text: write it as &amp;"),
    (r"StartTag: invalid element name", "a `<` in the text: write it as &lt;"),
    (r"Entity '(\S+)' not defined", r"&\1; is not known to XML: write the character itself"),
    (r"Extra content at the end of the document", "there is more after the end of the file's outer element"),
    (r"Document is empty|Start tag expected", "there is no XML in this file"),
    (r"AttValue: .* expected|Specification mandates value for attribute|error parsing attribute name"
     r"|attributes construct error", "an attribute of a tag is broken: write it as name=\"value\""),
)


def plain_xml_error(message: str) -> str:
    """The XML parser's message (without its ", line 7, column 8") in plain words, where it is a known one."""
    message = message.split(", line ")[0]
    for pattern, words in _XML_ERRORS:
        found = re.match(pattern, message)
        if found:
            return found.expand(words)
    return message or "not well-formed"


def _parse(lines: TextLines, text: str) -> etree._Element:
    """The root element; a syntax error, or a DTD, is an ImportProblems at its line."""
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
                             remove_pis=True)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        raise ImportProblems([Problem(lines.path, line, (column or 0) + 1 if line else None,
                                      f"this is not valid XML: {plain_xml_error(exc.msg or '')}")]) from exc
    if root.getroottree().docinfo.internalDTD is not None or root.getroottree().docinfo.doctype:
        raise ImportProblems([Problem(lines.path, 1, None, "the file has a DOCTYPE: Moodle XML has none, "
                                      "and quizapp does not read DTDs or entities")])
    return root


def _question(el: etree._Element, kind: str, *, quizapp_export: bool) -> ImportedQuestion:
    if kind not in ("multichoice", "truefalse", "numerical"):
        raise NotAskable(_KINDS.get(kind, f"a question of type `{kind}`"))
    prompt = _html_text(el.find("questiontext"))
    if not prompt:
        raise BadQuestion("the question has no text (<questiontext>)")
    feedback = el.find("generalfeedback")
    tags = [t for t in (plain(_text(tag, "text"), markup=False) for tag in el.iterfind("tags/tag")) if t]
    qid = (el.findtext("idnumber") or "").strip() or " ".join(_text(el, "name").split()) or None
    question = ImportedQuestion(
        kind="choice", id=qid, prompt=prompt, line=el.sourceline or 0, tags=tags,
        explanation=explanation_from(_html_paragraphs(feedback), quizapp_export=quizapp_export))
    answers = el.findall("answer")
    if kind == "numerical":
        question.kind = "numeric"
        for key, value in _numerical(answers).items():
            setattr(question, key, value)
        units = [u for u in el.iterfind("units/unit") if (u.findtext("unit_name") or "").strip()]
        if len(units) == 1 and _float(units[0].findtext("multiplier") or "1") == 1:
            question.unit = (units[0].findtext("unit_name") or "").strip()
        return question
    choices = [Choice(_html_text(a), _fraction(a)) for a in answers]
    if kind == "truefalse":
        choices = [Choice(c.text.capitalize(), c.fraction) for c in choices]
    if any(not c.text for c in choices):
        raise BadQuestion("an answer has no text")
    single = (el.findtext("single") or "true").strip().lower() in ("true", "1")
    question.answer, question.distractors = one_right_answer(choices, single=single)
    return question


def _numerical(answers: list[etree._Element]) -> dict[str, object]:
    accepted: list[tuple[float, float, float | None, float]] = []
    for a in answers:
        value = _text(a, "text").strip()
        if value == "*" or _fraction(a) < 0.9999:
            continue  # feedback for any other answer, or a partly right number
        number = _float(value)
        if number is None:
            raise BadQuestion(f"`{value}` is not a number answer")
        tolerance = _float((a.findtext("tolerance") or "0").strip() or "0")
        if tolerance is None:
            raise BadQuestion(f"the tolerance `{a.findtext('tolerance')}` is not a number")
        accepted.append((number - abs(tolerance), number + abs(tolerance), number, abs(tolerance)))
    return numeric_answer(accepted)


def _fraction(answer: etree._Element) -> float:
    value = _float(answer.get("fraction", "0"))
    if value is None:
        raise BadQuestion(f"the fraction `{answer.get('fraction')}` of an answer is not a number")
    return value / 100


def _float(text: str) -> float | None:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _text(el: etree._Element, child: str) -> str:
    """The text of `child/text` (or of `child` itself when it has no <text>)."""
    node = el.find(child)
    if node is None:
        return ""
    inner = node.find("text")
    return "".join((inner if inner is not None else node).itertext())


def _html_paragraphs(el: etree._Element | None) -> list[str]:
    """The paragraphs of a text element as a person reads them, by its `format` attribute."""
    if el is None:
        return []
    inner = el.find("text")
    raw = "".join(inner.itertext()) if inner is not None else ""
    return paragraphs(raw, markup=el.get("format", "html") != "plain_text")


def _html_text(el: etree._Element | None) -> str:
    return " ".join(_html_paragraphs(el))
