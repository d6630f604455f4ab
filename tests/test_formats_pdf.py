"""PDF worksheets and answer keys, read back with QtPdf: pages, paper sizes and text."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument

from quizapp.cli import main
from quizapp.core.bank import LoadedBank, load_bank, save_bank
from quizapp.core.model import ChoiceQuestion
from quizapp.formats import export_bank, import_bank_file
from quizapp.formats.content import answer_text, cited_sentences, shuffled_options
from quizapp.formats.pdf import option_letter
from quizapp.paths import bundled_banks_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when pytest-qt makes its QApplication
DATA = Path(__file__).parent / "data" / "formats"
BUNDLED = bundled_banks_dir() / "mali-helicopter-collision.yaml"
POINTS = {"a4": (595, 842), "letter": (612, 792)}


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(tmp_path_factory.mktemp("data")))


def read_pdf(path: Path) -> tuple[list[str], list[tuple[int, int]]]:
    """The text of each page (whitespace folded) and each page's size in points."""
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    try:
        pages = [" ".join(doc.getAllText(i).text().split()) for i in range(doc.pageCount())]
        sizes = [(round(doc.pagePointSize(i).width()), round(doc.pagePointSize(i).height()))
                 for i in range(doc.pageCount())]
    finally:
        doc.close()
    return pages, sizes


