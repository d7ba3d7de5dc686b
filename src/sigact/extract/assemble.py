"""The extraction loop: reads the sentences in order, anchors events and assembles each one's parts.

Each step is its own module: ``anchoring`` (does the sentence tell a new event?), ``dating`` (when),
``parties`` (who, to whom), ``kinds`` (what kind, with what), ``placing`` (where) and ``followups``
(what a sentence that tells no new event adds to the ones before). The loop keeps the ``Story``.
"""

from __future__ import annotations

from sigact.casualties import Casualties, find_casualties
from sigact.extract.anchoring import Reading, read_sentence
from sigact.extract.cues import CLAIM, DENIED, UNKNOWN_ACTORS
from sigact.extract.dating import event_date
from sigact.extract.drafts import Draft, Story, freeze
from sigact.extract.followups import continue_draft, coordinated_days, prompting_attacks, targets_listed_below
from sigact.extract.kinds import event_kind
from sigact.extract.parties import complete_roles, dominant_group, only_group, sentence_roles, without_cause
from sigact.extract.placing import event_places, segments
from sigact.extract.triggers import definite_noun, is_heading, is_headline, is_question_turn
from sigact.knowledge import vocabulary
from sigact.records import AnalysedArticle, EventFrame


def extract(analysed: AnalysedArticle) -> list[EventFrame]:
    article = analysed.article
    story = Story(article, analysed.sentences, dominant=dominant_group(analysed.sentences),
                  only_group=only_group(analysed.sentences))
    for idx, whole in enumerate(story.sents):
        if is_headline(article.title, whole, len(article.paragraphs)):
            continue
        if is_heading(whole):
            # "Among the targets struck:" heads a list of places the strikes just told hit
            targets_listed_below(story.sents, idx, story.continuing, story.drafts)
            continue
        for sent in segments(whole):
            if whole.text.rstrip(" \"”’)").endswith("?") or is_question_turn(article.text, whole):
                story.history.extend(sent.actors)
                continue  # a question (or a reporter's turn in a transcript) asks; it does not report
            reading = read_sentence(story, idx, whole, sent)
            _note_claimants(story, reading)
            if reading.anchor:
                _draft_events(story, reading)
            else:
                _carry_on(story, reading)
            story.history.extend(sent.actors)
    return [freeze(article.doc_id, d) for d in story.drafts]


def _note_claimants(story: Story, r: Reading) -> None:
    """Who claims responsibility in this sentence: later sentences' attacks may be theirs."""
    claim = CLAIM.search(r.sent.text)
    if claim and not DENIED.search(r.sent.text):
        for a in r.sent.actors:
            if a.span.end - r.sent.start <= claim.start() and not a.actor.startswith(UNKNOWN_ACTORS):
                story.claimants.add(a.actor)


_LEAD_PARAGRAPHS = 4  # a page's masthead, headline and byline lines come before the lead's own paragraph


def _carry_on(story: Story, r: Reading) -> None:
    """A sentence that tells no new event: the day it opens its paragraph with or the day of the list it
    heads, and what it adds to the events just told."""
    sent, day_dates = r.sent, r.day_dates
    if day_dates and day_dates[0].span.start - sent.start <= 3 and sent.paragraph not in story.opening_dates:
        story.opening_dates[sent.paragraph] = day_dates[0]
    if story.lead_date is None and not story.drafts and day_dates and sent.triggers and \
            sent.paragraph <= _LEAD_PARAGRAPHS:
        story.lead_date = day_dates[0]  # "On Jan. 8, forces conducted 34 strikes ...": the day the list is of
    elif r.listed and day_dates:
        story.lead_date = day_dates[0]  # a report of several days: "On Jan. 20, forces conducted four strikes"
    continue_draft(story.continuing, sent, r.idx, story.drafts)
    targets_listed_below(story.sents, r.idx, story.continuing, story.drafts)  # "The targets included:"
    told = next((t for t in sent.triggers if definite_noun(sent, t)), None)
    if told is not None and story.continuing:
        # "These strikes were in direct response to ..., including the attack on Al-Asad Air Base on
        # Jan. 20": the attack answered, told with its own place and day, is reported too
        known = {(d.date.value if d.date else None, d.place.place_id if d.place else None) for d in story.drafts}
        story.drafts.extend(p for p in prompting_attacks(sent, r.idx, told, None, story.article.text)
                            if (p.date.value if p.date else None, p.place.place_id if p.place else None) not in known)


def _draft_events(story: Story, r: Reading) -> None:
    """An anchor sentence's events: one per place and day it tells, with its date, parties, kind and toll."""
    trig, sent = r.trig, r.sent
    assert trig is not None
    dated = event_date(story, r, trig)
    if dated is None:
        return  # background: its date says it is not news
    date, date_source = dated
    if story.lead_date is None and date is not None:
        story.lead_date = date
    declared = vocabulary.load().declared
    scene = without_cause(sent, trig, strict=trig.sub_event_type in declared)
    roles = sentence_roles(story, r, trig, scene)
    cas = find_casualties(sent.text)
    sub, method = event_kind(story, r, trig, roles.actor1, roles.actor2, cas)
    if sub in declared:
        cas = Casualties()  # "halting operations ..., two days after a drone attack killed three": the attack's toll
    roles = complete_roles(story, r, trig, sub, method, roles)
    places, place_source = event_places(story, r, scene, sub, date, date_source)
    new = [Draft(sentences=[r.idx], trigger=trig, sub_event_type=sub, method=method, generic=r.generic, date=when,
                 date_source=date_source, place=place, place_source=place_source, actor1=roles.actor1,
                 actor1_status=roles.status, claimed_by=list(roles.claimed), actor2=roles.actor2,
                 target=roles.target, fatalities=cas.killed, injuries=cas.injured, paragraph=sent.paragraph)
           for when in coordinated_days(date, r.day_dates, story.article.text) for place in places or [None]]
    story.drafts.extend(new)
    story.drafts.extend(prompting_attacks(sent, r.idx, trig, date, story.article.text))
    story.continuing = new
