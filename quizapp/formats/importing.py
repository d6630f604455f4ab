"""Turning questions from other tools into a quizapp bank, with problems reported by file:line."""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from quizapp.core.atomic import write_text_atomic
from quizapp.core.bank import LoadedBank, check_bank_text, dump_bank
from quizapp.core.errors import FileProblems, Problem, Severity
from quizapp.core.model import Bank, ChoiceQuestion, NumericQuestion
from quizapp.formats import IMPORT_FORMATS, IMPORT_SUFFIXES, IMPORTABLE
from quizapp.formats.content import format_number

MAX_IMPORT_BYTES = 5 * 1024 * 1024  # some 20,000 questions


class ImportProblems(FileProblems):
    """A file to import has problems; nothing was written.

    `unsupported` lists those that are only questions of a kind quizapp cannot ask:
    importing with `skipped=[...]` leaves those out instead.
    """

    def __init__(self, problems: list[Problem], unsupported: list[Problem] | None = None) -> None:
        super().__init__(problems)
        self.unsupported = unsupported or []


class NotImportable(ImportProblems):
    """A file of a kind quizapp does not import at all (a spreadsheet, an Anki package): not a file to fix."""


# Files people try to import, by what they are called; any other suffix goes by the suffix itself.
OTHER_KINDS = {".csv": "CSV files", ".tsv": "tab-separated files", ".apkg": "Anki packages (.apkg)",
               ".colpkg": "Anki collections (.colpkg)", ".xlsx": "spreadsheets", ".ods": "spreadsheets",
               ".docx": "Word documents", ".odt": "text documents", ".pdf": "PDF files"}


def not_importable(path: Path, why: str) -> NotImportable:
    """The refusal of a file (`why`: "CSV files cannot be imported"), naming the formats that can be."""
    return NotImportable([Problem(path, None, None, f"{why}: quizapp imports {IMPORTABLE} files")])


@dataclass
class TextLines:
    """A text file split into lines (any line ending), for parsers that report line numbers."""

    path: Path
    lines: list[str]

    @classmethod
    def read(cls, path: str | Path) -> TextLines:
        """Read a file to import; a missing, huge, binary or non-UTF-8 file is an ImportProblems."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_IMPORT_BYTES:
                raise ImportProblems([Problem(path, None, None, f"the file is too big to import "
                                              f"({size // 1_000_000} MB)")])
            data = path.read_bytes()
        except OSError as exc:
            raise ImportProblems([Problem(path, None, None, f"cannot read the file: "
                                          f"{exc.strerror or exc}")]) from exc
        return cls.from_bytes(path, data)

    @classmethod
    def from_bytes(cls, path: Path, data: bytes) -> TextLines:
        """Decode UTF-8 (with or without BOM) and split at any line ending."""
        if b"\x00" in data[:8192]:
            raise not_importable(path, "this is not a text file, so it cannot be imported")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise ImportProblems([Problem(path, line, column, "the file is not UTF-8 text: "
                                          "save it as UTF-8 and import it again")]) from exc
        return cls(path, text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


class ParseErrors:
    """Problems collected while parsing, raised together at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, line: int | None, column: int | None, message: str) -> None:
        """Note a problem at a line (and column, when known)."""
        self.problems.append(Problem(self.path, line, column, message))

    def raise_if_any(self) -> None:
        """Raise ImportProblems with every problem noted, in line order."""
        if self.problems:
            raise ImportProblems(in_line_order(self.problems))


def in_line_order(problems: list[Problem]) -> list[Problem]:
    """Problems sorted by where they are in their file."""
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


class NotAskable(Exception):
    """A well-formed question of a kind quizapp has no model for; the message names the kind."""


class BadQuestion(Exception):
    """A mistake in a question (no right answer, ...); the message says what to do."""


