"""The history store against real SQLite files in temp folders."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hist_support import QUESTIONS, right_answer, write_bank

from quizapp.core.bank import load_bank
from quizapp.core.history import (
    FILE_NAME,
    SCHEMA_VERSION,
    BankRef,
    HistoryError,
    HistoryStore,
    PlanItem,
    bank_key,
)
from quizapp.core.history_csv import history_csv, known_banks
from quizapp.core.study import resume_session
from quizapp.paths import bundled_banks_dir
from tests.conftest import child_process, kill_hard

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(folder))
    return folder


def columns(db: sqlite3.Connection) -> dict[str, set[str]]:
    tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: {row[1] for row in db.execute(f"PRAGMA table_info({t})")} for t in tables}


def indexes(db: sqlite3.Connection) -> set[str]:
    return {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def test_new_history_is_wal_at_latest_version_in_the_data_folder(data_dir: Path) -> None:
    with HistoryStore.open() as store:
        assert store.path == data_dir / FILE_NAME
        assert store.schema_version == SCHEMA_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert (data_dir / FILE_NAME).is_file()


def test_data_dir_argument_wins_over_the_environment(tmp_path: Path, data_dir: Path) -> None:
    with HistoryStore.open(tmp_path / "elsewhere") as store:
        assert store.path == tmp_path / "elsewhere" / FILE_NAME
    assert not data_dir.exists()


def test_each_answer_is_committed_as_it_is_given(data_dir: Path) -> None:
    store = HistoryStore.open()
    ref = BankRef("bank-a", "Bank A")
    plan = [PlanItem("bank-a", f"q{n}") for n in range(3)]
    sid = store.start_session(kind="quiz", bank=ref, plan=plan)
    # A second connection, as another process would open the file, sees every answer at once.
    reader = sqlite3.connect(data_dir / FILE_NAME)
    for n, verdict in enumerate(["right", "wrong", "close"]):
        store.record_answer(sid, bank_key="bank-a", question_id=f"q{n}", given=str(n), verdict=verdict,
                            points={"right": 1, "wrong": 0, "close": 0.5}[verdict], seconds=1.5 + n)
        rows = reader.execute("SELECT question_id, verdict, correct, points FROM answers ORDER BY id").fetchall()
        assert len(rows) == n + 1
        assert rows[-1] == (f"q{n}", verdict, int(verdict == "right"), {"right": 1, "wrong": 0, "close": 0.5}[verdict])
    unfinished = store.unfinished_sessions()
    assert [s.id for s in unfinished] == [sid]
    assert unfinished[0].answered == 3 and unfinished[0].remaining == ()
    store.finish_session(sid)
    assert store.unfinished_sessions() == []
    store.close()
    reader.close()


def test_unfinished_quiz_keeps_its_plan_with_the_choices_as_shown() -> None:
    with HistoryStore.open() as store:
        plan = [PlanItem("b", "q1", ("x", "y", "z")), PlanItem("b", "q2"), PlanItem("b", "q3", ("2", "1"))]
        sid = store.start_session(kind="quiz", bank=BankRef("b", "B", "/banks/b.yaml"), plan=plan,
                                  options={"count": 3, "mode": "practice"})
        store.record_answer(sid, bank_key="b", question_id="q1", given="y", verdict="wrong", points=0, seconds=3)
    with HistoryStore.open() as store:
        (session,) = store.unfinished_sessions()
        assert session.kind == "quiz" and session.bank_key == "b"
        assert session.options == {"count": 3, "mode": "practice"}
        assert session.remaining == tuple(plan[1:])
        assert store.banks()["b"] == BankRef("b", "B", "/banks/b.yaml")


def test_rejects_unknown_verdicts_and_kinds() -> None:
    with HistoryStore.open() as store:
        with pytest.raises(ValueError, match="kind"):
            store.start_session(kind="exam-ish", plan=[])
        sid = store.start_session(kind="quiz", plan=[])
        with pytest.raises(ValueError, match="verdict"):
            store.record_answer(sid, bank_key="b", question_id="q", given="x", verdict="yes", points=1, seconds=1)
        assert len(store) == 0


def test_bank_key_bundled_and_local(tmp_path: Path) -> None:
    bundled = bundled_banks_dir() / "mali-helicopter-collision.yaml"
    assert bank_key(bundled) == "bundled:mali-helicopter-collision.yaml"
    a = write_bank(tmp_path / "a")
    b = write_bank(tmp_path / "b")
    assert bank_key(a) != bank_key(b)
    assert bank_key(tmp_path / "a" / ".." / "a" / "orla.yaml") == bank_key(a) == a.resolve().as_posix()


# --- killed in mid-session, then resumed ------------------------------------

STUDENT = textwrap.dedent("""
    import sys
    from quizapp.core.bank import load_bank
    from quizapp.core.history import HistoryStore
    from quizapp.core.study import start_study

    loaded = load_bank(sys.argv[1])
    store = HistoryStore.open()
    session = start_study(store, loaded, seed=7)
    print("session", session.session_id, len(session.items), flush=True)
    while not session.finished:
        sys.stdin.readline()  # the test says when to answer, so it knows where the kill lands
        item = session.current
        right = item.question.id != "mayor"
        session.answer(str(item.question.answer) if right else "Ivan Horvat",
                       verdict="right" if right else "wrong", seconds=4.0)
        print("answered", item.question.id, flush=True)
    print("done", flush=True)
