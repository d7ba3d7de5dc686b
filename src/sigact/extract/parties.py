"""Who did it and to whom, with the story around the sentence: the roles one sentence gives
(``roles``), completed by what the story has told (the force whose strikes a list reports, the
writer's own forces, the owner of a convoy named before, the group a document is about).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sigact.extract.anchoring import Reading
from sigact.extract.cues import (
    CAUSES,
    CLAUSE_COMMA,
    HELD_BY,
    ORDERED,
    ORDINAL,
    RESPONSE_VERB,
    TOLL_VERB,
    UNKNOWN_ACTORS,
)
from sigact.extract.drafts import Story
from sigact.extract.followups import own_forces, story_striker
from sigact.extract.roles import assign_roles, is_armed_group, is_force, target_text
from sigact.extract.triggers import ensuing
from sigact.knowledge import actors as actor_kb
from sigact.knowledge import vocabulary
from sigact.records import ActorMention, ActorStatus, Sentence, TriggerMention

_RESPONSE_OPENING = re.compile(rf"\b(?:{CAUSES})\b[^.;]*?{CLAUSE_COMMA}", re.I)
_TRAILING_CAUSE = re.compile(r",\s+(?:(?:just|only|less than|more than|some)\s+)?(?:(?:a|an|one|two|three|four|five|"
                             r"six|several|\d+)\s+)?(?:(?:days?|weeks?|hours?|months?)\s+)?(?:after|following|in "
                             r"response to|in retaliation for)\s"
                             # "..., as Washington weighs its response to the deadly drone attack on a US base"
                             r"|,[\"”]?\s+as\s+(?:[\w.-]+\s+){1,3}(?:weighs|considers|mulls|prepares|vows)\s+(?:its\s+|a\s+)?"
                             r"(?:[\w-]+\s+)?(?:response|retaliation|reply)\s+(?:to|for)\s"
                             # "..., using the recent attack in Ankara as a pretext": another event, told as the excuse
                             r"|,\s+(?:using|citing|exploiting)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:attack|bombing|"
                             r"incident|explosion|events?)\b|,?\s+(?:under|on)\s+the\s+(?:pretext|pretence|guise)\s+of\b",
                             re.I)
_TARGET_HEAD = re.compile(r"\b(convoy|base|outpost|garrison|patrol|checkpoint|embassy)s?\b", re.I)
_FURTHER = re.compile(r"\b(?:a further|another|an additional|a second|a third|a fourth|a separate)\s+"
                      r"(?:[\w-]+\s+)?$", re.I)
# "The strikes, launched early on Friday ...", "The anti-ship ballistic missile struck ...": told before
_POINTS_BACK = re.compile(r"\s*(?:The|These|This|That|Those|Both)\s+(?:[\w-]+\s+){0,4}?(?:strikes?|air ?strikes?|"
                          r"attacks?|raids?|missiles?|rockets?|drones?|bombings?|blasts?|explosions?|shelling|"
                          r"barrage)\b"
                          # "Among the targets struck overnight were ... at Damascus International Airport"
                          r"|\s*Among\s+the\s+(?:[\w-]+\s+){0,2}?(?:targets|sites|facilities|positions)\s+"
                          r"(?:struck|hit|attacked|targeted|destroyed|bombed)\b")
_ALSO_DONE = re.compile(r"\b(?:also|likewise|too)\s+(?:been\s+)?$|\b(?:was|were)\s+also\s+$", re.I)
_PASSIVE_OPERATION = re.compile(r"\b(?:was|were|has been|have been)\s+(?:\w+ly\s+)?(?:launched|conducted|carried out|"
                                r"executed|destroyed|neutrali[sz]ed|eliminated|struck|hit|targeted)\b|"
                                r"\boperation\s+carried out\b",
                                re.I)
# the writer speaks for a state's forces: "our security forces", "our heroic comrades-in-arms"
_OUR_FORCE_WORDS = (r"our\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|soldiers|fighters|heroes|warriors|mujahideen|comrades|"
               r"comrades-in-arms|base|bases|aircraft|aviation|jets|army|artillery|navy|borders?|units?|personnel|"
               r"security forces|martyrs)\b")
_WE_FIGHT = re.compile(rf"\b{_OUR_FORCE_WORDS}", re.I)
_BY_OURS = re.compile(rf"\s+by\s+{_OUR_FORCE_WORDS}", re.I)  # "... were first taken under fire by our Air Forces"
_OWN_BRANCH = re.compile(r"(?-i:\bthe\s+(?:Air Force|Armed Forces|Naval Forces|Missile Force|"
                         r"Air Defen[cs]e(?: Forces?)?|"
                         r"Navy|Army|Ground Forces?|Aerospace Force))\b")
# an armed group the sentence does not name: "29 targets used by the terrorists"
_GENERIC_ENEMY = re.compile(r"\b(?:terrorists?|militants?|insurgents?|jihadists?|extremists?)\b", re.I)
_WE = re.compile(r"\bwe\s+(?:\w+ly\s+)?(?:struck|conducted|carried out|launched|targeted|destroyed|hit|attacked|"
                 r"bombed|shelled|fired|engaged|neutrali[sz]ed|eliminated|killed)\b", re.I)
_OUR_FORCES = re.compile(r"\b(?:our|we)\b", re.I)
_FIRST_PERSON_ORDER = re.compile(r"\b(?:I|we|the President)\s+(?:\w+ly\s+)?(?:directed|ordered|authori[sz]ed|"
                                 r"conducted|launched|struck|carried out)\b|\bat my direction\b", re.I)


@dataclass
class Roles:
    actor1: ActorMention | None
    status: ActorStatus
    claimed: list[ActorMention]
    actor2: ActorMention | None
    target: str | None = None


def without_cause(sent: Sentence, trig: TriggerMention, strict: bool = False) -> Sentence:
    """The sentence without the places and parties of an opening or closing cause: "In response to attacks
    against coalition forces in Iraq and Syria, U.S. forces conducted airstrikes against facilities
    used by Kataib Hezbollah in Iraq" strikes Kataib Hezbollah in Iraq, not the coalition in Syria. An attack
    with no place of its own keeps the cause's places; a ``strict`` reading (a group's declaration, which
    is not where the attack it answers was) does not."""
    local = trig.span.start - sent.start
    for m in _RESPONSE_OPENING.finditer(sent.text):
        if m.start() <= local < m.end():
            return sent  # the trigger is the cause's own
        if m.end() <= local:
            lo, hi = sent.start + m.start(), sent.start + m.end()
            places = tuple(p for p in sent.places if not lo <= p.span.start < hi)
            actors = tuple(a for a in sent.actors if not lo <= a.span.start < hi)
            return replace(sent, places=places if places or strict else sent.places, actors=actors)
    # "..., the ministry announced Sunday, a week after a deadly terror attack in Istanbul": a closing cause
    tail = _TRAILING_CAUSE.search(sent.text, local)
    if tail:
        lo = sent.start + tail.start()
        places = tuple(p for p in sent.places if p.span.start < lo)
        return replace(sent, places=places if places or strict else sent.places,
                       actors=tuple(a for a in sent.actors if a.span.start < lo))
    return sent


def dominant_group(sents: tuple[Sentence, ...]) -> ActorMention | None:
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


def only_group(sents: tuple[Sentence, ...]) -> ActorMention | None:
    """The one armed group a document names, if it names exactly one ("PKK/KCK terrorists attempted ...
    29 targets used by the terrorists were destroyed")."""
    named = {a.actor: a for s in sents for a in s.actors if is_armed_group(a.actor)}
    reg = actor_kb.load()
    # "PKK/KCK terrorists": a group and the umbrella it belongs to are one
    parents = {t for name in named for rel in ("member_of", "part_of") for t in reg.related(name, rel)}
    named = {k: v for k, v in named.items() if k not in parents}
    return next(iter(named.values())) if len(named) == 1 else None


def sentence_roles(story: Story, r: Reading, trig: TriggerMention, scene: Sentence) -> Roles:
    """The roles the sentence gives, and those the events just told make plain."""
    actor1, status, claimed, actor2 = assign_roles(scene, trig, story.history, story.claimants)
    drafts = story.drafts
    if actor2 is None and drafts and RESPONSE_VERB.match(trig.span.text) and drafts[-1].actor1 is not None \
            and (actor1 is None or drafts[-1].actor1.actor != actor1.actor):
        actor2 = drafts[-1].actor1  # "U.S. forces responded with ...": against those who attacked them
    if actor2 is None and ORDINAL.search(r.sent.text[: trig.span.start - r.sent.start]):
        # "The second convoy was targeted ...": one of the convoys the story said whose they were
        actor2 = next((d.actor2 for d in reversed(drafts) if d.actor2 is not None
                       and d.paragraph >= r.sent.paragraph - 2), None)
    return Roles(actor1, status, claimed, actor2)


def _doer_just_told(story: Story, r: Reading) -> tuple[ActorMention, ActorStatus, ActorMention | None] | None:
    """The named doer (and the party it hit) of the first attack told in the two sentences before (three when
    one between only points back too: "... to conduct 14 strikes ... The strikes began at 8:30 p.m. ... The
    strikes destroyed ...")."""
    reach = 2
    for j in range(r.idx - 1, -1, -1):
        prior = story.sents[j]
        if j < r.idx - reach or prior.paragraph < r.sent.paragraph - 2:
            break
        told = next((t for t in prior.triggers if not TOLL_VERB.match(t.span.text)), None)
        if told is None:
            continue
        # the first attack the sentence tells is the one pointed back to, whether or not it names its doer
        doer, status, _, hit = assign_roles(prior, told, story.history, story.claimants)
        if doer is None and reach == 2 and _POINTS_BACK.match(prior.text):
            reach = 3
            continue
        if doer is None or doer.actor.startswith(UNKNOWN_ACTORS):
            return None
        return doer, status, hit
    return None


def complete_roles(story: Story, r: Reading, trig: TriggerMention, sub: str, method: str | None,
                   roles: Roles) -> Roles:
    """The roles a sentence leaves open, from the story: whose strikes a list reports, the writer's
    forces, the striker told before, the group the document is about, the owner of a convoy."""
    v = vocabulary.load()
    sent, drafts, sents, idx = r.sent, story.drafts, story.sents, r.idx
    actor1, status, actor2 = roles.actor1, roles.status, roles.actor2
    kind = v.event_type_of.get(sub)
    if actor1 is None and sub == "Air/drone strike" and r.listed_strike:
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
    if actor1 is None and kind in ("Explosions/Remote violence", "Battles") and _ALSO_DONE.search(before_trig[-30:]):
        # "... when Iran's IRGC fired missiles ... Drones also struck the headquarters of Komala", "A camp of the
        # PAK ... was also targeted": more of what the doer just told did
        told = next((d for d in reversed(drafts) if d.actor1 is not None and d.paragraph >= sent.paragraph - 3
                     and not d.actor1.actor.startswith(UNKNOWN_ACTORS)
                     and v.event_type_of.get(d.sub_event_type) == kind), None)
        if told is not None:
            actor1, status = told.actor1, told.actor1_status
            if actor2 is not None and actor2.actor == actor1.actor:
                actor2 = None
    if actor1 is None and kind in ("Explosions/Remote violence", "Battles") and (
            _WE_FIGHT.search(before_trig) or _WE.search(before_trig) or v.state_platforms.search(before_trig[-80:])
            # a channel that speaks for a force: "the Air Force carried out a large-scale offensive operation"
            or (story.article.outlet_forces and _OWN_BRANCH.search(before_trig[-100:]))
            # "terrorist targets ... were first taken under fire by our Air Forces"
            or _BY_OURS.match(sent.text, trig.span.end - sent.start)):
        # "Our aircraft were tasked to strike", "a Reaper ... used a Hellfire missile": the writer's forces
        own = own_forces(sents, idx, story.article.outlet_forces)
        if own is not None:
            actor1, status = own, "confirmed"
    platform = v.state_platforms.search(before_trig)
    if actor1 is not None and platform and actor1.span.start > sent.start + platform.start() and \
            kind in ("Explosions/Remote violence", "Battles"):
        # "Tornados continued to support Iraqi Security Forces ... and bombed a Daesh post", "Typhoons
        # destroyed an excavator used by the terrorists": the warplanes named first did it
        own = own_forces(sents, idx, story.article.outlet_forces)
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
    if actor1 is None and _POINTS_BACK.match(sent.text):
        # "The United States and the United Kingdom have carried out strikes on more than a dozen sites ...
        # The strikes, launched early on Friday, hit ...": the doer of the attack the sentence points back to
        told_by = _doer_just_told(story, r)
        if told_by is not None:
            actor1, status, hit = told_by
            actor2 = actor2 or (hit if hit is not None and hit.actor != actor1.actor else None)
    if actor1 is None and idx > 0 and ensuing(sent, trig):
        # "PKK/KCK terrorists attempted to infiltrate one of our base areas ... In the clash that ensued, 9 of
        # our comrades were martyred": the parties of the sentence before
        named = [a for a in sents[idx - 1].actors if is_armed_group(a.actor) or is_force(a.actor)]
        if named:
            actor1, status = named[0], "confirmed"
            if actor2 is None and _OUR_FORCES.search(sents[idx - 1].text + " " + sent.text):
                own = own_forces(sents, idx, story.article.outlet_forces)
                actor2 = own if own is not None and own.actor != actor1.actor else None
    if actor1 is None and sub in ("Air/drone strike", "Shelling/artillery/missile attack") and \
            _PASSIVE_OPERATION.search(sent.text) and any(_WE_FIGHT.search(s.text) for s in sents):
        # "an air operation was launched in the north of Iraq" in a statement about "our security forces":
        # the writer's own forces, who speak of what they did in the passive
        own = own_forces(sents, idx, story.article.outlet_forces)
        if own is not None:
            actor1, status = own, "confirmed"
    if _FIRST_PERSON_ORDER.search(before_trig) and (actor1 is None or ORDERED.search(before_trig)):
        # "At my direction ... I directed precision strikes": the writer's forces; "the President
        # directed strikes against locations used by KH": KH is the target
        own = own_forces(sents, idx, story.article.outlet_forces)
        if own is not None and (actor1 is None or actor1.actor != own.actor):
            actor2 = actor2 or actor1
            actor1, status = own, "confirmed"
    if actor1 is not None and is_force(actor1.actor) and (actor2 is None or actor2.actor == actor1.actor or
                                                          actor2.actor.startswith("Unidentified Armed Group")) \
            and sub in ("Air/drone strike", "Shelling/artillery/missile attack"):
        # "Typhoons destroyed a mechanical excavator, used by the terrorists" in an update on the fight
        # against Daesh: a state's strike on no named group hits the group the document is about
        # (the one group a statement names, only where the sentence names no target at all)
        actor2 = story.dominant or actor2 or (story.only_group if _GENERIC_ENEMY.search(sent.text) else None)
    if actor1 is not None and actor1.actor.startswith(UNKNOWN_ACTORS[0]) and story.dominant is not None and \
            kind in ("Explosions/Remote violence", "Battles", "Violence against civilians") and \
            not is_force(story.dominant.actor) and (actor2 is None or actor2.actor != story.dominant.actor):
        # a report about one group's attacks ("Islamic State militants attacked ... In a separate attack on Friday,
        # militants stormed a power plant at Dibis"): "militants" it does not name are suspected to be that group
        actor1, status = story.dominant, "suspected"
    if (actor1 is None or actor1.actor.startswith(UNKNOWN_ACTORS[0])) and kind == "Explosions/Remote violence":
        # "a ballistic missile attack fired from Houthi-controlled areas in Yemen": whoever holds the launch site
        holder = next((a for a in sent.actors if HELD_BY.match(sent.text, a.span.end - sent.start)
                       and re.search(r"\bfrom\s+(?:the\s+)?$", sent.text[: a.span.start - sent.start])), None)
        if holder is not None and not is_force(holder.actor):
            actor1, status = holder, "suspected"
            if actor2 is not None and actor2.actor == holder.actor:
                actor2 = None
    if sub == "Excessive force against protesters" and (actor1 is None or actor1.actor.startswith("Protesters")):
        # "four protesters were killed ... when security forces fired live rounds": the forces did it
        forces = [a for a in sent.actors if a.actor.startswith(("Military Forces of", "Police Forces of"))]
        actor1, status = (forces[0], "confirmed") if forces else (None, "unknown")
        actor2 = None
    target = target_text(sent, trig)
    head = _TARGET_HEAD.search(target or "")
    if actor2 is None and head is not None:
        # "convoys transporting supplies for the US-led Global Coalition ... On Monday, three convoys were hit":
        # the convoys (bases, patrols) the story has said whose they are
        noun = head.group(1).lower()
        owner = next((d.actor2 for d in reversed(drafts) if d.actor2 is not None and d.target and
                      re.search(rf"\b{noun}", d.target, re.I)), None)
        actor2 = owner if owner is not None and (actor1 is None or owner.actor != actor1.actor) else None
    return Roles(actor1, status, roles.claimed, actor2, target)
