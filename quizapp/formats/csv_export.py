"""A spreadsheet of the bank: one row per question, UTF-8 with a BOM so Excel reads it right."""

from __future__ import annotations

import csv
from pathlib import Path

from quizapp.core.atomic import atomic_writer
from quizapp.core.bank import AnyQuestion, LoadedBank
from quizapp.core.model import ChoiceQuestion
from quizapp.formats.content import citation_text, format_number, source_label, tolerance_text

COLUMNS = ("id", "type", "prompt", "answer", "distractors", "tolerance", "min", "max", "unit",
           "citation", "source", "explanation", "difficulty", "tags")
DISTRACTOR_SEPARATOR = " | "


def export_csv(loaded: LoadedBank, out: Path, **options: object) -> list[Path]:
    """Write one row per question; distractors are joined with ` | `."""
    # utf-8-sig writes the BOM by which Excel recognises UTF-8; "" lets csv write \r\n itself.
    with atomic_writer(out, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for q in loaded.bank.questions:
            writer.writerow([_cell(v) for v in csv_row(loaded, q)])
    return [out]


def csv_row(loaded: LoadedBank, q: AnyQuestion) -> list[str]:
    """The cells of one question, in the order of COLUMNS."""
    if isinstance(q, ChoiceQuestion):
        answer, distractors, tolerance, low, high, unit = (
            q.answer, DISTRACTOR_SEPARATOR.join(q.distractors), "", "", "", "")
    else:
        answer, distractors, tolerance, unit = format_number(q.answer), "", tolerance_text(q), q.unit or ""
        low = format_number(q.min) if q.min is not None else ""
        high = format_number(q.max) if q.max is not None else ""
    return [q.id, q.type, q.prompt, answer, distractors, tolerance, low, high, unit,
            citation_text(loaded, q), source_label(loaded, q), q.explanation or "",
            q.difficulty or "", ", ".join(q.tags)]


def _cell(value: str) -> str:
    # A spreadsheet runs a cell that starts with = + @ (or - before a letter) as a formula:
    # a leading apostrophe keeps text from an article or an import from doing that.
    if value[:1] in ("=", "+", "@", "\t", "\r") or (value[:1] == "-" and not value[1:2].isdigit()
                                                    and value[1:2] != "."):
        return "'" + value
    return value
