"""Villages and areas the gazetteer lacks, named by their address (sigact.localities and resolve)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sigact.localities import unlisted_before
from sigact.pipeline import extract_text


@pytest.mark.parametrize("before,listed_kind,name", [
    ("a treacherous attack near the village of Safra, southwest of ", "city", "Safra"),
    ("on Tuesday evening in al-Rashad, a village in the ", "admin2", "al-Rashad"),
    ("shot and killed 2 civilians in Khair district, ", "admin1", "Khair"),
    ("an IED targeting an army vehicle in the Qaryat as Sukkariyah area of ", "admin1", "Qaryat as Sukkariyah"),
    ("a roadside bomb in Zaidan area, ", "admin1", "Zaidan"),
    ("shelling in Sida (Seedan) area in ", "admin2", None),  # an area of a district is coded as the district
    ("executed six police officers in Sayed Ahmad village, ", "admin1", "Sayed Ahmad"),
    # a part of a town is coded as the town
    ("assailants attacked a checkpoint in Tahrir area, ", "city", None),
    ("an explosives-laden vehicle detonated in the Al-Muhandiseen neighborhood of ", "city", None),
    # words that describe are not names
    ("a car bomb in the mainly Sunni district of ", "admin1", None),
    ("strikes on an Iraqi village in ", "admin1", None),
    ("on Monday in the border area of ", "admin1", None),
    ("militants attacked a village in ", "admin1", None),
])
def test_unlisted_place_before_a_listed_one(before: str, listed_kind: str, name: str | None) -> None:
    found = unlisted_before(before, listed_kind)
    assert (found.name if found else None) == name
    if found:
        assert before[found.start:].startswith(name or "")


@given(st.text(alphabet="abcdefghij ,.-'()", max_size=120))
def test_lowercase_text_never_names_a_place(before: str) -> None:
    assert unlisted_before(before, "admin1") is None


def test_an_unlisted_village_is_the_location_placed_at_its_address() -> None:
    [event] = extract_text("At approximately 20:30 this evening, a police patrol was attacked with an explosive device "
                           "near the village of Safra, southwest of Kirkuk, killing two policemen.",
                           published="2022-12-18")
    assert event.location == "Safra" and event.geo_precision == 2
    assert event.lat is not None and event.lon is not None
    assert abs(event.lat - 35.47) < 0.2 and abs(event.lon - 44.39) < 0.2  # Kirkuk's point


def test_a_neighbourhood_of_a_city_keeps_the_city() -> None:
    [event] = extract_text("On 14 June 2015, a car bomb exploded near a market in Qahira area, Baghdad city, "
                           "killing ten people.", published="2015-06-14")
    assert event.location == "Baghdad"


def test_a_name_told_by_its_bearing_from_a_listed_place() -> None:
    found = unlisted_before("Drones struck the headquarters of Komala in Zrgwez, south of ", "city")
    assert found == (44, 50, "Zrgwez")
    assert unlisted_before("A camp in Jezhnikan, near ", "city") == (10, 19, "Jezhnikan")
    assert unlisted_before("bases in the Zrgwez area near ", "city") is None  # an area near a town is coded at it
    found = unlisted_before("bases of the party in the Koysanjaq (Koya) village east of ", "city")
    assert found is not None and found.end - found.start == len("Koysanjaq (Koya)")  # its other name in brackets
    assert unlisted_before("A drone struck a car in January, south of ", "city") is None


def test_an_unlisted_village_a_listed_place_owns() -> None:
    from sigact.localities import unlisted_after

    found = unlisted_after("'s Sikeniye village on Tuesday afternoon", "town")
    assert found is not None and found.name == "Sikeniye" and found.start == 3
    assert unlisted_after("'s al-Zanjili neighbourhood on Monday", "city") is None  # a part of a city is the city
    [event] = extract_text("A suspected Turkish drone strike hit a hospital in Sinjar's Sikeniye village on Tuesday "
                           "afternoon, killing at least eight people.", published="2021-08-17")
    assert event.location == "Sikeniye" and event.geo_precision == 2
