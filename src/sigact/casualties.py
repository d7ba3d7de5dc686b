"""Killed and injured counts from a sentence, by ACLED's conservative rules.

"dozens" counts as 12 and "a dozen" as 12, a range takes its lower bound, "at least N" is N, "no
casualties" is 0 for both, and vague quantities ("several", "scores", "many") leave the count unknown.
Attackers who die by their own hand ("blew himself up") are not counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "no": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 12, "a dozen": 12, "couple": 2, "a couple of": 2,
    "both": 2, "twin": 2,
}
_VAGUE = {"several", "scores", "many", "some", "numerous", "multiple", "few", "a few", "unknown",
          "unspecified", "undetermined", "an unknown number of", "hundreds", "thousands", "other", "others"}
_QTY = (r"(?:at least |more than |over |about |around |nearly |almost |some |up to |approximately |"
        r"an estimated |a total of |roughly )?"
        r"(?:\d[\d,]*(?:\s*(?:-|to|or)\s*\d+)?|a dozen|dozens|a couple of|an unknown number of|"
        + "|".join(sorted((re.escape(w) for w in set(_UNITS) | _VAGUE if " " not in w), key=len, reverse=True))
        + r")")
_PERSON = (r"(?:[\w-]+\s+){0,3}?(?:people|persons?|civilians?|soldiers?|troops?|fighters?|militants?|members?|"
           r"men|women|children|policem[ae]n|officers?|officials?|personnel|contractors?|servicem[ae]n|"
           r"service members?|americans?|workers?|others?|individuals?|gunm[ae]n|insurgents?|terrorists?|"
           r"guards?|recruits?|farmers?|shepherds?|pilgrims?|students?|victims?|employees?|elements?|"
           r"commanders?|leaders?|residents?|family members?|relatives?|worshippers?|passengers?|"
           r"journalists?|volunteers?|villagers?|tribesmen|brothers?|sons?|daughters?|wife|husband|"
           r"child|boy|girl|man|woman|person|civilian|soldier|officer|member|fighter|militant|policeman|"
           r"abductors?|smugglers?|suspects?|attackers?|assailants?|bombers?|aides?|bodyguards?|companions?|"
           r"associates?|dead|wounded|killed|injured)")

_KILL_VERB = r"(?:kill(?:ed|ing|s)?|dead|died|death|lost their lives|slain|executed|massacred|fatalit(?:y|ies))"
_HURT_VERB = r"(?:wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt|maimed)"

_NP = rf"{_QTY}\s+{_PERSON}(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,3}}?(?=\s*(?:,|and|$|\.)))?"
_NP_LIST = rf"{_NP}(?:\s*(?:,|and|, and)\s+{_NP})*"

_PATTERNS = {
    "killed": [
        rf"\b(?:kill(?:ed|ing|s)|left)\s+(?P<np>{_NP_LIST})(?:\s+dead)?",
        rf"(?P<np>{_NP_LIST})\s+(?:were|was|have been|had been|are|being|reportedly)?\s*(?:killed|dead|died|slain|executed)",
        rf"\b(?P<np>{_QTY})\s+(?:deaths|fatalities|fatality|killed|dead)\b",
        rf"\bdeath toll (?:rose |climbed |reached |stood |is |was )?(?:to |at )?(?P<np>{_QTY})",
        r"\b(?:the )?death of (?P<np>(?:a|an|one|two|three|four|five|\d+))\b",
    ],
    "injured": [
        rf"\b(?:wound(?:ed|ing|s)|injur(?:ed|ing|es)|hurt(?:ing)?)\s+(?P<np>{_NP_LIST}|{_QTY}(?=[\s.,;]))",
        rf"(?P<np>{_NP_LIST})\s+(?:were|was|have been|had been|are|being|reportedly)?\s*(?:wounded|injured|hurt)",
        rf"\b(?P<np>{_QTY})\s+(?:injuries|injured|wounded)\b",
    ],
}
_COMPILED = {k: [re.compile(p, re.IGNORECASE) for p in v] for k, v in _PATTERNS.items()}

_NONE_BOTH = re.compile(
    r"\b(?:no|none of the attacks? (?:resulted in|caused) (?:any)?|without (?:any )?|neither)\s*"
    r"(?:casualties|casualty|victims|(?:human )?losses|injuries or deaths|deaths or injuries|one was hurt|"
    r"loss of life|fatalities nor injuries|fatalities or injuries)\b"
    r"|\bnone of the attacks? resulted in any casualties\b|\bno one was (?:hurt|injured|harmed)\b"
    r"|\bcaused no (?:casualties|injuries)\b|\bmaterial (?:damage|losses) only\b",
    re.IGNORECASE,
)
_NONE_KILLED = re.compile(r"\b(?:no (?:fatalities|deaths|one was killed|killed)|there were no fatalities|"
                          r"nobody was killed|did not (?:cause|result in) (?:any )?(?:fatalities|deaths))\b", re.I)
_NONE_INJURED = re.compile(r"\b(?:no (?:injuries|injured|wounded)|nobody was (?:hurt|injured)|"
                           r"there were no injuries)\b", re.I)
_UNKNOWN = re.compile(r"\bcasualties (?:are |were )?(?:unknown|unclear|not known)\b|"
                      r"\bunknown (?:number of )?casualties\b", re.I)
_SELF = re.compile(r"\b(?:blew (?:himself|herself|themselves) up|killing (?:himself|herself|themselves)|"
                   r"the (?:suicide )?bomber (?:was|were) killed)\b", re.I)


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: int | None = None
    injured: int | None = None
    said: bool = False  # the sentence says anything about casualties at all


def _quantity(np: str) -> int | None:
    """Number of people in a noun phrase list: 'a civilian and a foreign contractor' -> 2."""
    total = 0
    parts = re.split(r"\s*(?:,\s*and|,|\band\b)\s*", np)
    for part in parts:
        m = re.match(_QTY, part.strip(), re.IGNORECASE)
        if not m:
            continue
        q = m.group(0).lower()
        q = re.sub(r"^(?:at least|more than|over|about|around|nearly|almost|some|up to|approximately|"
                   r"an estimated|a total of|roughly)\s+", "", q).strip()
        num = re.match(r"(\d[\d,]*)", q)
        if num:
            total += int(num.group(1).replace(",", ""))
        elif q in _VAGUE:
            return None
        elif q in _UNITS:
            total += _UNITS[q]
        else:
            return None
    return total


def _count(kind: str, sentence: str) -> int | None:
    best: int | None = None
    for rx in _COMPILED[kind]:
        for m in rx.finditer(sentence):
            value = _quantity(m.group("np"))
            if value is None:
                return None  # a vague amount: unknown, not a guess
            best = max(best or 0, value)
    return best


_DATELIKE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b(?:,?\s+\d{4})?"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b(?:\s+\d{4})?"
    r"|\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d+\s*(?:km|kilometers?|kilometres?|miles?|m)\b")


def find_casualties(sentence: str) -> Casualties:
    sentence = _DATELIKE.sub(lambda m: "#" * len(m.group(0)), sentence)
    if _UNKNOWN.search(sentence):
        return Casualties(None, None, True)
    if _NONE_BOTH.search(sentence):
        return Casualties(0, 0, True)
    killed = _count("killed", sentence)
    injured = _count("injured", sentence)
    if killed is None and _NONE_KILLED.search(sentence):
        killed = 0
    if injured is None and _NONE_INJURED.search(sentence):
        injured = 0
    if killed and _SELF.search(sentence):
        killed = max(0, killed - 1) if re.search(r"\bhimself|herself\b", sentence) else killed
    said = killed is not None or injured is not None or bool(
        re.search(rf"\b{_KILL_VERB}|\b{_HURT_VERB}", sentence, re.I))
    return Casualties(killed, injured, said)
