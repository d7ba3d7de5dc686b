"""Which trigger of a sentence reports an event, if any.

A trigger reports an event when the sentence tells it as done: not a threat, plan, condemnation,
ongoing campaign, report subject or role ("involved in attacks"), and not a heading or a reporter's
question.
"""

from __future__ import annotations

import re
from functools import cache

from sigact.extract.cues import (
    AIR_VERBS,
    BACKGROUND_CUE,
    CAUSES,
    CONDEMNED_ATTACK,
    NOUN_TRIGGER,
    ONE_OF,
    ORDERED,
    TOLL_VERB,
)
from sigact.knowledge import actors as actor_kb
from sigact.knowledge import gazetteer as gaz_kb
from sigact.knowledge import vocabulary
from sigact.records import DateMention, PlaceMention, Sentence, TriggerMention

_REPORTED_ON = re.compile(r"\b(?:reported|announced|stated|said|notified|informed(?: \w+)?|wrote|published)"
                          r"\s+(?:on|in)\s+$", re.I)
# lower case only: "IS drones dropped ..." is the Islamic State, not a verb
_ONGOING = re.compile(r"\b(?:are|is|remain|remains)\s+(?:[\w-]+\s+){0,4}$|"
                      # "continues to work with partner nations to conduct targeted airstrikes": a campaign
                      r"\b(?:continue to|continues to|continuing to)\s+(?:[\w-]+\s+){0,8}$")
_GOES_ON_AFTER = re.compile(r"^\s+(?:continue|continues|are continuing|is continuing|go on|goes on|are ongoing|"
                            r"is ongoing|remain|have continued|has continued)\b", re.I)
