"""AnalysedArticle → EventFrames: which sentences report which events, and who did what.

An *anchor* sentence reports an event: a specific trigger ("shelled", "drone strike", "detonated",
"clashed", "arrested" ...) or a generic attack verb tied to its own date or place. Sentences that
follow an anchor without starting a new event add to it: casualties ("None of the attacks resulted in
any casualties" applies to each event it covers), claims of responsibility, a more specific place.
Threats, plans, denials, aggregate tallies and undated background are not events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sigact.casualties import find_casualties
from sigact.knowledge import actors as actor_kb
from sigact.knowledge import gazetteer as gaz_kb
from sigact.knowledge import vocabulary
from sigact.records import (
    ActorMention,
    ActorStatus,
    AnalysedArticle,
    DateMention,
    EventFrame,
    PlaceMention,
    Sentence,
    TriggerMention,
)

_CLAIM = re.compile(r"\b(?:claim(?:ed|s|ing)?\s+(?:the\s+)?(?:responsibility|credit)|took responsibility|"
                    r"claimed (?:the|both|these|all|that|this) (?:\w+ )?(?:attacks?|operations?|strikes?)|"
                    r"claimed to have)\b", re.I)
_CLAIMED_BY = re.compile(r"\b(?:claimed by|responsibility was claimed by)\b", re.I)
_DENIED = re.compile(r"\bdeni(?:ed|es|al)\b", re.I)
_ATTRIBUTE = re.compile(r"\b(?:blam(?:ed|es|ing)|attribut(?:ed|es|ing)|accus(?:ed|es|ing)|pointed the finger|"
                        r"held responsible|front (?:group )?for|believed to be|said to be behind)\b", re.I)
_SUSPECT_VERB = re.compile(r"\b(?:suspected|suspect)\b(?=[^.]*\b(?:of|that|behind|responsible|involved|was|were)\b)"
                           r"|\b(?:they|officials|authorities|police|sources|investigators|he|she|we)\s+(?:\w+ly\s+)?"
                           r"(?:suspected|suspect|suspects)\b", re.I)  # "US officials said they suspected KH"
_SUSPECT = re.compile(r"\b(?:suspect(?:ed)?|presumably|allegedly|likely|probably|possibly)\b", re.I)
_TARGET_PREP = re.compile(r"\b(?:on|against|targeting|targeted|at|near|toward|towards|hit|struck|struck at|"
                          r"killing|killed|wounding|injuring)\s+(?:the\s+|a\s+|an\s+)?(?:[\w.'’-]+\s+){0,3}$", re.I)
_AGENT_BY = re.compile(r"\b(?:carried out|conducted|launched|fired|claimed|perpetrated|executed|planted|"
                       r"detonated|targeted|attacked|struck|hit|killed|wounded|injured|shelled|bombed|ambushed|"
                       r"attacks?|strikes?)"
                       r"\s+(?:[\w.,'’-]+\s+){0,9}?(?<!used )(?<!operated )(?<!owned )(?<!backed )(?<!supported )"
                       r"(?<!sponsored )(?<!funded )(?<!run )(?<!controlled )(?<!occupied )(?<!held )"
                       r"by\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_VICTIM_AFTER = re.compile(r"^[\w\s'’-]{0,25}?\b(?:were|was|have been|had been)\s+(?:\w+\s+)?"
                           r"(?:killed|injured|wounded|hurt|targeted|attacked|hit|struck)\b", re.I)
_QUANTITY_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several|"
                              r"many|some|scores of|hundreds of)\s+(?:[\w-]+\s+){0,2}$", re.I)
_ANAPHOR = re.compile(r"\b(?:the|this|that) (?:group|faction|organi[sz]ation|militia|movement)(?:['’]s)?\b|"
                      r"\bits (?:cells|fighters|members)\b", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?(?:targeted|attacked|struck|hit|bombed|shelled|"
                      r"ambushed|detonated)\b", re.I)
_REPORTED_ON = re.compile(r"\b(?:reported|announced|stated|said|notified|informed(?: \w+)?|wrote|published)"
                          r"\s+(?:on|in)\s+$", re.I)
# lower case only: "IS drones dropped ..." is the Islamic State, not a verb
_ONGOING = re.compile(r"\b(?:are|is|remain|remains|continue to|continues to|continuing to)\s+(?:[\w-]+\s+){0,4}$")
_GOES_ON_AFTER = re.compile(r"^\s+(?:continue|continues|are continuing|is continuing|go on|goes on|are ongoing|"
                            r"is ongoing|remain|have continued|has continued)\b", re.I)
_PROGRESSIVE = re.compile(r"\b(?:are|is|remain|remains)\s+(?:\w+ly\s+)?(?!being\b)\w+ing\b")
_PLURAL_PERFECT = re.compile(r"\b(?:have|has)\s+(?:also\s+|since\s+|repeatedly\s+)?(?:conducted|carried out|launched|"
                             r"executed|undertaken)\s+(?:(?!an?\b|one\b)[\w-]+\s+){0,3}(?:strikes|airstrikes|"
                             r"air strikes|attacks|raids|operations)$", re.I)
_ALREADY_REPORTED = re.compile(r"^\s*As\s+(?:(?:I|we|has been|was|had been)\s+)?(?:have\s+|had\s+)?(?:previously\s+)?"
                               r"(?:reported|announced|informed|notified)\b", re.I)
_SERIES = re.compile(r"\b(?:series|waves?|string|spate|campaign) of\b", re.I)
# "since early October" opens a period; "retook Bashir from IS on Monday" does not
_SINCE = re.compile(r"\b(?:since|until|till|before|from)\s+(?-i:[a-z]+\s+)?$", re.I)
_PLURAL_GENERIC = re.compile(r"^(?:attacks|strikes|raids|assaults|bombings|explosions|blasts)$", re.I)
# a list separator, perhaps after the kind of the place before ("Kurdistan region and Baghdad") and before
# the unrecognised head of the next name ("... and Mission Support Site Green Village", "... and Camp Taji")
_LIST_SEP = re.compile(r"^(?:\s+(?:region|province|governorate|district|area|city|town|village|base)\s+(?:and|or)"
                       r"|\s*(?:,|and|or|, and|, or|&))\s*(?:the\s+|al-|el-)?(?-i:(?:[A-Z][\w-]*\s+){0,3})$",
                       re.I)
_HEADLINE = re.compile(r"[.!?…\"”’)]$")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\s(?:after|following|in response to|in retaliation for|since|amid|as)\s", re.I)
_BACKGROUND_CUE = re.compile(r"\b(?:response to|retaliation for|reprisal for|retribution for|revenge for|following|"
                             r"after|in the wake of|"
                             r"because of|due to|amid)\s+(?:(?:a|an|the|recent|last|previous|an earlier)\s+)?"
                             r"(?:[\w'’-]+\s+){0,3}$", re.I)
_TOPIC_CUE = re.compile(r"\b(?:prevent\w*|combat(?:ing|s)?|tackl\w*|address\w*|ending|end to|fight(?:ing)? against|"
                        r"issue of|survivors of|focused on|campaign(?:ing)? against|accountability for|impunity for|"
                        r"protect\w*\s+(?:[\w-]+\s+){0,6}?(?:against|from)|protection\s+(?:[\w-]+\s+){0,6}?against|"
                        r"shield\w*\s+(?:[\w-]+\s+){0,4}?from|defen[cs]es?\s+against)\s+"
                        r"(?:[\w-]+\s+){0,2}$", re.I)
_REPORT_SUBJECT = re.compile(r"(?:\b(?:report|commission|inquiry|study|investigation|document)\b[^.;]{0,90}|"
                             r"\b(?:it|they)\s+)"
                             r"\b(?:details|documents|describes|catalogues|highlights|records|chronicles)\s+"
                             r"(?:[\w,-]+\s+){0,20}$", re.I)
_MODIFIER_AFTER = re.compile(r"\s+(?:planners?|planning|plots?|plotters?|cells?|networks?|capabilit\w+|helicopters?|"
                             r"submarines?|dogs?|teams?|squads?|vectors?|warnings?|alerts?|sirens?|facilitators?)\b",
                             re.I)
# "The Coalition supports the SDF through training, advise and assist operations, airstrikes": what it does
_SUPPORTS_THROUGH = re.compile(r"\b(?:supports?|assists?|helps?|enables?)\s+(?:the\s+)?[\w-]+\s+(?:through|with|by)\s+"
                               r"(?:[\w-]+,?\s+){0,6}$", re.I)
_SUPPORT_CUE = re.compile(r"\b(?:(?:supported|backed|aided|assisted|covered|enabled)\s+by|with\s+the\s+(?:help|support|"
                          r"backing|cover)\s+of|under\s+the\s+cover\s+of|(?:the\s+)?(?:use|employment)\s+of|"
                          r"capabilit(?:y|ies)\s+(?:of|for))\s+(?:(?!and\b)[\w.-]+\s+){0,3}(?:and\s+(?:[\w-]+\s+){0,2})?$",
                          re.I)
# a person's or group's record, not an event: "involved in planning and carrying out attacks against"
_ROLE_CUE = re.compile(r"\b(?:involved in|responsible for|known for|accused of|in charge of|tasked with|charged with|"
                       r"convicted of|planning|plotting|orchestrating|directing|coordinating|facilitating)\s+"
                       r"(?:(?:and|or|out|the|numerous|multiple|several|many)\s+|[\w-]+ing\s+)*$", re.I)
_LIST_LINE = re.compile(r"^\s*(?:--\s*)?Near\s+[A-Z]")
_AT_THE_PLACE = re.compile(r"\s+(?:in|at|on|near|against|targeting)\s+(?:the\s+)?(?:(?:town|city|village|district|"
                           r"neighbou?rhood|area|market|province)\s+of\s+)?", re.I)
_DOER_VERB = re.compile(r"\b(?:targeted|attacked|struck|bombed|shelled|ambushed|stormed|carried out|perpetrated|"
                        r"launched|fired)\b")
_AFFILIATE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:affiliate|affiliated group|branch|offshoot|franchise|wing|"
                              r"faction|splinter group)\s*,?\s*(?:the\s+)?$", re.I)
_ASSOCIATE_BEFORE = re.compile(r"\b(?:along with|together with|alongside|with the (?:help|support|backing) of|"
                               r"supported by|aided by|assisted by|in support of)\s+(?:the\s+)?$", re.I)
# "measures in response to reports of snipers operating in the area and a fatal attack on ...": still the cause
_CAUSES = r"in (?:direct |swift |measured |a )?(?:response|retaliation|reprisal|retribution|revenge) (?:to|for)"
_CAUSE_ANYWHERE = re.compile(rf"\b(?:{_CAUSES})\b", re.I)
_INCLUDING_BEFORE = re.compile(r"\bincluding\s+(?:the\s+|an?\s+)?$", re.I)
_CAUSE_CLAUSE = re.compile(rf"\b(?:{_CAUSES})\b[^.;,]*$", re.I)
_AIR_VERBS = re.compile(r"^(?:struck|strike|strikes|raid|raids|raided|hit|bombed|targeted|attacked|"
                        r"(?:took|takes|taken|take)\s.*\baction\s+against)$", re.I)
# "the President directed strikes against ...": an order reported with its strikes, not a reference back
_ORDERED = re.compile(r"\b(?:I|we|the President)\s+(?:\w+ly\s+)?(?:directed|ordered|authori[sz]ed)\s+"
                      r"(?:(?!the\b|these\b|those\b|this\b)[\w-]+\s+){0,3}$", re.I)
_LAUNCHED_BY = re.compile(r"\b(?:fired|launched|flown|sent|operated|belonging to|planted)\s+(?:\w+\s+)?by\s+"
                          r"(?:the\s+)?$", re.I)
# "measures ... in response to a fatal attack on 14 January": that date is the cause's, not the event's
_CAUSE_BETWEEN = re.compile(rf"\b(?:{_CAUSES}|following|after|amid|in the wake of)\b", re.I)
_SCHEDULED = re.compile(r"^[^.;]{0,80}?\b(?:starting|beginning|to begin|to start|concluding|to be completed|"
                        r"to conclude)\s+(?:on|by|in|at)\b", re.I)
_SCARE_QUOTED = re.compile(r"[\"“](?:[\w-]+\s+){0,2}[\w-]+[,.]?[\"”]")
_RAID = re.compile(r"^raid(?:s|ed)?$", re.I)
_GROUND_RAID = re.compile(r"\b(?:direct[- ]action|ground|commando|special (?:forces|operations)|heliborne|"
                          r"helicopter(?:-borne)?|night|partnered|joint|combined|house|search|security)\s+raids?\b",
                          re.I)
_CAPTURE = re.compile(r"(?<!\bto )\b(?:captur|detain|detention|arrest|apprehen)\w*", re.I)
_UNKNOWN_ACTORS = ("Unidentified", "Civilians")


@dataclass
class _Draft:
    sentences: list[int]
    trigger: TriggerMention
    sub_event_type: str
    method: str | None
    generic: bool
    date: DateMention | None
    date_source: str
    place: PlaceMention | None
    place_source: str
    actor1: ActorMention | None = None
    actor1_status: ActorStatus = "unknown"
    claimed_by: list[ActorMention] = field(default_factory=list)
    actor2: ActorMention | None = None
    target: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    paragraph: int = 0


def _usable_dates(sent: Sentence, text: str) -> list[DateMention]:
    out = []
    report_end = -1
    for d in sent.dates:
        before = text[max(0, d.span.start - 25) : d.span.start]
        if _SINCE.search(before):
            continue  # "since October 7" opens a period; it does not date an event
        if _REPORTED_ON.search(before) or (report_end >= 0 and re.fullmatch(
                r"\s*(?:,|and|, and)\s*", text[report_end : d.span.start])):
            report_end = d.span.end  # "As I reported on October 27, November 10, and November 14": reports
            continue  # "As reported on March 25, ... strikes on March 23": the date of a report
        out.append(d)
    return out


def _masked(sent: Sentence) -> str:
    """Sentence text with dates blanked (so "May" the month is not "may" the modal)."""
    chars = list(sent.text)
    for d in sent.dates:
        for i in range(d.span.start - sent.start, d.span.end - sent.start):
            chars[i] = " "
    return "".join(chars)


_CONDEMN = re.compile(r"\b(?:condemn|denounc|deplor)\w*\b", re.I)
# (on masked text a date is blanked: "condemns today’s attack" reads "condemns      ’s attack")
_CONDEMNED_ATTACK = re.compile(r"\b(?:condemn|denounc|deplor)\w*\s+(?:in the strongest (?:possible )?terms\s+)?"
                               r"(?:both\s+)?"
                               r"(?:the|this|today['’]s|yesterday['’]s|['’]s|[A-Z]\w+['’]s)\s+(?:[\w-]+,?\s+){0,4}"
                               r"(?:attack|bombing|assault)\b(?!s)", re.I)


def _is_modal(masked: str, trig_start: int, reaction_ok: bool = False) -> bool:
    """Threats, plans, conditionals, denials near the trigger; a condemnation only when allowed."""
    v = vocabulary.load()
    clause_start = max(masked.rfind(ch, 0, trig_start) for ch in ";:")
    window = masked[max(clause_start + 1, trig_start - 90) : trig_start + 1]
    found = [m.group(0) for m in v.modal.finditer(window)]
    if reaction_ok:
        found = [w for w in found if not _CONDEMN.match(w)]
    return bool(found)


def _own_place(p: PlaceMention) -> bool:
    """A place the event happened at, finer than a country: not a patron ("backed by Iran") or a reference."""
    return p.cue not in ("patron", "reference") and gaz_kb.load().entries[p.place_id].kind != "country"


def _told_here(sent: Sentence) -> bool:
    """The sentence gives a day and a place of its own: "The attack ... early on Sunday in Karrada, Baghdad"."""
    return any(d.value is not None and d.precision == "day" for d in sent.dates) and any(
        _own_place(p) for p in sent.places)


def _dated_after(sent: Sentence, t: TriggerMention) -> bool:
    """"... and the drone strike on a civilian vehicle near Kobani on 24 November": a specific attack told with its
    own place and day right after the noun, as statements list the attacks they condemn."""
    if not t.sub_event_type:
        return False
    tail_end = t.span.end + 80
    return any(t.span.end < d.span.start < tail_end and d.value and d.precision == "day" for d in sent.dates) and any(
        t.span.end < p.span.start < tail_end and p.cue in ("at", "near") for p in sent.places)


def _choose_trigger(sent: Sentence, masked: str, reaction_ok: bool = False) -> tuple[TriggerMention | None, bool]:
    """The deciding trigger of a sentence and whether it is only a generic verb.

    ``reaction_ok``: nothing has been reported yet, so a condemned attack ("condemns Iran's missile
    attack on Erbil") is this document's report of it, as in official statements.
    """
    v = vocabulary.load()
    modal_ok = {t.sub_event_type for t in v.triggers if t.modal_ok}
    specific = []
    generic = []
    for t in sent.triggers:
        local = t.span.start - sent.start
        if any(p.span.start <= t.span.start < p.span.end for p in sent.places):
            continue  # "Near Hit, one strike ...": the town of Hit, not a verb
        if t.sub_event_type not in modal_ok and _is_modal(masked, local, reaction_ok and (
                bool(t.sub_event_type) or bool(_CONDEMNED_ATTACK.search(masked)))):
            continue
        condemned = reaction_ok and bool(_CONDEMN.search(masked[max(0, local - 90) : local]))
        if _BACKGROUND_CUE.search(masked[max(0, local - 60) : local]) or _CAUSE_CLAUSE.search(masked[:local]) or (
                _definite_noun(sent, t) and not condemned and not (reaction_ok and _told_here(sent))
                and not _dated_after(sent, t)):
            continue  # "in response to an IED attack", "the attack that killed": an earlier event
        if re.search(r"\b(?:eventual|possible|potential|planned|proposed|future|prospective|impending|expected|"
                     r"threatened|hypothetical)\s+$", masked[max(0, local - 25) : local], re.I):
            continue  # "Peace would allow for the eventual withdrawal of US troops": not (yet) happened
        if _TOPIC_CUE.search(masked[max(0, local - 60) : local]) or _REPORT_SUBJECT.search(masked[:local]):
            continue  # "focused on preventing sexual violence", "the report details attacks on civilians"
        if not t.sub_event_type and _MODIFIER_AFTER.match(masked[local + len(t.span.text) :]):
            continue  # "ISIL terror attack planners": a word describing people, not an event
        if (_SUPPORT_CUE.search(masked[max(0, local - 70) : local]) or _SUPPORTS_THROUGH.search(
                masked[max(0, local - 90) : local])) and re.search(
                r"(?:attacks?|strikes?|raids?|bombardment|bombing|shelling|fire|support)$", t.span.text, re.I):
            continue  # "the SDF, supported by Coalition advisers and air strikes, began ...": support, not the event
        if re.search(r"bombers$", t.span.text, re.I) and re.search(r"\b(?:as|recruit\w*|train\w*)\b[^.;]{0,50}$",
                                                                    masked[max(0, local - 60) : local], re.I):
            continue  # "the recruitment of children ... as soldiers, executioners and suicide bombers": a role
        if _ROLE_CUE.search(masked[max(0, local - 60) : local]) and re.search(r"s$", t.span.text, re.I):
            continue  # "a leader ... actively involved in planning and carrying out attacks": who he is
        if not t.sub_event_type and _in_quote(sent, t):
            continue  # "We know what we hit": speech about an event, not its report
        if any(q.start() <= local and local + len(t.span.text) <= q.end()
               for q in _SCARE_QUOTED.finditer(sent.text)):
            continue  # when I hear “missile strikes,” I expect ...: the words themselves, not an event
        if t.sub_event_type == "Disrupted weapons use" and _DESTROYED_BEFORE.search(masked[max(0, local - 80) : local]):
            continue  # "struck ... and destroyed an ISIL weapons cache": the target of a strike, not a seizure
        if _ONGOING.search(masked[max(0, local - 60) : local]) or (
                not sent.dates and _GOES_ON_AFTER.match(masked[local + len(t.span.text) :])):
            continue  # "troops are deployed to", "continue to conduct", "airstrikes continue": a state, not an event
        if not any(d.precision == "day" for d in sent.dates) and re.search(r"s$", t.span.text) and re.search(
                r"\b(?:continued|continuing|ongoing|persistent|repeated|relentless|incessant)\s+$",
                masked[max(0, local - 20) : local], re.I):
            continue  # "Reports of continued air strikes and fighting in Wadi Barada": a state of things
        if re.search(r"\b(?:most|many|some|all|none|few)\s+of\s+(?:these|those|the|their)\s+(?:[\w-]+\s+){0,4}$",
                     masked[max(0, local - 40) : local], re.I):
            continue  # "most of these missile attacks have been ineffective": talk about a series
        if not t.sub_event_type and _AIR_VERBS.match(t.span.text) and _external_state(sent, t):
            specific.append(t)  # "U.S. forces struck targets in Iraq": a state's strike is from the air
            continue
        (generic if not t.sub_event_type else specific).append(t)
    if specific:
        return max(specific, key=lambda t: (t.priority, -t.span.start)), False
    if generic:
        return generic[0], True
    return None, False


def _clause(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the clause around ``pos``: weapons of an earlier attack ("after rocket attacks")
    must not type this one."""
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() > pos:
            end = m.start()
            break
    return start, end


_INSTRUMENT_AFTER = re.compile(r"^[^.;:]{0,60}?,\s+(?:with|using)\s+(?:[\w-]+\s+){0,3}$", re.I)
_INSTRUMENT = re.compile(r"\b(?:with|using|by|via|by means of|from)\s+(?:[\w-]+\s+){0,3}$", re.I)


def _weapon_near(sent: Sentence, pos: int, trig_end: int | None = None) -> tuple[str, str] | None:
    """(method, sub_event_type) of the weapon used: before the verb ("drones targeted", "IS
    militants using a drone shelled") or after it as an instrument ("targeted with IEDs"), within
    the clause. A weapon in the object is cargo ("a convoy moving C-RAM systems"), not the means."""
    v = vocabulary.load()
    best: tuple[int, tuple[str, str]] | None = None
    lo, hi = _clause(sent.text, pos)
    lo = max(0, lo - 120)  # the subject may sit in the clause before: "IS militants using a drone, ..."
    end = trig_end if trig_end is not None else pos
    for w in v.weapons:
        for m in w.regex.finditer(sent.text, lo, hi):
            # "attacked ... with IEDs", "responded with AH-64 Apache attack helicopters"
            between = sent.text[max(0, end - 6) : m.start()]
            if m.start() >= end and not (m.start() - end <= 3 or _INSTRUMENT.search(between)):
                continue
            if w.method == "drone":
                return w.method, w.sub_event_type  # what a drone drops or carries is a drone strike
            d = abs(m.start() - pos)
            if best is None or d < best[0]:
                best = (d, (w.method, w.sub_event_type))
    if best is None and trig_end is not None:
        # "attacked forces at Al-Asad Air Base, Iraq, with a one-way attack drone": the instrument after
        # the address that closed the clause
        for w in v.weapons:
            for m in w.regex.finditer(sent.text, hi):
                if _INSTRUMENT_AFTER.search(sent.text[hi : m.start()]):
                    return w.method, w.sub_event_type
    return best[1] if best else None


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
_KIND_SEP = re.compile(r"^\s*,?\s*(?:and|or)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:city|town|village|port)\s+of\s+$", re.I)
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
                          r"\s+as well as\s+(?=(?:the|a|an|another)\s)", re.I)


