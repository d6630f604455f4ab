"""Saved web pages: the article's structure from trafilatura's XML, boilerplate left out.

The text of a page's article is built block by block: the headline (from the page's metadata)
first, a byline, then the body's headings, paragraphs, list items, quotes and captions, each
separated by a blank line. Lines that are interface text rather than reporting are dropped
(quizapp.core.boilerplate). A page with too little article text is refused with a message.

A live blog is a stream of entries, each its own <article> among siblings; trafilatura takes the first
entry for the article. When the article it found is one entry of such a stream, the body is read from
all the entries instead, in page order (`_stream_page`).
"""

from __future__ import annotations

import copy
import html as html_lib
import re
from pathlib import Path

from lxml import etree

from quizapp.core.article import (
    CITABLE,
    HEADING,
    ITEM,
    PARAGRAPH,
    QUOTE,
    TITLE,
    Article,
    ArticleMeta,
    Block,
    citable_sentences,
)
from quizapp.core.boilerplate import CAPTION, INLINE_POINTER, line_kind
from quizapp.core.errors import ArticleError

# Below this many words of citable sentences a page is a video, a gallery or a teaser.
MIN_WORDS = 80
BYLINE = "byline"
# Metadata that quizapp writes into a page it fetched (quizapp.core.fetch), read back here.
SAVED_META = re.compile(r"""<meta\s+name="quizapp:(url|title|author|publisher|date)"\s+content="([^"]*)"\s*/?>""")


def read_web_page(path: Path, html: str) -> Article:
    """The article of a saved web page; ArticleError when it has no or too little article text."""
    best: Article | None = None
    stream = _stream_entries(html)
    # Precise first; a page whose article that misses (say, a comment box taken for the article)
    # gets a second, broader look.
    for precise in (True, False):
        article = _extract(path, html, stream, precise=precise)
        if article is not None and (best is None or article_words(article) > article_words(best)):
            best = article
        if best is not None and article_words(best) >= MIN_WORDS:
            break
    if best is None or not best.sentences:
        raise ArticleError(path, "no article text found in this web page: save the page again, "
                                 "or copy its text into a .txt file")
    words = article_words(best)
    if words < MIN_WORDS and body_words(best) >= MIN_WORDS:
        # A calendar of events or a table of results: text enough, but lines that are no sentences
        # ("Jan. 1-3: Wessex v Tolley, Brindle Arena, 200"), and no sentence is asked from a line.
        raise ArticleError(path, f"this page has only {words} words in sentences: the rest of its "
                                 f"{body_words(best)} words are lines without one (a list, a table, links to "
                                 "other stories), which quizapp does not ask about. Copy the sentences worth "
                                 "asking about into a .txt file")
    if words < MIN_WORDS:
        raise ArticleError(path, f"this page has only {words} words of article text: it may be a video, "
                                 "a photo gallery or a teaser. Save the article's own page, or copy its "
                                 "text into a .txt file")
    return best


def article_words(article: Article) -> int:
    """How many words the article's citable sentences hold."""
    return sum(len(article.text[s.start:s.end].split()) for s in article.sentences)


def body_words(article: Article) -> int:
    """How many words the article's paragraphs, list items and quotes hold, sentences or not (not its
    headings: a page's list of links to other stories reads as headings)."""
    return sum(len(article.text[b.start:b.end].split()) for b in article.blocks if b.kind in (PARAGRAPH, ITEM, QUOTE))


