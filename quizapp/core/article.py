"""Articles: the texts that questions cite.

An article is a .txt or .md file, optionally with YAML front matter
(title, author, publisher, date, url), or a saved web page (.html) whose
text is extracted with trafilatura (quizapp.core.webpage). Offsets are
character offsets into `Article.text`, the body without its front matter.

The text is read as blocks (headings, paragraphs, list items, quotes,
captions, bylines, boilerplate); only the sentences of paragraphs and of
list items can be cited or asked about.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from quizapp.core.boilerplate import BOILERPLATE, lead_length, line_kind
from quizapp.core.errors import ArticleError
from quizapp.core.markdown import Cut, inline_marks, is_markdown, original_offset, shown_offset, without

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
META_KEYS = ("title", "author", "publisher", "date", "url")


@dataclass(frozen=True)
class Span:
    """A half-open range [start, end) of characters in an article's text."""

    start: int
    end: int


# The kinds of block an article's text is made of. Only CITABLE blocks give sentences.
TITLE, HEADING, PARAGRAPH, ITEM, QUOTE = "title", "heading", "paragraph", "item", "quote"
CITABLE = (PARAGRAPH, ITEM)


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item, quote, caption, byline or boilerplate line of the text."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class ArticleMeta:
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass
class Article:
    """The text of an article, its metadata and its sentences."""

    path: Path
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    # Line of the file on which `text` starts (1-based), for messages.
    first_line: int = 1
    # The text's structure; worked out from the text itself when not given.
    blocks: list[Block] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.blocks:
            self.blocks = text_blocks(self.text, markdown=self.path.suffix.lower() in (".md", ".markdown"))

    @property
    def display_title(self) -> str:
        return self.meta.title or self.path.name

    def title_in_bank(self, source_title: str | None) -> str:
        """What a bank calls the article: the title its `sources:` entry gives it (`source_title`), else the article's
        own (display_title): the library, the editor and the quiz name it so."""
        return source_title or self.display_title

    @cached_property
    def sentences(self) -> list[Span]:
        """The sentences that may be cited: those of paragraphs and list items, without a
        dateline, and none that is a byline, a contact or interface line."""
        out: list[Span] = []
        for b in self.blocks:
            if b.kind in CITABLE:
                out.extend(citable_sentences(self.text, b.start, b.end))
        return out

    @property
    def headings(self) -> list[Span]:
        """The spans of the headings, for showing them as headings."""
        return [Span(b.start, b.end) for b in self.blocks if b.kind in (TITLE, HEADING)]

    @cached_property
    def _normalised(self) -> tuple[str, list[int]]:
        return normalise_with_offsets(self.text)

    def find_quote(self, quote: str) -> Span | None:
        """Where `quote` occurs, comparing with whitespace, quote marks, dashes and case normalised; in a
        Markdown article also without its bold, italic and link marks ("the Brindle Bridge will close"
        for "the **Brindle Bridge** will close", as the generator quotes it)."""
        quote = quote.strip()
        at = self.text.find(quote)
        if at >= 0 and quote:  # most quotes are exact copies: no need to normalise
            return Span(at, at + len(quote))
        needle, _ = normalise_with_offsets(quote)
        if not needle:
            return None
        norm, offsets = self._normalised
        at = norm.find(needle)
        if at >= 0:
            return Span(offsets[at], offsets[at + len(needle) - 1] + 1)
        plain, cuts = self._unmarked
        if not cuts:
            return None
        norm, offsets = normalise_with_offsets(plain)
        at = norm.find(needle)
        if at < 0:
            return None
        return Span(original_offset(cuts, offsets[at]), original_offset(cuts, offsets[at + len(needle) - 1]) + 1)

    @cached_property
    def _unmarked(self) -> tuple[str, list[Cut]]:
        """The text without the inline marks of Markdown (none but in a .md article), and those marks."""
        if not is_markdown(self.path.name):
            return self.text, []
        cuts = sorted(inline_marks(self.text)[0], key=lambda cut: cut.start)
        return without(self.text, cuts), cuts

    def unmarked_offset(self, offset: int) -> int:
        """Where character `offset` of the text stands in the text of unmarked() (a mark's place, inside one)."""
        return shown_offset(self._unmarked[1], offset)

    def words(self, start: int, end: int) -> str:
        """The text from offset `start` to `end` as it reads: in a Markdown article without the bold, italic
        and link marks in it ("the Brindle Bridge" for "the **Brindle Bridge**")."""
        text, cuts = self._unmarked
        if not cuts:
            return self.text[start:end]
        return text[self.unmarked_offset(start):self.unmarked_offset(end)]

    def unmarked(self) -> Article:
        """This article as its words read, without the bold, italic and link marks of a Markdown file (the
        same article where there are none): what questions about it quote. Each line keeps its number."""
        text, cuts = self._unmarked
        if not cuts:
            return self
        return Article(path=self.path, text=text, meta=self.meta, first_line=self.first_line)

    def sentence_span(self, span: Span) -> Span:
        """The span of the whole sentence(s) that contain `span`."""
        start, end = span.start, span.end
        for s in self.sentences:
            if s.start <= span.start < s.end:
                start = s.start
            if s.start < span.end <= s.end:
                end = s.end
                break
        return Span(start, end)

    def closest_sentence(self, quote: str) -> str | None:
        """The sentence of the article most like `quote`, to suggest a fix."""
        needle = " ".join(quote.split()).lower()
        best, best_ratio = None, 0.0
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(needle)
        for s in self.sentences:
            sentence = " ".join(self.text[s.start:s.end].split())
            matcher.set_seq1(sentence.lower())
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = sentence, ratio
        return best

    def line_of(self, offset: int) -> int:
        """The 1-based line of the file on which character `offset` of the text stands."""
        return self.first_line + self.text.count("\n", 0, offset)


