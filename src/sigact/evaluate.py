"""Score extraction against gold events, by the matching rules of the gold SCHEMA.

A prediction may match a gold event of the same document when the dates are within 2 days and the
places agree (coordinates within 100 km, or the same normalised name without coordinates). Pairs are
assigned one-to-one, closest first. Optional gold events are neither required nor penalised. Field
accuracy is computed over matched pairs, and only for fields the gold source codes.

Gold can be a SCHEMA folder (``NNN.txt``/``NNN.html`` + ``NNN.json``, or a ``NNN.json`` whose
``text_path`` names the article relative to it) or a CSV export in one of the
layouts analysts use as reference: an ACLED export (``notes`` column), the ACLED/GTD drone database
(GTD column names) or a GTD extract with ``summary``. Each CSV row is one document whose publication
date is the coded event date. ACLED records unknown fatalities as 0, so against an ACLED export a
predicted null matches a gold 0; GTD does the same when a summary reports no deaths.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sigact.ingest import parse_published, read_inputs
from sigact.knowledge import actors as actor_kb
from sigact.knowledge.gazetteer import haversine_km
from sigact.knowledge.normalise import name_key
from sigact.pipeline import process_document
from sigact.records import Document

FIELDS = ("event_date", "event_type", "sub_event_type", "method", "actor1", "actor2", "location",
          "coords_10km", "geo_precision", "fatalities", "injuries", "claimed_by")


@dataclass
class GoldDoc:
    document: Document
    events: list[dict[str, Any]]


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass
class Report:
    name: str
    documents: int = 0
    failed: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    by_confidence: dict[str, list[int]] = field(default_factory=lambda: {"0.5": [0, 0], "0.8": [0, 0]})
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    mismatches: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.name, "documents": self.documents, "failed_documents": self.failed,
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "fields": {k: (round(v.accuracy, 4) if v.accuracy is not None else None) for k, v in self.fields.items()},
            "field_counts": {k: [v.correct, v.total] for k, v in self.fields.items()},
            "precision_at_confidence": {
                k: (round(tp / (tp + fp), 4) if tp + fp else None) for k, (tp, fp) in self.by_confidence.items()
            },
            "missed": self.missed, "spurious": self.spurious, "mismatches": self.mismatches,
        }


# -- gold readers ---------------------------------------------------------------------------------
def _f(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _i(x: Any) -> int | None:
    try:
        return int(float(x))
    except (TypeError, ValueError):
        return None


def read_schema_folder(folder: Path) -> Iterator[GoldDoc]:
    gold: dict[str, dict[str, Any]] = {}
    for j in sorted(folder.glob("*.json")):
        try:
            data = json.loads(j.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and "events" in data:
            gold[j.stem] = data
    inputs = [p for p in sorted(folder.iterdir()) if p.stem in gold and p.suffix.lower() in (".txt", ".html", ".htm")]
    for item in read_inputs(inputs):
        if isinstance(item, Document):
            stem = Path(item.source).stem
            yield GoldDoc(item, gold[stem]["events"])
    beside = {p.stem for p in inputs}
    for stem, data in gold.items():
        if stem not in beside and isinstance(data.get("text_path"), str):
            yield from _gold_elsewhere(folder / data["text_path"], stem, data)


def _gold_elsewhere(text_path: Path, stem: str, data: dict[str, Any]) -> Iterator[GoldDoc]:
    """Gold whose article lives elsewhere (``text_path``, relative to the gold file): the gold's
    metadata is what the annotator established, so it overrides what the file itself says."""
    for item in read_inputs([text_path]):
        if isinstance(item, Document):
            published = parse_published(data.get("published")) or item.published
            yield GoldDoc(replace(item, doc_id=str(data.get("id") or stem), published=published,
                                  url=data.get("url") or item.url, outlet=data.get("outlet") or item.outlet),
                          data["events"])


def _csv_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        first = fh.readline()
        if not first.startswith("sep="):
            fh.seek(0)
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def read_csv_gold(path: Path, every: int = 1, limit: int | None = None) -> Iterator[GoldDoc]:
    header, rows = _csv_rows(path)
    if "notes" in header and "event_id_cnty" in header:  # ACLED export
        for r in rows[::every][:limit]:
            d = parse_published(r["event_date"])
            ev = {"event_date": r["event_date"], "event_type": r["event_type"], "sub_event_type": r["sub_event_type"],
                  "actor1": r["actor1"] or None, "actor2": r["actor2"] or None, "location": r["location"],
                  "admin1": r["admin1"], "country": r["country"], "lat": _f(r["latitude"]),
                  "lon": _f(r["longitude"]), "geo_precision": _i(r["geo_precision"]),
                  "fatalities": _i(r["fatalities"]), "fatalities_zero_is_unknown": True, "optional": False}
            yield GoldDoc(Document(r["event_id_cnty"], str(path), text=r["notes"], published=d,
                                   outlet=r.get("source")), [ev])
        return
    if "summary" in header and "eventid" in header:  # ACLED/GTD drone database (GTD layout)
        kept = [r for r in rows if (r.get("day") or "0") not in ("0", "") and r.get("summary")]
        for r in kept[::every][:limit]:
            try:
                d = date(int(r["year"]), int(r["month"]), int(r["day"]))
            except ValueError:
                continue
            ev: dict[str, Any] = {"event_date": d.isoformat(), "location": r["city"], "admin1": r["provstate"],
                                  "country": r["country_txt"], "lat": _f(r["latitude"]), "lon": _f(r["longitude"]),
                                  "optional": False}
            if r.get("gname") and r["gname"] not in ("Unknown", "N/A"):
                ev["actor1"] = r["gname"]
            if r.get("adatforras") == "GTD" and _i(r.get("nkill")) is not None:
                ev["fatalities"] = _i(r["nkill"])
                ev["fatalities_zero_is_unknown"] = True  # GTD, like ACLED, records "none reported" as 0
            yield GoldDoc(Document(r["eventid"], str(path), text=r["summary"], published=d), [ev])
        return
    if "summary" in header and "group_name" in header:  # GTD extract
        kept = [r for r in rows if r.get("summary", "")[3:5] not in ("00", "")]
        for n, r in enumerate(kept[::every][:limit]):
            d = parse_published(r["date"])
            ev = {"event_date": r["date"], "location": r["city"], "admin1": r["state"], "country": r["country"],
                  "lat": _f(r["latitude"]), "lon": _f(r["longitude"]), "actor1": r["group_name"],
                  "optional": False}
            if (_i(r.get("killed")) or 0) > 0:  # this extract turned unknown into 0: score coded tolls only
                ev["fatalities"] = _i(r["killed"])
            yield GoldDoc(Document(f"gtd-{n}", str(path), text=r["summary"], published=d), [ev])
        return
    if "line" in header and "location" in header and "number" in header:  # parsed strike-release lines
        for n, r in enumerate(rows[::every][:limit]):
            try:
                d = datetime.strptime(r["date"], "%m/%d/%Y").date()
            except ValueError:
                continue
            # the release's date: a line alone says no more ("strikes since the last release")
            ev = {"event_date": d.isoformat(), "event_type": "Explosions/Remote violence",
                  "sub_event_type": "Air/drone strike", "location": r["location"], "country": r["country"],
                  "optional": False}
            text = re.sub(r"^[\s*•.-]+", "", r["line"])
            yield GoldDoc(Document(f"strike-{n}", str(path), text=text, published=d, outlet="CENTCOM"), [ev])
        return
    raise ValueError(f"{path}: unknown CSV layout (expected an ACLED export, the drone database, a GTD extract "
                     "or strike-release lines)")


def read_gold(path: Path, every: int = 1, limit: int | None = None) -> list[GoldDoc]:
    if path.is_dir():
        return list(read_schema_folder(path))
    return list(read_csv_gold(path, every, limit))


# -- matching -------------------------------------------------------------------------------------
def _date(x: Any) -> date | None:
    return parse_published(x) if x else None


def _place_key(x: Any) -> str:
    return name_key(str(x)) if x else ""


def actor_key(name: Any) -> str:
    """Compare actors by canonical identity: registry resolution, ACLED period suffixes dropped."""
    if not name:
        return ""
    text = str(name)
    import re

    text = re.sub(r"\s*\(\d{4}-(?:\d{4})?\)", "", text)  # "Military Forces of Iraq (2022-)"
    reg = actor_kb.load()
    found = reg.resolve(text)
    if found is None and re.search(r"\(([^)]+)\)\s*$", text):  # "Islamic State of Iraq and the Levant (ISIL)"
        found = reg.resolve(re.sub(r"\s*\([^)]+\)\s*$", "", text)) or reg.resolve(
            re.search(r"\(([^)]+)\)\s*$", text).group(1))  # type: ignore[union-attr]
    if found is None:
        # ACLED appends a unit: "Military Forces of Iraq (2022-) Popular Mobilization Forces"
        head = re.match(r"((?:Military|Police) Forces of [A-Z][\w ]*?)(?:\s+[A-Z][\w ]*)?$", text)
        if head:
            found = reg.resolve(head.group(1))
    return name_key(found[0] if found else text)


def _same_place_name(pred: Any, gold: Any) -> bool:
    """Names agree when their keys do, or when the gold spelling is a known alias of the predicted
    place ("Sulayman Beg" for Sulaiman Bek): transliteration variants, as the schema asks."""
    if _place_key(pred) == _place_key(gold):
        return True
    if not pred or not gold:
        return False
    from sigact.knowledge import gazetteer

    return any(e.name == pred for e in gazetteer.load().candidates(_place_key(gold)))


def actor_keys(name: Any) -> set[str]:
    """Keys a gold actor accepts: ACLED writes a unit after its parent force ("Military Forces of
    Iraq (2022-) Popular Mobilization Forces"), and either names the actor."""
    import re

    keys = {actor_key(name)}
    m = re.match(r"((?:Military|Police) Forces of [^(]+?)\s*\(\d{4}-(?:\d{4})?\)\s+(.+)$", str(name or ""))
    if m:
        keys |= {actor_key(m.group(1)), actor_key(m.group(2))}
    return keys


def _within(a: dict[str, Any], b: dict[str, Any], km: float) -> bool | None:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) <= km


