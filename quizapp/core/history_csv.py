"""A student's history as CSV, one row per answer, for a teacher's spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path

from quizapp.core.atomic import write_text_atomic
from quizapp.core.bank import AnyQuestion, LoadedBank, check_bank
from quizapp.core.history import BUNDLED_PREFIX, HistoryStore, bank_key
from quizapp.core.model import ChoiceQuestion
from quizapp.paths import bundled_banks_dir

CSV_HEADER = ("answered at", "session", "kind", "bank", "question id", "question", "answer given",
              "right answer", "result", "points", "seconds", "rating")
RATINGS = {1: "again", 2: "hard", 3: "good", 4: "easy"}


def known_banks(store: HistoryStore, extra: Iterable[Path] = ()) -> list[LoadedBank]:
    """The banks the history names that still load, plus `extra` ones (for prompts and answers)."""
    paths = [bundled_banks_dir() / ref.key.removeprefix(BUNDLED_PREFIX) if ref.key.startswith(BUNDLED_PREFIX)
             else Path(ref.path or ref.key) for ref in store.banks().values()]
    loaded = {}
    for path in [*paths, *extra]:
        if path.is_file():
            check = check_bank(path)
            if check.loaded is not None:
                loaded[bank_key(path)] = check.loaded
    return list(loaded.values())


def _right_answer(question: AnyQuestion) -> str:
    if isinstance(question, ChoiceQuestion):
        return question.answer
    return f"{question.answer:g}" + (f" {question.unit}" if question.unit else "")


def history_csv(store: HistoryStore, banks: Iterable[LoadedBank] = ()) -> str:
    """Every stored answer as CSV text, oldest first; prompts come from the banks given."""
    questions: dict[tuple[str, str], AnyQuestion] = {}
    titles = {key: ref.title for key, ref in store.banks().items()}
    for loaded in banks:
        key = bank_key(loaded.path)
        titles[key] = loaded.bank.title
        for q in loaded.bank.questions:
            questions[(key, q.id)] = q
    kinds = dict(store.db.execute("SELECT id, kind FROM sessions").fetchall())
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for a in store.answers():
        q = questions.get((a.bank_key, a.question_id))
        when = dt.datetime.fromtimestamp(a.answered_at).astimezone().isoformat(timespec="seconds")
        writer.writerow([when, a.session_id, kinds.get(a.session_id, ""), titles.get(a.bank_key, a.bank_key),
                         a.question_id, q.prompt if q else "", a.given or "", _right_answer(q) if q else "",
                         a.verdict, f"{a.points:g}", f"{a.seconds:.1f}", RATINGS.get(a.rating or 0, "")])
    return buf.getvalue()


def export_history(store: HistoryStore, path: str | Path, banks: Iterable[LoadedBank] = ()) -> int:
    """Write the history as CSV to `path` atomically; return the number of answers written."""
    write_text_atomic(path, history_csv(store, banks))
    return len(store)
