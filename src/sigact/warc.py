"""Web archives (WARC, WARC.gz) to documents, streamed record by record (warcio).

Only ``response`` records of HTML pages with status 200 become documents; requests, metadata,
redirects, images and the like are skipped. Memory stays bounded whatever the archive's size: one
record's body is read at most up to ``MAX_RECORD_BYTES`` (after HTTP content decoding, so a gzip
bomb inside a record stops there) and the rest of the record is skipped as a stream.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import redirect_stderr
from pathlib import Path

from sigact.errors import InputError
from sigact.records import Document

MAX_RECORD_BYTES = 10 * 1024 * 1024
SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def read_warc(path: Path) -> Iterator[Document | InputError]:
    """Documents from the HTML responses of an archive; an error line for each unusable one."""
    from warcio.archiveiterator import ArchiveIterator

    from sigact.fetch import HTML_TYPES, decode_body, media_type

    source = str(path)
    logging.getLogger("warcio").setLevel(logging.ERROR)  # its warnings would break our one-line error output
    n = 0
    try:
        with path.open("rb") as fh:
            records = iter(ArchiveIterator(fh, arc2warc=True))
            while True:
                noise = io.StringIO()
                with redirect_stderr(noise):  # warcio prints notes on damaged records to stderr
                    record = next(records, None)
                if record is None:
                    break
                n += 1
                if noise.getvalue().strip():
                    yield InputError(source, f"damaged record: {_one_line(noise.getvalue())}", f"#{n}")
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"#{n}"
                if record.http_headers.get_statuscode() != "200":
                    continue
                ctype = record.http_headers.get_header("Content-Type")
                if media_type(ctype) not in HTML_TYPES:
                    continue
                try:
                    data = record.content_stream().read(MAX_RECORD_BYTES + 1)
                except Exception as exc:  # broken chunking or content encoding inside one record
                    yield InputError(source, f"unreadable record body ({type(exc).__name__})", uri)
                    continue
                if len(data) > MAX_RECORD_BYTES:
                    yield InputError(source, f"record body too large (over {MAX_RECORD_BYTES // (1024 * 1024)} MB)",
                                     uri)
                    continue
                try:
                    html = decode_body(data, ctype, source)
                except InputError as err:
                    yield InputError(source, err.reason, uri)
                    continue
                yield Document(doc_id=uri, source=source, html=html, url=uri if "://" in uri else None)
    except OSError as exc:
        yield InputError(source, f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # warcio's ArchiveLoadFailed and parser errors on a damaged archive
        where = f"after record {n}" if n else "at the start"
        yield InputError(source, f"not a readable WARC {where} ({type(exc).__name__}: {_one_line(str(exc))})")


def _one_line(text: str, limit: int = 120) -> str:
    return " ".join(text.split())[:limit]
