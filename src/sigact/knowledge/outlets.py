"""News outlets: which source a document comes from, what kind it is, and ACLED's source_scale.

The registry (``data/outlets*.yaml``) maps domains and byline names to outlets, so a crawled URL or
a "By Al-Mashareq and AFP" credit says who reported an event and how independent the sources are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from sigact.knowledge import datafiles
from sigact.knowledge.normalise import name_key

_WORD = re.compile(r"[\w'’.&/]+")

# ACLED's source_scale for each kind of outlet.
SOURCE_SCALE = {
    "wire": "International", "international": "International", "national": "National",
    "state-affiliated": "National", "government": "National", "local": "Subnational",
    "partisan": "Other", "armed-group channel": "New media", "monitor": "Other", "ngo": "Other",
}


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str
    kind: str
    note: str = ""
    forces: str = ""  # a government channel's armed party: who "our forces" are in its statements

    @property
    def source_scale(self) -> str:
        return SOURCE_SCALE.get(self.kind, "Other")


class OutletRegistry:
    def __init__(self, outlets: list[Outlet]) -> None:
        self.outlets = outlets
        self._names: re.Pattern[str] | None = None
        self._first_words: set[str] = set()
        self.by_domain: dict[str, Outlet] = {}
        self.by_key: dict[str, Outlet] = {}
        for o in outlets:  # later records (a user's file) override earlier ones
            for d in o.domains:
                self.by_domain[d.lower().removeprefix("www.")] = o
            for n in (o.name, *o.aliases):
                if len(name_key(n)) >= 2:
                    self.by_key[name_key(n)] = o

    def from_url(self, url: str | None) -> Outlet | None:
        """The outlet of a URL: its host, then each parent domain ("en.rudaw.net" -> "rudaw.net")."""
        if not url:
            return None
        try:
            parts = urlsplit(url if "://" in url else f"https://{url}")
        except ValueError:
            return None
        host = (parts.hostname or "").lower().removeprefix("www.")
        path = parts.path.strip("/").split("/")[0] if parts.path else ""
        if host == "t.me" and path and f"t.me/{path}".lower() in self.by_domain:
            return self.by_domain[f"t.me/{path}".lower()]
        labels = host.split(".")
        for i in range(len(labels) - 1):
            hit = self.by_domain.get(".".join(labels[i:]))
            if hit:
                return hit
        return None

    def from_name(self, name: str | None) -> Outlet | None:
        return self.by_key.get(name_key(name)) if name else None

    def names_in(self, text: str, is_place: Callable[[str], bool]) -> list[tuple[int, int]]:
        """Spans of outlet names in ``text`` ("told Kurdistan 24", "the state news agency SANA"): a source,
        not a place. An acronym counts only in capitals; a name that is also a place ("Al Mayadeen") is left
        to the place finder."""
        if self._names is None:
            names = sorted({n for o in self.outlets for n in (o.name, *o.aliases) if len(n) >= 3}, key=len,
                           reverse=True)
            acronyms = [n for n in names if n.isupper() and " " not in n]
            others = [n for n in names if n not in acronyms and not is_place(n)]
            self._first_words = {re.split(r"[\s-]", n, maxsplit=1)[0] for n in acronyms + others}
            self._names = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in acronyms + others)
                                     + r")(?![\w'’-])")  # proper names: as written, not "Al Mada'in"
        if not any(w in self._first_words or w.rstrip(".") in self._first_words for w in _WORD.findall(text)):
            return []  # no word that opens an outlet's name: spare the long pattern
        return [(m.start(), m.end()) for m in self._names.finditer(text)]


@lru_cache(maxsize=1)
def load() -> OutletRegistry:
    outlets: list[Outlet] = []
    for path in datafiles.find("outlets*.yaml"):
        for r in datafiles.read_yaml(path) or []:
            outlets.append(Outlet(
                name=str(r["name"]), domains=tuple(str(d) for d in r.get("domains") or []),
                aliases=tuple(str(a) for a in r.get("aliases") or []), country=str(r.get("country") or ""),
                kind=str(r.get("kind") or "national"), note=str(r.get("note") or ""),
                forces=str(r.get("forces") or ""),
            ))
    return OutletRegistry(outlets)
