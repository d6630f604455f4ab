"""The history store: every answer a student gives, kept in SQLite as it is given.

One file, ``history.sqlite3`` in the user data folder (QUIZAPP_DATA_DIR or
``--data-dir`` override it). Each answer is one INSERT committed at once in WAL
mode with ``synchronous=FULL``, so a crash or a kill in mid-quiz loses nothing
already answered; a session without ``finished_at`` is unfinished and its plan
(the questions in order, with their choices as shown) lets it resume.

History is keyed by (bank key, question id), never by wording: see
`bank_key` for what a bank key is.

    store = HistoryStore.open()
    sid = store.start_session(kind="quiz", bank=BankRef(key, title, path), plan=[...])
    store.record_answer(sid, bank_key=key, question_id="q1", given="13",
                        verdict="right", points=1, seconds=4.2)
    store.finish_session(sid)
"""

from __future__ import annotations

import functools
import json
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.core.errors import QuizappError
from quizapp.paths import bundled_banks_dir, user_data_dir

FILE_NAME = "history.sqlite3"
SCHEMA_VERSION = 4

KINDS = ("quiz", "study", "review")
# What a quiz asked of its bank: every question, some (a number, types or tags picked), or the
# mistakes of the quiz before (Retry mistakes). Only a quiz on every question is the bank's score.
SCOPES = ("all", "some", "retry")
VERDICTS = ("right", "close", "wrong", "skipped")
BUNDLED_PREFIX = "bundled:"


