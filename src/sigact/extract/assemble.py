"""The extraction loop: anchors sentences to events and assembles each event's parts."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from sigact.casualties import find_casualties
from sigact.extract.cues import (
    AIR_VERBS,
    BACKGROUND_CUE,
    CAUSES,
    CLAIM,
    CONDEMNED_ATTACK,
    DENIED,
    NOUN_TRIGGER,
    ONE_OF,
    ORDERED,
    TOLL_VERB,
    UNKNOWN_ACTORS,
)
from sigact.extract.drafts import Draft, freeze
from sigact.extract.followups import (
    continue_draft,
    coordinated_days,
    counted_strikes,
    named_attack_date,
    own_forces,
    prompting_attacks,
    story_striker,
)
from sigact.extract.placing import pick_places, place_just_named, segments
from sigact.extract.roles import assign_roles, is_armed_group, is_armed_party, is_force, target_text
from sigact.extract.triggers import (
    choose_trigger,
    definite_noun,
    external_state,
    is_heading,
    is_headline,
    is_own_place,
    is_question_turn,
    large_count,
    masked_text,
    usable_dates,
)
from sigact.extract.weapons import aircraft_before, context_weapon, weapon_near
from sigact.knowledge import gazetteer as gaz_kb
from sigact.knowledge import vocabulary
from sigact.records import ActorMention, AnalysedArticle, DateMention, EventFrame, Sentence, Span, TriggerMention

_PROGRESSIVE = re.compile(r"\b(?:are|is|remain|remains)\s+(?:\w+ly\s+)?(?!being\b)\w+ing\b")
_PLURAL_PERFECT = re.compile(r"\b(?:have|has)\s+(?:also\s+|since\s+|repeatedly\s+)?(?:conducted|carried out|launched|"
                             r"executed|undertaken)\s+(?:(?!an?\b|one\b)[\w-]+\s+){0,3}(?:strikes|airstrikes|"
                             r"air strikes|attacks|raids|operations)$", re.I)
_TARGET_HEAD = re.compile(r"\b(convoy|base|outpost|garrison|patrol|checkpoint|embassy)s?\b", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+(?:[\w.-]+\s+){1,3}|announced|reported|stated|confirmed|added|"
                          r"claimed|acknowledged|disclosed)\s+(?:(?:late|early)\s+)?$", re.I)
_PERFECT_SINCE = re.compile(r"\b(?:has|have)\s+(?:(?:also|repeatedly|increasingly|regularly|frequently)\s+)?"
                            r"(?:been\s+)?\w+(?:ed|en|ne|un|ught)\b[^.;]*\bsince\b", re.I)
_ALREADY_REPORTED = re.compile(r"^\s*As\s+(?:(?:I|we|has been|was|had been)\s+)?(?:have\s+|had\s+)?(?:previously\s+)?"
                               r"(?:reported|announced|informed|notified)\b", re.I)
_SERIES = re.compile(r"\b(?:series|waves?|string|spate|campaign) of\b", re.I)
_PLURAL_GENERIC = re.compile(r"^(?:attacks|strikes|raids|assaults|bombings|explosions|blasts)$", re.I)
_LIST_LINE = re.compile(r"^\s*(?:--\s*)?Near\s+[A-Z]")
_AT_THE_PLACE = re.compile(r"\s+(?:in|at|on|near|against|targeting)\s+(?:the\s+)?(?:(?:town|city|village|district|"
                           r"neighbou?rhood|area|market|province)\s+of\s+)?", re.I)
# "measures ... in response to a fatal attack on 14 January": that date is the cause's, not the event's
_CAUSE_BETWEEN = re.compile(rf"\b(?:{CAUSES}|following|after|amid|in the wake of)\b", re.I)
_SCHEDULED = re.compile(r"^[^.;]{0,80}?\b(?:starting|beginning|to begin|to start|concluding|to be completed|"
                        r"to conclude)\s+(?:on|by|in|at)\b", re.I)
_RAID = re.compile(r"^raid(?:s|ed)?$", re.I)
_GROUND_RAID = re.compile(r"\b(?:direct[- ]action|ground|commando|special (?:forces|operations)|heliborne|"
                          r"helicopter(?:-borne)?|night|partnered|joint|combined|house|search|security)\s+raids?\b",
                          re.I)
_CAPTURE = re.compile(r"(?<!\bto )\b(?:captur|detain|detention|arrest|apprehen)\w*", re.I)
_ORDINAL = re.compile(r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|another|other|latest)\s+(?:[\w-]+\s+){0,2}$"
                      r"|^\s*(?:the\s+)?(?:first|second|third|fourth|fifth|another)\b", re.I)
_FROM_PLACE = re.compile(r"\b(?:launched|fired|flown|came|coming|originat\w+)\s+from\s+(?:the\s+)?"
                         r"(?:(?:vicinity|direction|area|areas|outskirts)\s+of\s+)?(?:the\s+)?$", re.I)

# an opening clause up to its comma: "following the Jan. 15 attack on ..., U.S. forces struck"
_PRIOR_EVENT_OPENING = re.compile(rf"\b(?:{CAUSES}|following|after|in the wake of)\b[^.;]*?,\s", re.I)
_BARE_STRIKE = re.compile(r"^strikes?$", re.I)
_NOT_ARMED_STRIKE = re.compile(r"\b(?:hunger|general|labou?r|workers['’]?|union|teachers['’]?|nationwide)\s+$", re.I)
_NEXT_DAY = re.compile(r"\b(?:the\s+)?(?:following|next)\s+day\b|"
                       r"\bthe day after\b(?!\s+(?:the|a|an|his|her|its|their)\b)", re.I)

_RESPONSE_OPENING = re.compile(rf"\b(?:{CAUSES})\b[^.;]*?,\s", re.I)


_TRAILING_CAUSE = re.compile(r",\s+(?:(?:just|only|less than|more than|some)\s+)?(?:(?:a|an|one|two|three|four|five|"
                             r"six|several|\d+)\s+)?(?:(?:days?|weeks?|hours?|months?)\s+)?(?:after|following|in "
                             r"response to|in retaliation for)\s", re.I)


def _without_cause(sent: Sentence, trig: TriggerMention) -> Sentence:
    """The sentence without the places and parties of an opening or closing cause: "In response to attacks
    against coalition forces in Iraq and Syria, U.S. forces conducted airstrikes against facilities
    used by Kataib Hezbollah in Iraq" strikes Kataib Hezbollah in Iraq, not the coalition in Syria."""
    local = trig.span.start - sent.start
    for m in _RESPONSE_OPENING.finditer(sent.text):
        if m.start() <= local < m.end():
            return sent  # the trigger is the cause's own
        if m.end() <= local:
            lo, hi = sent.start + m.start(), sent.start + m.end()
            places = tuple(p for p in sent.places if not lo <= p.span.start < hi)
            actors = tuple(a for a in sent.actors if not lo <= a.span.start < hi)
            return replace(sent, places=places or sent.places, actors=actors)
    # "..., the ministry announced Sunday, a week after a deadly terror attack in Istanbul": a closing cause
    tail = _TRAILING_CAUSE.search(sent.text, local)
    if tail:
        lo = sent.start + tail.start()
        places = tuple(p for p in sent.places if p.span.start < lo)
        return replace(sent, places=places or sent.places, actors=tuple(a for a in sent.actors if a.span.start < lo))
    return sent


