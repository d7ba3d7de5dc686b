"""Fetch web pages for ingest: polite, bounded and safe against server-side request forgery.

Network stays at the edge: this module turns URLs into ``Fetched`` records (bytes, decoded text and
the server's validators); ``document_from_fetch`` turns one into a ``Document`` for cleaning.

- Every host name is resolved here and each address checked before connecting, on the first request
  and on every redirect hop (redirects are followed by hand): loopback, private, link-local, cloud
  metadata and other non-global addresses are refused unless explicitly allowed (metadata and
  link-local addresses never are). The connection then
  goes to the checked address (the Host header and TLS server name keep the original name), so a DNS
  answer that changes between check and connect cannot slip through.
- Bodies are streamed and capped after decompression (a gzip bomb stops at the cap); the declared
  size is checked first.
- Politeness: at most ``per_host_concurrency`` requests to one host at a time and at least
  ``per_host_interval`` seconds between their starts; retries with exponential back-off on
  connection errors, 429 and 5xx (honouring a short Retry-After).
- robots.txt is read once per site and obeyed (Disallow, Crawl-delay) unless switched off.
- Conditional requests: the caller passes the ETag / Last-Modified it stored; 304 comes back as
  ``not_modified``.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from sigact import __version__
from sigact.errors import InputError
from sigact.records import Document

USER_AGENT = f"sigact/{__version__} (conflict-event coding from news; one polite request per page; httpx)"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/feed+json"}
TEXT_TYPES = {"text/plain"}
REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 60.0
ROBOTS_AGENT = "sigact"
ROBOTS_MAX_BYTES = 512 * 1024
MAX_CRAWL_DELAY = 30.0
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# Cloud metadata services and "this network": refused even with allow_private, since no page worth
# ingesting lives there and reaching them is what request forgery is after.
NEVER_ALLOWED = tuple(ipaddress.ip_network(n) for n in ("169.254.0.0/16", "0.0.0.0/8", "100.100.100.200/32",
                                                        "fd00:ec2::254/128", "fe80::/10"))


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How to fetch: limits, politeness and which addresses may be reached."""

    timeout: float = 20.0  # seconds for connecting and for each read
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024  # decompressed body size cap
    retries: int = 2  # further attempts after a failed one
    backoff: float = 1.0  # seconds before the first retry, doubled for each next
    concurrency: int = 4  # requests in flight overall
    per_host_concurrency: int = 2
    per_host_interval: float = 1.0  # seconds between the starts of two requests to one host
    user_agent: str = USER_AGENT
    allow_private: bool = False  # reach loopback/private/link-local addresses (local test servers)
    allow_networks: tuple[str, ...] = ()  # or only these networks, e.g. ("127.0.0.1/32",)
    respect_robots: bool = True  # obey robots.txt (Disallow and Crawl-delay for "sigact" or "*")


@dataclass(frozen=True, slots=True)
class Fetched:
    """One URL as fetched: what was asked, where it ended, and what came back."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str | None  # media type without parameters
    body: bytes = b""
    text: str | None = None  # body decoded (None for 304)
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_forbidden(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Loopback, private, link-local, shared, reserved, multicast or metadata: not the public internet."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return _never(ip) or not ip.is_global or ip.is_multicast


def _never(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip.version == n.version and ip in n for n in NEVER_ALLOWED)


def _allowed(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, options: FetchOptions) -> bool:
    if _never(ip):
        return False
    if options.allow_private:
        return True
    return any(ip in ipaddress.ip_network(n, strict=False) for n in options.allow_networks)


def resolve_checked(url: str, options: FetchOptions) -> str:
    """The address to connect to for ``url``; ``InputError`` when any address it resolves to is refused."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(url, f"unsupported URL scheme '{parts.scheme or '(none)'}' (only http and https)")
    host = parts.hostname
    if not host:
        raise InputError(url, "URL has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise InputError(url, "URL has an invalid port") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(url, f"cannot resolve host '{host}' ({exc})") from None
    addresses = list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))
    if not addresses:
        raise InputError(url, f"host '{host}' has no address")
    for addr in addresses:
        ip = ipaddress.ip_address(addr)
        if is_forbidden(ip) and not _allowed(ip, options):
            hint = "never allowed" if _never(ip) else "use --allow-private to permit"
            raise InputError(url, f"refused: host '{host}' resolves to non-public address {addr} "
                             f"(loopback, private, link-local or metadata; {hint})")
    return addresses[0]


def _pinned(url: str, address: str) -> tuple[str, str]:
    """The URL with its host replaced by the checked address, and the Host header to send."""
    parts = urlsplit(url)
    host_header = parts.netloc.rsplit("@", 1)[-1]
    ip_host = f"[{address}]" if ":" in address else address
    netloc = ip_host if parts.port is None else f"{ip_host}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, "")), host_header