# "since early October" opens a period; "retook Bashir from IS on Monday" does not
_SINCE = re.compile(r"\b(?:since|until|till|before|from)\s+(?-i:[a-z]+\s+)?$", re.I)
_HEADLINE = re.compile(r"[.!?…\"”’)]$")
_TOPIC_CUE = re.compile(r"\b(?:prevent\w*|combat(?:ing|s)?|tackl\w*|address\w*|ending|end to|fight(?:ing)? against|"
                        r"issue of|survivors of|focused on|campaign(?:ing)? against|accountability for|impunity for|"
                        r"protect\w*\s+(?:[\w-]+\s+){0,6}?(?:against|from)|protection\s+(?:[\w-]+\s+){0,6}?against|"
                        r"shield\w*\s+(?:[\w-]+\s+){0,4}?from|defen[cs]es?\s+against|"
                        # "have extended their participation in air strikes": a mission, not a strike
                        r"participat\w*\s+in|contribution\w*\s+to|role\s+in|mission\s+of)\s+"
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


@cache
def _support_cue() -> re.Pattern[str]:
    """"the SDF, supported by Coalition advisers and air strikes": the help, not the event."""
    return re.compile(rf"\b(?:{vocabulary.load().ally_cue}|(?:the\s+)?(?:use|employment)\s+of|"
                      r"capabilit(?:y|ies)\s+(?:of|for))\s+(?:(?!and\b)[\w.-]+\s+){0,3}(?:and\s+(?:[\w-]+\s+){0,2})?$",
                      re.I)


# a person's or group's record, not an event: "involved in planning and carrying out attacks against"
_ROLE_CUE = re.compile(r"\b(?:involved in|responsible for|known for|accused of|in charge of|tasked with|charged with|"
                       r"convicted of|planning|plotting|orchestrating|directing|coordinating|facilitating)\s+"
                       r"(?:(?:and|or|out|the|numerous|multiple|several|many)\s+|[\w-]+ing\s+)*$", re.I)
_CAUSE_CLAUSE = re.compile(rf"\b(?:{CAUSES})\b[^.;,]*$", re.I)
_SCARE_QUOTED = re.compile(r"[\"“](?:[\w-]+\s+){0,2}[\w-]+[,.]?[\"”]")


# "SOUTHWEST ASIA, Dec. 20, 2016 —", "Sana’a, 12 August 2019 –", "Amman, July 23 (Petra) –", "ERBIL, December 31–"
_DATELINE_BEFORE = re.compile(r"[A-Z][\w .'’-]{1,30}(?:,\s*[A-Z][\w.]{1,15})?,\s*")
_DASH_AFTER = re.compile(r"\s*(?:\([A-Z][\w .-]{1,20}\)\s*)?(?:—|–|--?)(?:\s|(?=[A-Z]))")


def usable_dates(sent: Sentence, text: str) -> list[DateMention]:
    out = []
    report_end = -1
    for d in sent.dates:
        before = text[max(0, d.span.start - 25) : d.span.start]
        if _DATELINE_BEFORE.fullmatch(text[sent.start : d.span.start]) and _DASH_AFTER.match(text, d.span.end):
            continue  # "SOUTHWEST ASIA, Dec. 20, 2016 — forces ... attacked ... yesterday": the release's own day
        if _SINCE.search(before) or re.match(r"(?:since|until|till)\b", d.span.text, re.I):
            continue  # "since October 7" opens a period; it does not date an event
        if _REPORTED_ON.search(before) or (report_end >= 0 and re.fullmatch(
                r"\s*(?:,|and|, and)\s*", text[report_end : d.span.start])):
            report_end = d.span.end  # "As I reported on October 27, November 10, and November 14": reports
            continue  # "As reported on March 25, ... strikes on March 23": the date of a report
        out.append(d)
    return out


def masked_text(sent: Sentence) -> str:
    """Sentence text with dates blanked (so "May" the month is not "may" the modal)."""
    chars = list(sent.text)
    for d in sent.dates:
        for i in range(d.span.start - sent.start, d.span.end - sent.start):
            chars[i] = " "
    return "".join(chars)


# "a bank of targets", "sensitive military and security targets": the noun (a lower-case word before it that is
# not a weapon: "a drone targets a car" is the verb)
_TARGETS_NOUN = re.compile(r"(?:\b(?:of|the|a|an|these|those|its|their|our|his|her|\d+)|(?-i:\b[a-z][\w-]*)(?<!drone)"
                           r"(?<!drones)(?<!missile)(?<!rocket)(?<!strike)(?<!attack))\s+targets$", re.I)
# "two peacekeepers were injured after an IDF tank fired ...": the toll's own cause, the event itself
_TOLL_AFTER = re.compile(r"\b(?:killed|injured|wounded|hurt|died)\s+(?:[\w-]+\s+){0,3}?after\s+(?:an?|the)?\s*"
                         r"(?:[\w-]+\s+){1,5}$", re.I)
# "... were injured after an IDF Merkava tank fired": the act that caused the toll, told in a clause
_CAUSE_OF_TOLL = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:after|when|as)\s+(?:[\w-]+\s+){1,6}", re.I)
_IN_WHICH = re.compile(r"\s+(?:in|during)\s+which\s+(?:[\w.'’-]+\s+){1,8}", re.I)
_PREVENTED = re.compile(r"\b(?:prevent\w*|eliminat\w+|stop\w*|halt\w*|deter\w*|thwart\w*)"
                        r"\s+(?:the\s+|any\s+|all\s+|further\s+|future\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_HABITUAL = re.compile(r"\b(?:near-daily|almost daily|daily|nightly|weekly|regular|frequent|sporadic|intermittent|"
                       r"routine|tit-for-tat|regularly|routinely|frequently)\s+(?:[\w-]+\s+){0,2}$", re.I)
_CHARACTERISED = re.compile(r"\b(?:the|this|that|it|which)\s+(?:[\w-]+\s+){0,2}?(?:was|is|as|represents|"
                            r"constitutes|amounts to)\s+[\"“](?:a|an)\s+(?:[\w-]+\s+){0,3}$", re.I)
_CAMPAIGN_SUMMARY = re.compile(r"\s*The\s+(?:battle|campaign|offensive|war|fight)\s+(?:to|for|against|of)\b[^.;]*?\b"
                               r"(?:was fought|lasted|raged|went on|continued for)\b", re.I)
_SEARCH_AFTER = re.compile(r"^\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:sweeps?|search(?:es)?|manhunt|hunt|combing|"
                           r"pursuit|investigation|inquiry|probe|search operation)\b", re.I)
_ITS_TOLL = re.compile(r"[^.;]{0,80}?\b(?:which|that)\s+(?:\w+\s+){0,3}", re.I)
# "Hezbollah and Israel have exchanged fire near-daily since ...": the habit told after the verb
_HABITUAL_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:near-daily|almost daily|daily|nightly|on a daily basis|"
                             r"(?:almost )?every day|regularly|repeatedly|frequently)\b", re.I)
