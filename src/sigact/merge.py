"""EventMentions → Events: one event per place, day, type and actor pair.

Mentions of the same event (the lead, the Pentagon quote, the monitor's toll) are merged: same day,
same sub-event type, compatible places (the same place, one inside the other, or within a few km)
and compatible actors. The merged event keeps the most specific place, every evidence sentence, and
the highest stated casualty counts.
"""

from __future__ import annotations

from collections.abc import Iterable

from sigact.knowledge import actors as actor_kb
from sigact.knowledge.gazetteer import haversine_km
from sigact.records import Event, EventMention, Place

NEAR_KM = 25.0
_SAME_TOWN_KM = 5.0  # two names for one spot (a base and the village it stands by)


def _unknown(actor: str | None) -> bool:
    return actor is None or actor.startswith("Unidentified")


def places_compatible(a: Place | None, b: Place | None, radius_km: float = NEAR_KM) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.geo_precision == 3 and b.geo_precision == 3 and a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False  # two provinces ("in Diwaniyah and Babil provinces") are two places
    if a.geo_precision == 3 or b.geo_precision == 3:
        finer, coarse = (a, b) if a.geo_precision < b.geo_precision else (b, a)
        return coarse.admin1 is None or coarse.name is None or coarse.admin1 == finer.admin1 or \
            coarse.geo_precision == 3
    if a.name and a.name == b.name:
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= radius_km  # type: ignore[arg-type]
    return False


# Outcomes that ACLED codes inside the violent event they belong to (the arrests after a clash, the
# weapons seized in a raid), not as events of their own, when reported for the same place and day.
ABSORBED = {"Arrests", "Disrupted weapons use", "Looting/property destruction", "Abduction/forced disappearance"}
SEVERITY = {"Battles": 3, "Explosions/Remote violence": 3, "Violence against civilians": 2, "Riots": 1,
            "Protests": 1, "Strategic developments": 0}


def _absorbs(a: EventMention, b: EventMention) -> bool:
    """True when one of the two is a by-product of the other violent event."""
    pairs = ((a, b), (b, a))
    return any(y.sub_event_type in ABSORBED and SEVERITY.get(x.event_type, 0) > SEVERITY.get(y.event_type, 0)
               for x, y in pairs)


def _vaguely_placed(a: EventMention, b: EventMention) -> bool:
    """One of the two is placed only by its country or province, and the other is not the same place."""
    if a.place is None or b.place is None:
        return False
    vague = a.place.geo_precision == 3 or b.place.geo_precision == 3
    return vague and a.place.name != b.place.name


def same_side(a: str | None, b: str | None) -> bool:
    """The same party, or two state forces of one country ("Iran fired missiles" and "the Revolutionary
    Guard said it fired them"): one side, told by two names."""
    if _unknown(a) or _unknown(b) or a == b:
        return True
    reg = actor_kb.load()
    ea, eb = reg.get(a or ""), reg.get(b or "")
    return ea is not None and eb is not None and ea.kind == eb.kind == "state" and ea.country == eb.country


def _opposed(a: EventMention, b: EventMention) -> bool:
    """``a`` is done by the party ``b`` is done to."""
    return not _unknown(a.actor1) and a.actor1 == b.actor2


def _told_later(a: EventMention, b: EventMention) -> bool:
    """``b`` is dated by the day it was told ("sources said on Monday") or only to its week ("were targeted
    by drone attacks this week"), and ``a`` is the same event told with its own day up to two (a week's:
    six) days before, at the same place or one of the two only vaguely placed."""
    if not ((b.date_reported or b.date_precision == "week") and a.doc_id == b.doc_id and a.event_date
            and b.event_date and a.date_precision == "day"):
        return False
    if not 0 < (b.event_date - a.event_date).days <= (6 if b.date_precision == "week" else 2):
        return False
    return a.place is None or b.place is None or a.place.name == b.place.name or _vaguely_placed(a, b)


def listed_apart(a: EventMention, b: EventMention) -> bool:
    """One sentence's list of towns ("attacks in Jabla ... and the port city of Tartus", "in al-Diwaniyah,
    two in Babil governorate and one near Abu Ghraib"): one event at each."""
    return a.doc_id == b.doc_id and a.evidence[:1] == b.evidence[:1] and (
        not places_compatible(a.place, b.place) or _vaguely_placed(a, b) or (
            # "in the Metina, Zap and Avashin-Basyan regions": neighbours listed by name are each a place of its own
            a.place is not None and b.place is not None and a.place.name != b.place.name
            and a.place.geo_precision < 3 and b.place.geo_precision < 3
            and not places_compatible(a.place, b.place, _SAME_TOWN_KM)))