def _extract(path: Path, html: str, stream: list[etree._Element], *, precise: bool) -> Article | None:
    root = _trafilatura(html, precise=precise)
    if root is None:
        return None
    saved = {k: html_lib.unescape(v) for k, v in SAVED_META.findall(html[:20_000])}
    meta = ArticleMeta(title=saved.get("title") or _clean_title(root.get("title"), root),
                       author=saved.get("author") or _clean_author(root.get("author")),
                       publisher=saved.get("publisher") or root.get("sitename") or None,
                       date=saved.get("date") or root.get("date") or None,
                       url=saved.get("url") or root.get("url") or None)
    main = root.find("main")
    if main is None:
        return None
    if stream and _in_stream(main, stream):
        whole = _trafilatura(_stream_page(stream), precise=precise)
        if whole is not None and whole.find("main") is not None:
            main = whole.find("main")
    for br in main.iter("lb", "graphic"):
        br.tail = " " + (br.tail or "")  # "Title<lb/>Author" is two words, not "TitleAuthor"
    text = _Text()
    if meta.title:
        text.add(TITLE, meta.title)
    if meta.author:
        text.add(BYLINE, "By " + meta.author)
    _read_body(main, text, meta.title)
    return Article(path=path, text=text.text(), meta=meta, first_line=1, blocks=text.blocks)


def _trafilatura(html: str, *, precise: bool) -> etree._Element | None:
    """trafilatura's XML of a page: its metadata and its article's text in <main>."""
    import trafilatura  # only needed for saved web pages

    xml = trafilatura.extract(html, output_format="xml", with_metadata=True, include_comments=False,
                              include_tables=False, include_images=True, favor_precision=precise,
                              favor_recall=not precise)
    if not xml:
        return None
    return etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))


def _stream_entries(html: str) -> list[etree._Element]:
    """The entries of the page's stream of posts (a live blog): the largest set, two or more, of <article>
    elements side by side in one container (each on its own or alone in a wrapper, as an <li>), in page
    order; none when the page has no such set. A teaser that is a link (<a><article>) is no entry."""
    from lxml import html as lxml_html

    try:
        doc = lxml_html.document_fromstring(html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, etree.ParserError):
        return []
    streams: dict[etree._Element, list[etree._Element]] = {}
    for entry in doc.iter("article"):
        if entry.find(".//article") is not None or any(a.tag == "a" for a in entry.iterancestors()):
            continue
        slot = entry.getparent() if len(entry.getparent()) == 1 else entry
        if slot.getparent() is not None:
            streams.setdefault(slot.getparent(), []).append(entry)
    return max((s for s in streams.values() if len(s) >= 2), key=len, default=[])


def _in_stream(main: etree._Element, stream: list[etree._Element]) -> bool:
    """Whether the article trafilatura found is one entry of the stream: its first paragraph is in one."""
    first = main.find("p")
    key = _key(_flat(first)) if first is not None else ""
    return bool(key) and any(key in _key(_flat(entry)) for entry in stream)


def _stream_page(stream: list[etree._Element]) -> str:
    """A page of the stream's entries alone, one after another in one <article>, for trafilatura to read
    whole. Their class and id names go (a name like "post-body" would have trafilatura take one entry's
    body for the article), and an entry's <header> (its time and heading) reads as part of it."""
    from lxml import html as lxml_html

    article = etree.Element("article")
    for entry in stream:
        entry = copy.deepcopy(entry)
        entry.tail = None
        for el in entry.iter():
            if el.tag in ("article", "header"):
                el.tag = "div"
            for name in ("class", "id"):
                el.attrib.pop(name, None)
        article.append(entry)
    page = etree.Element("html")
    etree.SubElement(page, "body").append(article)
    return lxml_html.tostring(page, encoding="unicode")