def _segments(sent: Sentence) -> list[Sentence]:
    """The sentence, or its coordinated parts when at least two of them tell an attack at a place of
    their own (a part without one stays with the part before it)."""
    cuts = [m.end() for m in _COORD_BREAK.finditer(sent.text)]
    if not cuts or len(sent.triggers) < 2:
        return [sent]
    bounds = [0, *cuts, len(sent.text)]
    parts: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        lo, hi = sent.start + a, sent.start + b
        told = any(lo <= t.span.start < hi and (_NOUN_TRIGGER.match(t.span.text) or t.sub_event_type)
                   for t in sent.triggers) and any(lo <= p.span.start < hi and (_own_place(p) or (
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


def _place_groups(sent: Sentence) -> list[list[PlaceMention]]:
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
            if (_LIST_SEP.match(between) or _KIND_SEP.match(between)) and not _contains(
                    g.entries[p.place_id], g.entries[prev.place_id]):
                groups[-1].append(p)
                last_end = p.span.end
                continue
        groups.append([p])
        last_end = p.span.end
    return groups


def _pick_places(sent: Sentence) -> list[PlaceMention]:
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
    places = [p for p in places if not _far_from_its_address(sent, p, places)]

    def rank(p: PlaceMention) -> tuple[int, int, int, int]:
        e = g.entries[p.place_id]
        end = p.span.end - sent.start
        possessor = sent.text[end : end + 2] in ("'s", "’s")
        return (int(e.precision < 3), int(p.cue != "reference"), int(not possessor), -p.span.start)

    # an area that holds another named place is its address, not the place: "Baghdad - Sadr City",
    # "Al Amadiya, Duhok"
    inner = [p for p in places if not any(q is not p and q.cue not in ("reference", "patron")
                                          and _contains(g.entries[p.place_id], g.entries[q.place_id])
                                          for q in places)]
    best = max(inner or places, key=rank)
    for group in _place_groups(sent):
        if best in group and len(group) > 1:
            kinds = {g.entries[p.place_id].precision for p in group}
            if kinds == {g.entries[best.place_id].precision}:
                return group
    return [best]


def _target_text(sent: Sentence, trig: TriggerMention) -> str | None:
    local = trig.span.start - sent.start
    text = sent.text
    if _PASSIVE.search(text[max(0, local - 30) : trig.span.end - sent.start + 1]):
        head = re.split(r"\s+(?:was|were|been|being)\s+", text[:local])[0]
        head = re.sub(r"^(?:[^,]*\b(?:on|early|late|later|in)\b[^,]*,\s*)", "", head)
        phrase = head
    else:
        phrase = text[trig.span.end - sent.start :]
        phrase = re.sub(r"^\s*(?:on|at|against|targeting)\s+", "", phrase)
    phrase = re.split(r"[,;:.]|\s(?:with|as|in|near|killing|injuring|wounding|after|when|while|using)\s",
                      phrase)[0]
    words = phrase.split()
    return " ".join(words[:12]) if len(words) >= 1 else None


_ARMED_KINDS = {"militia", "front", "umbrella", "jihadist", "insurgent", "kurdish", "tribal"}
_ARMED_INTER = {"rebel_group", "political_militia", "identity_militia"}


def _is_force(actor: str) -> bool:
    return actor.startswith(("Military Forces of", "Police Forces of")) or actor == "US-led coalition"


def _is_armed_group(actor: str) -> bool:
    e = actor_kb.load().get(actor)
    return e is not None and (e.kind in _ARMED_KINDS or e.inter in _ARMED_INTER)


def _is_armed_party(actor: str) -> bool:
    e = actor_kb.load().get(actor)
    return _is_force(actor) or _is_armed_group(actor) or (e is not None and e.inter == "state_forces")


def _appositives(text: str) -> list[tuple[int, int]]:
    """Spans of asides ("-- a militia formed by the Quds Force --", "(...)") whose actors are
    descriptions, not participants."""
    return [(m.start(), m.end()) for m in re.finditer(r"\s(?:--|—|–)\s.*?\s(?:--|—|–)\s|\([^)]*\)", text)]


def _roles(sent: Sentence, trig: TriggerMention, history: list[ActorMention], claimants: set[str]
           ) -> tuple[ActorMention | None, ActorStatus, list[ActorMention], ActorMention | None]:
    """actor1, its status, claimants and actor2 from one anchor sentence.

    Active voice: the actor before the verb acts, the one after it is hit. Passive voice ("a convoy
    of the coalition was targeted by ..."): the actor before the verb is hit, "by X" acts.
    """
    text = sent.text
    local = trig.span.start - sent.start
    claimed: list[ActorMention] = []
    claim = _CLAIM.search(text)
    if claim and not _DENIED.search(text[max(0, claim.start() - 40) : claim.start()]):
        before = [a for a in sent.actors if a.span.end - sent.start <= claim.start()
                  and not a.actor.startswith(_UNKNOWN_ACTORS)]
        if before:
            claimed.append(before[-1])
    by = _CLAIMED_BY.search(text)
    if by:
        after = [a for a in sent.actors if a.span.start - sent.start >= by.end()]
        if after:
            claimed.append(after[0])
    passive = bool(_PASSIVE.search(text[max(0, local - 30) : trig.span.end - sent.start + 1]))
    asides = _appositives(text)
    masked = _masked(sent)  # "a Jan. 3 U.S. strike": the day's number counts no one
    agents: list[tuple[ActorMention, ActorStatus]] = []
    patients: list[ActorMention] = []
    launchers: list[ActorMention] = []
    aside_patients: list[ActorMention] = []
    for a in sent.actors:
        a_local = a.span.start - sent.start
        if a in claimed:
            continue
        if any(s <= a_local < e for s, e in asides):
            if a_local > local:
                aside_patients.append(a)  # "targeted al-Tanf Garrison ..., both U.S. bases in Syria"
            continue
        before_text = text[max(0, a_local - 40) : a_local]
        if _ASSOCIATE_BEFORE.search(before_text):
            continue  # "the SDF, who, along with Coalition forces, completed ...": an associate, not the actor
        if a.actor.startswith("Civilians"):
            patients.append(a)
            continue
        if _WEAPON_ACTOR.search(a.span.text) and trig.sub_event_type != "Disrupted weapons use":
            agents.append((a, "confirmed"))  # "killed in an Israeli strike": a state's weapon is the doer
            continue
        after_text = text[a.span.end - sent.start : a.span.end - sent.start + 60]
        if trig.sub_event_type == "Disrupted weapons use" and a_local > local and _LAUNCHED_BY.search(before_text):
            patients.append(a)  # "shot down two missiles fired by the Houthis": the launcher is the other side
            launchers.append(a)
        elif _AGENT_BY.search(text[max(0, a_local - 80) : a_local]) and not _ATTRIBUTE.search(before_text):
            agents.append((a, "confirmed"))
        elif _VICTIM_AFTER.match(after_text) or _QUANTITY_BEFORE.search(masked[max(0, a_local - 30) : a_local]):
            patients.append(a)  # "Three US Army soldiers were killed": victims, whatever the voice
        elif _ATTRIBUTE.search(text[:a_local]) and not _ATTRIBUTE.search(text[a_local:]):
            agents.append((a, "attributed"))
        elif a_local < local and not passive and not _TARGET_PREP.search(before_text):
            st: ActorStatus = "suspected" if _SUSPECT.search(before_text[-25:]) else "confirmed"
            agents.append((a, st))
        else:
            patients.append(a)
    label = re.match(r"^\s*[\w /-]{2,40}:\s", text)
    if not agents and ((label and local < label.end()) or vocabulary.load().event_type_of.get(
            trig.sub_event_type or "") == "Strategic developments"):
        # a label or noun first ("Defusal: On 3 January, Iraqi police ..."), or a development whose
        # doer is the sentence's subject: the first named party that is not a target acts
        for p in patients:
            p_local = p.span.start - sent.start
            if p not in launchers and not p.actor.startswith(_UNKNOWN_ACTORS) and not _TARGET_PREP.search(
                    text[max(0, p_local - 40) : p_local]) and not _VICTIM_AFTER.match(
                    text[p.span.end - sent.start : p.span.end - sent.start + 60]):
                agents.append((p, "confirmed"))
                patients.remove(p)
                break
    actor1: ActorMention | None = None
    status: ActorStatus = "unknown"
    if agents:
        before = [c for c in agents if c[0].span.start < trig.span.start]
        actor1, status = before[-1] if before else agents[0]
        # "SDF fighters repelled an attack by ISIS cells": the attack's own doer, named right after the noun;
        # the subject who fought it off is the other side
        local_end = trig.span.end - sent.start
        named_by = [c for c in agents if 0 <= c[0].span.start - sent.start - local_end <= 20 and re.fullmatch(
            r"\s+by\s+(?:the\s+)?(?:[\w-]+\s+)?", text[local_end : c[0].span.start - sent.start], re.I)]
        if before and named_by and _NOUN_TRIGGER.match(trig.span.text) and named_by[0][0] is not actor1:
            patients.insert(0, actor1)
            actor1, status = named_by[0]
    if actor1 is None and claimed:
        actor1, status = claimed[0], "claimed"
    if actor1 is None and _ANAPHOR.search(text[: local + 1]) and history:
        named = [a for a in history if _is_armed_group(a.actor)]
        if named:
            # "the group": the claimant the story is about, else the group named most often
            claiming = [a for a in named if a.actor in claimants]
            counts = {a.actor: sum(1 for b in named if b.actor == a.actor) for a in named}
            actor1 = claiming[-1] if claiming else max(reversed(named), key=lambda a: counts[a.actor])
            status = "confirmed"
    if actor1 is not None and actor1.actor in claimants and status == "confirmed" and _is_armed_group(actor1.actor):
        status = "claimed"  # the article reports this group's claims: its attacks are as claimed
        if actor1 not in claimed:
            claimed.append(actor1)
    patients = patients or aside_patients  # an aside names the target only when nothing else does
    # "the al-Qaeda affiliate Hurras al-Din": the affiliate named next is the target, not its parent
    patients = [p for i, p in enumerate(patients) if not (i + 1 < len(patients) and _AFFILIATE_AFTER.match(
        text[p.span.end - sent.start : patients[i + 1].span.start - sent.start]))]
    # a named party before civilians and the unknown: ACLED codes an attack that kills a contractor and
    # wounds soldiers as one on the soldiers' force
    actor2 = next((p for p in patients if (actor1 is None or p.actor != actor1.actor)
                   and not p.actor.startswith(_UNKNOWN_ACTORS)), None)
    if actor2 is None:
        actor2 = next((p for p in patients if actor1 is None or p.actor != actor1.actor), None)
    return actor1, status, claimed, actor2


_ORDINAL = re.compile(r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|another|other|latest)\s+(?:[\w-]+\s+){0,2}$"
                      r"|^\s*(?:the\s+)?(?:first|second|third|fourth|fifth|another)\b", re.I)
_FROM_PLACE = re.compile(r"\b(?:launched|fired|flown|came|coming|originat\w+)\s+from\s+(?:the\s+)?"
                         r"(?:(?:vicinity|direction|area|areas|outskirts)\s+of\s+)?(?:the\s+)?$", re.I)
_ONE_OF = re.compile(r"\b(?:one such|one of (?:these|those|the|them|its|their)(?:\s+[\w-]+){0,2}?)\s+$", re.I)
_NOUN_TRIGGER = re.compile(r"^(?:[\w-]+\s+){0,3}(?:attacks?|strikes?|raids?|bombardment|explosions?|blasts?|"
                           r"assaults?|measures|curfew|state of alert)$", re.I)


_DONE_WITH = re.compile(r"^,?\s+(?:was\s+)?(?:carried out|conducted|launched|executed|perpetrated)\s+"
                        r"(?:by|with|using)\s+(?:[\w-]+\s+){0,3}$", re.I)


def _done_with(sent: Sentence, trig: TriggerMention) -> tuple[str, str] | None:
    """"this attack, carried out by F-35 fighter jets": the weapon in a participle right after the noun."""
    end = trig.span.end - sent.start
    for w in vocabulary.load().weapons:
        for m in w.regex.finditer(sent.text, end, end + 70):
            if _DONE_WITH.match(sent.text[end : m.start()]):
                return w.method, w.sub_event_type
    return None


def _definite_noun(sent: Sentence, trig: TriggerMention) -> bool:
    """"the Erbil attack", "the Thursday strikes", "the drone attack that killed ...": a noun
    pointing back to an event told before."""
    local_end = trig.span.end - sent.start
    if trig.sub_event_type and re.match(r"\s+(?:that|which)\b", sent.text[local_end : local_end + 8]):
        local = trig.span.start - sent.start
        return bool(re.search(r"\bthe\s+(?:[\w-]+\s+){0,2}$", sent.text[max(0, local - 30) : local], re.I))
    if not _NOUN_TRIGGER.match(trig.span.text):
        return False
    local = trig.span.start - sent.start
    if _ORDERED.search(sent.text[:local]):
        return False  # "the President directed strikes": "the" is the President's
    if _ONE_OF.search(sent.text[:local]) and any(d.precision == "day" for d in sent.dates):
        return False  # "One such attack, on March 23, ...": one of a series, told for the first time
    # "the strikes", "Today's strikes were in response to ...": the strikes told before
    return bool(re.search(r"\b(?:the|this|that|these|those|such|(?:today|yesterday|tonight|monday|tuesday|wednesday|"
                          r"thursday|friday|saturday|sunday)['’]s)\s+(?:[\w-]+\s+){0,2}$",
                          sent.text[max(0, local - 30) : local], re.I))


def _in_quote(sent: Sentence, trig: TriggerMention) -> bool:
    local = trig.span.start - sent.start
    before = sum(sent.text[:local].count(q) for q in '"“”')
    after = sum(sent.text[local:].count(q) for q in '"“”')
    return before % 2 == 1 or (before == 0 and after % 2 == 1)


def _large_count(phrase: str) -> bool:
    m = re.match(r"\d+", phrase)
    return bool(m and int(m.group(0)) > 10) or phrase.split()[0].lower() in (
        "dozens", "scores", "hundreds", "numerous", "many")


def _is_heading(sent: Sentence) -> bool:
    """Sub-heads, labels and teaser headlines of other stories ("Nov. 17: Military airstrikes continue
    against ISIL terrorists in Syria and Iraq"): no sentence punctuation at the end."""
    return not _sentence_end(sent.text) and len(sent.text.split()) < 25


def _sentence_end(text: str) -> bool:
    """Ends as a sentence does; "On Jan. 19, forces conducted five strikes in Syria:" leads in a list."""
    text = text.strip()
    return bool(_HEADLINE.search(text)) or (text.endswith(":") and len(text.split()) >= 8)


_QUESTION_TURN = re.compile(r"(?:Q|QUESTION|Question)(?:\s*[:.—–]|\s+-|\s+(?=[A-Z]))")


def _is_question_turn(text: str, sent: Sentence) -> bool:
    """A paragraph of a briefing transcript that opens with "Q" is a reporter's question."""
    start = text.rfind("\n\n", 0, sent.start + 1)
    start = 0 if start < 0 else start + 2
    return bool(_QUESTION_TURN.match(text, start))


def _is_headline(article_title: str | None, sent: Sentence, paragraph_count: int) -> bool:
    return sent.paragraph == 0 and paragraph_count > 1 and (
        not _sentence_end(sent.text) or (article_title or "").strip() == sent.text.strip())


def extract(analysed: AnalysedArticle) -> list[EventFrame]:
    v = vocabulary.load()
    article = analysed.article
    sents = analysed.sentences
    drafts: list[_Draft] = []
    history: list[ActorMention] = []
    claimants: set[str] = set()
    continuing: list[_Draft] = []  # events the current run of sentences adds to
    lead_date: DateMention | None = None
    opening_dates: dict[int, DateMention] = {}  # "On Monday 4 March, a pair of Typhoons ...": the paragraph's day

    for idx, whole, sent in [(i, w, piece) for i, w in enumerate(sents) for piece in _segments(w)]:
        if _is_headline(article.title, whole, len(article.paragraphs)) or _is_heading(whole):
            continue
        if whole.text.rstrip(" \"”’)").endswith("?") or _is_question_turn(article.text, whole):
            history.extend(sent.actors)
            continue  # a question (or a reporter's turn in a transcript) asks; it does not report
        masked = _masked(sent)
        dates = _usable_dates(sent, article.text)
        day_dates = [d for d in dates if d.value and d.precision in ("day", "week")]
        trig, generic = _choose_trigger(sent, masked, reaction_ok=not drafts)
        anchor = trig is not None
        agg = v.aggregate.search(masked)
        if agg and trig is not None and not (agg.start() <= trig.span.start - sent.start < agg.end()) and \
                re.search(r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}$", masked[: trig.span.start - sent.start]):
            agg = None  # "a series of attacks ..., including an attack at Erbil Air Base on Dec. 25": that one
        if agg and trig is not None and not (agg.start() <= trig.span.start - sent.start < agg.end()) and \
                _BACKGROUND_CUE.search(masked[: agg.start()]):
            agg = None  # "In response to this series of attacks, ... forces conducted strikes": the cause, told
        # "Near Mosul, three strikes struck ...": a few strikes at one named town, with no period, are
        # that town's event of the day (as strike releases list them)
        one_place = [p for p in sent.places if p.cue in ("at", "near") and
                     gaz_kb.load().entries[p.place_id].precision < 3]
        at_one_place = bool(len(one_place) == 1 and not v.period.search(masked) and (re.match(
            r"^\s*(?:near|in|at|around|outside)\b", masked[: one_place[0].span.start - sent.start], re.I) or (
                agg is not None and _AT_THE_PLACE.fullmatch(masked[agg.end() : one_place[0].span.start - sent.start])
                and not re.search(r"\bone of\s+$", masked[: agg.start()], re.I))))
        # "ISIL's multiple suicide attacks in the town of Tel Tamer": one town's coordinated attacks
        if anchor and agg and (not day_dates or v.period.search(sent.text) or _large_count(agg.group(0))
                               or _SERIES.search(agg.group(0))):
            # a release's "Near Abu Kamal, 16 strikes engaged ...": however many, that town's strikes of the day
            anchor = at_one_place and not _SERIES.search(agg.group(0)) and (
                not _large_count(agg.group(0)) or bool(re.match(r"\s*near\b", masked, re.I)))
        # "On Jan. 20, forces conducted four strikes ... in Syria." above "-- Near Abu Kamal, one strike ...":
        # the tally of the list that follows, which tells each town's strikes
        listed = bool(agg and not any(gaz_kb.load().entries[p.place_id].kind != "country" for p in sent.places)
                      and any(_LIST_LINE.match(sents[j].text) for j in range(idx + 1, min(len(sents), idx + 4))))
        if anchor and listed:
            anchor = False
        counted = bool(trig is not None and generic and _counted_strikes(sent, trig))
        strategic = bool(trig is not None and
                         v.event_type_of.get(trig.sub_event_type or "") == "Strategic developments")
        if anchor and (generic or strategic) and not counted and not (
                v.conflict_signal.search(masked) or any(w.regex.search(masked) for w in v.weapons)
                or any(not a.actor.startswith("Civilians") for a in sent.actors)):
            # "Johnson and Corbyn attacked each other's policies", "a flu outbreak required a temporary
            # suspension": no sign of armed violence or of an armed actor
            anchor = False
        if anchor and counted:
            pass  # "Near X, two strikes destroyed ...": a release's line is an event even where X is unknown
        elif anchor and generic and not drafts and _CONDEMNED_ATTACK.search(masked):
            pass  # "I condemn the terrorist attack targeting the residence of ...": the statement's event
        elif anchor and generic:
            plural = bool(_PLURAL_GENERIC.match(trig.span.text))  # type: ignore[union-attr]
            # "the rockets were launched from the vicinity of Shaddadi": where they came from is no new event
            own_place = any(p.cue != "patron" and gaz_kb.load().entries[p.place_id].kind != "country"
                            and not _FROM_PLACE.search(article.text[max(0, p.span.start - 40) : p.span.start])
                            for p in sent.places)
            # "the strikes" points back; "These strikes answered ..., including an attack at Erbil on
            # Dec. 25" still reports that attack
            definite = _definite_noun(sent, trig) or (not day_dates and any(
                _definite_noun(sent, t) for t in sent.triggers if not t.sub_event_type))
            ordered = bool(_ORDERED.search(sent.text[: trig.span.start - sent.start]))
            first_told = definite and not drafts and bool(day_dates) and own_place
            # "The attack was a horrific act of terror ... early on Sunday in Karrada, Baghdad": a statement's
            # first words on its event point back to a headline, but they are its report
            # "... in response to the Aug. 15 attack. In that attack, drones targeted al-Tanf": the attack that was
            # only named as a cause is told here
            cause_told = definite and own_place and idx > 0 and bool(_IN_THAT_ATTACK.match(sent.text)) and (
                (named := _named_attack_date(sents[idx - 1])) is not None
                and not any(d.date is not None and d.date.value == named.value for d in drafts))
            if (plural and not day_dates and not at_one_place and not ordered) or (
                    definite and not first_told and not cause_told):
                anchor = False  # "the Erbil attack", "the strikes": a reference back, not a new event
            elif _ORDINAL.search(sent.text[: trig.span.start - sent.start]) and \
                    _weapon_near(sent, trig.span.start - sent.start, trig.span.end - sent.start):
                pass  # "The first convoy was struck with an IED ...": one of several events told in turn
            elif day_dates and _ONE_OF.search(sent.text[: trig.span.start - sent.start]):
                pass  # "This followed a series of attacks. One such attack, on March 23, killed ...": one of them
            elif _THE_WEAPON_SUBJECT.match(sent.text) and any(d.paragraph == sent.paragraph for d in drafts):
                anchor = False  # "... launched an armed drone. The drone crashed in an open area": the same
            elif _RESPONSE_VERB.match(trig.span.text) and any(w.regex.search(masked) for w in v.weapons):
                pass  # "U.S. forces responded with AH-64 Apache attack helicopters ...": the answer is an event
            elif not own_place and not ordered and (not day_dates or any(
                    d.paragraph == sent.paragraph and (not _NOUN_TRIGGER.match(trig.span.text) or (
                        d.date is not None and d.date.value in {x.value for x in day_dates})) for d in drafts)):
                # "... he succumbed to his wounds on 8 January" goes on; "a raid on January 25" after a
                # strike on January 20 is another event
                anchor = False  # a bare "killed"/"hit" with only a date continues the event before it
            elif v.period.search(masked) and not day_dates:
                anchor = False
        if anchor and strategic and _SCHEDULED.search(masked[trig.span.end - sent.start :]):  # type: ignore[union-attr]
            anchor = False  # "directed the withdrawal ... starting on May 1 and concluding by September 11": a plan
        if anchor and not dates and _PROGRESSIVE.search(masked[: trig.span.start - sent.start]):  # type: ignore[union-attr]
            anchor = False  # "forces are working with partners in conducting airstrikes": an ongoing campaign
        if anchor and not dates and _PLURAL_PERFECT.search(masked[: trig.span.end - sent.start]):  # type: ignore[union-attr]
            anchor = False  # "In response, forces have conducted discrete strikes against ... in Yemen": a campaign
        if anchor and not day_dates and _ALREADY_REPORTED.match(sent.text):
            anchor = False  # "As I reported on October 27, ... forces conducted strikes": told before, undated here
        if anchor and not dates and not sent.places and _ABSTRACT_PLURAL.search(
                masked[max(0, trig.span.start - sent.start - 40) : trig.span.end - sent.start]):  # type: ignore[union-attr]
            anchor = False  # "precautions during the planning and execution of airstrikes": strikes in general
        if anchor and not generic and not day_dates and re.search(r"s$", trig.span.text) and re.search(  # type: ignore[union-attr]
                r"\b(?:these|those)\s+(?:[\w-]+\s+){0,2}$", masked[: trig.span.start - sent.start]):  # type: ignore[union-attr]
            anchor = False  # "civilians keep dying from these airstrikes": the strikes talked about, not told
        if anchor and not day_dates and drafts and _IN_ADDITION.match(sent.text):
            anchor = False  # "In addition to the armed assault, the assailants fired a rocket": the same attack
        if anchor and not generic and not day_dates and v.period.search(masked):
            anchor = False  # "since the last report, forces have conducted airstrikes": a period, not an event
        claim = _CLAIM.search(sent.text)
        if claim and not _DENIED.search(sent.text):
            for a in sent.actors:
                if a.span.end - sent.start <= claim.start() and not a.actor.startswith(_UNKNOWN_ACTORS):
                    claimants.add(a.actor)
        if not anchor:
            if day_dates and day_dates[0].span.start - sent.start <= 3 and sent.paragraph not in opening_dates:
                opening_dates[sent.paragraph] = day_dates[0]
            if lead_date is None and not drafts and day_dates and sent.triggers and sent.paragraph <= 1:
                lead_date = day_dates[0]  # "On Jan. 8, forces conducted 34 strikes ...": the day the list is of
            elif listed and day_dates:
                lead_date = day_dates[0]  # a report of several days: "On Jan. 20, forces conducted four strikes"
            _continue(continuing, sent, idx, drafts)
            told = next((t for t in sent.triggers if _definite_noun(sent, t)), None)
            if told is not None and continuing:
                # "These strikes were in direct response to ..., including the attack on Al-Asad Air Base on
                # Jan. 20": the attack answered, told with its own place and day, is reported too
                known = {(d.date.value if d.date else None, d.place.place_id if d.place else None) for d in drafts}
                drafts.extend(p for p in _prompting_attacks(sent, idx, told, None, article.text)
                              if (p.date.value if p.date else None, p.place.place_id if p.place else None) not in known)
            history.extend(sent.actors)
            continue
        assert trig is not None
        # date
        date: DateMention | None = None
        date_source = "none"
        if dates:
            cand = [d for d in dates if d.value is not None and not (
                d.span.start > trig.span.end and _CAUSE_BETWEEN.search(article.text[trig.span.end : d.span.start])
                and article.published and (article.published - d.value).days <= 366)]  # old causes: background
            if cand:
                # the date that opens the report ("On 3 May ...", "Around 1 July (from 29 June - 2 July)"),
                # else the one nearest the trigger
                before = [d for d in cand if d.span.start < trig.span.start]
                date = before[0] if before else min(cand, key=lambda d: abs(d.span.start - trig.span.start))
                later = [d for d in cand if 0 <= d.span.start - date.span.end <= 3]
                if later and _WEEKDAY_ONLY.search(date.span.text) and not _WEEKDAY_ONLY.search(later[0].span.text):
                    date = later[0]  # "On Monday, Dec. 26": the calendar date, not the weekday's guess
                date_source = "sentence"
            elif any(d.precision == "unknown" for d in dates) and article.published is None:
                date_source = "none"
        if date is not None and date.precision == "year":
            history.extend(sent.actors)
            continue  # background known only to the year: not codable
        if date is None and idx > 0 and _IN_THAT_ATTACK.match(sent.text):
            date = _named_attack_date(sents[idx - 1])  # "... the Aug. 15 attack. In that attack, drones ..."
            date_source = "context" if date is not None else date_source
        if date is None:
            same_par = [d for d in drafts if d.paragraph == sent.paragraph and d.date is not None]
            if same_par:
                date, date_source = same_par[-1].date, "context"
            elif sent.paragraph in opening_dates:
                date, date_source = opening_dates[sent.paragraph], "context"
            elif lead_date is not None:
                date, date_source = lead_date, "context"
            else:
                date_source = "publication" if article.published else "none"
        if date is not None and date.value and article.published and \
                (article.published - date.value).days > 366:
            history.extend(sent.actors)
            continue  # background: years before publication
        if lead_date is None and date is not None:
            lead_date = date
        actor1, status, claimed, actor2 = _roles(sent, trig, history, claimants)
        if actor2 is None and drafts and _RESPONSE_VERB.match(trig.span.text) and drafts[-1].actor1 is not None \
                and (actor1 is None or drafts[-1].actor1.actor != actor1.actor):
            actor2 = drafts[-1].actor1  # "U.S. forces responded with ...": against those who attacked them
        if actor2 is None and _ORDINAL.search(sent.text[: trig.span.start - sent.start]):
            # "The second convoy was targeted ...": one of the convoys the story said whose they were
            actor2 = next((d.actor2 for d in reversed(drafts) if d.actor2 is not None
                           and d.paragraph >= sent.paragraph - 2), None)
        cas = find_casualties(sent.text)
        # type and method
        sub = trig.sub_event_type
        weapon = _weapon_near(sent, trig.span.start - sent.start, trig.span.end - sent.start)
        if generic or not sub:
            if weapon is None and counted:
                weapon = ("airstrike", "Air/drone strike")  # "two strikes destroyed ...": strikes are from the air
            ground = bool(_RAID.match(trig.span.text) and _GROUND_RAID.search(
                sent.text[max(0, trig.span.start - sent.start - 30) : trig.span.end - sent.start]))
            if ground and weapon is not None and weapon[0] == "airstrike":
                weapon = None  # "a helicopter raid": the helicopters carried the troops

            if weapon is None and not ground:  # a commando raid is not typed by the air strikes told before
                weapon = _context_weapon(drafts, sents, idx, actor1.actor if actor1 else None,
                                         actor2.actor if actor2 else None)
            if weapon is not None:
                sub = weapon[1]
            elif ground and actor2 is not None and (_is_force(actor2.actor) or _is_armed_group(actor2.actor)):
                sub = "Armed clash"  # "a direct action raid ... to capture an ISIS leader": a ground fight
            elif _AIR_VERBS.match(trig.span.text) and _external_state(sent, trig):
                sub, weapon = "Air/drone strike", ("airstrike", "Air/drone strike")
            else:
                sub = "Attack"
        if _RAID.match(trig.span.text) and _CAPTURE.search(sent.text) and not cas.killed:
            sub, weapon = "Arrests", None  # "a raid ... resulted in the capture of an ISIS leader": a ground raid
        method = weapon[0] if weapon else None
        if sub == "Attack" and method == "small_arms" and not any(
                a.actor.startswith("Civilians") for a in sent.actors):
            sub = "Armed clash"
        elif sub == "Attack" and method is None and actor2 is not None and _is_armed_party(actor2.actor) and not any(
                a.actor.startswith("Civilians") for a in sent.actors):
            sub = "Armed clash"  # an attack of unstated means on armed forces is a battle, not violence on civilians
        if v.event_type_of.get(sub) == "Strategic developments" or sub in ("Armed clash",):
            method = method if sub == "Disrupted weapons use" else None
        if sub == "Air/drone strike" and method not in ("drone", "airstrike"):
            method = "drone" if re.search(r"\bdrones?\b|\buavs?\b", sent.text, re.I) else "airstrike"
        if actor1 is None and sub == "Air/drone strike" and counted:
            striker = _story_striker(sents, idx)
            if striker is not None:  # a release's list: "Near Bayji, one strike struck ..."
                actor1, status = striker, "confirmed"
        before_trig = sent.text[: trig.span.start - sent.start]
        if actor1 is None and _FURTHER.search(before_trig[-40:]):
            # "...; a further strike in Syria, north-west of Abu Kamal, destroyed a vehicle": the same striker
            same = [d for d in drafts if d.sentences[0] == idx and d.actor1 is not None]
            if same:
                actor1, status = same[-1].actor1, same[-1].actor1_status
        if actor1 is None and v.event_type_of.get(sub) in ("Explosions/Remote violence", "Battles") and (
                _OUR_FORCES.search(before_trig) or v.state_platforms.search(before_trig[-80:])):
            # "Our aircraft were tasked to strike", "a Reaper ... used a Hellfire missile": the writer's forces
            own = _own_forces(sents, idx)
            if own is not None:
                actor1, status = own, "confirmed"
        if _FIRST_PERSON_ORDER.search(before_trig) and (actor1 is None or _ORDERED.search(before_trig)):
            # "At my direction ... I directed precision strikes": the writer's forces; "the President
            # directed strikes against locations used by KH": KH is the target
            own = _own_forces(sents, idx)
            if own is not None and (actor1 is None or actor1.actor != own.actor):
                actor2 = actor2 or actor1
                actor1, status = own, "confirmed"
        places = _pick_places(sent)
        place_source = "sentence" if places else "none"
        if not places and _UNKNOWN_PLACE.match(sent.text):
            pass  # "Near Qasr al-Nadhir, one strike ...": a place we do not know, not the one before
        elif not places:
            # the same story goes on: the place of the event this sentence took its date from
            prev = [d for d in drafts if d.place is not None and (
                d.paragraph == sent.paragraph or (date_source == "context" and d.date == date))]
            if prev:
                places, place_source = [prev[-1].place], "context"  # type: ignore[list-item]
            elif told := _place_just_named(sents, idx):
                # "... seize the hospital complex in East Mosul. After seizing the area, the ISF fought off
                # counterattacks": the place the paragraph has just named
                places, place_source = told[:1], "context"
            elif drafts and drafts[-1].place is not None and drafts[-1].paragraph == sent.paragraph - 1 and \
                    _SITE_ANAPHOR.search(sent.text):
                # "... the hospital complex in East Mosul. || Coalition aircraft conducted a precision strike on
                # the location": the place the story has just been at
                places, place_source = [drafts[-1].place], "context"
            else:
                refs = [p for p in sent.places if p.cue == "reference"]
                if refs:  # "on the Jordan-Syria border": at least the country
                    places, place_source = refs[:1], "sentence"
        new: list[_Draft] = []
        for place, when in [(p, w) for w in _coordinated_days(date, day_dates, article.text) for p in places or [None]]:
            d = _Draft(
                sentences=[idx], trigger=trig, sub_event_type=sub, method=method, generic=generic, date=when,
                date_source=date_source, place=place, place_source=place_source, actor1=actor1,
                actor1_status=status, claimed_by=list(claimed), actor2=actor2,
                target=_target_text(sent, trig), fatalities=cas.killed, injuries=cas.injured,
                paragraph=sent.paragraph,
            )
            new.append(d)
        drafts.extend(new)
        drafts.extend(_prompting_attacks(sent, idx, trig, date, article.text))
        continuing = new
        history.extend(sent.actors)
    return [_freeze(article.doc_id, d) for d in drafts]


_EARLIER_THAT_DAY = re.compile(r"\b(?:earlier|later)\s+(?:that|the same)\s+day\b", re.I)


_TARGETED_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:targeted|struck|hit|were against|destroyed)\b", re.I)
_ABSTRACT_PLURAL = re.compile(r"\b(?:of|during|for|about|against|to)\s+(?:[\w-]+\s+)?(?:air\s?strikes|strikes|attacks|"
                             r"raids|bombings|drone strikes|air raids)$", re.I)
_SITE_ANAPHOR = re.compile(r"\b(?:on|at|in|near)\s+(?:the|that)\s+(?:same\s+)?(?:location|site|area|complex|building|"
                           r"compound|facility|position)\b|\bthere\b", re.I)
_DEFINITE_WEAPON = re.compile(r"\b(?:the|these|those|both|twin)\s+(?:twin\s+|two\s+|suicide\s+)?(?P<w>bombings?|"
                              r"blasts?|explosions?|car bombs?|roadside bombs?|drone (?:strikes?|attacks?)|"
                              r"rocket attacks?|missile (?:attacks?|strikes?)|air ?strikes?)\b", re.I)
_THE_WEAPON_SUBJECT = re.compile(r"(?:The|This|That|These|Those|Both)\s+(?:[\w-]+\s+)?(?:drones?|uavs?|missiles?|"
                                 r"rockets?|projectiles?|shells?|mortars?|aircraft)\b(?!\s+(?:attacks?|strikes?)\b)")
_WEAPON_ACTOR = re.compile(r"\b(?:strikes?|air ?strikes?|raids?|shelling|bombardment|missiles?|drones?|warplanes|jets|"
                           r"aircraft|artillery|bombers|helicopters)$", re.I)
_WEEKDAY_ONLY = re.compile(r"^(?:on\s+|last\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_IN_ADDITION = re.compile(r"(?:In addition to|Besides|Alongside|As well as|Apart from)\s+(?:the|this|that|its|their)\s",
                          re.I)
_FURTHER = re.compile(r"\b(?:a further|another|an additional|a second|a third|a fourth|a separate)\s+"
                      r"(?:[\w-]+\s+)?$", re.I)
_RESPONSE_VERB = re.compile(r"(?:responded|retaliated|returned fire)\b", re.I)
_IN_THAT_ATTACK = re.compile(r"(?:In|During)\s+(?:that|this|the)\s+(?:[\w-]+\s+)?(?:attack|strike|assault|incident)\b")


def _named_attack_date(sent: Sentence) -> DateMention | None:
    """The day of the one attack a sentence names with its date: "in response to the Aug. 15 attack"."""
    for d in sent.dates:
        if d.value is None or d.precision != "day":
            continue
        after = sent.text[d.span.end - sent.start : d.span.end - sent.start + 30]
        before = sent.text[max(0, d.span.start - sent.start - 30) : d.span.start - sent.start]
        if re.match(r"\s+(?:[\w-]+\s+)?(?:attack|strike|assault)\b", after) or re.search(
                r"\b(?:attack|strike|assault)\s+(?:on|of)\s+$", before):
            return d
    return None


def _prompting_attacks(sent: Sentence, idx: int, trig: TriggerMention, date: DateMention | None,
                       text: str) -> list[_Draft]:
    """"strikes ... in response to an attack on coalition forces at al-Asad Air Base earlier that day":
    the attack a reply answers is reported too when the sentence gives its own place and day."""
    g = gaz_kb.load()
    out: list[_Draft] = []
    for t in sent.triggers:
        local = t.span.start - sent.start
        if t is trig or t.span.start < trig.span.end or not (_BACKGROUND_CUE.search(
                sent.text[max(0, local - 60) : local]) or (_INCLUDING_BEFORE.search(sent.text[:local])
                                                           and _CAUSE_ANYWHERE.search(sent.text[:local]))):
            continue  # "in response to a series of attacks ..., including the attack on Al-Asad on Jan. 20"
        if not re.match(r"(?:attack|strike|assault)$", t.span.text, re.I):
            continue  # "in response to recent attacks": a series, not one event
        end = len(sent.text)
        nxt = re.search(r";|,\s+(?:and|which|while|as)\b", sent.text[local:])  # (not ".": "U.S.")
        if nxt:
            end = local + nxt.start()
        places = [p for p in sent.places if local < p.span.start - sent.start < end and p.cue not in (
            "patron", "reference") and g.entries[p.place_id].precision < 3]
        when: DateMention | None = next((d for d in sent.dates if local < d.span.start - sent.start < end
                                         and d.value and d.precision == "day"), None)
        if when is None and date is not None and _EARLIER_THAT_DAY.search(sent.text[local:end]):
            when = date
        if not places or when is None:
            continue
        weapon = _weapon_near(sent, local, t.span.end - sent.start)
        agents = [a for a in sent.actors if local < a.span.start - sent.start < end and re.search(
            r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", sent.text[max(0, a.span.start - sent.start - 30) :
                                                              a.span.start - sent.start])]
        victims = [a for a in sent.actors if local < a.span.start - sent.start < end and a not in agents]
        sub = weapon[1] if weapon else ("Armed clash" if victims and _is_force(victims[0].actor) else "Attack")
        out.append(_Draft(
            sentences=[idx], trigger=t, sub_event_type=sub, method=weapon[0] if weapon else None, generic=True,
            date=when, date_source="sentence", place=places[0], place_source="sentence",
            actor1=agents[0] if agents else None, actor1_status="confirmed" if agents else "unknown",
            actor2=victims[0] if victims else None, paragraph=sent.paragraph,
        ))
    return out


