"""In the bank editor's Wrong answers, one answer a line: a long one wraps, and its lines after the first are
indented under its first words, so that it reads as one answer and not as two; the text typed, pasted and
stored is still one answer a line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QApplication

from tests.conftest import SEED, alt, key
from tests.test_gui_editor_problems import open_shown
from tests.test_gui_long_options import BANK, WRONG

CTRL = Qt.KeyboardModifier.ControlModifier
MORE = "A collision of a Tiger and a Cougar killed 31 French soldiers in a daytime operation in Niger, the army said"


@pytest.fixture
def long_options_bank(tmp_path: Path) -> Path:
    shutil.copy(SEED, tmp_path / "mali.txt")
    path = tmp_path / "bank.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def hangs(block: QTextBlock) -> bool:
    """The paragraph is laid out on more than one line, each after the first starting further right than it."""
    block.document().documentLayout().blockBoundingRect(block)  # (laid out at the box's width)
    lines = block.layout()
    first = lines.lineAt(0).x()
    return lines.lineCount() > 1 and all(lines.lineAt(n).x() > first for n in range(1, lines.lineCount()))


def paragraphs(field) -> list[QTextBlock]:  # type: ignore[no-untyped-def]
    document = field.document()
    return [document.findBlockByNumber(n) for n in range(document.blockCount())]


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)], ids=["1280x800", "800x600"])
def test_a_wrapped_wrong_answer_reads_as_one(qtbot, long_options_bank: Path, size: tuple[int, int]) -> None:
    editor = open_shown(qtbot, long_options_bank)
    editor.resize(*size)
    alt(qtbot, "o")  # Wr&ong answers
    field = QApplication.focusWidget()
    assert field.toPlainText() == "\n".join(WRONG)
    # Each long answer wraps, and goes on indented: three answers, not six.
    assert [block.text() for block in paragraphs(field)] == WRONG
    qtbot.waitUntil(lambda: all(hangs(block) for block in paragraphs(field)))

    # A new answer typed on a new line hangs as the others do, and is stored as one more answer.
    key(qtbot, Qt.Key.Key_End, CTRL)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(field, MORE)
    assert editor.draft.question(0)["distractors"] == [*WRONG, MORE]
    assert hangs(paragraphs(field)[-1])
    # So do pasted lines: each an answer.
    QApplication.clipboard().setText(f"\n{MORE} (in Mali)\n{MORE} (in Chad)")
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert editor.draft.question(0)["distractors"] == [*WRONG, MORE, f"{MORE} (in Mali)", f"{MORE} (in Chad)"]
    assert all(hangs(block) for block in paragraphs(field))
    assert QApplication.focusWidget() is field
