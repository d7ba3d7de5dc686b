"""The extraction pipeline as one call: Document → Article → AnalysedArticle → frames → mentions → events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sigact.analyse import analyse
from sigact.clean import clean
from sigact.errors import InputError
from sigact.extract import extract
from sigact.ingest import read_inputs
from sigact.language import skip_reason
from sigact.merge import merge
from sigact.records import Article, Document, Event
from sigact.resolve import resolve


@dataclass(frozen=True, slots=True)
class Result:
    """Outcome for one input item: its article and events, or the reason it failed."""

    source: str
    doc_id: str | None
    article: Article | None
    events: tuple[Event, ...]
    error: InputError | None = None
    document: Document | None = None  # as read: the store keeps its HTML, compressed, for re-extraction
    skipped: str | None = None  # why extraction was not run on a stored article (e.g. its language)


def process_article(article: Article, min_confidence: float = 0.0) -> list[Event]:
    analysed = analyse(article)
    mentions = [resolve(f, analysed) for f in extract(analysed)]
    # an event placed nowhere, not even in a country, cannot be coded (ACLED needs a location)
    return [e for e in merge(mentions) if e.confidence >= min_confidence and e.country is not None]


def process_document(doc: Document, min_confidence: float = 0.0) -> Result:
    try:
        article = clean(doc)
    except InputError as err:
        return Result(doc.source, doc.doc_id, None, (), err, doc)
    reason = skip_reason(article.language)
    if reason is not None:
        return Result(doc.source, doc.doc_id, article, (), None, doc, reason)
    return Result(doc.source, doc.doc_id, article, tuple(process_article(article, min_confidence)), None, doc)


def run(inputs: Iterable[str | Path], min_confidence: float = 0.0) -> Iterator[Result]:
    for item in read_inputs(inputs):
        if isinstance(item, InputError):
            yield Result(item.source, item.record, None, (), item)
        else:
            yield process_document(item, min_confidence)


def extract_text(text: str, published: str | None = None, doc_id: str = "text",
                 outlet: str | None = None) -> list[Event]:
    """Events in one plain text; the library's simplest entry point."""
    from sigact.ingest import parse_published

    doc = Document(doc_id=doc_id, source=doc_id, text=text, published=parse_published(published), outlet=outlet)
    result = process_document(doc)
    if result.error:
        raise result.error
    return list(result.events)
