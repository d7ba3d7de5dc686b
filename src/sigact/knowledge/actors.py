"""Actor registry: canonical ACLED-style names, aliases and relations from ``data/actors*.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from sigact.knowledge import datafiles
from sigact.knowledge.normalise import name_key

INTER_CODES = {
    "state_forces": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external_other": 8,
}
FUZZY_THRESHOLD = 92


@dataclass(frozen=True, slots=True)
class Relation:
    type: str
    target: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Area:
    """Where an actor's bases and facilities in a country are known to be: the place a report that
    names only the country ("strikes on facilities in Syria used by the IRGC") is coded at."""

    country: str
    place: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    inter: str
    country: str
    kind: str
    aliases: tuple[str, ...]
    relations: tuple[Relation, ...] = field(default=())
    note: str = ""
    areas: tuple[Area, ...] = field(default=())
    theatre: tuple[str, ...] = field(default=())  # countries a coalition fights in: "the coalition" there

    @property
    def inter_code(self) -> int:
        return INTER_CODES.get(self.inter, 8)


class ActorRegistry:
    def __init__(self, entries: list[ActorEntry]) -> None:
        self.by_name: dict[str, ActorEntry] = {}
        for e in entries:  # later files override earlier ones with the same name
            self.by_name[e.name] = e
        self.index: dict[str, str] = {}
        for e in self.by_name.values():
            for alias in (e.name, *e.aliases):
                key = name_key(alias)
                if len(key) >= 2:
                    self.index.setdefault(key, e.name)
        self._fuzzy_keys = [k for k in self.index if len(k) >= 8]

    def get(self, name: str) -> ActorEntry | None:
        return self.by_name.get(name)

    def resolve(self, text: str, fuzzy: bool = True) -> tuple[str, str] | None:
        """Canonical name for ``text`` and how it was found ("exact" / "fuzzy:<score>"); a trailing
        "(ISIL)" and a leading demonym ("Iranian IRGC", "Kurdish YPG") are tried away too."""
        hit = self._resolve(text, fuzzy)
        if hit is not None:
            return hit
        m = re.match(r"^(.*?)\s*\(([^)]{2,40})\)\s*$", text)
        if m:
            hit = self._resolve(m.group(1), fuzzy) or self._resolve(m.group(2), fuzzy=False)
            if hit is not None:
                return hit
        m = re.match(r"^(?:the\s+)?(?:Iranian|Iraqi|Syrian|Turkish|Kurdish|Lebanese|Afghan|Pakistani|American|"
                     r"Russian|Israeli|Jordanian)\s+(.+)$", text, re.IGNORECASE)
        return self._resolve(m.group(1), fuzzy) if m else None

    def _resolve(self, text: str, fuzzy: bool) -> tuple[str, str] | None:
        key = name_key(text)
        if key in self.index:
            return self.index[key], "exact"
        if fuzzy and len(key) >= 8:
            hit = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
            if hit:
                return self.index[hit[0]], f"fuzzy:{hit[1]:.0f}"
        return None

    def area(self, name: str, country: str) -> Area | None:
        """The actor's known area in ``country``, if the registry records one."""
        e = self.by_name.get(name)
        return next((a for a in e.areas if a.country == country), None) if e else None

    def coalitions_in(self, countries: tuple[str, ...]) -> list[str]:
        """Coalitions whose theatre includes one of ``countries``: who "the coalition" may be there."""
        return [e.name for e in self.by_name.values() if e.kind == "coalition" and set(e.theatre) & set(countries)]

    def related(self, name: str, relation: str) -> list[str]:
        e = self.by_name.get(name)
        return [r.target for r in e.relations if r.type == relation] if e else []


def _parse(records: list[dict[str, object]]) -> list[ActorEntry]:
    out = []
    for r in records or []:
        rels = tuple(
            Relation(str(x.get("type")), str(x.get("target")), str(x.get("note") or ""))
            for x in (r.get("relations") or [])  # type: ignore[union-attr]
            if isinstance(x, dict)
        )
        areas = tuple(
            Area(str(x.get("country")), str(x.get("place")), str(x.get("note") or ""))
            for x in (r.get("areas") or [])  # type: ignore[union-attr]
            if isinstance(x, dict)
        )
        out.append(ActorEntry(
            name=str(r["name"]), inter=str(r.get("inter") or "external_other"),
            country=str(r.get("country") or ""), kind=str(r.get("kind") or "other"),
            aliases=tuple(str(a) for a in (r.get("aliases") or [])),  # type: ignore[union-attr]
            relations=rels, note=str(r.get("note") or ""), areas=areas,
            theatre=tuple(str(c) for c in (r.get("theatre") or [])),  # type: ignore[union-attr]
        ))
    return out


@lru_cache(maxsize=1)
def load() -> ActorRegistry:
    entries: list[ActorEntry] = []
    for path in datafiles.find("actors*.yaml"):
        entries.extend(_parse(datafiles.read_yaml(path) or []))
    return ActorRegistry(entries)