def media_type(content_type: str | None) -> str | None:
    return content_type.split(";", 1)[0].strip().lower() or None if content_type else None


def decode_body(body: bytes, content_type: str | None, source: str) -> str:
    """Bytes to text by the declared charset (header, else <meta>), checked against the bytes.

    A declared charset is often wrong: UTF-8 bytes that decode cleanly win over a declared single-byte
    charset, and bytes the declared charset cannot decode fall back to the general guess (ingest.decode).
    """
    from sigact.ingest import decode

    declared = None
    if content_type and (m := _CHARSET.search(content_type)):
        declared = m.group(1)
    elif m := _META_CHARSET.search(body[:4096]):
        declared = m.group(1).decode("ascii", "replace")
    if declared:
        try:
            body.decode("utf-8")
            return decode(body, source)  # valid UTF-8: whatever was declared, it is UTF-8 (or ASCII)
        except UnicodeDecodeError:
            pass
        try:
            text = body.decode(declared)
        except (LookupError, UnicodeDecodeError):
            return decode(body, source)
        if not text.strip():
            raise InputError(source, "empty input")
        return text
    return decode(body, source)


class _HostGate:
    """Per-host concurrency limit and minimum interval between request starts."""

    def __init__(self, concurrency: int, interval: float) -> None:
        self._sem = threading.BoundedSemaphore(max(1, concurrency))
        self._lock = threading.Lock()
        self._next = 0.0
        self.interval = interval

    def __enter__(self) -> None:
        self._sem.acquire()
        with self._lock:
            now = time.monotonic()
            wait = self._next - now
            self._next = max(now, self._next) + self.interval
        if wait > 0:
            time.sleep(wait)

    def __exit__(self, *exc: object) -> None:
        self._sem.release()