_DEMANDED = re.compile(r"\b(?:demand\w*|call\w* for|calls? on|urg\w+|press\w* for|insist\w* on)\b[^.;]{0,60}$", re.I)
_CONDEMN = re.compile(r"\b(?:condemn|denounc|deplor)\w*\b", re.I)


def _is_modal(masked: str, trig_start: int, reaction_ok: bool = False) -> bool:
    """Threats, plans, conditionals, denials near the trigger; a condemnation only when allowed."""
    v = vocabulary.load()
    clause_start = max(masked.rfind(ch, 0, trig_start) for ch in ";:")
    window = masked[max(clause_start + 1, trig_start - 90) : trig_start + 1]
    found = [m.group(0) for m in v.modal.finditer(window)]
    if reaction_ok:
        found = [w for w in found if not _CONDEMN.match(w)]
    return bool(found)


def is_own_place(p: PlaceMention) -> bool:
    """A place the event happened at, finer than a country: not a patron ("backed by Iran") or a reference."""
    return p.cue not in ("patron", "reference", "dateline") and gaz_kb.load().entries[p.place_id].kind != "country"


def tells_a_day(sent: Sentence) -> bool:
    """The sentence gives a date to the day."""
    return any(d.value is not None and d.precision == "day" for d in sent.dates)


def _told_here(sent: Sentence) -> bool:
    """The sentence gives a day and a place of its own: "The attack ... early on Sunday in Karrada, Baghdad"."""
    return tells_a_day(sent) and any(is_own_place(p) for p in sent.places)


def _dated_after(sent: Sentence, t: TriggerMention) -> bool:
    """"... and the drone strike on a civilian vehicle near Kobani on 24 November": a specific attack told with its
    own place and day right after the noun, as statements list the attacks they condemn."""
    if not t.sub_event_type:
        return False
    tail_end = t.span.end + 80
    return any(t.span.end < d.span.start < tail_end and d.value and d.precision == "day" for d in sent.dates) and any(
        t.span.end < p.span.start < tail_end and p.cue in ("at", "near") for p in sent.places)



