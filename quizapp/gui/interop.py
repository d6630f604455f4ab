"""File > Export and File > Import: the formats of quizapp.formats behind two dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyle,
    QWidget,
)

from quizapp.core.bank import LoadedBank
from quizapp.gui.problems_box import ProblemsBox
from quizapp.gui.tasks import error_text, run_task
from quizapp.gui.widgets import make_room_for_title

if TYPE_CHECKING:
    from quizapp.core.giveaways import Giveaway

MAX_LISTED = 12  # questions named in the warning of an export; the others are counted
PAPER_NAMES = {"a4": "A4 (210 × 297 mm)", "letter": "Letter (8.5 × 11 in)"}


class ExportFileDialog(QFileDialog):
    """The save dialog of File > Export: the file, its format, and for a PDF worksheet its paper size and
    whether it prints the articles after the questions.

    The paper size sits under the file type, shown while the type is PDF, as a save dialog shows a
    format's options; a native dialog takes no such row, so this one is Qt's own. The type follows the
    name typed: "mali.pdf" is a PDF worksheet whatever type was chosen (the export goes by the name), so
    its paper size shows.
    """

    def __init__(self, parent: QWidget, loaded: LoadedBank, *, fmt: str, folder: Path, paper: str,
                 with_articles: bool = False) -> None:
        from quizapp.formats import EXPORT_FORMATS, PAPER_SIZES, suggested_file_name

        super().__init__(parent, f"Export “{loaded.title}”", str(folder / suggested_file_name(loaded, fmt)))
        self.setOption(QFileDialog.Option.DontUseNativeDialog)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setFileMode(QFileDialog.FileMode.AnyFile)
        self._formats = {f.file_filter: name for name, f in EXPORT_FORMATS.items()}
        self.setNameFilters(list(self._formats))
        self.selectNameFilter(EXPORT_FORMATS[fmt].file_filter)
        self.paper_box = QComboBox()
        for name in PAPER_SIZES:
            self.paper_box.addItem(PAPER_NAMES.get(name, name), name)
        self.paper_box.setCurrentIndex(max(self.paper_box.findData(paper), 0))
        self.paper_box.setAccessibleName("Paper size of the worksheet")
        self.paper_label = QLabel("&Paper size:")
        self.paper_label.setBuddy(self.paper_box)
        # Every question asks "according to the article": on paper, the article goes with them (off by default:
        # a class may have it already, and it takes pages).
        self.articles_box = QCheckBox("Print the &articles after the questions")
        self.articles_box.setChecked(with_articles)
        self.articles_box.setToolTip("The text of each article the questions cite, from a new page after them")
        grid = self.layout()
        if isinstance(grid, QGridLayout):  # Qt's dialog: a grid with the file name and type at the bottom
            row = grid.rowCount()
            grid.addWidget(self.paper_label, row, 0)
            grid.addWidget(self.paper_box, row, 1)
            grid.addWidget(self.articles_box, row + 1, 1)
        self.filterSelected.connect(self._show_paper)
        self._show_paper(self.selectedNameFilter())
        name_field = self.findChild(QLineEdit, "fileNameEdit")  # Qt's own dialog names its file name field
        if name_field is not None:
            name_field.textEdited.connect(self._follow_name)

    def chosen_format(self) -> str:
        """The format of the selected file type."""
        return self._formats.get(self.selectedNameFilter(), "gift")

    def chosen_paper(self) -> str:
        return str(self.paper_box.currentData())

    def chosen_with_articles(self) -> bool:
        return self.articles_box.isChecked()

    def _follow_name(self, name: str) -> None:
        """Select the file type of the name's extension, if it is one of the formats'."""
        from quizapp.formats import EXPORT_FORMATS, format_for_suffix

        fmt = format_for_suffix(name.strip())
        if fmt is not None and fmt != self.chosen_format():
            self.selectNameFilter(EXPORT_FORMATS[fmt].file_filter)
            self._show_paper(self.selectedNameFilter())

    def _show_paper(self, name_filter: str) -> None:
        pdf = self._formats.get(name_filter) == "pdf"
        for widget in (self.paper_label, self.paper_box, self.articles_box):
            widget.setVisible(pdf)


def export_bank_dialog(parent: QWidget, loaded: LoadedBank) -> None:
    """Ask for a file and a format (for PDF a paper size, and whether to print the articles), then check and
    export the bank off the GUI thread."""
    from quizapp.formats import EXPORT_FORMATS, PAPER_SIZES, format_for_suffix
    from quizapp.formats.pdf import default_paper

    settings = QSettings()
    last = str(settings.value("export/format", "gift"))
    if last not in EXPORT_FORMATS:
        last = "gift"
    paper = str(settings.value("export/paper", "")) or default_paper()  # as the system measures paper
    if paper not in PAPER_SIZES:
        paper = default_paper()
    folder = Path(str(settings.value("export/dir", str(Path.home()))))
    with_articles = str(settings.value("export/with_articles", "false")).lower() == "true"
    dialog = ExportFileDialog(parent, loaded, fmt=last, folder=folder, paper=paper, with_articles=with_articles)
    if not dialog.exec() or not dialog.selectedFiles():
        return
    path = dialog.selectedFiles()[0]
    fmt = format_for_suffix(path) or dialog.chosen_format()
    out = Path(path)
    if out.suffix.lower() != EXPORT_FORMATS[fmt].suffix:
        out = out.with_name(out.name + EXPORT_FORMATS[fmt].suffix)
    settings.setValue("export/format", fmt)
    settings.setValue("export/dir", str(out.parent))
    options: dict[str, object] = {}
    if fmt == "pdf":
        options["paper"] = dialog.chosen_paper()
        options["with_articles"] = dialog.chosen_with_articles()
        settings.setValue("export/paper", options["paper"])
        settings.setValue("export/with_articles", options["with_articles"])
    export_checked(parent, loaded, fmt=fmt, out=out, options=options)


def export_checked(parent: QWidget, loaded: LoadedBank, *, fmt: str, out: Path, options: dict[str, object]) -> None:
    """Look for questions that give each other away, off the GUI thread (a large bank takes seconds: progress
    and Cancel, which drops the export), ask about any, then export."""
    from quizapp.core.giveaways import giveaways
    from quizapp.formats import EXPORT_FORMATS

    def export(found: list[Giveaway]) -> None:
        if found and not giveaways_accepted(parent, loaded, found):
            return
        run_task(lambda task: export_bank(loaded, fmt, out, **options), parent=parent,
                 title="Export", label=f"Exporting to {EXPORT_FORMATS[fmt].display_name}…",
                 on_success=lambda paths: report_exported(parent, paths), cancellable=False)

    run_task(lambda task: giveaways(loaded, progress=task.report), parent=parent, title="Export",
             label="Looking for questions that give each other away…", on_success=export)


def giveaways_accepted(parent: QWidget, loaded: LoadedBank, found: list[Giveaway]) -> bool:
    """True when the teacher, told which questions show another's answer, chooses to export all the same."""
    from quizapp.core.giveaways import describe

    lines = describe(loaded, found[:MAX_LISTED])  # the others are counted, not described
    more = len(found) - len(lines)
    shown = lines + ([f"… and {more} more"] if more else [])
    box = ProblemsBox(parent, icon=QStyle.StandardPixmap.SP_MessageBoxWarning, title="Questions give each other away",
                      text="Some questions show the answer of another: a student who has both before them can "
                      "copy it.", problems=["• " + line for line in shown],
                      list_name="Questions that give each other away",
                      question="Export all the same, or cancel and change one of each pair in the bank editor?",
                      buttons=QDialogButtonBox.StandardButton.Cancel,
                      default=QDialogButtonBox.StandardButton.Cancel)  # Enter does not skip the warning
    box.buttons.addButton("&Export anyway", QDialogButtonBox.ButtonRole.AcceptRole)
    return box.exec() == QDialog.DialogCode.Accepted


