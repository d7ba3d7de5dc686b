"""Main-text extraction from page dumps and HTML (sigact.clean)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sigact.clean import clean, clean_text
from sigact.errors import InputError
from sigact.records import Document

SEEDS = Path("/work/shared/gold/seeds")

P1 = ("Early on January 26, a convoy moving logistic supplies for the coalition was targeted with an "
      "explosive device near the town of al-Yusufiyah.")
P2 = "The so-called International Resistance claimed responsibility for the attack a few hours later."
P3 = "Attacks on U.S. forces in Iraq will not likely stop any time soon, officials in Baghdad said."


def _joined(raw: str) -> str:
    return "\n".join(clean_text(raw))


# -- section markers --------------------------------------------------------------------------------

@pytest.mark.parametrize("marker", [
    "Notify of", "Newest Most Voted", "0 Comment(s)", "3 Comment(s)", "Do you like this article?",
    "1 Comment", "Leave a comment", "Would love your thoughts, please comment.x", "View all comments",
])
def test_comment_section_is_cut_at_marker(marker: str) -> None:
    comment = "This is an outrageous reader opinion about everything in the whole region today."
    raw = (f"Headline Of The Story\n\n{P1}\n\n{P2}\n\n{marker}\n{comment}\n\n"
           "Another reader replied angrily here.")
    paragraphs = clean_text(raw)
    assert paragraphs == ["Headline Of The Story", P1, P2]


def test_marker_must_be_a_whole_line() -> None:
    # "comments" inside a sentence is not a marker
    line = "The Pentagon declined to make any comments on the strike in the Taji district on Monday."
    assert clean_text(f"Title\n\n{P1}\n\n{line}\n\n{P3}") == ["Title", P1, line, P3]


def test_donation_widget_lines_dropped() -> None:
    raw = f"0 $\n2,500 $\n5,000 $\n100 $\nJUNE 2023\n\nHeadline Here\n\nSupport SouthFront\n\n{P1}\n\n{P2}"
    assert clean_text(raw) == ["Headline Here", P1, P2]


def test_duplicate_lines_kept_once() -> None:
    # repeats are found case- and whitespace-insensitively
    raw = f"Headline Here\n\n{P1}\n\n{P1}\n\n{P2}\n\n{P1.upper()}\n\n{'  '.join(P2.split())}"
    assert clean_text(raw) == ["Headline Here", P1, P2]


def test_a_day_heading_a_list_is_kept_each_time_it_heads_one() -> None:
    paras = clean_text("In Syria, coalition forces conducted 10 strikes against ISIS targets.\n\nOn Oct. 7:\n"
                       "- Near Hajin, two strikes destroyed a fighting position.\n\nIn Iraq, forces conducted one "
                       "strike against ISIS targets.\n\nOn Oct. 7:\n- Near Qayyarah, one strike destroyed a tunnel.")
    assert paras.count("On Oct. 7:") == 2
    assert "Syria:" not in clean_text("A long first line that serves as the headline here\n\nSyria:\n\nMore text "
                                      "of the story follows in this paragraph.")


def test_caption_lines_ending_in_credit_dropped() -> None:
    caption = "US F-15s fly over the Middle East on February 3. [CENTCOM]"
    caption2 = "US soldiers in Syria on October 27. [CENTCOM]"
    raw = f"Headline Here\n\n{caption}\n\n{caption}\n\n{P1}\n\n{caption2}\n\n{P2}"
    assert clean_text(raw) == ["Headline Here", P1, P2]


def test_sidebar_teasers_and_their_heading_dropped() -> None:
    raw = (f"Headline Here\n\n{P1}\n\n{P2}\n\nIran in Brief\n"
           "City officials in Tehran are planning to put locks on large waste containers.More\n"
           "In first news about detained rapper Toomaj, Iran International has learned he was arrested.More")
    assert clean_text(raw) == ["Headline Here", P1, P2]


def test_file_image_and_byline_dropped() -> None:
    raw = f"Headline Here\n\nBy Al-Mashareq and AFP\n\nFile image.\n\n{P1}\n\n{P2}"
    assert clean_text(raw) == ["Headline Here", P1, P2]


def test_lines_in_one_block_join_into_a_paragraph() -> None:
    raw = "Headline Here\n\nThe first half of a sentence that was wrapped\nby the crawler at a fixed width."
    joined = "The first half of a sentence that was wrapped by the crawler at a fixed width."
    assert clean_text(raw) == ["Headline Here", joined]


def test_long_lines_that_end_a_sentence_are_paragraphs_of_their_own() -> None:
    """Text saved one line a paragraph, with no blank lines: a line longer than any wrap width ends one."""
    first = "Last Wednesday, militants reportedly tied six men from the same village to a vehicle and dragged them."
    second = "The following day, Iraqi security forces reportedly discovered the bodies of 70 civilians in a village."
    assert clean_text(f"Headline Here\n\n{first}\n{second}") == ["Headline Here", first, second]
    wrapped = "A sentence wrapped at seventy-two characters by an old mail client, which\nthen goes on here."
    assert clean_text(f"Headline Here\n\n{wrapped}") == ["Headline Here", wrapped.replace("\n", " ")]


def test_crlf_line_endings() -> None:
    raw = f"Headline Here\r\n\r\n{P1}\r\n\r\n{P2}\r\n\r\nNotify of\r\nreader junk here and more"
    assert clean_text(raw) == ["Headline Here", P1, P2]


def test_unmarked_comment_thread_after_wide_gap_dropped() -> None:
    body = "\n\n".join([P1, P2, P3, "A fourth paragraph of article prose sits here for the main block."])
    comments = ("Assad must stay\n\n\njohnny rotten\n\nI don't understand all this insistence on Iran, maybe "
                "the Iraqis have their own reasons to attack the convoys?\n\n\nKenny Jones")
    paragraphs = clean_text(f"Headline Here\n\n{body}\n\n\n{comments}")
    assert paragraphs[-1] == "A fourth paragraph of article prose sits here for the main block."
    assert not any("johnny" in p or "Assad must stay" in p or "Kenny" in p for p in paragraphs)


# -- the real seeds ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not available")
    return {f"{i:03d}": _joined((SEEDS / f"{i:03d}.txt").read_text(encoding="utf-8")) for i in range(5)}


@pytest.mark.parametrize("seed,gone", [
    ("000", ["Su-25 is the ideal aircraft", "Isser Harel", "Notify of", "Support SouthFront", "2,500 $",
             "JUNE 2023", "File image", "Would love your thoughts"]),
    ("001", ["johnny rotten", "Assad must stay", "Kenny Jones", "B’Tselem", "John Wallace", "Pimpeo"]),
    ("003", ["Iran in Brief", "Toomaj", "Raisi", "garbage pickers", "You see a page from the old site"]),
    ("004", ["[CENTCOM]", "Do you like this article?", "Comment(s)", "Comment Policy", "By Al-Mashareq"]),
])
def test_seed_furniture_removed(seeds: dict[str, str], seed: str, gone: list[str]) -> None:
    for text in gone:
        assert text not in seeds[seed], f"{text!r} survived cleaning of seed {seed}"


@pytest.mark.parametrize("seed,kept", [
    ("000", ["‘International Resistance’ Targets Another U.S. Supply Convoy In Iraq",
             "Early on January 26, a convoy moving logistic supplies",
             "On January 12, the group’s cells targeted a supply convoy",
             "Later on January 19, the group attacked a convoy",
             "No casualties were reported as a result of the attack.",
             "to keep its troops in the country for the long term in order to counter Iran’s influence."]),
    ("001", ["On January 20 noon, two supply convoys of the US-led coalition were attacked",
             "None of the attacks resulted in any casualties.",
             "Two days ago, three convoys carrying supplies",
             "Washington vowed to respond to any attack that would lead to casualties among its troops."]),
    ("002", ["Kata’ib Hezbollah, an Iraqi militia supported by Iran",
             "on January 28 killed three Americans and wounded scores more",
             "left some 900 American troops in Syria"]),
    ("003", ["Iran is forming new proxy forces to increase attacks on U.S in Iraq",
             "Al-Kadhimi, who came to power in May of 2020",
             "there have been 13 rocket and bombing attacks on American bases"]),
    ("004", ["The US military on Thursday (February 25) struck Iran-backed militias",
             "killed a civilian and a foreign contractor",
             "Reprisal for rocket attacks",
             "Similar shipments have been reported in recent weeks, the Observatory said."]),
])
def test_seed_article_text_kept(seeds: dict[str, str], seed: str, kept: list[str]) -> None:
    for text in kept:
        assert text in seeds[seed], f"{text!r} lost from seed {seed}"


def test_seed_004_captions_gone_but_sentence_kept_once(seeds: dict[str, str]) -> None:
    assert "US F-15s fly over" not in seeds["004"]
    assert seeds["004"].count("killing at least 22 fighters") == 1


# -- clean(): Document -> Article -------------------------------------------------------------------

HTML = """<!DOCTYPE html><html><head><title>Drones target Ain al-Asad | Example News</title>
<meta property="og:title" content="Drones target US forces at Ain al-Asad">
<meta property="article:published_time" content="2023-10-18T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Drones target US forces at Ain al-Asad</h1>
<p>On 17 October 2023, two drones targeted US forces at Ain al-Asad air base in Anbar province, western Iraq,
security sources said on Wednesday.</p>
<p>The Islamic Resistance in Iraq claimed responsibility for the attack in a statement posted on Telegram.
Casualties unknown.</p>
<p>US officials said one drone was shot down by air defences and the second caused minor damage
to the base.</p>
</article>
<section id="comments" class="comments"><h3>3 Comments</h3>
<div class="comment"><p>Reader99 says: This is outrageous, the base should be closed immediately and everyone
sent home now.</p></div>
<div class="comment"><p>AnotherReader says: Totally agree with the previous commenter about the air
base and its future.</p></div>
</section>
<footer>Copyright 2023 Example News. All rights reserved.</footer>
</body></html>"""


def test_clean_html_uses_trafilatura() -> None:
    art = clean(Document(doc_id="h1", source="page.html", html=HTML, outlet="Example News"))
    assert "two drones targeted US forces at Ain al-Asad air base" in art.text
    assert "the second caused minor damage" in art.text
    for junk in ("Reader99", "AnotherReader", "outrageous", "Copyright", "Sport"):
        assert junk not in art.text
    assert art.title == "Drones target US forces at Ain al-Asad"
    assert art.text.startswith("Drones target US forces at Ain al-Asad\n\n")
    assert art.published == date(2023, 10, 18)
    assert art.published_source == "html"
    assert art.outlet == "Example News" and art.doc_id == "h1" and art.source == "page.html"


def test_clean_html_metadata_date_wins() -> None:
    art = clean(Document(doc_id="h1", source="page.html", html=HTML, published=date(2023, 10, 17),
                         title="Own title"))
    assert art.published == date(2023, 10, 17)
    assert art.published_source == "metadata"
    assert art.title == "Own title"
    assert art.text.startswith("Own title\n\n")


def test_clean_text_article_offsets_and_hash() -> None:
    raw = f"Headline Here\n\n{P1}\n\n{P2}\n\nNotify of\nreader junk"
    art = clean(Document(doc_id="t", source="t.txt", text=raw))
    assert art.text == f"Headline Here\n\n{P1}\n\n{P2}"
    assert [art.text[s:e] for s, e in art.paragraphs] == ["Headline Here", P1, P2]
    assert art.published is None and art.published_source == "unknown"
    assert len(art.content_hash) == 64
    same = clean(Document(doc_id="other-id", source="u.txt", text=raw))
    assert same.content_hash == art.content_hash
    changed = clean(Document(doc_id="t", source="t.txt", text=raw + " more"))
    assert changed.content_hash != art.content_hash


def test_title_prepended_once() -> None:
    art = clean(Document(doc_id="t", source="t.txt", text=f"Headline Here\n\n{P1}", title="Headline Here"))
    assert art.text == f"Headline Here\n\n{P1}"
    art2 = clean(Document(doc_id="t", source="t.txt", text=P1, title="A Different Title"))
    assert art2.text == f"A Different Title\n\n{P1}"


@pytest.mark.parametrize("text", ["", "   \n\n ", "!!!", "Home\nLogin\nMenu", "\x00\x01", "Notify of\n" + P1])
def test_clean_rejects_empty_or_garbage_text(text: str) -> None:
    with pytest.raises(InputError) as info:
        clean(Document(doc_id="g1", source="g.txt", text=text))
    assert info.value.source == "g.txt"
    assert "no article text" in info.value.reason


@pytest.mark.parametrize("html", ["<html></html>", "<<<>>>", "garbage",
                                  "<html><body><nav>Home</nav></body></html>"])
def test_clean_rejects_html_without_article(html: str) -> None:
    with pytest.raises(InputError) as info:
        clean(Document(doc_id="g2", source="g.html", html=html))
    assert info.value.source == "g.html"


# -- properties -------------------------------------------------------------------------------------

PAGE_LINES = st.sampled_from([P1, P2, P3, "", "", "Notify of", "2,500 $", "Caption here. [AFP]",
                              "Teaser text.More", "Support SouthFront", "By John Smith", "Comments", "x",
                              "JUNE 2023"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(PAGE_LINES, max_size=25).map("\n".join)))
def test_clean_text_never_raises(raw: str) -> None:
    paragraphs = clean_text(raw)
    assert all(isinstance(p, str) and p for p in paragraphs)
    # no paragraph is repeated and no marker or widget line survives
    assert len(set(paragraphs)) == len(paragraphs)
    assert "Notify of" not in paragraphs and "2,500 $" not in paragraphs


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_clean_raises_only_input_error(raw: str) -> None:
    try:
        art = clean(Document(doc_id="h", source="h.txt", text=raw))
    except InputError:
        return
    assert art.text
    assert all(0 <= s <= e <= len(art.text) for s, e in art.paragraphs)


def test_markdown_markup_is_reduced_to_words() -> None:
    from sigact.clean import plain_markdown

    md = ("## Heading\n**Iraq and Syria.**  Forces struck [a depot](https://x.example/a) near "
          "al\\-Qaim. ![map](m.png)\n\\###")
    assert plain_markdown(md) == "Heading\nIraq and Syria.  Forces struck a depot near al-Qaim. \n###"


def test_front_matter_tags_line_does_not_cut_the_article(tmp_path: Path) -> None:
    from sigact.ingest import read_inputs

    f = tmp_path / "s.txt"
    f.write_text("---\ntags: statements-releases\ndate: '2022-03-13'\n---\n\nThe United States condemns "
                 "in the strongest terms the missile attack on the Kurdistan Region of Iraq.\n\n\\###\n")
    (doc,) = list(read_inputs([f]))
    art = clean(doc)
    assert art.text.startswith("The United States condemns") and "###" not in art.text


def test_list_items_run_together_by_markup_are_split() -> None:
    from sigact.clean import clean
    from sigact.records import Document

    html = ("<html><body><article><p>The following is a summary of the strikes conducted since the last release: "
            "Syria * Near Al Hawl, one strike destroyed an ISIL vehicle. * Near Ar Raqqah, one strike struck an "
            "ISIL tactical unit.</p></article></body></html>")
    art = clean(Document(doc_id="r", source="r.html", html=html))
    assert "Near Al Hawl, one strike destroyed an ISIL vehicle." in art.text.split("\n\n")


def test_no_break_spaces_are_word_gaps() -> None:
    text = "Five United\u00a0States service\u202fmembers were wounded in Syria on Monday."
    art = clean(Document("x", "x", text=text))
    assert "United States service members" in art.text


def test_a_word_broken_onto_its_own_line_stays_in_its_sentence() -> None:
    raw = "Davis said the U.S.-led \ncoalition\n conducted five airstrikes, delivering 101 munitions.\n"
    assert clean_text(raw)[0].startswith("Davis said the U.S.-led coalition conducted five airstrikes")


def test_a_title_case_heading_line_is_not_joined_to_the_sentence_below() -> None:
    sentence = ("Navy Senior Chief Petty Officer Scott C. Dayton, 42, died Nov. 24 in northern Syria, of wounds "
                "sustained in an improvised explosive device blast.")
    out = clean_text(f"Operation Inherent Resolve - Targeted Operations Against ISIL Terrorists\n{sentence}")
    assert out[-1] == sentence
    # a sentence wrapped over lines is still one paragraph
    assert clean_text("Coalition aircraft conducted a precision strike on the\nlocation to target enemy "
                      "fighters firing on Iraqi forces.") == [
        "Coalition aircraft conducted a precision strike on the location to target enemy fighters firing on "
        "Iraqi forces."]


def test_a_statements_masthead_names_its_channel_and_the_forces_it_speaks_for() -> None:
    from sigact.clean import clean
    from sigact.records import Document

    art = clean(Document(doc_id="m", source="m", text="MSB - Millî Savunma Bakanlığı\n\nPress Statement\n\n"
                         "An air operation was carried out against the Metina region of Northern Iraq today, and "
                         "20 targets used by the terrorists were destroyed."))
    assert art.outlet_kind == "government" and art.outlet_forces == "Military Forces of Turkey"


def test_link_rails_and_breadcrumbs_dropped() -> None:
    raw = ("Home » Syrian Desert » Latest News\n\n"
           "Gunmen killed 53 truffle hunters near Al-Sukhnah in the desert east of Homs on Friday, the monitor "
           "said.\n\n"
           "RELATED\n » 2 US service members wounded in Manbij IED blast\n"
           "▸ Russian warplanes carry out 30 airstrikes on Al-Badia\n"
           "► SDF: ISIS cells attacked our positions in Raqqa\n")
    text = " ".join(clean_text(raw))
    assert "truffle hunters" in text
    for rail in ("Manbij", "Russian warplanes", "Raqqa", "Latest News"):
        assert rail not in text
