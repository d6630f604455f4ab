"""File > Export and File > Import: the formats of quizapp.formats behind two dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from quizapp.core.bank import LoadedBank
from quizapp.gui.tasks import run_task


def export_bank_dialog(parent: QWidget, loaded: LoadedBank) -> None:
    """Ask for a file and a format, then export the bank off the GUI thread."""
    from quizapp.formats import EXPORT_FORMATS, format_for_suffix, suggested_file_name

    settings = QSettings()
    last = str(settings.value("export/format", "gift"))
    if last not in EXPORT_FORMATS:
        last = "gift"
    filters = [f.file_filter for f in EXPORT_FORMATS.values()]
    folder = Path(str(settings.value("export/dir", str(Path.home()))))
    path, chosen = QFileDialog.getSaveFileName(
        parent, f"Export “{loaded.title}”", str(folder / suggested_file_name(loaded, last)),
        ";;".join(filters), EXPORT_FORMATS[last].file_filter)
    if not path:
        return
    fmt = next((name for name, f in EXPORT_FORMATS.items() if f.file_filter == chosen), None)
    fmt = format_for_suffix(path) or fmt or last
    out = Path(path)
    if out.suffix.lower() != EXPORT_FORMATS[fmt].suffix:
        out = out.with_name(out.name + EXPORT_FORMATS[fmt].suffix)
    settings.setValue("export/format", fmt)
    settings.setValue("export/dir", str(out.parent))
    options: dict[str, object] = {}
    if fmt == "pdf":
        from quizapp.formats.pdf import default_paper

        options["paper"] = default_paper()

    run_task(lambda task: export_bank(loaded, fmt, out, **options), parent=parent,
             title=f"Exporting to {EXPORT_FORMATS[fmt].display_name}",
             on_success=lambda paths: report_exported(parent, paths), cancellable=False)


def report_exported(parent: QWidget, paths: list[Path]) -> QMessageBox:
    """Say which files an export wrote, in a box that Enter or Esc closes (it does not wait for it)."""
    names = "\n".join(str(p) for p in paths)
    box = QMessageBox(QMessageBox.Icon.Information, "Exported", f"Wrote:\n{names}",
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def export_bank(loaded: LoadedBank, fmt: str, out: Path, **options: object) -> list[Path]:
    """Export on a worker thread (the formats package loads lazily)."""
    from quizapp.formats import export_bank as run_export

    return run_export(loaded, fmt, out, **options)


def import_bank_dialog(parent: QWidget) -> Path | None:
    """Ask for a GIFT, Moodle XML or Aiken file and where to save the bank; return the new bank's path."""
    from quizapp.formats import IMPORT_FILE_FILTER, ImportProblems, import_bank_file, save_imported_bank

    settings = QSettings()
    folder = str(settings.value("import/dir", str(Path.home())))
    source, _ = QFileDialog.getOpenFileName(parent, "Import questions", folder,
                                            f"{IMPORT_FILE_FILTER};;All files (*)")
    if not source:
        return None
    settings.setValue("import/dir", str(Path(source).parent))
    skipped: list = []
    try:
        bank = import_bank_file(source)
    except ImportProblems as exc:
        if exc.unsupported and len(exc.unsupported) == len(exc.problems):
            answer = QMessageBox.question(
                parent, "Some questions cannot be imported",
                f"{len(exc.unsupported)} question(s) are of a kind quizapp cannot ask:\n\n"
                + _listing(exc.unsupported) + "\n\nImport the others?")
            if answer != QMessageBox.StandardButton.Yes:
                return None
            try:
                bank = import_bank_file(source, skipped=skipped)
            except ImportProblems as again:
                _show_problems(parent, source, again)
                return None
        else:
            _show_problems(parent, source, exc)
            return None
    default = Path(source).with_suffix(".yaml")
    target, _ = QFileDialog.getSaveFileName(parent, "Save the imported bank as", str(default),
                                            "Question banks (*.yaml)")
    if not target:
        return None
    if not target.endswith((".yaml", ".yml")):
        target += ".yaml"
    try:
        save_imported_bank(bank, target)
    except (ImportProblems, OSError) as exc:
        QMessageBox.warning(parent, "Could not save", str(exc))
        return None
    return Path(target)


def _listing(problems: list) -> str:
    lines = [str(p) for p in problems[:12]]
    if len(problems) > 12:
        lines.append(f"… and {len(problems) - 12} more")
    return "\n".join(lines)


def _show_problems(parent: QWidget, source: str, exc: Exception) -> None:
    problems = getattr(exc, "problems", [])
    QMessageBox.warning(parent, "Nothing imported",
                        f"{Path(source).name} has problems, so nothing was imported. Fix them and "
                        "import again:\n\n" + _listing(problems))