def report_exported(parent: QWidget, paths: list[Path]) -> QMessageBox:
    """Say which files an export wrote, in a box that Enter or Esc closes (it does not wait for it)."""
    names = "\n".join(str(p) for p in paths)
    box = QMessageBox(QMessageBox.Icon.Information, "Exported", f"Wrote:\n{names}",
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    make_room_for_title(box)  # "Wrote: /tmp/q.csv" is narrower than the title
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def export_bank(loaded: LoadedBank, fmt: str, out: Path, **options: object) -> list[Path]:
    """Export on a worker thread (the formats package loads lazily)."""
    from quizapp.formats import export_bank as run_export

    return run_export(loaded, fmt, out, **options)


def import_bank_dialog(parent: QWidget, source: Path | None = None) -> tuple[Path, Path] | None:
    """Ask for a GIFT, Moodle XML or Aiken file (unless given: a file dropped on the library) and where to save
    the bank; return the file imported and the new bank's path."""
    from quizapp.formats import (
        IMPORT_FILE_FILTER,
        ImportProblems,
        NotImportable,
        import_bank_file,
        save_imported_bank,
    )

    settings = QSettings()
    if source is None:
        folder = str(settings.value("import/dir", str(Path.home())))
        chosen, _ = QFileDialog.getOpenFileName(parent, "Import questions", folder,
                                                f"{IMPORT_FILE_FILTER};;All files (*)")
        if not chosen:
            return None
        source = Path(chosen)
        settings.setValue("import/dir", str(source.parent))
    skipped: list = []
    try:
        bank = import_bank_file(source)
    except NotImportable as exc:  # nothing in it to fix: say what can be imported
        QMessageBox.warning(parent, "Cannot import this file", f"{source.name}: {exc.problems[0].message}.")
        return None
    except ImportProblems as exc:
        if exc.unsupported and len(exc.unsupported) == len(exc.problems):
            box = ProblemsBox(parent, icon=QStyle.StandardPixmap.SP_MessageBoxQuestion,
                              title="Some questions cannot be imported",
                              text=f"{len(exc.unsupported)} question(s) are of a kind quizapp cannot ask:",
                              problems=_listing(exc.unsupported), list_name="Questions quizapp cannot ask",
                              question="Import the others?",
                              buttons=QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No,
                              default=QDialogButtonBox.StandardButton.Yes)
            if box.exec() != QDialog.DialogCode.Accepted:
                return None
            try:
                bank = import_bank_file(source, skipped=skipped)
            except ImportProblems as again:
                _show_problems(parent, source, again)
                return None
        else:
            _show_problems(parent, source, exc)
            return None
    default = source.with_suffix(".yaml")
    target, _ = QFileDialog.getSaveFileName(parent, "Save the imported bank as", str(default),
                                            "Question banks (*.yaml)")
    if not target:
        return None
    if not target.endswith((".yaml", ".yml")):
        target += ".yaml"
    try:
        save_imported_bank(bank, target)
    except (ImportProblems, OSError) as exc:
        QMessageBox.warning(parent, "Could not save", error_text(exc))
        return None
    return source, Path(target)


def _listing(problems: list) -> list[str]:
    # The box names the file: each problem by its line, as an editor shows it ("Line 7: ...").
    return [f"Line {p.line}: {p.message}" if p.line else p.message[:1].upper() + p.message[1:] for p in problems]


def _show_problems(parent: QWidget, source: Path, exc: Exception) -> None:
    box = ProblemsBox(parent, icon=QStyle.StandardPixmap.SP_MessageBoxWarning, title="Nothing imported",
                      text=f"{Path(source).name} has problems, so nothing was imported. Fix them and import again:",
                      problems=_listing(getattr(exc, "problems", [])), list_name="Problems")
    box.exec()