def _dominant_group(sents: tuple[Sentence, ...]) -> ActorMention | None:
    """The armed group a document names most, if it is named at least twice and more than all others."""
    mentions = [a for s in sents for a in s.actors if is_armed_group(a.actor)]
    counts: dict[str, int] = {}
    for a in mentions:
        counts[a.actor] = counts.get(a.actor, 0) + 1
    if not counts:
        return None
    top = max(counts, key=lambda k: counts[k])
    if counts[top] < 2 or counts[top] * 2 <= len(mentions):
        return None
    return next(a for a in mentions if a.actor == top)


def extract(analysed: AnalysedArticle) -> list[EventFrame]:
    v = vocabulary.load()
    article = analysed.article
    sents = analysed.sentences
    drafts: list[Draft] = []
    history: list[ActorMention] = []
    claimants: set[str] = set()
    continuing: list[Draft] = []  # events the current run of sentences adds to
    lead_date: DateMention | None = None
    opening_dates: dict[int, DateMention] = {}  # "On Monday 4 March, a pair of Typhoons ...": the paragraph's day
    dominant = _dominant_group(sents)  # the armed group the document is about, if one stands out

    for idx, whole, sent in [(i, w, piece) for i, w in enumerate(sents) for piece in segments(w)]:
        if is_headline(article.title, whole, len(article.paragraphs)) or is_heading(whole):
            continue
        if whole.text.rstrip(" \"”’)").endswith("?") or is_question_turn(article.text, whole):
            history.extend(sent.actors)
            continue  # a question (or a reporter's turn in a transcript) asks; it does not report
        masked = masked_text(sent)
        dates = usable_dates(sent, article.text)
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
        at_one_place = bool(len(one_place) == 1 and not v.period.search(masked) and (re.match(
            r"^\s*(?:near|in|at|around|outside)\b", masked[: one_place[0].span.start - sent.start], re.I) or (
                agg is not None and _AT_THE_PLACE.fullmatch(masked[agg.end() : one_place[0].span.start - sent.start])
                and not re.search(r"\bone of\s+$", masked[: agg.start()], re.I))))
        # "claimed responsibility for five attacks on convoys ... today: in Nasiriyah, in al-Diwaniyah, two in
        # Babil governorate and one near Abu Ghraib": the tally's own list, one event per place listed
        colon = masked.find(":", agg.end()) if agg and trig is not None else -1
        enumerated = [p for p in sent.places if p.span.start - sent.start > colon and is_own_place(p)] \
            if colon >= 0 and not v.period.search(masked) else []
        enumerated = enumerated if len(enumerated) >= 2 and day_dates else []
        # "ISIL's multiple suicide attacks in the town of Tel Tamer": one town's coordinated attacks
        if anchor and agg and not enumerated and (not day_dates or v.period.search(sent.text) or large_count(
                agg.group(0)) or _SERIES.search(agg.group(0))):
            # a release's "Near Abu Kamal, 16 strikes engaged ...": however many, that town's strikes of the day
            anchor = at_one_place and not _SERIES.search(agg.group(0)) and (
                not large_count(agg.group(0)) or bool(re.match(r"\s*near\b", masked, re.I)))
        # "On Jan. 20, forces conducted four strikes ... in Syria." above "-- Near Abu Kamal, one strike ...":
        # the tally of the list that follows, which tells each town's strikes
        listed = bool(agg and not any(gaz_kb.load().entries[p.place_id].kind != "country" for p in sent.places)
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
        if anchor and counted:
            pass  # "Near X, two strikes destroyed ...": a release's line is an event even where X is unknown
        elif anchor and generic and not drafts and (CONDEMNED_ATTACK.search(masked) or
                                                    CONDEMNED_ATTACK.search(sent.text)):
            pass  # "I condemn the terrorist attack targeting the residence of ...": the statement's event
        elif anchor and generic:
            plural = bool(_PLURAL_GENERIC.match(trig.span.text))  # type: ignore[union-attr]
            # "the rockets were launched from the vicinity of Shaddadi": where they came from is no new event
            own_place = any(p.cue != "patron" and gaz_kb.load().entries[p.place_id].kind != "country"
                            and not _FROM_PLACE.search(article.text[max(0, p.span.start - 40) : p.span.start])
                            for p in sent.places)
            # "the strikes" points back; "These strikes answered ..., including an attack at Erbil on
            # Dec. 25" still reports that attack
            definite = definite_noun(sent, trig) or (not day_dates and any(
                definite_noun(sent, t) for t in sent.triggers if not t.sub_event_type))
            ordered = bool(ORDERED.search(sent.text[: trig.span.start - sent.start]))
            first_told = definite and not drafts and bool(day_dates) and own_place
            # "The attack was a horrific act of terror ... early on Sunday in Karrada, Baghdad": a statement's
            # first words on its event point back to a headline, but they are its report
            # "... in response to the Aug. 15 attack. In that attack, drones targeted al-Tanf": the attack that was
            # only named as a cause is told here
            cause_told = definite and own_place and idx > 0 and bool(_IN_THAT_ATTACK.match(sent.text)) and (
                (named := named_attack_date(sents[idx - 1])) is not None
                and not any(d.date is not None and d.date.value == named.value for d in drafts))
            if (plural and not day_dates and not at_one_place and not ordered) or (
                    definite and not first_told and not cause_told):
                anchor = False  # "the Erbil attack", "the strikes": a reference back, not a new event
            elif _ORDINAL.search(sent.text[: trig.span.start - sent.start]) and \
                    weapon_near(sent, trig.span.start - sent.start, trig.span.end - sent.start):
                pass  # "The first convoy was struck with an IED ...": one of several events told in turn
            elif day_dates and ONE_OF.search(sent.text[: trig.span.start - sent.start]):
                pass  # "This followed a series of attacks. One such attack, on March 23, killed ...": one of them
            elif _THE_WEAPON_SUBJECT.match(sent.text) and any(d.paragraph == sent.paragraph for d in drafts):
                anchor = False  # "... launched an armed drone. The drone crashed in an open area": the same
            elif _RESPONSE_VERB.match(trig.span.text) and any(w.regex.search(masked) for w in v.weapons):
                pass  # "U.S. forces responded with AH-64 Apache attack helicopters ...": the answer is an event
            elif drafts and drafts[-1].actor1 is not None and any(w.regex.search(masked) for w in v.weapons) and any(
                    a.span.end <= trig.span.start and is_force(a.actor) and a.actor != drafts[-1].actor1.actor
                    and a.actor != (drafts[-1].actor2.actor if drafts[-1].actor2 else None) for a in sent.actors):
                # "Houthi terrorists fired one anti-ship ballistic missile ... United States Central Command then
                # engaged and destroyed four UAVs in Houthi-controlled areas of Yemen": another force's own act
                pass
            elif sent.paragraph in opening_dates and not any(d.paragraph == sent.paragraph for d in drafts) and \
                    v.state_platforms.search(masked[: trig.span.start - sent.start]):
                pass  # "On Saturday 18 November, Tornados patrolled ... The Tornados conducted an attack": that day's
            elif not own_place and not ordered and (not day_dates or any(
                    d.paragraph == sent.paragraph and ((not NOUN_TRIGGER.match(trig.span.text) and (
                        TOLL_VERB.match(trig.span.text) or d.date is None
                        or d.date.value in {x.value for x in day_dates})) or (
                        d.date is not None and d.date.value in {x.value for x in day_dates})) for d in drafts)):
                # ("Typhoons destroyed ... on Wednesday 14 February. Operations continued on Friday 16 February,
                # ..., destroying five positions": a strike on another day is another event)
                # "... he succumbed to his wounds on 8 January" goes on; "a raid on January 25" after a
                # strike on January 20 is another event
                anchor = False  # a bare "killed"/"hit" with only a date continues the event before it
            elif v.period.search(masked) and not day_dates:
                anchor = False
        if anchor and trig is not None and trig.sub_event_type == "Arrests" and drafts and not day_dates and not any(
                is_own_place(p) for p in sent.places):
            anchor = False  # "... was shot and killed. Local police detained the victim's family": the aftermath
        if anchor and strategic and _SCHEDULED.search(masked[trig.span.end - sent.start :]):  # type: ignore[union-attr]
            anchor = False  # "directed the withdrawal ... starting on May 1 and concluding by September 11": a plan
        if anchor and not dates and _PROGRESSIVE.search(masked[: trig.span.start - sent.start]):  # type: ignore[union-attr]
            anchor = False  # "forces are working with partners in conducting airstrikes": an ongoing campaign
        if anchor and not dates and _PLURAL_PERFECT.search(masked[: trig.span.end - sent.start]):  # type: ignore[union-attr]
            anchor = False  # "In response, forces have conducted discrete strikes against ... in Yemen": a campaign
        if anchor and v.accident.search(masked):
            anchor = False  # "five U.S. service members were killed when their helicopter crashed during training"
        if anchor and not day_dates and _PERFECT_SINCE.search(sent.text):
            anchor = False  # "Turkey has conducted intensified air and ground operations ... since April": a campaign
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
        claim = CLAIM.search(sent.text)
        if claim and not DENIED.search(sent.text):
            for a in sent.actors:
                if a.span.end - sent.start <= claim.start() and not a.actor.startswith(UNKNOWN_ACTORS):
                    claimants.add(a.actor)
        if not anchor:
            if day_dates and day_dates[0].span.start - sent.start <= 3 and sent.paragraph not in opening_dates:
                opening_dates[sent.paragraph] = day_dates[0]
            if lead_date is None and not drafts and day_dates and sent.triggers and sent.paragraph <= 1:
                lead_date = day_dates[0]  # "On Jan. 8, forces conducted 34 strikes ...": the day the list is of
            elif listed and day_dates:
                lead_date = day_dates[0]  # a report of several days: "On Jan. 20, forces conducted four strikes"
            continue_draft(continuing, sent, idx, drafts)
            told = next((t for t in sent.triggers if definite_noun(sent, t)), None)
            if told is not None and continuing:
                # "These strikes were in direct response to ..., including the attack on Al-Asad Air Base on
                # Jan. 20": the attack answered, told with its own place and day, is reported too
                known = {(d.date.value if d.date else None, d.place.place_id if d.place else None) for d in drafts}
                drafts.extend(p for p in prompting_attacks(sent, idx, told, None, article.text)
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
            # "following the Jan. 15 attack on the M/V Gibraltar Eagle, U.S. forces struck ... on Jan. 16": the
            # opening cause's day is not the strike's
            opening = next((m for m in _PRIOR_EVENT_OPENING.finditer(masked)
                            if m.end() <= trig.span.start - sent.start), None)
            if opening is not None:
                cand = [d for d in cand if not sent.start + opening.start() <= d.span.start < sent.start + opening.end()
                        ] or cand
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
        if date is not None and date.precision == "month" and date.value and article.published and \
                (date.value.year, date.value.month) < (article.published.year, article.published.month):
            history.extend(sent.actors)
            continue  # "In February, a rocket barrage on the airport killed ...": background of an earlier month
        if date is None and idx > 0 and _IN_THAT_ATTACK.match(sent.text):
            date = named_attack_date(sents[idx - 1])  # "... the Aug. 15 attack. In that attack, drones ..."
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
        sequel = _NEXT_DAY.search(sent.text)
        if sequel and date_source != "sentence":
            # "Tornados ... the following day bombed a Daesh observation post": the day after the one told before
            prior = next((d.date for d in reversed(drafts) if d.date is not None and d.date.value), None) or lead_date
            if prior is not None and prior.value is not None and prior.precision == "day":
                value = prior.value + timedelta(days=1)
                if article.published is None or value <= article.published:
                    date = DateMention(Span(sent.start + sequel.start(), sent.start + sequel.end(), sequel.group(0)),
                                       value, "day")
                    date_source = "sentence"
        if date is not None and date.value and article.published and \
                (article.published - date.value).days > 366:
            history.extend(sent.actors)
            continue  # background: years before publication
        if lead_date is None and date is not None:
            lead_date = date
        scene = _without_cause(sent, trig)
        actor1, status, claimed, actor2 = assign_roles(scene, trig, history, claimants)
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
        weapon = weapon_near(sent, trig.span.start - sent.start, trig.span.end - sent.start)
        if generic or not sub:
            if weapon is None and counted:
                weapon = ("airstrike", "Air/drone strike")  # "two strikes destroyed ...": strikes are from the air
            ground = bool(_RAID.match(trig.span.text) and _GROUND_RAID.search(
                sent.text[max(0, trig.span.start - sent.start - 30) : trig.span.end - sent.start]))
            if ground and weapon is not None and weapon[0] == "airstrike":
                weapon = None  # "a helicopter raid": the helicopters carried the troops

            if weapon is None and not ground:  # a commando raid is not typed by the air strikes told before
                weapon = context_weapon(drafts, sents, idx, actor1.actor if actor1 else None,
                                         actor2.actor if actor2 else None)
            if weapon is None and _BARE_STRIKE.match(trig.span.text) and not _NOT_ARMED_STRIKE.search(
                    sent.text[max(0, trig.span.start - sent.start - 20) : trig.span.start - sent.start]):
                weapon = ("airstrike", "Air/drone strike")  # "strikes hit a house in Mustaba District": from the air
            if weapon is not None:
                sub = weapon[1]
            elif ground and actor2 is not None and (is_force(actor2.actor) or is_armed_group(actor2.actor)):
                sub = "Armed clash"  # "a direct action raid ... to capture an ISIS leader": a ground fight
            elif AIR_VERBS.match(trig.span.text) and external_state(sent, trig):
                sub, weapon = "Air/drone strike", ("airstrike", "Air/drone strike")
            else:
                sub = "Attack"
        if _RAID.match(trig.span.text) and _CAPTURE.search(sent.text) and not cas.killed:
            sub, weapon = "Arrests", None  # "a raid ... resulted in the capture of an ISIS leader": a ground raid
        method = weapon[0] if weapon else None
        if sub == "Shelling/artillery/missile attack" and method in (None, "missile", "rocket", "airstrike") and \
                aircraft_before(sent, trig.span.start - sent.start):
            sub, method = "Air/drone strike", "airstrike"  # missiles an aircraft fires make an air strike
        if sub == "Attack" and method == "small_arms" and not any(
                a.actor.startswith("Civilians") for a in sent.actors):
            sub = "Armed clash"
        elif sub == "Attack" and method is None and actor2 is not None and is_armed_party(actor2.actor) and not any(
                a.actor.startswith("Civilians") for a in sent.actors):
            sub = "Armed clash"  # an attack of unstated means on armed forces is a battle, not violence on civilians
        if v.event_type_of.get(sub) == "Strategic developments" or sub in ("Armed clash",):
            method = method if sub == "Disrupted weapons use" else None
        if sub == "Air/drone strike" and method not in ("drone", "airstrike"):
            method = "drone" if re.search(r"\bdrones?\b|\buavs?\b", sent.text, re.I) else "airstrike"
        if actor1 is None and sub == "Air/drone strike" and listed_strike:
            striker, struck = story_striker(sents, idx)
            if striker is not None:  # a release's list: "Near Bayji, one strike struck ...", "three airstrikes"
                actor1, status = striker, "confirmed"
                actor2 = actor2 or struck  # "... continued to attack ISIL terrorists": whom the list's strikes hit
        before_trig = sent.text[: trig.span.start - sent.start]
        if actor1 is None and _FURTHER.search(before_trig[-40:]):
            # "...; a further strike in Syria, north-west of Abu Kamal, destroyed a vehicle": the same striker
            same = [d for d in drafts if d.sentences[0] == idx and d.actor1 is not None]
            if same:
                actor1, status = same[-1].actor1, same[-1].actor1_status
        if actor1 is None and v.event_type_of.get(sub) in ("Explosions/Remote violence", "Battles") and (
                _OUR_FORCES.search(before_trig) or v.state_platforms.search(before_trig[-80:])):
            # "Our aircraft were tasked to strike", "a Reaper ... used a Hellfire missile": the writer's forces
            own = own_forces(sents, idx)
            if own is not None:
                actor1, status = own, "confirmed"
        platform = v.state_platforms.search(before_trig)
        if actor1 is not None and platform and actor1.span.start > sent.start + platform.start() and \
                v.event_type_of.get(sub) in ("Explosions/Remote violence", "Battles"):
            # "Tornados continued to support Iraqi Security Forces ... and bombed a Daesh post", "Typhoons
            # destroyed an excavator used by the terrorists": the warplanes named first did it
            own = own_forces(sents, idx)
            if own is not None and own.actor != actor1.actor:
                if actor2 is None and not is_force(actor1.actor):
                    actor2 = actor1
                actor1, status = own, "confirmed"
        if actor1 is None and sub == "Air/drone strike" and method == "airstrike":
            # "US air strikes in eastern Syria killed 14 ... The airstrikes hit an ammunition depot": the
            # warplanes of the force whose air strikes the story has told
            told = next((d for d in reversed(drafts) if d.sub_event_type == "Air/drone strike"
                         and d.method == "airstrike" and d.actor1 is not None and is_force(d.actor1.actor)
                         and d.paragraph >= sent.paragraph - 3), None)
            if told is not None:
                actor1, status = told.actor1, told.actor1_status
        if _FIRST_PERSON_ORDER.search(before_trig) and (actor1 is None or ORDERED.search(before_trig)):
            # "At my direction ... I directed precision strikes": the writer's forces; "the President
            # directed strikes against locations used by KH": KH is the target
            own = own_forces(sents, idx)
            if own is not None and (actor1 is None or actor1.actor != own.actor):
                actor2 = actor2 or actor1
                actor1, status = own, "confirmed"
        if actor1 is not None and is_force(actor1.actor) and (actor2 is None or actor2.actor == actor1.actor or
                                                              actor2.actor.startswith("Unidentified Armed Group")) \
                and sub in ("Air/drone strike", "Shelling/artillery/missile attack"):
            # "Typhoons destroyed a mechanical excavator, used by the terrorists" in an update on the fight
            # against Daesh: a state's strike on no named group hits the group the document is about
            actor2 = dominant or actor2
        target = target_text(sent, trig)
        head = _TARGET_HEAD.search(target or "")
        if actor2 is None and head is not None:
            # "convoys transporting supplies for the US-led Global Coalition ... On Monday, three convoys were hit":
            # the convoys (bases, patrols) the story has said whose they are
            kind = head.group(1).lower()
            owner = next((d.actor2 for d in reversed(drafts) if d.actor2 is not None and d.target and
                          re.search(rf"\b{kind}", d.target, re.I)), None)
            actor2 = owner if owner is not None and (actor1 is None or owner.actor != actor1.actor) else None
        places = enumerated or pick_places(scene)
        place_source = "sentence" if places else "none"
        if not places and _UNKNOWN_PLACE.match(sent.text):
            pass  # "Near Qasr al-Nadhir, one strike ...": a place we do not know, not the one before
        elif not places and sub in v.declared:
            pass  # "On Jan. 30, Kataib Hezbollah announced it was suspending operations": not where it last struck
        elif not places:
            # the same story goes on: the place of the event this sentence took its date from
            prev = [d for d in drafts if d.place is not None and (
                d.paragraph == sent.paragraph or (date_source == "context" and d.date == date))]
            if prev:
                places, place_source = [prev[-1].place], "context"  # type: ignore[list-item]
            elif told := place_just_named(sents, idx):
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
        if date_source == "sentence" and date is not None and _SAID_BEFORE.search(
                article.text[max(0, date.span.start - 40) : date.span.start]):
            date_source = "reported"  # "..., militia sources said on Monday": the day it was told, not done
        new: list[Draft] = []
        for place, when in [(p, w) for w in coordinated_days(date, day_dates, article.text) for p in places or [None]]:
            d = Draft(
                sentences=[idx], trigger=trig, sub_event_type=sub, method=method, generic=generic, date=when,
                date_source=date_source, place=place, place_source=place_source, actor1=actor1,
                actor1_status=status, claimed_by=list(claimed), actor2=actor2,
                target=target, fatalities=cas.killed, injuries=cas.injured,
                paragraph=sent.paragraph,
            )
            new.append(d)
        drafts.extend(new)
        drafts.extend(prompting_attacks(sent, idx, trig, date, article.text))
        continuing = new
        history.extend(sent.actors)
    return [freeze(article.doc_id, d) for d in drafts]


_ABSTRACT_PLURAL = re.compile(r"\b(?:of|during|for|about|against|to)\s+(?:[\w-]+\s+)?(?:air\s?strikes|strikes|attacks|"
                             r"raids|bombings|drone strikes|air raids)$", re.I)
_SITE_ANAPHOR = re.compile(r"\b(?:on|at|in|near)\s+(?:the|that)\s+(?:same\s+)?(?:location|site|area|complex|building|"
                           r"compound|facility|position)\b|\bthere\b", re.I)
_THE_WEAPON_SUBJECT = re.compile(r"(?:The|This|That|These|Those|Both)\s+(?:[\w-]+\s+)?(?:drones?|uavs?|missiles?|"
                                 r"rockets?|projectiles?|shells?|mortars?|aircraft)\b(?!\s+(?:attacks?|strikes?)\b)")
_WEEKDAY_ONLY = re.compile(r"^(?:on\s+|last\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_IN_ADDITION = re.compile(r"(?:In addition to|Besides|Alongside|As well as|Apart from)\s+(?:the|this|that|its|their)\s",
                          re.I)
_FURTHER = re.compile(r"\b(?:a further|another|an additional|a second|a third|a fourth|a separate)\s+"
                      r"(?:[\w-]+\s+)?$", re.I)
_RESPONSE_VERB = re.compile(r"(?:responded|retaliated|returned fire)\b", re.I)
_IN_THAT_ATTACK = re.compile(r"(?:In|During)\s+(?:that|this|the)\s+(?:[\w-]+\s+)?(?:attack|strike|assault|incident)\b")
_UNKNOWN_PLACE = re.compile(r"^\s*(?:near|in|at|outside|around)\s+(?:the\s+)?(?:(?:al|el|ar|as|ad)[- ])?"
                            r"[A-Z]\w+[^,]{0,30},")
_OUR_FORCES = re.compile(r"\b(?:our|we)\b", re.I)
_FIRST_PERSON_ORDER = re.compile(r"\b(?:I|we|the President)\s+(?:\w+ly\s+)?(?:directed|ordered|authori[sz]ed|"
                                 r"conducted|launched|struck|carried out)\b|\bat my direction\b", re.I)
