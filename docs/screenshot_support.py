"""What the screenshot scripts share: a sandbox for data and settings, and saving PNGs."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def use_sandbox(folder: Path) -> None:
    """Point quizapp's data folder and Qt's settings into `folder`, never the user's own."""
    from PySide6.QtCore import QSettings

    os.environ["QUIZAPP_DATA_DIR"] = str(folder / "data")
    (folder / "data").mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))


def fresh_sandbox(name: str) -> Path:
    """An emptied folder `name` in the temp folder, used as the sandbox (fixed, so the paths shown stay the same)."""
    import shutil
    import tempfile

    folder = Path(tempfile.gettempdir()) / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    use_sandbox(folder)
    return folder


class Shooter:
    """Grabs widgets into docs/screenshots/ (atomically) and remembers what it wrote."""

    def __init__(self, out: Path = OUT) -> None:
        self.out = out
        self.written: list[Path] = []
        out.mkdir(parents=True, exist_ok=True)

    def settle(self) -> None:
        from PySide6.QtWidgets import QApplication

        for _ in range(5):
            QApplication.processEvents()

    def save(self, widget: object, name: str) -> Path:
        from PySide6.QtCore import QBuffer, QIODevice

        from quizapp.core.atomic import write_bytes_atomic

        self.settle()
        buf = QBuffer()
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        widget.grab().save(buf, "PNG")  # type: ignore[attr-defined]
        path = self.out / f"{name}.png"
        write_bytes_atomic(path, bytes(buf.data()))
        self.written.append(path)
        return path

    def wait_for(self, condition: Callable[[], bool], tries: int = 12_000) -> None:
        from PySide6.QtWidgets import QApplication

        for _ in range(tries):
            if condition():
                return
            QApplication.processEvents()
            QApplication.instance().thread().msleep(5)
        raise RuntimeError("the app did not get there")
