"""Web inputs into the store: URL lists and watched feeds, fetched politely and stored idempotently.

Glue at the edge between ``fetch`` (network), ``feeds`` (parsing), the pipeline and the store. The
state that makes re-runs cheap lives in the database: each URL's ETag / Last-Modified (sent back, a
304 means unchanged) and each feed's seen items. Both are written in the transaction that stores the
document, so a crash never marks as done what was not stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sigact.errors import InputError, SigactError
from sigact.feeds import FeedItem, discover, looks_like_feed, parse_feed
from sigact.fetch import Fetched, Fetcher, document_from_fetch
from sigact.pipeline import Result, process_document
from sigact.records import Document
from sigact.store import IngestSummary, Store, Validators

Report = Callable[[Exception], None]


def _validators_of(store: Store, urls: list[str]) -> Callable[[str], tuple[str | None, str | None]]:
    known = {u: store.validators(u) for u in urls}  # read here, not in the fetching threads

    def get(url: str) -> tuple[str | None, str | None]:
        v = known.get(url)
        return (v.etag, v.last_modified) if v else (None, None)

    return get


def _validators(f: Fetched, result: Result | None = None) -> Validators:
    content_hash = result.article.content_hash if result and result.article else None
    return Validators(f.url, f.final_url, f.etag, f.last_modified, content_hash)


def _not_modified(store: Store, f: Fetched, summary: IngestSummary) -> None:
    old = store.validators(f.url)
    store.save_validators(Validators(f.url, f.final_url, f.etag or (old.etag if old else None),
                                     f.last_modified or (old.last_modified if old else None),
                                     old.content_hash if old else None))
    summary.unchanged += 1


def _store(store: Store, result: Result, summary: IngestSummary, report: Report, **state: object) -> None:
    if result.error is not None:
        report(result.error)
    elif result.skipped:
        report(SigactError(f"{result.source}: {result.skipped} (stored)"))
    try:
        store.add_result(result, summary, **state)  # type: ignore[arg-type]
    except Exception as exc:  # StoreError: one document lost, the batch goes on
        summary.failed += 1
        report(exc)


def ingest_urls(store: Store, fetcher: Fetcher, urls: list[str], summary: IngestSummary, report: Report) -> None:
    """Fetch each URL (conditionally), clean, extract and store it."""
    for _url, got in fetcher.fetch_many(urls, _validators_of(store, urls)):
        if isinstance(got, InputError):
            summary.failed += 1
            report(got)
            continue
        if got.not_modified:
            _not_modified(store, got, summary)
            continue
        if looks_like_feed(got.body):  # a feed given as a URL: its items, once (watch keeps polling)
            _ingest_feed(store, fetcher, got, summary, report)
            continue
        result = process_document(document_from_fetch(got))
        _store(store, result, summary, report, validators=_validators(got, result))


def _ingest_feed(store: Store, fetcher: Fetcher, got: Fetched, summary: IngestSummary, report: Report) -> None:
    try:
        items = parse_feed(got.body, got.url)
    except InputError as err:
        summary.failed += 1
        report(err)
        return
    if _ingest_items(store, fetcher, got.url, items, summary, report):
        store.save_validators(_validators(got))  # all items settled: the next fetch may get a 304


def _item_document(item: FeedItem, page: Fetched | InputError | None, feed_url: str) -> Document | InputError:
    """The item's page when it could be fetched, else the item's own text in the feed."""
    if isinstance(page, Fetched) and page.text:
        doc = document_from_fetch(page)
    elif item.html and len(item.html) >= 200:
        doc = Document(doc_id=item.link or item.key, source=feed_url, html=f"<html><body><article>{item.html}"
                       "</article></body></html>", url=item.link)
    else:
        return page if isinstance(page, InputError) else InputError(feed_url, "item has no link and no text",
                                                                    item.key)
    return replace(doc, title=doc.title or item.title, published=doc.published or item.published)


def watch_once(store: Store, fetcher: Fetcher, sources: list[str], summary: IngestSummary, report: Report) -> None:
    """One poll of each feed (or page): only items not seen before are fetched and stored."""
    for source in sources:
        old = store.validators(source)
        try:
            got = fetcher.fetch(source, old.etag if old else None, old.last_modified if old else None)
        except InputError as err:
            summary.failed += 1
            report(err)
            continue
        if got.not_modified:
            _not_modified(store, got, summary)
            continue
        body = got.body
        if not looks_like_feed(body) and (found := discover(got.text or "", got.final_url)):
            try:
                feed = fetcher.fetch(found)
            except InputError as err:
                summary.failed += 1
                report(err)
                continue
            body = feed.body
        if not looks_like_feed(body):  # a plain page: watched for changes as one document
            result = process_document(document_from_fetch(got))
            _store(store, result, summary, report, validators=_validators(got, result))
            continue
        _ingest_feed(store, fetcher, replace(got, body=body), summary, report)


def _ingest_items(store: Store, fetcher: Fetcher, feed_url: str, items: list[FeedItem], summary: IngestSummary,
                  report: Report) -> bool:
    """Store the feed's new items; False when some must be retried on the next poll."""
    seen = store.seen_items(feed_url)
    new = [i for i in dict((i.key, i) for i in items).values() if i.key not in seen]
    links = [i.link for i in new if i.link]
    pages = dict(fetcher.fetch_many(links, _validators_of(store, links))) if links else {}
    settled = True
    for item in new:
        page = pages.get(item.link) if item.link else None
        if isinstance(page, Fetched) and page.not_modified:
            store.mark_seen(feed_url, item.key, item.link, "unchanged")
            summary.unchanged += 1
            continue
        doc = _item_document(item, page, feed_url)
        if isinstance(doc, InputError):
            summary.failed += 1
            report(doc)
            settled = False  # the page may come back; try again next time
            continue
        result = process_document(doc)
        feed_item = (feed_url, item.key, item.link)
        if result.error is not None:  # fetched but nothing to extract: do not fetch it again
            report(result.error)
            summary.failed += 1
            store.mark_seen(feed_url, item.key, item.link, f"failed: {result.error.reason}")
            continue
        validators = _validators(page, result) if isinstance(page, Fetched) else None
        _store(store, result, summary, report, validators=validators, feed_item=feed_item)
    return settled
