"""Sentences after an anchor that add to its event, and events told only as the cause of another.

"None of the attacks resulted in any casualties" applies to each event it covers; "ISIS claimed the
bombings" names the doer; "in response to the attack on Al-Asad on Jan. 20" is an event of its own day.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sigact.casualties import Casualties, find_casualties
from sigact.extract.cues import (
    ATTRIBUTE,
    BACKGROUND_CUE,
    CAUSES,
    CLAIM,
    DENIED,
    SPEAKER_AFTER,
    UNKNOWN_ACTORS,
)
from sigact.extract.drafts import Draft
from sigact.extract.placing import pick_places, place_groups
from sigact.extract.roles import is_armed_group, is_armed_party, is_force
from sigact.extract.triggers import definite_noun, is_own_place, masked_text
from sigact.extract.weapons import done_with, weapon_near
from sigact.knowledge import gazetteer as gaz_kb
from sigact.knowledge import vocabulary
from sigact.records import ActorMention, ActorStatus, DateMention, PlaceMention, Sentence, Span, TriggerMention

_SUSPECT_VERB = re.compile(r"\b(?:suspected|suspect)\b(?=[^.]*\b(?:of|that|behind|responsible|involved|was|were)\b)"
                           r"|\b(?:they|officials|authorities|police|sources|investigators|he|she|we)\s+(?:\w+ly\s+)?"
                           r"(?:suspected|suspect|suspects)\b", re.I)  # "US officials said they suspected KH"
_TARGETS_LISTED = re.compile(r"\b(?:the\s+)?targets\s+(?:were|included|include|hit|struck|lay)\b"
                             # "This onslaught affected the following areas and their surroundings: ..."
                             r"|\b(?:affected|targeted|hit|struck|covered|included)\s+the\s+following\s+(?:areas|"
                             r"locations|sites|villages|towns|regions|places|positions|points)\b", re.I)
_LIST_ITEM_CHARS = 240
_MASTHEAD_LINES, _MASTHEAD_CHARS = 3, 60  # a statement's first short lines name who issues it
_DOER_VERB = re.compile(r"\b(?:targeted|attacked|struck|bombed|shelled|ambushed|stormed|carried out|perpetrated|"
                        r"launched|fired)\b")
_FOLLOWED_ATTACK = re.compile(r"\b(?:followed|follow|follows|following|came after|after|in the wake of)\s+"
                              r"(?:[\w-]+\s+){0,5}?(?:attacks?|strikes?|bombings?|assaults?)\b[^.;]*$", re.I)
_FOLLOWED_ATTACK_AT = re.compile(_FOLLOWED_ATTACK.pattern.removesuffix(r"[^.;]*$"), re.I)
_CAUSE_ANYWHERE = re.compile(rf"\b(?:{CAUSES})\b", re.I)
_INCLUDING_BEFORE = re.compile(r"\bincluding\s+(?:the\s+|an?\s+)?$", re.I)
_EARLIER_THAT_DAY = re.compile(r"\b(?:earlier|later)\s+(?:that|the same)\s+day\b", re.I)
_TARGETED_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:targeted|struck|hit|were against|destroyed)\b", re.I)
_DEFINITE_WEAPON = re.compile(r"\b(?:the|these|those|both|twin)\s+(?:twin\s+|two\s+|suicide\s+)?(?P<w>bombings?|"
                              r"blasts?|explosions?|car bombs?|roadside bombs?|drone (?:strikes?|attacks?)|"
                              r"rocket attacks?|missile (?:attacks?|strikes?)|air ?strikes?)\b", re.I)


def named_attack_date(sent: Sentence) -> DateMention | None:
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


def prompting_attacks(sent: Sentence, idx: int, trig: TriggerMention, date: DateMention | None,
                       text: str) -> list[Draft]:
    """"strikes ... in response to an attack on coalition forces at al-Asad Air Base earlier that day":
    the attack a reply answers is reported too when the sentence gives its own place and day."""
    g = gaz_kb.load()
    out: list[Draft] = []
    masked = masked_text(sent)  # "in response to an Aug. 15 drone attack": the date's words are no cue's words
    for t in sent.triggers:
        local = t.span.start - sent.start
        if any(d.trigger.span.start <= t.span.start < d.trigger.span.end for d in out):
            continue  # "the one-way attack drone attack": one attack, however many of its words are triggers
        if t is trig or t.span.start < trig.span.end or not (BACKGROUND_CUE.search(
                masked[max(0, local - 60) : local]) or (_INCLUDING_BEFORE.search(sent.text[:local])
                                                           and _CAUSE_ANYWHERE.search(sent.text[:local]))):
            continue  # "in response to a series of attacks ..., including the attack on Al-Asad on Jan. 20"
        if not re.search(r"(?:^|\s)(?:attack|strike|assault)$", t.span.text, re.I):
            continue  # "in response to recent attacks": a series, not one event
        end = len(sent.text)
        nxt = re.search(r";|,\s+(?:and|which|while|as)\b", sent.text[local:])  # (not ".": "U.S.")
        if nxt:
            end = local + nxt.start()
        places = [p for p in sent.places if local < p.span.start - sent.start < end and p.cue not in (
            "patron", "reference") and g.entries[p.place_id].precision < 3]
        # "on the base at al-Tanf on Aug. 15", or in the noun phrase: "an Aug. 15 drone attack on the base"
        when: DateMention | None = next((d for d in sent.dates if d.value and d.precision == "day" and (
            local < d.span.start - sent.start < end or re.fullmatch(
                r"\s+(?:[\w-]+\s+){0,2}", sent.text[d.span.end - sent.start : local]))), None)
        if when is None and date is not None and _EARLIER_THAT_DAY.search(sent.text[local:end]):
            when = date
        if not places or when is None:
            continue
        weapon = weapon_near(sent, local, t.span.end - sent.start)
        agents = [a for a in sent.actors if local < a.span.start - sent.start < end and re.search(
            r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", sent.text[max(0, a.span.start - sent.start - 30) :
                                                              a.span.start - sent.start])]
        victims = [a for a in sent.actors if local < a.span.start - sent.start < end and a not in agents]
        sub = weapon[1] if weapon else ("Armed clash" if victims and is_force(victims[0].actor) else "Attack")
        # "..., which wounded three U.S. service members": its toll, told in the clause that follows it
        toll = find_casualties(sent.text[local:]) if re.match(r",\s+(?:which|that)\s+(?:\w+\s+)?(?:killed|wounded|"
                                                              r"injured|left)\b", sent.text[end:]) else None
        out.append(Draft(
            sentences=[idx], trigger=t, sub_event_type=sub, method=weapon[0] if weapon else None, generic=True,
            date=when, date_source="sentence", place=places[0], place_source="sentence",
            actor1=agents[0] if agents else None, actor1_status="confirmed" if agents else "unknown",
            actor2=victims[0] if victims else None, paragraph=sent.paragraph,
            fatalities=toll.killed if toll else None, injuries=toll.injured if toll else None,
        ))
    return out


_AND_ON = re.compile(r"^\s*,?\s*(?:and|as well as|then)\s+(?:again\s+)?"
                     # "by a drone at 11:30 PM last night, and by another drone at 12:40 AM today"
                     r"(?:(?:by|with)\s+(?:another|a second|a third)\s+[\w-]+\s+)?"
                     r"(?:at\s+\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s+)?(?:on\s+)?"
                     r"(?:the\s+(?:night|morning|evening)\s+of\s+)?$", re.I)


def coordinated_days(date: DateMention | None, day_dates: list[DateMention], text: str) -> list[DateMention | None]:
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


_STRIKE_NOUN = re.compile(r"^(?:air[ -]?)?strikes?$", re.I)
_STRIKE_COUNT = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                           r"(?:(?:air|precision|coalition|separate|more)\s+)?$", re.I)

_A_STRIKE = re.compile(r"\b(?:an?|a single)\s(?:(?:air|precision|coalition|separate)\s)?$", re.I)
_PLACE_LEAD = re.compile(r"\s*(?:--?\s*)?(?:On\s+[^,]{3,30},\s*)?"
                         r"(?:[Nn]ear|In|At|Around|Outside|(?:West|East|North|South) of)\s+[A-Z][^,]{0,40},")


def counted_strikes(sent: Sentence, trig: TriggerMention) -> bool:
    """"one strike", "four strikes": the counted strikes of an air campaign's release."""
    local = trig.span.start - sent.start
    before = masked_text(sent)[max(0, local - 25) : local]
    if not _STRIKE_NOUN.match(trig.span.text):
        return False
    # "Near Palmyra, a strike destroyed ...": a release's line counts its one strike with the article
    return bool(_STRIKE_COUNT.search(before) or (_A_STRIKE.search(before) and _PLACE_LEAD.match(sent.text)))


