"""Pasted text saved as a .md article with front matter, and read back as an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.article import ArticleMeta, load_article
from quizapp.core.article_file import PastedTextError, save_pasted_article

PASTED = """The city council voted 7-2 on Monday to close the old Morrison bridge to lorries.\r
The bridge, which opened in 1958, carries about 30,000 cars a day.\r
\r
Engineers found cracks in three of its steel beams during an inspection in March.
"""


def test_pasted_text_is_saved_with_its_metadata_and_read_back(tmp_path: Path) -> None:
    meta = ArticleMeta(title="Council closes: the bridge #2", author="Jo Reed", publisher="The Post",
                       date="2014-12-29", url="https://example.com/news/bridge")
    path = save_pasted_article(tmp_path, PASTED, meta)
    assert path == tmp_path / "council-closes-the-bridge-2.md"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file is left
    article = load_article(path)
    assert article.meta == meta
    assert article.text.startswith("# Council closes: the bridge #2\n\n")  # the title is a heading
    assert [article.text[h.start:h.end] for h in article.headings] == ["Council closes: the bridge #2"]
    assert [article.text[s.start:s.end] for s in article.sentences] == [
        "The city council voted 7-2 on Monday to close the old Morrison bridge to lorries.",
        "The bridge, which opened in 1958, carries about 30,000 cars a day.",
        "Engineers found cracks in three of its steel beams during an inspection in March."]
    # Saving the same title again never replaces the first file.
    again = save_pasted_article(tmp_path, PASTED, ArticleMeta(title="Council closes: the bridge #2"))
    assert again.name == "council-closes-the-bridge-2-2.md" and load_article(path).meta == meta


def test_a_headline_pasted_with_the_text_is_not_repeated(tmp_path: Path) -> None:
    path = save_pasted_article(tmp_path, "Bridge closes\n\n" + PASTED, ArticleMeta(title="Bridge closes"))
    assert load_article(path).text.count("Bridge closes") == 1


@pytest.mark.parametrize(("text", "meta", "message"), [
    (PASTED, ArticleMeta(title="  "), "give the article a title"),
    (PASTED, ArticleMeta(title="Bridge", date="29/12/2014"), "write it as YYYY-MM-DD"),
    ("Loading weather data\n\nBridge Closes", ArticleMeta(title="Bridge"), "no article text"),
])
def test_pasted_text_that_cannot_be_an_article_is_refused_and_nothing_is_written(
        tmp_path: Path, text: str, meta: ArticleMeta, message: str) -> None:
    with pytest.raises(PastedTextError, match=message):
        save_pasted_article(tmp_path, text, meta)
    assert list(tmp_path.iterdir()) == []


def test_front_matter_pasted_with_the_text_is_read_as_a_files_is(tmp_path: Path) -> None:
    # Copied from a .md file, with its block of metadata (and a blank line before it).
    pasted = "\n---\nauthor: Jo Reed\ndate: 2014-12-29\n---\n" + PASTED
    path = save_pasted_article(tmp_path, pasted, ArticleMeta(title="Bridge closes", author="J. Reed"))
    article = load_article(path)
    # What was typed wins; the block fills what was not, and is not kept in the text.
    assert article.meta == ArticleMeta(title="Bridge closes", author="J. Reed", date="2014-12-29")
    assert "---" not in article.text and "author" not in article.text
    assert article.text[article.sentences[0].start:].startswith("The city council voted 7-2")
    # The title may come from the block alone.
    titled = save_pasted_article(tmp_path, "---\ntitle: Bridge shut\n---\n" + PASTED, ArticleMeta())
    assert load_article(titled).meta.title == "Bridge shut"


def test_pasted_front_matter_that_a_file_could_not_have_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PastedTextError, match=r"in the front matter at the top of the text .*unknown front "
                                              r"matter key 'layout'"):
        save_pasted_article(tmp_path, "---\nlayout: post\n---\n" + PASTED, ArticleMeta(title="Bridge"))
    assert list(tmp_path.iterdir()) == []
