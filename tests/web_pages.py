"""A real HTTP server on this machine, serving article pages for the tests of fetching.

Pages: /article (an article), /my%20article.html (the same, as a file whose name has a space),
/moved (a redirect to it), /slow (the article after 2 seconds), /report.pdf (not a web page),
/huge (larger than any limit a test sets), /video (too little text); anything else is a 404.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY = "".join(f"<p>{s}</p>" for s in [
    "The Portland city council voted 7-2 to close the old Morrison bridge to lorries.",
    "The Morrison bridge, which opened in 1958, carries about 30,000 cars a day, according to Multnomah County.",
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
        if self.path in ("/article", "/my%20article.html"):
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


@contextmanager
def serving_pages() -> Iterator[str]:
    """Serve the pages above on a free local port; yields the server's address."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