""")


def test_sigkill_in_mid_study_loses_nothing_and_resumes(tmp_path: Path, data_dir: Path) -> None:
    bank = write_bank(tmp_path / "banks")
    script = tmp_path / "student.py"
    script.write_text(STUDENT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QUIZAPP_DATA_DIR=str(data_dir))
    with child_process([sys.executable, str(script), str(bank)], stdin=subprocess.PIPE,
                       stdout=subprocess.PIPE, env=env) as proc:
        _, sid, count = proc.stdout.readline().split()
        assert int(count) == 5
        answered = []
        for _ in range(3):
            proc.stdin.write("\n")
            proc.stdin.flush()
            word, qid = proc.stdout.readline().split()
            assert word == "answered"
            answered.append(qid)
        kill_hard(proc)

    loaded = load_bank(bank)
    with HistoryStore.open() as store:
        (session,) = store.unfinished_sessions()
        assert session.id == sid and session.kind == "study" and session.answered == 3
        assert [a.question_id for a in store.answers(session_id=sid)] == answered
        assert {c.question_id for c in store.cards()} == set(answered)

        resumed = resume_session(store, sid, [loaded])
        assert resumed.position == 3 and not resumed.finished
        assert [i.question.id for i in resumed.items[:3]] == answered
        planned = store.session(sid).plan
        assert [p.question_id for p in planned] == [i.question.id for i in resumed.items]
        # The choices come back in the order the student saw them before the kill.
        assert [p.choices for p in planned] == [i.choices for i in resumed.items]
        while not resumed.finished:
            q = resumed.current.question
            resumed.answer(right_answer(q), verdict="right", seconds=3.0)
        assert store.unfinished_sessions() == []
        assert [a.question_id for a in store.answers(session_id=sid)] == [p.question_id for p in planned]
        assert len(store.cards()) == 5


# --- migration --------------------------------------------------------------

SCHEMA_V1 = """
CREATE TABLE sessions (id TEXT PRIMARY KEY, bank_key TEXT, bank_title TEXT, started_at REAL NOT NULL,
                       finished_at REAL);
CREATE TABLE answers (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id),
                      bank_key TEXT NOT NULL, question_id TEXT NOT NULL, given TEXT, correct INTEGER NOT NULL,
                      points REAL NOT NULL, seconds REAL NOT NULL, answered_at REAL NOT NULL);
