"""Who did what in an event sentence: perpetrator, claimant, the party blamed, and the target."""

from __future__ import annotations

import re
from functools import cache

from sigact.extract.cues import ATTRIBUTE, CLAIM, DENIED, HELD_BY, NOUN_TRIGGER, SPEAKER_AFTER, UNKNOWN_ACTORS
from sigact.extract.triggers import masked_text
from sigact.knowledge import actors as actor_kb
from sigact.knowledge import vocabulary
from sigact.records import ActorMention, ActorStatus, Sentence, TriggerMention

_CLAIMED_BY = re.compile(r"\b(?:claimed by|responsibility was claimed by)\b", re.I)
_SUSPECT = re.compile(r"\b(?:suspect(?:ed)?|presumably|allegedly|likely|probably|possibly)\b", re.I)
_TARGET_PREP = re.compile(r"\b(?:on|against|targeting|targeted|at|near|toward|towards|hit|struck|struck at|"
                          r"killing|killed|wounding|injuring)\s+(?:the\s+|a\s+|an\s+)?"
                          # "On Saturday the Houthis attacked": a day, not a target
                          r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
                          r"Nov|Dec)[a-z]*\.?\s+\d|\d)"
                          # "killed on Wednesday when Iran's Revolutionary Guards fired": a new clause's subject
                          r"(?:(?!(?:when|as|after|while|where|because|and)\s)[\w.'’-]+\s+){0,3}$", re.I)
_AGENT_BY = re.compile(r"\b(?:carried out|conducted|launched|fired|claimed|perpetrated|executed|planted|"
                       r"detonated|targeted|attacked|struck|hit|killed|wounded|injured|shelled|bombed|ambushed|"
                       r"attacks?|strikes?)"
                       r"\s+(?:[\w.,'’-]+\s+){0,9}?(?<!used )(?<!operated )(?<!owned )(?<!backed )(?<!supported )"
                       r"(?<!sponsored )(?<!funded )(?<!run )(?<!controlled )(?<!occupied )(?<!held )"
                       # "an attack by the remnants of the terrorist Daesh gangs"
                       r"by\s+(?:the\s+|a\s+|an\s+)?(?:(?:remnants|cells|members|elements|fighters)\s+of\s+"
                       r"(?:the\s+)?)?(?:[\w-]+\s+){0,2}"
                       # "a missile attack by the Aerospace Force of the Islamic Revolutionary Guard Corps"
                       r"(?:(?-i:[A-Z])[\w-]+\s+of\s+(?:the\s+)?)?$", re.I)
_PLATFORM_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,1}?(?:aircraft|jets|warplanes|drones|helicopters|planes|warships|"
                             r"gunboats|tanks)\b", re.I)
_BY_NOUN = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+){0,3}?by\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}$", re.I)
_VICTIM_AFTER = re.compile(r"^[\w\s'’-]{0,25}?\b(?:were|was|have been|had been)\s+(?:\w+\s+)?"
                           r"(?:killed|injured|wounded|hurt|targeted|attacked|hit|struck)\b", re.I)
_QUANTITY_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several|"
                              r"many|some|scores of|hundreds of)\s+(?:[\w-]+\s+){0,2}$", re.I)
_ANAPHOR = re.compile(r"\b(?:the|this|that) (?:group|faction|organi[sz]ation|militia|movement)(?:['’]s)?\b|"
                      r"\bits (?:cells|fighters|members)\b", re.I)
_PURPOSE_BEFORE = re.compile(r"\b(?:in order to|so as to|aimed at|aiming to)\s+(?:neutrali[sz]e|eliminate|destroy|"
                             r"target|strike|hit|degrade|disrupt|defeat|deter|punish|neutrali[sz]ing|eliminating|"
                             r"destroying|targeting|degrading|disrupting)\s+(?:the\s+)?(?:[\w-]+\s+|[\w-]+/){0,3}$",
                             re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?"
                      r"(?:targeted|attacked|struck|hit|bombed|shelled|"
                      r"ambushed|detonated|shot|killed|assassinated|abducted|kidnapped|wounded|injured|executed|"
                      r"stabbed|beheaded|gunned down|eliminated|destroyed)\b|"
                      # "a headquarter of the Peshmerga ... faced a targeted assault": what was hit is the subject
                      r"\b(?:faced|came under|come under|comes under|subjected to)\b", re.I)
_AFFILIATE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:affiliate|affiliated group|branch|offshoot|franchise|wing|"
                              r"faction|splinter group)\s*,?\s*(?:the\s+)?$", re.I)


