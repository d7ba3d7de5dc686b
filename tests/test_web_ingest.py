"""Web inputs end to end against a loopback server: URLs, feeds and WARC files into the store
(sigact.collect, sigact.feeds, sigact.warc), in process and through the CLI."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from dbrows import rows as _rows
from localserver import LocalServer, Route, html_page, local_server

from sigact.collect import ingest_urls, watch_once
from sigact.errors import InputError
from sigact.feeds import discover, parse_feed
from sigact.fetch import Fetcher, FetchOptions
from sigact.ingest import read_inputs
from sigact.records import Document
from sigact.store import IngestSummary, Store

OPTS = FetchOptions(allow_networks=("127.0.0.1/32",), per_host_interval=0, backoff=0.01)
ARABIC = ("قصفت طائرة مسيرة قاعدة عين الأسد الجوية في محافظة الأنبار صباح اليوم، بحسب مصادر أمنية عراقية. "
          "وقالت المصادر إن الهجوم لم يسفر عن خسائر بشرية، فيما فتحت القوات الأمنية تحقيقا في الحادث.")


def article(n: int) -> list[str]:
    return [f"On 17 October 2023, {n + 2} drones targeted US forces at Ain al-Asad air base in Anbar province, "
            "officials said.",
            f"Report number {n}: the attack caused no casualties, according to a statement from the coalition, "
            "which said its air defences had intercepted most of them."]


def rss(server: LocalServer, items: list[int]) -> bytes:
    entries = "".join(
        f"<item><title>Drones hit base {i}</title><link>{server.url(f'/news/{i}')}</link>"
        f"<guid>urn:item:{i}</guid><pubDate>Tue, 17 Oct 2023 10:00:00 GMT</pubDate></item>" for i in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title><link>{server.base}</link>'
            f"<description>x</description>{entries}</channel></rss>").encode()


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with local_server() as srv:
        for i in range(6):
            srv.routes[f"/news/{i}"] = Route(html_page(f"Drones hit base {i}", article(i)).encode(), etag=f'"e{i}"',
                                             headers={"Content-Type": "text/html; charset=utf-8"})
        srv.routes["/ar"] = Route(html_page("خبر", [ARABIC], lang="ar", charset="windows-1256").encode("cp1256"),
                                  headers={"Content-Type": "text/html; charset=windows-1256"})
        yield srv


def test_urls_stored_with_raw_html_and_validators(tmp_path: Path, server: LocalServer) -> None:
    db = tmp_path / "w.db"
    store, errors = Store(db), []
    urls = [server.url("/news/0"), server.url("/news/1"), server.url("/ar"), server.url("/missing")]
    first = IngestSummary()
    with Fetcher(OPTS) as f:
        ingest_urls(store, f, urls, first, errors.append)
    assert (first.new, first.failed, first.skipped) == (3, 1, 1)
    assert [str(e) for e in errors] == [
        f"{server.url('/ar')}: language 'ar' is not supported by extraction (English only); not extracted (stored)",
        f"{server.url('/missing')}: HTTP 404 Not Found"]
    rows = _rows(db, "SELECT doc_id, url, language, skip_reason, raw_html FROM documents ORDER BY id")
    assert [r[0] for r in rows] == urls[:3]
    html = zlib.decompress(rows[0][4]).decode()
    assert html == html_page("Drones hit base 0", article(0)) and store.raw_html(urls[0]) == html
    assert rows[2][2] == "ar" and "not supported by extraction" in rows[2][3]
    assert ARABIC.split()[0] in zlib.decompress(rows[2][4]).decode()
    assert _rows(db, f"SELECT count(*) FROM event_mentions m JOIN documents d ON d.id = m.document_id "
                     f"WHERE d.url = '{urls[2]}'") == [(0,)]
    assert _rows(db, f"SELECT etag FROM http_cache WHERE url = '{urls[0]}'") == [('"e0"',)]
    # again: the pages with an ETag answer 304, the others are unchanged by content hash
    server.hits.clear()
    again = IngestSummary()
    with Fetcher(OPTS) as f:
        ingest_urls(Store(db), f, urls, again, errors.append)
    assert (again.new, again.unchanged) == (0, 3)
    assert [h.status for h in server.hits if h.path.startswith("/news/")] == [304, 304]
    assert store.counts()["documents"] == 3


def test_feed_watch_fetches_only_new_items(tmp_path: Path, server: LocalServer) -> None:
    db = tmp_path / "w.db"
    feed = {"items": [0, 1]}
    server.routes["/feed.xml"] = lambda: Route(rss(server, feed["items"]), etag=f'"f{len(feed["items"])}"',
                                               headers={"Content-Type": "application/rss+xml"})
    errors: list[Exception] = []
    with Fetcher(OPTS) as f:
        s1 = IngestSummary()
        watch_once(Store(db), f, [server.url("/feed.xml")], s1, errors.append)
        assert (s1.new, s1.failed) == (2, 0), errors
        server.hits.clear()
        s2 = IngestSummary()
        watch_once(Store(db), f, [server.url("/feed.xml")], s2, errors.append)  # a restart: a new Store
        assert [h.status for h in server.hits] == [304] and s2.new == 0
        feed["items"] = [2, 0, 1]
        server.hits.clear()
        s3 = IngestSummary()
        watch_once(Store(db), f, [server.url("/feed.xml")], s3, errors.append)
    assert s3.new == 1 and [h.path for h in server.hits] == ["/feed.xml", "/news/2"]
    assert sorted(r[0] for r in _rows(db, "SELECT item_key FROM feed_items")) == [f"urn:item:{i}" for i in range(3)]
    assert _rows(db, "SELECT published FROM documents WHERE url LIKE '%/news/2'") == [("2023-10-17",)]


def test_page_announcing_a_feed_is_followed(tmp_path: Path, server: LocalServer) -> None:
    server.routes["/feed.xml"] = Route(rss(server, [3]), headers={"Content-Type": "application/rss+xml"})
    link = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    server.routes["/"] = Route(html_page("Home", ["Latest news."], extra_head=link).encode())
    s = IngestSummary()
    with Fetcher(OPTS) as f:
        watch_once(Store(tmp_path / "w.db"), f, [server.url("/")], s, print)
    assert s.new == 1 and server.hits_of("/news/3")


def test_item_whose_page_fails_is_retried_next_poll(tmp_path: Path, server: LocalServer) -> None:
    server.routes["/feed.xml"] = Route(rss(server, [4, 9]), etag='"x"', headers={"Content-Type": "application/rss+xml"})
    db = tmp_path / "w.db"
    with Fetcher(OPTS) as f:
        s1, errors = IngestSummary(), []
        watch_once(Store(db), f, [server.url("/feed.xml")], s1, errors.append)
        assert (s1.new, s1.failed) == (1, 1) and "HTTP 404" in str(errors[0])
        server.routes["/news/9"] = server.routes["/news/5"]
        s2 = IngestSummary()
        watch_once(Store(db), f, [server.url("/feed.xml")], s2, errors.append)
    assert s2.new == 1  # the feed was not marked unchanged while an item was missing


def test_parse_feed_atom_and_garbage() -> None:
    atom = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            b'<entry><id>tag:x,2024:1</id><title>A</title><link href="/a"/><updated>2024-01-05T10:00:00Z</updated>'
            b"<content type='html'>&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>")
    [item] = parse_feed(atom, "https://example.com/feed")
    assert (item.key, item.link, str(item.published), item.html) == (
        "tag:x,2024:1", "https://example.com/a", "2024-01-05", "<p>Body</p>")
    with pytest.raises(InputError, match="not an RSS/Atom feed"):
        parse_feed(b"<html><body>hello</body></html>", "https://example.com/x")
    assert discover('<link rel="alternate" type="application/atom+xml" href="f.xml">', "https://e.com/a/") == \
        "https://e.com/a/f.xml"


# -- WARC ------------------------------------------------------------------------------------------------

def write_warc(path: Path, pages: list[tuple[str, bytes, str]], gz: bool = True) -> None:
    """A WARC with a request, a response per page (url, body, content type) and a metadata record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, body, ctype in pages:
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        writer.write_record(writer.create_warc_record("urn:meta", "metadata", payload=io.BytesIO(b"x: y")))


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    write_warc(path, [("https://example.com/1", html_page("One", article(1)).encode(), "text/html; charset=utf-8"),
                      ("https://example.com/logo.png", b"\x89PNG", "image/png"),
                      ("https://example.com/2", html_page("Two", article(2)).encode(), "text/html")], gz)
    items = list(read_inputs([tmp_path]))
    assert [d.doc_id for d in items if isinstance(d, Document)] == ["https://example.com/1", "https://example.com/2"]
    assert not [e for e in items if isinstance(e, InputError)]
    assert "drones targeted US forces" in (items[0].html or "")  # type: ignore[union-attr]


