"""Articles from a URL, fetched from a real HTTP server that the test starts on this machine."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.core.article import load_article
from quizapp.core.fetch import FetchError, fetch_article
from tests.web_pages import serving_pages


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving_pages() as address:
        yield address


def test_a_page_is_saved_beside_the_bank_with_its_address_and_metadata(server: str, tmp_path: Path) -> None:
    path = fetch_article(f"{server}/moved", tmp_path)  # a redirect is followed
    assert path.parent == tmp_path and path.name == "council-closes-bridge.html"
    article = load_article(path)  # offline from here on: the saved file is all it needs
    assert article.meta.url == f"{server}/article"
    assert article.meta.title == "Council closes bridge"
    assert article.meta.publisher == "The Portland Post" and article.meta.date == "2014-12-29"
    assert "Engineers found cracks in three of its steel beams during an inspection in March." in [
        article.text[s.start:s.end] for s in article.sentences]
    assert fetch_article(f"{server}/article", tmp_path).name == "council-closes-bridge-2.html"  # never overwrites


def test_a_fetch_stopped_from_its_progress_writes_nothing(server: str, tmp_path: Path) -> None:
    class Stop(Exception):
        pass

    seen: list[str] = []

    def progress(done: int, total: int, text: str) -> None:
        seen.append(text)
        if text == "saving the page":  # the last moment before the page is written
            raise Stop

    with pytest.raises(Stop):
        fetch_article(f"{server}/article", tmp_path, progress=progress)
    assert seen[0] == "fetching 127.0.0.1" and "reading the page" in seen
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("page", "message"), [
    ("/missing", "the site answered 404"),
    ("/slow", "no answer within 0.5 seconds"),
    ("/report.pdf", "gives application/pdf, not a web page"),
    ("/huge", "the page is larger than 100 KB"),
    ("/video", "this page has only 5 words of article text"),
])
def test_a_failed_fetch_says_why_and_writes_nothing(server: str, tmp_path: Path, page: str, message: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch_article(server + page, tmp_path, timeout=0.5, max_bytes=100 * 1024)
    assert message in str(info.value)
    assert str(info.value).startswith(server + page)
    assert list(tmp_path.iterdir()) == []


def test_offline_gets_a_clear_message(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port that nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match=r"cannot reach 127\.0\.0\.1: check that you are online"):
        fetch_article(f"http://127.0.0.1:{port}/article", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_generate_from_a_url_on_the_command_line(server: str, tmp_path: Path, capsys) -> None:
    from quizapp.cli import main
    from quizapp.core.bank import load_bank

    out = tmp_path / "bank.yaml"
    # (every question found: a page this short may have none above the bar)
    assert main(["generate", f"{server}/article", "-o", str(out), "--min-confidence", "0"]) == 0
    bank = load_bank(out).bank  # every citation is found in the saved page
    [source] = bank.sources.values()
    assert source.file == "council-closes-bridge.html" and source.url == f"{server}/article"
    assert source.title == "Council closes bridge" and source.publisher == "The Portland Post"
    assert bank.questions

    assert main(["generate", f"{server}/missing", "-o", str(tmp_path / "other.yaml")]) == 1
    assert "the site answered 404" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.yaml", "council-closes-bridge.html"]


def test_a_space_in_the_path_is_sent_percent_encoded_as_a_browser_does(server: str, tmp_path: Path) -> None:
    path = fetch_article(f"{server}/my article.html", tmp_path)
    assert load_article(path).meta.url == f"{server}/my%20article.html"


@pytest.mark.parametrize(("url", "why"), [
    ("http://exa mple.com/a b", "the host name 'exa mple.com' cannot contain a space"),
    ("http://[::1/x.html", "a [ around the host has no ] to close it"),
    ("http://[not-ip]/x.html", "the brackets [ ] around the host must hold an IPv6 address"),
    ("http:///x.html", "it has no host name"),
    ("http://example.com:port/x.html", "the port after the host name must be a number"),
    ("not a url", "give one that starts with http:// or https://"),
])
def test_a_malformed_address_is_named_with_what_is_wrong(tmp_path: Path, url: str, why: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch_article(url, tmp_path)
    assert str(info.value).startswith(f"{url}: not a web address: {why}")
    assert list(tmp_path.iterdir()) == []


def test_generate_from_malformed_addresses_on_the_command_line(server: str, tmp_path: Path, capsys) -> None:
    from quizapp.cli import main

    out = tmp_path / "bank.yaml"
    for url in ("http://exa mple.com/a b", "http://[::1/x.html"):
        assert main(["generate", url, "-o", str(out)]) == 1
        assert capsys.readouterr().err == f"quizapp: {url}: not a web address: " + (
            "the host name 'exa mple.com' cannot contain a space\n" if " " in url else
            "a [ around the host has no ] to close it\n")
    assert list(tmp_path.iterdir()) == []
    assert main(["generate", f"{server}/my article.html", "-o", str(out), "--min-confidence", "0"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.yaml", "council-closes-bridge.html"]
