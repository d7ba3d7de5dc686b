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
        # "two or three", "five to seven": a range in words keeps its lower bound
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:or|to)\s+"
        r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|"
        + "|".join(sorted((re.escape(w) for w in set(_UNITS) | _VAGUE if " " not in w), key=len, reverse=True))
        + r")")
_PERSON = (r"(?:[\w.'’-]+\s+){0,3}?(?:people|persons?|civilians?|soldiers?|troops?|fighters?|militants?|members?|"
           r"men|women|children|policem[ae]n|officers?|officials?|personnel|contractors?|servicem[ae]n|"
           r"service members?|americans?|workers?|others?|individuals?|gunm[ae]n|insurgents?|terrorists?|"
           r"guards?|recruits?|farmers?|shepherds?|pilgrims?|students?|victims?|employees?|elements?|"
           r"commanders?|leaders?|residents?|family members?|relatives?|worshippers?|passengers?|"
           r"journalists?|volunteers?|villagers?|tribesmen|drivers?|travell?ers?|brothers?|sons?|daughters?|wife|husband|"
           r"child|boy|girl|man|woman|person|civilian|soldier|officer|member|fighter|militant|policeman|"
           r"abductors?|smugglers?|suspects?|attackers?|assailants?|bombers?|aides?|bodyguards?|companions?|"
           r"associates?|operatives?|combatants?|extremists?|jihadists?|rebels?|marines|sailors?|airmen|"
           r"protesters?|demonstrators?|prisoners?|inmates?|detainees?|hostages?|migrants?|refugees?|advis[eo]rs?|"
           r"nationals|diplomats?|staff|crew(?: members)?|seafarers?|mariners?|comrades?(?:-in-arms)?|heroes|"
           r"peacekeepers?|teenagers?|youths?|minors?|infants?|babies|"
           # trades people are killed at: "two truffle hunters were killed"
           r"hunters?|herders?|fishermen|labou?rers?|vendors?|traders?|merchants?|bystanders?|patients?|nurses?|"
           r"paramedics?|medics?|rescuers?|firefighters?|truckers?|shopkeepers?|"
           # ranks and roles: "killed a police captain", "executed a police major"
           r"captains?|majors?|colonels?|lieutenants?|generals?|sergeants?|brigadiers?|corporals?|judges?|"
           r"clerics?|imams?|sheikhs?|mayors?|governors?|doctors?|teachers?|engineers?|lawyers?|activists?|"
           r"mukhtars?|candidates?|emirs?|chiefs?|heads?)")

_KILL_VERB = (r"(?:kill(?:ed|ing|s)?|dead|died|death|lost their lives|slain|executed|massacred|martyred|"
              r"fatalit(?:y|ies))")
_HURT_VERB = r"(?:wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt|maimed)"

_QTY_RX = re.compile(rf"^(?:between\s+)?{_QTY}(?:\s+and\s+\d+)?\b", re.IGNORECASE)
_BARE_PERSON = re.compile(rf"{_PERSON}", re.IGNORECASE)
_PERSON_RX = re.compile(rf"^(?:between\s+)?{_QTY}(?:\s+and\s+\d+)?\s+{_PERSON}\b", re.IGNORECASE)
_THE_ONE = re.compile(r"^(?:the|his|her|their|its|another)\s+(?:[\w-]+\s+){0,2}?(?:imam|cleric|sheikh|mayor|judge|"
                      r"governor|commander|leader|chief|head|driver|officer|soldier|policeman|guard|son|brother|father|wife|"
                      r"husband|daughter|mother|owner|director|official|member|journalist|bodyguard|aide|nephew|niece|cousin|"
                      r"uncle|grandson|granddaughter|companion|friend|"
                      r"mukhtar|candidate|lawyer|doctor|engineer|teacher|activist|deputy|operative|militant|fighter|"
                      r"civilian|emir|financier|facilitator|terrorist)\b(?!s)"
                      # "ISIS leader Abu Yusif": a role, then the man's name
                      r"|^(?:[\w-]+\s+){0,2}(?:leader|commander|official|emir|chief|spokesman|financier|facilitator|"
                      r"operative|videographer|photographer|journalist|reporter|cameraman|correspondent)\s+"
                      r"(?-i:[A-Z][\w'’-]+|al-[\w'’-]+)", re.I)
