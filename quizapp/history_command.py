"""`quizapp history export`: a student's answers as CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_history_parser(sub: argparse._SubParsersAction) -> None:
    """Register `quizapp history export -o FILE.csv`."""
    p = sub.add_parser("history", help="the student's history of answers")
    history = p.add_subparsers(dest="history_command", metavar="ACTION", required=True)
    e = history.add_parser("export", help="write every answer as CSV (one row per answer)")
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.csv",
                   help="the CSV file to write ('-' for standard output)")
    e.add_argument("banks", nargs="*", type=Path, metavar="BANK",
                   help="bank files to take prompts from, besides those the history knows")
    e.set_defaults(run=cmd_history_export)


def cmd_history_export(args: argparse.Namespace) -> int:
    from quizapp.core.history import FILE_NAME, HistoryError, HistoryStore
    from quizapp.core.history_csv import export_history, history_csv, known_banks

    data_dir = getattr(args, "data_dir", None)
    try:
        store = HistoryStore.open(data_dir)
    except HistoryError as exc:
        print(f"quizapp: {exc}", file=sys.stderr)
        return 1
    with store:
        if len(store) == 0:
            print(f"quizapp: no answers yet in {store.path.parent / FILE_NAME}; take a quiz first", file=sys.stderr)
        banks = known_banks(store, args.banks)
        if str(args.output) == "-":
            sys.stdout.write(history_csv(store, banks))
            return 0
        try:
            n = export_history(store, args.output, banks)
        except OSError as exc:
            print(f"quizapp: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    print(f"{n} answer{'s' if n != 1 else ''} written to {args.output}")
    return 0
