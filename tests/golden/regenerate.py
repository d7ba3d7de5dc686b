"""Regenerate the golden event files from the current extractor: run after an intended change,
review the diff, commit. `python tests/golden/regenerate.py`"""

from __future__ import annotations

import json
from pathlib import Path

from sigact.pipeline import run

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[2] / "shared" / "gold" / "seeds"
SAMPLES = HERE.parents[1] / "samples"
KEYS = ("event_date", "sub_event_type", "method", "actor1", "actor1_status", "claimed_by", "actor2",
        "location", "country", "geo_precision", "fatalities", "injuries")


def snapshot(inputs: list[Path]) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for result in run(inputs):
        if result.doc_id is None or result.error is not None:
            continue
        out[result.doc_id] = [{k: e.as_schema_dict()[k] for k in KEYS} for e in result.events]
    return out


def main() -> None:
    for name, inputs in (("seeds", [SEEDS]), ("samples", [SAMPLES])):
        data = snapshot(inputs)
        (HERE / f"{name}_events.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                                                  encoding="utf-8")


if __name__ == "__main__":
    main()
