"""When an anchored event happened: the sentence's own date, else the day the story is telling.

Also decides when a date makes the sentence background (a year, an earlier month told alone, years
before publication) and when a date is the day something was said rather than done.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sigact.extract.anchoring import Reading
from sigact.extract.cues import CAUSES, CLAUSE_COMMA, IN_THAT_ATTACK
from sigact.extract.drafts import Story
from sigact.extract.followups import named_attack_date
from sigact.extract.triggers import tells_a_day
from sigact.records import DateMention, Sentence, Span, TriggerMention

# "measures ... in response to a fatal attack on 14 January": that date is the cause's, not the event's
_CAUSE_BETWEEN = re.compile(rf"\b(?:{CAUSES}|following|after|amid|in the wake of)\b", re.I)
# an opening clause up to its comma: "following the Jan. 15 attack on ..., U.S. forces struck"
_PRIOR_EVENT_OPENING = re.compile(rf"\b(?:{CAUSES}|following|after|in the wake of)\b[^.;]*?{CLAUSE_COMMA}", re.I)
_NEXT_DAY = re.compile(r"\b(?:the\s+)?(?:following|next)\s+day\b|"
                       r"\bthe day after\b(?!\s+(?:the|a|an|his|her|its|their)\b)", re.I)
_WEEKDAY_ONLY = re.compile(r"^(?:on\s+|last\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+(?:[\w.-]+\s+){1,3}|announced|reported|stated|confirmed|added|"
                          r"claimed(?:\s+responsibility)?|acknowledged|disclosed)\s+"
                          # "said in a statement on Sunday"
                          r"(?:in\s+(?:a|an|its|their)\s+(?:[\w-]+\s+)?(?:statement|release|briefing)\s+)?"
                          r"(?:(?:late|early)\s+)?$", re.I)

Dated = tuple[DateMention | None, str]


def event_date(story: Story, r: Reading, trig: TriggerMention) -> Dated | None:
    """The event's date and where it came from ("sentence", "context", "reported", "publication",
    "none"); None when the date makes the sentence background, not an event."""
    article, sent = story.article, r.sent
    date, date_source = _sentence_date(story, r, trig)
    if date is not None and date.precision == "year":
        return None  # background known only to the year: not codable
    if date is not None and date.precision == "month" and date.value and article.published and \
            (date.value.year, date.value.month) < (article.published.year, article.published.month):
        return None  # "In February, a rocket barrage on the airport killed ...": background of an earlier month
    if date is None and r.idx > 0 and _THAT_MONTH.search(sent.text):
        # "... a suicide car bomb killed seven border guards ... in June. Earlier that month, five intelligence
        # personnel were shot dead": the month the sentence before told
        told = [d for d in story.sents[r.idx - 1].dates if d.value is not None and d.precision in ("day", "month")]
        if told:
            date = DateMention(told[-1].span, told[-1].value.replace(day=1), "month")  # type: ignore[union-attr]
            date_source = "context"
            if article.published and (date.value.year, date.value.month) < (  # type: ignore[union-attr]
                    article.published.year, article.published.month):
                return None  # background of an earlier month
    if date is None and r.idx > 0 and IN_THAT_ATTACK.match(sent.text):
        date = named_attack_date(story.sents[r.idx - 1])  # "... the Aug. 15 attack. In that attack, drones ..."
        date_source = "context" if date is not None else date_source
    if date is None and (heading := _heading_day(story, r.idx)) is not None:
        # "On Oct. 6:\n- Near Hajin, 11 strikes engaged ...\n- Near Abu Kamal, two strikes ...": the list's heading
        date, date_source = heading, "context"
    if date is None:
        same_par = [d for d in story.drafts if d.paragraph == sent.paragraph and d.date is not None]
        if same_par:
            date, date_source = same_par[-1].date, "context"
        elif sent.paragraph in story.opening_dates:
            date, date_source = story.opening_dates[sent.paragraph], "context"
        elif (told := _day_just_told(story, r.idx)) is not None:
            # "In the night of January 6, ... air defence means detected 13 ... air targets. || Ten assault drones
            # were approaching the Hmeimim airbase": the night the story is telling
            date, date_source = told, "context"
        elif story.lead_date is not None:
            date, date_source = story.lead_date, "context"
        else:
            date_source = "publication" if article.published else "none"
    sequel = _NEXT_DAY.search(sent.text)
    if sequel and date_source != "sentence":
        # "Tornados ... the following day bombed a Daesh observation post": the day after the one told before
        prior = next((d.date for d in reversed(story.drafts) if d.date is not None and d.date.value),
                     None) or story.lead_date
        if prior is not None and prior.value is not None and prior.precision == "day":
            value = prior.value + timedelta(days=1)
            if article.published is None or value <= article.published:
                date = DateMention(Span(sent.start + sequel.start(), sent.start + sequel.end(), sequel.group(0)),
                                   value, "day")
                date_source = "sentence"
    if date is not None and date.value and article.published and (article.published - date.value).days > 366:
        return None  # background: years before publication
    if date_source == "sentence" and date is not None and _SAID_BEFORE.search(
            article.text[max(0, date.span.start - 40) : date.span.start]):
        date_source = "reported"  # "..., militia sources said on Monday": the day it was told, not done
    return date, date_source


_HAPPENED_BEFORE = re.compile(r"\b(?:happened|took place|occurred|unfolded)\s+(?:[\w-]+\s+){0,2}$", re.I)
_THAT_MONTH = re.compile(r"\b(?:earlier|later)\s+(?:that|the same)\s+month\b", re.I)


def _day_just_told(story: Story, idx: int) -> DateMention | None:
    """The day the sentence just before opens with, when it tells no event of its own (a story's scene-setting
    line), in the same or the previous paragraph."""
    if idx == 0 or story.drafted(idx - 1):
        return None
    prior, here = story.sents[idx - 1], story.sents[idx]
    if prior.paragraph < here.paragraph - 1:
        return None
    opening = [d for d in prior.dates if d.value is not None and d.precision == "day"
               and (d.span.start - prior.start <= 30 or _HAPPENED_BEFORE.search(
                   story.article.text[max(0, d.span.start - 30) : d.span.start])) and not _SAID_BEFORE.search(
                   story.article.text[max(0, d.span.start - 40) : d.span.start])]
    return opening[0] if opening else None


_HEADING_WORDS = re.compile(r"^(?:on|in|at|the|night|of|morning|evening|and|"
                            r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)$",
                            re.I)
_HEADING_LOOKBACK = 15


def _is_heading(sent: Sentence) -> DateMention | None:
    """A line that is only a day ("On Oct. 6:", "Sunday, 12 March"): it heads the lines after it."""
    days = [d for d in sent.dates if d.value is not None and d.precision == "day"]
    if len(days) != 1:
        return None
    rest = sent.text[: days[0].span.start - sent.start] + " " + sent.text[days[0].span.end - sent.start :]
    words = re.findall(r"[^\W\d_]+", rest)
    return days[0] if len(words) <= 3 and all(_HEADING_WORDS.match(w) for w in words) else None


def _heading_day(story: Story, idx: int) -> DateMention | None:
    """The day of the heading line the sentence sits under, when no line between tells a day of its own."""
    for k in range(idx - 1, max(-1, idx - 1 - _HEADING_LOOKBACK), -1):
        prior = story.sents[k]
        if (heading := _is_heading(prior)) is not None:
            return heading
        if tells_a_day(prior):
            return None
    return None


def _sentence_date(story: Story, r: Reading, trig: TriggerMention) -> Dated:
    """The date the sentence gives its event: the one that opens the report ("On 3 May ...", "Around
    1 July (from 29 June - 2 July)"), else the one nearest the trigger; never a cause's date."""
    article, sent = story.article, r.sent
    if not r.dates:
        return None, "none"
    cand = [d for d in r.dates if d.value is not None and not (
        d.span.start > trig.span.end and _CAUSE_BETWEEN.search(article.text[trig.span.end : d.span.start])
        and article.published and (article.published - d.value).days <= 366)]  # old causes: background
    # "following the Jan. 15 attack on the M/V Gibraltar Eagle, U.S. forces struck ... on Jan. 16": the
    # opening cause's day is not the strike's
    opening = next((m for m in _PRIOR_EVENT_OPENING.finditer(r.masked)
                    if m.end() <= trig.span.start - sent.start), None)
    if opening is not None:
        cand = [d for d in cand if not sent.start + opening.start() <= d.span.start < sent.start + opening.end()
                ] or cand
    # "The army said in January that it had foiled ... in 2021": the day it was said dates nothing it tells
    told = [d for d in cand if not _SAID_BEFORE.search(article.text[max(0, d.span.start - 40) : d.span.start])]
    cand = told or cand
    if not cand:
        return None, "none"
    before = [d for d in cand if d.span.start < trig.span.start]
    date = before[0] if before else min(cand, key=lambda d: abs(d.span.start - trig.span.start))
    if date.precision in ("month", "week"):
        # "Earlier this month, on January 17, an army officer was killed": the day, not the month around it
        date = next((d for d in before if d.precision == "day"), date)
    if date.precision in ("month", "week") and date.span.end <= trig.span.start:
        # "... since sweeping through northern Iraq in June, seizing the town of Sinjar on Sunday": the day
        # told right after the trigger, nearer than the month before it
        after = [d for d in cand if d.precision == "day" and d.span.start >= trig.span.end]
        if after and after[0].span.start - trig.span.end < trig.span.start - date.span.end:
            date = after[0]
    later = [d for d in cand if 0 <= d.span.start - date.span.end <= 3]
    if later and _WEEKDAY_ONLY.search(date.span.text) and not _WEEKDAY_ONLY.search(later[0].span.text):
        date = later[0]  # "On Monday, Dec. 26": the calendar date, not the weekday's guess
    return date, "sentence"