_LIST_SPLIT = re.compile(r"\s*(?:,?\s+as\s+well\s+as\s+|,\s+and\s+|,\s+|\s+and\s+)")
_CLAUSE_END = re.compile(r"[.;:!?]|,\s+(?:while|as|after|when|and\s+(?:wound|injur|kill))"
                         r"|\s+(?:in|at|on|near|when|after|"
                         r"while|during|as|including|inside|outside)\s", re.IGNORECASE)
_CLAUSE_START = re.compile(r".*(?:[.;:!?]|,\s|\sand\s|\swhile\s|\swhen\s|\safter\s)", re.IGNORECASE | re.DOTALL)

_VERB_FIRST = {  # verb, then the victims: "killing a civilian and a contractor"
    "killed": re.compile(r"\b(?:kill(?:ed|ing|s)|executed|executing|beheaded|shot dead|gunned down|martyring|"
                         r"shooting dead|eliminating|(?:the\s+)?(?:killing|martyrdom|deaths?)\s+of)\s+", re.I),
    "injured": re.compile(r"\b(?:wound(?:ed|ing|s)|injur(?:ed|ing|es)|hurt(?:ing)?|"
                          r"(?:the\s+)?(?:wounding|injury|injuries)\s+of)\s+", re.I),
}
_VERB_AFTER = {  # victims, then a passive verb: "Eight people were killed"
    "killed": re.compile(r"\s+(?:(?:were|was|have been|had been|are|being|reportedly)?\s*(?:\w+ly\s+)?"
                         r"(?:killed|dead|died|slain|executed|martyred|eliminated)|(?:have|has|had)\s+(?:since\s+)?died)\b",
                         re.I),
    # "one mariner was severely injured"
    "injured": re.compile(r"\s+(?:(?:were|was|have been|had been|are|being|reportedly)?\s*(?:\w+ly\s+)?"
                          r"(?:wounded|injured|hurt)|"
                          r"(?:sustained|suffered|received|(?:were|was)\s+treated\s+for)\s+(?:\w+\s+){0,2}?"
                          r"(?:injuries|wounds))\b", re.I),
}
_COUNT_NOUN = {  # "2 fatalities", "death toll rose to 5"
    "killed": [re.compile(rf"\b(?P<np>{_QTY})\s+(?:deaths|fatalities|fatality|killed|dead)\b", re.I),
               re.compile(rf"\bdeath toll (?:rose |climbed |reached |stood |is |was )?(?:to |at )?(?P<np>{_QTY})",
                          re.I),
               re.compile(r"\b(?:the )?deaths? of (?P<np>(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"\d+))\b", re.I),
               re.compile(rf"\b(?:injured|wounded),?\s+and\s+(?P<np>{_QTY})\s+(?:others|more)\s+killed\b", re.I)],
    "injured": [re.compile(rf"\b(?P<np>{_QTY})\s+(?:injuries|injured|wounded)\b", re.I),
                # "were killed and 12 others injured": the second count shares the first one's verb
                re.compile(rf"\bkilled,?\s+and\s+(?P<np>{_QTY})\s+(?:others|more)\s+(?:injured|wounded)\b", re.I),
                # "caused minor injuries to eight personnel"
                re.compile(rf"\b(?:injuries|wounds)\s+to\s+(?P<np>{_QTY})\s+{_PERSON}", re.I)],
}
_NONE_BOTH = re.compile(
    r"\b(?:no|none of the attacks? (?:resulted in|caused) (?:any)?|without (?:any )?|neither)\s*"
    r"(?:(?:U\.S\.|US|American|coalition|Iraqi|Syrian|friendly)\s+)?"  # "there were no U.S. casualties"
    r"(?:casualties|casualty|victims|(?:human )?losses|injuries or deaths|deaths or injuries|one was hurt|"
    r"loss of life|fatalities nor injuries|fatalities or injuries)\b"
    r"|\bnone of the attacks? resulted in any casualties\b|\bno one was (?:hurt|injured|harmed)\b"
    r"|\bcaused no (?:casualties|injuries)\b|\bmaterial (?:damage|losses) only\b",
    re.IGNORECASE,
)
_NONE_KILLED = re.compile(r"\b(?:no (?:fatalities|deaths|one was killed|killed)|there were no fatalities|"
                          r"nobody was killed|did not (?:cause|result in) (?:any )?(?:fatalities|deaths))\b", re.I)
