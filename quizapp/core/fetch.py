"""Articles from the web: fetch a page and save it as .html beside the bank.

The saved page carries the address it came from and its headline, date and publisher (as
`quizapp:` meta tags), so that its citations keep working offline. A fetch that fails for any
reason (no connection, a slow or missing page, something that is not a web page, a page too
large or with too little article text) writes nothing and says why.
"""

from __future__ import annotations

import html as html_lib
import http.client
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from quizapp.core.article_file import file_stem, free_path
from quizapp.core.atomic import write_text_atomic
from quizapp.core.errors import ArticleError, QuizappError

TIMEOUT = 20.0  # seconds for the whole fetch
MAX_BYTES = 5 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "Mozilla/5.0 (compatible; quizapp article reader)"


class FetchError(QuizappError):
    """A page could not be fetched or used; the message names the address and what to do."""

    def __init__(self, url: str, message: str) -> None:
        self.url = url
        self.message = message
        super().__init__(f"{url}: {message}")


def is_url(text: str) -> bool:
    """Whether an article argument is a web address rather than a file."""
    return re.match(r"https?://", text.strip(), re.I) is not None


# What a path, query or fragment may hold as it is: a browser percent-encodes anything else
# (a space, a non-ASCII letter) before it asks, e.g. "/my article.html" -> "/my%20article.html".
_URL_SAFE = "/%:@!$&'()*+,;=-._~?"


def web_address(url: str) -> str:
    """`url` as a browser sends it (spaces and other letters percent-encoded); FetchError when it
    is still not a web address, e.g. a space in the host name or a bracket left open."""
    url = url.strip()

    def refuse(why: str) -> FetchError:
        return FetchError(url, f"not a web address: {why}")

    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # urlsplit's only complaint: brackets that hold no IPv6 address
        host_part = url.partition("//")[2].partition("/")[0]
        raise refuse("a [ around the host has no ] to close it" if "]" not in host_part else
                     "the brackets [ ] around the host must hold an IPv6 address, like [::1]") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise refuse("give one that starts with http:// or https://")
    host = parts.hostname or ""
    if not host:
        raise refuse("it has no host name after //, like example.com")
    if "[" in parts.netloc:
        netloc_host = f"[{host}]"
    else:
        try:  # a host in other letters goes out in its ASCII form: "bücher.de" -> "xn--bcher-kva.de"
            netloc_host = host.encode("idna").decode("ascii")
        except UnicodeError:  # e.g. "a..b": refused below if it holds a space, else the fetch says why
            netloc_host = host
        bad = re.search(r"[^A-Za-z0-9._-]", netloc_host)
        if bad:
            what = "a space" if bad.group().isspace() else repr(bad.group())
            raise refuse(f"the host name {host!r} cannot contain {what}")
    try:
        port = parts.port
    except ValueError:
        raise refuse("the port after the host name must be a number from 0 to 65535") from None
    user = parts.netloc.rpartition("@")[0]
    netloc = (urllib.parse.quote(user, safe=_URL_SAFE) + "@" if user else "") + netloc_host
    netloc += f":{port}" if port is not None else ""
    path, query, fragment = (urllib.parse.quote(part, safe=_URL_SAFE) for part in parts[2:])
    return urllib.parse.urlunsplit((parts.scheme.lower(), netloc, path, query, fragment))


Progress = Callable[[int, int, str], None]  # (done, total or 0, what): may raise to stop


def fetch_article(url: str, folder: str | Path, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
                  progress: Progress | None = None) -> Path:
    """Fetch the page at `url`, check it holds an article, save it in `folder`; return its path.

    `progress(bytes, size or 0, text)` is called as the page arrives and before it is saved; an
    exception it raises (to cancel) stops the fetch with nothing written.
    """
    url = url.strip()
    address = web_address(url)
    report = progress or (lambda done, total, text: None)
    report(0, 0, f"fetching {urllib.parse.urlsplit(address).hostname}")
    try:
        final_url, html = _download(address, timeout=timeout, max_bytes=max_bytes, report=report)
    except FetchError as exc:  # named as the teacher typed it, not as it was sent
        raise FetchError(url, exc.message) from None
    folder = Path(folder)
    report(0, 0, "reading the page")
    from quizapp.core.webpage import read_web_page

    try:  # read it before saving: a page without an article is not written
        article = read_web_page(folder / "page.html", html)
    except ArticleError as exc:
        raise FetchError(url, exc.problems[0].message) from None
    meta = article.meta
    saved = {"url": final_url, "title": meta.title, "author": meta.author, "publisher": meta.publisher,
             "date": meta.date}
    path = free_path(folder, file_stem(meta.title, final_url), ".html")
    report(0, 0, "saving the page")
    try:
        write_text_atomic(path, _with_meta(html, saved))
    except OSError as exc:
        raise FetchError(url, f"cannot save the page in {folder}: {exc.strerror}") from None
    return path


def _download(url: str, *, timeout: float, max_bytes: int, report: Progress) -> tuple[str, str]:
    """(the final address after redirects, the page's text)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in HTML_TYPES:
                raise FetchError(url, f"this address gives {kind}, not a web page: give the address "
                                      "of the article's page")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(url, _too_large(max_bytes))
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(64 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, _too_large(max_bytes))
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunks.append(chunk)
                report(size, int(length) if length and length.isdigit() else 0,
                       f"fetching {urllib.parse.urlsplit(url).hostname}")
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise FetchError(url, f"the site answered {exc.code} {exc.reason}: check the address") from None
    except TimeoutError:
        raise FetchError(url, _too_slow(timeout)) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(url, _too_slow(timeout)) from None
        host = urllib.parse.urlsplit(url).hostname
        raise FetchError(url, f"cannot reach {host}: check that you are online and that the address is "
                              f"right ({getattr(reason, 'strerror', None) or reason})") from None
    except http.client.InvalidURL as exc:  # an address web_address let through, or a redirect's
        raise FetchError(url, f"not a web address: {exc}") from None
    except OSError as exc:
        raise FetchError(url, f"the connection failed: {exc.strerror or exc}") from None
    return final_url, _decode(b"".join(chunks), charset)


def _too_slow(timeout: float) -> str:
    return (f"no answer within {timeout:g} seconds: try again later, or save the page from your browser "
            "and open the file")


def _too_large(max_bytes: int) -> str:
    return (f"the page is larger than {max_bytes // (1024 * 1024) or max_bytes // 1024} "
            f"{'MB' if max_bytes >= 1024 * 1024 else 'KB'}: save the article from your browser instead")


def _decode(data: bytes, charset: str | None) -> str:
    """The page's text, in the encoding its header or its <meta charset> gives (UTF-8 otherwise)."""
    if not charset:
        m = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
        charset = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:  # an encoding Python does not know
        return data.decode("utf-8", errors="replace")


def _with_meta(html: str, meta: dict[str, str | None]) -> str:
    """The page with quizapp's meta tags (read back by quizapp.core.webpage) at the top of <head>."""
    tags = "".join(f'<meta name="quizapp:{k}" content="{html_lib.escape(v, quote=True)}">\n'
                   for k, v in meta.items() if v)
    head = re.search(r"<head\b[^>]*>", html, re.I)
    at = head.end() if head else 0
    return html[:at] + "\n" + tags + html[at:]
