"""An article's structure: only the sentences of paragraphs and list items can be cited.

Headings, captions, bylines, datelines, contact lines and interface text ("Loading …", "Follow us",
"Related:", timestamps, chart sources) stay out of `Article.sentences`, on pages written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.article import load_article
from quizapp.core.errors import ArticleError

BODY = [
    "PORTLAND -- The city council voted 7-2 on Monday to close the old Morrison bridge to lorries.",
    "The bridge, which opened in 1958, carries about 30,000 cars a day, according to the county.",
    "Engineers found cracks in three of its steel beams during an inspection in March.",
    "Repairs will cost at least $12 million and take two years, the council said in a statement.",
    "Mayor Ann Roe said the vote was the hardest of her four years in office.",
    "Lorry drivers will have to use the Hawthorne bridge, which adds about 10 minutes to the trip.",
]

# Lines of a page that are not the article's sentences, each with where it sits.
NOT_SENTENCES = [
    "Loading Photo Gallery",
    "Loading weather data …",
    "Follow us on Twitter and Facebook for the latest news.",
    "Share this article",
    "Click here to subscribe to our newsletter.",
    "Related: Storm closes the coast road",
    "Read more: Council budget explained",
    "Trending On The Portland Post",
    "Source: Multnomah County",
    "Note: figures are for 2014.",
    "Contact the reporter at jreed@portlandpost.com or 503-555-0100.",
    "Staff writer Sam Lee contributed to this report.",
    "This article originally appeared on The Portland Post.",
    "12:03 pm |",
    "Updated: Dec. 27, 2014 4:03 p.m.",
]


def page(tmp_path: Path, extra: str = "", body: list[str] = BODY) -> Path:
    path = tmp_path / "page.html"
    first, rest = ("".join(f"<p>{s}</p>" for s in part) for part in (body[:3], body[3:]))
    junk = "".join(f"<p>{line}</p>" for line in NOT_SENTENCES)
    path.write_text(f"""<html><head><title>Council closes bridge to lorries | The Portland Post</title>