_NONE_INJURED = re.compile(r"\b(?:no (?:injuries|injured|wounded)|nobody was (?:hurt|injured)|"
                           r"there were no injuries|(?:no one|nobody|none)\s+(?:\w+\s+)?(?:sustained|suffered|received)"
                           r"\s+(?:any\s+)?(?:\w+\s+)?(?:injuries|wounds))\b", re.I)
_NONE_EITHER = re.compile(r"\b(?:no|none of the|neither)\s+(?:[\w.-]+\s+){0,2}?(?:were|was)\s+(?:either\s+)?"
                         r"(?:(?:injured|wounded|hurt|harmed)\s+or\s+killed|killed\s+or\s+(?:injured|wounded|hurt))\b",
                         re.I)
_UNKNOWN = re.compile(r"\bcasualties (?:are |were )?(?:unknown|unclear|not known)\b|"
                      r"\bunknown (?:number of )?casualties\b", re.I)
_SELF = re.compile(r"\b(?:blew (?:himself|herself|themselves) up|killing (?:himself|herself|themselves)|"
                   r"the (?:suicide )?bomber (?:was|were) killed)\b", re.I)


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: int | None = None
    injured: int | None = None
    said: bool = False  # the sentence says anything about casualties at all


def _number(q: str) -> int | None:
    q = q.lower().strip()
    q = re.sub(r"^(?:between|at least|more than|over|about|around|nearly|almost|some|up to|approximately|"
               r"an estimated|a total of|roughly)\s+", "", q).strip()
    num = re.match(r"(\d[\d,]*)", q)
    if num:
        return int(num.group(1).replace(",", ""))  # a range "5-7" / "5 and 7" keeps its lower bound
    words = re.match(r"(\w+)\s+(?:or|to)\s+\w+$", q)
    if words and words.group(1) in _UNITS:
        return _UNITS[words.group(1)]
    if q in _VAGUE:
        return None
    return _UNITS.get(q)


_THE_COUNT = re.compile(r"^(?:the|all)\s+(?=(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s)",
                        re.I)


def _people(text: str, need_person: bool) -> int | None:
    """Number of people in a list of noun phrases: 'a civilian and a foreign contractor' -> 2.

    Returns None for vague amounts ("several US contractors"); -1 when the text is no list of people.
    """
    total = 0
    seen = False
    for part in _LIST_SPLIT.split(text.strip()):
        part = _THE_COUNT.sub("", part.strip())  # "killed the five militants": five
        rx = _PERSON_RX if need_person or seen else _QTY_RX
        m = rx.match(part.strip())
        single = _THE_ONE.match(part.strip())
        if single:  # "killed the imam", "the commander and his driver"
            total += 1
            seen = True
            continue
        if not m:
            break
        q = _QTY_RX.match(part.strip())
        value = _number(q.group(0) if q else "")
        if value is None:
            return None
        total += value
        seen = True
    return total if seen else -1


_NAMED_ONE = re.compile(r"(?:(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn)\s+){1,4}?(?:[A-Z][\w'’-]+|al-[\w'’-]+),\s+"
                        r"(?:a|an|the|its|their)\s+(?:[\w'’-]+\s+){0,4}?(?i:leader|commander|official|member|"
                        r"militant|operative|financier|facilitator|emir|figure|chief|spokesman|deputy|officer|"
                        r"planner|recruiter|head|founder)\b")
