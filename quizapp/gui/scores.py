"""Last and best score per bank, kept in a small JSON file in the data folder.

A stand-in until the history store (SQLite) exists; it never raises for a
damaged file: the scores are then simply forgotten.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from quizapp.core.atomic import write_text_atomic
from quizapp.core.percent import round_percent

FILE_NAME = "scores.json"


@dataclass(frozen=True)
class BankScores:
    last: float | None = None  # percentage
    best: float | None = None
    when: str | None = None


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
        when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        last, best = round_percent(percentage), round_percent(best)
        data[self._key(bank_path)] = {"last": last, "best": best, "when": when}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self.path, json.dumps(data, indent=1, sort_keys=True))
        return BankScores(last, best, when)