<meta name="author" content="Jo Reed"><meta property="og:site_name" content="The Portland Post">
<meta property="article:published_time" content="2014-12-29">
</head><body><nav>Home | News | Sport</nav>
<h1>Council closes bridge to lorries</h1>
<article><p>By Jo Reed</p><p>Loading...</p>{first}
<h2>Spotty Recovery</h2>
<figure><img src="bridge.jpg" alt="The bridge"><figcaption>The Morrison bridge at dusk. (AP Photo/Sam Lee)
</figcaption></figure>
{rest}{extra}{junk}
<p>-- Jo Reed</p></article>
<footer>Copyright 2014 The Portland Post. All rights reserved.</footer></body></html>""", encoding="utf-8")
    return path


def sentences(article) -> list[str]:
    return [article.text[s.start:s.end] for s in article.sentences]


def test_only_the_reporting_sentences_are_citable(tmp_path: Path) -> None:
    article = load_article(page(tmp_path))
    assert sentences(article) == [BODY[0].removeprefix("PORTLAND -- "), *BODY[1:]]
    for line in NOT_SENTENCES:
        assert all(line not in s for s in sentences(article)), line


def test_headline_is_title_and_first_line_and_headings_stay_headings(tmp_path: Path) -> None:
    article = load_article(page(tmp_path))
    assert article.meta.title == "Council closes bridge to lorries"  # the site's name is not the headline's
    assert article.text.startswith("Council closes bridge to lorries\n\nBy Jo Reed\n\n")
    assert article.text.count("Council closes bridge to lorries") == 1  # not repeated from the body
    headings = [article.text[h.start:h.end] for h in article.headings]
    assert "Spotty Recovery" in headings
    assert article.meta.author == "Jo Reed" and article.meta.publisher == "The Portland Post"
    assert article.meta.date == "2014-12-29"


def test_boilerplate_is_dropped_from_the_text(tmp_path: Path) -> None:
    text = load_article(page(tmp_path)).text
    for line in ("Loading", "Follow us", "Click here", "Trending On", "jreed@", "contributed to this report",
                 "originally appeared", "12:03 pm", "Copyright", "-- Jo Reed"):
        assert line not in text, line


def test_inline_pointers_and_embedded_posts_are_dropped(tmp_path: Path) -> None:
    extra = ("<p>Drivers were not pleased with the decision, and many said so at the meeting. "
             "(RELATED: Five Bridges That Need Repairs)</p>"
             "<blockquote class='twitter-tweet'><p>Bridge closed again pic.twitter.com/x1y2z3</p>"
             "— Sam Lee (@samlee) December 29, 2014</blockquote>")
    article = load_article(page(tmp_path, extra))
    assert "Drivers were not pleased with the decision, and many said so at the meeting." in sentences(article)
    assert "RELATED" not in article.text
    assert all("pic.twitter.com" not in s for s in sentences(article))


def test_a_page_with_too_little_article_text_gets_a_clear_message(tmp_path: Path) -> None:
    path = page(tmp_path, body=["Quadruplets were born in Utah on Sunday, to the joy of their parents."])
    with pytest.raises(ArticleError) as info:
        load_article(path)
    message = str(info.value)
    assert str(path) in message
    assert "this page has only 13 words of article text" in message


def test_a_page_that_is_mostly_a_list_says_so_rather_than_calling_it_a_video(tmp_path: Path) -> None:
    # A calendar or a table of results: plenty of text, but lines without sentences to ask about.
    listing = [f"Jan. {day}-{day + 2}: Wessex Rovers Hockey Club, Rovers against Tolley Town in the winter "
               f"league (January 2015), Brindle Arena, {day * 100}" for day in range(1, 12)]
    path = page(tmp_path, body=["Hockey players and skaters will bring more than 5,900 people to Brindle next month.",
                                "Here is the calendar of events, with the number of people expected at each:",
                                *listing])
    with pytest.raises(ArticleError) as info:
        load_article(path)
    message = str(info.value)
    assert str(path) in message
    assert "words in sentences" in message and "(a list, a table" in message
    assert "video" not in message


def test_markdown_headings_lists_and_quotes(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Floods\n---\n# Floods close the valley road\n\nBy Jo Reed\n\n"
                    "NEWTOWN — Rain fell for three days and closed 4 roads.\n\n## What the council said\n\n"
                    "- The road will reopen on Friday.\n- Buses run every 20 minutes\n\n"
                    "> A quote set apart is not cited.\n\nRead more: flood maps\n", encoding="utf-8")
    article = load_article(path)
    assert sentences(article) == ["Rain fell for three days and closed 4 roads.",
                                  "The road will reopen on Friday."]
    assert [article.text[h.start:h.end] for h in article.headings] == [
        "Floods close the valley road", "What the council said"]


def test_text_file_headline_is_a_heading_not_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Wall Street cheers the result\n\nShares rose 2% on Wednesday.\n\nSpotty Recovery\n\n"
                    "Hourly earnings rose 0.4% in March.\n", encoding="utf-8")
    article = load_article(path)
    assert sentences(article) == ["Shares rose 2% on Wednesday.", "Hourly earnings rose 0.4% in March."]
    assert [article.text[h.start:h.end] for h in article.headings] == [
        "Wall Street cheers the result", "Spotty Recovery"]
    assert article.find_quote("Wall Street cheers the result") is not None  # still in the text


@pytest.mark.parametrize("name", ["a.md", "a.txt"])
def test_a_yaml_block_or_a_rule_line_inside_the_text_is_never_part_of_a_sentence(tmp_path: Path, name: str) -> None:
    # Front matter copied under a headline (not at the top, so not read as front matter), and
    # lines of dashes or stars between parts of the text, with no blank line around them.
    path = tmp_path / name
    path.write_text("Floods close the valley road\n\n---\nauthor: Jo Reed\ndate: 2024-03-01\n---\n"
                    "NEWTOWN — Rain fell for three days and closed 4 roads.\n---\n"
                    "The road will reopen on Friday.\n* * *\nBuses run every 20 minutes.\n", encoding="utf-8")
    article = load_article(path)
    assert sentences(article) == ["Rain fell for three days and closed 4 roads.",
                                  "The road will reopen on Friday.", "Buses run every 20 minutes."]
    assert [article.text[h.start:h.end] for h in article.headings] == ["Floods close the valley road"]


def test_live_blog_timestamps_and_doubled_datelines_are_not_sentences(tmp_path: Path) -> None:
    path = tmp_path / "live.txt"
    path.write_text("14.29 Police have closed the bridge to all traffic.\n\n"
                    "MUMBAI / MUMBAI (Reuters) - Indian shares fell 2 percent on Monday.\n\n"
                    "GREEN BAY, Wis. -- The team lost for the third time this season.\n\n"
                    "TOLLEY/LONDON, March 11 (Wessex Wire) - Copper rose to its highest in four months.\n\n"
                    "HARBOUR, 14 February - At least 23 people have died in floods in the north.\n\n"
                    "KELOWNA, British Columbia, 19 August (Wessex Wire) - Some 12,000 people were told to leave.\n",
                    encoding="utf-8")
    assert sentences(load_article(path)) == ["Police have closed the bridge to all traffic.",
                                             "Indian shares fell 2 percent on Monday.",
                                             "The team lost for the third time this season.",
                                             "Copper rose to its highest in four months.",
                                             "At least 23 people have died in floods in the north.",
                                             "Some 12,000 people were told to leave."]


# A live blog: each entry its own <article> in a stream, newest first, with the page's chrome around it.
LIVE_ENTRIES = [
    ("16:40", "Ferry back in service", ["The evening ferry to Holm Island left on time after a day of cancellations.",
                                        "The harbour master said the swell had dropped below two metres by four."]),
    ("15:05", "Schools to open tomorrow", ["All 12 schools on the island will open as normal on Thursday, the "
                                           "education office said."]),
    ("13:20", "Power restored to most homes", ["About 900 of the 1,100 homes that lost power overnight are back "
                                               "on supply, the grid company said.",
                                               "Crews are still working on lines near the lighthouse road."]),
    ("11:45", "Welcome", ["Good morning and welcome to our coverage of the gale that hit Holm Island overnight."]),
]
LIVE_CHROME = ["Island Gazette home", "Ferry fares to rise in spring", "Lighthouse keeper retires after 40 years",
               "Holiday cottages half price this winter", "What a night! My shed is in the sea."]


@pytest.mark.parametrize("time", ["<time>{}</time>", "<span class='stamp'>{} GMT</span>"])
def test_a_live_blog_is_read_whole_without_its_chrome(tmp_path: Path, time: str) -> None:
    entries = "".join(
        f"""<li><article class="feed-item"><header>{time.format(t)}<h2>{head}</h2></header>
        <div class="feed-item__body">{"".join(f"<p>{p}</p>" for p in paras)}</div></article></li>
        <li><div class="ad-slot">Advertisement</div></li>"""
        for t, head, paras in LIVE_ENTRIES)
    path = tmp_path / "live.html"
    path.write_text(f"""<html><head><title>Gale on Holm Island: live updates | Island Gazette</title></head><body>