def _candidate(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    pd, gd = _date(pred.get("event_date")), _date(gold.get("event_date"))
    if pd is None or gd is None or abs((pd - gd).days) > 2:
        return False
    near = _within(pred, gold, 100.0)
    if near is None:  # gold without coordinates: the same place by name, in any of its spellings
        return bool(_place_key(pred.get("location"))) and _same_place_name(pred.get("location"), gold.get("location"))
    return near


def _field_ok(name: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    """None when the gold does not code this field."""
    if name == "coords_10km":
        if gold.get("lat") is None:
            return None
        return bool(_within(pred, gold, 10.0))
    if name not in gold:
        return None
    g, p = gold.get(name), pred.get(name)
    if name in ("actor1", "actor2"):
        return actor_key(p) in actor_keys(g)
    if name == "location":
        return _same_place_name(p, g)
    if name == "fatalities" and gold.get("fatalities_zero_is_unknown") and g == 0:
        return p in (0, None)  # ACLED codes "unknown" as 0 (codebook): null and 0 both agree
    if name == "claimed_by":
        return {actor_key(x) for x in p or []} == {actor_key(x) for x in g or []}
    return p == g


def score_document(report: Report, doc_id: str, preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> None:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if _candidate(p, g):
                dd = abs((_date(p["event_date"]) - _date(g["event_date"])).days)  # type: ignore[operator]
                pairs.append((dd, not _within(p, g, 10.0), p.get("sub_event_type") != g.get("sub_event_type"), i, j))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    for *_, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        g, p = golds[j], preds[i]
        if g.get("optional"):
            continue
        report.tp += 1
        for key, bucket in report.by_confidence.items():
            if (p.get("confidence") or 0) >= float(key):
                bucket[0] += 1
        wrong = {}
        for name in FIELDS:
            ok = _field_ok(name, p, g)
            if ok is None:
                continue
            report.fields[name].total += 1
            report.fields[name].correct += int(ok)
            if not ok and name != "coords_10km":
                wrong[name] = {"predicted": p.get(name), "gold": g.get(name)}
            elif not ok:
                wrong[name] = {"predicted": [p.get("lat"), p.get("lon"), p.get("location")],
                               "gold": [g.get("lat"), g.get("lon"), g.get("location")]}
        if wrong:
            report.mismatches.append({"doc_id": doc_id, "evidence": (p.get("evidence") or "")[:200], "fields": wrong})
    for i, p in enumerate(preds):
        if i not in used_p:
            report.fp += 1
            for key, bucket in report.by_confidence.items():
                if (p.get("confidence") or 0) >= float(key):
                    bucket[1] += 1
            report.spurious.append({"doc_id": doc_id, **{k: p.get(k) for k in (
                "event_date", "sub_event_type", "actor1", "location", "confidence", "evidence")}})
    for j, g in enumerate(golds):
        if j not in used_g and not g.get("optional"):
            report.fn += 1
            report.missed.append({"doc_id": doc_id, **{k: g.get(k) for k in (
                "event_date", "sub_event_type", "actor1", "location", "evidence")}})


def evaluate(path: Path, every: int = 1, limit: int | None = None) -> Report:
    report = Report(str(path))
    for gd in read_gold(path, every, limit):
        report.documents += 1
        result = process_document(gd.document)
        if result.error is not None:
            report.failed += 1
        preds = [e.as_schema_dict() for e in result.events]
        score_document(report, gd.document.doc_id, preds, gd.events)
    return report
