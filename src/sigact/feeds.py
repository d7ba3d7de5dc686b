"""RSS/Atom feeds to items (feedparser): what each entry links to, its stable key and its own text.

Parsing only; fetching and the record of items already seen live in ``collect`` and the store.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from urllib.parse import urljoin

import feedparser

from sigact.errors import InputError

FEED_LINK_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL)


@dataclass(frozen=True, slots=True)
class FeedItem:
    key: str  # the entry's id, else its link, else a hash of its title and text
    link: str | None
    title: str | None
    published: date | None
    html: str | None  # the entry's own content or summary, used when its page cannot be fetched


def looks_like_feed(body: bytes) -> bool:
    return bool(_FEED_START.match(body[:4096]))


def _published(entry: dict[str, object]) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC).date()  # type: ignore[arg-type]
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def parse_feed(body: bytes, url: str) -> list[FeedItem]:
    """Items of a feed, in feed order; ``InputError`` when the body is not a feed."""
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        reason = type(parsed.get("bozo_exception")).__name__ if parsed.get("bozo") else "no entries"
        raise InputError(url, f"not an RSS/Atom feed ({reason})")
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = entry.get("link") or None
        if link:
            link = urljoin(url, link)
        contents = entry.get("content") or []
        html = (contents[0].get("value") if contents else None) or entry.get("summary") or None
        title = entry.get("title") or None
        key = entry.get("id") or link or hashlib.sha256(f"{title}\n{html}".encode()).hexdigest()
        items.append(FeedItem(str(key), link, title, _published(entry), html))
    return items


class _AlternateLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            a = {k: (v or "") for k, v in attrs}
            if "alternate" in a.get("rel", "").lower().split() and a.get("type", "").lower() in FEED_LINK_TYPES:
                self.links.append(a.get("href", ""))


def discover(html: str, base_url: str) -> str | None:
    """The feed a page announces with <link rel="alternate" type="application/rss+xml">, if any."""
    finder = _AlternateLinks()
    try:
        finder.feed(html[:200_000])
    except Exception:  # HTMLParser on hostile markup; discovery is optional
        return None
    hrefs = [h for h in finder.links if h.strip()]
    return urljoin(base_url, hrefs[0].strip()) if hrefs else None