_AND_ON = re.compile(r"^\s*,?\s*(?:and|as well as|then)\s+(?:again\s+)?(?:on\s+)?"
                     r"(?:the\s+(?:night|morning|evening)\s+of\s+)?$", re.I)


def _coordinated_days(date: DateMention | None, day_dates: list[DateMention], text: str) -> list[DateMention | None]:
    """"strikes on November 11 and on November 26": one event per day, as ACLED codes them."""
    if date is None or date not in day_dates:
        return [date]
    out = [date]
    i = day_dates.index(date)
    for nxt in day_dates[i + 1 :]:
        if not _AND_ON.match(text[out[-1].span.end : nxt.span.start]) or nxt.value == out[-1].value:
            break
        out.append(nxt)
    return out


_DESTROYED_BEFORE = re.compile(r"\b(?:destroy\w*|struck|strikes?|hit|bombed|targeted|shelled)\b[^.;]*$", re.I)
_UNKNOWN_PLACE = re.compile(r"^\s*(?:near|in|at|outside|around)\s+(?:the\s+)?(?:(?:al|el|ar|as|ad)[- ])?"
                            r"[A-Z]\w+[^,]{0,30},")
_STRIKE_NOUN = re.compile(r"^strikes?$", re.I)
_STRIKE_COUNT = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                           r"(?:(?:air|precision|coalition|separate|more)\s+)?$", re.I)