class HistoryError(QuizappError):
    """The history file cannot be used (damaged, or written by a newer quizapp)."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def bank_key(path: str | Path) -> str:
    """The stable key under which a bank's history is kept.

    A bundled bank is keyed by its path inside the bundled folder
    ("bundled:mali-helicopter-collision.yaml"), so its history survives an
    upgrade or a move between a checkout and an installed wheel. Any other bank
    is keyed by its resolved absolute path: two files never mix even when their
    titles and ids are the same, and editing a title or a prompt keeps the key.
    (A bank file moved or renamed by hand starts a new history; `HistoryStore.rekey_bank` moves it.)
    """
    resolved = Path(path).resolve()
    bundled = _bundled_root()
    if resolved.is_relative_to(bundled):
        return BUNDLED_PREFIX + resolved.relative_to(bundled).as_posix()
    return resolved.as_posix()


def distinct_titles(titles: dict[str, str]) -> dict[str, str]:
    """Bank titles, keyed by bank key or path, told apart where two banks share one: "Mali (mali.yaml)"
    and "Mali (mali-copy.yaml)", or with the folder where the file names are the same too
    ("Mali (class-a/mali.yaml)"). A title no other bank has stays as it is."""
    def name(key: str, depth: int) -> str:
        parts = Path(key.replace("bundled:", "bundled/", 1)).parts  # a bundled bank's folder: "bundled"
        return "/".join(parts[-depth:])

    shared: dict[str, list[str]] = {}
    for key, title in titles.items():
        shared.setdefault(title, []).append(key)
    out = dict(titles)
    for title, keys in shared.items():
        if len(keys) < 2:
            continue
        depth = 1
        while depth < 4 and len({name(k, depth) for k in keys}) < len(keys):
            depth += 1
        for key in keys:
            out[key] = f"{title} ({name(key, depth)})"
    return out


@functools.lru_cache(maxsize=1)
def _bundled_root() -> Path:
    return bundled_banks_dir().resolve()


@dataclass(frozen=True)
class BankRef:
    """A bank as the history knows it: its key, its title when last seen, and its file."""

    key: str
    title: str
    path: str | None = None


@dataclass(frozen=True)
class PlanItem:
    """One question planned in a session, with its choices in the order shown."""

    bank_key: str
    question_id: str
    choices: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"bank": self.bank_key, "id": self.question_id, "choices": list(self.choices)}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> PlanItem:
        return cls(str(data["bank"]), str(data["id"]), tuple(str(c) for c in data.get("choices") or ()))


@dataclass(frozen=True)
class AnswerRecord:
    """One stored answer."""

    id: int
    session_id: str
    bank_key: str
    question_id: str
    given: str | None
    verdict: str
    points: float
    seconds: float
    answered_at: float  # Unix time, seconds
    rating: int | None = None  # the FSRS rating, for study answers

    @property
    def correct(self) -> bool:
        return self.verdict == "right"


@dataclass(frozen=True)
class SessionRecord:
    """One stored session; `finished_at` is None while it is unfinished."""

    id: str
    kind: str
    bank_key: str | None  # None for a session across several banks
    started_at: float
    finished_at: float | None
    plan: tuple[PlanItem, ...]
    options: dict[str, object] = field(default_factory=dict)
    answered: int = 0
    abandoned: bool = False
    scope: str | None = None  # a quiz's scope (SCOPES); None for study, and for a quiz stored before schema 3

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def remaining(self) -> tuple[PlanItem, ...]:
        """The planned questions not answered yet, in order."""
        return self.plan[self.answered:]


# --- schema ------------------------------------------------------------------

# Version 1 (the first release) had two tables:
#   sessions(id TEXT PRIMARY KEY, bank_key TEXT, bank_title TEXT, started_at REAL NOT NULL, finished_at REAL)
#   answers(id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), bank_key TEXT NOT NULL,
#           question_id TEXT NOT NULL, given TEXT, correct INTEGER NOT NULL, points REAL NOT NULL,
#           seconds REAL NOT NULL, answered_at REAL NOT NULL)
#   with an index answers_question(bank_key, question_id).
# Version 2 had the tables below, without sessions.scope (added by version 3) and skips (version 4).
# The latest version is below; a new file is created at once in it.
_SCHEMA = """
CREATE TABLE banks (
    key TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    path TEXT
);
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'quiz',
    bank_key TEXT,
    started_at REAL NOT NULL,
    finished_at REAL,
    abandoned INTEGER NOT NULL DEFAULT 0,
    plan TEXT NOT NULL DEFAULT '[]',
    options TEXT NOT NULL DEFAULT '{}',
    scope TEXT
);
CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    bank_key TEXT NOT NULL,
    question_id TEXT NOT NULL,
    given TEXT,
    correct INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    points REAL NOT NULL,
    seconds REAL NOT NULL,
    answered_at REAL NOT NULL,
    rating INTEGER
);
CREATE INDEX answers_by_session ON answers(session_id, points);
CREATE INDEX answers_by_question ON answers(bank_key, question_id, correct);
CREATE INDEX answers_by_time ON answers(answered_at);
CREATE INDEX sessions_unfinished ON sessions(finished_at) WHERE finished_at IS NULL;
CREATE TABLE cards (
    bank_key TEXT NOT NULL,
    question_id TEXT NOT NULL,
    state INTEGER NOT NULL,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due REAL NOT NULL,
    last_review REAL,
    first_review REAL NOT NULL,
    PRIMARY KEY (bank_key, question_id)
) WITHOUT ROWID;
CREATE INDEX cards_by_due ON cards(due);
CREATE TABLE skips (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    bank_key TEXT NOT NULL,
    question_id TEXT NOT NULL,
    skipped_at REAL NOT NULL
);
CREATE INDEX skips_by_session ON skips(session_id);
"""


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    """v2: verdicts (close, skipped), FSRS ratings and cards, bank titles, resumable plans."""
    _run_script(db, """
        ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'quiz';
        ALTER TABLE sessions ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sessions ADD COLUMN plan TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE sessions ADD COLUMN options TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE answers ADD COLUMN verdict TEXT NOT NULL DEFAULT 'wrong';
        ALTER TABLE answers ADD COLUMN rating INTEGER;
        UPDATE answers SET verdict = CASE
            WHEN correct THEN 'right'
            WHEN given IS NULL OR given = '' THEN 'skipped'
            WHEN points > 0 THEN 'close'
            ELSE 'wrong' END;
        CREATE TABLE banks (key TEXT PRIMARY KEY, title TEXT NOT NULL, path TEXT);
        INSERT OR IGNORE INTO banks (key, title, path)
            SELECT bank_key, coalesce(max(bank_title), bank_key), NULL FROM sessions
            WHERE bank_key IS NOT NULL GROUP BY bank_key;
        ALTER TABLE sessions DROP COLUMN bank_title;
        DROP INDEX IF EXISTS answers_question;
        CREATE INDEX answers_by_session ON answers(session_id, points);
        CREATE INDEX answers_by_question ON answers(bank_key, question_id, correct);
        CREATE INDEX answers_by_time ON answers(answered_at);
        CREATE INDEX sessions_unfinished ON sessions(finished_at) WHERE finished_at IS NULL;
        CREATE TABLE cards (
            bank_key TEXT NOT NULL, question_id TEXT NOT NULL, state INTEGER NOT NULL,
            step INTEGER, stability REAL, difficulty REAL, due REAL NOT NULL,
            last_review REAL, first_review REAL NOT NULL,
            PRIMARY KEY (bank_key, question_id)) WITHOUT ROWID;
        CREATE INDEX cards_by_due ON cards(due);
    """)
    # A v1 session left unfinished has no plan to resume from: close it as abandoned.
    db.execute("UPDATE sessions SET finished_at = started_at, abandoned = 1 WHERE finished_at IS NULL")


def _migrate_2_to_3(db: sqlite3.Connection) -> None:
    """v3: a quiz's scope, so that a retry of mistakes or a quiz on a few questions is not taken for
    the bank's score. An older quiz keeps NULL: how many questions its bank had then is not known."""
    db.execute("ALTER TABLE sessions ADD COLUMN scope TEXT")


