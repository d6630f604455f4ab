"""Exports to and imports from the tools teachers already use.

    from quizapp.formats import EXPORT_FORMATS, export_bank, import_bank_file
    written = export_bank(loaded, "gift", Path("quiz.gift"))   # -> [Path("quiz.gift")]
    bank = import_bank_file(Path("old.gift"))                  # -> Bank, or ImportProblems
    loaded = save_imported_bank(bank, Path("old.yaml"))        # checked, then written atomically

Each format module is imported only when used (Qt for PDF, genanki for Anki).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizapp.core.errors import QuizappError

if TYPE_CHECKING:
    from quizapp.core.bank import LoadedBank
    from quizapp.formats.importing import (
        ImportProblems,
        NotImportable,
        detect_format,
        import_bank_file,
        save_imported_bank,
    )

# Kept light: `quizapp` builds its command line from this module at every start, so
# pydantic, YAML and the format modules load only when an import or export runs.
_LAZY = {name: "quizapp.formats.importing" for name in
         ("ImportProblems", "NotImportable", "detect_format", "import_bank_file", "save_imported_bank")}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "EXPORT_FORMATS",
    "IMPORTABLE",
    "IMPORT_FILE_FILTER",
    "IMPORT_FORMATS",
    "IMPORT_ONLY_SUFFIXES",
    "IMPORT_SUFFIXES",
    "PAPER_SIZES",
    "ExportError",
    "ExportFormat",
    "ImportProblems",
    "NotImportable",
    "detect_format",
    "export_bank",
    "format_for_suffix",
    "import_bank_file",
    "save_imported_bank",
    "suggested_file_name",
]


class ExportError(QuizappError):
    """An export the user asked for cannot be made (the message says why)."""


@dataclass(frozen=True)
class ExportFormat:
    """An export: its CLI name, the name shown in menus, its file suffix and what it writes."""

    name: str
    display_name: str
    suffix: str
    function: str  # "module:function", imported on first use
    description: str

    @property
    def file_filter(self) -> str:
        """A Qt file dialog filter: `Moodle XML (*.xml)`."""
        return f"{self.display_name} (*{self.suffix})"


EXPORT_FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("gift", "Moodle GIFT", ".gift", "quizapp.formats.gift:export_gift",
                 "text for Moodle's question bank import"),
    ExportFormat("moodle-xml", "Moodle XML", ".xml", "quizapp.formats.moodle_xml:export_moodle_xml",
                 "Moodle XML question file"),
    ExportFormat("csv", "Spreadsheet (CSV)", ".csv", "quizapp.formats.csv_export:export_csv",
                 "one row per question, for LibreOffice or Excel"),
    ExportFormat("anki", "Anki deck", ".apkg", "quizapp.formats.anki:export_anki",
                 "an Anki package; re-importing updates the notes"),
    ExportFormat("pdf", "Printable worksheet (PDF)", ".pdf", "quizapp.formats.pdf:export_pdf",
                 "a worksheet and a separate answer key (NAME-answers.pdf)"),
)}
PAPER_SIZES = ("a4", "letter")
IMPORT_FORMATS = {"gift": "Moodle GIFT", "aiken": "Aiken", "moodle-xml": "Moodle XML"}
# The import format of a suffix; None: look at the text (GIFT or Aiken).
IMPORT_SUFFIXES: dict[str, str | None] = {".gift": "gift", ".aiken": "aiken", ".xml": "moodle-xml", ".txt": None}
IMPORT_FILE_FILTER = "Questions to import (*.gift *.aiken *.txt *.xml)"
IMPORTABLE = "GIFT (.gift, .txt), Aiken (.txt) and Moodle XML (.xml)"  # what a refused file is told
# Files that are only ever questions to import (a .txt is an article as often): a drop on the library imports them.
IMPORT_ONLY_SUFFIXES = (".gift", ".aiken", ".xml")


def format_for_suffix(path: str | Path) -> str | None:
    """The export format a file name asks for (`quiz.apkg` -> `anki`), or None."""
    suffix = Path(path).suffix.lower()
    return next((f.name for f in EXPORT_FORMATS.values() if f.suffix == suffix), None)


def suggested_file_name(loaded: LoadedBank, fmt: str) -> str:
    """A file name for a save dialog: the bank's file name with the format's suffix."""
    return loaded.path.stem + EXPORT_FORMATS[fmt].suffix


def export_bank(loaded: LoadedBank, fmt: str, out: str | Path, **options: object) -> list[Path]:
    """Export a loaded bank to `out` in format `fmt`; return the files written. A bank without questions is an
    ExportError, nothing written.

    Options: `paper="a4"|"letter"` and `with_articles=True` (the cited articles after the questions) for pdf.
    Every file is written atomically.
    """
    spec = EXPORT_FORMATS[fmt]
    out = Path(out)
    if not loaded.bank.questions:  # a valid bank all the same (Make the bank and ask my own saves one): no empty quiz
        raise ExportError(f"{loaded.path}: no questions yet: nothing to export")
    if out.resolve() == loaded.path.resolve():
        raise ExportError(f"{out}: this is the bank being exported: choose another file name")
    module_name, _, function_name = spec.function.partition(":")
    function = getattr(importlib.import_module(module_name), function_name)
    return function(loaded, out, **options)
