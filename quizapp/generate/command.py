"""`quizapp generate`: the command-line face of the generator."""

from __future__ import annotations

import argparse
import sys


def add_generate_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("generate", help="write a question bank from news articles")
    p.add_argument("articles", nargs="+", metavar="ARTICLE")
    p.set_defaults(run=cmd_generate)


def cmd_generate(args: argparse.Namespace) -> int:
    print("quizapp generate: not available yet", file=sys.stderr)
    return 1
