"""`quizapp export` and `quizapp import`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizapp.core.errors import Problem, QuizappError


def add_format_parsers(sub: argparse._SubParsersAction) -> None:
    """Register the export and import subcommands."""
    from quizapp.formats import EXPORT_FORMATS, IMPORT_FORMATS, PAPER_SIZES

    names = ", ".join(f"{f.name} ({f.suffix})" for f in EXPORT_FORMATS.values())
    p = sub.add_parser("export", help="export a bank to GIFT, Moodle XML, CSV, Anki or PDF",
                       description=f"Export a bank. Formats: {names}. A PDF export writes the "
                       "worksheet to OUT and its answer key to OUT-answers.pdf.")
    p.add_argument("bank", type=Path, metavar="BANK", help="the bank file (.yaml)")
    p.add_argument("--format", "-f", choices=list(EXPORT_FORMATS), dest="fmt",
                   help="the format (default: from the suffix of OUT)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help="the file to write")
    p.add_argument("--paper", choices=PAPER_SIZES, default="a4", help="paper size for pdf (default: a4)")
    p.add_argument("--with-articles", action="store_true",
                   help="for pdf: print the text of the articles the questions cite after the questions")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("import", help="import GIFT, Moodle XML or Aiken questions into a new bank",
                       description="Read multiple choice, true/false and numerical questions from a "
                       "GIFT or Moodle XML file, or multiple choice questions from an Aiken file, and "
                       "write a bank. Imported questions have no citation yet: add `cite:` to each.")
    p.add_argument("file", type=Path, metavar="FILE", help="the GIFT (.gift, .txt), Moodle XML (.xml) "
                   "or Aiken (.aiken, .txt) file")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="BANK.yaml", help="the bank to write")
    p.add_argument("--format", "-f", choices=list(IMPORT_FORMATS), dest="fmt",
                   help="the format of FILE (default: from its suffix and content)")
    p.add_argument("--force", action="store_true", help="replace BANK.yaml if it exists")
    p.add_argument("--skip-unsupported", action="store_true",
                   help="leave out questions quizapp cannot ask (essay, short answer, matching, "
                   "multiple-answer, descriptions) instead of stopping")
    p.set_defaults(run=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    """`quizapp export`: load the bank, write the format, name the files written."""
    from quizapp.core.bank import load_bank
    from quizapp.core.giveaways import describe, giveaways
    from quizapp.formats import EXPORT_FORMATS, export_bank, format_for_suffix

    fmt = args.fmt or format_for_suffix(args.output)
    if fmt is None:
        suffixes = ", ".join(f.suffix for f in EXPORT_FORMATS.values())
        print(f"quizapp: cannot tell the format from `{args.output.name}`: give --format or end "
              f"the name with one of {suffixes}", file=sys.stderr)
        return 2
    if args.with_articles and fmt != "pdf":
        print(f"quizapp: --with-articles is for a pdf worksheet, not {EXPORT_FORMATS[fmt].display_name}",
              file=sys.stderr)
        return 2
    if _folder_missing(args.output):
        return 1
    try:
        loaded = load_bank(args.bank)
        for line in describe(loaded, giveaways(loaded)):  # written all the same: the teacher decides
            print(f"{args.bank}: warning: {line[:1].lower()}{line[1:]}", file=sys.stderr)
        options = {"paper": args.paper, "with_articles": args.with_articles} if fmt == "pdf" else {}
        written = export_bank(loaded, fmt, args.output, **options)
    except QuizappError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"quizapp: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{_questions(len(loaded.bank.questions))} exported to " + ", ".join(str(p) for p in written))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """`quizapp import`: read GIFT, Moodle XML or Aiken, write a new bank; nothing is written on errors."""
    from quizapp.formats import ImportProblems, import_bank_file, save_imported_bank

    if args.output.suffix.lower() not in (".yaml", ".yml"):
        print(f"quizapp: the bank `{args.output}` must end in .yaml, as quizapp looks for banks by it",
              file=sys.stderr)
        return 2
    if _folder_missing(args.output):
        return 1
    if args.output.exists() and not args.force:
        print(f"quizapp: `{args.output}` exists: choose another name or give --force to replace it",
              file=sys.stderr)
        return 1
    skipped: list[Problem] | None = [] if args.skip_unsupported else None
    try:
        bank = import_bank_file(args.file, args.fmt, skipped=skipped)
        save_imported_bank(bank, args.output)
    except ImportProblems as exc:
        print(exc, file=sys.stderr)
        if exc.unsupported and len(exc.unsupported) == len(exc.problems):
            print(f"quizapp: to import the other questions and leave out these "
                  f"{len(exc.unsupported)}, add --skip-unsupported", file=sys.stderr)
        return 1
    except QuizappError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"quizapp: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for problem in skipped or []:
        print(problem, file=sys.stderr)
    print(f"{_questions(len(bank.questions))} imported to {args.output}"
          f"{f' ({len(skipped)} skipped)' if skipped else ''}; they have no citations "
          "yet: add `cite:` to each (`quizapp validate` lists them)")
    return 0


def _folder_missing(output: Path) -> bool:
    """True, having said so, when the folder `output` would go into does not exist."""
    if output.parent.is_dir():
        return False
    print(f"quizapp: the folder `{output.parent}` does not exist", file=sys.stderr)
    return True


def _questions(n: int) -> str:
    return f"{n} question{'s' if n != 1 else ''}"