_NEXT_NAMED = re.compile(r"[^;.]*?(?:,\s+and\s+|\s+and\s+)")


def _named_people(tail: str) -> int:
    """Named people listed with their roles: "killed Qassem Soleimani, the Commander of the Quds Force, and
    Abu Mahdi al-Muhandis, the leader of Kata'ib Hizballah" is two."""
    count, pos = 0, 0
    while (m := _NAMED_ONE.match(tail, pos)) is not None:
        count += 1
        nxt = _NEXT_NAMED.match(tail, m.end())
        if nxt is None or _NAMED_ONE.match(tail, nxt.end()) is None:
            break
        pos = nxt.end()
    return count


_NAMED_SUBJECT = re.compile(r"(?:^|[,:]\s+|\b(?:that|when)\s+)(?:(?-i:[A-Z])[\w'’-]+\s+|al-[\w'’-]+\s+){1,4}?"
                            r"(?:(?-i:[A-Z])|al-)[\w'’-]+,\s+(?:a|an|the)\s+[^,]{3,80}?(?:leader|commander|official|"
                            r"emir|operative|financier|facilitator|member|spokesman)\b[^,]{0,40}?,?\s*"
                            r"(?:(?:was|has been)\s+(?:\w+\s+and)?)?\s*$", re.I)
# "Reuters videographer Issam Abdallah was killed": one named person, told by role and name
_ROLE_NAMED = re.compile(r"\b(?:videographer|photographer|journalist|reporter|cameraman|correspondent|commander|leader|"
                         r"official|activist|mayor|governor|judge|cleric|imam|sheikh|doctor)\s+"
                         r"(?:(?-i:[A-Z])[\w'’-]+\s*){1,3}(?:was|has been)?\s*$", re.I)
_ASIDE = re.compile(r",\s*(?:including|among them|mostly|most of them|many of them)\b[^,]*,?\s*$", re.I)
_INNER_ASIDE = re.compile(r",\s*(?:including|among them)\s[^,]*(?=,)", re.I)
_WORD_START = re.compile(r"(?<![\w,])\w")


def _people_before(head: str) -> int | None:
    """People listed at the very end of ``head``: "US officials said [34 service members]"."""
    head = _ASIDE.sub("", head.rstrip())
    head = _INNER_ASIDE.sub("", head)  # "seven advisers, including two commanders, as well as six nationals"
    for m in _WORD_START.finditer(head):
        sub = head[m.start() :]
        parts = _LIST_SPLIT.split(sub)
        if len(parts) > 1 and _full(_PERSON_RX, parts[0]) and all(
                _full(_BARE_PERSON, p) and not _QTY_RX.match(p.strip()) for p in parts[1:]):
            parts = parts[:1]  # "Twelve children and teenagers": one count for the group the number opens
        if not all(_full(_PERSON_RX, p) or (len(parts) == 1 and _full(_QTY_RX, p)) for p in parts):
            continue
        total = 0
        for p in parts:
            q = _QTY_RX.match(p.strip())
            value = _number(q.group(0) if q else "")
            if value is None:
                return None
            total += value
        return total
    return -1


def _full(rx: re.Pattern[str], text: str) -> bool:
    return rx.fullmatch(text.strip()) is not None


_COUNTED_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+$", re.I)