def _two_towns(a: EventMention, b: EventMention) -> bool:
    """One writer tells two attacks in two sentences, each at a town of its own ("... targeted an army post in
    Bint Jbeil ... Later, ... in the town of Taybeh, the Israeli enemy targeted the unit"): two events, however
    near the towns lie. Across reports the radius stays: two sources may name two villages for one attack."""
    if a.doc_id != b.doc_id or a.evidence[:1] == b.evidence[:1] or a.place is None or b.place is None:
        return False
    if not a.place.geo_precision == b.place.geo_precision == 1 or a.place.name == b.place.name:
        return False
    if a.guessed_type or b.guessed_type:
        return False  # a summary lead ("two convoys were attacked on the outskirts of Baghdad") stands for them all
    return not places_compatible(a.place, b.place, _SAME_TOWN_KM)


def compatible(a: EventMention, b: EventMention) -> bool:
    if a.event_date != b.event_date and not (_told_later(a, b) or _told_later(b, a)):
        return False
    if a.sub_event_type != b.sub_event_type and not (a.doc_id == b.doc_id and (
            _absorbs(a, b) or a.guessed_type or b.guessed_type)):
        return False
    if a.sub_event_type != b.sub_event_type and not (a.guessed_type or b.guessed_type) and _vaguely_placed(a, b):
        return False  # a drone downed over the Red Sea is no by-product of a strike placed only "in Yemen"
    if not same_side(a.actor1, b.actor1):
        return False
    if _opposed(a, b) or _opposed(b, a):
        return False  # an attack on US forces and the US strike in reply the same day are two events
    if listed_apart(a, b):
        return False
    if _two_towns(a, b):
        return False
    # a summary lead ("two convoys were attacked on the outskirts of Baghdad") covers a wider area
    radius = 3 * NEAR_KM if a.guessed_type or b.guessed_type else NEAR_KM
    return places_compatible(a.place, b.place, radius)


def _better_place(a: Place | None, b: Place | None) -> Place | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if b.geo_precision < a.geo_precision else a


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def combine(a: EventMention, b: EventMention) -> EventMention:
    if SEVERITY.get(b.event_type, 0) > SEVERITY.get(a.event_type, 0) or (a.guessed_type and not b.guessed_type):
        a, b = b, a  # the violent, or the specifically described, event gives the type
    by_product = b.sub_event_type in ABSORBED and b.event_type != a.event_type
    actor1, status = (a.actor1, a.actor1_status) if not _unknown(a.actor1) or _unknown(b.actor1) or by_product \
        else (b.actor1, b.actor1_status)
    evidence = tuple(sorted({*a.evidence, *b.evidence}, key=lambda s: s.start))
    # the day it happened over the day it was told
    when = b if b.event_date and (a.event_date is None or b.event_date < a.event_date) else a
    return EventMention(
        doc_id=a.doc_id, event_date=when.event_date, date_precision=when.date_precision, event_type=a.event_type,
        sub_event_type=a.sub_event_type, method=a.method or b.method, actor1=actor1, actor1_status=status,
        claimed_by=tuple(dict.fromkeys((*a.claimed_by, *b.claimed_by))),
        actor2=a.actor2 if not _unknown(a.actor2) else (b.actor2 or a.actor2),
        target=a.target or b.target, place=_better_place(a.place, b.place),
        fatalities=_max(a.fatalities, b.fatalities), injuries=_max(a.injuries, b.injuries),
        evidence=evidence, confidence=min(0.99, max(a.confidence, b.confidence) + 0.05),
        unregistered_actors=tuple(dict.fromkeys((*a.unregistered_actors, *b.unregistered_actors))),
        guessed_type=a.guessed_type and b.guessed_type, date_reported=when.date_reported,
    )


def to_event(m: EventMention, mentions: tuple[EventMention, ...]) -> Event:
    p = m.place
    return Event(
        doc_id=m.doc_id, event_date=m.event_date, date_precision=m.date_precision, event_type=m.event_type,
        sub_event_type=m.sub_event_type, method=m.method, actor1=m.actor1, actor1_status=m.actor1_status,
        claimed_by=m.claimed_by, actor2=m.actor2, target=m.target,
        location=p.name if p else None, admin1=p.admin1 if p else None, country=p.country if p else None,
        lat=round(p.lat, 4) if p and p.lat is not None else None,
        lon=round(p.lon, 4) if p and p.lon is not None else None,
        geo_precision=p.geo_precision if p else None, fatalities=m.fatalities, injuries=m.injuries,
        evidence=m.evidence, confidence=m.confidence, mentions=mentions,
    )


def merge(mentions: Iterable[EventMention]) -> list[Event]:
    groups: list[tuple[EventMention, list[EventMention]]] = []
    for m in mentions:
        for i, (acc, members) in enumerate(groups):
            if compatible(acc, m) and not any(listed_apart(x, m) for x in members):
                groups[i] = (combine(acc, m), [*members, m])
                break
        else:
            groups.append((m, [m]))
    return [to_event(acc, tuple(members)) for acc, members in groups]
