"""`quizapp export` and `quizapp import`."""

from __future__ import annotations

import argparse


def add_format_parsers(sub: argparse._SubParsersAction) -> None:
    """Register the export and import subcommands (filled in by the interop work)."""
