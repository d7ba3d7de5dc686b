"""Hostile and huge inputs: fuzzed readers and cleaners, giant pages, deep nesting, zip bombs in WARC files.

Each input must give a document or a one-line reason; nothing may crash or hang. The fuzz budget is
recorded in the settings below (examples per property and a per-example deadline).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sigact.clean import MAX_HTML_CHARS, clean, clean_text, strip_bloat
from sigact.errors import InputError
from sigact.feeds import parse_feed
from sigact.fetch import decode_body
from sigact.ingest import decode, read_inputs
from sigact.records import Article, Document
from sigact.warc import MAX_RECORD_BYTES, read_warc

FUZZ = settings(max_examples=300, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)
PARA = "<p>Two drones attacked US forces at Ain al-Asad air base in Anbar province on Monday, officials said.</p>"


def _one_line(err: InputError) -> None:
    assert "\n" not in str(err) and str(err).strip()


# -- fuzzing -----------------------------------------------------------------------------------------------

TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<script>", "</script>",
                        "<!--", "-->", "<html>", "<body>", "<title>", "</title>", "<meta charset='x'>", "<br>",
                        "<table><tr><td>", "&amp;", "&#0;", "\x00", "<![CDATA[", "<?xml version='1.0'?>"])
HTMLISH = st.lists(st.one_of(TAGS, st.text(max_size=40), st.just(PARA)), max_size=40).map("".join)


@FUZZ
@given(data=st.binary(max_size=3000))
def test_fuzz_decode(data: bytes) -> None:
    try:
        text = decode(data, "fuzz")
    except InputError as err:
        _one_line(err)
    else:
        assert isinstance(text, str)


@FUZZ
@given(raw=st.text(max_size=3000))
def test_fuzz_clean_text(raw: str) -> None:
    assert all(isinstance(p, str) for p in clean_text(raw))


@FUZZ
@given(html=HTMLISH)
def test_fuzz_clean_html(html: str) -> None:
    try:
        art = clean(Document(doc_id="f", source="fuzz.html", html=html))
    except InputError as err:
        _one_line(err)
    else:
        assert isinstance(art, Article) and art.text


@FUZZ
@given(html=HTMLISH)
def test_fuzz_strip_bloat_keeps_text_outside_scripts(html: str) -> None:
    out = strip_bloat(html)
    assert len(out) <= len(html) + html.count("<")


@FUZZ
@given(body=st.one_of(st.binary(max_size=2000), HTMLISH.map(str.encode)),
       ctype=st.sampled_from([None, "text/html", "text/html; charset=windows-1256", "text/html; charset=bogus",
                              "text/html; charset=utf-16"]))
def test_fuzz_decode_body(body: bytes, ctype: str | None) -> None:
    try:
        assert isinstance(decode_body(body, ctype, "http://x/"), str)
    except InputError as err:
        _one_line(err)


@FUZZ
@given(body=st.one_of(st.binary(max_size=2000), HTMLISH.map(lambda s: f"<rss><channel>{s}</channel></rss>".encode())))
def test_fuzz_parse_feed(body: bytes) -> None:
    try:
        assert isinstance(parse_feed(body, "http://x/feed"), list)
    except InputError as err:
        _one_line(err)


def _warc_bytes(pages: list[tuple[str, bytes]], gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


GOOD_WARC = _warc_bytes([("https://e.com/a", f"<html><body>{PARA}</body></html>".encode())] * 2, gz=False)


@FUZZ
@given(data=st.one_of(
    st.binary(max_size=2000),
    st.tuples(st.integers(0, len(GOOD_WARC) - 1), st.binary(min_size=1, max_size=20)).map(
        lambda t: GOOD_WARC[:t[0]] + t[1] + GOOD_WARC[t[0] + len(t[1]):]),
    st.integers(0, len(GOOD_WARC)).map(lambda n: GOOD_WARC[:n]),
))
def test_fuzz_warc(data: bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("w") / "f.warc"
    path.write_bytes(data)
    for item in read_warc(path):
        if isinstance(item, InputError):
            _one_line(item)
        else:
            assert isinstance(item, Document)


# -- huge and deep inputs -----------------------------------------------------------------------------------

def test_deeply_nested_html_does_not_crash() -> None:
    html = "<html><body>" + "<div>" * 100_000 + PARA * 3 + "</div>" * 100_000 + "</body></html>"
    try:
        art = clean(Document(doc_id="deep", source="deep.html", html=html))
    except InputError as err:
        _one_line(err)
    else:
        assert "drones" in art.text


def test_page_over_the_size_limit_is_refused_quickly() -> None:
    html = "<html><body>" + PARA * (MAX_HTML_CHARS // len(PARA) + 10) + "</body></html>"
    with pytest.raises(InputError, match="HTML too large"):
        clean(Document(doc_id="big", source="big.html", html=html))


def test_bloated_page_is_stripped_then_read() -> None:
    html = ("<html><head><script>" + "var x = 1;" * (MAX_HTML_CHARS // 8) + "</script></head><body><article>"
            + PARA * 3 + "</article></body></html>")
    assert len(html) > MAX_HTML_CHARS
    assert "Ain al-Asad" in clean(Document(doc_id="b", source="b.html", html=html)).text


def _zeros(n: int) -> Iterator[bytes]:
    chunk = b"\0" * (1 << 20)
    for _ in range(n // len(chunk)):
        yield chunk


class _Stream(io.RawIOBase):
    """A readable stream over generated chunks, so a huge payload is never held in memory."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks, self._buf = chunks, b""

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray) -> int:  # type: ignore[override]
        while not self._buf:
            nxt = next(self._chunks, None)
            if nxt is None:
                return 0
            self._buf = nxt
        n = min(len(b), len(self._buf))
        b[:n], self._buf = self._buf[:n], self._buf[n:]
        return n


