"""`quizapp generate`: the command-line face of the generator."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizapp.core.model import QUESTION_TYPES


def add_generate_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("generate", help="write a question bank from news articles",
                       description="Read articles (.txt, .md and .html files, or web addresses) and write a "
                                   "bank of cited questions. A web page is saved as .html beside the bank, so "
                                   "that its citations work offline.")
    p.add_argument("articles", nargs="+", type=Path, metavar="ARTICLE",
                   help="an article file (.txt, .md with front matter, .html) or a web address "
                        "(http:// or https://)")
    p.add_argument("-o", "--output", type=Path, metavar="BANK.yaml",
                   help="bank file to write (default: print the bank)")
    p.add_argument("--max-questions", type=_positive, metavar="N",
                   help="keep at most N questions, the best ones (default: all that pass)")
    p.add_argument("--types", type=_types, default=list(QUESTION_TYPES), metavar="TYPES",
                   help="question types, comma-separated: choice,numeric (default: both)")
    p.add_argument("--min-confidence", type=_share, metavar="P",
                   help="keep only questions whose confidence is at least P, from 0 to 1 (default: the "
                        "generator's own bar; 0 keeps every candidate, for review)")
    p.add_argument("--report", action="store_true",
                   help="print the quality report (per article and in total) instead of the bank")
    p.set_defaults(run=cmd_generate)


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _share(text: str) -> float:
    try:
        p = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= p <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return p


def _types(text: str) -> list[str]:
    types = [t.strip() for t in text.split(",") if t.strip()]
    bad = [t for t in types if t not in QUESTION_TYPES]
    if bad or not types:
        raise argparse.ArgumentTypeError(f"unknown type {bad[0] if bad else text!r}: use "
                                         f"{','.join(QUESTION_TYPES)}")
    return types


def cmd_generate(args: argparse.Namespace) -> int:
    from quizapp.core.bank import dump_bank, save_bank
    from quizapp.core.errors import QuizappError

    if args.report:
        from quizapp.generate.report import print_report

        try:
            return print_report(args.articles, types=args.types, min_confidence=args.min_confidence)
        except QuizappError as exc:
            _show(exc)
            return 1
    from quizapp.generate.api import generate_explained

    out = args.output
    if out is not None and out.suffix.lower() not in (".yaml", ".yml"):
        print(f"quizapp: {out}: the bank file must end in .yaml", file=sys.stderr)
        return 1
    try:
        bank, why, offered = generate_explained(args.articles, max_questions=args.max_questions, types=args.types,
                                       bank_dir=out.parent if out is not None else Path.cwd(),
                                       min_confidence=args.min_confidence)
    except QuizappError as exc:
        _show(exc)
        return 1
    if out is None:
        sys.stdout.write(dump_bank(bank))
    else:
        try:
            save_bank(bank, out)
        except OSError as exc:
            print(f"quizapp: {out}: cannot write: {exc.strerror}", file=sys.stderr)
            return 1
        asked, read = len(bank.questions), len(bank.sources)
        print(f"{out}: {asked} question{'s' if asked != 1 else ''} from {read} article{'s' if read != 1 else ''}",
              file=sys.stderr)
    if why:
        # The one cause, as the app says it; where questions were found below the bar, how to see them.
        hint = (" `quizapp generate --report` lists those a little below the bar and why each is low; "
                "`--min-confidence 0` keeps everything found, for review.") if offered else ""
        print(f"quizapp: {why}{hint}", file=sys.stderr)
    return 0


def _show(exc: Exception) -> None:
    problems = getattr(exc, "problems", None)
    if problems:
        for p in problems:
            print(f"quizapp: {p}", file=sys.stderr)
    else:
        print(f"quizapp: {exc}", file=sys.stderr)
