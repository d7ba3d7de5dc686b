"""Table-driven tests: real spellings of places and actors, as the corpus texts write them.

Every row of ``tests/data/place_spellings.csv`` and ``tests/data/actor_spellings.csv`` is one test.
``spelling`` is copied exactly from the corpus file named in ``source`` (relative to
``../shared/corpus``). Place rows give the expected gazetteer entry, its country and a point
(lat/lon from general knowledge of where the place is, NOT from the corpus files, whose licences
forbid reuse); the top lookup candidate must carry that name (compared by ``name_key``), lie in that
country and within ``MAX_KM`` of the point. Governorate rows use the capital's point, as the
gazetteer and ACLED do. Actor rows give the canonical actor name ``resolve`` must return.

Rows with ``status`` = ``known_gap`` fail today; they run as strict xfail, so a data fix that makes
one pass turns it into an XPASS failure: then flip the row to ``ok``. ``note`` says why it fails.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from sigact.knowledge import actors, gazetteer
from sigact.knowledge.normalise import name_key

DATA = Path(__file__).resolve().parent / "data"
MAX_KM = 25.0
STATUSES = {"ok", "known_gap"}


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


PLACE_ROWS = _rows("place_spellings.csv")
ACTOR_ROWS = _rows("actor_spellings.csv")


def _params(rows: list[dict[str, str]]) -> list:
    out = []
    for i, row in enumerate(rows, start=2):  # CSV line number (header is line 1)
        marks = ()
        if row["status"] == "known_gap":
            marks = (pytest.mark.xfail(strict=True, reason=row["note"] or "known gap"),)
        out.append(pytest.param(row, id=f"L{i}-{row['spelling']}", marks=marks))
    return out


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.load()


@pytest.fixture(scope="module")
def registry() -> actors.ActorRegistry:
    return actors.load()


@pytest.mark.parametrize("row", _params(PLACE_ROWS))
def test_place_spelling(gaz: gazetteer.Gazetteer, row: dict[str, str]) -> None:
    cands = gaz.lookup(row["spelling"])
    assert cands, f"{row['spelling']!r}: no candidates"
    top = cands[0]
    got = f"{top.name} ({top.kind}, {top.country}, {top.lat:.3f},{top.lon:.3f})"
    assert top.country == row["expected_country"], f"{row['spelling']!r} -> {got}"
    km = gazetteer.haversine_km(float(row["lat"]), float(row["lon"]), top.lat, top.lon)
    assert km <= MAX_KM, f"{row['spelling']!r} -> {got}: {km:.0f} km from the expected point"
    assert name_key(top.name) == name_key(row["expected_name"]), f"{row['spelling']!r} -> {got}"


@pytest.mark.parametrize("row", _params(ACTOR_ROWS))
def test_actor_spelling(registry: actors.ActorRegistry, row: dict[str, str]) -> None:
    got = registry.resolve(row["spelling"])
    assert got is not None, f"{row['spelling']!r}: not resolved"
    assert got[0] == row["expected_actor"], f"{row['spelling']!r} -> {got}"


# -- the tables themselves --------------------------------------------------------------------

def test_tables_are_well_formed() -> None:
    for rows, key_cols in ((PLACE_ROWS, ("expected_name", "expected_country")), (ACTOR_ROWS, ("expected_actor",))):
        spellings = [r["spelling"] for r in rows]
        assert len(spellings) == len(set(spellings)), "duplicate spellings"
        for r in rows:
            assert r["status"] in STATUSES, r
            assert r["spelling"] and r["source"] and all(r[c] for c in key_cols), r
            assert r["status"] == "ok" or r["note"], f"known_gap without a note: {r}"
    for r in PLACE_ROWS:
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
    assert sum(r["status"] == "ok" for r in PLACE_ROWS) >= 150
    assert sum(r["status"] == "ok" for r in ACTOR_ROWS) >= 100


# Text columns of the tabular sources; JSON-lines files contribute their text/value fields.
_TEXT_COLUMNS = ("notes", "summary", "line")


def _source_text(path: Path) -> str:
    if path.suffix == ".json":
        parts = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    parts.append(str(rec.get("text") or rec.get("value") or ""))
        return "\n".join(parts)
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            col = next(c for c in _TEXT_COLUMNS if c in (reader.fieldnames or []))
            return "\n".join(r[col] or "" for r in reader)
    return path.read_text(encoding="utf-8")


def test_spellings_occur_in_their_source(corpus_dir: Path) -> None:
    texts: dict[str, str] = {}
    missing = []
    for r in PLACE_ROWS + ACTOR_ROWS:
        if r["source"] not in texts:
            texts[r["source"]] = _source_text(corpus_dir / r["source"])
        if not re.search(r"(?<!\w)" + re.escape(r["spelling"]) + r"(?!\w)", texts[r["source"]]):
            missing.append((r["spelling"], r["source"]))
    assert not missing, missing
