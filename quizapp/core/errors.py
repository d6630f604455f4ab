"""Errors a user can cause, each carrying the file, line and a message for a person."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem of a file: where it is and what to do about it."""

    path: Path
    line: int | None
    column: int | None
    message: str
    severity: Severity = Severity.ERROR
    # Where in the bank's structure, e.g. ("questions", 3, "answer"); empty when unknown.
    loc: tuple[str | int, ...] = field(default=(), compare=False)
    # The message in the words of the editor's form ("Write the question's prompt"), when
    # they differ from the file's ("missing `prompt`: add `prompt:` ...").
    form_message: str = field(default="", compare=False)

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{where}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def for_form(self) -> str:
        """The message as the editor's form shows it, beside the field."""
        return self.form_message or self.message


class QuizappError(Exception):
    """Base of the errors the user can cause; the message is meant for a person."""


class FileProblems(QuizappError):
    """A file has one or more problems; all of them are in `problems`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def path(self) -> Path:
        return self.problems[0].path


class ArticleError(FileProblems):
    """An article could not be read (empty, binary, not UTF-8, ...)."""

    def __init__(self, path: Path, message: str, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__([Problem(Path(path), line, column, message)])


class BankError(FileProblems):
    """A question bank has errors; `problems` lists every one of them."""
