"""The command line end to end, in real subprocesses (sigact.cli).

Every run that processes an article loads the gazetteer (several seconds), so all runs are started
once per module, concurrently, and the tests only inspect their outcomes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

SEEDS = Path("/work/shared/gold/seeds")

SCHEMA_FIELDS = [
    "event_date", "date_precision", "event_type", "sub_event_type", "method", "actor1", "actor1_status",
    "claimed_by", "actor2", "target", "location", "admin1", "country", "lat", "lon", "geo_precision",
    "fatalities", "injuries", "evidence",
]
ACLED_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
                 "location", "latitude", "longitude", "geo_precision", "fatalities", "notes"]

GOOD = ("On 17 October 2023, two drones targeted US forces at Ain al-Asad air base in Anbar. "
        "Casualties unknown.")
RECORD = ("Two drones attacked US troops at Ain al-Asad air base in Anbar province on 17 October 2023, "
          "officials said. Casualties unknown.")
CP1252 = ("On 18 October 2023, two drones targeted US forces at Ain al-Asad air base in Anbar, the group’s "
          "statement said. Casualties unknown.")


@dataclass(frozen=True)
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def err_lines(self) -> list[str]:
        return [ln for ln in self.stderr.splitlines() if ln.strip()]


def _sigact(cwd: Path, *args: str) -> Run:
    env = {**os.environ, "TERM": "dumb", "NO_COLOR": "1", "COLUMNS": "80"}
    env.pop("SIGACT_DATA", None)
    proc = subprocess.run([sys.executable, "-m", "sigact.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    return Run(list(args), proc.returncode, proc.stdout, proc.stderr)


def _counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "events", "event_mentions")}
    finally:
        con.close()


@dataclass
class World:
    dir: Path
    runs: dict[str, Future]

    def __getitem__(self, name: str) -> object:
        return self.runs[name].result()


def _write_inputs(d: Path) -> None:
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "good.json").write_text(json.dumps({"id": "good", "published": "2023-10-17", "outlet": "Wire"}),
                                 encoding="utf-8")
    (d / "cp1252.txt").write_bytes(CP1252.encode("cp1252"))
    (d / "cp1252.json").write_text(json.dumps({"id": "cp", "published": "2023-10-18"}), encoding="utf-8")
    (d / "records.jsonl").write_text("\n".join([
        json.dumps({"id": "rec-good", "text": RECORD, "published": "2023-10-17"}),
        '{"id": "rec-broken", "text": ',
        json.dumps({"id": "rec-notext", "title": "only a title"}),
    ]) + "\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 64)
    (d / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    rng = random.Random(1)
    (d / "garbled.txt").write_bytes(bytes(rng.randrange(128, 256) for _ in range(3000)))
    (d / "report [draft].txt").write_bytes(b"")


BAD = ["empty.txt", "binary.txt", "notes.pdf", "garbled.txt"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    d = tmp_path_factory.mktemp("cli")
    _write_inputs(d)
    db = d / "t.db"

    def ingest_chain() -> dict[str, object]:
        first = _sigact(d, "ingest", "--db", str(db), "good.txt", "records.jsonl")
        after_first = _counts(db)
        events_first = _sigact(d, "events", "--db", str(db), "--format", "jsonl")
        second = _sigact(d, "ingest", "--db", str(db), "good.txt", "records.jsonl", "empty.txt")
        after_second = _counts(db)
        events_second = _sigact(d, "events", "--db", str(db), "--format", "jsonl")
        only_bad = _sigact(d, "ingest", "--db", str(db), "empty.txt", "binary.txt")
        after_bad = _counts(db)
        filtered = _sigact(d, "events", "--db", str(db), "--format", "jsonl", "--country", "Jordan")
        table = _sigact(d, "events", "--db", str(db))
        return {"first": first, "after_first": after_first, "events_first": events_first, "second": second,
                "after_second": after_second, "events_second": events_second, "only_bad": only_bad,
                "after_bad": after_bad, "filtered": filtered, "table": table}

    jobs: dict[str, Callable[[], object]] = {
        # the ingest chain is the longest (two article-processing runs in a row): start it first,
        # then the quick runs that never load the gazetteer, then the other slow ones
        "ingest": ingest_chain,
        "all_bad": lambda: _sigact(d, "extract", *BAD, "missing.txt"),
        "bracket": lambda: _sigact(d, "extract", "report [draft].txt"),
        "events_missing": lambda: _sigact(d, "events", "--db", str(d / "nope.db")),
        "ingest_bad_db": lambda: _sigact(d, "ingest", "--db", str(d / "no" / "dir" / "x.db"), "good.txt"),
        "mixed": lambda: _sigact(d, "extract", "good.txt", "cp1252.txt", "records.jsonl", *BAD),
        "csv": lambda: _sigact(d, "extract", "--format", "csv", "good.txt"),
        "geojson": lambda: _sigact(d, "extract", "--format", "geojson", "good.txt"),
        "eval": lambda: _sigact(d, "eval", str(SEEDS), "--json"),
    }
    repo_db = Path(__file__).resolve().parents[1] / "sigact.db"
    before = repo_db.stat().st_mtime_ns if repo_db.exists() else None  # the demo may have made one
    pool = ThreadPoolExecutor(max_workers=3)
    runs = {name: pool.submit(job) for name, job in jobs.items()}
    pool.shutdown(wait=False)
    yield World(d, runs)
    for fut in runs.values():
        fut.result()
    # nothing was written next to the repository
    assert (repo_db.stat().st_mtime_ns if repo_db.exists() else None) == before


def _run(world: World, name: str) -> Run:
    run = world[name]
    assert isinstance(run, Run)
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, run.stderr
    return run


# -- extract --------------------------------------------------------------------------------------

def test_extract_jsonl_has_schema_fields(world: World) -> None:
    run = _run(world, "mixed")
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    assert rows, run.stderr
    for row in rows:
        missing = [k for k in [*SCHEMA_FIELDS, "doc_id", "confidence"] if k not in row]
        assert not missing, row
        assert isinstance(row["claimed_by"], list)
        assert 0.0 <= row["confidence"] <= 1.0
    by_doc = {r["doc_id"]: r for r in rows}
    assert {"good", "rec-good", "cp"} <= set(by_doc), sorted(by_doc)
    good = by_doc["good"]
    assert good["event_date"] == "2023-10-17"
    assert good["event_type"] == "Explosions/Remote violence"
    assert good["country"] == "Iraq"
    assert set(good) == {*SCHEMA_FIELDS, "doc_id", "confidence"}  # exactly the schema names, nothing else
    assert good["fatalities"] is None and good["injuries"] is None  # "Casualties unknown."
    assert "two drones targeted US forces" in good["evidence"]
    assert by_doc["cp"]["event_date"] == "2023-10-18"  # Windows-1252 input decoded and processed


def test_extract_bad_inputs_one_line_each(world: World) -> None:
    run = _run(world, "mixed")
    assert run.returncode == 0, run.stderr
    lines = run.err_lines
    # 4 bad files + 2 bad records in records.jsonl, nothing else on stderr
    assert len(lines) == len(BAD) + 2, lines
    for name in BAD:
        assert sum(name in ln for ln in lines) == 1, (name, lines)
    assert sum("records.jsonl" in ln for ln in lines) == 2, lines
    assert not any("good.txt" in ln or "cp1252.txt" in ln for ln in lines)
    joined = "\n".join(lines)
    for reason in ("empty input", "binary data", "unknown file type '.pdf'", "undecodable bytes",
                   "invalid JSON", "no 'text' or 'html'"):
        assert reason in joined, (reason, lines)


def test_extract_error_lines_name_the_record(world: World) -> None:
    lines = _run(world, "mixed").err_lines
    assert any("records.jsonl" in ln and "line 2" in ln for ln in lines), lines
    assert any("records.jsonl" in ln and "rec-notext" in ln for ln in lines), lines


def test_error_line_shows_file_name_verbatim(world: World) -> None:
    run = _run(world, "bracket")
    assert run.returncode != 0
    assert "report [draft].txt" in run.stderr, run.stderr


def test_extract_fails_when_nothing_processed(world: World) -> None:
    run = _run(world, "all_bad")
    assert run.returncode != 0
    assert run.stdout == ""
    lines = run.err_lines
    assert len(lines) == len(BAD) + 2, lines  # one per input, plus the final error
    for name in [*BAD, "missing.txt"]:
        assert sum(name in ln for ln in lines) == 1, (name, lines)
    assert "nothing could be processed (5 input(s) failed)" in lines[-1]


def test_extract_csv_has_acled_columns(world: World) -> None:
    run = _run(world, "csv")
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    header = next(csv.reader(io.StringIO(run.stdout)))
    for col in ACLED_COLUMNS:
        assert col in header, (col, header)
    assert "lat" not in header and "lon" not in header and "evidence" not in header
    assert len(rows) >= 1
    row = rows[0]
    assert row["event_date"] == "2023-10-17"
    assert row["country"] == "Iraq"
    assert row["time_precision"] == "1"
    assert float(row["latitude"]) == pytest.approx(33.6, abs=1.0)
    assert float(row["longitude"]) == pytest.approx(42.9, abs=1.5)
    assert "two drones targeted US forces" in row["notes"]
    assert row["source"] == "Wire" and row["doc_id"] == "good"
    assert row["fatalities"] == "" and row["injuries"] == ""


def test_extract_geojson(world: World) -> None:
    run = _run(world, "geojson")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) >= 1
    feat = data["features"][0]
    assert feat["type"] == "Feature"
    assert feat["geometry"]["type"] == "Point"
    lon, lat = feat["geometry"]["coordinates"]
    assert 38 < lon < 49 and 29 < lat < 38  # Iraq, in GeoJSON's lon/lat order
    props = feat["properties"]
    assert props["event_date"] == "2023-10-17" and props["doc_id"] == "good"
    assert "lat" not in props and "lon" not in props


# -- ingest / events ------------------------------------------------------------------------------

def test_ingest_twice_adds_nothing(world: World) -> None:
    chain = world["ingest"]
    assert isinstance(chain, dict)
    first, second = chain["first"], chain["second"]
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr + second.stderr
    after_first = chain["after_first"]
    assert after_first["documents"] == 2  # good.txt and the good record; the two bad records are skipped
    assert after_first["events"] >= 1
    assert "documents: 2 new, 0 unchanged, 2 failed" in first.stderr
    assert second.returncode == 0, second.stderr
    assert "documents: 0 new, 2 unchanged, 3 failed" in second.stderr
    assert f"events: 0 new, 0 linked to known events; database {world.dir / 't.db'}: 2 documents, " \
           f"{after_first['events']} events" in second.stderr
    assert chain["after_second"] == after_first


def test_failed_inputs_do_not_remove_stored_data(world: World) -> None:
    chain = world["ingest"]
    assert isinstance(chain, dict)
    only_bad = chain["only_bad"]
    assert "Traceback" not in only_bad.stderr
    assert only_bad.returncode != 0  # nothing could be stored
    assert sum("empty.txt" in ln for ln in only_bad.err_lines) == 1
    assert sum("binary.txt" in ln for ln in only_bad.err_lines) == 1
    assert "0 new, 0 unchanged, 2 failed" in only_bad.stderr
    assert chain["after_bad"] == chain["after_first"]
    assert chain["events_second"].stdout == chain["events_first"].stdout


def test_events_lists_stored_events(world: World) -> None:
    chain = world["ingest"]
    assert isinstance(chain, dict)
    run = chain["events_first"]
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    assert len(rows) == chain["after_first"]["events"]
    assert any(r["event_date"] == "2023-10-17" and r["country"] == "Iraq" for r in rows)
    docs = {s["doc_id"] for r in rows for s in r["sources"]}
    assert docs <= {"good", "rec-good"} and "good" in docs
    # the same event reported by good.txt and the good record is stored once with two sources
    linked = [r for r in rows if r["n_sources"] == 2]
    if chain["after_first"]["event_mentions"] > chain["after_first"]["events"]:
        assert linked and {s["doc_id"] for s in linked[0]["sources"]} == {"good", "rec-good"}
    filtered = chain["filtered"]
    assert filtered.returncode == 0 and filtered.stdout == ""
    table = chain["table"]
    assert table.returncode == 0 and "Traceback" not in table.stderr
    assert f"{len(rows)} events in" in table.stdout


def test_events_on_missing_db_fails_with_one_line(world: World) -> None:
    run = _run(world, "events_missing")
    assert run.returncode != 0
    assert run.stdout == ""
    assert len(run.err_lines) == 1, run.stderr
    assert "nope.db" in run.err_lines[0] and "no such database" in run.err_lines[0]
    assert not (world.dir / "nope.db").exists()


def test_ingest_into_missing_directory_fails_with_one_line(world: World) -> None:
    run = _run(world, "ingest_bad_db")
    assert run.returncode != 0
    assert len(run.err_lines) == 1, run.stderr
    assert "directory does not exist" in run.err_lines[0]


# -- eval -----------------------------------------------------------------------------------------

def test_eval_json(world: World) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not available")
    run = _run(world, "eval")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    for key in ("precision", "recall", "f1"):
        assert isinstance(report[key], float) and 0.0 <= report[key] <= 1.0, (key, report[key])
    assert report["documents"] == 5
    assert report["failed_documents"] == 0
    assert report["tp"] + report["fn"] > 0
    assert report["precision"] == pytest.approx(report["tp"] / (report["tp"] + report["fp"]), abs=1e-3)
