"""Turning questions from other tools into a quizapp bank, with problems reported by file:line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from quizapp.core.atomic import write_text_atomic
from quizapp.core.bank import LoadedBank, check_bank_text, dump_bank
from quizapp.core.errors import FileProblems, Problem
from quizapp.core.model import Bank, ChoiceQuestion, NumericQuestion
from quizapp.formats import IMPORT_FORMATS, IMPORT_SUFFIXES

MAX_IMPORT_BYTES = 5 * 1024 * 1024  # some 20,000 questions


class ImportProblems(FileProblems):
    """A file to import has problems; nothing was written.

    `unsupported` lists those that are only questions of a kind quizapp cannot ask:
    importing with `skipped=[...]` leaves those out instead.
    """

    def __init__(self, problems: list[Problem], unsupported: list[Problem] | None = None) -> None:
        super().__init__(problems)
        self.unsupported = unsupported or []


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
            raise ImportProblems([Problem(path, None, None, "this is not a text file")])
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
        self.unsupported: list[Problem] = []

    def add(self, line: int | None, column: int | None, message: str, *, unsupported: bool = False) -> None:
        """Note a problem; `unsupported` marks a question of a kind quizapp cannot ask."""
        self.problems.append(Problem(self.path, line, column, message))
        if unsupported:
            self.unsupported.append(self.problems[-1])

    def raise_if_any(self) -> None:
        """Raise ImportProblems with every problem noted, in line order."""
        if self.problems:
            raise ImportProblems(sorted(self.problems, key=lambda p: (p.line or 0, p.column or 0)),
                                 self.unsupported)


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
    explanation: str | None = None

    def problem(self) -> str | None:
        """What makes this question unusable (two equal choices), or None."""
        if self.kind == "choice":
            seen = {_fold(str(self.answer))}
            for d in self.distractors:
                if _fold(d) in seen:
                    return f"the choice `{d}` appears twice: every choice must differ"
                seen.add(_fold(d))
        return None


def detect_format(path: Path, lines: TextLines) -> str:
    """`gift` or `aiken`, from the suffix or, for .txt, from the text."""
    fmt = IMPORT_SUFFIXES.get(path.suffix.lower())
    if fmt:
        return fmt
    if path.suffix.lower() not in IMPORT_SUFFIXES:
        raise ImportProblems([Problem(path, None, None, f"cannot import `{path.suffix or path.name}` "
                                      "files: quizapp imports GIFT (.gift, .txt) and Aiken (.txt)")])
    aiken = any(re.match(r"^\s*ANSWER\s*:\s*[A-Za-z]\s*$", line) for line in lines.lines)
    gift = any(re.search(r"(?<!\\)\{", line) for line in lines.lines if not line.lstrip().startswith("//"))
    return "aiken" if aiken and not gift else "gift"


def import_bank_file(path: str | Path, fmt: str | None = None, *, skipped: list[Problem] | None = None) -> Bank:
    """Read a GIFT or Aiken file as a bank (no sources, no citations); raise ImportProblems.

    Pass a list as `skipped` to leave out questions of kinds quizapp cannot ask (an essay,
    a matching question, ...) rather than refuse the file; each is noted in the list.
    """
    path = Path(path)
    lines = TextLines.read(path)
    fmt = fmt or detect_format(path, lines)
    title = None
    if fmt == "gift":
        from quizapp.formats.gift import parse_gift

        parsed = parse_gift(lines, skipped)
        questions, title = parsed.questions, parsed.category
    elif fmt == "aiken":
        from quizapp.formats.aiken import parse_aiken

        questions = parse_aiken(lines)
    else:
        raise ValueError(f"unknown import format {fmt!r}")
    if not questions:
        raise ImportProblems([Problem(path, None, None, f"no questions found: is this a "
                                      f"{IMPORT_FORMATS[fmt]} file?")])
    return build_bank(path, questions, title=title or title_from_name(path),
                      description=f"Imported from {path.name} ({IMPORT_FORMATS[fmt]}).")


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
    """A bank of the imported questions; a question the model refuses is a problem at its line."""
    errors = ParseErrors(path)
    taken: set[str] = set()
    questions: list[ChoiceQuestion | NumericQuestion] = []
    for item in imported:
        qid = unique_id(item.id or slug(item.prompt), taken)
        problem = item.problem()
        if problem:
            errors.add(item.line, None, problem)
            continue
        try:
            if item.kind == "choice":
                questions.append(ChoiceQuestion(type="choice", id=qid, prompt=item.prompt,
                                                answer=str(item.answer), distractors=item.distractors,
                                                explanation=item.explanation))
            else:
                questions.append(NumericQuestion(type="numeric", id=qid, prompt=item.prompt,
                                                 answer=item.answer, tolerance=item.tolerance,
                                                 min=item.minimum, max=item.maximum,
                                                 explanation=item.explanation))
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
