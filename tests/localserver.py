"""A loopback-only HTTP server for end-to-end tests of fetching: routes, validators, request log."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answered with 304 when the client sends it back
    gzip: bool = False  # send the body gzip-encoded
    fail_first: int = 0  # answer 503 this many times before succeeding


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[], Route]] = {}
        self.hits: list[Hit] = []
        self.robots_hits: list[Hit] = []  # kept apart so tests can assert exact page request sequences
        self.lock = threading.Lock()
        self.active = 0
        self.max_active = 0
        self.delay = 0.0
        self._server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits_of(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                import time

                with server.lock:
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                try:
                    if server.delay:
                        time.sleep(server.delay)
                    self._answer()
                finally:
                    with server.lock:
                        server.active -= 1

            def _answer(self) -> None:
                found = server.routes.get(self.path)
                route = found() if callable(found) else found
                status = 404 if route is None else route.status
                if route is not None and route.fail_first > 0:
                    route.fail_first -= 1
                    status = 503
                elif route is not None and route.etag and self.headers.get("If-None-Match") == route.etag:
                    status = 304
                log = server.robots_hits if self.path == "/robots.txt" else server.hits
                log.append(Hit(self.path, dict(self.headers.items()), status))
                body = b"not found" if route is None else route.body
                self.send_response(status)
                if route is not None:
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                    if route.etag:
                        self.send_header("ETag", route.etag)
                if status == 304 or status == 503:
                    body = b""
                elif route is not None and route.gzip:
                    body = gzip.compress(body, 6)
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def start(self) -> None:
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up early (size caps, timeouts) are part of the tests


@contextmanager
def local_server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def html_page(title: str, paragraphs: list[str], lang: str = "en", charset: str = "utf-8",
              extra_head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}"><title>{title}</title>{extra_head}'
            f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>"
            f"{body}</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>")
