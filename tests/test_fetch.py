"""Fetching over HTTP against a loopback server: redirects, SSRF refusal, caps, charsets, politeness (sigact.fetch)."""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Iterator

import pytest
from localserver import LocalServer, Route, html_page, local_server

from sigact.errors import InputError
from sigact.fetch import (
    USER_AGENT,
    Fetcher,
    FetchOptions,
    decode_body,
    document_from_fetch,
    is_forbidden,
    resolve_checked,
)

LOOPBACK_ONLY = FetchOptions(allow_networks=("127.0.0.1/32",), per_host_interval=0, backoff=0.01)
ARABIC = "قصفت طائرة مسيرة قاعدة عين الأسد الجوية في محافظة الأنبار صباح اليوم، بحسب مصادر أمنية عراقية."
PARAS = ["Two drones attacked US forces at Ain al-Asad air base in Anbar province on Tuesday, officials said.",
         "The attack caused no casualties, according to a statement from the coalition."]


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with local_server() as srv:
        yield srv


def _fetcher(**changes: object) -> Fetcher:
    from dataclasses import replace

    return Fetcher(replace(LOOPBACK_ONLY, **changes), sleep=lambda s: None)  # type: ignore[arg-type]


# -- address safety ---------------------------------------------------------------------------------

@pytest.mark.parametrize("addr", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                  "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1",
                                  "224.0.0.1"])
def test_non_public_addresses_are_forbidden(addr: str) -> None:
    assert is_forbidden(ipaddress.ip_address(addr))


@pytest.mark.parametrize("addr", ["93.184.216.34", "8.8.8.8", "2606:4700::1111"])
def test_public_addresses_are_allowed(addr: str) -> None:
    assert not is_forbidden(ipaddress.ip_address(addr))


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://localhost:8080/x", "http://169.254.169.254/latest",
                                 "http://[::1]/", "http://10.0.0.5/", "http://0x7f000001/"])
def test_private_urls_refused_by_default(url: str) -> None:
    with pytest.raises(InputError, match="refused") as exc:
        resolve_checked(url, FetchOptions())
    assert str(exc.value).startswith(url) and "\n" not in str(exc.value)


@pytest.mark.parametrize("url,reason", [("ftp://example.com/x", "scheme"), ("file:///etc/passwd", "scheme"),
                                        ("http:///nohost", "no host"), ("http://example.com:99999/", "port")])
def test_bad_urls_refused(url: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        resolve_checked(url, FetchOptions())


def test_loopback_refused_without_allow_option(server: LocalServer) -> None:
    server.routes["/page"] = Route(html_page("t", PARAS).encode())
    with Fetcher(FetchOptions()) as f, pytest.raises(InputError, match="non-public address 127.0.0.1"):
        f.fetch(server.url("/page"))
    assert server.hits == []  # refused before connecting


def test_redirect_chain_followed(server: LocalServer) -> None:
    server.routes["/a"] = Route(status=301, headers={"Location": "/b"})
    server.routes["/b"] = Route(status=302, headers={"Location": server.url("/c")})
    server.routes["/c"] = Route(status=307, headers={"Location": "page"})
    server.routes["/page"] = Route(html_page("t", PARAS).encode(), headers={"Content-Type": "text/html"})
    with _fetcher() as f:
        got = f.fetch(server.url("/a"))
    assert (got.status, got.url, got.final_url) == (200, server.url("/a"), server.url("/page"))
    assert [h.path for h in server.hits] == ["/a", "/b", "/c", "/page"]
    assert all(h.headers["User-Agent"] == USER_AGENT for h in server.hits)
    assert server.hits[0].headers["Host"] == server.base.removeprefix("http://")


def test_too_many_redirects(server: LocalServer) -> None:
    for i in range(10):
        server.routes[f"/r{i}"] = Route(status=302, headers={"Location": f"/r{i + 1}"})
    with _fetcher(max_redirects=3) as f, pytest.raises(InputError, match="too many redirects"):
        f.fetch(server.url("/r0"))
    assert len(server.hits) == 4


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://10.20.30.40/admin",
                                    "http://[::1]/", "http://192.168.0.1/"])
