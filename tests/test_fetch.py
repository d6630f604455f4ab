"""Articles from a URL, fetched from a real HTTP server that the test starts on this machine."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from quizapp.core.article import load_article
from quizapp.core.fetch import FetchError, fetch_article

BODY = "".join(f"<p>{s}</p>" for s in [
    "The city council voted 7-2 on Monday to close the old Morrison bridge to lorries.",
    "The bridge, which opened in 1958, carries about 30,000 cars a day, according to the county.",
    "Engineers found cracks in three of its steel beams during an inspection in March.",
    "Repairs will cost at least $12 million and take two years, the council said in a statement.",
    "Mayor Ann Roe said the vote was the hardest of her four years in office.",
    "Lorry drivers will have to use the Hawthorne bridge, which adds about 10 minutes to the trip.",
])
ARTICLE = (f"<html><head><meta charset='utf-8'><title>Council closes bridge</title>"
           f"<meta property='og:site_name' content='The Portland Post'>"
           f"<meta property='article:published_time' content='2014-12-29'></head>"
           f"<body><article><h1>Council closes bridge</h1>{BODY}</article></body></html>").encode()
VIDEO = b"<html><head><title>Watch: quads</title></head><body><p>Quadruplets were born on Sunday.</p></body></html>"


class Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # the name http.server calls
        if self.path == "/article":
            self._send(200, "text/html; charset=utf-8", ARTICLE)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, "text/html", ARTICLE)
        elif self.path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 ...")
        elif self.path == "/huge":  # no Content-Length: the size shows only while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body>" + b"<p>Words and more words.</p>" * 20_000)
        elif self.path == "/video":
            self._send(200, "text/html", VIDEO)
        else:
            self._send(404, "text/html", b"<h1>Not found</h1>")

    def _send(self, status: int, kind: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


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
    assert main(["generate", f"{server}/article", "-o", str(out)]) == 0
    bank = load_bank(out).bank  # every citation is found in the saved page
    [source] = bank.sources.values()
    assert source.file == "council-closes-bridge.html" and source.url == f"{server}/article"
    assert source.title == "Council closes bridge" and source.publisher == "The Portland Post"
    assert bank.questions

    assert main(["generate", f"{server}/missing", "-o", str(tmp_path / "other.yaml")]) == 1
    assert "the site answered 404" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.yaml", "council-closes-bridge.html"]