CREATE INDEX answers_question ON answers(bank_key, question_id);
PRAGMA user_version = 1;
"""


def make_v1(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V1)
    db.executemany("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", [
        ("s1", "k1", "Old bank", 1000.0, 1100.0),
        ("s2", "k1", "Old bank", 2000.0, None),  # the app was killed in this one
        ("s3", "k2", "Other bank", 3000.0, 3100.0),
    ])
    db.executemany("INSERT INTO answers (session_id, bank_key, question_id, given, correct, points, seconds, "
                   "answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
                       ("s1", "k1", "q1", "13", 1, 1.0, 4.0, 1010.0),
                       ("s1", "k1", "q2", "Paris", 0, 0.0, 6.0, 1020.0),
                       ("s1", "k1", "q3", "12", 0, 0.5, 5.0, 1030.0),
                       ("s1", "k1", "q4", None, 0, 0.0, 9.0, 1040.0),
                       ("s2", "k1", "q1", "13", 1, 1.0, 2.0, 2010.0),
                       ("s3", "k2", "q1", "x", 1, 1.0, 3.0, 3010.0),
                   ])
    db.commit()
    db.close()


def test_migrates_a_version_1_history(data_dir: Path, tmp_path: Path) -> None:
    make_v1(data_dir / FILE_NAME)
    with HistoryStore.open() as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        answers = store.answers()
        assert [(a.question_id, a.given, a.verdict, a.points) for a in answers] == [
            ("q1", "13", "right", 1.0), ("q2", "Paris", "wrong", 0.0), ("q3", "12", "close", 0.5),
            ("q4", None, "skipped", 0.0), ("q1", "13", "right", 1.0), ("q1", "x", "right", 1.0)]
        assert {k: r.title for k, r in store.banks().items()} == {"k1": "Old bank", "k2": "Other bank"}
        # v1 kept no plan, so its unfinished session cannot resume: it is closed as abandoned.
        assert store.unfinished_sessions() == []
        s2 = store.session("s2")
        assert s2.abandoned and s2.kind == "quiz" and s2.answered == 1
        # What v2 added works on the migrated file.
        sid = store.start_session(kind="study", bank=BankRef("k1", "Old bank"), plan=[PlanItem("k1", "q2")])
        store.record_answer(sid, bank_key="k1", question_id="q2", given="Lyon", verdict="right", points=1,
                            seconds=2, rating=3)
        assert store.last_answers("k1")[("k1", "q2")].rating == 3
        migrated_columns, migrated_indexes = columns(store.db), indexes(store.db)
    with HistoryStore.open(tmp_path / "fresh") as fresh:
        assert migrated_columns == columns(fresh.db)
        assert migrated_indexes == indexes(fresh.db)
    with HistoryStore.open() as again:  # opening a migrated file again changes nothing
        assert again.schema_version == 4 and len(again) == 7


def test_a_failed_migration_leaves_version_1_intact(data_dir: Path) -> None:
    path = data_dir / FILE_NAME
    make_v1(path)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE cards (x)")  # version 2 creates this table: the migration must fail
    db.commit()
    db.close()
    with pytest.raises(HistoryError, match="cards"):
        HistoryStore.open()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert {c for c in columns(db)["sessions"]} == {"id", "bank_key", "bank_title", "started_at", "finished_at"}
    assert db.execute("SELECT count(*) FROM answers").fetchone()[0] == 6
    db.close()


def test_newer_or_foreign_files_give_a_clear_error(data_dir: Path) -> None:
    path = data_dir / FILE_NAME
    data_dir.mkdir()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(HistoryError, match="newer quizapp"):
        HistoryStore.open()
    path.unlink()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (x)")
    db.close()
    with pytest.raises(HistoryError, match="not a quizapp history"):
        HistoryStore.open()
    path.write_bytes(b"this is not a database at all, just some text" * 100)
    with pytest.raises(HistoryError, match="cannot be read"):
        HistoryStore.open()


# --- moving a bank, and exporting -------------------------------------------


def test_rekey_moves_a_banks_whole_history() -> None:
    with HistoryStore.open() as store:
        sid = store.start_session(kind="quiz", bank=BankRef("old", "B"), plan=[PlanItem("old", "q1")])
        store.record_answer(sid, bank_key="old", question_id="q1", given="a", verdict="wrong", points=0, seconds=1)
        store.rekey_bank("old", "new")
        assert store.answers()[0].bank_key == "new"
        assert store.session(sid).bank_key == "new"
        assert store.session(sid).plan == (PlanItem("new", "q1"),)
        assert set(store.banks()) == {"new"}


def test_history_export_csv(tmp_path: Path, data_dir: Path) -> None:
    import argparse

    from quizapp.history_command import add_history_parser

    bank = write_bank(tmp_path / "banks")
    loaded = load_bank(bank)
    from quizapp.core.study import bank_ref

    with HistoryStore.open() as store:
        ref = bank_ref(loaded)
        sid = store.start_session(kind="quiz", bank=ref, plan=[PlanItem(ref.key, "mayor"), PlanItem(ref.key, "pupils")])
        store.record_answer(sid, bank_key=ref.key, question_id="mayor", given="Mila Novak, \"the elder\"",
                            verdict="wrong", points=0, seconds=7.25)
        store.record_answer(sid, bank_key=ref.key, question_id="pupils", given="38", verdict="right", points=1,
                            seconds=3)
        assert [b.path for b in known_banks(store)] == [bank]  # found again from the path the history keeps

    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    add_history_parser(parser.add_subparsers(dest="command"))
    out = tmp_path / "out" / "history.csv"
    out.parent.mkdir()
    args = parser.parse_args(["--data-dir", str(data_dir), "history", "export", "-o", str(out)])
    assert args.run(args) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["question id"], r["question"], r["answer given"], r["right answer"], r["result"], r["points"],
             r["seconds"], r["bank"]) for r in rows] == [
        ("mayor", "Who is the mayor of Orla?", 'Mila Novak, "the elder"', "Ana Petrov", "wrong", "0", "7.2",
         "The village of Orla"),
        ("pupils", "How many pupils does the school of Orla have?", "38", "38", "right", "1", "3.0",
         "The village of Orla")]
    assert all(r["session"] == rows[0]["session"] and r["kind"] == "quiz" for r in rows)


def test_history_export_writes_numbers_plain_and_tells_a_retry_apart(tmp_path: Path) -> None:
    """The answer given was "50,000" (text to a spreadsheet) and the right answer "140000 people": both
    are plain numbers, the unit in its own column; a retry of mistakes was kind=quiz like any quiz: its
    scope says it."""
    from quizapp.core.study import bank_ref

    crowd = {"id": "crowd", "type": "numeric", "prompt": "How many people marched?", "answer": 140000,
             "tolerance": "10%", "unit": "people", "cite": {"quote": "The village of Orla has 412 inhabitants"}}
    loaded = load_bank(write_bank(tmp_path / "banks", questions=[*QUESTIONS[:2], crowd]))
    with HistoryStore.open() as store:
        ref = bank_ref(loaded)
        first = store.start_session(kind="quiz", bank=ref, plan=[PlanItem(ref.key, "crowd")], scope="all")
        store.record_answer(first, bank_key=ref.key, question_id="crowd", given="50,000", verdict="wrong",
                            points=0, seconds=4)
        store.record_answer(first, bank_key=ref.key, question_id="mayor", given="Ana Petrov", verdict="right",
                            points=1, seconds=4)
        retry = store.start_session(kind="quiz", bank=ref, plan=[PlanItem(ref.key, "crowd")], scope="retry")
        store.record_answer(retry, bank_key=ref.key, question_id="crowd", given="140,000 people", verdict="right",
                            points=1, seconds=4)
        rows = list(csv.DictReader(io.StringIO(history_csv(store, known_banks(store)))))
    assert [(r["kind"], r["scope"], r["answer given"], r["right answer"], r["unit"]) for r in rows] == [
        ("quiz", "all", "50000", "140000", "people"), ("quiz", "all", "Ana Petrov", "Ana Petrov", ""),
        ("quiz", "retry", "140000", "140000", "people")]


def test_history_export_without_banks_keeps_ids(tmp_path: Path) -> None:
    with HistoryStore.open() as store:
        sid = store.start_session(kind="quiz", bank=BankRef("/gone/bank.yaml", "Gone"), plan=[])
        store.record_answer(sid, bank_key="/gone/bank.yaml", question_id="q9", given="x", verdict="skipped",
                            points=0, seconds=1)
        (row,) = list(csv.DictReader(io.StringIO(history_csv(store, known_banks(store)))))
        assert (row["bank"], row["question id"], row["question"], row["result"]) == ("Gone", "q9", "", "skipped")


def test_an_unfinished_quiz_resumes_with_its_answers_and_choices(tmp_path: Path) -> None:
    from quizapp.core.study import bank_ref, resume_point

    loaded = load_bank(write_bank(tmp_path / "banks"))
    ref = bank_ref(loaded)
    shown = {"mayor": ("Mila Novak", "Ana Petrov", "Ivan Horvat"), "river": ("Una", "Drava", "Sava")}
    order = ["mayor", "pupils", "river", "elected"]
    with HistoryStore.open() as store:
        sid = store.start_session(kind="quiz", bank=ref, plan=[PlanItem(ref.key, q, shown.get(q, ())) for q in order],
                                  options={"mode": "practice"})
        store.record_answer(sid, bank_key=ref.key, question_id="mayor", given="Mila Novak", verdict="wrong",
                            points=0, seconds=6)
        store.record_answer(sid, bank_key=ref.key, question_id="pupils", given="38", verdict="right",
                            points=1, seconds=4)
    with HistoryStore.open() as store:  # the next start of the app
        (unfinished,) = store.unfinished_sessions()
        point = resume_point(store, unfinished.id, [loaded])
        assert [a.given for a in point.answers] == ["Mila Novak", "38"]
        assert [(i.question.id, i.choices) for i in point.remaining] == [("river", shown["river"]), ("elected", ())]
        assert point.position == 2 and point.missing == 0 and point.session.options == {"mode": "practice"}


def test_an_unusable_data_folder_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(HistoryError, match="--data-dir"):
        HistoryStore.open(blocker / "data")


def test_distinct_titles_name_the_file_where_titles_are_shared() -> None:
    from quizapp.core.history import distinct_titles

    assert distinct_titles({"/a/mali.yaml": "Mali", "/a/mali-copy.yaml": "Mali", "/a/orla.yaml": "Orla"}) == {
        "/a/mali.yaml": "Mali (mali.yaml)", "/a/mali-copy.yaml": "Mali (mali-copy.yaml)", "/a/orla.yaml": "Orla"}
    assert distinct_titles({"bundled:mali.yaml": "Mali", "/home/t/mali.yaml": "Mali"}) == {
        "bundled:mali.yaml": "Mali (bundled/mali.yaml)", "/home/t/mali.yaml": "Mali (t/mali.yaml)"}
