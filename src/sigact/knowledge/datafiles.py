"""Where knowledge files live: the package's own data plus a user's override directory.

Users add or override records without editing the package by pointing ``SIGACT_DATA`` at a folder
with the same layout as ``sigact/data`` (``actors*.yaml``, ``places/*.csv``, ``keywords.yaml`` ...).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it: the knowledge files are read on every start-up,
# and the pure-Python parser spent most of a one-document run on them
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data"


def data_dirs() -> list[Path]:
    dirs = [PACKAGE_DATA]
    extra = os.environ.get("SIGACT_DATA")
    if extra:
        dirs.extend(Path(p) for p in extra.split(os.pathsep) if p)
    return dirs


def find(pattern: str) -> list[Path]:
    """All files matching ``pattern`` in the package data, then in user folders (later wins)."""
    out: list[Path] = []
    for d in data_dirs():
        out.extend(sorted(d.glob(pattern)))
    return out


def read_yaml(path: Path) -> Any:
    """A knowledge file's YAML (safe: plain data only)."""
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader
