"""Golden files: the events extracted from the real seed articles and the bundled samples.

A difference means extraction changed; if the change is intended, regenerate with
`python tests/golden/regenerate.py`, review the diff and commit it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "golden"))

from regenerate import SAMPLES, SEEDS, snapshot  # noqa: E402


@pytest.mark.parametrize("name,inputs", [("seeds", SEEDS), ("samples", SAMPLES)])
def test_events_match_golden(name: str, inputs: Path) -> None:
    if not inputs.exists():
        pytest.skip(f"{inputs} not available")
    expected = json.loads((HERE / "golden" / f"{name}_events.json").read_text(encoding="utf-8"))
    got = snapshot([inputs])
    assert got == expected