@cache
def _associate_before() -> re.Pattern[str]:
    """"the SDF, who, along with Coalition forces, completed": an associate, not the actor."""
    return re.compile(rf"\b(?:{vocabulary.load().ally_cue}|"
                      # "Having received intelligence from a coalition surveillance aircraft, RAF Tornados"
                      r"(?:intelligence|information|reports?|a tip|data|guidance|targeting data)\s+"
                      r"(?:provided\s+by|passed\s+on\s+by|from))\s+(?:the\s+|an?\s+)?$"
                      # "with the support of the Iraqi air force and army aviation and of international coalition
                      # aircraft": every associate the cue lists
                      rf"|\b(?:{vocabulary.load().ally_cue})\s+[^,;:.]{{0,100}}?\s(?:and|as\s+well\s+as)\s+"
                      r"(?:of\s+|from\s+|by\s+)?(?:the\s+|an?\s+)?$", re.I)


# "the army said it killed five militants", "said on Sunday it had carried out": the speaker did it
_SPEAKER_ACTS = re.compile(r"\s+(?:said|says|reported|stated|announced|told\s+\w+)\s+(?:[\w.,]+\s+){0,3}?(?:that\s+)?"
                           r"(?:it|they|its|their|we|our|he|she)\b(?!\s+(?:was|is|were|are)\s+(?!\w+ing\b))", re.I)
# a clause that describes what was hit, not who hit it
_RELATIVE_CLAUSE = re.compile(r"(?:,\s*|\s)(?:which|that|who|where)\s+(?:\w+\s+){0,2}?(?:hosts?|houses?|housing|"
                              r"hosting|stations?|maintains?|maintain|serves?|belongs?|contains?|is\s+home|are\s+stationed|"
                              r"is\s+used|are\s+based|is\s+run|is\s+operated)\b", re.I)
_LAUNCHED_BY = re.compile(r"\b(?:fired|launched|flown|sent|operated|belonging to|planted)\s+(?:\w+\s+)?by\s+"
                          r"(?:the\s+)?$", re.I)


def target_text(sent: Sentence, trig: TriggerMention) -> str | None:
    local = trig.span.start - sent.start
    text = sent.text
    if _PASSIVE.search(text[max(0, local - 30) : trig.span.end - sent.start + 1]):
        head = re.split(r"\s+(?:was|were|been|being)\s+", text[:local])[0]
        head = re.sub(r"^(?:[^,]*\b(?:on|early|late|later|in)\b[^,]*,\s*)", "", head, flags=re.I)
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


def is_force(actor: str) -> bool:
    return actor.startswith(("Military Forces of", "Police Forces of")) or actor == "US-led coalition"


def is_armed_group(actor: str) -> bool:
    e = actor_kb.load().get(actor)
    return e is not None and (e.kind in _ARMED_KINDS or e.inter in _ARMED_INTER)


def is_armed_party(actor: str) -> bool:
    e = actor_kb.load().get(actor)
    return is_force(actor) or is_armed_group(actor) or (e is not None and e.inter == "state_forces")


_SHORT_NAME = re.compile(r"\((?-i:[A-Z][A-Za-z]{1,7})\)")


def _appositives(text: str) -> list[tuple[int, int]]:
    """Spans of asides ("-- a militia formed by the Quds Force --", "(...)") whose actors are
    descriptions, not participants."""
    return [(m.start(), m.end()) for m in re.finditer(r"\s(?:--|—|–)\s.*?\s(?:--|—|–)\s|\([^)]*\)", text)
            # "Iran's Islamic Revolution Guards Corps (IRGC)": the short name of the party just named is that party
            if not _SHORT_NAME.fullmatch(m.group(0)) or not re.search(r"(?-i:[A-Z])[\w'’-]+\s*$", text[: m.start()])]


def _phrase_end(sent: Sentence, a: ActorMention) -> int:
    """Where the party's phrase ends, a joint one included ("the PKK and the SDF said"), sentence-local."""
    end = a.span.end - sent.start
    for b in sent.actors:
        if b.span.start - sent.start > end and _JOINT.fullmatch(sent.text[end : b.span.start - sent.start]):
            end = b.span.end - sent.start
    return end