_STRIKER_VERB = re.compile(r"^[^.;]{0,40}?\b(?:conduct\w*|carr\w+ out|launch\w*|continu\w+ to (?:attack|strike)|"
                           r"struck|strikes|bombed|targeted|attacked)\b", re.I)


def own_forces(sents: tuple[Sentence, ...], idx: int, channel: str | None = None) -> ActorMention | None:
    """The force the writer of a letter or statement speaks for: the armed party its masthead names ("SDF
    Press Center", "Israel Defense Forces"), else the one the government channel it comes from speaks for
    (``channel``, from the outlet registry), else the state force it names most."""
    for sent in sents[:_MASTHEAD_LINES]:
        masthead = [a for a in sent.actors if is_armed_party(a.actor) and not a.actor.startswith("Unidentified")]
        if masthead and len(sent.text) <= _MASTHEAD_CHARS and not sent.triggers:
            return masthead[0]
    if channel:
        return ActorMention(Span(0, 0, ""), channel)
    counts: dict[str, list[ActorMention]] = {}
    for sent in sents:
        for a in sent.actors:
            if a.actor.startswith("Military Forces of"):
                counts.setdefault(a.actor, []).append(a)
    if not counts:
        return None
    return max(counts.values(), key=len)[-1]


def story_striker(sents: tuple[Sentence, ...], idx: int) -> tuple[ActorMention | None, ActorMention | None]:
    """The state or coalition force a list of strikes is told about ("coalition military forces
    conducted 17 strikes ... Near Bayji, one strike ..."): the last one named as a striker, and the
    armed group that sentence says it struck ("continued to attack ISIL terrorists"). A striker told of
    another country ("Separately, partner-nation forces conducted two airstrikes in Iraq") is passed
    over for one told of the line's own."""
    g = gaz_kb.load()
    here = {g.entries[p.place_id].country for p in sents[idx].places if p.cue not in ("patron", "dateline")}
    fallback: tuple[ActorMention | None, ActorMention | None] = (None, None)
    for j in range(idx - 1, -1, -1):
        sent = sents[j]
        for a in reversed(sent.actors):
            if not (a.actor.startswith("Military Forces of") or a.actor == "US-led coalition"):
                continue
            verb = _STRIKER_VERB.match(sent.text[a.span.end - sent.start :])
            if verb:
                after = a.span.end + verb.end()
                target = next((t for t in sent.actors if t.span.start >= after and is_armed_group(t.actor)), None)
                there = {g.entries[p.place_id].country for p in sent.places if p.cue not in ("patron", "dateline")}
                if not here or not there or here & there:
                    return a, target
                if fallback[0] is None:
                    fallback = (a, target)
    return fallback