@dataclass
class ImportedQuestion:
    """A question read from another format, before it becomes a bank question."""

    kind: Literal["choice", "numeric"]
    id: str | None
    prompt: str
    line: int
    answer: str | float | int = ""
    distractors: list[str] = field(default_factory=list)
    tolerance: float | int | None = None
    minimum: float | int | None = None
    maximum: float | int | None = None
    unit: str | None = None
    explanation: str | None = None
    tags: list[str] = field(default_factory=list)
    category: str | None = None  # the last part of the category the file puts it in

    def problem(self) -> str | None:
        """What makes this question unusable (two equal choices), or None."""
        if self.kind == "choice":
            seen = {_fold(str(self.answer))}
            for d in self.distractors:
                if _fold(d) in seen:
                    return f"the choice `{d}` appears twice: every choice must differ"
                seen.add(_fold(d))
        return None


@dataclass
class ParsedFile:
    """What a parser found: the questions it can import, the ones it cannot, and mistakes."""

    questions: list[ImportedQuestion]
    title: str | None = None  # from the file's first category
    errors: list[Problem] = field(default_factory=list)
    not_askable: list[Problem] = field(default_factory=list)  # message: the kind and name of the question


def not_askable_problem(path: Path, line: int, kind: str, name: str | None) -> Problem:
    """A question quizapp cannot ask, named by its kind, name and line (the message is completed on use)."""
    label = " ".join((name or "").split())
    if len(label) > 50:
        label = label[:49].rstrip() + "…"
    return Problem(path, line, None, f"{kind}, `{label}`" if label else kind)


ASKS = "quizapp imports multiple choice (one right answer), true/false and numerical questions"


# --- the answers of a question ---------------------------------------------------


@dataclass
class Choice:
    """An answer of a multiple choice question and its grade: 1 right, 0 wrong, between: partly right."""

    text: str
    fraction: float


def one_right_answer(choices: list[Choice], *, single: bool) -> tuple[str, list[str]]:
    """The right answer and the wrong ones; NotAskable or BadQuestion when there is no such split.

    `single` is False for a question whose author let students tick several answers; one
    fully right answer among wrong ones still makes a quizapp question.
    """
    right = [c.text for c in choices if c.fraction >= 0.9999]
    partly = [c for c in choices if 0 < c.fraction < 0.9999]
    wrong = [c.text for c in choices if c.fraction <= 0]
    if not single and (partly or len(right) > 1):
        weights = ", ".join(f"{c.text} {_percent(c.fraction)}" for c in choices if c.fraction > 0)
        raise NotAskable(f"a multiple-answer question ({weights})")
    if partly:
        raise NotAskable(f"a multiple choice question with a partly right answer "
                         f"({partly[0].text} {_percent(partly[0].fraction)})")
    if len(right) > 1:
        raise NotAskable(f"a multiple choice question with {len(right)} right answers")
    if not right:
        raise BadQuestion("no right answer: mark it with `=` (or give it 100%)")
    if not wrong:
        raise BadQuestion("no wrong answer: add at least one")
    return right[0], wrong


def _percent(fraction: float) -> str:
    return f"{format_number(round(fraction * 100, 5))}%"


def numeric_answer(accepted: list[tuple[float, float, float | None, float]]) -> dict[str, object]:
    """Answer, tolerance, min and max from the fully right answers: (low, high, exact value or None, tolerance)."""
    if not accepted:
        raise BadQuestion("no fully right answer (100%) in this numerical question")
    low, high, value, tolerance = accepted[0]
    if len(accepted) == 1:
        if value is None:
            return {"answer": number((low + high) / 2), "minimum": number(low), "maximum": number(high)}
        return {"answer": number(value), "tolerance": number(tolerance) if tolerance else None}
    answer = value if value is not None else (low + high) / 2
    lows = min(a[0] for a in accepted)
    highs = max(a[1] for a in accepted)
    if math.isclose(highs - answer, answer - lows, rel_tol=1e-9, abs_tol=1e-12):
        tolerance = highs - answer
        return {"answer": number(answer), "tolerance": number(tolerance) if tolerance else None}
    return {"answer": number(answer), "minimum": number(lows), "maximum": number(highs)}