def assign_roles(sent: Sentence, trig: TriggerMention, history: list[ActorMention], claimants: set[str]
           ) -> tuple[ActorMention | None, ActorStatus, list[ActorMention], ActorMention | None]:
    """actor1, its status, claimants and actor2 from one anchor sentence.

    Active voice: the actor before the verb acts, the one after it is hit. Passive voice ("a convoy
    of the coalition was targeted by ..."): the actor before the verb is hit, "by X" acts.
    """
    text = sent.text
    local = trig.span.start - sent.start
    claimed: list[ActorMention] = []
    claim = CLAIM.search(text)
    if claim and not DENIED.search(text[max(0, claim.start() - 40) : claim.start()]):
        before = [a for a in sent.actors if a.span.end - sent.start <= claim.start()
                  and not a.actor.startswith(UNKNOWN_ACTORS)]
        if before:
            claimed.append(before[-1])
    by = _CLAIMED_BY.search(text)
    if by:
        after = [a for a in sent.actors if a.span.start - sent.start >= by.end()]
        if after:
            claimed.append(after[0])
    passive = bool(_PASSIVE.search(text[max(0, local - 30) : trig.span.end - sent.start + 1])) or bool(
        # "the Al-Udeid airbase ... was targeted tonight by a devastating and powerful missile attack by the IRGC"
        _BY_NOUN.search(text[max(0, local - 80) : local]))
    asides = _appositives(text)
    masked = masked_text(sent)  # "a Jan. 3 U.S. strike": the day's number counts no one
    agents: list[tuple[ActorMention, ActorStatus]] = []
    patients: list[ActorMention] = []
    launchers: list[ActorMention] = []
    aside_patients: list[ActorMention] = []
    speakers: set[str] = set()
    for a in sent.actors:
        a_local = a.span.start - sent.start
        if a in claimed:
            continue
        if re.search(r"\(\s*$", text[:a_local]) and any(
                b.actor == a.actor and 0 <= a.span.start - b.span.end <= 3 for b in sent.actors if b is not a):
            continue  # "US Central Command (Centcom)": the short name of the party just named, already weighed
        if any(s <= a_local < e for s, e in asides):
            if a_local > local and a.actor not in speakers:
                aside_patients.append(a)  # "targeted al-Tanf Garrison ..., both U.S. bases in Syria"
            continue
        before_text = text[max(0, a_local - 160) : a_local]
        if _associate_before().search(before_text):
            continue  # "the SDF, who, along with Coalition forces, completed ...": an associate, not the actor
        if a.actor.startswith("Civilians"):
            patients.append(a)
            continue
        said_at = _phrase_end(sent, a)
        if a_local < local and SPEAKER_AFTER.match(text, said_at) and not _SPEAKER_ACTS.match(text, said_at):
            continue  # "The Iraqi military said 22 missiles were fired": who told it, not who fired
        if a_local > local and (_ACCORDING_TO.search(before_text) or (
                _CLAUSE_START.search(before_text) and _SPEAKER_CLOSING.match(text, a.span.end - sent.start))):
            speakers.add(a.actor)
            continue  # "... south-west of Aden on Wednesday, US Central Command (Centcom) said": who told it
        if _PURPOSE_BEFORE.search(before_text):
            patients.append(a)  # "In order to neutralize the PKK/KCK terrorists, an air operation was carried out"
            continue
        if HELD_BY.match(text, a.span.end - sent.start) and re.search(
                r"\b(?:in|across|inside|within|into|throughout|of)\s+(?:the\s+)?$", before_text):
            patients.append(a)  # "strikes in Houthi-controlled areas of Yemen": whose ground was hit
            continue
        if trig.span.start <= a.span.start and a.span.end <= trig.span.end:
            agents.append((a, "confirmed"))  # "involved in a Coalition air operation": the operation's owner
            continue
        if a_local > local and _RELATIVE_CLAUSE.search(text, local, a_local):
            patients.append(a)  # "struck Balad Air Base, which hosts contractors who maintain Iraqi F-16 jets"
            continue
        if _WEAPON_ACTOR.search(a.span.text) and trig.sub_event_type != "Disrupted weapons use":
            agents.append((a, "confirmed"))  # "killed in an Israeli strike": a state's weapon is the doer
            continue
        if 0 <= local - (a.span.end - sent.start) <= 40 and _ATTACK_NOUN.search(trig.span.text) and \
                _WEAPON_GAP.fullmatch(text[a.span.end - sent.start : local]):
            agents.append((a, "confirmed"))  # "killed in a Houthi missile attack": the party named as its adjective
            continue
        after_text = text[a.span.end - sent.start : a.span.end - sent.start + 60]
        if trig.sub_event_type == "Disrupted weapons use" and a_local > local and _LAUNCHED_BY.search(before_text):
            patients.append(a)  # "shot down two missiles fired by the Houthis": the launcher is the other side
            launchers.append(a)
        elif _AGENT_BY.search(text[max(0, a_local - 80) : a_local]) and not ATTRIBUTE.search(before_text):
            agents.append((a, "confirmed"))
        elif a_local < local and not passive and _PLATFORM_AFTER.match(after_text):
            agents.append((a, "confirmed"))  # "dozens of Israeli Air Force aircraft ... struck": the machines' force
        elif _VICTIM_AFTER.match(after_text) or _QUANTITY_BEFORE.search(masked[max(0, a_local - 30) : a_local]):
            patients.append(a)  # "Three US Army soldiers were killed": victims, whatever the voice
        elif ATTRIBUTE.search(text[:a_local]) and not ATTRIBUTE.search(text[a_local:]):
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
            if p not in launchers and not p.actor.startswith(UNKNOWN_ACTORS) and not _TARGET_PREP.search(
                    text[max(0, p_local - 40) : p_local]) and not _VICTIM_AFTER.match(
                    text[p.span.end - sent.start : p.span.end - sent.start + 60]):
                agents.append((p, "confirmed"))
                patients.remove(p)
                break
    actor1: ActorMention | None = None
    status: ActorStatus = "unknown"
    if agents:
        before = [c for c in agents if c[0].span.start < trig.span.start]
        k = len(before) - 1
        # "The United States and the United Kingdom have carried out strikes": the first of a joint subject
        while k > 0 and _JOINT.fullmatch(text[before[k - 1][0].span.end - sent.start : before[k][0].span.start
                                              - sent.start]):
            k -= 1
        actor1, status = before[k] if before else agents[0]
        # "SDF fighters repelled an attack by ISIS cells": the attack's own doer, named right after the noun;
        # the subject who fought it off is the other side
        local_end = trig.span.end - sent.start
        named_by = [c for c in agents if 0 <= c[0].span.start - sent.start - local_end <= 20 and re.fullmatch(
            r"\s+by\s+(?:the\s+)?(?:[\w-]+\s+)?", text[local_end : c[0].span.start - sent.start], re.I)]
        if before and named_by and NOUN_TRIGGER.match(trig.span.text) and named_by[0][0] is not actor1:
            patients.insert(0, actor1)
            actor1, status = named_by[0]
    if actor1 is None and claimed:
        actor1, status = claimed[0], "claimed"
    if actor1 is None and _ANAPHOR.search(text[: local + 1]) and history:
        named = [a for a in history if is_armed_group(a.actor)]
        if named:
            # "the group": the claimant the story is about, else the group named most often
            claiming = [a for a in named if a.actor in claimants]
            counts = {a.actor: sum(1 for b in named if b.actor == a.actor) for a in named}
            actor1 = claiming[-1] if claiming else max(reversed(named), key=lambda a: counts[a.actor])
            status = "confirmed"
    if actor1 is not None and actor1.actor in claimants and status == "confirmed" and is_armed_group(actor1.actor):
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
                   and not p.actor.startswith(UNKNOWN_ACTORS)), None)
    if actor2 is None:
        actor2 = next((p for p in patients if actor1 is None or p.actor != actor1.actor), None)
    return actor1, status, claimed, actor2