def targets_listed_below(sents: tuple[Sentence, ...], idx: int, continuing: list[Draft], drafts: list[Draft]
                         ) -> bool:
    """"Among the targets struck:" over a list of one target a line ("A weapons storage facility ... at
    Damascus International Airport"): the strikes just told, at each place the list names."""
    head = sents[idx]
    if not continuing or not head.text.rstrip().endswith(":") or not _TARGETS_LISTED.search(head.text):
        return False
    items: list[Sentence] = []
    for item in sents[idx + 1 :]:
        if item.paragraph == (items[-1] if items else head).paragraph or len(item.text) > _LIST_ITEM_CHARS:
            break  # a list item is a short paragraph of its own
        items.append(item)
    return _list_targets([p for item in items for p in item.places], continuing, drafts)


def _list_targets(places: list[PlaceMention], continuing: list[Draft], drafts: list[Draft]) -> bool:
    """"The targets were in the Qandil, Asos and Hakurk regions of northern Iraq and in Ain al-Arab (Kobani),
    Tal Rifaat ...": the strikes just told, once at each place listed, in the country each lies in."""
    g = gaz_kb.load()

    def at(d: Draft, p: PlaceMention) -> Draft:
        return replace(d, sentences=list(d.sentences), claimed_by=list(d.claimed_by),
                       place=PlaceMention(p.span, p.place_id, "near"))

    listed = [p for p in places if is_own_place(p) and g.entries[p.place_id].precision < 3]
    # "All the targets were situated in mountainous areas of the Homs and Hama provinces": provinces refine
    # strikes told only by their country
    provinces = [p for p in places if is_own_place(p) and g.entries[p.place_id].kind == "admin1"]
    day = continuing[-1].date.value if continuing[-1].date else None
    # the attacks of the day placed only in a country or province (not an interception told beside them)
    vague = [d for d in drafts if (d.date.value if d.date else None) == day and (
        d.place is None or g.entries[d.place.place_id].precision == 3) and vocabulary.load().event_type_of.get(
        d.sub_event_type) != "Strategic developments"]
    refined: list[Draft] = []
    for d in vague:
        country = g.entries[d.place.place_id].country if d.place is not None else None
        if d.place is None or g.entries[d.place.place_id].kind == "country":
            # a province that is only the address of a listed place ("the Jurf al-Sakhar area of Babil province")
            # adds nothing
            held = {g.admin1_of(g.entries[p.place_id]) for p in listed}
            own = [p for p in places if p in listed or (p in provinces and g.entries[p.place_id].name not in held)]
        else:
            own = listed
        mine = [p for p in own if country is None or g.entries[p.place_id].country == country]
        if not mine:
            continue
        d.place, d.place_source = PlaceMention(mine[0].span, mine[0].place_id, "near"), "context"
        drafts.extend(at(d, p) for p in mine[1:])
        listed = [p for p in listed if p not in mine]
        refined.append(d)
    if refined:  # places of a country the strikes were not yet told in: the same strikes there too
        drafts.extend(at(refined[0], p) for p in listed)
    return bool(refined)


