"""Printable worksheets: the questions with choices and answer lines, and a separate answer key
with the citations, laid out with QTextDocument and written with QPdfWriter (A4 or Letter).

Text goes into the document through QTextCursor.insertText, so nothing from a bank
is ever read as HTML. The only Qt imports of quizapp.formats are in this module.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from quizapp.core.article import HEADING, ITEM, QUOTE, TITLE
from quizapp.core.atomic import write_bytes_atomic
from quizapp.core.bank import LoadedBank
from quizapp.core.boilerplate import BOILERPLATE, BYLINE, CAPTION
from quizapp.core.markdown import inline_marks, is_markdown, without
from quizapp.core.model import ChoiceQuestion, source_key
from quizapp.core.session import describe_source
from quizapp.formats.content import answer_text, cited_sentences, shuffled_options, source_label

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
RESOLUTION = 300  # dots per inch of the layout; the PDF itself is vector text


def option_letter(index: int) -> str:
    """A, B, ... Z, then AA, AB, ...: the label of the option at `index`."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_GREY = QColor(90, 90, 90)


def default_paper() -> str:
    """`letter` where the system locale uses US measures, `a4` elsewhere (for a GUI's default)."""
    us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if us else "a4"


def answer_key_path(out: Path) -> Path:
    """Where the answer key of a worksheet goes: `quiz.pdf` -> `quiz-answers.pdf`."""
    return out.with_name(f"{out.stem}-answers{out.suffix or '.pdf'}")