<nav><ul><li><a href="/">{LIVE_CHROME[0]}</a></li><li><a href="/news">News</a></li></ul></nav>
<h1>Gale on Holm Island: live updates</h1>
<div class="live-stream"><ol>{entries}</ol></div>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">{LIVE_CHROME[1]}</a></li>
<li><a href="/b">{LIVE_CHROME[2]}</a></li></ul></aside>
<div class="promo"><a href="/c">{LIVE_CHROME[3]}</a></div>
<section class="comments"><h2>Comments</h2><div class="comment"><p>{LIVE_CHROME[4]}</p></div></section>
<footer>Copyright 2023 Island Gazette. All rights reserved.</footer></body></html>""", encoding="utf-8")
    article = load_article(path)
    assert sentences(article) == [p for _, _, paras in LIVE_ENTRIES for p in paras]
    assert [article.text[h.start:h.end] for h in article.headings] == [
        "Gale on Holm Island: live updates", *(head for _, head, _ in LIVE_ENTRIES)]
    assert not any(line in article.text for line in LIVE_CHROME)
    assert not any(t in article.text for t, _, _ in LIVE_ENTRIES)


def test_article_view_shows_headings_as_headings(qtbot, main_window, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from quizapp.core.bank import load_bank
    from quizapp.core.session import Mode, QuizOptions, start_quiz

    (tmp_path / "a.md").write_text("# Floods close the valley road\n\nRain fell for 3 days.\n\n"
                                   "## What the council said\n\nThe road will reopen on Friday.\n",
                                   encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(
        "title: Floods\nsources:\n  a: {file: a.md}\nquestions:\n  - id: days\n    type: numeric\n"
        "    prompt: For how many days did rain fall?\n    answer: 3\n    cite: {quote: Rain fell for 3 days}\n",
        encoding="utf-8")
    window = main_window
    window.run_session(start_quiz(load_bank(tmp_path / "bank.yaml"), QuizOptions(mode=Mode.PRACTICE)))
    quiz = window.quiz
    qtbot.keyClicks(window.focusWidget(), "3")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    qtbot.mouseClick(quiz.feedback.article_button, Qt.MouseButton.LeftButton)
    view = window.article
    assert window.stack.currentWidget() is view
    # The headings without their Markdown marks; the cited sentence still highlighted to the character.
    assert view.heading_text() == ["Floods close the valley road", "What the council said"]
    assert "#" not in view.text.toPlainText()
    assert view.highlighted_text() == ["Rain fell for 3 days."]
