"""Villages and areas the gazetteer does not hold, named by their address.

Reports name small places by what they lie in or near: "near the village of Safra, southwest of
Kirkuk", "in al-Rashad, a village in the Muqdadiya district", "in Khair district, Maysan". A coder
writes the village as the location and places it as best they can; so does sigact: the name as
written, at the point of the place it is told against, with a coarser geo_precision.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sigact.knowledge import vocabulary

_NAME = (r"(?:(?:al|el|an|ar|as|ash|ad|at|az)[- ])?(?-i:[A-Z])[\w'’]+(?:-[\w'’]+)*"
         r"(?:\s+(?:(?:al|el|an|ar|as|ash|ad|at|az|bin|abu|umm)[- ])?(?-i:[A-Z])[\w'’]+(?:-[\w'’]+)*){0,2}")
_ALSO = r"(?P<also>\s*\((?:[^()]{2,40})\))?"  # "Sida (Seedan)": a second spelling in brackets
# "the mainly Sunni al-Jamia district", "the remote village of": words that describe, then the name
_DESCRIBED = (r"(?:(?:mainly|mostly|predominantly|largely|mixed|restive|remote|small|nearby|rural|border|"
              r"frontline)\s+)*"
              r"(?:(?:Sunni|Shi'?ite|Shia|Kurdish|Christian|Yazidi|Arab|Turkmen|Alawite|Druze)\s+)?")
_KIND = (r"(?P<kind>village|town|hamlet|township|area|neighbou?rhood|district|sub-?district|nahiya|locality|"
         r"farmland|farms|hill|heights|valley|mountain|region|camp)")
# a settlement of its own is the place wherever it lies; a part of something ("the Tahrir area of Mosul",
# "Al-Sakalat area, Abu Ghraib district") is coded as the town or district it is part of, and by its own
# name only when what it is part of is a whole province ("Zaidan area, Al Anbar governorate")
_SETTLEMENT = re.compile(r"village|town|hamlet|township|farmland|farms|hill|heights|valley|mountain|camp")
_BROAD = {"admin1", "region", "feature"}
# what joins the unlisted place to the listed one after it
_JOIN = (r"(?:\s*,\s*|\s+)(?:(?:some|about|around|approximately|nearly)\s+)?"
         r"(?:\d+\s*(?:km|kilomet(?:er|re)s?|miles)\s+)?"
         r"(?:(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|in|of|near|outside|within|"
         r"on\s+the\s+outskirts\s+of)\s+)?(?:the\s+)?(?:(?:city|town|province|governorate|district|region|"
         r"outskirts|countryside)\s+of\s+)?(?:(?:northern|southern|eastern|western|central|rural)\s+)?$")
_FORMS = [
    # "the village of Safra, southwest of ", "the area of Tal Abyad in "
    re.compile(rf"\b{_KIND}\s+of\s+(?P<name>{_NAME}){_ALSO}{_JOIN}"),
    # "in Khair district, ", "the Seedan area of ", "al-Jamia district in "
    re.compile(rf"(?:\b(?:in|at|near|outside|around|on|into|the)\s+{_DESCRIBED}|^)(?P<name>{_NAME}){_ALSO}\s+{_KIND}{_JOIN}"),
    # "in Zrgwez, south of ", "in Jezhnikan, near ": a name told by where it lies from a listed place
    re.compile(rf"\b(?:in|at|near|outside)\s+(?P<name>{_NAME}){_ALSO},\s+(?:(?:some|about|around)\s+)?"
               rf"(?:\d+\s*(?:km|kilomet(?:er|re)s?|miles)\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|"
               rf"near|outside)\s+(?:the\s+)?(?:(?:city|town|province|governorate)\s+of\s+)?$"),
    # "al-Rashad, a village in the ": told in apposition
    re.compile(rf"\b(?:in|at|near|outside|on)\s+(?P<name>{_NAME}){_ALSO},\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?"
               rf"{_KIND}{_JOIN}"),
]
# words that open a capitalised phrase without naming a place: "the Sunni district of", "Monday"
_NOT_NAMES = re.compile(r"^(?:the|a|an|this|that|its|their|his|her|our|Sunni|Shi'?ite|Shia|Kurdish|Arab|Christian|"
                        r"Yazidi|Turkmen|Alawite|Druze|Muslim|Jewish|Palestinian|Bedouin|Monday|Tuesday|Wednesday|"
                        r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
                        r"September|October|November|December|North|South|East|West|Northern|Southern|Eastern|"
                        r"Western|Central|Upper|Lower|Greater|Old|New|Border|Security|Operations?|Military|"
                        r"Coalition|Government|Regime|Residential|Industrial|Agricultural|Desert|Rural|Mountain)$",
                        re.I)


class Unlisted(NamedTuple):
    start: int  # offsets in the text searched; ``end`` includes another name in brackets ("Koysanjaq (Koya)")
    end: int
    name: str


def unlisted_before(before: str, listed_kind: str) -> Unlisted | None:
    """The unlisted place written just before a listed one, or None.

    ``before`` is the text that ends where the listed place's name begins; ``listed_kind`` is that
    place's gazetteer kind.
    """
    for rx in _FORMS:
        m = rx.search(before)
        if m is None:
            continue
        kind = m.groupdict().get("kind")  # none: told by its bearing from the listed place, so outside it
        if kind is not None and _part_of_listed(kind, listed_kind):
            return None
        found = _named(m)
        if found is not None:
            return found
    return None


_AFTER = re.compile(rf"^['’]s\s+{_DESCRIBED}(?P<name>{_NAME}){_ALSO}\s+{_KIND}\b")


def unlisted_after(after: str, listed_kind: str) -> Unlisted | None:
    """The unlisted place written right after a listed one that owns it: "in Sinjar's Sikeniye village".

    ``after`` is the text that starts where the listed place's name ends; offsets are into it.
    """
    m = _AFTER.match(after)
    if m is None or _part_of_listed(m.group("kind"), listed_kind):
        return None
    return _named(m)


def _part_of_listed(kind: str, listed_kind: str) -> bool:
    """A part of the listed place, coded as that place: "the Tahrir area of Mosul"; "Al Katef area near Al-Bukamal"
    is coded at the town too, as ACLED and GTD name an area by the place it is near."""
    return not _SETTLEMENT.fullmatch(kind.lower()) and listed_kind not in _BROAD


def _named(m: re.Match[str]) -> Unlisted | None:
    """The match's name, unless its first word describes ("Sunni", "Monday") or names a people or a state."""
    name = m.group("name").strip()
    words = name.split()
    if _NOT_NAMES.match(words[0]) or _is_nation(words):
        return None
    return Unlisted(m.start("name"), m.end("also") if m.group("also") else m.end("name"), name)


def _is_nation(words: list[str]) -> bool:
    """"the Iraqi village of", "US-led area": a people or a state, not a place's name."""
    nations = vocabulary.load().demonyms
    return any(w.split("-")[0].rstrip("'’s").casefold() in nations for w in words)