def choose_trigger(sent: Sentence, masked: str, reaction_ok: bool = False) -> tuple[TriggerMention | None, bool]:
    """The deciding trigger of a sentence and whether it is only a generic verb.

    ``reaction_ok``: nothing has been reported yet, so a condemned attack ("condemns Iran's missile
    attack on Erbil") is this document's report of it, as in official statements.
    """
    v = vocabulary.load()
    modal_ok = {t.sub_event_type for t in v.triggers if t.modal_ok}
    specific = []
    generic = []
    habitual = False
    earlier_end: int | None = None  # where the last earlier event told in the sentence ends
    for t in sent.triggers:
        local = t.span.start - sent.start
        if any(p.span.start <= t.span.start < p.span.end for p in sent.places):
            continue  # "Near Hit, one strike ...": the town of Hit, not a verb
        if TOLL_VERB.match(t.span.text) and t.span.text.endswith("ed") and re.search(
                r"\b(?:the|of the|among the)\s+$", masked[max(0, local - 15) : local], re.I):
            continue  # "the wounded were taken to hospitals in Zakho": the people, not an event
        if t.sub_event_type not in modal_ok and _is_modal(masked, local, reaction_ok and (
                bool(t.sub_event_type) or bool(CONDEMNED_ATTACK.search(masked) or CONDEMNED_ATTACK.search(sent.text)))):
            continue
        condemned = reaction_ok and bool(_CONDEMN.search(masked[max(0, local - 90) : local]))
        background = BACKGROUND_CUE.search(masked[max(0, local - 60) : local]) and not (
            _TOLL_AFTER.search(masked[max(0, local - 80) : local]) and not NOUN_TRIGGER.match(t.span.text))
        if background or _CAUSE_CLAUSE.search(masked[:local]) or (
                definite_noun(sent, t) and not condemned and not (reaction_ok and _told_here(sent))
                and not _dated_after(sent, t)):
            if background:
                earlier_end = t.span.end - sent.start
            continue  # "in response to an IED attack", "the attack that killed": an earlier event
        if earlier_end is not None and (TOLL_VERB.match(t.span.text) or not t.sub_event_type) and \
                _ITS_TOLL.fullmatch(masked[earlier_end:local]):
            # "follows the heinous suicide bombing in Baghdad a few days earlier which killed ...": its toll; "came
            # amid an Israeli military operation in the northern West Bank, which the occupation launched on August 28"
            continue
        if re.search(r"\b(?:eventual|possible|potential|planned|proposed|future|prospective|impending|expected|"
                     r"threatened|hypothetical)\s+$", masked[max(0, local - 25) : local], re.I):
            continue  # "Peace would allow for the eventual withdrawal of US troops": not (yet) happened
        if _TOPIC_CUE.search(masked[max(0, local - 60) : local]) or _REPORT_SUBJECT.search(masked[:local]):
            continue  # "focused on preventing sexual violence", "the report details attacks on civilians"
        if _DEMANDED.search(masked[max(0, local - 70) : local]):
            continue  # "The groups demand the full withdrawal of US troops": asked for, not done
        if _PREVENTED.search(masked[max(0, local - 50) : local]):
            continue  # "in order to eliminate terrorist attacks from Northern Iraq": attacks to be prevented
        if _TARGETS_NOUN.search(masked[max(0, local - 30) : local + len(t.span.text)]):
            continue  # "a bank of targets", "struck dozens of military targets": the things aimed at, not an act
        if _CHARACTERISED.search(masked[max(0, local - 90) : local]):
            continue  # "Hezbollah said the assassination was "a serious assault on Lebanon"": what it is called
        if not t.sub_event_type and _SEARCH_AFTER.match(masked[local + len(t.span.text) :]):
            continue  # "Security forces launched a sweep of surrounding villages to hunt down the attackers": a search
        if not t.sub_event_type and _MODIFIER_AFTER.match(masked[local + len(t.span.text) :]):
            continue  # "ISIL terror attack planners": a word describing people, not an event
        if (_support_cue().search(masked[max(0, local - 70) : local]) or _SUPPORTS_THROUGH.search(
                masked[max(0, local - 90) : local])) and re.search(
                r"(?:attacks?|strikes?|raids?|bombardment|bombing|shelling|fire|support)$", t.span.text, re.I):
            continue  # "the SDF, supported by Coalition advisers and air strikes, began ...": support, not the event
        if re.search(r"bombers$", t.span.text, re.I) and re.search(r"\b(?:as|recruit\w*|train\w*)\b[^.;]{0,50}$",
                                                                    masked[max(0, local - 60) : local], re.I):
            continue  # "the recruitment of children ... as soldiers, executioners and suicide bombers": a role
        if _ROLE_CUE.search(masked[max(0, local - 60) : local]) and re.search(r"s$", t.span.text, re.I):
            continue  # "a leader ... actively involved in planning and carrying out attacks": who he is
        if not t.sub_event_type and _in_quote(sent, t) and not _told_here(sent):
            continue  # "We know what we hit": speech about an event, not its report (unless it gives day and place)
        if any(q.start() <= local and local + len(t.span.text) <= q.end()
               for q in _SCARE_QUOTED.finditer(sent.text)):
            continue  # when I hear “missile strikes,” I expect ...: the words themselves, not an event
        if t.sub_event_type == "Disrupted weapons use" and not _SHOT_DOWN.match(t.span.text) and \
                _DESTROYED_BEFORE.search(masked[max(0, local - 200) : local]):
            # "struck ... and destroyed an ISIL weapons cache", "three strikes ... destroyed five buildings, four
            # fighting positions, a vehicle, a mortar system, a weapons cache": the target of a strike, not a seizure
            continue
        if _ONGOING.search(masked[max(0, local - 90) : local]) or (
                not sent.dates and _GOES_ON_AFTER.match(masked[local + len(t.span.text) :])):
            continue  # "troops are deployed to", "continue to conduct", "airstrikes continue": a state, not an event
        if not any(d.precision == "day" for d in sent.dates) and re.search(r"s$", t.span.text) and re.search(
                r"\b(?:continued|continuing|ongoing|persistent|repeated|relentless|incessant)\s+$",
                masked[max(0, local - 20) : local], re.I):
            continue  # "Reports of continued air strikes and fighting in Wadi Barada": a state of things
        if _HABITUAL.search(masked[max(0, local - 30) : local]) or _HABITUAL_AFTER.match(
                masked[local + len(t.span.text) : local + len(t.span.text) + 40]):
            habitual = True
            continue  # "near-daily exchanges of fire between Hezbollah and the Israeli army": a pattern, not an event
        if re.search(r"\b(?:most|many|some|all|none|few)\s+of\s+(?:these|those|the|their)\s+(?:[\w-]+\s+){0,4}$",
                     masked[max(0, local - 40) : local], re.I):
            continue  # "most of these missile attacks have been ineffective": talk about a series
        if not t.sub_event_type and AIR_VERBS.match(t.span.text) and external_state(sent, t):
            specific.append(t)  # "U.S. forces struck targets in Iraq": a state's strike is from the air
            continue
        (generic if not t.sub_event_type else specific).append(t)
    if _CAMPAIGN_SUMMARY.match(masked):
        # "The battle to end the presence of ISIS ..., which our forces launched on 10 September 2018, was fought
        # village by village through Hajin, al-Sha'fa ...": a campaign looked back on, not an event
        return None, False
    if habitual:
        # "... have exchanged fire near-daily since the day after Hamas' Oct. 7 attack, with strikes mostly limited
        # to the border area": the rest of a sentence that tells a habit describes it
        return None, False
    if specific:
        # "has shot down multiple attack drones": the phrase, not the word inside it ("shot")
        whole = [t for t in specific if not any(o is not t and o.span.start <= t.span.start and t.span.end <= o.span.end
                                                and len(o.span.text) > len(t.span.text) for o in specific)]
        return max(whole or specific, key=lambda t: (t.priority, -t.span.start)), False
    if generic:
        # "several people were killed ... when strikes hit Sana'a": the strikes that hit are the event, the deaths
        # its toll ("killed in strikes in al-Qaim" stays the killing there)
        starts = {t.span.start for t in generic}
        doer = next((t for t in generic if not TOLL_VERB.match(t.span.text) and TOLL_VERB.match(generic[0].span.text)
                     and (any(0 < s - t.span.end <= 2 for s in starts) or _CAUSE_OF_TOLL.fullmatch(
                         masked[generic[0].span.end - sent.start : t.span.start - sent.start]))), None)
        # "the Jan. 17 attack in which a Houthi one-way attack unmanned aerial system struck M/V Genco Picardy": the
        # clause that tells the attack
        first = generic[0]
        told = next((t for t in generic if NOUN_TRIGGER.match(first.span.text) and t.span.start > first.span.end
                     and _IN_WHICH.fullmatch(masked[first.span.end - sent.start : t.span.start - sent.start])), None)
        return doer or told or generic[0], True
    return None, False