def continue_draft(continuing: list[Draft], sent: Sentence, idx: int, drafts: list[Draft]) -> None:
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
    claim = CLAIM.search(text)
    if claim and not DENIED.search(text):
        before = [a for a in sent.actors if a.span.end - sent.start <= claim.start()
                  and not a.actor.startswith(UNKNOWN_ACTORS)]
        if before:
            named_place = {p.place_id for p in sent.places}
            targets = [d for d in drafts if d.place is not None and d.place.place_id in named_place] or scope
            for d in targets:
                if before[-1] not in d.claimed_by:
                    d.claimed_by.append(before[-1])
                if d.actor1 is None or d.actor1.actor.startswith(UNKNOWN_ACTORS[0]) or \
                        d.actor1_status == "unknown":
                    d.actor1, d.actor1_status = before[-1], "claimed"
                d.sentences.append(idx)
    blame = ATTRIBUTE.search(text) or _SUSPECT_VERB.search(text)
    if blame:
        named = [a for a in sent.actors if a.span.start - sent.start >= blame.start()
                 and not a.actor.startswith(UNKNOWN_ACTORS)
                 # '"... two or three suspected Iran-backed militants ... were killed," Central Command said': the
                 # source of the words, not the one blamed
                 and not SPEAKER_AFTER.match(text[a.span.end - sent.start :])]
        if named:
            status: ActorStatus = "suspected" if _SUSPECT_VERB.search(text) else "attributed"
            for d in scope:
                if d.actor1 is None or d.actor1.actor.startswith(UNKNOWN_ACTORS[0]):
                    d.actor1, d.actor1_status = named[0], status
                    if idx not in d.sentences:
                        d.sentences.append(idx)
    doer = _DOER_VERB.search(text)
    if doer and not claim and not blame and not vocabulary.load().period.search(text):
        # "The attack was a horrific act of terror ... Daesh targeted families out shopping for Eid": who did it
        named = [a for a in sent.actors if a.span.end - sent.start <= doer.start()
                 and doer.start() - (a.span.end - sent.start) <= 3 and is_armed_group(a.actor)]
        for d in scope if named else []:
            if d.actor1 is None or d.actor1.actor.startswith(UNKNOWN_ACTORS[0]):
                d.actor1, d.actor1_status = named[-1], "confirmed"
                if idx not in d.sentences:
                    d.sentences.append(idx)
    answered = _FOLLOWED_ATTACK_AT.search(text)
    if answered and re.search(r"\b(?:kill|wound|injur|dead|died)", text[answered.start() :], re.I):
        cas = Casualties()  # "Those strikes followed the drone attack ..., which wounded three": its toll
    if cas.said and not vocabulary.load().period.search(text):  # "2,500 killed so far this year": a tally
        for d in scope:
            if d.fatalities is None and cas.killed is not None:
                d.fatalities = cas.killed
            if d.injuries is None and cas.injured is not None:
                d.injuries = cas.injured
            if idx not in d.sentences:
                d.sentences.append(idx)
    g = gaz_kb.load()
    back = [t for t in sent.triggers if not t.sub_event_type and definite_noun(sent, t)]
    refers_back = bool(back)
    named = _DEFINITE_WEAPON.search(text)
    if named and not back:
        # "ISIS has claimed responsibility for the bombings": how the attack just told was done
        weapon = next(((w.method, w.sub_event_type) for w in vocabulary.load().weapons
                       if w.regex.search(named.group("w"))), None)
        for d in scope if weapon is not None and weapon[0] != "small_arms" else []:
            if d.generic and d.method is None:
                d.method, d.sub_event_type = weapon
    day = next((dm for dm in sent.dates if dm.value is not None and dm.precision == "day"), None)
    if back and day is not None and not answered:
        # "Nine officers were killed in an attack ... || The attack took place late Saturday near the village of
        # Safra": the day of the event the sentence points back to, which the lead left to the publication date
        for d in scope:
            if d.date_source in ("publication", "none"):
                d.date, d.date_source = day, "sentence"
    if back and scope and answered:
        # "Those strikes followed the one-way attack drone attack on Erbil Air Base earlier that day, which wounded
        # three U.S. service members": the attack they answered, told with its own place
        drafts.extend(prompting_attacks(sent, idx, back[0], scope[-1].date, text))
    for t in back[:1]:
        # "As a result of this attack, carried out by F-35 fighter jets, ...": how the attack just told was done
        weapon = weapon_near(sent, t.span.start - sent.start, t.span.end - sent.start) or done_with(sent, t)
        for verb in sent.triggers if weapon is None else []:
            if verb.span.start > t.span.end and not verb.sub_event_type:
                # "In that attack, multiple unmanned aerial vehicles targeted the garrison"
                weapon = weapon_near(sent, verb.span.start - sent.start, verb.span.end - sent.start)
                break
        for d in scope if weapon is not None and weapon[0] != "small_arms" else []:
            if d.generic and d.method is None:
                d.method, d.sub_event_type = weapon
                if idx not in d.sentences:
                    d.sentences.append(idx)
        # "These precision strikes targeted infrastructure facilities used by groups affiliated with the IRGC":
        # whom the strikes just told were against
        targets = [a for a in sent.actors if a.span.start > t.span.end and is_armed_party(a.actor)]
        for d in scope if targets and _TARGETED_AFTER.match(text[t.span.end - sent.start :]) else []:
            if d.actor2 is None and d.actor1 is not None and targets[0].actor != d.actor1.actor:
                d.actor2 = targets[0]
                if idx not in d.sentences:
                    d.sentences.append(idx)
    if not back:
        # "Yesterday, the Turkish occupation launched a broad-scale assault ... The Turkish occupation state
        # launched a fierce attack in the evening, utilizing over 30 UAVs": the same doer tells how it was done
        for t in [t for t in sent.triggers if not t.sub_event_type][:1]:
            weapon = weapon_near(sent, t.span.start - sent.start, t.span.end - sent.start)
            doers = {a.actor for a in sent.actors if a.span.start < t.span.start}
            for d in scope if weapon is not None and weapon[0] != "small_arms" else []:
                if d.generic and d.method is None and d.actor1 is not None and d.actor1.actor in doers:
                    d.method, d.sub_event_type = weapon
                    if idx not in d.sentences:
                        d.sentences.append(idx)
    if _TARGETS_LISTED.search(text) and _list_targets(list(sent.places), continuing, drafts):
        return
    finer = [p for p in pick_places(sent) if g.entries[p.place_id].precision < 3
             and not _CAUSE_ANYWHERE.search(text[: p.span.start - sent.start])
             # "Those strikes followed the one-way attack drone attack on Erbil Air Base earlier that day": the place
             # of the attack they answered
             and not _FOLLOWED_ATTACK.search(text[: p.span.start - sent.start])
             # "Most of the victims were visitors from Baghdad": where they came from, not where it happened
             and not (p.cue == "reference" and re.search(r"\bfrom\s+(?:the\s+)?$", text[: p.span.start - sent.start]))
             ] if sent.places else []
    if finer:
        country = g.entries[finer[0].place_id].country
        recent = [d for d in drafts if d.date == continuing[-1].date and
                  (refers_back or d.paragraph >= sent.paragraph - 2)]
        for d in reversed(recent):
            vague = d.place is None or g.entries[d.place.place_id].precision == 3 or d.place.cue == "region"
            same_country = d.place is None or g.entries[d.place.place_id].country == country
            if d.place is not None and g.entries[d.place.place_id].kind == "admin1" and \
                    g.admin1_of(g.entries[finer[0].place_id]) not in (None, g.entries[d.place.place_id].admin1):
                continue  # "strikes ... in Idlib province" is not refined by "the Al-Tanf zone" in another
            # "leaders in the Kurdistan region and Baghdad": the vague place listed again beside another
            # is a list of places, not a closer look at where it happened
            named_again = d.place is not None and d.place.cue != "region" and any(
                finer[0] in grp and any(p.place_id == d.place.place_id for p in grp)
                for grp in place_groups(sent))
            if vague and same_country and not named_again and (refers_back or abs(idx - d.sentences[0]) <= 3):
                d.place = PlaceMention(finer[0].span, finer[0].place_id, "near")
                d.place_source = "context"
                break