def _counted_strikes(sent: Sentence, trig: TriggerMention) -> bool:
    """"one strike", "four strikes": the counted strikes of an air campaign's release."""
    local = trig.span.start - sent.start
    return bool(_STRIKE_NOUN.match(trig.span.text) and _STRIKE_COUNT.search(_masked(sent)[max(0, local - 25) : local]))
_STRIKER_VERB = re.compile(r"^[^.;]{0,40}?\b(?:conduct\w*|carr\w+ out|launch\w*|continu\w+ to (?:attack|strike)|"
                           r"struck|strikes|bombed|targeted|attacked)\b", re.I)


_OUR_FORCES = re.compile(r"\b(?:our|we)\b", re.I)
_FIRST_PERSON_ORDER = re.compile(r"\b(?:I|we|the President)\s+(?:\w+ly\s+)?(?:directed|ordered|authori[sz]ed|"
                                 r"conducted|launched|struck|carried out)\b|\bat my direction\b", re.I)


def _own_forces(sents: tuple[Sentence, ...], idx: int) -> ActorMention | None:
    """The state force the writer of a letter or statement speaks for: the one it names most."""
    counts: dict[str, list[ActorMention]] = {}
    for sent in sents:
        for a in sent.actors:
            if a.actor.startswith("Military Forces of"):
                counts.setdefault(a.actor, []).append(a)
    if not counts:
        return None
    return max(counts.values(), key=len)[-1]