def test_redirect_to_private_address_refused_on_the_hop(server: LocalServer, target: str) -> None:
    server.routes["/go"] = Route(status=302, headers={"Location": target})
    with _fetcher() as f, pytest.raises(InputError) as exc:
        f.fetch(server.url("/go"))
    msg = str(exc.value)
    assert msg.startswith(server.url("/go")) and "redirect hop 1" in msg and "refused" in msg
    assert [h.path for h in server.hits] == ["/go"]


def test_redirect_to_other_scheme_refused(server: LocalServer) -> None:
    server.routes["/go"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    with _fetcher() as f, pytest.raises(InputError, match="unsupported URL scheme"):
        f.fetch(server.url("/go"))


# -- conditional requests, retries, limits --------------------------------------------------------------

def test_etag_sent_back_and_304_is_not_modified(server: LocalServer) -> None:
    server.routes["/page"] = Route(html_page("t", PARAS).encode(), etag='"v1"',
                                   headers={"Last-Modified": "Tue, 02 Jan 2024 10:00:00 GMT"})
    with _fetcher() as f:
        first = f.fetch(server.url("/page"))
        again = f.fetch(server.url("/page"), first.etag, first.last_modified)
    assert first.etag == '"v1"' and first.last_modified == "Tue, 02 Jan 2024 10:00:00 GMT"
    assert again.not_modified and again.text is None
    assert server.hits[1].headers["If-None-Match"] == '"v1"'
    assert server.hits[1].headers["If-Modified-Since"] == "Tue, 02 Jan 2024 10:00:00 GMT"


def test_retries_with_backoff_on_503(server: LocalServer) -> None:
    server.routes["/flaky"] = Route(html_page("t", PARAS).encode(), fail_first=2)
    slept: list[float] = []
    with Fetcher(LOOPBACK_ONLY, sleep=slept.append) as f:
        got = f.fetch(server.url("/flaky"))
    assert got.status == 200 and [h.status for h in server.hits] == [503, 503, 200]
    assert slept == [0.01, 0.02]


def test_gives_up_after_retries(server: LocalServer) -> None:
    server.routes["/down"] = Route(b"x", fail_first=10)
    with _fetcher(retries=1) as f, pytest.raises(InputError, match="HTTP 503"):
        f.fetch(server.url("/down"))
    assert len(server.hits) == 2


def test_http_error_status(server: LocalServer) -> None:
    with _fetcher() as f, pytest.raises(InputError, match="HTTP 404"):
        f.fetch(server.url("/missing"))


def test_size_cap(server: LocalServer) -> None:
    server.routes["/big"] = Route(b"<p>" + b"a" * 300_000 + b"</p>", headers={"Content-Type": "text/html"})
    with _fetcher(max_bytes=100_000) as f, pytest.raises(InputError, match="too large"):
        f.fetch(server.url("/big"))


def test_gzip_bomb_stops_at_the_cap(server: LocalServer) -> None:
    """200 MB of zeros gzip to 200 KB; the cap applies to decompressed bytes."""
    server.routes["/bomb"] = Route(b"\0" * (200 * 1024 * 1024), gzip=True, headers={"Content-Type": "text/html"})
    start = time.perf_counter()
    with _fetcher(max_bytes=2 * 1024 * 1024) as f, pytest.raises(InputError, match="once decompressed"):
        f.fetch(server.url("/bomb"))
    assert time.perf_counter() - start < 10


def test_unsupported_content_type(server: LocalServer) -> None:
    server.routes["/img"] = Route(b"\x89PNG\r\n", headers={"Content-Type": "image/png"})
    with _fetcher() as f, pytest.raises(InputError, match="unsupported content type 'image/png'"):
        f.fetch(server.url("/img"))


def test_timeout_is_an_error_line(server: LocalServer) -> None:
    server.routes["/slow"] = Route(b"x")
    server.delay = 1.0
    with _fetcher(timeout=0.2, retries=0) as f, pytest.raises(InputError, match="timed out"):
        f.fetch(server.url("/slow"))


def test_per_host_politeness(server: LocalServer) -> None:
    for i in range(4):
        server.routes[f"/p{i}"] = Route(html_page(f"t{i}", PARAS).encode())
    server.delay = 0.05
    with _fetcher(per_host_interval=0.15, per_host_concurrency=1, concurrency=4) as f:
        start = time.perf_counter()
        got = list(f.fetch_many([server.url(f"/p{i}") for i in range(4)]))
        took = time.perf_counter() - start
    assert [u for u, _ in got] == [server.url(f"/p{i}") for i in range(4)]  # input order
    assert all(not isinstance(r, InputError) for _, r in got)
    assert server.max_active == 1 and took >= 0.45


# -- charsets -------------------------------------------------------------------------------------------------

def test_windows_1256_page(server: LocalServer) -> None:
    page = html_page("خبر", [ARABIC], lang="ar", charset="windows-1256").encode("cp1256")
    server.routes["/ar"] = Route(page, headers={"Content-Type": "text/html; charset=windows-1256"})
    with _fetcher() as f:
        got = f.fetch(server.url("/ar"))
    assert ARABIC in (got.text or "")
    assert document_from_fetch(got).html == got.text


def test_wrong_declared_charset_falls_back_to_a_guess(server: LocalServer) -> None:
    page = html_page("خبر", [ARABIC * 3], lang="ar", charset="utf-8").encode("cp1256")
    server.routes["/ar"] = Route(page, headers={"Content-Type": "text/html; charset=utf-8"})
    with _fetcher() as f:
        got = f.fetch(server.url("/ar"))
    assert ARABIC in (got.text or "")


def test_utf8_declared_as_latin1_reads_as_utf8() -> None:
    body = html_page("Café", ["Les forces de la coalition ont été visées à Erbil."]).encode("utf-8")
    assert "été" in decode_body(body, "text/html; charset=iso-8859-1", "x")


def test_meta_charset_used_without_header() -> None:
    body = html_page("t", [ARABIC], charset="windows-1256").encode("cp1256")
    assert ARABIC in decode_body(body, "text/html", "x")


def test_unknown_declared_charset_falls_back() -> None:
    text = "The café owner said the rébels had fled before the strike on the village, witnesses told reporters. " * 3
    assert decode_body(text.encode("cp1252"), "text/html; charset=x-no-such", "x") == text


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
                                 "http://[::ffff:169.254.169.254]/", "http://0.0.0.0/"])