def export_pdf(loaded: LoadedBank, out: Path, *, paper: str = "a4", with_articles: bool = False,
               **options: object) -> list[Path]:
    """Write the worksheet to `out` and the answer key beside it; return both paths. `with_articles`: the
    worksheet prints the text of the articles its questions cite after them."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper size {paper!r}: use one of {', '.join(PAPERS)}")
    worksheet = render_pdf(lambda doc: build_worksheet(doc, loaded, with_articles=with_articles), paper=paper,
                           title=loaded.bank.title, footer=f"{loaded.bank.title} · Worksheet")
    key = render_pdf(lambda doc: build_answer_key(doc, loaded), paper=paper,
                     title=f"{loaded.bank.title}: answer key", footer=f"{loaded.bank.title} · Answer key")
    key_out = answer_key_path(out)
    # Both are rendered before either is written, so a failure leaves no half-made pair.
    write_bytes_atomic(out, worksheet)
    write_bytes_atomic(key_out, key)
    return [out, key_out]


def ensure_gui_app() -> None:
    """QTextDocument and fonts need a QGuiApplication; make a windowless one when there is none."""
    if QGuiApplication.instance() is not None:
        return
    argv = [sys.argv[0] if sys.argv else "quizapp"]
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]  # a command-line export needs no display
    global _app
    _app = QGuiApplication(argv)


_app: QGuiApplication | None = None


# --- layout ------------------------------------------------------------------


@dataclass
class _Styles:
    """Formats scaled to the writer's resolution (document units are device pixels)."""

    dpi: int

    def pt(self, points: float) -> float:
        return points * self.dpi / 72

    def char(self, size: float = 11, *, bold: bool = False, italic: bool = False,
             color: QColor | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontPointSize(size)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFontItalic(italic)
        if color is not None:
            fmt.setForeground(color)
        return fmt

    def block(self, *, top: float = 0, bottom: float = 0, left: float = 0, indent_first: float = 0,
              line_height: int = 115) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(self.pt(top))
        fmt.setBottomMargin(self.pt(bottom))
        fmt.setLeftMargin(self.pt(left))
        fmt.setTextIndent(self.pt(indent_first))
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if indent_first < 0:  # a hanging number: the tab after it lands where the text continues
            # Tab positions are in 96-dpi units whatever the paint device.
            fmt.setTabPositions([QTextOption.Tab(-indent_first * 96 / 72,
                                                 QTextOption.TabType.LeftTab)])
        return fmt


class _Writer:
    """Appends paragraphs to a document and remembers which blocks make up each question."""

    def __init__(self, doc: QTextDocument, styles: _Styles) -> None:
        self.doc = doc
        self.styles = styles
        self.cursor = QTextCursor(doc)
        self.first = True
        self.groups: list[tuple[int, int]] = []  # first and last block number of each question
        self._group_start: int | None = None

    def paragraph(self, block: QTextBlockFormat, *runs: tuple[str, QTextCharFormat]) -> None:
        if self.first:
            self.cursor.setBlockFormat(block)
            self.first = False
        else:
            self.cursor.insertBlock(block)
        for text, fmt in runs:
            self.cursor.insertText(text, fmt)

    def begin_group(self) -> None:
        self._group_start = self.cursor.blockNumber() + (0 if self.first else 1)

    def end_group(self) -> None:
        assert self._group_start is not None
        self.groups.append((self._group_start, self.cursor.blockNumber()))
        self._group_start = None


def _header(w: _Writer, loaded: LoadedBank, subtitle: str) -> None:
    s = w.styles
    w.paragraph(s.block(bottom=2), (loaded.bank.title, s.char(18, bold=True)))
    w.paragraph(s.block(bottom=4), (subtitle, s.char(11, color=_GREY)))
    labels = sorted({label for q in loaded.bank.questions if (label := source_label(loaded, q))})
    if labels:
        w.paragraph(s.block(bottom=4), ("Source: " if len(labels) == 1 else "Sources: ", s.char(10, color=_GREY)),
                    ("; ".join(labels), s.char(10, italic=True, color=_GREY)))


def build_worksheet(doc: QTextDocument, loaded: LoadedBank, *, with_articles: bool = False) -> list[tuple[int, int]]:
    """Fill `doc` with the worksheet (`with_articles`: then the articles its questions cite, each from a new
    page); return the block range of each question."""
    s = _Styles(RESOLUTION)
    w = _Writer(doc, s)
    n = len(loaded.bank.questions)
    keys = cited_keys(loaded) if with_articles else []
    _header(w, loaded, f"Worksheet · {n} question{'s' if n != 1 else ''}")
    w.paragraph(s.block(top=10, bottom=6), ("Name: ", s.char(11)), ("_" * 34, s.char(11, color=_GREY)),
                ("     Date: ", s.char(11)), ("_" * 16, s.char(11, color=_GREY)))
    after = ("" if not keys else " The article the questions ask about is printed after them." if len(keys) == 1
             else " The articles the questions ask about are printed after them.")
    w.paragraph(s.block(bottom=10), ("Tick one box for each multiple-choice question. Write each number "
                                     "answer on its line." + after, s.char(10, italic=True)))
    for number, q in enumerate(loaded.bank.questions, start=1):
        w.begin_group()
        w.paragraph(s.block(top=9, bottom=3, left=24, indent_first=-24),
                    (f"{number}.\t", s.char(11, bold=True)), (q.prompt, s.char(11)))
        if isinstance(q, ChoiceQuestion):
            for index, option in enumerate(shuffled_options(loaded, q)):
                w.paragraph(s.block(top=2, left=36), ("☐  ", s.char(12)),
                            (f"{option_letter(index)}.  ", s.char(11, bold=True)), (option, s.char(11)))
        else:
            w.paragraph(s.block(top=8, left=36), ("Answer: ", s.char(11)),
                        ("_" * 22, s.char(11, color=_GREY)), (f"  {q.unit}" if q.unit else "", s.char(11)))
        w.end_group()
    for number, key in enumerate(keys, start=1):
        _article(w, loaded, key, "The article" if len(keys) == 1 else f"Article {number} of {len(keys)}")
    return w.groups


def cited_keys(loaded: LoadedBank) -> list[str]:
    """The sources whose articles the questions cite, in the bank's order."""
    cited = {key for q in loaded.bank.questions if q.cite is not None and (key := source_key(loaded.bank, q.cite))}
    return [key for key in loaded.bank.sources if key in cited and key in loaded.articles]


def _article(w: _Writer, loaded: LoadedBank, key: str, heading: str) -> None:
    """An article's text from a new page: its headings bold, its list items with a bullet, without the
    metadata and the page's furniture (share buttons, sign-up lines) or the marks of Markdown."""
    s = w.styles
    article = loaded.articles[key]
    first = s.block(bottom=2)
    first.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    w.paragraph(first, (heading, s.char(16, bold=True)))
    w.paragraph(s.block(bottom=8), (describe_source(loaded, key, with_url=True), s.char(10, italic=True, color=_GREY)))
    markdown = is_markdown(article.path.name)
    for block in article.blocks:
        if block.kind == BOILERPLATE:
            continue
        text = article.text[block.start:block.end]
        if block.kind == QUOTE:
            text = _QUOTE_MARK.sub("", text)
        if markdown:
            text = without(text, sorted(inline_marks(text)[0], key=lambda cut: cut.start))
        # Its lines as the article views show them ("Floods close the road" over "Rain fell …" is a headline
        # over its story, not one sentence), each line's spaces folded.
        text = "\u2028".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
        if block.kind in (TITLE, HEADING):
            w.paragraph(s.block(top=8, bottom=2), (text, s.char(12, bold=True)))
        elif block.kind == ITEM:
            w.paragraph(s.block(top=2, left=14, indent_first=-14), ("•\t", s.char(10.5)), (text, s.char(10.5)))
        elif block.kind == QUOTE:
            w.paragraph(s.block(top=4, left=18), (text, s.char(10.5, italic=True)))
        elif block.kind in (BYLINE, CAPTION):
            w.paragraph(s.block(top=4), (text, s.char(9.5, italic=True, color=_GREY)))
        else:
            w.paragraph(s.block(top=5), (text, s.char(10.5)))


_QUOTE_MARK = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)