def _story_striker(sents: tuple[Sentence, ...], idx: int) -> ActorMention | None:
    """The state or coalition force a list of strikes is told about ("coalition military forces
    conducted 17 strikes ... Near Bayji, one strike ..."): the last one named as a striker."""
    for j in range(idx - 1, -1, -1):
        sent = sents[j]
        for a in reversed(sent.actors):
            if not (a.actor.startswith("Military Forces of") or a.actor == "US-led coalition"):
                continue
            if _STRIKER_VERB.match(sent.text[a.span.end - sent.start :]):
                return a
    return None


def _external_state(sent: Sentence, trig: TriggerMention) -> bool:
    """A foreign state's forces as the subject of a strike verb: such strikes are from the air."""
    reg = actor_kb.load()
    g = gaz_kb.load()
    subj = [a for a in sent.actors if a.span.end <= trig.span.start]
    if not subj:
        return False
    actor = subj[-1].actor
    entry = reg.get(actor)
    is_state = actor.startswith("Military Forces of") or (entry is not None and entry.inter == "state_forces")
    if not is_state:
        return False
    home = entry.country if entry else actor.removeprefix("Military Forces of ").removeprefix("the ")
    where = {g.entries[p.place_id].country for p in sent.places}
    if not where:  # "forces conducted strikes against Houthi missiles": the target's country
        where = {e.country for a in sent.actors if a.span.start >= trig.span.end
                 and (e := reg.get(a.actor)) is not None and e.country not in ("", "International")}
    return bool(where) and home not in where