def number(value: float) -> float | int:
    """A number as the bank keeps it: an int when whole; sums and halves lose their float noise."""
    value = float(format_number(value))
    return int(value) if value.is_integer() else value


# --- text -------------------------------------------------------------------------

_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|&\w+;|&#\d+;|&#x[0-9a-fA-F]+;")
_BREAK = re.compile(r"<br\s*/?>|</?(?:p|div|li|ul|ol|h[1-6]|tr|table|blockquote|pre)\b[^>]*>", re.I)


def paragraphs(text: str, *, markup: bool) -> list[str]:
    """Text as a person reads it, by paragraph: HTML tags dropped, entities decoded, spaces folded.

    With `markup` (HTML or Moodle's auto format), text that holds tags or entities is read as
    HTML; plain text is kept as it is. Nothing is ever rendered.
    """
    if markup and _MARKUP.search(text):
        text = html.unescape(re.sub(r"<[^>]*>", "", _BREAK.sub("\n\n", text)))
    return [folded for part in re.split(r"\n\s*\n", text) if (folded := _spaces(part))]


def plain(text: str, *, markup: bool) -> str:
    """Text as one line a person reads (see `paragraphs`)."""
    return " ".join(paragraphs(text, markup=markup))


def _spaces(text: str) -> str:
    return " ".join(text.split())


# quizapp's exports say so at the top, and put the cited proof in the general feedback as its
# last paragraph; reading such a file again, the proof is not part of the explanation.
EXPORT_MARK = "Exported by quizapp"


def explanation_from(feedback: list[str], *, quizapp_export: bool) -> str | None:
    """The explanation in a general feedback's paragraphs (a quizapp export's proof left out)."""
    if quizapp_export and feedback and feedback[-1].startswith("Source"):
        feedback = feedback[:-1]
    return " ".join(feedback) or None


def category_name(path: str) -> str | None:
    """The last part of a Moodle category path (`$course$/top/Mali//Sahel` -> `Mali/Sahel`)."""
    parts = [p.replace("\x00", "/").strip() for p in path.replace("//", "\x00").split("/")]
    parts = [p for p in parts if p]
    return parts[-1] if parts else None


# --- a file to a bank -----------------------------------------------------------------


def detect_format(path: Path, lines: TextLines) -> str:
    """`gift`, `aiken` or `moodle-xml`, from the suffix or, for .txt, from the text."""
    fmt = IMPORT_SUFFIXES.get(path.suffix.lower())
    if fmt:
        return fmt
    check_importable(path)
    aiken = any(re.match(r"^\s*ANSWER\s*:\s*[A-Za-z]\s*$", line) for line in lines.lines)
    gift = any(re.search(r"(?<!\\)\{", line) for line in lines.lines if not line.lstrip().startswith("//"))
    return "aiken" if aiken and not gift else "gift"


def check_importable(path: Path) -> None:
    """Raise NotImportable for a file whose suffix is none of the import formats' (before it is read: an Anki
    package is "not a text file" to the reader, which does not say that no Anki package can be imported)."""
    suffix = path.suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise not_importable(path, f"{OTHER_KINDS.get(suffix, f'`{suffix or path.name}` files')} cannot be imported")