# --- normalisation ---------------------------------------------------------

_CHAR_MAP = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "\u00a0": " ",
    "…": "...",
}


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold whitespace, quote marks, dashes and case; map each output char to its source offset."""
    out: list[str] = []
    offsets: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                offsets.append(i)
            in_space = True
            continue
        in_space = False
        mapped = _CHAR_MAP.get(ch, ch).lower()
        out.append(mapped)
        offsets.extend([i] * len(mapped))
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


# --- sentences -------------------------------------------------------------

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt",
    "capt", "gov", "sen", "rep", "rev", "inc", "ltd", "co", "corp", "no", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "e.g", "i.e", "approx", "dept", "est", "fig",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)|\n\s*\n")


def split_sentences(text: str) -> list[Span]:
    """Split text into sentences with a rule-based splitter good enough for news prose."""
    spans: list[Span] = []
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        end = m.end()
        if m.group().strip() and m.group()[0] == ".":
            word = re.search(r"([\w.]+)\.$", text[start:m.start() + 1])
            token = word.group(1).lower() if word else ""
            if token in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token):
                continue
        nxt = text[end:end + 40].lstrip()
        if nxt and nxt[0].islower():
            continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, n)
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# A teaser cut off mid-word: "Gunman kills ei...", "Storm hits the coa…"
_CUT = re.compile(r"\w ?(?:\.\.\.|…)$")


def citable_sentences(text: str, start: int, end: int) -> list[Span]:
    """The sentences of a paragraph or list item text[start:end] that can be cited."""
    out: list[Span] = []
    start += lead_length(text[start:end])  # "PORTLAND -- The city …": the dateline is not the sentence's
    for s in split_sentences(text[start:end]):
        a, b = start + s.start, start + s.end
        sentence = text[a:b]
        if _SENTENCE_END.search(sentence) and not _CUT.search(sentence) and line_kind(sentence) is None:
            out.append(Span(a, b))
    return out


# --- structure of plain text and Markdown ------------------------------------

_MD_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t#]*$")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•▪◦]|\d{1,3}[.)])[ \t]+(?=\S)")
# A one-line paragraph this short without end punctuation is a heading: "Spotty Recovery".
HEADING_WORDS = 15


def text_blocks(text: str, *, markdown: bool = False) -> list[Block]:
    """Blocks of plain text or Markdown: paragraphs are separated by blank lines; headings are
    `#` lines (Markdown) or short one-line paragraphs without end punctuation (the first line of a
    .txt is often the headline); bullet lines are list items; `>` lines are quotes; a `---` line
    parts blocks, and a YAML block between two of them is metadata (boilerplate)."""
    blocks: list[Block] = []
    for lines, fenced in _line_groups(text):
        start, end = lines[0][0], lines[-1][1]
        if fenced and _META_LINE.fullmatch(text, *lines[0]):
            # "---\nauthor: Ann Lee\n---" inside the text (front matter pasted under a headline):
            # the article's metadata, never a sentence to ask about.
            blocks.append(_trimmed(BOILERPLATE, text, start, end))
            continue
        if markdown and (h := _MD_HEADING.fullmatch(text, *lines[0])) and len(lines) == 1:
            blocks.append(_classified(text, HEADING, h.start(2), h.end(2)))
        elif markdown and all(text[a:b].lstrip().startswith(">") for a, b in lines):
            blocks.append(_trimmed(QUOTE, text, start + text[start:].index(">") + 1, end))
        elif any(_LIST_ITEM.match(text, a, b) for a, b in lines):
            blocks.extend(_items(text, lines))
        else:
            blocks.append(_classified(text, PARAGRAPH, start, end))
    return blocks


# A line of three or more dashes, stars, underscores or equals signs: a break between parts of
# the text (or the fence of a YAML block), never part of a sentence.
_RULE = re.compile(r"[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*")
# The first line of a YAML block between two such lines: "author: Ann Lee", "date:".
_META_LINE = re.compile(r"[ \t]*[A-Za-z_][\w-]*:(?:[ \t].*)?")


def _line_groups(text: str) -> list[tuple[list[tuple[int, int]], bool]]:
    """The (start, end) of the lines of each paragraph, split at rule lines (which belong to none);
    `fenced` is True for a group with a rule line both before and after it."""
    groups: list[tuple[list[tuple[int, int]], bool]] = []
    for m in re.finditer(r"[^\n]+(?:\n[ \t]*\S[^\n]*)*", text):
        group: list[tuple[int, int]] = []
        after_rule = False
        for x in re.finditer(r"[^\n]+", m.group()):
            a, b = x.start() + m.start(), x.end() + m.start()
            if _RULE.fullmatch(text, a, b):
                if group:
                    groups.append((group, after_rule))
                group, after_rule = [], True
            else:
                group.append((a, b))
        if group:
            groups.append((group, False))
    return groups


def _items(text: str, lines: list[tuple[int, int]]) -> list[Block]:
    """A paragraph with bullet lines: one item per bullet (continuation lines join the item)."""
    out: list[Block] = []
    for a, b in lines:
        bullet = _LIST_ITEM.match(text, a, b)
        if bullet or not out:
            out.append(_classified(text, ITEM if bullet else PARAGRAPH, bullet.end() if bullet else a, b))
        else:
            out[-1] = _classified(text, out[-1].kind, out[-1].start, b)
    return out


def _classified(text: str, kind: str, start: int, end: int) -> Block:
    """The block, unless its text says it is a heading, byline, caption or boilerplate."""
    block = _trimmed(kind, text, start, end)
    line = text[block.start:block.end]
    if kind in CITABLE:
        other = line_kind(line)
        if other is not None:
            return Block(other, block.start, block.end)
        if kind == PARAGRAPH and "\n" not in line and len(line.split()) <= HEADING_WORDS \
                and not _SENTENCE_END.search(line) and not line.endswith(":"):
            return Block(HEADING, block.start, block.end)
    return block


def _trimmed(kind: str, text: str, start: int, end: int) -> Block:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Block(kind, start, end)


# --- loading ---------------------------------------------------------------


def not_an_article(path: Path) -> str | None:
    """Why a file is not read as an article by its name alone (a photo, a PDF), or None."""
    suffix = path.suffix.lower()
    if suffix in ARTICLE_SUFFIXES:
        return None
    return f"not an article file ({suffix or 'no extension'}): use a .txt, .md or .html file"


def load_article(path: str | Path) -> Article:
    """Read an article file; raise ArticleError with a clear message when it can't be used."""
    path = Path(path)
    suffix = path.suffix.lower()
    if (wrong := not_an_article(path)) is not None:
        raise ArticleError(path, wrong)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(path, f"the file is {size // (1024 * 1024)} MB; articles "
                                     f"larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB "
                                     "are not read")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, "file not found: check the path") from None
    except IsADirectoryError:
        raise ArticleError(path, "is a folder, not an article file") from None
    except OSError as exc:
        raise ArticleError(path, f"cannot be read: {exc.strerror}") from None
    text = decode_text(path, data)
    if suffix in (".html", ".htm"):
        from quizapp.core.webpage import read_web_page  # imports trafilatura: only for web pages

        return read_web_page(path, text)
    meta, body, first_line = split_front_matter(path, text)
    if not body.strip():
        raise ArticleError(path, "the article has no text")
    return Article(path=path, text=body, meta=meta, first_line=first_line)


