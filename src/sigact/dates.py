"""Date expressions in text, resolved against the publication date.

Candidate spans are found with narrow patterns (free-text date search turns "we" into Wednesday);
each span is then parsed by dateparser with the end of the publication day as the relative base and a
preference for the past. Weekday names are resolved here: the most recent such day on or before
publication. Nothing resolves to a day after publication.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from sigact.records import DateMention, DatePrecision, Span

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMWORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b\d{4}-\d{2}-\d{2}\b"),
    ("numeric", r"\b\d{1,2}/\d{1,2}/\d{4}\b"),
    ("dmy", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"),
    ("mdy", rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"),
    ("my", rf"\b(?:early |mid-?|late )?{_MONTH}(?:\s+of)?\s+\d{{4}}\b"),
    # "In October last year", "in March of this year": a month of a year told relative to publication
    ("month_of_year", rf"\b(?:(?:in|since|during|early|late|mid-?)\s+)?{_MONTH}\s+(?:of\s+)?"
                      r"(?:last|this|the previous|the past)\s+year\b"),
    ("month", rf"\b(?:in|since|during|early|late|mid-?|last|this)\s+{_MONTH}(?![a-z])(?!\s*(?:of\s+)?\d)"),
    ("weekday", rf"\b(?:(?:last|this|on|early|late)\s+)?{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?\b"),
    ("relative_day", r"\b(?:today|yesterday|tonight|last night|this (?:morning|afternoon|evening)|earlier today|"
                     r"(?:over|in|during) the (?:last|past) (?:24|twenty-four) hours|"
                     r"overnight|"
                     r"the day before yesterday|on the eve|the (?:day prior|previous day|prior day|day before)"
                     r"(?!\s+(?:the|a|an|his|her|their|its|\w+'s)\b))\b"),
    ("ago", rf"\b(?:more than |less than |about |nearly |some |over )?{_NUMWORD}\s+"
            r"(?:days?|weeks?|months?|years?)\s+ago\b"),
    ("relative_period", r"\b(?:last|this|earlier this|late last|early last|the previous|the past)\s+"
                        r"(?:week|weekend|month|year)\b"),
    ("year", r"\b(?:in|since|during)\s+(?:19|20)\d{2}\b"),
]
_CANDIDATES = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS), re.IGNORECASE)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WORDNUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3}


@lru_cache(maxsize=20_000)
def _dateparse(text: str, base: date | None) -> date | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                                   "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime.combine(base, datetime.max.time()).replace(microsecond=0)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None


def _strip_preps(text: str) -> str:
    return re.sub(r"^(?:in|since|during|on|early|late|mid-?|the)\s+", "", text.strip(), flags=re.I)


def _next_year_day_ahead(value: date, base: date) -> bool:
    try:
        return 0 < (value.replace(year=value.year + 1) - base).days <= 1
    except ValueError:  # 29 February
        return False


def _resolve(kind: str, text: str, base: date | None) -> tuple[date | None, DatePrecision]:
    low = text.lower()
    if kind in ("iso", "numeric", "dmy", "mdy"):
        has_year = bool(re.search(r"\d{4}", text))
        if not has_year and base is None:
            return None, "unknown"
        clean = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", _strip_preps(text)).replace(" of ", " ")
        if kind == "numeric":
            m, d, y = (int(x) for x in clean.split("/"))  # GTD/US style month/day/year
            try:
                value: date | None = date(y, m, d)
            except ValueError:
                value = None
        else:
            value = _dateparse(clean, base)
        if value and base and not has_year and value > base:
            # "at 3:45 a.m. (Sana'a time) on Jan 13" in a release dated Jan 12 in Florida: the region's day
            # runs ahead of the publisher's, so a day after publication is publication day, not last year's
            value = base if (value - base).days <= 1 else value.replace(year=value.year - 1)
        elif value and base and not has_year and value < base and _next_year_day_ahead(value, base):
            value = base  # the parser already took last year's
        return value, "day" if value else "unknown"
    if kind in ("my", "month"):
        if not re.search(r"\d{4}", text) and base is None:
            return None, "unknown"
        month_text = re.sub(r"^(?:early|mid-?|late|last|this)\s+", "", _strip_preps(text), flags=re.I)
        value = _dateparse("1 " + month_text.replace(" of ", " "), base)
        if value and base and kind == "month" and text.lower().startswith("last") and \
                (value.year, value.month) == (base.year, base.month):
            value = value.replace(year=value.year - 1)  # "last October", said in October: a year before
        return (value.replace(day=1), "month") if value else (None, "unknown")
    if base is None:
        return None, "unknown"
    if kind == "month_of_year":
        month = re.search(_MONTH, text, re.I).group(0)  # type: ignore[union-attr]
        year = base.year if re.search(r"\bthis\s+year", low) else base.year - 1
        value = _dateparse(f"1 {month} {year}", base)
        return (value.replace(day=1), "month") if value else (None, "unknown")
    if kind == "weekday":
        day = next(i for i, w in enumerate(_WEEKDAYS) if w in low)
        back = (base.weekday() - day) % 7
        if low.startswith("last") and back == 0:
            back = 7
        return base - timedelta(days=back), "day"
    if kind == "relative_day":
        if "day before yesterday" in low:
            return base - timedelta(days=2), "day"
        if "yesterday" in low or "last night" in low or re.search(r"\beve\b", low) or \
                re.search(r"\b(?:prior|previous|before)\b", low):
            return base - timedelta(days=1), "day"
        return base, "day"
    if kind == "ago":
        m = re.search(rf"({_NUMWORD})\s+(day|week|month|year)", low)
        if not m:
            return None, "unknown"
        n = int(m.group(1)) if m.group(1).isdigit() else _WORDNUM.get(m.group(1), 1)
        unit = m.group(2)
        vague = bool(re.match(r"(?:more than|less than|about|nearly|some|over)", low)) or m.group(1) in (
            "a few", "several")
        if unit == "day":
            return base - timedelta(days=n), "week" if vague else "day"
        if unit == "week":
            return base - timedelta(weeks=n), "week"
        if unit == "month":
            return base - timedelta(days=30 * n), "month"
        return base.replace(year=base.year - n) if not (base.month == 2 and base.day == 29) else \
            base - timedelta(days=365 * n), "year"
    if kind == "relative_period":
        if "week" in low:
            past = "last" in low or "previous" in low or "past" in low
            return (base - timedelta(days=7) if past else base), "week"
        if "month" in low:
            first = base.replace(day=1)
            if "last" in low or "previous" in low:
                first = (first - timedelta(days=1)).replace(day=1)
            return first, "month"
        year = base.year - 1 if ("last" in low or "previous" in low) else base.year
        return date(year, 1, 1), "year"
    if kind == "year":
        y = int(re.search(r"\d{4}", text).group(0))  # type: ignore[union-attr]
        return date(y, 1, 1), "year"
    return None, "unknown"


_WEEKDAY_ALONE = re.compile(rf"^(?:(?:last|this|on|early|late)\s+)?{_WEEKDAY}$", re.I)


def find_dates(text: str, offset: int, published: date | None) -> list[DateMention]:
    """Date mentions in ``text`` (a sentence starting at ``offset`` in the article)."""
    out: list[DateMention] = []
    # "1 July 2024 (from 29 June - 2 July)": a day without a year takes the year the sentence gives
    year = next((y.group(0) for y in re.finditer(r"\b(?:19|20)\d{2}\b", text)), None)
    for m in _CANDIDATES.finditer(text):
        kind = m.lastgroup or ""
        span_text = m.group(0)
        if kind in ("dmy", "mdy") and year and not re.search(r"\d{4}", span_text):
            span_text_resolved = f"{span_text} {year}" if kind == "dmy" else f"{span_text}, {year}"
        else:
            span_text_resolved = span_text
        last = span_text.split()[-1]
        if kind == "month" and last.lower().rstrip(".") in ("may", "march") and not last[0].isupper():
            continue  # "may" and "march" are verbs far more often than months when no day follows
        try:
            value, precision = _resolve(kind, span_text_resolved, published)
        except (OverflowError, ValueError):  # arithmetic past year 1 or 9999
            value, precision = None, "unknown"
        if value and published and value > published:
            if (value - published).days <= 1 and precision == "day":
                value = published  # a time zone ahead of the publisher's: never after publication
            else:
                value, precision = None, "unknown"
        out.append(DateMention(Span(offset + m.start(), offset + m.end(), span_text), value, precision))
    # "On Saturday 18 November", "Monday, Dec. 26": the calendar date says which Saturday; the weekday
    # alone would be the last one before publication
    merged: list[DateMention] = []
    for d in out:
        prev = merged[-1] if merged else None
        if prev is not None and _WEEKDAY_ALONE.match(prev.span.text) and d.value is not None and \
                d.precision == "day" and 0 <= d.span.start - prev.span.end <= 2 and \
                not _WEEKDAY_ALONE.match(d.span.text):
            start, end = prev.span.start, d.span.end
            merged[-1] = DateMention(Span(start, end, text[start - offset : end - offset]), d.value, d.precision)
        else:
            merged.append(d)
    return merged
