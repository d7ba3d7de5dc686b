"""Document → Article: the main text only, without page furniture.

HTML goes through trafilatura (comments off). Plain text, often a crawler's dump of a whole page,
goes through general rules: comment/footer sections are cut at their first marker line, widget,
caption and byline lines dropped, repeated lines kept once, sidebar teasers removed, and a trailing
run of short "username"-style blocks (a comment thread without a marker) cut off.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sigact.errors import InputError
from sigact.knowledge import datafiles
from sigact.knowledge import outlets as outlet_kb
from sigact.records import Article, Document

_BLANK_RUN = re.compile(r"\n[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)+")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
_WRAP_WIDTH = 100  # hard-wrapped text breaks lines at 72-80 characters; longer lines are written as paragraphs
MAX_HTML_CHARS = 5_000_000  # bigger pages (after cutting scripts) are refused: no news page is this long, and
# trafilatura needs minutes and gigabytes for them
BLOATED_HTML_CHARS = 2_000_000  # above this, scripts, styles and inline images are cut before parsing
_BLOAT_OPEN = re.compile(r"<(script|style|svg|noscript|template)\b|<!--", re.IGNORECASE)


def strip_bloat(html: str) -> str:
    """Cut script, style, svg, noscript, template elements and comments, in one linear pass."""
    lower = html.lower()
    out: list[str] = []
    pos = 0
    while m := _BLOAT_OPEN.search(html, pos):
        close = "-->" if m.group(0) == "<!--" else f"</{m.group(1).lower()}"
        end = lower.find(close, m.end())
        if end < 0:  # never closed: keep the rest as it is rather than search again from every tag
            break
        out.append(html[pos:m.start()])
        out.append(" ")
        gt = lower.find(">", end)
        pos = len(html) if gt < 0 else gt + 1
    out.append(html[pos:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    section_end: re.Pattern[str]
    line: re.Pattern[str]
    teaser: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> BoilerplateRules:
    data: dict[str, list[str]] = {"section_end": [], "line": [], "teaser": []}
    for path in datafiles.find("boilerplate*.yaml"):
        for k, v in (datafiles.read_yaml(path) or {}).items():
            data.setdefault(k, []).extend(v)

    def alt(pats: list[str]) -> re.Pattern[str]:
        return re.compile("^(?:" + "|".join(f"(?:{p})" for p in pats) + r")$", re.IGNORECASE)

    return BoilerplateRules(alt(data["section_end"]), alt(data["line"]), alt(data["teaser"]))


def _words(line: str) -> int:
    return len(line.split())


def is_prose(line: str) -> bool:
    """A line that reads like article text: several words, ending like a sentence."""
    return _words(line) >= 8 or (_words(line) >= 4 and bool(_SENTENCE_END.search(line)))


_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from", "against",
                "-", "–", "—", "vs", "vs."}


def _is_heading(line: str) -> bool:
    """A title-case line with no sentence end: "Operation Inherent Resolve - Targeted Operations Against ISIL
    Terrorists" above the first sentence is a section heading, not its subject."""
    words = line.split()
    if not 4 <= len(words) <= 16 or _SENTENCE_END.search(line) or line.rstrip().endswith((",", ";", ":")):
        return False
    content = [w for w in words if w.casefold() not in _SMALL_WORDS]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _drop_comment_tail(blocks: list[list[str]]) -> list[list[str]]:
    """Cut an unmarked comment thread.

    Pages whose paragraphs are separated by single blank lines often show the comment thread after
    a wider gap: user names and one-liners between opinion paragraphs. When the dominant block is
    itself multi-paragraph and what follows it holds several such name-like lines, it goes.
    """
    if len(blocks) < 2:
        return blocks
    sizes = [sum(len(line) for line in b if is_prose(line)) for b in blocks]
    main = max(range(len(blocks)), key=lambda i: sizes[i])
    if sizes[main] < 0.3 * sum(sizes) or sum(1 for ln in blocks[main] if is_prose(ln)) < 3:
        return blocks
    tail = [ln for b in blocks[main + 1 :] for ln in b if ln]
    short = sum(1 for ln in tail if not is_prose(ln) and _words(ln) <= 4)
    return blocks[: main + 1] if short >= 2 else blocks


_DAY_HEADING = re.compile(r"^(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:"
                          r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
                          r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
                          r"(?:,?\s+\d{4})?\s*:$", re.I)