def fold(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_worksheet_and_key_of_the_bundled_bank(qapp, tmp_path: Path, paper: str) -> None:
    loaded = load_bank(BUNDLED)
    out = tmp_path / "mali.pdf"
    assert export_bank(loaded, "pdf", out, paper=paper) == [out, tmp_path / "mali-answers.pdf"]
    sheet, sheet_sizes = read_pdf(out)
    key, key_sizes = read_pdf(tmp_path / "mali-answers.pdf")
    assert set(sheet_sizes) == set(key_sizes) == {POINTS[paper]}
    for pages, kind in ((sheet, "Worksheet"), (key, "Answer key")):
        assert 2 <= len(pages) <= 8
        for n, text in enumerate(pages, start=1):
            assert f"{loaded.bank.title} · {kind}" in text
            assert f"Page {n} of {len(pages)}" in text
    assert sheet[0].startswith(f"{loaded.bank.title} Worksheet · 18 questions Source: Paquette, "
                               "mali-helicopter-collision.txt Name:")
    whole_sheet, whole_key = " ".join(sheet), " ".join(key)
    for number, q in enumerate(loaded.bank.questions, start=1):
        # A question and all its choices stand on one page, never split over two.
        [page] = [text for text in sheet if f"{number}. {fold(q.prompt)}" in text]
        if isinstance(q, ChoiceQuestion):
            for letter, option in zip("ABCD", shuffled_options(loaded, q), strict=False):
                assert f"☐ {letter}. {option}" in page
            right = "ABCD"[shuffled_options(loaded, q).index(q.answer)]
            assert f"{number}. {fold(q.prompt)} Answer: {right}. {q.answer}" in whole_key
        else:
            assert f"{number}. {fold(q.prompt)} Answer: {answer_text(q)}" in whole_key
        # The proof is in the key and only there.
        for sentence in cited_sentences(loaded, q):
            assert fold(sentence) in whole_key
            assert fold(sentence) not in whole_sheet
    assert "Answer: 4,500 troops (accepted from 4,050 to 4,950)" in whole_key


def test_small_bank_fits_one_page_and_shows_markup_as_text(qapp, tmp_path: Path) -> None:
    loaded = load_bank(DATA / "tricky-bank.yaml")
    out = tmp_path / "tricky.pdf"
    export_bank(loaded, "pdf", out, paper="letter")
    [sheet], _ = read_pdf(out)
    [key], _ = read_pdf(tmp_path / "tricky-answers.pdf")
    assert 'Who wrote "<b>not bold</b> & proud" on the notice board?' in sheet
    assert "Source: Test Writer, A made-up report on escapes, The Test Gazette, 2024-05-01" in sheet
    assert "Answer: ____" in sheet and "To how many degrees did temperatures fall?" in sheet
    assert "Answer: -40 (accepted from -41 to -38.5)" in key
    assert "Read the first sentence. It says 1,200." in key


def test_long_bank_keeps_every_question_on_one_page(qapp, tmp_path: Path) -> None:
    base = load_bank(DATA / "tricky-bank.yaml")
    long_prompt = "Which of these long answers is the right one, given everything the report says? " * 2
    questions = [ChoiceQuestion(type="choice", id=f"q{i}", prompt=f"{long_prompt}({i})", answer=f"right {i}",
                                distractors=[f"wrong {i}.{j} " + "padding " * 8 for j in range(5)])
                 for i in range(40)]
    loaded = LoadedBank(base.path, base.bank.model_copy(update={"questions": questions}), base.articles)
    out = tmp_path / "long.pdf"
    export_bank(loaded, "pdf", out)
    sheet, _ = read_pdf(out)
    assert len(sheet) >= 8
    for i, q in enumerate(questions):
        pages = [n for n, text in enumerate(sheet) if f"({i})" in text]
        assert len(pages) == 1, f"question {i + 1} is on pages {pages}"
        assert all(fold(o) in sheet[pages[0]] for o in q.options)
    # Numbers run on in order across pages.
    numbers = [int(m) for text in sheet for m in re.findall(r"(\d+)\. Which of these", text)]
    assert numbers == list(range(1, 41))


def test_pages_render_with_ink(qapp, tmp_path: Path) -> None:
    out = tmp_path / "mali.pdf"
    export_bank(load_bank(BUNDLED), "pdf", out)
    doc = QPdfDocument()
    doc.load(str(out))
    image = doc.render(0, QSize(298, 421))
    doc.close()
    dark = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 100


def test_cli_letter_paper(qapp, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "sheet.pdf"
    assert main(["export", str(BUNDLED), "-o", str(out), "--paper", "letter"]) == 0
    assert f"{out}, {tmp_path / 'sheet-answers.pdf'}" in capsys.readouterr().out
    assert set(read_pdf(out)[1]) == {POINTS["letter"]}


def test_unknown_paper_is_refused_and_writes_nothing(qapp, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown paper size"):
        export_bank(load_bank(BUNDLED), "pdf", tmp_path / "x.pdf", paper="a5")
    assert list(tmp_path.iterdir()) == []


def test_imported_bank_prints_true_before_false_and_says_it_has_no_citations(qapp, tmp_path: Path) -> None:
    bank_path = tmp_path / "imported.yaml"
    save_bank(import_bank_file(DATA / "tricky.gift"), bank_path)
    out = tmp_path / "imported.pdf"
    export_bank(load_bank(bank_path), "pdf", out)
    sheet, _ = read_pdf(out)
    key, _ = read_pdf(tmp_path / "imported-answers.pdf")
    assert "3. Bamako is the capital of Mali. ☐ A. True ☐ B. False" in " ".join(sheet)
    assert "4. Timbuktu is the capital of Mali & Niger. Answer: B. False No citation in the bank." in " ".join(key)
    assert key[0].startswith("Mali/Sahel quiz Answer key 1. Which characters")


def test_export_runs_on_a_worker_thread(qapp, tmp_path: Path) -> None:
    # The app exports off the GUI thread; the PDF must come out the same there.
    loaded = load_bank(BUNDLED)
    written: list[list[Path]] = []
    worker = threading.Thread(target=lambda: written.append(export_bank(loaded, "pdf", tmp_path / "w.pdf")))
    worker.start()
    worker.join()
    assert written == [[tmp_path / "w.pdf", tmp_path / "w-answers.pdf"]]
    sheet, _ = read_pdf(tmp_path / "w.pdf")
    assert sheet[0].startswith(f"{loaded.bank.title} Worksheet · 18 questions")


def test_option_letters_go_on_past_z() -> None:
    assert [option_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]


def black_pixels(path: Path, page: int = 0) -> int:
    """The pixels of a page drawn in black ink (the grey of the header and the footer is not)."""
    doc = QPdfDocument()
    doc.load(str(path))
    image = doc.render(page, QSize(595, 842))
    doc.close()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).lightness() < 40)


def test_the_text_is_black_in_the_dark_theme_too(qapp, tmp_path: Path) -> None:
    """Exported while the app showed its dark theme, a worksheet's questions were written in the theme's white."""
    from PySide6.QtGui import QColor, QPalette

    before = qapp.palette()
    dark = QPalette(before)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        dark.setColor(role, QColor(255, 255, 255))
    qapp.setPalette(dark)
    try:
        export_bank(load_bank(BUNDLED), "pdf", tmp_path / "dark.pdf")
    finally:
        qapp.setPalette(before)
    export_bank(load_bank(BUNDLED), "pdf", tmp_path / "light.pdf")
    assert black_pixels(tmp_path / "dark.pdf") == black_pixels(tmp_path / "light.pdf") > 1000


def test_a_question_longer_than_a_page_has_each_line_once_in_the_pdf_text(qapp, tmp_path: Path) -> None:
    """Split over two pages, a question's lines were drawn on both, clipped: the PDF's text (what a search finds, a
    screen reader reads and a copy takes) had the lines of the next page at the foot of the first."""
    base = load_bank(DATA / "tricky-bank.yaml")
    options = [f"option number {i} of a question with very many of them" for i in range(60)]
    question = ChoiceQuestion(type="choice", id="many", prompt="Which one?", answer=options[0], distractors=options[1:])
    loaded = LoadedBank(base.path, base.bank.model_copy(update={"questions": [question]}), base.articles)
    out = tmp_path / "long.pdf"
    export_bank(loaded, "pdf", out)
    pages, _ = read_pdf(out)
    assert len(pages) > 1
    text = " ".join(pages)
    assert all(text.count(f"{option} ") + text.count(f"{option}.") == 1 for option in options), text


WESSEX_ARTICLE = """---
title: Brindle Bridge to close for repairs
author: Ann Lee
---
# Brindle Bridge to close for repairs

The **Brindle Bridge** will close for 14 weeks from May, the [council](https://example.org/council) said.

## What changes

- Buses will run a detour of 3 miles.
"""
WESSEX_BANK = """title: Wessex news
sources:
  bridge: {file: bridge.md}
  unused: {file: other.txt}
  floods: {file: floods.txt}
questions:
  - {id: weeks, type: numeric, prompt: For how many weeks will the bridge close?, answer: 14,
     cite: {source: bridge, quote: "will close for 14 weeks from May"}}
  - {id: homes, type: numeric, prompt: About how many homes lost power?, answer: 1200, tolerance: 10%,
     cite: {source: floods, quote: "About 1,200 homes lost power"}}
"""


def wessex_bank(folder: Path) -> Path:
    """A bank of two questions on two articles (a .md with marks and a .txt), and a third article none cites."""
    (folder / "bridge.md").write_text(WESSEX_ARTICLE, encoding="utf-8")
    (folder / "floods.txt").write_text("Floods close the valley road\nAbout 1,200 homes lost power, the council "
                                       "said.\n", encoding="utf-8")
    (folder / "other.txt").write_text("Nothing here is asked about. It stays out of the worksheet.\n",
                                      encoding="utf-8")
    bank = folder / "wessex.yaml"
    bank.write_text(WESSEX_BANK, encoding="utf-8")
    return bank


def test_with_articles_the_worksheet_prints_the_cited_articles_after_the_questions(qapp, tmp_path: Path) -> None:
    """Every question says "according to the article"; on paper the article was nowhere."""
    loaded = load_bank(wessex_bank(tmp_path))
    plain, with_articles = tmp_path / "plain.pdf", tmp_path / "with.pdf"
    export_bank(loaded, "pdf", plain)
    export_bank(loaded, "pdf", with_articles, with_articles=True)
    [sheet], _ = read_pdf(plain)
    assert "Brindle Bridge will close" not in sheet and "Article 1 of 2" not in sheet  # off by default
    pages, _ = read_pdf(with_articles)
    assert len(pages) == 3
    assert pages[0].startswith(sheet.split(" Wessex news · Worksheet")[0].replace(
        "on its line.", "on its line. The articles the questions ask about are printed after them."))
    assert "2. About how many homes lost power?" in pages[0]
    # Each article from a new page, as the article views show it: no front matter, no Markdown marks.
    assert pages[1].startswith("Article 1 of 2 Brindle Bridge to close for repairs by Ann Lee Brindle Bridge to "
                               "close for repairs The Brindle Bridge will close for 14 weeks from May, the council "
                               "said. What changes • Buses will run a detour of 3 miles. Wessex news · Worksheet")
    assert pages[2].startswith("Article 2 of 2 floods.txt Floods close the valley road About 1,200 homes lost "
                               "power, the council said.")
    assert "Nothing here is asked about" not in " ".join(pages)
    [key_plain], _ = read_pdf(tmp_path / "plain-answers.pdf")
    [key_with], _ = read_pdf(tmp_path / "with-answers.pdf")
    assert key_with == key_plain  # the answer key cites the sentences already


def test_cli_with_articles(qapp, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bank = wessex_bank(tmp_path)
    out = tmp_path / "sheet.pdf"
    assert main(["export", str(bank), "-o", str(out), "--with-articles"]) == 0
    assert "Article 2 of 2 floods.txt" in " ".join(read_pdf(out)[0])
    assert main(["export", str(bank), "-o", str(tmp_path / "q.gift"), "--with-articles"]) == 2
    assert "--with-articles is for a pdf worksheet, not Moodle GIFT" in capsys.readouterr().err
    assert not (tmp_path / "q.gift").exists()