def import_bank_file(path: str | Path, fmt: str | None = None, *, skipped: list[Problem] | None = None) -> Bank:
    """Read a GIFT, Aiken or Moodle XML file as a bank (no sources, no citations); raise ImportProblems.

    Pass a list as `skipped` to leave out questions of kinds quizapp cannot ask (an essay,
    a matching question, ...) rather than refuse the file; each is noted in the list.
    """
    path = Path(path)
    if fmt is None:
        check_importable(path)
    lines = TextLines.read(path)
    fmt = fmt or detect_format(path, lines)
    parsed = parse_file(lines, fmt)
    parsed.errors += [Problem(path, q.line, None, problem) for q in parsed.questions if (problem := q.problem())]
    not_askable = [replace(p, message=f"{p.message}: {ASKS}") for p in parsed.not_askable]
    if parsed.errors or (not_askable and skipped is None and parsed.questions):
        mistakes = parsed.errors + ([] if skipped is not None else not_askable)
        raise ImportProblems(in_line_order(mistakes), not_askable if skipped is None else [])
    if not parsed.questions:
        if not_askable:  # say what is there, rather than "no questions"
            raise ImportProblems([*not_askable, Problem(path, None, None, "nothing to import: quizapp cannot "
                                                        "ask any of the questions in this file")])
        raise ImportProblems([Problem(path, None, None, f"no questions found: is this a "
                                      f"{IMPORT_FORMATS[fmt]} file?")])
    if skipped is not None:
        skipped.extend(replace(p, message=f"skipped: {p.message}", severity=Severity.WARNING)
                       for p in parsed.not_askable)
    return build_bank(path, parsed.questions, title=parsed.title or title_from_name(path),
                      description=f"Imported from {path.name} ({IMPORT_FORMATS[fmt]}).")


def parse_file(lines: TextLines, fmt: str) -> ParsedFile:
    """Parse the text of a file in an import format."""
    if fmt == "gift":
        from quizapp.formats.gift_import import parse_gift

        return parse_gift(lines)
    if fmt == "aiken":
        from quizapp.formats.aiken import parse_aiken

        return parse_aiken(lines)
    if fmt == "moodle-xml":
        from quizapp.formats.moodle_xml_import import parse_moodle_xml

        return parse_moodle_xml(lines)
    raise ValueError(f"unknown import format {fmt!r}")


def save_imported_bank(bank: Bank, out: str | Path) -> LoadedBank:
    """Check an imported bank as its file will read, then write it atomically; return it loaded.

    Raises ImportProblems (and writes nothing) if the written file would not load.
    """
    out = Path(out)
    text = dump_bank(bank)
    check = check_bank_text(text, out)
    if check.loaded is None:
        raise ImportProblems(check.errors)
    write_text_atomic(out, text)
    return check.loaded


def build_bank(path: Path, imported: list[ImportedQuestion], *, title: str, description: str) -> Bank:
    """A bank of the imported questions; a question the model refuses is a problem at its line.

    When the file puts its questions in several categories, each question is tagged with its own.
    """
    errors = ParseErrors(path)
    taken: set[str] = set()
    several_categories = len({item.category for item in imported}) > 1
    questions: list[ChoiceQuestion | NumericQuestion] = []
    for item in imported:
        qid = unique_id(item.id or slug(item.prompt), taken)
        problem = item.problem()
        if problem:
            errors.add(item.line, None, problem)
            continue
        tags = list(item.tags)
        if several_categories and item.category and item.category not in tags:
            tags.append(item.category)
        common = {"id": qid, "prompt": item.prompt, "explanation": item.explanation, "tags": tags}
        try:
            if item.kind == "choice":
                questions.append(ChoiceQuestion(type="choice", answer=str(item.answer),
                                                distractors=item.distractors, **common))
            else:
                questions.append(NumericQuestion(type="numeric", answer=item.answer, tolerance=item.tolerance,
                                                 min=item.minimum, max=item.maximum, unit=item.unit, **common))
        except ValidationError as exc:
            first = exc.errors()[0]
            errors.add(item.line, None, f"cannot import this question: {first['msg']}")
    errors.raise_if_any()
    return Bank(title=title, description=description, sources={}, questions=questions)


def slug(text: str, max_words: int = 6) -> str:
    """A short id from text: `Which capital did ...?` -> `which-capital-did-...`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "question"


def unique_id(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... when it is taken; the result is added to `taken`."""
    qid, n = wanted, 2
    while qid in taken:
        qid, n = f"{wanted}-{n}", n + 1
    taken.add(qid)
    return qid


def title_from_name(path: Path) -> str:
    """A bank title from a file name: `week-3_quiz.gift` -> `Week 3 quiz`."""
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return (words[:1].upper() + words[1:]) if words else "Imported questions"


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()
