"""Which places of a sentence are where its event happened.

Addresses ("Al-Hartha district, Basra") collapse to their most specific place; a list of places
joined by "and" gives one group per place; a place far from its own address is somebody's origin.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sigact.extract.cues import NOUN_TRIGGER
from sigact.extract.triggers import is_own_place
from sigact.knowledge import gazetteer as gaz_kb
from sigact.knowledge import vocabulary
from sigact.records import DateMention, PlaceMention, Sentence

if TYPE_CHECKING:  # the loop's records; importing them here would close an import cycle
    from sigact.extract.anchoring import Reading
    from sigact.extract.drafts import Story

# a list separator, perhaps after the kind of the place before ("Kurdistan region and Baghdad") and before
# the unrecognised head of the next name ("... and Mission Support Site Green Village", "... and Camp Taji")
_LIST_SEP = re.compile(r"^(?:\s+(?:region|province|governorate|district|area|city|town|village|base)\s+(?:and|or)"
                       # "Ar Raqqah in the north, Dayr az Zawr and Abu Kamal in the east, and Al Hasakah"
                       r"|(?:\s+in\s+the\s+(?:north|south|east|west|centre|center)(?:-?(?:east|west))?)?"
                       r"\s*(?:,|and|or|, and|, or|&))\s*(?:the\s+|al-|el-)?(?-i:(?:[A-Z][\w-]*\s+){0,3})$",
                       re.I)


def _contains(outer: gaz_kb.PlaceEntry, inner: gaz_kb.PlaceEntry) -> bool:
    """``outer`` is an area that ``inner`` lies in ("Al Amadiya, Duhok": Duhok holds Amadiya)."""
    from sigact.knowledge.normalise import name_key

    if outer.kind in ("country", "region"):
        return outer.country == inner.country
    keys = {name_key(x) for x in (inner.admin1 or "", inner.admin2 or "") if x}
    return name_key(outer.name) in keys


# "Jabla in the northwest province of Latakia, and the port city of Tartus": an address, then the next town
_ADDRESS_BEFORE = re.compile(r"\b(?:in|of)\s+the\s+(?:[\w-]+\s+){0,2}(?:province|governorate|district|region)\s+of\s+$",
                             re.I)
# "..., and the port city of Tartus", "the capital Sanaa, the port city of Hodeidah, and the governorates of Taiz"
_KIND_SEP = re.compile(r"^\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:the\s+)?(?:[\w-]+\s+)?"
                       r"(?:city|town|village|port|governorates?|provinces?|districts?)\s+of\s+$", re.I)
_ADDRESS_GAP = re.compile(r"^(?:\s+(?:area|neighbou?rhood|district|village|quarter|town))?\s*,\s*(?:the\s+)?$", re.I)


def _far_from_its_address(sent: Sentence, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """"Qasim area, Hillah city": a same-named place far from the town it is said to be in is
    another place of that name, not this one."""
    g = gaz_kb.load()
    e = g.entries[p.place_id]
    for q in places:
        if q.span.start <= p.span.end:
            continue
        between = sent.text[p.span.end - sent.start : q.span.start - sent.start]
        if not _ADDRESS_GAP.match(between):
            continue
        if not re.match(r"\s+(?:city|town)\b", sent.text[q.span.end - sent.start :]):
            return False  # "Mullah Abdullah, Kirkuk" names the governorate, not the city
        town = g.entries[q.place_id]
        return town.kind in ("city", "town") and e.kind not in ("site", "admin1", "admin2", "region") and \
            gaz_kb.haversine_km(e.lat, e.lon, town.lat, town.lon) > 20
    return False


# "condemns both the ISIL attack this morning at a market in Baghdad, and the car bomb attacks in Diyala
# on Monday": coordinated reports of events, each with its own place
_COORD_BREAK = re.compile(r",\s+(?:and|as well as)\s+(?=(?:the|a|an|another|two|three)\s)|;\s+(?:and\s+)?|"
                          # "..., and on 27 April 2017 the Israeli occupying entity fired missiles at ...": another day
                          r",\s+and\s+(?=on\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}\b))|"
                          r"\s+as well as\s+(?=(?:the|a|an|another)\s)|"
                          # "eliminating a mortar team near Abu Kamal, as well as striking another tunnel complex
                          # near Al Mayadin": a second strike at its own place
                          r",\s+(?:as well as|and also|and)\s+(?=(?:destroying|striking|hitting|targeting|bombing|"
                          r"eliminating|killing|engaging)\s)", re.I)


def segments(sent: Sentence) -> list[Sentence]:
    """The sentence, or its coordinated parts when at least two of them tell an attack at a place of
    their own (a part without one stays with the part before it)."""
    cuts = [m.end() for m in _COORD_BREAK.finditer(sent.text)]
    if not cuts or len(sent.triggers) < 2:
        return [sent]
    bounds = [0, *cuts, len(sent.text)]
    parts: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        lo, hi = sent.start + a, sent.start + b
        # "..., as well as striking another tunnel complex near Al Mayadin": a part opening with its verb
        # "..., and the second hit another convoy in al-Diwaniyah": the next of the events counted
        next_one = a > 0 and bool(re.match(r"\s*(?:the\s+)?(?:second|third|fourth|fifth|other|latter)\b",
                                           sent.text[a:b], re.I))
        told_event = any(lo <= t.span.start < hi and (NOUN_TRIGGER.match(t.span.text) or t.sub_event_type or (
            a > 0 and t.span.start - lo <= 1 and t.span.text.endswith("ing")) or next_one) for t in sent.triggers)
        told = told_event and any(lo <= p.span.start < hi and (is_own_place(p) or (
            p.cue == "reference" and gaz_kb.load().entries[p.place_id].kind != "country"))
            for p in sent.places)  # "north-west of Abu Kamal" too
        if told or not parts:
            parts.append((a, b))
        else:
            parts[-1] = (parts[-1][0], b)
    if len(parts) < 2:
        return [sent]
    out = []
    for a, b in parts:
        lo, hi = sent.start + a, sent.start + b
        out.append(Sentence(
            start=lo, end=hi, text=sent.text[a:b], paragraph=sent.paragraph,
            places=tuple(p for p in sent.places if lo <= p.span.start < hi),
            actors=tuple(x for x in sent.actors if lo <= x.span.start < hi),
            dates=tuple(d for d in sent.dates if lo <= d.span.start < hi),
            triggers=tuple(t for t in sent.triggers if lo <= t.span.start < hi)))
    return out


# between a list of places and the country they lie in: "... regions of Northern Iraq"
_LIST_ADDRESS = re.compile(r"\s+(?:regions?|areas?|provinces?|governorates?|districts?)\s+(?:of|in)\s+(?:the\s+)?"
                           r"(?:(?:north|south|east|west)(?:ern)?\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?", re.I)


def place_groups(sent: Sentence) -> list[list[PlaceMention]]:
    """Places grouped into coordinated lists ("Samawah, Nasiriyah and al-Diwaniyah"); an address
    chain ("Al Amadiya, Duhok") is not a list."""
    g = gaz_kb.load()
    groups: list[list[PlaceMention]] = []
    last_end = 0  # where the last listed place, or its address ("Jabla in the province of Latakia"), ends
    for p in sent.places:
        if groups:
            prev = groups[-1][-1]
            if _contains(g.entries[p.place_id], g.entries[prev.place_id]) and len(groups[-1]) == 1 and \
                    _ADDRESS_BEFORE.search(sent.text[: p.span.start - sent.start]):
                last_end = p.span.end
                continue  # the address of the place before, not another place of the list
            between = sent.text[max(prev.span.end, last_end) - sent.start : p.span.start - sent.start]
            if g.entries[p.place_id].kind == "country" and _contains(g.entries[p.place_id], g.entries[prev.place_id]) \
                    and _LIST_ADDRESS.fullmatch(between):
                last_end = p.span.end
                continue  # "the Qandil, Asos and Hakurk regions of Northern Iraq and the ...": the list's address
            closing = sent.text[p.span.end - sent.start : p.span.end - sent.start + 1]
            if re.fullmatch(r"\s*\(", between) and closing == ")":
                last_end = p.span.end + 1
                continue  # "Ayn al-Arab (Kobani)": the same place by its other name
            if (_LIST_SEP.match(between) or _KIND_SEP.match(between)) and not _contains(
                    g.entries[p.place_id], g.entries[prev.place_id]):
                groups[-1].append(p)
                last_end = p.span.end
                continue
        groups.append([p])
        last_end = p.span.end
    return groups


def _within_named_province(places: list[PlaceMention], candidates: list[PlaceMention]) -> list[PlaceMention]:
    """"the Samarra - Tharthar Road in eastern Anbar province": when the sentence names one province, the
    place is the candidate that lies in it, not one of another province named on the way."""
    g = gaz_kb.load()
    provinces = {g.entries[p.place_id].name for p in places
                 if p.cue not in ("reference", "patron") and g.entries[p.place_id].kind == "admin1"}
    if len(provinces) != 1:
        return candidates
    province = next(g.entries[p.place_id] for p in places if g.entries[p.place_id].name in provinces)
    inside = [p for p in candidates
              if g.entries[p.place_id].kind != "admin1" and _contains(province, g.entries[p.place_id])]
    elsewhere = [p for p in candidates if g.entries[p.place_id].admin1 and g.entries[p.place_id].kind != "admin1"
                 and not _contains(province, g.entries[p.place_id])]
    if not inside or not elsewhere:
        return candidates
    return [p for p in candidates if p not in elsewhere]


def pick_places(sent: Sentence) -> list[PlaceMention]:
    """The place(s) where the sentence's event happened. Reports name places from the specific
    to the general ("X area in Y district, Z province"), so the first place that is not a whole
    province or country, not a reference point ("south of Baghdad") when another place is named, and
    not the possessor in "Baghdad's Sadr City" wins; a town the event was "north of" still beats the
    province; coarser places only when nothing finer is named."""
    g = gaz_kb.load()
    places = [p for p in sent.places if p.cue != "patron"
              and not (p.cue == "reference" and g.entries[p.place_id].kind == "country")]
    if not places:
        return []  # "supported by Iran", "trucks from Iraq": a country named as patron or origin
    # the city a statement was issued in is the place only when the text names no other, not even a
    # border ("BAGHDAD (Reuters) - ... strikes ... near the Iraqi-Syrian border")
    if all(p.cue == "dateline" for p in places) and any(p.cue == "reference" for p in sent.places):
        return []
    places = [p for p in places if p.cue != "dateline"] or places
    places = [p for p in places if not _far_from_its_address(sent, p, places)]

    def rank(p: PlaceMention) -> tuple[int, int, int, int]:
        e = g.entries[p.place_id]
        end = p.span.end - sent.start
        possessor = sent.text[end : end + 2] in ("'s", "’s")
        return (int(e.precision < 3), int(p.cue != "reference"), int(not possessor), -p.span.start)

    # an area that holds another named place is its address, not the place: "Baghdad - Sadr City",
    # "Al Amadiya, Duhok"
    inner = [p for p in places if not any(q.place_id != p.place_id and q.cue not in ("reference", "patron")
                                          and _contains(g.entries[p.place_id], g.entries[q.place_id])
                                          for q in places)]
    inner = _within_named_province(places, inner or places)
    best = max(inner, key=rank)
    for group in place_groups(sent):
        group = [p for p in group if p in places]  # "northern Iraq, Türkiye's defense minister said": a party
        if best in group and len(group) > 1:
            if _BETWEEN.search(sent.text[: group[0].span.start - sent.start]):
                # "on the road between Qamishli and Amuda": one event near the first, not one in each
                return [PlaceMention(group[0].span, group[0].place_id, "near")]
            kinds = {g.entries[p.place_id].precision for p in group}
            if kinds == {g.entries[best.place_id].precision}:
                return group
            fine = [p for p in group if g.entries[p.place_id].precision < 3]
            listed = re.search(r"\s(?:and|or)\s", sent.text[group[0].span.end - sent.start : group[-1].span.start
                                                            - sent.start])
            if g.entries[best.place_id].precision < 3 and len(fine) > 2 and listed:
                return fine  # "the Qandil, Asos and Hakurk regions ... and the Ayn al-Arab (Kobani), Tal Rifat"
    return [best]


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:towns?|villages?|cities|city|areas?)\s+of\s+)?$", re.I)

_OFFSET_BEFORE = re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+"
                            r"(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)


_OWN_AREA = re.compile(r"\b(?:in|at|near|around|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:region|area|countryside|"
                       r"desert|valley|province|governorate|district|border|outskirts)\b"
                       r"(?!\s+of\s+(?:the|that|this)\s+(?:city|town|village|capital)\b)", re.I)  # not "of the city"
# "while they were collecting truffles in the area": the area just told, not one of its own
_THAT_AREA = re.compile(r"(?:in|at|near|around|across)\s+(?:the|that|this)\s+(?:area|region|desert|valley)", re.I)


def place_just_named(sents: tuple[Sentence, ...], idx: int) -> list[PlaceMention]:
    """The place the last three sentences named (nearest first), finer than a province. A story goes on
    across its paragraphs (news gives most sentences a paragraph of their own), unless the sentence tells
    an area of its own that we cannot place ("its positions in the west Euphrates region")."""
    g = gaz_kb.load()
    own_area = any(not _THAT_AREA.fullmatch(m.group(0)) for m in _OWN_AREA.finditer(sents[idx].text))
    countries: set[str] = set()  # countries the sentences in between told: the story has moved there
    for j in range(idx - 1, max(-1, idx - 4), -1):
        if own_area and sents[j].paragraph != sents[idx].paragraph:
            continue
        text = sents[j].text
        named = pick_places(sents[j])
        picked = [p for p in named if (p.cue in ("at", "near", "district") or (
                  # "a complex of buildings ... some 30 miles west of Sharqat": near that town
                  p.cue == "reference" and _OFFSET_BEFORE.search(text[: p.span.start - sents[j].start])))
                  and g.entries[p.place_id].precision < 3]
        if picked:
            return picked if not countries or g.entries[picked[0].place_id].country in countries else []
        countries |= {g.entries[p.place_id].country for p in named if p.cue in ("at", "near", "district")}
    return []


_UNKNOWN_PLACE = re.compile(r"^\s*(?:near|in|at|outside|around)\s+(?:the\s+)?(?:(?:al|el|ar|as|ad)[- ])?"
                            r"[A-Z]\w+[^,]{0,30},")
_SITE_ANAPHOR = re.compile(r"\b(?:on|at|in|near)\s+(?:the|that)\s+(?:same\s+)?(?:location|site|area|complex|building|"
                           r"compound|facility|position)\b|\bthere\b", re.I)


_THE_LISTED = re.compile(r"\b(?:in|on|at|across|against|targeting|struck|hit)\s+(?:all\s+)?(?:the|these|those)\s+"
                         r"(?:two|three|four|five|six|seven|eight|\d+)\s+(?:regions|areas|towns|villages|districts|"
                         r"provinces|governorates|sites|locations|cities)\b", re.I)


def _places_just_listed(sents: tuple[Sentence, ...] | list[Sentence], idx: int) -> list[PlaceMention]:
    """The latest list of two or more places in the few sentences before."""
    for j in range(idx - 1, max(-1, idx - 4), -1):
        groups = [grp for grp in place_groups(sents[j]) if len(grp) >= 2]
        if groups:
            return groups[-1]
    return []


def event_places(story: Story, r: Reading, scene: Sentence, sub: str, date: DateMention | None,
                 date_source: str) -> tuple[list[PlaceMention], str]:
    """An anchored event's places and where they came from ("sentence", "context", "none"): the sentence's
    own, else the place of the event it continues or the one the story has just named."""
    sent, drafts = r.sent, story.drafts
    places = r.enumerated or pick_places(scene)
    if places:
        return places, "sentence"
    if _UNKNOWN_PLACE.match(sent.text):
        return [], "none"  # "Near Qasr al-Nadhir, one strike ...": a place we do not know, not the one before
    if _THE_LISTED.search(sent.text):
        # "... targets the Metina, Zap and Avasin-Basyan regions ... || ... struck PKK shelters in the three
        # regions on Sunday night": the places the story has just listed
        listed = _places_just_listed(story.sents, r.idx)
        if listed:
            return listed, "context"
    if sub in vocabulary.load().declared:
        return [], "none"  # "On Jan. 30, Kataib Hezbollah announced it was suspending operations": not where it struck
    # the same story goes on: the place of the event this sentence took its date from
    prev = [d.place for d in drafts if d.place is not None and (
        d.paragraph == sent.paragraph or (date_source == "context" and d.date == date))]
    if prev:
        return [prev[-1]], "context"
    if told := place_just_named(story.sents, r.idx):
        # "... seize the hospital complex in East Mosul. After seizing the area, the ISF fought off
        # counterattacks": the place the paragraph has just named
        return told[:1], "context"
    if drafts and drafts[-1].place is not None and drafts[-1].paragraph == sent.paragraph - 1 and \
            _SITE_ANAPHOR.search(sent.text):
        # "... the hospital complex in East Mosul. || Coalition aircraft conducted a precision strike on
        # the location": the place the story has just been at
        return [drafts[-1].place], "context"
    refs = [p for p in sent.places if p.cue == "reference"]
    if refs:  # "on the Jordan-Syria border": at least the country
        return refs[:1], "sentence"
    return [], "none"
