"""Date expressions resolved against the publication date (sigact.dates)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sigact.dates import find_dates
from sigact.records import DateMention

D = date


def _resolved(text: str, published: date | None) -> list[tuple[str, date | None, str]]:
    return [(m.span.text, m.value, m.precision) for m in find_dates(text, 0, published)]


def _one(text: str, published: date | None) -> DateMention:
    mentions = find_dates(text, 0, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize("text,published,span,value,precision", [
    # a month with its year is never read as the month alone ("in Aug" + "ust 2016")
    ("abducted in the heart of Kabul in August 2016.", D(2019, 11, 19), "August 2016", D(2016, 8, 1), "month"),
    # seed 004 (published Friday 2021-02-26)
    ("On Monday, reliable sources told the Observatory", D(2021, 2, 26), "On Monday", D(2021, 2, 22), "day"),
    ("Ned Price said Monday the US would", D(2021, 2, 26), "Monday", D(2021, 2, 22), "day"),
    ("McKenzie on Wednesday issued a warning", D(2021, 2, 26), "on Wednesday", D(2021, 2, 24), "day"),
    ("On Friday a rocket hit", D(2021, 2, 26), "On Friday", D(2021, 2, 26), "day"),
    ("last Friday a rocket hit", D(2021, 2, 26), "last Friday", D(2021, 2, 19), "day"),
    ("Last week, the administration offered talks", D(2021, 2, 26), "Last week", D(2021, 2, 19), "week"),
    # seed 001 (published 2021-01-20)
    ("Two days ago, three convoys were targeted", D(2021, 1, 20), "Two days ago", D(2021, 1, 18), "day"),
    ("On January 20 noon, two supply convoys", D(2021, 1, 20), "January 20", D(2021, 1, 20), "day"),
    # seed 000 (published 2023-01-26)
    ("Early on January 26, a convoy was targeted", D(2023, 1, 26), "January 26", D(2023, 1, 26), "day"),
    ("On January 12, the group’s cells targeted", D(2023, 1, 26), "January 12", D(2023, 1, 12), "day"),
    ("by the U.S. more than three years ago.", D(2023, 1, 26), "more than three years ago", D(2020, 1, 26),
     "year"),
    # year rollover: a day-month after publication is last year's
    ("On December 30, a convoy was hit", D(2023, 1, 5), "December 30", D(2022, 12, 30), "day"),
    ("On 30 December, a convoy was hit", D(2023, 1, 5), "30 December", D(2022, 12, 30), "day"),
    ("On March 5 a convoy was hit", D(2021, 2, 26), "March 5", D(2020, 3, 5), "day"),
    # other relative forms
    ("Yesterday, a drone fell", D(2021, 2, 26), "Yesterday", D(2021, 2, 25), "day"),
    ("the day before yesterday", D(2021, 2, 26), "the day before yesterday", D(2021, 2, 24), "day"),
    ("a few days ago a drone fell", D(2021, 2, 26), "a few days ago", D(2021, 2, 23), "week"),
    ("three weeks ago a drone fell", D(2021, 2, 26), "three weeks ago", D(2021, 2, 5), "week"),
    ("earlier this month the group attacked", D(2021, 2, 26), "earlier this month", D(2021, 2, 1), "month"),
    ("last month the group attacked", D(2021, 2, 26), "last month", D(2021, 1, 1), "month"),
    ("last year the group attacked", D(2021, 2, 26), "last year", D(2020, 1, 1), "year"),
    ("in 2019 a drone fell", D(2021, 2, 26), "in 2019", D(2019, 1, 1), "year"),
    # absolute forms
    ("in May 2020 the group attacked", D(2021, 2, 26), "May 2020", D(2020, 5, 1), "month"),
    ("in late May 2020 the group attacked", D(2021, 2, 26), "late May 2020", D(2020, 5, 1), "month"),
    ("on 2021-02-24 a drone fell", D(2021, 2, 26), "2021-02-24", D(2021, 2, 24), "day"),
    ("on 2/24/2021 a drone fell", D(2021, 2, 26), "2/24/2021", D(2021, 2, 24), "day"),
    ("On the 15th of February 2021 a rocket fell", D(2021, 2, 26), "15th of February 2021", D(2021, 2, 15),
     "day"),
    ("On Feb. 15, 2021 a rocket fell", D(2021, 2, 26), "Feb. 15, 2021", D(2021, 2, 15), "day"),
])
def test_single_date_resolution(text: str, published: date, span: str, value: date, precision: str) -> None:
    m = _one(text, published)
    assert (m.span.text, m.value, m.precision) == (span, value, precision)
    assert text[m.span.start:m.span.end] == span


def test_weekday_with_date_in_brackets() -> None:
    # seed 004: "on Thursday (February 25)" published Friday 2021-02-26
    found = _resolved("The US military on Thursday (February 25) struck Iran-backed militias", D(2021, 2, 26))
    assert found == [("on Thursday (February 25", D(2021, 2, 25), "day")]


@pytest.mark.parametrize("published", [None, D(2023, 10, 17), D(2024, 5, 1), D(2030, 1, 1)])
def test_full_date_does_not_depend_on_published(published: date | None) -> None:
    m = _one("On 17 October 2023, two drones targeted US forces", published)
    assert (m.span.text, m.value, m.precision) == ("17 October 2023", D(2023, 10, 17), "day")


def test_full_date_after_publication_is_dropped() -> None:
    m = _one("On 18 October 2023, two drones targeted US forces", D(2023, 10, 16))
    assert (m.value, m.precision) == (None, "unknown")


@pytest.mark.parametrize("text", ["On 17 October 2023, two drones targeted US forces",
                                  "At 3:45 a.m. (local time) on Oct. 17, U.S. forces struck"])
def test_a_day_ahead_of_publication_is_the_publishers_time_zone(text: str) -> None:
    # a release dated in Florida on the 16th tells of the 17th in the Middle East: publication day
    (m,) = [d for d in find_dates(text, 0, D(2023, 10, 16)) if d.value]
    assert (m.value, m.precision) == (D(2023, 10, 16), "day")


@pytest.mark.parametrize("text", ["On Monday the convoy", "Two days ago a drone", "last week a drone",
                                  "On December 30 a drone", "yesterday a drone", "earlier this month"])
def test_relative_dates_without_published_are_unknown(text: str) -> None:
    m = _one(text, None)
    assert (m.value, m.precision) == (None, "unknown")


@pytest.mark.parametrize("text", [
    "we attacked them and we will attack again",
    "Su-25 is the ideal aircraft for napalm drops.",
    "According to France 24, as Tehran and Washington compete",
    "the group may attack again and march on the capital",
    "He said the 5000 American soldiers were stationed in 24 bases.",
    "Route 66 and Highway 1 were closed.",
])
def test_no_false_dates(text: str) -> None:
    assert find_dates(text, 0, D(2021, 2, 26)) == []


def test_offsets_are_shifted() -> None:
    [m] = find_dates("Yesterday, a drone fell", 100, D(2021, 2, 26))
    assert (m.span.start, m.span.end) == (100, 109)


def test_impossible_dates_give_no_value() -> None:
    found = _resolved("On 31 February 2021 a rocket fell", D(2021, 3, 26))
    assert found == [("31 February 2021", None, "unknown")]
    assert _resolved("on 13/45/2021", D(2021, 3, 26)) == [("13/45/2021", None, "unknown")]


def test_month_of_year() -> None:
    # seed 003: "Al-Kadhimi, who came to power in May of 2020"
    found = _resolved("Al-Kadhimi, who came to power in May of 2020, is facing challenges", D(2023, 1, 1))
    assert [(v, p) for _, v, p in found] == [(D(2020, 5, 1), "month")]


def test_relative_date_near_date_min() -> None:
    assert _resolved("two days ago", D(1, 1, 1)) == [("two days ago", None, "unknown")]


# -- properties -------------------------------------------------------------------------------------

PUBLISHED = st.one_of(st.none(), st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
DATE_WORDS = st.sampled_from([
    "on", "Monday", "last", "Friday", "night", "this", "week", "month", "year", "ago", "two", "days", "a few",
    "more than", "three", "years", "in", "May", "of", "2020", "December", "30", "17 October 2023", "Feb.",
    "29", "February 29", "yesterday", "earlier", "since", "2/30/2021", "2021-02-29", "the", "early", "late",
    ",", "(", ")",
    "mid-", "1999", "2099", "we", "Su-25",
])
TEXT = st.one_of(st.text(), st.lists(DATE_WORDS, max_size=20).map(" ".join))


@settings(max_examples=400, deadline=None)
@example("On December 30", D(2023, 1, 5))
@example("February 29", D(2023, 3, 1))
@example("On 29 February", D(2024, 2, 28))
@example("a year ago", D(2024, 2, 29))
@given(TEXT, PUBLISHED)
def test_find_dates_never_raises_nor_resolves_after_published(text: str, published: date | None) -> None:
    for m in find_dates(text, 7, published):
        assert 7 <= m.span.start < m.span.end <= 7 + len(text)
        assert text[m.span.start - 7:m.span.end - 7] == m.span.text
        assert m.precision in ("day", "week", "month", "year", "unknown")
        if m.value is None:
            continue
        assert m.precision != "unknown"
        if published is not None:
            assert m.value <= published


@pytest.mark.parametrize("text,expected", [
    ("missile attacks against Erbil, Iraq the day prior and", date(2024, 1, 15)),
    ("the attack the previous day killed two", date(2024, 1, 15)),
    ("strikes this afternoon on facilities", date(2024, 1, 16)),
    # "evening" is today's, not "the eve"
    ("forces earlier this evening conducted airstrikes", date(2024, 1, 16)),
    ("on the eve of the talks, a drone", date(2024, 1, 15)),
])
def test_relative_days_of_official_prose(text: str, expected: date) -> None:
    (d,) = find_dates(text, 0, date(2024, 1, 16))
    assert d.value == expected and d.precision == "day"


def test_the_day_before_an_occasion_is_not_a_relative_date() -> None:
    assert not [d for d in find_dates("on the day before the election", 0, date(2024, 1, 16)) if d.value]


@pytest.mark.parametrize("text,value", [
    ("In October last year, two PKK terrorists carried out a bomb attack", date(2023, 10, 1)),
    ("in October of last year", date(2023, 10, 1)),
    ("In March this year", date(2024, 3, 1)),
    ("last October", date(2023, 10, 1)),  # said in October: the one a year before
    ("last September", date(2024, 9, 1)),
])
def test_a_month_told_relative_to_the_year(text: str, value: date) -> None:
    [d] = find_dates(text, 0, date(2024, 10, 24))
    assert (d.value, d.precision) == (value, "month")
