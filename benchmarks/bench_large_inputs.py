"""Time and peak memory of `sigact clean` on huge inputs: a 50 MB HTML page and a 200 MB+ WARC file.

Both are generated in a temporary folder (never in the project). Each run is a fresh process; peak RSS
is that process's maximum resident set size (os.wait4).

    python benchmarks/bench_large_inputs.py [--html-mb 50] [--warc-mb 220] [--keep DIR]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

PARA = ("<p>Two drones attacked US forces at Ain al-Asad air base in Anbar province on {day} March 2024, "
        "officials said, in the {n}th attack on coalition forces this year.</p>\n")
NAV = "<li><a href='/section/{i}'>Section {i}</a></li>"


def write_html(path: Path, mb: int) -> None:
    """A page of ``mb`` MB: navigation, an inline script of the size of a data blob, and an article."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write("<!DOCTYPE html><html><head><title>Huge page</title><script>var data = [")
        chunk = "{'id': 12345, 'name': 'item', 'tags': ['a', 'b', 'c']}, " * 1000
        for _ in range(int(mb * 0.6 * 1e6 // len(chunk))):
            fh.write(chunk)
        fh.write("];</script></head><body><nav><ul>")
        nav = "".join(NAV.format(i=i) for i in range(1000))
        for _ in range(int(mb * 0.4 * 1e6 // len(nav))):
            fh.write(nav)
        fh.write("</ul></nav><article><h1>Drones hit base</h1>")
        fh.write("".join(PARA.format(day=1 + i % 28, n=i) for i in range(20)))
        fh.write("</article></body></html>")


def write_warc(path: Path, mb: int, seed: int = 7) -> tuple[int, int]:
    """``mb`` MB of WARC (gzip records): HTML article pages and large image records to skip."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    pages = images = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        while fh.tell() < mb * 1e6:
            if (pages + images) % 4 == 3:
                body = rng.randbytes(1024 * 1024)  # incompressible: an image the reader must skip
                headers = [("Content-Type", "image/jpeg")]
                images += 1
            else:
                nav = "".join(NAV.format(i=rng.randrange(10**6)) for _ in range(400))
                text = "".join(PARA.format(day=1 + i % 28, n=rng.randrange(10**6)) for i in range(30))
                body = (f"<html><head><title>Story {pages}</title></head><body><nav><ul>{nav}</ul></nav>"
                        f"<article><h1>Story {pages}</h1>{text}</article></body></html>").encode()
                headers = [("Content-Type", "text/html; charset=utf-8")]
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            url = f"https://news.example/{pages + images}"
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http))
            pages += headers[0][1].startswith("text/html")
            if pages and pages % 100 == 0 and headers[0][1].startswith("text/html"):
                # one page with a gzip bomb as its HTTP body: 1 GB of zeros sent as 1 MB
                bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
                zeros = b"\0" * (1 << 20)
                payload = b"".join(bomb.compress(zeros) for _ in range(1024)) + bomb.flush()
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                        protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(f"https://news.example/bomb{pages}", "response",
                                                              payload=io.BytesIO(payload), http_headers=http))
    return pages, images


def run(args: list[str]) -> tuple[float, int, int, str]:
    """Wall seconds, peak RSS (MB), exit code and last stderr line of one `sigact` process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "sigact.cli", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    return time.perf_counter() - start, usage.ru_maxrss // 1024, proc.returncode, " | ".join(lines[:2])[:200]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html-mb", type=int, default=50)
    ap.add_argument("--warc-mb", type=int, default=220)
    ap.add_argument("--keep", type=Path, help="write the inputs here instead of a temporary folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        html = folder / "huge.html"
        write_html(html, args.html_mb)
        secs, rss, code, last = run(["clean", str(html)])
        print(f"HTML {html.stat().st_size / 1e6:.0f} MB: {secs:.1f} s, peak RSS {rss} MB, exit {code}; {last}")
        warc = folder / "big.warc.gz"
        pages, images = write_warc(warc, args.warc_mb)
        secs, rss, code, last = run(["clean", str(warc)])
        print(f"WARC {warc.stat().st_size / 1e6:.0f} MB ({pages} HTML pages, {images} 1 MB images, "
              f"{pages // 100} gzip bombs): {secs:.1f} s, peak RSS {rss} MB, exit {code}; {last}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
