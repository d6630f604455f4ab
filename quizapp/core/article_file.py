"""Articles that quizapp writes beside a bank: a fetched web page, or text a teacher pasted.

A new file never replaces another one: it gets a free name made from the article's title.
Pasted text is saved as Markdown with front matter (title, author, publisher, date, url), so
that its citations name their source and the generator knows the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from pathlib import Path

import yaml

from quizapp.core.article import Article, ArticleMeta, split_front_matter
from quizapp.core.atomic import write_text_atomic
from quizapp.core.errors import ArticleError, QuizappError


class PastedTextError(QuizappError):
    """Pasted text that cannot be saved as an article; the message says what to change."""


def file_stem(title: str | None, url: str | None = None) -> str:
    """A file name (without extension) from a title, else from an address's path: 'council-closes-bridge'."""
    words = re.findall(r"[a-z0-9]+", (title or "").lower())
    if not words and url:
        words = re.findall(r"[a-z0-9]+", urllib.parse.urlsplit(url).path.lower())
    return "-".join(words)[:60].strip("-") or "article"


def free_path(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem.suffix`, or `stem-2.suffix`, `stem-3.suffix` ... when that file exists."""
    path, n = folder / f"{stem}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path


def pasted_front_matter(text: str) -> tuple[ArticleMeta, str]:
    """The front matter that pasted text starts with (as a .md file's is read) and the text after it.

    An article copied from a .md file often keeps its block of "---", "author: Ann Lee", "---": that is
    the article's metadata, not its first paragraph.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        meta, body, _ = split_front_matter(Path("pasted.md"), text.lstrip(" \t\n"))
    except ArticleError as exc:
        problem = exc.problems[0]
        raise PastedTextError(f"in the front matter at the top of the text (between its \"---\" lines), "
                              f"{problem.message}") from None
    return meta, body


def pasted_article_text(text: str, meta: ArticleMeta) -> str:
    """The .md file for pasted text: front matter, the title as a heading, then the text.

    Fields of `meta` that are empty are taken from the text's own front matter, if it has one."""
    pasted, text = pasted_front_matter(text)
    meta = ArticleMeta(**{k: v if v and v.strip() else getattr(pasted, k) for k, v in vars(meta).items()})
    if not meta.title or not meta.title.strip():
        raise PastedTextError("give the article a title")
    if meta.date:
        try:
            dt.date.fromisoformat(meta.date.strip())
        except ValueError:
            raise PastedTextError(f"the date {meta.date.strip()!r} is not a date: write it as "
                                  "YYYY-MM-DD, e.g. 2024-05-01, or leave it empty") from None
    body = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    body = body.strip("\n")
    fields = {k: " ".join(v.split()) for k, v in vars(meta).items() if v and v.strip()}
    title = fields["title"]
    first, _, rest = body.lstrip("\n").partition("\n")
    if " ".join(first.lstrip("# ").split()) == title:  # the pasted text starts with its headline
        body = rest.lstrip("\n")
    if not Article(path=Path("pasted.md"), text=body).sentences:
        raise PastedTextError("there is no article text to ask about: paste the article's paragraphs")
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n# {title}\n\n{body}\n"


def save_pasted_article(folder: str | Path, text: str, meta: ArticleMeta) -> Path:
    """Save pasted text and its metadata as a new .md article in `folder` (atomically); return its path."""
    content = pasted_article_text(text, meta)
    folder = Path(folder)
    path = free_path(folder, file_stem(meta.title), ".md")
    try:
        write_text_atomic(path, content)
    except OSError as exc:
        raise PastedTextError(f"cannot save the article in {folder}: {exc.strerror or exc}") from None
    return path