def test_damaged_warc_is_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(gzip.compress(b"this is not a warc at all\n" * 100))
    [err] = list(read_inputs([bad]))
    assert isinstance(err, InputError) and str(err).startswith(str(bad)) and "\n" not in str(err)


# -- the command line ---------------------------------------------------------------------------------------

def _sigact(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TERM": "dumb", "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "sigact.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in this process (the gazetteer is loaded once per test session), run from ``cwd``."""
    from typer.testing import CliRunner

    from sigact.cli import app

    old = Path.cwd()
    os.chdir(cwd)
    try:
        r = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(old)
    return subprocess.CompletedProcess(list(args), r.exit_code, r.stdout, r.stderr)


def test_cli_ingest_urls_watch_and_refusal(tmp_path: Path, server: LocalServer) -> None:
    server.routes["/feed.xml"] = Route(rss(server, [4, 5]), headers={"Content-Type": "application/rss+xml"})
    server.routes["/go"] = Route(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    (tmp_path / "list.urls").write_text(f"# news\n{server.url('/news/1')}\n\n{server.url('/news/2')}\n")
    ing_r = _cli(tmp_path, "ingest", server.url("/news/0"), "--urls", "list.urls", "--db", "a.db", "--allow-private",
                 "--delay", "0")
    assert ing_r.returncode == 0, ing_r.stderr
    assert "documents: 3 new" in ing_r.stderr
    assert _rows(tmp_path / "a.db", "SELECT count(*) FROM documents WHERE raw_html IS NOT NULL") == [(3,)]
    watch_r = _cli(tmp_path, "watch", server.url("/feed.xml"), "--once", "--db", "c.db", "--allow-private",
                   "--delay", "0")
    assert watch_r.returncode == 0, watch_r.stderr
    assert _rows(tmp_path / "c.db", "SELECT count(*) FROM feed_items") == [(2,)]
    # real processes: refusal without --allow-private, and a redirect to a metadata address even with it
    ref_r = _sigact(tmp_path, "ingest", server.url("/news/0"), "--db", "b.db")
    assert ref_r.returncode == 1
    [line, *_] = [ln for ln in ref_r.stderr.splitlines() if "refused" in ln]
    assert server.url("/news/0") in line and "Traceback" not in ref_r.stderr
    redirect = _sigact(tmp_path, "clean", server.url("/go"), server.url("/news/3"), "--allow-private")
    assert redirect.returncode == 0 and "redirect hop 1" in redirect.stderr and "refused" in redirect.stderr
    assert '"doc_id": "' + server.url("/news/3") in redirect.stdout


def test_feed_url_given_to_ingest_stores_its_items(tmp_path: Path, server: LocalServer) -> None:
    server.routes["/feed.xml"] = Route(rss(server, [0, 1]), headers={"Content-Type": "application/rss+xml"})
    s = IngestSummary()
    with Fetcher(OPTS) as f:
        ingest_urls(Store(tmp_path / "w.db"), f, [server.url("/feed.xml")], s, print)
    assert s.new == 2 and server.hits_of("/news/0") and server.hits_of("/news/1")


def test_cli_clean_jsonl(tmp_path: Path, corpus_dir: Path) -> None:
    page = next(iter(sorted((corpus_dir / "aeb_news_html" / "html").glob("*.html"))))
    (tmp_path / "empty.html").write_text("")
    run = _sigact(tmp_path, "clean", str(page), "empty.html", "--format", "jsonl")
    assert run.returncode == 0, run.stderr
    import json

    [row] = [json.loads(ln) for ln in run.stdout.splitlines()]
    assert set(row) == {"doc_id", "source", "url", "title", "published", "outlet", "author", "language",
                        "skip_reason", "text"}
    assert row["language"] == "en" and len(row["text"]) > 500 and row["title"]
    assert [ln for ln in run.stderr.splitlines() if ln.strip()] == ["skipped: empty.html: empty input"]


def test_page_whose_html_changed_but_not_its_text_is_unchanged(tmp_path: Path, server: LocalServer) -> None:
    ads = {"n": 0}

    def page() -> Route:
        ads["n"] += 1
        html = html_page("Drones hit base 0", article(0)).replace("</footer>", f" Ad #{ads['n']}</footer>")
        return Route(html.encode(), headers={"Content-Type": "text/html"})

    server.routes["/rotating"] = page
    db = tmp_path / "w.db"
    with Fetcher(OPTS) as f:
        for _ in range(2):
            s = IngestSummary()
            ingest_urls(Store(db), f, [server.url("/rotating")], s, print)
    assert (s.new, s.unchanged) == (0, 1) and Store(db).counts()["documents"] == 1
