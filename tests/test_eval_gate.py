"""Evaluation gate: sigact's scores on the real gold sets may only go up.

Floors live in eval_baseline.json together with a checksum of each gold file, so a changed gold set
is noticed instead of silently moving the bar. Raise a floor when a change improves a score; never
lower one to make a change pass.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from sigact.evaluate import evaluate

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

BASELINE = json.loads((Path(__file__).with_name("eval_baseline.json")).read_text(encoding="utf-8"))


def _checksum(path: Path) -> str:
    h = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_scores_do_not_drop(name: str) -> None:
    spec = BASELINE[name]  # "notes" records why a floor ever moved
    path = (REPO if spec.get("in_repo") else SHARED) / spec["path"]  # our own gold lives in the repo
    if not path.exists():
        pytest.skip(f"{path} not available")
    assert _checksum(path) == spec["sha256"], f"gold {path} changed: review it, then update the checksum"
    report = evaluate(path, spec.get("every", 1), spec.get("limit"))
    got = report.as_dict()
    for metric in ("precision", "recall", "f1"):
        if metric in spec["floors"]:
            assert got[metric] >= spec["floors"][metric], f"{name} {metric} {got[metric]} < {spec['floors'][metric]}"
    for field, floor in spec["floors"].get("fields", {}).items():
        value = got["fields"][field]
        assert value is not None and value >= floor, f"{name} {field} {value} < {floor}"


def test_seed_003_has_no_spurious_event(seeds_dir: Path) -> None:
    """Seed 003 reports only aggregates and background: nothing may be coded from it."""
    report = evaluate(seeds_dir)
    assert not [s for s in report.spurious if s["doc_id"] == "003"]


def test_strike_release_lines_are_read_as_gold(tmp_path: Path) -> None:
    from sigact.evaluate import read_gold

    f = tmp_path / "lines.csv"
    f.write_text("date,country,location,number,manually_edited,description,line\n"
                 "10/17/2016,Syria,Manbij,1,,strike engaged a unit.,\"- Near Manbij, one strike engaged a unit.\"\n",
                 encoding="utf-8")
    (gd,) = read_gold(f)
    assert gd.document.text == "Near Manbij, one strike engaged a unit."
    assert gd.events[0]["event_date"] == "2016-10-17" and gd.events[0]["sub_event_type"] == "Air/drone strike"
    report = evaluate(f)
    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
