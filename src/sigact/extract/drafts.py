"""The event being assembled while sentences are read, the story so far, and the frozen EventFrame."""

from __future__ import annotations

from dataclasses import dataclass, field

from sigact.knowledge import vocabulary
from sigact.records import (
    ActorMention,
    ActorStatus,
    Article,
    DateMention,
    EventFrame,
    PlaceMention,
    Sentence,
    TriggerMention,
)


@dataclass
class Draft:
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


@dataclass
class Story:
    """What the sentences read so far have told: the events drafted, and what later sentences lean on."""

    article: Article
    sents: tuple[Sentence, ...]
    dominant: ActorMention | None = None  # the armed group the document is about, if one stands out
    only_group: ActorMention | None = None  # the one armed group the document names, if just one
    drafts: list[Draft] = field(default_factory=list)
    history: list[ActorMention] = field(default_factory=list)  # every party named so far
    claimants: set[str] = field(default_factory=set)
    continuing: list[Draft] = field(default_factory=list)  # events the current run of sentences adds to
    lead_date: DateMention | None = None
    # "On Monday 4 March, a pair of Typhoons ...": the day a paragraph opens with
    opening_dates: dict[int, DateMention] = field(default_factory=dict)

    def drafted(self, idx: int) -> bool:
        """Sentence ``idx`` is part of an event drafted so far."""
        return any(idx in d.sentences for d in self.drafts)


def freeze(doc_id: str, d: Draft) -> EventFrame:
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