_ENSUED = re.compile(r"\s+(?:that|which)\s+(?:then\s+)?(?:ensued|followed|erupted|broke out)\b", re.I)


def ensuing(sent: Sentence, trig: TriggerMention) -> bool:
    """"the clash that ensued": an event told as it followed from the sentence before."""
    return bool(_ENSUED.match(sent.text, trig.span.end - sent.start))


def definite_noun(sent: Sentence, trig: TriggerMention) -> bool:
    """"the Erbil attack", "the Thursday strikes", "the drone attack that killed ...": a noun
    pointing back to an event told before."""
    local_end = trig.span.end - sent.start
    if _ENSUED.match(sent.text, local_end):
        return False  # "In the clash that ensued, 9 of our comrades were martyred": told as it happened
    if re.match(r"(?:the|this|that)\s", trig.span.text, re.I):
        return True  # a trigger that holds its article: "the Claw-Sword Air Operation"
    if trig.sub_event_type and re.match(r"\s+(?:that|which)\b", sent.text[local_end : local_end + 8]):
        local = trig.span.start - sent.start
        return bool(re.search(r"\bthe\s+(?:[\w-]+\s+){0,2}$", sent.text[max(0, local - 30) : local], re.I))
    if not NOUN_TRIGGER.match(trig.span.text):
        return False
    local = trig.span.start - sent.start
    if ORDERED.search(sent.text[:local]):
        return False  # "the President directed strikes": "the" is the President's
    if ONE_OF.search(sent.text[:local]) and any(d.precision == "day" for d in sent.dates):
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