def _place_just_named(sents: tuple[Sentence, ...], idx: int) -> list[PlaceMention]:
    """The place the last three sentences of the paragraph named (nearest first), finer than a province."""
    g = gaz_kb.load()
    for j in range(idx - 1, max(-1, idx - 4), -1):
        if sents[j].paragraph != sents[idx].paragraph:
            continue
        picked = [p for p in _pick_places(sents[j]) if p.cue in ("at", "near", "district")
                  and g.entries[p.place_id].precision < 3]
        if picked:
            return picked
    return []


def _context_weapon(drafts: list[_Draft], sents: tuple[Sentence, ...], idx: int, actor: str | None = None,
                    target: str | None = None) -> tuple[str, str] | None:
    """The weapon of the surrounding story: the last one named in the three sentences before,
    else that of the last event (the group "attacked another convoy" the way it did before).
    Never the weapon of another party's event: a militia's attack is not typed by the US strike
    told just before it, nor an attack on US forces by the US strike it prompted."""
    v = vocabulary.load()

    def other(d: _Draft) -> bool:
        return d.actor1 is not None and ((actor is not None and d.actor1.actor != actor) or d.actor1.actor == target)

    others = {i for d in drafts if other(d) for i in d.sentences}
    for j in range(idx - 1, max(-1, idx - 4), -1):
        if j in others:
            continue
        found: tuple[int, tuple[str, str]] | None = None
        for w in v.weapons:
            for m in w.regex.finditer(sents[j].text):
                if found is None or m.start() > found[0]:
                    found = (m.start(), (w.method, w.sub_event_type))
        if found and found[1][0] != "small_arms":
            return found[1]
    for d in reversed(drafts):
        if d.method and d.method != "small_arms" and not other(d):
            return d.method, d.sub_event_type
    return None