class Fetcher:
    """An HTTP client with sigact's limits; use as a context manager."""

    def __init__(self, options: FetchOptions | None = None, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options or FetchOptions()
        self._sleep = sleep
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.options.timeout), follow_redirects=False, trust_env=False,
            headers={"User-Agent": self.options.user_agent, "Accept": "text/html,application/xhtml+xml,"
                     "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"},
            transport=transport,
            # connections are to checked addresses, not names: never reuse one for another host's request
            limits=httpx.Limits(max_keepalive_connections=0),
        )
        self._gates: dict[str, _HostGate] = {}
        self._gates_lock = threading.Lock()
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _gate(self, host: str) -> _HostGate:
        with self._gates_lock:
            if host not in self._gates:
                self._gates[host] = _HostGate(self.options.per_host_concurrency, self.options.per_host_interval)
            return self._gates[host]

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` following safe redirects; ``InputError`` (naming the URL) for every failure."""
        url = url.strip()
        current = url
        for hop in range(self.options.max_redirects + 1):
            try:
                self._check_robots(url, current)
                resp = self._request(url, current, etag, last_modified)
            except InputError as err:
                if hop == 0 or err.source == url:
                    raise
                raise InputError(url, f"redirect hop {hop} to {current}: {err.reason}") from None
            if isinstance(resp, str):  # a redirect target
                current = resp
                continue
            return resp
        raise InputError(url, f"too many redirects (more than {self.options.max_redirects})")

    def _check_robots(self, url: str, current: str) -> None:
        """Refuse a URL that the site's robots.txt disallows for sigact; apply its Crawl-delay."""
        if not self.options.respect_robots:
            return
        parts = urlsplit(current)
        origin = f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"
        with self._gates_lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        if rules is None:
            return
        if not rules.can_fetch(ROBOTS_AGENT, current):
            raise InputError(url, f"disallowed by {origin}/robots.txt")
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            gate = self._gate(parts.hostname or "")
            gate.interval = max(gate.interval, min(float(delay), MAX_CRAWL_DELAY))

    def _load_robots(self, origin: str) -> RobotFileParser | None:
        """The origin's robots.txt rules; None (everything allowed) when it has none or cannot be read."""
        try:
            got = self._request(origin + "/robots.txt", origin + "/robots.txt", None, None, robots=True)
        except InputError:
            return None
        if isinstance(got, str) or got.status != 200 or not got.text:
            return None
        rules = RobotFileParser()
        rules.parse(got.text.splitlines())
        return rules

    def _request(self, url: str, current: str, etag: str | None, last_modified: str | None,
                 robots: bool = False) -> Fetched | str:
        """One hop with retries: a ``Fetched``, or the absolute URL a redirect points to."""
        opts = self.options
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            address = resolve_checked(current, opts)
            target, host_header = _pinned(current, address)
            parts = urlsplit(current)
            extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
            delay: float | None = None
            try:
                with self._gate(parts.hostname or ""):
                    request = self._client.build_request("GET", target, headers={**headers, "Host": host_header},
                                                         extensions=extensions)
                    with closing(self._client.send(request, stream=True)) as resp:
                        if resp.status_code in REDIRECTS:
                            location = resp.headers.get("location")
                            if not location:
                                raise InputError(url, f"redirect {resp.status_code} without a Location")
                            return urljoin(current, location.strip())
                        if resp.status_code in RETRY_STATUSES and attempt < opts.retries:
                            delay = _retry_after(resp.headers.get("retry-after"))
                        else:
                            return self._read(url, current, resp, robots)
            except httpx.TimeoutException:
                if attempt >= opts.retries:
                    raise InputError(url, f"timed out after {attempt + 1} attempt(s)") from None
            except (httpx.TransportError, httpx.DecodingError) as exc:
                if isinstance(exc, httpx.DecodingError) or attempt >= opts.retries:
                    raise InputError(url, f"network error: {type(exc).__name__}: {str(exc)[:120]}") from None
            except httpx.InvalidURL as exc:
                raise InputError(url, f"invalid URL ({exc})") from None
            self._sleep(delay if delay is not None else opts.backoff * (2 ** attempt))
            attempt += 1

    def _read(self, url: str, current: str, resp: httpx.Response, robots: bool = False) -> Fetched:
        opts = self.options
        ctype_header = resp.headers.get("content-type")
        ctype = media_type(ctype_header)
        etag, last_modified = resp.headers.get("etag"), resp.headers.get("last-modified")
        if resp.status_code == 304:
            return Fetched(url, current, 304, ctype, etag=etag, last_modified=last_modified)
        if robots and resp.status_code != 200:
            return Fetched(url, current, resp.status_code, ctype)
        if resp.status_code != 200:
            raise InputError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
        if ctype and ctype not in HTML_TYPES | FEED_TYPES | TEXT_TYPES and not robots:
            raise InputError(url, f"unsupported content type '{ctype}' (expected HTML, a feed or plain text)")
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > opts.max_bytes and "content-encoding" not in resp.headers:
            raise InputError(url, f"response too large ({int(declared) // 1024} KB > {opts.max_bytes // 1024} KB)")
        chunks: list[bytes] = []
        size = 0
        cap = min(opts.max_bytes, ROBOTS_MAX_BYTES) if robots else opts.max_bytes
        for chunk in resp.iter_bytes():  # decompressed: the cap holds against gzip bombs too
            size += len(chunk)
            if size > cap:
                raise InputError(url, f"response too large (over {opts.max_bytes // 1024} KB once decompressed)")
            chunks.append(chunk)
        body = b"".join(chunks)
        text = decode_body(body, ctype_header, url)
        return Fetched(url, current, 200, ctype, body, text, etag, last_modified)

    def fetch_many(self, urls: Iterable[str], validators: Callable[[str], tuple[str | None, str | None]] | None = None
                   ) -> Iterator[tuple[str, Fetched | InputError]]:
        """Fetch concurrently (bounded overall and per host); results in input order."""

        def one(u: str) -> Fetched | InputError:
            etag, modified = validators(u) if validators else (None, None)
            try:
                return self.fetch(u, etag, modified)
            except InputError as err:
                return err

        url_list = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
        with ThreadPoolExecutor(max_workers=max(1, self.options.concurrency)) as pool:
            yield from zip(url_list, pool.map(one, url_list), strict=True)


def _retry_after(value: str | None) -> float | None:
    """Seconds a 429/503 asks us to wait (capped), or None for the default back-off."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min((when - datetime.now(UTC)).total_seconds(), MAX_RETRY_AFTER))


def is_url(item: str) -> bool:
    return item.strip().lower().startswith(("http://", "https://"))


def read_url_list(path: str) -> list[str]:
    """URLs from a list file: one per line; blank lines and '#' comments ignored."""
    from pathlib import Path

    from sigact.ingest import decode

    p = Path(path)
    try:
        text = decode(p.read_bytes(), path)
    except OSError as exc:
        raise InputError(path, f"cannot read URL list ({exc.strerror or exc})") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def document_from_fetch(f: Fetched) -> Document:
    """A fetched page as a document: HTML goes to trafilatura, plain text to the text rules."""
    text = f.text or ""
    looks_html = f.content_type in HTML_TYPES or (f.content_type is None and "<html" in text[:2000].lower())
    return Document(doc_id=f.final_url, source=f.url, text=None if looks_html else text,
                    html=text if looks_html else None, url=f.final_url)
