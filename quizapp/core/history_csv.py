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
from quizapp.core.scoring import answer_number, plain_number
from quizapp.paths import bundled_banks_dir

# A number is written plain in both answer columns ("4500", not "4,500" or "4500 people"), its unit in a
# column of its own; "scope" tells a quiz on every question of its bank ("all") from one on some of them
# ("some") and a retry of the mistakes of the quiz before ("retry"); it is empty for study, and for a
# quiz stored before quizapp kept it.
CSV_HEADER = ("answered at", "session", "kind", "scope", "bank", "question id", "question", "answer given",
              "right answer", "unit", "result", "points", "seconds", "rating")
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


def _answers(question: AnyQuestion | None, given: str | None) -> tuple[str, str, str]:
    """The answer given, the right answer and the unit, as the CSV writes them."""
    given = given or ""
    if question is None:
        return given, "", ""
    if isinstance(question, ChoiceQuestion):
        return given, question.answer, ""
    return (plain_number(question, given) if given else "", answer_number(question, question.answer, grouped=False),
            question.unit or "")


def history_csv(store: HistoryStore, banks: Iterable[LoadedBank] = ()) -> str:
    """Every stored answer as CSV text, oldest first; prompts come from the banks given."""
    questions: dict[tuple[str, str], AnyQuestion] = {}
    titles = {key: ref.title for key, ref in store.banks().items()}
    for loaded in banks:
        key = bank_key(loaded.path)
        titles[key] = loaded.bank.title
        for q in loaded.bank.questions:
            questions[(key, q.id)] = q
    sessions = {sid: (kind, scope or "") for sid, kind, scope in store.db.execute(
        "SELECT id, kind, scope FROM sessions")}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for a in store.answers():
        q = questions.get((a.bank_key, a.question_id))
        when = dt.datetime.fromtimestamp(a.answered_at).astimezone().isoformat(timespec="seconds")
        kind, scope = sessions.get(a.session_id, ("", ""))
        writer.writerow([when, a.session_id, kind, scope, titles.get(a.bank_key, a.bank_key), a.question_id,
                         q.prompt if q else "", *_answers(q, a.given), a.verdict, f"{a.points:g}",
                         f"{a.seconds:.1f}", RATINGS.get(a.rating or 0, "")])
    return buf.getvalue()


def export_history(store: HistoryStore, path: str | Path, banks: Iterable[LoadedBank] = ()) -> int:
    """Write the history as CSV to `path` atomically; return the number of answers written."""
    write_text_atomic(path, history_csv(store, banks))
    return len(store)