_INLINE_BULLET = re.compile(r"\s+[*•▪]\s+(?=[A-Z0-9\"“])")  # list items a page's markup ran together
# "-- Near Abu Kamal, ..." in strike reports, "*Near Raqqah, ..." in their reposts
_BULLET = re.compile(r"^(?:(?:--|[*•‣◦▪–—.-]|\d{1,2}[.)])\s+(?=\S)|[*•‣◦▪](?=[A-Z]))")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^)\s]+)(?:\s+\"[^\"\n]*\")?\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)


def plain_markdown(text: str) -> str:
    """Markdown markup (scrapers' renderings of web pages) reduced to the words a reader sees."""
    if not any(ch in text for ch in "*_[#\\"):
        return text
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = text.replace("**", "").replace("__", "")
    return _MD_ESCAPE.sub(r"\1", text)



def clean_text(raw: str) -> list[str]:
    """Paragraphs of article text from a plain-text page dump."""
    r = rules()
    text = plain_markdown(raw.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = [[ln.strip() for ln in chunk.split("\n")] for chunk in _BLANK_RUN.split(text)]
    # 1. cut at the first comment/footer marker
    cut: list[list[str]] = []
    stop = False
    for block in blocks:
        kept: list[str] = []
        for line in block:
            if line and r.section_end.match(line):
                stop = True
                break
            kept.append(line)
        cut.append(kept)
        if stop:
            break
    cut = _drop_comment_tail([b for b in cut if any(b)])
    # 2. line rules, duplicates, teasers
    paragraphs: list[str] = []
    seen: set[str] = set()
    lines = [ln for b in cut for ln in [*b, ""]]
    teaser_idx = {i for i, ln in enumerate(lines) if ln and r.teaser.match(ln)}
    current: list[str] = []
    for i, line in enumerate(lines):
        bullet = _BULLET.match(line)
        if bullet and current:  # a list item is a unit of its own: one strike, one attack per line
            paragraphs.append(" ".join(current))
            current = []
        line = line[bullet.end():] if bullet else line
        # ... "the U.S.-led / coalition / conducted five airstrikes": a word broken off mid-sentence is no label
        wrapped = bool(line[:1].islower() and current and not _SENTENCE_END.search(current[-1]))
        if line and current and not wrapped and (
                (len(current[-1]) < 50 and not is_prose(current[-1])) or _is_heading(current[-1])):
            paragraphs.append(" ".join(current))  # a short line is a label or dateline, not wrapped prose
            current = []
        elif line and current and len(current[-1]) > _WRAP_WIDTH and _SENTENCE_END.search(current[-1]):
            # a line longer than any wrap width that ends a sentence is a paragraph of its own: text saved
            # with one line a paragraph and no blank lines between them
            paragraphs.append(" ".join(current))
            current = []
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if i in teaser_idx or (i + 1 in teaser_idx and not is_prose(line)):
            continue  # sidebar teaser, or the heading right above teasers
        norm = " ".join(line.casefold().split())
        if (norm in seen and not _DAY_HEADING.match(line)) or r.line.match(line):
            continue
        seen.add(norm)
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    # a short first line is the headline; other short lines are labels, bylines and sub-heads, but a day
    # heading a list ("On Oct. 6:") dates the lines under it
    return [p for i, p in enumerate(paragraphs) if i == 0 or is_prose(p) or _words(p) >= 4 or _DAY_HEADING.match(p)]


def focus_main(html: str) -> str:
    """A huge page reduced to its head and its <article> (or <main>) element, when that is small enough."""
    lower = html.lower()
    for tag in ("article", "main"):
        start, end = lower.find(f"<{tag}"), lower.rfind(f"</{tag}>")
        if 0 <= start < end and end - start < MAX_HTML_CHARS:
            head_end = lower.find("</head>", 0, start)
            head = html[:head_end + 7] if 0 <= head_end < 200_000 else "<html>"
            return f"{head}<body>{html[start:end + len(tag) + 3]}</body></html>"
    return html


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What trafilatura found in a page: main text paragraphs and the page's own metadata."""

    paragraphs: list[str]
    title: str | None
    date: str | None
    sitename: str | None
    author: str | None


def _from_html(html: str, source: str, url: str | None = None) -> HtmlExtract:
    import trafilatura

    if len(html) > BLOATED_HTML_CHARS:
        html = strip_bloat(html)  # pages this large are mostly inline scripts and data
    if len(html) > MAX_HTML_CHARS:
        html = focus_main(html)
    if len(html) > MAX_HTML_CHARS:
        raise InputError(source, f"HTML too large to extract ({len(html) // 1_000_000} M characters > "
                         f"{MAX_HTML_CHARS // 1_000_000} M)")
    try:
        result = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True,
                                             include_tables=False)
    except RecursionError as exc:
        raise InputError(source, "HTML nested too deeply to extract") from exc
    except Exception as exc:  # trafilatura raises many lxml/parser errors on broken pages
        raise InputError(source, f"unparseable HTML ({type(exc).__name__})") from exc
    doc = result.as_dict() if result is not None and hasattr(result, "as_dict") else result
    if not doc or not (doc.get("text") or "").strip():
        raise InputError(source, "no article text found in HTML")
    paragraphs = [item.strip() for p in doc["text"].split("\n") for item in _INLINE_BULLET.split(p) if item.strip()]
    return HtmlExtract(paragraphs, doc.get("title"), doc.get("date"), doc.get("sitename"), doc.get("author"))


_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u2009\u202f\u200a\u2002\u2003"})


_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(rf"^(?:(?:[A-Z][\w ]{{0,30}}?)\s+)?(?:(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})|"
                       rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\s+(?P<y2>\d{{4}}))$", re.IGNORECASE)


_MONTH_ABBRS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _dateline(paragraphs: list[str]) -> date | None:
    """A line near the top that is only a date (perhaps after a label: "Press Statement March 7, 2024")."""
    for p in paragraphs[:6]:
        m = _DATELINE.match(p.strip())
        if not m:
            continue
        month = (m.group("m1") or m.group("m2"))[:3].casefold()
        try:
            return date(int(m.group("y1") or m.group("y2")), _MONTH_ABBRS.index(month) + 1,
                        int(m.group("d1") or m.group("d2")))
        except ValueError:
            return None
    return None


_MASTHEAD_CHARS = 80


def clean(doc: Document) -> Article:
    """Raise ``InputError`` when nothing usable remains."""
    from sigact.ingest import parse_published

    published, published_source, title = doc.published, "metadata" if doc.published else "unknown", doc.title
    sitename = author = None
    if doc.html is not None:
        page = _from_html(doc.html, doc.source, doc.url)
        paragraphs, sitename, author = page.paragraphs, page.sitename, page.author
        title = title or page.title
        if published is None and page.date:
            published = parse_published(page.date)
            published_source = "html" if published else "unknown"
        raw = doc.html
    else:
        raw = doc.text or ""
        paragraphs = clean_text(raw)
    # no-break and thin spaces ("United\xa0States") are word gaps to every later stage
    paragraphs = [p.translate(_SPACES) for p in paragraphs]
    title = title.translate(_SPACES) if title else title
    if title and paragraphs and paragraphs[0].strip() != title.strip():
        paragraphs = [title.strip(), *paragraphs]
    headline = bool(title and len(paragraphs) > 1 and paragraphs[0].strip() == title.strip())
    if not paragraphs or not any(is_prose(p) for p in paragraphs):
        raise InputError(doc.source, "no article text after cleaning", doc.doc_id)
    dateline = _dateline([ln for ln in (doc.text or "").splitlines()[:12] if ln.strip()] if doc.html is None else [])
    if dateline is not None and (published is None or 0 <= (published - dateline).days <= 14):
        # "Feb. 2, 2024" above a statement: the day its "today" and "last night" count from
        published, published_source = dateline, "dateline"
    outlets = outlet_kb.load()
    known = outlets.from_name(doc.outlet) or outlets.from_url(doc.url) or outlets.from_name(sitename)
    if known is None:  # a statement's masthead line: "MSB - Millî Savunma Bakanlığı"
        known = next((o for ln in paragraphs[:2] if len(ln) <= _MASTHEAD_CHARS
                      for o in (outlets.from_name(part) for part in re.split(r"\s+[-|–]\s+", ln)) if o), None)
    outlet = doc.outlet or (known.name if known else sitename)
    text = ""
    spans: list[tuple[int, int]] = []
    for p in paragraphs:
        if text:
            text += "\n\n"
        spans.append((len(text), len(text) + len(p)))
        text += p
    from sigact.language import detect

    return Article(
        doc_id=doc.doc_id, source=doc.source, text=text, paragraphs=tuple(spans), url=doc.url,
        outlet=outlet, published=published, published_source=published_source, title=title,
        content_hash=hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest(),
        outlet_kind=known.kind if known else None, source_scale=known.source_scale if known else None,
        outlet_forces=(known.forces or None) if known else None,
        author=author, language=detect(text), body_start=spans[1][0] if headline else 0,
    )