def test_metadata_addresses_refused_even_when_private_allowed(url: str) -> None:
    with pytest.raises(InputError, match="never allowed"):
        resolve_checked(url, FetchOptions(allow_private=True))


# -- robots.txt -------------------------------------------------------------------------------------------

def test_robots_txt_disallow_and_crawl_delay(server: LocalServer) -> None:
    server.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 5\n\nUser-agent: sigact\nDisallow: /private/\n"
                                         b"Crawl-delay: 1\n", headers={"Content-Type": "text/plain"})
    server.routes["/private/x"] = Route(html_page("t", PARAS).encode())
    server.routes["/ok"] = Route(html_page("t", PARAS).encode())
    server.routes["/ok2"] = Route(html_page("t", PARAS).encode())
    with _fetcher() as f:
        with pytest.raises(InputError, match="disallowed by .*/robots.txt"):
            f.fetch(server.url("/private/x"))
        start = time.perf_counter()
        f.fetch(server.url("/ok"))
        f.fetch(server.url("/ok2"))
        assert 1 <= time.perf_counter() - start < 4  # the crawl delay for sigact (1 s), not for * (5 s), not ours (0)
    assert len(server.robots_hits) == 1 and [h.path for h in server.hits] == ["/ok", "/ok2"]
    with _fetcher(respect_robots=False) as f:
        assert f.fetch(server.url("/private/x")).status == 200


def test_missing_or_broken_robots_txt_allows(server: LocalServer) -> None:
    server.routes["/ok"] = Route(html_page("t", PARAS).encode())
    with _fetcher() as f:
        assert f.fetch(server.url("/ok")).status == 200  # /robots.txt is a 404 here
    server.routes["/robots.txt"] = Route(b"\0\xff garbage", headers={"Content-Type": "application/octet-stream"})
    with _fetcher() as f:
        assert f.fetch(server.url("/ok")).status == 200
