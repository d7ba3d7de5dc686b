"""Storage at the edge: documents, event mentions with evidence offsets, and deduplicated events.

SQLAlchemy Core, SQLite by default. Each document is written in one transaction, so an interrupted
run never leaves half a document; a document whose content hash is already stored is skipped, so
re-ingesting adds nothing. An event reported by several documents is stored once, with one mention
row (and its evidence) per reporting document.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    create_engine,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from sigact import dedup
from sigact.errors import StoreError
from sigact.merge import NEAR_KM
from sigact.pipeline import Result
from sigact.records import Article, Event

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", DateTime, nullable=False),
)
documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(500), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("outlet", String(300)),
    Column("published", Date),
    Column("published_source", String(20)),
    Column("title", Text),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("outlet_kind", String(40)),
    Column("source_scale", String(40)),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("raw_html", LargeBinary),  # zlib-compressed UTF-8 HTML as read, so it can be re-extracted
    Column("author", Text),
    Column("language", String(20)),
    Column("skip_reason", Text),  # why extraction did not run on this document
    Column("duplicate_of", Integer),  # documents.id of the earlier copy of a syndicated text
    Column("minhash", LargeBinary),  # near-duplicate signature (sigact.dedup)
)
http_cache = Table(
    "http_cache", metadata,
    Column("url", String(2000), primary_key=True),
    Column("final_url", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("content_hash", String(64)),
    Column("fetched_at", DateTime, nullable=False),
)
feed_items = Table(
    "feed_items", metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_url", String(2000), nullable=False, index=True),
    Column("item_key", String(2000), nullable=False),
    Column("link", Text),
    Column("outcome", Text),  # stored, unchanged, or why the item could not be stored
    Column("seen_at", DateTime, nullable=False),
    UniqueConstraint("feed_url", "item_key"),
)
# columns that migration 3 adds to a documents table made before it
_V3_DOCUMENT_COLUMNS = {"raw_html": "BLOB", "author": "TEXT", "language": "VARCHAR(20)", "skip_reason": "TEXT",
                        "duplicate_of": "INTEGER", "minhash": "BLOB"}
events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_date", Date, index=True),
    Column("date_precision", String(10)),
    Column("event_type", String(60), index=True),
    Column("sub_event_type", String(60), index=True),
    Column("method", String(30)),
    Column("actor1", String(300), index=True),
    Column("actor1_status", String(20)),
    Column("claimed_by", Text),  # JSON list
    Column("actor2", String(300)),
    Column("target", Text),
    Column("location", String(300)),
    Column("admin1", String(200)),
    Column("country", String(100), index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("confidence", Float),
    Column("n_sources", Integer, nullable=False, default=1),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)
event_mentions = Table(
    "event_mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("evidence", Text, nullable=False),  # JSON list of [start, end, text] into documents.text
    Column("fields", Text, nullable=False),  # JSON: the event as this document reported it
    Column("confidence", Float),
)


def _v1_initial(conn: Connection) -> None:
    metadata.create_all(conn, tables=[documents, events, event_mentions])


def _v2_outlet_kind(conn: Connection) -> None:
    have = {c["name"] for c in inspect(conn).get_columns("documents")}
    for col in ("outlet_kind", "source_scale"):
        if col not in have:  # a v1 database; a new one got the columns from create_all
            conn.exec_driver_sql(f"ALTER TABLE documents ADD COLUMN {col} VARCHAR(40)")


def _v3_web_inputs(conn: Connection) -> None:
    have = {c["name"] for c in inspect(conn).get_columns("documents")}
    for col, sql_type in _V3_DOCUMENT_COLUMNS.items():
        if col not in have:
            conn.exec_driver_sql(f"ALTER TABLE documents ADD COLUMN {col} {sql_type}")
    metadata.create_all(conn, tables=[http_cache, feed_items])


# Named, recorded schema steps; append only.
MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "documents, events, event mentions", _v1_initial),
    (2, "documents.outlet_kind and source_scale from the outlet registry", _v2_outlet_kind),
    (3, "raw HTML, language, near-duplicates; HTTP validators and seen feed items", _v3_web_inputs),
]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    events_new: int = 0
    events_linked: int = 0
    duplicates: int = 0  # stored as copies of an earlier document (syndicated wire stories)
    skipped: int = 0  # stored without extraction (e.g. not English)


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said about a URL's content, sent back on the next fetch (conditional request)."""

    url: str
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None