class _Text:
    """The article's text as it is built, with its blocks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        self.length = 0
        self.seen: set[str] = set()

    def add(self, kind: str, line: str) -> bool:
        """Add a block (unless it repeats one already there); say whether it was added."""
        key = _key(line)
        if not key or key in self.seen:
            return False  # a headline or pull quote repeated inside the body
        self.seen.add(key)
        if self.parts:
            self.length += 2
        self.blocks.append(Block(kind, self.length, self.length + len(line)))
        self.parts.append(line)
        self.length += len(line)
        return True

    def text(self) -> str:
        return "\n\n".join(self.parts) + "\n"


def _read_body(main: etree._Element, text: _Text, title: str | None) -> None:
    link_box = False  # a list right after "Related:", "Also see:" or "Additional resources" is links
    for el in main:
        tag = el.tag
        if tag in ("code", "table", "graphic"):
            continue  # embedded posts, tables and bare pictures are not the article's sentences
        line = _flat(el)
        if tag == "list":
            if not link_box:
                for item in el.iter("item"):
                    _add_line(text, ITEM, _flat(item))
            link_box = False
            continue
        if tag == "head":
            link_box = line_kind(line) is not None
            if not link_box:
                text.add(HEADING, line)
        elif tag == "quote":
            link_box = False
            text.add(QUOTE, line)
        elif tag == "p" and el.find(".//graphic") is not None:
            link_box = False
            text.add(CAPTION, line)  # trafilatura keeps a figure's caption with its picture
        else:
            link_box = not _add_line(text, PARAGRAPH, line)


def _add_line(text: _Text, kind: str, line: str) -> bool:
    """Add a paragraph or list item as the kind its text shows it to be; False when dropped."""
    line = INLINE_POINTER.sub("", line).strip()
    if (m := _POINTER_AT_END.search(line)) and _is_title(m.group(1)):
        line = line[:m.start()].strip()
    if not line:
        return False
    other = line_kind(line)
    if other == CAPTION:
        return text.add(CAPTION, line)
    if other is not None:
        return False  # interface text, a byline or contact line: not part of the article
    words = line.split()
    if len(words) <= 15 and not re.search(r"[.!?…:][\"'”’)]*$", line):
        return text.add(HEADING, line)  # "Spotty Recovery", a sub-heading set as a paragraph
    if kind in CITABLE and not citable_sentences(line, 0, len(line)) and \
            all(line_kind(s) for s in re.split(r"(?<=[.!?])\s+", line) if s):
        return False  # every sentence of it is boilerplate: "Follow us on Twitter. Original article on …"
    return text.add(kind, line)


# A bracketed headline of another story closing a paragraph: "… and zombies. [Zombies! A Guide to
# the Undead (Infographic)]"; its words are capitalised, unlike an editor's "[with]" inside a quote.
_POINTER_AT_END = re.compile(r"\s*\[([^\[\]]{12,200})\]\s*$")


def _is_title(words: str) -> bool:
    """Title Case: its longer words all start with a capital."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", words) if len(w) > 3]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


def _clean_author(author: str | None) -> str | None:
    """Author names without what pages glue to them: "Jo Reed, Jreed Com" (an e-mail address),
    "Jo Reed Follow", "Jo Reed View author archive …", "Jo Reed, January" (a date)."""
    if not author:
        return None
    names = []
    for part in re.split(r"\s*[;,]\s*|\s+and\s+", author):
        part = re.split(r"\s+(?:Follow|View|Email|E-mail|Contact|Twitter|Get)\b|\s+\S+ [Cc]om\b", part)[0].strip()
        words = part.split()
        if not words or words[-1].lower() == "com" or re.fullmatch(_MONTHS, part, re.I) or len(words) > 4:
            continue
        names.append(part)
    return ", ".join(dict.fromkeys(names)) or None


_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: \d{1,2})?(?:,? \d{4})?"


def _flat(el: etree._Element) -> str:
    """An element's text on one line (line breaks and runs of spaces become one space)."""
    return " ".join("".join(el.itertext()).split())


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


def _clean_title(title: str | None, root: etree._Element) -> str | None:
    """The headline without a site's suffix: "Quads born in Utah | Watch News Videos" -> the first part.
    When the body's first heading is a part of the title, that part."""
    if not title:
        return None
    parts = [p.strip() for p in re.split(r"\s+[|•·]\s+", title) if p.strip()]
    heads = {_key(_flat(h)) for h in root.iter("head")}
    for p in parts:
        if _key(p) in heads:
            return p
    return max(parts, key=len) if parts else title
