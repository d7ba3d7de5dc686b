"""What kind of event an anchor tells: its ACLED sub-event type and method.

A specific trigger ("shelled", "IED") types itself; a generic one ("attacked", "strikes", "raid") takes
the weapon named near it, the weapon the story has been telling, or what its parties make likely.
"""

from __future__ import annotations

import re

from sigact.casualties import Casualties
from sigact.extract.anchoring import Reading
from sigact.extract.cues import AIR_VERBS
from sigact.extract.drafts import Story
from sigact.extract.roles import is_armed_group, is_armed_party, is_force
from sigact.extract.triggers import external_state
from sigact.extract.weapons import aircraft_before, context_weapon, weapon_near
from sigact.knowledge import vocabulary
from sigact.records import ActorMention, TriggerMention

_RAID = re.compile(r"^raid(?:s|ed)?$", re.I)
_GROUND_RAID = re.compile(r"\b(?:direct[- ]action|ground|commando|special (?:forces|operations)|heliborne|"
                          r"helicopter(?:-borne)?|night|partnered|joint|combined|house|search|security)\s+raids?\b",
                          re.I)
_CAPTURE = re.compile(r"(?<!\bto )\b(?:captur|detain|detention|arrest|apprehen)\w*", re.I)
_BARE_STRIKE = re.compile(r"^strikes?$", re.I)
_NOT_ARMED_STRIKE = re.compile(r"\b(?:hunger|general|labou?r|workers['’]?|union|teachers['’]?|nationwide)\s+$", re.I)


_LETHAL_FORCE = re.compile(r"\b(?:shot|fired|opened fire|live (?:ammunition|rounds|fire)|killed|killing|wounded|"
                           r"injured|gunfire|bullets?)\b", re.I)


_ARMED_MEN = re.compile(r"\b(?:militants?|gunmen|fighters|insurgents?|jihadists?|terrorists?|assailants?|attackers?)\b",
                        re.I)
_STATE_FORCES = re.compile(r"\b(?:security forces|riot police|police|policemen|troops|soldiers|army)\b", re.I)
_PROTESTERS = re.compile(r"\b(?:protesters?|demonstrators?)\b", re.I)
# the state's forces firing: "security forces shot dead", "when security forces fired live rounds"
_FORCES_FIRED = re.compile(_STATE_FORCES.pattern + r"[^.;]{0,40}?\b(?:fired|shot|opened fire|used live)\b", re.I)


def _force_on_protesters(r: Reading) -> bool:
    """State forces firing at protesters: ACLED's excessive force, whatever the trigger word."""
    text = r.sent.text
    return bool(_PROTESTERS.search(text) and _FORCES_FIRED.search(text) and _LETHAL_FORCE.search(text)) and not any(
        a.actor.startswith("Unidentified") for a in r.sent.actors)


def event_kind(story: Story, r: Reading, trig: TriggerMention, actor1: ActorMention | None,
               actor2: ActorMention | None, cas: Casualties) -> tuple[str, str | None]:
    """(sub_event_type, method)."""
    v = vocabulary.load()
    sent = r.sent
    start, end = trig.span.start - sent.start, trig.span.end - sent.start
    sub = trig.sub_event_type
    weapon = weapon_near(sent, start, end)
    if r.generic or not sub:
        if weapon is None and r.counted:
            weapon = ("airstrike", "Air/drone strike")  # "two strikes destroyed ...": strikes are from the air
        ground = bool(_RAID.match(trig.span.text) and _GROUND_RAID.search(sent.text[max(0, start - 30) : end]))
        if ground and weapon is not None and weapon[0] == "airstrike":
            weapon = None  # "a helicopter raid": the helicopters carried the troops
        if weapon is None and not ground:  # a commando raid is not typed by the air strikes told before
            weapon = context_weapon(story.drafts, story.sents, r.idx, actor1.actor if actor1 else None,
                                    actor2.actor if actor2 else None)
        if weapon is None and _BARE_STRIKE.match(trig.span.text) and not _NOT_ARMED_STRIKE.search(
                sent.text[max(0, start - 20) : start]):
            weapon = ("airstrike", "Air/drone strike")  # "strikes hit a house in Mustaba District": from the air
        if weapon is not None:
            sub = weapon[1]
        elif ground and actor2 is not None and (is_force(actor2.actor) or is_armed_group(actor2.actor)):
            sub = "Armed clash"  # "a direct action raid ... to capture an ISIS leader": a ground fight
        elif AIR_VERBS.match(trig.span.text) and external_state(sent, trig):
            sub, weapon = "Air/drone strike", ("airstrike", "Air/drone strike")
        else:
            sub = "Attack"
    civilians = any(a.actor.startswith("Civilians") for a in sent.actors)
    if sub == "Violent demonstration" and not _PROTESTERS.search(sent.text) and (_ARMED_MEN.search(sent.text) or (
            actor1 is not None and (is_armed_group(actor1.actor) or is_force(actor1.actor)))):
        # "militants stormed a power plant under construction at Dibis": armed men storming is an attack, not a riot
        sub = "Attack" if civilians or actor2 is None else "Armed clash"
    if _RAID.match(trig.span.text) and _CAPTURE.search(sent.text) and not cas.killed:
        sub, weapon = "Arrests", None  # "a raid ... resulted in the capture of an ISIS leader": a ground raid
    method = weapon[0] if weapon else None
    if sub == "Shelling/artillery/missile attack" and method in (None, "missile", "rocket", "airstrike") and \
            aircraft_before(sent, start):
        sub, method = "Air/drone strike", "airstrike"  # missiles an aircraft fires make an air strike
    if sub == "Attack" and method == "small_arms" and not civilians:
        sub = "Armed clash"
    elif sub == "Attack" and method is None and actor2 is not None and is_armed_party(actor2.actor) and not civilians:
        sub = "Armed clash"  # an attack of unstated means on armed forces is a battle, not violence on civilians
    if sub in ("Attack", "Armed clash", "Peaceful protest", "Protest with intervention") and _force_on_protesters(r):
        # "security forces shot dead at least 25 anti-government protesters": ACLED's excessive force
        sub, method = "Excessive force against protesters", None
    if sub == "Peaceful protest" and cas.killed and any(
            _STATE_FORCES.search(story.sents[j].text) for j in range(max(0, r.idx - 2), r.idx + 1)) and \
            not any(a.actor.startswith("Unidentified") for a in sent.actors):
        # "Fresh clashes broke out ..., where security forces used tear gas. At least four protesters were
        # killed": a protest in which the state's forces killed is no peaceful one
        sub, method = "Excessive force against protesters", None
    if v.event_type_of.get(sub) == "Strategic developments" or sub in ("Armed clash",):
        method = method if sub == "Disrupted weapons use" else None
    if sub == "Air/drone strike" and method not in ("drone", "airstrike"):
        method = "drone" if re.search(r"\bdrones?\b|\buavs?\b", sent.text, re.I) else "airstrike"
    return sub, method
