"""Does this sentence report an event of its own? The anchor decision, with what it read on the way.

A sentence anchors an event when its trigger tells a new act: not a tally, a campaign, a plan, an
accident, a reference back to an event already told ("the strikes"), or armed-sounding words with no
sign of armed violence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sigact.extract.cues import (
    BACKGROUND_CUE,
    CONDEMNED_ATTACK,
    IN_THAT_ATTACK,
    NOUN_TRIGGER,
    ONE_OF,
    ORDERED,
    ORDINAL,
    RESPONSE_VERB,
    TOLL_VERB,
)
from sigact.extract.drafts import Story
from sigact.extract.followups import counted_strikes, named_attack_date
from sigact.extract.roles import is_force
from sigact.extract.triggers import (
    RELEASE_LINE,
    choose_trigger,
    definite_noun,
    is_own_place,
    large_count,
    masked_text,
    tells_a_day,
    usable_dates,
)
from sigact.extract.weapons import weapon_near
from sigact.knowledge import gazetteer as gaz_kb
from sigact.knowledge import vocabulary
from sigact.records import DateMention, PlaceMention, Sentence, TriggerMention

_PROGRESSIVE = re.compile(r"\b(?:are|is|remain|remains)\s+(?:\w+ly\s+)?(?!being\b)\w+ing\b")
_PLURAL_PERFECT = re.compile(r"\b(?:have|has)\s+(?:also\s+|since\s+|repeatedly\s+|continued\s+(?:for\s+\w+\s+)?to\s+)?"
                             r"(?:(?:conducted|carried out|carry out|launched|executed|undertaken|fired)\s+"
                             r"(?:(?!an?\b|one\b)[\w-]+,?\s+){0,3}(?:strikes|airstrikes|air strikes|attacks|raids|"
                             r"operations|shelling|missiles|rockets|drones|projectiles)|(?:fired|launched))$", re.I)
# a perfect tense over many targets: "had attacked more than 100 vessels", "have struck hundreds of targets"
_MANY_TARGETS = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+|also\s+)?(?:attacked|targeted|struck|hit|seized|"
                           r"shelled|bombed|raided)\s+(?:more than|over|at least|nearly|some|about|around)?\s*"
                           r"(?:\d{2,}|\d{1,3}(?:,\d{3})+|dozens|scores|hundreds|thousands)\b", re.I)
_PERFECT_SINCE = re.compile(r"\b(?:has|have)\s+(?:(?:also|repeatedly|increasingly|regularly|frequently)\s+)?"
                            r"(?:been\s+)?\w+(?:ed|en|ne|un|ught)\b[^.;]*\bsince\b", re.I)
_ALREADY_REPORTED = re.compile(r"^\s*As\s+(?:(?:I|we|has been|was|had been)\s+)?(?:have\s+|had\s+)?(?:previously\s+)?"
                               r"(?:reported|announced|informed|notified)\b", re.I)
_SERIES = re.compile(r"\b(?:series|waves?|string|spate|campaign) of\b", re.I)
_PLURAL_GENERIC = re.compile(r"^(?:attacks|strikes|raids|assaults|bombings|explosions|blasts)$", re.I)
# a strike-list item: "-- Near Abu Kamal, ...", "In the area of Latamna, ...", "15 kilometres south-west of Maarrat ..."
_LIST_LINE = re.compile(r"^\s*(?:--\s*)?(?:Near|In the (?:area|vicinity) of|\d+\s*(?:km|kilomet(?:er|re)s)\s+[\w-]+\s+"
                        r"of)\s+(?:the\s+(?:settlement|town|village|city)\s+of\s+)?[A-Z]")
# "hit 4 ISIS infrastructure objects", "engaged 8 targets": a count of targets heading the list that tells them
_COUNTED_TARGETS = re.compile(r"\b(?:hit|struck|engaged|destroyed|targeted)\s+(?:\d+|two|three|four|five|six|seven|"
                              r"eight|nine|ten)\s+(?:[\w-]+\s+){0,2}(?:targets|objects|facilities|sites|positions)\b",
                              re.I)
_AT_THE_PLACE = re.compile(r"\s+(?:in|at|on|near|against|targeting)\s+(?:the\s+)?(?:(?:town|city|village|district|"
                           r"neighbou?rhood|area|market|province)\s+of\s+)?", re.I)
_INCLUDING = re.compile(r"\bincluding\b", re.I)
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)\s+(?:[\w-]+\s+)?(?:bombings?|attacks?|strikes?|massacres?|assaults?|"
                          r"invasion|uprising|offensive|war)\b", re.I)
_CONDUCT_LIST = re.compile(r"\b(?:including|such as)\s+(?:[\w'’.-]+,?\s+){0,20}$", re.I)
_ING_NOUN = re.compile(r"(?:shelling|bombing|fighting|killing|shooting|ambushing|bombardment)$", re.I)
_HABITUALLY = re.compile(r"\b(?:has|have|had)\s+(?:repeatedly|frequently|regularly|continuously|often|routinely|"
                         r"systematically)\s+\w+ed\b", re.I)
_SINCE_OPENING = re.compile(r"\s*Since\b")
_PERFECT = re.compile(r"\b(?:have|has)\s+(?:(?:also|now|so far)\s+)?(?:been\s+)?\w+(?:ed|en|wn|ck|ht)\b", re.I)
_ERA = re.compile(r"\b(?:in|during|since) the (?:19|20)\d0s\b|\bdecades? ago\b", re.I)
_WHILE_CLAUSE = re.compile(r"\s*(?:While|Whereas|Although)\b")
_STEPPED_UP = re.compile(r"\b(?:stepped up|stepping up|intensified|intensifying|escalated|escalating|ramped up|"
                         r"increased)\s+(?:[\w-]+\s+){0,5}(?:attacks|strikes|raids|bombings|operations|shelling)\b",
                         re.I)
_TALLY_VERB = re.compile(r"\b(?:recorded|registered|documented|counted|logged|tallied)\b", re.I)
_SCHEDULED = re.compile(r"^[^.;]{0,80}?\b(?:starting|beginning|to begin|to start|concluding|to be completed|"
                        r"to conclude)\s+(?:on|by|in|at)\b", re.I)
_FROM_PLACE = re.compile(r"\b(?:launched|fired|flown|came|coming|originat\w+)\s+from\s+(?:the\s+)?"
                         r"(?:(?:vicinity|direction|area|areas|outskirts)\s+of\s+)?(?:the\s+)?$", re.I)
_ABSTRACT_PLURAL = re.compile(r"\b(?:of|during|for|about|against|to)\s+(?:[\w-]+\s+){0,4}(?:air\s?strikes|strikes|"
                             r"attacks|raids|bombings|drone strikes|air raids)$", re.I)
_THE_WEAPON_SUBJECT = re.compile(r"(?:The|This|That|These|Those|Both)\s+(?:[\w-]+\s+)?(?:drones?|uavs?|missiles?|"
                                 r"rockets?|projectiles?|shells?|mortars?|aircraft)\b(?!\s+(?:attacks?|strikes?)\b)")
_IN_ADDITION = re.compile(r"(?:In addition to|Besides|Alongside|As well as|Apart from)\s+(?:the|this|that|its|their)\s",
                          re.I)


@dataclass
class Reading:
    """One sentence (or list segment) as the loop reads it, and whether it anchors an event."""

    idx: int
    whole: Sentence  # the sentence a segment belongs to
    sent: Sentence
    masked: str  # the text with dates and names blanked
    dates: list[DateMention]
    day_dates: list[DateMention]  # dates to the day or week
    trig: TriggerMention | None
    generic: bool  # a generic attack word ("attack", "strike") rather than a specific one
    enumerated: list[PlaceMention]  # a tally's own list of places after its colon
    listed: bool  # a tally of the "Near X" lines that follow
    listed_strike: bool  # "Near Bayji, three airstrikes": a release's line
    counted: bool
    anchor: bool


def read_sentence(story: Story, idx: int, whole: Sentence, sent: Sentence) -> Reading:
    v = vocabulary.load()
    sents, drafts = story.sents, story.drafts
    masked = masked_text(sent)
    dates = usable_dates(sent, story.article.text)
    day_dates = [d for d in dates if d.value and d.precision in ("day", "week")]
    trig, generic = choose_trigger(sent, masked, reaction_ok=not drafts)
    anchor = trig is not None
    agg = v.aggregate.search(masked)
    if agg and trig is not None and not (agg.start() <= trig.span.start - sent.start < agg.end()) and \
            re.search(r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}$", masked[: trig.span.start - sent.start]):
        agg = None  # "a series of attacks ..., including an attack at Erbil Air Base on Dec. 25": that one
    if agg and trig is not None and not (agg.start() <= trig.span.start - sent.start < agg.end()) and \
            BACKGROUND_CUE.search(masked[: agg.start()]):
        agg = None  # "In response to this series of attacks, ... forces conducted strikes": the cause, told
    # "Near Mosul, three strikes struck ...": a few strikes at one named town, with no period, are
    # that town's event of the day (as strike releases list them)
    one_place = [p for p in sent.places if p.cue in ("at", "near") and
                 gaz_kb.load().entries[p.place_id].precision < 3]
    release_line = bool(RELEASE_LINE.match(sent.text))  # "On July 20, near Raqqa, Syria, 12 strikes engaged ..."
    at_one_place = bool(len(one_place) == 1 and not v.period.search(masked) and (release_line or re.match(
        r"^\s*(?:near|in|at|around|outside)\b", masked[: one_place[0].span.start - sent.start], re.I) or (
            agg is not None and _AT_THE_PLACE.fullmatch(masked[agg.end() : one_place[0].span.start - sent.start])
            and not re.search(r"\bone of\s+$", masked[: agg.start()], re.I))))
    # "claimed responsibility for five attacks on convoys ... today: in Nasiriyah, in al-Diwaniyah, two in
    # Babil governorate and one near Abu Ghraib": the tally's own list, one event per place listed
    colon = masked.find(":", agg.end()) if agg and trig is not None else -1
    enumerated = [p for p in sent.places if p.span.start - sent.start > colon and is_own_place(p)] \
        if colon >= 0 and not v.period.search(masked) else []
    enumerated = enumerated if len(enumerated) >= 2 and day_dates else []
    including = _INCLUDING.search(masked, agg.end()) if agg and trig is not None else None
    if including and not enumerated:
        # "the unrelenting wave of suicide bombings ... that have killed large numbers of civilians, including at
        # least 80 people in Musayyib on Saturday": the one attack of the wave the sentence tells with its day
        named = [p for p in sent.places if p.span.start - sent.start > including.end() and is_own_place(p)]
        dated = [d for d in day_dates if d.span.start - sent.start > including.end()]
        enumerated = named[:1] if named and dated else []
    # "ISIL's multiple suicide attacks in the town of Tel Tamer": one town's coordinated attacks
    if anchor and agg and not enumerated and (not day_dates or v.period.search(sent.text) or large_count(
            agg.group(0)) or _SERIES.search(agg.group(0))):
        # a release's "Near Abu Kamal, 16 strikes engaged ...": however many, that town's strikes of the day
        anchor = at_one_place and not _SERIES.search(agg.group(0)) and (
            not large_count(agg.group(0)) or bool(re.match(r"\s*near\b", masked, re.I)) or release_line)
        # "ISIL launched an attack on the town of Tall Usquf ... || Coalition aircraft conducted 31 strikes in
        # support of the Peshmerga during the fight": the strikes of that fight, where and when it was
        anchor = anchor or bool(story.drafts and not sent.places and not v.period.search(sent.text)
                                and _DURING_THE_FIGHT.search(masked) and story.drafts[-1].place is not None)
    if anchor and agg and _TALLY_VERB.search(masked):
        anchor = False  # "the commission recorded 9 shelling attacks in Idlib": a monitor's count, not a report
    # "On Jan. 20, forces conducted four strikes ... in Syria." above "-- Near Abu Kamal, one strike ...":
    # the tally of the list that follows, which tells each town's strikes
    listed = bool((agg or _COUNTED_TARGETS.search(masked))
                  and not any(gaz_kb.load().entries[p.place_id].kind != "country" for p in sent.places)
                  and any(_LIST_LINE.match(sents[j].text) for j in range(idx + 1, min(len(sents), idx + 4))))
    if anchor and listed:
        anchor = False
    listed_strike = bool(trig is not None and counted_strikes(sent, trig))  # "Near Bayji, three airstrikes"
    counted = generic and listed_strike
    strategic = bool(trig is not None and
                     v.event_type_of.get(trig.sub_event_type or "") == "Strategic developments")
    # the sentence as a whole: "Typhoons flew missions ..., as well as striking another tunnel complex"
    whole_masked = masked if whole is sent else masked_text(whole)
    if anchor and (generic or strategic) and not counted and not (
            v.conflict_signal.search(whole_masked) or any(w.regex.search(whole_masked) for w in v.weapons)
            or any(not a.actor.startswith("Civilians") for a in whole.actors)):
        # "Johnson and Corbyn attacked each other's policies", "a flu outbreak required a temporary
        # suspension": no sign of armed violence or of an armed actor
        anchor = False
    reading = Reading(idx, whole, sent, masked, dates, day_dates, trig, generic, enumerated, listed,
                      listed_strike, counted, anchor)
    if anchor and trig is not None:
        reading.anchor = _tells_new_event(story, reading, trig, at_one_place, strategic)
    return reading


def _tells_new_event(story: Story, r: Reading, trig: TriggerMention, at_one_place: bool, strategic: bool) -> bool:
    """An anchoring trigger's last tests: a generic word that points back, and the sentences that only
    sound like events (plans, campaigns, accidents, strikes talked about)."""
    if r.generic and not r.counted and not _generic_tells_new_event(story, r, trig, at_one_place):
        return False
    v = vocabulary.load()
    sent, masked, dates, day_dates, drafts = r.sent, r.masked, r.dates, r.day_dates, story.drafts
    before = masked[: trig.span.start - sent.start]
    if trig.sub_event_type == "Arrests" and drafts and not day_dates and not any(
            is_own_place(p) for p in sent.places):
        return False  # "... was shot and killed. Local police detained the victim's family": the aftermath
    if strategic and _SCHEDULED.search(masked[trig.span.end - sent.start :]):
        return False  # "directed the withdrawal ... starting on May 1 and concluding by September 11": a plan
    if not dates and _PROGRESSIVE.search(before):
        return False  # "forces are working with partners in conducting airstrikes": an ongoing campaign
    if not dates and _PLURAL_PERFECT.search(masked[: trig.span.end - sent.start]):
        return False  # "In response, forces have conducted discrete strikes against ... in Yemen": a campaign
    if dates and not any(d.precision == "day" for d in dates) and v.period.search(sent.text):
        return False  # "In the last week, 21 terrorists were neutralized in northern Iraq and Syria": a week's tally
    if not day_dates and _CONDITION.match(sent.text):
        # "If the forces of terror begin a deliberate campaign to disrupt our efforts, we stand ready to apply the
        # capabilities required to thwart them": what may happen, and what would answer it
        return False
    if drafts and not day_dates and _BLAMED_FOR_IT.search(before):
        return False  # "Haniyeh was assassinated ... Hamas blamed the Israeli regime for the assassination"
    if _TALKED_ABOUT.search(before):
        return False  # "The IDF does not usually comment on specific strikes in Syria": strikes talked about
    if _NONE_OF.search(before):
        return False  # "No shelling attacks by illegal armed groups were recorded": none happened
    if v.accident.search(masked):
        return False  # "five U.S. service members were killed when their helicopter crashed during training"
    if not day_dates and _MANY_TARGETS.search(sent.text):
        return False  # "The Houthis had attacked more than 100 commercial vessels ... from November 2023": a tally
    if not day_dates and _PERFECT_SINCE.search(sent.text):
        return False  # "Turkey has conducted intensified air and ground operations ... since April": a campaign
    if not day_dates and _ALREADY_REPORTED.match(sent.text):
        return False  # "As I reported on October 27, ... forces conducted strikes": told before, undated here
    if not dates and not sent.places and _ABSTRACT_PLURAL.search(
            masked[max(0, trig.span.start - sent.start - 40) : trig.span.end - sent.start]):
        return False  # "precautions during the planning and execution of airstrikes": strikes in general
    if not r.generic and not day_dates and re.search(r"s$", trig.span.text) and re.search(
            r"\b(?:these|those)\s+(?:[\w-]+\s+){0,2}$", before):
        return False  # "civilians keep dying from these airstrikes": the strikes talked about, not told
    if not day_dates and drafts and _IN_ADDITION.match(sent.text):
        return False  # "In addition to the armed assault, the assailants fired a rocket": the same attack
    year = _YEAR_BEFORE.search(sent.text)
    published = story.article.published
    if year and published is not None and int(year.group(1)) < published.year and not day_dates:
        return False  # "responsible for the 1983 bombing of the US Embassy in Beirut": history, not news
    if not day_dates and trig.span.text.lower().endswith("ing") and not _ING_NOUN.search(trig.span.text) and \
            _CONDUCT_LIST.search(before):
        return False  # "malign actions ..., including taking control of much of Yemen, attacking U.S. partners"
    if not day_dates and _HABITUALLY.search(masked):
        return False  # "The Zionist entity has repeatedly targeted Damascus International Airport": a pattern
    if _SINCE_OPENING.match(sent.text) and _PERFECT.search(masked):
        return False  # "Since the protests erupted on Oct. 1, more than 350 people have been killed": a running toll
    if not day_dates and (_ERA.search(sent.text) or _WHILE_CLAUSE.match(sent.text)):
        return False  # "which fought a civil war in the 1990s", "While Israel fought Hezbollah ...": background
    if drafts and not day_dates and _TOOK_PART.search(before):
        return False  # "Partner nations ... also participated in or supported the airstrikes": who else took part
    if not day_dates and _STEPPED_UP.search(masked):
        return False  # "has stepped up suicide and car bomb attacks in and around the capital": a trend
    # "since the last report, forces have conducted airstrikes": a period, not an event
    return r.generic or bool(day_dates) or not v.period.search(masked)


def _scene_set_before(story: Story, idx: int) -> bool:
    """The sentence before gives a day and a place and tells no event itself: it sets the scene."""
    if idx == 0 or story.drafted(idx - 1):
        return False
    prior = story.sents[idx - 1]
    return prior.paragraph == story.sents[idx].paragraph and not prior.triggers and tells_a_day(prior) and any(
        p.cue not in ("patron", "dateline") and gaz_kb.load().entries[p.place_id].kind != "country"
        for p in prior.places)


_DURING_THE_FIGHT = re.compile(r"\bduring\s+the\s+(?:fight|fighting|battle|attack|assault|clashes|engagement)\b", re.I)
_CONDITION = re.compile(r"\s*(?:If|Unless|Should|Whenever|In case|In the event that)\b[^.;]*?,\s"
                        r"(?=(?:we|they|it|he|she|I|you|our|their|this|these|there|the\s+United\s+States)\b)")
_BLAMED_FOR_IT = re.compile(r"\b(?:blam(?:ed|es|ing)|held|holds|accus(?:ed|es|ing)|condemn(?:ed|s|ing))\b[^.;]{0,60}?"
                            r"\b(?:for|of|over)\s+(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+)?$", re.I)
_TALKED_ABOUT = re.compile(r"\b(?:comment(?:s|ed|ing)?|speak(?:s|ing)?|spoke|talk(?:s|ed|ing)?|remark(?:s|ed)?)\s+"
                           r"(?:publicly\s+)?(?:on|about|upon)\s+(?:the\s+|such\s+|specific\s+|individual\s+|"
                           r"reported\s+|alleged\s+){0,2}$", re.I)
_NONE_OF = re.compile(r"(?:^|[^\w-])(?:no(?!\s+(?:fewer|less|more|longer|sooner|doubt)\b)"
                      r"|zero|not a single|not one|nor any)"
                      r"\s+(?:[\w-]+\s+){0,2}$", re.I)
_TOOK_PART = re.compile(r"\b(?:participated|took\s+part|joined|assisted|supported|contributed)\s+"
                        r"(?:(?:in|to)\s+)?(?:or\s+\w+\s+(?:in\s+|to\s+)?)?(?:the|these|those)\s+(?:[\w-]+\s+){0,2}$",
                        re.I)
_TALLY_LOOKBACK = 3


def _tally_told_before(story: Story, idx: int) -> bool:
    """One of the few sentences before counts strikes or attacks of a day without naming a town."""
    v, g = vocabulary.load(), gaz_kb.load()
    for k in range(idx - 1, max(-1, idx - 1 - _TALLY_LOOKBACK), -1):
        prior = story.sents[k]
        if prior.triggers and v.aggregate.search(masked_text(prior)) and not v.period.search(prior.text) and \
                tells_a_day(prior) and not any(g.entries[p.place_id].precision < 3 for p in prior.places):
            return True
    return False


def _generic_tells_new_event(story: Story, r: Reading, trig: TriggerMention, at_one_place: bool) -> bool:
    """A generic attack word ("attacked", "the strikes", "killed") tells a new event only with something of
    its own: its own day or place, an order, a weapon another force used; else it points back."""
    v = vocabulary.load()
    sent, masked, day_dates, drafts = r.sent, r.masked, r.day_dates, story.drafts
    text = story.article.text
    before = sent.text[: trig.span.start - sent.start]
    if not drafts and (CONDEMNED_ATTACK.search(masked) or CONDEMNED_ATTACK.search(sent.text)):
        return True  # "I condemn the terrorist attack targeting the residence of ...": the statement's event
    plural = bool(_PLURAL_GENERIC.match(trig.span.text))
    # "the rockets were launched from the vicinity of Shaddadi": where they came from is no new event
    own_place = any(p.cue != "patron" and gaz_kb.load().entries[p.place_id].kind != "country"
                    and not _FROM_PLACE.search(text[max(0, p.span.start - 40) : p.span.start])
                    for p in sent.places)
    # "the strikes" points back; "These strikes answered ..., including an attack at Erbil on
    # Dec. 25" still reports that attack
    definite = definite_noun(sent, trig) or (not day_dates and any(
        definite_noun(sent, t) for t in sent.triggers if not t.sub_event_type))
    ordered = bool(ORDERED.search(before))
    first_told = definite and not drafts and bool(day_dates) and own_place
    # "The attack was a horrific act of terror ... early on Sunday in Karrada, Baghdad": a statement's
    # first words on its event point back to a headline, but they are its report
    # "... in response to the Aug. 15 attack. In that attack, drones targeted al-Tanf": the attack that was
    # only named as a cause is told here
    cause_told = definite and own_place and r.idx > 0 and bool(IN_THAT_ATTACK.match(sent.text)) and (
        (named := named_attack_date(story.sents[r.idx - 1])) is not None
        and not any(d.date is not None and d.date.value == named.value for d in drafts))
    if definite and own_place and not drafts and not day_dates and _tally_told_before(story, r.idx):
        # "... to conduct 14 strikes against ISIL targets in Syria, officials said today. || The strikes destroyed
        # targets in the vicinity of Ar Raqqah in the north, Dayr az Zawr and Abu Kamal in the east": a tally
        # without towns, then where its strikes fell
        return True
    if (plural and not day_dates and not at_one_place and not ordered) or (
            definite and not first_told and not cause_told):
        return False  # "the Erbil attack", "the strikes": a reference back, not a new event
    if ORDINAL.search(before) and weapon_near(sent, trig.span.start - sent.start, trig.span.end - sent.start):
        return True  # "The first convoy was struck with an IED ...": one of several events told in turn
    if day_dates and ONE_OF.search(before):
        return True  # "This followed a series of attacks. One such attack, on March 23, killed ...": one of them
    if _THE_WEAPON_SUBJECT.match(sent.text) and any(d.paragraph == sent.paragraph for d in drafts):
        return False  # "... launched an armed drone. The drone crashed in an open area": the same
    armed = any(w.regex.search(masked) for w in v.weapons)
    if RESPONSE_VERB.match(trig.span.text) and armed:
        return True  # "U.S. forces responded with AH-64 Apache attack helicopters ...": the answer is an event
    if drafts and drafts[-1].actor1 is not None and armed and any(
            a.span.end <= trig.span.start and is_force(a.actor) and a.actor != drafts[-1].actor1.actor
            and a.actor != (drafts[-1].actor2.actor if drafts[-1].actor2 else None) for a in sent.actors):
        # "Houthi terrorists fired one anti-ship ballistic missile ... United States Central Command then
        # engaged and destroyed four UAVs in Houthi-controlled areas of Yemen": another force's own act
        return True
    if sent.paragraph in story.opening_dates and not any(d.paragraph == sent.paragraph for d in drafts) and \
            v.state_platforms.search(masked[: trig.span.start - sent.start]):
        return True  # "On Saturday 18 November, Tornados patrolled ... The Tornados conducted an attack": that day's
    if not own_place and not day_dates and _scene_set_before(story, r.idx) and any(
            not a.actor.startswith("Civilians") for a in sent.actors):
        # "The worst incident of the week happened late on December 2 in the village of Luhaiban in Makhmour
        # district. IS fighters attacked the village killing three villagers": the scene, then its event
        return True
    days = {x.value for x in day_dates}
    if not own_place and not ordered and (not day_dates or any(
            d.paragraph == sent.paragraph and ((not NOUN_TRIGGER.match(trig.span.text) and (
                TOLL_VERB.match(trig.span.text) or d.date is None or d.date.value in days)) or (
                d.date is not None and d.date.value in days)) for d in drafts)):
        # ("Typhoons destroyed ... on Wednesday 14 February. Operations continued on Friday 16 February,
        # ..., destroying five positions": a strike on another day is another event)
        # "... he succumbed to his wounds on 8 January" goes on; "a raid on January 25" after a
        # strike on January 20 is another event
        return False  # a bare "killed"/"hit" with only a date continues the event before it
    return not (v.period.search(masked) and not day_dates)
