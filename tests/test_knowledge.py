"""Knowledge files: every record loads and is well-formed, lookups find the right entries, and a
user's SIGACT_DATA folder adds and overrides records."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sigact.knowledge import actors, datafiles, gazetteer, outlets, vocabulary
from sigact.knowledge.gazetteer import KIND_PRECISION, haversine_km

IRAQ_ADMIN1 = {"Baghdad", "Anbar", "Nineveh", "Salah al-Din", "Kirkuk", "Diyala", "Babil", "Karbala", "Najaf",
               "Wasit", "Qadisiyah", "Muthanna", "Dhi Qar", "Maysan", "Basra", "Erbil", "Duhok", "Sulaymaniyah",
               "Halabja"}
SYRIA_ADMIN1 = {"Damascus", "Rif Dimashq", "Aleppo", "Idlib", "Hama", "Homs", "Latakia", "Tartus", "Raqqa",
                "Deir ez-Zor", "Hasakah", "Daraa", "Quneitra", "Suwayda"}
BBOX = {"Iraq": (29.0, 37.5, 38.7, 48.8), "Syria": (32.3, 37.4, 35.6, 42.5)}


def _place_rows() -> list[tuple[str, dict[str, str]]]:
    rows = []
    for path in datafiles.find("places/*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            rows += [(path.name, r) for r in csv.DictReader(fh)]
    return rows


def test_curated_places_are_well_formed() -> None:
    rows = _place_rows()
    assert len(rows) > 1000
    for name, r in rows:
        assert r["kind"] in KIND_PRECISION, (name, r["name"], r["kind"])
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        assert r["source"].strip(), (name, r["name"])  # every record says where its coordinates come from
        box = BBOX.get(r["country"])
        if box:
            assert box[0] <= lat <= box[1] and box[2] <= lon <= box[3], (name, r["name"])
        if r["country"] == "Iraq":
            assert r["admin1"] in IRAQ_ADMIN1, (name, r["name"], r["admin1"])
        if r["country"] == "Syria":
            assert r["admin1"] in SYRIA_ADMIN1, (name, r["name"], r["admin1"])


def test_every_iraqi_and_syrian_governorate_is_present() -> None:
    names = {(r["name"], r["country"]) for _, r in _place_rows() if r["kind"] == "admin1"}
    assert {(a, "Iraq") for a in IRAQ_ADMIN1} <= names
    assert {(a, "Syria") for a in SYRIA_ADMIN1} <= names


@pytest.mark.parametrize("text,name,kind", [
    ("Diyala", "Diyala", "admin1"), ("Al Anbar", "Anbar", "admin1"), ("Baghdad", "Baghdad", "city"),
    ("Ain Assad Air Base", "Ain al-Asad Air Base", "site"), ("Deir Ezzor", "Deir ez-Zor", None),
    ("Abu Kamal", "Albu Kamal", None), ("Arbil", "Erbil", None), ("al-Yusufiyah", "Yusufiyah", None),
    # the neighbouring front (levant.csv)
    ("Khan Yunis", "Khan Younis", "city"), ("Jabaliya refugee camp", "Jabalia camp", None),
    ("Shejaiya", "Shujaiya", "neighbourhood"), ("the Gaza Strip", "Gaza Strip", "region"),
    # the Yemen war and the Red Sea front (yemen.csv)
    ("Hudaydah", "Hodeidah", "city"), ("Ma'rib", "Marib", "city"), ("al-Mukha", "Mocha", "town"),
])
def test_lookup_prefers_the_right_entry(text: str, name: str, kind: str | None) -> None:
    best = gazetteer.load().lookup(text)[0]
    assert best.name == name
    if kind:
        assert best.kind == kind


def test_a_qualified_alias_is_also_found_bare_unless_short() -> None:
    g = gazetteer.Gazetteer()
    e = g.add("Mansuriyat al-Jabal", "town", "Iraq", "Diyala", None, 34.07, 45.0,
              ["Mansuriya (Diyala)", "Dair (Basra)"], "test", True)
    assert [x.id for x in g.lookup("al-Mansuriya")] == [e.id]
    assert g.lookup("Mansuriya (Diyala)") and not g.lookup("Dair")
    # in the shipped data: a curator's "(Diyala)" names which Mansuriya, text never writes it
    assert gazetteer.load().lookup("Mansouriyah")[0].name == "Mansuriyat al-Jabal"


def test_country_parts_sit_in_their_admin1_and_country() -> None:
    g = gazetteer.load()
    with (datafiles.PACKAGE_DATA / "country_parts.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 10
    for r in rows:
        part = gazetteer.country_part(r["country"], r["part"])
        assert part is not None and r["source"].strip(), r
        assert r["part"] in {"north", "south", "east", "west", "central", "northeast", "northwest", "southeast",
                             "southwest"}, r
        # the point lies within 150 km of a curated place of the same admin1 and country
        near = [e for e in g.entries if e.curated and e.country == r["country"] and (e.admin1 or e.name) == part.admin1]
        assert near and min(haversine_km(part.lat, part.lon, e.lat, e.lon) for e in near) < 150, r


def test_same_named_places_are_told_apart_by_country() -> None:
    g = gazetteer.load()
    cands = g.candidates(gazetteer.name_key("Tripoli"))
    assert {e.country for e in cands} >= {"Libya", "Lebanon"}
    assert g.rank(cands, ("Lebanon",))[0].country == "Lebanon"


def test_actor_registry_is_consistent() -> None:
    reg = actors.load()
    assert len(reg.by_name) >= 150
    for e in reg.by_name.values():
        assert e.inter in actors.INTER_CODES, e.name
        for r in e.relations:
            assert r.target in reg.by_name, (e.name, r.target)
        for a in e.areas:  # an area is a place the gazetteer knows, in that country, with a source
            assert any(p.country == a.country for p in gazetteer.load().lookup(a.place)), (e.name, a)
            assert "Source:" in a.note, (e.name, a)
    assert reg.area("Kataib Hezbollah", "Iraq") is not None and reg.area("Kataib Hezbollah", "Yemen") is None
    assert reg.resolve("U.S. Africa Command") == ("Military Forces of the United States", "exact")
    assert reg.resolve("al-Shabab") == ("Al Shabaab", "exact")
    records = []
    for path in sorted(datafiles.PACKAGE_DATA.glob("actors*.yaml")):  # an alias is unique across the files
        with path.open(encoding="utf-8") as fh:
            records += yaml.safe_load(fh)
    owner: dict[str, str] = {}
    for rec in records:
        for alias in [rec["name"], *rec.get("aliases", [])]:
            key = gazetteer.name_key(alias)
            if len(key) >= 2:
                assert owner.setdefault(key, rec["name"]) == rec["name"], (alias, owner[key], rec["name"])


@pytest.mark.parametrize("text,canonical", [
    ("Kata'ib Hizballah", "Kataib Hezbollah"), ("Kataib Hizbullah", "Kataib Hezbollah"),
    ("KH", "Kataib Hezbollah"), ("Asa'ib Ahl al-Haq", "Asaib Ahl al-Haq"), ("AAH", "Asaib Ahl al-Haq"),
    ("Awliyaa al-Dam", "Saraya Awliya al-Dam"), ("Daesh", "Islamic State"), ("ISIL", "Islamic State"),
    ("Hashd al-Shaabi", "Popular Mobilization Forces"), ("Kataib Sayyed al-Shuhada", "Kataib Sayyid al-Shuhada"),
    ("Kataib Hizballahh", "Kataib Hezbollah"),  # unseen spelling: fuzzy
])
def test_actor_spellings_resolve(text: str, canonical: str) -> None:
    hit = actors.load().resolve(text)
    assert hit is not None and hit[0] == canonical


def test_vocabulary_uses_only_acled_sub_event_types() -> None:
    v = vocabulary.load()
    assert len(v.event_type_of) == 25
    for t in v.triggers:
        assert t.sub_event_type is None or t.sub_event_type in v.event_type_of
    for w in v.weapons:
        assert w.sub_event_type in v.event_type_of


@pytest.mark.parametrize("phrase", ["supported by", "with the  help of", "alongside", "in coordination with",
                                    "under the cover of"])
def test_ally_cues_are_one_phrase_list(phrase: str) -> None:
    """Three stages read helpers off the same list; spacing inside a phrase may vary."""
    assert re.fullmatch(vocabulary.load().ally_cue, phrase, re.I)
    assert not re.fullmatch(vocabulary.load().ally_cue, "attacked by", re.I)


def test_user_data_folder_adds_and_overrides(tmp_path: Path) -> None:
    """A user's own records, without editing the package: run in a fresh process so caches are cold."""
    (tmp_path / "places").mkdir()
    (tmp_path / "places" / "mine.csv").write_text(
        "name,kind,country,admin1,admin2,lat,lon,aliases,source\n"
        "Qaryat Zarqa,village,Iraq,Kirkuk,,35.30,43.90,Zarqa Village,field report 2024\n", encoding="utf-8")
    (tmp_path / "actors-mine.yaml").write_text(
        "- name: Liwa Test al-Jadid\n  inter: political_militia\n  country: Iraq\n  kind: front\n"
        "  aliases: [New Test Brigade]\n  note: test record\n", encoding="utf-8")
    code = (
        "from sigact.knowledge import gazetteer, actors\n"
        "e = gazetteer.load().lookup('Zarqa Village')[0]\n"
        "print(e.name, e.lat, e.lon)\n"
        "print(actors.load().resolve('New Test Brigade')[0])\n"
    )
    env = {"SIGACT_DATA": str(tmp_path), "SIGACT_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.splitlines() == ["Qaryat Zarqa 35.3 43.9", "Liwa Test al-Jadid"]


def test_haversine() -> None:
    assert haversine_km(33.31, 44.36, 33.31, 44.36) == 0
    assert 315 < haversine_km(33.31, 44.36, 36.19, 44.01) < 330  # Baghdad - Erbil, about 320 km


@pytest.mark.parametrize("url,name,scale", [
    ("https://www.reuters.com/world/middle-east/some-story", "Reuters", "International"),
    ("https://www.rudaw.net/english/kurdistan/1", "Rudaw", None),
    ("https://southfront.press/x", "SouthFront", "Other"),
    ("https://example.invalid/a", None, None),
    ("not a url at all", None, None),
])
def test_outlet_from_url(url: str, name: str | None, scale: str | None) -> None:
    o = outlets.load().from_url(url)
    assert (o.name if o else None) == name
    if o is not None and scale is not None:
        assert o.source_scale == scale


def test_outlet_registry_is_consistent() -> None:
    with (datafiles.PACKAGE_DATA / "outlets.yaml").open(encoding="utf-8") as fh:
        records = yaml.safe_load(fh)
    assert len(records) >= 150
    domains = [d for r in records for d in r.get("domains") or []]
    assert len(domains) == len(set(domains))
    for r in records:
        assert r["kind"] in outlets.SOURCE_SCALE, r["name"]


@pytest.mark.parametrize("phrase", ["And", "AND", "White House", "THE", "CAN", "USA"])
def test_words_and_codes_are_not_countries_or_far_cities(phrase: str) -> None:
    """GeoNames lists ISO codes and translations ("White House" for Casablanca) as names; they must not match."""
    from sigact.knowledge import gazetteer as gaz

    hits = gaz.load().lookup(phrase)
    assert not [e for e in hits if e.kind == "country" and phrase != "USA"]
    assert not [e for e in hits if e.country in ("Morocco", "Brazil", "Andorra", "Canada")]


def test_a_capital_is_the_largest_city_of_its_name() -> None:
    from sigact.knowledge import gazetteer as gaz

    cap = gaz.load().capitals["United States"]
    assert abs(cap.lat - 38.9) < 0.2 and abs(cap.lon + 77.0) < 0.2  # Washington, D.C., not Washington, Utah


def test_points_placed_from_memory_sit_on_their_geonames_namesake() -> None:
    # a remembered point with one same-named GeoNames place close by has been moved onto it
    # (scripts/refine_from_geonames.py --apply); a new row placed from memory must be refined too
    script = Path(__file__).resolve().parents[1] / "scripts" / "refine_from_geonames.py"
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    assert [line for line in out.splitlines() if line.startswith("refine ")] == []


def test_a_common_word_that_folds_into_a_short_name_is_the_word() -> None:
    from sigact.knowledge import english
    from sigact.pipeline import extract_text

    assert english.is_common_word("Road") and english.is_common_word("hope")
    assert not english.is_common_word("Basra") and not english.is_common_word("Sejar")
    # "Road" folds like "Ruad" (Arwad, Syria); a US police report is not placed in Syria
    evs = extract_text("Officers found drugs in a car parked on Walnut Road, and arrested two men on Monday.",
                       published="2019-11-19")
    assert all(e.country != "Syria" for e in evs)


@pytest.mark.parametrize("name,country", [("Syrian Arab Republic", "Syria"), ("Islamic Republic of Iran", "Iran"),
                                          ("Türkiye", "Turkey"), ("Turkiye", "Turkey"), ("State of Israel", "Israel")])
def test_countries_are_found_by_their_iso_names(name: str, country: str) -> None:
    best = gazetteer.load().lookup(name)[0]
    assert (best.kind, best.country) == ("country", country)


def test_the_middle_euphrates_river_valley_is_a_region_of_deir_ez_zor() -> None:
    best = gazetteer.load().lookup("MERV")[0]
    assert (best.name, best.kind, best.admin1) == ("Middle Euphrates River Valley", "region", "Deir ez-Zor")