def _migrate_3_to_4(db: sqlite3.Connection) -> None:
    """v4: the questions skipped in a study session, stored as they are skipped, so that a session resumed
    after a crash knows which were put off once and which wait for the next session."""
    _run_script(db, """
        CREATE TABLE skips (session_id TEXT NOT NULL REFERENCES sessions(id), bank_key TEXT NOT NULL,
                            question_id TEXT NOT NULL, skipped_at REAL NOT NULL);
        CREATE INDEX skips_by_session ON skips(session_id);
    """)


def _run_script(db: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it would commit the open transaction first, and a
    # migration must be all or nothing. (No statement here has a ';' inside.)
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


# MIGRATIONS[n] turns version n into version n + 1.
MIGRATIONS = {1: _migrate_1_to_2, 2: _migrate_2_to_3, 3: _migrate_3_to_4}


# --- the store ---------------------------------------------------------------


class HistoryStore:
    """The student's answers, sessions and study cards in one SQLite file.

    A store belongs to the thread that opened it; work on another thread (a
    worker computing statistics) opens its own store on the same file, which WAL
    lets it read while the GUI thread writes answers.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(self.path, f"cannot create the data folder ({exc.strerror or exc}); "
                               "choose another one with --data-dir") from exc
        # Autocommit: every statement outside `transaction()` is committed at once.
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=10)
        except sqlite3.Error as exc:
            raise HistoryError(self.path, f"the history file cannot be opened ({exc})") from exc
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._upgrade()
        except HistoryError:
            self.db.close()
            raise
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise HistoryError(self.path, f"the history file cannot be read ({exc}); "
                               "move it aside and quizapp starts a new one") from exc

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> HistoryStore:
        """Open (or create) the history in `data_dir`, by default the user data folder."""
        return cls((Path(data_dir) if data_dir is not None else user_data_dir()) / FILE_NAME)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run several statements as one commit (all or nothing); inside another one, join it."""
        if self.db.in_transaction:
            yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _upgrade(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise HistoryError(self.path, f"written by a newer quizapp (schema {version}, this one "
                               f"knows {SCHEMA_VERSION}); update quizapp to read it")
        if version == SCHEMA_VERSION:
            return
        with self.transaction() as db:
            if version == 0:
                tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
                if tables:
                    raise HistoryError(self.path, "not a quizapp history file")
                _run_script(db, _SCHEMA)
            else:
                while version < SCHEMA_VERSION:
                    MIGRATIONS[version](db)
                    version += 1
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # banks

    def remember_bank(self, bank: BankRef) -> None:
        """Record (or update) a bank's title and file, for statistics and exports."""
        self.db.execute("INSERT INTO banks (key, title, path) VALUES (?, ?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET title = excluded.title, "
                        "path = coalesce(excluded.path, banks.path)", (bank.key, bank.title, bank.path))

    def banks(self) -> dict[str, BankRef]:
        """Every bank the history has seen, by key."""
        return {k: BankRef(k, t, p) for k, t, p in self.db.execute("SELECT key, title, path FROM banks")}

    def rekey_bank(self, old_key: str, new_key: str) -> None:
        """Move a bank's whole history to a new key (the file was moved or renamed)."""
        with self.transaction() as db:
            db.execute("UPDATE answers SET bank_key = ? WHERE bank_key = ?", (new_key, old_key))
            db.execute("UPDATE skips SET bank_key = ? WHERE bank_key = ?", (new_key, old_key))
            db.execute("UPDATE sessions SET bank_key = ? WHERE bank_key = ?", (new_key, old_key))
            db.execute("DELETE FROM cards WHERE bank_key = ?", (new_key,))
            db.execute("UPDATE cards SET bank_key = ? WHERE bank_key = ?", (new_key, old_key))
            db.execute("UPDATE OR REPLACE banks SET key = ? WHERE key = ?", (new_key, old_key))
            for sid, plan in db.execute("SELECT id, plan FROM sessions WHERE plan LIKE ?",
                                        (f'%{json.dumps(old_key)}%',)).fetchall():
                items = [dict(i, bank=new_key) if i.get("bank") == old_key else i for i in json.loads(plan)]
                db.execute("UPDATE sessions SET plan = ? WHERE id = ?", (json.dumps(items), sid))

    # sessions

    def start_session(self, *, kind: str, plan: Sequence[PlanItem], bank: BankRef | None = None,
                      banks: Iterable[BankRef] = (), options: dict[str, object] | None = None,
                      started_at: float | None = None, scope: str | None = None) -> str:
        """Store a new session and its plan; return its id. `bank` is None across several banks; `scope`
        says what a quiz asked of its bank (SCOPES)."""
        if kind not in KINDS:
            raise ValueError(f"unknown session kind {kind!r}")
        if scope is not None and scope not in SCOPES:
            raise ValueError(f"unknown quiz scope {scope!r}")
        sid = uuid.uuid4().hex
        with self.transaction() as db:
            for ref in ([bank] if bank else []) + list(banks):
                self.remember_bank(ref)
            db.execute("INSERT INTO sessions (id, kind, bank_key, started_at, plan, options, scope) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (sid, kind, bank.key if bank else None,
                        time.time() if started_at is None else started_at,
                        json.dumps([p.to_json() for p in plan], ensure_ascii=False),
                        json.dumps(options or {}, ensure_ascii=False, default=str), scope))
        return sid

    def set_plan(self, session_id: str, plan: Sequence[PlanItem]) -> None:
        """Store a session's plan anew (a study question put off to its end): answered questions first."""
        self.db.execute("UPDATE sessions SET plan = ? WHERE id = ?",
                        (json.dumps([p.to_json() for p in plan], ensure_ascii=False), session_id))

    def finish_session(self, session_id: str, *, at: float | None = None, abandoned: bool = False) -> None:
        """Mark a session finished (or abandoned: the student chose not to resume it)."""
        self.db.execute("UPDATE sessions SET finished_at = ?, abandoned = ? WHERE id = ? AND finished_at IS NULL",
                        (time.time() if at is None else at, int(abandoned), session_id))

    def session(self, session_id: str) -> SessionRecord:
        """One session by id; KeyError when there is none."""
        rows = self._sessions("WHERE s.id = ?", (session_id,))
        if not rows:
            raise KeyError(session_id)
        return rows[0]

    def sessions(self, *, bank_key: str | None = None, kind: str | None = None) -> list[SessionRecord]:
        """Sessions in the order they started, optionally of one bank or kind."""
        where, args = [], []
        if bank_key is not None:
            where.append("s.bank_key = ?")
            args.append(bank_key)
        if kind is not None:
            where.append("s.kind = ?")
            args.append(kind)
        return self._sessions(("WHERE " + " AND ".join(where)) if where else "", tuple(args))

    def unfinished_sessions(self, *, kind: str | None = None) -> list[SessionRecord]:
        """Sessions started and never finished (the app was closed or killed), newest first."""
        where = "WHERE s.finished_at IS NULL" + (" AND s.kind = ?" if kind else "")
        return list(reversed(self._sessions(where, (kind,) if kind else ())))

    def _sessions(self, where: str, args: tuple) -> list[SessionRecord]:
        sql = (f"SELECT s.id, s.kind, s.bank_key, s.started_at, s.finished_at, s.plan, s.options, s.abandoned, "
               f"(SELECT count(*) FROM answers a WHERE a.session_id = s.id), s.scope "
               f"FROM sessions s {where} ORDER BY s.started_at, s.rowid")
        return [SessionRecord(sid, kind, key, started, finished,
                              tuple(PlanItem.from_json(p) for p in json.loads(plan)),
                              json.loads(options), answered, bool(abandoned), scope)
                for sid, kind, key, started, finished, plan, options, abandoned, answered, scope
                in self.db.execute(sql, args)]

    # answers

    def record_answer(self, session_id: str, *, bank_key: str, question_id: str, given: str | None,
                      verdict: str, points: float, seconds: float, answered_at: float | None = None,
                      rating: int | None = None) -> AnswerRecord:
        """Store one answer and commit it before returning."""
        if verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}")
        at = time.time() if answered_at is None else answered_at
        cur = self.db.execute(
            "INSERT INTO answers (session_id, bank_key, question_id, given, correct, verdict, points, "
            "seconds, answered_at, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, bank_key, question_id, given, int(verdict == "right"), str(verdict),
             float(points), float(seconds), at, None if rating is None else int(rating)))
        return AnswerRecord(int(cur.lastrowid or 0), session_id, bank_key, question_id, given, str(verdict),
                            float(points), float(seconds), at, rating)

    def record_skip(self, session_id: str, *, bank_key: str, question_id: str,
                    skipped_at: float | None = None) -> None:
        """Store that a study question was skipped (put off, unanswered)."""
        self.db.execute("INSERT INTO skips (session_id, bank_key, question_id, skipped_at) VALUES (?, ?, ?, ?)",
                        (session_id, bank_key, question_id, time.time() if skipped_at is None else skipped_at))

    def skipped(self, session_id: str) -> list[tuple[str, str]]:
        """The (bank key, question id) of each skip of a session, in the order skipped."""
        return [(key, qid) for key, qid in self.db.execute(
            "SELECT bank_key, question_id FROM skips WHERE session_id = ? ORDER BY rowid", (session_id,))]

    def answers(self, *, session_id: str | None = None, bank_key: str | None = None) -> list[AnswerRecord]:
        """Stored answers in the order given, optionally of one session or bank."""
        where, args = [], []
        if session_id is not None:
            where.append("session_id = ?")
            args.append(session_id)
        if bank_key is not None:
            where.append("bank_key = ?")
            args.append(bank_key)
        sql = ("SELECT id, session_id, bank_key, question_id, given, verdict, points, seconds, answered_at, rating "
               "FROM answers " + ("WHERE " + " AND ".join(where) if where else "") + " ORDER BY id")
        return [AnswerRecord(*row) for row in self.db.execute(sql, args)]

    def last_answers(self, bank_key: str | None = None) -> dict[tuple[str, str], AnswerRecord]:
        """The latest answer to each question, keyed by (bank key, question id)."""
        where = "WHERE bank_key = ?" if bank_key is not None else ""
        sql = ("SELECT id, session_id, bank_key, question_id, given, verdict, points, seconds, answered_at, rating "
               f"FROM answers WHERE id IN (SELECT max(id) FROM answers {where} GROUP BY bank_key, question_id)")
        return {(r[2], r[3]): AnswerRecord(*r) for r in self.db.execute(sql, (bank_key,) if bank_key else ())}

    def question_totals(self) -> list[tuple[str, str, int, float]]:
        """(bank key, question id, answers, points scored) for every question answered."""
        return self.db.execute("SELECT bank_key, question_id, count(*), sum(points) FROM answers "
                               "GROUP BY bank_key, question_id").fetchall()

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM answers").fetchone()[0])

    # study cards (the FSRS memory state; quizapp.core.study turns them into fsrs cards)

    def card(self, bank_key: str, question_id: str) -> CardRow | None:
        """The stored memory state of one question, or None when it was never studied."""
        row = self.db.execute(f"SELECT {_CARD_COLUMNS} FROM cards WHERE bank_key = ? AND question_id = ?",
                              (bank_key, question_id)).fetchone()
        return CardRow(*row) if row else None

    def cards(self, bank_key: str | None = None) -> list[CardRow]:
        """Every stored memory state, optionally of one bank."""
        where = "WHERE bank_key = ?" if bank_key is not None else ""
        return [CardRow(*r) for r in self.db.execute(f"SELECT {_CARD_COLUMNS} FROM cards {where}",
                                                     (bank_key,) if bank_key is not None else ())]

    def save_card(self, card: CardRow) -> None:
        """Insert or replace one memory state."""
        self.db.execute(f"INSERT OR REPLACE INTO cards ({_CARD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (card.bank_key, card.question_id, card.state, card.step, card.stability,
                         card.difficulty, card.due, card.last_review, card.first_review))

    def delete_card(self, bank_key: str, question_id: str) -> None:
        self.db.execute("DELETE FROM cards WHERE bank_key = ? AND question_id = ?", (bank_key, question_id))

    def set_rating(self, answer_id: int, rating: int) -> None:
        self.db.execute("UPDATE answers SET rating = ? WHERE id = ?", (int(rating), answer_id))


_CARD_COLUMNS = "bank_key, question_id, state, step, stability, difficulty, due, last_review, first_review"


@dataclass(frozen=True)
class CardRow:
    """A question's stored FSRS memory state; times are Unix seconds."""

    bank_key: str
    question_id: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: float
    last_review: float | None
    first_review: float
