"""The editor's bar for the bank's articles that cannot be read: point each at its file, or remove it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from quizapp.gui.reflow import WrappingRow
from quizapp.gui.widgets import ErrorLabel


@dataclass(frozen=True)
class BrokenSource:
    """A source whose article cannot be read, and whether a question cites it."""

    key: str
    message: str  # "harbour.html was not found (looked for /banks/harbour.html)."
    cited_by: tuple[int, ...]  # question numbers


class SourceRepairs(QFrame):
    """One line per article that cannot be read, with Locate… (a file dialog) and, for an article no
    question cites, Remove. A bank with such an article cannot start; without this the only fix was
    its YAML text."""

    locate = Signal(str)  # source key
    remove = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceRepairs")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A thin red over whatever the theme's window is, like the form's box of unknown keys.
        self.setStyleSheet("#sourceRepairs { background: rgba(198, 40, 40, 0.12); }")
        self._layout = QVBoxLayout(self)
        self._shown: list[BrokenSource] = []
        self.buttons: dict[str, list[QPushButton]] = {}
        self.hide()

    def show_sources(self, broken: list[BrokenSource]) -> None:
        """List `broken` (hide when empty); unchanged, nothing is rebuilt (a button keeps the focus)."""
        if broken == self._shown:
            return
        self._shown = list(broken)
        while self._layout.count():
            self._layout.takeAt(0).widget().deleteLater()
        self.buttons = {}
        for src in broken:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(ErrorLabel("⚠ " + src.message), 1)
            buttons = WrappingRow()
            # Alt+L and Alt+V: every other letter of the two was taken in the editor, so the Article tab
            # gave its L (it is Ar&ticle) and the Preview tab its V (Previe&w); with several articles to
            # locate, Alt+L goes from one Locate… to the next, and Space presses it.
            locate = QPushButton("&Locate…")
            locate.setAccessibleName(f"Locate the article of {src.key}")
            locate.setToolTip("Choose the article's file where it is now; the citations are checked in it")
            locate.clicked.connect(lambda _c=False, k=src.key: self.locate.emit(k))
            buttons.add(locate)
            made = [locate]
            if not src.cited_by:
                remove = QPushButton("Remo&ve")
                remove.setAccessibleName(f"Remove the source {src.key}")
                remove.setToolTip("No question cites this article: remove it from the bank")
                remove.clicked.connect(lambda _c=False, k=src.key: self.remove.emit(k))
                buttons.add(remove)
                made.append(remove)
            line.addWidget(buttons, 0, Qt.AlignmentFlag.AlignTop)
            self._layout.addWidget(row)
            self.buttons[src.key] = made
        self.setVisible(bool(broken))

    def focus_source(self, key: str) -> bool:
        """Put the focus on the Locate… button of source `key`; False when it has none."""
        buttons = self.buttons.get(key)
        if not buttons:
            return False
        buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
        return True