def decode_text(path: Path, data: bytes) -> str:
    """Decode UTF-8 text, refusing empty, binary and other encodings with a clear message."""
    if not data.strip():
        raise ArticleError(path, "the file is empty")
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "this is a binary file, not text: save the article as "
                                 "UTF-8 text (.txt, .md) or a web page (.html)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ArticleError(path, "the file is not UTF-8 text: save it as UTF-8 in your "
                                 "editor", line, column) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A line that ends as a sentence does: a full stop, "!" or "?", then any closing quotes or bracket (narrower than
# _SENTENCE_END above, which a line of a page may also end with: "…", "]").
ENDS_AS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")


def headline(text: str) -> str | None:
    """The first line of `text` when it reads as a headline (two words or more, short, no full stop), as a
    BBC-style text file or an article copied from a web page starts; else None."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if first and len(first) < 120 and not ENDS_AS_SENTENCE.search(first) and len(first.split()) >= 2:
        return first
    return None


def split_front_matter(path: Path, text: str) -> tuple[ArticleMeta, str, int]:
    """Split `---` YAML front matter from the body; return (meta, body, body's first line)."""
    if not text.startswith("---\n"):
        return ArticleMeta(), text, 1
    end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.M)
    if end is None:
        return ArticleMeta(), text, 1
    header = text[4:4 + end.start()]
    body_start = 4 + end.end()
    if text[body_start:body_start + 1] == "\n":
        body_start += 1
    try:
        data = yaml.safe_load(header) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else None
        raise ArticleError(path, f"the front matter is not valid YAML: "
                                 f"{getattr(exc, 'problem', exc)}", line) from None
    if not isinstance(data, dict):
        raise ArticleError(path, "the front matter must be key: value lines", 2)
    unknown = sorted(str(k) for k in data if k not in META_KEYS)
    if unknown:
        raise ArticleError(path, f"unknown front matter key {unknown[0]!r}: use "
                                 f"{', '.join(META_KEYS)}", 2)
    meta = ArticleMeta(**{k: _meta_str(v) for k, v in data.items() if v is not None})
    return meta, text[body_start:], text.count("\n", 0, body_start) + 1


def _meta_str(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)
