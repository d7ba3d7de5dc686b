"""Unit tests of the extraction loop's steps, each called on its own with a Story built by hand.

The rules are tested end to end in test_extract.py; these pin what each step returns, so a step can be
changed without reading the whole loop.
"""

from __future__ import annotations

from datetime import date

from sigact.analyse import analyse
from sigact.casualties import find_casualties
from sigact.clean import clean
from sigact.extract.anchoring import Reading, read_sentence
from sigact.extract.dating import event_date
from sigact.extract.drafts import Story
from sigact.extract.kinds import event_kind
from sigact.extract.parties import complete_roles, dominant_group, sentence_roles, without_cause
from sigact.extract.placing import event_places
from sigact.records import AnalysedArticle, Document


def _analysed(text: str, published: date = date(2024, 1, 28)) -> AnalysedArticle:
    return analyse(clean(Document(doc_id="t", source="t", text=text, published=published)))


def _read(text: str, idx: int = 0, published: date = date(2024, 1, 28)) -> tuple[Story, Reading]:
    a = _analysed(text, published)
    story = Story(a.article, a.sentences, dominant=dominant_group(a.sentences))
    return story, read_sentence(story, idx, a.sentences[idx], a.sentences[idx])


def test_a_dated_attack_anchors_and_a_campaign_does_not() -> None:
    _, r = _read("On Monday, a drone struck a base near Erbil airport.")
    assert r.anchor and r.trig is not None and r.day_dates
    _, r = _read("Turkey has conducted intensified air and ground operations in northern Iraq since April.")
    assert not r.anchor


def test_a_tally_with_its_own_list_of_places_enumerates_them() -> None:
    _, r = _read("The Islamic Resistance claimed five attacks on convoys today: in Nasiriyah, in al-Diwaniyah and "
                 "near Abu Ghraib.")
    assert r.anchor and len(r.enumerated) == 3


def test_the_date_is_the_sentences_and_a_year_alone_is_background() -> None:
    story, r = _read("On January 26, a convoy was targeted with an IED near al-Yusufiyah.")
    assert r.trig is not None
    dated = event_date(story, r, r.trig)
    assert dated is not None and dated[0] is not None and dated[0].value == date(2024, 1, 26) and dated[1] == "sentence"
    story, r = _read("In 2019, a convoy was targeted with an IED near al-Yusufiyah.")
    assert r.trig is None or event_date(story, r, r.trig) is None


def test_a_date_told_by_a_speech_verb_is_the_day_it_was_reported() -> None:
    story, r = _read("A drone attacked the airport in Erbil, Kurdish officials said on Monday.")
    assert r.trig is not None
    dated = event_date(story, r, r.trig)
    assert dated is not None and dated[1] == "reported"


def test_kind_comes_from_the_weapon_near_a_generic_trigger() -> None:
    story, r = _read("On Monday, militants attacked an army checkpoint with rockets near Kirkuk.")
    assert r.trig is not None
    roles = sentence_roles(story, r, r.trig, r.sent)
    sub, method = event_kind(story, r, r.trig, roles.actor1, roles.actor2, find_casualties(r.sent.text))
    assert (sub, method) == ("Shelling/artillery/missile attack", "rocket")


def test_a_raid_that_captures_is_an_arrest() -> None:
    story, r = _read("On Monday, coalition forces conducted a raid in Deir ez-Zor that resulted in the capture of "
                     "an ISIS leader.")
    assert r.trig is not None
    roles = sentence_roles(story, r, r.trig, r.sent)
    sub, method = event_kind(story, r, r.trig, roles.actor1, roles.actor2, find_casualties(r.sent.text))
    assert sub == "Arrests" and method is None


def test_an_opening_cause_keeps_its_parties_and_places_out_of_the_scene() -> None:
    story, r = _read("In response to attacks against coalition forces in Syria, U.S. forces conducted airstrikes "
                     "against facilities used by Kataib Hezbollah in Iraq on Sunday.")
    assert r.trig is not None
    scene = without_cause(r.sent, r.trig)
    assert {p.span.text for p in scene.places} <= {"Iraq"}
    roles = complete_roles(story, r, r.trig, "Air/drone strike", "airstrike",
                           sentence_roles(story, r, r.trig, scene))
    assert roles.actor2 is not None and roles.actor2.actor == "Kataib Hezbollah"


def test_a_sentence_without_a_place_takes_the_one_just_named() -> None:
    story, r = _read("Iraqi forces seized the hospital complex in East Mosul on Monday. After seizing the area, "
                     "the forces fought off counterattacks.", idx=1)
    assert r.trig is not None
    places, source = event_places(story, r, r.sent, "Armed clash", None, "context")
    assert source == "context" and places and "Mosul" in places[0].span.text