def _write_warc(path: Path, records: list[tuple[str, io.RawIOBase | bytes, list[tuple[str, str]]]], gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, payload, headers in records:
            stream = io.BufferedReader(payload) if isinstance(payload, io.RawIOBase) else io.BytesIO(payload)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=stream, http_headers=http))


def test_warc_http_gzip_bomb_stops_at_the_record_cap(tmp_path: Path) -> None:
    """A 256 MB body of zeros sent gzip-encoded (256 KB in the archive) is refused at 10 MB decompressed."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(comp.compress(c) for c in _zeros(256 << 20)) + comp.flush()
    page = f"<html><body><article>{PARA * 3}</article></body></html>".encode()
    path = tmp_path / "bomb.warc.gz"
    _write_warc(path, [("https://e.com/bomb", bomb, [("Content-Encoding", "gzip")]),
                       ("https://e.com/ok", page, [])], gz=True)
    items = list(read_inputs([path]))
    assert isinstance(items[0], InputError) and "too large" in str(items[0]) and "https://e.com/bomb" in str(items[0])
    assert isinstance(items[1], Document) and items[1].doc_id == "https://e.com/ok"


def test_warc_record_that_decompresses_hugely_is_skipped(tmp_path: Path) -> None:
    """A record-level gzip member holding 120 MB: read as a stream, refused, the next record still read."""
    page = f"<html><body><article>{PARA * 3}</article></body></html>".encode()
    path = tmp_path / "big.warc.gz"
    _write_warc(path, [("https://e.com/huge", _Stream(_zeros(120 << 20)), []), ("https://e.com/ok", page, [])],
                gz=True)
    assert path.stat().st_size < 2 << 20
    items = list(read_inputs([path]))
    assert isinstance(items[0], InputError) and f"over {MAX_RECORD_BYTES // (1 << 20)} MB" in str(items[0])
    assert isinstance(items[1], Document)


def test_huge_page_reduced_to_its_article() -> None:
    nav = "<li><a href='/s'>Section</a></li>" * (MAX_HTML_CHARS // 30)
    html = f"<html><head><title>Drones hit base</title></head><body><ul>{nav}</ul><article>{PARA * 5}</article></body>"
    assert len(html) > MAX_HTML_CHARS
    art = clean(Document(doc_id="h", source="h.html", html=html))
    assert "Ain al-Asad" in art.text and art.title == "Drones hit base"
