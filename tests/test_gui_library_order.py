"""The first bank a student sees is a reviewed one; a generated bank not yet reviewed is marked a draft."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from quizapp.core.bank import load_bank
from quizapp.core.model import is_draft

REVIEWED = "French helicopter collision in Mali"


def test_bundled_reviewed_banks_come_first_and_drafts_are_marked(
        qtbot: QtBot, settings_dir: Path, data_dir: Path, bank_file: Path, tmp_path: Path) -> None:
    from quizapp.gui.app import create_app
    from quizapp.gui.library import remember_banks
    from quizapp.gui.main_window import MainWindow

    bundled = bank_file.parent  # the checkout's questions/: the hand-written bank and the generator's
    generated = bundled / "mali-helicopter-collision.generated.yaml"
    assert is_draft(load_bank(generated).bank) and not is_draft(load_bank(bank_file).bank)
    opened = tmp_path / "opened"  # beside questions/, so that its ../seeds/ is the same article
    opened.mkdir()
    (opened / "mine.yaml").write_text(bank_file.read_text(encoding="utf-8")
                                      .replace(f"title: {REVIEWED}", "title: My own bank"), encoding="utf-8")

    create_app()
    remember_banks([opened / "mine.yaml"])  # opened before (one given on the command line would be selected)
    window = MainWindow(data_dir=data_dir, bundled_dir=bundled)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.library.loaded):
        window.library.refresh()
    items = [window.library.list.item(i).text() for i in range(window.library.list.count())]
    assert [t.splitlines()[0] for t in items] == [REVIEWED, "My own bank", "Draft: Mali helicopter collision"]
    assert items[2].splitlines()[1].startswith("Generated, not reviewed yet · ")
    # The reviewed bundled bank is the one selected, and Enter would start it.
    assert window.library.current_check().path == bank_file