class Store:
    def __init__(self, url_or_path: str | Path) -> None:
        url = str(url_or_path)
        if "://" not in url:
            path = Path(url)
            if path.parent and not path.parent.exists():
                raise StoreError(f"{url}: directory does not exist")
            url = f"sqlite:///{path}"
        try:
            self._dups: dedup.NearDuplicateIndex | None = None
            self.engine: Engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            self.migrate()
        except SQLAlchemyError as exc:
            raise StoreError(f"{url_or_path}: cannot open database ({exc.__class__.__name__}: "
                             f"{str(exc.orig if hasattr(exc, 'orig') else exc).splitlines()[0]})") from exc

    def migrate(self) -> list[int]:
        applied: list[int] = []
        with self.engine.begin() as conn:
            schema_migrations.create(conn, checkfirst=True)
            done = {r[0] for r in conn.execute(select(schema_migrations.c.version))}
            for version, name, step in MIGRATIONS:
                if version in done:
                    continue
                step(conn)
                conn.execute(insert(schema_migrations).values(version=version, name=name, applied_at=_now()))
                applied.append(version)
        return applied

    def tables(self) -> list[str]:
        return sorted(inspect(self.engine).get_table_names())

    # -- writing --------------------------------------------------------------------------
    def has_document(self, content_hash: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.id).where(documents.c.content_hash == content_hash)).first() \
                is not None

    def add_result(self, result: Result, summary: IngestSummary, validators: Validators | None = None,
                   feed_item: tuple[str, str, str | None] | None = None) -> None:
        """Store one processed document atomically (or count it as unchanged / failed).

        The HTTP validators of the URL it was fetched from and the feed item it came from are written in
        the same transaction, so a crash never marks as seen what was not stored.
        """
        if result.error is not None or result.article is None:
            summary.failed += 1
            return
        art = result.article
        sig = dedup.signature(art.body)
        html = result.document.html if result.document is not None else None
        try:
            with self.engine.begin() as conn:
                if conn.execute(select(documents.c.id).where(documents.c.content_hash == art.content_hash)).first() \
                        or self._same_page(conn, art):
                    summary.unchanged += 1
                    self._remember(conn, validators, feed_item, "unchanged")
                    return
                copy = self._index(conn).find(sig) if sig is not None else None
                doc_pk = conn.execute(insert(documents).values(
                    doc_id=art.doc_id, source=art.source, url=art.url, outlet=art.outlet,
                    published=art.published, published_source=art.published_source, title=art.title,
                    content_hash=art.content_hash, text=art.text, ingested_at=_now(),
                    outlet_kind=art.outlet_kind, source_scale=art.source_scale,
                    raw_html=zlib.compress(html.encode("utf-8", "surrogatepass"), 6) if html else None,
                    author=art.author, language=art.language, skip_reason=result.skipped,
                    duplicate_of=copy[0] if copy else None, minhash=dedup.to_bytes(sig) if sig else None,
                )).inserted_primary_key[0]
                for ev in result.events:
                    event_pk, linked = self._upsert_event(conn, ev, independent=copy is None)
                    conn.execute(insert(event_mentions).values(
                        event_id=event_pk, document_id=doc_pk,
                        evidence=json.dumps([[s.start, s.end, s.text] for s in ev.evidence], ensure_ascii=False),
                        fields=json.dumps(ev.as_schema_dict(), ensure_ascii=False), confidence=ev.confidence,
                    ))
                    if linked:
                        summary.events_linked += 1
                    else:
                        summary.events_new += 1
                self._remember(conn, validators, feed_item, "stored")
            summary.new += 1
            summary.duplicates += copy is not None
            summary.skipped += result.skipped is not None
            if sig is not None and self._dups is not None:
                self._dups.add(int(doc_pk), sig)  # only once committed: a rolled-back row is never a match
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store {art.source}: {exc.__class__.__name__}") from exc

    @staticmethod
    def _same_page(conn: Connection, art: Article) -> bool:
        """A page fetched again whose HTML changed (ads, timestamps) but whose cleaned text did not."""
        if not art.url:
            return False
        return conn.execute(select(documents.c.id).where(
            and_(documents.c.url == art.url, documents.c.text == art.text))).first() is not None

    def _index(self, conn: Connection) -> dedup.NearDuplicateIndex:
        """The near-duplicate index of stored documents, loaded on first use."""
        if self._dups is None:
            index = dedup.NearDuplicateIndex()
            rows = conn.execute(select(documents.c.id, documents.c.minhash).where(documents.c.minhash.is_not(None)))
            for pk, blob in rows:
                index.add(int(pk), dedup.from_bytes(blob))
            self._dups = index
        return self._dups

    def _remember(self, conn: Connection, validators: Validators | None,
                  feed_item: tuple[str, str, str | None] | None, outcome: str) -> None:
        if validators is not None:
            self._save_validators(conn, validators)
        if feed_item is not None:
            self._mark_seen(conn, *feed_item, outcome=outcome)

    # -- web inputs: conditional requests and feed state ----------------------------------------
    def validators(self, url: str) -> Validators | None:
        """ETag and Last-Modified last seen for a URL, to send back on the next fetch."""
        with self.engine.connect() as conn:
            row = conn.execute(select(http_cache).where(http_cache.c.url == url[:2000])).first()
        if row is None:
            return None
        return Validators(row.url, row.final_url, row.etag, row.last_modified, row.content_hash)

    def save_validators(self, validators: Validators) -> None:
        with self.engine.begin() as conn:
            self._save_validators(conn, validators)

    def _save_validators(self, conn: Connection, v: Validators) -> None:
        values = {"final_url": v.final_url, "etag": v.etag, "last_modified": v.last_modified,
                  "content_hash": v.content_hash, "fetched_at": _now()}
        key = v.url[:2000]
        if conn.execute(update(http_cache).where(http_cache.c.url == key).values(**values)).rowcount == 0:
            conn.execute(insert(http_cache).values(url=key, **values))

    def seen_items(self, feed_url: str) -> set[str]:
        with self.engine.connect() as conn:
            return {r[0] for r in conn.execute(select(feed_items.c.item_key).where(
                feed_items.c.feed_url == feed_url[:2000]))}

    def mark_seen(self, feed_url: str, item_key: str, link: str | None, outcome: str) -> None:
        with self.engine.begin() as conn:
            self._mark_seen(conn, feed_url, item_key, link, outcome=outcome)

    def _mark_seen(self, conn: Connection, feed_url: str, item_key: str, link: str | None, *, outcome: str) -> None:
        where = and_(feed_items.c.feed_url == feed_url[:2000], feed_items.c.item_key == item_key[:2000])
        if conn.execute(select(feed_items.c.id).where(where)).first() is None:
            conn.execute(insert(feed_items).values(feed_url=feed_url[:2000], item_key=item_key[:2000], link=link,
                                                   outcome=outcome[:500], seen_at=_now()))

    def raw_html(self, doc_id: str) -> str | None:
        """The HTML a document was extracted from, decompressed (None for text inputs)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(documents.c.raw_html).where(documents.c.doc_id == doc_id)).first()
        return zlib.decompress(row[0]).decode("utf-8", "surrogatepass") if row and row[0] else None

    def _upsert_event(self, conn: Connection, ev: Event, independent: bool = True) -> tuple[int, bool]:
        """Link to a stored event reported by another document, or insert a new one.

        A copy of an already stored text (``independent=False``) adds its mention but is not counted as
        another source.
        """
        row = self._find_same(conn, ev) if ev.event_date else None
        now = _now()
        if row is None:
            pk = conn.execute(insert(events).values(
                event_date=ev.event_date, date_precision=ev.date_precision, event_type=ev.event_type,
                sub_event_type=ev.sub_event_type, method=ev.method, actor1=ev.actor1,
                actor1_status=ev.actor1_status, claimed_by=json.dumps(list(ev.claimed_by), ensure_ascii=False),
                actor2=ev.actor2, target=ev.target, location=ev.location, admin1=ev.admin1, country=ev.country,
                lat=ev.lat, lon=ev.lon, geo_precision=ev.geo_precision, fatalities=ev.fatalities,
                injuries=ev.injuries, confidence=ev.confidence, n_sources=1, created_at=now, updated_at=now,
            )).inserted_primary_key[0]
            return int(pk), False
        changes: dict[str, Any] = {"n_sources": row.n_sources + (1 if independent else 0), "updated_at": now,
                                   "confidence": min(0.99, max(row.confidence or 0, ev.confidence) + 0.05)}
        if ev.geo_precision is not None and (row.geo_precision is None or ev.geo_precision < row.geo_precision):
            changes.update(location=ev.location, admin1=ev.admin1, country=ev.country, lat=ev.lat, lon=ev.lon,
                           geo_precision=ev.geo_precision)
        for col in ("fatalities", "injuries"):
            new = getattr(ev, col)
            if new is not None and (getattr(row, col) is None or new > getattr(row, col)):
                changes[col] = new
        if (row.actor1 or "").startswith("Unidentified") and ev.actor1 and not ev.actor1.startswith("Unidentified"):
            changes.update(actor1=ev.actor1, actor1_status=ev.actor1_status)
        claimed = list(dict.fromkeys([*json.loads(row.claimed_by or "[]"), *ev.claimed_by]))
        changes["claimed_by"] = json.dumps(claimed, ensure_ascii=False)
        conn.execute(update(events).where(events.c.id == row.id).values(**changes))
        return int(row.id), True

    def _find_same(self, conn: Connection, ev: Event) -> Any:
        from sigact.knowledge.gazetteer import haversine_km

        rows = conn.execute(select(events).where(and_(
            events.c.event_date == ev.event_date, events.c.sub_event_type == ev.sub_event_type,
        ))).all()
        for row in rows:
            a1, b1 = row.actor1 or "", ev.actor1 or ""
            if a1 != b1 and not (a1.startswith("Unidentified") or b1.startswith("Unidentified")):
                continue
            if row.country and ev.country and row.country != ev.country:
                continue
            if None not in (row.lat, row.lon, ev.lat, ev.lon) and \
                    haversine_km(row.lat, row.lon, ev.lat, ev.lon) > NEAR_KM and \
                    3 not in (row.geo_precision, ev.geo_precision):
                continue
            return row
        return None

    # -- reading --------------------------------------------------------------------------
    def query_events(self, since: date | None = None, until: date | None = None, country: str | None = None,
                     actor: str | None = None, type_: str | None = None, limit: int | None = None
                     ) -> Iterator[dict[str, Any]]:
        q = select(events).order_by(events.c.event_date.desc(), events.c.id)
        if since:
            q = q.where(events.c.event_date >= since)
        if until:
            q = q.where(events.c.event_date <= until)
        if country:
            q = q.where(func.lower(events.c.country) == country.lower())
        if actor:
            like = f"%{actor.lower()}%"
            q = q.where(or_(func.lower(events.c.actor1).like(like), func.lower(events.c.actor2).like(like),
                            func.lower(events.c.claimed_by).like(like)))
        if type_:
            q = q.where(or_(func.lower(events.c.event_type) == type_.lower(),
                            func.lower(events.c.sub_event_type) == type_.lower()))
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(q).mappings().all()
            ids = [r["id"] for r in rows]
            sources: dict[int, list[dict[str, Any]]] = {}
            if ids:
                mq = select(event_mentions.c.event_id, event_mentions.c.evidence, documents.c.doc_id,
                            documents.c.url, documents.c.outlet, documents.c.source_scale).join(
                    documents, documents.c.id == event_mentions.c.document_id).where(
                    event_mentions.c.event_id.in_(ids))
                for m in conn.execute(mq):
                    sources.setdefault(m.event_id, []).append({
                        "doc_id": m.doc_id, "url": m.url, "outlet": m.outlet, "source_scale": m.source_scale,
                        "evidence": " … ".join(x[2] for x in json.loads(m.evidence)),
                    })
        for r in rows:
            d = dict(r)
            d["event_date"] = d["event_date"].isoformat() if d["event_date"] else None
            d["claimed_by"] = json.loads(d["claimed_by"] or "[]")
            srcs = sources.get(d["id"], [])
            d["doc_id"] = srcs[0]["doc_id"] if srcs else None
            d["evidence"] = srcs[0]["evidence"] if srcs else None
            d["outlet"] = "; ".join(dict.fromkeys(s["outlet"] for s in srcs if s["outlet"])) or None
            d["source_scale"] = "; ".join(dict.fromkeys(s["source_scale"] for s in srcs if s["source_scale"])) or None
            d["sources"] = srcs
            for k in ("created_at", "updated_at"):
                d[k] = d[k].isoformat() if d[k] else None
            yield d

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in (documents, events, event_mentions)}


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
