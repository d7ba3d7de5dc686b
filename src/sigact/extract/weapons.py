"""The weapon of an event: the one named with its trigger, or one the story named before."""

from __future__ import annotations

import re

from sigact.extract.drafts import Draft
from sigact.knowledge import vocabulary
from sigact.records import Sentence, TriggerMention

_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\s(?:after|following|in response to|in retaliation for|since|amid|as)\s", re.I)


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


_INSTRUMENT_AFTER = re.compile(r"^[^.;:]{0,60}?,\s+(?:with|using|utili[sz]ing|employing|deploying)\s+"
                               r"(?:[\w-]+\s+){0,3}$", re.I)
_INSTRUMENT = re.compile(r"\b(?:with|using|by|via|by means of|from|deploying|employing|utili[sz]ing)\s+"
                         r"(?:[\w-]+\s+){0,3}$", re.I)


def weapon_near(sent: Sentence, pos: int, trig_end: int | None = None) -> tuple[str, str] | None:
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
            right_after = m.start() - end <= 3 and not re.search(r"\b(?:an?|the)\b", sent.text[end : m.start()], re.I)
            if m.start() >= end and not (right_after or _INSTRUMENT.search(between)):
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


def aircraft_before(sent: Sentence, pos: int) -> bool:
    """An aircraft as the subject of the trigger ("Four Tornado jets fired Storm Shadow missiles",
    "Israeli F-15 aircraft fired missiles from Lebanese airspace"): its missiles make an air strike."""
    lo, _ = _clause(sent.text, pos)
    lo = max(0, lo - 60)
    for w in vocabulary.load().weapons:
        if w.method != "airstrike":
            continue
        for m in w.regex.finditer(sent.text, lo, pos):
            if not re.search(r"\b(?:at|on|against|toward|towards|down|intercept\w*)\s+(?:[\w-]+\s+){0,3}$",
                             sent.text[max(0, m.start() - 40) : m.start()], re.I):
                return True
    return False


_DONE_WITH = re.compile(r"^,?\s+(?:was\s+)?(?:carried out|conducted|launched|executed|perpetrated)\s+"
                        r"(?:by|with|using)\s+(?:[\w-]+\s+){0,3}$", re.I)


def done_with(sent: Sentence, trig: TriggerMention) -> tuple[str, str] | None:
    """"this attack, carried out by F-35 fighter jets": the weapon in a participle right after the noun."""
    end = trig.span.end - sent.start
    for w in vocabulary.load().weapons:
        for m in w.regex.finditer(sent.text, end, end + 70):
            if _DONE_WITH.match(sent.text[end : m.start()]):
                return w.method, w.sub_event_type
    return None


def context_weapon(drafts: list[Draft], sents: tuple[Sentence, ...], idx: int, actor: str | None = None,
                    target: str | None = None) -> tuple[str, str] | None:
    """The weapon of the surrounding story: the last one named in the three sentences before,
    else that of the last event (the group "attacked another convoy" the way it did before).
    Never the weapon of another party's event: a militia's attack is not typed by the US strike
    told just before it, nor an attack on US forces by the US strike it prompted."""
    v = vocabulary.load()

    def other(d: Draft) -> bool:
        return d.actor1 is not None and ((actor is not None and d.actor1.actor != actor) or d.actor1.actor == target)

    # an interception's weapons are the ones it stopped, not the interceptor's ("four rockets were launched
    # from Syria ... and were intercepted by the IDF. || Among the targets struck overnight ...")
    others = {i for d in drafts if other(d) or d.sub_event_type == "Disrupted weapons use" for i in d.sentences}
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
        if d.method and d.method != "small_arms" and not other(d) and d.sub_event_type != "Disrupted weapons use":
            return d.method, d.sub_event_type
    return None
