"""Event vocabulary (triggers, weapons, non-event cues), ACLED taxonomy and actor descriptors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sigact.knowledge import datafiles


@dataclass(frozen=True, slots=True)
class Trigger:
    regex: re.Pattern[str]
    sub_event_type: str | None  # None for generic attack verbs
    priority: int
    modal_ok: bool


@dataclass(frozen=True, slots=True)
class Weapon:
    regex: re.Pattern[str]
    method: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    triggers: tuple[Trigger, ...]
    weapons: tuple[Weapon, ...]
    modal: re.Pattern[str]
    accident: re.Pattern[str]  # "crashed during a training mission", "a stampede": no one's violence
    aggregate: re.Pattern[str]
    period: re.Pattern[str]
    conflict_signal: re.Pattern[str]
    event_type_of: dict[str, str]  # sub_event_type -> event_type
    demonyms: dict[str, str]  # folded demonym -> country
    military_nouns: tuple[str, ...]
    police_nouns: tuple[str, ...]
    descriptors: dict[str, tuple[re.Pattern[str], str]]
    state_platforms: re.Pattern[str]  # warplanes only a state flies: "Typhoons", "a Reaper"
    toponym_heads: frozenset[str]  # "Tall", "Kafr", "Ain": the opening word of longer place names
    ally_cue: str  # regex alternation: "supported by", "along with": a helping party follows
    declared: frozenset[str]  # sub-event types a group declares: placed at home, not by the story's last place


def _word(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){pattern}(?![\w-])", re.IGNORECASE)


def _read(name: str) -> dict:  # type: ignore[type-arg]
    merged: dict = {}  # type: ignore[type-arg]
    for path in datafiles.find(name):
        data = datafiles.read_yaml(path) or {}
        for k, v in data.items():
            if isinstance(v, list) and isinstance(merged.get(k), list):
                merged[k] = merged[k] + v
            else:
                merged[k] = v
    return merged


@lru_cache(maxsize=1)
def load() -> Vocabulary:
    kw = _read("keywords.yaml")
    tax = _read("taxonomy.yaml")
    desc = _read("descriptors.yaml")
    event_type_of = {sub: et for et, subs in tax.items() for sub in subs}
    triggers = tuple(
        Trigger(_word(t["pattern"]), None if t.get("generic") else t["sub_event_type"],
                int(t.get("priority", 0)), bool(t.get("modal_ok")))
        for t in kw["triggers"]
    )
    for sub in kw.get("declared_sub_event_types") or ():
        if sub not in event_type_of:
            raise ValueError(f"keywords.yaml: unknown declared sub_event_type {sub!r}")
    for t in triggers:
        if t.sub_event_type and t.sub_event_type not in event_type_of:
            raise ValueError(f"keywords.yaml: unknown sub_event_type {t.sub_event_type!r}")
    weapons = tuple(Weapon(_word(w["pattern"]), w["method"], w["sub_event_type"]) for w in kw["weapons"])
    ne = kw["not_event"]
    demonyms = {d.casefold(): country for country, ds in desc["demonyms"].items() for d in ds}
    descriptors = {
        k: (re.compile(v["pattern"], re.IGNORECASE), v["actor"])
        for k, v in desc.items() if isinstance(v, dict) and "pattern" in v
    }
    return Vocabulary(
        triggers=triggers, weapons=weapons,
        modal=re.compile(ne["modal"], re.IGNORECASE), accident=re.compile(ne["accident"], re.IGNORECASE),
        aggregate=re.compile(ne["aggregate"], re.IGNORECASE),
        period=re.compile(ne["period"], re.IGNORECASE), event_type_of=event_type_of,
        conflict_signal=re.compile(kw["conflict_signal"], re.IGNORECASE),
        demonyms=demonyms, military_nouns=tuple(desc["military_nouns"]),
        police_nouns=tuple(desc["police_nouns"]), descriptors=descriptors,
        state_platforms=_word("(?:" + "|".join(desc["state_platforms"]) + ")"),
        toponym_heads=frozenset(desc["toponym_heads"]),
        ally_cue="(?:" + "|".join(c.replace(" ", r"\s+") for c in desc["ally_cues"]) + ")",
        declared=frozenset(kw.get("declared_sub_event_types") or ()),
    )
