"""Crash safety for real: ``sigact ingest`` killed with SIGKILL mid-run leaves a consistent database, and a
rerun ends with exactly the contents of an uninterrupted run (sigact.store, one transaction per document)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

PLACES = ["Ain al-Asad air base in Anbar", "Erbil airport", "Camp Taji north of Baghdad", "Balad air base",
          "the Victory base complex near Baghdad airport", "Harir base in Erbil province", "Mosul", "Kirkuk"]
N_DOCS = 160
# columns that record when, not what; everything else must be identical
TIMESTAMPS = {"ingested_at", "created_at", "updated_at", "applied_at", "fetched_at", "seen_at"}


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_DOCS):
        day = 1 + i % 28
        place = PLACES[i % len(PLACES)]
        text = (f"On {day} March 2024, {2 + i % 5} rockets struck {place}, security officials said. "
                f"Report {i}: {i % 4} people were wounded in the attack, according to a statement. "
                "No group claimed responsibility.")
        (folder / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")


def _cmd(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "sigact.cli", "ingest", str(folder), "--db", str(db), "--no-progress"]


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        out = {}
        for t in tables:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] not in TIMESTAMPS]
            out[t] = con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY 1").fetchall()
        return out
    finally:
        con.close()


def test_kill_9_mid_ingest_then_rerun_equals_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    _corpus(folder)
    clean_db, crash_db = tmp_path / "clean.db", tmp_path / "crash.db"
    env = {**os.environ, "TERM": "dumb"}
    clean = subprocess.Popen(_cmd(folder, clean_db), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    victim = subprocess.Popen(_cmd(folder, crash_db), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while _count(crash_db) < N_DOCS // 3 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    victim.send_signal(signal.SIGKILL)
    victim.wait(30)
    assert victim.returncode == -signal.SIGKILL
    _, clean_err = clean.communicate(timeout=300)
    assert clean.returncode == 0, clean_err

    con = sqlite3.connect(crash_db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        orphans = con.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                              "(SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)").fetchone()[0]
    finally:
        con.close()
    if stored >= N_DOCS:
        pytest.fail("the run finished before it could be killed; make the corpus larger")
    assert N_DOCS // 3 <= stored < N_DOCS and orphans == 0
    print(f"killed after {stored} of {N_DOCS} documents")
    partial, full = _dump(crash_db), _dump(clean_db)
    # every document stored before the kill is complete: the same rows as in the clean run
    assert partial["documents"] == full["documents"][:stored]
    kept_docs = {r[0] for r in partial["documents"]}
    mentions_cols = 5  # id, event_id, document_id, evidence, fields (confidence is last)
    assert [r[:mentions_cols] for r in partial["event_mentions"]] == [
        r[:mentions_cols] for r in full["event_mentions"] if r[2] in kept_docs]

    rerun = subprocess.run(_cmd(folder, crash_db), env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored} unchanged" in rerun.stderr
    assert _dump(crash_db) == full