def build_answer_key(doc: QTextDocument, loaded: LoadedBank) -> list[tuple[int, int]]:
    """Fill `doc` with the answer key and the proof of each answer; return each question's blocks."""
    s = _Styles(RESOLUTION)
    w = _Writer(doc, s)
    cited = any(q.cite for q in loaded.bank.questions)
    _header(w, loaded, "Answer key, with the sentence of the article that proves each answer" if cited
            else "Answer key")
    for number, q in enumerate(loaded.bank.questions, start=1):
        w.begin_group()
        w.paragraph(s.block(top=10, bottom=2, left=24, indent_first=-24),
                    (f"{number}.\t", s.char(10.5, bold=True)), (q.prompt, s.char(10.5, color=_GREY)))
        if isinstance(q, ChoiceQuestion):
            letter = option_letter(shuffled_options(loaded, q).index(q.answer))
            answer = [(f"{letter}.  ", s.char(11, bold=True)), (q.answer, s.char(11, bold=True))]
        else:
            answer = [(answer_text(q), s.char(11, bold=True))]
        w.paragraph(s.block(top=2, bottom=2, left=24), ("Answer: ", s.char(11)), *answer)
        for sentence in cited_sentences(loaded, q):
            w.paragraph(s.block(top=2, left=36), (sentence, s.char(10, italic=True)))
        if q.explanation:
            w.paragraph(s.block(top=2, left=36), (q.explanation, s.char(10)))
        if not q.cite:
            w.paragraph(s.block(top=2, left=36), ("No citation in the bank.", s.char(10, color=_GREY)))
        elif label := source_label(loaded, q):
            w.paragraph(s.block(top=1, left=36), (f"— {label}", s.char(9, color=_GREY)))
        w.end_group()
    return w.groups


# --- rendering -----------------------------------------------------------------


def render_pdf(build: Callable[[QTextDocument], list[tuple[int, int]]], *, paper: str, title: str,
               footer: str) -> bytes:
    """Lay out a document built by `build` on pages of `paper` size; return the PDF bytes."""
    ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 16, 18, 14), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("quizapp")
    styles = _Styles(RESOLUTION)
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_height = styles.pt(22)
    body = QSizeF(page.width(), page.height() - footer_height)

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(11)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(body)
    groups = build(doc)
    _keep_together(doc, groups, body.height())

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("cannot start the PDF writer")
    try:
        pages = doc.pageCount()
        footer_font = QFont(font)
        footer_font.setPointSizeF(8.5)
        for index in range(pages):
            if index:
                writer.newPage()
            _draw_page(doc, painter, top=index * body.height(), height=body.height())
            painter.setFont(footer_font)
            painter.setPen(_GREY)
            line_y = body.height() + styles.pt(8)
            painter.drawLine(QPointF(0, line_y), QPointF(body.width(), line_y))
            text_box = QRectF(0, line_y + styles.pt(2), body.width(), styles.pt(12))
            painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, footer)
            painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             f"Page {index + 1} of {pages}")
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _draw_page(doc: QTextDocument, painter: QPainter, *, top: float, height: float) -> None:
    """Draw the lines of `doc` that start on the page from `top`, at the page's top. Each line once: the document's
    own drawContents draws every block that reaches into the page whole, and clipped, the lines of a paragraph
    that goes on over the page, and a heading moved to the next page, stay in the PDF's text, to be found and
    copied on both pages."""
    painter.setPen(QColor(0, 0, 0))  # the ink of text without a colour of its own (the footer's is grey)
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        origin = layout.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            middle = origin.y() + line.y() + line.height() / 2  # (a line moved to a page starts a hair above it)
            if top <= middle < top + height:
                line.draw(painter, QPointF(origin.x(), origin.y() - top))
        block = block.next()


def _keep_together(doc: QTextDocument, groups: list[tuple[int, int]], page_height: float) -> None:
    """Start a question on a new page rather than split it over two (when it fits on one)."""
    layout = doc.documentLayout()
    for first, last in groups:
        top_block, bottom_block = doc.findBlockByNumber(first), doc.findBlockByNumber(last)
        top = layout.blockBoundingRect(top_block).top()
        bottom = layout.blockBoundingRect(bottom_block).bottom()
        if int(top // page_height) == int((bottom - 1) // page_height) or bottom - top >= page_height:
            continue
        cursor = QTextCursor(top_block)
        fmt = top_block.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(fmt)
