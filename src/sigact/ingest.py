"""Read inputs (files, folders, JSON/JSONL records) into ``Document`` records.

Every failure becomes an ``InputError`` naming the file and record, yielded in place of the document,
so one bad item never stops a batch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from sigact.errors import InputError
from sigact.records import Document
from sigact.warc import is_warc, read_warc

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FOLDER_DOCS = {"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CONTRIBUTING", "SOURCE", "SCHEMA", "NOTICE"}
MAX_BYTES = 50 * 1024 * 1024  # larger single files are refused, not loaded
META_FIELDS = ("id", "url", "outlet", "published", "title")
PLAUSIBLE_ENCODINGS = ["cp1252", "latin_1", "cp1256", "iso8859_6", "utf_16", "cp1254", "iso8859_9", "cp1251",
                       "koi8_r", "iso8859_15", "mac_roman", "cp1255", "iso8859_8"]


def parse_published(value: object) -> date | None:
    """ISO date or datetime (with or without zone) to a date; anything else is unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 first, then the best guess; binary junk is refused."""
    if not data.strip():
        raise InputError(source, "empty input")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # candidates limited to what news text is really written in: a free guess reads Latin-1
    # English as Baltic cp775
    best = from_bytes(data, cp_isolation=PLAUSIBLE_ENCODINGS).best()
    if best is None:
        raise InputError(source, "undecodable bytes (not text in any known encoding)")
    text = str(best)
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:5000])
    if printable < 0.95 * min(len(text), 5000):
        raise InputError(source, "binary data, not text")
    return text


# Front-matter keys that scrapers and static-site generators use for our metadata fields.
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "slug"),
    "url": ("url", "source_url", "link", "canonical_url", "permalink"),
    "outlet": ("outlet", "site_name", "sitename", "source", "publisher"),
    "published": ("published", "published_time", "date_published", "pubdate", "date", "datetime"),
    "title": ("title", "headline"),
}
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """A YAML header (``---`` … ``---``, as Markdown scrapers write) as metadata, and the body after it.

    Text without a header, or with one that is not a YAML mapping, is returned whole.
    """
    m = _FRONT_MATTER.match(text[:20000])
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    meta: dict[str, object] = {}
    for field, keys in FRONT_MATTER_KEYS.items():
        for key in keys:
            value = data.get(key)
            if value not in (None, "") and not isinstance(value, dict | list):
                meta[field] = value if isinstance(value, date) else str(value)
                break
    return meta, text[m.end():]


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(str(path), f"file too large ({size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB)")
    return path.read_bytes()


def document_from_record(rec: object, source: str, fallback_id: str) -> Document:
    if not isinstance(rec, dict):
        raise InputError(source, "record is not a JSON object", fallback_id)
    rid = str(rec.get("id") or fallback_id)
    text, html = rec.get("text"), rec.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise InputError(source, "record has no 'text' or 'html'", rid)
    return Document(
        doc_id=rid, source=source,
        text=text if isinstance(text, str) and text.strip() else None,
        html=html if isinstance(html, str) and html.strip() else None,
        url=rec.get("url") or None, outlet=rec.get("outlet") or None,
        published=parse_published(rec.get("published")), title=rec.get("title") or None,
    )


def _records_from_json(path: Path) -> Iterator[Document | InputError]:
    source = str(path)
    try:
        text = decode(_read_bytes(path), source)
    except InputError as err:
        yield err
        return
    stripped = text.lstrip()
    if path.suffix == ".json" and stripped[:1] in "[{":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if stripped[:1] == "{" and "\n{" in text:
                yield from _jsonl(text, source)
                return
            yield InputError(source, f"invalid JSON ({exc.msg} at line {exc.lineno})")
            return
        records = data if isinstance(data, list) else [data]
        for i, rec in enumerate(records, 1):
            try:
                yield document_from_record(rec, source, f"{path.stem}-{i}" if len(records) > 1 else path.stem)
            except InputError as err:
                yield err
        return
    yield from _jsonl(text, source)


def _jsonl(text: str, source: str) -> Iterator[Document | InputError]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"invalid JSON ({exc.msg})", f"line {lineno}")
            continue
        try:
            yield document_from_record(rec, source, f"line {lineno}")
        except InputError as err:
            yield err


def _sidecar(path: Path) -> dict[str, object]:
    side = path.with_suffix(".json")
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, OSError):
        return {}
    return {k: data.get(k) for k in META_FIELDS} if isinstance(data, dict) else {}


def _document_from_file(path: Path) -> Document:
    source = str(path)
    text = decode(_read_bytes(path), source)
    is_html = path.suffix.lower() in HTML_SUFFIXES
    meta: dict[str, object] = {}
    if not is_html:
        meta, text = split_front_matter(text)
        if not text.strip():
            raise InputError(source, "empty input (only a metadata header)")
    meta.update({k: v for k, v in _sidecar(path).items() if v not in (None, "")})
    return Document(
        doc_id=str(meta.get("id") or path.stem), source=source,
        text=None if is_html else text, html=text if is_html else None,
        url=meta.get("url") or None,  # type: ignore[arg-type]
        outlet=meta.get("outlet") or None,  # type: ignore[arg-type]
        published=parse_published(meta.get("published")),
        title=meta.get("title") or None,  # type: ignore[arg-type]
    )


def _expand(inputs: Iterable[str | Path]) -> Iterator[Path | InputError]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            for p in files:
                suffix = p.suffix.lower()
                if p.stem.upper() in FOLDER_DOCS:
                    continue  # a folder's README or licence describes the folder; it is not an article
                if suffix in TEXT_SUFFIXES | HTML_SUFFIXES or is_warc(p):
                    yield p
                elif suffix in JSON_SUFFIXES and not any(
                        p.with_suffix(s).exists() for s in TEXT_SUFFIXES | HTML_SUFFIXES):
                    yield p  # (a .json next to a same-stem article is that article's metadata)
        elif path.exists():
            if path.suffix.lower() == ".json" and any(
                    path.with_suffix(s).exists() for s in TEXT_SUFFIXES | HTML_SUFFIXES):
                continue  # "samples/*" names each article's sidecar too: it is metadata, read with its article
            yield path
        else:
            yield InputError(str(item), "no such file or directory")


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[Document | InputError]:
    """Documents from files and folders, in a stable order; errors in place of unreadable items."""
    for path in _expand(inputs):
        if isinstance(path, InputError):
            yield path
            continue
        suffix = path.suffix.lower()
        try:
            if is_warc(path):
                yield from read_warc(path)
            elif suffix in JSON_SUFFIXES:
                yield from _records_from_json(path)
            elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
                yield _document_from_file(path)
            else:
                yield InputError(str(path), f"unknown file type '{suffix or '(none)'}' "
                                 "(expected .txt, .md, .html, .htm, .json, .jsonl, .warc, .warc.gz)")
        except InputError as err:
            yield err
        except OSError as exc:
            yield InputError(str(path), f"cannot read ({exc.strerror or exc})")