def _continue(continuing: list[_Draft], sent: Sentence, idx: int, drafts: list[_Draft]) -> None:
    """Let a non-anchor sentence add casualties, claims or a finer place to the events before it."""
    if not continuing:
        return
    text = sent.text
    cas = find_casualties(text)
    plural = bool(re.search(r"\b(?:none of the|both|all|these|the two|the three)\b[^.]{0,20}\b(?:attacks|strikes)\b"
                            r"|\bthe attacks\b|\bboth attacks\b", text, re.I))
    if plural:  # "both attacks", "none of the attacks": every event of that day told just before
        day = continuing[-1].date
        scope = [d for d in drafts if d.date == day and d.paragraph >= sent.paragraph - 2]
    else:
        # a claim or toll is about the attack itself, not the interception or arrest told after it
        day = continuing[-1].date
        violent = [d for d in drafts if d.date == day and d.paragraph >= sent.paragraph - 1
                   and vocabulary.load().event_type_of.get(d.sub_event_type) != "Strategic developments"]
        scope = (violent or continuing)[-1:]
        if len(continuing) > 1 and cas.said and not cas.killed and not cas.injured:
            scope = continuing  # "... in Diwaniyah and Babil provinces. No casualties were reported.": each
    claim = _CLAIM.search(text)
    if claim and not _DENIED.search(text):
        before = [a for a in sent.actors if a.span.end - sent.start <= claim.start()
                  and not a.actor.startswith(_UNKNOWN_ACTORS)]
        if before:
            named_place = {p.place_id for p in sent.places}
            targets = [d for d in drafts if d.place is not None and d.place.place_id in named_place] or scope
            for d in targets:
                if before[-1] not in d.claimed_by:
                    d.claimed_by.append(before[-1])
                if d.actor1 is None or d.actor1.actor.startswith(_UNKNOWN_ACTORS[0]) or \
                        d.actor1_status == "unknown":
                    d.actor1, d.actor1_status = before[-1], "claimed"
                d.sentences.append(idx)
    blame = _ATTRIBUTE.search(text) or _SUSPECT_VERB.search(text)
    if blame:
        named = [a for a in sent.actors if a.span.start - sent.start >= blame.start()
                 and not a.actor.startswith(_UNKNOWN_ACTORS)]
        if named:
            status: ActorStatus = "suspected" if _SUSPECT_VERB.search(text) else "attributed"
            for d in scope:
                if d.actor1 is None or d.actor1.actor.startswith(_UNKNOWN_ACTORS[0]):
                    d.actor1, d.actor1_status = named[0], status
                    if idx not in d.sentences:
                        d.sentences.append(idx)
    doer = _DOER_VERB.search(text)
    if doer and not claim and not blame and not vocabulary.load().period.search(text):
        # "The attack was a horrific act of terror ... Daesh targeted families out shopping for Eid": who did it
        named = [a for a in sent.actors if a.span.end - sent.start <= doer.start()
                 and doer.start() - (a.span.end - sent.start) <= 3 and _is_armed_group(a.actor)]
        for d in scope if named else []:
            if d.actor1 is None or d.actor1.actor.startswith(_UNKNOWN_ACTORS[0]):
                d.actor1, d.actor1_status = named[-1], "confirmed"
                if idx not in d.sentences:
                    d.sentences.append(idx)
    if cas.said and not vocabulary.load().period.search(text):  # "2,500 killed so far this year": a tally
        for d in scope:
            if d.fatalities is None and cas.killed is not None:
                d.fatalities = cas.killed
            if d.injuries is None and cas.injured is not None:
                d.injuries = cas.injured
            if idx not in d.sentences:
                d.sentences.append(idx)
    g = gaz_kb.load()
    back = [t for t in sent.triggers if not t.sub_event_type and _definite_noun(sent, t)]
    refers_back = bool(back)
    named = _DEFINITE_WEAPON.search(text)
    if named and not back:
        # "ISIS has claimed responsibility for the bombings": how the attack just told was done
        weapon = next(((w.method, w.sub_event_type) for w in vocabulary.load().weapons
                       if w.regex.search(named.group("w"))), None)
        for d in scope if weapon is not None and weapon[0] != "small_arms" else []:
            if d.generic and d.method is None:
                d.method, d.sub_event_type = weapon
    for t in back[:1]:
        # "As a result of this attack, carried out by F-35 fighter jets, ...": how the attack just told was done
        weapon = _weapon_near(sent, t.span.start - sent.start, t.span.end - sent.start) or _done_with(sent, t)
        for verb in sent.triggers if weapon is None else []:
            if verb.span.start > t.span.end and not verb.sub_event_type:
                # "In that attack, multiple unmanned aerial vehicles targeted the garrison"
                weapon = _weapon_near(sent, verb.span.start - sent.start, verb.span.end - sent.start)
                break
        for d in scope if weapon is not None and weapon[0] != "small_arms" else []:
            if d.generic and d.method is None:
                d.method, d.sub_event_type = weapon
                if idx not in d.sentences:
                    d.sentences.append(idx)
        # "These precision strikes targeted infrastructure facilities used by groups affiliated with the IRGC":
        # whom the strikes just told were against
        targets = [a for a in sent.actors if a.span.start > t.span.end and _is_armed_party(a.actor)]
        for d in scope if targets and _TARGETED_AFTER.match(text[t.span.end - sent.start :]) else []:
            if d.actor2 is None and d.actor1 is not None and targets[0].actor != d.actor1.actor:
                d.actor2 = targets[0]
                if idx not in d.sentences:
                    d.sentences.append(idx)
    finer = [p for p in _pick_places(sent) if g.entries[p.place_id].precision < 3
             and not _CAUSE_ANYWHERE.search(text[: p.span.start - sent.start])] if sent.places else []
    if finer:
        country = g.entries[finer[0].place_id].country
        recent = [d for d in drafts if d.date == continuing[-1].date and
                  (refers_back or d.paragraph >= sent.paragraph - 2)]
        for d in reversed(recent):
            vague = d.place is None or g.entries[d.place.place_id].precision == 3 or d.place.cue == "region"
            same_country = d.place is None or g.entries[d.place.place_id].country == country
            # "leaders in the Kurdistan region and Baghdad": the vague place listed again beside another
            # is a list of places, not a closer look at where it happened
            named_again = d.place is not None and d.place.cue != "region" and any(
                finer[0] in grp and any(p.place_id == d.place.place_id for p in grp)
                for grp in _place_groups(sent))
            if vague and same_country and not named_again and (refers_back or abs(idx - d.sentences[0]) <= 3):
                d.place = PlaceMention(finer[0].span, finer[0].place_id, "near")
                d.place_source = "context"
                break


def _freeze(doc_id: str, d: _Draft) -> EventFrame:
    v = vocabulary.load()
    return EventFrame(
        doc_id=doc_id, sentences=tuple(sorted(set(d.sentences))), sub_event_type=d.sub_event_type,
        event_type=v.event_type_of.get(d.sub_event_type, ""), method=d.method, trigger=d.trigger,
        generic=d.generic, date=d.date, date_source=d.date_source,  # type: ignore[arg-type]
        place=d.place, place_source=d.place_source,  # type: ignore[arg-type]
        actor1=d.actor1, actor1_status=d.actor1_status,
        claimed_by=tuple(dict.fromkeys(d.claimed_by)), actor2=d.actor2, target=d.target,
        fatalities=d.fatalities, injuries=d.injuries,
    )
