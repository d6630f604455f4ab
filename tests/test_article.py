"""Articles: front matter, encodings, sentences, and quotes resolved to offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.article import HEADING, load_article, split_sentences
from quizapp.core.errors import ArticleError
from quizapp.paths import bundled_seeds_dir

SEED = bundled_seeds_dir() / "mali-helicopter-collision.txt"


def test_seed_article_front_matter_and_display_title() -> None:
    article = load_article(SEED)
    assert article.meta.author == "Paquette"
    assert article.meta.title is None
    assert article.display_title == "mali-helicopter-collision.txt"
    assert article.text.startswith("PARIS — A collision of two helicopters")
    assert article.first_line == 4


def test_sentences_keep_abbreviations_together() -> None:
    text = ("U.S. Secretary of State Mike Pompeo said this month that the threat had shifted. "
            "Mr. Smith agreed. “It is real,” he said. Then it ended.")
    sentences = [text[s.start:s.end] for s in split_sentences(text)]
    assert sentences == [
        "U.S. Secretary of State Mike Pompeo said this month that the threat had shifted.",
        "Mr. Smith agreed.",
        "“It is real,” he said.",
        "Then it ended.",
    ]


def test_quote_resolves_to_offsets_and_its_sentence() -> None:
    article = load_article(SEED)
    span = article.find_quote("these 13 heroes had only one aim: to protect us")
    assert span is not None
    assert article.text[span.start:span.end] == "These 13 heroes had only one aim: to protect us"
    sentence = article.sentence_span(span)
    assert article.text[sentence.start:sentence.end] == (
        "“These 13 heroes had only one aim: to protect us,” Macron said in a separate "
        "statement, posted on Twitter.")
    assert article.line_of(span.start) == 12


def test_markdown_article_with_full_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Floods\npublisher: The Post\ndate: 2024-05-01\n---\n\n# Floods\n\n"
                    "Rain fell for 3 days.\n", encoding="utf-8")
    article = load_article(path)
    assert article.meta.title == "Floods" and article.meta.date == "2024-05-01"
    assert article.find_quote("Rain fell for 3 days") is not None


@pytest.mark.parametrize(("content", "message", "line"), [
    (b"", "the file is empty", None),
    (b"   \n\n", "the file is empty", None),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file", None),
    ("Line one\nCaf\xe9 au lait\n".encode("latin-1"), "not UTF-8", 2),
    (b"---\ntitle: [x\n---\nBody.\n", "front matter is not valid YAML", 3),
    (b"---\ntitle: T\n---\n\n", "no text", None),
])
def test_bad_articles_get_clear_errors(tmp_path: Path, content: bytes, message: str,
                                       line: int | None) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as info:
        load_article(path)
    problem = info.value.problems[0]
    assert message in problem.message
    assert problem.path == path and problem.line == line
    assert str(path) in str(info.value)


def test_wrong_kind_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="not an article file"):
        load_article(tmp_path / "photo.png")
    with pytest.raises(ArticleError, match="file not found"):
        load_article(tmp_path / "gone.txt")


def test_saved_web_page(tmp_path: Path) -> None:
    body = ("The mayor opened 3 new bridges over the river on Monday. The bridges cost 40 million euros "
            "and took four years to build, the city said. Two of them carry trams as well as cars and "
            "bicycles. Work on a fourth bridge will start next spring, once the river is low enough.")
    more = ("About 5,000 people walked across the first bridge on its opening day, according to the "
            "police. The old ferry that crossed at the same place will stop running at the end of May.")
    path = tmp_path / "page.html"
    path.write_text(f"""<html><head><title>Bridges open</title>
<meta name="author" content="Jo Reed"><meta property="og:site_name" content="Town Post">
</head><body><nav>Home | News</nav><article><h1>Bridges open</h1><p>{body}</p>
<p>{more}</p></article><footer>Copyright</footer></body></html>""", encoding="utf-8")
    article = load_article(path)
    assert "3 new bridges" in article.text
    assert "Copyright" not in article.text
    assert article.meta.title == "Bridges open"


def test_web_page_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    with pytest.raises(ArticleError, match="no article text"):
        load_article(path)



def test_a_short_paragraph_ending_in_an_ellipsis_is_no_heading(tmp_path: Path) -> None:
    """A short paragraph that ends as a sentence may ("…they waited…") is part of the story, not a heading over it;
    the headline's own test of a first line (no end mark at all) is narrower and must not stand in for this one."""
    path = tmp_path / "storm.txt"
    path.write_text("Storm cuts power to the valley\n\nThe river rose two metres overnight.\n\n"
                    "And still they waited…\n\nCrews worked until dawn to clear the road.\n", encoding="utf-8")
    article = load_article(path)
    kinds = {article.text[b.start:b.end]: b.kind for b in article.blocks}
    assert kinds["And still they waited…"] != HEADING
