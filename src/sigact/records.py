"""The typed records that flow between pipeline stages.

Each stage takes one record kind and returns the next; all are frozen so a later stage can never
silently change what an earlier one saw. Character offsets always point into ``Article.text``, which
is what lets every coded field show its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

DatePrecision = Literal["day", "week", "month", "year", "unknown"]
ActorStatus = Literal["confirmed", "claimed", "attributed", "suspected", "unknown"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input item as read, before any cleaning (ingest → clean)."""

    doc_id: str
    source: str  # file path or URL the item came from, for error messages and provenance
    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """Cleaned main text of a document with its metadata (clean → analyse)."""

    doc_id: str
    source: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]  # (start, end) offsets of paragraphs in ``text``
    url: str | None
    outlet: str | None
    published: date | None
    published_source: str  # "metadata" | "html" | "unknown"
    title: str | None
    content_hash: str
    outlet_kind: str | None = None  # wire, national, partisan ... (outlet registry)
    outlet_forces: str | None = None  # the armed party a government channel speaks for (outlet registry)
    source_scale: str | None = None  # ACLED source_scale
    author: str | None = None
    language: str | None = None  # ISO 639-1 code guessed from the text; None when too short to tell
    body_start: int = 0  # offset in ``text`` where the body starts (after a headline put first)

    @property
    def body(self) -> str:
        """The article text without the headline that cleaning put in front of it."""
        return self.text[self.body_start:]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PlaceMention:
    span: Span
    place_id: int  # index into the gazetteer
    cue: Literal["at", "near", "district", "region", "reference", "patron", "dateline", "none"] = "none"


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    actor: str  # canonical name
    registered: bool = True


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span
    value: date | None
    precision: DatePrecision


@dataclass(frozen=True, slots=True)
class TriggerMention:
    span: Span
    event_type: str
    sub_event_type: str
    method: str | None
    priority: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    triggers: tuple[TriggerMention, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """An article split into sentences, each carrying its mentions (analyse → extract)."""

    article: Article
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place; ``None`` coordinates when only the country is known."""

    name: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: int


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as reported by one or more sentences of one article (extract → merge)."""

    doc_id: str
    event_date: date | None
    date_precision: DatePrecision
    event_type: str
    sub_event_type: str
    method: str | None
    actor1: str | None
    actor1_status: ActorStatus
    claimed_by: tuple[str, ...]
    actor2: str | None
    target: str | None
    place: Place | None
    fatalities: int | None
    injuries: int | None
    evidence: tuple[Span, ...]
    confidence: float
    unregistered_actors: tuple[str, ...] = field(default=())
    guessed_type: bool = False  # type defaulted: a generic verb with no weapon or context
    date_reported: bool = False  # dated by when it was told ("sources said on Monday"): may have been earlier


@dataclass(frozen=True, slots=True)
class Event:
    """A deduplicated event with every mention that reported it (merge → store / output)."""

    doc_id: str
    event_date: date | None
    date_precision: DatePrecision
    event_type: str
    sub_event_type: str
    method: str | None
    actor1: str | None
    actor1_status: ActorStatus
    claimed_by: tuple[str, ...]
    actor2: str | None
    target: str | None
    location: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    fatalities: int | None
    injuries: int | None
    evidence: tuple[Span, ...]
    confidence: float
    mentions: tuple[EventMention, ...] = ()

    def as_schema_dict(self) -> dict[str, object]:
        """The SCHEMA.md field names plus ``doc_id`` and ``confidence``."""
        return {
            "doc_id": self.doc_id,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "method": self.method,
            "actor1": self.actor1,
            "actor1_status": self.actor1_status,
            "claimed_by": list(self.claimed_by),
            "actor2": self.actor2,
            "target": self.target,
            "location": self.location,
            "admin1": self.admin1,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geo_precision": self.geo_precision,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "evidence": " … ".join(s.text for s in self.evidence),
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class EventFrame:
    """What the text says about one event, still as mentions (extract → resolve)."""

    doc_id: str
    sentences: tuple[int, ...]  # indices into AnalysedArticle.sentences
    sub_event_type: str
    event_type: str
    method: str | None
    trigger: TriggerMention
    generic: bool  # found through a generic attack verb only
    date: DateMention | None
    date_source: Literal["sentence", "reported", "context", "publication", "none"]  # reported: "said on Monday"
    place: PlaceMention | None
    place_source: Literal["sentence", "context", "actor", "article", "none"]
    actor1: ActorMention | None
    actor1_status: ActorStatus
    claimed_by: tuple[ActorMention, ...]
    actor2: ActorMention | None
    target: str | None
    fatalities: int | None
    injuries: int | None