def _count(kind: str, sentence: str) -> int | None:
    best: int | None = None
    found = False
    for m in _VERB_FIRST[kind].finditer(sentence):
        tail = sentence[m.end() : m.end() + 200]
        stop = _CLAUSE_END.search(tail)
        # "wishes those injured a speedy recovery": an article counts one only when a person follows it
        value = _people(tail[: stop.start()] if stop else tail, need_person=bool(re.match(r"an?\s", tail, re.I)))
        if value == -1 and _NAMED_ONE.match(tail):
            value = _named_people(tail)  # "killed Abu Yusif, a senior ISIS leader": one named person
        if value == -1:
            continue
        if value is None:
            return None
        found, best = True, max(best or 0, value)
    for m in _VERB_AFTER[kind].finditer(sentence):
        value = _people_before(sentence[max(0, m.start() - 200) : m.start()])
        if value == -1 and kind == "killed" and (_NAMED_SUBJECT.search(sentence[max(0, m.start() - 200) : m.start()])
                                                 or _ROLE_NAMED.search(sentence[max(0, m.start() - 80) : m.start()])):
            value = 1  # "Abu Jandal al-Kuwaiti, an ISIL gang leader in Raqqah, was struck and killed": one man
        if value == -1:
            continue
        if value is None:
            return None
        found, best = True, max(best or 0, value)
    for rx in _COUNT_NOUN[kind]:
        for m in rx.finditer(sentence):
            value = _number(m.group("np"))
            if value is None and _COUNTED_BEFORE.search(sentence, 0, m.start()):
                continue  # "12 others injured": "others" is counted by the number before it
            if value is None:
                return None
            found, best = True, max(best or 0, value)
    return best if found else None


_DATELIKE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b(?:,?\s+\d{4})?"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b(?:\s+\d{4})?"
    r"|\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d+\s*(?:km|kilometers?|kilometres?|miles?|m)\b")


_ACROSS = re.compile(r"\b(?:across|in total|combined|altogether|in all|overall)\b[^.]{0,40}\b(?:attacks|blasts|"
                     r"incidents|explosions|strikes|bombings|assaults)\b|\bacross (?:the |these |all )?(?:\w+ )?"
                     r"(?:attacks|blasts|incidents|explosions|strikes)\b"
                     # "have died as a result of the conflict": the war's toll, no one event's
                     r"|\b(?:as a result of|during|since the (?:start|beginning|outbreak) of|"
                     r"(?:over|in) the course of)\s+(?:the|this|our|their|its)\s+(?:[\w-]+\s+){0,2}?"
                     r"(?:conflict|war|fighting|crisis|campaign)\b", re.I)


_KILLED_AND_HURT = re.compile(r"\b(?:kill(?:ed|ing)\s+(?:and|or|and/or)\s+(?:wound|injur)\w*|"
                              r"(?:wound(?:ed|ing)|injur(?:ed|ing))\s+(?:and|or|and/or)\s+kill(?:ed|ing))\b", re.I)


def find_casualties(sentence: str) -> Casualties:
    sentence = _DATELIKE.sub(lambda m: "#" * len(m.group(0)), sentence)
    if _ACROSS.search(sentence):
        return Casualties(None, None, True)  # a toll over several incidents belongs to none of them
    none_either = _NONE_EITHER.search(sentence)
    if none_either:  # "... killed three terrorists and no civilians were injured or killed": none of those
        sentence = sentence[: none_either.start()] + "#" * (none_either.end() - none_either.start()) + \
            sentence[none_either.end() :]
    if _UNKNOWN.search(sentence) or _KILLED_AND_HURT.search(sentence):
        return Casualties(None, None, True)  # "60 were killed and injured": how many died is not said
    if _NONE_BOTH.search(sentence):
        return Casualties(0, 0, True)
    none_killed, none_injured = _NONE_KILLED.search(sentence), _NONE_INJURED.search(sentence)
    for m in (none_killed, none_injured):  # "no one was killed but four were wounded"
        if m:
            sentence = sentence[: m.start()] + "#" * (m.end() - m.start()) + sentence[m.end() :]
    killed = 0 if none_killed else _count("killed", sentence)
    injured = 0 if none_injured else _count("injured", sentence)
    if none_injured and killed is None:
        killed = 0  # "There were no injuries or damage reported": no one was hurt, so no one died
    if killed and _SELF.search(sentence):
        killed = max(0, killed - 1) if re.search(r"\bhimself|herself\b", sentence) else killed
    if none_either:
        killed, injured = killed or 0, injured or 0
    said = killed is not None or injured is not None or bool(
        re.search(rf"\b{_KILL_VERB}|\b{_HURT_VERB}", sentence, re.I))
    return Casualties(killed, injured, said)
