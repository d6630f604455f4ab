"""The question bank model: what a bank file holds, validated with pydantic."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from quizapp.core.article import Span

FORMAT_VERSION = 1

Difficulty = Literal["easy", "medium", "hard"]
NonEmpty = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Source(_Strict):
    """An article that questions cite: a file relative to the bank, with optional metadata."""

    file: NonEmpty = Field(description="Path of the article (.txt, .md, .html), relative to the bank file.")
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: dt.date | str | None = None
    url: str | None = None


class Citation(_Strict):
    """The proof of an answer: one or more quotes that occur in a source."""

    source: str | None = Field(None, description="Key of the source; may be left out when the bank has one source.")
    quote: NonEmpty | list[NonEmpty] = Field(description="Text copied from the article; a list for several passages.")

    # Filled in by the loader: where each quote stands in the article.
    # (No default: a default factory would run for every citation of a big bank.)
    _spans: list[Span] = PrivateAttr()

    @property
    def quotes(self) -> list[str]:
        return [self.quote] if isinstance(self.quote, str) else list(self.quote)

    @property
    def spans(self) -> list[Span]:
        private = self.__pydantic_private__ or {}
        return private.get("_spans", [])

    @field_validator("quote")
    @classmethod
    def _non_empty_list(cls, value: str | list[str]) -> str | list[str]:
        if isinstance(value, list) and not value:
            raise ValueError("give at least one quote")
        return value


class _QuestionBase(_Strict):
    id: NonEmpty = Field(description="Stable id: keep it when you reword the question, so history stays.")
    prompt: NonEmpty
    cite: Citation | None = Field(None, description="The sentence(s) of the article that prove the answer.")
    explanation: str | None = None
    tags: list[NonEmpty] = Field(default_factory=list)
    difficulty: Difficulty | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class ChoiceQuestion(_QuestionBase):
    """One right answer among distractors; the app shuffles them."""

    model_config = ConfigDict(coerce_numbers_to_str=True)

    type: Literal["choice"]
    answer: NonEmpty
    distractors: list[NonEmpty] = Field(min_length=1)

    @property
    def options(self) -> list[str]:
        return [self.answer, *self.distractors]


_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


class NumericQuestion(_QuestionBase):
    """A number answer, right within a tolerance (absolute, relative "5%") or a min..max range."""

    type: Literal["numeric"]
    answer: float | int
    tolerance: float | int | str | None = Field(
        None, description='Absolute (50) or relative ("5%") tolerance around the answer.')
    min: float | int | None = None
    max: float | int | None = None
    unit: str | None = None

    @field_validator("answer", "min", "max", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        if isinstance(value, (bool, str)):
            raise ValueError("must be a number")
        return value

    @field_validator("answer", "min", "max")
    @classmethod
    def _finite(cls, value: float | int | None) -> float | int | None:
        if value is not None and not math.isfinite(value):
            raise ValueError("must be a finite number")
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    @field_validator("tolerance")
    @classmethod
    def _tolerance(cls, value: float | int | str | None) -> float | int | str | None:
        if value is None:
            return None
        if isinstance(value, bool):
            raise ValueError("must be a number or a percentage such as 5%")
        if isinstance(value, str):
            m = _PERCENT.match(value)
            if not m:
                raise ValueError('must be a number (50) or a percentage ("5%")')
            return f"{m.group(1)}%"
        if value < 0:
            raise ValueError("must not be negative")
        return value

    @model_validator(mode="after")
    def _range(self) -> NumericQuestion:
        if self.min is not None and self.answer < self.min:
            raise ValueError(f"the answer {self.answer} is below min {self.min}")
        if self.max is not None and self.answer > self.max:
            raise ValueError(f"the answer {self.answer} is above max {self.max}")
        return self

    @property
    def accepted_range(self) -> tuple[float, float]:
        """The closed range of answers that score full marks."""
        tol = self.absolute_tolerance
        low = self.min if self.min is not None else self.answer - tol
        high = self.max if self.max is not None else self.answer + tol
        return low, high

    @property
    def absolute_tolerance(self) -> float:
        if self.tolerance is None:
            return 0.0
        if isinstance(self.tolerance, str):
            return abs(self.answer) * float(self.tolerance.rstrip("%")) / 100
        return float(self.tolerance)


Question = Annotated[ChoiceQuestion | NumericQuestion, Field(discriminator="type")]
QUESTION_TYPES = ("choice", "numeric")


class Bank(_Strict):
    """A question bank: a title, the articles it cites and its questions."""

    model_config = ConfigDict(
        json_schema_extra={"title": "quizapp question bank"},
    )

    format: Literal[1] = Field(FORMAT_VERSION, description="Version of the bank format.")
    title: NonEmpty
    description: str | None = None
    sources: dict[str, Source] = Field(default_factory=dict)
    questions: list[Question] = Field(default_factory=list)

    @field_validator("sources", mode="before")
    @classmethod
    def _source_keys(cls, value: object) -> object:
        if isinstance(value, dict):
            return {str(k): v for k, v in value.items()}
        return value

    def question(self, question_id: str) -> ChoiceQuestion | NumericQuestion:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)


# How the generator's description of a bank begins ("Generated by quizapp from a.txt; check
# the questions before use."). A teacher who has checked the questions writes their own.
GENERATED_MARK = "Generated by quizapp"


def is_generated(description: str | None) -> bool:
    """Whether a bank's description is still the generator's ("Generated by quizapp from …")."""
    return (description or "").startswith(GENERATED_MARK)


def is_draft(bank: Bank) -> bool:
    """Whether the bank is the generator's, not yet reviewed: its description is still the generator's."""
    return is_generated(bank.description)


def source_key(bank: Bank, citation: Citation) -> str | None:
    """The source a citation refers to (the only source when it names none)."""
    if citation.source is not None:
        return citation.source
    if len(bank.sources) == 1:
        return next(iter(bank.sources))
    return None


KEY_WORDS = 8  # the words of an article's file name that its source key keeps


def key_for_file(file: str | Path) -> str:
    """The key of a new source, from its article's file name: its words, in ASCII, joined by hyphens
    (`article.txt` -> `article`, `Société Générale, 2024.md` -> `societe-generale-2024`)."""
    name = unicodedata.normalize("NFKD", Path(file).stem).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", name)[:KEY_WORDS]) or "article"
