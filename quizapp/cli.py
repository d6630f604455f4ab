"""The `quizapp` command: no arguments opens the app; subcommands work on bank files."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from quizapp import __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    app_args = _app_only_args(argv)
    if app_args is not None:  # no command: open the app without loading the generator and formats
        return open_app(app_args)
    parser = build_parser()
    raw = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(raw)
    if args.command is None:
        return open_app(args)
    try:
        if args.command == "generate" and not fetch_urls(args, raw):
            return 1
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1


class _NotAppOnly(Exception):
    pass


class _AppArgumentParser(argparse.ArgumentParser):
    """Parses the options of the app alone; anything else is left to the full parser and its messages."""

    def error(self, message: str) -> NoReturn:
        raise _NotAppOnly(message)


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, help="folder for history and settings "
                        "(default: the user data folder and settings; also QUIZAPP_DATA_DIR)")
    parser.set_defaults(banks=[], command=None)


def _app_only_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they only open the app (no command, no --help or --version), else None."""
    parser = _AppArgumentParser(prog="quizapp", add_help=False)
    _add_app_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotAppOnly:
        return None
    return None if rest else args


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand (this imports the generator's and the formats' commands)."""
    parser = argparse.ArgumentParser(
        prog="quizapp", description="Fact-checking quizzes from news articles. "
        "Without a command, opens the app.")
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    _add_app_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check bank files and report every problem")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="bank files or folders")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of the bank format")
    p.set_defaults(run=cmd_schema)

    from quizapp.generate.command import add_generate_parser

    add_generate_parser(sub)
    from quizapp.formats.command import add_format_parsers

    add_format_parsers(sub)
    from quizapp.history_command import add_history_parser

    add_history_parser(sub)
    return parser


def fetch_urls(args: argparse.Namespace, raw: list[str]) -> bool:
    """Fetch the web addresses among `generate`'s articles and save each page beside the bank;
    False (after saying why) when one cannot be fetched."""
    from quizapp.core.fetch import is_url

    urls = [a for a in raw if is_url(a)]
    if not urls:
        return True
    from quizapp.core.fetch import FetchError, fetch_article

    folder = args.output.parent if args.output is not None else Path.cwd()
    by_path = {Path(u): u for u in urls}  # argparse made each address a Path
    fetched: list[Path] = []
    for i, article in enumerate(args.articles):
        url = by_path.get(article)
        if url is None:
            continue
        try:
            args.articles[i] = fetch_article(url, folder)
        except FetchError as exc:
            for path in fetched:  # nothing stays behind when one of them fails
                path.unlink(missing_ok=True)
            print(f"quizapp: {exc}", file=sys.stderr)
            return False
        fetched.append(args.articles[i])
        print(f"{url}: saved as {args.articles[i]}", file=sys.stderr)
    return True


def cmd_validate(args: argparse.Namespace) -> int:
    from quizapp.core.bank import check_paths

    checks = check_paths(args.paths)
    if not checks:
        print("quizapp: no bank files (.yaml) found in " +
              ", ".join(str(p) for p in args.paths), file=sys.stderr)
        return 1
    bad = 0
    questions = 0
    for check in checks:
        for problem in check.problems:
            print(problem, file=sys.stderr)
        if check.loaded is None:
            bad += 1
        else:
            questions += len(check.loaded.bank.questions)
    banks = f"{len(checks)} bank{'s' if len(checks) != 1 else ''}"
    if bad:
        errors = sum(len(c.errors) for c in checks)
        print(f"{banks}: {bad} with errors ({errors} error{'s' if errors != 1 else ''})",
              file=sys.stderr)
        return 1
    print(f"{banks}, {questions} question{'s' if questions != 1 else ''}: OK")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from quizapp.core.schema import bank_json_schema

    print(json.dumps(bank_json_schema(), indent=2, ensure_ascii=False))
    return 0


def open_app(args: argparse.Namespace) -> int:
    try:
        from quizapp.gui.app import run_app
    except ImportError as exc:  # the GUI is not there yet, or Qt is missing
        print(f"quizapp: the app cannot start: {exc}", file=sys.stderr)
        return 1
    return run_app(banks=args.banks, data_dir=args.data_dir)
