"""Last and best score per bank, kept in a small JSON file in the data folder.

A stand-in until the history store (SQLite) exists; it never raises for a
damaged file: the scores are then simply forgotten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from quizapp.core.atomic import write_text_atomic
from quizapp.core.percent import format_percent, round_percent

FILE_NAME = "scores.json"


@dataclass(frozen=True)
class PartScore:
    """A quiz on part of a bank: a retry of mistakes, or a few questions of it."""

    retry: bool
    points: float
    asked: int
    of: int | None = None  # the bank's questions, when known
    count: int = 1  # the quizzes on part of the bank since the last on all of it (or ever), this one included

    @property
    def percentage(self) -> float:
        return round_percent(100.0 * self.points / self.asked) if self.asked else 0.0

    def describe(self) -> str:
        """ "a retry of 8 mistakes: 8 / 8 points (100%)", "a quiz on 5 of 18 questions: 4 / 5 points (80%)"."""
        s = "s" if self.asked != 1 else ""
        what = f"a retry of {self.asked} mistake{s}" if self.retry else \
            f"a quiz on {self.asked}{f' of {self.of}' if self.of else ''} question{s}"
        return f"{what}: {self.points:g} / {self.asked} points ({format_percent(self.percentage)})"


@dataclass(frozen=True)
class BankScores:
    """Last and best score of quizzes on the whole bank (percentages), and a quiz on part of it taken since."""

    last: float | None = None
    best: float | None = None
    when: str | None = None
    part: PartScore | None = None


class ScoreBook:
    """Read and record the last and best percentage for each bank file."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME

    def _read(self) -> dict[str, dict[str, object]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    @staticmethod
    def _key(bank_path: Path) -> str:
        return str(Path(bank_path).resolve())

    def get(self, bank_path: Path) -> BankScores:
        """The scores of one bank (all None when it was never taken)."""
        entry = self._read().get(self._key(bank_path))
        if not isinstance(entry, dict):
            return BankScores()
        last, best = entry.get("last"), entry.get("best")
        return BankScores(float(last) if isinstance(last, int | float) else None,
                          float(best) if isinstance(best, int | float) else None,
                          str(entry.get("when")) if entry.get("when") else None)

    def record(self, bank_path: Path, percentage: float) -> BankScores:
        """Record a finished quiz's percentage; return the bank's updated scores."""
        data = self._read()
        old = self.get(bank_path)
        best = percentage if old.best is None else max(old.best, percentage)
        import datetime as dt  # (not at start-up)

        when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        last, best = round_percent(percentage), round_percent(best)
        data[self._key(bank_path)] = {"last": last, "best": best, "when": when}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self.path, json.dumps(data, indent=1, sort_keys=True))
        return BankScores(last, best, when)