# between a party and the attack noun it qualifies: only the weapon ("a Houthi missile attack", "an ISIS
# suicide bombing"), never a target's noun ("a US base attack")
_WEAPON_GAP = re.compile(r"\s+(?:(?:suicide|car|truck|roadside|missile|rocket|drone|mortar|artillery|air|ballistic|"
                         r"cruise|bomb|IED|UAV|grenade|sniper)\s+){0,2}", re.I)
_ACCORDING_TO = re.compile(r"\baccording to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_CLAUSE_START = re.compile(r"[,;]\s*(?:the\s+|a\s+)?$")
_SPEAKER_CLOSING = re.compile(r"(?:\s*\([^)]{1,40}\))?\s+(?:\w+\s+)?(?:said|says|stated|reported|announced|added)\b",
                              re.I)
_JOINT = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", re.I)
_ATTACK_NOUN = re.compile(r"\b(?:attack|strike|airstrike|raid|bombing|bombardment|explosion|blast|assault|shelling|"
                          r"ambush)s?$", re.I)
_WEAPON_ACTOR = re.compile(r"\b(?:strikes?|air ?strikes?|attacks?|raids?|shelling|shells|shell fire|bombardment|"
                           r"missiles?|drones?|warplanes|jets|aircraft|artillery|bombers|helicopters)$", re.I)