def large_count(phrase: str) -> bool:
    m = re.match(r"\d+", phrase)
    return bool(m and int(m.group(0)) > 10) or phrase.split()[0].lower() in (
        "dozens", "scores", "hundreds", "numerous", "many")


def is_heading(sent: Sentence) -> bool:
    """Sub-heads, labels and teaser headlines of other stories ("Nov. 17: Military airstrikes continue
    against ISIL terrorists in Syria and Iraq"): no sentence punctuation at the end."""
    if RELEASE_LINE.match(sent.text):
        return False  # "* Near Qayyarah, one strike struck an ISIL tactical un": a release's line, cut short
    return not _sentence_end(sent.text) and len(sent.text.split()) < 25


RELEASE_LINE = re.compile(r"^\s*(?:[-*•–]+\s*)?(?:On\s+[^,]{3,20},\s+)?[Nn]ear\s+[A-Z][^,]{1,40},\s+"
                           r"(?:[A-Z][a-z]+,\s+)?(?:an?|one|two|three|four|five|six|seven|"
                           r"eight|nine|ten|\d+)\s+(?:air\s?)?strikes?\b")


def _sentence_end(text: str) -> bool:
    """Ends as a sentence does; "On Jan. 19, forces conducted five strikes in Syria:" leads in a list."""
    text = text.strip()
    return bool(_HEADLINE.search(text)) or (text.endswith(":") and len(text.split()) >= 8)


_QUESTION_TURN = re.compile(r"(?:Q|QUESTION|Question)(?:\s*[:.—–]|\s+-|\s+(?=[A-Z]))")


def is_question_turn(text: str, sent: Sentence) -> bool:
    """A paragraph of a briefing transcript that opens with "Q" is a reporter's question."""
    start = text.rfind("\n\n", 0, sent.start + 1)
    start = 0 if start < 0 else start + 2
    return bool(_QUESTION_TURN.match(text, start))


def is_headline(article_title: str | None, sent: Sentence, paragraph_count: int) -> bool:
    return sent.paragraph == 0 and paragraph_count > 1 and (
        not _sentence_end(sent.text) or (article_title or "").strip() == sent.text.strip())


_DESTROYED_BEFORE = re.compile(r"\b(?:destroy(?!ers?\b)\w*|struck|strikes?|hit|bombed|targeted|shelled)\b[^.;]*$", re.I)


_SHOT_DOWN = re.compile(r"(?:shot|shoots?) down|intercept|downed", re.I)  # an interception, never a seizure


def external_state(sent: Sentence, trig: TriggerMention) -> bool:
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
