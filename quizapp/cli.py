"""The `quizapp` command: without a command it opens the app (on the bank files given); commands work on
bank files."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from quizapp import __version__
from quizapp.paths import BANK_SUFFIXES


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    app_only = _app_only_args(argv)
    if app_only is not None:
        args, rest = app_only
        if not rest:  # no command: open the app without loading the generator and formats
            return open_app(args)
        argv = rest  # with --help, --version or an option quizapp does not know: the full parser answers that
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return open_app(args)
    try:
        if args.command == "generate" and not fetch_urls(args, argv):
            return 1
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1


# The commands' names, known without building the full parser (which loads the generator and the formats): an
# argument that is not one of them is a bank file to open. A bank file named like a command (a file called
# `history`) is taken for the command; `quizapp ./history` opens it. tests/test_cli.py checks the list.
COMMANDS = frozenset({"validate", "schema", "generate", "export", "import", "history", "desktop-entry"})
USAGE = "quizapp [-h] [--version] [--data-dir DIR] [BANK.yaml ...]\n       quizapp [--data-dir DIR] COMMAND ..."


class _NotAppOnly(Exception):
    pass


class _AppArgumentParser(argparse.ArgumentParser):
    """Parses the options of the app alone; anything else is left to the full parser and its messages."""

    def error(self, message: str) -> NoReturn:
        raise _NotAppOnly(message)


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="folder for history and settings "
                        "(default: the user data folder and settings; also QUIZAPP_DATA_DIR)")
    parser.set_defaults(command=None)


def _app_only_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]] | None:
    """When the arguments name no command: the app's options and bank files, and the arguments left that only
    the full parser knows (--help, --version, a mistyped option); else None."""
    parser = _AppArgumentParser(prog="quizapp", add_help=False)
    _add_app_options(parser)
    parser.add_argument("banks", nargs="*")  # strings: "./history" is a file, where Path("./history") is "history"
    try:
        args, rest = parser.parse_known_intermixed_args(argv)
    except _NotAppOnly:
        return None
    if args.banks and args.banks[0] in COMMANDS:
        return None
    args.banks = [Path(p) for p in args.banks]
    return args, rest


def bank_files(paths: list[Path]) -> list[Path]:
    """The bank files among `paths`, to open in the app; says on stderr why each of the others is not opened."""
    banks: list[Path] = []
    for i, path in enumerate(paths):
        if not path.exists():
            problem = "no such file"
            if i == 0 and path.suffix.lower() not in BANK_SUFFIXES and str(path) == path.name:  # a mistyped command?
                import difflib  # (only here: not at every start)

                close = difflib.get_close_matches(path.name, sorted(COMMANDS), n=1)
                problem += (f", nor a command: did you mean {close[0]}?" if close
                            else ", nor a command (quizapp --help lists them)")
        elif path.is_dir():
            problem = "a folder, not a bank file (.yaml or .yml)"
        elif path.suffix.lower() not in BANK_SUFFIXES:
            problem = "not a bank file (.yaml or .yml)"
        else:
            banks.append(path)
            continue
        print(f"quizapp: {path}: {problem}", file=sys.stderr)
    return banks


class _CommandsFormatter(argparse.HelpFormatter):
    """argparse's help, with each command's help beside its name: argparse measures the commands one indent
    short, so the longest ("desktop-entry") had its help pushed to a line of its own."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        names = getattr(action, "choices", None)
        if action.help is argparse.SUPPRESS or not isinstance(names, dict):
            return
        longest = max((len(name) for name in names), default=0) + self._current_indent + self._indent_increment
        self._action_max_length = max(self._action_max_length, longest)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand (this imports the generator's and the formats' commands)."""
    parser = argparse.ArgumentParser(
        prog="quizapp", usage=USAGE, description="Fact-checking quizzes from news articles. "
        "Without a command, opens the app; the bank files given (BANK.yaml ...) are listed in its library, "
        "the first one selected.",
        formatter_class=_CommandsFormatter)
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    _add_app_options(parser)
    parser.set_defaults(banks=[])
    # (a command's usage line starts "quizapp [--data-dir DIR] generate", not with the app's own two lines)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="quizapp [--data-dir DIR]")

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
    from quizapp.desktop_entry import add_desktop_entry_parser

    add_desktop_entry_parser(sub)
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
    """Open the app on the bank files given (those that are bank files); exit code 1 when none of them is."""
    banks = bank_files(args.banks)
    if args.banks and not banks:
        return 1
    try:
        from quizapp.gui.app import run_app
    except ImportError as exc:  # the GUI is not there yet, or Qt is missing
        print(f"quizapp: the app cannot start: {exc}", file=sys.stderr)
        return 1
    return run_app(banks=banks, data_dir=args.data_dir)
