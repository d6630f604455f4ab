"""A Markdown article's bold, italic and link marks are the file's, not the article's words: the generator
quotes and asks without them, and such a quote is found in the file, as are quotes that keep them."""

from __future__ import annotations

from pathlib import Path

import yaml

from quizapp.core.article import load_article
from quizapp.core.bank import load_bank, save_bank
from quizapp.generate import generate_bank

STORY = """---
title: Wessex bridge to close for repairs
---
# Wessex bridge to close for repairs

The county council said on Monday that the **Brindle Bridge** will close for 14 months of repairs costing
£38m, the largest sum it has spent on a single road project.

About 42,000 vehicles cross the bridge each day, according to [a council survey](https://example.com/s "Survey"),
and traffic is expected to move to the ring road.

The bridge opened in 1962 and was last repaired in 1994, when its deck was replaced at a cost of *£4.2m*.
"""


def write(tmp_path: Path, name: str = "bridge.md") -> Path:
    path = tmp_path / name
    path.write_text(STORY, encoding="utf-8")
    return path


def test_a_quote_without_the_marks_is_found_where_the_marked_words_are(tmp_path: Path) -> None:
    article = load_article(write(tmp_path))
    span = article.find_quote("the Brindle Bridge will close for 14 months")
    assert span is not None
    assert article.text[span.start:span.end] == "the **Brindle Bridge** will close for 14 months"
    span = article.find_quote("according to a council survey, and traffic")
    assert span is not None and article.text[span.start:span.end].startswith("according to [a council survey](")
    # A quote that keeps the marks is found as it always was; words the article does not have are not.
    assert article.find_quote("the **Brindle Bridge** will close") is not None
    assert article.find_quote("the Brindle Bridge will open") is None


def test_a_text_file_keeps_its_stars_as_words(tmp_path: Path) -> None:
    """Only Markdown has marks: in a .txt file "**" is what the file says."""
    article = load_article(write(tmp_path, "bridge.txt"))
    assert article.unmarked() is article
    assert article.find_quote("the Brindle Bridge will close") is None


def test_generated_questions_and_citations_read_without_the_marks(tmp_path: Path) -> None:
    path = write(tmp_path)
    bank = generate_bank([path], bank_dir=tmp_path, min_confidence=0)
    text = yaml.safe_dump([q.model_dump(mode="json") for q in bank.questions], allow_unicode=True)
    assert bank.questions, "the made-up article has figures to ask about"
    assert "**" not in text and "](" not in text and "*£4.2m*" not in text
    quotes = [q.cite.quote for q in bank.questions if q.cite is not None]
    assert any("according to a council survey," in quote for quote in quotes)
    # The bank, written and read back, finds every citation in the article file (load_bank checks them).
    out = tmp_path / "bridge.yaml"
    save_bank(bank, out)
    loaded = load_bank(out)
    assert len(loaded.bank.questions) == len(bank.questions) and not loaded.warnings
    article = load_article(path)
    assert all(article.find_quote(quote) is not None for quote in quotes)
