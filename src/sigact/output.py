"""Event serialisations: JSON lines (SCHEMA names), ACLED-style CSV, GeoJSON and a terminal table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

# ACLED column names where ACLED has the field; sigact's own names for the rest.
CSV_COLUMNS = [
    ("event_date", "event_date"), ("time_precision", None), ("event_type", "event_type"),
    ("sub_event_type", "sub_event_type"), ("actor1", "actor1"), ("actor2", "actor2"), ("country", "country"),
    ("admin1", "admin1"), ("location", "location"), ("latitude", "lat"), ("longitude", "lon"),
    ("geo_precision", "geo_precision"), ("source", "outlet"), ("source_scale", "source_scale"),
    ("notes", "evidence"), ("fatalities", "fatalities"),
    ("injuries", "injuries"), ("method", "method"), ("actor1_status", "actor1_status"),
    ("claimed_by", "claimed_by"), ("target", "target"), ("date_precision", "date_precision"),
    ("doc_id", "doc_id"), ("confidence", "confidence"),
]


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    w = csv.writer(out)
    w.writerow([c for c, _ in CSV_COLUMNS])
    n = 0
    for r in rows:
        line = []
        for _col, key in CSV_COLUMNS:
            if key is None:
                value: Any = TIME_PRECISION.get(r.get("date_precision") or "", "")
            else:
                value = r.get(key)
            if isinstance(value, list):
                value = "; ".join(str(x) for x in value)
            line.append("" if value is None else value)
        w.writerow(line)
        n += 1
    return n


def write_geojson(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    features = []
    for r in rows:
        geom = {"type": "Point", "coordinates": [r["lon"], r["lat"]]} \
            if r.get("lat") is not None and r.get("lon") is not None else None
        props = {k: v for k, v in r.items() if k not in ("lat", "lon")}
        features.append({"type": "Feature", "geometry": geom, "properties": props})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, default=str)
    out.write("\n")
    return len(features)


def render_table(rows: list[dict[str, Any]], title: str | None = None) -> Any:
    from rich.table import Table

    t = Table(title=title, show_lines=False, header_style="bold")
    for col in ("date", "type", "actor1", "actor2", "location", "country", "killed", "inj.", "conf.", "doc"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(
            str(r.get("event_date") or "?"), str(r.get("sub_event_type") or ""), str(r.get("actor1") or ""),
            str(r.get("actor2") or ""), str(r.get("location") or ""), str(r.get("country") or ""),
            "" if r.get("fatalities") is None else str(r["fatalities"]),
            "" if r.get("injuries") is None else str(r["injuries"]),
            f"{r.get('confidence') or 0:.2f}", str(r.get("doc_id") or ""),
        )
    return t


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}
